//! The report's Markdown as blocks for the typesetter.
//!
//! Parsed with the same configuration as the HTML ([`markdown::parser`]), so
//! a template change shows in both. Text is NFC-normalised here: the fonts
//! have precomposed glyphs, and a decomposed accent would draw apart.
//!
//! Every construct the parser configuration enables has a block or a style
//! here: headings, paragraphs, emphasis, strong, strikethrough, code spans
//! and blocks, hard breaks (as `\n` in a span), lists (nested, ordered,
//! tasks), block quotes, tables, links (bare web addresses too, as
//! [`markdown::events`] links them), images, rules, and footnotes. A
//! footnote reference becomes a superscript number; the definitions are
//! collected, numbered as the HTML numbers them (by first appearance of the
//! label), into one [`Block::Footnotes`] at the end of the document. A task
//! item's box is a paragraph of its own (see [`task_box`]).
//!
//! What the PDF cannot show as written is returned as [`Unshown`], so the
//! caller can say where in the templates it is: raw HTML other than the
//! page-break marker and comments, and images other than the charts (shown
//! as their alt text in brackets).

use crate::render::markdown::{self, PAGE_BREAK};
use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::BTreeMap;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    /// Struck through (GFM `~~text~~`).
    pub strike: bool,
    /// Raised and smaller: a footnote reference's number.
    pub superscript: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    /// Link target, if the span is link text.
    pub link: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A footnote's definition, with the number its references show.
#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    pub number: usize,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        spans: Vec<Span>,
    },
    Paragraph(Vec<Span>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Span>>,
        rows: Vec<Vec<Vec<Span>>>,
    },
    Rule,
    /// A chart image, by file name under `charts/`.
    Chart {
        name: String,
        alt: String,
    },
    /// An image other than a chart, alone in its paragraph: its path as
    /// the template wrote it, and its alt text. `shown` is what the page
    /// shows in its place: the alt text in brackets, as a paragraph.
    Image {
        path: String,
        alt: String,
        shown: Vec<Span>,
    },
    Code(String),
    PageBreak,
    /// The document's footnote definitions, in number order.
    Footnotes(Vec<Footnote>),
}

/// Something in the Markdown that the PDF does not show as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unshown {
    /// Raw HTML, as written (the first line of an HTML block).
    Html(String),
    /// An image other than a chart: its alt text shows in brackets.
    Image { path: String, alt: String },
}

/// The box a task-list item shows instead of a bullet.
pub const TASK_OPEN: char = '\u{2610}';
pub const TASK_DONE: char = '\u{2611}';

/// A task-list item's box, and the rest of the item; `None` for an item
/// that is not a task. [`parse`] gives a task item's box a paragraph of its
/// own, first in the item, so the layout can set it where a bullet goes.
pub fn task_box(item: &[Block]) -> Option<(&str, &[Block])> {
    match item {
        [Block::Paragraph(spans), rest @ ..] => match spans.as_slice() {
            [only] if is_task_box(&only.text) => Some((only.text.as_str(), rest)),
            _ => None,
        },
        _ => None,
    }
}

fn is_task_box(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some(TASK_OPEN | TASK_DONE)) && chars.next().is_none()
}

/// What the PDF shows for an image it does not draw: its alt text in
/// brackets.
pub fn stand_in(alt: &str) -> String {
    format!("[{alt}]")
}

/// Lists and quotes nested deeper than this are flattened into their
/// enclosing block: the layout recurses per level, and no report needs more.
pub const MAX_NESTING: usize = 16;

/// A table row: one list of spans per cell.
type Row = Vec<Vec<Span>>;

/// The text of spans as a reader would say it: footnote numbers left out,
/// as the HTML leaves them out of a heading's id.
pub fn plain_text(spans: &[Span]) -> String {
    spans
        .iter()
        .filter(|s| !s.style.superscript)
        .map(|s| s.text.as_str())
        .collect()
}

/// Append `text` NFC-normalised. Nearly all text already is (the quick
/// check says so without decomposing anything), and is copied as it is.
fn push_nfc(out: &mut String, text: &str) {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        out.push_str(text);
    } else {
        out.extend(text.nfc());
    }
}

/// Collects inline content into spans.
#[derive(Default)]
struct Inline {
    spans: Vec<Span>,
    bold: u32,
    italic: u32,
    strike: u32,
    link: Option<String>,
}

