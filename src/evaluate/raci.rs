//! Who does what: a shared-responsibility (RACI) table per option for the
//! work of a SOC, from detection to regulator notification. Responsible
//! does the work, Accountable answers for it (one party), Consulted is asked
//! before, Informed is told after. Accountability for risk, containment
//! decisions and regulators stays inside the organisation in every option.

use super::assessment::{RaciRow, SocOption};
use super::messages::Message;

const ACTIVITIES: [&str; 7] = [
    "Detection (monitoring)",
    "Triage",
    "Containment",
    "Recovery",
    Message::RaciRegulatorNotification.template(),
    Message::RaciDetectionEngineering.template(),
    Message::RaciThreatHunting.template(),
];

fn row(activity: &str, option: SocOption, r: &str, a: &str, c: &str, i: &str) -> RaciRow {
    RaciRow {
        activity: activity.to_string(),
        option,
        responsible: r.to_string(),
        accountable: a.to_string(),
        consulted: c.to_string(),
        informed: i.to_string(),
    }
}

pub(crate) fn raci() -> Vec<RaciRow> {
    use SocOption::*;
    let [detection, triage, containment, recovery, notification, engineering, hunting] = ACTIVITIES;
    vec![
        row(
            detection,
            InHouse,
            Message::RaciSocAnalystsL1.template(),
            Message::RaciSocManager.template(),
            "-",
            "CISO",
        ),
        row(
            triage,
            InHouse,
            Message::RaciSocAnalystsL2.template(),
            Message::RaciSocManager.template(),
            Message::RaciItOperations.template(),
            "CISO",
        ),
        row(
            containment,
            InHouse,
            Message::RaciIncidentRespondersL3.template(),
            "CISO",
            Message::RaciItOperationsAndBusinessOwner.template(),
            Message::RaciExecutiveTeam.template(),
        ),
        row(
            recovery,
            InHouse,
            Message::RaciItOperations.template(),
            "CIO",
            "SOC",
            Message::RaciBusinessOwners.template(),
        ),
        row(
            notification,
            InHouse,
            Message::RaciLegalAndDpo.template(),
            Message::RaciExecutiveTeam.template(),
            Message::RaciCisoAndSocManager.template(),
            "Board",
        ),
        row(
            engineering,
            InHouse,
            Message::RaciDetectionEngineers.template(),
            Message::RaciSocManager.template(),
            Message::RaciItOperations.template(),
            "CISO",
        ),
        row(
            hunting,
            InHouse,
            Message::RaciIncidentRespondersL3.template(),
            Message::RaciSocManager.template(),
            "-",
            "CISO",
        ),
        row(
            detection,
            Outsourced,
            "Provider",
            Message::RaciServiceOwner.template(),
            "-",
            "CISO",
        ),
        row(
            triage,
            Outsourced,
            "Provider",
            Message::RaciServiceOwner.template(),
            Message::RaciItOperations.template(),
            "CISO",
        ),
        row(
            containment,
            Outsourced,
            Message::RaciProviderWithinAuthority.template(),
            "CISO",
            Message::RaciServiceOwnerAndApprover.template(),
            Message::RaciBusinessOwners.template(),
        ),
        row(
            recovery,
            Outsourced,
            Message::RaciItOperations.template(),
            "CIO",
            "Provider",
            Message::RaciBusinessOwners.template(),
        ),
        row(
            notification,
            Outsourced,
            Message::RaciLegalAndDpo.template(),
            Message::RaciExecutiveTeam.template(),
            "CISO; provider",
            "Board",
        ),
        row(
            engineering,
            Outsourced,
            "Provider",
            Message::RaciServiceOwner.template(),
            Message::RaciItOperations.template(),
            "CISO",
        ),
        row(
            hunting,
            Outsourced,
            "Provider",
            Message::RaciServiceOwner.template(),
            "-",
            "CISO",
        ),
        row(
            detection,
            Hybrid,
            "Provider",
            Message::RaciSocLead.template(),
            Message::RaciInternalTeam.template(),
            "CISO",
        ),
        row(
            triage,
            Hybrid,
            Message::RaciProviderOutOfHours.template(),
            Message::RaciSocLead.template(),
            Message::RaciItOperations.template(),
            "CISO",
        ),
        row(
            containment,
            Hybrid,
            Message::RaciInternalLeadProviderOutOfHours.template(),
            "CISO",
            Message::RaciItOperationsAndBusinessOwner.template(),
            Message::RaciExecutiveTeam.template(),
        ),
        row(
            recovery,
            Hybrid,
            Message::RaciItOperations.template(),
            "CIO",
            Message::RaciInternalTeam.template(),
            Message::RaciBusinessOwners.template(),
        ),
        row(
            notification,
            Hybrid,
            Message::RaciLegalAndDpo.template(),
            Message::RaciExecutiveTeam.template(),
            Message::RaciCisoAndSocLead.template(),
            "Board",
        ),
        row(
            engineering,
            Hybrid,
            Message::RaciInternalEngineersForCrownJewels.template(),
            Message::RaciSocLead.template(),
            "Provider",
            "CISO",
        ),
        row(
            hunting,
            Hybrid,
            Message::RaciInternalTeam.template(),
            Message::RaciSocLead.template(),
            "Provider",
            "CISO",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_covers_every_activity_with_one_accountable_party_inside() {
        let rows = raci();
        for option in SocOption::ALL {
            let mine: Vec<&RaciRow> = rows.iter().filter(|r| r.option == option).collect();
            assert_eq!(mine.len(), ACTIVITIES.len());
            for r in mine {
                assert!(!r.accountable.contains(';') && !r.accountable.contains("Provider"));
            }
        }
    }
}
