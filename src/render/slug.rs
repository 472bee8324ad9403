//! Heading anchors: the one rule that turns a heading's text into an id.
//!
//! HTML writes the id on the heading element; the PDF uses it as the
//! heading's name in the outline and for links. Both backends take their ids
//! from here, so a `#fragment` that works in one works in the other.
//!
//! The rule is GitHub's, so Markdown links work on a code host too: lower
//! case, spaces to dashes, punctuation other than `-` and `_` dropped, and a
//! repeated id numbered (`advantages`, `advantages-1`, ...).

use std::collections::BTreeMap;

/// Hands out GitHub-style heading ids, numbering repeats within one
/// document. Use one `Slugger` per document.
#[derive(Debug, Default)]
pub struct Slugger {
    seen: BTreeMap<String, usize>,
}

impl Slugger {
    pub fn slug(&mut self, text: &str) -> String {
        let base: String = text
            .trim()
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        let n = self.seen.entry(base.clone()).or_insert(0);
        let id = if *n == 0 { base } else { format!("{base}-{n}") };
        *n += 1;
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_github() {
        let mut s = Slugger::default();
        assert_eq!(
            s.slug("What would change the recommendation"),
            "what-would-change-the-recommendation"
        );
        assert_eq!(
            s.slug("In-house SOC: what the cost is made of"),
            "in-house-soc-what-the-cost-is-made-of"
        );
        assert_eq!(s.slug("Δήμος Θεσσαλονίκης"), "δήμος-θεσσαλονίκης");
        assert_eq!(s.slug("Advantages"), "advantages");
        assert_eq!(s.slug("Advantages"), "advantages-1");
        assert_eq!(s.slug("?!"), "section");
    }
}
