//! File I/O with the path in every error, bounded reads and atomic writes.
//!
//! Every read and write socsource does goes through here, so every I/O error
//! a user sees names the file and what was being done to it. Writes are
//! atomic: the bytes go to a temporary file in the destination folder, which
//! is then renamed over the destination. A run killed at any moment leaves
//! each output either complete or absent, never truncated; temporaries left
//! by a killed run are named `.<name>.tmp-<pid>-<n>` and are hidden.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// An I/O error with the path and the action that failed.
#[derive(Debug)]
pub struct IoError {
    pub action: &'static str,
    pub path: PathBuf,
    pub source: io::Error,
}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot {} `{}`: {}",
            self.action,
            self.path.display(),
            describe(&self.source)
        )
    }
}

impl std::error::Error for IoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

impl IoError {
    /// What went wrong, in the operating system's words, without the path.
    pub fn reason(&self) -> String {
        describe(&self.source)
    }
}

/// The OS message without Rust's " (os error N)" suffix.
pub(crate) fn describe(err: &io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn context<'p>(action: &'static str, path: &'p Path) -> impl FnOnce(io::Error) -> IoError + 'p {
    move |source| IoError {
        action,
        path: path.to_path_buf(),
        source,
    }
}

#[derive(Debug)]
pub(crate) enum ReadError {
    /// The file holds more than the limit allows.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(IoError),
}

impl ReadError {
    /// The limit in words: "1 MiB".
    pub(crate) fn limit_words(limit: u64) -> String {
        const MIB: u64 = 1024 * 1024;
        if limit.is_multiple_of(MIB) {
            format!("{} MiB", limit / MIB)
        } else {
            format!("{limit} bytes")
        }
    }
}

/// Refuse what is not a regular file (after following links): a folder, a
/// device such as `/dev/zero`, a pipe or a socket. Checked before opening,
/// since opening a pipe would wait for a writer.
pub(crate) fn regular_file(path: &Path) -> Result<fs::Metadata, IoError> {
    let meta = fs::metadata(path).map_err(context("read", path))?;
    if meta.is_dir() {
        return Err(IoError {
            action: "read",
            path: path.to_path_buf(),
            source: io::Error::other("it is a folder, not a file"),
        });
    }
    if !meta.is_file() {
        return Err(IoError {
            action: "read",
            path: path.to_path_buf(),
            source: io::Error::other("it is not a regular file (a device, pipe or socket)"),
        });
    }
    Ok(meta)
}

/// Read a whole regular file, refusing it unread if it is larger than `max`
/// bytes, and never reading more than `max + 1` bytes even if it grows.
pub(crate) fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let meta = regular_file(path).map_err(ReadError::Io)?;
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit: max,
        });
    }
    let file = File::open(path).map_err(|e| ReadError::Io(context("read", path)(e)))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(context("read", path)(e)))?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit: max,
        });
    }
    Ok(bytes)
}

/// [`read_limited`] as UTF-8 text; invalid UTF-8 is an I/O error naming
/// the file.
pub(crate) fn read_text_limited(path: &Path, max: u64) -> Result<String, ReadError> {
    let bytes = read_limited(path, max)?;
    String::from_utf8(bytes).map_err(|_| {
        ReadError::Io(IoError {
            action: "read",
            path: path.to_path_buf(),
            source: io::Error::other("it is not UTF-8 text"),
        })
    })
}

impl ReadError {
    /// The error as an [`IoError`] on `path`, for callers with one error type.
    pub(crate) fn into_io(self, path: &Path) -> IoError {
        match self {
            ReadError::Io(e) => e,
            too_large => IoError {
                action: "read",
                path: path.to_path_buf(),
                source: io::Error::other(too_large.to_string()),
            },
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge { limit, .. } => {
                write!(
                    f,
                    "it is larger than the {} limit",
                    ReadError::limit_words(*limit)
                )
            }
            ReadError::Io(e) => e.fmt(f),
        }
    }
}

