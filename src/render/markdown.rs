//! Markdown: escaping profile text, the one parser configuration, and the
//! final tidy of the generated Markdown.
//!
//! Policy: every value a template prints is escaped by [`escape`] (the
//! Markdown template engine auto-escapes with it), so text from a profile can
//! never break a table, start a heading or list, open a link (nor become
//! one, as a bare web or e-mail address, on a code host too), inject HTML
//! or reach a downstream template engine (Liquid, Hugo, GitHub math) as
//! syntax.
//! Templates themselves are trusted and may write any Markdown or HTML.
//!
//! HTML and PDF both read the Markdown with [`events`] (the parser plus
//! links for bare web addresses), so a template change shows in every
//! format.

use pulldown_cmark::{
    CowStr, Event, LinkType, OffsetIter, Options, Parser, Tag, TagEnd, TextMergeWithOffset,
};
use std::collections::VecDeque;
use std::ops::Range;

/// The marker a template writes to force a page break (PDF, print CSS).
pub const PAGE_BREAK: &str = "<!-- pagebreak -->";

/// The one pulldown-cmark configuration: CommonMark plus GitHub tables,
/// task lists, strikethrough and footnotes, with YAML front matter
/// recognised (and not rendered). HTML and PDF both parse with it, and the
/// PDF typesetter has a rendering for every construct it enables.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

pub fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, options())
}

/// The Markdown's events as HTML and PDF render them: [`parser`]'s, with
/// adjacent text merged and every bare web address a template wrote made a
/// link. CommonMark links only `<https://...>`; GitHub and every mail
/// reader link a bare address too, and a reader of a PDF expects to click
/// it. An address in profile text is not linked: [`escape`] writes its
/// `://` escaped, so it is not in the Markdown as written.
pub fn events(markdown: &str) -> Autolink<'_> {
    Autolink {
        source: markdown,
        events: TextMergeWithOffset::new(parser(markdown).into_offset_iter()),
        queue: VecDeque::new(),
        inside: 0,
        html_anchor: false,
    }
}

/// Links bare web addresses in text (see [`bare_urls`]) that are in the
/// Markdown exactly as written. Text in a link, an image's alt text, code
/// and front matter is left alone, as is text in an anchor a template wrote
/// as raw HTML (links do not nest).
pub struct Autolink<'a> {
    source: &'a str,
    events: TextMergeWithOffset<'a, OffsetIter<'a>>,
    queue: VecDeque<Event<'a>>,
    /// How many links, images, code blocks and metadata blocks are open.
    inside: usize,
    html_anchor: bool,
}

impl<'a> Iterator for Autolink<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(queued) = self.queue.pop_front() {
            return Some(queued);
        }
        let (event, at) = loop {
            match self.events.next()? {
                // Written by [`escape`] only to keep code hosts from linking
                // an e-mail address; the HTML and the PDF show the address
                // as one text.
                (Event::InlineHtml(h), _) if h.as_ref() == EMAIL_BREAK => continue,
                next => break next,
            }
        };
        match &event {
            Event::Start(
                Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_) | Tag::MetadataBlock(_),
            ) => self.inside += 1,
            Event::End(
                TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock | TagEnd::MetadataBlock(_),
            ) => self.inside = self.inside.saturating_sub(1),
            Event::InlineHtml(h) => {
                let tag = h.trim_start().to_ascii_lowercase();
                if tag.starts_with("<a ") || tag.starts_with("<a>") {
                    self.html_anchor = true;
                } else if tag.starts_with("</a") {
                    self.html_anchor = false;
                }
            }
            Event::Text(text) if self.inside == 0 && !self.html_anchor => {
                let written = self.source.get(at).unwrap_or("");
                let mut urls = bare_urls(text);
                urls.retain(|url| written.contains(&text[url.clone()]));
                if !urls.is_empty() {
                    self.split(text, urls);
                    return self.queue.pop_front();
                }
            }
            _ => {}
        }
        Some(event)
    }
}

