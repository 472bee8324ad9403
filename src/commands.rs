//! One function per subcommand: checked options in, an [`Outcome`] out.
//!
//! Output policy: results go to standard output (one line per valid profile,
//! the schema, a report written to `-`); diagnostics, warnings and summaries
//! go to standard error. Write errors on the console (a closed pipe) are
//! ignored: the exit status still tells the truth.

use crate::config::{self, RenderOptions, UsageError};
use crate::diag::Diagnostic;
use crate::profile::{self, discover, LoadOptions};
use crate::render::pdf::fonts::FontSet;
use crate::render::pdf::PdfOptions;
use crate::render::templates::Templates;
use crate::render::{IndexFailure, IndexRow, IndexView, OutputFile, Renderer};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How a command ended, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked for was done.
    Success,
    /// Some profile or file failed; the rest was done.
    SomeFailed,
}

/// The standard streams, passed in so tests can capture them.
pub struct Console<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

fn print_diagnostics(err: &mut dyn Write, diags: &[Diagnostic]) {
    for d in diags {
        let _ = write!(err, "{d}");
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn validate(paths: &[PathBuf], console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let options = LoadOptions {
        default_date: config::default_report_date()?,
    };
    let found = discover::discover(paths);
    print_diagnostics(console.err, &found.problems);
    let mut valid = 0;
    let mut invalid = 0;
    for file in &found.files {
        let shown = file.display().to_string();
        match profile::load_path(file, &shown, &options) {
            Ok(loaded) => {
                valid += 1;
                let p = &loaded.profile;
                let _ = writeln!(
                    console.out,
                    "ok  {shown}  ({}: {})",
                    p.id, p.organisation.name
                );
                print_diagnostics(console.err, &loaded.warnings);
            }
            Err(diags) => {
                invalid += 1;
                print_diagnostics(console.err, &diags);
            }
        }
    }
    if found.files.is_empty() && found.problems.is_empty() {
        let _ = writeln!(console.err, "error: no profiles (*.yaml, *.yml) found");
        return Ok(Outcome::SomeFailed);
    }
    let _ = writeln!(
        console.err,
        "{}: {valid} valid, {invalid} invalid",
        plural(found.files.len(), "profile checked", "profiles checked")
    );
    Ok(if invalid == 0 && found.problems.is_empty() {
        Outcome::Success
    } else {
        Outcome::SomeFailed
    })
}

pub fn schema(console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let schema = profile::schema::profile_schema();
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    let _ = writeln!(console.out, "{text}");
    Ok(Outcome::Success)
}

pub fn init(file: &Path, force: bool, console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    match crate::fsio::write_new(file, profile::STARTER.as_bytes(), force) {
        Ok(()) => {
            let shown = file.display();
            let _ = writeln!(
                console.err,
                "wrote {shown}; edit it, then run `socsource validate {shown}`"
            );
            Ok(Outcome::Success)
        }
        Err(e) => {
            let _ = writeln!(console.err, "error: {e}");
            Ok(Outcome::SomeFailed)
        }
    }
}

/// `report` and `batch`: load, evaluate, render and write each profile; a
/// batch also writes the portfolio index.
pub fn render(
    inputs: &[PathBuf],
    options: &RenderOptions,
    batch: bool,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let load = LoadOptions {
        default_date: config::default_report_date()?,
    };
    let templates =
        Templates::load(options.templates.as_deref()).map_err(|e| UsageError(e.to_string()))?;
    let fonts = FontSet::new(options.font.as_deref()).map_err(UsageError)?;
    let renderer = Renderer::new(
        templates,
        fonts,
        PdfOptions {
            paper: options.paper,
        },
    );
    let found = discover::discover(inputs);
    print_diagnostics(console.err, &found.problems);
    let mut failed = !found.problems.is_empty();
    let mut rows = Vec::new();
    let mut failures: Vec<IndexFailure> = found
        .problems
        .iter()
        .map(|d| IndexFailure {
            file: d.file.clone(),
            error: d.message.clone(),
        })
        .collect();
    for file in &found.files {
        let shown = file.display().to_string();
        let loaded = match profile::load_path(file, &shown, &load) {
            Ok(loaded) => loaded,
            Err(diags) => {
                failed = true;
                print_diagnostics(console.err, &diags);
                let first = diags.iter().find(|d| d.is_error()).or(diags.first());
                failures.push(IndexFailure {
                    file: shown.clone(),
                    error: first
                        .map_or_else(|| "invalid profile".to_string(), Diagnostic::one_line),
                });
                if options.fail_fast {
                    break;
                }
                continue;
            }
        };
        print_diagnostics(console.err, &loaded.warnings);
        let assessment = crate::evaluate::evaluate(&loaded.profile);
        let rendered = match renderer.report(&assessment, &options.formats) {
            Ok(r) => r,
            Err(e) => {
                failed = true;
                let _ = writeln!(console.err, "error: {shown}: {e}");
                failures.push(IndexFailure {
                    file: shown.clone(),
                    error: e.to_string(),
                });
                if options.fail_fast {
                    break;
                }
                continue;
            }
        };
        for w in &rendered.warnings {
            let _ = writeln!(console.err, "warning: {shown}: {w}");
        }
        match &options.output {
            config::Output::Stdout => {
                if let Some(f) = rendered.files.first() {
                    let _ = console.out.write_all(&f.bytes);
                }
            }
            config::Output::Dir(dir) => {
                let folder = dir.join(&loaded.profile.id);
                match write_files(&folder, &rendered.files) {
                    Ok(()) => {
                        let _ = writeln!(console.err, "{shown}: wrote {}", folder.display());
                        rows.push(IndexRow::new(&assessment, &options.formats));
                    }
                    Err(e) => {
                        failed = true;
                        let _ = writeln!(console.err, "error: {e}");
                        failures.push(IndexFailure {
                            file: shown.clone(),
                            error: e.to_string(),
                        });
                    }
                }
            }
        }
    }
    if let (true, config::Output::Dir(dir)) = (batch, &options.output) {
        let view = IndexView {
            date: load.default_date.to_string(),
            generator: format!("socsource {}", env!("CARGO_PKG_VERSION")),
            rows,
            failures,
        };
        match renderer
            .index(&view)
            .map_err(|e| e.to_string())
            .and_then(|files| write_files(dir, &files).map_err(|e| e.to_string()))
        {
            Ok(()) => {
                let _ = writeln!(console.err, "wrote {}", dir.join("index.html").display());
            }
            Err(e) => {
                failed = true;
                let _ = writeln!(console.err, "error: portfolio index: {e}");
            }
        }
    }
    Ok(if failed {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// Write rendered files under `folder`, each atomically.
fn write_files(folder: &Path, files: &[OutputFile]) -> Result<(), crate::fsio::IoError> {
    crate::fsio::create_dir_all(folder)?;
    for f in files {
        let path = folder.join(&f.path);
        if let Some(parent) = path.parent() {
            crate::fsio::create_dir_all(parent)?;
        }
        crate::fsio::write_atomic(&path, &f.bytes)?;
    }
    Ok(())
}

pub fn export_templates(
    dir: &Path,
    force: bool,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    match crate::render::templates::export(dir, force) {
        Ok(names) => {
            let _ = writeln!(
                console.err,
                "wrote {} templates to {}; use them with `--templates {}`",
                names.len(),
                dir.display(),
                dir.display()
            );
            Ok(Outcome::Success)
        }
        Err(e) => {
            let _ = writeln!(console.err, "error: {e}");
            Ok(Outcome::SomeFailed)
        }
    }
}
