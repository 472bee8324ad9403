//! Fonts for the PDF: the bundled faces, an optional user face, glyph
//! coverage and text measurement.
//!
//! Widths are measured exactly as printpdf writes them into the PDF's `/W`
//! array (the hmtx advance scaled to 1/1000 em and truncated), and printpdf
//! applies no kerning, so a measured line ends where the glyphs end.
//!
//! Each character is drawn with the first face that has it: the requested
//! style (regular, bold, italic, or monospace for code), then the user's
//! `--font`, then DejaVu Sans, then a font installed on the machine
//! ([`SystemFonts`]). A character no face has is replaced by
//! [`MISSING_MARK`] and reported; it is never dropped silently.
//!
//! Installed fonts are looked at only when a report has a character the
//! bundled faces and `--font` lack (Chinese, Japanese, Korean, ...): the
//! first use lists them, each character is then looked up once, and the
//! face chosen is parsed once and subset like the bundled ones. The choice
//! follows one documented preference (`preference`: Noto Sans families,
//! then other Noto and Source Han faces, other sans-serif faces, the rest,
//! and last-resort fonts such as Droid Sans Fallback last; within that
//! upright, regular weight, proportional, then by file name and face
//! index), so every machine with the same fonts makes the same choice and
//! the same bytes. The PDF's warnings name the font used.

mod sfnt;

use crate::evaluate::messages::Message;
use printpdf::{ParsedFont, PdfFont};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Drawn in place of a character no font can show.
pub const MISSING_MARK: char = '\u{25A1}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    /// Liberation Mono, for code spans and code blocks.
    Mono,
    /// The user's `--font`, tried before the bundled fallback.
    User,
    /// DejaVu Sans, for symbols and scripts Liberation Sans lacks.
    Fallback,
    /// An installed font, by its place in the machine's preference order.
    System(u16),
}

impl Face {
    /// The PDF resource name. Six capital letters, because printpdf uses the
    /// first six characters as the subset tag (`LIBREG+LiberationSans`);
    /// fixed names keep the bytes identical from render to render. An
    /// installed font is `SYS` and three letters for its place (`SYSAAA`).
    pub fn resource_id(self) -> String {
        match self {
            Face::Regular => "LIBREG".into(),
            Face::Bold => "LIBBLD".into(),
            Face::Italic => "LIBITA".into(),
            Face::Mono => "LIBMON".into(),
            Face::User => "USRFNT".into(),
            Face::Fallback => "DJVSAN".into(),
            Face::System(n) => {
                let letter = |k: u16| char::from(b'A' + (k % 26) as u8);
                format!("SYS{}{}{}", letter(n / 676), letter(n / 26), letter(n))
            }
        }
    }
}

/// Characters below this are measured from a table built once per face.
const TABLE_LIMIT: u32 = 0x3000;
const NO_GLYPH: u16 = u16::MAX;

/// How characters above the table are looked up.
enum Lookup {
    /// A bundled face: its cmap and hmtx, read from the bytes in the binary.
    Tables(sfnt::Reader<'static>),
    /// The user's font, which can be any font printpdf reads: measured
    /// through printpdf's own parse of it.
    Parsed,
}

pub struct FontFace {
    bytes: FaceBytes,
    lookup: Lookup,
    units_per_em: f32,
    /// Advance in 1/1000 em per character below `TABLE_LIMIT`.
    widths: Vec<u16>,
    pub ascent: f32,
    pub descent: f32,
    /// printpdf's parse, for embedding: made the first time a PDF uses the
    /// face (about a millisecond per face), then shared by every render in
    /// the process. `None` if printpdf cannot read the face.
    pdf: OnceLock<Option<PdfFont>>,
}

enum FaceBytes {
    Bundled(&'static [u8]),
    User,
}

/// Advance of `glyph` in 1/1000 em exactly as printpdf writes `/W`:
/// scaled and truncated.
fn scaled(advance: u16, units_per_em: f32) -> u16 {
    (f32::from(advance) * 1000.0 / units_per_em) as u16
}

impl FontFace {
    /// A bundled face, measured from its tables without printpdf's parse.
    fn bundled(bytes: &'static [u8]) -> Option<FontFace> {
        let reader = sfnt::Reader::new(bytes)?;
        let units_per_em = f32::from(reader.units_per_em.max(1));
        let mut widths = vec![NO_GLYPH; TABLE_LIMIT as usize];
        let mut seen = vec![false; TABLE_LIMIT as usize];
        // The first cmap entry for a character is the one lookups find.
        reader.each_below(TABLE_LIMIT, |cp, gid| {
            let cp = cp as usize;
            if !std::mem::replace(&mut seen[cp], true) && gid != 0 {
                widths[cp] = scaled(reader.advance(gid), units_per_em);
            }
        });
        Some(FontFace {
            bytes: FaceBytes::Bundled(bytes),
            lookup: Lookup::Tables(reader),
            units_per_em,
            widths,
            ascent: f32::from(reader.ascender) / units_per_em,
            descent: f32::from(reader.descender) / units_per_em,
            pdf: OnceLock::new(),
        })
    }

