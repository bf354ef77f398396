//! Country names placed inside the frame: a grid over the map is classified by the bundled
//! country areas, and each country's name goes on its cell farthest from any other country, the
//! sea and the frame edge (so a country whose own label point is off the map is still named).
//! A country is named as the gazetteer names it (as border crossings are), not as the basemap
//! table does ("Russian Federation", not "Russia"). Every country on the map is offered, at every scale: a small one gets smaller type, sized
//! to the width it has on the map, and the label placer drops what still does not fit.

use super::Error;
use super::fonts::{self, Face};
use super::scene::MapOptions;
use super::svg::Px;
use super::view::View;
use crate::geodata::basemap::{self, Layer, Level};

const NX: usize = 40;
const NY: usize = 25;

/// Type size of a country name with room for it, at the map's scale 1.
const FULL_SIZE: f64 = 14.0;
/// The smallest type a country name is set in.
const MIN_SIZE: f64 = 8.5;

/// A country name to place: the name, where, how many grid cells the country fills, and the
/// type size (in pixels) that fits it.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryName {
    pub name: String,
    /// The name as set: one line, or two (split between words) when one line would need type
    /// below the smallest size. (The placer also tries two lines when one finds no room.)
    pub lines: Vec<String>,
    pub at: Px,
    /// Other spots inside the country, next best first, for when `at` is taken.
    pub more: Vec<Px>,
    pub cells: usize,
    pub size_px: f64,
}

/// A 40 × 25 grid over the frame, each cell classified by the bundled country areas: the
/// country whose area holds the cell's centre, or none (the sea).
#[derive(Debug, Clone)]
pub struct Grid {
    /// Cell centres: pixel, longitude (continuous across the map, near its central meridian)
    /// and latitude in degrees; row by row from the top left.
    pub cells: Vec<(Px, f64, f64)>,
    /// The country id of each cell, or None for the sea.
    pub owner: Vec<Option<usize>>,
}

