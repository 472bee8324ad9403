//! The terminal: how a run talks to the person who started it.
//!
//! Output policy: results go to standard output (one line per valid
//! profile, the schema, a report written to `-`); diagnostics, warnings,
//! progress and closing lines go to standard error. Write errors on the
//! console (a closed pipe) are ignored: the exit status still tells the
//! truth.
//!
//! Styling: a progress bar only when standard error is a terminal; the
//! leading `error:` / `warning:` label of a message coloured as `--color`
//! says (by default on a terminal, and not when `NO_COLOR`, no-color.org,
//! is set). Nothing here decides what to say; the commands and the batch
//! compose the text, this module prints it.
//!
//! Standard output is written through [`TrackedOutput`], which remembers a
//! write error other than a closed pipe, so that a result that could not be
//! written (a full disk) is reported and fails the run.

use crate::diag::{printable_lines, Diagnostic};
use anstyle::{AnsiColor, Style};
use std::fmt::Display;
use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

/// When messages are coloured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorArg {
    /// On a terminal, unless NO_COLOR is set
    #[default]
    Auto,
    /// Always, even into a file or a pipe
    Always,
    /// Never
    Never,
}

/// How a run talks to the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ConsoleStyle {
    /// Only failures and the closing line.
    pub quiet: bool,
    /// A progress bar (standard error is a terminal).
    pub progress: bool,
    /// Coloured labels.
    pub color: bool,
    /// Standard output is a terminal: binary formats are not written to it.
    pub stdout_terminal: bool,
}

impl ConsoleStyle {
    /// The style for this process's standard streams and `--color`.
    pub(crate) fn detect(choice: ColorArg) -> ConsoleStyle {
        let terminal = std::io::stderr().is_terminal();
        ConsoleStyle {
            quiet: false,
            progress: terminal,
            color: use_color(choice, terminal, no_color()),
            stdout_terminal: std::io::stdout().is_terminal(),
        }
    }
}

/// `NO_COLOR` is set and not empty (no-color.org).
pub(crate) fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether to colour: `always` and `never` say so; `auto` colours a
/// terminal unless `NO_COLOR` asks not to.
pub(crate) fn use_color(choice: ColorArg, terminal: bool, no_color: bool) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => terminal && !no_color,
    }
}

/// clap's colour choice for its own messages (help, usage errors).
pub(crate) fn clap_color(choice: ColorArg) -> clap::ColorChoice {
    match choice {
        ColorArg::Always => clap::ColorChoice::Always,
        ColorArg::Never => clap::ColorChoice::Never,
        ColorArg::Auto if no_color() => clap::ColorChoice::Never,
        ColorArg::Auto => clap::ColorChoice::Auto,
    }
}

/// Standard output, remembering the first write error that is not a
/// closed pipe (a reader that stops reading, as `head` does, is not a
/// failure; a full disk is).
pub(crate) struct TrackedOutput<W: Write> {
    inner: W,
    failed: Option<io::Error>,
}

impl<W: Write> TrackedOutput<W> {
    pub(crate) fn new(inner: W) -> TrackedOutput<W> {
        TrackedOutput {
            inner,
            failed: None,
        }
    }

    /// The first write error that was not a closed pipe, if any.
    pub(crate) fn failure(&self) -> Option<&io::Error> {
        self.failed.as_ref()
    }

    fn note<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &result {
            if e.kind() != io::ErrorKind::BrokenPipe && self.failed.is_none() {
                self.failed = Some(io::Error::new(e.kind(), crate::fsio::describe(e)));
            }
        }
        result
    }
}

impl<W: Write> Write for TrackedOutput<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.inner.write(buf);
        self.note(result)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let result = self.inner.write_all(buf);
        self.note(result)
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = self.inner.flush();
        self.note(result)
    }
}

/// The standard streams, passed in so tests can capture them.
pub(crate) struct Console<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub style: ConsoleStyle,
}