    /// A user font or an installed one (the face at `index` of the file: a
    /// collection holds several): parsed by printpdf now, so a font it
    /// cannot embed is refused before any work. With it, what printpdf
    /// noticed while parsing it (a table it had to guess, say).
    fn parsed(bytes: &[u8], index: usize) -> Option<(FontFace, Vec<String>)> {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(bytes, index, &mut warnings)?;
        let notes = warnings.into_iter().map(|w| w.message).collect();
        let metrics = &font.pdf_font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let ascent = f32::from(metrics.ascender) / units_per_em;
        let descent = f32::from(metrics.descender) / units_per_em;
        let pdf = OnceLock::new();
        let _ = pdf.set(Some(PdfFont::new(font)));
        let mut face = FontFace {
            bytes: FaceBytes::User,
            lookup: Lookup::Parsed,
            units_per_em,
            widths: Vec::new(),
            ascent,
            descent,
            pdf,
        };
        face.widths = (0..TABLE_LIMIT)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| face.lookup(c))
                    .unwrap_or(NO_GLYPH)
            })
            .collect();
        Some((face, notes))
    }

    fn lookup(&self, c: char) -> Option<u16> {
        let (gid, advance) = match &self.lookup {
            Lookup::Tables(reader) => {
                let gid = reader.glyph(c as u32)?;
                (gid, reader.advance(gid))
            }
            Lookup::Parsed => {
                let font = &self.pdf_font()?.parsed_font;
                let gid = font.lookup_glyph_index(c as u32)?;
                (gid, font.get_horizontal_advance(gid))
            }
        };
        (gid != 0).then(|| scaled(advance, self.units_per_em))
    }

    /// Advance of `c` in 1/1000 em, if the face has it.
    #[inline]
    pub fn width_1000(&self, c: char) -> Option<u16> {
        match self.widths.get(c as usize) {
            Some(&w) => (w != NO_GLYPH).then_some(w),
            None => self.lookup(c),
        }
    }

    pub fn has(&self, c: char) -> bool {
        self.width_1000(c).is_some()
    }

    /// Whether this is one of the bundled TrueType faces.
    pub fn is_bundled(&self) -> bool {
        matches!(self.bytes, FaceBytes::Bundled(_))
    }

    /// The face as printpdf embeds it, parsed on first use.
    pub fn pdf_font(&self) -> Option<&PdfFont> {
        self.pdf
            .get_or_init(|| match self.bytes {
                FaceBytes::Bundled(bytes) => {
                    let mut warnings = Vec::new();
                    ParsedFont::from_bytes(bytes, 0, &mut warnings).map(PdfFont::new)
                }
                // Set when the face was made.
                FaceBytes::User => None,
            })
            .as_ref()
    }
}

const BUNDLED_BYTES: [&[u8]; 5] = [
    include_bytes!("../../../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../../fonts/DejaVuSans.ttf"),
    include_bytes!("../../../fonts/LiberationMono-Regular.ttf"),
];

/// Each bundled face is read the first time a render asks for it, so a
/// process that never typesets reads none, and the fallback face only when
/// a character needs it.
static BUNDLED: [OnceLock<FontFace>; 5] = [const { OnceLock::new() }; 5];

fn bundled(i: usize) -> &'static FontFace {
    BUNDLED[i].get_or_init(|| {
        // The bytes are compiled in, and a test reads every face.
        FontFace::bundled(BUNDLED_BYTES[i])
            .unwrap_or_else(|| panic!("{}", Message::BundledFontUnreadable.template()))
    })
}

/// Why the faces a render needs cannot be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FontError {
    #[error("{}", Message::FontNotTrueType.template())]
    NotAFont,
}

/// Where installed fonts are looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SystemFontSource {
    /// The machine's fonts (fontconfig's folders, else the usual ones).
    Installed,
    /// Only the fonts in these folders (`SOCSOURCE_FONT_PATH`); none when
    /// the list is empty.
    Folders(Vec<std::path::PathBuf>),
}

