//! Writing: laid-out pages in, PDF bytes out.
//!
//! printpdf embeds the fonts, subset to the glyphs used, and builds the
//! document around the pages; the pages' content streams are written here
//! (see `content`), because printpdf's general-purpose encoder was half
//! of a report's rendering time. A lopdf post-pass then fixes what printpdf
//! does not do, or does wrongly, for a board document: a nested outline in document order pointing at each
//! heading, `/PageMode /UseOutlines` as a name, an Info dictionary without
//! printpdf's empty PDF/X claim, the document language, and a `/ID` derived
//! from the content so that equal inputs give equal bytes.

use super::fonts::{Face, FontSet};
use super::layout::{Document, Element, HeadingPlace, Item, Mark, Target};
use super::{pdf_date, DocumentInfo, PdfError, PdfOptions};
use crate::evaluate::messages::{say, Message};
use crate::render::charts::Color;
use lopdf::{Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, ColorArray, Destination, DictItem, FontId, Line, LineDashPattern,
    LinePoint, LinkAnnotation, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};
use std::collections::BTreeSet;

mod archive;
mod content;
mod images;
mod objects;
mod tags;

/// A number as the direct path writes it, to a thousandth, so that the
/// two paths draw exactly the same page.
fn q(v: f32) -> f32 {
    ((f64::from(v) * 1000.0).round() / 1000.0) as f32
}

fn color(c: Color) -> printpdf::Color {
    let (r, g, b) = c.unit();
    printpdf::Color::Rgb(Rgb {
        r: q(r),
        g: q(g),
        b: q(b),
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(q(x)),
            y: Pt(q(y)),
        },
        bezier: false,
    }
}

/// What a page is drawn with, in PDF coordinates (origin at the bottom
/// left): printpdf's operators (for faces only printpdf can encode, and as
/// the reference the direct path is tested against) or content bytes
/// written directly ([`content`]).
trait Painter {
    fn fill_color(&mut self, c: Color);
    fn stroke_color(&mut self, c: Color);
    fn line_width(&mut self, width: f32);
    fn dash(&mut self, dashed: bool);
    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32);
    fn polyline(&mut self, points: impl Iterator<Item = (f32, f32)>);
    fn begin_text(&mut self);
    fn end_text(&mut self);
    fn font(&mut self, face: Face, size: f32);
    /// Show `text` from (x, y); the text moves into the painter.
    fn show(&mut self, x: f32, y: f32, face: Face, text: &mut String);
    /// Show `text` from (x, y) along a baseline `angle` radians up from
    /// the horizontal.
    fn show_turned(&mut self, x: f32, y: f32, angle: f32, face: Face, text: &mut String);
    /// Begin a marked-content sequence: an artifact (`mcid` none) or the
    /// content numbered `mcid` of a structure element of type `tag`.
    fn begin_marked(&mut self, tag: &str, mcid: Option<usize>);
    fn end_marked(&mut self);
}

/// The open marked-content sequence of one painting pass, and the
/// structure element of each marked-content id given on the page.
struct Marker<'a> {
    structure: &'a [Element],
    state: Mark,
    open: Option<Mark>,
    owners: &'a mut Vec<usize>,
}

impl Marker<'_> {
    /// Make sure the sequence for the current mark is open before an item
    /// is drawn.
    fn before_drawing(&mut self, p: &mut impl Painter) {
        if self.open == Some(self.state) {
            return;
        }
        if self.open.is_some() {
            p.end_marked();
        }
        match self.state {
            Mark::Artifact => p.begin_marked("Artifact", None),
            Mark::Element(e) => {
                let role = self.structure.get(e).map_or("Span", |el| el.role.name());
                p.begin_marked(role, Some(self.owners.len()));
                self.owners.push(e);
            }
        }
        self.open = Some(self.state);
    }

    fn finish(&mut self, p: &mut impl Painter) {
        if self.open.take().is_some() {
            p.end_marked();
        }
    }
}

/// The graphics state already set, so unchanged colours and widths are not
/// written again for every rule of a table.
#[derive(Default)]
struct Pen {
    fill: Option<Color>,
    stroke: Option<Color>,
    width: Option<f32>,
    dashed: bool,
}

impl Pen {
    fn fill(&mut self, p: &mut impl Painter, c: Color) {
        if self.fill != Some(c) {
            p.fill_color(c);
            self.fill = Some(c);
        }
    }

    fn stroke(&mut self, p: &mut impl Painter, c: Color, width: f32, dashed: bool) {
        if self.stroke != Some(c) {
            p.stroke_color(c);
            self.stroke = Some(c);
        }
        if self.width != Some(width) {
            p.line_width(width);
            self.width = Some(width);
        }
        if self.dashed != dashed {
            p.dash(dashed);
            self.dashed = dashed;
        }
    }
}

