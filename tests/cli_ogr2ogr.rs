//! The GeoJSON that `locate`, `near` and `map --out -` print, read by GDAL's ogr2ogr as the
//! README pipes it (issue 18). GDAL is not a build dependency: where `ogr2ogr` is not
//! installed (`apt-get install gdal-bin` on Debian), each test prints a SKIPPED line and
//! passes.

use std::process::Output;

#[path = "common/shell.rs"]
mod shell;
use shell::{installed, shell};

/// True when ogr2ogr (and ogrinfo, from the same package) can be run; else says SKIPPED.
fn gdal(test: &str) -> bool {
    let why = format!("{test}: ogr2ogr not found (apt-get install gdal-bin)");
    installed(&["ogr2ogr", "ogrinfo"], &why)
}

/// The rows GDAL wrote as CSV (`-f CSV /vsistdout/`), by column name.
fn csv_rows(out: &Output, line: &str) -> Vec<std::collections::HashMap<String, String>> {
    assert!(
        out.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn number(row: &std::collections::HashMap<String, String>, column: &str) -> f64 {
    row[column]
        .parse()
        .unwrap_or_else(|e| panic!("{column} = {:?}: {e}", row[column]))
}

/// Issue 18: `locate --format geojson` into ogr2ogr: one feature per name, at its GeoNames
/// position, longitude as X.
#[test]
fn regression_issue_18_locate_geojson_into_ogr2ogr() {
    if !gdal("locate_geojson_into_ogr2ogr") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let line = "routecheck locate Pyongyang Khasan Vladivostok --format geojson \
                | ogr2ogr -f CSV /vsistdout/ /vsistdin/ -lco GEOMETRY=AS_XY";
    let rows = csv_rows(&shell(line, dir.path()), line);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let vladivostok = rows
        .iter()
        .find(|r| r["name"] == "Vladivostok")
        .expect("Vladivostok's row");
    // GeoNames 2013348: 43.1056° N, 131.8735° E.
    assert!(
        (number(vladivostok, "X") - 131.8735).abs() < 1e-4,
        "{vladivostok:?}"
    );
    assert!(
        (number(vladivostok, "Y") - 43.1056).abs() < 1e-4,
        "{vladivostok:?}"
    );
}

/// Issue 18: `near --format geojson` into ogr2ogr: the places asked for, nearest first.
#[test]
fn regression_issue_18_near_geojson_into_ogr2ogr() {
    if !gdal("near_geojson_into_ogr2ogr") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let line = "routecheck near 43.1056,131.8735 -n 4 --format geojson \
                | ogr2ogr -f CSV /vsistdout/ /vsistdin/ -lco GEOMETRY=AS_XY";
    let rows = csv_rows(&shell(line, dir.path()), line);
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[0]["name"], "Vladivostok", "{rows:?}");
    assert!((number(&rows[0], "X") - 131.8735).abs() < 1e-4, "{rows:?}");
    assert!((number(&rows[0], "Y") - 43.1056).abs() < 1e-4, "{rows:?}");
    let distances: Vec<f64> = rows.iter().map(|r| number(r, "distance_m")).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
}

/// Issue 18: `map --format geojson --out -` into ogr2ogr, as CSV and as the README's
/// GeoPackage: every feature arrives, the route's places at their coordinates.
#[test]
fn regression_issue_18_map_geojson_into_ogr2ogr() {
    if !gdal("map_geojson_into_ogr2ogr") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let geojson = shell("routecheck map --format geojson --out -", dir.path());
    assert!(geojson.status.success());
    let v: serde_json::Value = serde_json::from_slice(&geojson.stdout).unwrap();
    let features = v["features"].as_array().unwrap().len();
    assert!(features > 5, "{features} features");

    let line = "routecheck map --format geojson --out - \
                | ogr2ogr -f CSV /vsistdout/ /vsistdin/ -lco GEOMETRY=AS_WKT";
    let rows = csv_rows(&shell(line, dir.path()), line);
    assert_eq!(rows.len(), features);
    assert!(
        rows.iter().any(|r| r["WKT"].starts_with("LINESTRING")),
        "the route's lines: {rows:?}"
    );
    let point = |wkt: &str| -> Option<(f64, f64)> {
        let inner = wkt.strip_prefix("POINT (")?.strip_suffix(')')?;
        let (x, y) = inner.split_once(' ')?;
        Some((x.parse().ok()?, y.parse().ok()?))
    };
    assert!(
        rows.iter()
            .filter_map(|r| point(&r["WKT"]))
            .any(|(x, y)| { (x - 131.8735).abs() < 1e-4 && (y - 43.1056).abs() < 1e-4 }),
        "Vladivostok's point: {rows:?}"
    );

    // The README's line, then GDAL's own count of what the GeoPackage holds.
    let line = "routecheck map --format geojson --out - | ogr2ogr -f GPKG route.gpkg /vsistdin/";
    let out = shell(line, dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = shell("ogrinfo -so -al route.gpkg", dir.path());
    let text = String::from_utf8_lossy(&info.stdout);
    assert!(
        text.contains(&format!("Feature Count: {features}")),
        "{text}"
    );
}
