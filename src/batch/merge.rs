//! Merging shard records into the portfolio index, summary and manifest.
//!
//! `socsource index` reads the records of every shard; an unsharded batch
//! hands its one record over directly. Either way the same function builds
//! the index rows (links made relative to where the index is written), the
//! list of failures, and writes `index.md`, `index.html`, `summary.json`
//! and `manifest.json`: so a sharded run and a single run give the same
//! bytes.
//!
//! Refused, with nothing written: no records; records of different runs
//! (tool, date, formats) or repeated shards; a missing shard (all exit 1:
//! the data is incomplete); and records rendered with different template
//! sets, or with a set other than the one `index` was given (a usage error,
//! exit 2: run again with the right `--templates`). The index must be
//! rendered with the templates the reports were, or its bytes would differ
//! from a single run's.

use super::record::{self, ProfileOutcome, ShardRecord, Status, RECORD_VERSION};
use super::shard::Shard;
use crate::evaluate::assessment::{Confidence, SocOption};
use crate::fsio::{self, IoError};
use crate::pipeline;
use crate::render::templates::Templates;
use crate::render::{
    self, Attention, CurrencyTotals, IndexFailure, IndexLink, IndexRow, IndexView, Mix, Portfolio,
    RecommendationCount, RenderError,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Why shard records could not be merged.
#[derive(Debug, thiserror::Error)]
pub(crate) enum MergeError {
    #[error(
        "no shard records in `{}`: {} (run `socsource batch` there first)",
        .source.path.display(),
        .source.reason()
    )]
    NoRecordsFolder { source: IoError },
    #[error("`{}` is not a shard record: {source}", .path.display())]
    NotARecord {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("no shard records found")]
    NoRecords,
    #[error(
        "the shard record `{shard}` in `{}` comes from a different run (tool, date, formats, editions or --set values differ)",
        .dir.display()
    )]
    DifferentRun { shard: Shard, dir: PathBuf },
    #[error(
        "shard records of different runs or repeated shards ({first} and {other}); remove the stale ones"
    )]
    Repeated { first: Shard, other: Shard },
    #[error(
        "shard{} {} of {count} missing: run `socsource batch ... --shard K/{count}` for {} first",
        if .missing.len() == 1 { "" } else { "s" },
        join(.missing),
        if .missing.len() == 1 { "it" } else { "them" }
    )]
    Missing { missing: Vec<u32>, count: u32 },
    #[error(transparent)]
    Templates(#[from] TemplatesDiffer),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Io(#[from] IoError),
    /// The output folder cannot be used (a link inside it, another run).
    #[error(transparent)]
    Folder(#[from] super::folder::FolderError),
}

/// Shard records name a template set other than another record's, or than
/// the one `index` was given. The index would not be the single run's.
#[derive(Debug, thiserror::Error)]
pub(crate) enum TemplatesDiffer {
    #[error(
        "the shard records {first} in `{}` and {other} in `{}` were rendered with different templates ({}); render every shard with the same `--templates` folder",
        .first_dir.display(),
        .other_dir.display(),
        differing(.names)
    )]
    BetweenShards {
        first: Shard,
        first_dir: PathBuf,
        other: Shard,
        other_dir: PathBuf,
        names: Vec<String>,
    },
    #[error(
        "the shards in `{}` were rendered with other templates than `index` was given ({}); give `index` the `--templates` folder the batch runs used",
        .dir.display(),
        differing(.names)
    )]
    NotTheIndexSet { dir: PathBuf, names: Vec<String> },
}

fn join(numbers: &[u32]) -> String {
    let texts: Vec<String> = numbers.iter().map(u32::to_string).collect();
    texts.join(", ")
}

fn differing(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.len() {
        1 => format!("{} differs", quoted[0]),
        _ => format!("{} differ", quoted.join(", ")),
    }
}

