//! What templates see: the assessment, plus the presentation helpers a
//! template should not have to compute (chart references, ordered rows).
//! Everything here is derived from the assessment; nothing is re-evaluated.

use super::charts::Figure;
use crate::evaluate::assessment::*;
use crate::evaluate::messages::Message;
use crate::numbers::{self, MoneyScale};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChartRef {
    /// Path relative to the report, e.g. `charts/costs.svg`.
    pub path: String,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct CostRow {
    pub year: u32,
    /// Per option, in `SocOption::ALL` order: (year total, cumulative).
    pub cells: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct HeatRow {
    pub likelihood: u8,
    pub label: &'static str,
    pub counts: [u32; 5],
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ResidualRow {
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
pub(crate) struct RiskPhaseRow {
    pub option: SocOption,
    pub label: &'static str,
    pub live_month: f64,
    pub before_go_live: usize,
    pub first_year: usize,
    pub steady_state: usize,
}

/// The RACI rows of one option.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RaciGroup<'a> {
    pub option: SocOption,
    pub label: &'static str,
    pub recommended: bool,
    pub rows: Vec<&'a RaciRow>,
}

/// The SLA checklist's clauses for one agreement.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SlaGroup<'a> {
    pub title: &'static str,
    pub items: Vec<&'a SlaItem>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct OptionRef {
    pub key: &'static str,
    pub label: &'static str,
    pub short: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportView<'a> {
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
    /// The report's money tables, formatted a column at a time.
    pub money: MoneyTables<'a>,
}

pub(crate) fn report_view<'a>(a: &'a Assessment, figures: &[Figure]) -> ReportView<'a> {
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
        money: money_tables(a),
    }
}

/// One row of the options-appraisal table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AppraisalRow {
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
        label: Message::MoneyRiskAdjusted.template().to_string(),
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
    let labels = Message::LEVELS.map(Message::template);
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
            let count = |band: Band| residuals.iter().filter(|r| r.band == band).count();
            let first = a
                .risks
                .iter()
                .filter(|r| r.kind == RiskKind::Threat)
                .filter_map(|r| r.residual.get(o))
                .next();
            ResidualRow {
                option: *o,
                label: o.short(),
                critical: count(Band::Critical),
                high: count(Band::High),
                medium: count(Band::Medium),
                low: count(Band::Low),
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
        (Agreement::Provider, Message::ProviderContract),
        (Agreement::Internal, Message::InternalServiceAgreement),
        (Agreement::Vendors, Message::VendorContracts),
    ]
    .into_iter()
    .map(|(key, title)| SlaGroup {
        title: title.template(),
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

/// The money tables as a reader sees them. Each money column is formatted
/// whole, in one scale named in its header (`GBP m`), never cell by cell:
/// a cell-by-cell format puts `GBP 2.5 million` above `GBP 840,774`.
/// Columns that are compared or added up (P10 beside P90, staff beside
/// the total) share one scale. Modelled amounts show three significant
/// figures, which is all the simulation's ranges support.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MoneyTables<'a> {
    pub totals: TotalsTable,
    pub years: YearsTable,
    pub budget: BudgetTable,
    /// Each option's cost by line and year and item by item.
    pub breakdowns: Vec<Breakdown<'a>>,
    /// The unit of every breakdown's yearly table.
    pub breakdown_unit: String,
    /// The unit of every breakdown's item table.
    pub items_unit: String,
    /// Cost lines every option defines the same way: stated once.
    pub shared_lines: Vec<&'a CostLine>,
    pub loss: LossTable,
    pub scenarios: ScenarioTable,
}

/// Each option's likely total and range over the horizon.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TotalsTable {
    /// The unit of the likely total and the percentiles: `GBP m`.
    pub unit: String,
    /// The unit of the yearly shortfall column.
    pub short_unit: String,
    /// Whether any option is short of the operating budget.
    pub any_short: bool,
    pub rows: Vec<TotalsRow>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct TotalsRow {
    pub key: &'static str,
    pub label: &'static str,
    pub short: &'static str,
    pub likely: String,
    pub p10: String,
    pub p50: String,
    pub p90: String,
    /// `P10–P90`.
    pub range: String,
    /// The likely total against the cheapest allowed option: `1.16×`.
    pub against_cheapest: String,
    /// How much more operating budget a year the option needs (the
    /// median of the draws); empty when it fits.
    pub short_a_year: String,
}

/// Cost per year and cumulative cost, one row per year.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct YearsTable {
    pub unit: String,
    pub rows: Vec<YearsRow>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct YearsRow {
    pub year: u32,
    /// Per option, in `SocOption::ALL` order: (year total, cumulative).
    pub cells: Vec<(String, String)>,
}

/// The budget check pivoted: one row per year, one column per option,
/// each cell what is left of the operating budget (negative when short).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BudgetTable {
    pub unit: String,
    pub rows: Vec<BudgetRow>,
    /// Per option: one-off costs paid from the capital budget over the
    /// horizon, with the currency (prose beside the table).
    pub from_capital: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct BudgetRow {
    pub year: u32,
    pub cells: Vec<BudgetCell>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct BudgetCell {
    pub headroom: String,
    pub fits: bool,
}

/// One option's cost by line and year, then item by item.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Breakdown<'a> {
    pub key: &'static str,
    pub label: &'static str,
    pub years: Vec<BreakdownYear>,
    pub items: Vec<BreakdownItem<'a>>,
    /// The lines this option defines its own way.
    pub lines: Vec<&'a CostLine>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct BreakdownYear {
    pub year: u32,
    pub staff: String,
    pub technology: String,
    pub provider: String,
    pub services: String,
    pub one_off: String,
    pub total: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct BreakdownItem<'a> {
    pub label: &'a str,
    pub total: String,
    pub basis: &'a str,
}

/// Expected yearly loss: the status quo, then each option.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LossTable {
    pub unit: String,
    pub status_quo: LossRow,
    pub rows: Vec<LossRow>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct LossRow {
    pub label: &'static str,
    /// Steady state, `P10–P90`.
    pub range: String,
    pub median: String,
    pub first_year: String,
    /// Empty for the status quo.
    pub avoided: String,
    pub avoided_per_cost: String,
}

/// Each scenario's median total per option.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ScenarioTable {
    pub unit: String,
    pub as_profiled: Vec<String>,
    pub rows: Vec<ScenarioRow>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ScenarioRow {
    pub name: String,
    pub cells: Vec<String>,
}

fn money_tables(a: &Assessment) -> MoneyTables<'_> {
    let costs: Vec<(SocOption, &OptionCosts)> = SocOption::ALL
        .iter()
        .filter_map(|o| a.costs.options.get(o).map(|c| (*o, c)))
        .collect();
    let (breakdowns, breakdown_unit, items_unit) = breakdowns(a, &costs);
    MoneyTables {
        totals: totals_table(a, &costs),
        years: years_table(a, &costs),
        budget: budget_table(a, &costs),
        breakdowns,
        breakdown_unit,
        items_unit,
        shared_lines: shared_lines(&costs),
        loss: loss_table(a),
        scenarios: scenario_table(a),
    }
}

