//! OpenStreetMap rail benchmarks (divan). Run with `cargo bench --bench rail_osm`.
//!
//! - reading the real extract `tests/data/Helsinki.osm.pbf` into a network (throughput in
//!   bytes of PBF), compiling it as `rail import` does (straight from the ways, never a
//!   routable network), and loading its compiled `.rail` copy;
//! - a generated network of 1,000,000 track segments (the layout of
//!   `scripts/pyosmium_rail.py generate`: 100 east–west and 100 north–south lines of 5,000
//!   segments each, 0.0002° apart, crossing every 50 vertices): building it, compiling it,
//!   loading the compiled copy, and a route query corner to corner across it;
//! - the same query's shortest-path search with petgraph's `dijkstra`, for the choice made in
//!   `src/network/path.rs`.

use std::sync::LazyLock;

use routecheck::coord::LatLon;
use routecheck::network::{PbfImport, RailFormat, RailNetwork, Waypoint};

fn main() {
    divan::main();
}

const PBF: &str = "tests/data/Helsinki.osm.pbf";

#[divan::bench(sample_count = 20)]
fn import_helsinki_pbf(bencher: divan::Bencher) {
    let bytes = std::fs::metadata(PBF).expect("fixture").len();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| RailNetwork::from_file(divan::black_box(PBF.as_ref())).expect("pbf"));
}

#[divan::bench(sample_count = 20)]
fn rail_import_helsinki_pbf(bencher: divan::Bencher) {
    let bytes = std::fs::metadata(PBF).expect("fixture").len();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            let import = PbfImport::read(divan::black_box(PBF.as_ref())).expect("pbf");
            let mut out = std::io::Cursor::new(Vec::new());
            import
                .write_compiled("OpenStreetMap PBF", &mut out)
                .expect("written");
            out.into_inner()
        });
}

#[divan::bench(sample_count = 20)]
fn load_helsinki_compiled(bencher: divan::Bencher) {
    let (net, _) = RailNetwork::from_file(PBF.as_ref()).expect("pbf");
    let bytes = net.to_compiled();
    bencher.bench(|| RailNetwork::from_compiled(divan::black_box(&bytes)).expect("rail"));
}

/// Lines each way, segments per line, vertices between crossings, degrees between vertices.
const LINES: usize = 100;
const SEGMENTS: usize = 5_000;
const CROSS_EVERY: usize = 50;
const STEP: f64 = 0.0002;

/// The generated grid as OSM XML: node ids by grid position, so crossings share a node.
static GRID_XML: LazyLock<String> = LazyLock::new(|| {
    use std::fmt::Write;
    let id = |i: usize, j: usize| i * (SEGMENTS + 1) + j + 1;
    let mut nodes = std::collections::BTreeSet::new();
    let mut ways = String::new();
    for r in 0..LINES {
        let i = r * CROSS_EVERY;
        write!(ways, "<way id=\"{}\">", r + 1).unwrap();
        for j in 0..=SEGMENTS {
            nodes.insert((i, j));
            write!(ways, "<nd ref=\"{}\"/>", id(i, j)).unwrap();
        }
        ways.push_str("<tag k=\"railway\" v=\"rail\"/><tag k=\"usage\" v=\"main\"/></way>\n");
    }
    for k in 0..LINES {
        let j = k * CROSS_EVERY;
        write!(ways, "<way id=\"{}\">", LINES + k + 1).unwrap();
        for i in 0..=SEGMENTS {
            nodes.insert((i, j));
            write!(ways, "<nd ref=\"{}\"/>", id(i, j)).unwrap();
        }
        ways.push_str("<tag k=\"railway\" v=\"rail\"/><tag k=\"usage\" v=\"branch\"/></way>\n");
    }
    let mut xml = String::from("<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n");
    for (i, j) in nodes {
        let (lat, lon) = (60.0 + i as f64 * STEP, 24.0 + j as f64 * STEP);
        writeln!(
            xml,
            "<node id=\"{}\" lat=\"{lat:.7}\" lon=\"{lon:.7}\"/>",
            id(i, j)
        )
        .unwrap();
    }
    xml.push_str(&ways);
    xml.push_str("</osm>\n");
    xml
});

