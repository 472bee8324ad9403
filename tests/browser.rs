//! The portfolio dashboard and the reports in a real browser: headless
//! Chromium (Debian's, driven by playwright-core through
//! `tests/browser/check.mjs`) loads `index.html`, every bundled
//! `report.html`, a board brief, a `diff` comparison and a report whose
//! template adds a task list and a bare web address, at a phone's width
//! (500 px) and a desktop's (1280 px),
//! with axe-core injected. The test fails on any serious or critical
//! accessibility violation, on a page that scrolls sideways, on content
//! scrolled out of view at 1280 px, on any request a page makes or error it
//! logs, and when the dashboard's sorting and filtering do not work (under
//! its own Content-Security-Policy) or it is incomplete with scripts off,
//! when the contents do not follow the title, and when a task shows a
//! bullet or no box.
//!
//! Without node, chromium, playwright-core or axe-core the test is skipped
//! with a note; with `SOCSOURCE_REQUIRE_TOOLS` set (as `.ci/run` does) it
//! fails. Set `SOCSOURCE_SCREENSHOTS=DIR` to keep a screenshot of every
//! page at every width.

mod common;
use common::*;
use serde_json::{json, Value};
use std::fs;
use std::process::Command;

const WIDTHS: [u32; 2] = [500, 1280];

