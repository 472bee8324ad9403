//! The sentences the evaluation writes, keyed, in one place: each a
//! template in English with named placeholders (`{option}`), filled by
//! [`say`] with values already formatted by [`crate::numbers`]. Wording is
//! reviewed here, and a report in another language needs another table,
//! not other code.
//!
//! The constraints, the reasons, the confidence and the recommendation
//! write through it so far; `tests/messages.rs` fails on English prose in
//! a `format!` of a module that does, and holds the others to what they
//! have now.

/// A sentence, or a part of one, the evaluation writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    // The hard constraints.
    OverBudget,
    BudgetCannotFund,
    InHouseTooSlow,
    BridgeFromMonth,
    NoProviderSooner,
    ProviderTooSlow,
    // The reasons.
    BestThatFits,
    NoneFits,
    CheapestRiskAdjusted,
    WithinBudget,
    OverBudgetBy,
    // The confidence.
    ConfidenceHigh,
    ConfidenceMedium,
    ConfidenceLow,
    StandsAtLikelyValues,
    StandsInDraws,
    RunnerUp,
    WithinBudgetInSimulations,
    // The decision asked of the board.
    ApproveDecision,
    BuildInHouse,
    Outsource,
    RunHybrid,
    BridgeUntilInHouse,
    RaiseBudget,
    BridgeMonitors,
    // How the draws were seeded, in the simulation's method statement.
    SeededFromId,
    SeededWith,
    // A scenario against the profile as given.
    StaysUnchanged,
    StaysAtValue,
    ChangesFromTo,
    BecauseOf,
    MovingMost,
    RatedAsBefore,
    Money,
    TotalAgainst,
    TotalChange,
    SameAs,
    PercentOn,
    // The options appraisal.
    WithMoreBudget,
    NoneFitsToday,
    BuysBetterFit,
    NoBetterNeed,
    PremiumCosts,
    HighestValue,
    AgainstOthers,
    DoesNotFit,
    // The switching values.
    SwitchesAt,
    Above,
    Below,
    NoSwitch,
    PerYear,
    AYear,
    ProviderFeeLabel,
    OperatingBudgetLabel,
    SalaryLabel,
    MoneyShareLabel,
    NeedWeightLabel,
    // The staffing section.
    SeatsAndHours,
    SeatsByPolicy,
    AroundTheSeats,
    OneOtSpecialist,
    CoManagedKeeps,
    AndIncidentLead,
    AlsoLeadsResponse,
    IntelAnalyst,
    DayAnalysts,
    RetainedFte,
    OnCallRota,
    PreAuthorised,
    PluralS,
    ServiceOwner,
    IncidentLeadRole,
    BusinessHours,
    // The expected loss, the assumptions, the risks, the roadmap, the facts.
    LossMethod,
    GivenDefaultWouldBe,
    CommonIn,
    IncidentsIn24Months,
    HiringMarketAttrition,
    PlaybooksFor,
    CriticalLogsOnboarded,
    ProviderMonitoringFrom,
    DecisionBeforeTermEnds,
    EstimatedVolume,
    QuoteFact,
    // The assumptions' bases.
    SalarySurvey,
    SalaryScaledFromUs,
    NoWageFigure,
    BreachCostFromNeighbour,
    BreachCostGlobal,
    BreachCostFactors,
    SecuritySalariesAgainstUs,
    ProviderWageMethod,
    // The provider quotes.
    ClauseNotOffered,
    BidRanksFirst,
    NoQuoteFeasible,
    RunnerUpFirstAt,
    RunnerUpNeverFirst,
    // The needs.
    CriticalAssetExposed,
    CriticalAssetsExposed,
    ControlAndIntegrationNeed,
    LiveInTimeEitherWay,
    LiveBeforeBuildBridged,
    LiveTooSoonForAny,
    GrowthAndScalability,
    CoverageTeamNeeded,
    ForThisEstate,
    OnePersonWorks,
    PeopleWork,
    HiringAndTeamShare,
    // The objectives.
    MonitorEveryCriticalAsset,
    SeverityTargets,
    MeetNotificationDeadline,
    OrLess,
    TechniquesCovered,
    RaiseMaturity,
    LevelByMonth,
    FundAtLeast,
    // The options' advantages and drawbacks.
    ControlNeedIs,
    IntegrationNeedIs,
    ResidencyAndSharing,
    AnalystsLeave,
    RotaNeedsPeople,
    MonthsToOperate,
    MonitoringFromMonth,
    StaffTodayAndMarket,
    GrowthAndScalabilityNeed,
    IntegrationAndInsiderThreats,
    ExitPlanNeeded,
    MandatoryUnderDora,
    ProviderCoversNights,
    ControlAndIntegrationLevels,
    MaturityToday,
    HiringMarketIs,
    ThirdPartySharing,
    // The service-level agreement.
    P1Response,
    NotifyWithin,
    OwnNotificationClock,
    HuntingCadence,
    EscalationContacts,
    RetentionAtExit,
    UncappedEscalators,
    ExitAssistance,
    ProviderMust,
}

