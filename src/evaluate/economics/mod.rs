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

pub(crate) mod budget;
pub(crate) mod facts;
pub(crate) mod plan;
pub(crate) mod price;
pub(crate) mod simulate;

use super::assessment::{
    BudgetYear, CostItem, CostLine, CostRange, Costs, OptionCosts, SimulationSummary, SocOption,
    YearCost,
};
use super::assumptions::Resolved;
use super::messages::{say, Message};
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

pub(crate) fn likely_values(resolved: &Resolved) -> Values {
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

pub(crate) fn index(option: SocOption) -> usize {
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
pub(crate) fn costs_section(
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
        say(
            Message::TodaysMoney,
            &[
                ("wages", &trim_float(v[A::RealWageGrowthPct])),
                ("prices", &trim_float(v[A::ProviderEscalatorPct])),
                ("discount", &trim_float(v[A::DiscountRatePct])),
            ],
        ),
        Message::CostNoteSameScope.template().to_string(),
    ];
    for (option, provider) in quoted {
        notes.push(say(
            Message::FeeFromQuote,
            &[
                ("option", &option.short().to_lowercase()),
                ("provider", provider),
            ],
        ));
    }
    if e.plan.bridge.is_some() {
        notes.push(Message::CostNoteBridgeIncluded.template().to_string());
    }
    if let Some(note) = bundled_quote_below_licences(e, quoted, cur) {
        notes.push(note);
    }
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
            method: say(
                Message::SimulationMethod,
                &[
                    ("draws", &e.sim.samples().to_string()),
                    ("seed", &e.seed.describe()),
                ],
            ),
        },
    }
}

