//! The recommendation as the assessment states it: the option, how sure
//! the model is, the budget to ask for, what rules it and why, when
//! monitoring starts, the bridge for an in-house build, and what the board
//! is asked to decide.
//!
//! The numbers come from [`super::decision`] and [`super::confidence`];
//! this module selects and words them.

use super::assessment::*;
use super::decision::Decided;
use super::economics::price::Item;
use super::economics::{index, Economics};
use super::messages::{say, Message};
use super::schedule::{complete_month, monitoring_month};
use super::{confidence, constraints, reasons, values};
use crate::numbers::{money_short, trim_float};
use crate::profile::Profile;

/// The recommendation with how sure it is, what it costs, what rules it,
/// when monitoring starts and, for an in-house build, the bridge.
pub(crate) fn recommend(
    profile: &Profile,
    e: &Economics,
    d: &Decided,
    costs: &Costs,
    decision: &Decision,
) -> Recommendation {
    let option = d.choice.option;
    let i = index(option);
    let (probability_best, draws) = confidence::probability_best(e, d);
    let level = confidence::level(probability_best);
    let p_within = values::round_to(e.sim.probability_within(i, d.opex), 1e4);
    let (live, complete) = timing(e, option);
    let bridge = bridge(profile, e, option);
    let [p50, p80] = e.sim.quantiles(i, [0.5, 0.8]);
    let range = costs.options.get(&option).map_or(
        CostRange {
            p10: 0.0,
            p50: 0.0,
            p90: 0.0,
        },
        |c| c.range,
    );
    let years = f64::from(profile.budget.horizon_years).max(1.0);
    let ask = if e.sim.draws.is_empty() {
        let total = e.facts.total[i].round();
        BudgetAsk {
            p50: total,
            p80: total,
            contingency: 0.0,
            p50_per_year: (total / years).round(),
        }
    } else {
        BudgetAsk {
            p50: p50.round(),
            p80: p80.round(),
            contingency: (p80 - p50).max(0.0).round(),
            p50_per_year: (p50 / years).round(),
        }
    };
    Recommendation {
        option,
        label: option.label().to_string(),
        confidence: level,
        probability_best,
        draws,
        probability_within_budget: p_within,
        budget_ask: ask,
        constraints: constraints::constraints(profile, e, d),
        reasons: reasons::reasons(profile, d, decision),
        decision: decision_text(profile, d, &ask, &range, live, bridge.as_ref()),
        monitoring_live_month: live,
        complete_month: complete,
        bridge,
        confidence_text: confidence::confidence_text(d, level, probability_best, draws, p_within),
    }
}

/// What the board is asked to approve.
pub(crate) fn decision_text(
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
    let what = say(
        match option {
            SocOption::InHouse => Message::BuildInHouse,
            SocOption::Outsourced => Message::Outsource,
            SocOption::Hybrid => Message::RunHybrid,
        },
        &[],
    );
    let mut text = say(
        Message::ApproveDecision,
        &[
            ("what", &what),
            ("p50", &money_short(cur, ask.p50)),
            ("years", &years.to_string()),
            ("contingency", &money_short(cur, ask.contingency)),
            ("p80", &money_short(cur, ask.p80)),
            ("p10", &money_short(cur, range.p10)),
            ("p90", &money_short(cur, range.p90)),
            ("live", &trim_float(live)),
        ],
    );
    if let Some(b) = bridge {
        text.push_str(&say(
            Message::BridgeUntilInHouse,
            &[("month", &trim_float(b.until_month))],
        ));
    }
    text.push('.');
    let i = index(option);
    if !d.fits[i] {
        text.push_str(&say(
            Message::RaiseBudget,
            &[("gap", &money_short(cur, d.opex_needed[i] - d.opex))],
        ));
    }
    text
}

/// Monitoring and completion months of the recommendation.
pub(crate) fn timing(e: &Economics, option: SocOption) -> (f64, f64) {
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
pub(crate) fn bridge(profile: &Profile, e: &Economics, option: SocOption) -> Option<Bridge> {
    let plan = e.plan.bridge.filter(|_| option == SocOption::InHouse)?;
    let cost: f64 = e.priced.options[index(SocOption::InHouse)][..e.plan.horizon]
        .iter()
        .map(|y| y.get(Item::ProviderFee) + y.get(Item::Onboarding))
        .sum::<f64>()
        .round();
    Some(Bridge {
        provider_from_month: plan.from_month,
        until_month: plan.until_month,
        cost,
        text: say(
            Message::BridgeMonitors,
            &[
                ("from", &trim_float(plan.from_month)),
                ("until", &trim_float(plan.until_month)),
                ("cost", &money_short(&profile.organisation.currency, cost)),
            ],
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_board_is_asked_for_the_median_with_a_contingency_to_p80() {
        let p = crate::profile::starter_profile().expect("starter profile");
        let mut d = crate::evaluate::quick(&p).decided;
        let cur = p.organisation.currency.clone();
        let ask = BudgetAsk {
            p50: 5_000_000.0,
            p80: 5_600_000.0,
            contingency: 600_000.0,
            p50_per_year: 1_000_000.0,
        };
        let range = CostRange {
            p10: 4_500_000.0,
            p50: 5_000_000.0,
            p90: 6_000_000.0,
        };
        let i = index(d.choice.option);
        d.opex = 1_200_000.0;
        d.opex_needed[i] = 1_000_000.0;
        d.fits[i] = true;
        let text = decision_text(&p, &d, &ask, &range, 5.5, None);
        assert!(
            text.contains(&format!(
                "budgeting {} over {} years (the median of the simulations), with a contingency of {} to {} (P80); the P10–P90 range is {} to {}; monitoring is live by month 5.5.",
                money_short(&cur, 5_000_000.0),
                p.budget.horizon_years,
                money_short(&cur, 600_000.0),
                money_short(&cur, 5_600_000.0),
                money_short(&cur, 4_500_000.0),
                money_short(&cur, 6_000_000.0)
            )),
            "{text}"
        );
        assert!(!text.contains("raise the operating budget"));
        // Needing 1.5 million against 1.2: the board must raise it by 0.3.
        d.opex_needed[i] = 1_500_000.0;
        d.fits[i] = false;
        let text = decision_text(&p, &d, &ask, &range, 5.5, None);
        assert!(text.ends_with(&format!(
            " The board must also raise the operating budget by {} a year or accept less than the required coverage.",
            money_short(&cur, 300_000.0)
        )));
    }
}
