//! Charts as a reader meets them: every kind of mark explained by a key,
//! the money available drawn as it accumulates, the heat map's axes titled
//! and numbered, long names wrapped rather than cut, and text large enough
//! on a phone and on paper. Checked on the SVG and PDF files the binary
//! writes for the bundled profiles.

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One element of a chart's SVG, with the part of the chart it is in.
#[derive(Debug, Clone)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    part: String,
}

impl Element {
    fn num(&self, key: &str) -> f32 {
        self.attrs
            .get(key)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{} has no number {key}: {self:?}", self.name))
    }

    fn bold(&self) -> bool {
        self.attrs.get("font-weight").is_some_and(|w| w == "bold")
    }

    /// What kind of mark this is, for matching marks with the key: the
    /// element, its colour, and whether it is dashed. Text is not a mark.
    fn kind(&self) -> Option<(String, String, bool)> {
        let color = match self.name.as_str() {
            "rect" => self.attrs.get("fill"),
            "line" | "polyline" => self.attrs.get("stroke"),
            _ => return None,
        }?;
        Some((
            self.name.clone(),
            color.clone(),
            self.attrs.contains_key("stroke-dasharray"),
        ))
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The elements of an SVG as socsource writes it: flat groups of shapes
/// and text, no nesting beyond one `<g>`.
fn parse_svg(svg: &str) -> Vec<Element> {
    let mut out = Vec::new();
    let mut part = String::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').expect("a tag is closed");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag == "/g" {
            part.clear();
            continue;
        }
        if tag.starts_with('/') {
            continue;
        }
        let tag = tag.trim_end_matches('/');
        let (name, attr_text) = tag.split_once(' ').unwrap_or((tag, ""));
        let mut attrs = BTreeMap::new();
        let mut a = attr_text;
        while let Some(eq) = a.find("=\"") {
            let key = a[..eq].trim().to_string();
            let after = &a[eq + 2..];
            let close = after.find('"').expect("an attribute is closed");
            attrs.insert(key, unescape(&after[..close]));
            a = &after[close + 1..];
        }
        if name == "g" {
            part = attrs.get("class").cloned().unwrap_or_default();
            continue;
        }
        let text = if matches!(name, "text" | "title" | "desc") {
            let close = rest.find('<').unwrap_or(rest.len());
            unescape(&rest[..close])
        } else {
            String::new()
        };
        out.push(Element {
            name: name.to_string(),
            attrs,
            text,
            part: part.clone(),
        });
    }
    out
}

/// The bundled profiles rendered once as a batch (every format and the
/// portfolio dashboard), shared by the tests of this file.
fn batch() -> &'static Path {
    // Kept for the whole run (a static is never dropped); the system's
    // temporary folder is cleaned of it in time.
    static DIR: std::sync::OnceLock<(Scratch, PathBuf)> = std::sync::OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = scratch("charts-batch");
        let profiles = repo().join("profiles").display().to_string();
        let run = socsource_at(&dir, &["batch", &profiles, "--out", "out"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let out = dir.join("out");
        (dir, out)
    })
    .1
}

/// Every chart the batch wrote: the reports' and the dashboard's.
fn every_chart() -> Vec<(PathBuf, String)> {
    let mut charts = Vec::new();
    for report in fs::read_dir(batch()).unwrap() {
        let folder = report.unwrap().path().join("charts");
        if !folder.is_dir() {
            continue;
        }
        for f in fs::read_dir(&folder).unwrap() {
            let path = f.unwrap().path();
            charts.push((path.clone(), fs::read_to_string(&path).unwrap()));
        }
    }
    let index = batch().join("index.svg");
    charts.push((index.clone(), fs::read_to_string(&index).unwrap()));
    charts.sort();
    assert!(charts.len() > 8 * 7, "{charts:?}");
    charts
}

/// The folder `report --out out` writes one profile's report into.
fn report_folder(out: &Path) -> PathBuf {
    fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .unwrap_or_else(|| panic!("no report in {}", out.display()))
}

fn texts(elements: &[Element]) -> Vec<&Element> {
    elements.iter().filter(|e| e.name == "text").collect()
}