impl<'a> Autolink<'a> {
    fn split(&mut self, text: &str, urls: Vec<Range<usize>>) {
        let mut at = 0;
        for url in urls {
            if url.start > at {
                self.queue
                    .push_back(Event::Text(CowStr::from(text[at..url.start].to_string())));
            }
            let address = text[url.clone()].to_string();
            self.queue.push_back(Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url: CowStr::from(address.clone()),
                title: CowStr::from(""),
                id: CowStr::from(""),
            }));
            self.queue.push_back(Event::Text(CowStr::from(address)));
            self.queue.push_back(Event::End(TagEnd::Link));
            at = url.end;
        }
        if at < text.len() {
            self.queue
                .push_back(Event::Text(CowStr::from(text[at..].to_string())));
        }
    }
}

/// Where bare `http://` and `https://` addresses are in `text`, as GitHub
/// finds them: the scheme at the start, after a space or after opening
/// punctuation; a domain with a dot; then everything up to a space or an
/// angle bracket, less trailing punctuation (`.`, `,`, `:`, `;`, `!`, `?`,
/// quotes, `*`, `_`, `~`) and any closing bracket without an opening one
/// inside the address.
pub fn bare_urls(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if !text.contains("://") {
        return found;
    }
    // Schemes are case-insensitive; ASCII lower-casing keeps every offset.
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(offset) = lower[from..].find("http") {
        let start = from + offset;
        from = start + 4;
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|s| lower[start..].starts_with(s));
        let Some(scheme) = scheme else { continue };
        let opens = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{<\"'*_~\u{201c}\u{2018}\u{ab}".contains(c));
        if !opens {
            continue;
        }
        let after = start + scheme.len();
        let end = text[after..]
            .find(|c: char| c.is_whitespace() || c.is_control() || "<>\"`".contains(c))
            .map_or(text.len(), |n| after + n);
        let end = after + trim_trailing(&text[after..end]).len();
        let host = &text[after..end];
        let host = host
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.'))
            .map_or(host, |n| &host[..n])
            .trim_end_matches('.');
        let named = host.starts_with(char::is_alphanumeric)
            && host
                .rsplit_once('.')
                .is_some_and(|(_, top)| top.chars().any(char::is_alphanumeric));
        if named {
            found.push(start..end);
        }
        from = end.max(from);
    }
    found
}

/// An address without the punctuation that ends the sentence around it.
fn trim_trailing(address: &str) -> &str {
    let mut url = address;
    loop {
        let Some(last) = url.chars().next_back() else {
            return url;
        };
        let unbalanced = |open: char| url.matches(open).count() < url.matches(last).count();
        let drop = match last {
            '.' | ',' | ':' | ';' | '!' | '?' | '*' | '_' | '~' | '\'' | '"' => true,
            '\u{2019}' | '\u{201d}' | '\u{bb}' => true,
            ')' => unbalanced('('),
            ']' => unbalanced('['),
            '}' => unbalanced('{'),
            _ => false,
        };
        if !drop {
            return url;
        }
        url = &url[..url.len() - last.len_utf8()];
    }
}

