//! The staffing section: the team each option employs, role by role, and
//! why it is that size.

use super::assessment::{RoleFte, Staffing, Team};
use super::economics::Economics;
use super::messages::{say, Message};
use super::teams;
use super::values::round_to;
use super::values::{Values, A};
use crate::numbers::{self, trim_float};
use crate::profile::model::Coverage;
use crate::profile::Profile;

fn team(v: &Values, plan: &teams::TeamPlan, shift_work: bool, existing: u64, hours: &str) -> Team {
    let salaries = teams::TeamPlan::salaries(v);
    let roles: Vec<RoleFte> = plan
        .fte()
        .iter()
        .enumerate()
        .filter(|(_, fte)| **fte > 0.0)
        .map(|(i, fte)| {
            let salary = salaries[i];
            let premium = if shift_work && i < 2 {
                v[A::ShiftPremiumPct] / 100.0 * salary * v[A::Benefits]
            } else {
                0.0
            };
            RoleFte {
                role: teams::ROLES[i].to_string(),
                fte: round_to(*fte, 1e2),
                base_salary: salary.round(),
                loaded_cost: (v.loaded(salary) + premium).round(),
            }
        })
        .collect();
    let total = round_to(plan.total(), 1e2);
    Team {
        roles,
        total_fte: total,
        existing_staff: existing,
        to_hire: (total - existing as f64).max(0.0),
        hours: hours.to_string(),
    }
}

pub(crate) fn staffing_section(profile: &Profile, e: &Economics) -> Staffing {
    let v = &e.likely;
    let coverage = profile.requirements.coverage;
    let est = e.plan.estate[0];
    let volume = est.volume(v);
    let seats = teams::seats(v, est.assets());
    let hours = teams::staffed_hours(coverage);
    let existing = profile.existing_staff();
    let shift_work = coverage != Coverage::BusinessHours;
    let business_hours = say(Message::BusinessHours, &[]);
    let mut retained = team(v, &teams::retained(v), false, existing, &business_hours);
    for r in &mut retained.roles {
        r.role = if r.role.starts_with("L2") {
            say(Message::ServiceOwner, &[])
        } else {
            say(Message::IncidentLeadRole, &[])
        };
    }
    let ih = &e.plan.in_house[0];
    let co = &e.plan.co_managed[0];
    let plural = |n: f64| {
        if n == 1.0 {
            String::new()
        } else {
            say(Message::PluralS, &[])
        }
    };
    let rationale = vec![
        say(
            Message::SeatsAndHours,
            &[
                ("coverage", coverage.label()),
                ("seats", &seats.to_string()),
                ("plural", &plural(f64::from(seats))),
                ("hours", &numbers::thousands(hours)),
                ("fte", &trim_float(v[A::FtePerSeat] * hours / 8760.0)),
                ("level", &coverage.label().to_lowercase()),
            ],
        ),
        say(
            Message::SeatsByPolicy,
            &[
                ("min", &trim_float(v[A::MinSeats])),
                ("per_seat", &numbers::thousands(v[A::AssetsPerSeat])),
                ("assets", &numbers::thousands(est.assets())),
            ],
        ),
        say(
            Message::AroundTheSeats,
            &[
                ("engineers", &trim_float(ih.engineers)),
                ("plural", &plural(ih.engineers)),
                ("volume", &trim_float((volume * 10.0).round() / 10.0)),
                (
                    "ot",
                    &if profile.environment.ot_ics {
                        say(Message::OneOtSpecialist, &[])
                    } else {
                        String::new()
                    },
                ),
            ],
        ),
        say(
            Message::CoManagedKeeps,
            &[
                (
                    "lead",
                    &say(
                        if co.l3 > 0.0
                            && profile.organisation.employees >= teams::SMALL_ORGANISATION
                        {
                            Message::AndIncidentLead
                        } else {
                            Message::AlsoLeadsResponse
                        },
                        &[],
                    ),
                ),
                ("engineers", &trim_float(co.engineers)),
                ("plural", &plural(co.engineers)),
                (
                    "intel",
                    &if teams::needs_threat_intel(profile) {
                        say(Message::IntelAnalyst, &[])
                    } else {
                        String::new()
                    },
                ),
                (
                    "analysts",
                    &if co.l2 > 0.0 {
                        say(
                            Message::DayAnalysts,
                            &[("count", &trim_float(co.l2)), ("plural", &plural(co.l2))],
                        )
                    } else {
                        String::new()
                    },
                ),
            ],
        ),
        say(
            Message::RetainedFte,
            &[
                ("fte", &trim_float(v[A::RetainedFte])),
                (
                    "rota",
                    &say(
                        if e.plan.rota_provider > 0.0 {
                            Message::OnCallRota
                        } else {
                            Message::PreAuthorised
                        },
                        &[],
                    ),
                ),
            ],
        ),
    ];
    Staffing {
        coverage: coverage.label().to_string(),
        seats,
        fte_per_seat: v[A::FtePerSeat],
        staffed_hours_per_year: hours,
        in_house: team(
            v,
            ih,
            shift_work,
            existing,
            &coverage.label().to_lowercase(),
        ),
        hybrid: team(v, co, false, existing, &business_hours),
        outsourced: retained,
        rationale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::teams::TeamPlan;

    #[test]
    fn each_team_is_listed_role_by_role_with_its_loaded_cost() {
        let mut p = crate::profile::starter_profile().expect("starter profile");
        p.requirements.coverage = Coverage::TwentyFourSeven;
        p.security_team.analysts = 3;
        p.security_team.engineers = 1;
        p.security_team.incident_responders = 0;
        let mut e = crate::evaluate::quick(&p).economics;
        let v = &mut e.likely;
        v[A::FtePerSeat] = 5.0;
        v[A::L1Salary] = 50_000.0;
        v[A::L2Salary] = 60_000.0;
        v[A::Benefits] = 1.25;
        v[A::OverheadPct] = 20.0;
        v[A::ShiftPremiumPct] = 10.0;
        v[A::RetainedFte] = 2.0;
        e.plan.in_house[0] = TeamPlan {
            l1: 6.0,
            l2: 2.0,
            ..TeamPlan::default()
        };
        let s = staffing_section(&p, &e);
        // Two roles staffed; L1 loaded at 50,000 x 1.25 x 1.2 = 75,000 plus
        // the shift premium 10% x 1.25 x 50,000 = 6,250.
        let ih = &s.in_house;
        assert_eq!(ih.roles.len(), 2);
        assert_eq!((ih.roles[0].fte, ih.roles[0].loaded_cost), (6.0, 81_250.0));
        assert_eq!(ih.roles[1].loaded_cost, 97_500.0);
        // 8 posts, 4 people today: 4 to hire.
        assert_eq!((ih.total_fte, ih.existing_staff, ih.to_hire), (8.0, 4, 4.0));
        assert_eq!(ih.hours, "24/7");
        // Outsourced keeps 2 FTE, named for what they do, in day work.
        let kept: Vec<(&str, f64)> = s
            .outsourced
            .roles
            .iter()
            .map(|r| (r.role.as_str(), r.fte))
            .collect();
        assert_eq!(
            kept,
            [
                ("Service owner and vendor management", 1.0),
                ("Incident-response lead and regulator contact", 1.0)
            ]
        );
        assert_eq!(s.outsourced.roles[0].loaded_cost, 90_000.0);
        assert!(
            s.rationale[0].contains("one seat needs 5 FTE across the year"),
            "{}",
            s.rationale[0]
        );
    }
}
