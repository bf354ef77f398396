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
