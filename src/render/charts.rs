//! Charts: the assessment's numbers drawn as plain shapes, for every format.
//!
//! Each chart is laid out once into a [`Figure`]: rectangles, lines and
//! anchored text in a top-left coordinate space measured in points. The SVG
//! writer ([`Figure::to_svg`]) serves Markdown (a file beside the report) and
//! HTML (inlined); the PDF writer draws the same shapes as vectors. A chart
//! is referred to from the Markdown by its file name (`charts/costs.svg`), so
//! a template decides where each chart goes and every format follows.

use crate::evaluate::assessment::{Assessment, SocOption};
use crate::evaluate::words::{money_short, thousands};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Components in 0..1, for PDF colour operators.
    pub fn unit(self) -> (f32, f32, f32) {
        (
            f32::from(self.0) / 255.0,
            f32::from(self.1) / 255.0,
            f32::from(self.2) / 255.0,
        )
    }
}

pub const INK: Color = Color(0x1d, 0x26, 0x33);
pub const MUTED: Color = Color(0x5b, 0x67, 0x75);
pub const GRID: Color = Color(0xd5, 0xdb, 0xe2);
pub const IN_HOUSE: Color = Color(0x1f, 0x4e, 0x79);
pub const OUTSOURCED: Color = Color(0x1b, 0x80, 0x75);
pub const HYBRID: Color = Color(0xc0, 0x6c, 0x00);
pub const TOWARD_IN_HOUSE: Color = IN_HOUSE;
pub const TOWARD_OUTSOURCING: Color = OUTSOURCED;
pub const BAND_LOW: Color = Color(0xc8, 0xe6, 0xc9);
pub const BAND_MEDIUM: Color = Color(0xff, 0xf0, 0xa8);
pub const BAND_HIGH: Color = Color(0xff, 0xc9, 0x8f);
pub const BAND_CRITICAL: Color = Color(0xf2, 0x8b, 0x82);

pub fn option_color(option: SocOption) -> Color {
    match option {
        SocOption::InHouse => IN_HOUSE,
        SocOption::Outsourced => OUTSOURCED,
        SocOption::Hybrid => HYBRID,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One drawing primitive. `y` grows downwards; text `y` is the baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
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
        color: Color,
        width: f32,
        dashed: bool,
    },
    Polyline {
        points: Vec<(f32, f32)>,
        color: Color,
        width: f32,
    },
    Text {
        x: f32,
        y: f32,
        text: String,
        size: f32,
        anchor: Anchor,
        color: Color,
        bold: bool,
    },
}

/// A laid-out chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// File name under `charts/`, e.g. `costs.svg`.
    pub name: &'static str,
    pub title: String,
    /// Text alternative for screen readers and for the PDF caption.
    pub description: String,
    pub width: f32,
    pub height: f32,
    pub shapes: Vec<Shape>,
}

struct Canvas {
    shapes: Vec<Shape>,
}

impl Canvas {
    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Color) {
        self.shapes.push(Shape::Rect {
            x,
            y,
            w: w.max(0.0),
            h: h.max(0.0),
            fill,
        });
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, color: Color, width: f32) {
        self.shapes.push(Shape::Line {
            x1,
            y1,
            x2,
            y2,
            color,
            width,
            dashed: false,
        });
    }

    fn dashed(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, color: Color) {
        self.shapes.push(Shape::Line {
            x1,
            y1,
            x2,
            y2,
            color,
            width: 0.8,
            dashed: true,
        });
    }

    fn text(
        &mut self,
        x: f32,
        y: f32,
        text: impl Into<String>,
        size: f32,
        anchor: Anchor,
        color: Color,
    ) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text: text.into(),
            size,
            anchor,
            color,
            bold: false,
        });
    }

    fn bold(
        &mut self,
        x: f32,
        y: f32,
        text: impl Into<String>,
        size: f32,
        anchor: Anchor,
        color: Color,
    ) {
        self.shapes.push(Shape::Text {
            x,
            y,
            text: text.into(),
            size,
            anchor,
            color,
            bold: true,
        });
    }
}

pub const WIDTH: f32 = 480.0;

/// Every chart of a report, in the order the default templates use them.
pub fn figures(a: &Assessment) -> Vec<Figure> {
    vec![
        considerations(a),
        cost_ranges(a),
        costs_per_year(a),
        cumulative_costs(a),
        heat_map(a),
        expected_loss(a),
        roadmap(a),
    ]
}

