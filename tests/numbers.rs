//! Numbers as a board reads them, checked on every bundled profile's
//! report: one scale per money column, no more than three significant
//! figures for what the simulation estimates, true minus signs, en dash
//! ranges, multipliers with two decimals, the yearly budget as a years by
//! options grid, cost-line definitions stated once, and the same figures
//! in the HTML and the PDF as in the Markdown, while assessment.json keeps
//! every number at full precision.

mod common;
use common::*;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const MINUS: char = '\u{2212}';
const EN_DASH: char = '\u{2013}';
const NBSP: char = '\u{a0}';

/// A Markdown table, with the headings it sits under.
#[derive(Debug)]
struct Table {
    /// The last H2, H3 and H4 before the table.
    section: String,
    subsection: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn column(&self, i: usize) -> impl Iterator<Item = &str> {
        self.rows
            .iter()
            .filter_map(move |r| r.get(i).map(String::as_str))
    }
}

/// What a reader sees of a report: its tables, and the text of every
/// paragraph, list item, heading and cell (code spans left out: they show
/// profile values as written).
struct Report {
    tables: Vec<Table>,
    blocks: Vec<String>,
}

fn read_report(md: &str) -> Report {
    let parser = Parser::new_ext(md, socsource::internals::render::markdown::options());
    let mut tables = Vec::new();
    let mut blocks = Vec::new();
    let mut headings: [String; 3] = Default::default();
    let mut heading: Option<usize> = None;
    let mut table: Option<Table> = None;
    let mut in_head = false;
    let mut in_metadata = false;
    let mut text = String::new();
    for event in parser {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Start(Tag::Heading { level, .. }) => {
                heading = match level {
                    HeadingLevel::H2 => Some(0),
                    HeadingLevel::H3 => Some(1),
                    HeadingLevel::H4 => Some(2),
                    _ => None,
                };
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(i) = heading.take() {
                    headings[i] = text.clone();
                    for deeper in headings.iter_mut().skip(i + 1) {
                        deeper.clear();
                    }
                }
                blocks.push(std::mem::take(&mut text));
            }
            Event::Start(Tag::Table(_)) => {
                table = Some(Table {
                    section: headings[0].clone(),
                    subsection: if headings[2].is_empty() {
                        headings[1].clone()
                    } else {
                        headings[2].clone()
                    },
                    header: Vec::new(),
                    rows: Vec::new(),
                })
            }
            Event::End(TagEnd::Table) => tables.extend(table.take()),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.rows.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => text.clear(),
            Event::End(TagEnd::TableCell) => {
                let cell = std::mem::take(&mut text).trim().to_string();
                blocks.push(cell.clone());
                if let Some(t) = table.as_mut() {
                    if in_head {
                        t.header.push(cell);
                    } else if let Some(row) = t.rows.last_mut() {
                        row.push(cell);
                    }
                }
            }
            Event::Start(Tag::Paragraph | Tag::Item) => text.clear(),
            Event::End(TagEnd::Paragraph | TagEnd::Item) => blocks.push(std::mem::take(&mut text)),
            Event::Text(t) if !in_metadata => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    Report { tables, blocks }
}

/// Every profile rendered once, with its Markdown, HTML, PDF and JSON.
struct Rendered {
    id: String,
    profile: serde_yaml::Value,
    md: String,
    html: String,
    pdf: PathBuf,
    json: serde_json::Value,
}

/// The bundled profiles, rendered once for all the tests of this file.
fn render_every_profile() -> &'static [Rendered] {
    // The folder is kept with them (a static is never dropped): the PDFs
    // are read from it.
    static RENDERED: std::sync::OnceLock<(Scratch, Vec<Rendered>)> = std::sync::OnceLock::new();
    &RENDERED.get_or_init(render).1
}

