//! The catalogue of cost-model assumptions: every default the evaluation
//! uses that a profile may override under `assumptions:`.
//!
//! Each entry names its unit, the values a profile may set, how the default
//! is chosen, the public sources behind it, and its range: low, likely and
//! high. The profile validator reads the names and bounds, the evaluation
//! reads the defaults, and the docs and the report's appendix list them all,
//! so they can never disagree.
//!
//! Defaults are resolved in catalogue order; a default may read the likely
//! value of any assumption resolved before it (every money default reads
//! `fx_usd_rate`). A profile may give a single number, which sets the likely
//! value and keeps the default's relative spread, or `{low, likely, high}`.

use super::messages::{say, Message};
use crate::profile::model::{
    AssumptionValue, Coverage, HiringMarket, Procurement, Profile, ProviderMarket,
};
pub(crate) use crate::reference::assumptions::{Draw, A, CATALOGUE};
use crate::reference::breach;
use crate::reference::currencies::usd_rate;
use crate::reference::labour::{self, PRICE_YEAR, TIER_RATIOS};
use std::borrow::Cow;

/// Low, likely and high values of one assumption.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Range {
    pub low: f64,
    pub likely: f64,
    pub high: f64,
}

impl Range {
    pub const fn exact(x: f64) -> Range {
        Range {
            low: x,
            likely: x,
            high: x,
        }
    }

    /// `likely` with low and high at the given multiples of it.
    pub fn around(likely: f64, low: f64, high: f64) -> Range {
        Range {
            low: likely * low,
            likely,
            high: likely * high,
        }
    }

    pub fn scaled(self, factor: f64) -> Range {
        Range {
            low: self.low * factor,
            likely: self.likely * factor,
            high: self.high * factor,
        }
    }

    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }
}

/// Where a default comes from: public sources, cited by key, and how the
/// value was read from them.
pub(crate) struct Cite {
    pub sources: Vec<&'static str>,
    pub basis: Cow<'static, str>,
}

fn sourced(sources: &'static [&'static str], basis: &'static str) -> Cite {
    Cite {
        sources: sources.to_vec(),
        basis: Cow::Borrowed(basis),
    }
}

/// Assumption ranges resolved so far, by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub ranges: [Range; A::COUNT],
}

impl Default for Resolved {
    fn default() -> Resolved {
        Resolved {
            ranges: [Range::exact(0.0); A::COUNT],
        }
    }
}

impl Resolved {
    pub fn likely(&self, id: A) -> f64 {
        self.ranges[id as usize].likely
    }

    /// Convert an amount in `native` currency into the profile's currency.
    pub fn money(&self, profile: &Profile, amount: f64, native: &str) -> f64 {
        if native == profile.organisation.currency {
            return amount;
        }
        amount / usd_rate(native).unwrap_or(1.0) * self.likely(A::FxUsdRate)
    }

    fn usd(&self, profile: &Profile, amount: f64) -> f64 {
        self.money(profile, amount, "USD")
    }
}

/// The L2 salary anchor in the profile's currency, in today's money
/// (where it comes from is [`salary_cite`]'s to say).
pub(crate) fn anchor_l2(p: &Profile, r: &Resolved) -> f64 {
    if let Some(salary) = p.security_team.average_salary {
        return salary;
    }
    let growth = 1.0 + r.likely(A::WageGrowthPct) / 100.0;
    let today = |amount: f64, year: i32| amount * growth.powi(PRICE_YEAR - year);
    let hq = p.organisation.headquarters.as_str();
    if let Some(m) = labour::market(hq) {
        return r.money(p, today(m.l2_salary, m.year) * SOC_TIER_SHARE, m.currency);
    }
    let us = labour::market("US").map_or(125_000.0, |m| today(m.l2_salary, m.year));
    let ratio = labour::wage_ratio(hq);
    r.usd(p, us * SOC_TIER_SHARE * ratio.map_or(1.0, |(x, _)| x))
}