/// Consideration scores as bars diverging from zero.
pub fn considerations(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let label_w = 168.0;
    // Room between the labels and the plot for a -2.0 bar's value, and
    // as much on the right for a +2.0 bar's.
    let plot_x = label_w + 34.0;
    let plot_w = WIDTH - plot_x - 34.0;
    let row = 22.0;
    let top = 24.0;
    let zero = plot_x + plot_w / 2.0;
    let unit = plot_w / 4.0;
    let n = a.considerations.len() as f32;
    let bottom = top + row * n;
    c.text(
        plot_x,
        14.0,
        "favours outsourcing",
        8.5,
        Anchor::Start,
        MUTED,
    );
    c.text(
        plot_x + plot_w,
        14.0,
        "favours in-house",
        8.5,
        Anchor::End,
        MUTED,
    );
    for tick in -2..=2 {
        let x = zero + tick as f32 * unit;
        c.line(
            x,
            top - 4.0,
            x,
            bottom,
            GRID,
            if tick == 0 { 1.2 } else { 0.6 },
        );
        c.text(
            x,
            bottom + 12.0,
            format!("{tick:+}").replace("+0", "0"),
            8.0,
            Anchor::Middle,
            MUTED,
        );
    }
    for (i, k) in a.considerations.iter().enumerate() {
        let y = top + row * i as f32;
        c.text(
            label_w,
            y + row * 0.65,
            k.label.clone(),
            9.0,
            Anchor::End,
            INK,
        );
        let score = k.score.clamp(-2.0, 2.0) as f32;
        let (x, w) = if score >= 0.0 {
            (zero, score * unit)
        } else {
            (zero + score * unit, -score * unit)
        };
        let color = if score >= 0.0 {
            TOWARD_IN_HOUSE
        } else {
            TOWARD_OUTSOURCING
        };
        c.rect(x, y + 4.0, w, row - 8.0, color);
        let (tx, anchor) = if score >= 0.0 {
            (x + w + 4.0, Anchor::Start)
        } else {
            (x - 4.0, Anchor::End)
        };
        c.text(
            tx,
            y + row * 0.65,
            format!("{:+.1}", k.score).replace("+0.0", "0.0"),
            8.5,
            anchor,
            INK,
        );
    }
    let description = format!(
        "Scores of the eight considerations from -2 (favours outsourcing) to +2 (favours in-house): {}.",
        a.considerations.iter().map(|k| format!("{} {:+.1}", k.label, k.score)).collect::<Vec<_>>().join("; ")
    );
    Figure {
        name: "considerations.svg",
        title: "Consideration scores".into(),
        description,
        width: WIDTH,
        height: bottom + 20.0,
        shapes: c.shapes,
    }
}

/// A "nice" axis maximum and step for values up to `max`.
fn nice_axis(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 0.25);
    }
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    ((max / step).ceil() * step, step)
}

/// Axis label: `1.5M`, `250k`, `900`.
fn short_amount(x: f64) -> String {
    let a = x.abs();
    let trim = |v: f64| {
        let s = format!("{v:.1}");
        s.trim_end_matches(".0").to_string()
    };
    if a >= 1e9 {
        format!("{}B", trim(x / 1e9))
    } else if a >= 1e6 {
        format!("{}M", trim(x / 1e6))
    } else if a >= 1e3 {
        format!("{}k", trim(x / 1e3))
    } else {
        thousands(x)
    }
}

fn legend(c: &mut Canvas, y: f32) {
    let mut x = 60.0;
    for option in SocOption::ALL {
        c.rect(x, y - 8.0, 10.0, 10.0, option_color(option));
        c.text(x + 14.0, y, option.short(), 9.0, Anchor::Start, INK);
        x += 100.0;
    }
}

