//! Names of GeoNames places in other languages and scripts that GeoNames itself lacks
//! (data/world/other_names.tsv: the translations of GNOME libgweather's weather locations, of
//! KDE KStars' cities, of KDE KGeography's capitals and of KDE's time-zone names, joined to
//! GeoNames by English name and position or seat, and to the bundled Antarctic stations by
//! zone; see data/README.md).
//!
//! GeoNames holds few names of small capitals in Chinese, Arabic, Hebrew or Japanese
//! ("金沙萨" for Kinshasa, "الخرطوم" for Khartoum, "フナフティ" for Funafuti); this table adds
//! 84,000 such names of 5,900 places, found as aliases. Only names written in a script other
//! than Latin are kept: in the smaller languages those programs are translated into, a Latin
//! name is too often an English word or another place ("vine", Latvian for Vienna).
//!
//! The table is searched in place, with no parsing at load: its rows (`key`, GeoNames id,
//! languages, sources) are sorted by key, bytewise (see `sorted_rows.rs`).

use super::Error;

/// The bundled table, in builds with the `gpl-names` feature only: its names are translations
/// under GPL-2.0-or-later, which the default MIT OR Apache-2.0 build does not carry.
#[cfg(feature = "gpl-names")]
pub(crate) const OTHER_NAMES_TSV: Option<&str> =
    Some(include_str!("../../data/world/other_names.tsv"));
/// Without the `gpl-names` feature: no table.
#[cfg(not(feature = "gpl-names"))]
pub(crate) const OTHER_NAMES_TSV: Option<&str> = None;

const FILE: &str = "data/world/other_names.tsv";

/// The place a row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OtherId {
    /// A GeoNames place by its id.
    GeoNames(u32),
    /// A curated place by its id ("curated:antarctic-casey").
    Curated(&'static str),
}

impl OtherId {
    fn parse(id: &'static str) -> Option<OtherId> {
        match id.parse() {
            Ok(n) => Some(OtherId::GeoNames(n)),
            Err(_) => id.starts_with("curated:").then_some(OtherId::Curated(id)),
        }
    }
}

/// The table's rows after its header comments, searched in place.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct OtherNames {
    body: &'static str,
}

impl OtherNames {
    /// The table in `text`: comment lines ("# …") first, then rows sorted by key. Only the
    /// header is checked here; a test checks every row of the bundled table.
    pub fn new(text: &'static str) -> Result<OtherNames, Error> {
        OtherNames::from_file(FILE, "derive_other_names.py", text)
    }

    /// A table of the same form from `file`, written by `script`.
    pub fn from_file(
        file: &'static str,
        script: &str,
        text: &'static str,
    ) -> Result<OtherNames, Error> {
        let body = super::sorted_rows::body(text).ok_or_else(|| Error::CorruptData {
            file,
            reason: format!("line 1: the header comment is missing (scripts/{script} writes it)"),
        })?;
        Ok(OtherNames { body })
    }

    /// An empty table (a gazetteer of given places).
    pub fn empty() -> OtherNames {
        OtherNames::default()
    }

    /// The places that have `key` as another name, in the table's order: GeoNames ids,
    /// then the ids of curated places (the Antarctic stations, which GeoNames lacks).
    pub fn find(&self, key: &str) -> Vec<OtherId> {
        super::sorted_rows::rows_with_key(self.body, key)
            .filter_map(|(_, row)| OtherId::parse(row.split('\t').nth(1)?))
            .collect()
    }

