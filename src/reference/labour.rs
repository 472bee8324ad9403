//! Security labour markets by country: what a mid-level (L2) SOC analyst is
//! paid, what an employer pays on top, and how many hours a full-time
//! analyst works in a year.
//!
//! One row per country for the 23 countries with public figures. Each
//! salary is the figure as published (its currency and year), with how the
//! L2 anchor was read from it; the evaluation brings it to today's money
//! with the wage-growth assumption and converts it to the profile's
//! currency. Other tiers follow from the anchor by the ratios of the U.S.
//! pay distribution ([`TIER_RATIOS`]). A country without a row uses the
//! U.S. anchor scaled by its wage level where one is published
//! ([`wage_ratio`]), and the report says so.

/// One country's security labour market.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabourMarket {
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
    pub name: &'static str,
    /// Base salary of an L2 analyst, in `currency`, as of `year`.
    pub l2_salary: f64,
    pub currency: &'static str,
    pub year: i32,
    /// How the L2 anchor was read from the sources, in words.
    pub salary_basis: &'static str,
    pub salary_sources: &'static [&'static str],
    /// Employer cost per unit of base salary: low, likely, high.
    pub on_cost: [f64; 3],
    pub on_cost_basis: &'static str,
    pub on_cost_sources: &'static [&'static str],
    /// Productive hours of one full-time analyst per year (leave, holidays
    /// and training deducted).
    pub productive_hours: f64,
}

/// Base salary of each tier relative to L2, from the U.S. distribution:
/// L1 near the 25th percentile, L2 the median, L3 and detection engineers
/// near the 75th, the SOC manager between the 75th and 90th (BLS OEWS 2019
/// percentiles scaled to the May 2024 median).
pub const TIER_RATIOS: TierRatios = TierRatios {
    l1: 0.76,
    l2: 1.0,
    l3: 1.28,
    engineer: 1.28,
    manager: 1.48,
};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierRatios {
    pub l1: f64,
    pub l2: f64,
    pub l3: f64,
    pub engineer: f64,
    pub manager: f64,
}

/// Year every salary is brought to before use.
pub const PRICE_YEAR: i32 = 2026;

/// U.S. and long-hours markets: 2,080 paid hours less about 35 days of
/// holidays, leave, sickness and training.
const HOURS_US: f64 = 1800.0;
/// European markets: shorter weeks and statutory leave of 4-6 weeks.
const HOURS_EU: f64 = 1650.0;

// One argument per column of the table below.
#[allow(clippy::too_many_arguments)]
const fn row(
    country: &'static str,
    name: &'static str,
    l2_salary: f64,
    currency: &'static str,
    year: i32,
    salary_basis: &'static str,
    salary_sources: &'static [&'static str],
    on_cost: [f64; 3],
    on_cost_basis: &'static str,
    on_cost_sources: &'static [&'static str],
    productive_hours: f64,
) -> LabourMarket {
    LabourMarket {
        country,
        name,
        l2_salary,
        currency,
        year,
        salary_basis,
        salary_sources,
        on_cost,
        on_cost_basis,
        on_cost_sources,
        productive_hours,
    }
}

