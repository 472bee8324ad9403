//! Tables: column planning, rows, and splitting across pages.
//!
//! Column widths are negotiated from each column's longest word and its
//! one-line width ([`allocate`]). A table no taller than a share of the page
//! is moved whole; a longer one breaks between rows, never leaves its last
//! row alone, and repeats its header row on every page it spans.

use super::flow::{Flow, TablePlan};
use super::inline::{Token, Typesetter};
use super::{Item, Mark, Role, EPS};
use crate::render::pdf::blocks::{Align, Span};
use crate::render::pdf::fonts::Face;
use std::rc::Rc;

/// A column whose one-line width costs no more than this share of the spare
/// width gets it in full.
const CHEAP_SHARE: f32 = 0.25;

impl TablePlan {
    pub(super) fn height(&self) -> f32 {
        self.head_height + self.row_heights.iter().sum::<f32>()
    }
}

/// Column widths: each column gets its longest word; spare width then goes
/// first to the columns that need least to fit on one line, so short columns
/// (numbers, dates, labels) never wrap while long text columns share the rest.
pub(super) fn allocate(min: &[f32], pref: &[f32], width: f32) -> Vec<f32> {
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
        return capped_minimums(min, width);
    }
    let mut widths = min.to_vec();
    let mut spare = width - sum_min;
    let mut order: Vec<usize> = (0..min.len()).collect();
    order.sort_by(|a, b| (pref[*a] - min[*a]).total_cmp(&(pref[*b] - min[*b])));
    let mut open: Vec<usize> = Vec::new();
    for c in order {
        let need = pref[c] - min[c];
        // A column whose one-line width costs little of what is left gets it.
        if need <= spare * CHEAP_SHARE || need <= 0.0 {
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

/// Widths when the longest words alone are wider than the table: every
/// column whose longest word fits a fair share keeps it whole, and the
/// columns with longer ones share what is left equally and break their
/// words. Scaling every column down instead would leave a 200-character
/// name most of the width and break the numbers beside it a digit a line,
/// with glyphs wider than their columns.
fn capped_minimums(min: &[f32], width: f32) -> Vec<f32> {
    let mut sorted = min.to_vec();
    sorted.sort_by(f32::total_cmp);
    let mut left = width;
    let mut cap = f32::INFINITY;
    for (i, m) in sorted.iter().enumerate() {
        let share = left / (sorted.len() - i) as f32;
        if *m > share {
            cap = share;
            break;
        }
        left -= m;
    }
    min.iter().map(|m| m.min(cap)).collect()
}

impl Flow<'_> {
    /// The plan of a table at `width`, made once per layout: the keep-with
    /// rules ask for a table's height before it is placed.
    pub(super) fn table_plan(
        &self,
        aligns: &[Align],
        head: &[Vec<Span>],
        rows: &[Vec<Vec<Span>>],
        width: f32,
    ) -> Rc<TablePlan> {
        // The blocks outlive the layout, so their addresses name the table.
        let key = (
            aligns.as_ptr() as usize,
            head.as_ptr() as usize,
            rows.as_ptr() as usize,
            (aligns.len(), head.len(), rows.len()),
            width.to_bits(),
        );
        if let Some(plan) = self.plans.borrow().get(&key) {
            return Rc::clone(plan);
        }
        let plan = Rc::new(self.plan_table(aligns, head, rows, width));
        self.plans.borrow_mut().insert(key, Rc::clone(&plan));
        plan
    }

    fn plan_table(
        &self,
        aligns: &[Align],
        head: &[Vec<Span>],
        rows: &[Vec<Vec<Span>>],
        width: f32,
    ) -> TablePlan {
        let tb = self.theme.table;
        let cols = head
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        fn cell(row: &[Vec<Span>], c: usize) -> &[Span] {
            row.get(c).map_or(&[], Vec::as_slice)
        }
        let tokens = |spans: &[Span], bold: bool| {
            self.ts.tokens(
                spans,
                if bold { Face::Bold } else { Face::Regular },
                tb.size,
                self.theme.palette.ink,
            )
        };
        // Each cell is tokenised once: measured for the column widths, then
        // wrapped at them.
        let mut min = vec![0.0f32; cols];
        let mut pref = vec![0.0f32; cols];
        let all: Vec<Vec<Vec<Token>>> = std::iter::once(head)
            .chain(rows.iter().map(Vec::as_slice))
            .enumerate()
            .map(|(r, row)| {
                (0..cols)
                    .map(|c| {
                        let toks = tokens(cell(row, c), r == 0);
                        let widest = self.ts.widest_word(&toks, tb.size);
                        let full = Typesetter::line_width(&toks);
                        min[c] = min[c].max(widest + 2.0 * tb.pad_x);
                        pref[c] = pref[c].max(full + 2.0 * tb.pad_x);
                        toks
                    })
                    .collect()
            })
            .collect();
        let widths = allocate(&min, &pref, width);
        let line_h = tb.size * tb.leading;
        let wrap_row = |row: Vec<Vec<Token>>| -> (Vec<Vec<Vec<Token>>>, f32) {
            let cells: Vec<Vec<Vec<Token>>> = row
                .into_iter()
                .enumerate()
                .map(|(c, toks)| self.ts.wrap(toks, widths[c] - 2.0 * tb.pad_x, tb.size))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            (cells, lines as f32 * line_h + 2.0 * tb.pad_y)
        };
        let mut all = all.into_iter();
        let (head_cells, head_height) = wrap_row(all.next().unwrap_or_default());
        let mut body = Vec::with_capacity(rows.len());
        let mut heights = Vec::with_capacity(rows.len());
        for row in all {
            let (cells, h) = wrap_row(row);
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

    pub(super) fn is_short(&self, plan: &TablePlan) -> bool {
        let tb = self.theme.table;
        plan.height() <= tb.short * self.geo.content_height()
    }

    /// Draw a row: `part` is the table head or body element it belongs
    /// to, or `None` for a header row repeated on a later page (an
    /// artifact: a reader has already met it).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn draw_row(
        &mut self,
        plan: &TablePlan,
        cells: &[Vec<Vec<Token>>],
        height: f32,
        x: f32,
        header: bool,
        zebra: bool,
        part: Option<usize>,
    ) {
        let tb = self.theme.table;
        let width: f32 = plan.widths.iter().sum();
        let top = self.y;
        let mut items = vec![Item::Mark(Mark::Artifact)];
        let row = part.map(|p| self.element_under(Role::TR, p));
        if header {
            items.push(Item::Rect {
                x,
                y: top,
                w: width,
                h: height,
                fill: self.theme.palette.shade,
            });
        } else if zebra {
            items.push(Item::Rect {
                x,
                y: top,
                w: width,
                h: height,
                fill: self.theme.palette.zebra,
            });
        }
        let mut cx = x;
        for (c, lines) in cells.iter().enumerate() {
            let w = plan.widths[c];
            if let Some(row) = row {
                let cell = self.element_under(if header { Role::TH } else { Role::TD }, row);
                items.push(Item::Mark(Mark::Element(cell)));
            }
            let mut baseline = top + tb.pad_y + tb.size;
            for line in lines {
                self.ts.emit_line(
                    line,
                    cx + tb.pad_x,
                    baseline,
                    w - 2.0 * tb.pad_x,
                    plan.aligns[c],
                    tb.size,
                    &mut items,
                );
                baseline += tb.size * tb.leading;
            }
            cx += w;
        }
        // The rule above the row; the rule below the last row on a page and
        // the column rules are drawn once per page by `close_chunk`.
        items.push(Item::Mark(Mark::Artifact));
        items.push(Item::Line {
            x1: x,
            y1: top,
            x2: x + width,
            y2: top,
            width: if header { tb.head_rule } else { tb.rule },
            color: self.theme.palette.rule,
            dashed: false,
        });
        items.push(Item::Mark(Mark::Element(self.current())));
        self.items().extend(items);
        self.y += height;
    }

    /// Close the part of a table drawn on this page: its bottom rule and the
    /// column rules from `top` down to here.
    pub(super) fn close_chunk(&mut self, plan: &TablePlan, x: f32, top: f32) {
        let tb = self.theme.table;
        let width: f32 = plan.widths.iter().sum();
        let bottom = self.y;
        let mut items = vec![Item::Line {
            x1: x,
            y1: bottom,
            x2: x + width,
            y2: bottom,
            width: tb.rule,
            color: self.theme.palette.rule,
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
                width: tb.rule,
                color: self.theme.palette.rule,
                dashed: false,
            });
        }
        self.decoration(items);
    }

    pub(super) fn table(
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
        let head_cells = &plan.head;
        let mut chunk_top = self.y;
        let thead = self.element(Role::THead);
        let tbody = self.element(Role::TBody);
        self.draw_row(
            &plan,
            head_cells,
            plan.head_height,
            x,
            true,
            false,
            Some(thead),
        );
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
                self.draw_row(&plan, head_cells, plan.head_height, x, true, false, None);
            }
            self.draw_row(&plan, cells, h, x, false, i % 2 == 1, Some(tbody));
        }
        self.close_chunk(&plan, x, chunk_top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_allocation_keeps_short_columns_on_one_line() {
        let widths = allocate(&[30.0, 40.0, 35.0], &[45.0, 600.0, 50.0], 400.0);
        assert!((widths.iter().sum::<f32>() - 400.0).abs() < 0.01);
        assert_eq!(widths[0], 45.0);
        assert_eq!(widths[2], 50.0);
    }

    #[test]
    fn a_column_of_one_long_word_does_not_squeeze_the_others() {
        // A 200-character name beside three short columns in 480 points.
        let min = [1200.0, 30.0, 40.0, 25.0];
        let widths = allocate(&min, &[1200.0, 30.0, 40.0, 25.0], 480.0);
        assert!(
            (widths.iter().sum::<f32>() - 480.0).abs() < 0.01,
            "{widths:?}"
        );
        assert_eq!(&widths[1..], &[30.0, 40.0, 25.0]);
        // Two long ones share what is left.
        let widths = allocate(&[900.0, 30.0, 700.0], &[900.0, 30.0, 700.0], 430.0);
        assert_eq!(widths, vec![200.0, 30.0, 200.0]);
    }
}
