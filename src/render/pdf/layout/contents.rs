//! The table of contents: its page count is known before the body is laid
//! out (from the number of entries), so the body's page numbers are final
//! in one pass; entries are filled in afterwards, with dot leaders, right
//! aligned page numbers and links to the headings.

use super::inline::Typesetter;
use super::{Document, Geometry, HeadingPlace, Item, Target, ACCENT, INK, RULE};
use crate::render::pdf::blocks::{Align, Block, Span, Style};
use crate::render::pdf::fonts::{Face, FontSet};

pub(super) fn count_contents(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 2 | 3, .. }))
        .count()
}

pub(super) const TOC_LINE: f32 = 17.0;
pub(super) const TOC_TITLE: f32 = 44.0;

pub(super) fn contents_pages(entries: usize, g: &Geometry) -> usize {
    let per_first = ((g.content_height() - TOC_TITLE) / TOC_LINE)
        .floor()
        .max(1.0) as usize;
    let per_next = (g.content_height() / TOC_LINE).floor().max(1.0) as usize;
    if entries <= per_first {
        1
    } else {
        1 + (entries - per_first).div_ceil(per_next)
    }
}

pub(super) fn fill_contents(doc: &mut Document, fonts: &FontSet, first: usize, count: usize) {
    let g = doc.geometry;
    let ts = Typesetter { fonts };
    let entries: Vec<HeadingPlace> = doc
        .headings
        .iter()
        .filter(|h| (2..=3).contains(&h.level) && h.page >= first + count)
        .cloned()
        .collect();
    let mut page = first;
    let mut y = g.top;
    let title = "Contents";
    doc.pages[page].items.push(Item::Text {
        x: g.left,
        y: y + 16.0,
        size: 16.0,
        face: Face::Bold,
        text: title.into(),
        color: ACCENT,
    });
    y += TOC_TITLE;
    for h in entries {
        if y + TOC_LINE > g.content_bottom() && page + 1 < first + count {
            page += 1;
            y = g.top;
        }
        let (size, face, indent) = if h.level == 2 {
            (10.5, Face::Bold, 0.0)
        } else {
            (9.5, Face::Regular, 16.0)
        };
        let number = (h.page + 1).to_string();
        let nw = fonts.width(Face::Regular, &number, size);
        let x = g.left + indent;
        let right = g.width - g.right;
        let max_title = right - x - nw - 24.0;
        let spans = [Span {
            text: h.title.clone(),
            style: Style {
                bold: face == Face::Bold,
                ..Style::default()
            },
            link: None,
        }];
        let mut lines = ts.wrap(ts.tokens(&spans, Face::Regular, size, INK), max_title, size);
        lines.truncate(1);
        let baseline = y + size;
        let mut items = Vec::new();
        if let Some(line) = lines.first() {
            ts.emit_line(line, x, baseline, max_title, Align::Left, size, &mut items);
            let tw = Typesetter::line_width(line);
            // Dot leaders between the title and the page number.
            let dot = fonts.width(Face::Regular, ".", size);
            let from = x + tw + 6.0;
            let to = right - nw - 4.0;
            if to > from + dot {
                let n = ((to - from) / (dot * 2.0)).floor().max(0.0) as usize;
                let leaders: String = std::iter::repeat_n(". ", n)
                    .collect::<String>()
                    .trim_end()
                    .to_string();
                let lw = fonts.width(Face::Regular, &leaders, size);
                items.push(Item::Text {
                    x: to - lw,
                    y: baseline,
                    size,
                    face: Face::Regular,
                    text: leaders,
                    color: RULE,
                });
            }
        }
        items.push(Item::Text {
            x: right - nw,
            y: baseline,
            size,
            face: Face::Regular,
            text: number,
            color: INK,
        });
        items.push(Item::Link {
            x,
            y: y + 1.0,
            w: right - x,
            h: TOC_LINE - 2.0,
            target: Target::Page {
                page: h.page,
                y: h.y,
            },
        });
        doc.pages[page].items.extend(items);
        y += TOC_LINE;
    }
}
