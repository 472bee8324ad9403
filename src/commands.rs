//! One function per subcommand: checked options in, an [`Outcome`] out, or
//! a [`UsageError`] when the invocation itself is wrong ([`crate::exit`]
//! turns either into the exit status).
//!
//! Output policy is the [`console`](crate::console)'s: results on standard
//! output, everything else on standard error.

use crate::batch::{self, MergeError, RunKind, Shard};
use crate::config::{self, DiffOptions, Output, RenderOptions, UsageError};
use crate::console::Console;
use crate::exit::Outcome;
use crate::pipeline::{self, Destination};
use crate::profile::{self, discover, model::Date, LoadOptions};
use crate::render::pdf::fonts::{FontSet, SystemFontSource};
use crate::render::pdf::layout::Paper;
use crate::render::pdf::{PdfOptions, PdfStandard};
use crate::render::templates::{self, Templates};
use crate::render::Renderer;
use std::path::{Path, PathBuf};

/// `socsource <version>`: how assessments, reports, records and manifests
/// name their maker.
pub const GENERATOR: &str = concat!("socsource ", env!("CARGO_PKG_VERSION"));

/// How this process evaluates a profile: on every core, naming this build.
fn evaluation() -> crate::evaluate::Options {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    crate::evaluate::Options::new(GENERATOR).with_threads(cores)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn validate(paths: &[PathBuf], console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let options = LoadOptions::on(config::default_report_date()?);
    let found = discover::discover(paths);
    if !found.unusable.is_empty() {
        return Err(batch::RunError::Inputs(found.unusable).into());
    }
    console.diagnostics(&found.problems);
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
                console.diagnostics(&loaded.warnings);
            }
            Err(diags) => {
                invalid += 1;
                console.diagnostics(&diags);
            }
        }
    }
    if found.files.is_empty() && found.problems.is_empty() {
        console.note("error: no profiles (*.yaml, *.yml) found");
        return Ok(Outcome::SomeFailed);
    }
    console.note(&format!(
        "{}: {valid} valid, {invalid} invalid",
        plural(found.files.len(), "profile checked", "profiles checked")
    ));
    Ok(Outcome::from_failures(invalid + found.problems.len()))
}

pub fn schema(console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let schema = profile::schema::profile_schema();
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    let _ = writeln!(console.out, "{text}");
    Ok(Outcome::Success)
}

pub fn init(
    file: &Path,
    force: bool,
    quotes: bool,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let text = profile::starter(file, quotes);
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        crate::fsio::create_dir_all(parent)?;
    }
    crate::fsio::write_new(file, text.as_bytes(), force)?;
    let shown = file.display();
    console.note(&format!(
        "wrote {shown}; edit it, then run `socsource validate {shown}`"
    ));
    Ok(Outcome::Success)
}

/// The renderer for a run: templates and fonts, checked before any work.
fn renderer(options: &RenderOptions) -> Result<Renderer, UsageError> {
    renderer_with(
        options.templates.as_deref(),
        options.font.as_deref(),
        &options.system_fonts,
        (options.paper, options.pdf_standard),
    )
}