impl Grid {
    /// Classifies the grid over the view's frame.
    pub fn new(view: &View) -> Result<Grid, Error> {
        let rect = view.geo_rect();
        let lon0 = view.proj.lon0_deg();
        let f = view.frame;
        let bytes = basemap::bytes(Layer::Countries, Level::Coarse).ok_or(
            crate::geodata::Error::Basemap {
                what: "no country layer",
            },
        )?;
        let parts = basemap::read(bytes, rect)?;
        let mut cells = Vec::with_capacity(NX * NY);
        for j in 0..NY {
            for i in 0..NX {
                let p = Px {
                    x: f.x + (i as f64 + 0.5) * f.w / NX as f64,
                    y: f.y + (j as f64 + 0.5) * f.h / NY as f64,
                };
                let ll = view.latlon(p);
                let lon = lon0 + ((ll.lon - lon0 + 180.0).rem_euclid(360.0) - 180.0);
                cells.push((p, lon, ll.lat));
            }
        }
        // Even-odd parity per (cell, country id). Each edge is met only by the cells whose
        // latitude lies in its span (found in the cells sorted by latitude), so a part costs
        // its edges plus the cells they cross, not every cell times every edge.
        let mut by_lat: Vec<usize> = (0..cells.len()).collect();
        by_lat.sort_by(|a, b| cells[*a].2.total_cmp(&cells[*b].2).then(a.cmp(b)));
        let lats: Vec<f64> = by_lat.iter().map(|c| cells[*c].2).collect();
        let mut odd = vec![false; cells.len()];
        let mut touched = Vec::new();
        let mut hits: Vec<Vec<u16>> = vec![Vec::new(); cells.len()];
        for part in &parts {
            let (mut w, mut e, mut s, mut n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
            for p in &part.points {
                (w, e, s, n) = (w.min(p[0]), e.max(p[0]), s.min(p[1]), n.max(p[1]));
            }
            crossings(&part.points, &cells, &by_lat, &lats, &mut odd, &mut touched);
            for c in touched.drain(..) {
                if !std::mem::take(&mut odd[c]) {
                    continue;
                }
                let (_, x, y) = cells[c];
                if x < w || x > e || y < s || y > n {
                    continue;
                }
                if let Some(pos) = hits[c].iter().position(|id| *id == part.id) {
                    hits[c].swap_remove(pos);
                } else {
                    hits[c].push(part.id);
                }
            }
        }
        let owner = hits
            .iter()
            .map(|h| h.iter().min().map(|id| usize::from(*id)))
            .collect();
        Ok(Grid { cells, owner })
    }

    /// The cell of `mine` farthest (Chebyshev, in cells) from any cell whose `region` differs
    /// from its own, or from the frame's edge: the middle of a region, where its name goes.
    pub fn interior(region: &[Option<usize>], mine: &[usize]) -> Option<usize> {
        Grid::interiors(region, mine, 1).first().copied()
    }

    /// The `n` cells of `mine` farthest from the region's edge, farthest first.
    pub fn interiors(region: &[Option<usize>], mine: &[usize], n: usize) -> Vec<usize> {
        let dist = edge_distances(region);
        let mut ranked: Vec<(usize, usize)> = mine.iter().map(|c| (dist[*c], *c)).collect();
        ranked.sort_by_key(|(d, c)| (std::cmp::Reverse(*d), *c));
        ranked.into_iter().take(n).map(|(_, c)| c).collect()
    }
}

/// For every cell, its Chebyshev distance (in cells) to the nearest cell of another region,
/// or to one step beyond the frame's edge, whichever is nearer.
///
/// A chamfer transform: each cell takes one more than its neighbour of the same region, or 1
/// beside a neighbour of another region, sweeping down and back up until nothing changes.
/// The nearest cell of another region is reached from a cell through cells of its own region
/// (any cell of another region on the way would be nearer), so the sweeps give exactly the
/// distance over the whole grid, in a few passes instead of one look at every cell per cell.
fn edge_distances(region: &[Option<usize>]) -> Vec<usize> {
    let at = |i: usize, j: usize| j * NX + i;
    let mut dist: Vec<usize> = (0..region.len())
        .map(|c| {
            let (i, j) = (c % NX, c / NX);
            i.min(j).min(NX - 1 - i).min(NY - 1 - j) + 1
        })
        .collect();
    let relax = |dist: &mut Vec<usize>, i: usize, j: usize, di: isize, dj: isize| -> bool {
        let (Some(ni), Some(nj)) = (i.checked_add_signed(di), j.checked_add_signed(dj)) else {
            return false;
        };
        if ni >= NX || nj >= NY {
            return false;
        }
        let (c, nc) = (at(i, j), at(ni, nj));
        let via = if region[nc] == region[c] {
            dist[nc] + 1
        } else {
            1
        };
        if via < dist[c] {
            dist[c] = via;
            true
        } else {
            false
        }
    };
    const BEFORE: [(isize, isize); 4] = [(-1, 0), (-1, -1), (0, -1), (1, -1)];
    const AFTER: [(isize, isize); 4] = [(1, 0), (1, 1), (0, 1), (-1, 1)];
    loop {
        let mut changed = false;
        for j in 0..NY {
            for i in 0..NX {
                for (di, dj) in BEFORE {
                    changed |= relax(&mut dist, i, j, di, dj);
                }
            }
        }
        for j in (0..NY).rev() {
            for i in (0..NX).rev() {
                for (di, dj) in AFTER {
                    changed |= relax(&mut dist, i, j, di, dj);
                }
            }
        }
        if !changed {
            return dist;
        }
    }
}

/// The country names for a map, largest country first: each country with a cell of the grid,
/// in type that fits the country's width across its label cell (half a cell of spill either
/// side allowed), smaller down to 8.5 px × the map's scale; a country too narrow even for that is
/// left out.
pub fn countries(view: &View, grid: &Grid, opt: &MapOptions) -> Result<Vec<CountryName>, Error> {
    let k = view.k;
    let cell_w = view.frame.w / NX as f64;
    let base = if opt.width_px >= 1000 { 1.0 } else { 0.9 };
    let owner = &grid.owner;
    let table = basemap::countries()?;
    let mut out = Vec::new();
    let mut ids: Vec<usize> = owner.iter().flatten().copied().collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let mine: Vec<usize> = (0..owner.len()).filter(|c| owner[*c] == Some(id)).collect();
        let spots = Grid::interiors(owner, &mine, 16);
        let Some(&best) = spots.first() else {
            continue;
        };
        let Some(row) = table.get(id) else {
            continue;
        };
        // The country's run of cells through its label cell, plus half a cell either side.
        let (bi, bj) = (best % NX, best / NX);
        let owned = |i: usize| owner[bj * NX + i] == Some(id);
        let west = (0..bi).rev().take_while(|i| owned(*i)).count();
        let east = (bi + 1..NX).take_while(|i| owned(*i)).count();
        let room_px = (west + east + 2) as f64 * cell_w;
        // The name the rest of the report uses for the country (a border crossing is the
        // "North Korea–Russian Federation border"), when the gazetteer knows the basemap's.
        let shown = crate::gazetteer::country_code(&row.name)
            .and_then(crate::gazetteer::country_name)
            .unwrap_or(&row.name);
        let name = shown.to_uppercase();
        let full = FULL_SIZE * base * k;
        let width = |text: &str, size: f64| {
            fonts::text_width(text, Face::Regular, size, size / FULL_SIZE * 2.5)
        };
        let fit = |w: f64| {
            if w <= room_px {
                full
            } else {
                full * room_px / w
            }
        };
        let one_line = (vec![name.clone()], fit(width(&name, full)));
        let (lines, size_px) = if one_line.1 >= MIN_SIZE * k {
            one_line
        } else if let Some((a, b)) = two_lines(&name) {
            let size = fit(width(a, full).max(width(b, full)));
            (vec![a.to_string(), b.to_string()], size)
        } else {
            one_line
        };
        if size_px < MIN_SIZE * k {
            continue;
        }
        out.push(CountryName {
            name: shown.to_string(),
            lines,
            at: grid.cells[best].0,
            more: spots[1..].iter().map(|c| grid.cells[*c].0).collect(),
            cells: mine.len(),
            size_px,
        });
    }
    out.sort_by(|a, b| b.cells.cmp(&a.cells).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}

/// `name` in two lines, split at the space that makes the longer line shortest ("RUSSIAN" /
/// "FEDERATION"); None for a single word.
pub(super) fn two_lines(name: &str) -> Option<(&str, &str)> {
    let mid = name.chars().count() / 2;
    let cut = (name.char_indices())
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .min_by_key(|i| name[..*i].chars().count().abs_diff(mid))?;
    Some((&name[..cut], &name[cut + 1..]))
}

/// Flips `odd` for every cell that a ray to its east crosses an edge of `ring` (the even-odd
/// rule of [`inside`], edge by edge), noting each flipped cell in `touched`. `by_lat` lists the
/// cells by latitude and `lats` holds their latitudes in that order.
fn crossings(
    ring: &[[f64; 2]],
    cells: &[(Px, f64, f64)],
    by_lat: &[usize],
    lats: &[f64],
    odd: &mut [bool],
    touched: &mut Vec<usize>,
) {
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        // The cells with (a.y > y) != (b.y > y): y in [min, max).
        let (lo, hi) = if a[1] < b[1] {
            (a[1], b[1])
        } else {
            (b[1], a[1])
        };
        let first = lats.partition_point(|l| *l < lo);
        let end = lats.partition_point(|l| *l < hi);
        for c in &by_lat[first..end.max(first)] {
            let (_, x, y) = cells[*c];
            if x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0] {
                odd[*c] = !odd[*c];
                touched.push(*c);
            }
        }
    }
}

