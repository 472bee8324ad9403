//! Risk charts: the heat map and the expected yearly loss.

use super::*;
use crate::evaluate::assessment::{Assessment, SocOption};
use crate::evaluate::messages::{say, Message};
use crate::numbers::money_short;

/// Expected yearly loss in steady state for the status quo and each
/// option: the P10-P90 range as a bar, the median as a mark.
pub(super) fn expected_loss(a: &Assessment) -> Figure {
    let mut c = Canvas::new();
    let l = &a.expected_loss;
    let cur = &l.currency;
    let rows: Vec<(&str, Color, crate::evaluate::assessment::LossRange)> =
        std::iter::once((Message::StatusQuo.template(), MUTED, l.status_quo))
            .chain(SocOption::ALL.iter().filter_map(|o| {
                l.options
                    .get(o)
                    .map(|x| (o.short(), option_color(*o), x.steady_state))
            }))
            .collect();
    let max = rows.iter().map(|r| r.2.p90).fold(0.0, f64::max);
    let (axis_max, step) = nice_axis(max.max(1.0));
    let (left, plot_w, row) = (92.0, WIDTH - 110.0, 30.0);
    let top = c.key(
        &[
            (
                Sample::Swatch(rows.iter().map(|r| r.1).collect()),
                "P10 to P90".into(),
            ),
            (
                Sample::Tick {
                    color: INK,
                    width: 1.6,
                    dashed: false,
                },
                "median".into(),
            ),
        ],
        left,
        4.0,
        WIDTH,
    ) + 4.0;
    let plot_h = row * rows.len() as f32;
    let x_of = |v: f64| left + (v / axis_max) as f32 * plot_w;
    c.grid_across(axis_max, step, left, plot_w, &[(top, top + plot_h)]);
    for (i, (name, color, r)) in rows.iter().enumerate() {
        let y = top + row * i as f32;
        c.on(Layer::Axes, |c| {
            c.label(
                left - 8.0,
                y + row / 2.0,
                name,
                left - 12.0,
                Anchor::End,
                (LABEL, INK, false),
            );
        });
        let (x10, x90) = (x_of(r.p10), x_of(r.p90));
        c.rect(x10, y + 8.0, (x90 - x10).max(1.5), row - 16.0, *color);
        let x50 = x_of(r.p50);
        c.line(x50, y + 4.0, x50, y + row - 4.0, INK, 1.6);
    }
    let ranges = rows
        .iter()
        .map(|(n, _, r)| {
            say(
                Message::RangeWithMedian,
                &[
                    ("name", n),
                    ("p10", &money_short(cur, r.p10)),
                    ("p90", &money_short(cur, r.p90)),
                    ("p50", &money_short(cur, r.p50)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let description = say(
        Message::LossDescription,
        &[("currency", cur), ("ranges", &ranges)],
    );
    c.figure(
        "loss.svg",
        say(Message::LossTitle, &[("currency", cur)]),
        description,
        top + plot_h + 20.0,
    )
}

/// The bands of a rating (likelihood times impact) and their colours.
const BANDS: [(&str, u32); 4] = [
    ("low (1\u{2013}4)", 1),
    ("medium (5\u{2013}9)", 5),
    ("high (10\u{2013}16)", 10),
    ("critical (20\u{2013}25)", 20),
];

/// The 5x5 heat map: likelihood up, impact across, each numbered 1 to 5
/// and titled in a row of its own, risk counts in the cells.
pub(super) fn heat_map(a: &Assessment) -> Figure {
    let mut c = Canvas::new();
    let cell = 54.0;
    let left = 150.0;
    let words = Message::LEVELS.map(Message::template);
    let key: Vec<(Sample, String)> = BANDS
        .iter()
        .map(|(name, rating)| {
            (
                Sample::Swatch(vec![band_color(*rating)]),
                (*name).to_string(),
            )
        })
        .collect();
    let key_left = ((WIDTH - Canvas::key_width(&key)) / 2.0).max(0.0);
    let key_end = c.key(&key, key_left, 4.0, WIDTH);
    // The likelihood axis: its title over the column of its labels, each
    // row named and numbered.
    let title_row = key_end + 14.0;
    let top = title_row + 8.0;
    let (number_x, word_x) = (left - 8.0, left - 26.0);
    c.on(Layer::Axes, |c| {
        c.bold(number_x, title_row, "Likelihood", LABEL, Anchor::End, INK);
        for l in 1..=5u32 {
            let middle = top + cell * (5 - l) as f32 + cell / 2.0 - 1.0;
            c.text(
                number_x,
                middle + LABEL * 0.35,
                l.to_string(),
                LABEL,
                Anchor::End,
                INK,
            );
            c.label(
                word_x,
                middle,
                words[l as usize - 1],
                word_x - 4.0,
                Anchor::End,
                (LABEL, MUTED, false),
            );
        }
    });
    for l in 1..=5u32 {
        let y = top + cell * (5 - l) as f32;
        for i in 1..=5u32 {
            let x = left + cell * (i - 1) as f32;
            c.rect(x, y, cell - 2.0, cell - 2.0, band_color(l * i));
            let n = a.heat_map.counts[l as usize - 1][i as usize - 1];
            if n > 0 {
                c.bold(
                    x + cell / 2.0 - 1.0,
                    y + cell / 2.0 + 4.5,
                    n.to_string(),
                    13.0,
                    Anchor::Middle,
                    INK,
                );
            }
        }
    }
    // The impact axis: each column numbered and named, then its title in a
    // row of its own.
    let bottom = top + cell * 5.0;
    c.on(Layer::Axes, |c| {
        for i in 1..=5u32 {
            let x = left + cell * (i - 1) as f32 + cell / 2.0 - 1.0;
            c.text(x, bottom + 12.0, i.to_string(), LABEL, Anchor::Middle, INK);
            c.text(
                x,
                bottom + 25.0,
                words[i as usize - 1],
                SMALL,
                Anchor::Middle,
                MUTED,
            );
        }
        c.bold(
            left + cell * 2.5 - 1.0,
            bottom + 42.0,
            "Impact",
            LABEL,
            Anchor::Middle,
            INK,
        );
    });
    let cells: Vec<String> = (1..=5)
        .rev()
        .flat_map(|l| (1..=5).map(move |i| (l, i)))
        .filter_map(|(l, i)| {
            let n = a.heat_map.counts[l - 1][i - 1];
            (n > 0).then(|| {
                say(
                    Message::HeatMapCell,
                    &[
                        ("count", &n.to_string()),
                        ("likelihood", &l.to_string()),
                        ("impact", &i.to_string()),
                    ],
                )
            })
        })
        .collect();
    c.figure(
        "heatmap.svg",
        Message::HeatMapTitle.template().into(),
        say(
            Message::HeatMapDescription,
            &[
                ("risks", &a.risks.len().to_string()),
                (
                    "cells",
                    &if cells.is_empty() {
                        "none".to_string()
                    } else {
                        cells.join("; ")
                    },
                ),
            ],
        ),
        bottom + 50.0,
    )
}
