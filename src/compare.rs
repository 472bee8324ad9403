//! Change over time: two assessments of one organisation in, what changed
//! between them out.
//!
//! The assessments are read as JSON (`assessment.json` files, or a
//! profile evaluated on the spot and serialised) into a typed view of just
//! the fields compared ([`view`]), so an assessment written by an earlier
//! run compares with today's as long as its schema version is one this
//! build reads, and a file missing a field or holding the wrong type is
//! refused rather than read as zero. Only what a board asks about is
//! compared: the recommendation, every input the report lists (and every
//! assumption value), the cost of each option, the risks, and the
//! objectives.

pub mod view;

use crate::evaluate::assessment::SocOption;
use crate::numbers::{and_list, decimal, money_short, percent_1};
use serde::Serialize;
use std::collections::BTreeMap;
pub(crate) use view::Assessment;

/// Why two assessments cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotComparable {
    #[error("they assess different organisations: `{old}` then, `{new}` now (the profile id must be the same)")]
    Organisation { old: String, new: String },
}

/// The recommendation on one side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub date: String,
    pub source: String,
    /// The file the assessment was read from, as given on the command
    /// line; empty until [`Comparison::read_from`] names it.
    pub file: String,
    /// What the comparison's columns call this side: its date, or, when
    /// both assessments carry the same date, what tells their files apart.
    pub heading: String,
    pub generator: String,
    pub option: String,
    pub label: String,
    pub confidence: String,
    /// The recommended option's value in the appraisal (schema 3 and
    /// later), or the weighted score of schema 2, with its words.
    pub standing: f64,
    pub standing_text: String,
    pub currency: String,
    pub horizon_years: u64,
    /// The `--set` values the assessment was evaluated with, as
    /// `PATH=VALUE` (empty when it is the profile as written).
    pub overrides: Vec<String>,
}

/// An input that differs: present on one side only when the other lacks it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputChange {
    pub path: String,
    pub label: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostChange {
    pub option: String,
    pub label: String,
    pub old_total: f64,
    pub new_total: f64,
    pub change: f64,
    /// The change as a share of the old total, when it had one.
    pub change_share: Option<f64>,
    pub old_p50: f64,
    pub new_p50: f64,
    /// Whether the option fits the budget then and now (schema 3 and
    /// later: the median draw fits every year; schema 2: at likely values).
    pub old_fits: Option<bool>,
    pub new_fits: Option<bool>,
}

/// A quote of the bid evaluation: added, removed, or ranked differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteChange {
    pub provider: String,
    /// `added`, `removed`, `reranked` or `same`.
    pub change: String,
    pub old_rank: Option<u64>,
    pub new_rank: Option<u64>,
    pub old_fee: Option<f64>,
    pub new_fee: Option<f64>,
}

/// A risk as the comparison lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskLine {
    pub threat: String,
    pub asset: String,
    pub rating: u64,
    pub band: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskMove {
    pub threat: String,
    pub asset: String,
    pub old_rating: u64,
    pub new_rating: u64,
    pub old_band: String,
    pub new_band: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveChange {
    pub objective: String,
    /// `added`, `dropped`, `moved` (target or due month changed), or `due`
    /// (the same, but the old assessment's due date has passed by the new
    /// one's date: time to say whether it was met).
    pub change: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The month (`YYYY-MM`) the old assessment set the objective for, when
    /// that is on or before the new assessment's date.
    pub due_by: Option<String>,
}

/// What changed between two assessments of one organisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub id: String,
    pub organisation: String,
    pub classification: String,
    pub language: String,
    pub old: Side,
    pub new: Side,
    pub recommendation_changed: bool,
    pub inputs: Vec<InputChange>,
    pub costs: Vec<CostChange>,
    /// Costs are in different currencies or over different horizons, so
    /// their change is shown but not as a like-for-like difference.
    pub costs_comparable: bool,
    pub risks_appeared: Vec<RiskLine>,
    pub risks_gone: Vec<RiskLine>,
    pub risks_moved: Vec<RiskMove>,
    pub objectives: Vec<ObjectiveChange>,
    /// The quotes of either side, in the new ranking, then those removed.
    pub quotes: Vec<QuoteChange>,
    /// Nothing the comparison looks at differs.
    pub unchanged: bool,
    /// One sentence for the top of the document.
    pub summary: String,
    /// Both assessments carry the same date.
    pub same_date: bool,
    /// When the recommendation changed: what flipped it, in one sentence.
    pub why: Option<String>,
    /// The inputs the sentence names as having flipped the answer (key
    /// paths, or the names the switching values use).
    pub flipped_by: Vec<String>,
}