fn salary_cite(p: &Profile) -> Cite {
    let hq = p.organisation.headquarters.as_str();
    let tiers = Message::BasisSocTiers.template();
    let mut tier_sources = vec![
        "soc-tiers-cjl-2026",
        "soc-tiers-careerxray",
        "bls-oews-2019",
    ];
    if p.security_team.average_salary.is_some() {
        return Cite {
            sources: Vec::new(),
            basis: Cow::Owned(Message::BasisOwnAverageSalary.template().to_string()),
        };
    }
    match labour::market(hq) {
        Some(m) => {
            let mut sources = m.salary_sources.to_vec();
            sources.append(&mut tier_sources);
            Cite {
                sources,
                basis: Cow::Owned(say(
                    Message::SalarySurvey,
                    &[
                        ("market", m.name),
                        ("survey", m.salary_basis),
                        ("currency", m.currency),
                        ("year", &m.year.to_string()),
                        ("price_year", &PRICE_YEAR.to_string()),
                        ("tiers", tiers),
                    ],
                )),
            }
        }
        None => match labour::wage_ratio(hq) {
            Some((ratio, basis)) => {
                let mut sources = basis.sources().to_vec();
                sources.push("bls-ooh");
                sources.append(&mut tier_sources);
                Cite {
                    sources,
                    basis: Cow::Owned(say(
                        Message::SalaryScaledFromUs,
                        &[
                            ("country", hq),
                            ("ratio", &crate::numbers::fixed(ratio, 2)),
                            ("basis", &basis.describe()),
                            ("tiers", tiers),
                        ],
                    )),
                }
            }
            None => Cite {
                sources: vec!["bls-ooh"],
                basis: Cow::Owned(say(Message::NoWageFigure, &[("country", hq)])),
            },
        },
    }
}

/// SOC Tier 2 pay as a share of the all-analyst median the surveys report
/// (U.S.: Tier 2 USD 85,000-120,000 in job postings against the BLS median
/// of USD 124,910 for all information-security analysts).
pub(crate) const SOC_TIER_SHARE: f64 = 0.8;

fn tier(p: &Profile, r: &Resolved, ratio: f64) -> Range {
    Range::around(anchor_l2(p, r) * ratio, 0.85, 1.2)
}

fn on_cost(p: &Profile) -> Range {
    let hq = p.organisation.headquarters.as_str();
    match labour::market(hq) {
        Some(_) if hq == "US" && p.organisation.industry.is_public_sector() => Range {
            low: 1.5,
            likely: 1.6,
            high: 1.7,
        },
        Some(m) => Range {
            low: m.on_cost[0],
            likely: m.on_cost[1],
            high: m.on_cost[2],
        },
        None => Range {
            low: 1.2,
            likely: 1.3,
            high: 1.45,
        },
    }
}

fn productive_hours(p: &Profile) -> f64 {
    labour::market(&p.organisation.headquarters).map_or(1800.0, |m| m.productive_hours)
}

/// The published breach cost that stands for `country`, and the factor
/// that scales it there: its own figure, a wage-scaled neighbour for an EU
/// member IBM does not sample, or the global average.
fn breach_basis(country: &str) -> (&'static breach::BreachCost, f64, Option<&'static str>) {
    if let Some(b) = breach::by_country(country) {
        return (b, 1.0, None);
    }
    let germany = breach::by_country("DE");
    let wage =
        |c: &str| labour::market(c).map(|m| m.l2_salary / usd_rate(m.currency).unwrap_or(1.0));
    if crate::reference::countries::is_eu_member(country) {
        if let (Some(de), Some(here), Some(there)) = (germany, wage(country), wage("DE")) {
            return (de, (here / there).min(1.5), Some("DE"));
        }
    }
    (&breach::GLOBAL, 1.0, None)
}

fn breach_cost(p: &Profile, r: &Resolved) -> f64 {
    let (b, scale, _) = breach_basis(&p.organisation.headquarters);
    r.money(p, b.amount * scale, b.currency)
        * breach::industry_factor(p.organisation.industry)
        * breach::size_factor(p.organisation.employees)
}

fn breach_cost_cite(p: &Profile) -> Cite {
    let hq = p.organisation.headquarters.as_str();
    let (b, scale, via) = breach_basis(hq);
    let published = format!(
        "{} {} ({})",
        b.currency,
        crate::numbers::thousands(b.amount),
        b.year
    );
    let basis = match via {
        Some(neighbour) => say(
            Message::BreachCostFromNeighbour,
            &[
                ("country", hq),
                ("neighbour", neighbour),
                ("published", &published),
                ("scale", &crate::numbers::fixed(scale, 2)),
            ],
        ),
        None if b.country.is_empty() => say(
            Message::BreachCostGlobal,
            &[("country", hq), ("published", &published)],
        ),
        None => format!("{hq}: {published}"),
    };
    let mut sources = b.sources.to_vec();
    sources.extend(breach::INDUSTRY_SOURCES);
    Cite {
        sources,
        basis: Cow::Owned(say(
            Message::BreachCostFactors,
            &[
                ("basis", &basis),
                (
                    "industry",
                    &crate::numbers::fixed(breach::industry_factor(p.organisation.industry), 2),
                ),
                (
                    "size",
                    &crate::numbers::fixed(breach::size_factor(p.organisation.employees), 1),
                ),
            ],
        )),
    }
}

