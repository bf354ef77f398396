//! From a measured route to what the map shows: [`scene`] builds a [`MapScene`]. Places and
//! lines only, no claims.

use crate::gazetteer::{Place, PlaceGeometry};
use crate::route::crossings::LineKind as CrossKind;
use crate::route::{Measure, Route};
use crate::story::{Mode, Story};

use super::{
    CrossingKind, LineKind, MapScene, NamedLine, SceneCrossing, SceneLeg, ScenePoint, WaypointKind,
};

/// Rail legs are drawn station to station (or along a track file); only `Track` follows the
/// real line.
fn schematic(m: Measure, mode: Mode) -> bool {
    match m {
        Measure::Bounded => true,
        Measure::Chainage => mode == Mode::Rail,
        Measure::Geodesic | Measure::Track => false,
    }
}

/// The map of a story's route. `rivers` are the gazetteer's river places; those the route
/// crosses are drawn emphasised and named.
pub fn scene(story: &Story, route: &Route, rivers: &[&Place]) -> MapScene {
    let legs = route
        .journeys
        .iter()
        .flat_map(|j| j.legs.iter())
        .map(|l| SceneLeg {
            mode: l.mode,
            points: l.geometry.clone(),
            schematic: schematic(l.measure, l.mode),
            track_unknown: l.measure == Measure::Bounded,
            recorded: false,
            label: format!("{} → {}", l.from, l.to),
        })
        .collect();
    let first = route.journeys.first();
    // A waypoint that is a line (a river) is drawn as its line, not as a marker.
    let waypoints = route
        .waypoints
        .iter()
        .filter(|w| !w.place.as_ref().is_some_and(Place::is_line))
        .map(|w| {
            let journey = route
                .journeys
                .iter()
                .find(|j| j.marks.iter().any(|m| m.waypoint == w.id));
            let mark = journey.and_then(|j| j.marks.iter().find(|m| m.waypoint == w.id));
            let km = mark.map(|m| m.km);
            let kind = match first {
                Some(j) if j.marks.first().is_some_and(|m| m.waypoint == w.id) => {
                    WaypointKind::Origin
                }
                Some(j) if j.marks.last().is_some_and(|m| m.waypoint == w.id) => {
                    WaypointKind::Destination
                }
                _ if journey.is_some_and(|j| j.legs.iter().any(|l| l.via.contains(&w.id))) => {
                    WaypointKind::Via
                }
                _ if journey.is_none() => WaypointKind::Place,
                _ => WaypointKind::Stop,
            };
            ScenePoint {
                name: w.name.clone(),
                kind,
                at: w.at,
                km_from_start: km,
                km_at_least: mark.is_some_and(|m| m.at_least),
            }
        })
        .collect();
    let crossings: Vec<SceneCrossing> = route
        .journeys
        .iter()
        .flat_map(|j| j.crossings.iter())
        // A crossing of a straight line drawn for want of track is not a place on the map.
        .filter(|c| !c.straight_line)
        .map(|c| SceneCrossing {
            name: c.line.clone(),
            kind: if c.kind == CrossKind::Border {
                CrossingKind::Border
            } else {
                CrossingKind::River
            },
            at: c.at,
            km: c.from_start,
        })
        .collect();
    let mut named_lines: Vec<NamedLine> = Vec::new();
    let story_lines = route
        .waypoints
        .iter()
        .filter_map(|w| w.place.as_ref())
        .filter(|p| p.is_line());
    for r in story_lines.chain(rivers.iter().copied()) {
        let crossed = crossings
            .iter()
            .any(|c| c.kind == CrossingKind::River && c.name == r.name)
            || route
                .waypoints
                .iter()
                .any(|w| w.place.as_ref().is_some_and(|p| p.id == r.id));
        if let (true, PlaceGeometry::Lines(parts)) = (crossed, &r.geometry)
            && !named_lines.iter().any(|n| n.name == r.name)
        {
            named_lines.push(NamedLine {
                name: r.name.clone(),
                kind: LineKind::River,
                lines: parts.clone(),
            });
        }
    }
    named_lines.extend(rail_lines(route));
    MapScene {
        title: story.meta.title.clone(),
        subtitle: story
            .meta
            .subtitle
            .clone()
            .unwrap_or_else(|| summary(route)),
        legs,
        waypoints,
        crossings,
        named_lines,
        area_labels: Vec::new(),
        attribution: vec![
            "Places: GeoNames (CC BY 4.0) and cited sources".into(),
            "Railways: line tables with cited km posts (data/rail)".into(),
        ],
        context_cities: Vec::new(),
    }
}

