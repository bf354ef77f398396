//! From OSM railway ways to a routable network: graph nodes at way ends, at the cuts where an
//! extract lost a node, and at nodes shared by two ways (or visited twice by one); edges are the
//! track between them, measured on the WGS84 ellipsoid. Nodes are joined by OSM node id, so
//! two tracks that cross without a shared node (a bridge over another line) stay apart.

use std::collections::HashMap;

use petgraph::graph::{NodeIndex, UnGraph};

use super::{OsmRail, WayTags};
use crate::coord::LatLon;
use crate::geodesy;
use crate::network::build::{Edge, FileStation, LineInfo, Measure, Node, RailNetwork, TrackPost};
use crate::network::{Error, Result};
use crate::units::Length;

impl OsmRail {
    /// Builds the network; `source` names the file's format in the line list ("OpenStreetMap
    /// PBF"). Fails when no kept railway way has two located nodes.
    pub(crate) fn build(self, source: &str) -> Result<RailNetwork> {
        // Located runs of each way: cut where a node has no position.
        let mut pieces: Vec<(usize, Vec<i64>)> = Vec::new();
        let mut line_of: HashMap<WayTags, usize> = HashMap::new();
        let mut lines: Vec<LineInfo> = Vec::new();
        for way in &self.ways {
            let mut run: Vec<i64> = Vec::new();
            let mut runs = Vec::new();
            for &n in &way.nodes {
                if self.positions.contains_key(&n) {
                    if run.last() != Some(&n) {
                        run.push(n);
                    }
                } else if !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
            }
            runs.push(run);
            runs.retain(|r| r.len() >= 2);
            if runs.is_empty() {
                continue;
            }
            let line = *line_of.entry(way.tags.clone()).or_insert_with(|| {
                lines.push(line_info(way.id, &way.tags, source));
                lines.len() - 1
            });
            pieces.extend(runs.into_iter().map(|r| (line, r)));
        }
        if pieces.is_empty() {
            return Err(Error::NoOsmTrack);
        }
        let mut seen: HashMap<i64, u32> = HashMap::with_capacity(self.positions.len());
        for (_, p) in &pieces {
            for n in p {
                *seen.entry(*n).or_default() += 1;
            }
            for end in [p[0], p[p.len() - 1]] {
                *seen.entry(end).or_default() += 2;
            }
        }
        let pos = |n: i64| self.positions[&n];
        let mut graph: UnGraph<Node, Edge> = UnGraph::default();
        let mut nodes: HashMap<i64, NodeIndex> = HashMap::new();
        let mut node_at = |graph: &mut UnGraph<Node, Edge>, n: i64| {
            *nodes.entry(n).or_insert_with(|| {
                graph.add_node(Node {
                    name: None,
                    at: Some(pos(n)),
                })
            })
        };
        for (line, p) in &pieces {
            let mut from = node_at(&mut graph, p[0]);
            let mut geometry: Vec<LatLon> = vec![pos(p[0])];
            let mut length = Length::ZERO;
            for w in p.windows(2) {
                let (a, b) = (pos(w[0]), pos(w[1]));
                length = length + geodesy::distance(a, b);
                if geometry.last() != Some(&b) {
                    geometry.push(b);
                }
                if seen[&w[1]] >= 2 {
                    let to = node_at(&mut graph, w[1]);
                    let g = std::mem::replace(&mut geometry, vec![b]);
                    if (to != from || length > Length::ZERO) && g.len() >= 2 {
                        let edge = Edge {
                            line: *line,
                            length,
                            from,
                            geometry: g,
                            drawn_only: Vec::new(),
                        };
                        graph.add_edge(from, to, edge);
                    }
                    length = Length::ZERO;
                    from = to;
                }
            }
        }
        if graph.edge_count() == 0 {
            return Err(Error::NoOsmTrack);
        }
        let mut posts: Vec<TrackPost> = self
            .posts
            .iter()
            .filter_map(|p| {
                Some(TrackPost {
                    at: *self.positions.get(&p.id)?,
                    km: p.km,
                    osm_node: p.id,
                })
            })
            .collect();
        posts.sort_by_key(|p| p.osm_node);
        posts.dedup_by_key(|p| p.osm_node);
        let stations = self.stations.into_iter().map(FileStation::from).collect();
        Ok(RailNetwork {
            graph,
            measure: Measure::Geometry,
            lines,
            names: HashMap::new(),
            segments: Some(std::sync::OnceLock::new()),
            tolerance: RailNetwork::TRACK_TOLERANCE,
            stations: Vec::new(),
            station_keys: HashMap::new(),
            posts,
            drawn: std::sync::OnceLock::new(),
        }
        .with_stations(stations))
    }
}