/// The table, sorted by country code.
pub const MARKETS: &[LabourMarket] = &[
    row("AE", "United Arab Emirates", 375_000.0, "AED", 2021,
        "security engineers earn AED 40,000-65,000 a month; the low end taken as the L3 tier",
        &["mp-ae-2021"], [1.06, 1.08, 1.12],
        "expatriates: no pension contribution; end-of-service gratuity of 21-30 days' basic pay a year (5.8-8.2%)", &["ae-gratuity"], HOURS_US),
    row("AU", "Australia", 138_500.0, "AUD", 2024,
        "SOC manager AUD 205,000 (Talent salary guide 2024) divided by the manager tier ratio",
        &["talent-au-2024"], [1.12, 1.15, 1.19],
        "superannuation guarantee 12% from July 2025, plus state payroll tax of a few per cent", &["au-super"], HOURS_EU),
    row("BR", "Brazil", 92_316.0, "BRL", 2025,
        "median pay of an information-security administrator (CBO 2123-20), BRL 7,693 a month",
        &["br-ganhaquanto"], [1.35, 1.40, 1.50],
        "employer social security 28.8%, plus the 13th salary and the holiday bonus (about 11%)", &["br-payroll"], HOURS_US),
    row("CA", "Canada", 95_249.0, "CAD", 2023,
        "median annual earnings of cybersecurity specialists (NOC 21220)",
        &["workbc"], [1.07, 1.09, 1.12],
        "CPP 5.95% and EI 2.3% up to their ceilings, plus a provincial health tax of about 2%", &["ca-payroll"], HOURS_US),
    row("CH", "Switzerland", 104_000.0, "CHF", 2020,
        "median pay of an ICT professional (swissICT salary study 2020)",
        &["swissict-2020"], [1.09, 1.15, 1.22],
        "about 8.5% social contributions plus occupational pension (BVG)", &["eurostat-lc-2024"], HOURS_EU),
    row("DE", "Germany", 63_012.0, "EUR", 2019,
        "median salary of an IT-security specialist (Compensation Partner 2019)",
        &["cp-2019"], [1.21, 1.25, 1.30],
        "EUR 60,000 gross costs the employer EUR 74,724 (Boundless 2025)", &["boundless-2025"], HOURS_EU),
    row("DK", "Denmark", 83_554.0, "EUR", 2019,
        "no Danish SOC salary found: the German anchor times the Danish to German full-time salary ratio (1.33, Eurostat 2023)",
        &["cp-2019", "eurostat-fte-2023"], [1.10, 1.15, 1.25],
        "Eurostat: non-wage costs are a small share of Danish labour cost", &["eurostat-lc-2024"], HOURS_EU),
    row("ES", "Spain", 46_500.0, "EUR", 2026,
        "midpoint of the SOC tier 2 band EUR 38,000-55,000 (Riskitera 2026)",
        &["riskitera-2026"], [1.30, 1.33, 1.36],
        "EUR 60,000 gross costs the employer EUR 79,637 (Boundless 2025)", &["boundless-2025"], HOURS_EU),
    row("FR", "France", 58_178.0, "EUR", 2018,
        "median pay of a mid-level cyber security professional (Willis Towers Watson 2018)",
        &["wtw-2018"], [1.47, 1.55, 1.59],
        "Eurostat 2024: non-wage costs 32.2% of French labour cost; EUR 60,000 gross costs EUR 95,303 (Boundless 2025)",
        &["eurostat-lc-2024", "boundless-2025"], HOURS_EU),
    row("GB", "United Kingdom", 60_000.0, "GBP", 2026,
        "between the 25th percentile (GBP 51,250) and the median (GBP 70,000) of advertised Security Operations salaries, which skew senior",
        &["itjobswatch"], [1.11, 1.15, 1.25],
        "EUR 60,000 gross costs the employer EUR 66,643 (Boundless 2025); employer National Insurance rose to 15% in April 2025",
        &["boundless-2025"], HOURS_EU),
    row("GR", "Greece", 21_046.0, "EUR", 2019,
        "no Greek SOC salary found: the German anchor times the Greek to German full-time salary ratio (0.334, Eurostat 2023)",
        &["cp-2019", "eurostat-fte-2023"], [1.19, 1.22, 1.25],
        "employer rates of 19.08% (health, pension, unemployment) plus 3% supplementary pension", &["gr-contributions", "gr-oecd-tw"], HOURS_EU),
    row("IE", "Ireland", 63_000.0, "EUR", 2018,
        "median pay of a mid-level cyber security professional (Willis Towers Watson 2018)",
        &["wtw-2018"], [1.10, 1.12, 1.20],
        "Eurostat: non-wage costs about 9% of Irish labour cost", &["eurostat-lc-2024"], HOURS_EU),
    row("IN", "India", 1_000_000.0, "INR", 2026,
        "L2 band INR 7-14 lakh a year (Indian SOC career guides 2026); midpoint rounded",
        &["cyberdefence-in-2026"], [1.08, 1.12, 1.18],
        "provident fund 12% of basic pay, gratuity about 4.8% of basic, administration and insurance charges", &["in-contributions"], HOURS_US),
    row("IT", "Italy", 42_000.0, "EUR", 2024,
        "top of the experienced cyber security band EUR 24,000-42,000 (Randstad 2024); mid-level EUR 41,800 in 2018 (Willis Towers Watson)",
        &["it-randstad-2024", "wtw-2018"], [1.39, 1.43, 1.47],
        "EUR 60,000 gross costs the employer EUR 88,326 (Boundless 2025)", &["boundless-2025"], HOURS_EU),
    row("JP", "Japan", 5_583_000.0, "JPY", 2023,
        "average pay of a security expert in operations (MHLW job tag, 2023)",
        &["mhlw-jp"], [1.15, 1.16, 1.17],
        "employer shares of health, pension, child-support and employment insurance: 15.7-16.5% (Tokyo, 2025)", &["jp-contributions"], HOURS_US),
    row("MX", "Mexico", 391_000.0, "MXN", 2022,
        "no Mexican SOC salary found: the U.S. L2 anchor scaled by the Latin American to North American cyber pay ratio (0.165, (ISC)2 2022)",
        &["isc2-2022", "bls-ooh"], [1.30, 1.36, 1.40],
        "IMSS, INFONAVIT, retirement savings, state payroll tax and the year-end bonus: about 36%", &["mx-payroll"], HOURS_US),
    row("NL", "Netherlands", 55_700.0, "EUR", 2018,
        "median pay of a mid-level cyber security professional, GBP 48,996 (Willis Towers Watson 2018)",
        &["wtw-2018"], [1.24, 1.28, 1.33],
        "about 20% employer premiums plus the statutory 8% holiday allowance", &["eurostat-lc-2024"], HOURS_EU),
    row("PL", "Poland", 150_000.0, "PLN", 2024,
        "PLN 12,500 a month, the median of the Polish cyber sector, the middle of the IT-security band PLN 8,000-13,560",
        &["experis-pl"], [1.20, 1.22, 1.25],
        "ZUS employer contributions of 20.5-24.6% (pension, disability, accident, Labour Fund)", &["pl-contributions"], HOURS_EU),
    row("RS", "Serbia", 2_228_000.0, "RSD", 2024,
        "no Serbian SOC salary found: the average gross wage (RSD 133,591 a month, 2024) times the German premium of IT-security pay over the average wage (1.39)",
        &["rs-stat-2024", "cp-2019", "eurostat-fte-2023"], [1.15, 1.15, 1.18],
        "employer pension 10% and health 5.15%", &["rs-contributions"], HOURS_EU),
    row("SE", "Sweden", 646_800.0, "SEK", 2023,
        "average pay of IT-security specialists, SEK 53,900 a month (Statistics Sweden occupation data)",
        &["se-itsec"], [1.42, 1.46, 1.50],
        "Eurostat 2024: non-wage costs 31.6% of Swedish labour cost; statutory employer contribution 31.42%",
        &["eurostat-lc-2024"], HOURS_EU),
    row("SG", "Singapore", 105_900.0, "SGD", 2023,
        "digital forensics specialist median SGD 11,298 a month (MOM 2023) taken as the L3 tier",
        &["mom-sg-2023"], [1.12, 1.14, 1.17],
        "CPF employer contribution of 17% up to the monthly wage ceiling (SGD 7,400 in 2025)", &["sg-cpf"], HOURS_US),
    row("US", "United States", 125_000.0, "USD", 2024,
        "median pay of information security analysts, May 2024 (USD 124,910)",
        &["bls-ooh", "bls-oews-2019"], [1.35, 1.43, 1.60],
        "private industry: wages are 69.9% of compensation (1.43); state and local government 62.4% (1.60)",
        &["bls-ecec", "bls-ecec-2018"], HOURS_US),
    row("ZA", "South Africa", 543_492.0, "ZAR", 2024,
        "mid-level cyber security pay ZAR 45,291 a month (SalarySouthAfrica 2024)",
        &["ssa-za-2024"], [1.02, 1.03, 1.06],
        "UIF 1% (capped) and skills development levy 1%, plus the injury-fund levy", &["za-payroll"], HOURS_US),
];