fn renderer_with(
    templates: Option<&Path>,
    font: Option<&[u8]>,
    system_fonts: &SystemFontSource,
    (paper, standard): (Paper, PdfStandard),
) -> Result<Renderer, UsageError> {
    let templates = Templates::load(templates)?;
    let fonts = FontSet::with_system_fonts(font, system_fonts.clone()).map_err(UsageError::Font)?;
    Ok(Renderer::new(
        templates,
        fonts,
        PdfOptions {
            paper,
            standard,
            ..PdfOptions::default()
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
    if options.output == Output::Stdout {
        let found = discover::discover(&inputs[..1]);
        if !found.unusable.is_empty() {
            return Err(batch::RunError::Inputs(found.unusable).into());
        }
    }
    let renderer = renderer(options)?;
    match &options.output {
        Output::Stdout => Ok(report_to_stdout(
            &inputs[0], date, &renderer, options, console,
        )),
        Output::Dir(out) => {
            let run = batch::Run {
                kind: RunKind::Report,
                inputs,
                out,
                options: options.run_options(),
                renderer: &renderer,
                date,
                evaluation: evaluation(),
            };
            let totals = warming(&renderer, options, || batch::run(&run, console))?;
            Ok(Outcome::from_failures(totals.failures()))
        }
    }
}

/// `report FILE --out -`: the same path as every other report, to standard
/// output.
fn report_to_stdout(
    file: &Path,
    date: Date,
    renderer: &Renderer,
    options: &RenderOptions,
    console: &mut Console<'_>,
) -> Outcome {
    let input = pipeline::read(
        file,
        &file.display().to_string(),
        &options.load_options(date),
    );
    let to = Destination::Stdout(&mut *console.out);
    let (result, messages) = warming(renderer, options, || {
        let formats = (&options.formats[..], &options.editions[..]);
        pipeline::render_one(&input, renderer, formats, &evaluation(), to)
    });
    for m in &messages {
        console.message(m);
    }
    Outcome::from_failures(usize::from(result.is_err()))
}

/// `batch`: every profile under the folders, the shard record, and (when
/// not sharded) the portfolio index, summary and manifest.
pub fn batch(
    inputs: &[PathBuf],
    options: &RenderOptions,
    shard: Option<Shard>,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let Output::Dir(out) = &options.output else {
        return Err(UsageError::StdoutNeedsOneProfile);
    };
    let date = config::default_report_date()?;
    let renderer = renderer(options)?;
    let run = batch::Run {
        kind: RunKind::batch(shard),
        inputs,
        out,
        options: options.run_options(),
        renderer: &renderer,
        date,
        evaluation: evaluation(),
    };
    let totals = warming(&renderer, options, || batch::run(&run, console))?;
    Ok(Outcome::from_failures(totals.failures()))
}

/// Run `work` while another thread compiles the templates and reads the
/// fonts it will need: on two cores a single report is ready sooner.
fn warming<T>(renderer: &Renderer, options: &RenderOptions, work: impl FnOnce() -> T) -> T {
    std::thread::scope(|scope| {
        scope.spawn(|| renderer.warm(&options.formats, &options.editions));
        work()
    })
}

/// `index`: merge shard records into one portfolio index, with the
/// templates the shards were rendered with.
pub fn index(
    dirs: &[PathBuf],
    out: Option<&Path>,
    templates: Option<&Path>,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let templates = Templates::load(templates)?;
    let out = out.map_or_else(|| dirs[0].clone(), Path::to_path_buf);
    match batch::merge(dirs, &out, &templates) {
        Ok(()) => {
            if !console.style.quiet {
                console.note(&format!("wrote {}", out.join("index.html").display()));
            }
            Ok(Outcome::Success)
        }
        Err(MergeError::Templates(differ)) => Err(differ.into()),
        Err(MergeError::Folder(e)) => Err(crate::batch::RunError::from(e).into()),
        Err(e) => {
            console.error(&e);
            Ok(Outcome::SomeFailed)
        }
    }
}

pub fn export_templates(
    dir: &Path,
    force: bool,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    match templates::export(dir, force) {
        Ok(names) => {
            console.note(&format!(
                "wrote {} templates to {}; use them with `--templates {}`",
                names.len(),
                dir.display(),
                dir.display()
            ));
            Ok(Outcome::Success)
        }
        Err(e) => {
            console.error(&e);
            Ok(Outcome::SomeFailed)
        }
    }
}

/// `docs`: write every generated documentation page into `dir`. Folders
/// are made first, so a folder that cannot be made stops the run before
/// any page is written; each page is written atomically.
pub fn docs(dir: &Path, console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let profile = crate::docs::reference_profile().ok_or(UsageError::StarterProfile)?;
    let pages = crate::docs::pages(&profile);
    let folders: std::collections::BTreeSet<PathBuf> = pages
        .iter()
        .filter_map(|(name, _)| dir.join(name).parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        crate::fsio::create_dir_all(folder)?;
    }
    for (name, bytes) in &pages {
        crate::fsio::write_atomic(&dir.join(name), bytes)?;
    }
    if !console.style.quiet {
        console.note(&format!(
            "wrote {} to {}",
            plural(pages.len(), "page", "pages"),
            dir.display()
        ));
    }
    Ok(Outcome::Success)
}

/// `completions`: the completion script for `shell` on standard output.
pub fn completions(
    shell: clap_complete::Shell,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let mut cmd = <crate::cli::Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut cmd, "socsource", &mut *console.out);
    Ok(Outcome::Success)
}

/// `man`: the manual page, as roff, on standard output.
pub fn man(console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let _ = console.out.write_all(&crate::docs::man_page());
    Ok(Outcome::Success)
}

/// Largest `assessment.json` read by `diff` (the largest valid profile's
/// assessment is well under a megabyte).
pub const MAX_ASSESSMENT_BYTES: u64 = 8 * 1024 * 1024;

/// One side of a `diff`: an `assessment.json` as written, or a profile
/// evaluated now, as the JSON it would be written as. `None` once the
/// reason it cannot be read has been shown.
fn assessment_of(file: &Path, date: Date, console: &mut Console<'_>) -> Option<serde_json::Value> {
    let shown = file.display().to_string();
    let is_json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let bytes = match crate::fsio::read_limited(file, MAX_ASSESSMENT_BYTES) {
            Ok(bytes) => bytes,
            Err(crate::fsio::ReadError::Io(e)) => {
                console.error(&e);
                return None;
            }
            Err(crate::fsio::ReadError::TooLarge { limit, .. }) => {
                console.error(&format!(
                    "{shown}: the file is larger than the {} limit for an assessment.json; is it the right file?",
                    crate::fsio::ReadError::limit_words(limit)
                ));
                return None;
            }
        };
        return match serde_json::from_slice(&bytes) {
            Ok(value) => Some(value),
            Err(e) => {
                let reason = e.to_string();
                let reason = reason
                    .rsplit_once(" at line ")
                    .map_or(reason.as_str(), |(r, _)| r);
                console.error(&format!(
                    "{shown}:{}:{}: not an assessment.json (expected JSON as `socsource report --format json` writes it): {reason}",
                    e.line(),
                    e.column()
                ));
                None
            }
        };
    }
    let input = pipeline::read(file, &shown, &LoadOptions::on(date));
    match input.result {
        Ok(loaded) => {
            console.diagnostics(&loaded.warnings);
            let assessment = crate::evaluate::evaluate(&loaded.profile, &evaluation());
            match serde_json::to_value(&assessment) {
                Ok(value) => Some(value),
                Err(e) => {
                    console.error(&format!(
                        "{shown}: the assessment cannot be serialised: {e}"
                    ));
                    None
                }
            }
        }
        Err(diags) => {
            console.diagnostics(&diags);
            None
        }
    }
}

/// `diff`: what changed between two assessments of one organisation.
pub fn diff(
    old: &Path,
    new: &Path,
    options: &DiffOptions,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let date = config::default_report_date()?;
    let found = discover::discover(&[old.to_path_buf(), new.to_path_buf()]);
    if !found.unusable.is_empty() {
        return Err(batch::RunError::Inputs(found.unusable).into());
    }
    let renderer = renderer_with(
        options.templates.as_deref(),
        options.font.as_deref(),
        &options.system_fonts,
        (options.paper, options.pdf_standard),
    )?;
    let (Some(then), Some(now)) = (
        assessment_of(old, date, console),
        assessment_of(new, date, console),
    ) else {
        return Ok(Outcome::SomeFailed);
    };
    let comparison = match crate::compare::compare(&then, &now) {
        Ok(c) => c.read_from(&old.display().to_string(), &new.display().to_string()),
        Err(e) => {
            console.error(&format!(
                "cannot compare {} with {}: {e}",
                old.display(),
                new.display()
            ));
            return Ok(Outcome::SomeFailed);
        }
    };
    let rendered = match renderer.comparison(&comparison, &options.formats, GENERATOR) {
        Ok(r) => r,
        Err(e) => {
            console.error(&e);
            return Ok(Outcome::SomeFailed);
        }
    };
    for w in &rendered.warnings {
        console.message(&format!("warning: {w}\n"));
    }
    match &options.output {
        Output::Stdout => {
            for f in &rendered.files {
                let _ = console.out.write_all(&f.bytes);
            }
        }
        Output::Dir(out) => {
            if let Err(e) = pipeline::write_files(out, &rendered.files) {
                console.error(&e);
                return Ok(Outcome::SomeFailed);
            }
            if !console.style.quiet {
                console.note(&format!(
                    "{}.{}\nwrote {} to {}",
                    comparison.summary,
                    comparison
                        .why
                        .as_ref()
                        .map_or_else(String::new, |why| format!("\n{why}.")),
                    rendered
                        .files
                        .iter()
                        .map(|f| f.path.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    out.display()
                ));
            }
        }
    }
    Ok(Outcome::Success)
}
