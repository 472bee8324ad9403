//! Shared helpers for tests that run the `socsource` binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn socsource(args: &[&str]) -> Run {
    socsource_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, &[])
}

pub fn socsource_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_socsource"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("run socsource");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// A fresh, empty scratch folder for one test, removed when it goes out
/// of scope, also when the test fails. It reads as the folder's path.
pub struct Scratch(tempfile::TempDir);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

pub fn scratch(name: &str) -> Scratch {
    let dir = tempfile::Builder::new()
        .prefix(&format!("socsource-test-{name}-"))
        .tempdir()
        .expect("create scratch folder");
    Scratch(dir)
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every bundled example profile, sorted.
pub fn example_profiles() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("profiles"))
        .expect("profiles folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// Where an external checker is installed, if it is (vnu, markdownlint,
/// poppler, qpdf, node, chromium, playwright-core, axe-core).
pub fn find_tool(name: &str) -> Option<PathBuf> {
    let candidates: Vec<PathBuf> = match name {
        "vnu" => vec![repo().join("node_modules/vnu-jar/build/dist/vnu.jar")],
        "markdownlint" => vec![repo().join("node_modules/.bin/markdownlint-cli2")],
        // The browser checks: playwright-core and axe-core from npm, driving
        // Debian's Chromium.
        "playwright-core" => vec![repo().join("node_modules/playwright-core/package.json")],
        "axe-core" => vec![repo().join("node_modules/axe-core/axe.min.js")],
        other => std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).map(|d| d.join(other)).collect())
            .unwrap_or_default(),
    };
    let found = candidates.into_iter().find(|p| p.exists());
    let java_ok = name != "vnu" || Command::new("java").arg("-version").output().is_ok();
    found.filter(|_| java_ok)
}

/// An external checker a test uses. Missing, it fails the test when
/// `SOCSOURCE_REQUIRE_TOOLS` is set (as `.ci/run` does); elsewhere the
/// check is skipped, and `tests/checkers.rs` prints, once per run, which
/// checks were skipped and what to install.
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = find_tool(name);
    if found.is_none() && std::env::var_os("SOCSOURCE_REQUIRE_TOOLS").is_some() {
        panic!("required checker `{name}` is not installed (run .ci/run, or `npm ci` and install poppler-utils, qpdf, Java and chromium)");
    }
    found
}

/// Run `socsource` with a fixed SOURCE_DATE_EPOCH in `dir`.
pub fn socsource_at(dir: &Path, args: &[&str]) -> Run {
    socsource_in(dir, args, &[("SOURCE_DATE_EPOCH", "1764115200")])
}

/// The assessment of a loaded profile, as a report run makes it (one
/// thread, draws seeded from the profile's id).
pub fn evaluate(
    profile: &socsource::internals::profile::Profile,
) -> socsource::internals::evaluate::Assessment {
    let options = socsource::internals::evaluate::Options::new(socsource::GENERATOR);
    socsource::internals::evaluate::evaluate(profile, &options)
}

#[path = "pdf.rs"]
pub mod pdf;

#[path = "generate.rs"]
pub mod generate;
