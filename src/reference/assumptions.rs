//! The catalogue of cost-model assumptions, as data: every default the
//! evaluation uses that a profile may override under `assumptions:`.
//!
//! Each entry names its unit, the values a profile may set, how the
//! Monte Carlo draws it, and how its default is chosen, in words. The
//! profile validator reads the names and bounds; the evaluation's
//! `evaluate::assumptions` gives each default's rule as code and its public
//! sources; the docs and the report's appendix list them all, so they can
//! never disagree.

/// What an assumption's number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    CurrencyPerUsd,
    MoneyPerYear,
    MoneyPerAssetMonth,
    MoneyPerGbDayYear,
    MoneyPerGbDayMonth,
    MoneyPerGbMonth,
    MoneyPerHour,
    MoneyPerPersonYear,
    MoneyPerEvent,
    Percent,
    Fte,
    People,
    Seats,
    Assets,
    Months,
    Years,
    Hours,
    Days,
    Multiplier,
    GbPerDay,
    Score,
}

impl Unit {
    /// The unit in words, with money in the profile's currency.
    pub fn describe(self, currency: &str) -> String {
        match self {
            Unit::CurrencyPerUsd => format!("{currency} per USD"),
            Unit::MoneyPerYear => format!("{currency} per year"),
            Unit::MoneyPerAssetMonth => format!("{currency} per asset per month"),
            Unit::MoneyPerGbDayYear => format!("{currency} per GB/day per year"),
            Unit::MoneyPerGbDayMonth => format!("{currency} per GB/day per month"),
            Unit::MoneyPerGbMonth => format!("{currency} per GB per month"),
            Unit::MoneyPerHour => format!("{currency} per hour"),
            Unit::MoneyPerPersonYear => format!("{currency} per person per year"),
            Unit::MoneyPerEvent => format!("{currency} per event"),
            Unit::Percent => "%".into(),
            Unit::Fte => "FTE".into(),
            Unit::People => "people".into(),
            Unit::Seats => "seats".into(),
            Unit::Assets => "assets".into(),
            Unit::Months => "months".into(),
            Unit::Years => "years".into(),
            Unit::Hours => "hours".into(),
            Unit::Days => "days".into(),
            Unit::Multiplier => "x".into(),
            Unit::GbPerDay => "GB per day".into(),
            Unit::Score => "score".into(),
        }
    }

    pub fn is_money(self) -> bool {
        matches!(
            self,
            Unit::MoneyPerYear
                | Unit::MoneyPerAssetMonth
                | Unit::MoneyPerGbDayYear
                | Unit::MoneyPerGbDayMonth
                | Unit::MoneyPerGbMonth
                | Unit::MoneyPerHour
                | Unit::MoneyPerPersonYear
                | Unit::MoneyPerEvent
        )
    }
}

/// How the Monte Carlo draws an assumption. Assumptions in the same group
/// move together (one draw for all), because they measure one thing:
/// salaries of all tiers follow one market, log volumes one logging policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Draw {
    /// A decision rule, a schedule or a structural ratio: not sampled.
    Fixed,
    /// Drawn on its own.
    Own,
    Salaries,
    LogVolumes,
}

/// One overridable assumption.
#[derive(Debug)]
pub struct Info {
    pub id: A,
    pub name: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    /// Inclusive bounds a profile may set.
    pub min: f64,
    pub max: f64,
    pub draw: Draw,
    /// How the default is chosen, in words.
    pub rule: &'static str,
}

/// Declare the catalogue once: the id enum and the table, in one order.
macro_rules! catalogue {
    ($($id:ident {
        name: $name:expr,
        label: $label:expr,
        unit: $unit:ident,
        min: $min:expr,
        max: $max:expr,
        draw: $draw:ident,
        rule: $rule:expr $(,)?
    }),+ $(,)?) => {
        /// An assumption of the cost model, in catalogue order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum A { $($id),+ }

        impl A {
            pub const ALL: &'static [A] = &[$(A::$id),+];
            pub const COUNT: usize = A::ALL.len();

            pub fn info(self) -> &'static Info {
                &CATALOGUE[self as usize]
            }
        }

        pub const CATALOGUE: &[Info] = &[$(Info {
            id: A::$id,
            name: $name,
            label: $label,
            unit: Unit::$unit,
            min: $min,
            max: $max,
            draw: Draw::$draw,
            rule: $rule,
        }),+];
    };
}

