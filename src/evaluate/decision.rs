//! The decision: weighted score, thresholds, hard constraints, robustness.
//!
//! The weighted mean score `S` of the considerations decides: `S >=
//! threshold_in_house` recommends in-house, `S <= threshold_outsourced`
//! outsourcing, anything between a hybrid. Hard constraints then remove
//! options that cannot be chosen (third-party sharing prohibited rules out a
//! fully outsourced SOC; an option over budget is passed over while another
//! fits), moving to the nearest feasible option. Constraints never change
//! `S` itself, so the score's properties hold whatever the constraints.

use super::assessment::{Constraint, ConstraintKind, SocOption};
use super::considerations::{self, Scored};
use super::costs::{self, CostModel};
use super::params::Params;
use super::words::{money_short, percent};
use crate::profile::model::{Consideration, Sharing};
use crate::profile::Profile;

/// Weights as shares of their sum, rounded so that scaling every weight by
/// the same factor gives exactly the same shares.
pub fn normalised(profile: &Profile) -> Vec<(Consideration, f64)> {
    let raw: Vec<(Consideration, f64)> = Consideration::ALL
        .iter()
        .map(|c| (*c, profile.weight(*c)))
        .collect();
    normalise(&raw)
}

pub fn normalise(raw: &[(Consideration, f64)]) -> Vec<(Consideration, f64)> {
    let sum: f64 = raw.iter().map(|(_, w)| w).sum();
    raw.iter()
        .map(|(c, w)| {
            let share = if sum > 0.0 {
                w / sum
            } else {
                1.0 / raw.len() as f64
            };
            (*c, round_to(share, 1e9))
        })
        .collect()
}