    /// Every row as (key, GeoNames id, languages), for the table's checks (the fourth field,
    /// the sources, is for people).
    #[cfg(test)]
    pub(crate) fn rows(&self) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
        self.body.lines().map(|l| {
            let mut f = l.split('\t');
            (
                f.next().unwrap_or(""),
                f.next().unwrap_or(""),
                f.next().unwrap_or(""),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "gpl-names")]
    use crate::gazetteer::normalize::normalize;

    const SMALL: &str = "# a header\n# key\tgeonameid\tlanguages\nalpha\t1\ten\nbeta\t2\tfr\n\
                         beta\t3\tde\nгамма\t4\tru\nкейси\tcurated:antarctic-casey\tru\n\
                         кейсі\tnonsense\tuk\n金沙萨\t5\tzh_CN";

    #[test]
    fn finds_every_key_and_no_other() {
        let t = OtherNames::new(SMALL).unwrap();
        let ids = |k: &str| t.find(k);
        assert_eq!(ids("alpha"), [OtherId::GeoNames(1)]);
        assert_eq!(ids("beta"), [OtherId::GeoNames(2), OtherId::GeoNames(3)]);
        assert_eq!(ids("гамма"), [OtherId::GeoNames(4)]);
        assert_eq!(ids("кейси"), [OtherId::Curated("curated:antarctic-casey")]);
        assert_eq!(
            ids("金沙萨"),
            [OtherId::GeoNames(5)],
            "the last row, with no newline after it"
        );
        for absent in [
            "",
            "a",
            "alph",
            "alphaa",
            "bet",
            "gamma",
            "zzz",
            "金",
            "кейсі",
        ] {
            assert!(t.find(absent).is_empty(), "{absent:?}");
        }
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        assert!(OtherNames::empty().find("alpha").is_empty());
    }

    #[test]
    fn a_table_without_its_header_is_refused() {
        let err = OtherNames::new("alpha\t1\ten\n").unwrap_err().to_string();
        assert!(
            err.contains("other_names.tsv") && err.contains("header"),
            "{err}"
        );
    }

    /// Every row of the bundled table: a key that is its own lookup key (so the crate's
    /// `normalize` made it) with a letter outside ASCII (no name in Latin letters is kept), a
    /// numeric GeoNames id or the id of a bundled Antarctic station, rows in strict (key, id)
    /// order (the binary search depends on it), and every key found by `find`.
    #[test]
    #[cfg(feature = "gpl-names")]
    fn the_bundled_table_is_sorted_and_made_of_lookup_keys() {
        let t = OtherNames::new(OTHER_NAMES_TSV.unwrap()).unwrap();
        let stations = crate::gazetteer::curated::ANTARCTIC_TSV;
        // GeoNames ids first, in numeric order, then station ids.
        let order = |id: OtherId| match id {
            OtherId::GeoNames(n) => (0, n, ""),
            OtherId::Curated(c) => (1, 0, c),
        };
        let mut prev: Option<(&str, (u8, u32, &str))> = None;
        let (mut n, mut curated) = (0, 0);
        for (key, id, langs) in t.rows() {
            let id = OtherId::parse(id).unwrap_or_else(|| panic!("row {key:?}: bad id {id:?}"));
            if let OtherId::Curated(c) = id {
                assert!(
                    stations.lines().any(|l| l.starts_with(&format!("{c}\t"))),
                    "{c}: no such station"
                );
                curated += 1;
            }
            let id = order(id);
            assert!(!key.is_empty() && !langs.is_empty(), "row {key:?} {id:?}");
            assert_eq!(
                normalize(key),
                key,
                "a key the crate's normalize would not make"
            );
            assert!(
                key.chars().any(|c| c.is_alphabetic() && !c.is_ascii()),
                "{key:?}: a name in Latin letters"
            );
            if let Some(p) = prev {
                assert!(
                    (p.0.as_bytes(), p.1) < (key.as_bytes(), id),
                    "{p:?} before {key:?} {id:?}"
                );
            }
            prev = Some((key, id));
            n += 1;
        }
        assert!(n > 80_000, "{n} rows");
        assert!(curated > 100, "{curated} names of Antarctic stations");
        for (key, id, _) in t.rows().step_by(97) {
            assert!(
                t.find(key).contains(&OtherId::parse(id).unwrap()),
                "{key:?}"
            );
        }
    }

    /// Names GeoNames lacks, found through the table as aliases of the right place.
    #[test]
    #[cfg(feature = "gpl-names")]
    fn capitals_are_found_by_their_names_in_other_scripts() {
        use crate::gazetteer::{Gazetteer, MatchKind, Query};
        let g = Gazetteer::load_default().unwrap();
        for (name, want, cc) in [
            ("金沙萨", "Kinshasa", "CD"),
            ("الخرطوم", "Khartoum", "SD"),
            ("フナフティ", "Funafuti", "TV"),
            ("马朱罗", "Majuro", "MH"),
            ("킨샤샤", "Kinshasa", "CD"),
            // KDE's time-zone names: a zone's city, and an Antarctic station GeoNames lacks.
            ("ケーシー基地", "Casey", "AQ"),
            ("Кейси", "Casey", "AQ"),
        ] {
            let r = g.resolve(&name.parse::<Query>().unwrap()).unwrap();
            assert_eq!(
                (r.place.name.as_str(), r.place.country.as_deref(), r.matched),
                (want, Some(cc), MatchKind::Alias),
                "{name}"
            );
        }
        // Latvian's "Vīne" for Vienna is the English word "vine": Latin names are not kept.
        let table = OtherNames::new(OTHER_NAMES_TSV.unwrap()).unwrap();
        assert!(table.find("vine").is_empty());
        // A name that another place carries too: both are candidates, and the country
        // qualifier picks Auckland over Oakland, California.
        let r = g.resolve(&"奥克兰, NZ".parse::<Query>().unwrap()).unwrap();
        assert_eq!(r.place.name, "Auckland");
    }
}
