//! The validated profile: the typed model every later stage reads.
//!
//! A [`Profile`] only exists once a file has passed validation, with every
//! default applied. Which values were defaults rather than given is kept in
//! [`Profile::defaulted`] (dotted key paths) so the report can say so.
//!
//! The enumerations it uses are the domain's vocabularies
//! (`crate::vocabulary`), re-exported here.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub use crate::vocabulary::*;

/// A framework named in a profile: one socsource knows, or another string
/// that is kept and shown but drives no rules.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FrameworkRef {
    Known(Framework),
    Other(String),
}

impl FrameworkRef {
    pub fn key(&self) -> &str {
        match self {
            FrameworkRef::Known(f) => f.key(),
            FrameworkRef::Other(s) => s,
        }
    }

    pub fn label(&self) -> &str {
        match self {
            FrameworkRef::Known(f) => f.label(),
            FrameworkRef::Other(s) => s,
        }
    }
}

impl Serialize for FrameworkRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// A calendar date (proleptic Gregorian), as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || !(1..=9999).contains(&year) {
            return None;
        }
        let days_in_month = match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days_in_month).then_some(Date { year, month, day })
    }

    /// Parse exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::new(
            i32::try_from(digits(0..4)?).ok()?,
            u8::try_from(digits(5..7)?).ok()?,
            u8::try_from(digits(8..10)?).ok()?,
        )
    }

    /// The UTC date of a Unix timestamp (seconds), e.g. `SOURCE_DATE_EPOCH`.
    pub fn from_unix_seconds(secs: i64) -> Option<Date> {
        // Howard Hinnant's civil-from-days algorithm.
        let z = secs.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Seconds since the Unix epoch at midnight UTC of this date.
    pub fn unix_seconds(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) * 86_400
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub version: u32,
    pub id: String,
    /// The file it was loaded from, as the user named it.
    pub source: String,
    pub organisation: Organisation,
    pub environment: Environment,
    pub security_team: SecurityTeam,
    pub budget: Budget,
    pub compliance: Compliance,
    pub risk: RiskProfile,
    pub requirements: Requirements,
    /// Weight per consideration as given (missing keys are 1).
    pub weights: BTreeMap<Consideration, f64>,
    pub decision: DecisionSettings,
    /// Overrides of cost-model assumptions, by name.
    pub assumptions: BTreeMap<String, AssumptionValue>,
    pub mssp_quote: Option<MsspQuote>,
    /// Quotes from providers to compare (the bid evaluation).
    pub quotes: Vec<Quote>,
    pub report: ReportDetails,
    /// Dotted key paths whose values are defaults rather than given.
    pub defaulted: BTreeSet<String>,
    /// Values given on the command line (`--set`), already applied.
    pub overrides: Vec<Setting>,
    /// What-if variants, each a whole profile of its own.
    pub scenarios: Vec<Scenario>,
}

/// One changed value: a dotted key path and the value, as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Setting {
    pub path: String,
    /// The value as the user wrote it (flow YAML for a list or section).
    pub value: String,
}

/// A scenario: the profile with some values changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    pub name: String,
    pub set: Vec<Setting>,
    /// The base profile with `set` applied, validated like any profile (it
    /// has no scenarios of its own).
    #[serde(skip)]
    pub profile: Box<Profile>,
}

impl Profile {
    pub fn is_defaulted(&self, key_path: &str) -> bool {
        self.defaulted.contains(key_path)
    }

    pub fn weight(&self, c: Consideration) -> f64 {
        self.weights.get(&c).copied().unwrap_or(1.0)
    }

    /// Security staff on the payroll today.
    pub fn existing_staff(&self) -> u64 {
        let t = &self.security_team;
        t.analysts + t.engineers + t.incident_responders
    }

    /// Endpoints, servers and cloud workloads: everything a SOC watches.
    pub fn monitored_assets(&self) -> u64 {
        let e = &self.environment;
        e.endpoints + e.servers + e.cloud_workloads
    }

    pub fn has_framework(&self, f: Framework) -> bool {
        self.compliance.frameworks.contains(&FrameworkRef::Known(f))
    }

    pub fn owns(&self, tool: Tool) -> bool {
        self.security_team.tools.contains(&tool)
    }

    /// Whether any critical asset holds classified information.
    pub fn holds_classified_data(&self) -> bool {
        self.environment
            .critical_assets
            .iter()
            .any(|a| a.data.contains(&DataClass::Classified))
    }

