//! A user's rail track (`--rail FILE`): `RailNetwork::from_geojson` on any UTF-8 text, then a
//! route between two fixed points, snapped to the track if it passes near them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use routecheck::coord::LatLon;
use routecheck::network::{RailNetwork, Waypoint};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(net) = RailNetwork::from_geojson(text) else {
        return;
    };
    let a = Waypoint::at(
        "a",
        LatLon {
            lat: 42.0,
            lon: 130.0,
        },
    );
    let b = Waypoint::at(
        "b",
        LatLon {
            lat: 42.0,
            lon: 130.2,
        },
    );
    if let Ok(route) = net.route(&[a, b]) {
        assert!(route.length.as_m().is_finite() && route.length.as_m() >= 0.0);
    }
});
