//! The SLA checklist: what to put in each agreement the chosen option
//! needs, with targets, the rule that makes each clause mandatory (or good
//! practice), why it matters, and, for measured targets, when the clock
//! starts and what stops it.
//!
//! Rules are scoped to the agreement they govern. Provider-contract duties
//! (DORA Art. 28-30, the EBA and PRA outsourcing rules, PCI DSS 12.8/12.9,
//! a HIPAA business associate agreement, NIS2 supply-chain security, GDPR
//! processor terms) apply to the SOC provider's contract when there is one,
//! and to the SIEM, EDR and threat-intelligence vendors' contracts in every
//! option, since those vendors are ICT third parties too. An internal
//! service agreement cites only the rules that bind the organisation's own
//! processes (its notification clocks, daily log review).

use super::assessment::{Agreement, SlaItem, SlaScope, SocOption};
use super::messages::{say, Message};
use super::objectives::classification_target_hours;
use super::values::{Values, A};
use crate::numbers::{and_list, hours, trim_float};
use crate::profile::model::{Framework, Industry, Residency, Sharing};
use crate::profile::Profile;
use crate::reference::countries::is_eu_member;

pub(crate) fn scope(option: SocOption) -> SlaScope {
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

/// EU banks, investment firms and payment institutions follow the EBA
/// outsourcing guidelines; UK banks and insurers the PRA's SS2/21.
fn eba(p: &Profile) -> bool {
    let o = &p.organisation;
    o.industry == Industry::Finance
        && (is_eu_member(&o.headquarters) || o.operating_regions.iter().any(|r| r == "EU"))
}

fn pra(p: &Profile) -> bool {
    matches!(
        p.organisation.industry,
        Industry::Finance | Industry::Insurance
    ) && p.organisation.headquarters == "GB"
}

struct Checklist {
    items: Vec<SlaItem>,
}

impl Checklist {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        agreement: Agreement,
        clause: &str,
        target: String,
        severity: Option<&str>,
        clock: Option<&str>,
        mandatory_by: Vec<String>,
        why: String,
    ) {
        self.items.push(SlaItem {
            agreement,
            key: (agreement == PROVIDER)
                .then(|| crate::profile::model::ProviderClause::of_clause(clause))
                .flatten(),
            clause: clause.to_string(),
            target,
            severity: severity.map(str::to_string),
            clock: clock.map(str::to_string),
            mandatory_by,
            why,
        });
    }
}

const PROVIDER: Agreement = Agreement::Provider;
const VENDORS: Agreement = Agreement::Vendors;
const INTERNAL: Agreement = Agreement::Internal;

pub(crate) fn checklist(profile: &Profile, option: SocOption, v: &Values) -> Vec<SlaItem> {
    let mut c = Checklist { items: Vec::new() };
    let contract = scope(option) == SlaScope::Contract;
    let agreement = if contract { PROVIDER } else { INTERNAL };
    severity_targets(&mut c, profile, contract, agreement);
    service_quality(&mut c, profile, agreement, contract);
    if contract {
        provider_terms(&mut c, profile, v);
    }
    vendor_terms(&mut c, profile, option);
    if profile.has_framework(Framework::PciDss) {
        c.add(
            INTERNAL,
            "Daily log review",
            "security events and logs of critical systems reviewed every day, holidays included, by automated means".into(),
            None,
            Some("each calendar day"),
            vec!["PCI DSS 10.4.1 and 10.4.1.1".into()],
            "PCI DSS requires it whoever runs the SOC; a provider’s review counts only if the responsibility matrix says so".into(),
        );
    }
    c.items
}

