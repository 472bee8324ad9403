//! Command-line conventions: shell completions, the manual page, and
//! misuse reported as a usage error (exit status 2) that names the problem.

mod common;
use common::*;

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
fn man_prints_a_roff_manual_page() {
    let run = socsource(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(".TH socsource 1"), "{}", run.stdout);
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH SUBCOMMANDS"] {
        assert!(run.stdout.contains(section), "{section}");
    }
    assert!(run.stdout.contains("socsource\\-report(1)"));
    let extra = socsource(&["man", "extra"]);
    assert_eq!(extra.code, 2, "{}", extra.stderr);
    assert!(
        extra.stderr.contains("unexpected argument 'extra'"),
        "{}",
        extra.stderr
    );
}