impl Message {
    pub const ALL: [Message; 143] = [
        Message::OverBudget,
        Message::BudgetCannotFund,
        Message::InHouseTooSlow,
        Message::BridgeFromMonth,
        Message::NoProviderSooner,
        Message::ProviderTooSlow,
        Message::BestThatFits,
        Message::NoneFits,
        Message::CheapestRiskAdjusted,
        Message::WithinBudget,
        Message::OverBudgetBy,
        Message::ConfidenceHigh,
        Message::ConfidenceMedium,
        Message::ConfidenceLow,
        Message::StandsAtLikelyValues,
        Message::StandsInDraws,
        Message::RunnerUp,
        Message::WithinBudgetInSimulations,
        Message::ApproveDecision,
        Message::BuildInHouse,
        Message::Outsource,
        Message::RunHybrid,
        Message::BridgeUntilInHouse,
        Message::RaiseBudget,
        Message::BridgeMonitors,
        Message::SeededFromId,
        Message::SeededWith,
        Message::StaysUnchanged,
        Message::StaysAtValue,
        Message::ChangesFromTo,
        Message::BecauseOf,
        Message::MovingMost,
        Message::RatedAsBefore,
        Message::Money,
        Message::TotalAgainst,
        Message::TotalChange,
        Message::SameAs,
        Message::PercentOn,
        Message::WithMoreBudget,
        Message::NoneFitsToday,
        Message::BuysBetterFit,
        Message::NoBetterNeed,
        Message::PremiumCosts,
        Message::HighestValue,
        Message::AgainstOthers,
        Message::DoesNotFit,
        Message::SwitchesAt,
        Message::Above,
        Message::Below,
        Message::NoSwitch,
        Message::PerYear,
        Message::AYear,
        Message::ProviderFeeLabel,
        Message::OperatingBudgetLabel,
        Message::SalaryLabel,
        Message::MoneyShareLabel,
        Message::NeedWeightLabel,
        Message::SeatsAndHours,
        Message::SeatsByPolicy,
        Message::AroundTheSeats,
        Message::OneOtSpecialist,
        Message::CoManagedKeeps,
        Message::AndIncidentLead,
        Message::AlsoLeadsResponse,
        Message::IntelAnalyst,
        Message::DayAnalysts,
        Message::RetainedFte,
        Message::OnCallRota,
        Message::PreAuthorised,
        Message::PluralS,
        Message::ServiceOwner,
        Message::IncidentLeadRole,
        Message::BusinessHours,
        Message::LossMethod,
        Message::GivenDefaultWouldBe,
        Message::CommonIn,
        Message::IncidentsIn24Months,
        Message::HiringMarketAttrition,
        Message::PlaybooksFor,
        Message::CriticalLogsOnboarded,
        Message::ProviderMonitoringFrom,
        Message::DecisionBeforeTermEnds,
        Message::EstimatedVolume,
        Message::QuoteFact,
        Message::SalarySurvey,
        Message::SalaryScaledFromUs,
        Message::NoWageFigure,
        Message::BreachCostFromNeighbour,
        Message::BreachCostGlobal,
        Message::BreachCostFactors,
        Message::SecuritySalariesAgainstUs,
        Message::ProviderWageMethod,
        Message::ClauseNotOffered,
        Message::BidRanksFirst,
        Message::NoQuoteFeasible,
        Message::RunnerUpFirstAt,
        Message::RunnerUpNeverFirst,
        Message::CriticalAssetExposed,
        Message::CriticalAssetsExposed,
        Message::ControlAndIntegrationNeed,
        Message::LiveInTimeEitherWay,
        Message::LiveBeforeBuildBridged,
        Message::LiveTooSoonForAny,
        Message::GrowthAndScalability,
        Message::CoverageTeamNeeded,
        Message::ForThisEstate,
        Message::OnePersonWorks,
        Message::PeopleWork,
        Message::HiringAndTeamShare,
        Message::MonitorEveryCriticalAsset,
        Message::SeverityTargets,
        Message::MeetNotificationDeadline,
        Message::OrLess,
        Message::TechniquesCovered,
        Message::RaiseMaturity,
        Message::LevelByMonth,
        Message::FundAtLeast,
        Message::ControlNeedIs,
        Message::IntegrationNeedIs,
        Message::ResidencyAndSharing,
        Message::AnalystsLeave,
        Message::RotaNeedsPeople,
        Message::MonthsToOperate,
        Message::MonitoringFromMonth,
        Message::StaffTodayAndMarket,
        Message::GrowthAndScalabilityNeed,
        Message::IntegrationAndInsiderThreats,
        Message::ExitPlanNeeded,
        Message::MandatoryUnderDora,
        Message::ProviderCoversNights,
        Message::ControlAndIntegrationLevels,
        Message::MaturityToday,
        Message::HiringMarketIs,
        Message::ThirdPartySharing,
        Message::P1Response,
        Message::NotifyWithin,
        Message::OwnNotificationClock,
        Message::HuntingCadence,
        Message::EscalationContacts,
        Message::RetentionAtExit,
        Message::UncappedEscalators,
        Message::ExitAssistance,
        Message::ProviderMust,
    ];

