//! Finding profiles: the files and folders a user names become a sorted list
//! of profile files.
//!
//! Folders are walked recursively (symbolic links followed, loops detected
//! and reported rather than followed forever), hidden entries skipped, and
//! only `*.yaml` / `*.yml` files kept. A file named explicitly is always
//! taken, whatever its extension. The order is by path, so every run over
//! the same tree sees the same profiles in the same order.

use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The profile files found, and what could not be searched.
#[derive(Debug, Default)]
pub(crate) struct Discovery {
    pub files: Vec<PathBuf>,
    pub problems: Vec<Diagnostic>,
    /// Paths named on the command line that cannot be inputs at all
    /// (missing, or a device, pipe or socket): a usage error, before any
    /// work.
    pub unusable: Vec<Diagnostic>,
}

pub(crate) fn is_profile_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

pub(crate) fn discover(paths: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    for root in paths {
        let shown = root.display().to_string();
        let meta = match crate::fsio::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                let what = if e.source.kind() == std::io::ErrorKind::NotFound {
                    "no such file or folder".to_string()
                } else {
                    e.reason()
                };
                found.unusable.push(Diagnostic::file_error(&shown, what));
                continue;
            }
        };
        if !meta.is_file() && !meta.is_dir() {
            found.unusable.push(Diagnostic::file_error(
                &shown,
                "not a regular file (a device, pipe or socket); give a profile file or a folder",
            ));
            continue;
        }
        if meta.is_file() {
            found.files.push(root.clone());
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_profile_name(e.path()) => {
                    found.files.push(e.into_path());
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err
                        .path()
                        .map_or_else(|| shown.clone(), |p| p.display().to_string());
                    let message = if err.loop_ancestor().is_some() {
                        "symbolic link loop; not followed".to_string()
                    } else {
                        err.io_error()
                            .map_or_else(|| err.to_string(), std::string::ToString::to_string)
                    };
                    found.problems.push(Diagnostic::file_error(&path, message));
                }
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    found.files.retain(|p| seen.insert(p.clone()));
    found
}
