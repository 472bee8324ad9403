//! Who does what: a shared-responsibility (RACI) table per option for the
//! work of a SOC, from detection to regulator notification. Responsible
//! does the work, Accountable answers for it (one party), Consulted is asked
//! before, Informed is told after. Accountability for risk, containment
//! decisions and regulators stays inside the organisation in every option.

use super::assessment::{RaciRow, SocOption};

const ACTIVITIES: [&str; 7] = [
    "Detection (monitoring)",
    "Triage",
    "Containment",
    "Recovery",
    "Regulator notification",
    "Detection engineering",
    "Threat hunting",
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
            "SOC analysts (L1)",
            "SOC manager",
            "-",
            "CISO",
        ),
        row(
            triage,
            InHouse,
            "SOC analysts (L2)",
            "SOC manager",
            "IT operations",
            "CISO",
        ),
        row(
            containment,
            InHouse,
            "Incident responders (L3)",
            "CISO",
            "IT operations; business owner",
            "Executive team",
        ),
        row(
            recovery,
            InHouse,
            "IT operations",
            "CIO",
            "SOC",
            "Business owners",
        ),
        row(
            notification,
            InHouse,
            "Legal and data protection officer",
            "Executive team",
            "CISO; SOC manager",
            "Board",
        ),
        row(
            engineering,
            InHouse,
            "Detection engineers",
            "SOC manager",
            "IT operations",
            "CISO",
        ),
        row(
            hunting,
            InHouse,
            "Incident responders (L3)",
            "SOC manager",
            "-",
            "CISO",
        ),
        row(
            detection,
            Outsourced,
            "Provider",
            "Service owner",
            "-",
            "CISO",
        ),
        row(
            triage,
            Outsourced,
            "Provider",
            "Service owner",
            "IT operations",
            "CISO",
        ),
        row(
            containment,
            Outsourced,
            "Provider, within its response authority; IT operations beyond it",
            "CISO",
            "Service owner; on-call approver",
            "Business owners",
        ),
        row(
            recovery,
            Outsourced,
            "IT operations",
            "CIO",
            "Provider",
            "Business owners",
        ),
        row(
            notification,
            Outsourced,
            "Legal and data protection officer",
            "Executive team",
            "CISO; provider",
            "Board",
        ),
        row(
            engineering,
            Outsourced,
            "Provider",
            "Service owner",
            "IT operations",
            "CISO",
        ),
        row(
            hunting,
            Outsourced,
            "Provider",
            "Service owner",
            "-",
            "CISO",
        ),
        row(
            detection,
            Hybrid,
            "Provider",
            "SOC lead",
            "Internal team",
            "CISO",
        ),
        row(
            triage,
            Hybrid,
            "Provider out of hours; internal team in business hours",
            "SOC lead",
            "IT operations",
            "CISO",
        ),
        row(
            containment,
            Hybrid,
            "Internal incident-response lead; provider out of hours",
            "CISO",
            "IT operations; business owner",
            "Executive team",
        ),
        row(
            recovery,
            Hybrid,
            "IT operations",
            "CIO",
            "Internal team",
            "Business owners",
        ),
        row(
            notification,
            Hybrid,
            "Legal and data protection officer",
            "Executive team",
            "CISO; SOC lead",
            "Board",
        ),
        row(
            engineering,
            Hybrid,
            "Internal engineers for the crown jewels; provider for common threats",
            "SOC lead",
            "Provider",
            "CISO",
        ),
        row(
            hunting,
            Hybrid,
            "Internal team",
            "SOC lead",
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
