//! Scenarios: each what-if variant of a profile, evaluated in full, set
//! beside the profile as given: its recommendation, costs and top risk, and
//! one sentence on what changed and why.

use super::assessment::{
    Assessment, ScenarioCost, ScenarioOutcome, ScenarioRecommendation, ScenarioRisk,
};
use super::messages::{say, Message};
use crate::numbers::money_short;

fn decimal_3(x: f64) -> String {
    crate::numbers::fixed(x, 3)
}

fn decimal_2(x: f64) -> String {
    crate::numbers::trim_float((x * 100.0).round() / 100.0)
}
use crate::profile::model::Scenario;

/// `scenario`'s outcome, given the profile's assessment `base` and the
/// scenario's own, `a`.
pub(crate) fn outcome(base: &Assessment, scenario: &Scenario, a: &Assessment) -> ScenarioOutcome {
    let option = a.recommendation.option;
    ScenarioOutcome {
        name: scenario.name.clone(),
        set: scenario.set.clone(),
        recommendation: ScenarioRecommendation {
            option,
            label: a.recommendation.label.clone(),
            value: a.decision.options.get(&option).map_or(0.0, |o| o.value),
            probability_best: a.recommendation.probability_best,
            confidence: a.recommendation.confidence,
        },
        changed: option != base.recommendation.option,
        costs: a
            .costs
            .options
            .iter()
            .map(|(o, c)| {
                (
                    *o,
                    ScenarioCost {
                        total: c.total,
                        p10: c.range.p10,
                        p50: c.range.p50,
                        p90: c.range.p90,
                    },
                )
            })
            .collect(),
        top_risk: top_risk(a),
        text: text(base, a),
    }
}

/// The highest-rated risk the recommended option leaves.
pub(crate) fn top_risk(a: &Assessment) -> Option<ScenarioRisk> {
    let option = a.recommendation.option;
    a.risks
        .iter()
        .filter_map(|r| {
            r.residual
                .get(&option)
                .filter(|x| x.applies)
                .map(|x| (r, x))
        })
        .max_by_key(|(_, x)| x.rating)
        .map(|(r, x)| ScenarioRisk {
            threat_label: r.threat_label.clone(),
            asset: r.asset.clone(),
            rating: x.rating,
            band: x.band,
        })
}

