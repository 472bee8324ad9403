//! Exit status, decided here and nowhere else, and described here once
//! ([`TABLE`]) for `--help`, the manual pages and the command-line
//! reference.
//!
//! Commands report an [`Outcome`] or a [`UsageError`]; `main` turns that into
//! the process's exit status with [`status`], and clap's own refusals with
//! [`clap_status`]. Writing the results to standard output can still fail
//! afterwards (a full disk): that makes a successful run exit 1
//! ([`with_output_failed`]).

use crate::config::UsageError;

/// How a command ended, when it could run at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything asked for was done.
    Success,
    /// Some profile or file failed; the rest was done.
    SomeFailed,
}

impl Outcome {
    /// Success when nothing failed (or was skipped after a failure).
    pub(crate) fn from_failures(failures: usize) -> Outcome {
        if failures == 0 {
            Outcome::Success
        } else {
            Outcome::SomeFailed
        }
    }
}

/// The exit statuses, each with a short meaning and what it covers.
pub(crate) const TABLE: [(u8, &str, &str); 3] = [
    (
        SUCCESS,
        "all good",
        "everything asked for was done",
    ),
    (
        SOME_FAILED,
        "some input failed, and the rest was still processed",
        "an invalid profile (`validate`, `report`, `batch`), a portfolio holding profiles that failed (`index`), two assessments that cannot be compared (`diff`), a file that could not be written, or standard output that could not be written",
    ),
    (
        USAGE,
        "usage or environment error, found before any work",
        "an unknown option or value, a missing input path, an --out that is not a writable folder (a file, a read-only folder), a broken --templates folder, another run holding the output folder, folders holding no profile; nothing is written",
    ),
];

/// The line every subcommand's `--help` ends with.
pub(crate) const FOOTER: &str =
    "Exit status: 0 all good, 1 some input failed (the rest was processed), 2 usage or environment error before any work.";

pub(crate) const SUCCESS: u8 = 0;
pub(crate) const SOME_FAILED: u8 = 1;
pub(crate) const USAGE: u8 = 2;

/// The exit status of a command's result.
pub(crate) fn status(result: &Result<Outcome, UsageError>) -> u8 {
    match result {
        Ok(Outcome::Success) => SUCCESS,
        Ok(Outcome::SomeFailed) => SOME_FAILED,
        Err(_) => USAGE,
    }
}

/// The status of a run whose results could not all be written to
/// standard output (a closed pipe aside, which is the reader's choice).
pub(crate) fn with_output_failed(status: u8, output_failed: bool) -> u8 {
    if output_failed && status == SUCCESS {
        SOME_FAILED
    } else {
        status
    }
}

/// The exit status when clap refuses the arguments or prints help or the
/// version (which go to standard output and are not errors).
pub(crate) fn clap_status(err: &clap::Error) -> u8 {
    if err.use_stderr() {
        USAGE
    } else {
        SUCCESS
    }
}
