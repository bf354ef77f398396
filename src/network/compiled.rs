//! The compiled rail network (`routecheck rail import FILE -o region.rail`): a country-sized
//! OpenStreetMap extract is read and split into a graph once, then loaded from this file on
//! every run. The network is rebuilt in memory from the file (graph, segment R-tree) rather
//! than memory-mapped: the checksum has to read every byte anyway, the snapping R-tree is a
//! heap structure either way (built on the first snap), and a plain read needs no `unsafe` and no file that may change under
//! the process. Loading costs one pass over the file.
//!
//! Layout, all integers little-endian:
//!
//! ```text
//! magic    8 bytes  "RCRAIL\x1a\n"
//! version  u32      FORMAT_VERSION
//! length   u64      bytes of the payload that follows
//! crc32    u32      CRC-32 (IEEE) of the payload
//! payload:
//!   measure u8 (0 chainage, 1 geometry) · snapping index u8 (0 none, 1 track) · tolerance f64 (m)
//!   lines:    u32 n, then n × { id str · name str · gauges u32 n + n × u32 ·
//!                               usage opt-str · service opt-str · electrified opt-str }
//!   nodes:    u32 n, then n × { name opt-str · position opt-point }
//!   edges:    u32 n, then n × { a u32 · b u32 · from-is-b u8 · line u32 · length f64 (m) ·
//!                               geometry u32 n + n × point · drawn-only u32 n + n × str }
//!   names:    u32 n, then n × { folded name str · node u32 }
//!   stations: u32 n, then n × { name str · other names u32 n + n × str · point · osm node opt-i64 }
//!   posts:    u32 n, then n × { point · km f64 · osm node i64 }
//! str = u32 byte length + UTF-8; opt-X = u8 (0 absent, 1 present) + X;
//! point = lat i32 · lon i32 in 1e-7 degrees (OpenStreetMap's own precision: lossless for
//! OSM data, within 1.1 cm for GeoJSON input).
//! ```

use std::collections::HashMap;

use petgraph::graph::{NodeIndex, UnGraph};

use super::build::{Edge, FileStation, LineInfo, Measure, Node, RailNetwork, TrackPost};
use super::{Error, Result};
use crate::coord::LatLon;
use crate::units::Length;

/// The first bytes of a compiled network.
pub(crate) const MAGIC: &[u8; 8] = b"RCRAIL\x1a\n";
/// The version of the layout this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;
pub(crate) const HEADER: usize = 8 + 4 + 8 + 4;
const SCALE: f64 = 1e7;

impl RailNetwork {
    /// The network in the compiled format (see the module documentation).
    pub fn to_compiled(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.u8(match self.measure {
            Measure::Chainage => 0,
            Measure::Geometry => 1,
        });
        w.u8(self.segments.is_some() as u8);
        w.f64(self.tolerance.as_m());
        w.len(self.lines.len());
        self.lines.iter().for_each(|l| w.line(l));
        w.len(self.graph.node_count());
        for n in self.graph.node_weights() {
            w.opt(n.name.as_ref(), |w, s| w.str(s));
            w.opt(n.at.as_ref(), |w, p| w.point(*p));
        }
        w.len(self.graph.edge_count());
        for e in self.graph.raw_edges() {
            let (a, b) = (e.source(), e.target());
            w.u32(a.index() as u32);
            w.u32(b.index() as u32);
            w.u8((e.weight.from == b && a != b) as u8);
            w.u32(e.weight.line as u32);
            w.f64(e.weight.length.as_m());
            w.len(e.weight.geometry.len());
            e.weight.geometry.iter().for_each(|p| w.point(*p));
            w.len(e.weight.drawn_only.len());
            e.weight.drawn_only.iter().for_each(|s| w.str(s));
        }
        let mut names: Vec<(&String, &NodeIndex)> = self.names.iter().collect();
        names.sort();
        w.len(names.len());
        for (k, n) in names {
            w.str(k);
            w.u32(n.index() as u32);
        }
        w.len(self.stations.len());
        self.stations.iter().for_each(|s| w.station(s));
        w.len(self.posts.len());
        self.posts.iter().for_each(|p| w.post(p));
        let payload = w.0;
        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend(header(payload.len() as u64, crc32fast::hash(&payload)));
        out.extend(payload);
        out
    }

