//! Pagination as a reader sees it, read from the PDFs of the bundled and
//! 50 generated profiles through their structure tree: a heading is on
//! the same page as what it introduces, a paragraph or list item split
//! across pages leaves at least two lines on each side, no page is mostly
//! empty unless a chapter ends on it, and the last page is not a stub.

mod common;
use common::*;
use lopdf::{Document, Object, ObjectId};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The A4 page's text area (points): 841.89 less the top and bottom
/// margins of the report theme.
const TEXT_HEIGHT: f32 = 841.89 - 70.0 - 66.0;

/// One structure element, as far as pagination is concerned.
#[derive(Debug, Default, Clone)]
struct Element {
    role: String,
    parent: Option<usize>,
    children: Vec<usize>,
    /// Baselines of its text, per page (0-based), in points from the page
    /// bottom.
    lines: BTreeMap<usize, BTreeSet<i32>>,
}

struct Read {
    elements: Vec<Element>,
    /// Per page: baselines (rounded) of content text, and of all marks.
    page_lines: Vec<BTreeSet<i32>>,
    pages: usize,
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        other => other,
    }
}

/// Read a PDF's structure elements and where their text sits.
fn read(path: &Path) -> Read {
    let doc = Document::load(path).unwrap();
    let catalog = doc.catalog().unwrap();
    let root = deref(&doc, catalog.get(b"StructTreeRoot").unwrap())
        .as_dict()
        .unwrap();
    // Elements by object id, depth first (reading order).
    let mut elements: Vec<Element> = Vec::new();
    let mut index: BTreeMap<ObjectId, usize> = BTreeMap::new();
    let mut stack: Vec<(ObjectId, Option<usize>)> = root
        .get(b"K")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|o| (o.as_reference().unwrap(), None))
        .collect();
    while let Some((id, parent)) = stack.pop() {
        let d = doc.get_dictionary(id).unwrap();
        let i = elements.len();
        elements.push(Element {
            role: String::from_utf8_lossy(d.get(b"S").unwrap().as_name().unwrap()).into_owned(),
            parent,
            ..Element::default()
        });
        index.insert(id, i);
        if let Some(p) = parent {
            elements[p].children.push(i);
        }
        if let Ok(kids) = d.get(b"K").and_then(Object::as_array) {
            for k in kids.iter().rev() {
                if let Object::Reference(r) = k {
                    if doc.get_dictionary(*r).is_ok_and(|kd| kd.get(b"S").is_ok()) {
                        stack.push((*r, Some(i)));
                    }
                }
            }
        }
    }
    let nums = deref(&doc, root.get(b"ParentTree").unwrap())
        .as_dict()
        .unwrap()
        .get(b"Nums")
        .unwrap()
        .as_array()
        .unwrap();
    let parent_tree: BTreeMap<i64, &Object> = nums
        .chunks(2)
        .map(|kv| (kv[0].as_i64().unwrap(), &kv[1]))
        .collect();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut page_lines = vec![BTreeSet::new(); pages.len()];
    for (p, page_id) in pages.iter().enumerate() {
        let page = doc.get_dictionary(*page_id).unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        let owners: Vec<usize> = deref(&doc, parent_tree[&key])
            .as_array()
            .unwrap()
            .iter()
            .map(|o| index[&o.as_reference().unwrap()])
            .collect();
        let content = doc.get_and_decode_page_content(*page_id).unwrap();
        let mut current: Option<usize> = None;
        let mut y = 0.0f32;
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let mcid = op.operands[1]
                        .as_dict()
                        .unwrap()
                        .get(b"MCID")
                        .unwrap()
                        .as_i64()
                        .unwrap();
                    current = owners.get(mcid as usize).copied();
                }
                "BMC" | "EMC" => current = None,
                "Tm" => y = op.operands[5].as_float().unwrap(),
                "Tj" => {
                    if let Some(e) = current {
                        elements[e]
                            .lines
                            .entry(p)
                            .or_default()
                            .insert(y.round() as i32);
                        page_lines[p].insert(y.round() as i32);
                    }
                }
                _ => {}
            }
        }
    }
    Read {
        elements,
        page_lines,
        pages: pages.len(),
    }
}

/// Pages an element's text (its own or its descendants') is on.
fn pages_of(r: &Read, e: usize) -> BTreeSet<usize> {
    let mut out: BTreeSet<usize> = r.elements[e].lines.keys().copied().collect();
    for c in &r.elements[e].children {
        out.extend(pages_of(r, *c));
    }
    out
}

