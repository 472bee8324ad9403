//! The JSON Schema (draft 2020-12) of the profile format, generated from the
//! format table so it can never drift from what the validator accepts.
//!
//! Editors use it through yaml-language-server for completion and checking:
//! `# yaml-language-server: $schema=./profile.schema.json`.

use super::format::{self, DefaultValue, Field, Kind};
use crate::reference::{assumptions, countries, currencies};
use serde_json::{json, Map, Value};

pub(crate) fn profile_schema() -> Value {
    let mut root = record(format::PROFILE);
    if let Value::Object(map) = &mut root {
        map.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        map.insert("$id".into(), json!("urn:socsource:profile:1"));
        map.insert(
            "title".into(),
            json!("socsource organisation profile, version 1"),
        );
        map.insert(
            "description".into(),
            json!("One organisation's facts, for the socsource SOC sourcing evaluation."),
        );
    }
    root
}

fn record(fields: &[Field]) -> Value {
    let mut properties = Map::new();
    for f in fields {
        let mut schema = kind(&f.kind);
        if let Value::Object(map) = &mut schema {
            let description = match (f.default, f.default.json()) {
                (_, Some(Value::String(text))) => format!("{} Default: {text}.", f.doc),
                (_, Some(value)) => format!("{} Default: {value}.", f.doc),
                (DefaultValue::Derived(words), None) => format!("{} Default: {words}.", f.doc),
                _ => format!("{} Required.", f.doc),
            };
            map.insert("description".into(), json!(description));
            if let Some(default) = f.default.json() {
                map.insert("default".into(), default);
            }
        }
        properties.insert(f.name.into(), schema);
    }
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let mut out = Map::new();
    out.insert("type".into(), json!("object"));
    out.insert("additionalProperties".into(), json!(false));
    out.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        out.insert("required".into(), json!(required));
    }
    Value::Object(out)
}

/// One line of text without the characters the text rules refuse (see
/// `crate::diag::is_hidden_or_control`; those outside the Basic
/// Multilingual Plane, which a schema pattern cannot name portably, are
/// left to the validator).
const TEXT_PATTERN: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFDD0-\\uFDEF\\uFEFF\\uFFF9-\\uFFFB\\uFFFE\\uFFFF]*$";

fn kind(k: &Kind) -> Value {
    match k {
        Kind::Int { min, max } => json!({"type": "integer", "minimum": min, "maximum": max}),
        Kind::Number { min, max } => json!({"type": "number", "minimum": min, "maximum": max}),
        Kind::Bool => json!({"type": "boolean"}),
        Kind::Text { max_chars } => {
            json!({"type": "string", "minLength": 1, "maxLength": max_chars, "pattern": TEXT_PATTERN})
        }
        Kind::Slug => json!({
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]{0,63}$",
            "not": {"pattern": "^(con|prn|aux|nul|com[0-9]|lpt[0-9])$"}
        }),
        Kind::Country { allow_eu } => {
            let mut codes: Vec<&str> = countries::ISO_3166_ALPHA2.to_vec();
            if *allow_eu {
                codes.push("EU");
            }
            json!({"type": "string", "enum": codes})
        }
        Kind::Currency => json!({"type": "string", "enum": currencies::ISO_4217}),
        Kind::Date => {
            json!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
        }
        Kind::Enum(keys) => json!({"type": "string", "enum": keys}),
        Kind::OpenEnum(keys) => {
            json!({"anyOf": [{"enum": keys}, {"type": "string", "maxLength": 60}]})
        }
        Kind::List { item, max_items } => {
            json!({"type": "array", "items": kind(item), "maxItems": max_items})
        }
        Kind::Record(fields) => record(fields),
        Kind::Assumptions => {
            let mut properties = Map::new();
            for a in assumptions::CATALOGUE {
                let number = json!({"type": "number", "minimum": a.min, "maximum": a.max});
                properties.insert(
                    a.name.into(),
                    json!({
                        "description": format!(
                            "{}. Default: {}. One number sets the likely value and keeps the default's spread; low, likely and high set the whole range.",
                            a.label, a.rule
                        ),
                        "oneOf": [
                            number,
                            {
                                "type": "object",
                                "additionalProperties": false,
                                "required": ["low", "likely", "high"],
                                "properties": {"low": number, "likely": number, "high": number},
                            },
                        ],
                    }),
                );
            }
            json!({"type": "object", "additionalProperties": false, "properties": properties})
        }
        Kind::Overrides => json!({
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"enum": format::settable_paths()},
        }),
    }
}
