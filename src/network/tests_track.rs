//! Routing on small track networks drawn as ASCII maps in the manner of OSRM's testbot: each
//! letter is a node, one character is 0.001° of longitude (about 83 m at 42° N) and one row
//! 0.001° of latitude (about 111 m), the top-left corner at 42.01° N 130.00° E; `ways` lists
//! polylines through the letters.

use std::collections::HashMap;

use super::{Error, Measure, RailNetwork, Waypoint};
use crate::coord::LatLon;
use crate::geodesy;
use crate::units::Length;

/// Reads an ASCII map: letter → position.
fn ascii_nodes(map: &str, top_left: LatLon) -> HashMap<char, LatLon> {
    let mut out = HashMap::new();
    for (row, line) in map.lines().enumerate() {
        for (col, c) in line.chars().enumerate() {
            if c.is_ascii_alphabetic() {
                let p = LatLon {
                    lat: top_left.lat - row as f64 * 0.001,
                    lon: top_left.lon + col as f64 * 0.001,
                };
                out.insert(c, p);
            }
        }
    }
    out
}

/// A FeatureCollection of LineStrings through the letters of each way.
fn ways_geojson(nodes: &HashMap<char, LatLon>, ways: &[&str]) -> String {
    let feats: Vec<String> = ways
        .iter()
        .map(|w| {
            let coords: Vec<String> = w.chars().map(|c| format!("[{},{}]", nodes[&c].lon, nodes[&c].lat)).collect();
            format!(r#"{{"type":"Feature","properties":{{}},"geometry":{{"type":"LineString","coordinates":[{}]}}}}"#, coords.join(","))
        })
        .collect();
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        feats.join(",")
    )
}

const MAP: &str = "
a-------b-------c
        |
        d-------e

f---g
";

fn drawn() -> (RailNetwork, HashMap<char, LatLon>) {
    let nodes = ascii_nodes(
        MAP,
        LatLon {
            lat: 42.01,
            lon: 130.0,
        },
    );
    let net = RailNetwork::from_geojson(&ways_geojson(&nodes, &["abc", "bde", "fg"])).unwrap();
    (net, nodes)
}

fn d(a: LatLon, b: LatLon) -> f64 {
    geodesy::distance(a, b).as_m()
}

#[test]
fn track_network_has_nodes_at_ends_and_junctions() {
    let (net, _) = drawn();
    // Ends a, c, e, f, g and the shared vertex b; d is an inner vertex of way b–d–e.
    assert_eq!(net.node_count(), 6);
    assert_eq!(net.edge_count(), 4);
    assert_eq!(net.measure(), Measure::Geometry);
}

#[test]
fn track_route_follows_the_junction_and_measures_on_the_ellipsoid() {
    let (net, n) = drawn();
    let r = net
        .route(&[Waypoint::at("A", n[&'a']), Waypoint::at("E", n[&'e'])])
        .unwrap();
    let want = d(n[&'a'], n[&'b']) + d(n[&'b'], n[&'d']) + d(n[&'d'], n[&'e']);
    assert!(
        (r.length.as_m() - want).abs() < 1e-6,
        "{} vs {want}",
        r.length.as_m()
    );
    assert!(!r.schematic);
    assert_eq!(r.geometry, vec![n[&'a'], n[&'b'], n[&'d'], n[&'e']]);
    assert!((r.geometry_length.as_m() - r.length.as_m()).abs() < 1e-6);
}

#[test]
fn track_waypoints_snap_mid_edge_and_report_the_distance() {
    let (net, n) = drawn();
    // 60 m north of the middle of a–b, and on c.
    let mid = LatLon {
        lat: n[&'a'].lat + 0.00054,
        lon: (n[&'a'].lon + n[&'b'].lon) / 2.0,
    };
    let r = net
        .route(&[Waypoint::at("M", mid), Waypoint::at("C", n[&'c'])])
        .unwrap();
    assert!(
        (r.waypoints[0].distance.as_m() - 60.0).abs() < 1.0,
        "{}",
        r.waypoints[0].distance.as_m()
    );
    let foot = r.waypoints[0].at.unwrap();
    let want = d(foot, n[&'b']) + d(n[&'b'], n[&'c']);
    assert!(
        (r.length.as_m() - want).abs() < 0.01,
        "{} vs {want}",
        r.length.as_m()
    );
    // Two points on the same edge: straight along it, not via a node.
    let q = LatLon {
        lat: n[&'a'].lat,
        lon: n[&'a'].lon + 0.001,
    };
    let r = net
        .route(&[Waypoint::at("M", mid), Waypoint::at("Q", q)])
        .unwrap();
    assert!((r.length.as_m() - d(foot, q)).abs() < 0.01);
}

