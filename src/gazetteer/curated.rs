//! The curated tables: places the world dumps lack (data/places/curated.tsv), extra aliases
//! for GeoNames places (data/places/aliases.tsv) and named river lines (data/rivers/).
//!
//! The TSV tables are read by [`crate::rows::read`]: a row that does not fit is an error
//! naming the file, line and column, never skipped.

use serde::{Deserialize, Deserializer, de::Error as _};

use super::error::Error;
use super::place::{Place, PlaceGeometry, PlaceKind, Source};
use crate::coord::LatLon;

pub(crate) const CURATED_TSV: &str = include_str!("../../data/places/curated.tsv");
pub(crate) const ALIASES_TSV: &str = include_str!("../../data/places/aliases.tsv");
/// Antarctic research stations from IANA tz zone.tab, in the curated format (derived by
/// scripts/derive_antarctic_stations.py).
pub(crate) const ANTARCTIC_TSV: &str = include_str!("../../data/places/antarctic_stations.tsv");
pub(crate) const RIVERS_JSON: &str = include_str!("../../data/rivers/rivers.json");

/// One row of curated.tsv, in column order.
#[derive(Deserialize)]
struct CuratedRow {
    id: String,
    name: String,
    #[serde(deserialize_with = "kind")]
    kind: PlaceKind,
    country: String,
    admin1: String,
    /// Degrees north, -90..=90.
    #[serde(deserialize_with = "latitude")]
    lat: f64,
    /// Degrees east, -180..=180.
    #[serde(deserialize_with = "longitude")]
    lon: f64,
    /// IANA time zone ("Asia/Vladivostok"), may be empty.
    tz: String,
    /// Aliases separated by '|', may be empty.
    aliases: String,
    #[serde(deserialize_with = "source")]
    source_dataset: String,
    #[serde(deserialize_with = "source")]
    source_id: String,
    _note: serde::de::IgnoredAny,
}

/// One row of aliases.tsv: GeoNames id, alias, note.
#[derive(Deserialize)]
struct AliasRow {
    geonameid: u32,
    #[serde(deserialize_with = "non_empty")]
    alias: String,
    _note: serde::de::IgnoredAny,
}

fn kind<'de, D: Deserializer<'de>>(d: D) -> Result<PlaceKind, D::Error> {
    String::deserialize(d)?.parse().map_err(D::Error::custom)
}

fn latitude<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let lat = f64::deserialize(d)?;
    LatLon::new(lat, 0.0).map_err(D::Error::custom)?;
    Ok(lat)
}

fn longitude<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let lon = f64::deserialize(d)?;
    LatLon::new(0.0, lon).map_err(D::Error::custom)?;
    Ok(lon)
}

fn source<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        return Err(D::Error::custom(
            "a curated row needs a source (dataset and id or page)",
        ));
    }
    Ok(s)
}

fn non_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.is_empty() {
        return Err(D::Error::custom("the field is empty"));
    }
    Ok(s)
}

/// Reads curated.tsv: id, name, kind, country, admin1, lat, lon, tz, aliases (|), source
/// dataset, source id or page, note. Lines starting with '#' are comments.
pub(crate) fn parse_curated(text: &str) -> Result<Vec<Place>, Error> {
    parse_curated_file("data/places/curated.tsv", text)
}

/// As [`parse_curated`], for another file `f` of the same format (named in errors).
pub(crate) fn parse_curated_file(f: &'static str, text: &str) -> Result<Vec<Place>, Error> {
    let rows: Vec<CuratedRow> =
        crate::rows::read(f, text, b'\t').map_err(|e| Error::from_rows(f, &e))?;
    let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    Ok(rows
        .into_iter()
        .map(|r| Place {
            aliases: r
                .aliases
                .split('|')
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            kind: r.kind,
            country: opt(&r.country),
            admin1: opt(&r.admin1),
            admin1_name: None,
            // Both coordinates were range-checked as they were read.
            geometry: PlaceGeometry::Point(LatLon::new(r.lat, r.lon).expect("checked coordinates")),
            population: None,
            tz: opt(&r.tz),
            source: Source {
                dataset: r.source_dataset,
                id: r.source_id,
            },
            id: r.id,
            name: r.name,
        })
        .collect())
}

/// Reads aliases.tsv: GeoNames id, alias, note.
pub(crate) fn parse_aliases(text: &str) -> Result<Vec<(u32, String)>, Error> {
    const F: &str = "data/places/aliases.tsv";
    let rows: Vec<AliasRow> =
        crate::rows::read(F, text, b'\t').map_err(|e| Error::from_rows(F, &e))?;
    Ok(rows.into_iter().map(|r| (r.geonameid, r.alias)).collect())
}

