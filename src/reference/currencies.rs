//! Currency codes and the dated exchange-rate table used to convert defaults.
//!
//! The ISO 4217 list is generated from Debian's `iso-codes` package
//! (`/usr/share/iso-codes/json/iso_4217.json`).

/// Every ISO 4217 alphabetic code, sorted.
pub const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP",
    "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP",
    "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF", "IDR",
    "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW",
    "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA",
    "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD",
    "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
    "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE",
    "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP",
    "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED",
    "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XDR",
    "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWL",
];

pub fn is_currency(code: &str) -> bool {
    ISO_4217.binary_search(&code).is_ok()
}

/// The date the built-in rates describe.
pub const RATES_AS_OF: &str = "2025 (annual average, rounded)";

/// Where the built-in rates come from, as shown beside every converted default.
pub const RATES_SOURCE: &str =
    "ECB euro reference rates, 2025 averages cross-rated to USD and rounded; \
approximate, override with `fx_usd_rate`";

/// Units of each currency that one US dollar buys. Rounded on purpose: the
/// cost model's own uncertainty is far larger than day-to-day moves, and a
/// user who needs a precise rate sets `assumptions.fx_usd_rate`.
pub const USD_RATES: &[(&str, f64)] = &[
    ("AED", 3.6725),
    ("AUD", 1.55),
    ("BRL", 5.6),
    ("CAD", 1.39),
    ("CHF", 0.833),
    ("CNY", 7.2),
    ("CZK", 22.0),
    ("DKK", 6.6),
    ("EUR", 0.885),
    ("GBP", 0.758),
    ("HKD", 7.8),
    ("HUF", 360.0),
    ("ILS", 3.55),
    ("INR", 87.0),
    ("JPY", 149.0),
    ("KRW", 1400.0),
    ("MXN", 19.0),
    ("NOK", 10.4),
    ("NZD", 1.72),
    ("PLN", 3.77),
    ("QAR", 3.64),
    ("RON", 4.45),
    ("RSD", 103.7),
    ("SAR", 3.75),
    ("SEK", 9.9),
    ("SGD", 1.31),
    ("USD", 1.0),
    ("ZAR", 18.2),
];

/// Units of `currency` per US dollar, if the built-in table has it.
pub fn usd_rate(currency: &str) -> Option<f64> {
    USD_RATES
        .binary_search_by(|(code, _)| code.cmp(&currency))
        .ok()
        .map(|i| USD_RATES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_rates_are_iso_codes() {
        assert!(ISO_4217.windows(2).all(|w| w[0] < w[1]));
        assert!(USD_RATES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(USD_RATES.iter().all(|(c, r)| is_currency(c) && *r > 0.0));
        assert_eq!(usd_rate("GBP"), Some(0.758));
        assert_eq!(usd_rate("XYZ"), None);
    }
}
