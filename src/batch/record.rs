//! Shard records, and the summary and manifest written from them.
//!
//! A shard record (`OUT/.shards/K-of-N.json`) is everything one shard did:
//! per profile its status, the files written and their hashes, the
//! recommendation and the index row, plus the run's date, formats and
//! template set (each effective template's SHA-256). It is enough to build
//! the portfolio index, `summary.json` and `manifest.json` without
//! rendering anything again ([`super::merge`](mod@super::merge)).

use super::shard::Shard;
use crate::digest::HashingWriter;
use crate::fsio::{self, IoError};
use crate::pipeline::{Failed, FileHash, Input, RecommendationSummary, Written};
use crate::render::{Edition, IndexFailure, IndexRow};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Version of the shard record and manifest formats.
pub(crate) const RECORD_VERSION: u32 = 1;

/// The folder of shard records inside an output folder.
pub(crate) fn records_folder(out: &Path) -> PathBuf {
    out.join(super::folder::RECORDS_FOLDER)
}

/// Largest shard record read (a record is about 2 KiB per profile).
pub(crate) const MAX_RECORD_BYTES: u64 = 256 * 1024 * 1024;

/// How every shard record begins: the marker that tells the tool's own
/// records from any other `.json` file.
const RECORD_MARKER: &str = "{\n  \"record_version\": ";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Status {
    Rendered,
    Failed,
    /// Not attempted because `--fail-fast` stopped the run.
    Skipped,
}

/// What happened to one profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct ProfileOutcome {
    /// Position among all profiles found, for a stable order after merging.
    pub order: usize,
    pub file: String,
    pub sha256: Option<String>,
    pub id: Option<String>,
    pub status: Status,
    /// Files written, relative to the output folder.
    pub outputs: Vec<FileHash>,
    pub recommendation: Option<RecommendationSummary>,
    pub error: Option<String>,
    /// A refused profile's first errors, one line each, and how many more
    /// it has (for the dashboard).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<IndexRow>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ProfileOutcome {
    /// The record of a profile that went through the pipeline.
    pub(crate) fn new(
        order: usize,
        input: &Input,
        result: Result<Written, Failed>,
    ) -> ProfileOutcome {
        let base = ProfileOutcome {
            order,
            file: input.shown.clone(),
            sha256: input.sha256.clone(),
            id: None,
            status: Status::Failed,
            outputs: Vec::new(),
            recommendation: None,
            error: None,
            details: Vec::new(),
            more: 0,
            row: None,
        };
        match result {
            Ok(w) => ProfileOutcome {
                id: Some(w.id),
                status: Status::Rendered,
                outputs: w.outputs,
                recommendation: Some(w.recommendation),
                row: Some(w.row),
                ..base
            },
            Err(f) => ProfileOutcome {
                id: f.id,
                error: Some(f.error),
                details: f.details,
                more: f.more,
                ..base
            },
        }
    }

    /// The record of a profile `--fail-fast` did not start.
    pub(crate) fn skipped(
        order: usize,
        file: String,
        sha256: Option<String>,
        id: Option<String>,
    ) -> ProfileOutcome {
        ProfileOutcome {
            order,
            file,
            sha256,
            id,
            status: Status::Skipped,
            outputs: Vec::new(),
            recommendation: None,
            error: Some("not attempted: --fail-fast stopped the run".into()),
            details: Vec::new(),
            more: 0,
            row: None,
        }
    }
}

/// Everything one shard did: enough to rebuild the index and manifest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ShardRecord {
    pub record_version: u32,
    pub generator: String,
    pub shard: Shard,
    pub date: String,
    pub formats: Vec<String>,
    /// The editions written; only stated when the brief is among them, so a
    /// full-report run's record and manifest read as before.
    #[serde(default = "full_only", skip_serializing_if = "is_full_only")]
    pub editions: Vec<Edition>,
    /// The `--set` values every profile was evaluated with, as `PATH=VALUE`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<String>,
    /// The template set: each effective template's SHA-256, by name.
    pub templates: BTreeMap<String, String>,
    /// Problems finding profiles (missing paths, loops), reported by shard 0.
    pub problems: Vec<IndexFailure>,
    pub profiles: Vec<ProfileOutcome>,
}

fn full_only() -> Vec<Edition> {
    vec![Edition::Full]
}

fn is_full_only(editions: &[Edition]) -> bool {
    editions == [Edition::Full]
}

/// Write a shard's record into the records folder (`OUT/.shards/`, checked
/// by [`super::folder::OutputFolder::records`]) as `K-of-N.json`.
pub(crate) fn write_record(folder: &Path, record: &ShardRecord) -> Result<(), IoError> {
    let path = folder.join(record.shard.file_name());
    super::folder::refuse_link(&path)?;
    write_json(&path, record)?;
    Ok(())
}

