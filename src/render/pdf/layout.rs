//! Layout: blocks in, pages of positioned items out, as plain data.
//!
//! Coordinates are points from the page's top-left corner (text `y` is the
//! baseline); the writer flips them for PDF. Pagination rules:
//!
//! - the blocks before the first page-break marker form the cover page;
//! - a table of contents follows, with the page of every section;
//! - a heading is kept with the start of what follows it, so it never ends
//!   a page;
//! - a table that fits on one page, a chart and a call-out box are never
//!   split; a longer table breaks between rows and repeats its header row;
//! - a page-break marker starts a new page;
//! - every page after the cover has a running header (organisation,
//!   classification) and a footer "Page X of Y".

use super::blocks::{plain_text, Align, Block, Span, Style};
use super::fonts::{Face, FontSet};
use crate::render::charts::{self, Anchor as TextAnchor, Color, Figure, Shape};
use crate::render::slug::Slugger;

pub const INK: Color = charts::INK;
pub const MUTED: Color = charts::MUTED;
pub const ACCENT: Color = charts::IN_HOUSE;
pub const RULE: Color = Color(0xc9, 0xd0, 0xd8);
pub const SHADE: Color = Color(0xe9, 0xee, 0xf4);
pub const ZEBRA: Color = Color(0xf7, 0xf9, 0xfb);
pub const CALLOUT: Color = Color(0xee, 0xf4, 0xfa);

const BODY: f32 = 9.5;
const LEADING: f32 = 1.42;
const TABLE: f32 = 8.0;
const TABLE_LEADING: f32 = 1.3;
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.0;
const GAP: f32 = 6.0;
const EPS: f32 = 0.01;
/// A table no taller than this share of a page is never split.
const SHORT_TABLE: f32 = 0.4;

/// Page size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
}

impl Paper {
    pub const A4: Paper = Paper {
        width: 595.276,
        height: 841.89,
    };
    pub const LETTER: Paper = Paper {
        width: 612.0,
        height: 792.0,
    };
}

/// The page and its content box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    pub fn new(paper: Paper) -> Geometry {
        Geometry {
            width: paper.width,
            height: paper.height,
            left: 56.0,
            right: 56.0,
            top: 70.0,
            bottom: 66.0,
        }
    }

    pub fn content_width(&self) -> f32 {
        self.width - self.left - self.right
    }

    pub fn content_bottom(&self) -> f32 {
        self.height - self.bottom
    }

    pub fn content_height(&self) -> f32 {
        self.content_bottom() - self.top
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A page (0-based) and a `y` from its top.
    Page {
        page: usize,
        y: f32,
    },
    Uri(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
        color: Color,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Color,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Color,
        dashed: bool,
    },
    Polyline {
        points: Vec<(f32, f32)>,
        width: f32,
        color: Color,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: Target,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Cover,
    Contents,
    Body,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub kind: PageKind,
    pub items: Vec<Item>,
}

/// A heading's place, for the outline, the contents and links.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingPlace {
    pub level: u8,
    pub title: String,
    pub id: String,
    pub page: usize,
    pub y: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub geometry: Geometry,
    pub pages: Vec<Page>,
    pub headings: Vec<HeadingPlace>,
}

/// Running header and footer texts.
#[derive(Debug, Clone)]
pub struct Running {
    pub organisation: String,
    pub classification: String,
    pub footer: String,
}

// ---------------------------------------------------------------------------
// Text: tokens and lines.

/// A run of text in one style within a token.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    text: String,
    face: Face,
    color: Color,
    link: Option<String>,
}

/// An unbreakable piece of text: a word, possibly in several styles.
#[derive(Debug, Clone, PartialEq)]
struct Token {
    parts: Vec<Part>,
    width: f32,
    /// Width of the space that follows, 0 if none.
    space_after: f32,
    hard_break: bool,
}

fn face_of(style: Style, base: Face) -> Face {
    match (style.bold || base == Face::Bold, style.italic) {
        (true, _) => Face::Bold,
        (false, true) => Face::Italic,
        (false, false) => base,
    }
}

struct Typesetter<'a> {
    fonts: &'a FontSet,
}

