//! `routecheck::geodesy` against 1,000 answers from GeographicLib itself (the Python port,
//! version 2.1), sampled by `scripts/geodesic_differential.py --sample` from its 100,000-pair
//! differential run: uniform, near-antipodal, antipodal, equatorial, polar, antimeridian,
//! meridional, short, coincident and whole-degree inverse problems, and direct problems
//! (including ones past the antipode).
//!
//! As in geographiclib-rs's own tests, each quantity has its own tolerance.

use routecheck::coord::LatLon;
use routecheck::geodesy::{self, Azimuth};
use routecheck::units::Length;

/// Distance (inverse problem): 10 nm, geographiclib-rs's tolerance against GeodTest.
const S12_TOL_M: f64 = 1e-8;
/// Azimuth (inverse problem), as the displacement it makes at the other end: Δazi (radians)
/// × |m12|, the reduced length: 10 nm. (In degrees, azimuths are ill-conditioned for points
/// micrometres apart and for nearly antipodal ones; see the script.)
const AZI_OFFSET_TOL_M: f64 = 1e-8;
/// Azimuth (inverse problem) in degrees, where it is well-conditioned: points 1 km to
/// 19,000 km apart.
const AZI_TOL_DEG: f64 = 1e-12;
/// Position (direct problem), in degrees of latitude and of longitude scaled by cos(lat):
/// 1e-12° ≈ 0.1 µm. The differential run's largest direct difference is 12 nm.
const POS_TOL_DEG: f64 = 1e-12;

struct Row {
    line: usize,
    op: String,
    kind: String,
    lat1: f64,
    lon1: f64,
    azi1: f64,
    s12: f64,
    lat2: f64,
    lon2: f64,
    azi2: f64,
    m12: f64,
}

fn rows() -> Vec<Row> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/geodesic_reference.tsv"
    );
    let text = std::fs::read_to_string(path).expect("tests/data/geodesic_reference.tsv");
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#'));
    let (_, header) = lines.next().expect("a header");
    assert_eq!(
        header,
        "op\tkind\tlat1\tlon1\tazi1\ts12\tlat2\tlon2\tazi2\tm12"
    );
    lines
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 10, "line {}: {l}", i + 1);
            let n = |k: usize| -> f64 {
                f[k].parse()
                    .unwrap_or_else(|e| panic!("line {}: {}: {e}", i + 1, f[k]))
            };
            Row {
                line: i + 1,
                op: f[0].to_string(),
                kind: f[1].to_string(),
                lat1: n(2),
                lon1: n(3),
                azi1: n(4),
                s12: n(5),
                lat2: n(6),
                lon2: n(7),
                azi2: n(8),
                m12: n(9),
            }
        })
        .collect()
}

/// Smallest difference between two azimuths, in degrees.
fn azi_diff(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

#[test]
fn the_sample_covers_every_kind_of_case() {
    let rows = rows();
    assert_eq!(rows.len(), 1000);
    for kind in [
        "uniform",
        "near-antipodal",
        "antipodal",
        "equatorial",
        "polar",
        "antimeridian",
        "meridional",
        "short",
        "coincident",
        "whole-degrees",
    ] {
        let n = rows
            .iter()
            .filter(|r| r.op == "inv" && r.kind == kind)
            .count();
        assert!(n >= 20, "{kind}: {n} rows");
    }
    assert!(rows.iter().filter(|r| r.op == "dir").count() >= 150);
}

#[test]
fn inverse_matches_geographiclib() {
    let mut worst = [0.0f64; 3];
    let mut failures = Vec::new();
    for r in rows().iter().filter(|r| r.op == "inv") {
        let a = LatLon {
            lat: r.lat1,
            lon: r.lon1,
        };
        let b = LatLon {
            lat: r.lat2,
            lon: r.lon2,
        };
        let inv = geodesy::inverse(a, b);
        let ds = (inv.distance.as_m() - r.s12).abs();
        let d1 = azi_diff(inv.initial.deg(), r.azi1);
        let d2 = azi_diff(inv.final_.deg(), r.azi2);
        let offset = d1.max(d2).to_radians() * r.m12.abs();
        let well_conditioned = (1e3..19e6).contains(&r.s12);
        worst[0] = worst[0].max(ds);
        worst[1] = worst[1].max(offset);
        if well_conditioned {
            worst[2] = worst[2].max(d1.max(d2));
        }
        let ok = ds <= S12_TOL_M
            && offset <= AZI_OFFSET_TOL_M
            && (!well_conditioned || d1.max(d2) <= AZI_TOL_DEG);
        if !ok {
            failures.push(format!(
                "line {} ({}): s12 {} vs {} (Δ {ds:e} m), azi1 Δ {d1:e}°, azi2 Δ {d2:e}°",
                r.line,
                r.kind,
                inv.distance.as_m(),
                r.s12
            ));
        }
    }
    eprintln!(
        "largest differences: s12 {:e} m, azimuth displacement {:e} m, azimuth (1 km to 19,000 km) {:e}°",
        worst[0], worst[1], worst[2]
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn direct_matches_geographiclib() {
    let mut worst = 0.0f64;
    let mut failures = Vec::new();
    for r in rows().iter().filter(|r| r.op == "dir") {
        let a = LatLon {
            lat: r.lat1,
            lon: r.lon1,
        };
        let b = geodesy::direct(a, Azimuth::from_deg(r.azi1), Length::m(r.s12));
        let dlat = (b.lat - r.lat2).abs();
        let dlon = azi_diff(b.lon, r.lon2) * r.lat2.to_radians().cos();
        worst = worst.max(dlat).max(dlon);
        if dlat > POS_TOL_DEG || dlon > POS_TOL_DEG {
            failures.push(format!(
                "line {} ({}): ({}, {}) vs ({}, {}): Δlat {dlat:e}°, Δlon·cos(lat) {dlon:e}°",
                r.line, r.kind, b.lat, b.lon, r.lat2, r.lon2
            ));
        }
    }
    eprintln!("largest position difference: {worst:e}°");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
