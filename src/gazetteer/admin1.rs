//! Names of GeoNames first-level administrative divisions ("admin1"), by code.
//!
//! World places carry GeoNames' admin1 *code* ("RU" + "59"); `data/world/admin1.tsv` gives each
//! code its GeoNames name ("Primorye"), and for names outside ASCII, where known, GeoNames' ASCII
//! spelling. The table is derived by `scripts/derive_admin1.py` (source, licence and coverage
//! in `data/README.md`); a few codes have no name and answer `None`.
//!
//! Loading only checks the header. The rows (sorted by country and code) are read by
//! [`crate::rows::read`] on the first lookup, once per process (timed by the gazetteer
//! bench's `load_and_first_division_name`), so that a lookup is a binary search over parsed
//! rows: a place's division name is asked for on every resolution, and searching the text
//! itself took longer than the rest of a lookup. A table without its column line is refused
//! at load; a damaged row makes the whole table read as empty (lookups answer `None`, never
//! panic, and no row is skipped), and the tests read every row of the bundled file and check
//! their order (`Admin1Names::check`, an error naming the line and column).

use serde::{Deserialize, Deserializer, de::Error as _};

use super::error::Error;
use super::normalize::{normalize, normalizes_to};

pub(crate) const ADMIN1_TSV: &str = include_str!("../../data/world/admin1.tsv");
const FILE: &str = "data/world/admin1.tsv";
/// The last header line: the columns this reader expects.
const COLUMNS: &str = "# country\tcode\tname\tascii_name";

/// A first-level administrative division: its GeoNames code and names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Admin1<'a> {
    /// ISO 3166-1 alpha-2 country code ("RU").
    pub country: &'a str,
    /// GeoNames admin1 code within the country ("59").
    pub code: &'a str,
    /// GeoNames' name ("Primorye", "Łódź Voivodeship").
    pub name: &'a str,
    /// GeoNames' ASCII spelling ("Lodz Voivodeship"), for a name outside ASCII where the
    /// source gives it; `None` for a plain-ASCII name (it is its own spelling) or when unknown.
    pub ascii_name: Option<&'a str>,
}

impl Admin1<'_> {
    /// "RU.59", as in [`super::Place::admin1`].
    pub fn key(&self) -> String {
        format!("{}.{}", self.country, self.code)
    }

    /// Whether its name or ASCII spelling has this lookup key ([`super::normalize`]).
    pub(crate) fn has_name_key(&self, key: &str) -> bool {
        normalizes_to(self.name, key) || self.ascii_name.is_some_and(|a| normalizes_to(a, key))
    }
}

/// One data row of the table, in column order: country, code, name, ASCII name (may be
/// empty), and the derivation's vote count (not used here). Each field is checked as it is
/// read, so a bad one is an error naming its line and column.
#[derive(Debug, Deserialize)]
struct Row {
    #[serde(deserialize_with = "country")]
    country: Box<str>,
    #[serde(deserialize_with = "code")]
    code: Box<str>,
    #[serde(deserialize_with = "name")]
    name: Box<str>,
    #[serde(deserialize_with = "ascii_name")]
    ascii_name: Box<str>,
    _votes: serde::de::IgnoredAny,
}

impl Row {
    fn admin1(&self) -> Admin1<'_> {
        Admin1 {
            country: &self.country,
            code: &self.code,
            name: &self.name,
            ascii_name: (!self.ascii_name.is_empty()).then_some(&*self.ascii_name),
        }
    }
}

fn country<'de, D: Deserializer<'de>>(d: D) -> Result<Box<str>, D::Error> {
    let s = <Box<str>>::deserialize(d)?;
    if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(D::Error::custom(format!("\"{s}\" is not a country code")));
    }
    Ok(s)
}

fn code<'de, D: Deserializer<'de>>(d: D) -> Result<Box<str>, D::Error> {
    let s = <Box<str>>::deserialize(d)?;
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(D::Error::custom(format!("\"{s}\" is not an admin1 code")));
    }
    Ok(s)
}

fn name<'de, D: Deserializer<'de>>(d: D) -> Result<Box<str>, D::Error> {
    let s = <Box<str>>::deserialize(d)?;
    if s.trim().is_empty() || s.trim() != &*s {
        return Err(D::Error::custom(
            "the name is empty or has spaces around it",
        ));
    }
    Ok(s)
}

