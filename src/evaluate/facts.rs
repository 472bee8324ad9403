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
        Message::FactIndustry.template(),
        o.industry.label().to_string(),
    );
    add(
        "organisation.employees",
        Message::FactEmployees.template(),
        thousands(o.employees as f64),
    );
    add(
        "organisation.annual_revenue",
        Message::FactAnnualRevenue.template(),
        o.annual_revenue
            .map_or(Message::NotGiven.template().to_string(), |v| money(cur, v)),
    );
    add(
        "organisation.currency",
        Message::FactCurrency.template(),
        cur.clone(),
    );
    add(
        "organisation.headquarters",
        Message::FactHeadquarters.template(),
        o.headquarters.clone(),
    );
    add(
        "organisation.operating_regions",
        Message::FactOperatingRegions.template(),
        if o.operating_regions.is_empty() {
            Message::HeadquartersOnly.template().into()
        } else {
            o.operating_regions.join(", ")
        },
    );
    add(
        "organisation.annual_growth_pct",
        Message::FactGrowthPerYear.template(),
        format!("{}%", trim_float(o.annual_growth_pct)),
    );
    add(
        "environment.endpoints",
        Message::FactEndpoints.template(),
        thousands(e.endpoints as f64),
    );
    add(
        "environment.servers",
        Message::FactServers.template(),
        thousands(e.servers as f64),
    );
    add(
        "environment.cloud_workloads",
        Message::FactCloudWorkloads.template(),
        thousands(e.cloud_workloads as f64),
    );
    let estimated = e.endpoints as f64 * v[A::LogGbPerEndpoint]
        + e.servers as f64 * v[A::LogGbPerServer]
        + e.cloud_workloads as f64 * v[A::LogGbPerCloud];
    add(
        "environment.daily_log_volume_gb",
        Message::FactLogVolumePerDay.template(),
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
        Message::FactOtIcsInScope.template(),
        yes_no(e.ot_ics),
    );
    add(
        "environment.sites",
        Message::FactSites.template(),
        thousands(e.sites as f64),
    );
    add(
        "environment.critical_assets",
        Message::FactCriticalAssets.template(),
        if e.critical_assets.is_empty() {
            Message::NoneListed.template().into()
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
        Message::FactSecurityStaffToday.template(),
        and_list(&[
            crate::numbers::count(
                t.analysts,
                Message::Analyst.template(),
                Message::Analysts.template(),
            ),
            crate::numbers::count(
                t.engineers,
                Message::Engineer.template(),
                Message::Engineers.template(),
            ),
            crate::numbers::count(
                t.incident_responders,
                Message::IncidentResponder.template(),
                Message::IncidentResponders.template(),
            ),
        ]),
    );
    add(
        "security_team.tools",
        Message::FactToolsAlreadyOwned.template(),
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
        Message::FactSocMaturity.template(),
        t.maturity.to_string(),
    );
    add(
        "security_team.hiring_market",
        Message::FactHiringMarket.template(),
        t.hiring_market.key().to_string(),
    );
    add(
        "budget.annual_opex",
        Message::FactOperatingBudgetPerYear.template(),
        money(cur, p.budget.annual_opex),
    );
    add(
        "budget.capex",
        Message::FactBuildBudget.template(),
        money(cur, p.budget.capex),
    );
    add(
        "budget.horizon_years",
        Message::FactPlanningHorizon.template(),
        format!("{} years", p.budget.horizon_years),
    );
    add(
        "compliance.frameworks",
        Message::FactRegulationsAndStandards.template(),
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
        Message::FactDataResidency.template(),
        c.data_residency.key().to_string(),
    );
    add(
        "compliance.third_party_data_sharing",
        Message::FactThirdPartyDataSharing.template(),
        c.third_party_data_sharing.key().to_string(),
    );
    add(
        "compliance.notification_hours",
        Message::FactTightestNotificationDeadline.template(),
        c.notification_hours.map_or("none".into(), hours),
    );
    add(
        "risk.tolerance",
        Message::FactRiskTolerance.template(),
        r.tolerance.key().to_string(),
    );
    add(
        "risk.threats",
        Message::FactThreatsAssessed.template(),
        and_list(
            &r.threats
                .iter()
                .map(|x| x.label().to_string())
                .collect::<Vec<_>>(),
        ),
    );
    add(
        "risk.targeted_by_apt",
        Message::FactTargetedByApt.template(),
        yes_no(r.targeted_by_apt),
    );
    add(
        "risk.incidents_last_24_months",
        Message::FactIncidentsLast24Months.template(),
        r.incidents_last_24_months.to_string(),
    );
    add(
        "requirements.coverage",
        Message::FactCoverageRequired.template(),
        q.coverage.label().to_string(),
    );
    add(
        "requirements.go_live_months",
        Message::FactMonitoringLiveWithin.template(),
        format!("{} months", q.go_live_months),
    );
    add(
        "requirements.control",
        Message::FactNeedForControl.template(),
        q.control.key().to_string(),
    );
    add(
        "requirements.integration",
        Message::FactNeedForIntegration.template(),
        q.integration.key().to_string(),
    );
    add(
        "requirements.scalability",
        Message::FactNeedToScale.template(),
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
        label: Message::FactWeights.template().into(),
        text: if given {
            Consideration::ALL
                .iter()
                .zip(shares)
                .map(|(k, w)| format!("{} {}", k.key(), crate::numbers::percent_1(w)))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            Message::EqualWeights.template().into()
        },
        defaulted: !given,
    });
    if let Some(quote) = &p.mssp_quote {
        out.push(Fact {
            key: "mssp_quote".into(),
            label: Message::FactProviderQuote.template().into(),
            text: say(
                Message::QuoteFact,
                &[
                    (
                        "provider",
                        quote
                            .provider
                            .as_deref()
                            .unwrap_or(Message::UnnamedProvider.template()),
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
