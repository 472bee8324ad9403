//! Threats against critical assets: likelihood x impact, and the residual
//! with each option.
//!
//! Each threat in the profile is paired with each critical asset it can
//! plausibly reach (or the organisation as a whole when no asset is listed,
//! or none fits). Likelihood starts from the threat's base rate and rises
//! with its own drivers: how common it is in the sector, APT targeting for
//! espionage and supply-chain threats, past incidents only for the threats
//! behind them, and internet exposure for the threats that use it. Impact
//! starts from the asset's criticality and rises with sensitive data; it is
//! one lower for threats whose losses are usually bounded (BEC,
//! hacktivism, denial of service). Rating = likelihood x impact, banded 1-4
//! low, 5-9 medium, 10-16 high, 20-25 critical (the common board
//! convention).

use super::treatment::{self, reduce};
use crate::evaluate::assessment::{Band, PhasedRating, Residual, Risk, RiskKind, SocOption};
use crate::evaluate::messages::{say, Message};
use crate::profile::model::*;
use crate::profile::Profile;
use std::collections::BTreeMap;

pub(crate) const WHOLE_ORGANISATION: &str = Message::TheOrganisationAsAWhole.template();

pub(crate) fn band(rating: u8) -> Band {
    Band::of(rating)
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
/// sector patterns of the Verizon DBIR and the ENISA Threat Landscape
/// (cited in `reference::threats`).
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
        let industry = industry.label().to_lowercase();
        factors.push(say(Message::CommonIn, &[("industry", &industry)]));
    }
    if profile.risk.targeted_by_apt && matches!(threat, Threat::NationState | Threat::SupplyChain) {
        l += if threat == Threat::NationState { 2 } else { 1 };
        factors.push(Message::TargetedByAptActors.template().into());
    }
    if profile.risk.incidents_last_24_months > 0 && profile.risk.incident_threats.contains(&threat)
    {
        l += 1;
        let count = profile.risk.incidents_last_24_months;
        let plural = if count == 1 {
            String::new()
        } else {
            say(Message::PluralS, &[])
        };
        factors.push(say(
            Message::IncidentsIn24Months,
            &[("count", &count.to_string()), ("plural", &plural)],
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
            factors.push(Message::HoldsSensitiveData.template().into());
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
        factors.push(Message::LossUsuallyBounded.template().into());
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

/// When each option is live and whether the in-house build is bridged by
/// a provider, for the phases.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Timing {
    pub bridged: bool,
}

/// The residual of a risk with inherent `l` x `i` under `option`.
fn residual(
    profile: &Profile,
    option: SocOption,
    threat: Threat,
    l: u8,
    i: u8,
    timing: Timing,
) -> Residual {
    let coverage = profile.requirements.coverage;
    let t = treatment::steady(option, coverage, threat);
    let (sl, si) = reduce(l, i, (t.likelihood, t.impact));
    let (fl, fi) = reduce(l, i, treatment::first_year(t));
    let before = match option {
        SocOption::InHouse if timing.bridged => {
            let bridge = treatment::steady(SocOption::Outsourced, coverage, threat);
            let (bl, bi) = reduce(l, i, treatment::first_year(bridge));
            bl * bi
        }
        _ => l * i,
    };
    Residual {
        applies: true,
        likelihood: sl,
        impact: si,
        rating: sl * si,
        band: band(sl * si),
        detection: t.detection.to_string(),
        response: t.response.to_string(),
        context: t.context.to_string(),
        phases: PhasedRating {
            before_go_live: before,
            first_year: fl * fi,
            steady_state: sl * si,
        },
    }
}

/// The threats of the register, before numbering.
pub(crate) fn threats(profile: &Profile, timing: Timing) -> Vec<Risk> {
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
            let residual: BTreeMap<SocOption, Residual> = SocOption::ALL
                .into_iter()
                .map(|o| {
                    (
                        o,
                        residual(profile, o, threat, a.likelihood, a.impact, timing),
                    )
                })
                .collect();
            risks.push(Risk {
                id: String::new(),
                kind: RiskKind::Threat,
                key: threat.key().to_string(),
                threat_label: threat.label().to_string(),
                asset: asset.map_or(WHOLE_ORGANISATION.to_string(), |a| a.name.clone()),
                likelihood: a.likelihood,
                impact: a.impact,
                rating,
                band: band(rating),
                factors: a.factors,
                residual,
                precedents: Vec::new(),
            });
        }
    }
    risks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_board_convention() {
        assert_eq!(band(4), Band::Low);
        assert_eq!(band(5), Band::Medium);
        assert_eq!(band(9), Band::Medium);
        assert_eq!(band(10), Band::High);
        assert_eq!(band(16), Band::High);
        assert_eq!(band(20), Band::Critical);
        assert_eq!(band(25), Band::Critical);
        // The JSON keeps the words the schema has always had.
        assert_eq!(
            serde_json::to_string(&Band::NotApplicable).unwrap(),
            "\"n/a\""
        );
        assert_eq!(
            serde_json::to_string(&Band::Critical).unwrap(),
            "\"critical\""
        );
    }
}
