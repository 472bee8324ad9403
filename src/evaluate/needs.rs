//! The needs: seven considerations besides money, each rating every option
//! from 0 (does not meet the need) to 4 (meets it fully), with a rationale
//! that names the profile facts behind it.
//!
//! An option that meets a need rates high whatever the others do, and a
//! need the profile does not have rates every option alike (4), so it cannot
//! decide. Every rule is monotone in the inputs the method names: stricter
//! data rules, lower risk tolerance, APT targeting and a higher need for
//! control never lower in-house's rating against outsourcing's; an earlier
//! go-live never raises in-house's; faster growth, a higher scalability need
//! and a tighter hiring market never raise in-house's against outsourcing's.
//! `tests/properties.rs` holds the model to that.

use super::assessment::SocOption;
use super::economics::index;
use super::messages::{say, Message};
use super::schedule::provider_start;
use super::values::{Values, A};
use crate::numbers::{and_list, capitalise, thousands, trim_float};
use crate::profile::model::*;
use crate::profile::Profile;

/// One need's ratings, by option index (in-house, outsourced, hybrid).
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    pub key: Consideration,
    pub ratings: [f64; 3],
    pub rationale: String,
    pub inputs: Vec<&'static str>,
}

/// The needs, in [`Consideration::NEEDS`] order.
pub(crate) fn rate_all(profile: &Profile, v: &Values, in_house_team: f64) -> Vec<Need> {
    vec![
        compliance(profile),
        risk(profile),
        control(profile),
        time_to_implement(profile, v),
        scalability(profile),
        coverage(profile, v, in_house_team),
        talent(profile, v, in_house_team),
    ]
}