impl Typesetter<'_> {
    fn tokens(&self, spans: &[Span], base: Face, size: f32, color: Color) -> Vec<Token> {
        let mut out: Vec<Token> = Vec::new();
        let mut current: Option<Token> = None;
        for span in spans {
            let face = face_of(span.style, base);
            let color = if span.link.is_some() { ACCENT } else { color };
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
    fn split(&self, token: Token, width: f32, size: f32) -> Vec<Token> {
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
    fn wrap(&self, tokens: Vec<Token>, width: f32, size: f32) -> Vec<Vec<Token>> {
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

    fn line_width(line: &[Token]) -> f32 {
        let n = line.len();
        line.iter()
            .enumerate()
            .map(|(i, t)| t.width + if i + 1 < n { t.space_after } else { 0.0 })
            .sum()
    }

    /// Text items (and link areas) for one line whose box starts at `x`.
    // A drawing primitive: position, box, alignment and size are all needed.
    #[allow(clippy::too_many_arguments)]
    fn emit_line(
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
                    h: size * 1.25,
                    target: Target::Uri(link),
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Tables.

struct TablePlan {
    widths: Vec<f32>,
    aligns: Vec<Align>,
    head: Vec<Vec<Vec<Token>>>,
    head_height: f32,
    rows: Vec<Vec<Vec<Vec<Token>>>>,
    row_heights: Vec<f32>,
}

impl TablePlan {
    fn height(&self) -> f32 {
        self.head_height + self.row_heights.iter().sum::<f32>()
    }
}

/// Column widths: each column gets its longest word; spare width then goes
/// first to the columns that need least to fit on one line, so short columns
/// (numbers, dates, labels) never wrap while long text columns share the rest.
fn allocate(min: &[f32], pref: &[f32], width: f32) -> Vec<f32> {
    let sum_min: f32 = min.iter().sum();
    let sum_pref: f32 = pref.iter().sum();
    if sum_pref <= width {
        // Everything fits on one line: share the extra in proportion.
        return pref
            .iter()
            .map(|p| p + (width - sum_pref) * p / sum_pref.max(EPS))
            .collect();
    }
    if sum_min >= width {
        return min.iter().map(|m| m * width / sum_min.max(EPS)).collect();
    }
    let mut widths = min.to_vec();
    let mut spare = width - sum_min;
    let mut order: Vec<usize> = (0..min.len()).collect();
    order.sort_by(|a, b| (pref[*a] - min[*a]).total_cmp(&(pref[*b] - min[*b])));
    let mut open: Vec<usize> = Vec::new();
    for c in order {
        let need = pref[c] - min[c];
        // A column whose one-line width costs little of what is left gets it.
        if need <= spare * 0.25 || need <= 0.0 {
            widths[c] = pref[c];
            spare -= need;
        } else {
            open.push(c);
        }
    }
    let wanted: f32 = open.iter().map(|c| pref[*c] - min[*c]).sum();
    for c in open {
        widths[c] += spare * (pref[c] - min[c]) / wanted.max(EPS);
    }
    widths
}

// ---------------------------------------------------------------------------
// The flow.

struct Flow<'a> {
    ts: Typesetter<'a>,
    fonts: &'a FontSet,
    figures: &'a [Figure],
    geo: Geometry,
    pages: Vec<Page>,
    y: f32,
    headings: Vec<HeadingPlace>,
    slugs: Slugger,
    figure_no: usize,
}

impl<'a> Flow<'a> {
    fn items(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Page {
                kind: PageKind::Body,
                items: Vec::new(),
            });
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].items
    }

    fn new_page(&mut self) {
        self.pages.push(Page {
            kind: PageKind::Body,
            items: Vec::new(),
        });
        self.y = self.geo.top;
    }

    fn at_top(&self) -> bool {
        self.y <= self.geo.top + 0.5
    }

    fn room(&self) -> f32 {
        self.geo.content_bottom() - self.y
    }

    /// Start a new page unless `h` fits in what is left of this one.
    fn fit(&mut self, h: f32) {
        if h > self.room() + EPS && !self.at_top() {
            self.new_page();
        }
    }

    fn space(&mut self, h: f32) {
        if !self.at_top() {
            self.y += h;
        }
    }

    fn heading_style(level: u8) -> (f32, Color, f32, f32) {
        // size, colour, space before, space after
        match level {
            1 => (20.0, ACCENT, 10.0, 10.0),
            2 => (14.5, ACCENT, 16.0, 8.0),
            3 => (11.0, INK, 10.0, 4.0),
            _ => (10.0, INK, 8.0, 3.0),
        }
    }

    fn heading_lines(&self, spans: &[Span], level: u8, width: f32) -> Vec<Vec<Token>> {
        let (size, color, _, _) = Self::heading_style(level);
        self.ts
            .wrap(self.ts.tokens(spans, Face::Bold, size, color), width, size)
    }

    fn heading_height(&self, spans: &[Span], level: u8, width: f32) -> f32 {
        let (size, _, _, after) = Self::heading_style(level);
        let lines = self.heading_lines(spans, level, width).len().max(1) as f32;
        lines * size * 1.25 + after + if level == 2 { 5.0 } else { 0.0 }
    }

    /// The least of `block` that must fit under a heading for the heading to
    /// stay on this page.
    fn min_height(&self, block: &Block, width: f32) -> f32 {
        match block {
            Block::Paragraph(spans) => {
                let lines = self
                    .ts
                    .wrap(self.ts.tokens(spans, Face::Regular, BODY, INK), width, BODY)
                    .len()
                    .min(2);
                lines.max(1) as f32 * BODY * LEADING
            }
            Block::List { items, .. } => items
                .first()
                .and_then(|i| i.first())
                .map_or(BODY * LEADING, |b| self.min_height(b, width - 16.0)),
            Block::Table { align, head, rows } => {
                let plan = self.table_plan(align, head, rows, width);
                if self.is_short(&plan) {
                    plan.height()
                } else {
                    plan.head_height + plan.row_heights.first().copied().unwrap_or(0.0)
                }
            }
            Block::Chart { name, .. } => self.chart_height(name, width),
            Block::Quote(inner) => self.measure(inner, width - 22.0) + 16.0,
            Block::Heading { spans, level } => {
                self.heading_height(spans, *level, width) + BODY * LEADING * 2.0
            }
            Block::Code(text) => (text.lines().count().min(2) as f32) * BODY * LEADING,
            Block::Rule | Block::PageBreak => 0.0,
        }
    }

    /// Full height of blocks laid out at `width` (no page breaks).
    fn measure(&self, blocks: &[Block], width: f32) -> f32 {
        let mut h = 0.0;
        for (i, b) in blocks.iter().enumerate() {
            h += match b {
                Block::Paragraph(spans) => {
                    self.ts
                        .wrap(self.ts.tokens(spans, Face::Regular, BODY, INK), width, BODY)
                        .len() as f32
                        * BODY
                        * LEADING
                }
                Block::List { items, .. } => items
                    .iter()
                    .map(|item| self.measure(item, width - 16.0) + 2.0)
                    .sum(),
                Block::Table { align, head, rows } => {
                    self.table_plan(align, head, rows, width).height()
                }
                Block::Chart { name, .. } => self.chart_height(name, width),
                Block::Quote(inner) => self.measure(inner, width - 22.0) + 16.0,
                Block::Heading { spans, level } => self.heading_height(spans, *level, width),
                Block::Code(text) => text.lines().count() as f32 * BODY * LEADING,
                Block::Rule | Block::PageBreak => 8.0,
            };
            if i + 1 < blocks.len() {
                h += GAP;
            }
        }
        h
    }

    fn blocks(&mut self, blocks: &[Block], x: f32, width: f32) {
        for (i, block) in blocks.iter().enumerate() {
            self.block(block, &blocks[i + 1..], x, width);
        }
    }

    /// What must fit below a heading: the start of the next block, and when
    /// that is a short introduction, the start of what it introduces.
    fn keep_with(&self, rest: &[Block], width: f32) -> f32 {
        match rest {
            [Block::Paragraph(spans), next, ..]
                if matches!(
                    next,
                    Block::Table { .. } | Block::Chart { .. } | Block::List { .. }
                ) =>
            {
                let intro = self
                    .ts
                    .wrap(self.ts.tokens(spans, Face::Regular, BODY, INK), width, BODY)
                    .len() as f32
                    * BODY
                    * LEADING;
                let whole = intro + GAP + self.min_height(next, width);
                // Only when the pair fits on a page at all.
                if whole <= self.geo.content_height() * 0.6 {
                    whole
                } else {
                    self.min_height(&rest[0], width)
                }
            }
            [first, ..] => self.min_height(first, width),
            [] => 0.0,
        }
    }

    fn block(&mut self, block: &Block, rest: &[Block], x: f32, width: f32) {
        match block {
            Block::Heading { level, spans } => self.heading(*level, spans, rest, x, width),
            Block::Paragraph(spans) => {
                self.paragraph(spans, x, width, BODY, Face::Regular, INK, Align::Left);
                self.y += GAP;
            }
            Block::List { start, items } => {
                self.list(*start, items, x, width);
                self.y += GAP - 2.0;
            }
            Block::Quote(inner) => self.quote(inner, x, width),
            Block::Table { align, head, rows } => {
                self.table(align, head, rows, x, width);
                self.y += GAP + 4.0;
            }
            Block::Chart { name, alt } => self.chart(name, alt, x, width),
            Block::Rule => {
                self.fit(10.0);
                let y = self.y + 4.0;
                self.items().push(Item::Line {
                    x1: x,
                    y1: y,
                    x2: x + width,
                    y2: y,
                    width: 0.6,
                    color: RULE,
                    dashed: false,
                });
                self.y += 10.0;
            }
            Block::Code(text) => {
                for line in text.lines() {
                    let spans = [Span {
                        text: line.to_string(),
                        style: Style::default(),
                        link: None,
                    }];
                    self.paragraph(
                        &spans,
                        x + 6.0,
                        width - 6.0,
                        BODY - 1.0,
                        Face::Regular,
                        MUTED,
                        Align::Left,
                    );
                }
                self.y += GAP;
            }
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
        }
    }

    fn heading(&mut self, level: u8, spans: &[Span], rest: &[Block], x: f32, width: f32) {
        let (size, color, before, after) = Self::heading_style(level);
        let own = self.heading_height(spans, level, width);
        let with_next = own + self.keep_with(rest, width);
        self.space(before);
        self.fit(with_next);
        let title = plain_text(spans);
        let id = self.slugs.slug(&title);
        let page = self.pages.len().saturating_sub(1);
        self.headings.push(HeadingPlace {
            level,
            title,
            id,
            page,
            y: self.y,
        });
        let lines = self.heading_lines(spans, level, width);
        for line in &lines {
            let baseline = self.y + size;
            let mut items = Vec::new();
            self.ts
                .emit_line(line, x, baseline, width, Align::Left, size, &mut items);
            self.items().extend(items);
            self.y += size * 1.25;
        }
        if level == 2 {
            let y = self.y + 2.0;
            self.items().push(Item::Line {
                x1: x,
                y1: y,
                x2: x + width,
                y2: y,
                width: 1.2,
                color,
                dashed: false,
            });
            self.y += 5.0;
        }
        self.y += after;
    }

    #[allow(clippy::too_many_arguments)]
    fn paragraph(
        &mut self,
        spans: &[Span],
        x: f32,
        width: f32,
        size: f32,
        face: Face,
        color: Color,
        align: Align,
    ) {
        let lines = self
            .ts
            .wrap(self.ts.tokens(spans, face, size, color), width, size);
        let line_h = size * LEADING;
        // No single line stranded at the foot of a page.
        if lines.len() >= 2 && self.room() < 2.0 * line_h {
            self.fit(2.0 * line_h);
        }
        for line in &lines {
            self.fit(line_h);
            let baseline = self.y + size * 1.05;
            let mut items = Vec::new();
            self.ts
                .emit_line(line, x, baseline, width, align, size, &mut items);
            self.items().extend(items);
            self.y += line_h;
        }
    }

    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], x: f32, width: f32) {
        let indent = 16.0;
        for (i, item) in items.iter().enumerate() {
            let marker = match start {
                Some(n) => format!("{}.", n + i as u64),
                None => "\u{2022}".to_string(),
            };
            // The item's first lines and its marker land on the same page.
            if let Some(first) = item.first() {
                self.fit(self.min_height(first, width - indent));
            }
            let baseline = self.y + BODY * 1.05;
            let mw = self.fonts.width(Face::Regular, &marker, BODY);
            let mut pen = x + indent - 5.0 - mw;
            for (face, text) in self.fonts.runs(Face::Regular, &marker) {
                let w = self.fonts.width(face, &text, BODY);
                self.items().push(Item::Text {
                    x: pen,
                    y: baseline,
                    size: BODY,
                    face,
                    text,
                    color: INK,
                });
                pen += w;
            }
            for (j, b) in item.iter().enumerate() {
                match b {
                    // Paragraphs inside a list are tight.
                    Block::Paragraph(spans) => self.paragraph(
                        spans,
                        x + indent,
                        width - indent,
                        BODY,
                        Face::Regular,
                        INK,
                        Align::Left,
                    ),
                    other => self.block(other, &item[j + 1..], x + indent, width - indent),
                }
            }
            self.y += 2.0;
        }
    }

    fn quote(&mut self, inner: &[Block], x: f32, width: f32) {
        let pad = 8.0;
        let inner_w = width - 22.0;
        let h = self.measure(inner, inner_w) + 2.0 * pad;
        self.fit(h);
        let page = self.pages.len() - 1;
        let at = self.items().len();
        let top = self.y;
        self.y += pad;
        self.blocks(inner, x + 14.0, inner_w);
        // The last inner block leaves a gap below it; the box ends at its text.
        let bottom = self.y - GAP + pad;
        if self.pages.len() - 1 == page {
            let bg = [
                Item::Rect {
                    x,
                    y: top,
                    w: width,
                    h: bottom - top,
                    fill: CALLOUT,
                },
                Item::Rect {
                    x,
                    y: top,
                    w: 3.0,
                    h: bottom - top,
                    fill: ACCENT,
                },
            ];
            self.pages[page].items.splice(at..at, bg);
        }
        self.y = bottom + GAP + 2.0;
    }

    fn table_plan(
        &self,
        aligns: &[Align],
        head: &[Vec<Span>],
        rows: &[Vec<Vec<Span>>],
        width: f32,
    ) -> TablePlan {
        let cols = head
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let empty: Vec<Span> = Vec::new();
        let cell = |row: &Vec<Vec<Span>>, c: usize| row.get(c).unwrap_or(&empty).clone();
        let tokens = |spans: &[Span], bold: bool| {
            self.ts.tokens(
                spans,
                if bold { Face::Bold } else { Face::Regular },
                TABLE,
                INK,
            )
        };
        let mut min = vec![0.0f32; cols];
        let mut pref = vec![0.0f32; cols];
        let head_row: Vec<Vec<Span>> = (0..cols).map(|c| cell(&head.to_vec(), c)).collect();
        for (r, row) in std::iter::once(&head_row).chain(rows.iter()).enumerate() {
            for c in 0..cols {
                let toks = tokens(&cell(row, c), r == 0);
                let widest = toks.iter().map(|t| t.width).fold(0.0, f32::max);
                let full = Typesetter::line_width(&toks);
                min[c] = min[c].max(widest + 2.0 * CELL_PAD_X);
                pref[c] = pref[c].max(full + 2.0 * CELL_PAD_X);
            }
        }
        let widths = allocate(&min, &pref, width);
        let line_h = TABLE * TABLE_LEADING;
        let wrap_row = |row: &Vec<Vec<Span>>, bold: bool| -> (Vec<Vec<Vec<Token>>>, f32) {
            let cells: Vec<Vec<Vec<Token>>> = (0..cols)
                .map(|c| {
                    self.ts.wrap(
                        tokens(&cell(row, c), bold),
                        widths[c] - 2.0 * CELL_PAD_X,
                        TABLE,
                    )
                })
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            (cells, lines as f32 * line_h + 2.0 * CELL_PAD_Y)
        };
        let (head_cells, head_height) = wrap_row(&head_row, true);
        let mut body = Vec::new();
        let mut heights = Vec::new();
        for row in rows {
            let (cells, h) = wrap_row(row, false);
            body.push(cells);
            heights.push(h);
        }
        TablePlan {
            widths,
            aligns: (0..cols)
                .map(|c| aligns.get(c).copied().unwrap_or(Align::Left))
                .collect(),
            head: head_cells,
            head_height,
            rows: body,
            row_heights: heights,
        }
    }

    fn is_short(&self, plan: &TablePlan) -> bool {
        plan.height() <= SHORT_TABLE * self.geo.content_height()
    }

    fn draw_row(
        &mut self,
        plan: &TablePlan,
        cells: &[Vec<Vec<Token>>],
        height: f32,
        x: f32,
        header: bool,
        zebra: bool,
    ) {
        let width: f32 = plan.widths.iter().sum();
        let top = self.y;
        let mut items = Vec::new();
        if header {
            items.push(Item::Rect {
                x,
                y: top,
                w: width,
                h: height,
                fill: SHADE,
            });
        } else if zebra {
            items.push(Item::Rect {
                x,
                y: top,
                w: width,
                h: height,
                fill: ZEBRA,
            });
        }
        let mut cx = x;
        for (c, lines) in cells.iter().enumerate() {
            let w = plan.widths[c];
            let mut baseline = top + CELL_PAD_Y + TABLE * 1.0;
            for line in lines {
                self.ts.emit_line(
                    line,
                    cx + CELL_PAD_X,
                    baseline,
                    w - 2.0 * CELL_PAD_X,
                    plan.aligns[c],
                    TABLE,
                    &mut items,
                );
                baseline += TABLE * TABLE_LEADING;
            }
            cx += w;
        }
        // The rule above the row; the rule below the last row on a page and
        // the column rules are drawn once per page by `close_chunk`.
        items.push(Item::Line {
            x1: x,
            y1: top,
            x2: x + width,
            y2: top,
            width: if header { 0.8 } else { 0.4 },
            color: RULE,
            dashed: false,
        });
        self.items().extend(items);
        self.y += height;
    }

    /// Close the part of a table drawn on this page: its bottom rule and the
    /// column rules from `top` down to here.
    fn close_chunk(&mut self, plan: &TablePlan, x: f32, top: f32) {
        let width: f32 = plan.widths.iter().sum();
        let bottom = self.y;
        let mut items = vec![Item::Line {
            x1: x,
            y1: bottom,
            x2: x + width,
            y2: bottom,
            width: 0.4,
            color: RULE,
            dashed: false,
        }];
        let mut cx = x;
        for w in std::iter::once(0.0).chain(plan.widths.iter().copied()) {
            cx += w;
            items.push(Item::Line {
                x1: cx,
                y1: top,
                x2: cx,
                y2: bottom,
                width: 0.4,
                color: RULE,
                dashed: false,
            });
        }
        self.items().extend(items);
    }

    fn table(
        &mut self,
        aligns: &[Align],
        head: &[Vec<Span>],
        rows: &[Vec<Vec<Span>>],
        x: f32,
        width: f32,
    ) {
        let plan = self.table_plan(aligns, head, rows, width);
        if self.is_short(&plan) {
            self.fit(plan.height());
        } else {
            self.fit(plan.head_height + plan.row_heights.first().copied().unwrap_or(0.0));
        }
        let head_cells = plan.head.clone();
        let mut chunk_top = self.y;
        self.draw_row(&plan, &head_cells, plan.head_height, x, true, false);
        let n = plan.rows.len();
        for (i, cells) in plan.rows.iter().enumerate() {
            let h = plan.row_heights[i];
            // Never carry the last row over alone: break one row earlier.
            let last_two = if i + 2 == n {
                h + plan.row_heights[i + 1]
            } else {
                h
            };
            let orphan = i + 2 == n && last_two > self.room() + EPS && i > 0;
            if h > self.room() + EPS || orphan {
                self.close_chunk(&plan, x, chunk_top);
                self.new_page();
                chunk_top = self.y;
                self.draw_row(&plan, &head_cells, plan.head_height, x, true, false);
            }
            self.draw_row(&plan, cells, h, x, false, i % 2 == 1);
        }
        self.close_chunk(&plan, x, chunk_top);
    }

    fn figure(&self, name: &str) -> Option<&'a Figure> {
        self.figures.iter().find(|f| f.name == name)
    }

    fn chart_scale(fig: &Figure, width: f32) -> f32 {
        (width / fig.width).min(1.2)
    }

    fn chart_height(&self, name: &str, width: f32) -> f32 {
        self.figure(name)
            .map_or(0.0, |f| f.height * Self::chart_scale(f, width) + 20.0)
    }

    fn chart(&mut self, name: &str, alt: &str, x: f32, width: f32) {
        let Some(fig) = self.figure(name) else {
            let spans = [Span {
                text: format!("[{alt}]"),
                style: Style::default(),
                link: None,
            }];
            self.paragraph(&spans, x, width, BODY, Face::Italic, MUTED, Align::Left);
            return;
        };
        let s = Self::chart_scale(fig, width);
        let h = fig.height * s;
        self.fit(h + 20.0);
        let ox = x + (width - fig.width * s) / 2.0;
        let oy = self.y + 2.0;
        let mut items = Vec::new();
        for shape in &fig.shapes {
            match shape {
                Shape::Rect { x, y, w, h, fill } => items.push(Item::Rect {
                    x: ox + x * s,
                    y: oy + y * s,
                    w: w * s,
                    h: h * s,
                    fill: *fill,
                }),
                Shape::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    color,
                    width,
                    dashed,
                } => items.push(Item::Line {
                    x1: ox + x1 * s,
                    y1: oy + y1 * s,
                    x2: ox + x2 * s,
                    y2: oy + y2 * s,
                    width: width * s,
                    color: *color,
                    dashed: *dashed,
                }),
                Shape::Polyline {
                    points,
                    color,
                    width,
                } => items.push(Item::Polyline {
                    points: points
                        .iter()
                        .map(|(px, py)| (ox + px * s, oy + py * s))
                        .collect(),
                    width: width * s,
                    color: *color,
                }),
                Shape::Text {
                    x,
                    y,
                    text,
                    size,
                    anchor,
                    color,
                    bold,
                } => {
                    let size = size * s;
                    let style = if *bold { Face::Bold } else { Face::Regular };
                    let w = self.fonts.width(style, text, size);
                    let mut pen = ox + x * s
                        - match anchor {
                            TextAnchor::Start => 0.0,
                            TextAnchor::Middle => w / 2.0,
                            TextAnchor::End => w,
                        };
                    for (face, run) in self.fonts.runs(style, text) {
                        let rw = self.fonts.width(face, &run, size);
                        items.push(Item::Text {
                            x: pen,
                            y: oy + y * s,
                            size,
                            face,
                            text: run,
                            color: *color,
                        });
                        pen += rw;
                    }
                }
            }
        }
        self.figure_no += 1;
        let caption = format!("Figure {}. {}", self.figure_no, fig.title);
        let cw = self.fonts.width(Face::Italic, &caption, 8.0);
        items.push(Item::Text {
            x: x + (width - cw) / 2.0,
            y: oy + h + 12.0,
            size: 8.0,
            face: Face::Italic,
            text: caption,
            color: MUTED,
        });
        self.items().extend(items);
        self.y = oy + h + 20.0 + GAP;
    }
}

