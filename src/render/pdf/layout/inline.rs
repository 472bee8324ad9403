//! Inline layout: styled spans become tokens (unbreakable pieces of text
//! with their measured width), tokens become lines, and a line becomes text
//! items and link areas.
//!
//! Widths come from [`FontSet`], which measures exactly as the PDF's `/W`
//! array does, so a line ends where its glyphs end. A token wider than the
//! line is split so nothing runs past the margin.

use super::theme::Theme;
use super::{Item, Target, EPS};
use crate::render::charts::Color;
use crate::render::pdf::blocks::{Align, Span, Style};
use crate::render::pdf::fonts::{Face, FontSet};
use unicode_segmentation::UnicodeSegmentation;

/// How a run of text is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Ink {
    pub(super) face: Face,
    pub(super) color: Color,
    /// A line through the text.
    pub(super) strike: bool,
    /// Smaller and raised: a footnote reference.
    pub(super) raised: bool,
}

/// A run of text in one style within a token.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Part {
    pub(super) text: String,
    pub(super) ink: Ink,
    pub(super) link: Option<String>,
}

/// An unbreakable piece of text: a word (or the part of one up to a break
/// opportunity), possibly in several styles.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Token {
    pub(super) parts: Vec<Part>,
    pub(super) width: f32,
    /// Width of the space that follows, 0 if none.
    pub(super) space_after: f32,
    pub(super) hard_break: bool,
}

impl Token {
    /// Append `c`, `width` wide, in the given style.
    fn push(&mut self, c: char, width: f32, ink: Ink, link: &Option<String>) {
        self.width += width;
        match self.parts.last_mut() {
            Some(p) if p.ink == ink && p.link == *link => p.text.push(c),
            _ => {
                // Room for a typical word, so appending rarely reallocates.
                let mut text = String::with_capacity(16);
                text.push(c);
                self.parts.push(Part {
                    text,
                    ink,
                    link: link.clone(),
                })
            }
        }
    }
}

/// The face a span is set in: code in the monospace face, whatever its
/// emphasis (only a regular monospace face is bundled).
pub(super) fn face_of(style: Style, base: Face) -> Face {
    if style.code || base == Face::Mono {
        return Face::Mono;
    }
    match (style.bold || base == Face::Bold, style.italic) {
        (true, _) => Face::Bold,
        (false, true) => Face::Italic,
        (false, false) => base,
    }
}

pub(super) struct Typesetter<'a> {
    pub(super) fonts: &'a FontSet,
    pub(super) theme: &'a Theme,
}

