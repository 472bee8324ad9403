//! The sentences the product writes live in one catalogue
//! (`src/evaluate/messages.rs`): no `format!` in `src/evaluate/` or
//! `src/render/` outside it writes English prose.
//!
//! How it works: every `format!` of `src/evaluate/` and `src/render/`
//! (tests aside) is read for its format string; with its `{..}`
//! placeholders taken out, a string holding two letters, a space and two
//! letters (the end of one word and the start of the next) is prose.
//! Markup is not prose: a format string that begins with `<` (after
//! leading spaces) builds an HTML tag or an XMP/RDF element, whose words
//! are the markup's names, not sentences. Any such call outside
//! `messages.rs` fails the test.
//!
//! Plain string literals holding prose (the SLA clauses, roadmap tasks and
//! RACI duties written as tables, error messages) have not all moved yet:
//! [`LITERALS_NOT_YET_MOVED`] holds each file to the count it has, so the
//! number can only go down.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The format strings of a source's `format!` calls, tests left out.
fn format_strings(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("format!(") {
        rest = &rest[at + "format!(".len()..];
        let trimmed = rest.trim_start();
        let Some(literal) = trimmed.strip_prefix('"') else {
            continue;
        };
        let mut text = String::new();
        let mut chars = literal.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => break,
                c => text.push(c),
            }
        }
        out.push(text);
    }
    out
}

/// Whether a format string, placeholders taken out, is prose. Markup (a
/// string that begins with `<`) is not.
fn is_prose(format: &str) -> bool {
    if format.trim_start().starts_with('<') {
        return false;
    }
    let mut plain = String::new();
    let mut depth = 0;
    for c in format.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    // Two letters, a space, two letters: the end of one word and the start
    // of the next.
    let chars: Vec<char> = plain.chars().collect();
    chars.windows(5).any(|w| {
        w[0].is_ascii_alphabetic()
            && w[1].is_ascii_alphabetic()
            && w[2] == ' '
            && w[3].is_ascii_alphabetic()
            && w[4].is_ascii_alphabetic()
    })
}

/// The sources of `src/{dir}` by their path under `src/{dir}`, the
/// catalogue and test-only files (`tests.rs`, left out like
/// `#[cfg(test)]` code) aside.
fn sources_in(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut all = Vec::new();
    files(&root, &mut all);
    all.into_iter()
        .filter_map(|file| {
            let name = file
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name != "messages.rs" && !name.ends_with("/tests.rs"))
                .then(|| (name, std::fs::read_to_string(&file).unwrap()))
        })
        .collect()
}

