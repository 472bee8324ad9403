//! The output folder: nothing written, read or deleted outside `--out`,
//! one writer at a time, and nothing stale left looking current.

mod common;
use common::*;
use std::fs;
use std::path::Path;

fn batch(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["batch"];
    all.extend_from_slice(args);
    socsource_at(dir, &all)
}

/// Every entry of a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A symbolic link at any path the tool writes in `--out` is refused before
/// any work, with exit 2, and what it points to is untouched.
#[test]
fn a_link_at_any_path_the_tool_owns_is_refused() {
    let dir = scratch("own-links");
    generate::write_profiles(&dir.join("in"), 2);
    // The reported attack: `.shards` pointing at a folder of other files.
    fs::create_dir_all(dir.join("outside")).unwrap();
    fs::write(dir.join("outside/important.json"), "{}").unwrap();
    for name in [
        ".shards",
        "manifest.json",
        "summary.json",
        "index.md",
        "index.html",
        "index.svg",
        ".socsource.lock",
    ] {
        let out = dir.join("out");
        let _ = fs::remove_dir_all(&out);
        fs::create_dir_all(&out).unwrap();
        let target = if name == ".shards" {
            dir.join("outside")
        } else {
            dir.join("outside/important.json")
        };
        std::os::unix::fs::symlink(&target, out.join(name)).unwrap();
        let run = batch(&dir, &["in", "--format", "json", "--out", "out"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("out/{name}`")) && run.stderr.contains("symbolic link"),
            "{name}: {}",
            run.stderr
        );
        assert_eq!(names(&dir.join("outside")), ["important.json"], "{name}");
        assert_eq!(
            fs::read_to_string(dir.join("outside/important.json")).unwrap(),
            "{}",
            "{name}"
        );
        assert_eq!(names(&out), [name], "{name}: nothing rendered");
    }
    // `index` reads records: a linked `.shards` is refused there too.
    fs::remove_dir_all(dir.join("out")).unwrap();
    fs::create_dir_all(dir.join("out")).unwrap();
    std::os::unix::fs::symlink(dir.join("outside"), dir.join("out/.shards")).unwrap();
    let run = socsource_at(&dir, &["index", "out"]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
    fs::remove_dir_all(dir).unwrap();
}

/// Only the tool's own shard records are deleted: by name and by the
/// marker they start with.
#[test]
fn only_own_records_are_removed_from_the_records_folder() {
    let dir = scratch("own-records");
    generate::write_profiles(&dir.join("in"), 2);
    fs::create_dir_all(dir.join("out/.shards")).unwrap();
    fs::write(dir.join("out/.shards/important.json"), "{}").unwrap();
    fs::write(dir.join("out/.shards/3-of-4.json"), "{\"mine\": true}").unwrap();
    assert_eq!(
        batch(
            &dir,
            &["in", "--format", "json", "--out", "out", "--shard", "1/2"]
        )
        .code,
        0
    );
    assert!(dir.join("out/.shards/1-of-2.json").exists());
    let run = batch(&dir, &["in", "--format", "json", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        names(&dir.join("out/.shards")),
        ["0-of-1.json", "3-of-4.json", "important.json"],
        "the shard record of the earlier run goes; files not the tool's stay"
    );
    fs::remove_dir_all(dir).unwrap();
}

/// A second run into a folder another run holds exits 2 naming the holder;
/// the lock goes with the process that held it.
#[test]
fn one_writer_per_output_folder() {
    let dir = scratch("own-lock");
    generate::write_profiles(&dir.join("in"), 1);
    fs::create_dir_all(dir.join("out")).unwrap();
    let lock = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(dir.join("out/.socsource.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    fs::write(dir.join("out/.socsource.lock"), "4242\n").unwrap();
    let run = batch(&dir, &["in", "--format", "json", "--out", "out"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("another socsource run (process 4242) is writing to `out`"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out/org-00000").exists());
    let report = socsource_at(&dir, &["report", "in/org-00000.yaml", "--out", "out"]);
    assert_eq!(report.code, 2, "{}", report.stderr);
    drop(lock);
    // A child another test forks in this process holds a copy of the lock
    // until it execs: wait until the lock is free before the next run.
    for _ in 0..100 {
        let probe = fs::File::open(dir.join("out/.socsource.lock")).unwrap();
        if probe.try_lock().is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let run = batch(&dir, &["in", "--format", "json", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    fs::remove_dir_all(dir).unwrap();
}

/// Temporaries of the tool's naming that a killed run left are removed at
/// the start of the next; other hidden files stay.
#[test]
fn temporaries_a_killed_run_left_are_cleaned() {
    let dir = scratch("own-temps");
    generate::write_profiles(&dir.join("in"), 1);
    fs::create_dir_all(dir.join("out/org-00000/charts")).unwrap();
    for stale in [
        "out/.summary.json.tmp-99999-0",
        "out/org-00000/.report.pdf.tmp-99999-3",
        "out/org-00000/charts/.costs.svg.tmp-1-2",
    ] {
        fs::write(dir.join(stale), "partial").unwrap();
    }
    fs::write(dir.join("out/org-00000/.keep"), "mine").unwrap();
    let run = batch(&dir, &["in", "--format", "md", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!dir.join("out/.summary.json.tmp-99999-0").exists());
    assert!(!dir.join("out/org-00000/.report.pdf.tmp-99999-3").exists());
    assert!(!dir.join("out/org-00000/charts/.costs.svg.tmp-1-2").exists());
    assert!(dir.join("out/org-00000/.keep").exists());
    fs::remove_dir_all(dir).unwrap();
}

/// A profile that rendered yesterday and fails today does not leave its
/// old report beside a dashboard that says it failed; an edition no longer
/// requested goes too; files the tool did not write stay.
#[test]
fn stale_reports_are_removed_and_the_dashboard_says_so() {
    let dir = scratch("own-stale");
    generate::write_profiles(&dir.join("in"), 3);
    let run = batch(&dir, &["in", "--out", "out", "--edition", "both"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    fs::write(dir.join("out/org-00001/notes.txt"), "the consultant's").unwrap();
    let text = fs::read_to_string(dir.join("in/org-00001.yaml")).unwrap();
    fs::write(
        dir.join("in/org-00001.yaml"),
        format!("{text}\nnot_a_key: 1\n"),
    )
    .unwrap();

    let run = batch(&dir, &["in", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "removed the earlier report in out/org-00001 because this run could not render it"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(names(&dir.join("out/org-00001")), ["notes.txt"]);
    for id in ["org-00000", "org-00002"] {
        let files = names(&dir.join("out").join(id));
        assert!(files.contains(&"report.pdf".to_string()), "{id}: {files:?}");
        assert!(
            !files.iter().any(|f| f.starts_with("brief.")),
            "{id}: the brief was not asked for this time: {files:?}"
        );
    }
    let index = fs::read_to_string(dir.join("out/index.md")).unwrap();
    assert!(
        index.contains("its earlier report in org-00001/ was removed"),
        "{index}"
    );
    let manifest = fs::read_to_string(dir.join("out/manifest.json")).unwrap();
    assert!(!manifest.contains("org-00001/"), "{manifest}");
    assert!(!manifest.contains("brief.pdf"), "{manifest}");
    fs::remove_dir_all(dir).unwrap();
}

/// `batch` over folders with no profiles is a usage error and writes
/// nothing, not even the output folder.
#[test]
fn a_batch_with_no_profiles_writes_nothing() {
    let dir = scratch("own-empty");
    fs::create_dir_all(dir.join("empty")).unwrap();
    let run = batch(&dir, &["empty", "--out", "out"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no profiles (*.yaml, *.yml) under `empty`"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out").exists());
    fs::remove_dir_all(dir).unwrap();
}

/// A dangling link as `--out` is named as such.
#[test]
fn a_dangling_link_as_the_output_folder_is_explained() {
    let dir = scratch("own-dangling");
    generate::write_profiles(&dir.join("in"), 1);
    std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("out")).unwrap();
    let run = batch(&dir, &["in", "--out", "out"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("symbolic link to a folder that does not exist"),
        "{}",
        run.stderr
    );
    fs::remove_dir_all(dir).unwrap();
}