/// Draw a page's items: fills and strokes first, then one text section,
/// so text is never painted over by a shaded cell or a call-out box. Every
/// item drawn is marked content of its structure element, or an
/// artifact. The page's text moves into the painter; the items are not
/// read again. Returns the structure element of each marked-content id.
fn paint(
    items: &mut [Item],
    height: f32,
    structure: &[Element],
    p: &mut impl Painter,
) -> Vec<usize> {
    let mut owners = Vec::new();
    let mut pen = Pen::default();
    let mut marker = Marker {
        structure,
        state: Mark::Artifact,
        open: None,
        owners: &mut owners,
    };
    for item in items.iter_mut() {
        match item {
            Item::Mark(m) => marker.state = *m,
            // A watermark goes under everything, shading included.
            Item::Turned {
                x,
                y,
                size,
                face,
                text,
                color,
                angle,
            } => {
                marker.before_drawing(p);
                p.begin_text();
                p.font(*face, *size);
                pen.fill(p, *color);
                p.show_turned(*x, height - *y, *angle, *face, text);
                p.end_text();
            }
            Item::Rect { x, y, w, h, fill } => {
                marker.before_drawing(p);
                pen.fill(p, *fill);
                p.rect(*x, height - *y - *h, *w, *h);
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
                dashed,
            } => {
                marker.before_drawing(p);
                pen.stroke(p, *color, *width, *dashed);
                p.polyline([(*x1, height - *y1), (*x2, height - *y2)].into_iter());
            }
            Item::Polyline {
                points,
                width,
                color,
            } if !points.is_empty() => {
                marker.before_drawing(p);
                pen.stroke(p, *color, *width, false);
                p.polyline(points.iter().map(|(x, y)| (*x, height - y)));
            }
            _ => {}
        }
    }
    marker.finish(p);
    marker.state = Mark::Artifact;
    let mut in_text = false;
    let mut font: Option<(Face, f32)> = None;
    for item in items.iter_mut() {
        match item {
            Item::Mark(m) => marker.state = *m,
            Item::Text {
                x,
                y,
                size,
                face,
                text,
                color,
            } => {
                if !in_text {
                    p.begin_text();
                    in_text = true;
                }
                // Marked content nests inside the text object.
                marker.before_drawing(p);
                if font != Some((*face, *size)) {
                    p.font(*face, *size);
                    font = Some((*face, *size));
                }
                pen.fill(p, *color);
                p.show(*x, height - *y, *face, text);
            }
            _ => {}
        }
    }
    marker.finish(p);
    if in_text {
        p.end_text();
    }
    owners
}

/// printpdf's operators for a page.
struct Operators(Vec<Op>);

impl Painter for Operators {
    fn fill_color(&mut self, c: Color) {
        self.0.push(Op::SetFillColor { col: color(c) });
    }

    fn stroke_color(&mut self, c: Color) {
        self.0.push(Op::SetOutlineColor { col: color(c) });
    }

    fn line_width(&mut self, width: f32) {
        self.0.push(Op::SetOutlineThickness { pt: Pt(q(width)) });
    }

    fn dash(&mut self, dashed: bool) {
        self.0.push(Op::SetLineDashPattern {
            dash: if dashed {
                LineDashPattern::new(0.0, &[4.0, 3.0])
            } else {
                LineDashPattern::solid()
            },
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.0.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(q(x)),
                y: Pt(q(y)),
                width: Pt(q(w)),
                height: Pt(q(h)),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    fn polyline(&mut self, points: impl Iterator<Item = (f32, f32)>) {
        self.0.push(Op::DrawLine {
            line: Line {
                points: points.map(|(x, y)| point(x, y)).collect(),
                is_closed: false,
            },
        });
    }

    fn begin_text(&mut self) {
        self.0.push(Op::StartTextSection);
    }

    fn end_text(&mut self) {
        self.0.push(Op::EndTextSection);
    }

    fn font(&mut self, face: Face, size: f32) {
        self.0.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(face.resource_id().to_string())),
            size: Pt(q(size)),
        });
    }

