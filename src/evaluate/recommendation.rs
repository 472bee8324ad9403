//! The decision as the assessment states it: the options appraisal, the
//! recommendation with its confidence, the reasons, the premium, the budget
//! note and what the board is asked to decide.
//!
//! The numbers come from [`super::decision`] and [`super::confidence`];
//! this module only selects and words them.

use super::appraisal::Rule;
use super::assessment::*;
use super::confidence;
use super::decision::Decided;
use super::economics::{index, Economics};
use super::schedule::{complete_month, monitoring_month, provider_start};
use super::values::A;
use crate::numbers::{and_list, money_short, percent, thousands, trim_float};
use crate::profile::model::Consideration;
use crate::profile::Profile;
use std::collections::BTreeMap;

/// The needs as the appraisal weighs them.
pub fn need_weights(d: &Decided) -> Vec<NeedWeight> {
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

fn infeasible_reason(kind: ConstraintKind) -> &'static str {
    match kind {
        ConstraintKind::SharingProhibited => "Sharing security data with third parties is prohibited, so a fully outsourced SOC is not possible; a hybrid is possible only with a provider working inside the organisation’s own tools and region",
        ConstraintKind::Classified => "Critical assets hold classified information, which a provider may not hold without clearance, so a fully outsourced SOC is not possible",
        _ => "",
    }
}

