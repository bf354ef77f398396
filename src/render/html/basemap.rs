//! The basemap of the HTML map as vector layers: the same bundled Natural Earth land, lakes,
//! coastline, borders and rivers the SVG draws, at the level of detail the SVG's scale picks,
//! clipped to a rectangle around the map's extent (its span again on each side, so a reader can
//! pan) and simplified to half a pixel of the SVG's scale. Coordinates are (lat, lon) as
//! Leaflet takes them, rounded to 4 decimals (about 11 m).

use serde::Serialize;

use super::super::Error;
use super::super::layers::level_for;
use super::super::names;
use super::super::view::View;
use crate::geodata::basemap::{self, GeoRect, Layer, Level};

/// A line or ring as Leaflet takes it: [lat, lon] pairs.
pub type Line = Vec<[f64; 2]>;

/// The basemap layers of one map. The fields are in name order, as the page's JSON has always
/// listed them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Basemap {
    /// Settled international borders.
    pub borders: Vec<Line>,
    /// Coastlines.
    pub coast: Vec<Line>,
    /// Country names and where the SVG sets them.
    pub countries: Vec<(String, [f64; 2])>,
    /// Disputed or indefinite borders.
    pub disputed: Vec<Line>,
    /// Lake rings.
    pub lakes: Vec<Line>,
    /// Land rings (outer rings and holes: drawn with the even-odd rule).
    pub land: Vec<Line>,
    /// "fine", "medium" or "coarse": the Natural Earth level used.
    pub level: &'static str,
    /// Rivers (none at the coarse level).
    pub rivers: Vec<Line>,
    /// The simplification tolerance, in metres on the ground.
    pub tolerance_m: f64,
}

fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// Simplifies (lon, lat) points with Douglas–Peucker at `tol_deg` degrees of latitude, longitudes
/// scaled by the cosine of `lat0` so the tolerance is the same on the ground both ways.
fn simplify(pts: &[[f64; 2]], tol_deg: f64, lat0: f64) -> Line {
    let c = lat0.to_radians().cos().max(0.05);
    let scaled: Vec<[f64; 2]> = pts.iter().map(|p| [p[0] * c, p[1]]).collect();
    let mut out: Line = super::super::simplify::douglas_peucker(&scaled, tol_deg)
        .into_iter()
        .map(|i| [round4(scaled[i][1]), round4(scaled[i][0] / c)])
        .collect();
    out.dedup();
    out
}

fn rings(
    layer: Layer,
    level: Level,
    rect: GeoRect,
    tol: f64,
    lat0: f64,
) -> Result<Vec<Line>, Error> {
    let Some(bytes) = basemap::bytes(layer, level) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for part in basemap::read(bytes, rect)? {
        let ring = simplify(&basemap::clip_ring(&part.points, rect), tol, lat0);
        if ring.len() >= 4 {
            out.push(ring);
        }
    }
    Ok(out)
}

fn lines(
    layer: Layer,
    level: Level,
    rect: GeoRect,
    tol: f64,
    lat0: f64,
) -> Result<[Vec<Line>; 2], Error> {
    let mut out = [Vec::new(), Vec::new()];
    let Some(bytes) = basemap::bytes(layer, level) else {
        return Ok(out);
    };
    for part in basemap::read(bytes, rect)? {
        for run in basemap::clip_line(&part.points, rect) {
            let l = simplify(&run, tol, lat0);
            if l.len() >= 2 {
                out[usize::from(part.class.min(1))].push(l);
            }
        }
    }
    Ok(out)
}

/// The basemap around `view`'s extent.
pub fn basemap(view: &View) -> Result<Basemap, Error> {
    let per_px_m = view.ground_per_px().as_m();
    let level = level_for(per_px_m);
    let r = view.geo_rect();
    let (dx, dy) = (r.east - r.west, r.north - r.south);
    let rect = GeoRect {
        west: r.west - dx,
        east: r.east + dx,
        south: (r.south - dy).max(-85.0),
        north: (r.north + dy).min(85.0),
    };
    let lat0 = (r.south + r.north) / 2.0;
    let tolerance_m = per_px_m * 0.5;
    let tol = tolerance_m / 111_320.0;
    let [coast, _] = lines(Layer::Coast, level, rect, tol, lat0)?;
    let [borders, disputed] = lines(Layer::Borders, level, rect, tol, lat0)?;
    // Rivers as the SVG draws them: fine rivers up to 450 m a pixel, medium up to 6 km.
    let river_level = if per_px_m < 450.0 {
        Some(Level::Fine)
    } else if per_px_m < 6_000.0 {
        Some(Level::Medium)
    } else {
        None
    };
    let rivers = match river_level {
        Some(l) => lines(Layer::Rivers, l, rect, tol, lat0)?[0].clone(),
        None => Vec::new(),
    };
    // The page names the larger countries (six grid cells or more); its map zooms.
    let grid = names::Grid::new(view)?;
    let countries = names::countries(view, &grid, &super::super::MapOptions::default())?
        .into_iter()
        .filter(|c| c.cells >= 6)
        .map(|c| {
            let at = view.latlon(c.at);
            (c.name, [round4(at.lat), round4(at.lon)])
        })
        .collect();
    Ok(Basemap {
        level: match level {
            Level::Fine => "fine",
            Level::Medium => "medium",
            Level::Coarse => "coarse",
        },
        tolerance_m: tolerance_m.round(),
        land: rings(Layer::Land, level, rect, tol, lat0)?,
        lakes: rings(Layer::Lakes, level, rect, tol, lat0)?,
        coast,
        borders,
        disputed,
        rivers,
        countries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplify_keeps_ends_and_drops_points_within_tolerance() {
        let pts = [
            [130.0, 42.0],
            [130.5, 42.00001],
            [131.0, 42.0],
            [131.0, 43.0],
        ];
        let s = simplify(&pts, 0.001, 42.0);
        assert_eq!(s, vec![[42.0, 130.0], [42.0, 131.0], [43.0, 131.0]]);
    }
}
