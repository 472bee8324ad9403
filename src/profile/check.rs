//! Phase 1 of validation: a positioned YAML tree in, checked values and a
//! diagnostic for every problem out.
//!
//! [`check`] walks the tree against the format table ([`super::format`])
//! and collects a diagnostic for every unknown key, wrong type, value out of
//! range or missing required key, without stopping at the first. Scalars are
//! read by [`super::scalar`]; phase 2 is [`super::build`].

use super::checked::{Checked, Record};
use super::format::{self, Field, Kind};
use super::model::*;
use super::scalar::{expectation, fmt_num, scalar_value, ScalarOutcome};
use super::words::{suggest, token_width, Typo};
use super::yaml::{clip, Node, Pos, Value};
use crate::diag::{Diagnostic, SourceText};
use crate::reference::assumptions;
use std::collections::BTreeMap;

struct Checker<'a> {
    src: &'a SourceText<'a>,
    diags: Vec<Diagnostic>,
}

/// Phase 1: check the whole document against the format, collecting every
/// problem. Returns the checked root when the document is a mapping.
pub(super) fn check(root: &Node, src: &SourceText<'_>) -> (Option<Record>, Vec<Diagnostic>) {
    let mut checker = Checker {
        src,
        diags: Vec::new(),
    };
    let record = match &root.value {
        Value::Null => {
            checker.diags.push(
                src.error(None, 1, 1, 1, "the file holds no profile").with_help(
                    "a profile needs at least `version`, `organisation`, `environment` and `budget`; \
                     `socsource init` writes a starter",
                ),
            );
            None
        }
        Value::Map(_) => checker.record(root, "", format::PROFILE, Pos { line: 1, column: 1 }),
        _ => {
            let found = root.describe();
            checker.error(
                "",
                root.pos,
                format!("expected a mapping of profile keys at the top level, found {found}"),
                Some("a profile starts with `version: 1` followed by `organisation:`, `environment:` ..."),
            );
            None
        }
    };
    (record, checker.diags)
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Checker<'_> {
    fn width_at(&self, pos: Pos) -> usize {
        self.src
            .line(pos.line)
            .map_or(1, |line| token_width(line, pos.column))
    }

    fn error(&mut self, path: &str, pos: Pos, message: String, help: Option<&str>) {
        let width = self.width_at(pos);
        let mut d = self
            .src
            .error(Some(path), pos.line, pos.column, width, message);
        d.help = help.map(str::to_string);
        self.diags.push(d);
    }

    fn error_help(&mut self, path: &str, pos: Pos, message: String, help: Option<String>) {
        self.error(path, pos, message, help.as_deref());
    }

    fn warning(&mut self, path: &str, pos: Pos, message: String, help: Option<String>) {
        let width = self.width_at(pos);
        let mut d = self
            .src
            .warning(Some(path), pos.line, pos.column, width, message);
        d.help = help;
        self.diags.push(d);
    }

    fn record(
        &mut self,
        node: &Node,
        path: &str,
        fields: &'static [Field],
        anchor: Pos,
    ) -> Option<Record> {
        let Value::Map(entries) = &node.value else {
            let keys: Vec<String> = fields
                .iter()
                .take(4)
                .map(|f| format!("`{}`", f.name))
                .collect();
            let found = node.describe();
            self.error(
                path,
                node.pos,
                format!(
                    "expected a mapping with keys such as {}, found {found}",
                    keys.join(", ")
                ),
                None,
            );
            return None;
        };
        let mut record = Record {
            pos: anchor,
            fields: BTreeMap::new(),
        };
        let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
        // A misspelt required key is reported once, as the misspelling.
        let mut suggested = Vec::new();
        for entry in entries {
            let key_path = join(path, &entry.key);
            let Some(field) = fields.iter().find(|f| f.name == entry.key) else {
                if let Some(s) = suggest(&entry.key, &names) {
                    suggested.push(s);
                }
                let help = unknown_key_help(path, &entry.key, fields);
                self.error_help(
                    &key_path,
                    entry.key_pos,
                    format!("unknown key `{}`", clip(&entry.key, 40)),
                    Some(help),
                );
                continue;
            };
            if entry.value.value == Value::Null {
                if field.required {
                    self.error(
                        &key_path,
                        entry.key_pos,
                        format!("`{}` needs a value", field.name),
                        Some(field.doc),
                    );
                } else if matches!(field.kind, Kind::Slug) {
                    // An empty id is not "no id": it would name no folder,
                    // or the folder `null`.
                    self.error(
                        &key_path,
                        entry.key_pos,
                        format!(
                            "expected {}, found nothing (an empty value)",
                            expectation(&field.kind)
                        ),
                        Some("give the id, or remove the line to make it from the file name"),
                    );
                }
                continue;
            }
            let value_pos = entry.value.pos;
            if let Some(checked) = self.value(&entry.value, &key_path, &field.kind, entry.key_pos) {
                record.fields.insert(field.name, (checked, value_pos));
            }
        }
        for field in fields.iter().filter(|f| f.required) {
            if !entries.iter().any(|e| e.key == field.name) && !suggested.contains(&field.name) {
                let doc = field.doc.trim_end_matches('.');
                let what = match doc.chars().next() {
                    Some(first) => first.to_lowercase().chain(doc.chars().skip(1)).collect(),
                    None => String::new(),
                };
                self.error(
                    &join(path, field.name),
                    anchor,
                    format!("missing required key `{}` ({what})", field.name),
                    None,
                );
            }
        }
        Some(record)
    }

    fn value(&mut self, node: &Node, path: &str, kind: &Kind, key_pos: Pos) -> Option<Checked> {
        match kind {
            Kind::Record(fields) => self
                .record(node, path, fields, key_pos)
                .map(Checked::Record),
            Kind::List { item, max_items } => self.list(node, path, item, *max_items),
            Kind::Assumptions => self.assumptions(node, path),
            Kind::Overrides => self.overrides(node, path),
            _ => {
                let Value::Scalar(scalar) = &node.value else {
                    let found = node.describe();
                    self.error(
                        path,
                        node.pos,
                        format!("expected {}, found {found}", expectation(kind)),
                        None,
                    );
                    return None;
                };
                match scalar_value(kind, &scalar.text, scalar.quoted) {
                    Ok(ScalarOutcome::Value(v)) => Some(v),
                    Ok(ScalarOutcome::Warn(v, message, help)) => {
                        self.warning(path, node.pos, message, help);
                        Some(v)
                    }
                    Err((message, help)) => {
                        self.error_help(path, node.pos, message, help);
                        None
                    }
                }
            }
        }
    }

    fn list(&mut self, node: &Node, path: &str, item: &Kind, max_items: usize) -> Option<Checked> {
        let Value::Seq(items) = &node.value else {
            let found = node.describe();
            self.error(
                path,
                node.pos,
                format!("expected a list, found {found}"),
                Some("write `[a, b]`, or one `- item` per line"),
            );
            return None;
        };
        if items.len() > max_items {
            self.error(
                path,
                node.pos,
                format!(
                    "the list has {} items; at most {max_items} are allowed",
                    items.len()
                ),
                None,
            );
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, child) in items.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            if child.value == Value::Null {
                self.error(&item_path, child.pos, "empty list item".into(), None);
                continue;
            }
            if let Some(v) = self.value(child, &item_path, item, child.pos) {
                if let Checked::Text(t) = &v {
                    if matches!(
                        item,
                        Kind::Enum(_) | Kind::OpenEnum(_) | Kind::Country { .. }
                    ) && out.contains(&v)
                    {
                        self.warning(
                            &item_path,
                            child.pos,
                            format!("`{t}` is listed twice"),
                            None,
                        );
                        continue;
                    }
                }
                out.push(v);
            }
        }
        Some(Checked::List(out))
    }

    fn overrides(&mut self, node: &Node, path: &str) -> Option<Checked> {
        let Value::Map(entries) = &node.value else {
            let found = node.describe();
            self.error(
                path,
                node.pos,
                format!("expected a mapping of key paths to values, found {found}"),
                Some("write `set: {budget.annual_opex: 2000000}`, one `path: value` per line"),
            );
            return None;
        };
        if entries.is_empty() {
            self.error(
                path,
                node.pos,
                "a scenario changes nothing".into(),
                Some("give at least one `path: value`, such as `budget.annual_opex: 2000000`"),
            );
            return None;
        }
        let mut paths: Vec<String> = Vec::new();
        for entry in entries {
            let key_path = format!("{path}.{}", entry.key);
            if let Err(help) = format::settable(&entry.key) {
                self.error_help(
                    &key_path,
                    entry.key_pos,
                    format!("cannot set `{}`", clip(&entry.key, 60)),
                    Some(help),
                );
                continue;
            }
            if let Some(earlier) = paths.iter().find(|p| {
                entry.key.starts_with(&format!("{p}.")) || p.starts_with(&format!("{}.", entry.key))
            }) {
                self.error(
                    &key_path,
                    entry.key_pos,
                    format!(
                        "`{}` and `{earlier}` overlap: one is inside the other",
                        entry.key
                    ),
                    Some("set either the section or the keys inside it"),
                );
                continue;
            }
            if entry.value.value == Value::Null {
                self.error(
                    &key_path,
                    entry.key_pos,
                    format!("`{}` needs a value", entry.key),
                    None,
                );
                continue;
            }
            paths.push(entry.key.clone());
        }
        Some(Checked::Overrides(paths))
    }

    fn assumptions(&mut self, node: &Node, path: &str) -> Option<Checked> {
        let Value::Map(entries) = &node.value else {
            let found = node.describe();
            self.error(
                path,
                node.pos,
                format!("expected a mapping of assumption names to numbers, found {found}"),
                None,
            );
            return None;
        };
        let mut out = BTreeMap::new();
        for entry in entries {
            let key_path = join(path, &entry.key);
            let Some(spec) = assumptions::spec(&entry.key) else {
                let names: Vec<&str> = assumptions::names().collect();
                let help = match suggest(&entry.key, &names) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "docs/src/reference/assumptions.md lists every assumption name".into(),
                };
                self.error_help(
                    &key_path,
                    entry.key_pos,
                    format!("unknown assumption `{}`", clip(&entry.key, 40)),
                    Some(help),
                );
                continue;
            };
            let kind = Kind::Number {
                min: spec.min,
                max: spec.max,
            };
            if entry.value.value == Value::Null {
                self.error(
                    &key_path,
                    entry.key_pos,
                    format!("`{}` needs a value", spec.name),
                    Some("a number, or `{low: ..., likely: ..., high: ...}`"),
                );
                continue;
            }
            let value = match &entry.value.value {
                Value::Map(_) => self.assumption_range(&entry.value, &key_path, &kind),
                _ => match self.value(&entry.value, &key_path, &kind, entry.key_pos) {
                    Some(Checked::Number(n)) => Some(AssumptionValue::Point(n)),
                    _ => None,
                },
            };
            if let Some(v) = value {
                out.insert(spec.name.to_string(), v);
            }
        }
        Some(Checked::Assumptions(out))
    }

    /// `{low, likely, high}`: each a number in the assumption's bounds, in
    /// that order.
    fn assumption_range(
        &mut self,
        node: &Node,
        path: &str,
        kind: &Kind,
    ) -> Option<AssumptionValue> {
        let Value::Map(entries) = &node.value else {
            return None;
        };
        let mut found: [Option<(f64, Pos)>; 3] = [None, None, None];
        let names = ["low", "likely", "high"];
        let mut ok = true;
        // A misspelt key is reported once, as the misspelling.
        let mut suggested = Vec::new();
        for entry in entries {
            let key_path = join(path, &entry.key);
            let Some(i) = names.iter().position(|n| *n == entry.key) else {
                let help = match suggest(&entry.key, &names) {
                    Some(s) => {
                        suggested.push(s);
                        format!("did you mean `{s}`?")
                    }
                    None => "a range has the keys `low`, `likely` and `high`".into(),
                };
                self.error_help(
                    &key_path,
                    entry.key_pos,
                    format!("unknown key `{}`", clip(&entry.key, 40)),
                    Some(help),
                );
                ok = false;
                continue;
            };
            match self.value(&entry.value, &key_path, kind, entry.key_pos) {
                Some(Checked::Number(n)) => found[i] = Some((n, entry.value.pos)),
                _ => ok = false,
            }
        }
        for (i, name) in names.iter().enumerate() {
            if found[i].is_none()
                && !entries.iter().any(|e| e.key == *name)
                && !suggested.contains(name)
            {
                self.error(
                    path,
                    node.pos,
                    format!("the range has no `{name}`"),
                    Some("a range gives all three of `low`, `likely` and `high`; give a single number to keep the default spread"),
                );
                ok = false;
            }
        }
        let ([Some(low), Some(likely), Some(high)], true) = (found, ok) else {
            return None;
        };
        if low.0 > likely.0 {
            self.error(
                &join(path, "low"),
                low.1,
                format!(
                    "`low` ({}) is above `likely` ({})",
                    fmt_num(low.0),
                    fmt_num(likely.0)
                ),
                Some("a range runs low <= likely <= high"),
            );
            return None;
        }
        if likely.0 > high.0 {
            self.error(
                &join(path, "high"),
                high.1,
                format!(
                    "`high` ({}) is below `likely` ({})",
                    fmt_num(high.0),
                    fmt_num(likely.0)
                ),
                Some("a range runs low <= likely <= high"),
            );
            return None;
        }
        Some(AssumptionValue::Range {
            low: low.0,
            likely: likely.0,
            high: high.0,
        })
    }
}

