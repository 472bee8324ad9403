//! Which templates and macros can reach which, to refuse cycles at load time.
//!
//! tera follows `include`s and macro calls by recursion with no depth limit,
//! so a template that includes itself, two that include each other, or a
//! macro that calls itself exhausts the stack and aborts the process: a
//! crash in the middle of a batch instead of an error naming the template.
//! Report data is never recursive, so no template needs recursion; any cycle
//! is refused before anything is rendered.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use tera::ast::{Expr, ExprVal, Node};
use tera::Tera;

/// A unit of rendering that can call another.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    Template(String),
    Macro { file: String, name: String },
}

impl Unit {
    fn describe(&self) -> String {
        match self {
            Unit::Template(name) => format!("`{name}`"),
            Unit::Macro { file, name } => format!("macro `{name}` in `{file}`"),
        }
    }
}

type Graph = BTreeMap<Unit, BTreeSet<Unit>>;

/// The first cycle among the engine's templates and macros, described as a
/// chain (`a.md` -> `b.md` -> `a.md`), if there is one.
pub(super) fn find_cycle(engine: &Tera) -> Option<String> {
    let graph = build(engine);
    let mut done = BTreeSet::new();
    for start in graph.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = visit(&graph, start, &mut path, &mut done) {
            return Some(
                cycle
                    .iter()
                    .map(Unit::describe)
                    .collect::<Vec<_>>()
                    .join(" -> "),
            );
        }
    }
    None
}

