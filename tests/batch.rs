//! `socsource batch` and `socsource index`: parallel, atomic, reproducible.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Every file under `dir` (relative path -> bytes), hidden shard records and
/// temporary files aside.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).unwrap().flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(
                    path.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    fs::read(&path).unwrap(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn batch(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["batch"];
    all.extend_from_slice(args);
    socsource_at(dir, &all)
}

#[test]
fn a_bad_profile_fails_alone_and_is_listed() {
    let dir = scratch("batch-mixed");
    generate::write_profiles(&dir.join("in"), 6);
    fs::copy(
        repo().join("tests/fixtures/bad/wrong-types.yaml"),
        dir.join("in/zz-broken.yaml"),
    )
    .unwrap();
    let run = batch(&dir, &["in", "--format", "md,json", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("6 rendered, 1 failed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("zz-broken.yaml:5:14"),
        "diagnostics are printed: {}",
        run.stderr
    );
    for i in 0..6 {
        assert!(dir.join(format!("out/org-{i:05}/report.md")).exists());
    }
    let summary: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("out/summary.json")).unwrap()).unwrap();
    assert_eq!(summary["rendered"], 6);
    assert_eq!(summary["failed"], 1);
    let broken = summary["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["file"].as_str().unwrap().ends_with("zz-broken.yaml"))
        .unwrap();
    assert_eq!(broken["status"], "failed");
    assert!(broken["error"]
        .as_str()
        .unwrap()
        .contains("organisation.employees"));
    let ok = &summary["profiles"][0];
    assert_eq!(ok["status"], "rendered");
    assert_eq!(ok["outputs"][0], "org-00000/report.md");
    assert!(["in_house", "outsourced", "hybrid"]
        .contains(&ok["recommendation"]["option"].as_str().unwrap()));
    let index = fs::read_to_string(dir.join("out/index.md")).unwrap();
    assert!(index.contains("## Profiles that failed") && index.contains("zz-broken.yaml"));
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("out/manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["generator"],
        format!("socsource {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        manifest["inputs"].as_array().unwrap().len(),
        7,
        "every input is hashed"
    );
    let outputs = manifest["outputs"].as_array().unwrap();
    let paths: Vec<&str> = outputs
        .iter()
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"index.md")
            && paths.contains(&"summary.json")
            && paths.contains(&"org-00003/assessment.json")
    );
    for o in outputs {
        let path = o["path"].as_str().unwrap();
        let bytes = fs::read(dir.join("out").join(path)).unwrap();
        use sha2::Digest;
        let hex: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(o["sha256"], hex, "{path}");
    }
    assert!(manifest["templates"]["report.md"].as_str().unwrap().len() == 64);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn two_profiles_with_one_id_both_fail_naming_each_other() {
    let dir = scratch("batch-dup");
    fs::create_dir_all(dir.join("in")).unwrap();
    let one = generate::profile(1);
    fs::write(dir.join("in/a.yaml"), &one).unwrap();
    fs::write(dir.join("in/b.yaml"), &one).unwrap();
    fs::write(dir.join("in/c.yaml"), generate::profile(2)).unwrap();
    let run = batch(&dir, &["in", "--format", "json", "--out", "out"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("in/a.yaml")
            && run
                .stderr
                .contains("duplicate id `org-00001`: also used by in/b.yaml"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("duplicate id `org-00001`: also used by in/a.yaml"),
        "{}",
        run.stderr
    );
    assert!(
        !dir.join("out/org-00001").exists(),
        "neither overwrote the other"
    );
    assert!(dir.join("out/org-00002/assessment.json").exists());
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_same_bytes_whatever_the_jobs_and_sharding() {
    let dir = scratch("batch-determinism");
    generate::write_profiles(&dir.join("in"), 14);
    fs::copy(
        repo().join("tests/fixtures/bad/id-path.yaml"),
        dir.join("in/bad.yaml"),
    )
    .unwrap();
    assert_eq!(batch(&dir, &["in", "--out", "one", "--jobs", "1"]).code, 1);
    assert_eq!(batch(&dir, &["in", "--out", "four", "--jobs", "4"]).code, 1);
    let one = tree(&dir.join("one"));
    assert!(one.len() > 14 * 9, "{} files", one.len());
    assert_eq!(one, tree(&dir.join("four")), "--jobs 1 and --jobs 4 differ");

    // Three shards into one folder, then the merge, equal a single run.
    let mut rendered = 0;
    for k in 0..3 {
        let run = batch(
            &dir,
            &["in", "--out", "sharded", "--shard", &format!("{k}/3")],
        );
        let line = run.stderr.lines().last().unwrap().to_string();
        rendered += line.split(' ').next().unwrap().parse::<usize>().unwrap();
        assert!(line.contains(&format!("(shard {k}/3)")), "{line}");
    }
    assert_eq!(rendered, 14, "every profile rendered by exactly one shard");
    let index = socsource_at(&dir, &["index", "sharded"]);
    assert_eq!(
        index.code, 1,
        "the bad profile fails the index too: {}",
        index.stderr
    );
    assert!(
        index
            .stderr
            .contains("the portfolio lists 1 profile that failed"),
        "{}",
        index.stderr
    );
    assert_eq!(
        one,
        tree(&dir.join("sharded")),
        "sharded run differs from a single run"
    );

    // A missing shard is refused rather than silently indexed.
    fs::remove_file(dir.join("sharded/.shards/1-of-3.json")).unwrap();
    let broken = socsource_at(&dir, &["index", "sharded"]);
    assert_eq!(broken.code, 1);
    assert!(
        broken.stderr.contains("shard 1 of 3 missing"),
        "{}",
        broken.stderr
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn shards_in_separate_folders_merge_with_relative_links() {
    let dir = scratch("batch-separate");
    generate::write_profiles(&dir.join("in"), 6);
    for k in 0..2 {
        assert_eq!(
            batch(
                &dir,
                &[
                    "in",
                    "--format",
                    "md",
                    "--out",
                    &format!("part-{k}"),
                    "--shard",
                    &format!("{k}/2")
                ]
            )
            .code,
            0
        );
    }
    let run = socsource_at(&dir, &["index", "part-0", "part-1", "--out", "merged"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let index = fs::read_to_string(dir.join("merged/index.md")).unwrap();
    // The reports' links (the table's, and the same again in "needs
    // attention"), not the dashboard's own chart beside it.
    let links: std::collections::BTreeSet<&str> = index
        .split("](")
        .skip(1)
        .map(|s| s.split(')').next().unwrap())
        .filter(|l| *l != "index.svg")
        .collect();
    assert_eq!(links.len(), 6, "{links:?}");
    assert!(dir.join("merged/index.svg").exists());
    for link in links {
        assert!(link.starts_with("../part-"), "{link}");
        assert!(
            dir.join("merged").join(link).exists(),
            "{link} does not resolve"
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn fail_fast_stops_starting_new_profiles() {
    let dir = scratch("batch-fail-fast");
    fs::create_dir_all(dir.join("in")).unwrap();
    fs::copy(
        repo().join("tests/fixtures/bad/version-2.yaml"),
        dir.join("in/000-bad.yaml"),
    )
    .unwrap();
    generate::write_profiles(&dir.join("in"), 40);
    let run = batch(
        &dir,
        &[
            "in",
            "--format",
            "json",
            "--out",
            "out",
            "--jobs",
            "1",
            "--fail-fast",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("0 rendered, 1 failed, 40 skipped"),
        "{}",
        run.stderr
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("out/summary.json")).unwrap()).unwrap();
    assert_eq!(summary["profiles"][1]["status"], "skipped");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_unwritable_output_folder_is_a_clear_error() {
    let dir = scratch("batch-unwritable");
    generate::write_profiles(&dir.join("in"), 2);
    fs::write(
        dir.join("occupied"),
        "a file where the output folder should be",
    )
    .unwrap();
    let run = batch(&dir, &["in", "--out", "occupied"]);
    assert_ne!(run.code, 0);
    assert_eq!(run.code, 2, "an unusable --out is a usage error");
    assert!(
        run.stderr
            .contains("cannot write into `occupied`: it is a file, not a folder"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(dir.join("occupied")).unwrap(),
        "a file where the output folder should be"
    );
    // A profile's own folder blocked by a file: that profile fails, the other is written.
    fs::create_dir_all(dir.join("out")).unwrap();
    fs::write(dir.join("out/org-00000"), "blocker").unwrap();
    let run = batch(&dir, &["in", "--format", "json", "--out", "out"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("cannot create folder `out/org-00000`"),
        "{}",
        run.stderr
    );
    assert!(dir.join("out/org-00001/assessment.json").exists());
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn output_is_plain_and_quiet_off_a_terminal() {
    let dir = scratch("batch-plain");
    generate::write_profiles(&dir.join("in"), 3);
    let run = batch(&dir, &["in", "--format", "json", "--out", "out"]);
    assert_eq!(run.code, 0);
    assert!(
        !run.stderr.contains('\r') && !run.stderr.contains('\x1b'),
        "no progress bar or colour in a pipe: {:?}",
        run.stderr
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        2,
        "only the closing line and the dashboard: {lines:?}"
    );
    assert!(
        lines[0].starts_with("3 rendered, 0 failed in "),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "dashboard: out/index.html");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn symlink_loops_do_not_hang_discovery() {
    let dir = scratch("batch-loop");
    generate::write_profiles(&dir.join("in/sub"), 2);
    std::os::unix::fs::symlink("..", dir.join("in/sub/loop")).unwrap();
    let run = batch(&dir, &["in", "--format", "json", "--out", "out"]);
    assert!(run.stderr.contains("symbolic link loop"), "{}", run.stderr);
    assert!(dir.join("out/org-00001/assessment.json").exists());
    fs::remove_dir_all(dir).unwrap();
}

/// Kill a batch while it writes: every file left is complete (identical to
/// what a full run writes) or absent, never truncated. The kills are timed
/// from the length of a full run, and at least one must land mid-run: the
/// process killed by the signal, with some reports written and not all.
#[test]
fn a_killed_batch_leaves_no_truncated_file() {
    let dir = scratch("batch-kill");
    generate::write_profiles(&dir.join("in"), 120);
    let started = std::time::Instant::now();
    assert_eq!(batch(&dir, &["in", "--out", "full", "--jobs", "2"]).code, 0);
    let whole = started.elapsed();
    let full = tree(&dir.join("full"));
    let reports = |t: &BTreeMap<String, Vec<u8>>| {
        t.keys()
            .filter(|p| p.starts_with("org-") && p.ends_with("/report.md"))
            .count()
    };
    let all = reports(&full);
    assert_eq!(all, 120);
    let mut mid_run = Vec::new();
    for share in [0.2, 0.4, 0.6, 0.8] {
        let out = format!("killed-{}", (share * 100.0) as u32);
        let mut child = Command::new(env!("CARGO_BIN_EXE_socsource"))
            .args(["batch", "in", "--out", &out, "--jobs", "2", "--quiet"])
            .current_dir(&dir)
            .env("SOURCE_DATE_EPOCH", "1764115200")
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole.mul_f64(share));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let killed_dir: PathBuf = dir.join(&out);
        let killed = if killed_dir.exists() {
            tree(&killed_dir)
        } else {
            BTreeMap::new()
        };
        for (path, bytes) in &killed {
            if path.starts_with("org-") {
                assert_eq!(
                    Some(bytes),
                    full.get(path),
                    "{out}/{path} is not the complete file"
                );
            }
        }
        let written = reports(&killed);
        if status.code().is_none() && written > 0 && written < all {
            mid_run.push((out, written));
        }
    }
    assert!(
        !mid_run.is_empty(),
        "no kill landed while reports were being written (a full run takes {whole:?})"
    );
    fs::remove_dir_all(dir).unwrap();
}

/// Nothing a profile or a stale output folder contains can make the tool
/// write outside `--out`: path-like ids are refused, and a symbolic link
/// planted inside the output folder is refused rather than followed.
#[test]
fn writes_stay_inside_the_output_folder() {
    let dir = scratch("batch-confined");
    generate::write_profiles(&dir.join("in"), 2);
    for (name, id) in [
        ("dotdot", "../../escaped"),
        ("absolute", "/tmp/escaped"),
        ("backslash", "..\\escaped"),
    ] {
        let text = fs::read_to_string(dir.join("in/org-00001.yaml"))
            .unwrap()
            .replace("id: org-00001", &format!("id: \"{id}\""));
        fs::write(dir.join(format!("in/{name}.yaml")), text).unwrap();
    }
    fs::create_dir_all(dir.join("elsewhere")).unwrap();
    fs::create_dir_all(dir.join("out")).unwrap();
    std::os::unix::fs::symlink(dir.join("elsewhere"), dir.join("out/org-00000")).unwrap();

    let run = batch(&dir, &["in", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("1 rendered, 4 failed"),
        "{}",
        run.stderr
    );
    for name in ["dotdot.yaml", "absolute.yaml", "backslash.yaml"] {
        assert!(
            run.stderr.contains(name) && run.stderr.contains("id"),
            "{name} not reported: {}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
    assert!(
        fs::read_dir(dir.join("elsewhere"))
            .unwrap()
            .next()
            .is_none(),
        "a file was written through the planted link"
    );
    assert!(!dir.join("escaped").exists() && !dir.join("in/escaped").exists());
    let top: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut top = top;
    top.sort();
    assert_eq!(top, ["elsewhere", "in", "out"]);
    assert!(dir.join("out/org-00001/report.pdf").exists());
    fs::remove_dir_all(dir).unwrap();
}

/// A symbolic link where an output file goes is replaced, never written
/// through: the file it pointed to is untouched.
#[test]
fn a_link_in_place_of_an_output_file_is_replaced_not_followed() {
    let dir = scratch("link-file");
    fs::write(dir.join("precious.txt"), "keep me").unwrap();
    fs::create_dir_all(dir.join("tpl")).unwrap();
    std::os::unix::fs::symlink(dir.join("precious.txt"), dir.join("tpl/report.md")).unwrap();
    generate::write_profiles(&dir.join("in"), 1);
    fs::create_dir_all(dir.join("out/org-00000")).unwrap();
    std::os::unix::fs::symlink(
        dir.join("precious.txt"),
        dir.join("out/org-00000/report.md"),
    )
    .unwrap();

    let export = socsource_in(&dir, &["templates", "export", "tpl", "--force"], &[]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    assert_eq!(batch(&dir, &["in", "--out", "out"]).code, 0);

    assert_eq!(
        fs::read_to_string(dir.join("precious.txt")).unwrap(),
        "keep me"
    );
    for replaced in ["tpl/report.md", "out/org-00000/report.md"] {
        let meta = fs::symlink_metadata(dir.join(replaced)).unwrap();
        assert!(meta.is_file(), "{replaced} is still a link");
    }
    fs::remove_dir_all(dir).unwrap();
}

/// File names are profile data too: shown literally, never as markup, and
/// the id made from them is a plain slug.
#[test]
fn a_hostile_file_name_is_shown_literally() {
    let dir = scratch("file-name");
    fs::create_dir_all(dir.join("in")).unwrap();
    let name = "<b onmouseover=alert(1)>x`y\n# head|.yaml";
    let text = fs::read_to_string(repo().join("profiles/kestrel-commerce.yaml"))
        .unwrap()
        .replace("id: kestrel-commerce\n", "");
    fs::write(dir.join("in").join(name), text).unwrap();
    let run = batch(&dir, &["in", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = dir.join("out/b-onmouseover-alert-1-x-y-head");
    let md = fs::read_to_string(folder.join("report.md")).unwrap();
    assert!(
        md.contains("(`` <b onmouseover=alert(1)>x`y # head|.yaml ``)")
            || md.contains("(``<b onmouseover=alert(1)>x`y # head|.yaml``)"),
        "{}",
        md.lines().find(|l| l.contains("onmouseover")).unwrap_or("")
    );
    let html = fs::read_to_string(folder.join("report.html")).unwrap();
    assert!(
        html.contains("<code>&lt;b onmouseover=alert(1)&gt;x`y # head|.yaml</code>"),
        "{}",
        html.lines()
            .find(|l| l.contains("onmouseover"))
            .unwrap_or("")
    );
    fs::remove_dir_all(dir).unwrap();
}

/// An index.md of the portfolio's own: it must be used by `index` exactly as
/// by an unsharded batch.
const OWN_INDEX: &str = "---\ntitle: \"Client portfolio\"\n---\n\n# Client portfolio, {{ date }}\n\n\
{% for r in rows -%}\n- {{ r.name }}: {{ r.recommendation }} ({% for l in r.links %}[{{ l.label }}]({{ l.href }}) {% endfor %})\n{% endfor %}\n\
{%- for f in failures %}\n- failed: {{ f.file }}\n{%- endfor %}\n";

/// `batch --shard` three times and `index` give the bytes of one unsharded
/// batch, with the built-in templates and with an index.md of one's own
/// given to every run and to `index` with `--templates`.
#[test]
fn sharded_runs_and_index_equal_a_single_run_with_default_and_own_templates() {
    let dir = scratch("batch-templates");
    generate::write_profiles(&dir.join("in"), 9);
    fs::copy(
        repo().join("tests/fixtures/bad/id-path.yaml"),
        dir.join("in/bad.yaml"),
    )
    .unwrap();
    fs::create_dir_all(dir.join("tpl")).unwrap();
    fs::write(dir.join("tpl/index.md"), OWN_INDEX).unwrap();
    for (name, templates) in [("default", &[][..]), ("own", &["--templates", "tpl"][..])] {
        let single = format!("{name}-single");
        let mut args = vec!["in", "--format", "md,html", "--out", &single];
        args.extend_from_slice(templates);
        assert_eq!(batch(&dir, &args).code, 1, "{name}: the bad profile fails");
        let sharded = format!("{name}-sharded");
        for k in 0..3 {
            let shard = format!("{k}/3");
            let mut args = vec!["in", "--format", "md,html", "--out", &sharded];
            args.extend_from_slice(&["--shard", &shard]);
            args.extend_from_slice(templates);
            batch(&dir, &args);
        }
        let mut args = vec!["index", &sharded];
        args.extend_from_slice(templates);
        let run = socsource_at(&dir, &args);
        // The portfolio holds the bad profile, so the index fails as the
        // single run did, and is still written.
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        let single = tree(&dir.join(&single));
        assert_eq!(single, tree(&dir.join(&sharded)), "{name}: sharded differs");
        let index = String::from_utf8(single["index.md"].clone()).unwrap();
        assert_eq!(
            index.contains("# Client portfolio, "),
            name == "own",
            "{name}: {index}"
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

/// The index must be rendered with the templates the shards were: `index`
/// refuses, as a usage error that writes nothing, shards rendered with
/// other templates than its own `--templates`, and shards rendered with
/// different template sets.
#[test]
fn index_refuses_shards_rendered_with_other_templates() {
    let dir = scratch("batch-template-refusal");
    generate::write_profiles(&dir.join("in"), 4);
    fs::create_dir_all(dir.join("tpl")).unwrap();
    fs::write(dir.join("tpl/index.md"), OWN_INDEX).unwrap();
    let shard = |k: u32, templates: &[&str]| {
        let shard = format!("{k}/2");
        let mut args = vec!["in", "--format", "md", "--out", "out", "--shard", &shard];
        args.extend_from_slice(templates);
        assert_eq!(batch(&dir, &args).code, 0);
    };
    shard(0, &["--templates", "tpl"]);
    shard(1, &["--templates", "tpl"]);

    let run = socsource_at(&dir, &["index", "out"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: the shards in `out` were rendered with other templates than `index` was given \
         (`index.md` differs); give `index` the `--templates` folder the batch runs used\n"
    );
    assert!(!dir.join("out/index.md").exists(), "nothing was written");

    shard(1, &[]);
    let run = socsource_at(&dir, &["index", "out", "--templates", "tpl"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "the shard records 0/2 in `out` and 1/2 in `out` were rendered with different \
             templates (`index.md` differs)"
        ),
        "{}",
        run.stderr
    );
    assert!(!dir.join("out/index.md").exists(), "nothing was written");

    shard(1, &["--templates", "tpl"]);
    let run = socsource_at(&dir, &["index", "out", "--templates", "tpl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    fs::remove_dir_all(dir).unwrap();
}
