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
pub(crate) struct LabourMarket {
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

/// Base salary of each SOC tier relative to L2, from U.S. job-posting
/// analyses of SOC tiers (Tier 1 USD 55,000-98,000, Tier 2 85,000-120,000,
/// Tier 3 110,000-170,000), bounded by the BLS distribution: L1 0.75, L3
/// 1.3; detection engineers and managers carry the usual engineering and
/// management premiums over L3.
pub(crate) const TIER_RATIOS: TierRatios = TierRatios {
    l1: 0.75,
    l2: 1.0,
    l3: 1.3,
    engineer: 1.4,
    manager: 1.55,
};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TierRatios {
    pub l1: f64,
    pub l2: f64,
    pub l3: f64,
    pub engineer: f64,
    pub manager: f64,
}

/// Year every salary is brought to before use.
pub(crate) const PRICE_YEAR: i32 = 2026;

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
pub(crate) const MARKETS: &[LabourMarket] = &[
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
pub(crate) fn market(country: &str) -> Option<&'static LabourMarket> {
    MARKETS
        .binary_search_by(|m| m.country.cmp(country))
        .ok()
        .map(|i| &MARKETS[i])
}

/// What a country's wage level rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WageBasis {
    /// Eurostat's average annual full-time adjusted salary per employee
    /// (2023) against the OECD's U.S. average annual wage (2023), at the
    /// 2023 euro-dollar rate.
    EurostatSalary,
    /// Eurostat hourly labour cost (2023) relative to Germany's, times
    /// Germany's salary ratio: for EEA members without a salary figure.
    EurostatLabourCost,
    /// World Bank GNI per capita (Atlas method, 2023) relative to the
    /// U.S., to the power 0.8: skilled IT pay sits nearer U.S. pay than
    /// average income does (the exponent fits the surveyed countries).
    Gni,
    /// As [`WageBasis::Gni`], from an approximate GNI figure.
    GniApproximate,
    /// No GNI figure: an assumption from the World Bank income group.
    IncomeGroup,
    /// A territory: the wage level of the country it belongs to.
    As(&'static str),
}

impl WageBasis {
    /// The public sources of the ratio.
    pub(crate) fn sources(self) -> &'static [&'static str] {
        match self {
            WageBasis::EurostatSalary => &["eurostat-fte-2023", "oecd-avg-wages"],
            WageBasis::EurostatLabourCost => {
                &["eurostat-lc-2023", "eurostat-fte-2023", "oecd-avg-wages"]
            }
            WageBasis::Gni | WageBasis::GniApproximate | WageBasis::IncomeGroup => &["wb-gni-2023"],
            WageBasis::As(country) => match wage_ratio(country) {
                Some((_, basis)) if !matches!(basis, WageBasis::As(_)) => basis.sources(),
                _ => &["oecd-avg-wages"],
            },
        }
    }

    /// How the ratio was found, in words.
    pub(crate) fn describe(self) -> String {
        match self {
            WageBasis::EurostatSalary => "Eurostat average full-time salary (2023) against the OECD U.S. average wage".into(),
            WageBasis::EurostatLabourCost => "Eurostat hourly labour cost (2023) relative to Germany's, at Germany's salary level".into(),
            WageBasis::Gni => "World Bank GNI per capita (2023) relative to the U.S., to the power 0.8".into(),
            WageBasis::GniApproximate => "approximate World Bank GNI per capita relative to the U.S., to the power 0.8".into(),
            WageBasis::IncomeGroup => "assumption from the World Bank income group (no GNI figure published)".into(),
            WageBasis::As(country) => format!("the wage level of {country}, to which it belongs"),
        }
    }
}

