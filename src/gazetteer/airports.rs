//! Airports (data/airports/airports.tsv, from PyPI `airportsdata`, MIT): every airport with
//! an IATA code, as a [`Place`] of kind [`PlaceKind::Airport`] with the id `airport:IATA`.
//!
//! Each airport is found by its name ("Vladivostok International Airport"), its IATA code
//! ("VVO"), its ICAO code ("UHWW") and "CITY airport" ("Rzeszow airport"). Codes are found
//! only as written, in capitals, and never by a misspelling ("Czyta" is not the ICAO code
//! CZTA). A query of three capital letters ("RZE") is read as an IATA code first (see
//! `resolve.rs`).
//!
//! Nothing is parsed at load. A name is looked up in the committed name index
//! (`airport_index.rs`), a binary search over its text; only a query written as a code or one
//! the index holds reads the table, which is then searched in place (rows sorted by IATA
//! code) and turns into a [`Place`] only the rows asked for.

use std::sync::OnceLock;

use super::error::Error;
use super::place::{Place, PlaceGeometry, PlaceKind, Source};
use crate::coord::LatLon;

pub(crate) const AIRPORTS_TSV: &str = include_str!("../../data/airports/airports.tsv");
const FILE: &str = "data/airports/airports.tsv";
/// The airports' names as lookup keys ("heathrow\tLHR\ts"), derived from [`AIRPORTS_TSV`] by
/// `airport_index.rs` and committed, so that no lookup derives them: a test checks the file
/// against the derivation.
pub(crate) const NAME_INDEX_TSV: &str = include_str!("../../data/airports/name_index.tsv");
const NAME_INDEX_FILE: &str = "data/airports/name_index.tsv";
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

/// The keys of the name index that may name an airport: a lookup is a binary search over
/// the index's text, with nothing read at load (see `airport_index.rs`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NameIndex {
    text: &'static str,
    body: &'static str,
}

impl NameIndex {
    /// The index in `text` (header comment lines, then rows sorted by key). Only the order
    /// of the rows a lookup reads is relied on; a test checks every row of the bundled one.
    pub fn new(text: &'static str) -> NameIndex {
        let body = super::sorted_rows::body(text).unwrap_or(text);
        NameIndex { text, body }
    }

    /// The rows whose key is `key`, each with its byte offset (see [`NameIndex::line`]).
    pub fn rows(&self, key: &str) -> impl Iterator<Item = (usize, &'static str)> + use<> {
        super::sorted_rows::rows_with_key(self.body, key)
    }

    /// The line in the file of the row at byte offset `at`, for an error (counted only then).
    pub fn line(&self, at: usize) -> usize {
        super::sorted_rows::line_of(self.text, self.body, at)
    }

    /// Whether some airport is called `key`.
    pub fn has(&self, key: &str) -> bool {
        !key.is_empty() && self.rows(key).next().is_some()
    }

    /// Every key, each once, in key order (for close spellings). Every misspelt name reads
    /// all 15,800 rows, so they are split by a plain scan of the bytes: splitting each row as
    /// text was a tenth of a misspelt name's `locate`.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + use<> {
        let body: &'static str = self.body;
        let bytes = body.as_bytes();
        let (mut at, mut last) = (0usize, "");
        std::iter::from_fn(move || {
            while at < bytes.len() {
                let row = &bytes[at..];
                let key_len = row.iter().position(|b| matches!(b, b'\t' | b'\n' | b'\r'));
                let key_len = key_len.unwrap_or(row.len());
                let row_len = (row[key_len..].iter().position(|b| *b == b'\n'))
                    .map_or(row.len(), |n| key_len + n + 1);
                // Tabs and line ends are ASCII, so the key ends on a character boundary.
                let key = body.get(at..at + key_len).unwrap_or("");
                at += row_len;
                if !key.is_empty() && key != last {
                    last = key;
                    return Some(key);
                }
            }
            None
        })
    }
}

