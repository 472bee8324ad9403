//! How each option treats a threat: how much earlier it detects (lowering
//! the likelihood that an intrusion becomes a loss), how fast it contains
//! (lowering the impact), and how much business context it brings.
//!
//! Fast-moving threats (ransomware, intrusion for money, denial of service,
//! hacktivism) reward round-the-clock watching and fast containment: most
//! ransomware is deployed outside working hours, and managed-detection
//! customers see dwell times of one to three days against a week without.
//! Slow, targeted threats (insiders, fraud, espionage, business email
//! compromise) reward knowing the business more than watching at night.
//! Each option reaches its full effect in steady state and half of it in
//! its first year; before it is live, today's defences stand.

use crate::evaluate::assessment::SocOption;
use crate::evaluate::messages::Message;
use crate::profile::model::{Coverage, Threat};

/// Likelihood and impact reductions, with the words for how.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Treatment {
    pub likelihood: u8,
    pub impact: u8,
    pub detection: &'static str,
    pub response: &'static str,
    pub context: &'static str,
}

pub(crate) fn fast_moving(threat: Threat) -> bool {
    matches!(
        threat,
        Threat::Ransomware | Threat::Cybercrime | Threat::Ddos | Threat::Hacktivism
    )
}

pub(crate) fn context_heavy(threat: Threat) -> bool {
    matches!(
        threat,
        Threat::Insider | Threat::Fraud | Threat::NationState | Threat::Bec
    )
}

/// The steady-state treatment of `threat` by `option`.
pub(crate) fn steady(option: SocOption, coverage: Coverage, threat: Threat) -> Treatment {
    let fast = fast_moving(threat);
    let context = context_heavy(threat);
    let (likelihood, impact) = match option {
        SocOption::InHouse => match coverage {
            Coverage::TwentyFourSeven if fast => (1, 2),
            Coverage::TwentyFourSeven if context => (2, 1),
            Coverage::TwentyFourSeven => (1, 1),
            Coverage::Extended if fast => (0, 1),
            Coverage::Extended => (1, 1),
            Coverage::BusinessHours if fast => (0, 1),
            Coverage::BusinessHours if context => (1, 1),
            Coverage::BusinessHours => (0, 1),
        },
        SocOption::Outsourced if fast => (2, 1),
        SocOption::Outsourced if context => (0, 1),
        SocOption::Outsourced => (1, 1),
        SocOption::Hybrid if fast => (2, 1),
        SocOption::Hybrid if context => (1, 2),
        SocOption::Hybrid => (1, 1),
    };
    let (detection, response, context_words) = words(option, coverage);
    Treatment {
        likelihood,
        impact,
        detection,
        response,
        context: context_words,
    }
}

fn words(option: SocOption, coverage: Coverage) -> (&'static str, &'static str, &'static str) {
    match option {
        SocOption::InHouse => (
            match coverage {
                Coverage::TwentyFourSeven => "24/7, in-house",
                Coverage::Extended => Message::DetectionExtendedHours.template(),
                Coverage::BusinessHours => Message::DetectionBusinessHoursOnly.template(),
            },
            Message::ResponseInternalFullAuthority.template(),
            Message::ContextDeepBusiness.template(),
        ),
        SocOption::Outsourced => (
            Message::DetectionByProvider.template(),
            Message::ResponseProviderWithinSla.template(),
            Message::ContextLimitedProvider.template(),
        ),
        SocOption::Hybrid => (
            Message::DetectionByProvider.template(),
            Message::ResponseInternalLeadsProviderOutOfHours.template(),
            Message::ContextSharedInternal.template(),
        ),
    }
}

/// Half the reduction, rounded down: an option in its first year.
pub(crate) fn first_year(t: Treatment) -> (u8, u8) {
    (t.likelihood / 2, t.impact / 2)
}

/// A likelihood and impact reduced, never below 1.
pub(crate) fn reduce(likelihood: u8, impact: u8, by: (u8, u8)) -> (u8, u8) {
    (
        likelihood.saturating_sub(by.0).max(1),
        impact.saturating_sub(by.1).max(1),
    )
}
