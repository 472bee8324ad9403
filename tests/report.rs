//! Markdown and HTML reports, run through the binary and checked the way a
//! reader, a linter and a validator would.

mod common;
use common::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn render(dir: &Path, profiles: &[&str], extra: &[&str]) -> Run {
    let mut args = vec!["report"];
    args.extend_from_slice(profiles);
    args.extend_from_slice(&["--format", "md,html,json", "--out", "out"]);
    args.extend_from_slice(extra);
    socsource_at(dir, &args)
}

fn example(name: &str) -> String {
    repo()
        .join(format!("profiles/{name}.yaml"))
        .display()
        .to_string()
}

/// The report's Markdown as the product reads it (the same extensions:
/// tables, task lists, strikethrough, footnotes, front matter).
fn markdown_events(md: &str) -> Vec<Event<'_>> {
    Parser::new_ext(md, socsource::internals::render::markdown::options()).collect()
}

const SECTIONS: [&str; 12] = [
    "Executive summary",
    "What we assessed",
    "The options",
    "Key considerations",
    "Cost comparison",
    "Staffing model",
    "Risk assessment",
    "Security objectives",
    "SLA checklist",
    "Roadmap",
    "What would change the recommendation",
    "Appendix",
];

fn headings(md: &str, level: pulldown_cmark::HeadingLevel) -> Vec<String> {
    let events = markdown_events(md);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for e in events {
        match e {
            Event::Start(Tag::Heading { level: l, .. }) if l == level => {
                current = Some(String::new())
            }
            Event::Text(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(c) = current.take() {
                    out.push(c);
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_section_is_present_in_order_with_front_matter_and_charts() {
    let dir = scratch("sections");
    let run = render(&dir, &[&example("vulcan-praezision")], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = fs::read_to_string(dir.join("out/vulcan-praezision/report.md")).unwrap();
    assert_eq!(headings(&md, pulldown_cmark::HeadingLevel::H2), SECTIONS);
    assert_eq!(
        headings(&md, pulldown_cmark::HeadingLevel::H1),
        ["SOC sourcing assessment for Vulcan Präzisionstechnik GmbH"]
    );
    let front: serde_yaml::Value = serde_yaml::from_str(md.split("---\n").nth(1).unwrap()).unwrap();
    assert_eq!(front["organisation"], "Vulcan Präzisionstechnik GmbH");
    assert_eq!(front["date"], "2026-11-02");
    assert_eq!(front["recommendation"], "outsourced");
    assert_eq!(
        front["generator"],
        format!("socsource {}", env!("CARGO_PKG_VERSION")).as_str()
    );
    for chart in [
        "appraisal",
        "ranges",
        "costs",
        "cumulative",
        "heatmap",
        "loss",
        "roadmap",
    ] {
        assert!(md.contains(&format!("(charts/{chart}.svg)")), "{chart}");
        let svg = fs::read_to_string(dir.join(format!("out/vulcan-praezision/charts/{chart}.svg")))
            .unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("<title") && svg.contains("<desc"));
    }
    fs::remove_dir_all(dir).unwrap();
}

/// The executive summary must fit on one printed page: a bound on its size.
#[test]
fn executive_summary_is_short() {
    for name in ["northwind-bank", "st-aidans-health", "dunav-energija"] {
        let dir = scratch(&format!("summary-{name}"));
        render(&dir, &[&example(name)], &[]);
        let md = fs::read_to_string(dir.join(format!("out/{name}/report.md"))).unwrap();
        let start = md.find("## Executive summary").unwrap();
        let end = start + md[start..].find("<!-- pagebreak -->").unwrap();
        // Words, not table pipes and delimiters.
        let words = md[start..end]
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        assert!(words < 520, "{name}: executive summary has {words} words");
        fs::remove_dir_all(dir).unwrap();
    }
}

/// One snapshot per section (an H2 and what follows it), so a change shows
/// where it is and a review reads one section at a time.
#[test]
fn markdown_snapshots_per_section() {
    for name in ["northwind-bank", "kestrel-commerce"] {
        let dir = scratch(&format!("snap-{name}"));
        let run = render(&dir, &[&example(name)], &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let md = fs::read_to_string(dir.join(format!("out/{name}/report.md"))).unwrap();
        let mut sections = md.split("\n## ");
        let front = sections.next().unwrap_or_default();
        insta::assert_snapshot!(format!("{name}-00-front"), front);
        for (i, section) in sections.enumerate() {
            let title = section.lines().next().unwrap_or_default();
            let slug: String = title
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect::<String>()
                .split('-')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            insta::assert_snapshot!(
                format!("{name}-{:02}-{slug}", i + 1),
                format!("## {section}")
            );
        }
        fs::remove_dir_all(dir).unwrap();
    }
}

fn batch_all(dir: &Path) -> Run {
    socsource_at(
        dir,
        &[
            "batch",
            &repo().join("profiles").display().to_string(),
            "--format",
            "md,html,json",
            "--out",
            "out",
        ],
    )
}

/// Markdown files under `dir`, counted.
fn walk_md(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            if p.is_dir() {
                walk_md(&p)
            } else {
                usize::from(p.extension().is_some_and(|e| e == "md"))
            }
        })
        .sum()
}

#[test]
fn markdown_passes_markdownlint() {
    let Some(lint) = tool("markdownlint") else {
        return;
    };
    let dir = scratch("lint");
    assert_eq!(batch_all(&dir).code, 0);
    let out = Command::new(lint)
        .arg("--config")
        .arg(repo().join(".markdownlint-cli2.jsonc"))
        .arg("out/**/*.md")
        .current_dir(&dir)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "markdownlint:\n{text}");
    // Every Markdown file written (each report and the dashboard), all
    // of them linted.
    let written = walk_md(&dir.join("out"));
    assert_eq!(written, example_profiles().len() + 1);
    assert!(
        text.contains(&format!("Linting: {written} file(s)")),
        "{text}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn html_is_valid_html5() {
    let Some(vnu) = tool("vnu") else { return };
    let dir = scratch("vnu");
    assert_eq!(batch_all(&dir).code, 0);
    let mut pages: Vec<PathBuf> = example_profiles()
        .iter()
        .map(|p| {
            dir.join("out")
                .join(p.file_stem().unwrap())
                .join("report.html")
        })
        .collect();
    pages.push(dir.join("out/index.html"));
    let out = Command::new("java")
        .arg("-jar")
        .arg(vnu)
        .arg("--errors-only")
        .args(&pages)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "vnu:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn html_is_self_contained_and_accessible() {
    let dir = scratch("html");
    let run = render(&dir, &[&example("thessaloniki-municipality")], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = fs::read_to_string(dir.join("out/thessaloniki-municipality/report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("@media print") && html.contains("@page"));
    for forbidden in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "src=\"http",
        "url(http",
        "@import",
    ] {
        assert!(
            !html.contains(forbidden),
            "external or active content: {forbidden}"
        );
    }
    // The only links out are the References' public sources.
    for (i, _) in html.match_indices("href=\"http") {
        let url = &html[i + 6..];
        let url = &url[..url.find('"').unwrap()].replace("&amp;", "&");
        assert!(
            socsource::internals::reference::sources::SOURCES
                .iter()
                .any(|s| s.url == url),
            "a link that is not a cited source: {url}"
        );
    }
    assert_eq!(html.matches("<svg ").count(), 7, "charts are inline SVG");
    assert_eq!(html.matches("<figure class=\"chart\">").count(), 7);
    assert_eq!(
        html.matches("<title id=\"chart-").count(),
        7,
        "every chart has a title"
    );
    assert!(!html.contains("<th>"), "every header cell has a scope");
    assert!(html.contains("<th scope=\"col\""));
    // Headings never skip a level.
    let mut last = 0;
    for level in html
        .match_indices("<h")
        .filter_map(|(i, _)| html[i + 2..].chars().next()?.to_digit(10))
    {
        assert!(level <= last + 1, "heading level {level} after {last}");
        last = level;
    }
    assert!(html.contains("Δήμος Θεσσαλονίκης"));
    fs::remove_dir_all(dir).unwrap();
}

/// Hostile text in every profile field that reaches the report stays text.
#[test]
fn profile_text_is_never_markup() {
    let dir = scratch("hostile");
    let hostile = "{{ 7*7 }} | <script>alert(1)</script> # [x](javascript:alert(1)) *b* `c` &amp; $x$ {% if %}";
    let quoted = format!("\"{}\"", hostile.replace('\\', "\\\\").replace('"', "\\\""));
    let profile = format!(
        "version: 1\nid: hostile\norganisation:\n  name: {quoted}\n  industry: finance\n  employees: 500\n\
         environment:\n  endpoints: 400\n  critical_assets:\n    - name: {quoted}\n      criticality: critical\n      internet_facing: true\n\
         budget:\n  annual_opex: 900000\n\
         compliance:\n  frameworks: [gdpr, \"<b>x</b>|y\"]\n\
         mssp_quote:\n  annual_fee: 300000\n  provider: {quoted}\n\
         report:\n  prepared_by: {quoted}\n  prepared_for: {quoted}\n  classification: \"<i>|</i> {{{{x}}}}\"\n"
    );
    fs::write(dir.join("hostile.yaml"), profile).unwrap();
    let run = render(&dir, &["hostile.yaml"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let md = fs::read_to_string(dir.join("out/hostile/report.md")).unwrap();
    let events = markdown_events(&md);
    for e in &events {
        match e {
            Event::Html(h) | Event::InlineHtml(h) => {
                assert_eq!(h.trim(), "<!-- pagebreak -->", "raw HTML in Markdown")
            }
            Event::Start(Tag::Link { dest_url, .. }) => assert!(
                socsource::internals::reference::sources::SOURCES
                    .iter()
                    .any(|s| s.url == dest_url.as_ref()),
                "a link appeared: {dest_url}"
            ),
            Event::Start(Tag::Emphasis | Tag::Strong) | Event::Code(_) => {}
            _ => {}
        }
    }
    // Every table row has as many cells as its header: no pipe escaped out.
    let mut columns = Vec::new();
    let mut cells = 0;
    for e in &events {
        match e {
            Event::Start(Tag::Table(align)) => columns.push(align.len()),
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::End(TagEnd::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                assert_eq!(Some(&cells), columns.last(), "a row has extra cells")
            }
            _ => {}
        }
    }
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("");
    assert!(
        text.matches(hostile).count() >= 5,
        "the hostile text appears literally in the report"
    );
    let front: serde_yaml::Value = serde_yaml::from_str(md.split("---\n").nth(1).unwrap()).unwrap();
    assert_eq!(front["organisation"], hostile);

    let html = fs::read_to_string(dir.join("out/hostile/report.html")).unwrap();
    assert!(!html.contains("<script"), "script tag reached the HTML");
    assert!(!html.contains("<b>x</b>") && !html.contains("<i>|</i>"));
    assert!(
        !html.contains("javascript:alert(1)\""),
        "a javascript: link reached the HTML"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("{{ 7*7 }}") && !html.contains(">49<"));

    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("out/hostile/assessment.json")).unwrap())
            .unwrap();
    assert_eq!(json["profile"]["name"], hostile);
    if let Some(vnu) = tool("vnu") {
        let out = Command::new("java")
            .arg("-jar")
            .arg(vnu)
            .arg("--errors-only")
            .arg(dir.join("out/hostile/report.html"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_user_template_overrides_the_builtin_one_in_every_format() {
    let dir = scratch("override");
    let run = socsource_at(&dir, &["templates", "export", "mine"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.join("mine/summary.md").exists() && dir.join("mine/report.html").exists());
    let again = socsource_at(&dir, &["templates", "export", "mine"]);
    assert_eq!(
        again.code, 2,
        "export refuses to overwrite edits, before writing anything"
    );

    fs::remove_dir_all(dir.join("mine")).unwrap();
    fs::create_dir_all(dir.join("mine")).unwrap();
    fs::write(
        dir.join("mine/summary.md"),
        "## Executive summary\n\nBOARD BRIEFING for {{ a.profile.name }}: {{ a.recommendation.label }}.\n",
    )
    .unwrap();
    let run = render(
        &dir,
        &[&example("northwind-bank")],
        &["--templates", "mine"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = fs::read_to_string(dir.join("out/northwind-bank/report.md")).unwrap();
    assert!(md.contains("BOARD BRIEFING for Northwind Bank plc: Hybrid (co-managed) SOC."));
    assert!(
        md.contains("## Key considerations"),
        "other sections keep the built-in templates"
    );
    let html = fs::read_to_string(dir.join("out/northwind-bank/report.html")).unwrap();
    assert!(html.contains("BOARD BRIEFING for Northwind Bank plc"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn template_errors_name_the_template_line_and_problem() {
    let dir = scratch("bad-template");
    fs::create_dir_all(dir.join("mine")).unwrap();
    fs::write(
        dir.join("mine/costs.md"),
        "## Cost comparison\n\nTotal: {{ a.costs.total \n",
    )
    .unwrap();
    let run = render(
        &dir,
        &[&example("northwind-bank")],
        &["--templates", "mine"],
    );
    assert_eq!(
        run.code, 2,
        "a broken template set is a usage error: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("template `costs.md` (mine/costs.md)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--> 4:1"),
        "names the line: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("a variable end (`}}`)"),
        "says what was expected: {}",
        run.stderr
    );

    fs::write(
        dir.join("mine/costs.md"),
        "## Cost comparison\n\n{{ a.costs.no_such_field }}\n",
    )
    .unwrap();
    let run = render(
        &dir,
        &[&example("northwind-bank")],
        &["--templates", "mine"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Variable `a.costs.no_such_field` not found"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("at mine/costs.md line 3"),
        "{}",
        run.stderr
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn batch_index_lists_every_organisation_and_every_failure() {
    let dir = scratch("index");
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::copy(
        repo().join("profiles/northwind-bank.yaml"),
        dir.join("in/northwind-bank.yaml"),
    )
    .unwrap();
    fs::copy(
        repo().join("profiles/kestrel-commerce.yaml"),
        dir.join("in/kestrel-commerce.yaml"),
    )
    .unwrap();
    fs::copy(
        repo().join("tests/fixtures/bad/version-2.yaml"),
        dir.join("in/broken.yaml"),
    )
    .unwrap();
    let run = socsource_at(
        &dir,
        &["batch", "in", "--format", "md,html", "--out", "out"],
    );
    assert_eq!(
        run.code, 1,
        "a failed profile makes the batch exit 1: {}",
        run.stderr
    );
    assert!(dir.join("out/northwind-bank/report.html").exists());
    assert!(dir.join("out/kestrel-commerce/report.md").exists());
    let index = fs::read_to_string(dir.join("out/index.md")).unwrap();
    assert!(
        index.contains("| Northwind Bank plc | Financial services | 4,200 | Hybrid | high |"),
        "{index}"
    );
    assert!(index.contains("| Hybrid | 1 | 50% |"), "{index}");
    assert!(
        index.contains("| EUR | 1 | "),
        "totals per currency: {index}"
    );
    assert!(index.contains("![Recommendation by industry"), "{index}");
    assert!(dir.join("out/index.svg").exists());
    assert!(index.contains("Kestrel Commerce B.V."));
    assert!(index.contains("[HTML](northwind-bank/report.html)"));
    assert!(index.contains("## Profiles that failed"));
    assert!(index.contains("in/broken.yaml") && index.contains("unsupported format version"));
    let html = fs::read_to_string(dir.join("out/index.html")).unwrap();
    assert!(html.contains("href=\"northwind-bank/report.html\""));
    assert!(html.contains("<svg ") && html.contains("Recommendation by industry"));
    // One script, inline, allowed by its hash and nothing else.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<script src"));
    let csp = html
        .split("Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    assert!(csp.contains("script-src 'sha256-"), "{csp}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn markdown_and_html_go_to_stdout_for_pipelines() {
    let run = socsource_at(
        &repo(),
        &[
            "report",
            "profiles/tarangini-cloud.yaml",
            "--format",
            "md",
            "--out",
            "-",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .starts_with("---\ntitle: \"SOC sourcing assessment for Tarangini Cloud Pvt. Ltd.\""));
    let html = socsource_at(
        &repo(),
        &[
            "report",
            "profiles/tarangini-cloud.yaml",
            "--format",
            "html",
            "--out",
            "-",
        ],
    );
    assert!(html.stdout.starts_with("<!DOCTYPE html>"));
}

/// tera recurses without a limit; a template set that includes itself or a
/// macro that calls itself would overflow the stack and abort the whole
/// batch. Both are refused up front as usage errors naming the cycle.
#[test]
fn recursive_templates_are_refused_instead_of_crashing() {
    let dir = scratch("recursive-template");
    fs::create_dir_all(dir.join("mine")).unwrap();
    fs::write(dir.join("mine/summary.md"), "{% include \"costs.md\" %}\n").unwrap();
    fs::write(dir.join("mine/costs.md"), "{% include \"summary.md\" %}\n").unwrap();
    let run = render(
        &dir,
        &[&example("northwind-bank")],
        &["--templates", "mine"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cycle: `costs.md` -> `summary.md` -> `costs.md`"),
        "{}",
        run.stderr
    );

    fs::remove_file(dir.join("mine/costs.md")).unwrap();
    fs::write(
        dir.join("mine/macros.md"),
        "{% macro row(n) %}{{ self::row(n=n) }}{% endmacro row %}\n",
    )
    .unwrap();
    fs::write(
        dir.join("mine/summary.md"),
        "{% import \"macros.md\" as m %}{{ m::row(n=1) }}\n",
    )
    .unwrap();
    let run = render(
        &dir,
        &[&example("northwind-bank")],
        &["--templates", "mine"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("macro `row` in `macros.md`"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out").exists(), "nothing was written");
    fs::remove_dir_all(dir).unwrap();
}
