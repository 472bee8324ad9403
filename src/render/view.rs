//! What templates see: the assessment, plus the presentation helpers a
//! template should not have to compute (chart references, ordered rows).
//! Everything here is derived from the assessment; nothing is re-evaluated.

use super::charts::Figure;
use crate::evaluate::assessment::*;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct ChartRef {
    /// Path relative to the report, e.g. `charts/costs.svg`.
    pub path: String,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CostRow {
    pub year: u32,
    /// Per option, in `SocOption::ALL` order: (year total, cumulative).
    pub cells: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeatRow {
    pub likelihood: u8,
    pub label: &'static str,
    pub counts: [u32; 5],
}

#[derive(Debug, Clone, Serialize)]
pub struct ResidualRow {
    pub option: SocOption,
    pub label: &'static str,
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub detection: String,
    pub response: String,
    pub context: String,
}

/// High and critical residual risks of one option, phase by phase.
#[derive(Debug, Clone, Serialize)]
pub struct RiskPhaseRow {
    pub option: SocOption,
    pub label: &'static str,
    pub live_month: f64,
    pub before_go_live: usize,
    pub first_year: usize,
    pub steady_state: usize,
}

/// The RACI rows of one option.
#[derive(Debug, Clone, Serialize)]
pub struct RaciGroup<'a> {
    pub option: SocOption,
    pub label: &'static str,
    pub recommended: bool,
    pub rows: Vec<&'a RaciRow>,
}

/// The SLA checklist's clauses for one agreement.
#[derive(Debug, Clone, Serialize)]
pub struct SlaGroup<'a> {
    pub title: &'static str,
    pub items: Vec<&'a SlaItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionRef {
    pub key: &'static str,
    pub label: &'static str,
    pub short: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportView<'a> {
    pub a: &'a Assessment,
    pub generator: String,
    pub charts: BTreeMap<String, ChartRef>,
    pub options: Vec<OptionRef>,
    pub recommended: Option<&'a OptionProfile>,
    pub top_risks: Vec<&'a Risk>,
    pub cost_rows: Vec<CostRow>,
    pub defaulted: usize,
    pub heat_rows: Vec<HeatRow>,
    pub residual_rows: Vec<ResidualRow>,
    pub risk_phases: Vec<RiskPhaseRow>,
    pub sla_groups: Vec<SlaGroup<'a>>,
    pub raci_groups: Vec<RaciGroup<'a>>,
    pub applied_constraints: Vec<&'a Constraint>,
    /// Switching values that change the recommendation within their range.
    pub switches: Vec<&'a SwitchingValue>,
    /// Need weights no share of which changes the recommendation.
    pub steady_weights: Vec<String>,
    pub overridden: usize,
    /// The options appraisal as rows: money, each need, value and rank.
    pub appraisal_rows: Vec<AppraisalRow>,
    /// The highest-rated risk the recommendation leaves, as the scenarios
    /// table shows it for each scenario.
    pub top_residual_risk: Option<ScenarioRisk>,
}

pub fn report_view<'a>(a: &'a Assessment, figures: &[Figure]) -> ReportView<'a> {
    ReportView {
        a,
        risk_phases: risk_phases(a),
        sla_groups: sla_groups(a),
        raci_groups: raci_groups(a),
        generator: a.generator.clone(),
        charts: charts(figures),
        options: SocOption::ALL
            .iter()
            .map(|o| OptionRef {
                key: o.key(),
                label: o.label(),
                short: o.short(),
            })
            .collect(),
        recommended: a
            .options
            .iter()
            .find(|o| o.option == a.recommendation.option),
        top_risks: a.risks.iter().take(3).collect(),
        cost_rows: cost_rows(a),
        defaulted: a.facts.iter().filter(|f| f.defaulted).count(),
        heat_rows: heat_rows(a),
        residual_rows: residual_rows(a),
        applied_constraints: a
            .recommendation
            .constraints
            .iter()
            .filter(|c| {
                c.rules_out
                    || c.changed_recommendation
                    || c.kind == ConstraintKind::BudgetCannotFund
            })
            .collect(),
        switches: a
            .decision
            .switching_values
            .iter()
            .filter(|s| s.value.is_some())
            .collect(),
        steady_weights: a
            .decision
            .switching_values
            .iter()
            .filter(|s| s.value.is_none() && s.input.starts_with("weights."))
            .map(|s| {
                let key = s.input.trim_start_matches("weights.");
                a.considerations
                    .iter()
                    .find(|c| c.key.key() == key)
                    .map_or(key.to_string(), |c| c.label.to_lowercase())
            })
            .collect(),
        overridden: a.assumptions.iter().filter(|x| x.overridden).count(),
        appraisal_rows: appraisal_rows(a),
        top_residual_risk: crate::evaluate::scenarios::top_risk(a),
    }
}

/// One row of the options-appraisal table.
#[derive(Debug, Clone, Serialize)]
pub struct AppraisalRow {
    pub label: String,
    /// Share of the value, 0-1.
    pub weight: f64,
    /// Per option in `SocOption::ALL` order: the rating 0-4 (money's score
    /// scaled to 4).
    pub ratings: Vec<f64>,
}

