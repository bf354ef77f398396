//! Issue 14: the language of travel claims in the story format. `tests/data/news-language.toml`
//! holds one claim per phrasing (numbers, hedges, ranges, conversions, idioms of time,
//! directions, flights), each preceded by `# expect: VERDICT`; `check --format json` must give
//! every claim that verdict, and the arithmetic must say what the phrasing means.

use std::path::Path;

use assert_cmd::Command;

fn story() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/news-language.toml")
}

/// (claim id, expected verdict) from the `# expect:` comment before each `[[claims]]`.
fn expectations(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut expect: Option<String> = None;
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("# expect: ") {
            expect = Some(v.trim().to_string());
        } else if let Some(id) = line.strip_prefix("id = \"")
            && let Some(v) = expect.take()
        {
            out.push((id.trim_end_matches('"').to_string(), v));
        }
    }
    out
}

fn report() -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("routecheck")
        .unwrap()
        .env_clear()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--no-map"])
        .arg(story())
        .output()
        .unwrap();
    // Some claims are off on purpose: exit code 1, never 2.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn regression_issue_14_every_phrasing_gets_its_verdict() {
    let text = std::fs::read_to_string(story()).unwrap();
    let want = expectations(&text);
    assert!(want.len() >= 40, "{} expectations", want.len());
    let v = report();
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), want.len(), "every claim has an expectation");
    for (id, verdict) in &want {
        let c = claims
            .iter()
            .find(|c| c["id"] == id.as_str())
            .unwrap_or_else(|| panic!("no claim {id}"));
        assert_eq!(
            c["verdict"].as_str(),
            Some(verdict.as_str()),
            "{id}: {}",
            c["arithmetic"]
        );
    }
    assert_eq!(v["summary"]["loosely_holds"], 1);
}

#[test]
fn regression_issue_14_the_arithmetic_says_what_the_phrasing_means() {
    let v = report();
    let claims = v["claims"].as_array().unwrap();
    let line = |id: &str| {
        claims.iter().find(|c| c["id"] == id).unwrap()["arithmetic"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // A range is judged against the range, not ±5 % of its midpoint.
    assert!(
        line("range-distance")
            .contains("+0.0 %, within tolerance (the range, ±5 % beyond its ends)"),
        "{}",
        line("range-distance")
    );
    // Space-grouped thousands are 2,800 km, not 800 km.
    assert!(
        line("space-thousands").contains("+0.3 %"),
        "{}",
        line("space-thousands")
    );
    // "north" at 46.7° names the true point.
    assert!(
        line("north-loosely").contains("the true point is north-east"),
        "{}",
        line("north-loosely")
    );
    // A flight without a type says which it assumed.
    assert!(
        line("one-hour-flight").contains("no aircraft named: any jet airliner in the table"),
        "{}",
        line("one-hour-flight")
    );
    // Zones on the date: Pyongyang was UTC+08:30 in 2016.
    assert!(
        line("hour-ahead-2016").contains("UTC+08:30"),
        "{}",
        line("hour-ahead-2016")
    );
    assert!(
        line("first-in-years").contains("\"the first … in\" a span means none in that span before"),
        "{}",
        line("first-in-years")
    );
}
