//! The profile format, version 1, as data.
//!
//! This table is the single description of `PROFILE.md`: every key, its type,
//! range, whether it is required, its default and its meaning. The validator
//! walks it, `socsource schema` prints it as JSON Schema, and the tests check
//! the bundled profiles against it. Adding a key means adding a row here and
//! reading it in `validate::build_profile`.

use super::model::{
    AssetKind, Consideration, Coverage, Criticality, DataClass, Framework, HiringMarket, Industry,
    Level, OwnedTools, ProviderPlatform, Residency, Sharing, Threat, Tool,
};

/// Largest count any integer key accepts: far beyond any real organisation,
/// small enough that every cost stays an exact, finite number.
pub const MAX_COUNT: i64 = 10_000_000;
/// Largest amount of money any key accepts.
pub const MAX_MONEY: f64 = 1e13;
/// Longest text value, in characters.
pub const MAX_TEXT: usize = 200;

/// Characters a text value may not contain: control characters (a text is
/// one line) and those that reorder displayed text ("Trojan Source").
pub fn refused_in_text(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[derive(Debug)]
pub enum Kind {
    Int {
        min: i64,
        max: i64,
    },
    Number {
        min: f64,
        max: f64,
    },
    Bool,
    /// One line of text, at most `max_chars` characters.
    Text {
        max_chars: usize,
    },
    /// `[a-z0-9][a-z0-9-]{0,63}`.
    Slug,
    /// ISO 3166-1 alpha-2, optionally also `EU`.
    Country {
        allow_eu: bool,
    },
    /// ISO 4217.
    Currency,
    /// `YYYY-MM-DD`.
    Date,
    Enum(&'static [&'static str]),
    /// Known values are checked; others are kept with a warning.
    OpenEnum(&'static [&'static str]),
    List {
        item: &'static Kind,
        max_items: usize,
    },
    Record(&'static [Field]),
    /// Names from the assumption catalogue, each a number in its own range.
    Assumptions,
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub doc: &'static str,
    /// The default in words; valid JSON text here also becomes the schema's
    /// `default`.
    pub default: Option<&'static str>,
}

const fn req(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: true,
        doc,
        default: None,
    }
}

const fn opt(name: &'static str, kind: Kind, default: &'static str, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: false,
        doc,
        default: Some(default),
    }
}

const fn count(max: i64) -> Kind {
    Kind::Int { min: 0, max }
}

const MONEY: Kind = Kind::Number {
    min: 0.0,
    max: MAX_MONEY,
};
const TEXT: Kind = Kind::Text {
    max_chars: MAX_TEXT,
};
const LEVEL: Kind = Kind::Enum(Level::KEYS);

pub const ORGANISATION: &[Field] = &[
    req("name", TEXT, "Display name, any Unicode, 1-200 characters."),
    req("industry", Kind::Enum(Industry::KEYS), "Industry sector."),
    req(
        "employees",
        Kind::Int {
            min: 1,
            max: MAX_COUNT,
        },
        "Number of employees.",
    ),
    opt(
        "annual_revenue",
        MONEY,
        "not given",
        "Annual revenue in `currency`.",
    ),
    opt(
        "currency",
        Kind::Currency,
        "\"USD\"",
        "ISO 4217 code for every amount in the profile.",
    ),
    opt(
        "headquarters",
        Kind::Country { allow_eu: false },
        "\"US\"",
        "ISO 3166-1 alpha-2 country code; drives salary region and regulatory defaults.",
    ),
    opt(
        "operating_regions",
        Kind::List {
            item: &Kind::Country { allow_eu: true },
            max_items: 300,
        },
        "[]",
        "Country codes, or `EU`, where the organisation operates.",
    ),
    opt(
        "annual_growth_pct",
        Kind::Number {
            min: -50.0,
            max: 200.0,
        },
        "5",
        "Expected growth of staff and assets per year, in percent.",
    ),
];

