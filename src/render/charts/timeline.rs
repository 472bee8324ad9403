//! The roadmap as a timeline of phases.

use super::*;
use crate::evaluate::assessment::Assessment;

/// The roadmap as a timeline of phases.
pub fn roadmap(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    // Show the build and the first year of running; the long "review and
    // improve" phase is drawn up to the edge.
    let last_start = a.roadmap.iter().map(|p| p.start_month).fold(0.0, f64::max);
    let span = ((last_start + 6.0) / 6.0).ceil() * 6.0;
    let (left, top, row) = (200.0, 22.0, 20.0);
    let plot_w = WIDTH - left - 10.0;
    let x_of = |m: f64| left + (m.min(span) / span) as f32 * plot_w;
    let n = a.roadmap.len() as f32;
    let mut m = 0.0;
    while m <= span + 0.01 {
        c.line(x_of(m), top - 4.0, x_of(m), top + row * n, GRID, 0.6);
        c.text(
            x_of(m),
            top - 8.0,
            format!("M{}", m as u32),
            8.0,
            Anchor::Middle,
            MUTED,
        );
        m += if span > 24.0 { 6.0 } else { 3.0 };
    }
    let color = option_color(a.recommendation.option);
    for (i, p) in a.roadmap.iter().enumerate() {
        let y = top + row * i as f32;
        c.text(
            left - 8.0,
            y + row * 0.65,
            p.phase.clone(),
            8.5,
            Anchor::End,
            INK,
        );
        let x = x_of(p.start_month);
        c.rect(
            x,
            y + 4.0,
            (x_of(p.end_month) - x).max(2.0),
            row - 8.0,
            color,
        );
    }
    let live = a.recommendation.monitoring_live_month;
    c.dashed(x_of(live), top - 2.0, x_of(live), top + row * n, INK);
    c.text(
        x_of(live) + 3.0,
        top + row * n + 12.0,
        format!(
            "monitoring live, month {}",
            crate::evaluate::words::trim_float(live)
        ),
        8.0,
        Anchor::Start,
        INK,
    );
    Figure {
        name: "roadmap.svg",
        title: "Roadmap".into(),
        description: format!(
            "Roadmap timeline in months from the decision: {}.",
            a.roadmap
                .iter()
                .map(|p| format!("{} months {}-{}", p.phase, p.start_month, p.end_month))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        width: WIDTH,
        height: top + row * n + 20.0,
        shapes: c.shapes,
    }
}
