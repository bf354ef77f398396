//! Render and export benchmarks (divan). Run with `cargo bench --bench render`.
//!
//! - `default_svg` / `default_png` / `default_geojson`: the Pyongyang → Vladivostok demo map at
//!   1600 × 1000 (GeoNames coordinates, rail legs through the stations).
//! - `default_rasterise`: the SVG → PNG step alone, on that map's SVG.
//! - `labels_rasterise` / `labels_rasterise_by_usvg`: the SVG → PNG step on 1600 × 1000 with
//!   120 haloed labels, drawn straight onto the raster / the same labels written so that the
//!   rasteriser leaves them to usvg (a font-family list), for the difference the first makes.
//! - `track_1m_svg`: the same map with a 1,000,000-point synthetic GPS track as its leg.
//! - `track_1m_read`: parsing that track from GeoJSON text.

use routecheck::coord::LatLon;
use routecheck::export::{self, ExportLeg, ExportRoute};
use routecheck::geodesy;
use routecheck::render::{self, LegMode, MapOptions, MapScene, SceneLeg, ScenePoint, WaypointKind};
use routecheck::units::Length;

fn main() {
    divan::main();
}

/// GeoNames cities500 rows (ids in examples/map_demo.rs).
const STOPS: [(&str, f64, f64); 6] = [
    ("Pyongyang", 39.03385, 125.75432),
    ("Hamhung", 39.91833, 127.53639),
    ("Chongjin", 41.79556, 129.77583),
    ("Khasan", 42.42387, 130.65156),
    ("Ussuriysk", 43.80291, 131.94578),
    ("Vladivostok", 43.10562, 131.87353),
];

fn stops() -> Vec<LatLon> {
    STOPS
        .iter()
        .map(|s| LatLon { lat: s.1, lon: s.2 })
        .collect()
}

fn scene(points: Vec<LatLon>) -> MapScene {
    let waypoints = STOPS
        .iter()
        .enumerate()
        .map(|(i, s)| ScenePoint {
            name: s.0.into(),
            kind: if i == 0 {
                WaypointKind::Origin
            } else {
                WaypointKind::Stop
            },
            at: LatLon { lat: s.1, lon: s.2 },
            km_from_start: None,
            km_at_least: false,
        })
        .collect();
    MapScene {
        title: "Pyongyang to Vladivostok".into(),
        legs: vec![SceneLeg {
            mode: LegMode::Rail,
            points,
            schematic: true,
            track_unknown: false,
            recorded: false,
            label: String::new(),
        }],
        waypoints,
        ..Default::default()
    }
}

/// A synthetic 1,000,000-point track along the stops, with a few metres of wiggle.
pub fn big_track() -> Vec<LatLon> {
    let s = stops();
    let per = 1_000_000 / (s.len() - 1);
    let mut out = Vec::with_capacity(1_000_000);
    for w in s.windows(2) {
        for i in 0..per {
            let t = i as f64 / per as f64;
            let wiggle = (i as f64 * 0.37).sin() * 0.0004;
            out.push(LatLon {
                lat: w[0].lat + t * (w[1].lat - w[0].lat) + wiggle,
                lon: w[0].lon + t * (w[1].lon - w[0].lon),
            });
        }
    }
    out
}

#[divan::bench(sample_count = 10)]
fn default_svg() -> String {
    render::svg(&scene(stops()), &MapOptions::default()).unwrap()
}

#[divan::bench(sample_count = 5)]
fn default_png() -> Vec<u8> {
    render::png(&scene(stops()), &MapOptions::default()).unwrap()
}

/// Only the SVG → PNG step (parse, the two-band raster, encoding), on the map drawn once.
#[divan::bench(sample_count = 10)]
fn default_rasterise(b: divan::Bencher) {
    let svg = render::svg(&scene(stops()), &MapOptions::default()).unwrap();
    b.bench(|| render::png::rasterise(&svg).unwrap());
}

/// 120 haloed labels (outline then fill, as the map writes them) in a 12 × 10 grid, in the
/// font family `family`.
fn labels_svg(family: &str) -> String {
    let mut svg = String::from(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000" font-family="DejaVu Sans, sans-serif"><rect width="1600" height="1000" fill="#f4f1ea"/>"##,
    );
    svg.push('\n');
    for i in 0..120 {
        let (x, y) = (20 + (i % 12) * 130, 60 + (i / 12) * 95);
        let name = STOPS[i % STOPS.len()].0;
        for paint in [
            r##"fill="none" stroke="#ffffff" stroke-width="3.5" stroke-linejoin="round""##,
            r##"fill="#1d1d1d""##,
        ] {
            svg.push_str(&format!(
                r#"<text x="{x}" y="{y}" text-anchor="start" font-family="{family}" font-size="13" {paint}>{name} km {}</text>"#,
                i * 7
            ));
            svg.push('\n');
        }
    }
    svg.push_str("</svg>\n");
    svg
}

#[divan::bench(sample_count = 10)]
fn labels_rasterise(b: divan::Bencher) {
    let svg = labels_svg("DejaVu Sans");
    b.bench(|| render::png::rasterise(&svg).unwrap());
}

#[divan::bench(sample_count = 10)]
fn labels_rasterise_by_usvg(b: divan::Bencher) {
    let svg = labels_svg("DejaVu Sans, sans-serif");
    b.bench(|| render::png::rasterise(&svg).unwrap());
}

#[divan::bench(sample_count = 10)]
fn default_geojson() -> String {
    let pts = stops();
    let length = geodesy::path_length(&pts);
    let route = ExportRoute {
        name: "demo".into(),
        legs: vec![ExportLeg {
            mode: routecheck::story::Mode::Rail,
            points: pts,
            length,
            km_from: Length::ZERO,
            km_to: length,
            schematic: true,
            track_unknown: false,
            time_range: None,
        }],
        ..Default::default()
    };
    export::geojson(&route)
}

#[divan::bench(sample_count = 3)]
fn track_1m_svg(b: divan::Bencher) {
    let sc = scene(big_track());
    b.bench(|| render::svg(&sc, &MapOptions::default()).unwrap());
}

#[divan::bench(sample_count = 3)]
fn track_1m_read(b: divan::Bencher) {
    let coords: Vec<String> = big_track()
        .iter()
        .map(|p| format!("[{:.6},{:.6}]", p.lon, p.lat))
        .collect();
    let text = format!(
        r#"{{"type":"LineString","coordinates":[{}]}}"#,
        coords.join(",")
    );
    b.bench(|| render::track::read(&text).unwrap());
}
