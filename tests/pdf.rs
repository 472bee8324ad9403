//! The PDF, checked from the outside the way a reviewer would. Each test
//! first reads the file itself (pages, text, fonts, outline, links: the
//! structural layer, `common::pdf`), then, where they are installed, with
//! qpdf, pdffonts, pdfinfo and pdftotext (poppler), which check what only a
//! viewer's reading shows: word positions, syntax in depth, rasterised
//! pages.

mod common;
use common::pdf::{squeeze, Pdf};
use common::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn run(tool: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(tool).args(args).output().expect("run tool");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

struct Tools {
    qpdf: PathBuf,
    pdfinfo: PathBuf,
    pdffonts: PathBuf,
    pdftotext: PathBuf,
}

fn tools() -> Option<Tools> {
    Some(Tools {
        qpdf: tool("qpdf")?,
        pdfinfo: tool("pdfinfo")?,
        pdffonts: tool("pdffonts")?,
        pdftotext: tool("pdftotext")?,
    })
}

/// Render every bundled profile to PDF and Markdown once, in a folder.
fn rendered(name: &str) -> Scratch {
    let dir = scratch(&format!("pdf-{name}"));
    let run = socsource_at(
        &dir,
        &[
            "batch",
            &repo().join("profiles").display().to_string(),
            "--format",
            "md,pdf",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    dir
}

fn pages(t: &Tools, pdf: &Path) -> usize {
    let (_, info) = run(&t.pdfinfo, &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn page_text(t: &Tools, pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    run(
        &t.pdftotext,
        &["-f", &p, "-l", &p, "-layout", pdf.to_str().unwrap(), "-"],
    )
    .1
}

#[derive(Debug)]
struct Word {
    text: String,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

/// Words per page from `pdftotext -bbox`, with the page size.
fn bbox(t: &Tools, pdf: &Path) -> Vec<(f32, f32, Vec<Word>)> {
    let (_, html) = run(&t.pdftotext, &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |line: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let start = line.find(&key).map(|i| i + key.len()).unwrap_or(0);
        line[start..]
            .split('"')
            .next()
            .unwrap_or("0")
            .parse()
            .unwrap_or(0.0)
    };
    let mut pages = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            pages.push((attr(line, "width"), attr(line, "height"), Vec::new()));
        } else if line.starts_with("<word ") {
            let text = line
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("")
                .to_string();
            if let Some(p) = pages.last_mut() {
                p.2.push(Word {
                    text,
                    x0: attr(line, "xMin"),
                    y0: attr(line, "yMin"),
                    x1: attr(line, "xMax"),
                    y1: attr(line, "yMax"),
                });
            }
        }
    }
    pages
}

#[test]
fn pdfs_are_structurally_sound_with_embedded_subset_unicode_fonts() {
    let dir = rendered("structure");
    for profile in example_profiles() {
        let id = profile.file_stem().unwrap().to_str().unwrap();
        let pdf = dir.join(format!("out/{id}/report.pdf"));
        let doc = Pdf::load(&pdf);
        let fonts = doc.fonts();
        assert!(fonts.len() >= 2, "{id}: {fonts:?}");
        for f in &fonts {
            assert!(
                f.embedded && f.is_subset() && f.to_unicode,
                "{id}: font not embedded, subset and unicode-mapped: {f:?}"
            );
        }
        let (w, h) = doc.page_size(1);
        assert!(
            (w - 595.276).abs() < 0.01 && (h - 841.89).abs() < 0.01,
            "{id}: {w} x {h}, not A4"
        );
        let title = doc.info("Title").unwrap_or_default();
        assert!(
            title.starts_with("SOC sourcing assessment for"),
            "{id}: {title}"
        );
        assert!(
            doc.info("Creator")
                .unwrap_or_default()
                .starts_with("socsource"),
            "{id}"
        );
        let n = doc.pages();
        // The full report with its appendix; the board brief is the short one.
        assert!((10..=40).contains(&n), "{id}: {n} pages");
        let size = fs::metadata(&pdf).unwrap().len();
        assert!(
            size < 400_000,
            "{id}: {size} bytes: a font was embedded in full?"
        );
    }
    let Some(t) = tools() else { return };
    for profile in example_profiles() {
        let id = profile.file_stem().unwrap().to_str().unwrap();
        let pdf = dir.join(format!("out/{id}/report.pdf"));
        let (ok, out) = run(&t.qpdf, &["--check", pdf.to_str().unwrap()]);
        assert!(ok, "{id}: qpdf --check:\n{out}");
        let (_, fonts) = run(&t.pdffonts, &[pdf.to_str().unwrap()]);
        let rows: Vec<&str> = fonts
            .lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert!(rows.len() >= 2, "{id}: {fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let name = cols[0];
            assert!(
                name.len() > 7
                    && name.as_bytes()[6] == b'+'
                    && name[..6].bytes().all(|b| b.is_ascii_uppercase()),
                "{id}: {row}"
            );
            let flags = &cols[cols.len() - 5..cols.len() - 2];
            assert_eq!(
                flags,
                ["yes", "yes", "yes"],
                "{id}: font not embedded, subset and unicode-mapped: {row}"
            );
        }
        let (_, info) = run(&t.pdfinfo, &[pdf.to_str().unwrap()]);
        assert!(
            !info.contains("PDF subtype"),
            "{id}: false conformance claim\n{info}"
        );
        assert!(
            info.contains("Page size:       595.276 x 841.89 pts (A4)"),
            "{id}: {info}"
        );
        assert!(
            info.contains("Title:           SOC sourcing assessment for"),
            "{id}: {info}"
        );
        assert!(info.contains("Creator:         socsource"), "{id}");
        assert!(
            info.contains("CreationDate:    Mon Nov  2 00:00:00 2026 UTC"),
            "{id}: dates come from the report date\n{info}"
        );
        let size = fs::metadata(&pdf).unwrap().len();
        let n = pages(&t, &pdf);
        // The full report with its appendix; the board brief is the short one.
        assert!((10..=40).contains(&n), "{id}: {n} pages");
        assert!(
            size < 400_000,
            "{id}: {size} bytes: a font was embedded in full?"
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

/// Every non-ASCII word of the Markdown, the organisation name and every
/// heading survive text extraction exactly: read from the content streams
/// through the fonts' Unicode maps, and, where installed, by pdftotext.
#[test]
fn text_extracts_exactly_including_accents_greek_and_cyrillic() {
    let dir = rendered("text");
    let tools = tools();
    for id in [
        "thessaloniki-municipality",
        "dunav-energija",
        "vulcan-praezision",
        "northwind-bank",
    ] {
        let pdf = dir.join(format!("out/{id}/report.pdf"));
        let md = fs::read_to_string(dir.join(format!("out/{id}/report.md"))).unwrap();
        // The file's own reading has no spaces between text runs, so it is
        // compared with whitespace squeezed out; pdftotext's, word for word.
        let own = squeeze(&Pdf::load(&pdf).all_text());
        let extracted = tools
            .as_ref()
            .map(|t| run(&t.pdftotext, &[pdf.to_str().unwrap(), "-"]).1);
        let flat = extracted
            .as_deref()
            .map(|raw| raw.split_whitespace().collect::<Vec<_>>().join(" "));
        let has = |text: &str| {
            own.contains(&squeeze(text)) && flat.as_ref().is_none_or(|f| f.contains(text))
        };
        for text in [&own, extracted.as_deref().unwrap_or_default()] {
            assert!(
                !text.contains('\u{FFFD}'),
                "{id}: replacement characters in the extracted text"
            );
        }
        let body = md.splitn(3, "---\n").nth(2).unwrap();
        let org = md
            .lines()
            .find_map(|l| l.strip_prefix("organisation: "))
            .unwrap()
            .trim_matches('"')
            .to_string();
        assert!(has(&org), "{id}: organisation name {org:?} not extracted");
        for heading in body
            .lines()
            .filter_map(|l| l.strip_prefix("## ").or(l.strip_prefix("### ")))
        {
            let heading = heading.replace('\\', "");
            assert!(has(&heading), "{id}: heading {heading:?} not extracted");
        }
        let words: std::collections::BTreeSet<String> = body
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| "()[]{}.,;:!?\"'*_`|#\\".contains(c))
                    .to_string()
            })
            .filter(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
            .collect();
        assert!(!words.is_empty() || id == "northwind-bank");
        for word in words {
            assert!(has(&word), "{id}: {word:?} lost in extraction");
        }
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn every_word_is_inside_the_margins_and_no_words_overlap() {
    let Some(t) = tools() else { return };
    let dir = rendered("bbox");
    for profile in example_profiles() {
        let id = profile.file_stem().unwrap().to_str().unwrap();
        let pdf = dir.join(format!("out/{id}/report.pdf"));
        for (n, (w, h, words)) in bbox(&t, &pdf).iter().enumerate() {
            assert!(!words.is_empty() || n == 0);
            // The cover's classification band runs into the top margin by
            // design; nothing else may.
            let in_band = |w: &&Word| n == 0 && w.y1 <= 24.0;
            for word in words
                .iter()
                .filter(|w| !w.text.is_empty())
                .filter(|w| !in_band(w))
            {
                assert!(
                    word.x0 >= 36.0
                        && word.x1 <= w - 36.0
                        && word.y0 >= 28.0
                        && word.y1 <= h - 28.0,
                    "{id} page {}: {:?} outside the margins",
                    n + 1,
                    word
                );
            }
            for (i, a) in words.iter().enumerate() {
                for b in &words[i + 1..] {
                    let overlap_x = a.x0.max(b.x0) < a.x1.min(b.x1) - 0.5;
                    let overlap_y = a.y0.max(b.y0) < a.y1.min(b.y1) - 0.5;
                    assert!(
                        !(overlap_x && overlap_y),
                        "{id} page {}: {:?} overlaps {:?}",
                        n + 1,
                        a,
                        b
                    );
                }
            }
        }
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn footers_count_pages_and_the_contents_point_at_the_right_pages() {
    let dir = rendered("pages");
    let ids = ["northwind-bank", "kestrel-commerce", "tarangini-cloud"];
    for id in ids {
        let doc = Pdf::load(&dir.join(format!("out/{id}/report.pdf")));
        let n = doc.pages();
        assert!(
            !squeeze(&doc.text(1)).contains("Page1of"),
            "{id}: the cover has no footer"
        );
        for i in 2..=n {
            assert!(
                squeeze(&doc.text(i)).contains(&format!("Page{i}of{n}")),
                "{id}: page {i} footer"
            );
        }
    }
    // Where each contents entry points needs the page's lines as a viewer
    // lays them out.
    let Some(t) = tools() else { return };
    for id in ids {
        let pdf = dir.join(format!("out/{id}/report.pdf"));
        let n = pages(&t, &pdf);
        assert!(
            !page_text(&t, &pdf, 1).contains("Page 1 of"),
            "{id}: the cover has no footer"
        );
        for i in 2..=n {
            assert!(
                page_text(&t, &pdf, i).contains(&format!("Page {i} of {n}")),
                "{id}: page {i} footer"
            );
        }
        let contents = page_text(&t, &pdf, 2);
        assert!(contents.contains("Contents"));
        let mut checked = 0;
        for line in contents.lines() {
            let line = line.trim();
            let Some((title, page)) = line.rsplit_once(' ') else {
                continue;
            };
            let Ok(page) = page.parse::<usize>() else {
                continue;
            };
            let title = title.trim_end_matches(['.', ' ']).trim();
            if title.is_empty() || line.contains(" of ") && line.contains("Page ") {
                continue;
            }
            let target: String = page_text(&t, &pdf, page)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                target.contains(title),
                "{id}: contents says {title:?} is on page {page}"
            );
            checked += 1;
        }
        assert!(
            checked >= 12,
            "{id}: only {checked} contents entries checked"
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

const OUTLINE_SECTIONS: [&str; 13] = [
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
    "Scenarios",
    "Appendix",
];

const OUTLINE_SUMMARY: [&str; 4] = [
    "Why",
    "Options appraisal and cost over 5 years",
    "Time to monitoring",
    "Top risks",
];

#[test]
fn the_outline_is_nested_in_document_order_and_links_have_no_border() {
    let dir = rendered("outline");
    let pdf = dir.join("out/northwind-bank/report.pdf");
    let doc = Pdf::load(&pdf);
    let outline = doc.outline();
    assert_eq!(outline.len(), 1, "one root: the report title");
    assert_eq!(
        outline[0].0,
        "SOC sourcing assessment for Northwind Bank plc"
    );
    let sections: Vec<&str> = outline[0].1.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(sections, OUTLINE_SECTIONS);
    assert_eq!(outline[0].1[0].1, OUTLINE_SUMMARY);
    assert_eq!(doc.page_mode().as_deref(), Some("UseOutlines"));
    let links = doc.links();
    assert!(
        links.len() >= 12,
        "contents entries link to their sections ({})",
        links.len()
    );
    for border in &links {
        assert_eq!(
            border.as_deref(),
            Some([0.0, 0.0, 0.0].as_slice()),
            "a visible link border"
        );
    }
    let Some(t) = tools() else { return };
    let (ok, json) = run(
        &t.qpdf,
        &["--json", "--json-key=outlines", pdf.to_str().unwrap()],
    );
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let top = v["outlines"].as_array().unwrap();
    assert_eq!(top.len(), 1, "one root: the report title");
    assert_eq!(
        top[0]["title"],
        "SOC sourcing assessment for Northwind Bank plc"
    );
    let sections: Vec<&str> = top[0]["kids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["title"].as_str().unwrap())
        .collect();
    assert_eq!(sections, OUTLINE_SECTIONS);
    let summary_kids: Vec<&str> = top[0]["kids"][0]["kids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["title"].as_str().unwrap())
        .collect();
    assert_eq!(summary_kids, OUTLINE_SUMMARY);
    // Each entry points at the page that holds its heading.
    let mut pages_seen = Vec::new();
    for kid in top[0]["kids"].as_array().unwrap() {
        let page = kid["destpageposfrom1"].as_u64().unwrap() as usize;
        let title = kid["title"].as_str().unwrap();
        assert!(
            page_text(&t, &pdf, page).contains(title),
            "{title} not on page {page}"
        );
        pages_seen.push(page);
    }
    assert!(
        pages_seen.windows(2).all(|w| w[0] <= w[1]),
        "outline not in document order: {pages_seen:?}"
    );

    let qdf = dir.join("qdf.pdf");
    let (ok, _) = run(
        &t.qpdf,
        &[
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().unwrap(),
            qdf.to_str().unwrap(),
        ],
    );
    assert!(ok);
    let raw = String::from_utf8_lossy(&fs::read(&qdf).unwrap())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(raw.contains("/PageMode /UseOutlines"));
    let links = raw.matches("/Subtype /Link").count();
    assert!(
        links >= 12,
        "contents entries link to their sections ({links})"
    );
    assert_eq!(
        raw.matches("/Border [").count(),
        raw.matches("/Border [ 0 0 0 ]").count(),
        "visible link borders"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let dir = scratch("pdf-determinism");
    let profile = repo()
        .join("tests/fixtures/good/minimal.yaml")
        .display()
        .to_string();
    let render = |out: &str, epoch: &str| {
        let run = socsource_in(
            &dir,
            &["report", &profile, "--format", "pdf", "--out", out],
            &[("SOURCE_DATE_EPOCH", epoch)],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        fs::read(dir.join(out).join("minimal/report.pdf")).unwrap()
    };
    let first = render("a", "1764115200");
    let second = render("b", "1764115200");
    assert_eq!(
        first, second,
        "two processes, same SOURCE_DATE_EPOCH: different bytes"
    );
    let later = render("c", "1795651200");
    assert_ne!(first, later, "the report date is part of the document");
    if let Some(t) = tools() {
        let (_, info) = run(
            &t.pdfinfo,
            &[dir.join("c/minimal/report.pdf").to_str().unwrap()],
        );
        assert!(
            info.contains("CreationDate:    Thu Nov 26 00:00:00 2026 UTC"),
            "{info}"
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn letter_paper_is_available() {
    let dir = scratch("pdf-letter");
    let profile = repo()
        .join("profiles/kestrel-commerce.yaml")
        .display()
        .to_string();
    let run_ = socsource_at(
        &dir,
        &[
            "report", &profile, "--format", "pdf", "--paper", "letter", "--out", "out",
        ],
    );
    assert_eq!(run_.code, 0, "{}", run_.stderr);
    let pdf = dir.join("out/kestrel-commerce/report.pdf");
    let doc = Pdf::load(&pdf);
    for page in 1..=doc.pages() {
        assert_eq!(doc.page_size(page), (612.0, 792.0), "page {page}");
    }
    let Some(t) = tools() else { return };
    let (_, info) = run(&t.pdfinfo, &[pdf.to_str().unwrap()]);
    assert!(
        info.contains("Page size:       612 x 792 pts (letter)"),
        "{info}"
    );
    let (ok, _) = run(&t.qpdf, &["--check", pdf.to_str().unwrap()]);
    assert!(ok);
    fs::remove_dir_all(dir).unwrap();
}

const SCRIPT_A: char = '\u{1D49C}';

fn profile_named(dir: &Path, name: &str) -> String {
    let text = fs::read_to_string(repo().join("tests/fixtures/good/minimal.yaml"))
        .unwrap()
        .replace("Minimal Ltd", name);
    let path = dir.join("glyphs.yaml");
    fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// A character that neither the bundled fonts nor any font installed here
/// has: a real one from a rarely installed script if possible, else a code
/// point no font can have.
fn unknown_to_every_font() -> char {
    let fonts = socsource::internals::render::pdf::fonts::FontSet::new(None).unwrap();
    ['\u{10600}', '\u{1E900}', '\u{0378}']
        .into_iter()
        .find(|c| !fonts.covers(*c))
        .expect("a character no font has")
}

#[test]
fn characters_no_font_has_are_reported_once_and_shown_visibly() {
    let dir = scratch("pdf-missing");
    let c = unknown_to_every_font();
    let code = format!("U+{:04X}", c as u32);
    let profile = profile_named(&dir, &format!("Acme {c}{c} Trading {c}"));
    let run_ = socsource_at(
        &dir,
        &["report", &profile, "--format", "pdf", "--out", "out"],
    );
    assert_eq!(run_.code, 0, "{}", run_.stderr);
    let warnings: Vec<&str> = run_.stderr.lines().filter(|l| l.contains(&code)).collect();
    assert_eq!(
        warnings.len(),
        1,
        "one warning per character: {}",
        run_.stderr
    );
    assert!(
        warnings[0].contains(&format!("'{c}'"))
            && warnings[0].contains("in \"SOC sourcing assessment for Acme")
            && warnings[0].contains("nor any font installed on this machine"),
        "{}",
        warnings[0]
    );
    if let Some(t) = tools() {
        let (_, text) = run(
            &t.pdftotext,
            &[dir.join("out/glyphs/report.pdf").to_str().unwrap(), "-"],
        );
        assert!(
            text.contains("Acme \u{25A1}\u{25A1} Trading"),
            "replaced visibly, not dropped"
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

/// A 200-character word and 200 characters no font has, in paragraphs (the
/// title, the cover, the summary) and in table cells (the risk register,
/// the bids), in the report and the brief: no glyph goes past the right
/// edge of the text area, and the short columns beside a long one keep
/// their numbers whole rather than one digit a line.
#[test]
fn long_unbreakable_runs_stay_inside_the_text_area() {
    let Some(t) = tools() else { return };
    let dir = scratch("pdf-long-runs");
    let missing: String = std::iter::repeat_n(unknown_to_every_font(), 200).collect();
    let text = fs::read_to_string(repo().join("tests/fixtures/bids/dora-three-bidders.yaml"))
        .unwrap()
        .replacen(
            "name: Harbourline Insurance SE",
            &format!("name: {}", "W".repeat(200)),
            1,
        )
        .replacen(
            "provider: Budget SOC Ltd",
            &format!("provider: {}", "m".repeat(80)),
            1,
        )
        .replacen(
            "  cloud_workloads: 80\n",
            &format!(
                "  cloud_workloads: 80\n  critical_assets:\n    - name: \"{missing}\"\n      kind: application\n      criticality: critical\n    - name: {}\n      kind: identity\n      criticality: high\n",
                "x".repeat(200)
            ),
            1,
        )
        .replacen(
            "report:\n",
            &format!("report:\n  prepared_by: \"{missing}\"\n"),
            1,
        );
    fs::write(dir.join("long.yaml"), text).unwrap();
    let run_ = socsource_at(
        &dir,
        &[
            "report",
            "long.yaml",
            "--format",
            "pdf",
            "--edition",
            "both",
            "--out",
            "out",
        ],
    );
    assert_eq!(run_.code, 0, "{}", run_.stderr);
    let right = socsource::internals::render::pdf::layout::Theme::REPORT
        .margins
        .right;
    let mut seen = BTreeMap::new();
    let mut whole_scores = 0;
    for name in ["report.pdf", "brief.pdf"] {
        let pdf = dir.join("out/dora-three-bidders").join(name);
        for (n, (w, _, words)) in bbox(&t, &pdf).iter().enumerate() {
            for word in words.iter().filter(|w| !w.text.is_empty()) {
                assert!(
                    word.x1 <= w - right + 0.01 && word.x0 >= 36.0,
                    "{name} page {}: {word:?} past the text area (right edge {})",
                    n + 1,
                    w - right
                );
                for run in [
                    "WWWWWWWWWW",
                    "\u{25A1}\u{25A1}\u{25A1}",
                    "xxxxxxxxxx",
                    "mmmmmmmmmm",
                ] {
                    if word.text.contains(run) {
                        *seen.entry(run).or_insert(0) += 1;
                    }
                }
                let score = word.text.strip_prefix("0.").unwrap_or("");
                if score.len() == 3 && score.bytes().all(|b| b.is_ascii_digit()) {
                    whole_scores += 1;
                }
            }
        }
    }
    // Every run was typeset (broken over several lines each).
    for run in [
        "WWWWWWWWWW",
        "\u{25A1}\u{25A1}\u{25A1}",
        "xxxxxxxxxx",
        "mmmmmmmmmm",
    ] {
        assert!(seen.get(run).copied().unwrap_or(0) >= 3, "{run}: {seen:?}");
    }
    // The bids table's three scores (0.856) beside the 80-character name.
    assert!(whole_scores >= 3, "scores broken apart: {whole_scores}");
    fs::remove_dir_all(dir).unwrap();
}

/// A font file installed on this machine, or a skip (a failure where the
/// tools are required).
fn installed(path: &str, package: &str) -> Option<PathBuf> {
    let path = PathBuf::from(path);
    if path.exists() {
        return Some(path);
    }
    if std::env::var_os("SOCSOURCE_REQUIRE_TOOLS").is_some() {
        panic!("{} is needed (Debian package {package})", path.display());
    }
    eprintln!("NOTE: {} not installed; skipped", path.display());
    None
}

/// The embedded fonts of a PDF, one `pdffonts` row each.
fn embedded_fonts(t: &Tools, pdf: &Path) -> Vec<String> {
    let (_, fonts) = run(&t.pdffonts, &[pdf.to_str().unwrap()]);
    fonts.lines().skip(2).map(str::to_string).collect()
}

#[test]
fn a_user_font_wins_over_installed_fonts() {
    let Some(math) = installed(
        "/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf",
        "fonts-dejavu-core",
    ) else {
        return;
    };
    let dir = scratch("pdf-user-font");
    let profile = profile_named(&dir, &format!("Acme {SCRIPT_A} Ltd"));
    // Installed, the font supplies the character without being named.
    let plain = socsource_at(
        &dir,
        &["report", &profile, "--format", "pdf", "--out", "plain"],
    );
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert!(!plain.stderr.contains("U+1D49C"), "{}", plain.stderr);
    let with = socsource_at(
        &dir,
        &[
            "report",
            &profile,
            "--format",
            "pdf",
            "--out",
            "font",
            "--font",
            math.to_str().unwrap(),
        ],
    );
    assert_eq!(with.code, 0, "{}", with.stderr);
    assert!(!with.stderr.contains("U+1D49C"), "{}", with.stderr);
    if let Some(t) = tools() {
        let system = embedded_fonts(&t, &dir.join("plain/glyphs/report.pdf"));
        assert!(
            system.iter().any(|r| r.starts_with("SYS")),
            "an installed font is embedded: {system:?}"
        );
        let user = embedded_fonts(&t, &dir.join("font/glyphs/report.pdf"));
        assert!(
            user.iter().any(|r| r.starts_with("USRFNT+")),
            "--font is used: {user:?}"
        );
        assert!(
            !user.iter().any(|r| r.starts_with("SYS")),
            "--font wins over installed fonts: {user:?}"
        );
        for out in ["plain", "font"] {
            let pdf = dir.join(format!("{out}/glyphs/report.pdf"));
            let (_, text) = run(&t.pdftotext, &[pdf.to_str().unwrap(), "-"]);
            assert!(text.contains(&format!("Acme {SCRIPT_A} Ltd")), "{out}");
        }
    }
    let bad = socsource_at(
        &dir,
        &["report", &profile, "--format", "pdf", "--font", &profile],
    );
    assert_eq!(bad.code, 2, "a file that is not a font is a usage error");
    assert!(
        bad.stderr.contains("not a TrueType or OpenType font"),
        "{}",
        bad.stderr
    );
    fs::remove_dir_all(dir).unwrap();
}

/// A profile in Chinese and Japanese: the bundled fonts have none of it,
/// so an installed CJK font (Noto Sans CJK from fonts-noto-cjk) is found,
/// subset and embedded, and the text extracts as written.
/// Chinese and Japanese text is set in an installed font that has the
/// glyphs, by one documented preference: Noto Sans CJK before Droid Sans
/// Fallback whatever the names sort to, so every machine with the same
/// fonts embeds the same one; the warnings name it. With no such font the
/// characters are reported, not dropped. The installed fonts are chosen
/// per case with `SOCSOURCE_FONT_PATH`.
#[test]
fn cjk_text_is_typeset_with_the_preferred_installed_font() {
    let noto = installed(
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "fonts-noto-cjk",
    );
    let droid = installed(
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "fonts-droid-fallback",
    );
    let dir = scratch("pdf-cjk");
    let name = "東京テック株式会社 上海分公司";
    let text = fs::read_to_string(repo().join("profiles/tarangini-cloud.yaml"))
        .unwrap()
        .replace("Tarangini Cloud Pvt. Ltd.", name)
        .replace("Multi-tenant SaaS platform", "顧客データ基盤");
    assert!(text.contains(name), "the fixture has the name to replace");
    fs::write(dir.join("cjk.yaml"), text).unwrap();
    // The font expected: PDF base-font name and the name the warning gives.
    type Expected = Option<(&'static str, &'static str)>;
    let mut cases: Vec<(&str, Vec<&PathBuf>, Expected)> = vec![("none", vec![], None)];
    if let Some(n) = &noto {
        cases.push(("noto", vec![n], Some(("NotoSansCJK", "Noto Sans CJK JP"))));
    }
    if let Some(d) = &droid {
        cases.push((
            "droid",
            vec![d],
            Some(("DroidSansFallback", "Droid Sans Fallback")),
        ));
    }
    if let (Some(n), Some(d)) = (&noto, &droid) {
        cases.push((
            "both",
            vec![n, d],
            Some(("NotoSansCJK", "Noto Sans CJK JP")),
        ));
    }
    for (case, fonts, expected) in cases {
        let folder = dir.join(format!("fonts-{case}"));
        fs::create_dir_all(&folder).unwrap();
        for f in &fonts {
            std::os::unix::fs::symlink(f, folder.join(f.file_name().unwrap())).unwrap();
        }
        let out = format!("out-{case}");
        let run_ = socsource_in(
            &dir,
            &["report", "cjk.yaml", "--format", "pdf", "--out", &out],
            &[
                ("SOURCE_DATE_EPOCH", "1764115200"),
                ("SOCSOURCE_FONT_PATH", folder.to_str().unwrap()),
            ],
        );
        assert_eq!(run_.code, 0, "{case}: {}", run_.stderr);
        let pdf = dir.join(format!("{out}/tarangini-cloud/report.pdf"));
        let bytes = fs::read(&pdf).unwrap();
        let Some((base, family)) = expected else {
            assert!(
                run_.stderr.contains("'東' (U+6771)")
                    && run_.stderr.contains("is in none of the report's fonts"),
                "{case}: the missing characters are reported: {}",
                run_.stderr
            );
            continue;
        };
        assert!(
            !run_.stderr.contains("none of the report's fonts"),
            "{case}: no character is missing: {}",
            run_.stderr
        );
        assert!(
            run_.stderr
                .contains(&format!("set in the installed font {family} (")),
            "{case}: the warning names the font: {}",
            run_.stderr
        );
        // Tool-free: the font embedded is the expected one, as a subset
        // font program, not a name.
        let embedded = embedded_font_programs(&bytes);
        let sys = embedded
            .iter()
            .find(|(n, _)| n.starts_with("SYS"))
            .unwrap_or_else(|| panic!("{case}: an installed font is embedded: {embedded:?}"));
        assert!(
            sys.0.contains(base) && sys.0.contains('+') && sys.1,
            "{case}: {base} embedded as a subset font program: {embedded:?}"
        );
        if let Some(t) = tools() {
            let (_, text) = run(&t.pdftotext, &[pdf.to_str().unwrap(), "-"]);
            let flat: String = text.split_whitespace().collect();
            for phrase in ["東京テック株式会社", "上海分公司", "顧客データ基盤"]
            {
                assert!(
                    flat.contains(phrase),
                    "{case}: `{phrase}` extracts:\n{text}"
                );
            }
            let (ok, _) = run(&t.qpdf, &["--check", pdf.to_str().unwrap()]);
            assert!(ok, "{case}: qpdf --check");
        }
    }
    fs::remove_dir_all(dir).unwrap();
}

/// Each font's /BaseFont and whether it has an embedded font program
/// (FontFile, FontFile2 or FontFile3), read with lopdf.
fn embedded_font_programs(pdf: &[u8]) -> Vec<(String, bool)> {
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let mut out = Vec::new();
    for (_, object) in doc.objects.iter() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"FontDescriptor".as_slice()) {
            continue;
        }
        let name = dict
            .get(b"FontName")
            .and_then(|n| n.as_name())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let program = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
            .iter()
            .any(|k| dict.get(k).is_ok());
        out.push((name, program));
    }
    out.sort();
    out
}

/// Pages of every bundled report, by kind, as a reviewer would tally them.
#[test]
fn every_bundled_report_has_a_cover_contents_and_body() {
    let dir = rendered("kinds");
    for profile in example_profiles() {
        let id = profile.file_stem().unwrap().to_str().unwrap();
        let doc = Pdf::load(&dir.join(format!("out/{id}/report.pdf")));
        let page = |n: usize| squeeze(&doc.text(n));
        assert!(page(1).contains("SOCsourcingassessmentfor"), "{id}");
        assert!(page(1).contains("Classification"), "{id}");
        assert!(page(2).starts_with("Contents"), "{id}: contents on page 2");
        assert!(
            page(3).contains("Executivesummary"),
            "{id}: summary on page 3"
        );
        // The last page's footer counts every page of the file.
        let n = doc.pages();
        assert!(
            page(n).contains(&format!("Page{n}of{n}")),
            "{id}: the last page's footer does not say it is page {n} of {n}"
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

/// A bundled profile's assessment, evaluated in-process.
fn bundled_assessment(id: &str) -> socsource::internals::evaluate::Assessment {
    use socsource::internals::profile::{load_path, model::Date, LoadOptions};
    let options = LoadOptions::on(Date::new(2026, 1, 1).unwrap());
    let path = repo().join(format!("profiles/{id}.yaml"));
    let profile = load_path(&path, &format!("{id}.yaml"), &options)
        .unwrap()
        .profile;
    evaluate(&profile)
}

/// Two renders in one process give the same bytes (printpdf's own ids come
/// from a process-wide counter; the writer must not depend on them).
#[test]
fn two_renders_in_one_process_are_identical() {
    use socsource::internals::profile::{load_path, model::Date, LoadOptions};
    use socsource::internals::render::{pdf, templates::Templates, Format, Renderer};
    let options = LoadOptions::on(Date::new(2026, 1, 1).unwrap());
    let path = repo().join("profiles/vulcan-praezision.yaml");
    let profile = load_path(&path, "vulcan-praezision.yaml", &options)
        .unwrap()
        .profile;
    let assessment = evaluate(&profile);
    let renderer = Renderer::new(
        Templates::load(None).unwrap(),
        pdf::fonts::FontSet::new(None).unwrap(),
        pdf::PdfOptions::default(),
    );
    let first = renderer.report(&assessment, &[Format::Pdf]).unwrap();
    let second = renderer.report(&assessment, &[Format::Pdf]).unwrap();
    assert!(first.files[0].bytes.starts_with(b"%PDF-1.7"));
    assert_eq!(first.files[0].bytes, second.files[0].bytes);
}

/// A document with every CommonMark and GFM construct the templates may
/// write, after a cover.
const EVERY_CONSTRUCT: &str = "\
# Every construct

The cover paragraph.

<!-- pagebreak -->

## Inline

Plain, *emphasis*, **strong**, ~~withdrawn~~ and `cargo run --release` in one
line, with [a link](https://example.com/report) and a claim[^source].

First line of the address\\
Second line of the address

Third line of the address  
Fourth line of the address

### Lists and quotes

- outer item
  - nested item
    1. deep ordered item
- [x] done task

> A block quote with **strong** text.

```text
fn main() {
    println!(\"code block\");
}
```

| Option | Cost |
|:-------|-----:|
| In-house | 1,000 |
| ~~Hybrid~~ | `n/a` |

---

Closing paragraph of the section.

[^source]: The footnote text, from the second source.
";

/// Text of [`EVERY_CONSTRUCT`] that must come through, markup gone.
const CONSTRUCT_WORDS: [&str; 9] = [
    "Plain, emphasis, strong, withdrawn and cargo run --release",
    "a link",
    "nested item",
    "deep ordered item",
    "A block quote with strong text.",
    "println!(\"code block\");",
    "In-house",
    "Closing paragraph of the section.",
    "The footnote text, from the second source.",
];

#[test]
fn every_commonmark_and_gfm_construct_is_typeset() {
    use socsource::internals::render::pdf::{self, fonts::FontSet, PdfOptions};
    let dir = scratch("pdf-constructs");
    let assessment = bundled_assessment("northwind-bank");
    let fonts = FontSet::new(None).unwrap();
    let out = pdf::render(
        EVERY_CONSTRUCT,
        &assessment,
        &[],
        &[],
        &fonts,
        &PdfOptions::default(),
        socsource::internals::render::pdf::layout::Form::Report,
    )
    .expect("the PDF renders");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let file = dir.join("constructs.pdf");
    fs::write(&file, &out.bytes).unwrap();
    let doc = Pdf::load(&file);
    let own = squeeze(&doc.all_text());
    assert!(!own.contains("~~"), "literal strikethrough markers:\n{own}");
    assert!(!own.contains("[^"), "literal footnote markers:\n{own}");
    for words in CONSTRUCT_WORDS {
        assert!(
            own.contains(&squeeze(words)),
            "{words:?} not in the text:\n{own}"
        );
    }
    // The footnote is collected at the end of the document, after the text.
    let closing = own.find("Closingparagraph").unwrap();
    let note = own.find("Thefootnotetext").unwrap();
    assert!(note > closing, "footnote not at the end:\n{own}");
    // Code is set in the bundled monospace face, embedded and subset.
    let mono = doc
        .fonts()
        .into_iter()
        .find(|f| f.name == "LIBMON+LiberationMono")
        .expect("the monospace face");
    assert!(mono.embedded && mono.to_unicode, "{mono:?}");

    let Some(t) = tools() else { return };
    let path = file.to_str().unwrap();
    let (ok, check) = run(&t.qpdf, &["--check", path]);
    assert!(ok, "{check}");

    let (_, text) = run(&t.pdftotext, &[path, "-"]);
    assert!(
        !text.contains("~~"),
        "literal strikethrough markers:\n{text}"
    );
    assert!(!text.contains("[^"), "literal footnote markers:\n{text}");
    for words in CONSTRUCT_WORDS {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(words), "{words:?} not extracted:\n{text}");
    }
    // Both kinds of hard break keep their lines apart.
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (first, second) in [
        ("First line of the address", "Second line of the address"),
        ("Third line of the address", "Fourth line of the address"),
    ] {
        let a = lines.iter().position(|l| *l == first);
        let b = lines.iter().position(|l| *l == second);
        assert!(
            matches!((a, b), (Some(a), Some(b)) if b == a + 1),
            "{first:?} / {second:?} are not consecutive lines of their own:\n{text}"
        );
    }
    // The footnote is collected at the end of the document, after the text.
    let closing = text.find("Closing paragraph").unwrap();
    let note = text.find("The footnote text").unwrap();
    assert!(note > closing, "footnote not at the end:\n{text}");

    // Code is set in the bundled monospace face, embedded and subset.
    let (_, fonts_out) = run(&t.pdffonts, &[path]);
    let mono = fonts_out
        .lines()
        .find(|l| l.contains("+LiberationMono"))
        .unwrap_or_else(|| panic!("no monospace font:\n{fonts_out}"));
    let cols: Vec<&str> = mono.split_whitespace().collect();
    assert_eq!(cols[0], "LIBMON+LiberationMono", "{mono}");
    assert_eq!(
        &cols[cols.len() - 5..cols.len() - 2],
        ["yes", "yes", "yes"],
        "{mono}"
    );
    fs::remove_dir_all(dir).unwrap();
}

/// The board brief is one page for every bundled profile and at most two
/// for the largest valid profile (every list at its longest, every text at
/// its limit), starts with the recommendation and the decision asked,
/// links to the full report, and the portfolio index links it beside the
/// full report.
#[test]
fn the_brief_is_one_page_and_links_to_the_full_report() {
    let dir = scratch("pdf-brief");
    let inputs = scratch("pdf-brief-in");
    for p in example_profiles() {
        fs::copy(&p, inputs.join(p.file_name().unwrap())).unwrap();
    }
    fs::copy(
        repo().join("tests/fixtures/good/largest.yaml"),
        inputs.join("largest.yaml"),
    )
    .unwrap();
    let run = socsource_at(
        &dir,
        &[
            "batch",
            &inputs.display().to_string(),
            "--edition",
            "both",
            "--format",
            "md,html,pdf",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut ids: Vec<String> = example_profiles()
        .iter()
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_string())
        .collect();
    ids.push("largest".into());
    let index = fs::read_to_string(dir.join("out/index.md")).unwrap();
    for id in &ids {
        let pdf = dir.join(format!("out/{id}/brief.pdf"));
        let brief = Pdf::load(&pdf);
        let n = brief.pages();
        let most = if id == "largest" { 2 } else { 1 };
        assert!((1..=most).contains(&n), "{id}: the brief has {n} pages");
        // The link to the full report opens the PDF beside it.
        let bytes = fs::read(&pdf).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let remote = doc.objects.values().any(|o| {
            let action = o
                .as_dict()
                .and_then(|annotation| annotation.get(b"A"))
                .and_then(|a| a.as_dict());
            action.is_ok_and(|d| {
                d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"GoToR".as_slice())
                    && d.get(b"F").and_then(|f| f.as_str()).ok() == Some(b"report.pdf".as_slice())
            })
        });
        assert!(remote, "{id}: the brief links to report.pdf");
        let first = squeeze(&brief.text(1));
        assert!(first.contains("Boardbrief:SOCsourcingfor"), "{id}");
        assert!(first.contains("Decisionaskedoftheboard"), "{id}");
        assert!(
            squeeze(&brief.text(n)).contains(&format!("Page{n}of{n}")),
            "{id}: footer"
        );
        for file in ["brief.md", "brief.html", "report.pdf", "report.md"] {
            assert!(
                dir.join(format!("out/{id}/{file}")).is_file(),
                "{id}/{file}"
            );
            assert!(
                index.contains(&format!("{id}/{file}")),
                "index links {id}/{file}"
            );
        }
    }
    fs::remove_dir_all(dir).unwrap();
    fs::remove_dir_all(inputs).unwrap();
}

/// The page content written directly draws what printpdf's own encoder
/// draws: every page of every bundled report, rendered to pixels both ways,
/// is the same picture, and the text extracted is the same text.
#[test]
fn direct_content_draws_what_printpdf_draws() {
    use socsource::internals::render::pdf::write::ContentPath;
    use socsource::internals::render::pdf::{fonts::FontSet, PdfOptions};
    use socsource::internals::render::{templates::Templates, Format, Renderer};
    let Some(t) = tools() else { return };
    let Some(pdftoppm) = tool("pdftoppm") else {
        return;
    };
    let dir = scratch("pdf-direct");
    let options = socsource::internals::profile::LoadOptions::on(
        socsource::internals::profile::model::Date::new(2025, 11, 26).unwrap(),
    );
    let renderer = |content| {
        Renderer::new(
            Templates::load(None).unwrap(),
            FontSet::without_system_fonts(None).unwrap(),
            PdfOptions {
                content,
                ..PdfOptions::default()
            },
        )
    };
    let (direct, reference) = (
        renderer(ContentPath::Direct),
        renderer(ContentPath::Printpdf),
    );
    for profile in example_profiles() {
        let shown = profile.display().to_string();
        let loaded = socsource::internals::profile::load_path(&profile, &shown, &options).unwrap();
        let a = evaluate(&loaded.profile);
        let pdf = |r: &Renderer, name: &str| {
            let rendered = r.report(&a, &[Format::Pdf]).unwrap();
            let file = rendered
                .files
                .iter()
                .find(|f| f.path == "report.pdf")
                .unwrap();
            let path = dir.join(format!("{}-{name}.pdf", a.profile.id));
            fs::write(&path, &file.bytes).unwrap();
            path
        };
        let (ours, theirs) = (pdf(&direct, "direct"), pdf(&reference, "printpdf"));
        let (ok, _) = run(&t.qpdf, &["--check", ours.to_str().unwrap()]);
        assert!(ok, "qpdf rejects {}", ours.display());
        // Every word at the same place, to a hundredth of a point
        // (pdftotext's reading order is a heuristic that a thousandth of a
        // point can tip, so the words are compared as placed words).
        let words = |p: &Path| {
            let mut placed: Vec<(usize, String, f32, f32)> = bbox(&t, p)
                .into_iter()
                .enumerate()
                .flat_map(|(page, (_, _, words))| {
                    words.into_iter().map(move |w| (page, w.text, w.y0, w.x0))
                })
                .collect();
            placed.sort_by(|a, b| {
                (a.0, &a.1)
                    .cmp(&(b.0, &b.1))
                    .then(a.2.total_cmp(&b.2))
                    .then(a.3.total_cmp(&b.3))
            });
            placed
        };
        let (mine, reference_words) = (words(&ours), words(&theirs));
        assert!(mine.len() > 1000, "{}", a.profile.id);
        assert_eq!(mine.len(), reference_words.len(), "{}", a.profile.id);
        for (m, r) in mine.iter().zip(&reference_words) {
            assert!(
                m.0 == r.0 && m.1 == r.1 && (m.2 - r.2).abs() < 0.01 && (m.3 - r.3).abs() < 0.01,
                "{}: {m:?} where printpdf has {r:?}",
                a.profile.id
            );
        }
        let pixels = |p: &Path, name: &str| {
            let prefix = dir.join(format!("{}-{name}", a.profile.id));
            let (ok, _) = run(
                &pdftoppm,
                &[
                    "-r",
                    "72",
                    "-gray",
                    p.to_str().unwrap(),
                    prefix.to_str().unwrap(),
                ],
            );
            assert!(ok);
            let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|f| {
                    let n = f.file_name().unwrap().to_string_lossy().into_owned();
                    n.starts_with(&format!("{}-{name}-", a.profile.id)) && n.ends_with(".pgm")
                })
                .collect();
            pages.sort();
            pages
                .iter()
                .map(|p| fs::read(p).unwrap())
                .collect::<Vec<_>>()
        };
        let (a_pages, b_pages) = (pixels(&ours, "direct"), pixels(&theirs, "printpdf"));
        assert_eq!(a_pages.len(), b_pages.len(), "{}", a.profile.id);
        for (i, (x, y)) in a_pages.iter().zip(&b_pages).enumerate() {
            assert_eq!(x.len(), y.len());
            let differ = x.iter().zip(y).filter(|(p, q)| p != q).count();
            assert!(
                differ == 0,
                "{} page {}: {differ} pixels differ",
                a.profile.id,
                i + 1
            );
        }
    }
}
