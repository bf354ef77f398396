//! Crossings: where a route's line meets a river or a border line, how far from the start,
//! and which named place is nearest.
//!
//! The inputs are plain: the route as points and the lines as named point lists, so the data
//! can come from anywhere (rivers from the gazetteer, borders from the basemap). Segment
//! intersections are found in a local plane around each route segment (longitudes unwrapped
//! across the antimeridian), which for segments of a few kilometres puts the crossing within
//! metres of the geodesic one; distances are then measured on the ellipsoid.
//!
//! ```
//! use routecheck::{coord::LatLon, route::crossings::{find_crossings, LineKind, NamedLine, NamedPlace}};
//! let route = [LatLon { lat: 42.40, lon: 130.62 }, LatLon { lat: 42.44, lon: 130.66 }];
//! let tumen = NamedLine::new("Tumen", LineKind::River, vec![vec![
//!     LatLon { lat: 42.45, lon: 130.60 }, LatLon { lat: 42.40, lon: 130.68 },
//! ]]);
//! let places = [NamedPlace { name: "Khasan".into(), at: LatLon { lat: 42.428, lon: 130.645 } }];
//! let c = find_crossings(&route, &[tumen], &places);
//! assert_eq!(c.len(), 1);
//! assert_eq!(c[0].line, "Tumen");
//! assert_eq!(c[0].nearest_place.as_ref().unwrap().name, "Khasan");
//! ```

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use crate::coord::LatLon;
use crate::geodesy;
use crate::units::Length;

/// What a named line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A river (or its bed), crossed by a bridge or a ferry.
    River,
    /// An international land border.
    Border,
    /// Any other named line a story draws (a canal, a line of its own).
    Other,
}

/// A named line: a river (possibly in several parts) or a border.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedLine {
    /// The line's name as reports print it ("Tumen").
    pub name: String,
    /// What the line is.
    pub kind: LineKind,
    /// The line's parts, each a polyline of positions in degrees.
    pub parts: Vec<Vec<LatLon>>,
}

impl NamedLine {
    /// A line named `name` made of `parts`.
    pub fn new(name: &str, kind: LineKind, parts: Vec<Vec<LatLon>>) -> Self {
        NamedLine {
            name: name.to_string(),
            kind,
            parts,
        }
    }
}

/// A named point for "nearest place" labels.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedPlace {
    /// The place's name as labels print it.
    pub name: String,
    /// Where it is, in degrees.
    pub at: LatLon,
}

/// The nearest named place to a crossing and its distance.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Nearest {
    /// The place's name.
    pub name: String,
    /// The geodesic distance from the crossing to the place.
    pub distance: Length,
}

/// One place where the route crosses a line.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Crossing {
    /// The name of the line crossed (a river, or a border).
    pub line: String,
    /// What the crossed line is.
    pub kind: LineKind,
    /// Where the route meets the line, in degrees.
    pub at: LatLon,
    /// Distance along the route's drawn line from its first point.
    pub from_start: Length,
    /// The named place nearest the crossing, if any is close enough to name.
    pub nearest_place: Option<Nearest>,
    /// True when the line crossed is the straight line of a leg whose track is not known (a
    /// rail leg with no line data): the real track may cross elsewhere, or not at all.
    pub straight_line: bool,
}

impl std::fmt::Display for Crossing {
    /// "crosses Tumen at km 852 (0.3 km from Tumangang)"; "the straight line crosses … (the
    /// track is not known: the real line may cross elsewhere or not at all)"
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.straight_line {
            f.write_str("the straight line ")?;
        }
        write!(
            f,
            "crosses {} at km {:.0}",
            self.line,
            self.from_start.as_km()
        )?;
        if let Some(n) = &self.nearest_place {
            write!(f, " ({:.1} km from {})", n.distance.as_km(), n.name)?;
        }
        if self.straight_line {
            f.write_str(
                " (the track is not known: the real line may cross elsewhere or not at all)",
            )?;
        }
        Ok(())
    }
}

type Seg = GeomWithData<Rectangle<[f64; 2]>, (usize, usize, usize)>;

