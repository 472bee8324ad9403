//! One function per subcommand: checked options in, an [`Outcome`] out, or
//! a [`UsageError`] when the invocation itself is wrong ([`crate::exit`]
//! turns either into the exit status).
//!
//! Output policy is the [`console`](crate::console)'s: results on standard
//! output, everything else on standard error.

use crate::batch::folder::OutputFolder;
use crate::batch::{self, MergeError, RunError, RunKind, Shard};
use crate::cli::DiagnosticFormat;
use crate::config::{self, DiffOptions, Output, RenderOptions, UsageError};
use crate::console::Console;
use crate::diag::Diagnostic;
use crate::exit::Outcome;
use crate::pipeline::{self, Destination, Input};
use crate::profile::{self, discover, model::Date, LoadOptions};
use crate::render::pdf::fonts::{FontSet, SystemFontSource};
use crate::render::pdf::layout::Paper;
use crate::render::pdf::{PdfOptions, PdfStandard};
use crate::render::templates::{self, Templates};
use crate::render::Format;
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

/// How a profile read from standard input is named in messages.
pub(crate) const STDIN_NAME: &str = "<stdin>";

/// Whether a command-line path means standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Read one profile from standard input, bounded like a file
/// ([`profile::MAX_PROFILE_BYTES`]); a larger input is the profile's
/// error, not the invocation's.
fn read_stdin(options: &LoadOptions) -> Result<Input, UsageError> {
    use std::io::Read;
    let limit = profile::MAX_PROFILE_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| UsageError::StdinUnreadable(crate::fsio::describe(&e)))?;
    if bytes.len() as u64 > limit {
        let too_large = Diagnostic::file_error(
            STDIN_NAME,
            format!(
                "standard input holds more than the {} limit for profiles",
                crate::fsio::ReadError::limit_words(limit)
            ),
        )
        .with_help(
            "a profile describes one organisation in a few kilobytes; is this the right input?",
        );
        return Ok(Input {
            shown: STDIN_NAME.to_string(),
            sha256: None,
            result: Err(vec![too_large]),
        });
    }
    // The default id of a profile without one, as a file named stdin.yaml.
    Ok(pipeline::from_bytes(STDIN_NAME, "stdin", &bytes, options))
}

/// One diagnostic as a JSON object, every key present (null when absent),
/// for `validate --format json`.
fn diagnostic_json(d: &Diagnostic) -> String {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        file: &'a str,
        line: usize,
        column: usize,
        key_path: Option<&'a str>,
        severity: crate::diag::Severity,
        message: &'a str,
        help: Option<&'a str>,
    }
    let line = Line {
        file: &d.file,
        line: d.line,
        column: d.column,
        key_path: d.key_path.as_deref(),
        severity: d.severity,
        message: &d.message,
        help: d.help.as_deref(),
    };
    serde_json::to_string(&line).unwrap_or_default()
}

/// Diagnostics as the chosen format asks: text on standard error, or one
/// JSON object per line on standard output.
fn report_diagnostics(console: &mut Console<'_>, format: DiagnosticFormat, diags: &[Diagnostic]) {
    match format {
        DiagnosticFormat::Text => console.diagnostics(diags),
        DiagnosticFormat::Json => {
            for d in diags {
                let _ = writeln!(console.out, "{}", diagnostic_json(d));
            }
        }
    }
}

pub(crate) fn validate(
    paths: &[PathBuf],
    format: DiagnosticFormat,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let options = LoadOptions::on(config::default_report_date()?);
    let stdin_count = paths.iter().filter(|p| is_stdin(p)).count();
    if stdin_count > 1 {
        return Err(UsageError::Stdin("once"));
    }
    let files: Vec<PathBuf> = paths.iter().filter(|p| !is_stdin(p)).cloned().collect();
    let found = discover::discover(&files);
    if !found.unusable.is_empty() {
        return Err(RunError::Inputs(found.unusable).into());
    }
    if stdin_count == 0 && found.files.is_empty() && found.problems.is_empty() {
        return Err(RunError::NoProfiles { inputs: files }.into());
    }
    let mut inputs = Vec::new();
    if stdin_count == 1 {
        inputs.push(read_stdin(&options)?);
    }
    report_diagnostics(console, format, &found.problems);
    let (mut valid, mut invalid) = (0, 0);
    let checked = inputs.len() + found.files.len();
    let from_files = found.files.iter().map(|file| {
        let shown = file.display().to_string();
        Input {
            result: profile::load_path(file, &shown, &options),
            shown,
            sha256: None,
        }
    });
    for input in inputs.into_iter().chain(from_files) {
        match &input.result {
            Ok(loaded) => {
                valid += 1;
                let p = &loaded.profile;
                if format == DiagnosticFormat::Text {
                    let _ = writeln!(
                        console.out,
                        "ok  {}  ({}: {})",
                        crate::diag::printable(&input.shown),
                        p.id,
                        p.organisation.name
                    );
                }
                report_diagnostics(console, format, &loaded.warnings);
            }
            Err(diags) => {
                invalid += 1;
                report_diagnostics(console, format, diags);
            }
        }
    }
    console.note(&format!(
        "{}: {valid} valid, {invalid} invalid",
        plural(checked, "profile checked", "profiles checked")
    ));
    Ok(Outcome::from_failures(invalid + found.problems.len()))
}

