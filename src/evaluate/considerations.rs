//! The eight considerations: each scored from -2 (strongly favours
//! outsourcing) to +2 (strongly favours in-house), with a rationale that
//! names the profile facts behind it.
//!
//! Every scoring rule is monotone in the inputs EVALUATION.md names: more
//! budget, stricter data rules, lower risk tolerance, APT targeting and a
//! higher need for control never lower a score; an earlier go-live, faster
//! growth, a higher scalability need and a tighter hiring market never raise
//! one. The property tests in `tests/properties.rs` hold the model to that.

use super::assessment::SocOption;
use super::costs::CostModel;
use super::params::Params;
use super::words::{and_list, capitalise, money_short, percent, signed, thousands};
use crate::profile::model::*;
use crate::profile::Profile;

/// One consideration's score, before weighting.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub key: Consideration,
    pub score: f64,
    pub rationale: String,
    pub inputs: Vec<&'static str>,
}

fn clamp(x: f64) -> f64 {
    x.clamp(-2.0, 2.0)
}

pub fn score_all(profile: &Profile, params: &Params, costs: &CostModel) -> Vec<Scored> {
    vec![
        budget(profile, costs),
        compliance(profile),
        risk(profile),
        control(profile),
        time_to_implement(profile, params),
        scalability(profile),
        coverage(profile, costs),
        talent(profile, costs),
    ]
}

/// Money available over the horizon against the in-house cost.
fn budget(p: &Profile, costs: &CostModel) -> Scored {
    let cur = &p.organisation.currency;
    let b = &p.budget;
    let available = b.annual_opex * f64::from(b.horizon_years) + b.capex;
    let in_house = costs
        .options
        .get(&SocOption::InHouse)
        .map_or(0.0, |c| c.total);
    let ratio = if in_house > 0.0 {
        available / in_house
    } else {
        f64::INFINITY
    };
    let score = clamp(4.0 * (ratio - 1.0));
    let funds = format!(
        "{} a year for {} years{} ({} in all)",
        money_short(cur, b.annual_opex),
        b.horizon_years,
        if b.capex > 0.0 {
            format!(" plus {} to build", money_short(cur, b.capex))
        } else {
            ", with no build budget".to_string()
        },
        money_short(cur, available)
    );
    let rationale = if ratio >= 1.0 {
        format!(
            "The budget of {funds} covers the modelled in-house cost of {} {:.1} times: {}",
            money_short(cur, in_house),
            ratio.min(99.0),
            signed(score)
        )
    } else {
        format!(
            "The budget of {funds} covers only {} of the modelled in-house cost of {}: {}",
            percent(ratio),
            money_short(cur, in_house),
            signed(score)
        )
    };
    Scored {
        key: Consideration::Budget,
        score,
        rationale,
        inputs: vec!["budget.annual_opex", "budget.capex", "budget.horizon_years"],
    }
}

/// Data residency, third-party sharing and rules that constrain providers.
fn compliance(p: &Profile) -> Scored {
    let c = &p.compliance;
    let mut points = -1.0;
    let mut said = Vec::new();
    match c.data_residency {
        Residency::Required => {
            points += 1.5;
            said.push("security data must stay in the organisation's jurisdiction".to_string());
        }
        Residency::Preferred => {
            points += 0.75;
            said.push("keeping data in the jurisdiction is preferred".to_string());
        }
        Residency::None => {}
    }
    match c.third_party_data_sharing {
        Sharing::Prohibited => {
            points += 1.5;
            said.push("sharing it with third parties is prohibited".to_string());
        }
        Sharing::Restricted => {
            points += 0.75;
            said.push("sharing it with third parties is restricted".to_string());
        }
        Sharing::Allowed => {}
    }
    let classified = p
        .environment
        .critical_assets
        .iter()
        .any(|a| a.data.contains(&DataClass::Classified));
    if classified {
        points += 1.0;
        said.push("critical assets hold classified information".to_string());
    }
    if p.has_framework(Framework::Cmmc) || p.has_framework(Framework::Fedramp) {
        points += 0.5;
        said.push("CMMC or FedRAMP limit which providers may be used".to_string());
    }
    if p.has_framework(Framework::Dora) {
        points += 0.25;
        said.push("DORA adds contract, audit and exit duties for ICT providers".to_string());
    }
    let score = clamp(points);
    let rationale = if said.is_empty() {
        format!(
            "No data-residency or sharing constraint stands in the way of a provider: {}",
            signed(score)
        )
    } else {
        format!("{}: {}", capitalise(&and_list(&said)), signed(score))
    };
    Scored {
        key: Consideration::Compliance,
        score,
        rationale,
        inputs: vec![
            "compliance.data_residency",
            "compliance.third_party_data_sharing",
            "compliance.frameworks",
            "environment.critical_assets",
        ],
    }
}

