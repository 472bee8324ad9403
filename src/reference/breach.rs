//! What a material breach costs and how often one happens: the inputs of
//! the expected-loss model.
//!
//! The cost of a breach is the average IBM reports for the country (its
//! currency and year as published), scaled by how the organisation's
//! industry compares with the global average. Countries IBM does not sample
//! use a nearby market scaled by wage level, or the global average. How
//! often is a yearly probability by organisation size (Cyentia's IRIS).

use crate::vocabulary::Industry;

/// A country's average cost of a data breach, as published.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BreachCost {
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
    pub amount: f64,
    pub currency: &'static str,
    pub year: i32,
    pub sources: &'static [&'static str],
}

const fn c(
    country: &'static str,
    amount: f64,
    currency: &'static str,
    year: i32,
    sources: &'static [&'static str],
) -> BreachCost {
    BreachCost {
        country,
        amount,
        currency,
        year,
        sources,
    }
}

/// Sorted by country code. Regional figures stand for the countries in
/// the region (Benelux, the Middle East).
pub(crate) const BY_COUNTRY: &[BreachCost] = &[
    c("AE", 8_750_000.0, "USD", 2024, &["ibm-2024-countries"]),
    c("AU", 4_260_000.0, "AUD", 2024, &["ibm-2024-au"]),
    c("BE", 5_900_000.0, "USD", 2024, &["ibm-2024-countries"]),
    c("BR", 7_190_000.0, "BRL", 2025, &["ibm-2025-br"]),
    c("CA", 6_980_000.0, "CAD", 2025, &["ibm-2025-ca"]),
    c("DE", 3_870_000.0, "EUR", 2025, &["ibm-2025-de"]),
    c("FR", 4_570_000.0, "USD", 2021, &["ibm-2021-countries"]),
    c("GB", 3_580_000.0, "GBP", 2024, &["ibm-2024-uk"]),
    c("IN", 2_510_000.0, "USD", 2025, &["ibm-codb-2025"]),
    c("IT", 4_730_000.0, "USD", 2024, &["ibm-2024-countries"]),
    c("JP", 550_000_000.0, "JPY", 2025, &["ibm-2025-jp"]),
    c("LU", 5_900_000.0, "USD", 2024, &["ibm-2024-countries"]),
    c("NL", 5_900_000.0, "USD", 2024, &["ibm-2024-countries"]),
    c("QA", 8_750_000.0, "USD", 2024, &["ibm-2024-countries"]),
    c("SA", 8_750_000.0, "USD", 2024, &["ibm-2024-countries"]),
    c("US", 10_220_000.0, "USD", 2025, &["ibm-codb-2025-us"]),
    c("ZA", 44_100_000.0, "ZAR", 2025, &["ibm-2025-za"]),
];

/// The global average, USD 4.44 million (2025).
pub(crate) const GLOBAL: BreachCost = c("", 4_440_000.0, "USD", 2025, &["ibm-codb-2025"]);

pub(crate) fn by_country(country: &str) -> Option<&'static BreachCost> {
    BY_COUNTRY
        .binary_search_by(|b| b.country.cmp(country))
        .ok()
        .map(|i| &BY_COUNTRY[i])
}

/// An industry's average breach cost relative to the global average
/// (IBM 2024: global USD 4.88 million; healthcare 9.77, financial 6.08,
/// industrial 5.56, technology 5.45, energy about 5.3, retail 3.45, public
/// sector 2.55).
pub(crate) fn industry_factor(industry: Industry) -> f64 {
    use Industry::*;
    match industry {
        Healthcare => 2.0,
        Finance | Insurance => 1.25,
        Manufacturing => 1.14,
        Technology | Telecom => 1.12,
        Energy | Utilities => 1.09,
        Retail | Ecommerce => 0.71,
        Government => 0.52,
        _ => 1.0,
    }
}

pub(crate) const INDUSTRY_SOURCES: &[&str] = &["ibm-2024-industries", "ibm-2024-regions"];

/// Yearly probability of a material cyber event by organisation size:
/// under 2% for small businesses, 9.3% for the average organisation in
/// 2024, one in four for the largest (IRIS).
pub(crate) fn yearly_probability_pct(employees: u64) -> f64 {
    match employees {
        0..=249 => 2.0,
        250..=999 => 5.0,
        1_000..=4_999 => 9.3,
        5_000..=49_999 => 15.0,
        _ => 25.0,
    }
}

pub(crate) const PROBABILITY_SOURCES: &[&str] = &["iris-2025", "iris-2020", "coalition-2025"];

/// Share of a large organisation's breach cost a smaller one faces: IBM's
/// sample is mostly large organisations, while insurers' average small
/// business claim is about USD 115,000.
pub(crate) fn size_factor(employees: u64) -> f64 {
    match employees {
        0..=249 => 0.1,
        250..=999 => 0.4,
        1_000..=4_999 => 0.8,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_cites_known_sources() {
        assert!(BY_COUNTRY.windows(2).all(|w| w[0].country < w[1].country));
        for b in BY_COUNTRY.iter().chain([&GLOBAL]) {
            assert!(crate::reference::currencies::usd_rate(b.currency).is_some());
            for key in b.sources {
                assert!(crate::reference::sources::source(key).is_some(), "{key}");
            }
        }
        for key in INDUSTRY_SOURCES.iter().chain(PROBABILITY_SOURCES) {
            assert!(crate::reference::sources::source(key).is_some(), "{key}");
        }
    }
}