/// Named lines with their segments in an R-tree: built once (for the whole world's rivers and
/// borders, by [`crate::pipeline::Pipeline`]) and asked for every route, so that a batch of
/// stories does not re-read the basemap and re-sort the same segments for each one.
pub struct LineIndex {
    lines: Vec<NamedLine>,
    tree: RTree<Seg>,
}

impl LineIndex {
    /// Indexes every segment of `lines`.
    pub fn new(lines: Vec<NamedLine>) -> LineIndex {
        let mut items = Vec::new();
        for (li, l) in lines.iter().enumerate() {
            for (pi, part) in l.parts.iter().enumerate() {
                for (si, w) in part.windows(2).enumerate() {
                    for r in boxes(w[0], w[1]).into_iter().flatten() {
                        items.push(Seg::new(r, (li, pi, si)));
                    }
                }
            }
        }
        LineIndex {
            lines,
            tree: RTree::bulk_load(items),
        }
    }

    /// The indexed lines, in the order given.
    pub fn lines(&self) -> &[NamedLine] {
        &self.lines
    }
}

impl std::fmt::Debug for LineIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "LineIndex {{ {} lines, {} segments }}",
            self.lines.len(),
            self.tree.size()
        )
    }
}

/// Every crossing of `route` with `lines`, ordered by distance from the start. A route that
/// runs through a line's vertex counts once; a route that only touches a line end counts too.
pub fn find_crossings(
    route: &[LatLon],
    lines: &[NamedLine],
    places: &[NamedPlace],
) -> Vec<Crossing> {
    crossings_in(route, &LineIndex::new(lines.to_vec()), &|_| true, places)
}

/// [`find_crossings`] on an index, counting only the lines `keep` accepts (by their index in
/// [`LineIndex::lines`]).
pub fn crossings_in(
    route: &[LatLon],
    index: &LineIndex,
    keep: &dyn Fn(usize) -> bool,
    places: &[NamedPlace],
) -> Vec<Crossing> {
    let (lines, tree) = (&index.lines, &index.tree);
    let mut out: Vec<Crossing> = Vec::new();
    // The length of the route up to vertex `measured`, measured only as far as a crossing needs.
    let (mut run, mut measured) = (Length::ZERO, 0);
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    for (k, w) in route.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        hits.clear();
        for r in boxes(a, b).into_iter().flatten() {
            let env = AABB::from_corners(r.lower(), r.upper());
            hits.extend(tree.locate_in_envelope_intersecting(&env).map(|s| s.data));
        }
        hits.sort_unstable();
        hits.dedup();
        for &(li, pi, si) in &hits {
            if !keep(li) {
                continue;
            }
            let part = &lines[li].parts[pi];
            if let Some(t) = intersect(a, b, part[si], part[si + 1]) {
                let at = crate::coord::interpolate(a, b, t);
                while measured < k {
                    run = run + geodesy::distance(route[measured], route[measured + 1]);
                    measured += 1;
                }
                let from_start = run + geodesy::distance(a, at);
                let dup = out.iter().any(|c| {
                    c.line == lines[li].name
                        && (c.from_start.as_m() - from_start.as_m()).abs() < 1.0
                });
                if !dup {
                    out.push(Crossing {
                        line: lines[li].name.clone(),
                        kind: lines[li].kind,
                        at,
                        from_start,
                        nearest_place: nearest(at, places),
                        straight_line: false,
                    });
                }
            }
        }
    }
    out.sort_by(|x, y| {
        x.from_start
            .as_m()
            .total_cmp(&y.from_start.as_m())
            .then(x.line.cmp(&y.line))
    });
    out
}

/// Crossings along a journey's legs, with `from_start` in the journey's own km: a crossing's
/// share of its leg's drawn line is applied to the leg's length, so on a rail leg measured by
/// km posts the figure is in chainage km, not in km of the schematic drawing.
pub fn crossings_along(
    legs: &[super::Leg],
    index: &LineIndex,
    keep: &dyn Fn(usize) -> bool,
    places: &[NamedPlace],
) -> Vec<Crossing> {
    let mut out = Vec::new();
    for leg in legs {
        let drawn = leg.geometry_length.as_m();
        for mut c in crossings_in(&leg.geometry, index, keep, places) {
            let share = if drawn > 0.0 {
                (c.from_start.as_m() / drawn).clamp(0.0, 1.0)
            } else {
                0.0
            };
            c.from_start = leg.km_start + leg.length * share;
            c.straight_line = leg.measure == super::Measure::Bounded;
            out.push(c);
        }
    }
    out
}

