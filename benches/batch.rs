//! Batch benchmark: `cargo bench --bench batch` (or with `-- 100 1000`).
//!
//! Generates N realistic, varied profiles (tests/common/generate.rs), runs
//! the release binary over them with all four formats, and reports wall
//! time, profiles per second and the process's peak resident memory
//! (from wait4, so each run is measured on its own). Up to 1,000 profiles,
//! the same batch is then run again with `--jobs 1` and every file of the
//! two runs compared byte for byte (the last column).

#[path = "../tests/common/generate.rs"]
mod generate;

mod release;

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

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
    let bin = release::binary();
    let jobs = std::thread::available_parallelism().map_or(1, usize::from);
    println!("socsource batch, all formats (md, html, pdf, json), {jobs} jobs");
    println!("| profiles | wall s | profiles/s | user s | system s | CPU ms per profile | peak RSS MiB | output MiB | same bytes as --jobs 1 |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for n in sizes {
        // TMPDIR chooses the disk. On a busy ext4 disk, creating tens of
        // thousands of files right after deleting as many costs seconds of
        // kernel time (ext4 avoids reusing recently freed inodes); compare
        // with a tmpfs such as /dev/shm to see socsource's own time.
        let dir = std::env::temp_dir().join(format!("socsource-bench-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        generate::write_profiles(&dir.join("in"), n);
        let start = Instant::now();
        let (status, usage) = run(&bin, &dir, &["batch", "in", "--out", "out", "--quiet"]);
        let wall = start.elapsed().as_secs_f64();
        assert!(
            status == 0,
            "socsource failed on {n} profiles (status {status})"
        );
        let bytes: u64 = walk(&dir.join("out"));
        let same = if n <= 1000 {
            let (status, _) = run(
                &bin,
                &dir,
                &["batch", "in", "--out", "out-1", "--quiet", "--jobs", "1"],
            );
            assert!(status == 0, "socsource --jobs 1 failed on {n} profiles");
            let (a, b) = (files(&dir.join("out")), files(&dir.join("out-1")));
            let same = a.len() == b.len()
                && a.iter()
                    .zip(&b)
                    .all(|((pa, ba), (pb, bb))| pa == pb && ba == bb);
            assert!(same, "--jobs {jobs} and --jobs 1 wrote different files");
            format!("yes, {} files", a.len())
        } else {
            "not checked".to_string()
        };
        let cpu = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        let (user, system) = (cpu(usage.ru_utime), cpu(usage.ru_stime));
        println!(
            "| {n} | {wall:.2} | {:.0} | {user:.1} | {system:.1} | {:.1} | {:.1} | {:.1} | {same} |",
            n as f64 / wall,
            (user + system) * 1000.0 / n as f64,
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

/// Run socsource in `dir`; its exit status and resource usage.
fn run(bin: &std::path::Path, dir: &std::path::Path, args: &[&str]) -> (i32, libc::rusage) {
    // Reaped below with wait4, which also returns its resource usage.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(bin)
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1764115200")
        .spawn()
        .expect("start socsource");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into our own buffers.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert!(pid > 0, "wait4 failed");
    (status, usage)
}

/// Every file under `dir` by path relative to it, with its bytes, sorted.
fn files(dir: &std::path::Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn visit(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                visit(root, &path, out);
            } else if let (Ok(rel), Ok(bytes)) = (path.strip_prefix(root), std::fs::read(&path)) {
                out.push((rel.to_path_buf(), bytes));
            }
        }
    }
    let mut out = Vec::new();
    visit(dir, dir, &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
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
