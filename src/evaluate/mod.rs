//! Evaluate: a validated profile in, an [`Assessment`] out.
//!
//! A pure function: no I/O, no clock, no randomness that is not seeded from
//! the profile. Every number carries where it came from: a profile value, an
//! assumption from the catalogue (with its source), or a computation over
//! named inputs. Nothing here formats for a particular output; texts are
//! plain words that renderers escape.
//!
//! The stages, each its own module: [`params`] resolves the assumptions,
//! [`costs`] and [`staffing`] price the three options, [`considerations`]
//! scores the eight considerations, [`decision`] weighs them and applies the
//! hard constraints, [`sensitivity`] finds what would change the result, and
//! [`risk`], [`objectives`], [`sla`] and [`roadmap`] describe what to do.

pub mod assessment;
pub mod considerations;
pub mod costs;
pub mod decision;
pub mod facts;
pub mod objectives;
pub mod options;
pub mod params;
pub mod risk;
pub mod roadmap;
pub mod sensitivity;
pub mod sla;
pub mod staffing;
pub mod words;

pub use assessment::{Assessment, SocOption};

use crate::profile::model::Coverage;
use crate::profile::Profile;
use assessment::*;
use decision::{round_to, Core};
use params::Params;
use staffing::TeamPlan;
use words::{money_short, percent};

/// Evaluate one profile.
pub fn evaluate(profile: &Profile) -> Assessment {
    let (params, assumption_uses) = Params::resolve(profile);
    let core = decision::core(profile, &params);
    let option = core.option;
    let score_option = decision::band(core.score, &params);
    let robustness = decision::robustness(profile, &params, &core);
    let margin = decision::margin(core.score, &params, &core.feasibility);
    let m = margin.unwrap_or(f64::INFINITY);
    let confidence = if robustness >= 0.9 && m >= 0.25 {
        Confidence::High
    } else if robustness < 0.7 || m < 0.1 {
        Confidence::Low
    } else {
        Confidence::Medium
    };

    let mut constraints = core.feasibility.constraints.clone();
    if score_option != option {
        for c in &mut constraints {
            if c.option == Some(score_option)
                && matches!(
                    c.kind,
                    ConstraintKind::SharingProhibited | ConstraintKind::OverBudget
                )
            {
                c.changed_recommendation = true;
            }
        }
    }
    let bridge = (option == SocOption::InHouse)
        .then_some(core.costs.bridge)
        .flatten()
        .map(|(plan, cost)| Bridge {
            provider_from_month: plan.from_month,
            until_month: plan.until_month,
            cost,
            text: format!(
                "A managed provider monitors from month {} until the in-house SOC is operational in month {}, for about {}",
                costs::trim_float(plan.from_month),
                costs::trim_float(plan.until_month),
                money_short(&profile.organisation.currency, cost)
            ),
        });
    let live = decision::monitoring_month(profile, &params, option);
    let complete = decision::complete_month(&params, option);
    let reasons = reasons(&core, &constraints);
    let option_costs = core.costs.options.get(&option);
    let decision_text = decision_text(
        profile,
        option,
        option_costs,
        live,
        bridge.as_ref(),
        &constraints,
    );
    let level = match confidence {
        Confidence::High => "High",
        Confidence::Medium => "Medium",
        Confidence::Low => "Low",
    };
    let confidence_text = match margin {
        Some(m) => format!(
            "{level} confidence: the score of {} is {m:.2} from the nearest threshold that would change the recommendation, and the recommendation holds in {} of plausible weightings",
            words::signed_2(core.score),
            percent(robustness)
        ),
        None => format!(
            "{level} confidence: hard constraints rule out the other options whatever the score, and the recommendation holds in {} of plausible weightings",
            percent(robustness)
        ),
    };

    let considerations = core
        .scored
        .iter()
        .map(|s| {
            let share = core
                .shares
                .iter()
                .find(|(c, _)| *c == s.key)
                .map_or(0.0, |(_, w)| *w);
            ConsiderationScore {
                key: s.key,
                label: s.key.label().to_string(),
                score: round_to(s.score, 1e3),
                weight: round_to(share, 1e4),
                pull: round_to(share * s.score, 1e3),
                rationale: s.rationale.clone(),
                inputs: s.inputs.iter().map(|i| i.to_string()).collect(),
            }
        })
        .collect();

    let (risks, heat_map) = risk::assess_all(profile);
    let objectives = objectives::objectives(profile, option, live, complete);
    let sla = sla::checklist(profile, option);
    let roadmap = roadmap::roadmap(
        profile,
        &params,
        option,
        core.costs
            .bridge
            .map(|b| b.0)
            .filter(|_| option == SocOption::InHouse),
    );
    let sensitivity = Sensitivity {
        weights: sensitivity::weights(&params, &core),
        inputs: sensitivity::inputs(profile, &params, &core),
    };
    let options = options::option_profiles(profile, &params, &core);
    let staffing = staffing_section(profile, &params, &core);
    let total = |o: SocOption| core.costs.options.get(&o).map_or(0.0, |c| c.total);
    let cheapest = SocOption::ALL
        .into_iter()
        .min_by(|a, b| total(*a).total_cmp(&total(*b)))
        .unwrap_or(SocOption::Outsourced);
    let mut notes = vec![
        "Today's prices: no inflation is applied; costs that scale with the estate grow with it.".to_string(),
        "Tools already owned are not bought again; their running costs are outside this comparison.".to_string(),
    ];
    if let Some(q) = &profile.mssp_quote {
        notes.push(format!(
            "Provider fees use the quote from {} instead of the model's price.",
            q.provider.as_deref().unwrap_or("the provider")
        ));
    }

    Assessment {
        schema_version: SCHEMA_VERSION,
        generator: format!("socsource {}", env!("CARGO_PKG_VERSION")),
        profile: summary(profile),
        facts: facts::facts(profile, &params),
        recommendation: Recommendation {
            option,
            label: option.label().to_string(),
            score: round_to(core.score, 1e3),
            score_option,
            confidence,
            robustness,
            margin,
            thresholds: Thresholds {
                in_house: params.threshold_in_house,
                outsourced: params.threshold_outsourced,
            },
            constraints,
            reasons,
            decision: decision_text,
            monitoring_live_month: live,
            complete_month: complete,
            bridge,
            confidence_text,
        },
        considerations,
        options,
        costs: Costs {
            currency: profile.organisation.currency.clone(),
            horizon_years: profile.budget.horizon_years,
            annual_opex: profile.budget.annual_opex,
            capex: profile.budget.capex,
            available: profile.budget.annual_opex * f64::from(profile.budget.horizon_years)
                + profile.budget.capex,
            options: core.costs.options.clone(),
            cheapest,
            quote: profile.mssp_quote.as_ref().map(|q| {
                q.provider
                    .clone()
                    .unwrap_or_else(|| "provider quote".into())
            }),
            notes,
        },
        staffing,
        risks,
        heat_map,
        objectives,
        sla_scope: sla::scope(option),
        sla,
        roadmap,
        sensitivity,
        assumptions: assumption_uses
            .into_iter()
            .map(|mut a| {
                a.value = round_to(a.value, if a.value.abs() >= 100.0 { 1.0 } else { 1e4 });
                a
            })
            .collect(),
    }
}

