//! End-to-end tests of the `routecheck` command (assert_cmd, cleared environment).

use assert_cmd::Command;
use predicates::prelude::*;

fn routecheck() -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear();
    c
}

mod common;
use common::EUROPE;

fn story_file(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write story");
    p
}

#[test]
fn distance_between_coordinates_is_the_wgs84_geodesic() {
    // GeographicLib: 685000.967394 m, azimuth 46.678345°.
    routecheck()
        .args(["distance", "39.0392,125.7625", "43.1155,131.8855"])
        .assert()
        .success()
        .stdout(predicate::str::contains("685.001 km").and(predicate::str::contains("north-east")));
    let out = routecheck()
        .args(["distance", "39.0392,125.7625", "43.1155,131.8855", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!((v["distance_m"].as_f64().unwrap() - 685_000.967).abs() < 0.001);
    assert!((v["initial_azimuth_deg"].as_f64().unwrap() - 46.678345).abs() < 1e-6);
}

#[test]
fn check_measures_a_story_given_by_coordinates() {
    let dir = tempfile::tempdir().unwrap();
    let story = story_file(dir.path(), "europe.toml", EUROPE);
    let out = routecheck()
        .args(["check", "--no-map", "--json"])
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let km = v["journeys"][0]["length_km"].as_f64().unwrap();
    // London–Paris 344.137 km + Paris–Berlin 880.635 km on the ellipsoid (GeographicLib).
    assert!((km - 1224.772).abs() < 0.001, "{km}");
}

#[test]
fn a_bad_story_names_file_line_and_fix() {
    let dir = tempfile::tempdir().unwrap();
    let bad = story_file(
        dir.path(),
        "bad.toml",
        &EUROPE.replace("mode = \"air\"\n[[legs]]", "mode = \"boat\"\n[[legs]]"),
    );
    routecheck()
        .args(["check", "--no-map"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("bad.toml:")
                .and(predicate::str::contains("unknown mode \"boat\"")),
        )
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn a_folder_of_stories_reports_each_and_survives_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    story_file(dir.path(), "a.toml", EUROPE);
    story_file(dir.path(), "b.toml", "this is [not toml");
    story_file(
        dir.path(),
        "c.toml",
        &EUROPE.replace("europe-hop", "europe-hop-2"),
    );
    let out = routecheck()
        .args(["check", "--no-map", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    // The bad file is an error record in its place, naming its file.
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["schema"], "routecheck.batch-error/1");
    assert!(lines[1]["file"].as_str().unwrap().ends_with("b.toml"));
    assert_eq!(lines[2]["story"]["id"], "europe-hop-2");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b.toml")
            && stderr.contains(
                "3 story files: 0 with a claim off or contradicting another, 1 with errors"
            ),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    routecheck().args(["distance", "only-one"]).assert().code(2);
    routecheck()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes"));
    routecheck()
        .args(["distance", "91,200", "0,0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("latitude 91"));
}

#[test]
fn route_by_rail_sums_the_railways_km_posts() {
    routecheck()
        .args([
            "route",
            "--no-map",
            "Pyongyang",
            "Tumangang",
            "Khasan",
            "Baranovsky",
            "Vladivostok",
        ])
        .args(["--speed", "40-60 km/h"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "total 1183.3 km by railway km posts",
        ))
        .stdout(predicate::str::contains(
            "Khasan → Baranovsky station: 238.0 km",
        ))
        .stdout(predicate::str::contains("19 h 43 min to 29 h 35 min"));
}

#[test]
fn route_json_and_departure_times() {
    let out = routecheck()
        .args([
            "route",
            "--no-map",
            "Pyongyang",
            "Khasan",
            "--json",
            "--speed",
            "60 km/h",
        ])
        .args(["--depart", "2023-09-10T15:00", "--tz", "Asia/Pyongyang"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(v["length_km"], 857.3);
    assert_eq!(v["schematic"], true);
    // Issue 18: plain RFC 3339 (Python's fromisoformat and JavaScript's Date read it), the
    // zone's name apart.
    assert_eq!(v["depart"], "2023-09-10T15:00:00+09:00");
    assert_eq!(v["time_zone"], "Asia/Pyongyang");
}

/// Issue 13: a rail route outside the line tables is bounded (straight line to the usual
/// band), not refused.
#[test]
fn route_outside_the_line_tables_is_bounded() {
    routecheck()
        .args(["route", "--no-map", "48.85, 2.35", "45.76, 4.84"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("a lower bound")
                .and(predicate::str::contains("rail routes are usually")),
        );
    routecheck()
        .args([
            "route",
            "--no-map",
            "48.85, 2.35",
            "45.76, 4.84",
            "--mode",
            "direct",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("geodesic on the WGS84 ellipsoid"));
}

#[test]
fn route_on_a_users_track_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let track = dir.path().join("track.geojson");
    std::fs::write(
        &track,
        r#"{"type":"LineString","coordinates":[[2.35,48.85],[3.5,47.5],[4.84,45.76]]}"#,
    )
    .expect("write");
    routecheck()
        .args(["route", "--no-map", "48.85, 2.35", "45.76, 4.84", "--rail"])
        .arg(&track)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "along the track in the --rail file",
        ));
    // A place the track does not reach: the leg is bounded, and says why.
    routecheck()
        .args(["route", "--no-map", "48.85, 2.35", "50.0, 10.0", "--rail"])
        .arg(&track)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "no railway line in the --rail file covers",
        ));
}

/// Issue 12: `route` had its own routing path and showed no crossings; it now builds the
/// route with the same pipeline as `check`, crossings included.
#[test]
fn regression_issue_12_route_shows_the_tumen_and_border_crossings() {
    routecheck()
        .args(["route", "--no-map", "Pyongyang", "Vladivostok"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "total 1183.3 km by railway km posts",
        ))
        .stdout(predicate::str::contains("crosses Tumen at km 8"))
        .stdout(predicate::str::contains(
            "crosses North Korea–Russian Federation border at km 8",
        ));
    let out = routecheck()
        .args(["route", "--no-map", "--json", "Pyongyang", "Vladivostok"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let crossings = v["crossings"].as_array().expect("crossings");
    let tumen = crossings
        .iter()
        .find(|c| c["name"] == "Tumen")
        .expect("the Tumen");
    assert_eq!(tumen["kind"], "river");
    let km = tumen["km"].as_f64().unwrap();
    assert!((840.0..860.0).contains(&km), "{km}");
    assert!(
        crossings.iter().any(|c| c["kind"] == "border"),
        "{crossings:?}"
    );
}

/// The same place twice: a round trip gets two waypoints (ids are labels and must differ),
/// and the same place twice in a row is a clear error, not a panic.
#[test]
fn route_with_the_same_place_twice() {
    let out = routecheck()
        .args([
            "route",
            "--no-map",
            "--json",
            "Pyongyang",
            "Khasan",
            "Pyongyang",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let legs = v["legs"].as_array().expect("legs");
    assert_eq!(legs.len(), 2);
    assert_eq!(
        (&legs[1]["from"], &legs[1]["to"]),
        (&legs[0]["to"], &legs[0]["from"])
    );
    assert_eq!(v["length_km"], 1714.6);
    routecheck()
        .args(["route", "--no-map", "Khasan", "Khasan"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("zero length")
                .and(predicate::str::contains("two different places"))
                .and(predicate::str::contains("panicked").not()),
        );
}

/// Issue 12: a misspelt place was routed by fuzzy match with no word about it.
#[test]
fn route_shows_a_misspelt_places_fuzzy_match() {
    routecheck()
        .args(["route", "--no-map", "--mode", "direct", "Pyongyang", "Vladivostk"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "check: Vladivostok: no place is called \"Vladivostk\"; the closest spelling is Vladivostok",
        ));
    let out = routecheck()
        .args([
            "route",
            "--no-map",
            "--json",
            "--mode",
            "direct",
            "Pyongyang",
            "Vladivostk",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let notes = v["notes"].as_array().expect("notes");
    assert!(
        notes
            .iter()
            .any(|n| n["kind"] == "fuzzy" && n["on"] == "Vladivostok"),
        "{notes:?}"
    );
}

/// A station of the bundled line tables that the gazetteer does not know is placed at the
/// station, and the output says so.
#[test]
fn route_places_a_line_table_station_the_gazetteer_does_not_know() {
    routecheck()
        .args(["route", "--no-map", "West P'yŏngyang", "Khasan"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"West P'yŏngyang\" is not in the gazetteer; it is the station West P'yŏngyang of the bundled line tables",
        ));
}

#[test]
fn extract_does_not_overwrite_an_existing_draft() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "The 1,200 km (745 miles) journey took 20 hours.\n",
    )
    .unwrap();
    let draft = dir.path().join("draft.toml");
    std::fs::write(&draft, "mine").unwrap();
    routecheck()
        .arg("extract")
        .arg(&article)
        .arg("-o")
        .arg(&draft)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("not overwriting").and(predicate::str::contains("--force")),
        );
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), "mine");
    routecheck()
        .arg("extract")
        .arg(&article)
        .arg("-o")
        .arg(&draft)
        .arg("--force")
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&draft)
            .unwrap()
            .contains("1,200 km")
    );
}

#[test]
fn huge_or_binary_inputs_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(
        &big,
        "The train covered 1,200 km. ".repeat((17 << 20) / 28 + 1),
    )
    .unwrap();
    routecheck()
        .arg("extract")
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("larger than 16 MiB"));
    let bin = dir.path().join("bin.geojson");
    std::fs::write(&bin, [0xff_u8, 0xfe, 0x00, 0x41]).unwrap();
    routecheck()
        .args(["map", "--track"])
        .arg(&bin)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("not UTF-8").and(predicate::str::contains("panicked").not()),
        );
}

/// Issue 8: a thousand stories in one run, one of them broken; each gets its report.
#[test]
fn a_thousand_stories_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1000 {
        let text = if i == 500 {
            "[[legs]]\nfrom = 1\n".to_string()
        } else {
            EUROPE.replace("europe-hop", &format!("hop-{i:04}"))
        };
        std::fs::write(dir.path().join(format!("s{i:04}.toml")), text).unwrap();
    }
    let out = routecheck()
        .args(["check", "--no-map", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1000);
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.contains("routecheck.batch-error/1"))
            .count(),
        1
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("s0500.toml") && stderr.contains("checked 1000 story files: 0 with a claim off or contradicting another, 1 with errors"),
        "{stderr}"
    );
}