/// Escape text for any inline position of a Markdown document, table cells
/// included. Backslash escapes render as the plain character, so the reader
/// sees the text exactly as written in the profile.
pub fn escape(text: &str) -> String {
    // Leading spaces would make an indented code block.
    let text = text.trim_start();
    let chars: Vec<char> = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let spaced = |i: usize| chars.get(i).is_none_or(|c| *c == ' ');
    // Block openers only count at the start of the value: a list marker or
    // heading needs a space after it, a rule or setext underline is a line of
    // one character.
    let all = |c: char| chars.iter().all(|x| *x == c || *x == ' ');
    let mut start = 0;
    match chars.first() {
        Some('-' | '+') if spaced(1) || all('-') => {
            out.push('\\');
        }
        Some('=') if all('=') => out.push('\\'),
        Some('0'..='9') => {
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            if matches!(chars.get(digits), Some('.' | ')')) && spaced(digits + 1) {
                out.extend(&chars[..digits]);
                out.push('\\');
                start = digits;
            }
        }
        Some('#') => {
            let hashes = chars.iter().take_while(|c| **c == '#').count();
            if spaced(hashes) {
                out.push('\\');
            }
        }
        _ => {}
    }
    for i in start..chars.len() {
        let c = chars[i];
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '{' | '}' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // Only an entity reference (`&amp;`, `&#39;`) needs escaping.
            '&' if looks_like_entity(&chars[i + 1..]) => out.push_str("\\&"),
            // A web address or an e-mail address reads as written but is
            // not linked (by [`events`], nor by a code host's autolinker):
            // a profile cannot put a link in front of the board. The `:` of
            // `://` and the `.` of a leading `www.` are escaped, which stops
            // GitHub's and GitLab's autolinkers where they look for them.
            // GitHub finds an e-mail address in the text after escapes are
            // read, so its `@` is set apart by an empty comment instead:
            // shown by no renderer, and dropped by the HTML and the PDF.
            ':' if chars.get(i + 1) == Some(&'/') && chars.get(i + 2) == Some(&'/') => {
                out.push_str("\\:")
            }
            '.' if starts_www(&chars, i) => out.push_str("\\."),
            '@' if i > 0
                && is_local_part(chars[i - 1])
                && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric()) =>
            {
                out.push_str(EMAIL_BREAK);
                out.push('@');
            }
            c => out.push(c),
        }
    }
    out
}

/// What [`escape`] writes before the `@` of an e-mail address: an HTML
/// comment, so that no autolinker sees the address as one piece of text.
pub const EMAIL_BREAK: &str = "<!-- -->";

/// Whether the `.` at `dot` ends a `www` that starts a word, as code hosts
/// find addresses without a scheme (`www.example.com`).
fn starts_www(chars: &[char], dot: usize) -> bool {
    dot >= 3
        && chars[dot - 3..dot]
            .iter()
            .all(|c| c.eq_ignore_ascii_case(&'w'))
        && (dot == 3 || {
            let before = chars[dot - 4];
            before.is_whitespace() || "*_~(".contains(before)
        })
}

/// A character of an e-mail address's local part, as GitHub reads them.
fn is_local_part(c: char) -> bool {
    c.is_alphanumeric() || ".+-_".contains(c)
}

fn looks_like_entity(rest: &[char]) -> bool {
    let name: Vec<&char> = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .collect();
    !name.is_empty() && name.len() <= 32 && rest.get(name.len()) == Some(&';')
}

/// A code span showing `text` literally. Backslash escapes do not work
/// inside code, so instead the fence is one backtick longer than any run of
/// backticks in the text, and padded when the text starts or ends with one.
/// Control characters (a newline in a file name) become spaces. Not for
/// table cells: a `|` there would still end the cell.
pub fn code_span(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.trim().is_empty() {
        return escape(&text);
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // CommonMark strips one space from each side when both are present.
    let pad = if text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' '))
    {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A YAML double-quoted string, for front matter values.
pub fn yaml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A table's delimiter row (`|---|--:|`) written in the spaced style the
/// rows use (`| --- | --: |`), or `None` if `line` is not one. Markdown
/// linters want every row of a table in one style, and templates are
/// easier to write without the spaces.
fn delimiter_row(line: &str) -> Option<String> {
    let inner = line.trim().strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    let is_delimiter = |c: &&str| {
        let dashes = c.trim_start_matches(':').trim_end_matches(':');
        !dashes.is_empty() && dashes.chars().all(|ch| ch == '-')
    };
    if cells.is_empty() || !cells.iter().all(is_delimiter) {
        return None;
    }
    Some(format!("| {} |", cells.join(" | ")))
}

/// The cells of a table row, split at pipes that are not escaped (an odd
/// run of backslashes before a pipe escapes it), each trimmed.
fn row_cells(line: &str) -> Vec<&str> {
    let inner = line.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut start = 0;
    let mut backslashes = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '\\' => backslashes += 1,
            '|' if backslashes % 2 == 0 => {
                cells.push(inner[start..i].trim());
                start = i + 1;
                backslashes = 0;
            }
            _ => backslashes = 0,
        }
    }
    let last = inner[start..].trim();
    if !last.is_empty() {
        cells.push(last);
    }
    cells
}

