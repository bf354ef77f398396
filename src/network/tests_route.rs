//! Routing tests on the bundled line tables (the default story). Track networks drawn by the
//! tests themselves are in `tests_track.rs`.

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

#[test]
fn chainage_routes_are_symmetric_and_obey_the_triangle_inequality() {
    let net = RailNetwork::bundled().unwrap();
    let names = net.station_names();
    let len = |a: &str, b: &str| {
        net.route(&[Waypoint::named(a), Waypoint::named(b)])
            .map(|r| r.length.as_m())
    };
    for a in &names {
        for b in &names {
            if a == b {
                continue;
            }
            let ab = len(a, b).unwrap();
            assert!((ab - len(b, a).unwrap()).abs() < 1e-6, "{a} {b}");
            for c in ["Khasan", "Rajin", "Ussuriysk"] {
                if c != *a && c != *b {
                    assert!(
                        ab <= len(a, c).unwrap() + len(c, b).unwrap() + 1e-6,
                        "{a} {b} via {c}"
                    );
                }
            }
        }
    }
}
