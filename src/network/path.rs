//! Shortest paths through waypoints, and the route they make: lengths by chainage or geometry,
//! the drawn line, and the stations passed.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::build::{Measure, RailNetwork};
use super::snap::{EdgeSnap, extend_dedup, slice};
use super::{Error, Result, Waypoint, fold};
use crate::coord::LatLon;
use crate::geodesy;
use crate::units::Length;

/// A rail route through two or more waypoints.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RailRoute {
    /// One leg per pair of consecutive waypoints.
    pub legs: Vec<RailLeg>,
    /// The route's length: the sum of chainage differences (bundled tables) or of the track
    /// geometry on the ellipsoid (user track), as [`RailRoute::measure`] says.
    pub length: Length,
    /// What [`RailRoute::length`] measures: chainage or track geometry.
    pub measure: Measure,
    /// The drawn line, start to end.
    pub geometry: Vec<LatLon>,
    /// Geodesic length of the drawn line. For a schematic route it only sketches the track
    /// (straight between the points the tables give), so it is shorter than the chainage.
    pub geometry_length: Length,
    /// True when the geometry joins stations with straight lines rather than following track.
    pub schematic: bool,
    /// Where each waypoint landed on the network.
    pub waypoints: Vec<Snapped>,
}

/// The part of a route between two consecutive waypoints.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RailLeg {
    /// The name of the waypoint the leg starts at.
    pub from: String,
    /// The name of the waypoint the leg ends at.
    pub to: String,
    /// The leg's length, measured as the route's [`RailRoute::measure`] says.
    pub length: Length,
    /// The leg's drawn line, start to end.
    pub geometry: Vec<LatLon>,
    /// Geodesic length of the drawn line (a sketch for a schematic route).
    pub geometry_length: Length,
    /// Stations with km posts passed, the leg's ends included.
    pub stations: Vec<StationPass>,
    /// The lines used, in order.
    pub lines: Vec<String>,
    /// Named points drawn between stations that have no cited km post (towns the line passes).
    pub drawn_points: Vec<String>,
    /// The railway's own km posts the leg passes on the track (OpenStreetMap
    /// `railway:position`), in travel order.
    pub posts: Vec<PostPass>,
}

/// A km post passed on a leg.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PostPass {
    /// The post's value in kilometres, as tagged.
    pub km_post: f64,
    /// Its distance from the leg's start along the track.
    pub from_leg_start: Length,
    /// The OpenStreetMap node that carries it.
    pub osm_node: i64,
}

/// A station on a leg, with its distance from the leg's start.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StationPass {
    /// The station's name.
    pub name: String,
    /// Its position, where known.
    pub at: Option<LatLon>,
    /// Its distance from the leg's start along the route (chainage for table networks).
    pub from_leg_start: Length,
}

/// How a waypoint was matched to the network.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Snapped {
    /// The waypoint's name as given.
    pub waypoint: String,
    /// The station it matched, or "track" for a point on a user's track.
    pub matched: String,
    /// The point on the network.
    pub at: Option<LatLon>,
    /// Distance from the waypoint's position to that point (zero when matched by name only).
    pub distance: Length,
    /// True when matched by name, false when snapped by position.
    pub by_name: bool,
    /// The OpenStreetMap station node the name matched (the waypoint is then the point on the
    /// track nearest that station).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub station_osm_node: Option<i64>,
}

#[derive(Debug, Clone, Copy)]
enum Anchor {
    Node(NodeIndex),
    OnEdge(EdgeSnap),
}

impl RailNetwork {
    /// The shortest rail route through `waypoints` in order.
    ///
    /// Each waypoint is matched by name (station names and aliases, spelling-insensitive); failing
    /// that, by position: to the nearest station (tables) or track (GeoJSON) within the tolerance.
    pub fn route(&self, waypoints: &[Waypoint]) -> Result<RailRoute> {
        if waypoints.len() < 2 {
            return Err(Error::TooFewWaypoints {
                given: waypoints.len(),
            });
        }
        let anchors: Vec<(Anchor, Snapped)> = waypoints
            .iter()
            .map(|w| self.resolve(w))
            .collect::<Result<_>>()?;
        let mut legs = Vec::with_capacity(anchors.len() - 1);
        for w in anchors.windows(2) {
            legs.push(self.leg(&w[0], &w[1])?);
        }
        let length: Length = legs.iter().map(|l| l.length).sum();
        if length <= Length::ZERO {
            return Err(Error::ZeroLength {
                at: anchors[0].1.matched.clone(),
            });
        }
        let mut geometry: Vec<LatLon> = Vec::new();
        for l in &legs {
            extend_dedup(&mut geometry, &l.geometry);
        }
        Ok(RailRoute {
            // The legs' drawn lines, measured once each, joined end to end.
            geometry_length: legs.iter().map(|l| l.geometry_length).sum(),
            length,
            measure: self.measure,
            schematic: self.measure == Measure::Chainage,
            geometry,
            legs,
            waypoints: anchors.into_iter().map(|a| a.1).collect(),
        })
    }

