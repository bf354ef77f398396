//! Coordinate strings: `"…".parse::<LatLon>()`. What it accepts must be a valid position, and
//! its display must read back to (nearly) the same position.
#![no_main]

use libfuzzer_sys::fuzz_target;
use routecheck::coord::LatLon;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = text.parse::<LatLon>() {
        assert!(LatLon::new(p.lat, p.lon).is_ok(), "{text:?} → {p:?}");
        let shown = p.to_string();
        let back: LatLon = shown.parse().unwrap_or_else(|e| panic!("{shown:?}: {e}"));
        assert!((back.lat - p.lat).abs() <= 1e-4 && (back.lon - p.lon).abs() <= 1e-4);
    }
});