fn severity_targets(c: &mut Checklist, profile: &Profile, contract: bool, agreement: Agreement) {
    // Precise quantitative SLAs are a DORA duty for ICT services that
    // support critical functions; for an internal SOC they are targets.
    let sla_rule = if contract {
        rules(profile, &[(Framework::Dora, "DORA Art. 30(3)(a)")])
    } else {
        Vec::new()
    };
    let contain_p1 = if contract {
        "contain within 1 hour where the provider has response authority, 4 hours otherwise"
    } else {
        "contain within 1 hour"
    };
    let clock = "starts at the alert’s timestamp in the SIEM or EDR; acknowledgement stops at the first analyst action on it, notification at a named contact reached by phone, containment at the host isolated or the account disabled";
    c.add(
        agreement,
        "Critical incident (P1) response",
        say(Message::P1Response, &[("contain_p1", contain_p1)]),
        Some("P1"),
        Some(clock),
        sla_rule.clone(),
        "Over half of ransomware is deployed within a day of first access, so the first hour decides the damage".into(),
    );
    c.add(
        agreement,
        "High-severity incident (P2) response",
        "acknowledge within 30 minutes; notify within 1 hour; contain within 4 hours".into(),
        Some("P2"),
        Some(clock),
        sla_rule.clone(),
        "High-severity alerts escalate to P1 if they wait for the next business day".into(),
    );
    c.add(
        agreement,
        "Medium-severity incident (P3) response",
        "acknowledge within 4 hours; notify within 8 hours; resolve within 72 hours".into(),
        Some("P3"),
        Some(clock),
        Vec::new(),
        "Keeps the queue moving without paying for critical-grade response".into(),
    );
    c.add(
        agreement,
        "Low-severity incident (P4) response",
        "acknowledge next business day; resolve within 5 business days".into(),
        Some("P4"),
        Some("business hours only; starts at the alert’s timestamp, stops at resolution recorded in the ticket"),
        Vec::new(),
        "Low-severity findings still need an owner and a date".into(),
    );
    let notify_clock = profile.compliance.notification_hours;
    let notify_target = notify_clock.map_or(24.0, |h| (h / 4.0).clamp(0.5, 24.0));
    let notify_rules = if contract {
        rules(
            profile,
            &[
                (Framework::Gdpr, "GDPR Art. 33(2)"),
                (Framework::UkGdpr, "UK GDPR Art. 33(2)"),
                (Framework::Hipaa, "45 CFR 164.410"),
                (Framework::Nydfs, "23 NYCRR 500.17"),
                (Framework::Dora, "DORA Art. 30(2)(f)"),
            ],
        )
    } else {
        // The organisation's own clock binds it directly.
        rules(
            profile,
            &[
                (Framework::Gdpr, "GDPR Art. 33"),
                (Framework::UkGdpr, "UK GDPR Art. 33"),
                (Framework::Nis2, "NIS2 Art. 23"),
                (Framework::Dora, "DORA Art. 19"),
                (Framework::CertIn, "CERT-In Directions"),
                (Framework::Hipaa, "45 CFR 164.404"),
                (Framework::SecCyber, "SEC Form 8-K Item 1.05"),
            ],
        )
    };
    c.add(
        agreement,
        if contract { "Breach notification to the organisation" } else { "Escalation to the notification decision-maker" },
        say(Message::NotifyWithin, &[("limit", &hours(notify_target))]),
        Some("P1-P2"),
        Some("starts when an analyst first judges that personal or regulated data may be affected; stops at written notice to the named decision-maker"),
        notify_rules,
        match notify_clock {
            Some(h) => say(
                Message::OwnNotificationClock,
                &[
                    ("clock", &hours(h)),
                    ("classify", &hours(classification_target_hours(h))),
                ],
            ),
            None => "No regulation sets a clock, but customers and insurers expect prompt notice".into(),
        },
    );
}

