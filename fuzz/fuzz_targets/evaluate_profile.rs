//! Evaluation of arbitrary *valid* profiles (structured fuzzing).
//!
//! The generator walks the profile format table (`profile::format`), the
//! same table the validator walks, and produces a value of the right kind and
//! range for every required key and a random selection of optional ones. So
//! the target checks three things at once: the validator accepts everything
//! the table promises, the evaluation never panics on any of it (including
//! the extremes: 10 million endpoints, 1e13 of money, 10-year horizons), and
//! the assessment keeps its invariants.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};
use socsource::internals::evaluate::{evaluate, Options, SocOption};
use socsource::internals::profile::format::{
    id_is_reserved, refused_in_text, settable, settable_paths, Field, Kind, Settable, PROFILE,
};
use socsource::internals::profile::{load_bytes, model::Date, LoadOptions};
use socsource::internals::reference::{assumptions::CATALOGUE, countries, currencies};
use socsource::GENERATOR;

/// A profile as JSON, which is also YAML.
#[derive(Debug)]
struct ValidProfile(Value);

impl<'a> Arbitrary<'a> for ValidProfile {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(ValidProfile(record(u, PROFILE)?))
    }
}

fn record(u: &mut Unstructured<'_>, fields: &'static [Field]) -> Result<Value> {
    let mut map = Map::new();
    for f in fields {
        if f.required || u.arbitrary::<bool>()? {
            map.insert(f.name.to_string(), value(u, &f.kind)?);
        }
    }
    Ok(Value::Object(map))
}

fn number_in(u: &mut Unstructured<'_>, min: f64, max: f64) -> Result<f64> {
    Ok(match u.int_in_range(0u8..=4)? {
        0 => min,
        1 => max,
        // Uniform over the range: mostly huge values when the range is wide.
        2 => min + (max - min) * (u.arbitrary::<u32>()? as f64 / u32::MAX as f64),
        // Log-uniform from 1: the values real profiles use.
        _ => {
            let hi = max.max(1.0).ln();
            let x = (hi * (u.arbitrary::<u16>()? as f64 / u16::MAX as f64)).exp();
            x.clamp(min, max)
        }
    })
}

fn text(u: &mut Unstructured<'_>, max_chars: usize) -> Result<String> {
    let raw: String = u.arbitrary()?;
    let mut s: String = raw
        .chars()
        .filter(|c| !refused_in_text(*c))
        .take(max_chars)
        .collect();
    s = s.trim().to_string();
    if s.is_empty() {
        s.push_str("Acme <b>&amp;</b> *Ltd* [x](javascript:alert(1)) {{ a }} {% if %}");
        s.truncate(max_chars);
    }
    Ok(s)
}

