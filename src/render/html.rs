//! HTML: the report's Markdown, parsed with the shared configuration and
//! written as one self-contained page.
//!
//! The event stream is adjusted before pulldown-cmark writes it: headings
//! get stable ids (GitHub's scheme, so Markdown links work on a code host
//! and here), chart images become inline SVG figures, the page-break marker
//! becomes a print break, and tables are wrapped so they scroll on a phone.
//! Text events are escaped by pulldown-cmark; raw HTML can only come from
//! templates, because profile text is escaped before it becomes Markdown.

use super::charts::Figure;
use super::markdown::{self, PAGE_BREAK};
use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
}

#[derive(Debug, Clone)]
pub struct HtmlBody {
    pub body: String,
    /// An `<ol>` of links to the second-level headings.
    pub toc: String,
    /// The text of the first top-level heading.
    pub title: String,
    pub headings: Vec<Heading>,
}

/// GitHub-style heading ids: lower case, spaces to dashes, punctuation
/// dropped, repeats numbered.
#[derive(Default)]
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

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Plain text of events up to the end of the current element.
fn text_until_end(events: &[Event<'_>]) -> String {
    let mut depth = 0usize;
    let mut text = String::new();
    for e in events {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn chart_for<'f>(url: &str, figures: &'f [Figure]) -> Option<(usize, &'f Figure)> {
    let name = url.strip_prefix("charts/")?;
    figures.iter().enumerate().find(|(_, f)| f.name == name)
}

fn figure_html(index: usize, figure: &Figure) -> String {
    format!(
        "<figure class=\"chart\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
        figure.to_svg(&format!("chart-{}", index + 1)),
        escape_html(&figure.title)
    )
}

/// The end of an image element starting at `events[start]` (its `End`).
fn image_end(events: &[Event<'_>], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

pub fn to_html(markdown_text: &str, figures: &[Figure]) -> HtmlBody {
    let events: Vec<Event<'_>> = markdown::parser(markdown_text).collect();
    let mut slugs = Slugger::default();
    let mut headings = Vec::new();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len() + 32);
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let text = text_until_end(&events[i + 1..]);
                let id = slugs.slug(&text);
                headings.push(Heading {
                    level: level_number(*level),
                    text,
                    id: id.clone(),
                });
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(id)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            // A paragraph holding only a chart image becomes a <figure>.
            Event::Start(Tag::Paragraph) if matches!(events.get(i + 1), Some(Event::Start(Tag::Image { dest_url, .. })) if chart_for(dest_url, figures).is_some()) =>
            {
                let end = image_end(&events, i + 1);
                if matches!(events.get(end + 1), Some(Event::End(TagEnd::Paragraph))) {
                    if let Some(Event::Start(Tag::Image { dest_url, .. })) = events.get(i + 1) {
                        if let Some((n, f)) = chart_for(dest_url, figures) {
                            out.push(Event::Html(CowStr::from(figure_html(n, f))));
                        }
                    }
                    i = end + 2;
                    continue;
                }
                out.push(events[i].clone());
            }
            Event::Start(Tag::Image { dest_url, .. }) if chart_for(dest_url, figures).is_some() => {
                if let Some((n, f)) = chart_for(dest_url, figures) {
                    out.push(Event::InlineHtml(CowStr::from(
                        f.to_svg(&format!("chart-{}", n + 1)),
                    )));
                }
                i = image_end(&events, i) + 1;
                continue;
            }
            Event::Html(h) | Event::InlineHtml(h) if h.trim() == PAGE_BREAK => {
                out.push(Event::Html(CowStr::from(
                    "<div class=\"page-break\"></div>\n",
                )));
            }
            Event::Start(Tag::Table(_)) => {
                out.push(Event::Html(CowStr::from("<div class=\"table-wrap\">\n")));
                out.push(events[i].clone());
            }
            Event::End(TagEnd::Table) => {
                out.push(events[i].clone());
                out.push(Event::Html(CowStr::from("</div>\n")));
            }
            e => out.push(e.clone()),
        }
        i += 1;
    }
    let mut body = String::with_capacity(markdown_text.len() * 2);
    html::push_html(&mut body, out.into_iter());
    // Header cells of GitHub tables are column headers.
    let body = body
        .replace("<th>", "<th scope=\"col\">")
        .replace("<th style=", "<th scope=\"col\" style=");
    let mut toc = String::from("<ol>\n");
    for h in headings.iter().filter(|h| h.level == 2) {
        toc.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>\n",
            h.id,
            escape_html(&h.text)
        ));
    }
    toc.push_str("</ol>");
    let title = headings
        .iter()
        .find(|h| h.level == 1)
        .map(|h| h.text.clone())
        .unwrap_or_default();
    HtmlBody {
        body,
        toc,
        title,
        headings,
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
    }

    #[test]
    fn headings_get_ids_and_tables_scope_and_a_wrapper() {
        let page = to_html(
            "# Title\n\n## Costs\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n",
            &[],
        );
        assert!(
            page.body.contains("<h2 id=\"costs\">Costs</h2>"),
            "{}",
            page.body
        );
        assert!(page.body.contains("<th scope=\"col\">a</th>"));
        assert!(page
            .body
            .contains("<th scope=\"col\" style=\"text-align: right\">b</th>"));
        assert!(page.body.contains("<div class=\"table-wrap\">"));
        assert_eq!(page.title, "Title");
        assert!(page.toc.contains("<a href=\"#costs\">Costs</a>"));
    }

    #[test]
    fn escaped_profile_text_never_becomes_markup() {
        let name = markdown::escape("<script>alert(1)</script> & {{ 7*7 }}");
        let page = to_html(&format!("## {name}\n\n| x |\n|---|\n| {name} |\n"), &[]);
        assert!(!page.body.contains("<script"), "{}", page.body);
        assert!(page
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 7*7 }}"));
    }

    #[test]
    fn page_breaks_become_print_breaks() {
        let page = to_html("a\n\n<!-- pagebreak -->\n\nb\n", &[]);
        assert!(
            page.body.contains("<div class=\"page-break\"></div>"),
            "{}",
            page.body
        );
    }
}
