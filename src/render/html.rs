//! HTML: the report's Markdown, parsed with the shared configuration and
//! written as one self-contained page.
//!
//! The event stream is adjusted before pulldown-cmark writes it: headings
//! get stable ids (GitHub's scheme, from [`slug`](super::slug), which the
//! PDF shares), chart images become inline SVG figures, the page-break marker
//! becomes a print break, tables are wrapped so they scroll on a phone, and
//! a task-list item shows its box where the bullet would be. Bare web
//! addresses are linked by [`markdown::events`], as in the PDF.
//! Text events are escaped by pulldown-cmark; raw HTML can only come from
//! templates, because profile text is escaped before it becomes Markdown.

use super::charts::Figure;
use super::escape::escape_html;
use super::markdown::{self, PAGE_BREAK};
use super::slug::Slugger;
use super::Picture;
use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Tag, TagEnd};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
}

#[derive(Debug, Clone)]
pub(crate) struct HtmlBody {
    pub body: String,
    /// Where the first second-level heading starts in `body` (its end
    /// when there is none): what comes before is the title block, which
    /// the contents follow.
    pub sections_start: usize,
    /// An `<ol>` of links to the second-level headings.
    pub toc: String,
    /// The text of the first top-level heading.
    pub title: String,
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

impl HtmlBody {
    /// The title block: everything before the first section.
    pub(crate) fn title_block(&self) -> &str {
        &self.body[..self.sections_start]
    }

    /// Everything from the first section on.
    pub(crate) fn sections(&self) -> &str {
        &self.body[self.sections_start..]
    }
}

/// `text` as a CSS string, quotes included, for a print stylesheet's
/// running footer. Quotes and backslashes are escaped, and so are `<`, `>`
/// and `&` (as hex escapes), so the text can end neither the string nor
/// the `<style>` element it sits in.
pub(crate) fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '&' => out.push_str(&format!("\\{:X} ", c as u32)),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn chart_for<'f>(url: &str, figures: &'f [Figure]) -> Option<(usize, &'f Figure)> {
    let name = url.strip_prefix("charts/")?;
    figures.iter().enumerate().find(|(_, f)| f.name == name)
}

/// An `<img>` with the picture's bytes in a `data:` address.
fn picture_html(p: &Picture, alt: &str) -> String {
    use base64::Engine as _;
    format!(
        "<img class=\"picture\" src=\"data:{};base64,{}\" alt=\"{}\" width=\"{}\" height=\"{}\">",
        p.image.kind.media_type(),
        base64::engine::general_purpose::STANDARD.encode(&p.image.bytes),
        escape_html(alt),
        p.image.width,
        p.image.height
    )
}

fn figure_html(index: usize, figure: &Figure) -> String {
    format!(
        "<figure class=\"chart\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
        figure.to_svg(&format!("chart-{}", index + 1)),
        escape_html(&figure.title)
    )
}

/// The report's adjustments to the Markdown event stream, applied as the
/// events are written. Streaming matters for a portfolio index of
/// thousands of rows: only a heading or an image is ever held back.
struct Adjust<'a, 'f, I: Iterator<Item = Event<'a>>> {
    events: std::iter::Peekable<I>,
    figures: &'f [Figure],
    pictures: &'f [Picture],
    slugs: Slugger,
    headings: Vec<Heading>,
    /// Events ready to go out, in order.
    queue: std::collections::VecDeque<Event<'a>>,
    alignments: Vec<pulldown_cmark::Alignment>,
    in_head: bool,
    head_column: usize,
    /// Tables seen so far under each heading, to name their wrappers.
    tables_in_section: std::collections::HashMap<String, usize>,
    /// Task-list items so far, to give each an id its box is labelled by.
    tasks: usize,
}

