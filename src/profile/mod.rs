//! Load: profile files in, validated [`Profile`]s or diagnostics out.
//!
//! This module owns everything between the bytes of a profile file and the
//! typed model: file-level checks (size, encoding, binary content), YAML
//! parsing ([`yaml`]), validation against the format ([`format`]; [`check`]
//! then [`build`]), finding profiles under folders ([`discover`]) and the JSON
//! Schema of the format ([`schema`]).
//!
//! Policy: a profile either loads completely, with every default applied and
//! recorded, or yields every diagnostic it has. Nothing a file contains can
//! make loading panic, hang or allocate without bound: files over
//! [`MAX_PROFILE_BYTES`] are refused before they are read, and the YAML layer
//! bounds nesting and alias expansion.

mod build;
mod check;
mod checked;
pub(crate) mod discover;
pub mod format;
pub(crate) mod image;
pub mod model;
mod scalar;
pub(crate) mod scenario;
pub(crate) mod schema;
pub(crate) mod words;
pub(crate) mod yaml;

pub use model::Profile;

use crate::diag::{Diagnostic, SourceText};
use model::{Date, Scenario, Setting};
use std::path::Path;

/// Profiles are a few kilobytes; anything larger is refused unread.
pub const MAX_PROFILE_BYTES: u64 = 1024 * 1024;

/// The commented starter profile `socsource init` writes.
pub(crate) const STARTER: &str = include_str!("starter.yaml");

/// A block of providers' quotes to add to the starter profile
/// (`socsource init --quotes`): two bidders, one clause each way, every
/// clause key listed in the docs.
pub(crate) const STARTER_QUOTES: &str = include_str!("starter-quotes.yaml");

/// The starter profile for a file at `path`: its id made from the file's
/// name, and with `quotes`, a starter block for providers' quotes.
pub(crate) fn starter(path: &Path, quotes: bool) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = words::slug_from_file_name(&stem).unwrap_or_else(|_| "example-org".to_string());
    let mut text = STARTER.replacen("id: example-org ", &format!("id: {id:<12}"), 1);
    // The commands at the top name the file as it was given, when it is
    // plain enough to paste into a shell.
    let shown = path.display().to_string();
    if !shown.is_empty()
        && shown
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        text = text.replace("this-file.yaml", &shown);
    }
    if quotes {
        text.push('\n');
        text.push_str(STARTER_QUOTES);
    }
    text
}

/// The starter profile loaded (a U.S. organisation, dated 2026-01-01):
/// the organisation the reference pages show defaults for, and the base of
/// the unit tests. `None` only if the built-in file is broken.
pub(crate) fn starter_profile() -> Option<Profile> {
    let options = LoadOptions::on(Date::new(2026, 1, 1)?);
    load_bytes("starter.yaml", "starter", STARTER.as_bytes(), &options)
        .ok()
        .map(|l| l.profile)
}

/// What loading needs from outside the file.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// `report.date` when the profile gives none (from `SOURCE_DATE_EPOCH`
    /// or today, decided once per run by the caller).
    pub default_date: Date,
    /// Values from `--set`, applied to every profile as if it said so.
    pub overrides: Vec<Override>,
}

impl LoadOptions {
    /// Options with `default_date` and no overrides.
    pub fn on(default_date: Date) -> LoadOptions {
        LoadOptions {
            default_date,
            overrides: Vec::new(),
        }
    }
}

/// One `--set PATH=VALUE`, checked: the path is one a scenario may change
/// and the value parsed as YAML.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub path: String,
    pub value: yaml::Node,
}

impl Override {
    /// Read `PATH=VALUE`. The path must be settable ([`format::settable`])
    /// and the value valid for it, which is checked by applying it to the
    /// starter profile; every problem comes back as diagnostics on the
    /// argument itself.
    pub fn parse(arg: &str) -> Result<Override, Vec<Diagnostic>> {
        let src = SourceText::new("--set", arg);
        let Some((path, text)) = arg.split_once('=') else {
            return Err(vec![src
                .error(
                    None,
                    1,
                    1,
                    arg.chars().count().max(1),
                    "expected PATH=VALUE",
                )
                .with_help("for example `--set budget.annual_opex=2000000`")]);
        };
        let path = path.trim();
        if let Err(help) = format::settable(path) {
            return Err(vec![src
                .error(
                    None,
                    1,
                    1,
                    path.chars().count().max(1),
                    format!("cannot set `{}`", yaml::clip(path, 60)),
                )
                .with_help(help)]);
        }
        let offset = path.chars().count() + 1;
        let shift = |pos: yaml::Pos| yaml::Pos {
            line: 1,
            column: pos.column + offset,
        };
        let mut value = yaml::parse(text).map_err(|e| {
            let at = shift(e.pos);
            let mut d = src.error(Some(path), 1, at.column, 1, e.message);
            d.help = e.help;
            vec![d]
        })?;
        if value.value == yaml::Value::Null {
            return Err(vec![src
                .error(Some(path), 1, offset, 1, format!("`{path}` needs a value"))
                .with_help("for example `--set budget.annual_opex=2000000`")]);
        }
        shift_positions(&mut value, &shift);
        // The value, checked in a profile known to be valid: any error is
        // the value's own.
        let mut probe = match yaml::parse(STARTER) {
            Ok(root) => root,
            Err(_) => {
                return Ok(Override {
                    path: path.into(),
                    value,
                })
            }
        };
        scenario::apply(&mut probe, path, yaml::Pos { line: 1, column: 1 }, &value);
        let (_, diags) = check::check(&probe, &src);
        let errors: Vec<Diagnostic> = diags
            .into_iter()
            .filter(|d| d.is_error() && d.line == 1)
            .collect();
        if errors.is_empty() {
            Ok(Override {
                path: path.into(),
                value,
            })
        } else {
            Err(errors)
        }
    }
}

