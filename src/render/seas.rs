//! Sea names for the static map: the bundled Natural Earth marine areas (`data/seas/seas.tsv`,
//! the table the gazetteer reads) whose label point is on the map and which are large enough on
//! it to be worth naming, biggest first. They are the least important labels: the placer drops
//! them first.

use super::Error;
use super::names::Grid;
use super::svg::Px;
use super::view::View;
use crate::gazetteer::seas::{SeaRow as Row, sea_rows};

/// At most this many sea names on one map.
const MAX_SEAS: usize = 6;
/// Metres in one degree of latitude (the mean; only sizes a sea against the map).
const M_PER_DEG: f64 = 111_320.0;

/// A sea name to place, in the middle of its water on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct SeaName {
    pub name: String,
    pub at: Px,
}

/// The seas to name on this map, at most six, most water first. The table gives each sea a
/// label point and a bounding box, not its outline, so each sea cell of the grid (no country
/// there) goes to the smallest sea whose box holds it, among the seas at least a tenth of the
/// map across; a sea with four cells or more is named at its cell farthest from land, other
/// seas and the frame (so the Sea of Japan is named on a map whose frame stops short of the
/// sea's own label point). A sea whose box goes round the world is named at its label point.
pub fn in_view(view: &View, grid: &Grid) -> Result<Vec<SeaName>, Error> {
    let rows = sea_rows().map_err(|_| crate::geodata::Error::Basemap {
        what: "the sea table data/seas/seas.tsv does not parse",
    })?;
    let per_px = view.ground_per_px().as_m();
    let f = view.frame;
    let lon0 = view.proj.lon0_deg();
    // A box that spans every longitude (a sea across 180°: the Bering Sea, the oceans) says
    // nothing about where the sea is east to west: such a sea is named only at its own label
    // point, when that is on the map.
    let round_the_world = |r: &Row| r.east - r.west >= 359.9;
    let mut found: Vec<(usize, SeaName)> = Vec::new();
    let inner = f.inflate(-0.05 * f.w.min(f.h));
    let rect = view.geo_rect();
    for r in rows.iter().filter(|r| round_the_world(r)) {
        let lon = lon0 + ((r.label_lon - lon0 + 180.0).rem_euclid(360.0) - 180.0);
        let on_map = (rect.west..=rect.east).contains(&lon)
            && (rect.south..=rect.north).contains(&r.label_lat);
        let at = view.px(crate::coord::LatLon {
            lat: r.label_lat,
            lon: r.label_lon,
        });
        if on_map && inner.contains(at) {
            // Ranked as if it filled the map's sea: an ocean is a big name.
            let sea_cells = grid.owner.iter().filter(|o| o.is_none()).count();
            found.push((
                sea_cells,
                SeaName {
                    name: r.name.clone(),
                    at,
                },
            ));
        }
    }
    // The other seas big enough on this map, with their box area in square degrees.
    let big: Vec<(&Row, f64)> = rows
        .iter()
        .filter(|r| !round_the_world(r))
        .filter_map(|r| {
            let mid_lat = ((r.south + r.north) / 2.0).to_radians();
            let w_px = (r.east - r.west) * mid_lat.cos() * M_PER_DEG / per_px;
            let h_px = (r.north - r.south) * M_PER_DEG / per_px;
            (w_px >= 0.1 * f.w || h_px >= 0.1 * f.h)
                .then_some((r, (r.east - r.west) * (r.north - r.south)))
        })
        .collect();
    let holds = |r: &Row, lon: f64, lat: f64| {
        // The box's longitudes brought next to the cell's (the grid's run continuously).
        let shift = |x: f64| lon0 + ((x - lon0 + 180.0).rem_euclid(360.0) - 180.0);
        let west = shift(r.west);
        let east = west + (r.east - r.west);
        (r.south..=r.north).contains(&lat)
            && ((west..=east).contains(&lon) || (west..=east).contains(&(lon + 360.0)))
    };
    let sea_of: Vec<Option<usize>> = (grid.cells.iter().zip(&grid.owner))
        .map(|((_, lon, lat), owner)| {
            if owner.is_some() {
                return None;
            }
            (big.iter().enumerate())
                .filter(|(_, (r, _))| holds(r, *lon, *lat))
                .min_by(|a, b| a.1.1.total_cmp(&b.1.1).then(a.0.cmp(&b.0)))
                .map(|(i, _)| i)
        })
        .collect();
    for (i, (r, _)) in big.iter().enumerate() {
        let mine: Vec<usize> = (0..sea_of.len())
            .filter(|c| sea_of[*c] == Some(i))
            .collect();
        if mine.len() < 4 {
            continue;
        }
        if let Some(c) = Grid::interior(&sea_of, &mine) {
            found.push((
                mine.len(),
                SeaName {
                    name: r.name.clone(),
                    at: grid.cells[c].0,
                },
            ));
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    Ok(found.into_iter().take(MAX_SEAS).map(|(_, s)| s).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coord::LatLon;
    use crate::render::scene::{LegMode, MapOptions, MapScene, SceneLeg};

    fn names(from: LatLon, to: LatLon) -> Vec<String> {
        let scene = MapScene {
            legs: vec![SceneLeg {
                mode: LegMode::Air,
                points: vec![from, to],
                schematic: false,
                track_unknown: false,
                recorded: false,
                label: String::new(),
            }],
            ..Default::default()
        };
        let view = View::new(&scene, &MapOptions::default()).unwrap();
        let grid = Grid::new(&view).unwrap();
        in_view(&view, &grid)
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect()
    }

    /// Issue 17: Pyongyang to Vladivostok names the Sea of Japan, though the frame stops
    /// short of the sea's own label point (39.37° N, 134.17° E).
    #[test]
    fn regression_issue_17_names_the_sea_of_japan_on_the_default_map() {
        let n = names(
            LatLon {
                lat: 39.0339,
                lon: 125.7543,
            },
            LatLon {
                lat: 43.1056,
                lon: 131.8735,
            },
        );
        assert!(n.iter().any(|s| s == "Sea of Japan"), "{n:?}");
        assert!(n.len() <= MAX_SEAS);
    }

    /// A sea whose box goes round the world (the Bering Sea, -180° to 180°) is not named in
    /// the North Atlantic, where its box's latitudes also run.
    #[test]
    fn a_box_round_the_world_does_not_name_a_sea_far_away() {
        let n = names(
            LatLon {
                lat: 55.8642,
                lon: -4.2518,
            },
            LatLon {
                lat: 64.1466,
                lon: -21.9426,
            },
        );
        assert!(!n.iter().any(|s| s == "Bering Sea"), "{n:?}");
        assert!(
            !n.is_empty(),
            "the sea between Scotland and Iceland is named"
        );
    }
}
