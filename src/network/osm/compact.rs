//! `rail import`'s build step for `.osm.pbf` extracts, in little memory: the compiled network
//! is written straight from the railway ways, never built as a routable graph first.
//!
//! What is held, for a network of N way nodes: while the file is read, each way's node ids
//! delta-encoded ([`DeltaIds`], one or two bytes a node) and the sorted list of the ids the
//! ways use ([`SortedIds`], four bytes a node), whose index is the node's index from then on;
//! the positions, as `i32` pairs in OpenStreetMap's 1e-7 degrees (eight bytes a node), filled
//! by the second pass, which decodes only the file's blocks that hold nodes. The ways' nodes
//! are then re-encoded as delta-encoded indices and the id list dropped. While writing: one
//! byte a node (how often the pieces meet it) and a table of the graph nodes. Edges are
//! measured and written one at a time through a buffer into the output, whose header (length
//! and checksum) is written last. The bytes are those [`RailNetwork::to_compiled`] writes for
//! the network [`super::OsmRail::build`] builds from the same file: the same nodes in the same
//! order, the same edges, lines, stations and km posts (tested below).
//!
//! [`RailNetwork::to_compiled`]: crate::network::RailNetwork::to_compiled

use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::build::line_info;
use super::node_ids::{DeltaIds, SortedIds};
use super::{WayTags, pbf};
use crate::coord::LatLon;
use crate::geodesy;
use crate::network::build::{FileStation, LineInfo, RailNetwork, TrackPost};
use crate::network::compiled::{HEADER, Writer, header};
use crate::network::{Error, Result};

/// A position the extract does not have (the way runs outside it): latitude −214°.
const MISSING: [i32; 2] = [i32::MIN, i32::MIN];
/// [`MISSING`], packed.
const PACKED_MISSING: u64 = pack(MISSING);
/// Bytes gathered before they are passed to the output (the output needs no buffer of its own).
const CHUNK: usize = 1 << 16;

/// A kept railway way, its nodes as indices into the positions (delta-encoded), consecutive
/// repeats removed.
struct CompactWay {
    id: i64,
    tags: WayTags,
    nodes: DeltaIds,
}

/// The railways of a `.osm.pbf` extract, read for `rail import`
/// ([`PbfImport::read`]), ready to be written as a compiled network
/// ([`PbfImport::write_compiled`]).
pub struct PbfImport {
    ways: Vec<CompactWay>,
    /// By node index: latitude and longitude in 1e-7 degrees, packed by [`pack`], or
    /// [`MISSING`].
    positions: Vec<u64>,
    stations: Vec<FileStation>,
    posts: Vec<TrackPost>,
}

/// What [`PbfImport::write_compiled`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportCounts {
    /// Graph nodes: track ends, junctions and cuts.
    pub nodes: usize,
    /// Edges: the track between two nodes.
    pub edges: usize,
    /// Straight segments of the edges' geometry.
    pub segments: usize,
    /// Lines (kept ways with the same tags share one).
    pub lines: usize,
    /// Named stations and halts.
    pub stations: usize,
    /// Bytes of the compiled file.
    pub bytes: u64,
}

