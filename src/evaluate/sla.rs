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
            Message::SlaDailyLogReviewClause.template(),
            Message::SlaDailyLogReviewTarget.template().into(),
            None,
            Some(Message::SlaDailyLogReviewClock.template()),
            vec![Message::SlaRulePciDss10_4_1And10_4_1_1.template().into()],
            Message::SlaDailyLogReviewWhy.template().into(),
        );
    }
    c.items
}

fn severity_targets(c: &mut Checklist, profile: &Profile, contract: bool, agreement: Agreement) {
    // Precise quantitative SLAs are a DORA duty for ICT services that
    // support critical functions; for an internal SOC they are targets.
    let sla_rule = if contract {
        rules(
            profile,
            &[(Framework::Dora, Message::SlaRuleDoraArt30_3A.template())],
        )
    } else {
        Vec::new()
    };
    let contain_p1 = if contract {
        Message::SlaP1ContainContract.template()
    } else {
        Message::SlaP1ContainInternal.template()
    };
    let clock = Message::SlaIncidentResponseClock.template();
    c.add(
        agreement,
        Message::SlaP1ResponseClause.template(),
        say(Message::P1Response, &[("contain_p1", contain_p1)]),
        Some("P1"),
        Some(clock),
        sla_rule.clone(),
        Message::SlaP1ResponseWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaP2ResponseClause.template(),
        Message::SlaP2ResponseTarget.template().into(),
        Some("P2"),
        Some(clock),
        sla_rule.clone(),
        Message::SlaP2ResponseWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaP3ResponseClause.template(),
        Message::SlaP3ResponseTarget.template().into(),
        Some("P3"),
        Some(clock),
        Vec::new(),
        Message::SlaP3ResponseWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaP4ResponseClause.template(),
        Message::SlaP4ResponseTarget.template().into(),
        Some("P4"),
        Some(Message::SlaP4ResponseClock.template()),
        Vec::new(),
        Message::SlaP4ResponseWhy.template().into(),
    );
    let notify_clock = profile.compliance.notification_hours;
    let notify_target = notify_clock.map_or(24.0, |h| (h / 4.0).clamp(0.5, 24.0));
    let notify_rules = if contract {
        rules(
            profile,
            &[
                (Framework::Gdpr, Message::SlaRuleGdprArt33_2.template()),
                (Framework::UkGdpr, Message::SlaRuleUkGdprArt33_2.template()),
                (Framework::Hipaa, "45 CFR 164.410"),
                (Framework::Nydfs, "23 NYCRR 500.17"),
                (Framework::Dora, Message::SlaRuleDoraArt30_2F.template()),
            ],
        )
    } else {
        // The organisation's own clock binds it directly.
        rules(
            profile,
            &[
                (Framework::Gdpr, Message::SlaRuleGdprArt33.template()),
                (Framework::UkGdpr, Message::SlaRuleUkGdprArt33.template()),
                (Framework::Nis2, "NIS2 Art. 23"),
                (Framework::Dora, Message::SlaRuleDoraArt19.template()),
                (
                    Framework::CertIn,
                    Message::SlaRuleCertInDirections.template(),
                ),
                (Framework::Hipaa, "45 CFR 164.404"),
                (
                    Framework::SecCyber,
                    Message::SlaRuleSecForm8KItem1_05.template(),
                ),
            ],
        )
    };
    c.add(
        agreement,
        if contract {
            Message::SlaBreachNotificationClause.template()
        } else {
            Message::SlaEscalationToDecisionMakerClause.template()
        },
        say(Message::NotifyWithin, &[("limit", &hours(notify_target))]),
        Some("P1-P2"),
        Some(Message::SlaBreachNotificationClock.template()),
        notify_rules,
        match notify_clock {
            Some(h) => say(
                Message::OwnNotificationClock,
                &[
                    ("clock", &hours(h)),
                    ("classify", &hours(classification_target_hours(h))),
                ],
            ),
            None => Message::SlaBreachNotificationWhyNoClock.template().into(),
        },
    );
}

