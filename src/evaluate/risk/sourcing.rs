//! The risks that come with a sourcing choice, each added for the options
//! it belongs to, with the real cases that show it happens.
//!
//! - Provider compromise: attackers reach clients through their managed
//!   service provider (APT10's "Cloud Hopper", the 2021 Kaseya VSA
//!   ransomware, the 2022 joint advisory on threats to MSPs).
//! - Provider outage and concentration: one vendor's faulty update stops
//!   its customers at once (the July 2024 EDR update).
//! - Lock-in: changing provider is slow and costly, so buyers renew.
//! - Key people: analysts leave at a quarter or more a year.
//! - Coverage gap: nothing new watches while an in-house SOC is built.

use super::register::{band, Timing};
use super::treatment::reduce;
use crate::evaluate::assessment::{Band, PhasedRating, Residual, Risk, RiskKind, SocOption};
use crate::evaluate::messages::{say, Message};
use crate::profile::model::{Coverage, Criticality, DataClass, HiringMarket, Threat};
use crate::profile::Profile;
use std::collections::BTreeMap;

/// How one option meets a sourcing risk: whether it arises, the inherent
/// likelihood and impact with that option, and the reductions its controls
/// bring in the first year and in steady state. A risk that arises only
/// before go-live has zero steady-state rating.
struct Exposure {
    applies: bool,
    likelihood: u8,
    impact: u8,
    first_year: (u8, u8),
    steady: (u8, u8),
    /// Rating before the option is live; `None` uses the inherent rating.
    before: Option<u8>,
    /// The risk is closed once the option is live (the build gap).
    closes_at_go_live: bool,
    how: &'static str,
}

const NONE: Exposure = Exposure {
    applies: false,
    likelihood: 0,
    impact: 0,
    first_year: (0, 0),
    steady: (0, 0),
    before: Some(0),
    closes_at_go_live: false,
    how: "",
};

fn residual(e: &Exposure) -> Residual {
    if !e.applies {
        return Residual {
            applies: false,
            likelihood: 0,
            impact: 0,
            rating: 0,
            band: Band::NotApplicable,
            detection: String::new(),
            response: String::new(),
            context: String::new(),
            phases: PhasedRating {
                before_go_live: e.before.unwrap_or(0),
                first_year: 0,
                steady_state: 0,
            },
        };
    }
    let inherent = e.likelihood * e.impact;
    let (fl, fi) = reduce(e.likelihood, e.impact, e.first_year);
    let (sl, si) = if e.closes_at_go_live {
        (1, 1)
    } else {
        reduce(e.likelihood, e.impact, e.steady)
    };
    let first = if e.closes_at_go_live { 1 } else { fl * fi };
    Residual {
        applies: true,
        likelihood: sl,
        impact: si,
        rating: sl * si,
        band: band(sl * si),
        detection: String::new(),
        response: e.how.to_string(),
        context: String::new(),
        phases: PhasedRating {
            before_go_live: e.before.unwrap_or(inherent),
            first_year: first,
            steady_state: sl * si,
        },
    }
}

struct SourcingRisk {
    key: &'static str,
    label: &'static str,
    factors: Vec<String>,
    precedents: &'static [&'static str],
    exposures: [Exposure; 3],
}

