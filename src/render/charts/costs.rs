//! Cost charts: each option's range over the horizon, its cost per year and
//! its cumulative cost against the money available.

use super::*;
use crate::evaluate::assessment::{Assessment, SocOption};
use crate::evaluate::messages::{say, Message};
use crate::numbers::money_short;

/// Each option's total over the horizon: the P10-P90 range as a bar, the
/// median and the likely value as marks, and the money available.
pub(super) fn cost_ranges(a: &Assessment) -> Figure {
    let mut c = Canvas::new();
    let cur = &a.costs.currency;
    let max = a
        .costs
        .options
        .values()
        .map(|o| o.range.p90.max(o.total))
        .fold(a.costs.available, f64::max);
    let (axis_max, step) = nice_axis(max);
    let (left, plot_w, row) = (92.0, WIDTH - 110.0, 34.0);
    let colors: Vec<Color> = SocOption::ALL
        .iter()
        .filter(|o| a.costs.options.contains_key(o))
        .map(|o| option_color(*o))
        .collect();
    let top = c.key(
        &[
            (Sample::Swatch(colors), "P10 to P90".into()),
            (
                Sample::Tick {
                    color: INK,
                    width: 1.6,
                    dashed: false,
                },
                "median".into(),
            ),
            (
                Sample::Tick {
                    color: INK,
                    width: 0.8,
                    dashed: true,
                },
                Message::LikelyValueKey.template().into(),
            ),
            (
                Sample::Tick {
                    color: MUTED,
                    width: 1.2,
                    dashed: false,
                },
                Message::MoneyAvailableKey.template().into(),
            ),
        ],
        left,
        4.0,
        WIDTH,
    ) + 6.0;
    let plot_h = row * 3.0;
    let x_of = |v: f64| left + (v / axis_max) as f32 * plot_w;
    c.grid_across(axis_max, step, left, plot_w, &[(top, top + plot_h)]);
    for (i, option) in SocOption::ALL.iter().enumerate() {
        let Some(o) = a.costs.options.get(option) else {
            continue;
        };
        let y = top + row * i as f32;
        let color = option_color(*option);
        c.on(Layer::Axes, |c| {
            c.label(
                left - 8.0,
                y + row / 2.0,
                option.short(),
                left - 12.0,
                Anchor::End,
                (LABEL, INK, false),
            );
        });
        let (x10, x90) = (x_of(o.range.p10), x_of(o.range.p90));
        c.rect(x10, y + 9.0, (x90 - x10).max(1.5), row - 18.0, color);
        let x50 = x_of(o.range.p50);
        c.line(x50, y + 5.0, x50, y + row - 5.0, INK, 1.6);
        let xl = x_of(o.total);
        c.dashed(xl, y + 3.0, xl, y + row - 3.0, INK);
    }
    let xa = x_of(a.costs.available);
    c.line(xa, top - 4.0, xa, top + plot_h, MUTED, 1.2);
    let years = a.costs.horizon_years.to_string();
    let options = SocOption::ALL
        .iter()
        .filter_map(|o| a.costs.options.get(o).map(|c| (o, c)))
        .map(|(o, c)| {
            say(
                Message::CostRangeOfOption,
                &[
                    ("option", o.short()),
                    ("p10", &money_short(cur, c.range.p10)),
                    ("p90", &money_short(cur, c.range.p90)),
                    ("p50", &money_short(cur, c.range.p50)),
                    ("likely", &money_short(cur, c.total)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let description = say(
        Message::CostRangesDescription,
        &[
            ("years", &years),
            ("currency", cur),
            ("options", &options),
            ("available", &money_short(cur, a.costs.available)),
        ],
    );
    c.figure(
        "ranges.svg",
        say(
            Message::CostRangesTitle,
            &[("years", &years), ("currency", cur)],
        ),
        description,
        top + plot_h + 20.0,
    )
}

/// Yearly cost per option as grouped bars.
pub(super) fn costs_per_year(a: &Assessment) -> Figure {
    let mut c = Canvas::new();
    let years = a.costs.horizon_years as usize;
    let max = a
        .costs
        .options
        .values()
        .flat_map(|o| o.years.iter().map(|y| y.total))
        .fold(0.0, f64::max);
    let (axis_max, step) = nice_axis(max);
    let (left, plot_w, plot_h) = (60.0, WIDTH - 70.0, 180.0);
    let top = c.option_key(left, 4.0) + 8.0;
    c.grid_up(axis_max, step, left, top, plot_w, plot_h);
    let group = plot_w / years.max(1) as f32;
    let bar = (group * 0.8 / 3.0).min(28.0);
    for y in 0..years {
        let gx = left + group * y as f32 + (group - bar * 3.0) / 2.0;
        for (i, option) in SocOption::ALL.iter().enumerate() {
            let value = a
                .costs
                .options
                .get(option)
                .and_then(|o| o.years.get(y))
                .map_or(0.0, |v| v.total);
            let h = (value / axis_max) as f32 * plot_h;
            c.rect(
                gx + bar * i as f32,
                top + plot_h - h,
                bar - 1.0,
                h,
                option_color(*option),
            );
        }
        c.on(Layer::Axes, |c| {
            c.text(
                left + group * (y as f32 + 0.5),
                top + plot_h + 14.0,
                format!("Year {}", y + 1),
                LABEL,
                Anchor::Middle,
                INK,
            );
        });
    }
    let cur = &a.costs.currency;
    let options = SocOption::ALL
        .iter()
        .map(|o| {
            let ys = a
                .costs
                .options
                .get(o)
                .map(|c| {
                    c.years
                        .iter()
                        .map(|y| money_short(cur, y.total))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            format!("{} {ys}", o.short())
        })
        .collect::<Vec<_>>()
        .join("; ");
    let description = say(
        Message::CostsPerYearDescription,
        &[("currency", cur), ("options", &options)],
    );
    c.figure(
        "costs.svg",
        say(Message::CostsPerYearTitle, &[("currency", cur)]),
        description,
        top + plot_h + 22.0,
    )
}

/// Cumulative cost per option as lines, against the money available as it
/// accumulates: the capital budget and the first year's operating budget
/// at the start, each further year's operating budget as a step.
pub(super) fn cumulative_costs(a: &Assessment) -> Figure {
    let mut c = Canvas::new();
    let years = a.costs.horizon_years as usize;
    let max = a
        .costs
        .options
        .values()
        .map(|o| o.total)
        .fold(a.costs.available, f64::max);
    let (axis_max, step) = nice_axis(max);
    let (left, plot_w, plot_h) = (60.0, WIDTH - 80.0, 180.0);
    let mut entries: Vec<(Sample, String)> = SocOption::ALL
        .iter()
        .filter(|o| a.costs.options.contains_key(o))
        .map(|o| (Sample::Line(option_color(*o)), o.short().to_string()))
        .collect();
    entries.push((
        Sample::Step(MUTED),
        Message::MoneyAvailableToDateKey.template().into(),
    ));
    let top = c.key(&entries, left, 4.0, WIDTH) + 8.0;
    c.grid_up(axis_max, step, left, top, plot_w, plot_h);
    let x_of = |i: usize| left + plot_w * i as f32 / years.max(1) as f32;
    let y_of = |v: f64| top + plot_h - (v / axis_max) as f32 * plot_h;
    c.on(Layer::Axes, |c| {
        for i in 0..=years {
            let label = if i == 0 {
                "Start".to_string()
            } else {
                format!("Year {i}")
            };
            c.text(
                x_of(i),
                // Clear of the amount at the foot of the y axis.
                top + plot_h + 16.0,
                label,
                LABEL,
                Anchor::Middle,
                INK,
            );
        }
    });
    // What may have been spent by the end of each year.
    let to_date = |year: usize| a.costs.capex + a.costs.annual_opex * year as f64;
    for year in 1..=years {
        let level = y_of(to_date(year));
        c.dashed(x_of(year - 1), level, x_of(year), level, MUTED);
        if year < years {
            c.dashed(
                x_of(year),
                level,
                x_of(year),
                y_of(to_date(year + 1)),
                MUTED,
            );
        }
    }
    for option in SocOption::ALL {
        if let Some(o) = a.costs.options.get(&option) {
            let mut points = vec![(x_of(0), y_of(0.0))];
            points.extend(
                o.years
                    .iter()
                    .enumerate()
                    .map(|(i, y)| (x_of(i + 1), y_of(y.cumulative))),
            );
            c.push(Shape::Polyline {
                points,
                color: option_color(option),
                width: 2.0,
            });
        }
    }
    let cur = &a.costs.currency;
    let options = SocOption::ALL
        .iter()
        .map(|o| {
            format!(
                "{} {}",
                o.short(),
                money_short(cur, a.costs.options.get(o).map_or(0.0, |c| c.total))
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let description = say(
        Message::CumulativeCostsDescription,
        &[
            ("years", &years.to_string()),
            ("currency", cur),
            ("first_year", &money_short(cur, to_date(1))),
            ("available", &money_short(cur, a.costs.available)),
            ("options", &options),
        ],
    );
    c.figure(
        "cumulative.svg",
        say(Message::CumulativeCostsTitle, &[("currency", cur)]),
        description,
        top + plot_h + 24.0,
    )
}
