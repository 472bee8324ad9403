//! The one place that knows which YAML crates read profiles.
//!
//! [`parse`] turns profile text into a [`Node`] tree in which every value and
//! every key carries its 1-based line and column. Nothing else in socsource
//! names a YAML crate, so replacing them touches only this file.
//!
//! Two parsers are involved, each for what it does well:
//!
//! 1. `yaml-rust2`'s marked event stream is folded into a [`Node`] tree with
//!    an explicit stack (its own recursive loader is not used, so depth can
//!    never exhaust the call stack). This pass runs first and enforces the
//!    budgets: it stops at the first event that opens a collection deeper
//!    than [`MAX_DEPTH`], in flow or block style, so a hostile file is
//!    refused after reading little more than its first [`MAX_DEPTH`] levels,
//!    in time linear in its size, and the diagnostic points at the first
//!    node too deep. It also caps alias expansion at [`MAX_NODES`].
//! 2. `serde_yaml` (libyaml underneath) is the parser of record for syntax:
//!    its error wins over the tree pass's for any problem other than depth,
//!    and it may refuse text the tree pass accepted. It never sees a
//!    document the tree pass found too deep, nor text whose brackets nest
//!    more than 256 levels (then the tree pass's verdict stands alone):
//!    libyaml's time grows with the square of the flow nesting (a profile
//!    100,000 levels deep took 20 s), and the tree pass cannot vouch for the
//!    nesting past a syntax error where the two parsers disagree.
//!
//! Scalars keep their raw text and whether they were quoted. Types are
//! resolved later by the validator with YAML 1.2 core-schema rules, which
//! keeps `NO` (Norway) a string and lets a diagnostic quote what was written.

use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};

