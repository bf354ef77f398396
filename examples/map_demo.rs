//! Renders two demo maps to `output/`: the September 2023 Pyongyang → Vladivostok train trip and
//! a Warsaw → Lviv → Kyiv straight-line route, each as SVG, PNG (1600 × 1000) and GeoJSON.
//!
//! Place coordinates are GeoNames cities500 rows (CC BY 4.0; the id is in each comment). The
//! river and border crossings are not typed in: they are computed where the route meets the
//! bundled basemap's border and river lines.
//!
//!     cargo run --release --example map_demo
//!
//! With `--quick`, only the first map's SVG, PNG and GeoJSON are written (to time the whole
//! process for the default map).

use routecheck::coord::LatLon;
use routecheck::export::{self, ExportCrossing, ExportLeg, ExportRoute, ExportWaypoint};
use routecheck::geodata::basemap::{self, GeoRect, Layer, Level};
use routecheck::geodesy;
use routecheck::render::{
    self, AreaKind, AreaLabel, CrossingKind, LegMode, LineKind, MapOptions, MapScene, NamedLine,
    SceneCrossing, SceneLeg, ScenePoint, WaypointKind,
};
use routecheck::units::Length;

fn ll(lat: f64, lon: f64) -> LatLon {
    LatLon { lat, lon }
}

/// First crossing of the route with any line of `layer` near `near`: (point, km from start, the line).
fn crossing(
    route: &[LatLon],
    layer: Layer,
    near: LatLon,
    within_km: f64,
) -> Option<(LatLon, Length, Vec<LatLon>)> {
    let r = GeoRect {
        west: near.lon - 1.0,
        east: near.lon + 1.0,
        south: near.lat - 1.0,
        north: near.lat + 1.0,
    };
    let parts = basemap::read(basemap::bytes(layer, Level::Fine)?, r).ok()?;
    let mut run = Length::ZERO;
    for w in route.windows(2) {
        for part in &parts {
            for s in part.points.windows(2) {
                if let Some(t) = seg_x(w[0], w[1], s[0], s[1]) {
                    let p = ll(
                        w[0].lat + t * (w[1].lat - w[0].lat),
                        w[0].lon + t * (w[1].lon - w[0].lon),
                    );
                    if geodesy::distance(p, near).as_km() < within_km {
                        let line = part.points.iter().map(|q| ll(q[1], q[0])).collect();
                        return Some((p, run + geodesy::distance(w[0], p), line));
                    }
                }
            }
        }
        run = run + geodesy::distance(w[0], w[1]);
    }
    None
}

/// Parameter along a–b where it crosses c–d (lon/lat as planar: fine at this scale).
fn seg_x(a: LatLon, b: LatLon, c: [f64; 2], d: [f64; 2]) -> Option<f64> {
    let (rx, ry, sx, sy) = (b.lon - a.lon, b.lat - a.lat, d[0] - c[0], d[1] - c[1]);
    let den = rx * sy - ry * sx;
    if den.abs() < 1e-15 {
        return None;
    }
    let t = ((c[0] - a.lon) * sy - (c[1] - a.lat) * sx) / den;
    let u = ((c[0] - a.lon) * ry - (c[1] - a.lat) * rx) / den;
    ((0.0..=1.0).contains(&t) && (0.0..=1.0).contains(&u)).then_some(t)
}

fn write(
    name: &str,
    scene: &MapScene,
    route: &ExportRoute,
) -> Result<(), Box<dyn std::error::Error>> {
    write_with(name, scene, route, MapOptions::default())
}

