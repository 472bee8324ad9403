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

/// An assessment missing what a board reads, or with it of the wrong type,
/// is refused with the field's path: never compared as zero costs or
/// "all risks gone".
#[test]
fn missing_or_mistyped_fields_are_refused_by_their_path() {
    let dir = scratch("diff-fields");
    let a = assessment(&dir, "a", "kestrel-commerce.yaml", &[]);
    let good = json(&a);
    type Breakage = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(&str, Breakage, &str)> = vec![
        (
            "no-costs",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("costs");
            }),
            "costs: missing",
        ),
        (
            "costs-number",
            Box::new(|v| v["costs"] = serde_json::json!(5)),
            "costs: expected an object, found the number 5",
        ),
        (
            "risks-object",
            Box::new(|v| v["risks"] = serde_json::json!({})),
            "risks: expected a list, found an object",
        ),
        (
            "no-options",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("options");
            }),
            "options: missing",
        ),
        (
            "rating-text",
            Box::new(|v| v["risks"][0]["rating"] = serde_json::json!("12")),
            "risks[0].rating: expected a whole number, found the text \"12\"",
        ),
        (
            "total-null",
            Box::new(|v| v["costs"]["options"]["hybrid"]["total"] = serde_json::Value::Null),
            "costs.options.hybrid.total: expected a number, found null",
        ),
        (
            "bidi-name",
            Box::new(|v| v["profile"]["name"] = serde_json::json!("Kestrel \u{202E}cnI")),
            "profile.name: the text contains a character that reorders the text around it (U+202E)",
        ),
        (
            "escape-label",
            Box::new(|v| v["risks"][0]["threat_label"] = serde_json::json!("\u{1b}]0;pwned\u{7}")),
            "risks[0].threat_label: the text contains a control character (U+001B)",
        ),
    ];
    for (name, break_it, says) in cases {
        let mut broken = good.clone();
        break_it(&mut broken);
        let file = format!("{name}.json");
        fs::write(dir.join(&file), serde_json::to_vec(&broken).unwrap()).unwrap();
        for (old, new) in [(file.as_str(), "a-copy"), ("a-copy", file.as_str())] {
            let (old, new) = (
                if old == "a-copy" {
                    a.display().to_string()
                } else {
                    old.to_string()
                },
                if new == "a-copy" {
                    a.display().to_string()
                } else {
                    new.to_string()
                },
            );
            let run = socsource_at(&dir, &["diff", &old, &new, "--out", "cmp"]);
            assert_eq!(run.code, 1, "{name}: {}", run.stderr);
            assert!(
                run.stderr.contains(&format!("error: {file}: {says}")),
                "{name}: {}",
                run.stderr
            );
            assert!(
                !run.stderr
                    .chars()
                    .any(|c| c != '\n' && socsource::internals::diag::is_hidden_or_control(c)),
                "{name}: {}",
                run.stderr
            );
            assert!(!dir.join("cmp").exists(), "{name}: nothing is written");
        }
    }
}

