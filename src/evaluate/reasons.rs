//! The three to five drivers of the recommendation, each tied to the
//! profile facts it rests on: a hard rule if one applied, the budget rule
//! if it decided, the money case, then the needs on which the
//! recommendation beats the runner-up, the cheapest option or any option.

use super::appraisal::Rule;
use super::assessment::{Decision, Reason, SocOption};
use super::decision::{infeasible_reason, Decided};
use super::economics::index;
use super::messages::{say, Message};
use super::needs::Need;
use crate::numbers::money_short;
use crate::profile::model::Consideration;
use crate::profile::Profile;

/// The three to five drivers of the recommendation, each tied to the
/// profile facts it rests on.
pub(crate) fn reasons(profile: &Profile, d: &Decided, decision: &Decision) -> Vec<Reason> {
    let cur = &profile.organisation.currency;
    let rec = d.choice.option;
    let r = index(rec);
    let mut out = Vec::new();
    for c in d.infeasible.iter() {
        out.push(Reason {
            consideration: Some(Consideration::Compliance),
            text: infeasible_reason(c.kind).to_string(),
            inputs: vec![
                "compliance.third_party_data_sharing".into(),
                "environment.critical_assets".into(),
            ],
        });
    }
    out.truncate(1);
    let money_inputs = vec![
        "budget.annual_opex".to_string(),
        "budget.horizon_years".to_string(),
        "environment.endpoints".to_string(),
        "assumptions".to_string(),
    ];
    match d.choice.rule {
        Rule::BestThatFits { best } => out.push(Reason {
            consideration: None,
            text: say(
                Message::BestThatFits,
                &[
                    ("best", best.short()),
                    ("need", &money_short(cur, d.opex_needed[index(best)])),
                    ("budget", &money_short(cur, d.opex)),
                    ("option", &rec.short().to_lowercase()),
                ],
            ),
            inputs: money_inputs.clone(),
        }),
        Rule::NoneFits => out.push(Reason {
            consideration: None,
            text: say(
                Message::NoneFits,
                &[
                    ("budget", &money_short(cur, d.opex)),
                    ("option", &rec.short().to_lowercase()),
                    ("gap", &money_short(cur, d.opex_needed[r] - d.opex)),
                ],
            ),
            inputs: money_inputs.clone(),
        }),
        Rule::BestValue => {}
    }
    out.push(Reason {
        consideration: None,
        text: match &decision.premium {
            None => say(
                Message::CheapestRiskAdjusted,
                &[
                    ("option", &rec.short().to_lowercase()),
                    ("cost", &money_short(cur, d.valued.risk_adjusted[r])),
                    ("years", &profile.budget.horizon_years.to_string()),
                ],
            ),
            Some(p) => p.text.clone(),
        },
        inputs: money_inputs,
    });
    // The needs that decided it: where the recommendation rates above the
    // runner-up, then above the cheapest option (what its premium buys),
    // then above any option, most weighted first.
    let ranking = d.appraiser.ranking(&d.valued);
    let runner_up = ranking.iter().copied().find(|o| *o != rec);
    let cheapest = d.cheapest();
    let against = |other: Option<SocOption>| -> Vec<(f64, &Need)> {
        let Some(other) = other.filter(|o| *o != rec) else {
            return Vec::new();
        };
        let k = index(other);
        let mut v: Vec<(f64, &Need)> = d
            .needs
            .iter()
            .zip(d.appraiser.need_shares)
            .map(|(n, w)| (w * (n.ratings[r] - n.ratings[k]), n))
            .filter(|(pull, _)| *pull > 1e-9)
            .collect();
        v.sort_by(|a, b| b.0.total_cmp(&a.0));
        v
    };
    let mut candidates = against(runner_up);
    candidates.extend(against(Some(cheapest)));
    let mut above_any: Vec<(f64, &Need)> = d
        .needs
        .iter()
        .zip(d.appraiser.need_shares)
        .map(|(n, w)| {
            let lowest = (0..3).map(|o| n.ratings[o]).fold(f64::INFINITY, f64::min);
            (w * (n.ratings[r] - lowest), n)
        })
        .filter(|(pull, _)| *pull > 1e-9)
        .collect();
    above_any.sort_by(|a, b| b.0.total_cmp(&a.0));
    candidates.extend(above_any);
    for (_, n) in candidates {
        if out.len() >= 5 {
            break;
        }
        if out.iter().any(|x| x.consideration == Some(n.key)) {
            continue;
        }
        out.push(Reason {
            consideration: Some(n.key),
            text: n.rationale.clone(),
            inputs: n.inputs.iter().map(|i| i.to_string()).collect(),
        });
    }
    if out.len() < 3 {
        out.push(Reason {
            consideration: None,
            text: say(
                if d.fits[r] {
                    Message::WithinBudget
                } else {
                    Message::OverBudgetBy
                },
                &[
                    ("option", rec.short()),
                    ("need", &money_short(cur, d.opex_needed[r])),
                    ("gap", &money_short(cur, d.opex_needed[r] - d.opex)),
                    ("budget", &money_short(cur, d.opex)),
                ],
            ),
            inputs: vec!["budget.annual_opex".into(), "budget.capex".into()],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::decision::section::decision_section;
    use crate::profile::model::Sharing;

    #[test]
    fn a_hard_rule_comes_first_then_money_then_needs_each_with_its_inputs() {
        let mut p = crate::profile::starter_profile().expect("starter profile");
        p.compliance.third_party_data_sharing = Sharing::Prohibited;
        let q = crate::evaluate::quick(&p);
        let decision = decision_section(&p, &q.economics, &q.decided, Vec::new());
        let reasons = reasons(&p, &q.decided, &decision);
        assert!((3..=5).contains(&reasons.len()), "{reasons:?}");
        assert_eq!(reasons[0].consideration, Some(Consideration::Compliance));
        assert_eq!(
            reasons[0].inputs,
            [
                "compliance.third_party_data_sharing",
                "environment.critical_assets"
            ]
        );
        // The money case, tied to the budget and the estate.
        assert!(reasons[1].inputs.iter().any(|i| i == "budget.annual_opex"));
        // Each need appears once at most, and every reason names a fact.
        for (i, r) in reasons.iter().enumerate().skip(2) {
            if let Some(c) = r.consideration {
                assert!(
                    !reasons[i + 1..].iter().any(|x| x.consideration == Some(c)),
                    "{c:?} twice"
                );
            }
        }
        assert!(reasons.iter().all(|r| !r.inputs.is_empty()));
    }

    #[test]
    fn the_budget_rule_explains_a_second_best_choice() {
        let p = crate::profile::starter_profile().expect("starter profile");
        let q = crate::evaluate::quick(&p);
        let mut d = q.decided;
        let decision = decision_section(&p, &q.economics, &d, Vec::new());
        // Say the best-value option needs 2 million against a budget of 1.5
        // million, and the rule fell back to another.
        let best = d.choice.option;
        let fallback = SocOption::ALL
            .into_iter()
            .find(|o| *o != best)
            .expect("another");
        d.choice.best_value = best;
        d.choice.option = fallback;
        d.choice.rule = Rule::BestThatFits { best };
        d.opex = 1_500_000.0;
        d.opex_needed[index(best)] = 2_000_000.0;
        let cur = &p.organisation.currency;
        let text = &reasons(&p, &d, &decision)[0].text;
        assert_eq!(
            *text,
            format!(
                "{} has the highest value but needs {} a year, more than the operating budget of {}; {} is the best option the budget can fund",
                best.short(),
                money_short(cur, 2_000_000.0),
                money_short(cur, 1_500_000.0),
                fallback.short().to_lowercase()
            )
        );
    }
}
