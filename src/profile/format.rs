//! The profile format, version 1, as data.
//!
//! This table is the single description of the format: every key, its type,
//! range, whether it is required, its default and its meaning. The validator
//! walks it and applies its defaults, `socsource schema` prints it as JSON
//! Schema, the profile reference in the docs is generated from it, and a
//! test checks that every default the loader applies is the one stated
//! here. Adding a key means adding a row here and reading it in the
//! loader.

use super::model::{
    AssetKind, Commitment, Consideration, Coverage, Criticality, DataClass, Framework,
    HiringMarket, Industry, Level, OwnedTools, Procurement, ProviderMarket, ProviderPlatform,
    QuoteService, Residency, Sharing, Threat, Tool,
};

/// Largest count any integer key accepts: far beyond any real organisation,
/// small enough that every cost stays an exact, finite number.
pub const MAX_COUNT: i64 = 10_000_000;
/// Largest amount of money any key accepts.
pub const MAX_MONEY: f64 = 1e13;
/// Longest text value, in characters.
pub const MAX_TEXT: usize = 200;

/// Characters a text value may not contain: control characters and line
/// and paragraph separators (a text is one line), those that reorder
/// displayed text ("Trojan Source"), invisible ones (zero-width spaces and
/// joiners, the word joiner, the byte order mark), tag characters and
/// noncharacters: see [`crate::diag::is_hidden_or_control`], which also
/// keeps them off the terminal.
pub fn refused_in_text(c: char) -> bool {
    crate::diag::is_hidden_or_control(c)
}

/// Whether an id (a slug) is a name Windows keeps for a device (`con`,
/// `nul`, `com1`, ...), which no folder can have there: refused as an id.
/// Shared with the fuzzer, which makes only valid ids.
pub fn id_is_reserved(id: &str) -> bool {
    super::words::windows_reserved(id)
}

/// What a character [`refused_in_text`] is, in words, for the message that
/// refuses it.
pub fn refused_kind(c: char) -> &'static str {
    match c {
        '\u{2028}' => "a line separator",
        '\u{2029}' => "a paragraph separator",
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => "a character that reorders the text around it",
        '\u{E0000}'..='\u{E007F}' => "an invisible tag character",
        '\u{FDD0}'..='\u{FDEF}' => "a noncharacter",
        c if (c as u32) & 0xFFFE == 0xFFFE => "a noncharacter",
        c if c.is_control() => "a control character",
        _ => "an invisible character",
    }
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
    /// A scenario's changes: dotted key paths of the profile (see
    /// [`settable`]), each with the value it takes.
    Overrides,
}

/// A key's default, stated once: the loader applies it, and the docs and
/// the JSON Schema show it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DefaultValue {
    /// A required key has none.
    Required,
    Int(i64),
    Number(f64),
    Bool(bool),
    /// Text, or an enumeration's key.
    Text(&'static str),
    EmptyList,
    /// Worked out from other values (or left unset), described in words.
    Derived(&'static str),
}

impl DefaultValue {
    /// The default as the docs show it.
    pub fn describe(&self) -> Option<String> {
        match *self {
            DefaultValue::Required => None,
            DefaultValue::Int(n) => Some(n.to_string()),
            DefaultValue::Number(x) => Some(if x.fract() == 0.0 {
                format!("{}", x as i64)
            } else {
                x.to_string()
            }),
            DefaultValue::Bool(b) => Some(b.to_string()),
            DefaultValue::Text(t) => Some(format!("`{t}`")),
            DefaultValue::EmptyList => Some("`[]`".into()),
            DefaultValue::Derived(words) => Some(words.to_string()),
        }
    }

    /// The default as a JSON value, when it is a value.
    pub fn json(&self) -> Option<serde_json::Value> {
        match *self {
            DefaultValue::Int(n) => Some(n.into()),
            // Whole amounts read as integers, as a person would write them.
            DefaultValue::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
                Some((x as i64).into())
            }
            DefaultValue::Number(x) => Some(x.into()),
            DefaultValue::Bool(b) => Some(b.into()),
            DefaultValue::Text(t) => Some(t.into()),
            DefaultValue::EmptyList => Some(serde_json::Value::Array(Vec::new())),
            DefaultValue::Required | DefaultValue::Derived(_) => None,
        }
    }
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub doc: &'static str,
    pub default: DefaultValue,
}

