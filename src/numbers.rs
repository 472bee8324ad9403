//! How the product writes numbers, whoever writes them (the evaluation's
//! rationales, the templates, the charts, the profile's diagnostics, the
//! generated documentation): amounts, money, percentages, multipliers,
//! ranges and counts, and the lists that join them. Output-neutral (no
//! markup); each renderer escapes for its format.
//!
//! Typography follows what a typesetter would do by hand: a true minus sign
//! (U+2212) for negative numbers, an en dash (U+2013) between the ends of a
//! range and a multiplication sign (U+00D7) for multipliers, because a
//! hyphen-minus reads as a hyphen and breaks lines where a minus may not.
//! Figures the model estimates carry three significant figures, the
//! precision its ranges support; figures a user typed stay exact.

/// The minus sign.
pub(crate) const MINUS: char = '\u{2212}';
/// The en dash, between the ends of a range.
pub(crate) const EN_DASH: char = '\u{2013}';
/// The multiplication sign, after a multiplier.
pub(crate) const TIMES: char = '\u{00D7}';

/// `format!` output with its leading hyphen-minus as a minus sign. A zero
/// that rounded from a small negative number (`-0.0`, `-0`) loses its sign.
fn minus_sign(text: String) -> String {
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => {
            format!("{MINUS}{rest}")
        }
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// Digits with a comma every three: `1234567` -> `1,234,567`.
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1234567.8` -> `1,234,568`; `-1000` -> `−1,000`.
pub(crate) fn thousands(x: f64) -> String {
    let rounded = x.round();
    let digits = group(&format!("{}", rounded.abs() as u128));
    if rounded < 0.0 {
        format!("{MINUS}{digits}")
    } else {
        digits
    }
}

/// A decimal for tables: whole numbers with separators, others with up to
/// four significant decimals (`0.755`, `0.02`, `26.425`, `1,970,952`).
pub(crate) fn decimal(x: f64) -> String {
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
    minus_sign(s.trim_end_matches('0').trim_end_matches('.').to_string())
}

/// Three significant figures: for estimates such as switching values.
pub(crate) fn significant(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let magnitude = 10f64.powf(x.abs().log10().floor() - 2.0);
    (x / magnitude).round() * magnitude
}

/// An estimate at three significant figures, with separators and at most
/// `max_decimals` decimals: `12,276,558` -> `12,300,000`, `0.84077` ->
/// `0.841`. Trailing zeros are kept when `keep_zeros` (a table, where
/// `1.80` shows the figure is known to the hundredth) and dropped in prose
/// (`2.5 million`).
fn figures(x: f64, max_decimals: usize, keep_zeros: bool) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let rounded = significant(x);
    if rounded == 0.0 {
        return "0".into();
    }
    let magnitude = rounded.abs().log10().floor() as i64;
    let decimals = (2 - magnitude).clamp(0, max_decimals as i64) as usize;
    let text = format!("{:.*}", decimals, rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = if keep_zeros {
        fraction
    } else {
        fraction.trim_end_matches('0')
    };
    let mut out = group(whole);
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    if out.chars().all(|c| c == '0' || c == '.' || c == ',') {
        return "0".into();
    }
    if rounded < 0.0 {
        out.insert(0, MINUS);
    }
    out
}

/// A modelled figure in prose: three significant figures
/// (`12,276,558` -> `12,300,000`, `0.003032` -> `0.00303`).
pub(crate) fn estimate(x: f64) -> String {
    figures(x, 6, false)
}

/// `GBP 1,234,568`: exact, for amounts the user typed (a budget, a quoted
/// fee), which the reader will look for as written.
pub(crate) fn money(currency: &str, x: f64) -> String {
    with_currency(currency, thousands(x))
}

fn with_currency(currency: &str, amount: String) -> String {
    if currency.is_empty() {
        amount
    } else {
        format!("{currency} {amount}")
    }
}

/// Money the model estimated, for prose: three significant figures, in
/// millions or billions from a million (`GBP 12.3 million`, `GBP 841,000`,
/// `GBP 4.8`).
pub(crate) fn money_short(currency: &str, x: f64) -> String {
    let rounded = significant(x);
    let a = rounded.abs();
    let amount = if a >= 1e9 {
        format!("{} billion", figures(rounded / 1e9, 2, false))
    } else if a >= 1e6 {
        format!("{} million", figures(rounded / 1e6, 2, false))
    } else {
        estimate(rounded)
    };
    with_currency(currency, amount)
}

/// A multiplier, always with two decimals: `1.00×`, `2.92×`.
pub(crate) fn times(x: f64) -> String {
    format!("{}{TIMES}", minus_sign(format!("{x:.2}")))
}

/// A range from two formatted ends: `11,400–114,000`; spaced when an end
/// has a space of its own (`GBP 9.1 million – GBP 14 million`), and `to`
/// when an end is negative, where a dash would read as a second minus
/// (`−1 to 2`).
pub(crate) fn range(low: &str, high: &str) -> String {
    if low.starts_with(MINUS) || high.starts_with(MINUS) {
        format!("{low} to {high}")
    } else if low.contains(' ') || high.contains(' ') {
        format!("{low} {EN_DASH} {high}")
    } else {
        format!("{low}{EN_DASH}{high}")
    }
}

/// The scale of a column of money: every cell divided by one power of a
/// thousand, named once in the column's header (`GBP m`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MoneyScale {
    Units,
    Thousands,
    Millions,
    Billions,
}

impl MoneyScale {
    const ALL: [MoneyScale; 4] = [
        MoneyScale::Billions,
        MoneyScale::Millions,
        MoneyScale::Thousands,
        MoneyScale::Units,
    ];

    fn divisor(self) -> f64 {
        match self {
            MoneyScale::Units => 1.0,
            MoneyScale::Thousands => 1e3,
            MoneyScale::Millions => 1e6,
            MoneyScale::Billions => 1e9,
        }
    }

    /// The suffix after the currency: ``, `k`, `m`, `bn`.
    pub(crate) fn suffix(self) -> &'static str {
        match self {
            MoneyScale::Units => "",
            MoneyScale::Thousands => "k",
            MoneyScale::Millions => "m",
            MoneyScale::Billions => "bn",
        }
    }

    /// The scale a suffix names; anything else is units.
    pub(crate) fn from_suffix(suffix: &str) -> MoneyScale {
        MoneyScale::ALL
            .into_iter()
            .find(|s| s.suffix() == suffix)
            .unwrap_or(MoneyScale::Units)
    }

    /// The unit for the header: `GBP m`, or `GBP` in units. A no-break
    /// space holds the two together when a narrow header wraps.
    pub(crate) fn unit(self, currency: &str) -> String {
        match (currency.is_empty(), self.suffix()) {
            (_, "") => currency.to_string(),
            (true, suffix) => suffix.to_string(),
            (false, suffix) => format!("{currency}\u{a0}{suffix}"),
        }
    }

    /// The largest scale that shows the column's largest amount as at
    /// least 1 and its smallest non-zero amount as at least 0.1, so every
    /// cell keeps two significant figures at two decimals: totals of
    /// millions in `m`, an item list running from thousands to millions
    /// in `k`.
    pub(crate) fn for_amounts(amounts: impl IntoIterator<Item = f64>) -> MoneyScale {
        let sizes: Vec<f64> = amounts
            .into_iter()
            .filter(|x| x.is_finite())
            .map(|x| significant(x).abs())
            .filter(|x| *x > 0.0)
            .collect();
        let largest = sizes.iter().copied().fold(0.0, f64::max);
        let smallest = sizes.iter().copied().fold(f64::INFINITY, f64::min);
        MoneyScale::ALL
            .into_iter()
            .find(|s| largest / s.divisor() >= 1.0 && smallest / s.divisor() >= 0.1)
            .unwrap_or(MoneyScale::Units)
    }

    /// One cell: the amount in this scale at three significant figures
    /// and at most two decimals (`12.3`, `0.84`, `840`); an amount too
    /// small to show is `<0.01` rather than a zero it is not.
    pub(crate) fn cell(self, x: f64) -> String {
        let scaled = x / self.divisor();
        let text = figures(scaled, 2, true);
        if text == "0" && x != 0.0 && x.is_finite() && scaled.abs() < 0.005 {
            if x < 0.0 {
                return format!("{MINUS}<0.01");
            }
            return "<0.01".into();
        }
        text
    }

    /// An amount with its currency and scale, for a column whose rows are
    /// in different currencies: `GBP 9.34m`.
    pub(crate) fn amount(self, currency: &str, x: f64) -> String {
        with_currency(currency, format!("{}{}", self.cell(x), self.suffix()))
    }
}

/// A column of money in one scale: its unit for the header and its cells.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct MoneyColumn {
    /// `GBP m`.
    pub unit: String,
    /// `k`, `m`, `bn`, or empty for units.
    pub scale: &'static str,
    pub cells: Vec<String>,
}

/// Format a whole column (or several columns that are compared or added,
/// as one) in the scale that suits all its amounts.
pub(crate) fn money_column(currency: &str, amounts: &[f64]) -> MoneyColumn {
    let scale = MoneyScale::for_amounts(amounts.iter().copied());
    MoneyColumn {
        unit: scale.unit(currency),
        scale: scale.suffix(),
        cells: amounts.iter().map(|x| scale.cell(*x)).collect(),
    }
}

/// A score with its sign: `+1.5`, `−0.3`, `0.0`.
pub(crate) fn signed(x: f64) -> String {
    if x.abs() < 0.05 {
        "0.0".into()
    } else {
        minus_sign(format!("{x:+.1}"))
    }
}

/// A change in percent points with its sign and no decimals: `+10%`,
/// `−30%` (a minus sign, not a hyphen).
pub(crate) fn signed_percent(points: f64) -> String {
    minus_sign(format!("{points:+.0}%"))
}

/// Percent with no decimals: `0.914` -> `91%`.
pub(crate) fn percent(share: f64) -> String {
    minus_sign(format!("{:.0}%", share * 100.0))
}

/// Percent with one decimal where it matters: `0.125` -> `12.5%`, `0.25` -> `25%`.
pub(crate) fn percent_1(share: f64) -> String {
    let x = (share * 1000.0).round() / 10.0;
    minus_sign(if x.fract() == 0.0 {
        format!("{x:.0}%")
    } else {
        format!("{x:.1}%")
    })
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The text with its first letter in upper case.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A count with its noun: `1 analyst`, `3 analysts`.
pub(crate) fn count(n: u64, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as f64),
        if n == 1 { one } else { many }
    )
}

/// Hours in words: `4 hours`, `72 hours`, `60 days`.
pub(crate) fn hours(h: f64) -> String {
    if h >= 48.0 && (h / 24.0).fract() == 0.0 {
        format!("{} days", h / 24.0)
    } else if (h - h.round()).abs() < 1e-9 {
        format!("{} hours", h as i64).replace("1 hours", "1 hour")
    } else {
        minus_sign(format!("{h:.1} hours"))
    }
}

/// A number without a trailing `.0`.
pub(crate) fn trim_float(x: f64) -> String {
    minus_sign(if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{:.1}", x)
    })
}

/// A number with `places` decimals: `fixed(0.5, 2)` -> `0.50`.
pub(crate) fn fixed(x: f64, places: usize) -> String {
    minus_sign(format!("{x:.places$}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(thousands(1_234_567.8), "1,234,568");
        assert_eq!(thousands(999.0), "999");
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

    #[test]
    fn negative_numbers_carry_a_minus_sign_not_a_hyphen() {
        assert_eq!(thousands(-1000.0), "\u{2212}1,000");
        assert_eq!(decimal(-0.25), "\u{2212}0.25");
        assert_eq!(signed(-0.3), "\u{2212}0.3");
        assert_eq!(percent_1(-0.125), "\u{2212}12.5%");
        assert_eq!(signed_percent(-30.2), "\u{2212}30%");
        assert_eq!(signed_percent(10.0), "+10%");
        assert_eq!(trim_float(-1.0), "\u{2212}1");
        assert_eq!(fixed(-0.5, 2), "\u{2212}0.50");
        assert_eq!(money_short("GBP", -90_105.0), "GBP \u{2212}90,100");
        assert_eq!(MoneyScale::Millions.cell(-1_344_002.0), "\u{2212}1.34");
        // A value that rounds to zero is not negative.
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(thousands(-0.2), "0");
        for text in [
            thousands(-5.0),
            decimal(-1.5),
            money("GBP", -20.0),
            money_short("EUR", -2e6),
            times(-1.0),
        ] {
            assert!(!text.contains('-'), "{text}");
        }
    }

    #[test]
    fn ranges_take_an_en_dash() {
        assert_eq!(range("11,400", "114,000"), "11,400\u{2013}114,000");
        assert_eq!(range("11.4k", "114k"), "11.4k\u{2013}114k");
        // Spaced only when an end has spaces of its own.
        assert_eq!(
            range("GBP 9.1 million", "GBP 14 million"),
            "GBP 9.1 million \u{2013} GBP 14 million"
        );
        // A dash beside a minus sign would read as a second minus.
        assert_eq!(range(&decimal(-1.0), &decimal(2.0)), "\u{2212}1 to 2");
    }

    #[test]
    fn modelled_money_has_three_significant_figures() {
        assert_eq!(money_short("GBP", 12_276_558.0), "GBP 12.3 million");
        assert_eq!(money_short("GBP", 840_774.0), "GBP 841,000");
        assert_eq!(money_short("GBP", 2_500_000.0), "GBP 2.5 million");
        assert_eq!(money_short("RSD", 666_312_345.0), "RSD 666 million");
        assert_eq!(money_short("INR", 1_014_000_000.0), "INR 1.01 billion");
        assert_eq!(money_short("GBP", 4.8), "GBP 4.8");
        assert_eq!(money_short("GBP", 0.003032), "GBP 0.00303");
        // Rounding up into the next unit names the next unit.
        assert_eq!(money_short("GBP", 999_600.0), "GBP 1 million");
        assert_eq!(estimate(12_276_558.0), "12,300,000");
        assert_eq!(estimate(0.0), "0");
        // Typed amounts stay as typed.
        assert_eq!(money("GBP", 3_456_789.0), "GBP 3,456,789");
    }

    #[test]
    fn multipliers_have_two_decimals() {
        assert_eq!(times(1.0), "1.00\u{00D7}");
        assert_eq!(times(2.9166), "2.92\u{00D7}");
        assert_eq!(times(1.8), "1.80\u{00D7}");
    }

    #[test]
    fn a_column_has_one_scale() {
        // The mix a board saw: millions beside an exact six-figure amount.
        let column = money_column("GBP", &[12_276_558.0, 840_774.0, 5_476_868.0]);
        assert_eq!(column.unit, "GBP\u{a0}m");
        assert_eq!(column.cells, ["12.3", "0.84", "5.48"]);
        // An item list from thousands to millions keeps its small items
        // legible in thousands.
        let items = money_column("GBP", &[5_012_646.0, 9_660.0, 0.0]);
        assert_eq!(items.unit, "GBP\u{a0}k");
        assert_eq!(items.cells, ["5,010", "9.66", "0"]);
        // A column under a thousand stays in units.
        let small = money_column("EUR", &[450.0, 12.5]);
        assert_eq!(small.unit, "EUR");
        assert_eq!(small.cells, ["450", "12.5"]);
        let billions = money_column("INR", &[1.2e9, 0.4e9]);
        assert_eq!(billions.unit, "INR\u{a0}bn");
        assert_eq!(billions.cells, ["1.20", "0.40"]);
        // Signs and sizes do not change the scale a column is in.
        let headroom = money_column("GBP", &[2_535_041.0, -1_344_002.0]);
        assert_eq!(headroom.cells, ["2.54", "\u{2212}1.34"]);
        assert_eq!(MoneyScale::Millions.cell(3_000.0), "<0.01");
        assert_eq!(MoneyScale::Millions.amount("EUR", 840_774.0), "EUR 0.84m");
        assert_eq!(MoneyScale::from_suffix("m"), MoneyScale::Millions);
        assert_eq!(MoneyScale::from_suffix("nonsense"), MoneyScale::Units);
        assert_eq!(money_column("GBP", &[]).unit, "GBP");
    }
}