/// "did you mean" for an unknown key: a near spelling here, or the same key
/// in another section of the profile.
fn unknown_key_help(path: &str, key: &str, fields: &[Field]) -> String {
    let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
    if let Some(s) = suggest(key, &names) {
        return format!("did you mean `{s}`?");
    }
    // The format's key paths, made once: this runs for every unknown key,
    // and a hostile file can have tens of thousands.
    static PATHS: std::sync::OnceLock<Vec<(String, Vec<char>)>> = std::sync::OnceLock::new();
    let typo = Typo::new(key);
    let elsewhere = PATHS
        .get_or_init(|| {
            format::all_paths()
                .into_iter()
                .map(|p| {
                    let last = Typo::prepare(p.rsplit('.').next().unwrap_or(&p));
                    (p, last)
                })
                .collect()
        })
        .iter()
        .filter(|(_, last)| typo.is_close(last))
        .map(|(p, _)| p)
        .find(|p| p.rsplit_once('.').map_or("", |(parent, _)| parent) != path);
    if let Some(other) = elsewhere {
        let section = other
            .rsplit_once('.')
            .map_or("the top level", |(parent, _)| parent);
        return format!("did you mean `{other}`? It belongs under `{section}`");
    }
    format!("known keys here: {}", names.join(", "))
}
