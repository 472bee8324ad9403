//! The terminal: how a run talks to the person who started it.
//!
//! Output policy: results go to standard output (one line per valid
//! profile, the schema, a report written to `-`); diagnostics, warnings,
//! progress and closing lines go to standard error. Write errors on the
//! console (a closed pipe) are ignored: the exit status still tells the
//! truth.
//!
//! Styling: a progress bar and coloured `error:` / `warning:` labels only
//! when standard error is a terminal, and no colour when `NO_COLOR`
//! (no-color.org) is set. Nothing here decides what to say; the commands
//! and the batch compose the text, this module prints it.

use crate::diag::{printable_lines, Diagnostic};
use std::fmt::Display;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How a run talks to the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConsoleStyle {
    /// Only failures and the closing line.
    pub quiet: bool,
    /// A progress bar (standard error is a terminal).
    pub progress: bool,
    /// Coloured labels (a terminal, and `NO_COLOR` unset).
    pub color: bool,
}

impl ConsoleStyle {
    /// The style for this process's standard error.
    pub fn detect() -> ConsoleStyle {
        let terminal = std::io::stderr().is_terminal();
        ConsoleStyle {
            quiet: false,
            progress: terminal,
            color: terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

/// The standard streams, passed in so tests can capture them.
pub struct Console<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub style: ConsoleStyle,
}

impl<'a> Console<'a> {
    pub fn new(out: &'a mut dyn Write, err: &'a mut dyn Write, style: ConsoleStyle) -> Console<'a> {
        Console { out, err, style }
    }

    /// Text for standard error, ending in a newline; a leading `error:` or
    /// `warning:` is coloured on a terminal. Messages quote file names and
    /// file contents, so control and reordering characters in them are
    /// shown as `\u{..}` escapes, never sent to the terminal.
    pub fn message(&mut self, text: &str) {
        let text = printable_lines(text);
        let _ = write!(self.err, "{}", colorize(&text, self.style.color));
    }

    pub fn diagnostics(&mut self, diags: &[Diagnostic]) {
        for d in diags {
            self.message(&d.to_string());
        }
    }

    /// `error: <what>` on standard error.
    pub fn error(&mut self, what: &dyn Display) {
        self.message(&format!("error: {what}\n"));
    }

    /// A plain line on standard error (summaries, `wrote ...`).
    pub fn note(&mut self, line: &str) {
        let _ = writeln!(self.err, "{}", printable_lines(line));
    }

    /// The end of a run: flush standard output, and say why the invocation
    /// was refused if it was.
    pub fn finish<T, E: Display>(&mut self, result: &Result<T, E>) {
        let _ = self.out.flush();
        if let Err(usage) = result {
            let _ = writeln!(self.err, "error: {}", printable_lines(&usage.to_string()));
        }
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

/// Progress on a terminal: one line, redrawn at most ten times a second.
pub struct Progress {
    enabled: bool,
    total: usize,
    last: Option<Instant>,
}

impl Progress {
    /// A bar for `total` profiles, drawn only if the style asks for one.
    pub fn new(style: ConsoleStyle, total: usize) -> Progress {
        Progress {
            enabled: style.progress && !style.quiet,
            total,
            last: None,
        }
    }

    pub fn draw(&mut self, err: &mut dyn Write, done: usize, failed: usize) {
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
    pub fn clear(&self, err: &mut dyn Write) {
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
            "\x1b[1;33mwarning\x1b[0m: x\n"
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
