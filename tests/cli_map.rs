//! The files `check` and `map` write: SVG, PNG, GeoJSON (RFC 7946), GPX, KML; and that they
//! never overwrite a file routecheck did not write.

use assert_cmd::Command;
use predicates::prelude::*;

fn routecheck(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear().current_dir(dir);
    c
}

mod common;
use common::EUROPE;

#[test]
fn check_writes_map_and_rfc7946_geojson_and_guards_foreign_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("europe.toml"), EUROPE).unwrap();
    routecheck(dir.path())
        .args(["check", "europe.toml", "--out", "maps"])
        .assert()
        .success();
    let maps = dir.path().join("maps");
    let svg = std::fs::read_to_string(maps.join("europe-hop.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("London to Berlin by air"));
    let png = std::fs::read(maps.join("europe-hop.png")).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let gj: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(maps.join("europe-hop.geojson")).unwrap())
            .unwrap();
    assert_eq!(gj["type"], "FeatureCollection");
    assert!(gj.get("crs").is_none(), "RFC 7946 has no crs member");
    let features = gj["features"].as_array().unwrap();
    let london = features
        .iter()
        .find(|f| f["properties"]["name"] == "London")
        .expect("London point");
    // Longitude first, as RFC 7946 says.
    assert_eq!(
        london["geometry"]["coordinates"][0].as_f64(),
        Some(-0.12574)
    );
    assert_eq!(
        london["geometry"]["coordinates"][1].as_f64(),
        Some(51.50853)
    );
    let legs = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "LineString")
        .count();
    assert_eq!(legs, 2);

    // Our own files may be rewritten; a file someone else put there is not.
    routecheck(dir.path())
        .args(["check", "europe.toml", "--out", "maps"])
        .assert()
        .success();
    std::fs::write(maps.join("europe-hop.svg"), "my own drawing").unwrap();
    std::fs::remove_file(maps.join("europe-hop.png")).unwrap();
    routecheck(dir.path())
        .args(["check", "europe.toml", "--out", "maps"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("not overwriting").and(predicate::str::contains("--force")),
        );
    assert_eq!(
        std::fs::read_to_string(maps.join("europe-hop.svg")).unwrap(),
        "my own drawing"
    );
    assert!(
        !maps.join("europe-hop.png").exists(),
        "nothing is written when one file is refused"
    );
    routecheck(dir.path())
        .args(["check", "europe.toml", "--out", "maps", "--force"])
        .assert()
        .success();
    assert!(maps.join("europe-hop.png").exists());
}

#[test]
fn map_writes_gpx_and_kml_and_draws_a_track() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("europe.toml"), EUROPE).unwrap();
    routecheck(dir.path())
        .args(["map", "europe.toml", "--format", "gpx,kml", "--out", "o"])
        .assert()
        .success()
        .stderr(predicate::str::contains("europe-hop.gpx"));
    let gpx = std::fs::read_to_string(dir.path().join("o/europe-hop.gpx")).unwrap();
    assert!(gpx.contains("<gpx") && gpx.contains("version=\"1.1\"") && gpx.contains("London"));
    let kml = std::fs::read_to_string(dir.path().join("o/europe-hop.kml")).unwrap();
    assert!(kml.contains("<kml") && kml.contains("-0.12574,51.50853"));

    // A track alone: a zig-zag of 2,000 points between Warsaw and Lviv.
    let coords: Vec<String> = (0..2000)
        .map(|i| {
            let t = i as f64 / 1999.0;
            format!(
                "[{:.5},{:.5}]",
                21.0118 + t * (24.0297 - 21.0118),
                52.2298 + t * (49.8397 - 52.2298) + 0.01 * ((i % 7) as f64)
            )
        })
        .collect();
    let track = format!(
        "{{\"type\":\"LineString\",\"coordinates\":[{}]}}",
        coords.join(",")
    );
    std::fs::write(dir.path().join("ride.geojson"), track).unwrap();
    routecheck(dir.path())
        .args([
            "map",
            "--track",
            "ride.geojson",
            "--out",
            "o",
            "--width",
            "800",
            "--height",
            "600",
        ])
        .assert()
        .success();
    let svg = std::fs::read_to_string(dir.path().join("o/ride.svg")).unwrap();
    assert!(svg.contains("width=\"800\""), "{}", &svg[..200]);
    assert!(dir.path().join("o/ride.png").exists());
}