/// The options appraisal section.
pub fn decision_section(
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
        Rule::BestThatFits { best } => Some(format!(
            "With {} more a year, {} would be the better choice",
            money_short(cur, d.opex_needed[index(best)] - d.opex),
            best.short().to_lowercase()
        )),
        Rule::NoneFits => Some(format!(
            "No option fits today’s operating budget of {} a year; {} needs {} more a year",
            money_short(cur, d.opex),
            rec.short().to_lowercase(),
            money_short(cur, d.opex_needed[index(rec)] - d.opex)
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
    let losses = super::risk::loss::samples(e.seed, &e.resolved);
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
        let [p10, p50, p90] = super::economics::simulate::quantiles(&mut totals, [0.1, 0.5, 0.9]);
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
        "no need it meets better; the budget rule chose it".to_string()
    } else {
        format!(
            "it buys a better fit on {}",
            and_list(
                &needs
                    .iter()
                    .map(|k| k.label().to_lowercase())
                    .collect::<Vec<_>>()
            )
        )
    };
    Some(Premium {
        over: cheapest,
        total: total.round(),
        per_year: per_year.round(),
        needs,
        text: format!(
            "{} costs {} a year more than {}, risk-adjusted ({} over {} years in present value); {bought}",
            rec.short(),
            money_short(cur, per_year),
            cheapest.short().to_lowercase(),
            money_short(cur, total),
            profile.budget.horizon_years
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
    let mut text = format!(
        "{} has the highest value, {} on a scale of 0 to 1{}, with money carrying {} of it",
        best.short(),
        value(best),
        if others.is_empty() {
            String::new()
        } else {
            format!(" (against {})", others.join(" and "))
        },
        percent(d.appraiser.money_share)
    );
    if let Rule::BestThatFits { .. } = d.choice.rule {
        text.push_str(&format!(
            "; it does not fit the budget, so the best option that does, {}, is recommended",
            d.choice.option.short().to_lowercase()
        ));
    }
    text
}

/// Hard rules, funding gaps and deadlines, for "hard constraints applied".
pub fn constraints(profile: &Profile, e: &Economics, d: &Decided) -> Vec<Constraint> {
    let cur = &profile.organisation.currency;
    let v = &e.likely;
    let rec = d.choice.option;
    let mut out: Vec<Constraint> = d
        .infeasible
        .iter()
        .map(|r| Constraint {
            kind: r.kind,
            option: Some(r.option),
            reason: infeasible_reason(r.kind).to_string(),
            rules_out: true,
            changed_recommendation: d.choice.best_value != r.option
                && d.valued.value[index(r.option)] > d.valued.value[index(d.choice.best_value)],
        })
        .collect();
    let candidates = d.appraiser.candidates();
    for o in SocOption::ALL {
        let i = index(o);
        if !candidates[i] || d.fits[i] {
            continue;
        }
        out.push(Constraint {
            kind: ConstraintKind::OverBudget,
            option: Some(o),
            reason: format!(
                "{} needs {} a year in its dearest year (median of the simulations), {} more than the operating budget of {}: a funding gap, not a reason to rule it out",
                o.short(),
                money_short(cur, d.opex_needed[i]),
                money_short(cur, d.opex_needed[i] - d.opex),
                money_short(cur, d.opex)
            ),
            rules_out: false,
            changed_recommendation: o == d.choice.best_value && rec != o,
        });
    }
    if !(0..3).any(|i| candidates[i] && d.fits[i]) {
        let cheapest = SocOption::ALL
            .into_iter()
            .filter(|o| candidates[index(*o)])
            .min_by(|a, b| d.opex_needed[index(*a)].total_cmp(&d.opex_needed[index(*b)]))
            .unwrap_or(rec);
        let need = d.opex_needed[index(cheapest)];
        out.push(Constraint {
            kind: ConstraintKind::BudgetCannotFund,
            option: None,
            reason: format!(
                "The budget cannot fund the required coverage with any option: the least demanding, {}, needs {} a year, {} more than the {} a year available",
                cheapest.short().to_lowercase(),
                money_short(cur, need),
                money_short(cur, need - d.opex),
                money_short(cur, d.opex)
            ),
            rules_out: false,
            changed_recommendation: false,
        });
    }
    let go_live = f64::from(profile.requirements.go_live_months);
    let provider = provider_start(v);
    for option in SocOption::ALL {
        let reason = match option {
            SocOption::InHouse if go_live < v[A::InHouseBuildMonths] => Some(format!(
                "An in-house SOC takes about {} months to build and staff, so it cannot meet the {}-month go-live on its own; {}",
                trim_float(v[A::InHouseBuildMonths]),
                profile.requirements.go_live_months,
                if provider <= go_live {
                    format!("a provider can bridge the gap from month {}", trim_float(provider))
                } else {
                    "no provider can start sooner either".to_string()
                }
            )),
            SocOption::Outsourced | SocOption::Hybrid if go_live < provider => Some(format!(
                "A provider needs about {} months to start monitoring, later than the {}-month go-live; no option can be live sooner",
                trim_float(provider),
                profile.requirements.go_live_months
            )),
            _ => None,
        };
        if let Some(reason) = reason {
            out.push(Constraint {
                kind: ConstraintKind::Deadline,
                option: Some(option),
                reason,
                rules_out: false,
                changed_recommendation: false,
            });
        }
    }
    out
}

/// The three to five drivers of the recommendation, each tied to the
/// profile facts it rests on.
pub fn reasons(profile: &Profile, d: &Decided, decision: &Decision) -> Vec<Reason> {
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
            text: format!(
                "{} has the highest value but needs {} a year, more than the operating budget of {}; {} is the best option the budget can fund",
                best.short(),
                money_short(cur, d.opex_needed[index(best)]),
                money_short(cur, d.opex),
                rec.short().to_lowercase()
            ),
            inputs: money_inputs.clone(),
        }),
        Rule::NoneFits => out.push(Reason {
            consideration: None,
            text: format!(
                "No option fits the operating budget of {} a year; {} has the highest value and needs {} more a year",
                money_short(cur, d.opex),
                rec.short().to_lowercase(),
                money_short(cur, d.opex_needed[r] - d.opex)
            ),
            inputs: money_inputs.clone(),
        }),
        Rule::BestValue => {}
    }
    out.push(Reason {
        consideration: None,
        text: match &decision.premium {
            None => format!(
                "Risk-adjusted, {} is the cheapest feasible option: {} over {} years in present value, cost of ownership and the expected loss it leaves",
                rec.short().to_lowercase(),
                money_short(cur, d.valued.risk_adjusted[r]),
                profile.budget.horizon_years
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
    let against = |other: Option<SocOption>| -> Vec<(f64, &super::needs::Need)> {
        let Some(other) = other.filter(|o| *o != rec) else {
            return Vec::new();
        };
        let k = index(other);
        let mut v: Vec<(f64, &super::needs::Need)> = d
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
    let mut above_any: Vec<(f64, &super::needs::Need)> = d
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
            text: if d.fits[r] {
                format!(
                    "{} needs {} a year in its dearest year, within the operating budget of {}",
                    rec.short(),
                    money_short(cur, d.opex_needed[r]),
                    money_short(cur, d.opex)
                )
            } else {
                format!(
                    "{} needs {} a year in its dearest year, {} more than the operating budget of {}",
                    rec.short(),
                    money_short(cur, d.opex_needed[r]),
                    money_short(cur, d.opex_needed[r] - d.opex),
                    money_short(cur, d.opex)
                )
            },
            inputs: vec!["budget.annual_opex".into(), "budget.capex".into()],
        });
    }
    out
}

/// What the board is asked to approve.
pub fn decision_text(
    profile: &Profile,
    d: &Decided,
    ask: &BudgetAsk,
    range: &CostRange,
    live: f64,
    bridge: Option<&Bridge>,
) -> String {
    let cur = &profile.organisation.currency;
    let years = profile.budget.horizon_years;
    let option = d.choice.option;
    let what = match option {
        SocOption::InHouse => "build an in-house Security Operations Center",
        SocOption::Outsourced => "outsource security monitoring and response to a managed provider (MSSP/MDR)",
        SocOption::Hybrid => "run a hybrid SOC: a managed provider for 24/7 monitoring, an internal team for response and detection engineering",
    };
    let mut text = format!(
        "Approve the decision to {what}, budgeting {} over {years} years (the median of the simulations), with a contingency of {} to {} (P80); the P10–P90 range is {} to {}; monitoring is live by month {}",
        money_short(cur, ask.p50),
        money_short(cur, ask.contingency),
        money_short(cur, ask.p80),
        money_short(cur, range.p10),
        money_short(cur, range.p90),
        trim_float(live)
    );
    if let Some(b) = bridge {
        text.push_str(&format!(
            ", through a provider bridge until the in-house SOC takes over in month {}",
            trim_float(b.until_month)
        ));
    }
    text.push('.');
    let i = index(option);
    if !d.fits[i] {
        text.push_str(&format!(
            " The board must also raise the operating budget by {} a year or accept less than the required coverage.",
            money_short(cur, d.opex_needed[i] - d.opex)
        ));
    }
    text
}

/// The confidence in plain words, with the budget probability beside it.
pub fn confidence_text(
    d: &Decided,
    level: Confidence,
    probability_best: f64,
    draws: u32,
    p_within: f64,
) -> String {
    let word = match level {
        Confidence::High => "High",
        Confidence::Medium => "Medium",
        Confidence::Low => "Low",
    };
    let rec = d.choice.option.short().to_lowercase();
    let mut text = if draws == 0 {
        format!("{word} confidence: {rec} is the recommendation at the likely values")
    } else {
        format!(
            "{word} confidence: {rec} is still the recommendation in {} of {} joint draws of the cost assumptions, breach losses and weights",
            percent(probability_best),
            thousands(f64::from(draws))
        )
    };
    if let Some(runner) = confidence::runner_up(d) {
        text.push_str(&format!(
            "; the runner-up is {}",
            runner.short().to_lowercase()
        ));
    }
    text.push_str(&format!(
        ". Separately, it stays within the operating budget in every year in {} of the cost simulations",
        percent(p_within)
    ));
    text
}

/// Monitoring and completion months of the recommendation.
pub fn timing(e: &Economics, option: SocOption) -> (f64, f64) {
    let v = &e.likely;
    let bridged_from = e
        .plan
        .bridge
        .filter(|_| option == SocOption::InHouse)
        .map(|b| b.from_month);
    (
        monitoring_month(v, bridged_from, option),
        complete_month(v, option),
    )
}

/// The provider that monitors while an in-house SOC is built, and its cost.
pub fn bridge(profile: &Profile, e: &Economics, option: SocOption) -> Option<Bridge> {
    let plan = e.plan.bridge.filter(|_| option == SocOption::InHouse)?;
    let cost: f64 = e.priced.options[index(SocOption::InHouse)][..e.plan.horizon]
        .iter()
        .map(|y| {
            y.get(super::economics::price::Item::ProviderFee)
                + y.get(super::economics::price::Item::Onboarding)
        })
        .sum::<f64>()
        .round();
    Some(Bridge {
        provider_from_month: plan.from_month,
        until_month: plan.until_month,
        cost,
        text: format!(
            "A managed provider monitors from month {} until the in-house SOC is operational in month {}, for about {}",
            trim_float(plan.from_month),
            trim_float(plan.until_month),
            money_short(&profile.organisation.currency, cost)
        ),
    })
}