/// Templates whose hashes differ between two sets, or that one lacks.
fn template_differences(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> Vec<String> {
    let names: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    names
        .into_iter()
        .filter(|n| a.get(*n) != b.get(*n))
        .cloned()
        .collect()
}

/// Merge the shard records in `dirs` into the portfolio index, summary and
/// manifest in `out`, rendered with `templates`; returns how many profiles
/// the portfolio lists as failed (and problems finding them).
pub(crate) fn merge(
    dirs: &[PathBuf],
    out: &Path,
    templates: &Templates,
) -> Result<usize, MergeError> {
    let records = read_records(dirs)?;
    let _folder = super::folder::OutputFolder::open(out)?;
    merge_records(&records, out, templates)
}

/// Every shard record in `DIR/.shards/` of each of `dirs`, with its folder.
fn read_records(dirs: &[PathBuf]) -> Result<Vec<(PathBuf, ShardRecord)>, MergeError> {
    let mut records = Vec::new();
    for dir in dirs {
        let folder = record::records_folder(dir);
        super::folder::refuse_link(&folder)?;
        let mut files =
            fsio::read_dir(&folder).map_err(|source| MergeError::NoRecordsFolder { source })?;
        files.retain(|p| record::is_record(p));
        files.sort();
        for path in files {
            super::folder::refuse_link(&path)?;
            let text = fsio::read_text_limited(&path, record::MAX_RECORD_BYTES)
                .map_err(|e| e.into_io(&path))?;
            let parsed: ShardRecord = serde_json::from_str(&text)
                .map_err(|source| MergeError::NotARecord { path, source })?;
            records.push((dir.clone(), parsed));
        }
    }
    Ok(records)
}

/// Check that the records are one complete run, rendered with `templates`;
/// returns the first, which speaks for the run.
fn check<'r>(
    records: &'r [(PathBuf, ShardRecord)],
    templates: &BTreeMap<String, String>,
) -> Result<&'r ShardRecord, MergeError> {
    let Some((first_dir, first)) = records.first() else {
        return Err(MergeError::NoRecords);
    };
    let count = first.shard.count();
    let mut seen = BTreeSet::new();
    for (dir, r) in records {
        let same_run = r.record_version == RECORD_VERSION
            && r.generator == first.generator
            && r.date == first.date
            && r.formats == first.formats
            && r.editions == first.editions
            && r.overrides == first.overrides;
        if !same_run {
            let dir = dir.clone();
            return Err(MergeError::DifferentRun {
                shard: r.shard,
                dir,
            });
        }
        let names = template_differences(&first.templates, &r.templates);
        if !names.is_empty() {
            return Err(TemplatesDiffer::BetweenShards {
                first: first.shard,
                first_dir: first_dir.clone(),
                other: r.shard,
                other_dir: dir.clone(),
                names,
            }
            .into());
        }
        if r.shard.count() != count || !seen.insert(r.shard.index()) {
            return Err(MergeError::Repeated {
                first: first.shard,
                other: r.shard,
            });
        }
    }
    let missing: Vec<u32> = (0..count).filter(|k| !seen.contains(k)).collect();
    if !missing.is_empty() {
        return Err(MergeError::Missing { missing, count });
    }
    let names = template_differences(&first.templates, templates);
    if !names.is_empty() {
        let dir = first_dir.clone();
        return Err(TemplatesDiffer::NotTheIndexSet { dir, names }.into());
    }
    Ok(first)
}

/// Merge shard records (already read) into the index, summary and manifest;
/// returns the number of failures the index lists.
pub(super) fn merge_records(
    records: &[(PathBuf, ShardRecord)],
    out: &Path,
    templates: &Templates,
) -> Result<usize, MergeError> {
    let run = check(records, &templates.digests())?;
    let mut profiles: Vec<(&Path, &ProfileOutcome)> = records
        .iter()
        .flat_map(|(d, r)| r.profiles.iter().map(move |p| (d.as_path(), p)))
        .collect();
    profiles.sort_by_key(|(_, p)| p.order);
    let problems: Vec<&IndexFailure> = records.iter().flat_map(|(_, r)| &r.problems).collect();
    let rows = index_rows(&profiles, out);
    let failures = failures(&problems, &profiles);
    let failed = failures.len();
    let view = IndexView {
        date: run.date.clone(),
        generator: run.generator.clone(),
        portfolio: portfolio(&rows, failures.len()),
        rows,
        failures,
    };
    let files = render::index(templates, view)?;
    pipeline::write_files(out, &files)?;
    let mut written = pipeline::hashes(&files, "");
    drop(files);
    let profiles: Vec<&ProfileOutcome> = profiles.into_iter().map(|(_, p)| p).collect();
    written.push(record::write_summary(out, run, &profiles, problems.len())?);
    record::write_manifest(out, run, &profiles, &written)?;
    Ok(failed)
}

/// The index rows of the rendered profiles, linking to their files from
/// `out` (the reports may sit in other shards' folders).
fn index_rows(profiles: &[(&Path, &ProfileOutcome)], out: &Path) -> Vec<IndexRow> {
    profiles
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
        .collect()
}

/// Most organisations listed under "needs attention".
pub(crate) const ATTENTION_LISTED: usize = 10;

/// Employee counts that bound the size bands of the dashboard.
const SIZE_BANDS: [(u64, &str); 4] = [
    (250, "under 250 employees"),
    (1_000, "250 to 999 employees"),
    (5_000, "1,000 to 4,999 employees"),
    (u64::MAX, "5,000 employees or more"),
];

/// Add one organisation to a group's mix.
fn count_into(mixes: &mut Vec<Mix>, label: &str, option: SocOption) {
    let i = match mixes.iter().position(|m| m.label == label) {
        Some(i) => i,
        None => {
            mixes.push(Mix {
                label: label.to_string(),
                in_house: 0,
                hybrid: 0,
                outsourced: 0,
                total: 0,
            });
            mixes.len() - 1
        }
    };
    let m = &mut mixes[i];
    match option {
        SocOption::InHouse => m.in_house += 1,
        SocOption::Hybrid => m.hybrid += 1,
        SocOption::Outsourced => m.outsourced += 1,
    }
    m.total += 1;
}

