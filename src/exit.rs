//! Exit status, decided here and nowhere else.
//!
//! | status | meaning |
//! |---|---|
//! | 0 | everything asked for was done |
//! | 1 | some profile or file failed; everything else was still done (a bad profile fails alone) |
//! | 2 | usage error: the invocation itself is wrong ([`UsageError`]), and nothing was done |
//!
//! Commands report an [`Outcome`] or a [`UsageError`]; `main` turns that into
//! the process's exit status with [`status`], and clap's own refusals with
//! [`clap_status`].

use crate::config::UsageError;

/// How a command ended, when it could run at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked for was done.
    Success,
    /// Some profile or file failed; the rest was done.
    SomeFailed,
}

impl Outcome {
    /// Success when nothing failed (or was skipped after a failure).
    pub fn from_failures(failures: usize) -> Outcome {
        if failures == 0 {
            Outcome::Success
        } else {
            Outcome::SomeFailed
        }
    }
}

pub const SUCCESS: u8 = 0;
pub const SOME_FAILED: u8 = 1;
pub const USAGE: u8 = 2;

/// The exit status of a command's result.
pub fn status(result: &Result<Outcome, UsageError>) -> u8 {
    match result {
        Ok(Outcome::Success) => SUCCESS,
        Ok(Outcome::SomeFailed) => SOME_FAILED,
        Err(_) => USAGE,
    }
}

/// The exit status when clap refuses the arguments or prints help or the
/// version (which go to standard output and are not errors).
pub fn clap_status(err: &clap::Error) -> u8 {
    if err.use_stderr() {
        USAGE
    } else {
        SUCCESS
    }
}
