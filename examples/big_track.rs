//! Times a 1,000,000-point GPS track end to end: write it as GeoJSON, read it back with
//! `render::track::read`, render SVG and PNG, and report sizes.
//!
//!     cargo run --release --example big_track

use std::time::Instant;

use routecheck::coord::LatLon;
use routecheck::render::{self, LegMode, MapOptions, MapScene, SceneLeg};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Synthetic track along GeoNames positions of Pyongyang, Chongjin, Khasan and Vladivostok.
    let stops = [
        (39.03385, 125.75432),
        (41.79556, 129.77583),
        (42.42387, 130.65156),
        (43.10562, 131.87353),
    ];
    let per = 1_000_000 / (stops.len() - 1);
    let mut coords = Vec::with_capacity(1_000_000);
    for w in stops.windows(2) {
        for i in 0..per {
            let t = i as f64 / per as f64;
            let wiggle = (i as f64 * 0.37).sin() * 0.0004;
            coords.push(format!(
                "[{:.6},{:.6}]",
                w[0].1 + t * (w[1].1 - w[0].1),
                w[0].0 + t * (w[1].0 - w[0].0) + wiggle
            ));
        }
    }
    let text = format!(
        r#"{{"type":"LineString","coordinates":[{}]}}"#,
        coords.join(",")
    );
    std::fs::create_dir_all("output")?;
    std::fs::write("output/big_track.geojson", &text)?;

    let t0 = Instant::now();
    let text = std::fs::read_to_string("output/big_track.geojson")?;
    let lines = render::track::read(&text)?;
    let t_read = t0.elapsed();
    let n: usize = lines.iter().map(Vec::len).sum();
    let legs = lines
        .into_iter()
        .map(|points| SceneLeg {
            mode: LegMode::Rail,
            points,
            schematic: false,
            track_unknown: false,
            recorded: false,
            label: String::new(),
        })
        .collect();
    let scene = MapScene {
        title: "1,000,000-point track".into(),
        legs,
        ..Default::default()
    };
    let t1 = Instant::now();
    let svg = render::svg(&scene, &MapOptions::default())?;
    let t_svg = t1.elapsed();
    let t2 = Instant::now();
    let png = render::png::rasterise(&svg)?;
    let t_png = t2.elapsed();
    std::fs::write("output/big_track.svg", &svg)?;
    std::fs::write("output/big_track.png", &png)?;
    let _ = LatLon { lat: 0.0, lon: 0.0 };
    println!(
        "{n} points: read {t_read:?}, svg {t_svg:?} ({} bytes), png from the svg {t_png:?}; total {:?}",
        svg.len(),
        t0.elapsed()
    );
    Ok(())
}
