//! The scenarios chart: each option's cost range in the profile as given and
//! in every scenario, one group of bars per scenario.

use super::*;
use crate::evaluate::assessment::{Assessment, SocOption};
use crate::evaluate::words::money_short;

/// A scenario's name, its recommended option, and each option's P10, P50
/// and P90 total.
type Group = (String, SocOption, Vec<(SocOption, f64, f64, f64)>);

/// Each option's P10-P90 total, with the median marked, for the profile as
/// given and each scenario; the recommended option's name is bold.
pub fn scenarios(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let cur = &a.costs.currency;
    // The profile as given, then each scenario: a name, the recommended
    // option, and each option's (P10, P50, P90).
    let mut groups: Vec<Group> = vec![(
        "As profiled".to_string(),
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
    let (left, top, plot_w) = (92.0, 30.0, WIDTH - 110.0);
    let (bar, title_h, gap) = (9.0, 15.0, 8.0);
    let group_h = title_h + bar * 3.0 + gap;
    let plot_h = group_h * groups.len() as f32;
    let x_of = |v: f64| left + (v / axis_max) as f32 * plot_w;
    legend(&mut c, 12.0);
    c.grid_across(axis_max, step, left, top, plot_w, plot_h);
    for (i, (name, recommended, bars)) in groups.iter().enumerate() {
        let y = top + group_h * i as f32;
        // A scenario's name may be 80 characters; the label keeps the
        // recommendation in view.
        let shown: String = if name.chars().count() > 56 {
            name.chars().take(55).chain(std::iter::once('…')).collect()
        } else {
            name.clone()
        };
        let label = format!(
            "{shown} (recommended: {})",
            recommended.short().to_lowercase()
        );
        c.text(left, y + 11.0, label, 8.5, Anchor::Start, INK);
        for (j, (option, p10, p50, p90)) in bars.iter().enumerate() {
            let by = y + title_h + bar * j as f32;
            if option == recommended {
                c.bold(
                    left - 6.0,
                    by + bar - 1.5,
                    option.short(),
                    7.5,
                    Anchor::End,
                    INK,
                );
            } else {
                c.text(
                    left - 6.0,
                    by + bar - 1.5,
                    option.short(),
                    7.5,
                    Anchor::End,
                    MUTED,
                );
            }
            let (x10, x90) = (x_of(*p10), x_of(*p90));
            c.rect(
                x10,
                by + 1.0,
                (x90 - x10).max(1.5),
                bar - 2.0,
                option_color(*option),
            );
            let x50 = x_of(*p50);
            c.line(x50, by, x50, by + bar, INK, 1.2);
        }
    }
    c.line(left, top + plot_h, left + plot_w, top + plot_h, MUTED, 0.8);
    let description = format!(
        "Total cost over {} years in {cur}, P10 to P90 with the median, for the profile as given and each scenario: {}.",
        a.costs.horizon_years,
        groups
            .iter()
            .map(|(name, recommended, bars)| format!(
                "{name}, recommended {}: {}",
                recommended.short().to_lowercase(),
                bars.iter()
                    .map(|(o, p10, p50, p90)| format!(
                        "{} {} to {} (median {})",
                        o.short(),
                        money_short(cur, *p10),
                        money_short(cur, *p90),
                        money_short(cur, *p50)
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    Figure {
        name: "scenarios.svg",
        title: format!(
            "Total cost over {} years by scenario, P10 to P90 ({cur})",
            a.costs.horizon_years
        ),
        description,
        width: WIDTH,
        height: top + plot_h + 20.0,
        shapes: c.shapes,
    }
}