pub fn round_to(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

/// Weighted mean score.
pub fn weighted_score(scored: &[Scored], shares: &[(Consideration, f64)]) -> f64 {
    let s: f64 = scored
        .iter()
        .map(|sc| {
            let w = shares
                .iter()
                .find(|(c, _)| *c == sc.key)
                .map_or(0.0, |(_, w)| *w);
            w * sc.score
        })
        .sum();
    round_to(s, 1e9)
}

/// The option the score alone points to.
pub fn band(score: f64, params: &Params) -> SocOption {
    if score >= params.threshold_in_house {
        SocOption::InHouse
    } else if score <= params.threshold_outsourced {
        SocOption::Outsourced
    } else {
        SocOption::Hybrid
    }
}

/// Which options may be recommended, and the constraints that say so.
#[derive(Debug, Clone, PartialEq)]
pub struct Feasibility {
    pub candidates: Vec<SocOption>,
    pub constraints: Vec<Constraint>,
}

/// Months until each option is monitoring (with a bridge for in-house).
pub fn monitoring_month(profile: &Profile, params: &Params, option: SocOption) -> f64 {
    match option {
        SocOption::InHouse => match costs::bridge_plan(profile, params) {
            Some(b) => b.from_month,
            None => params.in_house_build_months,
        },
        SocOption::Outsourced | SocOption::Hybrid => params.provider_onboarding_months,
    }
}

/// Month each option is complete: in-house built, hybrid team in place.
pub fn complete_month(params: &Params, option: SocOption) -> f64 {
    match option {
        SocOption::InHouse => params.in_house_build_months,
        SocOption::Outsourced => params.provider_onboarding_months,
        SocOption::Hybrid => params
            .hybrid_build_months
            .max(params.provider_onboarding_months),
    }
}

pub fn feasibility(profile: &Profile, params: &Params, costs: &CostModel) -> Feasibility {
    let cur = &profile.organisation.currency;
    let mut constraints = Vec::new();
    let mut allowed: Vec<SocOption> = SocOption::ALL.to_vec();
    if profile.compliance.third_party_data_sharing == Sharing::Prohibited {
        allowed.retain(|o| *o != SocOption::Outsourced);
        constraints.push(Constraint {
            kind: ConstraintKind::SharingProhibited,
            option: Some(SocOption::Outsourced),
            reason: "Sharing security data with third parties is prohibited, so a fully outsourced SOC is \
                     not possible; a hybrid is possible only with a provider working inside the \
                     organisation's own tools and region"
                .to_string(),
            changed_recommendation: false,
        });
    }
    let available =
        profile.budget.annual_opex * f64::from(profile.budget.horizon_years) + profile.budget.capex;
    let total = |o: SocOption| costs.options.get(&o).map_or(0.0, |c| c.total);
    let within: Vec<SocOption> = allowed
        .iter()
        .copied()
        .filter(|o| costs.options.get(o).is_some_and(|c| c.within_budget))
        .collect();
    for option in SocOption::ALL {
        if let Some(c) = costs.options.get(&option) {
            if !c.within_budget {
                constraints.push(Constraint {
                    kind: ConstraintKind::OverBudget,
                    option: Some(option),
                    reason: format!(
                        "{} costs {} over {} years, {} more than the {} available",
                        option.short(),
                        money_short(cur, c.total),
                        profile.budget.horizon_years,
                        money_short(cur, c.over_budget_by),
                        money_short(cur, available)
                    ),
                    changed_recommendation: false,
                });
            }
        }
    }
    let candidates = if within.is_empty() {
        let cheapest = allowed
            .iter()
            .copied()
            .min_by(|a, b| total(*a).total_cmp(&total(*b)))
            .unwrap_or(SocOption::Hybrid);
        let shortfall = total(cheapest) - available;
        constraints.push(Constraint {
            kind: ConstraintKind::BudgetCannotFund,
            option: None,
            reason: format!(
                "The budget cannot fund the required coverage with any option: the cheapest possible, {}, \
                 needs {} more over {} years ({} of the money available)",
                cheapest.short().to_lowercase(),
                money_short(cur, shortfall),
                profile.budget.horizon_years,
                percent(if available > 0.0 { total(cheapest) / available } else { 0.0 })
            ),
            changed_recommendation: false,
        });
        allowed
    } else {
        within
    };
    let go_live = f64::from(profile.requirements.go_live_months);
    for option in SocOption::ALL {
        let reason = match option {
            SocOption::InHouse if go_live < params.in_house_build_months => Some(format!(
                "An in-house SOC takes about {} months to build, so it cannot meet the {}-month go-live on its own; \
                 a provider can bridge the gap from month {}",
                costs::trim_float(params.in_house_build_months),
                profile.requirements.go_live_months,
                costs::trim_float(params.provider_onboarding_months)
            )),
            SocOption::Outsourced | SocOption::Hybrid if go_live < params.provider_onboarding_months => Some(format!(
                "A provider needs about {} months to start monitoring, later than the {}-month go-live; no option can be live sooner",
                costs::trim_float(params.provider_onboarding_months),
                profile.requirements.go_live_months
            )),
            _ => None,
        };
        if let Some(reason) = reason {
            constraints.push(Constraint {
                kind: ConstraintKind::Deadline,
                option: Some(option),
                reason,
                changed_recommendation: false,
            });
        }
    }
    Feasibility {
        candidates,
        constraints,
    }
}

/// The option to recommend: the score's choice if feasible, otherwise the
/// nearest feasible option in the direction the score leans.
pub fn choose(score: f64, params: &Params, feasible: &Feasibility) -> SocOption {
    let first = band(score, params);
    let order = match first {
        SocOption::InHouse => [SocOption::InHouse, SocOption::Hybrid, SocOption::Outsourced],
        SocOption::Outsourced => [SocOption::Outsourced, SocOption::Hybrid, SocOption::InHouse],
        SocOption::Hybrid if score >= 0.0 => {
            [SocOption::Hybrid, SocOption::InHouse, SocOption::Outsourced]
        }
        SocOption::Hybrid => [SocOption::Hybrid, SocOption::Outsourced, SocOption::InHouse],
    };
    order
        .into_iter()
        .find(|o| feasible.candidates.contains(o))
        .unwrap_or(first)
}

/// Everything the recommendation depends on, recomputable for sensitivity.
#[derive(Debug, Clone, PartialEq)]
pub struct Core {
    pub costs: CostModel,
    pub scored: Vec<Scored>,
    pub shares: Vec<(Consideration, f64)>,
    pub score: f64,
    pub feasibility: Feasibility,
    pub option: SocOption,
}

pub fn core(profile: &Profile, params: &Params) -> Core {
    let costs = costs::model(profile, params);
    let scored = considerations::score_all(profile, params, &costs);
    let shares = normalised(profile);
    let score = weighted_score(&scored, &shares);
    let feasibility = feasibility(profile, params, &costs);
    let option = choose(score, params, &feasibility);
    Core {
        costs,
        scored,
        shares,
        score,
        feasibility,
        option,
    }
}

/// A small, fast, seedable generator (xorshift64*), so robustness sampling
/// is reproducible from the profile alone.
struct Xorshift(u64);

impl Xorshift {
    fn new(seed: u64) -> Xorshift {
        Xorshift(seed.max(1))
    }

    fn next_unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (x >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// FNV-1a, to seed sampling from the profile's id.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub const ROBUSTNESS_SAMPLES: u32 = 2000;

/// Share of weightings, each weight scaled by a factor drawn from
/// [0.5, 1.5], that keep the recommendation.
pub fn robustness(profile: &Profile, params: &Params, core: &Core) -> f64 {
    let mut rng = Xorshift::new(fnv1a(&profile.id));
    let mut same = 0u32;
    for _ in 0..ROBUSTNESS_SAMPLES {
        let drawn: Vec<(Consideration, f64)> = core
            .shares
            .iter()
            .map(|(c, w)| (*c, w * (0.5 + rng.next_unit())))
            .collect();
        let shares = normalise(&drawn);
        let s = weighted_score(&core.scored, &shares);
        if choose(s, params, &core.feasibility) == core.option {
            same += 1;
        }
    }
    round_to(f64::from(same) / f64::from(ROBUSTNESS_SAMPLES), 1e4)
}

/// Distance of the score from the nearest threshold whose crossing would
/// change the recommendation. A threshold that only leads to an option the
/// constraints rule out does not count; when none counts, the margin is the
/// `None`: no score on the scale changes it.
pub fn margin(score: f64, params: &Params, feasibility: &Feasibility) -> Option<f64> {
    let now = choose(score, params, feasibility);
    let flips = |t: f64| {
        [t - 1e-6, t + 1e-6]
            .into_iter()
            .any(|probe| choose(probe, params, feasibility) != now)
    };
    let m = [params.threshold_in_house, params.threshold_outsourced]
        .into_iter()
        .filter(|t| flips(*t))
        .map(|t| (score - t).abs())
        .fold(f64::INFINITY, f64::min);
    m.is_finite().then(|| round_to(m, 1e3))
}