fn value(u: &mut Unstructured<'_>, kind: &'static Kind) -> Result<Value> {
    Ok(match kind {
        Kind::Int { min, max } => {
            let n = number_in(u, *min as f64, *max as f64)?.round() as i64;
            Value::from(n.clamp(*min, *max))
        }
        Kind::Number { min, max } => Value::from(number_in(u, *min, *max)?),
        Kind::Bool => Value::Bool(u.arbitrary()?),
        Kind::Text { max_chars } => Value::String(text(u, *max_chars)?),
        Kind::Slug => {
            let len = u.int_in_range(1..=64)?;
            let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789-";
            let mut s = String::new();
            for i in 0..len {
                let set = if i == 0 {
                    &alphabet[..36]
                } else {
                    &alphabet[..]
                };
                s.push(*u.choose(set)? as char);
            }
            // `con`, `nul`, `com1` ... name no folder on Windows.
            if id_is_reserved(&s) {
                s.push('x');
            }
            Value::String(s)
        }
        Kind::Country { allow_eu } => {
            if *allow_eu && u.ratio(1, 8)? {
                Value::from("EU")
            } else {
                Value::from(*u.choose(countries::ISO_3166_ALPHA2)?)
            }
        }
        Kind::Currency => Value::from(u.choose(currencies::USD_RATES)?.0),
        Kind::Date => {
            let year = u.int_in_range(1i32..=9999)?;
            let month = u.int_in_range(1u8..=12)?;
            let day = u.int_in_range(1u8..=28)?;
            Value::String(format!("{year:04}-{month:02}-{day:02}"))
        }
        Kind::Enum(keys) => Value::from(*u.choose(keys)?),
        Kind::OpenEnum(keys) => {
            if u.ratio(1, 10)? {
                Value::from(format!("custom-{}", u.int_in_range(0u8..=9)?))
            } else {
                Value::from(*u.choose(keys)?)
            }
        }
        Kind::List { item, max_items } => {
            let n = u.int_in_range(0..=(*max_items).min(12))?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(value(u, item)?);
            }
            Value::Array(items)
        }
        Kind::Record(fields) => record(u, fields)?,
        Kind::Assumptions => {
            let mut map = Map::new();
            for _ in 0..u.int_in_range(0..=6)? {
                let spec = u.choose(CATALOGUE)?;
                map.insert(
                    spec.name.to_string(),
                    Value::from(number_in(u, spec.min, spec.max)?),
                );
            }
            Value::Object(map)
        }
        Kind::Overrides => {
            // Leaf keys only, so no two overlap; not the weights or the risk,
            // whose cross-key rules the table cannot express.
            let paths: Vec<String> = settable_paths()
                .into_iter()
                .filter(|p| !p.starts_with("weights") && !p.starts_with("risk"))
                .collect();
            let mut map = Map::new();
            for _ in 0..u.int_in_range(1..=3)? {
                let path = u.choose(&paths)?.clone();
                let v = match settable(&path) {
                    Ok(Settable::Field(f)) if !matches!(f.kind, Kind::Record(_)) => {
                        value(u, &f.kind)?
                    }
                    Ok(Settable::Assumption(name)) => {
                        let spec = CATALOGUE.iter().find(|a| a.name == name).unwrap();
                        Value::from(number_in(u, spec.min, spec.max)?)
                    }
                    _ => continue,
                };
                map.insert(path, v);
            }
            if map.is_empty() {
                map.insert("budget.capex".into(), Value::from(0));
            }
            Value::Object(map)
        }
    })
}

/// Numbers the bidders of a list of quotes, so that no two share a name.
fn one_quote_per_bidder(quotes: &mut Value) {
    if let Value::Array(items) = quotes {
        for (i, item) in items.iter_mut().enumerate() {
            let name: String = item["provider"]
                .as_str()
                .unwrap_or("")
                .chars()
                .take(70)
                .collect();
            item["provider"] = Value::from(format!("{i} {name}").trim().to_string());
        }
    }
}