#[test]
fn every_kind_of_mark_is_explained_by_the_key_and_the_key_explains_only_marks_drawn() {
    for (path, svg) in every_chart() {
        let elements = parse_svg(&svg);
        let kinds = |part: &str| -> BTreeSet<(String, String, bool)> {
            elements
                .iter()
                .filter(|e| e.part == part)
                .filter_map(Element::kind)
                .collect()
        };
        let (marks, key) = (kinds("chart-marks"), kinds("chart-key"));
        assert!(!marks.is_empty(), "{}: no marks", path.display());
        for mark in &marks {
            assert!(
                key.contains(mark),
                "{}: {mark:?} is drawn but not in the key {key:?}",
                path.display()
            );
        }
        for sample in &key {
            assert!(
                marks.contains(sample),
                "{}: the key shows {sample:?}, which is not drawn",
                path.display()
            );
        }
        let meanings: Vec<&str> = elements
            .iter()
            .filter(|e| e.part == "chart-key" && e.name == "text")
            .map(|e| e.text.as_str())
            .collect();
        assert!(
            meanings.iter().all(|m| !m.trim().is_empty()) && !meanings.is_empty(),
            "{}: {meanings:?}",
            path.display()
        );
        // The chart keeps its title and its text alternative.
        for what in ["title", "desc"] {
            assert!(
                elements
                    .iter()
                    .any(|e| e.name == what && !e.text.trim().is_empty()),
                "{}: no {what}",
                path.display()
            );
        }
    }
}

/// The range charts explain their two ticks: the median (solid) and the
/// likely value (dashed).
#[test]
fn the_range_chart_names_its_solid_and_dashed_ticks() {
    let svg = fs::read_to_string(batch().join("northwind-bank/charts/ranges.svg")).unwrap();
    let elements = parse_svg(&svg);
    let key_text: Vec<&str> = elements
        .iter()
        .filter(|e| e.part == "chart-key" && e.name == "text")
        .map(|e| e.text.as_str())
        .collect();
    for meaning in ["P10 to P90", "median", "likely value", "money available"] {
        assert!(key_text.contains(&meaning), "{key_text:?}");
    }
    let key_lines: Vec<&Element> = elements
        .iter()
        .filter(|e| e.part == "chart-key" && e.name == "line")
        .collect();
    assert!(key_lines
        .iter()
        .any(|l| l.attrs.contains_key("stroke-dasharray")));
    assert!(key_lines
        .iter()
        .any(|l| !l.attrs.contains_key("stroke-dasharray")));
}

/// The colour of gridlines.
const GRIDLINE: &str = "#d5dbe2";

/// The value the y axis of a chart with amounts up the side gives to `y`,
/// read from the axis labels (`0`, `5M`, ...).
fn y_scale(elements: &[Element]) -> impl Fn(f32) -> f64 {
    let amount = |t: &str| -> Option<f64> {
        let (n, unit) = match t.chars().last()? {
            'k' => (&t[..t.len() - 1], 1e3),
            'M' => (&t[..t.len() - 1], 1e6),
            'B' => (&t[..t.len() - 1], 1e9),
            _ => (t, 1.0),
        };
        n.replace(',', "").parse::<f64>().ok().map(|v| v * unit)
    };
    // Each amount labels a gridline; both are drawn bottom to top.
    let amounts = texts(elements)
        .into_iter()
        .filter(|e| {
            e.part == "chart-axes" && e.attrs.get("text-anchor").is_some_and(|a| a == "end")
        })
        .filter_map(|e| amount(&e.text));
    let gridlines = elements.iter().filter(|e| {
        e.part == "chart-axes"
            && e.name == "line"
            && e.attrs.get("stroke").is_some_and(|c| c == GRIDLINE)
            && e.num("y1") == e.num("y2")
    });
    let ticks: Vec<(f32, f64)> = gridlines.map(|g| g.num("y1")).zip(amounts).collect();
    assert!(ticks.len() >= 3, "{ticks:?}");
    let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);
    move |y: f32| lo.1 + f64::from(lo.0 - y) / f64::from(lo.0 - hi.0) * (hi.1 - lo.1)
}

