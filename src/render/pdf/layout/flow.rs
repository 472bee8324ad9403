//! The page flow: blocks placed top-down, page after page.
//!
//! Owns the cursor (`y` on the current page), page breaks and the
//! keep-together rules: a heading is kept with the start of what follows
//! it, a paragraph leaves no single line at the foot of a page, a list
//! item's marker stays with its first lines, and a call-out box is moved
//! whole. Tables and charts are placed by `grid` and `figure`, which extend
//! [`Flow`].

use super::inline::{Token, Typesetter};
use super::{
    Geometry, HeadingPlace, Item, Page, PageKind, ACCENT, BODY, CALLOUT, EPS, GAP, INK, LEADING,
    MUTED, RULE,
};
use crate::render::charts::{Color, Figure};
use crate::render::pdf::blocks::{plain_text, Align, Block, Span, Style};
use crate::render::pdf::fonts::{Face, FontSet};
use crate::render::slug::Slugger;

pub(super) struct Flow<'a> {
    pub(super) ts: Typesetter<'a>,
    pub(super) fonts: &'a FontSet,
    pub(super) figures: &'a [Figure],
    pub(super) geo: Geometry,
    pub(super) pages: Vec<Page>,
    pub(super) y: f32,
    pub(super) headings: Vec<HeadingPlace>,
    pub(super) slugs: Slugger,
    pub(super) figure_no: usize,
}

impl<'a> Flow<'a> {
    pub(super) fn items(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Page {
                kind: PageKind::Body,
                items: Vec::new(),
            });
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].items
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page {
            kind: PageKind::Body,
            items: Vec::new(),
        });
        self.y = self.geo.top;
    }

    pub(super) fn at_top(&self) -> bool {
        self.y <= self.geo.top + 0.5
    }

    pub(super) fn room(&self) -> f32 {
        self.geo.content_bottom() - self.y
    }

    /// Start a new page unless `h` fits in what is left of this one.
    pub(super) fn fit(&mut self, h: f32) {
        if h > self.room() + EPS && !self.at_top() {
            self.new_page();
        }
    }

    pub(super) fn space(&mut self, h: f32) {
        if !self.at_top() {
            self.y += h;
        }
    }

    pub(super) fn heading_style(level: u8) -> (f32, Color, f32, f32) {
        // size, colour, space before, space after
        match level {
            1 => (20.0, ACCENT, 10.0, 10.0),
            2 => (14.5, ACCENT, 16.0, 8.0),
            3 => (11.0, INK, 10.0, 4.0),
            _ => (10.0, INK, 8.0, 3.0),
        }
    }

    pub(super) fn heading_lines(&self, spans: &[Span], level: u8, width: f32) -> Vec<Vec<Token>> {
        let (size, color, _, _) = Self::heading_style(level);
        self.ts
            .wrap(self.ts.tokens(spans, Face::Bold, size, color), width, size)
    }

    pub(super) fn heading_height(&self, spans: &[Span], level: u8, width: f32) -> f32 {
        let (size, _, _, after) = Self::heading_style(level);
        let lines = self.heading_lines(spans, level, width).len().max(1) as f32;
        lines * size * 1.25 + after + if level == 2 { 5.0 } else { 0.0 }
    }

    /// The least of `block` that must fit under a heading for the heading to
    /// stay on this page.
    pub(super) fn min_height(&self, block: &Block, width: f32) -> f32 {
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
    pub(super) fn measure(&self, blocks: &[Block], width: f32) -> f32 {
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

    pub(super) fn blocks(&mut self, blocks: &[Block], x: f32, width: f32) {
        for (i, block) in blocks.iter().enumerate() {
            self.block(block, &blocks[i + 1..], x, width);
        }
    }

    /// What must fit below a heading: the start of the next block, and when
    /// that is a short introduction, the start of what it introduces.
    pub(super) fn keep_with(&self, rest: &[Block], width: f32) -> f32 {
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

    pub(super) fn block(&mut self, block: &Block, rest: &[Block], x: f32, width: f32) {
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

    pub(super) fn heading(
        &mut self,
        level: u8,
        spans: &[Span],
        rest: &[Block],
        x: f32,
        width: f32,
    ) {
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
    pub(super) fn paragraph(
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

    pub(super) fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], x: f32, width: f32) {
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

    pub(super) fn quote(&mut self, inner: &[Block], x: f32, width: f32) {
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
}
