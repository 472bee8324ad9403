//! Which conformance checks this machine can run, said once per run.
//!
//! Some checks use tools from outside Rust (poppler, qpdf, the W3C Nu
//! checker, markdownlint, a browser). Where one is missing, the tests that
//! use it still make their own assertions (the PDF tests read the file
//! themselves) and skip only the tool's check. So that a run which skipped
//! checks cannot pass for a full one, this test writes one summary of what
//! was skipped, and what to install, straight to the process's standard
//! error: not through `eprintln!`, which the test harness captures and
//! hides for passing tests. With `SOCSOURCE_REQUIRE_TOOLS` set (as CI
//! does) a missing tool fails instead.

mod common;
use common::*;
use std::io::Write;

/// Each checker, what installs it, and the checks that need it.
const CHECKERS: &[(&str, &str, &str)] = &[
    ("pdftotext", "poppler-utils", "PDF word positions and margins, contents entries against their pages, text as a viewer extracts it (pdf, diff, charts, numbers, template_edges)"),
    ("pdfinfo", "poppler-utils", "PDF metadata as a viewer reads it (pdf)"),
    ("pdffonts", "poppler-utils", "PDF fonts as a viewer lists them (pdf)"),
    ("pdftoppm", "poppler-utils", "PDF pages rasterised and compared (pdf)"),
    ("qpdf", "qpdf", "PDF syntax in depth, outline destinations (pdf, hostile)"),
    ("vnu", "npm ci, default-jre-headless", "HTML5 validity of reports and the dashboard (report)"),
    ("markdownlint", "npm ci", "Markdown lint of the reports and the docs (report, readme)"),
    ("node", "Node.js 20 or later", "pages in a real browser with axe-core (browser)"),
    ("chromium", "chromium", "pages in a real browser; printed HTML (browser, print)"),
    ("playwright-core", "npm ci", "pages in a real browser (browser)"),
    ("axe-core", "npm ci", "accessibility of the pages (browser)"),
];

#[test]
fn every_checker_is_installed_or_its_skipped_checks_are_listed_once() {
    let missing: Vec<&(&str, &str, &str)> = CHECKERS
        .iter()
        .filter(|(name, _, _)| find_tool(name).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    let mut summary = String::from(
        "\nNOTE: these checks were skipped on this machine (the tests around them ran):\n",
    );
    for (name, install, checks) in &missing {
        summary.push_str(&format!("  {name:<16} ({install}): {checks}\n"));
    }
    let mut packages: Vec<&str> = missing
        .iter()
        .flat_map(|(_, install, _)| install.split(", "))
        .collect();
    packages.sort();
    packages.dedup();
    summary.push_str(&format!(
        "  install: {}; see the Tests section of CONTRIBUTING.md, or run .ci/run\n",
        packages.join(", ")
    ));
    assert!(
        std::env::var_os("SOCSOURCE_REQUIRE_TOOLS").is_none(),
        "SOCSOURCE_REQUIRE_TOOLS is set and checkers are missing:{summary}"
    );
    let _ = std::io::stderr().write_all(summary.as_bytes());
}
