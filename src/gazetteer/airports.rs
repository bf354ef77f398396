//! Airports (data/airports/airports.tsv, from PyPI `airportsdata`, MIT): every airport with
//! an IATA code, as a [`Place`] of kind [`PlaceKind::Airport`] with the id `airport:IATA`.
//!
//! Each airport is found by its name ("Vladivostok International Airport"), its IATA code
//! ("VVO"), its ICAO code ("UHWW") and "CITY airport" ("Rzeszow airport"). A query of three
//! capital letters ("RZE") is read as an IATA code first (see `resolve.rs`).

use super::error::Error;
use super::place::{Place, PlaceGeometry, PlaceKind, Source};
use crate::coord::LatLon;

pub(crate) const AIRPORTS_TSV: &str = include_str!("../../data/airports/airports.tsv");
const FILE: &str = "data/airports/airports.tsv";
/// The dataset name every airport's [`Source`] carries.
pub const AIRPORTS_DATASET: &str = "airportsdata 20260905 (MIT)";

fn bad(line: usize, what: &str) -> Error {
    Error::CorruptData {
        file: FILE,
        reason: format!("line {line}: {what}"),
    }
}

/// Whether a query looks like an IATA airport code: exactly three ASCII capital letters.
pub(crate) fn is_iata_code(text: &str) -> bool {
    let t = text.trim();
    t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase())
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
}