fn totals_table(a: &Assessment, costs: &[(SocOption, &OptionCosts)]) -> TotalsTable {
    let cur = a.costs.currency.as_str();
    let scale = MoneyScale::for_amounts(
        costs
            .iter()
            .flat_map(|(_, c)| [c.total, c.range.p10, c.range.p50, c.range.p90]),
    );
    let shortfall = |o: &SocOption| {
        a.decision
            .options
            .get(o)
            .filter(|x| !x.fits_budget)
            .map(|x| (x.opex_needed - a.costs.annual_opex).max(0.0))
    };
    let short_scale = MoneyScale::for_amounts(costs.iter().filter_map(|(o, _)| shortfall(o)));
    TotalsTable {
        unit: scale.unit(cur),
        short_unit: short_scale.unit(cur),
        any_short: costs.iter().any(|(o, _)| shortfall(o).is_some()),
        rows: costs
            .iter()
            .map(|(o, c)| TotalsRow {
                key: o.key(),
                label: o.label(),
                short: o.short(),
                likely: scale.cell(c.total),
                p10: scale.cell(c.range.p10),
                p50: scale.cell(c.range.p50),
                p90: scale.cell(c.range.p90),
                range: numbers::range(&scale.cell(c.range.p10), &scale.cell(c.range.p90)),
                against_cheapest: numbers::times(c.relative_to_cheapest),
                short_a_year: shortfall(o).map_or_else(String::new, |x| short_scale.cell(x)),
            })
            .collect(),
    }
}

