//! Templates: the defaults compiled into the binary, and a user folder that
//! overrides them by file name (`--templates DIR`).
//!
//! Two tera engines keep escaping honest: Markdown templates (`*.md`)
//! auto-escape every printed value with [`super::markdown::escape`]; HTML
//! templates (`*.html`, and `*.css` they include) auto-escape with HTML
//! rules. `*.js` (the dashboard's script) is rendered as written: it takes
//! no values. A value printed with `| safe` is the template author's
//! responsibility: templates are trusted code, profiles are not.
//!
//! `socsource templates export DIR` writes the defaults out for editing.

use super::markdown;
use crate::digest::sha256_hex;
use crate::evaluate::messages::{say, Message};
use crate::fsio::{self, IoError};
use crate::numbers;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Mutex, OnceLock};
use tera::{Tera, Value};

/// The default templates, by file name.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("report.md", include_str!("../../templates/report.md")),
    ("cover.md", include_str!("../../templates/cover.md")),
    ("summary.md", include_str!("../../templates/summary.md")),
    ("assessed.md", include_str!("../../templates/assessed.md")),
    ("options.md", include_str!("../../templates/options.md")),
    (
        "considerations.md",
        include_str!("../../templates/considerations.md"),
    ),
    ("costs.md", include_str!("../../templates/costs.md")),
    ("staffing.md", include_str!("../../templates/staffing.md")),
    ("risks.md", include_str!("../../templates/risks.md")),
    (
        "objectives.md",
        include_str!("../../templates/objectives.md"),
    ),
    ("sla.md", include_str!("../../templates/sla.md")),
    ("bids.md", include_str!("../../templates/bids.md")),
    ("roadmap.md", include_str!("../../templates/roadmap.md")),
    (
        "sensitivity.md",
        include_str!("../../templates/sensitivity.md"),
    ),
    ("appendix.md", include_str!("../../templates/appendix.md")),
    ("scenarios.md", include_str!("../../templates/scenarios.md")),
    ("brief.md", include_str!("../../templates/brief.md")),
    ("diff.md", include_str!("../../templates/diff.md")),
    ("index.md", include_str!("../../templates/index.md")),
    ("report.html", include_str!("../../templates/report.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("index.js", include_str!("../../templates/index.js")),
    ("style.css", include_str!("../../templates/style.css")),
];

/// Largest template file read from a `--templates` folder.
pub const MAX_TEMPLATE_BYTES: u64 = 4 * 1024 * 1024;

/// The images a user's Markdown template shows (`![alt](path)` with a
/// literal path, relative to the templates folder), read and recognised.
/// Addresses, the report's own charts and logos, and paths made by
/// template expressions are left alone.
fn template_images(
    dir: &Path,
    file: &Path,
    text: &str,
    out: &mut Vec<(String, crate::render::Picture)>,
) -> Result<(), TemplateError> {
    let mut from = 0;
    while let Some(found) = text[from..].find("![") {
        let start = from + found;
        from = start + 2;
        let Some(close) = text[start..].find("](").map(|i| start + i + 2) else {
            break;
        };
        let Some(end) = text[close..].find(')').map(|i| close + i) else {
            break;
        };
        let target = text[close..end].trim();
        let written = target.split_whitespace().next().unwrap_or_default();
        let generated = ["charts/", "images/", "#", "data:"]
            .iter()
            .any(|p| written.starts_with(p));
        if written.is_empty()
            || generated
            || written.contains("://")
            || written.contains("{{")
            || written.contains("{%")
            || out.iter().any(|(w, _)| w == written)
        {
            continue;
        }
        let before = &text[..close];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let fail = |problem: String| TemplateError::Image {
            template: file.display().to_string(),
            line,
            column,
            problem,
        };
        let relative = Path::new(written);
        if relative.is_absolute()
            || relative
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(fail(say(
                Message::ImageOutsideTemplates,
                &[("path", written)],
            )));
        }
        let image = crate::profile::image::read(&dir.join(relative), written).map_err(fail)?;
        let stem: String = relative
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let mut dest = format!("images/template-{stem}.{}", image.kind.extension());
        let mut n = 1;
        while out.iter().any(|(_, p)| p.dest == dest) {
            n += 1;
            dest = format!("images/template-{stem}-{n}.{}", image.kind.extension());
        }
        out.push((written.to_string(), crate::render::Picture { dest, image }));
    }
    Ok(())
}

