//! Rail routing benchmarks (divan). Run with `cargo bench --bench route`.
//!
//! - loading the bundled line tables and building the network (start-up cost);
//! - a route query through the default story's five waypoints on the bundled lines;
//! - building a network from a 100,000-segment GeoJSON grid and routing corner to corner on it.

use std::sync::LazyLock;

use routecheck::coord::LatLon;
use routecheck::network::{RailNetwork, Waypoint, bundled_tables};

fn main() {
    divan::main();
}

#[divan::bench]
fn load_bundled_tables() -> RailNetwork {
    RailNetwork::from_tables(&bundled_tables().expect("bundled tables"))
}

#[divan::bench]
fn route_default_story(bencher: divan::Bencher) {
    let net = RailNetwork::from_tables(&bundled_tables().expect("bundled tables"));
    let stops = [
        "Pyongyang",
        "Tumangang",
        "Khasan",
        "Baranovsky",
        "Vladivostok",
    ]
    .map(Waypoint::named);
    bencher.bench(|| net.route(divan::black_box(&stops)).expect("route"));
}

/// A grid of 100 east–west and 100 north–south lines, 500 segments each (100,000 segments),
/// 0.001° between vertices, crossing every fifth vertex (10,000 junctions).
static GRID: LazyLock<String> = LazyLock::new(|| {
    let mut lines = Vec::new();
    let coord = |lat: f64, lon: f64| format!("[{lon:.6},{lat:.6}]");
    for r in 0..100 {
        let lat = 42.0 + r as f64 * 0.005;
        let pts: Vec<String> = (0..=500)
            .map(|c| coord(lat, 130.0 + c as f64 * 0.001))
            .collect();
        lines.push(pts.join(","));
    }
    for k in 0..100 {
        let lon = 130.0 + k as f64 * 0.005;
        let pts: Vec<String> = (0..=500)
            .map(|s| coord(42.0 + s as f64 * 0.001, lon))
            .collect();
        lines.push(pts.join(","));
    }
    let feats: Vec<String> = lines
        .iter()
        .map(|c| format!(r#"{{"type":"Feature","properties":{{}},"geometry":{{"type":"LineString","coordinates":[{c}]}}}}"#))
        .collect();
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        feats.join(",")
    )
});

#[divan::bench(sample_count = 10)]
fn geojson_build_100k_segments(bencher: divan::Bencher) {
    let text = GRID.as_str();
    bencher.bench(|| RailNetwork::from_geojson(divan::black_box(text)).expect("grid"));
}

#[divan::bench(sample_count = 20)]
fn geojson_query_100k_segments(bencher: divan::Bencher) {
    let net = RailNetwork::from_geojson(GRID.as_str()).expect("grid");
    let a = Waypoint::at(
        "SW",
        LatLon {
            lat: 42.0002,
            lon: 130.0003,
        },
    );
    let b = Waypoint::at(
        "NE",
        LatLon {
            lat: 42.4951,
            lon: 130.4948,
        },
    );
    bencher.bench(|| {
        net.route(divan::black_box(&[a.clone(), b.clone()]))
            .expect("route")
    });
}
