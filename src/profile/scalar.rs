//! Scalar values of a profile: reading one YAML scalar as the kind the
//! format expects (YAML 1.2 core schema numbers, text rules, codes, dates)
//! and saying what was expected when it is not.

use super::checked::Checked;
use super::format::Kind;
use super::model::*;
use super::words::{is_slug, slugify, suggest};
use super::yaml::clip;
use crate::reference::{countries, currencies};

pub(super) enum ScalarOutcome {
    Value(Checked),
    Warn(Checked, String, Option<String>),
}

pub(super) type ScalarError = (String, Option<String>);

pub(super) fn expectation(kind: &Kind) -> String {
    match kind {
        Kind::Int { min, max } if min == max => format!("`{min}`"),
        Kind::Int { min, max } => format!("a whole number from {min} to {max}"),
        Kind::Number { min, max } => {
            format!("a number from {} to {}", fmt_num(*min), fmt_num(*max))
        }
        Kind::Bool => "`true` or `false`".into(),
        Kind::Text { .. } => "text".into(),
        Kind::Slug => "an id of lower-case letters, digits and dashes".into(),
        Kind::Country { allow_eu: false } => {
            "an ISO 3166-1 alpha-2 country code such as `GB` or `US`".into()
        }
        Kind::Country { allow_eu: true } => {
            "an ISO 3166-1 alpha-2 country code such as `GB`, or `EU`".into()
        }
        Kind::Currency => "an ISO 4217 currency code such as `USD` or `EUR`".into(),
        Kind::Date => "a date written YYYY-MM-DD".into(),
        Kind::Enum(keys) | Kind::OpenEnum(keys) => format!(
            "one of {}",
            keys.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Kind::List { .. } => "a list".into(),
        Kind::Record(_) => "a mapping".into(),
        Kind::Assumptions => {
            "a mapping of assumption names to numbers or `{low, likely, high}` ranges".into()
        }
        Kind::Overrides => "a mapping of key paths to values".into(),
    }
}

pub(super) fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Check one scalar against its kind, resolving YAML 1.2 core-schema types.
pub(super) fn scalar_value(
    kind: &Kind,
    text: &str,
    quoted: bool,
) -> Result<ScalarOutcome, ScalarError> {
    let found = if quoted {
        format!("the quoted text `\"{}\"`", clip(text, 40))
    } else {
        format!("`{}`", clip(text, 40))
    };
    let fail = |help: Option<String>| -> Result<ScalarOutcome, ScalarError> {
        Err((
            format!("expected {}, found {found}", expectation(kind)),
            help,
        ))
    };
    let ok = |c: Checked| Ok(ScalarOutcome::Value(c));
    match kind {
        Kind::Int { min, max } => {
            if quoted {
                return fail(Some("remove the quotes: numbers are written bare".into()));
            }
            match parse_int(text) {
                Some(n) if (*min..=*max).contains(&n) => ok(Checked::Int(n)),
                Some(_) if min == max => Err((
                    format!(
                        "unsupported format version {found}; this socsource reads version {min}"
                    ),
                    None,
                )),
                _ => fail(number_help(text, true)),
            }
        }
        Kind::Number { min, max } => {
            if quoted {
                return fail(Some("remove the quotes: numbers are written bare".into()));
            }
            match parse_float(text) {
                Some(n) if !n.is_finite() => {
                    Err((format!("expected a finite number, found {found}"), None))
                }
                Some(n) if n >= *min && n <= *max => ok(Checked::Number(n)),
                _ => fail(number_help(text, false)),
            }
        }
        Kind::Bool => match text {
            "true" | "True" | "TRUE" if !quoted => ok(Checked::Bool(true)),
            "false" | "False" | "FALSE" if !quoted => ok(Checked::Bool(false)),
            "yes" | "no" | "on" | "off" | "y" | "n" | "Yes" | "No" | "On" | "Off" | "YES"
            | "NO" => fail(Some(
                "YAML 1.2 reads only `true` and `false` as yes/no values".into(),
            )),
            _ => fail(None),
        },
        Kind::Text { max_chars } => {
            check_text(text, *max_chars).map(|t| ScalarOutcome::Value(Checked::Text(t)))
        }
        Kind::Slug => {
            if !quoted && matches!(text, "true" | "false") {
                return Err((
                    format!("expected {}, found the boolean {found}", expectation(kind)),
                    Some(format!(
                        "quote it, `\"{text}\"`, if that is the name you mean"
                    )),
                ));
            }
            if is_slug(text) && super::format::id_is_reserved(text) {
                return Err((
                    format!("`{text}` cannot be an id: Windows keeps the name for a device, so no folder can have it"),
                    Some(format!("the id names the output folder; add a word, for example `{text}-org`")),
                ));
            }
            if is_slug(text) {
                ok(Checked::Text(text.to_string()))
            } else {
                let suggestion = slugify(text);
                fail(Some(if suggestion.is_empty() {
                    "the id names the output folder, so it can never be a path".into()
                } else {
                    format!("the id names the output folder, so it can never be a path; try `{suggestion}`")
                }))
            }
        }
        Kind::Country { allow_eu } => {
            if (*allow_eu && text == "EU") || countries::is_country(text) {
                return ok(Checked::Text(text.to_string()));
            }
            let upper = text.to_ascii_uppercase();
            let help = if upper == "UK" {
                Some("the ISO code for the United Kingdom is `GB`".to_string())
            } else if upper != text
                && (countries::is_country(&upper) || (*allow_eu && upper == "EU"))
            {
                Some(format!("country codes are upper case: `{upper}`"))
            } else {
                None
            };
            fail(help)
        }
        Kind::Currency => {
            if currencies::is_currency(text) {
                return ok(Checked::Text(text.to_string()));
            }
            let upper = text.to_ascii_uppercase();
            let help = match text {
                "$" => Some("the code for US dollars is `USD`".to_string()),
                "£" => Some("the code for pounds sterling is `GBP`".to_string()),
                "€" => Some("the code for euros is `EUR`".to_string()),
                _ if currencies::is_currency(&upper) => {
                    Some(format!("currency codes are upper case: `{upper}`"))
                }
                _ => None,
            };
            fail(help)
        }
        Kind::Date => match Date::parse(text) {
            Some(d) => ok(Checked::Text(d.to_string())),
            None => fail(None),
        },
        Kind::Enum(keys) => {
            if keys.contains(&text) {
                ok(Checked::Text(text.to_string()))
            } else {
                fail(suggest(text, keys).map(|s| format!("did you mean `{s}`?")))
            }
        }
        Kind::OpenEnum(keys) => {
            let t = check_text(text, 60)?;
            if keys.contains(&t.as_str()) {
                ok(Checked::Text(t))
            } else {
                let help = suggest(&t, keys).map(|s| format!("did you mean `{s}`?"));
                Ok(ScalarOutcome::Warn(
                    Checked::Text(t.clone()),
                    format!("`{}` is not a framework socsource knows; it is kept and shown, but no rules are derived from it", clip(&t, 40)),
                    help,
                ))
            }
        }
        Kind::List { .. } | Kind::Record(_) | Kind::Assumptions | Kind::Overrides => fail(None),
    }
}

/// Hints for the usual ways people write numbers that YAML does not read.
pub(super) fn number_help(text: &str, whole: bool) -> Option<String> {
    let t = text.trim();
    if t.contains(',') || t.contains(' ') || t.chars().any(|c| "$£€¥₹".contains(c)) {
        return Some(
            "write amounts as plain numbers without separators or currency symbols, e.g. 3500000"
                .into(),
        );
    }
    if t.ends_with(['k', 'K', 'm', 'M', 'b', 'B']) && parse_float(&t[..t.len() - 1]).is_some() {
        return Some("write the full number: 2500000, not 2.5M".into());
    }
    if t.ends_with('%') {
        return Some("write percentages as plain numbers: 5, not 5%".into());
    }
    if whole && t.contains(['.', 'e', 'E']) && parse_float(t).is_some() {
        return Some("this key counts things, so it takes a whole number".into());
    }
    None
}

/// One line of text with no control or bidirectional-override characters.
pub(super) fn check_text(text: &str, max_chars: usize) -> Result<String, ScalarError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(("expected text, found an empty string".into(), None));
    }
    if trimmed.contains('\n') {
        return Err(("the text must be a single line".into(), None));
    }
    if let Some(c) = trimmed.chars().find(|c| super::format::refused_in_text(*c)) {
        return Err((
            format!(
                "the text contains {} (U+{:04X})",
                super::format::refused_kind(c),
                c as u32
            ),
            Some(match c {
                '\u{2028}' | '\u{2029}' => "a text is one line; remove it".into(),
                _ => "remove it; reports show profile text exactly as written".into(),
            }),
        ));
    }
    let chars = trimmed.chars().count();
    if chars > max_chars {
        return Err((
            format!("the text is {chars} characters long; at most {max_chars} are allowed"),
            None,
        ));
    }
    Ok(trimmed.to_string())
}

