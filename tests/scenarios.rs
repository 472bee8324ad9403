//! Scenarios and `--set`: a changed value is exactly the profile with that
//! value edited in, checked by the same validator, and the report says so.

mod common;

use common::*;
use proptest::prelude::*;
use socsource::internals::profile::model::Date;
use socsource::internals::profile::{load_bytes, LoadOptions, Loaded, Override};
use std::fs;

fn options() -> LoadOptions {
    LoadOptions::on(Date::new(2026, 11, 26).unwrap())
}

fn load(yaml: &str, options: &LoadOptions) -> Loaded {
    match load_bytes("p.yaml", "p", yaml.as_bytes(), options) {
        Ok(l) => l,
        Err(d) => panic!(
            "{}\n{yaml}",
            d.iter().map(|d| d.to_string()).collect::<String>()
        ),
    }
}

/// The profile text with `path` set to `value`, edited as a user would:
/// through a YAML library, not through socsource's own code.
fn edited(yaml: &str, path: &str, value: &str) -> String {
    let mut doc: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    let value: serde_yaml::Value = serde_yaml::from_str(value).unwrap();
    let mut node = &mut doc;
    for segment in path.split('.') {
        let map = node.as_mapping_mut().unwrap();
        let key = serde_yaml::Value::String(segment.into());
        if !map.contains_key(&key) {
            map.insert(
                key.clone(),
                serde_yaml::Value::Mapping(serde_yaml::Mapping::new()),
            );
        }
        node = map.get_mut(&key).unwrap();
    }
    *node = value;
    serde_yaml::to_string(&doc).unwrap()
}

/// The assessment as JSON, without what only says how it was asked for.
fn json(a: &socsource::internals::evaluate::Assessment) -> serde_json::Value {
    let mut v = serde_json::to_value(a).unwrap();
    v["profile"]["overrides"] = serde_json::Value::Null;
    v
}

const CHANGES: &[(&str, &str)] = &[
    ("budget.annual_opex", "250000"),
    ("budget.annual_opex", "9000000"),
    ("requirements.go_live_months", "4"),
    ("requirements.coverage", "business_hours"),
    ("security_team.hiring_market", "easy"),
    ("weights.budget", "3"),
    ("assumptions.analyst_salary", "95000"),
    (
        "assumptions.mssp_price_per_endpoint_month",
        "{low: 6, likely: 9, high: 15}",
    ),
    ("mssp_quote", "{annual_fee: 300000, onboarding_fee: 20000}"),
    ("compliance.third_party_data_sharing", "prohibited"),
    ("risk.tolerance", "low"),
];

/// A scenario, and `--set`, give the assessment of the profile with the
/// value edited into the file: every kind of change, each on two generated
/// profiles.
#[test]
fn a_scenario_and_set_equal_the_edited_profile() {
    for (change, (path, value)) in CHANGES.iter().enumerate() {
        for i in [change as u64, 1_000 + 7 * change as u64] {
            check_scenario(i, path, value)
                .unwrap_or_else(|e| panic!("{path}={value} on profile {i}: {e}"));
        }
    }
}

fn check_scenario(i: u64, path: &str, value: &str) -> Result<(), TestCaseError> {
    {
        let base = generate::profile(i);
        let want = evaluate(&load(&edited(&base, path, value), &options()).profile);

        let with_scenario =
            format!("{base}scenarios:\n  - name: What if\n    set:\n      {path}: {value}\n");
        let loaded = load(&with_scenario, &options());
        prop_assert_eq!(loaded.profile.scenarios.len(), 1);
        let scenario = &loaded.profile.scenarios[0];
        prop_assert_eq!(json(&evaluate(&scenario.profile)), json(&want));
        // And the assessment's summary of it is that evaluation's.
        let a = evaluate(&loaded.profile);
        let outcome = &a.scenarios[0];
        prop_assert_eq!(outcome.recommendation.option, want.recommendation.option);
        prop_assert_eq!(
            outcome.recommendation.probability_best,
            want.recommendation.probability_best
        );
        prop_assert_eq!(
            outcome.recommendation.value,
            want.decision.options[&want.recommendation.option].value
        );
        prop_assert_eq!(
            outcome.changed,
            want.recommendation.option != a.recommendation.option
        );
        for (o, c) in &want.costs.options {
            prop_assert_eq!(outcome.costs[o].total, c.total);
            prop_assert_eq!(outcome.costs[o].p50, c.range.p50);
        }

        let set = Override::parse(&format!("{path}={value}")).unwrap();
        let mut with_set = options();
        with_set.overrides.push(set);
        let overridden = evaluate(&load(&base, &with_set).profile);
        prop_assert_eq!(json(&overridden), json(&want));
        prop_assert_eq!(overridden.profile.overrides.len(), 1);
    }
    Ok(())
}