/// Remove every record in the records folder but `keep`'s: a whole run
/// replaces whatever shard records an earlier run left. Only the tool's own
/// records go: named `K-of-N.json` and starting with the record marker.
pub(crate) fn remove_stale(folder: &Path, keep: Shard) -> Result<(), IoError> {
    let keep = keep.file_name();
    for path in fsio::read_dir(folder)? {
        if path.file_name().is_some_and(|n| *n != *keep) && is_own_record(&path) {
            fsio::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Whether a file in `OUT/.shards/` is named as a shard record is:
/// `K-of-N.json`.
pub(crate) fn is_record(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".json"))
        .and_then(|n| n.split_once("-of-"))
        .is_some_and(|(k, n)| {
            let digits =
                |s: &str| !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit());
            digits(k) && digits(n)
        })
}

/// Whether `path` is one of the tool's own shard records: named as one, a
/// regular file (not a link), and starting with the record marker.
pub(crate) fn is_own_record(path: &Path) -> bool {
    if !is_record(path) {
        return false;
    }
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.file_type().is_file() {
        return false;
    }
    let mut head = [0u8; RECORD_MARKER.len()];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| head == *RECORD_MARKER.as_bytes())
}

/// Write `value` as pretty JSON, streaming; returns the SHA-256 of the file.
fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<String, IoError> {
    let mut digest = String::new();
    fsio::write_atomic_with(path, |w| {
        let mut hashing = HashingWriter::new(w);
        serde_json::to_writer_pretty(&mut hashing, value).map_err(std::io::Error::other)?;
        std::io::Write::write_all(&mut hashing, b"\n")?;
        digest = hashing.finish();
        Ok(())
    })?;
    Ok(digest)
}

/// The summary of a portfolio, as `summary.json`.
#[derive(Debug, Clone, Serialize)]
struct Summary<'a> {
    generator: &'a str,
    date: &'a str,
    rendered: usize,
    failed: usize,
    profiles: Vec<SummaryEntry<'a>>,
}

#[derive(Debug, Clone, Serialize)]
struct SummaryEntry<'a> {
    file: &'a str,
    id: Option<&'a str>,
    status: Status,
    outputs: Vec<&'a str>,
    recommendation: Option<&'a RecommendationSummary>,
    error: Option<&'a str>,
}

/// Write `OUT/summary.json` for the profiles of a run (in order) and the
/// number of discovery problems; returns its hash for the manifest.
pub(crate) fn write_summary(
    out: &Path,
    run: &ShardRecord,
    profiles: &[&ProfileOutcome],
    problems: usize,
) -> Result<FileHash, IoError> {
    let rendered = profiles
        .iter()
        .filter(|p| p.status == Status::Rendered)
        .count();
    let summary = Summary {
        generator: &run.generator,
        date: &run.date,
        rendered,
        failed: profiles.len() - rendered + problems,
        profiles: profiles
            .iter()
            .map(|p| SummaryEntry {
                file: &p.file,
                id: p.id.as_deref(),
                status: p.status,
                outputs: p.outputs.iter().map(|o| o.path.as_str()).collect(),
                recommendation: p.recommendation.as_ref(),
                error: p.error.as_deref(),
            })
            .collect(),
    };
    let sha256 = write_json(&out.join("summary.json"), &summary)?;
    Ok(FileHash {
        path: "summary.json".into(),
        sha256,
    })
}

#[derive(Debug, Clone, Serialize)]
struct Manifest<'a> {
    manifest_version: u32,
    generator: &'a str,
    date: &'a str,
    formats: &'a [String],
    #[serde(skip_serializing_if = "is_full_only")]
    editions: &'a [Edition],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    overrides: &'a [String],
    templates: &'a BTreeMap<String, String>,
    inputs: Vec<FileHash>,
    outputs: Vec<&'a FileHash>,
}

/// Write `OUT/manifest.json`: the hash of every input and of every output
/// (the profiles' and `written`, the index files and the summary).
pub(crate) fn write_manifest(
    out: &Path,
    run: &ShardRecord,
    profiles: &[&ProfileOutcome],
    written: &[FileHash],
) -> Result<(), IoError> {
    let mut outputs: Vec<&FileHash> = profiles
        .iter()
        .flat_map(|p| p.outputs.iter())
        .chain(written)
        .collect();
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    let mut inputs: Vec<FileHash> = profiles
        .iter()
        .filter_map(|p| {
            p.sha256.clone().map(|sha256| FileHash {
                path: p.file.clone(),
                sha256,
            })
        })
        .collect();
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = Manifest {
        manifest_version: RECORD_VERSION,
        generator: &run.generator,
        date: &run.date,
        formats: &run.formats,
        editions: &run.editions,
        overrides: &run.overrides,
        templates: &run.templates,
        inputs,
        outputs,
    };
    write_json(&out.join("manifest.json"), &manifest)?;
    Ok(())
}
