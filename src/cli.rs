//! The command line, as clap types only. Values with a syntax of their own
//! are parsed here, once, into their types (`--shard` into
//! [`Shard`]); checking what the arguments mean together happens in
//! [`crate::config`].
//!
//! The examples and notes every `--help` ends with live in [`GUIDES`], as
//! data, so that the manual pages can set them as examples and prose
//! rather than as preformatted help text; [`command`] puts them, and the
//! exit-status footer, into the clap command.

use crate::batch::Shard;
use crate::config::{FormatArg, OutputArgs, PaperArg, PdfStandardArg};
pub(crate) use crate::console::ColorArg;
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;
use std::str::FromStr;

/// What socsource is, in one line (the manual page's NAME).
pub(crate) const SUMMARY: &str =
    "decide whether to build, outsource or run a hybrid Security Operations Center, and write the board report";

const ABOUT: &str = "Should an organisation build its own Security Operations Center, \
outsource it to a managed provider (MSSP/MDR), or run a hybrid? socsource reads \
organisation profiles (YAML), evaluates them, and writes board-ready reports.";

/// The examples and notes of one command's help and manual page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Guide {
    /// The subcommand, with a space for nested ones (`templates export`);
    /// empty for `socsource` itself.
    pub command: &'static str,
    /// Command lines, each with what it does (a phrase, lower case).
    pub examples: &'static [(&'static str, &'static str)],
    /// Paragraphs after the examples, separated by blank lines.
    pub notes: &'static str,
    /// Files the command reads or writes, each with what it is.
    pub files: &'static [(&'static str, &'static str)],
    /// Related manual pages, by subcommand (`report`), besides `socsource(1)`.
    pub see_also: &'static [&'static str],
}

const REPORT_FILES: &[(&str, &str)] = &[
    (
        "OUT/<id>/report.md, report.html, report.pdf",
        "the report of the organisation whose profile says `id: <id>`; `--edition brief` writes brief.md, brief.html and brief.pdf",
    ),
    ("OUT/<id>/charts/*.svg", "the charts report.md refers to"),
    ("OUT/<id>/assessment.json", "every number and reason of the evaluation"),
    (
        "OUT/.socsource.lock",
        "held while a run writes to OUT, so that two runs never write to one folder",
    ),
];

const PORTFOLIO_FILES: &[(&str, &str)] = &[
    (
        "OUT/index.html, index.md, index.svg",
        "the portfolio dashboard",
    ),
    ("OUT/summary.json", "every profile's outcome, for scripts"),
    ("OUT/manifest.json", "the SHA-256 of every input and output"),
    (
        "OUT/.shards/K-of-N.json",
        "what each run (or shard) did; `socsource index` merges them",
    ),
];

