//! The documentation's recipes work as written: every YAML block parses,
//! the GitHub Actions recipes run the non-root image in a way that can
//! check out and write the workspace, and every `socsource ...` command
//! line in the README, CONTRIBUTING.md and the user guide (shell blocks,
//! YAML recipes, inline code) uses only subcommands, options and values the
//! command line accepts, parsed by the same clap definition the binary uses.

mod common;
use common::*;
use std::fs;
use std::path::PathBuf;

/// The Markdown files a user reads.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![repo().join("README.md"), repo().join("CONTRIBUTING.md")];
    for dir in ["docs/src", "docs/src/reference"] {
        let mut found: Vec<PathBuf> = fs::read_dir(repo().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// Fenced code blocks: (language, body, line of the fence).
fn blocks(text: &str) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(String, String, usize)> = None;
    for (n, line) in text.lines().enumerate() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            match open.take() {
                Some(block) => out.push(block),
                None => open = Some((info.trim().to_string(), String::new(), n + 1)),
            }
        } else if let Some((_, body, _)) = open.as_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

/// Inline code spans outside fenced blocks.
fn inline_spans(text: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            prose.push_str(line);
            prose.push(' ');
        }
    }
    prose
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Shell words of one command line: quotes removed, CI expressions and
/// variables replaced by a plain value.
fn words(line: &str) -> Vec<String> {
    let mut line = line.to_string();
    while let Some(start) = line.find("${{") {
        let end = line[start..]
            .find("}}")
            .map_or(line.len(), |e| start + e + 2);
        line.replace_range(start..end, "0");
    }
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut started = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (None, '#') if !started => break,
            (None, c) if c.is_whitespace() => {
                if started {
                    out.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            (None, '$') => {
                // `$NAME` stands for a value.
                while chars
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    chars.next();
                }
                word.push('0');
                started = true;
            }
            (None, c) => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        out.push(word);
    }
    out
}

/// The commands of a line: its words split at pipes, `&&` and `;`, with
/// redirections and their files left out.
fn commands(line: &str) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new()];
    let mut redirected = false;
    for w in words(line) {
        if std::mem::take(&mut redirected) {
            continue;
        }
        if ["|", "||", "&&", ";", "&"].contains(&w.as_str()) {
            out.push(Vec::new());
        } else if [">", ">>", "<", "2>"].contains(&w.as_str()) {
            redirected = true;
        } else if let Some(last) = out.last_mut() {
            last.push(w);
        }
    }
    out
}

/// The arguments given to socsource by each command of a shell line that
/// runs it: directly, through `cargo run --`, or as the container image.
fn socsource_runs(line: &str) -> Vec<Vec<String>> {
    commands(line)
        .iter()
        .filter_map(|w| socsource_args(w))
        .collect()
}

/// The arguments given to socsource by one command, if it runs socsource.
fn socsource_args(w: &[String]) -> Option<Vec<String>> {
    let docker = w.windows(2).position(|p| p[0] == "docker" && p[1] == "run");
    let start = match docker {
        Some(at) => w[at..]
            .iter()
            .position(|t| t.contains("socsource:") && !t.starts_with('-'))
            .map(|i| at + i + 1)?,
        None => {
            if let Some(cargo) = w.windows(2).position(|p| p[0] == "cargo" && p[1] == "run") {
                w[cargo..]
                    .iter()
                    .position(|t| t == "--")
                    .map(|i| cargo + i + 1)?
            } else {
                w.iter()
                    .position(|t| t == "socsource" || t.ends_with("/socsource"))
                    .map(|i| i + 1)?
            }
        }
    };
    Some(w[start..].to_vec())
}

