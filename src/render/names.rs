//! Country names placed inside the frame: a grid over the map is classified by the bundled
//! country areas, and each country's name goes on its cell farthest from any other country, the
//! sea and the frame edge (so a country whose own label point is off the map is still named).

use super::Error;
use super::svg::Px;
use super::view::View;
use crate::geodata::basemap::{self, Layer, Level};

const NX: usize = 40;
const NY: usize = 25;

/// A country name to place: the name, where, and how many grid cells the country fills.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryName {
    pub name: String,
    pub at: Px,
    pub cells: usize,
}

/// Countries filling at least `min_cells` of a 40 × 25 grid over the frame, largest first.
pub fn countries(view: &View, min_cells: usize) -> Result<Vec<CountryName>, Error> {
    let rect = view.geo_rect();
    let lon0 = view.proj.lon0_deg();
    let f = view.frame;
    let bytes =
        basemap::bytes(Layer::Countries, Level::Coarse).ok_or(crate::geodata::Error::Basemap {
            what: "no country layer",
        })?;
    let parts = basemap::read(bytes, rect)?;
    // Cell centres as (lon in the rect's continuous space, lat).
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
    // Even-odd parity per (cell, country id).
    let mut hits: Vec<Vec<u16>> = vec![Vec::new(); cells.len()];
    for part in &parts {
        let (mut w, mut e, mut s, mut n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in &part.points {
            (w, e, s, n) = (w.min(p[0]), e.max(p[0]), s.min(p[1]), n.max(p[1]));
        }
        for (c, (_, x, y)) in cells.iter().enumerate() {
            if *x < w || *x > e || *y < s || *y > n || !inside(&part.points, *x, *y) {
                continue;
            }
            if let Some(pos) = hits[c].iter().position(|id| *id == part.id) {
                hits[c].swap_remove(pos);
            } else {
                hits[c].push(part.id);
            }
        }
    }
    let owner: Vec<Option<u16>> = hits.iter().map(|h| h.iter().min().copied()).collect();
    // Chebyshev distance to the nearest cell not of the same country (or the frame's edge).
    let dist = |c: usize| -> usize {
        let (ci, cj) = (c % NX, c / NX);
        let edge = ci.min(cj).min(NX - 1 - ci).min(NY - 1 - cj) + 1;
        let mut best = edge;
        for (o, ow) in owner.iter().enumerate() {
            if *ow != owner[c] {
                let d = (o % NX).abs_diff(ci).max((o / NX).abs_diff(cj));
                best = best.min(d);
            }
        }
        best
    };
    let table = basemap::countries()?;
    let mut out = Vec::new();
    let mut ids: Vec<u16> = owner.iter().flatten().copied().collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let mine: Vec<usize> = (0..cells.len()).filter(|c| owner[*c] == Some(id)).collect();
        if mine.len() < min_cells {
            continue;
        }
        let Some(best) = mine
            .iter()
            .copied()
            .max_by_key(|c| (dist(*c), std::cmp::Reverse(*c)))
        else {
            continue;
        };
        if let Some(row) = table.get(usize::from(id)) {
            out.push(CountryName {
                name: row.name.clone(),
                at: cells[best].0,
                cells: mine.len(),
            });
        }
    }
    out.sort_by(|a, b| b.cells.cmp(&a.cells).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}

/// Even-odd ray test of (x, y) against a ring of [lon, lat].
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
                label: String::new(),
            }],
            ..Default::default()
        };
        let view = View::new(&scene, &MapOptions::default()).unwrap();
        let names: Vec<String> = countries(&view, 6)
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
}
