//! Markdown in a user's templates that the PDF and the HTML used to treat
//! badly: raw HTML and images the PDF leaves out (now a warning naming the
//! template, line and column), task lists (a box instead of a bullet) and
//! bare web addresses (links in both formats). Runs the binary on a bundled
//! profile with a template folder, as a consultant would.

mod common;
use common::*;
use std::fs;
use std::path::Path;
use std::process::Command;

/// The built-in executive summary with a section a consultant might add.
fn summary_with_actions() -> String {
    let built_in = fs::read_to_string(repo().join("templates/summary.md")).unwrap();
    format!(
        "{built_in}\n\
         ### Board actions\n\
         \n\
         Guidance: https://www.ncsc.gov.uk/collection/building-a-security-operations-centre.\n\
         \n\
         - [x] Budget approved by the committee\n\
         - [ ] Provider shortlist agreed\n\
         - Reviewed again in a year\n\
         \n\
         <div class=\"note\">\n\
         Prepared with the board secretary.\n\
         </div>\n\
         \n\
         Signed: <span class=\"signature\">the adviser</span>.\n\
         \n\
         ![Firm logo](https://example.org/firm-logo.png)\n"
    )
}

/// 1-based line and column of the first `needle` in `text`.
fn line_column(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in the template");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

fn render_with_actions(dir: &Path) -> Run {
    fs::create_dir_all(dir.join("tpl")).unwrap();
    fs::write(dir.join("tpl/summary.md"), summary_with_actions()).unwrap();
    socsource_at(
        dir,
        &[
            "report",
            &repo()
                .join("profiles/northwind-bank.yaml")
                .display()
                .to_string(),
            "--templates",
            "tpl",
            "--out",
            "out",
        ],
    )
}

#[test]
fn what_the_pdf_leaves_out_is_named_by_template_line_and_column() {
    let dir = scratch("edges-warnings");
    let run = render_with_actions(&dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let template = summary_with_actions();
    let file = Path::new("tpl").join("summary.md").display().to_string();
    for (needle, what) in [
        ("<div class=\"note\">", "raw HTML `<div class=\"note\">`"),
        (
            "<span class=\"signature\">",
            "raw HTML `<span class=\"signature\">`",
        ),
        (
            "https://example.org/firm-logo.png",
            "the image `https://example.org/firm-logo.png`",
        ),
    ] {
        let (line, column) = line_column(&template, needle);
        let place = format!("{file}:{line}:{column}: {what}");
        assert!(
            run.stderr.contains(&place),
            "no warning {place:?}:\n{}",
            run.stderr
        );
    }
    // A closing tag hides nothing of its own: one warning per element.
    assert_eq!(run.stderr.matches("raw HTML").count(), 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("shows \"[Firm logo]\" in its place"),
        "{}",
        run.stderr
    );

    // The built-in templates have nothing the PDF leaves out.
    let plain = socsource_at(
        &dir,
        &[
            "report",
            &repo()
                .join("profiles/northwind-bank.yaml")
                .display()
                .to_string(),
            "--out",
            "plain",
        ],
    );
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert!(!plain.stderr.contains("warning"), "{}", plain.stderr);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn task_lists_show_a_box_and_no_bullet_in_html() {
    let dir = scratch("edges-tasks-html");
    let run = render_with_actions(&dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = fs::read_to_string(dir.join("out/northwind-bank/report.html")).unwrap();
    let item = |label: &str| -> String {
        let end = html
            .find(label)
            .unwrap_or_else(|| panic!("{label} in the HTML"));
        let start = html[..end].rfind("<li").unwrap();
        html[start..end].to_string()
    };
    let done = item("Budget approved by the committee");
    assert!(done.starts_with("<li class=\"task\""), "{done}");
    assert!(
        done.contains("<input class=\"task-box\" type=\"checkbox\" disabled checked"),
        "{done}"
    );
    let open = item("Provider shortlist agreed");
    assert!(
        open.contains("type=\"checkbox\" disabled aria-labelledby"),
        "{open}"
    );
    assert!(!open.contains("checked"), "{open}");
    assert_eq!(item("Reviewed again in a year"), "<li>");
    // The stylesheet takes the bullet off a task (a browser shows it:
    // tests/browser.rs measures it).
    assert!(html.contains("li.task { list-style: none; }"));
    fs::remove_dir_all(dir).unwrap();
}

/// The URIs of a PDF's link actions, wherever they are written (printpdf
/// writes link annotations inline in each page's /Annots).
fn uri_links(pdf: &[u8]) -> Vec<String> {
    fn walk(object: &lopdf::Object, uris: &mut Vec<String>) {
        match object {
            lopdf::Object::Dictionary(dict) => {
                if dict.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"URI") {
                    if let Ok(uri) = dict.get(b"URI").and_then(|u| u.as_str()) {
                        uris.push(String::from_utf8_lossy(uri).into_owned());
                    }
                }
                for (_, value) in dict.iter() {
                    walk(value, uris);
                }
            }
            lopdf::Object::Array(items) => {
                for item in items {
                    walk(item, uris);
                }
            }
            _ => {}
        }
    }
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let mut uris = Vec::new();
    for object in doc.objects.values() {
        walk(object, &mut uris);
    }
    uris
}

#[test]
fn task_lists_show_a_box_and_bare_addresses_link_in_the_pdf() {
    let dir = scratch("edges-pdf");
    let run = render_with_actions(&dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf_path = dir.join("out/northwind-bank/report.pdf");
    // The boxes and the bullet, read from the file's own text.
    let own = common::pdf::squeeze(&common::pdf::Pdf::load(&pdf_path).all_text());
    for item in [
        "\u{2611}Budgetapprovedbythecommittee",
        "\u{2610}Providershortlistagreed",
        "\u{2022}Reviewedagaininayear",
    ] {
        assert!(own.contains(item), "{item} not in the PDF's text");
    }
    // The address is one link, without the sentence's full stop.
    let guidance = "https://www.ncsc.gov.uk/collection/building-a-security-operations-centre";
    let links = uri_links(&fs::read(&pdf_path).unwrap());
    assert!(
        links.iter().any(|u| u == guidance),
        "no /URI {guidance}: {links:?}"
    );
    assert!(!links.iter().any(|u| u.ends_with('.')), "{links:?}");
    // As a viewer lays the lines out, where pdftotext is installed.
    let Some(pdftotext) = tool("pdftotext") else {
        fs::remove_dir_all(dir).unwrap();
        return;
    };
    let out = Command::new(pdftotext)
        .arg(&pdf_path)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let line = |label: &str| -> String {
        text.lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label} not in the PDF text:\n{text}"))
            .trim()
            .to_string()
    };
    assert_eq!(
        line("Budget approved"),
        "\u{2611} Budget approved by the committee"
    );
    assert_eq!(
        line("Provider shortlist"),
        "\u{2610} Provider shortlist agreed"
    );
    // An ordinary item of the same list keeps its bullet.
    assert_eq!(line("Reviewed again"), "\u{2022} Reviewed again in a year");
    // The address is one link, without the sentence's full stop.
    let pdf = fs::read(&pdf_path).unwrap();
    let guidance = "https://www.ncsc.gov.uk/collection/building-a-security-operations-centre";
    let links = uri_links(&pdf);
    assert!(
        links.iter().any(|u| u == guidance),
        "no /URI {guidance}: {links:?}"
    );
    assert!(!links.iter().any(|u| u.ends_with('.')), "{links:?}");
    // And a link in the HTML.
    let html = fs::read_to_string(dir.join("out/northwind-bank/report.html")).unwrap();
    assert!(
        html.contains(&format!("<a href=\"{guidance}\">{guidance}</a>.")),
        "no link in the HTML"
    );
    fs::remove_dir_all(dir).unwrap();
}

/// A consultant's macro file, named to sort after the templates that
/// import it, works: the template set is loaded as a whole.
#[test]
fn a_macro_file_works_whatever_its_name_sorts_as() {
    let dir = scratch("template-macros");
    let templates = dir.join("templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("zz-firm-macros.md"),
        "{% macro signed(who) %}Signed for the board by {{ who }}.{% endmacro signed %}",
    )
    .unwrap();
    let built_in = fs::read_to_string(repo().join("templates/summary.md")).unwrap();
    fs::write(
        templates.join("summary.md"),
        format!(
            "{{% import \"zz-firm-macros.md\" as firm %}}{built_in}\n\n{{{{ firm::signed(who=\"the adviser\") }}}}\n"
        ),
    )
    .unwrap();
    let profile = repo().join("profiles/kestrel-commerce.yaml");
    let run = socsource_at(
        &dir,
        &[
            "report",
            &profile.display().to_string(),
            "--templates",
            "templates",
            "--format",
            "md",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = fs::read_to_string(dir.join("out/kestrel-commerce/report.md")).unwrap();
    assert!(md.contains("Signed for the board by the adviser."), "{md}");
}

/// Web and e-mail addresses written in a profile read exactly as written
/// in every format, and link nowhere: not in the HTML or the PDF, and not
/// in the Markdown on a code host (GitHub and GitLab link a bare `www.`
/// address, a scheme's `://` and an e-mail address's `@` wherever they
/// find them in the text, so none appears there as written).
#[test]
fn addresses_in_profile_text_read_exactly_and_link_nowhere() {
    let dir = scratch("profile-addresses");
    let text = fs::read_to_string(repo().join("profiles/kestrel-commerce.yaml")).unwrap();
    let text = text
        .replacen(
            "name: Kestrel Commerce B.V.",
            "name: \"Kestrel (www.kestrel.example)\"",
            1,
        )
        .replacen(
            "prepared_by: Example Advisory Ltd",
            "prepared_by: \"ciso@kestrel.example, https://kestrel.example/board\"",
            1,
        );
    fs::write(dir.join("kestrel.yaml"), text).unwrap();
    let run = socsource_at(&dir, &["report", "kestrel.yaml", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = dir.join("out/kestrel-commerce");
    let written = [
        "www.kestrel.example",
        "ciso@kestrel.example",
        "https://kestrel.example/board",
    ];
    let md = fs::read_to_string(folder.join("report.md")).unwrap();
    // The front matter is YAML data, the values as given.
    let body = md
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(md.as_str(), |(_, body)| body);
    for address in written {
        assert!(!body.contains(address), "{address} is live in the Markdown");
    }
    assert!(body.contains("www\\.kestrel.example"), "{body}");
    assert!(body.contains("ciso<!-- -->@kestrel.example"), "{body}");
    let html = fs::read_to_string(folder.join("report.html")).unwrap();
    for address in written {
        assert!(html.contains(address), "{address} not shown in the HTML");
    }
    assert!(
        !html.contains("href=\"mailto:"),
        "an e-mail link in the HTML"
    );
    assert!(!html.contains("kestrel.example\">"), "a link in the HTML");
    assert!(
        !html.contains("<!-- -->"),
        "the Markdown's comment in the HTML"
    );
    let pdf = fs::read(folder.join("report.pdf")).unwrap();
    assert!(
        uri_links(&pdf)
            .iter()
            .all(|u| !u.contains("kestrel.example")),
        "{:?}",
        uri_links(&pdf)
    );
    if let Some(pdftotext) = tool("pdftotext") {
        let out = Command::new(pdftotext)
            .args([folder.join("report.pdf").to_str().unwrap(), "-"])
            .output()
            .unwrap();
        let shown = String::from_utf8_lossy(&out.stdout);
        for address in written {
            assert!(shown.contains(address), "{address} not shown in the PDF");
        }
    }
}
