//! Prints the gazetteer's lookup key of each line of standard input, one per line (the
//! derivation scripts use it so that a bundled table's keys are the crate's own).
//!
//! printf 'Пхеньян\nP'"'"'yŏngyang\n' | cargo run --example normalize_keys

use std::io::{BufRead, Write};
use std::process::ExitCode;

use routecheck::gazetteer::normalize;

fn main() -> ExitCode {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("cannot read standard input: {e}");
                return ExitCode::from(2);
            }
        };
        if writeln!(out, "{}", normalize(&line)).is_err() {
            return ExitCode::from(2);
        }
    }
    match out.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