impl<'a, I: Iterator<Item = Event<'a>>> Adjust<'a, '_, I> {
    /// The rest of the current element (after its `Start`), up to and
    /// including its `End`.
    fn take_element(&mut self) -> Vec<Event<'a>> {
        let mut depth = 0usize;
        let mut taken = Vec::new();
        for e in self.events.by_ref() {
            match &e {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => {
                    taken.push(e);
                    break;
                }
                Event::End(_) => depth -= 1,
                _ => {}
            }
            taken.push(e);
        }
        taken
    }

    fn is_chart(&self, url: &str) -> bool {
        chart_for(url, self.figures).is_some()
    }

    /// An inline chart for an image whose `Start` was just taken (its alt
    /// text is dropped: the SVG carries the title).
    fn chart_svg(&mut self, url: &str) -> Event<'a> {
        self.take_element();
        let svg = chart_for(url, self.figures)
            .map(|(n, f)| f.to_svg(&format!("chart-{}", n + 1)))
            .unwrap_or_default();
        Event::InlineHtml(CowStr::from(svg))
    }

    /// The start of a head cell, as pulldown-cmark writes it plus a scope.
    fn head_cell(&self) -> Event<'a> {
        use pulldown_cmark::Alignment;
        let style = match self.alignments.get(self.head_column) {
            Some(Alignment::Left) => " style=\"text-align: left\"",
            Some(Alignment::Center) => " style=\"text-align: center\"",
            Some(Alignment::Right) => " style=\"text-align: right\"",
            _ => "",
        };
        Event::Html(CowStr::from(format!("<th scope=\"col\"{style}>")))
    }

    fn adjust(&mut self, event: Event<'a>) {
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let rest = self.take_element();
                let text = plain_text(&rest);
                let id = self.slugs.slug(&text);
                self.headings.push(Heading {
                    level: level_number(level),
                    text,
                    id: id.clone(),
                });
                self.queue.push_back(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                }));
                self.queue.extend(rest);
            }
            // A paragraph holding only a chart image becomes a <figure>.
            Event::Start(Tag::Paragraph) => {
                let figures = self.figures;
                let chart = match self.events.peek() {
                    Some(Event::Start(Tag::Image { dest_url, .. }))
                        if chart_for(dest_url, figures).is_some() =>
                    {
                        Some(dest_url.to_string())
                    }
                    _ => None,
                };
                let Some(url) = chart else {
                    self.queue.push_back(Event::Start(Tag::Paragraph));
                    return;
                };
                self.events.next();
                self.take_element();
                if matches!(self.events.peek(), Some(Event::End(TagEnd::Paragraph))) {
                    self.events.next();
                    if let Some((n, f)) = chart_for(&url, self.figures) {
                        self.queue
                            .push_back(Event::Html(CowStr::from(figure_html(n, f))));
                    }
                } else {
                    self.queue.push_back(Event::Start(Tag::Paragraph));
                    if let Some((n, f)) = chart_for(&url, self.figures) {
                        self.queue.push_back(Event::InlineHtml(CowStr::from(
                            f.to_svg(&format!("chart-{}", n + 1)),
                        )));
                    }
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) if self.is_chart(&dest_url) => {
                let svg = self.chart_svg(&dest_url);
                self.queue.push_back(svg);
            }
            // A logo is embedded, so the page stands alone like its charts.
            Event::Start(Tag::Image { dest_url, .. })
                if self.pictures.iter().any(|p| p.dest == *dest_url) =>
            {
                let alt = plain_text(&self.take_element());
                if let Some(p) = self.pictures.iter().find(|p| p.dest == *dest_url) {
                    self.queue
                        .push_back(Event::InlineHtml(CowStr::from(picture_html(p, &alt))));
                }
            }
            // A task's box takes the place of its bullet, and is named by
            // the item's text. The id has a dot, which no heading id has.
            Event::Start(Tag::Item) => {
                let paragraph = match self.events.peek() {
                    Some(Event::Start(Tag::Paragraph)) => self.events.next(),
                    _ => None,
                };
                let done = match self.events.peek() {
                    Some(Event::TaskListMarker(done)) => Some(*done),
                    _ => None,
                };
                let Some(done) = done else {
                    self.queue.push_back(Event::Start(Tag::Item));
                    if let Some(p) = paragraph {
                        self.adjust(p);
                    }
                    return;
                };
                self.events.next();
                self.tasks += 1;
                let id = format!("task.{}", self.tasks);
                self.queue.push_back(Event::Html(CowStr::from(format!(
                    "<li class=\"task\" id=\"{id}\">"
                ))));
                self.queue.extend(paragraph);
                self.queue.push_back(Event::InlineHtml(CowStr::from(format!(
                    "<input class=\"task-box\" type=\"checkbox\" disabled{} aria-labelledby=\"{id}\"> ",
                    if done { " checked" } else { "" }
                ))));
            }
            Event::Html(h) | Event::InlineHtml(h) if h.trim() == PAGE_BREAK => {
                self.queue.push_back(Event::Html(CowStr::from(
                    "<div class=\"page-break\"></div>\n",
                )));
            }
            // The wrapper scrolls a wide table on a narrow screen; it can
            // be focused and is named, so it can be scrolled from the
            // keyboard and a screen reader says what it holds.
            Event::Start(Tag::Table(alignments)) => {
                self.alignments.clone_from(&alignments);
                let section = self.headings.last().map_or("", |h| h.text.as_str());
                let n = self
                    .tables_in_section
                    .entry(section.to_string())
                    .or_insert(0);
                *n += 1;
                let name = match (section, *n) {
                    ("", 1) => "Table".to_string(),
                    ("", n) => format!("Table {n}"),
                    (s, 1) => format!("{s}: table"),
                    (s, n) => format!("{s}: table {n}"),
                };
                self.queue.push_back(Event::Html(CowStr::from(format!(
                    "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n",
                    escape_html(&name)
                ))));
                self.queue.push_back(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                self.queue.push_back(Event::End(TagEnd::Table));
                self.queue.push_back(Event::Html(CowStr::from("</div>\n")));
            }
            // Header cells of GitHub tables are column headers. pulldown-cmark
            // writes head cells without a scope, so they are written here, in
            // its format; it resets its column count at the end of the head.
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.head_column = 0;
                self.queue.push_back(Event::Start(Tag::TableHead));
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                self.queue.push_back(Event::End(TagEnd::TableHead));
            }
            Event::Start(Tag::TableCell) if self.in_head => {
                let cell = self.head_cell();
                self.queue.push_back(cell);
            }
            Event::End(TagEnd::TableCell) if self.in_head => {
                self.head_column += 1;
                self.queue.push_back(Event::Html(CowStr::from("</th>")));
            }
            e => self.queue.push_back(e),
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Adjust<'a, '_, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        while self.queue.is_empty() {
            let event = self.events.next()?;
            self.adjust(event);
        }
        self.queue.pop_front()
    }
}