/// The field of `fields` named `name`.
pub fn field(fields: &'static [Field], name: &str) -> Option<&'static Field> {
    fields.iter().find(|f| f.name == name)
}

const fn req(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: true,
        doc,
        default: DefaultValue::Required,
    }
}

const fn opt(name: &'static str, kind: Kind, default: DefaultValue, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: false,
        doc,
        default,
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
        DefaultValue::Derived("not given"),
        "Annual revenue in `currency`.",
    ),
    opt(
        "currency",
        Kind::Currency,
        DefaultValue::Text("USD"),
        "ISO 4217 code for every amount in the profile.",
    ),
    opt(
        "headquarters",
        Kind::Country { allow_eu: false },
        DefaultValue::Text("US"),
        "ISO 3166-1 alpha-2 country code; drives salary region and regulatory defaults.",
    ),
    opt(
        "operating_regions",
        Kind::List {
            item: &Kind::Country { allow_eu: true },
            max_items: 300,
        },
        DefaultValue::EmptyList,
        "Country codes, or `EU`, where the organisation operates.",
    ),
    opt(
        "annual_growth_pct",
        Kind::Number {
            min: -50.0,
            max: 200.0,
        },
        DefaultValue::Number(5.0),
        "Expected growth of staff and assets per year, in percent.",
    ),
];

pub const CRITICAL_ASSET: &[Field] = &[
    req("name", TEXT, "What the asset is called."),
    opt(
        "kind",
        Kind::Enum(AssetKind::KEYS),
        DefaultValue::Text("application"),
        "What kind of asset it is.",
    ),
    opt(
        "criticality",
        Kind::Enum(Criticality::KEYS),
        DefaultValue::Text("high"),
        "How much the business depends on it.",
    ),
    opt(
        "data",
        Kind::List {
            item: &Kind::Enum(DataClass::KEYS),
            max_items: 16,
        },
        DefaultValue::EmptyList,
        "Sensitive data it holds.",
    ),
    opt(
        "internet_facing",
        Kind::Bool,
        DefaultValue::Bool(false),
        "Reachable from the internet.",
    ),
];

pub const ENVIRONMENT: &[Field] = &[
    req(
        "endpoints",
        count(MAX_COUNT),
        "Workstations and laptops to monitor.",
    ),
    opt(
        "servers",
        count(MAX_COUNT),
        DefaultValue::Int(0),
        "Servers to monitor.",
    ),
    opt(
        "cloud_workloads",
        count(MAX_COUNT),
        DefaultValue::Int(0),
        "Cloud workloads (VMs, containers, functions) to monitor.",
    ),
    opt(
        "log_sources",
        count(100_000),
        DefaultValue::Derived("estimated from assets"),
        "Distinct log source types.",
    ),
    opt(
        "daily_log_volume_gb",
        Kind::Number {
            min: 0.0,
            max: 1_000_000.0,
        },
        DefaultValue::Derived("estimated from assets"),
        "Log volume per day, in GB.",
    ),
    opt(
        "ot_ics",
        Kind::Bool,
        DefaultValue::Bool(false),
        "Operational technology or industrial control systems are in scope.",
    ),
    opt(
        "sites",
        Kind::Int {
            min: 1,
            max: 1_000_000,
        },
        DefaultValue::Int(1),
        "Physical sites.",
    ),
    opt(
        "critical_assets",
        Kind::List {
            item: &Kind::Record(CRITICAL_ASSET),
            max_items: 200,
        },
        DefaultValue::EmptyList,
        "The crown jewels, for the risk assessment.",
    ),
];

