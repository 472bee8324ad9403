//! The eight considerations: each scored from -2 (strongly favours
//! outsourcing) to +2 (strongly favours in-house), with a rationale that
//! names the profile facts behind it.
//!
//! Every scoring rule is monotone in the inputs the method names: more
//! budget, stricter data rules, lower risk tolerance, APT targeting and a
//! higher need for control never lower a score; an earlier go-live, faster
//! growth, a higher scalability need, a tighter hiring market and a cheaper
//! provider never raise one. The property tests in `tests/properties.rs`
//! hold the model to that.
//!
//! Money enters through value for money: each option's cost against the
//! cheapest one the hard constraints allow, whether the budget can carry
//! in-house, and whether an in-house SOC is in proportion to what
//! organisations of this size spend on all of security.

use super::assessment::SocOption;
use super::economics::facts::{CostFacts, IN_HOUSE};
use super::economics::index;
use super::values::{Values, A};
use super::words::{and_list, capitalise, money_short, percent, signed, thousands, trim_float};
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

/// Share of revenue organisations spend on security (all of it, not only
/// the SOC): 0.69% in 2024.
pub const SECURITY_SHARE_OF_REVENUE: f64 = 0.0069;
/// Security spend per employee where no revenue is given: USD 2,691
/// (financial institutions, 2020), the only published per-head figure.
pub const SECURITY_PER_EMPLOYEE_USD: f64 = 2_691.0;
/// Share of the security budget a SOC typically takes (more than a third).
pub const SOC_SHARE_OF_SECURITY: f64 = 1.0 / 3.0;
/// An in-house or co-managed SOC whose yearly running cost is above this
/// multiple of a typical whole security budget is out of proportion: the
/// option is ruled out.
pub const OUT_OF_PROPORTION: f64 = 1.5;

/// What organisations of this size typically spend on all of security in a
/// year, and how that was worked out.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeReference {
    pub security_budget: f64,
    pub basis: String,
    pub sources: &'static [&'static str],
}

pub fn size_reference(profile: &Profile, likely: &Values) -> SizeReference {
    let cur = &profile.organisation.currency;
    match profile.organisation.annual_revenue {
        Some(revenue) if revenue > 0.0 => SizeReference {
            security_budget: revenue * SECURITY_SHARE_OF_REVENUE,
            basis: format!("0.69% of annual revenue of {}", money_short(cur, revenue)),
            sources: &["ians-2024-revenue", "ians-2024"],
        },
        _ => SizeReference {
            security_budget: profile.organisation.employees as f64
                * likely.usd(SECURITY_PER_EMPLOYEE_USD),
            basis: format!(
                "USD 2,691 per employee for {} employees (no revenue given)",
                thousands(profile.organisation.employees as f64)
            ),
            sources: &["deloitte-fsisac-2020"],
        },
    }
}

/// An option's yearly running cost (in steady state) against a typical
/// whole security budget for the organisation's size.
pub fn proportion(facts: &CostFacts, size: &SizeReference, option: SocOption) -> f64 {
    if size.security_budget > 0.0 {
        facts.steady[index(option)] / size.security_budget
    } else {
        f64::INFINITY
    }
}

/// The parts of the budget consideration, for the rationale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BudgetParts {
    /// In-house cost over the cheapest other allowed option.
    pub ratio: f64,
    pub value: f64,
    /// Operating budget over what in-house needs a year.
    pub cover: f64,
    pub affordability: f64,
    pub proportion: f64,
    pub proportionality: f64,
}

impl BudgetParts {
    pub fn score(&self) -> f64 {
        clamp(self.value + self.affordability + self.proportionality)
    }
}

/// Value for money, affordability and proportionality, from cost facts
/// alone, so the Monte Carlo can re-score every draw cheaply.
pub fn budget_parts(
    facts: &CostFacts,
    opex: f64,
    allowed: &[SocOption],
    size: &SizeReference,
) -> BudgetParts {
    let others = allowed
        .iter()
        .filter(|o| **o != SocOption::InHouse)
        .map(|o| facts.core_total[index(*o)])
        .fold(f64::INFINITY, f64::min);
    let own = facts.core_total[IN_HOUSE];
    let ratio = if others.is_finite() && others > 0.0 && own > 0.0 {
        own / others
    } else {
        1.0
    };
    // Twice the cost of the alternative is -1, four times -2; half of it
    // is +1, a quarter +2.
    let value = clamp(-ratio.log2());
    let need = facts.in_house_core_min_opex;
    let cover = if need > 0.0 {
        opex / need
    } else {
        f64::INFINITY
    };
    let affordability = if cover >= 1.0 {
        0.0
    } else {
        clamp(-4.0 * (1.0 - cover))
    };
    let proportion = proportion(facts, size, SocOption::InHouse);
    let typical = SOC_SHARE_OF_SECURITY;
    let proportionality = -2.0 * ((proportion - typical) / (1.0 - typical)).clamp(0.0, 1.0);
    BudgetParts {
        ratio,
        value,
        cover,
        affordability,
        proportion,
        proportionality,
    }
}

