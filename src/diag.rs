//! Diagnostics: what went wrong in a profile, where, and what to do about it.
//!
//! Every problem socsource reports about a user's file is a [`Diagnostic`]: the
//! file, the key path (`environment.endpoints`), a 1-based line and column,
//! what was expected and what was found, and an optional hint. Diagnostics are
//! collected, never thrown: a profile reports all its problems in one run.
//!
//! Printing follows the compiler convention users already read every day:
//!
//! ```text
//! error: environment.endpoints: expected a whole number from 0 to 10000000, found `-5`
//!   --> profiles/acme.yaml:7:14
//!    |
//!  7 |   endpoints: -5
//!    |              ^^
//!    = help: count workstations and laptops; servers have their own key
//! ```

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// How serious a diagnostic is. Errors stop a profile from being rendered;
/// warnings are printed and the profile is still used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (or as found under a folder they named).
    pub file: String,
    /// Dotted key path into the profile, when the problem belongs to a key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_path: Option<String>,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The offending source line, without its line ending.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// How many characters the caret underline spans (at least 1).
    #[serde(skip)]
    pub width: usize,
}

impl Diagnostic {
    /// A problem with the file as a whole (unreadable, too large, ...).
    pub fn file_error(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            key_path: None,
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            source_line: None,
            width: 1,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: key: message`, for one-line listings (batch index, summary).
    pub fn one_line(&self) -> String {
        let mut out = self.file.clone();
        if self.line > 0 {
            out.push_str(&format!(":{}:{}", self.line, self.column));
        }
        out.push_str(": ");
        if let Some(key) = &self.key_path {
            out.push_str(key);
            out.push_str(": ");
        }
        out.push_str(&self.message);
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Everything shown comes from, or quotes, a file the user was given:
        // no character of it may drive the terminal or reorder the line.
        let message = printable(&self.message);
        match &self.key_path {
            Some(key) => writeln!(f, "{label}: {}: {message}", printable(key))?,
            None => writeln!(f, "{label}: {message}")?,
        }
        let gutter = if self.line > 0 {
            self.line.to_string().len()
        } else {
            1
        };
        let pad = " ".repeat(gutter);
        let file = printable(&self.file);
        if self.line > 0 {
            writeln!(f, "{pad}--> {file}:{}:{}", self.line, self.column)?;
        } else {
            writeln!(f, "{pad}--> {file}")?;
        }
        if let (Some(text), true) = (&self.source_line, self.line > 0) {
            let (shown, lead, room) = quoted_line(text, self.column);
            writeln!(f, "{pad} |")?;
            writeln!(f, "{} | {}", self.line, shown)?;
            let carets = "^".repeat(self.width.clamp(1, room.max(1)));
            writeln!(f, "{pad} | {lead}{carets}")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "{pad} = help: {}", printable(help))?;
        }
        Ok(())
    }
}

/// Diagnostics as one message: each in full, the first without its
/// `error: ` label (the caller prints its own in its place).
pub(crate) fn one_per_line(diags: &[Diagnostic]) -> String {
    let text: String = diags.iter().map(|d| d.to_string()).collect();
    text.trim_end().trim_start_matches("error: ").to_string()
}

/// At most this many diagnostics are listed for one file; the rest are
/// counted. A file with thousands of problems is the wrong file or one
/// mistake repeated, and the first hundred say which.
pub(crate) const MAX_PER_FILE: usize = 100;

/// The first [`MAX_PER_FILE`] diagnostics of `file`, in the order given,
/// then one saying how many more there are.
pub(crate) fn capped(mut diags: Vec<Diagnostic>, file: &str) -> Vec<Diagnostic> {
    if diags.len() <= MAX_PER_FILE {
        return diags;
    }
    let rest = diags.split_off(MAX_PER_FILE);
    let errors = rest.iter().filter(|d| d.is_error()).count();
    let what = if errors == rest.len() {
        "errors"
    } else if errors == 0 {
        "warnings"
    } else {
        "problems"
    };
    let more = Diagnostic {
        severity: if errors > 0 {
            Severity::Error
        } else {
            Severity::Warning
        },
        ..Diagnostic::file_error(
            file,
            format!(
                "and {} more {what} (only the first {MAX_PER_FILE} of a file are listed)",
                crate::numbers::thousands(rest.len() as f64)
            ),
        )
    };
    diags.push(more.with_help("fix these and run again; often one mistake repeats"));
    diags
}

/// Whether a character is kept out of anything socsource shows or prints
/// from a file: control characters, characters that reorder the text
/// around them ("Trojan Source"), line and paragraph separators, invisible
/// characters (zero-width spaces and joiners, the word joiner and invisible
/// operators, the byte order mark, interlinear annotation marks), tag
/// characters, and noncharacters. Profile text refuses every one of them;
/// terminal output shows them as `\u{..}` escapes.
pub fn is_hidden_or_control(c: char) -> bool {
    let n = c as u32;
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
                | '\u{FDD0}'..='\u{FDEF}'
        )
        || n & 0xFFFE == 0xFFFE
}

/// Text from a file as it may be shown on a terminal: every character of
/// [`is_hidden_or_control`] written as a `\u{202e}`-style escape, line
/// breaks included. Text with none is returned as it is.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    escape_hidden(text, false)
}

/// As [`printable`], but line breaks and tabs kept: for whole messages of
/// several lines.
pub(crate) fn printable_lines(text: &str) -> Cow<'_, str> {
    escape_hidden(text, true)
}

fn escape_hidden(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let hidden = |c: char| is_hidden_or_control(c) && !(keep_lines && matches!(c, '\n' | '\t'));
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A source line as quoted under a diagnostic, with the spaces that put
/// the caret under `column` and how many characters are left from there.
/// Characters that could drive the terminal are escaped (the caret moves
/// with them) and very long lines are cut, so one minified line cannot
/// flood the screen.
fn quoted_line(text: &str, column: usize) -> (String, String, usize) {
    const MAX: usize = 160;
    let mut shown = String::new();
    let mut lead = String::new();
    let mut room = 0;
    for (i, c) in text.chars().enumerate() {
        if i == MAX {
            shown.push('…');
            break;
        }
        let piece: Cow<'_, str> = if c != '\t' && is_hidden_or_control(c) {
            Cow::Owned(format!("\\u{{{:x}}}", c as u32))
        } else {
            Cow::Owned(c.to_string())
        };
        if i + 1 < column {
            for p in piece.chars() {
                lead.push(if p == '\t' { '\t' } else { ' ' });
            }
        } else {
            room += piece.chars().count();
        }
        shown.push_str(&piece);
    }
    (shown, lead, room)
}

/// A source file's text, for quoting lines in diagnostics.
///
/// Where each line starts is found once, the first time a line is asked
/// for: a file with tens of thousands of problems is then reported in time
/// linear in its size, not re-read from the top for every diagnostic.
#[derive(Debug, Clone)]
pub(crate) struct SourceText<'a> {
    pub file: &'a str,
    pub text: &'a str,
    line_starts: OnceLock<Vec<usize>>,
}

impl<'a> SourceText<'a> {
    pub(crate) fn new(file: &'a str, text: &'a str) -> SourceText<'a> {
        SourceText {
            file,
            text,
            line_starts: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The 1-based line, without its `\n` or `\r\n`.
    pub(crate) fn line(&self, line: usize) -> Option<&'a str> {
        let starts = self.line_starts();
        let start = *starts.get(line.checked_sub(1)?)?;
        let end = starts.get(line).map_or(self.text.len(), |next| next - 1);
        let l = &self.text[start..end];
        Some(l.strip_suffix('\r').unwrap_or(l))
    }

    /// An error at `line:column`, quoting the source line.
    pub(crate) fn error(
        &self,
        key_path: Option<&str>,
        line: usize,
        column: usize,
        width: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: self.file.to_string(),
            key_path: key_path.filter(|k| !k.is_empty()).map(str::to_string),
            line,
            column: column.max(1),
            message: message.into(),
            help: None,
            source_line: self.line(line).map(str::to_string),
            width: width.max(1),
        }
    }

    pub(crate) fn warning(
        &self,
        key_path: Option<&str>,
        line: usize,
        column: usize,
        width: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..self.error(key_path, line, column, width, message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_source_line_with_caret_under_the_value() {
        let src = SourceText::new("acme.yaml", "environment:\n  endpoints: -5\r\n");
        let d = src
            .error(
                Some("environment.endpoints"),
                2,
                14,
                2,
                "expected a whole number, found `-5`",
            )
            .with_help("count workstations");
        let shown = d.to_string();
        assert_eq!(
            shown,
            "error: environment.endpoints: expected a whole number, found `-5`\n \
             --> acme.yaml:2:14\n  |\n2 |   endpoints: -5\n  |              ^^\n  = help: count workstations\n"
        );
    }

    #[test]
    fn control_and_reordering_characters_are_escaped_and_the_caret_follows() {
        let src = SourceText::new("a\u{202e}.yaml", "x: \u{1b}[31m\u{202e}bad\n");
        let d = src.error(Some("x\u{2066}"), 1, 10, 3, "found `\u{202e}bad`");
        let shown = d.to_string();
        assert_eq!(
            shown,
            "error: x\\u{2066}: found `\\u{202e}bad`\n \
             --> a\\u{202e}.yaml:1:10\n  |\n1 | x: \\u{1b}[31m\\u{202e}bad\n  |                      ^^^\n"
        );
        assert!(!shown.chars().any(|c| c != '\n' && is_hidden_or_control(c)));
    }

    #[test]
    fn at_most_a_hundred_diagnostics_then_a_count() {
        let src = SourceText::new("x.yaml", "a: 1\n");
        let diags: Vec<Diagnostic> = (0..24_000)
            .map(|i| src.error(None, 1, 1, 1, format!("problem {i}")))
            .collect();
        let shown = capped(diags, "x.yaml");
        assert_eq!(shown.len(), MAX_PER_FILE + 1);
        assert_eq!(shown[99].message, "problem 99");
        assert_eq!(
            shown[100].message,
            "and 23,900 more errors (only the first 100 of a file are listed)"
        );
    }

    #[test]
    fn one_line_form_names_file_position_and_key() {
        let src = SourceText::new("x.yaml", "a: 1\n");
        let d = src.error(Some("a"), 1, 4, 1, "bad");
        assert_eq!(d.one_line(), "x.yaml:1:4: a: bad");
    }
}