#[test]
fn track_errors_name_the_waypoint() {
    let (net, n) = drawn();
    let far = LatLon {
        lat: n[&'a'].lat + 0.05,
        lon: n[&'a'].lon,
    };
    let e = net
        .route(&[Waypoint::at("A", n[&'a']), Waypoint::at("Hilltop", far)])
        .unwrap_err();
    match &e {
        Error::NoCoverage {
            waypoint,
            nearest: Some((_, dist)),
            tolerance,
        } => {
            assert_eq!(waypoint, "Hilltop");
            assert!((dist.as_km() - 5.55).abs() < 0.05, "{dist}");
            assert_eq!(*tolerance, RailNetwork::TRACK_TOLERANCE);
        }
        other => panic!("{other}"),
    }
    let e = net
        .route(&[Waypoint::at("A", n[&'a']), Waypoint::at("G", n[&'g'])])
        .unwrap_err();
    assert!(matches!(e, Error::Unreachable { .. }), "{e}");
    let e = net
        .route(&[Waypoint::named("Nowhere"), Waypoint::at("A", n[&'a'])])
        .unwrap_err();
    assert!(matches!(e, Error::UnknownStation { .. }), "{e}");
    // A tighter tolerance refuses what the default accepts.
    let near = LatLon {
        lat: n[&'a'].lat + 0.005,
        lon: n[&'a'].lon,
    };
    assert!(
        net.route(&[Waypoint::at("N", near), Waypoint::at("C", n[&'c'])])
            .is_ok()
    );
    let strict = net.clone().with_tolerance(Length::m(100.0));
    assert!(matches!(
        strict.route(&[Waypoint::at("N", near), Waypoint::at("C", n[&'c'])]),
        Err(Error::NoCoverage { .. })
    ));
}

#[test]
fn bad_geojson_is_refused() {
    assert!(matches!(
        RailNetwork::from_geojson("{"),
        Err(Error::GeoJson(_))
    ));
    let point = r#"{"type":"Point","coordinates":[130.0,42.0]}"#;
    assert!(matches!(
        RailNetwork::from_geojson(point),
        Err(Error::NoTrack)
    ));
    let one = r#"{"type":"LineString","coordinates":[[130.0,42.0],[130.0,42.0]]}"#;
    assert!(matches!(
        RailNetwork::from_geojson(one),
        Err(Error::NoTrack)
    ));
    let bad = r#"{"type":"LineString","coordinates":[[230.0,42.0],[130.0,42.0]]}"#;
    assert!(matches!(
        RailNetwork::from_geojson(bad),
        Err(Error::BadTrackCoordinate { feature: 0, .. })
    ));
}

#[test]
fn track_across_the_antimeridian_and_near_the_pole() {
    let across = r#"{"type":"LineString","coordinates":[[179.9,65.0],[-179.9,65.0]]}"#;
    let net = RailNetwork::from_geojson(across).unwrap();
    let a = Waypoint::at(
        "W",
        LatLon {
            lat: 65.0,
            lon: 179.95,
        },
    );
    let b = Waypoint::at(
        "E",
        LatLon {
            lat: 65.0,
            lon: -179.95,
        },
    );
    let r = net.route(&[a, b]).unwrap();
    let want = d(
        LatLon {
            lat: 65.0,
            lon: 179.95,
        },
        LatLon {
            lat: 65.0,
            lon: -179.95,
        },
    );
    assert!(
        (r.length.as_m() - want).abs() < 5.0,
        "{} vs {want}",
        r.length.as_m()
    );
    assert!(r.geometry.iter().all(|p| (-180.0..=180.0).contains(&p.lon)));
    let polar = r#"{"type":"LineString","coordinates":[[0.0,89.9],[90.0,89.9],[180.0,89.9]]}"#;
    let net = RailNetwork::from_geojson(polar).unwrap();
    let a = Waypoint::at(
        "P",
        LatLon {
            lat: 89.9,
            lon: 0.0,
        },
    );
    let b = Waypoint::at(
        "Q",
        LatLon {
            lat: 89.9,
            lon: 180.0,
        },
    );
    let r = net.route(&[a, b]).unwrap();
    assert!(
        r.length > Length::km(20.0) && r.length < Length::km(40.0),
        "{}",
        r.length
    );
}