pub const CRITICAL_ASSET: &[Field] = &[
    req("name", TEXT, "What the asset is called."),
    opt(
        "kind",
        Kind::Enum(AssetKind::KEYS),
        "\"application\"",
        "What kind of asset it is.",
    ),
    opt(
        "criticality",
        Kind::Enum(Criticality::KEYS),
        "\"high\"",
        "How much the business depends on it.",
    ),
    opt(
        "data",
        Kind::List {
            item: &Kind::Enum(DataClass::KEYS),
            max_items: 16,
        },
        "[]",
        "Sensitive data it holds.",
    ),
    opt(
        "internet_facing",
        Kind::Bool,
        "false",
        "Reachable from the internet.",
    ),
];

pub const ENVIRONMENT: &[Field] = &[
    req(
        "endpoints",
        count(MAX_COUNT),
        "Workstations and laptops to monitor.",
    ),
    opt("servers", count(MAX_COUNT), "0", "Servers to monitor."),
    opt(
        "cloud_workloads",
        count(MAX_COUNT),
        "0",
        "Cloud workloads (VMs, containers, functions) to monitor.",
    ),
    opt(
        "log_sources",
        count(100_000),
        "estimated from assets",
        "Distinct log source types.",
    ),
    opt(
        "daily_log_volume_gb",
        Kind::Number {
            min: 0.0,
            max: 1_000_000.0,
        },
        "estimated from assets",
        "Log volume per day, in GB.",
    ),
    opt(
        "ot_ics",
        Kind::Bool,
        "false",
        "Operational technology or industrial control systems are in scope.",
    ),
    opt(
        "sites",
        Kind::Int {
            min: 1,
            max: 1_000_000,
        },
        "1",
        "Physical sites.",
    ),
    opt(
        "critical_assets",
        Kind::List {
            item: &Kind::Record(CRITICAL_ASSET),
            max_items: 200,
        },
        "[]",
        "The crown jewels, for the risk assessment.",
    ),
];

pub const SECURITY_TEAM: &[Field] = &[
    opt(
        "analysts",
        count(100_000),
        "0",
        "Security analysts on staff today.",
    ),
    opt(
        "engineers",
        count(100_000),
        "0",
        "Security and detection engineers on staff today.",
    ),
    opt(
        "incident_responders",
        count(100_000),
        "0",
        "Incident responders on staff today.",
    ),
    opt(
        "tools",
        Kind::List {
            item: &Kind::Enum(Tool::KEYS),
            max_items: 16,
        },
        "[]",
        "Security tools already owned.",
    ),
    opt(
        "owned_tools",
        Kind::Enum(OwnedTools::KEYS),
        "\"decommission\"",
        "What happens to owned tools when a provider brings its own platform: `decommission` them after the transition, or `keep` paying for them.",
    ),
    opt(
        "redeployment_cost",
        MONEY,
        "`redeployment_months` of L2 salary",
        "Cost of redeploying or releasing one of today's security staff who is not needed after a transition, in `currency`.",
    ),
    opt(
        "maturity",
        Kind::Int { min: 0, max: 5 },
        "0",
        "Self-assessed SOC capability maturity, SOC-CMM style (0-5).",
    ),
    opt(
        "hiring_market",
        Kind::Enum(HiringMarket::KEYS),
        "\"tight\"",
        "How hard it is to hire security staff.",
    ),
];

pub const BUDGET: &[Field] = &[
    req(
        "annual_opex",
        MONEY,
        "Money available per year for security operations.",
    ),
    opt("capex", MONEY, "0", "One-off money available to build."),
    opt(
        "horizon_years",
        Kind::Int { min: 1, max: 10 },
        "5",
        "Planning horizon for the cost comparison, in years.",
    ),
];