    fn show(&mut self, x: f32, y: f32, _face: Face, text: &mut String) {
        self.0.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(q(x)), Pt(q(y))),
        });
        self.0.push(Op::ShowText {
            items: vec![TextItem::Text(std::mem::take(text))],
        });
    }

    fn show_turned(&mut self, x: f32, y: f32, angle: f32, _face: Face, text: &mut String) {
        let (sin, cos) = angle.sin_cos();
        self.0.push(Op::SetTextMatrix {
            matrix: TextMatrix::Raw([cos, sin, -sin, cos, q(x), q(y)]),
        });
        self.0.push(Op::ShowText {
            items: vec![TextItem::Text(std::mem::take(text))],
        });
    }

    fn begin_marked(&mut self, tag: &str, mcid: Option<usize>) {
        self.0.push(match mcid {
            None => Op::BeginMarkedContent {
                tag: tag.to_string(),
            },
            Some(n) => Op::BeginMarkedContentWithProperties {
                tag: tag.to_string(),
                properties: DictItem::Dict {
                    map: [("MCID".to_string(), DictItem::Int(n as i64))]
                        .into_iter()
                        .collect(),
                },
            },
        });
    }

    fn end_marked(&mut self) {
        self.0.push(Op::EndMarkedContent);
    }
}

/// A page as printpdf's operators, link annotations last, and the
/// structure element of each marked-content id.
fn page_ops(items: &mut [Item], height: f32, structure: &[Element]) -> (Vec<Op>, Vec<usize>) {
    let mut ops = Operators(Vec::with_capacity(items.len() * 3));
    let owners = paint(items, height, structure, &mut ops);
    link_ops(items, height, &mut ops.0);
    (ops.0, owners)
}

fn link_ops(items: &[Item], height: f32, ops: &mut Vec<Op>) {
    for item in items {
        if let Item::Link { x, y, w, h, target } = item {
            let actions = match target {
                Target::Page { page, y: ty } => Actions::Goto(Destination::Xyz {
                    page: page + 1,
                    left: Some(0.0),
                    top: Some(height - ty + 12.0),
                    zoom: None,
                }),
                Target::Uri(uri) => Actions::Uri(uri.clone()),
            };
            ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    Rect {
                        x: Pt(*x),
                        y: Pt(height - y - h),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: None,
                        winding_order: None,
                    },
                    actions,
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    Some(ColorArray::Transparent),
                    None,
                ),
            });
        }
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// How the pages' content streams are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContentPath {
    /// Written here, straight to bytes, for documents in the bundled
    /// faces; printpdf's encoder for any other face.
    #[default]
    Direct,
    /// Always printpdf's encoder (the reference the direct path is tested
    /// against).
    Printpdf,
}

/// Write the laid-out `doc`, whose text moves into the PDF.
pub fn write(
    mut doc: Document,
    fonts: &FontSet,
    info: &DocumentInfo,
    id_seed: &[u8],
    options: &PdfOptions,
    pictures: &[crate::render::Picture],
) -> Result<(Vec<u8>, Vec<String>), PdfError> {
    let path = options.content;
    let height = doc.geometry.height;
    let title = doc
        .headings
        .iter()
        .find(|h| h.level == 1)
        .map_or_else(|| info.fallback_title.clone(), |h| h.title.clone());
    let used: BTreeSet<Face> = doc
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|i| match i {
            Item::Text { face, .. } | Item::Turned { face, .. } => Some(*face),
            _ => None,
        })
        .collect();
    let mut pdf = PdfDocument::new(&title);
    for face in &used {
        // A clone of the face parsed once per process (cheap: its outlines
        // and source bytes are shared), not a parse per render.
        let font = fonts.face(*face).pdf_font().ok_or(PdfError::Font(*face))?;
        pdf.resources
            .fonts
            .map
            .insert(FontId(face.resource_id().to_string()), font.clone());
    }
    // The direct path knows how printpdf numbers the glyphs of a subset
    // TrueType face; an installed or user font may be CFF, numbered by its
    // charset, so it goes through printpdf's encoder.
    let codes = match path {
        ContentPath::Direct if used.iter().all(|f| fonts.face(*f).is_bundled()) => {
            Some(content::Codes::new(&doc, fonts, &used).ok_or(PdfError::Font(Face::Regular))?)
        }
        _ => None,
    };
    let page_box = Rect {
        x: Pt(0.0),
        y: Pt(0.0),
        width: Pt(doc.geometry.width),
        height: Pt(height),
        mode: None,
        winding_order: None,
    };
    let mut streams: Vec<Vec<u8>> = Vec::new();
    // Per page: the structure element of each marked-content id, and the
    // element each link sits in.
    let mut owners: Vec<Vec<usize>> = Vec::with_capacity(doc.pages.len());
    let links: Vec<Vec<Option<usize>>> = doc
        .pages
        .iter()
        .map(|p| tags::link_owners(&p.items))
        .collect();
    let structure = &doc.structure;
    let pages: Vec<PdfPage> = doc
        .pages
        .iter_mut()
        .enumerate()
        .map(|(i, p)| {
            let ops = match &codes {
                Some(codes) => {
                    let (stream, page_owners) =
                        content::page(&mut p.items, height, structure, codes);
                    streams.push(stream);
                    owners.push(page_owners);
                    // printpdf sees the links, for the annotations, and on
                    // the first page every glyph used, for the subsets; the
                    // content it makes is replaced below.
                    let mut ops = if i == 0 {
                        codes.inventory()
                    } else {
                        Vec::new()
                    };
                    link_ops(&p.items, height, &mut ops);
                    ops
                }
                None => {
                    let (ops, page_owners) = page_ops(&mut p.items, height, structure);
                    owners.push(page_owners);
                    ops
                }
            };
            let mut page = PdfPage::new(printpdf::Mm(0.0), printpdf::Mm(0.0), ops);
            page.media_box = page_box.clone();
            page.trim_box = page_box.clone();
            page.crop_box = page_box.clone();
            page
        })
        .collect();
    pdf.with_pages(pages);
    let save = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut printpdf_warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&save, &mut printpdf_warnings);
    let warnings = writer_warnings(&printpdf_warnings);
    if codes.is_some() {
        content::replace(&mut lo, streams)?;
    }
    images::place(&mut lo, &doc.pages, pictures, height)?;
    post_pass(&mut lo, &doc, &title, info, id_seed)?;
    let tree = tags::structure_tree(&mut lo, &doc.structure, &owners, &links, &doc)?;
    archive::metadata(&mut lo, &title, info, options.standard)?;
    compress(&mut lo);
    let streams: Vec<ObjectId> = (0..objects::streams_for(&tree))
        .map(|_| lo.new_object_id())
        .collect();
    let xref = lo.new_object_id();
    let size = lo.max_id + 1;
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(PdfError::Save)?;
    let bytes = objects::finish(
        bytes,
        tree,
        &lo.trailer,
        &streams,
        xref,
        size,
        DEFLATE_LEVEL,
    )?;
    Ok((bytes, warnings))
}