/// Per file of `src/{dir}`, how many of `strings(source)` are prose.
fn counts_in(dir: &str, strings: fn(&str) -> Vec<String>) -> BTreeMap<String, usize> {
    sources_in(dir)
        .into_iter()
        .map(|(name, source)| {
            (
                name,
                strings(&source).iter().filter(|s| is_prose(s)).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// Prose `format!` calls per file of `src/{dir}`.
fn prose_counts_in(dir: &str) -> BTreeMap<String, usize> {
    counts_in(dir, format_strings)
}

fn prose_counts() -> BTreeMap<String, usize> {
    prose_counts_in("evaluate")
}

#[test]
fn no_prose_is_written_outside_the_message_catalogue() {
    let wrong: Vec<String> = prose_counts()
        .iter()
        .map(|(file, n)| {
            format!(
                "src/evaluate/{file}: {n} format! calls write prose; put the sentence in src/evaluate/messages.rs"
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_renderers_write_no_prose_outside_the_message_catalogue() {
    let wrong: Vec<String> = prose_counts_in("render")
        .into_iter()
        .map(|(file, n)| {
            format!(
                "src/render/{file}: {n} format! calls write prose; put the sentence in src/evaluate/messages.rs"
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_reader_tells_prose_from_numbers() {
    assert!(is_prose("monitoring from month {}"));
    assert!(is_prose("{} needs {} a year in its dearest year"));
    assert!(is_prose("{}, then monitoring"));
    assert!(!is_prose("{x:.3}"));
    assert!(!is_prose("{} {}"));
    assert!(!is_prose("R{:02}"));
    assert!(!is_prose("{change:+.0}% on"));
    // Markup is not prose, however many words its names hold.
    assert!(!is_prose(
        "<figure class=chart>{}<figcaption>{}</figcaption></figure>"
    ));
    assert!(!is_prose(
        "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n"
    ));
    let source = "let a = format!(\n    \"Approve the {what}\",\n    what = x\n);\n#[cfg(test)]\nformat!(\"in a test only\")";
    assert_eq!(format_strings(source), ["Approve the {what}"]);
    // The catalogue's own modules write no prose with format!.
    let found = prose_counts();
    for file in [
        "constraints.rs",
        "reasons.rs",
        "confidence.rs",
        "recommendation.rs",
    ] {
        assert!(!found.contains_key(file), "{file}");
    }
}

/// The string literals of a source (comments, character literals and
/// lifetimes skipped; raw strings read too), tests left out.
fn string_literals(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            '\'' => {
                // A character literal ('x', '\n', '\u{2212}') or a lifetime.
                if chars.get(i + 1) == Some(&'\\') {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            'r' if (chars.get(i + 1) == Some(&'"') || chars.get(i + 1) == Some(&'#'))
                && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                j += 1;
                let mut text = String::new();
                while j < chars.len() {
                    if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                        break;
                    }
                    text.push(chars[j]);
                    j += 1;
                }
                out.push(text);
                i = j + 1 + hashes;
            }
            '"' => {
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    } else {
                        text.push(chars[i]);
                    }
                    i += 1;
                }
                out.push(text);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Prose string literals per file of `src/{dir}`, named `{dir}/file`
/// (format strings included; those are held to none above).
fn literal_prose_counts_in(dir: &str) -> BTreeMap<String, usize> {
    counts_in(dir, string_literals)
        .into_iter()
        .map(|(name, n)| (format!("{dir}/{name}"), n))
        .collect()
}

/// Sentences still written as plain string literals (tables of SLA
/// clauses, roadmap tasks, RACI duties, error messages) rather than
/// through the catalogue, per file: the next to move. A file may only go
/// down; lower its number when some move, remove it when none are left.
const LITERALS_NOT_YET_MOVED: &[(&str, usize)] = &[
    ("render/pdf/fonts.rs", 5),         // font family names matched, not prose
    ("render/pdf/write/archive.rs", 2), // the sRGB ICC profile's own texts
    ("render/pdf/write/images.rs", 1),  // a PDF content-stream operator
    ("render/templates.rs", 1),         // tera's message, matched
];

#[test]
fn prose_in_plain_literals_only_shrinks() {
    let mut found = literal_prose_counts_in("evaluate");
    found.extend(literal_prose_counts_in("render"));
    let allowed: BTreeMap<&str, usize> = LITERALS_NOT_YET_MOVED.iter().copied().collect();
    let wrong: Vec<String> = found
        .iter()
        .filter(|(file, n)| allowed.get(file.as_str()).is_none_or(|a| *n > a))
        .map(|(file, n)| {
            format!(
                "src/{file}: {n} string literals write prose (allowed {}); put the sentences in src/evaluate/messages.rs",
                allowed.get(file.as_str()).copied().unwrap_or(0)
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_literal_reader_skips_comments_characters_and_lifetimes() {
    let source = "// a comment with words in it\nfn f<'a>(x: &'a str) -> char { let q = '\"'; let s = \"two words\"; let r = r#\"raw \"quoted\" text\"#; /* block of words */ '\\u{2212}' }\n#[cfg(test)]\nconst T: &str = \"in a test\";";
    assert_eq!(
        string_literals(source),
        ["two words", "raw \"quoted\" text"]
    );
}

/// Numbers a reader sees are written by `crate::numbers` (one place for
/// decimals, minus signs, separators): no `format!` in `src/evaluate/` or
/// `src/render/` gives a float a precision of its own, except where the
/// number is geometry a reader never sees (SVG coordinates, PDF operators).
#[test]
fn numbers_a_reader_sees_are_formatted_by_the_numbers_module() {
    const GEOMETRY: &[&str] = &["render/charts/svg.rs", "render/pdf/write/images.rs"];
    let mut wrong = Vec::new();
    for dir in ["evaluate", "render"] {
        for (file, source) in sources_in(dir) {
            let name = format!("{dir}/{file}");
            if GEOMETRY.contains(&name.as_str()) {
                continue;
            }
            for f in format_strings(&source) {
                let mut rest = f.as_str();
                while let Some(open) = rest.find('{') {
                    let Some(close) = rest[open..].find('}') else {
                        break;
                    };
                    let spec = &rest[open + 1..open + close];
                    if spec
                        .split_once(':')
                        .is_some_and(|(_, fmt)| fmt.contains('.'))
                    {
                        wrong.push(format!("src/{name}: \"{f}\""));
                    }
                    rest = &rest[open + close + 1..];
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "write these numbers with crate::numbers (fixed, decimal, percent, ...):\n{}",
        wrong.join("\n")
    );
}
