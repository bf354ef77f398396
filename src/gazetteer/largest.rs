//! The most populous places in an area: a map's context cities.

use super::Gazetteer;
use crate::coord::LatLon;

/// A populated place with its population, for a map's context.
#[derive(Debug, Clone, PartialEq)]
pub struct LargeCity {
    /// GeoNames' primary name.
    pub name: String,
    /// Its point.
    pub location: LatLon,
    /// Its population, as GeoNames gives it.
    pub population: u64,
}

/// Feature codes that are a place of their own: a section of a city (PPLX), a historical or
/// abandoned place is not a context city.
const OWN_PLACE: [&str; 7] = ["PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC"];

impl Gazetteer {
    /// The `n` most populous world places inside the box from `south` to `north` and from
    /// `west` to `east` (degrees; `west` > `east` spans the antimeridian), largest first (ties
    /// by table order). Places without a population, and sections of cities, are left out.
    pub fn largest_cities(
        &self,
        south: f64,
        west: f64,
        north: f64,
        east: f64,
        n: usize,
    ) -> Vec<LargeCity> {
        let Some(w) = &self.world else {
            return Vec::new();
        };
        let in_lon = |lon: f64| {
            if west <= east {
                (west..=east).contains(&lon)
            } else {
                lon >= west || lon <= east
            }
        };
        let keep = |r: &super::world::WorldRec| {
            r.population > 0
                && (south..=north).contains(&r.lat_deg)
                && in_lon(r.lon_deg)
                && super::world::FCODES
                    .get(usize::from(r.fcode))
                    .is_some_and(|f| OWN_PLACE.contains(f))
        };
        // A damaged table (a read failed): every place is looked at.
        let candidates =
            in_box_cells(w, south, west, north, east).unwrap_or_else(|| (0..w.len()).collect());
        let mut found: Vec<(u32, usize)> = candidates
            .into_iter()
            .filter_map(|i| w.rec(i).map(|r| (i, r)))
            .filter(|(_, r)| keep(r))
            .map(|(i, r)| (r.population, i))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.truncate(n);
        found
            .into_iter()
            .filter_map(|(_, i)| {
                let r = w.rec(i)?;
                Some(LargeCity {
                    name: w.pool_str(r.name_off).to_string(),
                    location: LatLon {
                        lat: r.lat_deg,
                        lon: r.lon_deg,
                    },
                    population: u64::from(r.population),
                })
            })
            .collect()
    }
}

