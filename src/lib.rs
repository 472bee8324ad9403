//! socsource: should an organisation build its own Security Operations
//! Center, outsource it to a managed provider, or run a hybrid?
//!
//! The data flows one way, one module per stage:
//!
//! ```text
//!  profile.yaml ──load──▶ Profile ──evaluate──▶ Assessment ──render──▶ Markdown ─┬─▶ HTML
//!   (profile)            (validated,           (pure, JSON-      (tera        ├─▶ PDF
//!                         defaults recorded)    serialisable)     templates)  └─ files written
//!                                                                               atomically (fsio)
//! ```
//!
//! - [`profile`] loads and validates profile files, with diagnostics that
//!   name file, key path, line and column ([`diag`]).
//! - [`reference`](mod@reference) holds the sourced facts and defaults the
//!   model relies on.
//! - [`evaluate`] turns a profile into an assessment; [`render`] turns an
//!   assessment into report files (bytes); [`fsio`] does every read and
//!   write, with paths in errors and atomic replacement.
//! - [`pipeline`] sends one profile through those stages: the one path
//!   every report takes, from `report` or from a batch worker.
//! - [`batch`] runs many profiles: discovery, a pool of workers with output
//!   in profile order ([`batch::schedule`]), shard records
//!   ([`batch::record`]) and the portfolio index merged from them
//!   ([`batch::merge`](mod@batch::merge)).
//!
//! - [`docs`] generates the reference pages of the user guide and the
//!   manual pages from the code's own tables (`socsource docs`).
//!
//! Around them: [`cli`] (clap types) and [`config`] (arguments to checked
//! options, or a [`config::UsageError`], before any work); [`commands`], one
//! function per subcommand; [`console`], the terminal (styles, progress,
//! messages); [`exit`], the exit-status policy; [`numbers`], how every
//! number is written. Imports go down the layers and never back up:
//! `commands` → `cli` → `config` → `batch`/`pipeline` → `render` →
//! `evaluate` → `profile` → `reference`, with `console`, `diag`, `fsio` and
//! `numbers` beside them (`tests/layers.rs` checks it).

pub mod batch;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod config;
pub mod console;
pub mod diag;
pub mod digest;
pub mod docs;
pub mod evaluate;
pub mod exit;
pub mod fsio;
pub mod numbers;
pub mod pipeline;
pub mod profile;
pub mod reference;
pub mod render;
pub mod vocabulary;

use cli::{Cli, Command};

pub use commands::GENERATOR;
use config::{RenderOptions, UsageError};
use console::Console;
use exit::Outcome;

/// Run a parsed command line.
pub fn run(cli: Cli, console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    match cli.command {
        Command::Validate { paths, format } => commands::validate(&paths, format, console),
        Command::Schema => commands::schema(console),
        Command::Init {
            file,
            force,
            quotes,
        } => commands::init(&file, force, quotes, console),
        Command::Templates {
            action: cli::TemplatesAction::Export { dir, force },
        } => commands::export_templates(&dir, force, console),
        Command::Report { profiles, output } => {
            let options = RenderOptions::from_args(&output, profiles.len())?;
            console.style.quiet |= options.quiet;
            commands::report(&profiles, &options, console)
        }
        Command::Batch {
            dirs,
            output,
            shard,
            open,
        } => {
            let options = RenderOptions::from_args(&output, usize::MAX)?;
            console.style.quiet |= options.quiet;
            commands::batch(&dirs, &options, (shard, open), console)
        }
        Command::Index {
            dirs,
            out,
            templates,
            strict,
        } => commands::index(
            &dirs,
            out.as_deref(),
            (templates.as_deref(), strict),
            console,
        ),
        Command::Diff {
            old,
            new,
            out,
            format,
            templates,
            paper,
            pdf_standard,
            font,
            strict,
        } => {
            let options = config::DiffOptions::from_args(
                &out,
                &format,
                (templates.as_deref(), strict),
                (paper, pdf_standard),
                font.as_deref(),
            )?;
            commands::diff(&old, &new, &options, console)
        }
        Command::Docs { dir } => commands::docs(&dir, console),
        Command::Completions { shell } => commands::completions(shell, console),
        Command::Man => commands::man(console),
    }
}
