//! The HTML report printed, as a reader prints it from a browser: headless
//! Chromium's print to PDF (on Letter, its default, and on A4), and
//! WeasyPrint's when it is installed (it is optional: its table layout is
//! the one that used to cut wide tables off), read back with poppler. Every printed page carries the running footer with the
//! organisation, the classification and "Page X of Y"; the contents are
//! printed; no word of any table reaches past the page's margin. On screen
//! the contents follow the title.
//!
//! Without chromium or poppler the print check is skipped with a note; with
//! `SOCSOURCE_REQUIRE_TOOLS` set it fails.

mod common;
use common::*;
use std::fs;
use std::path::Path;
use std::process::Command;

/// The page margin the stylesheet sets at the right, in points.
const SIDE_MARGIN: f32 = 16.0 / 25.4 * 72.0;

fn rendered(name: &str) -> Scratch {
    let dir = scratch(name);
    let run = socsource_at(
        &dir,
        &[
            "report",
            &repo()
                .join("profiles/northwind-bank.yaml")
                .display()
                .to_string(),
            "--format",
            "html",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    dir
}

#[test]
fn the_stylesheet_prints_a_running_footer_and_keeps_the_contents() {
    let dir = rendered("print-css");
    let html = fs::read_to_string(dir.join("out/northwind-bank/report.html")).unwrap();
    assert!(
        html.contains("content: \"Page \" counter(page) \" of \" counter(pages);"),
        "no page numbers in the print stylesheet"
    );
    assert!(
        html.contains("@page { @bottom-left { content: \"Northwind Bank plc · Confidential\"; } }"),
        "no organisation and classification in the footer"
    );
    let print = &html[html.find("@media print").expect("a print stylesheet")..];
    assert!(
        !print.contains(".toc { display: none"),
        "the contents are hidden in print"
    );
    // On screen: the title, then the contents, then the first section.
    let title = html.find("<h1 ").expect("a title");
    let contents = html.find("<nav class=\"toc\"").expect("contents");
    let first = html.find("<h2 ").expect("a section");
    assert!(
        title < contents && contents < first,
        "the contents are not between the title and the first section"
    );
    fs::remove_dir_all(dir).unwrap();
}

fn run(tool: &Path, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().expect("run tool");
    assert!(
        out.status.success(),
        "{} {args:?}: {}",
        tool.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Print `html` with headless Chromium to `pdf`.
fn print(chromium: &Path, html: &Path, pdf: &Path, profile: &Path) {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            // The browser's own header and footer (date, file name, page
            // number) would hide whether the page's footer prints.
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(html)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success() && pdf.exists(),
        "chromium did not print: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

struct Page {
    width: f32,
    words: Vec<(String, f32, f32)>,
}

/// Words per page with their left and right edges, from `pdftotext -bbox`.
fn words(pdftotext: &Path, pdf: &Path) -> Vec<Page> {
    let html = run(pdftotext, &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |line: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        line.find(&key)
            .and_then(|i| line[i + key.len()..].split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let mut pages: Vec<Page> = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(Page {
                width: attr(line, "width"),
                words: Vec::new(),
            });
        } else if line.starts_with("<word ") {
            let text = line
                .split('>')
                .nth(1)
                .and_then(|t| t.split('<').next())
                .unwrap_or("")
                .to_string();
            if let Some(p) = pages.last_mut() {
                p.words.push((text, attr(line, "xMin"), attr(line, "xMax")));
            }
        }
    }
    pages
}

/// The text of the last header cell of every table in the page: where a
/// clipped table loses its text first.
fn last_column_heads(html: &str) -> Vec<String> {
    html.split("</thead>")
        .filter_map(|before| {
            let head = &before[before.rfind("<thead>")?..];
            let cell = &head[head.rfind("<th ")?..];
            let inner = cell[cell.find('>')? + 1..].split("</th>").next()?;
            // Text only: inline markup (code, emphasis) dropped.
            let mut text = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            Some(text.replace("&amp;", "&").replace("&quot;", "\""))
        })
        .collect()
}

#[test]
fn printed_pages_number_themselves_keep_the_contents_and_clip_no_table() {
    let (Some(chromium), Some(pdftotext)) = (tool("chromium"), tool("pdftotext")) else {
        return;
    };
    let dir = rendered("print-chromium");
    let report = dir.join("out/northwind-bank/report.html");
    let html = fs::read_to_string(&report).unwrap();
    // The same page on A4: the reader's choice of paper, as a print
    // dialog would set it.
    let a4 = dir.join("out/northwind-bank/report-a4.html");
    fs::write(
        &a4,
        html.replace("</style>", "@page { size: A4; }\n</style>"),
    )
    .unwrap();
    let heads = last_column_heads(&html);
    assert!(heads.len() > 20, "{heads:?}");
    let weasyprint = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join("weasyprint"))
            .find(|w| w.exists())
    });
    let mut prints = vec![("letter", &report), ("a4", &a4)];
    if weasyprint.is_some() {
        prints.push(("weasyprint", &report));
    }
    for (paper, page_html) in prints {
        let pdf = dir.join(format!("{paper}.pdf"));
        match (&weasyprint, paper) {
            (Some(weasyprint), "weasyprint") => {
                run(
                    weasyprint,
                    &[page_html.to_str().unwrap(), pdf.to_str().unwrap()],
                );
            }
            _ => print(
                &chromium,
                page_html,
                &pdf,
                &dir.join(format!("chromium-{paper}")),
            ),
        }
        let pages = words(&pdftotext, &pdf);
        let n = pages.len();
        assert!(n > 10, "{paper}: only {n} pages");
        let text = run(&pdftotext, &[pdf.to_str().unwrap(), "-"]);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (i, page) in pages.iter().enumerate() {
            let words: Vec<&str> = page.words.iter().map(|(w, ..)| w.as_str()).collect();
            let line = words.join(" ");
            for footer in [
                format!("Page {} of {n}", i + 1),
                "Northwind Bank plc · Confidential".to_string(),
            ] {
                assert!(
                    line.contains(&footer),
                    "{paper}: page {} has no {footer:?} in its footer",
                    i + 1
                );
            }
        }
        // The contents are printed, before the first section's text.
        // (WeasyPrint adds each section's page number.)
        let contents = flat.find("Contents 1. Executive summary");
        let last = flat.find("13. Appendix");
        // (The cover states the recommendation too; the summary alone asks
        // the board for a decision.)
        let summary = flat.find("Decision asked of the board");
        assert!(
            matches!((contents, last, summary), (Some(c), Some(l), Some(s)) if c < l && l < s),
            "{paper}: the contents are not printed before the summary"
        );
        let printed: std::collections::BTreeSet<&str> = flat.split(' ').collect();
        for head in &heads {
            for word in head.split_whitespace() {
                assert!(
                    printed.contains(word),
                    "{paper}: {word:?} of the column {head:?} is not printed"
                );
            }
        }
        // No word reaches into the right margin: no table is wider than
        // the text, none is cut at the page's edge (a table too wide runs
        // off to the right).
        for (i, page) in pages.iter().enumerate() {
            for (word, left, right) in &page.words {
                assert!(
                    *right <= page.width - SIDE_MARGIN + 1.0,
                    "{paper}: page {} has {word:?} at {left:.1} to {right:.1} pt, outside the text of a page {:.1} pt wide",
                    i + 1,
                    page.width
                );
            }
        }
    }
    fs::remove_dir_all(dir).unwrap();
}