/// The indices of the world places in the grid cells that cover the box, found by binary
/// search in the table's cell order, one run of cells per row of cells (two across the
/// antimeridian): a few thousand places looked at instead of all 200,000. None when a read
/// fails (a damaged table), for the caller to look at every place; a table out of cell order
/// can only make this miss places, as any damage to the table may (`world`'s module notes).
fn in_box_cells(
    w: &super::world::World,
    south: f64,
    west: f64,
    north: f64,
    east: f64,
) -> Option<Vec<usize>> {
    use super::grid::{CELL_COLS, cell_index};
    let mut out = Vec::new();
    if south > north || w.len() == 0 {
        return Some(out);
    }
    let cell_at = |j: usize| -> Option<u32> {
        let r = w.rec(w.by_cell(j)?)?;
        Some(cell_index(r.lat_deg, r.lon_deg))
    };
    // The first position in cell order whose cell is `c` or later.
    let first_from = |c: u32| -> Option<usize> {
        let (mut lo, mut hi) = (0usize, w.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if cell_at(mid)? < c {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Some(lo)
    };
    let row = |lat: f64| cell_index(lat, 0.0) / CELL_COLS;
    let col = |lon: f64| cell_index(0.0, lon.clamp(-180.0, 180.0)) % CELL_COLS;
    // The cells run from -180° to 180°, a place at 180° falling in the first column.
    let col_w = col(west);
    let mut spans: Vec<(u32, u32)> = if west > east {
        vec![(col_w, CELL_COLS - 1), (0, col(east))]
    } else if east >= 180.0 {
        vec![(col_w, CELL_COLS - 1)]
    } else {
        vec![(col_w, col(east).max(col_w))]
    };
    if west <= east && east >= 180.0 && col_w > 0 {
        spans.push((0, 0));
    }
    for r in row(south)..=row(north) {
        for (a, b) in &spans {
            let (from, to) = (
                first_from(r * CELL_COLS + a)?,
                first_from(r * CELL_COLS + b + 1)?,
            );
            for j in from..to {
                out.push(w.by_cell(j)?);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    /// Around the Sea of Japan the largest cities are Seoul's and Vladivostok's region's, in
    /// population order; a box across the antimeridian finds Anadyr's side and Alaska's.
    #[test]
    fn largest_cities_in_a_box_by_population() {
        let g = crate::gazetteer::Gazetteer::load_default().unwrap();
        let found = g.largest_cities(38.0, 124.0, 45.0, 133.0, 12);
        assert_eq!(found.len(), 12);
        assert!(found.windows(2).all(|w| w[0].population >= w[1].population));
        let names: Vec<&str> = found.iter().map(|c| c.name.as_str()).collect();
        for name in ["Pyongyang", "Vladivostok"] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        assert!(found.iter().all(|c| (38.0..=45.0).contains(&c.location.lat)
            && (124.0..=133.0).contains(&c.location.lon)));
        let wrapped = g.largest_cities(55.0, 170.0, 72.0, -150.0, 5);
        assert!(!wrapped.is_empty());
        assert!(
            wrapped
                .iter()
                .all(|c| c.location.lon >= 170.0 || c.location.lon <= -150.0)
        );
        assert!(g.largest_cities(10.0, 0.0, 9.0, 1.0, 5).is_empty());
    }
}

#[cfg(test)]
mod box_tests {
    use super::*;

    /// Every box as a look at every place would answer it: the cells searched hold every
    /// place of the box (the antimeridian, the poles' rows, a sliver, a whole band).
    #[test]
    fn the_cells_searched_hold_every_place_of_the_box() {
        let g = Gazetteer::load_default().unwrap();
        let w = g.world.as_ref().unwrap();
        let boxes = [
            (38.0, 124.0, 45.0, 133.0),
            (55.0, 170.0, 72.0, -150.0),
            (-47.3, 166.0, -34.0, 178.6),
            (51.49, -0.2, 51.51, -0.1),
            (-90.0, -180.0, -60.0, 180.0),
            (10.0, -180.0, 11.0, 180.0),
            (-21.0, -180.0, -15.0, 180.0),
            (-21.0, 179.0, -15.0, 180.0),
            (48.0, 2.25, 48.0, 2.25),
            (10.0, 0.0, 9.0, 1.0),
        ];
        for (s, we, n, e) in boxes {
            let in_lon = |lon: f64| {
                if we <= e {
                    (we..=e).contains(&lon)
                } else {
                    lon >= we || lon <= e
                }
            };
            let mut expected: Vec<usize> = (0..w.len())
                .filter(|i| {
                    w.rec(*i)
                        .is_some_and(|r| (s..=n).contains(&r.lat_deg) && in_lon(r.lon_deg))
                })
                .collect();
            let mut got: Vec<usize> = in_box_cells(w, s, we, n, e)
                .unwrap()
                .into_iter()
                .filter(|i| {
                    w.rec(*i)
                        .is_some_and(|r| (s..=n).contains(&r.lat_deg) && in_lon(r.lon_deg))
                })
                .collect();
            expected.sort_unstable();
            got.sort_unstable();
            assert!(
                got.windows(2).all(|p| p[0] != p[1]),
                "a place twice in {s} {we} {n} {e}"
            );
            assert_eq!(got, expected, "box {s} {we} {n} {e}");
        }
    }
}
