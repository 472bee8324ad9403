//! One function per subcommand: checked options in, an [`Outcome`] out.
//!
//! Output policy: results go to standard output (one line per valid profile,
//! the schema, a report written to `-`); diagnostics, warnings and summaries
//! go to standard error. Write errors on the console (a closed pipe) are
//! ignored: the exit status still tells the truth.

use crate::config::{self, RenderOptions, UsageError};
use crate::diag::Diagnostic;
use crate::profile::{self, discover, LoadOptions};
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

/// `report` and `batch`: load, evaluate, render and write each profile.
pub fn render(
    inputs: &[PathBuf],
    options: &RenderOptions,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let load = LoadOptions {
        default_date: config::default_report_date()?,
    };
    let found = discover::discover(inputs);
    print_diagnostics(console.err, &found.problems);
    let mut failed = !found.problems.is_empty();
    for file in &found.files {
        let shown = file.display().to_string();
        let loaded = match profile::load_path(file, &shown, &load) {
            Ok(loaded) => loaded,
            Err(diags) => {
                failed = true;
                print_diagnostics(console.err, &diags);
                if options.fail_fast {
                    break;
                }
                continue;
            }
        };
        print_diagnostics(console.err, &loaded.warnings);
        let assessment = crate::evaluate::evaluate(&loaded.profile);
        for format in &options.formats {
            let bytes = match format {
                crate::render::Format::Json => {
                    let mut text = serde_json::to_string_pretty(&assessment).unwrap_or_default();
                    text.push('\n');
                    text.into_bytes()
                }
                other => {
                    let _ = writeln!(
                        console.err,
                        "{shown}: {} is not available yet",
                        other.file_name()
                    );
                    continue;
                }
            };
            match &options.output {
                config::Output::Stdout => {
                    let _ = console.out.write_all(&bytes);
                }
                config::Output::Dir(dir) => {
                    let folder = dir.join(&loaded.profile.id);
                    let result = crate::fsio::create_dir_all(&folder).and_then(|()| {
                        crate::fsio::write_atomic(&folder.join(format.file_name()), &bytes)
                    });
                    if let Err(e) = result {
                        failed = true;
                        let _ = writeln!(console.err, "error: {e}");
                    }
                }
            }
        }
    }
    Ok(if failed {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}
