//! Batch runs: discover profiles, render them in parallel, write every file
//! atomically, and keep a record good enough to rebuild the portfolio index.
//!
//! A run has two phases. First every profile found is loaded (in parallel):
//! that finds the invalid ones and the ids used twice, which are an error
//! for both files rather than a silent overwrite. Then each profile of this
//! run's slice is evaluated, rendered and written by a pool of workers; only
//! a small outcome record comes back, never the report itself, so memory
//! stays flat however many profiles there are.
//!
//! Sharding: `--shard K/N` renders the profiles whose path (relative to the
//! folder it was found in) hashes to K mod N, and writes the record of what
//! it did to `OUT/.shards/K-of-N.json`. `socsource index OUT` merges the
//! records of all N shards into `index.md`, `index.html`, `summary.json`
//! and `manifest.json`. An unsharded batch is shard 0 of 1 followed by the
//! same merge, so a sharded run and a single run give the same bytes.
//!
//! Exit status: 0 when every profile was rendered, 1 when some profile
//! failed (the others are still written), 2 for a usage error (nothing was
//! done). `--fail-fast` stops starting new profiles after the first failure.

use crate::config::{Output, RenderOptions, UsageError};
use crate::diag::Diagnostic;
use crate::evaluate::assessment::SocOption;
use crate::fsio::{self, IoError};
use crate::profile::{self, discover, model::Date, LoadOptions};
use crate::render::{IndexFailure, IndexLink, IndexRow, IndexView, OutputFile, Renderer};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// Version of the shard record and manifest formats.
pub const RECORD_VERSION: u32 = 1;

/// The K-th of N slices of a portfolio (K from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    pub const WHOLE: Shard = Shard { index: 0, count: 1 };

    /// Parse `K/N` with `0 <= K < N`.
    pub fn parse(text: &str) -> Result<Shard, UsageError> {
        let bad = || {
            UsageError(format!(
                "--shard takes K/N with 0 <= K < N (e.g. 0/3), not `{text}`"
            ))
        };
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    fn file_name(self) -> String {
        format!("{}-of-{}.json", self.index, self.count)
    }

    /// Whether a profile, by its path relative to its input folder, is ours.
    pub fn owns(self, relative: &str) -> bool {
        // FNV-1a: stable across platforms and releases, unlike std's hasher.
        let h = relative.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        h % u64::from(self.count) == u64::from(self.index)
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Rendered,
    Failed,
    /// Not attempted because `--fail-fast` stopped the run.
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileHash {
    pub path: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationSummary {
    pub option: SocOption,
    pub label: String,
    pub score: f64,
    pub confidence: String,
}

/// What happened to one profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileOutcome {
    /// Position among all profiles found, for a stable order after merging.
    pub order: usize,
    pub file: String,
    pub sha256: Option<String>,
    pub id: Option<String>,
    pub status: Status,
    /// Files written, relative to the output folder.
    pub outputs: Vec<FileHash>,
    pub recommendation: Option<RecommendationSummary>,
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<IndexRow>,
}

/// Everything one shard did: enough to rebuild the index and manifest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShardRecord {
    pub record_version: u32,
    pub generator: String,
    pub shard: String,
    pub date: String,
    pub formats: Vec<String>,
    pub templates: BTreeMap<String, String>,
    /// Problems finding profiles (missing paths, loops), reported by shard 0.
    pub problems: Vec<IndexFailure>,
    pub profiles: Vec<ProfileOutcome>,
}

/// How the run talks to the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConsoleStyle {
    /// Only failures and the closing line.
    pub quiet: bool,
    /// A progress bar (standard error is a terminal).
    pub progress: bool,
    /// Coloured labels (a terminal, and `NO_COLOR` unset).
    pub color: bool,
}

/// How a run should end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub rendered: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// What phase one keeps of a profile: enough to find duplicate ids and to
/// report failures. Valid profiles are loaded again by the worker that
/// renders them, so memory does not grow with the portfolio.
struct Found {
    file: PathBuf,
    shown: String,
    relative: String,
    sha256: Option<String>,
    result: Result<String, Vec<Diagnostic>>,
}

/// A profile loaded for rendering.
struct Loaded {
    shown: String,
    sha256: Option<String>,
    result: Result<profile::Loaded, Vec<Diagnostic>>,
}

