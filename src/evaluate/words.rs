//! Plain-text wording shared by the evaluation's rationales: money, counts,
//! lists. Output-neutral (no markup); each renderer escapes for its format.

/// `1234567.8` -> `1,234,568`.
pub fn thousands(x: f64) -> String {
    let rounded = x.round();
    let negative = rounded < 0.0;
    let digits = format!("{}", rounded.abs() as u128);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if negative {
        format!("-{out}")
    } else {
        out
    }
}

/// A decimal for tables: whole numbers with separators, others with up to
/// four significant decimals (`0.755`, `0.02`, `26.425`, `1,970,952`).
pub fn decimal(x: f64) -> String {
    if x.fract() == 0.0 || x.abs() >= 1000.0 {
        return thousands(x);
    }
    let digits = if x.abs() >= 100.0 {
        1
    } else if x.abs() >= 1.0 {
        3
    } else {
        4
    };
    let s = format!("{x:.digits$}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `GBP 1,234,568`.
pub fn money(currency: &str, x: f64) -> String {
    format!("{currency} {}", thousands(x))
}

/// A score with its sign: `+1.5`, `-0.3`, `0.0`.
pub fn signed(x: f64) -> String {
    if x.abs() < 0.05 {
        "0.0".into()
    } else {
        format!("{x:+.1}")
    }
}

/// A score with its sign and two decimals: `+0.98`.
pub fn signed_2(x: f64) -> String {
    if x.abs() < 0.005 {
        "0.00".into()
    } else {
        format!("{x:+.2}")
    }
}

/// Percent with no decimals: `0.914` -> `91%`.
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// Percent with one decimal where it matters: `0.125` -> `12.5%`, `0.25` -> `25%`.
pub fn percent_1(share: f64) -> String {
    let x = (share * 1000.0).round() / 10.0;
    if x.fract() == 0.0 {
        format!("{x:.0}%")
    } else {
        format!("{x:.1}%")
    }
}

/// Money for prose: `GBP 9.9 million` above a million, exact below.
pub fn money_short(currency: &str, x: f64) -> String {
    let a = x.abs();
    if a >= 1e9 {
        format!("{currency} {:.2} billion", x / 1e9)
    } else if a >= 1e6 {
        format!("{currency} {:.1} million", x / 1e6)
    } else {
        money(currency, x)
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A count with its noun: `1 analyst`, `3 analysts`.
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as f64),
        if n == 1 { one } else { many }
    )
}

/// Hours in words: `4 hours`, `72 hours`, `60 days`.
pub fn hours(h: f64) -> String {
    if h >= 48.0 && (h / 24.0).fract() == 0.0 {
        format!("{} days", h / 24.0)
    } else if (h - h.round()).abs() < 1e-9 {
        format!("{} hours", h as i64).replace("1 hours", "1 hour")
    } else {
        format!("{h:.1} hours")
    }
}

/// A number without a trailing `.0`.
/// Three significant figures: for estimates such as switching values.
pub fn significant(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let magnitude = 10f64.powf(x.abs().log10().floor() - 2.0);
    (x / magnitude).round() * magnitude
}

pub fn trim_float(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{:.1}", x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(thousands(1_234_567.8), "1,234,568");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(-1000.0), "-1,000");
        assert_eq!(money("EUR", 380_000.0), "EUR 380,000");
        assert_eq!(decimal(0.755), "0.755");
        assert_eq!(decimal(0.02), "0.02");
        assert_eq!(decimal(26.425), "26.425");
        assert_eq!(decimal(5.3), "5.3");
        assert_eq!(decimal(1_970_952.0), "1,970,952");
        assert_eq!(signed(1.5), "+1.5");
        assert_eq!(signed(-0.04), "0.0");
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(hours(1440.0), "60 days");
        assert_eq!(hours(1.0), "1 hour");
        assert_eq!(hours(4.0), "4 hours");
    }
}
