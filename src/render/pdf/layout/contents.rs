//! The table of contents: its page count is known before the body is laid
//! out (from the number of entries), so the body's page numbers are final
//! in one pass; entries are filled in afterwards, with dot leaders, right
//! aligned page numbers and links to the headings.

use super::inline::Typesetter;
use super::theme::{ContentsStyle, Theme};
use super::{ContentsPlace, Document, Element, Geometry, HeadingPlace, Item, Mark, Role, Target};
use crate::render::pdf::blocks::{Align, Block, Span, Style};
use crate::render::pdf::fonts::{Face, FontSet};

/// The link area of an entry is this much shorter than the entry at its top
/// and bottom, so neighbouring links do not touch.
const LINK_INSET: f32 = 1.0;

/// The deepest heading level the contents list: sections and their
/// subsections when they fit on one page, else sections only (a contents
/// page that runs over by a few lines looks like an accident).
pub(super) fn contents_depth(blocks: &[Block], g: &Geometry, c: &ContentsStyle) -> u8 {
    let count = |deepest: u8| {
        blocks
            .iter()
            .filter(|b| matches!(b, Block::Heading { level, .. } if (2..=deepest).contains(level)))
            .count()
    };
    if contents_pages(count(3), g, c) <= 1 {
        3
    } else {
        2
    }
}

pub(super) fn count_contents(blocks: &[Block], depth: u8) -> usize {
    blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level, .. } if (2..=depth).contains(level)))
        .count()
}

pub(super) fn contents_pages(entries: usize, g: &Geometry, c: &ContentsStyle) -> usize {
    let per_first = ((g.content_height() - c.title_space) / c.line)
        .floor()
        .max(1.0) as usize;
    let per_next = (g.content_height() / c.line).floor().max(1.0) as usize;
    if entries <= per_first {
        1
    } else {
        1 + (entries - per_first).div_ceil(per_next)
    }
}

/// Fill the contents pages with the entries of the sections after them.
pub(super) fn fill_contents(
    doc: &mut Document,
    fonts: &FontSet,
    theme: &Theme,
    place: ContentsPlace,
    depth: u8,
) {
    let (first, count) = (place.first, place.count);
    let g = doc.geometry;
    let c = theme.contents;
    let ts = Typesetter { fonts, theme };
    let entries: Vec<HeadingPlace> = doc
        .headings
        .iter()
        .filter(|h| (2..=depth).contains(&h.level) && h.page >= first + count)
        .cloned()
        .collect();
    let Some(title_page) = doc.pages.get_mut(first) else {
        return;
    };
    let mut page = first;
    let mut y = g.top;
    title_page
        .items
        .push(Item::Mark(Mark::Element(place.title)));
    title_page.items.push(Item::Text {
        x: g.left,
        y: y + c.title_size,
        size: c.title_size,
        face: Face::Bold,
        text: "Contents".into(),
        color: theme.palette.accent,
    });
    y += c.title_space;
    for h in entries {
        if y + c.line > g.content_bottom() && page + 1 < first + count {
            page += 1;
            y = g.top;
        }
        doc.structure.push(Element {
            role: Role::TOCI,
            parent: place.element,
            alt: None,
        });
        let item = doc.structure.len() - 1;
        let items = entry(&ts, &g, &h, y, item);
        if let Some(p) = doc.pages.get_mut(page) {
            p.items.extend(items);
        }
        y += c.line;
    }
}

/// One entry whose line starts at `y`: title, dot leaders, page number and
/// a link over the whole line.
fn entry(ts: &Typesetter<'_>, g: &Geometry, h: &HeadingPlace, y: f32, element: usize) -> Vec<Item> {
    let fonts = ts.fonts;
    let theme = ts.theme;
    let c = theme.contents;
    let (size, face, indent) = if h.level == 2 {
        (c.section_size, Face::Bold, 0.0)
    } else {
        (c.subsection_size, Face::Regular, c.subsection_indent)
    };
    let number = (h.page + 1).to_string();
    let nw = fonts.width(Face::Regular, &number, size);
    let x = g.left + indent;
    let right = g.width - g.right;
    let max_title = right - x - nw - c.number_gap;
    let spans = [Span {
        text: h.title.clone(),
        style: Style {
            bold: face == Face::Bold,
            ..Style::default()
        },
        link: None,
    }];
    let ink = theme.palette.ink;
    let mut lines = ts.wrap(ts.tokens(&spans, Face::Regular, size, ink), max_title, size);
    lines.truncate(1);
    let baseline = y + size;
    let mut items = vec![Item::Mark(Mark::Element(element))];
    if let Some(line) = lines.first() {
        ts.emit_line(line, x, baseline, max_title, Align::Left, size, &mut items);
        let tw = Typesetter::line_width(line);
        // Dot leaders between the title and the page number.
        let dot = fonts.width(Face::Regular, ".", size);
        let from = x + tw + c.leader_before;
        let to = right - nw - c.leader_after;
        if to > from + dot {
            let n = ((to - from) / (dot * 2.0)).floor().max(0.0) as usize;
            let leaders: String = std::iter::repeat_n(". ", n)
                .collect::<String>()
                .trim_end()
                .to_string();
            let lw = fonts.width(Face::Regular, &leaders, size);
            // Dot leaders are drawn, not read.
            items.push(Item::Mark(Mark::Artifact));
            items.push(Item::Text {
                x: to - lw,
                y: baseline,
                size,
                face: Face::Regular,
                text: leaders,
                color: theme.palette.rule,
            });
            items.push(Item::Mark(Mark::Element(element)));
        }
    }
    items.push(Item::Text {
        x: right - nw,
        y: baseline,
        size,
        face: Face::Regular,
        text: number,
        color: ink,
    });
    items.push(Item::Link {
        x,
        y: y + LINK_INSET,
        w: right - x,
        h: c.line - 2.0 * LINK_INSET,
        target: Target::Page {
            page: h.page,
            y: h.y,
        },
    });
    items
}
