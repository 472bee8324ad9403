//! Render: an assessment in, report files out.
//!
//! The closed [`Format`] enum names what can be produced. Renderers return
//! bytes; only the caller writes files.

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Markdown,
    Html,
    Pdf,
    Json,
}

impl Format {
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Markdown => "report.md",
            Format::Html => "report.html",
            Format::Pdf => "report.pdf",
            Format::Json => "assessment.json",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Json => "json",
        }
    }
}