static GRID: LazyLock<RailNetwork> = LazyLock::new(|| {
    let net = RailNetwork::from_text(&GRID_XML, RailFormat::OsmXml).expect("grid");
    assert_eq!(net.segment_count(), 2 * LINES * SEGMENTS);
    net
});

fn corners() -> [Waypoint; 2] {
    let top = 60.0 + ((LINES - 1) * CROSS_EVERY) as f64 * STEP;
    let right = 24.0 + ((LINES - 1) * CROSS_EVERY) as f64 * STEP;
    [
        Waypoint::at(
            "SW",
            LatLon {
                lat: 60.00005,
                lon: 24.00031,
            },
        ),
        Waypoint::at(
            "NE",
            LatLon {
                lat: top - 0.00002,
                lon: right - 0.00013,
            },
        ),
    ]
}

#[divan::bench(sample_count = 3)]
fn build_1m_segments_from_osm_xml() -> RailNetwork {
    RailNetwork::from_text(divan::black_box(&GRID_XML), RailFormat::OsmXml).expect("grid")
}

#[divan::bench(sample_count = 5)]
fn compile_1m_segments() -> Vec<u8> {
    divan::black_box(&*GRID).to_compiled()
}

#[divan::bench(sample_count = 5)]
fn load_compiled_1m_segments(bencher: divan::Bencher) {
    let bytes = GRID.to_compiled();
    bencher.bench(|| RailNetwork::from_compiled(divan::black_box(&bytes)).expect("rail"));
}

#[divan::bench(sample_count = 50)]
fn route_query_1m_segments(bencher: divan::Bencher) {
    let net = &*GRID;
    let stops = corners();
    let route = net.route(&stops).expect("route");
    assert!(route.length.as_km() > 100.0);
    bencher.bench(|| net.route(divan::black_box(&stops)).expect("route"));
}

/// petgraph's single-source Dijkstra from the south-west to the north-east crossing, on the
/// grid's crossings joined by edges weighted by their track length (the same junction graph
/// the network holds, less the dangling line ends): distances only, no path.
#[divan::bench(sample_count = 50)]
fn petgraph_dijkstra_1m_segments(bencher: divan::Bencher) {
    let mut g: petgraph::graph::UnGraph<(), f64> = petgraph::graph::UnGraph::default();
    let at = |i: usize, j: usize| LatLon {
        lat: 60.0 + i as f64 * STEP,
        lon: 24.0 + j as f64 * STEP,
    };
    let nodes: Vec<_> = (0..LINES * LINES).map(|_| g.add_node(())).collect();
    let n = |r: usize, k: usize| nodes[r * LINES + k];
    for r in 0..LINES {
        for k in 0..LINES {
            let (i, j) = (r * CROSS_EVERY, k * CROSS_EVERY);
            if k + 1 < LINES {
                let pts: Vec<LatLon> = (j..=j + CROSS_EVERY).map(|j| at(i, j)).collect();
                g.add_edge(
                    n(r, k),
                    n(r, k + 1),
                    routecheck::geodesy::path_length(&pts).as_m(),
                );
            }
            if r + 1 < LINES {
                let pts: Vec<LatLon> = (i..=i + CROSS_EVERY).map(|i| at(i, j)).collect();
                g.add_edge(
                    n(r, k),
                    n(r + 1, k),
                    routecheck::geodesy::path_length(&pts).as_m(),
                );
            }
        }
    }
    let (s, t) = (n(0, 0), n(LINES - 1, LINES - 1));
    bencher.bench(|| {
        petgraph::algo::dijkstra(divan::black_box(&g), s, Some(t), |e| *e.weight())
            .get(&t)
            .copied()
    });
}