fn service_quality(c: &mut Checklist, profile: &Profile, agreement: Agreement, contract: bool) {
    let who = if contract {
        Message::SlaWhoProvider.template()
    } else {
        Message::SlaWhoSocTeam.template()
    };
    c.add(
        agreement,
        Message::SlaMetricMeasurementClause.template(),
        Message::SlaMetricMeasurementTarget.template().into(),
        None,
        None,
        if contract {
            rules(
                profile,
                &[(Framework::Dora, Message::SlaRuleDoraArt30_3A.template())],
            )
        } else {
            Vec::new()
        },
        Message::SlaMetricMeasurementWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaLogIngestionLatencyClause.template(),
        Message::SlaLogIngestionLatencyTarget.template().into(),
        None,
        Some(Message::SlaLogIngestionLatencyClock.template()),
        Vec::new(),
        Message::SlaLogIngestionLatencyWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaLogSourceHealthClause.template(),
        Message::SlaLogSourceHealthTarget.template().into(),
        None,
        Some(Message::SlaLogSourceHealthClock.template()),
        Vec::new(),
        Message::SlaLogSourceHealthWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaDetectionContentTurnaroundClause.template(),
        Message::SlaDetectionContentTurnaroundTarget
            .template()
            .into(),
        None,
        Some(Message::SlaDetectionContentTurnaroundClock.template()),
        Vec::new(),
        Message::SlaDetectionContentTurnaroundWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaThreatHuntingClause.template(),
        say(
            Message::HuntingCadence,
            &[("threats", &top_threats(profile))],
        ),
        None,
        None,
        Vec::new(),
        Message::SlaThreatHuntingWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaReportingCadenceClause.template(),
        Message::SlaReportingCadenceTarget.template().into(),
        None,
        None,
        if contract {
            rules(
                profile,
                &[(Framework::Dora, Message::SlaRuleDoraArt30_3B.template())],
            )
        } else {
            Vec::new()
        },
        Message::SlaReportingCadenceWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaEscalationMatrixClause.template(),
        say(Message::EscalationContacts, &[("who", who)]),
        None,
        None,
        Vec::new(),
        Message::SlaEscalationMatrixWhy.template().into(),
    );
    c.add(
        agreement,
        Message::SlaContentOwnershipClause.template(),
        Message::SlaContentOwnershipTarget.template().into(),
        None,
        None,
        Vec::new(),
        if contract {
            Message::SlaContentOwnershipWhyContract.template().into()
        } else {
            Message::SlaContentOwnershipWhyInternal.template().into()
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
        Message::SlaOwnThreatsFallback.template().into()
    } else {
        and_list(&names)
    }
}

fn provider_terms(c: &mut Checklist, profile: &Profile, v: &Values) {
    let residency = profile.compliance.data_residency;
    let mut location_rules = rules(
        profile,
        &[
            (Framework::Dora, Message::SlaRuleDoraArt30_2B.template()),
            (Framework::Gdpr, Message::SlaRuleGdprChapterV.template()),
            (Framework::UkGdpr, Message::SlaRuleUkGdprChapterV.template()),
            (
                Framework::CertIn,
                Message::SlaRuleCertInDirectionsLogsKept180DaysInIndia.template(),
            ),
        ],
    );
    if residency == Residency::Required {
        location_rules.push(
            Message::SlaRuleTheOrganisationsDataResidencyRequirement
                .template()
                .into(),
        );
    }
    c.add(
        PROVIDER,
        Message::SlaDataLocationClause.template(),
        Message::SlaDataLocationTarget.template().into(),
        None,
        None,
        location_rules,
        match residency {
            Residency::Required => Message::SlaDataLocationWhyRequired.template().into(),
            Residency::Preferred => Message::SlaDataLocationWhyPreferred.template().into(),
            Residency::None => Message::SlaDataLocationWhyNone.template().into(),
        },
    );
    c.add(
        PROVIDER,
        Message::SlaEncryptionClause.template(),
        Message::SlaEncryptionTarget.template().into(),
        None,
        None,
        rules(
            profile,
            &[(Framework::Dora, Message::SlaRuleDoraArt30_2C.template())],
        ),
        Message::SlaEncryptionWhy.template().into(),
    );
    let mut retention = rules(
        profile,
        &[
            (
                Framework::PciDss,
                Message::SlaRulePciDss10_5_1_12Months3ImmediatelyAvailable.template(),
            ),
            (
                Framework::CertIn,
                Message::SlaRuleCertInDirections180Days.template(),
            ),
            (Framework::Dora, Message::SlaRuleDoraArt30_2D.template()),
            (Framework::Gdpr, Message::SlaRuleGdprArt28_3G.template()),
            (Framework::UkGdpr, Message::SlaRuleUkGdprArt28_3G.template()),
        ],
    );
    retention.dedup();
    c.add(
        PROVIDER,
        Message::SlaRetentionClause.template(),
        say(
            Message::RetentionAtExit,
            &[("days", &trim_float(v[A::RetentionDays]))],
        ),
        None,
        None,
        retention,
        Message::SlaRetentionWhy.template().into(),
    );
    let mut audit = rules(
        profile,
        &[
            (Framework::Dora, Message::SlaRuleDoraArt30_3E.template()),
            (Framework::Gdpr, Message::SlaRuleGdprArt28_3H.template()),
            (Framework::UkGdpr, Message::SlaRuleUkGdprArt28_3H.template()),
        ],
    );
    if eba(profile) {
        audit.push(
            Message::SlaRuleEbaGl2019_02AccessAndAuditRights
                .template()
                .into(),
        );
    }
    if pra(profile) {
        audit.push(Message::SlaRulePraSs2_21Ch8.template().into());
    }
    c.add(
        PROVIDER,
        Message::SlaRightToAuditClause.template(),
        Message::SlaRightToAuditTarget.template().into(),
        None,
        None,
        audit,
        Message::SlaRightToAuditWhy.template().into(),
    );
    let mut sub = rules(
        profile,
        &[
            (Framework::Dora, Message::SlaRuleDoraArt30_2A.template()),
            (Framework::Gdpr, Message::SlaRuleGdprArt28_2And4.template()),
            (
                Framework::UkGdpr,
                Message::SlaRuleUkGdprArt28_2And4.template(),
            ),
            (Framework::Nis2, "NIS2 Art. 21(2)(d)"),
        ],
    );
    if pra(profile) {
        sub.push(Message::SlaRulePraSs2_21Ch9.template().into());
    }
    c.add(
        PROVIDER,
        "Sub-processors",
        Message::SlaSubProcessorsTarget.template().into(),
        None,
        None,
        sub,
        Message::SlaSubProcessorsWhy.template().into(),
    );
    c.add(
        PROVIDER,
        Message::SlaStaffVettingClause.template(),
        Message::SlaStaffVettingTarget.template().into(),
        None,
        None,
        rules(
            profile,
            &[(Framework::Dora, Message::SlaRuleDoraArt30_2I.template())],
        ),
        Message::SlaStaffVettingWhy.template().into(),
    );
    c.add(
        PROVIDER,
        Message::SlaResponseAuthorityClause.template(),
        Message::SlaResponseAuthorityTarget.template().into(),
        None,
        None,
        Vec::new(),
        Message::SlaResponseAuthorityWhy.template().into(),
    );
    c.add(
        PROVIDER,
        Message::SlaPlatformAvailabilityClause.template(),
        Message::SlaPlatformAvailabilityTarget.template().into(),
        None,
        Some(Message::SlaPlatformAvailabilityClock.template()),
        Vec::new(),
        Message::SlaPlatformAvailabilityWhy.template().into(),
    );
    c.add(
        PROVIDER,
        Message::SlaServiceCreditsClause.template(),
        Message::SlaServiceCreditsTarget.template().into(),
        None,
        None,
        Vec::new(),
        Message::SlaServiceCreditsWhy.template().into(),
    );
    c.add(
        PROVIDER,
        Message::SlaLiabilityAndInsuranceClause.template(),
        Message::SlaLiabilityAndInsuranceTarget.template().into(),
        None,
        None,
        Vec::new(),
        Message::SlaLiabilityAndInsuranceWhy.template().into(),
    );
    c.add(
        PROVIDER,
        Message::SlaPriceEscalatorsClause.template(),
        Message::SlaPriceEscalatorsTarget.template().into(),
        None,
        None,
        Vec::new(),
        say(
            Message::UncappedEscalators,
            &[(
                "growth",
                &trim_float(profile.organisation.annual_growth_pct),
            )],
        ),
    );
    let mut termination = rules(
        profile,
        &[(Framework::Dora, Message::SlaRuleDoraArt28_7.template())],
    );
    if eba(profile) {
        termination.push(Message::SlaRuleEbaGl2019_02Para98.template().into());
    }
    if pra(profile) {
        termination.push(Message::SlaRulePraSs2_21Ch10.template().into());
    }
    c.add(
        PROVIDER,
        Message::SlaStepInAndTerminationClause.template(),
        Message::SlaStepInAndTerminationTarget.template().into(),
        None,
        None,
        termination,
        Message::SlaStepInAndTerminationWhy.template().into(),
    );
    let mut continuity = rules(
        profile,
        &[(Framework::Dora, Message::SlaRuleDoraArt30_3C.template())],
    );
    if pra(profile) {
        continuity.push(Message::SlaRulePraSs2_21Ch10.template().into());
    }
    c.add(
        PROVIDER,
        Message::SlaProviderContinuityClause.template(),
        Message::SlaProviderContinuityTarget.template().into(),
        None,
        Some(Message::SlaProviderContinuityClock.template()),
        continuity,
        Message::SlaProviderContinuityWhy.template().into(),
    );
    let mut exit = rules(
        profile,
        &[(
            Framework::Dora,
            Message::SlaRuleDoraArt28_8And30_3F.template(),
        )],
    );
    if pra(profile) {
        exit.push(Message::SlaRulePraSs2_21Ch10.template().into());
    }
    if eba(profile) {
        exit.push(Message::SlaRuleEbaGl2019_02ExitStrategies.template().into());
    }
    c.add(
        PROVIDER,
        Message::SlaExitPlanClause.template(),
        say(
            Message::ExitAssistance,
            &[("months", &trim_float(v[A::ExitTransitionMonths]))],
        ),
        None,
        None,
        exit,
        Message::SlaExitPlanWhy.template().into(),
    );
    c.add(
        PROVIDER,
        Message::SlaLicencesAtExitClause.template(),
        Message::SlaLicencesAtExitTarget.template().into(),
        None,
        None,
        Vec::new(),
        Message::SlaLicencesAtExitWhy.template().into(),
    );
    if profile.has_framework(Framework::PciDss) {
        c.add(
            PROVIDER,
            Message::SlaPciResponsibilityMatrixClause.template(),
            Message::SlaPciResponsibilityMatrixTarget.template().into(),
            None,
            None,
            vec![Message::SlaRulePciDss12_8_2_12_8_5And12_9.template().into()],
            Message::SlaPciResponsibilityMatrixWhy.template().into(),
        );
    }
    if profile.has_framework(Framework::Dora) {
        c.add(
            PROVIDER,
            Message::SlaRegisterOfInformationClause.template(),
            Message::SlaRegisterOfInformationTarget.template().into(),
            None,
            None,
            vec![Message::SlaRuleDoraArt28_3.template().into()],
            Message::SlaRegisterOfInformationWhy.template().into(),
        );
        c.add(
            PROVIDER,
            Message::SlaIncidentAssistanceClause.template(),
            Message::SlaIncidentAssistanceTarget.template().into(),
            None,
            None,
            vec![Message::SlaRuleDoraArt30_2F.template().into()],
            Message::SlaIncidentAssistanceWhy.template().into(),
        );
    }
    if profile.has_framework(Framework::Hipaa) {
        c.add(
            PROVIDER,
            Message::SlaBusinessAssociateAgreementClause.template(),
            Message::SlaBusinessAssociateAgreementTarget
                .template()
                .into(),
            None,
            None,
            vec!["45 CFR 164.502(e) and 164.504(e)".into()],
            Message::SlaBusinessAssociateAgreementWhy.template().into(),
        );
    }
    if profile.has_framework(Framework::Gdpr) || profile.has_framework(Framework::UkGdpr) {
        c.add(
            PROVIDER,
            Message::SlaProcessorTermsClause.template(),
            Message::SlaProcessorTermsTarget.template().into(),
            None,
            None,
            rules(
                profile,
                &[
                    (Framework::Gdpr, Message::SlaRuleGdprArt28_3.template()),
                    (Framework::UkGdpr, Message::SlaRuleUkGdprArt28_3.template()),
                ],
            ),
            Message::SlaProcessorTermsWhy.template().into(),
        );
    }
    if profile.compliance.third_party_data_sharing != Sharing::Allowed {
        let words = and_list(&[
            Message::SlaDataSharingOwnToolsAndRegion
                .template()
                .to_string(),
            Message::SlaDataSharingNoRawLogCopies.template().to_string(),
        ]);
        c.add(
            PROVIDER,
            Message::SlaDataSharingLimitsClause.template(),
            say(Message::ProviderMust, &[("terms", &words)]),
            None,
            None,
            vec![Message::SlaRuleTheOrganisationsThirdPartyDataSharingRule
                .template()
                .into()],
            Message::SlaDataSharingLimitsWhy.template().into(),
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
            (Framework::Dora, Message::SlaRuleDoraArt28_30.template()),
            (Framework::Nis2, "NIS2 Art. 21(2)(d)"),
        ],
    );
    if pra(profile) {
        ict.push(Message::SlaRulePraSs2_21.template().into());
    }
    c.add(
        VENDORS,
        Message::SlaToolVendorsClause.template(),
        Message::SlaToolVendorsTarget.template().into(),
        None,
        None,
        ict,
        Message::SlaToolVendorsWhy.template().into(),
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