impl PbfImport {
    /// Reads the railways of a `.osm.pbf` file in two passes, as `--rail FILE.osm.pbf` does
    /// (the same ways, stations and km posts), holding node ids and positions in sorted
    /// vectors rather than hash maps.
    pub fn read(path: &Path) -> Result<PbfImport> {
        let (first, node_blobs) = pbf::railways_and_stations(path, |refs| DeltaIds::encode(refs))?;
        let mut ways = first.ways;
        ways.sort_by_key(|w| w.id);
        let mut all: Vec<i64> = Vec::with_capacity(ways.iter().map(|w| w.nodes.len()).sum());
        ways.iter().for_each(|w| all.extend(w.nodes.iter()));
        let ids = SortedIds::new(all);
        if ids.len() == 0 {
            return Err(Error::NoOsmTrack);
        }
        assert!(ids.len() <= u32::MAX as usize, "fewer than 2^32 way nodes");
        let located: Vec<AtomicU64> = (0..ids.len())
            .map(|_| AtomicU64::new(PACKED_MISSING))
            .collect();
        pbf::for_each_node(path, &node_blobs, |id, lat, lon| {
            if let Some(i) = ids.index(id)
                && pbf::position(lat, lon).is_ok()
            {
                located[i].store(pack([lat, lon]), Ordering::Relaxed);
            }
        })?;
        // The same allocation, reused: `AtomicU64` and `u64` have the same layout.
        let positions: Vec<u64> = located.into_iter().map(AtomicU64::into_inner).collect();
        // The ways' nodes as indices from here on (as small as the ids: a way's nodes are
        // mostly consecutive ids, so consecutive indices).
        let ways: Vec<CompactWay> = ways
            .into_iter()
            .map(|w| {
                let mut last = None;
                let nodes = w.nodes.iter().filter_map(|id| {
                    let n = ids.index(id).expect("every way node id is listed") as i64;
                    (last.replace(n) != Some(n)).then_some(n)
                });
                CompactWay {
                    id: w.id,
                    tags: w.tags,
                    nodes: DeltaIds::encode(nodes),
                }
            })
            .collect();
        let mut posts: Vec<TrackPost> = first
            .posts
            .iter()
            .filter_map(|p| {
                let at = unpack(positions[ids.index(p.id)?]);
                Some(TrackPost {
                    at: lat_lon(at)?,
                    km: p.km,
                    osm_node: p.id,
                })
            })
            .collect();
        // As `OsmRail::build`: by node id, the first post of a node kept.
        posts.sort_by_key(|p| p.osm_node);
        posts.dedup_by_key(|p| p.osm_node);
        let mut stations = first.stations;
        stations.sort_by_key(|s| s.id);
        let stations = stations.into_iter().map(FileStation::from).collect();
        let import = PbfImport {
            ways,
            positions,
            stations,
            posts,
        };
        let mut pieces = 0;
        import.for_each_piece(|_, _| pieces += 1);
        if pieces == 0 {
            return Err(Error::NoOsmTrack);
        }
        Ok(import)
    }

    /// Calls `f` with every located run of every way (cut where a node has no position) of at
    /// least two nodes, with the way's index.
    fn for_each_piece(&self, mut f: impl FnMut(usize, &[u32])) {
        let mut nodes: Vec<u32> = Vec::new();
        for (w, way) in self.ways.iter().enumerate() {
            nodes.clear();
            nodes.extend(way.nodes.iter().map(|n| n as u32));
            for run in nodes.split(|&n| self.positions[n as usize] == PACKED_MISSING) {
                if run.len() >= 2 {
                    f(w, run);
                }
            }
        }
    }