/// The labour market of a country, if the table has it.
pub fn market(country: &str) -> Option<&'static LabourMarket> {
    MARKETS
        .binary_search_by(|m| m.country.cmp(country))
        .ok()
        .map(|i| &MARKETS[i])
}

/// Average wage relative to the United States (OECD 2022, USD PPP), for
/// countries without a row in [`MARKETS`].
const WAGE_RATIOS: &[(&str, f64)] = &[];

/// The wage-level ratio for a country without a market row.
pub fn wage_ratio(country: &str) -> Option<f64> {
    WAGE_RATIOS
        .binary_search_by(|(c, _)| c.cmp(&country))
        .ok()
        .map(|i| WAGE_RATIOS[i].1)
}

pub const WAGE_RATIO_SOURCES: &[&str] = &["oecd-wages-2022"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_complete() {
        assert!(MARKETS.windows(2).all(|w| w[0].country < w[1].country));
        assert!(WAGE_RATIOS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(MARKETS.len(), 23);
        for m in MARKETS {
            assert!(
                crate::reference::currencies::usd_rate(m.currency).is_some(),
                "{}",
                m.country
            );
            assert!(
                m.on_cost[0] <= m.on_cost[1] && m.on_cost[1] <= m.on_cost[2],
                "{}",
                m.country
            );
            assert!(
                m.l2_salary > 0.0 && m.year <= PRICE_YEAR + 1,
                "{}",
                m.country
            );
            for key in m.salary_sources.iter().chain(m.on_cost_sources) {
                assert!(crate::reference::sources::source(key).is_some(), "{key}");
            }
            assert!(market(m.country).is_some());
            assert!(wage_ratio(m.country).is_none(), "{} twice", m.country);
        }
    }
}
