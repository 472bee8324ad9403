//! Pricing a plan: the cost of every option, item by item and year by year,
//! for one set of assumption values.
//!
//! The three options carry the same scope: a log platform (SIEM), endpoint
//! detection (EDR), automation (SOAR), threat intelligence, log retention,
//! an incident-response retainer, external forensics and training. What
//! changes is who provides each part and who pays for it. A tool the
//! organisation owns costs its running cost in every option that keeps it;
//! a provider's bundled platform replaces owned tools after the transition
//! (unless the profile keeps them), and a tool not owned pays a one-off
//! deployment where the organisation runs it.
//!
//! A provider's price has two parts. Its *service* (people: monitoring,
//! triage, response) is priced per endpoint and per GB/day of logs, on
//! awarded service-only contracts, scaled by the provider's regional
//! factor. Its *platform* (a bundled provider's EDR, log platform and log
//! storage) is priced as those licences for the same scope, at the model's
//! own prices: so a bundled fee is never below the tools it bundles, and
//! managed log ingestion never below a SIEM's price for the volume. A
//! co-managed provider sells a share of its service, in the organisation's
//! own tools.
//!
//! Prices are in today's money: salaries rise by the real wage growth and
//! provider fees by the real escalator each year; everything else stays
//! level. Each person is priced once: today's staff at their own pay
//! whether kept or released (and releasing never costs more than keeping),
//! new posts at the pay of their role.
//!
//! This function runs once per Monte Carlo draw, so it allocates nothing.

use super::plan::{hired_share, months_in_year, Estate, Plan, MAX_YEARS};
use crate::evaluate::assumptions::{
    graduated, siem_list_usd, EDR_UNIT_BANDS, MDR_LOG_BANDS, MDR_UNIT_BANDS, SIEM_PAID_SHARE,
};
use crate::evaluate::teams::TeamPlan;
use crate::evaluate::values::{Values, A};
use crate::profile::model::{OwnedTools, ProviderPlatform};

/// One item of cost, each belonging to one line of the cost table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    Salaries,
    VacancyCover,
    OnCall,
    Recruiting,
    Training,
    TransitionStaff,
    Siem,
    Edr,
    Soar,
    ThreatIntel,
    LogStorage,
    ProviderFee,
    IrRetainer,
    Forensics,
    Build,
    ToolDeployment,
    Onboarding,
    Redeployment,
    ExitReserve,
}

pub(crate) const ITEMS: usize = 19;

impl Item {
    pub const ALL: [Item; ITEMS] = [
        Item::Salaries,
        Item::VacancyCover,
        Item::OnCall,
        Item::Recruiting,
        Item::Training,
        Item::TransitionStaff,
        Item::Siem,
        Item::Edr,
        Item::Soar,
        Item::ThreatIntel,
        Item::LogStorage,
        Item::ProviderFee,
        Item::IrRetainer,
        Item::Forensics,
        Item::Build,
        Item::ToolDeployment,
        Item::Onboarding,
        Item::Redeployment,
        Item::ExitReserve,
    ];

    pub fn line(self) -> Line {
        match self {
            Item::Salaries
            | Item::VacancyCover
            | Item::OnCall
            | Item::Recruiting
            | Item::Training
            | Item::TransitionStaff => Line::Staff,
            Item::Siem | Item::Edr | Item::Soar | Item::ThreatIntel | Item::LogStorage => {
                Line::Technology
            }
            Item::ProviderFee => Line::Provider,
            Item::IrRetainer | Item::Forensics => Line::Services,
            Item::Build
            | Item::ToolDeployment
            | Item::Onboarding
            | Item::Redeployment
            | Item::ExitReserve => Line::OneOff,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Item::Salaries => "salaries",
            Item::VacancyCover => "vacancy_cover",
            Item::OnCall => "on_call",
            Item::Recruiting => "recruiting",
            Item::Training => "training",
            Item::TransitionStaff => "transition_staff",
            Item::Siem => "siem",
            Item::Edr => "edr",
            Item::Soar => "soar",
            Item::ThreatIntel => "threat_intel",
            Item::LogStorage => "log_storage",
            Item::ProviderFee => "provider_fee",
            Item::IrRetainer => "ir_retainer",
            Item::Forensics => "forensics",
            Item::Build => "build",
            Item::ToolDeployment => "tool_deployment",
            Item::Onboarding => "onboarding",
            Item::Redeployment => "redeployment",
            Item::ExitReserve => "exit_reserve",
        }
    }
}

