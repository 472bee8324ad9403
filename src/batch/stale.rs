//! What an earlier run left that this run no longer writes.
//!
//! A batch's output folder holds what its manifest lists. When a profile
//! that rendered yesterday fails today (or is gone, or an edition or format
//! is no longer requested), yesterday's files would sit beside a dashboard
//! that says otherwise, and a pipeline publishing `out/*/report.pdf` would
//! publish them. So a batch removes every file the previous record of its
//! slice listed and this run did not write.
//!
//! Only files the tool can prove are its own are removed: listed in its own
//! previous record ([`super::record::is_own_record`]), under a report folder
//! named by a valid id, with one of the file names a report has, reached
//! without passing through a link.

use super::folder::{OutputFolder, PORTFOLIO_FILES};
use super::record::{self, ProfileOutcome, ShardRecord, Status};
use super::RunKind;
use crate::fsio::{self, IoError};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

/// A report the previous run wrote: its profile file, id and files.
pub(super) struct PreviousReport {
    file: String,
    id: String,
    outputs: Vec<String>,
}

/// The reports the previous run of this slice recorded. Unreadable or
/// foreign records give nothing: then nothing is removed.
pub(super) fn previous_outputs(folder: &OutputFolder, kind: RunKind) -> Vec<PreviousReport> {
    let dir = record::records_folder(folder.path());
    let Ok(mut files) = fsio::read_dir(&dir) else {
        return Vec::new();
    };
    files.sort();
    let mine = match kind {
        RunKind::Slice(shard) => Some(shard.file_name()),
        _ => None,
    };
    files
        .iter()
        .filter(|p| {
            mine.as_ref()
                .is_none_or(|m| p.file_name().is_some_and(|n| *n == **m))
        })
        .filter(|p| record::is_own_record(p))
        .filter_map(|p| fsio::read_limited(p, record::MAX_RECORD_BYTES).ok())
        .filter_map(|bytes| serde_json::from_slice::<ShardRecord>(&bytes).ok())
        .flat_map(|r| r.profiles)
        .filter(|p| p.status == Status::Rendered)
        .filter_map(|p| {
            Some(PreviousReport {
                file: p.file,
                id: p.id?,
                outputs: p.outputs.into_iter().map(|o| o.path).collect(),
            })
        })
        .collect()
}

/// Remove the portfolio files (index, summary, manifest) before a whole run
/// renders: they are written again at its end.
pub(super) fn remove_portfolio(folder: &OutputFolder) -> Result<(), IoError> {
    for name in PORTFOLIO_FILES {
        let path = folder.path().join(name);
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            fsio::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Remove what `previous` listed and this run did not write; note on the
/// failed profiles whose earlier report went. Returns one line per report
/// folder touched, for standard error.
pub(super) fn remove_unwritten(
    folder: &OutputFolder,
    previous: &[PreviousReport],
    outcomes: &mut [ProfileOutcome],
) -> Vec<String> {
    let written: BTreeSet<&str> = outcomes
        .iter()
        .flat_map(|o| o.outputs.iter().map(|f| f.path.as_str()))
        .collect();
    let mut removed: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for report in previous {
        for path in &report.outputs {
            if written.contains(path.as_str()) {
                continue;
            }
            if let Some(file) = own_report_file(folder.path(), &report.id, path) {
                if fs::remove_file(&file).is_ok() {
                    removed.entry(&report.id).or_insert((&report.file, 0)).1 += 1;
                }
            }
        }
    }
    let mut notes = Vec::new();
    let (mut folders, mut files) = (0, 0);
    for (id, (file, count)) in &removed {
        let dir = folder.path().join(id);
        // Empty folders go too; a folder with anything else in it stays.
        let _ = fs::remove_dir(dir.join("charts"));
        let _ = fs::remove_dir(dir.join("images"));
        let gone = fs::remove_dir(&dir).is_ok();
        let failed = outcomes.iter_mut().find(|o| {
            o.status != Status::Rendered && (o.file == *file || o.id.as_deref() == Some(id))
        });
        match failed {
            Some(o) => {
                let what = format!("its earlier report in {id}/ was removed");
                o.error = Some(match o.error.take() {
                    Some(e) => format!("{e} ({what})"),
                    None => what,
                });
                notes.push(format!(
                    "{file}: removed the earlier report in {} because this run could not render it",
                    dir.display()
                ));
            }
            None if gone => notes.push(format!(
                "removed {}: no profile of this run renders `{id}` any more",
                dir.display()
            )),
            None => {
                folders += 1;
                files += count;
            }
        }
    }
    if files > 0 {
        notes.push(format!(
            "removed {files} file{} in {folders} report folder{} that this run no longer writes (editions or formats not requested)",
            if files == 1 { "" } else { "s" },
            if folders == 1 { "" } else { "s" },
        ));
    }
    notes
}

/// File names a report folder holds, besides its charts.
const REPORT_FILES: [&str; 7] = [
    "report.md",
    "report.html",
    "report.pdf",
    "assessment.json",
    "brief.md",
    "brief.html",
    "brief.pdf",
];

/// `OUT/<path>` when `path` is one of report `id`'s own files, reached
/// without a link: `<id>/<report file>`, `<id>/charts/<name>.svg` or
/// `<id>/images/<name>` (its logos and template images).
fn own_report_file(out: &Path, id: &str, path: &str) -> Option<PathBuf> {
    if !crate::profile::words::is_slug(id) {
        return None;
    }
    let parts: Vec<&str> = Path::new(path)
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let known = match parts.as_slice() {
        [first, name] => *first == id && REPORT_FILES.contains(name),
        [first, "charts", name] => {
            *first == id
                && name.ends_with(".svg")
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
        }
        [first, "images", name] => {
            *first == id
                && [".png", ".jpeg", ".svg"].iter().any(|e| name.ends_with(e))
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
        }
        _ => false,
    };
    if !known {
        return None;
    }
    // No link on the way, and a regular file at the end.
    let mut at = out.to_path_buf();
    for (i, part) in parts.iter().enumerate() {
        at.push(part);
        let meta = fs::symlink_metadata(&at).ok()?;
        let last = i + 1 == parts.len();
        if meta.file_type().is_symlink() || (last && !meta.is_file()) || (!last && !meta.is_dir()) {
            return None;
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_report_files_under_their_own_folder_are_recognised() {
        let out = std::env::temp_dir().join(format!("socsource-stale-{}", std::process::id()));
        let _ = fs::remove_dir_all(&out);
        fs::create_dir_all(out.join("acme/charts")).unwrap();
        fs::write(out.join("acme/report.pdf"), b"%PDF").unwrap();
        fs::write(out.join("acme/charts/costs.svg"), b"<svg/>").unwrap();
        fs::write(out.join("acme/notes.txt"), b"mine").unwrap();
        assert!(own_report_file(&out, "acme", "acme/report.pdf").is_some());
        assert!(own_report_file(&out, "acme", "acme/charts/costs.svg").is_some());
        assert!(own_report_file(&out, "acme", "acme/notes.txt").is_none());
        assert!(own_report_file(&out, "acme", "other/report.pdf").is_none());
        assert!(own_report_file(&out, "acme", "acme/../acme/report.pdf").is_none());
        assert!(own_report_file(&out, "acme", "/etc/passwd").is_none());
        assert!(own_report_file(&out, "../x", "../x/report.pdf").is_none());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(out.join("acme"), out.join("link")).unwrap();
            assert!(own_report_file(&out, "link", "link/report.pdf").is_none());
        }
        fs::remove_dir_all(out).unwrap();
    }
}
