//! Layout: blocks in, pages of positioned items out, as plain data.
//!
//! This module owns the data the writer consumes ([`Document`], [`Page`],
//! [`Item`], [`HeadingPlace`]), the page geometry, and the entry point
//! [`layout`]. The work is split by concern, after typst's `layout/`:
//!
//! - `inline`: spans to tokens, line breaking, the text items of a line;
//! - `flow`: the page flow of blocks (headings kept with what follows,
//!   paragraphs, lists, call-out boxes, code);
//! - `grid`: tables (column planning, rows, splitting with a repeated
//!   header);
//! - `figure`: charts placed as scaled vector figures with a caption;
//! - `cover`, `contents`, `running`: the cover page, the table of contents,
//!   and the running header and footer.
//!
//! Coordinates are points from the page's top-left corner (text `y` is the
//! baseline); the writer flips them for PDF. Pagination rules:
//!
//! - the blocks before the first page-break marker form the cover page;
//! - a table of contents follows, with the page of every section;
//! - a heading is kept with the start of what follows it, so it never ends
//!   a page;
//! - a table that fits on one page, a chart and a call-out box are never
//!   split; a longer table breaks between rows and repeats its header row;
//! - a page-break marker starts a new page;
//! - every page after the cover has a running header (organisation,
//!   classification) and a footer "Page X of Y".

mod contents;
mod cover;
mod figure;
mod flow;
mod grid;
mod inline;
mod running;
#[cfg(test)]
mod tests;
pub mod theme;

use super::blocks::Block;
use super::fonts::{Face, FontSet};
use crate::render::charts::{Color, Figure};
use crate::render::slug::Slugger;
use crate::render::Picture;
use contents::{contents_depth, contents_pages, count_contents, fill_contents};
use cover::cover;
use flow::Flow;
use inline::Typesetter;
use running::running;
use theme::Margins;
pub use theme::Theme;

/// Widths are compared with this tolerance: f32 sums of glyph widths are
/// not exact.
const EPS: f32 = 0.01;
/// A page-break marker among the first this many blocks ends the cover.
const COVER_MAX_BLOCKS: usize = 12;

/// Page size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
}

impl Paper {
    pub const A4: Paper = Paper {
        width: 595.276,
        height: 841.89,
    };
    pub const LETTER: Paper = Paper {
        width: 612.0,
        height: 792.0,
    };
}

/// The page and its content box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    pub fn new(paper: Paper, margins: &Margins) -> Geometry {
        Geometry {
            width: paper.width,
            height: paper.height,
            left: margins.left,
            right: margins.right,
            top: margins.top,
            bottom: margins.bottom,
        }
    }

    pub fn content_width(&self) -> f32 {
        self.width - self.left - self.right
    }

    pub fn content_bottom(&self) -> f32 {
        self.height - self.bottom
    }

    pub fn content_height(&self) -> f32 {
        self.content_bottom() - self.top
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A page (0-based) and a `y` from its top.
    Page {
        page: usize,
        y: f32,
    },
    Uri(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
        color: Color,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Color,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Color,
        dashed: bool,
    },
    Polyline {
        points: Vec<(f32, f32)>,
        width: f32,
        color: Color,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: Target,
    },
    /// A picture (an index into the document's pictures) filling the box
    /// whose top left corner is (x, y).
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        picture: usize,
    },
    /// Text set at `angle` (radians, counter-clockwise) from (x, y), its
    /// baseline start: a draft watermark.
    Turned {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
        color: Color,
        angle: f32,
    },
    /// The items that follow, up to the next mark, belong to this
    /// structure element (or are decoration): the tagged PDF's marked
    /// content.
    Mark(Mark),
}

/// What the items after an [`Item::Mark`] are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Content of the structure element with this index in
    /// [`Document::structure`].
    Element(usize),
    /// Decoration a reader skips: rules, shading, the running header and
    /// footer, a table header repeated on a later page.
    Artifact,
}

/// The standard structure types the report uses (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Document,
    /// A heading of level 1 to 6.
    Heading(u8),
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    THead,
    TBody,
    TR,
    /// A column header cell.
    TH,
    TD,
    Figure,
    Caption,
    BlockQuote,
    Code,
    /// A footnote: one of the report's citations.
    Note,
    TOC,
    TOCI,
}

