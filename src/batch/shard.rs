//! `--shard K/N`: which slice of a portfolio a run renders.
//!
//! Parsed once, by clap (`Shard::from_str` is the `--shard` value parser),
//! and written to shard records in the same `K/N` form, so a record that
//! names an impossible shard is refused when it is read.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The K-th of N slices of a portfolio (`0 <= K < N`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Shard {
    index: u32,
    count: u32,
}

/// `--shard` was given something other than `K/N` with `0 <= K < N`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected K/N with 0 <= K < N, e.g. 0/3")]
pub(crate) struct ShardError;

impl Shard {
    /// The whole portfolio: shard 0 of 1.
    pub(crate) const WHOLE: Shard = Shard { index: 0, count: 1 };

    pub(crate) fn new(index: u32, count: u32) -> Option<Shard> {
        (index < count).then_some(Shard { index, count })
    }

    /// K, from 0.
    pub(crate) fn index(self) -> u32 {
        self.index
    }

    /// N, at least 1.
    pub(crate) fn count(self) -> u32 {
        self.count
    }

    /// The name of this shard's record in `OUT/.shards/`.
    pub(crate) fn file_name(self) -> String {
        format!("{}-of-{}.json", self.index, self.count)
    }

    /// Whether a profile, by its path relative to its input folder, is ours.
    pub(crate) fn owns(self, relative: &str) -> bool {
        crate::digest::fnv1a(relative) % u64::from(self.count) == u64::from(self.index)
    }
}

impl FromStr for Shard {
    type Err = ShardError;

    fn from_str(text: &str) -> Result<Shard, ShardError> {
        let (k, n) = text.split_once('/').ok_or(ShardError)?;
        let index: u32 = k.trim().parse().map_err(|_| ShardError)?;
        let count: u32 = n.trim().parse().map_err(|_| ShardError)?;
        Shard::new(index, count).ok_or(ShardError)
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Serialize for Shard {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Shard {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Shard, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!("0/3".parse(), Ok(Shard { index: 0, count: 3 }));
        for bad in ["3/3", "1/0", "a/b", "1", "-1/3"] {
            assert_eq!(bad.parse::<Shard>(), Err(ShardError), "{bad}");
        }
        let names: Vec<String> = (0..500).map(|i| format!("client-{i}.yaml")).collect();
        let mut seen = 0;
        for k in 0..3 {
            let s = Shard { index: k, count: 3 };
            let n = names.iter().filter(|n| s.owns(n)).count();
            assert!(n > 100, "unbalanced: {n}");
            seen += n;
        }
        assert_eq!(seen, 500, "every profile in exactly one shard");
    }

    #[test]
    fn records_name_shards_as_k_of_n() {
        let s = Shard::new(1, 3).unwrap();
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"1/3\"");
        assert_eq!(serde_json::from_str::<Shard>("\"1/3\"").unwrap(), s);
        assert!(serde_json::from_str::<Shard>("\"4/3\"").is_err());
        assert_eq!(s.file_name(), "1-of-3.json");
    }
}
