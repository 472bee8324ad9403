//! Page content streams, written straight to bytes.
//!
//! printpdf's encoder turns every operator into objects and formats each
//! glyph code byte and each number through `fmt`: half of a report's
//! rendering time went there. The pages use a handful of operators
//! (filled rectangles, stroked lines, text placed absolutely), so they are
//! written here in one pass, numbers to three decimals (a thousandth of a
//! point, far below a printer's dot).
//!
//! The glyph codes must be the ones printpdf gives the subset it embeds.
//! For a TrueType face printpdf numbers the subset's glyphs in the order of
//! their original glyph ids, after `.notdef` (`printpdf::font::subset_font`
//! hands allsorts `[0, used ids ascending]` and takes each glyph's place as
//! its new id and its code). printpdf learns which glyphs are used from the
//! first page's operators: [`Codes::inventory`] shows every glyph once
//! there, in the character that stands for it in `/ToUnicode`, and that
//! page's content is then replaced like every other.

use super::super::fonts::{Face, FontSet};
use super::super::layout::{Document, Element, Item};
use super::super::PdfError;
use super::{paint, Painter};
use crate::render::charts::Color;
use printpdf::{FontId, Op, PdfFontHandle, Pt, TextItem};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Characters below this (Latin, Greek, Cyrillic, symbols) are looked up
/// in a table.
const TABLE: usize = 0x3000;

/// The code of every character drawn, per face.
pub(in crate::render::pdf) struct Codes {
    faces: BTreeMap<Face, FaceCodes>,
}

struct FaceCodes {
    /// Codes of the characters below [`TABLE`], by character.
    table: Vec<u16>,
    /// Codes of the others.
    by_char: HashMap<char, u16>,
    /// One character per glyph used, in glyph id order.
    inventory: String,
}

impl Codes {
    /// The codes of the characters `doc` draws. `None` if a face cannot be
    /// read for embedding.
    pub(in crate::render::pdf) fn new(
        doc: &Document,
        fonts: &FontSet,
        used: &BTreeSet<Face>,
    ) -> Option<Codes> {
        let mut chars: BTreeMap<Face, BTreeSet<char>> =
            used.iter().map(|f| (*f, BTreeSet::new())).collect();
        for item in doc.pages.iter().flat_map(|p| p.items.iter()) {
            if let Item::Text { face, text, .. } | Item::Turned { face, text, .. } = item {
                chars.entry(*face).or_default().extend(text.chars());
            }
        }
        let mut faces = BTreeMap::new();
        for (face, set) in chars {
            // printpdf's own lookup, so the glyph is the one it embeds.
            let parsed = &fonts.face(face).pdf_font()?.parsed_font;
            let looked: Vec<(char, u16)> = set
                .iter()
                .map(|&c| (c, parsed.lookup_glyph_index(c as u32).unwrap_or(0)))
                .collect();
            // The smallest character of a shared glyph stands for it (a
            // space rather than a no-break space).
            let mut glyphs: BTreeMap<u16, char> = BTreeMap::new();
            for &(c, gid) in &looked {
                if gid != 0 {
                    glyphs.entry(gid).or_insert(c);
                }
            }
            let code_of: HashMap<u16, u16> = glyphs
                .keys()
                .enumerate()
                .map(|(i, gid)| (*gid, i as u16 + 1))
                .collect();
            let mut codes = FaceCodes {
                table: vec![0; TABLE],
                by_char: HashMap::new(),
                inventory: glyphs.values().collect(),
            };
            for &(c, gid) in &looked {
                let code = code_of.get(&gid).copied().unwrap_or(0);
                match codes.table.get_mut(c as usize) {
                    Some(slot) => *slot = code,
                    None => {
                        codes.by_char.insert(c, code);
                    }
                }
            }
            faces.insert(face, codes);
        }
        Some(Codes { faces })
    }

