//! Rendering benchmark: `cargo bench --bench render` (or `-- evaluate` for
//! the evaluation alone).
//!
//! Times each stage for every bundled profile in-process (fonts and
//! templates loaded once, as in a batch): evaluation, Markdown, HTML and
//! PDF, and reports the PDF's size and page count. Medians of repeated runs.
//! Wall time needs an otherwise idle machine; the PDF's thread CPU time
//! (`pdf cpu`) is also printed, as it moves far less when other processes
//! share the cores.

use socsource::internals::profile::{load_path, model::Date, LoadOptions};
use socsource::internals::render::{pdf, templates::Templates, Format, Renderer};
use std::time::{Duration, Instant};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

/// CPU time of the calling thread.
fn thread_cpu() -> Duration {
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn cpu_time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = thread_cpu();
                std::hint::black_box(f());
                thread_cpu() - t
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let evaluate_only = std::env::args().skip(1).any(|a| a == "evaluate");
    let options = LoadOptions::on(Date::new(2026, 11, 26).unwrap());
    let start = Instant::now();
    let start_cpu = thread_cpu();
    let renderer = Renderer::new(
        Templates::load(None).expect("templates"),
        pdf::fonts::FontSet::new(None).expect("fonts"),
        pdf::PdfOptions::default(),
    );
    println!(
        "setup (templates, fonts parsed once): {} ms ({} ms cpu)",
        ms(start.elapsed()),
        ms(thread_cpu() - start_cpu)
    );
    println!("median of {runs} runs, milliseconds per report");
    println!("| profile | evaluate | markdown | html | pdf | pdf cpu | pdf bytes | pages |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut files: Vec<_> = std::fs::read_dir("profiles")
        .expect("profiles")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let profile = load_path(&path, &name, &options)
            .expect("valid profile")
            .profile;
        let evaluation = socsource::internals::evaluate::Options::new(socsource::GENERATOR);
        let a = socsource::internals::evaluate::evaluate(&profile, &evaluation);
        let evaluate = time(runs, || {
            socsource::internals::evaluate::evaluate(&profile, &evaluation)
        });
        if evaluate_only {
            println!("| {name} | {} | | | | | |", ms(evaluate));
            continue;
        }
        let markdown = time(runs, || renderer.markdown(&a).expect("markdown"));
        let html = time(runs, || renderer.report(&a, &[Format::Html]).expect("html"));
        let pdf_time = time(runs, || renderer.report(&a, &[Format::Pdf]).expect("pdf"));
        let pdf_cpu = cpu_time(runs, || renderer.report(&a, &[Format::Pdf]).expect("pdf"));
        let out = renderer.report(&a, &[Format::Pdf]).expect("pdf");
        let bytes = &out.files[0].bytes;
        let pages = String::from_utf8_lossy(bytes)
            .matches("/Type /Page\n")
            .count()
            + String::from_utf8_lossy(bytes)
                .matches("/Type/Page/")
                .count();
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} |",
            ms(evaluate),
            ms(markdown),
            ms(html),
            ms(pdf_time),
            ms(pdf_cpu),
            bytes.len(),
            if pages > 0 {
                pages.to_string()
            } else {
                "-".into()
            }
        );
    }
}
