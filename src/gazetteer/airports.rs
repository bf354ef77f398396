//! Airports (data/airports/airports.tsv, from PyPI `airportsdata`, MIT): every airport with
//! an IATA code, as a [`Place`] of kind [`PlaceKind::Airport`] with the id `airport:IATA`.
//!
//! Each airport is found by its name ("Vladivostok International Airport"), its IATA code
//! ("VVO"), its ICAO code ("UHWW") and "CITY airport" ("Rzeszow airport"). Codes are found
//! only as written, in capitals, and never by a misspelling ("Czyta" is not the ICAO code
//! CZTA). A query of three capital letters ("RZE") is read as an IATA code first (see
//! `resolve.rs`).
//!
//! The table is read and indexed on first need, not at load: only a query written as a code,
//! or whose last word ends some airport's name ("airport", "field", "schiphol"…, see
//! [`LastWords`]), can name an airport, and most lookups are neither.

use std::collections::{HashMap, HashSet};

use super::error::Error;
use super::normalize::normalize;
use super::place::{Place, PlaceGeometry, PlaceKind, Source};
use crate::coord::LatLon;

pub(crate) const AIRPORTS_TSV: &str = include_str!("../../data/airports/airports.tsv");
const FILE: &str = "data/airports/airports.tsv";
/// The airports' short names ("LHR\theathrow"), derived from [`AIRPORTS_TSV`] by the rule of
/// `airport_names.rs` and committed, so that no lookup derives them: a test checks the file
/// against the rule.
pub(crate) const SHORT_NAMES_TSV: &str = include_str!("../../data/airports/short_names.tsv");
const SHORT_NAMES_FILE: &str = "data/airports/short_names.tsv";
/// The dataset name every airport's [`Source`] carries.
pub const AIRPORTS_DATASET: &str = "airportsdata 20260905 (MIT)";

fn bad(line: usize, what: &str) -> Error {
    Error::CorruptData {
        file: FILE,
        reason: format!("line {line}: {what}"),
    }
}

/// The rows of the short-names table: (IATA code, short name key), read by
/// [`crate::rows::read`], which names the line and column of a row that does not fit.
fn short_name_rows(short_names: &str) -> Result<Vec<(String, String)>, Error> {
    crate::rows::read(SHORT_NAMES_FILE, short_names, b'\t').map_err(|e| Error::CorruptData {
        file: SHORT_NAMES_FILE,
        reason: format!(
            "line {}: {} (a row is an IATA code, a tab and a short name)",
            e.line, e.message
        ),
    })
}