    /// Operators that show every glyph used once, for printpdf to subset.
    pub(in crate::render::pdf) fn inventory(&self) -> Vec<Op> {
        let mut ops = vec![Op::StartTextSection];
        for (face, codes) in &self.faces {
            if codes.inventory.is_empty() {
                continue;
            }
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(FontId(face.resource_id().to_string())),
                size: Pt(1.0),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(codes.inventory.clone())],
            });
        }
        ops.push(Op::EndTextSection);
        ops
    }
}

/// A number to three decimals, without trailing zeros.
fn number(out: &mut Vec<u8>, v: f32) {
    let thousandths = (f64::from(v) * 1000.0).round() as i64;
    if thousandths < 0 {
        out.push(b'-');
    }
    let t = thousandths.unsigned_abs();
    let (whole, frac) = (t / 1000, t % 1000);
    digits(out, whole);
    if frac != 0 {
        out.push(b'.');
        let places = [frac / 100, frac / 10 % 10, frac % 10];
        let last = if frac % 100 == 0 {
            1
        } else if frac % 10 == 0 {
            2
        } else {
            3
        };
        out.extend(places[..last].iter().map(|d| b'0' + *d as u8));
    }
}

/// The decimal digits of `n`, without going through `fmt` (the pages hold
/// tens of thousands of numbers).
fn digits(out: &mut Vec<u8>, mut n: u64) {
    let mut buffer = [0u8; 20];
    let mut at = buffer.len();
    loop {
        at -= 1;
        buffer[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buffer[at..]);
}

fn numbers(out: &mut Vec<u8>, values: &[f32], op: &[u8]) {
    for v in values {
        number(out, *v);
        out.push(b' ');
    }
    out.extend_from_slice(op);
    out.push(b'\n');
}

/// A page's content stream, written as bytes.
struct Bytes<'a> {
    out: Vec<u8>,
    codes: &'a Codes,
}

impl Bytes<'_> {
    /// `text` in `face`'s codes, shown.
    fn codes_of(&mut self, face: Face, text: &mut String) {
        let out = &mut self.out;
        // A literal string of two-byte codes: half the bytes of hex, so
        // less to deflate. Only the bytes a literal string gives a meaning
        // to are escaped (a bare carriage return would be read as a
        // line feed).
        out.push(b'(');
        if let Some(codes) = self.codes.faces.get(&face) {
            for c in std::mem::take(text).chars() {
                let code = codes
                    .table
                    .get(c as usize)
                    .copied()
                    .or_else(|| codes.by_char.get(&c).copied())
                    .unwrap_or(0);
                for byte in code.to_be_bytes() {
                    match byte {
                        b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
                        b'\r' => out.extend_from_slice(b"\\r"),
                        b'\n' => out.extend_from_slice(b"\\n"),
                        _ => out.push(byte),
                    }
                }
            }
        }
        out.extend_from_slice(b") Tj\n");
    }
}