impl Role {
    /// The structure type's name in the PDF.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Heading(1) => "H1",
            Role::Heading(2) => "H2",
            Role::Heading(3) => "H3",
            Role::Heading(4) => "H4",
            Role::Heading(5) => "H5",
            Role::Heading(_) => "H6",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::THead => "THead",
            Role::TBody => "TBody",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Figure => "Figure",
            Role::Caption => "Caption",
            Role::BlockQuote => "BlockQuote",
            Role::Code => "Code",
            Role::Note => "Note",
            Role::TOC => "TOC",
            Role::TOCI => "TOCI",
        }
    }
}

/// One element of the document's logical structure. Elements are stored
/// in reading order: a parent before its children, siblings in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub role: Role,
    /// Index of the parent; the root (the document) is its own parent.
    pub parent: usize,
    /// The alternative description of a figure.
    pub alt: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Cover,
    Contents,
    Body,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub kind: PageKind,
    pub items: Vec<Item>,
}

/// A heading's place, for the outline, the contents and links.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingPlace {
    pub level: u8,
    pub title: String,
    pub id: String,
    pub page: usize,
    pub y: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub geometry: Geometry,
    pub pages: Vec<Page>,
    pub headings: Vec<HeadingPlace>,
    /// The logical structure, root first; pages refer to it by
    /// [`Item::Mark`].
    pub structure: Vec<Element>,
}

impl Page {
    fn new(kind: PageKind, first: Mark) -> Page {
        Page {
            kind,
            items: vec![Item::Mark(first)],
        }
    }
}

/// Running header and footer texts.
#[derive(Debug, Clone)]
pub struct Running {
    pub organisation: String,
    pub classification: String,
    pub footer: String,
    /// A draft: every page carries a watermark saying so.
    pub draft: bool,
}

/// How a document is put on pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A cover page, a table of contents, then the sections.
    Report,
    /// Straight into the text from the first page, every page with the
    /// running header and footer: the board brief, a comparison.
    Brief,
}

/// Lay out a whole report.
#[allow(clippy::too_many_arguments)]
pub fn layout(
    blocks: &[Block],
    figures: &[Figure],
    pictures: &[Picture],
    fonts: &FontSet,
    paper: Paper,
    theme: &Theme,
    run: &Running,
    form: Form,
) -> Document {
    let geo = Geometry::new(paper, &theme.margins);
    let mut flowed = flow_pages(
        blocks, figures, pictures, fonts, theme, run, geo, form, None,
    );
    // A last page holding a line or two looks like an accident: end the
    // page before it early enough that it carries a few lines.
    let lines = text_lines(flowed.pages.last());
    let body_pages = flowed.pages.len() - flowed.toc.map_or(0, |t| t.first + t.count);
    if form == Form::Report && lines > 0 && lines < MIN_LAST_LINES && body_pages > 1 {
        let line = theme.body.size * theme.body.leading;
        // Blocks that cannot split (a list item kept with its marker, a
        // table's last rows) may need the page to end a few lines earlier
        // than the shortfall.
        for extra in [0, 3, 6, 10] {
            let short = (MIN_LAST_LINES - lines + extra) as f32 * line;
            let again = flow_pages(
                blocks,
                figures,
                pictures,
                fonts,
                theme,
                run,
                geo,
                form,
                Some((flowed.pages.len() - 2, short)),
            );
            // Only if that did not add a page.
            if again.pages.len() == flowed.pages.len()
                && text_lines(again.pages.last()) >= MIN_LAST_LINES
            {
                flowed = again;
                break;
            }
        }
    }
    let mut doc = Document {
        geometry: geo,
        pages: flowed.pages,
        headings: flowed.headings,
        structure: flowed.structure,
    };
    if let Some(toc) = flowed.toc {
        fill_contents(&mut doc, fonts, theme, toc, flowed.toc_depth);
    }
    running(&mut doc, fonts, theme, run);
    doc
}

/// The fewest lines of text the last page of a report should carry.
const MIN_LAST_LINES: usize = 5;

/// Lines of text on a page: its distinct baselines.
fn text_lines(page: Option<&Page>) -> usize {
    let mut baselines: Vec<i32> = page
        .into_iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|i| match i {
            Item::Text { y, .. } => Some(y.round() as i32),
            _ => None,
        })
        .collect();
    baselines.sort_unstable();
    baselines.dedup();
    baselines.len()
}

