//! When each option is monitoring and when it is complete, counted in
//! months from the decision.

use super::assessment::SocOption;
use super::economics::plan::BridgePlan;
use super::values::{Values, A};

/// Month each option starts monitoring (in-house with a bridge when the
/// deadline needs one).
pub fn monitoring_month(v: &Values, bridge: Option<BridgePlan>, option: SocOption) -> f64 {
    match option {
        SocOption::InHouse => match bridge {
            Some(b) => b.from_month,
            None => v[A::InHouseBuildMonths],
        },
        SocOption::Outsourced | SocOption::Hybrid => v[A::ProviderOnboardingMonths],
    }
}

/// Month each option is complete: in-house built, co-managed team in place.
pub fn complete_month(v: &Values, option: SocOption) -> f64 {
    match option {
        SocOption::InHouse => v[A::InHouseBuildMonths],
        SocOption::Outsourced => v[A::ProviderOnboardingMonths],
        SocOption::Hybrid => v[A::HybridBuildMonths].max(v[A::ProviderOnboardingMonths]),
    }
}