/// A face's family name in English (the first one fontdb lists).
fn family_name(f: &fontdb::FaceInfo) -> String {
    f.families
        .first()
        .map_or_else(String::new, |(name, _)| name.clone())
}

/// How much a family is preferred for characters the bundled faces lack
/// (lower first). Families made to cover many scripts well come first;
/// last-resort fonts, which cover much with one generic design (and
/// sometimes regional forms that are wrong for the text), come last, so
/// that a machine with both Noto Sans CJK and Droid Sans Fallback always
/// uses Noto, whatever the names sort to. Documented in the user guide.
fn preference(family: &str) -> u8 {
    let f = family.to_ascii_lowercase();
    const LAST_RESORT: [&str; 5] = [
        "droid sans fallback",
        "unifont",
        "last resort",
        "code2000",
        "arial unicode",
    ];
    if LAST_RESORT.iter().any(|l| f.starts_with(l)) {
        4
    } else if f.starts_with("noto sans") {
        0
    } else if f.starts_with("noto") || f.starts_with("source han") {
        1
    } else if f.contains("sans") {
        2
    } else {
        3
    }
}

/// The fonts installed on the machine, searched for characters the bundled
/// faces and `--font` lack.
pub struct SystemFonts {
    db: fontdb::Database,
    /// Every installed face, in preference order.
    order: Vec<fontdb::ID>,
    /// The faces parsed for the PDF, by place in `order`, on first use.
    parsed: Vec<OnceLock<Option<FontFace>>>,
    /// The place of the face that has a character, or `None`.
    by_char: Mutex<HashMap<char, Option<u16>>>,
}

impl SystemFonts {
    /// The installed fonts `source` names, in preference order.
    pub fn load(source: &SystemFontSource) -> SystemFonts {
        let mut db = fontdb::Database::new();
        match source {
            SystemFontSource::Installed => db.load_system_fonts(),
            SystemFontSource::Folders(dirs) => {
                for dir in dirs {
                    db.load_fonts_dir(dir);
                }
            }
        }
        let mut faces: Vec<&fontdb::FaceInfo> = db.faces().collect();
        let path = |f: &fontdb::FaceInfo| match &f.source {
            fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            fontdb::Source::Binary(_) => String::new(),
        };
        faces.sort_by_key(|f| {
            let family = family_name(f);
            (
                preference(&family),
                f.style != fontdb::Style::Normal,
                (i32::from(f.weight.0) - 400).abs(),
                f.monospaced,
                // Within a family, the file and the face's place in it (a
                // collection lists its regional variants in a fixed order);
                // the file's name, not its folder, so that the same fonts
                // rank alike wherever a distribution puts them.
                path(f),
                f.index,
                family,
            )
        });
        let order: Vec<fontdb::ID> = faces.iter().map(|f| f.id).collect();
        let parsed = order.iter().map(|_| OnceLock::new()).collect();
        SystemFonts {
            db,
            order,
            parsed,
            by_char: Mutex::new(HashMap::new()),
        }
    }

    /// How many faces are installed.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Whether the face at `place` maps `c` to a glyph (a cheap look at its
    /// character map, without parsing the whole font).
    fn maps(&self, place: usize, c: char) -> bool {
        self.db
            .with_face_data(self.order[place], |data, index| {
                ttf_parser::Face::parse(data, index)
                    .ok()
                    .and_then(|face| face.glyph_index(c))
                    .is_some_and(|g| g.0 != 0)
            })
            .unwrap_or(false)
    }

    /// The face at `place`, parsed for the PDF (once).
    fn face(&self, place: usize) -> Option<&FontFace> {
        self.parsed
            .get(place)?
            .get_or_init(|| {
                self.db
                    .with_face_data(self.order[place], |data, index| {
                        // An installed face printpdf can parse is used as
                        // it is: its notes would be the same on every run
                        // and are not the user's to act on.
                        FontFace::parsed(data, index as usize).map(|(face, _)| face)
                    })
                    .flatten()
            })
            .as_ref()
    }

    /// The place of the first face, in preference order, that has `c`.
    pub fn find(&self, c: char) -> Option<u16> {
        if let Some(known) = self.by_char.lock().ok().and_then(|m| m.get(&c).copied()) {
            return known;
        }
        let found = (0..self.order.len().min(usize::from(u16::MAX)))
            .find(|&place| self.maps(place, c) && self.face(place).is_some_and(|f| f.has(c)))
            .map(|place| place as u16);
        if let Ok(mut map) = self.by_char.lock() {
            map.insert(c, found);
        }
        found
    }

