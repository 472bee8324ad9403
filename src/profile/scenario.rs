//! Changed values: a profile's `scenarios` and the command line's `--set`.
//!
//! Both name a key by its dotted path and give the value it takes. The
//! value is put into the parsed YAML tree at that path, and the edited tree
//! goes through the same checks and defaults as any profile, so a scenario
//! is exactly the profile a user would get by editing the file, and its
//! errors point at the scenario's own lines.

use super::yaml::{Entry, Node, Pos, Scalar, Value};

/// Put `value` at the dotted `path` of a mapping tree, creating the
/// sections on the way (at `key_pos`) and replacing what was there.
pub(crate) fn apply(root: &mut Node, path: &str, key_pos: Pos, value: &Node) {
    let mut node = root;
    for segment in path.split('.') {
        if !matches!(node.value, Value::Map(_)) {
            // `security_team:` with nothing after it, or a scalar where a
            // section now goes: the path makes it a section.
            node.value = Value::Map(Vec::new());
        }
        let Value::Map(entries) = &mut node.value else {
            return;
        };
        let at = match entries.iter().position(|e| e.key == segment) {
            Some(i) => i,
            None => {
                entries.push(Entry {
                    key: segment.to_string(),
                    key_pos,
                    value: Node {
                        value: Value::Null,
                        pos: key_pos,
                    },
                });
                entries.len() - 1
            }
        };
        node = &mut entries[at].value;
    }
    *node = value.clone();
}

/// Remove a top-level key (the scenarios, from the profile each scenario
/// starts from).
pub(crate) fn remove(root: &mut Node, key: &str) {
    if let Value::Map(entries) = &mut root.value {
        entries.retain(|e| e.key != key);
    }
}

/// Every position of a tree moved to `pos`: values given on the command
/// line have no place in the profile's file.
pub(crate) fn relocate(node: &mut Node, pos: Pos) {
    node.pos = pos;
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| relocate(n, pos)),
        Value::Map(entries) => {
            for e in entries {
                e.key_pos = pos;
                relocate(&mut e.value, pos);
            }
        }
        Value::Null | Value::Scalar(_) => {}
    }
}

/// A value as one line of flow YAML, for the report to quote.
pub(crate) fn flow(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".into(),
        Value::Scalar(Scalar { text, quoted }) => {
            if *quoted {
                format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
            } else {
                text.clone()
            }
        }
        Value::Seq(items) => format!(
            "[{}]",
            items.iter().map(flow).collect::<Vec<_>>().join(", ")
        ),
        Value::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|e| format!("{}: {}", e.key, flow(&e.value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The scenarios as written: each one's name, where it is written, and its
/// `set` entries, in
/// file order. Only called on a profile whose checks passed, so the shapes
/// are known; anything else is skipped.
pub(crate) fn written(root: &Node) -> Vec<(String, Pos, Vec<Entry>)> {
    let Value::Map(entries) = &root.value else {
        return Vec::new();
    };
    let Some(Value::Seq(items)) = entries
        .iter()
        .find(|e| e.key == "scenarios")
        .map(|e| &e.value.value)
    else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let Value::Map(fields) = &item.value else {
                return None;
            };
            let (name, name_pos) =
                fields
                    .iter()
                    .find(|f| f.key == "name")
                    .and_then(|f| match &f.value.value {
                        Value::Scalar(s) => Some((s.text.trim().to_string(), f.value.pos)),
                        _ => None,
                    })?;
            let set =
                fields
                    .iter()
                    .find(|f| f.key == "set")
                    .and_then(|f| match &f.value.value {
                        Value::Map(set) => Some(set.clone()),
                        _ => None,
                    })?;
            Some((name, name_pos, set))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::yaml::parse;

    #[test]
    fn apply_replaces_creates_and_turns_nothing_into_a_section() {
        let mut root = parse("budget: {annual_opex: 1}\nsecurity_team:\n").unwrap();
        let value = parse("2").unwrap();
        apply(&mut root, "budget.annual_opex", Pos::default(), &value);
        apply(&mut root, "security_team.analysts", Pos::default(), &value);
        apply(&mut root, "weights.budget", Pos::default(), &value);
        assert_eq!(
            flow(&root),
            "{budget: {annual_opex: 2}, security_team: {analysts: 2}, weights: {budget: 2}}"
        );
        remove(&mut root, "weights");
        assert_eq!(
            flow(&root),
            "{budget: {annual_opex: 2}, security_team: {analysts: 2}}"
        );
    }

    #[test]
    fn flow_quotes_what_was_quoted() {
        let node = parse("{a: \"x \\\"y\\\"\", b: [1, two]}").unwrap();
        assert_eq!(flow(&node), "{a: \"x \\\"y\\\"\", b: [1, two]}");
    }
}