/// Log volume per day: the profile's own figure, or estimated from assets.
pub(crate) fn log_volume_gb_day(p: &Profile, r: &Resolved) -> f64 {
    let e = &p.environment;
    e.daily_log_volume_gb.unwrap_or_else(|| {
        e.endpoints as f64 * r.likely(A::LogGbPerEndpoint)
            + e.servers as f64 * r.likely(A::LogGbPerServer)
            + e.cloud_workloads as f64 * r.likely(A::LogGbPerCloud)
    })
}

/// SIEM licence list-price bands (upper bound of the band in GB/day, USD per
/// GB/day per year), Splunk's 2026 ingest bands. Priced like tax brackets,
/// so a larger estate never pays less in total.
pub(crate) const SIEM_BANDS_USD: &[(f64, f64)] = &[
    (10.0, 1650.0),
    (50.0, 1000.0),
    (100.0, 650.0),
    (500.0, 350.0),
    (f64::INFINITY, 150.0),
];

/// Share of the SIEM list price paid after negotiation (25-60% discounts are
/// reported; 30% off is taken as likely).
pub(crate) const SIEM_PAID_SHARE: f64 = 0.7;

/// Managed-detection fee bands by billable unit (upper bound, multiple of
/// the reference price for 100-500 units). Graduated like tax brackets.
pub(crate) const MDR_UNIT_BANDS: &[(f64, f64)] = &[
    (100.0, 1.3),
    (500.0, 1.0),
    (2_000.0, 0.95),
    (10_000.0, 0.9),
    (50_000.0, 0.85),
    (f64::INFINITY, 0.8),
];

/// EDR licence bands by endpoint-equivalent (upper bound, multiple of the
/// list price): volume discounts, graduated like tax brackets.
pub(crate) const EDR_UNIT_BANDS: &[(f64, f64)] = &[
    (1_000.0, 1.0),
    (10_000.0, 0.9),
    (50_000.0, 0.8),
    (f64::INFINITY, 0.7),
];

/// Managed log-ingestion bands by GB/day (upper bound, multiple of the
/// reference price for the first 10 GB/day).
pub(crate) const MDR_LOG_BANDS: &[(f64, f64)] = &[
    (10.0, 1.0),
    (100.0, 0.6),
    (1_000.0, 0.3),
    (f64::INFINITY, 0.15),
];

/// Total of a graduated schedule for `quantity`: each band prices only the
/// part of the quantity that falls in it.
pub(crate) fn graduated(bands: &[(f64, f64)], quantity: f64) -> f64 {
    let mut total = 0.0;
    let mut floor = 0.0;
    for (ceiling, price) in bands {
        if quantity <= floor {
            break;
        }
        total += (quantity.min(*ceiling) - floor) * price;
        floor = *ceiling;
    }
    total
}

/// Yearly SIEM licence in USD at list price for `volume` GB/day.
pub(crate) fn siem_list_usd(volume: f64) -> f64 {
    graduated(SIEM_BANDS_USD, volume)
}

/// Months to hire the in-house team this estate needs, at likely values:
/// the months one hire takes plus the new posts over the hires a month.
fn months_to_hire(p: &Profile, r: &Resolved) -> f64 {
    let mut v = crate::evaluate::values::Values([0.0; A::COUNT]);
    for (i, range) in r.ranges.iter().enumerate() {
        v.0[i] = range.likely;
    }
    let volume = log_volume_gb_day(p, r);
    let team = crate::evaluate::teams::in_house(p, &v, p.monitored_assets() as f64, volume);
    let new_posts = (team.total() - p.existing_staff() as f64).max(0.0);
    if new_posts <= 0.0 {
        return 0.0;
    }
    r.likely(A::TimeToHireMonths) + new_posts / r.likely(A::HiresPerMonth).max(0.25)
}

/// Share of a provider's fee that pays its people, which the regional
/// factor scales: low, likely, high.
const PROVIDER_LABOUR_SHARE: [f64; 3] = [0.4, 0.5, 0.65];