/// The lines of the cost table. Running lines recur; one-off costs are
/// checked against the capital budget first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Line {
    Staff,
    Technology,
    Provider,
    Services,
    OneOff,
}

/// One option's items for one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearItems(pub [f64; ITEMS]);

impl Default for YearItems {
    fn default() -> YearItems {
        YearItems([0.0; ITEMS])
    }
}

impl YearItems {
    fn add(&mut self, item: Item, amount: f64) {
        self.0[item as usize] += amount;
    }

    pub fn get(&self, item: Item) -> f64 {
        self.0[item as usize]
    }

    pub fn line(&self, line: Line) -> f64 {
        Item::ALL
            .iter()
            .filter(|i| i.line() == line)
            .map(|i| self.get(*i))
            .sum()
    }

    pub fn one_off(&self) -> f64 {
        self.get(Item::Build)
            + self.get(Item::ToolDeployment)
            + self.get(Item::Onboarding)
            + self.get(Item::Redeployment)
            + self.get(Item::ExitReserve)
    }

    pub fn total(&self) -> f64 {
        self.0.iter().sum()
    }

    pub fn running(&self) -> f64 {
        self.total() - self.one_off()
    }
}

/// Every option's items for every year of the horizon, by option index
/// (in-house, outsourced, hybrid).
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub horizon: usize,
    pub options: [[YearItems; MAX_YEARS]; 3],
    /// The real discount rate the present values use, as a fraction.
    pub discount: f64,
}

impl Priced {
    /// Present value of an option's cost: each year discounted to the
    /// decision (the first year is not discounted).
    pub fn present_value(&self, option: usize) -> f64 {
        present_value(
            self.options[option][..self.horizon]
                .iter()
                .map(YearItems::total),
            self.discount,
        )
    }

    pub fn total(&self, option: usize) -> f64 {
        self.options[option][..self.horizon]
            .iter()
            .map(YearItems::total)
            .sum()
    }
}

/// Present value of yearly amounts, the first year undiscounted.
pub(crate) fn present_value(years: impl Iterator<Item = f64>, rate: f64) -> f64 {
    let factor = 1.0 / (1.0 + rate);
    let mut weight = 1.0;
    let mut total = 0.0;
    for amount in years {
        total += amount * weight;
        weight *= factor;
    }
    total
}

/// What the tools cost in one year, each at its running cost.
#[derive(Debug, Clone, Copy, Default)]
struct Tools {
    siem: f64,
    edr: f64,
    soar: f64,
    tip: f64,
    storage: f64,
}

fn tools(plan: &Plan, v: &Values, est: &Estate, volume: f64) -> Tools {
    let siem = if plan.siem_flat {
        v[A::SiemPrice] * volume
    } else if plan.siem_likely > 0.0 {
        v.usd(siem_list_usd(volume)) * SIEM_PAID_SHARE * v[A::SiemPrice] / plan.siem_likely
    } else {
        0.0
    };
    let edr_units = est.endpoints + v[A::EdrServerFactor] * (est.servers + est.cloud);
    Tools {
        siem,
        edr: graduated(EDR_UNIT_BANDS, edr_units) * v[A::EdrPrice] * 12.0,
        soar: v[A::SoarAnnual],
        tip: v[A::TipAnnual],
        storage: volume * v[A::RetentionDays] * v[A::StoragePrice] * 12.0,
    }
}

