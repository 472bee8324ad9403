//! The tagged PDF's logical structure (ISO 32000-1, 14.7-14.8; ISO 14289-1).
//!
//! The layout records a structure element for every heading, paragraph,
//! list, table, figure and contents entry, and marks each item it places
//! with its element or as an artifact. Painting gives every marked run a
//! marked-content id; here the elements become `StructElem` objects under
//! a `StructTreeRoot`, each holding its content by page and id, with a
//! parent tree that leads from a page's content back to its element. Each
//! link annotation gets a `Link` element of its own, inside the element
//! its text belongs to, and the description the standard asks of it.

use super::super::layout::{Document, Element, Item, Mark, Role, Target};
use super::super::PdfError;
use super::text_string;
use crate::evaluate::messages::{say, Message};
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::BTreeMap;

/// The structure element each link of a page's items sits in, in order;
/// `None` for a link placed as an artifact.
pub(super) fn link_owners(items: &[Item]) -> Vec<Option<usize>> {
    let mut state = Mark::Artifact;
    let mut out = Vec::new();
    for item in items {
        match item {
            Item::Mark(m) => state = *m,
            Item::Link { .. } => out.push(match state {
                Mark::Element(e) => Some(e),
                Mark::Artifact => None,
            }),
            _ => {}
        }
    }
    out
}

/// What a link says it does, for a reader that cannot see where it goes.
fn link_description(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Link { target, .. } => Some(match target {
                Target::Uri(uri) => say(Message::LinkTo, &[("uri", uri)]),
                Target::Page { page, .. } => {
                    say(Message::GoToPage, &[("page", &(page + 1).to_string())])
                }
            }),
            _ => None,
        })
        .collect()
}