    fn resolve(&self, w: &Waypoint) -> Result<(Anchor, Snapped)> {
        let label = label(w);
        if let Some(&n) = self.names.get(&fold(&w.name)) {
            let node = &self.graph[n];
            let distance = match (w.at, node.at) {
                (Some(a), Some(b)) => geodesy::distance(a, b),
                _ => Length::ZERO,
            };
            // A name match far from the waypoint's own position is another place of that name.
            if distance <= self.tolerance {
                let matched = node.name.clone().unwrap_or_default();
                let snapped = Snapped {
                    waypoint: label.clone(),
                    matched,
                    at: node.at,
                    distance,
                    by_name: true,
                    station_osm_node: None,
                };
                return Ok((Anchor::Node(n), snapped));
            }
        }
        if let Some(found) = self.resolve_station(w) {
            return found;
        }
        let Some(at) = w.at else {
            return Err(Error::UnknownStation {
                query: w.name.clone(),
                suggestions: self.suggest(&w.name),
            });
        };
        let no_coverage = |nearest| Error::NoCoverage {
            waypoint: label.clone(),
            nearest,
            tolerance: self.tolerance,
        };
        if self.segments.is_some() {
            return match self.snap_to_track(at) {
                Ok(s) => {
                    let snapped = Snapped {
                        waypoint: label.clone(),
                        matched: "track".into(),
                        at: Some(s.point),
                        distance: s.distance,
                        by_name: false,
                        station_osm_node: None,
                    };
                    Ok((Anchor::OnEdge(s), snapped))
                }
                Err(d) => Err(no_coverage(d.map(|d| ("track".to_string(), d)))),
            };
        }
        match self.nearest_station(at) {
            Some((n, d)) if d <= self.tolerance => {
                let node = &self.graph[n];
                let matched = node.name.clone().unwrap_or_default();
                Ok((
                    Anchor::Node(n),
                    Snapped {
                        waypoint: label.clone(),
                        matched,
                        at: node.at,
                        distance: d,
                        by_name: false,
                        station_osm_node: None,
                    },
                ))
            }
            Some((n, d)) => Err(no_coverage(Some((
                self.graph[n].name.clone().unwrap_or_default(),
                d,
            )))),
            None => Err(no_coverage(None)),
        }
    }

    /// A waypoint named after one of the file's stations (and, if it has a position, within
    /// the tolerance of it): the point on the track nearest the station.
    fn resolve_station(&self, w: &Waypoint) -> Option<Result<(Anchor, Snapped)>> {
        let &i = self.station_keys.get(&fold(&w.name))?;
        let station = &self.stations[i];
        let distance =
            w.at.map_or(Length::ZERO, |a| geodesy::distance(a, station.at));
        if distance > self.tolerance {
            return None;
        }
        Some(match self.snap_to_track(station.at) {
            Ok(s) => Ok((
                Anchor::OnEdge(s),
                Snapped {
                    waypoint: w.name.clone(),
                    matched: station.name.clone(),
                    at: Some(s.point),
                    distance: w.at.map_or(s.distance, |a| geodesy::distance(a, s.point)),
                    by_name: true,
                    station_osm_node: station.osm_node,
                },
            )),
            Err(d) => Err(Error::NoCoverage {
                waypoint: w.name.clone(),
                nearest: d.map(|d| ("track".to_string(), d)),
                tolerance: self.tolerance,
            }),
        })
    }

