//! Builds data/world/cities500.rcg from GeoNames' cities500.txt (run by scripts/derive_world.py).
//!
//! cargo run --release --example derive_world -- cities500.txt data/world/cities500.rcg

use std::process::ExitCode;

use routecheck::gazetteer::world_build::{WorldRow, build_world};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: derive_world CITIES500_TXT OUTPUT_RCG");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {input}: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut rows, mut skipped) = (Vec::new(), 0usize);
    for line in text.lines().filter(|l| !l.is_empty()) {
        match WorldRow::parse_geonames(line) {
            Some(r) => rows.push(r),
            None => skipped += 1,
        }
    }
    let n = rows.len();
    let table = build_world(rows);
    let tmp = format!("{output}.tmp");
    if let Err(e) = std::fs::write(&tmp, &table).and_then(|_| std::fs::rename(&tmp, output)) {
        eprintln!("cannot write {output}: {e}");
        return ExitCode::from(2);
    }
    println!(
        "{n} places ({skipped} lines skipped); table {} bytes",
        table.len()
    );
    ExitCode::SUCCESS
}