/// Depth-first search with the current path; `done` holds units proven
/// cycle-free. The recursion is as deep as the longest chain of templates
/// and macros, which the template folder bounds.
fn visit(
    graph: &Graph,
    unit: &Unit,
    path: &mut Vec<Unit>,
    done: &mut BTreeSet<Unit>,
) -> Option<Vec<Unit>> {
    if done.contains(unit) {
        return None;
    }
    if let Some(at) = path.iter().position(|u| u == unit) {
        let mut cycle = path[at..].to_vec();
        cycle.push(unit.clone());
        return Some(cycle);
    }
    path.push(unit.clone());
    for next in graph.get(unit).into_iter().flatten() {
        if let Some(cycle) = visit(graph, next, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(unit.clone());
    None
}

fn build(engine: &Tera) -> Graph {
    let mut graph = Graph::new();
    let mut names: Vec<&str> = engine.get_template_names().collect();
    names.sort_unstable();
    for name in names {
        let Ok(template) = engine.get_template(name) else {
            continue;
        };
        let namespaces: HashMap<&str, &str> = template
            .imported_macro_files
            .iter()
            .map(|(file, ns)| (ns.as_str(), file.as_str()))
            .collect();
        let mut edges = Edges {
            file: name,
            namespaces: &namespaces,
            out: BTreeSet::new(),
        };
        edges.nodes(&template.ast);
        graph.insert(Unit::Template(name.to_string()), edges.out);
        for (macro_name, definition) in &template.macros {
            let mut edges = Edges {
                file: name,
                namespaces: &namespaces,
                out: BTreeSet::new(),
            };
            edges.nodes(&definition.body);
            graph.insert(
                Unit::Macro {
                    file: name.to_string(),
                    name: macro_name.clone(),
                },
                edges.out,
            );
        }
    }
    graph
}

/// The units one body of template code calls.
struct Edges<'a> {
    file: &'a str,
    namespaces: &'a HashMap<&'a str, &'a str>,
    out: BTreeSet<Unit>,
}

impl Edges<'_> {
    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::VariableBlock(_, e) => self.expr(e),
            Node::Include(_, names, _) => {
                for n in names {
                    self.out.insert(Unit::Template(n.clone()));
                }
            }
            Node::Extends(_, parent) => {
                self.out.insert(Unit::Template(parent.clone()));
            }
            Node::Set(_, set) => self.expr(&set.value),
            Node::FilterSection(_, section, _) => {
                self.args(section.filter.args.values());
                self.nodes(&section.body);
            }
            Node::Block(_, block, _) => self.nodes(&block.body),
            Node::Forloop(_, forloop, _) => {
                self.expr(&forloop.container);
                self.nodes(&forloop.body);
                if let Some(empty) = &forloop.empty_body {
                    self.nodes(empty);
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    self.expr(condition);
                    self.nodes(body);
                }
                if let Some((_, otherwise)) = &branches.otherwise {
                    self.nodes(otherwise);
                }
            }
            // Definitions are units of their own (see `build`).
            _ => {}
        }
    }

    fn args<'e>(&mut self, args: impl Iterator<Item = &'e Expr>) {
        for a in args {
            self.expr(a);
        }
    }

    fn expr(&mut self, e: &Expr) {
        self.value(&e.val);
        for filter in &e.filters {
            self.args(filter.args.values());
        }
    }

    fn value(&mut self, v: &ExprVal) {
        match v {
            ExprVal::MacroCall(call) => {
                let file = if call.namespace == "self" {
                    Some(self.file)
                } else {
                    self.namespaces.get(call.namespace.as_str()).copied()
                };
                if let Some(file) = file {
                    self.out.insert(Unit::Macro {
                        file: file.to_string(),
                        name: call.name.clone(),
                    });
                }
                self.args(call.args.values());
            }
            ExprVal::FunctionCall(call) => self.args(call.args.values()),
            ExprVal::Math(m) => {
                self.expr(&m.lhs);
                self.expr(&m.rhs);
            }
            ExprVal::Logic(l) => {
                self.expr(&l.lhs);
                self.expr(&l.rhs);
            }
            ExprVal::In(i) => {
                self.expr(&i.lhs);
                self.expr(&i.rhs);
            }
            ExprVal::Test(t) => self.args(t.args.iter()),
            ExprVal::Array(items) => self.args(items.iter()),
            ExprVal::StringConcat(c) => {
                for v in &c.values {
                    self.value(v);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine(templates: &[(&str, &str)]) -> Tera {
        let mut tera = Tera::default();
        tera.add_raw_templates(templates.to_vec()).unwrap();
        tera
    }

    #[test]
    fn include_cycles_are_found() {
        let t = engine(&[
            ("a.md", "{% include \"b.md\" %}"),
            ("b.md", "{% if x %}{% include \"a.md\" %}{% endif %}"),
        ]);
        assert_eq!(
            find_cycle(&t).as_deref(),
            Some("`a.md` -> `b.md` -> `a.md`")
        );
        let t = engine(&[("a.md", "x {% include \"a.md\" %}")]);
        assert_eq!(find_cycle(&t).as_deref(), Some("`a.md` -> `a.md`"));
    }

    #[test]
    fn recursive_macros_are_found_through_imports_and_filters() {
        let t = engine(&[
            ("m.md", "{% macro m(n) %}{{ self::n(x=1) }}{% endmacro m %}{% macro n(x) %}{{ [1, self::m(n=x)] | length }}{% endmacro n %}"),
            ("a.md", "{% import \"m.md\" as mm %}{{ mm::m(n=1) }}"),
        ]);
        let cycle = find_cycle(&t).unwrap();
        assert!(
            cycle.contains("macro `m` in `m.md` -> macro `n` in `m.md` -> macro `m`"),
            "{cycle}"
        );
    }

    #[test]
    fn the_default_templates_have_no_cycle() {
        // Read from the folder the built-in set is compiled from, so this
        // module's tests need nothing of the loader that uses it.
        let mut t = Tera::default();
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md" || e == "html") {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&path).unwrap();
                t.add_raw_template(&name, &text).unwrap();
            }
        }
        assert!(t.get_template_names().count() > 20);
        assert_eq!(find_cycle(&t), None);
        // And a chain that merely shares a callee is not a cycle.
        let t = engine(&[
            ("a.md", "{% include \"c.md\" %}{% include \"b.md\" %}"),
            ("b.md", "{% include \"c.md\" %}"),
            ("c.md", "c"),
        ]);
        assert_eq!(find_cycle(&t), None);
    }
}