const MONEY_MAX: f64 = 1e12;

catalogue! {
    FxUsdRate {
        name: "fx_usd_rate",
        label: "Exchange rate: profile currency per US dollar",
        unit: CurrencyPerUsd,
        min: 1e-6,
        max: 1e6,
        draw: Fixed,
        rule: "built-in table of 2025 average rates",
    },
    WageGrowthPct {
        name: "wage_growth_pct",
        label: "Nominal wage growth used to bring older salary data to 2026",
        unit: Percent,
        min: 0.0,
        max: 20.0,
        draw: Fixed,
        rule: "3.5% a year",
    },
    RealWageGrowthPct {
        name: "real_wage_growth_pct",
        label: "Yearly rise of security pay above inflation, over the horizon",
        unit: Percent,
        min: -5.0,
        max: 10.0,
        draw: Own,
        rule: "1% a year: U.S. employment costs rose 3.8% in 2024 against prices 2.9%; range 0% to 2%",
    },
    ProviderEscalatorPct {
        name: "provider_escalator_pct",
        label: "Yearly rise of provider prices above inflation",
        unit: Percent,
        min: -10.0,
        max: 10.0,
        draw: Own,
        rule: "0%: provider contracts are commonly indexed to consumer prices, which present values in today's money leave out; range -1% (discounts at renewal) to 2%",
    },
    DiscountRatePct {
        name: "discount_rate_pct",
        label: "Real discount rate for present values",
        unit: Percent,
        min: 0.0,
        max: 15.0,
        draw: Fixed,
        rule: "3.5% a year in real terms, the HM Treasury Green Book rate for the first 30 years",
    },
    FtePerSeat {
        name: "fte_per_24x7_seat",
        label: "FTE needed to keep one seat staffed 24/7",
        unit: Fte,
        min: 4.0,
        max: 8.0,
        draw: Own,
        rule: "8,760 hours a year over the productive hours of one analyst: 1,800 in the U.S. and similar markets (4.9), 1,650 in Europe (5.3); low 4.2 (no leave at all), high 6.0",
    },
    MinTeam {
        name: "min_24x7_team",
        label: "Smallest viable in-house 24/7 team",
        unit: People,
        min: 5.0,
        max: 40.0,
        draw: Fixed,
        rule: "10 people (5 L1, 2 L2, 1 L3, 1 engineer, 1 manager); sources give 9-16",
    },
    MinSeats {
        name: "min_console_seats",
        label: "Analyst seats staffed at all times, at least",
        unit: Seats,
        min: 1.0,
        max: 10.0,
        draw: Fixed,
        rule: "1: the smallest team for the required coverage; more seats only when the estate needs them",
    },
    AssetsPerSeat {
        name: "assets_per_seat",
        label: "Monitored assets the first staffed seat covers",
        unit: Assets,
        min: 500.0,
        max: 1e6,
        draw: Fixed,
        rule: "10,000 endpoints, servers and cloud workloads; further seats grow with the estate to the power `seat_scale_exponent`",
    },
    SeatScaleExponent {
        name: "seat_scale_exponent",
        label: "How staffed seats grow with the estate (power of the asset count)",
        unit: Multiplier,
        min: 0.2,
        max: 1.0,
        draw: Fixed,
        rule: "0.55: alerts left after automation grow more slowly than the estate; a 100,000-asset SOC staffs 4 seats, not 10",
    },
    GbDayPerEngineer {
        name: "gb_day_per_engineer",
        label: "Daily log volume one detection engineer keeps tuned",
        unit: GbPerDay,
        min: 10.0,
        max: 100_000.0,
        draw: Fixed,
        rule: "200 GB/day per engineer, at least one",
    },
    L1Salary {
        name: "l1_salary",
        label: "Base salary, L1 analyst",
        unit: MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        draw: Salaries,
        rule: "0.75 x the country's L2 anchor; range -15% to +20%",
    },
    L2Salary {
        name: "analyst_salary",
        label: "Base salary, L2 analyst",
        unit: MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        draw: Salaries,
        rule: "the country's L2 anchor (see Staff costs by country); range -15% to +20%",
    },
    L3Salary {
        name: "l3_salary",
        label: "Base salary, L3 analyst / incident responder",
        unit: MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        draw: Salaries,
        rule: "1.3 x the country's L2 anchor; range -15% to +20%",
    },
    EngineerSalary {
        name: "engineer_salary",
        label: "Base salary, detection engineer",
        unit: MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        draw: Salaries,
        rule: "1.4 x the country's L2 anchor; range -15% to +20%",
    },
    ManagerSalary {
        name: "manager_salary",
        label: "Base salary, SOC manager",
        unit: MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        draw: Salaries,
        rule: "1.55 x the country's L2 anchor; range -15% to +20%",
    },
    Benefits {
        name: "benefits_multiplier",
        label: "Employer cost per unit of base salary (social contributions and benefits)",
        unit: Multiplier,
        min: 1.0,
        max: 3.0,
        draw: Own,
        rule: "the country's employer on-cost (U.S. public sector 1.60)",
    },
    OverheadPct {
        name: "overhead_pct",
        label: "Overhead on loaded staff cost (workplace, equipment, management time)",
        unit: Percent,
        min: 0.0,
        max: 100.0,
        draw: Own,
        rule: "10%, range 5-20%",
    },
    ShiftPremiumPct {
        name: "shift_premium_pct",
        label: "Night and weekend premium for 24/7 shift staff",
        unit: Percent,
        min: 0.0,
        max: 50.0,
        draw: Own,
        rule: "5% of base for L1 and L2 on a 24/7 or extended rota, range 0-15%",
    },
    AttritionPct {
        name: "attrition_pct",
        label: "Analysts leaving per year",
        unit: Percent,
        min: 0.0,
        max: 100.0,
        draw: Own,
        rule: "25%, range 15-45%",
    },
    RecruitingPct {
        name: "recruiting_cost_pct",
        label: "Cost of one hire, as a share of its base salary",
        unit: Percent,
        min: 0.0,
        max: 100.0,
        draw: Own,
        rule: "20%, range 15-30%",
    },
    TimeToHireMonths {
        name: "time_to_hire_months",
        label: "Time to hire one analyst",
        unit: Months,
        min: 0.0,
        max: 24.0,
        draw: Fixed,
        rule: "3 (easy market), 4 (normal), 5 (tight)",
    },
    HiresPerMonth {
        name: "hires_per_month",
        label: "New security staff a build can hire and onboard a month",
        unit: People,
        min: 0.25,
        max: 50.0,
        draw: Fixed,
        rule: "2 in a normal market, 3 in an easy one, 1.5 in a tight one (assumption)",
    },
    VacancyPct {
        name: "vacancy_pct",
        label: "Share of in-house posts empty at any time, covered by overtime or contractors",
        unit: Percent,
        min: 0.0,
        max: 60.0,
        draw: Own,
        rule: "attrition x a typical 4 months to hire / 12: about 8% at 25% attrition; covered at 1.5 times pay; range 0.5x to 2x",
    },
    HybridBuildMonths {
        name: "hybrid_build_months",
        label: "Months until a co-managed SOC is complete",
        unit: Months,
        min: 1.0,
        max: 36.0,
        draw: Fixed,
        rule: "6",
    },
    ProviderSelectionMonths {
        name: "provider_selection_months",
        label: "Months from the decision to a signed provider contract",
        unit: Months,
        min: 0.0,
        max: 36.0,
        draw: Fixed,
        rule: "2 for a private purchase (a 30-90-day evaluation and the contract); 6 for a public tender (specification, at least 35 days for tenders, about 74 days to award, a standstill); 2 for a call-off from a public framework",
    },
    ProviderOnboardingMonths {
        name: "provider_onboarding_months",
        label: "Months from the signed contract until a provider is monitoring",
        unit: Months,
        min: 0.5,
        max: 12.0,
        draw: Fixed,
        rule: "2 (guided implementations take 6-12 weeks)",
    },
    LogGbPerEndpoint {
        name: "log_gb_per_endpoint_day",
        label: "Log volume per endpoint",
        unit: GbPerDay,
        min: 0.0,
        max: 100.0,
        draw: LogVolumes,
        rule: "0.02 GB/day, range 0.01-0.05 (used only when `daily_log_volume_gb` is not given)",
    },
    LogGbPerServer {
        name: "log_gb_per_server_day",
        label: "Log volume per server",
        unit: GbPerDay,
        min: 0.0,
        max: 1000.0,
        draw: LogVolumes,
        rule: "0.25 GB/day, range 0.1-1 (used only when `daily_log_volume_gb` is not given)",
    },
    LogGbPerCloud {
        name: "log_gb_per_cloud_workload_day",
        label: "Log volume per cloud workload",
        unit: GbPerDay,
        min: 0.0,
        max: 1000.0,
        draw: LogVolumes,
        rule: "0.1 GB/day, range 0.05-0.5 (used only when `daily_log_volume_gb` is not given)",
    },
    InHouseBuildMonths {
        name: "in_house_build_months",
        label: "Months until an in-house SOC is operational",
        unit: Months,
        min: 1.0,
        max: 48.0,
        draw: Fixed,
        rule: "the longer of the set-up (12 months for 24/7, 9 extended, 6 business hours; +1 in a tight market, -1 in an easy one; -3 with half the minimum team employed; -2 at maturity 3 or more; at least 3) and the months to hire the team this estate needs (months to hire plus new posts over hires per month)",
    },
    SiemPrice {
        name: "siem_price_per_gb_day",
        label: "SIEM licence per GB/day of ingest (average at year-one volume)",
        unit: MoneyPerGbDayYear,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "Splunk's graduated list bands (USD 1,650 per GB/day a year for the first 10 GB/day down to 150 above 500) less a 30% negotiated discount; range: 60% off to list price; a profile value is a flat price",
    },
    EdrPrice {
        name: "edr_price_per_endpoint_month",
        label: "EDR licence per endpoint",
        unit: MoneyPerAssetMonth,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "USD 6 per endpoint per month, range 3-15; graduated: 0.9x from 1,000 endpoint-equivalents, 0.8x from 10,000, 0.7x beyond 50,000",
    },
    EdrServerFactor {
        name: "edr_server_factor",
        label: "EDR price of a server or cloud workload relative to an endpoint",
        unit: Multiplier,
        min: 0.0,
        max: 10.0,
        draw: Own,
        rule: "2, range 1.5-2.5",
    },
    SoarAnnual {
        name: "soar_annual",
        label: "SOAR (automation) platform per year",
        unit: MoneyPerYear,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "USD 6,000 under 1,000 monitored assets (an entry automation plan), USD 47,250 from 1,000 (an entry enterprise SOAR); range 0 (bundled or open source) to twice that",
    },
    TipAnnual {
        name: "tip_annual",
        label: "Threat intelligence subscription per year",
        unit: MoneyPerYear,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "USD 10,000 under 1,000 employees (range 0-50,000), USD 50,000 from 1,000 (range 0-150,000); the low end is open-source feeds on MISP or OpenCTI",
    },
    IrRetainerAnnual {
        name: "ir_retainer_annual",
        label: "Incident-response retainer per year",
        unit: MoneyPerYear,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "public bodies 0 (zero-fee retainers billed only when used; up to USD 15,000, or 75,000 from 5,000 employees); otherwise USD 5,000 under 250 employees (range 0-15,000), USD 15,000 under 5,000 (0-50,000), USD 75,000 above (25,000-250,000): many retainers carry no fee and bill hours only when an incident occurs; enterprise prepaid retainers are quoted privately, so the top band is an assumption",
    },
    TrainingPerFte {
        name: "training_per_fte",
        label: "Training and certification per internal security FTE per year",
        unit: MoneyPerPersonYear,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "USD 5,000, range 2,500-9,000 (one professional course and exam a year at the top)",
    },
    ForensicsHours {
        name: "forensics_hours_per_year",
        label: "External forensic and incident-response hours bought per year",
        unit: Hours,
        min: 0.0,
        max: 100_000.0,
        draw: Own,
        rule: "40 hours, range 0-120 (more after recent incidents: +20 per incident in the last 24 months, up to 200)",
    },
    IrHourlyRate {
        name: "ir_hourly_rate",
        label: "External incident-response hourly rate",
        unit: MoneyPerHour,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "USD 350, range 200-500",
    },
    StoragePrice {
        name: "log_storage_price_per_gb_month",
        label: "Archive storage for retained logs",
        unit: MoneyPerGbMonth,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "USD 0.004 per GB-month (instant-retrieval archive), range 0.001 (deep archive) to 0.023 (standard)",
    },
    RetentionDays {
        name: "log_retention_days",
        label: "Days of logs kept",
        unit: Days,
        min: 30.0,
        max: 3650.0,
        draw: Fixed,
        rule: "365 days (PCI DSS keeps 12 months; the 2022 joint advisory on managed service providers asks for at least 6)",
    },
    MdrPrice {
        name: "mssp_price_per_endpoint_month",
        label: "Provider service fee per endpoint per month, 100–500 endpoint band, service only (the provider’s people, not its platform)",
        unit: MoneyPerAssetMonth,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "USD 6.50 per endpoint per month in the 100-500 band (so that a 500-endpoint body with 50 servers pays the median of awarded public service contracts, USD 46,242 a year), graduated: 1.3x for the first 100, 0.95x to 2,000, 0.9x to 10,000, 0.85x to 50,000, 0.8x beyond; range 4.30-13",
    },
    MdrServerFactor {
        name: "mssp_server_factor",
        label: "Provider fee for a server relative to an endpoint",
        unit: Multiplier,
        min: 0.0,
        max: 10.0,
        draw: Own,
        rule: "1.5, range 1-2.5",
    },
    MdrCloudFactor {
        name: "mssp_cloud_workload_factor",
        label: "Provider fee for a cloud workload relative to an endpoint",
        unit: Multiplier,
        min: 0.0,
        max: 10.0,
        draw: Own,
        rule: "0.6, range 0.3-1",
    },
    ProviderRegionFactor {
        name: "provider_region_factor",
        label: "Provider service prices relative to a U.S. provider’s",
        unit: Multiplier,
        min: 0.05,
        max: 5.0,
        draw: Own,
        rule: "(1 - labour share) + labour share x the provider country's wage level relative to the U.S., labour share 50% (40-65%); a domestic provider is in the headquarters country; 1 for a global provider, priced in its U.S. home market",
    },
    MdrLogPrice {
        name: "mssp_log_price_per_gb_day_month",
        label: "Provider service fee for monitoring logs, first 10 GB/day, on top of the log platform’s licence",
        unit: MoneyPerGbDayMonth,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "USD 15 per GB/day per month for the first 10 GB/day, 0.6x to 100, 0.3x to 1,000, 0.15x beyond; range 5-45; the log platform itself is priced as the SIEM licence for the same volume",
    },
    ByoSharePct {
        name: "mssp_own_tools_share_pct",
        label: "Service share of a bundled quote (the rest pays for the provider’s platform)",
        unit: Percent,
        min: 0.0,
        max: 100.0,
        draw: Own,
        rule: "50%, range 33-67%: a bundled MDR costs 1.5-3 times the EDR licence",
    },
    CoManagedSharePct {
        name: "co_managed_fee_share_pct",
        label: "Co-managed provider fee (24/7 monitoring and triage in the organisation’s own tools), as a share of the provider’s service fee",
        unit: Percent,
        min: 0.0,
        max: 100.0,
        draw: Own,
        rule: "40%, range 25-60%",
    },
    OnboardingMonths {
        name: "mssp_onboarding_months",
        label: "Provider onboarding fee, in months of the recurring fee",
        unit: Months,
        min: 0.0,
        max: 12.0,
        draw: Own,
        rule: "1 month of fees, range 0-1.4 (when no quote gives the fee)",
    },
    TermYears {
        name: "mssp_term_years",
        label: "Provider contract term",
        unit: Years,
        min: 1.0,
        max: 10.0,
        draw: Fixed,
        rule: "3 years (a quote's term wins)",
    },
    DualRunningMonths {
        name: "dual_running_months",
        label: "Months of paying both the old and the new arrangement when switching",
        unit: Months,
        min: 0.0,
        max: 24.0,
        draw: Own,
        rule: "2, range 1-6; at go-live the organisation's own staff and tools overlap the provider, and at the end of the term the old and new provider overlap",
    },
    ExitTransitionMonths {
        name: "exit_transition_months",
        label: "Transition assistance the provider owes at exit (the SLA’s transition clause)",
        unit: Months,
        min: 0.0,
        max: 24.0,
        draw: Fixed,
        rule: "6 months",
    },
    RetainedFte {
        name: "internal_owner_fte",
        label: "Retained function when outsourcing (service owner, IR lead, vendor management, regulator contact)",
        unit: Fte,
        min: 0.0,
        max: 50.0,
        draw: Own,
        rule: "by size: 0.25 FTE under 500 employees, 0.35 under 1,000, 1 under 5,000, 2 under 20,000, 3 above; +50% in a regulated private sector from 1,000 employees; half at L2 and half at L3 pay; range 0.75x to 1.5x",
    },
    OnCallPct {
        name: "on_call_allowance_pct",
        label: "On-call allowance for each member of an out-of-hours approval rota, as a share of L3 base",
        unit: Percent,
        min: 0.0,
        max: 100.0,
        draw: Own,
        rule: "5%, range 2.5-10%, for a rota of four when 24/7 containment must be approved internally",
    },
    RedeploymentMonths {
        name: "redeployment_months",
        label: "Cost of redeploying or releasing one of today’s security staff, in months of L2 base salary",
        unit: Months,
        min: 0.0,
        max: 36.0,
        draw: Own,
        rule: "3 months, range 1-6 (the profile's `security_team.redeployment_cost` wins)",
    },
    BuildCostPct {
        name: "in_house_build_cost_pct",
        label: "One-off build cost, as a share of the first full year’s staff and of the tools being deployed",
        unit: Percent,
        min: 0.0,
        max: 200.0,
        draw: Own,
        rule: "25%, range 15-50%",
    },
    BreachProbabilityPct {
        name: "breach_probability_pct",
        label: "Yearly probability of a material breach with today’s defences",
        unit: Percent,
        min: 0.0,
        max: 100.0,
        draw: Own,
        rule: "by size: 2% under 250 employees, 5% under 1,000, 9.3% under 5,000, 15% under 50,000, 25% above; range half to twice",
    },
    BreachCost {
        name: "breach_cost",
        label: "Cost of one material breach",
        unit: MoneyPerEvent,
        min: 0.0,
        max: MONEY_MAX,
        draw: Own,
        rule: "the country's average breach cost (IBM), times the industry's ratio to the global average, times a size factor (0.1 under 250 employees, 0.4 under 1,000, 0.8 under 5,000, 1 above); range 0.3x to 2.5x",
    },
}

pub fn spec(name: &str) -> Option<&'static Info> {
    CATALOGUE.iter().find(|a| a.name == name)
}

pub fn names() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().map(|a| a.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_in_id_order_with_unique_snake_case_names() {
        assert_eq!(CATALOGUE.len(), A::COUNT);
        let mut seen = std::collections::BTreeSet::new();
        for (i, a) in CATALOGUE.iter().enumerate() {
            assert_eq!(a.id as usize, i, "{} out of order", a.name);
            assert!(seen.insert(a.name), "duplicate {}", a.name);
            assert!(a
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            assert!(a.min <= a.max, "{}", a.name);
        }
    }
}
