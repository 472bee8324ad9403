//! The hard constraints applied: rules that make an option infeasible,
//! funding gaps and deadlines an option cannot meet, each with whether it
//! changed the recommendation.

use super::assessment::{Constraint, ConstraintKind, SocOption};
use super::decision::{infeasible_reason, Decided};
use super::economics::{index, Economics};
use super::messages::{say, Message};
use super::schedule::provider_start;
use super::values::A;
use crate::numbers::{money_short, trim_float};
use crate::profile::Profile;

/// Hard rules, funding gaps and deadlines, for "hard constraints applied".
pub(crate) fn constraints(profile: &Profile, e: &Economics, d: &Decided) -> Vec<Constraint> {
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
            reason: say(
                Message::OverBudget,
                &[
                    ("option", o.short()),
                    ("need", &money_short(cur, d.opex_needed[i])),
                    ("gap", &money_short(cur, d.opex_needed[i] - d.opex)),
                    ("budget", &money_short(cur, d.opex)),
                ],
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
            reason: say(
                Message::BudgetCannotFund,
                &[
                    ("option", &cheapest.short().to_lowercase()),
                    ("need", &money_short(cur, need)),
                    ("gap", &money_short(cur, need - d.opex)),
                    ("budget", &money_short(cur, d.opex)),
                ],
            ),
            rules_out: false,
            changed_recommendation: false,
        });
    }
    let go_live = f64::from(profile.requirements.go_live_months);
    let provider = provider_start(v);
    for option in SocOption::ALL {
        let reason = match option {
            SocOption::InHouse if go_live < v[A::InHouseBuildMonths] => {
                let then = if provider <= go_live {
                    say(
                        Message::BridgeFromMonth,
                        &[("month", &trim_float(provider))],
                    )
                } else {
                    say(Message::NoProviderSooner, &[])
                };
                Some(say(
                    Message::InHouseTooSlow,
                    &[
                        ("build", &trim_float(v[A::InHouseBuildMonths])),
                        ("go_live", &profile.requirements.go_live_months.to_string()),
                        ("then", &then),
                    ],
                ))
            }
            SocOption::Outsourced | SocOption::Hybrid if go_live < provider => Some(say(
                Message::ProviderTooSlow,
                &[
                    ("start", &trim_float(provider)),
                    ("go_live", &profile.requirements.go_live_months.to_string()),
                ],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::model::Sharing;

    #[test]
    fn a_prohibition_rules_outsourcing_out_and_a_gap_is_only_a_gap() {
        let mut p = crate::profile::starter_profile().expect("starter profile");
        p.compliance.third_party_data_sharing = Sharing::Prohibited;
        let q = crate::evaluate::quick(&p);
        let mut d = q.decided;
        let ruled_out: Vec<Constraint> = constraints(&p, &q.economics, &d)
            .into_iter()
            .filter(|c| c.rules_out)
            .collect();
        assert_eq!(ruled_out.len(), 1);
        assert_eq!(ruled_out[0].kind, ConstraintKind::SharingProhibited);
        assert_eq!(ruled_out[0].option, Some(SocOption::Outsourced));
        // A budget of 1 million against needs of 1.5 and 1.2 million: two
        // funding gaps (0.5 and 0.2 million), neither ruling anything out.
        let cur = &p.organisation.currency;
        d.opex = 1_000_000.0;
        d.opex_needed = [1_500_000.0, 800_000.0, 1_200_000.0];
        d.fits = [false, true, false];
        let gaps: Vec<Constraint> = constraints(&p, &q.economics, &d)
            .into_iter()
            .filter(|c| c.kind == ConstraintKind::OverBudget)
            .collect();
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        assert!(gaps.iter().all(|g| !g.rules_out));
        assert!(gaps[0].reason.contains(&format!(
            "{} more than the operating budget of {}",
            money_short(cur, 500_000.0),
            money_short(cur, 1_000_000.0)
        )));
        assert!(gaps[1].reason.contains(&money_short(cur, 200_000.0)));
    }

    #[test]
    fn a_deadline_the_build_cannot_meet_names_the_bridge() {
        let mut p = crate::profile::starter_profile().expect("starter profile");
        p.requirements.go_live_months = 12;
        let q = crate::evaluate::quick(&p);
        let mut e = q.economics;
        e.likely[A::InHouseBuildMonths] = 18.0;
        e.likely[A::ProviderSelectionMonths] = 3.0;
        e.likely[A::ProviderOnboardingMonths] = 2.5;
        let deadlines: Vec<Constraint> = constraints(&p, &e, &q.decided)
            .into_iter()
            .filter(|c| c.kind == ConstraintKind::Deadline)
            .collect();
        assert_eq!(deadlines.len(), 1);
        assert_eq!(
            deadlines[0].reason,
            "An in-house SOC takes about 18 months to build and staff, so it cannot meet the 12-month go-live on its own; a provider can bridge the gap from month 5.5"
        );
        // A go-live sooner than any provider can start: every option late.
        p.requirements.go_live_months = 4;
        let late = constraints(&p, &e, &q.decided)
            .into_iter()
            .filter(|c| c.kind == ConstraintKind::Deadline)
            .count();
        assert_eq!(late, 3);
    }
}
