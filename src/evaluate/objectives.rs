//! Security objectives: specific, measurable, dated, for the recommended option.
//!
//! Targets come from the sources in domain-facts: P1 acknowledgement in 15
//! minutes and containment in 1-4 hours (6.1), classifying an incident in
//! time for the tightest notification clock (5.1), ATT&CK coverage of 60-70%
//! at first and 80% as the SOC matures, and SOC-CMM level 3 within 12 months
//! and 4 within 24 (9).

use super::assessment::{Objective, SocOption};
use super::words::hours;
use crate::profile::Profile;

/// Hours within which an incident must be classified to meet a clock.
pub fn classification_target_hours(clock: f64) -> f64 {
    if clock <= 24.0 {
        (clock / 2.0).min(4.0)
    } else {
        (clock / 3.0).min(24.0)
    }
}

pub fn objectives(
    profile: &Profile,
    option: SocOption,
    live_month: f64,
    complete_month: f64,
) -> Vec<Objective> {
    let live = live_month.ceil() as u32;
    let complete = complete_month.ceil() as u32;
    let critical = profile.environment.critical_assets.len();
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
            format!("Monitor every critical asset ({critical} listed) around the clock")
        } else {
            "Monitor the endpoints, servers and cloud workloads in scope".to_string()
        },
        "Share of critical assets whose logs are onboarded and whose detections are tested",
        "100%".to_string(),
        live,
    );
    push(
        "Acknowledge critical (P1) alerts quickly".to_string(),
        "Median time from P1 alert to analyst acknowledgement",
        "15 minutes or less".to_string(),
        live + 1,
    );
    let contain = if option == SocOption::InHouse {
        "1 hour"
    } else {
        "1 hour with response authority, 4 hours otherwise"
    };
    push(
        "Contain critical incidents before they spread".to_string(),
        "Time from P1 acknowledgement to containment",
        contain.to_string(),
        live + 3,
    );
    if let Some(clock) = profile.compliance.notification_hours {
        push(
            format!("Meet the tightest notification deadline ({})", hours(clock)),
            "Time from first alert to a classified incident with a notify/no-notify decision",
            format!("{} or less", hours(classification_target_hours(clock))),
            live,
        );
    }
    let now = profile.security_team.maturity;
    let first = now.max(2) + 1;
    push(
        format!("Raise SOC maturity from level {now} (SOC-CMM)"),
        "SOC-CMM level, assessed across business, people, process, technology and services",
        format!(
            "level {} by month 12, level {} by month 24",
            first.min(5),
            (first + 1).min(5)
        ),
        12,
    );
    push(
        "Cover the techniques of the threats that matter".to_string(),
        "Share of relevant MITRE ATT&CK techniques with a tested detection",
        "65% at go-live plus 6 months, 80% by month 24".to_string(),
        live + 6,
    );
    push(
        "Prove the response works".to_string(),
        "Tabletop and purple-team exercises run, with findings closed",
        "two a year, the first before month 12".to_string(),
        complete.max(live + 3).min(12),
    );
    push(
        "Run within budget".to_string(),
        "Actual yearly SOC cost against the approved plan",
        "within the annual operating budget every year".to_string(),
        12,
    );
    out
}
