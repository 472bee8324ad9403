//! Hostile profiles: `cargo bench --bench deep`.
//!
//! Times how long loading takes to refuse a profile nested 40,000, 100,000
//! and 500,000 levels deep (the last is about 1 MiB, the size limit), in
//! flow style (`[[[...]]]`, `{a: {a: ...}}`) and block style (`- - - x`),
//! and prints where the diagnostic points. The YAML layer stops at the first
//! node past the depth limit, so the time grows only with the bytes that
//! are checked before parsing (encoding, control characters): a few
//! milliseconds for 1 MiB in a release build.
//!
//! Then a profile of 1 MiB with one mistake per line (24,000 unknown keys,
//! each a diagnostic): the time to refuse it and print what is listed (the
//! first 100, then a count). Every diagnostic quotes its line, found in an
//! index of line starts made once, so this grows with the file, not with
//! the file times its errors; it took 11 s when each diagnostic read the
//! file from the top. Medians of repeated runs.

use socsource::internals::profile::{load_bytes, model::Date, LoadOptions, MAX_PROFILE_BYTES};
use std::time::{Duration, Instant};

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let options = LoadOptions::on(Date::new(2026, 1, 1).unwrap());
    println!("median of {runs} runs: time to refuse a profile nested N levels deep");
    println!("| style | levels | bytes | ms | diagnostic |");
    println!("|---|---:|---:|---:|---|");
    for n in [40_000, 100_000, 500_000] {
        let shapes = [
            (
                "flow sequence",
                format!("version: 1\ndeep: {}{}\n", "[".repeat(n), "]".repeat(n)),
            ),
            (
                "flow mapping",
                format!("version: 1\ndeep: {}x{}\n", "{a: ".repeat(n), "}".repeat(n)),
            ),
            (
                "block sequence",
                format!("version: 1\ndeep:\n  {}x\n", "- ".repeat(n)),
            ),
        ];
        for (style, text) in shapes {
            if text.len() as u64 > MAX_PROFILE_BYTES {
                continue;
            }
            let mut times: Vec<Duration> = Vec::with_capacity(runs);
            let mut place = String::new();
            for _ in 0..runs {
                let start = Instant::now();
                let result = load_bytes("deep.yaml", "deep", text.as_bytes(), &options);
                times.push(start.elapsed());
                if let Err(diags) = result {
                    let d = &diags[0];
                    place = format!("{}:{}: {}", d.line, d.column, d.message);
                }
            }
            times.sort();
            println!(
                "| {style} | {n} | {} | {:.3} | {place} |",
                text.len(),
                times[runs / 2].as_secs_f64() * 1000.0
            );
        }
    }
    many_errors(runs, &options);
}

/// 24,000 unknown keys in 1 MiB: load, refuse and format the diagnostics.
fn many_errors(runs: usize, options: &LoadOptions) {
    let mut text = String::from("version: 1\n");
    let mut keys = 0;
    while keys < 24_000 {
        let line = format!("unknown_key_{keys:06}_{}: 1\n", "x".repeat(16));
        if (text.len() + line.len()) as u64 > MAX_PROFILE_BYTES {
            break;
        }
        text.push_str(&line);
        keys += 1;
    }
    println!();
    println!("median of {runs} runs: time to refuse a profile with one mistake per line");
    println!("| unknown keys | bytes | ms | diagnostics listed | last listed |");
    println!("|---:|---:|---:|---:|---|");
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let (mut listed, mut last) = (0, String::new());
    for _ in 0..runs {
        let start = Instant::now();
        let result = load_bytes("many.yaml", "many", text.as_bytes(), options);
        let shown: String = match &result {
            Err(diags) => diags.iter().map(ToString::to_string).collect(),
            Ok(_) => String::new(),
        };
        times.push(start.elapsed());
        if let Err(diags) = result {
            listed = diags.len();
            last = diags.last().map(|d| d.message.clone()).unwrap_or_default();
        }
        std::hint::black_box(shown);
    }
    times.sort();
    println!(
        "| {keys} | {} | {:.1} | {listed} | {last} |",
        text.len(),
        times[runs / 2].as_secs_f64() * 1000.0
    );
}
