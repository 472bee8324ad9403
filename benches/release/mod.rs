//! The release binary the whole-process benches run.

use std::path::PathBuf;

/// The `socsource` built beside the bench (benches build in release), or
/// an exit with what to do when it has not been built.
pub fn binary() -> PathBuf {
    let mut exe = std::env::current_exe().expect("bench path");
    exe.pop();
    if exe.ends_with("deps") {
        exe.pop();
    }
    let bin = exe.join("socsource");
    if !bin.exists() {
        eprintln!(
            "build the binary first: cargo build --release ({} not found)",
            bin.display()
        );
        std::process::exit(1);
    }
    bin
}
