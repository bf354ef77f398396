//! The airports' name index (data/airports/name_index.tsv): every lookup key an airport is
//! found by, with the airport's IATA code and which of its names the key is.
//!
//! An airport is found by its full name ("London Heathrow Airport"), by "CITY airport"
//! ("London airport") and by its short names ("Heathrow", see `airport_names.rs`). Turning
//! 7,900 names into keys takes milliseconds, so it is done once, here, by [`name_index_tsv`]
//! (`cargo run --example derive_airport_names`), and the result is committed; a test fails if
//! the file drifts from the airports table or the rule. The rows are sorted by key, bytewise,
//! so a lookup is a binary search over the text (`sorted_rows.rs`): a query that names no
//! airport costs a few string comparisons, and one that does reads only its rows.
//!
//! ```text
//! key<TAB>IATA<TAB>which      which: n = full name, c = "CITY airport", s = short name
//! heathrow<TAB>LHR<TAB>s
//! ```

use super::airports::{AirportName, is_code};
use super::normalize::normalize;

/// One row of the index: a key, the airport's IATA code and which name the key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IndexRow<'t> {
    pub key: &'t str,
    pub iata: &'t str,
    pub which: AirportName,
}

impl AirportName {
    /// The letter the index writes for it.
    fn letter(self) -> char {
        match self {
            AirportName::Full => 'n',
            AirportName::CityAirport => 'c',
            AirportName::Short => 's',
        }
    }

    fn from_letter(s: &str) -> Option<AirportName> {
        match s {
            "n" => Some(AirportName::Full),
            "c" => Some(AirportName::CityAirport),
            "s" => Some(AirportName::Short),
            _ => None,
        }
    }
}

/// Reads one row ("heathrow\tLHR\ts"); `None` if it is not one.
pub(crate) fn parse_row(row: &str) -> Option<IndexRow<'_>> {
    let mut f = row.split('\t');
    let (key, iata, which) = (f.next()?, f.next()?, f.next()?);
    if f.next().is_some() || key.is_empty() {
        return None;
    }
    Some(IndexRow {
        key,
        iata,
        which: AirportName::from_letter(which)?,
    })
}

/// The index derived from the airports table's text (data/airports/airports.tsv): a header,
/// then a row per (key, airport), sorted by key bytewise, then by IATA code. An airport found
/// by one key in two ways keeps the first of full name, "CITY airport", short name.
pub fn name_index_tsv(airports_tsv: &str) -> String {
    let mut rows: Vec<(String, &str, AirportName)> = Vec::new();
    for line in airports_tsv.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(iata), _, Some(name), city) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let city = city.unwrap_or("");
        let mut keys: Vec<(String, AirportName)> = Vec::new();
        if !is_code(name) {
            keys.push((normalize(name), AirportName::Full));
        }
        if !city.is_empty() {
            keys.push((
                normalize(&format!("{city} airport")),
                AirportName::CityAirport,
            ));
        }
        let short = super::airport_names::short_name_keys(name, city);
        keys.extend(short.into_iter().map(|k| (k, AirportName::Short)));
        let mut seen: Vec<String> = Vec::new();
        for (key, which) in keys {
            if key.is_empty() || seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            rows.push((key, iata, which));
        }
    }
    rows.sort_by(|a, b| (a.0.as_bytes(), a.1).cmp(&(b.0.as_bytes(), b.1)));
    let mut out = String::from(
        "# The airports' names as lookup keys (see gazetteer::normalize), derived from\n\
         # data/airports/airports.tsv by src/gazetteer/airport_index.rs, with the short names of\n\
         # src/gazetteer/airport_names.rs (cargo run --example derive_airport_names); do not\n\
         # edit by hand. Sorted by key, bytewise. which: n = full name, c = \"CITY airport\",\n\
         # s = short name.\n\
         # key\tiata\twhich\n",
    );
    for (key, iata, which) in rows {
        out.push_str(&format!("{key}\t{iata}\t{}\n", which.letter()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "# h\n\
        LHR\tEGLL\tLondon Heathrow Airport\tLondon\tGB\t51.4706\t-0.461941\tEurope/London\n\
        RZE\tEPRZ\tRzeszow-Jasionka Airport\tRzeszow\tPL\t50.11\t22.019\tEurope/Warsaw\n";

    #[test]
    fn every_name_of_every_airport_is_a_row_in_key_order() {
        let index = name_index_tsv(TWO);
        let rows: Vec<IndexRow> = (index.lines())
            .filter(|l| !l.starts_with('#'))
            .map(|l| parse_row(l).unwrap())
            .collect();
        let row = |key, iata, which| IndexRow { key, iata, which };
        assert_eq!(
            rows,
            [
                row("heathrow", "LHR", AirportName::Short),
                row("jasionka", "RZE", AirportName::Short),
                row("london airport", "LHR", AirportName::CityAirport),
                row("london heathrow airport", "LHR", AirportName::Full),
                row("rzeszow airport", "RZE", AirportName::CityAirport),
                row("rzeszow jasionka airport", "RZE", AirportName::Full),
            ]
        );
    }

    #[test]
    fn rows_that_are_not_the_indexs_are_refused() {
        assert_eq!(parse_row("heathrow\tLHR"), None);
        assert_eq!(parse_row("heathrow\tLHR\tx"), None);
        assert_eq!(parse_row("heathrow\tLHR\ts\tmore"), None);
        assert_eq!(parse_row("\tLHR\ts"), None);
        assert_eq!(
            parse_row("heathrow\tLHR\ts").map(|r| r.which),
            Some(AirportName::Short)
        );
    }
}
