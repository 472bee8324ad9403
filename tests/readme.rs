//! The README's reference tables are generated from the code's catalogues;
//! these tests fail (printing the expected text) when they drift apart.

use socsource::profile::model::*;
use socsource::reference::{assumptions, currencies};
use std::collections::{BTreeMap, BTreeSet};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

fn section(text: &str, name: &str) -> String {
    let start = format!("<!-- {name}:start -->\n");
    let end = format!("<!-- {name}:end -->");
    let from = text
        .find(&start)
        .map(|i| i + start.len())
        .unwrap_or_else(|| panic!("README lacks {start}"));
    let to = text[from..]
        .find(&end)
        .map(|i| from + i)
        .unwrap_or_else(|| panic!("README lacks {end}"));
    text[from..to].to_string()
}

/// A US profile, to ask each assumption for its (US) source.
fn us_profile() -> Profile {
    Profile {
        version: 1,
        id: "x".into(),
        source: "x.yaml".into(),
        organisation: Organisation {
            name: "X".into(),
            industry: Industry::Other,
            employees: 100,
            annual_revenue: None,
            currency: "USD".into(),
            headquarters: "US".into(),
            operating_regions: vec![],
            annual_growth_pct: 5.0,
        },
        environment: Environment {
            endpoints: 100,
            servers: 0,
            cloud_workloads: 0,
            log_sources: None,
            daily_log_volume_gb: None,
            ot_ics: false,
            sites: 1,
            critical_assets: vec![],
        },
        security_team: SecurityTeam {
            analysts: 0,
            engineers: 0,
            incident_responders: 0,
            tools: vec![],
            maturity: 0,
            hiring_market: HiringMarket::Tight,
        },
        budget: Budget {
            annual_opex: 1.0,
            capex: 0.0,
            horizon_years: 5,
        },
        compliance: Compliance {
            frameworks: vec![],
            data_residency: Residency::None,
            third_party_data_sharing: Sharing::Allowed,
            notification_hours: None,
        },
        risk: RiskProfile {
            tolerance: Level::Medium,
            threats: vec![],
            targeted_by_apt: false,
            incidents_last_24_months: 0,
        },
        requirements: Requirements {
            coverage: Coverage::TwentyFourSeven,
            go_live_months: 12,
            control: Level::Medium,
            integration: Level::Medium,
            scalability: Level::Medium,
        },
        weights: BTreeMap::new(),
        assumptions: BTreeMap::new(),
        mssp_quote: None,
        report: ReportDetails {
            prepared_by: None,
            prepared_for: "Board".into(),
            classification: "Confidential".into(),
            date: Date::new(2026, 1, 1).unwrap(),
            language: "en".into(),
        },
        defaulted: BTreeSet::new(),
    }
}

#[test]
fn readme_lists_every_assumption_with_unit_default_and_source() {
    let p = us_profile();
    let mut expected = String::from("| name | unit | default | source |\n|---|---|---|---|\n");
    for a in assumptions::CATALOGUE {
        let source = if a.name.ends_with("salary") {
            "US: BLS May 2024; UK: ITJobsWatch 2026; EU: UK figures converted; India: 2026 surveys (low reliability); other: US figures converted".to_string()
        } else {
            (a.source)(&p).to_string()
        };
        expected.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            a.name,
            a.unit.describe("currency"),
            a.rule.replace('|', "\\|"),
            source.replace('|', "\\|")
        ));
    }
    let actual = section(&readme(), "assumptions");
    assert_eq!(
        actual, expected,
        "README assumptions table is stale; expected:\n{expected}"
    );
}

#[test]
fn readme_shows_the_exchange_rate_table() {
    let mut expected = format!(
        "Rates as of {}. Source: {}.\n\n| currency | per US dollar |\n|---|---:|\n",
        currencies::RATES_AS_OF,
        currencies::RATES_SOURCE
    );
    for (code, rate) in currencies::USD_RATES {
        expected.push_str(&format!("| {code} | {rate} |\n"));
    }
    let actual = section(&readme(), "rates");
    assert_eq!(
        actual, expected,
        "README rate table is stale; expected:\n{expected}"
    );
}