fn years_table(a: &Assessment, costs: &[(SocOption, &OptionCosts)]) -> YearsTable {
    let scale = MoneyScale::for_amounts(
        costs
            .iter()
            .flat_map(|(_, c)| c.years.iter().flat_map(|y| [y.total, y.cumulative])),
    );
    YearsTable {
        unit: scale.unit(&a.costs.currency),
        rows: (0..a.costs.horizon_years as usize)
            .map(|y| YearsRow {
                year: y as u32 + 1,
                cells: costs
                    .iter()
                    .map(|(_, c)| {
                        c.years.get(y).map_or_else(
                            || (String::new(), String::new()),
                            |v| (scale.cell(v.total), scale.cell(v.cumulative)),
                        )
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn budget_table(a: &Assessment, costs: &[(SocOption, &OptionCosts)]) -> BudgetTable {
    let cur = a.costs.currency.as_str();
    let scale = MoneyScale::for_amounts(
        costs
            .iter()
            .flat_map(|(_, c)| c.budget_years.iter().map(|b| b.headroom)),
    );
    BudgetTable {
        unit: scale.unit(cur),
        rows: (0..a.costs.horizon_years as usize)
            .map(|y| BudgetRow {
                year: y as u32 + 1,
                cells: costs
                    .iter()
                    .map(|(_, c)| {
                        c.budget_years.get(y).map_or_else(
                            || BudgetCell {
                                headroom: String::new(),
                                fits: true,
                            },
                            |b| BudgetCell {
                                headroom: scale.cell(b.headroom),
                                fits: b.fits,
                            },
                        )
                    })
                    .collect(),
            })
            .collect(),
        from_capital: costs
            .iter()
            .map(|(_, c)| {
                numbers::money_short(cur, c.budget_years.iter().map(|b| b.from_capex).sum())
            })
            .collect(),
    }
}

/// The cost lines whose definition is word for word the same in every
/// option, in the order the first option lists them.
fn shared_lines<'a>(costs: &[(SocOption, &'a OptionCosts)]) -> Vec<&'a CostLine> {
    let Some((_, first)) = costs.first() else {
        return Vec::new();
    };
    first
        .lines
        .iter()
        .filter(|line| costs.iter().all(|(_, c)| c.lines.contains(line)))
        .collect()
}

fn breakdowns<'a>(
    a: &'a Assessment,
    costs: &[(SocOption, &'a OptionCosts)],
) -> (Vec<Breakdown<'a>>, String, String) {
    let cur = a.costs.currency.as_str();
    // One scale for all three options' tables, so they compare at a glance.
    let year_scale = MoneyScale::for_amounts(costs.iter().flat_map(|(_, c)| {
        c.years.iter().flat_map(|y| {
            [
                y.staff,
                y.technology,
                y.provider,
                y.services,
                y.one_off,
                y.total,
            ]
        })
    }));
    let item_scale = MoneyScale::for_amounts(
        costs
            .iter()
            .flat_map(|(_, c)| c.items.iter().map(|i| i.total)),
    );
    let shared = shared_lines(costs);
    let tables = costs
        .iter()
        .map(|(o, c)| Breakdown {
            key: o.key(),
            label: o.label(),
            years: c
                .years
                .iter()
                .map(|y| BreakdownYear {
                    year: y.year,
                    staff: year_scale.cell(y.staff),
                    technology: year_scale.cell(y.technology),
                    provider: year_scale.cell(y.provider),
                    services: year_scale.cell(y.services),
                    one_off: year_scale.cell(y.one_off),
                    total: year_scale.cell(y.total),
                })
                .collect(),
            items: c
                .items
                .iter()
                .map(|i| BreakdownItem {
                    label: &i.label,
                    total: item_scale.cell(i.total),
                    basis: &i.basis,
                })
                .collect(),
            lines: c.lines.iter().filter(|l| !shared.contains(l)).collect(),
        })
        .collect();
    (tables, year_scale.unit(cur), item_scale.unit(cur))
}

fn loss_table(a: &Assessment) -> LossTable {
    let loss = &a.expected_loss;
    let cur = loss.currency.as_str();
    let options: Vec<(SocOption, &OptionLoss)> = SocOption::ALL
        .iter()
        .filter_map(|o| loss.options.get(o).map(|x| (*o, x)))
        .collect();
    let scale = MoneyScale::for_amounts(
        [
            loss.status_quo.p10,
            loss.status_quo.p50,
            loss.status_quo.p90,
        ]
        .into_iter()
        .chain(options.iter().flat_map(|(_, x)| {
            [
                x.steady_state.p10,
                x.steady_state.p50,
                x.steady_state.p90,
                x.first_year.p50,
                x.reduction,
            ]
        })),
    );
    let range = |r: &LossRange| numbers::range(&scale.cell(r.p10), &scale.cell(r.p90));
    LossTable {
        unit: scale.unit(cur),
        status_quo: LossRow {
            label: Message::StatusQuo.template(),
            range: range(&loss.status_quo),
            median: scale.cell(loss.status_quo.p50),
            first_year: scale.cell(loss.status_quo.p50),
            avoided: String::new(),
            avoided_per_cost: String::new(),
        },
        rows: options
            .iter()
            .map(|(o, x)| LossRow {
                label: o.label(),
                range: range(&x.steady_state),
                median: scale.cell(x.steady_state.p50),
                first_year: scale.cell(x.first_year.p50),
                avoided: scale.cell(x.reduction),
                avoided_per_cost: numbers::decimal(x.reduction_per_cost),
            })
            .collect(),
    }
}

fn scenario_table(a: &Assessment) -> ScenarioTable {
    let profiled: Vec<f64> = SocOption::ALL
        .iter()
        .map(|o| a.costs.options.get(o).map_or(0.0, |c| c.range.p50))
        .collect();
    let scenarios: Vec<(String, Vec<f64>)> = a
        .scenarios
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                SocOption::ALL
                    .iter()
                    .map(|o| s.costs.get(o).map_or(0.0, |c| c.p50))
                    .collect(),
            )
        })
        .collect();
    let scale = MoneyScale::for_amounts(
        profiled
            .iter()
            .chain(scenarios.iter().flat_map(|(_, v)| v.iter()))
            .copied(),
    );
    ScenarioTable {
        unit: scale.unit(&a.costs.currency),
        as_profiled: profiled.iter().map(|x| scale.cell(*x)).collect(),
        rows: scenarios
            .into_iter()
            .map(|(name, v)| ScenarioRow {
                name,
                cells: v.iter().map(|x| scale.cell(*x)).collect(),
            })
            .collect(),
    }
}
