//! What a route crosses, by one rule used everywhere (report header, claims, map, chart,
//! exports and `route`): the rivers of the gazetteer and of the story's own line waypoints,
//! and the international land borders ([`crate::geodata::borders`]), met by the legs that
//! travel on the ground along a drawn path (rail and road). Air legs fly over them, and a
//! direct leg is a straight line that no one travelled, so neither counts.
//!
//! Crossings of one line closer than [`SAME_CROSSING`] along the route are one crossing: a
//! schematic line zig-zagging over a winding river meets it several times where the track
//! crosses it once. The first of such a run is kept.

use crate::coord::LatLon;
use crate::gazetteer::{self, Gazetteer, PlaceGeometry};
use crate::geodata::{self, GeoRect};
use crate::story::Mode;
use crate::units::Length;

use super::crossings::{Crossing, LineIndex, LineKind, NamedLine, NamedPlace, crossings_along};
use super::{Journey, ResolvedWaypoint};

/// Crossings of one line closer than this along the route are reported once.
pub const SAME_CROSSING: Length = Length::m(25_000.0);

/// True for the legs whose crossings count: rail and road.
pub fn crosses_ground(mode: Mode) -> bool {
    matches!(mode, Mode::Rail | Mode::Road)
}

/// Fills in every journey's `crossings`.
///
/// With `world` (every river of `gaz` and every land border, indexed once by
/// [`world_lines`]), the lines are looked up there; the rule is the same as without it: a
/// river counts when it has a point in the box around the route, the first of a name wins,
/// and a border counts wherever it meets the route. A story naming a line of its own that the
/// index lacks is routed as without it.
pub(super) fn add(
    journeys: &mut [Journey],
    waypoints: &[ResolvedWaypoint],
    gaz: &Gazetteer,
    world: Option<&LineIndex>,
) -> Result<(), geodata::Error> {
    let Some(rect) = bounds(journeys) else {
        return Ok(());
    };
    let own_lines = story_lines(waypoints)
        .any(|p| world.is_some_and(|w| !w.lines().iter().any(|l| l.name == p.name)));
    let owned;
    let (index, keep): (&LineIndex, Box<dyn Fn(usize) -> bool + '_>) = match world {
        Some(w) if !own_lines => (w, Box::new(move |li| counts(w.lines(), li, rect))),
        _ => {
            let lines = lines_in(rect, gaz, waypoints)?;
            if lines.is_empty() {
                return Ok(());
            }
            owned = LineIndex::new(lines);
            (&owned, Box::new(|_| true))
        }
    };
    let places: Vec<NamedPlace> = waypoints
        .iter()
        .filter(|w| !w.place.as_ref().is_some_and(|p| p.is_line()))
        .map(|w| NamedPlace {
            name: w.name.clone(),
            at: w.at,
        })
        .collect();
    for j in journeys.iter_mut() {
        let ground: Vec<_> = j
            .legs
            .iter()
            .filter(|l| crosses_ground(l.mode))
            .cloned()
            .collect();
        let found = crossings_along(&ground, index, &*keep, &places);
        j.crossings = tidy(found, j, waypoints);
    }
    Ok(())
}

/// The box around every ground leg's drawn line, in degrees, with a half-degree margin.
fn bounds(journeys: &[Journey]) -> Option<GeoRect> {
    let mut r: Option<GeoRect> = None;
    let ground = journeys
        .iter()
        .flat_map(|j| &j.legs)
        .filter(|l| crosses_ground(l.mode));
    for p in ground.flat_map(|l| l.geometry.iter()) {
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

/// Every river of `gaz` and every land border of the world, indexed once: what
/// [`crate::pipeline::Pipeline`] hands to each route it builds.
pub fn world_lines(gaz: &Gazetteer) -> Result<LineIndex, geodata::Error> {
    let world = GeoRect {
        west: -180.0,
        south: -90.0,
        east: 180.0,
        north: 90.0,
    };
    let mut lines: Vec<NamedLine> = gaz
        .rivers()
        .filter_map(|r| match &r.geometry {
            PlaceGeometry::Lines(parts) => {
                Some(NamedLine::new(&r.name, LineKind::River, parts.clone()))
            }
            _ => None,
        })
        .collect();
    let borders = geodata::borders(world)?;
    if !borders.is_empty() {
        lines.push(NamedLine::new(
            "international border",
            LineKind::Border,
            borders,
        ));
    }
    Ok(LineIndex::new(lines))
}

/// Whether line `li` of the world index counts for a route in `rect`, by the rule of
/// [`lines_in`]: a border always; a river when it has a point inside `rect` and no river of
/// the same name before it does.
fn counts(lines: &[NamedLine], li: usize, rect: GeoRect) -> bool {
    let line = &lines[li];
    if line.kind == LineKind::Border {
        return true;
    }
    let inside = |l: &NamedLine| l.parts.iter().flatten().any(|p| in_rect(p, rect));
    inside(line)
        && !lines[..li]
            .iter()
            .any(|o| o.kind != LineKind::Border && o.name == line.name && inside(o))
}

fn in_rect(p: &LatLon, rect: GeoRect) -> bool {
    p.lon >= rect.west && p.lon <= rect.east && p.lat >= rect.south && p.lat <= rect.north
}

/// The waypoints that are lines (a river named as a waypoint).
fn story_lines(waypoints: &[ResolvedWaypoint]) -> impl Iterator<Item = &gazetteer::Place> {
    waypoints
        .iter()
        .filter_map(|w| w.place.as_ref())
        .filter(|p| matches!(p.geometry, PlaceGeometry::Lines(_)))
}

/// Named rivers that reach into `rect` (the gazetteer's, and any line the story names as a
/// waypoint), and the land borders inside it.
fn lines_in(
    rect: GeoRect,
    gaz: &Gazetteer,
    waypoints: &[ResolvedWaypoint],
) -> Result<Vec<NamedLine>, geodata::Error> {
    let inside = |p: &LatLon| in_rect(p, rect);
    let story_lines = waypoints.iter().filter_map(|w| w.place.as_ref());
    let mut lines: Vec<NamedLine> = Vec::new();
    for r in gaz.rivers().chain(story_lines) {
        if let PlaceGeometry::Lines(parts) = &r.geometry
            && parts.iter().flatten().any(inside)
            && !lines.iter().any(|l| l.name == r.name)
        {
            lines.push(NamedLine::new(&r.name, LineKind::River, parts.clone()));
        }
    }
    let borders = geodata::borders(rect)?;
    if !borders.is_empty() {
        lines.push(NamedLine::new(
            "international border",
            LineKind::Border,
            borders,
        ));
    }
    Ok(lines)
}

/// Merges repeated crossings and names borders by the countries on either side. The nearest
/// named place is the nearest of the story's own waypoints (the places a reader of the story
/// knows), which `crossings_along` has set.
fn tidy(found: Vec<Crossing>, j: &Journey, waypoints: &[ResolvedWaypoint]) -> Vec<Crossing> {
    let mut out: Vec<Crossing> = Vec::new();
    for mut c in found {
        if c.kind == LineKind::Border {
            c.line = border_name(&c, j, waypoints);
        }
        let repeat = out.iter().any(|o| {
            o.line == c.line && (o.from_start - c.from_start).as_m().abs() < SAME_CROSSING.as_m()
        });
        if !repeat {
            out.push(c);
        }
    }
    out
}

/// "North Korea–Russia border", from the countries of the waypoints before and after the
/// crossing; "international border" when they don't tell.
fn border_name(c: &Crossing, j: &Journey, waypoints: &[ResolvedWaypoint]) -> String {
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
