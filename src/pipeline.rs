//! One profile, one way through: read, load, evaluate, render, write.
//!
//! `report` (to files or to standard output) and every worker of a batch
//! send each profile through [`render_one`]; nothing here knows about
//! batches, shards or the terminal. What comes back is small: the files'
//! hashes, the recommendation and the portfolio index row, or why it
//! failed, plus the lines to show on standard error (the caller decides
//! when and how to print them).

use crate::diag::Diagnostic;
use crate::digest::sha256_hex;
use crate::evaluate;
use crate::evaluate::assessment::{Assessment, Confidence, SocOption};
use crate::fsio::{self, IoError};
use crate::profile::{self, LoadOptions};
use crate::render::{Edition, Format, IndexRow, OutputFile, Renderer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A profile file, read and loaded.
pub(crate) struct Input {
    /// The path as shown to users.
    pub shown: String,
    /// SHA-256 of the file's bytes, when they could be read.
    pub sha256: Option<String>,
    pub result: Result<profile::Loaded, Vec<Diagnostic>>,
}

/// Read and load one profile file, hashing its bytes for the manifest.
pub(crate) fn read(file: &Path, shown: &str, options: &LoadOptions) -> Input {
    let (sha256, result) = match fsio::read_limited(file, profile::MAX_PROFILE_BYTES) {
        Ok(bytes) => {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                Some(sha256_hex(&bytes)),
                profile::load_bytes_in(
                    shown,
                    &stem,
                    &bytes,
                    file.parent().unwrap_or(Path::new(".")),
                    options,
                ),
            )
        }
        // Loading again turns the read error into the profile's diagnostic.
        Err(_) => (None, profile::load_path(file, shown, options)),
    };
    Input {
        shown: shown.to_string(),
        sha256,
        result,
    }
}

/// Load a profile given as bytes (standard input): `shown` names it in
/// messages, `stem` stands in for the file name the default id comes from.
pub(crate) fn from_bytes(shown: &str, stem: &str, bytes: &[u8], options: &LoadOptions) -> Input {
    Input {
        shown: shown.to_string(),
        sha256: Some(sha256_hex(bytes)),
        result: profile::load_bytes(shown, stem, bytes, options),
    }
}

/// Where a rendered report goes.
pub(crate) enum Destination<'a> {
    /// `OUT/<id>/`, each file written atomically.
    Folder(&'a Path),
    /// `--out -`: the one requested file (charts aside).
    Stdout(&'a mut dyn Write),
}

/// A file written, by path relative to the output folder, and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileHash {
    pub path: String,
    pub sha256: String,
}

/// The recommendation, as the summary and shard records list it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct RecommendationSummary {
    pub option: SocOption,
    pub label: String,
    /// The recommended option's value in the appraisal, 0-1.
    pub value: f64,
    pub probability_best: f64,
    pub confidence: Confidence,
}

impl RecommendationSummary {
    pub(crate) fn new(a: &Assessment) -> RecommendationSummary {
        RecommendationSummary {
            option: a.recommendation.option,
            label: a.recommendation.label.clone(),
            value: a
                .decision
                .options
                .get(&a.recommendation.option)
                .map_or(0.0, |o| o.value),
            probability_best: a.recommendation.probability_best,
            confidence: a.recommendation.confidence,
        }
    }
}

/// A report rendered and written.
#[derive(Debug)]
pub(crate) struct Written {
    pub id: String,
    /// Files written (none for standard output), relative to the output folder.
    pub outputs: Vec<FileHash>,
    pub recommendation: RecommendationSummary,
    pub row: IndexRow,
}

/// Why a profile produced no report.
#[derive(Debug)]
pub(crate) struct Failed {
    /// The profile's id, when it got as far as loading.
    pub id: Option<String>,
    /// One line, for the index and the summary.
    pub error: String,
    /// The first few errors of a refused profile, one line each, for the
    /// dashboard ([`crate::render::FAILURE_DETAILS_SHOWN`] at most)...
    pub details: Vec<String>,
    /// ...and how many more there are.
    pub more: usize,
}

/// The lines for standard error that one profile produced, in order, each
/// ending in a newline (diagnostics, warnings, errors).
pub(crate) type Messages = Vec<String>;

