//! Scenarios: each what-if variant of a profile, evaluated in full, set
//! beside the profile as given: its recommendation, costs and top risk, and
//! one sentence on what changed and why.

use super::assessment::{
    Assessment, ScenarioCost, ScenarioOutcome, ScenarioRecommendation, ScenarioRisk,
};
use crate::numbers::money_short;

fn decimal_3(x: f64) -> String {
    format!("{x:.3}")
}

fn decimal_2(x: f64) -> String {
    crate::numbers::trim_float((x * 100.0).round() / 100.0)
}
use crate::profile::model::Scenario;

/// `scenario`'s outcome, given the profile's assessment `base` and the
/// scenario's own, `a`.
pub fn outcome(base: &Assessment, scenario: &Scenario, a: &Assessment) -> ScenarioOutcome {
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
pub fn top_risk(a: &Assessment) -> Option<ScenarioRisk> {
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
    let verdict = if now == was && (value(a) - value(base)).abs() < 0.0005 {
        format!(
            "The recommendation stays {} (its value is unchanged at {})",
            now.short().to_lowercase(),
            decimal_3(value(a))
        )
    } else if now == was {
        format!(
            "The recommendation stays {} (value {}, against {} as profiled)",
            now.short().to_lowercase(),
            decimal_3(value(a)),
            decimal_3(value(base))
        )
    } else {
        format!(
            "The recommendation changes from {} to {}",
            was.short().to_lowercase(),
            now.short().to_lowercase()
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
        "Money".to_string(),
        money_moved(base) * 4.0,
        money_moved(a) * 4.0,
    ));
    let moved = moves
        .into_iter()
        .filter(|(_, b, r)| (r - b).abs() >= 0.005)
        .max_by(|x, y| (x.2 - x.1).abs().total_cmp(&(y.2 - y.1).abs()));
    let driver = match (new_constraint, moved) {
        (Some(c), _) => format!("because {}", lower_first(c.reason.trim_end_matches('.'))),
        (None, Some((label, before, after))) => format!(
            "with {} moving most for {}, from {} to {} of 4",
            lower_first(&label),
            now.short().to_lowercase(),
            decimal_2(before),
            decimal_2(after)
        ),
        (None, None) => "with every option rated as before".to_string(),
    };
    let cur = &a.costs.currency;
    let cost = match (a.costs.options.get(&now), base.costs.options.get(&was)) {
        (Some(c), Some(b)) if now != was => format!(
            "; the {} option’s likely total is {}, against {} for {} as profiled",
            now.short().to_lowercase(),
            money_short(cur, c.total),
            money_short(cur, b.total),
            was.short().to_lowercase()
        ),
        (Some(c), Some(b)) if b.total > 0.0 => {
            let change = (c.total / b.total - 1.0) * 100.0;
            let change = if change.abs() < 0.5 {
                "the same as".to_string()
            } else {
                format!("{change:+.0}% on")
            };
            format!(
                "; the {} option’s likely total is {}, {change} the profile as given",
                now.short().to_lowercase(),
                money_short(cur, c.total),
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