pub(super) fn line_info(way: i64, t: &WayTags, source: &str) -> LineInfo {
    LineInfo {
        id: format!("osm-way-{way}"),
        name: t
            .name
            .clone()
            .unwrap_or_else(|| format!("unnamed railway ({source})")),
        gauge_mm: t
            .gauge
            .iter()
            .flat_map(|g| g.split(';'))
            .filter_map(|g| g.trim().parse().ok())
            .collect(),
        usage: t.usage.clone(),
        service: t.service.clone(),
        electrified: t.electrified.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{OsmStation, OsmWay, way_tags};
    use super::*;
    use crate::network::Waypoint;

    fn ll(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }

    /// Two ways sharing node 3 (a junction) and a third way whose middle node is missing.
    fn sample() -> OsmRail {
        let mut positions = HashMap::new();
        for (id, lat, lon) in [
            (1, 60.0, 24.0),
            (2, 60.0, 24.01),
            (3, 60.0, 24.02),
            (4, 60.01, 24.02),
            (5, 60.0, 24.03),
            (7, 60.02, 24.02),
            (8, 60.03, 24.02),
        ] {
            positions.insert(id, ll(lat, lon));
        }
        let way = |id, nodes: Vec<i64>, name: &str| OsmWay {
            id,
            tags: way_tags([("railway", "rail"), ("name", name), ("gauge", "1524")]),
            nodes,
        };
        OsmRail {
            ways: vec![
                way(10, vec![1, 2, 3, 5], "Main"),
                way(11, vec![3, 4], "Branch"),
                // Node 6 lies outside the extract: the way is cut into 4 and 7–8.
                way(12, vec![4, 6, 7, 8], "Branch"),
            ],
            positions,
            stations: vec![OsmStation {
                id: 99,
                name: "Junction".into(),
                other_names: vec!["Risteys".into()],
                at: ll(59.9998, 24.02),
            }],
            posts: Vec::new(),
        }
    }

    #[test]
    fn ways_split_at_shared_nodes_and_cut_at_missing_ones() {
        let net = sample().build("test").unwrap();
        // Edges: 1–3, 3–5 (main, split at the junction), 3–4 (branch), 7–8 (the cut piece).
        assert_eq!(net.edge_count(), 4);
        assert_eq!(net.node_count(), 6);
        assert_eq!(net.lines().len(), 2);
        assert_eq!(net.lines()[0].gauge_mm, [1524]);
        let main: Length = net
            .graph
            .edge_weights()
            .filter(|e| e.line == 0)
            .map(|e| e.length)
            .sum();
        let expect = geodesy::path_length(&[
            ll(60.0, 24.0),
            ll(60.0, 24.01),
            ll(60.0, 24.02),
            ll(60.0, 24.03),
        ]);
        assert!((main - expect).as_m().abs() < 1e-6);
    }

    #[test]
    fn station_names_resolve_to_the_track_beside_them() {
        let net = sample().build("test").unwrap();
        assert_eq!(net.stations().len(), 1);
        let r = net
            .route(&[
                Waypoint::named("Risteys"),
                Waypoint::at("east", ll(60.0, 24.03)),
            ])
            .unwrap();
        assert_eq!(r.waypoints[0].matched, "Junction");
        assert!(r.waypoints[0].by_name);
        assert_eq!(r.waypoints[0].station_osm_node, Some(99));
        let expect = geodesy::distance(ll(60.0, 24.02), ll(60.0, 24.03));
        assert!((r.length - expect).as_m().abs() < 0.01, "{}", r.length);
        assert!(!r.schematic);
    }

    #[test]
    fn the_cut_piece_is_unreachable_not_an_error_at_load() {
        let net = sample().build("test").unwrap();
        let e = net
            .route(&[
                Waypoint::at("a", ll(60.0, 24.0)),
                Waypoint::at("b", ll(60.03, 24.02)),
            ])
            .unwrap_err();
        assert!(matches!(e, Error::Unreachable { .. }), "{e}");
    }

    #[test]
    fn no_kept_track_is_an_error() {
        let mut s = sample();
        s.positions.clear();
        assert!(matches!(s.build("test"), Err(Error::NoOsmTrack)));
    }
}