/// The wage level of the headquarters country relative to the U.S.
pub(crate) fn wage_level(p: &Profile) -> (f64, Option<labour::WageBasis>) {
    let hq = p.organisation.headquarters.as_str();
    let us =
        labour::market("US").map_or(1.0, |m| m.l2_salary / usd_rate(m.currency).unwrap_or(1.0));
    match labour::market(hq) {
        Some(m) => {
            let growth = 1.035_f64;
            let here = m.l2_salary * growth.powi(PRICE_YEAR - m.year)
                / usd_rate(m.currency).unwrap_or(1.0);
            let there =
                us * growth.powi(PRICE_YEAR - labour::market("US").map_or(PRICE_YEAR, |m| m.year));
            ((here / there).clamp(0.01, 3.0), None)
        }
        None => match labour::wage_ratio(hq) {
            Some((ratio, basis)) => (ratio, Some(basis)),
            None => (1.0, None),
        },
    }
}

fn region_factor(p: &Profile) -> Range {
    if p.requirements.provider_market == ProviderMarket::Global {
        return Range::exact(1.0);
    }
    let (w, _) = wage_level(p);
    let f = |s: f64| (1.0 - s) + s * w;
    let [low, likely, high] = PROVIDER_LABOUR_SHARE.map(f);
    Range {
        low: low.min(high),
        likely,
        high: low.max(high),
    }
}

fn region_cite(p: &Profile) -> Cite {
    if p.requirements.provider_market == ProviderMarket::Global {
        return sourced(&[], Message::BasisGlobalProviderAtUsPrices.template());
    }
    let hq = p.organisation.headquarters.as_str();
    let (w, basis) = wage_level(p);
    let mut sources: Vec<&'static str> = vec!["tigard-2021", "ccua-2024"];
    let how = match basis {
        Some(b) => {
            sources.extend(b.sources());
            b.describe()
        }
        None => match labour::market(hq) {
            Some(m) => {
                sources.extend(m.salary_sources);
                say(Message::SecuritySalariesAgainstUs, &[("market", m.name)])
            }
            None => Message::BasisNoWageFigureUsLevel.template().to_string(),
        },
    };
    Cite {
        sources,
        basis: Cow::Owned(say(
            Message::ProviderWageMethod,
            &[
                ("country", hq),
                ("level", &crate::numbers::fixed(w, 2)),
                ("how", &how),
            ],
        )),
    }
}

