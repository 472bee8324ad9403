//! Who each option employs: the in-house SOC, the internal half of a
//! co-managed SOC, and the function an organisation keeps when it
//! outsources.
//!
//! A seat is one analyst console staffed during the required hours. Keeping
//! a seat staffed 24/7 takes `fte_per_24x7_seat` people (8,760 hours over the
//! productive hours of one person); extended and business-hours coverage
//! scale that by the hours they staff.
//!
//! The in-house team is sized from the work, with economies of scale: the
//! alerts left after automation grow more slowly than the estate, so seats
//! grow with the asset count to the power `seat_scale_exponent` (0.55: one
//! seat for the first 10,000 assets, four for 100,000, not ten); detection
//! engineers follow the log volume to the power 0.7 (content and platforms,
//! not gigabytes, are their work); a 24/7 floor with more than one seat has
//! a shift lead per crew; and a manager leads every twelve people. The
//! smallest team is the minimum viable 24/7 SOC of the sources (5-6 L1, 2-3
//! L2, 1 L3, an engineer, a manager). A co-managed team is sized by the
//! functions it keeps (a lead, incident response, detection engineering,
//! threat intelligence, day-shift triage of escalations), not as a share of
//! the in-house team.

use super::messages::Message;
use crate::evaluate::values::{Values, A};
use crate::profile::model::{Coverage, Threat};
use crate::profile::Profile;

/// Employees below which an organisation is small for staffing rules.
pub(crate) const SMALL_ORGANISATION: u64 = 1_000;

/// Hours a year a seat must be staffed.
pub(crate) fn staffed_hours(coverage: Coverage) -> f64 {
    match coverage {
        Coverage::TwentyFourSeven => 8760.0,
        // About 12 hours on weekdays: 60 h x 52 weeks; nights are on-call.
        Coverage::Extended => 3120.0,
        Coverage::BusinessHours => 2080.0,
    }
}

/// A team by role, in FTE.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TeamPlan {
    pub l1: f64,
    pub l2: f64,
    pub l3: f64,
    pub engineers: f64,
    pub managers: f64,
}

/// The roles, in the order every table lists them.
pub(crate) const ROLES: [&str; 5] = [
    "L1 analyst",
    "L2 analyst",
    Message::RoleL3AnalystIncidentResponder.template(),
    Message::RoleDetectionEngineer.template(),
    Message::RoleSocManagerLead.template(),
];

impl TeamPlan {
    pub fn total(&self) -> f64 {
        self.l1 + self.l2 + self.l3 + self.engineers + self.managers
    }

    pub fn fte(&self) -> [f64; 5] {
        [self.l1, self.l2, self.l3, self.engineers, self.managers]
    }

    /// Base salaries by role, in [`ROLES`] order.
    pub fn salaries(v: &Values) -> [f64; 5] {
        [
            v[A::L1Salary],
            v[A::L2Salary],
            v[A::L3Salary],
            v[A::EngineerSalary],
            v[A::ManagerSalary],
        ]
    }

    /// Base salaries of the whole team.
    pub fn payroll(&self, v: &Values) -> f64 {
        let s = TeamPlan::salaries(v);
        self.fte().iter().zip(s).map(|(f, s)| f * s).sum()
    }

    /// Employer cost per year; shift staff (L1, L2) on a 24/7 or extended
    /// rota earn the shift premium on top.
    pub fn employer_cost(&self, v: &Values, shift_work: bool) -> f64 {
        let s = TeamPlan::salaries(v);
        let fte = self.fte();
        let premium = if shift_work {
            v[A::ShiftPremiumPct] / 100.0 * v[A::Benefits]
        } else {
            0.0
        };
        (0..5)
            .map(|i| {
                let shift = if i < 2 { premium * s[i] } else { 0.0 };
                fte[i] * (v.loaded(s[i]) + shift)
            })
            .sum()
    }
}

/// Console seats for the monitored estate: one for the first
/// `assets_per_seat` assets, then growing with the estate to the power
/// `seat_scale_exponent`.
pub(crate) fn seats(v: &Values, assets: f64) -> u32 {
    let per_seat = v[A::AssetsPerSeat].max(1.0);
    let by_assets = if assets > per_seat {
        ceil((assets / per_seat).powf(v[A::SeatScaleExponent]))
    } else {
        1.0
    };
    let seats = v[A::MinSeats].max(by_assets).max(1.0);
    seats.min(10_000.0) as u32
}

/// Detection engineers for `volume` GB/day: one per `gb_day_per_engineer`
/// for the first, then growing with the volume to the power 0.7.
fn engineers_for(v: &Values, volume: f64) -> f64 {
    let per = v[A::GbDayPerEngineer].max(1.0);
    if volume <= per {
        1.0
    } else {
        ceil((volume / per).powf(ENGINEER_SCALE))
    }
}

/// How detection engineering grows with the log volume.
pub(crate) const ENGINEER_SCALE: f64 = 0.7;