// ---------------------------------------------------------------------------
// Cover, contents, running header and footer.

fn cover(flow: &mut Flow<'_>, blocks: &[Block]) {
    let g = flow.geo;
    let x = g.left;
    let width = g.content_width();
    let mut items = vec![
        Item::Rect {
            x: 0.0,
            y: 0.0,
            w: g.width,
            h: 10.0,
            fill: ACCENT,
        },
        Item::Rect {
            x: 0.0,
            y: g.height - 6.0,
            w: g.width,
            h: 6.0,
            fill: ACCENT,
        },
    ];
    let mut y = g.height * 0.26;
    for block in blocks {
        match block {
            Block::Heading { spans, level } => {
                let size = if *level == 1 { 26.0 } else { 16.0 };
                let toks = flow.ts.tokens(spans, Face::Bold, size, ACCENT);
                for line in flow.ts.wrap(toks, width, size) {
                    flow.ts
                        .emit_line(&line, x, y + size, width, Align::Left, size, &mut items);
                    y += size * 1.2;
                }
                let title = plain_text(spans);
                let id = flow.slugs.slug(&title);
                flow.headings.push(HeadingPlace {
                    level: *level,
                    title,
                    id,
                    page: 0,
                    y: g.height * 0.26,
                });
                y += 10.0;
                items.push(Item::Rect {
                    x,
                    y,
                    w: 60.0,
                    h: 3.0,
                    fill: ACCENT,
                });
                y += 18.0;
            }
            Block::Paragraph(spans) => {
                let size = 12.0;
                let toks = flow.ts.tokens(spans, Face::Regular, size, MUTED);
                for line in flow.ts.wrap(toks, width, size) {
                    flow.ts
                        .emit_line(&line, x, y + size, width, Align::Left, size, &mut items);
                    y += size * 1.4;
                }
                y += 12.0;
            }
            Block::List { items: entries, .. } => {
                y += 18.0;
                for entry in entries {
                    for b in entry {
                        if let Block::Paragraph(spans) = b {
                            let size = 11.0;
                            let toks = flow.ts.tokens(spans, Face::Regular, size, INK);
                            for line in flow.ts.wrap(toks, width, size) {
                                flow.ts.emit_line(
                                    &line,
                                    x,
                                    y + size,
                                    width,
                                    Align::Left,
                                    size,
                                    &mut items,
                                );
                                y += size * 1.5;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    flow.pages.push(Page {
        kind: PageKind::Cover,
        items,
    });
}

fn count_contents(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 2 | 3, .. }))
        .count()
}

const TOC_LINE: f32 = 17.0;
const TOC_TITLE: f32 = 44.0;

fn contents_pages(entries: usize, g: &Geometry) -> usize {
    let per_first = ((g.content_height() - TOC_TITLE) / TOC_LINE)
        .floor()
        .max(1.0) as usize;
    let per_next = (g.content_height() / TOC_LINE).floor().max(1.0) as usize;
    if entries <= per_first {
        1
    } else {
        1 + (entries - per_first).div_ceil(per_next)
    }
}

fn fill_contents(doc: &mut Document, fonts: &FontSet, first: usize, count: usize) {
    let g = doc.geometry;
    let ts = Typesetter { fonts };
    let entries: Vec<HeadingPlace> = doc
        .headings
        .iter()
        .filter(|h| (2..=3).contains(&h.level) && h.page >= first + count)
        .cloned()
        .collect();
    let mut page = first;
    let mut y = g.top;
    let title = "Contents";
    doc.pages[page].items.push(Item::Text {
        x: g.left,
        y: y + 16.0,
        size: 16.0,
        face: Face::Bold,
        text: title.into(),
        color: ACCENT,
    });
    y += TOC_TITLE;
    for h in entries {
        if y + TOC_LINE > g.content_bottom() && page + 1 < first + count {
            page += 1;
            y = g.top;
        }
        let (size, face, indent) = if h.level == 2 {
            (10.5, Face::Bold, 0.0)
        } else {
            (9.5, Face::Regular, 16.0)
        };
        let number = (h.page + 1).to_string();
        let nw = fonts.width(Face::Regular, &number, size);
        let x = g.left + indent;
        let right = g.width - g.right;
        let max_title = right - x - nw - 24.0;
        let spans = [Span {
            text: h.title.clone(),
            style: Style {
                bold: face == Face::Bold,
                ..Style::default()
            },
            link: None,
        }];
        let mut lines = ts.wrap(ts.tokens(&spans, Face::Regular, size, INK), max_title, size);
        lines.truncate(1);
        let baseline = y + size;
        let mut items = Vec::new();
        if let Some(line) = lines.first() {
            ts.emit_line(line, x, baseline, max_title, Align::Left, size, &mut items);
            let tw = Typesetter::line_width(line);
            // Dot leaders between the title and the page number.
            let dot = fonts.width(Face::Regular, ".", size);
            let from = x + tw + 6.0;
            let to = right - nw - 4.0;
            if to > from + dot {
                let n = ((to - from) / (dot * 2.0)).floor().max(0.0) as usize;
                let leaders: String = std::iter::repeat_n(". ", n)
                    .collect::<String>()
                    .trim_end()
                    .to_string();
                let lw = fonts.width(Face::Regular, &leaders, size);
                items.push(Item::Text {
                    x: to - lw,
                    y: baseline,
                    size,
                    face: Face::Regular,
                    text: leaders,
                    color: RULE,
                });
            }
        }
        items.push(Item::Text {
            x: right - nw,
            y: baseline,
            size,
            face: Face::Regular,
            text: number,
            color: INK,
        });
        items.push(Item::Link {
            x,
            y: y + 1.0,
            w: right - x,
            h: TOC_LINE - 2.0,
            target: Target::Page {
                page: h.page,
                y: h.y,
            },
        });
        doc.pages[page].items.extend(items);
        y += TOC_LINE;
    }
}

fn truncate_to(fonts: &FontSet, text: &str, face: Face, size: f32, width: f32) -> String {
    if fonts.width(face, text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if fonts.width(face, &out, size) + fonts.width(face, &format!("{c}\u{2026}"), size) > width
        {
            break;
        }
        out.push(c);
    }
    out.push('\u{2026}');
    out
}

fn running(doc: &mut Document, fonts: &FontSet, run: &Running) {
    let g = doc.geometry;
    let total = doc.pages.len();
    let size = 7.5;
    let half = g.content_width() / 2.0 - 8.0;
    for (i, page) in doc.pages.iter_mut().enumerate() {
        if page.kind == PageKind::Cover {
            continue;
        }
        let head_y = g.top - 26.0;
        let org = truncate_to(fonts, &run.organisation, Face::Regular, size, half);
        let class = truncate_to(fonts, &run.classification, Face::Bold, size, half);
        let cw = fonts.width(Face::Bold, &class, size);
        let foot_y = g.height - g.bottom + 30.0;
        let number = format!("Page {} of {}", i + 1, total);
        let nw = fonts.width(Face::Regular, &number, size);
        let footer = truncate_to(fonts, &run.footer, Face::Regular, size, half);
        let mut items = Vec::new();
        for (x, text, face, y) in [
            (g.left, org, Face::Regular, head_y),
            (g.width - g.right - cw, class, Face::Bold, head_y),
            (g.left, footer, Face::Regular, foot_y),
            (g.width - g.right - nw, number, Face::Regular, foot_y),
        ] {
            let mut pen = x;
            for (f, run_text) in fonts.runs(face, &text) {
                let w = fonts.width(f, &run_text, size);
                items.push(Item::Text {
                    x: pen,
                    y,
                    size,
                    face: f,
                    text: run_text,
                    color: MUTED,
                });
                pen += w;
            }
        }
        items.push(Item::Line {
            x1: g.left,
            y1: head_y + 6.0,
            x2: g.width - g.right,
            y2: head_y + 6.0,
            width: 0.5,
            color: RULE,
            dashed: false,
        });
        items.push(Item::Line {
            x1: g.left,
            y1: foot_y - 11.0,
            x2: g.width - g.right,
            y2: foot_y - 11.0,
            width: 0.5,
            color: RULE,
            dashed: false,
        });
        page.items.extend(items);
    }
}

/// Lay out a whole report.
pub fn layout(
    blocks: &[Block],
    figures: &[Figure],
    fonts: &FontSet,
    paper: Paper,
    run: &Running,
) -> Document {
    let geo = Geometry::new(paper);
    let mut flow = Flow {
        ts: Typesetter { fonts },
        fonts,
        figures,
        geo,
        pages: Vec::new(),
        y: geo.top,
        headings: Vec::new(),
        slugs: Slugger::default(),
        figure_no: 0,
    };
    // The cover: everything before the first page break, or up to the first
    // section heading when a template has no break.
    let split = blocks
        .iter()
        .position(|b| *b == Block::PageBreak)
        .filter(|i| *i < 12)
        .or_else(|| {
            blocks
                .iter()
                .position(|b| matches!(b, Block::Heading { level: 2, .. }))
        })
        .unwrap_or(0);
    let (front, body) = blocks.split_at(split);
    cover(&mut flow, front);
    let toc_count = contents_pages(count_contents(body), &geo);
    for _ in 0..toc_count {
        flow.pages.push(Page {
            kind: PageKind::Contents,
            items: Vec::new(),
        });
    }
    flow.new_page();
    let body = match body.first() {
        Some(Block::PageBreak) => &body[1..],
        _ => body,
    };
    flow.blocks(body, geo.left, geo.content_width());
    // A trailing page break or gap can leave an empty last page.
    while flow.pages.len() > 1 + toc_count && flow.pages.last().is_some_and(|p| p.items.is_empty())
    {
        flow.pages.pop();
    }
    let mut doc = Document {
        geometry: geo,
        pages: flow.pages,
        headings: flow.headings,
    };
    fill_contents(&mut doc, fonts, 1, toc_count);
    running(&mut doc, fonts, run);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> FontSet {
        FontSet::new(None).unwrap()
    }

    fn text(t: &str) -> Vec<Span> {
        vec![Span {
            text: t.into(),
            style: Style::default(),
            link: None,
        }]
    }

    fn run() -> Running {
        Running {
            organisation: "Org".into(),
            classification: "Confidential".into(),
            footer: "Footer".into(),
        }
    }

    fn doc(blocks: Vec<Block>) -> Document {
        let mut all = vec![
            Block::Heading {
                level: 1,
                spans: text("Title"),
            },
            Block::PageBreak,
        ];
        all.extend(blocks);
        layout(&all, &[], &fonts(), Paper::A4, &run())
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    fn paragraph(words: usize) -> Block {
        Block::Paragraph(text(&vec!["assessment"; words].join(" ")))
    }

    #[test]
    fn cover_then_contents_then_body_with_running_header_and_footer() {
        let d = doc(vec![
            Block::Heading {
                level: 2,
                spans: text("Summary"),
            },
            paragraph(10),
        ]);
        assert_eq!(d.pages.len(), 3);
        assert_eq!(d.pages[0].kind, PageKind::Cover);
        assert_eq!(d.pages[1].kind, PageKind::Contents);
        assert!(
            !texts(&d.pages[0]).iter().any(|t| t.starts_with("Page ")),
            "no footer on the cover"
        );
        for (i, page) in d.pages.iter().enumerate().skip(1) {
            let t = texts(page);
            assert!(
                t.contains(&format!("Page {} of 3", i + 1).as_str()),
                "{t:?}"
            );
            assert!(t.contains(&"Org") && t.contains(&"Confidential"));
        }
        // The contents page gives the real page of the section.
        let contents = texts(&d.pages[1]);
        let at = contents.iter().position(|t| *t == "Summary").unwrap();
        assert!(contents[at..].contains(&"3"));
        let h = d.headings.iter().find(|h| h.title == "Summary").unwrap();
        assert_eq!(h.page, 2);
    }

    #[test]
    fn every_word_stays_inside_the_margins() {
        let long_word = "x".repeat(400);
        let d = doc(vec![
            Block::Paragraph(text(&format!("{long_word} and a normal sentence after it"))),
            Block::Table {
                align: vec![Align::Left, Align::Right],
                head: vec![text("Name"), text("Amount")],
                rows: (0..5)
                    .map(|i| vec![text(&format!("{long_word}{i}")), text("1,234,567")])
                    .collect(),
            },
        ]);
        let f = fonts();
        let g = d.geometry;
        for page in &d.pages[1..] {
            for item in &page.items {
                if let Item::Text {
                    x,
                    size,
                    face,
                    text,
                    ..
                } = item
                {
                    let w = f.width(*face, text, *size);
                    assert!(
                        *x >= g.left - 0.01 && x + w <= g.width - g.right + 0.01,
                        "{text:?} at {x}+{w}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_heading_is_never_the_last_thing_on_a_page() {
        for fill in 30..60 {
            let mut blocks: Vec<Block> = (0..fill).map(|_| paragraph(6)).collect();
            blocks.push(Block::Heading {
                level: 2,
                spans: text("Late section"),
            });
            blocks.push(paragraph(40));
            let d = doc(blocks);
            let h = d
                .headings
                .iter()
                .find(|h| h.title == "Late section")
                .unwrap();
            // Something of the section's body follows the heading on its page.
            let body_after = d.pages[h.page].items.iter().any(|i| matches!(i, Item::Text { y, text, .. } if *y > h.y + 20.0 && text.contains("assessment")));
            assert!(
                body_after,
                "heading stranded with {fill} paragraphs before it"
            );
        }
    }

    fn table(rows: usize) -> Block {
        Block::Table {
            align: vec![Align::Left, Align::Right],
            head: vec![text("Year"), text("Total")],
            rows: (0..rows)
                .map(|i| vec![text(&format!("row {i}")), text(&format!("{}", i * 1000))])
                .collect(),
        }
    }

    #[test]
    fn a_long_table_breaks_between_rows_and_repeats_its_header() {
        let d = doc(vec![table(120)]);
        let body: Vec<&Page> = d
            .pages
            .iter()
            .filter(|p| p.kind == PageKind::Body)
            .collect();
        assert!(body.len() >= 3);
        let mut seen = Vec::new();
        for page in &body {
            let t = texts(page);
            assert_eq!(
                t.iter().filter(|x| **x == "Year").count(),
                1,
                "header repeated once per page"
            );
            seen.extend(
                t.iter()
                    .filter(|x| x.starts_with("row "))
                    .map(|x| x.to_string()),
            );
            // The last row never sits alone on a page.
            let rows_here = t.iter().filter(|x| x.starts_with("row ")).count();
            assert!(rows_here >= 2);
        }
        assert_eq!(
            seen,
            (0..120).map(|i| format!("row {i}")).collect::<Vec<_>>(),
            "every row once, in order"
        );
    }

    #[test]
    fn a_short_table_is_moved_whole_rather_than_split() {
        let mut blocks: Vec<Block> = (0..45).map(|_| paragraph(6)).collect();
        blocks.push(table(8));
        let d = doc(blocks);
        let pages_with_rows: Vec<usize> = d
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| texts(p).iter().any(|t| t.starts_with("row ")))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            pages_with_rows.len(),
            1,
            "short table split across {pages_with_rows:?}"
        );
    }

    #[test]
    fn page_break_markers_force_a_new_page() {
        let d = doc(vec![paragraph(5), Block::PageBreak, paragraph(5)]);
        let body: Vec<&Page> = d
            .pages
            .iter()
            .filter(|p| p.kind == PageKind::Body)
            .collect();
        assert_eq!(body.len(), 2);
    }

    #[test]
    fn numbers_in_right_aligned_columns_share_a_right_edge() {
        let d = doc(vec![table(6)]);
        let f = fonts();
        let edges: Vec<f32> = d.pages[2]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    x,
                    size,
                    face,
                    text,
                    ..
                } if text.chars().all(|c| c.is_ascii_digit()) && !text.is_empty() => {
                    Some(x + f.width(*face, text, *size))
                }
                _ => None,
            })
            .collect();
        assert!(edges.len() >= 6);
        assert!(
            edges.windows(2).all(|w| (w[0] - w[1]).abs() < 0.01),
            "{edges:?}"
        );
    }

    #[test]
    fn column_allocation_keeps_short_columns_on_one_line() {
        let widths = allocate(&[30.0, 40.0, 35.0], &[45.0, 600.0, 50.0], 400.0);
        assert!((widths.iter().sum::<f32>() - 400.0).abs() < 0.01);
        assert_eq!(widths[0], 45.0);
        assert_eq!(widths[2], 50.0);
    }
}
