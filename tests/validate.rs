//! `socsource validate`, `init` and `schema`, run as a user runs them.

mod common;
use common::*;
use std::fs;
use std::process::Command;

#[test]
fn every_bundled_profile_validates() {
    let examples = example_profiles();
    assert!(examples.len() >= 6, "need at least six example profiles");
    let run = socsource(&["validate", "profiles"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().filter(|l| l.starts_with("ok  ")).count(),
        examples.len()
    );
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert!(run.stderr.contains(&format!(
        "{} profiles checked: {} valid, 0 invalid",
        examples.len(),
        examples.len()
    )));
}

#[test]
fn the_seed_case_studies_are_bundled() {
    let names: Vec<String> = example_profiles()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"northwind-bank.yaml".to_string()));
    assert!(names.contains(&"kestrel-commerce.yaml".to_string()));
}

/// Each bad fixture's full diagnostic output is pinned: the file, key path,
/// line, column, source line, caret, expected/found and hint.
#[test]
fn bad_profiles_report_exact_diagnostics() {
    let mut names: Vec<String> = fs::read_dir(repo().join("tests/fixtures/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 20);
    for name in names {
        let path = format!("tests/fixtures/bad/{name}");
        let run = socsource(&["validate", &path]);
        assert_eq!(run.code, 1, "{name} should be invalid:\n{}", run.stderr);
        assert!(run.stdout.is_empty(), "{name}: {}", run.stdout);
        assert!(
            run.stderr.contains(&path),
            "{name} diagnostics must name the file"
        );
        assert!(!run.stderr.contains("panicked"), "{name}");
        insta::assert_snapshot!(
            format!("validate-{}", name.trim_end_matches(".yaml")),
            run.stderr
        );
    }
}

#[test]
fn warnings_do_not_fail_a_profile() {
    let run = socsource(&[
        "validate",
        "tests/fixtures/good/unknown-framework-warning.yaml",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("validate-warnings", run.stderr);
}

#[test]
fn bom_and_crlf_are_fine() {
    let run = socsource(&["validate", "tests/fixtures/good/bom-crlf.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("BOM and CRLF Ltd"));
}

#[test]
fn huge_deep_and_binary_files_are_refused_quickly() {
    let dir = scratch("hostile");
    fs::write(
        dir.join("five-megabytes.yaml"),
        format!("version: 1\nname: \"{}\"\n", "a".repeat(5_000_000)),
    )
    .unwrap();
    fs::write(
        dir.join("deep.yaml"),
        "[".repeat(100_000) + &"]".repeat(100_000),
    )
    .unwrap();
    fs::write(
        dir.join("deep-block.yaml"),
        (0..1000)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect::<String>(),
    )
    .unwrap();
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    fs::write(dir.join("junk.yaml"), junk).unwrap();
    fs::write(dir.join("nul.yaml"), b"version: 1\x00\norganisation: x\n").unwrap();

    let expectations = [
        (
            "five-megabytes.yaml",
            "the file is larger than the 1 MiB limit for profiles",
        ),
        ("deep.yaml", "the document nests too deeply"),
        ("deep-block.yaml", "the document nests too deeply"),
        ("junk.yaml", "the file is not valid UTF-8"),
        ("nul.yaml", "the file contains binary data (U+0000)"),
    ];
    for (file, message) in expectations {
        let run = socsource_in(&dir, &["validate", file], &[]);
        assert_eq!(run.code, 1, "{file}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{file}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{file}");
    }
    fs::remove_dir_all(dir).unwrap();
}

/// A file of exactly the size limit, 500,000 levels deep, in flow and in
/// block style: the diagnostic names the first node past the depth limit
/// (the root mapping is level 1, so the 32nd `[` or `-` under `deep` is
/// level 33). How long it takes is printed by `cargo bench --bench deep`,
/// never asserted here.
#[test]
fn a_mebibyte_nested_half_a_million_levels_names_the_first_node_too_deep() {
    use socsource::internals::profile::{load_bytes, model::Date, LoadOptions, MAX_PROFILE_BYTES};
    let pad = |mut text: String| {
        text.push_str("\n#");
        while (text.len() as u64) < MAX_PROFILE_BYTES {
            text.push(' ');
        }
        text
    };
    let flow = pad(format!(
        "version: 1\ndeep: {}{}",
        "[".repeat(500_000),
        "]".repeat(500_000)
    ));
    let block = pad(format!("version: 1\ndeep:\n  {}x", "- ".repeat(500_000)));
    let dir = scratch("mebibyte-deep");
    let options = LoadOptions::on(Date::new(2026, 1, 1).unwrap());
    for (name, text, line, column) in [("flow", flow, 2, 38), ("block", block, 3, 65)] {
        assert_eq!(text.len() as u64, MAX_PROFILE_BYTES, "{name}");
        let diags = load_bytes("deep.yaml", "deep", text.as_bytes(), &options).unwrap_err();
        assert_eq!(diags.len(), 1, "{name}: {diags:?}");
        assert_eq!(diags[0].message, "the document nests too deeply", "{name}");
        assert_eq!((diags[0].line, diags[0].column), (line, column), "{name}");

        let file = format!("{name}.yaml");
        fs::write(dir.join(&file), &text).unwrap();
        let run = socsource_in(&dir, &["validate", &file], &[]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert!(
            run.stderr.starts_with(&format!(
                "error: the document nests too deeply\n --> {file}:{line}:{column}\n"
            )),
            "{name}: {}",
            run.stderr
        );
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn folders_are_walked_sorted_skipping_hidden_and_other_files() {
    let dir = scratch("walk");
    fs::create_dir_all(dir.join("b/nested")).unwrap();
    fs::create_dir_all(dir.join(".hidden")).unwrap();
    let minimal = fs::read_to_string(repo().join("tests/fixtures/good/minimal.yaml")).unwrap();
    for f in [
        "b/nested/z.yml",
        "a.yaml",
        "b/m.YAML",
        ".hidden/x.yaml",
        ".dot.yaml",
    ] {
        fs::write(dir.join(f), &minimal).unwrap();
    }
    fs::write(dir.join("notes.txt"), "not a profile").unwrap();
    let run = socsource_in(&dir, &["validate", "."], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shown: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    assert_eq!(shown, ["./a.yaml", "./b/m.YAML", "./b/nested/z.yml"]);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_bad_profile_does_not_hide_the_good_ones() {
    let run = socsource(&[
        "validate",
        "tests/fixtures/good/minimal.yaml",
        "tests/fixtures/bad/version-2.yaml",
        "profiles/northwind-bank.yaml",
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert!(run
        .stderr
        .contains("3 profiles checked: 2 valid, 1 invalid"));
}

#[test]
fn missing_paths_and_usage_errors_exit_2() {
    let run = socsource(&["validate", "no/such/place"]);
    assert_eq!(run.code, 2, "a missing input is a usage error");
    assert!(
        run.stderr.contains("no/such/place: no such file or folder")
            || run.stderr.contains("--> no/such/place")
    );
    assert!(
        run.stderr.contains("no such file or folder"),
        "{}",
        run.stderr
    );

    assert_eq!(socsource(&["validate"]).code, 2);
    assert_eq!(socsource(&["frobnicate"]).code, 2);
    assert_eq!(
        socsource(&["report", "profiles/northwind-bank.yaml", "--jobs", "0"]).code,
        2
    );
    assert_eq!(
        socsource(&["report", "profiles/northwind-bank.yaml", "--format", "docx"]).code,
        2
    );
    let run = socsource(&["report", "profiles/northwind-bank.yaml", "--out", "-"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("choose one format"));
    let run = socsource_in(
        &repo(),
        &["validate", "profiles"],
        &[("SOURCE_DATE_EPOCH", "yesterday")],
    );
    assert_eq!(run.code, 2);
    assert!(run
        .stderr
        .contains("SOURCE_DATE_EPOCH must be a whole number"));
    // Hostile environments and arguments: usage errors, never a panic.
    for epoch in [
        "",
        "1e9",
        "99999999999999999999",
        "253402300800",
        "-62135596801",
    ] {
        let run = socsource_in(
            &repo(),
            &["validate", "profiles"],
            &[("SOURCE_DATE_EPOCH", epoch)],
        );
        assert_eq!(run.code, 2, "SOURCE_DATE_EPOCH={epoch:?}: {}", run.stderr);
        assert!(run.stderr.contains("years 1 to 9999"), "{}", run.stderr);
    }
    let run = socsource(&[
        "batch",
        "profiles",
        "--jobs",
        "100000",
        "--out",
        "no-such-out",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--jobs must be at most 256"),
        "{}",
        run.stderr
    );
}

#[test]
fn help_explains_every_subcommand_with_an_example() {
    let top = socsource(&["--help"]);
    assert_eq!(top.code, 0);
    assert!(top.stdout.contains("Examples:"));
    for sub in ["validate", "report", "batch", "schema", "init"] {
        let run = socsource(&[sub, "--help"]);
        assert_eq!(run.code, 0, "{sub}");
        assert!(
            run.stdout.contains("Example"),
            "{sub} --help has no example"
        );
    }
}

#[test]
fn init_writes_a_valid_starter_and_refuses_to_overwrite() {
    let dir = scratch("init");
    let run = socsource_in(&dir, &["init", "acme.yaml"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = socsource_in(&dir, &["validate", "acme.yaml"], &[]);
    assert_eq!(check.code, 0, "starter must validate: {}", check.stderr);

    fs::write(dir.join("acme.yaml"), "mine").unwrap();
    // Refusing to overwrite happens before any work: a usage error.
    let again = socsource_in(&dir, &["init", "acme.yaml"], &[]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(fs::read_to_string(dir.join("acme.yaml")).unwrap(), "mine");

    let forced = socsource_in(&dir, &["init", "acme.yaml", "--force"], &[]);
    assert_eq!(forced.code, 0);
    assert_ne!(fs::read_to_string(dir.join("acme.yaml")).unwrap(), "mine");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn schema_is_draft_2020_12_and_matches_the_committed_copy() {
    let run = socsource(&["schema"]);
    assert_eq!(run.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["additionalProperties"], false);
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        required,
        ["version", "organisation", "environment", "budget"]
    );
    assert_eq!(
        schema["properties"]["requirements"]["properties"]["coverage"]["enum"],
        serde_json::json!(["24x7", "extended", "business_hours"])
    );
    assert!(schema["properties"]["assumptions"]["properties"]["analyst_salary"].is_object());
    let committed = fs::read_to_string(repo().join("schema/profile.schema.json")).unwrap();
    assert_eq!(
        committed, run.stdout,
        "schema/profile.schema.json is stale: run `socsource schema > schema/profile.schema.json`"
    );
}

/// Inputs that are not regular files (devices, pipes) or do not exist are
/// refused before any work, with exit 2, by every command that reads
/// them; none blocks on a pipe or reads a device without end.
#[test]
fn devices_pipes_and_missing_inputs_are_refused_up_front() {
    let dir = scratch("not-regular");
    let fifo = dir.join("pipe.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let fifo = fifo.to_str().unwrap();
    let profile = repo().join("profiles/kestrel-commerce.yaml");
    let profile = profile.to_str().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.yaml")).unwrap();
    let zero_link = dir.join("zero.yaml");
    let zero_link = zero_link.to_str().unwrap();
    let fonts_dir = dir.join("tpl");
    fs::create_dir_all(&fonts_dir).unwrap();
    let tpl_fifo = fonts_dir.join("report.md");
    assert!(Command::new("mkfifo")
        .arg(&tpl_fifo)
        .status()
        .is_ok_and(|s| s.success()));
    let out = dir.join("out");
    let out = out.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["validate", "/dev/zero"], "not a regular file"),
        (vec!["validate", fifo], "not a regular file"),
        (vec!["validate", zero_link], "not a regular file"),
        (vec!["validate", "no-such.yaml"], "no such file or folder"),
        (
            vec!["report", "/dev/null", "--out", out],
            "not a regular file",
        ),
        (
            vec!["report", fifo, "--format", "json", "--out", "-"],
            "not a regular file",
        ),
        (vec!["batch", fifo, "--out", out], "not a regular file"),
        (vec!["diff", "/dev/zero", profile], "not a regular file"),
        (
            vec!["report", profile, "--font", "/dev/zero", "--out", out],
            "not a regular file",
        ),
        (
            vec![
                "report",
                profile,
                "--templates",
                fonts_dir.to_str().unwrap(),
                "--out",
                out,
            ],
            "not a regular file",
        ),
    ];
    for (args, message) in cases {
        let run = socsource_in(&dir, &args, &[]);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
    assert!(!dir.join("out").exists(), "nothing written");
    fs::remove_dir_all(dir).unwrap();
}
