//! The cover page: the blocks before the first page break, with the accent
//! bars at the top and bottom of the page.
//!
//! Headings, paragraphs and the lines of a list (the report's facts) are
//! set large in the cover's own style. Any other block a template puts on
//! the cover (a quote, table, code, chart, rule, or a nested list) is laid
//! out by the normal flow from where the cover text has got to, so nothing
//! is dropped; should it not fit, the flow continues on a page of its own
//! before the contents.

use super::flow::Flow;
use super::{HeadingPlace, Item, Mark, Page, PageKind, Role};
use crate::render::charts::Color;
use crate::render::pdf::blocks::{plain_text, Align, Block, Span};
use crate::render::pdf::fonts::Face;

pub(super) fn cover(flow: &mut Flow<'_>, blocks: &[Block]) {
    let g = flow.geo;
    let c = flow.theme.cover;
    let accent = flow.theme.palette.accent;
    flow.pages.push(Page {
        kind: PageKind::Cover,
        items: vec![
            Item::Mark(Mark::Artifact),
            Item::Rect {
                x: 0.0,
                y: 0.0,
                w: g.width,
                h: c.top_bar,
                fill: accent,
            },
            Item::Rect {
                x: 0.0,
                y: g.height - c.bottom_bar,
                w: g.width,
                h: c.bottom_bar,
                fill: accent,
            },
        ],
    });
    flow.mark(Mark::Element(flow.current()));
    flow.y = g.height * c.start;
    for (i, block) in blocks.iter().enumerate() {
        cover_block(flow, block, &blocks[i + 1..]);
    }
}

fn cover_block(flow: &mut Flow<'_>, block: &Block, rest: &[Block]) {
    let g = flow.geo;
    let (x, width) = (g.left, g.content_width());
    let c = flow.theme.cover;
    let p = flow.theme.palette;
    match block {
        Block::Heading { spans, level } => {
            let top = flow.y;
            let size = if *level == 1 {
                c.title_size
            } else {
                c.subtitle_size
            };
            flow.open(Role::Heading(*level));
            set_lines(flow, spans, Face::Bold, p.accent, size, c.title_line);
            flow.close();
            let title = plain_text(spans);
            let id = flow.slugs.slug(&title);
            let page = flow.pages.len() - 1;
            flow.headings.push(HeadingPlace {
                level: *level,
                title,
                id,
                page,
                y: top,
            });
            flow.y += c.mark_before;
            let y = flow.y;
            flow.decoration([Item::Rect {
                x,
                y,
                w: c.mark_width,
                h: c.mark_height,
                fill: p.accent,
            }]);
            flow.y += c.mark_after;
        }
        Block::Paragraph(spans) => {
            flow.open(Role::P);
            set_lines(
                flow,
                spans,
                Face::Regular,
                p.muted,
                c.text_size,
                c.text_line,
            );
            flow.close();
            flow.y += c.text_after;
        }
        Block::List { items: entries, .. } => {
            flow.y += c.list_before;
            flow.open(Role::L);
            for entry in entries {
                flow.open(Role::LI);
                flow.open(Role::LBody);
                for (j, b) in entry.iter().enumerate() {
                    match b {
                        Block::Paragraph(spans) => {
                            flow.open(Role::P);
                            set_lines(flow, spans, Face::Regular, p.ink, c.list_size, c.list_line);
                            flow.close();
                        }
                        other => flow.block(other, &entry[j + 1..], x, width),
                    }
                }
                flow.close();
                flow.close();
            }
            flow.close();
        }
        // The cover ends at the first page break; a later one is the flow's.
        other => flow.block(other, rest, x, width),
    }
}

/// Lines of cover text at the cursor, `line` times the size apart.
fn set_lines(flow: &mut Flow<'_>, spans: &[Span], face: Face, color: Color, size: f32, line: f32) {
    let g = flow.geo;
    let (x, width) = (g.left, g.content_width());
    let tokens = flow.ts.tokens(spans, face, size, color);
    for l in flow.ts.wrap(tokens, width, size) {
        let mut items = Vec::new();
        let baseline = flow.y + size;
        flow.ts
            .emit_line(&l, x, baseline, width, Align::Left, size, &mut items);
        flow.items().extend(items);
        flow.y += size * line;
    }
}
