//! Change over time: two assessments of one organisation in, what changed
//! between them out.
//!
//! The assessments are read as JSON (`assessment.json` files, or a
//! profile evaluated on the spot and serialised), so an assessment written
//! by an earlier run compares with today's as long as its schema version is
//! one this build reads. Only what a board asks about is compared: the
//! recommendation, every input the report lists (and every assumption
//! value), the cost of each option, the risks, and the objectives.

use crate::evaluate::assessment::SCHEMA_VERSION;
use crate::evaluate::words::decimal;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Schema versions of `assessment.json` this build can compare.
pub const READABLE_SCHEMAS: &[u64] = &[2, SCHEMA_VERSION as u64];

/// Why two assessments cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotComparable {
    #[error("{side} is not an assessment: it has no {what}")]
    NotAnAssessment {
        side: &'static str,
        what: &'static str,
    },
    #[error(
        "{side} has schema_version {found}; this socsource reads version {}",
        READABLE_SCHEMAS.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
    )]
    Schema { side: &'static str, found: String },
    #[error("they assess different organisations: `{old}` then, `{new}` now (the profile id must be the same)")]
    Organisation { old: String, new: String },
}

/// The recommendation on one side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub date: String,
    pub source: String,
    pub generator: String,
    pub option: String,
    pub label: String,
    pub confidence: String,
    /// The recommended option's value in the appraisal (schema 3 and
    /// later), or the weighted score of schema 2, with its words.
    pub standing: f64,
    pub standing_text: String,
    pub currency: String,
    pub horizon_years: u64,
}

/// An input that differs: present on one side only when the other lacks it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputChange {
    pub path: String,
    pub label: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostChange {
    pub option: String,
    pub label: String,
    pub old_total: f64,
    pub new_total: f64,
    pub change: f64,
    /// The change as a share of the old total, when it had one.
    pub change_share: Option<f64>,
    pub old_p50: f64,
    pub new_p50: f64,
    /// Whether the option fits the budget then and now (schema 3 and
    /// later: the median draw fits every year; schema 2: at likely values).
    pub old_fits: Option<bool>,
    pub new_fits: Option<bool>,
}

/// A quote of the bid evaluation: added, removed, or ranked differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteChange {
    pub provider: String,
    /// `added`, `removed`, `reranked` or `same`.
    pub change: String,
    pub old_rank: Option<u64>,
    pub new_rank: Option<u64>,
    pub old_fee: Option<f64>,
    pub new_fee: Option<f64>,
}

/// A risk as the comparison lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskLine {
    pub threat: String,
    pub asset: String,
    pub rating: u64,
    pub band: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskMove {
    pub threat: String,
    pub asset: String,
    pub old_rating: u64,
    pub new_rating: u64,
    pub old_band: String,
    pub new_band: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveChange {
    pub objective: String,
    /// `added`, `dropped`, `moved` (target or due month changed), or `due`
    /// (the same, but the old assessment's due date has passed by the new
    /// one's date: time to say whether it was met).
    pub change: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The month (`YYYY-MM`) the old assessment set the objective for, when
    /// that is on or before the new assessment's date.
    pub due_by: Option<String>,
}

/// What changed between two assessments of one organisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub id: String,
    pub organisation: String,
    pub classification: String,
    pub language: String,
    pub old: Side,
    pub new: Side,
    pub recommendation_changed: bool,
    pub inputs: Vec<InputChange>,
    pub costs: Vec<CostChange>,
    /// Costs are in different currencies or over different horizons, so
    /// their change is shown but not as a like-for-like difference.
    pub costs_comparable: bool,
    pub risks_appeared: Vec<RiskLine>,
    pub risks_gone: Vec<RiskLine>,
    pub risks_moved: Vec<RiskMove>,
    pub objectives: Vec<ObjectiveChange>,
    /// The quotes of either side, in the new ranking, then those removed.
    pub quotes: Vec<QuoteChange>,
    /// Nothing the comparison looks at differs.
    pub unchanged: bool,
    /// One sentence for the top of the document.
    pub summary: String,
}

