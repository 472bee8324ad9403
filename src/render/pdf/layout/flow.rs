//! The page flow: blocks placed top-down, page after page.
//!
//! Owns the cursor (`y` on the current page), page breaks and the
//! keep-together rules: a heading is kept with the start of what follows
//! it, a paragraph leaves no single line at the foot of a page, a list
//! item's marker stays with its first lines, and a call-out box is moved
//! whole. Tables and charts are placed by `grid` and `figure`, which extend
//! [`Flow`].

use super::inline::{Token, Typesetter};
use super::theme::Theme;
use super::{Element, Geometry, HeadingPlace, Item, Mark, Page, PageKind, Role, EPS};

/// A heading is kept with what it introduces only while both together take
/// no more than this share of a page.
const KEEP_WITH_SHARE: f32 = 0.6;
/// The cursor counts as at the top of a page this close to it.
const AT_TOP: f32 = 0.5;
/// The rule above the footnotes spans this share of the column.
const FOOTNOTE_RULE: f32 = 0.3;
/// Deeply nested text still gets this much width (points).
const MIN_TEXT_WIDTH: f32 = 120.0;
use crate::render::charts::{Color, Figure};
use crate::render::pdf::blocks::{self, plain_text, Align, Block, Footnote, Span, Style};
use crate::render::pdf::fonts::{Face, FontSet};
use crate::render::slug::Slugger;
use crate::render::Picture;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A table set at one width: its columns, its cells as lines of tokens and
/// the rows' heights. Planned by [`super::grid`], kept by the flow so a
/// table measured once (to see whether it fits) is not set again.
pub(super) struct TablePlan {
    pub(super) widths: Vec<f32>,
    pub(super) aligns: Vec<Align>,
    pub(super) head: Vec<Vec<Vec<Token>>>,
    pub(super) head_height: f32,
    pub(super) rows: Vec<Vec<Vec<Vec<Token>>>>,
    pub(super) row_heights: Vec<f32>,
}

pub(super) struct Flow<'a> {
    pub(super) ts: Typesetter<'a>,
    pub(super) fonts: &'a FontSet,
    pub(super) theme: &'a Theme,
    pub(super) figures: &'a [Figure],
    pub(super) pictures: &'a [Picture],
    pub(super) geo: Geometry,
    pub(super) pages: Vec<Page>,
    pub(super) y: f32,
    pub(super) headings: Vec<HeadingPlace>,
    pub(super) slugs: Slugger,
    pub(super) figure_no: usize,
    /// Table plans made so far, by table and width (see `table_plan`).
    pub(super) plans: RefCell<HashMap<PlanKey, Rc<TablePlan>>>,
    /// Body paragraphs' lines, by text and width (see `body_lines`).
    pub(super) paragraphs: RefCell<HashMap<ParagraphKey, Rc<Vec<Vec<Token>>>>>,
    /// The logical structure made so far, in reading order.
    pub(super) structure: Vec<Element>,
    /// The elements open at the cursor, the document first.
    pub(super) open: Vec<usize>,
    /// A page (index) whose text area ends this much higher, so that more
    /// of the document runs over to the last page.
    pub(super) shortened: Option<(usize, f32)>,
}

/// A paragraph's text (address and length) and the width.
pub(super) type ParagraphKey = (usize, usize, u32);

/// A table's aligns, head and rows (addresses and lengths) and the width.
pub(super) type PlanKey = (usize, usize, usize, (usize, usize, usize), u32);

