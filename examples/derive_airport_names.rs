//! Writes data/airports/name_index.tsv: every name an airport is found by (its full name,
//! "CITY airport" and its short names, such as "Heathrow"), as lookup keys sorted for a
//! binary search, derived from data/airports/airports.tsv by src/gazetteer/airport_index.rs
//! and the short-name rule of src/gazetteer/airport_names.rs.
//!
//! cargo run --example derive_airport_names

use std::process::ExitCode;

use routecheck::gazetteer::airport_index::name_index_tsv;

fn main() -> ExitCode {
    let (input, output) = ("data/airports/airports.tsv", "data/airports/name_index.tsv");
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {input} (run from the repository's root): {e}");
            return ExitCode::from(2);
        }
    };
    let table = name_index_tsv(&text);
    let rows = table.lines().filter(|l| !l.starts_with('#')).count();
    if let Err(e) = std::fs::write(output, table) {
        eprintln!("cannot write {output}: {e}");
        return ExitCode::from(2);
    }
    println!("{output}: {rows} names");
    ExitCode::SUCCESS
}