fn text(v: &Value, pointer: &str) -> String {
    match v.pointer(pointer) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn number(v: &Value, pointer: &str) -> f64 {
    v.pointer(pointer).and_then(Value::as_f64).unwrap_or(0.0)
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn side(v: &Value) -> Side {
    Side {
        date: text(v, "/profile/date"),
        source: text(v, "/profile/source"),
        generator: text(v, "/generator"),
        option: text(v, "/recommendation/option"),
        label: text(v, "/recommendation/label"),
        confidence: text(v, "/recommendation/confidence"),
        standing: standing(v),
        standing_text: standing_text(v),
        currency: text(v, "/costs/currency"),
        horizon_years: v
            .pointer("/costs/horizon_years")
            .and_then(Value::as_u64)
            .unwrap_or(0),
    }
}

/// How strongly the recommendation stands: its value in the options
/// appraisal, or (schema 2) the weighted score.
fn standing(v: &Value) -> f64 {
    let option = text(v, "/recommendation/option");
    v.pointer(&format!("/decision/options/{option}/value"))
        .and_then(Value::as_f64)
        .unwrap_or_else(|| number(v, "/recommendation/score"))
}

fn standing_text(v: &Value) -> String {
    if v.pointer("/decision/options").is_some() {
        format!("value {:.3}", standing(v))
    } else {
        format!("score {:+.2}", standing(v))
    }
}

fn check(v: &Value, side: &'static str) -> Result<(), NotComparable> {
    for (pointer, what) in [
        ("/schema_version", "schema_version"),
        ("/profile/id", "profile id"),
        ("/recommendation/option", "recommendation"),
    ] {
        if v.pointer(pointer).is_none() {
            return Err(NotComparable::NotAnAssessment { side, what });
        }
    }
    match v.get("schema_version").and_then(Value::as_u64) {
        Some(n) if READABLE_SCHEMAS.contains(&n) => Ok(()),
        _ => Err(NotComparable::Schema {
            side,
            found: v
                .get("schema_version")
                .map_or_else(String::new, Value::to_string),
        }),
    }
}

/// Compare the assessment `old` with `new`.
pub fn compare(old: &Value, new: &Value) -> Result<Comparison, NotComparable> {
    check(old, "the old assessment")?;
    check(new, "the new assessment")?;
    let (old_id, new_id) = (text(old, "/profile/id"), text(new, "/profile/id"));
    if old_id != new_id {
        return Err(NotComparable::Organisation {
            old: old_id,
            new: new_id,
        });
    }
    let (then, now) = (side(old), side(new));
    let inputs = inputs(old, new);
    let costs_comparable = then.currency == now.currency && then.horizon_years == now.horizon_years;
    let costs = costs(old, new);
    let (risks_appeared, risks_gone, risks_moved) = risks(old, new);
    let objectives = objectives(old, new);
    let quotes = quotes(old, new);
    let recommendation_changed = then.option != now.option;
    let cost_moved = costs.iter().any(|c| c.change.abs() >= 0.5);
    let unchanged = !recommendation_changed
        && (then.standing - now.standing).abs() < 1e-9
        && then.confidence == now.confidence
        && inputs.is_empty()
        && !cost_moved
        && risks_appeared.is_empty()
        && risks_gone.is_empty()
        && risks_moved.is_empty()
        && objectives.is_empty()
        && quotes.iter().all(|q| q.change == "same");
    let differ = match inputs.len() {
        0 => "no input differs".to_string(),
        1 => "1 input differs".to_string(),
        n => format!("{n} inputs differ"),
    };
    let summary = if unchanged {
        "Nothing compared has changed: the same recommendation, inputs, costs, risks and objectives"
            .to_string()
    } else if recommendation_changed {
        format!(
            "The recommendation has changed from {} to {}; {differ}",
            then.label, now.label
        )
    } else {
        format!(
            "The recommendation is still {} ({} confidence, {} now, {} then); {differ}",
            now.label, now.confidence, now.standing_text, then.standing_text
        )
    };
    Ok(Comparison {
        id: new_id,
        organisation: text(new, "/profile/name"),
        classification: text(new, "/profile/classification"),
        language: text(new, "/profile/language"),
        old: then,
        new: now,
        recommendation_changed,
        inputs,
        costs,
        costs_comparable,
        risks_appeared,
        risks_gone,
        risks_moved,
        objectives,
        quotes,
        unchanged,
        summary,
    })
}

/// The report's facts by key path, and every assumption's value, on both
/// sides: each that differs.
fn inputs(old: &Value, new: &Value) -> Vec<InputChange> {
    fn facts(v: &Value) -> BTreeMap<String, (String, String)> {
        let mut out: BTreeMap<String, (String, String)> = list(v, "facts")
            .iter()
            .map(|f| (text(f, "/key"), (text(f, "/label"), text(f, "/text"))))
            .collect();
        for a in list(v, "assumptions") {
            let shown = |key: &str| match a.get(key) {
                Some(Value::Number(n)) => n.as_f64().map_or_else(|| n.to_string(), decimal),
                _ => text(a, &format!("/{key}")),
            };
            let (value, low, high) = (shown("value"), shown("low"), shown("high"));
            // The range is part of the assumption: a wider range with the
            // same likely value changes the simulated costs.
            let range = if low == value && high == value {
                String::new()
            } else {
                format!(" ({low} to {high})")
            };
            let unit = text(a, "/unit");
            out.insert(
                format!("assumptions.{}", text(a, "/name")),
                (
                    text(a, "/label"),
                    format!("{value}{range} {unit}").trim().to_string(),
                ),
            );
        }
        out
    }
    let (then, now) = (facts(old), facts(new));
    let mut keys: Vec<&String> = then.keys().chain(now.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (a, b) = (then.get(k), now.get(k));
            if a.map(|x| &x.1) == b.map(|x| &x.1) {
                return None;
            }
            Some(InputChange {
                path: k.clone(),
                label: b.or(a).map(|x| x.0.clone()).unwrap_or_default(),
                old: a.map(|x| x.1.clone()),
                new: b.map(|x| x.1.clone()),
            })
        })
        .collect()
}

fn costs(old: &Value, new: &Value) -> Vec<CostChange> {
    ["in_house", "outsourced", "hybrid"]
        .iter()
        .filter(|o| {
            old.pointer(&format!("/costs/options/{o}")).is_some()
                || new.pointer(&format!("/costs/options/{o}")).is_some()
        })
        .map(|o| {
            let total = |v: &Value| number(v, &format!("/costs/options/{o}/total"));
            let p50 = |v: &Value| number(v, &format!("/costs/options/{o}/range/p50"));
            let (a, b) = (total(old), total(new));
            let label = list(new, "options")
                .iter()
                .find(|x| text(x, "/option") == *o)
                .map(|x| text(x, "/label"))
                .unwrap_or_else(|| (*o).to_string());
            CostChange {
                option: (*o).to_string(),
                label,
                old_total: a,
                new_total: b,
                change: b - a,
                change_share: (a > 0.0).then(|| (b - a) / a),
                old_p50: p50(old),
                new_p50: p50(new),
                old_fits: fits(old, o),
                new_fits: fits(new, o),
            }
        })
        .collect()
}

/// Whether an option fits the budget on one side.
fn fits(v: &Value, option: &str) -> Option<bool> {
    v.pointer(&format!("/decision/options/{option}/fits_budget"))
        .or_else(|| v.pointer(&format!("/costs/options/{option}/within_budget")))
        .and_then(Value::as_bool)
}

/// The quotes on either side, by provider: added, removed, re-ranked.
fn quotes(old: &Value, new: &Value) -> Vec<QuoteChange> {
    fn by_provider(v: &Value) -> BTreeMap<String, (u64, f64)> {
        list(v, "quotes")
            .iter()
            .map(|q| {
                (
                    text(q, "/provider"),
                    (
                        q.get("rank").and_then(Value::as_u64).unwrap_or(0),
                        number(q, "/annual_fee"),
                    ),
                )
            })
            .collect()
    }
    let (then, now) = (by_provider(old), by_provider(new));
    let mut out: Vec<QuoteChange> = now
        .iter()
        .map(|(p, (rank, fee))| {
            let before = then.get(p);
            QuoteChange {
                provider: p.clone(),
                change: match before {
                    None => "added",
                    Some((r, f)) if r == rank && (f - fee).abs() < 0.5 => "same",
                    Some(_) => "reranked",
                }
                .to_string(),
                old_rank: before.map(|b| b.0),
                new_rank: Some(*rank),
                old_fee: before.map(|b| b.1),
                new_fee: Some(*fee),
            }
        })
        .collect();
    out.sort_by_key(|q| q.new_rank);
    out.extend(
        then.iter()
            .filter(|(p, _)| !now.contains_key(*p))
            .map(|(p, (rank, fee))| QuoteChange {
                provider: p.clone(),
                change: "removed".into(),
                old_rank: Some(*rank),
                new_rank: None,
                old_fee: Some(*fee),
                new_fee: None,
            }),
    );
    out
}

type RiskChanges = (Vec<RiskLine>, Vec<RiskLine>, Vec<RiskMove>);

/// Risks by what they are (kind, threat and asset), not by their number
/// in the register, which follows the ratings.
fn risks(old: &Value, new: &Value) -> RiskChanges {
    fn by_key(v: &Value) -> BTreeMap<(String, String, String), RiskLine> {
        list(v, "risks")
            .iter()
            .map(|r| {
                (
                    (text(r, "/kind"), text(r, "/key"), text(r, "/asset")),
                    RiskLine {
                        threat: text(r, "/threat_label"),
                        asset: text(r, "/asset"),
                        rating: r.get("rating").and_then(Value::as_u64).unwrap_or(0),
                        band: text(r, "/band"),
                    },
                )
            })
            .collect()
    }
    let (then, now) = (by_key(old), by_key(new));
    let appeared = now
        .iter()
        .filter(|(k, _)| !then.contains_key(*k))
        .map(|(_, r)| r.clone())
        .collect();
    let gone = then
        .iter()
        .filter(|(k, _)| !now.contains_key(*k))
        .map(|(_, r)| r.clone())
        .collect();
    let moved = now
        .iter()
        .filter_map(|(k, b)| {
            let a = then.get(k)?;
            (a.rating != b.rating || a.band != b.band).then(|| RiskMove {
                threat: b.threat.clone(),
                asset: b.asset.clone(),
                old_rating: a.rating,
                new_rating: b.rating,
                old_band: a.band.clone(),
                new_band: b.band.clone(),
            })
        })
        .collect();
    (appeared, gone, moved)
}

/// Objectives by their wording's stem (the text before any count in
/// brackets), so "Monitor every critical asset (3 listed)" and "(5
/// listed)" are one objective that moved.
fn objectives(old: &Value, new: &Value) -> Vec<ObjectiveChange> {
    fn by_stem(v: &Value) -> BTreeMap<String, (String, String, Option<u64>)> {
        list(v, "objectives")
            .iter()
            .map(|o| {
                let wording = text(o, "/objective");
                // The wording carries counts ("(3 listed)") that change
                // with the profile; the objective is the same one.
                let stem = wording.split(" (").next().unwrap_or(&wording).to_string();
                let due = o.get("due_month").and_then(Value::as_u64);
                let due_text = due.map_or_else(String::new, |m| format!(", by month {m}"));
                (
                    stem,
                    (wording, format!("{}{due_text}", text(o, "/target")), due),
                )
            })
            .collect()
    }
    let (then, now) = (by_stem(old), by_stem(new));
    let (old_date, new_date) = (
        month_of(&text(old, "/profile/date")),
        month_of(&text(new, "/profile/date")),
    );
    // Month N of the old plan is N months after the old assessment.
    let due_by = |due: Option<u64>| -> Option<String> {
        let (start, today) = (old_date?, new_date?);
        let at = start + due?;
        (at <= today).then(|| format!("{:04}-{:02}", at / 12, at % 12 + 1))
    };
    let mut keys: Vec<&String> = then.keys().chain(now.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let change = |change: &str, objective: &str| ObjectiveChange {
                objective: objective.to_string(),
                change: change.into(),
                old: then.get(k).map(|a| a.1.clone()),
                new: now.get(k).map(|b| b.1.clone()),
                due_by: then.get(k).and_then(|a| due_by(a.2)),
            };
            match (then.get(k), now.get(k)) {
                (Some(a), Some(b)) if a == b => due_by(a.2).map(|_| change("due", &b.0)),
                (Some(_), Some(b)) => Some(change("moved", &b.0)),
                (None, Some(b)) => Some(change("added", &b.0)),
                (Some(a), None) => Some(change("dropped", &a.0)),
                (None, None) => None,
            }
        })
        .collect()
}

