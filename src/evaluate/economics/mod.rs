//! The cost model: what each option costs, year by year, with ranges.
//!
//! Money is in the profile's currency, in today's prices (no inflation);
//! costs that scale with the estate grow with it. The stages: [`plan`]
//! works out everything that does not depend on prices (estate, teams,
//! timing, tool ownership), [`price`] prices it item by item with one set
//! of assumption values, [`budget`] checks each year against the budget,
//! and [`simulate`] prices it again for thousands of draws of the
//! assumptions to give each option's P10/P50/P90 and its probability of
//! staying within budget. [`facts`] holds the numbers the decision reads.

pub mod budget;
pub mod facts;
pub mod plan;
pub mod price;
pub mod simulate;

use super::assessment::{
    BudgetYear, CostItem, CostLine, CostRange, Costs, OptionCosts, SimulationSummary, SocOption,
    YearCost,
};
use super::assumptions::Resolved;
use super::values::{Values, A};
use crate::numbers::{money_short, trim_float};
use crate::profile::model::{OwnedTools, ProviderPlatform};
use crate::profile::Profile;
use facts::CostFacts;
use plan::Plan;
use price::{Item, Line, Priced, YearItems};
use simulate::{Seed, Simulation};
use std::collections::BTreeMap;

/// The priced options of one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Economics {
    pub resolved: Resolved,
    pub likely: Values,
    pub plan: Plan,
    /// The same plan for today's estate held flat.
    pub flat: Plan,
    pub priced: Priced,
    pub facts: CostFacts,
    pub sim: Simulation,
    /// Where this evaluation's draws start (the costs', the losses', the
    /// weightings').
    pub seed: Seed,
}

/// Whether the costs are simulated as well as priced at likely values, and
/// on how many threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sampling {
    pub seed: Seed,
    pub simulated: bool,
    /// Threads the simulation may use; the draws are the same on any number.
    pub threads: usize,
}

impl Sampling {
    /// Likely values only: for probes and for comparing quotes.
    pub fn likely_only(seed: Seed) -> Sampling {
        Sampling {
            seed,
            simulated: false,
            threads: 1,
        }
    }
}

pub fn likely_values(resolved: &Resolved) -> Values {
    let mut v = Values([0.0; A::COUNT]);
    for (i, r) in resolved.ranges.iter().enumerate() {
        v.0[i] = r.likely;
    }
    v
}

impl Economics {
    /// Price `plan` (and `flat`, its run-rate twin) at likely values, and,
    /// when `sampling` says so, under uncertainty.
    pub fn of(
        profile: &Profile,
        resolved: Resolved,
        likely: Values,
        (plan, flat): (Plan, Plan),
        sampling: Sampling,
    ) -> Economics {
        let priced = price::price(&plan, &likely);
        let capex = profile.budget.capex;
        let facts = CostFacts::of(&priced, &price::price(&flat, &likely), capex);
        let sim = if sampling.simulated {
            let draws = (sampling.seed, sampling.threads);
            simulate::simulate(&plan, &flat, &resolved, &likely, draws, capex)
        } else {
            Simulation { draws: Vec::new() }
        };
        Economics {
            resolved,
            likely,
            plan,
            flat,
            priced,
            facts,
            sim,
            seed: sampling.seed,
        }
    }
}

pub fn index(option: SocOption) -> usize {
    match option {
        SocOption::InHouse => facts::IN_HOUSE,
        SocOption::Outsourced => facts::OUTSOURCED,
        SocOption::Hybrid => facts::HYBRID,
    }
}

fn round_years(years: &[YearItems]) -> Vec<YearCost> {
    let mut cumulative = 0.0;
    years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let staff = y.line(Line::Staff).round();
            let technology = y.line(Line::Technology).round();
            let provider = y.line(Line::Provider).round();
            let services = y.line(Line::Services).round();
            let one_off = y.line(Line::OneOff).round();
            let running = staff + technology + provider + services;
            let total = running + one_off;
            cumulative += total;
            YearCost {
                year: i as u32 + 1,
                staff,
                technology,
                provider,
                services,
                one_off,
                running,
                total,
                cumulative,
            }
        })
        .collect()
}

