//! Every JSON output against its JSON Schema in docs/schema/: real output of each command must
//! validate, and output broken on purpose must not (so that a schema that accepts anything
//! fails here).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn routecheck(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("routecheck").unwrap();
    c.env_clear().current_dir(dir);
    c
}

/// The JSON a command prints (exit code 0 or 1).
fn run(args: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = routecheck(dir.path()).args(args).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn validator(name: &str) -> jsonschema::Validator {
    let path = root().join("docs/schema").join(name);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The schema's complaints about `v`, one per line.
fn errors(schema: &jsonschema::Validator, v: &Value) -> String {
    schema
        .iter_errors(v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_valid(schema: &jsonschema::Validator, v: &Value, what: &str) {
    let e = errors(schema, v);
    assert!(e.is_empty(), "{what}:\n{e}");
}

/// `check --format json` on the default story, the wrong-figures story (likely sources of
/// every kind) and the bounded rail story.
#[test]
fn check_json_matches_its_schema() {
    let schema = validator("claims.schema.json");
    for story in [
        "data/stories/kim-jong-un-train-2023-09.toml",
        "tests/stories/wrong-figures.toml",
        "tests/stories/train-times-world-2013.toml",
        "tests/stories/airports-moscow-petersburg.toml",
    ] {
        let path = root().join(story);
        let v = run(&[
            "check",
            "--no-map",
            "--format",
            "json",
            path.to_str().unwrap(),
        ]);
        assert_eq!(v["schema"], "routecheck.claims/2");
        assert_valid(&schema, &v, story);
        if story.contains("wrong-figures") {
            let causes: Vec<&Value> = v["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| &c["likely_source"]["cause"])
                .collect();
            assert!(causes.iter().any(|c| *c == "time_zone_slip"), "{causes:?}");
            // Broken on purpose: an unknown verdict, a missing field, a span without lo.
            let mut bad = v.clone();
            bad["claims"][0]["verdict"] = "wrong".into();
            assert!(!errors(&schema, &bad).is_empty());
            let mut bad = v.clone();
            bad["claims"][0]
                .as_object_mut()
                .unwrap()
                .remove("likely_source");
            assert!(!errors(&schema, &bad).is_empty());
            let mut bad = v.clone();
            bad["claims"][0]["likely_source"]["figure"] = serde_json::json!({ "hi": 1.0 });
            assert!(!errors(&schema, &bad).is_empty());
        }
    }
}

/// Issue 18: `locate --json` has a schema id, and every geometry is RFC 7946 ([lon, lat]): a
/// town a Point, a river a LineString or MultiLineString; `--format geojson` is a
/// FeatureCollection.
#[test]
fn regression_issue_18_locate_json_and_geojson() {
    let v = run(&["locate", "Khasan", "Razdolnaya River", "--json"]);
    assert_valid(&validator("locate.schema.json"), &v, "locate --json");
    assert_eq!(v["schema"], "routecheck.locate/1");
    let khasan = &v["results"][0]["place"]["geometry"];
    assert_eq!(khasan["type"], "Point", "{khasan}");
    // Khasan is at 42.42° N, 130.65° E: longitude first.
    assert!((khasan["coordinates"][0].as_f64().unwrap() - 130.65).abs() < 0.05);
    assert!((khasan["coordinates"][1].as_f64().unwrap() - 42.42).abs() < 0.05);
    let river = &v["results"][1]["place"]["geometry"]["type"];
    assert!(
        *river == "LineString" || *river == "MultiLineString",
        "{river}"
    );
    let g = run(&[
        "locate",
        "Khasan",
        "Razdolnaya River",
        "--format",
        "geojson",
    ]);
    let schema = validator("locate-geojson.schema.json");
    assert_valid(&schema, &g, "locate --format geojson");
    assert_eq!(g["features"].as_array().unwrap().len(), 2);
    assert_eq!(g["features"][1]["properties"]["kind"], "river");
    // The old shape, {"lat", "lon"} as coordinates, is refused.
    let mut bad = g.clone();
    bad["features"][0]["geometry"]["coordinates"] =
        serde_json::json!({ "lat": 42.4, "lon": 130.6 });
    assert!(!errors(&schema, &bad).is_empty());
}

/// Issue 18: `near --json` names its units (`distance_m`, `azimuth_deg`) and gives GeoJSON
/// Points; `--format geojson` is a FeatureCollection, nearest first.
#[test]
fn regression_issue_18_near_json_and_geojson() {
    let v = run(&["near", "42.43,130.64", "-n", "3", "--json"]);
    assert_valid(&validator("near.schema.json"), &v, "near --json");
    let first = &v["nearest"][0];
    assert!(first["distance_m"].as_f64().unwrap() < 1_000.0, "{first}");
    assert!(first.get("distance").is_none(), "{first}");
    let g = run(&["near", "42.43,130.64", "-n", "3", "--format", "geojson"]);
    assert_valid(
        &validator("near-geojson.schema.json"),
        &g,
        "near --format geojson",
    );
    let d: Vec<f64> = g["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["distance_m"].as_f64().unwrap())
        .collect();
    assert!(d.len() == 3 && d.windows(2).all(|w| w[0] <= w[1]), "{d:?}");
}

/// Issue 18: `route --json` is an object with a schema id, its legs' geometry GeoJSON, and its
/// times plain RFC 3339 (no "[Asia/Pyongyang]" suffix) with the zone's name apart.
#[test]
fn regression_issue_18_route_json() {
    let v = run(&[
        "route",
        "Pyongyang",
        "Tumangang",
        "Khasan",
        "--speed",
        "40-60km/h",
        "--depart",
        "2023-09-10 18:00",
        "--tz",
        "Asia/Pyongyang",
        "--json",
        "--no-map",
    ]);
    assert_valid(&validator("route.schema.json"), &v, "route --json");
    assert_eq!(v["schema"], "routecheck.route/1");
    assert_eq!(v["legs"][0]["geometry"]["type"], "LineString");
    assert_eq!(v["time_zone"], "Asia/Pyongyang");
    assert_eq!(v["depart"], "2023-09-10T18:00:00+09:00");
    for t in v["arrivals"].as_array().unwrap() {
        let s = t["earliest"].as_str().unwrap();
        assert!(!s.contains('[') && s.ends_with("+09:00"), "{s}");
    }
    assert!(v["crossings"][0]["geometry"]["type"] == "Point", "{v}");
}

/// `distance --json` names its schema and its units.
#[test]
fn distance_json_matches_its_schema() {
    let v = run(&["distance", "Pyongyang", "Vladivostok", "--json"]);
    assert_valid(&validator("distance.schema.json"), &v, "distance --json");
    assert_eq!(v["schema"], "routecheck.distance/1");
}