/// Every command's examples and notes, in the order of `socsource --help`.
pub(crate) const GUIDES: &[Guide] = &[
    Guide {
        command: "",
        examples: &[
            (
                "socsource init acme.yaml",
                "write a commented starter profile",
            ),
            (
                "socsource validate profiles/",
                "check every profile under a folder",
            ),
            (
                "socsource report acme.yaml",
                "evaluate one profile, write out/acme/",
            ),
            (
                "socsource batch profiles/ --out out",
                "every profile, plus a portfolio dashboard",
            ),
            (
                "socsource schema > profile.schema.json",
                "JSON Schema for editor completion",
            ),
        ],
        notes: "The user guide is docs/src/ in the source (an mdBook); each subcommand \
has a manual page, e.g. `man socsource-report`.",
        files: &[
            (
                "profile.yaml",
                "an organisation profile: `socsource init` writes a commented one",
            ),
            (
                "OUT/<id>/",
                "the reports of one organisation (`report`, `batch`); see socsource-report(1)",
            ),
            (
                "OUT/index.html",
                "the portfolio dashboard of a batch; see socsource-batch(1)",
            ),
        ],
        see_also: &[
            "validate",
            "report",
            "batch",
            "index",
            "diff",
            "schema",
            "templates",
            "init",
            "docs",
            "completions",
            "man",
        ],
    },
    Guide {
        command: "validate",
        examples: &[
            ("socsource validate acme.yaml", "check one profile"),
            (
                "socsource validate profiles/ clients/2026/",
                "every *.yaml and *.yml under the folders",
            ),
            (
                "socsource validate --format json profiles/",
                "one JSON object per diagnostic, for editors and CI",
            ),
            (
                "socsource validate - < acme.yaml",
                "a profile on standard input",
            ),
        ],
        notes: "Folders are searched recursively for *.yaml and *.yml files (hidden \
entries skipped); `-` reads one profile from standard input, named `<stdin>` \
in messages and limited to 1 MiB like a file. Prints one line per valid \
profile and every diagnostic of every invalid one.

With `--format json`, standard output holds one JSON object per line (JSON \
Lines), one per diagnostic, errors and warnings alike: `file`, `line` and \
`column` (1-based; 0 when the problem is with the whole file), `key_path` \
(the dotted key, or null), `severity` (`error` or `warning`), `message` and \
`help` (or null). Nothing else is printed on standard output; the count \
of valid and invalid profiles goes to standard error.",
        files: &[],
        see_also: &["report", "schema", "init"],
    },
    Guide {
        command: "report",
        examples: &[
            (
                "socsource report acme.yaml",
                "writes out/acme/: Markdown, HTML, PDF and JSON",
            ),
            (
                "socsource report acme.yaml --format pdf --out board-pack",
                "the PDF only, in board-pack/acme/",
            ),
            (
                "socsource report acme.yaml --format json --out - | jq .recommendation",
                "the assessment on standard output",
            ),
            (
                "socsource report acme.yaml --edition brief",
                "the board brief, one to three pages",
            ),
            (
                "socsource report acme.yaml --set budget.annual_opex=2000000",
                "as if the profile gave that budget",
            ),
        ],
        notes: "Writes OUT/<id>/report.md, report.html, report.pdf and assessment.json, \
<id> being the profile's `id`. `-` reads one profile from standard input. \
`--out -` writes the one requested file to standard output; a PDF is not \
written to a terminal (redirect it to a file or a pipe).",
        files: REPORT_FILES,
        see_also: &["validate", "batch", "diff", "templates"],
    },
    Guide {
        command: "batch",
        examples: &[
            (
                "socsource batch profiles/",
                "every profile under profiles/, into out/",
            ),
            (
                "socsource batch clients/ --format md,html --jobs 2 --out site/soc",
                "Markdown and HTML only, two at a time",
            ),
            (
                "socsource batch profiles/ --open",
                "then open the dashboard in a browser",
            ),
            (
                "socsource batch clients/ --shard 0/4 --out out",
                "one slice of four; `socsource index out` merges them",
            ),
        ],
        notes: "Walks the folders recursively (*.yaml, *.yml; hidden entries skipped), \
writes OUT/<id>/ for each organisation, the portfolio dashboard \
OUT/index.html, summary.json and manifest.json, and ends with the \
dashboard's path. A bad profile fails alone: the others are written, the \
dashboard lists it with its errors, and the exit status is 1. Folders \
holding no profile are a usage error (exit status 2), and nothing is \
written.",
        files: &[
            REPORT_FILES[0],
            REPORT_FILES[1],
            REPORT_FILES[2],
            PORTFOLIO_FILES[0],
            PORTFOLIO_FILES[1],
            PORTFOLIO_FILES[2],
            PORTFOLIO_FILES[3],
            REPORT_FILES[3],
        ],
        see_also: &["report", "index", "validate"],
    },
    Guide {
        command: "index",
        examples: &[
            (
                "socsource batch clients/ --shard 0/3 --out out",
                "and 1/3, 2/3, on any machines",
            ),
            ("socsource index out", "merge the three slices' records"),
            (
                "socsource index out --templates my-templates",
                "if the batch runs used those templates",
            ),
        ],
        notes: "Reads OUT/.shards/*.json and writes index.md, index.html, summary.json and \
manifest.json: the same bytes a single unsharded run writes. Give it the \
--templates folder the batch runs used. Fails (exit status 1) if a shard \
is missing, the shards come from different runs, or the portfolio holds \
profiles that failed; refuses (exit status 2) shards rendered with \
different templates, or with templates other than its own.",
        files: PORTFOLIO_FILES,
        see_also: &["batch"],
    },
    Guide {
        command: "diff",
        examples: &[
            (
                "socsource diff out-2025/acme/assessment.json out/acme/assessment.json",
                "last year's assessment against this year's",
            ),
            (
                "socsource diff acme-2025.yaml acme.yaml --out board-pack",
                "two profiles, evaluated now",
            ),
            (
                "socsource diff old.json acme.yaml --format md --out -",
                "the comparison as Markdown on standard output",
            ),
        ],
        notes: "OLD and NEW are assessment.json files or profiles (evaluated on the \
spot). Writes DIR/diff.md, diff.html and diff.pdf (diff.json with --format \
json): the recommendation then and now, every input that changed, the cost \
of each option then and now, risks that appeared, went or changed band, \
and the objectives. An assessment written with `report --set` is named as \
such, with its values. Exit status 1: the two cannot be compared \
(different organisations, an unknown schema_version) or a file cannot be \
read.",
        files: &[],
        see_also: &["report"],
    },
    Guide {
        command: "schema",
        examples: &[(
            "socsource schema > profile.schema.json",
            "write the schema beside your profiles",
        )],
        notes: "Then start a profile with
  # yaml-language-server: $schema=profile.schema.json
for completion and checking in editors that use yaml-language-server.",
        files: &[],
        see_also: &["validate", "init"],
    },
    Guide {
        command: "templates",
        examples: &[(
            "socsource templates export my-templates",
            "the built-in templates, for editing",
        )],
        notes: "Templates are tera files: report.md includes one template per section; \
report.html wraps the HTML. A folder given with --templates overrides the \
built-in templates by file name; a file whose name matches no built-in \
template and that no template includes is reported (an error with \
--strict). The templates guide (docs/src/templates.md) lists every \
built-in template.",
        files: &[],
        see_also: &["templates-export", "report"],
    },
    Guide {
        command: "templates export",
        examples: &[
            ("socsource templates export my-templates", "write them out"),
            (
                "socsource report acme.yaml --templates my-templates",
                "after editing my-templates/summary.md and deleting the rest",
            ),
        ],
        notes: "",
        files: &[],
        see_also: &["templates", "report"],
    },
    Guide {
        command: "init",
        examples: &[
            ("socsource init", "writes profile.yaml"),
            (
                "socsource init clients/acme.yaml",
                "makes clients/ if needed; id: acme",
            ),
            (
                "socsource init acme.yaml --quotes",
                "adds a block for providers' quotes",
            ),
            (
                "socsource init acme.yaml --force",
                "replaces an existing file",
            ),
        ],
        notes: "The id is the file's name without its extension, made into lower-case \
letters, digits and dashes. The comments point to the documentation pages \
(docs/src/reference/profile.md) by path.",
        files: &[],
        see_also: &["validate", "report", "schema"],
    },
    Guide {
        command: "docs",
        examples: &[(
            "socsource docs docs",
            "regenerate the pages in the source's docs/",
        )],
        notes: "Writes the pages generated from the code's own tables, each atomically: \
src/reference/profile.md (every profile key), src/reference/assumptions.md \
(every cost-model default, its range and sources), src/reference/sources.md, \
src/reference/commands.md (every --help, the exit status and the \
environment) and man/*.1 (manual pages). Each file is written completely \
or not at all.",
        files: &[],
        see_also: &["man"],
    },
    Guide {
        command: "completions",
        examples: &[
            (
                "socsource completions bash > ~/.local/share/bash-completion/completions/socsource",
                "bash",
            ),
            (
                "socsource completions zsh > ~/.zfunc/_socsource",
                "zsh, with fpath+=(~/.zfunc)",
            ),
            (
                "socsource completions fish > ~/.config/fish/completions/socsource.fish",
                "fish",
            ),
            ("socsource completions powershell >> $PROFILE", "PowerShell"),
        ],
        notes: "",
        files: &[],
        see_also: &[],
    },
    Guide {
        command: "man",
        examples: &[
            ("socsource man | man -l -", "read it now"),
            (
                "socsource man > ~/.local/share/man/man1/socsource.1",
                "install it for `man socsource`",
            ),
        ],
        notes: "`socsource docs DIR` also writes a page per subcommand to DIR/man/.",
        files: &[],
        see_also: &["docs"],
    },
];

