//! The hard constraints applied: rules that make an option infeasible,
//! funding gaps and deadlines an option cannot meet, each with whether it
//! changed the recommendation.

use super::assessment::{Constraint, ConstraintKind, SocOption};
use super::decision::{infeasible_reason, Decided};
use super::economics::{index, Economics};
use super::schedule::provider_start;
use super::values::A;
use crate::numbers::{money_short, trim_float};
use crate::profile::Profile;

/// Hard rules, funding gaps and deadlines, for "hard constraints applied".
pub fn constraints(profile: &Profile, e: &Economics, d: &Decided) -> Vec<Constraint> {
    let cur = &profile.organisation.currency;
    let v = &e.likely;
    let rec = d.choice.option;
    let mut out: Vec<Constraint> = d
        .infeasible
        .iter()
        .map(|r| Constraint {
            kind: r.kind,
            option: Some(r.option),
            reason: infeasible_reason(r.kind).to_string(),
            rules_out: true,
            changed_recommendation: d.choice.best_value != r.option
                && d.valued.value[index(r.option)] > d.valued.value[index(d.choice.best_value)],
        })
        .collect();
    let candidates = d.appraiser.candidates();
    for o in SocOption::ALL {
        let i = index(o);
        if !candidates[i] || d.fits[i] {
            continue;
        }
        out.push(Constraint {
            kind: ConstraintKind::OverBudget,
            option: Some(o),
            reason: format!(
                "{} needs {} a year in its dearest year (median of the simulations), {} more than the operating budget of {}: a funding gap, not a reason to rule it out",
                o.short(),
                money_short(cur, d.opex_needed[i]),
                money_short(cur, d.opex_needed[i] - d.opex),
                money_short(cur, d.opex)
            ),
            rules_out: false,
            changed_recommendation: o == d.choice.best_value && rec != o,
        });
    }
    if !(0..3).any(|i| candidates[i] && d.fits[i]) {
        let cheapest = SocOption::ALL
            .into_iter()
            .filter(|o| candidates[index(*o)])
            .min_by(|a, b| d.opex_needed[index(*a)].total_cmp(&d.opex_needed[index(*b)]))
            .unwrap_or(rec);
        let need = d.opex_needed[index(cheapest)];
        out.push(Constraint {
            kind: ConstraintKind::BudgetCannotFund,
            option: None,
            reason: format!(
                "The budget cannot fund the required coverage with any option: the least demanding, {}, needs {} a year, {} more than the {} a year available",
                cheapest.short().to_lowercase(),
                money_short(cur, need),
                money_short(cur, need - d.opex),
                money_short(cur, d.opex)
            ),
            rules_out: false,
            changed_recommendation: false,
        });
    }
    let go_live = f64::from(profile.requirements.go_live_months);
    let provider = provider_start(v);
    for option in SocOption::ALL {
        let reason = match option {
            SocOption::InHouse if go_live < v[A::InHouseBuildMonths] => Some(format!(
                "An in-house SOC takes about {} months to build and staff, so it cannot meet the {}-month go-live on its own; {}",
                trim_float(v[A::InHouseBuildMonths]),
                profile.requirements.go_live_months,
                if provider <= go_live {
                    format!("a provider can bridge the gap from month {}", trim_float(provider))
                } else {
                    "no provider can start sooner either".to_string()
                }
            )),
            SocOption::Outsourced | SocOption::Hybrid if go_live < provider => Some(format!(
                "A provider needs about {} months to start monitoring, later than the {}-month go-live; no option can be live sooner",
                trim_float(provider),
                profile.requirements.go_live_months
            )),
            _ => None,
        };
        if let Some(reason) = reason {
            out.push(Constraint {
                kind: ConstraintKind::Deadline,
                option: Some(option),
                reason,
                rules_out: false,
                changed_recommendation: false,
            });
        }
    }
    out
}
