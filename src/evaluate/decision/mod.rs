//! The decision at likely values: which options are feasible, what each
//! costs risk-adjusted, how each meets the needs, and which the rule picks
//! ([`super::appraisal`]).
//!
//! Everything here is a number or a rule (the one sentence is why a hard
//! rule rules an option out); [`section`] states the appraisal as the
//! assessment shows it. The pieces that do not change with
//! costs are kept in [`Decided`], so the simulation, the confidence and the
//! switching values re-decide with new costs cheaply.

pub(crate) mod section;

use super::appraisal::{Appraiser, Choice, Valued};
use super::assessment::{ConstraintKind, SocOption};
use super::economics::facts::CostFacts;
use super::economics::simulate::quantiles;
use super::economics::{index, Economics};
use super::messages::Message;
use super::needs::{self, Need};
use super::risk::loss::Effects;
use super::schedule::provider_start;
use super::values::A;
use crate::profile::model::Sharing;
use crate::profile::Profile;

/// A hard rule that makes an option infeasible.
#[derive(Debug, Clone, PartialEq)]
pub struct Infeasible {
    pub kind: ConstraintKind,
    pub option: SocOption,
}

/// Why a hard rule rules an option out, for the constraints, the reasons
/// and the appraisal table.
pub(crate) fn infeasible_reason(kind: ConstraintKind) -> &'static str {
    match kind {
        ConstraintKind::SharingProhibited => {
            Message::SharingProhibitedRulesOutOutsourcing.template()
        }
        ConstraintKind::Classified => Message::ClassifiedRulesOutOutsourcing.template(),
        _ => "",
    }
}

/// The decision at likely values, and what re-deciding needs.
#[derive(Debug, Clone)]
pub struct Decided {
    pub appraiser: Appraiser,
    pub needs: Vec<Need>,
    pub infeasible: Vec<Infeasible>,
    pub effects: Effects,
    /// Present value of each option's expected loss at run-rate (steady
    /// state every year), at likely values.
    pub loss_pv: [f64; 3],
    pub valued: Valued,
    /// The operating budget each option needs a year: the median of the
    /// draws (so that it fits with a probability of at least one half), or
    /// the likely need without a simulation.
    pub opex_needed: [f64; 3],
    /// How the median need compares with the likely one, to carry the
    /// median over to a re-priced plan.
    pub need_ratio: [f64; 3],
    pub fits: [bool; 3],
    pub choice: Choice,
    pub opex: f64,
    pub horizon: usize,
    pub discount: f64,
}

/// Hard rules: third-party sharing prohibited, or classified data, rule out
/// a fully outsourced SOC. Nothing else does: over budget is a funding gap,
/// and a go-live a provider cannot meet, no option can.
pub(crate) fn infeasible(profile: &Profile) -> Vec<Infeasible> {
    let mut out = Vec::new();
    if profile.compliance.third_party_data_sharing == Sharing::Prohibited {
        out.push(Infeasible {
            kind: ConstraintKind::SharingProhibited,
            option: SocOption::Outsourced,
        });
    }
    if profile.holds_classified_data() {
        out.push(Infeasible {
            kind: ConstraintKind::Classified,
            option: SocOption::Outsourced,
        });
    }
    out
}

/// Every option's loss effects, and the present value of its expected loss
/// at run-rate and likely values.
pub(crate) fn losses(profile: &Profile, e: &Economics) -> (Effects, [f64; 3]) {
    let v = &e.likely;
    let min_team = needs::minimum_team(profile, v, e.plan.in_house[0].total());
    let effects = Effects::new(
        profile,
        min_team,
        v[A::InHouseBuildMonths],
        provider_start(v),
        e.plan.bridge.is_some(),
    );
    let discount = v[A::DiscountRatePct] / 100.0;
    let p = v[A::BreachProbabilityPct] / 100.0;
    let cost = v[A::BreachCost];
    let loss_pv = std::array::from_fn(|o| {
        effects.run_rate_present_value(o, p, cost, e.plan.horizon, discount)
    });
    (effects, loss_pv)
}

/// Whether each option fits an operating budget of `opex`.
pub(crate) fn fits(opex_needed: &[f64; 3], opex: f64) -> [bool; 3] {
    opex_needed.map(|need| need <= opex + 1e-6)
}

