//! Defaults are applied in one place and recorded, so the report can say
//! which values were not given.

use socsource::internals::profile::model::*;
use socsource::internals::profile::{format, load_bytes, LoadOptions};

fn load(text: &str) -> Profile {
    let options = LoadOptions::on(Date::new(2026, 11, 26).unwrap());
    match load_bytes("test.yaml", "Test Org", text.as_bytes(), &options) {
        Ok(l) => l.profile,
        Err(d) => panic!("{}", d.iter().map(|d| d.to_string()).collect::<String>()),
    }
}

const MINIMAL: &str = "version: 1
organisation: {name: Minimal Ltd, industry: healthcare, employees: 250}
environment: {endpoints: 200}
budget: {annual_opex: 400000}
";

/// Every default the format states as a value is the value the loader
/// applies, and every key left out is recorded as defaulted: the docs, the
/// JSON Schema and the loader read the same table, and this checks the
/// loader really does.
#[test]
fn every_optional_key_gets_the_default_the_format_states() {
    let p = load(
        &format!(
            "{MINIMAL}environment: {{endpoints: 200, critical_assets: [{{name: Records}}]}}\n\
         security_team: {{}}\nmssp_quote: {{annual_fee: 90000}}\n"
        )
        .replace("environment: {endpoints: 200}\n", ""),
    );
    let json = serde_json::to_value(&p).unwrap();
    let mut checked = 0;
    walk(format::PROFILE, "", &json, &p, &mut checked);
    assert!(checked > 40, "only {checked} defaults compared");
}

fn walk(
    fields: &'static [format::Field],
    prefix: &str,
    json: &serde_json::Value,
    p: &Profile,
    checked: &mut usize,
) {
    for f in fields {
        let path = if prefix.is_empty() {
            f.name.to_string()
        } else {
            format!("{prefix}.{}", f.name)
        };
        let value = &json[f.name];
        match &f.kind {
            format::Kind::Record(inner) => walk(inner, &path, value, p, checked),
            format::Kind::List {
                item: format::Kind::Record(inner),
                ..
            } => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    walk(inner, &format!("{path}[{i}]"), item, p, checked);
                }
            }
            format::Kind::Assumptions => {}
            _ if f.required || prefix.is_empty() => {}
            _ => {
                assert!(
                    p.is_defaulted(&path),
                    "{path} was left out but not recorded"
                );
                if let Some(stated) = f.default.json() {
                    let same = match (value.as_f64(), stated.as_f64()) {
                        (Some(a), Some(b)) => a == b,
                        _ => value == &stated,
                    };
                    assert!(
                        same,
                        "{path}: applied default {value} differs from the stated {stated}"
                    );
                    *checked += 1;
                }
            }
        }
    }
}

/// Defaults the format states in words, worked out from other values.
#[test]
fn derived_defaults_follow_the_rest_of_the_profile() {
    let p = load(MINIMAL);
    assert_eq!(p.id, "test-org", "id comes from the file name");
    assert_eq!(p.organisation.annual_revenue, None);
    assert_eq!(p.environment.daily_log_volume_gb, None);
    assert!(
        p.compliance.frameworks.is_empty(),
        "no framework applies by default in the US"
    );
    assert_eq!(p.compliance.notification_hours, None);
    assert_eq!(
        p.risk.threats,
        [
            Threat::Ransomware,
            Threat::Cybercrime,
            Threat::Insider,
            Threat::Bec
        ],
        "healthcare's typical threats"
    );
    assert_eq!(p.requirements.procurement, Procurement::Private);
    assert!(Consideration::ALL.iter().all(|c| p.weight(*c) == 1.0));
    assert!(p.assumptions.is_empty());
    assert_eq!(p.mssp_quote, None);
    assert_eq!(p.report.date.to_string(), "2026-11-26");
    let council = load(&MINIMAL.replace("healthcare", "government"));
    assert_eq!(council.requirements.procurement, Procurement::PublicTender);
}

#[test]
fn defaulted_values_are_recorded_and_given_ones_are_not() {
    let p = load(MINIMAL);
    for path in [
        "id",
        "organisation.currency",
        "organisation.headquarters",
        "organisation.annual_growth_pct",
        "environment.servers",
        "environment.daily_log_volume_gb",
        "security_team.hiring_market",
        "budget.horizon_years",
        "compliance.frameworks",
        "compliance.notification_hours",
        "risk.threats",
        "requirements.coverage",
        "requirements.go_live_months",
        "weights.budget",
        "report.date",
    ] {
        assert!(
            p.is_defaulted(path),
            "{path} should be recorded as defaulted"
        );
    }
    for path in [
        "organisation.name",
        "organisation.employees",
        "environment.endpoints",
        "budget.annual_opex",
    ] {
        assert!(!p.is_defaulted(path), "{path} was given");
    }
}

#[test]
fn regulatory_defaults_follow_headquarters_and_the_tightest_clock() {
    let p = load(&MINIMAL.replace(
        "employees: 250}",
        "employees: 250, headquarters: GB, operating_regions: [EU], currency: GBP}",
    ));
    let keys: Vec<&str> = p.compliance.frameworks.iter().map(|f| f.key()).collect();
    assert_eq!(keys, ["gdpr", "uk_gdpr"]);
    assert_eq!(p.compliance.notification_hours, Some(72.0));

    let given = load(&format!(
        "{MINIMAL}compliance: {{frameworks: [gdpr, dora, pci_dss]}}\n"
    ));
    assert_eq!(
        given.compliance.notification_hours,
        Some(4.0),
        "DORA's 4 h is the tightest"
    );
    assert!(!given.is_defaulted("compliance.frameworks"));
    assert!(given.is_defaulted("compliance.notification_hours"));

    let india = load(&MINIMAL.replace(
        "employees: 250}",
        "employees: 250, headquarters: IN, currency: INR}",
    ));
    assert_eq!(
        india.compliance.notification_hours,
        Some(6.0),
        "CERT-In's six hours"
    );
}

#[test]
fn given_values_win_over_defaults() {
    let p = load(&format!(
        "{MINIMAL}weights: {{budget: 3}}\nrequirements: {{coverage: business_hours, go_live_months: 4}}\n\
         assumptions: {{analyst_salary: 99000}}\nreport: {{date: 2025-01-31}}\nid: chosen-id\n"
    ));
    assert_eq!(p.id, "chosen-id");
    assert_eq!(p.weight(Consideration::Budget), 3.0);
    assert_eq!(p.weight(Consideration::Risk), 1.0);
    assert_eq!(p.requirements.coverage, Coverage::BusinessHours);
    assert_eq!(
        p.assumptions.get("analyst_salary"),
        Some(&socsource::internals::profile::model::AssumptionValue::Point(99000.0))
    );
    assert_eq!(p.report.date.to_string(), "2025-01-31");
    assert!(!p.is_defaulted("report.date"));
}

#[test]
fn yaml_1_2_keeps_norway_a_string_and_aliases_work() {
    let p = load(&MINIMAL.replace(
        "employees: 250}",
        "employees: 250, headquarters: NO, currency: NOK}",
    ));
    assert_eq!(p.organisation.headquarters, "NO");
    let aliased = load(
        "version: 1\norganisation: &org {name: Alias Ltd, industry: retail, employees: 10}\n\
         environment: {endpoints: 5}\nbudget: {annual_opex: 1}\nreport: {prepared_by: Alias Ltd}\n",
    );
    assert_eq!(aliased.organisation.name, "Alias Ltd");
}
