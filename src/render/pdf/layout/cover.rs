//! The cover page: the blocks before the first page break, set large, with
//! the accent bars at the top and bottom of the page.

use super::flow::Flow;
use super::{HeadingPlace, Item, Page, PageKind, ACCENT, INK, MUTED};
use crate::render::pdf::blocks::{plain_text, Align, Block};
use crate::render::pdf::fonts::Face;

pub(super) fn cover(flow: &mut Flow<'_>, blocks: &[Block]) {
    let g = flow.geo;
    let x = g.left;
    let width = g.content_width();
    let mut items = vec![
        Item::Rect {
            x: 0.0,
            y: 0.0,
            w: g.width,
            h: 10.0,
            fill: ACCENT,
        },
        Item::Rect {
            x: 0.0,
            y: g.height - 6.0,
            w: g.width,
            h: 6.0,
            fill: ACCENT,
        },
    ];
    let mut y = g.height * 0.26;
    for block in blocks {
        match block {
            Block::Heading { spans, level } => {
                let size = if *level == 1 { 26.0 } else { 16.0 };
                let toks = flow.ts.tokens(spans, Face::Bold, size, ACCENT);
                for line in flow.ts.wrap(toks, width, size) {
                    flow.ts
                        .emit_line(&line, x, y + size, width, Align::Left, size, &mut items);
                    y += size * 1.2;
                }
                let title = plain_text(spans);
                let id = flow.slugs.slug(&title);
                flow.headings.push(HeadingPlace {
                    level: *level,
                    title,
                    id,
                    page: 0,
                    y: g.height * 0.26,
                });
                y += 10.0;
                items.push(Item::Rect {
                    x,
                    y,
                    w: 60.0,
                    h: 3.0,
                    fill: ACCENT,
                });
                y += 18.0;
            }
            Block::Paragraph(spans) => {
                let size = 12.0;
                let toks = flow.ts.tokens(spans, Face::Regular, size, MUTED);
                for line in flow.ts.wrap(toks, width, size) {
                    flow.ts
                        .emit_line(&line, x, y + size, width, Align::Left, size, &mut items);
                    y += size * 1.4;
                }
                y += 12.0;
            }
            Block::List { items: entries, .. } => {
                y += 18.0;
                for entry in entries {
                    for b in entry {
                        if let Block::Paragraph(spans) = b {
                            let size = 11.0;
                            let toks = flow.ts.tokens(spans, Face::Regular, size, INK);
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
                                y += size * 1.5;
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