/// Risk appetite and how targeted the threats are.
fn risk(p: &Profile) -> Scored {
    let r = &p.risk;
    let mut said = Vec::new();
    let mut points = match r.tolerance {
        Level::Low => {
            said.push("risk tolerance is low".to_string());
            0.75
        }
        Level::Medium => 0.0,
        Level::High => {
            said.push("risk tolerance is high".to_string());
            -1.0
        }
    };
    if r.targeted_by_apt {
        points += 0.75;
        said.push("the organisation is targeted by advanced persistent threat actors".to_string());
    }
    if r.threats.contains(&Threat::NationState) {
        points += 0.5;
        said.push("nation-state espionage is in the threat landscape".to_string());
    }
    let exposed: Vec<&CriticalAsset> = p
        .environment
        .critical_assets
        .iter()
        .filter(|a| a.criticality == Criticality::Critical && a.internet_facing)
        .collect();
    if !exposed.is_empty() {
        points += 0.25;
        said.push(format!(
            "{} critical asset{} internet-facing",
            exposed.len(),
            if exposed.len() == 1 { " is" } else { "s are" }
        ));
    }
    let targeted = [Threat::NationState, Threat::Insider, Threat::SupplyChain];
    if !r.targeted_by_apt && !r.threats.iter().any(|t| targeted.contains(t)) {
        points -= 0.5;
        said.push("the threats are commodity ones a provider sees across many clients".to_string());
    }
    let score = clamp(points);
    let rationale = if said.is_empty() {
        format!(
            "Medium risk tolerance and a typical threat landscape: {}",
            signed(score)
        )
    } else {
        format!("{}: {}", capitalise(&and_list(&said)), signed(score))
    };
    Scored {
        key: Consideration::Risk,
        score,
        rationale,
        inputs: vec![
            "risk.tolerance",
            "risk.targeted_by_apt",
            "risk.threats",
            "environment.critical_assets",
        ],
    }
}

fn level_word(l: Level) -> &'static str {
    match l {
        Level::Low => "low",
        Level::Medium => "medium",
        Level::High => "high",
    }
}

/// The need to control and customise operations and integrate with IT.
fn control(p: &Profile) -> Scored {
    let q = &p.requirements;
    let c = match q.control {
        Level::Low => -1.0,
        Level::Medium => 0.0,
        Level::High => 1.0,
    };
    let i = match q.integration {
        Level::Low => -0.75,
        Level::Medium => 0.0,
        Level::High => 0.75,
    };
    let score = clamp(c + i);
    Scored {
        key: Consideration::Control,
        score,
        rationale: format!(
            "The need for operational control is {} and for integration with IT and business units {}: {}",
            level_word(q.control),
            level_word(q.integration),
            signed(score)
        ),
        inputs: vec!["requirements.control", "requirements.integration"],
    }
}