/// The airports: their rows, read in place and turned into [`Place`]s one at a time on first
/// need, found by code or by name through the [`NameIndex`].
#[derive(Debug, Default)]
pub(crate) struct Airports {
    text: &'static str,
    /// Where each row starts in `text`, in IATA order.
    starts: Vec<u32>,
    /// Each row as a place, once asked for.
    places: Vec<OnceLock<Box<Place>>>,
    index: NameIndex,
}

impl Airports {
    /// The airports of `text` (the format of [`AIRPORTS_TSV`]: rows sorted by IATA code,
    /// lines starting with '#' are comments) with their name index. Errors:
    /// [`Error::CorruptData`] naming the line of a row that starts with no IATA code or out
    /// of order; the rest of a row is checked when it is first read.
    pub fn new(text: &'static str, index: NameIndex) -> Result<Airports, Error> {
        let mut starts: Vec<u32> = Vec::with_capacity(text.len() / 64);
        let mut prev: &[u8] = b"";
        let mut at = 0usize;
        for (n, line) in text.split('\n').enumerate() {
            let start = at;
            at += line.len() + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let code = line.as_bytes().get(..4);
            let Some(code) = code.filter(|c| c[3] == b'\t' && is_iata_code(&line[..3])) else {
                let first = line.split('\t').next().unwrap_or("");
                return Err(bad(n + 1, &format!("\"{first}\" is not an IATA code")));
            };
            if code[..3] <= *prev {
                return Err(bad(n + 1, "rows must be sorted by IATA code, each once"));
            }
            prev = &code[..3];
            starts.push(start as u32);
        }
        let places = std::iter::repeat_with(OnceLock::new)
            .take(starts.len())
            .collect();
        Ok(Airports {
            text,
            starts,
            places,
            index,
        })
    }

    /// How many airports there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Row `i`'s text and its line in the table (counted only for an error).
    fn row(&self, i: u32) -> Option<(&'static str, impl Fn() -> usize)> {
        let start = *self.starts.get(i as usize)? as usize;
        let rest = &self.text[start..];
        let line = rest.split('\n').next().unwrap_or(rest);
        let text = self.text;
        let n = move || {
            text.as_bytes()[..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1
        };
        Some((line, n))
    }

    /// Airport `i` (an index in IATA order), read on first need. Errors:
    /// [`Error::CorruptData`] with the line if its row is damaged; `None` for no such index.
    pub fn place(&self, i: u32) -> Option<Result<&Place, Error>> {
        let cell = self.places.get(i as usize)?;
        if let Some(p) = cell.get() {
            return Some(Ok(p));
        }
        let (line, n) = self.row(i)?;
        let place = parse_row(line).map_err(|what| bad(n(), &what));
        Some(place.map(|p| &**cell.get_or_init(|| Box::new(p))))
    }

    /// The position of airport `i` only (for the spatial index: no place is made).
    pub fn anchor(&self, i: u32) -> Option<LatLon> {
        let start = *self.starts.get(i as usize)? as usize;
        let mut cols = self.text[start..].split(['\t', '\n']).skip(5);
        let (lat, lon) = (cols.next()?.parse().ok()?, cols.next()?.parse().ok()?);
        LatLon::new(lat, lon).ok()
    }

    /// The airport with this IATA code ("VVO") or ICAO code ("UHWW"), as written.
    pub fn by_code(&self, code: &str) -> Option<u32> {
        let code = code.trim();
        if !is_code(code) {
            return None;
        }
        if is_iata_code(code) {
            let i = self.starts.partition_point(|&s| {
                let s = s as usize;
                &self.text.as_bytes()[s..s + 3] < code.as_bytes()
            });
            let s = *self.starts.get(i)? as usize;
            if &self.text[s..s + 3] == code {
                return Some(i as u32);
            }
        }
        // An ICAO code is the second field: a tab, the code, a tab, three bytes into a row.
        let needle = format!("\t{code}\t");
        let mut from = 0;
        while let Some(p) = self.text[from..].find(&needle) {
            let at = from + p;
            if let Ok(i) = self.starts.binary_search(&(at.saturating_sub(3) as u32))
                && self.starts[i] as usize + 3 == at
            {
                return Some(i as u32);
            }
            from = at + 1;
        }
        None
    }

    /// The airports called `key` (a lookup key) by name, "CITY airport" or short name.
    /// Errors: [`Error::CorruptData`] with the line of a damaged index row or one whose
    /// airport the table lacks.
    pub fn named(&self, key: &str) -> Result<Vec<(u32, AirportName)>, Error> {
        let mut out: Vec<(u32, AirportName)> = Vec::new();
        for (at, row) in self.index.rows(key) {
            let damaged = |what: String| Error::CorruptData {
                file: NAME_INDEX_FILE,
                reason: format!("line {}: {what}", self.index.line(at)),
            };
            let r = super::airport_index::parse_row(row).ok_or_else(|| {
                damaged("a row is a key, an IATA code and n, c or s, separated by tabs".into())
            })?;
            let i = (self.by_code(r.iata).filter(|_| is_iata_code(r.iata)))
                .ok_or_else(|| damaged(format!("no airport has the code \"{}\"", r.iata)))?;
            if !out.iter().any(|(j, _)| *j == i) {
                out.push((i, r.which));
            }
        }
        Ok(out)
    }

    /// Whether airport `i` has `key` as a short name.
    pub fn has_short_name(&self, i: u32, key: &str) -> bool {
        self.named(key)
            .is_ok_and(|found| found.contains(&(i, AirportName::Short)))
    }
}

/// Reads airports.tsv: iata, icao, name, city, country, lat, lon, tz. Lines starting with '#'
/// are comments.
#[cfg(test)]
pub(crate) fn parse_airports(text: &str) -> Result<Vec<Place>, Error> {
    let rows = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    rows.filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(n, l)| parse_row(l).map_err(|what| bad(n, &what)))
        .collect()
}