/// Whether a query looks like an IATA airport code: exactly three ASCII capital letters.
pub(crate) fn is_iata_code(text: &str) -> bool {
    let t = text.trim();
    t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a query is written as an airport code: three or four ASCII capitals or digits,
/// starting with a capital ("RZE", "EPRZ", "UHWW").
pub(crate) fn is_code(text: &str) -> bool {
    let t = text.trim().as_bytes();
    (3..=4).contains(&t.len())
        && t[0].is_ascii_uppercase()
        && t.iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Which of an airport's names a key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AirportName {
    /// Its full name ("London Heathrow Airport").
    Full,
    /// "CITY airport" ("London airport").
    CityAirport,
    /// Its short name ("Heathrow", see `airport_names.rs`).
    Short,
}

/// The city an airport serves, as written in the table: airports.rs gives every airport
/// with a city the alias "CITY airport" last.
pub(crate) fn city_of(airport: &Place) -> Option<&str> {
    airport.aliases.last()?.strip_suffix(" airport")
}

/// The airports with their lookup keys, built on first need.
#[derive(Debug, Default)]
pub(crate) struct Airports {
    pub places: Vec<Place>,
    /// Key of a name, of "CITY airport" or of a short name → (airport, which it is).
    pub names: HashMap<String, Vec<(u32, AirportName)>>,
    /// IATA and ICAO codes as written → airport.
    pub codes: HashMap<String, u32>,
}

impl Airports {
    /// Reads and indexes the table (see [`parse_airports`]) with the short names derived
    /// from it (`short_names`, in the format of [`SHORT_NAMES_TSV`]).
    pub fn build(text: &str, short_names: &str) -> Result<Airports, Error> {
        let places = parse_airports(text)?;
        let mut a = Airports {
            names: HashMap::with_capacity(2 * places.len()),
            codes: HashMap::with_capacity(2 * places.len()),
            ..Airports::default()
        };
        for (i, p) in places.iter().enumerate() {
            let i = i as u32;
            for (n, alias) in std::iter::once(&p.name).chain(&p.aliases).enumerate() {
                if is_code(alias) {
                    a.codes.insert(alias.clone(), i);
                    continue;
                }
                let k = normalize(alias);
                if k.is_empty() {
                    continue;
                }
                let which = match n {
                    0 => AirportName::Full,
                    _ => AirportName::CityAirport,
                };
                let list = a.names.entry(k).or_default();
                if !list.iter().any(|(j, _)| *j == i) {
                    list.push((i, which));
                }
            }
        }
        for (iata, key) in short_name_rows(short_names)? {
            let i = *a.codes.get(&iata).ok_or_else(|| {
                // Only on this error: the line the code stands on.
                let row = format!("{iata}\t");
                let line = short_names.lines().position(|l| l.starts_with(&row));
                Error::CorruptData {
                    file: SHORT_NAMES_FILE,
                    reason: format!(
                        "line {}: no airport has the code \"{iata}\"",
                        line.map_or(0, |l| l + 1)
                    ),
                }
            })?;
            let list = a.names.entry(key).or_default();
            if !list.iter().any(|(j, _)| *j == i) {
                list.push((i, AirportName::Short));
            }
        }
        a.places = places;
        Ok(a)
    }
}

/// The last words of every airport's name keys ("airport", "field", "schiphol") and every
/// short name whole ("heathrow", "charles de gaulle"), read from the table without indexing
/// it: a key that neither ends in one of the words nor is one of the short names is no
/// airport's name, short name, nor "CITY airport". Short names are matched whole, so that
/// "Vladivostok" does not read the airports because some airport's short name ends in a word
/// a town also ends in.
#[derive(Debug)]
pub(crate) struct LastWords {
    last: HashSet<String>,
    short: HashSet<String>,
}

impl LastWords {
    pub fn read(text: &str, short_names: &str) -> Result<LastWords, Error> {
        let mut last = HashSet::from(["airport".to_string()]);
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some(name) = line.split('\t').nth(2) else {
                continue;
            };
            let key = normalize(name.rsplit(' ').next().unwrap_or(name));
            // A last "word" such as "(coordinates)" or "Heliport-2" normalises to more than
            // one word: keep the key's own last word.
            let word = key.rsplit(' ').next().unwrap_or(&key);
            if !word.is_empty() && !last.contains(word) {
                last.insert(word.to_string());
            }
        }
        let short = short_name_rows(short_names)?
            .into_iter()
            .map(|(_, key)| key)
            .collect();
        Ok(LastWords { last, short })
    }

    /// Whether `key` (a lookup key) may be an airport's name, short name or "CITY airport".
    pub fn may_name_an_airport(&self, key: &str) -> bool {
        self.short.contains(key) || self.last.contains(key.rsplit(' ').next().unwrap_or(key))
    }
}

