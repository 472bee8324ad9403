//! The considerations chart: each consideration's score as a bar.

use super::*;
use crate::evaluate::assessment::Assessment;

/// Consideration scores as bars diverging from zero.
pub fn considerations(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let label_w = 168.0;
    // Room between the labels and the plot for a -2.0 bar's value, and
    // as much on the right for a +2.0 bar's.
    let plot_x = label_w + 34.0;
    let plot_w = WIDTH - plot_x - 34.0;
    let row = 22.0;
    let top = 24.0;
    let zero = plot_x + plot_w / 2.0;
    let unit = plot_w / 4.0;
    let n = a.considerations.len() as f32;
    let bottom = top + row * n;
    c.text(
        plot_x,
        14.0,
        "favours outsourcing",
        8.5,
        Anchor::Start,
        MUTED,
    );
    c.text(
        plot_x + plot_w,
        14.0,
        "favours in-house",
        8.5,
        Anchor::End,
        MUTED,
    );
    for tick in -2..=2 {
        let x = zero + tick as f32 * unit;
        c.line(
            x,
            top - 4.0,
            x,
            bottom,
            GRID,
            if tick == 0 { 1.2 } else { 0.6 },
        );
        c.text(
            x,
            bottom + 12.0,
            format!("{tick:+}").replace("+0", "0"),
            8.0,
            Anchor::Middle,
            MUTED,
        );
    }
    for (i, k) in a.considerations.iter().enumerate() {
        let y = top + row * i as f32;
        c.text(
            label_w,
            y + row * 0.65,
            k.label.clone(),
            9.0,
            Anchor::End,
            INK,
        );
        let score = k.score.clamp(-2.0, 2.0) as f32;
        let (x, w) = if score >= 0.0 {
            (zero, score * unit)
        } else {
            (zero + score * unit, -score * unit)
        };
        let color = if score >= 0.0 {
            TOWARD_IN_HOUSE
        } else {
            TOWARD_OUTSOURCING
        };
        c.rect(x, y + 4.0, w, row - 8.0, color);
        let (tx, anchor) = if score >= 0.0 {
            (x + w + 4.0, Anchor::Start)
        } else {
            (x - 4.0, Anchor::End)
        };
        c.text(
            tx,
            y + row * 0.65,
            format!("{:+.1}", k.score).replace("+0.0", "0.0"),
            8.5,
            anchor,
            INK,
        );
    }
    let description = format!(
        "Scores of the eight considerations from -2 (favours outsourcing) to +2 (favours in-house): {}.",
        a.considerations.iter().map(|k| format!("{} {:+.1}", k.label, k.score)).collect::<Vec<_>>().join("; ")
    );
    Figure {
        name: "considerations.svg",
        title: "Consideration scores".into(),
        description,
        width: WIDTH,
        height: bottom + 20.0,
        shapes: c.shapes,
    }
}