    /// The weights of the seven needs, as shares of their sum (equal when
    /// every need weighs nothing), rounded so that scaling every weight by
    /// the same factor gives exactly the same shares.
    pub fn need_shares(&self) -> [f64; 7] {
        let raw = Consideration::NEEDS.map(|c| self.weight(c));
        let sum: f64 = raw.iter().sum();
        raw.map(|w| {
            let share = if sum > 0.0 { w / sum } else { 1.0 / 7.0 };
            (share * 1e9).round() / 1e9
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    pub name: String,
    pub industry: Industry,
    pub employees: u64,
    pub annual_revenue: Option<f64>,
    pub currency: String,
    pub headquarters: String,
    pub operating_regions: Vec<String>,
    pub annual_growth_pct: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Environment {
    pub endpoints: u64,
    pub servers: u64,
    pub cloud_workloads: u64,
    pub log_sources: Option<u64>,
    pub daily_log_volume_gb: Option<f64>,
    pub ot_ics: bool,
    pub sites: u64,
    pub critical_assets: Vec<CriticalAsset>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriticalAsset {
    pub name: String,
    pub kind: AssetKind,
    pub criticality: Criticality,
    pub data: Vec<DataClass>,
    pub internet_facing: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecurityTeam {
    pub analysts: u64,
    pub engineers: u64,
    pub incident_responders: u64,
    pub tools: Vec<Tool>,
    pub owned_tools: OwnedTools,
    /// Cost of redeploying or releasing one person, when given.
    pub redeployment_cost: Option<f64>,
    /// Average base salary on today's payroll, when given: staff are priced
    /// at it instead of the market level.
    pub average_salary: Option<f64>,
    pub maturity: u8,
    pub hiring_market: HiringMarket,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Budget {
    pub annual_opex: f64,
    pub capex: f64,
    pub horizon_years: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compliance {
    pub frameworks: Vec<FrameworkRef>,
    pub data_residency: Residency,
    pub third_party_data_sharing: Sharing,
    /// Tightest incident-notification deadline; `None` when no rule sets one.
    pub notification_hours: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskProfile {
    pub tolerance: Level,
    pub threats: Vec<Threat>,
    pub targeted_by_apt: bool,
    pub incidents_last_24_months: u64,
    /// The threats behind those incidents.
    pub incident_threats: Vec<Threat>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Requirements {
    pub coverage: Coverage,
    pub go_live_months: u32,
    pub control: Level,
    pub integration: Level,
    pub scalability: Level,
    /// How the model prices a provider.
    pub provider_platform: ProviderPlatform,
    pub provider_market: ProviderMarket,
    pub procurement: Procurement,
}

/// How the options are appraised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionSettings {
    /// Share of an option's value that money carries, 0-1.
    pub money_share: f64,
    /// Share of a bid's score that its price carries, in percent as the
    /// profile states it.
    pub bid_price_share: f64,
    /// Where it came from, for the report.
    pub money_share_basis: MoneyShareBasis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyShareBasis {
    Default,
    Given,
    /// Mapped from `weights.budget` (a profile written for version 0.2).
    BudgetWeight,
}

/// One provider's bid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub provider: String,
    pub service: QuoteService,
    pub platform: ProviderPlatform,
    pub annual_fee: f64,
    pub onboarding_fee: f64,
    pub term_years: u32,
    /// Yearly rise above inflation, percent, when the bid states one.
    pub escalator_pct: Option<f64>,
    /// Country code or `EU`.
    pub delivery_country: String,
    /// The clauses the bid names, with its commitment.
    pub commitments: BTreeMap<ProviderClause, Commitment>,
    pub figures: BidFigures,
}

/// A bidder's figures, where a clause has one.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct BidFigures {
    pub p1_acknowledge_minutes: Option<f64>,
    pub p2_acknowledge_minutes: Option<f64>,
    pub breach_notification_hours: Option<f64>,
    pub retention_days: Option<f64>,
    pub exit_assistance_months: Option<f64>,
    pub service_credit_pct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MsspQuote {
    pub annual_fee: f64,
    pub onboarding_fee: f64,
    pub term_years: u32,
    pub provider: Option<String>,
    pub platform: ProviderPlatform,
}

/// A profile's value for an assumption: one number (the likely value, the
/// default's relative spread kept) or a whole range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AssumptionValue {
    Point(f64),
    Range { low: f64, likely: f64, high: f64 },
}

impl AssumptionValue {
    pub fn likely(&self) -> f64 {
        match *self {
            AssumptionValue::Point(x) => x,
            AssumptionValue::Range { likely, .. } => likely,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportDetails {
    pub prepared_by: Option<String>,
    pub prepared_for: String,
    pub classification: String,
    pub date: Date,
    pub language: String,
    /// `draft` or `final`.
    pub status: String,
    pub logo: Option<super::image::Image>,
    pub client_logo: Option<super::image::Image>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_unix_seconds() {
        for secs in [0i64, 951_782_400, 1_764_115_200, 4_102_444_800] {
            let d = Date::from_unix_seconds(secs).unwrap();
            assert_eq!(d.unix_seconds(), secs, "{d}");
        }
        assert_eq!(
            Date::from_unix_seconds(1_764_115_200).unwrap().to_string(),
            "2025-11-26"
        );
    }

    #[test]
    fn date_parsing_rejects_impossible_days() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2023-13-01").is_none());
        assert!(Date::parse("2023-1-01").is_none());
        assert!(Date::parse("２０２３-01-01").is_none());
    }

    #[test]
    fn vocabulary_keys_round_trip() {
        for c in Consideration::ALL {
            assert_eq!(Consideration::from_key(c.key()), Some(*c));
        }
        assert_eq!(Coverage::from_key("24x7"), Some(Coverage::TwentyFourSeven));
    }
}
