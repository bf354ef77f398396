//! Building the rail graph: from line tables (edges weighted by chainage) or from track
//! geometry (edges weighted by their length on the ellipsoid).

use std::collections::HashMap;
use std::sync::OnceLock;

use petgraph::graph::{NodeIndex, UnGraph};

use super::snap::SegmentIndex;
use super::table::{LineTable, bundled_tables};
use super::{Result, fold};
use crate::coord::LatLon;
use crate::units::Length;

/// What a network's edge lengths are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The railways' own km posts: a leg's length is the sum of chainage differences.
    Chainage,
    /// The track geometry measured on the WGS84 ellipsoid.
    Geometry,
}

/// A line of the network, for naming it in routes and sources.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LineInfo {
    /// The line's id: its table's `id` ("baranovsky_khasan"); for track, "osm-way-123" for an
    /// OpenStreetMap way, "user" for a GeoJSON file.
    pub id: String,
    /// The line's name, for messages and reports.
    pub name: String,
    /// Track gauges in millimetres (two for dual-gauge track); empty when the source gives none.
    pub gauge_mm: Vec<u32>,
    /// OpenStreetMap `usage` (main, branch, industrial, …), where the source gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<String>,
    /// OpenStreetMap `service` (siding, yard, spur, crossover), where the source gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// OpenStreetMap `electrified` (contact_line, rail, no), where the source gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub electrified: Option<String>,
}

/// A named station read from a rail file (an OpenStreetMap station or halt node), for joining
/// the gazetteer for a run and for matching waypoints by name.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FileStation {
    /// The station's name as the file gives it (`name` tag).
    pub name: String,
    /// Other names (`name:*` tags: languages and scripts).
    pub other_names: Vec<String>,
    /// The station node's position (beside the track, or on it).
    pub at: LatLon,
    /// The OpenStreetMap node id, when the station came from OpenStreetMap.
    pub osm_node: Option<i64>,
}

/// A node of the track tagged with the railway's own km post (OpenStreetMap
/// `railway:position`): a milestone, a station, a signal, a level crossing.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct TrackPost {
    /// The node's position, a vertex of the track geometry.
    pub at: LatLon,
    /// The post's value in kilometres.
    pub km: f64,
    /// The OpenStreetMap node id.
    pub osm_node: i64,
}

/// A station of a table network, as [`RailNetwork::station`] finds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Station {
    /// The name the line tables give it.
    pub name: String,
    /// Its position, when the tables give one.
    pub at: Option<LatLon>,
}

/// A node: a station with a km post (table networks) or a track end or junction (GeoJSON).
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub name: Option<String>,
    pub at: Option<LatLon>,
}

/// An edge between two nodes along one line.
#[derive(Debug, Clone)]
pub(crate) struct Edge {
    pub line: usize,
    /// Chainage difference or geodesic length.
    pub length: Length,
    /// The node the geometry starts at.
    pub from: NodeIndex,
    /// Drawn points from `from` to the other end (the ends included where their position is known).
    pub geometry: Vec<LatLon>,
    /// Stations passed between the ends that have coordinates but no km post (drawn only).
    pub drawn_only: Vec<String>,
}

/// A railway network ready for routing. Build it once and query it many times.
#[derive(Debug, Clone)]
pub struct RailNetwork {
    pub(crate) graph: UnGraph<Node, Edge>,
    pub(crate) measure: Measure,
    pub(crate) lines: Vec<LineInfo>,
    /// Folded station names and aliases → node.
    pub(crate) names: HashMap<String, NodeIndex>,
    /// Track segments for snapping (track networks only), indexed on the first snap: a
    /// network read only to be compiled (`rail import`) never builds the index.
    pub(crate) segments: Option<OnceLock<SegmentIndex>>,
    /// How far a waypoint may be from the network and still be snapped to it.
    pub(crate) tolerance: Length,
    /// Stations read from the file (OpenStreetMap networks), off the graph: a waypoint that
    /// names one is snapped from the station's position to the track.
    pub(crate) stations: Vec<FileStation>,
    /// Folded station names and other names → index in `stations`.
    pub(crate) station_keys: HashMap<String, usize>,
    /// Km posts on the track (OpenStreetMap networks), sorted by node id.
    pub(crate) posts: Vec<TrackPost>,
    /// Each edge's drawn line measured on the ellipsoid, by edge index, measured on the first
    /// route that needs it (chainage networks, whose legs report their drawing's length too).
    pub(crate) drawn: OnceLock<Vec<Length>>,
}

impl RailNetwork {
    /// Default snapping distance for table networks (waypoint to station).
    pub const TABLE_TOLERANCE: Length = Length::m(20_000.0);
    /// Default snapping distance for track networks (waypoint to track).
    pub const TRACK_TOLERANCE: Length = Length::m(2_000.0);