/// A template problem: which template, where, and what.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// The `--templates` folder cannot be listed.
    #[error(
        "{}",
        say(
            Message::TemplatesFolderUnreadable,
            &[
                ("folder", &.source.path.display().to_string()),
                ("reason", &.source.reason()),
            ]
        )
    )]
    Folder { source: IoError },
    /// A template file in it cannot be read.
    #[error(transparent)]
    Read(#[from] IoError),
    /// tera refused a template or failed to render it. `place` is the line
    /// that mentions the variable a render error names, when it can be found.
    #[error(
        "template `{name}` ({origin}): {}{}",
        explain(.source),
        .place.as_ref().map_or_else(String::new, |p| format!("\n  at {p}"))
    )]
    Tera {
        name: String,
        origin: String,
        place: Option<String>,
        source: Box<tera::Error>,
    },
    #[error("{}", say(Message::TemplatesCycle, &[("cycle", .cycle)]))]
    Cycle { cycle: String },
    /// An image a template shows cannot be: missing, not an image, too
    /// large, or outside the templates folder.
    #[error("{template}:{line}:{column}: {problem}")]
    Image {
        template: String,
        line: usize,
        column: usize,
        problem: String,
    },
}

/// A tera error with its whole cause chain, which is where tera keeps the
/// template name, line and column.
fn explain(err: &tera::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        let line = cause.to_string();
        if !text.contains(&line) {
            text.push_str("\n  ");
            text.push_str(line.trim_end());
        }
        source = cause.source();
    }
    text
}

/// The template set in use, with its provenance for manifests.
///
/// The built-in set is compiled on first use, so a run that renders no
/// Markdown (a JSON-only report) does not pay for parsing it; a set with
/// overrides is compiled when loaded, so its errors stop the run before
/// any work.
pub struct Templates {
    /// Each family's engines, compiled the first time one of its templates
    /// is rendered.
    families: [Family; 4],
    /// Whether the families are compiled apart. A set with overrides is
    /// compiled whole, as one family: an edited template may include any
    /// other.
    split: bool,
    /// Name -> where it came from (`built-in` or the override file).
    pub(crate) origin: BTreeMap<String, String>,
    /// Name -> text, for hashing the template set.
    pub(crate) sources: BTreeMap<String, String>,
    /// The images the user's templates show: the path as a template
    /// writes it, and the picture under the name the report uses.
    pub(crate) pictures: Vec<(String, crate::render::Picture)>,
}

/// The compiled templates: Markdown ones escape for Markdown, HTML ones
/// for HTML.
struct Engines {
    markdown: Tera,
    html: Tera,
}

fn is_markdown(name: &str) -> bool {
    name.ends_with(".md")
}

/// Templates that are rendered together: a root and what it includes. A
/// report run never parses the dashboard's or `diff`'s templates (tera
/// parses about 3 KB a millisecond here, and those are 40% of the set).
#[derive(Default)]
struct Family {
    engines: OnceLock<Engines>,
    /// Held while compiling, so a render that needs the family waits for
    /// a compile begun by `warm` rather than starting a second one.
    compiling: Mutex<()>,
}

/// The family a template is rendered from: the brief, the comparison and
/// the dashboard are roots of their own; everything else is the report's
/// (its sections, its HTML shell, which the brief and the comparison share,
/// and the stylesheet).
fn family_of(name: &str) -> usize {
    match name {
        "brief.md" => 1,
        "diff.md" => 2,
        "index.md" | "index.html" | "index.js" => 3,
        _ => 0,
    }
}

/// Whether built-in `name` is compiled into `family`: the stylesheet is in
/// the report's and the dashboard's.
fn in_family(name: &str, family: usize) -> bool {
    family_of(name) == family || (name == "style.css" && family == 3)
}

