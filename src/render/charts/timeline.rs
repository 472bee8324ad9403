//! The roadmap as a timeline of phases.

use super::*;
use crate::evaluate::assessment::Assessment;
use crate::evaluate::messages::{say, Message};

/// The roadmap as a timeline of phases.
pub(super) fn roadmap(a: &Assessment) -> Figure {
    let mut c = Canvas::new();
    // Show the build and the first year of running; the long "review and
    // improve" phase is drawn up to the edge.
    let last_start = a.roadmap.iter().map(|p| p.start_month).fold(0.0, f64::max);
    let span = ((last_start + 6.0) / 6.0).ceil() * 6.0;
    let left = 200.0;
    let plot_w = WIDTH - left - 12.0;
    let x_of = |m: f64| left + (m.min(span) / span) as f32 * plot_w;
    let color = option_color(a.recommendation.option);
    let live = a.recommendation.monitoring_live_month;
    let key_end = c.key(
        &[
            (
                Sample::Swatch(vec![color]),
                say(
                    Message::PhaseKey,
                    &[("option", &a.recommendation.option.short().to_lowercase())],
                ),
            ),
            (
                Sample::Tick {
                    color: INK,
                    width: 0.8,
                    dashed: true,
                },
                say(
                    Message::MonitoringLiveKey,
                    &[("month", &crate::numbers::trim_float(live))],
                ),
            ),
        ],
        left,
        4.0,
        WIDTH,
    );
    let top = key_end + 24.0;
    // A phase's name wraps within the label column; its row grows to fit.
    let label_w = left - 14.0;
    let rows: Vec<f32> = a
        .roadmap
        .iter()
        .map(|p| {
            let lines = text::wrap(&p.phase, LABEL, false, label_w).len() as f32;
            (lines * LABEL * LEADING + 8.0).max(21.0)
        })
        .collect();
    let plot_h: f32 = rows.iter().sum();
    c.on(Layer::Axes, |c| {
        let mut m = 0.0;
        while m <= span + 0.01 {
            c.line(x_of(m), top - 4.0, x_of(m), top + plot_h, GRID, 0.6);
            c.text(
                x_of(m),
                top - 8.0,
                format!("M{}", m as u32),
                SMALL,
                Anchor::Middle,
                MUTED,
            );
            m += if span > 24.0 { 6.0 } else { 3.0 };
        }
    });
    let mut y = top;
    for (p, h) in a.roadmap.iter().zip(&rows) {
        c.on(Layer::Axes, |c| {
            c.label(
                left - 8.0,
                y + h / 2.0,
                &p.phase,
                label_w,
                Anchor::End,
                (LABEL, INK, false),
            );
        });
        let x = x_of(p.start_month);
        c.rect(
            x,
            y + h / 2.0 - 6.0,
            (x_of(p.end_month) - x).max(2.0),
            12.0,
            color,
        );
        y += h;
    }
    c.dashed(x_of(live), top - 2.0, x_of(live), top + plot_h, INK);
    c.figure(
        "roadmap.svg",
        "Roadmap".into(),
        say(
            Message::RoadmapDescription,
            &[
                (
                    "phases",
                    &a.roadmap
                        .iter()
                        .map(|p| {
                            say(
                                Message::PhaseMonths,
                                &[
                                    ("phase", &p.phase),
                                    ("start", &p.start_month.to_string()),
                                    ("end", &p.end_month.to_string()),
                                ],
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                ("month", &crate::numbers::trim_float(live)),
            ],
        ),
        top + plot_h + 8.0,
    )
}