/// A bundled quote cheaper than the licences it would bundle is most
/// likely a service-only bid entered without its `platform`: priced as
/// bundled, it retires the organisation's SIEM and EDR from the outsourced
/// cost, which a board would then read as a saving.
fn bundled_quote_below_licences(
    e: &Economics,
    quoted: &[(SocOption, String)],
    cur: &str,
) -> Option<String> {
    let quote = e.plan.quote.as_ref()?;
    let (_, provider) = quoted.iter().find(|(o, _)| *o == SocOption::Outsourced)?;
    if quote.platform != ProviderPlatform::Bundled {
        return None;
    }
    // The in-house option runs the same tools for the same estate from the
    // first year, at the prices the bundled platform is checked against.
    let year_one = &e.priced.options[index(SocOption::InHouse)][0];
    let licences =
        year_one.get(Item::Siem) + year_one.get(Item::Edr) + year_one.get(Item::LogStorage);
    (quote.annual_fee < licences).then(|| {
        say(
            Message::BundledQuoteBelowLicences,
            &[
                ("provider", provider),
                ("fee", &money_short(cur, quote.annual_fee)),
                ("licences", &money_short(cur, licences)),
            ],
        )
    })
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn item_label(item: Item, option: SocOption, e: &Economics) -> &'static str {
    match item {
        Item::Salaries => match option {
            SocOption::InHouse => Message::CostItemSocTeamSalaries.template(),
            SocOption::Outsourced => Message::CostItemRetainedFunctionSalaries.template(),
            SocOption::Hybrid => Message::CostItemInternalTeamSalaries.template(),
        },
        Item::VacancyCover => Message::CostItemVacancyCover.template(),
        Item::OnCall => Message::CostItemOnCall.template(),
        Item::Recruiting => Message::CostItemRecruiting.template(),
        Item::Training => Message::CostItemTraining.template(),
        Item::TransitionStaff => Message::CostItemTransitionStaff.template(),
        Item::Siem => Message::CostItemSiem.template(),
        Item::Edr => Message::CostItemEdr.template(),
        Item::Soar => Message::CostItemSoar.template(),
        Item::ThreatIntel => Message::CostItemThreatIntel.template(),
        Item::LogStorage => Message::CostItemLogStorage.template(),
        Item::ProviderFee => match option {
            SocOption::InHouse if e.plan.bridge.is_some() => {
                Message::CostItemProviderBridge.template()
            }
            SocOption::Hybrid => Message::CostItemCoManagedProviderFee.template(),
            _ => Message::CostItemProviderFee.template(),
        },
        Item::IrRetainer => Message::CostItemIrRetainer.template(),
        Item::Forensics => Message::CostItemForensics.template(),
        Item::Build => Message::CostItemBuild.template(),
        Item::ToolDeployment => Message::CostItemToolDeployment.template(),
        Item::Onboarding => Message::CostItemOnboarding.template(),
        Item::Redeployment => Message::CostItemRedeployment.template(),
        Item::ExitReserve => Message::CostItemExitReserve.template(),
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
            SocOption::InHouse => say(
                Message::InHouseSalaries,
                &[
                    ("on_cost", &crate::numbers::fixed(v[A::Benefits], 2)),
                    ("overhead", &trim_float(100.0 + v[A::OverheadPct])),
                    (
                        "shift",
                        &if e.plan.shift_work {
                            say(
                                Message::ShiftPremium,
                                &[("premium", &trim_float(v[A::ShiftPremiumPct]))],
                            )
                        } else {
                            String::new()
                        },
                    ),
                    ("months", &trim_float(e.plan.in_house_build_months)),
                ],
            ),
            SocOption::Outsourced => say(
                Message::RetainedSalaries,
                &[("fte", &trim_float(v[A::RetainedFte]))],
            ),
            SocOption::Hybrid => say(
                Message::CoManagedSalaries,
                &[
                    (
                        "triage",
                        &if e.plan.co_managed[0].l2 > 0.0 {
                            say(Message::DayShiftTriage, &[])
                        } else {
                            String::new()
                        },
                    ),
                    ("months", &trim_float(e.plan.co_managed_build_months)),
                ],
            ),
        },
        Item::VacancyCover => say(
            Message::VacancyCover,
            &[
                (
                    "share",
                    &trim_float((v[A::VacancyPct] * 10.0).round() / 10.0),
                ),
                ("factor", &trim_float(1.0 + price::VACANCY_PREMIUM)),
            ],
        ),
        Item::OnCall => say(
            Message::OnCallAllowance,
            &[("share", &trim_float(v[A::OnCallPct]))],
        ),
        Item::Recruiting => say(
            Message::RecruitingCost,
            &[
                ("share", &trim_float(v[A::RecruitingPct])),
                ("staff", &trim_float(e.plan.existing())),
                ("attrition", &trim_float(v[A::AttritionPct])),
            ],
        ),
        Item::Training => say(
            Message::TrainingPerFte,
            &[("amount", &money_short(cur, v[A::TrainingPerFte]))],
        ),
        Item::TransitionStaff => say(
            Message::TransitionStaffStay,
            &[("months", &trim_float(v[A::DualRunningMonths]))],
        ),
        Item::Siem => {
            let kept = match option {
                SocOption::Outsourced if !own_tools && owned.siem && decommission => {
                    say(Message::OwnedUntilReplaced, &[])
                }
                _ if owned.siem => say(Message::AlreadyOwned, &[]),
                _ => String::new(),
            };
            say(Message::SiemListBands, &[("kept", &kept)])
        }
        Item::Edr => say(
            Message::EdrPricing,
            &[
                ("price", &money_short(cur, v[A::EdrPrice])),
                ("factor", &trim_float(v[A::EdrServerFactor])),
                (
                    "kept",
                    &if owned.edr {
                        say(Message::AlreadyOwned, &[])
                    } else {
                        String::new()
                    },
                ),
            ],
        ),
        Item::Soar => say(
            Message::AYear,
            &[("amount", &money_short(cur, v[A::SoarAnnual]))],
        ),
        Item::ThreatIntel => say(
            Message::AYear,
            &[("amount", &money_short(cur, v[A::TipAnnual]))],
        ),
        Item::LogStorage => say(
            Message::LogStorageCost,
            &[
                ("days", &trim_float(v[A::RetentionDays])),
                ("price", &money_short(cur, v[A::StoragePrice])),
            ],
        ),
        Item::ProviderFee => {
            let escalator = if v[A::ProviderEscalatorPct] != 0.0 {
                say(
                    Message::RisingAboveInflation,
                    &[("rise", &trim_float(v[A::ProviderEscalatorPct]))],
                )
            } else {
                String::new()
            };
            let service = say(
                Message::ProviderServicePrice,
                &[
                    ("price", &money_short(cur, v[A::MdrPrice])),
                    ("servers", &trim_float(v[A::MdrServerFactor])),
                    ("cloud", &trim_float(v[A::MdrCloudFactor])),
                    ("log_price", &money_short(cur, v[A::MdrLogPrice])),
                    (
                        "region",
                        &trim_float((v[A::ProviderRegionFactor] * 100.0).round() / 100.0),
                    ),
                ],
            );
            let share = trim_float(v[A::CoManagedSharePct]);
            let values: &[(&str, &str)] = &[
                ("share", &share),
                ("service", &service),
                ("escalator", &escalator),
            ];
            let message = match (option, e.plan.quote.is_some()) {
                (SocOption::Hybrid, true) => Message::QuoteServiceShare,
                (_, true) => Message::QuoteScaled,
                (SocOption::InHouse, false) => Message::BridgeServiceFee,
                (SocOption::Outsourced, false) if own_tools => Message::ServiceOnlyOwnTools,
                (SocOption::Outsourced, false) => Message::BundledPlatform,
                (SocOption::Hybrid, false) => Message::CoManagedServiceShare,
            };
            say(message, values)
        }
        Item::IrRetainer => say(
            Message::AYear,
            &[("amount", &money_short(cur, v[A::IrRetainerAnnual]))],
        ),
        Item::Forensics => say(
            Message::ForensicsHours,
            &[
                ("hours", &trim_float(v[A::ForensicsHours])),
                ("rate", &money_short(cur, v[A::IrHourlyRate])),
            ],
        ),
        Item::Build => say(
            Message::BuildCost,
            &[("share", &trim_float(v[A::BuildCostPct]))],
        ),
        Item::ToolDeployment => say(
            Message::ToolDeploymentCost,
            &[("share", &trim_float(v[A::BuildCostPct]))],
        ),
        Item::Onboarding => match e.plan.quote {
            Some(_) => Message::CostBasisQuotedOnboardingFee.template().to_string(),
            None => {
                let months = v[A::OnboardingMonths];
                let plural = if months == 1.0 {
                    String::new()
                } else {
                    say(Message::PluralS, &[])
                };
                say(
                    Message::OnboardingMonths,
                    &[("months", &trim_float(months)), ("plural", &plural)],
                )
            }
        },
        Item::Redeployment => match e.plan.redeployment_cost {
            Some(c) => say(
                Message::RedeploymentGiven,
                &[("amount", &money_short(cur, c))],
            ),
            None => say(
                Message::RedeploymentMonths,
                &[("months", &trim_float(v[A::RedeploymentMonths]))],
            ),
        },
        Item::ExitReserve => say(
            Message::ExitReserveMonths,
            &[
                ("months", &trim_float(v[A::DualRunningMonths])),
                ("years", &trim_float(v[A::TermYears])),
                ("transition", &trim_float(v[A::ExitTransitionMonths])),
            ],
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
            Message::CostLinePlatformBundled.template()
        }
        (SocOption::Outsourced, ProviderPlatform::OwnTools) => {
            Message::CostLinePlatformOwnTools.template()
        }
        (SocOption::Hybrid, _) => Message::CostLinePlatformHybrid.template(),
        (SocOption::InHouse, _) => Message::CostLinePlatformInHouse.template(),
    };
    vec![
        line("Staff", Message::CostLineStaff.template().into()),
        line(
            "Technology",
            say(Message::TechnologyLine, &[("platform", provider_platform)]),
        ),
        line(
            "Provider",
            match option {
                SocOption::InHouse => Message::CostLineProviderBridge.template().into(),
                _ => Message::CostLineProviderFee.template().into(),
            },
        ),
        line("Services", Message::CostLineServices.template().into()),
        line("One-off", Message::CostLineOneOff.template().into()),
    ]
}