fn ascii_name<'de, D: Deserializer<'de>>(d: D) -> Result<Box<str>, D::Error> {
    let s = <Box<str>>::deserialize(d)?;
    if !s.is_empty() && (!s.is_ascii() || s.trim().is_empty()) {
        return Err(D::Error::custom(format!("\"{s}\" is not an ASCII name")));
    }
    Ok(s)
}

/// The table: comment lines, then data lines sorted by (country, code).
pub(crate) struct Admin1Names {
    text: &'static str,
    /// The rows, parsed on the first lookup (one pass over ~90 KB) in the file's (country,
    /// code) order, or the first row that could not be read.
    index: std::sync::OnceLock<Result<Vec<Row>, Error>>,
    /// Each name's and ASCII spelling's lookup key → the rows that have it, in row order:
    /// built on the first `named` (article reading asks it of every small town's name).
    by_key: std::sync::OnceLock<std::collections::HashMap<String, Vec<u32>>>,
}

impl Admin1Names {
    /// No names (a gazetteer without the world table).
    pub fn empty() -> Admin1Names {
        Admin1Names {
            text: "",
            index: std::sync::OnceLock::new(),
            by_key: std::sync::OnceLock::new(),
        }
    }

    /// Opens a table after checking its header (the column line must end the leading
    /// comments). The rows are read on the first lookup; `check` reads them all and checks
    /// their order.
    pub fn new(text: &'static str) -> Result<Admin1Names, Error> {
        let last = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .last()
            .map(|l| l.trim_end_matches('\r'));
        if !last.is_some_and(|l| l.starts_with(COLUMNS)) {
            return Err(Error::CorruptData {
                file: FILE,
                reason: format!(
                    "no column line \"{}\" before the rows",
                    COLUMNS.escape_debug()
                ),
            });
        }
        Ok(Admin1Names {
            text,
            index: std::sync::OnceLock::new(),
            by_key: std::sync::OnceLock::new(),
        })
    }