/// Bounding boxes of a segment in degrees; two when it crosses the antimeridian.
fn boxes(a: LatLon, b: LatLon) -> [Option<Rectangle<[f64; 2]>>; 2] {
    let (lo, hi) = (a.lat.min(b.lat), a.lat.max(b.lat));
    if (a.lon - b.lon).abs() > 180.0 {
        let (east, west) = if a.lon > 0.0 {
            (a.lon, b.lon)
        } else {
            (b.lon, a.lon)
        };
        [
            Some(Rectangle::from_corners([east, lo], [180.0, hi])),
            Some(Rectangle::from_corners([-180.0, lo], [west, hi])),
        ]
    } else {
        [
            Some(Rectangle::from_corners(
                [a.lon.min(b.lon), lo],
                [a.lon.max(b.lon), hi],
            )),
            None,
        ]
    }
}

/// Longitude of `p` relative to `origin`, in (-180, 180].
fn rel_lon(p: f64, origin: f64) -> f64 {
    let d = (p - origin).rem_euclid(360.0);
    if d > 180.0 { d - 360.0 } else { d }
}

/// Where segment a–b meets c–d, as a fraction along a–b, in a plane around `a`.
fn intersect(a: LatLon, b: LatLon, c: LatLon, d: LatLon) -> Option<f64> {
    let k = a.lat.to_radians().cos().max(1e-6);
    let xy = |p: LatLon| (rel_lon(p.lon, a.lon) * k, p.lat - a.lat);
    let (bx, by) = xy(b);
    let (cx, cy) = xy(c);
    let (dx, dy) = xy(d);
    let (rx, ry, sx, sy) = (bx, by, dx - cx, dy - cy);
    let denom = rx * sy - ry * sx;
    if denom.abs() < 1e-18 {
        return None; // parallel or degenerate
    }
    let t = (cx * sy - cy * sx) / denom;
    let u = (cx * ry - cy * rx) / denom;
    let eps = 1e-12;
    ((-eps..=1.0 + eps).contains(&t) && (-eps..=1.0 + eps).contains(&u))
        .then_some(t.clamp(0.0, 1.0))
}