#[test]
fn the_money_available_accumulates_year_by_year_as_a_step() {
    for profile in ["northwind-bank", "kestrel-commerce", "st-aidans-health"] {
        let folder = batch().join(profile);
        let svg = fs::read_to_string(folder.join("charts/cumulative.svg")).unwrap();
        let a: serde_json::Value =
            serde_json::from_slice(&fs::read(folder.join("assessment.json")).unwrap()).unwrap();
        let costs = &a["costs"];
        let (capex, opex, available) = (
            costs["capex"].as_f64().unwrap(),
            costs["annual_opex"].as_f64().unwrap(),
            costs["available"].as_f64().unwrap(),
        );
        let years = costs["horizon_years"].as_u64().unwrap() as usize;
        let elements = parse_svg(&svg);
        let value = y_scale(&elements);
        let step: Vec<&Element> = elements
            .iter()
            .filter(|e| e.part == "chart-marks" && e.name == "line")
            .filter(|e| e.attrs.contains_key("stroke-dasharray"))
            .collect();
        let treads: Vec<(f32, f32, f64)> = step
            .iter()
            .filter(|l| (l.num("y1") - l.num("y2")).abs() < 0.01)
            .map(|l| (l.num("x1"), l.num("x2"), value(l.num("y1"))))
            .collect();
        let risers = step.len() - treads.len();
        assert_eq!(treads.len(), years, "{profile}: one tread a year");
        assert_eq!(risers, years - 1, "{profile}: a riser between years");
        let tolerance = available * 0.01;
        for (i, w) in treads.windows(2).enumerate() {
            assert!(
                (w[0].1 - w[1].0).abs() < 0.01,
                "{profile}: year {} ends where year {} starts",
                i + 1,
                i + 2
            );
            assert!(
                w[1].2 >= w[0].2 - tolerance,
                "{profile}: the money available never falls: {treads:?}"
            );
            if opex > 0.0 {
                assert!(w[1].2 > w[0].2, "{profile}: it steps up each year");
            }
        }
        for (i, t) in treads.iter().enumerate() {
            let expected = capex + opex * (i + 1) as f64;
            assert!(
                (t.2 - expected).abs() < tolerance,
                "{profile}: year {}: {} drawn, {expected} available",
                i + 1,
                t.2
            );
        }
        let last = treads.last().unwrap().2;
        assert!((last - available).abs() < tolerance, "{profile}: {last}");
    }
}

#[test]
fn the_heat_map_axes_are_titled_in_their_own_row_and_numbered_one_to_five() {
    for profile in ["northwind-bank", "vulcan-praezision"] {
        let svg = fs::read_to_string(batch().join(profile).join("charts/heatmap.svg")).unwrap();
        let elements = parse_svg(&svg);
        let cells: Vec<&Element> = elements
            .iter()
            .filter(|e| e.part == "chart-marks" && e.name == "rect")
            .collect();
        assert_eq!(cells.len(), 25);
        let left = cells.iter().map(|c| c.num("x")).fold(f32::MAX, f32::min);
        let right = cells
            .iter()
            .map(|c| c.num("x") + c.num("width"))
            .fold(0.0, f32::max);
        let top = cells.iter().map(|c| c.num("y")).fold(f32::MAX, f32::min);
        let bottom = cells
            .iter()
            .map(|c| c.num("y") + c.num("height"))
            .fold(0.0, f32::max);
        let plain: Vec<&Element> = texts(&elements)
            .into_iter()
            .filter(|t| t.part == "chart-axes")
            .collect();
        // The counts in the cells are bold; the numbers on the axes are not.
        assert!(texts(&elements)
            .iter()
            .filter(|t| t.part == "chart-marks")
            .all(|t| t.bold()));
        let find = |what: &str| -> &Element {
            plain
                .iter()
                .find(|t| t.text == what)
                .unwrap_or_else(|| panic!("{profile}: no {what:?} in {plain:?}"))
        };
        // Likelihood: numbered down the left, 5 at the top.
        let rows: Vec<f32> = (1..=5)
            .map(|n| {
                let t = plain
                    .iter()
                    .find(|t| t.text == n.to_string() && t.num("x") < left)
                    .unwrap_or_else(|| panic!("{profile}: no likelihood {n}"));
                t.num("y")
            })
            .collect();
        assert!(rows.windows(2).all(|w| w[0] > w[1]), "{rows:?}");
        // Impact: numbered along the bottom, 1 on the left.
        let columns: Vec<f32> = (1..=5)
            .map(|n| {
                let t = plain
                    .iter()
                    .find(|t| t.text == n.to_string() && t.num("y") > bottom)
                    .unwrap_or_else(|| panic!("{profile}: no impact {n}"));
                t.num("x")
            })
            .collect();
        assert!(columns.windows(2).all(|w| w[0] < w[1]), "{columns:?}");
        // Each axis has its title in a row of its own, where its labels
        // are: likelihood above its column of labels, impact below its row.
        let likelihood = find("Likelihood");
        assert!(likelihood.num("y") < top, "{likelihood:?}");
        assert!(likelihood.num("x") <= left, "{likelihood:?}");
        let impact = find("Impact");
        let column_labels = plain
            .iter()
            .filter(|t| t.num("y") > bottom && t.text != "Impact")
            .map(|t| t.num("y"))
            .fold(0.0, f32::max);
        assert!(impact.num("y") > column_labels + 5.0, "{impact:?}");
        assert!(impact.num("x") > left && impact.num("x") < right);
        for t in &plain {
            if t.text != "Likelihood" {
                assert!(
                    (t.num("y") - likelihood.num("y")).abs() > 5.0,
                    "{profile}: {t:?} shares the likelihood title's row"
                );
            }
        }
    }
}

