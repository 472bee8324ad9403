//! The report's Markdown as blocks for the typesetter.
//!
//! Parsed with the same configuration as the HTML ([`markdown::parser`]), so
//! a template change shows in both. Text is NFC-normalised here: the fonts
//! have precomposed glyphs, and a decomposed accent would draw apart.

use crate::render::markdown::{self, PAGE_BREAK};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Tag, TagEnd};
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
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
    Code(String),
    PageBreak,
}

/// Lists and quotes nested deeper than this are flattened into their
/// enclosing block: the layout recurses per level, and no report needs more.
pub const MAX_NESTING: usize = 16;

/// A table row: one list of spans per cell.
type Row = Vec<Vec<Span>>;

pub fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// Collects inline content into spans.
#[derive(Default)]
struct Inline {
    spans: Vec<Span>,
    bold: u32,
    italic: u32,
    link: Option<String>,
}

impl Inline {
    fn push(&mut self, text: &str, code: bool) {
        let text: String = text.nfc().collect();
        let style = Style {
            bold: self.bold > 0,
            italic: self.italic > 0,
            code,
        };
        match self.spans.last_mut() {
            Some(last) if last.style == style && last.link == self.link => {
                last.text.push_str(&text)
            }
            _ => self.spans.push(Span {
                text,
                style,
                link: self.link.clone(),
            }),
        }
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
}

impl Frame {
    fn blocks(&mut self) -> Option<&mut Vec<Block>> {
        match self {
            Frame::Root(b) | Frame::Quote(b) | Frame::Item(b) => Some(b),
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

/// Parse Markdown into blocks. Raw HTML other than the page-break marker
/// is not rendered in a PDF; it is returned in `ignored_html` so the caller
/// can say so.
pub fn parse(md: &str) -> (Vec<Block>, usize) {
    let mut stack: Vec<Frame> = vec![Frame::Root(Vec::new())];
    let mut inline = Inline::default();
    let mut ignored_html = 0;
    // Table state.
    let mut table: Option<(Vec<Align>, Row, Vec<Row>)> = None;
    let mut row: Vec<Vec<Span>> = Vec::new();
    let mut in_head = false;
    let mut code: Option<String> = None;
    let mut image: Option<(String, String)> = None;
    let mut heading: Option<u8> = None;
    let mut in_metadata = false;
    // Nesting levels past MAX_NESTING whose start was ignored.
    let mut flattened = 0usize;

    let emit = |stack: &mut Vec<Frame>, block: Block| {
        for frame in stack.iter_mut().rev() {
            if let Some(blocks) = frame.blocks() {
                blocks.push(block);
                return;
            }
        }
    };

    for event in markdown::parser(md) {
        // Front matter is for static-site generators, not the page.
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            _ if in_metadata => continue,
            _ => {}
        }
        // Text of a tight list item comes without a paragraph; it ends where
        // the next block begins.
        if let Event::Start(
            Tag::List(_)
            | Tag::BlockQuote(_)
            | Tag::Table(_)
            | Tag::CodeBlock(_)
            | Tag::Heading { .. },
        ) = &event
        {
            let spans = inline.take();
            if !spans.is_empty() {
                emit(&mut stack, Block::Paragraph(spans));
            }
        }
        match &event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item)
                if stack.len() >= MAX_NESTING =>
            {
                flattened += 1;
                continue;
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) if flattened > 0 => {
                flattened -= 1;
                continue;
            }
            _ => {}
        }
        if let Some((_, alt)) = image.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => {
                    alt.push_str(&t);
                    continue;
                }
                Event::End(TagEnd::Image) => {}
                _ => continue,
            }
        }
        match event {
            Event::Start(Tag::Heading { level: l, .. }) => heading = Some(level(l)),
            Event::End(TagEnd::Heading(_)) => {
                let spans = inline.take();
                emit(
                    &mut stack,
                    Block::Heading {
                        level: heading.take().unwrap_or(2),
                        spans,
                    },
                );
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                let spans = inline.take();
                if !spans.is_empty() {
                    emit(&mut stack, Block::Paragraph(spans));
                }
            }
            Event::Start(Tag::BlockQuote(_)) => stack.push(Frame::Quote(Vec::new())),
            Event::End(TagEnd::BlockQuote(_)) => {
                if let Some(Frame::Quote(blocks)) = stack.pop() {
                    emit(&mut stack, Block::Quote(blocks));
                }
            }
            Event::Start(Tag::List(start)) => stack.push(Frame::List {
                start,
                items: Vec::new(),
            }),
            Event::End(TagEnd::List(_)) => {
                if let Some(Frame::List { start, items }) = stack.pop() {
                    emit(&mut stack, Block::List { start, items });
                }
            }
            Event::Start(Tag::Item) => stack.push(Frame::Item(Vec::new())),
            Event::End(TagEnd::Item) => {
                // A tight list item holds its text without a paragraph.
                let spans = inline.take();
                if !spans.is_empty() {
                    emit(&mut stack, Block::Paragraph(spans));
                }
                if let Some(Frame::Item(blocks)) = stack.pop() {
                    if let Some(Frame::List { items, .. }) = stack.last_mut() {
                        items.push(blocks);
                    }
                }
            }
            Event::Start(Tag::Table(aligns)) => {
                let align = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Right => Align::Right,
                        Alignment::Center => Align::Center,
                        Alignment::Left | Alignment::None => Align::Left,
                    })
                    .collect();
                table = Some((align, Vec::new(), Vec::new()));
            }
            Event::Start(Tag::TableHead) => {
                in_head = true;
                row.clear();
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some(t) = table.as_mut() {
                    t.1 = std::mem::take(&mut row);
                }
            }
            Event::Start(Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.2.push(std::mem::take(&mut row));
                }
            }
            Event::Start(Tag::TableCell) => {}
            Event::End(TagEnd::TableCell) => row.push(inline.take()),
            Event::End(TagEnd::Table) => {
                if let Some((align, head, rows)) = table.take() {
                    emit(&mut stack, Block::Table { align, head, rows });
                }
                let _ = in_head;
            }
            Event::Start(Tag::Emphasis) => inline.italic += 1,
            Event::End(TagEnd::Emphasis) => inline.italic = inline.italic.saturating_sub(1),
            Event::Start(Tag::Strong) => inline.bold += 1,
            Event::End(TagEnd::Strong) => inline.bold = inline.bold.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => inline.link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => inline.link = None,
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.to_string(), String::new()))
            }
            Event::End(TagEnd::Image) => {
                if let Some((url, alt)) = image.take() {
                    match url.strip_prefix("charts/") {
                        Some(name) if inline.spans.is_empty() => emit(
                            &mut stack,
                            Block::Chart {
                                name: name.to_string(),
                                alt,
                            },
                        ),
                        _ => inline.push(&format!("[{alt}]"), false),
                    }
                }
            }
            Event::Start(Tag::CodeBlock(_)) => code = Some(String::new()),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(text) = code.take() {
                    emit(&mut stack, Block::Code(text.nfc().collect()));
                }
            }
            Event::Text(t) => match code.as_mut() {
                Some(c) => c.push_str(&t),
                None => inline.push(&t, false),
            },
            Event::Code(t) => inline.push(&t, true),
            Event::SoftBreak => inline.push(" ", false),
            Event::HardBreak => inline.push("\n", false),
            Event::TaskListMarker(done) => {
                inline.push(if done { "\u{2611} " } else { "\u{2610} " }, false)
            }
            Event::Rule => emit(&mut stack, Block::Rule),
            Event::Html(h) | Event::InlineHtml(h) => {
                if h.trim() == PAGE_BREAK {
                    emit(&mut stack, Block::PageBreak);
                } else if !h.trim().is_empty() {
                    ignored_html += 1;
                }
            }
            _ => {}
        }
    }
    let blocks = match stack.into_iter().next() {
        Some(Frame::Root(blocks)) => blocks,
        _ => Vec::new(),
    };
    (blocks, ignored_html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_blocks() {
        let md = "---\ntitle: x\n---\n\n# Title\n\nSome **bold** and *it*.\n\n<!-- pagebreak -->\n\n\
                  - one\n- two\n  1. nested\n\n> **Note.** Quote\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n\
                  ![Costs](charts/costs.svg)\n";
        let (blocks, ignored) = parse(md);
        assert_eq!(ignored, 0);
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
    fn text_is_nfc_normalised() {
        let (blocks, _) = parse("Cafe\u{301}\n");
        assert!(matches!(&blocks[0], Block::Paragraph(s) if plain_text(s) == "Café"));
    }
}
