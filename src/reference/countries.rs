//! Country codes and the regions socsource derives from them.
//!
//! The ISO 3166-1 alpha-2 list is generated from Debian's `iso-codes`
//! package (`/usr/share/iso-codes/json/iso_3166-1.json`), 249 codes.

/// Every ISO 3166-1 alpha-2 code, sorted.
pub const ISO_3166_ALPHA2: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// EU member states (27, since 1 February 2020).
pub const EU_MEMBERS: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// EEA members outside the EU, and Switzerland: labour markets and leave
/// patterns close to the EU's, so they share its salary region.
const EU_LIKE: &[&str] = &["CH", "IS", "LI", "NO"];

pub fn is_country(code: &str) -> bool {
    ISO_3166_ALPHA2.binary_search(&code).is_ok()
}

pub fn is_eu_member(code: &str) -> bool {
    EU_MEMBERS.contains(&code)
}

/// The salary region a headquarters country maps to.
///
/// Sourced salary tables exist for the US, the UK and India; the EU has no
/// usable public source (domain-facts.md, gap 5), so EU salaries are the UK
/// figures converted. Every other country falls back to the US figures,
/// converted to the profile's currency; override `analyst_salary` (and the
/// other salary assumptions) for a local market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SalaryRegion {
    Us,
    Uk,
    Eu,
    India,
    Fallback,
}

impl SalaryRegion {
    pub fn of(headquarters: &str) -> SalaryRegion {
        match headquarters {
            "US" => SalaryRegion::Us,
            "GB" => SalaryRegion::Uk,
            "IN" => SalaryRegion::India,
            c if is_eu_member(c) || EU_LIKE.contains(&c) => SalaryRegion::Eu,
            _ => SalaryRegion::Fallback,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SalaryRegion::Us => "United States",
            SalaryRegion::Uk => "United Kingdom",
            SalaryRegion::Eu => "European Union (UK figures converted)",
            SalaryRegion::India => "India",
            SalaryRegion::Fallback => "other (US figures converted)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_lists_are_sorted_for_binary_search() {
        assert!(ISO_3166_ALPHA2.windows(2).all(|w| w[0] < w[1]));
        assert!(is_country("GB") && is_country("NO") && !is_country("UK"));
    }

    #[test]
    fn regions() {
        assert_eq!(SalaryRegion::of("DE"), SalaryRegion::Eu);
        assert_eq!(SalaryRegion::of("NO"), SalaryRegion::Eu);
        assert_eq!(SalaryRegion::of("JP"), SalaryRegion::Fallback);
    }
}