    /// Reads a compiled network, checking its magic, version, length and checksum first.
    pub fn from_compiled(bytes: &[u8]) -> Result<RailNetwork> {
        let corrupt = |what, offset| Error::CompiledCorrupt { what, offset };
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(corrupt("no compiled-network header", 0));
        }
        let found = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        if found != FORMAT_VERSION {
            return Err(Error::CompiledVersion {
                found,
                expected: FORMAT_VERSION,
            });
        }
        let len = u64::from_le_bytes(bytes[12..20].try_into().expect("8 bytes"));
        let payload = &bytes[HEADER..];
        if payload.len() as u64 != len {
            return Err(corrupt("a payload length that does not match the file", 12));
        }
        let expected = u32::from_le_bytes(bytes[20..24].try_into().expect("4 bytes"));
        let found = crc32fast::hash(payload);
        if found != expected {
            return Err(Error::CompiledChecksum { found, expected });
        }
        let mut r = Reader {
            buf: payload,
            pos: 0,
        };
        let measure = match r.u8()? {
            0 => Measure::Chainage,
            1 => Measure::Geometry,
            _ => return Err(r.corrupt("an unknown measure")),
        };
        let indexed = r.u8()? == 1;
        let tolerance = Length::m(r.f64()?);
        let mut lines = Vec::new();
        for _ in 0..r.len(9)? {
            lines.push(LineInfo {
                id: r.str()?,
                name: r.str()?,
                gauge_mm: (0..r.len(4)?).map(|_| r.u32()).collect::<Result<_>>()?,
                usage: r.opt(Reader::str)?,
                service: r.opt(Reader::str)?,
                electrified: r.opt(Reader::str)?,
            });
        }
        let mut graph: UnGraph<Node, Edge> = UnGraph::default();
        for _ in 0..r.len(2)? {
            let name = r.opt(Reader::str)?;
            let at = r.opt(Reader::point)?;
            graph.add_node(Node { name, at });
        }
        let nodes = graph.node_count();
        for _ in 0..r.len(29)? {
            let a = r.index(nodes, "an edge end that is no node")?;
            let b = r.index(nodes, "an edge end that is no node")?;
            let from = if r.u8()? == 1 { b } else { a };
            let line = r.u32()? as usize;
            if line >= lines.len() {
                return Err(r.corrupt("an edge on a line that is not listed"));
            }
            let length = Length::m(r.f64()?);
            let geometry = (0..r.len(8)?).map(|_| r.point()).collect::<Result<_>>()?;
            let drawn_only = (0..r.len(4)?).map(|_| r.str()).collect::<Result<_>>()?;
            let edge = Edge {
                line,
                length,
                from: NodeIndex::new(from),
                geometry,
                drawn_only,
            };
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), edge);
        }
        let mut names = HashMap::new();
        for _ in 0..r.len(8)? {
            let k = r.str()?;
            names.insert(k, NodeIndex::new(r.index(nodes, "a name of no node")?));
        }
        let mut stations = Vec::new();
        for _ in 0..r.len(16)? {
            stations.push(FileStation {
                name: r.str()?,
                other_names: (0..r.len(4)?).map(|_| r.str()).collect::<Result<_>>()?,
                at: r.point()?,
                osm_node: r.opt(|r| Ok(i64::from_le_bytes(r.take(8)?.try_into().expect("8"))))?,
            });
        }
        let mut posts = Vec::new();
        for _ in 0..r.len(24)? {
            posts.push(TrackPost {
                at: r.point()?,
                km: r.f64()?,
                osm_node: i64::from_le_bytes(r.take(8)?.try_into().expect("8")),
            });
        }
        if r.pos != payload.len() {
            return Err(r.corrupt("bytes after the km posts"));
        }
        let segments = indexed.then(std::sync::OnceLock::new);
        Ok(RailNetwork {
            graph,
            measure,
            lines,
            names,
            segments,
            tolerance,
            stations: Vec::new(),
            station_keys: HashMap::new(),
            posts,
            drawn: std::sync::OnceLock::new(),
        }
        .with_stations(stations))
    }
}

/// The header of a compiled network whose payload is `payload_len` bytes with CRC-32 `crc`.
pub(crate) fn header(payload_len: u64, crc: u32) -> [u8; HEADER] {
    let mut h = [0u8; HEADER];
    h[..8].copy_from_slice(MAGIC);
    h[8..12].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
    h[12..20].copy_from_slice(&payload_len.to_le_bytes());
    h[20..24].copy_from_slice(&crc.to_le_bytes());
    h
}

/// The encoder of the payload's fields, into a byte buffer (`.0`).
pub(crate) struct Writer(pub(crate) Vec<u8>);

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.0.extend(v.to_le_bytes());
    }
    pub(crate) fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("fewer than 2^32 items"));
    }
    pub(crate) fn f64(&mut self, v: f64) {
        self.0.extend(v.to_le_bytes());
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend(s.as_bytes());
    }
    pub(crate) fn point(&mut self, p: LatLon) {
        self.0
            .extend(((p.lat * SCALE).round() as i32).to_le_bytes());
        self.0
            .extend(((p.lon * SCALE).round() as i32).to_le_bytes());
    }
    pub(crate) fn opt<T>(&mut self, v: Option<&T>, write: impl FnOnce(&mut Writer, &T)) {
        self.u8(v.is_some() as u8);
        if let Some(v) = v {
            write(self, v);
        }
    }
    pub(crate) fn line(&mut self, l: &LineInfo) {
        self.str(&l.id);
        self.str(&l.name);
        self.len(l.gauge_mm.len());
        l.gauge_mm.iter().for_each(|g| self.u32(*g));
        for o in [&l.usage, &l.service, &l.electrified] {
            self.opt(o.as_ref(), |w, s| w.str(s));
        }
    }
    pub(crate) fn station(&mut self, s: &FileStation) {
        self.str(&s.name);
        self.len(s.other_names.len());
        s.other_names.iter().for_each(|n| self.str(n));
        self.point(s.at);
        self.opt(s.osm_node.as_ref(), |w, id| w.0.extend(id.to_le_bytes()));
    }
    pub(crate) fn post(&mut self, p: &TrackPost) {
        self.point(p.at);
        self.f64(p.km);
        self.0.extend(p.osm_node.to_le_bytes());
    }
}

