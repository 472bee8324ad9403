//! The decision section of the assessment: the options appraisal (each
//! option's money, needs, value and rank), the premium of the
//! recommendation over the cheapest option, the budget note, the summary,
//! and the needs as the appraisal weighs them.

use super::{infeasible_reason, Decided};
use crate::evaluate::appraisal::Rule;
use crate::evaluate::assessment::*;
use crate::evaluate::economics::simulate::quantiles;
use crate::evaluate::economics::{index, Economics};
use crate::evaluate::messages::{say, Message};
use crate::evaluate::risk::loss;
use crate::evaluate::values::A;
use crate::numbers::{and_list, money_short, percent};
use crate::profile::model::Consideration;
use crate::profile::Profile;
use std::collections::BTreeMap;

/// The needs as the appraisal weighs them.
pub(crate) fn need_weights(d: &Decided) -> Vec<NeedWeight> {
    let m = d.appraiser.money_share;
    d.needs
        .iter()
        .zip(d.appraiser.need_shares)
        .map(|(n, share)| NeedWeight {
            key: n.key,
            label: n.key.label().to_string(),
            need_share: round4(share),
            weight: round4(share * (1.0 - m)),
            ratings: SocOption::ALL
                .iter()
                .map(|o| (*o, n.ratings[index(*o)]))
                .collect(),
            rationale: n.rationale.clone(),
            inputs: n.inputs.iter().map(|i| i.to_string()).collect(),
        })
        .collect()
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn round3(x: f64) -> f64 {
    (x * 1e3).round() / 1e3
}

/// The options appraisal section.
pub(crate) fn decision_section(
    profile: &Profile,
    e: &Economics,
    d: &Decided,
    switching: Vec<SwitchingValue>,
) -> Decision {
    let cur = &profile.organisation.currency;
    let ranking = d.appraiser.ranking(&d.valued);
    let mut rank_of = [0u32; 3];
    for (r, o) in ranking.iter().enumerate() {
        rank_of[index(*o)] = r as u32 + 1;
    }
    let mut next = ranking.len() as u32 + 1;
    for o in SocOption::ALL {
        if rank_of[index(o)] == 0 {
            rank_of[index(o)] = next;
            next += 1;
        }
    }
    let ra_ranges = risk_adjusted_ranges(e, d);
    let options = SocOption::ALL
        .iter()
        .map(|o| {
            let i = index(*o);
            let because: Vec<String> = d
                .infeasible
                .iter()
                .filter(|r| r.option == *o)
                .map(|r| infeasible_reason(r.kind).to_string())
                .collect();
            (
                *o,
                OptionAppraisal {
                    feasible: because.is_empty(),
                    infeasible_because: because,
                    money: Money {
                        cost_pv: e.facts.run_rate_pv[i].round(),
                        loss_pv: d.loss_pv[i].round(),
                        risk_adjusted: d.valued.risk_adjusted[i].round(),
                        risk_adjusted_range: ra_ranges[i],
                        score: round3(d.valued.money[i]),
                    },
                    needs: d
                        .needs
                        .iter()
                        .map(|n| {
                            (
                                n.key,
                                Rating {
                                    rating: n.ratings[i],
                                    rationale: n.rationale.clone(),
                                },
                            )
                        })
                        .collect(),
                    need_score: round3(d.valued.needs[i]),
                    value: round3(d.valued.value[i]),
                    rank: rank_of[i],
                    fits_budget: d.fits[i],
                    probability_within_budget: round4(e.sim.probability_within(i, d.opex)),
                    opex_needed: d.opex_needed[i].round(),
                },
            )
        })
        .collect::<BTreeMap<_, _>>();
    let rec = d.choice.option;
    let cheapest = d.cheapest();
    let budget_note = match d.choice.rule {
        Rule::BestThatFits { best } => Some(say(
            Message::WithMoreBudget,
            &[
                (
                    "gap",
                    &money_short(cur, d.opex_needed[index(best)] - d.opex),
                ),
                ("option", &best.short().to_lowercase()),
            ],
        )),
        Rule::NoneFits => Some(say(
            Message::NoneFitsToday,
            &[
                ("budget", &money_short(cur, d.opex)),
                ("option", &rec.short().to_lowercase()),
                ("gap", &money_short(cur, d.opex_needed[index(rec)] - d.opex)),
            ],
        )),
        Rule::BestValue => None,
    };
    let premium = premium(profile, d, rec, cheapest);
    let summary = summary(d, &ranking);
    Decision {
        money_share: round4(d.appraiser.money_share),
        money_share_basis: profile.decision.money_share_basis,
        discount_rate_pct: e.likely[A::DiscountRatePct],
        options,
        best_value: d.choice.best_value,
        cheapest,
        rule: match d.choice.rule {
            Rule::BestValue => DecisionRule::BestValue,
            Rule::BestThatFits { .. } => DecisionRule::BestThatFits,
            Rule::NoneFits => DecisionRule::NoneFits,
        },
        budget_note,
        premium,
        switching_values: switching,
        summary,
    }
}

/// P10, P50 and P90 of each option's risk-adjusted cost: each cost draw
/// with its paired draw of breach frequency and cost.
fn risk_adjusted_ranges(e: &Economics, d: &Decided) -> [CostRange; 3] {
    if e.sim.draws.is_empty() {
        return std::array::from_fn(|o| {
            let x = d.valued.risk_adjusted[o].round();
            CostRange {
                p10: x,
                p50: x,
                p90: x,
            }
        });
    }
    let losses = loss::samples(e.seed, &e.resolved);
    std::array::from_fn(|o| {
        let mut totals: Vec<f64> = e
            .sim
            .draws
            .iter()
            .enumerate()
            .map(|(i, draw)| {
                let (p, cost) = losses[i % losses.len()];
                draw.run_rate_pv[o]
                    + d.effects
                        .run_rate_present_value(o, p, cost, d.horizon, d.discount)
            })
            .collect();
        let [p10, p50, p90] = quantiles(&mut totals, [0.1, 0.5, 0.9]);
        CostRange {
            p10: p10.round(),
            p50: p50.round(),
            p90: p90.round(),
        }
    })
}

/// The premium of the recommendation over the cheapest feasible option,
/// and the needs it meets better.
fn premium(profile: &Profile, d: &Decided, rec: SocOption, cheapest: SocOption) -> Option<Premium> {
    if rec == cheapest {
        return None;
    }
    let cur = &profile.organisation.currency;
    let (r, c) = (index(rec), index(cheapest));
    let total = d.valued.risk_adjusted[r] - d.valued.risk_adjusted[c];
    let per_year = total / d.annuity();
    let mut better: Vec<(f64, Consideration)> = d
        .needs
        .iter()
        .zip(d.appraiser.need_shares)
        .filter(|(n, _)| n.ratings[r] > n.ratings[c] + 1e-9)
        .map(|(n, w)| (w * (n.ratings[r] - n.ratings[c]), n.key))
        .collect();
    better.sort_by(|a, b| b.0.total_cmp(&a.0));
    let needs: Vec<Consideration> = better.iter().map(|(_, k)| *k).collect();
    let bought = if needs.is_empty() {
        say(Message::NoBetterNeed, &[])
    } else {
        let names: Vec<String> = needs.iter().map(|k| k.label().to_lowercase()).collect();
        say(Message::BuysBetterFit, &[("needs", &and_list(&names))])
    };
    Some(Premium {
        over: cheapest,
        total: total.round(),
        per_year: per_year.round(),
        needs,
        text: say(
            Message::PremiumCosts,
            &[
                ("option", rec.short()),
                ("per_year", &money_short(cur, per_year)),
                ("cheapest", &cheapest.short().to_lowercase()),
                ("total", &money_short(cur, total)),
                ("years", &profile.budget.horizon_years.to_string()),
                ("bought", &bought),
            ],
        ),
    })
}

fn summary(d: &Decided, ranking: &[SocOption]) -> String {
    // Three places, as the appraisal table shows them: one place would
    // make close options look tied.
    let value = |o: SocOption| crate::numbers::fixed(round3(d.valued.value[index(o)]), 3);
    let others: Vec<String> = ranking
        .iter()
        .skip(1)
        .map(|o| format!("{} {}", o.short().to_lowercase(), value(*o)))
        .collect();
    let best = d.choice.best_value;
    let against = if others.is_empty() {
        String::new()
    } else {
        say(Message::AgainstOthers, &[("others", &and_list(&others))])
    };
    let mut text = say(
        Message::HighestValue,
        &[
            ("option", best.short()),
            ("value", &value(best)),
            ("others", &against),
            ("share", &percent(d.appraiser.money_share)),
        ],
    );
    if let Rule::BestThatFits { .. } = d.choice.rule {
        let option = d.choice.option.short().to_lowercase();
        text.push_str(&say(Message::DoesNotFit, &[("option", &option)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_premium_is_the_risk_adjusted_difference_and_what_it_buys() {
        let p = crate::profile::starter_profile().expect("starter profile");
        let mut d = crate::evaluate::quick(&p).decided;
        let cur = &p.organisation.currency;
        d.valued.risk_adjusted = [5_000_000.0, 4_000_000.0, 4_500_000.0];
        assert!(premium(&p, &d, SocOption::Outsourced, SocOption::Outsourced).is_none());
        let x = premium(&p, &d, SocOption::Hybrid, SocOption::Outsourced).expect("a premium");
        // 4.5 - 4.0 million over the horizon, spread as an annuity.
        let per_year = 500_000.0 / d.annuity();
        assert_eq!(
            (x.over, x.total, x.per_year),
            (SocOption::Outsourced, 500_000.0, per_year.round())
        );
        assert!(
            x.text.starts_with(&format!(
                "Hybrid costs {} a year more than outsourced, risk-adjusted ({} over {} years in present value); ",
                money_short(cur, per_year),
                money_short(cur, 500_000.0),
                p.budget.horizon_years
            )),
            "{}",
            x.text
        );
        // The needs it buys are those on which hybrid rates higher.
        let h = index(SocOption::Hybrid);
        let o = index(SocOption::Outsourced);
        for need in &x.needs {
            let n = d.needs.iter().find(|n| n.key == *need).expect("a need");
            assert!(n.ratings[h] > n.ratings[o]);
        }
    }
}
