//! Writes data/airports/short_names.tsv: the airports' short names ("Heathrow"), derived from
//! data/airports/airports.tsv by the rule of src/gazetteer/airport_names.rs.
//!
//! cargo run --example derive_airport_names

use std::process::ExitCode;

use routecheck::gazetteer::airport_names::short_names_tsv;

fn main() -> ExitCode {
    let (input, output) = (
        "data/airports/airports.tsv",
        "data/airports/short_names.tsv",
    );
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {input} (run from the repository's root): {e}");
            return ExitCode::from(2);
        }
    };
    let table = short_names_tsv(&text);
    let rows = table.lines().filter(|l| !l.starts_with('#')).count();
    if let Err(e) = std::fs::write(output, table) {
        eprintln!("cannot write {output}: {e}");
        return ExitCode::from(2);
    }
    println!("{output}: {rows} short names");
    ExitCode::SUCCESS
}
