//! When each option is monitoring and when it is complete, counted in
//! months from the decision.

use super::assessment::SocOption;
use super::economics::plan::BridgePlan;
use super::values::{Values, A};

/// Month a provider starts monitoring, counted from the decision: the
/// purchase, then onboarding.
pub fn provider_start(v: &Values) -> f64 {
    v[A::ProviderSelectionMonths] + v[A::ProviderOnboardingMonths]
}

/// Month each option starts monitoring (in-house with a bridge when the
/// deadline needs one).
pub fn monitoring_month(v: &Values, bridge: Option<BridgePlan>, option: SocOption) -> f64 {
    match option {
        SocOption::InHouse => match bridge {
            Some(b) => b.from_month,
            None => v[A::InHouseBuildMonths],
        },
        SocOption::Outsourced | SocOption::Hybrid => provider_start(v),
    }
}

/// Month each option is complete: in-house built, co-managed team in place.
pub fn complete_month(v: &Values, option: SocOption) -> f64 {
    match option {
        SocOption::InHouse => v[A::InHouseBuildMonths],
        SocOption::Outsourced => provider_start(v),
        SocOption::Hybrid => v[A::HybridBuildMonths].max(provider_start(v)),
    }
}