impl Typesetter<'_> {
    /// The tokens of `spans`: text is cut at every space, at every line
    /// break opportunity of the Unicode line breaking algorithm (UAX #14:
    /// after a hyphen or dash, between ideographs, ...), and a hard break
    /// (`\n`) ends a line.
    pub(super) fn tokens(&self, spans: &[Span], base: Face, size: f32, color: Color) -> Vec<Token> {
        let mut text = String::with_capacity(spans.iter().map(|s| s.text.len()).sum());
        for s in spans {
            text.push_str(&s.text);
        }
        // Byte offsets in `text` before which a line may break.
        let mut breaks = unicode_linebreak::linebreaks(&text)
            .map(|(at, _)| at)
            .peekable();
        let mut out: Vec<Token> = Vec::new();
        let mut current: Option<Token> = None;
        let mut offset = 0;
        for span in spans {
            let face = face_of(span.style, base);
            let ink = Ink {
                face,
                color: if span.link.is_some() {
                    self.theme.palette.accent
                } else {
                    color
                },
                strike: span.style.strike,
                raised: span.style.superscript,
            };
            let glyph_size = self.ink_size(ink, size);
            // Whether the current token's last part is this span's: then a
            // character is appended without comparing styles and links.
            let mut in_part = false;
            for (i, c) in span.text.char_indices() {
                while breaks.next_if(|at| *at < offset + i).is_some() {}
                if breaks.next_if_eq(&(offset + i)).is_some() {
                    // A break opportunity inside a run of text (after a
                    // space the token has already ended).
                    if let Some(t) = current.take() {
                        out.push(t);
                    }
                    in_part = false;
                }
                if c == ' ' || c == '\n' {
                    if let Some(mut t) = current.take() {
                        if c == ' ' {
                            t.space_after = self.fonts.char_width(face, ' ', size);
                        } else {
                            t.hard_break = true;
                        }
                        out.push(t);
                    } else if c == '\n' {
                        if let Some(last) = out.last_mut() {
                            last.hard_break = true;
                        }
                    }
                    in_part = false;
                    continue;
                }
                let width = self.fonts.char_width(face, c, glyph_size);
                let t = current.get_or_insert_with(Token::default);
                match t.parts.last_mut() {
                    Some(p) if in_part => {
                        t.width += width;
                        p.text.push(c);
                    }
                    _ => {
                        t.push(c, width, ink, &span.link);
                        in_part = true;
                    }
                }
            }
            offset += span.text.len();
        }
        if let Some(t) = current {
            out.push(t);
        }
        out
    }

    /// Split a token wider than `width` into pieces that fit, between
    /// grapheme clusters (a letter never loses its accent).
    pub(super) fn split(&self, token: Token, width: f32, size: f32) -> Vec<Token> {
        let mut out = Vec::new();
        let mut cur = Token::default();
        for part in &token.parts {
            for grapheme in part.text.graphemes(true) {
                let glyph_size = self.ink_size(part.ink, size);
                let w: f32 = grapheme
                    .chars()
                    .map(|c| self.fonts.char_width(part.ink.face, c, glyph_size))
                    .sum();
                if cur.width + w > width + EPS && !cur.parts.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                for c in grapheme.chars() {
                    let cw = self.fonts.char_width(part.ink.face, c, glyph_size);
                    cur.push(c, cw, part.ink, &part.link);
                }
            }
        }
        cur.space_after = token.space_after;
        cur.hard_break = token.hard_break;
        out.push(cur);
        out
    }

    /// Greedy line breaking at the tokens' ends; a token wider than the
    /// line is split first.
    pub(super) fn wrap(&self, tokens: Vec<Token>, width: f32, size: f32) -> Vec<Vec<Token>> {
        let mut lines: Vec<Vec<Token>> = Vec::new();
        let mut line: Vec<Token> = Vec::new();
        let mut line_w = 0.0;
        let mut place = |t: Token, line: &mut Vec<Token>, lines: &mut Vec<Vec<Token>>| {
            let gap = line.last().map_or(0.0, |p: &Token| p.space_after);
            if !line.is_empty() && line_w + gap + t.width > width + EPS {
                lines.push(std::mem::take(line));
                line_w = 0.0;
            }
            line_w += if line.is_empty() {
                t.width
            } else {
                gap + t.width
            };
            let hard = t.hard_break;
            line.push(t);
            if hard {
                lines.push(std::mem::take(line));
                line_w = 0.0;
            }
        };
        for token in tokens {
            if token.width > width + EPS {
                for t in self.split(token, width, size) {
                    place(t, &mut line, &mut lines);
                }
            } else {
                place(token, &mut line, &mut lines);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// The width of the widest word: tokens joined up to the next space or
    /// hard break. Tables plan their columns by words, so a column of
    /// "in-house" is not made narrower just because the word may break at
    /// its hyphen; the breaker still uses every opportunity inside the cell.
    pub(super) fn widest_word(&self, tokens: &[Token], size: f32) -> f32 {
        let mut widest = 0.0f32;
        let mut word = 0.0f32;
        for t in tokens {
            // Measured char by char, as one token of the whole word would be.
            for part in &t.parts {
                for c in part.text.chars() {
                    word += self
                        .fonts
                        .char_width(part.ink.face, c, self.ink_size(part.ink, size));
                }
            }
            if t.space_after > 0.0 || t.hard_break {
                widest = widest.max(word);
                word = 0.0;
            }
        }
        widest.max(word)
    }

    pub(super) fn line_width(line: &[Token]) -> f32 {
        let n = line.len();
        line.iter()
            .enumerate()
            .map(|(i, t)| t.width + if i + 1 < n { t.space_after } else { 0.0 })
            .sum()
    }

    /// Text items (and link areas) for one line whose box starts at `x`.
    // A drawing primitive: position, box, alignment and size are all needed.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn emit_line(
        &self,
        line: &[Token],
        x: f32,
        baseline: f32,
        width: f32,
        align: Align,
        size: f32,
        out: &mut Vec<Item>,
    ) {
        let used = Self::line_width(line);
        let mut pen = match align {
            Align::Left => x,
            Align::Right => x + width - used,
            Align::Center => x + (width - used) / 2.0,
        };
        for seg in Self::segments(line) {
            pen = self.emit_segment(seg, pen, baseline, size, out);
        }
    }

    /// The type size of text in `ink` in a line of `size`.
    fn ink_size(&self, ink: Ink, size: f32) -> f32 {
        if ink.raised {
            size * self.theme.body.superscript
        } else {
            size
        }
    }

    /// A line merged into segments of one style, the spaces between tokens
    /// included (in the style of the text before them, or plain when that
    /// text is struck through or raised).
    fn segments(line: &[Token]) -> Vec<Part> {
        let mut segments: Vec<Part> = Vec::new();
        let n = line.len();
        // Nearly every line is one segment: a segment's text is sized for
        // the rest of the line (with its spaces) so it is allocated once.
        let mut left: usize = line
            .iter()
            .map(|t| t.parts.iter().map(|p| p.text.len()).sum::<usize>() + 1)
            .sum();
        for (i, token) in line.iter().enumerate() {
            for part in &token.parts {
                let len = part.text.len();
                match segments.last_mut() {
                    Some(s) if s.ink == part.ink && s.link == part.link => {
                        s.text.push_str(&part.text)
                    }
                    _ => {
                        let mut text = String::with_capacity(left);
                        text.push_str(&part.text);
                        segments.push(Part {
                            text,
                            ink: part.ink,
                            link: part.link.clone(),
                        })
                    }
                }
                left -= len;
            }
            left -= 1;
            if i + 1 < n && token.space_after > 0.0 {
                match segments.last_mut() {
                    Some(s) if !s.ink.strike && !s.ink.raised => s.text.push(' '),
                    Some(s) => {
                        let ink = Ink {
                            strike: false,
                            raised: false,
                            ..s.ink
                        };
                        segments.push(Part {
                            text: " ".into(),
                            ink,
                            link: None,
                        });
                    }
                    None => {}
                }
            }
        }
        segments
    }

    /// The items of one segment starting at `pen`; returns where it ends.
    fn emit_segment(
        &self,
        seg: Part,
        mut pen: f32,
        baseline: f32,
        size: f32,
        out: &mut Vec<Item>,
    ) -> f32 {
        let body = &self.theme.body;
        let start = pen;
        let glyph_size = self.ink_size(seg.ink, size);
        let y = if seg.ink.raised {
            baseline - size * body.superscript_rise
        } else {
            baseline
        };
        // Measured before the text moves into its items.
        let trailing = seg.text.len() - seg.text.trim_end().len();
        for (face, text) in self.fonts.into_runs(seg.ink.face, seg.text) {
            let w = self.fonts.width(face, &text, glyph_size);
            if !text.trim().is_empty() {
                out.push(Item::Text {
                    x: pen,
                    y,
                    size: glyph_size,
                    face,
                    text,
                    color: seg.ink.color,
                });
            }
            pen += w;
        }
        if seg.ink.strike {
            // Through the middle of the lower-case letters, not the spaces.
            let end = pen
                - self
                    .fonts
                    .width(seg.ink.face, &" ".repeat(trailing), glyph_size);
            let sy = y - glyph_size * body.strike_position;
            out.push(Item::Line {
                x1: start,
                y1: sy,
                x2: end,
                y2: sy,
                width: glyph_size * body.strike_width,
                color: seg.ink.color,
                dashed: false,
            });
        }
        if let Some(link) = seg.link {
            out.push(Item::Link {
                x: start,
                y: baseline - size,
                w: pen - start,
                h: size * body.link_height,
                target: Target::Uri(link),
            });
        }
        pen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::blocks::Style;

    fn fonts() -> FontSet {
        FontSet::new(None).unwrap()
    }

    fn spans(text: &str) -> Vec<Span> {
        vec![Span {
            text: text.into(),
            style: Style::default(),
            link: None,
        }]
    }

    /// Lines of `text` set at `width`, as strings, each with its width.
    fn lines(text: &str, width: f32) -> Vec<(String, f32)> {
        let fonts = fonts();
        let ts = Typesetter {
            fonts: &fonts,
            theme: &Theme::REPORT,
        };
        let size = 10.0;
        let tokens = ts.tokens(&spans(text), Face::Regular, size, Theme::REPORT.palette.ink);
        ts.wrap(tokens, width, size)
            .iter()
            .map(|line| {
                let mut s = String::new();
                for (i, t) in line.iter().enumerate() {
                    for p in &t.parts {
                        s.push_str(&p.text);
                    }
                    if i + 1 < line.len() && t.space_after > 0.0 {
                        s.push(' ');
                    }
                }
                (s, Typesetter::line_width(line))
            })
            .collect()
    }

    fn assert_fits(lines: &[(String, f32)], width: f32) {
        for (text, w) in lines {
            assert!(*w <= width + EPS, "{text:?} is {w} wide, more than {width}");
        }
    }

    #[test]
    fn cjk_text_wraps_between_ideographs_within_the_width() {
        let text = "安全運用センターの調達方針について取締役会に報告します。監視は二十四時間体制で行います。";
        let out = lines(text, 120.0);
        assert!(out.len() >= 3, "{out:?}");
        assert_fits(&out, 120.0);
        // Nothing added, nothing lost, no spaces put between ideographs.
        let joined: String = out.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, text);
        // A line never starts with the closing full stop (UAX #14 keeps it
        // with the character before it).
        assert!(out.iter().all(|(t, _)| !t.starts_with('。')), "{out:?}");
    }

    #[test]
    fn a_300_character_token_wraps_at_the_width() {
        let token = "a".repeat(150) + &"Ж".repeat(150);
        let out = lines(&format!("before {token} after"), 200.0);
        assert!(out.len() >= 5, "{out:?}");
        assert_fits(&out, 200.0);
        let joined: String = out.iter().map(|(t, _)| t.replace(' ', "")).collect();
        assert_eq!(joined, format!("before{token}after"));
    }

    #[test]
    fn a_long_token_is_split_between_graphemes() {
        // x with a combining acute has no precomposed form: two chars, one
        // grapheme, which must stay together.
        let token = "x\u{301}".repeat(120);
        let out = lines(&token, 90.0);
        assert!(out.len() >= 3);
        assert_fits(&out, 90.0);
        for (text, _) in &out {
            assert!(!text.starts_with('\u{301}'), "an accent lost its letter");
        }
    }

    #[test]
    fn hyphens_and_dashes_are_break_opportunities_and_spaces_still_are() {
        let width = fonts().width(Face::Regular, "an outsourced co-", 10.0) + 1.0;
        let out = lines("an outsourced co-managed security operations centre", width);
        assert_fits(&out, width);
        assert!(
            out.iter().any(|(t, _)| t.ends_with("co-")),
            "the line should break after the hyphen: {out:?}"
        );
    }

    #[test]
    fn no_line_exceeds_the_width_whatever_the_text() {
        let text = "Board 2026–2030 roadmap: in-house/outsourced http://example.com/a/very/long/path/that/goes/on \
                    ＳＯＣ運用 «quoted» — and 1,234,567.89 EUR; Θεσσαλονίκη Дунав Енергија";
        for width in [20.0, 45.0, 80.0, 130.0, 300.0] {
            assert_fits(&lines(text, width), width);
        }
    }

    #[test]
    fn a_hard_break_ends_the_line() {
        let out = lines("first line\nsecond line", 400.0);
        let texts: Vec<&str> = out.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["first line", "second line"]);
    }
}
