//! The three options as they look for this organisation: advantages and
//! drawbacks, each marked strong or weak for it and tied to a profile fact.

use super::assessment::Costs;
use super::assessment::{OptionPoint, OptionProfile, PointKind, SocOption, Strength};
use super::decision::Decided;
use super::economics::Economics;
use super::messages::{say, Message};
use super::schedule::{complete_month, monitoring_month};
use super::values::A as V;
use crate::numbers::{count, money_short, trim_float};
use crate::profile::model::*;
use crate::profile::Profile;

fn point(kind: PointKind, strong: bool, point: &str, because: String) -> OptionPoint {
    OptionPoint {
        kind,
        point: point.to_string(),
        strength: if strong {
            Strength::Strong
        } else {
            Strength::Weak
        },
        because,
    }
}

use PointKind::{Advantage as A, Drawback as D};

pub(crate) fn option_profiles(
    profile: &Profile,
    e: &Economics,
    d: &Decided,
    costs: &Costs,
) -> Vec<OptionProfile> {
    let v = &e.likely;
    let cur = &profile.organisation.currency;
    let horizon = profile.budget.horizon_years;
    let total = |o: SocOption| costs.options.get(&o).map_or(0.0, |c| c.total);
    let cheapest = SocOption::ALL
        .into_iter()
        .min_by(|a, b| total(*a).total_cmp(&total(*b)))
        .unwrap_or(SocOption::Outsourced);
    let q = &profile.requirements;
    let c = &profile.compliance;
    let t = &profile.security_team;
    let existing = profile.existing_staff();
    let needed = e.plan.in_house[0].total();
    let data_bound =
        c.data_residency == Residency::Required || c.third_party_data_sharing != Sharing::Allowed;
    let targeted =
        profile.risk.targeted_by_apt || profile.risk.threats.contains(&Threat::NationState);
    let tight = t.hiring_market == HiringMarket::Tight;
    let go_live = f64::from(q.go_live_months);
    let cost_text = |o: SocOption| format!("{} over {horizon} years", money_short(cur, total(o)));

    SocOption::ALL
        .into_iter()
        .map(|option| {
            let points = match option {
                SocOption::InHouse => vec![
                    point(
                        A,
                        q.control == Level::High,
                        Message::PointFullControl.template(),
                        say(Message::ControlNeedIs, &[("level", q.control.key())]),
                    ),
                    point(
                        A,
                        q.integration == Level::High,
                        Message::PointAnalystsKnowTheBusiness.template(),
                        say(
                            Message::IntegrationNeedIs,
                            &[("level", q.integration.key())],
                        ),
                    ),
                    point(
                        A,
                        data_bound,
                        Message::PointDataStaysInside.template(),
                        say(
                            Message::ResidencyAndSharing,
                            &[
                                ("residency", c.data_residency.key()),
                                ("sharing", c.third_party_data_sharing.key()),
                            ],
                        ),
                    ),
                    point(
                        A,
                        targeted,
                        Message::PointFocusedThreatHunting.template(),
                        if targeted {
                            Message::BecauseTargetedByAptOrNationState
                                .template()
                                .to_string()
                        } else {
                            Message::BecauseNoTargetedActors.template().to_string()
                        },
                    ),
                    point(
                        D,
                        total(SocOption::InHouse) > 1.15 * total(cheapest),
                        Message::PointMostPeopleAndTools.template(),
                        cost_text(option),
                    ),
                    point(
                        D,
                        tight,
                        Message::PointAnalystsHardToHire.template(),
                        say(
                            Message::AnalystsLeave,
                            &[
                                ("market", t.hiring_market.key()),
                                ("attrition", &trim_float(v[V::AttritionPct])),
                            ],
                        ),
                    ),
                    point(
                        D,
                        q.coverage == Coverage::TwentyFourSeven && (existing as f64) < needed / 2.0,
                        Message::PointRotaExpensiveToStaff.template(),
                        say(
                            Message::RotaNeedsPeople,
                            &[
                                ("coverage", q.coverage.label()),
                                ("people", &trim_float(needed)),
                                ("staff", &count(existing, "person", "people")),
                            ],
                        ),
                    ),
                    point(
                        D,
                        go_live < v[V::InHouseBuildMonths],
                        Message::PointSlowToBuild.template(),
                        say(
                            Message::MonthsToOperate,
                            &[
                                ("months", &trim_float(v[V::InHouseBuildMonths])),
                                ("go_live", &q.go_live_months.to_string()),
                            ],
                        ),
                    ),
                ],
                SocOption::Outsourced => vec![
                    point(
                        A,
                        cheapest == SocOption::Outsourced,
                        Message::PointLowerPredictableCost.template(),
                        cost_text(option),
                    ),
                    point(
                        A,
                        q.coverage == Coverage::TwentyFourSeven,
                        Message::PointRoundTheClockFromStart.template(),
                        say(
                            Message::MonitoringFromMonth,
                            &[(
                                "month",
                                &trim_float(crate::evaluate::schedule::provider_start(v)),
                            )],
                        ),
                    ),
                    point(
                        A,
                        existing < 3 || tight,
                        Message::PointExperiencedAnalystsDayOne.template(),
                        say(
                            Message::StaffTodayAndMarket,
                            &[
                                ("staff", &count(existing, "person", "people")),
                                ("market", t.hiring_market.key()),
                            ],
                        ),
                    ),
                    point(
                        A,
                        profile.organisation.annual_growth_pct >= 10.0
                            || q.scalability == Level::High,
                        Message::PointCapacityGrows.template(),
                        say(
                            Message::GrowthAndScalabilityNeed,
                            &[
                                (
                                    "growth",
                                    &trim_float(profile.organisation.annual_growth_pct),
                                ),
                                ("need", q.scalability.key()),
                            ],
                        ),
                    ),
                    point(
                        D,
                        q.control == Level::High,
                        Message::PointLessControl.template(),
                        say(Message::ControlNeedIs, &[("level", q.control.key())]),
                    ),
                    point(
                        D,
                        q.integration == Level::High
                            || profile
                                .risk
                                .threats
                                .iter()
                                .any(|t| matches!(t, Threat::Insider | Threat::Fraud)),
                        Message::PointLessBusinessContext.template(),
                        say(
                            Message::IntegrationAndInsiderThreats,
                            &[
                                ("level", q.integration.key()),
                                (
                                    "present",
                                    if profile
                                        .risk
                                        .threats
                                        .iter()
                                        .any(|t| matches!(t, Threat::Insider | Threat::Fraud))
                                    {
                                        "yes"
                                    } else {
                                        "no"
                                    },
                                ),
                            ],
                        ),
                    ),
                    point(
                        D,
                        data_bound,
                        Message::PointDataLeaves.template(),
                        if c.third_party_data_sharing == Sharing::Prohibited {
                            Message::BecauseSharingProhibitedNotPossible
                                .template()
                                .to_string()
                        } else {
                            say(
                                Message::ResidencyAndSharing,
                                &[
                                    ("residency", c.data_residency.key()),
                                    ("sharing", c.third_party_data_sharing.key()),
                                ],
                            )
                        },
                    ),
                    point(
                        D,
                        profile.has_framework(Framework::Dora) || v[V::TermYears] >= 3.0,
                        Message::PointLockInAndExitRisk.template(),
                        say(
                            Message::ExitPlanNeeded,
                            &[
                                ("years", &trim_float(v[V::TermYears])),
                                (
                                    "dora",
                                    &if profile.has_framework(Framework::Dora) {
                                        say(Message::MandatoryUnderDora, &[])
                                    } else {
                                        String::new()
                                    },
                                ),
                            ],
                        ),
                    ),
                ],
                SocOption::Hybrid => vec![
                    point(
                        A,
                        q.coverage == Coverage::TwentyFourSeven,
                        Message::PointRoundTheClockWithoutFullRota.template(),
                        say(
                            Message::ProviderCoversNights,
                            &[(
                                "month",
                                &trim_float(crate::evaluate::schedule::provider_start(v)),
                            )],
                        ),
                    ),
                    point(
                        A,
                        q.control == Level::High || q.integration == Level::High,
                        Message::PointResponseStaysInHouse.template(),
                        say(
                            Message::ControlAndIntegrationLevels,
                            &[
                                ("control", q.control.key()),
                                ("integration", q.integration.key()),
                            ],
                        ),
                    ),
                    point(
                        A,
                        t.maturity <= 2,
                        Message::PointBuildsInternalCapability.template(),
                        say(
                            Message::MaturityToday,
                            &[("level", &t.maturity.to_string())],
                        ),
                    ),
                    point(
                        D,
                        total(SocOption::Hybrid) > 1.2 * total(SocOption::Outsourced),
                        Message::PointCostsMoreThanOutsourcing.template(),
                        cost_text(option),
                    ),
                    point(
                        D,
                        tight,
                        Message::PointStillNeedsScarceHires.template(),
                        say(
                            Message::HiringMarketIs,
                            &[("market", t.hiring_market.key())],
                        ),
                    ),
                    point(
                        D,
                        q.integration == Level::High,
                        Message::PointTwoTeamsToCoordinate.template(),
                        Message::BecauseRaciAndJointEscalationNeeded
                            .template()
                            .to_string(),
                    ),
                    point(
                        D,
                        data_bound,
                        Message::PointProviderStillSeesData.template(),
                        say(
                            Message::ThirdPartySharing,
                            &[("sharing", c.third_party_data_sharing.key())],
                        ),
                    ),
                ],
            };
            let c = costs.options.get(&option);
            let bridged_from = e.plan.bridge.map(|b| b.from_month);
            OptionProfile {
                option,
                label: option.label().to_string(),
                summary: match option {
                    SocOption::InHouse => Message::SummaryInHouse.template(),
                    SocOption::Outsourced => Message::SummaryOutsourced.template(),
                    SocOption::Hybrid => Message::SummaryHybrid.template(),
                }
                .to_string(),
                feasible: d.appraiser.feasible[super::economics::index(option)],
                within_budget: c.is_some_and(|c| c.within_budget),
                meets_deadline: monitoring_month(v, bridged_from, option) <= go_live,
                monitoring_live_month: monitoring_month(v, bridged_from, option),
                complete_month: complete_month(v, option),
                total_cost: total(option),
                points,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::economics::costs_section;

    #[test]
    fn each_option_meets_the_deadline_or_not_and_says_why() {
        let mut p = crate::profile::starter_profile().expect("starter profile");
        p.requirements.go_live_months = 12;
        p.requirements.control = Level::High;
        let q = crate::evaluate::quick(&p);
        let mut e = q.economics;
        e.likely[V::InHouseBuildMonths] = 18.0;
        e.likely[V::ProviderSelectionMonths] = 3.0;
        e.likely[V::ProviderOnboardingMonths] = 2.5;
        e.likely[V::HybridBuildMonths] = 9.0;
        e.plan.bridge = None;
        let costs = costs_section(&p, &e, &SocOption::ALL, &[]);
        let profiles = option_profiles(&p, &e, &q.decided, &costs);
        let of = |o: SocOption| {
            profiles
                .iter()
                .find(|x| x.option == o)
                .expect("every option")
        };
        // In-house: live at 18 months, past the 12-month go-live, and slow
        // to build is a strong drawback; a provider is live at 5.5.
        let ih = of(SocOption::InHouse);
        assert_eq!((ih.monitoring_live_month, ih.meets_deadline), (18.0, false));
        let slow = ih
            .points
            .iter()
            .find(|x| x.point == "Slow to build")
            .expect("the build time is a point");
        assert_eq!(slow.strength, Strength::Strong);
        assert_eq!(
            slow.because,
            "about 18 months to operate, against a 12-month go-live"
        );
        let out = of(SocOption::Outsourced);
        assert_eq!((out.monitoring_live_month, out.meets_deadline), (5.5, true));
        assert_eq!(out.complete_month, 5.5);
        // A hybrid monitors through the provider, complete with its team.
        let hy = of(SocOption::Hybrid);
        assert_eq!((hy.monitoring_live_month, hy.complete_month), (5.5, 9.0));
        // A high need for control weighs for in-house and against
        // outsourcing.
        let control = |o: SocOption, point: &str| {
            of(o)
                .points
                .iter()
                .find(|x| x.point == point)
                .map(|x| x.strength)
        };
        assert_eq!(
            control(
                SocOption::InHouse,
                "Full control over tools, detections and response"
            ),
            Some(Strength::Strong)
        );
        assert_eq!(
            control(
                SocOption::Outsourced,
                "Less control over detections and response"
            ),
            Some(Strength::Strong)
        );
    }
}
