//! A small bundled table of aircraft types and their cruise speeds, each with its source
//! (`data/aircraft/aircraft.csv`), and the overheads a block time adds to the time at cruise
//! (`data/aircraft/overheads.csv`: taxi, take-off, climb-out and approach, the speed limit
//! below 10,000 ft), for flight-time claims.

use std::sync::OnceLock;

use crate::units::Speed;

const TABLE: &str = include_str!("../data/aircraft/aircraft.csv");
const OVERHEADS: &str = include_str!("../data/aircraft/overheads.csv");

/// The type assumed when a claim names none: the Airbus A320 family, the narrow-body jet of
/// most short- and medium-haul flights. Every verdict that uses it says so.
pub const ASSUMED: &str = "Airbus A320";

/// One aircraft type.
#[derive(Debug, Clone, PartialEq)]
pub struct Aircraft {
    pub name: String,
    pub aliases: Vec<String>,
    /// Typical cruise speed, as a range when the source gives one.
    pub cruise: (Speed, Speed),
    /// Where the figure comes from.
    pub source: String,
}

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every row of the table (rows that do not parse are skipped; a unit test guards them).
pub fn all() -> &'static [Aircraft] {
    static ALL: OnceLock<Vec<Aircraft>> = OnceLock::new();
    ALL.get_or_init(|| TABLE.lines().filter_map(parse_row).collect())
}

fn parse_row(line: &str) -> Option<Aircraft> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let f: Vec<&str> = line.splitn(5, '|').collect();
    let [name, aliases, lo, hi, source] = f.as_slice() else {
        return None;
    };
    Some(Aircraft {
        name: name.trim().to_string(),
        aliases: aliases.split(';').map(|a| a.trim().to_string()).collect(),
        cruise: (
            Speed::kmh(lo.trim().parse().ok()?),
            Speed::kmh(hi.trim().parse().ok()?),
        ),
        source: source.trim().to_string(),
    })
}

/// Finds a type by name or alias, ignoring case, spaces and hyphens ("an148" = "An-148").
pub fn find(name: &str) -> Option<&'static Aircraft> {
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    all()
        .iter()
        .find(|a| key(&a.name) == k || a.aliases.iter().any(|x| key(x) == k))
}

/// The type assumed when a flight claim names none ([`ASSUMED`]).
pub fn assumed() -> &'static Aircraft {
    find(ASSUMED).expect("the assumed type is a row of the aircraft table (a unit test guards it)")
}

/// What a block time adds to the time at cruise speed, each figure from
/// `data/aircraft/overheads.csv` with its source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overheads {
    /// Taxi out and in together, minutes: 0 (a time in the air) to the ICAO reference 26.0.
    pub taxi_min: (f64, f64),
    /// Take-off, climb-out and approach (ICAO LTO cycle), minutes.
    pub lto_airborne_min: (f64, f64),
    /// The slowest average assumed for the rest of the flight: the 250 kn limit below 10,000 ft.
    pub slow: Speed,
}

impl Overheads {
    /// The most a block time adds to the time the distance takes at `speed`, in seconds.
    pub fn max_extra_s(&self) -> f64 {
        (self.taxi_min.1 + self.lto_airborne_min.1) * 60.0
    }
}

/// The overheads table (parsed once; a unit test guards every row).
pub fn overheads() -> &'static Overheads {
    static O: OnceLock<Overheads> = OnceLock::new();
    O.get_or_init(|| {
        let row = |item: &str| -> (f64, f64) {
            OVERHEADS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| l.split('|').collect::<Vec<_>>())
                .find(|f| f.first() == Some(&item))
                .and_then(|f| Some((f.get(2)?.parse().ok()?, f.get(3)?.parse().ok()?)))
                .unwrap_or((f64::NAN, f64::NAN))
        };
        Overheads {
            taxi_min: row("taxi"),
            lto_airborne_min: row("lto_airborne"),
            slow: Speed::kmh(row("slow_speed").0),
        }
    })
}

/// The names of every type, for messages.
pub fn names() -> Vec<&'static str> {
    all().iter().map(|a| a.name.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses_and_cites_a_source() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(all().len(), rows);
        for a in all() {
            assert!(a.cruise.0 <= a.cruise.1, "{}", a.name);
            assert!(a.cruise.0.as_kmh() > 100.0, "{}", a.name);
            assert!(a.source.contains("http"), "{} has no source", a.name);
        }
    }

    #[test]
    fn finds_by_alias() {
        let a = find("An-148").unwrap();
        assert_eq!(a.name, "Antonov An-148");
        assert!((a.cruise.1.as_kmh() - 870.0).abs() < 1e-9);
        assert_eq!(find("antonov an 148").map(|a| &a.name), Some(&a.name));
        assert!(find("Boeing 737-800").is_some());
        assert!(find("Zeppelin").is_none());
        assert!(find("").is_none());
    }

    /// Issue 14: the types that appear in news (airliners and state aircraft), each cited.
    #[test]
    fn regression_issue_14_wider_table_and_assumed_type() {
        for name in [
            "Boeing 737-800",
            "A321",
            "Boeing 747",
            "757",
            "Boeing 777-300ER",
            "Il-62M",
            "Il-76",
            "Tu-204",
            "An-148",
        ] {
            assert!(find(name).is_some(), "{name}");
        }
        assert_eq!(assumed().name, ASSUMED);
        assert!((find("Il-62").unwrap().cruise.0.as_kmh() - 821.0).abs() < 1e-9);
    }

    #[test]
    fn overheads_parse_and_cite_their_sources() {
        let o = overheads();
        assert_eq!(o.taxi_min, (0.0, 26.0));
        assert!((o.lto_airborne_min.1 - 6.9).abs() < 1e-12);
        assert!((o.slow.as_kmh() - 463.0).abs() < 1e-9);
        assert!((o.max_extra_s() - 32.9 * 60.0).abs() < 1e-9);
        for line in OVERHEADS.lines().filter(|l| !l.starts_with('#')) {
            let source = line.split('|').nth(4).unwrap_or("");
            assert!(source.contains("http"), "{line}");
        }
    }
}
