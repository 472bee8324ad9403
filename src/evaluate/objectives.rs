//! Security objectives: specific, measurable, dated, derived from the
//! profile and the recommended option.
//!
//! Targets follow the sources: P1 acknowledged in 15 minutes and contained
//! in 1-4 hours; incidents classified in time for the tightest notification
//! clock; a median dwell time of days, not the 11 days Mandiant reports
//! across its cases (managed-detection customers see one to three);
//! ATT&CK coverage of 60-70% of the relevant techniques at first and 80% as
//! the SOC matures; attrition under 15% (the community's "low" band); and
//! SOC-CMM maturity rising at most one level a year from today's.

use super::assessment::{Objective, SocOption};
use super::messages::{say, Message};
use crate::numbers::{and_list, hours};
use crate::profile::model::Coverage;
use crate::profile::Profile;

/// Hours within which an incident must be classified to meet a clock.
pub(crate) fn classification_target_hours(clock: f64) -> f64 {
    if clock <= 24.0 {
        (clock / 2.0).min(4.0)
    } else {
        (clock / 3.0).min(24.0)
    }
}

/// SOC-CMM levels reachable, one level a year at most, capped at 4.
pub(crate) fn maturity_targets(now: u8, horizon_years: u32) -> Vec<(u8, u32)> {
    (1..=horizon_years.min(4))
        .map(|year| ((u32::from(now) + year).min(4) as u8, year * 12))
        .filter(|(level, _)| *level > now)
        .fold(Vec::new(), |mut out: Vec<(u8, u32)>, t| {
            if out.last().is_none_or(|l| l.0 < t.0) {
                out.push(t);
            }
            out
        })
}

/// How the recommended option stands against the budget.
pub(crate) struct BudgetFit<'a> {
    /// Probability of staying within the operating budget every year.
    pub probability: f64,
    /// Operating budget it needs a year (median of the simulations).
    pub opex_needed: f64,
    pub opex: f64,
    pub currency: &'a str,
}

pub(crate) fn objectives(
    profile: &Profile,
    option: SocOption,
    live_month: f64,
    complete_month: f64,
    budget: &BudgetFit<'_>,
) -> Vec<Objective> {
    let live = live_month.ceil() as u32;
    let complete = complete_month.ceil() as u32;
    let horizon = profile.budget.horizon_years;
    let critical = profile.environment.critical_assets.len();
    let provider = option != SocOption::InHouse;
    let round_the_clock = provider || profile.requirements.coverage == Coverage::TwentyFourSeven;
    let mut out = Vec::new();
    let mut push = |objective: String, kpi: &str, target: String, due: u32| {
        out.push(Objective {
            id: format!("O{}", out.len() + 1),
            objective,
            kpi: kpi.to_string(),
            target,
            due_month: due,
        });
    };
    push(
        if critical > 0 {
            say(
                Message::MonitorEveryCriticalAsset,
                &[("count", &critical.to_string())],
            )
        } else {
            Message::ObjectiveMonitorInScope.template().to_string()
        },
        Message::MeasureCriticalAssetsOnboarded.template(),
        "100%".to_string(),
        live,
    );
    push(
        Message::ObjectiveDetectInHours.template().to_string(),
        Message::MeasureDwellTime.template(),
        if round_the_clock {
            Message::TargetDwellRoundTheClock.template().to_string()
        } else {
            Message::TargetDwellBusinessHours.template().to_string()
        },
        live + 6,
    );
    let contain_p1 = if provider {
        Message::ContainP1WithProvider.template()
    } else {
        "1 hour"
    };
    push(
        Message::ObjectiveAcknowledgeAndContain
            .template()
            .to_string(),
        Message::MeasureAcknowledgeAndContain.template(),
        say(Message::SeverityTargets, &[("contain_p1", contain_p1)]),
        live + 3,
    );
    if let Some(clock) = profile.compliance.notification_hours {
        push(
            say(
                Message::MeetNotificationDeadline,
                &[("deadline", &hours(clock))],
            ),
            Message::MeasureTimeToClassify.template(),
            say(
                Message::OrLess,
                &[("limit", &hours(classification_target_hours(clock)))],
            ),
            live,
        );
    }
    push(
        Message::ObjectiveAlertsWorthTime.template().to_string(),
        Message::MeasureFalsePositives.template(),
        Message::TargetFalsePositives.template().to_string(),
        (live + 3).max(12),
    );
    let threats: Vec<String> = profile
        .risk
        .threats
        .iter()
        .map(|t| t.label().to_lowercase())
        .collect();
    push(
        Message::ObjectiveCoverThreatTechniques
            .template()
            .to_string(),
        &say(
            Message::TechniquesCovered,
            &[(
                "threats",
                &if threats.is_empty() {
                    Message::TheOrganisationsThreats.template().to_string()
                } else {
                    and_list(&threats)
                },
            )],
        ),
        Message::TargetTechniquesCovered.template().to_string(),
        live + 6,
    );
    let now = profile.security_team.maturity;
    let steps = maturity_targets(now, horizon);
    if let Some((_, first_due)) = steps.first().copied() {
        push(
            say(Message::RaiseMaturity, &[("level", &now.to_string())]),
            Message::MeasureSocCmmLevel.template(),
            steps
                .iter()
                .map(|(level, month)| {
                    say(
                        Message::LevelByMonth,
                        &[("level", &level.to_string()), ("month", &month.to_string())],
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
            first_due,
        );
    }
    if provider {
        push(
            Message::ObjectiveHoldProviderToContract
                .template()
                .to_string(),
            Message::MeasureIncidentsWithinSla.template(),
            Message::TargetIncidentsWithinSla.template().to_string(),
            live + 3,
        );
    }
    if option != SocOption::Outsourced {
        push(
            Message::ObjectiveKeepTheTeam.template().to_string(),
            Message::MeasureAttrition.template(),
            Message::TargetAttrition.template().to_string(),
            complete.max(12) + 12,
        );
    }
    push(
        Message::ObjectiveProveResponse.template().to_string(),
        Message::MeasureExercises.template(),
        Message::TargetExercises.template().to_string(),
        complete.max(live + 3).min(12),
    );
    // Never an objective the model says will fail: when the option is more
    // likely over budget than not, the objective is the funding it needs.
    if budget.probability >= 0.5 {
        push(
            Message::ObjectiveRunWithinBudget.template().to_string(),
            Message::MeasureCostAgainstPlan.template(),
            Message::TargetWithinBudget.template().to_string(),
            12,
        );
    } else {
        push(
            Message::ObjectiveFundThePlan.template().to_string(),
            Message::MeasureApprovedBudget.template(),
            say(
                Message::FundAtLeast,
                &[
                    (
                        "needed",
                        &crate::numbers::money_short(budget.currency, budget.opex_needed),
                    ),
                    (
                        "now",
                        &crate::numbers::money_short(budget.currency, budget.opex),
                    ),
                ],
            ),
            1,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maturity_rises_at_most_one_level_a_year() {
        assert_eq!(maturity_targets(0, 5), [(1, 12), (2, 24), (3, 36), (4, 48)]);
        assert_eq!(maturity_targets(2, 2), [(3, 12), (4, 24)]);
        assert_eq!(maturity_targets(4, 5), []);
        assert_eq!(maturity_targets(1, 1), [(2, 12)]);
    }
}
