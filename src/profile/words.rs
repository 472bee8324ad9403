//! Words in and about a profile: ids (slugs) and the names made from file
//! names, "did you mean" suggestions, and the width of the token a
//! diagnostic underlines.

pub(crate) fn is_slug(text: &str) -> bool {
    let b = text.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// A slug from free text: accents dropped, everything else a single dash.
pub(crate) fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(latin) = latin_letters(c) {
            out.push_str(latin);
        } else if unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut slug = out.trim_end_matches('-').to_string();
    slug.truncate(64);
    slug.trim_end_matches('-').to_string()
}

/// Latin letters that are not a base letter with an accent (which
/// [`slugify`] drops) but are written with base letters in an id.
fn latin_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        _ => return None,
    })
}

/// Names Windows keeps for devices, in any case and with any extension:
/// a folder cannot be called `con` or `com1` there, so an id cannot be.
pub(crate) fn windows_reserved(slug: &str) -> bool {
    let stem = slug.split('.').next().unwrap_or(slug).to_ascii_lowercase();
    match stem.as_str() {
        "con" | "prn" | "aux" | "nul" => true,
        _ => ["com", "lpt"].iter().any(|device| {
            stem.strip_prefix(device)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
        }),
    }
}

/// Why a file's name gives no id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NoSlug {
    /// Nothing in it is a letter or digit.
    Empty,
    /// A letter or digit outside a-z and 0-9 that has no plain Latin
    /// spelling: dropping it would change the name silently (a Cyrillic
    /// `а` in `аcme` would leave `cme`), so it is refused.
    Letter(char),
    /// A name Windows keeps for a device ([`windows_reserved`]).
    Reserved(String),
}

/// The id made from a file's name (its stem): accents dropped, and only
/// when every letter and digit in it has a plain Latin spelling and the
/// result is usable as a folder everywhere.
pub(crate) fn slug_from_file_name(stem: &str) -> Result<String, NoSlug> {
    use unicode_normalization::UnicodeNormalization;
    if let Some(c) = stem.nfkd().find(|c| {
        c.is_alphanumeric()
            && !c.is_ascii()
            && latin_letters(*c).is_none()
            && !unicode_normalization::char::is_combining_mark(*c)
    }) {
        // The character as written, not its decomposition.
        let written = stem.chars().find(|w| w.nfkd().any(|d| d == c)).unwrap_or(c);
        return Err(NoSlug::Letter(written));
    }
    let slug = slugify(stem);
    if slug.is_empty() {
        Err(NoSlug::Empty)
    } else if windows_reserved(&slug) {
        Err(NoSlug::Reserved(slug))
    } else {
        Ok(slug)
    }
}

/// How many characters of `line` from `column` (1-based) make up the token
/// there: a quoted string with its quotes, or a plain value up to a comment.
pub(crate) fn token_width(line: &str, column: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    match rest.first() {
        None => 1,
        Some(&q) if q == '"' || q == '\'' => rest[1..]
            .iter()
            .position(|&c| c == q)
            .map_or(rest.len(), |i| i + 2),
        Some(_) => {
            let before: String = line.chars().take(column.saturating_sub(1)).collect();
            let opened = before.matches(['[', '{']).count();
            let closed = before.matches([']', '}']).count();
            let in_flow = opened > closed;
            let mut end = rest.len();
            for i in 0..rest.len() {
                if rest[i] == '#' && i > 0 && rest[i - 1] == ' ' {
                    end = i;
                    break;
                }
                if rest[i] == ':' && rest.get(i + 1).is_none_or(|c| *c == ' ') {
                    end = i;
                    break;
                }
                if in_flow && matches!(rest[i], ',' | ']' | '}') {
                    end = i;
                    break;
                }
            }
            let token: String = rest[..end].iter().collect();
            token.trim_end().chars().count().max(1)
        }
    }
}

