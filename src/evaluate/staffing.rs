//! Staffing: how many people each option needs, by role.
//!
//! A seat is one analyst console staffed during the required hours. Keeping
//! a seat staffed 24/7 takes `fte_per_24x7_seat` people (8,760 hours over the
//! productive hours of one person); extended and business-hours coverage
//! scale that by the hours they staff. Around the L1 seats the team shape
//! follows the minimum viable 24/7 SOC of the sources (5-6 L1, 2-3 L2, 1 L3,
//! an engineer, a manager): L2 about 40% and L3 about 20% of L1, engineers
//! by log volume, one manager.

use super::params::Params;
use crate::profile::model::Coverage;
use crate::profile::Profile;

/// Hours a year a seat must be staffed.
pub fn staffed_hours(coverage: Coverage) -> f64 {
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

impl TeamPlan {
    pub fn total(&self) -> f64 {
        self.l1 + self.l2 + self.l3 + self.engineers + self.managers
    }

    /// Roles with their FTE and base salary, in a fixed order.
    pub fn roles(&self, params: &Params) -> [(&'static str, f64, f64); 5] {
        [
            ("L1 analyst", self.l1, params.l1_salary),
            ("L2 analyst", self.l2, params.l2_salary),
            ("L3 analyst / incident responder", self.l3, params.l3_salary),
            ("Detection engineer", self.engineers, params.engineer_salary),
            ("SOC manager", self.managers, params.manager_salary),
        ]
    }

    /// Base salaries of the whole team.
    pub fn payroll(&self, params: &Params) -> f64 {
        self.roles(params)
            .iter()
            .map(|(_, fte, salary)| fte * salary)
            .sum()
    }

    /// Employer cost per year; shift staff (L1, L2) on a 24/7 or extended
    /// rota earn the shift premium on top.
    pub fn employer_cost(&self, params: &Params, shift_work: bool) -> f64 {
        let premium = if shift_work {
            params.shift_premium_pct / 100.0
        } else {
            0.0
        };
        self.roles(params)
            .iter()
            .enumerate()
            .map(|(i, (_, fte, salary))| {
                let shift = if i < 2 {
                    premium * salary * params.benefits
                } else {
                    0.0
                };
                fte * (params.loaded(*salary) + shift)
            })
            .sum()
    }
}

/// Console seats for the monitored estate.
pub fn seats(params: &Params, assets: f64) -> u32 {
    let by_assets = (assets / params.assets_per_seat).ceil();
    let seats = params.min_seats.max(by_assets).max(1.0);
    seats.min(10_000.0) as u32
}

fn ceil(x: f64) -> f64 {
    // Guard against 4.9 * 2 = 9.800000000000001 rounding up a whole person.
    (x - 1e-9).ceil().max(0.0)
}

/// The in-house team for the required coverage, sized for `assets` monitored
/// assets and `volume` GB/day of logs.
pub fn in_house_team(profile: &Profile, params: &Params, assets: f64, volume: f64) -> TeamPlan {
    let coverage = profile.requirements.coverage;
    let fte_per_staffed_seat = params.fte_per_seat * staffed_hours(coverage) / 8760.0;
    let seats = f64::from(seats(params, assets));
    let round_the_clock = coverage == Coverage::TwentyFourSeven;
    let mut l1 = ceil(seats * fte_per_staffed_seat).max(if round_the_clock { 1.0 } else { 2.0 });
    let l2 = ceil(0.4 * l1).max(if round_the_clock { 2.0 } else { 1.0 });
    let l3 = ceil(0.2 * l1).max(1.0);
    let ot_specialist = if profile.environment.ot_ics { 1.0 } else { 0.0 };
    let engineers = ceil(volume / params.gb_day_per_engineer).max(1.0) + ot_specialist;
    let managers = if coverage == Coverage::BusinessHours {
        0.5
    } else {
        1.0
    };
    if round_the_clock {
        let short = params.min_team - (l1 + l2 + l3 + engineers + managers);
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

/// The people of an in-house team who work business hours: one L1 per seat
/// on the day shift, and everyone beyond L1.
pub fn day_shift(team: &TeamPlan, seats: u32) -> f64 {
    f64::from(seats).min(team.l1) + team.l2 + team.l3 + team.engineers + team.managers
}

/// The internal half of a hybrid SOC: business-hours incident response and
/// detection engineering for the crown jewels, a share of the in-house
/// day-shift team, at least two people.
pub fn hybrid_team(profile: &Profile, params: &Params, assets: f64, volume: f64) -> TeamPlan {
    let full = in_house_team(profile, params, assets, volume);
    let day = day_shift(&full, seats(params, assets));
    let people = ceil(day * params.hybrid_team_share_pct / 100.0).max(2.0);
    let engineers = ceil(people / 2.0);
    TeamPlan {
        l1: 0.0,
        l2: 0.0,
        l3: people - engineers,
        engineers,
        managers: 0.0,
    }
}

/// What stays inside when the SOC is outsourced: an owner at L3 level.
pub fn outsourced_team(params: &Params) -> TeamPlan {
    TeamPlan {
        l3: params.internal_owner_fte,
        ..TeamPlan::default()
    }
}
