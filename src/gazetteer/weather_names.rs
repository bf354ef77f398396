//! Names of GeoNames places in other scripts from the translated weather locations of MATE's
//! libmateweather (data/world/weather_names.tsv, joined to GeoNames by country, English name
//! and position; see data/README.md), in every build.
//!
//! Debian gives that file's locations and translations as "GPL-2+ or LGPL-2.1+"; the table
//! is taken under LGPL-2.1-or-later, as the river lines are bundled under LGPL-3.0-or-later.
//! It has the form of `other_names.tsv` and is searched the same way, in place.

/// The bundled table.
pub(crate) const WEATHER_NAMES_TSV: &str = include_str!("../../data/world/weather_names.tsv");
/// Its path, for errors.
pub(crate) const FILE: &str = "data/world/weather_names.tsv";
/// The script that writes it.
pub(crate) const SCRIPT: &str = "derive_weather_names.py";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::normalize::normalize;
    use crate::gazetteer::other_names::{OtherId, OtherNames};
    use crate::gazetteer::{Gazetteer, MatchKind, Query};

    /// Every row: a key the crate's `normalize` made, with a letter outside ASCII, a
    /// GeoNames id of a bundled place, rows in strict (key, id) order, each found by `find`.
    #[test]
    fn the_bundled_table_is_sorted_and_made_of_lookup_keys() {
        let t = OtherNames::from_file(FILE, SCRIPT, WEATHER_NAMES_TSV).unwrap();
        let g = Gazetteer::load_default().unwrap();
        let w = g.world.as_ref().unwrap();
        let mut prev: Option<(&str, u32)> = None;
        let mut n = 0;
        for (key, id, langs) in t.rows() {
            let id: u32 = id
                .parse()
                .unwrap_or_else(|_| panic!("{key:?}: bad id {id:?}"));
            assert!(w.by_geonameid(id).is_some(), "{key:?}: no place {id}");
            assert!(!langs.is_empty(), "{key:?}");
            assert_eq!(normalize(key), key, "a key normalize would not make");
            assert!(
                key.chars().any(|c| c.is_alphabetic() && !c.is_ascii()),
                "{key:?}: a name in Latin letters"
            );
            if let Some(p) = prev {
                assert!(
                    (p.0.as_bytes(), p.1) < (key.as_bytes(), id),
                    "{p:?} before {key:?} {id}"
                );
            }
            prev = Some((key, id));
            n += 1;
        }
        assert!(n > 10_000, "{n} rows");
        for (key, id, _) in t.rows().step_by(53) {
            assert!(
                t.find(key)
                    .contains(&OtherId::GeoNames(id.parse().unwrap())),
                "{key:?}"
            );
        }
    }

    #[test]
    fn a_table_without_its_header_is_refused() {
        let err = OtherNames::from_file(FILE, SCRIPT, "x\t1\tar\tm\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("weather_names.tsv") && err.contains(SCRIPT),
            "{err}"
        );
    }

    /// Names GeoNames lacks, found through the table as aliases of the right place in the
    /// default build.
    #[test]
    fn capitals_are_found_by_their_names_in_other_scripts() {
        let g = Gazetteer::load_default().unwrap();
        let t = OtherNames::from_file(FILE, SCRIPT, WEATHER_NAMES_TSV).unwrap();
        for (name, want, cc) in [
            ("الخرطوم", "Khartoum", "SD"),
            ("科伦坡", "Colombo", "LK"),
            ("马那瓜", "Managua", "NI"),
            ("וינה", "Vienna", "AT"),
            ("ヤクーツク", "Yakutsk", "RU"),
        ] {
            assert!(
                !t.find(&normalize(name)).is_empty(),
                "{name}: not in the table"
            );
            let r = g.resolve(&name.parse::<Query>().unwrap()).unwrap();
            assert_eq!(
                (r.place.name.as_str(), r.place.country.as_deref(), r.matched),
                (want, Some(cc), MatchKind::Alias),
                "{name}"
            );
        }
        // Names in Latin letters are never kept ("vine", Latvian for Vienna, elsewhere).
        assert!(t.rows().all(|(k, _, _)| !k.is_ascii()));
    }
}