#[test]
fn map_refuses_bad_options_and_tracks() {
    let dir = tempfile::tempdir().unwrap();
    routecheck(dir.path())
        .args(["map", "--extent", "50,10,40,20"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("north-east latitude"));
    std::fs::write(
        dir.path().join("bad.geojson"),
        "{\"type\":\"Point\",\"coordinates\":[0,0]}",
    )
    .unwrap();
    routecheck(dir.path())
        .args(["map", "--track", "bad.geojson"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.geojson"));
    assert!(
        !dir.path().join("output").exists(),
        "no output folder for a failed run"
    );
}

/// A route elsewhere, with no story: Warsaw → Lviv → Kyiv as the crow flies (GeoNames rows
/// 756135 Warsaw, 702550 Lviv, 703448 Kyiv, given as coordinates).
#[test]
fn route_direct_elsewhere_writes_its_map() {
    let dir = tempfile::tempdir().unwrap();
    routecheck(dir.path())
        .args([
            "route",
            "52.22977, 21.01178",
            "49.83826, 24.02324",
            "50.45466, 30.5238",
            "--mode",
            "direct",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote"));
    let out = dir.path().join("output");
    let svg = std::fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().ends_with(".svg"))
        .expect("an SVG");
    let text = std::fs::read_to_string(svg.path()).unwrap();
    assert!(
        text.contains("POLAND") || text.contains("Poland"),
        "country names on the map"
    );
}

/// Issue 12: `route` drew its map and GeoJSON with builders of its own, without crossings;
/// they now come from the builders `check` uses, crossings included.
#[test]
fn regression_issue_12_route_files_come_from_the_check_builders() {
    let dir = tempfile::tempdir().unwrap();
    routecheck(dir.path())
        .args(["route", "Pyongyang", "Vladivostok", "--out", "maps"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "route-pyongyang-vladivostok.geojson",
        ));
    let maps = dir.path().join("maps");
    let gj: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(maps.join("route-pyongyang-vladivostok.geojson")).unwrap(),
    )
    .unwrap();
    let kinds: Vec<&str> = gj["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["properties"]["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"border") && kinds.contains(&"river"),
        "{kinds:?}"
    );
    let svg = std::fs::read_to_string(maps.join("route-pyongyang-vladivostok.svg")).unwrap();
    assert!(svg.contains("Tumen"), "the crossing is drawn");
}

/// Issue 17: `map --format html` writes one self-contained page for the default story, under
/// 2 MB, byte-identical on a rerun, with every claim and place of the story in it.
#[test]
fn regression_issue_17_html_map_is_self_contained_small_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let run = |out: &str| {
        routecheck(dir.path())
            .args(["map", "--format", "html", "--out", out])
            .assert()
            .success()
            .stderr(predicate::str::contains("kim-jong-un-train-2023-09.html"));
        std::fs::read(dir.path().join(out).join("kim-jong-un-train-2023-09.html")).unwrap()
    };
    let a = run("a");
    assert_eq!(a, run("b"), "byte-identical reruns");
    assert!(a.len() <= 2_000_000, "{} bytes", a.len());
    let html = String::from_utf8(a).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("default-src 'none'"), "no request allowed");
    assert_eq!(html.matches(r#"class="claim-button""#).count(), 16);
    for place in [
        "Pyongyang",
        "Tumangang",
        "Khasan",
        "Baranovsky station",
        "Vladivostok",
    ] {
        assert!(
            html.contains(&format!("<li>{place} (")),
            "{place} in the map in words"
        );
    }
    assert!(
        html.contains("GeoNames cities500 (CC BY 4.0) 2013348"),
        "a source"
    );
    // Only the HTML was asked for.
    assert!(!dir.path().join("a/kim-jong-un-train-2023-09.svg").exists());
}
