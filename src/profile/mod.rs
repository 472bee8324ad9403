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
pub mod discover;
pub mod format;
pub mod model;
mod scalar;
pub mod schema;
mod words;
pub mod yaml;

pub use model::Profile;

use crate::diag::{Diagnostic, SourceText};
use model::Date;
use std::path::Path;

/// Profiles are a few kilobytes; anything larger is refused unread.
pub const MAX_PROFILE_BYTES: u64 = 1024 * 1024;

/// The commented starter profile `socsource init` writes.
pub const STARTER: &str = include_str!("starter.yaml");

/// What loading needs from outside the file.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// `report.date` when the profile gives none (from `SOURCE_DATE_EPOCH`
    /// or today, decided once per run by the caller).
    pub default_date: Date,
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
            crate::fsio::ReadError::TooLarge { size } => Diagnostic::file_error(
                display,
                format!(
                    "the file is {} bytes; profiles are limited to {} bytes (1 MiB)",
                    size, MAX_PROFILE_BYTES
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
    load_bytes(display, &stem, &bytes, options)
}

/// Load a profile from its bytes. `file_stem` provides the default `id`.
pub fn load_bytes(
    display: &str,
    file_stem: &str,
    bytes: &[u8],
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
    if let Some((offset, c)) = text
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        let mut d = Diagnostic::file_error(
            display,
            format!("the file contains binary data (U+{:04X})", c as u32),
        )
        .with_help("a profile is a YAML text file");
        (d.line, d.column) = position_after(&bytes[..offset]);
        return Err(vec![d]);
    }
    let root = yaml::parse(text).map_err(|e| {
        let width = src
            .line(e.pos.line)
            .map_or(1, |l| words::token_width(l, e.pos.column));
        let mut d = src.error(None, e.pos.line, e.pos.column, width, e.message);
        d.help = e.help;
        vec![d]
    })?;
    let (record, mut diags) = check::check(&root, &src);
    let Some(record) = record else {
        return Err(diags);
    };
    if diags.iter().any(Diagnostic::is_error) {
        sort(&mut diags);
        return Err(diags);
    }
    let cx = build::BuildContext {
        src: &src,
        file_stem,
        default_date: options.default_date,
    };
    let (profile, more) = build::build_profile(&record, &cx);
    diags.extend(more);
    sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(Loaded {
        profile,
        warnings: diags,
    })
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
