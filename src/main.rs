//! The `socsource` binary: parse arguments, run, map the outcome to an exit
//! status (0 all good, 1 some profile failed, 2 usage error).

use clap::Parser;
use socsource::cli::Cli;
use socsource::commands::{Console, Outcome};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = stdout.lock();
    let mut err = stderr.lock();
    // Progress and colour only on a terminal; NO_COLOR (no-color.org) wins.
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let style = socsource::batch::ConsoleStyle {
        quiet: false,
        progress: terminal,
        color: terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let result = socsource::run(
        cli,
        &mut Console {
            out: &mut out,
            err: &mut err,
            style,
        },
    );
    let _ = out.flush();
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        Err(usage) => {
            let _ = writeln!(err, "error: {usage}");
            ExitCode::from(2)
        }
    }
}
