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
use std::fmt;

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
        match &self.key_path {
            Some(key) => writeln!(f, "{label}: {key}: {}", self.message)?,
            None => writeln!(f, "{label}: {}", self.message)?,
        }
        let gutter = if self.line > 0 {
            self.line.to_string().len()
        } else {
            1
        };
        let pad = " ".repeat(gutter);
        if self.line > 0 {
            writeln!(f, "{pad}--> {}:{}:{}", self.file, self.line, self.column)?;
        } else {
            writeln!(f, "{pad}--> {}", self.file)?;
        }
        if let (Some(text), true) = (&self.source_line, self.line > 0) {
            let shown = printable_line(text);
            writeln!(f, "{pad} |")?;
            writeln!(f, "{} | {}", self.line, shown)?;
            let lead: String = shown
                .chars()
                .take(self.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let room = shown
                .chars()
                .count()
                .saturating_sub(self.column.saturating_sub(1))
                .max(1);
            let carets = "^".repeat(self.width.clamp(1, room));
            writeln!(f, "{pad} | {lead}{carets}")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// Diagnostics as one message: each in full, the first without its
/// `error: ` label (the caller prints its own in its place).
pub fn one_per_line(diags: &[Diagnostic]) -> String {
    let text: String = diags.iter().map(|d| d.to_string()).collect();
    text.trim_end().trim_start_matches("error: ").to_string()
}

/// Source lines can hold anything a hostile file contains; show control
/// characters as `\u{..}` escapes so the terminal never interprets them, and
/// cut very long lines so one minified line cannot flood the screen.
fn printable_line(text: &str) -> String {
    const MAX: usize = 160;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A source file's text, for quoting lines in diagnostics.
#[derive(Debug, Clone)]
pub struct SourceText<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl<'a> SourceText<'a> {
    pub fn new(file: &'a str, text: &'a str) -> SourceText<'a> {
        SourceText { file, text }
    }

    /// The 1-based line, without its `\n` or `\r\n`.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        if line == 0 {
            return None;
        }
        self.text
            .split('\n')
            .nth(line - 1)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }

    /// An error at `line:column`, quoting the source line.
    pub fn error(
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

    pub fn warning(
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
    fn control_characters_in_source_are_escaped() {
        assert_eq!(printable_line("a\u{1b}[31mb"), "a\\u{1b}[31mb");
    }

    #[test]
    fn one_line_form_names_file_position_and_key() {
        let src = SourceText::new("x.yaml", "a: 1\n");
        let d = src.error(Some("a"), 1, 4, 1, "bad");
        assert_eq!(d.one_line(), "x.yaml:1:4: a: bad");
    }
}