/// A provider's monthly price for one year's estate, in its two parts.
#[derive(Debug, Clone, Copy, Default)]
struct ProviderMonthly {
    /// Its people: what a service-only contract buys.
    service: f64,
    /// Its platform (EDR, log platform, log storage), when it brings one.
    platform: f64,
}

/// The provider's monthly price: the quote scaled with the estate, or the
/// model's graduated service price plus, for a bundled provider, the
/// platform at the model's own licence prices.
fn provider_monthly(
    plan: &Plan,
    v: &Values,
    est: &Estate,
    volume: f64,
    t: &Tools,
) -> ProviderMonthly {
    match plan.quote {
        Some(q) => {
            let today = plan.estate[0].assets();
            let scale = if today > 0.0 {
                est.assets() / today
            } else {
                1.0
            };
            let fee = q.annual_fee / 12.0 * scale;
            match q.platform {
                ProviderPlatform::Bundled => {
                    let service = fee * v[A::ByoSharePct] / 100.0;
                    ProviderMonthly {
                        service,
                        platform: fee - service,
                    }
                }
                ProviderPlatform::OwnTools => ProviderMonthly {
                    service: fee,
                    platform: 0.0,
                },
            }
        }
        None => {
            let units = est.endpoints
                + v[A::MdrServerFactor] * est.servers
                + v[A::MdrCloudFactor] * est.cloud;
            let service = (graduated(MDR_UNIT_BANDS, units) * v[A::MdrPrice]
                + graduated(MDR_LOG_BANDS, volume) * v[A::MdrLogPrice])
                * v[A::ProviderRegionFactor];
            ProviderMonthly {
                service,
                platform: match plan.platform {
                    ProviderPlatform::Bundled => (t.edr + t.siem + t.storage) / 12.0,
                    ProviderPlatform::OwnTools => 0.0,
                },
            }
        }
    }
}

/// The onboarding fee that goes with a monthly fee.
fn onboarding(plan: &Plan, v: &Values, monthly: f64, full_year_one: f64) -> f64 {
    match plan.quote {
        Some(q) if full_year_one > 0.0 => q.onboarding_fee * monthly / full_year_one,
        _ => v[A::OnboardingMonths] * monthly,
    }
}

/// Staff cost of a team for a year: today's staff fill its posts first, at
/// their own pay (`kept_rate` per person); new posts are paid for
/// `new_share` of the year at the pay of their roles.
fn team_cost(team: &TeamPlan, v: &Values, shift: bool, c: &Common, new_share: f64) -> f64 {
    let total = team.total();
    if total <= 0.0 {
        return 0.0;
    }
    let kept = c.existing.min(total);
    let role_average = team.employer_cost(v, shift) / total;
    kept * c.kept_rate + (total - kept) * role_average * new_share
}

/// Overtime or contractors covering the posts empty at any time, at half
/// again their pay.
fn vacancy_cover(v: &Values, staff_cost: f64) -> f64 {
    v[A::VacancyPct] / 100.0 * VACANCY_PREMIUM * staff_cost
}

/// What covering an empty post costs beyond its pay.
pub(crate) const VACANCY_PREMIUM: f64 = 0.5;

fn recruiting(team: &TeamPlan, v: &Values, hires: f64) -> f64 {
    let total = team.total();
    if total <= 0.0 {
        return 0.0;
    }
    hires * team.payroll(v) / total * v[A::RecruitingPct] / 100.0
}

/// Employer cost of today's staff for a whole year, at their own pay.
fn existing_cost(plan: &Plan, v: &Values) -> f64 {
    v.loaded(
        plan.existing_analysts * v[A::L2Salary]
            + plan.existing_engineers * v[A::EngineerSalary]
            + plan.existing_responders * v[A::L3Salary],
    )
}

fn redeployment_per_person(plan: &Plan, v: &Values) -> f64 {
    plan.redeployment_cost
        .unwrap_or(v[A::RedeploymentMonths] / 12.0 * v[A::L2Salary])
}

fn on_call(rota: f64, v: &Values) -> f64 {
    rota * v[A::OnCallPct] / 100.0 * v[A::L3Salary] * v[A::Benefits]
}

