//! The dashboard's chart: the portfolio's recommendations by industry.

use super::*;
use crate::evaluate::assessment::SocOption;

/// The portfolio's recommendations by industry, as stacked bars (in-house,
/// hybrid, outsourced), for the dashboard.
pub fn portfolio(p: &crate::render::Portfolio) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let label_w = 150.0;
    let plot_x = label_w + 8.0;
    let plot_w = WIDTH - plot_x - 30.0;
    let row = 20.0;
    let top = 30.0;
    // The legend, in the order the bars stack.
    let order = [SocOption::InHouse, SocOption::Hybrid, SocOption::Outsourced];
    let mut x = plot_x;
    for option in order {
        c.rect(x, 8.0, 10.0, 10.0, option_color(option));
        c.text(x + 14.0, 17.0, option.short(), 9.0, Anchor::Start, INK);
        x += 90.0;
    }
    let max = p
        .industries
        .iter()
        .map(|m| m.total)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let unit = plot_w / max;
    for (i, m) in p.industries.iter().enumerate() {
        let y = top + row * i as f32;
        c.text(
            label_w,
            y + row * 0.65,
            m.label.clone(),
            9.0,
            Anchor::End,
            INK,
        );
        let mut x = plot_x;
        for (option, count) in order.into_iter().zip([m.in_house, m.hybrid, m.outsourced]) {
            if count == 0 {
                continue;
            }
            let w = count as f32 * unit;
            c.rect(x, y + 3.0, w, row - 6.0, option_color(option));
            if w >= 14.0 {
                c.text(
                    x + w / 2.0,
                    y + row * 0.68,
                    count.to_string(),
                    8.5,
                    Anchor::Middle,
                    Color(0xff, 0xff, 0xff),
                );
            }
            x += w;
        }
        c.text(
            x + 4.0,
            y + row * 0.68,
            m.total.to_string(),
            8.5,
            Anchor::Start,
            MUTED,
        );
    }
    if p.industries.is_empty() {
        c.text(
            plot_x,
            top + row * 0.65,
            "No organisations",
            9.0,
            Anchor::Start,
            MUTED,
        );
    }
    let rows = p.industries.len().max(1) as f32;
    let description = if p.industries.is_empty() {
        "No organisations were assessed.".to_string()
    } else {
        format!(
            "Recommendations by industry: {}.",
            p.industries
                .iter()
                .map(|m| format!(
                    "{} {} in-house, {} hybrid, {} outsourced",
                    m.label, m.in_house, m.hybrid, m.outsourced
                ))
                .collect::<Vec<_>>()
                .join("; ")
        )
    };
    Figure {
        name: "portfolio.svg",
        title: "Recommendation by industry".into(),
        description,
        width: WIDTH,
        height: top + row * rows + 8.0,
        shapes: c.shapes,
    }
}
