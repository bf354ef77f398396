//! Names of GeoNames first-level administrative divisions ("admin1"), by code.
//!
//! World places carry GeoNames' admin1 *code* ("RU" + "59"); `data/world/admin1.tsv` gives each
//! code its GeoNames name ("Primorye"), and for names outside ASCII, where known, GeoNames' ASCII
//! spelling. The table is derived by `scripts/derive_admin1.py` (source, licence and coverage
//! in `data/README.md`); a few codes have no name and answer `None`.
//!
//! Loading only checks the header. The rows (sorted by country and code) are parsed on the
//! first lookup, about 0.7 ms once per process (measured by the gazetteer bench), so that a lookup is a
//! binary search over parsed rows: a place's division name is asked for on every
//! resolution, and searching the text itself took longer than the rest of a lookup. A
//! damaged line is left out, never a panic; a table without its column line is refused at
//! load, and the tests
//! check every line of the bundled file (`Admin1Names::check`, a typed error naming the line).

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

/// The table: comment lines, then data lines sorted by (country, code).
pub(crate) struct Admin1Names {
    text: &'static str,
    /// Byte offset of the first data line.
    data: usize,
    /// The rows, parsed on the first lookup (one pass over ~90 KB; a damaged line is left
    /// out), in the file's (country, code) order.
    index: std::sync::OnceLock<Vec<Admin1<'static>>>,
}

#[cfg(test)]
fn bad(line: usize, what: impl std::fmt::Display) -> Error {
    Error::CorruptData {
        file: FILE,
        reason: format!("line {line}: {what}"),
    }
}

/// The fields of a data line: country, code, name, ASCII name (may be empty), then columns
/// this reader ignores (the derivation's vote counts). `Err` says what is wrong with it.
fn fields(line: &str) -> Result<Admin1<'_>, String> {
    let mut c = line.split('\t');
    let (Some(country), Some(code), Some(name), ascii) = (c.next(), c.next(), c.next(), c.next())
    else {
        return Err("fewer than 3 columns (country, code, name)".into());
    };
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("\"{country}\" is not a country code"));
    }
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(format!("\"{code}\" is not an admin1 code"));
    }
    if name.trim().is_empty() || name.trim() != name {
        return Err("the name is empty or has spaces around it".into());
    }
    let ascii_name = ascii.filter(|a| !a.is_empty());
    if let Some(a) = ascii_name
        && (!a.is_ascii() || a.trim().is_empty())
    {
        return Err(format!("\"{a}\" is not an ASCII name"));
    }
    Ok(Admin1 {
        country,
        code,
        name,
        ascii_name,
    })
}

impl Admin1Names {
    /// No names (a gazetteer without the world table).
    pub fn empty() -> Admin1Names {
        Admin1Names {
            text: "",
            data: 0,
            index: std::sync::OnceLock::new(),
        }
    }

    /// Opens a table after checking its header (the column line must end the leading
    /// comments); each data line is checked as it is read (a damaged one reads as missing),
    /// and all of them by the tests (`check`).
    pub fn new(text: &'static str) -> Result<Admin1Names, Error> {
        let mut data = 0;
        let mut last = None;
        for line in text.split_inclusive('\n') {
            if !line.starts_with('#') {
                break;
            }
            data += line.len();
            last = Some(line.trim_end_matches(['\n', '\r']));
        }
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
            data,
            index: std::sync::OnceLock::new(),
        })
    }

    /// Checks every data line, their order and that no key appears twice; returns how many
    /// there are. Lookups need none of this (they never panic on a damaged line), and the
    /// table is compiled in, so the tests run it on the bundled file instead of every start.
    #[cfg(test)]
    pub fn check(&self) -> Result<usize, Error> {
        let first = self.text[..self.data].lines().count() + 1;
        let mut prev: Option<Admin1<'_>> = None;
        let mut n = 0;
        for (i, line) in self.data_lines().map(|(_, l)| l).enumerate() {
            let at = first + i;
            let row = fields(line).map_err(|e| bad(at, e))?;
            if let Some(p) = prev {
                match (p.country, p.code).cmp(&(row.country, row.code)) {
                    std::cmp::Ordering::Less => {}
                    std::cmp::Ordering::Equal => {
                        return Err(bad(at, format!("{} appears twice", row.key())));
                    }
                    std::cmp::Ordering::Greater => {
                        return Err(bad(
                            at,
                            format!(
                                "{} is out of order (rows are sorted by country and code)",
                                row.key()
                            ),
                        ));
                    }
                }
            }
            prev = Some(row);
            n += 1;
        }
        Ok(n)
    }

    /// The data lines with their byte offsets.
    fn data_lines(&self) -> impl Iterator<Item = (usize, &'static str)> {
        let text: &'static str = self.text;
        let mut at = self.data;
        text.get(self.data..)
            .unwrap_or("")
            .split_inclusive('\n')
            .map(move |l| {
                let start = at;
                at += l.len();
                (start, l.trim_end_matches(['\n', '\r']))
            })
    }

    /// The rows, parsed on first use.
    fn rows(&self) -> &[Admin1<'static>] {
        self.index.get_or_init(|| {
            self.data_lines()
                .filter_map(|(_, line)| fields(line).ok())
                .collect()
        })
    }

    /// The division with this code ("RU", "59"): a binary search over the sorted rows.
    pub fn get(&self, country: &str, code: &str) -> Option<Admin1<'static>> {
        let rows = self.rows();
        let i = rows
            .binary_search_by(|a| (a.country, a.code).cmp(&(country, code)))
            .ok()?;
        rows.get(i).copied()
    }

    /// The division of a "CC.code" key ("RU.59"), as world places carry it.
    pub fn get_key(&self, key: &str) -> Option<Admin1<'static>> {
        let (country, code) = key.split_once('.')?;
        self.get(country, code)
    }

    /// The divisions whose name or ASCII spelling is this name, compared as lookup keys
    /// (case, accents and punctuation aside: "lodz voivodeship" finds "Łódź Voivodeship"),
    /// in country and code order. A scan of every row.
    pub fn named(&self, name: &str) -> Vec<Admin1<'static>> {
        let key = normalize(name);
        if key.is_empty() {
            return Vec::new();
        }
        self.rows()
            .iter()
            .filter(|a| a.has_name_key(&key))
            .copied()
            .collect()
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
        let mut keys: Vec<(&str, &str)> = t
            .data_lines()
            .map(|(_, l)| fields(l).unwrap())
            .map(|r| (r.country, r.code))
            .collect();
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
            err("# c\n# country\tcode\tname\tascii_name\nRU\t59\n"),
            "line 3: fewer than 3 columns (country, code, name)"
        );
        assert!(
            err("# country\tcode\tname\tascii_name\nru\t59\tP\n")
                .contains("line 2: \"ru\" is not a country code")
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
            err("# country\tcode\tname\tascii_name\nRU\t59\tA\nRU\t30\tB\n")
                .contains("line 3: RU.30 is out of order")
        );
        assert!(
            err("# country\tcode\tname\tascii_name\nRU\t59\tA\n\nRU\t60\tB\n").contains("line 3")
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
    fn small_tables_and_empty_ones() {
        let text = "# head\n# country\tcode\tname\tascii_name\r\nKP\t12\tPyongyang\r\nPL\t74\tŁódź\tLodz\t3/3\nRU\t59\tPrimorye\t\n";
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
