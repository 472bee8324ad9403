//! The roadmap: phases, months, milestones and owners for the recommended
//! option, following the best practices the report is built on: assess risk
//! first, set objectives, fix service levels, work together, and keep
//! improving. Months count from the board's decision (month 0).
//!
//! Phase lengths follow the sources cited with the build and onboarding
//! assumptions (`reference`): a provider monitors in about
//! two months plus a month of hypercare; an in-house build takes 12-18
//! months with first detections at 6-9; quarterly improvement cycles after.

use super::assessment::{Phase, SocOption};
use super::economics::plan::BridgePlan;
use super::messages::{say, Message};
use super::values::{Values, A};
use crate::profile::model::Procurement;
use crate::profile::Profile;

fn half(x: f64) -> f64 {
    (x * 2.0).round() / 2.0
}

struct Builder {
    phases: Vec<Phase>,
}

impl Builder {
    fn add(&mut self, phase: &str, start: f64, end: f64, owner: &str, milestones: &[String]) {
        let start = half(start.max(0.0));
        self.phases.push(Phase {
            phase: phase.to_string(),
            start_month: start,
            end_month: half(end).max(start + 0.5),
            milestones: milestones.to_vec(),
            owner: owner.to_string(),
        });
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

/// What choosing a provider involves under the organisation's purchasing
/// rules.
fn selection_milestones(profile: &Profile) -> [String; 2] {
    match profile.requirements.procurement {
        Procurement::Private => [
            s(Message::MilestoneShortlistEvaluated.template()),
            s(Message::MilestoneContractSigned.template()),
        ],
        Procurement::PublicTender => [
            s(Message::MilestoneSpecificationAndTenderNotice.template()),
            s(Message::MilestoneAwardAndStandstill.template()),
        ],
        Procurement::PublicFramework => [
            s(Message::MilestoneCallOffFromFramework.template()),
            s(Message::MilestoneOrderSigned.template()),
        ],
    }
}

pub(crate) fn roadmap(
    profile: &Profile,
    v: &Values,
    option: SocOption,
    bridge: Option<BridgePlan>,
) -> Vec<Phase> {
    let horizon = f64::from(profile.budget.horizon_years) * 12.0;
    let onboarding = v[A::ProviderOnboardingMonths];
    let top_threats: Vec<&str> = profile
        .risk
        .threats
        .iter()
        .take(3)
        .map(|t| t.label())
        .collect();
    let threats = top_threats.join(", ").to_lowercase();
    let playbooks = say(Message::PlaybooksFor, &[("threats", &threats)]);
    let critical = profile.environment.critical_assets.len();
    let onboarded = if critical > 0 {
        say(
            Message::CriticalLogsOnboarded,
            &[("count", &critical.to_string())],
        )
    } else {
        s(Message::MilestoneLogsOnboarded.template())
    };
    let mut b = Builder { phases: Vec::new() };
    b.add(
        Message::PhaseAssessRisk.template(),
        0.0,
        1.0,
        "CISO",
        &[
            s(Message::MilestoneRiskRegisterReviewed.template()),
            s(Message::MilestoneCrownJewelsInventoried.template()),
        ],
    );
    match option {
        SocOption::InHouse => {
            let build = v[A::InHouseBuildMonths];
            b.add(
                Message::PhaseSetObjectivesAndInternalAgreement.template(),
                1.0,
                2.0,
                Message::OwnerCisoWithBusinessOwners.template(),
                &[
                    s(Message::MilestoneObjectivesApproved.template()),
                    s(Message::MilestoneSeverityLevelsSignedOff.template()),
                ],
            );
            if let Some(br) = bridge {
                b.add(
                    Message::PhaseBridge.template(),
                    0.5,
                    br.from_month,
                    Message::OwnerCisoAndProcurement.template(),
                    &[
                        s(Message::MilestoneProviderChosen.template()),
                        say(
                            Message::ProviderMonitoringFrom,
                            &[("month", &half(br.from_month).to_string())],
                        ),
                    ],
                );
            }
            b.add(
                Message::PhaseHireAndStandUpTools.template(),
                1.0,
                (build * 0.6).max(3.0),
                Message::OwnerSocManagerAndHr.template(),
                &[
                    s(Message::MilestoneSocManagerInPost.template()),
                    s(Message::MilestoneAnalystsHired.template()),
                    s(Message::MilestoneSiemAndEdrInPlace.template()),
                ],
            );
            b.add(
                Message::PhaseOnboardLogSources.template(),
                build * 0.3,
                build * 0.75,
                Message::RaciDetectionEngineering.template(),
                &[onboarded, s(Message::MilestoneUseCasesMapped.template())],
            );
            b.add(
                Message::PhaseTuneDetections.template(),
                build * 0.5,
                build,
                Message::RaciSocManager.template(),
                &[
                    playbooks,
                    s(Message::MilestoneFalsePositiveRateMet.template()),
                ],
            );
            b.add(
                Message::PhaseExerciseWithTheBusiness.template(),
                build - 2.0,
                build,
                "CISO",
                &[
                    s(Message::MilestoneExecutiveTabletop.template()),
                    s(Message::MilestonePurpleTeamTest.template()),
                ],
            );
            b.add(
                Message::PhaseGoLive.template(),
                build,
                build + 1.0,
                Message::RaciSocManager.template(),
                &[
                    if bridge.is_some() {
                        s(Message::MilestoneMonitoringHandedOver.template())
                    } else {
                        s(Message::MilestoneRotaStarts.template())
                    },
                    s(Message::MilestoneFirstMonthlyReport.template()),
                ],
            );
            b.add(
                Message::PhaseReviewAndImprove.template(),
                build + 1.0,
                horizon,
                "CISO",
                &[
                    s(Message::MilestoneQuarterlyReviewsAndReassessment.template()),
                    s(Message::MilestoneYearlySourcingReview.template()),
                ],
            );
        }
        SocOption::Outsourced | SocOption::Hybrid => {
            let selection = v[A::ProviderSelectionMonths];
            let start = selection + onboarding;
            b.add(
                Message::PhaseSetObjectivesAndSla.template(),
                0.5,
                1.5,
                "CISO",
                &[
                    s(Message::MilestoneObjectivesApproved.template()),
                    s(Message::MilestoneSlaChecklistAgreed.template()),
                ],
            );
            b.add(
                Message::PhaseSelectProvider.template(),
                0.5,
                selection.max(1.0),
                Message::OwnerCisoAndProcurement.template(),
                &selection_milestones(profile),
            );
            b.add(
                Message::PhaseOnboardLogSources.template(),
                selection.max(1.0),
                start,
                Message::OwnerProviderWithItOperations.template(),
                &[onboarded, s(Message::MilestoneEscalationTested.template())],
            );
            if option == SocOption::Hybrid {
                b.add(
                    Message::PhaseBuildInternalTeam.template(),
                    1.0,
                    v[A::HybridBuildMonths].max(2.0),
                    Message::OwnerSocLeadAndHr.template(),
                    &[
                        s(Message::MilestoneResponseLeadHired.template()),
                        s(Message::MilestoneRaciAgreed.template()),
                    ],
                );
            }
            b.add(
                Message::PhaseTuneDetectionsHypercare.template(),
                start,
                start + 2.0,
                if option == SocOption::Hybrid {
                    Message::OwnerInternalTeamWithProvider.template()
                } else {
                    Message::OwnerProviderWithServiceOwner.template()
                },
                &[playbooks, s(Message::MilestoneAlertVolumeTuned.template())],
            );
            b.add(
                Message::PhaseExerciseTogether.template(),
                start + 2.0,
                start + 3.0,
                "CISO",
                &[
                    s(Message::MilestoneJointTabletop.template()),
                    s(Message::MilestoneOutOfHoursEscalationTested.template()),
                ],
            );
            b.add(
                Message::PhaseExitPlan.template(),
                start + 3.0,
                start + 9.0,
                Message::OwnerServiceOwnerAndProcurement.template(),
                &[
                    s(Message::MilestoneExitPlanDocumented.template()),
                    s(Message::MilestoneExitPlanTested.template()),
                ],
            );
            let term_end = v[A::TermYears] * 12.0;
            let gate_start = (term_end - selection - 4.0).max(start + 9.0);
            b.add(
                Message::PhaseReassessmentGate.template(),
                gate_start.min(horizon - 1.0).max(start + 3.0),
                (gate_start + 3.0).min(horizon),
                Message::OwnerBoardOnCisoRecommendation.template(),
                &[
                    s(Message::MilestoneRenewRetenderOrInsource.template()),
                    say(
                        Message::DecisionBeforeTermEnds,
                        &[
                            ("months", &half(selection + 1.0).to_string()),
                            ("years", &half(v[A::TermYears]).to_string()),
                        ],
                    ),
                ],
            );
            b.add(
                Message::PhaseReviewAndImprove.template(),
                start + 3.0,
                horizon,
                Message::RaciServiceOwner.template(),
                &[
                    s(Message::MilestoneMonthlyReportsAndReviews.template()),
                    s(Message::MilestoneSocCmmReassessedYearly.template()),
                ],
            );
        }
    }
    b.phases
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase<'a>(phases: &'a [Phase], name: &str) -> &'a Phase {
        phases
            .iter()
            .find(|p| p.phase == name)
            .unwrap_or_else(|| panic!("no phase `{name}`"))
    }

