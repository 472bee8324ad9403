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
use super::running::truncate_to;
use super::{HeadingPlace, Item, Mark, Page, PageKind, Role, Running};
use crate::render::charts::Color;
use crate::render::pdf::blocks::{plain_text, Align, Block, Span};
use crate::render::pdf::fonts::Face;

pub(super) fn cover(flow: &mut Flow<'_>, blocks: &[Block], run: &Running) {
    let g = flow.geo;
    let c = flow.theme.cover;
    let accent = flow.theme.palette.accent;
    let mut items = vec![
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
    ];
    // The classification band: the handling rule is the first thing a
    // reader sees (the facts below say it again, for screen readers).
    let size = c.band_size;
    let baseline = (c.top_bar + size * 0.7) / 2.0;
    let white = Color(0xff, 0xff, 0xff);
    let half = g.content_width() / 2.0;
    let class = truncate_to(
        flow.fonts,
        &run.classification.to_uppercase(),
        Face::Bold,
        size,
        half,
    );
    band_text(flow, &mut items, g.left, baseline, &class, size, white);
    if run.draft {
        let status = flow.theme.watermark.text;
        let w = flow.fonts.width(Face::Bold, status, size);
        band_text(
            flow,
            &mut items,
            g.width - g.right - w,
            baseline,
            status,
            size,
            white,
        );
    }
    flow.pages.push(Page {
        kind: PageKind::Cover,
        items,
    });
    flow.mark(Mark::Element(flow.current()));
    // The logos (the organisation's first, then the preparer's) share a
    // row under the band, at the left and right margins.
    let logos: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image { path, .. } if flow.drawable(path).is_some() => Some(path.as_str()),
            _ => None,
        })
        .take(2)
        .collect();
    for (n, path) in logos.iter().enumerate() {
        let Some(index) = flow.drawable(path) else {
            continue;
        };
        let (w, h) = flow.picture_size(index, g.content_width() / 2.5, c.logo_height);
        let x = if n == 0 {
            g.left
        } else {
            g.width - g.right - w
        };
        flow.decoration([Item::Image {
            x,
            y: c.top_bar + c.logo_top + (c.logo_height - h) / 2.0,
            w,
            h,
            picture: index,
        }]);
    }
    flow.y = g.height * c.start;
    let last = blocks.len().saturating_sub(1);
    for (i, block) in blocks.iter().enumerate() {
        if matches!(block, Block::Image { path, .. } if logos.contains(&path.as_str())) {
            continue;
        }
        // The facts (prepared for, by, date, status) close the cover at
        // the foot of the page, as a title page's imprint does.
        if let Block::List { items, .. } = block {
            if i == last {
                let height = c.list_before + items.len() as f32 * c.list_size * c.list_line;
                let foot = g.height - g.bottom - height;
                flow.y = flow.y.max(foot);
            }
        }
        cover_block(flow, block, &blocks[i + 1..]);
    }
}

/// Text in the cover's band, in the bundled faces or a fallback.
fn band_text(
    flow: &Flow<'_>,
    items: &mut Vec<Item>,
    x: f32,
    baseline: f32,
    text: &str,
    size: f32,
    color: Color,
) {
    let mut pen = x;
    for (face, run) in flow.fonts.runs(Face::Bold, text) {
        let w = flow.fonts.width(face, &run, size);
        items.push(Item::Text {
            x: pen,
            y: baseline,
            size,
            face,
            text: run,
            color,
        });
        pen += w;
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
