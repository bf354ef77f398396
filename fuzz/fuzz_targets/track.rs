//! Recorded tracks drawn as legs: `render::track::read` on any UTF-8 text (GeoJSON or GPX).
//! Every point it returns must be a valid position, every line at least two points long.
#![no_main]

use libfuzzer_sys::fuzz_target;
use routecheck::coord::LatLon;
use routecheck::render::track;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(lines) = track::read(text) {
        assert!(!lines.is_empty());
        for line in &lines {
            assert!(line.len() >= 2, "{line:?}");
            for p in line {
                assert!(LatLon::new(p.lat, p.lon).is_ok(), "{p:?}");
            }
        }
    }
});
