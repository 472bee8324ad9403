//! The documentation in `docs/` and the README, checked against the code:
//! every generated page is regenerated and compared with the committed file
//! (printing what to run when they differ), every relative link resolves,
//! the profile reference's example is a valid profile, the assessment.json
//! reference names every key a real assessment has, and the pages pass
//! markdownlint.

mod common;
use common::*;
use socsource::internals::docs;
use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

#[test]
fn every_generated_page_matches_the_code() {
    let profile = docs::reference_profile().expect("the starter profile loads");
    let bless = std::env::var_os("SOCSOURCE_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, expected) in docs::pages(&profile) {
        let path = repo().join("docs").join(&name);
        if bless {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &expected).expect("write the page");
        }
        if fs::read(&path).ok().as_deref() != Some(expected.as_slice()) {
            stale.push(format!("docs/{name}"));
        }
    }
    assert!(
        stale.is_empty(),
        "generated documentation is stale: {}; regenerate it with `cargo run -- docs docs` \
         (or `SOCSOURCE_BLESS=1 cargo test --test readme`) and commit the result",
        stale.join(", ")
    );
}

#[test]
fn the_profile_reference_example_is_a_valid_profile() {
    let yaml = docs::example_profile();
    let options = socsource::internals::profile::LoadOptions::on(
        socsource::internals::profile::model::Date::new(2026, 1, 1).unwrap(),
    );
    let loaded = socsource::internals::profile::load_bytes(
        "example.yaml",
        "example",
        yaml.as_bytes(),
        &options,
    );
    match loaded {
        Ok(l) => assert!(
            l.warnings.is_empty(),
            "the example profile has warnings: {:?}",
            l.warnings.iter().map(|d| d.one_line()).collect::<Vec<_>>()
        ),
        Err(diags) => panic!(
            "the example profile in docs/src/reference/profile.md is invalid:\n{}\n{yaml}",
            diags
                .iter()
                .map(|d| d.one_line())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
    // Every key of the format is in it.
    for path in socsource::internals::profile::format::all_paths() {
        let key = path.rsplit('.').next().unwrap().trim_end_matches("[]");
        assert!(
            yaml.contains(&format!("{key}:")),
            "the example profile lacks `{path}`"
        );
    }
}

/// `README.md` and every Markdown file under `docs/`.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![repo().join("README.md")];
    let mut stack = vec![repo().join("docs")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Heading anchors of a Markdown file, by GitHub's rule.
fn anchors(text: &str) -> BTreeSet<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut slugs = socsource::internals::render::slug::Slugger::default();
    let mut out = BTreeSet::new();
    let mut heading: Option<String> = None;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    out.insert(slugs.slug(&h));
                }
            }
            _ => {}
        }
    }
    out
}