fn services(v: &Values) -> (f64, f64) {
    (
        v[A::IrRetainerAnnual],
        v[A::ForensicsHours] * v[A::IrHourlyRate],
    )
}

/// Price every option of `plan` with the values `v`.
pub(crate) fn price(plan: &Plan, v: &Values) -> Priced {
    let mut priced = Priced {
        horizon: plan.horizon,
        options: [[YearItems::default(); MAX_YEARS]; 3],
        discount: 0.0,
    };
    price_into(plan, v, &mut priced);
    priced
}

/// The salary assumptions, which rise with real wage growth.
const SALARIES: [A; 5] = [
    A::L1Salary,
    A::L2Salary,
    A::L3Salary,
    A::EngineerSalary,
    A::ManagerSalary,
];

/// [`price`] into `priced`, reused across the simulation's draws: only the
/// plan's years are cleared and written, so the years past the horizon stay
/// as they were (zero, for a buffer made by [`price`] or `Default`).
pub(crate) fn price_into(plan: &Plan, v: &Values, priced: &mut Priced) {
    priced.horizon = plan.horizon;
    priced.discount = v[A::DiscountRatePct] / 100.0;
    for option in &mut priced.options {
        option[..plan.horizon].fill(YearItems::default());
    }
    let wage_growth = 1.0 + v[A::RealWageGrowthPct] / 100.0;
    let escalator = 1.0 + v[A::ProviderEscalatorPct] / 100.0;
    let est1 = plan.estate[0];
    let year_one = provider_monthly(
        plan,
        v,
        &est1,
        est1.volume(v),
        &tools(plan, v, &est1, est1.volume(v)),
    );
    for index in 0..plan.horizon {
        let year = index + 1;
        // This year's pay: every salary risen by real wage growth.
        let mut vy = *v;
        let rise = wage_growth.powi(index as i32);
        for id in SALARIES {
            vy[id] *= rise;
        }
        let c = Common::new(plan, &vy, year_one);
        let est = plan.estate[index];
        let volume = est.volume(&vy);
        let tools = tools(plan, &vy, &est, volume);
        let mut provider = provider_monthly(plan, &vy, &est, volume, &tools);
        let rise = |quote: Option<super::plan::QuotePlan>| {
            quote
                .and_then(|q| q.escalator_pct)
                .map_or(escalator, |pct| 1.0 + pct / 100.0)
                .powi(index as i32)
        };
        let escalation = rise(plan.quote);
        provider.service *= escalation;
        provider.platform *= escalation;
        let today = plan.estate[0].assets();
        let hybrid_quoted = plan.hybrid_quote.map(|q| {
            let scale = if today > 0.0 {
                est.assets() / today
            } else {
                1.0
            };
            q.annual_fee / 12.0 * scale * rise(plan.hybrid_quote)
        });
        let yr = Year {
            index,
            year,
            tools,
            provider,
            hybrid_quoted,
            provider_months: months_in_year(plan.onboarding_month, f64::INFINITY, year),
            transition_months: months_in_year(0.0, c.transition_end, year),
        };
        let [in_house, outsourced, hybrid] = &mut priced.options;
        price_in_house(&mut in_house[index], plan, &vy, &c, &yr);
        price_outsourced(&mut outsourced[index], plan, &vy, &c, &yr);
        price_hybrid(&mut hybrid[index], plan, &vy, &c, &yr);
    }
}

/// What every option shares in one year.
struct Common {
    existing: f64,
    /// Employer cost of one of today's staff for a year, at their own pay.
    kept_rate: f64,
    l1_scale: f64,
    retainer: f64,
    forensics: f64,
    transition_end: f64,
    transition_year: usize,
    /// The provider's price for the first year's estate, for onboarding.
    year_one: ProviderMonthly,
    retained: TeamPlan,
    training: f64,
    attrition: f64,
}

