//! Where in the templates a piece of the report's Markdown was written, so
//! a warning about it can name the file, line and column to edit.
//!
//! The Markdown is the templates' output, tidied. What a template writes
//! literally (raw HTML, an image's address) reaches the Markdown as written,
//! while profile values are escaped on the way and can never look like
//! either; so it is found by searching the template sources: first the
//! template rendered, then those it includes in the order it includes them,
//! then the rest. The n-th occurrence of the same text in the Markdown is
//! matched with its n-th occurrence in that order (a template included in a
//! loop writes the same text many times from one place: the last place found
//! stands for the rest). Text built partly from a value (`<span
//! title="{{ x }}">`) is found by its longest literal beginning. Template
//! comments are not searched: nothing in them reaches the Markdown.

use super::pdf::blocks::{stand_in, Unshown};
use super::templates::Templates;
use crate::evaluate::messages::{say, Message};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Warnings past this many are counted, not listed: one mistake copied
/// through a template set should not bury everything else.
const MAX_WARNINGS: usize = 20;

/// A position in a template: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// The file to edit: the user's template as given, or the built-in
    /// template's name.
    pub file: String,
    pub built_in: bool,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)?;
        if self.built_in {
            f.write_str(Message::BuiltInTemplateMark.template())?;
        }
        Ok(())
    }
}

/// Finds text in the templates a root renders, in the order described in
/// the module documentation.
pub(crate) struct Locator<'t> {
    templates: &'t Templates,
    order: Vec<&'t str>,
    /// How many times each text has been looked up so far.
    asked: HashMap<String, usize>,
}

impl<'t> Locator<'t> {
    pub(crate) fn new(templates: &'t Templates, root: &str) -> Locator<'t> {
        let sources = &templates.sources;
        let mut order: Vec<&str> = Vec::new();
        let mut seen = BTreeSet::new();
        if let Some((name, _)) = sources.get_key_value(root) {
            visit(name, sources, &mut order, &mut seen);
        }
        for name in sources.keys() {
            if name.ends_with(".md") && seen.insert(name.as_str()) {
                order.push(name);
            }
        }
        Locator {
            templates,
            order,
            asked: HashMap::new(),
        }
    }

    /// Where `text` was written. When no template has it whole, its
    /// longest beginning of at least `shortest` bytes that one has stands
    /// for it (raw HTML with a value in an attribute).
    pub(crate) fn locate(&mut self, text: &str, shortest: usize) -> Option<Place> {
        let n = {
            let asked = self.asked.entry(text.to_string()).or_insert(0);
            *asked += 1;
            *asked - 1
        };
        let found = self.occurrences(text);
        if let Some(place) = found.get(n.min(found.len().saturating_sub(1))) {
            return Some(place.clone());
        }
        // The longest beginning of `text` that a template has: every
        // shorter beginning is found wherever a longer one is.
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .filter(|i| *i >= shortest)
            .collect();
        let (mut lo, mut hi) = (0, bounds.len());
        let mut best = None;
        while lo < hi {
            let mid = (lo + hi) / 2;
            let found = self.occurrences(&text[..bounds[mid]]);
            if found.is_empty() {
                hi = mid;
            } else {
                best = found.into_iter().next();
                lo = mid + 1;
            }
        }
        best
    }

    fn occurrences(&self, text: &str) -> Vec<Place> {
        let mut found = Vec::new();
        if text.is_empty() {
            return found;
        }
        for name in &self.order {
            let Some(source) = self.templates.sources.get(*name) else {
                continue;
            };
            let comments = comments(source);
            for (at, _) in source.match_indices(text) {
                if !comments.iter().any(|c| c.contains(&at)) {
                    found.push(self.place(name, source, at));
                }
            }
        }
        found
    }

    fn place(&self, name: &str, source: &str, at: usize) -> Place {
        let before = &source[..at];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let column = source[line_start..at].chars().count() + 1;
        let origin = self.templates.origin.get(name).map(String::as_str);
        let built_in = matches!(origin, None | Some("built-in"));
        Place {
            file: match origin {
                Some(path) if !built_in => path.to_string(),
                _ => name.to_string(),
            },
            built_in,
            line,
            column,
        }
    }
}

/// Templates `name` includes, depth first, in the order it includes them.
fn visit<'s>(
    name: &'s str,
    sources: &'s BTreeMap<String, String>,
    order: &mut Vec<&'s str>,
    seen: &mut BTreeSet<&'s str>,
) {
    if !seen.insert(name) {
        return;
    }
    order.push(name);
    let Some(source) = sources.get(name) else {
        return;
    };
    for included in includes(source) {
        if let Some((key, _)) = sources.get_key_value(included) {
            visit(key, sources, order, seen);
        }
    }
}

