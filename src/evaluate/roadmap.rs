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
            s("Shortlist evaluated against the SLA checklist, with a 30-day proof of concept"),
            s("Contract signed with the SLA, exit plan and data terms"),
        ],
        Procurement::PublicTender => [
            s("Specification and tender notice; at least 35 days for tenders"),
            s("Award, standstill period, contract signed"),
        ],
        Procurement::PublicFramework => [
            s("Call-off from a framework or cooperative contract, with a mini-competition"),
            s("Order signed with the SLA, exit plan and data terms"),
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
        s("Logs of endpoints, servers and cloud workloads onboarded")
    };
    let mut b = Builder { phases: Vec::new() };
    b.add(
        "Assess risk and confirm scope",
        0.0,
        1.0,
        "CISO",
        &[
            s("Risk register reviewed with the board"),
            s("Crown jewels and log sources inventoried"),
        ],
    );
    match option {
        SocOption::InHouse => {
            let build = v[A::InHouseBuildMonths];
            b.add(
                "Set objectives and the internal service agreement",
                1.0,
                2.0,
                "CISO with business owners",
                &[
                    s("Objectives and KPIs approved"),
                    s("Severity levels and response targets signed off"),
                ],
            );
            if let Some(br) = bridge {
                b.add(
                    "Bridge: contract a provider to monitor during the build",
                    0.5,
                    br.from_month,
                    "CISO and procurement",
                    &[
                        s("Provider chosen against the SLA checklist"),
                        say(
                            Message::ProviderMonitoringFrom,
                            &[("month", &half(br.from_month).to_string())],
                        ),
                    ],
                );
            }
            b.add(
                "Hire the team and stand up the tools",
                1.0,
                (build * 0.6).max(3.0),
                "SOC manager and HR",
                &[
                    s("SOC manager in post"),
                    s("Analysts and engineers hired to plan"),
                    s("SIEM and EDR in place"),
                ],
            );
            b.add(
                "Onboard log sources",
                build * 0.3,
                build * 0.75,
                "Detection engineering",
                &[onboarded, s("Use cases mapped to the top risks")],
            );
            b.add(
                "Tune detections and write playbooks",
                build * 0.5,
                build,
                "SOC manager",
                &[playbooks, s("False-positive rate agreed and met")],
            );
            b.add(
                "Exercise with IT and the business",
                build - 2.0,
                build,
                "CISO",
                &[
                    s("Executive tabletop exercise"),
                    s("Purple-team test of the crown-jewel detections"),
                ],
            );
            b.add(
                "Go live",
                build,
                build + 1.0,
                "SOC manager",
                &[
                    if bridge.is_some() {
                        s("Monitoring handed over from the bridge provider")
                    } else {
                        s("Round-the-clock rota starts")
                    },
                    s("First monthly service report"),
                ],
            );
            b.add(
                "Review and improve",
                build + 1.0,
                horizon,
                "CISO",
                &[
                    s("Quarterly service reviews and SOC-CMM reassessment"),
                    s("Yearly review of the sourcing model"),
                ],
            );
        }
        SocOption::Outsourced | SocOption::Hybrid => {
            let selection = v[A::ProviderSelectionMonths];
            let start = selection + onboarding;
            b.add(
                "Set objectives and the SLA",
                0.5,
                1.5,
                "CISO",
                &[
                    s("Objectives and KPIs approved"),
                    s("SLA checklist agreed as the basis of the contract"),
                ],
            );
            b.add(
                "Select the provider",
                0.5,
                selection.max(1.0),
                "CISO and procurement",
                &selection_milestones(profile),
            );
            b.add(
                "Onboard log sources",
                selection.max(1.0),
                start,
                "Provider with IT operations",
                &[
                    onboarded,
                    s("Escalation matrix and response authority tested"),
                ],
            );
            if option == SocOption::Hybrid {
                b.add(
                    "Build the internal team",
                    1.0,
                    v[A::HybridBuildMonths].max(2.0),
                    "SOC lead and HR",
                    &[
                        s("Incident-response lead and detection engineers hired"),
                        s("Division of work (RACI) with the provider agreed"),
                    ],
                );
            }
            b.add(
                "Tune detections and write playbooks (hypercare)",
                start,
                start + 2.0,
                if option == SocOption::Hybrid {
                    "Internal team with the provider"
                } else {
                    "Provider with the service owner"
                },
                &[playbooks, s("Alert volume and false positives tuned down")],
            );
            b.add(
                "Exercise together",
                start + 2.0,
                start + 3.0,
                "CISO",
                &[
                    s("Joint tabletop exercise with the provider"),
                    s("Out-of-hours escalation tested"),
                ],
            );
            b.add(
                "Write and test the exit plan",
                start + 3.0,
                start + 9.0,
                "Service owner and procurement",
                &[
                    s("Exit plan documented: data return, licence run-off, transition support"),
                    s("Exit plan tested in a desk exercise"),
                ],
            );
            let term_end = v[A::TermYears] * 12.0;
            let gate_start = (term_end - selection - 4.0).max(start + 9.0);
            b.add(
                "Reassessment gate",
                gate_start.min(horizon - 1.0).max(start + 3.0),
                (gate_start + 3.0).min(horizon),
                "Board, on the CISO’s recommendation",
                &[
                    s("Renew, re-tender or bring the service in-house, on a fresh assessment"),
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
                "Review and improve",
                start + 3.0,
                horizon,
                "Service owner",
                &[
                    s("Monthly service reports and quarterly service reviews"),
                    s("SOC-CMM reassessed every year"),
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
