//! Scenarios: each what-if variant of a profile, evaluated in full, set
//! beside the profile as given: its recommendation, costs and top risk, and
//! one sentence on what changed and why.

use super::assessment::{
    Assessment, ScenarioCost, ScenarioOutcome, ScenarioRecommendation, ScenarioRisk,
};
use super::words::{money_short, signed_2};
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
            score: a.recommendation.score,
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
            band: x.band.clone(),
        })
}

/// What changed and why: the verdict, what drove it (a constraint that now
/// decides, or the consideration that moved most), and the recommended
/// option's cost against the profile as given.
fn text(base: &Assessment, a: &Assessment) -> String {
    let was = base.recommendation.option;
    let now = a.recommendation.option;
    let verdict =
        if now == was && (a.recommendation.score - base.recommendation.score).abs() < 0.005 {
            format!(
                "The recommendation stays {} (the score is unchanged at {})",
                now.short().to_lowercase(),
                signed_2(a.recommendation.score)
            )
        } else if now == was {
            format!(
                "The recommendation stays {} (score {}, against {} as profiled)",
                now.short().to_lowercase(),
                signed_2(a.recommendation.score),
                signed_2(base.recommendation.score)
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
        .filter(|c| c.changed_recommendation)
        .find(|c| {
            !base
                .recommendation
                .constraints
                .iter()
                .any(|b| b.kind == c.kind && b.option == c.option && b.changed_recommendation)
        });
    let moved = a
        .considerations
        .iter()
        .filter_map(|c| {
            let before = base.considerations.iter().find(|b| b.key == c.key)?;
            Some((c, before, (c.pull - before.pull).abs()))
        })
        .filter(|(_, _, d)| *d >= 0.005)
        .max_by(|x, y| x.2.total_cmp(&y.2));
    let driver = match (new_constraint, moved) {
        (Some(c), _) => format!("because {}", lower_first(c.reason.trim_end_matches('.'))),
        (None, Some((c, before, _))) if now == was => format!(
            "with {} moving most, from {} to {}",
            lower_first(&c.label),
            signed_2(before.score),
            signed_2(c.score)
        ),
        (None, Some((c, before, _))) => format!(
            "as {} moves from {} to {}",
            lower_first(&c.label),
            signed_2(before.score),
            signed_2(c.score)
        ),
        (None, None) => "with every consideration scored as before".to_string(),
    };
    let cur = &a.costs.currency;
    let cost = match (a.costs.options.get(&now), base.costs.options.get(&was)) {
        (Some(c), Some(b)) if now != was => format!(
            "; the {} option's likely total is {}, against {} for {} as profiled",
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
                "; the {} option's likely total is {}, {change} the profile as given",
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