/// The go-live deadline against the time an in-house build takes.
fn time_to_implement(p: &Profile, params: &Params) -> Scored {
    let go = f64::from(p.requirements.go_live_months);
    let build = params.in_house_build_months;
    let score = clamp((go - build) / 3.0);
    let relation = if go >= build {
        "leaves time for".to_string()
    } else {
        format!("comes {} months before", thousands(build - go))
    };
    Scored {
        key: Consideration::TimeToImplement,
        score,
        rationale: format!(
            "Monitoring must be live in {} months, which {relation} an in-house build of about {} months; a provider can start in about {} months: {}",
            thousands(go),
            thousands(build),
            super::costs::trim_float(params.provider_onboarding_months),
            signed(score)
        ),
        inputs: vec![
            "requirements.go_live_months",
            "security_team.hiring_market",
            "security_team.maturity",
            "requirements.coverage",
        ],
    }
}

/// Growth and the need to scale capacity quickly.
fn scalability(p: &Profile) -> Scored {
    let need = match p.requirements.scalability {
        Level::Low => 0.75,
        Level::Medium => 0.0,
        Level::High => -0.75,
    };
    let g = p.organisation.annual_growth_pct;
    let growth = (-(g - 5.0) / 20.0).clamp(-1.25, 0.5);
    let score = clamp(need + growth);
    Scored {
        key: Consideration::Scalability,
        score,
        rationale: format!(
            "The estate grows {}% a year and the need to scale capacity is {}: {}",
            super::costs::trim_float(g),
            level_word(p.requirements.scalability),
            signed(score)
        ),
        inputs: vec!["organisation.annual_growth_pct", "requirements.scalability"],
    }
}

/// Share of the in-house team for the required coverage already employed.
fn staffed_share(p: &Profile, costs: &CostModel) -> (f64, f64) {
    let needed = costs.in_house_team.total();
    let existing = p.existing_staff() as f64;
    let share = if needed > 0.0 {
        (existing / needed).min(1.0)
    } else {
        1.0
    };
    (share, needed)
}

/// Round-the-clock operations against the team that exists today.
fn coverage(p: &Profile, costs: &CostModel) -> Scored {
    let (share, needed) = staffed_share(p, costs);
    let (base, span) = match p.requirements.coverage {
        Coverage::TwentyFourSeven => (-2.0, 3.0),
        Coverage::Extended => (-1.0, 2.5),
        Coverage::BusinessHours => (0.5, 1.5),
    };
    let score = clamp(base + span * share);
    Scored {
        key: Consideration::Coverage,
        score,
        rationale: format!(
            "{} coverage needs an in-house team of about {} people; {} work in security operations today: {}",
            p.requirements.coverage.label(),
            thousands(needed),
            thousands(p.existing_staff() as f64),
            signed(score)
        ),
        inputs: vec![
            "requirements.coverage",
            "security_team.analysts",
            "security_team.engineers",
            "security_team.incident_responders",
        ],
    }
}

/// How hard it is to hire, and whether there is a team to build on.
fn talent(p: &Profile, costs: &CostModel) -> Scored {
    let (share, _) = staffed_share(p, costs);
    let market = match p.security_team.hiring_market {
        HiringMarket::Easy => 0.75,
        HiringMarket::Normal => 0.0,
        HiringMarket::Tight => -1.0,
    };
    let maturity = if p.security_team.maturity >= 3 {
        0.25
    } else {
        0.0
    };
    let score = clamp(market + 1.5 * share - 0.5 + maturity);
    let market_word = match p.security_team.hiring_market {
        HiringMarket::Easy => "easy",
        HiringMarket::Normal => "normal",
        HiringMarket::Tight => "tight",
    };
    Scored {
        key: Consideration::Talent,
        score,
        rationale: format!(
            "The hiring market is {market_word}, today's team is {} of the in-house team needed, and SOC maturity is {} of 5: {}",
            percent(share),
            p.security_team.maturity,
            signed(score)
        ),
        inputs: vec![
            "security_team.hiring_market",
            "security_team.analysts",
            "security_team.engineers",
            "security_team.maturity",
        ],
    }
}