/// The entries of a folder, in no particular order.
pub(crate) fn read_dir(path: &Path) -> Result<Vec<PathBuf>, IoError> {
    fs::read_dir(path)
        .and_then(|entries| entries.map(|e| e.map(|e| e.path())).collect())
        .map_err(context("read folder", path))
}

/// What a path is, following symbolic links.
pub(crate) fn metadata(path: &Path) -> Result<fs::Metadata, IoError> {
    fs::metadata(path).map_err(context("read", path))
}

pub(crate) fn remove_file(path: &Path) -> Result<(), IoError> {
    fs::remove_file(path).map_err(context("remove", path))
}

/// Make a folder and its parents. When a file stands where a folder must
/// be, the error says which, rather than the operating system's "File
/// exists" or "Not a directory".
pub(crate) fn create_dir_all(path: &Path) -> Result<(), IoError> {
    fs::create_dir_all(path).map_err(|e| match in_the_way(path) {
        Some(file) => IoError {
            action: "create folder",
            path: path.to_path_buf(),
            source: io::Error::new(e.kind(), file_in_the_way(path, &file)),
        },
        None => context("create folder", path)(e),
    })
}

fn file_in_the_way(path: &Path, file: &Path) -> String {
    if file == path {
        "it is a file, not a folder".to_string()
    } else {
        format!("`{}` is a file, not a folder", file.display())
    }
}

/// The first of `path` and its parents that exists and is not a folder.
fn in_the_way(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&Path> = path
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .collect();
    parts.reverse();
    for part in parts {
        match fs::metadata(part) {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) => return Some(part.to_path_buf()),
            Err(_) => return None,
        }
    }
    None
}

/// Whether the process may make entries in folder `dir` (create, rename,
/// remove). Asked of the operating system, so that a read-only mount or a
/// folder without write permission is found before any work.
fn can_write_into(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(name) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: `name` is a valid NUL-terminated string for the call.
        unsafe { libc::access(name.as_ptr(), libc::W_OK | libc::X_OK) == 0 }
    }
    #[cfg(not(unix))]
    {
        fs::metadata(dir).is_ok_and(|m| !m.permissions().readonly())
    }
}

/// Check, before any work, that `dir` can receive output: a folder that
/// exists and can be written into, or one that can be made because its
/// nearest existing parent is a folder that can. Nothing is created, so a
/// run that writes nothing leaves no folder behind.
pub(crate) fn check_output_folder(dir: &Path) -> Result<(), IoError> {
    let refuse = |reason: String| IoError {
        action: "write into",
        path: dir.to_path_buf(),
        source: io::Error::other(reason),
    };
    if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink())
        && fs::metadata(dir).is_err()
    {
        return Err(refuse(
            "it is a symbolic link to a folder that does not exist; make that folder or choose another"
                .to_string(),
        ));
    }
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            return if can_write_into(dir) {
                Ok(())
            } else {
                Err(refuse(
                    "the folder is read-only (no permission to write into it, or a read-only file system)"
                        .to_string(),
                ))
            };
        }
        Ok(_) => return Err(refuse("it is a file, not a folder".to_string())),
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(refuse(match in_the_way(dir) {
                Some(file) => format!(
                    "it cannot be made: `{}` is a file, not a folder",
                    file.display()
                ),
                None => describe(&e),
            }));
        }
        Err(_) => {}
    }
    for parent in dir.ancestors().skip(1) {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        match fs::metadata(parent) {
            Ok(meta) if meta.is_dir() => {
                return if can_write_into(parent) {
                    Ok(())
                } else {
                    Err(refuse(format!(
                        "it does not exist and cannot be made: `{}` is read-only",
                        parent.display()
                    )))
                };
            }
            Ok(_) => {
                return Err(refuse(format!(
                    "it cannot be made: `{}` is a file, not a folder",
                    parent.display()
                )))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(refuse(format!(
                    "`{}` cannot be read: {}",
                    parent.display(),
                    describe(&e)
                )))
            }
        }
    }
    Ok(())
}