/// The width a browser gives a chart on a phone 500 px wide: the column,
/// less its 1.25rem padding each side.
const PHONE_CHART_PX: f32 = 500.0 - 2.0 * 20.0;

#[test]
fn chart_text_is_at_least_9_px_on_a_phone() {
    for (path, svg) in every_chart() {
        let elements = parse_svg(&svg);
        let root = elements.iter().find(|e| e.name == "svg").unwrap();
        let width = root.num("width");
        let shown = PHONE_CHART_PX.min(width);
        for t in texts(&elements) {
            let px = t.num("font-size") * shown / width;
            assert!(
                px >= 9.0,
                "{}: {:?} is {px:.1} px at 500 px",
                path.display(),
                t.text
            );
        }
    }
}

#[test]
fn long_names_wrap_onto_more_lines_instead_of_being_cut() {
    let dir = scratch("charts-long-names");
    let name = "Regulator orders a second, physically separate security operations site in 2027";
    let profile = fs::read_to_string(repo().join("profiles/northwind-bank.yaml")).unwrap();
    let profile = profile.replacen(
        "scenarios:\n",
        &format!("scenarios:\n  - name: {name}\n    set:\n      budget.annual_opex: 3000000\n"),
        1,
    );
    fs::write(dir.join("long.yaml"), profile).unwrap();
    let run = socsource_at(
        &dir,
        &["report", "long.yaml", "--format", "md", "--out", "out"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let charts = report_folder(&dir.join("out")).join("charts");
    for f in fs::read_dir(&charts).unwrap() {
        let svg = fs::read_to_string(f.unwrap().path()).unwrap();
        for t in texts(&parse_svg(&svg)) {
            assert!(
                !t.text.contains('\u{2026}') && !t.text.contains("..."),
                "{:?}",
                t.text
            );
        }
    }
    let elements = parse_svg(&fs::read_to_string(charts.join("scenarios.svg")).unwrap());
    let lines: Vec<&str> = texts(&elements).iter().map(|t| t.text.as_str()).collect();
    let first = lines
        .iter()
        .position(|l| name.starts_with(*l) && !l.is_empty())
        .unwrap_or_else(|| panic!("{lines:?}"));
    let joined = format!("{} {}", lines[first], lines[first + 1]);
    assert!(
        joined.starts_with(name),
        "the whole name over two lines: {joined:?}"
    );
    assert!(lines[first].len() < name.len());
}

// The PDF: chart text measured as placed on the page.

/// A word as `pdftotext -bbox-layout` reports it.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    y_min: f32,
    y_max: f32,
}

/// Each page's lines of words.
fn pdf_lines(pdf: &Path) -> Vec<Vec<Vec<Word>>> {
    let Some(pdftotext) = tool("pdftotext") else {
        return Vec::new();
    };
    let out = Command::new(pdftotext)
        .args(["-bbox-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let xml = String::from_utf8_lossy(&out.stdout);
    let attr = |tag: &str, key: &str| -> f32 {
        let at = tag.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let mut pages = Vec::new();
    for page in xml.split("<page ").skip(1) {
        let mut lines = Vec::new();
        for line in page.split("<line ").skip(1) {
            let words = line
                .split("<word ")
                .skip(1)
                .map(|w| {
                    let (tag, rest) = w.split_once('>').unwrap();
                    Word {
                        text: unescape(&rest[..rest.find("</word>").unwrap()]),
                        y_min: attr(tag, "yMin"),
                        y_max: attr(tag, "yMax"),
                    }
                })
                .collect();
            lines.push(words);
        }
        pages.push(lines);
    }
    pages
}

/// Ascent plus descent of Liberation Sans, in em: what `pdftotext` gives
/// a word as its height.
const WORD_HEIGHT_EM: f32 = 0.905 + 0.212;

/// The chart's words in the PDF: those on the page of its caption, above
/// the caption and within the chart's height of it, that the chart draws.
fn check_pdf_chart_text(pdf: &Path, charts: &Path) {
    let pages = pdf_lines(pdf);
    if pages.is_empty() {
        return;
    }
    let mut seen = 0;
    for f in fs::read_dir(charts).unwrap() {
        let elements = parse_svg(&fs::read_to_string(f.unwrap().path()).unwrap());
        let title = &elements.iter().find(|e| e.name == "title").unwrap().text;
        let height = elements
            .iter()
            .find(|e| e.name == "svg")
            .unwrap()
            .num("height");
        let tokens: BTreeSet<String> = texts(&elements)
            .iter()
            .flat_map(|t| t.text.split_whitespace().map(str::to_string))
            .collect();
        for lines in &pages {
            let Some(caption) = lines.iter().find(|l| {
                l.len() > 2
                    && l[0].text == "Figure"
                    && l[2..]
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                        == *title
            }) else {
                continue;
            };
            seen += 1;
            let below = caption[0].y_min;
            let words: Vec<&Word> = lines
                .iter()
                .flatten()
                .filter(|w| w.y_max <= below + 0.5 && w.y_min >= below - height * 1.25 - 10.0)
                .filter(|w| tokens.contains(&w.text))
                .collect();
            let found: BTreeSet<&str> = words.iter().map(|w| w.text.as_str()).collect();
            assert!(
                found.len() * 10 >= tokens.len() * 8,
                "{}: {title}: found {found:?} of {tokens:?}",
                pdf.display()
            );
            for w in words {
                let size = (w.y_max - w.y_min) / WORD_HEIGHT_EM;
                assert!(
                    size >= 7.95,
                    "{}: {title}: {:?} is set at {size:.2} pt",
                    pdf.display(),
                    w.text
                );
            }
        }
    }
    assert!(seen > 0, "{}: no chart captions found", pdf.display());
}

#[test]
fn chart_text_is_at_least_8_pt_in_the_pdf_where_the_chart_is_placed() {
    for report in fs::read_dir(batch()).unwrap() {
        let folder = report.unwrap().path();
        if folder.join("report.pdf").exists() {
            check_pdf_chart_text(&folder.join("report.pdf"), &folder.join("charts"));
        }
    }
    // The brief places a chart too, and US Letter is narrower than A4.
    let dir = scratch("charts-brief");
    for (edition, paper) in [("brief", "a4"), ("full", "letter")] {
        let profile = repo().join("profiles/northwind-bank.yaml");
        let out = format!("{edition}-{paper}");
        let run = socsource_at(
            &dir,
            &[
                "report",
                profile.to_str().unwrap(),
                "--edition",
                edition,
                "--paper",
                paper,
                "--format",
                "md,pdf",
                "--out",
                &out,
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let folder = report_folder(&dir.join(&out));
        let pdf = fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "pdf"))
            .unwrap_or_else(|| panic!("no PDF in {}", folder.display()));
        check_pdf_chart_text(&pdf, &folder.join("charts"));
    }
}

#[test]
fn charts_are_the_same_bytes_every_time() {
    let dir = scratch("charts-twice");
    let profile = repo().join("profiles/northwind-bank.yaml");
    for out in ["one", "two"] {
        let run = socsource_at(
            &dir,
            &[
                "report",
                profile.to_str().unwrap(),
                "--format",
                "md,html,pdf",
                "--out",
                out,
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let (one, two) = (
        report_folder(&dir.join("one")),
        report_folder(&dir.join("two")),
    );
    for sub in ["", "charts"] {
        for f in fs::read_dir(one.join(sub)).unwrap() {
            let path = f.unwrap().path();
            if path.is_file() {
                let name = path.file_name().unwrap();
                assert_eq!(
                    fs::read(&path).unwrap(),
                    fs::read(two.join(sub).join(name)).unwrap(),
                    "{}",
                    path.display()
                );
            }
        }
    }
}
