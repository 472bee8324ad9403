//! Expected yearly loss, in the manner of FAIR: how often a material breach
//! happens (loss event frequency) times what one costs (loss magnitude),
//! for today's defences (the status quo) and for each option.
//!
//! The frequency splits into commodity attacks (ransomware, intrusion for
//! money, fraud, email compromise, denial of service) and targeted ones
//! (espionage, insiders, supply chain). APT targeting doubles the targeted
//! part; past incidents raise the part they belong to. Each option lowers
//! each part by how much earlier it detects, and lowers the cost of a
//! breach by how fast it contains:
//!
//! - Managed detection customers see ransomware dwell times of about three
//!   days against a week without, and 24/7 watching matters because most
//!   ransomware is deployed outside working hours: a provider (or a 24/7
//!   in-house SOC) cuts commodity frequency the most.
//! - Targeted attacks are slow; people who know the business catch them,
//!   whatever their hours: in-house cuts targeted frequency the most,
//!   a provider alone the least.
//! - Breaches found internally and contained fast cost about USD 0.9-1.9
//!   million less (IBM), a third of the average: a SOC lowers the cost of a
//!   breach by 15-35%.
//! - A provider adds its own route in (provider compromise), more so for
//!   organisations that espionage actors target.
//!
//! Today's defences count: an organisation with analysts, a SIEM and EDR
//! already catches some of what a SOC would, so its status quo sits part of
//! the way toward an in-house business-hours team, and no option is
//! credited with lowering what is already low. "Loss avoided" is measured
//! from where the organisation stands.
//!
//! These effect sizes are the model's, derived from the cited figures;
//! where no study measures an effect (how much a provider lowers insider and
//! fraud likelihood against a team with business context) the size is an
//! assumption with its reason, ranged through the breach frequency.
//! Frequency and magnitude are drawn from their ranges (the
//! `breach_probability_pct` and `breach_cost` assumptions), so each
//! expected loss is a range, P10 to P90.

use crate::evaluate::assessment::{LossRange, SocOption};
use crate::evaluate::economics::simulate::{
    quantiles, Hypercube, Pert, Seed, Stream, Tables, SAMPLES,
};
use crate::evaluate::values::A;
use crate::profile::model::{Coverage, Threat};
use crate::profile::Profile;

/// How an arrangement changes breach frequency and cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effect {
    /// Multiplier on the commodity part of the frequency.
    pub commodity: f64,
    /// Multiplier on the targeted part.
    pub targeted: f64,
    /// Multiplier on the cost of a commodity breach: how fast it is
    /// contained, which round-the-clock watching decides.
    pub magnitude: f64,
    /// Multiplier on the cost of a targeted breach: slow intrusions are
    /// contained by whoever knows the business, whatever the hours.
    pub targeted_magnitude: f64,
    /// Yearly probability added by the provider's own exposure.
    pub provider_exposure: f64,
}

#[cfg(test)]
pub(crate) const STATUS_QUO: Effect = Effect {
    commodity: 1.0,
    targeted: 1.0,
    magnitude: 1.0,
    targeted_magnitude: 1.0,
    provider_exposure: 0.0,
};

/// Yearly probability that a client is breached through its provider: in
/// 2021 one compromised tool reached about 60 of its vendor's 37,000
/// customers directly (0.16%), more through them.
pub(crate) const PROVIDER_EXPOSURE: f64 = 0.003;

pub(crate) fn effect(option: SocOption, coverage: Coverage, espionage: bool) -> Effect {
    let exposure = PROVIDER_EXPOSURE * if espionage { 3.0 } else { 1.0 };
    match option {
        SocOption::InHouse => {
            let (commodity, magnitude) = match coverage {
                Coverage::TwentyFourSeven => (0.6, 0.65),
                Coverage::Extended => (0.75, 0.75),
                Coverage::BusinessHours => (0.85, 0.85),
            };
            // People with business context catch insiders, fraud and
            // espionage best: about a third fewer (assumption).
            Effect {
                commodity,
                targeted: 0.65,
                magnitude,
                targeted_magnitude: 0.65,
                provider_exposure: 0.0,
            }
        }
        // A provider watches identities, mailboxes and data movement, so it
        // catches some insider and fraud activity, without the context to
        // catch as much (assumption: 15% against 35% in-house).
        SocOption::Outsourced => Effect {
            commodity: 0.55,
            targeted: 0.85,
            magnitude: 0.7,
            targeted_magnitude: 0.7,
            provider_exposure: exposure,
        },
        SocOption::Hybrid => Effect {
            commodity: 0.55,
            targeted: 0.65,
            magnitude: 0.65,
            targeted_magnitude: 0.65,
            provider_exposure: exposure / 2.0,
        },
    }
}

/// How far today's defences go toward an in-house business-hours SOC, 0 to
/// 1: half for today's security staff against the smallest 24/7 team, a
/// quarter each for an owned SIEM and EDR.
pub(crate) fn capability(profile: &Profile, min_team: f64) -> f64 {
    use crate::profile::model::Tool;
    let staff = if min_team > 0.0 {
        (profile.existing_staff() as f64 / min_team).min(1.0)
    } else {
        0.0
    };
    let tool = |t: Tool| if profile.owns(t) { 0.25 } else { 0.0 };
    0.5 * staff + tool(Tool::Siem) + tool(Tool::Edr)
}

