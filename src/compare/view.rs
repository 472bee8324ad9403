//! An assessment as `diff` reads it: just the fields it compares, typed and
//! checked, from an `assessment.json` of any schema version it reads.
//!
//! Policy: a file is trusted for nothing. It is read with a bound
//! ([`MAX_ASSESSMENT_BYTES`]); every field the comparison uses must be
//! present with its type (a field is optional only where an older schema
//! version lacks it); and its text follows the profile's text rules, since
//! it reaches the board's document and the terminal. A file that fails is
//! an error naming the field by its JSON path (`costs.options.hybrid.total:
//! expected a number, found the text "12"`), and nothing is compared.

use crate::evaluate::assessment::{SocOption, SCHEMA_VERSION};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// Schema versions of `assessment.json` this build can compare.
pub const READABLE_SCHEMAS: &[u64] = &[2, SCHEMA_VERSION as u64];

/// Largest `assessment.json` `diff` reads. A real one is about 200 KB; the
/// largest profile the format allows (200 critical assets with 200-character
/// names, every threat) gives about 4 MB.
pub const MAX_ASSESSMENT_BYTES: u64 = 8 * 1024 * 1024;

/// Text from the file: any characters but those the profile text rules
/// refuse (control, reordering, invisible, separators, tags and
/// noncharacters), which could change what a reader sees.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Text(pub String);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An option as a key of an object (`costs.options.hybrid`): read as text,
/// so an error inside names the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct OptionKey(pub SocOption);

impl<'de> Deserialize<'de> for OptionKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<OptionKey, D::Error> {
        let key = String::deserialize(d)?;
        SocOption::ALL
            .into_iter()
            .find(|o| o.key() == key)
            .map(OptionKey)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown option `{}`; expected one of `in_house`, `outsourced`, `hybrid`",
                    crate::profile::yaml::clip(&key, 40)
                ))
            })
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        let text = String::deserialize(d)?;
        if let Some(c) = text
            .chars()
            .find(|c| crate::profile::format::refused_in_text(*c))
        {
            return Err(serde::de::Error::custom(format!(
                "the text contains {} (U+{:04X})",
                crate::profile::format::refused_kind(c),
                c as u32
            )));
        }
        Ok(Text(text))
    }
}

