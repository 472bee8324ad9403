//! The one place that knows which YAML crates read profiles.
//!
//! [`parse`] turns profile text into a [`Node`] tree in which every value and
//! every key carries its 1-based line and column. Nothing else in socsource
//! names a YAML crate, so replacing them touches only this file.
//!
//! Two parsers are involved, each for what it does well:
//!
//! 1. `serde_yaml` (libyaml underneath) is the parser of record. It decides
//!    whether the text is YAML at all, rejects duplicate keys, caps nesting at
//!    128 levels and caps alias expansion ("billion laughs"). Its errors carry
//!    a location.
//! 2. `serde_yaml` has no API for the position of a value, so once the text has
//!    passed, `yaml-rust2`'s marked event stream is folded into a [`Node`] tree
//!    with an explicit stack (its own recursive loader is not used, so depth
//!    can never exhaust the call stack). This pass enforces its own, tighter
//!    budgets too, so it stays safe even if used alone.
//!
//! Scalars keep their raw text and whether they were quoted. Types are
//! resolved later by the validator with YAML 1.2 core-schema rules, which
//! keeps `NO` (Norway) a string and lets a diagnostic quote what was written.

use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Profiles nest four levels deep; anything past this is hostile or broken.
pub const MAX_DEPTH: usize = 32;
/// Upper bound on nodes after alias expansion.
pub const MAX_NODES: usize = 100_000;

/// A 1-based position in the source text (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Scalar(Scalar),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// The scalar's text after YAML unescaping.
    pub text: String,
    /// Quoted or block scalars are always strings; plain ones may be numbers.
    pub quoted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_pos: Pos,
    pub value: Node,
}

/// Why the text is not a usable YAML document.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
    pub help: Option<String>,
}

impl Node {
    /// What the node is, in words, for "expected X, found Y" messages.
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Null => "nothing (an empty value)".to_string(),
            Value::Scalar(s) => format!("`{}`", clip(&s.text, 40)),
            Value::Seq(_) => "a list".to_string(),
            Value::Map(_) => "a mapping".to_string(),
        }
    }
}

/// Shorten user text for quoting inside a message.
pub fn clip(text: &str, max: usize) -> String {
    let mut out: String = text
        .chars()
        .take(max)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

/// Parse one YAML document into a positioned tree.
///
/// An empty document parses to [`Value::Null`]; the validator reports it.
pub fn parse(source: &str) -> Result<Node, SyntaxError> {
    gate_with_serde_yaml(source)?;
    build_tree(source)
}

fn gate_with_serde_yaml(source: &str) -> Result<(), SyntaxError> {
    // `IgnoredAny` checks syntax, nesting and alias expansion without building
    // values, so numbers too large for any Rust type reach the validator,
    // which says what range the key takes.
    let err = match serde_yaml::from_str::<serde::de::IgnoredAny>(source) {
        Ok(_) => return Ok(()),
        // serde_yaml places a duplicate key at the start of its mapping; the
        // tree builder points at the repeated key and names the first one.
        Err(err) if err.to_string().starts_with("duplicate entry") => return Ok(()),
        Err(err) => err,
    };
    let pos = err
        .location()
        .map(|l| Pos {
            line: l.line(),
            column: l.column(),
        })
        .unwrap_or(Pos { line: 1, column: 1 });
    let raw = err.to_string();
    // libyaml says "<problem> at line L column C, while <context> at line L2
    // column C2"; we print positions ourselves, and an unclosed quote is best
    // shown where it opens.
    let (problem, context) = match raw.split_once(", while ") {
        Some((p, c)) => (p.to_string(), Some(c.to_string())),
        None => (raw.clone(), None),
    };
    let strip = |s: &str| match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    };
    if let Some(ctx) = &context {
        if ctx.starts_with("scanning a quoted scalar") {
            if let Some(open) = position_in(ctx) {
                return Err(SyntaxError {
                    pos: open,
                    message: "this quoted text is never closed".into(),
                    help: Some("add the closing quote at the end of the value".into()),
                });
            }
        }
    }
    let message = match context {
        Some(ctx) if !ctx.starts_with("scanning for the next token") => {
            format!("{} (while {})", strip(&problem), strip(&ctx))
        }
        _ => strip(&problem),
    };
    let line_text = source
        .split('\n')
        .nth(pos.line.saturating_sub(1))
        .unwrap_or("");
    Err(explain(message, pos, line_text))
}

/// The position in a libyaml message fragment "... at line L column C".
fn position_in(text: &str) -> Option<Pos> {
    let rest = &text[text.find(" at line ")? + 9..];
    let (line, rest) = rest.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some(Pos {
        line: line.trim().parse().ok()?,
        column: column.parse().ok()?,
    })
}