fn side(v: &Assessment) -> Side {
    Side {
        date: v.profile.date.to_string(),
        source: v.profile.source.to_string(),
        file: String::new(),
        heading: String::new(),
        generator: v.generator.to_string(),
        option: v.recommendation.option.key().to_string(),
        label: v.recommendation.label.to_string(),
        confidence: v.recommendation.confidence.to_string(),
        standing: standing(v),
        standing_text: standing_text(v),
        currency: v.costs.currency.to_string(),
        horizon_years: v.costs.horizon_years,
        overrides: v
            .profile
            .overrides
            .iter()
            .map(|s| format!("{}={}", s.path, s.value))
            .collect(),
    }
}

/// How strongly the recommendation stands: its value in the options
/// appraisal, or (schema 2) the weighted score.
fn standing(v: &Assessment) -> f64 {
    v.decision
        .as_ref()
        .and_then(|d| d.options.get(&view::OptionKey(v.recommendation.option)))
        .map(|o| o.value)
        .or(v.recommendation.score)
        .unwrap_or(0.0)
}

fn standing_text(v: &Assessment) -> String {
    if v.decision.is_some() {
        format!("value {:.3}", standing(v))
    } else {
        format!("score {:+.2}", standing(v))
    }
}

/// Compare the assessment `old` with `new`.
pub fn compare(old: &Assessment, new: &Assessment) -> Result<Comparison, NotComparable> {
    let (old_id, new_id) = (old.profile.id.to_string(), new.profile.id.to_string());
    if old_id != new_id {
        return Err(NotComparable::Organisation {
            old: old_id,
            new: new_id,
        });
    }
    let (mut then, mut now) = (side(old), side(new));
    let same_date = then.date == now.date;
    then.heading = heading("Then", &then.date, same_date);
    now.heading = heading("Now", &now.date, same_date);
    let inputs = inputs(old, new);
    let costs_comparable = then.currency == now.currency && then.horizon_years == now.horizon_years;
    let costs = costs(old, new);
    let (risks_appeared, risks_gone, risks_moved) = risks(old, new);
    let objectives = objectives(old, new);
    let quotes = quotes(old, new);
    let recommendation_changed = then.option != now.option;
    let cost_moved = costs.iter().any(|c| c.change.abs() >= 0.5);
    let unchanged = !recommendation_changed
        && (then.standing - now.standing).abs() < 1e-9
        && then.confidence == now.confidence
        && inputs.is_empty()
        && !cost_moved
        && risks_appeared.is_empty()
        && risks_gone.is_empty()
        && risks_moved.is_empty()
        && objectives.is_empty()
        && quotes.iter().all(|q| q.change == "same");
    let differ = match inputs.len() {
        0 => "no input differs".to_string(),
        1 => "1 input differs".to_string(),
        n => format!("{n} inputs differ"),
    };
    let summary = if unchanged {
        "Nothing compared has changed: the same recommendation, inputs, costs, risks and objectives"
            .to_string()
    } else if recommendation_changed {
        format!(
            "The recommendation has changed from {} to {}; {differ}",
            then.label, now.label
        )
    } else {
        format!(
            "The recommendation is still {} ({} confidence, {} now, {} then); {differ}",
            now.label, now.confidence, now.standing_text, then.standing_text
        )
    };
    let (why, flipped_by) = if recommendation_changed {
        let (sentence, keys) = why_it_flipped(old, new, &inputs);
        (Some(sentence), keys)
    } else {
        (None, Vec::new())
    };
    Ok(Comparison {
        id: new_id,
        organisation: new.profile.name.to_string(),
        classification: new.profile.classification.to_string(),
        language: new.profile.language.to_string(),
        old: then,
        new: now,
        recommendation_changed,
        inputs,
        costs,
        costs_comparable,
        risks_appeared,
        risks_gone,
        risks_moved,
        objectives,
        quotes,
        unchanged,
        summary,
        same_date,
        why,
        flipped_by,
    })
}

fn heading(side: &str, date: &str, same_date: bool) -> String {
    if same_date || date.is_empty() {
        side.to_string()
    } else {
        format!("{side} ({date})")
    }
}

