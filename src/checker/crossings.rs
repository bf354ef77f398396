//! Finding where a route crosses the gazetteer's named rivers and the basemap's international
//! land borders (Natural Earth). This is wiring between data sets, so it lives with the
//! pipeline: `route::crossings` does the geometry, this file supplies the lines.

use crate::coord::LatLon;
use crate::gazetteer::{self, Gazetteer, PlaceGeometry};
use crate::render::basemap::{self, GeoRect, Layer, Level};
use crate::route::crossings::{Crossing, LineKind, NamedLine, NamedPlace, crossings_along};
use crate::route::{Journey, Route};
use crate::story::Mode;
use crate::units::Length;

/// Crossings of one line closer than this along the route are one crossing drawn twice (a
/// schematic line zig-zagging over a winding river), and are reported once.
const SAME_CROSSING: Length = Length::m(25_000.0);

/// Fills in every journey's `crossings`.
pub fn add_crossings(route: &mut Route, gaz: &Gazetteer) {
    let Some(rect) = bounds(route) else { return };
    let lines = lines_in(rect, gaz);
    if lines.is_empty() {
        return;
    }
    let waypoints = route.waypoints.clone();
    let places: Vec<NamedPlace> = waypoints
        .iter()
        .filter(|w| !w.place.as_ref().is_some_and(|p| p.is_line()))
        .map(|w| NamedPlace {
            name: w.name.clone(),
            at: w.at,
        })
        .collect();
    for j in &mut route.journeys {
        // Rivers and borders matter on the ground; a flight's crossings are left out.
        let surface: Vec<_> = j
            .legs
            .iter()
            .filter(|l| l.mode != Mode::Air)
            .cloned()
            .collect();
        let found = crossings_along(&surface, &lines, &places);
        j.crossings = tidy(found, j, &waypoints);
    }
}

/// The route's bounding box in degrees, with a margin.
fn bounds(route: &Route) -> Option<GeoRect> {
    let pts = route
        .journeys
        .iter()
        .flat_map(|j| j.legs.iter().flat_map(|l| l.geometry.iter()));
    let mut r: Option<GeoRect> = None;
    for p in pts {
        let g = r.get_or_insert(GeoRect {
            west: p.lon,
            south: p.lat,
            east: p.lon,
            north: p.lat,
        });
        g.west = g.west.min(p.lon);
        g.east = g.east.max(p.lon);
        g.south = g.south.min(p.lat);
        g.north = g.north.max(p.lat);
    }
    r.map(|g| GeoRect {
        west: g.west - 0.5,
        south: g.south - 0.5,
        east: g.east + 0.5,
        north: g.north + 0.5,
    })
}

/// Named rivers that reach into `rect`, and the land borders inside it.
fn lines_in(rect: GeoRect, gaz: &Gazetteer) -> Vec<NamedLine> {
    let inside = |p: &LatLon| {
        p.lon >= rect.west && p.lon <= rect.east && p.lat >= rect.south && p.lat <= rect.north
    };
    let mut lines: Vec<NamedLine> = gaz
        .rivers()
        .filter_map(|r| match &r.geometry {
            PlaceGeometry::Lines(parts) if parts.iter().flatten().any(inside) => {
                Some(NamedLine::new(&r.name, LineKind::River, parts.clone()))
            }
            _ => None,
        })
        .collect();
    let borders = basemap::bytes(Layer::Borders, Level::Fine)
        .and_then(|b| basemap::read(b, rect).ok())
        .unwrap_or_default();
    let parts: Vec<Vec<LatLon>> = borders
        .into_iter()
        .map(|p| {
            p.points
                .iter()
                .map(|[lon, lat]| LatLon {
                    lat: *lat,
                    lon: (lon + 180.0).rem_euclid(360.0) - 180.0,
                })
                .collect::<Vec<_>>()
        })
        .filter(|p| p.len() >= 2)
        .collect();
    if !parts.is_empty() {
        lines.push(NamedLine::new(
            "international border",
            LineKind::Border,
            parts,
        ));
    }
    lines
}

/// Merges repeated crossings and names borders by the countries on either side. The nearest
/// named place is the nearest of the story's own waypoints (the places a reader of the story
/// knows), which `crossings_along` has set.
fn tidy(
    found: Vec<Crossing>,
    j: &Journey,
    waypoints: &[crate::route::ResolvedWaypoint],
) -> Vec<Crossing> {
    let mut out: Vec<Crossing> = Vec::new();
    for mut c in found {
        let repeat = out.iter().any(|o| {
            o.line == c.line && (o.from_start - c.from_start).as_m().abs() < SAME_CROSSING.as_m()
        });
        if repeat {
            continue;
        }
        if c.kind == LineKind::Border {
            c.line = border_name(&c, j, waypoints);
        }
        out.push(c);
    }
    out
}

/// "North Korea–Russia border", from the countries of the waypoints before and after the
/// crossing; "international border" when they don't tell.
fn border_name(c: &Crossing, j: &Journey, waypoints: &[crate::route::ResolvedWaypoint]) -> String {
    let country = |id: &str| {
        waypoints
            .iter()
            .find(|w| w.id == id)
            .and_then(|w| w.place.as_ref())
            .and_then(|p| p.country.clone())
            .filter(|c| c.len() == 2)
    };
    // The nearest marks on either side that lie in one country (a bridge may lie in two).
    let before = j
        .marks
        .iter()
        .rev()
        .filter(|m| m.km <= c.from_start)
        .find_map(|m| country(&m.waypoint));
    let after = j
        .marks
        .iter()
        .filter(|m| m.km >= c.from_start)
        .find_map(|m| country(&m.waypoint));
    match (before, after) {
        (Some(a), Some(b)) if a != b => {
            let name = |code: &str| {
                gazetteer::country_name(code)
                    .map(str::to_string)
                    .unwrap_or_else(|| code.to_string())
            };
            format!("{}–{} border", name(&a), name(&b))
        }
        _ => "international border".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::checker::Checker;
    use crate::route::crossings::LineKind;
    use crate::story::Story;

    /// The default story's train crosses the Tumen (at the Friendship Bridge), the North
    /// Korea–Russia border there, and the Razdolnaya near Baranovsky (the schematic line
    /// between stations meets the winding river twice there, 26 km apart).
    #[test]
    fn the_default_story_crosses_tumen_border_and_razdolnaya() {
        let text = include_str!("../../data/stories/kim-jong-un-train-2023-09.toml");
        let story = Story::parse(text, "default.toml").unwrap();
        let out = Checker::new().unwrap().check(&story).unwrap();
        let train = &out.route.journeys[0];
        let names: Vec<(&str, f64)> = train
            .crossings
            .iter()
            .map(|c| (c.line.as_str(), c.from_start.as_km()))
            .collect();
        let find = |n: &str| {
            train
                .crossings
                .iter()
                .find(|c| c.line == n)
                .unwrap_or_else(|| panic!("{n} in {names:?}"))
        };
        // Tumangang (km 852.3) stands on the Tumen and the bridge (km 857.3) spans it; the
        // simplified river line may sit a little either side.
        let tumen = find("Tumen");
        assert!(
            (850.0..=857.3).contains(&tumen.from_start.as_km()),
            "{names:?}"
        );
        let border = find("North Korea–Russian Federation border");
        assert_eq!(border.kind, LineKind::Border);
        assert!(
            (850.0..=857.3).contains(&border.from_start.as_km()),
            "{names:?}"
        );
        let razdolnaya = find("Razdolnaya");
        assert!(
            (1_050.0..=1_183.3).contains(&razdolnaya.from_start.as_km()),
            "{names:?}"
        );
    }
}
