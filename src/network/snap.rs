//! Snapping a waypoint to the network: to the nearest station (table networks) or to the
//! nearest point on a track (GeoJSON networks), within a tolerance.
//!
//! The search runs in an R-tree over segment bounding boxes in degrees; candidate distances
//! are then measured on the ellipsoid. Segments that cross the antimeridian are indexed on both
//! sides, and searches near it or near a pole widen accordingly.

use petgraph::graph::{EdgeIndex, NodeIndex};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::build::RailNetwork;
use crate::coord::LatLon;
use crate::geodesy;
use crate::units::Length;

type Seg = GeomWithData<Rectangle<[f64; 2]>, (u32, u32)>;

/// An R-tree of (edge, segment) bounding boxes.
#[derive(Debug, Clone)]
pub(crate) struct SegmentIndex {
    tree: RTree<Seg>,
}

/// Where a waypoint lands on a track: on `edge`, `along` metres from the edge's `from` node.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EdgeSnap {
    pub edge: EdgeIndex,
    pub along: Length,
    pub point: LatLon,
    pub distance: Length,
}

impl SegmentIndex {
    /// Indexes every segment of every edge's geometry.
    pub fn build(edges: impl Iterator<Item = (EdgeIndex, Vec<LatLon>)>) -> SegmentIndex {
        let mut items = Vec::new();
        for (e, geom) in edges {
            for (i, w) in geom.windows(2).enumerate() {
                let (a, b) = (w[0], w[1]);
                let (lo_lat, hi_lat) = (a.lat.min(b.lat), a.lat.max(b.lat));
                let data = (e.index() as u32, i as u32);
                if (a.lon - b.lon).abs() > 180.0 {
                    // Crosses the antimeridian: index the part on each side.
                    let (east, west) = if a.lon > 0.0 {
                        (a.lon, b.lon)
                    } else {
                        (b.lon, a.lon)
                    };
                    items.push(Seg::new(
                        Rectangle::from_corners([east, lo_lat], [180.0, hi_lat]),
                        data,
                    ));
                    items.push(Seg::new(
                        Rectangle::from_corners([-180.0, lo_lat], [west, hi_lat]),
                        data,
                    ));
                } else {
                    let r = Rectangle::from_corners(
                        [a.lon.min(b.lon), lo_lat],
                        [a.lon.max(b.lon), hi_lat],
                    );
                    items.push(Seg::new(r, data));
                }
            }
        }
        SegmentIndex {
            tree: RTree::bulk_load(items),
        }
    }