/// A table row written in the compact style: one space on each side of
/// every cell (`| a | | b |`).
fn compact_row(line: &str) -> String {
    let cells: Vec<String> = row_cells(line)
        .into_iter()
        .map(|c| {
            if c.is_empty() {
                String::new()
            } else {
                format!(" {c}")
            }
        })
        .collect();
    format!("|{} |", cells.join(" |"))
}

/// Normalise template output: no trailing spaces, no runs of blank lines,
/// table rows in one compact style (`| a | b |`, `| --- | --: |`, an empty
/// cell `| |`: what Markdown linters want, and templates are easier to
/// write without minding the spaces), one final newline
/// (what Markdown linters and diffs expect). The one exception is a hard
/// line break written as two or more trailing spaces before another line
/// of text: it keeps exactly two spaces. Fenced code is left as written.
pub fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    let mut fence: Option<&str> = None;
    let mut in_table = false;
    // Where the line last written to `out` starts.
    let mut last_line = 0;
    let mut lines = markdown.lines().peekable();
    while let Some(raw) = lines.next() {
        let trimmed = raw.trim_start();
        for marker in ["```", "~~~"] {
            if trimmed.starts_with(marker) {
                fence = match fence {
                    None => Some(marker),
                    Some(open) if open == marker => None,
                    other => other,
                };
            }
        }
        let mut spaced = None;
        if fence.is_none() {
            if let Some(delimiter) = delimiter_row(raw) {
                // The row above a delimiter row is the table's header.
                let header = out[last_line..].trim_end();
                if !in_table && header.starts_with('|') {
                    let row = compact_row(header);
                    out.truncate(last_line);
                    out.push_str(&row);
                    out.push('\n');
                    in_table = true;
                }
                spaced = Some(delimiter);
            } else if in_table && raw.trim_start().starts_with('|') {
                spaced = Some(compact_row(raw));
            } else {
                in_table = false;
            }
        } else {
            in_table = false;
        }
        let line = spaced.as_deref().unwrap_or_else(|| raw.trim_end());
        let hard_break = spaced.is_none()
            && !line.is_empty()
            && raw.ends_with("  ")
            && raw[line.len()..].chars().all(|c| c == ' ')
            && lines.peek().is_some_and(|next| !next.trim().is_empty());
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        last_line = out.len();
        out.push_str(line);
        if hard_break {
            out.push_str("  ");
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Tag, TagEnd};

    #[test]
    fn tidy_spaces_table_delimiter_rows_outside_code() {
        let md = "| a | b |\n|---|--:|\n| 1 | 2 |\n\n```\n|---|\n```\n\n---\n";
        assert_eq!(
            tidy(md),
            "| a | b |\n| --- | --: |\n| 1 | 2 |\n\n```\n|---|\n```\n\n---\n"
        );
        assert_eq!(
            delimiter_row("|:---|---:|:-:|").as_deref(),
            Some("| :--- | ---: | :-: |")
        );
        assert_eq!(delimiter_row("| a | b |"), None);
        assert_eq!(delimiter_row("|  |"), None);
        assert_eq!(
            tidy("|a|  b |\n|-|-|\n|  | x \\| y\\\\|z|\n\n|not a table|\n"),
            "| a | b |\n| - | - |\n| | x \\| y\\\\ | z |\n\n|not a table|\n"
        );
    }

    /// Render one line of escaped text in a table cell and return the events.
    fn cell_events(value: &str) -> Vec<Event<'static>> {
        let md = format!("| a | b |\n|---|---|\n| {} | x |\n", escape(value));
        parser(&md).map(|e| e.into_static()).collect()
    }

    #[test]
    fn hostile_text_stays_text_in_a_table_cell() {
        let hostile = "{{ 7*7 }} | <script>alert(1)</script> [x](javascript:1) **b** `c` &amp; ~~s~~ ~t~ [^1] $x$ AT&T";
        let events = cell_events(hostile);
        let text: String = events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert!(text.contains(hostile), "{text}");
        assert!(!events
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_) | Event::Code(_))));
        assert!(!events.iter().any(|e| matches!(
            e,
            Event::Start(Tag::Link { .. } | Tag::Strong | Tag::Emphasis | Tag::Strikethrough)
                | Event::FootnoteReference(_)
        )));
        let cells = events
            .iter()
            .filter(|e| matches!(e, Event::End(TagEnd::TableCell)))
            .count();
        assert_eq!(cells, 4, "the pipe must not add a column");
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        for value in [
            "# Heading",
            "- item",
            "+ item",
            "1. item",
            "12) item",
            "> quote",
            "===",
            "---",
            "    code",
            "-",
            "1.",
        ] {
            let md = format!("{}\n", escape(value));
            let events: Vec<Event> = parser(&md).collect();
            assert!(
                matches!(events.first(), Some(Event::Start(Tag::Paragraph))),
                "{value:?} became {events:?}"
            );
        }
    }

    #[test]
    fn ordinary_text_stays_readable() {
        assert_eq!(
            escape("see https://x.example/a"),
            "see https\\://x.example/a"
        );
        assert_eq!(escape("+1.0"), "+1.0");
        assert_eq!(escape("12.5%"), "12.5%");
        assert_eq!(escape("-1.2"), "-1.2");
        assert_eq!(escape("AT&T C# 24/7"), "AT&T C# 24/7");
        assert_eq!(escape("in_house"), "in\\_house");
    }

    #[test]
    fn addresses_are_inert_for_code_hosts_and_read_back_exactly() {
        let text = "mail ceo@acme.example or see www.acme.example, HTTPS://acme.example/x";
        let md = escape(text);
        assert_eq!(
            md,
            "mail ceo<!-- -->@acme.example or see www\\.acme.example, HTTPS\\://acme.example/x"
        );
        // What the HTML and the PDF read: the text as written, no link, no
        // HTML.
        let events: Vec<Event<'_>> = events(&md).collect();
        let shown: String = events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(shown, text);
        assert!(!events.iter().any(|e| matches!(
            e,
            Event::Start(Tag::Link { .. }) | Event::InlineHtml(_) | Event::Html(_)
        )));
        // Not addresses: left alone.
        for plain in ["@channel", "a @ b", "awww.x", "www", "x@"] {
            assert_eq!(escape(plain), plain);
        }
    }

    #[test]
    fn yaml_strings_are_quoted() {
        assert_eq!(yaml_string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        let parsed: String = serde_yaml::from_str(&yaml_string("Δήμος: \"x\" # y")).unwrap();
        assert_eq!(parsed, "Δήμος: \"x\" # y");
    }

    fn linked(text: &str) -> Vec<&str> {
        bare_urls(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn bare_addresses_are_found_without_the_sentence_around_them() {
        assert_eq!(
            linked("See https://www.ncsc.gov.uk/collection/soc. Then http://example.com/a?b=1&c=2, or (https://en.wikipedia.org/wiki/Foo_(bar)) and \"https://example.org/x\"!"),
            [
                "https://www.ncsc.gov.uk/collection/soc",
                "http://example.com/a?b=1&c=2",
                "https://en.wikipedia.org/wiki/Foo_(bar)",
                "https://example.org/x",
            ]
        );
        assert_eq!(
            linked("at https://example.com:8443/path."),
            ["https://example.com:8443/path"]
        );
        assert_eq!(linked("HTTPS://EXAMPLE.COM"), ["HTTPS://EXAMPLE.COM"]);
        // Not an address: no dot in the host, no host, inside a word, another scheme.
        for text in [
            "https://localhost/x",
            "https:// example.com",
            "https://",
            "xhttps://example.com",
            "ftp://example.com",
            "javascript:alert(1)//https",
            "https://.com",
        ] {
            assert_eq!(linked(text), Vec::<&str>::new(), "{text}");
        }
        // An address ends at an angle bracket or a quote.
        assert_eq!(
            linked("https://evil.example/\"><script>alert(1)</script>"),
            ["https://evil.example/"]
        );
    }

    fn events_of(md: &str) -> Vec<Event<'_>> {
        events(md).collect()
    }

    #[test]
    fn bare_addresses_become_links_only_in_plain_text() {
        let link = |url: &str| {
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::Autolink,
                dest_url: url.to_string().into(),
                title: "".into(),
                id: "".into(),
            })
        };
        let got = events_of("Read https://example.com/a_b.\n");
        assert_eq!(
            got,
            [
                Event::Start(Tag::Paragraph),
                Event::Text("Read ".into()),
                link("https://example.com/a_b"),
                Event::Text("https://example.com/a_b".into()),
                Event::End(TagEnd::Link),
                Event::Text(".".into()),
                Event::End(TagEnd::Paragraph),
            ]
        );
        // An address in profile text reads back whole, and is not linked.
        let md = format!("{}\n", escape("see https://example.com/in_house_soc"));
        let got = events_of(&md);
        assert!(
            got.contains(&Event::Text("see https://example.com/in_house_soc".into())),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|e| matches!(e, Event::Start(Tag::Link { .. }))),
            "{got:?}"
        );
        // Already a link, code, an image's alt text, or inside an anchor
        // written as raw HTML: no link is added (links do not nest).
        for (md, links) in [
            ("[https://example.com](https://example.org)\n", 1),
            ("<https://example.com>\n", 1),
            ("`https://example.com`\n", 0),
            ("```\nhttps://example.com\n```\n", 0),
            ("![https://example.com](logo.png)\n", 0),
            (
                "<a href=\"https://example.org\">https://example.com</a>\n",
                0,
            ),
            ("<b>https://example.com</b>\n", 1),
        ] {
            let found = events_of(md)
                .iter()
                .filter(|e| matches!(e, Event::Start(Tag::Link { .. })))
                .count();
            assert_eq!(found, links, "{md}");
        }
    }

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
    }

    #[test]
    fn tidy_keeps_hard_breaks() {
        assert_eq!(
            tidy("one   \ntwo \nthree\t \nfour  \n"),
            "one  \ntwo\nthree\nfour\n"
        );
        let md = tidy("one  \ntwo\n");
        let events: Vec<Event> = parser(&md).collect();
        assert!(events.contains(&Event::HardBreak), "{events:?}");
    }

    #[test]
    fn code_spans_show_any_text_literally() {
        for text in [
            "plain.yaml",
            "<b onmouseover=alert(1)>x # head|.yaml",
            "a`b``c.yaml",
            "`start and end`",
            " spaced ",
            "back\\slash *star* [link](x)",
            "line\nbreak",
        ] {
            let md = format!("Source ({}).", code_span(text));
            let mut code = Vec::new();
            for e in parser(&md) {
                if let pulldown_cmark::Event::Code(c) = e {
                    code.push(c.to_string());
                }
            }
            assert_eq!(code, [text.replace('\n', " ")], "{md}");
        }
    }
}