fn service_quality(c: &mut Checklist, profile: &Profile, agreement: Agreement, contract: bool) {
    let who = if contract {
        "the provider"
    } else {
        "the SOC team"
    };
    c.add(
        agreement,
        "How each metric is measured",
        "every target above defined in writing (what counts as acknowledged, notified, contained), measured from platform timestamps, reported monthly with the raw data".into(),
        None,
        None,
        if contract { rules(profile, &[(Framework::Dora, "DORA Art. 30(3)(a)")]) } else { Vec::new() },
        "Providers define ‘response’ differently (triage, notification or containment); an undefined 15-minute target is worth little".into(),
    );
    c.add(
        agreement,
        "Log ingestion latency",
        "95% of events searchable within 5 minutes for critical sources, 15 minutes for the rest".into(),
        None,
        Some("starts at the event’s timestamp at the source; stops when it can be searched and alerted on"),
        Vec::new(),
        "A detection cannot be faster than the logs it reads".into(),
    );
    c.add(
        agreement,
        "Log-source health",
        "a silent critical log source detected and raised within 4 hours (24 hours for others); a monthly coverage report of sources expected against received".into(),
        None,
        Some("starts at the last event received from the source"),
        Vec::new(),
        "Attackers turn logging off first; a quiet source is an alert, not a gap".into(),
    );
    c.add(
        agreement,
        "Detection content turnaround",
        "a new or changed detection for an actively exploited threat within 48 hours; other requests within 5 business days".into(),
        None,
        Some("starts at the request or the public advisory; stops when the detection is live and tested"),
        Vec::new(),
        "New techniques are exploited within days of disclosure".into(),
    );
    c.add(
        agreement,
        "Threat hunting",
        say(
            Message::HuntingCadence,
            &[("threats", &top_threats(profile))],
        ),
        None,
        None,
        Vec::new(),
        "Hunting finds what detections miss, and what the organisation’s own threats look like"
            .into(),
    );
    c.add(
        agreement,
        "Reporting cadence",
        "live portal or ticket view; monthly service report; quarterly service review with a SOC-CMM reassessment; annual review of the agreement".into(),
        None,
        None,
        if contract { rules(profile, &[(Framework::Dora, "DORA Art. 30(3)(b)")]) } else { Vec::new() },
        "The board and regulators need a steady view of performance, not only incident reports".into(),
    );
    c.add(
        agreement,
        "Escalation matrix",
        say(Message::EscalationContacts, &[("who", who)]),
        None,
        None,
        Vec::new(),
        "Managed-SOC incidents have run for weeks when an unsure analyst had no one to escalate to"
            .into(),
    );
    c.add(
        agreement,
        "Ownership of detection content, runbooks and logs",
        "custom detections, playbooks and all logs belong to the organisation and are handed over in portable formats".into(),
        None,
        None,
        Vec::new(),
        if contract {
            "What is built on the organisation’s data should not leave with the provider".into()
        } else {
            "Content written by staff who leave must stay with the SOC".into()
        },
    );
}

fn top_threats(profile: &Profile) -> String {
    let names: Vec<String> = profile
        .risk
        .threats
        .iter()
        .take(3)
        .map(|t| t.label().to_lowercase())
        .collect();
    if names.is_empty() {
        "the organisation’s own threats".into()
    } else {
        and_list(&names)
    }
}

