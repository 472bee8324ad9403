//! Batch runs: discover profiles, render them in parallel, write every file
//! atomically, and keep a record good enough to rebuild the portfolio index.
//!
//! The data flows one way: [`run`] discovers the profiles, [`schedule`]
//! loads them all (phase one) and sends this run's slice through
//! [`crate::pipeline`] on a pool of workers (phase two), [`record`] writes
//! what happened, and [`merge`](mod@merge) turns records into the index,
//! summary and manifest. Nothing below calls back up.
//!
//! What a run does after rendering is its [`RunKind`]:
//!
//! - `report` over files renders them and says where each went;
//! - `batch` renders everything, writes its record as shard 0 of 1 to
//!   `OUT/.shards/` (removing records an earlier run left), then merges it
//!   into `index.md`, `index.html`, `summary.json` and `manifest.json`;
//! - `batch --shard K/N` renders the profiles whose path (relative to the
//!   folder it was found in) hashes to K mod N and writes the record
//!   `OUT/.shards/K-of-N.json`; `socsource index OUT` merges the records of
//!   all N shards exactly as an unsharded batch merges its one, so both give
//!   the same bytes.
//!
//! A bad profile fails alone: the others are still written, and the run's
//! [`Totals`] count it, which makes the exit status 1 ([`crate::exit`]).
//! `--fail-fast` stops starting new profiles after the first failure.

pub(crate) mod folder;
pub(crate) mod merge;
pub(crate) mod record;
pub(crate) mod schedule;
pub(crate) mod shard;
mod stale;

pub(crate) use merge::{merge, MergeError, TemplatesDiffer};
pub(crate) use schedule::Totals;
pub(crate) use shard::Shard;

use crate::console::Console;
use crate::evaluate;
use crate::profile::{discover, model::Date, LoadOptions, Override};
use crate::render::{Edition, Format, IndexFailure, Renderer};
use folder::{FolderError, OutputFolder};
use record::{ProfileOutcome, ShardRecord, Status, RECORD_VERSION};
use std::path::{Path, PathBuf};

/// What a run does besides rendering its profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunKind {
    /// `report` over files: no record and no index; each profile's folder
    /// is named on standard error.
    Report,
    /// `batch`: the whole portfolio, its record (shard 0 of 1) and the index.
    Whole,
    /// `batch --shard K/N` with N > 1: one slice and its record; `index`
    /// merges the slices.
    Slice(Shard),
}

impl RunKind {
    /// The kind of a `batch` run with this `--shard`.
    pub(crate) fn batch(shard: Option<Shard>) -> RunKind {
        match shard {
            Some(s) if s.count() > 1 => RunKind::Slice(s),
            _ => RunKind::Whole,
        }
    }

    /// The slice of the portfolio this run renders.
    pub(crate) fn shard(self) -> Shard {
        match self {
            RunKind::Slice(s) => s,
            RunKind::Report | RunKind::Whole => Shard::WHOLE,
        }
    }
}

/// How each profile of a run is loaded and rendered, as the checked
/// options say.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RunOptions<'a> {
    /// Formats and editions written for each profile.
    pub formats: &'a [Format],
    pub editions: &'a [Edition],
    /// `--set` values, applied to every profile.
    pub overrides: &'a [Override],
    /// Profiles rendered at once.
    pub jobs: usize,
    /// Start no profile after one fails.
    pub fail_fast: bool,
}

impl RunOptions<'_> {
    /// How every profile of the run is loaded.
    pub(crate) fn load_options(&self, default_date: Date) -> LoadOptions {
        LoadOptions {
            default_date,
            overrides: self.overrides.to_vec(),
        }
    }
}

/// Everything a run needs besides what it is given to render.
pub(crate) struct Run<'a> {
    pub kind: RunKind,
    /// Files and folders to render.
    pub inputs: &'a [PathBuf],
    pub out: &'a Path,
    pub options: RunOptions<'a>,
    pub renderer: &'a Renderer,
    /// `report.date` for profiles that give none.
    pub date: Date,
    /// How a profile is evaluated when it has the machine to itself.
    pub evaluation: evaluate::Options,
}

