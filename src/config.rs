//! Raw arguments and environment in, checked options out, before any work.
//!
//! The arguments `report` and `batch` share are declared here ([`OutputArgs`]
//! and its value types), beside the options they are checked into; the
//! command line ([`crate::cli`]) builds on them, and nothing here looks up
//! at it.
//!
//! Everything that can be wrong with how socsource was invoked is found here
//! and reported as a [`UsageError`] (exit status 2): contradictory options,
//! a malformed `SOURCE_DATE_EPOCH`, `--jobs 0`. The stages after this never
//! see an unchecked option.

use crate::batch::{RunOptions, TemplatesDiffer};
use crate::diag::Diagnostic;
use crate::fsio::{self, IoError, ReadError};
use crate::profile::model::Date;
use crate::profile::{LoadOptions, Override};
use crate::render::{
    Edition, FontError, Format, Paper, PdfStandard, SystemFontSource, TemplateError,
};
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};

/// Most reports rendered at once.
pub(crate) const MAX_JOBS: usize = 256;

/// Largest `--font` file read.
pub(crate) const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// The invocation itself is wrong; nothing was done.
#[derive(Debug, thiserror::Error)]
pub(crate) enum UsageError {
    #[error("`--out -` writes one file to standard output; choose one format with --format (and one edition)")]
    StdoutNeedsOneFormat,
    #[error("`--out -` writes one file to standard output; choose one format with --format")]
    DiffStdoutNeedsOneFormat,
    #[error("`--out -` writes one file to standard output; give exactly one profile")]
    StdoutNeedsOneProfile,
    #[error("--jobs must be at least 1")]
    NoJobs,
    #[error("--jobs must be at most {MAX_JOBS}; this machine has {cpus} CPU(s)")]
    TooManyJobs { cpus: usize },
    #[error(
        "the font `{}` is larger than the 64 MiB limit for fonts",
        .path.display()
    )]
    FontTooLarge { path: PathBuf },
    /// An unusable `--font`.
    #[error(transparent)]
    Font(#[from] FontError),
    #[error(
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 giving a date in the years 1 to 9999, found `{value}`"
    )]
    SourceDateEpoch { value: String },
    /// The `--templates` folder cannot be read or its templates are broken.
    #[error(transparent)]
    Templates(#[from] TemplateError),
    /// `index` was given records rendered with other templates.
    #[error(transparent)]
    TemplateSet(#[from] TemplatesDiffer),
    /// The built-in starter profile does not load (a defect of the build,
    /// reported rather than hidden).
    #[error("the built-in starter profile does not load; this is a bug in socsource")]
    StarterProfile,
    /// A file or folder named on the command line cannot be used (the
    /// `--font` file, the output folder).
    #[error(transparent)]
    Io(#[from] IoError),
    /// A run could not start: no profiles, or an output folder that cannot
    /// be used (a link inside it, another run holding it).
    #[error(transparent)]
    Run(#[from] crate::batch::RunError),
    /// A `--set` names a key the profile does not have, or a value it does
    /// not accept; shown like a profile diagnostic, on the argument.
    #[error("{}", crate::diag::one_per_line(.0))]
    Set(Vec<Diagnostic>),
    /// A PDF asked for on standard output, which is a terminal: the bytes
    /// would garble it (as gzip refuses to write to one).
    #[error(
        "a PDF is not written to a terminal; redirect standard output to a file or a pipe (`> {file}`), or give --out DIR"
    )]
    BinaryToTerminal { file: &'static str },
    /// `-` (standard input) with other profiles, or twice.
    #[error("`-` reads one profile from standard input; give it {0}")]
    Stdin(&'static str),
    /// Standard input could not be read.
    #[error("cannot read the profile from standard input: {0}")]
    StdinUnreadable(String),
    /// `--strict` and a template that changes nothing.
    #[error(
        "{}\n(--strict refuses templates that are not used)",
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    )]
    UnmatchedTemplates(Vec<crate::render::templates::Unmatched>),
    /// `templates export` into a folder that already holds some of them.
    #[error(
        "`{}` already holds {}; nothing was written (use --force to replace them)",
        .dir.display(),
        crate::batch::join_names(.names)
    )]
    TemplatesExist { dir: PathBuf, names: Vec<String> },
}

/// Options shared by `report` and `batch`.
#[derive(Debug, Clone, Args)]
pub(crate) struct OutputArgs {
    /// Output folder; `-` writes the one requested file to standard output
    #[arg(long, short, default_value = "out", value_name = "DIR")]
    pub out: PathBuf,

