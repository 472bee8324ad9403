//! Untrusted profiles as an attacker or a careless tool writes them: the
//! text rules, ids that must name a folder on every system, thousands of
//! mistakes in one file, and what reaches the terminal. Each runs the
//! binary as a user does and checks what they would see.

mod common;
use common::*;
use std::fs;
use std::path::Path;

/// A bundled profile with `from` replaced by `to`, written to `dir/name`.
fn variant(dir: &Path, name: &str, from: &str, to: &str) -> String {
    let text = fs::read_to_string(repo().join("profiles/kestrel-commerce.yaml")).unwrap();
    assert!(text.contains(from), "{from}");
    fs::write(dir.join(name), text.replacen(from, to, 1)).unwrap();
    name.to_string()
}

/// Whether terminal output holds a character that could move the cursor,
/// colour the screen or reorder what is shown.
fn raw_hazard(text: &str) -> Option<char> {
    text.chars()
        .find(|c| *c != '\n' && socsource::internals::diag::is_hidden_or_control(*c))
}

#[test]
fn hidden_separators_tags_and_noncharacters_are_refused_where_they_are() {
    let dir = scratch("text-rules");
    let refused = [
        '\u{2028}',
        '\u{2029}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{FEFF}',
        '\u{E0001}',
        '\u{E0041}',
        '\u{E007F}',
        '\u{FDD0}',
        '\u{FDEF}',
        '\u{FFFE}',
        '\u{FFFF}',
        '\u{1FFFE}',
        '\u{10FFFF}',
        '\u{202E}',
        '\u{200E}',
    ];
    for c in refused {
        let code = format!("U+{:04X}", c as u32);
        // Written as the character itself, and as a YAML escape inside
        // double quotes (which only the text rules can see).
        for (how, value) in [
            ("raw", format!("Kestrel{c}Commerce")),
            ("escaped", format!("\"Kestrel\\U{:08X}Commerce\"", c as u32)),
        ] {
            let file = variant(
                &dir,
                "t.yaml",
                "name: Kestrel Commerce B.V.",
                &format!("name: {value}"),
            );
            let run = socsource_at(&dir, &["validate", &file]);
            assert_eq!(run.code, 1, "{code} {how} accepted: {}", run.stdout);
            let first = run.stderr.lines().next().unwrap_or("");
            assert!(first.contains(&code), "{code} {how}: {}", run.stderr);
            // Where: the file, line 12 (the name), and a column on it.
            assert!(
                run.stderr.contains(" --> t.yaml:12:"),
                "{code} {how}: {}",
                run.stderr
            );
            assert_eq!(raw_hazard(&run.stderr), None, "{code} {how}");
        }
    }
    // Visible text in any script is untouched.
    let file = variant(
        &dir,
        "ok.yaml",
        "name: Kestrel Commerce B.V.",
        "name: Δήμος · دبي · 東京 · Straße",
    );
    let run = socsource_at(&dir, &["validate", &file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn an_id_is_a_non_empty_string_that_can_name_a_folder_on_windows() {
    let dir = scratch("ids");
    for (id, says) in [
        ("~", "found nothing"),
        ("", "found nothing"),
        ("null", "found nothing"),
        ("true", "found the boolean `true`"),
        ("false", "found the boolean `false`"),
        ("con", "Windows keeps the name"),
        ("prn", "Windows keeps the name"),
        ("aux", "Windows keeps the name"),
        ("nul", "Windows keeps the name"),
        ("com1", "Windows keeps the name"),
        ("lpt9", "Windows keeps the name"),
    ] {
        let file = variant(
            &dir,
            "acme.yaml",
            "id: kestrel-commerce",
            &format!("id: {id}"),
        );
        let run = socsource_at(&dir, &["validate", &file]);
        assert_eq!(run.code, 1, "`id: {id}` accepted: {}", run.stdout);
        assert!(
            run.stderr.starts_with("error: id: ") && run.stderr.contains(says),
            "`id: {id}`: {}",
            run.stderr
        );
        assert!(run.stderr.contains("acme.yaml:10:"), "{}", run.stderr);
    }
    // Quoted, the word is an id like any other; `console` is not `con`.
    for id in ["\"true\"", "console", "com10"] {
        let file = variant(
            &dir,
            "acme.yaml",
            "id: kestrel-commerce",
            &format!("id: {id}"),
        );
        let run = socsource_at(&dir, &["validate", &file]);
        assert_eq!(run.code, 0, "`id: {id}`: {}", run.stderr);
    }
}

#[test]
fn ids_made_from_file_names_never_drop_letters_silently() {
    let dir = scratch("file-ids");
    let without_id = |name: &str| variant(&dir, name, "id: kestrel-commerce\n", "");
    // A Cyrillic `а` (U+0430) that looks like a Latin `a`: "cme" would be a
    // different organisation's folder.
    let file = without_id("\u{430}cme.yaml");
    let run = socsource_at(&dir, &["validate", &file]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("`а` (U+0430) is not a letter a-z"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("cme"), "{}", run.stdout);
    for reserved in ["nul.yaml", "COM3.yaml", "Aux.yaml"] {
        let file = without_id(reserved);
        let run = socsource_at(&dir, &["validate", &file]);
        assert_eq!(run.code, 1, "{reserved}: {}", run.stdout);
        assert!(
            run.stderr.contains("a name Windows keeps for a device"),
            "{reserved}: {}",
            run.stderr
        );
    }
    // Accents and the Latin letters without a base letter are spelt out.
    let file = without_id("Straße Øresund Société.yaml");
    let run = socsource_at(&dir, &["validate", &file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("(strasse-oresund-societe: "),
        "{}",
        run.stdout
    );
}

#[test]
fn thousands_of_mistakes_are_listed_up_to_a_hundred_then_counted() {
    let dir = scratch("many-errors");
    let mut text = String::from("version: 1\n");
    for i in 0..24_000 {
        text.push_str(&format!("unknown_key_{i:06}_{}: 1\n", "x".repeat(16)));
    }
    assert!(text.len() < 1024 * 1024);
    fs::write(dir.join("many.yaml"), &text).unwrap();
    fs::write(dir.join("many-too.yaml"), &text).unwrap();
    let run = socsource_at(&dir, &["validate", "many.yaml", "many-too.yaml"]);
    assert_eq!(run.code, 1);
    for file in ["many.yaml", "many-too.yaml"] {
        let listed = run.stderr.matches(&format!(" --> {file}:")).count();
        assert_eq!(listed, 100, "{file}");
    }
    // 24,000 unknown keys and three required sections missing.
    assert_eq!(
        run.stderr
            .matches("error: and 23,903 more errors (only the first 100 of a file are listed)")
            .count(),
        2,
        "{}",
        &run.stderr[run.stderr.len().saturating_sub(2000)..]
    );
    // The first listed are the first in the file.
    assert!(
        run.stderr.contains("many.yaml:2:1"),
        "{}",
        &run.stderr[..2000]
    );
    assert!(!run.stderr.contains("many.yaml:200:1"));
}

#[test]
fn the_value_limit_says_what_it_counts_and_blames_aliases_only_when_used() {
    let dir = scratch("values");
    let mut text = String::from("version: 1\nnotes:\n");
    text.push_str(&"  - 1\n".repeat(100_001));
    fs::write(dir.join("list.yaml"), &text).unwrap();
    let run = socsource_at(&dir, &["validate", "list.yaml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error: the file holds more than 100,000 values"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("alias"), "{}", run.stderr);
    let run = socsource_at(&repo(), &["validate", "tests/fixtures/bad/alias-bomb.yaml"]);
    assert!(
        run.stderr
            .starts_with("error: aliases expand to more than 100,000 values"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_terminal_never_gets_raw_control_or_reordering_characters() {
    let dir = scratch("terminal");
    // A file name that reverses the line, a value with a colour escape and
    // a right-to-left override, an unknown key with a cursor movement.
    let name = "\u{202E}lmay.evil.yaml";
    let file = variant(
        &dir,
        name,
        "name: Kestrel Commerce B.V.",
        "name: \"\\e[31mRED\\e[0m \\u202Ekcab\"\n  key\u{202E}: 1",
    );
    for args in [
        vec!["validate", file.as_str()],
        vec!["report", file.as_str(), "--out", "out"],
        vec!["batch", ".", "--out", "out"],
        vec!["diff", file.as_str(), file.as_str(), "--out", "cmp"],
    ] {
        let run = socsource_at(&dir, &args);
        assert_ne!(run.code, 0, "{args:?}");
        assert_eq!(raw_hazard(&run.stderr), None, "{args:?}: {}", run.stderr);
        assert_eq!(raw_hazard(&run.stdout), None, "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains("\\u{202e}"), "{args:?}: {}", run.stderr);
    }
    // A valid profile under a hostile file name: the `ok` line and the
    // closing lines show the name escaped.
    let good = variant(&dir, "\u{202E}good.yaml", "kestrel-commerce\n", "kestrel\n");
    for args in [
        vec!["validate", good.as_str()],
        vec!["report", good.as_str(), "--format", "json", "--out", "ok"],
    ] {
        let run = socsource_at(&dir, &args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(raw_hazard(&run.stderr), None, "{args:?}: {}", run.stderr);
        assert_eq!(raw_hazard(&run.stdout), None, "{args:?}: {}", run.stdout);
    }
}
