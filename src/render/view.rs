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
    pub applied_constraints: Vec<&'a Constraint>,
    pub weight_flips: Vec<&'a WeightFlip>,
    pub steady_weights: Vec<String>,
    pub overridden: usize,
}

pub fn report_view<'a>(a: &'a Assessment, figures: &[Figure]) -> ReportView<'a> {
    let charts = figures
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
        .collect();
    let cost_rows = (0..a.costs.horizon_years as usize)
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
        .collect();
    let labels = ["Very low", "Low", "Moderate", "High", "Very high"];
    let heat_rows = (1..=5u8)
        .rev()
        .map(|l| HeatRow {
            likelihood: l,
            label: labels[usize::from(l) - 1],
            counts: a.heat_map.counts[usize::from(l) - 1],
        })
        .collect();
    let residual_rows = SocOption::ALL
        .iter()
        .map(|o| {
            let residuals: Vec<&Residual> =
                a.risks.iter().filter_map(|r| r.residual.get(o)).collect();
            let count = |band: &str| residuals.iter().filter(|r| r.band == band).count();
            let first = residuals.first();
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
        .collect();
    ReportView {
        a,
        generator: a.generator.clone(),
        charts,
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
        cost_rows,
        defaulted: a.facts.iter().filter(|f| f.defaulted).count(),
        heat_rows,
        residual_rows,
        applied_constraints: a
            .recommendation
            .constraints
            .iter()
            .filter(|c| c.changed_recommendation || c.kind == ConstraintKind::BudgetCannotFund)
            .collect(),
        weight_flips: a
            .sensitivity
            .weights
            .iter()
            .filter(|w| w.flips_at_share.is_some())
            .collect(),
        steady_weights: a
            .sensitivity
            .weights
            .iter()
            .filter(|w| w.flips_at_share.is_none())
            .map(|w| w.consideration.label().to_lowercase())
            .collect(),
        overridden: a.assumptions.iter().filter(|x| x.overridden).count(),
    }
}