/// Even-odd ray test of (x, y) against a ring of [lon, lat]: what [`crossings`] does for many
/// cells at once.
#[cfg(test)]
fn inside(ring: &[[f64; 2]], x: f64, y: f64) -> bool {
    let mut c = false;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        if (a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0] {
            c = !c;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coord::LatLon;
    use crate::render::scene::{LegMode, MapOptions, MapScene, SceneLeg};

    #[test]
    fn names_the_countries_a_route_crosses() {
        let pts = vec![
            LatLon {
                lat: 52.22977,
                lon: 21.01178,
            },
            LatLon {
                lat: 50.45466,
                lon: 30.5238,
            },
        ];
        let scene = MapScene {
            legs: vec![SceneLeg {
                mode: LegMode::Direct,
                points: pts,
                schematic: false,
                track_unknown: false,
                recorded: false,
                label: String::new(),
            }],
            ..Default::default()
        };
        let view = View::new(&scene, &MapOptions::default()).unwrap();
        let grid = Grid::new(&view).unwrap();
        let names: Vec<String> = countries(&view, &grid, &MapOptions::default())
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        for n in ["Poland", "Ukraine", "Belarus"] {
            assert!(names.iter().any(|x| x == n), "{n} in {names:?}");
        }
    }

    #[test]
    fn ray_test() {
        let sq = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        assert!(inside(&sq, 1.0, 1.0));
        assert!(!inside(&sq, 3.0, 1.0));
    }

    /// Issue 17: on an overview map (Lisbon to Tokyo) the small countries are named too, in
    /// smaller type, not only those filling eight cells of the grid; and no name is set below
    /// the smallest size.
    #[test]
    fn regression_issue_17_countries_are_named_at_overview_scale() {
        let scene = MapScene {
            legs: vec![SceneLeg {
                mode: LegMode::Air,
                points: vec![
                    LatLon {
                        lat: 38.7167,
                        lon: -9.1333,
                    },
                    LatLon {
                        lat: 35.6895,
                        lon: 139.6917,
                    },
                ],
                schematic: false,
                track_unknown: false,
                recorded: false,
                label: String::new(),
            }],
            ..Default::default()
        };
        let opt = MapOptions::default();
        let view = View::new(&scene, &opt).unwrap();
        let grid = Grid::new(&view).unwrap();
        let found = countries(&view, &grid, &opt).unwrap();
        let small: Vec<&str> = (found.iter())
            .filter(|c| c.cells < 8)
            .map(|c| c.name.as_str())
            .collect();
        assert!(small.len() >= 5, "{small:?}");
        assert!(found.iter().any(|c| c.size_px < FULL_SIZE * view.k));
        assert!(found.iter().all(|c| c.size_px >= MIN_SIZE * view.k - 1e-9));
        for n in ["Russian Federation", "China", "Portugal"] {
            assert!(found.iter().any(|c| c.name == n), "{n}");
        }
    }

    /// The edge-by-edge parity of `crossings` classifies every cell as the point-by-point ray
    /// test does, on a concave ring with a horizontal edge and cells on its vertices' latitudes.
    #[test]
    fn crossings_agree_with_the_ray_test() {
        let ring = [
            [0.0, 0.0],
            [6.0, 0.0],
            [6.0, 5.0],
            [3.0, 2.0],
            [1.5, 4.0],
            [0.0, 5.0],
        ];
        let mut cells = Vec::new();
        for j in 0..23 {
            for i in 0..29 {
                let (x, y) = (-0.5 + 0.25 * f64::from(i), -0.5 + 0.25 * f64::from(j));
                cells.push((Px { x, y }, x, y));
            }
        }
        let mut by_lat: Vec<usize> = (0..cells.len()).collect();
        by_lat.sort_by(|a, b| cells[*a].2.total_cmp(&cells[*b].2).then(a.cmp(b)));
        let lats: Vec<f64> = by_lat.iter().map(|c| cells[*c].2).collect();
        let mut odd = vec![false; cells.len()];
        let mut touched = Vec::new();
        crossings(&ring, &cells, &by_lat, &lats, &mut odd, &mut touched);
        let mut inner = 0;
        for (c, (_, x, y)) in cells.iter().enumerate() {
            assert_eq!(odd[c], inside(&ring, *x, *y), "cell at {x}, {y}");
            inner += usize::from(odd[c]);
        }
        assert!(inner > 100 && inner < cells.len() - 100, "{inner}");
        assert!(touched.iter().all(|c| *c < cells.len()));
    }

    #[test]
    fn two_lines_split_at_the_most_even_space() {
        assert_eq!(
            two_lines("RUSSIAN FEDERATION"),
            Some(("RUSSIAN", "FEDERATION"))
        );
        assert_eq!(
            two_lines("CENTRAL AFRICAN REPUBLIC"),
            Some(("CENTRAL AFRICAN", "REPUBLIC"))
        );
        assert_eq!(two_lines("MONGOLIA"), None);
    }
}

#[cfg(test)]
mod distance_tests {
    use super::*;
    use proptest::prelude::*;

    /// The distance as it was first written: a look at every cell for every cell.
    fn brute_force(region: &[Option<usize>], c: usize) -> usize {
        let (ci, cj) = (c % NX, c / NX);
        let mut best = ci.min(cj).min(NX - 1 - ci).min(NY - 1 - cj) + 1;
        for (o, ow) in region.iter().enumerate() {
            if *ow != region[c] {
                best = best.min((o % NX).abs_diff(ci).max((o / NX).abs_diff(cj)));
            }
        }
        best
    }

    proptest! {
        /// The chamfer sweeps give exactly the brute-force distance, for regions of any shape
        /// (blobs grown from a few seeds, with holes and strays).
        #[test]
        fn edge_distances_are_the_brute_force_ones(
            seeds in proptest::collection::vec((0..NX, 0..NY, 0usize..4), 1..8),
            strays in proptest::collection::vec((0..NX * NY, 0usize..5), 0..40),
        ) {
            let mut region: Vec<Option<usize>> = (0..NX * NY)
                .map(|c| {
                    let (i, j) = (c % NX, c / NX);
                    let near = seeds.iter().min_by_key(|(si, sj, _)| si.abs_diff(i) + sj.abs_diff(j));
                    near.and_then(|s| (s.2 < 3).then_some(s.2))
                })
                .collect();
            for (c, r) in strays {
                region[c] = (r < 4).then_some(r);
            }
            let fast = edge_distances(&region);
            for (c, d) in fast.iter().enumerate() {
                prop_assert_eq!(*d, brute_force(&region, c), "cell {}", c);
            }
        }
    }
}
