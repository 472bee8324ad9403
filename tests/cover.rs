//! The cover as a board sees it: the organisation, the recommendation in
//! one line, who it is for and by (lines left out when not given), date,
//! status with a watermark for a draft, the classification band, and the
//! logos, in the PDF, the HTML page and the Markdown; and logos that cannot
//! be shown refused where the profile names them.

mod common;
use common::*;
use std::fs;
use std::path::{Path, PathBuf};

/// Northwind's profile with `lines` added to its `report` section, in a
/// scratch folder holding the test logos.
fn profile(name: &str, lines: &[&str]) -> (Scratch, PathBuf) {
    let dir = scratch(&format!("cover-{name}"));
    for logo in ["advisory.png", "client.jpg", "mark.svg"] {
        fs::copy(
            repo().join("tests/fixtures/logos").join(logo),
            dir.join(logo),
        )
        .unwrap();
    }
    let text = fs::read_to_string(repo().join("profiles/northwind-bank.yaml")).unwrap();
    let mut report = String::from("report:\n");
    for l in lines {
        report.push_str(&format!("  {l}\n"));
    }
    let text = text.replace("report:\n", &report);
    let file = dir.join("northwind-bank.yaml");
    fs::write(&file, text).unwrap();
    (dir, file)
}

fn render(dir: &Path, formats: &str) -> PathBuf {
    let run = socsource_at(
        dir,
        &[
            "report",
            "northwind-bank.yaml",
            "--format",
            formats,
            "--edition",
            "both",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    dir.join("out/northwind-bank")
}

fn page_text(pdf: &Path, page: usize) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-f", &page.to_string(), "-l", &page.to_string(), "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The image XObjects of a PDF other than soft masks: (filter, whether
/// it has a soft mask).
fn images(pdf: &Path) -> Vec<(String, bool)> {
    let doc = lopdf::Document::load(pdf).unwrap();
    let is_image = |s: &lopdf::Stream| {
        s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image".as_slice())
    };
    let masks: Vec<lopdf::ObjectId> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| is_image(s))
        .filter_map(|s| s.dict.get(b"SMask").and_then(|m| m.as_reference()).ok())
        .collect();
    let mut out: Vec<(String, bool)> = doc
        .objects
        .iter()
        .filter(|(id, _)| !masks.contains(id))
        .filter_map(|(_, o)| o.as_stream().ok())
        .filter(|s| is_image(s))
        .map(|s| {
            let filter = s
                .dict
                .get(b"Filter")
                .and_then(|f| f.as_name())
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            (filter, s.dict.get(b"SMask").is_ok())
        })
        .collect();
    out.sort();
    out
}

/// Per page, whether its content sets text turned by 45 degrees (the
/// watermark: nothing else in a report is set at an angle).
fn watermarked_pages(pdf: &Path) -> Vec<bool> {
    let doc = lopdf::Document::load(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|id| {
            let content = doc.get_page_content(*id);
            String::from_utf8_lossy(&content).contains("0.707 0.707 -0.707 0.707")
        })
        .collect()
}

#[test]
fn a_draft_cover_carries_the_logos_the_band_and_a_watermark_on_every_page() {
    let (dir, _) = profile(
        "draft",
        &[
            "status: draft",
            "logo: advisory.png",
            "client_logo: client.jpg",
        ],
    );
    let out = render(&dir, "md,html,pdf,json");
    let pdf = out.join("report.pdf");
    // Both logos embedded once: the JPEG as it is, the PNG with its
    // transparency as a soft mask.
    assert_eq!(
        images(&pdf),
        vec![
            ("DCTDecode".to_string(), false),
            ("FlateDecode".to_string(), true)
        ]
    );
    if tool("pdftotext").is_some() {
        let cover = page_text(&pdf, 1);
        for expected in [
            "CONFIDENTIAL",
            "SOC sourcing assessment for",
            "Recommendation: Hybrid (co-managed) SOC",
            "Prepared by: Example Advisory Ltd",
            "Status: Draft, for discussion",
        ] {
            assert!(
                cover.contains(expected),
                "cover lacks {expected:?}:\n{cover}"
            );
        }
    }
    for file in ["report.pdf", "brief.pdf"] {
        let turned = watermarked_pages(&out.join(file));
        assert!(
            !turned.is_empty() && turned.iter().all(|t| *t),
            "{file}: {turned:?}"
        );
    }
    if tool("qpdf").is_some() {
        let check = std::process::Command::new("qpdf")
            .arg("--check")
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
    // The Markdown names the logos beside it; the HTML page embeds them.
    let md = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(
        md.contains("![Logo of Northwind Bank plc](images/client-logo.jpeg)"),
        "{md}"
    );
    assert!(md.contains("](images/logo.png)"));
    assert_eq!(
        fs::read(out.join("images/logo.png")).unwrap(),
        fs::read(dir.join("advisory.png")).unwrap()
    );
    assert!(out.join("images/client-logo.jpeg").is_file());
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("<img class=\"picture\" src=\"data:image/jpeg;base64,"));
    assert!(html.contains("src=\"data:image/png;base64,"));
    assert!(html.contains("class=\"draft-mark\" aria-hidden=\"true\">DRAFT<"));
    let json = fs::read_to_string(out.join("assessment.json")).unwrap();
    let a: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(a["profile"]["status"], "draft");
    assert_eq!(a["profile"]["logo"]["kind"], "png");
    assert_eq!(a["profile"]["client_logo"]["width"], 300);
}

#[test]
fn a_final_cover_without_a_preparer_leaves_the_line_out_and_has_no_watermark() {
    let (dir, file) = profile("final", &[]);
    let text = fs::read_to_string(&file).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("prepared_by:"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&file, text).unwrap();
    let out = render(&dir, "md,pdf");
    let md = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(!md.contains("Prepared by"), "no preparer, no line");
    assert!(!md.contains("not stated"));
    assert!(md.contains("**Status:** Final"));
    assert!(!out.join("images").exists(), "no logos, no images folder");
    assert!(images(&out.join("report.pdf")).is_empty());
    if tool("pdftotext").is_some() {
        let pdf = out.join("report.pdf");
        let cover = page_text(&pdf, 1);
        assert!(!cover.contains("Prepared by"), "{cover}");
        assert!(!cover.contains("DRAFT"));
    }
    let turned = watermarked_pages(&out.join("report.pdf"));
    assert!(turned.iter().all(|t| !t), "a final report has no watermark");
}

#[test]
fn an_svg_logo_shows_in_the_html_and_markdown_and_the_pdf_says_why_not() {
    let (dir, _) = profile("svg", &["logo: mark.svg"]);
    let run = socsource_at(
        &dir,
        &[
            "report",
            "northwind-bank.yaml",
            "--format",
            "md,html,pdf",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`mark.svg` is an SVG, which the PDF does not draw"),
        "{}",
        run.stderr
    );
    let out = dir.join("out/northwind-bank");
    assert!(out.join("images/logo.svg").is_file());
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("src=\"data:image/svg+xml;base64,"));
}

#[test]
fn logos_that_cannot_be_shown_are_refused_where_the_profile_names_them() {
    let cases: [(&str, &str, Option<Vec<u8>>); 4] = [
        ("logo: missing.png", "there is no file `missing.png`", None),
        (
            "logo: northwind-bank.yaml",
            "is not a PNG, JPEG or SVG image",
            None,
        ),
        (
            "client_logo: huge.png",
            "over the 2 MiB limit for images",
            Some({
                let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
                b.resize(2 * 1024 * 1024 + 1, 0);
                b
            }),
        ),
        (
            "logo: interlaced.png",
            "interlaced PNG",
            Some({
                let mut b = fs::read(repo().join("tests/fixtures/logos/advisory.png")).unwrap();
                b[28] = 1;
                b
            }),
        ),
    ];
    for (line, message, bytes) in cases {
        let (dir, _) = profile("bad", &[line]);
        if let Some(bytes) = bytes {
            let name = line.split(": ").nth(1).unwrap();
            fs::write(dir.join(name), bytes).unwrap();
        }
        let run = socsource_at(&dir, &["report", "northwind-bank.yaml", "--out", "out"]);
        assert_eq!(run.code, 1, "{line}: {}", run.stderr);
        let key = line.split(':').next().unwrap();
        assert!(
            run.stderr.contains(&format!("report.{key}: ")),
            "{line}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(message), "{line}: {}", run.stderr);
        // The line and column of the value.
        assert!(
            run.stderr.contains("northwind-bank.yaml:"),
            "{}",
            run.stderr
        );
        assert!(
            !dir.join("out/northwind-bank").exists(),
            "{line}: nothing written"
        );
    }
}

#[test]
fn an_image_in_a_user_template_is_embedded_and_a_missing_one_is_located() {
    let (dir, _) = profile("template-image", &[]);
    let templates = dir.join("templates");
    fs::create_dir_all(templates.join("art")).unwrap();
    fs::copy(
        repo().join("tests/fixtures/logos/advisory.png"),
        templates.join("art/seal.png"),
    )
    .unwrap();
    let cover = fs::read_to_string(repo().join("templates/cover.md")).unwrap();
    fs::write(
        templates.join("cover.md"),
        format!("{cover}\n\n![Our seal](art/seal.png)\n"),
    )
    .unwrap();
    let run = socsource_at(
        &dir,
        &[
            "report",
            "northwind-bank.yaml",
            "--templates",
            "templates",
            "--format",
            "md,html,pdf",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("seal"),
        "drawn, so no warning: {}",
        run.stderr
    );
    let out = dir.join("out/northwind-bank");
    let md = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("![Our seal](images/template-seal.png)"), "{md}");
    assert!(out.join("images/template-seal.png").is_file());
    assert_eq!(images(&out.join("report.pdf")).len(), 1);
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("alt=\"Our seal\""));

    // A missing image stops the run before any work, naming where it is.
    fs::write(
        templates.join("cover.md"),
        format!("{cover}\n\nText.\n\n![Our seal](art/missing.png)\n"),
    )
    .unwrap();
    let run = socsource_at(
        &dir,
        &[
            "report",
            "northwind-bank.yaml",
            "--templates",
            "templates",
            "--out",
            "again",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let lines = cover.lines().count() + 5;
    assert!(
        run.stderr.contains(&format!(
            "cover.md:{lines}:13: there is no file `art/missing.png`"
        )),
        "{}",
        run.stderr
    );
    assert!(!dir.join("again/northwind-bank").exists());
}
