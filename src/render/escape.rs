//! Text for the markup written outside pulldown-cmark's HTML writer (the
//! page shell, the SVG charts, the PDF's XMP metadata), escaped by the
//! escaper that writer uses.

/// Text for HTML or XML character data and quoted attribute values: `&`,
/// `<`, `>`, `"` and `'` as entities.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}
