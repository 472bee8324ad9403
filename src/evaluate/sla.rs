//! The SLA checklist: clauses and targets for a provider contract (outsourced
//! or hybrid) or an internal service agreement (in-house).
//!
//! Severity targets follow domain-facts 6.1 (P1 acknowledged in 15 minutes,
//! contained in 1-4 hours, service credits about 5% of the monthly fee);
//! contract clauses and the rules that make them mandatory follow 5.2 and
//! 6.4. A clause is marked mandatory only by frameworks the profile lists.

use super::assessment::{SlaItem, SlaScope, SocOption};
use super::objectives::classification_target_hours;
use super::words::{and_list, hours};
use crate::profile::model::{Framework, Residency, Sharing};
use crate::profile::Profile;

pub fn scope(option: SocOption) -> SlaScope {
    match option {
        SocOption::InHouse => SlaScope::Internal,
        SocOption::Outsourced | SocOption::Hybrid => SlaScope::Contract,
    }
}

fn rules(profile: &Profile, candidates: &[(Framework, &str)]) -> Vec<String> {
    candidates
        .iter()
        .filter(|(f, _)| profile.has_framework(*f))
        .map(|(_, cite)| cite.to_string())
        .collect()
}

pub fn checklist(profile: &Profile, option: SocOption) -> Vec<SlaItem> {
    let contract = scope(option) == SlaScope::Contract;
    let who = if contract {
        "the provider"
    } else {
        "the SOC team"
    };
    let mut items = Vec::new();
    let mut add = |clause: &str,
                   target: String,
                   severity: Option<&str>,
                   mandatory_by: Vec<String>,
                   why: String| {
        items.push(SlaItem {
            clause: clause.to_string(),
            target,
            severity: severity.map(str::to_string),
            mandatory_by,
            why,
        });
    };
    let sla_rules = rules(profile, &[(Framework::Dora, "DORA Art. 30(3)(a)")]);
    let contain_p1 = if contract {
        "contain within 1 hour where the provider has response authority, 4 hours otherwise"
    } else {
        "contain within 1 hour"
    };
    add(
        "Critical incident (P1) response",
        format!("acknowledge within 15 minutes; call the named contact within 30 minutes; {contain_p1}"),
        Some("P1"),
        sla_rules.clone(),
        "Over half of ransomware is deployed within a day of first access (Secureworks 2024), so the first hour decides the damage".into(),
    );
    add(
        "High-severity incident (P2) response",
        "acknowledge within 30 minutes; notify within 1 hour; contain within 4 hours".into(),
        Some("P2"),
        sla_rules.clone(),
        "High-severity alerts escalate to P1 if they wait for the next business day".into(),
    );
    add(
        "Medium-severity incident (P3) response",
        "acknowledge within 4 hours; notify within 8 hours; resolve within 72 hours".into(),
        Some("P3"),
        Vec::new(),
        "Keeps the queue moving without paying for critical-grade response".into(),
    );
    add(
        "Low-severity incident (P4) response",
        "acknowledge next business day; resolve within 5 business days".into(),
        Some("P4"),
        Vec::new(),
        "Low-severity findings still need an owner and a date".into(),
    );
    let clock = profile.compliance.notification_hours;
    let notify_target = clock.map_or(24.0, |c| (c / 4.0).clamp(0.5, 24.0));
    let mut notify_rules = rules(
        profile,
        &[
            (Framework::Gdpr, "GDPR Art. 33(2)"),
            (Framework::UkGdpr, "UK GDPR Art. 33(2)"),
            (Framework::Hipaa, "45 CFR 164.410"),
            (Framework::Nydfs, "23 NYCRR 500.17"),
            (Framework::Dora, "DORA Art. 30(3)(b)"),
        ],
    );
    if !contract {
        notify_rules.clear();
    }
    add(
        if contract { "Breach notification to the organisation" } else { "Escalation to the notification decision-maker" },
        format!("within {} of detecting a likely breach", hours(notify_target)),
        Some("P1-P2"),
        notify_rules,
        match clock {
            Some(c) => format!(
                "The organisation's own clock is {}: the incident must be classified within {} to file on time",
                hours(c),
                hours(classification_target_hours(c))
            ),
            None => "No regulation sets a clock, but customers and insurers expect prompt notice".into(),
        },
    );
    add(
        "Reporting cadence",
        "live portal or ticket view; monthly service report; quarterly service review with a SOC-CMM reassessment; annual review of the agreement".into(),
        None,
        rules(profile, &[(Framework::Dora, "DORA Art. 30(3)(b)")]),
        "The board and regulators need a steady view of performance, not only incident reports".into(),
    );
    add(
        "Escalation matrix",
        format!("named 24/7 contacts on both sides, severity definitions, and a path for cases {who} is unsure about"),
        None,
        Vec::new(),
        "Managed-SOC incidents have run for weeks when an unsure analyst had no one to escalate to".into(),
    );
    if contract {
        let residency = profile.compliance.data_residency;
        let mut location_rules = rules(
            profile,
            &[
                (Framework::Dora, "DORA Art. 30(2)(b)"),
                (Framework::Gdpr, "GDPR Chapter V"),
                (Framework::UkGdpr, "UK GDPR Chapter V"),
                (
                    Framework::CertIn,
                    "CERT-In Directions (logs kept 180 days in India)",
                ),
            ],
        );
        if residency == Residency::Required {
            location_rules.push("the organisation's data-residency requirement".into());
        }
        add(
            "Data location",
            "named countries and regions where data is processed and stored; advance notice of any change".into(),
            None,
            location_rules,
            match residency {
                Residency::Required => "Security data must stay in the organisation's jurisdiction".into(),
                Residency::Preferred => "Keeping security data in the jurisdiction is preferred".into(),
                Residency::None => "Knowing where logs live is needed for transfers and incident response".into(),
            },
        );
        add(
            "Encryption and provider access",
            "encryption in transit and at rest; MFA for provider staff; every provider access logged and reviewable".into(),
            None,
            rules(profile, &[(Framework::Dora, "DORA Art. 30(2)(c)")]),
            "Logs hold credentials and personal data; the provider's access is itself an attack path".into(),
        );
    }
    let mut retention_rules = rules(
        profile,
        &[
            (
                Framework::PciDss,
                "PCI DSS 10.5.1 (12 months, 3 immediately available)",
            ),
            (Framework::CertIn, "CERT-In Directions (180 days)"),
        ],
    );
    if contract {
        retention_rules.extend(rules(
            profile,
            &[
                (Framework::Dora, "DORA Art. 30(2)(d)"),
                (Framework::Gdpr, "GDPR Art. 28(3)(g)"),
                (Framework::UkGdpr, "UK GDPR Art. 28(3)(g)"),
            ],
        ));
    }
    add(
        if contract {
            "Retention, return and deletion at exit"
        } else {
            "Log retention"
        },
        if contract {
            "retention periods per log type; data returned in an open format at exit; certified deletion afterwards".into()
        } else {
            "retention periods per log type, meeting the longest regulatory period".into()
        },
        None,
        retention_rules,
        "Investigations and regulators reach back months; at exit the logs must come back usable"
            .into(),
    );
    if contract {
        let mut audit = rules(
            profile,
            &[
                (Framework::Dora, "DORA Art. 30(3)(e)"),
                (Framework::Gdpr, "GDPR Art. 28(3)(h)"),
                (Framework::UkGdpr, "UK GDPR Art. 28(3)(h)"),
            ],
        );
        audit.dedup();
        add(
            "Right to audit",
            "access, inspection and audit by the organisation and its regulators; SOC 2 Type II or ISO/IEC 27001 evidence each year".into(),
            None,
            audit,
            "Assurance on a provider has to be verified, not assumed".into(),
        );
        add(
            "Sub-processors",
            "a list of sub-processors, approval before changes, the same obligations flowed down"
                .into(),
            None,
            rules(
                profile,
                &[
                    (Framework::Dora, "DORA Art. 30(2)(a)"),
                    (Framework::Gdpr, "GDPR Art. 28(2) and (4)"),
                    (Framework::UkGdpr, "UK GDPR Art. 28(2) and (4)"),
                    (Framework::Nis2, "NIS2 Art. 21(2)(d)"),
                ],
            ),
            "Work passed to a sub-contractor must stay under the same rules".into(),
        );
        add(
            "Staff vetting and training",
            "background checks for staff with access; participation in the organisation's security awareness and exercises".into(),
            None,
            rules(profile, &[(Framework::Dora, "DORA Art. 30(2)(i)")]),
            "Provider analysts see the organisation's most sensitive telemetry".into(),
        );
        add(
            "Response authority",
            "a written list of what the provider may isolate or block without asking, and what needs approval".into(),
            None,
            Vec::new(),
            "Containment within the hour is only possible if the provider may act".into(),
        );
        add(
            "Service credits",
            "5% of the monthly fee per missed P1 or P2 target, capped at 15% a month".into(),
            None,
            Vec::new(),
            "Credits are small in the market (about 5%), but they make targets count".into(),
        );
        add(
            "Exit plan and transition assistance",
            "a tested exit plan, a transition period of at least 6 months, and assistance at pre-agreed rates".into(),
            None,
            rules(profile, &[(Framework::Dora, "DORA Art. 28(8) and 30(3)(f)")]),
            "Lock-in is the main long-term risk of outsourcing; the exit reserve in the costs pays for it".into(),
        );
        if profile.has_framework(Framework::Hipaa) {
            add(
                "Business associate agreement",
                "a BAA before the provider sees any protected health information".into(),
                None,
                vec!["45 CFR 164.504(e)".into()],
                "A provider that handles ePHI is a HIPAA business associate".into(),
            );
        }
        if profile.has_framework(Framework::Dora) {
            add(
                "Incident assistance",
                "help with ICT incidents at no extra cost or at a price agreed in advance".into(),
                None,
                vec!["DORA Art. 30(2)(f)".into()],
                "DORA requires it for every ICT service contract".into(),
            );
        }
    }
    add(
        "Ownership of detection content, runbooks and logs",
        "custom detections, playbooks and all logs belong to the organisation and are handed over in portable formats".into(),
        None,
        Vec::new(),
        if contract {
            "What is built on the organisation's data should not leave with the provider".into()
        } else {
            "Content written by staff who leave must stay with the SOC".into()
        },
    );
    if profile.has_framework(Framework::PciDss) {
        add(
            "Daily log review",
            "security events and critical system logs reviewed every day, automated".into(),
            None,
            vec!["PCI DSS 10.4.1 and 10.4.1.1".into()],
            "PCI DSS requires daily review, holidays included, with automated mechanisms".into(),
        );
    }
    if profile.compliance.third_party_data_sharing != Sharing::Allowed && contract {
        let words = and_list(&[
            "work in the organisation's own tools and region".to_string(),
            "no copy of raw logs outside them".to_string(),
        ]);
        add(
            "Data sharing limits",
            format!("the provider must {words}"),
            None,
            vec!["the organisation's third-party data-sharing rule".into()],
            "Sharing security data with third parties is restricted for this organisation".into(),
        );
    }
    items
}
