//! A small bundled table of aircraft types and their cruise speeds, each with its source
//! (`data/aircraft/aircraft.csv`), and the overheads a block time adds to the time at cruise
//! (`data/aircraft/overheads.csv`: taxi, take-off, climb-out and approach, the speed limit
//! below 10,000 ft), for flight-time claims.

use std::sync::OnceLock;

use crate::units::Speed;

const TABLE: &str = include_str!("../data/aircraft/aircraft.csv");
const OVERHEADS: &str = include_str!("../data/aircraft/overheads.csv");

/// What stands for the aircraft when a claim names none: every jet airliner of the table at
/// once, from the slowest cruise speed to the fastest ([`any_jet`]). Every verdict that uses
/// it says so.
pub const ASSUMED: &str = "any jet airliner in the table";

/// Cruise speeds from which a row counts as a jet airliner (the table's turboprop, the Cessna
/// 208B, cruises at 324–343 km/h; its slowest jet at 796 km/h).
const JET_CRUISE_KMH: f64 = 600.0;

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

/// A row of `aircraft.csv`: name|aliases (;-separated)|cruise km/h low|high|source.
#[derive(serde::Deserialize)]
struct Row(String, String, f64, f64, String);

/// A row of `overheads.csv`: item|unit|low|high|source.
#[derive(serde::Deserialize)]
struct OverheadRow(String, String, f64, f64, String);

/// The parsed tables, or the first row that does not parse (file, line and column).
struct Tables {
    aircraft: Vec<Aircraft>,
    overheads: Overheads,
}

fn tables() -> Result<&'static Tables, crate::rows::Error> {
    static T: OnceLock<Result<Tables, crate::rows::Error>> = OnceLock::new();
    T.get_or_init(|| {
        let rows: Vec<Row> = crate::rows::read("data/aircraft/aircraft.csv", TABLE, b'|')?;
        let aircraft = rows
            .into_iter()
            .map(|Row(name, aliases, lo, hi, source)| Aircraft {
                name: name.trim().to_string(),
                aliases: aliases.split(';').map(|a| a.trim().to_string()).collect(),
                cruise: (Speed::kmh(lo), Speed::kmh(hi)),
                source: source.trim().to_string(),
            })
            .collect();
        const FILE: &str = "data/aircraft/overheads.csv";
        let rows: Vec<OverheadRow> = crate::rows::read(FILE, OVERHEADS, b'|')?;
        // Each item in the unit the code reads it in, with a source.
        let row = |item: &str, unit: &str| {
            let bad = |message: String| crate::rows::Error {
                file: FILE.to_string(),
                line: 0,
                column: None,
                message,
            };
            let r = rows
                .iter()
                .find(|r| r.0 == item)
                .ok_or_else(|| bad(format!("no row for \"{item}\"")))?;
            if r.1 != unit || r.4.trim().is_empty() {
                return Err(bad(format!(
                    "\"{item}\" must be in {unit} and cite a source (got \"{}\")",
                    r.1
                )));
            }
            Ok((r.2, r.3))
        };
        Ok(Tables {
            aircraft,
            overheads: Overheads {
                taxi_min: row("taxi", "min")?,
                lto_airborne_min: row("lto_airborne", "min")?,
                slow: Speed::kmh(row("slow_speed", "km/h")?.0),
            },
        })
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// Every row of the table; a row that does not parse is an error naming its line and column.
pub fn all() -> Result<&'static [Aircraft], crate::rows::Error> {
    tables().map(|t| t.aircraft.as_slice())
}

/// Finds a type by name or alias, ignoring case, spaces and hyphens ("an148" = "An-148").
pub fn find(name: &str) -> Result<Option<&'static Aircraft>, crate::rows::Error> {
    let k = key(name);
    if k.is_empty() {
        return Ok(None);
    }
    Ok(all()?
        .iter()
        .find(|a| key(&a.name) == k || a.aliases.iter().any(|x| key(x) == k)))
}

/// The first type, in the table's order, whose name or an alias `lower` contains, where
/// `lower` and the names are compared in ASCII lower case (as [`str::to_ascii_lowercase`]
/// makes them): one pass over the text for every name at once.
pub fn named_in(lower: &str) -> Result<Option<&'static Aircraft>, crate::rows::Error> {
    /// Every name and alias in ASCII lower case, and the row each belongs to.
    static NAMES: OnceLock<Option<(aho_corasick::AhoCorasick, Vec<usize>)>> = OnceLock::new();
    let all = all()?;
    let names = NAMES.get_or_init(|| {
        let (mut names, mut rows) = (Vec::new(), Vec::new());
        for (i, a) in all.iter().enumerate() {
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                names.push(n.to_ascii_lowercase());
                rows.push(i);
            }
        }
        aho_corasick::AhoCorasick::new(&names)
            .ok()
            .map(|ac| (ac, rows))
    });
    Ok(match names {
        Some((ac, rows)) => ac
            .find_overlapping_iter(lower)
            .map(|m| rows[m.pattern().as_usize()])
            .min()
            .map(|i| &all[i]),
        // No automaton (it cannot be built for these few names, but never a panic): name
        // by name.
        None => all.iter().find(|a| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .any(|n| lower.contains(&n.to_ascii_lowercase()))
        }),
    })
}