    /// Formats to write, comma-separated
    #[arg(
        long,
        short,
        value_delimiter = ',',
        default_value = "md,html,pdf,json",
        value_name = "FORMATS"
    )]
    pub format: Vec<FormatArg>,

    /// Folder of templates that override the built-in ones by file name
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// A --templates file that overrides no built-in template is an error, not a warning
    #[arg(long)]
    pub strict: bool,

    /// Profiles rendered at once [default: number of CPUs]
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,

    /// Stop at the first profile that fails
    #[arg(long)]
    pub fail_fast: bool,

    /// Print only failures and the closing line (no progress bar)
    #[arg(long, short)]
    pub quiet: bool,

    /// Paper size of the PDF
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: PaperArg,

    /// What the PDF conforms to: tagged and accessible (PDF/UA-1), archival (PDF/A-2b), or both
    #[arg(long, value_enum, default_value = "ua-1", value_name = "STANDARD")]
    pub pdf_standard: PdfStandardArg,

    /// The full report, the board brief (one to three pages), or both
    #[arg(long, value_enum, default_value = "full")]
    pub edition: EditionArg,

    /// Evaluate as if every profile said so (repeatable), e.g. `--set budget.annual_opex=2000000`
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,

    /// A TrueType/OpenType font for characters the bundled fonts lack (e.g. CJK)
    #[arg(long, value_name = "PATH")]
    pub font: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum EditionArg {
    Full,
    Brief,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PaperArg {
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PdfStandardArg {
    /// Tagged PDF for assistive technology (ISO 14289-1)
    #[value(name = "ua-1")]
    Ua1,
    /// Archival PDF (ISO 19005-2, level B), tagged as well
    #[value(name = "a-2b")]
    A2b,
    /// Both claims
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub(crate) enum FormatArg {
    Md,
    Html,
    Pdf,
    Json,
}

/// Where rendered files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Output {
    Dir(PathBuf),
    /// `--out -`: the single requested file goes to standard output.
    Stdout,
}

impl RenderOptions {
    /// How every profile of the run is loaded.
    pub(crate) fn load_options(&self, default_date: Date) -> LoadOptions {
        self.run_options().load_options(default_date)
    }

    /// What a batch run needs of these options.
    pub(crate) fn run_options(&self) -> RunOptions<'_> {
        RunOptions {
            formats: &self.formats,
            editions: &self.editions,
            overrides: &self.overrides,
            jobs: self.jobs,
            fail_fast: self.fail_fast,
        }
    }
}

/// Checked options for `report` and `batch`.
#[derive(Debug, Clone)]
pub(crate) struct RenderOptions {
    pub output: Output,
    /// Requested formats, in a fixed order, without repeats.
    pub formats: Vec<Format>,
    /// Requested editions: the full report, the board brief, or both.
    pub editions: Vec<Edition>,
    /// `--set` values, applied to every profile.
    pub overrides: Vec<Override>,
    pub templates: Option<PathBuf>,
    /// A template that changes nothing is an error, not a warning.
    pub strict: bool,
    pub jobs: usize,
    pub fail_fast: bool,
    pub quiet: bool,
    pub paper: Paper,
    pub pdf_standard: PdfStandard,
    /// The bytes of the `--font` file, read and checked up front.
    pub font: Option<Vec<u8>>,
    /// Where installed fonts are looked for (`SOCSOURCE_FONT_PATH`).
    pub system_fonts: SystemFontSource,
}

impl RenderOptions {
    pub(crate) fn from_args(
        args: &OutputArgs,
        profiles: usize,
    ) -> Result<RenderOptions, UsageError> {
        let formats = formats(&args.format);
        let editions = match args.edition {
            EditionArg::Full => vec![Edition::Full],
            EditionArg::Brief => vec![Edition::Brief],
            EditionArg::Both => vec![Edition::Full, Edition::Brief],
        };
        let output = if args.out.as_os_str() == "-" {
            if formats.len() != 1 || (editions.len() != 1 && formats != [Format::Json]) {
                return Err(UsageError::StdoutNeedsOneFormat);
            }
            if profiles != 1 {
                return Err(UsageError::StdoutNeedsOneProfile);
            }
            Output::Stdout
        } else {
            Output::Dir(args.out.clone())
        };
        let jobs = match args.jobs {
            Some(0) => return Err(UsageError::NoJobs),
            // Each job holds a report in memory while it renders; thousands at
            // once would exhaust memory long before they saved any time.
            Some(n) if n > MAX_JOBS => {
                return Err(UsageError::TooManyJobs {
                    cpus: std::thread::available_parallelism().map_or(1, usize::from),
                })
            }
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, usize::from),
        };
        let font = read_font(args.font.as_deref())?;
        let mut overrides = Vec::new();
        for arg in &args.set {
            overrides.push(Override::parse(arg).map_err(UsageError::Set)?);
        }
        Ok(RenderOptions {
            output,
            formats,
            editions,
            overrides,
            templates: args.templates.clone(),
            strict: args.strict,
            jobs,
            fail_fast: args.fail_fast,
            quiet: args.quiet,
            paper: paper(args.paper),
            pdf_standard: pdf_standard(args.pdf_standard),
            font,
            system_fonts: system_font_source(),
        })
    }
}