    /// The network of the bundled line tables, parsed once and shared.
    pub fn bundled() -> Result<&'static RailNetwork> {
        static NET: OnceLock<RailNetwork> = OnceLock::new();
        if let Some(n) = NET.get() {
            return Ok(n);
        }
        let net = RailNetwork::from_tables(&bundled_tables()?);
        Ok(NET.get_or_init(|| net))
    }

    /// Joins line tables into one network. Stations with km posts become nodes; a station whose
    /// name (or an alias) matches a node already built from another line becomes that junction.
    /// Rows with coordinates but no km post are drawn between their neighbours.
    pub fn from_tables(tables: &[LineTable]) -> RailNetwork {
        let mut graph = UnGraph::default();
        let mut names: HashMap<String, NodeIndex> = HashMap::new();
        let mut lines = Vec::with_capacity(tables.len());
        for (li, t) in tables.iter().enumerate() {
            lines.push(LineInfo {
                id: t.id.clone(),
                name: t.name.clone(),
                gauge_mm: t.gauge_mm.clone(),
                usage: None,
                service: None,
                electrified: None,
            });
            let mut prev: Option<(NodeIndex, Length)> = None;
            let mut pending: Vec<LatLon> = Vec::new();
            let mut pending_names: Vec<String> = Vec::new();
            for s in &t.stations {
                let Some(km) = s.km else {
                    if let Some(at) = s.at {
                        pending.push(at);
                        pending_names.push(s.name.clone());
                    }
                    continue;
                };
                let keys: Vec<String> = std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .map(|n| fold(n))
                    .collect();
                let node = match keys.iter().find_map(|k| names.get(k)) {
                    Some(&n) => {
                        let w: &mut Node = &mut graph[n];
                        if w.at.is_none() {
                            w.at = s.at;
                        }
                        n
                    }
                    None => graph.add_node(Node {
                        name: Some(s.name.clone()),
                        at: s.at,
                    }),
                };
                for k in keys {
                    names.entry(k).or_insert(node);
                }
                if let Some((p, pkm)) = prev {
                    let mut geometry: Vec<LatLon> = graph[p].at.into_iter().collect();
                    geometry.append(&mut pending);
                    geometry.extend(s.at);
                    let edge = Edge {
                        line: li,
                        length: km - pkm,
                        from: p,
                        geometry,
                        drawn_only: std::mem::take(&mut pending_names),
                    };
                    graph.add_edge(p, node, edge);
                }
                pending.clear();
                pending_names.clear();
                prev = Some((node, km));
            }
        }
        RailNetwork {
            graph,
            measure: Measure::Chainage,
            lines,
            names,
            segments: None,
            tolerance: Self::TABLE_TOLERANCE,
            stations: Vec::new(),
            station_keys: HashMap::new(),
            posts: Vec::new(),
            drawn: OnceLock::new(),
        }
    }

    /// The same network with these stations (replacing any it had), indexed by folded name.
    pub(crate) fn with_stations(mut self, stations: Vec<FileStation>) -> RailNetwork {
        self.station_keys.clear();
        for (i, s) in stations.iter().enumerate() {
            for n in std::iter::once(&s.name).chain(&s.other_names) {
                self.station_keys.entry(fold(n)).or_insert(i);
            }
        }
        self.stations = stations;
        self
    }

    /// The stations read from the rail file (OpenStreetMap station and halt nodes with their
    /// names), in file order; empty for the bundled line tables, whose stations the gazetteer
    /// already holds.
    pub fn stations(&self) -> &[FileStation] {
        &self.stations
    }

    /// The same network with another snapping tolerance.
    pub fn with_tolerance(mut self, tolerance: Length) -> RailNetwork {
        self.tolerance = tolerance;
        self
    }

    /// What the edge lengths are (chainage or geometry).
    pub fn measure(&self) -> Measure {
        self.measure
    }

    /// The lines the network was built from.
    pub fn lines(&self) -> &[LineInfo] {
        &self.lines
    }

    /// Number of nodes (stations, or track ends and junctions).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Number of straight segments in the edges' drawn geometry.
    pub fn segment_count(&self) -> usize {
        self.graph
            .edge_weights()
            .map(|e| e.geometry.len().saturating_sub(1))
            .sum()
    }

    /// The station called `name` (its name or an alias, in any spelling the name matching
    /// of [`RailNetwork::route`] accepts: "Хасан", "Khasan"), with its position if the tables
    /// give one. Track networks have no station names and return `None`.
    ///
    /// ```
    /// let net = routecheck::network::RailNetwork::bundled().unwrap();
    /// let s = net.station("Baranovskiy").unwrap();
    /// assert_eq!(s.name, "Baranovsky");
    /// assert!(s.at.is_some());
    /// ```
    pub fn station(&self, name: &str) -> Option<Station> {
        let node = &self.graph[*self.names.get(&fold(name))?];
        Some(Station {
            name: node.name.clone()?,
            at: node.at,
        })
    }

    /// Names of the stations, sorted, for suggestions.
    pub fn station_names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .graph
            .node_weights()
            .filter_map(|n| n.name.as_deref())
            .chain(self.stations.iter().map(|s| s.name.as_str()))
            .collect();
        v.sort_unstable();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lines_join_at_junctions() {
        let net = RailNetwork::bundled().unwrap();
        assert_eq!(net.lines().len(), 6);
        // Rajin, Hongŭi, Tumangang, Khasan and Baranovsky each appear on two tables but are one node.
        let names = net.station_names();
        for j in ["Rajin", "Hongŭi", "Tumangang", "Khasan", "Baranovsky"] {
            assert_eq!(names.iter().filter(|n| **n == j).count(), 1, "{j}");
        }
        let khasan = net.names[&fold("Hasan")];
        assert_eq!(net.graph.neighbors(khasan).count(), 2);
    }

    #[test]
    fn drawn_only_rows_go_into_edge_geometry() {
        let net = RailNetwork::bundled().unwrap();
        let e = net
            .graph
            .edge_weights()
            .find(|e| e.drawn_only.iter().any(|n| n == "Hamhŭng"))
            .unwrap();
        assert_eq!(e.length, Length::km(781.1 - 83.7));
        assert!(e.geometry.len() >= 6);
    }
}
