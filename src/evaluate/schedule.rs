//! When each option is monitoring and when it is complete, counted in
//! months from the decision.

use super::assessment::SocOption;
use super::values::{Values, A};

/// Month a provider starts monitoring, counted from the decision: the
/// purchase, then onboarding.
pub fn provider_start(v: &Values) -> f64 {
    v[A::ProviderSelectionMonths] + v[A::ProviderOnboardingMonths]
}

/// Month each option starts monitoring: in-house from `bridged_from` when
/// the deadline needs a bridge, else once built.
pub fn monitoring_month(v: &Values, bridged_from: Option<f64>, option: SocOption) -> f64 {
    match option {
        SocOption::InHouse => bridged_from.unwrap_or(v[A::InHouseBuildMonths]),
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
