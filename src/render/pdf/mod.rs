//! PDF: the report's Markdown typeset with our own layout, written with
//! printpdf.
//!
//! The pipeline is: Markdown events ([`blocks`]) -> pages of positioned
//! items, as plain data ([`layout`]) -> PDF bytes ([`write`]). Fonts are
//! bundled and subset ([`fonts`]). Before anything is laid out, every
//! character is checked against the fonts; one the fonts cannot show is
//! reported once per report with where it occurs, and drawn as a visible
//! replacement mark.

pub mod blocks;
pub mod fonts;
pub mod layout;
pub mod write;

use crate::evaluate::assessment::Assessment;
use crate::evaluate::messages::{say, Message};
use crate::profile::image::ImageKind;
use crate::render::charts::Figure;
use crate::render::Picture;
use blocks::Block;
use fonts::FontSet;
use layout::Paper;

/// What a PDF claims to conform to. Every PDF is tagged; the claim says
/// which standards' metadata and requirements it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfStandard {
    /// PDF/UA-1 (ISO 14289-1): tagged for assistive technology.
    #[default]
    Ua1,
    /// PDF/A-2b (ISO 19005-2, level B): archival, with an output intent.
    A2b,
    /// Both.
    Both,
}

impl PdfStandard {
    pub fn accessible(self) -> bool {
        matches!(self, PdfStandard::Ua1 | PdfStandard::Both)
    }