fn shift_positions(node: &mut yaml::Node, shift: &dyn Fn(yaml::Pos) -> yaml::Pos) {
    node.pos = shift(node.pos);
    match &mut node.value {
        yaml::Value::Seq(items) => items.iter_mut().for_each(|n| shift_positions(n, shift)),
        yaml::Value::Map(entries) => {
            for e in entries {
                e.key_pos = shift(e.key_pos);
                shift_positions(&mut e.value, shift);
            }
        }
        yaml::Value::Null | yaml::Value::Scalar(_) => {}
    }
}

/// A profile that passed validation, with its warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub profile: Profile,
    pub warnings: Vec<Diagnostic>,
}

/// Read and load one profile file. `display` is the path as shown to users.
pub fn load_path(
    path: &Path,
    display: &str,
    options: &LoadOptions,
) -> Result<Loaded, Vec<Diagnostic>> {
    let bytes = crate::fsio::read_limited(path, MAX_PROFILE_BYTES).map_err(|e| {
        vec![match e {
            crate::fsio::ReadError::TooLarge { limit, .. } => Diagnostic::file_error(
                display,
                format!(
                    "the file is larger than the {} limit for profiles",
                    crate::fsio::ReadError::limit_words(limit)
                ),
            )
            .with_help(
                "a profile describes one organisation in a few kilobytes; is this the right file?",
            ),
            crate::fsio::ReadError::Io(err) => Diagnostic::file_error(display, err.to_string()),
        }]
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = path.parent().unwrap_or(Path::new("."));
    load_bytes_in(display, &stem, &bytes, folder, options)
}

/// Load a profile from its bytes. `file_stem` provides the default `id`;
/// the paths it gives (its logos) are relative to the current folder.
pub fn load_bytes(
    display: &str,
    file_stem: &str,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Loaded, Vec<Diagnostic>> {
    load_bytes_in(display, file_stem, bytes, Path::new("."), options)
}

/// Load a profile from its bytes, the paths it gives being relative to
/// `folder` (the folder of the file the bytes came from). At most
/// [`crate::diag::MAX_PER_FILE`] diagnostics are listed, then how many
/// more there are.
pub(crate) fn load_bytes_in(
    display: &str,
    file_stem: &str,
    bytes: &[u8],
    folder: &Path,
    options: &LoadOptions,
) -> Result<Loaded, Vec<Diagnostic>> {
    match load_all(display, file_stem, bytes, folder, options) {
        Ok(loaded) => Ok(Loaded {
            warnings: crate::diag::capped(loaded.warnings, display),
            ..loaded
        }),
        Err(diags) => Err(crate::diag::capped(diags, display)),
    }
}

fn load_all(
    display: &str,
    file_stem: &str,
    bytes: &[u8],
    folder: &Path,
    options: &LoadOptions,
) -> Result<Loaded, Vec<Diagnostic>> {
    if bytes.len() as u64 > MAX_PROFILE_BYTES {
        return Err(vec![Diagnostic::file_error(
            display,
            format!(
                "the file is {} bytes; profiles are limited to {MAX_PROFILE_BYTES} bytes (1 MiB)",
                bytes.len()
            ),
        )]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let (line, column) = position_after(valid);
            let bad = bytes.get(err.valid_up_to()).copied().unwrap_or(0);
            let mut d = Diagnostic::file_error(
                display,
                format!("the file is not valid UTF-8 (byte 0x{bad:02X})"),
            )
            .with_help("save the profile as UTF-8 text");
            (d.line, d.column) = (line, column);
            return Err(vec![d]);
        }
    };
    let src = SourceText::new(display, text);
    // Line and paragraph separators end a line for libyaml but not for
    // yaml-rust2 (nor for the line numbers of diagnostics), and U+FFFE and
    // U+FFFF are not text: refused here, where the position is exact,
    // rather than as a parser's confused account of them.
    if let Some((offset, c)) = text.char_indices().find(|(_, c)| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}')
    }) {
        let mut d = if c.is_control() {
            Diagnostic::file_error(
                display,
                format!("the file contains binary data (U+{:04X})", c as u32),
            )
            .with_help("a profile is a YAML text file")
        } else {
            Diagnostic::file_error(
                display,
                format!(
                    "the file contains {} (U+{:04X})",
                    format::refused_kind(c),
                    c as u32
                ),
            )
            .with_help("remove it: YAML readers disagree on what it means, and no profile text may hold it")
        };
        (d.line, d.column) = position_after(&bytes[..offset]);
        d.source_line = src.line(d.line).map(str::to_string);
        return Err(vec![d]);
    }
    let mut root = yaml::parse(text).map_err(|e| {
        let width = src
            .line(e.pos.line)
            .map_or(1, |l| words::token_width(l, e.pos.column));
        let mut d = src.error(None, e.pos.line, e.pos.column, width, e.message);
        d.help = e.help;
        vec![d]
    })?;
    for o in &options.overrides {
        // Not a place in this file: diagnostics about it name no line.
        let mut value = o.value.clone();
        scenario::relocate(&mut value, yaml::Pos::default());
        scenario::apply(&mut root, &o.path, yaml::Pos::default(), &value);
    }
    let (mut profile, diags) = check_and_build(&root, &src, file_stem, folder, options)?;
    profile.overrides = options
        .overrides
        .iter()
        .map(|o| Setting {
            path: o.path.clone(),
            value: scenario::flow(&o.value),
        })
        .collect();
    profile.scenarios = scenarios(&root, &src, file_stem, folder, options)?;
    Ok(Loaded {
        profile,
        warnings: diags,
    })
}

/// Each scenario of a checked profile, loaded as the profile with its
/// values set. Errors name the scenario and point at its lines.
fn scenarios(
    root: &yaml::Node,
    src: &SourceText<'_>,
    file_stem: &str,
    folder: &Path,
    options: &LoadOptions,
) -> Result<Vec<Scenario>, Vec<Diagnostic>> {
    let written = scenario::written(root);
    if written.is_empty() {
        return Ok(Vec::new());
    }
    let mut base = root.clone();
    scenario::remove(&mut base, "scenarios");
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for (i, (name, name_pos, set)) in written.iter().enumerate() {
        if !names.insert(name.clone()) {
            let width = src
                .line(name_pos.line)
                .map_or(1, |l| words::token_width(l, name_pos.column));
            errors.push(
                src.error(
                    Some(&format!("scenarios[{i}].name")),
                    name_pos.line,
                    name_pos.column,
                    width,
                    format!("two scenarios are named `{}`", yaml::clip(name, 40)),
                )
                .with_help("give each scenario its own name; the report tells them apart by it"),
            );
            continue;
        }
        let mut tree = base.clone();
        for entry in set {
            scenario::apply(&mut tree, &entry.key, entry.key_pos, &entry.value);
        }
        match check_and_build(&tree, src, file_stem, folder, options) {
            Ok((profile, _)) => out.push(Scenario {
                name: name.clone(),
                set: set
                    .iter()
                    .map(|e| Setting {
                        path: e.key.clone(),
                        value: scenario::flow(&e.value),
                    })
                    .collect(),
                profile: Box::new(profile),
            }),
            Err(diags) => {
                errors.extend(diags.into_iter().filter(Diagnostic::is_error).map(|mut d| {
                    d.key_path = Some(match d.key_path.take() {
                        Some(path) => format!("scenarios[{i}] ({}): {path}", yaml::clip(name, 40)),
                        None => format!("scenarios[{i}] ({})", yaml::clip(name, 40)),
                    });
                    d
                }))
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        sort(&mut errors);
        Err(errors)
    }
}

/// Check a parsed profile and build it: the profile and its warnings, or
/// every diagnostic.
fn check_and_build(
    root: &yaml::Node,
    src: &SourceText<'_>,
    file_stem: &str,
    folder: &Path,
    options: &LoadOptions,
) -> Result<(Profile, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (record, mut diags) = check::check(root, src);
    let Some(record) = record else {
        return Err(diags);
    };
    if diags.iter().any(Diagnostic::is_error) {
        sort(&mut diags);
        return Err(diags);
    }
    let cx = build::BuildContext {
        src,
        file_stem,
        default_date: options.default_date,
        folder,
    };
    let (profile, more) = build::build_profile(&record, &cx);
    diags.extend(more);
    sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok((profile, diags))
}

fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by_key(|d| (d.line, d.column));
}

/// 1-based line and column of the position just after `prefix`.
fn position_after(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = prefix
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}