/// People a manager or lead leads.
pub(crate) const SPAN_OF_CONTROL: f64 = 12.0;

fn ceil(x: f64) -> f64 {
    // Guard against 4.9 * 2 = 9.800000000000001 rounding up a whole person.
    (x - 1e-9).ceil().max(0.0)
}

/// The in-house team for the required coverage, sized for `assets` monitored
/// assets and `volume` GB/day of logs.
pub(crate) fn in_house(profile: &Profile, v: &Values, assets: f64, volume: f64) -> TeamPlan {
    let coverage = profile.requirements.coverage;
    let fte_per_staffed_seat = v[A::FtePerSeat] * staffed_hours(coverage) / 8760.0;
    let seats = f64::from(seats(v, assets));
    let round_the_clock = coverage == Coverage::TwentyFourSeven;
    let mut l1 = ceil(seats * fte_per_staffed_seat).max(if round_the_clock { 1.0 } else { 2.0 });
    let l2 = ceil(0.4 * l1).max(if round_the_clock { 2.0 } else { 1.0 });
    // A floor of several seats around the clock has a senior lead on each
    // crew (L3 pay).
    let shift_leads = if round_the_clock && seats > 1.0 {
        ceil(v[A::FtePerSeat])
    } else {
        0.0
    };
    let l3 = ceil(0.2 * l1).max(1.0) + shift_leads;
    let ot_specialist = if profile.environment.ot_ics { 1.0 } else { 0.0 };
    let engineers = engineers_for(v, volume) + ot_specialist;
    let led = l1 + l2 + l3 + engineers;
    let managers = if coverage == Coverage::BusinessHours && led <= 6.0 {
        0.5
    } else {
        ceil(led / SPAN_OF_CONTROL).max(1.0)
    };
    if round_the_clock {
        let short = v[A::MinTeam] - (l1 + l2 + l3 + engineers + managers);
        if short > 0.0 {
            l1 += ceil(short);
        }
    }
    TeamPlan {
        l1,
        l2,
        l3,
        engineers,
        managers,
    }
}

/// Whether the threat picture calls for an internal threat-intelligence
/// and hunting role.
pub(crate) fn needs_threat_intel(profile: &Profile) -> bool {
    profile.risk.targeted_by_apt
        || profile.risk.threats.contains(&Threat::NationState)
        || profile.organisation.employees >= 5_000
}

/// The internal half of a co-managed SOC, by the functions it keeps: a lead
/// (who also leads incident response in a small organisation), an incident
/// response lead, detection engineering for the crown jewels (half the
/// in-house engineering load, the provider writing the rest), threat
/// intelligence and hunting where the threats call for it, and day-shift
/// analysts for escalated triage in larger organisations.
pub(crate) fn co_managed(profile: &Profile, v: &Values, assets: f64, volume: f64) -> TeamPlan {
    let large = profile.organisation.employees >= SMALL_ORGANISATION;
    let ot_specialist = if profile.environment.ot_ics { 1.0 } else { 0.0 };
    let engineers = ceil(engineers_for(v, volume) / 2.0).max(1.0) + ot_specialist;
    let intel = if needs_threat_intel(profile) {
        1.0
    } else {
        0.0
    };
    let incident_lead = if large { 1.0 } else { 0.0 };
    let day_analysts = if large {
        f64::from(seats(v, assets))
    } else {
        0.0
    };
    TeamPlan {
        l1: 0.0,
        l2: day_analysts,
        l3: incident_lead + intel,
        engineers,
        managers: 1.0,
    }
}

/// What stays inside when the SOC is outsourced: a service owner and
/// vendor management (L2 pay), an incident-response lead and regulator
/// contact (L3 pay), half each.
pub(crate) fn retained(v: &Values) -> TeamPlan {
    TeamPlan {
        l2: v[A::RetainedFte] / 2.0,
        l3: v[A::RetainedFte] / 2.0,
        ..TeamPlan::default()
    }
}