    pub fn archival(self) -> bool {
        matches!(self, PdfStandard::A2b | PdfStandard::Both)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PdfOptions {
    pub paper: Paper,
    pub standard: PdfStandard,
    /// How the pages' content is encoded (the direct path unless a test
    /// asks for printpdf's, to compare the two).
    pub content: write::ContentPath,
}

impl Default for PdfOptions {
    fn default() -> PdfOptions {
        PdfOptions {
            paper: Paper::A4,
            standard: PdfStandard::default(),
            content: write::ContentPath::Direct,
        }
    }
}

/// Why a PDF could not be produced. Each variant keeps the error that
/// caused it as its [`source`](std::error::Error::source).
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// printpdf's document had no catalog to finish (a printpdf bug, not
    /// something the input can cause).
    #[error("{}", Message::PdfNoCatalog.template())]
    Catalog(#[source] lopdf::Error),
    /// printpdf could not read a face the report uses (a bundled face
    /// never fails this; tests read them all).
    #[error("{}", say(Message::FontNotPrepared, &[("face", &format!("{:?}", .0))]))]
    Font(fonts::Face),
    /// printpdf's document lacks a page or a content stream the direct
    /// path fills in (a printpdf bug, not something the input can cause).
    #[error("{}", say(Message::PageNoContentStream, &[("page", &.0.to_string())]))]
    Content(usize),
    /// Serialising the finished document failed.
    #[error("{}", Message::PdfNotSerialised.template())]
    Save(#[source] std::io::Error),
    /// A picture passed the loader's checks but its data is damaged.
    #[error("{}", say(Message::ImageCannotBeDrawn, &[("path", .path), ("problem", .problem)]))]
    Image { path: String, problem: String },
}

pub struct PdfOutput {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<String>,
    /// What the PDF does not show as written (raw HTML, images other than
    /// the charts), for the caller to warn of with where the templates
    /// have it.
    pub unshown: Vec<blocks::Unshown>,
}

/// Characters no font can show, each with the first section it occurs in.
pub fn missing_characters(blocks: &[Block], fonts: &FontSet) -> Vec<(char, String)> {
    fn visit(
        blocks: &[Block],
        fonts: &FontSet,
        section: &mut String,
        out: &mut Vec<(char, String)>,
    ) {
        let check = |text: &str, section: &str, out: &mut Vec<(char, String)>| {
            for c in text.chars() {
                if !fonts.covers(c) && !out.iter().any(|(m, _)| *m == c) {
                    out.push((c, section.to_string()));
                }
            }
        };
        for block in blocks {
            match block {
                Block::Heading { spans, .. } => {
                    *section = blocks::plain_text(spans);
                    check(section.clone().as_str(), section, out);
                }
                Block::Paragraph(spans) => check(&blocks::plain_text(spans), section, out),
                Block::List { items, .. } => {
                    for item in items {
                        visit(item, fonts, section, out);
                    }
                }
                Block::Quote(inner) => visit(inner, fonts, section, out),
                Block::Table { head, rows, .. } => {
                    for cell in head.iter().chain(rows.iter().flatten()) {
                        check(&blocks::plain_text(cell), section, out);
                    }
                }
                Block::Code(text) => check(text, section, out),
                Block::Footnotes(notes) => {
                    for note in notes {
                        visit(&note.blocks, fonts, section, out);
                    }
                }
                Block::Chart { alt, .. } => check(alt, section, out),
                Block::Image { shown, .. } => check(&blocks::plain_text(shown), section, out),
                Block::Rule | Block::PageBreak => {}
            }
        }
    }
    let mut out = Vec::new();
    visit(
        blocks,
        fonts,
        &mut String::from(Message::TheCover.template()),
        &mut out,
    );
    out
}

/// The installed fonts a laid-out document draws with, by place.
fn system_faces_used(doc: &layout::Document) -> std::collections::BTreeSet<u16> {
    doc.pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|i| match i {
            layout::Item::Text {
                face: fonts::Face::System(n),
                ..
            } => Some(*n),
            _ => None,
        })
        .collect()
}

/// `D:YYYYMMDD000000Z` for a report date `YYYY-MM-DD`.
fn pdf_date(date: &str) -> String {
    format!("D:{}000000Z", date.replace('-', ""))
}

/// What a PDF says about itself besides its text: the running header and
/// footer, and the document information.
#[derive(Debug, Clone)]
pub struct DocumentInfo {
    pub running: layout::Running,
    /// The title when the document has no level-1 heading.
    pub fallback_title: String,
    /// Who prepared it, when the profile says.
    pub author: Option<String>,
    pub subject: String,
    pub keywords: Vec<String>,
    pub creator: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub lang: String,
}

impl DocumentInfo {
    /// A report's (or brief's) information, from its assessment.
    pub fn of(a: &Assessment) -> DocumentInfo {
        DocumentInfo {
            running: layout::Running {
                organisation: a.profile.name.clone(),
                classification: a.profile.classification.clone(),
                footer: say(Message::ReportFooter, &[("date", &a.profile.date)]),
                draft: a.profile.status == "draft",
            },
            fallback_title: say(Message::ReportTitle, &[("organisation", &a.profile.name)]),
            author: a.profile.prepared_by.clone(),
            subject: say(
                Message::ReportSubject,
                &[
                    ("organisation", &a.profile.name),
                    ("option", &a.recommendation.option.short().to_lowercase()),
                ],
            ),
            keywords: vec![
                "SOC".into(),
                "MSSP".into(),
                "MDR".into(),
                a.profile.name.clone(),
                a.profile.industry_label.clone(),
                a.recommendation.label.clone(),
            ],
            creator: a.generator.clone(),
            date: a.profile.date.clone(),
            lang: a.profile.language.clone(),
        }
    }
}

/// Typeset `markdown` (the report of `a`) as PDF.
pub fn render(
    markdown: &str,
    a: &Assessment,
    figures: &[Figure],
    pictures: &[Picture],
    fonts: &FontSet,
    options: &PdfOptions,
    form: layout::Form,
) -> Result<PdfOutput, PdfError> {
    render_document(
        markdown,
        figures,
        pictures,
        fonts,
        options,
        &DocumentInfo::of(a),
        form,
    )
}

/// Typeset `markdown` as PDF. Problems the reader should know of but that
/// do not stop the PDF (a character no font has) are returned as warnings,
/// and what it does not show as written as `unshown`; a PDF that cannot be
/// written is an error.
pub fn render_document(
    markdown: &str,
    figures: &[Figure],
    pictures: &[Picture],
    fonts: &FontSet,
    options: &PdfOptions,
    info: &DocumentInfo,
    form: layout::Form,
) -> Result<PdfOutput, PdfError> {
    let (blocks, mut unshown) = blocks::parse(markdown);
    let mut warnings = Vec::new();
    // Pictures the PDF draws are shown; an SVG one is said plainly.
    unshown.retain(|u| match u {
        blocks::Unshown::Image { path, .. } => match pictures.iter().find(|p| p.dest == *path) {
            Some(p) if p.image.kind == ImageKind::Svg => {
                warnings.push(say(Message::SvgNotDrawn, &[("path", &p.image.path)]));
                false
            }
            Some(_) => false,
            None => true,
        },
        _ => true,
    });
    for (c, section) in missing_characters(&blocks, fonts) {
        warnings.push(say(
            Message::CharacterInNoFont,
            &[
                ("character", &c.to_string()),
                ("code", &format!("{:04X}", c as u32)),
                ("section", &section),
                ("mark", &fonts::MISSING_MARK.to_string()),
            ],
        ));
    }
    let doc = layout::layout(
        &blocks,
        figures,
        pictures,
        fonts,
        options.paper,
        &layout::Theme::REPORT,
        &info.running,
        form,
    );
    // Everything the bytes depend on, so equal inputs give an equal /ID:
    // the installed fonts used count too, since they differ by machine.
    let mut seed = markdown.as_bytes().to_vec();
    seed.extend_from_slice(
        format!(
            "{:?}|{:?}|{}",
            options.paper, fonts.user_digest, info.creator
        )
        .as_bytes(),
    );
    if form != layout::Form::Report {
        seed.extend_from_slice(format!("|{form:?}").as_bytes());
    }
    for place in system_faces_used(&doc) {
        if let Some(system) = fonts.system() {
            seed.extend_from_slice(system.describe(place).as_bytes());
            warnings.push(say(
                Message::SetInInstalledFont,
                &[("font", &system.name(place))],
            ));
        }
    }
    let pages = doc.pages.len();
    if options.standard != PdfStandard::default() {
        seed.extend_from_slice(format!("|{:?}", options.standard).as_bytes());
    }
    let (bytes, writer_warnings) = write::write(doc, fonts, info, &seed, options, pictures)?;
    warnings.extend(writer_warnings);
    Ok(PdfOutput {
        bytes,
        pages,
        warnings,
        unshown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    #[test]
    fn a_pdf_error_keeps_its_cause() {
        let e = PdfError::Save(std::io::Error::other("disk on fire"));
        assert_eq!(e.to_string(), "the PDF could not be serialised");
        assert_eq!(
            e.source().map(ToString::to_string).as_deref(),
            Some("disk on fire")
        );
    }
}