impl Common {
    fn new(plan: &Plan, v: &Values, year_one: ProviderMonthly) -> Common {
        let (retainer, forensics) = services(v);
        let transition_end = plan.onboarding_month + v[A::DualRunningMonths];
        let existing = plan.existing();
        Common {
            existing,
            kept_rate: if existing > 0.0 {
                existing_cost(plan, v) / existing
            } else {
                0.0
            },
            l1_scale: if plan.sized_fte_per_seat > 0.0 {
                v[A::FtePerSeat] / plan.sized_fte_per_seat
            } else {
                1.0
            },
            retainer,
            forensics,
            transition_end,
            transition_year: (transition_end / 12.0).floor() as usize + 1,
            year_one,
            retained: crate::evaluate::teams::retained(v),
            training: v[A::TrainingPerFte],
            attrition: v[A::AttritionPct] / 100.0,
        }
    }
}

/// One year of the horizon: its estate, tools and provider months.
struct Year {
    /// 0-based.
    index: usize,
    /// 1-based, as the schedule counts.
    year: usize,
    tools: Tools,
    /// The provider's monthly price for this year's estate.
    provider: ProviderMonthly,
    /// A co-management bid's monthly fee for this year's estate.
    hybrid_quoted: Option<f64>,
    provider_months: f64,
    transition_months: f64,
}

fn price_in_house(out: &mut YearItems, plan: &Plan, v: &Values, c: &Common, yr: &Year) {
    let mut team = plan.in_house[yr.index];
    team.l1 *= c.l1_scale;
    let share = if plan.ramp {
        hired_share(plan.in_house_build_months, yr.year)
    } else {
        1.0
    };
    let staff = team_cost(&team, v, plan.shift_work, c, share);
    out.add(Item::Salaries, staff);
    out.add(Item::VacancyCover, vacancy_cover(v, staff));
    out.add(Item::OnCall, on_call(plan.rota_in_house, v));
    let before = if yr.index == 0 {
        c.existing
    } else {
        let mut b = plan.in_house[yr.index - 1];
        b.l1 *= c.l1_scale;
        b.total()
    };
    let hires = (team.total() - before).max(0.0) + c.attrition * team.total();
    out.add(Item::Recruiting, recruiting(&team, v, hires));
    out.add(Item::Training, c.training * team.total());
    out.add(Item::Siem, yr.tools.siem);
    out.add(Item::Edr, yr.tools.edr);
    out.add(Item::Soar, yr.tools.soar);
    out.add(Item::ThreatIntel, yr.tools.tip);
    out.add(Item::LogStorage, yr.tools.storage);
    out.add(Item::IrRetainer, c.retainer);
    out.add(Item::Forensics, c.forensics);
    if let Some(b) = plan.bridge {
        // The bridge watches in the tools the in-house option pays for
        // from the start: its service only.
        out.add(
            Item::ProviderFee,
            months_in_year(b.from_month, b.until_month, yr.year) * yr.provider.service,
        );
        if yr.index == 0 {
            out.add(
                Item::Onboarding,
                onboarding(
                    plan,
                    v,
                    c.year_one.service,
                    c.year_one.service + c.year_one.platform,
                ),
            );
        }
    }
    if yr.index == 0 {
        let new = (team.total() - c.existing).max(0.0);
        let new_cost = if team.total() > 0.0 {
            team.employer_cost(v, plan.shift_work) * new / team.total()
        } else {
            0.0
        };
        out.add(Item::Build, v[A::BuildCostPct] / 100.0 * new_cost);
        out.add(
            Item::ToolDeployment,
            v[A::BuildCostPct] / 100.0 * not_owned(plan, &yr.tools, true),
        );
    }
}