pub const SECURITY_TEAM: &[Field] = &[
    opt(
        "analysts",
        count(100_000),
        DefaultValue::Int(0),
        "Security analysts on staff today.",
    ),
    opt(
        "engineers",
        count(100_000),
        DefaultValue::Int(0),
        "Security and detection engineers on staff today.",
    ),
    opt(
        "incident_responders",
        count(100_000),
        DefaultValue::Int(0),
        "Incident responders on staff today.",
    ),
    opt(
        "tools",
        Kind::List {
            item: &Kind::Enum(Tool::KEYS),
            max_items: 16,
        },
        DefaultValue::EmptyList,
        "Security tools already owned.",
    ),
    opt(
        "owned_tools",
        Kind::Enum(OwnedTools::KEYS),
        DefaultValue::Text("decommission"),
        "What happens to owned tools when a provider brings its own platform: `decommission` them after the transition, or `keep` paying for them.",
    ),
    opt(
        "redeployment_cost",
        MONEY,
        DefaultValue::Derived("`redeployment_months` of L2 salary"),
        "Cost of redeploying or releasing one of today's security staff who is not needed after a transition, in `currency`.",
    ),
    opt(
        "average_salary",
        MONEY,
        DefaultValue::Derived("the country's SOC salary level"),
        "Average base salary of a security analyst on today's payroll, in `currency`: prices staff at the organisation's own pay (public bodies, for example) instead of the market level; the other tiers follow by the SOC tier ratios.",
    ),
    opt(
        "maturity",
        Kind::Int { min: 0, max: 5 },
        DefaultValue::Int(0),
        "Self-assessed SOC capability maturity, SOC-CMM style (0-5).",
    ),
    opt(
        "hiring_market",
        Kind::Enum(HiringMarket::KEYS),
        DefaultValue::Text("tight"),
        "How hard it is to hire security staff.",
    ),
];

pub const BUDGET: &[Field] = &[
    req(
        "annual_opex",
        MONEY,
        "Money available per year for security operations.",
    ),
    opt(
        "capex",
        MONEY,
        DefaultValue::Number(0.0),
        "One-off money available to build.",
    ),
    opt(
        "horizon_years",
        Kind::Int { min: 1, max: 10 },
        DefaultValue::Int(5),
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
        DefaultValue::Derived("derived from headquarters and operating regions"),
        "Regulations and standards that apply; unknown names are kept with a warning.",
    ),
    opt(
        "data_residency",
        Kind::Enum(Residency::KEYS),
        DefaultValue::Text("none"),
        "Whether security data must stay in the organisation's jurisdiction.",
    ),
    opt(
        "third_party_data_sharing",
        Kind::Enum(Sharing::KEYS),
        DefaultValue::Text("allowed"),
        "Whether security data may be shared with a provider.",
    ),
    opt(
        "notification_hours",
        Kind::Number {
            min: 0.1,
            max: 8760.0,
        },
        DefaultValue::Derived("derived from the frameworks"),
        "Tightest incident-notification deadline, in hours.",
    ),
];

pub const RISK: &[Field] = &[
    opt(
        "tolerance",
        LEVEL,
        DefaultValue::Text("medium"),
        "Risk appetite.",
    ),
    opt(
        "threats",
        Kind::List {
            item: &Kind::Enum(Threat::KEYS),
            max_items: 16,
        },
        DefaultValue::Derived("the industry's typical threats"),
        "Threats to assess.",
    ),
    opt(
        "targeted_by_apt",
        Kind::Bool,
        DefaultValue::Bool(false),
        "Known to be targeted by advanced persistent threat actors.",
    ),
    opt(
        "incidents_last_24_months",
        count(1_000_000),
        DefaultValue::Int(0),
        "Significant security incidents in the last 24 months.",
    ),
    opt(
        "incident_threats",
        Kind::List {
            item: &Kind::Enum(Threat::KEYS),
            max_items: 16,
        },
        DefaultValue::Derived("the commodity threats listed (ransomware, cybercrime, fraud, business email compromise)"),
        "The threats behind those incidents; only their likelihood rises.",
    ),
];