fn render() -> (Scratch, Vec<Rendered>) {
    let dir = scratch("numbers");
    let profiles = example_profiles();
    let mut args = vec!["report".to_string()];
    args.extend(profiles.iter().map(|p| p.display().to_string()));
    args.extend(["--out".into(), "out".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = socsource_at(&dir, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rendered = profiles
        .iter()
        .map(|p| {
            let yaml = fs::read_to_string(p).unwrap();
            let profile: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
            let id = profile["organisation"]["id"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| p.file_stem().unwrap().to_string_lossy().into_owned());
            let out = find_report(&dir.join("out"), &id);
            Rendered {
                md: fs::read_to_string(out.join("report.md")).unwrap(),
                html: fs::read_to_string(out.join("report.html")).unwrap(),
                pdf: out.join("report.pdf"),
                json: serde_json::from_str(
                    &fs::read_to_string(out.join("assessment.json")).unwrap(),
                )
                .unwrap(),
                id,
                profile,
            }
        })
        .collect();
    (dir, rendered)
}

/// The folder of one organisation's report under `out`.
fn find_report(out: &Path, id: &str) -> PathBuf {
    let direct = out.join(id);
    if direct.join("report.md").exists() {
        return direct;
    }
    walk(out)
        .into_iter()
        .find(|p| p.ends_with("report.md") && p.parent().is_some_and(|d| d.ends_with(id)))
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| panic!("no report for {id} under {}", out.display()))
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A figure as printed: `12.3`, `1,020`, `−0.84`.
fn is_figure(text: &str) -> bool {
    let body = text.strip_prefix(MINUS).unwrap_or(text);
    !body.is_empty()
        && body.chars().next().is_some_and(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Significant figures of a printed figure: `5,010` has 3, `0.84` 2,
/// `1.80` 3.
fn significant_figures(figure: &str) -> usize {
    let body = figure.trim_start_matches(MINUS).replace(',', "");
    let digits: String = if body.contains('.') {
        body.replace('.', "").trim_start_matches('0').to_string()
    } else {
        body.trim_start_matches('0')
            .trim_end_matches('0')
            .to_string()
    };
    digits.len()
}

/// The figures of a cell of a scaled money column: one, or the two ends of
/// a range; `none` or an empty cell has none.
fn cell_figures(cell: &str) -> Option<Vec<&str>> {
    if cell.is_empty() || cell == "none" || cell.trim_start_matches(MINUS) == "<0.01" {
        return Some(Vec::new());
    }
    let ends: Vec<&str> = if cell.contains(EN_DASH) {
        cell.split(EN_DASH).collect()
    } else if cell.contains(" to ") {
        cell.split(" to ").collect()
    } else {
        vec![cell]
    };
    ends.iter().all(|e| is_figure(e)).then_some(ends)
}

/// The unit a header names for its column, `GBP m` from
/// `P50 (GBP m)`, when it is a money unit in `currency`.
fn header_unit<'a>(header: &'a str, currency: &str) -> Option<&'a str> {
    let unit = header.strip_suffix(')')?.rsplit_once('(')?.1;
    let rest = unit.strip_prefix(currency)?;
    matches!(rest, "" | "\u{a0}k" | "\u{a0}m" | "\u{a0}bn").then_some(unit)
}

/// The scale suffix of a cell that is an amount written with its currency
/// (`GBP 2.5 million` -> ` million`, `EUR 0.84m` -> `m`, `GBP 840,774` ->
/// ``), or a range of two; `None` for any other cell (a sentence that
/// mentions an amount is prose, not a figure of the column).
fn money_suffix(cell: &str) -> Option<String> {
    let ends: Vec<&str> = cell.split(['\u{2013}']).map(str::trim).collect();
    let suffixes: Vec<String> = ends
        .iter()
        .map(|e| amount_suffix(e))
        .collect::<Option<Vec<_>>>()?;
    suffixes.into_iter().next()
}

fn amount_suffix(cell: &str) -> Option<String> {
    let mut chars = cell.char_indices();
    let code_end = match (chars.next(), chars.next(), chars.next(), chars.next()) {
        (Some((_, a)), Some((_, b)), Some((_, c)), Some((i, ' ')))
            if [a, b, c].iter().all(char::is_ascii_uppercase) =>
        {
            i + 1
        }
        _ => return None,
    };
    let rest = &cell[code_end..];
    let figure_len = rest
        .char_indices()
        .take_while(|(_, c)| {
            c.is_ascii_digit() || *c == ',' || *c == '.' || *c == MINUS || *c == '-'
        })
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let after = &rest[figure_len..];
    ["", " million", " billion", "bn", "m", "k"]
        .into_iter()
        .find(|s| after == *s)
        .map(str::to_string)
}

/// A hyphen-minus standing for a minus sign: before a digit and not
/// inside a word or a number (`COVID-19`, `2026-11-02` keep theirs).
fn hyphen_minus(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(1))
        .find(|&i| {
            chars[i] == '-'
                && chars[i + 1].is_ascii_digit()
                && (i == 0 || !chars[i - 1].is_alphanumeric())
        })
        .map(|i| {
            chars[i.saturating_sub(20)..(i + 10).min(chars.len())]
                .iter()
                .collect()
        })
}

fn strings_of(value: &serde_yaml::Value, out: &mut Vec<String>) {
    match value {
        serde_yaml::Value::String(s) => out.push(s.clone()),
        serde_yaml::Value::Sequence(items) => items.iter().for_each(|v| strings_of(v, out)),
        serde_yaml::Value::Mapping(map) => map.iter().for_each(|(k, v)| {
            strings_of(k, out);
            strings_of(v, out);
        }),
        serde_yaml::Value::Tagged(t) => strings_of(&t.value, out),
        _ => {}
    }
}

#[test]
fn money_columns_have_one_scale_and_estimates_three_significant_figures() {
    for r in render_every_profile() {
        let report = read_report(&r.md);
        let currency = r.json["costs"]["currency"].as_str().unwrap().to_string();
        let mut scaled_columns = 0;
        for table in &report.tables {
            for (i, header) in table.header.iter().enumerate() {
                // Amounts that carry their currency: one suffix per column.
                let suffixes: BTreeSet<String> = table.column(i).filter_map(money_suffix).collect();
                assert!(
                    suffixes.len() <= 1,
                    "{}: column `{header}` of a table in `{}` mixes scales {suffixes:?}: {:?}",
                    r.id,
                    table.subsection,
                    table.column(i).collect::<Vec<_>>()
                );
                // Amounts whose unit is in the header: bare figures, at
                // most three significant.
                let Some(unit) = header_unit(header, &currency) else {
                    continue;
                };
                scaled_columns += 1;
                assert!(
                    !unit.contains(' '),
                    "{}: `{header}` may break between currency and scale",
                    r.id
                );
                for cell in table.column(i) {
                    let figures = cell_figures(cell).unwrap_or_else(|| {
                        panic!(
                            "{}: `{cell}` in column `{header}` ({}) is not a figure in {unit}",
                            r.id, table.subsection
                        )
                    });
                    let exact_input =
                        header.starts_with("Base salary") || header.starts_with("Employer cost");
                    for figure in figures {
                        assert!(
                            exact_input || significant_figures(figure) <= 3,
                            "{}: `{figure}` in `{header}` ({}) claims more precision than three significant figures",
                            r.id,
                            table.subsection
                        );
                    }
                }
            }
        }
        assert!(
            scaled_columns >= 20,
            "{}: only {scaled_columns} money columns name their unit",
            r.id
        );
        // Estimates in prose are rounded too: `GBP 12.3 million`.
        for block in &report.blocks {
            for (at, _) in block
                .match_indices(" million")
                .chain(block.match_indices(" billion"))
            {
                let figure: String = block[..at]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if is_figure(&figure) {
                    assert!(
                        significant_figures(&figure) <= 3,
                        "{}: `{figure} million` in: {block}",
                        r.id
                    );
                }
            }
        }
    }
}

#[test]
fn minus_signs_dashes_multipliers_and_quotes_are_typeset() {
    for r in render_every_profile() {
        let report = read_report(&r.md);
        for block in &report.blocks {
            assert_eq!(
                hyphen_minus(block),
                None,
                "{}: a hyphen-minus as a minus sign in: {block}",
                r.id
            );
        }
        // The totals table: the multiplier column always has two decimals
        // and a multiplication sign, the cheapest at exactly 1.00×.
        let totals = report
            .tables
            .iter()
            .find(|t| t.subsection == "Totals and ranges")
            .expect("totals table");
        let against = totals
            .header
            .iter()
            .position(|h| h == "Against the cheapest")
            .expect("multiplier column");
        let multipliers: Vec<&str> = totals.column(against).collect();
        for m in &multipliers {
            let figure = m
                .strip_suffix('×')
                .unwrap_or_else(|| panic!("{}: {m}", r.id));
            assert!(
                figure.split_once('.').is_some_and(|(_, d)| d.len() == 2),
                "{}: multiplier `{m}` without two decimals",
                r.id
            );
        }
        assert!(multipliers.contains(&"1.00×"), "{}: {multipliers:?}", r.id);
        // Ranges in the summary take an en dash.
        let summary = report
            .tables
            .iter()
            .find(|t| t.section == "Executive summary" && t.header[0] == "Option")
            .expect("summary table");
        let range = summary
            .header
            .iter()
            .position(|h| h.starts_with("P10\u{2013}P90"))
            .expect("range column");
        for cell in summary.column(range) {
            assert!(cell.contains(EN_DASH), "{}: range `{cell}`", r.id);
        }
        // A straight quote or apostrophe comes only from the profile: the
        // generated sentences and the templates use typographic ones.
        let mut profile_text = Vec::new();
        strings_of(&r.profile, &mut profile_text);
        let quoted: Vec<&String> = profile_text
            .iter()
            .filter(|s| s.contains(['\'', '"']))
            .collect();
        for block in &report.blocks {
            let mut rest = block.clone();
            for s in &quoted {
                rest = rest.replace(s.as_str(), "");
            }
            assert!(
                !rest.contains(['\'', '"']),
                "{}: a straight quote not from the profile in: {block}",
                r.id
            );
        }
        assert!(
            r.md.contains("today\u{2019}s"),
            "{}: the generated text lost its apostrophes",
            r.id
        );
    }
}

#[test]
fn the_budget_table_is_one_row_per_year_and_cost_lines_are_defined_once() {
    for r in render_every_profile() {
        let report = read_report(&r.md);
        let horizon = r.json["costs"]["horizon_years"].as_u64().unwrap() as usize;
        let options = r.json["costs"]["options"].as_object().unwrap().len();
        let budget = report
            .tables
            .iter()
            .find(|t| t.subsection == "The budget, year by year")
            .expect("budget table");
        assert_eq!(
            budget.header.len(),
            1 + options,
            "{}: {:?}",
            r.id,
            budget.header
        );
        assert_eq!(budget.header[0], "Year");
        let years: Vec<String> = budget.column(0).map(str::to_string).collect();
        let expected: Vec<String> = (1..=horizon).map(|y| y.to_string()).collect();
        assert_eq!(years, expected, "{}: one row per year", r.id);
        // Each cell is what is left of the budget that year, as the
        // assessment computed it: negative exactly when the option does
        // not fit.
        for (column, header) in budget.header.iter().enumerate().skip(1) {
            let key = ["in_house", "outsourced", "hybrid"][column - 1];
            let json_years = r.json["costs"]["options"][key]["budget_years"]
                .as_array()
                .unwrap();
            for (cell, year) in budget.column(column).zip(json_years) {
                let fits = year["fits"].as_bool().unwrap();
                assert_eq!(
                    !cell.starts_with(MINUS),
                    fits,
                    "{}: `{cell}` under `{header}` for year {}",
                    r.id,
                    year["year"]
                );
            }
        }
        // Definitions every option shares are stated once.
        let costs =
            r.md.split("## Cost comparison")
                .nth(1)
                .and_then(|s| s.split("\n## ").next())
                .unwrap();
        for line in ["Staff", "Services", "One-off"] {
            assert_eq!(
                costs.matches(&format!("- **{line}:**")).count(),
                1,
                "{}: the {line} line is defined more than once",
                r.id
            );
        }
    }
}

#[test]
fn json_keeps_full_precision_and_html_and_pdf_show_the_markdowns_figures() {
    let pdftotext = tool("pdftotext");
    for r in render_every_profile() {
        let report = read_report(&r.md);
        let totals = report
            .tables
            .iter()
            .find(|t| t.subsection == "Totals and ranges")
            .expect("totals table");
        let unit = &totals.header[1];
        let scale = if unit.contains(&format!("{NBSP}bn")) {
            1e9
        } else if unit.contains(&format!("{NBSP}m")) {
            1e6
        } else if unit.contains(&format!("{NBSP}k")) {
            1e3
        } else {
            1.0
        };
        let mut any_unrounded = false;
        for (row, key) in totals.rows.iter().zip(["in_house", "outsourced", "hybrid"]) {
            let total = r.json["costs"]["options"][key]["total"].as_f64().unwrap();
            let shown: f64 = row[1].replace(',', "").parse().unwrap();
            assert!(
                (shown * scale - total).abs() <= total.abs() * 0.005 + 0.005 * scale,
                "{}: {key} shows {shown} for {total}",
                r.id
            );
            let magnitude = 10f64.powi(total.abs().log10().floor() as i32 - 2);
            any_unrounded |= (total / magnitude).fract().abs() > 1e-9;
        }
        assert!(
            any_unrounded,
            "{}: assessment.json totals were rounded with the report",
            r.id
        );
        // The HTML is the same Markdown: its cells carry the same figures.
        for cell in totals.rows.iter().flatten().skip(1) {
            assert!(
                r.html.contains(&format!(">{cell}<")),
                "{}: `{cell}` not in the HTML",
                r.id
            );
        }
        let html_text = r
            .html
            .split("<body")
            .nth(1)
            .unwrap_or(&r.html)
            .split('>')
            .map(|s| s.split('<').next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(hyphen_minus(&html_text), None, "{}: HTML", r.id);
        // The PDF's own text, read from its content streams, carries the
        // same figures whatever is installed.
        let own = common::pdf::squeeze(&common::pdf::Pdf::load(&r.pdf).all_text());
        for cell in &totals.rows[0][1..] {
            assert!(
                own.contains(&common::pdf::squeeze(cell)),
                "{}: `{cell}` not in the PDF's text",
                r.id
            );
        }
        assert!(own.contains("1.00×"), "{}: PDF multiplier", r.id);
        if let Some(pdftotext) = &pdftotext {
            let out = std::process::Command::new(pdftotext)
                .arg(&r.pdf)
                .arg("-")
                .output()
                .expect("pdftotext");
            let text = String::from_utf8_lossy(&out.stdout);
            for cell in &totals.rows[0][1..] {
                assert!(
                    text.contains(cell.as_str()),
                    "{}: `{cell}` not in the PDF",
                    r.id
                );
            }
            assert!(text.contains("1.00×"), "{}: PDF multiplier", r.id);
        }
    }
}

#[test]
fn the_helpers_recognise_what_they_check() {
    assert_eq!(significant_figures("5,010"), 3);
    assert_eq!(significant_figures("0.84"), 2);
    assert_eq!(significant_figures("1.80"), 3);
    assert_eq!(significant_figures("12,276,558"), 8);
    assert_eq!(money_suffix("GBP 2.5 million").as_deref(), Some(" million"));
    assert_eq!(money_suffix("GBP 840,774").as_deref(), Some(""));
    assert_eq!(money_suffix("EUR 0.84m").as_deref(), Some("m"));
    assert_eq!(money_suffix("Outsourced SOC"), None);
    assert_eq!(money_suffix("GBP 4.77 million a year"), None);
    assert_eq!(
        money_suffix("GBP 9.1 million \u{2013} GBP 14 million").as_deref(),
        Some(" million")
    );
    assert!(hyphen_minus("headroom -90,105").is_some());
    assert!(hyphen_minus("COVID-19 on 2026-11-02").is_none());
    assert_eq!(cell_figures("8.43\u{2013}10.5"), Some(vec!["8.43", "10.5"]));
    assert_eq!(cell_figures("GBP 9.3 million"), None);
    assert_eq!(header_unit("P50 (GBP\u{a0}m)", "GBP"), Some("GBP\u{a0}m"));
    assert_eq!(header_unit("P50 (GBP)", "GBP"), Some("GBP"));
    assert_eq!(header_unit("Value (0 to 1)", "GBP"), None);
}
