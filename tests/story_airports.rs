//! Flights measured between airports when the story asks for them (issue 16): the waypoint key
//! `airport` (`true` or an IATA/ICAO code), end to end.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn routecheck() -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear();
    c
}

fn story() -> String {
    format!(
        "{}/tests/stories/airports-moscow-petersburg.toml",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn json(args: &[&str]) -> Value {
    let out = routecheck().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn issue_16_the_air_leg_runs_between_the_airports_and_says_so() {
    routecheck()
        .args(["check", "--no-map", &story()])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Moscow → Sheremetyevo International Airport (SVO), 27.6 km from the city point: as the story names it (SVO)",
        ))
        .stdout(predicate::str::contains(
            "Saint Petersburg → Pulkovo Airport (LED), 15.7 km from the city point: the nearest airport serving Saint Petersburg",
        ))
        // SVO → LED, not the 636 km between the city points.
        .stdout(predicate::str::contains("Moscow → Saint Petersburg (air): 601 km (geodesic)"))
        .stdout(predicate::str::contains("600.8 km (geodesic, SVO → LED)"))
        // The straight-line claim is about the cities, and keeps their points.
        .stdout(predicate::str::contains("636.0 km (395.2 mi), straight line"));
}

#[test]
fn issue_16_json_carries_the_airport_of_each_waypoint() {
    let v = json(&["check", "--no-map", "--format", "json", &story()]);
    let w = &v["waypoints"];
    assert_eq!(w[0]["airport"]["iata"], "SVO");
    assert_eq!(w[0]["airport"]["by"], "code");
    assert_eq!(w[1]["airport"]["iata"], "LED");
    assert_eq!(w[1]["airport"]["by"], "serves_place");
    let d = w[1]["airport"]["distance_km"].as_f64().unwrap();
    assert!((d - 15.7).abs() < 0.1, "{d}");
    let leg = &v["journeys"][0]["legs"][0];
    let km = leg["length_km"].as_f64().unwrap();
    assert!((km - 600.8).abs() < 0.1, "{km}");
}

#[test]
fn issue_16_without_the_key_the_flight_is_measured_between_the_cities() {
    let text = std::fs::read_to_string(story())
        .unwrap()
        .replace("airport = \"SVO\"\n", "")
        .replace("airport = true\n", "");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cities.toml");
    std::fs::write(&path, text).unwrap();
    routecheck()
        .args(["check", "--no-map", path.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Moscow → Saint Petersburg (air): 636 km (geodesic)",
        ))
        .stdout(predicate::str::contains(
            "636.0 km (geodesic) at any jet airliner in the table",
        ))
        .stdout(predicate::str::contains("the flight is measured from the airport").not());
}

#[test]
fn issue_16_an_unknown_airport_code_is_an_error_naming_the_waypoint_and_the_fix() {
    let text = std::fs::read_to_string(story())
        .unwrap()
        .replace("airport = \"SVO\"", "airport = \"QQQ\"");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, text).unwrap();
    routecheck()
        .args(["check", "--no-map", path.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("waypoint \"moscow\""))
        .stderr(predicate::str::contains("no airport has the code \"QQQ\""))
        .stderr(predicate::str::contains("airport = true"));
}