fn price_outsourced(out: &mut YearItems, plan: &Plan, v: &Values, c: &Common, yr: &Year) {
    let own_tools = plan.platform == ProviderPlatform::OwnTools;
    let monthly = yr.provider.service + yr.provider.platform;
    provider_option(
        out,
        plan,
        v,
        ProviderYear {
            yr,
            c,
            monthly,
            year_one_monthly: c.year_one.service + c.year_one.platform,
            team: &c.retained,
            previous_total: c.retained.total(),
            team_share: 1.0,
            vacancy_covered: false,
            quoted_onboarding: None,
        },
    );
    out.add(Item::Training, c.training * c.retained.total());
    let keep = plan.owned_tools == OwnedTools::Keep;
    let share_kept = |owned: bool, runs_it: bool| -> f64 {
        if runs_it {
            1.0
        } else if owned {
            if keep {
                1.0
            } else {
                yr.transition_months / 12.0
            }
        } else {
            0.0
        }
    };
    out.add(
        Item::Siem,
        yr.tools.siem * share_kept(plan.owned.siem, own_tools),
    );
    out.add(
        Item::Edr,
        yr.tools.edr * share_kept(plan.owned.edr, own_tools),
    );
    out.add(
        Item::Soar,
        yr.tools.soar * share_kept(plan.owned.soar, false),
    );
    out.add(
        Item::ThreatIntel,
        yr.tools.tip * share_kept(plan.owned.tip, false),
    );
    if own_tools {
        out.add(Item::LogStorage, yr.tools.storage);
    }
    if yr.index == 0 && own_tools {
        let deploy = (if plan.owned.siem { 0.0 } else { yr.tools.siem })
            + (if plan.owned.edr { 0.0 } else { yr.tools.edr });
        out.add(Item::ToolDeployment, v[A::BuildCostPct] / 100.0 * deploy);
    }
    out.add(Item::IrRetainer, c.retainer);
    out.add(Item::Forensics, c.forensics);
}

fn price_hybrid(out: &mut YearItems, plan: &Plan, v: &Values, c: &Common, yr: &Year) {
    let share = v[A::CoManagedSharePct] / 100.0;
    let (monthly, year_one_monthly) = match (yr.hybrid_quoted, plan.hybrid_quote) {
        (Some(fee), Some(q)) => (fee, q.annual_fee / 12.0),
        _ => (yr.provider.service * share, c.year_one.service * share),
    };
    let team = plan.co_managed[yr.index];
    provider_option(
        out,
        plan,
        v,
        ProviderYear {
            yr,
            c,
            monthly,
            year_one_monthly,
            team: &team,
            previous_total: if yr.index == 0 {
                0.0
            } else {
                plan.co_managed[yr.index - 1].total()
            },
            team_share: if plan.ramp {
                hired_share(plan.co_managed_build_months, yr.year)
            } else {
                1.0
            },
            vacancy_covered: true,
            quoted_onboarding: plan.hybrid_quote.map(|q| q.onboarding_fee),
        },
    );
    out.add(Item::Training, c.training * team.total());
    out.add(Item::Siem, yr.tools.siem);
    out.add(Item::Edr, yr.tools.edr);
    out.add(Item::Soar, yr.tools.soar);
    out.add(Item::ThreatIntel, yr.tools.tip);
    out.add(Item::LogStorage, yr.tools.storage);
    out.add(Item::IrRetainer, c.retainer);
    out.add(Item::Forensics, c.forensics);
    if yr.index == 0 {
        let new = (team.total() - c.existing).max(0.0);
        let new_cost = if team.total() > 0.0 {
            team.employer_cost(v, false) * new / team.total()
        } else {
            0.0
        };
        out.add(Item::Build, v[A::BuildCostPct] / 100.0 * new_cost);
        out.add(
            Item::ToolDeployment,
            v[A::BuildCostPct] / 100.0 * not_owned(plan, &yr.tools, true),
        );
    }
}

/// Running cost of the tools the organisation would have to deploy.
fn not_owned(plan: &Plan, t: &Tools, with_soar_and_tip: bool) -> f64 {
    let o = plan.owned;
    let mut total = 0.0;
    if !o.siem {
        total += t.siem;
    }
    if !o.edr {
        total += t.edr;
    }
    if with_soar_and_tip && !o.soar {
        total += t.soar;
    }
    if with_soar_and_tip && !o.tip {
        total += t.tip;
    }
    total
}

