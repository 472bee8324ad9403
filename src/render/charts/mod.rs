//! Charts: the assessment's numbers drawn as plain shapes, for every format.
//!
//! Each chart is laid out once into a [`Figure`]: rectangles, lines and
//! anchored text in a top-left coordinate space measured in points. The SVG
//! writer ([`Figure::to_svg`]) serves Markdown (a file beside the report) and
//! HTML (inlined); the PDF writer draws the same shapes as vectors. A chart
//! is referred to from the Markdown by its file name (`charts/costs.svg`), so
//! a template decides where each chart goes and every format follows.

mod costs;
mod portfolio;
mod risk;
mod scenarios;
mod scores;
mod svg;
mod timeline;

use crate::evaluate::assessment::{Assessment, SocOption};
use crate::evaluate::words::thousands;
use costs::{cost_ranges, costs_per_year, cumulative_costs};
pub use portfolio::portfolio;
use risk::{expected_loss, heat_map};
use scenarios::scenarios;
use scores::appraisal;
use timeline::roadmap;

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
        self.text(x, y, text, size, anchor, color);
        if let Some(Shape::Text { bold, .. }) = self.shapes.last_mut() {
            *bold = true;
        }
    }

    /// Gridlines and amounts for a value axis running across the plot
    /// (bars drawn sideways): a vertical line per step, labelled below.
    fn grid_across(
        &mut self,
        axis_max: f64,
        step: f64,
        left: f32,
        top: f32,
        plot_w: f32,
        plot_h: f32,
    ) {
        let mut tick = 0.0;
        while tick <= axis_max + step * 0.01 {
            let x = left + (tick / axis_max) as f32 * plot_w;
            self.line(x, top, x, top + plot_h, GRID, 0.6);
            self.text(
                x,
                top + plot_h + 12.0,
                short_amount(tick),
                8.0,
                Anchor::Middle,
                MUTED,
            );
            tick += step;
        }
    }

    /// Gridlines and amounts for a value axis running up the plot (columns
    /// and lines): a horizontal line per step, labelled on the left.
    fn grid_up(&mut self, axis_max: f64, step: f64, left: f32, top: f32, plot_w: f32, plot_h: f32) {
        let mut tick = 0.0;
        while tick <= axis_max + step * 0.01 {
            let y = top + plot_h - (tick / axis_max) as f32 * plot_h;
            self.line(left, y, left + plot_w, y, GRID, 0.6);
            self.text(
                left - 6.0,
                y + 3.0,
                short_amount(tick),
                8.0,
                Anchor::End,
                MUTED,
            );
            tick += step;
        }
    }
}

pub const WIDTH: f32 = 480.0;

/// Every chart of a report, in the order the default templates use them.
pub fn figures(a: &Assessment) -> Vec<Figure> {
    let mut figures = vec![
        appraisal(a),
        cost_ranges(a),
        costs_per_year(a),
        cumulative_costs(a),
        heat_map(a),
        expected_loss(a),
        roadmap(a),
    ];
    if !a.scenarios.is_empty() {
        figures.push(scenarios(a));
    }
    figures
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

pub fn band_color(rating: u32) -> Color {
    match rating {
        0..=4 => BAND_LOW,
        5..=9 => BAND_MEDIUM,
        10..=16 => BAND_HIGH,
        _ => BAND_CRITICAL,
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