/// Profiles nest four levels deep; anything past this is hostile or broken.
pub(crate) const MAX_DEPTH: usize = 32;
/// Upper bound on nodes after alias expansion.
pub(crate) const MAX_NODES: usize = 100_000;

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
pub(crate) struct SyntaxError {
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
pub(crate) fn clip(text: &str, max: usize) -> String {
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
pub(crate) fn parse(source: &str) -> Result<Node, SyntaxError> {
    // libyaml only ever sees text whose brackets nest a bounded number of
    // levels: see the module documentation.
    let libyaml = bracket_depth(source) <= LIBYAML_MAX_BRACKETS;
    match build_tree(source) {
        Ok(root) => {
            if libyaml {
                gate_with_serde_yaml(source)?;
            }
            Ok(root)
        }
        Err(Refusal::TooDeep(err)) => Err(err),
        Err(Refusal::Other(err)) => {
            if libyaml {
                gate_with_serde_yaml(source)?;
            }
            Err(err)
        }
    }
}

/// Bracket nesting past which libyaml is not consulted.
const LIBYAML_MAX_BRACKETS: usize = 256;

/// How deep `[` and `{` nest, counted in the raw text: an upper bound of the
/// flow nesting libyaml would track (brackets inside quotes or comments
/// only make it larger).
fn bracket_depth(source: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for b in source.bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Why the tree pass stopped.
enum Refusal {
    /// Nesting past [`MAX_DEPTH`]: final, whatever else is wrong later on.
    TooDeep(SyntaxError),
    /// Anything else; libyaml's account of the same text is preferred.
    Other(SyntaxError),
}

impl From<SyntaxError> for Refusal {
    fn from(err: SyntaxError) -> Refusal {
        Refusal::Other(err)
    }
}

fn too_deep(pos: Pos) -> Refusal {
    Refusal::TooDeep(explain("recursion limit exceeded".into(), pos, ""))
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
        /// Each key given so far, with where: a repeated key is found
        /// without reading the whole mapping again.
        seen: HashMap<String, Pos>,
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

/// Past [`MAX_NODES`]: said as what was counted, and blaming aliases only
/// when the file used them.
fn too_many_nodes(pos: Pos, aliased: bool) -> SyntaxError {
    let limit = "100,000";
    debug_assert_eq!(limit.replace(',', ""), MAX_NODES.to_string());
    if aliased {
        SyntaxError {
            pos,
            message: format!("aliases expand to more than {limit} values"),
            help: Some("profiles may use anchors and aliases, but not to multiply data".into()),
        }
    } else {
        SyntaxError {
            pos,
            message: format!("the file holds more than {limit} values"),
            help: Some(
                "a profile describes one organisation in a few hundred values; is this the right file?"
                    .into(),
            ),
        }
    }
}

/// Fold the event stream into a tree, stopping at the first event past a
/// budget.
fn build_tree(source: &str) -> Result<Node, Refusal> {
    let mut parser = Parser::new_from_str(source);
    let mut tree = Tree {
        stack: Vec::new(),
        anchors: HashMap::new(),
        budget: MAX_NODES,
        aliased: false,
        root: None,
        documents: 0,
    };
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(next) => next,
            Err(err) => return Err(scan_error(source, &err)),
        };
        let pos = to_pos(mark);
        let completed = match event {
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::DocumentStart => {
                tree.documents += 1;
                if tree.documents > 1 {
                    return Err(explain("more than one document".into(), pos, "").into());
                }
                continue;
            }
            Event::Scalar(text, style, anchor, tag) => {
                if tag.is_some() {
                    return Err(tag_error(pos).into());
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
                tree.aliased = true;
                tree.alias(id, pos)?
            }
            Event::SequenceStart(anchor, tag) => {
                tree.open(tag.is_some(), pos, Frame::seq(pos, anchor))?;
                continue;
            }
            Event::MappingStart(anchor, tag) => {
                tree.open(tag.is_some(), pos, Frame::map(pos, anchor))?;
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match tree.stack.pop() {
                Some(frame) => frame.close(),
                None => continue,
            },
        };
        tree.complete(completed, pos)?;
    }
    Ok(tree.root.unwrap_or(Node {
        value: Value::Null,
        pos: Pos { line: 1, column: 1 },
    }))
}

/// A scanner error. The scanner looks ahead before it emits an event (to
/// see whether a `[` or `{` starts a key, it reads to the end of the
/// collection), so its error can be far past the first node too deep for
/// [`MAX_DEPTH`], whose event was never emitted: fold the text before the
/// error again, once, to find that node. yaml-rust2 also gives up at 256
/// flow levels (it counts them in a `u8`), which is found the same way.
fn scan_error(source: &str, err: &ScanError) -> Refusal {
    let pos = to_pos(*err.marker());
    let line = source
        .split('\n')
        .nth(pos.line.saturating_sub(1))
        .unwrap_or("");
    let line_start: usize = source
        .split_inclusive('\n')
        .take(pos.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let cut = line_start
        + line
            .char_indices()
            .nth(pos.column - 1)
            .map_or(line.len(), |(i, _)| i);
    if cut < source.len() {
        if let Err(found @ Refusal::TooDeep(_)) = build_tree(&source[..cut]) {
            return found;
        }
    }
    if err.info() == "recursion limit exceeded" {
        too_deep(pos)
    } else {
        Refusal::Other(explain(err.info().to_string(), pos, line))
    }
}

/// The state of [`build_tree`].
struct Tree {
    stack: Vec<Frame>,
    /// Anchor id -> (node, its size in nodes), for alias expansion budgets.
    anchors: HashMap<usize, (Node, usize)>,
    /// Nodes that may still be made, aliases expanded.
    budget: usize,
    /// Whether an alias was expanded: then the budget is said to be spent
    /// by aliases.
    aliased: bool,
    root: Option<Node>,
    documents: usize,
}

/// A finished node, its anchor id (0 = none) and its size in nodes.
type Completed = (Node, usize, usize);

impl Frame {
    fn seq(pos: Pos, anchor: usize) -> Frame {
        Frame::Seq {
            pos,
            anchor,
            items: Vec::new(),
        }
    }

    fn map(pos: Pos, anchor: usize) -> Frame {
        Frame::Map {
            pos,
            anchor,
            entries: Vec::new(),
            seen: HashMap::new(),
            key: None,
        }
    }

    fn close(self) -> Completed {
        match self {
            Frame::Seq { pos, anchor, items } => {
                let size = 1 + items.len();
                let value = Value::Seq(items);
                (Node { value, pos }, anchor, size)
            }
            Frame::Map {
                pos,
                anchor,
                entries,
                ..
            } => {
                let size = 1 + 2 * entries.len();
                let value = Value::Map(entries);
                (Node { value, pos }, anchor, size)
            }
        }
    }
}

impl Tree {
    /// A collection starts: the depth limit is checked here, before
    /// anything inside it is read.
    fn open(&mut self, tagged: bool, pos: Pos, frame: Frame) -> Result<(), Refusal> {
        if tagged {
            return Err(tag_error(pos).into());
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(too_deep(pos));
        }
        if let Some(Frame::Map { key: None, .. }) = self.stack.last() {
            return Err(not_a_plain_key(pos).into());
        }
        self.stack.push(frame);
        Ok(())
    }

    fn alias(&self, id: usize, pos: Pos) -> Result<Completed, Refusal> {
        let Some((node, size)) = self.anchors.get(&id) else {
            return Err(SyntaxError {
                pos,
                message: "alias refers to an anchor that is not defined".into(),
                help: None,
            }
            .into());
        };
        if *size > self.budget {
            return Err(too_many_nodes(pos, true).into());
        }
        Ok((node.clone(), 0, *size))
    }

    fn complete(&mut self, (node, anchor, size): Completed, pos: Pos) -> Result<(), Refusal> {
        self.budget = self
            .budget
            .checked_sub(size)
            .ok_or_else(|| too_many_nodes(pos, self.aliased))?;
        if anchor != 0 {
            self.anchors
                .insert(anchor, (node.clone(), size_of_tree(&node)));
        }
        attach(&mut self.stack, &mut self.root, node)?;
        Ok(())
    }
}

fn not_a_plain_key(pos: Pos) -> SyntaxError {
    SyntaxError {
        pos,
        message: "a key must be a plain name, not a list or mapping".into(),
        help: None,
    }
}

/// Add a finished node to the open collection on top of the stack.
fn attach(stack: &mut [Frame], root: &mut Option<Node>, node: Node) -> Result<(), SyntaxError> {
    match stack.last_mut() {
        None => *root = Some(node),
        Some(Frame::Seq { items, .. }) => items.push(node),
        Some(Frame::Map {
            entries, seen, key, ..
        }) => match key.take() {
            Some((name, key_pos)) => {
                if let Some(first) = seen.get(&name) {
                    return Err(SyntaxError {
                        pos: key_pos,
                        message: format!("duplicate key `{}`", clip(&name, 40)),
                        help: Some(format!(
                            "`{}` is already set on line {}; keep one of them",
                            clip(&name, 40),
                            first.line
                        )),
                    });
                }
                seen.insert(name.clone(), key_pos);
                entries.push(Entry {
                    key: name,
                    key_pos,
                    value: node,
                });
            }
            None => match node.value {
                Value::Scalar(s) => *key = Some((s.text, node.pos)),
                Value::Null => *key = Some((String::new(), node.pos)),
                _ => return Err(not_a_plain_key(node.pos)),
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

    /// The error names the first node past [`MAX_DEPTH`] however deep the
    /// file goes (the root mapping is level 1, so the 32nd `[` or `-` under
    /// `deep` is level 33).
    #[test]
    fn the_first_node_too_deep_is_named_in_flow_and_block_style() {
        for n in [40, 255, 256, 10_000] {
            let flow = "version: 1\ndeep: ".to_string() + &"[".repeat(n) + &"]".repeat(n);
            let err = parse(&flow).unwrap_err();
            assert!(err.message.contains("nests too deeply"), "{n}: {err:?}");
            assert_eq!(
                err.pos,
                Pos {
                    line: 2,
                    column: 38
                },
                "flow {n}"
            );
            let map = "deep: ".to_string() + &"{a: ".repeat(n) + "x" + &"}".repeat(n);
            let err = parse(&map).unwrap_err();
            assert_eq!(
                err.pos,
                Pos {
                    line: 1,
                    column: 7 + 4 * 31
                },
                "map {n}"
            );
            let block = "version: 1\ndeep:\n  ".to_string() + &"- ".repeat(n) + "x\n";
            let err = parse(&block).unwrap_err();
            assert!(err.message.contains("nests too deeply"), "{n}: {err:?}");
            assert_eq!(
                err.pos,
                Pos {
                    line: 3,
                    column: 65
                },
                "block {n}"
            );
        }
    }

    /// yaml-rust2 reads to the end of the outer `[` before it emits it, and
    /// refuses line 2's indentation on the way (libyaml accepts it): the
    /// depth found before that error is still the one reported.
    #[test]
    fn an_error_found_while_looking_ahead_does_not_hide_the_depth() {
        let doc = "deep: ".to_string() + &"[".repeat(100) + "\n" + &"a,\n".repeat(10);
        let err = parse(&(doc + &"]".repeat(100))).unwrap_err();
        assert!(err.message.contains("nests too deeply"), "{err:?}");
        assert_eq!(
            err.pos,
            Pos {
                line: 1,
                column: 38
            }
        );
    }

    /// A syntax error before any depth problem, then 200,000 levels: the
    /// file is refused without handing libyaml the deep brackets.
    #[test]
    fn deep_brackets_after_a_syntax_error_are_refused() {
        let doc = "deep: [\na, ".to_string() + &"[".repeat(200_000);
        let err = parse(&(doc + &"]".repeat(200_001))).unwrap_err();
        assert_eq!(err.pos.line, 2, "{err:?}");
        // Quoted brackets count too: an upper bound.
        assert_eq!(bracket_depth("a: \"[[\"\nb: [x, {y: 1}]\n"), 4);
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