/// One named river as stored in data/rivers/rivers.json.
#[derive(Debug, serde::Deserialize)]
struct RiverRecord {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    country: Option<String>,
    source: Source,
    /// Parts, each a list of [lon, lat] pairs (GeoJSON order, as in the source data).
    lines: Vec<Vec<[f64; 2]>>,
}

#[derive(Debug, serde::Deserialize)]
struct RiversFile {
    rivers: Vec<RiverRecord>,
}

/// Reads the named river lines.
pub(crate) fn parse_rivers(text: &str) -> Result<Vec<Place>, Error> {
    const F: &str = "data/rivers/rivers.json";
    let file: RiversFile = serde_json::from_str(text).map_err(|e| Error::CorruptData {
        file: F,
        reason: e.to_string(),
    })?;
    let mut out = Vec::new();
    for r in file.rivers {
        let mut parts = Vec::new();
        for part in &r.lines {
            let pts: Result<Vec<LatLon>, _> = part
                .iter()
                .map(|[lon, lat]| LatLon::new(*lat, *lon))
                .collect();
            let pts = pts.map_err(|e| Error::CorruptData {
                file: F,
                reason: format!("{}: {e}", r.id),
            })?;
            if pts.len() >= 2 {
                parts.push(pts);
            }
        }
        if parts.is_empty() {
            return Err(Error::CorruptData {
                file: F,
                reason: format!("{} has no line", r.id),
            });
        }
        out.push(Place {
            id: r.id,
            name: r.name,
            aliases: r.aliases,
            kind: PlaceKind::River,
            country: r.country,
            admin1: None,
            admin1_name: None,
            geometry: PlaceGeometry::Lines(parts),
            population: None,
            tz: None,
            source: r.source,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_curated_rows_parse_and_carry_sources() {
        let places = parse_curated(CURATED_TSV).unwrap();
        for id in [
            "curated:pyongyang-station",
            "curated:tumangang-station",
            "curated:khasan-station",
            "curated:ussuriysk-station",
            "curated:vladivostok-station",
        ] {
            assert!(places.iter().any(|p| p.id == id), "{id} missing");
        }
        assert!(places.iter().all(|p| !p.source.id.is_empty()));
        let bridge = places.iter().find(|p| p.kind == PlaceKind::Bridge).unwrap();
        assert_eq!(bridge.country.as_deref(), Some("KP-RU"));
    }

    #[test]
    fn broken_rows_name_the_line() {
        fn reason<T: std::fmt::Debug>(r: Result<T, Error>) -> String {
            match r {
                Err(Error::CorruptData { reason, .. }) => reason,
                other => panic!("not refused as corrupt: {other:?}"),
            }
        }
        let ok = "x\tX\tstation\tRU\t\t42\t130\t\t\tsrc\tid\t\n";
        let curated = |bad: &str| reason(parse_curated(&format!("{ok}{bad}")));
        assert_eq!(
            curated("x\tX\tstation\tRU\t\t91\t130\t\t\tsrc\tid\t\n"),
            "line 2: latitude 91 is out of range: it must be between -90 and 90 degrees"
        );
        assert!(curated("x\tX\tcastle\tRU\t\t42\t130\t\t\tsrc\tid\t\n").starts_with("line 2: "));
        assert_eq!(
            curated("x\tX\tcity\tRU\t\t42\t130\t\t\t\t\t\n"),
            "line 2: a curated row needs a source (dataset and id or page)"
        );
        // Today's tables have 12 columns; a row with 11 is refused, and says so.
        assert_eq!(
            curated("x\tX\tcity\tRU\t\t42\t130\t\t\tsrc\tid\n"),
            "line 2: 11 fields where the table has 12"
        );
        assert!(
            reason(parse_aliases("1\tHasan\t\nabc\tHasan\t\n")).starts_with("line 2, column 1: ")
        );
        assert!(parse_rivers("{\"rivers\": [{\"id\": \"r\"}]}").is_err());
    }

    #[test]
    fn bundled_aliases_and_rivers_parse() {
        assert!(
            parse_aliases(ALIASES_TSV)
                .unwrap()
                .contains(&(2022586, "Hasan".to_string()))
        );
        let rivers = parse_rivers(RIVERS_JSON).unwrap();
        assert!(rivers.iter().all(|r| r.is_line()));
        for id in [
            "river:tumen",
            "river:razdolnaya",
            "river:amur",
            "river:ussuri",
        ] {
            assert!(rivers.iter().any(|r| r.id == id), "{id} missing");
        }
    }

    fn resolved(g: &super::super::Gazetteer, q: &str) -> Place {
        g.resolve(&q.parse().unwrap())
            .unwrap_or_else(|e| panic!("{q}: {e}"))
            .place
    }

    #[test]
    fn vladivostok_and_ussuriysk_stations_are_their_own_places_and_the_names_stay_with_the_cities()
    {
        let g = super::super::Gazetteer::load_default().unwrap();
        for (station, city, queries) in [
            (
                "curated:vladivostok-station",
                "geonames:2013348",
                &[
                    "Vladivostok station",
                    "Vladivostok railway station",
                    "Владивосток (станция)",
                    "станция Владивосток",
                ][..],
            ),
            (
                "curated:ussuriysk-station",
                "geonames:2014006",
                &[
                    "Ussuriysk station",
                    "Ussuriysk railway station",
                    "Уссурийск (станция)",
                    "станция Уссурийск",
                ][..],
            ),
        ] {
            for q in queries {
                let p = resolved(&g, q);
                assert_eq!(
                    (p.id.as_str(), p.kind),
                    (station, PlaceKind::Station),
                    "{q}"
                );
            }
            // The station is in its city: the cited point lies within 3 km of GeoNames' (1.0 km
            // at Vladivostok, 2.8 km at Ussuriysk), and the bare city name still means the city.
            let km = crate::geodesy::distance(
                g.get(station).unwrap().anchor(),
                g.get(city).unwrap().anchor(),
            )
            .as_km();
            assert!(km < 3.0, "{station}: {km:.2} km from {city}");
        }
        assert_eq!(resolved(&g, "Vladivostok").id, "geonames:2013348");
        assert_eq!(resolved(&g, "Владивосток").id, "geonames:2013348");
        assert_eq!(resolved(&g, "Ussuriysk").id, "geonames:2014006");
    }

    #[test]
    fn the_ussuri_resolves_to_its_line_which_passes_lesozavodsk() {
        let g = super::super::Gazetteer::load_default().unwrap();
        // GeoNames lists "Ussuri" as an alternate name of Lesozavodsk; the river's own name wins.
        for q in [
            "Ussuri",
            "the Ussuri River",
            "Уссури",
            "乌苏里江",
            "Wusuli Jiang",
        ] {
            assert_eq!(resolved(&g, q).id, "river:ussuri", "{q}");
        }
        let ussuri = g.get("river:ussuri").unwrap();
        let PlaceGeometry::Lines(parts) = &ussuri.geometry else {
            panic!("the Ussuri is not a line")
        };
        let town = g.get("geonames:2020812").unwrap().anchor();
        let nearest = parts
            .iter()
            .flatten()
            .map(|p| crate::geodesy::distance(*p, town).as_km())
            .fold(f64::INFINITY, f64::min);
        assert!(
            nearest < 3.0,
            "Lesozavodsk is {nearest:.1} km from the line"
        );
    }

    #[test]
    fn recorded_river_lengths_match_the_crate_geodesy() {
        let doc: serde_json::Value = serde_json::from_str(RIVERS_JSON).unwrap();
        let rivers = parse_rivers(RIVERS_JSON).unwrap();
        for (r, place) in doc["rivers"].as_array().unwrap().iter().zip(rivers) {
            let PlaceGeometry::Lines(parts) = &place.geometry else {
                panic!("{} is not a line", place.id)
            };
            let km: f64 = parts
                .iter()
                .flat_map(|p| p.windows(2))
                .map(|w| crate::geodesy::distance(w[0], w[1]).as_km())
                .sum();
            let recorded = r["measured_length_km"].as_f64().unwrap();
            assert!(
                (km - recorded).abs() < 0.2,
                "{}: {km:.1} km here, {recorded} recorded",
                place.id
            );
        }
    }

    #[test]
    fn issue_16_antarctic_stations_come_from_zone_tab_with_their_zones() {
        let f = "data/places/antarctic_stations.tsv";
        let stations = parse_curated_file(f, ANTARCTIC_TSV).unwrap();
        assert_eq!(stations.len(), 10);
        for s in &stations {
            assert_eq!(s.country.as_deref(), Some("AQ"), "{}", s.id);
            assert!(s.anchor().lat < -60.0, "{}", s.id);
            assert!(
                s.aliases.contains(&format!("{} Station", s.name)),
                "{}",
                s.id
            );
            assert!(
                s.tz.as_deref()
                    .is_some_and(|z| z.starts_with("Antarctica/")),
                "{}",
                s.id
            );
        }
        // zone.tab's "-6617+11031" is 66°17′ S, 110°31′ E.
        let casey = stations.iter().find(|s| s.name == "Casey").unwrap();
        assert!((casey.anchor().lat + (66.0 + 17.0 / 60.0)).abs() < 1e-6);
        assert!((casey.anchor().lon - (110.0 + 31.0 / 60.0)).abs() < 1e-6);
        // A damaged row names this file, not curated.tsv.
        let e = parse_curated_file(f, "x\tX\tcity\tAQ\t\t-95\t1\t\t\tsrc\tid\t\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("antarctic_stations.tsv"), "{e}");
    }
}
