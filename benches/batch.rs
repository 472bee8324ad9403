//! Batch benchmark: `cargo bench --bench batch` (or with `-- 100 1000`).
//!
//! Generates N realistic, varied profiles (tests/common/generate.rs), runs
//! the release binary over them with all four formats, and reports wall
//! time, profiles per second and the process's peak resident memory
//! (from wait4, so each run is measured on its own).

#[path = "../tests/common/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn binary() -> PathBuf {
    // The bench itself is built in release; so is the binary beside it.
    let mut exe = std::env::current_exe().expect("bench path");
    exe.pop();
    if exe.ends_with("deps") {
        exe.pop();
    }
    exe.join("socsource")
}

fn main() {
    let sizes: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100, 1000]
    } else {
        sizes
    };
    let bin = binary();
    if !bin.exists() {
        eprintln!(
            "build the binary first: cargo build --release ({} not found)",
            bin.display()
        );
        std::process::exit(1);
    }
    let jobs = std::thread::available_parallelism().map_or(1, usize::from);
    println!("socsource batch, all formats (md, html, pdf, json), {jobs} jobs");
    println!("| profiles | wall s | profiles/s | user s | system s | peak RSS MiB | output MiB |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let dir = std::env::temp_dir().join(format!("socsource-bench-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        generate::write_profiles(&dir.join("in"), n);
        let start = Instant::now();
        // Reaped below with wait4, which also returns its resource usage.
        #[allow(clippy::zombie_processes)]
        let child = Command::new(&bin)
            .args(["batch", "in", "--out", "out", "--quiet"])
            .current_dir(&dir)
            .env("SOURCE_DATE_EPOCH", "1764115200")
            .spawn()
            .expect("start socsource");
        let mut status = 0;
        // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waits for our own child, writing into our own buffers.
        let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
        let wall = start.elapsed().as_secs_f64();
        assert!(
            pid > 0 && status == 0,
            "socsource failed on {n} profiles (status {status})"
        );
        let bytes: u64 = walk(&dir.join("out"));
        let cpu = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        println!(
            "| {n} | {wall:.2} | {:.0} | {:.1} | {:.1} | {:.1} | {:.1} |",
            n as f64 / wall,
            cpu(usage.ru_utime),
            cpu(usage.ru_stime),
            usage.ru_maxrss as f64 / 1024.0,
            bytes as f64 / (1024.0 * 1024.0)
        );
        // BENCH_KEEP=1 leaves the profiles and outputs for profiling.
        if std::env::var_os("BENCH_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&dir);
        } else {
            eprintln!("kept {}", dir.display());
        }
    }
}

fn walk(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => walk(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}
