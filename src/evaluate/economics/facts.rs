//! The few numbers the decision reads from a priced plan, for the likely
//! values and for every Monte Carlo draw alike.
//!
//! Value for money and affordability compare the options at run-rate for
//! today's estate (no growth, the whole team paid from the start), so that
//! neither growth nor how fast people can be hired, which have their own
//! considerations, sway them either way.
//!
//! The in-house option's bridge (a provider watching while the SOC is
//! built) is part of its cost and of its budget check, but not of the
//! value-for-money and proportionality comparisons: it buys the same
//! provider service the other options buy, and counting it there would let
//! a cheaper provider argue for building.

use super::budget::{min_opex, min_opex_of};
use super::price::{Item, Priced, YearItems};

pub(crate) const IN_HOUSE: usize = 0;
pub(crate) const OUTSOURCED: usize = 1;
pub(crate) const HYBRID: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CostFacts {
    /// Total over the horizon, per option.
    pub total: [f64; 3],
    /// Present value of the total at the real discount rate.
    pub pv: [f64; 3],
    /// Present value at run-rate: today's estate held flat, the whole team
    /// paid from the start, in-house without its bridge. The appraisal's
    /// money compares this, so that growth, the pace of hiring and the
    /// deadline (which the needs rate) neither count twice nor sway it.
    pub run_rate_pv: [f64; 3],
    /// Total without the in-house bridge (the same as `total` for the
    /// options with a provider), for today's estate held flat.
    pub core_total: [f64; 3],
    /// Smallest annual operating budget each option fits.
    pub min_opex: [f64; 3],
    /// The same for in-house at run-rate for today's estate, without its
    /// bridge.
    pub in_house_core_min_opex: f64,
    /// Running cost in the last year, per option (in-house without the
    /// bridge).
    pub steady: [f64; 3],
}

fn bridge(y: &YearItems) -> (f64, f64) {
    (y.get(Item::ProviderFee), y.get(Item::Onboarding))
}

impl CostFacts {
    /// Facts from the plan priced as it is (`priced`) and with today's
    /// estate held flat (`flat`).
    pub fn of(priced: &Priced, flat: &Priced, capex: f64) -> CostFacts {
        let mut f = CostFacts::default();
        for o in 0..3 {
            let years = &priced.options[o][..priced.horizon];
            f.total[o] = years.iter().map(YearItems::total).sum();
            f.pv[o] = priced.present_value(o);
            f.core_total[o] = flat.options[o][..flat.horizon]
                .iter()
                .map(YearItems::total)
                .sum();
            f.min_opex[o] = min_opex(years, capex);
        }
        let bridged: f64 = flat.options[IN_HOUSE][..flat.horizon]
            .iter()
            .map(|y| bridge(y).0 + bridge(y).1)
            .sum();
        f.core_total[IN_HOUSE] -= bridged;
        for o in 0..3 {
            f.run_rate_pv[o] = super::price::present_value(
                flat.options[o][..flat.horizon].iter().map(|y| {
                    if o == IN_HOUSE {
                        y.total() - bridge(y).0 - bridge(y).1
                    } else {
                        y.total()
                    }
                }),
                flat.discount,
            );
        }
        let years = &priced.options[IN_HOUSE][..priced.horizon];
        let flat_years = &flat.options[IN_HOUSE][..flat.horizon];
        f.in_house_core_min_opex = min_opex_of(
            flat_years.iter().map(|y| {
                let (fee, onboarding) = bridge(y);
                (y.running() - fee, y.one_off() - onboarding)
            }),
            capex,
        );
        for o in 0..3 {
            f.steady[o] = priced.options[o][..priced.horizon]
                .last()
                .map_or(0.0, YearItems::running);
        }
        f.steady[IN_HOUSE] -= years.last().map_or(0.0, |y| bridge(y).0);
        f
    }
}