/// A link to a PDF beside this one (`report.pdf`, no scheme) opens that
/// file: a remote go-to action, which viewers resolve against this file's
/// folder, where a URI action would not be.
fn relative_pdf_link(annotation: &mut Dictionary) {
    let Ok(action) = annotation.get_mut(b"A").and_then(Object::as_dict_mut) else {
        return;
    };
    let Ok(uri) = action.get(b"URI").and_then(Object::as_str) else {
        return;
    };
    let uri = String::from_utf8_lossy(uri).into_owned();
    let relative = !uri.contains(':') && !uri.starts_with('/') && !uri.starts_with('#');
    if relative && uri.to_ascii_lowercase().ends_with(".pdf") {
        action.remove(b"URI");
        action.set("S", name("GoToR"));
        action.set(
            "F",
            Object::String(uri.into_bytes(), lopdf::StringFormat::Literal),
        );
        action.set("D", Object::Array(vec![Object::Integer(0), name("Fit")]));
    }
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// The structure tree's objects, numbered in `lo` but written by
/// [`super::objects`]: thousands of small dictionaries, serialised here
/// straight to bytes.
pub(super) struct Tree {
    pub(super) objects: Vec<(ObjectId, Vec<u8>)>,
}

/// Build the structure tree of `lo` from the layout's `structure`, the
/// element of each marked-content id per page (`owners`) and the element
/// of each link per page (`links`). Pages, annotations and the catalog are
/// updated in `lo`; the elements are returned as bytes.
pub(super) fn structure_tree(
    lo: &mut lopdf::Document,
    structure: &[Element],
    owners: &[Vec<usize>],
    links: &[Vec<Option<usize>>],
    doc: &Document,
) -> Result<Tree, PdfError> {
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    if structure.is_empty() {
        return Ok(Tree {
            objects: Vec::new(),
        });
    }
    let root_id = lo.new_object_id();
    let element_ids: Vec<ObjectId> = structure.iter().map(|_| lo.new_object_id()).collect();
    let mut out = Serial::default();

    // Each element's content, in page order then painting order, as
    // (page, marked-content id).
    let mut content: Vec<Vec<(usize, usize)>> = vec![Vec::new(); structure.len()];
    for (page, page_owners) in owners.iter().enumerate() {
        for (mcid, element) in page_owners.iter().enumerate() {
            if let Some(kids) = content.get_mut(*element) {
                kids.push((page, mcid));
            }
        }
    }
    // A link annotation must be an object of its own to be referred to.
    let mut annotations: BTreeMap<ObjectId, Dictionary> = BTreeMap::new();
    for page_id in &page_ids {
        let inline: Vec<(usize, Dictionary)> = lo
            .get_dictionary(*page_id)
            .and_then(|d| d.get(b"Annots"))
            .and_then(Object::as_array)
            .map(|a| {
                a.iter()
                    .enumerate()
                    .filter_map(|(i, o)| o.as_dict().ok().map(|d| (i, d.clone())))
                    .collect()
            })
            .unwrap_or_default();
        if inline.is_empty() {
            continue;
        }
        // Written with the tree, in its object streams.
        let ids: Vec<(usize, ObjectId)> = inline
            .into_iter()
            .map(|(i, d)| {
                let id = lo.new_object_id();
                annotations.insert(id, d);
                (i, id)
            })
            .collect();
        if let Ok(Object::Array(annots)) = lo
            .get_dictionary_mut(*page_id)
            .and_then(|d| d.get_mut(b"Annots"))
        {
            for (i, id) in ids {
                if let Some(slot) = annots.get_mut(i) {
                    *slot = Object::Reference(id);
                }
            }
        }
    }
    // Child elements, in reading order (the order they were made).
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); structure.len()];
    for (i, e) in structure.iter().enumerate().skip(1) {
        if let Some(kids) = children.get_mut(e.parent) {
            kids.push(i);
        }
    }

    // The parent tree: for each page, the element of each marked-content
    // id; after the pages, one entry per link annotation.
    let mut nums: Vec<u8> = Vec::new();
    for (page, page_owners) in owners.iter().enumerate() {
        Serial::integer(&mut nums, page as u64);
        nums.push(b'[');
        for e in page_owners {
            Serial::reference(&mut nums, element_ids[*e]);
        }
        nums.push(b']');
        if let Some(id) = page_ids.get(page) {
            if let Ok(dict) = lo.get_dictionary_mut(*id) {
                dict.set("StructParents", Object::Integer(page as i64));
            }
        }
    }
    let mut next_key = owners.len() as i64;
    let mut link_elements: Vec<(ObjectId, Vec<u8>)> = Vec::new();
    let mut link_kids: Vec<Vec<ObjectId>> = vec![Vec::new(); structure.len()];
    for (page, page_links) in links.iter().enumerate() {
        let Some(page_id) = page_ids.get(page).copied() else {
            continue;
        };
        let annots: Vec<ObjectId> = lo
            .get_dictionary(page_id)
            .and_then(|d| d.get(b"Annots"))
            .and_then(Object::as_array)
            .map(|a| a.iter().filter_map(|o| o.as_reference().ok()).collect())
            .unwrap_or_default();
        let descriptions = doc
            .pages
            .get(page)
            .map(|p| link_description(&p.items))
            .unwrap_or_default();
        for (i, annot) in annots.iter().enumerate() {
            let parent = page_links.get(i).copied().flatten().unwrap_or(0);
            let link_id = lo.new_object_id();
            if let Some(dict) = annotations.get_mut(annot) {
                relative_pdf_link(dict);
                dict.set("StructParent", Object::Integer(next_key));
                if let Some(d) = descriptions.get(i) {
                    dict.set("Contents", text_string(d));
                }
                // Printed, and never hidden (PDF/A).
                dict.set("F", Object::Integer(4));
            }
            let mut link = b"<</Type/StructElem/S/Link/P".to_vec();
            Serial::reference(&mut link, element_ids[parent]);
            link.extend_from_slice(b"/Pg");
            Serial::reference(&mut link, page_id);
            link.extend_from_slice(b"/K[<</Type/OBJR/Obj");
            Serial::reference(&mut link, *annot);
            link.extend_from_slice(b"/Pg");
            Serial::reference(&mut link, page_id);
            link.extend_from_slice(b">>]>>");
            Serial::integer(&mut nums, next_key as u64);
            Serial::reference(&mut nums, link_id);
            next_key += 1;
            link_kids[parent].push(link_id);
            link_elements.push((link_id, link));
        }
        if !annots.is_empty() {
            if let Ok(dict) = lo.get_dictionary_mut(page_id) {
                // Tab order follows the structure.
                dict.set("Tabs", name("S"));
            }
        }
    }

    for (i, e) in structure.iter().enumerate() {
        let d = &mut out.buffer;
        d.clear();
        d.extend_from_slice(b"<</Type/StructElem/S/");
        d.extend_from_slice(e.role.name().as_bytes());
        d.extend_from_slice(b"/P");
        Serial::reference(
            d,
            if i == 0 {
                root_id
            } else {
                element_ids[e.parent]
            },
        );
        let marked = &content[i];
        // Content on one page names the page once, on the element; content
        // across pages names it in each reference.
        let one_page = marked
            .first()
            .map(|(p, _)| *p)
            .filter(|p| marked.iter().all(|(q, _)| q == p));
        if let Some(page_id) = one_page.and_then(|p| page_ids.get(p)) {
            d.extend_from_slice(b"/Pg");
            Serial::reference(d, *page_id);
        }
        if !(marked.is_empty() && children[i].is_empty() && link_kids[i].is_empty()) {
            d.extend_from_slice(b"/K[");
            for (page, mcid) in marked {
                match (one_page, page_ids.get(*page)) {
                    (None, Some(page_id)) => {
                        d.extend_from_slice(b"<</Type/MCR/Pg");
                        Serial::reference(d, *page_id);
                        d.extend_from_slice(b"/MCID");
                        Serial::integer(d, *mcid as u64);
                        d.extend_from_slice(b">>");
                    }
                    _ => Serial::integer(d, *mcid as u64),
                }
            }
            for c in &children[i] {
                Serial::reference(d, element_ids[*c]);
            }
            for l in &link_kids[i] {
                Serial::reference(d, *l);
            }
            d.push(b']');
        }
        if let Some(alt) = &e.alt {
            d.extend_from_slice(b"/Alt");
            Serial::text(d, alt);
        }
        if e.role == Role::TH {
            d.extend_from_slice(b"/A<</O/Table/Scope/Column>>");
        }
        d.extend_from_slice(b">>");
        let bytes = d.clone();
        out.objects.push((element_ids[i], bytes));
    }
    out.objects.extend(link_elements);
    for (id, dict) in &annotations {
        let mut bytes = Vec::with_capacity(256);
        Serial::object(&mut bytes, &Object::Dictionary(dict.clone()));
        out.objects.push((*id, bytes));
    }

    let mut root = b"<</Type/StructTreeRoot/K[".to_vec();
    Serial::reference(&mut root, element_ids[0]);
    root.extend_from_slice(b"]/ParentTree<</Nums[");
    root.extend_from_slice(&nums);
    root.extend_from_slice(b"]>>/ParentTreeNextKey");
    Serial::integer(&mut root, next_key as u64);
    root.extend_from_slice(b">>");
    out.objects.push((root_id, root));

    let catalog = lo.catalog_mut().map_err(PdfError::Catalog)?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(viewer));
    out.objects.sort_by_key(|(id, _)| *id);
    Ok(Tree {
        objects: out.objects,
    })
}

