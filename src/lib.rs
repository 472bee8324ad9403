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
//! - [`reference`] holds the sourced facts and defaults the model relies on.
//! - [`config`] turns arguments into checked options before any work;
//!   [`commands`] runs each subcommand and reports an [`commands::Outcome`].
//! - [`fsio`] does every read and write, with paths in errors and atomic
//!   replacement.

pub mod batch;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diag;
pub mod docs;
pub mod evaluate;
pub mod fsio;
pub mod profile;
pub mod reference;
pub mod render;
pub mod vocabulary;

use cli::{Cli, Command};
use commands::{Console, Outcome};
use config::{RenderOptions, UsageError};

/// Run a parsed command line.
pub fn run(cli: Cli, console: &mut Console<'_>) -> Result<Outcome, UsageError> {
    match cli.command {
        Command::Validate { paths } => commands::validate(&paths, console),
        Command::Schema => commands::schema(console),
        Command::Init { file, force } => commands::init(&file, force, console),
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
        } => {
            let options = RenderOptions::from_args(&output, usize::MAX)?;
            console.style.quiet |= options.quiet;
            commands::batch(&dirs, &options, shard.as_deref(), console)
        }
        Command::Index { dirs, out } => commands::index(&dirs, out.as_deref(), console),
    }
}