/// The guide of a command (`""` for socsource itself).
pub(crate) fn guide(command: &str) -> Option<&'static Guide> {
    GUIDES.iter().find(|g| g.command == command)
}

/// The environment variables socsource reads, each with what it does.
pub(crate) const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "SOURCE_DATE_EPOCH",
        "Seconds since 1970-01-01: the report date of every profile that gives none, and with it every date in every output, so that the same inputs give byte-identical files. Anything but a whole number is a usage error.",
    ),
    (
        "NO_COLOR",
        "Set and not empty: no colour in messages, as if --color never were given (--color always still colours).",
    ),
    (
        "SOCSOURCE_FONT_PATH",
        "Folders, separated as in PATH, searched for fallback fonts (characters the bundled fonts lack, such as CJK) instead of the installed ones; set and empty for none.",
    ),
    (
        "DISPLAY, WAYLAND_DISPLAY",
        "On Linux and other Unix systems, `batch --open` opens the dashboard only when one of them is set (a graphical session).",
    ),
];

/// The help text after the options: examples, notes, exit status.
fn after_help(guide: &Guide, top: bool) -> String {
    let mut text = String::new();
    if !guide.examples.is_empty() {
        text.push_str(if guide.examples.len() == 1 {
            "Example:\n"
        } else {
            "Examples:\n"
        });
        let width = guide
            .examples
            .iter()
            .map(|(c, _)| c.len())
            .filter(|w| *w <= 44)
            .max()
            .unwrap_or(0);
        for (command, what) in guide.examples {
            if command.len() <= 44 {
                text.push_str(&format!("  {command:width$}  # {what}\n"));
            } else {
                text.push_str(&format!("  {command}\n  {:width$}  # {what}\n", ""));
            }
        }
    }
    if !guide.notes.is_empty() {
        text.push('\n');
        text.push_str(&wrap(guide.notes, 78));
        text.push('\n');
    }
    text.push('\n');
    if top {
        text.push_str("Exit status, the same for every subcommand:\n");
        for (code, meaning, _) in crate::exit::TABLE {
            text.push_str(&format!("  {code}  {meaning}\n"));
        }
        text.push_str("\nEnvironment: ");
        let names: Vec<&str> = ENVIRONMENT.iter().map(|(n, _)| *n).collect();
        text.push_str(&names.join(", "));
        text.push_str(" (see `man socsource`).");
        text = wrap(&text, 78);
    } else {
        text.push_str(&wrap(crate::exit::FOOTER, 78));
    }
    text
}