/// The pages as the flow leaves them, before the contents are filled in
/// and the running header and footer added.
struct Flowed {
    pages: Vec<Page>,
    headings: Vec<HeadingPlace>,
    structure: Vec<Element>,
    toc: Option<ContentsPlace>,
    toc_depth: u8,
}

#[allow(clippy::too_many_arguments)]
fn flow_pages(
    blocks: &[Block],
    figures: &[Figure],
    pictures: &[Picture],
    fonts: &FontSet,
    theme: &Theme,
    run: &Running,
    geo: Geometry,
    form: Form,
    shortened: Option<(usize, f32)>,
) -> Flowed {
    let mut flow = Flow {
        ts: Typesetter { fonts, theme },
        fonts,
        theme,
        figures,
        pictures,
        geo,
        pages: Vec::new(),
        y: geo.top,
        headings: Vec::new(),
        slugs: Slugger::default(),
        figure_no: 0,
        plans: Default::default(),
        paragraphs: Default::default(),
        structure: vec![Element {
            role: Role::Document,
            parent: 0,
            alt: None,
        }],
        open: vec![0],
        shortened,
    };
    let (toc, toc_depth) = match form {
        Form::Report => report_front(&mut flow, blocks, run),
        Form::Brief => {
            flow.new_page();
            flow.blocks(blocks, geo.left, geo.content_width());
            (None, 0)
        }
    };
    let (toc_first, toc_count) = toc.map_or((0, 0), |t| (t.first, t.count));
    // A trailing page break or gap can leave an empty last page; a document
    // with nothing to show (a brief of one empty heading) keeps one page, so
    // it is still a PDF a viewer opens.
    while flow.pages.len() > (toc_first + toc_count).max(1)
        && flow
            .pages
            .last()
            .is_some_and(|p| p.items.iter().all(|i| matches!(i, Item::Mark(_))))
    {
        flow.pages.pop();
    }
    Flowed {
        pages: flow.pages,
        headings: flow.headings,
        structure: flow.structure,
        toc,
        toc_depth,
    }
}

/// Where the table of contents is: its pages and its structure element.
#[derive(Debug, Clone, Copy)]
pub(super) struct ContentsPlace {
    pub(super) first: usize,
    pub(super) count: usize,
    /// The heading "Contents".
    pub(super) title: usize,
    /// The list of entries.
    pub(super) element: usize,
}

/// The report's cover, its contents pages (left empty to be filled once the
/// sections' pages are known) and its sections; returns where the contents
/// are and the deepest level they list.
fn report_front(
    flow: &mut Flow<'_>,
    blocks: &[Block],
    run: &Running,
) -> (Option<ContentsPlace>, u8) {
    // The cover: everything before the first page break, or up to the first
    // section heading when a template has no break.
    let split = blocks
        .iter()
        .position(|b| *b == Block::PageBreak)
        .filter(|i| *i < COVER_MAX_BLOCKS)
        .or_else(|| {
            blocks
                .iter()
                .position(|b| matches!(b, Block::Heading { level: 2, .. }))
        })
        .unwrap_or(0);
    let (front, body) = blocks.split_at(split);
    cover(flow, front, run);
    // The contents follow the cover (and any page its blocks ran over to).
    let toc_first = flow.pages.len();
    let toc_depth = contents_depth(body, &flow.geo, &flow.theme.contents);
    let toc_count = contents_pages(
        count_contents(body, toc_depth),
        &flow.geo,
        &flow.theme.contents,
    );
    // The contents' element comes before the sections' in reading order;
    // its entries are added once the pages are known.
    let title = flow.element(Role::Heading(2));
    let element = flow.element(Role::TOC);
    for _ in 0..toc_count {
        flow.pages
            .push(Page::new(PageKind::Contents, Mark::Element(element)));
    }
    flow.new_page();
    let body = match body.first() {
        Some(Block::PageBreak) => &body[1..],
        _ => body,
    };
    flow.blocks(body, flow.geo.left, flow.geo.content_width());
    let place = ContentsPlace {
        first: toc_first,
        count: toc_count,
        title,
        element,
    };
    (Some(place).filter(|p| p.count > 0), toc_depth)
}
