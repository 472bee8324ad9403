//! The output folder: what socsource owns in it, one writer at a time, and
//! what a killed run left behind.
//!
//! Policy. socsource writes, reads and deletes only paths it names itself
//! inside `--out`: the report folders `OUT/<id>/`, the shard records in
//! `OUT/.shards/`, the portfolio files (`index.md`, `index.html`,
//! `summary.json`, `manifest.json`), its lock file and its own temporaries.
//! A symbolic link at any of these paths is refused before any work (exit
//! 2): following it could write or delete outside the output folder. The
//! `--out` folder itself may be a link; the user chose it.
//!
//! Deleting is narrower still: a file is removed only when the tool
//! recognises it as its own, by name *and* content marker (a shard record
//! starts with its version and generator) or by being listed, with its hash
//! and under a report folder, in the previous run's record.
//!
//! One writer per folder: a run holds an advisory lock on
//! `OUT/.socsource.lock` (the operating system's file lock, released when
//! the process ends, however it ends, so a lock is never stale); a second
//! run is refused with the first one's process id.

use crate::fsio::{self, IoError};
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The lock file inside the output folder.
pub(crate) const LOCK_FILE: &str = ".socsource.lock";

/// The portfolio files a batch or `index` writes directly into `OUT`.
pub(crate) const PORTFOLIO_FILES: [&str; 5] = [
    "index.md",
    "index.html",
    "index.svg",
    "summary.json",
    "manifest.json",
];

/// The folder of shard records inside an output folder.
pub(crate) const RECORDS_FOLDER: &str = ".shards";

/// Why an output folder cannot be used; nothing was done (exit 2).
#[derive(Debug, thiserror::Error)]
pub(crate) enum FolderError {
    #[error(
        "another socsource run{} is writing to `{}`; wait for it to finish (one run per output folder)",
        .holder.as_deref().map(|h| format!(" (process {h})")).unwrap_or_default(),
        .folder.display()
    )]
    Locked {
        folder: PathBuf,
        holder: Option<String>,
    },
    #[error(transparent)]
    Io(#[from] IoError),
}

/// An output folder checked and locked for this run. The lock is released
/// when this is dropped.
#[derive(Debug)]
pub(crate) struct OutputFolder {
    root: PathBuf,
    /// The outermost folder this run made (the root or a parent of it),
    /// to remove again if the run writes nothing.
    made: Option<PathBuf>,
    _lock: File,
}

impl OutputFolder {
    /// Make the folder if needed, refuse links where the tool writes,
    /// take the lock, and remove temporaries a killed run left.
    pub(crate) fn open(root: &Path) -> Result<OutputFolder, FolderError> {
        let made = root
            .ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .take_while(|a| fs::symlink_metadata(a).is_err())
            .last()
            .map(Path::to_path_buf);
        make_root(root)?;
        for name in PORTFOLIO_FILES.iter().chain([&LOCK_FILE, &RECORDS_FOLDER]) {
            refuse_link(&root.join(name))?;
        }
        let lock = lock(root)?;
        remove_temporaries(root);
        Ok(OutputFolder {
            root: root.to_path_buf(),
            made,
            _lock: lock,
        })
    }

    /// Give the folder back as it was when nothing was written into it:
    /// the folders this run made are removed (with the lock file), if
    /// they hold nothing else.
    pub(crate) fn remove_if_unused(self) {
        let Some(made) = self.made else { return };
        let _ = fs::remove_file(self.root.join(LOCK_FILE));
        for dir in self.root.ancestors() {
            if fs::remove_dir(dir).is_err() || dir == made {
                break;
            }
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.root
    }

    /// `OUT/.shards/`, made if missing; refused if it is not a real folder.
    pub(crate) fn records(&self) -> Result<PathBuf, IoError> {
        own_folder(&self.root.join(RECORDS_FOLDER))
    }
}

/// Make `root` (and its parents). A dangling link there is named as such,
/// rather than the operating system's "File exists".
fn make_root(root: &Path) -> Result<(), IoError> {
    if let Ok(meta) = fs::symlink_metadata(root) {
        if meta.file_type().is_symlink() && fs::metadata(root).is_err() {
            return Err(IoError {
                action: "write into",
                path: root.to_path_buf(),
                source: io::Error::other(
                    "it is a symbolic link to a folder that does not exist; make that folder or choose another --out",
                ),
            });
        }
        if !fs::metadata(root).is_ok_and(|m| m.is_dir()) {
            return Err(IoError {
                action: "write into",
                path: root.to_path_buf(),
                source: io::Error::other("it is a file, not a folder; choose another --out"),
            });
        }
    }
    fsio::create_dir_all(root)
}

/// Refuse a symbolic link at `path` (absent is fine).
pub(crate) fn refuse_link(path: &Path) -> Result<(), IoError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(IoError {
            action: "write",
            path: path.to_path_buf(),
            source: io::Error::other(
                "it is a symbolic link, which could lead outside the output folder; socsource never follows links inside --out; remove it",
            ),
        }),
        _ => Ok(()),
    }
}

