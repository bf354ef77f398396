//! What every rail-network fuzz target checks once a network has been read: routing between
//! two points near the seeds' track gives a finite, non-negative length, or an error.

use routecheck::coord::LatLon;
use routecheck::network::{RailNetwork, Waypoint};

pub fn route_is_sane(net: &RailNetwork) {
    let a = Waypoint::at("a", LatLon { lat: 60.17, lon: 24.94 });
    let b = Waypoint::at("b", LatLon { lat: 60.20, lon: 24.96 });
    if let Ok(route) = net.route(&[a, b]) {
        let m = route.length.as_m();
        assert!(m.is_finite() && m >= 0.0, "route length {m} m");
    }
}
