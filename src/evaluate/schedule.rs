//! When each option is monitoring and when it is complete, counted in
//! months from the decision.

use super::assessment::SocOption;
use super::values::{Values, A};

/// Month a provider starts monitoring, counted from the decision: the
/// purchase, then onboarding.
pub(crate) fn provider_start(v: &Values) -> f64 {
    v[A::ProviderSelectionMonths] + v[A::ProviderOnboardingMonths]
}

/// Month each option starts monitoring: in-house from `bridged_from` when
/// the deadline needs a bridge, else once built.
pub(crate) fn monitoring_month(v: &Values, bridged_from: Option<f64>, option: SocOption) -> f64 {
    match option {
        SocOption::InHouse => bridged_from.unwrap_or(v[A::InHouseBuildMonths]),
        SocOption::Outsourced | SocOption::Hybrid => provider_start(v),
    }
}

/// Month each option is complete: in-house built, co-managed team in place.
pub(crate) fn complete_month(v: &Values, option: SocOption) -> f64 {
    match option {
        SocOption::InHouse => v[A::InHouseBuildMonths],
        SocOption::Outsourced => provider_start(v),
        SocOption::Hybrid => v[A::HybridBuildMonths].max(provider_start(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_option_starts_and_completes_when_its_work_allows() {
        let mut v = Values([0.0; A::COUNT]);
        v[A::ProviderSelectionMonths] = 3.0;
        v[A::ProviderOnboardingMonths] = 2.5;
        v[A::InHouseBuildMonths] = 18.0;
        v[A::HybridBuildMonths] = 9.0;
        // A provider monitors after the purchase and onboarding: 5.5.
        assert_eq!(provider_start(&v), 5.5);
        assert_eq!(monitoring_month(&v, None, SocOption::Outsourced), 5.5);
        assert_eq!(monitoring_month(&v, None, SocOption::Hybrid), 5.5);
        // In-house monitors once built, or from the bridge's start.
        assert_eq!(monitoring_month(&v, None, SocOption::InHouse), 18.0);
        assert_eq!(monitoring_month(&v, Some(5.5), SocOption::InHouse), 5.5);
        // A hybrid is complete when its team is in place or the provider
        // monitors, whichever is later.
        assert_eq!(complete_month(&v, SocOption::Hybrid), 9.0);
        v[A::HybridBuildMonths] = 4.0;
        assert_eq!(complete_month(&v, SocOption::Hybrid), 5.5);
        assert_eq!(complete_month(&v, SocOption::InHouse), 18.0);
    }
}
