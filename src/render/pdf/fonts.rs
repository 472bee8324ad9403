//! Fonts for the PDF: the bundled faces, an optional user face, glyph
//! coverage and text measurement.
//!
//! Widths are measured exactly as printpdf writes them into the PDF's `/W`
//! array (the hmtx advance scaled to 1/1000 em and truncated), and printpdf
//! applies no kerning, so a measured line ends where the glyphs end.
//!
//! Each character is drawn with the first face that has it: the requested
//! style (regular, bold, italic, or monospace for code), then the user's `--font`, then DejaVu
//! Sans. A character no face has is replaced by [`MISSING_MARK`] and
//! reported; it is never dropped silently.

use printpdf::ParsedFont;
use std::sync::OnceLock;

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
}

impl Face {
    /// The PDF resource name. Six capital letters, because printpdf uses the
    /// first six characters as the subset tag (`LIBREG+LiberationSans`);
    /// fixed names keep the bytes identical from render to render.
    pub fn resource_id(self) -> &'static str {
        match self {
            Face::Regular => "LIBREG",
            Face::Bold => "LIBBLD",
            Face::Italic => "LIBITA",
            Face::Mono => "LIBMON",
            Face::User => "USRFNT",
            Face::Fallback => "DJVSAN",
        }
    }
}

/// Characters below this are measured from a table built once per face.
const TABLE_LIMIT: u32 = 0x3000;
const NO_GLYPH: u16 = u16::MAX;

pub struct FontFace {
    pub font: ParsedFont,
    units_per_em: f32,
    /// Advance in 1/1000 em per character below `TABLE_LIMIT`.
    widths: Vec<u16>,
    pub ascent: f32,
    pub descent: f32,
}

impl FontFace {
    pub fn parse(bytes: &[u8]) -> Option<FontFace> {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings)?;
        let metrics = &font.pdf_font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let ascent = f32::from(metrics.ascender) / units_per_em;
        let descent = f32::from(metrics.descender) / units_per_em;
        let mut face = FontFace {
            font,
            units_per_em,
            widths: Vec::new(),
            ascent,
            descent,
        };
        face.widths = (0..TABLE_LIMIT)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| face.lookup(c))
                    .unwrap_or(NO_GLYPH)
            })
            .collect();
        Some(face)
    }

    fn lookup(&self, c: char) -> Option<u16> {
        let gid = self.font.lookup_glyph_index(c as u32)?;
        if gid == 0 {
            return None;
        }
        let advance = f32::from(self.font.get_horizontal_advance(gid));
        // Exactly as printpdf writes /W: scaled to 1/1000 em, truncated.
        Some((advance * 1000.0 / self.units_per_em) as u16)
    }

    /// Advance of `c` in 1/1000 em, if the face has it.
    pub fn width_1000(&self, c: char) -> Option<u16> {
        if (c as u32) < TABLE_LIMIT {
            let w = self.widths[c as usize];
            (w != NO_GLYPH).then_some(w)
        } else {
            self.lookup(c)
        }
    }

    pub fn has(&self, c: char) -> bool {
        self.width_1000(c).is_some()
    }
}

static BUNDLED: OnceLock<Option<[FontFace; 5]>> = OnceLock::new();

fn bundled() -> Option<&'static [FontFace; 5]> {
    BUNDLED
        .get_or_init(|| {
            Some([
                FontFace::parse(include_bytes!("../../../fonts/LiberationSans-Regular.ttf"))?,
                FontFace::parse(include_bytes!("../../../fonts/LiberationSans-Bold.ttf"))?,
                FontFace::parse(include_bytes!("../../../fonts/LiberationSans-Italic.ttf"))?,
                FontFace::parse(include_bytes!("../../../fonts/DejaVuSans.ttf"))?,
                FontFace::parse(include_bytes!("../../../fonts/LiberationMono-Regular.ttf"))?,
            ])
        })
        .as_ref()
}

/// Why the faces a render needs cannot be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FontError {
    #[error("the bundled fonts could not be read")]
    Bundled,
    #[error("the font given with --font is not a TrueType or OpenType font")]
    NotAFont,
}

/// The faces a render uses. The bundled faces are parsed once per process.
pub struct FontSet {
    bundled: &'static [FontFace; 5],
    user: Option<FontFace>,
    /// A short digest of the user font, so outputs differ when it does.
    pub user_digest: Option<String>,
}

impl FontSet {
    pub fn new(user_font: Option<&[u8]>) -> Result<FontSet, FontError> {
        let bundled = bundled().ok_or(FontError::Bundled)?;
        let (user, user_digest) = match user_font {
            Some(bytes) => {
                let face = FontFace::parse(bytes).ok_or(FontError::NotAFont)?;
                use sha2::Digest;
                let digest = sha2::Sha256::digest(bytes);
                let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
                (Some(face), Some(hex))
            }
            None => (None, None),
        };
        Ok(FontSet {
            bundled,
            user,
            user_digest,
        })
    }

    pub fn face(&self, face: Face) -> &FontFace {
        match face {
            Face::Regular => &self.bundled[0],
            Face::Bold => &self.bundled[1],
            Face::Italic => &self.bundled[2],
            Face::Fallback => &self.bundled[3],
            Face::Mono => &self.bundled[4],
            Face::User => self.user.as_ref().unwrap_or(&self.bundled[3]),
        }
    }

    /// The face that draws `c` in `style`, or `None` if no face has it.
    pub fn resolve(&self, style: Face, c: char) -> Option<Face> {
        if self.face(style).has(c) {
            return Some(style);
        }
        if matches!(style, Face::Bold | Face::Mono) && self.face(Face::Regular).has(c) {
            return Some(Face::Regular);
        }
        if self.user.as_ref().is_some_and(|u| u.has(c)) {
            return Some(Face::User);
        }
        self.face(Face::Fallback).has(c).then_some(Face::Fallback)
    }

    /// Whether some face can draw `c`.
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace() || self.resolve(Face::Regular, c).is_some()
    }

    /// Width of `c` in points at `size`, in the face that draws it.
    pub fn char_width(&self, style: Face, c: char, size: f32) -> f32 {
        let w = match self.resolve(style, c) {
            Some(face) => self.face(face).width_1000(c).unwrap_or(0),
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
    fn bundled_faces_cover_latin_greek_cyrillic_and_fall_back_for_symbols() {
        let fonts = FontSet::new(None).unwrap();
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
        let fonts = FontSet::new(None).unwrap();
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
}