impl<'a> Flow<'a> {
    pub(super) fn items(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            let mark = Mark::Element(self.current());
            self.pages.push(Page::new(PageKind::Body, mark));
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].items
    }

    pub(super) fn new_page(&mut self) {
        let mark = Mark::Element(self.current());
        self.pages.push(Page::new(PageKind::Body, mark));
        self.y = self.geo.top;
    }

    /// The innermost open structure element.
    pub(super) fn current(&self) -> usize {
        self.open.last().copied().unwrap_or(0)
    }

    /// A new structure element under the current one, not opened.
    pub(super) fn element(&mut self, role: Role) -> usize {
        self.element_under(role, self.current())
    }

    pub(super) fn element_under(&mut self, role: Role, parent: usize) -> usize {
        self.structure.push(Element {
            role,
            parent,
            alt: None,
        });
        self.structure.len() - 1
    }

    /// Open a structure element under the current one: what is placed
    /// until [`Flow::close`] is its content.
    pub(super) fn open(&mut self, role: Role) -> usize {
        let id = self.element(role);
        self.open.push(id);
        self.mark(Mark::Element(id));
        id
    }

    /// Close the innermost open element.
    pub(super) fn close(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
        self.mark(Mark::Element(self.current()));
    }

    /// Set what the next items are; a mark that nothing follows is
    /// replaced rather than kept.
    pub(super) fn mark(&mut self, mark: Mark) {
        let items = self.items();
        match items.last_mut() {
            Some(Item::Mark(last)) => *last = mark,
            _ => items.push(Item::Mark(mark)),
        }
    }

    /// Place decoration (rules, shading): artifacts, not content.
    pub(super) fn decoration(&mut self, items: impl IntoIterator<Item = Item>) {
        self.mark(Mark::Artifact);
        self.items().extend(items);
        self.mark(Mark::Element(self.current()));
    }

    pub(super) fn at_top(&self) -> bool {
        self.y <= self.geo.top + AT_TOP
    }

    pub(super) fn room(&self) -> f32 {
        let short = match self.shortened {
            Some((page, by)) if page + 1 == self.pages.len() => by,
            _ => 0.0,
        };
        self.geo.content_bottom() - short - self.y
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

    /// A heading's lines, wrapped at `text_width` (the measure).
    pub(super) fn heading_lines(
        &self,
        spans: &[Span],
        level: u8,
        text_width: f32,
    ) -> Vec<Vec<Token>> {
        let style = self.theme.headings.level(level);
        self.ts.wrap(
            self.ts.tokens(spans, Face::Bold, style.size, style.color),
            text_width,
            style.size,
        )
    }

    pub(super) fn heading_height(&self, spans: &[Span], level: u8, width: f32) -> f32 {
        let h = &self.theme.headings;
        let style = h.level(level);
        let lines = self
            .heading_lines(spans, level, self.text_width(width))
            .len()
            .max(1) as f32;
        lines * style.size * h.line + style.after + if level == 2 { h.rule_space } else { 0.0 }
    }

    /// A body paragraph's lines in a column `width` wide that ends at the
    /// right margin (the measure applied), for the height estimates.
    fn body_lines(&self, spans: &[Span], width: f32) -> Rc<Vec<Vec<Token>>> {
        self.wrap_body(spans, self.text_width(width))
    }

    /// A body paragraph's lines at `width`, broken once per layout: the
    /// keep-together rules count a paragraph's lines before it is placed.
    fn wrap_body(&self, spans: &[Span], width: f32) -> Rc<Vec<Vec<Token>>> {
        // The blocks outlive the layout, so their address names the text.
        let key = (spans.as_ptr() as usize, spans.len(), width.to_bits());
        if let Some(lines) = self.paragraphs.borrow().get(&key) {
            return Rc::clone(lines);
        }
        let b = &self.theme.body;
        let ink = self.theme.palette.ink;
        let lines = Rc::new(self.ts.wrap(
            self.ts.tokens(spans, Face::Regular, b.size, ink),
            width,
            b.size,
        ));
        self.paragraphs.borrow_mut().insert(key, Rc::clone(&lines));
        lines
    }

    /// The height of one body line.
    fn body_line(&self) -> f32 {
        self.theme.body.size * self.theme.body.leading
    }

    /// The least of `block` that must fit under a heading for the heading to
    /// stay on this page.
    pub(super) fn min_height(&self, block: &Block, width: f32) -> f32 {
        let t = self.theme;
        match block {
            Block::Image { path, .. } if self.drawable(path).is_some() => {
                self.picture_height(path, width)
            }
            Block::Paragraph(spans) | Block::Image { shown: spans, .. } => {
                let lines = self.body_lines(spans, width).len().min(2);
                lines.max(1) as f32 * t.body.size * t.body.leading
            }
            Block::List { items, .. } => items
                .first()
                .and_then(|i| i.first())
                .map_or(self.body_line(), |b| {
                    self.min_height(b, width - t.list.indent)
                }),
            Block::Table { align, head, rows } => {
                let plan = self.table_plan(align, head, rows, width);
                if self.is_short(&plan) {
                    plan.height()
                } else {
                    plan.head_height + plan.row_heights.first().copied().unwrap_or(0.0)
                }
            }
            Block::Chart { name, .. } => self.chart_height(name, width),
            Block::Quote(inner) => {
                self.measure(inner, width - t.quote.narrower) + 2.0 * t.quote.pad
            }
            Block::Heading { spans, level } => {
                self.heading_height(spans, *level, width) + t.body.size * t.body.leading * 2.0
            }
            Block::Code(text) => {
                (text.lines().count().min(2) as f32) * t.body.size * t.body.leading
            }
            Block::Rule | Block::PageBreak => 0.0,
            Block::Footnotes(_) => t.rule.height + self.body_line(),
        }
    }

    /// Full height of blocks laid out at `width` (no page breaks).
    pub(super) fn measure(&self, blocks: &[Block], width: f32) -> f32 {
        let t = self.theme;
        let mut h = 0.0;
        for (i, b) in blocks.iter().enumerate() {
            h += match b {
                Block::Image { path, .. } if self.drawable(path).is_some() => {
                    self.picture_height(path, width)
                }
                Block::Paragraph(spans) | Block::Image { shown: spans, .. } => {
                    self.body_lines(spans, width).len() as f32 * t.body.size * t.body.leading
                }
                Block::List { items, .. } => items
                    .iter()
                    .map(|item| self.measure(item, width - t.list.indent) + t.list.item_gap)
                    .sum(),
                Block::Table { align, head, rows } => {
                    self.table_plan(align, head, rows, width).height()
                }
                Block::Chart { name, .. } => self.chart_height(name, width),
                Block::Quote(inner) => {
                    self.measure(inner, width - t.quote.narrower) + 2.0 * t.quote.pad
                }
                Block::Heading { spans, level } => self.heading_height(spans, *level, width),
                Block::Code(text) => text.lines().count() as f32 * t.body.size * t.body.leading,
                Block::Rule | Block::PageBreak => t.rule.measured,
                Block::Footnotes(notes) => {
                    t.rule.height
                        + notes
                            .iter()
                            .map(|n| {
                                self.measure(&n.blocks, width - t.list.indent) + t.list.item_gap
                            })
                            .sum::<f32>()
                }
            };
            if i + 1 < blocks.len() {
                h += t.body.gap;
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
    /// that is a short introduction, the start of what it introduces; when
    /// it is another heading, that heading and what must fit below it.
    pub(super) fn keep_with(&self, rest: &[Block], width: f32) -> f32 {
        match rest {
            [Block::Heading { spans, level }, tail @ ..] => {
                let h = self.theme.headings.level(*level);
                let whole = h.before
                    + self.heading_height(spans, *level, width)
                    + self.keep_with(tail, width);
                if whole <= self.geo.content_height() * KEEP_WITH_SHARE {
                    whole
                } else {
                    self.min_height(&rest[0], width)
                }
            }
            [Block::Paragraph(spans), next, ..]
                if matches!(
                    next,
                    Block::Table { .. } | Block::Chart { .. } | Block::List { .. }
                ) =>
            {
                let b = &self.theme.body;
                let intro = self.body_lines(spans, width).len() as f32 * b.size * b.leading;
                let whole = intro + b.gap + self.min_height(next, width);
                // Only when the pair fits on a page at all.
                if whole <= self.geo.content_height() * KEEP_WITH_SHARE {
                    whole
                } else {
                    self.min_height(&rest[0], width)
                }
            }
            [first, ..] => self.min_height(first, width),
            [] => 0.0,
        }
    }

    /// The width running text gets at `x` in a column `width` wide: it
    /// keeps to the measure (tables and charts take the full width).
    pub(super) fn text_width_at(&self, x: f32, width: f32) -> f32 {
        let right = self.geo.left + self.theme.body.measure;
        (right - x).clamp(width.min(MIN_TEXT_WIDTH), width)
    }

    /// [`Flow::text_width_at`] for a column that ends at the right margin,
    /// as the estimates of a block's height assume.
    pub(super) fn text_width(&self, width: f32) -> f32 {
        let x = self.geo.left + self.geo.content_width() - width;
        self.text_width_at(x, width)
    }

    pub(super) fn block(&mut self, block: &Block, rest: &[Block], x: f32, width: f32) {
        let t = self.theme;
        match block {
            Block::Heading { level, spans } => self.heading(*level, spans, rest, x, width),
            Block::Image { path, .. } if self.drawable(path).is_some() => {
                self.picture(path, x, width, t.picture.max_height);
                self.y += t.body.gap;
            }
            Block::Paragraph(spans) | Block::Image { shown: spans, .. } => {
                self.open(Role::P);
                self.paragraph(spans, x, width, &TextStyle::body(t));
                self.close();
                self.y += t.body.gap;
            }
            Block::List { start, items } => {
                self.open(Role::L);
                self.list(*start, items, x, width);
                self.close();
                self.y += t.list.after;
            }
            Block::Quote(inner) => {
                self.open(Role::BlockQuote);
                self.quote(inner, x, width);
                self.close();
            }
            Block::Table { align, head, rows } => {
                self.open(Role::Table);
                self.table(align, head, rows, x, width);
                self.close();
                self.y += t.body.gap + t.table.after;
            }
            Block::Chart { name, alt } => self.chart(name, alt, x, width),
            Block::Rule => self.rule(x, width),
            Block::Code(text) => {
                self.open(Role::Code);
                self.code(text, x, width);
                self.close();
            }
            Block::Footnotes(notes) => {
                self.footnotes(notes, x, width);
                self.y += t.list.after;
            }
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
        }
    }

    fn rule(&mut self, x: f32, width: f32) {
        let r = self.theme.rule;
        self.fit(r.height);
        let y = self.y + r.offset;
        let color = self.theme.palette.rule;
        self.decoration([Item::Line {
            x1: x,
            y1: y,
            x2: x + width,
            y2: y,
            width: r.width,
            color,
            dashed: false,
        }]);
        self.y += r.height;
    }

    fn code(&mut self, text: &str, x: f32, width: f32) {
        let t = self.theme;
        let style = TextStyle {
            size: t.code.size,
            face: Face::Mono,
            color: t.palette.muted,
            align: Align::Left,
        };
        for line in text.lines() {
            // Indentation is kept: leading spaces (and tabs, as four) become
            // no-break spaces, which the line breaker neither drops nor
            // breaks at.
            let body = line.trim_start_matches([' ', '\t']);
            let indent: String = line[..line.len() - body.len()]
                .chars()
                .map(|c| {
                    if c == '\t' {
                        "\u{a0}".repeat(4)
                    } else {
                        "\u{a0}".into()
                    }
                })
                .collect();
            let spans = [Span {
                text: format!("{indent}{body}"),
                style: Style::default(),
                link: None,
            }];
            self.paragraph(&spans, x + t.code.indent, width - t.code.indent, &style);
        }
        self.y += t.body.gap;
    }

    pub(super) fn heading(
        &mut self,
        level: u8,
        spans: &[Span],
        rest: &[Block],
        x: f32,
        width: f32,
    ) {
        let h = self.theme.headings;
        let style = h.level(level);
        let own = self.heading_height(spans, level, width);
        let with_next = own + self.keep_with(rest, width);
        self.space(style.before);
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
        let size = style.size;
        let lines = self.heading_lines(spans, level, self.text_width_at(x, width));
        self.open(Role::Heading(level));
        for line in &lines {
            let baseline = self.y + size;
            let mut items = Vec::new();
            self.ts
                .emit_line(line, x, baseline, width, Align::Left, size, &mut items);
            self.items().extend(items);
            self.y += size * h.line;
        }
        self.close();
        if level == 2 {
            let y = self.y + h.rule_offset;
            self.decoration([Item::Line {
                x1: x,
                y1: y,
                x2: x + width,
                y2: y,
                width: h.rule_width,
                color: style.color,
                dashed: false,
            }]);
            self.y += h.rule_space;
        }
        self.y += style.after;
    }

    pub(super) fn paragraph(&mut self, spans: &[Span], x: f32, width: f32, style: &TextStyle) {
        let size = style.size;
        let width = self.text_width_at(x, width);
        let lines = if *style == TextStyle::body(self.theme) {
            self.wrap_body(spans, width)
        } else {
            Rc::new(self.ts.wrap(
                self.ts.tokens(spans, style.face, size, style.color),
                width,
                size,
            ))
        };
        let line_h = size * self.theme.body.leading;
        let n = lines.len();
        let mut i = 0;
        while i < n {
            let fits = ((self.room() + EPS) / line_h).floor().max(0.0) as usize;
            let left = n - i;
            // Where the page breaks inside the paragraph: at least two lines
            // before the break (no orphan) and two after it (no widow).
            let take = if fits >= left {
                left
            } else if left - fits < 2 {
                left.saturating_sub(2).min(fits)
            } else {
                fits
            };
            // Too few lines fit here: start the paragraph on the next page
            // (at the top of a page, a paragraph taller than a page gets
            // as many lines as fit).
            if (take < 2.min(left) || take == 0) && !self.at_top() {
                self.new_page();
                continue;
            }
            let take = if take == 0 { fits.clamp(1, left) } else { take };
            for line in &lines[i..i + take] {
                let baseline = self.y + size * self.theme.body.baseline;
                let mut items = Vec::new();
                self.ts
                    .emit_line(line, x, baseline, width, style.align, size, &mut items);
                self.items().extend(items);
                self.y += line_h;
            }
            i += take;
            if i < n {
                self.new_page();
            }
        }
    }

    pub(super) fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], x: f32, width: f32) {
        let entries: Vec<(String, &[Block])> = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                // A task's box is its marker.
                if let Some((mark, rest)) = blocks::task_box(item) {
                    return (mark.to_string(), rest);
                }
                let marker = match start {
                    Some(n) => format!("{}.", n.saturating_add(i as u64)),
                    None => "\u{2022}".to_string(),
                };
                (marker, item.as_slice())
            })
            .collect();
        self.marked(&entries, x, width, Role::LI);
    }

    /// The document's footnotes, after a short rule, each under its number.
    fn footnotes(&mut self, notes: &[Footnote], x: f32, width: f32) {
        let r = self.theme.rule;
        self.fit(r.height + self.body_line());
        let y = self.y + r.offset;
        let color = self.theme.palette.rule;
        self.decoration([Item::Line {
            x1: x,
            y1: y,
            x2: x + width * FOOTNOTE_RULE,
            y2: y,
            width: r.width,
            color,
            dashed: false,
        }]);
        self.y += r.height;
        let entries: Vec<(String, &[Block])> = notes
            .iter()
            .map(|n| (format!("{}.", n.number), n.blocks.as_slice()))
            .collect();
        self.marked(&entries, x, width, Role::Note);
    }

    /// Items each under a marker set right-aligned in the indent: list
    /// items and footnotes. Each entry is an element of `role` holding a
    /// label (the marker) and a body.
    fn marked(&mut self, entries: &[(String, &[Block])], x: f32, width: f32, role: Role) {
        let t = self.theme;
        let indent = t.list.indent;
        let size = t.body.size;
        for (marker, item) in entries {
            // The item's first lines and its marker land on the same page.
            if let Some(first) = item.first() {
                self.fit(self.min_height(first, width - indent));
            }
            let baseline = self.y + size * t.body.baseline;
            let mw = self.fonts.width(Face::Regular, marker, size);
            let mut pen = x + indent - t.list.marker_gap - mw;
            self.open(role);
            self.open(Role::Lbl);
            for (face, text) in self.fonts.runs(Face::Regular, marker) {
                let w = self.fonts.width(face, &text, size);
                self.items().push(Item::Text {
                    x: pen,
                    y: baseline,
                    size,
                    face,
                    text,
                    color: t.palette.ink,
                });
                pen += w;
            }
            self.close();
            self.open(Role::LBody);
            for (j, b) in item.iter().enumerate() {
                match b {
                    // Paragraphs inside a list are tight.
                    Block::Paragraph(spans) => {
                        self.open(Role::P);
                        self.paragraph(spans, x + indent, width - indent, &TextStyle::body(t));
                        self.close();
                    }
                    other => self.block(other, &item[j + 1..], x + indent, width - indent),
                }
            }
            self.close();
            self.close();
            self.y += t.list.item_gap;
        }
    }

    pub(super) fn quote(&mut self, inner: &[Block], x: f32, width: f32) {
        let q = self.theme.quote;
        // Estimated as the other blocks are (from the full column), then
        // set to the measure with its text.
        let h = self.measure(inner, width - q.narrower) + 2.0 * q.pad;
        let width = self.text_width_at(x, width);
        let gap = self.theme.body.gap;
        let pad = q.pad;
        let inner_w = width - q.narrower;
        self.fit(h);
        let page = self.pages.len() - 1;
        let at = self.items().len();
        let quote = self.current();
        let top = self.y;
        self.y += pad;
        self.blocks(inner, x + q.inset, inner_w);
        // The last inner block leaves a gap below it; the box ends at its text.
        let bottom = self.y - gap + pad;
        if self.pages.len() - 1 == page {
            let bg = [
                Item::Mark(Mark::Artifact),
                Item::Rect {
                    x,
                    y: top,
                    w: width,
                    h: bottom - top,
                    fill: self.theme.palette.callout,
                },
                Item::Rect {
                    x,
                    y: top,
                    w: q.bar,
                    h: bottom - top,
                    fill: self.theme.palette.accent,
                },
                Item::Mark(Mark::Element(quote)),
            ];
            self.pages[page].items.splice(at..at, bg);
        }
        self.y = bottom + gap + q.after;
    }
}

/// How a run of paragraph text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct TextStyle {
    pub(super) size: f32,
    pub(super) face: Face,
    pub(super) color: Color,
    pub(super) align: Align,
}

impl TextStyle {
    /// Body text.
    pub(super) fn body(t: &Theme) -> TextStyle {
        TextStyle {
            size: t.body.size,
            face: Face::Regular,
            color: t.palette.ink,
            align: Align::Left,
        }
    }
}