/// A rating as the rationale writes it: up to two decimals.
fn rating(x: f64) -> String {
    let text = crate::numbers::fixed(x, 2);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn clamp(x: f64) -> f64 {
    (x.clamp(0.0, 4.0) * 100.0).round() / 100.0
}

/// "in-house 4, outsourced 1.08, hybrid 2.65", with the option words the
/// need calls for.
fn ratings_text(r: &[f64; 3], words: [&str; 3]) -> String {
    SocOption::ALL
        .iter()
        .map(|o| format!("{} {}", words[index(*o)], rating(r[index(*o)])))
        .collect::<Vec<_>>()
        .join(", ")
}

const PLAIN: [&str; 3] = ["in-house", "outsourced", "hybrid"];

fn need(key: Consideration, ratings: [f64; 3], said: &str, inputs: Vec<&'static str>) -> Need {
    Need {
        key,
        ratings: ratings.map(clamp),
        rationale: format!(
            "{}: {}",
            capitalise(said),
            ratings_text(&ratings.map(clamp), PLAIN)
        ),
        inputs,
    }
}

/// Data residency, third-party sharing and the rules that constrain
/// providers. In-house keeps everything inside; a co-managed provider works
/// in the organisation's own tools and region; a fully outsourced one holds
/// the data itself.
fn compliance(p: &Profile) -> Need {
    let c = &p.compliance;
    let mut points = 0.0;
    let mut said = Vec::new();
    match c.data_residency {
        Residency::Required => {
            points += 1.5;
            said.push(Message::DataMustStayInJurisdiction.template());
        }
        Residency::Preferred => {
            points += 0.75;
            said.push(Message::DataInJurisdictionPreferred.template());
        }
        Residency::None => {}
    }
    match c.third_party_data_sharing {
        Sharing::Prohibited => {
            points += 1.5;
            said.push(Message::ThirdPartySharingProhibited.template());
        }
        Sharing::Restricted => {
            points += 0.75;
            said.push(Message::ThirdPartySharingRestricted.template());
        }
        Sharing::Allowed => {}
    }
    if p.holds_classified_data() {
        points += 1.0;
        said.push(Message::CriticalAssetsHoldClassified.template());
    }
    if p.has_framework(Framework::Cmmc) || p.has_framework(Framework::Fedramp) {
        points += 0.5;
        said.push(Message::CmmcOrFedrampLimitProviders.template());
    }
    if p.has_framework(Framework::Dora) {
        points += 0.25;
        said.push(Message::DoraAddsProviderDuties.template());
    }
    let ratings = [4.0, 4.0 - 1.3 * points, 4.0 - 0.9 * points];
    let text = if said.is_empty() {
        Message::NoDataRuleAgainstProvider.template().to_string()
    } else {
        and_list(&said.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    };
    let mut n = need(
        Consideration::Compliance,
        ratings,
        &text,
        vec![
            "compliance.data_residency",
            "compliance.third_party_data_sharing",
            "compliance.frameworks",
            "environment.critical_assets",
        ],
    );
    if !said.is_empty() {
        n.rationale = format!(
            "{}: {}",
            capitalise(&text),
            ratings_text(
                &n.ratings,
                [
                    "in-house",
                    Message::AnOutsourcedProvider.template(),
                    Message::HybridOnOwnTools.template()
                ]
            )
        );
    }
    n
}

/// How much the threats call for people who know the business, beyond
/// what the expected loss already counts: 0 for a commodity landscape at
/// medium or high tolerance.
pub(crate) fn targeting(p: &Profile) -> (f64, bool, Vec<String>) {
    let r = &p.risk;
    let mut said = Vec::new();
    let mut points: f64 = 0.0;
    match r.tolerance {
        Level::Low => {
            points += 0.75;
            said.push(Message::RiskToleranceLow.template().to_string());
        }
        Level::Medium => {}
        Level::High => said.push(Message::RiskToleranceHigh.template().to_string()),
    }
    if r.targeted_by_apt {
        points += 0.75;
        said.push(Message::TargetedByApt.template().to_string());
    }
    if r.threats.contains(&Threat::NationState) {
        points += 0.5;
        said.push(Message::EspionageInLandscape.template().to_string());
    }
    if r.threats
        .iter()
        .any(|t| matches!(t, Threat::Insider | Threat::SupplyChain))
    {
        points += 0.25;
        said.push(Message::InsiderThreatsNeedContext.template().to_string());
    }
    let exposed = p
        .environment
        .critical_assets
        .iter()
        .filter(|a| a.criticality == Criticality::Critical && a.internet_facing)
        .count();
    if exposed > 0 {
        points += 0.25;
        let message = if exposed == 1 {
            Message::CriticalAssetExposed
        } else {
            Message::CriticalAssetsExposed
        };
        said.push(say(message, &[("count", &exposed.to_string())]));
    }
    let commodity = !r.targeted_by_apt
        && !r.threats.iter().any(|t| {
            matches!(
                t,
                Threat::NationState | Threat::Insider | Threat::SupplyChain
            )
        });
    if commodity {
        said.push(Message::CommodityThreats.template().to_string());
    }
    (points, commodity, said)
}

/// Risk appetite and how targeted the threats are: targeted attacks are
/// caught by people who know the business; commodity attacks by a provider
/// that sees many clients.
fn risk(p: &Profile) -> Need {
    let (t, commodity, said) = targeting(p);
    let ratings = [
        3.0 + 0.4 * t,
        3.0 - 0.6 * t + if commodity { 0.5 } else { 0.0 },
        3.0 + 0.3 * t,
    ];
    let text = if said.is_empty() {
        Message::MediumToleranceTypicalThreats
            .template()
            .to_string()
    } else {
        and_list(&said)
    };
    need(
        Consideration::Risk,
        ratings,
        &text,
        vec![
            "risk.tolerance",
            "risk.targeted_by_apt",
            "risk.threats",
            "environment.critical_assets",
        ],
    )
}

fn level_word(l: Level) -> &'static str {
    match l {
        Level::Low => "low",
        Level::Medium => "medium",
        Level::High => "high",
    }
}

/// The need to control and customise operations and integrate with IT:
/// in-house gives all of it, a co-managed SOC most, a provider least.
fn control(p: &Profile) -> Need {
    let q = &p.requirements;
    let c = match q.control {
        Level::Low => -1.0,
        Level::Medium => 0.0,
        Level::High => 1.0,
    };
    let i = match q.integration {
        Level::Low => -0.75,
        Level::Medium => 0.0,
        Level::High => 0.75,
    };
    let u = (c + i + 1.75) / 3.5;
    need(
        Consideration::Control,
        [4.0, 4.0 - 3.0 * u, 4.0 - 1.8 * u],
        &say(
            Message::ControlAndIntegrationNeed,
            &[
                ("control", level_word(q.control)),
                ("integration", level_word(q.integration)),
            ],
        ),
        vec!["requirements.control", "requirements.integration"],
    )
}

/// Whether each option is live by the go-live: a distant deadline rates
/// every option alike; a late in-house build loses less when a provider
/// can bridge the gap.
fn time_to_implement(p: &Profile, v: &Values) -> Need {
    let go = f64::from(p.requirements.go_live_months);
    let build = v[A::InHouseBuildMonths];
    let provider = provider_start(v);
    let late = |live: f64, bridged: bool| -> f64 {
        if live <= go {
            4.0
        } else if bridged {
            3.5 - (live - go) / 12.0
        } else {
            3.0 - (live - go) / 6.0
        }
    };
    let bridged = provider <= go;
    let with_provider = late(provider, false);
    let ratings = [late(build, bridged), with_provider, with_provider];
    let text = if go >= build && go >= provider {
        say(
            Message::LiveInTimeEitherWay,
            &[
                ("go_live", &thousands(go)),
                ("build", &trim_float(build)),
                ("provider", &trim_float(provider)),
            ],
        )
    } else if go >= provider {
        say(
            Message::LiveBeforeBuildBridged,
            &[
                ("go_live", &thousands(go)),
                ("early", &trim_float(build - go)),
                ("build", &trim_float(build)),
                ("provider", &trim_float(provider)),
            ],
        )
    } else {
        say(
            Message::LiveTooSoonForAny,
            &[
                ("go_live", &thousands(go)),
                ("provider", &trim_float(provider)),
                ("build", &trim_float(build)),
            ],
        )
    };
    need(
        Consideration::TimeToImplement,
        ratings,
        &text,
        vec![
            "requirements.go_live_months",
            "security_team.hiring_market",
            "security_team.maturity",
            "requirements.coverage",
        ],
    )
}

/// Growth and the need to scale capacity quickly: a provider scales with a
/// contract change, an in-house team with hiring.
fn scalability(p: &Profile) -> Need {
    let need_points = match p.requirements.scalability {
        Level::Low => -0.75,
        Level::Medium => 0.0,
        Level::High => 0.75,
    };
    let g = p.organisation.annual_growth_pct;
    let growth = ((g - 5.0) / 20.0).clamp(-0.5, 1.25);
    let u = ((need_points + growth + 0.75) / 2.75).clamp(0.0, 1.0);
    need(
        Consideration::Scalability,
        [4.0 - 2.5 * u, 4.0, 4.0 - u],
        &say(
            Message::GrowthAndScalability,
            &[
                ("growth", &trim_float(g)),
                ("need", level_word(p.requirements.scalability)),
            ],
        ),
        vec!["organisation.annual_growth_pct", "requirements.scalability"],
    )
}

/// The smallest team that can deliver the required coverage: the minimum
/// viable 24/7 team, or for shorter hours the team the model sizes.
pub(crate) fn minimum_team(p: &Profile, v: &Values, sized: f64) -> f64 {
    match p.requirements.coverage {
        Coverage::TwentyFourSeven => v[A::MinTeam].min(sized),
        _ => sized,
    }
}

/// Share of the minimum team for the required coverage already employed.
pub(crate) fn staffed_share(p: &Profile, minimum: f64) -> f64 {
    let existing = p.existing_staff() as f64;
    if minimum > 0.0 {
        (existing / minimum).min(1.0)
    } else {
        1.0
    }
}

/// Round-the-clock operations: a provider's rota exists; an in-house one
/// must be staffed from today's team; a co-managed SOC leaves the nights
/// to the provider and response to a day team.
fn coverage(p: &Profile, v: &Values, sized: f64) -> Need {
    let needed = minimum_team(p, v, sized);
    let share = staffed_share(p, needed);
    let (in_house, hybrid) = match p.requirements.coverage {
        Coverage::TwentyFourSeven => (1.0 + 3.0 * share, 3.5),
        Coverage::Extended => (2.0 + 2.0 * share, 3.75),
        Coverage::BusinessHours => (4.0, 4.0),
    };
    need(
        Consideration::Coverage,
        [in_house, 4.0, hybrid],
        &say(
            Message::CoverageTeamNeeded,
            &[
                ("coverage", p.requirements.coverage.label()),
                ("people", &thousands(needed)),
                (
                    "sized",
                    &if sized > needed + 0.5 {
                        say(Message::ForThisEstate, &[("people", &thousands(sized))])
                    } else {
                        String::new()
                    },
                ),
                (
                    "staff",
                    &match p.existing_staff() {
                        1 => say(Message::OnePersonWorks, &[]),
                        n => say(Message::PeopleWork, &[("count", &thousands(n as f64))]),
                    },
                ),
            ],
        ),
        vec![
            "requirements.coverage",
            "security_team.analysts",
            "security_team.engineers",
            "security_team.incident_responders",
        ],
    )
}

/// How hard it is to hire, and whether there is a team to build on: an
/// in-house SOC hires the most, a co-managed one about half as many.
fn talent(p: &Profile, v: &Values, sized: f64) -> Need {
    let share = staffed_share(p, minimum_team(p, v, sized));
    let market = match p.security_team.hiring_market {
        HiringMarket::Easy => 2.5,
        HiringMarket::Normal => 1.5,
        HiringMarket::Tight => 0.5,
    };
    let maturity = if p.security_team.maturity >= 3 {
        0.5
    } else {
        0.0
    };
    let in_house = (market + 1.5 * share + maturity).clamp(0.0, 4.0);
    need(
        Consideration::Talent,
        [in_house, 4.0, 4.0 - (4.0 - in_house) / 2.0],
        &say(
            Message::HiringAndTeamShare,
            &[
                ("market", p.security_team.hiring_market.key()),
                ("share", &trim_float((share * 100.0).round())),
                ("maturity", &p.security_team.maturity.to_string()),
            ],
        ),
        vec![
            "security_team.hiring_market",
            "security_team.analysts",
            "security_team.engineers",
            "security_team.maturity",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absent_need_rates_every_option_alike() {
        let p = crate::profile::starter_profile().unwrap();
        let mut p = p;
        p.requirements.control = Level::Low;
        p.requirements.integration = Level::Low;
        assert_eq!(control(&p).ratings, [4.0, 4.0, 4.0]);
        p.compliance.data_residency = Residency::None;
        p.compliance.third_party_data_sharing = Sharing::Allowed;
        p.compliance.frameworks.clear();
        p.environment.critical_assets.clear();
        assert_eq!(compliance(&p).ratings, [4.0, 4.0, 4.0]);
    }

    #[test]
    fn residency_and_restricted_sharing_rate_as_worked_by_hand() {
        let mut p = crate::profile::starter_profile().unwrap();
        p.compliance.data_residency = Residency::Required;
        p.compliance.third_party_data_sharing = Sharing::Restricted;
        p.compliance.frameworks.clear();
        p.environment.critical_assets.clear();
        // 1.5 + 0.75 = 2.25 points: outsourced 4 - 1.3 x 2.25 = 1.075,
        // hybrid 4 - 0.9 x 2.25 = 1.975.
        let n = compliance(&p);
        // 1.075 is just below half in binary: 1.07.
        assert_eq!(n.ratings, [4.0, 1.07, 1.98]);
        assert!(
            n.rationale.contains("in-house 4, an outsourced provider 1.07, hybrid on the organisation’s own tools 1.98"),
            "{}",
            n.rationale
        );
    }

    #[test]
    fn a_high_need_for_control_rates_a_provider_lowest() {
        let mut p = crate::profile::starter_profile().unwrap();
        p.requirements.control = Level::High;
        p.requirements.integration = Level::High;
        assert_eq!(control(&p).ratings, [4.0, 1.0, 2.2]);
    }

    #[test]
    fn time_to_implement_rates_how_late_each_option_is_live() {
        let mut p = crate::profile::starter_profile().unwrap();
        let mut v = crate::evaluate::quick(&p).economics.likely;
        v[A::InHouseBuildMonths] = 18.0;
        v[A::ProviderSelectionMonths] = 3.0;
        v[A::ProviderOnboardingMonths] = 2.5;
        // Go-live in 12 months: a provider (5.5) makes it, 4; in-house is
        // 6 months late with a bridge, 3.5 - 6 / 12 = 3.
        p.requirements.go_live_months = 12;
        assert_eq!(time_to_implement(&p, &v).ratings, [3.0, 4.0, 4.0]);
        // Go-live in 4 months: a provider is 1.5 months late, 3 - 1.5 / 6
        // = 2.75; in-house 14 late and unbridged, 3 - 14 / 6, rated 0.67.
        p.requirements.go_live_months = 4;
        let n = time_to_implement(&p, &v);
        assert_eq!(n.ratings, [0.67, 2.75, 2.75]);
        assert!(
            n.rationale
                .contains("even a provider needs about 5.5 months"),
            "{}",
            n.rationale
        );
    }
}
