//! The decision: weighted score, thresholds, hard constraints, fallback,
//! robustness and confidence.
//!
//! The weighted mean score `S` of the considerations points to an option:
//! `S >= threshold_in_house` in-house, `S <= threshold_outsourced`
//! outsourcing, anything between a hybrid. Two hard constraints remove
//! options whatever the score: third-party sharing prohibited rules out a
//! fully outsourced SOC, and an in-house SOC out of proportion to the
//! organisation's size is ruled out. The nearest allowed option in the
//! score's order is the starting point.
//!
//! The budget then decides how far to fall back: from the starting point
//! toward outsourcing, one option at a time (never skipping hybrid), the
//! first that fits the budget in every year is recommended; when none
//! fits, the most outsourced allowed option is, and the report says how
//! much the budget falls short. Falling back only toward outsourcing keeps
//! the recommendation monotone in the budget: more money never moves it
//! toward outsourcing.
//!
//! Constraints never change `S` itself, so the score's properties hold
//! whatever the constraints.

use super::assessment::SocOption;
use super::considerations::{self, budget_parts, CostView, Scored, SizeReference};
use super::economics::facts::CostFacts;
use super::economics::simulate::{fnv1a, Simulation, Xorshift};
use super::economics::{index, Economics};
use super::values::{Values, A};
use crate::profile::model::{Consideration, Sharing};
use crate::profile::Profile;

pub fn round_to(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

/// Weights as shares of their sum, rounded so that scaling every weight by
/// the same factor gives exactly the same shares.
pub fn normalised(profile: &Profile) -> [f64; 8] {
    let mut raw = [0.0; 8];
    for (i, c) in Consideration::ALL.iter().enumerate() {
        raw[i] = profile.weight(*c);
    }
    normalise(&raw)
}

pub fn normalise(raw: &[f64; 8]) -> [f64; 8] {
    let sum: f64 = raw.iter().sum();
    let mut out = [0.0; 8];
    for (o, w) in out.iter_mut().zip(raw) {
        let share = if sum > 0.0 { w / sum } else { 1.0 / 8.0 };
        *o = round_to(share, 1e9);
    }
    out
}

/// Weighted mean score.
pub fn weighted(scores: &[f64; 8], shares: &[f64; 8]) -> f64 {
    let s: f64 = scores.iter().zip(shares).map(|(s, w)| s * w).sum();
    round_to(s, 1e9)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub in_house: f64,
    pub outsourced: f64,
}

/// The option the score alone points to.
pub fn band(score: f64, t: Thresholds) -> SocOption {
    if score >= t.in_house {
        SocOption::InHouse
    } else if score <= t.outsourced {
        SocOption::Outsourced
    } else {
        SocOption::Hybrid
    }
}

/// Options in the score's order of preference.
fn preference(score: f64, t: Thresholds) -> [SocOption; 3] {
    use SocOption::*;
    match band(score, t) {
        InHouse => [InHouse, Hybrid, Outsourced],
        Outsourced => [Outsourced, Hybrid, InHouse],
        Hybrid if score >= 0.0 => [Hybrid, InHouse, Outsourced],
        Hybrid => [Hybrid, Outsourced, InHouse],
    }
}

/// How far toward outsourcing an option is: in-house 2, hybrid 1,
/// outsourced 0.
fn rank(o: SocOption) -> u8 {
    match o {
        SocOption::InHouse => 2,
        SocOption::Hybrid => 1,
        SocOption::Outsourced => 0,
    }
}

/// The options hard constraints leave, and which of them fit the budget.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gate {
    pub allowed: [bool; 3],
    pub fits: [bool; 3],
}

impl Gate {
    pub fn allowed(&self, o: SocOption) -> bool {
        self.allowed[index(o)]
    }

    pub fn fits(&self, o: SocOption) -> bool {
        self.fits[index(o)]
    }

    pub fn allowed_list(&self) -> Vec<SocOption> {
        SocOption::ALL
            .into_iter()
            .filter(|o| self.allowed(*o))
            .collect()
    }
}

/// The recommendation for a score and a gate.
pub fn choose(score: f64, t: Thresholds, gate: &Gate) -> SocOption {
    let order = preference(score, t);
    let start = order
        .into_iter()
        .find(|o| gate.allowed(*o))
        .unwrap_or(SocOption::Hybrid);
    // From the start toward outsourcing, in rank order.
    let mut path: Vec<SocOption> = SocOption::ALL
        .into_iter()
        .filter(|o| gate.allowed(*o) && rank(*o) <= rank(start))
        .collect();
    path.sort_by_key(|o| std::cmp::Reverse(rank(*o)));
    path.iter()
        .copied()
        .find(|o| gate.fits(*o))
        .or_else(|| path.last().copied())
        .unwrap_or(start)
}

