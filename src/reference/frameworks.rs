//! Regulatory clocks: how soon each framework wants an incident reported.
//!
//! Each figure carries the citation of the rule that sets it.

use crate::vocabulary::Framework;

/// An incident-notification deadline set by a framework.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clock {
    pub framework: Framework,
    /// Hours from awareness (or classification) to the first report.
    pub hours: f64,
    /// What must be reported, to whom.
    pub duty: &'static str,
    pub source: &'static str,
}

/// The first-report clock a framework sets, if it sets one.
pub fn notification_clock(framework: Framework) -> Option<Clock> {
    let (hours, duty, source) = match framework {
        Framework::Dora => (
            4.0,
            "initial report of a major ICT incident, 4 h after classification and no later than 24 h after awareness",
            "DORA Art. 19; RTS 2025/301",
        ),
        Framework::CertIn => (
            6.0,
            "report of a listed cyber incident to CERT-In",
            "CERT-In Directions, 28 April 2022",
        ),
        Framework::Nis2 => (
            24.0,
            "early warning of a significant incident to the CSIRT or competent authority",
            "NIS2 Art. 23(4)(a)",
        ),
        Framework::Gdpr => (
            72.0,
            "notification of a personal-data breach to the supervisory authority",
            "GDPR Art. 33",
        ),
        Framework::UkGdpr => (
            72.0,
            "notification of a personal-data breach to the ICO",
            "UK GDPR Art. 33",
        ),
        Framework::Nydfs => (
            72.0,
            "notice of a cybersecurity incident to the superintendent",
            "23 NYCRR 500.17",
        ),
        Framework::Circia => (
            72.0,
            "report of a covered cyber incident to CISA (final rule pending)",
            "CIRCIA; CISA NPRM, 4 April 2024",
        ),
        Framework::Cmmc => (
            72.0,
            "report of a cyber incident to the DoD",
            "DFARS 252.204-7012(c): rapidly report within 72 hours of discovery",
        ),
        Framework::Fedramp => (
            1.0,
            "report of an incident to FedRAMP and each agency customer (and to CISA for listed attack vectors)",
            "FedRAMP Incident Communications Procedures (FRR-ICP-01 to 03, 2025): within 1 hour of identification",
        ),
        Framework::SecCyber => (
            96.0,
            "Form 8-K Item 1.05 filing, four business days after determining materiality",
            "SEC Form 8-K Item 1.05",
        ),
        Framework::Glba => (
            720.0,
            "notice to the FTC of an event affecting 500 or more consumers",
            "FTC Safeguards Rule, 16 CFR 314.4(j), 88 FR 77499 (2023), in force 13 May 2024",
        ),
        Framework::Hipaa => (
            1440.0,
            "notice to affected individuals of a breach of unsecured PHI",
            "45 CFR 164.404",
        ),
        Framework::PciDss
        | Framework::Sox
        | Framework::Iso27001
        | Framework::Soc2
        | Framework::NistCsf => return None,
    };
    Some(Clock {
        framework,
        hours,
        duty,
        source,
    })
}

/// The tightest clock among the given frameworks.
pub fn tightest_clock(frameworks: impl IntoIterator<Item = Framework>) -> Option<Clock> {
    frameworks
        .into_iter()
        .filter_map(notification_clock)
        .min_by(|a, b| a.hours.total_cmp(&b.hours))
}

/// Frameworks that apply by default from where an organisation is based and
/// operates, when a profile does not list its own.
pub fn default_frameworks(headquarters: &str, operating_regions: &[String]) -> Vec<Framework> {
    use crate::reference::countries::is_eu_member;
    let places = std::iter::once(headquarters).chain(operating_regions.iter().map(String::as_str));
    let mut out = Vec::new();
    for place in places {
        let framework = match place {
            "EU" => Some(Framework::Gdpr),
            "GB" => Some(Framework::UkGdpr),
            "IN" => Some(Framework::CertIn),
            c if is_eu_member(c) => Some(Framework::Gdpr),
            _ => None,
        };
        if let Some(f) = framework {
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dora_is_tighter_than_gdpr() {
        let c = tightest_clock([Framework::Gdpr, Framework::Dora, Framework::PciDss]).unwrap();
        assert_eq!(c.framework, Framework::Dora);
        assert_eq!(c.hours, 4.0);
        assert!(tightest_clock([Framework::Sox]).is_none());
    }

    #[test]
    fn defaults_follow_headquarters_and_regions() {
        assert_eq!(
            default_frameworks("GB", &["EU".to_string(), "DE".to_string()]),
            vec![Framework::Gdpr, Framework::UkGdpr]
        );
        assert!(default_frameworks("US", &[]).is_empty());
    }
}