fuzz_target!(|profile: ValidProfile| {
    let weights_all_zero = profile.0.get("weights").is_some_and(|w| {
        w.as_object()
            .is_some_and(|m| m.len() == 8 && m.values().all(|v| v.as_f64() == Some(0.0)))
    });
    let mut profile = profile;
    // The threats behind incidents need incidents: a cross-key rule the
    // table cannot say either, so the generator keeps to it here.
    if let Some(Value::Object(risk)) = profile.0.get_mut("risk") {
        let incidents = risk
            .get("incidents_last_24_months")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        if incidents == 0 {
            risk.remove("incident_threats");
        }
    }
    // Each bidder quotes once (providers compared without case): another
    // cross-key rule. Without it the seeds themselves were refused, since
    // every empty name falls back to the same text.
    if let Some(quotes) = profile.0.get_mut("quotes") {
        one_quote_per_bidder(quotes);
    }
    // Logos name files beside the profile, which a generated path does not;
    // the loader's checks of them are fuzzed by `load_profile`.
    if let Some(Value::Object(report)) = profile.0.get_mut("report") {
        report.remove("logo");
        report.remove("client_logo");
    }
    // A scenario may change the quote a profile has, not add half of one;
    // and, as above, it names no logo file.
    let has_quote = profile.0.get("mssp_quote").is_some();
    if let Some(Value::Array(items)) = profile.0.get_mut("scenarios") {
        for item in items.iter_mut() {
            if let Some(Value::Object(set)) = item.get_mut("set") {
                set.retain(|path, _| {
                    (has_quote || !path.starts_with("mssp_quote."))
                        && path != "report.logo"
                        && path != "report.client_logo"
                });
                // A section and a key inside it overlap: keep the key.
                let paths: Vec<String> = set.keys().cloned().collect();
                set.retain(|path, _| {
                    !paths
                        .iter()
                        .any(|other| other.starts_with(&format!("{path}.")))
                });
                if set.is_empty() {
                    set.insert("budget.capex".into(), Value::from(0));
                }
                if let Some(quotes) = set.get_mut("quotes") {
                    one_quote_per_bidder(quotes);
                }
            }
        }
    }
    // Scenario names must differ; the table cannot say so.
    if let Some(Value::Array(items)) = profile.0.get_mut("scenarios") {
        for (i, item) in items.iter_mut().enumerate() {
            let name: String = item["name"]
                .as_str()
                .unwrap_or("")
                .chars()
                .take(70)
                .collect();
            item["name"] = Value::from(format!("{i} {name}").trim().to_string());
        }
    }
    let yaml = serde_json::to_string_pretty(&profile.0).unwrap();
    let options = LoadOptions::on(Date::new(2026, 11, 26).unwrap());
    let loaded = match load_bytes("fuzz.yaml", "fuzz", yaml.as_bytes(), &options) {
        Ok(loaded) => loaded,
        // The one cross-key rule the table cannot express.
        Err(_) if weights_all_zero => return,
        Err(diags) => {
            let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
            panic!(
                "a profile within the format table was refused:\n{yaml}\n{}",
                shown.join("\n")
            );
        }
    };
    let a = evaluate(&loaded.profile, &Options::new(GENERATOR));

    let r = &a.recommendation;
    assert!(
        (0.0..=1.0).contains(&r.probability_best),
        "probability_best {}",
        r.probability_best
    );
    assert!((0.0..=1.0).contains(&r.probability_within_budget));
    assert!(
        (2..=5).contains(&r.reasons.len()),
        "{} reasons",
        r.reasons.len()
    );
    assert_eq!(a.considerations.len(), 7);
    let weight_sum: f64 =
        a.considerations.iter().map(|c| c.weight).sum::<f64>() + a.decision.money_share;
    assert!(
        (weight_sum - 1.0).abs() < 1e-3,
        "weights sum to {weight_sum}"
    );
    for c in &a.considerations {
        for rating in c.ratings.values() {
            assert!((0.0..=4.0).contains(rating), "{c:?}");
        }
    }
    for (option, o) in &a.decision.options {
        assert!(
            (0.0..=1.0).contains(&o.value),
            "{option:?} value {}",
            o.value
        );
        assert!(
            o.money.risk_adjusted.is_finite(),
            "{option:?} {:?}",
            o.money
        );
    }
    for s in &a.decision.switching_values {
        assert!(s.value.is_none_or(f64::is_finite), "{s:?}");
    }
    for risk in &a.risks {
        assert!((1..=5).contains(&risk.likelihood) && (1..=5).contains(&risk.impact));
        assert_eq!(risk.rating, risk.likelihood * risk.impact);
        for res in risk.residual.values() {
            assert!(res.rating <= risk.rating);
        }
    }
    let counted: u32 = a.heat_map.counts.iter().flatten().sum();
    assert_eq!(counted as usize, a.risks.len());
    for (option, costs) in &a.costs.options {
        assert_eq!(costs.years.len() as u32, a.costs.horizon_years);
        assert!(
            costs.total.is_finite() && costs.total >= 0.0,
            "{option:?} total {}",
            costs.total
        );
        for y in &costs.years {
            for part in [
                y.staff,
                y.technology,
                y.provider,
                y.services,
                y.one_off,
                y.running,
                y.total,
                y.cumulative,
            ] {
                assert!(
                    part.is_finite() && part >= 0.0,
                    "{option:?} year {}: {y:?}",
                    y.year
                );
            }
        }
    }
    if loaded.profile.compliance.third_party_data_sharing
        == socsource::internals::profile::model::Sharing::Prohibited
    {
        assert_ne!(r.option, SocOption::Outsourced);
    }
    for used in &a.assumptions {
        assert!(used.value.is_finite(), "{used:?}");
    }
    // What `--format json` writes.
    serde_json::to_string(&a).unwrap();
});