fn write_with(
    name: &str,
    scene: &MapScene,
    route: &ExportRoute,
    opt: MapOptions,
) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all("output")?;
    let svg = render::svg(scene, &opt)?;
    std::fs::write(format!("output/{name}.png"), render::png::rasterise(&svg)?)?;
    std::fs::write(format!("output/{name}.svg"), svg)?;
    std::fs::write(format!("output/{name}.geojson"), export::geojson(route))?;
    if std::env::args().any(|a| a == "--quick") {
        return Ok(());
    }
    std::fs::write(format!("output/{name}.gpx"), export::gpx(route))?;
    std::fs::write(format!("output/{name}.kml"), export::kml(route))?;
    let dark = MapOptions {
        theme: render::Theme::Dark,
        ..opt
    };
    std::fs::write(
        format!("output/{name}-dark.png"),
        render::png(scene, &dark)?,
    )?;
    println!("wrote output/{name}.{{svg,png,geojson,gpx,kml}} and output/{name}-dark.png");
    Ok(())
}

/// Builds the scene and the export model from named stops (in order) and their kinds.
fn build(
    title: &str,
    subtitle: &str,
    mode: LegMode,
    stops: &[(&str, LatLon, WaypointKind)],
    legs: &[(usize, usize)],
) -> (MapScene, ExportRoute) {
    let mut scene = MapScene {
        title: title.into(),
        subtitle: subtitle.into(),
        ..Default::default()
    };
    scene
        .attribution
        .push("Places: GeoNames (CC BY 4.0)".into());
    let mut route = ExportRoute {
        name: title.into(),
        ..Default::default()
    };
    let mut km = Length::ZERO;
    let mut at_km = vec![Length::ZERO; stops.len()];
    for &(a, b) in legs {
        let pts: Vec<LatLon> = stops[a..=b].iter().map(|s| s.1).collect();
        let pts = if matches!(mode, LegMode::Direct | LegMode::Air) {
            geodesy::densify(pts[0], pts[pts.len() - 1], Length::km(10.0))
        } else {
            pts
        };
        let len = geodesy::path_length(&stops[a..=b].iter().map(|s| s.1).collect::<Vec<_>>());
        for i in a..=b {
            at_km[i] =
                km + geodesy::path_length(&stops[a..=i].iter().map(|s| s.1).collect::<Vec<_>>());
        }
        route.legs.push(ExportLeg {
            mode,
            points: pts.clone(),
            length: len,
            km_from: km,
            km_to: km + len,
            schematic: mode == LegMode::Rail,
            track_unknown: false,
            time_range: None,
        });
        scene.legs.push(SceneLeg {
            mode,
            points: pts,
            schematic: mode == LegMode::Rail,
            track_unknown: false,
            recorded: false,
            label: String::new(),
        });
        km = km + len;
    }
    for (i, (name, at, kind)) in stops.iter().enumerate() {
        if *kind == WaypointKind::Via {
            scene.waypoints.push(ScenePoint {
                name: name.to_string(),
                kind: *kind,
                at: *at,
                km_from_start: None,
                km_at_least: false,
            });
        } else {
            scene.waypoints.push(ScenePoint {
                name: name.to_string(),
                kind: *kind,
                at: *at,
                km_from_start: Some(at_km[i]),
                km_at_least: false,
            });
        }
        route.waypoints.push(ExportWaypoint {
            name: name.to_string(),
            kind: format!("{kind:?}").to_lowercase(),
            at: *at,
            km_from_start: at_km[i],
            km_at_least: false,
            time_range: None,
        });
    }
    (scene, route)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    use WaypointKind::*;
    let stops = [
        ("Pyongyang", ll(39.03385, 125.75432), Origin), // GeoNames 1871859
        ("Kowon", ll(39.43806, 127.24306), Via),        // 1875588
        ("Hamhung", ll(39.91833, 127.53639), Stop),     // 1877449
        ("Kimchaek", ll(40.66889, 129.18972), Via),     // 2043478
        ("Kilju", ll(40.96417, 129.32778), Via),        // 2043484
        ("Chongjin", ll(41.79556, 129.77583), Stop),    // 2044757
        ("Rajin", ll(42.25559, 130.28308), Via),        // 2042645
        ("Ungsang", ll(42.35146, 130.48817), Via),      // 12084881
        ("Khasan", ll(42.42387, 130.65156), Stop),      // 2022586
        ("Kraskino", ll(42.71071, 130.78126), Via),     // 2021644
        ("Razdolnoye", ll(43.53894, 131.89691), Via),   // 2017478
        ("Ussuriysk", ll(43.80291, 131.94578), Stop),   // 2014006
        ("Vladivostok", ll(43.10562, 131.87353), Destination), // 2013348
    ];
    let (mut scene, mut route) = build(
        "Kim Jong Un's train to Russia, September 2023",
        "Pyongyang → Khasan → Ussuriysk → Vladivostok (demo: rail legs drawn through the stations)",
        LegMode::Rail,
        &stops,
        &[(0, 8), (8, 11), (11, 12)],
    );
    let all: Vec<LatLon> = route.legs.iter().flat_map(|l| l.points.clone()).collect();
    if let Some((p, km, line)) = crossing(&all, Layer::Borders, stops[8].1, 15.0) {
        scene.crossings.push(SceneCrossing {
            name: "Tumen River (border)".into(),
            kind: CrossingKind::Border,
            at: p,
            km,
        });
        route.crossings.push(ExportCrossing {
            name: "Tumen River (border)".into(),
            kind: "border".into(),
            at: p,
            km_from_start: km,
        });
        scene.named_lines.push(NamedLine {
            name: "Tumen River".into(),
            kind: LineKind::River,
            lines: vec![line],
        });
    }
    if let Some((p, km, line)) = crossing(&all, Layer::Rivers, stops[10].1, 25.0) {
        scene.crossings.push(SceneCrossing {
            name: "Razdolnaya River".into(),
            kind: CrossingKind::River,
            at: p,
            km,
        });
        route.crossings.push(ExportCrossing {
            name: "Razdolnaya River".into(),
            kind: "river".into(),
            at: p,
            km_from_start: km,
        });
        scene.named_lines.push(NamedLine {
            name: "Razdolnaya".into(),
            kind: LineKind::River,
            lines: vec![line],
        });
    }
    // Sea label: a point in open water east of the Korean coast (checked against the land layer by eye).
    scene.area_labels.push(AreaLabel {
        name: "Sea of Japan (East Sea)".into(),
        kind: AreaKind::Sea,
        at: ll(40.8, 131.3),
    });
    write("pyongyang-vladivostok", &scene, &route)?;
    if std::env::args().any(|a| a == "--quick") {
        return Ok(());
    }
    // The same trip, zoomed on the border and Primorye with an explicit extent.
    let zoom = MapOptions {
        extent: Some((ll(42.15, 130.2), ll(43.95, 132.35))),
        ..MapOptions::default()
    };
    write_with("pyongyang-vladivostok-zoom", &scene, &route, zoom)?;
    let small = MapOptions {
        width_px: 800,
        height_px: 560,
        ..MapOptions::default()
    };
    write_with("pyongyang-vladivostok-small", &scene, &route, small)?;

    let stops = [
        ("Warsaw", ll(52.22977, 21.01178), Origin), // GeoNames 756135
        ("Lviv", ll(49.83826, 24.02324), Stop),     // 702550
        ("Kyiv", ll(50.45466, 30.5238), Destination), // 703448
    ];
    let (scene, route) = build(
        "Warsaw → Lviv → Kyiv",
        "Straight (geodesic) lines between the cities",
        LegMode::Direct,
        &stops,
        &[(0, 1), (1, 2)],
    );
    write("warsaw-kyiv", &scene, &route)?;

    // Across the antimeridian: Nadi → Suva → Apia by air (geodesic arcs).
    let stops = [
        ("Nadi", ll(-17.80309, 177.41617), Origin), // GeoNames 2202064
        ("Suva", ll(-18.13683, 178.42531), Stop),   // 2198148
        ("Apia", ll(-13.83333, -171.76666), Destination), // 4035413
    ];
    let (scene, route) = build(
        "Nadi → Suva → Apia",
        "Flights across the 180th meridian (geodesic arcs)",
        LegMode::Air,
        &stops,
        &[(0, 1), (1, 2)],
    );
    write("fiji-samoa", &scene, &route)?;
    Ok(())
}
