//! GeoJSON (RFC 7946) through the `geojson` crate: a FeatureCollection with legs as LineStrings
//! (MultiLineStrings when a leg crosses 180°, split there as §3.1.9 asks), waypoints and
//! crossings as Points; [lon, lat] positions rounded to 6 decimals; no `crs` member.

use geojson::{Feature, FeatureCollection, Geometry, JsonObject, JsonValue};

use super::{ExportRoute, TimeRange, round};
use crate::coord::LatLon;

fn pos(p: LatLon) -> Vec<f64> {
    vec![round(p.lon, 6), round(p.lat, 6)]
}

/// Splits a polyline where it crosses the antimeridian (a step of more than 180° in longitude),
/// adding the interpolated crossing point at ±180 to both sides.
pub fn split_antimeridian(points: &[LatLon]) -> Vec<Vec<LatLon>> {
    let mut out = vec![Vec::new()];
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            let a = points[i - 1];
            let d = p.lon - a.lon;
            if d.abs() > 180.0 {
                // Unwrap b next to a, find where it reaches ±180.
                let b_lon = if d > 0.0 {
                    p.lon - 360.0
                } else {
                    p.lon + 360.0
                };
                let edge = if b_lon > a.lon { 180.0 } else { -180.0 };
                let t = (edge - a.lon) / (b_lon - a.lon);
                let lat = a.lat + t * (p.lat - a.lat);
                if let Some(last) = out.last_mut() {
                    last.push(LatLon { lat, lon: edge });
                }
                out.push(vec![LatLon { lat, lon: -edge }]);
            }
        }
        if let Some(last) = out.last_mut() {
            last.push(*p);
        }
    }
    out.retain(|l| l.len() >= 2);
    out
}

fn time(props: &mut JsonObject, t: &Option<TimeRange>) {
    if let Some(t) = t {
        props.insert("time_start".into(), JsonValue::from(t.start.clone()));
        props.insert("time_end".into(), JsonValue::from(t.end.clone()));
        let source = if t.estimated { "estimate" } else { "story" };
        props.insert("time_source".into(), JsonValue::from(source));
    }
}

fn feature(geometry: Geometry, props: JsonObject) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(geometry),
        id: None,
        properties: Some(props),
        foreign_members: None,
    }
}