pub(crate) fn decide(profile: &Profile, e: &Economics) -> Decided {
    let v = &e.likely;
    let in_house_team = e.plan.in_house[0].total();
    let needs = needs::rate_all(profile, v, in_house_team);
    let infeasible = infeasible(profile);
    let mut feasible = [true; 3];
    for r in &infeasible {
        feasible[index(r.option)] = false;
    }
    let (effects, loss_pv) = losses(profile, e);
    let horizon = e.plan.horizon;
    let discount = v[A::DiscountRatePct] / 100.0;
    let appraiser = Appraiser::new(
        profile.decision.money_share,
        profile.need_shares(),
        &needs,
        feasible,
    );
    let valued = appraiser.value(e.facts.run_rate_pv, loss_pv);
    let opex_needed: [f64; 3] = if e.sim.draws.is_empty() {
        e.facts.min_opex
    } else {
        std::array::from_fn(|o| {
            let mut needs: Vec<f64> = e.sim.draws.iter().map(|d| d.min_opex[o]).collect();
            let [median] = quantiles(&mut needs, [0.5]);
            median
        })
    };
    let need_ratio = std::array::from_fn(|o| {
        if e.facts.min_opex[o] > 0.0 {
            opex_needed[o] / e.facts.min_opex[o]
        } else {
            1.0
        }
    });
    let opex = profile.budget.annual_opex;
    let fits = fits(&opex_needed, opex);
    let choice = appraiser.choose(&valued, fits);
    Decided {
        appraiser,
        needs,
        infeasible,
        effects,
        loss_pv,
        valued,
        opex_needed,
        need_ratio,
        fits,
        choice,
        opex,
        horizon,
        discount,
    }
}

impl Decided {
    /// The recommendation with costs re-priced (`facts` at likely values of
    /// a changed plan) and the operating budget `opex`.
    pub fn redecide(&self, facts: &CostFacts, opex: f64) -> SocOption {
        let valued = self.appraiser.value(facts.run_rate_pv, self.loss_pv);
        let need: [f64; 3] = std::array::from_fn(|o| facts.min_opex[o] * self.need_ratio[o]);
        self.appraiser.choose(&valued, fits(&need, opex)).option
    }

    /// The recommendation with another budget, costs unchanged.
    pub fn with_budget(&self, opex: f64) -> SocOption {
        self.appraiser
            .choose(&self.valued, fits(&self.opex_needed, opex))
            .option
    }

    /// The recommendation with another money share or need weighting,
    /// costs unchanged.
    pub fn with_weights(&self, money_share: f64, shares: &[f64; 7]) -> SocOption {
        let valued =
            self.appraiser
                .value_with(self.valued.cost, self.valued.loss, money_share, shares);
        self.appraiser.choose(&valued, self.fits).option
    }

    /// The cheapest feasible option, risk-adjusted.
    pub fn cheapest(&self) -> SocOption {
        let candidates = self.appraiser.candidates();
        SocOption::ALL
            .into_iter()
            .filter(|o| candidates[index(*o)])
            .min_by(|a, b| {
                self.valued.risk_adjusted[index(*a)]
                    .total_cmp(&self.valued.risk_adjusted[index(*b)])
            })
            .unwrap_or(SocOption::Outsourced)
    }

    /// Sum of discount factors over the horizon: a present value over this
    /// is the equal amount a year.
    pub fn annuity(&self) -> f64 {
        (0..self.horizon)
            .map(|y| (1.0 + self.discount).powi(-(y as i32)))
            .sum::<f64>()
            .max(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_prohibition_or_classified_data_rules_an_option_out() {
        let mut p = crate::profile::starter_profile().expect("starter profile");
        p.compliance.third_party_data_sharing = Sharing::Allowed;
        assert_eq!(infeasible(&p), []);
        p.compliance.third_party_data_sharing = Sharing::Prohibited;
        assert_eq!(
            infeasible(&p),
            [Infeasible {
                kind: ConstraintKind::SharingProhibited,
                option: SocOption::Outsourced,
            }]
        );
        // An option fits when its need is within the budget, a rounding
        // error aside.
        assert_eq!(
            fits(
                &[1_000_000.0, 1_000_000.000_000_5, 1_000_001.0],
                1_000_000.0
            ),
            [true, true, false]
        );
    }

    #[test]
    fn the_decision_at_likely_values_recommends_a_feasible_option() {
        let mut p = crate::profile::starter_profile().expect("starter profile");
        p.compliance.third_party_data_sharing = Sharing::Prohibited;
        let d = crate::evaluate::quick(&p).decided;
        assert_ne!(d.choice.option, SocOption::Outsourced);
        assert!(!d.appraiser.feasible[index(SocOption::Outsourced)]);
    }
}