/// The assessment's cost section. `allowed` are the options the hard
/// constraints leave, for "relative to the cheapest".
pub fn costs_section(
    profile: &Profile,
    e: &Economics,
    allowed: &[SocOption],
    quoted: &[(SocOption, String)],
) -> Costs {
    let b = &profile.budget;
    let cur = &profile.organisation.currency;
    let horizon = e.plan.horizon;
    let cheapest_allowed = allowed
        .iter()
        .map(|o| e.facts.total[index(*o)])
        .fold(f64::INFINITY, f64::min);
    let mut options = BTreeMap::new();
    for option in SocOption::ALL {
        let i = index(option);
        let years_raw = &e.priced.options[i][..horizon];
        let years = round_years(years_raw);
        let total = years.last().map_or(0.0, |y| y.cumulative);
        let checks = budget::check(years_raw, b.annual_opex, b.capex);
        let opex_needed = e.facts.min_opex[i].round();
        let items = items(profile, e, option, years_raw);
        let [p10, p50, p90] = e.sim.quantiles(i, [0.1, 0.5, 0.9]);
        options.insert(
            option,
            OptionCosts {
                total,
                average_per_year: (total / horizon as f64).round(),
                range: CostRange {
                    p10: p10.round(),
                    p50: p50.round(),
                    p90: p90.round(),
                },
                probability_within_budget: round4(e.sim.probability_within(i, b.annual_opex)),
                within_budget: checks.iter().all(|c| c.fits),
                opex_needed,
                shortfall_per_year: (opex_needed - b.annual_opex).max(0.0).round(),
                budget_years: checks
                    .iter()
                    .map(|c| BudgetYear {
                        year: c.year as u32,
                        running: c.running.round(),
                        one_off: c.one_off.round(),
                        from_capex: c.from_capex.round(),
                        headroom: c.headroom.round(),
                        fits: c.fits,
                    })
                    .collect(),
                items,
                lines: lines(profile, e, option),
                relative_to_cheapest: if cheapest_allowed > 0.0 && cheapest_allowed.is_finite() {
                    (e.facts.total[i] / cheapest_allowed * 100.0).round() / 100.0
                } else {
                    1.0
                },
                years,
            },
        );
    }
    let cheapest = SocOption::ALL
        .into_iter()
        .min_by(|a, b| e.facts.total[index(*a)].total_cmp(&e.facts.total[index(*b)]))
        .unwrap_or(SocOption::Outsourced);
    let v = &e.likely;
    let mut notes = vec![
        format!(
            "Today’s money (real terms): salaries rise {}% a year above inflation and provider prices {}%; costs that scale with the estate grow with it; present values discount each year at {}% real.",
            trim_float(v[A::RealWageGrowthPct]),
            trim_float(v[A::ProviderEscalatorPct]),
            trim_float(v[A::DiscountRatePct])
        ),
        "Every option carries the same scope: log platform, endpoint detection, automation, threat intelligence, log retention, an incident-response retainer, forensics and training; a tool already owned costs its running cost wherever it is kept."
            .to_string(),
    ];
    for (option, provider) in quoted {
        notes.push(format!(
            "The {} option’s provider fee is {}’s quote, the best feasible bid, instead of the model’s price.",
            option.short().to_lowercase(),
            provider
        ));
    }
    if e.plan.bridge.is_some() {
        notes.push(
            "The in-house cost includes a provider bridge until the SOC is operational."
                .to_string(),
        );
    }
    let _ = cur;
    Costs {
        currency: profile.organisation.currency.clone(),
        horizon_years: b.horizon_years,
        annual_opex: b.annual_opex,
        capex: b.capex,
        available: b.annual_opex * f64::from(b.horizon_years) + b.capex,
        options,
        cheapest,
        quote: quoted
            .iter()
            .find(|(o, _)| *o == SocOption::Outsourced)
            .map(|(_, p)| p.clone()),
        platform: e.plan.platform,
        notes,
        simulation: SimulationSummary {
            samples: e.sim.samples(),
            standard_error: round4(simulate::standard_error()),
            method: format!(
                "{} draws in a Latin hypercube (each range cut into as many equal-probability strata, each stratum drawn once); each assumption with a range drawn from a PERT distribution on its low, likely and high values (salary tiers together, log volumes together), {}",
                e.sim.samples(),
                e.seed.describe()
            ),
        },
    }
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn item_label(item: Item, option: SocOption, e: &Economics) -> &'static str {
    match item {
        Item::Salaries => match option {
            SocOption::InHouse => "SOC team salaries and on-costs",
            SocOption::Outsourced => "Retained function salaries and on-costs",
            SocOption::Hybrid => "Internal team salaries and on-costs",
        },
        Item::VacancyCover => "Covering empty posts (overtime or contractors)",
        Item::OnCall => "Out-of-hours on-call allowances",
        Item::Recruiting => "Recruiting (new roles and replacing leavers)",
        Item::Training => "Training and certification",
        Item::TransitionStaff => "Today’s staff during the transition",
        Item::Siem => "SIEM licence",
        Item::Edr => "EDR licences",
        Item::Soar => "SOAR (automation)",
        Item::ThreatIntel => "Threat intelligence",
        Item::LogStorage => "Log retention storage",
        Item::ProviderFee => match option {
            SocOption::InHouse if e.plan.bridge.is_some() => "Provider bridge during the build",
            SocOption::Hybrid => "Co-managed provider fee",
            _ => "Provider fee",
        },
        Item::IrRetainer => "Incident-response retainer",
        Item::Forensics => "External forensics",
        Item::Build => "Set-up of the internal team",
        Item::ToolDeployment => "Deploying tools not yet owned",
        Item::Onboarding => "Provider onboarding",
        Item::Redeployment => "Redeploying or releasing today’s staff",
        Item::ExitReserve => "Exit reserve at the end of the term",
    }
}

