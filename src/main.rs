//! The `socsource` binary: parse the arguments, run the command, map the
//! outcome to an exit status ([`socsource::exit`]).

use clap::Parser;
use socsource::cli::Cli;
use socsource::console::{Console, ConsoleStyle};
use socsource::exit;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(exit::clap_status(&err));
        }
    };
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    let mut console = Console::new(&mut out, &mut err, ConsoleStyle::detect());
    let result = socsource::run(cli, &mut console);
    console.finish(&result);
    ExitCode::from(exit::status(&result))
}