/// Turn a parser's message into one a profile author can act on.
fn explain(message: String, pos: Pos, line_text: &str) -> SyntaxError {
    let (message, help) = if message.contains("recursion limit exceeded") {
        (
            "the document nests too deeply".to_string(),
            Some("a profile nests at most four levels deep".to_string()),
        )
    } else if message.contains("repetition limit exceeded") {
        (
            "aliases expand to too many values".to_string(),
            Some("profiles may use anchors and aliases, but not to multiply data".to_string()),
        )
    } else if message.contains("more than one document") {
        (
            "the file holds more than one YAML document".to_string(),
            Some("put each organisation in its own file; remove the extra `---`".to_string()),
        )
    } else if message.starts_with("duplicate entry with key") {
        let key = message
            .trim_start_matches("duplicate entry with key")
            .trim()
            .trim_matches('"')
            .to_string();
        (
            format!("duplicate key `{}`", clip(&key, 40)),
            Some("each key may appear once per mapping; keep one of them".to_string()),
        )
    } else if line_text.contains('\t') {
        (
            message,
            Some("YAML does not allow tabs for indentation; indent with spaces".to_string()),
        )
    } else {
        (message, None)
    };
    SyntaxError { pos, message, help }
}

/// One open collection while folding events into a tree.
enum Frame {
    Seq {
        pos: Pos,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        pos: Pos,
        anchor: usize,
        entries: Vec<Entry>,
        key: Option<(String, Pos)>,
    },
}

fn to_pos(mark: Marker) -> Pos {
    // yaml-rust2 counts lines from 1 and columns from 0, in characters.
    Pos {
        line: mark.line().max(1),
        column: mark.col() + 1,
    }
}

fn tag_error(pos: Pos) -> SyntaxError {
    SyntaxError {
        pos,
        message: "YAML tags (`!name`) are not used in profiles".into(),
        help: Some("remove the tag and write the plain value".into()),
    }
}

fn too_many_nodes(pos: Pos) -> SyntaxError {
    explain("repetition limit exceeded".into(), pos, "")
}

fn build_tree(source: &str) -> Result<Node, SyntaxError> {
    let mut parser = Parser::new_from_str(source);
    let mut stack: Vec<Frame> = Vec::new();
    // anchor id -> (node, its size in nodes), for alias expansion budgets.
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut budget = MAX_NODES;
    let mut root: Option<Node> = None;
    let mut documents = 0usize;

    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let pos = to_pos(*e.marker());
            let line = source
                .split('\n')
                .nth(pos.line.saturating_sub(1))
                .unwrap_or("");
            explain(e.info().to_string(), pos, line)
        })?;
        let pos = to_pos(mark);
        // A node completed by this event, with its anchor id (0 = none) and size.
        let completed: (Node, usize, usize) = match event {
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(explain("more than one document".into(), pos, ""));
                }
                continue;
            }
            Event::Scalar(text, style, anchor, tag) => {
                if tag.is_some() {
                    return Err(tag_error(pos));
                }
                let quoted = style != TScalarStyle::Plain;
                let value = if !quoted && is_null(&text) {
                    Value::Null
                } else {
                    Value::Scalar(Scalar { text, quoted })
                };
                (Node { value, pos }, anchor, 1)
            }
            Event::Alias(id) => {
                let Some((node, size)) = anchors.get(&id) else {
                    return Err(SyntaxError {
                        pos,
                        message: "alias refers to an anchor that is not defined".into(),
                        help: None,
                    });
                };
                if *size > budget {
                    return Err(too_many_nodes(pos));
                }
                (node.clone(), 0, *size)
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if tag.is_some() {
                    return Err(tag_error(pos));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(explain("recursion limit exceeded".into(), pos, ""));
                }
                if let Some(Frame::Map { key: None, .. }) = stack.last() {
                    return Err(SyntaxError {
                        pos,
                        message: "a key must be a plain name, not a list or mapping".into(),
                        help: None,
                    });
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        pos,
                        anchor,
                        items: Vec::new(),
                    }
                } else {
                    Frame::Map {
                        pos,
                        anchor,
                        entries: Vec::new(),
                        key: None,
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq { pos, anchor, items }) => {
                    let size = 1 + items.len();
                    (
                        Node {
                            value: Value::Seq(items),
                            pos,
                        },
                        anchor,
                        size,
                    )
                }
                Some(Frame::Map {
                    pos,
                    anchor,
                    entries,
                    ..
                }) => {
                    let size = 1 + 2 * entries.len();
                    (
                        Node {
                            value: Value::Map(entries),
                            pos,
                        },
                        anchor,
                        size,
                    )
                }
                None => continue,
            },
        };
        let (node, anchor, size) = completed;
        budget = budget
            .checked_sub(size)
            .ok_or_else(|| too_many_nodes(pos))?;
        if anchor != 0 {
            anchors.insert(anchor, (node.clone(), size_of_tree(&node)));
        }
        attach(&mut stack, &mut root, node)?;
    }
    Ok(root.unwrap_or(Node {
        value: Value::Null,
        pos: Pos { line: 1, column: 1 },
    }))
}