    /// The face at `place` as a reader knows it: family and file name
    /// (`Noto Sans CJK JP (NotoSansCJK-Regular.ttc)`).
    pub fn name(&self, place: u16) -> String {
        self.order
            .get(usize::from(place))
            .and_then(|id| self.db.face(*id))
            .map(|f| {
                let file = match &f.source {
                    fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    fontdb::Source::Binary(_) => String::new(),
                };
                format!("{} ({file})", family_name(f))
            })
            .unwrap_or_default()
    }

    /// Family, file and face index of the face at `place`, so that outputs
    /// differ when the font does.
    pub fn describe(&self, place: u16) -> String {
        self.order
            .get(usize::from(place))
            .and_then(|id| self.db.face(*id))
            .map(|f| {
                // The file's name, not its folder: the same fonts give the
                // same bytes wherever they are installed.
                let file = match &f.source {
                    fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    fontdb::Source::Binary(_) => String::new(),
                };
                format!("{}|{}|{}|{}", f.post_script_name, file, f.index, f.weight.0)
            })
            .unwrap_or_default()
    }
}

/// The faces a render uses. Making one costs nothing for the bundled faces
/// (each is read once per process, when first used); a user font is read
/// and checked here.
pub struct FontSet {
    user: Option<FontFace>,
    /// A short digest of the user font, so outputs differ when it does.
    pub user_digest: Option<String>,
    /// Installed fonts, listed on first need; `None` when not to be used.
    system: Option<(SystemFontSource, OnceLock<SystemFonts>)>,
    /// What printpdf noticed while parsing the `--font` face.
    user_notes: Vec<String>,
}

impl FontSet {
    /// The bundled faces, the `--font` face if given, and the fonts
    /// installed on the machine for what neither has.
    pub fn new(user_font: Option<&[u8]>) -> Result<FontSet, FontError> {
        FontSet::with_system_fonts(user_font, SystemFontSource::Installed)
    }

    /// The bundled faces, the `--font` face if given, and the installed
    /// fonts `source` names.
    pub fn with_system_fonts(
        user_font: Option<&[u8]>,
        source: SystemFontSource,
    ) -> Result<FontSet, FontError> {
        let mut set = FontSet::without_system_fonts(user_font)?;
        set.system = Some((source, OnceLock::new()));
        Ok(set)
    }

    /// The bundled faces and the `--font` face only, whatever is installed
    /// (for tests that must not depend on the machine).
    pub fn without_system_fonts(user_font: Option<&[u8]>) -> Result<FontSet, FontError> {
        let (user, user_digest, user_notes) = match user_font {
            Some(bytes) => {
                let (face, notes) = FontFace::parsed(bytes, 0).ok_or(FontError::NotAFont)?;
                use sha2::Digest;
                let digest = sha2::Sha256::digest(bytes);
                let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
                (Some(face), Some(hex), notes)
            }
            None => (None, None, Vec::new()),
        };
        Ok(FontSet {
            user,
            user_digest,
            system: None,
            user_notes,
        })
    }

    /// What printpdf noticed while parsing the `--font` face: the user's to
    /// hear, as warnings, since the face is used as printpdf read it.
    pub fn user_font_notes(&self) -> &[String] {
        &self.user_notes
    }

    /// Read the faces nearly every report uses (the fallback and installed
    /// fonts only when a character needs them).
    pub fn warm(&self) {
        for face in [Face::Regular, Face::Bold, Face::Italic, Face::Mono] {
            let _ = self.face(face).pdf_font();
        }
    }

    /// The installed fonts, listed on first call; `None` when this set
    /// does not use them.
    pub fn system(&self) -> Option<&SystemFonts> {
        self.system
            .as_ref()
            .map(|(source, cell)| cell.get_or_init(|| SystemFonts::load(source)))
    }

    #[inline]
    pub fn face(&self, face: Face) -> &FontFace {
        match face {
            Face::Regular => bundled(0),
            Face::Bold => bundled(1),
            Face::Italic => bundled(2),
            Face::Fallback => bundled(3),
            Face::Mono => bundled(4),
            Face::User => self.user.as_ref().unwrap_or_else(|| bundled(3)),
            Face::System(n) => self
                .system()
                .and_then(|s| s.face(usize::from(n)))
                .unwrap_or_else(|| bundled(3)),
        }
    }

