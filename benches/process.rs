//! One report as a whole process: `cargo bench --bench process` (after
//! `cargo build --release`), optionally `-- --runs 15 PROFILE`.
//!
//! Times the release binary from start to exit, as a user or a pipeline
//! runs it, for `validate`, `report --format json --out -`, `report
//! --format pdf` and all formats, and prints the median and the spread of
//! the runs. When they are installed, the peers a user would otherwise
//! reach for make the same PDF from the same Markdown: pandoc converting it
//! to Typst and the `typst` Python package compiling that (timed inside
//! Python, so the interpreter's start is not counted against Typst), and
//! pandoc to HTML followed by WeasyPrint. A peer that is missing is named
//! and skipped.

mod release;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Milliseconds of each of `runs` runs of `command` (after one warm-up run,
/// so the file cache is not what is measured), sorted.
fn time(runs: usize, mut command: impl FnMut() -> Command) -> Vec<f64> {
    let mut times = Vec::with_capacity(runs);
    for i in 0..=runs {
        let start = Instant::now();
        let out = command()
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("start the command");
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        if i > 0 {
            times.push(ms);
        }
    }
    times.sort_by(f64::total_cmp);
    times
}

fn row(case: &str, times: &[f64]) {
    let median = times[times.len() / 2];
    println!(
        "| {case} | {median:.1} | {:.1} | {:.1} |",
        times[0],
        times[times.len() - 1]
    );
}

fn pandoc() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PANDOC") {
        return Some(PathBuf::from(p));
    }
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("pandoc"))
            .find(|p| p.exists())
    });
    // The pypandoc-binary wheel ships a pandoc of its own.
    on_path.or_else(|| {
        let out = Command::new("python3")
            .args(["-c", "import pypandoc; print(pypandoc.get_pandoc_path())"])
            .output()
            .ok()?;
        let path = String::from_utf8(out.stdout).ok()?.trim().to_string();
        (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
    })
}

fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn version(cmd: &Path) -> String {
    Command::new(cmd)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.lines().next().map(str::to_string))
        .unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(15usize)
        .max(1);
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let profile = args
        .iter()
        .find(|a| a.ends_with(".yaml") || a.ends_with(".yml"))
        .map_or_else(|| repo.join("profiles/northwind-bank.yaml"), PathBuf::from);
    let bin = release::binary();
    let dir = std::env::temp_dir().join(format!("socsource-bench-process-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let p = profile.display().to_string();
    let socsource = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let bin = bin.clone();
        let dir = dir.clone();
        move || {
            let mut c = Command::new(&bin);
            c.args(&args)
                .current_dir(&dir)
                .env("SOURCE_DATE_EPOCH", "1764115200");
            c
        }
    };

    // The report the peers typeset: socsource's own Markdown and charts.
    let made = socsource(&["report", &p, "--format", "md", "--out", "md"])()
        .output()
        .expect("socsource");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let report_dir = std::fs::read_dir(dir.join("md"))
        .expect("report folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .expect("report folder");

    println!(
        "{}, {runs} runs each, whole processes, milliseconds",
        profile
            .file_name()
            .map_or(p.clone(), |f| f.to_string_lossy().into_owned())
    );
    println!("| case | median | fastest | slowest |");
    println!("|---|---:|---:|---:|");
    row(
        "socsource validate",
        &time(runs, socsource(&["validate", &p])),
    );
    row(
        "socsource report --format json --out -",
        &time(
            runs,
            socsource(&["report", &p, "--format", "json", "--out", "-"]),
        ),
    );
    row(
        "socsource report --format pdf",
        &time(
            runs,
            socsource(&["report", &p, "--format", "pdf", "--out", "pdf", "-q"]),
        ),
    );
    row(
        "socsource report (md, html, pdf, json)",
        &time(runs, socsource(&["report", &p, "--out", "all", "-q"])),
    );
    row(
        "socsource report --edition brief --format pdf",
        &time(
            runs,
            socsource(&[
                "report",
                &p,
                "--format",
                "pdf",
                "--edition",
                "brief",
                "--out",
                "brief",
                "-q",
            ]),
        ),
    );

    let pandoc = pandoc();
    match &pandoc {
        Some(pandoc) => {
            let typ = Command::new(pandoc)
                .args(["report.md", "-s", "-t", "typst", "-o", "report.typ"])
                .current_dir(&report_dir)
                .status()
                .is_ok_and(|s| s.success());
            row(
                &format!("{}: Markdown to Typst source", version(pandoc)),
                &time(runs, || {
                    let mut c = Command::new(pandoc);
                    c.args(["report.md", "-s", "-t", "typst", "-o", "report.typ"])
                        .current_dir(&report_dir);
                    c
                }),
            );
            if typ && python_has("typst") {
                // Timed in Python, around the compile only.
                let script = format!(
                    "import time, typst\n\
                     ts = []\n\
                     for i in range({}):\n\
                     \x20   t = time.perf_counter(); typst.compile('report.typ', output='typst.pdf'); ts.append((time.perf_counter() - t) * 1000)\n\
                     ts = sorted(ts[1:])\n\
                     print(typst.__version__, ts[len(ts) // 2], ts[0], ts[-1])\n",
                    runs + 1
                );
                let out = Command::new("python3")
                    .args(["-c", &script])
                    .current_dir(&report_dir)
                    .output()
                    .expect("python3");
                let text = String::from_utf8_lossy(&out.stdout);
                let fields: Vec<&str> = text.split_whitespace().collect();
                match (out.status.success(), fields.as_slice()) {
                    (true, [v, median, fast, slow]) => println!(
                        "| typst {v} (Python package): compile that source to PDF | {:.1} | {:.1} | {:.1} |",
                        median.parse::<f64>().unwrap_or(f64::NAN),
                        fast.parse::<f64>().unwrap_or(f64::NAN),
                        slow.parse::<f64>().unwrap_or(f64::NAN),
                    ),
                    _ => println!(
                        "| typst: the compile failed ({}) | | | |",
                        String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("")
                    ),
                }
            } else {
                println!("| typst (Python package `typst`): not installed, skipped | | | |");
            }
            let weasyprint = std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|d| d.join("weasyprint"))
                    .find(|p| p.exists())
            });
            match weasyprint {
                Some(weasyprint) => {
                    let pandoc = pandoc.clone();
                    row(
                        "pandoc to HTML, then WeasyPrint to PDF",
                        &time(runs, move || {
                            let mut c = Command::new("sh");
                            c.arg("-c")
                                .arg(format!(
                                    "'{}' report.md -s -o peer.html && '{}' peer.html peer.pdf",
                                    pandoc.display(),
                                    weasyprint.display()
                                ))
                                .current_dir(&report_dir);
                            c
                        }),
                    );
                }
                None => println!("| WeasyPrint: not installed, skipped | | | |"),
            }
        }
        None => println!("| pandoc (and so Typst and WeasyPrint): not installed, skipped | | | |"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