/// `YYYY-MM-DD` as months since year 0, for due dates.
fn month_of(date: &str) -> Option<u64> {
    let mut parts = date.split('-');
    let year: u64 = parts.next()?.parse().ok()?;
    let month: u64 = parts.next()?.parse().ok()?;
    (1..=12).contains(&month).then(|| year * 12 + month - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn assessment(id: &str, option: &str, opex: f64) -> Value {
        json!({
            "schema_version": SCHEMA_VERSION,
            "generator": "socsource test",
            "profile": {"id": id, "name": "Acme", "date": "2026-01-01", "source": "acme.yaml", "classification": "Confidential", "language": "en"},
            "facts": [{"key": "budget.annual_opex", "label": "Operating budget", "text": format!("USD {opex}")}],
            "assumptions": [],
            "recommendation": {"option": option, "label": option, "confidence": "high", "score": 0.5},
            "options": [],
            "costs": {"currency": "USD", "horizon_years": 5, "options": {"in_house": {"total": opex * 5.0, "range": {"p50": opex * 5.0}}}},
            "risks": [{"kind": "threat", "key": "ransomware", "asset": "Mail", "threat_label": "Ransomware", "rating": 12, "band": "high"}],
            "objectives": []
        })
    }

    #[test]
    fn an_assessment_compared_with_itself_has_no_change() {
        let a = assessment("acme", "in_house", 100.0);
        let c = compare(&a, &a).unwrap();
        assert!(c.unchanged, "{c:?}");
        assert!(c.inputs.is_empty() && c.risks_moved.is_empty());
    }

    #[test]
    fn changes_are_found_and_other_organisations_refused() {
        let (a, b) = (
            assessment("acme", "in_house", 100.0),
            assessment("acme", "hybrid", 80.0),
        );
        let c = compare(&a, &b).unwrap();
        assert!(c.recommendation_changed && !c.unchanged);
        assert_eq!(c.inputs[0].path, "budget.annual_opex");
        assert_eq!(c.costs[0].change, -100.0);
        assert_eq!(
            compare(&a, &assessment("other", "in_house", 1.0)),
            Err(NotComparable::Organisation {
                old: "acme".into(),
                new: "other".into()
            })
        );
        let mut future = a.clone();
        future["schema_version"] = json!(99);
        assert!(matches!(
            compare(&future, &a),
            Err(NotComparable::Schema { .. })
        ));
        assert!(matches!(
            compare(&json!({"x": 1}), &a),
            Err(NotComparable::NotAnAssessment { .. })
        ));
    }
}
