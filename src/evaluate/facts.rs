//! The profile's facts as the report's "What we assessed" table: every value
//! the evaluation read, and whether it was given or defaulted.

use super::assessment::{Fact, ProfileSummary};
use super::messages::{say, Message};
use super::values::{Values, A};
use crate::numbers::{and_list, hours, money, thousands, trim_float};
use crate::profile::model::Consideration;
use crate::profile::Profile;

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

pub(crate) fn facts(p: &Profile, v: &Values) -> Vec<Fact> {
    let cur = &p.organisation.currency;
    let o = &p.organisation;
    let e = &p.environment;
    let t = &p.security_team;
    let c = &p.compliance;
    let r = &p.risk;
    let q = &p.requirements;
    let mut out = Vec::new();
    let mut add = |key: &str, label: &str, text: String| {
        out.push(Fact {
            key: key.to_string(),
            label: label.to_string(),
            text,
            defaulted: p.is_defaulted(key),
        });
    };
    add(
        "organisation.industry",
        "Industry",
        o.industry.label().to_string(),
    );
    add(
        "organisation.employees",
        "Employees",
        thousands(o.employees as f64),
    );
    add(
        "organisation.annual_revenue",
        "Annual revenue",
        o.annual_revenue
            .map_or("not given".to_string(), |v| money(cur, v)),
    );
    add("organisation.currency", "Currency", cur.clone());
    add(
        "organisation.headquarters",
        "Headquarters",
        o.headquarters.clone(),
    );
    add(
        "organisation.operating_regions",
        "Operating regions",
        if o.operating_regions.is_empty() {
            "headquarters only".into()
        } else {
            o.operating_regions.join(", ")
        },
    );
    add(
        "organisation.annual_growth_pct",
        "Growth per year",
        format!("{}%", trim_float(o.annual_growth_pct)),
    );
    add(
        "environment.endpoints",
        "Endpoints",
        thousands(e.endpoints as f64),
    );
    add(
        "environment.servers",
        "Servers",
        thousands(e.servers as f64),
    );
    add(
        "environment.cloud_workloads",
        "Cloud workloads",
        thousands(e.cloud_workloads as f64),
    );
    let estimated = e.endpoints as f64 * v[A::LogGbPerEndpoint]
        + e.servers as f64 * v[A::LogGbPerServer]
        + e.cloud_workloads as f64 * v[A::LogGbPerCloud];
    add(
        "environment.daily_log_volume_gb",
        "Log volume per day",
        match e.daily_log_volume_gb {
            Some(v) => format!("{} GB", trim_float(v)),
            None => say(
                Message::EstimatedVolume,
                &[("volume", &trim_float((estimated * 10.0).round() / 10.0))],
            ),
        },
    );
    add(
        "environment.ot_ics",
        "OT / industrial control systems in scope",
        yes_no(e.ot_ics),
    );
    add("environment.sites", "Sites", thousands(e.sites as f64));
    add(
        "environment.critical_assets",
        "Critical assets",
        if e.critical_assets.is_empty() {
            "none listed".into()
        } else {
            and_list(
                &e.critical_assets
                    .iter()
                    .map(|a| format!("{} ({})", a.name, a.criticality.key()))
                    .collect::<Vec<_>>(),
            )
        },
    );
    add(
        "security_team.analysts",
        "Security staff today",
        and_list(&[
            crate::numbers::count(t.analysts, "analyst", "analysts"),
            crate::numbers::count(t.engineers, "engineer", "engineers"),
            crate::numbers::count(
                t.incident_responders,
                "incident responder",
                "incident responders",
            ),
        ]),
    );
    add(
        "security_team.tools",
        "Tools already owned",
        if t.tools.is_empty() {
            "none".into()
        } else {
            and_list(
                &t.tools
                    .iter()
                    .map(|x| x.label().to_string())
                    .collect::<Vec<_>>(),
            )
        },
    );
    add(
        "security_team.maturity",
        "SOC maturity (0–5)",
        t.maturity.to_string(),
    );
    add(
        "security_team.hiring_market",
        "Hiring market",
        t.hiring_market.key().to_string(),
    );
    add(
        "budget.annual_opex",
        "Operating budget per year",
        money(cur, p.budget.annual_opex),
    );
    add(
        "budget.capex",
        "Build budget (one-off)",
        money(cur, p.budget.capex),
    );
    add(
        "budget.horizon_years",
        "Planning horizon",
        format!("{} years", p.budget.horizon_years),
    );
    add(
        "compliance.frameworks",
        "Regulations and standards",
        if c.frameworks.is_empty() {
            "none".into()
        } else {
            and_list(
                &c.frameworks
                    .iter()
                    .map(|f| f.label().to_string())
                    .collect::<Vec<_>>(),
            )
        },
    );
    add(
        "compliance.data_residency",
        "Data residency",
        c.data_residency.key().to_string(),
    );
    add(
        "compliance.third_party_data_sharing",
        "Third-party data sharing",
        c.third_party_data_sharing.key().to_string(),
    );
    add(
        "compliance.notification_hours",
        "Tightest notification deadline",
        c.notification_hours.map_or("none".into(), hours),
    );
    add(
        "risk.tolerance",
        "Risk tolerance",
        r.tolerance.key().to_string(),
    );
    add(
        "risk.threats",
        "Threats assessed",
        and_list(
            &r.threats
                .iter()
                .map(|x| x.label().to_string())
                .collect::<Vec<_>>(),
        ),
    );
    add(
        "risk.targeted_by_apt",
        "Targeted by APT actors",
        yes_no(r.targeted_by_apt),
    );
    add(
        "risk.incidents_last_24_months",
        "Incidents in the last 24 months",
        r.incidents_last_24_months.to_string(),
    );
    add(
        "requirements.coverage",
        "Coverage required",
        q.coverage.label().to_string(),
    );
    add(
        "requirements.go_live_months",
        "Monitoring live within",
        format!("{} months", q.go_live_months),
    );
    add(
        "requirements.control",
        "Need for control",
        q.control.key().to_string(),
    );
    add(
        "requirements.integration",
        "Need for integration",
        q.integration.key().to_string(),
    );
    add(
        "requirements.scalability",
        "Need to scale",
        q.scalability.key().to_string(),
    );
    // Shares, not the raw numbers: weights scaled all alike are the same
    // weighting, and the assessment must say so identically.
    let given = Consideration::ALL
        .iter()
        .any(|k| !p.is_defaulted(&format!("weights.{}", k.key())));
    let shares = normalised_weights(p);
    out.push(Fact {
        key: "weights".into(),
        label: "Weights (share of the decision)".into(),
        text: if given {
            Consideration::ALL
                .iter()
                .zip(shares)
                .map(|(k, w)| format!("{} {}", k.key(), crate::numbers::percent_1(w)))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            "equal, 12.5% each".into()
        },
        defaulted: !given,
    });
    if let Some(quote) = &p.mssp_quote {
        out.push(Fact {
            key: "mssp_quote".into(),
            label: "Provider quote".into(),
            text: say(
                Message::QuoteFact,
                &[
                    (
                        "provider",
                        quote.provider.as_deref().unwrap_or("unnamed provider"),
                    ),
                    ("fee", &money(cur, quote.annual_fee)),
                    ("onboarding", &money(cur, quote.onboarding_fee)),
                    ("term", &quote.term_years.to_string()),
                ],
            ),
            defaulted: false,
        });
    }
    out
}