fn nearest(at: LatLon, places: &[NamedPlace]) -> Option<Nearest> {
    geodesy::nearest(at, places, |p| p.at).map(|(i, distance)| Nearest {
        name: places[i].name.clone(),
        distance,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }

    /// Drawn on a 0.01° grid: the route runs west–east along row 2; a river winds across it
    /// twice (columns 3 and 7) and a border crosses at column 5.
    ///
    /// ```text
    ///   0 1 2 3 4 5 6 7 8 9
    /// 0       r       r
    /// 1       r   |   r
    /// 2 A=====r===|===r===B
    /// 3       r   |   r
    /// 4       r r r r r
    /// ```
    fn drawn() -> (Vec<LatLon>, Vec<NamedLine>) {
        let p = |row: f64, col: f64| ll(42.0 - row * 0.01, 130.0 + col * 0.01);
        let route = vec![p(2.0, 0.0), p(2.0, 5.5), p(2.0, 9.0)];
        let river = NamedLine::new(
            "Razdolnaya",
            LineKind::River,
            vec![vec![p(0.0, 3.0), p(4.0, 3.0), p(4.0, 7.0), p(0.0, 7.0)]],
        );
        let border = NamedLine::new(
            "RU/KP border",
            LineKind::Border,
            vec![vec![p(1.0, 5.0), p(3.0, 5.0)]],
        );
        (route, vec![river, border])
    }

    #[test]
    fn finds_each_crossing_in_route_order_with_its_km() {
        let (route, lines) = drawn();
        let places = [NamedPlace {
            name: "Baranovsky".into(),
            at: route[0],
        }];
        let c = find_crossings(&route, &lines, &places);
        let names: Vec<&str> = c.iter().map(|c| c.line.as_str()).collect();
        assert_eq!(names, ["Razdolnaya", "RU/KP border", "Razdolnaya"]);
        let want = geodesy::distance(route[0], ll(42.0 - 0.02, 130.03));
        assert!(
            (c[0].from_start.as_m() - want.as_m()).abs() < 0.5,
            "{}",
            c[0].from_start.as_m()
        );
        assert!((c[1].at.lon - 130.05).abs() < 1e-9);
        assert_eq!(c[1].kind, LineKind::Border);
        assert_eq!(c[0].nearest_place.as_ref().unwrap().name, "Baranovsky");
        assert!(c.windows(2).all(|w| w[0].from_start <= w[1].from_start));
    }

    #[test]
    fn crossings_along_legs_are_in_the_legs_own_km() {
        use crate::route::{Leg, Measure};
        use crate::story::Mode;
        let (route, lines) = drawn();
        let geometry_length = geodesy::path_length(&route);
        let leg = Leg {
            from: "a".into(),
            to: "b".into(),
            via: Vec::new(),
            mode: Mode::Rail,
            // By km posts the leg is twice its drawn length and starts 100 km into the journey.
            length: geometry_length * 2.0,
            measure: Measure::Chainage,
            lines: Vec::new(),
            geometry: route.clone(),
            geometry_length,
            km_start: Length::km(100.0),
            speed: None,
            dwell: None,
            bounds: None,
            notes: Vec::new(),
            stop_marks: Vec::new(),
        };
        let plain = find_crossings(&route, &lines, &[]);
        let along = crossings_along(
            std::slice::from_ref(&leg),
            &LineIndex::new(lines.clone()),
            &|_| true,
            &[],
        );
        assert_eq!(along.len(), 3);
        for (p, a) in plain.iter().zip(&along) {
            let want = 100_000.0 + 2.0 * p.from_start.as_m();
            assert!(
                (a.from_start.as_m() - want).abs() < 1e-6,
                "{} vs {want}",
                a.from_start.as_m()
            );
        }
    }

    #[test]
    fn a_crossing_at_a_shared_vertex_counts_once() {
        let route = [ll(0.0, 0.0), ll(0.0, 1.0), ll(0.0, 2.0)];
        let line = NamedLine::new(
            "R",
            LineKind::River,
            vec![vec![ll(-1.0, 1.0), ll(0.0, 1.0), ll(1.0, 1.0)]],
        );
        assert_eq!(find_crossings(&route, &[line], &[]).len(), 1);
    }

    #[test]
    fn no_crossings_for_parallel_or_distant_lines_or_empty_input() {
        let route = [ll(0.0, 0.0), ll(0.0, 1.0)];
        let parallel = NamedLine::new("P", LineKind::Other, vec![vec![ll(0.1, 0.0), ll(0.1, 1.0)]]);
        assert!(find_crossings(&route, std::slice::from_ref(&parallel), &[]).is_empty());
        assert!(find_crossings(&[], std::slice::from_ref(&parallel), &[]).is_empty());
        assert!(find_crossings(&route[..1], &[parallel], &[]).is_empty());
        assert!(find_crossings(&route, &[], &[]).is_empty());
    }

    #[test]
    fn crossing_on_the_antimeridian() {
        let route = [ll(65.0, 179.5), ll(65.0, -179.5)];
        let meridian = NamedLine::new(
            "dateline",
            LineKind::Border,
            vec![vec![ll(64.0, 180.0), ll(66.0, 180.0)]],
        );
        let c = find_crossings(&route, &[meridian], &[]);
        assert_eq!(c.len(), 1);
        assert!((c[0].at.lon.abs() - 180.0).abs() < 1e-9 && (c[0].at.lat - 65.0).abs() < 1e-9);
        let half = geodesy::distance(route[0], route[1]).as_m() / 2.0;
        assert!((c[0].from_start.as_m() - half).abs() < 100.0);
    }
}
