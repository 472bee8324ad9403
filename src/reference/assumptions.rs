//! The catalogue of cost-model assumptions: every default the evaluation uses
//! that a profile may override under `assumptions:`.
//!
//! Each entry names its unit, the range a profile may set, how the default is
//! chosen, and where the figure comes from (`domain-facts.md`, graded A-C
//! there). The profile validator reads the names and ranges, the evaluation
//! reads the defaults, and the README and report appendix list them all, so
//! the four can never disagree.
//!
//! Defaults are resolved in catalogue order; a default may read values
//! resolved before it (every money default reads `fx_usd_rate`).

use crate::profile::model::{Coverage, HiringMarket, Profile};
use crate::reference::countries::SalaryRegion;
use crate::reference::currencies::usd_rate;
use std::collections::BTreeMap;

/// What an assumption's number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    CurrencyPerUsd,
    MoneyPerYear,
    MoneyPerAssetMonth,
    MoneyPerGbDayYear,
    Percent,
    Fte,
    People,
    Seats,
    Assets,
    Months,
    Years,
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
            Unit::Percent => "%".into(),
            Unit::Fte => "FTE".into(),
            Unit::People => "people".into(),
            Unit::Seats => "seats".into(),
            Unit::Assets => "assets".into(),
            Unit::Months => "months".into(),
            Unit::Years => "years".into(),
            Unit::Multiplier => "x".into(),
            Unit::GbPerDay => "GB per day".into(),
            Unit::Score => "score".into(),
        }
    }

    pub fn is_money(self) -> bool {
        matches!(
            self,
            Unit::MoneyPerYear | Unit::MoneyPerAssetMonth | Unit::MoneyPerGbDayYear
        )
    }
}

/// One overridable assumption.
pub struct AssumptionSpec {
    pub name: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    /// Inclusive range a profile may set.
    pub min: f64,
    pub max: f64,
    /// How the default is chosen, in words (README, appendix).
    pub rule: &'static str,
    pub source: fn(&Profile) -> &'static str,
    pub default: fn(&Profile, &Resolved) -> f64,
}

/// Assumption values resolved so far, by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    values: BTreeMap<&'static str, f64>,
}

impl Resolved {
    pub fn get(&self, name: &str) -> f64 {
        self.values.get(name).copied().unwrap_or_else(|| {
            debug_assert!(false, "assumption `{name}` read before it was resolved");
            0.0
        })
    }

    pub fn insert(&mut self, name: &'static str, value: f64) {
        self.values.insert(name, value);
    }

    /// Convert an amount in `native` currency into the profile's currency.
    pub fn money(&self, profile: &Profile, amount: f64, native: &str) -> f64 {
        if native == profile.organisation.currency {
            return amount;
        }
        amount / usd_rate(native).unwrap_or(1.0) * self.get("fx_usd_rate")
    }
}

fn region(p: &Profile) -> SalaryRegion {
    SalaryRegion::of(&p.organisation.headquarters)
}

/// A salary default from the sourced tables: US dollars, UK pounds (also used,
/// converted, for the EU), Indian rupees; other countries use the US figure.
fn salary(p: &Profile, r: &Resolved, usd: f64, gbp: f64, inr: f64) -> f64 {
    match region(p) {
        SalaryRegion::Us | SalaryRegion::Fallback => r.money(p, usd, "USD"),
        SalaryRegion::Uk | SalaryRegion::Eu => r.money(p, gbp, "GBP"),
        SalaryRegion::India => r.money(p, inr, "INR"),
    }
}

fn salary_source(p: &Profile) -> &'static str {
    match region(p) {
        SalaryRegion::Us => {
            "BLS OOH, May 2024 median $124,910; 2019 percentiles scaled x1.25 for tiers"
        }
        SalaryRegion::Uk => {
            "ITJobsWatch, 'Security Operations' job ads to March 2026 (advertised pay)"
        }
        SalaryRegion::Eu => "no usable EU source found; UK figures (ITJobsWatch 2026) converted",
        SalaryRegion::India => {
            "Indian SOC salary surveys 2026 (training-provider blogs; low reliability)"
        }
        SalaryRegion::Fallback => "no source for this country; US figures (BLS May 2024) converted",
    }
}