/// Every weight as a share of their sum, money's included, as given.
fn normalised_weights(p: &Profile) -> Vec<f64> {
    let raw: Vec<f64> = Consideration::ALL.iter().map(|c| p.weight(*c)).collect();
    let sum: f64 = raw.iter().sum();
    raw.iter()
        .map(|w| if sum > 0.0 { w / sum } else { 1.0 / 8.0 })
        .collect()
}

/// Who the assessment is for, as the report heads it.
pub(crate) fn summary(p: &Profile) -> ProfileSummary {
    ProfileSummary {
        id: p.id.clone(),
        name: p.organisation.name.clone(),
        // The file name only: outputs must not depend on where the input
        // sat on disk (same input, same bytes on every machine).
        source: std::path::Path::new(&p.source)
            .file_name()
            .map_or_else(|| p.source.clone(), |n| n.to_string_lossy().into_owned()),
        industry: p.organisation.industry.key().to_string(),
        industry_label: p.organisation.industry.label().to_string(),
        headquarters: p.organisation.headquarters.clone(),
        currency: p.organisation.currency.clone(),
        date: p.report.date.to_string(),
        prepared_by: p.report.prepared_by.clone(),
        prepared_for: p.report.prepared_for.clone(),
        classification: p.report.classification.clone(),
        language: p.report.language.clone(),
        status: p.report.status.clone(),
        logo: p.report.logo.clone(),
        client_logo: p.report.client_logo.clone(),
        employees: p.organisation.employees,
        frameworks: p
            .compliance
            .frameworks
            .iter()
            .map(|f| f.label().to_string())
            .collect(),
        notification_hours: p.compliance.notification_hours,
        overrides: p.overrides.clone(),
    }
}
