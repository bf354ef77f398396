//! End-to-end tests of how the command fits the shell (issue 18): negative coordinates as
//! typed, `-` for standard input and output, exit codes, batch reports, completions.

use assert_cmd::Command;
use predicates::prelude::*;

mod common;

fn routecheck() -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear();
    c
}

/// Issue 18: "-33.9,18.4" is a coordinate, not an unknown flag, with an ASCII hyphen or the
/// Unicode minus (U+2212) from a web page.
#[test]
fn issue_18_negative_coordinates_as_typed() {
    for cape_town in ["-33.9,18.4", "\u{2212}33.9,18.4"] {
        routecheck()
            .args(["near", cape_town, "-n", "1"])
            .assert()
            .success()
            .stdout(predicate::str::contains("33.9000° S"));
    }
    // Pole to pole along a meridian: 20,003.931 km on the WGS84 ellipsoid (GeographicLib).
    for south in ["-90,0", "\u{2212}90,0"] {
        routecheck()
            .args(["distance", "90,0", south])
            .assert()
            .success()
            .stdout(predicate::str::contains("20003.931 km"));
    }
    // A flag still reads as a flag.
    let out = routecheck()
        .args(["distance", "-33.9,18.4", "51.5,-0.12", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["from"]["lat"], -33.9);
    routecheck()
        .args([
            "route",
            "--mode",
            "direct",
            "--no-map",
            "-33.9,18.4",
            "\u{2212}34.0,18.5",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("34.0000° S"));
}

/// Issue 18: `--extent -10,35,40,60` (a western longitude first) draws that area.
#[test]
fn issue_18_negative_extent_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    for (i, extent) in ["-10,35,40,60", "\u{2212}10,35,40,60"].iter().enumerate() {
        let out = dir.path().join(format!("out{i}"));
        routecheck()
            .args(["map", "--format", "svg", "--extent", extent, "--out"])
            .arg(&out)
            .assert()
            .success();
        assert!(out.join("kim-jong-un-train-2023-09.svg").is_file());
    }
    routecheck()
        .args(["map", "--format", "svg", "--extent", "-10,x,40,60"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"x\" is not a number"));
}
