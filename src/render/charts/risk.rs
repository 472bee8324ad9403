//! Risk charts: the heat map and the expected yearly loss.

use super::*;
use crate::evaluate::assessment::{Assessment, SocOption};
use crate::evaluate::words::money_short;

/// Expected yearly loss in steady state for the status quo and each
/// option: the P10-P90 range as a bar, the median as a mark.
pub fn expected_loss(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let l = &a.expected_loss;
    let cur = &l.currency;
    let rows: Vec<(&str, Color, crate::evaluate::assessment::LossRange)> =
        std::iter::once(("Status quo", MUTED, l.status_quo))
            .chain(SocOption::ALL.iter().filter_map(|o| {
                l.options
                    .get(o)
                    .map(|x| (o.short(), option_color(*o), x.steady_state))
            }))
            .collect();
    let max = rows.iter().map(|r| r.2.p90).fold(0.0, f64::max);
    let (axis_max, step) = nice_axis(max.max(1.0));
    let (left, top, plot_w, row) = (92.0, 12.0, WIDTH - 110.0, 30.0);
    let plot_h = row * rows.len() as f32;
    let x_of = |v: f64| left + (v / axis_max) as f32 * plot_w;
    c.grid_across(axis_max, step, left, top, plot_w, plot_h);
    for (i, (name, color, r)) in rows.iter().enumerate() {
        let y = top + row * i as f32;
        c.text(
            left - 8.0,
            y + row / 2.0 + 3.0,
            *name,
            9.0,
            Anchor::End,
            INK,
        );
        let (x10, x90) = (x_of(r.p10), x_of(r.p90));
        c.rect(x10, y + 8.0, (x90 - x10).max(1.5), row - 16.0, *color);
        let x50 = x_of(r.p50);
        c.line(x50, y + 4.0, x50, y + row - 4.0, INK, 1.6);
    }
    c.line(left, top + plot_h, left + plot_w, top + plot_h, MUTED, 0.8);
    let description = format!(
        "Expected yearly loss from material breaches in {cur}, P10 to P90 with the median: {}.",
        rows.iter()
            .map(|(n, _, r)| format!(
                "{n} {} to {} (median {})",
                money_short(cur, r.p10),
                money_short(cur, r.p90),
                money_short(cur, r.p50)
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    Figure {
        name: "loss.svg",
        title: format!("Expected yearly loss, P10 to P90 ({cur})"),
        description,
        width: WIDTH,
        height: top + plot_h + 20.0,
        shapes: c.shapes,
    }
}

/// The 5x5 heat map: likelihood up, impact across, risk counts in cells.
pub fn heat_map(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let cell = 50.0;
    let (left, top) = (150.0, 10.0);
    let labels = ["Very low", "Low", "Moderate", "High", "Very high"];
    for l in (1..=5u32).rev() {
        let y = top + cell * (5 - l) as f32;
        c.text(
            left - 8.0,
            y + cell / 2.0 + 3.0,
            format!("{} ({l})", labels[l as usize - 1]),
            8.5,
            Anchor::End,
            INK,
        );
        for i in 1..=5u32 {
            let x = left + cell * (i - 1) as f32;
            c.rect(x, y, cell - 2.0, cell - 2.0, band_color(l * i));
            let n = a.heat_map.counts[l as usize - 1][i as usize - 1];
            if n > 0 {
                c.bold(
                    x + cell / 2.0 - 1.0,
                    y + cell / 2.0 + 4.0,
                    n.to_string(),
                    12.0,
                    Anchor::Middle,
                    INK,
                );
            }
        }
    }
    for i in 1..=5u32 {
        let x = left + cell * (i - 1) as f32 + cell / 2.0 - 1.0;
        c.text(
            x,
            top + cell * 5.0 + 12.0,
            labels[i as usize - 1],
            8.0,
            Anchor::Middle,
            INK,
        );
    }
    c.text(
        left + cell * 2.5,
        top + cell * 5.0 + 26.0,
        "Impact",
        9.0,
        Anchor::Middle,
        MUTED,
    );
    c.text(
        left - 8.0,
        top + cell * 5.0 + 12.0,
        "Likelihood",
        9.0,
        Anchor::End,
        MUTED,
    );
    let cells: Vec<String> = (1..=5)
        .rev()
        .flat_map(|l| (1..=5).map(move |i| (l, i)))
        .filter_map(|(l, i)| {
            let n = a.heat_map.counts[l - 1][i - 1];
            (n > 0).then(|| format!("{n} at likelihood {l}, impact {i}"))
        })
        .collect();
    Figure {
        name: "heatmap.svg",
        title: "Risk heat map".into(),
        description: format!(
            "Heat map of {} risks by likelihood and impact (1-5): {}.",
            a.risks.len(),
            if cells.is_empty() {
                "none".to_string()
            } else {
                cells.join("; ")
            }
        ),
        width: WIDTH,
        height: top + cell * 5.0 + 32.0,
        shapes: c.shapes,
    }
}
