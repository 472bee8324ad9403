//! A PDF read without outside tools (lopdf, which the product builds on):
//! pages, their size and text, the fonts and whether they are embedded,
//! the document information, the outline and the links. The structural
//! layer of the PDF tests, so they assert something on a machine without
//! poppler or qpdf; those tools then check what only a real viewer's
//! reading shows (word positions, rasterised pages, syntax in depth).

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::path::Path;

pub struct Pdf {
    doc: Document,
}

/// A font resource of the document.
#[derive(Debug)]
pub struct Font {
    /// The base font name, `ABCDEF+Name` for a subset.
    pub name: String,
    /// The font program is in the file.
    pub embedded: bool,
    /// Text in it maps back to Unicode (for search, copy and screen readers).
    pub to_unicode: bool,
}

impl Font {
    pub fn is_subset(&self) -> bool {
        self.name.len() > 7
            && self.name.as_bytes()[6] == b'+'
            && self.name[..6].bytes().all(|b| b.is_ascii_uppercase())
    }
}

/// An outline entry: its title and its children, each with the titles of
/// its own.
pub type Entry = (String, Vec<(String, Vec<String>)>);

/// `text` with every space and line break removed: lopdf reads each text
/// run as written, without the spaces a viewer infers between lines, so
/// texts are compared with their whitespace squeezed out.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn name(object: &Object) -> Option<String> {
    object
        .as_name()
        .ok()
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

/// A PDF text string (UTF-16BE with its byte-order mark, or PDFDocEncoding
/// for ASCII).
fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

impl Pdf {
    pub fn load(path: &Path) -> Pdf {
        let doc = Document::load(path)
            .unwrap_or_else(|e| panic!("{} does not parse as a PDF: {e}", path.display()));
        Pdf { doc }
    }

    pub fn pages(&self) -> usize {
        self.doc.get_pages().len()
    }

    fn page_id(&self, page: usize) -> ObjectId {
        *self
            .doc
            .get_pages()
            .get(&(page as u32))
            .unwrap_or_else(|| panic!("no page {page}"))
    }

    fn deref<'a>(&'a self, object: &'a Object) -> &'a Object {
        match object {
            Object::Reference(id) => self.doc.get_object(*id).unwrap_or(object),
            other => other,
        }
    }

    fn dict<'a>(&'a self, object: &'a Object) -> Option<&'a Dictionary> {
        self.deref(object).as_dict().ok()
    }

    /// Width and height of a page in points (its media box, inherited
    /// from the page tree when the page has none).
    pub fn page_size(&self, page: usize) -> (f32, f32) {
        let mut id = self.page_id(page);
        loop {
            let node = self.doc.get_dictionary(id).expect("page dictionary");
            if let Ok(b) = node.get(b"MediaBox") {
                let b = self.deref(b).as_array().expect("media box");
                let n: Vec<f32> = b
                    .iter()
                    .map(|x| match self.deref(x) {
                        Object::Integer(i) => *i as f32,
                        Object::Real(r) => *r,
                        _ => 0.0,
                    })
                    .collect();
                return (n[2] - n[0], n[3] - n[1]);
            }
            id = node
                .get(b"Parent")
                .and_then(Object::as_reference)
                .expect("a media box somewhere up the page tree");
        }
    }

    /// The text of one page (from 1), as the content stream shows it
    /// through each font's ToUnicode map.
    pub fn text(&self, page: usize) -> String {
        self.doc
            .extract_text(&[page as u32])
            .unwrap_or_else(|e| panic!("page {page}: text not readable: {e}"))
    }

    /// The text of every page, in order.
    pub fn all_text(&self) -> String {
        (1..=self.pages()).map(|p| self.text(p)).collect()
    }

    /// Every font resource in the file.
    pub fn fonts(&self) -> Vec<Font> {
        let mut out = Vec::new();
        for object in self.doc.objects.values() {
            let Ok(d) = object.as_dict() else { continue };
            if d.get(b"Type").ok().and_then(name).as_deref() != Some("Font") {
                continue;
            }
            let subtype = d.get(b"Subtype").ok().and_then(name).unwrap_or_default();
            if subtype == "CIDFontType2" || subtype == "CIDFontType0" {
                continue; // described through its Type 0 parent
            }
            let font_name = d.get(b"BaseFont").ok().and_then(name).unwrap_or_default();
            let descendant = d
                .get(b"DescendantFonts")
                .ok()
                .and_then(|x| self.deref(x).as_array().ok())
                .and_then(|a| a.first())
                .and_then(|x| self.dict(x));
            let descriptor = descendant
                .unwrap_or(d)
                .get(b"FontDescriptor")
                .ok()
                .and_then(|x| self.dict(x));
            let embedded = descriptor
                .is_some_and(|f| f.has(b"FontFile") || f.has(b"FontFile2") || f.has(b"FontFile3"));
            out.push(Font {
                name: font_name,
                embedded,
                to_unicode: d.has(b"ToUnicode"),
            });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// A key of the document information dictionary, as text.
    pub fn info(&self, key: &str) -> Option<String> {
        let info = self.doc.trailer.get(b"Info").ok()?;
        let info = self.dict(info)?;
        match self.deref(info.get(key.as_bytes()).ok()?) {
            Object::String(bytes, _) => Some(text_string(bytes)),
            _ => None,
        }
    }

    fn catalog(&self) -> &Dictionary {
        self.doc.catalog().expect("a document catalog")
    }

    /// The catalog's `/PageMode`.
    pub fn page_mode(&self) -> Option<String> {
        self.catalog().get(b"PageMode").ok().and_then(name)
    }

    /// An outline entry's children, in order.
    fn children<'a>(&'a self, parent: &'a Dictionary) -> Vec<&'a Dictionary> {
        let mut out = Vec::new();
        let mut next = parent.get(b"First").ok().and_then(|x| self.dict(x));
        while let Some(item) = next {
            out.push(item);
            next = item.get(b"Next").ok().and_then(|x| self.dict(x));
        }
        out
    }

    /// The outline: each top-level entry's title with its children, to two
    /// levels below it.
    pub fn outline(&self) -> Vec<Entry> {
        let Some(root) = self
            .catalog()
            .get(b"Outlines")
            .ok()
            .and_then(|o| self.dict(o))
        else {
            return Vec::new();
        };
        let title = |item: &Dictionary| match item.get(b"Title").map(|t| self.deref(t)) {
            Ok(Object::String(bytes, _)) => text_string(bytes),
            _ => String::new(),
        };
        self.children(root)
            .into_iter()
            .map(|top| {
                let sections = self
                    .children(top)
                    .into_iter()
                    .map(|s| (title(s), self.children(s).into_iter().map(title).collect()))
                    .collect();
                (title(top), sections)
            })
            .collect()
    }

    /// Every link annotation, with its border (`None` when it sets none).
    pub fn links(&self) -> Vec<Option<Vec<f32>>> {
        self.doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Subtype").ok().and_then(name).as_deref() == Some("Link"))
            .map(|d| {
                d.get(b"Border")
                    .ok()
                    .and_then(|b| self.deref(b).as_array().ok())
                    .map(|b| {
                        b.iter()
                            .map(|x| match self.deref(x) {
                                Object::Integer(i) => *i as f32,
                                Object::Real(r) => *r,
                                _ => f32::NAN,
                            })
                            .collect()
                    })
            })
            .collect()
    }
}