pub const REQUIREMENTS: &[Field] = &[
    opt(
        "coverage",
        Kind::Enum(Coverage::KEYS),
        DefaultValue::Text("24x7"),
        "Hours the SOC must watch.",
    ),
    opt(
        "go_live_months",
        Kind::Int { min: 1, max: 120 },
        DefaultValue::Int(12),
        "Months until monitoring must be operational.",
    ),
    opt(
        "control",
        LEVEL,
        DefaultValue::Text("medium"),
        "Need for operational control and customisation.",
    ),
    opt(
        "integration",
        LEVEL,
        DefaultValue::Text("medium"),
        "Need for tight integration with IT and business units.",
    ),
    opt(
        "scalability",
        LEVEL,
        DefaultValue::Text("medium"),
        "How fast capacity must grow or shrink.",
    ),
    opt(
        "provider_platform",
        Kind::Enum(ProviderPlatform::KEYS),
        DefaultValue::Derived("`own_tools` when the organisation owns a SIEM and an EDR, otherwise `bundled`"),
        "How the model prices a provider: `bundled` (the fee includes the provider's SIEM and EDR platform, never less than those licences for the same scope) or `own_tools` (service only: the provider works in the organisation's own tools, which it keeps paying for).",
    ),
    opt(
        "provider_market",
        Kind::Enum(ProviderMarket::KEYS),
        DefaultValue::Text("domestic"),
        "Where the provider delivers from: `domestic` (priced at the headquarters country's wage level) or `global` (priced in its U.S. home market).",
    ),
    opt(
        "procurement",
        Kind::Enum(Procurement::KEYS),
        DefaultValue::Derived("`public_tender` for government and defence, otherwise `private`"),
        "How a provider must be bought: `private`, `public_tender` (an open or restricted procedure) or `public_framework` (a framework or cooperative contract).",
    ),
];

const WEIGHT: Kind = Kind::Number {
    min: 0.0,
    max: 1000.0,
};

pub const WEIGHTS: &[Field] = &[
    opt(
        "budget",
        WEIGHT,
        DefaultValue::Number(1.0),
        Consideration::Budget.label_doc(),
    ),
    opt(
        "compliance",
        WEIGHT,
        DefaultValue::Number(1.0),
        Consideration::Compliance.label_doc(),
    ),
    opt(
        "risk",
        WEIGHT,
        DefaultValue::Number(1.0),
        Consideration::Risk.label_doc(),
    ),
    opt(
        "control",
        WEIGHT,
        DefaultValue::Number(1.0),
        Consideration::Control.label_doc(),
    ),
    opt(
        "time_to_implement",
        WEIGHT,
        DefaultValue::Number(1.0),
        Consideration::TimeToImplement.label_doc(),
    ),
    opt(
        "scalability",
        WEIGHT,
        DefaultValue::Number(1.0),
        Consideration::Scalability.label_doc(),
    ),
    opt(
        "coverage",
        WEIGHT,
        DefaultValue::Number(1.0),
        Consideration::Coverage.label_doc(),
    ),
    opt(
        "talent",
        WEIGHT,
        DefaultValue::Number(1.0),
        Consideration::Talent.label_doc(),
    ),
];