/// Yearly cost per option as grouped bars.
/// Each option's total over the horizon: the P10-P90 range as a bar, the
/// median and the likely value as marks, and the money available.
pub fn cost_ranges(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let cur = &a.costs.currency;
    let max = a
        .costs
        .options
        .values()
        .map(|o| o.range.p90.max(o.total))
        .fold(a.costs.available, f64::max);
    let (axis_max, step) = nice_axis(max);
    let (left, top, plot_w, row) = (92.0, 24.0, WIDTH - 110.0, 34.0);
    let plot_h = row * 3.0;
    let x_of = |v: f64| left + (v / axis_max) as f32 * plot_w;
    let mut tick = 0.0;
    while tick <= axis_max + step * 0.01 {
        let x = x_of(tick);
        c.line(x, top, x, top + plot_h, GRID, 0.6);
        c.text(
            x,
            top + plot_h + 12.0,
            short_amount(tick),
            8.0,
            Anchor::Middle,
            MUTED,
        );
        tick += step;
    }
    for (i, option) in SocOption::ALL.iter().enumerate() {
        let Some(o) = a.costs.options.get(option) else {
            continue;
        };
        let y = top + row * i as f32;
        let color = option_color(*option);
        c.text(
            left - 8.0,
            y + row / 2.0 + 3.0,
            option.short(),
            9.0,
            Anchor::End,
            INK,
        );
        let (x10, x90) = (x_of(o.range.p10), x_of(o.range.p90));
        c.rect(x10, y + 9.0, (x90 - x10).max(1.5), row - 18.0, color);
        let x50 = x_of(o.range.p50);
        c.line(x50, y + 5.0, x50, y + row - 5.0, INK, 1.6);
        let xl = x_of(o.total);
        c.dashed(xl, y + 3.0, xl, y + row - 3.0, INK);
    }
    let xa = x_of(a.costs.available);
    c.line(xa, top - 4.0, xa, top + plot_h, MUTED, 1.2);
    c.text(xa, top - 8.0, "money available", 8.0, Anchor::Middle, MUTED);
    c.line(left, top + plot_h, left + plot_w, top + plot_h, MUTED, 0.8);
    let description = format!(
        "Total cost over {} years in {cur}, P10 to P90 with the median and the likely value: {}; money available {}.",
        a.costs.horizon_years,
        SocOption::ALL
            .iter()
            .filter_map(|o| a.costs.options.get(o).map(|c| (o, c)))
            .map(|(o, c)| format!(
                "{} {} to {} (median {}, likely {})",
                o.short(),
                money_short(cur, c.range.p10),
                money_short(cur, c.range.p90),
                money_short(cur, c.range.p50),
                money_short(cur, c.total)
            ))
            .collect::<Vec<_>>()
            .join("; "),
        money_short(cur, a.costs.available)
    );
    Figure {
        name: "ranges.svg",
        title: format!(
            "Total cost over {} years, P10 to P90 ({cur})",
            a.costs.horizon_years
        ),
        description,
        width: WIDTH,
        height: top + plot_h + 20.0,
        shapes: c.shapes,
    }
}