#[test]
fn locate_and_near_name_the_first_level_division() {
    routecheck()
        .args(["locate", "Vladivostok"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(city, RU, Primorye (RU.59), pop"));
    let out = routecheck()
        .args(["locate", "Przemyśl", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let place = &v["results"][0]["place"];
    assert_eq!(
        (place["admin1"].as_str(), place["admin1_name"].as_str()),
        (Some("PL.80"), Some("Subcarpathia"))
    );
    routecheck()
        .args(["near", "42.43,130.64", "-n", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Khasan (city, RU, Primorye)"));
    let out = routecheck()
        .args(["near", "39.03,125.75", "-n", "1", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["nearest"][0]["admin1"], "KP.12");
    assert_eq!(v["nearest"][0]["admin1_name"], "Pyongyang");
}

#[test]
fn locate_takes_a_division_as_a_flag_or_after_a_comma() {
    for args in [
        &["locate", "Razdolnoye", "--region", "Primorye"][..],
        &["locate", "Razdolnoye, Primorye"][..],
    ] {
        routecheck()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "(city, RU, Primorye (RU.59), pop 7,567",
            ));
    }
    routecheck()
        .args(["locate", "Razdolnoye", "--region", "Nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("names no place in Nowhere"))
        .stderr(predicate::str::contains("Primorye"));
}

#[test]
fn issue_16_airports_by_code_and_name_and_kind() {
    for (q, want) in [
        ("RZE", "RZE → Rzeszow-Jasionka Airport (airport, PL"),
        ("UFA", "UFA → Ufa International Airport (airport, RU"),
        ("Ufa", "Ufa → Ufa (city, RU"),
        (
            "Vladivostok International Airport",
            "→ Vladivostok International Airport (airport, RU, Asia/Vladivostok) at 43.3990° N, 132.1480° E",
        ),
    ] {
        routecheck()
            .args(["locate", q])
            .assert()
            .success()
            .stdout(predicate::str::contains(want));
    }
    routecheck()
        .args(["locate", "Vladivostok", "--kind", "airport"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Vladivostok International Airport",
        ));
    routecheck()
        .args(["near", "43.1,131.9", "-n", "1", "--kind", "airport"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Vladivostok International Airport (airport, RU)",
        ));
}

#[test]
fn issue_16_locate_reads_names_beside_other_places_and_in_their_script() {
    routecheck()
        .args(["locate", "Alexandria", "--near", "Washington, US"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(city, US, Virginia (US.VA)"))
        .stdout(predicate::str::contains("fits the context"));
    routecheck()
        .args(["locate", "Хасан"])
        .assert()
        .success()
        .stdout(predicate::str::contains("→ Khasan (city, RU, Primorye"));
    routecheck()
        .args(["locate", "Alexandria", "--near", "Atlantis-xq"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Atlantis-xq"));
}

#[test]
fn issue_16_locate_finds_seas_and_near_lists_them() {
    routecheck()
        .args(["locate", "Sea of Japan", "--kind", "sea"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Sea of Japan (sea)"));
    routecheck()
        .args(["near", "60.0,26.5", "-n", "1", "--kind", "sea"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Gulf of Finland (sea)"));
}

#[test]
fn issue_16_locate_takes_a_division_in_any_spelling() {
    for args in [
        &["locate", "Razdolnoye, Primorsky Krai"][..],
        &["locate", "Razdolnoye", "--region", "Приморский край"][..],
        &["locate", "Razdolnoye", "--region", "RU-PRI"][..],
    ] {
        routecheck()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Primorye (RU.59)"));
    }
}
