//! Scheduling: a pool of workers over the profiles, results printed in
//! profile order, and the totals of a run.
//!
//! Phase one loads every profile found (in parallel) to find the invalid
//! ones and the ids used twice, which are an error for both files rather
//! than a silent overwrite. Phase two sends each profile of this run's
//! slice through [`pipeline::render_one`]; only a small outcome record
//! comes back to the calling thread, never the report itself, so memory
//! stays flat however many profiles there are. Messages are printed in
//! profile order whatever order the workers finish in, so the same inputs
//! always print the same text.

use super::record::{ProfileOutcome, Status};
use super::shard::Shard;
use super::RunOptions;
use crate::console::{Console, Progress};
use crate::diag::Diagnostic;
use crate::evaluate;
use crate::pipeline::{self, Destination, Input, Messages};
use crate::profile::LoadOptions;
use crate::render::Renderer;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// Run `work` over `items` on `jobs` threads; `done` sees each result on the
/// calling thread, in completion order. Once `stop` is raised, no worker
/// starts another item.
fn parallel<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    stop: &AtomicBool,
    work: impl Fn(&T) -> R + Sync,
    mut done: impl FnMut(usize, R),
) {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, items.len().max(1)) {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= items.len() || stop.load(Ordering::Relaxed) {
                    break;
                }
                if tx.send((i, work(&items[i]))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, r) in rx {
            done(i, r);
        }
    });
}

/// What phase one keeps of a profile: enough to find duplicate ids, pick
/// the shard's slice and report failures. Valid profiles are loaded again
/// by the worker that renders them, so memory does not grow with the
/// portfolio.
pub(crate) struct Found {
    file: PathBuf,
    shown: String,
    /// The path relative to the input folder it was found in.
    pub relative: String,
    sha256: Option<String>,
    /// The profile's id, or why it is refused.
    result: Result<String, Vec<Diagnostic>>,
}

fn relative_to_root(file: &Path, roots: &[PathBuf]) -> String {
    roots
        .iter()
        .filter_map(|r| file.strip_prefix(r).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .find(|p| !p.is_empty())
        .unwrap_or_else(|| {
            file.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        })
}

/// Phase one: load every profile found, and refuse ids used twice.
pub(crate) fn check_all(
    files: &[PathBuf],
    roots: &[PathBuf],
    options: &LoadOptions,
    jobs: usize,
) -> Vec<Found> {
    let mut found: Vec<Option<Found>> = (0..files.len()).map(|_| None).collect();
    let never = AtomicBool::new(false);
    parallel(
        files,
        jobs,
        &never,
        |file| {
            let input = pipeline::read(file, &file.display().to_string(), options);
            Found {
                file: file.clone(),
                relative: relative_to_root(file, roots),
                sha256: input.sha256,
                result: input.result.map(|l| l.profile.id),
                shown: input.shown,
            }
        },
        |i, f| found[i] = Some(f),
    );
    let mut found: Vec<Found> = found.into_iter().flatten().collect();
    refuse_duplicate_ids(&mut found);
    found
}

/// Ids used by more than one profile: both are refused, naming each other.
fn refuse_duplicate_ids(found: &mut [Found]) {
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, f) in found.iter().enumerate() {
        if let Ok(id) = &f.result {
            by_id.entry(id.clone()).or_default().push(i);
        }
    }
    for (id, users) in by_id.into_iter().filter(|(_, u)| u.len() > 1) {
        let names: Vec<String> = users.iter().map(|i| found[*i].shown.clone()).collect();
        for &i in &users {
            let others: Vec<&str> = names
                .iter()
                .filter(|n| **n != found[i].shown)
                .map(String::as_str)
                .collect();
            let d = Diagnostic::file_error(
                &found[i].shown,
                format!("duplicate id `{id}`: also used by {}", others.join(", ")),
            )
            .with_help("each organisation writes to out/<id>/; give each profile its own `id`");
            found[i].result = Err(vec![d]);
        }
    }
}

