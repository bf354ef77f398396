//! From a measured route to what the map and the exports show: [`scene`] builds a
//! [`MapScene`], [`export_route`] an [`ExportRoute`]. Places and lines only, no claims.

use jiff::tz::TimeZone;

use crate::export::{ExportCrossing, ExportLeg, ExportRoute, ExportWaypoint, TimeRange};
use crate::gazetteer::{Place, PlaceGeometry};
use crate::route::crossings::LineKind as CrossKind;
use crate::route::timing::TimeWindow;
use crate::route::{Journey, Measure, Route};
use crate::story::{Mode, Story};
use crate::units::Length;

use super::{
    CrossingKind, LegMode, LineKind, MapScene, NamedLine, SceneCrossing, SceneLeg, ScenePoint,
    WaypointKind,
};

fn mode(m: Mode) -> LegMode {
    match m {
        Mode::Rail => LegMode::Rail,
        Mode::Air => LegMode::Air,
        Mode::Road => LegMode::Road,
        Mode::Direct => LegMode::Direct,
    }
}

/// Rail legs are drawn station to station (or along a track file); only `Track` follows the
/// real line.
fn schematic(m: Measure, mode: Mode) -> bool {
    match m {
        Measure::Schematic => true,
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
            mode: mode(l.mode),
            points: l.geometry.clone(),
            schematic: schematic(l.measure, l.mode),
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
            let km = journey
                .and_then(|j| j.marks.iter().find(|m| m.waypoint == w.id))
                .map(|m| m.km);
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
                _ => WaypointKind::Stop,
            };
            ScenePoint {
                name: w.name.clone(),
                kind,
                at: w.at,
                km_from_start: km,
            }
        })
        .collect();
    let crossings: Vec<SceneCrossing> = route
        .journeys
        .iter()
        .flat_map(|j| j.crossings.iter())
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
    }
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
fn summary(route: &Route) -> String {
    route
        .journeys
        .iter()
        .map(|j| format!("{} by {}", j.length(), j.mode_summary()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The route for GeoJSON, GPX and KML, with time windows where the story gives a departure
/// window and speeds.
pub fn export_route(story: &Story, route: &Route) -> ExportRoute {
    let mut out = ExportRoute {
        name: story.meta.title.clone(),
        ..Default::default()
    };
    for j in &route.journeys {
        let times = schedule(story, route, j);
        for l in &j.legs {
            let end = j
                .marks
                .iter()
                .find(|m| m.waypoint == l.to && m.km >= l.km_start)
                .map(|m| m.km);
            out.legs.push(ExportLeg {
                mode: mode(l.mode),
                points: l.geometry.clone(),
                length: l.length,
                km_from: l.km_start,
                km_to: end.unwrap_or(l.km_start + l.length),
                schematic: schematic(l.measure, l.mode),
                time_range: None,
            });
        }
        for m in &j.marks {
            let Some(w) = route.waypoint(&m.waypoint) else {
                continue;
            };
            if out.waypoints.iter().any(|e| e.name == w.name) {
                continue;
            }
            out.waypoints.push(ExportWaypoint {
                name: w.name.clone(),
                kind: w
                    .place
                    .as_ref()
                    .map(|p| p.kind.to_string())
                    .unwrap_or_else(|| "waypoint".into()),
                at: w.at,
                km_from_start: m.km,
                time_range: times
                    .iter()
                    .find(|(id, _)| *id == m.waypoint)
                    .and_then(|(_, t)| t.clone()),
            });
        }
        for c in &j.crossings {
            out.crossings.push(ExportCrossing {
                name: c.line.clone(),
                kind: if c.kind == CrossKind::Border {
                    "border".into()
                } else {
                    "river".into()
                },
                at: c.at,
                km_from_start: c.from_start,
            });
        }
    }
    out
}

/// When each mark of a journey is reached, given a timeline event at its first waypoint (the
/// departure window) and the legs' speed ranges: earliest = departure's earliest + km at the
/// top speed; latest = departure's latest + km at the bottom speed; dwell times added to both.
fn schedule(story: &Story, route: &Route, j: &Journey) -> Vec<(String, Option<TimeRange>)> {
    let Some(start) = j.marks.first() else {
        return Vec::new();
    };
    let Some(dep) = story.events.iter().find(|e| e.at == start.waypoint) else {
        return Vec::new();
    };
    let tz_of = |id: &str| match story.events.iter().find(|e| e.at == id) {
        Some(e) => route.event_zone(e),
        None => route.waypoint(id).and_then(|w| w.zone()),
    };
    let Some(dep_tz) = tz_of(&start.waypoint) else {
        return Vec::new();
    };
    let Ok(window) = TimeWindow::from_civil(dep.earliest, dep.latest, &dep_tz) else {
        return Vec::new();
    };
    let (lo, hi) = (window.earliest, window.latest);
    // Seconds from departure to km `k` at the top and bottom speeds, with the dwell of every
    // leg that ends before `k`; None when a leg on the way has no speed.
    let time_at = |k: Length| -> Option<(f64, f64)> {
        let (mut fast, mut slow) = (0.0, 0.0);
        for l in j.legs.iter().filter(|l| l.km_start < k) {
            let (v_lo, v_hi) = l.speed?;
            let end = l.km_start + l.length;
            let part = Length::m(end.as_m().min(k.as_m()) - l.km_start.as_m());
            fast += (part / v_hi).as_secs_f64();
            slow += (part / v_lo).as_secs_f64();
            if end < k {
                let dwell = l.dwell.map(|d| d.as_secs_f64()).unwrap_or(0.0);
                fast += dwell;
                slow += dwell;
            }
        }
        Some((fast, slow))
    };
    let mut out = Vec::new();
    for m in &j.marks {
        let Some((fast_s, slow_s)) = time_at(m.km) else {
            break;
        };
        // A place with no zone of its own (a bridge between two countries) keeps the
        // departure's zone.
        let tz = tz_of(&m.waypoint)
            .or_else(|| Some(dep_tz.clone()))
            .and_then(|z| TimeZone::get(&z).ok())
            .unwrap_or(TimeZone::UTC);
        let shift = |t: &jiff::ZonedDateTime, secs: f64| {
            let d = jiff::SignedDuration::from_secs_f64(secs.round());
            t.checked_add(d).ok().map(|z| {
                z.with_time_zone(tz.clone())
                    .strftime("%Y-%m-%dT%H:%M%:z")
                    .to_string()
            })
        };
        let range = match (shift(&lo, fast_s), shift(&hi, slow_s)) {
            (Some(start), Some(end)) => Some(TimeRange { start, end }),
            _ => None,
        };
        out.push((m.waypoint.clone(), range));
    }
    out
}
