//! The expected-loss section: what a material breach is likely to cost a
//! year today and under each option, first year and steady state, with the
//! P10-P90 range of the drawn breach probability and cost.

use super::assessment::{ExpectedLoss, OptionLoss, SocOption};
use super::citations::Citations;
use super::decision::Decided;
use super::economics::simulate::SAMPLES;
use super::economics::Economics;
use super::messages::{say, Message};
use super::risk::loss;
use super::values::{round_to, A};
use crate::profile::Profile;

/// The expected-loss section: today's and each option's expected yearly
/// loss, first year and steady state, with P10-P90 ranges.
pub(crate) fn expected_loss(
    profile: &Profile,
    e: &Economics,
    d: &Decided,
    cites: &mut Citations,
) -> ExpectedLoss {
    let v = &e.likely;
    let fx = &d.effects;
    let mut effects = vec![fx.status_quo];
    effects.extend(fx.steady);
    effects.extend(fx.first_year);
    let r = loss::ranges(profile, (e.seed, &e.resolved), &effects);
    let (p, cost) = (v[A::BreachProbabilityPct] / 100.0, v[A::BreachCost]);
    let likely = fx.steady_yearly(p, cost);
    let status_quo_likely = fx.status_quo_yearly(p, cost);
    let years = f64::from(profile.budget.horizon_years).max(1.0);
    let options = SocOption::ALL
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let reduction = (status_quo_likely - likely[i]).round();
            let yearly = e.facts.total[i] / years;
            (
                *o,
                OptionLoss {
                    steady_state: r[1 + i],
                    first_year: r[4 + i],
                    reduction,
                    reduction_per_cost: if yearly > 0.0 {
                        round_to(reduction / yearly, 1e3)
                    } else {
                        0.0
                    },
                },
            )
        })
        .collect();
    let mut sources = vec![
        "sophos-2025",
        "ibm-codb-2025",
        "kaseya-2021",
        "mtrends-2025",
    ];
    sources.extend(crate::reference::breach::PROBABILITY_SOURCES);
    let cited = cites.cite(&sources);
    ExpectedLoss {
        currency: profile.organisation.currency.clone(),
        breach_probability_pct: round_to(v[A::BreachProbabilityPct], 1e2),
        breach_cost: v[A::BreachCost].round(),
        capability: round_to(loss::capability(profile, v[A::MinTeam]), 1e3),
        status_quo: r[0],
        options,
        method: say(
            Message::LossMethod,
            &[
                ("draws", &crate::numbers::thousands(SAMPLES as f64)),
                (
                    "sources",
                    &cited
                        .iter()
                        .map(|n| n.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        ),
    }
}
