//! One function per subcommand: checked options in, an [`Outcome`] out.
//!
//! Output policy: results go to standard output (one line per valid profile,
//! the schema, a report written to `-`); diagnostics, warnings and summaries
//! go to standard error. Write errors on the console (a closed pipe) are
//! ignored: the exit status still tells the truth.

use crate::batch;
use crate::config::{self, RenderOptions, UsageError};
use crate::diag::Diagnostic;
use crate::profile::{self, discover, LoadOptions};
use crate::render::pdf::fonts::FontSet;
use crate::render::pdf::PdfOptions;
use crate::render::templates::Templates;
use crate::render::Renderer;
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
    pub style: batch::ConsoleStyle,
}

fn print_diagnostics(console: &mut Console<'_>, diags: &[Diagnostic]) {
    batch::print_diagnostics(console.err, diags, console.style.color);
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn validate(paths: &[PathBuf], console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let options = LoadOptions {
        default_date: config::default_report_date()?,
    };
    let found = discover::discover(paths);
    print_diagnostics(console, &found.problems);
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
                print_diagnostics(console, &loaded.warnings);
            }
            Err(diags) => {
                invalid += 1;
                print_diagnostics(console, &diags);
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

/// The renderer for a run: templates and fonts, checked before any work.
fn renderer(options: &RenderOptions) -> Result<Renderer, UsageError> {
    let templates =
        Templates::load(options.templates.as_deref()).map_err(|e| UsageError(e.to_string()))?;
    let fonts = FontSet::new(options.font.as_deref()).map_err(UsageError)?;
    Ok(Renderer::new(
        templates,
        fonts,
        PdfOptions {
            paper: options.paper,
        },
    ))
}

/// `report`: render the given profiles; `--out -` writes the one requested
/// file to standard output.
pub fn report(
    inputs: &[PathBuf],
    options: &RenderOptions,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let date = config::default_report_date()?;
    let renderer = renderer(options)?;
    if options.output == config::Output::Stdout {
        let shown = inputs[0].display().to_string();
        let loaded =
            match profile::load_path(&inputs[0], &shown, &LoadOptions { default_date: date }) {
                Ok(l) => l,
                Err(diags) => {
                    batch::print_diagnostics(console.err, &diags, console.style.color);
                    return Ok(Outcome::SomeFailed);
                }
            };
        batch::print_diagnostics(console.err, &loaded.warnings, console.style.color);
        let assessment = crate::evaluate::evaluate(&loaded.profile);
        return match renderer.report(&assessment, &options.formats) {
            Ok(r) => {
                for w in &r.warnings {
                    let _ = writeln!(console.err, "warning: {shown}: {w}");
                }
                if let Some(f) = r.files.iter().find(|f| !f.path.contains('/')) {
                    let _ = console.out.write_all(&f.bytes);
                }
                Ok(Outcome::Success)
            }
            Err(e) => {
                let _ = writeln!(console.err, "error: {shown}: {e}");
                Ok(Outcome::SomeFailed)
            }
        };
    }
    let plan = batch::RunPlan {
        inputs,
        shard: batch::Shard::WHOLE,
        record: false,
        merge: false,
        date,
    };
    let totals = batch::run(&plan, options, &renderer, console.style, console.err)?;
    Ok(if totals.failed + totals.skipped == 0 {
        Outcome::Success
    } else {
        Outcome::SomeFailed
    })
}

/// `batch`: every profile under the folders, the shard record, and (when
/// not sharded) the portfolio index, summary and manifest.
pub fn batch(
    inputs: &[PathBuf],
    options: &RenderOptions,
    shard: Option<&str>,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let shard = match shard {
        Some(text) => batch::Shard::parse(text)?,
        None => batch::Shard::WHOLE,
    };
    let date = config::default_report_date()?;
    let renderer = renderer(options)?;
    let plan = batch::RunPlan {
        inputs,
        shard,
        record: true,
        merge: shard.count == 1,
        date,
    };
    let totals = batch::run(&plan, options, &renderer, console.style, console.err)?;
    Ok(if totals.failed + totals.skipped == 0 {
        Outcome::Success
    } else {
        Outcome::SomeFailed
    })
}

/// `index`: merge shard records into one portfolio index.
pub fn index(
    dirs: &[PathBuf],
    out: Option<&Path>,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let templates = Templates::load(None).map_err(|e| UsageError(e.to_string()))?;
    let fonts = FontSet::new(None).map_err(UsageError)?;
    let renderer = Renderer::new(templates, fonts, PdfOptions::default());
    let out = out.map_or_else(|| dirs[0].clone(), Path::to_path_buf);
    match batch::merge(dirs, &out, &renderer) {
        Ok(()) => {
            if !console.style.quiet {
                let _ = writeln!(console.err, "wrote {}", out.join("index.html").display());
            }
            Ok(Outcome::Success)
        }
        Err(e) => {
            let _ = writeln!(
                console.err,
                "{}",
                batch::colorize(&format!("error: {e}"), console.style.color)
            );
            Ok(Outcome::SomeFailed)
        }
    }
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