/// Objects written as PDF syntax directly.
#[derive(Default)]
struct Serial {
    objects: Vec<(ObjectId, Vec<u8>)>,
    buffer: Vec<u8>,
}

impl Serial {
    /// A non-negative integer, after a space.
    fn integer(out: &mut Vec<u8>, n: u64) {
        out.push(b' ');
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[at..]);
    }

    /// `N G R`, after a space.
    fn reference(out: &mut Vec<u8>, id: ObjectId) {
        Serial::integer(out, u64::from(id.0));
        Serial::integer(out, u64::from(id.1));
        out.extend_from_slice(b" R");
    }

    /// Any object, in the usual syntax (for the few dictionaries made by
    /// printpdf that move into the object streams).
    fn object(out: &mut Vec<u8>, object: &Object) {
        match object {
            Object::Null => out.extend_from_slice(b" null"),
            Object::Boolean(b) => out.extend_from_slice(if *b { b" true" } else { b" false" }),
            Object::Integer(n) => out.extend_from_slice(format!(" {n}").as_bytes()),
            Object::Real(r) => out.extend_from_slice(format!(" {r}").as_bytes()),
            Object::Name(name) => {
                out.push(b'/');
                for &b in name {
                    if b.is_ascii_alphanumeric() || b"-_.+".contains(&b) {
                        out.push(b);
                    } else {
                        out.extend_from_slice(format!("#{b:02X}").as_bytes());
                    }
                }
            }
            Object::String(bytes, _) => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push(b'<');
                for b in bytes {
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 15)]);
                }
                out.push(b'>');
            }
            Object::Array(items) => {
                out.push(b'[');
                for item in items {
                    Serial::object(out, item);
                }
                out.push(b']');
            }
            Object::Dictionary(dict) => {
                out.extend_from_slice(b"<<");
                for (key, value) in dict.iter() {
                    Serial::object(out, &Object::Name(key.clone()));
                    Serial::object(out, value);
                }
                out.extend_from_slice(b">>");
            }
            Object::Reference(id) => Serial::reference(out, *id),
            // Streams never go into an object stream; none is passed here.
            Object::Stream(_) => out.extend_from_slice(b" null"),
        }
    }

    /// A text string: UTF-16BE with a byte-order mark, in hex.
    fn text(out: &mut Vec<u8>, text: &str) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        out.extend_from_slice(b"<FEFF");
        for unit in text.encode_utf16() {
            for byte in unit.to_be_bytes() {
                out.push(HEX[usize::from(byte >> 4)]);
                out.push(HEX[usize::from(byte & 15)]);
            }
        }
        out.push(b'>');
    }
}