/// printpdf's warnings and errors about the document it wrote (a font it
/// could not subset, a colour out of range, text outside a text object):
/// each a defect in the PDF a reader may see, so passed on as the
/// report's warnings rather than dropped. Its notes (`Info`) are not.
fn writer_warnings(messages: &[printpdf::PdfWarnMsg]) -> Vec<String> {
    messages
        .iter()
        .filter(|m| m.severity != printpdf::PdfParseErrorSeverity::Info)
        .map(|m| say(Message::PdfWriterReported, &[("message", &m.msg)]))
        .collect()
}

/// The deflate level of every stream. Level 2 (zlib-rs's fast matcher with
/// dynamic Huffman codes) deflates a 28-page report's content and subset
/// fonts in about half the time of the default level 6, for files about
/// 12% larger. Level 1 (static codes only) saves another 5 ms of CPU on a
/// 30-page report but makes the file 18% larger (192 KB to 228 KB): not
/// worth it for a document that is mailed and archived.
const DEFLATE_LEVEL: u32 = 2;

/// Deflate every stream not yet filtered, with one deflate state reset
/// between streams rather than one set up (and its window allocated) per
/// stream.
fn compress(lo: &mut lopdf::Document) {
    let mut deflate = flate2::Compress::new(flate2::Compression::new(DEFLATE_LEVEL), true);
    for object in lo.objects.values_mut() {
        if let Object::Stream(stream) = object {
            // PDF/A wants the XMP metadata readable without decoding.
            let metadata = stream
                .dict
                .get(b"Type")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Metadata");
            if stream.dict.get(b"Filter").is_ok() || stream.content.len() < 64 || metadata {
                continue;
            }
            deflate.reset();
            // Deflate never grows data by more than a few bytes per 16 KB
            // block; the slack keeps it to one call.
            let mut out = Vec::with_capacity(stream.content.len() + stream.content.len() / 64 + 64);
            let done =
                deflate.compress_vec(&stream.content, &mut out, flate2::FlushCompress::Finish);
            if matches!(done, Ok(flate2::Status::StreamEnd)) && out.len() < stream.content.len() {
                stream
                    .dict
                    .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(out);
            }
        }
    }
}