    /// Writes the compiled network (the layout of [`crate::network::FORMAT_VERSION`]) to
    /// `out` from its current position: a placeholder header, the payload as it is made, then
    /// the header with the payload's length and checksum. `source` names the file's format in
    /// the names of unnamed lines ("OpenStreetMap PBF").
    pub fn write_compiled<W: Write + Seek>(
        &self,
        source: &str,
        out: &mut W,
    ) -> std::io::Result<ImportCounts> {
        // Lines, one per distinct tag set, in the order of the first way with track.
        let mut way_line: Vec<u32> = vec![u32::MAX; self.ways.len()];
        let mut line_of: HashMap<&WayTags, u32> = HashMap::new();
        let mut lines: Vec<LineInfo> = Vec::new();
        self.for_each_piece(|w, _| {
            if way_line[w] == u32::MAX {
                let way = &self.ways[w];
                way_line[w] = *line_of.entry(&way.tags).or_insert_with(|| {
                    lines.push(line_info(way.id, &way.tags, source));
                    lines.len() as u32 - 1
                });
            }
        });
        // Graph nodes: way ends and nodes met twice, counted first (one byte a node,
        // saturating at 2), then numbered in the order the pieces meet them.
        let mut seen: Vec<u8> = vec![0; self.positions.len()];
        self.for_each_piece(|_, p| {
            for &n in p {
                seen[n as usize] = (seen[n as usize] + 1).min(2);
            }
            seen[p[0] as usize] = 2;
            seen[p[p.len() - 1] as usize] = 2;
        });
        let mut node: HashMap<u32, u32> = HashMap::new();
        let mut order: Vec<u32> = Vec::new();
        let mut counts = ImportCounts {
            lines: lines.len(),
            stations: self.stations.len(),
            ..ImportCounts::default()
        };
        let mut number = |n: u32| {
            node.entry(n).or_insert_with(|| {
                order.push(n);
                order.len() as u32 - 1
            });
        };
        self.for_each_piece(|_, p| {
            number(p[0]);
            let mut drawn = 1;
            for w in p.windows(2) {
                if self.positions[w[1] as usize] != self.positions[w[0] as usize] {
                    drawn += 1;
                }
                if seen[w[1] as usize] >= 2 {
                    number(w[1]);
                    if drawn >= 2 {
                        counts.edges += 1;
                        counts.segments += drawn - 1;
                    }
                    drawn = 1;
                }
            }
        });
        drop(seen);
        counts.nodes = order.len();

        let start = out.stream_position()?;
        out.write_all(&[0; HEADER])?;
        let mut sink = Sink {
            out: &mut *out,
            crc: crc32fast::Hasher::new(),
            len: 0,
        };
        let mut w = Writer(Vec::with_capacity(2 * CHUNK));
        w.u8(1); // measure: geometry
        w.u8(1); // snapping index: track
        w.f64(RailNetwork::TRACK_TOLERANCE.as_m());
        w.len(lines.len());
        lines.iter().for_each(|l| w.line(l));
        w.len(order.len());
        for &n in &order {
            w.opt(None::<&String>, |w, s| w.str(s));
            w.opt(self.at(n).as_ref(), |w, p| w.point(*p));
            sink.fill(&mut w)?;
        }
        w.len(counts.edges);
        let mut geometry: Vec<LatLon> = Vec::new();
        let mut failed = None;
        self.for_each_piece(|way, p| {
            if failed.is_some() {
                return;
            }
            let mut from = node[&p[0]];
            let first = self.at(p[0]).expect("a piece's nodes are located");
            geometry.clear();
            geometry.push(first);
            let mut length_m = 0.0;
            for pair in p.windows(2) {
                let (a, b) = (self.at(pair[0]), self.at(pair[1]));
                let (a, b) = (a.expect("located"), b.expect("located"));
                length_m += geodesy::distance(a, b).as_m();
                if geometry.last() != Some(&b) {
                    geometry.push(b);
                }
                let Some(&to) = node.get(&pair[1]) else {
                    continue;
                };
                if geometry.len() >= 2 {
                    w.u32(from);
                    w.u32(to);
                    w.u8(0); // the geometry runs from the first end
                    w.u32(way_line[way]);
                    w.f64(length_m);
                    w.len(geometry.len());
                    geometry.iter().for_each(|p| w.point(*p));
                    w.len(0); // no drawn-only stations on track
                    if let Err(e) = sink.fill(&mut w) {
                        failed = Some(e);
                        return;
                    }
                }
                geometry.clear();
                geometry.push(b);
                length_m = 0.0;
                from = to;
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        w.len(0); // no node names on track
        w.len(self.stations.len());
        for s in &self.stations {
            w.station(s);
            sink.fill(&mut w)?;
        }
        w.len(self.posts.len());
        self.posts.iter().for_each(|p| w.post(p));
        sink.pass(&mut w)?;
        let Sink { len, crc, .. } = sink;
        let crc = crc.finalize();
        out.seek(SeekFrom::Start(start))?;
        out.write_all(&header(len, crc))?;
        out.seek(SeekFrom::Start(start + HEADER as u64 + len))?;
        out.flush()?;
        counts.bytes = HEADER as u64 + len;
        Ok(counts)
    }

    /// The position of node `n`, if the extract has it.
    fn at(&self, n: u32) -> Option<LatLon> {
        lat_lon(unpack(self.positions[n as usize]))
    }
}

/// The payload on its way out: counted and checksummed as it is written.
struct Sink<'a, W: Write> {
    out: &'a mut W,
    crc: crc32fast::Hasher,
    len: u64,
}

impl<W: Write> Sink<'_, W> {
    /// Passes the buffer on once it holds a chunk.
    fn fill(&mut self, w: &mut Writer) -> std::io::Result<()> {
        if w.0.len() >= CHUNK {
            self.pass(w)?;
        }
        Ok(())
    }
    /// Passes the buffer on and empties it.
    fn pass(&mut self, w: &mut Writer) -> std::io::Result<()> {
        self.crc.update(&w.0);
        self.len += w.0.len() as u64;
        self.out.write_all(&w.0)?;
        w.0.clear();
        Ok(())
    }
}

const fn pack([lat, lon]: [i32; 2]) -> u64 {
    ((lat as u32 as u64) << 32) | lon as u32 as u64
}

fn unpack(v: u64) -> [i32; 2] {
    [(v >> 32) as u32 as i32, v as u32 as i32]
}

/// A position in 1e-7 degrees as the readers convert it, or `None` for [`MISSING`].
fn lat_lon(p: [i32; 2]) -> Option<LatLon> {
    if p == MISSING {
        return None;
    }
    pbf::position(p[0], p[1]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PBF: &str = "tests/data/Helsinki.osm.pbf";

    /// The bytes `rail import` wrote before this build step: the routable network, compiled.
    fn through_the_network() -> Vec<u8> {
        pbf::read(Path::new(PBF))
            .unwrap()
            .build("OpenStreetMap PBF")
            .unwrap()
            .to_compiled()
    }

    #[test]
    fn writes_the_bytes_the_routable_network_compiles_to() {
        let import = PbfImport::read(Path::new(PBF)).unwrap();
        let mut out = std::io::Cursor::new(Vec::new());
        let counts = import
            .write_compiled("OpenStreetMap PBF", &mut out)
            .unwrap();
        let bytes = out.into_inner();
        assert_eq!(counts.bytes, bytes.len() as u64);
        let old = through_the_network();
        let d = bytes.iter().zip(&old).position(|(a, b)| a != b);
        assert!(
            bytes == old,
            "the compiled bytes differ: {} vs {} at {d:?}",
            bytes.len(),
            old.len()
        );
        let net = RailNetwork::from_compiled(&bytes).unwrap();
        assert_eq!(
            (counts.nodes, counts.edges, counts.segments),
            (net.node_count(), net.edge_count(), net.segment_count())
        );
        assert_eq!(
            (counts.lines, counts.stations),
            (net.lines().len(), net.stations().len())
        );
        assert!(counts.edges > 100 && !net.posts.is_empty(), "{counts:?}");
    }

    /// The Helsinki extract is clipped at its edge: some of its railway ways run out of it, and
    /// are cut where their nodes lose their positions (the same pieces as `OsmRail::build`
    /// cuts, or the bytes above would differ).
    #[test]
    fn the_fixture_has_ways_cut_at_its_edge() {
        let import = PbfImport::read(Path::new(PBF)).unwrap();
        let cut = import
            .ways
            .iter()
            .filter(|w| {
                w.nodes
                    .iter()
                    .any(|n| import.positions[n as usize] == PACKED_MISSING)
            })
            .count();
        assert!(cut > 0);
    }

    #[test]
    fn the_header_goes_where_the_file_began() {
        let import = PbfImport::read(Path::new(PBF)).unwrap();
        let mut out = std::io::Cursor::new(b"prefix".to_vec());
        out.set_position(6);
        import
            .write_compiled("OpenStreetMap PBF", &mut out)
            .unwrap();
        let bytes = out.into_inner();
        assert_eq!(&bytes[..6], b"prefix");
        assert!(RailNetwork::from_compiled(&bytes[6..]).is_ok());
    }

    #[test]
    fn positions_pack_and_unpack_losslessly() {
        for p in [[0, 0], [-1, -1], [900_000_000, -1_800_000_000], MISSING] {
            assert_eq!(unpack(pack(p)), p);
        }
        assert_eq!(lat_lon(MISSING), None);
    }
}