/// Today's effect: part of the way toward an in-house business-hours SOC,
/// as far as today's capability goes.
pub(crate) fn status_quo(profile: &Profile, min_team: f64) -> Effect {
    let c = capability(profile, min_team);
    let towards = effect(SocOption::InHouse, Coverage::BusinessHours, false);
    let mix = |a: f64, b: f64| a + (b - a) * c;
    Effect {
        commodity: mix(1.0, towards.commodity),
        targeted: mix(1.0, towards.targeted),
        magnitude: mix(1.0, towards.magnitude),
        targeted_magnitude: mix(1.0, towards.targeted_magnitude),
        provider_exposure: 0.0,
    }
}

/// An option's effect, never weaker than what today's defences already do
/// (its provider exposure aside).
fn at_least(option: Effect, today: Effect) -> Effect {
    Effect {
        commodity: option.commodity.min(today.commodity),
        targeted: option.targeted.min(today.targeted),
        magnitude: option.magnitude.min(today.magnitude),
        targeted_magnitude: option.targeted_magnitude.min(today.targeted_magnitude),
        provider_exposure: option.provider_exposure,
    }
}

/// Every effect one evaluation needs: today's, and each option's in its
/// first year and in steady state, by option index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effects {
    pub status_quo: Effect,
    pub steady: [Effect; 3],
    pub first_year: [Effect; 3],
    pub exposure: Exposure,
}

impl Effects {
    /// `build`: months until an in-house SOC is operational; `provider`:
    /// months until a provider monitors; `bridged`: whether a provider
    /// watches while in-house is built.
    pub fn new(
        profile: &Profile,
        min_team: f64,
        build: f64,
        provider: f64,
        bridged: bool,
    ) -> Effects {
        let today = status_quo(profile, min_team);
        let coverage = profile.requirements.coverage;
        let espionage = espionage(profile);
        let steady = SocOption::ALL.map(|o| at_least(effect(o, coverage, espionage), today));
        let first = |i: usize, o: SocOption| {
            let fy = match o {
                SocOption::InHouse => FirstYear {
                    months_before: build,
                    before: if bridged {
                        first_year_effect(
                            steady[1],
                            FirstYear {
                                months_before: provider,
                                before: today,
                            },
                            today,
                        )
                    } else {
                        today
                    },
                },
                _ => FirstYear {
                    months_before: provider,
                    before: today,
                },
            };
            first_year_effect(steady[i], fy, today)
        };
        Effects {
            status_quo: today,
            steady,
            first_year: [
                first(0, SocOption::InHouse),
                first(1, SocOption::Outsourced),
                first(2, SocOption::Hybrid),
            ],
            exposure: exposure(profile),
        }
    }

    /// Present value of an option's expected loss over `years` at the
    /// base probability `p` (0-1) and breach cost `cost`: its first year,
    /// then steady state, discounted at `rate`.
    pub fn present_value(&self, option: usize, p: f64, cost: f64, years: usize, rate: f64) -> f64 {
        let first = expected(self.exposure, self.first_year[option], p, cost);
        let steady = expected(self.exposure, self.steady[option], p, cost);
        let later: f64 = (1..years).map(|y| (1.0 + rate).powi(-(y as i32))).sum();
        first + steady * later
    }

    /// Present value of an option's expected loss at run-rate: steady
    /// state every year, as the appraisal's money compares it.
    pub fn run_rate_present_value(
        &self,
        option: usize,
        p: f64,
        cost: f64,
        years: usize,
        rate: f64,
    ) -> f64 {
        let steady = expected(self.exposure, self.steady[option], p, cost);
        let weights: f64 = (0..years).map(|y| (1.0 + rate).powi(-(y as i32))).sum();
        steady * weights
    }

    /// Expected yearly loss of each option in steady state.
    pub fn steady_yearly(&self, p: f64, cost: f64) -> [f64; 3] {
        self.steady.map(|e| expected(self.exposure, e, p, cost))
    }

    pub fn status_quo_yearly(&self, p: f64, cost: f64) -> f64 {
        expected(self.exposure, self.status_quo, p, cost)
    }
}

/// The draws of base probability (0-1) and breach cost that every loss
/// range uses, in sample order.
pub(crate) fn samples(
    seed: Seed,
    resolved: &crate::evaluate::assumptions::Resolved,
) -> Vec<(f64, f64)> {
    let p = resolved.ranges[A::BreachProbabilityPct as usize];
    let c = resolved.ranges[A::BreachCost as usize];
    let tables = &mut Tables::default();
    let probability = Pert::new(p.low, p.likely, p.high, tables);
    let cost = Pert::new(c.low, c.likely, c.high, tables);
    let mut rng = seed.stream(Stream::Losses);
    let cube = Hypercube::new(2, &mut rng);
    (0..SAMPLES)
        .map(|sample| {
            (
                probability.at(cube.at(sample, 0)) / 100.0,
                cost.at(cube.at(sample, 1)),
            )
        })
        .collect()
}