fn arg_currency(args: &HashMap<String, Value>) -> String {
    args.get("cur")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

/// The `scale` argument of a money filter: `k`, `m`, `bn`, or units.
fn arg_scale(args: &HashMap<String, Value>) -> numbers::MoneyScale {
    numbers::MoneyScale::from_suffix(args.get("scale").and_then(Value::as_str).unwrap_or(""))
}

/// A value as the text it prints.
fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The amounts of a column: an array of numbers.
fn numbers(value: &Value, filter: &str) -> tera::Result<Vec<f64>> {
    value
        .as_array()
        .ok_or_else(|| {
            tera::Error::msg(say(
                Message::FilterNeedsNumbers,
                &[("filter", filter), ("value", &value.to_string())],
            ))
        })?
        .iter()
        .map(|x| number(x, filter))
        .collect()
}

fn number(value: &Value, filter: &str) -> tera::Result<f64> {
    value.as_f64().ok_or_else(|| {
        tera::Error::msg(say(
            Message::FilterNeedsNumber,
            &[("filter", filter), ("value", &value.to_string())],
        ))
    })
}

/// A relative link for an HTML attribute: characters a URL may hold are
/// kept (`&` and `'` as entities), anything else is percent-encoded as
/// UTF-8, so a folder name can neither end the attribute nor add markup.
pub fn href(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_ascii_alphanumeric() || "-._~/:#?=%+!$()*,;@".contains(c) => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

fn register_filters(tera: &mut Tera) {
    tera.register_filter("href", |v: &Value, _: &HashMap<String, Value>| {
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Ok(Value::String(href(&text)))
    });
    tera.register_filter("money", |v: &Value, args: &HashMap<String, Value>| {
        Ok(Value::String(numbers::money(
            &arg_currency(args),
            number(v, "money")?,
        )))
    });
    tera.register_filter("money_short", |v: &Value, args: &HashMap<String, Value>| {
        Ok(Value::String(numbers::money_short(
            &arg_currency(args),
            number(v, "money_short")?,
        )))
    });
    tera.register_filter("num", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(numbers::decimal(number(v, "num")?)))
    });
    tera.register_filter("pct", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(numbers::percent_1(number(v, "pct")?)))
    });
    tera.register_filter("fixed", |v: &Value, args: &HashMap<String, Value>| {
        let places = args
            .get("places")
            .and_then(Value::as_u64)
            .unwrap_or(2)
            .min(6) as usize;
        Ok(Value::String(numbers::fixed(number(v, "fixed")?, places)))
    });
    tera.register_filter("sig", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(numbers::estimate(number(v, "sig")?)))
    });
    tera.register_filter("times", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(numbers::times(number(v, "times")?)))
    });
    tera.register_filter("range", |v: &Value, args: &HashMap<String, Value>| {
        let end = args
            .get("to")
            .ok_or_else(|| tera::Error::msg(Message::RangeNeedsTo.template()))?;
        Ok(Value::String(numbers::range(&plain(v), &plain(end))))
    });
    tera.register_filter(
        "money_column",
        |v: &Value, args: &HashMap<String, Value>| {
            let column = numbers::money_column(&arg_currency(args), &numbers(v, "money_column")?);
            serde_json::to_value(column).map_err(|e| tera::Error::msg(e.to_string()))
        },
    );
    tera.register_filter("money_scale", |v: &Value, _: &HashMap<String, Value>| {
        let amounts = numbers(v, "money_scale")?;
        Ok(Value::String(
            numbers::MoneyScale::for_amounts(amounts)
                .suffix()
                .to_string(),
        ))
    });
    tera.register_filter("scaled", |v: &Value, args: &HashMap<String, Value>| {
        Ok(Value::String(arg_scale(args).cell(number(v, "scaled")?)))
    });
    tera.register_filter("money_in", |v: &Value, args: &HashMap<String, Value>| {
        Ok(Value::String(
            arg_scale(args).amount(&arg_currency(args), number(v, "money_in")?),
        ))
    });
    tera.register_filter("signed", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(numbers::signed(number(v, "signed")?)))
    });
    tera.register_filter("hours", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(numbers::hours(number(v, "hours")?)))
    });
    tera.register_filter("months", |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(crate::numbers::trim_float(number(
            v, "months",
        )?)))
    });
    tera.register_filter("yaml", |v: &Value, _: &HashMap<String, Value>| {
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Ok(Value::String(markdown::yaml_string(&text)))
    });
    tera.register_filter("code", |v: &Value, _: &HashMap<String, Value>| {
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Ok(Value::String(markdown::code_span(&text)))
    });
    tera.register_filter("md", |v: &Value, _: &HashMap<String, Value>| {
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Ok(Value::String(markdown::escape(&text)))
    });
}