    /// The English template.
    pub fn template(self) -> &'static str {
        match self {
            Message::OverBudget => "{option} needs {need} a year in its dearest year (median of the simulations), {gap} more than the operating budget of {budget}: a funding gap, not a reason to rule it out",
            Message::BudgetCannotFund => "The budget cannot fund the required coverage with any option: the least demanding, {option}, needs {need} a year, {gap} more than the {budget} a year available",
            Message::InHouseTooSlow => "An in-house SOC takes about {build} months to build and staff, so it cannot meet the {go_live}-month go-live on its own; {then}",
            Message::BridgeFromMonth => "a provider can bridge the gap from month {month}",
            Message::NoProviderSooner => "no provider can start sooner either",
            Message::ProviderTooSlow => "A provider needs about {start} months to start monitoring, later than the {go_live}-month go-live; no option can be live sooner",
            Message::BestThatFits => "{best} has the highest value but needs {need} a year, more than the operating budget of {budget}; {option} is the best option the budget can fund",
            Message::NoneFits => "No option fits the operating budget of {budget} a year; {option} has the highest value and needs {gap} more a year",
            Message::CheapestRiskAdjusted => "Risk-adjusted, {option} is the cheapest feasible option: {cost} over {years} years in present value, cost of ownership and the expected loss it leaves",
            Message::WithinBudget => "{option} needs {need} a year in its dearest year, within the operating budget of {budget}",
            Message::OverBudgetBy => "{option} needs {need} a year in its dearest year, {gap} more than the operating budget of {budget}",
            Message::ConfidenceHigh => "High",
            Message::ConfidenceMedium => "Medium",
            Message::ConfidenceLow => "Low",
            Message::StandsAtLikelyValues => "{level} confidence: {option} is the recommendation at the likely values",
            Message::StandsInDraws => "{level} confidence: {option} is still the recommendation in {share} of {draws} joint draws of the cost assumptions, breach losses and weights",
            Message::RunnerUp => "; the runner-up is {option}",
            Message::WithinBudgetInSimulations => ". Separately, it stays within the operating budget in every year in {share} of the cost simulations",
            Message::ApproveDecision => "Approve the decision to {what}, budgeting {p50} over {years} years (the median of the simulations), with a contingency of {contingency} to {p80} (P80); the P10–P90 range is {p10} to {p90}; monitoring is live by month {live}",
            Message::BuildInHouse => "build an in-house Security Operations Center",
            Message::Outsource => "outsource security monitoring and response to a managed provider (MSSP/MDR)",
            Message::RunHybrid => "run a hybrid SOC: a managed provider for 24/7 monitoring, an internal team for response and detection engineering",
            Message::BridgeUntilInHouse => ", through a provider bridge until the in-house SOC takes over in month {month}",
            Message::RaiseBudget => " The board must also raise the operating budget by {gap} a year or accept less than the required coverage.",
            Message::BridgeMonitors => "A managed provider monitors from month {from} until the in-house SOC is operational in month {until}, for about {cost}",
            Message::SeededFromId => "seeded from the profile id",
            Message::SeededWith => "seeded with {seed}",
            Message::StaysUnchanged => "The recommendation stays {option} (its value is unchanged at {value})",
            Message::StaysAtValue => "The recommendation stays {option} (value {value}, against {before} as profiled)",
            Message::ChangesFromTo => "The recommendation changes from {was} to {now}",
            Message::BecauseOf => "because {reason}",
            Message::MovingMost => "with {need} moving most for {option}, from {before} to {after} of 4",
            Message::RatedAsBefore => "with every option rated as before",
            Message::Money => "Money",
            Message::TotalAgainst => "; the {option} option’s likely total is {total}, against {before} for {was} as profiled",
            Message::TotalChange => "; the {option} option’s likely total is {total}, {change} the profile as given",
            Message::SameAs => "the same as",
            Message::PercentOn => "{change} on",
            Message::WithMoreBudget => "With {gap} more a year, {option} would be the better choice",
            Message::NoneFitsToday => "No option fits today’s operating budget of {budget} a year; {option} needs {gap} more a year",
            Message::BuysBetterFit => "it buys a better fit on {needs}",
            Message::NoBetterNeed => "no need it meets better; the budget rule chose it",
            Message::PremiumCosts => "{option} costs {per_year} a year more than {cheapest}, risk-adjusted ({total} over {years} years in present value); {bought}",
            Message::HighestValue => "{option} has the highest value, {value} on a scale of 0 to 1{others}, with money carrying {share} of it",
            Message::AgainstOthers => " (against {others})",
            Message::DoesNotFit => "; it does not fit the budget, so the best option that does, {option}, is recommended",
            Message::SwitchesAt => "{label} {direction} {value} (now {current}) makes {to} the recommendation instead of {now}",
            Message::Above => "above",
            Message::Below => "below",
            Message::NoSwitch => "No {label} between {low} and {high} changes the recommendation (now {current})",
            Message::PerYear => "{currency} per year",
            Message::AYear => "{amount} a year",
            Message::ProviderFeeLabel => "Provider fee for outsourcing",
            Message::OperatingBudgetLabel => "Operating budget",
            Message::SalaryLabel => "L2 analyst salary (other tiers in proportion)",
            Message::MoneyShareLabel => "Money share",
            Message::NeedWeightLabel => "Weight of {need} among the needs",
            Message::SeatsAndHours => "{coverage} coverage staffs {seats} seat{plural} for {hours} hours a year; one seat needs {fte} FTE across the year at {level} coverage",
            Message::SeatsByPolicy => "Seats: at least {min} by policy, one per {per_seat} monitored assets; the estate has {assets} today",
            Message::AroundTheSeats => "Around the L1 seats: L2 about 40% and L3 about 20% of L1, {engineers} detection engineer{plural} for {volume} GB of logs a day{ot}, and a manager",
            Message::OneOtSpecialist => " (one of them an OT specialist)",
            Message::CoManagedKeeps => "The co-managed team keeps the functions the provider does not take: a lead{lead}, {engineers} detection engineer{plural}{intel}{analysts}, in business hours",
            Message::AndIncidentLead => " and an incident-response lead",
            Message::AlsoLeadsResponse => " who also leads incident response",
            Message::IntelAnalyst => ", a threat-intelligence and hunting analyst",
            Message::DayAnalysts => ", {count} day-shift analyst{plural} for escalations",
            Message::RetainedFte => "When outsourcing, {fte} FTE stay in-house for risk ownership, incident command, vendor management and regulator contact; {rota}",
            Message::OnCallRota => "four more people take turns on call to approve containment out of hours",
            Message::PreAuthorised => "containment is pre-authorised in the contract, so no on-call rota is needed",
            Message::PluralS => "s",
            Message::ServiceOwner => "Service owner and vendor management",
            Message::IncidentLeadRole => "Incident-response lead and regulator contact",
            Message::BusinessHours => "business hours",
            Message::LossMethod => "expected yearly loss = yearly probability of a material breach × its cost, split into commodity and targeted attacks, each lowered by what an option detects and contains (never below what today’s team and tools already do), plus a provider’s own exposure; probability and cost drawn {draws} times from their ranges, in a Latin hypercube [{sources}]",
            Message::GivenDefaultWouldBe => "given in the profile; the default would be: {basis}",
            Message::CommonIn => "common in {industry}",
            Message::IncidentsIn24Months => "{count} incident{plural} in 24 months",
            Message::HiringMarketAttrition => "the hiring market is {market}; about a quarter of SOC staff leave each year",
            Message::PlaybooksFor => "Playbooks for {threats}",
            Message::CriticalLogsOnboarded => "Logs of all {count} critical assets onboarded",
            Message::ProviderMonitoringFrom => "Provider monitoring from month {month}",
            Message::DecisionBeforeTermEnds => "Decision taken {months} months before the {years}-year term ends, in time for a new purchase",
            Message::EstimatedVolume => "{volume} GB (estimated from assets)",
            Message::QuoteFact => "{provider}: {fee} a year, {onboarding} onboarding, {term}-year term",
            Message::SalarySurvey => "{market}: {survey} ({currency} {year}), brought to {price_year} with the wage-growth assumption; {tiers}",
            Message::SalaryScaledFromUs => "no security salary survey for {country}: the U.S. figures scaled by its wage level relative to the U.S. ({ratio}: {basis}) and converted; {tiers}",
            Message::NoWageFigure => "no wage figure for {country}: U.S. figures converted at the exchange rate; override the salary assumptions for the local market",
            Message::BreachCostFromNeighbour => "no IBM figure for {country}: {neighbour}’s {published} scaled by the wage level ({scale})",
            Message::BreachCostGlobal => "no IBM figure for {country}: the global average, {published}",
            Message::BreachCostFactors => "{basis}; times {industry} for the industry and {size} for the organisation’s size",
            Message::SecuritySalariesAgainstUs => "{market}’s security salaries against the U.S.",
            Message::ProviderWageMethod => "assumption on the method (no published regional MDR prices): half of a provider’s fee pays its people, scaled by the wage level of {country} relative to the U.S. ({level}, {how})",
            Message::ClauseNotOffered => "does not offer {clause}, mandatory under {rules}",
            Message::BidRanksFirst => "{provider} ranks first of {quotes} quote{plural} ({feasible} feasible), scoring {score} with price {share} of the score",
            Message::NoQuoteFeasible => "None of the {quotes} quotes is feasible: each fails a mandatory clause or a hard rule",
            Message::RunnerUpFirstAt => "; {provider} would rank first at {fee} a year or less (quoted {quoted})",
            Message::RunnerUpNeverFirst => "; {provider} would not rank first at any price: what it commits to falls too far short",
            Message::CriticalAssetExposed => "{count} critical asset is internet-facing",
            Message::CriticalAssetsExposed => "{count} critical assets are internet-facing",
            Message::ControlAndIntegrationNeed => "the need for operational control is {control} and for integration with IT and business units {integration}",
            Message::LiveInTimeEitherWay => "monitoring must be live in {go_live} months; an in-house build of about {build} months and a provider starting in about {provider} both make it",
            Message::LiveBeforeBuildBridged => "monitoring must be live in {go_live} months, {early} months before an in-house build of about {build} months is ready; a provider starting in about {provider} months can bridge the gap",
            Message::LiveTooSoonForAny => "monitoring must be live in {go_live} months; even a provider needs about {provider} months, and an in-house build about {build}",
            Message::GrowthAndScalability => "the estate grows {growth}% a year and the need to scale capacity is {need}",
            Message::CoverageTeamNeeded => "{coverage} coverage needs an in-house team of at least {people} people{sized}; {staff} in security operations today",
            Message::ForThisEstate => " ({people} for this estate)",
            Message::OnePersonWorks => "1 person works",
            Message::PeopleWork => "{count} people work",
            Message::HiringAndTeamShare => "the hiring market is {market}, today’s team is {share}% of the smallest in-house team the coverage needs, and SOC maturity is {maturity} of 5",
            Message::MonitorEveryCriticalAsset => "Monitor every critical asset ({count} listed)",
            Message::SeverityTargets => "P1: acknowledged in 15 minutes, contained in {contain_p1}; P2: 30 minutes and 4 hours; P3: 4 hours and 72 hours",
            Message::MeetNotificationDeadline => "Meet the tightest notification deadline ({deadline})",
            Message::OrLess => "{limit} or less",
            Message::TechniquesCovered => "Share of the MITRE ATT&CK techniques used in {threats} with a tested detection",
            Message::RaiseMaturity => "Raise SOC maturity from level {level} (SOC-CMM), one level a year",
            Message::LevelByMonth => "level {level} by month {month}",
            Message::FundAtLeast => "at least {needed} a year (now {now}), approved before the plan starts",
            Message::ControlNeedIs => "the need for control is {level}",
            Message::IntegrationNeedIs => "the need for integration with IT and business units is {level}",
            Message::ResidencyAndSharing => "data residency: {residency}; third-party sharing: {sharing}",
            Message::AnalystsLeave => "the hiring market is {market}; about {attrition}% of SOC analysts leave each year",
            Message::RotaNeedsPeople => "{coverage} coverage needs about {people} people; {staff} today",
            Message::MonthsToOperate => "about {months} months to operate, against a {go_live}-month go-live",
            Message::MonitoringFromMonth => "monitoring from month {month}",
            Message::StaffTodayAndMarket => "{staff} in security operations today; hiring market {market}",
            Message::GrowthAndScalabilityNeed => "growth of {growth}% a year; scalability need {need}",
            Message::IntegrationAndInsiderThreats => "integration need {level}; insider or fraud threats: {present}",
            Message::ExitPlanNeeded => "a {years}-year term; an exit plan is needed{dora}",
            Message::MandatoryUnderDora => " and mandatory under DORA",
            Message::ProviderCoversNights => "the provider covers nights and weekends from month {month}",
            Message::ControlAndIntegrationLevels => "control need {control}; integration need {integration}",
            Message::MaturityToday => "SOC maturity {level} of 5 today",
            Message::HiringMarketIs => "hiring market {market}",
            Message::ThirdPartySharing => "third-party sharing: {sharing}",
            Message::P1Response => "acknowledge within 15 minutes; call the named contact within 30 minutes; {contain_p1}",
            Message::NotifyWithin => "within {limit} of detecting a likely breach",
            Message::OwnNotificationClock => "The organisation’s own clock is {clock}: the incident must be classified within {classify} to file on time",
            Message::HuntingCadence => "a hypothesis-led hunt at least monthly, focused on {threats}, with a written result; a targeted hunt within 48 hours of a credible advisory",
            Message::EscalationContacts => "named 24/7 contacts on both sides, severity definitions, and a path for cases {who} is unsure about",
            Message::RetentionAtExit => "{days} days of logs at least; data returned in an open format at exit; certified deletion afterwards",
            Message::UncappedEscalators => "The estate grows {growth}% a year; uncapped escalators and monthly true-ups make the budget unpredictable",
            Message::ExitAssistance => "a tested exit plan, a transition period of at least {months} months, and assistance at pre-agreed rates",
            Message::ProviderMust => "the provider must {terms}",
        }
    }
}

/// `message` with each `{name}` replaced by its value in `values`. Values
/// are inserted as they are, never read for placeholders themselves, so a
/// brace in profile text stays text.
pub fn say(message: Message, values: &[(&str, &str)]) -> String {
    let template = message.template();
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    // A name without a value is a defect the tests catch;
                    // it shows rather than vanishes.
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name_and_values_stay_text() {
        assert_eq!(
            say(
                Message::BridgeMonitors,
                &[("from", "4"), ("until", "18"), ("cost", "USD 1.2 million")]
            ),
            "A managed provider monitors from month 4 until the in-house SOC is operational in month 18, for about USD 1.2 million"
        );
        // A value holding a placeholder's syntax is not read again.
        assert_eq!(
            say(Message::RunnerUp, &[("option", "{share}")]),
            "; the runner-up is {share}"
        );
        // A missing value shows, for the tests to catch.
        assert_eq!(say(Message::RunnerUp, &[]), "; the runner-up is {option}");
    }

    #[test]
    fn every_template_names_its_placeholders_plainly() {
        for m in Message::ALL {
            for name in placeholders(m.template()) {
                assert!(
                    !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "{m:?}: `{{{name}}}`"
                );
            }
        }
    }
}