/// Plain text of a run of events.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

pub(crate) fn to_html(markdown_text: &str, figures: &[Figure], pictures: &[Picture]) -> HtmlBody {
    let mut adjust = Adjust {
        events: markdown::events(markdown_text).peekable(),
        figures,
        pictures,
        slugs: Slugger::default(),
        headings: Vec::new(),
        queue: std::collections::VecDeque::new(),
        alignments: Vec::new(),
        in_head: false,
        head_column: 0,
        tables_in_section: std::collections::HashMap::new(),
        tasks: 0,
    };
    let mut body = String::with_capacity(markdown_text.len() * 2);
    html::push_html(&mut body, adjust.by_ref());
    let headings = adjust.headings;
    // The first section's heading is written just as its id says.
    let sections_start = headings
        .iter()
        .find(|h| h.level == 2)
        .and_then(|h| body.find(&format!("<h2 id=\"{}\">", h.id)))
        .unwrap_or(body.len());
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
        sections_start,
        toc,
        title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_ids_and_tables_scope_and_a_wrapper() {
        let page = to_html(
            "# Title\n\n## Costs\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n",
            &[],
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
        assert!(page.body.contains(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Costs: table\">"
        ));
        assert_eq!(page.title, "Title");
        assert!(page.toc.contains("<a href=\"#costs\">Costs</a>"));
    }

    #[test]
    fn escaped_profile_text_never_becomes_markup() {
        let name = markdown::escape("<script>alert(1)</script> & {{ 7*7 }}");
        let page = to_html(
            &format!("## {name}\n\n| x |\n|---|\n| {name} |\n"),
            &[],
            &[],
        );
        assert!(!page.body.contains("<script"), "{}", page.body);
        assert!(page
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 7*7 }}"));
    }

    #[test]
    fn a_task_shows_a_box_instead_of_a_bullet_named_by_its_text() {
        let page = to_html(
            "- [x] Budget approved\n- [ ] Provider chosen\n- plain\n\n1. [ ] loose\n\n   more\n",
            &[],
            &[],
        );
        assert!(page.body.contains("<li class=\"task\" id=\"task.1\"><input class=\"task-box\" type=\"checkbox\" disabled checked aria-labelledby=\"task.1\"> Budget approved</li>"), "{}", page.body);
        assert!(page.body.contains("<li class=\"task\" id=\"task.2\"><input class=\"task-box\" type=\"checkbox\" disabled aria-labelledby=\"task.2\"> Provider chosen</li>"), "{}", page.body);
        assert!(page.body.contains("<li>plain</li>"), "{}", page.body);
        // A loose item keeps its paragraph, the box first in it.
        assert!(page.body.contains("<li class=\"task\" id=\"task.3\">\n<p><input class=\"task-box\" type=\"checkbox\" disabled aria-labelledby=\"task.3\"> loose</p>"), "{}", page.body);
        assert!(!page.body.contains("<li>\n<input"), "{}", page.body);
    }

    #[test]
    fn bare_addresses_a_template_wrote_are_linked_and_profile_text_stays_text() {
        let page = to_html("See https://www.ncsc.gov.uk/soc.\n", &[], &[]);
        assert!(
            page.body.contains(
                "See <a href=\"https://www.ncsc.gov.uk/soc\">https://www.ncsc.gov.uk/soc</a>."
            ),
            "{}",
            page.body
        );
        let hostile = markdown::escape("https://evil.example/\"onmouseover=\"alert(1) <script>x</script> ![p](https://x.example/p.png)");
        let page = to_html(&format!("{hostile}\n"), &[], &[]);
        assert!(!page.body.contains("<a"), "{}", page.body);
        assert!(!page.body.contains("<img"), "{}", page.body);
        assert!(!page.body.contains("<script"), "{}", page.body);
        assert!(page.body.contains("https://evil.example/\"onmouseover=\"alert(1) &lt;script&gt;x&lt;/script&gt; ![p](https://x.example/p.png)"), "{}", page.body);
    }

    #[test]
    fn the_title_block_is_what_comes_before_the_first_section() {
        let page = to_html(
            "# Report\n\nFor the board.\n\n<!-- pagebreak -->\n\n## Summary\n\nText.\n",
            &[],
            &[],
        );
        assert!(
            page.title_block()
                .starts_with("<h1 id=\"report\">Report</h1>"),
            "{}",
            page.body
        );
        assert!(page.title_block().contains("For the board."));
        assert!(
            page.sections()
                .starts_with("<h2 id=\"summary\">Summary</h2>"),
            "{}",
            page.body
        );
        let no_sections = to_html("# Only a title\n", &[], &[]);
        assert_eq!(no_sections.title_block(), no_sections.body);
        assert_eq!(no_sections.sections(), "");
    }

    #[test]
    fn footer_text_cannot_leave_its_css_string() {
        assert_eq!(css_string("Acme · Confidential"), "\"Acme · Confidential\"");
        assert_eq!(
            css_string("a\"b\\c</style><script>&\n"),
            "\"a\\\"b\\\\c\\3C /style\\3E \\3C script\\3E \\26  \""
        );
    }

    #[test]
    fn page_breaks_become_print_breaks() {
        let page = to_html("a\n\n<!-- pagebreak -->\n\nb\n", &[], &[]);
        assert!(
            page.body.contains("<div class=\"page-break\"></div>"),
            "{}",
            page.body
        );
    }
}