impl Templates {
    /// The built-in templates, overridden by any file of the same name in
    /// `user_dir` (which may also add templates of its own for `include`).
    pub fn load(user_dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut sources: BTreeMap<String, String> = DEFAULTS
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let mut origin: BTreeMap<String, String> = DEFAULTS
            .iter()
            .map(|(n, _)| (n.to_string(), "built-in".to_string()))
            .collect();
        let mut pictures = Vec::new();
        if let Some(dir) = user_dir {
            let mut files =
                fsio::read_dir(dir).map_err(|source| TemplateError::Folder { source })?;
            files.sort();
            for path in files {
                let Some(name) = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .map(str::to_string)
                else {
                    continue;
                };
                if name.starts_with('.')
                    || !(name.ends_with(".md")
                        || name.ends_with(".html")
                        || name.ends_with(".css")
                        || name.ends_with(".js"))
                {
                    continue;
                }
                let text = fsio::read_text_limited(&path, MAX_TEMPLATE_BYTES)
                    .map_err(|e| e.into_io(&path))?;
                if name.ends_with(".md") {
                    template_images(dir, &path, &text, &mut pictures)?;
                }
                origin.insert(name.clone(), path.display().to_string());
                sources.insert(name, text);
            }
        }
        let templates = Templates {
            families: Default::default(),
            split: user_dir.is_none(),
            origin,
            sources,
            pictures,
        };
        if user_dir.is_some() {
            templates.engines(0)?;
        }
        Ok(templates)
    }

    /// The family `name` is rendered from: one for the whole set when it
    /// has overrides.
    fn family(&self, name: &str) -> usize {
        if self.split {
            family_of(name)
        } else {
            0
        }
    }

    fn engines(&self, family: usize) -> Result<&Engines, TemplateError> {
        let slot = &self.families[family];
        if let Some(engines) = slot.engines.get() {
            return Ok(engines);
        }
        let _compiling = slot.compiling.lock();
        if let Some(engines) = slot.engines.get() {
            return Ok(engines);
        }
        let sources: BTreeMap<String, String> = self
            .sources
            .iter()
            .filter(|(name, _)| !self.split || in_family(name, family))
            .map(|(name, text)| (name.clone(), text.clone()))
            .collect();
        let engines = compile(&sources, &self.origin)?;
        Ok(slot.engines.get_or_init(|| engines))
    }

    /// Compile the templates that render `roots` now (in a thread of its
    /// own while the first profile is read and evaluated) rather than at
    /// the first render.
    pub fn warm(&self, roots: &[&str]) {
        for root in roots {
            let _ = self.engines(self.family(root));
        }
    }

    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, TemplateError> {
        let engines = self.engines(self.family(name))?;
        let engine = if is_markdown(name) {
            &engines.markdown
        } else {
            &engines.html
        };
        engine
            .render(name, context)
            .map_err(|source| TemplateError::Tera {
                name: name.to_string(),
                origin: self
                    .origin
                    .get(name)
                    .map_or("missing", String::as_str)
                    .to_string(),
                place: self.locate(&source),
                source: Box::new(source),
            })
    }

    /// The template set, as shard records and manifests name it: each
    /// template's SHA-256, by name.
    pub fn digests(&self) -> BTreeMap<String, String> {
        self.sources
            .iter()
            .map(|(name, text)| (name.clone(), sha256_hex(text.as_bytes())))
            .collect()
    }

    /// Tera's render errors name the variable and the template but not the
    /// line; find the first line of that template that mentions it.
    fn locate(&self, err: &tera::Error) -> Option<String> {
        let TeraProblem::MissingVariable { variable, template } = TeraProblem::of(err) else {
            return None;
        };
        let template = template.as_str();
        let variable = variable.as_str();
        let source = self.sources.get(template)?;
        let line = source.lines().position(|l| l.contains(variable))? + 1;
        Some(format!(
            "{} line {line}",
            self.origin
                .get(template)
                .map_or(template, |o| if o == "built-in" { template } else { o })
        ))
    }
}