fn line_key(line: Line) -> &'static str {
    match line {
        Line::Staff => "staff",
        Line::Technology => "technology",
        Line::Provider => "provider",
        Line::Services => "services",
        Line::OneOff => "one_off",
    }
}

fn items(
    profile: &Profile,
    e: &Economics,
    option: SocOption,
    years: &[YearItems],
) -> Vec<CostItem> {
    let v = &e.likely;
    let cur = &profile.organisation.currency;
    Item::ALL
        .iter()
        .filter_map(|item| {
            let total: f64 = years.iter().map(|y| y.get(*item)).sum();
            (total.round() != 0.0).then(|| CostItem {
                item: item.key().to_string(),
                label: item_label(*item, option, e).to_string(),
                line: line_key(item.line()).to_string(),
                total: total.round(),
                basis: item_basis(*item, option, e, v, cur),
            })
        })
        .collect()
}

fn item_basis(item: Item, option: SocOption, e: &Economics, v: &Values, cur: &str) -> String {
    let owned = e.plan.owned;
    let decommission = e.plan.owned_tools == OwnedTools::Decommission;
    let own_tools = e.plan.platform == ProviderPlatform::OwnTools;
    match item {
        Item::Salaries => match option {
            SocOption::InHouse => format!(
                "today’s staff at their own pay, new posts (the rest of the team in Staffing) at base salary × {:.2} on-cost × {}% overhead{}, paid from when they join over the {}-month build; pay rises with the real wage growth",
                v[A::Benefits],
                trim_float(100.0 + v[A::OverheadPct]),
                if e.plan.shift_work { format!(", plus a {}% shift premium for L1 and L2", trim_float(v[A::ShiftPremiumPct])) } else { String::new() },
                trim_float(e.plan.in_house_build_months)
            ),
            SocOption::Outsourced => format!(
                "{} FTE kept in-house, half at L2 and half at L3 pay: service owner, incident-response lead, vendor management and regulator contact",
                trim_float(v[A::RetainedFte])
            ),
            SocOption::Hybrid => format!(
                "the internal team in Staffing (lead, incident response, detection engineering{}), hired over {} months",
                if e.plan.co_managed[0].l2 > 0.0 { ", day-shift triage" } else { "" },
                trim_float(e.plan.co_managed_build_months)
            ),
        },
        Item::VacancyCover => format!(
            "{}% of posts empty at any time, covered at {} times their pay",
            trim_float((v[A::VacancyPct] * 10.0).round() / 10.0),
            trim_float(1.0 + price::VACANCY_PREMIUM)
        ),
        Item::OnCall => format!("a rota of four on call out of hours at {}% of L3 base each", trim_float(v[A::OnCallPct])),
        Item::Recruiting => format!("{}% of base salary per hire: new roles beyond today’s {} staff, growth, and {}% of the team leaving each year", trim_float(v[A::RecruitingPct]), trim_float(e.plan.existing()), trim_float(v[A::AttritionPct])),
        Item::Training => format!("{} per internal security FTE per year", money_short(cur, v[A::TrainingPerFte])),
        Item::TransitionStaff => format!("today’s staff not needed afterwards stay, at their own pay, until the provider has run {} months alongside them", trim_float(v[A::DualRunningMonths])),
        Item::Siem => {
            let kept = match option {
                SocOption::Outsourced if !own_tools && owned.siem && decommission => " (owned: paid until the provider’s platform replaces it)",
                _ if owned.siem => " (already owned: its running cost)",
                _ => "",
            };
            format!("graduated list bands by daily log volume, less a negotiated discount{kept}")
        }
        Item::Edr => format!("{} per endpoint per month, servers and cloud workloads ×{}{}", money_short(cur, v[A::EdrPrice]), trim_float(v[A::EdrServerFactor]), if owned.edr { " (already owned: its running cost)" } else { "" }),
        Item::Soar => format!("{} a year", money_short(cur, v[A::SoarAnnual])),
        Item::ThreatIntel => format!("{} a year", money_short(cur, v[A::TipAnnual])),
        Item::LogStorage => format!("{} days of logs in archive storage at {} per GB-month", trim_float(v[A::RetentionDays]), money_short(cur, v[A::StoragePrice])),
        Item::ProviderFee => {
            let escalator = if v[A::ProviderEscalatorPct] != 0.0 {
                format!(", rising {}% a year above inflation", trim_float(v[A::ProviderEscalatorPct]))
            } else {
                String::new()
            };
            let service = format!(
                "service {} per endpoint per month in the 100–500 band, graduated by volume, servers ×{}, cloud workloads ×{}, plus log monitoring from {} per GB/day per month, ×{} for the provider’s region",
                money_short(cur, v[A::MdrPrice]), trim_float(v[A::MdrServerFactor]), trim_float(v[A::MdrCloudFactor]), money_short(cur, v[A::MdrLogPrice]),
                trim_float((v[A::ProviderRegionFactor] * 100.0).round() / 100.0)
            );
            match (option, e.plan.quote.is_some()) {
                (SocOption::Hybrid, true) => format!("{}% of the quote’s service part, scaled as the estate grows{escalator}", trim_float(v[A::CoManagedSharePct])),
                (_, true) => format!("the quote, scaled as the estate grows{escalator}"),
                (SocOption::InHouse, false) => format!("the provider’s service fee for the bridge months ({service})"),
                (SocOption::Outsourced, false) if own_tools => format!("service only, in the organisation’s own tools: {service}{escalator}"),
                (SocOption::Outsourced, false) => format!("bundled: {service}, plus the platform it brings (EDR, log platform and storage) at the same licence prices as in-house{escalator}"),
                (SocOption::Hybrid, false) => format!("{}% of the provider’s service fee, for 24/7 monitoring and triage in the organisation’s own tools ({service}){escalator}", trim_float(v[A::CoManagedSharePct])),
            }
        }
        Item::IrRetainer => format!("{} a year", money_short(cur, v[A::IrRetainerAnnual])),
        Item::Forensics => format!("{} hours a year at {} an hour", trim_float(v[A::ForensicsHours]), money_short(cur, v[A::IrHourlyRate])),
        Item::Build => format!("{}% of the first full year’s cost of the people hired", trim_float(v[A::BuildCostPct])),
        Item::ToolDeployment => format!("{}% of the first year’s cost of the tools not yet owned", trim_float(v[A::BuildCostPct])),
        Item::Onboarding => match e.plan.quote {
            Some(_) => "the quoted onboarding fee".to_string(),
            None => {
                let months = v[A::OnboardingMonths];
                format!("{} {} of the provider fee", trim_float(months), if months == 1.0 { "month" } else { "months" })
            }
        },
        Item::Redeployment => match e.plan.redeployment_cost {
            Some(c) => format!("{} per person (given in the profile)", money_short(cur, c)),
            None => format!("{} months of L2 salary per person", trim_float(v[A::RedeploymentMonths])),
        },
        Item::ExitReserve => format!(
            "{} months of paying two providers when the {}-year term ends, within the {}-month transition the contract requires",
            trim_float(v[A::DualRunningMonths]), trim_float(v[A::TermYears]), trim_float(v[A::ExitTransitionMonths])
        ),
    }
}