/// Log volume per day: the profile's own figure, or estimated from assets.
pub fn log_volume_gb_day(p: &Profile, r: &Resolved) -> f64 {
    let e = &p.environment;
    e.daily_log_volume_gb.unwrap_or_else(|| {
        e.endpoints as f64 * r.get("log_gb_per_endpoint_day")
            + e.servers as f64 * r.get("log_gb_per_server_day")
            + e.cloud_workloads as f64 * r.get("log_gb_per_cloud_workload_day")
    })
}

const MONEY_MAX: f64 = 1e12;

/// SIEM licence bands (upper bound of the band in GB/day, USD per GB/day per
/// year), from Splunk's 2026 ingest list-price bands. Priced like tax
/// brackets, so a larger estate never pays less in total.
pub const SIEM_BANDS_USD: &[(f64, f64)] = &[
    (10.0, 1650.0),
    (50.0, 1000.0),
    (100.0, 650.0),
    (500.0, 350.0),
    (f64::INFINITY, 150.0),
];

/// Yearly SIEM licence in USD for `volume` GB/day under the graduated bands.
pub fn siem_graduated_usd(volume: f64) -> f64 {
    let mut total = 0.0;
    let mut floor = 0.0;
    for (ceiling, price) in SIEM_BANDS_USD {
        if volume <= floor {
            break;
        }
        total += (volume.min(*ceiling) - floor) * price;
        floor = *ceiling;
    }
    total
}