/// The default range of an assumption for `p`, given those resolved
/// before it in catalogue order.
pub(crate) fn default_range(id: A, p: &Profile, r: &Resolved) -> Range {
    match id {
        A::FxUsdRate => Range::exact(usd_rate(&p.organisation.currency).unwrap_or(1.0)),
        A::WageGrowthPct => Range::exact(3.5),
        A::RealWageGrowthPct => Range {
            low: 0.0,
            likely: 1.0,
            high: 2.0,
        },
        A::ProviderEscalatorPct => Range {
            low: -1.0,
            likely: 0.0,
            high: 2.0,
        },
        A::DiscountRatePct => Range::exact(3.5),
        A::FtePerSeat => Range {
            low: 4.2,
            likely: (8760.0 / productive_hours(p) * 10.0).round() / 10.0,
            high: 6.0,
        },
        A::MinTeam => Range::exact(10.0),
        A::MinSeats => Range::exact(1.0),
        A::AssetsPerSeat => Range::exact(10_000.0),
        A::SeatScaleExponent => Range::exact(0.55),
        A::GbDayPerEngineer => Range::exact(200.0),
        A::L1Salary => tier(p, r, TIER_RATIOS.l1),
        A::L2Salary => tier(p, r, TIER_RATIOS.l2),
        A::L3Salary => tier(p, r, TIER_RATIOS.l3),
        A::EngineerSalary => tier(p, r, TIER_RATIOS.engineer),
        A::ManagerSalary => tier(p, r, TIER_RATIOS.manager),
        A::Benefits => on_cost(p),
        A::OverheadPct => Range {
            low: 5.0,
            likely: 10.0,
            high: 20.0,
        },
        A::ShiftPremiumPct => Range {
            low: 0.0,
            likely: 5.0,
            high: 15.0,
        },
        A::AttritionPct => Range {
            low: 15.0,
            likely: 25.0,
            high: 45.0,
        },
        A::RecruitingPct => Range {
            low: 15.0,
            likely: 20.0,
            high: 30.0,
        },
        A::TimeToHireMonths => Range::exact(match p.security_team.hiring_market {
            HiringMarket::Easy => 3.0,
            HiringMarket::Normal => 4.0,
            HiringMarket::Tight => 5.0,
        }),
        A::HiresPerMonth => Range::exact(match p.security_team.hiring_market {
            HiringMarket::Easy => 3.0,
            HiringMarket::Normal => 2.0,
            HiringMarket::Tight => 1.5,
        }),
        // The typical time to hire, not the profile's market: how hard the
        // market is counts once, in the talent need and the build length.
        A::VacancyPct => Range::around(r.likely(A::AttritionPct) * 4.0 / 12.0, 0.5, 2.0),
        A::InHouseBuildMonths => {
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
            let team = if p.existing_staff() as f64 * 2.0 >= r.likely(A::MinTeam) {
                -3.0
            } else {
                0.0
            };
            let maturity = if p.security_team.maturity >= 3 {
                -2.0
            } else {
                0.0
            };
            let set_up = (base + market + team + maturity).max(3.0);
            Range::exact(set_up.max(months_to_hire(p, r)))
        }
        A::HybridBuildMonths => Range::exact(6.0),
        A::ProviderSelectionMonths => Range::exact(match p.requirements.procurement {
            Procurement::Private | Procurement::PublicFramework => 2.0,
            Procurement::PublicTender => 6.0,
        }),
        A::ProviderOnboardingMonths => Range::exact(2.0),
        A::LogGbPerEndpoint => {
            if p.environment.daily_log_volume_gb.is_some() {
                Range::exact(0.02)
            } else {
                Range {
                    low: 0.01,
                    likely: 0.02,
                    high: 0.05,
                }
            }
        }
        A::LogGbPerServer => {
            if p.environment.daily_log_volume_gb.is_some() {
                Range::exact(0.25)
            } else {
                Range {
                    low: 0.1,
                    likely: 0.25,
                    high: 1.0,
                }
            }
        }
        A::LogGbPerCloud => {
            if p.environment.daily_log_volume_gb.is_some() {
                Range::exact(0.1)
            } else {
                Range {
                    low: 0.05,
                    likely: 0.1,
                    high: 0.5,
                }
            }
        }
        A::SiemPrice => {
            let volume = log_volume_gb_day(p, r);
            let list = if volume > 0.0 {
                siem_list_usd(volume) / volume
            } else {
                SIEM_BANDS_USD[0].1
            };
            let likely = r.usd(p, list * SIEM_PAID_SHARE);
            Range::around(likely, 0.4 / SIEM_PAID_SHARE, 1.0 / SIEM_PAID_SHARE)
        }
        A::EdrPrice => Range {
            low: r.usd(p, 3.0),
            likely: r.usd(p, 6.0),
            high: r.usd(p, 15.0),
        },
        A::EdrServerFactor => Range {
            low: 1.5,
            likely: 2.0,
            high: 2.5,
        },
        A::SoarAnnual => {
            let usd = if p.monitored_assets() < 1_000 {
                6_000.0
            } else {
                47_250.0
            };
            Range {
                low: 0.0,
                likely: r.usd(p, usd),
                high: r.usd(p, 2.0 * usd),
            }
        }
        A::TipAnnual => {
            let (likely, high) = if p.organisation.employees < super::teams::SMALL_ORGANISATION {
                (10_000.0, 50_000.0)
            } else {
                (50_000.0, 150_000.0)
            };
            Range {
                low: 0.0,
                likely: r.usd(p, likely),
                high: r.usd(p, high),
            }
        }
        // Public bodies sign retainers that cost nothing until an incident
        // (Pinellas County's is capped at USD 250,000 of use).
        A::IrRetainerAnnual if p.organisation.industry.is_public_sector() => Range {
            low: 0.0,
            likely: 0.0,
            high: r.usd(
                p,
                if p.organisation.employees < 5_000 {
                    15_000.0
                } else {
                    75_000.0
                },
            ),
        },
        A::IrRetainerAnnual => match p.organisation.employees {
            0..=249 => Range {
                low: 0.0,
                likely: r.usd(p, 5_000.0),
                high: r.usd(p, 15_000.0),
            },
            250..=4_999 => Range {
                low: 0.0,
                likely: r.usd(p, 15_000.0),
                high: r.usd(p, 50_000.0),
            },
            _ => Range {
                low: r.usd(p, 25_000.0),
                likely: r.usd(p, 75_000.0),
                high: r.usd(p, 250_000.0),
            },
        },
        A::TrainingPerFte => Range {
            low: r.usd(p, 2_500.0),
            likely: r.usd(p, 5_000.0),
            high: r.usd(p, 9_000.0),
        },
        A::ForensicsHours => {
            let extra = (p.risk.incidents_last_24_months as f64 * 20.0).min(160.0);
            Range {
                low: 0.0,
                likely: 40.0 + extra,
                high: 120.0 + extra,
            }
        }
        A::IrHourlyRate => Range {
            low: r.usd(p, 200.0),
            likely: r.usd(p, 350.0),
            high: r.usd(p, 500.0),
        },
        A::StoragePrice => Range {
            low: r.usd(p, 0.001),
            likely: r.usd(p, 0.004),
            high: r.usd(p, 0.023),
        },
        A::RetentionDays => Range::exact(365.0),
        A::MdrPrice => Range {
            low: r.usd(p, 4.3),
            likely: r.usd(p, 6.5),
            high: r.usd(p, 13.0),
        },
        A::MdrServerFactor => Range {
            low: 1.0,
            likely: 1.5,
            high: 2.5,
        },
        A::MdrCloudFactor => Range {
            low: 0.3,
            likely: 0.6,
            high: 1.0,
        },
        A::MdrLogPrice => Range {
            low: r.usd(p, 5.0),
            likely: r.usd(p, 15.0),
            high: r.usd(p, 45.0),
        },
        A::ProviderRegionFactor => region_factor(p),
        A::ByoSharePct => Range {
            low: 33.0,
            likely: 50.0,
            high: 67.0,
        },
        A::CoManagedSharePct => Range {
            low: 25.0,
            likely: 40.0,
            high: 60.0,
        },
        A::OnboardingMonths => Range {
            low: 0.0,
            likely: 1.0,
            high: 1.4,
        },
        A::TermYears => Range::exact(
            p.mssp_quote
                .as_ref()
                .map_or(3.0, |q| f64::from(q.term_years)),
        ),
        A::DualRunningMonths => Range {
            low: 1.0,
            likely: 2.0,
            high: 6.0,
        },
        A::ExitTransitionMonths => Range::exact(6.0),
        A::RetainedFte => {
            let employees = p.organisation.employees;
            let base: f64 = match employees {
                0..=499 => 0.25,
                500..=999 => 0.35,
                1_000..=4_999 => 1.0,
                5_000..=19_999 => 2.0,
                _ => 3.0,
            };
            let industry = p.organisation.industry;
            let regulated =
                employees >= 1_000 && industry.is_regulated() && !industry.is_public_sector();
            Range::around(base * if regulated { 1.5 } else { 1.0 }, 0.75, 1.5)
        }
        A::OnCallPct => Range {
            low: 2.5,
            likely: 5.0,
            high: 10.0,
        },
        A::RedeploymentMonths => Range {
            low: 1.0,
            likely: 3.0,
            high: 6.0,
        },
        A::BuildCostPct => Range {
            low: 15.0,
            likely: 25.0,
            high: 50.0,
        },
        A::BreachProbabilityPct => Range::around(
            breach::yearly_probability_pct(p.organisation.employees),
            0.5,
            2.0,
        ),
        A::BreachCost => Range::around(breach_cost(p, r), 0.3, 2.5),
    }
}