#[test]
fn a_scenario_with_a_wrong_path_or_value_fails_the_profile_with_its_place() {
    let dir = scratch("scenario-errors");
    let base = generate::profile(7);
    let lines = base.lines().count();
    for (scenario, expect, line, column) in [
        (
            "  - name: Cut\n    set:\n      budget.anual_opex: 1\n",
            "scenarios[0].set.budget.anual_opex: cannot set `budget.anual_opex`",
            lines + 4,
            7,
        ),
        (
            "  - name: Late\n    set:\n      requirements.go_live_months: soon\n",
            "scenarios[0] (Late): requirements.go_live_months: expected a whole number",
            lines + 4,
            36,
        ),
    ] {
        fs::write(dir.join("p.yaml"), format!("{base}scenarios:\n{scenario}")).unwrap();
        let run = socsource_at(&dir, &["report", "p.yaml", "--out", "out"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains(expect), "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("p.yaml:{line}:{column}")),
            "line and column: {}",
            run.stderr
        );
        assert!(
            !dir.join("out/org-00007").exists(),
            "nothing is written for a profile whose scenario is wrong"
        );
    }
    assert!(
        socsource_at(&dir, &["validate", "p.yaml"])
            .stderr
            .contains("found `soon`"),
        "validate checks scenarios too"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn set_is_checked_before_any_work_and_stated_on_the_first_page() {
    let dir = scratch("set-cli");
    let profile = repo().join("profiles/kestrel-commerce.yaml");
    let profile = profile.display().to_string();
    for (arg, expect) in [
        ("budget.anual_opex=1", "did you mean `budget.annual_opex`?"),
        (
            "budget.annual_opex=lots",
            "expected a number from 0 to 10000000000000, found `lots`",
        ),
        ("id=other", "`id` cannot be changed"),
        ("budget.annual_opex", "expected PATH=VALUE"),
    ] {
        let run = socsource_at(&dir, &["report", &profile, "--set", arg, "--out", "out"]);
        assert_eq!(run.code, 2, "{arg}: {}", run.stderr);
        assert!(run.stderr.contains(expect), "{arg}: {}", run.stderr);
        assert!(run.stderr.contains("--> --set:1:"), "{arg}: {}", run.stderr);
        assert!(!dir.join("out").exists(), "{arg}: nothing is written");
    }
    let run = socsource_at(
        &dir,
        &[
            "report",
            &profile,
            "--set",
            "budget.annual_opex=200000",
            "--set",
            "requirements.go_live_months=6",
            "--format",
            "md,json",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = fs::read_to_string(dir.join("out/kestrel-commerce/report.md")).unwrap();
    let first_page = md.split("<!-- pagebreak -->").next().unwrap();
    assert!(
        first_page.contains("`budget.annual_opex` = `200000`")
            && first_page.contains("`requirements.go_live_months` = `6`"),
        "{first_page}"
    );
    let a: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(dir.join("out/kestrel-commerce/assessment.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(a["costs"]["annual_opex"], 200000.0);
    assert_eq!(
        a["profile"]["overrides"][1]["path"],
        "requirements.go_live_months"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_report_compares_every_scenario() {
    let dir = scratch("scenario-report");
    let run = socsource_at(
        &dir,
        &[
            "report",
            &repo()
                .join("profiles/northwind-bank.yaml")
                .display()
                .to_string(),
            "--format",
            "md,json",
            "--edition",
            "both",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.join("out/northwind-bank");
    let a: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("assessment.json")).unwrap()).unwrap();
    let scenarios = a["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 3);
    let md = fs::read_to_string(out.join("report.md")).unwrap();
    let section = md.split("## Scenarios").nth(1).unwrap();
    assert!(section.contains("![Total cost over 5 years by scenario"));
    assert!(out.join("charts/scenarios.svg").is_file());
    let brief = fs::read_to_string(out.join("brief.md")).unwrap();
    assert!(
        brief.contains("(2 more scenarios in the full report)"),
        "{brief}"
    );
    for s in scenarios {
        let name = s["name"].as_str().unwrap();
        let text = s["text"].as_str().unwrap();
        assert!(
            section.contains(&format!("| {name} |")),
            "{name} in the table"
        );
        assert!(
            section.contains(&format!("- **{name}.** {text}.")),
            "{name}'s sentence"
        );
        // The one-page brief names the first scenario and counts the rest.
        let first = s == &scenarios[0];
        assert_eq!(
            brief.contains(&format!("**Scenario: {name}.**")),
            first,
            "{name} in the brief"
        );
        if s["changed"] == true {
            assert!(
                text.starts_with("The recommendation changes from"),
                "{text}"
            );
        } else {
            assert!(text.starts_with("The recommendation stays"), "{text}");
        }
    }
    // The one-page brief states the first scenario and counts the rest.
    let first = scenarios[0]["name"].as_str().unwrap();
    assert!(
        brief.contains(&format!("**Scenario: {first}.**")),
        "{brief}"
    );
    assert_eq!(brief.matches("**Scenario: ").count(), 1, "{brief}");
    assert!(
        brief.contains(&format!(
            "({} more scenarios in the full report)",
            scenarios.len() - 1
        )),
        "{brief}"
    );
    fs::remove_dir_all(dir).unwrap();
}