/// The fields of an assessment `diff` compares.
#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Assessment {
    pub schema_version: u64,
    pub generator: Text,
    pub profile: Profile,
    pub facts: Vec<Fact>,
    pub assumptions: Vec<Assumption>,
    pub recommendation: Recommendation,
    /// The options appraisal: schema 3 and later.
    #[serde(default)]
    pub decision: Option<Decision>,
    pub options: Vec<OptionLabel>,
    pub costs: Costs,
    pub risks: Vec<Risk>,
    pub objectives: Vec<Objective>,
    /// The bid evaluation's quotes: absent before schema 3.
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Profile {
    pub id: Text,
    pub name: Text,
    pub date: Text,
    pub source: Text,
    pub classification: Text,
    pub language: Text,
    /// Values set on the command line (`--set`): absent before they were
    /// recorded.
    #[serde(default)]
    pub overrides: Vec<Setting>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Setting {
    pub path: Text,
    pub value: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Fact {
    pub key: Text,
    pub label: Text,
    pub text: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Assumption {
    pub name: Text,
    pub label: Text,
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub unit: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Recommendation {
    pub option: SocOption,
    pub label: Text,
    pub confidence: Text,
    /// The weighted score: schema 2 only.
    #[serde(default)]
    pub score: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Decision {
    pub options: BTreeMap<OptionKey, Appraisal>,
    pub switching_values: Vec<SwitchingValue>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Appraisal {
    pub value: f64,
    pub fits_budget: bool,
    pub feasible: bool,
    pub infeasible_because: Vec<Text>,
    pub opex_needed: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct SwitchingValue {
    pub input: Text,
    pub label: Text,
    pub unit: Text,
    pub current: f64,
    pub value: Option<f64>,
    pub to: Option<SocOption>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct OptionLabel {
    pub option: SocOption,
    pub label: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Costs {
    pub currency: Text,
    pub horizon_years: u64,
    pub options: BTreeMap<OptionKey, OptionCost>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct OptionCost {
    pub total: f64,
    pub range: CostRange,
    pub within_budget: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct CostRange {
    pub p50: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Risk {
    pub kind: Text,
    pub key: Text,
    pub asset: Text,
    pub threat_label: Text,
    pub rating: u64,
    pub band: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Objective {
    pub objective: Text,
    pub target: Text,
    pub due_month: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(expecting = "an object")]
pub struct Quote {
    pub provider: Text,
    pub rank: u64,
    pub annual_fee: f64,
}

/// Why a file is not an assessment `diff` can read: where (a JSON path,
/// or a line and column when it is not JSON) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        reason: String,
    },
    /// A schema version this build does not read.
    Schema { found: String },
    /// A field missing, of the wrong type, or with text the rules refuse.
    Field { path: String, problem: String },
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Syntax {
                line,
                column,
                reason,
            } => write!(
                f,
                "{line}:{column}: not an assessment.json (expected JSON as `socsource report --format json` writes it): {reason}"
            ),
            Unreadable::Schema { found } => write!(
                f,
                "schema_version {found}; this socsource reads version {}",
                READABLE_SCHEMAS
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Unreadable::Field { path, problem } => write!(f, "{path}: {problem}"),
        }
    }
}

/// Read an assessment from the bytes of an `assessment.json`.
pub fn read(bytes: &[u8]) -> Result<Assessment, Unreadable> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        let reason = e.to_string();
        let reason = reason
            .rsplit_once(" at line ")
            .map_or(reason.as_str(), |(r, _)| r)
            .to_string();
        Unreadable::Syntax {
            line: e.line(),
            column: e.column(),
            reason,
        }
    })?;
    from_value(&value)
}

/// Read an assessment from JSON already parsed (a profile evaluated now
/// goes through the same checks as a file).
pub fn from_value(value: &serde_json::Value) -> Result<Assessment, Unreadable> {
    // The version first: a newer file is refused for its version, not for
    // the first field this build does not know.
    match value.get("schema_version") {
        Some(v) => match v.as_u64() {
            Some(n) if READABLE_SCHEMAS.contains(&n) => {}
            _ => {
                return Err(Unreadable::Schema {
                    found: crate::diag::printable(&v.to_string()).into_owned(),
                })
            }
        },
        None if value.is_object() => return Err(Unreadable::Field {
            path: "schema_version".into(),
            problem:
                "missing; is this an assessment.json that `socsource report --format json` wrote?"
                    .into(),
        }),
        None => {}
    }
    let assessment: Assessment =
        serde_path_to_error::deserialize(value).map_err(|e| field_error(&e))?;
    // Fields one version has and the other lacks.
    let path_missing = |path: &str| Unreadable::Field {
        path: path.into(),
        problem: "missing".into(),
    };
    if assessment.schema_version >= 3 && assessment.decision.is_none() {
        return Err(path_missing("decision"));
    }
    if assessment.schema_version == 2 && assessment.recommendation.score.is_none() {
        return Err(path_missing("recommendation.score"));
    }
    Ok(assessment)
}

/// serde's account of a field it could not read, in a reader's words.
fn field_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Unreadable {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    let raw = e.inner().to_string();
    let join = |field: &str| {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(field) = raw
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return Unreadable::Field {
            path: join(field),
            problem: "missing".into(),
        };
    }
    let problem = if let Some(rest) = raw.strip_prefix("invalid type: ") {
        match rest.rsplit_once(", expected ") {
            Some((found, expected)) => {
                format!(
                    "expected {}, found {}",
                    expected_words(expected),
                    found_words(found)
                )
            }
            None => raw.clone(),
        }
    } else if let Some(rest) = raw.strip_prefix("invalid value: ") {
        match rest.rsplit_once(", expected ") {
            Some((found, expected)) => {
                format!(
                    "expected {}, found {}",
                    expected_words(expected),
                    found_words(found)
                )
            }
            None => raw.clone(),
        }
    } else if let Some(rest) = raw.strip_prefix("unknown variant ") {
        format!("unknown option {rest}")
    } else if let Some(rest) = raw.strip_prefix("invalid length ") {
        match rest.split_once(", expected ") {
            Some((n, expected)) => {
                format!("expected {}, found a list of {n}", expected_words(expected))
            }
            None => raw.clone(),
        }
    } else {
        raw.clone()
    };
    Unreadable::Field {
        path: if path.is_empty() {
            "the file".into()
        } else {
            path
        },
        problem: crate::diag::printable(&problem).into_owned(),
    }
}

/// serde's name for what it expected, as the docs name JSON types.
fn expected_words(expected: &str) -> String {
    match expected {
        "f64" | "a number" => "a number".into(),
        "u64" | "u32" | "u8" => "a whole number".into(),
        "a boolean" => "`true` or `false`".into(),
        "a string" => "text".into(),
        "a sequence" => "a list".into(),
        "a map" => "an object".into(),
        "variant identifier" => "one of `in_house`, `outsourced`, `hybrid`".into(),
        other => other.to_string(),
    }
}

/// serde's name for what it found.
fn found_words(found: &str) -> String {
    let quoted = |prefix: &str, what: &str| {
        found
            .strip_prefix(prefix)
            .map(|rest| format!("{what} {}", rest.trim_matches('`')))
    };
    quoted("integer ", "the number")
        .or_else(|| quoted("floating point ", "the number"))
        .or_else(|| quoted("boolean ", "the boolean"))
        .or_else(|| quoted("string ", "the text"))
        .unwrap_or_else(|| match found {
            "map" => "an object".into(),
            "sequence" => "a list".into(),
            "null" => "null".into(),
            other => other.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> serde_json::Value {
        json!({
            "schema_version": SCHEMA_VERSION,
            "generator": "socsource test",
            "profile": {"id": "acme", "name": "Acme", "date": "2026-01-01", "source": "acme.yaml", "classification": "Confidential", "language": "en"},
            "facts": [],
            "assumptions": [],
            "recommendation": {"option": "hybrid", "label": "Hybrid", "confidence": "high"},
            "decision": {"options": {}, "switching_values": []},
            "options": [],
            "costs": {"currency": "USD", "horizon_years": 5, "options": {}},
            "risks": [],
            "objectives": []
        })
    }

    fn problem(v: &serde_json::Value) -> String {
        from_value(v).unwrap_err().to_string()
    }

    #[test]
    fn every_missing_or_mistyped_field_is_named_by_its_path() {
        assert!(from_value(&minimal()).is_ok());
        let mut v = minimal();
        v["costs"] = json!(5);
        assert_eq!(problem(&v), "costs: expected an object, found the number 5");
        let mut v = minimal();
        v.as_object_mut().unwrap().remove("risks");
        assert_eq!(problem(&v), "risks: missing");
        let mut v = minimal();
        v["costs"]["options"]["hybrid"] =
            json!({"total": "12", "range": {"p50": 1}, "within_budget": true});
        assert_eq!(
            problem(&v),
            "costs.options.hybrid.total: expected a number, found the text \"12\""
        );
        let mut v = minimal();
        v["risks"] = json!([{"kind": "threat", "key": "k", "asset": "a", "threat_label": "t", "rating": -1, "band": "b"}]);
        assert_eq!(
            problem(&v),
            "risks[0].rating: expected a whole number, found the number -1"
        );
        let mut v = minimal();
        v["recommendation"]["option"] = json!("everything");
        assert!(problem(&v).starts_with("recommendation.option: unknown option `everything`"));
        let mut v = minimal();
        v["costs"]["options"]["everything"] = json!({});
        assert_eq!(
            problem(&v),
            "costs.options.everything: unknown option `everything`; expected one of `in_house`, `outsourced`, `hybrid`"
        );
        let mut v = minimal();
        v.as_object_mut().unwrap().remove("decision");
        assert_eq!(problem(&v), "decision: missing");
        let mut v = minimal();
        v["schema_version"] = json!(2);
        v.as_object_mut().unwrap().remove("decision");
        assert_eq!(problem(&v), "recommendation.score: missing");
        v["recommendation"]["score"] = json!(0.4);
        assert!(
            from_value(&v).is_ok(),
            "schema 2 has neither a decision nor quotes"
        );
    }

    #[test]
    fn text_follows_the_profile_rules() {
        let mut v = minimal();
        v["profile"]["name"] = json!("Acme \u{202E}kcab");
        assert_eq!(
            problem(&v),
            "profile.name: the text contains a character that reorders the text around it (U+202E)"
        );
        let mut v = minimal();
        v["facts"] = json!([{"key": "k", "label": "\u{1b}[2J", "text": "t"}]);
        assert!(problem(&v)
            .starts_with("facts[0].label: the text contains a control character (U+001B)"));
    }

    #[test]
    fn not_json_and_other_versions_say_so() {
        assert!(matches!(
            read(b"{\"a\": "),
            Err(Unreadable::Syntax { line: 1, .. })
        ));
        let mut v = minimal();
        v["schema_version"] = json!(99);
        assert_eq!(
            problem(&v),
            "schema_version 99; this socsource reads version 2, 3"
        );
        assert_eq!(
            problem(&json!({"x": 1})),
            "schema_version: missing; is this an assessment.json that `socsource report --format json` wrote?"
        );
        assert_eq!(
            problem(&json!([1])),
            "the file: expected an object, found a list of 1"
        );
    }
}