fn summary(p: &Profile) -> ProfileSummary {
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
        employees: p.organisation.employees,
        frameworks: p
            .compliance
            .frameworks
            .iter()
            .map(|f| f.label().to_string())
            .collect(),
        notification_hours: p.compliance.notification_hours,
    }
}

/// The three to five drivers of the recommendation: constraints that moved
/// it, then the considerations that pulled hardest its way (for a hybrid,
/// the strongest pulls on both sides, which is why it lands in between).
fn reasons(core: &Core, constraints: &[Constraint]) -> Vec<Reason> {
    let mut out: Vec<Reason> = constraints
        .iter()
        .filter(|c| c.changed_recommendation || c.kind == ConstraintKind::BudgetCannotFund)
        .map(|c| Reason {
            consideration: None,
            text: c.reason.clone(),
            pull: 0.0,
            inputs: Vec::new(),
        })
        .take(2)
        .collect();
    let mut pulls: Vec<(f64, &considerations::Scored)> = core
        .scored
        .iter()
        .map(|s| {
            let w = core
                .shares
                .iter()
                .find(|(c, _)| *c == s.key)
                .map_or(0.0, |(_, w)| *w);
            (w * s.score, s)
        })
        .collect();
    let direction = match core.option {
        SocOption::InHouse => 1.0,
        SocOption::Outsourced => -1.0,
        SocOption::Hybrid => 0.0,
    };
    if direction == 0.0 {
        pulls.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    } else {
        pulls.sort_by(|a, b| (b.0 * direction).total_cmp(&(a.0 * direction)));
    }
    for (pull, s) in pulls {
        if out.len() >= 5 || (out.len() >= 3 && direction * pull <= 0.0) {
            break;
        }
        if pull.abs() < 1e-9 && out.len() >= 3 {
            break;
        }
        out.push(Reason {
            consideration: Some(s.key),
            text: s.rationale.clone(),
            pull: round_to(pull, 1e3),
            inputs: s.inputs.iter().map(|i| i.to_string()).collect(),
        });
    }
    out
}