/// Checked reads: every read past the end or out of range is an error with the byte offset.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn corrupt(&self, what: &'static str) -> Error {
        Error::CompiledCorrupt {
            what,
            offset: HEADER + self.pos,
        }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let end = end.ok_or_else(|| self.corrupt("the file ends early"))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4")))
    }
    fn f64(&mut self) -> Result<f64> {
        let v = f64::from_le_bytes(self.take(8)?.try_into().expect("8"));
        if v.is_finite() {
            Ok(v)
        } else {
            Err(self.corrupt("a number that is not finite"))
        }
    }
    /// A count of items of at least `min_size` bytes each, checked against the bytes left so
    /// that a damaged count cannot ask for a huge allocation.
    fn len(&mut self, min_size: usize) -> Result<usize> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size) > self.buf.len() - self.pos {
            return Err(self.corrupt("a count larger than the file"));
        }
        Ok(n)
    }
    fn index(&mut self, count: usize, what: &'static str) -> Result<usize> {
        let i = self.u32()? as usize;
        if i < count {
            Ok(i)
        } else {
            Err(self.corrupt(what))
        }
    }
    fn str(&mut self) -> Result<String> {
        let n = self.len(1)?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| self.corrupt("a name that is not UTF-8"))
    }
    fn point(&mut self) -> Result<LatLon> {
        let lat = i32::from_le_bytes(self.take(4)?.try_into().expect("4")) as f64 / SCALE;
        let lon = i32::from_le_bytes(self.take(4)?.try_into().expect("4")) as f64 / SCALE;
        LatLon::new(lat, lon).map_err(|_| self.corrupt("a position off the globe"))
    }
    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        match self.u8()? {
            0 => Ok(None),
            1 => read(self).map(Some),
            _ => Err(self.corrupt("a flag that is neither 0 nor 1")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Waypoint;

    fn stops() -> [Waypoint; 5] {
        [
            "Pyongyang",
            "Tumangang",
            "Khasan",
            "Baranovsky",
            "Vladivostok",
        ]
        .map(Waypoint::named)
    }

    #[test]
    fn bundled_tables_round_trip() {
        let net = RailNetwork::bundled().unwrap();
        let back = RailNetwork::from_compiled(&net.to_compiled()).unwrap();
        assert_eq!(back.lines(), net.lines());
        let (a, b) = (net.route(&stops()).unwrap(), back.route(&stops()).unwrap());
        assert_eq!(a.length, b.length);
        assert_eq!(a.legs.len(), b.legs.len());
        for (x, y) in a.legs.iter().zip(&b.legs) {
            assert_eq!(x.stations.len(), y.stations.len());
            assert_eq!(x.drawn_points, y.drawn_points);
        }
        // Written twice, byte for byte the same.
        assert_eq!(net.to_compiled(), back.to_compiled());
    }

    #[test]
    fn damage_is_refused_with_a_reason() {
        let net = RailNetwork::bundled().unwrap();
        let good = net.to_compiled();
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(matches!(
            RailNetwork::from_compiled(&flipped),
            Err(Error::CompiledChecksum { .. })
        ));
        // A file of another version (an older build's, or a newer one's) is refused by name.
        for other in [FORMAT_VERSION - 1, FORMAT_VERSION + 1] {
            let mut file = good.clone();
            file[8..12].copy_from_slice(&other.to_le_bytes());
            let e = RailNetwork::from_compiled(&file).unwrap_err();
            assert!(e.to_string().contains("rail import"), "{e}");
            assert!(matches!(e, Error::CompiledVersion { found, .. } if found == other));
        }
        assert!(matches!(
            RailNetwork::from_compiled(&good[..good.len() - 3]),
            Err(Error::CompiledCorrupt { .. })
        ));
        assert!(RailNetwork::from_compiled(b"RCRAIL").is_err());
    }

    #[test]
    fn a_bad_count_under_a_good_checksum_is_refused_not_allocated() {
        // Forge a payload whose line count is huge, with a matching checksum.
        let mut payload = vec![1u8, 1];
        payload.extend(2000.0f64.to_le_bytes());
        payload.extend(u32::MAX.to_le_bytes());
        let mut file = MAGIC.to_vec();
        file.extend(FORMAT_VERSION.to_le_bytes());
        file.extend((payload.len() as u64).to_le_bytes());
        file.extend(crc32fast::hash(&payload).to_le_bytes());
        file.extend(&payload);
        let e = RailNetwork::from_compiled(&file).unwrap_err();
        assert!(
            e.to_string().contains("a count larger than the file"),
            "{e}"
        );
    }
}