/// Text wrapped at `width` columns, line by line; a line that starts with
/// a space is an example and is kept as it is.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with(' ') || line.chars().count() <= width {
            out.push(line.to_string());
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    out.join("\n")
}

/// The command line with every command's examples, notes and exit-status
/// footer: what `--help`, the manual pages and the completions are made
/// from.
pub fn command() -> clap::Command {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    for guide in GUIDES {
        let text = after_help(guide, guide.command.is_empty());
        let mut path = guide.command.split_whitespace();
        cmd = match (path.next(), path.next()) {
            (None, _) => cmd.after_help(text),
            (Some(sub), None) => cmd.mut_subcommand(sub, |c| c.after_help(text)),
            (Some(sub), Some(inner)) => {
                cmd.mut_subcommand(sub, |c| c.mut_subcommand(inner, |c| c.after_help(text)))
            }
        };
    }
    cmd
}

/// The `--color` choice in raw arguments, found before clap parses them so
/// that clap's own messages (an unknown option, `--help`) follow it too.
pub(crate) fn color_in_args(args: &[OsString]) -> ColorArg {
    let mut choice = ColorArg::Auto;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        let value = if arg == "--color" {
            iter.next().map(|v| v.into_owned())
        } else {
            arg.strip_prefix("--color=").map(str::to_string)
        };
        if let Some(v) = value.and_then(|v| ColorArg::from_str(&v, true).ok()) {
            choice = v;
        }
    }
    choice
}

