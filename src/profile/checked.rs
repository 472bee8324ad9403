//! What phase 1 of validation gives phase 2: values that passed their
//! format check, with where they were given. [`super::check`] makes them
//! (reading scalars with [`super::scalar`]); [`super::build`] turns them
//! into the model.

use super::model::AssumptionValue;
use super::yaml::Pos;
use std::collections::BTreeMap;

/// A value that passed its format check.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Checked {
    Int(i64),
    Number(f64),
    Bool(bool),
    Text(String),
    List(Vec<Checked>),
    Record(Record),
    Assumptions(BTreeMap<String, AssumptionValue>),
    /// A scenario's key paths; their values are checked when the scenario
    /// is applied to the profile and checked as a whole.
    Overrides(Vec<String>),
}

/// A checked mapping: the fields that were given, with where they were given.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Record {
    pub pos: Pos,
    pub fields: BTreeMap<&'static str, (Checked, Pos)>,
}

impl Record {
    pub(super) fn get(&self, key: &str) -> Option<&Checked> {
        self.fields.get(key).map(|(c, _)| c)
    }

    pub(super) fn pos_of(&self, key: &str) -> Pos {
        self.fields.get(key).map_or(self.pos, |(_, p)| *p)
    }

    pub(super) fn record(&self, key: &str) -> Option<&Record> {
        match self.get(key) {
            Some(Checked::Record(r)) => Some(r),
            _ => None,
        }
    }
}