impl Inline {
    fn style(&self) -> Style {
        Style {
            bold: self.bold > 0,
            italic: self.italic > 0,
            strike: self.strike > 0,
            ..Style::default()
        }
    }

    fn push(&mut self, text: &str, style: Style) {
        match self.spans.last_mut() {
            Some(last) if last.style == style && last.link == self.link => {
                push_nfc(&mut last.text, text)
            }
            _ => {
                let mut own = String::with_capacity(text.len());
                push_nfc(&mut own, text);
                self.spans.push(Span {
                    text: own,
                    style,
                    link: self.link.clone(),
                })
            }
        }
    }

    fn text(&mut self, text: &str) {
        self.push(text, self.style());
    }

    fn take(&mut self) -> Vec<Span> {
        std::mem::take(&mut self.spans)
    }
}

enum Frame {
    Root(Vec<Block>),
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Footnote {
        number: usize,
        blocks: Vec<Block>,
    },
}

impl Frame {
    fn blocks(&mut self) -> Option<&mut Vec<Block>> {
        match self {
            Frame::Root(b) | Frame::Quote(b) | Frame::Item(b) => Some(b),
            Frame::Footnote { blocks, .. } => Some(blocks),
            Frame::List { .. } => None,
        }
    }
}

fn level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn align(a: &Alignment) -> Align {
    match a {
        Alignment::Right => Align::Right,
        Alignment::Center => Align::Center,
        Alignment::Left | Alignment::None => Align::Left,
    }
}

/// A table being collected.
#[derive(Default)]
struct Table {
    align: Vec<Align>,
    head: Row,
    rows: Vec<Row>,
    row: Row,
}

/// The parser's state between events.
struct Builder {
    stack: Vec<Frame>,
    inline: Inline,
    unshown: Vec<Unshown>,
    /// Whether the last event was raw HTML: an HTML block comes a line at
    /// a time, and is reported once.
    after_html: bool,
    /// An image other than a chart that began the current paragraph, shown
    /// as its alt text; if nothing follows it, the paragraph is the image.
    lone_image: Option<(String, String)>,
    table: Option<Table>,
    code: Option<String>,
    /// An image being read: its URL and alt text.
    image: Option<(String, String)>,
    heading: Option<u8>,
    in_metadata: bool,
    /// Nesting levels past MAX_NESTING whose start was ignored.
    flattened: usize,
    /// Footnote numbers by label, in order of first appearance.
    footnote_numbers: BTreeMap<String, usize>,
    footnotes: Vec<Footnote>,
}

/// Parse Markdown into blocks, with what the PDF does not show as written
/// (raw HTML, images other than the charts), in order.
pub fn parse(md: &str) -> (Vec<Block>, Vec<Unshown>) {
    let mut b = Builder {
        stack: vec![Frame::Root(Vec::new())],
        inline: Inline::default(),
        unshown: Vec::new(),
        after_html: false,
        lone_image: None,
        table: None,
        code: None,
        image: None,
        heading: None,
        in_metadata: false,
        flattened: 0,
        footnote_numbers: BTreeMap::new(),
        footnotes: Vec::new(),
    };
    for event in markdown::events(md) {
        b.event(event);
    }
    b.finish()
}

impl Builder {
    fn emit(&mut self, block: Block) {
        for frame in self.stack.iter_mut().rev() {
            if let Some(blocks) = frame.blocks() {
                blocks.push(block);
                return;
            }
        }
    }

    /// Text collected since the last block becomes a paragraph (the text of
    /// a tight list item comes without one).
    fn flush_paragraph(&mut self) {
        let spans = self.inline.take();
        if let Some((path, alt)) = self.lone_image.take() {
            if matches!(spans.as_slice(), [only] if only.link.is_none() && only.text == stand_in(&alt))
            {
                self.emit(Block::Image {
                    path,
                    alt,
                    shown: spans,
                });
                return;
            }
        }
        if !spans.is_empty() {
            self.emit(Block::Paragraph(spans));
        }
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnote_numbers.len() + 1;
        *self
            .footnote_numbers
            .entry(label.to_string())
            .or_insert(next)
    }

