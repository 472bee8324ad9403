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
    let watermark = run
        .draft
        .then(|| watermark(fonts, theme, g.width, g.height));
    for (i, page) in doc.pages.iter_mut().enumerate() {
        // Under everything else on the page, so the text over it stays
        // legible; every page has a mark as its first item.
        if let Some(mark) = &watermark {
            page.items
                .splice(0..0, [Item::Mark(Mark::Artifact), mark.clone()]);
        }
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

/// "DRAFT" across the middle of the page, light enough to read through.
fn watermark(fonts: &FontSet, theme: &Theme, width: f32, height: f32) -> Item {
    let w = theme.watermark;
    let text = w.text.to_string();
    let length = fonts.width(Face::Bold, &text, w.size);
    let angle = w.angle_degrees.to_radians();
    let (sin, cos) = angle.sin_cos();
    // The baseline's start, so that the middle of the word's capitals sits
    // at the middle of the page (y grows down the page here).
    let cap = w.size * 0.7;
    Item::Turned {
        x: width / 2.0 - length / 2.0 * cos + cap / 2.0 * sin,
        y: height / 2.0 + length / 2.0 * sin + cap / 2.0 * cos,
        size: w.size,
        face: Face::Bold,
        text,
        color: w.color,
        angle,
    }
}