#[test]
fn dashboard_and_reports_in_headless_chromium() {
    let (Some(node), Some(chromium), Some(_), Some(_)) = (
        tool("node"),
        tool("chromium"),
        tool("playwright-core"),
        tool("axe-core"),
    ) else {
        return;
    };
    let dir = scratch("browser");
    fs::create_dir_all(dir.join("in")).unwrap();
    for p in example_profiles() {
        fs::copy(&p, dir.join("in").join(p.file_name().unwrap())).unwrap();
    }
    fs::copy(
        repo().join("tests/fixtures/bad/version-2.yaml"),
        dir.join("in/broken.yaml"),
    )
    .unwrap();
    let run = socsource_at(&dir, &["batch", "in", "--edition", "both", "--out", "out"]);
    assert_eq!(run.code, 1, "one profile fails: {}", run.stderr);
    // A comparison with changes in every part: last year's budget.
    let run = socsource_at(
        &dir,
        &[
            "report",
            "in/northwind-bank.yaml",
            "--format",
            "json",
            "--set",
            "budget.annual_opex=2450000",
            "--out",
            "then",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = socsource_at(
        &dir,
        &[
            "diff",
            "then/northwind-bank/assessment.json",
            "in/northwind-bank.yaml",
            "--format",
            "html",
            "--out",
            "out/compared",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);

    // A consultant's summary with the board's actions as a task list.
    fs::create_dir_all(dir.join("tpl")).unwrap();
    let summary = fs::read_to_string(repo().join("templates/summary.md")).unwrap();
    fs::write(
        dir.join("tpl/summary.md"),
        format!(
            "{summary}\n### Board actions\n\nGuidance: https://www.ncsc.gov.uk/collection/building-a-security-operations-centre.\n\n\
             - [x] Budget approved by the committee\n- [ ] Provider shortlist agreed\n- Reviewed again in a year\n"
        ),
    )
    .unwrap();
    let run = socsource_at(
        &dir,
        &[
            "report",
            "in/northwind-bank.yaml",
            "--templates",
            "tpl",
            "--format",
            "html",
            "--out",
            "tasks",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);

    let mut pages = vec![json!({
        "name": "index",
        "file": dir.join("out/index.html"),
        "dashboard": true,
        "search": "northwind",
    })];
    for p in example_profiles() {
        let id = p.file_stem().unwrap().to_string_lossy().into_owned();
        pages.push(json!({
            "name": id,
            "file": dir.join("out").join(&id).join("report.html"),
        }));
    }
    pages.push(json!({
        "name": "northwind-bank brief",
        "file": dir.join("out/northwind-bank/brief.html"),
    }));
    pages.push(json!({
        "name": "diff",
        "file": dir.join("out/compared/diff.html"),
    }));
    pages.push(json!({
        "name": "tasks",
        "file": dir.join("tasks/northwind-bank/report.html"),
    }));
    let mut config = json!({
        "chromium": chromium,
        "widths": WIDTHS,
        "pages": pages,
    });
    if let Some(shots) = std::env::var_os("SOCSOURCE_SCREENSHOTS") {
        fs::create_dir_all(&shots).unwrap();
        config["screenshots"] = json!(std::path::absolute(shots).unwrap());
    }
    fs::write(dir.join("config.json"), config.to_string()).unwrap();
    let out = Command::new(node)
        .arg(repo().join("tests/browser/check.mjs"))
        .arg(dir.join("config.json"))
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the browser check did not run:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();

    let mut problems = Vec::new();
    for r in report["results"].as_array().unwrap() {
        let page = r["page"].as_str().unwrap();
        let width = r["width"].as_u64().unwrap();
        let at = format!("{page} at {width} px");
        let violations: Vec<String> = r["axe"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| format!("{} ({}, {} nodes)", v["id"], v["impact"], v["nodes"]))
            .collect();
        eprintln!(
            "{at}: axe: {}",
            if violations.is_empty() {
                "none".into()
            } else {
                violations.join(", ")
            }
        );
        for v in r["axe"].as_array().unwrap() {
            if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                problems.push(format!(
                    "{at}: axe {} ({}): {}; e.g. {}",
                    v["id"], v["impact"], v["help"], v["targets"]
                ));
            }
        }
        let layout = &r["layout"];
        if layout["horizontalScroll"].as_bool().unwrap() {
            problems.push(format!(
                "{at}: the page scrolls sideways ({} px wide); reaching past the edge: {}",
                layout["scrollWidth"], layout["past"]
            ));
        }
        if width == 1280 {
            for cut in layout["cut"].as_array().unwrap() {
                problems.push(format!("{at}: content scrolled out of view: {cut}"));
            }
        }
        if layout["contentsBelowTitle"] != json!(true) {
            problems.push(format!("{at}: the contents sit above the title"));
        }
        let tasks = layout["tasks"].as_array().unwrap();
        if page == "tasks" && tasks.len() != 2 {
            problems.push(format!("{at}: {} task items, not 2", tasks.len()));
        }
        for task in tasks {
            if task["bullet"] != "none"
                || task["box"] != json!(true)
                || task["boxFirst"] != json!(true)
            {
                problems.push(format!(
                    "{at}: a task shows a bullet, or no box where the bullet was: {task}"
                ));
            }
        }
        for request in r["requests"].as_array().unwrap() {
            problems.push(format!("{at}: the page requested {request}"));
        }
        for error in r["errors"].as_array().unwrap() {
            problems.push(format!("{at}: the page logged an error: {error}"));
        }
    }

    // The dashboard's script, under its own Content-Security-Policy.
    let d = &report["dashboard"];
    assert_eq!(
        d["errors"].as_array().unwrap().len(),
        0,
        "the dashboard logged errors (a wrong script hash is refused by the CSP): {}",
        d["errors"]
    );
    assert_eq!(
        d["controls"],
        json!(["Search", "Recommendation", "Confidence"]),
        "the filters are built by the script"
    );
    let ascending: Vec<f64> = d["sortedAscending"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    let n = example_profiles().len();
    assert_eq!(ascending.len(), n);
    assert!(ascending.windows(2).all(|w| w[0] <= w[1]), "{ascending:?}");
    let mut descending = ascending.clone();
    descending.reverse();
    assert_eq!(
        d["sortedDescending"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect::<Vec<_>>(),
        descending,
        "Enter on the sorted heading reverses the order"
    );
    assert_eq!(d["ariaSort"], "ascending");
    // Costs in different currencies are never compared: sorting by a cost
    // keeps each currency together, in code order, and orders the amounts
    // within it (either way).
    for (key, ascending) in [("costAscending", true), ("costDescending", false)] {
        let rows: Vec<(String, f64)> = d[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r[0].as_str().unwrap().to_string(), r[1].as_f64().unwrap()))
            .collect();
        assert_eq!(rows.len(), n, "{key}");
        assert!(
            rows.windows(2).all(|w| {
                let (a, b) = (&w[0], &w[1]);
                a.0 < b.0 || (a.0 == b.0 && (a.1 == b.1 || (a.1 < b.1) == ascending))
            }),
            "{key}: {rows:?}"
        );
        let currencies: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert!(
            currencies.contains(&"INR") && currencies.contains(&"USD"),
            "{currencies:?}"
        );
    }
    assert!(
        d["sortButtonLines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l == 1),
        "a sort control wraps: {}",
        d["sortButtonLines"]
    );
    assert_eq!(
        d["reportLinkLines"], 2,
        "the reports cell: one line for the report, one for the brief"
    );
    let summary: Value =
        serde_json::from_slice(&fs::read(dir.join("out/summary.json")).unwrap()).unwrap();
    let outsourced = summary["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["recommendation"]["option"] == "outsourced")
        .count();
    assert_eq!(
        d["outsourced"].as_array().unwrap().len(),
        outsourced,
        "filtering by recommendation: {}",
        d["outsourced"]
    );
    assert_eq!(d["searched"], json!(["Northwind Bank plc"]));
    assert_eq!(d["status"], format!("Showing 1 of {n} organisations."));

    // With scripts off: every organisation, no inert controls, no sideways
    // scrolling.
    let off = &report["withoutScripts"];
    assert_eq!(off["rows"], n);
    assert_eq!(off["visible"], n);
    assert_eq!(off["controls"], 0);
    assert_eq!(off["horizontalScroll"], false);

    assert!(problems.is_empty(), "{}", problems.join("\n"));
    fs::remove_dir_all(dir).unwrap();
}