/// Parse every template of the set, each into the engine of its format.
fn compile(
    sources: &BTreeMap<String, String>,
    origin: &BTreeMap<String, String>,
) -> Result<Engines, TemplateError> {
    let mut markdown_engine = Tera::default();
    let mut html_engine = Tera::default();
    markdown_engine.autoescape_on(vec![".md"]);
    markdown_engine.set_escape_fn(markdown::escape);
    html_engine.autoescape_on(vec![".html"]);
    register_filters(&mut markdown_engine);
    register_filters(&mut html_engine);
    // Each engine's templates are added together: added one at a time, a
    // template could import macros or extend only from templates whose
    // names sort before its own.
    for (engine, markdown) in [(&mut markdown_engine, true), (&mut html_engine, false)] {
        let set = sources
            .iter()
            .filter(|(name, _)| is_markdown(name) == markdown)
            .map(|(name, text)| (name.as_str(), text.as_str()));
        engine.add_raw_templates(set).map_err(|source| {
            let name = named_in(&source, sources).unwrap_or(Message::TheTemplateSet.template());
            TemplateError::Tera {
                name: name.to_string(),
                origin: origin
                    .get(name)
                    .map_or_else(|| "templates".to_string(), String::clone),
                place: None,
                source: Box::new(source),
            }
        })?;
    }
    for engine in [&markdown_engine, &html_engine] {
        if let Some(cycle) = super::template_graph::find_cycle(engine) {
            return Err(TemplateError::Cycle { cycle });
        }
    }
    Ok(Engines {
        markdown: markdown_engine,
        html: html_engine,
    })
}

/// A file of a `--templates` folder that changes nothing: its name is no
/// built-in template's, and no template includes, imports or extends it
/// (most likely a misspelt override, such as `sumary.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    /// The file as found (`my-templates/sumary.md`).
    pub file: String,
    /// The built-in template whose name is closest, if one is close.
    pub suggestion: Option<&'static str>,
}

impl std::fmt::Display for Unmatched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&say(Message::TemplateUnused, &[("file", &self.file)]))?;
        match self.suggestion {
            Some(name) => f.write_str(&say(Message::DidYouMean, &[("name", name)])),
            None => f.write_str(Message::ExportBuiltIns.template()),
        }
    }
}

/// The user's templates that change nothing ([`Unmatched`]), by name.
pub fn unmatched(templates: &Templates) -> Vec<Unmatched> {
    let built_in: Vec<&'static str> = DEFAULTS.iter().map(|(name, _)| *name).collect();
    templates
        .origin
        .iter()
        .filter(|(name, origin)| *origin != "built-in" && !built_in.contains(&name.as_str()))
        .filter(|(name, _)| {
            let quoted = [format!("\"{name}\""), format!("'{name}'")];
            !templates
                .sources
                .iter()
                .any(|(other, text)| other != *name && quoted.iter().any(|q| text.contains(q)))
        })
        .map(|(name, origin)| Unmatched {
            file: origin.clone(),
            suggestion: crate::profile::words::suggest(name, &built_in),
        })
        .collect()
}

/// What a tera error is about, read from its kinds along the cause chain.
/// Tera 1 gives a kind to a missing template, parent or filter and to an
/// inheritance loop; a variable missing from the context is only a
/// message (`ErrorKind::Msg`), so that one case is read from tera's
/// wording, which a test pins.
#[derive(Debug, PartialEq)]
enum TeraProblem {
    MissingVariable {
        variable: String,
        template: String,
    },
    MissingTemplate {
        template: String,
        from: Option<String>,
    },
    InheritanceLoop {
        template: String,
    },
    UnknownFilter(String),
    Other,
}

