//! How wide a chart label is and where it breaks.
//!
//! A chart is laid out once for every format, before any font is loaded, so
//! widths come from the advance widths of Liberation Sans (the face the PDF
//! embeds and the SVG asks for first; Arial and Helvetica share them), with
//! room for the wider face a browser may fall back to.

/// Advances of Liberation Sans Regular, U+0020 to U+007E, in 1/1000 em.
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// Advances of Liberation Sans Bold, U+0020 to U+007E, in 1/1000 em.
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// Room for a browser that draws the labels in a wider face than the one
/// measured: DejaVu Sans, what a Linux desktop without Liberation or Arial
/// falls back to, sets English text 12-16% wider.
const SLACK: f32 = 1.16;

fn advance(c: char, bold: bool) -> f32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let em = match c {
        ' '..='~' => f32::from(table[c as usize - 0x20]),
        '\u{2013}' => 556.0,
        '\u{2212}' | '\u{00d7}' => 584.0,
        '\u{2018}' | '\u{2019}' => 222.0,
        '\u{201c}' | '\u{201d}' => 333.0,
        // Ideographs, kana and hangul are a full em; other letters about
        // the width of a lower-case "n".
        c if ('\u{2e80}'..='\u{9fff}').contains(&c)
            || ('\u{ac00}'..='\u{d7af}').contains(&c)
            || ('\u{f900}'..='\u{faff}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c) =>
        {
            1000.0
        }
        _ => 600.0,
    };
    em / 1000.0
}

/// The width of `text` set at `size`, in the chart's units.
pub(super) fn width(text: &str, size: f32, bold: bool) -> f32 {
    text.chars().map(|c| advance(c, bold)).sum::<f32>() * size * SLACK
}

/// `text` broken into lines no wider than `max` at spaces; a word wider
/// than a line by itself is broken between its characters. Nothing is cut.
pub(super) fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&joined, size, bold) <= max {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone on the new line, broken if it is still too wide.
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if !line.is_empty() && width(&longer, size, bold) > max {
                lines.push(std::mem::take(&mut line));
                line.push(c);
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_face() {
        // "Hybrid" in Liberation Sans: 722+500+556+333+222+556 = 2889/1000 em.
        assert!((width("Hybrid", 10.0, false) - 28.89 * SLACK).abs() < 0.01);
        assert!(width("Hybrid", 10.0, true) > width("Hybrid", 10.0, false));
        assert!(width("東京", 10.0, false) > width("ab", 10.0, false));
    }

    #[test]
    fn long_labels_wrap_without_losing_a_character() {
        let name = "Hiring gets tight and the regulator wants monitoring in 6 months";
        let lines = wrap(name, 10.0, false, 200.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 10.0, false) <= 200.0));
        assert_eq!(lines.join(" "), name);
        let word = "Donaudampfschifffahrtsgesellschaftskapitän";
        let lines = wrap(word, 10.0, false, 60.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
        assert_eq!(wrap("", 10.0, false, 50.0), vec![String::new()]);
    }
}
