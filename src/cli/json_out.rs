//! The JSON the place commands print (`locate`, `near`, `route`, `distance`): each object
//! names its schema (documented in docs/schema/), every `geometry` is RFC 7946 GeoJSON
//! (`[lon, lat]`, 6 decimals), `--format geojson` is a FeatureCollection, and times are RFC
//! 3339 with the zone's name in a field of its own. The schema ids of the other commands'
//! JSON (`rail import`, `sources`) are here too.

use routecheck::coord::LatLon;
use routecheck::export::split_antimeridian;
use routecheck::gazetteer::{Place, PlaceGeometry};
use serde_json::{Value, json};

/// `locate --json`.
pub const LOCATE: &str = "routecheck.locate/1";
/// `near --json`.
pub const NEAR: &str = "routecheck.near/1";
/// `route --json`.
pub const ROUTE: &str = "routecheck.route/1";
/// `distance --json`.
pub const DISTANCE: &str = "routecheck.distance/1";
/// `rail import --json`.
pub const RAIL_IMPORT: &str = "routecheck.rail-import/1";
/// `sources --json`.
pub const SOURCES: &str = "routecheck.sources/1";

/// How `locate` and `near` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Lines for people.
    Text,
    /// JSON with a schema id (docs/schema/).
    Json,
    /// A GeoJSON FeatureCollection (RFC 7946), for ogr2ogr, QGIS or geojson.io.
    Geojson,
}

impl Format {
    /// The format asked for: `--json` is `--format json`.
    pub fn chosen(json: bool, format: Option<Format>) -> Format {
        if json {
            Format::Json
        } else {
            format.unwrap_or(Format::Text)
        }
    }
}

fn position(p: LatLon) -> [f64; 2] {
    let p = p.rounded(6);
    [p.lon, p.lat]
}

/// A GeoJSON Point.
pub fn point(p: LatLon) -> Value {
    json!({ "type": "Point", "coordinates": position(p) })
}

/// Lines as GeoJSON: one LineString, or a MultiLineString when there are several (a river's
/// parts, or a line cut where it crosses the antimeridian, as RFC 7946 §3.1.9 asks).
pub fn lines(parts: &[Vec<LatLon>]) -> Value {
    let parts: Vec<Vec<[f64; 2]>> = parts
        .iter()
        .flat_map(|l| split_antimeridian(l))
        .filter(|l| l.len() >= 2)
        .map(|l| l.iter().map(|p| position(*p)).collect())
        .collect();
    match parts.as_slice() {
        [one] => json!({ "type": "LineString", "coordinates": one }),
        _ => json!({ "type": "MultiLineString", "coordinates": parts }),
    }
}

/// A place's geometry: a Point, or a river's LineString or MultiLineString.
pub fn place_geometry(g: &PlaceGeometry) -> Value {
    match g {
        PlaceGeometry::Point(p) => point(*p),
        PlaceGeometry::Lines(parts) => lines(parts),
    }
}

/// A place's facts and its GeoJSON geometry.
pub fn place(p: &Place) -> Value {
    json!({
        "id": p.id,
        "name": p.name,
        "aliases": p.aliases,
        "kind": p.kind,
        "country": p.country,
        "admin1": p.admin1,
        "admin1_name": p.admin1_name,
        "population": p.population,
        "time_zone": p.zone(),
        "source": { "dataset": p.source.dataset, "id": p.source.id },
        "geometry": place_geometry(&p.geometry),
    })
}

/// A GeoJSON Feature.
pub fn feature(geometry: Value, properties: Value) -> Value {
    json!({ "type": "Feature", "geometry": geometry, "properties": properties })
}

/// A GeoJSON FeatureCollection.
pub fn collection(features: Vec<Value>) -> Value {
    json!({ "type": "FeatureCollection", "features": features })
}

/// A time as RFC 3339 with its UTC offset ("2023-09-12T06:00:00+10:00"), which Python's
/// `fromisoformat` and JavaScript's `Date` read; the zone's name goes in its own field.
pub fn rfc3339(t: &jiff::ZonedDateTime) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// The IANA name of a time's zone ("Asia/Vladivostok"), where it has one.
pub fn zone_name(t: &jiff::ZonedDateTime) -> Option<String> {
    t.time_zone().iana_name().map(str::to_string)
}

/// Pretty JSON with a final newline.
pub fn pretty(v: &Value) -> String {
    format!("{v:#}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometry_is_lon_lat() {
        let p = LatLon {
            lat: 42.423871,
            lon: 130.651561,
        };
        assert_eq!(point(p)["coordinates"], json!([130.651561, 42.423871]));
        let a = LatLon { lat: 1.0, lon: 2.0 };
        let b = LatLon { lat: 3.0, lon: 4.0 };
        assert_eq!(lines(&[vec![a, b]])["type"], "LineString");
        let two = lines(&[vec![a, b], vec![b, a]]);
        assert_eq!(two["type"], "MultiLineString");
        assert_eq!(two["coordinates"][1][0], json!([4.0, 3.0]));
        // Across the antimeridian: cut in two.
        let e = LatLon {
            lat: 60.0,
            lon: 179.0,
        };
        let w = LatLon {
            lat: 60.0,
            lon: -179.0,
        };
        assert_eq!(lines(&[vec![e, w]])["type"], "MultiLineString");
    }
}