/// Everything the decision depends on that does not change with costs or
/// the budget, so sensitivity and the Monte Carlo can re-decide cheaply.
pub struct Decider {
    pub thresholds: Thresholds,
    pub shares: [f64; 8],
    /// Scores of the considerations that do not depend on costs, with the
    /// budget and risk slots (0 and 2) recomputed from costs.
    pub fixed_scores: [f64; 8],
    pub sharing_prohibited: bool,
    pub size: SizeReference,
    pub capex: f64,
    /// Risk points before the expected-loss term, and the expected yearly
    /// loss per option, to re-score the risk consideration with new costs.
    pub risk_points: f64,
    pub loss: [f64; 3],
    pub years: f64,
}

impl Decider {
    pub fn gate(&self, facts: &CostFacts, opex: f64) -> Gate {
        let mut allowed = [true; 3];
        if self.sharing_prohibited {
            allowed[index(SocOption::Outsourced)] = false;
        }
        for option in [SocOption::InHouse, SocOption::Hybrid] {
            if considerations::proportion(facts, &self.size, option)
                > considerations::OUT_OF_PROPORTION
            {
                allowed[index(option)] = false;
            }
        }
        let mut fits = [false; 3];
        for (i, f) in fits.iter_mut().enumerate() {
            *f = facts.min_opex[i] <= opex + 1e-6;
        }
        Gate { allowed, fits }
    }

    /// Allowed options before the proportionality constraint, for value
    /// for money: the proportionality rule must not change whom in-house is
    /// compared with.
    fn comparable(&self) -> Vec<SocOption> {
        SocOption::ALL
            .into_iter()
            .filter(|o| !(self.sharing_prohibited && *o == SocOption::Outsourced))
            .collect()
    }

    pub fn budget_score(&self, facts: &CostFacts, opex: f64) -> f64 {
        budget_parts(facts, opex, &self.comparable(), &self.size).score()
    }

    pub fn risk_score(&self, facts: &CostFacts) -> f64 {
        let value = considerations::loss_value(&self.loss, facts, &self.comparable(), self.years);
        (self.risk_points + value).clamp(-2.0, 2.0)
    }

    pub fn score(&self, facts: &CostFacts, opex: f64) -> f64 {
        let mut scores = self.fixed_scores;
        scores[0] = self.budget_score(facts, opex);
        scores[2] = self.risk_score(facts);
        weighted(&scores, &self.shares)
    }

    pub fn decide(&self, facts: &CostFacts, opex: f64) -> SocOption {
        choose(
            self.score(facts, opex),
            self.thresholds,
            &self.gate(facts, opex),
        )
    }
}

/// The decision at likely values.
pub struct Core {
    pub decider: Decider,
    pub scored: Vec<Scored>,
    pub score: f64,
    pub gate: Gate,
    pub option: SocOption,
}

pub fn thresholds(v: &Values) -> Thresholds {
    Thresholds {
        in_house: 0.5 + 0.0 * v[A::FxUsdRate],
        outsourced: -0.5,
    }
}

pub fn core(profile: &Profile, e: &Economics, loss: [f64; 3]) -> Core {
    let v = &e.likely;
    let size = considerations::size_reference(profile, v);
    let sharing_prohibited = profile.compliance.third_party_data_sharing == Sharing::Prohibited;
    let comparable: Vec<SocOption> = SocOption::ALL
        .into_iter()
        .filter(|o| !(sharing_prohibited && *o == SocOption::Outsourced))
        .collect();
    let scored = considerations::score_all(
        profile,
        v,
        &CostView {
            facts: &e.facts,
            allowed: &comparable,
            size: &size,
            in_house_team: e.plan.in_house[0].total(),
            loss: &loss,
        },
    );
    let shares = normalised(profile);
    let mut fixed_scores = [0.0; 8];
    for (slot, s) in fixed_scores.iter_mut().zip(&scored) {
        *slot = s.score;
    }
    fixed_scores[0] = 0.0;
    fixed_scores[2] = 0.0;
    let decider = Decider {
        thresholds: thresholds(v),
        shares,
        fixed_scores,
        sharing_prohibited,
        size,
        capex: profile.budget.capex,
        risk_points: considerations::risk_points(profile).0,
        loss,
        years: f64::from(profile.budget.horizon_years),
    };
    let opex = profile.budget.annual_opex;
    let score = decider.score(&e.facts, opex);
    let gate = decider.gate(&e.facts, opex);
    let option = choose(score, decider.thresholds, &gate);
    Core {
        decider,
        scored,
        score,
        gate,
        option,
    }
}