    fn suggest(&self, query: &str) -> Vec<String> {
        let q = fold(query);
        let mut scored: Vec<(f64, &str)> = self
            .station_names()
            .into_iter()
            .map(|n| (strsim::jaro_winkler(&q, &fold(n)), n))
            .filter(|(s, _)| *s > 0.75)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, n)| n.to_string())
            .collect()
    }

    /// Ways into the graph from an anchor: (node, cost in metres from the anchor to it).
    fn ends(&self, a: &Anchor) -> Vec<(NodeIndex, f64)> {
        match a {
            Anchor::Node(n) => vec![(*n, 0.0)],
            Anchor::OnEdge(s) => {
                let e = &self.graph[s.edge];
                let to = self.other_end(s.edge, e.from);
                vec![
                    (e.from, s.along.as_m()),
                    (to, (e.length - s.along).as_m().max(0.0)),
                ]
            }
        }
    }

    fn other_end(&self, e: EdgeIndex, n: NodeIndex) -> NodeIndex {
        match self.graph.edge_endpoints(e) {
            Some((a, b)) if a == n => b,
            Some((a, _)) => a,
            None => n,
        }
    }

    fn leg(&self, a: &(Anchor, Snapped), b: &(Anchor, Snapped)) -> Result<RailLeg> {
        let unreachable = || Error::Unreachable {
            from: a.1.waypoint.clone(),
            to: b.1.waypoint.clone(),
        };
        let (sources, targets) = (self.ends(&a.0), self.ends(&b.0));
        let found = self.dijkstra(&sources, &targets);
        // Both on the same edge: going straight along it may beat leaving it.
        if let (Anchor::OnEdge(s), Anchor::OnEdge(t)) = (&a.0, &b.0)
            && s.edge == t.edge
        {
            let direct = (s.along - t.along).as_m().abs();
            if found.as_ref().is_none_or(|f| direct <= f.0) {
                let geom = slice(&self.graph[s.edge].geometry, s.along.as_m(), t.along.as_m());
                let leg = self.make_leg(
                    a,
                    b,
                    Length::m(direct),
                    (geom, None),
                    Vec::new(),
                    Vec::new(),
                );
                return Ok(leg);
            }
        }
        let (cost, path, si, ti) = found.ok_or_else(unreachable)?;
        let mut geometry = Vec::new();
        let start = sources[si].0;
        if let Anchor::OnEdge(s) = &a.0 {
            let e = &self.graph[s.edge];
            let end_m = if start == e.from {
                0.0
            } else {
                e.length.as_m()
            };
            geometry = slice(&e.geometry, s.along.as_m(), end_m);
        }
        let mut stations = Vec::new();
        let mut lines: Vec<String> = Vec::new();
        let mut drawn_points: Vec<String> = Vec::new();
        let mut node = start;
        let mut run = Length::m(sources[si].1);
        // The drawn line's length, edge by edge, while the leg runs from node to node.
        let node_to_node = matches!((&a.0, &b.0), (Anchor::Node(_), Anchor::Node(_)));
        let mut drawn = Length::ZERO;
        self.push_station(&mut stations, node, run);
        for &eid in &path {
            let e = &self.graph[eid];
            let mut g = e.geometry.clone();
            let mut names = e.drawn_only.clone();
            if node != e.from {
                g.reverse();
                names.reverse();
            }
            drawn_points.extend(names);
            if node_to_node && self.measure == Measure::Chainage {
                if let (Some(&last), Some(&first)) = (geometry.last(), g.first())
                    && last != first
                {
                    drawn = drawn + geodesy::distance(last, first);
                }
                drawn = drawn + self.drawn_lengths()[eid.index()];
            }
            extend_dedup(&mut geometry, &g);
            let name = &self.lines[e.line].name;
            if lines.last() != Some(name) {
                lines.push(name.clone());
            }
            node = self.other_end(eid, node);
            run = run + e.length;
            self.push_station(&mut stations, node, run);
        }
        if let Anchor::OnEdge(t) = &b.0 {
            let e = &self.graph[t.edge];
            let from_m = if targets[ti].0 == e.from {
                0.0
            } else {
                e.length.as_m()
            };
            extend_dedup(&mut geometry, &slice(&e.geometry, from_m, t.along.as_m()));
        }
        let drawn = node_to_node.then_some(drawn);
        let mut leg = self.make_leg(a, b, Length::m(cost), (geometry, drawn), stations, lines);
        leg.drawn_points = drawn_points;
        Ok(leg)
    }

    fn push_station(&self, out: &mut Vec<StationPass>, n: NodeIndex, from_leg_start: Length) {
        if let Some(name) = &self.graph[n].name {
            out.push(StationPass {
                name: name.clone(),
                at: self.graph[n].at,
                from_leg_start,
            });
        }
    }

    /// A leg from its parts; `drawn` is the drawn line's length when the caller measured it
    /// (edge by edge), else it is measured here.
    fn make_leg(
        &self,
        a: &(Anchor, Snapped),
        b: &(Anchor, Snapped),
        length: Length,
        (geometry, drawn): (Vec<LatLon>, Option<Length>),
        stations: Vec<StationPass>,
        lines: Vec<String>,
    ) -> RailLeg {
        RailLeg {
            from: a.1.waypoint.clone(),
            to: b.1.waypoint.clone(),
            posts: self.posts_on(&geometry),
            length,
            // On track geometry the leg's length is the drawn line's (measured once, edge by
            // edge); on chainage the drawn line is a sketch and is measured on its own.
            geometry_length: match self.measure {
                Measure::Geometry => length,
                Measure::Chainage => drawn.unwrap_or_else(|| geodesy::path_length(&geometry)),
            },
            geometry,
            stations,
            lines,
            drawn_points: Vec::new(),
        }
    }

    /// Each edge's drawn line measured on the ellipsoid, by edge index (measured once).
    fn drawn_lengths(&self) -> &[Length] {
        self.drawn.get_or_init(|| {
            self.graph
                .edge_indices()
                .map(|e| geodesy::path_length(&self.graph[e].geometry))
                .collect()
        })
    }

    /// The km posts that are vertices of a leg's track geometry, in its order, each with its
    /// distance along the geometry (posts are track nodes, so they are vertices exactly).
    fn posts_on(&self, geometry: &[LatLon]) -> Vec<PostPass> {
        if self.posts.is_empty() {
            return Vec::new();
        }
        let key = |p: &LatLon| (p.lat.to_bits(), p.lon.to_bits());
        let at: HashMap<(u64, u64), &crate::network::TrackPost> =
            self.posts.iter().map(|p| (key(&p.at), p)).collect();
        let mut along = Length::ZERO;
        let mut passed = Vec::new();
        for (i, p) in geometry.iter().enumerate() {
            if i > 0 {
                along = along + geodesy::distance(geometry[i - 1], *p);
            }
            if let Some(post) = at.get(&key(p)) {
                passed.push(PostPass {
                    km_post: post.km,
                    from_leg_start: along,
                    osm_node: post.osm_node,
                });
            }
        }
        passed
    }

    /// Multi-source Dijkstra. Returns (cost in metres, edges in order, source index, target index).
    ///
    /// Hand-rolled beside petgraph on purpose: a waypoint snapped onto a track edge enters the
    /// graph at both ends of that edge with different costs, so the search starts from several
    /// sources and ends at several targets, and the route needs the edges taken.
    /// `petgraph::algo::dijkstra` is single-source, returns distances without predecessors and
    /// keeps them in a `HashMap`; `astar` is single-source too. On the generated
    /// 1,000,000-segment grid of `benches/rail_osm.rs` (10,200 nodes, 20,000 edges), petgraph's
    /// `dijkstra` corner to corner took a 15.8 ms divan median (3.3 ms fastest, on a heavily
    /// loaded 2-core machine) for the distance alone; the whole route query there (snap,
    /// search, geometry) took 16.2 ms median (2.1 ms fastest) in the same run.
    fn dijkstra(
        &self,
        sources: &[(NodeIndex, f64)],
        targets: &[(NodeIndex, f64)],
    ) -> Option<(f64, Vec<EdgeIndex>, usize, usize)> {
        let n = self.graph.node_count();
        let mut dist = vec![f64::INFINITY; n];
        let mut pred: Vec<Option<EdgeIndex>> = vec![None; n];
        let mut origin = vec![usize::MAX; n];
        let mut heap = BinaryHeap::new();
        for (i, &(s, c)) in sources.iter().enumerate() {
            if c < dist[s.index()] {
                dist[s.index()] = c;
                origin[s.index()] = i;
                // Non-negative f64 bit patterns sort like the numbers.
                heap.push(Reverse((c.to_bits(), s.index())));
            }
        }
        let mut best: Option<(f64, usize, usize)> = None;
        while let Some(Reverse((bits, u))) = heap.pop() {
            let d = f64::from_bits(bits);
            if d > dist[u] {
                continue;
            }
            if best.is_some_and(|b| d >= b.0) {
                break;
            }
            for (ti, &(t, c)) in targets.iter().enumerate() {
                if t.index() == u && best.is_none_or(|b| d + c < b.0) {
                    best = Some((d + c, u, ti));
                }
            }
            let un = NodeIndex::new(u);
            for er in self.graph.edges(un) {
                let v = if er.source() == un {
                    er.target()
                } else {
                    er.source()
                };
                let nd = d + er.weight().length.as_m();
                if nd < dist[v.index()] {
                    dist[v.index()] = nd;
                    pred[v.index()] = Some(er.id());
                    origin[v.index()] = origin[u];
                    heap.push(Reverse((nd.to_bits(), v.index())));
                }
            }
        }
        let (cost, end, ti) = best?;
        let mut path = Vec::new();
        let mut at = NodeIndex::new(end);
        while let Some(e) = pred[at.index()] {
            path.push(e);
            at = self.other_end(e, at);
        }
        path.reverse();
        Some((cost, path, origin[end], ti))
    }
}

/// How messages name a waypoint: its name, or its position when it has no name (a waypoint
/// given by coordinates is placed by position only, so that no label can pick a station).
fn label(w: &Waypoint) -> String {
    match (w.name.trim().is_empty(), w.at) {
        (true, Some(at)) => at.to_string(),
        _ => w.name.clone(),
    }
}