/// Whether clap accepts the arguments (help and version count as accepted;
/// with `partial`, a missing required argument too, for prose that names
/// an option without a whole command).
fn accepted(args: &[String], partial: bool) -> Result<(), String> {
    let mut argv = vec!["socsource".to_string()];
    argv.extend(args.iter().cloned());
    match socsource::internals::cli::command().try_get_matches_from(&argv) {
        Ok(_) => Ok(()),
        Err(e) => {
            use clap::error::ErrorKind::*;
            match e.kind() {
                DisplayHelp | DisplayVersion => Ok(()),
                MissingRequiredArgument
                | MissingSubcommand
                | DisplayHelpOnMissingArgumentOrSubcommand
                    if partial =>
                {
                    Ok(())
                }
                _ => Err(e.render().to_string()),
            }
        }
    }
}

/// Every shell line of a YAML value's strings (`run:`, `command:`).
fn yaml_strings(value: &serde_yaml::Value, out: &mut Vec<String>) {
    match value {
        serde_yaml::Value::String(s) => out.extend(s.lines().map(str::to_string)),
        serde_yaml::Value::Sequence(items) => {
            let joined: Vec<&str> = items.iter().filter_map(|v| v.as_str()).collect();
            if joined.len() == items.len() && !joined.is_empty() {
                out.push(joined.join(" "));
            }
            for item in items {
                yaml_strings(item, out);
            }
        }
        serde_yaml::Value::Mapping(map) => {
            for (_, v) in map {
                yaml_strings(v, out);
            }
        }
        _ => {}
    }
}

/// A GitHub Actions job that runs the non-root image must be able to check
/// out and write the workspace: as a job container it runs as root; in a
/// step, `docker run` runs as the runner's user (`-u`).
fn check_workflow(doc: &serde_yaml::Value, at: &str, problems: &mut Vec<String>) {
    let Some(jobs) = doc.get("jobs").and_then(|j| j.as_mapping()) else {
        return;
    };
    for (name, job) in jobs {
        let name = name.as_str().unwrap_or("?");
        if let Some(container) = job.get("container") {
            let image = container
                .get("image")
                .or(Some(container))
                .and_then(|i| i.as_str())
                .unwrap_or("");
            let options = container
                .get("options")
                .and_then(|o| o.as_str())
                .unwrap_or("");
            if image.contains("socsource") && !options.contains("--user root") {
                problems.push(format!(
                    "{at}: job `{name}` uses the non-root image as its container without `options: --user root`; actions/checkout would fail"
                ));
            }
        }
        let steps = job.get("steps").and_then(|s| s.as_sequence());
        for step in steps.into_iter().flatten() {
            let run = step.get("run").and_then(|r| r.as_str()).unwrap_or("");
            for line in run
                .lines()
                .filter(|l| l.contains("docker run") && l.contains("socsource:"))
            {
                let w = words(line);
                if !w
                    .iter()
                    .any(|t| t == "-u" || t == "--user" || t.starts_with("--user="))
                {
                    problems.push(format!(
                        "{at}: job `{name}` runs the image without `-u`, so it cannot write the checked-out folder: {line}"
                    ));
                }
            }
        }
    }
}