fn post_pass(
    lo: &mut lopdf::Document,
    doc: &Document,
    title: &str,
    info: &DocumentInfo,
    id_seed: &[u8],
) -> Result<(), PdfError> {
    let date = pdf_date(&info.date);
    lo.version = "1.7".to_string();
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();

    // Info: exactly what the report says, dated by the report date.
    let mut dict = lopdf::Dictionary::new();
    dict.set("Title", text_string(title));
    if let Some(author) = &info.author {
        dict.set("Author", text_string(author));
    }
    dict.set("Subject", text_string(&info.subject));
    dict.set("Keywords", text_string(&info.keywords.join(", ")));
    dict.set("Creator", text_string(&info.creator));
    dict.set(
        "Producer",
        text_string(&say(Message::ProducedWith, &[("creator", &info.creator)])),
    );
    dict.set("CreationDate", Object::string_literal(date.clone()));
    dict.set("ModDate", Object::string_literal(date));
    let info_id = lo.add_object(dict);
    lo.trailer.set("Info", Object::Reference(info_id));

    let outline = outline(lo, &doc.headings, &page_ids, doc.geometry.height);
    let catalog = lo.catalog_mut().map_err(PdfError::Catalog)?;
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    catalog.set("Lang", Object::string_literal(info.lang.clone()));
    if let Some(id) = outline {
        catalog.set("Outlines", Object::Reference(id));
    }

    use sha2::Digest;
    let digest = sha2::Sha256::digest(id_seed);
    let id = digest[..16].to_vec();
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    Ok(())
}

/// A nested outline (h1 > h2 > h3) in document order; h2 entries start
/// closed so the outline reads as the table of contents.
fn outline(
    lo: &mut lopdf::Document,
    headings: &[HeadingPlace],
    page_ids: &[ObjectId],
    height: f32,
) -> Option<ObjectId> {
    let entries: Vec<&HeadingPlace> = headings
        .iter()
        .filter(|h| h.level <= 3 && h.page < page_ids.len())
        .collect();
    if entries.is_empty() {
        return None;
    }
    // Parent of each entry: the nearest earlier entry with a smaller level.
    let parents: Vec<Option<usize>> = entries
        .iter()
        .enumerate()
        .map(|(i, h)| (0..i).rev().find(|j| entries[*j].level < h.level))
        .collect();
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| lo.new_object_id()).collect();
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..entries.len()).filter(|i| parents[*i] == p).collect()
    };
    let mut visible = 0i64;
    for (i, h) in entries.iter().enumerate() {
        let kids = children(Some(i));
        let siblings = children(parents[i]);
        let pos = siblings.iter().position(|s| *s == i).unwrap_or(0);
        let mut dict = lopdf::Dictionary::new();
        dict.set("Title", text_string(&h.title));
        dict.set(
            "Parent",
            Object::Reference(parents[i].map_or(root, |p| ids[p])),
        );
        if pos > 0 {
            dict.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(next) = siblings.get(pos + 1) {
            dict.set("Next", Object::Reference(ids[*next]));
        }
        if let (Some(first), Some(last)) = (kids.first(), kids.last()) {
            dict.set("First", Object::Reference(ids[*first]));
            dict.set("Last", Object::Reference(ids[*last]));
            let open = h.level < 2;
            let n = kids.len() as i64;
            dict.set("Count", Object::Integer(if open { n } else { -n }));
        }
        dict.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page_ids[h.page]),
                Object::Name(b"XYZ".to_vec()),
                Object::Real(0.0),
                Object::Real(height - h.y + 12.0),
                Object::Null,
            ]),
        );
        lo.objects.insert(ids[i], Object::Dictionary(dict));
        let shown = match parents[i] {
            None => true,
            Some(p) => entries[p].level < 2 && parents[p].is_none(),
        };
        if shown {
            visible += 1;
        }
    }
    let top = children(None);
    let mut dict = lopdf::Dictionary::new();
    dict.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (top.first(), top.last()) {
        dict.set("First", Object::Reference(ids[*first]));
        dict.set("Last", Object::Reference(ids[*last]));
    }
    dict.set("Count", Object::Integer(visible));
    lo.objects.insert(root, Object::Dictionary(dict));
    Some(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use printpdf::PdfWarnMsg;

    #[test]
    fn printpdf_warnings_and_errors_are_passed_on_and_its_notes_are_not() {
        let messages = [
            PdfWarnMsg::info(0, 0, "subsetting F1".into()),
            PdfWarnMsg::warning(0, 0, "font F2 shadows a built-in name".into()),
            PdfWarnMsg::error(0, 3, "Failed to parse subset font for F3".into()),
        ];
        assert_eq!(
            writer_warnings(&messages),
            [
                "the PDF writer (printpdf) reported: font F2 shadows a built-in name",
                "the PDF writer (printpdf) reported: Failed to parse subset font for F3",
            ]
        );
    }
}