/// Where an assumption's default comes from, for `p`.
pub(crate) fn cite(id: A, p: &Profile) -> Cite {
    match id {
        A::FxUsdRate => sourced(&["ecb-fx"], Message::BasisFxUsdRate.template()),
        A::RealWageGrowthPct => sourced(
            &["bls-eci-2024", "bls-cpi-2024"],
            Message::BasisRealWageGrowthPct.template(),
        ),
        A::ProviderEscalatorPct => sourced(
            &["ccua-2024", "coopercity-2022"],
            Message::BasisProviderEscalatorPct.template(),
        ),
        A::DiscountRatePct => sourced(
            &["hmt-green-book", "hmt-discount-review"],
            Message::BasisDiscountRatePct.template(),
        ),
        A::SeatScaleExponent => sourced(
            &["sans-soc-2025", "prophet-2025"],
            Message::BasisSeatScaleExponent.template(),
        ),
        A::HiresPerMonth => sourced(
            &["isaca-2025", "cyberseek-2024"],
            Message::BasisHiresPerMonth.template(),
        ),
        A::VacancyPct => sourced(
            &["ponemon-devo-2020", "isaca-2025"],
            Message::BasisVacancyPct.template(),
        ),
        A::ProviderRegionFactor => region_cite(p),
        A::WageGrowthPct => sourced(
            &["eurostat-lc-2018", "eurostat-lc-2024"],
            Message::BasisWageGrowthPct.template(),
        ),
        A::FtePerSeat => sourced(
            &["rehman-2019", "cda-soc", "prophet-2025"],
            Message::BasisFtePerSeat.template(),
        ),
        A::MinTeam => sourced(
            &["cda-soc", "rehman-2019", "sans-2019", "ponemon-devo-2020"],
            Message::BasisMinTeam.template(),
        ),
        A::MinSeats => sourced(&["rehman-2019"], Message::BasisMinSeats.template()),
        A::AssetsPerSeat => sourced(&["prophet-2025"], Message::BasisAssetsPerSeat.template()),
        A::GbDayPerEngineer => sourced(&[], Message::BasisGbDayPerEngineer.template()),
        A::L1Salary => salary_cite(p),
        A::L2Salary => salary_cite(p),
        A::L3Salary => salary_cite(p),
        A::EngineerSalary => salary_cite(p),
        A::ManagerSalary => salary_cite(p),
        A::Benefits => {
            let hq = p.organisation.headquarters.as_str();
            match labour::market(hq) {
                Some(m) => Cite {
                    sources: m.on_cost_sources.to_vec(),
                    basis: Cow::Owned(format!("{}: {}", m.name, m.on_cost_basis)),
                },
                None => sourced(
                    &["eurostat-lc-2024", "bls-ecec"],
                    Message::BasisOnCostNoCountryFigure.template(),
                ),
            }
        }
        A::OverheadPct => sourced(&[], Message::BasisOverheadPct.template()),
        A::ShiftPremiumPct => sourced(&["bls-ecec"], Message::BasisShiftPremiumPct.template()),
        A::AttritionPct => sourced(
            &["ponemon-devo-2020"],
            Message::BasisAttritionPct.template(),
        ),
        A::RecruitingPct => sourced(&[], Message::BasisRecruitingPct.template()),
        A::TimeToHireMonths => sourced(&["isaca-2025"], Message::BasisTimeToHireMonths.template()),
        A::InHouseBuildMonths => sourced(
            &["opencsoc-roadmap", "opencsoc-scratch"],
            Message::BasisInHouseBuildMonths.template(),
        ),
        A::HybridBuildMonths => sourced(
            &["opencsoc-roadmap"],
            Message::BasisHybridBuildMonths.template(),
        ),
        A::ProviderSelectionMonths => sourced(
            &[
                "foundry-2023",
                "cyberreplay-eval",
                "eu-open-procedure",
                "eu-scoreboard",
                "doi-palt",
            ],
            Message::BasisProviderSelectionMonths.template(),
        ),
        A::ProviderOnboardingMonths => sourced(
            &["armorpoint-gi"],
            Message::BasisProviderOnboardingMonths.template(),
        ),
        A::LogGbPerEndpoint => sourced(&[], Message::BasisLogGbPerAsset.template()),
        A::LogGbPerServer => sourced(&[], Message::BasisLogGbPerAsset.template()),
        A::LogGbPerCloud => sourced(&[], Message::BasisLogGbPerAsset.template()),
        A::SiemPrice => sourced(
            &["ogma-splunk-2026", "bestneg-splunk", "msneg-sentinel"],
            Message::BasisSiemPrice.template(),
        ),
        A::EdrPrice => sourced(
            &["edrcost-2026", "crowdstrike-pricing"],
            Message::BasisEdrPrice.template(),
        ),
        A::EdrServerFactor => sourced(&["edrcost-2026"], Message::BasisServerFactor.template()),
        A::SoarAnnual => sourced(&["tines-pricing"], Message::BasisSoarAnnual.template()),
        A::TipAnnual => sourced(
            &["neuralbase-ti", "sans-cti-2023"],
            Message::BasisTipAnnual.template(),
        ),
        A::IrRetainerAnnual => sourced(
            &[
                "pinellas-ir-2022",
                "arcticwolf-ir-retainer",
                "atlant-ir",
                "petronella-ir",
            ],
            Message::BasisIrRetainerAnnual.template(),
        ),
        A::TrainingPerFte => sourced(
            &["giac-price", "kaspersky-training-2024"],
            Message::BasisTrainingPerFte.template(),
        ),
        A::ForensicsHours => sourced(&["hacker01-ir"], Message::BasisForensicsHours.template()),
        A::IrHourlyRate => sourced(&["hacker01-ir"], Message::BasisIrHourlyRate.template()),
        A::StoragePrice => sourced(
            &["cloud-storage-2026"],
            Message::BasisStoragePrice.template(),
        ),
        A::RetentionDays => sourced(&["cisa-aa22-131a"], Message::BasisRetentionDays.template()),
        A::MdrPrice => sourced(
            &[
                "tigard-2021",
                "opalocka-2022",
                "ccua-2024",
                "coopercity-2022",
                "armor-pricing",
            ],
            Message::BasisMdrPrice.template(),
        ),
        A::MdrServerFactor => sourced(&["edrcost-2026"], Message::BasisServerFactor.template()),
        A::MdrCloudFactor => sourced(&[], Message::BasisMdrCloudFactor.template()),
        A::MdrLogPrice => sourced(
            &["tigard-2021", "sentinel-commitment-2021"],
            Message::BasisMdrLogPrice.template(),
        ),
        A::ByoSharePct => sourced(
            &["bitblockit-mdr", "armor-srm"],
            Message::BasisByoSharePct.template(),
        ),
        A::CoManagedSharePct => sourced(
            &["opsio-comanaged", "ratemysoc"],
            Message::BasisCoManagedSharePct.template(),
        ),
        A::OnboardingMonths => sourced(
            &["armorpoint-gi"],
            Message::BasisOnboardingMonths.template(),
        ),
        A::TermYears => sourced(&["ccua-2024"], Message::BasisTermYears.template()),
        A::DualRunningMonths => sourced(
            &["ccua-2024", "armorpoint-gi"],
            Message::BasisDualRunningMonths.template(),
        ),
        A::ExitTransitionMonths => sourced(
            &["armorpoint-gi"],
            Message::BasisExitTransitionMonths.template(),
        ),
        A::RetainedFte => sourced(&["armor-srm"], Message::BasisRetainedFte.template()),
        A::OnCallPct => sourced(&[], Message::BasisOnCallPct.template()),
        A::RedeploymentMonths => sourced(&[], Message::BasisRedeploymentMonths.template()),
        A::BuildCostPct => sourced(&["opencsoc-roadmap"], Message::BasisBuildCostPct.template()),
        A::BreachProbabilityPct => sourced(
            breach::PROBABILITY_SOURCES,
            Message::BasisBreachProbabilityPct.template(),
        ),
        A::BreachCost => breach_cost_cite(p),
    }
}

