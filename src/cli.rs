//! The command line, as clap types only. Values with a syntax of their own
//! are parsed here, once, into their types (`--shard` into
//! [`Shard`]); checking what the arguments mean together happens in
//! [`crate::config`].

use crate::batch::Shard;
use crate::config::{FormatArg, OutputArgs, PaperArg, PdfStandardArg};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::str::FromStr;

const ABOUT: &str = "Should an organisation build its own Security Operations Center, \
outsource it to a managed provider (MSSP/MDR), or run a hybrid? socsource reads \
organisation profiles (YAML), evaluates them, and writes board-ready reports.";

const EXAMPLES: &str = "\
Examples:
  socsource init acme.yaml                 write a commented starter profile
  socsource validate profiles/             check every profile under a folder
  socsource report acme.yaml               evaluate one profile, write out/<id>/
  socsource batch profiles/ --out out      every profile, plus a portfolio index
  socsource schema > profile.schema.json   JSON Schema for editor completion

Exit status: 0 all good, 1 some profile failed, 2 usage error.";

#[derive(Debug, Parser)]
#[command(name = "socsource", version, about = ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check profiles and report every problem in them
    #[command(after_help = "\
Examples:
  socsource validate acme.yaml
  socsource validate profiles/ clients/2026/

Folders are searched recursively for *.yaml and *.yml files (hidden entries
skipped). Prints one line per valid profile and every diagnostic of every
invalid one. Exit status: 0 all valid, 1 some invalid, 2 usage error.")]
    Validate {
        /// Profile files or folders
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },

    /// Evaluate profiles and write their reports
    #[command(after_help = "\
Examples:
  socsource report acme.yaml
  socsource report acme.yaml --format pdf --out board-pack
  socsource report acme.yaml --format json --out -     assessment to stdout

Writes out/<id>/report.md, report.html, report.pdf and assessment.json.
Exit status: 0 all written, 1 some profile failed, 2 usage error.")]
    Report {
        /// Profile files
        #[arg(required = true, value_name = "PROFILE")]
        profiles: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Evaluate every profile under folders and write a portfolio index
    #[command(after_help = "\
Examples:
  socsource batch profiles/
  socsource batch clients/ --format md,html --jobs 2 --out site/soc

Walks the folders recursively (*.yaml, *.yml; hidden entries skipped), writes
out/<id>/ for each organisation, and lists every profile that failed.
Exit status: 0 all written, 1 some profile failed, 2 usage error.")]
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
    },

    /// Merge the records of sharded batch runs into one portfolio index
    #[command(after_help = "\
Example:
  socsource batch clients/ --shard 0/3 --out out    (and 1/3, 2/3, anywhere)
  socsource index out
  socsource index out --templates my-templates      (if the batch used them)

Reads OUT/.shards/*.json and writes index.md, index.html, summary.json and
manifest.json: the same bytes a single unsharded run writes. Give it the
--templates folder the batch runs used. Fails if a shard is missing or the
shards come from different runs; refuses (exit status 2) shards rendered
with different templates, or with templates other than its own.")]
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
    },

    /// Compare two assessments of one organisation: what changed, and why
    #[command(after_help = "\
Examples:
  socsource diff out-2025/acme/assessment.json out/acme/assessment.json
  socsource diff acme-2025.yaml acme.yaml --out board-pack
  socsource diff old.json acme.yaml --format md --out -

OLD and NEW are assessment.json files or profiles (evaluated on the spot).
Writes DIR/diff.md, diff.html and diff.pdf (diff.json with --format json):
the recommendation then and now, every input that changed, the cost of each
option then and now, risks that appeared, went or changed band, and the
objectives. Exit status: 0 written, 1 the two cannot be compared (different
organisations, an unknown schema_version) or a file cannot be read or
written, 2 usage error.")]
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
    },

    /// Print the JSON Schema (draft 2020-12) of the profile format
    #[command(after_help = "\
Example:
  socsource schema > profile.schema.json

Then start a profile with
  # yaml-language-server: $schema=profile.schema.json
for completion and checking in editors that use yaml-language-server.")]
    Schema,

    /// Work with the report templates
    #[command(after_help = "\
Example:
  socsource templates export my-templates

Templates are tera files: report.md includes one template per section;
report.html wraps the HTML. A folder given with --templates overrides the
built-in templates by file name.")]
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },

    /// Write a commented starter profile
    #[command(after_help = "\
Examples:
  socsource init                    writes profile.yaml
  socsource init clients/acme.yaml  makes clients/ if needed; id: acme
  socsource init acme.yaml --quotes adds a block for providers' quotes
  socsource init acme.yaml --force  replaces an existing file")]
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
    #[command(after_help = "\
Example:
  socsource docs docs

Writes the pages generated from the code's own tables, each atomically:
src/reference/profile.md (every profile key), src/reference/assumptions.md
(every cost-model default, its range and sources), src/reference/sources.md,
src/reference/commands.md (every --help) and man/*.1 (manual pages).
Each file is written completely or not at all. Exit status: 0 written,
2 the folder cannot be made or written.")]
    Docs {
        /// The documentation folder (the one holding book.toml)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },

    /// Print a shell completion script
    #[command(after_help = "\
Examples:
  socsource completions bash > ~/.local/share/bash-completion/completions/socsource
  socsource completions zsh > ~/.zfunc/_socsource
  socsource completions fish > ~/.config/fish/completions/socsource.fish
  socsource completions powershell >> $PROFILE")]
    Completions {
        /// The shell
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff)
    #[command(after_help = "\
Examples:
  socsource man | man -l -
  socsource man > ~/.local/share/man/man1/socsource.1

`socsource docs DIR` also writes a page per subcommand to DIR/man/.")]
    Man,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// Write the built-in templates to a folder for editing
    #[command(after_help = "\
Example:
  socsource templates export my-templates
  (edit my-templates/summary.md, delete the files you do not change)
  socsource report acme.yaml --templates my-templates")]
    Export {
        /// Folder to write them to
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Replace files that exist
        #[arg(long)]
        force: bool,
    },
}