/// YAML 1.2 core-schema integer (decimal only; no sign beyond one `+`/`-`).
pub(super) fn parse_int(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// YAML 1.2 core-schema float, including `.inf` and `.nan` (refused later).
pub(super) fn parse_float(text: &str) -> Option<f64> {
    match text {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let int_part = parts.next().unwrap_or("");
    let frac_part = parts.next();
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let valid_mantissa = digits_ok(int_part)
        && frac_part.is_none_or(digits_ok)
        && (!int_part.is_empty() || frac_part.is_some_and(|f| !f.is_empty()));
    let valid_exponent = exponent.is_none_or(|e| {
        let d = e.strip_prefix(['-', '+']).unwrap_or(e);
        !d.is_empty() && digits_ok(d)
    });
    if !(valid_mantissa && valid_exponent) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `evaluate_profile` fuzz target: an Arabic letter mark
    /// (U+061C) in an asset name. The validator refused it, correctly, but
    /// the fuzzer's generator kept it, so the two disagreed on which text is
    /// valid; both now use `format::refused_in_text`.
    #[test]
    fn every_reordering_character_is_refused_in_text() {
        for c in [
            '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}',
            '\u{7}', '\u{85}',
        ] {
            let text = format!("# Seed cas[e 2: a growing e{c}x");
            let err = check_text(&text, 200).unwrap_err();
            assert!(
                err.0.contains(&format!("U+{:04X}", c as u32)),
                "{c:?}: {}",
                err.0
            );
        }
        // Visible scripts and symbols are not touched.
        assert!(check_text("Δήμος Θεσσαλονίκης · دبي · 東京 · ₹", 200).is_ok());
    }

    #[test]
    fn core_schema_numbers() {
        assert_eq!(parse_int("42"), Some(42));
        assert_eq!(parse_int("-7"), Some(-7));
        assert_eq!(parse_int("4_2"), None);
        assert_eq!(parse_int("99999999999999999999999"), None);
        assert_eq!(parse_float("1e6"), Some(1e6));
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("3,500,000"), None);
        assert_eq!(parse_float("1e"), None);
        assert!(parse_float(".nan").unwrap().is_nan());
        assert_eq!(parse_float("inf"), None);
    }

    #[test]
    fn every_range_and_enum_rule_reports_expected_and_found() {
        let cases: Vec<(Kind, &str, bool, &str)> = vec![
            (
                Kind::Int { min: 0, max: 10 },
                "11",
                false,
                "expected a whole number from 0 to 10, found `11`",
            ),
            (
                Kind::Int { min: 0, max: 10 },
                "-1",
                false,
                "expected a whole number from 0 to 10, found `-1`",
            ),
            (
                Kind::Int { min: 0, max: 10 },
                "5",
                true,
                "expected a whole number from 0 to 10, found the quoted text `\"5\"`",
            ),
            (
                Kind::Int { min: 1, max: 1 },
                "2",
                false,
                "unsupported format version `2`; this socsource reads version 1",
            ),
            (
                Kind::Number {
                    min: 0.0,
                    max: 100.0,
                },
                "100.5",
                false,
                "expected a number from 0 to 100, found `100.5`",
            ),
            (
                Kind::Number {
                    min: 0.0,
                    max: 100.0,
                },
                ".inf",
                false,
                "expected a finite number, found `.inf`",
            ),
            (
                Kind::Bool,
                "yes",
                false,
                "expected `true` or `false`, found `yes`",
            ),
            (
                Kind::Enum(&["low", "high"]),
                "hgih",
                false,
                "expected one of `low`, `high`, found `hgih`",
            ),
            (
                Kind::Country { allow_eu: false },
                "UK",
                false,
                "expected an ISO 3166-1 alpha-2 country code such as `GB` or `US`, found `UK`",
            ),
            (
                Kind::Currency,
                "usd",
                false,
                "expected an ISO 4217 currency code such as `USD` or `EUR`, found `usd`",
            ),
            (
                Kind::Date,
                "2026-02-30",
                false,
                "expected a date written YYYY-MM-DD, found `2026-02-30`",
            ),
            (
                Kind::Slug,
                "../x",
                false,
                "expected an id of lower-case letters, digits and dashes, found `../x`",
            ),
        ];
        for (kind, text, quoted, message) in cases {
            match scalar_value(&kind, text, quoted) {
                Err((m, _)) => assert_eq!(m, message),
                Ok(_) => panic!("{text} should fail for {kind:?}"),
            }
        }
        assert!(matches!(
            scalar_value(&Kind::Int { min: 0, max: 10 }, "10", false),
            Ok(ScalarOutcome::Value(Checked::Int(10)))
        ));
        assert!(matches!(
            scalar_value(&Kind::Country { allow_eu: true }, "EU", false),
            Ok(ScalarOutcome::Value(_))
        ));
    }

    #[test]
    fn text_rules() {
        assert!(check_text("Acme \u{202E}kcab", 200).is_err());
        assert!(check_text("Acme\u{7}", 200).is_err());
        assert!(check_text(&"x".repeat(201), 200).is_err());
        assert_eq!(check_text("  Ärzte Ωmega  ", 200).unwrap(), "Ärzte Ωmega");
    }
}