pub(crate) fn schema(console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let schema = profile::schema::profile_schema();
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    let _ = writeln!(console.out, "{text}");
    Ok(Outcome::Success)
}

pub(crate) fn init(
    file: &Path,
    force: bool,
    quotes: bool,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let text = profile::starter(file, quotes);
    let parent = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    crate::fsio::check_output_folder(parent)?;
    if file.is_dir() {
        return Err(crate::fsio::IoError {
            action: "write",
            path: file.to_path_buf(),
            source: std::io::Error::other("it is a folder; give a file name such as acme.yaml"),
        }
        .into());
    }
    crate::fsio::create_dir_all(parent)?;
    crate::fsio::write_new(file, text.as_bytes(), force)?;
    let shown = file.display();
    console.note(&format!(
        "wrote {shown}; edit it, then run `socsource validate {shown}`"
    ));
    Ok(Outcome::Success)
}

/// The renderer for a run: templates and fonts, checked before any work.
fn renderer(options: &RenderOptions, console: &mut Console<'_>) -> Result<Renderer, UsageError> {
    renderer_with(
        (options.templates.as_deref(), options.strict),
        options.font.as_deref(),
        &options.system_fonts,
        (options.paper, options.pdf_standard),
        console,
    )
}

/// The templates of a run, with a warning (an error under `--strict`) for
/// each file of the `--templates` folder that changes nothing.
fn load_templates(
    dir: Option<&Path>,
    strict: bool,
    console: &mut Console<'_>,
) -> Result<Templates, UsageError> {
    let templates = Templates::load(dir)?;
    let unmatched = templates::unmatched(&templates);
    if strict && !unmatched.is_empty() {
        return Err(UsageError::UnmatchedTemplates(unmatched));
    }
    for u in &unmatched {
        console.message(&format!("warning: {u}\n"));
    }
    Ok(templates)
}

