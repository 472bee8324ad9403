//! Words in and about a profile: ids (slugs) and the names made from file
//! names, "did you mean" suggestions, and the width of the token a
//! diagnostic underlines.

pub fn is_slug(text: &str) -> bool {
    let b = text.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// A slug from free text: accents dropped, everything else a single dash.
pub fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
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
pub fn suggest<'k>(given: &str, known: &[&'k str]) -> Option<&'k str> {
    let norm = |s: &str| s.to_lowercase().replace(['-', ' '], "_");
    let g = norm(given);
    if let Some(exact) = known.iter().find(|k| norm(k) == g) {
        return Some(exact);
    }
    if g.chars().count() >= 4 {
        if let Some(longer) = known.iter().find(|k| norm(k).starts_with(&g)) {
            return Some(longer);
        }
    }
    let limit = (g.chars().count() / 3).clamp(1, 3);
    known
        .iter()
        .map(|k| (strsim::levenshtein(&g, &norm(k)), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
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