fn load_one(
    file: &Path,
    shown: &str,
    options: &LoadOptions,
) -> (Option<String>, Result<profile::Loaded, Vec<Diagnostic>>) {
    match fsio::read_limited(file, profile::MAX_PROFILE_BYTES) {
        Ok(bytes) => {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                Some(sha256_hex(&bytes)),
                profile::load_bytes(shown, &stem, &bytes, options),
            )
        }
        Err(_) => (None, profile::load_path(file, shown, options)),
    }
}

/// Run `work` over `items` on `jobs` threads; `done` sees each result on the
/// calling thread, in completion order.
fn parallel<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    stop: &AtomicBool,
    work: impl Fn(usize, &T) -> R + Sync,
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
                if tx.send((i, work(i, &items[i]))).is_err() {
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

/// Check every profile found (phase one).
fn check_all(
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
        |_, file| {
            let shown = file.display().to_string();
            let (sha256, result) = load_one(file, &shown, options);
            Found {
                file: file.clone(),
                relative: relative_to_root(file, roots),
                sha256,
                result: result.map(|l| l.profile.id),
                shown,
            }
        },
        |i, f| found[i] = Some(f),
    );
    found.into_iter().flatten().collect()
}

/// Ids used by more than one profile: both are refused, naming each other.
fn refuse_duplicate_ids(loaded: &mut [Found]) {
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, l) in loaded.iter().enumerate() {
        if let Ok(id) = &l.result {
            by_id.entry(id.clone()).or_default().push(i);
        }
    }
    for (id, users) in by_id.into_iter().filter(|(_, u)| u.len() > 1) {
        let names: Vec<String> = users.iter().map(|i| loaded[*i].shown.clone()).collect();
        for &i in &users {
            let others: Vec<&str> = names
                .iter()
                .filter(|n| **n != loaded[i].shown)
                .map(String::as_str)
                .collect();
            let d = Diagnostic::file_error(
                &loaded[i].shown,
                format!("duplicate id `{id}`: also used by {}", others.join(", ")),
            )
            .with_help("each organisation writes to out/<id>/; give each profile its own `id`");
            loaded[i].result = Err(vec![d]);
        }
    }
}

fn first_error(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .find(|d| d.is_error())
        .or(diags.first())
        .map_or_else(|| "invalid profile".to_string(), Diagnostic::one_line)
}

/// Render and write one profile; returns its outcome and console messages.
fn render_one(
    l: &Loaded,
    order: usize,
    renderer: &Renderer,
    options: &RenderOptions,
    out: &Path,
) -> (ProfileOutcome, Vec<String>) {
    let mut outcome = ProfileOutcome {
        order,
        file: l.shown.clone(),
        sha256: l.sha256.clone(),
        id: None,
        status: Status::Failed,
        outputs: Vec::new(),
        recommendation: None,
        error: None,
        row: None,
    };
    let loaded = match &l.result {
        Ok(loaded) => loaded,
        Err(diags) => {
            outcome.error = Some(first_error(diags));
            return (outcome, diags.iter().map(ToString::to_string).collect());
        }
    };
    let mut messages: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    let id = &loaded.profile.id;
    outcome.id = Some(id.clone());
    let assessment = crate::evaluate::evaluate(&loaded.profile);
    let rendered = match renderer.report(&assessment, &options.formats) {
        Ok(r) => r,
        Err(e) => {
            messages.push(format!("error: {}: {e}\n", l.shown));
            outcome.error = Some(e.to_string());
            return (outcome, messages);
        }
    };
    for w in &rendered.warnings {
        messages.push(format!("warning: {}: {w}\n", l.shown));
    }
    let folder = out.join(id);
    if let Err(e) = write_files(&folder, &rendered.files) {
        messages.push(format!("error: {e}\n"));
        outcome.error = Some(e.to_string());
        return (outcome, messages);
    }
    outcome.outputs = rendered
        .files
        .iter()
        .map(|f| FileHash {
            path: format!("{id}/{}", f.path),
            sha256: sha256_hex(&f.bytes),
        })
        .collect();
    outcome.recommendation = Some(RecommendationSummary {
        option: assessment.recommendation.option,
        label: assessment.recommendation.label.clone(),
        score: assessment.recommendation.score,
        confidence: format!("{:?}", assessment.recommendation.confidence).to_lowercase(),
    });
    outcome.row = Some(IndexRow::new(&assessment, &options.formats));
    outcome.status = Status::Rendered;
    (outcome, messages)
}