/// The closest known name, if one is close enough to be a typo.
pub(crate) fn suggest<'k>(given: &str, known: &[&'k str]) -> Option<&'k str> {
    let typo = Typo::new(given);
    if let Some(exact) = known.iter().find(|k| typo.equals(k)) {
        return Some(exact);
    }
    if typo.chars >= 4 {
        if let Some(longer) = known.iter().find(|k| typo.begins(k)) {
            return Some(longer);
        }
    }
    known
        .iter()
        .filter_map(|k| Some((typo.distance(k)?, *k)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// A name as written, compared with known names the way [`suggest`] does:
/// case, dashes and spaces ignored, and a few letters' difference allowed.
/// Made once per name and compared without copying the known names: an
/// unknown key is compared with every name of the format, and a hostile
/// file can have tens of thousands of unknown keys.
pub(crate) struct Typo {
    given: Vec<char>,
    chars: usize,
    limit: usize,
}

/// A name's characters as names are compared: lower case, dashes and
/// spaces as underscores.
fn normalised(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
}

impl Typo {
    pub(crate) fn new(given: &str) -> Typo {
        let given: Vec<char> = normalised(given).collect();
        let chars = given.len();
        Typo {
            given,
            chars,
            limit: (chars / 3).clamp(1, 3),
        }
    }

    fn equals(&self, known: &str) -> bool {
        normalised(known).eq(self.given.iter().copied())
    }

    /// Whether `known` starts with the name.
    fn begins(&self, known: &str) -> bool {
        let mut k = normalised(known);
        self.given.iter().all(|g| k.next() == Some(*g))
    }

    /// The edit distance to `known` when it is small enough to be a typo.
    fn distance(&self, known: &str) -> Option<usize> {
        // The distance is at least the difference in length: most names
        // are ruled out without computing it (a long key is compared with
        // short names in time linear in its length).
        if self.chars.abs_diff(normalised(known).count()) > self.limit {
            return None;
        }
        let k: Vec<char> = normalised(known).collect();
        Some(levenshtein(&self.given, &k)).filter(|d| *d <= self.limit)
    }

    /// A known name made ready for [`Typo::is_close`].
    pub(crate) fn prepare(known: &str) -> Vec<char> {
        normalised(known).collect()
    }

    /// Whether a known name ([`Typo::prepare`]d) is what [`suggest`] would
    /// offer for it alone. Names too short or too long to be either are
    /// ruled out by their length.
    pub(crate) fn is_close(&self, known: &[char]) -> bool {
        let begins = self.chars >= 4 && known.len() >= self.chars;
        if !begins && self.chars.abs_diff(known.len()) > self.limit {
            return false;
        }
        known == self.given.as_slice()
            || (begins && known.starts_with(&self.given))
            || levenshtein(&self.given, known) <= self.limit
    }
}

/// Edit distance between two names' characters: strsim's, which clap
/// already builds, on the characters as they were normalised once.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    strsim::generic_levenshtein(&CharSlice(a), &CharSlice(b))
}

/// A slice of characters as strsim iterates it.
struct CharSlice<'c>(&'c [char]);

impl<'a> IntoIterator for &'a CharSlice<'_> {
    type Item = char;
    type IntoIter = std::iter::Copied<std::slice::Iter<'a, char>>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("northwind-bank"));
        assert!(!is_slug("../../x"));
        assert!(!is_slug("-x"));
        assert!(!is_slug("Northwind"));
        assert!(!is_slug(&"a".repeat(65)));
        assert_eq!(
            slugify("Société Générale (EU).yaml"),
            "societe-generale-eu-yaml"
        );
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("日本"), "");
    }

    #[test]
    fn file_names_give_an_id_only_when_nothing_is_dropped_silently() {
        assert_eq!(slug_from_file_name("Straße Øst"), Ok("strasse-ost".into()));
        assert_eq!(
            slug_from_file_name("Société Générale"),
            Ok("societe-generale".into())
        );
        // A Cyrillic `а` that looks like a Latin `a`.
        assert_eq!(
            slug_from_file_name("\u{430}cme"),
            Err(NoSlug::Letter('\u{430}'))
        );
        assert_eq!(slug_from_file_name("acme-東京"), Err(NoSlug::Letter('東')));
        assert_eq!(
            slug_from_file_name("CON"),
            Err(NoSlug::Reserved("con".into()))
        );
        assert_eq!(
            slug_from_file_name("com7"),
            Err(NoSlug::Reserved("com7".into()))
        );
        assert_eq!(slug_from_file_name("--"), Err(NoSlug::Empty));
        assert!(windows_reserved("lpt1") && windows_reserved("nul") && windows_reserved("aux"));
        assert!(
            !windows_reserved("com10")
                && !windows_reserved("console")
                && !windows_reserved("con-1")
        );
    }

    #[test]
    fn suggestions_catch_typos_and_case() {
        assert_eq!(
            suggest("endpoint", &["endpoints", "servers"]),
            Some("endpoints")
        );
        assert_eq!(suggest("High", &["low", "medium", "high"]), Some("high"));
        assert_eq!(suggest("pci-dss", &["pci_dss", "sox"]), Some("pci_dss"));
        assert_eq!(suggest("banana", &["low", "medium", "high"]), None);
        assert_eq!(
            suggest("horizon", &["annual_opex", "horizon_years"]),
            Some("horizon_years")
        );
    }

    #[test]
    fn token_widths() {
        assert_eq!(token_width("  endpoints: -5 # note", 14), 2);
        assert_eq!(token_width("  name: \"a b\"", 9), 5);
        assert_eq!(token_width("  tools: [siem, edrr]", 17), 4);
        assert_eq!(token_width("  endpoint: 5", 3), 8);
    }
}
