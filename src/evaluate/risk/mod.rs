//! The risk assessment: threats against critical assets and the risks that
//! come with a sourcing choice, likelihood x impact, each option's residual
//! over time, and the expected yearly loss.
//!
//! Method (NIST SP 800-30 style, 5-point scales Very low .. Very high):
//! [`register`] pairs each threat with each critical asset it can reach;
//! [`sourcing`] adds provider compromise, provider outage, lock-in, key
//! people and the coverage gap while a SOC is built, for the options they
//! belong to; [`treatment`] says how each option changes detection,
//! response, context and exposure, phase by phase; [`loss`] turns breach
//! frequency and cost into an expected yearly loss per option and for the
//! status quo.

pub mod loss;
pub mod register;
pub mod sourcing;
pub mod treatment;

use super::assessment::{HeatMap, Risk, SocOption};
use std::collections::BTreeMap;

pub use register::{band, label};

/// Number the register (highest inherent rating first, ties in the order
/// assessed) and count its heat maps.
pub fn finish(mut risks: Vec<Risk>) -> (Vec<Risk>, HeatMap) {
    risks.sort_by_key(|r| std::cmp::Reverse(r.rating));
    for (n, r) in risks.iter_mut().enumerate() {
        r.id = format!("R{:02}", n + 1);
    }
    let mut counts = [[0u32; 5]; 5];
    let mut residual: BTreeMap<SocOption, [[u32; 5]; 5]> = BTreeMap::new();
    for r in &risks {
        counts[usize::from(r.likelihood - 1)][usize::from(r.impact - 1)] += 1;
        for (option, res) in &r.residual {
            let cells = residual.entry(*option).or_insert([[0; 5]; 5]);
            if res.applies {
                cells[usize::from(res.likelihood - 1)][usize::from(res.impact - 1)] += 1;
            }
        }
    }
    (risks, HeatMap { counts, residual })
}

/// The expected-loss section: today's and each option's expected yearly
/// loss, first year and steady state, with P10-P90 ranges.
pub fn expected_loss(
    profile: &crate::profile::Profile,
    e: &crate::evaluate::economics::Economics,
    d: &crate::evaluate::decision::Decided,
    cites: &mut crate::evaluate::citations::Citations,
) -> super::assessment::ExpectedLoss {
    use crate::evaluate::assessment::OptionLoss;
    use crate::evaluate::values::{round_to, A};
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
    super::assessment::ExpectedLoss {
        currency: profile.organisation.currency.clone(),
        breach_probability_pct: round_to(v[A::BreachProbabilityPct], 1e2),
        breach_cost: v[A::BreachCost].round(),
        capability: round_to(loss::capability(profile, v[A::MinTeam]), 1e3),
        status_quo: r[0],
        options,
        method: format!(
            "expected yearly loss = yearly probability of a material breach × its cost, split into commodity and targeted attacks, each lowered by what an option detects and contains (never below what today’s team and tools already do), plus a provider’s own exposure; probability and cost drawn {} times from their ranges, in a Latin hypercube [{}]",
            crate::numbers::thousands(crate::evaluate::economics::simulate::SAMPLES as f64),
            cited.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")
        ),
    }
}
