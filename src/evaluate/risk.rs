//! The risk assessment: threats against critical assets, likelihood x impact.
//!
//! Method (NIST SP 800-30 style, 5-point scales Very low .. Very high):
//! each threat in the profile is paired with each critical asset it can
//! plausibly reach (or the organisation as a whole when no asset is listed,
//! or none fits). Likelihood starts from the threat's base rate and rises
//! with industry patterns, APT targeting, past incidents and internet
//! exposure; impact starts from the asset's criticality and rises with
//! sensitive data, and is one lower for threats whose losses are usually
//! bounded (BEC, hacktivism, denial of service). Rating = likelihood x impact, banded 1-4 low, 5-9 medium,
//! 10-16 high, 20-25 critical (the common board convention, domain-facts 8).
//!
//! Each option treats a risk differently: 24/7 watching lowers likelihood of
//! an undetected intrusion, fast response lowers impact, and business
//! context matters for insider, fraud and targeted threats. The residual
//! rating per option follows from those effects.

use super::assessment::{HeatMap, Residual, Risk, SocOption};
use crate::profile::model::*;
use crate::profile::Profile;
use std::collections::BTreeMap;

pub const WHOLE_ORGANISATION: &str = "The organisation as a whole";

pub fn label(level: u8) -> &'static str {
    match level {
        1 => "Very low",
        2 => "Low",
        3 => "Moderate",
        4 => "High",
        _ => "Very high",
    }
}

pub fn band(rating: u8) -> &'static str {
    match rating {
        0..=4 => "low",
        5..=9 => "medium",
        10..=16 => "high",
        _ => "critical",
    }
}

fn sensitive(asset: &CriticalAsset) -> bool {
    asset.data.iter().any(|d| {
        matches!(
            d,
            DataClass::Pii
                | DataClass::Phi
                | DataClass::Financial
                | DataClass::PaymentCard
                | DataClass::Classified
        )
    })
}

/// Whether a threat can plausibly reach an asset.
fn applies(threat: Threat, asset: &CriticalAsset, industry: Industry) -> bool {
    let money_data = asset
        .data
        .iter()
        .any(|d| matches!(d, DataClass::Financial | DataClass::PaymentCard));
    match threat {
        Threat::Ransomware => true,
        Threat::NationState => {
            asset.criticality >= Criticality::High
                || asset
                    .data
                    .iter()
                    .any(|d| matches!(d, DataClass::Classified | DataClass::IntellectualProperty))
        }
        Threat::Cybercrime => {
            asset.internet_facing
                || sensitive(asset)
                || asset.data.contains(&DataClass::Credentials)
        }
        Threat::Insider => {
            matches!(asset.kind, AssetKind::DataStore | AssetKind::Identity)
                || sensitive(asset)
                || asset.data.contains(&DataClass::IntellectualProperty)
        }
        Threat::Fraud => {
            money_data
                || (asset.kind == AssetKind::Application
                    && matches!(
                        industry,
                        Industry::Finance
                            | Industry::Insurance
                            | Industry::Retail
                            | Industry::Ecommerce
                    ))
        }
        Threat::Hacktivism | Threat::Ddos => asset.internet_facing,
        Threat::SupplyChain => matches!(
            asset.kind,
            AssetKind::Application
                | AssetKind::Infrastructure
                | AssetKind::OtSystem
                | AssetKind::CloudService
        ),
        Threat::Bec => asset.kind == AssetKind::Identity || money_data,
    }
}

fn base_likelihood(threat: Threat) -> i32 {
    match threat {
        Threat::Ransomware | Threat::Cybercrime | Threat::Bec => 3,
        _ => 2,
    }
}

/// Industries where a threat is more frequent than its base rate, from the
/// sector patterns in domain-facts 7.
fn industry_raises(threat: Threat, industry: Industry) -> bool {
    use Industry::*;
    match threat {
        Threat::Fraud => matches!(industry, Finance | Insurance | Retail | Ecommerce),
        Threat::Hacktivism => matches!(industry, Government | Energy | Utilities | Media),
        Threat::Ddos => matches!(industry, Government | Ecommerce | Telecom | Transport),
        Threat::NationState => matches!(
            industry,
            Defence | Energy | Utilities | Telecom | Government
        ),
        Threat::Ransomware => matches!(industry, Healthcare | Manufacturing | Education),
        Threat::SupplyChain => matches!(industry, Technology | Manufacturing),
        _ => false,
    }
}

struct Assessed {
    likelihood: u8,
    impact: u8,
    factors: Vec<String>,
}

