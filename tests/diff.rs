//! `socsource diff`: two assessments of one organisation compared, from
//! `assessment.json` files or profiles, in every format, and refused when
//! they cannot be compared.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `report --format json` of `profile` with the `--set` values, into
/// `dir/name/`; the path of the assessment written.
fn assessment(dir: &Path, name: &str, profile: &str, sets: &[&str]) -> PathBuf {
    let profile = repo().join("profiles").join(profile).display().to_string();
    let mut args = vec![
        "report",
        profile.as_str(),
        "--format",
        "json",
        "--out",
        name,
    ];
    for s in sets {
        args.extend(["--set", s]);
    }
    let run = socsource_at(dir, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = fs::read_dir(dir.join(name))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .unwrap();
    folder.join("assessment.json")
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

#[test]
fn an_assessment_compared_with_itself_has_not_changed() {
    let dir = scratch("diff-same");
    let a = assessment(&dir, "a", "northwind-bank.yaml", &[]);
    let a = a.display().to_string();
    let run = socsource_at(
        &dir,
        &["diff", &a, &a, "--out", "cmp", "--format", "md,html,json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("Nothing compared has changed"),
        "{}",
        run.stderr
    );
    let md = fs::read_to_string(dir.join("cmp/diff.md")).unwrap();
    assert!(md.contains("Nothing compared has changed"), "{md}");
    assert!(
        md.contains("No input the report lists, and no assumption, has changed."),
        "{md}"
    );
    assert!(md.contains("The risk register is the same"), "{md}");
    let c = json(&dir.join("cmp/diff.json"));
    assert_eq!(c["unchanged"], true);
    assert_eq!(c["inputs"].as_array().unwrap().len(), 0);
    for cost in c["costs"].as_array().unwrap() {
        assert_eq!(cost["change"].as_f64(), Some(0.0), "{cost}");
    }
    let html = fs::read_to_string(dir.join("cmp/diff.html")).unwrap();
    assert!(html.contains("<h1"), "{html}");
    assert!(html.contains("Nothing compared has changed"));
}

/// The same profile evaluated now equals the assessment written from it.
#[test]
fn a_profile_and_its_assessment_are_the_same_assessment() {
    let dir = scratch("diff-profile");
    let a = assessment(&dir, "a", "kestrel-commerce.yaml", &[]);
    let profile = repo().join("profiles/kestrel-commerce.yaml");
    let run = socsource_at(
        &dir,
        &[
            "diff",
            &a.display().to_string(),
            &profile.display().to_string(),
            "--format",
            "json",
            "--out",
            "-",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(c["unchanged"], true, "{c:#}");
}

#[test]
fn changed_inputs_costs_and_recommendation_are_reported() {
    let dir = scratch("diff-changed");
    let old = assessment(&dir, "old", "meridian-trust.yaml", &[]);
    // A budget cut below what in-house needs: the best option that fits,
    // hybrid, is recommended instead.
    let new = assessment(
        &dir,
        "new",
        "meridian-trust.yaml",
        &[
            "budget.annual_opex=6000000",
            "security_team.hiring_market=tight",
        ],
    );
    let before = json(&old);
    let after = json(&new);
    let run = socsource_at(
        &dir,
        &[
            "diff",
            &old.display().to_string(),
            &new.display().to_string(),
            "--out",
            "cmp",
            "--format",
            "md,pdf,json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c = json(&dir.join("cmp/diff.json"));
    assert_eq!(c["unchanged"], false);
    let inputs = c["inputs"].as_array().unwrap();
    let budget = inputs
        .iter()
        .find(|i| i["path"] == "budget.annual_opex")
        .unwrap_or_else(|| panic!("{c:#}"));
    assert!(
        budget["new"].as_str().unwrap().contains("6,000,000"),
        "{budget}"
    );
    assert!(inputs
        .iter()
        .any(|i| i["path"] == "security_team.hiring_market"));
    // Each option's cost then and now is the one each assessment states.
    for cost in c["costs"].as_array().unwrap() {
        let option = cost["option"].as_str().unwrap();
        let total =
            |a: &serde_json::Value| a["costs"]["options"][option]["total"].as_f64().unwrap();
        assert_eq!(cost["old_total"].as_f64().unwrap(), total(&before));
        assert_eq!(cost["new_total"].as_f64().unwrap(), total(&after));
        let change = cost["change"].as_f64().unwrap();
        assert!((change - (total(&after) - total(&before))).abs() < 1e-6);
    }
    assert_eq!(before["recommendation"]["option"], "in_house");
    assert_eq!(after["recommendation"]["option"], "hybrid");
    assert_eq!(c["recommendation_changed"], true);
    let md = fs::read_to_string(dir.join("cmp/diff.md")).unwrap();
    assert!(md.contains("| `budget.annual_opex` |"), "{md}");
    assert!(
        md.contains("The recommendation has changed from In-house SOC to Hybrid"),
        "{md}"
    );
    if let Some(pdftotext) = tool("pdftotext") {
        let out = Command::new(pdftotext)
            .args([dir.join("cmp/diff.pdf").to_str().unwrap(), "-"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("What changed"), "{text}");
        assert!(text.contains("budget.annual_opex"), "{text}");
        assert!(text.contains("Cost per option"), "{text}");
    }
}

#[test]
fn different_organisations_are_not_compared() {
    let dir = scratch("diff-orgs");
    let a = assessment(&dir, "a", "kestrel-commerce.yaml", &[]);
    let run = socsource_at(
        &dir,
        &[
            "diff",
            &a.display().to_string(),
            &repo()
                .join("profiles/vulcan-praezision.yaml")
                .display()
                .to_string(),
            "--out",
            "cmp",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("different organisations"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kestrel-commerce"), "{}", run.stderr);
    assert!(!dir.join("cmp").exists(), "nothing is written");
}

#[test]
fn an_unknown_schema_version_is_refused() {
    let dir = scratch("diff-schema");
    let a = assessment(&dir, "a", "kestrel-commerce.yaml", &[]);
    let mut future = json(&a);
    future["schema_version"] = serde_json::json!(999);
    let future_path = dir.join("future.json");
    fs::write(&future_path, serde_json::to_vec(&future).unwrap()).unwrap();
    let run = socsource_at(
        &dir,
        &[
            "diff",
            &future_path.display().to_string(),
            &a.display().to_string(),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("schema_version 999"), "{}", run.stderr);
    assert!(!dir.join("out").exists(), "nothing is written");
}

#[test]
fn broken_json_and_bad_profiles_name_the_file() {
    let dir = scratch("diff-broken");
    fs::write(dir.join("broken.json"), "{\n  \"a\": [1,\n").unwrap();
    fs::write(dir.join("bad.yaml"), "version: 1\nid: x\norganisation: 3\n").unwrap();
    let run = socsource_at(&dir, &["diff", "broken.json", "bad.yaml"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("broken.json:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("bad.yaml"), "{}", run.stderr);
    assert!(!dir.join("out").exists(), "nothing is written");
}

/// A year on, the objectives the old plan set for months that have passed
/// are due: the comparison asks whether they were met.
#[test]
fn objectives_that_fell_due_are_listed() {
    let dir = scratch("diff-due");
    let profile = fs::read_to_string(repo().join("profiles/kestrel-commerce.yaml")).unwrap();
    assert!(profile.contains("date: 2026-11-02"));
    fs::write(
        dir.join("last-year.yaml"),
        profile.replace("date: 2026-11-02", "date: 2025-11-02"),
    )
    .unwrap();
    let now = repo().join("profiles/kestrel-commerce.yaml");
    let run = socsource_at(
        &dir,
        &[
            "diff",
            "last-year.yaml",
            &now.display().to_string(),
            "--format",
            "json,md",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c = json(&dir.join("out/diff.json"));
    let objectives = c["objectives"].as_array().unwrap();
    let monitor = objectives
        .iter()
        .find(|o| {
            o["objective"]
                .as_str()
                .unwrap()
                .starts_with("Monitor every critical asset")
        })
        .unwrap_or_else(|| panic!("{c:#}"));
    assert_eq!(monitor["change"], "due");
    assert_eq!(
        monitor["due_by"], "2026-03",
        "due in month 4 of a plan begun 2025-11"
    );
    // Nothing due after the new assessment's date.
    for o in objectives {
        assert!(o["due_by"].as_str().unwrap() <= "2026-11", "{o}");
    }
    let md = fs::read_to_string(dir.join("out/diff.md")).unwrap();
    assert!(md.contains("due since 2026-03: was it met?"), "{md}");
}
