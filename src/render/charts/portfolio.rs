//! The dashboard's chart: the portfolio's recommendations by industry.

use super::*;
use crate::evaluate::assessment::SocOption;
use crate::evaluate::messages::{say, Message};

/// The portfolio's recommendations by industry, as stacked bars (in-house,
/// hybrid, outsourced), for the dashboard.
pub fn portfolio(p: &crate::render::Portfolio) -> Figure {
    let mut c = Canvas::new();
    let label_w = 150.0;
    let plot_x = label_w + 8.0;
    let plot_w = WIDTH - plot_x - 30.0;
    // The key, in the order the bars stack.
    let order = [SocOption::InHouse, SocOption::Hybrid, SocOption::Outsourced];
    let entries: Vec<(Sample, String)> = order
        .iter()
        .map(|o| {
            (
                Sample::Swatch(vec![option_color(*o)]),
                o.short().to_string(),
            )
        })
        .collect();
    let top = c.key(&entries, plot_x, 4.0, WIDTH) + 6.0;
    let max = p
        .industries
        .iter()
        .map(|m| m.total)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let unit = plot_w / max;
    // An industry's name wraps within the label column; its row grows.
    let rows: Vec<f32> = p
        .industries
        .iter()
        .map(|m| {
            let lines = text::wrap(&m.label, LABEL, false, label_w - 4.0).len() as f32;
            (lines * LABEL * LEADING + 8.0).max(22.0)
        })
        .collect();
    let mut y = top;
    for (m, h) in p.industries.iter().zip(&rows) {
        let middle = y + h / 2.0;
        c.on(Layer::Axes, |c| {
            c.label(
                label_w,
                middle,
                &m.label,
                label_w - 4.0,
                Anchor::End,
                (LABEL, INK, false),
            );
        });
        let mut x = plot_x;
        for (option, count) in order.into_iter().zip([m.in_house, m.hybrid, m.outsourced]) {
            if count == 0 {
                continue;
            }
            let w = count as f32 * unit;
            c.rect(x, middle - 8.0, w, 16.0, option_color(option));
            if w >= 16.0 {
                c.text(
                    x + w / 2.0,
                    middle + SMALL * 0.35,
                    count.to_string(),
                    SMALL,
                    Anchor::Middle,
                    Color(0xff, 0xff, 0xff),
                );
            }
            x += w;
        }
        c.text(
            x + 4.0,
            middle + SMALL * 0.35,
            m.total.to_string(),
            SMALL,
            Anchor::Start,
            MUTED,
        );
        y += h;
    }
    if p.industries.is_empty() {
        c.text(
            plot_x,
            top + 14.0,
            Message::NoOrganisations.template(),
            LABEL,
            Anchor::Start,
            MUTED,
        );
        y += 22.0;
    }
    let description = if p.industries.is_empty() {
        Message::NoOrganisationsAssessed.template().to_string()
    } else {
        let industries = p
            .industries
            .iter()
            .map(|m| {
                say(
                    Message::IndustryRecommendations,
                    &[
                        ("industry", &m.label),
                        ("in_house", &m.in_house.to_string()),
                        ("hybrid", &m.hybrid.to_string()),
                        ("outsourced", &m.outsourced.to_string()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        say(
            Message::PortfolioDescription,
            &[("industries", &industries)],
        )
    };
    c.figure(
        "portfolio.svg",
        Message::PortfolioTitle.template().into(),
        description,
        y + 8.0,
    )
}
