//! The `socsource` binary: parse the arguments, run the command, map the
//! outcome to an exit status ([`socsource::exit`]).

use clap::FromArgMatches;
use socsource::cli::{self, Cli};
use socsource::console::{self, Console, ConsoleStyle, TrackedOutput};
use socsource::exit;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let color = cli::color_in_args(&args);
    let parsed = cli::command()
        .color(console::clap_color(color))
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(exit::clap_status(&err));
        }
    };
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    let mut out = TrackedOutput::new(stdout.lock());
    let mut err = stderr.lock();
    let style = ConsoleStyle::detect(cli.color);
    let mut console = Console::new(&mut out, &mut err, style);
    let result = socsource::run(cli, &mut console);
    console.finish(&result);
    let failure = out.failure().map(ToString::to_string);
    if let Some(reason) = &failure {
        let text = format!("error: cannot write the results to standard output: {reason}\n");
        let _ = err.write_all(console::colorize(&text, style.color).as_bytes());
    }
    ExitCode::from(exit::with_output_failed(
        exit::status(&result),
        failure.is_some(),
    ))
}