    /// Candidate (edge, segment) pairs whose boxes come within `tol` of `at`.
    fn candidates(&self, at: LatLon, tol: Length) -> Vec<(u32, u32)> {
        let dlat = tol.as_m() / 110_000.0 + 1e-9;
        let coslat = at.lat.to_radians().cos();
        let near_pole = at.lat.abs() + dlat >= 89.0 || coslat < 0.02;
        let dlon = if near_pole {
            360.0
        } else {
            (dlat / coslat).min(360.0)
        };
        let (lat0, lat1) = (at.lat - dlat, at.lat + dlat);
        let mut boxes = vec![(at.lon - dlon, at.lon + dlon)];
        if at.lon - dlon < -180.0 {
            boxes.push((at.lon - dlon + 360.0, 180.0));
        }
        if at.lon + dlon > 180.0 {
            boxes.push((-180.0, at.lon + dlon - 360.0));
        }
        let mut out: Vec<(u32, u32)> = Vec::new();
        for (lo, hi) in boxes {
            let env = AABB::from_corners([lo.max(-180.0), lat0], [hi.min(180.0), lat1]);
            out.extend(
                self.tree
                    .locate_in_envelope_intersecting(&env)
                    .map(|s| s.data),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The point of segment a–b nearest to `p`, found in a local plane around `p` and measured on the
/// ellipsoid. Returns (point, fraction along the segment).
pub(crate) fn foot(p: LatLon, a: LatLon, b: LatLon) -> (LatLon, f64) {
    let k = p.lat.to_radians().cos().max(1e-6);
    let unwrap = |lon: f64| {
        let d = lon - p.lon;
        if d > 180.0 {
            d - 360.0
        } else if d < -180.0 {
            d + 360.0
        } else {
            d
        }
    };
    let (ax, ay) = (unwrap(a.lon) * k, a.lat - p.lat);
    let (bx, by) = (unwrap(b.lon) * k, b.lat - p.lat);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (crate::coord::interpolate(a, b, t), t)
}

/// Distance in metres from `p` to a nearby `q` in the local equirectangular plane around `p`:
/// within a fraction of a percent of the geodesic over the few kilometres a snap looks at, and
/// used only to rank candidates (the chosen one is measured on the ellipsoid).
fn planar_m(p: LatLon, q: LatLon) -> f64 {
    let mut dlon = q.lon - p.lon;
    if dlon > 180.0 {
        dlon -= 360.0;
    } else if dlon < -180.0 {
        dlon += 360.0;
    }
    let x = dlon * p.lat.to_radians().cos();
    let y = q.lat - p.lat;
    (x * x + y * y).sqrt() * 111_195.0
}

/// Appends `more` to `out`, skipping a first point equal to `out`'s last.
pub(crate) fn extend_dedup(out: &mut Vec<LatLon>, more: &[LatLon]) {
    for &p in more {
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
}

/// The part of a polyline between two distances from its start (metres), in that direction.
pub(crate) fn slice(geom: &[LatLon], from_m: f64, to_m: f64) -> Vec<LatLon> {
    if from_m > to_m {
        let mut v = slice(geom, to_m, from_m);
        v.reverse();
        return v;
    }
    let mut out = Vec::new();
    let mut run = 0.0;
    for w in geom.windows(2) {
        let seg = geodesy::distance(w[0], w[1]).as_m();
        let (s0, s1) = (run, run + seg);
        let frac = |m: f64| {
            if seg > 0.0 {
                ((m - s0) / seg).clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        if s1 >= from_m && s0 <= to_m {
            extend_dedup(
                &mut out,
                &[crate::coord::interpolate(w[0], w[1], frac(from_m))],
            );
            extend_dedup(
                &mut out,
                &[crate::coord::interpolate(w[0], w[1], frac(to_m))],
            );
        }
        run = s1;
    }
    out
}

impl RailNetwork {
    /// The track segments' R-tree, built on first use; `None` for table networks.
    fn segment_index(&self) -> Option<&SegmentIndex> {
        let cell = self.segments.as_ref()?;
        Some(cell.get_or_init(|| {
            SegmentIndex::build(
                self.graph
                    .edge_indices()
                    .map(|e| (e, self.graph[e].geometry.clone())),
            )
        }))
    }

    /// The nearest point on any track within the tolerance, or the nearest distance found
    /// (if any track was within the search box) when it is too far.
    pub(crate) fn snap_to_track(&self, at: LatLon) -> Result<EdgeSnap, Option<Length>> {
        let Some(index) = self.segment_index() else {
            return Err(None);
        };
        // Look at the tolerance first; on a miss, look wider so the error can say how far it is.
        // Candidates are ranked in a local plane (cheap), and only those within 1 % of the
        // nearest there are measured on the ellipsoid; the distance along the edge is measured
        // once, for the winner.
        let mut best: Option<(u32, u32, LatLon, f64, Length)> = None;
        for reach in [self.tolerance, self.tolerance * 50.0] {
            let feet: Vec<(f64, u32, u32, LatLon, f64)> = index
                .candidates(at, reach)
                .into_iter()
                .map(|(e, i)| {
                    let geom = &self.graph[EdgeIndex::new(e as usize)].geometry;
                    let (point, t) = foot(at, geom[i as usize], geom[i as usize + 1]);
                    (planar_m(at, point), e, i, point, t)
                })
                .collect();
            let Some(nearest) = feet.iter().map(|f| f.0).min_by(f64::total_cmp) else {
                continue;
            };
            // Near the poles the plane is no guide: measure every candidate there.
            let slack = if at.lat.abs() > 80.0 {
                f64::INFINITY
            } else {
                nearest * 1.01 + 1.0
            };
            for &(plane, e, i, point, t) in &feet {
                if plane > slack {
                    continue;
                }
                let distance = geodesy::distance(at, point);
                if best.as_ref().is_none_or(|b| distance < b.4) {
                    best = Some((e, i, point, t, distance));
                }
            }
            break;
        }
        let best = best.map(|(e, i, point, t, distance)| {
            let edge = EdgeIndex::new(e as usize);
            let geom = &self.graph[edge].geometry;
            let before: Length = geom[..=i as usize]
                .windows(2)
                .map(|w| geodesy::distance(w[0], w[1]))
                .sum();
            let seg = geodesy::distance(geom[i as usize], geom[i as usize + 1]);
            EdgeSnap {
                edge,
                along: before + seg * t,
                point,
                distance,
            }
        });
        match best {
            Some(s) if s.distance <= self.tolerance => Ok(s),
            Some(s) => Err(Some(s.distance)),
            None => Err(None),
        }
    }

    /// The nearest station with a position, and its distance.
    pub(crate) fn nearest_station(&self, at: LatLon) -> Option<(NodeIndex, Length)> {
        let placed: Vec<(NodeIndex, LatLon)> = self
            .graph
            .node_indices()
            .filter_map(|n| self.graph[n].at.map(|p| (n, p)))
            .collect();
        geodesy::nearest(at, &placed, |p| p.1).map(|(i, d)| (placed[i].0, d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }

    #[test]
    fn foot_of_perpendicular() {
        let (p, t) = foot(ll(0.001, 0.5), ll(0.0, 0.0), ll(0.0, 1.0));
        assert!((t - 0.5).abs() < 1e-9 && p.lat.abs() < 1e-12);
        // Beyond the end: clamps to it.
        let (p, t) = foot(ll(0.0, 2.0), ll(0.0, 0.0), ll(0.0, 1.0));
        assert_eq!((p, t), (ll(0.0, 1.0), 1.0));
        // Across the antimeridian.
        let (p, _) = foot(ll(0.0, 179.99), ll(0.0, 179.9), ll(0.0, -179.9));
        assert!((p.lon - 179.99).abs() < 1e-9, "{p:?}");
    }

    #[test]
    fn index_finds_segments_across_the_antimeridian() {
        let idx = SegmentIndex::build(std::iter::once((
            EdgeIndex::new(0),
            vec![ll(10.0, 179.9), ll(10.0, -179.9)],
        )));
        assert_eq!(
            idx.candidates(ll(10.0, -179.95), Length::km(1.0)),
            vec![(0, 0)]
        );
        assert_eq!(
            idx.candidates(ll(10.0, 179.95), Length::km(1.0)),
            vec![(0, 0)]
        );
        assert!(idx.candidates(ll(10.0, 0.0), Length::km(1.0)).is_empty());
        // Near the pole every longitude is close.
        let polar = SegmentIndex::build(std::iter::once((
            EdgeIndex::new(0),
            vec![ll(89.9, 0.0), ll(89.9, 90.0)],
        )));
        assert_eq!(
            polar.candidates(ll(89.95, -170.0), Length::km(20.0)),
            vec![(0, 0)]
        );
    }
}