/// Requested formats in a fixed order, without repeats.
fn formats(args: &[FormatArg]) -> Vec<Format> {
    let mut formats: Vec<Format> = args
        .iter()
        .map(|f| match f {
            FormatArg::Md => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Json => Format::Json,
        })
        .collect();
    formats.sort();
    formats.dedup();
    formats
}

fn paper(arg: PaperArg) -> Paper {
    match arg {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::LETTER,
    }
}

fn pdf_standard(arg: PdfStandardArg) -> PdfStandard {
    match arg {
        PdfStandardArg::Ua1 => PdfStandard::Ua1,
        PdfStandardArg::A2b => PdfStandard::A2b,
        PdfStandardArg::Both => PdfStandard::Both,
    }
}

/// Where the PDF looks for installed fonts: `SOCSOURCE_FONT_PATH` (folders,
/// separated as `PATH` is; set and empty for none), else the machine's.
pub(crate) fn system_font_source() -> SystemFontSource {
    match std::env::var_os("SOCSOURCE_FONT_PATH") {
        Some(list) => SystemFontSource::Folders(
            std::env::split_paths(&list)
                .filter(|p| !p.as_os_str().is_empty())
                .collect(),
        ),
        None => SystemFontSource::Installed,
    }
}

/// The bytes of the `--font` file, refused when too large to be a font.
fn read_font(path: Option<&Path>) -> Result<Option<Vec<u8>>, UsageError> {
    let Some(path) = path else { return Ok(None) };
    fsio::read_limited(path, MAX_FONT_BYTES)
        .map(Some)
        .map_err(|e| match e {
            ReadError::TooLarge { .. } => UsageError::FontTooLarge {
                path: path.to_path_buf(),
            },
            ReadError::Io(e) => UsageError::Io(e),
        })
}

/// Checked options for `diff`.
#[derive(Debug, Clone)]
pub(crate) struct DiffOptions {
    pub output: Output,
    pub formats: Vec<Format>,
    pub templates: Option<PathBuf>,
    /// A template that changes nothing is an error, not a warning.
    pub strict: bool,
    pub paper: Paper,
    pub pdf_standard: PdfStandard,
    pub font: Option<Vec<u8>>,
    pub system_fonts: SystemFontSource,
}

impl DiffOptions {
    pub(crate) fn from_args(
        out: &Path,
        format: &[FormatArg],
        (templates, strict): (Option<&Path>, bool),
        (paper_arg, standard): (PaperArg, PdfStandardArg),
        font: Option<&Path>,
    ) -> Result<DiffOptions, UsageError> {
        let formats = formats(format);
        let output = if out.as_os_str() == "-" {
            if formats.len() != 1 {
                return Err(UsageError::DiffStdoutNeedsOneFormat);
            }
            Output::Stdout
        } else {
            Output::Dir(out.to_path_buf())
        };
        Ok(DiffOptions {
            output,
            formats,
            templates: templates.map(Path::to_path_buf),
            strict,
            paper: paper(paper_arg),
            pdf_standard: pdf_standard(standard),
            font: read_font(font)?,
            system_fonts: system_font_source(),
        })
    }
}

/// The date a report carries when its profile gives none: `SOURCE_DATE_EPOCH`
/// when set (reproducible builds), else today in UTC.
pub(crate) fn default_report_date() -> Result<Date, UsageError> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(Date::from_unix_seconds)
            .ok_or_else(|| UsageError::SourceDateEpoch {
                value: value.clone(),
            }),
        Err(_) => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
            Ok(Date::from_unix_seconds(secs).unwrap_or(Date {
                year: 1970,
                month: 1,
                day: 1,
            }))
        }
    }
}
