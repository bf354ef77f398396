//! The curated tables: places the world dumps lack (data/places/curated.tsv), extra aliases
//! for GeoNames places (data/places/aliases.tsv) and named river lines (data/rivers/).

use super::error::Error;
use super::place::{Place, PlaceGeometry, PlaceKind, Source};
use crate::coord::LatLon;

pub(crate) const CURATED_TSV: &str = include_str!("../../data/places/curated.tsv");
pub(crate) const ALIASES_TSV: &str = include_str!("../../data/places/aliases.tsv");
pub(crate) const RIVERS_JSON: &str = include_str!("../../data/rivers/rivers.json");

fn bad(file: &'static str, line: usize, what: &str) -> Error {
    Error::CorruptData {
        file,
        reason: format!("line {line}: {what}"),
    }
}

/// Reads curated.tsv: id, name, kind, country, admin1, lat, lon, tz, aliases (|), source
/// dataset, source id or page, note. Lines starting with '#' are comments.
pub(crate) fn parse_curated(text: &str) -> Result<Vec<Place>, Error> {
    const F: &str = "data/places/curated.tsv";
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 11 {
            return Err(bad(F, n, &format!("{} columns, expected 12", c.len())));
        }
        let kind: PlaceKind = c[2].parse().map_err(|e: String| bad(F, n, &e))?;
        let lat: f64 = c[5]
            .parse()
            .map_err(|_| bad(F, n, "latitude is not a number"))?;
        let lon: f64 = c[6]
            .parse()
            .map_err(|_| bad(F, n, "longitude is not a number"))?;
        let p = LatLon::new(lat, lon).map_err(|e| bad(F, n, &e.to_string()))?;
        if c[9].trim().is_empty() || c[10].trim().is_empty() {
            return Err(bad(F, n, "a curated row needs a source"));
        }
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        out.push(Place {
            id: c[0].to_string(),
            name: c[1].to_string(),
            aliases: c[8]
                .split('|')
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            kind,
            country: opt(c[3]),
            admin1: opt(c[4]),
            admin1_name: None,
            geometry: PlaceGeometry::Point(p),
            population: None,
            tz: opt(c[7]),
            source: Source {
                dataset: c[9].to_string(),
                id: c[10].to_string(),
            },
        });
    }
    Ok(out)
}

/// Reads aliases.tsv: GeoNames id, alias, note.
pub(crate) fn parse_aliases(text: &str) -> Result<Vec<(u32, String)>, Error> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut c = line.split('\t');
        let id = c
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("data/places/aliases.tsv", n, "no GeoNames id"))?;
        let alias = c
            .next()
            .filter(|a| !a.is_empty())
            .ok_or_else(|| bad("data/places/aliases.tsv", n, "no alias"))?;
        out.push((id, alias.to_string()));
    }
    Ok(out)
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
        let e = parse_curated("x\tX\tstation\tRU\t\t91\t130\t\t\tsrc\tid\t\n").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
        assert!(parse_curated("x\tX\tcastle\tRU\t\t42\t130\t\t\tsrc\tid\t\n").is_err());
        assert!(parse_curated("x\tX\tcity\tRU\t\t42\t130\t\t\t\t\t\n").is_err());
        assert!(parse_aliases("abc\tHasan\n").is_err());
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
}