/// What an option with a provider needs to price one year, beyond the
/// year and what every year shares.
struct ProviderYear<'a> {
    yr: &'a Year,
    c: &'a Common,
    monthly: f64,
    /// The same fee for the first year's estate, for onboarding.
    year_one_monthly: f64,
    team: &'a TeamPlan,
    /// The team's size the year before (today's staff in year one).
    previous_total: f64,
    /// Share of the year the team's new hires are paid.
    team_share: f64,
    /// Whether empty posts are covered by overtime or contractors.
    vacancy_covered: bool,
    /// The onboarding fee a co-management bid quotes, when it does.
    quoted_onboarding: Option<f64>,
}

/// The parts outsourcing and co-managing share: the provider's fee and its
/// onboarding, the internal team, today's staff who are not needed after
/// the transition, the out-of-hours approval rota, and the exit reserve.
fn provider_option(out: &mut YearItems, plan: &Plan, v: &Values, p: ProviderYear<'_>) {
    out.add(Item::ProviderFee, p.monthly * p.yr.provider_months);
    if p.yr.index == 0 {
        out.add(
            Item::Onboarding,
            p.quoted_onboarding.unwrap_or_else(|| {
                onboarding(
                    plan,
                    v,
                    p.year_one_monthly,
                    p.c.year_one.service + p.c.year_one.platform,
                )
            }),
        );
    }
    let staff = team_cost(p.team, v, false, p.c, p.team_share);
    out.add(Item::Salaries, staff);
    // The function kept under full outsourcing is a part-time duty of a
    // few people: no vacancy is covered by contractors there.
    if p.vacancy_covered {
        out.add(Item::VacancyCover, vacancy_cover(v, staff));
    }
    out.add(Item::OnCall, on_call(plan.rota_provider, v));
    let surplus = (p.c.existing - p.team.total()).max(0.0);
    if surplus > 0.0 {
        // Today's staff not needed afterwards stay, at their own pay, until
        // the provider has run alongside them; then they are redeployed or
        // released, which never costs more than keeping them the rest of
        // that year would.
        let kept_months = p.yr.transition_months;
        out.add(
            Item::TransitionStaff,
            surplus * p.c.kept_rate * kept_months / 12.0,
        );
        if p.yr.year == p.c.transition_year {
            let keeping_instead = p.c.kept_rate * (12.0 - kept_months).max(0.0) / 12.0;
            out.add(
                Item::Redeployment,
                surplus * redeployment_per_person(plan, v).min(keeping_instead),
            );
        }
    }
    let before = if p.yr.year == 1 {
        p.c.existing
    } else {
        p.previous_total
    };
    // A retained function below one person is a part-time duty of someone
    // already employed: nobody is recruited for it.
    if p.team.total() >= 1.0 || p.vacancy_covered {
        let hires =
            (p.team.total() - before).max(0.0) + v[A::AttritionPct] / 100.0 * p.team.total();
        out.add(Item::Recruiting, recruiting(p.team, v, hires));
    }
    if plan.term_end_year == Some(p.yr.year) {
        out.add(Item::ExitReserve, v[A::DualRunningMonths] * p.monthly);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::economics::plan::{Estate, QuotePlan};

    fn starter_plan() -> Plan {
        let p = crate::profile::starter_profile().expect("starter profile");
        crate::evaluate::quick(&p).economics.plan
    }

    #[test]
    fn later_years_are_discounted_and_the_first_is_not() {
        // 100 now, 110 in a year and 121 in two, at 10%: 100 each.
        let pv = present_value([100.0, 110.0, 121.0].into_iter(), 0.10);
        assert!((pv - 300.0).abs() < 1e-9, "{pv}");
    }

    #[test]
    fn tools_are_priced_by_graduated_band_and_by_volume() {
        let mut v = Values([0.0; A::COUNT]);
        v[A::EdrPrice] = 5.0;
        v[A::EdrServerFactor] = 2.0;
        v[A::RetentionDays] = 90.0;
        v[A::StoragePrice] = 0.02;
        v[A::SoarAnnual] = 40_000.0;
        let mut plan = starter_plan();
        plan.siem_flat = true;
        v[A::SiemPrice] = 1_000.0;
        let est = Estate {
            endpoints: 1_200.0,
            servers: 100.0,
            cloud: 0.0,
            given_volume: None,
        };
        let t = tools(&plan, &v, &est, 50.0);
        // 1,200 endpoints and 100 servers at twice: 1,400 units, the first
        // 1,000 at list and 400 at 90%: 1,360 x 5 a month x 12.
        assert!((t.edr - 81_600.0).abs() < 1e-6, "{}", t.edr);
        // 50 GB/day kept 90 days at 0.02 per GB-month: 1,080 a year.
        assert!((t.storage - 1_080.0).abs() < 1e-6, "{}", t.storage);
        // A flat-priced SIEM: 1,000 per GB/day.
        assert_eq!((t.siem, t.soar), (50_000.0, 40_000.0));
    }

    #[test]
    fn a_bundled_quote_splits_into_service_and_platform_and_grows_with_the_estate() {
        let mut v = Values([0.0; A::COUNT]);
        v[A::ByoSharePct] = 60.0;
        let mut plan = starter_plan();
        plan.quote = Some(QuotePlan {
            annual_fee: 240_000.0,
            onboarding_fee: 30_000.0,
            platform: ProviderPlatform::Bundled,
            escalator_pct: None,
        });
        // The estate a tenth larger than today's: the fee scales with it.
        let today = plan.estate[0];
        let grown = Estate {
            endpoints: today.endpoints * 1.1,
            servers: today.servers * 1.1,
            cloud: today.cloud * 1.1,
            given_volume: None,
        };
        let m = provider_monthly(&plan, &v, &grown, 10.0, &Tools::default());
        // 240,000 / 12 x 1.1 = 22,000 a month: 60% the people, the rest
        // the platform.
        assert!((m.service - 13_200.0).abs() < 1e-6, "{}", m.service);
        assert!((m.platform - 8_800.0).abs() < 1e-6, "{}", m.platform);
        // The quoted onboarding fee, in proportion to the part priced:
        // 30,000 x 13,200 / 22,000.
        assert!((onboarding(&plan, &v, 13_200.0, 22_000.0) - 18_000.0).abs() < 1e-6);
        // Without a quote, onboarding is months of the monthly fee.
        plan.quote = None;
        v[A::OnboardingMonths] = 2.0;
        assert_eq!(onboarding(&plan, &v, 10_000.0, 0.0), 20_000.0);
    }

    #[test]
    fn vacancies_on_call_and_services_follow_their_rates() {
        let mut v = Values([0.0; A::COUNT]);
        v[A::VacancyPct] = 10.0;
        v[A::OnCallPct] = 15.0;
        v[A::L3Salary] = 100_000.0;
        v[A::Benefits] = 1.2;
        v[A::IrRetainerAnnual] = 25_000.0;
        v[A::ForensicsHours] = 40.0;
        v[A::IrHourlyRate] = 300.0;
        // 10% of posts empty, covered at half again their pay: 5% of 1M.
        assert!((vacancy_cover(&v, 1_000_000.0) - 50_000.0).abs() < 1e-6);
        // Four on the rota, each paid 15% of an L3 salary with benefits.
        assert!((on_call(4.0, &v) - 72_000.0).abs() < 1e-6);
        assert_eq!(services(&v), (25_000.0, 12_000.0));
        // Recruiting 3 of a team of 4 on 400,000 of payroll at 20%.
        v[A::L2Salary] = 100_000.0;
        v[A::RecruitingPct] = 20.0;
        let team = TeamPlan {
            l2: 4.0,
            ..TeamPlan::default()
        };
        assert!((recruiting(&team, &v, 3.0) - 60_000.0).abs() < 1e-6);
    }
}