/// What stands for the aircraft when a flight claim names none ([`ASSUMED`]): the jet
/// airliners of the table as one, cruising anywhere from the slowest of them to the fastest.
pub fn any_jet() -> Result<&'static Aircraft, crate::rows::Error> {
    static ANY: OnceLock<Result<Aircraft, crate::rows::Error>> = OnceLock::new();
    ANY.get_or_init(build_any_jet)
        .as_ref()
        .map_err(Clone::clone)
}

fn build_any_jet() -> Result<Aircraft, crate::rows::Error> {
    let jets: Vec<&Aircraft> = all()?
        .iter()
        .filter(|a| a.cruise.0.as_kmh() >= JET_CRUISE_KMH)
        .collect();
    let slowest = jets
        .iter()
        .min_by(|a, b| a.cruise.0.as_mps().total_cmp(&b.cruise.0.as_mps()));
    let fastest = jets
        .iter()
        .max_by(|a, b| a.cruise.1.as_mps().total_cmp(&b.cruise.1.as_mps()));
    let (Some(slowest), Some(fastest)) = (slowest, fastest) else {
        return Err(crate::rows::Error {
            file: "data/aircraft/aircraft.csv".into(),
            line: 0,
            column: None,
            message: "no jet airliner in the table".into(),
        });
    };
    Ok(Aircraft {
        name: ASSUMED.to_string(),
        aliases: Vec::new(),
        cruise: (slowest.cruise.0, fastest.cruise.1),
        source: format!(
            "the slowest cruise of the table's jets ({}) to the fastest ({})",
            slowest.name, fastest.name
        ),
    })
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

/// The overheads table (parsed once).
pub fn overheads() -> Result<&'static Overheads, crate::rows::Error> {
    tables().map(|t| &t.overheads)
}

/// The names of every type, for messages (none if the table is damaged).
pub fn names() -> Vec<&'static str> {
    all()
        .map(|a| a.iter().map(|a| a.name.as_str()).collect())
        .unwrap_or_default()
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
        assert_eq!(all().unwrap().len(), rows);
        for a in all().unwrap() {
            assert!(a.cruise.0 <= a.cruise.1, "{}", a.name);
            assert!(a.cruise.0.as_kmh() > 100.0, "{}", a.name);
            assert!(a.source.contains("http"), "{} has no source", a.name);
        }
    }

    #[test]
    fn finds_by_alias() {
        let a = find("An-148").unwrap().unwrap();
        assert_eq!(a.name, "Antonov An-148");
        assert!((a.cruise.1.as_kmh() - 870.0).abs() < 1e-9);
        assert_eq!(
            find("antonov an 148").unwrap().map(|a| &a.name),
            Some(&a.name)
        );
        assert!(find("Boeing 737-800").unwrap().is_some());
        assert!(find("Zeppelin").unwrap().is_none());
        assert!(find("").unwrap().is_none());
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
            assert!(find(name).unwrap().is_some(), "{name}");
        }
        // No aircraft named: the jets of the table as one, the Cessna left out.
        let any = any_jet().unwrap();
        assert_eq!(any.name, ASSUMED);
        assert_eq!(
            (any.cruise.0.as_kmh(), any.cruise.1.as_kmh()),
            (796.0, 920.0)
        );
        assert!((find("Il-62").unwrap().unwrap().cruise.0.as_kmh() - 821.0).abs() < 1e-9);
    }

    #[test]
    fn overheads_parse_and_cite_their_sources() {
        let o = overheads().unwrap();
        assert_eq!(o.taxi_min, (0.0, 26.0));
        assert!((o.lto_airborne_min.1 - 6.9).abs() < 1e-12);
        assert!((o.slow.as_kmh() - 463.0).abs() < 1e-9);
        assert!((o.max_extra_s() - 32.9 * 60.0).abs() < 1e-9);
        for line in OVERHEADS.lines().filter(|l| !l.starts_with('#')) {
            let source = line.split('|').nth(4).unwrap_or("");
            assert!(source.contains("http"), "{line}");
        }
    }

    #[test]
    fn the_first_type_a_text_names_is_found_in_one_pass_as_name_by_name() {
        let all = all().unwrap();
        let plainly = |lower: &str| {
            all.iter().find(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|n| lower.contains(&n.to_ascii_lowercase()))
            })
        };
        let mut texts = vec!["the flight took two hours".to_string(), String::new()];
        // Every name alone, and two names of different rows in reverse table order.
        for a in all {
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                texts.push(format!("flew on an {} jet", n.to_ascii_lowercase()));
            }
        }
        let (first, last) = (&all[0], &all[all.len() - 1]);
        texts.push(format!(
            "a {} and then a {}",
            last.name.to_ascii_lowercase(),
            first.name.to_ascii_lowercase()
        ));
        for t in &texts {
            let got = named_in(t).unwrap().map(|a| &a.name);
            assert_eq!(got, plainly(t).map(|a| &a.name), "{t}");
        }
        assert_eq!(
            named_in(&texts[texts.len() - 1]).unwrap().map(|a| &a.name),
            Some(&first.name)
        );
    }
}