/// Write rendered files under `folder`, each atomically.
pub fn write_files(folder: &Path, files: &[OutputFile]) -> Result<(), IoError> {
    fsio::create_dir_all(folder)?;
    fsio::refuse_symlink(folder)?;
    // Each subfolder once: on slow filesystems every mkdir call counts.
    let mut made: BTreeSet<PathBuf> = BTreeSet::new();
    for f in files {
        let path = folder.join(&f.path);
        if let Some(parent) = path.parent().filter(|p| *p != folder) {
            if made.insert(parent.to_path_buf()) {
                fsio::create_dir_all(parent)?;
                fsio::refuse_symlink(parent)?;
            }
        }
        fsio::write_atomic(&path, &f.bytes)?;
    }
    Ok(())
}

/// Progress on a terminal: one line, redrawn at most ten times a second.
struct Progress {
    enabled: bool,
    total: usize,
    last: Option<std::time::Instant>,
}

impl Progress {
    fn draw(&mut self, err: &mut dyn std::io::Write, done: usize, failed: usize) {
        if !self.enabled {
            return;
        }
        let now = std::time::Instant::now();
        if done < self.total
            && self
                .last
                .is_some_and(|t| now.duration_since(t).as_millis() < 100)
        {
            return;
        }
        self.last = Some(now);
        let width = 30;
        let filled = (done * width)
            .checked_div(self.total)
            .unwrap_or(width)
            .min(width);
        let _ = write!(
            err,
            "\r[{}{}] {done}/{} profiles, {failed} failed",
            "#".repeat(filled),
            " ".repeat(width - filled),
            self.total
        );
        let _ = err.flush();
    }

    fn clear(&self, err: &mut dyn std::io::Write) {
        if self.enabled {
            let _ = write!(err, "\r{}\r", " ".repeat(60));
        }
    }
}

/// What a batch or report run needs besides the render options.
pub struct RunPlan<'p> {
    pub inputs: &'p [PathBuf],
    pub shard: Shard,
    /// Write the shard record (batch runs).
    pub record: bool,
    /// Merge into the index right away (an unsharded batch).
    pub merge: bool,
    pub date: Date,
}