/// People on an out-of-hours approval rota when containment out of hours
/// needs an internal decision: a provider (outsourced or co-managed) on a
/// 24/7 service at a larger organisation, which will not pre-authorise
/// isolating its systems, or an in-house SOC on extended hours (nights on
/// call). A smaller organisation pre-authorises containment in the
/// contract.
pub(crate) fn on_call_rota(profile: &Profile, provider_involved: bool) -> f64 {
    let coverage = profile.requirements.coverage;
    let needs_approval = profile.organisation.employees >= SMALL_ORGANISATION;
    match (provider_involved, coverage) {
        (true, Coverage::TwentyFourSeven) if needs_approval => 4.0,
        (false, Coverage::Extended) => 4.0,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sizing assumptions at round values: five people keep a seat
    /// staffed around the clock, one seat per 10,000 assets growing to the
    /// power 0.55, one engineer per 100 GB/day, a floor of 11.
    fn values() -> Values {
        let mut v = Values([0.0; A::COUNT]);
        v[A::FtePerSeat] = 5.0;
        v[A::AssetsPerSeat] = 10_000.0;
        v[A::SeatScaleExponent] = 0.55;
        v[A::MinSeats] = 1.0;
        v[A::GbDayPerEngineer] = 100.0;
        v[A::MinTeam] = 11.0;
        v[A::RetainedFte] = 2.0;
        v
    }

    fn profile(coverage: Coverage, employees: u64) -> Profile {
        let mut p = crate::profile::starter_profile().expect("starter profile");
        p.requirements.coverage = coverage;
        p.organisation.employees = employees;
        p.environment.ot_ics = false;
        p.risk.targeted_by_apt = false;
        p.risk.threats.retain(|t| *t != Threat::NationState);
        p
    }

    #[test]
    fn a_round_the_clock_team_is_sized_from_the_work() {
        let v = values();
        // 40,000 assets: 4^0.55 = 2.14, so 3 seats; 3 x 5 = 15 L1; L2 40%
        // of them, 6; L3 20%, 3, plus a lead for each of the 5 crews a
        // multi-seat floor runs; 250 GB/day: 2.5^0.7 = 1.90, so 2
        // engineers; 31 people led, 3 managers at one per 12.
        let p = profile(Coverage::TwentyFourSeven, 5_000);
        assert_eq!(seats(&v, 40_000.0), 3);
        let team = in_house(&p, &v, 40_000.0, 250.0);
        assert_eq!(
            team,
            TeamPlan {
                l1: 15.0,
                l2: 6.0,
                l3: 8.0,
                engineers: 2.0,
                managers: 3.0,
            }
        );
        // One seat around the clock: 5 L1, 2 L2, 1 L3, 1 engineer and a
        // manager make 10, one short of the floor of 11: another L1.
        let small = in_house(&p, &v, 2_000.0, 20.0);
        assert_eq!((small.l1, small.total()), (6.0, 11.0));
    }

    #[test]
    fn a_business_hours_team_has_a_part_time_manager() {
        // 2,080 of 8,760 hours: 5 x 0.237 = 1.19 people, so 2 L1 (the
        // floor); 1 L2, 1 L3, 1 engineer; 5 people led, half a manager.
        let team = in_house(
            &profile(Coverage::BusinessHours, 300),
            &values(),
            2_000.0,
            20.0,
        );
        assert_eq!(
            team,
            TeamPlan {
                l1: 2.0,
                l2: 1.0,
                l3: 1.0,
                engineers: 1.0,
                managers: 0.5,
            }
        );
    }

    #[test]
    fn a_co_managed_team_keeps_functions_not_a_share() {
        let v = values();
        // A large organisation (5,000 employees, so threat intelligence
        // too): an incident lead and an intelligence analyst at L3, day
        // analysts for the 3 seats, half of 2 engineers, and a lead.
        let large = co_managed(
            &profile(Coverage::TwentyFourSeven, 5_000),
            &v,
            40_000.0,
            250.0,
        );
        assert_eq!(
            large,
            TeamPlan {
                l1: 0.0,
                l2: 3.0,
                l3: 2.0,
                engineers: 1.0,
                managers: 1.0,
            }
        );
        // A small one keeps a lead (who leads incident response) and an
        // engineer.
        let small = co_managed(
            &profile(Coverage::TwentyFourSeven, 300),
            &v,
            40_000.0,
            250.0,
        );
        assert_eq!(small.total(), 2.0);
        // Outsourced, half the retained 2 FTE at each of L2 and L3.
        assert_eq!((retained(&v).l2, retained(&v).l3), (1.0, 1.0));
    }

    #[test]
    fn shift_staff_earn_the_premium_and_out_of_hours_approval_needs_a_rota() {
        let mut v = values();
        v[A::L1Salary] = 50_000.0;
        v[A::L2Salary] = 60_000.0;
        v[A::ManagerSalary] = 100_000.0;
        v[A::Benefits] = 1.25;
        v[A::OverheadPct] = 20.0;
        v[A::ShiftPremiumPct] = 10.0;
        let team = TeamPlan {
            l1: 2.0,
            l2: 1.0,
            managers: 1.0,
            ..TeamPlan::default()
        };
        // Loaded: salary x 1.25 x 1.2 = 1.5 x salary. Day work: 2 x 75,000 +
        // 90,000 + 150,000. Shift work adds 10% x 1.25 of the L1 and L2
        // salaries: 2 x 6,250 + 7,500.
        assert_eq!(team.employer_cost(&v, false), 390_000.0);
        assert_eq!(team.employer_cost(&v, true), 410_000.0);
        let large = profile(Coverage::TwentyFourSeven, 5_000);
        assert_eq!(on_call_rota(&large, true), 4.0);
        assert_eq!(on_call_rota(&large, false), 0.0);
        assert_eq!(
            on_call_rota(&profile(Coverage::TwentyFourSeven, 300), true),
            0.0
        );
        assert_eq!(on_call_rota(&profile(Coverage::Extended, 300), false), 4.0);
    }
}