/// Expected yearly loss in steady state for the status quo and each
/// option: the P10-P90 range as a bar, the median as a mark.
pub fn expected_loss(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let l = &a.expected_loss;
    let cur = &l.currency;
    let rows: Vec<(&str, Color, crate::evaluate::assessment::LossRange)> =
        std::iter::once(("Status quo", MUTED, l.status_quo))
            .chain(SocOption::ALL.iter().filter_map(|o| {
                l.options
                    .get(o)
                    .map(|x| (o.short(), option_color(*o), x.steady_state))
            }))
            .collect();
    let max = rows.iter().map(|r| r.2.p90).fold(0.0, f64::max);
    let (axis_max, step) = nice_axis(max.max(1.0));
    let (left, top, plot_w, row) = (92.0, 12.0, WIDTH - 110.0, 30.0);
    let plot_h = row * rows.len() as f32;
    let x_of = |v: f64| left + (v / axis_max) as f32 * plot_w;
    let mut tick = 0.0;
    while tick <= axis_max + step * 0.01 {
        let x = x_of(tick);
        c.line(x, top, x, top + plot_h, GRID, 0.6);
        c.text(
            x,
            top + plot_h + 12.0,
            short_amount(tick),
            8.0,
            Anchor::Middle,
            MUTED,
        );
        tick += step;
    }
    for (i, (name, color, r)) in rows.iter().enumerate() {
        let y = top + row * i as f32;
        c.text(
            left - 8.0,
            y + row / 2.0 + 3.0,
            *name,
            9.0,
            Anchor::End,
            INK,
        );
        let (x10, x90) = (x_of(r.p10), x_of(r.p90));
        c.rect(x10, y + 8.0, (x90 - x10).max(1.5), row - 16.0, *color);
        let x50 = x_of(r.p50);
        c.line(x50, y + 4.0, x50, y + row - 4.0, INK, 1.6);
    }
    c.line(left, top + plot_h, left + plot_w, top + plot_h, MUTED, 0.8);
    let description = format!(
        "Expected yearly loss from material breaches in {cur}, P10 to P90 with the median: {}.",
        rows.iter()
            .map(|(n, _, r)| format!(
                "{n} {} to {} (median {})",
                money_short(cur, r.p10),
                money_short(cur, r.p90),
                money_short(cur, r.p50)
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    Figure {
        name: "loss.svg",
        title: format!("Expected yearly loss, P10 to P90 ({cur})"),
        description,
        width: WIDTH,
        height: top + plot_h + 20.0,
        shapes: c.shapes,
    }
}

pub fn costs_per_year(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let years = a.costs.horizon_years as usize;
    let max = a
        .costs
        .options
        .values()
        .flat_map(|o| o.years.iter().map(|y| y.total))
        .fold(0.0, f64::max);
    let (axis_max, step) = nice_axis(max);
    let (left, top, plot_w, plot_h) = (60.0, 28.0, WIDTH - 70.0, 180.0);
    legend(&mut c, 14.0);
    let mut tick = 0.0;
    while tick <= axis_max + step * 0.01 {
        let y = top + plot_h - (tick / axis_max) as f32 * plot_h;
        c.line(left, y, left + plot_w, y, GRID, 0.6);
        c.text(
            left - 6.0,
            y + 3.0,
            short_amount(tick),
            8.0,
            Anchor::End,
            MUTED,
        );
        tick += step;
    }
    let group = plot_w / years.max(1) as f32;
    let bar = (group * 0.8 / 3.0).min(28.0);
    for y in 0..years {
        let gx = left + group * y as f32 + (group - bar * 3.0) / 2.0;
        for (i, option) in SocOption::ALL.iter().enumerate() {
            let value = a
                .costs
                .options
                .get(option)
                .and_then(|o| o.years.get(y))
                .map_or(0.0, |v| v.total);
            let h = (value / axis_max) as f32 * plot_h;
            c.rect(
                gx + bar * i as f32,
                top + plot_h - h,
                bar - 1.0,
                h,
                option_color(*option),
            );
        }
        c.text(
            left + group * (y as f32 + 0.5),
            top + plot_h + 13.0,
            format!("Year {}", y + 1),
            8.5,
            Anchor::Middle,
            INK,
        );
    }
    c.line(left, top + plot_h, left + plot_w, top + plot_h, MUTED, 0.8);
    let cur = &a.costs.currency;
    let description = format!(
        "Cost per year of each option, in {cur}: {}.",
        SocOption::ALL
            .iter()
            .map(|o| {
                let ys = a
                    .costs
                    .options
                    .get(o)
                    .map(|c| {
                        c.years
                            .iter()
                            .map(|y| money_short(cur, y.total))
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                format!("{} {ys}", o.short())
            })
            .collect::<Vec<_>>()
            .join("; ")
    );
    Figure {
        name: "costs.svg",
        title: format!("Cost per year ({cur})"),
        description,
        width: WIDTH,
        height: top + plot_h + 24.0,
        shapes: c.shapes,
    }
}

/// Cumulative cost per option as lines, with the money available.
pub fn cumulative_costs(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let years = a.costs.horizon_years as usize;
    let max = a
        .costs
        .options
        .values()
        .map(|o| o.total)
        .fold(a.costs.available, f64::max);
    let (axis_max, step) = nice_axis(max);
    let (left, top, plot_w, plot_h) = (60.0, 28.0, WIDTH - 80.0, 180.0);
    legend(&mut c, 14.0);
    let mut tick = 0.0;
    while tick <= axis_max + step * 0.01 {
        let y = top + plot_h - (tick / axis_max) as f32 * plot_h;
        c.line(left, y, left + plot_w, y, GRID, 0.6);
        c.text(
            left - 6.0,
            y + 3.0,
            short_amount(tick),
            8.0,
            Anchor::End,
            MUTED,
        );
        tick += step;
    }
    let x_of = |i: usize| left + plot_w * i as f32 / years.max(1) as f32;
    let y_of = |v: f64| top + plot_h - (v / axis_max) as f32 * plot_h;
    for i in 0..=years {
        let label = if i == 0 {
            "Start".to_string()
        } else {
            format!("Year {i}")
        };
        c.text(
            x_of(i),
            top + plot_h + 13.0,
            label,
            8.5,
            Anchor::Middle,
            INK,
        );
    }
    let available = a.costs.available;
    c.dashed(left, y_of(available), left + plot_w, y_of(available), MUTED);
    c.text(
        left + plot_w,
        y_of(available) - 4.0,
        "money available",
        8.0,
        Anchor::End,
        MUTED,
    );
    for option in SocOption::ALL {
        if let Some(o) = a.costs.options.get(&option) {
            let mut points = vec![(x_of(0), y_of(0.0))];
            points.extend(
                o.years
                    .iter()
                    .enumerate()
                    .map(|(i, y)| (x_of(i + 1), y_of(y.cumulative))),
            );
            c.shapes.push(Shape::Polyline {
                points,
                color: option_color(option),
                width: 2.0,
            });
        }
    }
    c.line(left, top + plot_h, left + plot_w, top + plot_h, MUTED, 0.8);
    let cur = &a.costs.currency;
    let description = format!(
        "Cumulative cost of each option over {years} years, in {cur}, against {} available: {}.",
        money_short(cur, available),
        SocOption::ALL
            .iter()
            .map(|o| format!(
                "{} {}",
                o.short(),
                money_short(cur, a.costs.options.get(o).map_or(0.0, |c| c.total))
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    Figure {
        name: "cumulative.svg",
        title: format!("Cumulative cost ({cur})"),
        description,
        width: WIDTH,
        height: top + plot_h + 24.0,
        shapes: c.shapes,
    }
}

pub fn band_color(rating: u32) -> Color {
    match rating {
        0..=4 => BAND_LOW,
        5..=9 => BAND_MEDIUM,
        10..=16 => BAND_HIGH,
        _ => BAND_CRITICAL,
    }
}

/// The 5x5 heat map: likelihood up, impact across, risk counts in cells.
pub fn heat_map(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let cell = 50.0;
    let (left, top) = (150.0, 10.0);
    let labels = ["Very low", "Low", "Moderate", "High", "Very high"];
    for l in (1..=5u32).rev() {
        let y = top + cell * (5 - l) as f32;
        c.text(
            left - 8.0,
            y + cell / 2.0 + 3.0,
            format!("{} ({l})", labels[l as usize - 1]),
            8.5,
            Anchor::End,
            INK,
        );
        for i in 1..=5u32 {
            let x = left + cell * (i - 1) as f32;
            c.rect(x, y, cell - 2.0, cell - 2.0, band_color(l * i));
            let n = a.heat_map.counts[l as usize - 1][i as usize - 1];
            if n > 0 {
                c.bold(
                    x + cell / 2.0 - 1.0,
                    y + cell / 2.0 + 4.0,
                    n.to_string(),
                    12.0,
                    Anchor::Middle,
                    INK,
                );
            }
        }
    }
    for i in 1..=5u32 {
        let x = left + cell * (i - 1) as f32 + cell / 2.0 - 1.0;
        c.text(
            x,
            top + cell * 5.0 + 12.0,
            labels[i as usize - 1],
            8.0,
            Anchor::Middle,
            INK,
        );
    }
    c.text(
        left + cell * 2.5,
        top + cell * 5.0 + 26.0,
        "Impact",
        9.0,
        Anchor::Middle,
        MUTED,
    );
    c.text(
        left - 8.0,
        top + cell * 5.0 + 12.0,
        "Likelihood",
        9.0,
        Anchor::End,
        MUTED,
    );
    let cells: Vec<String> = (1..=5)
        .rev()
        .flat_map(|l| (1..=5).map(move |i| (l, i)))
        .filter_map(|(l, i)| {
            let n = a.heat_map.counts[l - 1][i - 1];
            (n > 0).then(|| format!("{n} at likelihood {l}, impact {i}"))
        })
        .collect();
    Figure {
        name: "heatmap.svg",
        title: "Risk heat map".into(),
        description: format!(
            "Heat map of {} risks by likelihood and impact (1-5): {}.",
            a.risks.len(),
            if cells.is_empty() {
                "none".to_string()
            } else {
                cells.join("; ")
            }
        ),
        width: WIDTH,
        height: top + cell * 5.0 + 32.0,
        shapes: c.shapes,
    }
}

/// The roadmap as a timeline of phases.
pub fn roadmap(a: &Assessment) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    // Show the build and the first year of running; the long "review and
    // improve" phase is drawn up to the edge.
    let last_start = a.roadmap.iter().map(|p| p.start_month).fold(0.0, f64::max);
    let span = ((last_start + 6.0) / 6.0).ceil() * 6.0;
    let (left, top, row) = (200.0, 22.0, 20.0);
    let plot_w = WIDTH - left - 10.0;
    let x_of = |m: f64| left + (m.min(span) / span) as f32 * plot_w;
    let n = a.roadmap.len() as f32;
    let mut m = 0.0;
    while m <= span + 0.01 {
        c.line(x_of(m), top - 4.0, x_of(m), top + row * n, GRID, 0.6);
        c.text(
            x_of(m),
            top - 8.0,
            format!("M{}", m as u32),
            8.0,
            Anchor::Middle,
            MUTED,
        );
        m += if span > 24.0 { 6.0 } else { 3.0 };
    }
    let color = option_color(a.recommendation.option);
    for (i, p) in a.roadmap.iter().enumerate() {
        let y = top + row * i as f32;
        c.text(
            left - 8.0,
            y + row * 0.65,
            p.phase.clone(),
            8.5,
            Anchor::End,
            INK,
        );
        let x = x_of(p.start_month);
        c.rect(
            x,
            y + 4.0,
            (x_of(p.end_month) - x).max(2.0),
            row - 8.0,
            color,
        );
    }
    let live = a.recommendation.monitoring_live_month;
    c.dashed(x_of(live), top - 2.0, x_of(live), top + row * n, INK);
    c.text(
        x_of(live) + 3.0,
        top + row * n + 12.0,
        format!(
            "monitoring live, month {}",
            crate::evaluate::words::trim_float(live)
        ),
        8.0,
        Anchor::Start,
        INK,
    );
    Figure {
        name: "roadmap.svg",
        title: "Roadmap".into(),
        description: format!(
            "Roadmap timeline in months from the decision: {}.",
            a.roadmap
                .iter()
                .map(|p| format!("{} months {}-{}", p.phase, p.start_month, p.end_month))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        width: WIDTH,
        height: top + row * n + 20.0,
        shapes: c.shapes,
    }
}

/// The portfolio's recommendations by industry, as stacked bars (in-house,
/// hybrid, outsourced), for the dashboard.
pub fn portfolio(p: &crate::render::Portfolio) -> Figure {
    let mut c = Canvas { shapes: Vec::new() };
    let label_w = 150.0;
    let plot_x = label_w + 8.0;
    let plot_w = WIDTH - plot_x - 30.0;
    let row = 20.0;
    let top = 30.0;
    // The legend, in the order the bars stack.
    let order = [SocOption::InHouse, SocOption::Hybrid, SocOption::Outsourced];
    let mut x = plot_x;
    for option in order {
        c.rect(x, 8.0, 10.0, 10.0, option_color(option));
        c.text(x + 14.0, 17.0, option.short(), 9.0, Anchor::Start, INK);
        x += 90.0;
    }
    let max = p
        .industries
        .iter()
        .map(|m| m.total)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let unit = plot_w / max;
    for (i, m) in p.industries.iter().enumerate() {
        let y = top + row * i as f32;
        c.text(
            label_w,
            y + row * 0.65,
            m.label.clone(),
            9.0,
            Anchor::End,
            INK,
        );
        let mut x = plot_x;
        for (option, count) in order.into_iter().zip([m.in_house, m.hybrid, m.outsourced]) {
            if count == 0 {
                continue;
            }
            let w = count as f32 * unit;
            c.rect(x, y + 3.0, w, row - 6.0, option_color(option));
            if w >= 14.0 {
                c.text(
                    x + w / 2.0,
                    y + row * 0.68,
                    count.to_string(),
                    8.5,
                    Anchor::Middle,
                    Color(0xff, 0xff, 0xff),
                );
            }
            x += w;
        }
        c.text(
            x + 4.0,
            y + row * 0.68,
            m.total.to_string(),
            8.5,
            Anchor::Start,
            MUTED,
        );
    }
    if p.industries.is_empty() {
        c.text(
            plot_x,
            top + row * 0.65,
            "No organisations",
            9.0,
            Anchor::Start,
            MUTED,
        );
    }
    let rows = p.industries.len().max(1) as f32;
    let description = if p.industries.is_empty() {
        "No organisations were assessed.".to_string()
    } else {
        format!(
            "Recommendations by industry: {}.",
            p.industries
                .iter()
                .map(|m| format!(
                    "{} {} in-house, {} hybrid, {} outsourced",
                    m.label, m.in_house, m.hybrid, m.outsourced
                ))
                .collect::<Vec<_>>()
                .join("; ")
        )
    };
    Figure {
        name: "portfolio.svg",
        title: "Recommendation by industry".into(),
        description,
        width: WIDTH,
        height: top + row * rows + 8.0,
        shapes: c.shapes,
    }
}

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn num(x: f32) -> String {
    let s = format!("{x:.1}");
    s.trim_end_matches(".0").to_string()
}

impl Figure {
    /// A standalone SVG document; `id` prefixes element ids so several
    /// figures can be inlined in one HTML page.
    pub fn to_svg(&self, id: &str) -> String {
        let mut s = String::new();
        let _ = write!(
            s,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"'Liberation Sans', 'DejaVu Sans', Arial, sans-serif\">",
            num(self.width),
            num(self.height),
            num(self.width),
            num(self.height)
        );
        let _ = write!(s, "<title id=\"{id}-title\">{}</title>", xml(&self.title));
        let _ = write!(
            s,
            "<desc id=\"{id}-desc\">{}</desc>",
            xml(&self.description)
        );
        for shape in &self.shapes {
            match shape {
                Shape::Rect { x, y, w, h, fill } => {
                    let _ = write!(
                        s,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                        num(*x),
                        num(*y),
                        num(*w),
                        num(*h),
                        fill.hex()
                    );
                }
                Shape::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    color,
                    width,
                    dashed,
                } => {
                    let _ = write!(
                        s,
                        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
                        num(*x1), num(*y1), num(*x2), num(*y2), color.hex(), num(*width),
                        if *dashed { " stroke-dasharray=\"4 3\"" } else { "" }
                    );
                }
                Shape::Polyline {
                    points,
                    color,
                    width,
                } => {
                    let pts: Vec<String> = points
                        .iter()
                        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
                        .collect();
                    let _ = write!(
                        s,
                        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
                        pts.join(" "),
                        color.hex(),
                        num(*width)
                    );
                }
                Shape::Text {
                    x,
                    y,
                    text,
                    size,
                    anchor,
                    color,
                    bold,
                } => {
                    let anchor = match anchor {
                        Anchor::Start => "start",
                        Anchor::Middle => "middle",
                        Anchor::End => "end",
                    };
                    let _ = write!(
                        s,
                        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{anchor}\" fill=\"{}\"{}>{}</text>",
                        num(*x), num(*y), num(*size), color.hex(),
                        if *bold { " font-weight=\"bold\"" } else { "" },
                        xml(text)
                    );
                }
            }
        }
        s.push_str("</svg>");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_axes() {
        assert_eq!(nice_axis(9_854_760.0), (10_000_000.0, 2_500_000.0));
        assert_eq!(nice_axis(380.0), (400.0, 100.0));
        assert_eq!(nice_axis(0.0), (1.0, 0.25));
        assert_eq!(short_amount(2_500_000.0), "2.5M");
        assert_eq!(short_amount(250_000.0), "250k");
    }

    #[test]
    fn svg_text_is_escaped() {
        let f = Figure {
            name: "x.svg",
            title: "<script>".into(),
            description: "a & b".into(),
            width: 10.0,
            height: 10.0,
            shapes: vec![Shape::Text {
                x: 1.0,
                y: 2.0,
                text: "</svg><script>".into(),
                size: 8.0,
                anchor: Anchor::Start,
                color: INK,
                bold: false,
            }],
        };
        let svg = f.to_svg("c1");
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;/svg&gt;&lt;script&gt;"));
    }
}