/// Phase two: render the profiles `mine` (indices into `found`) into `out`
/// on a pool of workers, printing each one's messages in profile order and
/// a progress bar on a terminal. Returns one outcome per profile of `mine`,
/// in order; those `--fail-fast` did not start are skipped.
pub(crate) fn render_all(
    found: &[Found],
    mine: &[usize],
    (load, evaluation): (&LoadOptions, &evaluate::Options),
    renderer: &Renderer,
    options: &RunOptions<'_>,
    out: &Path,
    console: &mut Console<'_>,
) -> Vec<ProfileOutcome> {
    let stop = AtomicBool::new(false);
    let mut outcomes: Vec<Option<ProfileOutcome>> = (0..mine.len()).map(|_| None).collect();
    let mut printer = InOrder::default();
    let mut progress = Progress::new(console.style, mine.len());
    let (mut done, mut failed) = (0, 0);
    parallel(
        mine,
        options.jobs,
        &stop,
        |&i| {
            let f = &found[i];
            let input = match &f.result {
                // Phase one's diagnostics (including duplicate ids) stand.
                Err(diags) => Input {
                    shown: f.shown.clone(),
                    sha256: f.sha256.clone(),
                    result: Err(diags.clone()),
                },
                Ok(_) => pipeline::read(&f.file, &f.shown, load),
            };
            let (result, messages) = pipeline::render_one(
                &input,
                renderer,
                (options.formats, options.editions),
                evaluation,
                Destination::Folder(out),
            );
            let outcome = ProfileOutcome::new(i, &input, result);
            // Raised here, before the result is sent, so this worker starts
            // nothing more; others finish what they already began.
            if options.fail_fast && outcome.status == Status::Failed {
                stop.store(true, Ordering::Relaxed);
            }
            (outcome, messages)
        },
        |slot, (outcome, messages)| {
            done += 1;
            if outcome.status == Status::Failed {
                failed += 1;
            }
            // Keep a copy made on this thread and free the worker's: a few
            // small live records left in a worker's malloc arena would pin
            // its freed pages and make memory grow with the portfolio.
            outcomes[slot] = Some(outcome.clone());
            drop(outcome);
            printer.print(slot, messages, &progress, console);
            progress.draw(console.err, done, failed);
        },
    );
    progress.clear(console.err);
    outcomes
        .into_iter()
        .zip(mine)
        .map(|(o, &i)| {
            o.unwrap_or_else(|| {
                let f = &found[i];
                let id = f.result.as_ref().ok().cloned();
                ProfileOutcome::skipped(i, f.shown.clone(), f.sha256.clone(), id)
            })
        })
        .collect()
}

/// Messages held back until those of every earlier profile are printed.
#[derive(Default)]
struct InOrder {
    next: usize,
    waiting: BTreeMap<usize, Messages>,
}

impl InOrder {
    fn print(&mut self, slot: usize, messages: Messages, bar: &Progress, console: &mut Console) {
        self.waiting.insert(slot, messages);
        while let Some(messages) = self.waiting.remove(&self.next) {
            if !messages.is_empty() {
                bar.clear(console.err);
                for m in &messages {
                    console.message(m);
                }
            }
            self.next += 1;
        }
    }
}

/// How a run ended, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Totals {
    pub rendered: usize,
    /// Profiles that failed, discovery problems, and a record or index
    /// that could not be written.
    pub failed: usize,
    pub skipped: usize,
}

impl Totals {
    /// Count the outcomes, and the discovery problems this run reports.
    pub(crate) fn count(outcomes: &[ProfileOutcome], problems: usize) -> Totals {
        let with = |s: Status| outcomes.iter().filter(|o| o.status == s).count();
        Totals {
            rendered: with(Status::Rendered),
            failed: with(Status::Failed) + problems,
            skipped: with(Status::Skipped),
        }
    }

    /// Profiles not rendered, and other failures: what the exit status
    /// counts.
    pub(crate) fn failures(self) -> usize {
        self.failed + self.skipped
    }

    /// `998 rendered, 2 failed in 8.4 s`, with skips and the shard if any.
    pub(crate) fn closing_line(self, shard: Shard, elapsed: Duration) -> String {
        let mut line = format!("{} rendered, {} failed", self.rendered, self.failed);
        if self.skipped > 0 {
            line.push_str(&format!(", {} skipped", self.skipped));
        }
        if shard.count() > 1 {
            line.push_str(&format!(" (shard {shard})"));
        }
        line.push_str(&format!(" in {:.1} s", elapsed.as_secs_f64()));
        line
    }
}
