//! The `socsource` binary: the library's command-line program
//! ([`socsource::main`]).

fn main() -> std::process::ExitCode {
    socsource::main()
}