fn decision_text(
    profile: &Profile,
    option: SocOption,
    costs: Option<&OptionCosts>,
    live: f64,
    bridge: Option<&Bridge>,
    constraints: &[Constraint],
) -> String {
    let cur = &profile.organisation.currency;
    let years = profile.budget.horizon_years;
    let total = costs.map_or(0.0, |c| c.total);
    let what = match option {
        SocOption::InHouse => "build an in-house Security Operations Center",
        SocOption::Outsourced => "outsource security monitoring and response to a managed provider (MSSP/MDR)",
        SocOption::Hybrid => "run a hybrid SOC: a managed provider for 24/7 monitoring, an internal team for response and detection engineering",
    };
    let mut text = format!(
        "Approve the decision to {what}, budgeting {} over {years} years, with monitoring live by month {}",
        money_short(cur, total),
        costs::trim_float(live)
    );
    if let Some(b) = bridge {
        text.push_str(&format!(
            " through a provider bridge until the in-house SOC takes over in month {}",
            costs::trim_float(b.until_month)
        ));
    }
    text.push('.');
    if let Some(c) = constraints
        .iter()
        .find(|c| c.kind == ConstraintKind::BudgetCannotFund)
    {
        let _ = c;
        let available = profile.budget.annual_opex * f64::from(years) + profile.budget.capex;
        text.push_str(&format!(
            " The board must also raise the budget by {} or accept less than the required coverage.",
            money_short(cur, (total - available).max(0.0))
        ));
    }
    text
}

fn team(params: &Params, plan: &TeamPlan, shift_work: bool, existing: u64, hours: &str) -> Team {
    let roles: Vec<RoleFte> = plan
        .roles(params)
        .iter()
        .enumerate()
        .filter(|(_, (_, fte, _))| *fte > 0.0)
        .map(|(i, (role, fte, salary))| {
            let premium = if shift_work && i < 2 {
                params.shift_premium_pct / 100.0 * salary * params.benefits
            } else {
                0.0
            };
            RoleFte {
                role: role.to_string(),
                fte: *fte,
                base_salary: salary.round(),
                loaded_cost: (params.loaded(*salary) + premium).round(),
            }
        })
        .collect();
    let total = plan.total();
    Team {
        roles,
        total_fte: total,
        existing_staff: existing,
        to_hire: (total - existing as f64).max(0.0),
        hours: hours.to_string(),
    }
}

fn staffing_section(profile: &Profile, params: &Params, core: &Core) -> Staffing {
    let coverage = profile.requirements.coverage;
    let est = costs::estate(profile, params, 1);
    let seats = staffing::seats(params, est.assets());
    let hours = staffing::staffed_hours(coverage);
    let existing = profile.existing_staff();
    let shift_work = coverage != Coverage::BusinessHours;
    let mut owner = team(
        params,
        &staffing::outsourced_team(params),
        false,
        existing,
        "business hours",
    );
    for r in &mut owner.roles {
        r.role = "Internal SOC owner".into();
    }
    let ih = &core.costs.in_house_team;
    let rationale = vec![
        format!(
            "{} coverage staffs {} seat{} for {} hours a year; one seat needs {} FTE across the year at {} coverage",
            coverage.label(),
            seats,
            if seats == 1 { "" } else { "s" },
            words::thousands(hours),
            costs::trim_float(params.fte_per_seat * hours / 8760.0),
            coverage.label().to_lowercase()
        ),
        format!(
            "Seats: at least {} by policy, one per {} monitored assets; the estate has {} today",
            costs::trim_float(params.min_seats),
            words::thousands(params.assets_per_seat),
            words::thousands(est.assets())
        ),
        format!(
            "Around the L1 seats: L2 about 40% and L3 about 20% of L1, {} detection engineer{} for {} GB of logs a day{}, and a manager",
            costs::trim_float(ih.engineers),
            if ih.engineers == 1.0 { "" } else { "s" },
            costs::trim_float((est.volume_gb_day * 10.0).round() / 10.0),
            if profile.environment.ot_ics { " (one of them an OT specialist)" } else { "" }
        ),
        format!(
            "The hybrid internal team is {}% of the in-house day shift, at least two people, working business hours",
            costs::trim_float(params.hybrid_team_share_pct)
        ),
    ];
    Staffing {
        coverage: coverage.label().to_string(),
        seats,
        fte_per_seat: params.fte_per_seat,
        staffed_hours_per_year: hours,
        in_house: team(
            params,
            ih,
            shift_work,
            existing,
            &coverage.label().to_lowercase(),
        ),
        hybrid: team(
            params,
            &core.costs.hybrid_team,
            false,
            existing,
            "business hours",
        ),
        outsourced: owner,
        rationale,
    }
}