/// Halfway between two effects: an option in its first year.
fn halfway(a: Effect, b: Effect) -> Effect {
    Effect {
        commodity: (a.commodity + b.commodity) / 2.0,
        targeted: (a.targeted + b.targeted) / 2.0,
        magnitude: (a.magnitude + b.magnitude) / 2.0,
        targeted_magnitude: (a.targeted_magnitude + b.targeted_magnitude) / 2.0,
        provider_exposure: (a.provider_exposure + b.provider_exposure) / 2.0,
    }
}

/// The profile's split of breach frequency into commodity and targeted
/// parts, as shares of the base probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Exposure {
    pub commodity: f64,
    pub targeted: f64,
}

pub(crate) fn exposure(profile: &Profile) -> Exposure {
    let r = &profile.risk;
    let targeted_threats = [Threat::NationState, Threat::Insider, Threat::SupplyChain];
    let any_targeted = r.threats.iter().any(|t| targeted_threats.contains(t));
    let mut targeted = if any_targeted { 0.2 } else { 0.05 };
    let mut commodity = 1.0 - targeted;
    if r.targeted_by_apt {
        targeted *= 2.0;
    }
    let history = 1.0 + 0.15 * (r.incidents_last_24_months.min(4) as f64);
    if r.incidents_last_24_months > 0 {
        if r.incident_threats
            .iter()
            .any(|t| targeted_threats.contains(t))
        {
            targeted *= history;
        }
        if r.incident_threats
            .iter()
            .any(|t| !targeted_threats.contains(t))
        {
            commodity *= history;
        }
    }
    Exposure {
        commodity,
        targeted,
    }
}

/// Expected yearly loss for a base probability `p` (0-1) and breach cost
/// `cost` under an effect.
pub(crate) fn expected(x: Exposure, e: Effect, p: f64, cost: f64) -> f64 {
    let breaches = p
        * (x.commodity * e.commodity * e.magnitude
            + x.targeted * e.targeted * e.targeted_magnitude);
    (breaches + e.provider_exposure) * cost
}

/// Months in the first year before an option is live, and its effect in
/// that time (the bridge for in-house when there is one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FirstYear {
    pub months_before: f64,
    pub before: Effect,
}

/// An option's effect averaged over its first year, ramping up from
/// `today` once it is live.
pub(crate) fn first_year_effect(steady: Effect, fy: FirstYear, today: Effect) -> Effect {
    let before = fy.months_before.clamp(0.0, 12.0) / 12.0;
    let after = 1.0 - before;
    let ramp = halfway(today, steady);
    Effect {
        commodity: before * fy.before.commodity + after * ramp.commodity,
        targeted: before * fy.before.targeted + after * ramp.targeted,
        magnitude: before * fy.before.magnitude + after * ramp.magnitude,
        targeted_magnitude: before * fy.before.targeted_magnitude + after * ramp.targeted_magnitude,
        provider_exposure: before * fy.before.provider_exposure + after * ramp.provider_exposure,
    }
}

/// Percentiles of the expected loss under each effect, drawing the base
/// probability and the breach cost from their ranges.
pub(crate) fn ranges(
    profile: &Profile,
    (seed, resolved): (Seed, &crate::evaluate::assumptions::Resolved),
    effects: &[Effect],
) -> Vec<LossRange> {
    let x = exposure(profile);
    let draws = samples(seed, resolved);
    effects
        .iter()
        .map(|e| {
            let mut d: Vec<f64> = draws.iter().map(|(p, c)| expected(x, *e, *p, *c)).collect();
            let [p10, p50, p90] = quantiles(&mut d, [0.1, 0.5, 0.9]);
            LossRange {
                p10: p10.round(),
                p50: p50.round(),
                p90: p90.round(),
            }
        })
        .collect()
}

pub(crate) fn espionage(profile: &Profile) -> bool {
    profile.risk.targeted_by_apt || profile.risk.threats.contains(&Threat::NationState)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_house_is_never_worse_on_targeted_attacks() {
        // The risk consideration relies on this: APT targeting must never
        // make in-house look worse against an alternative.
        for coverage in Coverage::ALL {
            let ih = effect(SocOption::InHouse, *coverage, true);
            for o in [SocOption::Outsourced, SocOption::Hybrid] {
                let alt = effect(o, *coverage, true);
                assert!(
                    ih.targeted <= alt.targeted && ih.targeted_magnitude <= alt.targeted_magnitude
                );
                assert!(ih.provider_exposure <= alt.provider_exposure);
            }
        }
    }

    #[test]
    fn every_option_lowers_the_loss_in_steady_state() {
        let x = Exposure {
            commodity: 0.8,
            targeted: 0.2,
        };
        let base = expected(x, STATUS_QUO, 0.1, 1_000_000.0);
        for o in SocOption::ALL {
            for coverage in Coverage::ALL {
                assert!(expected(x, effect(o, *coverage, false), 0.1, 1_000_000.0) < base);
            }
        }
    }
}