/// An assessment is about 200 KB; a file past the limit is refused unread,
/// and the message names the limit.
#[test]
fn an_oversized_assessment_is_refused_naming_the_limit() {
    let dir = scratch("diff-size");
    let a = assessment(&dir, "a", "kestrel-commerce.yaml", &[]);
    let mut big = fs::read(&a).unwrap();
    // Still valid JSON: spaces before the closing brace.
    let end = big.iter().rposition(|b| *b == b'}').unwrap();
    big.splice(end..end, std::iter::repeat_n(b' ', 9 * 1024 * 1024));
    fs::write(dir.join("big.json"), &big).unwrap();
    let run = socsource_at(
        &dir,
        &["diff", "big.json", &a.display().to_string(), "--out", "cmp"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("big.json: the file is larger than the 8 MiB limit for an assessment.json"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("cmp").exists(), "nothing is written");
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

/// `diff` of two assessments, as JSON and Markdown.
fn compared(dir: &Path, old: &Path, new: &Path) -> (serde_json::Value, String, String) {
    let run = socsource_at(
        dir,
        &[
            "diff",
            &old.display().to_string(),
            &new.display().to_string(),
            "--out",
            "cmp",
            "--format",
            "md,json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c = json(&dir.join("cmp/diff.json"));
    let md = fs::read_to_string(dir.join("cmp/diff.md")).unwrap();
    (c, md, run.stderr)
}

/// An option's short name as the comparison's sentences use it.
fn short(option: &serde_json::Value) -> String {
    option.as_str().unwrap().replace('_', "-")
}

/// A budget cut below what the recommended option needs: the sentence says
/// the budget moved past the value the earlier assessment named, and that
/// the old answer no longer fits; the fits column shows it.
#[test]
fn a_budget_cut_that_flips_the_answer_is_named_with_the_budget_fit() {
    let dir = scratch("diff-why-budget");
    let old = assessment(&dir, "old", "northwind-bank.yaml", &[]);
    let before = json(&old);
    // Just under the budget at which the assessment itself says the
    // recommendation changes.
    let switch = before["decision"]["switching_values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["input"] == "budget.annual_opex")
        .unwrap()
        .clone();
    let cut = (switch["value"].as_f64().unwrap() * 0.9).round();
    let new = assessment(
        &dir,
        "new",
        "northwind-bank.yaml",
        &[&format!("budget.annual_opex={cut}")],
    );
    let after = json(&new);
    let (was, is) = (
        &before["recommendation"]["option"],
        &after["recommendation"]["option"],
    );
    assert_ne!(was, is, "the cut changes the answer");
    assert_eq!(is, &switch["to"]);
    let (c, md, stderr) = compared(&dir, &old, &new);
    assert_eq!(c["flipped_by"], serde_json::json!(["budget.annual_opex"]));
    let why = c["why"].as_str().unwrap();
    assert!(
        why.starts_with("What flipped the answer: the operating budget fell from "),
        "{why}"
    );
    assert!(
        why.contains(&format!("{}, which needs ", short(was)))
            && why.contains("no longer fits the operating budget"),
        "{why}"
    );
    assert!(
        why.contains(&format!(
            "the earlier assessment said {} would be recommended",
            short(is)
        )),
        "{why}"
    );
    assert!(md.contains(why), "{md}");
    assert!(stderr.contains(why), "{stderr}");
    // Fits the budget, then and now, as each assessment says.
    for cost in c["costs"].as_array().unwrap() {
        let option = cost["option"].as_str().unwrap();
        let fits = |a: &serde_json::Value| a["decision"]["options"][option]["fits_budget"].clone();
        assert_eq!(cost["old_fits"], fits(&before));
        assert_eq!(cost["new_fits"], fits(&after));
        let word = |v: &serde_json::Value| if v == true { "yes" } else { "no" };
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", cost["label"].as_str().unwrap())))
            .unwrap_or_else(|| panic!("{md}"));
        assert!(
            row.ends_with(&format!(
                "| {} / {} |",
                word(&fits(&before)),
                word(&fits(&after))
            )),
            "{row}"
        );
        // The costs did not move: "no change", never a zero with a share.
        assert!(row.contains("| no change |"), "{row}");
    }
    assert!(!md.contains("GBP 0 (0%)"), "{md}");
    let (old_fits, new_fits) = (
        before["decision"]["options"][was.as_str().unwrap()]["fits_budget"].clone(),
        after["decision"]["options"][was.as_str().unwrap()]["fits_budget"].clone(),
    );
    assert_eq!(
        (old_fits, new_fits),
        (serde_json::json!(true), serde_json::json!(false))
    );
}

/// A provider's quote, a need's weight and the estate each flip the
/// answer in their own way; the sentence names the input that did.
#[test]
fn the_input_that_flipped_the_answer_is_named() {
    let dir = scratch("diff-why-inputs");
    let old = assessment(&dir, "old", "northwind-bank.yaml", &[]);
    let before = json(&old);
    let switch = |input: &str| -> serde_json::Value {
        before["decision"]["switching_values"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["input"] == input)
            .unwrap_or_else(|| panic!("no switching value for {input}"))
            .clone()
    };
    // A quote well under the provider fee at which outsourcing wins.
    let fee = (switch("provider_price")["value"].as_f64().unwrap() * 0.8).round();
    let quote =
        format!("mssp_quote={{annual_fee: {fee}, onboarding_fee: 10000, provider: Provider Z}}");
    // Control weighted far above the weight at which in-house wins.
    let cases: [(&str, Vec<String>, &str, &str); 3] = [
        (
            "quote",
            vec![quote],
            "provider_price",
            "provider fee for outsourcing fell",
        ),
        (
            "control",
            vec!["weights.control=8".into()],
            "weights.control",
            "weight of operational control and flexibility among the needs rose",
        ),
        (
            "estate",
            vec!["environment.endpoints=200".into()],
            "provider_price",
            "as the endpoints changed",
        ),
    ];
    for (name, sets, input, words) in cases {
        let sets: Vec<&str> = sets.iter().map(String::as_str).collect();
        let new = assessment(&dir, name, "northwind-bank.yaml", &sets);
        let after = json(&new);
        assert_ne!(
            before["recommendation"]["option"], after["recommendation"]["option"],
            "{name} changes the answer"
        );
        let (c, md, _) = compared(&dir, &old, &new);
        assert_eq!(c["recommendation_changed"], true);
        let flipped: Vec<&str> = c["flipped_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        assert!(flipped.contains(&input), "{name}: {flipped:?}");
        let why = c["why"].as_str().unwrap();
        assert!(why.contains(words), "{name}: {why}");
        assert!(
            why.contains(&short(&after["recommendation"]["option"])),
            "{name}: {why}"
        );
        assert!(md.contains(why), "{name}");
    }
    // Unchanged answer, no sentence about what flipped it.
    let (c, md, _) = compared(&dir, &old, &old);
    assert!(c["why"].is_null() && c["flipped_by"].as_array().unwrap().is_empty());
    assert!(!md.contains("What flipped"));
}

/// Two assessments of one day are told apart by their files; different
/// days by their dates.
#[test]
fn each_side_shows_its_own_date_or_its_own_file() {
    let dir = scratch("diff-dates");
    let old = assessment(&dir, "q1-run", "kestrel-commerce.yaml", &[]);
    let new = assessment(
        &dir,
        "q2-run",
        "kestrel-commerce.yaml",
        &["budget.annual_opex=900000"],
    );
    let (c, md, _) = compared(&dir, &old, &new);
    assert_eq!(c["same_date"], true);
    assert!(
        md.contains("| Compared | Then (q1-run) | Now (q2-run) |"),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "Both assessments are dated {}",
            c["new"]["date"].as_str().unwrap()
        )),
        "{md}"
    );
    assert!(md.contains(&format!("then is `{}`", old.display())), "{md}");
    assert!(md.contains(&format!("now is `{}`", new.display())), "{md}");

    let profile = fs::read_to_string(repo().join("profiles/kestrel-commerce.yaml")).unwrap();
    fs::write(
        dir.join("last-year.yaml"),
        profile.replace("date: 2026-11-02", "date: 2025-11-02"),
    )
    .unwrap();
    let footer = |old: &Path, new: &Path| -> Option<String> {
        let pdftotext = tool("pdftotext")?;
        let run = socsource_at(
            &dir,
            &[
                "diff",
                &old.display().to_string(),
                &new.display().to_string(),
                "--out",
                "pdf",
                "--format",
                "pdf",
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let out = Command::new(pdftotext)
            .args([dir.join("pdf/diff.pdf").to_str().unwrap(), "-"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.lines()
            .find(|l| l.starts_with("What changed · "))
            .map(str::to_string)
    };
    if let Some(line) = footer(&old, &new) {
        assert_eq!(line, "What changed · two assessments of 2026-11-02");
    }
    if let Some(line) = footer(&dir.join("last-year.yaml"), &new) {
        assert_eq!(line, "What changed · 2025-11-02 to 2026-11-02");
    }
    let (c, md, _) = compared(&dir, &dir.join("last-year.yaml"), &new);
    assert_eq!(c["same_date"], false);
    assert!(
        md.contains("| Compared | Then (2025-11-02) | Now (2026-11-02) |"),
        "{md}"
    );
}

/// A what-if assessment (`report --set`) is not the profile as written: the
/// comparison names the side the values made and lists them, in the
/// document, in diff.json and on standard error.
#[test]
fn the_side_made_with_set_values_is_named_with_its_values() {
    let dir = scratch("diff-set");
    let base = assessment(&dir, "base", "kestrel-commerce.yaml", &[]);
    let what_if = assessment(
        &dir,
        "what-if",
        "kestrel-commerce.yaml",
        &[
            "budget.annual_opex=400000",
            "requirements.coverage=business_hours",
        ],
    );
    let (base, what_if) = (base.display().to_string(), what_if.display().to_string());
    let run = socsource_at(
        &dir,
        &[
            "diff", &base, &what_if, "--format", "md,json", "--out", "cmp",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "NEW ({what_if}) was evaluated with --set budget.annual_opex=400000 --set requirements.coverage=business_hours"
        )),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("OLD ("), "{}", run.stderr);
    let md = fs::read_to_string(dir.join("cmp/diff.md")).unwrap();
    assert!(
        md.contains("Now is not the profile as written: it was evaluated with `--set` values (`budget.annual_opex=400000`, `requirements.coverage=business_hours`)."),
        "{md}"
    );
    assert!(!md.contains("Then is not the profile as written"), "{md}");
    let compared = json(&dir.join("cmp/diff.json"));
    assert_eq!(compared["old"]["overrides"], serde_json::json!([]));
    assert_eq!(
        compared["new"]["overrides"],
        serde_json::json!([
            "budget.annual_opex=400000",
            "requirements.coverage=business_hours"
        ])
    );

    // Either way round: then is the what-if.
    let run = socsource_at(
        &dir,
        &["diff", &what_if, &base, "--format", "md", "--out", "back"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = fs::read_to_string(dir.join("back/diff.md")).unwrap();
    assert!(md.contains("Then is not the profile as written"), "{md}");
    fs::remove_dir_all(dir).unwrap();
}
