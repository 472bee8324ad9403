//! The appraisal chart: each option's value, split into what money and
//! what the needs contribute.

use super::*;
use crate::evaluate::assessment::{Assessment, SocOption};
use crate::evaluate::messages::{say, Message};

/// Money: the money share times the money score; needs: the rest times
/// the need score. Lighter shade for money, the option's colour for needs.
const MONEY: Color = Color(0x9a, 0xa8, 0xb8);

pub(super) fn appraisal(a: &Assessment) -> Figure {
    let mut c = Canvas::new();
    let d = &a.decision;
    let label_w = 124.0;
    let plot_x = label_w + 10.0;
    let plot_w = WIDTH - plot_x - 40.0;
    let row = 32.0;
    let m = d.money_share;
    // Key: the two parts of each bar; the needs part takes each option's
    // colour.
    let needs: Vec<Color> = SocOption::ALL
        .iter()
        .filter(|o| d.options.contains_key(o))
        .map(|o| option_color(*o))
        .collect();
    let top = c.key(
        &[
            (
                Sample::Swatch(vec![MONEY]),
                say(
                    Message::MoneyPartKey,
                    &[("share", &crate::numbers::percent(m))],
                ),
            ),
            (Sample::Swatch(needs), Message::NeedsKey.template().into()),
        ],
        plot_x,
        4.0,
        WIDTH,
    ) + 8.0;
    let bottom = top + row * 3.0;
    c.on(Layer::Axes, |c| {
        for tick in 0..=4 {
            let x = plot_x + plot_w * tick as f32 / 4.0;
            c.line(x, top - 2.0, x, bottom, GRID, 0.6);
            c.text(
                x,
                bottom + 13.0,
                crate::numbers::fixed(f64::from(tick) / 4.0, 2),
                SMALL,
                Anchor::Middle,
                MUTED,
            );
        }
    });
    let mut described = Vec::new();
    for (i, option) in SocOption::ALL.iter().enumerate() {
        let Some(o) = d.options.get(option) else {
            continue;
        };
        let y = top + row * i as f32;
        let recommended = *option == a.recommendation.option;
        let label = if recommended {
            say(Message::OptionRecommended, &[("option", option.short())])
        } else if !o.feasible {
            say(Message::OptionRuledOut, &[("option", option.short())])
        } else {
            option.short().to_string()
        };
        c.on(Layer::Axes, |c| {
            c.label(
                label_w,
                y + row / 2.0,
                &label,
                label_w - 4.0,
                Anchor::End,
                (LABEL, INK, recommended),
            );
        });
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
            y + row / 2.0 + LABEL * 0.35,
            crate::numbers::fixed(o.value, 2),
            LABEL,
            Anchor::Start,
            INK,
        );
        described.push(say(
            Message::OptionValueParts,
            &[
                ("option", option.short()),
                ("value", &crate::numbers::fixed(o.value, 2)),
                ("money", &crate::numbers::fixed(m * o.money.score, 2)),
                ("needs", &crate::numbers::fixed((1.0 - m) * o.need_score, 2)),
                ("rank", &o.rank.to_string()),
            ],
        ));
    }
    let description = say(
        Message::AppraisalDescription,
        &[
            ("share", &crate::numbers::percent(m)),
            ("options", &described.join("; ")),
        ],
    );
    c.figure(
        "appraisal.svg",
        Message::AppraisalTitle.template().into(),
        description,
        bottom + 20.0,
    )
}