fn risk(r: SourcingRisk, cite: &mut dyn FnMut(&[&'static str]) -> Vec<u32>) -> Risk {
    let residual: BTreeMap<SocOption, Residual> = SocOption::ALL
        .into_iter()
        .zip(r.exposures.iter())
        .map(|(o, e)| (o, residual(e)))
        .collect();
    // The register's inherent rating is the worst exposure among the
    // options it belongs to.
    let (likelihood, impact) = r
        .exposures
        .iter()
        .filter(|e| e.applies)
        .map(|e| (e.likelihood, e.impact))
        .max_by_key(|(l, i)| l * i)
        .unwrap_or((1, 1));
    Risk {
        id: String::new(),
        kind: RiskKind::Sourcing,
        key: r.key.to_string(),
        threat_label: r.label.to_string(),
        asset: Message::RiskAssetSecurityOperations.template().to_string(),
        likelihood,
        impact,
        rating: likelihood * impact,
        band: band(likelihood * impact),
        factors: r.factors,
        residual,
        precedents: cite(r.precedents),
    }
}

fn sensitive_crown_jewels(p: &Profile) -> bool {
    p.environment.critical_assets.iter().any(|a| {
        a.criticality == Criticality::Critical
            && a.data.iter().any(|d| {
                matches!(
                    d,
                    DataClass::Classified
                        | DataClass::Phi
                        | DataClass::Financial
                        | DataClass::PaymentCard
                        | DataClass::Pii
                )
            })
    })
}

/// The sourcing risks, before numbering.
pub(crate) fn risks(
    profile: &Profile,
    timing: Timing,
    cite: &mut dyn FnMut(&[&'static str]) -> Vec<u32>,
) -> Vec<Risk> {
    let espionage =
        profile.risk.targeted_by_apt || profile.risk.threats.contains(&Threat::NationState);
    let round_the_clock = profile.requirements.coverage == Coverage::TwentyFourSeven;
    let mut out = Vec::new();

    let l = 2 + u8::from(espionage);
    let i = 4 + u8::from(sensitive_crown_jewels(profile));
    let mut factors = vec![Message::ProviderHoldsPrivilegedAccess
        .template()
        .to_string()];
    if espionage {
        factors.push(Message::EspionageTargetsProviders.template().into());
    }
    out.push(risk(
        SourcingRisk {
            key: "provider_compromise",
            label: Message::RiskProviderCompromise.template(),
            factors,
            precedents: &["cloud-hopper", "kaseya-2021", "cisa-aa22-131a"],
            exposures: [
                Exposure {
                    before: Some(if timing.bridged { l * i } else { 0 }),
                    ..NONE
                },
                Exposure {
                    applies: true,
                    likelihood: l,
                    impact: i,
                    first_year: (0, 0),
                    steady: (1, 0),
                    before: Some(0),
                    closes_at_go_live: false,
                    how: Message::ProviderAccessContractControls.template(),
                },
                Exposure {
                    applies: true,
                    likelihood: l,
                    impact: i,
                    first_year: (1, 0),
                    steady: (1, 1),
                    before: Some(0),
                    closes_at_go_live: false,
                    how: Message::ProviderLeastPrivilegeRevocable.template(),
                },
            ],
        },
        cite,
    ));

    let i = 3 + u8::from(round_the_clock);
    out.push(risk(
        SourcingRisk {
            key: "provider_outage",
            label: Message::RiskProviderOutage.template(),
            factors: vec![Message::CustomersShareOnePlatform.template().into()],
            precedents: &["crowdstrike-outage-2024"],
            exposures: [
                NONE,
                Exposure {
                    applies: true,
                    likelihood: 3,
                    impact: i,
                    first_year: (0, 0),
                    steady: (0, 1),
                    before: Some(0),
                    closes_at_go_live: false,
                    how: Message::ContinuityPlanAndStagedUpdates.template(),
                },
                Exposure {
                    applies: true,
                    likelihood: 3,
                    impact: i,
                    first_year: (0, 1),
                    steady: (0, 2),
                    before: Some(0),
                    closes_at_go_live: false,
                    how: Message::InternalTeamRunsOwnTools.template(),
                },
            ],
        },
        cite,
    ));

    out.push(risk(
        SourcingRisk {
            key: "lock_in",
            label: Message::RiskLockIn.template(),
            factors: vec![Message::DetectionContentSitsWithProvider.template().into()],
            precedents: &["ccua-2022", "ccua-2024", "dora-exit"],
            exposures: [
                NONE,
                Exposure {
                    applies: true,
                    likelihood: 3,
                    impact: 3,
                    first_year: (0, 0),
                    steady: (1, 0),
                    before: Some(0),
                    closes_at_go_live: false,
                    how: Message::TestedExitPlan.template(),
                },
                Exposure {
                    applies: true,
                    likelihood: 2,
                    impact: 2,
                    first_year: (0, 0),
                    steady: (1, 0),
                    before: Some(0),
                    closes_at_go_live: false,
                    how: Message::ToolsAndContentOwned.template(),
                },
            ],
        },
        cite,
    ));

    let l = match profile.security_team.hiring_market {
        HiringMarket::Easy => 2,
        HiringMarket::Normal => 3,
        HiringMarket::Tight => 4,
    };
    let key_person = |impact: u8, how: &'static str| Exposure {
        applies: true,
        likelihood: l,
        impact,
        first_year: (0, 0),
        steady: (0, 1),
        before: None,
        closes_at_go_live: false,
        how,
    };
    out.push(risk(
        SourcingRisk {
            key: "key_person",
            label: Message::RiskLossOfKeyPeople.template(),
            factors: vec![say(
                Message::HiringMarketAttrition,
                &[("market", profile.security_team.hiring_market.key())],
            )],
            precedents: &["ponemon-devo-2020", "isaca-2025"],
            exposures: [
                key_person(
                    3 + u8::from(round_the_clock),
                    Message::RunbooksCrossTrainingRetention.template(),
                ),
                key_person(2, Message::DeputyForEachRetainedRole.template()),
                key_person(3, Message::RunbooksCrossTrainingProviderCover.template()),
            ],
        },
        cite,
    ));

    let gap_impact = 4 + u8::from(sensitive_crown_jewels(profile));
    let gap = |likelihood: u8, before: u8| Exposure {
        applies: true,
        likelihood,
        impact: gap_impact,
        first_year: (0, 0),
        steady: (0, 0),
        before: Some(before),
        closes_at_go_live: true,
        how: Message::ClosedOnceMonitoringLive.template(),
    };
    let build_gap = if timing.bridged {
        let (bl, bi) = reduce(4, gap_impact, (2, 1));
        bl * bi
    } else {
        4 * gap_impact
    };
    out.push(risk(
        SourcingRisk {
            key: "coverage_gap",
            label: Message::RiskCoverageGap.template(),
            factors: vec![Message::RansomwareWithinADay.template().into()],
            precedents: &["opencsoc-roadmap", "sophos-2025"],
            exposures: [
                gap(4, build_gap),
                gap(2, 2 * gap_impact),
                gap(2, 2 * gap_impact),
            ],
        },
        cite,
    ));
    out
}
