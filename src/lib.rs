//! socsource: should an organisation build its own Security Operations
//! Center, outsource it to a managed provider, or run a hybrid?
//!
//! Most people use the `socsource` program; this library is the same
//! pipeline for a program of your own. The data flows one way:
//!
//! ```text
//!  profile.yaml ──load──▶ Profile ──evaluate──▶ Assessment ──render──▶ Markdown ─┬─▶ HTML
//!                        (validated,           (pure, JSON-      (templates)  └─▶ PDF
//!                         defaults recorded)    serialisable)
//! ```
//!
//! - [`load_path`] and [`load_bytes`] read a profile and validate it, or
//!   return [`Diagnostic`]s that name the file, the key path, the line and
//!   the column.
//! - [`evaluate`] turns a [`Profile`] into an [`Assessment`]: a pure
//!   function of the profile and its [`EvaluationOptions`] (threads, seed,
//!   the maker's name); the assessment serialises to the documented JSON.
//! - A [`Renderer`] ([`Templates`], [`FontSet`], [`PdfOptions`]) turns an
//!   assessment into report files ([`Rendered`]) in each [`Format`] and
//!   [`Edition`], as bytes; writing them is up to you.
//! - [`main`] is the whole command-line program, as the binary runs it.
//!
//! ```
//! use socsource::{
//!     evaluate, load_path, Date, Edition, EvaluationOptions, FontSet, Format, LoadOptions,
//!     PdfOptions, Renderer, Templates, GENERATOR,
//! };
//! use std::path::Path;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // The profile's date, when it gives none.
//! let options = LoadOptions::on(Date::new(2026, 11, 26).ok_or("not a date")?);
//! let path = Path::new("profiles/northwind-bank.yaml");
//! let loaded = match load_path(path, "northwind-bank.yaml", &options) {
//!     Ok(loaded) => loaded,
//!     Err(diagnostics) => {
//!         for d in &diagnostics {
//!             eprintln!("{d}");
//!         }
//!         return Err("the profile was refused".into());
//!     }
//! };
//! let assessment = evaluate(&loaded.profile, &EvaluationOptions::new(GENERATOR));
//! println!("recommended: {}", assessment.recommendation.option.label());
//!
//! let renderer = Renderer::new(Templates::load(None)?, FontSet::new(None)?, PdfOptions::default());
//! let rendered = renderer.render(&assessment, &[Format::Markdown, Format::Pdf], &[Edition::Full])?;
//! for file in &rendered.files {
//!     println!("{}: {} bytes", file.path, file.bytes.len());
//! }
//! assert!(rendered.files.iter().any(|f| f.path == "report.pdf"));
//! # Ok(())
//! # }
//! ```
//!
//! Inside, one module per stage (`profile`, `evaluate`, `render`), the
//! reference tables they rely on (`reference`), and around them the
//! command line (`cli`, `config`, `commands`, `batch`, `pipeline`,
//! `console`, `exit`, `fsio`). Imports go down the layers and never back
//! up (`tests/layers.rs` checks it); none of those modules is public.

#![warn(unreachable_pub)]

mod batch;
mod cli;
mod commands;
mod compare;
mod config;
mod console;
mod diag;
mod digest;
mod docs;
mod evaluate;
mod exit;
mod fsio;
mod numbers;
mod pipeline;
mod profile;
mod reference;
mod render;
mod vocabulary;

pub use commands::GENERATOR;
pub use diag::Diagnostic;
pub use evaluate::{evaluate, Assessment, Options as EvaluationOptions};
pub use profile::model::Date;
pub use profile::{load_bytes, load_path, LoadOptions, Loaded, Profile};
pub use render::pdf::fonts::{FontError, FontSet};
pub use render::pdf::PdfOptions;
pub use render::templates::{TemplateError, Templates};
pub use render::{Edition, Format, OutputFile, RenderError, Rendered, Renderer};

use cli::{Cli, Command};
use config::{RenderOptions, UsageError};
use console::{Console, ConsoleStyle, TrackedOutput};
use exit::Outcome;
use std::io::Write;
use std::process::ExitCode;

/// The `socsource` program: parse the process's arguments, run the
/// command, and map the outcome to an exit status (the table in
/// `socsource help`, and in the user guide's exit-status page).
pub fn main() -> ExitCode {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let color = cli::color_in_args(&args);
    let parsed = cli::command()
        .color(console::clap_color(color))
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(exit::clap_status(&err));
        }
    };
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    let mut out = TrackedOutput::new(stdout.lock());
    let mut err = stderr.lock();
    let style = ConsoleStyle::detect(cli.color);
    let mut console = Console::new(&mut out, &mut err, style);
    let result = run(cli, &mut console);
    console.finish(&result);
    let failure = out.failure().map(ToString::to_string);
    if let Some(reason) = &failure {
        let text = format!("error: cannot write the results to standard output: {reason}\n");
        let _ = err.write_all(console::colorize(&text, style.color).as_bytes());
    }
    ExitCode::from(exit::with_output_failed(
        exit::status(&result),
        failure.is_some(),
    ))
}

/// Not part of the API: the internals the crate's own integration tests,
/// benchmarks and fuzz targets reach into (the format table the fuzzer
/// generates profiles from, the PDF layout's theme, the reference tables).
/// Hidden from the documentation and free to change in any release.
#[doc(hidden)]
pub mod internals {
    pub use crate::commands::GENERATOR;
    pub mod profile {
        pub use crate::profile::{
            format, load_bytes, load_path, model, LoadOptions, Loaded, Override, Profile,
            MAX_PROFILE_BYTES,
        };
    }
    pub mod evaluate {
        pub use crate::evaluate::{
            assessment, evaluate, messages, quick, values, Assessment, Options, SocOption,
        };
    }
    pub mod render {
        pub use crate::render::{charts, markdown, pdf, slug, templates, Format, Renderer};
    }
    pub mod reference {
        pub use crate::reference::{assumptions, countries, currencies, frameworks, sources};
    }
    pub mod compare {
        pub use crate::compare::{compare, view};
    }
    pub mod diag {
        pub use crate::diag::is_hidden_or_control;
    }
    pub mod docs {
        pub use crate::docs::{example_profile, pages, reference_profile};
    }
    pub mod cli {
        pub use crate::cli::command;
    }
}

/// Run a parsed command line.
fn run(cli: Cli, console: &mut Console<'_>) -> Result<Outcome, UsageError> {
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