/// What limits an organisation's confidence, in words.
fn attention_reason(limited_by: &str) -> &'static str {
    match limited_by {
        "choice" => "another option wins in many draws of costs and weights",
        "budget" => "the budget may not hold",
        _ => "see its report",
    }
}

/// The portfolio's totals and groups, from the index rows (the numbers
/// every report already computed; nothing is evaluated again).
fn portfolio(rows: &[IndexRow], failed: usize) -> Portfolio {
    let n = rows.len();
    let recommendations = [SocOption::InHouse, SocOption::Hybrid, SocOption::Outsourced]
        .into_iter()
        .map(|option| {
            let count = rows.iter().filter(|r| r.option == option).count();
            RecommendationCount {
                option,
                label: option.short().to_string(),
                count,
                share: if n > 0 { count as f64 / n as f64 } else { 0.0 },
            }
        })
        .collect();
    let mut totals: BTreeMap<&str, CurrencyTotals> = BTreeMap::new();
    for r in rows {
        let t = totals
            .entry(r.currency.as_str())
            .or_insert_with(|| CurrencyTotals {
                currency: r.currency.clone(),
                organisations: 0,
                in_house: 0.0,
                outsourced: 0.0,
                hybrid: 0.0,
                recommended: 0.0,
            });
        t.organisations += 1;
        t.in_house += r.in_house;
        t.outsourced += r.outsourced;
        t.hybrid += r.hybrid;
        t.recommended += r.recommended_cost;
    }
    let mut industries = Vec::new();
    let mut sizes = Vec::new();
    for r in rows {
        let label = if r.industry_label.is_empty() {
            "Not recorded"
        } else {
            r.industry_label.as_str()
        };
        count_into(&mut industries, label, r.option);
    }
    industries.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.label.cmp(&b.label)));
    // Bands in order, smallest first; only those with an organisation.
    for (band, (_, label)) in SIZE_BANDS.iter().enumerate() {
        let in_band = |employees: u64| {
            SIZE_BANDS.iter().position(|(limit, _)| employees < *limit) == Some(band)
        };
        for r in rows.iter().filter(|r| in_band(r.employees)) {
            count_into(&mut sizes, label, r.option);
        }
    }
    let rank = |c: &Confidence| match c {
        Confidence::Low => 0,
        Confidence::Medium => 1,
        Confidence::High => 2,
    };
    let mut uncertain: Vec<&IndexRow> = rows
        .iter()
        .filter(|r| rank(&r.confidence) < 2 || r.weakest_share < 0.5)
        .collect();
    uncertain.sort_by(|a, b| {
        rank(&a.confidence)
            .cmp(&rank(&b.confidence))
            .then(a.weakest_share.total_cmp(&b.weakest_share))
            .then_with(|| a.name.cmp(&b.name))
    });
    let attention_more = uncertain.len().saturating_sub(ATTENTION_LISTED);
    let attention = uncertain
        .into_iter()
        .take(ATTENTION_LISTED)
        .map(|r| Attention {
            id: r.id.clone(),
            name: r.name.clone(),
            confidence: r.confidence,
            recommendation: r.recommendation.clone(),
            reason: attention_reason(&r.confidence_limited_by).to_string(),
            links: r.links.clone(),
        })
        .collect();
    Portfolio {
        organisations: n,
        failed,
        recommendations,
        totals: totals.into_values().collect(),
        industries,
        sizes,
        attention,
        attention_more,
    }
}

/// Discovery problems, then every profile not rendered, in order.
fn failures(
    problems: &[&IndexFailure],
    profiles: &[(&Path, &ProfileOutcome)],
) -> Vec<IndexFailure> {
    let failed = profiles
        .iter()
        .filter(|(_, p)| p.status != Status::Rendered)
        .map(|(_, p)| IndexFailure {
            file: p.file.clone(),
            error: p.error.clone().unwrap_or_default(),
            details: if p.details.len() > 1 || p.more > 0 {
                p.details.clone()
            } else {
                Vec::new()
            },
            more: p.more,
        });
    problems
        .iter()
        .map(|f| (*f).clone())
        .chain(failed)
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_folders() {
        assert_eq!(relative_path(Path::new("/a/out"), Path::new("/a/out")), "");
        assert_eq!(
            relative_path(Path::new("/a/merged"), Path::new("/a/out-1")),
            "../out-1"
        );
    }

    #[test]
    fn template_differences_name_changed_added_and_removed_templates() {
        let set = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs
                .iter()
                .map(|(n, h)| (n.to_string(), h.to_string()))
                .collect()
        };
        let a = set(&[("index.md", "1"), ("report.md", "2"), ("x.md", "3")]);
        let b = set(&[("index.md", "9"), ("report.md", "2"), ("y.md", "4")]);
        assert_eq!(template_differences(&a, &b), ["index.md", "x.md", "y.md"]);
        assert!(template_differences(&a, &a).is_empty());
        assert_eq!(differing(&["index.md".into()]), "`index.md` differs");
    }
}
