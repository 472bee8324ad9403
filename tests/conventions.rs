//! Command-line conventions users of ripgrep, cargo and gzip expect:
//! shell completions, manual pages a person can read, `--color`, reading a
//! profile from standard input, diagnostics a machine can read, binary
//! output refused on a terminal, and misuse reported as a usage error (exit
//! status 2) that names the problem.

mod common;
use common::*;
use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};

/// Run `socsource` with `input` on standard input.
fn with_stdin(dir: &std::path::Path, args: &[&str], input: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_socsource"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1764115200")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run socsource");
    if let Some(mut stdin) = child.stdin.take() {
        // The tool may stop reading at its limit; a closed pipe is fine.
        let _ = stdin.write_all(input);
    }
    let out = child.wait_with_output().expect("wait for socsource");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn completions_for_every_supported_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _socsource"),
        ("zsh", "#compdef socsource"),
        ("fish", "complete -c socsource"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = socsource(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains(marker), "{shell}: {}", run.stdout);
        for sub in ["validate", "report", "batch", "docs", "completions", "man"] {
            assert!(run.stdout.contains(sub), "{shell} completes `{sub}`");
        }
        assert!(run.stderr.is_empty(), "{}", run.stderr);
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error_naming_it() {
    let run = socsource(&["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("invalid value 'tcsh'") && run.stderr.contains("bash"),
        "{}",
        run.stderr
    );
    let none = socsource(&["completions"]);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("<SHELL>"), "{}", none.stderr);
}

#[test]
fn man_prints_a_manual_page_with_the_sections_a_reader_looks_for() {
    let run = socsource(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = &run.stdout;
    assert!(page.contains(".TH socsource 1"), "{page}");
    // NAME is one line: the name and a short summary, not the long tagline.
    let name = page
        .split(".SH NAME\n")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .unwrap_or_default();
    assert!(name.starts_with("socsource \\- decide whether"), "{name}");
    assert!(name.len() < 120, "{name}");
    let mut at = 0;
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
        ".SH EXIT STATUS",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH EXAMPLES",
        ".SH SEE ALSO",
    ] {
        let found = page[at..].find(section);
        assert!(found.is_some(), "{section} (in order)\n{page}");
        at += found.unwrap_or(0);
    }
    for variable in ["SOURCE_DATE_EPOCH", "NO_COLOR", "SOCSOURCE_FONT_PATH"] {
        assert!(page.contains(&format!("\\fB{variable}\\fR")), "{variable}");
    }
    // Examples are set as examples, not as help text run together.
    assert!(
        page.contains(".EX\nsocsource init acme.yaml\n.EE"),
        "{page}"
    );
    assert!(!page.contains(".SH EXTRA"), "{page}");
    assert!(
        !page.contains("socsource\\-help"),
        "no page for clap's help"
    );

    let extra = socsource(&["man", "extra"]);
    assert_eq!(extra.code, 2, "{}", extra.stderr);
    assert!(
        extra.stderr.contains("unexpected argument 'extra'"),
        "{}",
        extra.stderr
    );
}

/// Every manual page `socsource docs` writes refers only to pages it also
/// writes, and groff reads each without a warning.
#[test]
fn every_manual_page_is_clean_and_its_see_also_resolves() {
    let dir = scratch("man-pages");
    let run = socsource_in(&dir, &["docs", "book"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let man = dir.join("book/man");
    let mut names: Vec<String> = fs::read_dir(&man)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.contains(&"socsource-templates-export.1".to_string()));
    let groff = tool("groff");
    for name in &names {
        let text = fs::read_to_string(man.join(name)).unwrap();
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH EXIT STATUS",
            ".SH ENVIRONMENT",
            ".SH SEE ALSO",
        ] {
            assert!(text.contains(section), "{name}: {section}");
        }
        let see_also = text
            .split(".SH SEE ALSO\n")
            .nth(1)
            .unwrap()
            .lines()
            .next()
            .unwrap();
        for reference in see_also.split(", ") {
            let page = reference
                .trim_start_matches("\\fB\\%")
                .replace("\\fR(1)", "")
                .replace("\\-", "-");
            assert!(
                names.contains(&format!("{page}.1")),
                "{name} refers to {page}(1), which is not written"
            );
        }
        if let Some(groff) = &groff {
            let out = Command::new(groff)
                .args(["-ww", "-z", "-man"])
                .arg(man.join(name))
                .output()
                .unwrap();
            assert!(
                out.status.success() && out.stderr.is_empty(),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn color_follows_the_option_and_no_color() {
    let red = "\x1b[1m\x1b[31merror\x1b[0m:";
    let dir = scratch("color");
    let always = socsource_in(
        &dir,
        &["validate", "missing.yaml", "--color", "always"],
        &[],
    );
    assert_eq!(always.code, 2);
    assert!(always.stderr.starts_with(red), "{:?}", always.stderr);
    // --color always overrides NO_COLOR; auto (not a terminal here) and
    // never do not colour.
    let forced = socsource_in(
        &dir,
        &["--color=always", "validate", "missing.yaml"],
        &[("NO_COLOR", "1")],
    );
    assert!(forced.stderr.starts_with(red), "{:?}", forced.stderr);
    for args in [
        &["validate", "missing.yaml"][..],
        &["validate", "missing.yaml", "--color", "never"][..],
    ] {
        let run = socsource_in(&dir, args, &[]);
        assert!(!run.stderr.contains('\x1b'), "{:?}", run.stderr);
    }
    // Every subcommand takes it.
    for sub in [
        "validate",
        "report",
        "batch",
        "index",
        "diff",
        "schema",
        "templates",
        "init",
        "docs",
        "completions",
        "man",
    ] {
        let run = socsource(&[sub, "--help"]);
        assert!(
            run.stdout.contains("--color <WHEN>"),
            "{sub}: {}",
            run.stdout
        );
    }
    let bad = socsource(&["schema", "--color", "sometimes"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn color_on_a_terminal_styles_only_the_leading_label() {
    let Some(script) = tool("script") else { return };
    let dir = scratch("color-terminal");
    let bin = env!("CARGO_BIN_EXE_socsource");
    let on_terminal = |command: String, env: &[(&str, &str)]| {
        let mut cmd = Command::new(&script);
        cmd.args(["-qec", &command, "/dev/null"]).current_dir(&dir);
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned()
    };
    let shown = on_terminal(format!("{bin} validate missing.yaml"), &[]);
    assert!(
        shown.starts_with("\x1b[1m\x1b[31merror\x1b[0m:"),
        "{shown:?}"
    );
    assert_eq!(
        shown.matches('\x1b').count(),
        3,
        "only the label: {shown:?}"
    );
    let plain = on_terminal(format!("{bin} validate missing.yaml"), &[("NO_COLOR", "1")]);
    assert!(!plain.contains('\x1b'), "{plain:?}");
    fs::remove_dir_all(dir).unwrap();
}

/// gzip refuses to write compressed data to a terminal; a PDF is no
/// different. Into a pipe it goes as asked.
#[test]
fn a_pdf_is_not_written_to_a_terminal_but_is_to_a_pipe() {
    let Some(script) = tool("script") else { return };
    let dir = scratch("pdf-terminal");
    let bin = env!("CARGO_BIN_EXE_socsource");
    let profile = repo().join("profiles/kestrel-commerce.yaml");
    let command = format!("{bin} report {} --format pdf --out -", profile.display());
    let out = Command::new(&script)
        .args(["-qec", &command, "/dev/null"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(
        shown.contains("a PDF is not written to a terminal"),
        "{shown}"
    );
    assert!(!shown.contains("%PDF"), "{shown}");
    let piped = format!("{command} | head -c 5");
    let out = Command::new(&script)
        .args(["-qec", &piped, "/dev/null"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("%PDF-"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn validate_and_report_read_a_profile_from_standard_input() {
    let dir = scratch("stdin");
    let text = fs::read(repo().join("profiles/kestrel-commerce.yaml")).unwrap();
    let run = with_stdin(&dir, &["validate", "-"], &text);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("ok  <stdin>  (kestrel-commerce: "),
        "{}",
        run.stdout
    );

    let broken =
        String::from_utf8(text.clone())
            .unwrap()
            .replacen("employees: 420", "employees: 4,20", 1);
    let run = with_stdin(&dir, &["validate", "-"], broken.as_bytes());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("--> <stdin>:"), "{}", run.stderr);

    // Bounded like a file: more than 1 MiB is refused, unread beyond it.
    let huge = vec![b'#'; 2 * 1024 * 1024];
    let run = with_stdin(&dir, &["validate", "-"], &huge);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("more than the 1 MiB limit"),
        "{}",
        run.stderr
    );

    let run = with_stdin(
        &dir,
        &["report", "-", "--format", "json", "--out", "out"],
        &text,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("<stdin>: wrote out/kestrel-commerce"),
        "{}",
        run.stderr
    );
    let written = fs::read_to_string(dir.join("out/kestrel-commerce/assessment.json")).unwrap();
    let piped = with_stdin(
        &dir,
        &["report", "-", "--format", "json", "--out", "-"],
        &text,
    );
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(piped.stdout, written, "the same assessment either way");

    let run = with_stdin(
        &dir,
        &["report", "-", "profiles/kestrel-commerce.yaml"],
        &text,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = with_stdin(&dir, &["validate", "-", "-"], &text);
    assert_eq!(run.code, 2, "{}", run.stderr);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn validate_json_prints_one_object_per_diagnostic() {
    let run = socsource(&[
        "validate",
        "--format",
        "json",
        "profiles/kestrel-commerce.yaml",
        "tests/fixtures/bad/bad-enums.yaml",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert!(lines.len() >= 5, "{}", run.stdout);
    for (d, raw) in lines.iter().zip(run.stdout.lines()) {
        let keys = [
            "file", "line", "column", "key_path", "severity", "message", "help",
        ];
        assert_eq!(d.as_object().unwrap().len(), keys.len(), "{raw}");
        let at: Vec<usize> = keys
            .iter()
            .map(|k| raw.find(&format!("\"{k}\":")).expect(k))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "keys in order: {raw}");
        assert_eq!(d["file"], "tests/fixtures/bad/bad-enums.yaml");
        assert_eq!(d["severity"], "error");
    }
    let tolerance = lines
        .iter()
        .find(|d| d["key_path"] == "risk.tolerance")
        .expect("the misspelt tolerance");
    assert_eq!(tolerance["line"], 19);
    assert_eq!(tolerance["column"], 14);
    assert_eq!(tolerance["help"], "did you mean `high`?");
    assert!(
        !run.stdout.contains("ok  "),
        "only diagnostics on standard output"
    );
    assert!(
        run.stderr
            .contains("2 profiles checked: 1 valid, 1 invalid"),
        "{}",
        run.stderr
    );
}

/// `init clients/acme.yaml` makes the folder, names the organisation after
/// the file, and its commands and pointers name real paths.
#[test]
fn init_derives_the_id_makes_the_folder_and_points_to_the_docs() {
    let dir = scratch("init");
    let run = socsource_in(&dir, &["init", "clients/2026/acme-group.yaml"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = fs::read_to_string(dir.join("clients/2026/acme-group.yaml")).unwrap();
    assert!(text.contains("\nid: acme-group "), "{text}");
    assert!(
        text.contains("#   socsource validate clients/2026/acme-group.yaml"),
        "{text}"
    );
    assert!(!text.contains("README"), "{text}");
    for page in [
        "docs/src/reference/profile.md",
        "docs/src/method.md",
        "docs/src/reference/assumptions.md",
    ] {
        assert!(text.contains(page), "{page}");
        assert!(repo().join(page).exists(), "{page} exists");
    }
    let check = socsource_in(&dir, &["validate", "clients/2026/acme-group.yaml"], &[]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stdout.contains("(acme-group: "), "{}", check.stdout);
    fs::remove_dir_all(dir).unwrap();
}