impl Painter for Bytes<'_> {
    fn fill_color(&mut self, c: Color) {
        let (r, g, b) = c.unit();
        numbers(&mut self.out, &[r, g, b], b"rg");
    }

    fn stroke_color(&mut self, c: Color) {
        let (r, g, b) = c.unit();
        numbers(&mut self.out, &[r, g, b], b"RG");
    }

    fn line_width(&mut self, width: f32) {
        numbers(&mut self.out, &[width], b"w");
    }

    fn dash(&mut self, dashed: bool) {
        self.out
            .extend_from_slice(if dashed { b"[4 3] 0 d\n" } else { b"[] 0 d\n" });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        numbers(&mut self.out, &[x, y, w, h], b"re\nf");
    }

    fn polyline(&mut self, points: impl Iterator<Item = (f32, f32)>) {
        for (i, (x, y)) in points.enumerate() {
            let op: &[u8] = if i == 0 { b"m" } else { b"l" };
            numbers(&mut self.out, &[x, y], op);
        }
        self.out.extend_from_slice(b"S\n");
    }

    fn begin_text(&mut self) {
        self.out.extend_from_slice(b"BT\n");
    }

    fn end_text(&mut self) {
        self.out.extend_from_slice(b"ET\n");
    }

    fn font(&mut self, face: Face, size: f32) {
        self.out.push(b'/');
        self.out.extend_from_slice(face.resource_id().as_bytes());
        self.out.push(b' ');
        numbers(&mut self.out, &[size], b"Tf");
    }

    fn show(&mut self, x: f32, y: f32, face: Face, text: &mut String) {
        self.out.extend_from_slice(b"1 0 0 1 ");
        numbers(&mut self.out, &[x, y], b"Tm");
        self.codes_of(face, text);
    }

    fn show_turned(&mut self, x: f32, y: f32, angle: f32, face: Face, text: &mut String) {
        let (sin, cos) = angle.sin_cos();
        numbers(&mut self.out, &[cos, sin, -sin, cos, x, y], b"Tm");
        self.codes_of(face, text);
    }

    fn begin_marked(&mut self, tag: &str, mcid: Option<usize>) {
        let out = &mut self.out;
        out.push(b'/');
        out.extend_from_slice(tag.as_bytes());
        match mcid {
            None => out.extend_from_slice(b" BMC\n"),
            Some(n) => {
                out.extend_from_slice(b" <</MCID ");
                digits(out, n as u64);
                out.extend_from_slice(b">> BDC\n");
            }
        }
    }

    fn end_marked(&mut self) {
        self.out.extend_from_slice(b"EMC\n");
    }
}

/// One page's content stream, and the structure element of each
/// marked-content id on it.
pub(in crate::render::pdf) fn page(
    items: &mut [Item],
    height: f32,
    structure: &[Element],
    codes: &Codes,
) -> (Vec<u8>, Vec<usize>) {
    let mut bytes = Bytes {
        out: Vec::with_capacity(items.len() * 64),
        codes,
    };
    let owners = paint(items, height, structure, &mut bytes);
    (bytes.out, owners)
}

/// Put each page's content in place of the one printpdf made.
pub(in crate::render::pdf) fn replace(
    lo: &mut lopdf::Document,
    streams: Vec<Vec<u8>>,
) -> Result<(), PdfError> {
    let pages: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    if pages.len() != streams.len() {
        return Err(PdfError::Content(pages.len().min(streams.len()) + 1));
    }
    for (i, (page, bytes)) in pages.into_iter().zip(streams).enumerate() {
        let contents = lo
            .get_dictionary(page)
            .and_then(|d| d.get(b"Contents"))
            .and_then(lopdf::Object::as_reference)
            .map_err(|_| PdfError::Content(i + 1))?;
        match lo.objects.get_mut(&contents) {
            Some(lopdf::Object::Stream(stream)) => {
                stream.dict.remove(b"Filter");
                stream.dict.remove(b"DecodeParms");
                stream.set_content(bytes);
            }
            _ => return Err(PdfError::Content(i + 1)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::number;

    fn shown(v: f32) -> String {
        let mut out = Vec::new();
        number(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_thousandth() {
        assert_eq!(shown(0.0), "0");
        assert_eq!(shown(1234567.0), "1234567");
        assert_eq!(shown(10.01), "10.01");
        assert_eq!(shown(10.1), "10.1");
        assert_eq!(shown(10.001), "10.001");
        assert_eq!(shown(10.101), "10.101");
        assert_eq!(shown(56.0), "56");
        assert_eq!(shown(595.276), "595.276");
        assert_eq!(shown(0.5), "0.5");
        assert_eq!(shown(0.05), "0.05");
        assert_eq!(shown(0.0049), "0.005");
        assert_eq!(shown(12.0004), "12");
        assert_eq!(shown(-3.25), "-3.25");
        assert_eq!(shown(-0.0004), "0");
        assert_eq!(shown(0.788_235_3), "0.788");
    }
}