fn provider_terms(c: &mut Checklist, profile: &Profile, v: &Values) {
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
        location_rules.push("the organisation’s data-residency requirement".into());
    }
    c.add(
        PROVIDER,
        "Where data and analysts are",
        "named countries where data is processed and stored and where the analysts who see it work (follow-the-sun locations included); advance notice of any change".into(),
        None,
        None,
        location_rules,
        match residency {
            Residency::Required => "Security data must stay in the organisation’s jurisdiction".into(),
            Residency::Preferred => "Keeping security data in the jurisdiction is preferred".into(),
            Residency::None => "Knowing where logs live and who reads them is needed for transfers and incident response".into(),
        },
    );
    c.add(
        PROVIDER,
        "Encryption and provider access",
        "encryption in transit and at rest; MFA for provider staff; every provider access logged and reviewable by the organisation".into(),
        None,
        None,
        rules(profile, &[(Framework::Dora, "DORA Art. 30(2)(c)")]),
        "Logs hold credentials and personal data; the provider’s access is itself an attack path".into(),
    );
    let mut retention = rules(
        profile,
        &[
            (
                Framework::PciDss,
                "PCI DSS 10.5.1 (12 months, 3 immediately available)",
            ),
            (Framework::CertIn, "CERT-In Directions (180 days)"),
            (Framework::Dora, "DORA Art. 30(2)(d)"),
            (Framework::Gdpr, "GDPR Art. 28(3)(g)"),
            (Framework::UkGdpr, "UK GDPR Art. 28(3)(g)"),
        ],
    );
    retention.dedup();
    c.add(
        PROVIDER,
        "Retention, return and deletion at exit",
        say(
            Message::RetentionAtExit,
            &[("days", &trim_float(v[A::RetentionDays]))],
        ),
        None,
        None,
        retention,
        "Investigations and regulators reach back months; at exit the logs must come back usable"
            .into(),
    );
    let mut audit = rules(
        profile,
        &[
            (Framework::Dora, "DORA Art. 30(3)(e)"),
            (Framework::Gdpr, "GDPR Art. 28(3)(h)"),
            (Framework::UkGdpr, "UK GDPR Art. 28(3)(h)"),
        ],
    );
    if eba(profile) {
        audit.push("EBA GL/2019/02, access and audit rights".into());
    }
    if pra(profile) {
        audit.push("PRA SS2/21 Ch. 8".into());
    }
    c.add(
        PROVIDER,
        "Right to audit",
        "access, inspection and audit by the organisation and its regulators; SOC 2 Type II or ISO/IEC 27001 evidence each year".into(),
        None,
        None,
        audit,
        "Assurance on a provider has to be verified, not assumed".into(),
    );
    let mut sub = rules(
        profile,
        &[
            (Framework::Dora, "DORA Art. 30(2)(a)"),
            (Framework::Gdpr, "GDPR Art. 28(2) and (4)"),
            (Framework::UkGdpr, "UK GDPR Art. 28(2) and (4)"),
            (Framework::Nis2, "NIS2 Art. 21(2)(d)"),
        ],
    );
    if pra(profile) {
        sub.push("PRA SS2/21 Ch. 9".into());
    }
    c.add(
        PROVIDER,
        "Sub-processors",
        "a list of sub-processors, approval before changes, the same obligations flowed down"
            .into(),
        None,
        None,
        sub,
        "Work passed to a sub-contractor must stay under the same rules".into(),
    );
    c.add(
        PROVIDER,
        "Staff vetting and training",
        "background checks for staff with access; participation in the organisation’s security awareness and exercises".into(),
        None,
        None,
        rules(profile, &[(Framework::Dora, "DORA Art. 30(2)(i)")]),
        "Provider analysts see the organisation’s most sensitive telemetry".into(),
    );
    c.add(
        PROVIDER,
        "Response authority",
        "a written list of what the provider may isolate or block without asking, and what needs approval, with the approvers’ rota".into(),
        None,
        None,
        Vec::new(),
        "Containment within the hour is only possible if the provider may act".into(),
    );
    c.add(
        PROVIDER,
        "Platform availability",
        "99.9% a month for the monitoring platform and portal, measured by the provider and shown in the monthly report".into(),
        None,
        Some("outage minutes count from the first failed health check to service restored"),
        Vec::new(),
        "A monitoring platform that is down watches nothing; availability is where providers give credits".into(),
    );
    c.add(
        PROVIDER,
        "Service credits",
        "5% of the monthly fee per missed P1 or P2 target, capped at 15% a month; repeated misses a ground for termination".into(),
        None,
        None,
        Vec::new(),
        "Credits are small in the market (about 5%), but they make targets count".into(),
    );
    c.add(
        PROVIDER,
        "Liability and insurance",
        "liability of at least 12 months’ fees, uncapped for data-protection breaches and gross negligence; cyber and professional indemnity insurance, certificates each year".into(),
        None,
        None,
        Vec::new(),
        "A provider’s mistake can cost far more than its fee; caps set at one month’s fees leave the loss with the client".into(),
    );
    c.add(
        PROVIDER,
        "Price escalators and estate true-up",
        "yearly increase capped at inflation; the estate counted as a rolling average, true-up once a year, re-quote only beyond a 20% change".into(),
        None,
        None,
        Vec::new(),
        say(
            Message::UncappedEscalators,
            &[("growth", &trim_float(profile.organisation.annual_growth_pct))],
        ),
    );
    let mut termination = rules(profile, &[(Framework::Dora, "DORA Art. 28(7)")]);
    if eba(profile) {
        termination.push("EBA GL/2019/02 para. 98".into());
    }
    if pra(profile) {
        termination.push("PRA SS2/21 Ch. 10".into());
    }
    c.add(
        PROVIDER,
        "Step-in and termination rights",
        "termination for material breach, repeated SLA misses, change of control or a regulator’s instruction; the right to step in or appoint another provider to run the service".into(),
        None,
        None,
        termination,
        "When the provider fails, the organisation must be able to take the service back at once".into(),
    );
    let mut continuity = rules(profile, &[(Framework::Dora, "DORA Art. 30(3)(c)")]);
    if pra(profile) {
        continuity.push("PRA SS2/21 Ch. 10".into());
    }
    c.add(
        PROVIDER,
        "The provider’s business continuity",
        "a continuity and disaster-recovery plan for the SOC service, tested every year with results shared; monitoring restored within 4 hours; staged roll-out of agent and content updates".into(),
        None,
        Some("restoration counts from loss of monitoring to monitoring restored"),
        continuity,
        "Many clients share one provider and one platform; a single faulty update stopped millions of machines in July 2024".into(),
    );
    let mut exit = rules(
        profile,
        &[(Framework::Dora, "DORA Art. 28(8) and 30(3)(f)")],
    );
    if pra(profile) {
        exit.push("PRA SS2/21 Ch. 10".into());
    }
    if eba(profile) {
        exit.push("EBA GL/2019/02, exit strategies".into());
    }
    c.add(
        PROVIDER,
        "Exit plan and transition assistance",
        say(
            Message::ExitAssistance,
            &[("months", &trim_float(v[A::ExitTransitionMonths]))],
        ),
        None,
        None,
        exit,
        "Lock-in is the main long-term risk of outsourcing; the exit reserve in the costs pays for it".into(),
    );
    c.add(
        PROVIDER,
        "Licences at exit",
        "who owns the bundled platform’s licences and agents; at least 90 days of run-off after exit so endpoints are never unprotected".into(),
        None,
        None,
        Vec::new(),
        "With a bundled platform the EDR agents on every endpoint belong to the provider’s contract".into(),
    );
    if profile.has_framework(Framework::PciDss) {
        c.add(
            PROVIDER,
            "PCI DSS responsibility matrix",
            "a matrix of which PCI DSS requirements the provider meets, the organisation meets, or both share; the provider’s written acknowledgement of its responsibilities".into(),
            None,
            None,
            vec!["PCI DSS 12.8.2, 12.8.5 and 12.9".into()],
            "Card-data duties do not move to a provider unless the contract says which ones".into(),
        );
    }
    if profile.has_framework(Framework::Dora) {
        c.add(
            PROVIDER,
            "Register of information",
            "the provider supplies what the organisation’s register of ICT contracts needs, and notice of changes".into(),
            None,
            None,
            vec!["DORA Art. 28(3)".into()],
            "EU financial entities keep a register of every ICT third-party arrangement for their supervisor".into(),
        );
        c.add(
            PROVIDER,
            "Incident assistance",
            "help with ICT incidents at no extra cost or at a price agreed in advance".into(),
            None,
            None,
            vec!["DORA Art. 30(2)(f)".into()],
            "DORA requires it for every ICT service contract".into(),
        );
    }
    if profile.has_framework(Framework::Hipaa) {
        c.add(
            PROVIDER,
            "Business associate agreement",
            "a BAA before the provider sees any protected health information; breaches reported to the organisation within its own clock".into(),
            None,
            None,
            vec!["45 CFR 164.502(e) and 164.504(e)".into()],
            "A provider that handles ePHI is a HIPAA business associate".into(),
        );
    }
    if profile.has_framework(Framework::Gdpr) || profile.has_framework(Framework::UkGdpr) {
        c.add(
            PROVIDER,
            "Processor terms",
            "documented instructions, confidentiality, security measures, assistance, and return or deletion of all personal data at the end".into(),
            None,
            None,
            rules(profile, &[(Framework::Gdpr, "GDPR Art. 28(3)"), (Framework::UkGdpr, "UK GDPR Art. 28(3)")]),
            "Security logs hold personal data, so the provider is a processor".into(),
        );
    }
    if profile.compliance.third_party_data_sharing != Sharing::Allowed {
        let words = and_list(&[
            "work in the organisation’s own tools and region".to_string(),
            "no copy of raw logs outside them".to_string(),
        ]);
        c.add(
            PROVIDER,
            "Data sharing limits",
            say(Message::ProviderMust, &[("terms", &words)]),
            None,
            None,
            vec!["the organisation’s third-party data-sharing rule".into()],
            "Sharing security data with third parties is restricted for this organisation".into(),
        );
    }
}