impl Consideration {
    /// Weight documentation, usable in const tables.
    const fn label_doc(self) -> &'static str {
        match self {
            Consideration::Budget => "For profiles written for version 0.2: sets the share of money in each option's value, as its ratio to the mean need weight (with every weight 1, the default 40%); `decision.money_share` says it directly and wins. A warning names the share it gives.",
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

const COMMITMENT: Kind = Kind::Enum(Commitment::KEYS);

/// What a bidder commits to, clause by clause of the SLA checklist.
pub const COMMITMENTS: &[Field] = &[
    opt(
        "p1_response",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Critical incident (P1) response: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "p2_response",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "High-severity incident (P2) response: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "p3_response",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Medium-severity incident (P3) response: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "p4_response",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Low-severity incident (P4) response: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "metric_definitions",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "How each metric is measured: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "reporting",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Reporting cadence: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "escalation_matrix",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Escalation matrix: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "response_authority",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Response authority: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "ingestion_latency",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Log ingestion latency: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "log_source_health",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Log-source health: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "detection_turnaround",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Detection content turnaround: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "threat_hunting",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Threat hunting: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "availability",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Platform availability: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "breach_notification",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Breach notification to the organisation: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "data_location",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Where data and analysts are: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "data_sharing_limits",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Data sharing limits: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "encryption",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Encryption and provider access: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "retention",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Retention, return and deletion at exit: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "right_to_audit",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Right to audit: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "subprocessors",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Sub-processors: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "staff_vetting",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Staff vetting and training: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "service_credits",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Service credits: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "liability",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Liability and insurance: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "price_escalators",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Price escalators and estate true-up: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "content_ownership",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Ownership of detection content, runbooks and logs: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "licences_at_exit",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Licences at exit: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "exit_assistance",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Exit plan and transition assistance: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "termination_rights",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Step-in and termination rights: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "business_continuity",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "The provider's business continuity: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "incident_assistance",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Incident assistance: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "register_of_information",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Register of information: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "processor_terms",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Processor terms: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "business_associate_agreement",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "Business associate agreement: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
    opt(
        "pci_responsibility_matrix",
        COMMITMENT,
        DefaultValue::Text("not_stated"),
        "PCI DSS responsibility matrix: `met`, `partly`, `not_offered` or `not_stated`.",
    ),
];

/// A bidder's figures for the clauses that have one; each is compared with
/// the organisation's target and decides that clause's commitment.
pub const FIGURES: &[Field] = &[
    opt(
        "p1_acknowledge_minutes",
        Kind::Number {
            min: 0.0,
            max: 10_080.0,
        },
        DefaultValue::Derived("not stated"),
        "Minutes to acknowledge a critical (P1) incident; the target is 15.",
    ),
    opt(
        "p2_acknowledge_minutes",
        Kind::Number {
            min: 0.0,
            max: 10_080.0,
        },
        DefaultValue::Derived("not stated"),
        "Minutes to acknowledge a high-severity (P2) incident; the target is 30.",
    ),
    opt(
        "breach_notification_hours",
        Kind::Number {
            min: 0.0,
            max: 720.0,
        },
        DefaultValue::Derived("not stated"),
        "Hours to tell the organisation of a likely breach; the target is 1.",
    ),
    opt(
        "retention_days",
        Kind::Number {
            min: 0.0,
            max: 36_500.0,
        },
        DefaultValue::Derived("not stated"),
        "Days of logs kept; the target is the retention the organisation's rules ask for.",
    ),
    opt(
        "exit_assistance_months",
        Kind::Number {
            min: 0.0,
            max: 120.0,
        },
        DefaultValue::Derived("not stated"),
        "Months of transition assistance at exit; the target is the contract's transition period.",
    ),
    opt(
        "service_credit_pct",
        Kind::Number {
            min: 0.0,
            max: 100.0,
        },
        DefaultValue::Derived("not stated"),
        "Service credit per missed P1 or P2 target, percent of the monthly fee; the target is 5.",
    ),
];

/// At most this many quotes: each is priced and appraised.
pub const MAX_QUOTES: usize = 10;

pub const QUOTE: &[Field] = &[
    req(
        "provider",
        Kind::Text { max_chars: 80 },
        "The bidder's name, unique among the quotes (1-80 characters).",
    ),
    opt(
        "service",
        Kind::Enum(QuoteService::KEYS),
        DefaultValue::Text("outsourced"),
        "What the bid covers: `outsourced` (the whole SOC service) or `hybrid` (co-management: 24/7 monitoring and triage in the organisation's tools).",
    ),
    opt(
        "platform",
        Kind::Enum(ProviderPlatform::KEYS),
        DefaultValue::Derived("as `requirements.provider_platform`"),
        "`bundled`: the fee includes the provider's SIEM and EDR platform; `own_tools`: the provider works in the organisation's own tools.",
    ),
    req(
        "annual_fee",
        MONEY,
        "The bidder's yearly fee for the current estate, in `currency`.",
    ),
    opt(
        "onboarding_fee",
        MONEY,
        DefaultValue::Number(0.0),
        "One-off onboarding fee.",
    ),
    opt(
        "term_years",
        Kind::Int { min: 1, max: 10 },
        DefaultValue::Int(3),
        "Contract term in years.",
    ),
    opt(
        "escalator_pct",
        Kind::Number { min: -10.0, max: 20.0 },
        DefaultValue::Derived("the model's provider escalator"),
        "Yearly price rise above inflation the bid states, percent.",
    ),
    opt(
        "delivery_country",
        Kind::Country { allow_eu: true },
        DefaultValue::Derived("the headquarters country"),
        "Where the bidder processes and stores data and where its analysts are: a country code, or `EU`.",
    ),
    opt(
        "commitments",
        Kind::Record(COMMITMENTS),
        DefaultValue::Derived("every clause not stated"),
        "What the bidder commits to for each clause of the SLA checklist, by clause key.",
    ),
    opt(
        "figures",
        Kind::Record(FIGURES),
        DefaultValue::Derived("none"),
        "The bidder's figures where a clause has one; a figure decides its clause's commitment.",
    ),
];

/// The default share of money in an option's value, in percent.
pub const DEFAULT_MONEY_SHARE: f64 = 40.0;

/// The default share of price in a bid's score, in percent.
pub const DEFAULT_BID_PRICE_SHARE: f64 = 40.0;

pub const DECISION: &[Field] = &[
    opt(
        "money_share",
        Kind::Number {
            min: 0.0,
            max: 100.0,
        },
        DefaultValue::Derived("40, or from `weights.budget` when a profile written for version 0.2 gives it"),
        "Share of an option's value that money carries, in percent (the risk-adjusted cost against the cheapest feasible option); the needs carry the rest, by `weights`. Public buyers commonly give price 30-60%.",
    ),
    opt(
        "bid_price_share",
        Kind::Number {
            min: 0.0,
            max: 100.0,
        },
        DefaultValue::Number(DEFAULT_BID_PRICE_SHARE),
        "Share of a bid's score that its price carries, in percent; the clauses it commits to and its fit carry the rest.",
    ),
];

pub const MSSP_QUOTE: &[Field] = &[
    req(
        "annual_fee",
        Kind::Number {
            min: 0.0,
            max: MAX_MONEY,
        },
        "The provider's yearly fee for the current estate.",
    ),
    opt(
        "onboarding_fee",
        MONEY,
        DefaultValue::Number(0.0),
        "One-off onboarding fee.",
    ),
    opt(
        "term_years",
        Kind::Int { min: 1, max: 10 },
        DefaultValue::Int(3),
        "Contract term in years.",
    ),
    opt(
        "provider",
        TEXT,
        DefaultValue::Derived("not given"),
        "Provider name.",
    ),
    opt(
        "platform",
        Kind::Enum(ProviderPlatform::KEYS),
        DefaultValue::Derived("as `requirements.provider_platform`"),
        "`bundled`: the fee includes the provider's SIEM and EDR platform; `own_tools`: the provider works in the organisation's own tools.",
    ),
];

pub const REPORT: &[Field] = &[
    opt(
        "prepared_by",
        TEXT,
        DefaultValue::Derived("not given"),
        "Author or consultancy, shown on the cover.",
    ),
    opt(
        "prepared_for",
        TEXT,
        DefaultValue::Text("Board of Directors"),
        "The audience.",
    ),
    opt(
        "classification",
        Kind::Text { max_chars: 60 },
        DefaultValue::Text("Confidential"),
        "Shown in every page header.",
    ),
    opt(
        "date",
        Kind::Date,
        DefaultValue::Derived("SOURCE_DATE_EPOCH if set, else today"),
        "Report date, YYYY-MM-DD.",
    ),
    opt(
        "language",
        Kind::Enum(&["en"]),
        DefaultValue::Text("en"),
        "Report language.",
    ),
    opt(
        "status",
        Kind::Enum(&["draft", "final"]),
        DefaultValue::Text("final"),
        "`draft` shows the status on the cover and a DRAFT watermark on every page; `final` shows the status only.",
    ),
    opt(
        "logo",
        TEXT,
        DefaultValue::Derived("none"),
        "The preparer's logo for the cover: a PNG, JPEG or SVG file (at most 2 MiB), its path relative to the profile.",
    ),
    opt(
        "client_logo",
        TEXT,
        DefaultValue::Derived("none"),
        "The organisation's own logo for the cover: a PNG, JPEG or SVG file (at most 2 MiB), its path relative to the profile.",
    ),
];

/// At most this many scenarios: each is a whole evaluation.
pub const MAX_SCENARIOS: usize = 10;

pub const SCENARIO: &[Field] = &[
    req(
        "name",
        Kind::Text { max_chars: 80 },
        "What the scenario is, as the report names it (1-80 characters).",
    ),
    req(
        "set",
        Kind::Overrides,
        "The values that differ from the profile, by dotted key path (`budget.annual_opex: 2000000`, `mssp_quote: {annual_fee: 400000}`, `assumptions.analyst_salary: 90000`).",
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
        DefaultValue::Derived("the file name, slugified"),
        "Names the output folder: `[a-z0-9][a-z0-9-]{0,63}`, and not a name Windows keeps for a device (`con`, `prn`, `aux`, `nul`, `com0` to `com9`, `lpt0` to `lpt9`). When it is not given, the file name gives it with accents dropped (`Société Générale.yaml` gives `societe-generale`); a file name with any other letter outside a-z (a Cyrillic `а` that looks like `a`, `東京`) gives none, so the profile must say its `id`.",
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
        DefaultValue::Derived("nothing"),
        "What exists today.",
    ),
    req("budget", Kind::Record(BUDGET), "Money available."),
    opt(
        "compliance",
        Kind::Record(COMPLIANCE),
        DefaultValue::Derived("none"),
        "Regulation and data rules.",
    ),
    opt(
        "risk",
        Kind::Record(RISK),
        DefaultValue::Derived("medium tolerance, the industry's typical threats"),
        "Risk appetite and threat landscape.",
    ),
    opt(
        "requirements",
        Kind::Record(REQUIREMENTS),
        DefaultValue::Derived(
            "24x7, live in 12 months, medium control, integration and scalability",
        ),
        "What the SOC must deliver.",
    ),
    opt(
        "weights",
        Kind::Record(WEIGHTS),
        DefaultValue::Derived("all 1"),
        "How much each consideration counts; normalised before use; not all zero.",
    ),
    opt(
        "decision",
        Kind::Record(DECISION),
        DefaultValue::Derived("money 40% of the value"),
        "How the options are appraised.",
    ),
    opt(
        "assumptions",
        Kind::Assumptions,
        DefaultValue::Derived("none"),
        "Overrides of the cost model's defaults, by name (see the assumptions reference: `docs/reference/assumptions.md`).",
    ),
    opt(
        "mssp_quote",
        Kind::Record(MSSP_QUOTE),
        DefaultValue::Derived("none"),
        "A real quote from a provider, used instead of the model's estimate.",
    ),
    opt(
        "quotes",
        Kind::List {
            item: &Kind::Record(QUOTE),
            max_items: MAX_QUOTES,
        },
        DefaultValue::EmptyList,
        "Quotes from providers to compare: each is priced like for like, checked against the SLA checklist and scored (the bid evaluation); the best feasible one prices the outsourced or hybrid option.",
    ),
    opt(
        "scenarios",
        Kind::List {
            item: &Kind::Record(SCENARIO),
            max_items: MAX_SCENARIOS,
        },
        DefaultValue::EmptyList,
        "What-if variants of this profile, each evaluated and compared in the report.",
    ),
    opt(
        "report",
        Kind::Record(REPORT),
        DefaultValue::Derived("defaults"),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A default of the wrong kind would be silently replaced by zero or
    /// the first choice when the loader applies it.
    #[test]
    fn every_default_has_its_keys_kind() {
        fn walk(prefix: &str, fields: &'static [Field]) {
            for f in fields {
                let path = format!("{prefix}{}", f.name);
                let fits = match (&f.kind, f.default) {
                    (_, DefaultValue::Required) => f.required,
                    (_, DefaultValue::Derived(words)) => !f.required && !words.is_empty(),
                    (Kind::Int { min, max }, DefaultValue::Int(n)) => (*min..=*max).contains(&n),
                    (Kind::Number { min, max }, DefaultValue::Number(x)) => {
                        (*min..=*max).contains(&x)
                    }
                    (Kind::Bool, DefaultValue::Bool(_)) => true,
                    (Kind::Enum(keys), DefaultValue::Text(k)) => keys.contains(&k),
                    (Kind::Text { max_chars }, DefaultValue::Text(t)) => {
                        t.chars().count() <= *max_chars
                    }
                    (Kind::Currency | Kind::Country { .. }, DefaultValue::Text(t)) => {
                        t.len() == 2 || t.len() == 3
                    }
                    (Kind::List { .. }, DefaultValue::EmptyList) => true,
                    _ => false,
                };
                assert!(
                    fits,
                    "{path}: default {:?} does not fit {:?}",
                    f.default, f.kind
                );
                if let Kind::Record(inner) = &f.kind {
                    walk(&format!("{path}."), inner);
                }
                if let Kind::List {
                    item: Kind::Record(inner),
                    ..
                } = &f.kind
                {
                    walk(&format!("{path}[]."), inner);
                }
            }
        }
        walk("", PROFILE);
    }
}

/// Top-level keys a scenario or `--set` may not change: what identifies the
/// profile and what only presents the report.
const NOT_SETTABLE: &[&str] = &["version", "id", "scenarios", "report"];

/// What a settable key path names.
#[derive(Debug, Clone, Copy)]
pub enum Settable {
    /// A key of the format, leaf or section.
    Field(&'static Field),
    /// One assumption, by its catalogue name.
    Assumption(&'static str),
}

/// Every key path a scenario or `--set` may change, for suggestions.
pub fn settable_paths() -> Vec<String> {
    let mut paths: Vec<String> = all_paths()
        .into_iter()
        .filter(|p| !p.contains('[') && !NOT_SETTABLE.contains(&p.split('.').next().unwrap_or("")))
        .collect();
    paths.extend(
        crate::reference::assumptions::CATALOGUE
            .iter()
            .map(|a| format!("assumptions.{}", a.name)),
    );
    paths
}

/// The key `path` (dotted: `budget.annual_opex`, `assumptions.analyst_salary`)
/// names, when a scenario or `--set` may change it; otherwise what is wrong,
/// with a suggestion.
pub fn settable(path: &str) -> Result<Settable, String> {
    let unknown = || {
        let known = settable_paths();
        let names: Vec<&str> = known.iter().map(String::as_str).collect();
        match crate::profile::words::suggest(path, &names) {
            Some(s) => format!("`{path}` is not a key of the profile; did you mean `{s}`?"),
            None => format!(
                "`{path}` is not a key of the profile; keys are written as dotted paths such as `budget.annual_opex` or `assumptions.analyst_salary`"
            ),
        }
    };
    let mut segments = path.split('.');
    let first = segments.next().unwrap_or("");
    if NOT_SETTABLE.contains(&first) {
        return Err(format!(
            "`{first}` cannot be changed by a scenario or --set: it identifies the profile or only presents the report"
        ));
    }
    let mut fields = PROFILE;
    let mut segment = first;
    loop {
        let f = field(fields, segment).ok_or_else(unknown)?;
        let next = segments.next();
        match (&f.kind, next) {
            (_, None) => return Ok(Settable::Field(f)),
            (Kind::Record(inner), Some(n)) => {
                fields = inner;
                segment = n;
            }
            (Kind::Assumptions, Some(name)) if segments.next().is_none() => {
                return crate::reference::assumptions::CATALOGUE
                    .iter()
                    .find(|a| a.name == name)
                    .map(|a| Settable::Assumption(a.name))
                    .ok_or_else(unknown);
            }
            _ => return Err(unknown()),
        }
    }
}
