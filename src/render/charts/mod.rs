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
mod text;
mod timeline;

use crate::evaluate::assessment::{Assessment, SocOption};
use crate::numbers::thousands;
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
    /// Everything drawn, in order: the axes (gridlines, scales and
    /// labels), then the marks that carry the data from `marks_at`, then
    /// the key that explains every kind of mark from `key_at`.
    pub shapes: Vec<Shape>,
    pub marks_at: usize,
    pub key_at: usize,
}

impl Figure {
    pub fn axes(&self) -> &[Shape] {
        &self.shapes[..self.marks_at]
    }

    pub fn marks(&self) -> &[Shape] {
        &self.shapes[self.marks_at..self.key_at]
    }

    pub fn key(&self) -> &[Shape] {
        &self.shapes[self.key_at..]
    }
}

/// Chart text, in the chart's units (points when a chart is placed at its
/// own width). A chart is [`WIDTH`] wide; a browser 500 px wide shows it
/// about 460 px wide and the PDF column is about as wide as the chart, so
/// the smaller size stays above 9 CSS px on a phone and 8 pt on paper.
pub const LABEL: f32 = 10.0;
pub const SMALL: f32 = 9.5;
/// The distance between the baselines of a wrapped label.
const LEADING: f32 = 1.2;

/// The width of a mark's sample in the key.
const KEY_SAMPLE: f32 = 14.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    Axes,
    Marks,
    Key,
}

/// A sample of one kind of mark, for the key.
enum Sample {
    /// A filled box, striped when the mark comes in several colours.
    Swatch(Vec<Color>),
    /// A short upright line, solid or dashed.
    Tick {
        color: Color,
        width: f32,
        dashed: bool,
    },
    /// A short stretch of a data line.
    Line(Color),
    /// A dashed step, for an amount that accumulates year by year.
    Step(Color),
}

struct Canvas {
    layer: Layer,
    axes: Vec<Shape>,
    marks: Vec<Shape>,
    key: Vec<Shape>,
}

impl Canvas {
    fn new() -> Canvas {
        Canvas {
            layer: Layer::Marks,
            axes: Vec::new(),
            marks: Vec::new(),
            key: Vec::new(),
        }
    }

    fn push(&mut self, shape: Shape) {
        match self.layer {
            Layer::Axes => self.axes.push(shape),
            Layer::Marks => self.marks.push(shape),
            Layer::Key => self.key.push(shape),
        }
    }

    /// Draws with `draw` on `layer`, then returns to the layer before.
    fn on<R>(&mut self, layer: Layer, draw: impl FnOnce(&mut Canvas) -> R) -> R {
        let before = std::mem::replace(&mut self.layer, layer);
        let out = draw(self);
        self.layer = before;
        out
    }