/// Whether an element is inside a table (cells follow the table's own
/// rules: rows are not split).
fn in_table(r: &Read, mut e: usize) -> bool {
    while let Some(p) = r.elements[e].parent {
        if matches!(r.elements[p].role.as_str(), "TD" | "TH" | "Table") {
            return true;
        }
        e = p;
    }
    false
}

/// The faults of one PDF, described.
fn faults(path: &Path, report: bool) -> Vec<String> {
    let r = read(path);
    let mut out = Vec::new();
    let name = path.display();
    for (i, e) in r.elements.iter().enumerate() {
        // A heading and the start of what follows it share a page.
        if e.role.starts_with('H') && e.role.len() == 2 && e.role != "H1" {
            let Some(parent) = e.parent else { continue };
            let siblings = &r.elements[parent].children;
            let at = siblings.iter().position(|s| *s == i).unwrap_or(0);
            if let (Some(next), Some(own)) = (siblings.get(at + 1), pages_of(&r, i).last()) {
                if let Some(first) = pages_of(&r, *next).first() {
                    if first != own {
                        out.push(format!(
                            "{name}: {} on page {} is apart from the {} that follows it (page {})",
                            e.role,
                            own + 1,
                            r.elements[*next].role,
                            first + 1
                        ));
                    }
                }
                // A short introduction stays with the table, figure or
                // list it introduces.
                let intro = &r.elements[*next];
                let lines: usize = intro.lines.values().map(BTreeSet::len).sum();
                if let Some(then) = siblings.get(at + 2) {
                    let kind = r.elements[*then].role.as_str();
                    if intro.role == "P" && lines <= 3 && matches!(kind, "Table" | "Figure" | "L") {
                        let (a, b) = (pages_of(&r, *next), pages_of(&r, *then));
                        if let (Some(a), Some(b)) = (a.last(), b.first()) {
                            if a != b {
                                out.push(format!(
                                    "{name}: the introduction on page {} is apart from its {kind} (page {})",
                                    a + 1,
                                    b + 1
                                ));
                            }
                        }
                    }
                }
            }
        }
        // A paragraph split across pages leaves two lines on each side.
        if e.role == "P" && e.lines.len() > 1 && !in_table(&r, i) {
            for (page, lines) in &e.lines {
                if lines.len() < 2 {
                    out.push(format!(
                        "{name}: a paragraph leaves {} line on page {}",
                        lines.len(),
                        page + 1
                    ));
                }
            }
        }
    }
    // Pages: none mostly empty unless a chapter (H2) starts on the next.
    let chapter_starts: BTreeSet<usize> = r
        .elements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.role == "H2")
        .filter_map(|(i, _)| pages_of(&r, i).first().copied())
        .collect();
    let first_body = if report { 2 } else { 0 };
    for p in first_body..r.pages {
        let lines = &r.page_lines[p];
        let (Some(lo), Some(hi)) = (lines.first(), lines.last()) else {
            out.push(format!("{name}: page {} is empty", p + 1));
            continue;
        };
        let used = (hi - lo) as f32 / TEXT_HEIGHT;
        let last_of_chapter = p + 1 == r.pages || chapter_starts.contains(&(p + 1));
        if used < 0.2 && !last_of_chapter {
            out.push(format!(
                "{name}: page {} uses {:.0}% of its text area",
                p + 1,
                used * 100.0
            ));
        }
    }
    if report {
        let last = r.page_lines.last().map_or(0, BTreeSet::len);
        if last < 5 {
            out.push(format!("{name}: the last page holds {last} lines"));
        }
    }
    out
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(pdfs(&path));
        } else if path.extension().is_some_and(|e| e == "pdf") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn pages_break_where_a_designer_would_break_them() {
    let dir = scratch("pagination");
    let profiles = dir.join("profiles");
    fs::create_dir_all(&profiles).unwrap();
    generate::write_profiles(&profiles, 50);
    for p in example_profiles() {
        fs::copy(&p, profiles.join(p.file_name().unwrap())).unwrap();
    }
    let run = socsource_at(
        &dir,
        &[
            "batch",
            "profiles",
            "--format",
            "pdf",
            "--edition",
            "both",
            "--out",
            "out",
            "--quiet",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let all = pdfs(&dir.join("out"));
    assert!(all.len() >= 2 * 57, "{} PDFs", all.len());
    let mut found = Vec::new();
    for pdf in &all {
        let report = pdf.file_name().is_some_and(|n| n == "report.pdf");
        found.extend(faults(pdf, report));
    }
    assert!(
        found.is_empty(),
        "{} pagination faults:\n{}",
        found.len(),
        found.join("\n")
    );
    fs::remove_dir_all(dir).unwrap();
}
