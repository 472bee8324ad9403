//! The reference pages in `docs/reference/` are generated from the code's
//! catalogues; this test fails (printing what to run) when they drift apart.

use socsource::docs;

#[test]
fn the_assumptions_page_matches_the_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/reference/assumptions.md");
    let profile = docs::reference_profile().expect("the starter profile loads");
    let expected = docs::assumptions_page(&profile);
    if std::env::var_os("SOCSOURCE_BLESS").is_some() {
        std::fs::write(path, &expected).expect("write the page");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/reference/assumptions.md is stale; regenerate it with `SOCSOURCE_BLESS=1 cargo test --test readme`"
    );
}

#[test]
fn the_profile_page_matches_the_format() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/reference/profile.md");
    let expected = docs::profile_page();
    if std::env::var_os("SOCSOURCE_BLESS").is_some() {
        std::fs::write(path, &expected).expect("write the page");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/reference/profile.md is stale; regenerate it with `SOCSOURCE_BLESS=1 cargo test --test readme`"
    );
}
