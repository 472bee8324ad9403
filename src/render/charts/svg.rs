//! The SVG writer: a laid-out figure as an accessible, self-contained SVG.

use super::*;
use std::fmt::Write;

/// Text for SVG character data and attribute values: control characters
/// dropped (XML cannot hold most of them), the rest escaped as for HTML.
fn xml(text: &str) -> String {
    let kept: String = text.chars().filter(|c| !c.is_control()).collect();
    crate::render::escape::escape_html(&kept)
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
        // The axes, the marks and the key in groups of their own, so the
        // key can be checked against the marks it explains.
        for (class, shapes) in [
            ("chart-axes", self.axes()),
            ("chart-marks", self.marks()),
            ("chart-key", self.key()),
        ] {
            if shapes.is_empty() {
                continue;
            }
            let _ = write!(s, "<g class=\"{class}\">");
            for shape in shapes {
                shape_svg(&mut s, shape);
            }
            s.push_str("</g>");
        }
        s.push_str("</svg>");
        s
    }
}

fn shape_svg(s: &mut String, shape: &Shape) {
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