/// Link destinations of a Markdown file (links and images).
fn links(text: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES)
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_relative_link_in_the_readme_and_docs_resolves() {
    let root = repo().canonicalize().unwrap();
    let mut broken = Vec::new();
    for file in documents() {
        let text = fs::read_to_string(&file).unwrap();
        let shown = file.strip_prefix(repo()).unwrap().display().to_string();
        for link in links(&text) {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let (target, fragment) = match link.split_once('#') {
                Some((t, f)) => (t, Some(f)),
                None => (link.as_str(), None),
            };
            let path = if target.is_empty() {
                file.clone()
            } else {
                file.parent().unwrap().join(target)
            };
            let Ok(resolved) = path.canonicalize() else {
                broken.push(format!("{shown}: `{link}` (no such file)"));
                continue;
            };
            if !resolved.starts_with(&root) {
                broken.push(format!("{shown}: `{link}` (outside the project)"));
                continue;
            }
            if let Some(fragment) = fragment {
                if resolved.extension().is_some_and(|e| e == "md") {
                    let target_text = fs::read_to_string(&resolved).unwrap();
                    if !anchors(&target_text).contains(fragment) {
                        broken.push(format!("{shown}: `{link}` (no heading `#{fragment}`)"));
                    }
                }
            }
        }
        assert!(
            !text.contains("../shared") && !text.contains("shared/spec"),
            "{shown} refers to notes outside the project"
        );
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_book_page_is_in_the_summary() {
    let src = repo().join("docs/src");
    let summary = fs::read_to_string(src.join("SUMMARY.md")).unwrap();
    let listed: BTreeSet<String> = links(&summary).into_iter().collect();
    for file in documents() {
        let Ok(rel) = file.strip_prefix(&src) else {
            continue;
        };
        let rel = rel.display().to_string();
        if rel != "SUMMARY.md" {
            assert!(listed.contains(&rel), "docs/src/{rel} is not in SUMMARY.md");
        }
    }
}

/// Key paths of a JSON value: `recommendation.confidence`, `risks[].id`; a
/// map keyed by the three options is written `<option>`, one keyed by the
/// seven needs `<need>`.
fn key_paths(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let options: BTreeSet<&str> = ["in_house", "outsourced", "hybrid"].into();
            let keys: BTreeSet<&str> = map.keys().map(String::as_str).collect();
            if keys == options {
                for v in map.values() {
                    key_paths(v, &format!("{prefix}.<option>"), out);
                }
                out.insert(format!("{prefix}.<option>"));
                return;
            }
            let needs: BTreeSet<&str> = [
                "compliance",
                "risk",
                "control",
                "time_to_implement",
                "scalability",
                "coverage",
                "talent",
            ]
            .into();
            if keys == needs {
                for v in map.values() {
                    key_paths(v, &format!("{prefix}.<need>"), out);
                }
                out.insert(format!("{prefix}.<need>"));
                return;
            }
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(path.clone());
                key_paths(v, &path, out);
            }
        }
        Value::Array(items) => {
            for v in items {
                key_paths(v, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_assessment_json_reference_names_every_key() {
    let doc = fs::read_to_string(repo().join("docs/src/assessment-json.md")).unwrap();
    let mut missing = BTreeSet::new();
    for profile in example_profiles() {
        let run = socsource_at(
            &repo(),
            &[
                "report",
                &profile.display().to_string(),
                "--format",
                "json",
                "--out",
                "-",
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let mut paths = BTreeSet::new();
        key_paths(&json, "", &mut paths);
        for p in paths {
            if !doc.contains(&format!("`{p}`")) {
                missing.insert(p);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/src/assessment-json.md does not describe these keys of assessment.json \
         (write each as a code span, e.g. `recommendation.score`): {}",
        missing.into_iter().collect::<Vec<_>>().join(", ")
    );
}

#[test]
fn the_docs_pass_markdownlint() {
    let Some(lint) = tool("markdownlint") else {
        return;
    };
    let out = Command::new(lint)
        .arg("--config")
        .arg(repo().join(".markdownlint-cli2.jsonc"))
        .arg("docs/**/*.md")
        .arg("README.md")
        .current_dir(repo())
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "markdownlint:\n{text}");
}

#[test]
fn docs_writes_every_page_and_refuses_a_folder_it_cannot_make() {
    let dir = scratch("docs-command");
    let run = socsource_in(&dir, &["docs", "book"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let profile = docs::reference_profile().unwrap();
    for (name, bytes) in docs::pages(&profile) {
        assert_eq!(
            fs::read(dir.join("book").join(&name)).unwrap(),
            bytes,
            "{name}"
        );
    }
    // A path through a file cannot be a folder: a usage error naming it,
    // and nothing written.
    fs::write(dir.join("plain-file"), "x").unwrap();
    let bad = socsource_in(&dir, &["docs", "plain-file/book"], &[]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("plain-file/book")
            && bad.stderr.contains("`plain-file` is a file, not a folder"),
        "{}",
        bad.stderr
    );
    let missing = socsource_in(&dir, &["docs"], &[]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    assert!(missing.stderr.contains("<DIR>"), "{}", missing.stderr);
    fs::remove_dir_all(dir).unwrap();
}
