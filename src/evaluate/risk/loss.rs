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
//! These effect sizes are the model's, derived from the cited figures.
//! Frequency and magnitude are drawn from their ranges (the
//! `breach_probability_pct` and `breach_cost` assumptions), so each
//! expected loss is a range, P10 to P90.

use crate::evaluate::assessment::{LossRange, SocOption};
use crate::evaluate::economics::simulate::{fnv1a, quantiles, Hypercube, Pert, Xorshift, SAMPLES};
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
    /// Multiplier on the cost of a breach.
    pub magnitude: f64,
    /// Yearly probability added by the provider's own exposure.
    pub provider_exposure: f64,
}

pub const STATUS_QUO: Effect = Effect {
    commodity: 1.0,
    targeted: 1.0,
    magnitude: 1.0,
    provider_exposure: 0.0,
};

/// Yearly probability that a client is breached through its provider: in
/// 2021 one compromised tool reached about 60 of its vendor's 37,000
/// customers directly (0.16%), more through them.
pub const PROVIDER_EXPOSURE: f64 = 0.003;

pub fn effect(option: SocOption, coverage: Coverage, espionage: bool) -> Effect {
    let exposure = PROVIDER_EXPOSURE * if espionage { 3.0 } else { 1.0 };
    match option {
        SocOption::InHouse => {
            let (commodity, magnitude) = match coverage {
                Coverage::TwentyFourSeven => (0.6, 0.65),
                Coverage::Extended => (0.75, 0.75),
                Coverage::BusinessHours => (0.85, 0.85),
            };
            Effect {
                commodity,
                targeted: 0.5,
                magnitude,
                provider_exposure: 0.0,
            }
        }
        SocOption::Outsourced => Effect {
            commodity: 0.55,
            targeted: 0.85,
            magnitude: 0.7,
            provider_exposure: exposure,
        },
        SocOption::Hybrid => Effect {
            commodity: 0.55,
            targeted: 0.7,
            magnitude: 0.65,
            provider_exposure: exposure / 2.0,
        },
    }
}

/// Halfway between two effects: an option in its first year.
fn halfway(a: Effect, b: Effect) -> Effect {
    Effect {
        commodity: (a.commodity + b.commodity) / 2.0,
        targeted: (a.targeted + b.targeted) / 2.0,
        magnitude: (a.magnitude + b.magnitude) / 2.0,
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

pub fn exposure(profile: &Profile) -> Exposure {
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
pub fn expected(x: Exposure, e: Effect, p: f64, cost: f64) -> f64 {
    let frequency = p * (x.commodity * e.commodity + x.targeted * e.targeted);
    (frequency * e.magnitude + e.provider_exposure) * cost
}

/// Months in the first year before an option is live, and its effect in
/// that time (the bridge for in-house when there is one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FirstYear {
    pub months_before: f64,
    pub before: Effect,
}

/// An option's effect averaged over its first year.
pub fn first_year_effect(steady: Effect, fy: FirstYear) -> Effect {
    let before = fy.months_before.clamp(0.0, 12.0) / 12.0;
    let after = 1.0 - before;
    let ramp = halfway(STATUS_QUO, steady);
    Effect {
        commodity: before * fy.before.commodity + after * ramp.commodity,
        targeted: before * fy.before.targeted + after * ramp.targeted,
        magnitude: before * fy.before.magnitude + after * ramp.magnitude,
        provider_exposure: before * fy.before.provider_exposure + after * ramp.provider_exposure,
    }
}

/// Percentiles of the expected loss under each effect, drawing the base
/// probability and the breach cost from their ranges.
pub fn ranges(
    profile: &Profile,
    resolved: &crate::evaluate::assumptions::Resolved,
    effects: &[Effect],
) -> Vec<LossRange> {
    let x = exposure(profile);
    let p = resolved.ranges[A::BreachProbabilityPct as usize];
    let c = resolved.ranges[A::BreachCost as usize];
    let probability = Pert::new(p.low, p.likely, p.high);
    let cost = Pert::new(c.low, c.likely, c.high);
    let mut rng = Xorshift::new(fnv1a(&profile.id) ^ 0x51_7cc1_b727_220a);
    let cube = Hypercube::new(2, &mut rng);
    let mut draws: Vec<Vec<f64>> = vec![Vec::with_capacity(SAMPLES); effects.len()];
    for sample in 0..SAMPLES {
        let pp = probability.at(cube.at(sample, 0)) / 100.0;
        let cc = cost.at(cube.at(sample, 1));
        for (d, e) in draws.iter_mut().zip(effects) {
            d.push(expected(x, *e, pp, cc));
        }
    }
    draws
        .into_iter()
        .map(|mut d| {
            let [p10, p50, p90] = quantiles(&mut d, [0.1, 0.5, 0.9]);
            LossRange {
                p10: p10.round(),
                p50: p50.round(),
                p90: p90.round(),
            }
        })
        .collect()
}

pub fn espionage(profile: &Profile) -> bool {
    profile.risk.targeted_by_apt || profile.risk.threats.contains(&Threat::NationState)
}

/// Expected yearly loss per option (in-house, outsourced, hybrid) in steady
/// state, at the likely breach probability and cost.
pub fn steady_likely(profile: &Profile, v: &crate::evaluate::values::Values) -> [f64; 3] {
    let x = exposure(profile);
    let p = v[A::BreachProbabilityPct] / 100.0;
    let c = v[A::BreachCost];
    let coverage = profile.requirements.coverage;
    let esp = espionage(profile);
    SocOption::ALL.map(|o| expected(x, effect(o, coverage, esp), p, c))
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
                assert!(ih.targeted * ih.magnitude <= alt.targeted * alt.magnitude);
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
