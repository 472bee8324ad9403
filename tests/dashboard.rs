//! The portfolio dashboard a batch writes, read as its reader would: the
//! reports of an organisation on one compact line, costs that sort within
//! their currency (and the page saying so), sort controls that stay on one
//! line, every error of a failed profile (the first five, then a count),
//! and `batch --open` handing the page to the platform's opener only when
//! there is a display. The same page in a browser is checked by
//! `tests/browser.rs`.

mod common;
use common::*;
use std::fs;
use std::path::Path;

/// A portfolio of the bundled profiles and one profile with nine errors.
fn portfolio(dir: &Path) {
    fs::create_dir_all(dir.join("in")).unwrap();
    for p in example_profiles() {
        fs::copy(&p, dir.join("in").join(p.file_name().unwrap())).unwrap();
    }
    fs::copy(
        repo().join("tests/fixtures/bad/bad-enums.yaml"),
        dir.join("in/bad-enums.yaml"),
    )
    .unwrap();
}

/// The text of an element's content, tags removed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[test]
fn the_dashboard_is_compact_sorts_costs_by_currency_and_lists_every_error() {
    let dir = scratch("dashboard");
    portfolio(&dir);
    let run = socsource_at(
        &dir,
        &[
            "batch",
            "in",
            "--format",
            "md,html,pdf,json",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.trim_end().ends_with("dashboard: out/index.html"),
        "the run ends with the dashboard's path: {}",
        run.stderr
    );
    let html = fs::read_to_string(dir.join("out/index.html")).unwrap();

    // One line per edition: PDF first (the board document), then HTML,
    // Markdown and the assessment, each link named for a screen reader.
    let cell = html
        .split("class=\"links\">")
        .nth(1)
        .and_then(|rest| rest.split("</td>").next())
        .unwrap();
    assert_eq!(text(cell), "PDF · HTML · MD · JSON", "{cell}");
    assert!(!cell.contains("<br>"), "one edition, one line: {cell}");
    assert!(cell.contains("aria-label=\"PDF report of "), "{cell}");
    let css = fs::read_to_string(repo().join("templates/style.css")).unwrap();
    assert!(css.contains("table.portfolio td.links { white-space: nowrap; }"));
    assert!(
        css.contains("th button.sort { white-space: nowrap;"),
        "sort arrows stay with their heading"
    );

    // Costs sort within a currency, and the page says so.
    assert_eq!(
        html.matches("data-sort=\"money\"").count(),
        3,
        "the three cost columns"
    );
    assert!(html.contains("data-currency=\"INR\"") && html.contains("data-currency=\"USD\""));
    assert!(
        html.contains("Sorting by a cost groups the organisations by currency"),
        "the page says how costs sort"
    );
    let script = fs::read_to_string(repo().join("templates/index.js")).unwrap();
    assert!(
        script.contains("data-currency"),
        "the script sorts by currency first"
    );

    // Every error of the failed profile, five listed and the rest counted.
    let failed = html.split("<table class=\"failures\">").nth(1).unwrap();
    let errors = failed.split("<ul class=\"errors\">").nth(1).unwrap();
    let errors = errors.split("</ul>").next().unwrap();
    assert_eq!(errors.matches("<li>").count(), 5, "{errors}");
    assert!(errors.contains("line 4: organisation.industry"), "{errors}");
    assert!(failed.contains("and 4 more"), "{failed}");
    let md = fs::read_to_string(dir.join("out/index.md")).unwrap();
    let row = md
        .lines()
        .find(|l| l.starts_with("| in/bad-enums.yaml |"))
        .unwrap();
    assert!(row.contains("line 4: organisation.industry"), "{row}");
    assert!(row.contains("line 14: security"), "{row}");
    assert!(row.ends_with("; and 4 more |"), "{row}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_brief_links_share_a_second_line() {
    let dir = scratch("dashboard-brief");
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::copy(
        repo().join("profiles/kestrel-commerce.yaml"),
        dir.join("in/kestrel.yaml"),
    )
    .unwrap();
    let run = socsource_at(
        &dir,
        &[
            "batch",
            "in",
            "--format",
            "html,pdf",
            "--edition",
            "both",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = fs::read_to_string(dir.join("out/index.html")).unwrap();
    let cell = html
        .split("class=\"links\">")
        .nth(1)
        .and_then(|rest| rest.split("</td>").next())
        .unwrap();
    let lines: Vec<String> = cell.split("<br>").map(text).collect();
    assert_eq!(lines, ["PDF · HTML", "Brief PDF · HTML"], "{cell}");
    assert!(
        cell.contains("href=\"kestrel-commerce/brief.pdf\""),
        "{cell}"
    );
    assert!(
        cell.contains("aria-label=\"Brief PDF report of Kestrel"),
        "{cell}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn open_uses_the_platforms_opener_only_with_a_display_and_never_fails_the_run() {
    let dir = scratch("dashboard-open");
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::copy(
        repo().join("profiles/kestrel-commerce.yaml"),
        dir.join("in/kestrel.yaml"),
    )
    .unwrap();
    let args = ["batch", "in", "--format", "json", "--out", "out", "--open"];
    let path = std::env::var("PATH").unwrap_or_default();

    // No display: said, and the run still succeeds.
    let headless = socsource_in(
        &dir,
        &args,
        &[
            ("DISPLAY", ""),
            ("WAYLAND_DISPLAY", ""),
            ("SOURCE_DATE_EPOCH", "1764115200"),
        ],
    );
    assert_eq!(headless.code, 0, "{}", headless.stderr);
    assert!(
        headless.stderr.contains("--open: no display"),
        "{}",
        headless.stderr
    );

    if cfg!(target_os = "linux") {
        // A display, and an opener that records what it was given.
        let bin = dir.join("bin");
        fs::create_dir_all(&bin).unwrap();
        let opener = bin.join("xdg-open");
        let record = dir.join("opened");
        fs::write(
            &opener,
            format!("#!/bin/sh\necho \"$1\" > '{}'\n", record.display()),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&opener, fs::Permissions::from_mode(0o755)).unwrap();
        let with_opener = format!("{}:{path}", bin.display());
        let shown = socsource_in(
            &dir,
            &args,
            &[
                ("DISPLAY", ":0"),
                ("PATH", &with_opener),
                ("SOURCE_DATE_EPOCH", "1764115200"),
            ],
        );
        assert_eq!(shown.code, 0, "{}", shown.stderr);
        assert!(
            shown
                .stderr
                .contains("opening out/index.html with xdg-open"),
            "{}",
            shown.stderr
        );
        let mut opened = String::new();
        for _ in 0..50 {
            opened = fs::read_to_string(&record).unwrap_or_default();
            if !opened.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert_eq!(opened.trim(), "out/index.html");

        // An opener that is not installed: said, and the run still succeeds.
        let missing = socsource_in(
            &dir,
            &args,
            &[
                ("DISPLAY", ":0"),
                ("PATH", "/nonexistent"),
                ("SOURCE_DATE_EPOCH", "1764115200"),
            ],
        );
        assert_eq!(missing.code, 0, "{}", missing.stderr);
        assert!(
            missing.stderr.contains("--open: cannot start xdg-open"),
            "{}",
            missing.stderr
        );
    }
    fs::remove_dir_all(dir).unwrap();
}
