//! The module layers, checked from the source: no module uses one above
//! it, and no modules use each other in a circle, at any level of the tree.
//!
//! How it works. Every file under `src/` is read with its comments, string
//! literals and character literals blanked out. Each `use` tree, and each
//! path that starts with `crate::`, `super::` or `self::` or names a child
//! module, is resolved to the deepest module it names (a module is a file;
//! a `mod tests { .. }` block counts as part of its file, but `super` inside
//! it is resolved from the block). That gives the edges "module A uses
//! module B", each with the line that shows it. Then:
//!
//! - Layers: a top-level module may use its own layer and the layers below
//!   it in [`LAYERS`], and the modules in [`BESIDE`], which every layer may
//!   use and which use only each other. The crate root (`lib.rs`) is the
//!   facade above everything: nothing uses its items. Every top-level
//!   module must be placed.
//! - No cycles at any level: for every module, its children (each standing
//!   for its whole subtree) must not use each other in a circle. A child
//!   using an item its parent defines is not an edge between siblings: the
//!   parent is the container the children share.
//!
//! Limits: it reads paths, not types. A method called on a value of
//! another module's type, or a name that a glob import brought in, is not
//! seen by itself; the `use` that brought the type or the glob in is.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules from the top down. An invocation passes through them
/// in the order `cli` → `config` → `commands`; as imports the commands sit
/// above both, because they take the command line's types (for the manual
/// and completions) and `config`'s checked options.
const LAYERS: &[&[&str]] = &[
    &["commands"],
    &["docs"],
    &["cli"],
    // The exit-status policy: the help and manual show its table, and it
    // maps config's usage errors to a status.
    &["exit"],
    &["config"],
    &["batch", "pipeline"],
    &["render"],
    &["compare"],
    &["evaluate"],
    &["profile"],
    &["reference", "vocabulary"],
];

/// Beside every layer: usable from any of them, using only each other.
const BESIDE: &[&str] = &["console", "diag", "digest", "fsio", "numbers"];

type Module = Vec<String>;

/// Where an edge was seen: file, line and the path as written.
#[derive(Debug, Clone)]
struct Seen {
    file: PathBuf,
    line: usize,
    path: String,
}

impl std::fmt::Display for Seen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let file = self.file.strip_prefix(root).unwrap_or(&self.file);
        write!(f, "{}:{}: {}", file.display(), self.line, self.path)
    }
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".to_string()
    } else {
        m.join("::")
    }
}

/// Every module of the crate (the binary's `main.rs` aside) and its file.
fn modules(src: &Path) -> BTreeMap<Module, PathBuf> {
    fn walk(dir: &Path, src: &Path, out: &mut BTreeMap<Module, PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("read src")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, src, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(src).expect("under src");
                let mut parts: Vec<String> = relative
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if parts == ["main"] {
                    continue;
                }
                if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                    parts.pop();
                }
                out.insert(parts, path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, src, &mut out);
    out
}