/// Evaluate, render and write one loaded profile in the given formats and
/// editions.
pub(crate) fn render_one(
    input: &Input,
    renderer: &Renderer,
    (formats, editions): (&[Format], &[Edition]),
    evaluation: &evaluate::Options,
    to: Destination<'_>,
) -> (Result<Written, Failed>, Messages) {
    let loaded = match &input.result {
        Ok(loaded) => loaded,
        Err(diags) => {
            let (details, more) = error_lines(diags);
            let failed = Failed {
                id: None,
                error: first_error(diags),
                details,
                more,
            };
            return (Err(failed), diags.iter().map(ToString::to_string).collect());
        }
    };
    let mut messages: Messages = loaded.warnings.iter().map(ToString::to_string).collect();
    let id = &loaded.profile.id;
    let failed = |error: String| {
        Err(Failed {
            id: Some(id.clone()),
            error,
            details: Vec::new(),
            more: 0,
        })
    };
    let assessment = evaluate::evaluate(&loaded.profile, evaluation);
    let rendered = match renderer.render(&assessment, formats, editions) {
        Ok(r) => r,
        Err(e) => {
            messages.push(format!("error: {}: {e}\n", input.shown));
            return (failed(e.to_string()), messages);
        }
    };
    for w in &rendered.warnings {
        messages.push(format!("warning: {}: {w}\n", input.shown));
    }
    let outputs = match to {
        Destination::Folder(out) => match write_files(&out.join(id), &rendered.files) {
            Ok(()) => hashes(&rendered.files, &format!("{id}/")),
            Err(e) => {
                messages.push(format!("error: {e}\n"));
                return (failed(e.to_string()), messages);
            }
        },
        Destination::Stdout(out) => {
            if let Some(f) = rendered.files.iter().find(|f| !f.path.contains('/')) {
                // A closed pipe is the reader's choice, not a failure.
                let _ = out.write_all(&f.bytes);
            }
            Vec::new()
        }
    };
    let written = Written {
        id: id.clone(),
        outputs,
        recommendation: RecommendationSummary::new(&assessment),
        row: IndexRow::new(&assessment, formats, editions),
    };
    (Ok(written), messages)
}

/// The first error of a refused profile, on one line.
fn first_error(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .find(|d| d.is_error())
        .or(diags.first())
        .map_or_else(|| "invalid profile".to_string(), Diagnostic::one_line)
}

/// The errors of a refused profile, one line each: the first
/// [`crate::render::FAILURE_DETAILS_SHOWN`], and how many more there are.
fn error_lines(diags: &[Diagnostic]) -> (Vec<String>, usize) {
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
    let shown = crate::render::FAILURE_DETAILS_SHOWN;
    let lines = errors
        .iter()
        .take(shown)
        .map(|d| {
            let mut line = if d.line > 0 {
                format!("line {}: ", d.line)
            } else {
                String::new()
            };
            if let Some(key) = &d.key_path {
                line.push_str(key);
                line.push_str(": ");
            }
            line.push_str(&d.message);
            line
        })
        .collect();
    (lines, errors.len().saturating_sub(shown))
}

/// The hashes of rendered files, their paths prefixed.
pub(crate) fn hashes(files: &[OutputFile], prefix: &str) -> Vec<FileHash> {
    files
        .iter()
        .map(|f| FileHash {
            path: format!("{prefix}{}", f.path),
            sha256: sha256_hex(&f.bytes),
        })
        .collect()
}

/// Write rendered files under `folder`, each atomically, refusing to write
/// through a symbolic link to a folder.
pub(crate) fn write_files(folder: &Path, files: &[OutputFile]) -> Result<(), IoError> {
    fsio::create_dir_all(folder)?;
    fsio::refuse_symlink(folder)?;
    // Each subfolder once: on slow filesystems every mkdir call counts.
    let mut made: BTreeSet<PathBuf> = BTreeSet::new();
    for f in files {
        let path = folder.join(&f.path);
        if let Some(parent) = path.parent().filter(|p| *p != folder) {
            if made.insert(parent.to_path_buf()) {
                fsio::create_dir_all(parent)?;
                fsio::refuse_symlink(parent)?;
            }
        }
        fsio::write_atomic_unsynced_folder(&path, &f.bytes)?;
    }
    // Each folder's new names made durable once, after all its renames.
    for dir in made.iter().map(PathBuf::as_path).chain([folder]) {
        fsio::sync_dir(dir);
    }
    Ok(())
}