/// A folder the tool owns inside the output folder: made if missing (never
/// through a link), refused if it is a link or a file.
pub(crate) fn own_folder(path: &Path) -> Result<PathBuf, IoError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            refuse_link(path)?;
        }
        Ok(meta) if !meta.is_dir() => {
            return Err(IoError {
                action: "write into",
                path: path.to_path_buf(),
                source: io::Error::other("it is a file, where socsource keeps a folder; remove it"),
            });
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => match fs::create_dir(path) {
            Ok(()) => {}
            // Made meanwhile by another process: check what it is.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return own_existing(path),
            Err(e) => {
                return Err(IoError {
                    action: "create folder",
                    path: path.to_path_buf(),
                    source: e,
                })
            }
        },
        Err(e) => {
            return Err(IoError {
                action: "read",
                path: path.to_path_buf(),
                source: e,
            })
        }
    }
    Ok(path.to_path_buf())
}

fn own_existing(path: &Path) -> Result<PathBuf, IoError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() && !meta.file_type().is_symlink() => Ok(path.to_path_buf()),
        _ => {
            refuse_link(path)?;
            Err(IoError {
                action: "write into",
                path: path.to_path_buf(),
                source: io::Error::other("it is not a folder; remove it"),
            })
        }
    }
}

/// Open `OUT/.socsource.lock` without following a link and take its lock.
fn lock(root: &Path) -> Result<File, FolderError> {
    let path = root.join(LOCK_FILE);
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = options.open(&path).map_err(|source| IoError {
        action: "lock",
        path: path.clone(),
        source,
    })?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = (&file).take(64).read_to_string(&mut holder);
            let holder = holder.trim();
            return Err(FolderError::Locked {
                folder: root.to_path_buf(),
                holder: (!holder.is_empty() && holder.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| holder.to_string()),
            });
        }
        Err(fs::TryLockError::Error(source)) => {
            return Err(IoError {
                action: "lock",
                path,
                source,
            }
            .into())
        }
    }
    // Who holds it, for the message a second run prints.
    let _ = file.set_len(0);
    let _ = writeln!(file, "{}", std::process::id());
    Ok(file)
}

/// Whether a file name is one of [`fsio`]'s temporaries:
/// `.<name>.tmp-<pid>-<n>`.
pub(crate) fn is_temporary(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some((_, tail)) = rest.rsplit_once(".tmp-") else {
        return false;
    };
    let mut parts = tail.split('-');
    let digits =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    digits(parts.next()) && digits(parts.next()) && parts.next().is_none()
}

/// Remove temporaries a killed run left in `OUT`, its report folders and
/// their chart folders. Under the lock no other run is writing, so every
/// temporary is stale. Links are not followed; failures are left alone
/// (they are hidden files and harm nothing).
fn remove_temporaries(root: &Path) {
    fn sweep(dir: &Path, depth: u8) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            if kind.is_file() && is_temporary(&name.to_string_lossy()) {
                let _ = fs::remove_file(entry.path());
            } else if kind.is_dir() && depth > 0 {
                sweep(&entry.path(), depth - 1);
            }
        }
    }
    sweep(root, 2);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_are_recognised_by_their_whole_name() {
        assert!(is_temporary(".report.pdf.tmp-123-0"));
        assert!(is_temporary(".0-of-1.json.tmp-9-17"));
        assert!(!is_temporary("report.pdf.tmp-123-0"));
        assert!(!is_temporary(".report.pdf.tmp-123"));
        assert!(!is_temporary(".report.pdf.tmp-12a-0"));
        assert!(!is_temporary(".report.pdf.tmp-1-2-3"));
        assert!(!is_temporary(".important"));
    }

    #[test]
    fn a_second_run_is_refused_naming_the_first() {
        let dir = tempfile_dir("lock");
        let first = OutputFolder::open(&dir).unwrap();
        let err = OutputFolder::open(&dir).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains(&format!("process {}", std::process::id())),
            "{text}"
        );
        drop(first);
        OutputFolder::open(&dir).unwrap();
        fs::remove_dir_all(dir).unwrap();
    }

    fn tempfile_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("socsource-folder-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }
}
