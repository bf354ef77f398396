//! When things happened: each timeline event's window placed in its zone (once, for the
//! claims, the chart, the map and the exports), and the times at which a journey reaches its
//! marks — the story's own windows where it has them, estimates from the departure window and
//! the legs' speeds elsewhere, marked as estimates.

use jiff::tz::TimeZone;

use super::timing::TimeWindow;
use super::{Journey, ResolvedWaypoint};
use crate::story::{Event, Story};
use crate::units::Length;

/// A timeline event with its window placed in a time zone.
#[derive(Debug, Clone, PartialEq)]
pub struct EventTime {
    /// The event's id in the story.
    pub id: String,
    /// Its waypoint's id.
    pub waypoint: String,
    /// What happened, as the story says it.
    pub what: String,
    /// The IANA zone its times are in: its own `tz`, else its waypoint's.
    pub zone: Option<String>,
    /// The window as instants; `Err` says why it could not be placed (no zone, a time that
    /// does not exist in the zone, a window that ends before it starts).
    pub window: Result<TimeWindow, String>,
}

/// Where a mark's time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeSource {
    /// A timeline event of the story at this waypoint.
    Story,
    /// Projected from the departure window and the legs' speeds and dwell times.
    Estimate,
}

/// When a journey reaches one of its marks.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkTime {
    /// The waypoint id.
    pub waypoint: String,
    /// When the journey is at the waypoint, in the waypoint's zone.
    pub window: TimeWindow,
    /// Whether the window is the story's own or an estimate.
    pub source: TimeSource,
}

/// The zone an event's times are in: its own `tz`, else its waypoint's.
pub(super) fn zone_of(e: &Event, waypoints: &[ResolvedWaypoint]) -> Option<String> {
    e.tz.clone().or_else(|| {
        waypoints
            .iter()
            .find(|w| w.id == e.at)
            .and_then(ResolvedWaypoint::zone)
    })
}

/// Every event of the story, placed.
pub(super) fn place_events(story: &Story, waypoints: &[ResolvedWaypoint]) -> Vec<EventTime> {
    story
        .events
        .iter()
        .map(|e| {
            let zone = zone_of(e, waypoints);
            let window = match &zone {
                Some(z) => {
                    TimeWindow::from_civil(e.earliest, e.latest, z).map_err(|x| x.to_string())
                }
                None => Err(format!(
                    "no time zone for event \"{}\": add tz = \"Area/City\" to it (its waypoint \"{}\" has none)",
                    e.id, e.at
                )),
            };
            EventTime {
                id: e.id.clone(),
                waypoint: e.at.clone(),
                what: e.what.clone(),
                zone,
                window,
            }
        })
        .collect()
}

/// When the journey reaches each mark: the story's window where an event sits at the mark,
/// else (once an earlier mark has a story window and the legs on the way have speeds) an
/// estimate from the latest such mark: earliest = its earliest + the distance at the top
/// speed, latest = its latest + the distance at the bottom speed, dwell times added to both.
pub(super) fn mark_times(
    j: &Journey,
    events: &[EventTime],
    waypoints: &[ResolvedWaypoint],
) -> Vec<MarkTime> {
    let story_window = |id: &str| {
        events
            .iter()
            .find(|e| e.waypoint == id)
            .and_then(|e| e.window.as_ref().ok())
    };
    let zone_at = |id: &str| {
        events
            .iter()
            .find(|e| e.waypoint == id)
            .and_then(|e| e.zone.clone())
    };
    let mut out = Vec::new();
    // The latest mark with a story window: its window, km and zone.
    let mut anchor: Option<(&TimeWindow, Length, Option<String>)> = None;
    for m in &j.marks {
        if let Some(w) = story_window(&m.waypoint) {
            out.push(MarkTime {
                waypoint: m.waypoint.clone(),
                window: w.clone(),
                source: TimeSource::Story,
            });
            anchor = Some((w, m.km, zone_at(&m.waypoint)));
            continue;
        }
        let Some((dep, from_km, dep_zone)) = &anchor else {
            continue;
        };
        let Some((fast_s, slow_s)) = time_between(j, *from_km, m.km) else {
            // A leg on the way has no speed: no estimate until the next story window.
            anchor = None;
            continue;
        };
        // A place with no zone of its own (a bridge between two countries) keeps the
        // departure's zone.
        let zone = waypoints
            .iter()
            .find(|w| w.id == m.waypoint)
            .and_then(ResolvedWaypoint::zone)
            .or_else(|| dep_zone.clone())
            .and_then(|z| TimeZone::get(&z).ok())
            .unwrap_or(TimeZone::UTC);
        let shift = |t: &jiff::ZonedDateTime, secs: f64| {
            // A time past the representable range gives no estimate (never a panic).
            let d = jiff::SignedDuration::try_from_secs_f64(secs.round()).ok()?;
            t.checked_add(d)
                .ok()
                .map(|z| z.with_time_zone(zone.clone()))
        };
        if let (Some(earliest), Some(latest)) =
            (shift(&dep.earliest, fast_s), shift(&dep.latest, slow_s))
        {
            out.push(MarkTime {
                waypoint: m.waypoint.clone(),
                window: TimeWindow { earliest, latest },
                source: TimeSource::Estimate,
            });
        }
    }
    cap_by_later_windows(j, &mut out);
    out
}

/// Before a later story window, an estimate's latest time is what that window allows: the
/// train was at the later mark by the window's end, and the distance between takes at least
/// its length at the top speed. The forward estimate's latest assumes no stops on the way,
/// which a later window can contradict (a train that waited at the border): the later window
/// is evidence, so it sets the bound.
fn cap_by_later_windows(j: &Journey, times: &mut [MarkTime]) {
    let km = |id: &str| j.marks.iter().find(|m| m.waypoint == id).map(|m| m.km);
    for i in 0..times.len() {
        if times[i].source != TimeSource::Estimate {
            continue;
        }
        let Some(here) = km(&times[i].waypoint) else {
            continue;
        };
        let later = times[i + 1..]
            .iter()
            .find(|t| t.source == TimeSource::Story)
            .and_then(|t| Some((km(&t.waypoint)?, t.window.latest.clone())));
        let Some((there, latest_there)) = later else {
            continue;
        };
        let Some((fast_s, _)) = time_between(j, here, there) else {
            continue;
        };
        let d = jiff::SignedDuration::from_secs_f64(fast_s.round());
        if let Ok(cap) = latest_there.checked_sub(d) {
            let cap = cap.with_time_zone(times[i].window.latest.time_zone().clone());
            let w = &mut times[i].window;
            w.latest = cap.clone();
            if w.earliest > w.latest {
                w.earliest = cap;
            }
        }
    }
}

/// Seconds from km `from` to km `to` of the journey at the legs' top and bottom speeds, with
/// the dwell of every leg that ends in between; `None` when a leg on the way has no speed.
fn time_between(j: &Journey, from: Length, to: Length) -> Option<(f64, f64)> {
    let (mut fast, mut slow) = (0.0, 0.0);
    for l in j
        .legs
        .iter()
        .filter(|l| l.km_start < to && l.km_start + l.length > from)
    {
        let (v_lo, v_hi) = l.speed?;
        let end = l.km_start + l.length;
        let part = Length::m(end.as_m().min(to.as_m()) - l.km_start.as_m().max(from.as_m()));
        fast += (part / v_hi).as_secs_f64();
        slow += (part / v_lo).as_secs_f64();
        if end < to {
            let dwell = l.dwell.map(|d| d.as_secs_f64()).unwrap_or(0.0);
            fast += dwell;
            slow += dwell;
        }
    }
    Some((fast, slow))
}
