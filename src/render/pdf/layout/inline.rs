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

/// A run of text in one style within a token.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Part {
    pub(super) text: String,
    pub(super) face: Face,
    pub(super) color: Color,
    pub(super) link: Option<String>,
}

/// An unbreakable piece of text: a word, possibly in several styles.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub(super) parts: Vec<Part>,
    pub(super) width: f32,
    /// Width of the space that follows, 0 if none.
    pub(super) space_after: f32,
    pub(super) hard_break: bool,
}

pub(super) fn face_of(style: Style, base: Face) -> Face {
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
    pub(super) fn tokens(&self, spans: &[Span], base: Face, size: f32, color: Color) -> Vec<Token> {
        let mut out: Vec<Token> = Vec::new();
        let mut current: Option<Token> = None;
        for span in spans {
            let face = face_of(span.style, base);
            let color = if span.link.is_some() {
                self.theme.palette.accent
            } else {
                color
            };
            for c in span.text.chars() {
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
                    continue;
                }
                let t = current.get_or_insert_with(|| Token {
                    parts: Vec::new(),
                    width: 0.0,
                    space_after: 0.0,
                    hard_break: false,
                });
                t.width += self.fonts.char_width(face, c, size);
                match t.parts.last_mut() {
                    Some(p) if p.face == face && p.color == color && p.link == span.link => {
                        p.text.push(c)
                    }
                    _ => t.parts.push(Part {
                        text: c.to_string(),
                        face,
                        color,
                        link: span.link.clone(),
                    }),
                }
            }
        }
        if let Some(t) = current {
            out.push(t);
        }
        out
    }

    /// Split a token wider than `width` into pieces that fit.
    pub(super) fn split(&self, token: Token, width: f32, size: f32) -> Vec<Token> {
        let mut out = Vec::new();
        let mut cur = Token {
            parts: Vec::new(),
            width: 0.0,
            space_after: 0.0,
            hard_break: false,
        };
        for part in &token.parts {
            for c in part.text.chars() {
                let w = self.fonts.char_width(part.face, c, size);
                if cur.width + w > width + EPS && !cur.parts.is_empty() {
                    out.push(std::mem::replace(
                        &mut cur,
                        Token {
                            parts: Vec::new(),
                            width: 0.0,
                            space_after: 0.0,
                            hard_break: false,
                        },
                    ));
                }
                cur.width += w;
                match cur.parts.last_mut() {
                    Some(p)
                        if p.face == part.face && p.color == part.color && p.link == part.link =>
                    {
                        p.text.push(c)
                    }
                    _ => cur.parts.push(Part {
                        text: c.to_string(),
                        face: part.face,
                        color: part.color,
                        link: part.link.clone(),
                    }),
                }
            }
        }
        cur.space_after = token.space_after;
        cur.hard_break = token.hard_break;
        out.push(cur);
        out
    }

    /// Greedy line breaking at spaces.
    pub(super) fn wrap(&self, tokens: Vec<Token>, width: f32, size: f32) -> Vec<Vec<Token>> {
        let mut lines: Vec<Vec<Token>> = Vec::new();
        let mut line: Vec<Token> = Vec::new();
        let mut line_w = 0.0;
        for token in tokens {
            let pieces = if token.width > width + EPS {
                self.split(token, width, size)
            } else {
                vec![token]
            };
            for t in pieces {
                let gap = line.last().map_or(0.0, |p: &Token| p.space_after);
                if !line.is_empty() && line_w + gap + t.width > width + EPS {
                    lines.push(std::mem::take(&mut line));
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
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
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
        // Merge the line into segments of one style, spaces included.
        let mut segments: Vec<Part> = Vec::new();
        let n = line.len();
        for (i, token) in line.iter().enumerate() {
            for part in &token.parts {
                match segments.last_mut() {
                    Some(s)
                        if s.face == part.face && s.color == part.color && s.link == part.link =>
                    {
                        s.text.push_str(&part.text)
                    }
                    _ => segments.push(part.clone()),
                }
            }
            if i + 1 < n && token.space_after > 0.0 {
                if let Some(s) = segments.last_mut() {
                    s.text.push(' ');
                }
            }
        }
        for seg in segments {
            let start = pen;
            for (face, text) in self.fonts.runs(seg.face, &seg.text) {
                let w = self.fonts.width(face, &text, size);
                if !text.trim().is_empty() {
                    out.push(Item::Text {
                        x: pen,
                        y: baseline,
                        size,
                        face,
                        text,
                        color: seg.color,
                    });
                }
                pen += w;
            }
            if let Some(link) = seg.link {
                out.push(Item::Link {
                    x: start,
                    y: baseline - size,
                    w: pen - start,
                    h: size * self.theme.body.link_height,
                    target: Target::Uri(link),
                });
            }
        }
    }
}
