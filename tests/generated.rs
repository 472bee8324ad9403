//! Generated profiles: every one validates and evaluates (the generator
//! feeds the batch tests and benchmark, so it must produce valid input).

mod common;
use common::*;

#[test]
fn generated_profiles_are_valid() {
    let dir = scratch("generated");
    generate::write_profiles(&dir.join("in"), 60);
    let run = socsource_in(&dir, &["validate", "in"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 60);
    std::fs::remove_dir_all(dir).unwrap();
}
