//! The evaluation, through the binary: `report --format json` and what the
//! assessment says for the bundled profiles.

mod common;
use common::*;
use serde_json::Value;
use std::fs;

fn assessment(profile: &str) -> Value {
    let run = socsource(&[
        "report",
        &format!("profiles/{profile}.yaml"),
        "--format",
        "json",
        "--out",
        "-",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("assessment.json is JSON")
}

#[test]
fn seed_case_studies_land_where_the_seed_places_them() {
    let bank = assessment("northwind-bank");
    assert_eq!(
        bank["recommendation"]["option"], "in_house",
        "{}",
        bank["recommendation"]
    );
    let shop = assessment("kestrel-commerce");
    assert_eq!(
        shop["recommendation"]["option"], "outsourced",
        "{}",
        shop["recommendation"]
    );
}

#[test]
fn report_writes_assessment_json_under_the_id() {
    let dir = scratch("json-out");
    let profile = repo().join("profiles/northwind-bank.yaml");
    let run = socsource_in(
        &dir,
        &[
            "report",
            profile.to_str().unwrap(),
            "--format",
            "json",
            "--out",
            "reports",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written: Value = serde_json::from_slice(
        &fs::read(dir.join("reports/northwind-bank/assessment.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(written, assessment("northwind-bank"));
    let entries: Vec<_> = fs::read_dir(dir.join("reports/northwind-bank"))
        .unwrap()
        .collect();
    assert_eq!(entries.len(), 1, "only the requested format is written");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_assessment_has_its_documented_keys() {
    let a = assessment("vulcan-praezision");
    assert_eq!(a["schema_version"], 1);
    for key in ["id", "name"] {
        assert!(a["profile"][key].is_string(), "profile.{key}");
    }
    let r = &a["recommendation"];
    assert!(["in_house", "outsourced", "hybrid"].contains(&r["option"].as_str().unwrap()));
    let score = r["score"].as_f64().unwrap();
    assert!((-2.0..=2.0).contains(&score));
    assert!(["high", "medium", "low"].contains(&r["confidence"].as_str().unwrap()));
    assert!((0.0..=1.0).contains(&r["robustness"].as_f64().unwrap()));
    assert!(r["constraints"].is_array());
    let reasons = r["reasons"].as_array().unwrap();
    assert!((3..=5).contains(&reasons.len()));
    let considerations = a["considerations"].as_array().unwrap();
    let keys: Vec<&str> = considerations
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "budget",
            "compliance",
            "risk",
            "control",
            "time_to_implement",
            "scalability",
            "coverage",
            "talent"
        ]
    );
    for c in considerations {
        for k in ["score", "weight", "rationale", "inputs"] {
            assert!(!c[k].is_null(), "considerations[].{k}");
        }
    }
    let costs = &a["costs"];
    assert_eq!(costs["currency"], "EUR");
    assert_eq!(costs["horizon_years"], 5);
    for option in ["in_house", "outsourced", "hybrid"] {
        let o = &costs["options"][option];
        let years = o["years"].as_array().unwrap();
        assert_eq!(years.len(), 5);
        for line in [
            "staff",
            "technology",
            "provider",
            "build",
            "other",
            "total",
            "cumulative",
        ] {
            assert!(years[0][line].is_number(), "{option}.years[].{line}");
        }
        let sum: f64 = years.iter().map(|y| y["total"].as_f64().unwrap()).sum();
        assert_eq!(sum, o["total"].as_f64().unwrap());
        assert!(o["within_budget"].is_boolean());
    }
    assert!(costs["cheapest"].is_string());
    assert!(a["staffing"]["seats"].is_number());
    assert!(a["staffing"]["in_house"]["roles"].as_array().unwrap().len() >= 4);
    assert!(a["staffing"]["hybrid"]["total_fte"].as_f64().unwrap() >= 2.0);
    let risk = &a["risks"][0];
    for k in ["threat", "asset", "likelihood", "impact", "rating", "band"] {
        assert!(!risk[k].is_null(), "risks[].{k}");
    }
    for option in ["in_house", "outsourced", "hybrid"] {
        assert!(risk["residual"][option]["rating"].is_number());
    }
    assert_eq!(a["heat_map"]["counts"].as_array().unwrap().len(), 5);
    assert!(a["objectives"][0]["due_month"].is_number());
    assert!(a["sla"][0]["clause"].is_string() && a["sla"][0]["mandatory_by"].is_array());
    assert!(a["roadmap"][0]["start_month"].is_number() && a["roadmap"][0]["owner"].is_string());
    assert_eq!(a["sensitivity"]["weights"].as_array().unwrap().len(), 8);
    let inputs: Vec<&str> = a["sensitivity"]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["input"].as_str().unwrap())
        .collect();
    assert_eq!(
        inputs,
        [
            "budget.annual_opex",
            "analyst_salary",
            "mssp_price_per_endpoint_month",
            "requirements.go_live_months"
        ]
    );
    for a in a["assumptions"].as_array().unwrap() {
        for k in ["name", "value", "unit", "source", "overridden"] {
            assert!(!a[k].is_null(), "assumptions[].{k}");
        }
    }
}

#[test]
fn sharing_prohibited_rules_out_outsourcing_and_says_why() {
    let a = assessment("dunav-energija");
    assert_ne!(a["recommendation"]["option"], "outsourced");
    let constraints = a["recommendation"]["constraints"].as_array().unwrap();
    assert!(constraints
        .iter()
        .any(|c| c["kind"] == "sharing_prohibited" && c["option"] == "outsourced"));
    let fx = a["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "fx_usd_rate")
        .unwrap();
    assert_eq!(fx["value"], 101.0);
    assert_eq!(fx["overridden"], true);
    assert_eq!(a["costs"]["currency"], "RSD");
}

#[test]
fn a_provider_quote_replaces_the_model_price() {
    let a = assessment("st-aidans-health");
    assert_eq!(a["costs"]["quote"], "Example MDR Inc.");
    let year1 = &a["costs"]["options"]["outsourced"]["years"][0];
    // Recurring fees start when monitoring starts (month 2): 10 of 12 months.
    assert_eq!(
        year1["provider"].as_f64().unwrap(),
        (980_000.0f64 * 10.0 / 12.0).round()
    );
    assert_eq!(year1["build"].as_f64().unwrap(), 60_000.0);
}

#[test]
fn defaults_are_converted_into_the_profile_currency() {
    let uk = assessment("northwind-bank");
    let salary = uk["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "analyst_salary")
        .unwrap();
    assert_eq!(salary["value"], 60_000.0, "UK salaries are sourced in GBP");
    assert_eq!(salary["unit"], "GBP per year");
    let eu = assessment("kestrel-commerce");
    let price = eu["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "mssp_price_per_endpoint_month")
        .unwrap();
    assert_eq!(price["value"], 30.975, "USD 35 at 0.885 EUR per USD");
    let salary = eu["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "analyst_salary")
        .unwrap();
    assert_eq!(
        salary["value"],
        (60_000.0f64 / 0.755 * 0.885).round(),
        "EU uses UK figures converted"
    );
}

#[test]
fn every_bundled_profile_evaluates_with_reasons_tied_to_facts() {
    for path in example_profiles() {
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let a = assessment(&name);
        for reason in a["recommendation"]["reasons"].as_array().unwrap() {
            let text = reason["text"].as_str().unwrap();
            assert!(text.len() > 20, "{name}: {text}");
        }
        assert!(a["recommendation"]["decision"]
            .as_str()
            .unwrap()
            .starts_with("Approve"));
    }
}

/// The assessments of two contrasting profiles are pinned: any change to
/// the model's numbers or words shows up here for review.
#[test]
fn assessment_snapshots() {
    for name in ["northwind-bank", "kestrel-commerce"] {
        let run = socsource(&[
            "report",
            &format!("profiles/{name}.yaml"),
            "--format",
            "json",
            "--out",
            "-",
        ]);
        insta::assert_snapshot!(format!("assessment-{name}"), run.stdout);
    }
}
