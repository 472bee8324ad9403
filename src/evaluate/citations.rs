//! The references a report cites, numbered in order of first citation,
//! and the assumption table with each default's sources.

use super::assessment::{AssumptionUse, Reference};
use super::assumptions;
use super::economics::Economics;
use super::messages::{say, Message};
use super::values::round_to;
use crate::profile::Profile;
use crate::reference::sources;

/// Numbers references in order of first citation.
#[derive(Default)]
pub(crate) struct Citations {
    keys: Vec<&'static str>,
}

impl Citations {
    pub(crate) fn cite(&mut self, keys: &[&'static str]) -> Vec<u32> {
        keys.iter()
            .filter(|k| sources::source(k).is_some())
            .map(|k| match self.keys.iter().position(|x| x == k) {
                Some(i) => i as u32 + 1,
                None => {
                    self.keys.push(k);
                    self.keys.len() as u32
                }
            })
            .collect()
    }

    pub(crate) fn references(&self) -> Vec<Reference> {
        self.keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| {
                sources::source(k).map(|s| Reference {
                    number: i as u32 + 1,
                    key: s.key.to_string(),
                    author: s.author.to_string(),
                    title: s.title.to_string(),
                    year: s.year.to_string(),
                    url: s.url.to_string(),
                })
            })
            .collect()
    }
}

pub(crate) fn assumption_uses(
    profile: &Profile,
    e: &Economics,
    cites: &mut Citations,
) -> Vec<AssumptionUse> {
    let cur = &profile.organisation.currency;
    assumptions::CATALOGUE
        .iter()
        .map(|info| {
            let r = e.resolved.ranges[info.id as usize];
            let given = profile.assumptions.contains_key(info.name);
            let cite = assumptions::cite(info.id, profile);
            let round = |x: f64| round_to(x, if x.abs() >= 100.0 { 1.0 } else { 1e4 });
            AssumptionUse {
                name: info.name.to_string(),
                label: info.label.to_string(),
                value: round(r.likely),
                low: round(r.low),
                high: round(r.high),
                unit: info.unit.describe(cur),
                rule: info.rule.to_string(),
                basis: if given {
                    say(Message::GivenDefaultWouldBe, &[("basis", &cite.basis)])
                } else {
                    cite.basis.into_owned()
                },
                sources: if given {
                    Vec::new()
                } else {
                    cites.cite(&cite.sources)
                },
                overridden: given,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_numbered_by_first_citation_and_unknown_keys_dropped() {
        let mut cites = Citations::default();
        assert_eq!(
            cites.cite(&["hmt-green-book", "no-such-source", "ibm-codb-2025"]),
            [1, 2]
        );
        // Cited again, a source keeps its number; a new one takes the next.
        assert_eq!(cites.cite(&["ibm-codb-2025", "sophos-2025"]), [2, 3]);
        let keys: Vec<(u32, String)> = cites
            .references()
            .into_iter()
            .map(|r| (r.number, r.key))
            .collect();
        assert_eq!(
            keys,
            [
                (1, "hmt-green-book".to_string()),
                (2, "ibm-codb-2025".to_string()),
                (3, "sophos-2025".to_string())
            ]
        );
    }
}