/// The SIEM, EDR and threat-intelligence vendors' contracts, in every
/// option where the organisation buys those tools itself.
fn vendor_terms(c: &mut Checklist, profile: &Profile, option: SocOption) {
    let bundled = option == SocOption::Outsourced
        && profile
            .mssp_quote
            .as_ref()
            .is_none_or(|q| q.platform == crate::profile::model::ProviderPlatform::Bundled);
    if bundled {
        return;
    }
    let mut ict = rules(
        profile,
        &[
            (Framework::Dora, "DORA Art. 28–30"),
            (Framework::Nis2, "NIS2 Art. 21(2)(d)"),
        ],
    );
    if pra(profile) {
        ict.push("PRA SS2/21".into());
    }
    c.add(
        VENDORS,
        "Security tool vendors (SIEM, EDR, threat intelligence)",
        "service levels for the platform and support; data location and return at exit; audit rights; notice of security incidents at the vendor; staged roll-out of agent and content updates".into(),
        None,
        None,
        ict,
        "The tools are ICT services the SOC depends on; a vendor’s incident or faulty update is the organisation’s incident too".into(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::model::FrameworkRef;

    /// A profile that brings in every rule the checklist knows.
    fn strict() -> Profile {
        let mut p = crate::profile::starter_profile().expect("reference profile");
        p.organisation.industry = Industry::Finance;
        p.organisation.headquarters = "DE".into();
        p.compliance.frameworks = [
            Framework::Dora,
            Framework::PciDss,
            Framework::Hipaa,
            Framework::Gdpr,
            Framework::Nis2,
        ]
        .into_iter()
        .map(FrameworkRef::Known)
        .collect();
        p.compliance.data_residency = Residency::Required;
        p.compliance.third_party_data_sharing = Sharing::Restricted;
        p
    }

    #[test]
    fn every_provider_clause_has_a_key_a_quote_can_name() {
        let p = strict();
        let v = crate::evaluate::quick(&p).economics.likely;
        let items = checklist(&p, SocOption::Outsourced, &v);
        let provider: Vec<&SlaItem> = items.iter().filter(|i| i.agreement == PROVIDER).collect();
        assert!(provider.len() >= 30, "{}", provider.len());
        for item in provider {
            assert!(item.key.is_some(), "no key for `{}`", item.clause);
        }
        for item in items.iter().filter(|i| i.agreement != PROVIDER) {
            assert!(item.key.is_none(), "{}", item.clause);
        }
    }

    #[test]
    fn an_internal_agreement_cites_no_provider_duty() {
        let p = strict();
        let v = crate::evaluate::quick(&p).economics.likely;
        let items = checklist(&p, SocOption::InHouse, &v);
        assert_eq!(scope(SocOption::InHouse), SlaScope::Internal);
        for item in items.iter().filter(|i| i.agreement == INTERNAL) {
            let rules = item.mandatory_by.join("; ");
            assert!(!rules.contains("DORA Art. 30"), "{}: {rules}", item.clause);
        }
        // The card-data rule binds the organisation whoever runs the SOC.
        assert!(items.iter().any(|i| i.clause == "Daily log review"));
    }

    #[test]
    fn the_notification_clause_is_scoped_to_the_agreement_and_a_quarter_of_the_clock() {
        let mut p = crate::profile::starter_profile().expect("reference profile");
        p.compliance.frameworks = vec![FrameworkRef::Known(Framework::Gdpr)];
        p.compliance.notification_hours = Some(72.0);
        let v = crate::evaluate::quick(&p).economics.likely;
        let clause = |p: &Profile, option: SocOption| {
            checklist(p, option, &v)
                .into_iter()
                .find(|i| i.severity.as_deref() == Some("P1-P2"))
                .expect("a notification clause")
        };
        // A provider owes the organisation notice within a quarter of its
        // 72-hour clock, 18 hours, under the processor's duty; an internal
        // SOC escalates within the same 18 hours under the controller's.
        let contract = clause(&p, SocOption::Outsourced);
        assert_eq!(contract.agreement, Agreement::Provider);
        assert_eq!(contract.clause, "Breach notification to the organisation");
        assert_eq!(
            contract.target,
            format!("within {} of detecting a likely breach", hours(18.0))
        );
        assert_eq!(contract.mandatory_by, ["GDPR Art. 33(2)"]);
        let internal = clause(&p, SocOption::InHouse);
        assert_eq!(internal.agreement, Agreement::Internal);
        assert_eq!(
            internal.clause,
            "Escalation to the notification decision-maker"
        );
        assert_eq!(internal.mandatory_by, ["GDPR Art. 33"]);
        // A one-hour clock still leaves half an hour; no clock, a day.
        p.compliance.notification_hours = Some(1.0);
        assert_eq!(
            clause(&p, SocOption::Hybrid).target,
            format!("within {} of detecting a likely breach", hours(0.5))
        );
        p.compliance.notification_hours = None;
        assert_eq!(
            clause(&p, SocOption::Hybrid).target,
            format!("within {} of detecting a likely breach", hours(24.0))
        );
    }
}