    fn event(&mut self, event: Event<'_>) {
        // Front matter is for static-site generators, not the page.
        match event {
            Event::Start(Tag::MetadataBlock(_)) => self.in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => self.in_metadata = false,
            _ if self.in_metadata => return,
            _ => {}
        }
        if let Event::Start(
            Tag::List(_)
            | Tag::BlockQuote(_)
            | Tag::Table(_)
            | Tag::CodeBlock(_)
            | Tag::Heading { .. }
            | Tag::FootnoteDefinition(_),
        ) = &event
        {
            self.flush_paragraph();
        }
        let continued_html =
            std::mem::replace(&mut self.after_html, matches!(event, Event::Html(_)));
        if self.flatten(&event) || self.image_text(&event) {
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => match self.code.as_mut() {
                Some(c) => c.push_str(&t),
                None => self.inline.text(&t),
            },
            Event::Code(t) => {
                let style = Style {
                    code: true,
                    ..self.inline.style()
                };
                self.inline.push(&t, style);
            }
            Event::SoftBreak => self.inline.text(" "),
            Event::HardBreak => self.inline.text("\n"),
            Event::TaskListMarker(done) => {
                self.flush_paragraph();
                let mark = if done { TASK_DONE } else { TASK_OPEN };
                self.emit(Block::Paragraph(vec![Span {
                    text: mark.to_string(),
                    style: Style::default(),
                    link: None,
                }]));
            }
            Event::FootnoteReference(label) => {
                let number = self.footnote_number(&label);
                let style = Style {
                    superscript: true,
                    ..Style::default()
                };
                self.inline.push(&number.to_string(), style);
            }
            Event::Rule => self.emit(Block::Rule),
            Event::Html(h) => self.html(&h, continued_html),
            Event::InlineHtml(h) => self.html(&h, false),
            Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }

    /// Past [`MAX_NESTING`], a list, item or quote adds no level.
    fn flatten(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item)
                if self.stack.len() >= MAX_NESTING =>
            {
                self.flattened += 1;
                true
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item)
                if self.flattened > 0 =>
            {
                self.flattened -= 1;
                true
            }
            _ => false,
        }
    }

    /// Inside an image, text is its alt text and everything else is dropped.
    fn image_text(&mut self, event: &Event<'_>) -> bool {
        let Some((_, alt)) = self.image.as_mut() else {
            return false;
        };
        match event {
            Event::Text(t) | Event::Code(t) => {
                alt.push_str(t);
                true
            }
            Event::End(TagEnd::Image) => false,
            _ => true,
        }
    }

    /// The page-break marker breaks the page. Other raw HTML is not shown;
    /// a comment or a closing tag hides nothing, and is not reported.
    fn html(&mut self, h: &CowStr<'_>, continued: bool) {
        let text = h.trim();
        if text == PAGE_BREAK {
            self.emit(Block::PageBreak);
            return;
        }
        let hides_nothing = text.is_empty()
            || text.starts_with("</")
            || (text.starts_with("<!--") && text.ends_with("-->"));
        if !continued && !hides_nothing {
            let first_line = text.lines().next().unwrap_or(text).trim_end();
            self.unshown.push(Unshown::Html(first_line.to_string()));
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level: l, .. } => self.heading = Some(level(l)),
            Tag::BlockQuote(_) => self.stack.push(Frame::Quote(Vec::new())),
            Tag::List(start) => self.stack.push(Frame::List {
                start,
                items: Vec::new(),
            }),
            Tag::Item => self.stack.push(Frame::Item(Vec::new())),
            Tag::FootnoteDefinition(label) => {
                let number = self.footnote_number(&label);
                self.stack.push(Frame::Footnote {
                    number,
                    blocks: Vec::new(),
                });
            }
            Tag::Table(aligns) => {
                self.table = Some(Table {
                    align: aligns.iter().map(align).collect(),
                    ..Table::default()
                })
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.row.clear();
                }
            }
            Tag::Emphasis => self.inline.italic += 1,
            Tag::Strong => self.inline.bold += 1,
            Tag::Strikethrough => self.inline.strike += 1,
            Tag::Link { dest_url, .. } => self.inline.link = Some(dest_url.to_string()),
            Tag::Image { dest_url, .. } => self.image = Some((dest_url.to_string(), String::new())),
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.lone_image = None;
                let spans = self.inline.take();
                let level = self.heading.take().unwrap_or(2);
                self.emit(Block::Heading { level, spans });
            }
            TagEnd::Paragraph => self.flush_paragraph(),
            TagEnd::BlockQuote(_) => {
                if let Some(Frame::Quote(blocks)) = self.stack.pop() {
                    self.emit(Block::Quote(blocks));
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List { start, items }) = self.stack.pop() {
                    self.emit(Block::List { start, items });
                }
            }
            TagEnd::Item => {
                self.flush_paragraph();
                if let Some(Frame::Item(blocks)) = self.stack.pop() {
                    if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                        items.push(blocks);
                    }
                }
            }
            TagEnd::FootnoteDefinition => {
                self.flush_paragraph();
                if let Some(Frame::Footnote { number, blocks }) = self.stack.pop() {
                    self.footnotes.push(Footnote { number, blocks });
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.head = std::mem::take(&mut t.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.rows.push(std::mem::take(&mut t.row));
                }
            }
            TagEnd::TableCell => {
                self.lone_image = None;
                let cell = self.inline.take();
                if let Some(t) = self.table.as_mut() {
                    t.row.push(cell);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let (align, head, rows) = (t.align, t.head, t.rows);
                    self.emit(Block::Table { align, head, rows });
                }
            }
            TagEnd::Emphasis => self.inline.italic = self.inline.italic.saturating_sub(1),
            TagEnd::Strong => self.inline.bold = self.inline.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.inline.strike = self.inline.strike.saturating_sub(1),
            TagEnd::Link => self.inline.link = None,
            TagEnd::Image => self.end_image(),
            TagEnd::CodeBlock => {
                if let Some(text) = self.code.take() {
                    let mut nfc = String::with_capacity(text.len());
                    push_nfc(&mut nfc, &text);
                    self.emit(Block::Code(nfc));
                }
            }
            _ => {}
        }
    }

    /// A chart image on its own becomes a chart; any other image shows its
    /// alt text in brackets (a block of its own when nothing else is in its
    /// paragraph).
    fn end_image(&mut self) {
        if let Some((url, alt)) = self.image.take() {
            match url.strip_prefix("charts/") {
                Some(name) if self.inline.spans.is_empty() => self.emit(Block::Chart {
                    name: name.to_string(),
                    alt,
                }),
                Some(_) => self.inline.text(&stand_in(&alt)),
                None => {
                    if self.inline.spans.is_empty() {
                        self.lone_image = Some((url.clone(), alt.clone()));
                    }
                    self.inline.text(&stand_in(&alt));
                    self.unshown.push(Unshown::Image { path: url, alt });
                }
            }
        }
    }

    fn finish(mut self) -> (Vec<Block>, Vec<Unshown>) {
        self.flush_paragraph();
        // An unclosed frame (impossible from pulldown-cmark, but cheap to
        // survive) gives its blocks to the root.
        while self.stack.len() > 1 {
            if let Some(mut frame) = self.stack.pop() {
                let blocks = frame.blocks().map(std::mem::take).unwrap_or_default();
                for block in blocks {
                    self.emit(block);
                }
            }
        }
        let mut blocks = match self.stack.pop() {
            Some(Frame::Root(blocks)) => blocks,
            _ => Vec::new(),
        };
        if !self.footnotes.is_empty() {
            self.footnotes.sort_by_key(|f| f.number);
            blocks.push(Block::Footnotes(self.footnotes));
        }
        (blocks, self.unshown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_blocks() {
        let md = "---\ntitle: x\n---\n\n# Title\n\nSome **bold** and *it*.\n\n<!-- pagebreak -->\n\n\
                  - one\n- two\n  1. nested\n\n> **Note.** Quote\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n\
                  ![Costs](charts/costs.svg)\n";
        let (blocks, unshown) = parse(md);
        assert_eq!(unshown, []);
        assert!(
            matches!(&blocks[0], Block::Heading { level: 1, spans } if plain_text(spans) == "Title")
        );
        match &blocks[1] {
            Block::Paragraph(spans) => {
                assert_eq!(plain_text(spans), "Some bold and it.");
                assert!(spans[1].style.bold && spans[3].style.italic);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(blocks[2], Block::PageBreak);
        match &blocks[3] {
            Block::List { start: None, items } => {
                assert_eq!(items.len(), 2);
                assert!(matches!(items[1][1], Block::List { start: Some(1), .. }));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&blocks[4], Block::Quote(inner) if inner.len() == 1));
        match &blocks[5] {
            Block::Table { align, head, rows } => {
                assert_eq!(align, &[Align::Left, Align::Right]);
                assert_eq!(plain_text(&head[1]), "b");
                assert_eq!(plain_text(&rows[0][1]), "2");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            blocks[6],
            Block::Chart {
                name: "costs.svg".into(),
                alt: "Costs".into()
            }
        );
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let md = format!("{}deep\n", "> ".repeat(5000));
        let (blocks, _) = parse(&md);
        fn depth(b: &[Block]) -> usize {
            b.iter()
                .map(|b| match b {
                    Block::Quote(inner) => 1 + depth(inner),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&blocks) <= MAX_NESTING);
        let text: Vec<String> = format!("{blocks:?}")
            .matches("deep")
            .map(String::from)
            .collect();
        assert_eq!(text.len(), 1, "the text survives");
    }

    #[test]
    fn strikethrough_hard_breaks_and_footnotes_have_blocks_and_styles() {
        let md = "Old ~~price~~ new.\\\nSecond line  \nthird[^b] and[^a].\n\n\
                  [^a]: Note A.\n\n[^b]: Note **B**.\n\n## After\n";
        let (blocks, _) = parse(md);
        let Block::Paragraph(spans) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert!(spans.iter().any(|s| s.text == "price" && s.style.strike));
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, "Old price new.\nSecond line\nthird1 and2.");
        assert_eq!(plain_text(spans), "Old price new.\nSecond line\nthird and.");
        let refs: Vec<&str> = spans
            .iter()
            .filter(|s| s.style.superscript)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(refs, ["1", "2"], "numbered by first reference");
        assert!(matches!(&blocks[1], Block::Heading { level: 2, .. }));
        // The definitions are collected at the end, in number order.
        let Some(Block::Footnotes(notes)) = blocks.last() else {
            panic!("{blocks:?}")
        };
        let numbers: Vec<usize> = notes.iter().map(|n| n.number).collect();
        assert_eq!(numbers, [1, 2]);
        assert!(matches!(&notes[0].blocks[0], Block::Paragraph(s) if plain_text(s) == "Note B."));
        assert_eq!(blocks.len(), 3);
    }

    #[test]
    fn a_task_item_has_its_box_apart_for_the_marker() {
        let (blocks, _) =
            parse("- [x] Budget approved\n- [ ] Provider chosen\n- plain \u{2610} box\n");
        let Block::List { items, .. } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let (mark, rest) = task_box(&items[0]).expect("a task");
        assert_eq!(mark, "\u{2611}");
        assert!(matches!(rest, [Block::Paragraph(s)] if plain_text(s) == "Budget approved"));
        assert_eq!(task_box(&items[1]).map(|(m, _)| m), Some("\u{2610}"));
        assert_eq!(task_box(&items[2]), None, "a box in the text is not a task");
    }

    #[test]
    fn bare_addresses_are_links() {
        let (blocks, _) = parse("Read https://example.com/soc, then decide.\n");
        let Block::Paragraph(spans) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let linked: Vec<(&str, Option<&str>)> = spans
            .iter()
            .map(|s| (s.text.as_str(), s.link.as_deref()))
            .collect();
        assert_eq!(
            linked,
            [
                ("Read ", None),
                ("https://example.com/soc", Some("https://example.com/soc")),
                (", then decide.", None),
            ]
        );
    }

    #[test]
    fn raw_html_and_images_are_reported_once_each() {
        let md = "<div class=\"note\">\n<p>x</p>\n</div>\n\nText <span title=\"t\">in</span> a line.<!-- a comment -->\n\n\
                  <!-- pagebreak -->\n\n![Our logo](logo.png)\n\nAn ![icon](icon.svg) inline.\n\n![Costs](charts/costs.svg)\n";
        let (blocks, unshown) = parse(md);
        assert_eq!(
            unshown,
            [
                Unshown::Html("<div class=\"note\">".into()),
                Unshown::Html("<span title=\"t\">".into()),
                Unshown::Image {
                    path: "logo.png".into(),
                    alt: "Our logo".into()
                },
                Unshown::Image {
                    path: "icon.svg".into(),
                    alt: "icon".into()
                },
            ]
        );
        assert!(blocks.contains(&Block::PageBreak));
        assert!(blocks.iter().any(|b| matches!(b,
            Block::Image { path, alt, shown } if path == "logo.png" && alt == "Our logo" && plain_text(shown) == "[Our logo]")));
        assert!(blocks
            .iter()
            .any(|b| matches!(b, Block::Paragraph(s) if plain_text(s) == "An [icon] inline.")));
        assert!(blocks.iter().any(|b| matches!(b, Block::Chart { .. })));
    }

    #[test]
    fn text_is_nfc_normalised() {
        let (blocks, _) = parse("Cafe\u{301}\n");
        assert!(matches!(&blocks[0], Block::Paragraph(s) if plain_text(s) == "Café"));
    }
}