pub const COMPLIANCE: &[Field] = &[
    opt(
        "frameworks",
        Kind::List {
            item: &Kind::OpenEnum(Framework::KEYS),
            max_items: 50,
        },
        "derived from headquarters and operating regions",
        "Regulations and standards that apply; unknown names are kept with a warning.",
    ),
    opt(
        "data_residency",
        Kind::Enum(Residency::KEYS),
        "\"none\"",
        "Whether security data must stay in the organisation's jurisdiction.",
    ),
    opt(
        "third_party_data_sharing",
        Kind::Enum(Sharing::KEYS),
        "\"allowed\"",
        "Whether security data may be shared with a provider.",
    ),
    opt(
        "notification_hours",
        Kind::Number {
            min: 0.1,
            max: 8760.0,
        },
        "derived from the frameworks",
        "Tightest incident-notification deadline, in hours.",
    ),
];

pub const RISK: &[Field] = &[
    opt("tolerance", LEVEL, "\"medium\"", "Risk appetite."),
    opt(
        "threats",
        Kind::List {
            item: &Kind::Enum(Threat::KEYS),
            max_items: 16,
        },
        "the industry's typical threats",
        "Threats to assess.",
    ),
    opt(
        "targeted_by_apt",
        Kind::Bool,
        "false",
        "Known to be targeted by advanced persistent threat actors.",
    ),
    opt(
        "incidents_last_24_months",
        count(1_000_000),
        "0",
        "Significant security incidents in the last 24 months.",
    ),
];

pub const REQUIREMENTS: &[Field] = &[
    opt(
        "coverage",
        Kind::Enum(Coverage::KEYS),
        "\"24x7\"",
        "Hours the SOC must watch.",
    ),
    opt(
        "go_live_months",
        Kind::Int { min: 1, max: 120 },
        "12",
        "Months until monitoring must be operational.",
    ),
    opt(
        "control",
        LEVEL,
        "\"medium\"",
        "Need for operational control and customisation.",
    ),
    opt(
        "integration",
        LEVEL,
        "\"medium\"",
        "Need for tight integration with IT and business units.",
    ),
    opt(
        "scalability",
        LEVEL,
        "\"medium\"",
        "How fast capacity must grow or shrink.",
    ),
];

const WEIGHT: Kind = Kind::Number {
    min: 0.0,
    max: 1000.0,
};

pub const WEIGHTS: &[Field] = &[
    opt("budget", WEIGHT, "1", Consideration::Budget.label_doc()),
    opt(
        "compliance",
        WEIGHT,
        "1",
        Consideration::Compliance.label_doc(),
    ),
    opt("risk", WEIGHT, "1", Consideration::Risk.label_doc()),
    opt("control", WEIGHT, "1", Consideration::Control.label_doc()),
    opt(
        "time_to_implement",
        WEIGHT,
        "1",
        Consideration::TimeToImplement.label_doc(),
    ),
    opt(
        "scalability",
        WEIGHT,
        "1",
        Consideration::Scalability.label_doc(),
    ),
    opt("coverage", WEIGHT, "1", Consideration::Coverage.label_doc()),
    opt("talent", WEIGHT, "1", Consideration::Talent.label_doc()),
];

impl Consideration {
    /// Weight documentation, usable in const tables.
    const fn label_doc(self) -> &'static str {
        match self {
            Consideration::Budget => "Weight of value for money and affordability.",
            Consideration::Compliance => "Weight of compliance and data privacy.",
            Consideration::Risk => "Weight of risk tolerance and threat landscape.",
            Consideration::Control => "Weight of operational control and flexibility.",
            Consideration::TimeToImplement => "Weight of time to implement.",
            Consideration::Scalability => "Weight of scalability and future growth.",
            Consideration::Coverage => "Weight of 24/7 operations.",
            Consideration::Talent => "Weight of talent availability.",
        }
    }
}