/// What each line of the cost table holds, per option.
fn lines(profile: &Profile, e: &Economics, option: SocOption) -> Vec<CostLine> {
    let _ = profile;
    let line = |name: &str, text: String| CostLine {
        line: name.to_string(),
        made_of: text,
    };
    let provider_platform = match (option, e.plan.platform) {
        (SocOption::Outsourced, ProviderPlatform::Bundled) => {
            "the provider’s platform (SIEM, EDR, automation, intelligence, 12 months of logs) is in its fee"
        }
        (SocOption::Outsourced, ProviderPlatform::OwnTools) => {
            "the provider works in the organisation’s SIEM and EDR, which the organisation pays for"
        }
        (SocOption::Hybrid, _) => "the organisation runs its own SIEM, EDR, automation and intelligence; the provider works in them",
        (SocOption::InHouse, _) => "the organisation buys and runs every tool",
    };
    vec![
        line("Staff", "salaries with employer on-costs and overhead, shift and on-call pay, recruiting and training".into()),
        line("Technology", format!("tool licences and log storage; {provider_platform}")),
        line("Provider", match option {
            SocOption::InHouse => "a provider bridge while the SOC is built, when the deadline needs one".into(),
            _ => "the provider’s recurring fee from the month it starts monitoring".into(),
        }),
        line("Services", "incident-response retainer and external forensics, the same in every option".into()),
        line("One-off", "set-up, tool deployment, provider onboarding, redeploying today’s staff, and the exit reserve; paid from the capital budget first".into()),
    ]
}
