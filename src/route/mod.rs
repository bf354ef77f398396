//! The route: a story's waypoints resolved to positions and its legs measured.
//!
//! Legs that follow on from each other (one's `to` is the next one's `from`) form a
//! [`Journey`]; km marks count from the start of their journey. A story may hold several
//! journeys (a train and a plane on the same day, say).

pub mod crossings;
mod leg;
mod resolve;
pub mod timing;

pub use leg::{Leg, Measure};
pub use resolve::{ResolvedWaypoint, resolve_waypoints};

use crate::coord::LatLon;
use crate::story::Story;
use crate::units::{Length, Speed};

/// Errors from building a route.
#[derive(Debug, Clone, PartialEq, thiserror::Error, miette::Diagnostic)]
pub enum Error {
    #[error("waypoint \"{id}\" (story line {line}) was not found")]
    #[diagnostic(help(
        "fix the waypoint's `place`, add `country = \"XX\"`, or give `at = \"lat, lon\"`"
    ))]
    Place {
        id: String,
        line: usize,
        #[source]
        source: crate::gazetteer::Error,
    },
    #[error("leg {from} → {to} has zero length: its waypoints are at the same position")]
    #[diagnostic(help("check that the two waypoints are different places"))]
    ZeroLength { from: String, to: String },
    #[error("rail leg {from} → {to}: {reason}")]
    #[diagnostic(help(
        "give the leg real track with --rail FILE (GeoJSON), or measure it with mode = \"direct\""
    ))]
    Rail {
        from: String,
        to: String,
        /// The rail network's explanation (no line data near a waypoint, no connection, …).
        reason: String,
    },
    #[error("the story has no legs and no waypoints to draw")]
    #[diagnostic(help("add [[waypoints]] and [[legs]]; see data/stories/README.md"))]
    Empty,
}

/// Options for building a route.
#[derive(Debug, Clone, Default)]
pub struct RouteOptions {
    /// Speed used for legs that give none (e.g. `--speed` on the command line).
    pub default_speed: Option<(Speed, Speed)>,
    /// Track to route rail legs on (`--rail FILE`); `None` uses the bundled line tables.
    pub rail: Option<std::sync::Arc<crate::network::RailNetwork>>,
}

/// A waypoint's position along a journey.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Mark {
    pub waypoint: String,
    /// Distance from the start of the journey, by the legs' own measures.
    pub km: Length,
}

/// Consecutive legs, each starting where the previous one ended.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Journey {
    pub legs: Vec<Leg>,
    /// Every waypoint the journey reaches (start, vias, ends), in order, with its km.
    pub marks: Vec<Mark>,
    /// Where the journey crosses a named river or a border, in km order (filled in by
    /// [`crate::checker::add_crossings`], which knows where the lines are).
    pub crossings: Vec<crossings::Crossing>,
}

impl Journey {
    pub fn length(&self) -> Length {
        self.legs.iter().map(|l| l.length).sum()
    }
    pub fn mode_summary(&self) -> String {
        let mut modes: Vec<&str> = self.legs.iter().map(|l| l.mode.as_str()).collect();
        modes.dedup();
        modes.join("+")
    }
}

/// A story's resolved waypoints and measured journeys.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Route {
    pub waypoints: Vec<ResolvedWaypoint>,
    pub journeys: Vec<Journey>,
}

impl Route {
    /// Measures the story's legs between already-resolved waypoints.
    pub fn build(
        story: &Story,
        waypoints: Vec<ResolvedWaypoint>,
        opts: &RouteOptions,
    ) -> Result<Route, Error> {
        if story.legs.is_empty() && waypoints.is_empty() {
            return Err(Error::Empty);
        }
        let pos = |id: &str| waypoints.iter().find(|w| w.id == id).map(|w| w.at);
        let mut journeys: Vec<Journey> = Vec::new();
        for spec in &story.legs {
            let continues = journeys
                .last()
                .and_then(|j| j.legs.last())
                .is_some_and(|l| l.to == spec.from);
            if !continues {
                journeys.push(Journey {
                    legs: Vec::new(),
                    marks: Vec::new(),
                    crossings: Vec::new(),
                });
            }
            let Some(journey) = journeys.last_mut() else {
                continue;
            };
            let km_start = journey.length();
            let ids: Vec<&str> = std::iter::once(spec.from.as_str())
                .chain(spec.via.iter().map(String::as_str))
                .chain([spec.to.as_str()])
                .collect();
            let stops: Vec<(String, LatLon)> = ids
                .iter()
                .filter_map(|id| pos(id).map(|p| (id.to_string(), p)))
                .collect();
            let mut leg = Leg::measure(
                spec,
                &stops,
                km_start,
                opts.default_speed,
                opts.rail.as_deref(),
            )?;
            if journey.marks.is_empty() {
                journey.marks.push(Mark {
                    waypoint: spec.from.clone(),
                    km: km_start,
                });
            }
            for (id, km) in leg.stop_marks.drain(..) {
                journey.marks.push(Mark { waypoint: id, km });
            }
            journey.legs.push(leg);
        }
        Ok(Route {
            waypoints,
            journeys,
        })
    }

    pub fn waypoint(&self, id: &str) -> Option<&ResolvedWaypoint> {
        self.waypoints.iter().find(|w| w.id == id)
    }

    /// The zone an event's times are in: its own `tz`, else its waypoint's
    /// ([`ResolvedWaypoint::zone`]).
    pub fn event_zone(&self, e: &crate::story::Event) -> Option<String> {
        e.tz.clone()
            .or_else(|| self.waypoint(&e.at).and_then(ResolvedWaypoint::zone))
    }

    /// Distance along the route between two waypoints of the same journey.
    pub fn along(&self, a: &str, b: &str) -> Option<Length> {
        self.journeys.iter().find_map(|j| {
            let ka = j.marks.iter().find(|m| m.waypoint == a)?.km;
            let kb = j.marks.iter().find(|m| m.waypoint == b)?.km;
            Some(if kb >= ka { kb - ka } else { ka - kb })
        })
    }

    /// The legs between two waypoints of one journey, in travel order.
    pub fn legs_between(&self, a: &str, b: &str) -> Vec<&Leg> {
        for j in &self.journeys {
            let (Some(ka), Some(kb)) = (
                j.marks.iter().find(|m| m.waypoint == a).map(|m| m.km),
                j.marks.iter().find(|m| m.waypoint == b).map(|m| m.km),
            ) else {
                continue;
            };
            let (lo, hi) = if ka <= kb { (ka, kb) } else { (kb, ka) };
            return j
                .legs
                .iter()
                .filter(|l| l.km_start < hi && l.km_start + l.length > lo)
                .collect();
        }
        Vec::new()
    }
}
