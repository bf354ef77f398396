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
        .with_retriever(SchemaFolder)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Resolves a schema's reference to another (`urn:routecheck:schema:claims:2`) to its file in
/// docs/schema/, offline, checking that the file declares that id.
struct SchemaFolder;

impl jsonschema::Retrieve for SchemaFolder {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let id = uri.as_str();
        let name = id
            .strip_prefix("urn:routecheck:schema:")
            .and_then(|rest| rest.rsplit_once(':'))
            .map(|(name, _version)| name)
            .ok_or_else(|| format!("{id}: not a routecheck schema id"))?;
        let path = root()
            .join("docs/schema")
            .join(format!("{name}.schema.json"));
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        if schema["$id"] != id {
            return Err(format!("{} declares {}, not {id}", path.display(), schema["$id"]).into());
        }
        Ok(schema)
    }
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

/// Issue 18: `sources --json` names its schema, and every data set has a path, a description,
/// an origin and a licence.
#[test]
fn regression_issue_18_sources_json_matches_its_schema() {
    let v = run(&["sources", "--json"]);
    let schema = validator("sources.schema.json");
    assert_valid(&schema, &v, "sources --json");
    assert_eq!(v["schema"], "routecheck.sources/1");
    let bundled = v["bundled"].as_array().unwrap();
    assert!(bundled.iter().any(|d| d["path"] == "data/world"), "{v}");
    let mut bad = v.clone();
    bad["bundled"][0].as_object_mut().unwrap().remove("licence");
    assert!(
        !errors(&schema, &bad).is_empty(),
        "a data set without a licence"
    );
}

/// Issue 18: `rail import --json` names its schema and the counts of the compiled network.
#[test]
fn regression_issue_18_rail_import_json_matches_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = routecheck(dir.path())
        .arg("rail")
        .arg("import")
        .arg(root().join("tests/data/Helsinki.osm.pbf"))
        .args(["-o", "helsinki.rail", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema = validator("rail-import.schema.json");
    assert_valid(&schema, &v, "rail import --json");
    assert_eq!(v["schema"], "routecheck.rail-import/1");
    assert_eq!(v["source_format"], "osm_pbf");
    assert_eq!(v["segments"], 311);
    let written = std::fs::metadata(dir.path().join("helsinki.rail"))
        .unwrap()
        .len();
    assert_eq!(v["bytes"], written);
    let mut bad = v.clone();
    bad["source_format"] = "shapefile".into();
    assert!(
        !errors(&schema, &bad).is_empty(),
        "an unknown source format"
    );
}

/// Issue 18: every line of `check DIR --format json` is a story's report (claims schema, with
/// its file) or, for a file that could not be checked, a batch-error record.
#[test]
fn regression_issue_18_batch_json_lines_match_their_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    std::fs::create_dir(&stories).unwrap();
    std::fs::copy(
        root().join("data/stories/kim-jong-un-train-2023-09.toml"),
        stories.join("a.toml"),
    )
    .unwrap();
    std::fs::write(stories.join("b.toml"), "title = \"no waypoints\"\n").unwrap();
    let out = routecheck(dir.path())
        .args(["check", "stories", "--no-map", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a file could not be checked");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let (claims, failed) = (
        validator("claims.schema.json"),
        validator("batch-error.schema.json"),
    );
    assert_eq!(lines[0]["schema"], "routecheck.claims/2");
    assert_eq!(lines[0]["file"], "stories/a.toml");
    assert_valid(&claims, &lines[0], "the report line");
    assert_eq!(lines[1]["schema"], "routecheck.batch-error/1");
    assert_eq!(lines[1]["file"], "stories/b.toml");
    assert_valid(&failed, &lines[1], "the error line");
    let mut bad = lines[1].clone();
    bad.as_object_mut().unwrap().remove("file");
    assert!(
        !errors(&failed, &bad).is_empty(),
        "an error without its file"
    );
}

/// Issue 18: every line of `check --articles` is a result (whose report is a claims report)
/// or an error record naming its line.
#[test]
fn regression_issue_18_article_results_match_their_schema() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "a1", "text": "A 1,200 kilometre (745 miles) journey from Pyongyang to Vladivostok.", "outlet": "AFP", "date": "2023-09-11"}"#,
        "not json",
        r#"{"id": 7, "text": "The train covered the 344 kilometres from London to Paris."}"#,
    ];
    std::fs::write(dir.path().join("archive.jsonl"), lines.join("\n") + "\n").unwrap();
    let out = routecheck(dir.path())
        .args(["check", "--articles", "archive.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a line is not an article");
    let results: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), 3);
    let schema = validator("article-result.schema.json");
    for (i, r) in results.iter().enumerate() {
        assert_valid(&schema, r, &format!("line {}", i + 1));
        assert_eq!(r["schema"], "routecheck.article-result/1");
        assert_eq!(r["line"], i + 1);
    }
    assert_eq!(results[0]["report"]["schema"], "routecheck.claims/2");
    assert!(results[1]["error"].is_string() && results[1]["id"].is_null());
    assert!(results[2]["outlet"].is_null());
    // The report inside is held to the claims schema: a report without claims is refused.
    let mut bad = results[0].clone();
    bad["report"].as_object_mut().unwrap().remove("claims");
    assert!(
        !errors(&schema, &bad).is_empty(),
        "a report without its claims"
    );
}