/// Refuse a folder inside the output that is a symbolic link: writing
/// through it would put files outside the output folder. (A symbolic link
/// in place of a file is harmless: the rename replaces the link itself.)
pub(crate) fn refuse_symlink(path: &Path) -> Result<(), IoError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(IoError {
            action: "write into",
            path: path.to_path_buf(),
            source: io::Error::other(
                "it is a symbolic link, which could lead outside the output folder; remove it",
            ),
        }),
        Ok(_) => Ok(()),
        Err(e) => Err(context("write into", path)(e)),
    }
}

/// Makes each temporary file's name unique within the process (the process
/// id does across processes). The one process-wide value in the crate: a
/// name generator, which no output depends on.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Write `bytes` to `path` atomically (temporary file + rename).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    // One write call for the whole buffer: no buffering layer needed.
    replace_atomically(path, |file| file.write_all(bytes))
}

/// Write to `path` atomically, streaming the content through `fill`.
pub(crate) fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), IoError> {
    replace_atomically(path, |file| {
        let mut writer = io::BufWriter::with_capacity(64 * 1024, file);
        fill(&mut writer)?;
        writer.flush()
    })
}

/// Make a folder's entries (a rename into it) durable. Best effort: some
/// filesystems and platforms cannot sync a folder, and the file itself is
/// already on disk.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn replace_atomically(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), IoError> {
    replace_atomically_in(path, true, fill)
}

/// Write `bytes` to `path` atomically, leaving the folder's sync to the
/// caller (who writes several files into one folder and syncs it once).
pub(crate) fn write_atomic_unsynced_folder(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    replace_atomically_in(path, false, |file| file.write_all(bytes))
}

fn replace_atomically_in(
    path: &Path,
    sync_folder: bool,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), IoError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(context("write", path))?;
        fill(&mut file).map_err(context("write", path))?;
        // On disk before the name points at it, so a crash after the
        // rename cannot leave an empty file under the real name.
        file.sync_data().map_err(context("write", path))?;
        drop(file);
        fs::rename(&temp, path).map_err(context("write", path))?;
        if sync_folder {
            sync_dir(dir);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Write a new file, refusing to replace an existing one unless `force`.
pub(crate) fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), IoError> {
    if !force && fs::symlink_metadata(path).is_ok() {
        return Err(IoError {
            action: "write",
            path: path.to_path_buf(),
            source: io::Error::new(
                io::ErrorKind::AlreadyExists,
                "it already exists (use --force to replace it)",
            ),
        });
    }
    write_atomic(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("socsource-fsio-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporaries() {
        let dir = scratch("atomic");
        let target = dir.join("report.md");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn errors_name_the_path() {
        let err = write_atomic(Path::new("/nonexistent-dir/x.md"), b"x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot write `/nonexistent-dir/x.md`: No such file or directory"
        );
    }

    #[test]
    fn reads_are_bounded() {
        let dir = scratch("bounded");
        let big = dir.join("big.yaml");
        fs::write(&big, vec![b'a'; 2000]).unwrap();
        assert!(matches!(
            read_limited(&big, 1000),
            Err(ReadError::TooLarge {
                size: 2000,
                limit: 1000
            })
        ));
        assert_eq!(
            read_limited(Path::new("/dev/zero"), 1000)
                .unwrap_err()
                .to_string(),
            "cannot read `/dev/zero`: it is not a regular file (a device, pipe or socket)"
        );
        assert_eq!(read_limited(&big, 4000).unwrap().len(), 2000);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn write_new_refuses_to_overwrite() {
        let dir = scratch("new");
        let target = dir.join("p.yaml");
        write_new(&target, b"a", false).unwrap();
        let err = write_new(&target, b"b", false).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        write_new(&target, b"b", true).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"b");
        fs::remove_dir_all(dir).unwrap();
    }
}