impl<'a> Console<'a> {
    pub(crate) fn new(
        out: &'a mut dyn Write,
        err: &'a mut dyn Write,
        style: ConsoleStyle,
    ) -> Console<'a> {
        Console { out, err, style }
    }

    /// Text for standard error, ending in a newline; a leading `error:` or
    /// `warning:` is coloured on a terminal. Messages quote file names and
    /// file contents, so control and reordering characters in them are
    /// shown as `\u{..}` escapes, never sent to the terminal.
    pub(crate) fn message(&mut self, text: &str) {
        let text = printable_lines(text);
        let _ = write!(self.err, "{}", colorize(&text, self.style.color));
    }

    pub(crate) fn diagnostics(&mut self, diags: &[Diagnostic]) {
        for d in diags {
            self.message(&d.to_string());
        }
    }

    /// `error: <what>` on standard error.
    pub(crate) fn error(&mut self, what: &dyn Display) {
        self.message(&format!("error: {what}\n"));
    }

    /// A plain line on standard error (summaries, `wrote ...`).
    pub(crate) fn note(&mut self, line: &str) {
        let _ = writeln!(self.err, "{}", printable_lines(line));
    }

    /// The end of a run: flush standard output, and say why the invocation
    /// was refused if it was.
    pub(crate) fn finish<T, E: Display>(&mut self, result: &Result<T, E>) {
        let _ = self.out.flush();
        if let Err(usage) = result {
            self.message(&format!("error: {usage}\n"));
        }
    }
}

/// Colour the label a message starts with (`error:`, `warning:`); a label
/// anywhere else in the text is part of what is said and stays as it is.
pub(crate) fn colorize(text: &str, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let labels = [("error", AnsiColor::Red), ("warning", AnsiColor::Yellow)];
    for (label, colour) in labels {
        if let Some(rest) = text
            .strip_prefix(label)
            .filter(|rest| rest.starts_with(':'))
        {
            let style = Style::new().bold().fg_color(Some(colour.into()));
            return format!("{style}{label}{style:#}{rest}");
        }
    }
    text.to_string()
}

/// Progress on a terminal: one line, redrawn at most ten times a second.
pub(crate) struct Progress {
    enabled: bool,
    total: usize,
    last: Option<Instant>,
}

impl Progress {
    /// A bar for `total` profiles, drawn only if the style asks for one.
    pub(crate) fn new(style: ConsoleStyle, total: usize) -> Progress {
        Progress {
            enabled: style.progress && !style.quiet,
            total,
            last: None,
        }
    }

    pub(crate) fn draw(&mut self, err: &mut dyn Write, done: usize, failed: usize) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if done < self.total
            && self
                .last
                .is_some_and(|t| now.duration_since(t) < Duration::from_millis(100))
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

    /// Erase the bar, before other text or at the end.
    pub(crate) fn clear(&self, err: &mut dyn Write) {
        if self.enabled {
            let _ = write!(err, "\r{}\r", " ".repeat(60));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_coloured_only_when_asked() {
        assert_eq!(colorize("error: x\n", false), "error: x\n");
        assert_eq!(
            colorize("warning: x\n", true),
            "\x1b[1m\x1b[33mwarning\x1b[0m: x\n"
        );
    }

    #[test]
    fn only_a_leading_label_is_coloured() {
        let text = "cannot compare a.json: its error: field is missing\n";
        assert_eq!(colorize(text, true), text);
        let text = "errors: 3\n";
        assert_eq!(colorize(text, true), text);
        assert!(colorize("error: x: warning: y\n", true).ends_with(": x: warning: y\n"));
    }

    #[test]
    fn color_follows_the_choice_then_the_terminal_and_no_color() {
        assert!(use_color(ColorArg::Always, false, true));
        assert!(!use_color(ColorArg::Never, true, false));
        assert!(use_color(ColorArg::Auto, true, false));
        assert!(!use_color(ColorArg::Auto, true, true));
        assert!(!use_color(ColorArg::Auto, false, false));
    }

    #[test]
    fn a_closed_pipe_is_not_a_failure_but_a_full_disk_is() {
        struct Failing(io::ErrorKind);
        impl Write for Failing {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::from(self.0))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut pipe = TrackedOutput::new(Failing(io::ErrorKind::BrokenPipe));
        let _ = pipe.write_all(b"x");
        assert!(pipe.failure().is_none());
        let mut full = TrackedOutput::new(Failing(io::ErrorKind::StorageFull));
        let _ = full.write_all(b"x");
        assert_eq!(
            full.failure().map(io::Error::kind),
            Some(io::ErrorKind::StorageFull)
        );
    }

    #[test]
    fn progress_is_silent_off_a_terminal() {
        let mut err = Vec::new();
        let mut bar = Progress::new(ConsoleStyle::default(), 3);
        bar.draw(&mut err, 1, 0);
        bar.clear(&mut err);
        assert!(err.is_empty());
        let style = ConsoleStyle {
            progress: true,
            ..ConsoleStyle::default()
        };
        Progress::new(style, 2).draw(&mut err, 1, 1);
        assert_eq!(
            String::from_utf8(err).unwrap(),
            "\r[###############               ] 1/2 profiles, 1 failed"
        );
    }
}
