//! `.osm.pbf` extracts, read with the `osmpbf` crate in two passes so that only railway nodes
//! are held in memory (a country extract has hundreds of millions of nodes): the first pass
//! keeps the railway ways and the station nodes, the second the positions of the ways' nodes.
//! Blocks are decoded on all cores (`par_map_reduce`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use osmpbf::{Element, ElementReader};

use super::{OsmPost, OsmRail, OsmStation, OsmWay, is_kept_railway, post, station, way_tags};
use crate::coord::LatLon;
use crate::network::Result;

/// What one pass over a block yields.
#[derive(Default)]
pub(super) struct Found {
    pub ways: Vec<OsmWay>,
    pub stations: Vec<OsmStation>,
    pub posts: Vec<OsmPost>,
}

impl Found {
    fn merge(mut self, mut other: Found) -> Found {
        self.ways.append(&mut other.ways);
        self.stations.append(&mut other.stations);
        self.posts.append(&mut other.posts);
        self
    }
}

/// The first pass over a `.osm.pbf` file: its kept railway ways (with their node ids), station
/// nodes and km-post nodes, in any order.
pub(super) fn railways_and_stations(path: &Path) -> Result<Found> {
    Ok(ElementReader::from_path(path)?.par_map_reduce(
        |el| {
            let mut f = Found::default();
            match el {
                Element::Way(w) if is_kept_railway(w.tags()) => f.ways.push(OsmWay {
                    id: w.id(),
                    tags: way_tags(w.tags()),
                    nodes: w.refs().collect(),
                }),
                Element::Node(n) => {
                    if let Ok(at) = position(n.decimicro_lat(), n.decimicro_lon()) {
                        f.stations.extend(station(n.id(), at, n.tags()));
                        f.posts.extend(post(n.id(), n.tags()));
                    }
                }
                Element::DenseNode(n) => {
                    if n.tags().next().is_some()
                        && let Ok(at) = position(n.decimicro_lat(), n.decimicro_lon())
                    {
                        f.stations.extend(station(n.id(), at, n.tags()));
                        f.posts.extend(post(n.id(), n.tags()));
                    }
                }
                _ => {}
            }
            f
        },
        Found::default,
        Found::merge,
    )?)
}

/// Reads the railways of a `.osm.pbf` file.
pub(crate) fn read(path: &Path) -> Result<OsmRail> {
    let first = railways_and_stations(path)?;
    let wanted: HashSet<i64> = first
        .ways
        .iter()
        .flat_map(|w| w.nodes.iter().copied())
        .collect();
    let positions = ElementReader::from_path(path)?.par_map_reduce(
        |el| {
            let (id, lat, lon) = match el {
                Element::Node(n) => (n.id(), n.decimicro_lat(), n.decimicro_lon()),
                Element::DenseNode(n) => (n.id(), n.decimicro_lat(), n.decimicro_lon()),
                _ => return Vec::new(),
            };
            match position(lat, lon) {
                Ok(at) if wanted.contains(&id) => vec![(id, at)],
                _ => Vec::new(),
            }
        },
        Vec::new,
        |mut a, mut b| {
            a.append(&mut b);
            a
        },
    )?;
    let mut rail = OsmRail {
        ways: first.ways,
        positions: positions.into_iter().collect::<HashMap<_, _>>(),
        stations: first.stations,
        posts: first.posts,
    };
    // Blocks finish in any order: sort for deterministic output.
    rail.ways.sort_by_key(|w| w.id);
    rail.stations.sort_by_key(|s| s.id);
    rail.posts.sort_by_key(|p| p.id);
    Ok(rail)
}

/// A position in OpenStreetMap's 1e-7° units, converted the one way the compiled format does,
/// so that a network and its compiled copy hold the same numbers.
pub(super) fn position(lat: i32, lon: i32) -> std::result::Result<LatLon, crate::coord::Error> {
    LatLon::new(lat as f64 / 1e7, lon as f64 / 1e7)
}