fn assess(profile: &Profile, threat: Threat, asset: Option<&CriticalAsset>) -> Assessed {
    let industry = profile.organisation.industry;
    let mut factors = Vec::new();
    let mut l = base_likelihood(threat);
    if industry_raises(threat, industry) {
        l += 1;
        factors.push(format!("common in {}", industry.label().to_lowercase()));
    }
    if profile.risk.targeted_by_apt && matches!(threat, Threat::NationState | Threat::SupplyChain) {
        l += if threat == Threat::NationState { 2 } else { 1 };
        factors.push("targeted by APT actors".into());
    }
    if profile.risk.incidents_last_24_months > 0 {
        l += 1;
        factors.push(format!(
            "{} incident{} in 24 months",
            profile.risk.incidents_last_24_months,
            if profile.risk.incidents_last_24_months == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    let internet_facing = asset.is_none_or(|a| a.internet_facing);
    if asset.is_some_and(|a| a.internet_facing)
        && matches!(
            threat,
            Threat::Ransomware | Threat::Cybercrime | Threat::Ddos | Threat::Hacktivism
        )
    {
        l += 1;
        factors.push("internet-facing".into());
    }
    let mut i = match asset.map(|a| a.criticality) {
        Some(Criticality::Low) => 2,
        Some(Criticality::Medium) => 3,
        Some(Criticality::High) => 4,
        Some(Criticality::Critical) => 5,
        None => 4,
    };
    if let Some(a) = asset {
        if sensitive(a) && a.criticality < Criticality::Critical {
            i += 1;
            factors.push("holds sensitive data".into());
        }
    }
    // Losses from these are usually bounded (a payment diverted, a site
    // defaced or down for hours) rather than a breach of the asset's data.
    let bounded = match threat {
        Threat::Bec | Threat::Hacktivism => true,
        Threat::Ddos => {
            !internet_facing
                || asset.is_some_and(|a| {
                    !matches!(a.kind, AssetKind::Application | AssetKind::CloudService)
                })
        }
        _ => false,
    };
    if bounded {
        i -= 1;
        factors.push("loss usually bounded".into());
    }
    if asset.is_none() && !profile.compliance.frameworks.is_empty() {
        factors.push("regulated".into());
    }
    Assessed {
        likelihood: l.clamp(1, 5) as u8,
        impact: i.clamp(1, 5) as u8,
        factors,
    }
}

/// How an option treats a threat: (likelihood reduction, impact reduction,
/// detection, response, context).
fn treatment(
    profile: &Profile,
    option: SocOption,
    threat: Threat,
) -> (u8, u8, &'static str, &'static str, &'static str) {
    let context_heavy = matches!(
        threat,
        Threat::Insider | Threat::Fraud | Threat::NationState | Threat::Bec
    );
    let fast_moving = matches!(
        threat,
        Threat::Ransomware | Threat::Cybercrime | Threat::Ddos | Threat::Hacktivism
    );
    let coverage = profile.requirements.coverage;
    match option {
        SocOption::InHouse => {
            let (dl, detection) = match coverage {
                Coverage::TwentyFourSeven => (1, "24/7, in-house"),
                Coverage::Extended => (u8::from(!fast_moving), "extended hours, on-call at night"),
                Coverage::BusinessHours => (0, "business hours only"),
            };
            let di = if context_heavy || coverage != Coverage::BusinessHours {
                1
            } else {
                0
            };
            (
                dl,
                di,
                detection,
                "internal team, full authority",
                "deep business context",
            )
        }
        SocOption::Outsourced => {
            let dl = u8::from(!matches!(threat, Threat::Insider | Threat::Fraud));
            let di = u8::from(
                fast_moving || matches!(threat, Threat::NationState | Threat::SupplyChain),
            );
            (
                dl,
                di,
                "24/7, by the provider",
                "provider contains within its SLA, owner approves",
                "limited: the provider sees alerts, not the business",
            )
        }
        SocOption::Hybrid => (
            1,
            1,
            "24/7, by the provider",
            "internal team leads, provider contains out of hours",
            "shared: internal team adds context",
        ),
    }
}

/// The risk register, highest rating first, and its heat maps.
pub fn assess_all(profile: &Profile) -> (Vec<Risk>, HeatMap) {
    let assets = &profile.environment.critical_assets;
    let industry = profile.organisation.industry;
    let mut risks = Vec::new();
    for &threat in &profile.risk.threats {
        let targets: Vec<Option<&CriticalAsset>> = {
            let fitting: Vec<Option<&CriticalAsset>> = assets
                .iter()
                .filter(|a| applies(threat, a, industry))
                .map(Some)
                .collect();
            if fitting.is_empty() {
                vec![None]
            } else {
                fitting
            }
        };
        for asset in targets {
            let a = assess(profile, threat, asset);
            let rating = a.likelihood * a.impact;
            let mut residual = BTreeMap::new();
            for option in SocOption::ALL {
                let (dl, di, detection, response, context) = treatment(profile, option, threat);
                let l = a.likelihood.saturating_sub(dl).max(1);
                let i = a.impact.saturating_sub(di).max(1);
                residual.insert(
                    option,
                    Residual {
                        likelihood: l,
                        impact: i,
                        rating: l * i,
                        band: band(l * i).to_string(),
                        detection: detection.to_string(),
                        response: response.to_string(),
                        context: context.to_string(),
                    },
                );
            }
            risks.push(Risk {
                id: String::new(),
                threat,
                threat_label: threat.label().to_string(),
                asset: asset.map_or(WHOLE_ORGANISATION.to_string(), |a| a.name.clone()),
                likelihood: a.likelihood,
                impact: a.impact,
                rating,
                band: band(rating).to_string(),
                factors: a.factors,
                residual,
            });
        }
    }
    // Highest rating first; ties keep profile order (threats, then assets).
    risks.sort_by_key(|r| std::cmp::Reverse(r.rating));
    for (n, r) in risks.iter_mut().enumerate() {
        r.id = format!("R{:02}", n + 1);
    }
    let mut counts = [[0u32; 5]; 5];
    let mut residual: BTreeMap<SocOption, [[u32; 5]; 5]> = BTreeMap::new();
    for r in &risks {
        counts[usize::from(r.likelihood - 1)][usize::from(r.impact - 1)] += 1;
        for (option, res) in &r.residual {
            residual.entry(*option).or_insert([[0; 5]; 5])[usize::from(res.likelihood - 1)]
                [usize::from(res.impact - 1)] += 1;
        }
    }
    (risks, HeatMap { counts, residual })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_board_convention() {
        assert_eq!(band(4), "low");
        assert_eq!(band(5), "medium");
        assert_eq!(band(9), "medium");
        assert_eq!(band(10), "high");
        assert_eq!(band(16), "high");
        assert_eq!(band(20), "critical");
        assert_eq!(band(25), "critical");
    }
}