pub const CATALOGUE: &[AssumptionSpec] = &[
    AssumptionSpec {
        name: "fx_usd_rate",
        label: "Exchange rate: profile currency per US dollar",
        unit: Unit::CurrencyPerUsd,
        min: 1e-6,
        max: 1e6,
        rule: "built-in rate table (README, 'Exchange rates')",
        source: |_| crate::reference::currencies::RATES_SOURCE,
        default: |p, _| usd_rate(&p.organisation.currency).unwrap_or(1.0),
    },
    AssumptionSpec {
        name: "fte_per_24x7_seat",
        label: "FTE needed to keep one seat staffed 24/7",
        unit: Unit::Fte,
        min: 4.0,
        max: 8.0,
        rule: "4.9 (8,760 h / 1,800 productive h); 5.3 in the UK and EU (1,650 h)",
        source: |_| "domain-facts 1.1: Rehman 2019 (2,000 h); leave and training conventions",
        default: |p, _| match region(p) {
            SalaryRegion::Uk | SalaryRegion::Eu => 5.3,
            _ => 4.9,
        },
    },
    AssumptionSpec {
        name: "min_24x7_team",
        label: "Smallest viable in-house 24/7 team",
        unit: Unit::People,
        min: 5.0,
        max: 40.0,
        rule: "10 (5 L1, 2 L2, 1 L3, 1 engineer, 1 manager)",
        source: |_| "cda.security (9-11); Rehman 2019 (10); SANS 2019 SOC survey (~10 FTE)",
        default: |_, _| 10.0,
    },
    AssumptionSpec {
        name: "min_console_seats",
        label: "Analyst seats staffed at all times",
        unit: Unit::Seats,
        min: 1.0,
        max: 10.0,
        rule: "2 for 5,000+ employees or a regulated sector, otherwise 1",
        source: |_| "NANOG operator practice (2 per shift); Rehman 2019 (2-3 per shift)",
        default: |p, _| {
            if p.organisation.employees >= 5000 || p.organisation.industry.is_regulated() {
                2.0
            } else {
                1.0
            }
        },
    },
    AssumptionSpec {
        name: "assets_per_seat",
        label: "Monitored assets one staffed seat can cover",
        unit: Unit::Assets,
        min: 500.0,
        max: 1e6,
        rule: "10,000 endpoints, servers and cloud workloads per seat",
        source: |_| {
            "assumption: no published ratio found; 20-50 alerts triaged per analyst shift (medhacloud 2026)"
        },
        default: |_, _| 10_000.0,
    },
    AssumptionSpec {
        name: "gb_day_per_engineer",
        label: "Daily log volume one detection engineer can keep tuned",
        unit: Unit::GbPerDay,
        min: 10.0,
        max: 100_000.0,
        rule: "200 GB/day per engineer, at least one",
        source: |_| "assumption: 1 engineer per ~100-300 GB/day (domain-facts 2.4; no source)",
        default: |_, _| 200.0,
    },
    AssumptionSpec {
        name: "analyst_salary",
        label: "Base salary, L2 analyst",
        unit: Unit::MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        rule: "US $125,000; UK and EU GBP 60,000; India INR 1,000,000",
        source: salary_source,
        default: |p, r| salary(p, r, 125_000.0, 60_000.0, 1_000_000.0),
    },
    AssumptionSpec {
        name: "l1_salary",
        label: "Base salary, L1 analyst",
        unit: Unit::MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        rule: "US $95,000; UK and EU GBP 45,000; India INR 500,000",
        source: salary_source,
        default: |p, r| salary(p, r, 95_000.0, 45_000.0, 500_000.0),
    },
    AssumptionSpec {
        name: "l3_salary",
        label: "Base salary, L3 analyst / incident responder",
        unit: Unit::MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        rule: "US $160,000; UK and EU GBP 75,000; India INR 2,000,000",
        source: salary_source,
        default: |p, r| salary(p, r, 160_000.0, 75_000.0, 2_000_000.0),
    },
    AssumptionSpec {
        name: "engineer_salary",
        label: "Base salary, detection engineer",
        unit: Unit::MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        rule: "as L3: US $160,000; UK and EU GBP 75,000; India INR 2,000,000",
        source: salary_source,
        default: |p, r| salary(p, r, 160_000.0, 75_000.0, 2_000_000.0),
    },
    AssumptionSpec {
        name: "manager_salary",
        label: "Base salary, SOC manager",
        unit: Unit::MoneyPerYear,
        min: 1.0,
        max: MONEY_MAX,
        rule: "US $185,000; UK and EU GBP 90,000; India INR 3,500,000",
        source: salary_source,
        default: |p, r| salary(p, r, 185_000.0, 90_000.0, 3_500_000.0),
    },
    AssumptionSpec {
        name: "benefits_multiplier",
        label: "Employer cost per unit of base salary (benefits)",
        unit: Unit::Multiplier,
        min: 1.0,
        max: 3.0,
        rule: "US 1.43 (private) or 1.60 (public sector); elsewhere 1.25",
        source: |p| match region(p) {
            SalaryRegion::Us => "BLS Employer Costs for Employee Compensation, 2018-2026",
            _ => "assumption: common practice 1.25-1.5 outside the US (domain-facts 2.2)",
        },
        default: |p, _| match region(p) {
            SalaryRegion::Us if p.organisation.industry.is_public_sector() => 1.60,
            SalaryRegion::Us => 1.43,
            _ => 1.25,
        },
    },
    AssumptionSpec {
        name: "overhead_pct",
        label: "Overhead on loaded staff cost (training, tools seats, facilities)",
        unit: Unit::Percent,
        min: 0.0,
        max: 100.0,
        rule: "10%",
        source: |_| "assumption: no sourced total multiplier (domain-facts 2.2)",
        default: |_, _| 10.0,
    },
    AssumptionSpec {
        name: "shift_premium_pct",
        label: "Night and weekend premium for 24/7 shift staff",
        unit: Unit::Percent,
        min: 0.0,
        max: 50.0,
        rule: "5% of base for L1 and L2 on a 24/7 or extended rota",
        source: |_| "assumption; BLS ECEC shows shift pay is small economy-wide",
        default: |_, _| 5.0,
    },
    AssumptionSpec {
        name: "attrition_pct",
        label: "Analysts leaving per year",
        unit: Unit::Percent,
        min: 0.0,
        max: 100.0,
        rule: "25%",
        source: |_| "Ponemon/Devo 2020 SOC survey: about 3 of 12 staff leave per year",
        default: |_, _| 25.0,
    },
    AssumptionSpec {
        name: "recruiting_cost_pct",
        label: "Cost of one hire, as a share of its base salary",
        unit: Unit::Percent,
        min: 0.0,
        max: 100.0,
        rule: "20%",
        source: |_| "assumption: agency fee and onboarding; no sourced figure",
        default: |_, _| 20.0,
    },
    AssumptionSpec {
        name: "time_to_hire_months",
        label: "Time to hire one analyst",
        unit: Unit::Months,
        min: 0.0,
        max: 24.0,
        rule: "3 (easy market), 4 (normal), 5 (tight)",
        source: |_| "ISACA State of Cybersecurity 2025: most roles take 3-6 months to fill",
        default: |p, _| match p.security_team.hiring_market {
            HiringMarket::Easy => 3.0,
            HiringMarket::Normal => 4.0,
            HiringMarket::Tight => 5.0,
        },
    },
    AssumptionSpec {
        name: "in_house_build_months",
        label: "Months until an in-house SOC is operational",
        unit: Unit::Months,
        min: 1.0,
        max: 48.0,
        rule:
            "12 for 24/7 (9 extended, 6 business hours); +1 in a tight market, -1 in an easy one; \
               -3 with half the team already employed; -2 at maturity 3 or more; at least 3",
        source: |_| "opencsoc 2026: greenfield to 24/7 in 12-18 months, first detections at 6-9",
        default: |p, r| {
            let base: f64 = match p.requirements.coverage {
                Coverage::TwentyFourSeven => 12.0,
                Coverage::Extended => 9.0,
                Coverage::BusinessHours => 6.0,
            };
            let market = match p.security_team.hiring_market {
                HiringMarket::Easy => -1.0,
                HiringMarket::Normal => 0.0,
                HiringMarket::Tight => 1.0,
            };
            let team = if p.existing_staff() as f64 * 2.0 >= r.get("min_24x7_team") {
                -3.0
            } else {
                0.0
            };
            let maturity = if p.security_team.maturity >= 3 {
                -2.0
            } else {
                0.0
            };
            (base + market + team + maturity).max(3.0)
        },
    },
    AssumptionSpec {
        name: "hybrid_build_months",
        label: "Months until a co-managed SOC is operational",
        unit: Unit::Months,
        min: 1.0,
        max: 36.0,
        rule: "6",
        source: |_| {
            "assumption: between provider onboarding and an in-house build (domain-facts 3)"
        },
        default: |_, _| 6.0,
    },
    AssumptionSpec {
        name: "provider_onboarding_months",
        label: "Months until a provider is monitoring",
        unit: Unit::Months,
        min: 0.5,
        max: 12.0,
        rule: "2 (plus a month of hypercare)",
        source: |_| "vendor claims cluster at 'weeks' (opencsoc 2026); no independent study found",
        default: |_, _| 2.0,
    },
    AssumptionSpec {
        name: "log_gb_per_endpoint_day",
        label: "Log volume per endpoint",
        unit: Unit::GbPerDay,
        min: 0.0,
        max: 100.0,
        rule: "0.02 GB/day (used only when `daily_log_volume_gb` is not given)",
        source: |_| "assumption: no sourced per-asset figure; give environment.daily_log_volume_gb",
        default: |_, _| 0.02,
    },
    AssumptionSpec {
        name: "log_gb_per_server_day",
        label: "Log volume per server",
        unit: Unit::GbPerDay,
        min: 0.0,
        max: 1000.0,
        rule: "0.25 GB/day (used only when `daily_log_volume_gb` is not given)",
        source: |_| "assumption: no sourced per-asset figure; give environment.daily_log_volume_gb",
        default: |_, _| 0.25,
    },
    AssumptionSpec {
        name: "log_gb_per_cloud_workload_day",
        label: "Log volume per cloud workload",
        unit: Unit::GbPerDay,
        min: 0.0,
        max: 1000.0,
        rule: "0.1 GB/day (used only when `daily_log_volume_gb` is not given)",
        source: |_| "assumption: no sourced per-asset figure; give environment.daily_log_volume_gb",
        default: |_, _| 0.1,
    },
    AssumptionSpec {
        name: "siem_price_per_gb_day",
        label: "SIEM licence per GB/day of ingest",
        unit: Unit::MoneyPerGbDayYear,
        min: 0.0,
        max: MONEY_MAX,
        rule: "graduated bands, USD per GB/day per year: the first 10 GB/day at 1,650, the next 40 at \
               1,000, the next 50 at 650, the next 400 at 350, the rest at 150; shown as the average \
               at year-one volume; a profile value is a flat price",
        source: |_| "Splunk ingest list-price bands 2026 (ogma.in); Sentinel $2.46-5.50/GB",
        default: |p, r| {
            let volume = log_volume_gb_day(p, r);
            let usd = if volume > 0.0 {
                siem_graduated_usd(volume) / volume
            } else {
                SIEM_BANDS_USD[0].1
            };
            r.money(p, usd, "USD")
        },
    },
    AssumptionSpec {
        name: "edr_price_per_endpoint_month",
        label: "EDR licence per endpoint",
        unit: Unit::MoneyPerAssetMonth,
        min: 0.0,
        max: MONEY_MAX,
        rule: "$6 per endpoint per month",
        source: |_| "edrcost.com 2026 ($3-15); Microsoft Defender for Endpoint P2 $5.20",
        default: |p, r| r.money(p, 6.0, "USD"),
    },
    AssumptionSpec {
        name: "edr_server_factor",
        label: "EDR price of a server relative to an endpoint",
        unit: Unit::Multiplier,
        min: 0.0,
        max: 10.0,
        rule: "2 (servers and cloud workloads)",
        source: |_| "edrcost.com 2026: servers cost 1.5-2.5x the workstation rate",
        default: |_, _| 2.0,
    },
    AssumptionSpec {
        name: "soar_annual",
        label: "SOAR platform per year",
        unit: Unit::MoneyPerYear,
        min: 0.0,
        max: MONEY_MAX,
        rule: "0 (bundled with SIEM/XDR); enter a quote",
        source: |_| "no public list price found (domain-facts gap 2)",
        default: |_, _| 0.0,
    },
    AssumptionSpec {
        name: "tip_annual",
        label: "Threat intelligence platform per year",
        unit: Unit::MoneyPerYear,
        min: 0.0,
        max: MONEY_MAX,
        rule: "0 (bundled); enter a quote",
        source: |_| "no public list price found (domain-facts gap 2)",
        default: |_, _| 0.0,
    },
    AssumptionSpec {
        name: "mssp_price_per_endpoint_month",
        label: "Managed detection and response fee per monitored asset",
        unit: Unit::MoneyPerAssetMonth,
        min: 0.0,
        max: MONEY_MAX,
        rule: "$35 per endpoint, server or cloud workload per month, platform included",
        source: |_| {
            "Forrester MDR Wave 2024 (attributed) $30-50; provider price card 2025 $25-45; ratemysoc 2026"
        },
        default: |p, r| r.money(p, 35.0, "USD"),
    },
    AssumptionSpec {
        name: "mssp_volume_discount_pct",
        label: "Provider discount on assets beyond the first 500",
        unit: Unit::Percent,
        min: 0.0,
        max: 90.0,
        rule: "15%",
        source: |_| {
            "provider price card 2025: $25-35 above 500 endpoints against $30-40 for 100-500"
        },
        default: |_, _| 15.0,
    },
    AssumptionSpec {
        name: "mssp_onboarding_months",
        label: "Provider onboarding fee, in months of the recurring fee",
        unit: Unit::Months,
        min: 0.0,
        max: 12.0,
        rule: "1 month of fees (when no quote gives the fee)",
        source: |_| {
            "IT-MSP analogue, about 1-1.4x a month's fee (technoirsolutions ~2023); assumption"
        },
        default: |_, _| 1.0,
    },
    AssumptionSpec {
        name: "mssp_term_years",
        label: "Provider contract term",
        unit: Unit::Years,
        min: 1.0,
        max: 10.0,
        rule: "3 years (a quote's term wins)",
        source: |_| {
            "MSP contracts typically run 1-3 years with annual review (alcottenterprises ~2023)"
        },
        default: |p, _| {
            p.mssp_quote
                .as_ref()
                .map_or(3.0, |q| f64::from(q.term_years))
        },
    },
    AssumptionSpec {
        name: "exit_reserve_months",
        label: "Exit and transition reserve at the end of the term, in months of fees",
        unit: Unit::Months,
        min: 0.0,
        max: 24.0,
        rule: "2 months of fees, in the year the first term ends",
        source: |_| {
            "assumption: dual running during transition; DORA Art. 28 and 30 require exit plans"
        },
        default: |_, _| 2.0,
    },
    AssumptionSpec {
        name: "internal_owner_fte",
        label: "Internal SOC owner kept when outsourcing",
        unit: Unit::Fte,
        min: 0.0,
        max: 20.0,
        rule: "0.5 FTE under 1,000 employees, otherwise 1 FTE (L3 salary)",
        source: |_| {
            "EVALUATION.md: risk ownership, regulator contact and containment approval stay in-house"
        },
        default: |p, _| {
            if p.organisation.employees < 1000 {
                0.5
            } else {
                1.0
            }
        },
    },
    AssumptionSpec {
        name: "hybrid_team_share_pct",
        label: "Hybrid internal team, as a share of the in-house day-shift team",
        unit: Unit::Percent,
        min: 10.0,
        max: 100.0,
        rule: "50%, at least 2 people",
        source: |_| {
            "ratemysoc 2026: co-managed costs the MDR fee plus 40-60% of the in-house day shift"
        },
        default: |_, _| 50.0,
    },
    AssumptionSpec {
        name: "in_house_build_cost_pct",
        label: "One-off in-house build cost, as a share of the first year's running cost",
        unit: Unit::Percent,
        min: 0.0,
        max: 200.0,
        rule: "25%",
        source: |_| {
            "assumption: set-up services, integration, facilities; greenfield SOCs cost $1-10M (opencsoc 2026)"
        },
        default: |_, _| 25.0,
    },
    AssumptionSpec {
        name: "threshold_in_house",
        label: "Score at or above which in-house is recommended",
        unit: Unit::Score,
        min: 0.0,
        max: 2.0,
        rule: "+0.5",
        source: |_| "decision rule of the socsource evaluation model",
        default: |_, _| 0.5,
    },
    AssumptionSpec {
        name: "threshold_outsourced",
        label: "Score at or below which outsourcing is recommended",
        unit: Unit::Score,
        min: -2.0,
        max: 0.0,
        rule: "-0.5",
        source: |_| "decision rule of the socsource evaluation model",
        default: |_, _| -0.5,
    },
];

pub fn spec(name: &str) -> Option<&'static AssumptionSpec> {
    CATALOGUE.iter().find(|a| a.name == name)
}

pub fn names() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().map(|a| a.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graduated_siem_pricing_never_falls_with_volume() {
        assert_eq!(siem_graduated_usd(10.0), 16_500.0);
        assert_eq!(siem_graduated_usd(20.0), 26_500.0);
        let mut last = 0.0;
        for tenth in 0..8000 {
            let cost = siem_graduated_usd(f64::from(tenth) / 10.0);
            assert!(cost >= last);
            last = cost;
        }
    }

    #[test]
    fn names_are_unique_snake_case() {
        let mut seen = std::collections::BTreeSet::new();
        for a in CATALOGUE {
            assert!(seen.insert(a.name), "duplicate {}", a.name);
            assert!(a
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            assert!(a.min <= a.max, "{}", a.name);
        }
    }
}