/// How many of the largest cities around the route a map is offered (it shows the handful of
/// them in its frame that find room).
const CONTEXT_CANDIDATES: usize = 40;

/// The largest cities of the gazetteer around `scene`'s route, largest first, for
/// [`MapScene::context_cities`].
pub fn context_cities(
    scene: &MapScene,
    gaz: &crate::gazetteer::Gazetteer,
) -> Vec<super::ContextCity> {
    let Some((s, w, n, e)) = context_box(scene) else {
        return Vec::new();
    };
    (gaz.largest_cities(s, w, n, e, CONTEXT_CANDIDATES)
        .into_iter())
    .map(|c| super::ContextCity {
        name: c.name,
        at: c.location,
        population: c.population,
    })
    .collect()
}

/// The box (south, west, north, east in degrees) in which a map of `scene` may look for
/// context cities: the route's and waypoints' box, widened to a landscape shape and by half
/// its size each way, so that it covers any frame the map draws around them. None for an
/// empty scene or one spanning more than half the world's longitudes.
pub fn context_box(scene: &MapScene) -> Option<(f64, f64, f64, f64)> {
    let pts =
        (scene.legs.iter().flat_map(|l| &l.points)).chain(scene.waypoints.iter().map(|w| &w.at));
    let (mut s, mut w, mut n, mut e) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in pts {
        (s, w, n, e) = (s.min(p.lat), w.min(p.lon), n.max(p.lat), e.max(p.lon));
    }
    if s > n || e - w > 180.0 {
        return None;
    }
    let mid = (s + n) / 2.0;
    let half_lat = ((n - s) / 2.0).max(0.5);
    let half_lon = ((e - w) / 2.0).max(half_lat * 1.6 / mid.to_radians().cos().max(0.2));
    let (c_lat, c_lon) = (mid, (w + e) / 2.0);
    Some((
        (c_lat - 1.5 * half_lat).max(-85.0),
        (c_lon - 1.5 * half_lon).max(-180.0),
        (c_lat + 1.5 * half_lat).min(85.0),
        (c_lon + 1.5 * half_lon).min(180.0),
    ))
}

/// The bundled railway lines near the route, drawn station to station (the line tables give
/// stations, not track geometry), so a reader sees where the network runs beyond the route.
fn rail_lines(route: &Route) -> Vec<NamedLine> {
    let pts: Vec<_> = route
        .journeys
        .iter()
        .flat_map(|j| j.legs.iter().flat_map(|l| l.geometry.iter()))
        .collect();
    if !route
        .journeys
        .iter()
        .any(|j| j.legs.iter().any(|l| l.mode == Mode::Rail))
        || pts.is_empty()
    {
        return Vec::new();
    }
    let near = |p: &crate::coord::LatLon| {
        pts.iter()
            .any(|q| (q.lat - p.lat).abs() < 3.0 && (q.lon - p.lon).abs() < 3.0)
    };
    let tables = crate::network::bundled_tables().unwrap_or_default();
    tables
        .into_iter()
        .filter_map(|t| {
            let line: Vec<_> = t.stations.iter().filter_map(|s| s.at).collect();
            (line.len() >= 2 && line.iter().any(near)).then(|| NamedLine {
                name: t.name,
                kind: LineKind::Rail,
                lines: vec![line],
            })
        })
        .collect()
}

/// "1,183 km by rail · 684 km by air".
/// "1,183 km by rail · 684 km by air"; a journey with a leg no line data covers is a lower
/// bound: "≥ 556 km by rail (track not known)".
fn summary(route: &Route) -> String {
    route
        .journeys
        .iter()
        .map(|j| {
            if j.legs.iter().any(|l| l.measure == Measure::Bounded) {
                format!("≥ {} by {} (track not known)", j.length(), j.mode_summary())
            } else {
                format!("{} by {}", j.length(), j.mode_summary())
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
