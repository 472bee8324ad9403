//! Write N generated, realistic profiles into a folder, for trying batch
//! runs at scale: `cargo run --release --example generate_profiles -- DIR N`.

#[path = "../tests/common/generate.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next().and_then(|n| n.parse::<u64>().ok()))
    else {
        eprintln!("usage: generate_profiles DIR N");
        std::process::exit(2);
    };
    generate::write_profiles(std::path::Path::new(&dir), n);
    eprintln!("wrote {n} profiles to {dir}");
}
