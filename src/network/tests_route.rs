//! Routing tests: the bundled tables (the default story) and small track networks drawn here.
//!
//! Track networks are drawn as ASCII maps in the manner of OSRM's testbot: each letter is a
//! node, one character is 0.001° of longitude (about 83 m at 42° N) and one row 0.001° of
//! latitude (about 111 m), the top-left corner at 42.01° N 130.00° E; `ways` lists polylines
//! through the letters.

use std::collections::HashMap;

use super::{Error, Measure, RailNetwork, Waypoint};
use crate::coord::LatLon;
use crate::geodesy;
use crate::units::Length;

const STORY: [&str; 5] = [
    "Pyongyang",
    "Tumangang",
    "Khasan",
    "Baranovsky",
    "Vladivostok",
];

fn story() -> Vec<Waypoint> {
    STORY.map(Waypoint::named).to_vec()
}

#[test]
fn default_story_rail_length_is_within_the_published_range() {
    let net = RailNetwork::bundled().unwrap();
    let r = net.route(&story()).unwrap();
    // -19.1 → 781.1 (Pyongra) + 328.2 → 285.6 (Hambuk) + 9.5 (Hongŭi) + 5 (bridge) + 238 + 88.
    assert!(
        (r.length.as_km() - 1183.3).abs() < 0.05,
        "{}",
        r.length.as_km()
    );
    assert!((1165.0..=1205.0).contains(&r.length.as_km()));
    // With the Pyongra Line's other published length (819 km from P'yŏngyang) instead of the km posts.
    let alt = r.length.as_km() - 800.2 + 819.0;
    assert!((1165.0..=1205.0).contains(&alt), "{alt}");
    assert_eq!(r.measure, Measure::Chainage);
    assert!(r.schematic);
    assert_eq!(r.legs.len(), 4);
}

#[test]
fn khasan_baranovsky_leg_is_its_published_238_km() {
    let net = RailNetwork::bundled().unwrap();
    let r = net.route(&story()).unwrap();
    let leg = &r.legs[2];
    assert_eq!(
        (leg.from.as_str(), leg.to.as_str()),
        ("Khasan", "Baranovsky")
    );
    assert!((leg.length.as_km() - 238.0).abs() < 1e-9);
    assert_eq!(leg.lines, vec!["Baranovsky – Khasan line".to_string()]);
    assert_eq!(leg.drawn_points, vec!["Kraskino", "Slavyanka", "Primorsky"]);
}

#[test]
fn the_first_leg_goes_by_rajin_and_lists_its_stations() {
    let net = RailNetwork::bundled().unwrap();
    let r = net.route(&story()).unwrap();
    let names: Vec<&str> = r.legs[0].stations.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.first(), Some(&"P'yŏngyang"));
    assert!(names.contains(&"Rajin") && names.contains(&"Hongŭi"));
    assert_eq!(names.last(), Some(&"Tumangang"));
    let rajin = r.legs[0]
        .stations
        .iter()
        .find(|s| s.name == "Rajin")
        .unwrap();
    assert!((rajin.from_leg_start.as_km() - 800.2).abs() < 1e-6);
}

#[test]
fn drawn_geometry_is_schematic_and_shorter_than_chainage() {
    let net = RailNetwork::bundled().unwrap();
    let r = net.route(&story()).unwrap();
    assert_eq!(
        r.geometry.first(),
        Some(&LatLon {
            lat: 39.004722,
            lon: 125.736389
        })
    );
    assert_eq!(
        r.geometry.last(),
        Some(&LatLon {
            lat: 43.112222,
            lon: 131.882222
        })
    );
    assert!(r.geometry_length < r.length);
    assert!(
        r.geometry_length > Length::km(800.0),
        "{}",
        r.geometry_length
    );
    assert!((r.geometry_length.as_m() - geodesy::path_length(&r.geometry).as_m()).abs() < 1e-6);
}

#[test]
fn names_match_any_spelling_and_positions_snap_to_stations() {
    let net = RailNetwork::bundled().unwrap();
    let a = Waypoint::named("P'yŏngyang");
    // The Friendship Bridge lies between Tumangang and Khasan; by position it snaps to the nearer.
    let bridge = Waypoint::at(
        "Korea–Russia Friendship Bridge",
        LatLon {
            lat: 42.4211,
            lon: 130.6322,
        },
    );
    let r = net.route(&[a, bridge, Waypoint::named("Hasan")]).unwrap();
    let snap = &r.waypoints[1];
    assert!(!snap.by_name);
    assert_eq!(snap.matched, "Khasan");
    assert!(snap.distance < Length::km(2.0), "{}", snap.distance);
    assert_eq!(r.waypoints[2].matched, "Khasan");
    // A "Khasan" nowhere near Khasan is not the station.
    let elsewhere = Waypoint::at(
        "Khasan",
        LatLon {
            lat: 48.8566,
            lon: 2.3522,
        },
    );
    let e = net
        .route(&[Waypoint::named("Pyongyang"), elsewhere])
        .unwrap_err();
    assert!(matches!(e, Error::NoCoverage { .. }), "{e}");
}

#[test]
fn bad_waypoints_give_clear_errors() {
    let net = RailNetwork::bundled().unwrap();
    let paris = Waypoint::at(
        "Paris",
        LatLon {
            lat: 48.8566,
            lon: 2.3522,
        },
    );
    let e = net.route(&[Waypoint::named("Khasan"), paris]).unwrap_err();
    assert!(
        matches!(e, Error::NoCoverage { ref waypoint, .. } if waypoint == "Paris"),
        "{e}"
    );
    let e = net
        .route(&[Waypoint::named("Khasan"), Waypoint::named("Vladivostock")])
        .unwrap_err();
    assert!(
        matches!(e, Error::UnknownStation { ref suggestions, .. } if suggestions[0] == "Vladivostok"),
        "{e}"
    );
    let e = net.route(&[Waypoint::named("Khasan")]).unwrap_err();
    assert!(matches!(e, Error::TooFewWaypoints { given: 1 }));
    let e = net
        .route(&[Waypoint::named("Khasan"), Waypoint::named("Hasan")])
        .unwrap_err();
    assert!(matches!(e, Error::ZeroLength { .. }), "{e}");
}

#[test]
fn unreachable_between_separate_lines() {
    let mut tables = super::bundled_tables().unwrap();
    tables.retain(|t| t.id == "pyongra" || t.id == "transsib_primorye");
    let net = RailNetwork::from_tables(&tables);
    let e = net
        .route(&[Waypoint::named("Pyongyang"), Waypoint::named("Vladivostok")])
        .unwrap_err();
    assert!(matches!(e, Error::Unreachable { .. }), "{e}");
    assert!(
        e.to_string().contains("\"Pyongyang\" to \"Vladivostok\""),
        "{e}"
    );
}

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
