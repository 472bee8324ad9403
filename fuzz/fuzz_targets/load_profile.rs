//! Profile loading and validation from arbitrary bytes: never a panic, and
//! every diagnostic can be shown (its source excerpt and caret included).
#![no_main]

use libfuzzer_sys::fuzz_target;
use socsource::internals::profile::{load_bytes, model::Date, LoadOptions};
use std::fmt::Write;

fuzz_target!(|bytes: &[u8]| {
    let options = LoadOptions::on(Date::new(2026, 11, 26).unwrap());
    let mut shown = String::new();
    match load_bytes("fuzz.yaml", "fuzz", bytes, &options) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                let _ = write!(shown, "{w}");
            }
        }
        Err(diags) => {
            assert!(!diags.is_empty(), "a rejected profile must say why");
            for d in &diags {
                let _ = write!(shown, "{d}");
            }
        }
    }
});