/// Wage level relative to the United States for every country without a
/// row in [`MARKETS`], with what it rests on ([`WageBasis`]).
const WAGE_RATIOS: &[(&str, f64, WageBasis)] = &[
    ("AD", 0.44, WageBasis::As("ES")),            // Andorra
    ("AF", 0.014, WageBasis::Gni),                // Afghanistan
    ("AG", 0.328, WageBasis::Gni),                // Antigua and Barbuda
    ("AI", 0.633, WageBasis::As("GB")),           // Anguilla
    ("AL", 0.169, WageBasis::Gni),                // Albania
    ("AM", 0.14, WageBasis::Gni),                 // Armenia
    ("AO", 0.066, WageBasis::Gni),                // Angola
    ("AQ", 1.0, WageBasis::As("US")),             // Antarctica
    ("AR", 0.232, WageBasis::Gni),                // Argentina
    ("AS", 1.0, WageBasis::As("US")),             // American Samoa
    ("AT", 0.736, WageBasis::EurostatSalary),     // Austria
    ("AW", 0.722, WageBasis::As("NL")),           // Aruba
    ("AX", 0.653, WageBasis::As("FI")),           // Åland Islands
    ("AZ", 0.137, WageBasis::Gni),                // Azerbaijan
    ("BA", 0.162, WageBasis::Gni),                // Bosnia and Herzegovina
    ("BB", 0.393, WageBasis::Gni),                // Barbados
    ("BD", 0.07, WageBasis::Gni),                 // Bangladesh
    ("BE", 0.783, WageBasis::EurostatSalary),     // Belgium
    ("BF", 0.026, WageBasis::Gni),                // Burkina Faso
    ("BG", 0.182, WageBasis::EurostatSalary),     // Bulgaria
    ("BH", 0.436, WageBasis::Gni),                // Bahrain
    ("BI", 0.011, WageBasis::Gni),                // Burundi
    ("BJ", 0.039, WageBasis::Gni),                // Benin
    ("BL", 0.576, WageBasis::As("FR")),           // Saint Barthélemy
    ("BM", 0.633, WageBasis::As("GB")),           // Bermuda
    ("BN", 0.507, WageBasis::Gni),                // Brunei Darussalam
    ("BO", 0.095, WageBasis::Gni),                // Bolivia, Plurinational State of
    ("BQ", 0.722, WageBasis::As("NL")),           // Bonaire, Sint Eustatius and Saba
    ("BS", 0.517, WageBasis::Gni),                // Bahamas
    ("BT", 0.086, WageBasis::Gni),                // Bhutan
    ("BV", 0.865, WageBasis::As("NO")),           // Bouvet Island
    ("BW", 0.164, WageBasis::Gni),                // Botswana
    ("BY", 0.156, WageBasis::Gni),                // Belarus
    ("BZ", 0.14, WageBasis::Gni),                 // Belize
    ("CC", 0.715, WageBasis::As("AU")),           // Cocos (Keeling) Islands
    ("CD", 0.022, WageBasis::Gni),                // Congo, The Democratic Republic of the
    ("CF", 0.018, WageBasis::Gni),                // Central African Republic
    ("CG", 0.058, WageBasis::Gni),                // Congo
    ("CI", 0.063, WageBasis::Gni),                // Côte d'Ivoire
    ("CK", 0.674, WageBasis::As("NZ")),           // Cook Islands
    ("CL", 0.274, WageBasis::Gni),                // Chile
    ("CM", 0.045, WageBasis::Gni),                // Cameroon
    ("CN", 0.244, WageBasis::Gni),                // China
    ("CO", 0.137, WageBasis::Gni),                // Colombia
    ("CR", 0.251, WageBasis::Gni),                // Costa Rica
    ("CU", 0.1, WageBasis::IncomeGroup),          // Cuba
    ("CV", 0.104, WageBasis::Gni),                // Cabo Verde
    ("CW", 0.722, WageBasis::As("NL")),           // Curaçao
    ("CX", 0.715, WageBasis::As("AU")),           // Christmas Island
    ("CY", 0.357, WageBasis::EurostatSalary),     // Cyprus
    ("CZ", 0.317, WageBasis::EurostatSalary),     // Czechia
    ("DJ", 0.082, WageBasis::Gni),                // Djibouti
    ("DM", 0.189, WageBasis::Gni),                // Dominica
    ("DO", 0.184, WageBasis::Gni),                // Dominican Republic
    ("DZ", 0.108, WageBasis::Gni),                // Algeria
    ("EC", 0.135, WageBasis::Gni),                // Ecuador
    ("EE", 0.336, WageBasis::EurostatSalary),     // Estonia
    ("EG", 0.088, WageBasis::Gni),                // Egypt
    ("EH", 0.087, WageBasis::As("MA")),           // Western Sahara
    ("ER", 0.023, WageBasis::IncomeGroup),        // Eritrea
    ("ET", 0.031, WageBasis::Gni),                // Ethiopia
    ("FI", 0.653, WageBasis::EurostatSalary),     // Finland
    ("FJ", 0.12, WageBasis::Gni),                 // Fiji
    ("FK", 0.633, WageBasis::As("GB")),           // Falkland Islands (Malvinas)
    ("FM", 0.093, WageBasis::Gni),                // Micronesia, Federated States of
    ("FO", 0.912, WageBasis::As("DK")),           // Faroe Islands
    ("GA", 0.154, WageBasis::Gni),                // Gabon
    ("GD", 0.191, WageBasis::Gni),                // Grenada
    ("GE", 0.137, WageBasis::Gni),                // Georgia
    ("GF", 0.576, WageBasis::As("FR")),           // French Guiana
    ("GG", 0.633, WageBasis::As("GB")),           // Guernsey
    ("GH", 0.058, WageBasis::Gni),                // Ghana
    ("GI", 0.633, WageBasis::As("GB")),           // Gibraltar
    ("GL", 0.912, WageBasis::As("DK")),           // Greenland
    ("GM", 0.027, WageBasis::Gni),                // Gambia
    ("GN", 0.038, WageBasis::Gni),                // Guinea
    ("GP", 0.576, WageBasis::As("FR")),           // Guadeloupe
    ("GQ", 0.106, WageBasis::Gni),                // Equatorial Guinea
    ("GS", 0.633, WageBasis::As("GB")),           // South Georgia and the South Sandwich Islands
    ("GT", 0.117, WageBasis::Gni),                // Guatemala
    ("GU", 1.0, WageBasis::As("US")),             // Guam
    ("GW", 0.03, WageBasis::Gni),                 // Guinea-Bissau
    ("GY", 0.299, WageBasis::Gni),                // Guyana
    ("HK", 0.728, WageBasis::GniApproximate),     // Hong Kong
    ("HM", 0.715, WageBasis::As("AU")),           // Heard Island and McDonald Islands
    ("HN", 0.07, WageBasis::Gni),                 // Honduras
    ("HR", 0.29, WageBasis::EurostatSalary),      // Croatia
    ("HT", 0.047, WageBasis::Gni),                // Haiti
    ("HU", 0.228, WageBasis::EurostatSalary),     // Hungary
    ("ID", 0.105, WageBasis::Gni),                // Indonesia
    ("IL", 0.717, WageBasis::GniApproximate),     // Israel
    ("IM", 0.633, WageBasis::As("GB")),           // Isle of Man
    ("IO", 0.633, WageBasis::As("GB")),           // British Indian Ocean Territory
    ("IQ", 0.124, WageBasis::Gni),                // Iraq
    ("IR", 0.11, WageBasis::Gni),                 // Iran, Islamic Republic of
    ("IS", 0.828, WageBasis::EurostatLabourCost), // Iceland
    ("JE", 0.633, WageBasis::As("GB")),           // Jersey
    ("JM", 0.14, WageBasis::Gni),                 // Jamaica
    ("JO", 0.099, WageBasis::Gni),                // Jordan
    ("KE", 0.054, WageBasis::Gni),                // Kenya
    ("KG", 0.049, WageBasis::Gni),                // Kyrgyzstan
    ("KH", 0.06, WageBasis::Gni),                 // Cambodia
    ("KI", 0.087, WageBasis::Gni),                // Kiribati
    ("KM", 0.043, WageBasis::Gni),                // Comoros
    ("KN", 0.353, WageBasis::Gni),                // Saint Kitts and Nevis
    ("KP", 0.023, WageBasis::IncomeGroup),        // Korea, Democratic People's Republic of
    ("KR", 0.515, WageBasis::GniApproximate),     // Korea, Republic of
    ("KW", 0.596, WageBasis::Gni),                // Kuwait
    ("KY", 0.633, WageBasis::As("GB")),           // Cayman Islands
    ("KZ", 0.199, WageBasis::Gni),                // Kazakhstan
    ("LA", 0.054, WageBasis::Gni),                // Lao People's Democratic Republic
    ("LB", 0.085, WageBasis::Gni),                // Lebanon
    ("LC", 0.225, WageBasis::Gni),                // Saint Lucia
    ("LI", 0.999, WageBasis::As("CH")),           // Liechtenstein
    ("LK", 0.082, WageBasis::Gni),                // Sri Lanka
    ("LR", 0.023, WageBasis::Gni),                // Liberia
    ("LS", 0.036, WageBasis::Gni),                // Lesotho
    ("LT", 0.367, WageBasis::EurostatSalary),     // Lithuania
    ("LU", 1.094, WageBasis::EurostatSalary),     // Luxembourg
    ("LV", 0.301, WageBasis::EurostatSalary),     // Latvia
    ("LY", 0.128, WageBasis::Gni),                // Libya
    ("MA", 0.087, WageBasis::Gni),                // Morocco
    ("MC", 0.576, WageBasis::As("FR")),           // Monaco
    ("MD", 0.13, WageBasis::Gni),                 // Moldova, Republic of
    ("ME", 0.212, WageBasis::Gni),                // Montenegro
    ("MF", 0.576, WageBasis::As("FR")),           // Saint Martin (French part)
    ("MG", 0.017, WageBasis::Gni),                // Madagascar
    ("MH", 0.158, WageBasis::Gni),                // Marshall Islands
    ("MK", 0.157, WageBasis::Gni),                // North Macedonia
    ("ML", 0.03, WageBasis::Gni),                 // Mali
    ("MM", 0.035, WageBasis::Gni),                // Myanmar
    ("MN", 0.106, WageBasis::Gni),                // Mongolia
    ("MO", 0.792, WageBasis::GniApproximate),     // Macao
    ("MP", 1.0, WageBasis::As("US")),             // Northern Mariana Islands
    ("MQ", 0.576, WageBasis::As("FR")),           // Martinique
    ("MR", 0.055, WageBasis::Gni),                // Mauritania
    ("MS", 0.633, WageBasis::As("GB")),           // Montserrat
    ("MT", 0.405, WageBasis::EurostatSalary),     // Malta
    ("MU", 0.227, WageBasis::Gni),                // Mauritius
    ("MV", 0.206, WageBasis::Gni),                // Maldives
    ("MW", 0.02, WageBasis::Gni),                 // Malawi
    ("MY", 0.214, WageBasis::Gni),                // Malaysia
    ("MZ", 0.018, WageBasis::Gni),                // Mozambique
    ("NA", 0.096, WageBasis::Gni),                // Namibia
    ("NC", 0.576, WageBasis::As("FR")),           // New Caledonia
    ("NE", 0.021, WageBasis::Gni),                // Niger
    ("NF", 0.715, WageBasis::As("AU")),           // Norfolk Island
    ("NG", 0.064, WageBasis::Gni),                // Nigeria
    ("NI", 0.06, WageBasis::Gni),                 // Nicaragua
    ("NO", 0.865, WageBasis::EurostatLabourCost), // Norway
    ("NP", 0.04, WageBasis::Gni),                 // Nepal
    ("NR", 0.364, WageBasis::Gni),                // Nauru
    ("NU", 0.674, WageBasis::As("NZ")),           // Niue
    ("NZ", 0.674, WageBasis::GniApproximate),     // New Zealand
    ("OM", 0.328, WageBasis::Gni),                // Oman
    ("PA", 0.301, WageBasis::Gni),                // Panama
    ("PE", 0.143, WageBasis::Gni),                // Peru
    ("PF", 0.576, WageBasis::As("FR")),           // French Polynesia
    ("PG", 0.068, WageBasis::Gni),                // Papua New Guinea
    ("PH", 0.097, WageBasis::Gni),                // Philippines
    ("PK", 0.04, WageBasis::Gni),                 // Pakistan
    ("PM", 0.576, WageBasis::As("FR")),           // Saint Pierre and Miquelon
    ("PN", 0.633, WageBasis::As("GB")),           // Pitcairn
    ("PR", 1.0, WageBasis::As("US")),             // Puerto Rico
    ("PS", 0.096, WageBasis::Gni),                // Palestine, State of
    ("PT", 0.31, WageBasis::EurostatSalary),      // Portugal
    ("PW", 0.258, WageBasis::Gni),                // Palau
    ("PY", 0.129, WageBasis::Gni),                // Paraguay
    ("QA", 0.999, WageBasis::Gni),                // Qatar
    ("RE", 0.576, WageBasis::As("FR")),           // Réunion
    ("RO", 0.239, WageBasis::EurostatSalary),     // Romania
    ("RU", 0.254, WageBasis::Gni),                // Russian Federation
    ("RW", 0.03, WageBasis::Gni),                 // Rwanda
    ("SA", 0.53, WageBasis::Gni),                 // Saudi Arabia
    ("SB", 0.052, WageBasis::Gni),                // Solomon Islands
    ("SC", 0.281, WageBasis::Gni),                // Seychelles
    ("SD", 0.021, WageBasis::Gni),                // Sudan
    ("SH", 0.633, WageBasis::As("GB")),           // Saint Helena, Ascension and Tristan da Cunha
    ("SI", 0.446, WageBasis::EurostatSalary),     // Slovenia
    ("SJ", 0.865, WageBasis::As("NO")),           // Svalbard and Jan Mayen
    ("SK", 0.256, WageBasis::EurostatSalary),     // Slovakia
    ("SL", 0.027, WageBasis::Gni),                // Sierra Leone
    ("SM", 0.442, WageBasis::As("IT")),           // San Marino
    ("SN", 0.044, WageBasis::Gni),                // Senegal
    ("SO", 0.02, WageBasis::Gni),                 // Somalia
    ("SR", 0.112, WageBasis::Gni),                // Suriname
    ("SS", 0.023, WageBasis::IncomeGroup),        // South Sudan
    ("ST", 0.064, WageBasis::Gni),                // Sao Tome and Principe
    ("SV", 0.108, WageBasis::Gni),                // El Salvador
    ("SX", 0.722, WageBasis::As("NL")),           // Sint Maarten (Dutch part)
    ("SY", 0.023, WageBasis::IncomeGroup),        // Syrian Arab Republic
    ("SZ", 0.086, WageBasis::Gni),                // Eswatini
    ("TC", 0.633, WageBasis::As("GB")),           // Turks and Caicos Islands
    ("TD", 0.029, WageBasis::Gni),                // Chad
    ("TF", 0.576, WageBasis::As("FR")),           // French Southern Territories
    ("TG", 0.031, WageBasis::Gni),                // Togo
    ("TH", 0.145, WageBasis::Gni),                // Thailand
    ("TJ", 0.039, WageBasis::Gni),                // Tajikistan
    ("TK", 0.674, WageBasis::As("NZ")),           // Tokelau
    ("TL", 0.05, WageBasis::Gni),                 // Timor-Leste
    ("TM", 0.13, WageBasis::Gni),                 // Turkmenistan
    ("TN", 0.088, WageBasis::Gni),                // Tunisia
    ("TO", 0.124, WageBasis::Gni),                // Tonga
    ("TR", 0.218, WageBasis::Gni),                // Türkiye
    ("TT", 0.328, WageBasis::Gni),                // Trinidad and Tobago
    ("TV", 0.17, WageBasis::Gni),                 // Tuvalu
    ("TW", 0.491, WageBasis::GniApproximate),     // Taiwan, Province of China
    ("TZ", 0.035, WageBasis::Gni),                // Tanzania, United Republic of
    ("UA", 0.108, WageBasis::Gni),                // Ukraine
    ("UG", 0.029, WageBasis::Gni),                // Uganda
    ("UM", 1.0, WageBasis::As("US")),             // United States Minor Outlying Islands
    ("UY", 0.327, WageBasis::Gni),                // Uruguay
    ("UZ", 0.067, WageBasis::Gni),                // Uzbekistan
    ("VA", 0.442, WageBasis::As("IT")),           // Holy See (Vatican City State)
    ("VC", 0.195, WageBasis::Gni),                // Saint Vincent and the Grenadines
    ("VE", 0.073, WageBasis::Gni),                // Venezuela, Bolivarian Republic of
    ("VG", 0.633, WageBasis::As("GB")),           // Virgin Islands, British
    ("VI", 1.0, WageBasis::As("US")),             // Virgin Islands, U.S.
    ("VN", 0.093, WageBasis::Gni),                // Viet Nam
    ("VU", 0.089, WageBasis::Gni),                // Vanuatu
    ("WF", 0.576, WageBasis::As("FR")),           // Wallis and Futuna
    ("WS", 0.105, WageBasis::Gni),                // Samoa
    ("YE", 0.023, WageBasis::IncomeGroup),        // Yemen
    ("YT", 0.576, WageBasis::As("FR")),           // Mayotte
    ("ZM", 0.036, WageBasis::Gni),                // Zambia
    ("ZW", 0.063, WageBasis::Gni),                // Zimbabwe
];

/// Every country's wage level, in code order.
pub(crate) fn wage_ratios() -> impl Iterator<Item = (&'static str, f64, WageBasis)> {
    WAGE_RATIOS.iter().copied()
}

/// The wage-level ratio to the United States for a country without a market
/// row, and its basis. Every ISO 3166-1 country has one or the other.
pub(crate) fn wage_ratio(country: &str) -> Option<(f64, WageBasis)> {
    WAGE_RATIOS
        .binary_search_by(|(c, _, _)| c.cmp(&country))
        .ok()
        .map(|i| (WAGE_RATIOS[i].1, WAGE_RATIOS[i].2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_complete() {
        assert!(MARKETS.windows(2).all(|w| w[0].country < w[1].country));
        assert!(WAGE_RATIOS.windows(2).all(|w| w[0].0 < w[1].0));
        for (country, ratio, basis) in WAGE_RATIOS {
            assert!(*ratio > 0.0 && *ratio < 2.0, "{country}");
            for key in basis.sources() {
                assert!(crate::reference::sources::source(key).is_some(), "{key}");
            }
        }
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