/// Money, then each need: the rows of the options-appraisal table.
fn appraisal_rows(a: &Assessment) -> Vec<AppraisalRow> {
    let d = &a.decision;
    let mut rows = vec![AppraisalRow {
        label: "Money (risk-adjusted cost)".to_string(),
        weight: d.money_share,
        ratings: SocOption::ALL
            .iter()
            .map(|o| {
                d.options
                    .get(o)
                    .map_or(0.0, |x| (x.money.score * 400.0).round() / 100.0)
            })
            .collect(),
    }];
    rows.extend(a.considerations.iter().map(|c| {
        AppraisalRow {
            label: c.label.clone(),
            weight: c.weight,
            ratings: SocOption::ALL
                .iter()
                .map(|o| c.ratings.get(o).copied().unwrap_or(0.0))
                .collect(),
        }
    }));
    rows
}

/// The figures by name, as the templates refer to them.
fn charts(figures: &[Figure]) -> BTreeMap<String, ChartRef> {
    figures
        .iter()
        .map(|f| {
            (
                f.name.trim_end_matches(".svg").to_string(),
                ChartRef {
                    path: format!("charts/{}", f.name),
                    title: f.title.clone(),
                    description: f.description.clone(),
                },
            )
        })
        .collect()
}

/// One row per year: each option's cost and cumulative cost.
fn cost_rows(a: &Assessment) -> Vec<CostRow> {
    (0..a.costs.horizon_years as usize)
        .map(|y| CostRow {
            year: y as u32 + 1,
            cells: SocOption::ALL
                .iter()
                .map(|o| {
                    a.costs
                        .options
                        .get(o)
                        .and_then(|c| c.years.get(y))
                        .map_or((0.0, 0.0), |v| (v.total, v.cumulative))
                })
                .collect(),
        })
        .collect()
}

/// The heat map, most likely first.
fn heat_rows(a: &Assessment) -> Vec<HeatRow> {
    let labels = ["Very low", "Low", "Moderate", "High", "Very high"];
    (1..=5u8)
        .rev()
        .map(|l| HeatRow {
            likelihood: l,
            label: labels[usize::from(l) - 1],
            counts: a.heat_map.counts[usize::from(l) - 1],
        })
        .collect()
}

/// How many risks each option leaves in each band.
fn residual_rows(a: &Assessment) -> Vec<ResidualRow> {
    SocOption::ALL
        .iter()
        .map(|o| {
            let residuals: Vec<&Residual> = a
                .risks
                .iter()
                .filter_map(|r| r.residual.get(o))
                .filter(|r| r.applies)
                .collect();
            let count = |band: &str| residuals.iter().filter(|r| r.band == band).count();
            let first = a
                .risks
                .iter()
                .filter(|r| r.kind == RiskKind::Threat)
                .filter_map(|r| r.residual.get(o))
                .next();
            ResidualRow {
                option: *o,
                label: o.short(),
                critical: count("critical"),
                high: count("high"),
                medium: count("medium"),
                low: count("low"),
                detection: first.map(|r| r.detection.clone()).unwrap_or_default(),
                response: first.map(|r| r.response.clone()).unwrap_or_default(),
                context: first.map(|r| r.context.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// Serious risks per option before go-live, in the first year and after.
fn risk_phases(a: &Assessment) -> Vec<RiskPhaseRow> {
    SocOption::ALL
        .iter()
        .map(|o| {
            let phases: Vec<&PhasedRating> = a
                .risks
                .iter()
                .filter_map(|r| r.residual.get(o))
                .map(|r| &r.phases)
                .collect();
            let serious = |f: fn(&PhasedRating) -> u8| phases.iter().filter(|p| f(p) >= 10).count();
            RiskPhaseRow {
                option: *o,
                label: o.short(),
                live_month: a
                    .options
                    .iter()
                    .find(|x| x.option == *o)
                    .map_or(0.0, |x| x.monitoring_live_month),
                before_go_live: serious(|p| p.before_go_live),
                first_year: serious(|p| p.first_year),
                steady_state: serious(|p| p.steady_state),
            }
        })
        .collect()
}

/// The SLA checklist, grouped by the agreement that carries each clause.
fn sla_groups<'a>(a: &'a Assessment) -> Vec<SlaGroup<'a>> {
    [
        ("provider", "Provider contract"),
        ("internal", "Internal service agreement"),
        ("vendors", "Security tool vendors' contracts"),
    ]
    .into_iter()
    .map(|(key, title)| SlaGroup {
        title,
        items: a.sla.iter().filter(|s| s.agreement == key).collect(),
    })
    .filter(|g| !g.items.is_empty())
    .collect()
}

/// Who does what under each option, the recommended option's table first.
fn raci_groups<'a>(a: &'a Assessment) -> Vec<RaciGroup<'a>> {
    let mut raci_groups: Vec<RaciGroup<'a>> = SocOption::ALL
        .iter()
        .map(|o| RaciGroup {
            option: *o,
            label: o.label(),
            recommended: *o == a.recommendation.option,
            rows: a.raci.iter().filter(|r| r.option == *o).collect(),
        })
        .collect();
    raci_groups.sort_by_key(|g| !g.recommended);
    raci_groups
}
