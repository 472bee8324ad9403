//! One exit-status table for every subcommand (`socsource --help`, `man
//! socsource`): 0 all good; 1 some input failed and the rest was still
//! processed; 2 a usage or environment error found before any work (an
//! unknown option, a missing input path, an `--out` that is a file or
//! read-only, a broken `--templates` folder), with nothing written. Every
//! subcommand is run here against each row that applies to it, and the
//! messages are checked for the sentence a user needs: the path, and what
//! was being done, never the operating system's bare words.

mod common;
use common::*;
use std::fs;
use std::path::Path;

const NORTHWIND: &str = "profiles/northwind-bank.yaml";
const KESTREL: &str = "profiles/kestrel-commerce.yaml";
const BAD: &str = "tests/fixtures/bad/bad-enums.yaml";

fn path(p: &str) -> String {
    repo().join(p).display().to_string()
}

/// Run in `dir` and check the status, with the output in the message.
fn expect(dir: &Path, args: &[&str], code: i32) -> Run {
    let run = socsource_at(dir, args);
    assert_eq!(
        run.code,
        code,
        "`socsource {}` exits {code}\nstdout: {}\nstderr: {}",
        args.join(" "),
        run.stdout,
        run.stderr
    );
    run
}

/// What the operating system says on its own, which a message must wrap
/// in a sentence naming the path and the action.
fn assert_explained(run: &Run) {
    for raw in ["File exists", "Not a directory", "os error"] {
        assert!(
            !run.stderr.contains(raw),
            "raw OS text `{raw}`: {}",
            run.stderr
        );
    }
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
}

/// A read-only folder, or None when this process can write into it anyway
/// (root), which makes the case untestable here.
fn read_only_folder(dir: &Path) -> Option<std::path::PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let ro = dir.join("read-only");
    fs::create_dir_all(&ro).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(ro.join("probe"), b"x").is_ok() {
        let _ = fs::remove_file(ro.join("probe"));
        eprintln!(
            "NOTE: running as a user who can write into a read-only folder; that case is skipped"
        );
        return None;
    }
    Some(ro)
}