/// Reads airports.tsv: iata, icao, name, city, country, lat, lon, tz. Lines starting with '#'
/// are comments.
pub(crate) fn parse_airports(text: &str) -> Result<Vec<Place>, Error> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let [iata, icao, name, city, country, lat, lon, tz] = c[..] else {
            return Err(bad(n, &format!("{} columns, expected 8", c.len())));
        };
        if !is_iata_code(iata) {
            return Err(bad(n, &format!("\"{iata}\" is not an IATA code")));
        }
        let lat: f64 = lat
            .parse()
            .map_err(|_| bad(n, "latitude is not a number"))?;
        let lon: f64 = lon
            .parse()
            .map_err(|_| bad(n, "longitude is not a number"))?;
        let at = LatLon::new(lat, lon).map_err(|e| bad(n, &e.to_string()))?;
        let mut aliases = vec![iata.to_string()];
        if !icao.is_empty() {
            aliases.push(icao.to_string());
        }
        if !city.is_empty() {
            aliases.push(format!("{city} airport"));
        }
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        out.push(Place {
            id: format!("airport:{iata}"),
            name: name.to_string(),
            aliases,
            kind: PlaceKind::Airport,
            country: opt(country),
            admin1: None,
            admin1_name: None,
            geometry: PlaceGeometry::Point(at),
            population: None,
            tz: opt(tz),
            source: Source {
                dataset: AIRPORTS_DATASET.into(),
                id: if icao.is_empty() { iata } else { icao }.to_string(),
            },
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_parses_with_every_airport_once() {
        let a = parse_airports(AIRPORTS_TSV).unwrap();
        assert!(a.len() > 7_500, "{}", a.len());
        let mut ids: Vec<&str> = a.iter().map(|p| p.id.as_str()).collect();
        ids.dedup();
        assert_eq!(
            ids.len(),
            a.len(),
            "rows are sorted by IATA code, each once"
        );
        let rze = a.iter().find(|p| p.id == "airport:RZE").unwrap();
        assert_eq!(rze.name, "Rzeszow-Jasionka Airport");
        assert_eq!(rze.aliases, ["RZE", "EPRZ", "Rzeszow airport"]);
        assert_eq!(rze.country.as_deref(), Some("PL"));
        assert_eq!(rze.tz.as_deref(), Some("Europe/Warsaw"));
        assert_eq!(
            rze.anchor(),
            LatLon {
                lat: 50.11,
                lon: 22.019
            }
        );
    }

    #[test]
    fn damaged_rows_are_refused_with_the_line() {
        let e = parse_airports("# h\nRZE\tEPRZ\tX\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("3 columns"), "{e}");
        let e = parse_airports("rze\tEPRZ\tX\tY\tPL\t50\t22\tEurope/Warsaw\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not an IATA code"), "{e}");
        let e = parse_airports("RZE\tEPRZ\tX\tY\tPL\t95\t22\tEurope/Warsaw\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1"), "{e}");
    }

    #[test]
    fn iata_codes_are_three_capitals() {
        assert!(is_iata_code("RZE"));
        assert!(is_iata_code(" VVO "));
        assert!(!is_iata_code("Ufa"));
        assert!(!is_iata_code("RZES"));
        assert!(!is_iata_code("R2E"));
    }

    #[test]
    fn issue_16_the_committed_short_names_are_the_rules() {
        let derived = super::super::airport_names::short_names_tsv(AIRPORTS_TSV);
        assert!(
            derived == SHORT_NAMES_TSV,
            "data/airports/short_names.tsv is not what the rule derives from airports.tsv: \
             run `cargo run --example derive_airport_names` and commit the file"
        );
        let a = Airports::build(AIRPORTS_TSV, SHORT_NAMES_TSV).unwrap();
        let lhr = a.codes["LHR"];
        assert!(a.names["heathrow"].contains(&(lhr, AirportName::Short)));
        let words = LastWords::read(AIRPORTS_TSV, SHORT_NAMES_TSV).unwrap();
        assert!(words.may_name_an_airport("heathrow"));
        assert!(words.may_name_an_airport("charles de gaulle"));
        assert!(!words.may_name_an_airport("vladivostok"));
    }

    #[test]
    fn issue_16_a_damaged_short_names_table_is_refused_with_the_line() {
        let tsv =
            "RZE\tEPRZ\tRzeszow-Jasionka Airport\tRzeszow\tPL\t50.11\t22.019\tEurope/Warsaw\n";
        let e = Airports::build(tsv, "# h\nQQQ\tjasionka\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("short_names.tsv") && e.contains("line 2") && e.contains("QQQ"),
            "{e}"
        );
        let e = Airports::build(tsv, "RZE jasionka\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1") && e.contains("tab"), "{e}");
        let a = Airports::build(tsv, "RZE\tjasionka\n").unwrap();
        assert_eq!(a.names["jasionka"], [(0, AirportName::Short)]);
    }
}