    fn figure(self, name: &'static str, title: String, description: String, height: f32) -> Figure {
        let marks_at = self.axes.len();
        let key_at = marks_at + self.marks.len();
        let mut shapes = self.axes;
        shapes.extend(self.marks);
        shapes.extend(self.key);
        Figure {
            name,
            title,
            description,
            width: WIDTH,
            height,
            shapes,
            marks_at,
            key_at,
        }
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Color) {
        self.push(Shape::Rect {
            x,
            y,
            w: w.max(0.0),
            h: h.max(0.0),
            fill,
        });
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, color: Color, width: f32) {
        self.push(Shape::Line {
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
        self.push(Shape::Line {
            x1,
            y1,
            x2,
            y2,
            color,
            width: 1.0,
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
        self.push(Shape::Text {
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
        self.push(Shape::Text {
            x,
            y,
            text: text.into(),
            size,
            anchor,
            color,
            bold: true,
        });
    }

    /// A label broken into lines no wider than `max`, centred on the
    /// line `middle` runs through; what it is given is drawn whole.
    fn label(
        &mut self,
        x: f32,
        middle: f32,
        text: &str,
        max: f32,
        anchor: Anchor,
        style: (f32, Color, bool),
    ) {
        let (size, color, bold) = style;
        let lines = text::wrap(text, size, bold, max);
        let step = size * LEADING;
        // The first baseline sits so that the block's x-height centre
        // falls on `middle`.
        let first = middle - step * (lines.len() as f32 - 1.0) / 2.0 + size * 0.35;
        for (i, line) in lines.into_iter().enumerate() {
            let y = first + step * i as f32;
            if bold {
                self.bold(x, y, line, size, anchor, color);
            } else {
                self.text(x, y, line, size, anchor, color);
            }
        }
    }

    /// The key: a sample of each kind of mark with what it stands for,
    /// flowing left to right from `left` and onto a further row past
    /// `right`. Returns where the key ends, downwards.
    fn key(&mut self, entries: &[(Sample, String)], left: f32, top: f32, right: f32) -> f32 {
        const ROW: f32 = 17.0;
        const SAMPLE: f32 = KEY_SAMPLE;
        self.on(Layer::Key, |c| {
            let (mut x, mut y) = (left, top);
            for (sample, meaning) in entries {
                let w = SAMPLE + 5.0 + text::width(meaning, LABEL, false);
                if x > left && x + w > right {
                    x = left;
                    y += ROW;
                }
                let (box_top, box_h) = (y + 3.0, 10.0);
                match sample {
                    Sample::Swatch(colors) => {
                        let stripe = SAMPLE / colors.len().max(1) as f32;
                        for (i, color) in colors.iter().enumerate() {
                            c.rect(x + stripe * i as f32, box_top, stripe, box_h, *color);
                        }
                    }
                    Sample::Tick {
                        color,
                        width,
                        dashed,
                    } => {
                        let mid = x + SAMPLE / 2.0;
                        if *dashed {
                            c.dashed(mid, y + 1.0, mid, y + 15.0, *color);
                        } else {
                            c.line(mid, y + 1.0, mid, y + 15.0, *color, *width);
                        }
                    }
                    Sample::Line(color) => c.push(Shape::Polyline {
                        points: vec![(x, box_top + 5.0), (x + SAMPLE, box_top + 5.0)],
                        color: *color,
                        width: 2.0,
                    }),
                    Sample::Step(color) => {
                        let (low, high) = (box_top + box_h, box_top);
                        let mid = x + SAMPLE / 2.0;
                        c.dashed(x, low, mid, low, *color);
                        c.dashed(mid, low, mid, high, *color);
                        c.dashed(mid, high, x + SAMPLE, high, *color);
                    }
                }
                c.text(
                    x + SAMPLE + 5.0,
                    y + 12.0,
                    meaning.clone(),
                    LABEL,
                    Anchor::Start,
                    INK,
                );
                x += w + 16.0;
            }
            y + ROW
        })
    }

    /// How wide the key is when its entries fit on one row.
    fn key_width(entries: &[(Sample, String)]) -> f32 {
        let w: f32 = entries
            .iter()
            .map(|(_, meaning)| KEY_SAMPLE + 5.0 + text::width(meaning, LABEL, false) + 16.0)
            .sum();
        w - 16.0
    }

    /// The key to the options' colours.
    fn option_key(&mut self, left: f32, top: f32) -> f32 {
        let entries: Vec<(Sample, String)> = SocOption::ALL
            .iter()
            .map(|o| {
                (
                    Sample::Swatch(vec![option_color(*o)]),
                    o.short().to_string(),
                )
            })
            .collect();
        self.key(&entries, left, top, WIDTH)
    }

    /// Gridlines and amounts for a value axis running across the plot
    /// (bars drawn sideways): a vertical line per step through each of
    /// `bands` (top and bottom; text between them stays clear), labelled
    /// below the last.
    fn grid_across(
        &mut self,
        axis_max: f64,
        step: f64,
        left: f32,
        plot_w: f32,
        bands: &[(f32, f32)],
    ) {
        let bottom = bands.iter().map(|b| b.1).fold(0.0, f32::max);
        self.on(Layer::Axes, |c| {
            let mut tick = 0.0;
            while tick <= axis_max + step * 0.01 {
                let x = left + (tick / axis_max) as f32 * plot_w;
                for (top, bottom) in bands {
                    c.line(x, *top, x, *bottom, GRID, 0.6);
                }
                c.text(
                    x,
                    bottom + 13.0,
                    short_amount(tick),
                    SMALL,
                    Anchor::Middle,
                    MUTED,
                );
                tick += step;
            }
            c.line(left, bottom, left + plot_w, bottom, MUTED, 0.8);
        });
    }

    /// Gridlines and amounts for a value axis running up the plot (columns
    /// and lines): a horizontal line per step, labelled on the left.
    fn grid_up(&mut self, axis_max: f64, step: f64, left: f32, top: f32, plot_w: f32, plot_h: f32) {
        self.on(Layer::Axes, |c| {
            let mut tick = 0.0;
            while tick <= axis_max + step * 0.01 {
                let y = top + plot_h - (tick / axis_max) as f32 * plot_h;
                c.line(left, y, left + plot_w, y, GRID, 0.6);
                c.text(
                    left - 6.0,
                    y + 3.5,
                    short_amount(tick),
                    SMALL,
                    Anchor::End,
                    MUTED,
                );
                tick += step;
            }
            c.line(left, top + plot_h, left + plot_w, top + plot_h, MUTED, 0.8);
        });
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
        let s = crate::numbers::fixed(v, 1);
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
        let mut c = Canvas::new();
        c.text(1.0, 2.0, "</svg><script>", 8.0, Anchor::Start, INK);
        let f = c.figure("x.svg", "<script>".into(), "a & b".into(), 10.0);
        let svg = f.to_svg("c1");
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;/svg&gt;&lt;script&gt;"));
    }
}
