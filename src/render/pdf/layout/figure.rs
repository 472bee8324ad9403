//! Charts placed as figures: the chart's vector shapes scaled to the column
//! and centred, with a numbered caption. A figure is never split.

use super::flow::{Flow, TextStyle};
use super::{Item, Role};
use crate::render::charts::{Anchor as TextAnchor, Figure, Shape};
use crate::render::pdf::blocks::{Span, Style};
use crate::render::pdf::fonts::Face;

impl<'a> Flow<'a> {
    /// The picture at `path` when the PDF can draw it (PNG and JPEG; an SVG
    /// is shown by its alt text).
    pub(super) fn drawable(&self, path: &str) -> Option<usize> {
        use crate::profile::image::ImageKind;
        self.pictures
            .iter()
            .position(|p| p.dest == path && p.image.kind != ImageKind::Svg)
    }

    /// A picture's size on the page: its natural size, no wider than
    /// `width` and no taller than `max_height`.
    pub(super) fn picture_size(&self, index: usize, width: f32, max_height: f32) -> (f32, f32) {
        let p = self.theme.picture;
        let image = &self.pictures[index].image;
        let (w, h) = (
            image.width as f32 * p.points_per_pixel,
            image.height as f32 * p.points_per_pixel,
        );
        let scale = (width / w).min(max_height / h).min(1.0);
        (w * scale, h * scale)
    }

    pub(super) fn picture_height(&self, path: &str, width: f32) -> f32 {
        self.drawable(path).map_or(0.0, |i| {
            self.picture_size(i, width, self.theme.picture.max_height).1
        })
    }

    /// A picture at the cursor, at the left of the column. Drawn as
    /// decoration: what it shows (a logo) is also in the text.
    pub(super) fn picture(&mut self, path: &str, x: f32, width: f32, max_height: f32) {
        let Some(index) = self.drawable(path) else {
            return;
        };
        let (w, h) = self.picture_size(index, width, max_height);
        self.fit(h);
        let y = self.y;
        self.decoration([Item::Image {
            x,
            y,
            w,
            h,
            picture: index,
        }]);
        self.y += h;
    }

    pub(super) fn figure(&self, name: &str) -> Option<&'a Figure> {
        self.figures.iter().find(|f| f.name == name)
    }

    fn chart_scale(&self, fig: &Figure, width: f32) -> f32 {
        (width / fig.width).min(self.theme.figure.max_scale)
    }

    pub(super) fn chart_height(&self, name: &str, width: f32) -> f32 {
        self.figure(name).map_or(0.0, |f| {
            f.height * self.chart_scale(f, width) + self.theme.figure.caption_space
        })
    }

    pub(super) fn chart(&mut self, name: &str, alt: &str, x: f32, width: f32) {
        let t = self.theme;
        let Some(fig) = self.figure(name) else {
            let spans = [Span {
                text: format!("[{alt}]"),
                style: Style::default(),
                link: None,
            }];
            let style = TextStyle {
                face: Face::Italic,
                color: t.palette.muted,
                ..TextStyle::body(t)
            };
            self.open(Role::P);
            self.paragraph(&spans, x, width, &style);
            self.close();
            return;
        };
        let f = t.figure;
        let s = self.chart_scale(fig, width);
        let h = fig.height * s;
        self.fit(h + f.caption_space);
        let ox = x + (width - fig.width * s) / 2.0;
        let oy = self.y + f.top;
        let items = self.shapes(fig, s, ox, oy);
        // The chart is one figure to a reader: its description stands for
        // its marks and labels.
        let figure = self.open(Role::Figure);
        self.structure[figure].alt = Some(
            [fig.description.as_str(), alt, fig.title.as_str()]
                .into_iter()
                .find(|t| !t.trim().is_empty())
                .unwrap_or_default()
                .to_string(),
        );
        self.items().extend(items);
        self.figure_no += 1;
        let caption = format!("Figure {}. {}", self.figure_no, fig.title);
        let cw = self.fonts.width(Face::Italic, &caption, f.caption_size);
        self.open(Role::Caption);
        self.items().push(Item::Text {
            x: x + (width - cw) / 2.0,
            y: oy + h + f.caption_baseline,
            size: f.caption_size,
            face: Face::Italic,
            text: caption,
            color: t.palette.muted,
        });
        self.close();
        self.close();
        self.y = oy + h + f.caption_space + t.body.gap;
    }

    /// The chart's shapes, scaled by `s` and moved to (`ox`, `oy`).
    fn shapes(&self, fig: &Figure, s: f32, ox: f32, oy: f32) -> Vec<Item> {
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
        items
    }
}