/// Add a finished node to the open collection on top of the stack.
fn attach(stack: &mut [Frame], root: &mut Option<Node>, node: Node) -> Result<(), SyntaxError> {
    match stack.last_mut() {
        None => *root = Some(node),
        Some(Frame::Seq { items, .. }) => items.push(node),
        Some(Frame::Map { entries, key, .. }) => match key.take() {
            Some((name, key_pos)) => {
                if let Some(first) = entries.iter().find(|e| e.key == name) {
                    return Err(SyntaxError {
                        pos: key_pos,
                        message: format!("duplicate key `{}`", clip(&name, 40)),
                        help: Some(format!(
                            "`{}` is already set on line {}; keep one of them",
                            clip(&name, 40),
                            first.key_pos.line
                        )),
                    });
                }
                entries.push(Entry {
                    key: name,
                    key_pos,
                    value: node,
                });
            }
            None => match node.value {
                Value::Scalar(s) => *key = Some((s.text, node.pos)),
                Value::Null => *key = Some((String::new(), node.pos)),
                _ => {
                    return Err(SyntaxError {
                        pos: node.pos,
                        message: "a key must be a plain name, not a list or mapping".into(),
                        help: None,
                    })
                }
            },
        },
    }
    Ok(())
}

fn size_of_tree(node: &Node) -> usize {
    // Iterative, so an anchored deep tree cannot recurse; depth is capped anyway.
    let mut count = 0;
    let mut todo = vec![node];
    while let Some(n) = todo.pop() {
        count += 1;
        match &n.value {
            Value::Seq(items) => todo.extend(items.iter()),
            Value::Map(entries) => {
                count += entries.len();
                todo.extend(entries.iter().map(|e| &e.value));
            }
            _ => {}
        }
    }
    count
}

/// YAML 1.2 core schema null.
fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_entries(node: &Node) -> &[Entry] {
        match &node.value {
            Value::Map(e) => e,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn positions_are_one_based_for_keys_and_values() {
        let doc = parse("version: 1\nenvironment:\n  endpoints: 50\n").unwrap();
        let top = map_entries(&doc);
        assert_eq!(top[0].key_pos, Pos { line: 1, column: 1 });
        assert_eq!(
            top[0].value.pos,
            Pos {
                line: 1,
                column: 10
            }
        );
        let env = map_entries(&top[1].value);
        assert_eq!(env[0].key, "endpoints");
        assert_eq!(env[0].key_pos, Pos { line: 3, column: 3 });
        assert_eq!(
            env[0].value.pos,
            Pos {
                line: 3,
                column: 14
            }
        );
    }

    #[test]
    fn quoted_scalars_are_marked_and_empty_values_are_null() {
        let doc = parse("a: '5'\nb:\nc: NO\n").unwrap();
        let e = map_entries(&doc);
        assert_eq!(
            e[0].value.value,
            Value::Scalar(Scalar {
                text: "5".into(),
                quoted: true
            })
        );
        assert_eq!(e[1].value.value, Value::Null);
        assert_eq!(
            e[2].value.value,
            Value::Scalar(Scalar {
                text: "NO".into(),
                quoted: false
            })
        );
    }

    #[test]
    fn duplicate_keys_are_refused_with_position() {
        let err = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert!(err.message.contains("duplicate key"), "{err:?}");
        assert_eq!(err.pos.line, 3);
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut doc = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in 'b'..='k' {
            doc.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = name;
        }
        let err = parse(&doc).unwrap_err();
        assert!(err.message.contains("aliases expand"), "{err:?}");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let doc = "[".repeat(100_000) + &"]".repeat(100_000);
        let err = parse(&doc).unwrap_err();
        assert!(err.message.contains("nests too deeply"), "{err:?}");
        let tree_only = build_tree(&("a:\n".to_string() + &" - ".repeat(40) + "x\n"));
        assert!(tree_only.is_err());
    }

    #[test]
    fn tabs_get_a_hint() {
        let err = parse("a:\n\tb: 1\n").unwrap_err();
        assert!(err.help.unwrap_or_default().contains("tabs"));
    }

    #[test]
    fn aliases_to_small_anchors_are_expanded() {
        let doc = parse("base: &b {x: 1}\ncopy: *b\n").unwrap();
        let e = map_entries(&doc);
        assert_eq!(e[0].value.value, e[1].value.value);
    }
}