/// What the considerations need from the cost model.
pub struct CostView<'a> {
    pub facts: &'a CostFacts,
    pub allowed: &'a [SocOption],
    pub size: &'a SizeReference,
    /// People the in-house SOC needs in year one.
    pub in_house_team: f64,
    /// Expected yearly loss per option in steady state, at likely values.
    pub loss: &'a [f64; 3],
}

pub fn score_all(profile: &Profile, likely: &Values, costs: &CostView<'_>) -> Vec<Scored> {
    vec![
        budget(profile, costs),
        compliance(profile),
        risk(profile, costs),
        control(profile),
        time_to_implement(profile, likely),
        scalability(profile),
        coverage(profile, likely, costs.in_house_team),
        talent(profile, likely, costs.in_house_team),
    ]
}

/// Value for money and affordability.
fn budget(p: &Profile, costs: &CostView<'_>) -> Scored {
    let cur = &p.organisation.currency;
    let parts = budget_parts(costs.facts, p.budget.annual_opex, costs.allowed, costs.size);
    let score = parts.score();
    let mut said = Vec::new();
    let years = p.budget.horizon_years;
    if parts.ratio > 1.02 {
        said.push(format!(
            "at run-rate for today's estate, in-house would cost {} over {years} years, {:.1} times the cheapest alternative",
            money_short(cur, costs.facts.core_total[IN_HOUSE]),
            parts.ratio
        ));
    } else if parts.ratio < 0.98 {
        said.push(format!(
            "at run-rate for today's estate, in-house is the cheapest option, at {} of the next cheapest over {years} years",
            percent(parts.ratio)
        ));
    } else {
        said.push(
            "at run-rate for today's estate, in-house costs about the same as the cheapest alternative"
                .to_string(),
        );
    }
    if parts.cover < 1.0 {
        said.push(format!(
            "the operating budget of {} a year covers only {} of what in-house needs in its dearest year",
            money_short(cur, p.budget.annual_opex),
            percent(parts.cover)
        ));
    }
    if parts.proportionality < 0.0 {
        said.push(format!(
            "an in-house SOC would cost {} of what organisations of this size spend on all of security ({})",
            percent(parts.proportion),
            costs.size.basis
        ));
    }
    Scored {
        key: Consideration::Budget,
        score,
        rationale: format!("{}: {}", capitalise(&and_list(&said)), signed(score)),
        inputs: vec![
            "budget.annual_opex",
            "budget.capex",
            "budget.horizon_years",
            "organisation.annual_revenue",
            "assumptions",
        ],
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

/// Risk appetite and how targeted the threats are, in points before the
/// expected-loss term, with the words for each.
pub fn risk_points(p: &Profile) -> (f64, Vec<String>) {
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
    let exposed = p
        .environment
        .critical_assets
        .iter()
        .filter(|a| a.criticality == Criticality::Critical && a.internet_facing)
        .count();
    if exposed > 0 {
        points += 0.25;
        said.push(format!(
            "{exposed} critical asset{} internet-facing",
            if exposed == 1 { " is" } else { "s are" }
        ));
    }
    let targeted = [Threat::NationState, Threat::Insider, Threat::SupplyChain];
    if !r.targeted_by_apt && !r.threats.iter().any(|t| targeted.contains(t)) {
        points -= 0.5;
        said.push("the threats are commodity ones a provider sees across many clients".to_string());
    }
    (points, said)
}

/// How much of its extra cost in-house buys back in expected loss avoided,
/// against the least favourable allowed alternative: 0 (none) to 1 (all of
/// it, or in-house is cheaper and loses less). Costs are yearly, for
/// today's estate.
pub fn loss_value(loss: &[f64; 3], facts: &CostFacts, allowed: &[SocOption], years: f64) -> f64 {
    let yearly = |o: SocOption| facts.core_total[index(o)] / years.max(1.0);
    let own_cost = yearly(SocOption::InHouse);
    let own_loss = loss[IN_HOUSE];
    allowed
        .iter()
        .filter(|o| **o != SocOption::InHouse)
        .map(|o| {
            let extra_cost = own_cost - yearly(*o);
            let avoided = loss[index(*o)] - own_loss;
            if extra_cost > 0.0 {
                (avoided / extra_cost).clamp(0.0, 1.0)
            } else if avoided > 0.0 {
                1.0
            } else {
                0.0
            }
        })
        .fold(1.0, f64::min)
}

/// Risk appetite, how targeted the threats are, and whether in-house's
/// lower expected loss pays for its extra cost.
fn risk(p: &Profile, costs: &CostView<'_>) -> Scored {
    let (points, mut said) = risk_points(p);
    let value = loss_value(
        costs.loss,
        costs.facts,
        costs.allowed,
        f64::from(p.budget.horizon_years),
    );
    if value > 0.05 {
        said.push(format!(
            "in-house's lower expected loss pays for {} of its extra cost",
            percent(value)
        ));
    }
    let score = clamp(points + value);
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

/// Whether each option meets the go-live deadline. A distant deadline is
/// neutral: having time is no reason to build. An in-house build that
/// cannot make the date counts against in-house, less so when a provider
/// can bridge the gap.
fn time_to_implement(p: &Profile, v: &Values) -> Scored {
    let go = f64::from(p.requirements.go_live_months);
    let build = v[A::InHouseBuildMonths];
    let provider = crate::evaluate::schedule::provider_start(v);
    let (score, text) = if go >= build {
        (
            0.0,
            format!(
                "Monitoring must be live in {} months; an in-house build of about {} months and a provider starting in about {} both make it, so the deadline favours neither",
                thousands(go),
                thousands(build),
                trim_float(provider)
            ),
        )
    } else {
        let gap = build - go;
        let bridged = provider <= go;
        let score = -(if bridged { 0.5 } else { 1.0 } + gap / 6.0).min(2.0);
        (
            score,
            format!(
                "Monitoring must be live in {} months, {} months before an in-house build of about {} months is ready; {}",
                thousands(go),
                trim_float(gap),
                thousands(build),
                if bridged {
                    format!("a provider starting in about {} months can bridge the gap", trim_float(provider))
                } else {
                    format!("even a provider needs about {} months", trim_float(provider))
                }
            ),
        )
    };
    let score = clamp(score);
    Scored {
        key: Consideration::TimeToImplement,
        score,
        rationale: format!("{text}: {}", signed(score)),
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
            trim_float(g),
            level_word(p.requirements.scalability),
            signed(score)
        ),
        inputs: vec!["organisation.annual_growth_pct", "requirements.scalability"],
    }
}

/// The smallest team that can deliver the required coverage: the minimum
/// viable 24/7 team, or for shorter hours the team the model sizes.
fn minimum_team(p: &Profile, v: &Values, sized: f64) -> f64 {
    match p.requirements.coverage {
        Coverage::TwentyFourSeven => v[A::MinTeam].min(sized),
        _ => sized,
    }
}

/// Share of the minimum team for the required coverage already employed.
fn staffed_share(p: &Profile, minimum: f64) -> f64 {
    let existing = p.existing_staff() as f64;
    if minimum > 0.0 {
        (existing / minimum).min(1.0)
    } else {
        1.0
    }
}

/// Round-the-clock operations against the team that exists today.
fn coverage(p: &Profile, v: &Values, sized: f64) -> Scored {
    let needed = minimum_team(p, v, sized);
    let share = staffed_share(p, needed);
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
            "{} coverage needs an in-house team of at least {} people{}; {} in security operations today: {}",
            p.requirements.coverage.label(),
            thousands(needed),
            if sized > needed + 0.5 {
                format!(" ({} for this estate)", thousands(sized))
            } else {
                String::new()
            },
            match p.existing_staff() {
                1 => "1 person works".to_string(),
                n => format!("{} people work", thousands(n as f64)),
            },
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
fn talent(p: &Profile, v: &Values, sized: f64) -> Scored {
    let share = staffed_share(p, minimum_team(p, v, sized));
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
            "The hiring market is {market_word}, today's team is {} of the smallest in-house team the coverage needs, and SOC maturity is {} of 5: {}",
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