    /// The face that draws `c` in `style`, or `None` if no face has it.
    pub fn resolve(&self, style: Face, c: char) -> Option<Face> {
        self.resolve_width(style, c).map(|(face, _)| face)
    }

    /// The face that draws `c` in `style` and the advance there (1/1000 em).
    #[inline]
    fn resolve_width(&self, style: Face, c: char) -> Option<(Face, u16)> {
        if let Some(w) = self.face(style).width_1000(c) {
            return Some((style, w));
        }
        self.resolve_fallback(style, c)
    }

    fn resolve_fallback(&self, style: Face, c: char) -> Option<(Face, u16)> {
        if matches!(style, Face::Bold | Face::Mono) {
            if let Some(w) = self.face(Face::Regular).width_1000(c) {
                return Some((Face::Regular, w));
            }
        }
        if let Some(w) = self.user.as_ref().and_then(|u| u.width_1000(c)) {
            return Some((Face::User, w));
        }
        if let Some(w) = self.face(Face::Fallback).width_1000(c) {
            return Some((Face::Fallback, w));
        }
        // Only characters no bundled face has reach the installed fonts.
        if c.is_whitespace() || c.is_control() {
            return None;
        }
        let system = self.system()?;
        let place = system.find(c)?;
        let w = system.face(usize::from(place))?.width_1000(c)?;
        Some((Face::System(place), w))
    }