/// What `validate` prints on standard output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiagnosticFormat {
    /// Diagnostics as a compiler prints them, on standard error
    #[default]
    Text,
    /// One JSON object per diagnostic and line (JSON Lines), on standard output
    Json,
}

#[derive(Debug, Parser)]
#[command(name = "socsource", version, about = SUMMARY, long_about = ABOUT)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// When to colour messages: auto (on a terminal, unless NO_COLOR is set), always, never
    #[arg(
        long,
        value_enum,
        global = true,
        default_value = "auto",
        value_name = "WHEN",
        hide_possible_values = true
    )]
    pub color: ColorArg,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check profiles and report every problem in them
    Validate {
        /// Profile files or folders; `-` reads one profile from standard input
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// How diagnostics are printed
        #[arg(long, short, value_enum, default_value = "text")]
        format: DiagnosticFormat,
    },

    /// Evaluate profiles and write their reports
    Report {
        /// Profile files; `-` reads one profile from standard input
        #[arg(required = true, value_name = "PROFILE")]
        profiles: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Evaluate every profile under folders and write a portfolio index
    Batch {
        /// Folders (or files) holding profiles
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
        /// Render only slice K of N (K from 0), e.g. in a CI matrix or a
        /// Kubernetes Indexed Job; merge the slices with `socsource index`
        #[arg(long, value_name = "K/N", value_parser = Shard::from_str)]
        shard: Option<Shard>,
        /// Open the dashboard with the system's browser when done (if there is a display)
        #[arg(long)]
        open: bool,
    },

    /// Merge the records of sharded batch runs into one portfolio index
    Index {
        /// Output folders of the shards (usually one shared folder)
        #[arg(required = true, value_name = "OUT")]
        dirs: Vec<PathBuf>,
        /// Where to write the merged index [default: the first OUT]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Folder of templates that override the built-in ones by file name
        /// (the one the batch runs used)
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// A --templates file that overrides no built-in template is an error, not a warning
        #[arg(long)]
        strict: bool,
    },

    /// Compare two assessments of one organisation: what changed, and why
    Diff {
        /// The earlier assessment (assessment.json) or profile
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The later assessment (assessment.json) or profile
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// Output folder; `-` writes the one requested file to standard output
        #[arg(long, short, default_value = "out", value_name = "DIR")]
        out: PathBuf,
        /// Formats to write, comma-separated
        #[arg(
            long,
            short,
            value_delimiter = ',',
            default_value = "md,html,pdf",
            value_name = "FORMATS"
        )]
        format: Vec<FormatArg>,
        /// Folder of templates that override the built-in ones by file name
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Paper size of the PDF
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// What the PDF conforms to: tagged and accessible (PDF/UA-1), archival (PDF/A-2b), or both
        #[arg(long, value_enum, default_value = "ua-1", value_name = "STANDARD")]
        pdf_standard: PdfStandardArg,
        /// A TrueType/OpenType font for characters the bundled fonts lack (e.g. CJK)
        #[arg(long, value_name = "PATH")]
        font: Option<PathBuf>,
        /// A --templates file that overrides no built-in template is an error, not a warning
        #[arg(long)]
        strict: bool,
    },

    /// Print the JSON Schema (draft 2020-12) of the profile format
    Schema,

    /// Work with the report templates
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },

    /// Write a commented starter profile
    Init {
        /// Where to write it; its name (without the extension) becomes the id
        #[arg(default_value = "profile.yaml", value_name = "FILE")]
        file: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
        /// Add a starter block for providers' quotes (the bid evaluation)
        #[arg(long)]
        quotes: bool,
    },

    /// Write the generated documentation pages into the book's folder
    Docs {
        /// The documentation folder (the one holding book.toml)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },

    /// Print a shell completion script
    Completions {
        /// The shell
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff)
    Man,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TemplatesAction {
    /// Write the built-in templates to a folder for editing
    Export {
        /// Folder to write them to
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Replace files that exist
        #[arg(long)]
        force: bool,
    },
}