/// Where a template's comments (`{# ... #}`) are: text in them never
/// reaches the output.
fn comments(source: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = source[from..].find("{#") {
        let start = from + open;
        let end = source[start..]
            .find("#}")
            .map_or(source.len(), |n| start + n + 2);
        found.push(start..end);
        from = end;
    }
    found
}

/// The names in `{% include "name" %}` statements, in order.
fn includes(source: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for (at, _) in source.match_indices("include") {
        let rest = source[at + "include".len()..].trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(name) = rest[1..].split(quote).next() {
            names.push(name);
        }
    }
    names
}

/// Warnings for what a PDF rendered from `root` does not show, each naming
/// where a template has it.
pub(crate) fn warnings(templates: &Templates, root: &str, unshown: &[Unshown]) -> Vec<String> {
    if unshown.is_empty() {
        return Vec::new();
    }
    let mut locator = Locator::new(templates, root);
    let mut out: Vec<String> = Vec::new();
    for item in unshown {
        let text = match item {
            Unshown::Html(html) => {
                // At least the tag's name must be literal: `<span`.
                let name = html
                    .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                    .filter(|n| *n > 1)
                    .unwrap_or(html.len());
                let what = say(Message::RawHtmlLeftOut, &[("html", html)]);
                match locator.locate(html, name) {
                    Some(place) => format!("{place}: {what}"),
                    None => say(Message::NoTemplateHasIt, &[("what", &what)]),
                }
            }
            Unshown::Image { path, alt } => {
                let what = say(
                    Message::ImageNotDrawn,
                    &[("path", path), ("stand_in", &stand_in(alt))],
                );
                match locator.locate(path, path.len()) {
                    Some(place) => format!("{place}: {what}"),
                    None => say(Message::NoTemplateHasPath, &[("what", &what)]),
                }
            }
        };
        if !out.contains(&text) {
            out.push(text);
        }
    }
    if out.len() > MAX_WARNINGS {
        let more = out.len() - MAX_WARNINGS;
        out.truncate(MAX_WARNINGS);
        out.push(say(Message::MoreNotShown, &[("more", &more.to_string())]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates(files: &[(&str, &str)]) -> (Templates, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!(
            "socsource-provenance-{}-{}",
            std::process::id(),
            files.len()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        (Templates::load(Some(&dir)).unwrap(), dir)
    }

    #[test]
    fn each_warning_names_the_template_line_and_column() {
        let (t, dir) = templates(&[
            ("summary.md", "## Summary\n\nText <span title=\"{{ a.profile.name }}\">x</span>.\n\n  <div class=\"note\">\n\n![Logo](https://example.org/logo.png)\n"),
            ("risks.md", "## Risks\n\n<div class=\"note\">\n"),
        ]);
        let unshown = [
            Unshown::Html("<span title=\"Northwind\">".into()),
            Unshown::Html("<div class=\"note\">".into()),
            Unshown::Html("<div class=\"note\">".into()),
            Unshown::Image {
                path: "https://example.org/logo.png".into(),
                alt: "Logo".into(),
            },
            Unshown::Html("<table>".into()),
        ];
        let warnings = warnings(&t, "report.md", &unshown);
        let summary = dir.join("summary.md").display().to_string();
        let risks = dir.join("risks.md").display().to_string();
        assert_eq!(warnings.len(), 5, "{warnings:#?}");
        assert!(
            warnings[0].starts_with(&format!(
                "{summary}:3:6: raw HTML `<span title=\"Northwind\">`"
            )),
            "{warnings:#?}"
        );
        // The same text twice: the first and second places, in the order
        // report.md includes the sections.
        assert!(
            warnings[1].starts_with(&format!("{summary}:5:3: ")),
            "{warnings:#?}"
        );
        assert!(
            warnings[2].starts_with(&format!("{risks}:3:1: ")),
            "{warnings:#?}"
        );
        assert!(
            warnings[3].starts_with(&format!(
                "{summary}:7:9: the image `https://example.org/logo.png`"
            )),
            "{warnings:#?}"
        );
        assert!(warnings[3].contains("\"[Logo]\""), "{warnings:#?}");
        assert!(
            warnings[4].contains("no template has it as written"),
            "{warnings:#?}"
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_built_in_template_is_named_as_one() {
        let t = Templates::load(None).unwrap();
        let warnings = warnings(
            &t,
            "report.md",
            &[Unshown::Html("<!-- pagebreak --> extra".into())],
        );
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("report.md:24:1 (built-in template): "),
            "{warnings:#?}"
        );
    }

    #[test]
    fn includes_are_read_in_order() {
        assert_eq!(
            includes("{% include \"a.md\" %}\n{%- include 'b.md' -%} included {% include \"c.md\" ignore missing %}"),
            ["a.md", "b.md", "c.md"]
        );
    }
}