    /// Whether some face can draw `c`.
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace() || self.resolve_width(Face::Regular, c).is_some()
    }

    /// Width of `c` in points at `size`, in the face that draws it.
    #[inline]
    pub fn char_width(&self, style: Face, c: char, size: f32) -> f32 {
        let w = match self.resolve_width(style, c) {
            Some((_, w)) => w,
            None => self
                .face(Face::Fallback)
                .width_1000(MISSING_MARK)
                .unwrap_or(600),
        };
        f32::from(w) * size / 1000.0
    }

    pub fn width(&self, style: Face, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(style, c, size)).sum()
    }

    /// Split `text` into runs of one face each, replacing characters no face
    /// has with [`MISSING_MARK`].
    pub fn runs(&self, style: Face, text: &str) -> Vec<(Face, String)> {
        if self.all_in(style, text) {
            return Self::one_run(style, text.to_string());
        }
        self.split_runs(style, text)
    }

    /// [`runs`](Self::runs) of text the caller no longer needs: text all in
    /// `style` (nearly all text) becomes its one run without a copy.
    pub fn into_runs(&self, style: Face, text: String) -> Vec<(Face, String)> {
        if self.all_in(style, &text) {
            return Self::one_run(style, text);
        }
        self.split_runs(style, &text)
    }

    fn all_in(&self, style: Face, text: &str) -> bool {
        let face = self.face(style);
        text.chars().all(|c| face.has(c))
    }

    fn one_run(style: Face, text: String) -> Vec<(Face, String)> {
        if text.is_empty() {
            Vec::new()
        } else {
            vec![(style, text)]
        }
    }

    fn split_runs(&self, style: Face, text: &str) -> Vec<(Face, String)> {
        let mut out: Vec<(Face, String)> = Vec::new();
        for c in text.chars() {
            let (face, shown) = match self.resolve(style, c) {
                Some(face) => (face, c),
                None if c.is_whitespace() => (style, ' '),
                None => (Face::Fallback, MISSING_MARK),
            };
            match out.last_mut() {
                Some((f, s)) if *f == face => s.push(shown),
                _ => out.push((face, shown.to_string())),
            }
        }
        out
    }

    /// Line metrics of the regular face: ascent and descent per point of size.
    pub fn ascent(&self) -> f32 {
        self.face(Face::Regular).ascent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_faces_parse_without_printpdf_notes_and_a_user_face_keeps_its_own() {
        for bytes in BUNDLED_BYTES {
            let (_, notes) = FontFace::parsed(bytes, 0).unwrap();
            assert!(notes.is_empty(), "{notes:?}");
        }
        let fonts = FontSet::without_system_fonts(Some(BUNDLED_BYTES[0])).unwrap();
        assert!(fonts.user_font_notes().is_empty());
        assert!(FontSet::new(None).unwrap().user_font_notes().is_empty());
    }

    #[test]
    fn bundled_faces_cover_latin_greek_cyrillic_and_fall_back_for_symbols() {
        let fonts = FontSet::without_system_fonts(None).unwrap();
        for c in "Präzisionstechnik Θεσσαλονίκης Дунав Енергија €£ – — “ ”".chars()
        {
            assert_eq!(fonts.resolve(Face::Regular, c).map(|_| ()), Some(()), "{c}");
            if !c.is_whitespace() {
                assert_eq!(
                    fonts.resolve(Face::Regular, c),
                    Some(Face::Regular),
                    "{c} should be in Liberation Sans"
                );
            }
        }
        assert_eq!(fonts.resolve(Face::Regular, '✓'), Some(Face::Fallback));
        assert_eq!(fonts.resolve(Face::Bold, '☐'), Some(Face::Fallback));
        assert_eq!(fonts.resolve(Face::Regular, '日'), None);
        assert!(fonts.face(Face::Fallback).has(MISSING_MARK));
    }

    /// The light reader measures every character of every bundled face
    /// exactly as printpdf's parse does.
    #[test]
    fn bundled_tables_agree_with_printpdf_for_every_code_point() {
        for i in 0..BUNDLED_BYTES.len() {
            let face = bundled(i);
            let font = &face
                .pdf_font()
                .expect("printpdf reads the face")
                .parsed_font;
            let upem = f32::from(font.pdf_font_metrics.units_per_em.max(1));
            assert_eq!(face.units_per_em, upem);
            assert_eq!(
                face.ascent,
                f32::from(font.pdf_font_metrics.ascender) / upem
            );
            assert_eq!(
                face.descent,
                f32::from(font.pdf_font_metrics.descender) / upem
            );
            for cp in 0..=0x10FFFFu32 {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                let expected = font
                    .lookup_glyph_index(cp)
                    .filter(|g| *g != 0)
                    .map(|g| scaled(font.get_horizontal_advance(g), upem));
                assert_eq!(face.width_1000(c), expected, "face {i} U+{cp:04X}");
                if cp >= TABLE_LIMIT {
                    assert_eq!(face.lookup(c), expected, "face {i} U+{cp:04X}");
                }
            }
        }
    }

    #[test]
    fn widths_are_the_pdf_widths() {
        let fonts = FontSet::new(None).unwrap();
        // Liberation Sans is metric-compatible with Arial: "H" is 722/1000 em.
        assert_eq!(fonts.face(Face::Regular).width_1000('H'), Some(722));
        assert!((fonts.width(Face::Regular, "HH", 10.0) - 14.44).abs() < 1e-4);
        assert!(fonts.width(Face::Bold, "Board", 10.0) > fonts.width(Face::Regular, "Board", 10.0));
    }

    #[test]
    fn code_has_a_monospace_face_that_falls_back_like_the_others() {
        let fonts = FontSet::new(None).unwrap();
        let mono = fonts.face(Face::Mono);
        for c in "iWm0.-_{}ΔЖ".chars() {
            assert_eq!(mono.width_1000(c), Some(600), "{c}");
        }
        assert_eq!(fonts.resolve(Face::Mono, 'x'), Some(Face::Mono));
        assert_eq!(fonts.resolve(Face::Mono, '✓'), Some(Face::Fallback));
    }

    #[test]
    fn runs_split_by_face_and_mark_missing_characters() {
        let fonts = FontSet::without_system_fonts(None).unwrap();
        let runs = fonts.runs(Face::Regular, "ok ✓ 日");
        assert_eq!(
            runs,
            vec![
                (Face::Regular, "ok ".to_string()),
                (Face::Fallback, "✓".to_string()),
                (Face::Regular, " ".to_string()),
                (Face::Fallback, MISSING_MARK.to_string()),
            ]
        );
    }

    #[test]
    fn installed_faces_get_fixed_resource_names() {
        assert_eq!(Face::System(0).resource_id(), "SYSAAA");
        assert_eq!(Face::System(27).resource_id(), "SYSABB");
        assert_eq!(Face::System(700).resource_id(), "SYSBAY");
    }

    #[test]
    fn installed_fonts_are_asked_only_for_what_the_bundled_faces_lack() {
        let fonts = FontSet::new(None).unwrap();
        assert_eq!(fonts.resolve(Face::Regular, 'a'), Some(Face::Regular));
        assert_eq!(fonts.resolve(Face::Regular, '✓'), Some(Face::Fallback));
        // Listing the installed fonts happens on the first character that
        // needs them, not before.
        assert!(fonts.system.as_ref().unwrap().1.get().is_none());
        if let Some(Face::System(n)) = fonts.resolve(Face::Regular, '日') {
            assert!(fonts.face(Face::System(n)).has('日'));
            assert_eq!(fonts.resolve(Face::Bold, '日'), Some(Face::System(n)));
        }
    }
}