    /// Reads every row, checks their order and that no key appears twice; returns how many
    /// there are. The table is compiled in, so the tests run this on the bundled file
    /// instead of every start.
    #[cfg(test)]
    pub fn check(&self) -> Result<usize, Error> {
        let rows = self.index().map_err(Clone::clone)?;
        // The line of each row: the reader skips comments and blank lines, nothing else.
        let lines: Vec<usize> = self
            .text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim_end_matches('\r').is_empty())
            .map(|(i, _)| i + 1)
            .collect();
        for (i, w) in rows.windows(2).enumerate() {
            let (p, row) = (w[0].admin1(), w[1].admin1());
            let at = lines[i + 1];
            let bad = |what: String| Error::CorruptData {
                file: FILE,
                reason: format!("line {at}: {what}"),
            };
            match (p.country, p.code).cmp(&(row.country, row.code)) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => {
                    return Err(bad(format!("{} appears twice", row.key())));
                }
                std::cmp::Ordering::Greater => {
                    return Err(bad(format!(
                        "{} is out of order (rows are sorted by country and code)",
                        row.key()
                    )));
                }
            }
        }
        Ok(rows.len())
    }

    /// The rows, read on first use, or the error naming the first row that could not be read.
    fn index(&self) -> Result<&[Row], &Error> {
        self.index
            .get_or_init(|| {
                crate::rows::read(FILE, self.text, b'\t').map_err(|e| Error::from_rows(FILE, &e))
            })
            .as_deref()
    }

    /// The rows; none if the table is damaged (the bundled one is checked by the tests).
    fn rows(&self) -> &[Row] {
        self.index().unwrap_or(&[])
    }

    /// The division with this code ("RU", "59"): a binary search over the sorted rows.
    pub fn get(&self, country: &str, code: &str) -> Option<Admin1<'_>> {
        let rows = self.rows();
        let i = rows
            .binary_search_by(|a| (&*a.country, &*a.code).cmp(&(country, code)))
            .ok()?;
        rows.get(i).map(Row::admin1)
    }

    /// The division of a "CC.code" key ("RU.59"), as world places carry it.
    pub fn get_key(&self, key: &str) -> Option<Admin1<'_>> {
        let (country, code) = key.split_once('.')?;
        self.get(country, code)
    }

    /// The divisions whose name or ASCII spelling is this name, compared as lookup keys
    /// (case, accents and punctuation aside: "lodz voivodeship" finds "Łódź Voivodeship"),
    /// in country and code order. The keys are indexed on the first call.
    pub fn named(&self, name: &str) -> Vec<Admin1<'_>> {
        let key = normalize(name);
        if key.is_empty() {
            return Vec::new();
        }
        let rows = self.rows();
        let by_key = self.by_key.get_or_init(|| {
            let mut m: std::collections::HashMap<String, Vec<u32>> =
                std::collections::HashMap::new();
            for (i, r) in rows.iter().enumerate() {
                let a = r.admin1();
                for k in std::iter::once(normalize(a.name)).chain(a.ascii_name.map(normalize)) {
                    let v = m.entry(k).or_default();
                    if v.last() != Some(&(i as u32)) {
                        v.push(i as u32);
                    }
                }
            }
            m
        });
        by_key
            .get(&key)
            .map(|ids| ids.iter().map(|&i| rows[i as usize].admin1()).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Admin1Names {
        Admin1Names::new(ADMIN1_TSV).unwrap()
    }

    fn table(text: &'static str) -> Admin1Names {
        Admin1Names::new(text).unwrap()
    }

    const HEAD: &str = "# country\tcode\tname\tascii_name\tvotes\n";

    #[test]
    fn bundled_table_is_well_formed_with_unique_sorted_keys() {
        let t = bundled();
        let n = t.check().unwrap();
        assert!(n > 3_600, "{n}");
        // check() refuses a key twice or out of order; count the keys again independently.
        let mut keys: Vec<(&str, &str)> =
            t.rows().iter().map(|r| (&*r.country, &*r.code)).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate (country, code) keys");
        // GeoNames' "00" means no division: it must never be named.
        assert!(keys.iter().all(|(_, code)| *code != "00"));
        // Every row is found by the binary search.
        for (cc, code) in keys {
            assert_eq!(
                t.get(cc, code).map(|r| (r.country, r.code)),
                Some((cc, code))
            );
        }
    }

    #[test]
    fn names_as_geonames_spells_them() {
        let t = bundled();
        let name = |cc, code| t.get(cc, code).map(|a| a.name);
        assert_eq!(name("RU", "59"), Some("Primorye")); // Vladivostok, Razdolnoye
        assert_eq!(name("KP", "12"), Some("Pyongyang"));
        assert_eq!(name("KP", "17"), Some("North Hamgyong"));
        assert_eq!(name("KP", "18"), Some("Rason")); // Tumangang
        assert_eq!(name("PL", "80"), Some("Subcarpathia")); // Przemyśl
        assert_eq!(name("CN", "08"), Some("Heilongjiang"));
        assert_eq!(name("AD", "02"), Some("Canillo")); // the first row
        assert_eq!(name("RU", "00"), None);
        assert_eq!(name("RU", ""), None);
        assert_eq!(name("XX", "59"), None);
        assert_eq!(name("", ""), None);
        assert_eq!(name("ZZ", "99"), None);
        assert_eq!(t.get_key("RU.59").map(|a| a.name), Some("Primorye"));
        assert_eq!(t.get_key("RU59"), None);
        let lodz = t.get("PL", "74").unwrap();
        assert_eq!(
            (lodz.name, lodz.ascii_name),
            ("Łódź Voivodeship", Some("Lodz Voivodeship"))
        );
        assert_eq!(lodz.key(), "PL.74");
        assert_eq!(t.get("RU", "59").unwrap().ascii_name, None);
    }

    #[test]
    fn found_by_name_in_any_case_or_accent() {
        let t = bundled();
        let keys = |q| t.named(q).iter().map(|a| a.key()).collect::<Vec<_>>();
        assert_eq!(keys("Primorye"), ["RU.59"]);
        assert_eq!(keys("lodz voivodeship"), ["PL.74"]);
        assert_eq!(keys("Łódź Voivodeship"), ["PL.74"]);
        assert!(keys("Atlantis").is_empty());
        assert!(keys("").is_empty());
    }

    #[test]
    fn damaged_tables_are_refused_with_the_line() {
        let err = |text: &'static str| match Admin1Names::new(text).and_then(|t| t.check()) {
            Err(Error::CorruptData { file, reason }) => {
                assert_eq!(file, FILE);
                reason
            }
            Err(e) => panic!("wrong error {e}"),
            Ok(_) => panic!("accepted {text:?}"),
        };
        assert!(err("RU\t59\tPrimorye\n").contains("no column line"));
        assert!(err("# about\nRU\t59\tPrimorye\n").contains("no column line"));
        assert!(err("").contains("no column line"));
        assert_eq!(
            err("# c\n# country\tcode\tname\tascii_name\nKP\t12\tP\t\t1\nRU\t59\n"),
            "line 4: 2 fields where the table has 5"
        );
        assert!(
            err("# country\tcode\tname\tascii_name\nKP\t12\tP\t\t1\nru\t59\tP\t\t1\n")
                .contains("line 3: \"ru\" is not a country code")
        );
        assert!(err("# country\tcode\tname\tascii_name\nRU\t\tP\n").contains("not an admin1 code"));
        assert!(
            err("# country\tcode\tname\tascii_name\nRU\t5 9\tP\n").contains("not an admin1 code")
        );
        assert!(err("# country\tcode\tname\tascii_name\nRU\t59\t\n").contains("name is empty"));
        assert!(err("# country\tcode\tname\tascii_name\nRU\t59\t P\n").contains("spaces around"));
        assert!(
            err("# country\tcode\tname\tascii_name\nPL\t74\tŁódź\tŁódź\n")
                .contains("not an ASCII name")
        );
        assert_eq!(
            err("# country\tcode\tname\tascii_name\nRU\t59\tP\t\t1/1\nRU\t59\tP\t\t1/1\n"),
            "line 3: RU.59 appears twice"
        );
        assert!(
            err("# country\tcode\tname\tascii_name\nRU\t59\tA\t\t1\nRU\t30\tB\t\t1\n")
                .contains("line 3: RU.30 is out of order")
        );
        assert!(
            err("# country\tcode\tname\tascii_name\nRU\t59\tA\t\t1\n\nRU\t30\tB\t\t1\n")
                .starts_with("line 4: "),
            "a blank line is not a row, and the lines after it keep their numbers"
        );
    }

    #[test]
    fn lookups_in_damaged_tables_miss_without_panicking() {
        // Unsorted, truncated, blank and malformed lines: answers may be missing, never a panic.
        for text in [
            "# country\tcode\tname\tascii_name\nRU\t59\tA\nKP\t12\tB\nRU",
            "# country\tcode\tname\tascii_name\n\n\n\tRU\n",
            "# country\tcode\tname\tascii_name\nRU\t59\tŁ\u{301}ódź\t\u{1F600}\r\nZZ",
            "# country\tcode\tname\tascii_name\n",
        ] {
            let t = table(text);
            for (cc, code) in [
                ("RU", "59"),
                ("KP", "12"),
                ("AA", "0"),
                ("ZZ", ""),
                ("", ""),
            ] {
                let _ = t.get(cc, code);
            }
            let _ = t.named("A");
            let _ = t.get_key("RU.59");
        }
    }

    #[test]
    fn a_damaged_row_is_not_skipped_the_table_reads_as_empty() {
        let t = table("# country\tcode\tname\tascii_name\tvotes\nKP\t12\tP\t\t1\nru\t59\tR\t\t1\n");
        assert!(t.check().is_err());
        assert_eq!(
            t.get("KP", "12"),
            None,
            "rows before the damage are not served either"
        );
    }

    #[test]
    fn small_tables_and_empty_ones() {
        let text = "# head\n# country\tcode\tname\tascii_name\r\nKP\t12\tPyongyang\t\t2/2\r\nPL\t74\tŁódź\tLodz\t3/3\nRU\t59\tPrimorye\t\t1/1\n";
        let t = table(text);
        assert_eq!(t.check().unwrap(), 3);
        assert_eq!(t.get("KP", "12").map(|a| a.ascii_name), Some(None));
        assert_eq!(t.get("PL", "74").and_then(|a| a.ascii_name), Some("Lodz"));
        assert_eq!(t.get("RU", "59").map(|a| a.name), Some("Primorye"));
        assert_eq!(t.get("RU", "60"), None);
        assert_eq!(t.named("lodz").len(), 1);
        assert_eq!(table(HEAD).check().unwrap(), 0);
        let e = Admin1Names::empty();
        assert_eq!(e.check().unwrap(), 0);
        assert_eq!(e.get("RU", "59"), None);
        assert!(e.named("Primorye").is_empty());
    }
}