/// One row of airports.tsv as a place; the error says what is wrong with it.
fn parse_row(line: &str) -> Result<Place, String> {
    let c: Vec<&str> = line.split('\t').collect();
    let [iata, icao, name, city, country, lat, lon, tz] = c[..] else {
        return Err(format!("{} columns, expected 8", c.len()));
    };
    if !is_iata_code(iata) {
        return Err(format!("\"{iata}\" is not an IATA code"));
    }
    let lat: f64 = lat.parse().map_err(|_| "latitude is not a number")?;
    let lon: f64 = lon.parse().map_err(|_| "longitude is not a number")?;
    let at = LatLon::new(lat, lon).map_err(|e| e.to_string())?;
    let mut aliases = vec![iata.to_string()];
    if !icao.is_empty() {
        aliases.push(icao.to_string());
    }
    if !city.is_empty() {
        aliases.push(format!("{city} airport"));
    }
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Ok(Place {
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
    })
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
    fn issue_16_the_committed_name_index_is_the_derivations() {
        let derived = super::super::airport_index::name_index_tsv(AIRPORTS_TSV);
        assert!(
            derived == NAME_INDEX_TSV,
            "data/airports/name_index.tsv is not what airport_index.rs derives from \
             airports.tsv: run `cargo run --example derive_airport_names` and commit the file"
        );
        let index = NameIndex::new(NAME_INDEX_TSV);
        let a = Airports::new(AIRPORTS_TSV, index).unwrap();
        let lhr = a.by_code("LHR").unwrap();
        assert!(
            a.named("heathrow")
                .unwrap()
                .contains(&(lhr, AirportName::Short))
        );
        assert!(index.has("heathrow") && index.has("charles de gaulle"));
        assert!(!index.has("vladivostok") && !index.has("") && !index.has("heath"));
        // Every row of the bundled index names an airport of the table, in key order.
        let mut prev = ("", "");
        for (n, row) in index.body.lines().enumerate() {
            let r = super::super::airport_index::parse_row(row).unwrap();
            assert!(
                (prev.0.as_bytes(), prev.1) < (r.key.as_bytes(), r.iata),
                "row {n}"
            );
            prev = (r.key, r.iata);
            assert!(a.by_code(r.iata).is_some(), "{row}");
        }
        assert!(index.keys().count() > 15_000);
    }

    #[test]
    fn issue_16_every_airport_is_found_by_its_codes_and_read_alike() {
        let a = Airports::new(AIRPORTS_TSV, NameIndex::new(NAME_INDEX_TSV)).unwrap();
        let all = parse_airports(AIRPORTS_TSV).unwrap();
        assert_eq!(a.len(), all.len());
        for (i, p) in all.iter().enumerate() {
            let i = i as u32;
            assert_eq!(a.by_code(&p.aliases[0]), Some(i), "{}", p.id);
            // ICAO codes as airportsdata writes them; a local code that starts with a digit
            // ("89NY") is not written as a code.
            let icao = &p.aliases[1];
            let want = is_code(icao).then_some(i);
            assert_eq!(a.by_code(icao), want, "{}", p.id);
            assert_eq!(a.place(i).unwrap().as_ref(), Ok(&p), "{}", p.id);
            assert_eq!(a.anchor(i), Some(p.anchor()), "{}", p.id);
        }
        for absent in ["QQQ", "ZZZZ", "A\tAA", "", "lhr", "EGL"] {
            assert_eq!(a.by_code(absent), None, "{absent:?}");
        }
        // A city of four capitals is not an ICAO code: only the second column is.
        let index = NameIndex::new("");
        let t = Airports::new("ABC\tWXYZ\tX\tEGLL\tGB\t1\t2\tUTC\n", index).unwrap();
        assert_eq!((t.by_code("WXYZ"), t.by_code("EGLL")), (Some(0), None));
    }

    #[test]
    fn issue_16_a_damaged_table_or_index_is_refused_with_the_line() {
        let tsv =
            "RZE\tEPRZ\tRzeszow-Jasionka Airport\tRzeszow\tPL\t50.11\t22.019\tEurope/Warsaw\n";
        let index = |text: &'static str| NameIndex::new(text);
        let a = Airports::new(tsv, index("# h\njasionka\tQQQ\ts\n")).unwrap();
        let e = a.named("jasionka").unwrap_err().to_string();
        assert!(
            e.contains("name_index.tsv") && e.contains("line 2") && e.contains("QQQ"),
            "{e}"
        );
        let a = Airports::new(tsv, index("jasionka RZE s\n")).unwrap();
        assert!(
            a.named("jasionka RZE s")
                .unwrap_err()
                .to_string()
                .contains("line 1")
        );
        let a = Airports::new(tsv, index("jasionka\tRZE\ts\n")).unwrap();
        assert_eq!(a.named("jasionka").unwrap(), [(0, AirportName::Short)]);
        // Rows out of IATA order, or without a code, are refused at once with their line.
        let e = Airports::new("# h\nRZE\tx\nAAA\tx\n", index(""))
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 3") && e.contains("sorted"), "{e}");
        let e = Airports::new("rze\tx\n", index(""))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 1") && e.contains("not an IATA code"),
            "{e}"
        );
        // The rest of a row is checked when the row is read.
        let a = Airports::new("# h\nRZE\tEPRZ\tX\n", index("")).unwrap();
        let e = a.place(0).unwrap().unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("3 columns"), "{e}");
    }

    /// The byte scan of the name index lists the keys the rows' first fields are, each
    /// once, as splitting the rows as text did.
    #[test]
    fn issue_16_the_index_keys_are_the_rows_first_fields() {
        let by_lines = |text: &'static str| -> Vec<&'static str> {
            let mut keys: Vec<&str> = (NameIndex::new(text).body.lines())
                .map(|l| l.split('\t').next().unwrap_or(""))
                .filter(|k| !k.is_empty())
                .collect();
            keys.dedup();
            keys
        };
        for text in [
            NAME_INDEX_TSV,
            "# h\nheathrow\tLHR\ts\nheathrow\tLHR\tf\nluton\tLTN\ts",
            "# h\r\nnarita\tNRT\ts\r\n\r\nnarita\tNRT\tf\r\nzürich\tZRH\tc\n",
            "# h\n",
            "",
        ] {
            let keys: Vec<&str> = NameIndex::new(text).keys().collect();
            assert_eq!(keys, by_lines(text), "{:?}", &text[..text.len().min(40)]);
        }
    }
}
