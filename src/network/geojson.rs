//! A network from the user's own track geometry: GeoJSON LineStrings (e.g. an OpenStreetMap
//! export of `railway=rail`). Nodes sit at line ends and at vertices shared by two lines (or
//! visited twice by one); edges are the track between them, measured on the WGS84 ellipsoid.

use std::collections::HashMap;

use ::geojson::{GeoJson, Geometry, GeometryValue};
use petgraph::graph::{NodeIndex, UnGraph};

use super::build::{Edge, LineInfo, Measure, Node, RailNetwork};
use super::{Error, Result};
use crate::coord::LatLon;
use crate::geodesy;

/// Vertices closer than this (1e-7°, about 1 cm) are the same vertex.
const GRID: f64 = 1e7;

fn key(p: LatLon) -> (i64, i64) {
    ((p.lat * GRID).round() as i64, (p.lon * GRID).round() as i64)
}

impl RailNetwork {
    /// Builds a network from GeoJSON text holding LineStrings or MultiLineStrings (as bare
    /// geometries, features or a feature collection; other geometry types are ignored).
    ///
    /// ```
    /// use routecheck::{coord::LatLon, network::{Measure, RailNetwork, Waypoint}};
    /// let track = r#"{"type":"LineString","coordinates":[[130.0,42.0],[130.1,42.0],[130.2,42.0]]}"#;
    /// let net = RailNetwork::from_geojson(track).unwrap();
    /// let a = Waypoint::at("west end", LatLon { lat: 42.0005, lon: 130.0 });
    /// let b = Waypoint::at("east end", LatLon { lat: 42.0, lon: 130.2 });
    /// let route = net.route(&[a, b]).unwrap();
    /// assert_eq!(route.measure, Measure::Geometry);
    /// assert!((route.length.as_km() - 16.570).abs() < 0.001);
    /// assert!((route.waypoints[0].distance.as_m() - 55.5).abs() < 0.5);
    /// ```
    pub fn from_geojson(text: &str) -> Result<RailNetwork> {
        let gj: GeoJson = text.parse()?;
        let mut lines: Vec<Vec<LatLon>> = Vec::new();
        match gj {
            GeoJson::Geometry(g) => collect(&g, 0, &mut lines)?,
            GeoJson::Feature(f) => {
                if let Some(g) = &f.geometry {
                    collect(g, 0, &mut lines)?;
                }
            }
            GeoJson::FeatureCollection(fc) => {
                for (i, f) in fc.features.iter().enumerate() {
                    if let Some(g) = &f.geometry {
                        collect(g, i, &mut lines)?;
                    }
                }
            }
        }
        lines.retain(|l| l.len() >= 2);
        if lines.is_empty() {
            return Err(Error::NoTrack);
        }
        // A vertex is a node if it ends a line or appears more than once.
        let mut seen: HashMap<(i64, i64), u32> =
            HashMap::with_capacity(lines.iter().map(Vec::len).sum());
        for l in &lines {
            for p in l {
                *seen.entry(key(*p)).or_default() += 1;
            }
            for end in [l[0], l[l.len() - 1]] {
                *seen.entry(key(end)).or_default() += 2;
            }
        }
        let mut graph: UnGraph<Node, Edge> = UnGraph::default();
        let mut nodes: HashMap<(i64, i64), NodeIndex> = HashMap::new();
        let mut node_at = |graph: &mut UnGraph<Node, Edge>, p: LatLon| {
            *nodes.entry(key(p)).or_insert_with(|| {
                graph.add_node(Node {
                    name: None,
                    at: Some(p),
                })
            })
        };
        for l in &lines {
            let mut from = node_at(&mut graph, l[0]);
            let mut geometry = vec![l[0]];
            let mut length = crate::units::Length::ZERO;
            for w in l.windows(2) {
                length = length + geodesy::distance(w[0], w[1]);
                geometry.push(w[1]);
                if seen.get(&key(w[1])).copied().unwrap_or(0) >= 2 {
                    let to = node_at(&mut graph, w[1]);
                    if to != from || length.as_m() > 0.0 {
                        let g = std::mem::replace(&mut geometry, vec![w[1]]);
                        graph.add_edge(
                            from,
                            to,
                            Edge {
                                line: 0,
                                length,
                                from,
                                geometry: g,
                                drawn_only: Vec::new(),
                            },
                        );
                    }
                    length = crate::units::Length::ZERO;
                    from = to;
                }
            }
        }
        Ok(RailNetwork {
            graph,
            measure: Measure::Geometry,
            lines: vec![LineInfo {
                id: "user".into(),
                name: "user track (GeoJSON)".into(),
                gauge_mm: Vec::new(),
                usage: None,
                service: None,
                electrified: None,
            }],
            names: HashMap::new(),
            segments: Some(std::sync::OnceLock::new()),
            tolerance: RailNetwork::TRACK_TOLERANCE,
            stations: Vec::new(),
            station_keys: HashMap::new(),
            posts: Vec::new(),
            drawn: std::sync::OnceLock::new(),
        })
    }
}

/// Appends the line strings of `g` (validated, consecutive duplicates dropped) to `out`.
fn collect(g: &Geometry, feature: usize, out: &mut Vec<Vec<LatLon>>) -> Result<()> {
    match &g.value {
        GeometryValue::LineString { coordinates } => out.push(line(coordinates, feature)?),
        GeometryValue::MultiLineString { coordinates } => {
            for c in coordinates {
                out.push(line(c, feature)?);
            }
        }
        GeometryValue::GeometryCollection { geometries } => {
            for g in geometries {
                collect(g, feature, out)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn line(coords: &[::geojson::Position], feature: usize) -> Result<Vec<LatLon>> {
    let mut line: Vec<LatLon> = Vec::with_capacity(coords.len());
    for c in coords {
        let s = c.as_slice();
        let p = match s {
            [lon, lat, ..] => LatLon::new(*lat, *lon),
            _ => Err(crate::coord::Error::Unreadable {
                text: format!("{s:?}"),
            }),
        }
        .map_err(|source| Error::BadTrackCoordinate { feature, source })?;
        if line.last() != Some(&p) {
            line.push(p);
        }
    }
    Ok(line)
}