/// The route as an RFC 7946 FeatureCollection (pretty-printed JSON text, ending in a newline).
pub fn geojson(route: &ExportRoute) -> String {
    let mut features = Vec::new();
    for (i, leg) in route.legs.iter().enumerate() {
        let parts = split_antimeridian(&leg.points);
        let geometry = match parts.as_slice() {
            [one] => Geometry::new_line_string(one.iter().map(|p| pos(*p))),
            many => Geometry::new_multi_line_string(
                many.iter()
                    .map(|l| l.iter().map(|p| pos(*p)).collect::<Vec<_>>()),
            ),
        };
        let mut props = JsonObject::new();
        props.insert("feature".into(), "leg".into());
        props.insert("leg".into(), JsonValue::from(i + 1));
        props.insert("mode".into(), leg.mode.as_str().into());
        props.insert(
            "length_km".into(),
            JsonValue::from(round(leg.length.as_km(), 3)),
        );
        props.insert(
            "km_from".into(),
            JsonValue::from(round(leg.km_from.as_km(), 3)),
        );
        props.insert("km_to".into(), JsonValue::from(round(leg.km_to.as_km(), 3)));
        props.insert("schematic".into(), JsonValue::from(leg.schematic));
        if leg.track_unknown {
            // The geometry is a straight line and the length a lower bound, not a measure.
            props.insert("estimate".into(), JsonValue::from(true));
            props.insert("track".into(), JsonValue::from("unknown"));
        }
        time(&mut props, &leg.time_range);
        features.push(feature(geometry, props));
    }
    for w in &route.waypoints {
        let mut props = JsonObject::new();
        props.insert("feature".into(), "waypoint".into());
        props.insert("name".into(), JsonValue::from(w.name.clone()));
        props.insert("kind".into(), JsonValue::from(w.kind.clone()));
        props.insert(
            "km_from_start".into(),
            JsonValue::from(round(w.km_from_start.as_km(), 3)),
        );
        props.insert("km_at_least".into(), JsonValue::from(w.km_at_least));
        time(&mut props, &w.time_range);
        features.push(feature(Geometry::new_point(pos(w.at)), props));
    }
    for c in &route.crossings {
        let mut props = JsonObject::new();
        props.insert("feature".into(), "crossing".into());
        props.insert("name".into(), JsonValue::from(c.name.clone()));
        props.insert("kind".into(), JsonValue::from(c.kind.clone()));
        props.insert(
            "km_from_start".into(),
            JsonValue::from(round(c.km_from_start.as_km(), 3)),
        );
        features.push(feature(Geometry::new_point(pos(c.at)), props));
    }
    let fc = FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    };
    let mut s = serde_json::to_string_pretty(&fc).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::export::{ExportCrossing, ExportLeg, ExportWaypoint, LegMode};
    use crate::units::Length;

    pub(crate) fn sample() -> ExportRoute {
        let a = LatLon {
            lat: 39.03385,
            lon: 125.75432,
        };
        let b = LatLon {
            lat: 42.42387,
            lon: 130.65156,
        };
        ExportRoute {
            name: "Test <route> & co".into(),
            legs: vec![
                ExportLeg {
                    mode: LegMode::Rail,
                    points: vec![a, b],
                    length: Length::km(812.25),
                    km_from: Length::ZERO,
                    km_to: Length::km(812.25),
                    schematic: true,
                    track_unknown: false,
                    time_range: None,
                },
                ExportLeg {
                    mode: LegMode::Air,
                    points: vec![
                        LatLon {
                            lat: -18.1,
                            lon: 178.4,
                        },
                        LatLon {
                            lat: -13.8,
                            lon: -171.8,
                        },
                    ],
                    length: Length::km(1100.0),
                    km_from: Length::km(812.25),
                    km_to: Length::km(1912.25),
                    schematic: false,
                    track_unknown: false,
                    time_range: Some(TimeRange {
                        start: "2023-09-12T06:00+10:00".into(),
                        end: "2023-09-12T09:00+13:00".into(),
                        estimated: false,
                    }),
                },
            ],
            waypoints: vec![ExportWaypoint {
                name: "Pyongyang".into(),
                kind: "origin".into(),
                at: a,
                km_from_start: Length::ZERO,
                km_at_least: false,
                time_range: None,
            }],
            crossings: vec![ExportCrossing {
                name: "Tumen River".into(),
                kind: "border".into(),
                at: b,
                km_from_start: Length::km(811.0),
            }],
        }
    }

    /// Checks the RFC 7946 rules that apply to what we write.
    fn check_rfc7946(v: &serde_json::Value) {
        assert_eq!(v["type"], "FeatureCollection");
        assert!(v.get("crs").is_none(), "§4: no crs member");
        fn positions(g: &serde_json::Value, out: &mut Vec<(f64, f64)>) {
            match g {
                serde_json::Value::Array(a) if a.first().is_some_and(|x| x.is_number()) => {
                    out.push((a[0].as_f64().unwrap(), a[1].as_f64().unwrap()));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| positions(x, out)),
                _ => {}
            }
        }
        for f in v["features"].as_array().unwrap() {
            assert_eq!(f["type"], "Feature");
            let g = &f["geometry"];
            let mut pts = Vec::new();
            positions(&g["coordinates"], &mut pts);
            for (lon, lat) in &pts {
                assert!(
                    (-180.0..=180.0).contains(lon) && (-90.0..=90.0).contains(lat),
                    "§3.1.1 lon, lat order and range"
                );
                assert_eq!(*lon, round(*lon, 6), "6 decimals");
            }
            if g["type"] == "LineString" {
                assert!(pts.len() >= 2, "§3.1.4");
                assert!(
                    pts.windows(2).all(|w| (w[1].0 - w[0].0).abs() <= 180.0),
                    "§3.1.9 antimeridian split"
                );
            }
            if g["type"] == "MultiLineString" {
                for line in g["coordinates"].as_array().unwrap() {
                    let mut l = Vec::new();
                    positions(line, &mut l);
                    assert!(
                        l.windows(2).all(|w| (w[1].0 - w[0].0).abs() <= 180.0),
                        "§3.1.9 antimeridian split"
                    );
                }
            }
            assert!(
                !matches!(g["type"].as_str(), Some("Polygon" | "MultiPolygon")),
                "no polygons written"
            );
        }
    }

    #[test]
    fn valid_rfc7946_and_deterministic() {
        let s = geojson(&sample());
        assert_eq!(s, geojson(&sample()));
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        check_rfc7946(&v);
        // It also parses with the geojson crate.
        assert!(s.parse::<geojson::GeoJson>().is_ok());
        let leg = &v["features"][0];
        assert_eq!(leg["properties"]["mode"], "rail");
        assert_eq!(leg["properties"]["length_km"], 812.25);
        assert_eq!(leg["geometry"]["coordinates"][0][0], 125.75432);
        assert_eq!(v["features"][1]["geometry"]["type"], "MultiLineString");
        assert_eq!(
            v["features"][1]["properties"]["time_start"],
            "2023-09-12T06:00+10:00"
        );
    }

    #[test]
    fn golden() {
        let s = geojson(&sample());
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/golden/export_sample.geojson"
        );
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(path, &s).unwrap();
        }
        let golden = std::fs::read_to_string(path).unwrap();
        assert_eq!(
            s, golden,
            "GeoJSON changed; if intended, regenerate tests/golden/export_sample.geojson"
        );
    }

    #[test]
    fn splits_at_the_antimeridian() {
        let parts = split_antimeridian(&[
            LatLon {
                lat: 0.0,
                lon: 179.0,
            },
            LatLon {
                lat: 2.0,
                lon: -179.0,
            },
        ]);
        assert_eq!(parts.len(), 2);
        assert_eq!(
            parts[0][1],
            LatLon {
                lat: 1.0,
                lon: 180.0
            }
        );
        assert_eq!(
            parts[1][0],
            LatLon {
                lat: 1.0,
                lon: -180.0
            }
        );
    }
}
