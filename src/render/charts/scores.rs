//! The appraisal chart: each option's value, split into what money and
//! what the needs contribute.

use super::*;
use crate::evaluate::assessment::Assessment;

/// Money: the money share times the money score; needs: the rest times
/// the need score. Lighter shade for money, the option's colour for needs.
const MONEY: Color = Color(0x9a, 0xa8, 0xb8);

pub fn appraisal(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let d = &a.decision;
    let label_w = 120.0;
    let plot_x = label_w + 10.0;
    let plot_w = WIDTH - plot_x - 40.0;
    let row = 30.0;
    let top = 30.0;
    let m = d.money_share;
    // Key: the two parts of each bar.
    c.rect(plot_x, 8.0, 10.0, 10.0, MONEY);
    c.text(
        plot_x + 14.0,
        17.0,
        format!(
            "money ({} of the value)",
            crate::evaluate::words::percent(m)
        ),
        9.0,
        Anchor::Start,
        INK,
    );
    c.rect(plot_x + 190.0, 8.0, 10.0, 10.0, MUTED);
    c.text(
        plot_x + 204.0,
        17.0,
        "needs (in the option's colour)",
        9.0,
        Anchor::Start,
        INK,
    );
    let bottom = top + row * 3.0;
    for tick in 0..=4 {
        let x = plot_x + plot_w * tick as f32 / 4.0;
        c.line(x, top - 2.0, x, bottom, GRID, 0.6);
        c.text(
            x,
            bottom + 12.0,
            format!("{:.2}", f64::from(tick) / 4.0),
            8.0,
            Anchor::Middle,
            MUTED,
        );
    }
    let mut described = Vec::new();
    for (i, option) in SocOption::ALL.iter().enumerate() {
        let Some(o) = d.options.get(option) else {
            continue;
        };
        let y = top + row * i as f32;
        let recommended = *option == a.recommendation.option;
        let label = if recommended {
            format!("{} (recommended)", option.short())
        } else if !o.feasible {
            format!("{} (ruled out)", option.short())
        } else {
            option.short().to_string()
        };
        if recommended {
            c.bold(label_w, y + row * 0.6, label, 9.0, Anchor::End, INK);
        } else {
            c.text(label_w, y + row * 0.6, label, 9.0, Anchor::End, INK);
        }
        let money_part = (m * o.money.score) as f32;
        let need_part = ((1.0 - m) * o.need_score) as f32;
        c.rect(plot_x, y + 6.0, money_part * plot_w, row - 12.0, MONEY);
        c.rect(
            plot_x + money_part * plot_w,
            y + 6.0,
            need_part * plot_w,
            row - 12.0,
            option_color(*option),
        );
        c.text(
            plot_x + (money_part + need_part) * plot_w + 4.0,
            y + row * 0.6,
            format!("{:.2}", o.value),
            8.5,
            Anchor::Start,
            INK,
        );
        described.push(format!(
            "{} {:.2} (money {:.2}, needs {:.2}, rank {})",
            option.short(),
            o.value,
            m * o.money.score,
            (1.0 - m) * o.need_score,
            o.rank
        ));
    }
    let description = format!(
        "Value of each option on a scale of 0 to 1, money carrying {} and the needs the rest: {}.",
        crate::evaluate::words::percent(m),
        described.join("; ")
    );
    Figure {
        name: "appraisal.svg",
        title: "Options appraisal: value of each option".into(),
        description,
        width: WIDTH,
        height: bottom + 20.0,
        shapes: c.shapes,
    }
}