/// Run a batch (or a `report` over several profiles).
pub fn run(
    plan: &RunPlan<'_>,
    options: &RenderOptions,
    renderer: &Renderer,
    style: ConsoleStyle,
    err: &mut dyn std::io::Write,
) -> Result<Totals, UsageError> {
    let started = std::time::Instant::now();
    let out = match &options.output {
        Output::Dir(dir) => dir.clone(),
        Output::Stdout => {
            return Err(UsageError(
                "`--out -` is for one report; give an output folder".into(),
            ))
        }
    };
    let load = LoadOptions {
        default_date: plan.date,
    };
    let found = discover::discover(plan.inputs);
    let roots: Vec<PathBuf> = plan.inputs.to_vec();
    let mut checked = check_all(&found.files, &roots, &load, options.jobs);
    refuse_duplicate_ids(&mut checked);
    let mine: Vec<usize> = (0..checked.len())
        .filter(|i| plan.shard.owns(&checked[*i].relative))
        .collect();

    if let Err(e) = fsio::create_dir_all(&out) {
        return Err(UsageError(e.to_string()));
    }
    if plan.shard.index == 0 {
        print_diagnostics(err, &found.problems, style.color);
    }
    let stop = AtomicBool::new(false);
    let mut outcomes: Vec<Option<ProfileOutcome>> = (0..mine.len()).map(|_| None).collect();
    let mut messages: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut next_print = 0;
    let mut progress = Progress {
        enabled: style.progress && !style.quiet,
        total: mine.len(),
        last: None,
    };
    let (mut done, mut failed) = (0, 0);
    parallel(
        &mine,
        options.jobs,
        &stop,
        |_, &i| {
            let c = &checked[i];
            let loaded = match &c.result {
                // Phase one's diagnostics (including duplicate ids) stand.
                Err(diags) => Loaded {
                    shown: c.shown.clone(),
                    sha256: c.sha256.clone(),
                    result: Err(diags.clone()),
                },
                Ok(_) => {
                    let (sha256, result) = load_one(&c.file, &c.shown, &load);
                    Loaded {
                        shown: c.shown.clone(),
                        sha256,
                        result,
                    }
                }
            };
            let result = render_one(&loaded, i, renderer, options, &out);
            // Raised here, before the result is sent, so this worker starts
            // nothing more; others finish what they already began.
            if options.fail_fast && result.0.status == Status::Failed {
                stop.store(true, Ordering::Relaxed);
            }
            result
        },
        |slot, (outcome, msgs)| {
            done += 1;
            if outcome.status == Status::Failed {
                failed += 1;
            }
            // Keep a copy made on this thread and free the worker's: a few
            // small live records left in a worker's malloc arena would pin
            // its freed pages and make memory grow with the portfolio.
            outcomes[slot] = Some(outcome.clone());
            drop(outcome);
            messages.insert(slot, msgs);
            // Print in profile order, whatever order workers finish in.
            while let Some(msgs) = messages.remove(&next_print) {
                if !msgs.is_empty() {
                    progress.clear(err);
                    for m in msgs {
                        let _ = write!(err, "{}", colorize(&m, style.color));
                    }
                }
                next_print += 1;
            }
            progress.draw(err, done, failed);
        },
    );
    progress.clear(err);
    let outcomes: Vec<ProfileOutcome> = outcomes
        .into_iter()
        .zip(&mine)
        .map(|(o, &i)| {
            o.unwrap_or_else(|| ProfileOutcome {
                order: i,
                file: checked[i].shown.clone(),
                sha256: checked[i].sha256.clone(),
                id: checked[i].result.as_ref().ok().cloned(),
                status: Status::Skipped,
                outputs: Vec::new(),
                recommendation: None,
                error: Some("not attempted: --fail-fast stopped the run".into()),
                row: None,
            })
        })
        .collect();
    let totals = Totals {
        rendered: outcomes
            .iter()
            .filter(|o| o.status == Status::Rendered)
            .count(),
        failed: outcomes
            .iter()
            .filter(|o| o.status == Status::Failed)
            .count()
            + if plan.shard.index == 0 {
                found.problems.len()
            } else {
                0
            },
        skipped: outcomes
            .iter()
            .filter(|o| o.status == Status::Skipped)
            .count(),
    };
    if !style.quiet && !plan.record {
        for o in outcomes.iter().filter(|o| o.status == Status::Rendered) {
            if let Some(id) = &o.id {
                let _ = writeln!(err, "{}: wrote {}", o.file, out.join(id).display());
            }
        }
    }
    if plan.record {
        let record = ShardRecord {
            record_version: RECORD_VERSION,
            generator: generator(),
            shard: format!("{}/{}", plan.shard.index, plan.shard.count),
            date: plan.date.to_string(),
            formats: options
                .formats
                .iter()
                .map(|f| f.key().to_string())
                .collect(),
            templates: renderer
                .templates
                .sources
                .iter()
                .map(|(n, t)| (n.clone(), sha256_hex(t.as_bytes())))
                .collect(),
            problems: if plan.shard.index == 0 {
                found
                    .problems
                    .iter()
                    .map(|d| IndexFailure {
                        file: d.file.clone(),
                        error: d.message.clone(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            profiles: outcomes,
        };
        let shards = out.join(".shards");
        let written = fsio::create_dir_all(&shards)
            .and_then(|()| write_json(&shards.join(plan.shard.file_name()), &record));
        if let Err(e) = written {
            let _ = writeln!(err, "{}", colorize(&format!("error: {e}"), style.color));
            return Ok(Totals {
                failed: totals.failed + 1,
                ..totals
            });
        }
        if plan.merge {
            // A whole run replaces whatever shard records an earlier run left.
            if let Ok(entries) = std::fs::read_dir(&shards) {
                for e in entries.flatten() {
                    if e.file_name() != std::ffi::OsStr::new(&plan.shard.file_name()) {
                        let _ = std::fs::remove_file(e.path());
                    }
                }
            }
            if let Err(e) = merge_records(vec![(out.clone(), record)], &out, renderer) {
                let _ = writeln!(err, "{}", colorize(&format!("error: {e}"), style.color));
                return Ok(Totals {
                    failed: totals.failed + 1,
                    ..totals
                });
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let mut line = format!("{} rendered, {} failed", totals.rendered, totals.failed);
    if totals.skipped > 0 {
        line.push_str(&format!(", {} skipped", totals.skipped));
    }
    if plan.shard.count > 1 {
        line.push_str(&format!(
            " (shard {}/{})",
            plan.shard.index, plan.shard.count
        ));
    }
    let _ = writeln!(err, "{line} in {secs:.1} s");
    Ok(totals)
}

/// Write `value` as pretty JSON, streamed to the file.
/// Write `value` as pretty JSON, streaming; returns the SHA-256 of the file.
fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<String, IoError> {
    /// Hashes what passes through, so a large file is never held in memory.
    struct Hashing<'w> {
        inner: &'w mut dyn std::io::Write,
        hash: Sha256,
    }
    impl std::io::Write for Hashing<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = self.inner.write(buf)?;
            self.hash.update(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }
    let mut digest = None;
    fsio::write_atomic_with(path, |w| {
        let mut hashing = Hashing {
            inner: w,
            hash: Sha256::new(),
        };
        serde_json::to_writer_pretty(&mut hashing, value).map_err(std::io::Error::other)?;
        std::io::Write::write_all(&mut hashing, b"\n")?;
        digest = Some(hashing.hash.finalize());
        Ok(())
    })?;
    Ok(digest
        .map(|d| d.iter().map(|b| format!("{b:02x}")).collect())
        .unwrap_or_default())
}

fn generator() -> String {
    format!("socsource {}", env!("CARGO_PKG_VERSION"))
}

pub fn print_diagnostics(err: &mut dyn std::io::Write, diags: &[Diagnostic], color: bool) {
    for d in diags {
        let _ = write!(err, "{}", colorize(&d.to_string(), color));
    }
}

/// Colour the leading `error:` / `warning:` of a message on a terminal.
pub fn colorize(text: &str, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    text.replacen("error:", "\x1b[1;31merror\x1b[0m:", 1)
        .replacen("warning:", "\x1b[1;33mwarning\x1b[0m:", 1)
}

/// The summary of a portfolio, as `summary.json`.
#[derive(Debug, Clone, Serialize)]
struct Summary<'a> {
    generator: String,
    date: &'a str,
    rendered: usize,
    failed: usize,
    profiles: Vec<SummaryEntry<'a>>,
}

#[derive(Debug, Clone, Serialize)]
struct SummaryEntry<'a> {
    file: &'a str,
    id: Option<&'a str>,
    status: Status,
    outputs: Vec<&'a str>,
    recommendation: Option<&'a RecommendationSummary>,
    error: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
struct Manifest<'a> {
    manifest_version: u32,
    generator: String,
    date: &'a str,
    formats: &'a [String],
    templates: &'a BTreeMap<String, String>,
    inputs: Vec<FileHash>,
    outputs: Vec<&'a FileHash>,
}

/// Relative path from folder `from` to `to` (both as given, made absolute).
fn relative_path(from: &Path, to: &Path) -> String {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (from, to) = (abs(from), abs(to));
    let f: Vec<_> = from.components().collect();
    let t: Vec<_> = to.components().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); f.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Merge shard records from `dirs` into the portfolio index, summary and
/// manifest in `out`. Refuses incomplete or mismatched sets of shards.
pub fn merge(dirs: &[PathBuf], out: &Path, renderer: &Renderer) -> Result<(), String> {
    let mut records: Vec<(PathBuf, ShardRecord)> = Vec::new();
    for dir in dirs {
        let shards = dir.join(".shards");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&shards)
            .map_err(|e| {
                format!(
                    "no shard records in `{}`: {e} (run `socsource batch` there first)",
                    shards.display()
                )
            })?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for file in files {
            let text = fsio::read_to_string(&file).map_err(|e| e.to_string())?;
            let record: ShardRecord = serde_json::from_str(&text)
                .map_err(|e| format!("`{}` is not a shard record: {e}", file.display()))?;
            records.push((dir.clone(), record));
        }
    }
    merge_records(records, out, renderer)
}

/// Merge shard records (already read) into the index, summary and manifest.
fn merge_records(
    records: Vec<(PathBuf, ShardRecord)>,
    out: &Path,
    renderer: &Renderer,
) -> Result<(), String> {
    let Some((_, first)) = records.first() else {
        return Err("no shard records found".into());
    };
    let count: u32 = first
        .shard
        .split('/')
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let mut seen = BTreeSet::new();
    for (dir, r) in &records {
        let same_run = r.generator == first.generator
            && r.date == first.date
            && r.formats == first.formats
            && r.templates == first.templates;
        if !same_run || r.record_version != RECORD_VERSION {
            return Err(format!(
                "the shard record `{}` in `{}` comes from a different run (tool, date, formats or templates differ)",
                r.shard,
                dir.display()
            ));
        }
        let n: u32 = r
            .shard
            .split('/')
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        if n != count || !seen.insert(r.shard.clone()) {
            return Err(format!("shard records of different runs or repeated shards ({} and {}); remove the stale ones", first.shard, r.shard));
        }
    }
    let missing: Vec<String> = (0..count)
        .filter(|k| !seen.contains(&format!("{k}/{count}")))
        .map(|k| k.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "shard{} {} of {count} missing: run `socsource batch ... --shard K/{count}` for {} first",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            if missing.len() == 1 { "it" } else { "them" }
        ));
    }
    let mut profiles: Vec<(&Path, &ProfileOutcome)> = records
        .iter()
        .flat_map(|(d, r)| r.profiles.iter().map(move |p| (d.as_path(), p)))
        .collect();
    profiles.sort_by_key(|(_, p)| p.order);
    let problems: Vec<IndexFailure> = records
        .iter()
        .flat_map(|(_, r)| r.problems.clone())
        .collect();

    let rows: Vec<IndexRow> = profiles
        .iter()
        .filter_map(|(dir, p)| {
            let mut row = p.row.clone()?;
            let prefix = relative_path(out, dir);
            if !prefix.is_empty() {
                row.links = row
                    .links
                    .into_iter()
                    .map(|l| IndexLink {
                        label: l.label,
                        href: format!("{prefix}/{}", l.href),
                    })
                    .collect();
            }
            Some(row)
        })
        .collect();
    let failures: Vec<IndexFailure> = problems
        .iter()
        .cloned()
        .chain(
            profiles
                .iter()
                .filter(|(_, p)| p.status != Status::Rendered)
                .map(|(_, p)| IndexFailure {
                    file: p.file.clone(),
                    error: p.error.clone().unwrap_or_default(),
                }),
        )
        .collect();
    let view = IndexView {
        date: first.date.clone(),
        generator: first.generator.clone(),
        rows,
        failures,
    };
    let files = renderer.index(view).map_err(|e| e.to_string())?;
    write_files(out, &files).map_err(|e| e.to_string())?;
    let mut written: Vec<FileHash> = files
        .iter()
        .map(|f| FileHash {
            path: f.path.clone(),
            sha256: sha256_hex(&f.bytes),
        })
        .collect();
    drop(files);

    let summary = Summary {
        generator: first.generator.clone(),
        date: &first.date,
        rendered: profiles
            .iter()
            .filter(|(_, p)| p.status == Status::Rendered)
            .count(),
        failed: profiles
            .iter()
            .filter(|(_, p)| p.status != Status::Rendered)
            .count()
            + problems.len(),
        profiles: profiles
            .iter()
            .map(|(_, p)| SummaryEntry {
                file: &p.file,
                id: p.id.as_deref(),
                status: p.status,
                outputs: p.outputs.iter().map(|o| o.path.as_str()).collect(),
                recommendation: p.recommendation.as_ref(),
                error: p.error.as_deref(),
            })
            .collect(),
    };
    let summary_hash =
        write_json(&out.join("summary.json"), &summary).map_err(|e| e.to_string())?;
    drop(summary);
    written.push(FileHash {
        path: "summary.json".into(),
        sha256: summary_hash,
    });

    let mut outputs: Vec<&FileHash> = profiles
        .iter()
        .flat_map(|(_, p)| p.outputs.iter())
        .chain(written.iter())
        .collect();
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    let mut inputs: Vec<FileHash> = profiles
        .iter()
        .filter_map(|(_, p)| {
            p.sha256.clone().map(|h| FileHash {
                path: p.file.clone(),
                sha256: h,
            })
        })
        .collect();
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = Manifest {
        manifest_version: RECORD_VERSION,
        generator: first.generator.clone(),
        date: &first.date,
        formats: &first.formats,
        templates: &first.templates,
        inputs,
        outputs,
    };
    write_json(&out.join("manifest.json"), &manifest).map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!(Shard::parse("0/3").unwrap(), Shard { index: 0, count: 3 });
        assert!(Shard::parse("3/3").is_err());
        assert!(Shard::parse("1/0").is_err());
        assert!(Shard::parse("a/b").is_err());
        let names: Vec<String> = (0..500).map(|i| format!("client-{i}.yaml")).collect();
        let mut seen = 0;
        for k in 0..3 {
            let s = Shard { index: k, count: 3 };
            let n = names.iter().filter(|n| s.owns(n)).count();
            assert!(n > 100, "unbalanced: {n}");
            seen += n;
        }
        assert_eq!(seen, 500, "every profile in exactly one shard");
    }

    #[test]
    fn relative_paths_between_folders() {
        assert_eq!(relative_path(Path::new("/a/out"), Path::new("/a/out")), "");
        assert_eq!(
            relative_path(Path::new("/a/merged"), Path::new("/a/out-1")),
            "../out-1"
        );
    }
}