impl Comparison {
    /// The two dates for a running footer: `2025-11-02 to 2026-11-02`, or
    /// the date said once when the assessments share it.
    pub fn dates(&self) -> String {
        if self.same_date {
            format!("two assessments of {}", self.new.date)
        } else {
            format!("{} to {}", self.old.date, self.new.date)
        }
    }

    /// Names the files the two sides were read from. Two assessments of
    /// one day are told apart in the column headings by the part of their
    /// paths that differs (`2026-q1` and `2026-q2` in
    /// `2026-q1/bank/assessment.json` and `2026-q2/bank/assessment.json`).
    #[must_use]
    pub fn read_from(mut self, old: &str, new: &str) -> Self {
        self.old.file = old.to_string();
        self.new.file = new.to_string();
        if self.same_date {
            let (a, b) = distinguishing(old, new);
            if !a.is_empty() && !b.is_empty() {
                self.old.heading = format!("Then ({a})");
                self.new.heading = format!("Now ({b})");
            }
        }
        self
    }
}

/// The parts of two paths left when the components they share at the
/// start and at the end are taken away.
fn distinguishing(old: &str, new: &str) -> (String, String) {
    let split = |p: &str| -> Vec<String> {
        p.split(['/', '\\'])
            .filter(|c| !c.is_empty() && *c != ".")
            .map(str::to_string)
            .collect()
    };
    let (a, b) = (split(old), split(new));
    let front = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let back = a[front..]
        .iter()
        .rev()
        .zip(b[front..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (
        a[front..a.len() - back].join("/"),
        b[front..b.len() - back].join("/"),
    )
}

/// An option's short name (`hybrid`) from its key.
fn short_name(key: &str) -> String {
    SocOption::ALL
        .iter()
        .find(|o| o.key() == key)
        .map_or_else(|| key.replace('_', " "), |o| o.short().to_lowercase())
}

/// A switching value's input at one side: its current value and, where
/// the recommendation changes, the value and the option it changes to.
struct Switch {
    label: String,
    unit: String,
    current: f64,
    at: Option<(f64, String)>,
}

fn switches(v: &Assessment) -> BTreeMap<String, Switch> {
    v.decision
        .iter()
        .flat_map(|d| &d.switching_values)
        .map(|s| {
            (
                s.input.to_string(),
                Switch {
                    label: s.label.to_string(),
                    unit: s.unit.to_string(),
                    current: s.current,
                    at: s
                        .value
                        .map(|x| (x, s.to.map_or_else(String::new, |o| o.key().to_string()))),
                },
            )
        })
        .collect()
}

/// A switching value's amount in its unit, as the report shows it; `per`
/// adds "a year" to a yearly amount.
fn amount(x: f64, unit: &str, currency: &str, per: bool) -> String {
    if unit == "%" {
        percent_1(x)
    } else if !currency.is_empty() && unit.starts_with(currency) {
        let money = money_short(currency, x);
        if per && unit.ends_with("per year") {
            format!("{money} a year")
        } else {
            money
        }
    } else {
        format!("{} {unit}", decimal(x)).trim().to_string()
    }
}

/// The report's inputs behind a switching value's input: the provider
/// fee moves with a quote or with the model's service rates, the salary
/// with the salary assumptions, a weight with the weights.
fn behind(switch: &str, input: &str) -> bool {
    match switch {
        "provider_price" => {
            input.starts_with("mssp_quote")
                || input.starts_with("quotes")
                || input.starts_with("assumptions.mssp_")
                || input == "assumptions.provider_region_factor"
        }
        "analyst_salary" => input.starts_with("assumptions.") && input.ends_with("_salary"),
        s if s.starts_with("weights.") || s.starts_with("decision.") => {
            input == "weights" || input.starts_with("weights.") || input.starts_with("decision.")
        }
        s => input == s,
    }
}

/// One option's standing in the appraisal on one side.
struct Standing {
    value: f64,
    fits: Option<bool>,
    feasible: bool,
    because: String,
    opex_needed: f64,
}

fn standing_of(v: &Assessment, option: &str) -> Option<Standing> {
    let option = SocOption::ALL.into_iter().find(|o| o.key() == option)?;
    let o = v.decision.as_ref()?.options.get(&view::OptionKey(option))?;
    Some(Standing {
        value: o.value,
        fits: Some(o.fits_budget),
        feasible: o.feasible,
        because: o
            .infeasible_because
            .first()
            .map_or_else(String::new, ToString::to_string),
        opex_needed: o.opex_needed,
    })
}

/// What flipped the recommendation, computed from the two assessments:
/// the input that crossed the value at which the earlier assessment said
/// the answer would change (its switching value), else the inputs that
/// changed; then how the options moved: one stopped or started to fit the
/// budget, was ruled out or in, or the values changed order. Also the
/// keys of the inputs named.
fn why_it_flipped(
    old: &Assessment,
    new: &Assessment,
    inputs: &[InputChange],
) -> (String, Vec<String>) {
    let currency = new.costs.currency.to_string();
    let (was, is) = (
        old.recommendation.option.key().to_string(),
        new.recommendation.option.key().to_string(),
    );
    let (was_name, is_name) = (short_name(&was), short_name(&is));
    let (then, now) = (switches(old), switches(new));

    // Inputs that crossed the earlier assessment's switching value.
    let mut causes = Vec::new();
    let mut keys = Vec::new();
    for (input, s) in &then {
        let (Some((at, to)), Some(n)) = (&s.at, now.get(input)) else {
            continue;
        };
        let below = *at < s.current;
        let crossed = if below {
            n.current <= *at
        } else {
            n.current >= *at
        };
        if !crossed || (n.current - s.current).abs() < 1e-9 {
            continue;
        }
        let shown = |x: f64| amount(x, &s.unit, &currency, false);
        let mut moved_by: Vec<String> = inputs
            .iter()
            .filter(|i| behind(input, &i.path) && i.path != *input)
            .map(|i| stem(&i.label))
            .collect();
        // A derived input (the provider fee follows the estate, the
        // salaries the country) moved with whatever else changed.
        if moved_by.is_empty() && !inputs.iter().any(|i| i.path == *input) {
            moved_by = inputs.iter().map(|i| stem(&i.label)).collect();
        }
        let through = if moved_by.is_empty() {
            String::new()
        } else {
            format!(" as the {} changed", and_list(&moved_by))
        };
        causes.push(format!(
            "{} {} from {} to {}{through}, {} the {} at which the earlier assessment said {} would be recommended",
            lower_first(&s.label),
            if n.current < s.current { "fell" } else { "rose" },
            shown(s.current),
            amount(n.current, &s.unit, &currency, true),
            if below { "below" } else { "above" },
            shown(*at),
            short_name(to),
        ));
        keys.push(input.clone());
    }
    let cause = if causes.is_empty() {
        // No single input crossed its switching value: name what changed.
        keys = inputs.iter().map(|i| i.path.clone()).collect();
        let named: Vec<String> = inputs
            .iter()
            .take(3)
            .map(|i| {
                format!(
                    "{} ({} to {})",
                    lower_first(&i.label),
                    i.old.as_deref().unwrap_or("not given"),
                    i.new.as_deref().unwrap_or("not given")
                )
            })
            .collect();
        match inputs.len() {
            0 => {
                let (g0, g1) = (old.generator.as_str(), new.generator.as_str());
                if g0 == g1 || g0.is_empty() || g1.is_empty() {
                    "no input the report lists changed".to_string()
                } else {
                    format!("no input the report lists changed, but the model did ({g0} then, {g1} now)")
                }
            }
            n if n <= 3 => format!("the {} changed", and_list(&named)),
            n => format!(
                "the {} and {} other inputs changed",
                named.join(", the "),
                n - 3
            ),
        }
    } else {
        format!("the {}", causes.join("; and the "))
    };

    // How the options moved.
    let (w0, w1) = (standing_of(old, &was), standing_of(new, &was));
    let (i0, i1) = (standing_of(old, &is), standing_of(new, &is));
    let moved = match (w0, w1, i0, i1) {
        (Some(w0), Some(w1), Some(i0), Some(i1)) => {
            if w0.feasible && !w1.feasible {
                format!(
                    "{was_name} is ruled out now{}",
                    if w1.because.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", lower_first(&w1.because))
                    }
                )
            } else if w0.fits == Some(true) && w1.fits == Some(false) {
                format!(
                    "{was_name}, which needs {} a year, no longer fits the operating budget, so {is_name} is the best option that does",
                    money_short(&currency, w1.opex_needed)
                )
            } else if !i0.feasible && i1.feasible {
                format!("{is_name} is no longer ruled out and now has the better value")
            } else if i0.fits == Some(false) && i1.fits == Some(true) {
                format!("{is_name} now fits the operating budget and has the better value")
            } else {
                format!(
                    "{is_name} now has the better value ({:.3} against {was_name}'s {:.3}; {:.3} against {:.3} then)",
                    i1.value, w1.value, i0.value, w0.value
                )
            }
        }
        _ => format!("{is_name} is recommended instead of {was_name}"),
    };
    (format!("What flipped the answer: {cause}; {moved}"), keys)
}

/// A label without its bracketed gloss, to sit inside a sentence's own
/// brackets: "weights (share of the decision)" -> "weights".
fn stem(label: &str) -> String {
    lower_first(label.split(" (").next().unwrap_or(label))
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Acronyms and names ("SIEM", "L2 analyst") keep their case.
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

/// The report's facts by key path, and every assumption's value, on both
/// sides: each that differs.
fn inputs(old: &Assessment, new: &Assessment) -> Vec<InputChange> {
    fn facts(v: &Assessment) -> BTreeMap<String, (String, String)> {
        let mut out: BTreeMap<String, (String, String)> = v
            .facts
            .iter()
            .map(|f| (f.key.to_string(), (f.label.to_string(), f.text.to_string())))
            .collect();
        for a in &v.assumptions {
            let (value, low, high) = (decimal(a.value), decimal(a.low), decimal(a.high));
            // The range is part of the assumption: a wider range with the
            // same likely value changes the simulated costs.
            let range = if low == value && high == value {
                String::new()
            } else {
                format!(" ({low} to {high})")
            };
            out.insert(
                format!("assumptions.{}", a.name),
                (
                    a.label.to_string(),
                    format!("{value}{range} {}", a.unit).trim().to_string(),
                ),
            );
        }
        out
    }
    let (then, now) = (facts(old), facts(new));
    let mut keys: Vec<&String> = then.keys().chain(now.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (a, b) = (then.get(k), now.get(k));
            if a.map(|x| &x.1) == b.map(|x| &x.1) {
                return None;
            }
            Some(InputChange {
                path: k.clone(),
                label: b.or(a).map(|x| x.0.clone()).unwrap_or_default(),
                old: a.map(|x| x.1.clone()),
                new: b.map(|x| x.1.clone()),
            })
        })
        .collect()
}

fn costs(old: &Assessment, new: &Assessment) -> Vec<CostChange> {
    SocOption::ALL
        .into_iter()
        .filter(|o| {
            old.costs.options.contains_key(&view::OptionKey(*o))
                || new.costs.options.contains_key(&view::OptionKey(*o))
        })
        .map(|o| {
            let total = |v: &Assessment| {
                v.costs
                    .options
                    .get(&view::OptionKey(o))
                    .map_or(0.0, |c| c.total)
            };
            let p50 = |v: &Assessment| {
                v.costs
                    .options
                    .get(&view::OptionKey(o))
                    .map_or(0.0, |c| c.range.p50)
            };
            let (a, b) = (total(old), total(new));
            let label = new
                .options
                .iter()
                .find(|x| x.option == o)
                .map_or_else(|| o.key().to_string(), |x| x.label.to_string());
            CostChange {
                option: o.key().to_string(),
                label,
                old_total: a,
                new_total: b,
                change: b - a,
                change_share: (a > 0.0).then(|| (b - a) / a),
                old_p50: p50(old),
                new_p50: p50(new),
                old_fits: fits(old, o),
                new_fits: fits(new, o),
            }
        })
        .collect()
}

/// Whether an option fits the budget on one side.
fn fits(v: &Assessment, option: SocOption) -> Option<bool> {
    v.decision
        .as_ref()
        .and_then(|d| d.options.get(&view::OptionKey(option)))
        .map(|o| o.fits_budget)
        .or_else(|| {
            v.costs
                .options
                .get(&view::OptionKey(option))
                .map(|c| c.within_budget)
        })
}

/// The quotes on either side, by provider: added, removed, re-ranked.
fn quotes(old: &Assessment, new: &Assessment) -> Vec<QuoteChange> {
    fn by_provider(v: &Assessment) -> BTreeMap<String, (u64, f64)> {
        v.quotes
            .iter()
            .map(|q| (q.provider.to_string(), (q.rank, q.annual_fee)))
            .collect()
    }
    let (then, now) = (by_provider(old), by_provider(new));
    let mut out: Vec<QuoteChange> = now
        .iter()
        .map(|(p, (rank, fee))| {
            let before = then.get(p);
            QuoteChange {
                provider: p.clone(),
                change: match before {
                    None => "added",
                    Some((r, f)) if r == rank && (f - fee).abs() < 0.5 => "same",
                    Some(_) => "reranked",
                }
                .to_string(),
                old_rank: before.map(|b| b.0),
                new_rank: Some(*rank),
                old_fee: before.map(|b| b.1),
                new_fee: Some(*fee),
            }
        })
        .collect();
    out.sort_by_key(|q| q.new_rank);
    out.extend(
        then.iter()
            .filter(|(p, _)| !now.contains_key(*p))
            .map(|(p, (rank, fee))| QuoteChange {
                provider: p.clone(),
                change: "removed".into(),
                old_rank: Some(*rank),
                new_rank: None,
                old_fee: Some(*fee),
                new_fee: None,
            }),
    );
    out
}

type RiskChanges = (Vec<RiskLine>, Vec<RiskLine>, Vec<RiskMove>);

/// Risks by what they are (kind, threat and asset), not by their number
/// in the register, which follows the ratings.
fn risks(old: &Assessment, new: &Assessment) -> RiskChanges {
    fn by_key(v: &Assessment) -> BTreeMap<(String, String, String), RiskLine> {
        v.risks
            .iter()
            .map(|r| {
                (
                    (r.kind.to_string(), r.key.to_string(), r.asset.to_string()),
                    RiskLine {
                        threat: r.threat_label.to_string(),
                        asset: r.asset.to_string(),
                        rating: r.rating,
                        band: r.band.to_string(),
                    },
                )
            })
            .collect()
    }
    let (then, now) = (by_key(old), by_key(new));
    let appeared = now
        .iter()
        .filter(|(k, _)| !then.contains_key(*k))
        .map(|(_, r)| r.clone())
        .collect();
    let gone = then
        .iter()
        .filter(|(k, _)| !now.contains_key(*k))
        .map(|(_, r)| r.clone())
        .collect();
    let moved = now
        .iter()
        .filter_map(|(k, b)| {
            let a = then.get(k)?;
            (a.rating != b.rating || a.band != b.band).then(|| RiskMove {
                threat: b.threat.clone(),
                asset: b.asset.clone(),
                old_rating: a.rating,
                new_rating: b.rating,
                old_band: a.band.clone(),
                new_band: b.band.clone(),
            })
        })
        .collect();
    (appeared, gone, moved)
}

/// Objectives by their wording's stem (the text before any count in
/// brackets), so "Monitor every critical asset (3 listed)" and "(5
/// listed)" are one objective that moved.
fn objectives(old: &Assessment, new: &Assessment) -> Vec<ObjectiveChange> {
    fn by_stem(v: &Assessment) -> BTreeMap<String, (String, String, Option<u64>)> {
        v.objectives
            .iter()
            .map(|o| {
                let wording = o.objective.to_string();
                // The wording carries counts ("(3 listed)") that change
                // with the profile; the objective is the same one.
                let stem = wording.split(" (").next().unwrap_or(&wording).to_string();
                let due = Some(o.due_month);
                let due_text = format!(", by month {}", o.due_month);
                (stem, (wording, format!("{}{due_text}", o.target), due))
            })
            .collect()
    }
    let (then, now) = (by_stem(old), by_stem(new));
    let (old_date, new_date) = (
        month_of(old.profile.date.as_str()),
        month_of(new.profile.date.as_str()),
    );
    // Month N of the old plan is N months after the old assessment.
    let due_by = |due: Option<u64>| -> Option<String> {
        let (start, today) = (old_date?, new_date?);
        let at = start + due?;
        (at <= today).then(|| format!("{:04}-{:02}", at / 12, at % 12 + 1))
    };
    let mut keys: Vec<&String> = then.keys().chain(now.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let change = |change: &str, objective: &str| ObjectiveChange {
                objective: objective.to_string(),
                change: change.into(),
                old: then.get(k).map(|a| a.1.clone()),
                new: now.get(k).map(|b| b.1.clone()),
                due_by: then.get(k).and_then(|a| due_by(a.2)),
            };
            match (then.get(k), now.get(k)) {
                (Some(a), Some(b)) if a == b => due_by(a.2).map(|_| change("due", &b.0)),
                (Some(_), Some(b)) => Some(change("moved", &b.0)),
                (None, Some(b)) => Some(change("added", &b.0)),
                (Some(a), None) => Some(change("dropped", &a.0)),
                (None, None) => None,
            }
        })
        .collect()
}