impl TeraProblem {
    fn of(err: &tera::Error) -> TeraProblem {
        let mut next: Option<&(dyn std::error::Error + 'static)> = Some(err);
        while let Some(cause) = next {
            if let Some(e) = cause.downcast_ref::<tera::Error>() {
                match &e.kind {
                    // An include names its candidates as a list: `[b.md]`.
                    tera::ErrorKind::TemplateNotFound(t) => {
                        let list = t.trim_start_matches('[').trim_end_matches(']');
                        return TeraProblem::MissingTemplate {
                            template: list.split(", ").next().unwrap_or(list).to_string(),
                            from: None,
                        };
                    }
                    tera::ErrorKind::MissingParent { current, parent } => {
                        return TeraProblem::MissingTemplate {
                            template: parent.clone(),
                            from: Some(current.clone()),
                        }
                    }
                    tera::ErrorKind::CircularExtend { tpl, .. } => {
                        return TeraProblem::InheritanceLoop {
                            template: tpl.clone(),
                        }
                    }
                    tera::ErrorKind::FilterNotFound(f) => {
                        return TeraProblem::UnknownFilter(f.clone())
                    }
                    tera::ErrorKind::Msg(m) => {
                        if let Some(problem) = missing_variable(m) {
                            return problem;
                        }
                    }
                    _ => {}
                }
            }
            next = cause.source();
        }
        TeraProblem::Other
    }
}

/// Tera's message for a variable missing from the context: "Variable `x`
/// not found in context while rendering 'report.md'".
fn missing_variable(message: &str) -> Option<TeraProblem> {
    let rest = message.strip_prefix("Variable `")?;
    let (variable, rest) = rest.split_once('`')?;
    let template = rest
        .strip_prefix(" not found in context while rendering '")?
        .split('\'')
        .next()?;
    Some(TeraProblem::MissingVariable {
        variable: variable.to_string(),
        template: template.to_string(),
    })
}

/// The template a tera error is about: the one its kind names (a missing
/// parent is the child's problem), else the first template of the set it
/// names in quotes ("Failed to parse 'x'", "Template 'x' loads macros from
/// 'y' which isn't present").
fn named_in<'s>(err: &tera::Error, sources: &'s BTreeMap<String, String>) -> Option<&'s str> {
    let named = match TeraProblem::of(err) {
        TeraProblem::MissingTemplate {
            from: Some(child), ..
        } => Some(child),
        TeraProblem::InheritanceLoop { template } => Some(template),
        TeraProblem::MissingVariable { template, .. } => Some(template),
        _ => None,
    };
    if let Some((name, _)) = named.and_then(|n| sources.get_key_value(&n)) {
        return Some(name.as_str());
    }
    let text = err.to_string();
    text.split(['\'', '`'])
        .skip(1)
        .step_by(2)
        .find_map(|quoted| sources.get_key_value(quoted).map(|(name, _)| name.as_str()))
}