pub const ROBUSTNESS_SAMPLES: u32 = 2000;

/// Share of weightings, each weight scaled by a factor drawn from
/// [0.5, 1.5], that keep the recommendation.
pub fn weight_robustness(profile: &Profile, core: &Core) -> f64 {
    let mut rng = Xorshift::new(fnv1a(&profile.id));
    let mut scores = core.decider.fixed_scores;
    scores[0] = core.scored[0].score;
    scores[2] = core.scored[2].score;
    let mut same = 0u32;
    for _ in 0..ROBUSTNESS_SAMPLES {
        let mut drawn = core.decider.shares;
        for w in &mut drawn {
            *w *= 0.5 + rng.next_unit();
        }
        let shares = normalise(&drawn);
        let s = weighted(&scores, &shares);
        if choose(s, core.decider.thresholds, &core.gate) == core.option {
            same += 1;
        }
    }
    round_to(f64::from(same) / f64::from(ROBUSTNESS_SAMPLES), 1e4)
}

/// Share of the cost simulation's draws whose recommendation, re-decided
/// with the drawn costs, is the same.
pub fn cost_robustness(profile: &Profile, core: &Core, sim: &Simulation) -> f64 {
    if sim.draws.is_empty() {
        return 1.0;
    }
    let opex = profile.budget.annual_opex;
    let same = sim
        .draws
        .iter()
        .filter(|d| core.decider.decide(d, opex) == core.option)
        .count();
    round_to(same as f64 / sim.draws.len() as f64, 1e4)
}

/// Distance of the score from the nearest threshold whose crossing would
/// change the recommendation. A threshold that only leads to an option the
/// constraints rule out does not count; when none counts, the margin is
/// `None`: no score on the scale changes it.
pub fn margin(score: f64, t: Thresholds, gate: &Gate) -> Option<f64> {
    let now = choose(score, t, gate);
    let flips = |x: f64| {
        [x - 1e-6, x + 1e-6]
            .into_iter()
            .any(|probe| choose(probe, t, gate) != now)
    };
    let m = [t.in_house, t.outsourced]
        .into_iter()
        .filter(|x| flips(*x))
        .map(|x| (score - x).abs())
        .fold(f64::INFINITY, f64::min);
    m.is_finite().then(|| round_to(m, 1e3))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Thresholds = Thresholds {
        in_house: 0.5,
        outsourced: -0.5,
    };

    fn gate(allowed: [bool; 3], fits: [bool; 3]) -> Gate {
        Gate { allowed, fits }
    }

    #[test]
    fn fallback_goes_toward_outsourcing_one_step_at_a_time() {
        use SocOption::*;
        // Gates list in-house, outsourced, hybrid.
        // In-house scored but over budget: hybrid if it fits, never skipped.
        assert_eq!(
            choose(1.0, T, &gate([true; 3], [false, true, true])),
            Hybrid
        );
        assert_eq!(
            choose(1.0, T, &gate([true; 3], [false, false, true])),
            Hybrid
        );
        assert_eq!(
            choose(1.0, T, &gate([true; 3], [false, true, false])),
            Outsourced
        );
        // Nothing fits: the most outsourced allowed option.
        assert_eq!(choose(1.0, T, &gate([true; 3], [false; 3])), Outsourced);
        // Never up: outsourcing scored and over budget stays outsourcing.
        assert_eq!(
            choose(-1.0, T, &gate([true; 3], [true, false, true])),
            Outsourced
        );
        // Sharing prohibited: outsourcing is not allowed, hybrid is nearest.
        assert_eq!(
            choose(-1.0, T, &gate([true, false, true], [true; 3])),
            Hybrid
        );
        // In-house out of proportion: hybrid.
        assert_eq!(
            choose(1.0, T, &gate([false, true, true], [true; 3])),
            Hybrid
        );
    }

    #[test]
    fn more_fitting_options_never_move_the_choice_toward_outsourcing() {
        for score in [-1.0, -0.2, 0.2, 1.0] {
            for allowed_bits in 1..8u8 {
                let allowed = [
                    allowed_bits & 1 != 0,
                    allowed_bits & 2 != 0,
                    allowed_bits & 4 != 0,
                ];
                for fits_bits in 0..8u8 {
                    for extra in 0..3 {
                        let fits = [fits_bits & 1 != 0, fits_bits & 2 != 0, fits_bits & 4 != 0];
                        let mut more = fits;
                        more[extra] = true;
                        let a = choose(score, T, &gate(allowed, fits));
                        let b = choose(score, T, &gate(allowed, more));
                        assert!(
                            rank(b) >= rank(a),
                            "{score} {allowed:?} {fits:?} -> {more:?}"
                        );
                    }
                }
            }
        }
    }
}
