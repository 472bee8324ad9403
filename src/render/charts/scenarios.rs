//! The scenarios chart: each option's cost range in the profile as given and
//! in every scenario, one group of bars per scenario.

use super::*;
use crate::evaluate::assessment::{Assessment, SocOption};
use crate::evaluate::messages::{say, Message};
use crate::numbers::money_short;

/// A scenario's name, its recommended option, and each option's P10, P50
/// and P90 total.
type Group = (String, SocOption, Vec<(SocOption, f64, f64, f64)>);

/// Each option's P10-P90 total, with the median marked, for the profile as
/// given and each scenario; the recommended option's name is bold and
/// each group's title names it.
pub(super) fn scenarios(a: &Assessment) -> Figure {
    let mut c = Canvas::new();
    let cur = &a.costs.currency;
    // The profile as given, then each scenario: a name, the recommended
    // option, and each option's (P10, P50, P90).
    let mut groups: Vec<Group> = vec![(
        Message::AsProfiled.template().to_string(),
        a.recommendation.option,
        SocOption::ALL
            .iter()
            .filter_map(|o| {
                a.costs
                    .options
                    .get(o)
                    .map(|c| (*o, c.range.p10, c.range.p50, c.range.p90))
            })
            .collect(),
    )];
    for s in &a.scenarios {
        groups.push((
            s.name.clone(),
            s.recommendation.option,
            SocOption::ALL
                .iter()
                .filter_map(|o| s.costs.get(o).map(|c| (*o, c.p10, c.p50, c.p90)))
                .collect(),
        ));
    }
    let max = groups
        .iter()
        .flat_map(|g| g.2.iter().map(|b| b.3))
        .fold(1.0, f64::max);
    let (axis_max, step) = nice_axis(max);
    let (left, plot_w) = (92.0, WIDTH - 110.0);
    let (bar, gap) = (13.0, 10.0);
    let mut entries: Vec<(Sample, String)> = SocOption::ALL
        .iter()
        .map(|o| {
            (
                Sample::Swatch(vec![option_color(*o)]),
                o.short().to_string(),
            )
        })
        .collect();
    entries.push((
        Sample::Tick {
            color: INK,
            width: 1.2,
            dashed: false,
        },
        "median".into(),
    ));
    let top = c.key(&entries, left, 4.0, WIDTH) + 6.0;
    // Each group's title: the scenario's name, wrapped rather than cut, and
    // the option it recommends.
    let titles: Vec<Vec<String>> = groups
        .iter()
        .map(|(name, recommended, _)| {
            let label = say(
                Message::ScenarioHeading,
                &[
                    ("scenario", name),
                    ("option", &recommended.short().to_lowercase()),
                ],
            );
            text::wrap(&label, LABEL, false, WIDTH - left - 4.0)
        })
        .collect();
    let line = LABEL * LEADING;
    let heights: Vec<f32> = titles
        .iter()
        .zip(&groups)
        .map(|(t, g)| t.len() as f32 * line + 4.0 + bar * g.2.len() as f32 + gap)
        .collect();
    let plot_h: f32 = heights.iter().sum();
    let x_of = |v: f64| left + (v / axis_max) as f32 * plot_w;
    // The gridlines run through the bars, not through the titles.
    let mut bands = Vec::new();
    let mut y = top;
    for ((title, h), g) in titles.iter().zip(&heights).zip(&groups) {
        let bars_top = y + title.len() as f32 * line + 4.0;
        bands.push((bars_top - 2.0, bars_top + bar * g.2.len() as f32 + 2.0));
        y += h;
    }
    if let Some(last) = bands.last_mut() {
        last.1 = top + plot_h;
    }
    c.grid_across(axis_max, step, left, plot_w, &bands);
    let mut y = top;
    for (((_, recommended, bars), title), h) in groups.iter().zip(&titles).zip(&heights) {
        c.on(Layer::Axes, |c| {
            for (k, t) in title.iter().enumerate() {
                c.text(
                    left + 2.0,
                    y + line * (k as f32 + 1.0) - 1.0,
                    t.clone(),
                    LABEL,
                    Anchor::Start,
                    INK,
                );
            }
        });
        let bars_top = y + title.len() as f32 * line + 4.0;
        for (j, (option, p10, p50, p90)) in bars.iter().enumerate() {
            let by = bars_top + bar * j as f32;
            c.on(Layer::Axes, |c| {
                let (x, base) = (left - 6.0, by + bar / 2.0 + SMALL * 0.35);
                if option == recommended {
                    c.bold(x, base, option.short(), SMALL, Anchor::End, INK);
                } else {
                    c.text(x, base, option.short(), SMALL, Anchor::End, MUTED);
                }
            });
            let (x10, x90) = (x_of(*p10), x_of(*p90));
            c.rect(
                x10,
                by + 2.0,
                (x90 - x10).max(1.5),
                bar - 4.0,
                option_color(*option),
            );
            let x50 = x_of(*p50);
            c.line(x50, by + 0.5, x50, by + bar - 0.5, INK, 1.2);
        }
        y += h;
    }
    let years = a.costs.horizon_years.to_string();
    let scenarios = groups
        .iter()
        .map(|(name, recommended, bars)| {
            let ranges = bars
                .iter()
                .map(|(o, p10, p50, p90)| {
                    say(
                        Message::RangeWithMedian,
                        &[
                            ("name", o.short()),
                            ("p10", &money_short(cur, *p10)),
                            ("p90", &money_short(cur, *p90)),
                            ("p50", &money_short(cur, *p50)),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            say(
                Message::ScenarioRecommends,
                &[
                    ("scenario", name),
                    ("option", &recommended.short().to_lowercase()),
                    ("ranges", &ranges),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let description = say(
        Message::ScenariosDescription,
        &[
            ("years", &years),
            ("currency", cur),
            ("scenarios", &scenarios),
        ],
    );
    c.figure(
        "scenarios.svg",
        say(
            Message::ScenariosTitle,
            &[("years", &years), ("currency", cur)],
        ),
        description,
        top + plot_h + 20.0,
    )
}