fn renderer_with(
    (templates, strict): (Option<&Path>, bool),
    font: Option<&[u8]>,
    system_fonts: &SystemFontSource,
    (paper, standard): (Paper, PdfStandard),
    console: &mut Console<'_>,
) -> Result<Renderer, UsageError> {
    let templates = load_templates(templates, strict, console)?;
    let fonts = FontSet::with_system_fonts(font, system_fonts.clone()).map_err(UsageError::Font)?;
    for note in fonts.user_font_notes() {
        console.message(&format!(
            "warning: the font given with --font: printpdf: {}\n",
            crate::diag::printable(note)
        ));
    }
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
pub(crate) fn report(
    inputs: &[PathBuf],
    options: &RenderOptions,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let date = config::default_report_date()?;
    let stdin = inputs.iter().any(|p| is_stdin(p));
    if stdin && inputs.len() > 1 {
        return Err(UsageError::Stdin("alone, without other profiles"));
    }
    refuse_binary_to_terminal(&options.output, &options.formats, "report.pdf", console)?;
    match &options.output {
        Output::Stdout if !stdin => {
            let found = discover::discover(&inputs[..1]);
            if !found.unusable.is_empty() {
                return Err(RunError::Inputs(found.unusable).into());
            }
        }
        Output::Stdout => {}
        Output::Dir(out) => crate::fsio::check_output_folder(out)?,
    }
    let renderer = renderer(options, console)?;
    if stdin {
        let input = read_stdin(&options.load_options(date))?;
        return report_input(&input, &renderer, options, console);
    }
    match &options.output {
        Output::Stdout => {
            let input = pipeline::read(
                &inputs[0],
                &inputs[0].display().to_string(),
                &options.load_options(date),
            );
            Ok(report_to_stdout(&input, &renderer, options, console))
        }
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

/// Refuse, before any work, a binary format (the PDF) on standard output
/// when it is a terminal; into a file or a pipe it goes as asked.
fn refuse_binary_to_terminal(
    output: &Output,
    formats: &[Format],
    file: &'static str,
    console: &Console<'_>,
) -> Result<(), UsageError> {
    if *output == Output::Stdout && formats.contains(&Format::Pdf) && console.style.stdout_terminal
    {
        return Err(UsageError::BinaryToTerminal { file });
    }
    Ok(())
}

/// `report -`: the profile on standard input, to a folder or to standard
/// output, through the same pipeline as every other report.
fn report_input(
    input: &Input,
    renderer: &Renderer,
    options: &RenderOptions,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let Output::Dir(out) = &options.output else {
        return Ok(report_to_stdout(input, renderer, options, console));
    };
    let folder = OutputFolder::open(out).map_err(RunError::from)?;
    let (result, messages) = warming(renderer, options, || {
        let formats = (&options.formats[..], &options.editions[..]);
        pipeline::render_one(
            input,
            renderer,
            formats,
            &evaluation(),
            Destination::Folder(out),
        )
    });
    for m in &messages {
        console.message(m);
    }
    match result {
        Ok(written) => {
            if !console.style.quiet {
                console.note(&format!(
                    "{}: wrote {}",
                    input.shown,
                    out.join(&written.id).display()
                ));
            }
            Ok(Outcome::Success)
        }
        Err(_) => {
            folder.remove_if_unused();
            Ok(Outcome::SomeFailed)
        }
    }
}

/// `report FILE --out -`: the same path as every other report, to standard
/// output.
fn report_to_stdout(
    input: &Input,
    renderer: &Renderer,
    options: &RenderOptions,
    console: &mut Console<'_>,
) -> Outcome {
    let to = Destination::Stdout(&mut *console.out);
    let (result, messages) = warming(renderer, options, || {
        let formats = (&options.formats[..], &options.editions[..]);
        pipeline::render_one(input, renderer, formats, &evaluation(), to)
    });
    for m in &messages {
        console.message(m);
    }
    Outcome::from_failures(usize::from(result.is_err()))
}

/// `batch`: every profile under the folders, the shard record, and (when
/// not sharded) the portfolio index, summary and manifest.
pub(crate) fn batch(
    inputs: &[PathBuf],
    options: &RenderOptions,
    (shard, open): (Option<Shard>, bool),
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let Output::Dir(out) = &options.output else {
        return Err(UsageError::StdoutNeedsOneProfile);
    };
    if inputs.iter().any(|p| is_stdin(p)) {
        return Err(UsageError::Stdin(
            "to `report` or `validate`; `batch` reads folders",
        ));
    }
    let date = config::default_report_date()?;
    crate::fsio::check_output_folder(out)?;
    let renderer = renderer(options, console)?;
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
    if open {
        if run.kind == RunKind::Whole {
            open_dashboard(&out.join("index.html"), console);
        } else {
            console.note(
                "--open: a shard has no dashboard of its own; open it after `socsource index`",
            );
        }
    }
    Ok(Outcome::from_failures(totals.failures()))
}

/// `batch --open`: hand the dashboard to the platform's opener. Never
/// fails the run: without a display, or if the opener cannot be started,
/// it says so and the path is on the line above.
fn open_dashboard(page: &Path, console: &mut Console<'_>) {
    let opener: Option<(&str, Vec<std::ffi::OsString>)> = if cfg!(target_os = "macos") {
        Some(("open", vec![page.into()]))
    } else if cfg!(windows) {
        Some((
            "cmd",
            vec!["/C".into(), "start".into(), "".into(), page.into()],
        ))
    } else if ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()))
    {
        Some(("xdg-open", vec![page.into()]))
    } else {
        None
    };
    let Some((program, args)) = opener else {
        console.note(&format!(
            "--open: no display (DISPLAY and WAYLAND_DISPLAY are unset), so {} is not opened",
            page.display()
        ));
        return;
    };
    let started = std::process::Command::new(program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match started {
        Ok(_) if console.style.quiet => {}
        Ok(_) => console.note(&format!("opening {} with {program}", page.display())),
        Err(e) => console.note(&format!(
            "--open: cannot start {program} ({}), so {} is not opened",
            crate::fsio::describe(&e),
            page.display()
        )),
    }
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
pub(crate) fn index(
    dirs: &[PathBuf],
    out: Option<&Path>,
    (templates, strict): (Option<&Path>, bool),
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let missing: Vec<Diagnostic> = dirs
        .iter()
        .filter(|d| !d.is_dir())
        .map(|d| {
            let what = if d.exists() {
                "not a folder; give the --out folder of the batch runs"
            } else {
                "no such folder"
            };
            Diagnostic::file_error(&d.display().to_string(), what)
        })
        .collect();
    if !missing.is_empty() {
        return Err(RunError::Inputs(missing).into());
    }
    let out = out.map_or_else(|| dirs[0].clone(), Path::to_path_buf);
    crate::fsio::check_output_folder(&out)?;
    let templates = load_templates(templates, strict, console)?;
    match batch::merge(dirs, &out, &templates) {
        Ok(failed) => {
            if failed > 0 {
                console.error(&format!(
                    "the portfolio lists {} (see the dashboard)",
                    plural(failed, "profile that failed", "profiles that failed")
                ));
            }
            if !console.style.quiet {
                console.note(&format!("dashboard: {}", out.join("index.html").display()));
            }
            Ok(Outcome::from_failures(failed))
        }
        Err(MergeError::Templates(differ)) => Err(differ.into()),
        Err(MergeError::Folder(e)) => Err(crate::batch::RunError::from(e).into()),
        Err(e) => {
            console.error(&e);
            Ok(Outcome::SomeFailed)
        }
    }
}

pub(crate) fn export_templates(
    dir: &Path,
    force: bool,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    crate::fsio::check_output_folder(dir)?;
    if !force {
        let names: Vec<String> = templates::DEFAULTS
            .iter()
            .map(|(name, _)| name.to_string())
            .filter(|name| std::fs::symlink_metadata(dir.join(name)).is_ok())
            .collect();
        if !names.is_empty() {
            return Err(UsageError::TemplatesExist {
                dir: dir.to_path_buf(),
                names,
            });
        }
    }
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
pub(crate) fn docs(dir: &Path, console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let profile = crate::docs::reference_profile().ok_or(UsageError::StarterProfile)?;
    crate::fsio::check_output_folder(dir)?;
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
pub(crate) fn completions(
    shell: clap_complete::Shell,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let mut cmd = crate::cli::command();
    clap_complete::generate(shell, &mut cmd, "socsource", &mut *console.out);
    Ok(Outcome::Success)
}

/// `man`: the manual page, as roff, on standard output.
pub(crate) fn man(console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    let _ = console.out.write_all(&crate::docs::man_page());
    Ok(Outcome::Success)
}

/// One side of a `diff`: an `assessment.json` as written, or a profile
/// evaluated now, read through the same typed view. `None` once the reason
/// it cannot be read has been shown.
fn assessment_of(
    file: &Path,
    date: Date,
    console: &mut Console<'_>,
) -> Option<crate::compare::Assessment> {
    use crate::compare::view::{self, MAX_ASSESSMENT_BYTES};
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
        return match view::read(&bytes) {
            Ok(assessment) => Some(assessment),
            Err(e) => {
                let sep = if matches!(e, view::Unreadable::Syntax { .. }) {
                    ":"
                } else {
                    ": "
                };
                console.error(&format!("{shown}{sep}{e}"));
                None
            }
        };
    }
    let input = pipeline::read(file, &shown, &LoadOptions::on(date));
    match input.result {
        Ok(loaded) => {
            console.diagnostics(&loaded.warnings);
            let assessment = crate::evaluate::evaluate(&loaded.profile, &evaluation());
            match serde_json::to_value(&assessment)
                .map_err(|e| e.to_string())
                .and_then(|v| view::from_value(&v).map_err(|e| e.to_string()))
            {
                Ok(value) => Some(value),
                Err(e) => {
                    console.error(&format!("{shown}: the assessment cannot be compared: {e}"));
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
pub(crate) fn diff(
    old: &Path,
    new: &Path,
    options: &DiffOptions,
    console: &mut Console<'_>,
) -> Result<Outcome, UsageError> {
    let date = config::default_report_date()?;
    let found = discover::discover(&[old.to_path_buf(), new.to_path_buf()]);
    if !found.unusable.is_empty() {
        return Err(RunError::Inputs(found.unusable).into());
    }
    refuse_binary_to_terminal(&options.output, &options.formats, "diff.pdf", console)?;
    if let Output::Dir(out) = &options.output {
        crate::fsio::check_output_folder(out)?;
    }
    let renderer = renderer_with(
        (options.templates.as_deref(), options.strict),
        options.font.as_deref(),
        &options.system_fonts,
        (options.paper, options.pdf_standard),
        console,
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
                for (side, name) in [(&comparison.old, "OLD"), (&comparison.new, "NEW")] {
                    if !side.overrides.is_empty() {
                        console.note(&format!(
                            "{name} ({}) was evaluated with --set {}",
                            side.file,
                            side.overrides.join(" --set ")
                        ));
                    }
                }
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
