//! The running header (organisation, classification) and footer (report
//! line, "Page X of Y"), added to every page but the cover once the page
//! count is known.

use super::theme::Theme;
use super::{Document, Item, Mark, PageKind, Running};
use crate::render::pdf::fonts::{Face, FontSet};

pub(super) fn truncate_to(
    fonts: &FontSet,
    text: &str,
    face: Face,
    size: f32,
    width: f32,
) -> String {
    if fonts.width(face, text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if fonts.width(face, &out, size) + fonts.width(face, &format!("{c}\u{2026}"), size) > width
        {
            break;
        }
        out.push(c);
    }
    out.push('\u{2026}');
    out
}

pub(super) fn running(doc: &mut Document, fonts: &FontSet, theme: &Theme, run: &Running) {
    let g = doc.geometry;
    let total = doc.pages.len();
    let r = theme.running;
    let (muted, rule) = (theme.palette.muted, theme.palette.rule);
    let size = r.size;
    let half = g.content_width() / 2.0 - r.middle;
    for (i, page) in doc.pages.iter_mut().enumerate() {
        if page.kind == PageKind::Cover {
            continue;
        }
        let head_y = g.top - r.header_rise;
        let org = truncate_to(fonts, &run.organisation, Face::Regular, size, half);
        let class = truncate_to(fonts, &run.classification, Face::Bold, size, half);
        let cw = fonts.width(Face::Bold, &class, size);
        let foot_y = g.height - g.bottom + r.footer_drop;
        let number = format!("Page {} of {}", i + 1, total);
        let nw = fonts.width(Face::Regular, &number, size);
        let footer = truncate_to(fonts, &run.footer, Face::Regular, size, half);
        // Running heads and page numbers are artifacts: a reader hears
        // them once, not on every page.
        let mut items = vec![Item::Mark(Mark::Artifact)];
        for (x, text, face, y) in [
            (g.left, org, Face::Regular, head_y),
            (g.width - g.right - cw, class, Face::Bold, head_y),
            (g.left, footer, Face::Regular, foot_y),
            (g.width - g.right - nw, number, Face::Regular, foot_y),
        ] {
            let mut pen = x;
            for (f, run_text) in fonts.runs(face, &text) {
                let w = fonts.width(f, &run_text, size);
                items.push(Item::Text {
                    x: pen,
                    y,
                    size,
                    face: f,
                    text: run_text,
                    color: muted,
                });
                pen += w;
            }
        }
        items.push(Item::Line {
            x1: g.left,
            y1: head_y + r.header_rule,
            x2: g.width - g.right,
            y2: head_y + r.header_rule,
            width: r.rule_width,
            color: rule,
            dashed: false,
        });
        items.push(Item::Line {
            x1: g.left,
            y1: foot_y - r.footer_rule,
            x2: g.width - g.right,
            y2: foot_y - r.footer_rule,
            width: r.rule_width,
            color: rule,
            dashed: false,
        });
        page.items.extend(items);
    }
}
