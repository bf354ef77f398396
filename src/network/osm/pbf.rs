//! `.osm.pbf` extracts, read with the `osmpbf` crate in two passes so that only railway nodes
//! are held in memory (a country extract has hundreds of millions of nodes): the first pass
//! keeps the railway ways and the station nodes, the second the positions of the ways' nodes.
//! Blocks are decoded on all cores (`par_map_reduce`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use osmpbf::{BlobDecode, BlobReader, Element, ElementReader, WayRefIter};
use rayon::iter::{ParallelBridge, ParallelIterator};

use super::{OsmPost, OsmRail, OsmStation, OsmWay, is_kept_railway, post, station, way_tags};
use crate::coord::LatLon;
use crate::network::Result;

/// What one pass over a block yields: ways with their node ids kept as `N`.
pub(super) struct Found<N> {
    pub ways: Vec<OsmWay<N>>,
    pub stations: Vec<OsmStation>,
    pub posts: Vec<OsmPost>,
}

impl<N> Default for Found<N> {
    fn default() -> Self {
        Found {
            ways: Vec::new(),
            stations: Vec::new(),
            posts: Vec::new(),
        }
    }
}

impl<N> Found<N> {
    fn merge(mut self, mut other: Found<N>) -> Found<N> {
        self.ways.append(&mut other.ways);
        self.stations.append(&mut other.stations);
        self.posts.append(&mut other.posts);
        self
    }
}

/// The first pass over a `.osm.pbf` file: its kept railway ways (with their node ids as
/// `keep` stores them), station nodes and km-post nodes, in any order; and the indices of the
/// file's blobs that hold nodes, in order (the only ones the second pass decodes). Blobs are
/// decoded on all cores.
pub(super) fn railways_and_stations<N: Send>(
    path: &Path,
    keep: impl Fn(WayRefIter<'_>) -> N + Sync + Send,
) -> Result<(Found<N>, Vec<usize>)> {
    let (found, mut node_blobs) = BlobReader::from_path(path)?
        .enumerate()
        .par_bridge()
        .map(|(i, blob)| {
            let mut f = Found::default();
            let mut has_nodes = false;
            if let BlobDecode::OsmData(block) = blob?.decode()? {
                for el in block.elements() {
                    has_nodes |= matches!(el, Element::Node(_) | Element::DenseNode(_));
                    found_in(el, &keep, &mut f);
                }
            }
            Ok::<_, osmpbf::Error>((f, if has_nodes { vec![i] } else { Vec::new() }))
        })
        .try_reduce(
            || (Found::default(), Vec::new()),
            |(a, mut ia), (b, mut ib)| {
                ia.append(&mut ib);
                Ok((a.merge(b), ia))
            },
        )?;
    node_blobs.sort_unstable();
    Ok((found, node_blobs))
}

/// What one element adds to the first pass.
fn found_in<N>(el: Element<'_>, keep: &impl Fn(WayRefIter<'_>) -> N, f: &mut Found<N>) {
    match el {
        Element::Way(w) if is_kept_railway(w.tags()) => f.ways.push(OsmWay {
            id: w.id(),
            tags: way_tags(w.tags()),
            nodes: keep(w.refs()),
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
}

/// The second pass: calls `f` with the id and position (1e-7 degrees) of every node in the
/// listed blobs (indices from [`railways_and_stations`], in order), decoding them on all cores.
pub(super) fn for_each_node(
    path: &Path,
    blobs: &[usize],
    f: impl Fn(i64, i32, i32) + Sync + Send,
) -> Result<()> {
    BlobReader::from_path(path)?
        .enumerate()
        .filter(|(i, _)| blobs.binary_search(i).is_ok())
        .par_bridge()
        .try_for_each(|(_, blob)| -> osmpbf::Result<()> {
            if let BlobDecode::OsmData(block) = blob?.decode()? {
                for el in block.elements() {
                    match el {
                        Element::Node(n) => f(n.id(), n.decimicro_lat(), n.decimicro_lon()),
                        Element::DenseNode(n) => f(n.id(), n.decimicro_lat(), n.decimicro_lon()),
                        _ => {}
                    }
                }
            }
            Ok(())
        })?;
    Ok(())
}

/// Reads the railways of a `.osm.pbf` file.
pub(crate) fn read(path: &Path) -> Result<OsmRail> {
    let (first, _) = railways_and_stations(path, |refs| refs.collect::<Vec<i64>>())?;
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
