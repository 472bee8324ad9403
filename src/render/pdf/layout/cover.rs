//! The cover page: the blocks before the first page break, set large, with
//! the accent bars at the top and bottom of the page.

use super::flow::Flow;
use super::{HeadingPlace, Item, Page, PageKind};
use crate::render::pdf::blocks::{plain_text, Align, Block};
use crate::render::pdf::fonts::Face;

pub(super) fn cover(flow: &mut Flow<'_>, blocks: &[Block]) {
    let g = flow.geo;
    let x = g.left;
    let width = g.content_width();
    let c = flow.theme.cover;
    let p = flow.theme.palette;
    let mut items = vec![
        Item::Rect {
            x: 0.0,
            y: 0.0,
            w: g.width,
            h: c.top_bar,
            fill: p.accent,
        },
        Item::Rect {
            x: 0.0,
            y: g.height - c.bottom_bar,
            w: g.width,
            h: c.bottom_bar,
            fill: p.accent,
        },
    ];
    let mut y = g.height * c.start;
    for block in blocks {
        match block {
            Block::Heading { spans, level } => {
                let size = if *level == 1 {
                    c.title_size
                } else {
                    c.subtitle_size
                };
                let toks = flow.ts.tokens(spans, Face::Bold, size, p.accent);
                for line in flow.ts.wrap(toks, width, size) {
                    flow.ts
                        .emit_line(&line, x, y + size, width, Align::Left, size, &mut items);
                    y += size * c.title_line;
                }
                let title = plain_text(spans);
                let id = flow.slugs.slug(&title);
                flow.headings.push(HeadingPlace {
                    level: *level,
                    title,
                    id,
                    page: 0,
                    y: g.height * c.start,
                });
                y += c.mark_before;
                items.push(Item::Rect {
                    x,
                    y,
                    w: c.mark_width,
                    h: c.mark_height,
                    fill: p.accent,
                });
                y += c.mark_after;
            }
            Block::Paragraph(spans) => {
                let size = c.text_size;
                let toks = flow.ts.tokens(spans, Face::Regular, size, p.muted);
                for line in flow.ts.wrap(toks, width, size) {
                    flow.ts
                        .emit_line(&line, x, y + size, width, Align::Left, size, &mut items);
                    y += size * c.text_line;
                }
                y += c.text_after;
            }
            Block::List { items: entries, .. } => {
                y += c.list_before;
                for entry in entries {
                    for b in entry {
                        if let Block::Paragraph(spans) = b {
                            let size = c.list_size;
                            let toks = flow.ts.tokens(spans, Face::Regular, size, p.ink);
                            for line in flow.ts.wrap(toks, width, size) {
                                flow.ts.emit_line(
                                    &line,
                                    x,
                                    y + size,
                                    width,
                                    Align::Left,
                                    size,
                                    &mut items,
                                );
                                y += size * c.list_line;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    flow.pages.push(Page {
        kind: PageKind::Cover,
        items,
    });
}
