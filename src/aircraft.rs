//! A small bundled table of aircraft types and their cruise speeds, each with its source
//! (`data/aircraft/aircraft.csv`), for flight-time claims.

use std::sync::OnceLock;

use crate::units::Speed;

const TABLE: &str = include_str!("../data/aircraft/aircraft.csv");

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
}
