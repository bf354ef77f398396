//! From a checked story's route to what GIS files describe: legs with their km ranges,
//! waypoints with the times the route gives them (the story's own windows, or estimates
//! marked as such), and crossings.

use crate::route::crossings::LineKind as CrossKind;
use crate::route::{MarkTime, Measure, Route, TimeSource};
use crate::story::{Mode, Story};

use super::{ExportCrossing, ExportLeg, ExportRoute, ExportWaypoint, TimeRange};

/// Rail legs by chainage are drawn station to station, road legs through their waypoints;
/// only `Track` and geodesics are the line travelled.
fn schematic(m: Measure, mode: Mode) -> bool {
    match m {
        Measure::Bounded => true,
        Measure::Chainage => mode == Mode::Rail,
        Measure::Geodesic | Measure::Track => false,
    }
}

/// A mark's window as RFC 3339 text in the place's zone, and whether it is an estimate.
fn time_range(t: &MarkTime) -> TimeRange {
    let fmt = |z: &jiff::ZonedDateTime| z.strftime("%Y-%m-%dT%H:%M%:z").to_string();
    TimeRange {
        start: fmt(&t.window.earliest),
        end: fmt(&t.window.latest),
        estimated: t.source == TimeSource::Estimate,
    }
}

/// The route for GeoJSON, GPX and KML, with time windows where the story gives a departure
/// window and speeds.
pub fn export_route(story: &Story, route: &Route) -> ExportRoute {
    let mut out = ExportRoute {
        name: story.meta.title.clone(),
        ..Default::default()
    };
    for j in &route.journeys {
        for l in &j.legs {
            let end = j
                .marks
                .iter()
                .find(|m| m.waypoint == l.to && m.km >= l.km_start)
                .map(|m| m.km);
            out.legs.push(ExportLeg {
                mode: l.mode,
                points: l.geometry.clone(),
                length: l.length,
                km_from: l.km_start,
                km_to: end.unwrap_or(l.km_start + l.length),
                schematic: schematic(l.measure, l.mode),
                track_unknown: l.measure == Measure::Bounded,
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
                km_at_least: m.at_least,
                time_range: j
                    .times
                    .iter()
                    .find(|t| t.waypoint == m.waypoint)
                    .map(time_range),
            });
        }
        // A crossing of a straight line drawn for want of track is not a place to export.
        for c in j.crossings.iter().filter(|c| !c.straight_line) {
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