pub const MSSP_QUOTE: &[Field] = &[
    req(
        "annual_fee",
        Kind::Number {
            min: 0.0,
            max: MAX_MONEY,
        },
        "The provider's yearly fee for the current estate.",
    ),
    opt("onboarding_fee", MONEY, "0", "One-off onboarding fee."),
    opt(
        "term_years",
        Kind::Int { min: 1, max: 10 },
        "3",
        "Contract term in years.",
    ),
    opt("provider", TEXT, "not given", "Provider name."),
    opt(
        "platform",
        Kind::Enum(ProviderPlatform::KEYS),
        "\"bundled\"",
        "`bundled`: the fee includes the provider's SIEM and EDR platform; `own_tools`: the provider works in the organisation's own tools.",
    ),
];

pub const REPORT: &[Field] = &[
    opt(
        "prepared_by",
        TEXT,
        "not given",
        "Author or consultancy, shown on the cover.",
    ),
    opt(
        "prepared_for",
        TEXT,
        "\"Board of Directors\"",
        "The audience.",
    ),
    opt(
        "classification",
        Kind::Text { max_chars: 60 },
        "\"Confidential\"",
        "Shown in every page header.",
    ),
    opt(
        "date",
        Kind::Date,
        "SOURCE_DATE_EPOCH if set, else today",
        "Report date, YYYY-MM-DD.",
    ),
    opt(
        "language",
        Kind::Enum(&["en"]),
        "\"en\"",
        "Report language.",
    ),
];

pub const PROFILE: &[Field] = &[
    req(
        "version",
        Kind::Int { min: 1, max: 1 },
        "Format version; `1`.",
    ),
    opt(
        "id",
        Kind::Slug,
        "the file name, slugified",
        "Names the output folder: `[a-z0-9][a-z0-9-]{0,63}`.",
    ),
    req(
        "organisation",
        Kind::Record(ORGANISATION),
        "Who the organisation is.",
    ),
    req(
        "environment",
        Kind::Record(ENVIRONMENT),
        "What must be monitored.",
    ),
    opt(
        "security_team",
        Kind::Record(SECURITY_TEAM),
        "nothing",
        "What exists today.",
    ),
    req("budget", Kind::Record(BUDGET), "Money available."),
    opt(
        "compliance",
        Kind::Record(COMPLIANCE),
        "none",
        "Regulation and data rules.",
    ),
    opt(
        "risk",
        Kind::Record(RISK),
        "medium tolerance, the industry's typical threats",
        "Risk appetite and threat landscape.",
    ),
    opt(
        "requirements",
        Kind::Record(REQUIREMENTS),
        "24x7, live in 12 months, medium control, integration and scalability",
        "What the SOC must deliver.",
    ),
    opt(
        "weights",
        Kind::Record(WEIGHTS),
        "all 1",
        "How much each consideration counts; normalised before use; not all zero.",
    ),
    opt(
        "assumptions",
        Kind::Assumptions,
        "none",
        "Overrides of the cost model's defaults, by name (see the README).",
    ),
    opt(
        "mssp_quote",
        Kind::Record(MSSP_QUOTE),
        "none",
        "A real quote from a provider, used instead of the model's estimate.",
    ),
    opt(
        "report",
        Kind::Record(REPORT),
        "defaults",
        "Presentation details.",
    ),
];

/// Every key path the format defines (`organisation.name`, ...), for
/// "did you mean" across sections.
pub fn all_paths() -> Vec<String> {
    fn walk(prefix: &str, fields: &'static [Field], out: &mut Vec<String>) {
        for f in fields {
            let path = if prefix.is_empty() {
                f.name.to_string()
            } else {
                format!("{prefix}.{}", f.name)
            };
            out.push(path.clone());
            match &f.kind {
                Kind::Record(inner) => walk(&path, inner, out),
                Kind::List {
                    item: Kind::Record(inner),
                    ..
                } => walk(&format!("{path}[]"), inner, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk("", PROFILE, &mut out);
    out
}