#[test]
fn validate_follows_the_table() {
    let dir = scratch("exit-validate");
    expect(&dir, &["validate", &path(NORTHWIND)], 0);
    let run = expect(&dir, &["validate", &path(NORTHWIND), &path(BAD)], 1);
    assert!(run.stdout.contains("ok "), "the valid one is still listed");
    let run = expect(&dir, &["validate", "missing.yaml"], 2);
    assert!(run.stderr.contains("missing.yaml"), "{}", run.stderr);
    expect(&dir, &["validate", "--no-such-option", &path(NORTHWIND)], 2);
    // A folder without profiles (a mistyped CI path) is refused, as by
    // `report` and `batch`.
    fs::create_dir_all(dir.join("empty")).unwrap();
    let run = expect(&dir, &["validate", "empty"], 2);
    assert!(
        run.stderr
            .contains("no profiles (*.yaml, *.yml) under `empty`"),
        "{}",
        run.stderr
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn report_follows_the_table_and_leaves_no_folder_when_nothing_is_written() {
    let dir = scratch("exit-report");
    expect(
        &dir,
        &["report", &path(KESTREL), "--format", "json", "--out", "ok"],
        0,
    );
    assert!(dir.join("ok/kestrel-commerce/assessment.json").exists());

    let run = expect(
        &dir,
        &["report", &path(KESTREL), &path(BAD), "--out", "some"],
        1,
    );
    assert!(
        dir.join("some/kestrel-commerce").is_dir(),
        "the good one is written"
    );
    assert!(run.stderr.contains("bad-enums.yaml"), "{}", run.stderr);

    expect(&dir, &["report", &path(BAD), "--out", "nothing/deep"], 1);
    assert!(
        !dir.join("nothing").exists(),
        "--out is not made when nothing is written"
    );

    expect(&dir, &["report", "missing.yaml", "--out", "x"], 2);
    assert!(!dir.join("x").exists());
    fs::create_dir_all(dir.join("empty")).unwrap();
    let run = expect(&dir, &["report", "empty", "--out", "x"], 2);
    assert!(run.stderr.contains("no profiles"), "{}", run.stderr);
    assert!(!dir.join("x").exists());

    fs::write(dir.join("a-file"), "").unwrap();
    let run = expect(&dir, &["report", &path(KESTREL), "--out", "a-file"], 2);
    assert_explained(&run);
    assert!(
        run.stderr.contains("`a-file`: it is a file, not a folder"),
        "{}",
        run.stderr
    );
    let run = expect(
        &dir,
        &["report", &path(KESTREL), "--out", "a-file/below"],
        2,
    );
    assert_explained(&run);
    assert!(
        run.stderr.contains("`a-file` is a file, not a folder"),
        "{}",
        run.stderr
    );

    if let Some(ro) = read_only_folder(&dir) {
        let ro = ro.display().to_string();
        let run = expect(&dir, &["report", &path(KESTREL), "--out", &ro], 2);
        assert!(run.stderr.contains("read-only"), "{}", run.stderr);
        let below = format!("{ro}/below");
        let run = expect(&dir, &["report", &path(KESTREL), "--out", &below], 2);
        assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    }

    let run = expect(
        &dir,
        &[
            "report",
            &path(KESTREL),
            "--templates",
            "no-such",
            "--out",
            "t",
        ],
        2,
    );
    assert!(run.stderr.contains("no-such"), "{}", run.stderr);
    fs::create_dir_all(dir.join("broken")).unwrap();
    fs::write(dir.join("broken/summary.md"), "{% if %}").unwrap();
    let run = expect(
        &dir,
        &[
            "report",
            &path(KESTREL),
            "--templates",
            "broken",
            "--out",
            "t",
        ],
        2,
    );
    assert!(run.stderr.contains("summary.md"), "{}", run.stderr);
    assert!(!dir.join("t").exists());
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn batch_follows_the_table() {
    let dir = scratch("exit-batch");
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::copy(repo().join(KESTREL), dir.join("in/kestrel.yaml")).unwrap();
    expect(&dir, &["batch", "in", "--format", "json", "--out", "ok"], 0);
    fs::copy(repo().join(BAD), dir.join("in/bad.yaml")).unwrap();
    let run = expect(
        &dir,
        &["batch", "in", "--format", "json", "--out", "some"],
        1,
    );
    assert!(
        dir.join("some/index.html").exists(),
        "the dashboard lists the failure"
    );
    assert!(
        run.stderr.contains("dashboard: some/index.html"),
        "{}",
        run.stderr
    );

    fs::create_dir_all(dir.join("empty")).unwrap();
    let run = expect(&dir, &["batch", "empty", "--out", "none"], 2);
    assert!(run.stderr.contains("no profiles"), "{}", run.stderr);
    assert!(!dir.join("none").exists());
    expect(&dir, &["batch", "missing", "--out", "none"], 2);
    assert!(!dir.join("none").exists());
    fs::write(dir.join("a-file"), "").unwrap();
    let run = expect(&dir, &["batch", "in", "--out", "a-file"], 2);
    assert_explained(&run);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn index_fails_when_the_portfolio_holds_failed_profiles() {
    let dir = scratch("exit-index");
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::copy(repo().join(KESTREL), dir.join("in/kestrel.yaml")).unwrap();
    for k in 0..2 {
        let shard = format!("{k}/2");
        expect(
            &dir,
            &[
                "batch", "in", "--format", "json", "--out", "good", "--shard", &shard,
            ],
            0,
        );
    }
    expect(&dir, &["index", "good"], 0);

    fs::copy(repo().join(BAD), dir.join("in/bad.yaml")).unwrap();
    let mut failed_shards = 0;
    for k in 0..2 {
        let shard = format!("{k}/2");
        let run = socsource_at(
            &dir,
            &[
                "batch", "in", "--format", "json", "--out", "mixed", "--shard", &shard,
            ],
        );
        assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
        failed_shards += usize::from(run.code == 1);
    }
    assert_eq!(failed_shards, 1, "the bad profile fails in its shard alone");
    let run = expect(&dir, &["index", "mixed"], 1);
    assert!(
        dir.join("mixed/index.html").exists(),
        "the index is still written"
    );
    assert!(
        run.stderr.contains("1 profile that failed"),
        "{}",
        run.stderr
    );

    let run = expect(&dir, &["index", "missing"], 2);
    assert!(run.stderr.contains("missing"), "{}", run.stderr);
    fs::write(dir.join("a-file"), "").unwrap();
    let run = expect(&dir, &["index", "good", "--out", "a-file"], 2);
    assert_explained(&run);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn diff_follows_the_table() {
    let dir = scratch("exit-diff");
    expect(
        &dir,
        &[
            "diff",
            &path(NORTHWIND),
            &path(NORTHWIND),
            "--format",
            "md",
            "--out",
            "same",
        ],
        0,
    );
    assert!(dir.join("same/diff.md").exists());
    let run = expect(
        &dir,
        &["diff", &path(NORTHWIND), &path(KESTREL), "--out", "two"],
        1,
    );
    assert!(
        run.stderr.contains("different organisations"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("two").exists(), "nothing written, no folder made");
    expect(&dir, &["diff", "missing.json", &path(KESTREL)], 2);
    fs::write(dir.join("a-file"), "").unwrap();
    let run = expect(
        &dir,
        &[
            "diff",
            &path(NORTHWIND),
            &path(NORTHWIND),
            "--out",
            "a-file",
        ],
        2,
    );
    assert_explained(&run);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn templates_export_follows_the_table() {
    let dir = scratch("exit-templates");
    expect(&dir, &["templates", "export", "mine"], 0);
    fs::write(dir.join("mine/summary.md"), "my edit").unwrap();
    fs::remove_file(dir.join("mine/costs.md")).unwrap();
    let run = expect(&dir, &["templates", "export", "mine"], 2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert!(
        !dir.join("mine/costs.md").exists(),
        "nothing written when refused"
    );
    assert_eq!(
        fs::read_to_string(dir.join("mine/summary.md")).unwrap(),
        "my edit"
    );
    expect(&dir, &["templates", "export", "mine", "--force"], 0);
    assert!(dir.join("mine/costs.md").exists());
    fs::write(dir.join("a-file"), "").unwrap();
    let run = expect(&dir, &["templates", "export", "a-file"], 2);
    assert_explained(&run);
    expect(&dir, &["templates"], 2);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn init_docs_schema_completions_and_man_follow_the_table() {
    let dir = scratch("exit-misc");
    expect(&dir, &["init", "clients/2026/acme.yaml"], 0);
    let run = expect(&dir, &["init", "clients/2026/acme.yaml"], 2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    fs::write(dir.join("a-file"), "").unwrap();
    let run = expect(&dir, &["init", "a-file/acme.yaml"], 2);
    assert_explained(&run);
    assert!(!dir.join("a-file/acme.yaml").exists());

    expect(&dir, &["docs", "book"], 0);
    assert!(dir.join("book/man/socsource.1").exists());
    let run = expect(&dir, &["docs", "a-file"], 2);
    assert_explained(&run);

    expect(&dir, &["schema"], 0);
    expect(&dir, &["schema", "extra"], 2);
    expect(&dir, &["completions", "bash"], 0);
    expect(&dir, &["completions", "tcsh"], 2);
    expect(&dir, &["man"], 0);
    expect(&dir, &["man", "extra"], 2);
    expect(&dir, &["--version"], 0);
    expect(&dir, &["no-such-command"], 2);
    fs::remove_dir_all(dir).unwrap();
}

/// A result that cannot be written to standard output (a full disk) fails
/// the run with a message; a reader that stops reading does not.
#[test]
fn a_failed_write_to_standard_output_is_an_error_but_a_closed_pipe_is_not() {
    use std::process::{Command, Stdio};
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("NOTE: no /dev/full here; skipped");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_socsource"))
        .args(["report", &path(KESTREL), "--format", "json", "--out", "-"])
        .env("SOURCE_DATE_EPOCH", "1764115200")
        .stdout(fs::File::create(full).unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot write the results to standard output: No space left on device"),
        "{stderr}"
    );

    // `| head -c 1`: the reader goes away after one byte.
    let mut child = Command::new(env!("CARGO_BIN_EXE_socsource"))
        .args(["schema"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The table is stated once, in the code, and every place that shows it
/// shows that: the top-level help, every subcommand's help, the manual page.
#[test]
fn the_table_is_documented_where_users_look() {
    let help = socsource(&["--help"]);
    for line in [
        "0  all good",
        "1  some input failed",
        "2  usage or environment error",
    ] {
        assert!(help.stdout.contains(line), "{line}: {}", help.stdout);
    }
    for sub in [
        "validate",
        "report",
        "batch",
        "index",
        "diff",
        "schema",
        "init",
        "docs",
        "completions",
        "man",
    ] {
        let run = socsource(&[sub, "--help"]);
        assert!(
            run.stdout
                .contains("Exit status: 0 all good, 1 some input failed"),
            "{sub}: {}",
            run.stdout
        );
    }
    let man = socsource(&["man"]);
    assert!(man.stdout.contains(".SH EXIT STATUS"), "{}", man.stdout);
    let commands = fs::read_to_string(repo().join("docs/src/reference/commands.md")).unwrap();
    assert!(
        commands.contains("## Exit status"),
        "the reference page states the table"
    );
}