/// Write the default templates into `dir` for editing; existing files are
/// kept unless `force`.
pub fn export(dir: &Path, force: bool) -> Result<Vec<String>, IoError> {
    fsio::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, text) in DEFAULTS {
        fsio::write_new(&dir.join(name), text.as_bytes(), force)?;
        written.push(name.to_string());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_error(templates: &[(&str, &str)], name: &str) -> tera::Error {
        let mut tera = Tera::default();
        tera.add_raw_templates(templates.iter().copied()).unwrap();
        tera.render(name, &tera::Context::new()).unwrap_err()
    }

    #[test]
    fn tera_problems_are_read_from_its_kinds_and_its_one_pinned_message() {
        // Tera's wording for a missing variable, pinned: an upgrade that
        // changes it fails here rather than losing the line in reports.
        let err = render_error(&[("a.md", "x\n{{ profile.name }}")], "a.md");
        assert_eq!(
            TeraProblem::of(&err),
            TeraProblem::MissingVariable {
                variable: "profile.name".into(),
                template: "a.md".into()
            }
        );
        let err = render_error(&[("a.md", "{% include \"b.md\" %}")], "a.md");
        assert_eq!(
            TeraProblem::of(&err),
            TeraProblem::MissingTemplate {
                template: "b.md".into(),
                from: None
            }
        );
        let mut tera = Tera::default();
        let err = tera
            .add_raw_templates([("child.md", "{% extends \"base.md\" %}")])
            .unwrap_err();
        assert_eq!(
            TeraProblem::of(&err),
            TeraProblem::MissingTemplate {
                template: "base.md".into(),
                from: Some("child.md".into())
            }
        );
        let sources: BTreeMap<String, String> = [("child.md".to_string(), String::new())].into();
        assert_eq!(named_in(&err, &sources), Some("child.md"));
        let err = tera::Error::msg("something else");
        assert_eq!(TeraProblem::of(&err), TeraProblem::Other);
    }

    #[test]
    fn a_missing_variable_is_located_on_the_line_that_names_it() {
        let sources: BTreeMap<String, String> = [(
            "report.md".to_string(),
            "# Title\n\nText\n{{ org.name }}\n".to_string(),
        )]
        .into();
        let err = render_error(&[("report.md", &sources["report.md"])], "report.md");
        let mut templates = Templates::load(None).unwrap();
        templates.sources = sources;
        templates.origin = [("report.md".to_string(), "built-in".to_string())].into();
        assert_eq!(templates.locate(&err).as_deref(), Some("report.md line 4"));
    }

    #[test]
    fn a_report_run_compiles_only_the_reports_templates() {
        let templates = Templates::load(None).unwrap();
        templates.warm(&["report.md", "report.html"]);
        assert!(templates.families[0].engines.get().is_some());
        for family in 1..templates.families.len() {
            assert!(templates.families[family].engines.get().is_none());
        }
        let css = templates
            .render("style.css", &tera::Context::new())
            .unwrap();
        assert!(css.contains("font"), "{css}");
    }

    #[test]
    fn an_edited_template_may_include_any_other() {
        let dir =
            std::env::temp_dir().join(format!("socsource-templates-family-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // The built-in brief includes nothing of the report's; an edited
        // one may include a section of the report.
        std::fs::write(dir.join("brief.md"), "Brief: {% include \"cover.md\" %}").unwrap();
        std::fs::write(dir.join("cover.md"), "the cover").unwrap();
        let templates = Templates::load(Some(&dir)).unwrap();
        let brief = templates.render("brief.md", &tera::Context::new()).unwrap();
        assert_eq!(brief, "Brief: the cover");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A macro file imported by templates whose names sort before it, and
    /// a layout extended by one that sorts before it: the set loads whole.
    #[test]
    fn imports_and_extends_resolve_whatever_the_names() {
        let dir =
            std::env::temp_dir().join(format!("socsource-templates-order-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("zz-macros.md"),
            "{% macro signed(who) %}Signed by {{ who }}.{% endmacro signed %}",
        )
        .unwrap();
        std::fs::write(
            dir.join("brief.md"),
            "{% import \"zz-macros.md\" as m %}{{ m::signed(who=\"the adviser\") }}",
        )
        .unwrap();
        std::fs::write(
            dir.join("a-page.md"),
            "{% extends \"zz-layout.md\" %}{% block body %}page{% endblock body %}",
        )
        .unwrap();
        std::fs::write(
            dir.join("zz-layout.md"),
            "[{% block body %}{% endblock body %}]",
        )
        .unwrap();
        let templates = Templates::load(Some(&dir)).unwrap();
        let context = tera::Context::new();
        assert_eq!(
            templates.render("brief.md", &context).unwrap(),
            "Signed by the adviser."
        );
        assert_eq!(templates.render("a-page.md", &context).unwrap(), "[page]");
        // A broken template is still named, whatever its place in the set.
        std::fs::write(dir.join("b-broken.md"), "{% if %}").unwrap();
        let err = Templates::load(Some(&dir)).err().unwrap().to_string();
        assert!(err.starts_with("template `b-broken.md` ("), "{err}");
        std::fs::remove_file(dir.join("zz-macros.md")).unwrap();
        std::fs::remove_file(dir.join("b-broken.md")).unwrap();
        let err = Templates::load(Some(&dir)).err().unwrap().to_string();
        assert!(err.starts_with("template `brief.md` ("), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn hrefs_keep_paths_and_encode_the_rest() {
        assert_eq!(
            href("../part-0/acme/report.html"),
            "../part-0/acme/report.html"
        );
        assert_eq!(
            href("a b/\"><x>&'/ü"),
            "a%20b/%22%3E%3Cx%3E&amp;&#39;/%C3%BC"
        );
    }
}