#[test]
fn every_yaml_block_parses_and_the_ci_recipes_can_run() {
    let mut problems = Vec::new();
    let mut workflows = 0;
    for file in documents() {
        let text = fs::read_to_string(&file).unwrap();
        let shown = file.strip_prefix(repo()).unwrap().display().to_string();
        for (lang, body, line) in blocks(&text) {
            if lang != "yaml" && lang != "yml" {
                continue;
            }
            let at = format!("{shown}:{line}");
            match serde_yaml::from_str::<serde_yaml::Value>(&body) {
                Ok(doc) => {
                    if doc.get("jobs").is_some() {
                        workflows += 1;
                    }
                    check_workflow(&doc, &at, &mut problems);
                }
                Err(e) => problems.push(format!("{at}: not YAML: {e}")),
            }
        }
    }
    assert!(workflows >= 2, "the CI recipes were found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_documented_command_line_is_accepted_by_the_cli() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in documents() {
        let text = fs::read_to_string(&file).unwrap();
        let shown = file.strip_prefix(repo()).unwrap().display().to_string();
        let mut lines: Vec<(String, String, bool)> = Vec::new();
        for (lang, body, start) in blocks(&text) {
            let at = format!("{shown}:{start}");
            match lang.as_str() {
                "sh" | "bash" | "shell" | "console" => {
                    // Continuation lines joined; a prompt dropped.
                    let joined = body.replace("\\\n", " ");
                    for line in joined.lines() {
                        let line = line.trim_start().trim_start_matches("$ ");
                        lines.push((at.clone(), line.to_string(), false));
                    }
                }
                "yaml" | "yml" => {
                    if let Ok(doc) = serde_yaml::from_str::<serde_yaml::Value>(&body) {
                        let mut strings = Vec::new();
                        yaml_strings(&doc, &mut strings);
                        for s in strings {
                            // `sh -c "..."`: the command is the last word.
                            let s = match words(&s).as_slice() {
                                [sh, c, command] if sh == "sh" && c == "-c" => command.clone(),
                                _ => s,
                            };
                            lines.push((at.clone(), s, false));
                        }
                    }
                }
                _ => {}
            }
        }
        for span in inline_spans(&text) {
            // Placeholders such as `<DIR>` or `...` are not command lines.
            if span.starts_with("socsource ") && !span.contains(['<', '[']) && !span.contains("...")
            {
                lines.push((shown.clone(), span, true));
            }
        }
        for (at, line, partial) in lines {
            for args in socsource_runs(&line) {
                if args.is_empty() && partial {
                    continue;
                }
                checked += 1;
                if let Err(e) = accepted(&args, partial) {
                    problems.push(format!("{at}: `{line}`:\n{e}"));
                }
            }
        }
    }
    assert!(checked > 40, "only {checked} command lines found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_line_reader_finds_socsource_however_it_is_run() {
    let docker = r#"docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/work" -w /work socsource:0.1.0 batch profiles --out out"#;
    assert_eq!(
        socsource_runs(docker),
        [["batch", "profiles", "--out", "out"]]
    );
    assert_eq!(
        socsource_runs("cargo run --release -- batch profiles/   # the main job"),
        [["batch", "profiles/"]]
    );
    assert_eq!(
        socsource_runs("socsource batch profiles --shard ${{ matrix.shard }}/3"),
        [["batch", "profiles", "--shard", "0/3"]]
    );
    assert_eq!(
        socsource_runs("socsource schema > profile.schema.json"),
        [["schema"]]
    );
    assert_eq!(
        socsource_runs("generate | socsource validate - && socsource man | man -l -"),
        [vec!["validate", "-"], vec!["man"]]
    );
    assert!(socsource_runs("mkdir -p out").is_empty());
    assert_eq!(
        socsource_runs("socsource completions fish > ~/.config/fish/completions/socsource"),
        [["completions", "fish"]]
    );
    assert!(accepted(
        &["report".into(), "x.yaml".into(), "--colour".into()],
        false
    )
    .is_err());
    assert!(accepted(&["report".into(), "--format".into(), "json".into()], true).is_ok());
}

/// The templates guide lists every built-in template, each with what it
/// renders, and says how many there are.
#[test]
fn the_templates_guide_lists_every_built_in_template() {
    let guide = fs::read_to_string(repo().join("docs/src/templates.md")).unwrap();
    let listed: Vec<String> = guide
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('|').nth(1))
        .flat_map(|cell| {
            cell.split(',')
                .map(|n| n.trim().trim_matches('`').to_string())
        })
        .collect();
    let built_in: Vec<&str> = socsource::internals::render::templates::DEFAULTS
        .iter()
        .map(|(name, _)| *name)
        .collect();
    for name in &built_in {
        assert!(
            listed.iter().any(|l| l == name),
            "docs/src/templates.md does not list `{name}`"
        );
    }
    assert!(
        guide.contains(&format!("writes these {} files", built_in.len())),
        "the guide counts {} templates",
        built_in.len()
    );
}
