//! The tagged PDF read back as assistive technology and archive validators
//! read it: every mark on a page belongs to a structure element or is an
//! artifact, figures have alternative text, table headers have a scope,
//! links are tagged and described, reading order follows the pages, and
//! the XMP metadata says what the Info dictionary says.

mod common;
use common::*;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Render the bundled profiles (full report and brief) as PDF with the
/// given standard; returns the PDFs' paths.
fn render(name: &str, standard: &str) -> (Scratch, Vec<std::path::PathBuf>) {
    let dir = scratch(&format!("tagged-{name}"));
    let run = socsource_at(
        &dir,
        &[
            "batch",
            &repo().join("profiles").display().to_string(),
            "--format",
            "pdf",
            "--edition",
            "both",
            "--pdf-standard",
            standard,
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut pdfs: Vec<_> = walk(&dir.join("out"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    assert!(pdfs.len() >= 14, "{pdfs:?}");
    (dir, pdfs)
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        other => other,
    }
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a Dictionary {
    deref(doc, o).as_dict().unwrap()
}

fn name(d: &Dictionary, key: &[u8]) -> Option<String> {
    d.get(key)
        .ok()
        .and_then(|o| o.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

/// A PDF text string as Rust text.
fn text(o: &Object) -> String {
    let Object::String(bytes, _) = o else {
        panic!("not a string: {o:?}")
    };
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// What one PDF's structure holds.
#[derive(Default)]
struct Summary {
    tags: BTreeMap<String, usize>,
    marked: usize,
    artifacts: usize,
}

/// Check one PDF; panics naming the file and the fault.
fn check(path: &Path, archival: bool) -> Summary {
    let shown = path.display();
    let doc = Document::load(path).unwrap();
    let catalog = doc.catalog().unwrap();
    let marked = dict(&doc, catalog.get(b"MarkInfo").unwrap());
    assert_eq!(
        marked.get(b"Marked").unwrap(),
        &Object::Boolean(true),
        "{shown}"
    );
    assert!(catalog.get(b"Lang").is_ok(), "{shown}: no /Lang");
    let viewer = dict(&doc, catalog.get(b"ViewerPreferences").unwrap());
    assert_eq!(
        viewer.get(b"DisplayDocTitle").unwrap(),
        &Object::Boolean(true),
        "{shown}"
    );
    let root = dict(&doc, catalog.get(b"StructTreeRoot").unwrap());
    assert_eq!(name(root, b"Type").as_deref(), Some("StructTreeRoot"));
    let nums = dict(&doc, root.get(b"ParentTree").unwrap())
        .get(b"Nums")
        .unwrap()
        .as_array()
        .unwrap();
    let parent_tree: BTreeMap<i64, &Object> = nums
        .chunks(2)
        .map(|kv| (kv[0].as_i64().unwrap(), &kv[1]))
        .collect();

    let mut summary = Summary::default();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for (page_no, page_id) in pages.iter().enumerate() {
        let page = doc.get_dictionary(*page_id).unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        let content = doc.get_and_decode_page_content(*page_id).unwrap();
        // Every painting operator sits inside marked content; collect the
        // marked-content ids in order.
        let mut depth: Vec<Option<i64>> = Vec::new();
        let mut mcids = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let props = op.operands[1].as_dict().unwrap();
                    let mcid = props.get(b"MCID").unwrap().as_i64().unwrap();
                    assert!(
                        depth.is_empty(),
                        "{shown} p{}: nested marked content",
                        page_no + 1
                    );
                    depth.push(Some(mcid));
                    mcids.push(mcid);
                    summary.marked += 1;
                }
                "BMC" => {
                    assert_eq!(op.operands[0].as_name().unwrap(), b"Artifact");
                    depth.push(None);
                    summary.artifacts += 1;
                }
                "EMC" => {
                    depth.pop().expect("EMC without BMC/BDC");
                }
                "Tj" | "TJ" | "'" | "\"" | "f" | "F" | "f*" | "S" | "s" | "B" | "b" | "Do"
                | "sh" => assert!(
                    !depth.is_empty(),
                    "{shown} p{}: `{}` outside marked content",
                    page_no + 1,
                    op.operator
                ),
                _ => {}
            }
        }
        assert!(
            depth.is_empty(),
            "{shown} p{}: unclosed marked content",
            page_no + 1
        );
        assert_eq!(
            mcids,
            (0..mcids.len() as i64).collect::<Vec<_>>(),
            "{shown} p{}: marked-content ids in order from 0",
            page_no + 1
        );
        // The parent tree leads from each id to an element that holds it.
        let owners = deref(&doc, parent_tree[&key]).as_array().unwrap();
        assert_eq!(owners.len(), mcids.len(), "{shown} p{}", page_no + 1);
        for (mcid, owner) in owners.iter().enumerate() {
            let element = dict(&doc, owner);
            let kids = element.get(b"K").unwrap().as_array().unwrap();
            let holds = kids.iter().any(|k| match k {
                Object::Integer(n) => {
                    *n == mcid as i64
                        && element.get(b"Pg").unwrap().as_reference().unwrap() == *page_id
                }
                Object::Dictionary(mcr) => {
                    mcr.get(b"MCID").unwrap().as_i64().unwrap() == mcid as i64
                        && mcr.get(b"Pg").unwrap().as_reference().unwrap() == *page_id
                }
                _ => false,
            });
            assert!(
                holds,
                "{shown} p{}: MCID {mcid} not held by its parent",
                page_no + 1
            );
        }
        // Links: tagged, described, in the tab order of the structure.
        if let Ok(annots) = page.get(b"Annots").and_then(Object::as_array) {
            if !annots.is_empty() {
                assert_eq!(name(page, b"Tabs").as_deref(), Some("S"), "{shown}");
            }
            for a in annots {
                let annot_id = a.as_reference().expect("annotations are objects");
                let annot = doc.get_dictionary(annot_id).unwrap();
                assert!(
                    annot.get(b"Contents").is_ok(),
                    "{shown}: link without Contents"
                );
                let key = annot.get(b"StructParent").unwrap().as_i64().unwrap();
                let link = dict(&doc, parent_tree[&key]);
                assert_eq!(name(link, b"S").as_deref(), Some("Link"));
                let objr = link.get(b"K").unwrap().as_array().unwrap()[0]
                    .as_dict()
                    .unwrap();
                assert_eq!(objr.get(b"Obj").unwrap().as_reference().unwrap(), annot_id);
            }
        }
    }

    // Every element: a standard type; figures described; header cells
    // scoped; reading order (depth first) never goes back a page.
    let page_no: BTreeMap<ObjectId, usize> =
        pages.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut last_page = 0;
    let mut stack: Vec<&Object> = root
        .get(b"K")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .collect();
    while let Some(o) = stack.pop() {
        let Ok(e) = deref(&doc, o).as_dict() else {
            continue;
        };
        if name(e, b"Type").as_deref() != Some("StructElem") {
            continue;
        }
        let s = name(e, b"S").unwrap();
        *summary.tags.entry(s.clone()).or_default() += 1;
        if s == "Figure" {
            let alt = text(e.get(b"Alt").expect("a figure has /Alt"));
            assert!(alt.len() > 20, "{shown}: figure alt text too thin: {alt}");
        }
        if s == "TH" {
            let a = dict(&doc, e.get(b"A").unwrap());
            assert_eq!(name(a, b"Scope").as_deref(), Some("Column"), "{shown}");
        }
        if let Ok(pg) = e.get(b"Pg").and_then(Object::as_reference) {
            let p = page_no[&pg];
            if s != "Link" {
                assert!(
                    p + 1 >= last_page,
                    "{shown}: {s} on page {} read after page {last_page}",
                    p + 1
                );
                last_page = last_page.max(p + 1);
            }
        }
        if let Ok(kids) = e.get(b"K").and_then(Object::as_array) {
            for k in kids.iter().rev() {
                if matches!(k, Object::Reference(_)) {
                    stack.push(k);
                }
            }
        }
    }
    assert_eq!(summary.tags.get("Document"), Some(&1), "{shown}");

    // XMP: parses, and says what the Info dictionary says.
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    let metadata = doc
        .get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    assert!(
        metadata.dict.get(b"Filter").is_err(),
        "{shown}: XMP left readable"
    );
    let xml = String::from_utf8(metadata.content.clone()).unwrap();
    let xmp = roxmltree::Document::parse(&xml).expect("XMP is well-formed XML");
    let find = |ns: &str, local: &str| {
        xmp.descendants()
            .find(|n| n.tag_name().namespace() == Some(ns) && n.tag_name().name() == local)
    };
    const DC: &str = "http://purl.org/dc/elements/1.1/";
    let all_text = |n: roxmltree::Node| {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<String>()
            .trim()
            .to_string()
    };
    assert_eq!(
        all_text(find(DC, "title").unwrap()),
        text(info.get(b"Title").unwrap()),
        "{shown}"
    );
    match info.get(b"Author") {
        Ok(author) => assert_eq!(all_text(find(DC, "creator").unwrap()), text(author)),
        Err(_) => assert!(find(DC, "creator").is_none(), "{shown}"),
    }
    assert_eq!(
        find("http://ns.adobe.com/pdf/1.3/", "Producer").and_then(|n| n.text()),
        Some(text(info.get(b"Producer").unwrap()).as_str())
    );
    let created = text(info.get(b"CreationDate").unwrap());
    let xmp_created = find("http://ns.adobe.com/xap/1.0/", "CreateDate")
        .and_then(|n| n.text())
        .unwrap()
        .to_string();
    // D:YYYYMMDDHHmmSSZ and YYYY-MM-DDTHH:mm:SSZ name the same instant.
    let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
    assert_eq!(digits(&created), digits(&xmp_created), "{shown}");
    let ua = find("http://www.aiim.org/pdfua/ns/id/", "part").and_then(|n| n.text());
    let pdfa = find("http://www.aiim.org/pdfa/ns/id/", "part").and_then(|n| n.text());
    if archival {
        assert_eq!(pdfa, Some("2"), "{shown}");
        assert_eq!(
            find("http://www.aiim.org/pdfa/ns/id/", "conformance").and_then(|n| n.text()),
            Some("B")
        );
        let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
        let intent = dict(&doc, &intents[0]);
        assert_eq!(name(intent, b"S").as_deref(), Some("GTS_PDFA1"));
        let icc = doc
            .get_object(
                intent
                    .get(b"DestOutputProfile")
                    .unwrap()
                    .as_reference()
                    .unwrap(),
            )
            .unwrap()
            .as_stream()
            .unwrap();
        assert_eq!(icc.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
        assert!(
            doc.trailer.get(b"ID").is_ok(),
            "{shown}: PDF/A needs an /ID"
        );
    } else {
        assert!(pdfa.is_none(), "{shown}: claims PDF/A without being asked");
        assert!(catalog.get(b"OutputIntents").is_err());
    }
    assert_eq!(ua, Some("1"), "{shown}");
    summary
}

#[test]
fn every_report_is_tagged_pdf_ua() {
    let (dir, pdfs) = render("ua", "ua-1");
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    for pdf in &pdfs {
        let s = check(pdf, false);
        // A full report marks scores of blocks; the one-page brief fewer.
        let least = if pdf.ends_with("brief.pdf") { 10 } else { 50 };
        assert!(
            s.marked > least && s.artifacts > 0,
            "{}: {} marked, {} artifacts",
            pdf.display(),
            s.marked,
            s.artifacts
        );
        for (tag, n) in s.tags {
            *totals.entry(tag).or_default() += n;
        }
    }
    // The report's parts all appear somewhere in the bundled reports.
    for tag in [
        "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH",
        "TD", "Figure", "Caption", "Link", "TOC", "TOCI",
    ] {
        assert!(
            totals.contains_key(tag),
            "no {tag} in any report: {totals:?}"
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn pdf_a_2b_and_ua_together_carry_both_claims() {
    let (dir, pdfs) = render("both", "both");
    for pdf in &pdfs {
        check(pdf, true);
        let bytes = fs::read(pdf).unwrap();
        // PDF/A: a binary comment after the header, no encryption.
        assert!(bytes[9..15].iter().any(|b| *b > 127), "{}", pdf.display());
        assert!(!bytes.windows(8).any(|w| w == b"/Encrypt"));
    }
    fs::remove_dir_all(dir).unwrap();
}