    #[test]
    fn an_outsourced_roadmap_runs_from_selection_to_the_reassessment_gate() {
        let mut p = crate::profile::starter_profile().expect("starter profile");
        p.budget.horizon_years = 5;
        p.requirements.procurement = Procurement::PublicTender;
        let mut v = crate::evaluate::quick(&p).economics.likely;
        v[A::ProviderSelectionMonths] = 3.0;
        v[A::ProviderOnboardingMonths] = 2.5;
        v[A::TermYears] = 3.0;
        let phases = roadmap(&p, &v, SocOption::Outsourced, None);
        let span = |name: &str| {
            let x = phase(&phases, name);
            (x.start_month, x.end_month)
        };
        // Monitoring starts at 3 + 2.5 = 5.5; two months of hypercare, a
        // month to exercise, six to write and test the exit plan.
        assert_eq!(span("Onboard log sources"), (3.0, 5.5));
        assert_eq!(
            span("Tune detections and write playbooks (hypercare)"),
            (5.5, 7.5)
        );
        assert_eq!(span("Exercise together"), (7.5, 8.5));
        assert_eq!(span("Write and test the exit plan"), (8.5, 14.5));
        // The 36-month term: decide 3 + 4 months before it ends (month
        // 29), in time for a new purchase; improvement runs to month 60.
        assert_eq!(span("Reassessment gate"), (29.0, 32.0));
        assert_eq!(span("Review and improve"), (8.5, 60.0));
        assert_eq!(
            phase(&phases, "Reassessment gate").milestones[1],
            "Decision taken 4 months before the 3-year term ends, in time for a new purchase"
        );
        // A public body tenders.
        assert!(phase(&phases, "Select the provider").milestones[0]
            .starts_with("Specification and tender notice"));
        assert!(!phases.iter().any(|x| x.phase == "Build the internal team"));
        let hybrid = roadmap(&p, &v, SocOption::Hybrid, None);
        assert!(hybrid.iter().any(|x| x.phase == "Build the internal team"));
    }
}