/// `YYYY-MM-DD` as months since year 0, for due dates.
fn month_of(date: &str) -> Option<u64> {
    let mut parts = date.split('-');
    let year: u64 = parts.next()?.parse().ok()?;
    let month: u64 = parts.next()?.parse().ok()?;
    (1..=12).contains(&month).then(|| year * 12 + month - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// An assessment of schema version 2 (a weighted score, no options
    /// appraisal), as the comparison reads it.
    fn assessment(id: &str, option: &str, opex: f64) -> Assessment {
        view::from_value(&json!({
            "schema_version": 2,
            "generator": "socsource test",
            "profile": {"id": id, "name": "Acme", "date": "2026-01-01", "source": "acme.yaml", "classification": "Confidential", "language": "en"},
            "facts": [{"key": "budget.annual_opex", "label": "Operating budget", "text": format!("USD {opex}")}],
            "assumptions": [],
            "recommendation": {"option": option, "label": option, "confidence": "high", "score": 0.5},
            "options": [],
            "costs": {"currency": "USD", "horizon_years": 5, "options": {"in_house": {"total": opex * 5.0, "range": {"p50": opex * 5.0}, "within_budget": true}}},
            "risks": [{"kind": "threat", "key": "ransomware", "asset": "Mail", "threat_label": "Ransomware", "rating": 12, "band": "high"}],
            "objectives": []
        }))
        .unwrap()
    }

    #[test]
    fn an_assessment_compared_with_itself_has_no_change() {
        let a = assessment("acme", "in_house", 100.0);
        let c = compare(&a, &a).unwrap();
        assert!(c.unchanged, "{c:?}");
        assert!(c.inputs.is_empty() && c.risks_moved.is_empty());
    }

    #[test]
    fn changes_are_found_and_other_organisations_refused() {
        let (a, b) = (
            assessment("acme", "in_house", 100.0),
            assessment("acme", "hybrid", 80.0),
        );
        let c = compare(&a, &b).unwrap();
        assert!(c.recommendation_changed && !c.unchanged);
        assert_eq!(c.inputs[0].path, "budget.annual_opex");
        assert_eq!(c.costs[0].change, -100.0);
        assert_eq!(
            compare(&a, &assessment("other", "in_house", 1.0)),
            Err(NotComparable::Organisation {
                old: "acme".into(),
                new: "other".into()
            })
        );
    }

    #[test]
    fn files_of_one_day_are_told_apart_by_the_part_of_the_path_that_differs() {
        assert_eq!(
            distinguishing(
                "out/2026-q1/bank/assessment.json",
                "out/2026-q2/bank/assessment.json"
            ),
            ("2026-q1".to_string(), "2026-q2".to_string())
        );
        assert_eq!(
            distinguishing("./old.json", "new.json"),
            ("old.json".to_string(), "new.json".to_string())
        );
        assert_eq!(
            distinguishing("a/x.json", "a/x.json"),
            (String::new(), String::new())
        );
        let a = assessment("acme", "in_house", 100.0);
        let c = compare(&a, &a)
            .unwrap()
            .read_from("run/1/a.json", "run/2/a.json");
        assert_eq!(
            (c.old.heading.as_str(), c.new.heading.as_str()),
            ("Then (1)", "Now (2)")
        );
        let c = compare(&a, &a).unwrap().read_from("a.json", "a.json");
        assert_eq!(
            (c.old.heading.as_str(), c.new.heading.as_str()),
            ("Then", "Now")
        );
    }

    #[test]
    fn without_switching_values_the_inputs_that_changed_are_named() {
        let (a, b) = (
            assessment("acme", "in_house", 100.0),
            assessment("acme", "hybrid", 80.0),
        );
        let c = compare(&a, &b).unwrap();
        assert_eq!(
            c.why.as_deref(),
            Some("What flipped the answer: the operating budget (USD 100 to USD 80) changed; hybrid is recommended instead of in-house")
        );
        assert_eq!(c.flipped_by, vec!["budget.annual_opex".to_string()]);
        assert_eq!(compare(&a, &a).unwrap().why, None);
    }
}