/// Why a run could not start; nothing was written (exit 2).
#[derive(Debug, thiserror::Error)]
pub(crate) enum RunError {
    #[error("{}", crate::diag::one_per_line(.0))]
    Inputs(Vec<crate::diag::Diagnostic>),
    #[error("no profiles (*.yaml, *.yml) under {}", join_paths(.inputs))]
    NoProfiles { inputs: Vec<PathBuf> },
    #[error(transparent)]
    Folder(#[from] FolderError),
}

/// Names in backticks, separated by commas.
pub(crate) fn join_names(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    shown.join(", ")
}

fn join_paths(paths: &[PathBuf]) -> String {
    let shown: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
    shown.join(", ")
}

/// Render every profile of the run's slice into `run.out`, then record and
/// merge as its kind says. Fails before any work when there is nothing to
/// render or the output folder cannot be used.
pub(crate) fn run(run: &Run<'_>, console: &mut Console<'_>) -> Result<Totals, RunError> {
    let started = std::time::Instant::now();
    let shard = run.kind.shard();
    let load = run.options.load_options(run.date);
    let found = discover::discover(run.inputs);
    if !found.unusable.is_empty() {
        return Err(RunError::Inputs(found.unusable));
    }
    if found.files.is_empty() && found.problems.is_empty() {
        return Err(RunError::NoProfiles {
            inputs: run.inputs.to_vec(),
        });
    }
    let folder = OutputFolder::open(run.out)?;
    let checked = schedule::check_all(&found.files, run.inputs, &load, run.options.jobs);
    let mine: Vec<usize> = (0..checked.len())
        .filter(|i| shard.owns(&checked[*i].relative))
        .collect();
    // What the previous run of this slice wrote, to remove what this run
    // no longer writes; the portfolio files go now, so that a run killed
    // from here on leaves no manifest describing another run's reports.
    let previous = match run.kind {
        RunKind::Report => Vec::new(),
        RunKind::Whole | RunKind::Slice(_) => {
            let previous = stale::previous_outputs(&folder, run.kind);
            if run.kind == RunKind::Whole {
                stale::remove_portfolio(&folder).map_err(FolderError::from)?;
            }
            previous
        }
    };
    // Problems finding profiles are every shard's, so shard 0 reports them.
    let problems = if shard.index() == 0 {
        found.problems
    } else {
        Vec::new()
    };
    console.diagnostics(&problems);
    // Several profiles at once fill the cores; one profile has them all.
    let evaluation = if mine.len() <= 1 || run.options.jobs <= 1 {
        run.evaluation.clone()
    } else {
        run.evaluation.clone().with_threads(1)
    };
    let mut outcomes = schedule::render_all(
        &checked,
        &mine,
        (&load, &evaluation),
        run.renderer,
        &run.options,
        run.out,
        console,
    );
    let mut totals = Totals::count(&outcomes, problems.len());
    if run.kind == RunKind::Report {
        if !outcomes.iter().any(|o| o.status == Status::Rendered) {
            folder.remove_if_unused();
        } else if !console.style.quiet {
            for o in outcomes.iter().filter(|o| o.status == Status::Rendered) {
                if let Some(id) = &o.id {
                    let folder = run.out.join(id);
                    console.note(&format!("{}: wrote {}", o.file, folder.display()));
                }
            }
        }
    } else {
        for note in stale::remove_unwritten(&folder, &previous, &mut outcomes) {
            console.note(&note);
        }
        let problems = problems
            .iter()
            .map(|d| IndexFailure {
                file: d.file.clone(),
                error: d.message.clone(),
                details: Vec::new(),
                more: 0,
            })
            .collect();
        if let Err(e) = record_and_merge(run, &folder, shard, problems, outcomes) {
            console.error(&e);
            totals.failed += 1;
        }
    }
    console.note(&totals.closing_line(shard, started.elapsed()));
    if run.kind == RunKind::Whole && !console.style.quiet {
        console.note(&format!(
            "dashboard: {}",
            run.out.join("index.html").display()
        ));
    }
    Ok(totals)
}

/// Write the shard record; for a whole run, replace older records and merge.
fn record_and_merge(
    run: &Run<'_>,
    folder: &OutputFolder,
    shard: Shard,
    problems: Vec<IndexFailure>,
    profiles: Vec<ProfileOutcome>,
) -> Result<(), MergeError> {
    let record = ShardRecord {
        record_version: RECORD_VERSION,
        generator: run.evaluation.generator.clone(),
        shard,
        date: run.date.to_string(),
        formats: run
            .options
            .formats
            .iter()
            .map(|f| f.key().to_string())
            .collect(),
        editions: run.options.editions.to_vec(),
        overrides: run
            .options
            .overrides
            .iter()
            .map(|o| format!("{}={}", o.path, crate::profile::scenario::flow(&o.value)))
            .collect(),
        templates: run.renderer.templates.digests(),
        problems,
        profiles,
    };
    let records = folder.records()?;
    record::write_record(&records, &record)?;
    if run.kind == RunKind::Whole {
        record::remove_stale(&records, shard)?;
        // The failures are already counted, profile by profile.
        merge::merge_records(
            &[(run.out.to_path_buf(), record)],
            run.out,
            &run.renderer.templates,
        )?;
    }
    Ok(())
}