/// Apply a profile's value to a default range: a point keeps the default's
/// relative spread, a range is taken as given.
pub(crate) fn apply(given: &AssumptionValue, default: Range) -> Range {
    match *given {
        AssumptionValue::Point(x) => {
            if default.likely != 0.0 {
                Range {
                    low: x * default.low / default.likely,
                    likely: x,
                    high: x * default.high / default.likely,
                }
            } else {
                Range::exact(x)
            }
        }
        AssumptionValue::Range { low, likely, high } => Range { low, likely, high },
    }
}

/// Resolve every assumption for `profile`, in catalogue order.
pub(crate) fn resolve(profile: &Profile) -> Resolved {
    let mut resolved = Resolved::default();
    for info in CATALOGUE {
        let default = default_range(info.id, profile, &resolved);
        let range = match profile.assumptions.get(info.name) {
            Some(given) => apply(given, default),
            None => default,
        };
        resolved.ranges[info.id as usize] = range;
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graduated_schedules_never_fall_with_quantity() {
        assert_eq!(siem_list_usd(10.0), 16_500.0);
        assert_eq!(siem_list_usd(20.0), 26_500.0);
        for bands in [
            SIEM_BANDS_USD,
            MDR_UNIT_BANDS,
            MDR_LOG_BANDS,
            EDR_UNIT_BANDS,
        ] {
            let mut last = 0.0;
            for tenth in 0..200_000 {
                let cost = graduated(bands, f64::from(tenth) / 2.0);
                assert!(cost >= last);
                last = cost;
            }
        }
    }
}