/// What changed and why: the verdict, what drove it (a constraint that now
/// decides, or the consideration that moved most), and the recommended
/// option's cost against the profile as given.
fn text(base: &Assessment, a: &Assessment) -> String {
    let was = base.recommendation.option;
    let now = a.recommendation.option;
    let value = |x: &Assessment| {
        x.decision
            .options
            .get(&x.recommendation.option)
            .map_or(0.0, |o| o.value)
    };
    let (was_name, now_name) = (was.short().to_lowercase(), now.short().to_lowercase());
    let verdict = if now == was && (value(a) - value(base)).abs() < 0.0005 {
        say(
            Message::StaysUnchanged,
            &[("option", &now_name), ("value", &decimal_3(value(a)))],
        )
    } else if now == was {
        say(
            Message::StaysAtValue,
            &[
                ("option", &now_name),
                ("value", &decimal_3(value(a))),
                ("before", &decimal_3(value(base))),
            ],
        )
    } else {
        say(
            Message::ChangesFromTo,
            &[("was", &was_name), ("now", &now_name)],
        )
    };
    let new_constraint = a
        .recommendation
        .constraints
        .iter()
        .filter(|c| c.changed_recommendation || c.rules_out)
        .find(|c| {
            !base
                .recommendation
                .constraints
                .iter()
                .any(|b| b.kind == c.kind && b.option == c.option)
        });
    // What moved the recommended option's value most: money, or a need.
    let money_moved = |x: &Assessment| {
        x.decision
            .options
            .get(&now)
            .map_or(0.0, |o| o.money.score * x.decision.money_share)
    };
    let mut moves: Vec<(String, f64, f64)> = a
        .considerations
        .iter()
        .filter_map(|c| {
            let before = base.considerations.iter().find(|b| b.key == c.key)?;
            let r = c.ratings.get(&now).copied().unwrap_or(0.0);
            let b = before.ratings.get(&now).copied().unwrap_or(0.0);
            Some((c.label.clone(), b, r))
        })
        .collect();
    moves.push((
        say(Message::Money, &[]),
        money_moved(base) * 4.0,
        money_moved(a) * 4.0,
    ));
    let moved = moves
        .into_iter()
        .filter(|(_, b, r)| (r - b).abs() >= 0.005)
        .max_by(|x, y| (x.2 - x.1).abs().total_cmp(&(y.2 - y.1).abs()));
    let driver = match (new_constraint, moved) {
        (Some(c), _) => say(
            Message::BecauseOf,
            &[("reason", &lower_first(c.reason.trim_end_matches('.')))],
        ),
        (None, Some((label, before, after))) => say(
            Message::MovingMost,
            &[
                ("need", &lower_first(&label)),
                ("option", &now_name),
                ("before", &decimal_2(before)),
                ("after", &decimal_2(after)),
            ],
        ),
        (None, None) => say(Message::RatedAsBefore, &[]),
    };
    let cur = &a.costs.currency;
    let cost = match (a.costs.options.get(&now), base.costs.options.get(&was)) {
        (Some(c), Some(b)) if now != was => say(
            Message::TotalAgainst,
            &[
                ("option", &now_name),
                ("total", &money_short(cur, c.total)),
                ("before", &money_short(cur, b.total)),
                ("was", &was_name),
            ],
        ),
        (Some(c), Some(b)) if b.total > 0.0 => {
            let change = (c.total / b.total - 1.0) * 100.0;
            let change = if change.abs() < 0.5 {
                say(Message::SameAs, &[])
            } else {
                say(
                    Message::PercentOn,
                    &[("change", &crate::numbers::signed_percent(change))],
                )
            };
            say(
                Message::TotalChange,
                &[
                    ("option", &now_name),
                    ("total", &money_short(cur, c.total)),
                    ("change", &change),
                ],
            )
        }
        _ => String::new(),
    };
    format!("{verdict}, {driver}{cost}")
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::assessment::SocOption;

    fn base() -> Assessment {
        let p = crate::profile::starter_profile().expect("starter profile");
        crate::evaluate::evaluate(&p, &crate::evaluate::Options::new("test"))
    }

    #[test]
    fn a_scenario_that_changes_nothing_says_so_and_a_dearer_one_says_by_how_much() {
        let base = base();
        let rec = base.recommendation.option;
        let name = rec.short().to_lowercase();
        let value = base.decision.options[&rec].value;
        let total = base.costs.options[&rec].total;
        let cur = base.costs.currency.clone();
        assert_eq!(
            text(&base, &base),
            format!(
                "The recommendation stays {name} (its value is unchanged at {value:.3}), with every option rated as before; the {name} option’s likely total is {}, the same as the profile as given",
                money_short(&cur, total)
            )
        );
        // Ten percent dearer: +10% on the profile as given.
        let mut dearer = base.clone();
        if let Some(c) = dearer.costs.options.get_mut(&rec) {
            c.total = total * 1.1;
        }
        assert!(
            text(&base, &dearer).ends_with(&format!(
                "likely total is {}, +10% on the profile as given",
                money_short(&cur, total * 1.1)
            )),
            "{}",
            text(&base, &dearer)
        );
    }

    #[test]
    fn a_changed_recommendation_names_both_options_and_both_totals() {
        let base = base();
        let was = base.recommendation.option;
        let now = SocOption::ALL
            .into_iter()
            .find(|o| *o != was)
            .expect("another option");
        let mut changed = base.clone();
        changed.recommendation.option = now;
        let outcome = outcome(
            &base,
            &Scenario {
                name: "Budget cut".into(),
                set: Vec::new(),
                profile: Box::new(crate::profile::starter_profile().expect("starter profile")),
            },
            &changed,
        );
        assert!(outcome.changed);
        let cur = &base.costs.currency;
        assert!(outcome.text.starts_with(&format!(
            "The recommendation changes from {} to {}",
            was.short().to_lowercase(),
            now.short().to_lowercase()
        )));
        assert!(outcome.text.ends_with(&format!(
            "; the {} option’s likely total is {}, against {} for {} as profiled",
            now.short().to_lowercase(),
            money_short(cur, base.costs.options[&now].total),
            money_short(cur, base.costs.options[&was].total),
            was.short().to_lowercase()
        )));
    }

    #[test]
    fn the_top_risk_is_the_highest_residual_that_applies_to_the_option() {
        let mut a = base();
        let rec = a.recommendation.option;
        for (i, r) in a.risks.iter_mut().enumerate() {
            if let Some(x) = r.residual.get_mut(&rec) {
                x.rating = 5 + i as u8;
                x.applies = true;
            }
        }
        // The last risk rates highest; once it no longer applies, the one
        // before it is the top risk.
        let n = a.risks.len();
        assert!(n >= 2);
        assert_eq!(top_risk(&a).map(|r| r.rating), Some(5 + (n - 1) as u8));
        if let Some(x) = a.risks[n - 1].residual.get_mut(&rec) {
            x.applies = false;
        }
        let top = top_risk(&a).expect("a risk applies");
        assert_eq!(top.rating, 5 + (n - 2) as u8);
        assert_eq!(top.threat_label, a.risks[n - 2].threat_label);
    }
}