/// The source with comments, strings and character literals replaced by
/// spaces (newlines kept, so line numbers stay right).
fn blank(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(keep(b[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"') | Some('#'))
            && (i == 0 || !(b[i - 1].is_alphanumeric() || b[i - 1] == '_'))
        {
            // A raw string: r"..", r#".."#, ..
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (1..=hashes).all(|k| b.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for ch in &b[i..j.min(b.len())] {
                out.push(keep(*ch));
            }
            i = j;
        } else if c == '"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != '"' {
                j += if b[j] == '\\' { 2 } else { 1 };
            }
            for ch in &b[i..(j + 1).min(b.len())] {
                out.push(keep(*ch));
            }
            i = j + 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{2212}'), not a lifetime.
            let end = if next == Some('\\') {
                (i + 2..b.len().min(i + 12)).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(e) => {
                    for _ in i..=e {
                        out.push(' ');
                    }
                    i = e + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths of a `use` tree: `a::{b, c::{d, e as f}}` gives `a::b`,
/// `a::c::d` and `a::c::e`.
fn use_paths(tree: &str) -> Vec<Vec<String>> {
    fn split_top(s: &str) -> Vec<&str> {
        let (mut depth, mut start, mut out) = (0, 0, Vec::new());
        for (i, c) in s.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        out.push(&s[start..]);
        out
    }
    fn walk(prefix: &[String], s: &str, out: &mut Vec<Vec<String>>) {
        for item in split_top(s) {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            if let Some(open) = item.find('{') {
                let head = item[..open].trim_end_matches(':');
                let inner = &item[open + 1..item.rfind('}').unwrap_or(item.len())];
                let mut p = prefix.to_vec();
                p.extend(segments(head));
                walk(&p, inner, out);
            } else {
                let item = item.split(" as ").next().unwrap_or(item);
                let mut p = prefix.to_vec();
                p.extend(segments(item));
                out.push(p);
            }
        }
    }
    fn segments(s: &str) -> Vec<String> {
        s.split("::")
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    }
    let compact: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let compact = compact.replace(":: ", "::").replace(" ::", "::");
    let mut out = Vec::new();
    walk(&[], &compact, &mut out);
    out
}

/// The module a path names, from module `at` (`inline` levels of `mod ..
/// { }` deep inside its file): the deepest module of the tree on the path.
/// `None` for paths outside the crate (std, other crates, locals).
fn resolve(
    path: &[String],
    at: &[String],
    inline: usize,
    known: &BTreeMap<Module, PathBuf>,
) -> Option<Module> {
    let first = path.first()?;
    let (mut base, rest): (Module, &[String]) = match first.as_str() {
        "crate" => (Vec::new(), &path[1..]),
        "self" | "super" => {
            let mut base = at.to_vec();
            let mut inline = inline;
            let mut i = 0;
            while let Some(seg) = path.get(i) {
                match seg.as_str() {
                    "self" => {}
                    "super" if inline > 0 => inline -= 1,
                    "super" => {
                        base.pop()?;
                    }
                    _ => break,
                }
                i += 1;
            }
            (base, &path[i..])
        }
        child => {
            let mut m = at.to_vec();
            m.push(child.to_string());
            if !known.contains_key(&m) {
                return None;
            }
            (at.to_vec(), path)
        }
    };
    for seg in rest {
        base.push(seg.clone());
        if !known.contains_key(&base) {
            base.pop();
            break;
        }
    }
    Some(base)
}

/// Every "module uses module" edge, with where it was seen first.
fn edges(known: &BTreeMap<Module, PathBuf>) -> BTreeMap<(Module, Module), Seen> {
    let mut out: BTreeMap<(Module, Module), Seen> = BTreeMap::new();
    for (module, file) in known {
        let text = blank(&std::fs::read_to_string(file).expect("read source"));
        let chars: Vec<char> = text.chars().collect();
        let mut line = 1;
        // Inline modules open at these brace depths.
        let mut inline: Vec<usize> = Vec::new();
        let mut depth = 0usize;
        let mut i = 0;
        let mut add = |path: Vec<String>, line: usize, inline: usize, written: String| {
            if let Some(target) = resolve(&path, module, inline, known) {
                if &target != module {
                    out.entry((module.clone(), target)).or_insert(Seen {
                        file: file.clone(),
                        line,
                        path: written,
                    });
                }
            }
        };
        while i < chars.len() {
            let c = chars[i];
            if c == '\n' {
                line += 1;
            } else if c == '{' {
                depth += 1;
            } else if c == '}' {
                if inline.last() == Some(&depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            let at_word = is_ident(c) && (i == 0 || !is_ident(chars[i - 1]));
            if !at_word {
                i += 1;
                continue;
            }
            let word_end = (i..chars.len())
                .find(|&k| !is_ident(chars[k]))
                .unwrap_or(chars.len());
            let word: String = chars[i..word_end].iter().collect();
            if word == "mod" {
                // `mod name {` opens an inline module; `mod name;` declares a file.
                let rest: String = chars[word_end..chars.len().min(word_end + 80)]
                    .iter()
                    .collect();
                let rest = rest.trim_start();
                let name_len = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
                if rest[name_len..].trim_start().starts_with('{') {
                    inline.push(depth + 1);
                }
                i = word_end;
                continue;
            }
            if word == "use" {
                let end = (word_end..chars.len())
                    .find(|&k| chars[k] == ';')
                    .unwrap_or(chars.len());
                let tree: String = chars[word_end..end].iter().collect();
                for path in use_paths(&tree) {
                    let written = path.join("::");
                    add(path, line, inline.len(), written);
                }
                line += tree.matches('\n').count();
                i = end;
                continue;
            }
            // A path: word(::word)*
            let mut end = word_end;
            let mut path = vec![word];
            while chars.get(end) == Some(&':') && chars.get(end + 1) == Some(&':') {
                let start = end + 2;
                let stop = (start..chars.len())
                    .find(|&k| !is_ident(chars[k]))
                    .unwrap_or(chars.len());
                if stop == start {
                    break;
                }
                path.push(chars[start..stop].iter().collect());
                end = stop;
            }
            if path.len() > 1 {
                let written = path.join("::");
                add(path, line, inline.len(), written);
            }
            i = end;
        }
    }
    out
}

/// A cycle in `graph`, if there is one, as the nodes in order.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(next, graph, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(node, graph, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

/// The edges between the children of `parent`, each child standing for its
/// subtree, with one place each edge was seen.
fn sibling_edges(
    parent: &[String],
    all: &BTreeMap<(Module, Module), Seen>,
) -> BTreeMap<(String, String), Seen> {
    let child = |m: &Module| -> Option<String> {
        (m.len() > parent.len() && m.starts_with(parent)).then(|| m[parent.len()].clone())
    };
    let mut out = BTreeMap::new();
    for ((from, to), seen) in all {
        if let (Some(a), Some(b)) = (child(from), child(to)) {
            if a != b {
                out.entry((a, b)).or_insert_with(|| seen.clone());
            }
        }
    }
    out
}

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&top))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_top_level_module_has_a_place() {
    let known = modules(&src());
    let tops: BTreeSet<&String> = known.keys().filter_map(|m| m.first()).collect();
    let unplaced: Vec<&&String> = tops
        .iter()
        .filter(|t| layer_of(t).is_none() && !BESIDE.contains(&t.as_str()))
        .collect();
    assert!(
        unplaced.is_empty(),
        "place these modules in LAYERS or BESIDE (tests/layers.rs): {unplaced:?}"
    );
    let named: Vec<&str> = LAYERS
        .iter()
        .flat_map(|l| l.iter().copied())
        .chain(BESIDE.iter().copied())
        .collect();
    let gone: Vec<&&str> = named
        .iter()
        .filter(|n| !tops.iter().any(|t| t == *n))
        .collect();
    assert!(gone.is_empty(), "no such module any more: {gone:?}");
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let known = modules(&src());
    let all = edges(&known);
    let mut wrong = Vec::new();
    for ((from, to), seen) in &all {
        let (Some(a), b) = (from.first(), to.first()) else {
            continue;
        };
        let Some(b) = b else {
            wrong.push(format!(
                "{} uses the crate root's items ({seen})",
                name(from)
            ));
            continue;
        };
        if a == b {
            continue;
        }
        let ok = match (BESIDE.contains(&a.as_str()), BESIDE.contains(&b.as_str())) {
            (_, true) => true,
            (true, false) => false,
            (false, false) => match (layer_of(a), layer_of(b)) {
                (Some(la), Some(lb)) => lb >= la,
                _ => false,
            },
        };
        if !ok {
            wrong.push(format!("{} uses {} ({seen})", name(from), name(to)));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that go up the layers (top down: {LAYERS:?}, beside: {BESIDE:?}):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_modules_use_each_other_in_a_circle_at_any_level() {
    let known = modules(&src());
    let all = edges(&known);
    let mut parents: BTreeSet<Module> = known
        .keys()
        .filter(|m| !m.is_empty())
        .map(|m| m[..m.len() - 1].to_vec())
        .collect();
    parents.insert(Vec::new());
    let mut found = Vec::new();
    for parent in &parents {
        let siblings = sibling_edges(parent, &all);
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in siblings.keys() {
            graph.entry(a.clone()).or_default().insert(b.clone());
        }
        if let Some(cycle) = find_cycle(&graph) {
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|w| {
                    let seen = &siblings[&(w[0].clone(), w[1].clone())];
                    format!("  {} -> {} ({seen})", w[0], w[1])
                })
                .collect();
            found.push(format!("in {}:\n{}", name(parent), steps.join("\n")));
        }
    }
    assert!(
        found.is_empty(),
        "modules that use each other in a circle:\n{}",
        found.join("\n")
    );
}

/// The reader sees what it must, so the two tests above cannot pass by
/// seeing nothing.
#[test]
fn the_reader_finds_known_imports_and_the_checker_finds_a_known_cycle() {
    let known = modules(&src());
    let all = edges(&known);
    let has = |a: &str, b: &str| {
        let split = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
        all.contains_key(&(split(a), split(b)))
    };
    // A `use crate::..` line, a `use super::..` one, a path in an
    // expression, and `super` inside a `mod tests` block.
    assert!(has("pipeline", "evaluate"), "pipeline evaluates");
    assert!(has("evaluate::confidence", "evaluate::decision"));
    assert!(has("evaluate::economics::plan", "evaluate::schedule"));
    assert!(
        !all.keys().any(|(a, b)| a == &["fsio"] && b.is_empty()),
        "`super` in fsio's tests is fsio itself"
    );
    assert!(all.len() > 300, "only {} edges read", all.len());

    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        graph.entry(a.into()).or_default().insert(b.into());
    }
    assert_eq!(find_cycle(&graph).map(|c| c.len()), Some(4));
    graph.get_mut("c").map(|n| n.remove("a"));
    assert_eq!(find_cycle(&graph), None);

    assert_eq!(
        use_paths("super::{a, b::{c, d as e}, self}"),
        vec![
            vec!["super", "a"],
            vec!["super", "b", "c"],
            vec!["super", "b", "d"],
            vec!["super", "self"],
        ]
    );
    let text = "a // crate::x\n\"crate::y\" '\"' r#\"crate::z\"# b";
    let blanked = blank(text);
    assert_eq!(blanked.split_whitespace().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(blanked.lines().count(), text.lines().count());
}
