//! The route: everything the story's geography and timeline say, computed once by [`build`]:
//! the waypoints resolved (with the choices made), the legs measured (with how), what the
//! route crosses (by one rule), and when each event and mark happens.
//!
//! Legs that follow on from each other (one's `to` is the next one's `from`) form a
//! [`Journey`]; km marks count from the start of their journey. A story may hold several
//! journeys (a train and a plane on the same day, say).

mod airport;
pub mod circuity;
pub(crate) mod crossed;
pub mod crossings;
mod events;
mod leg;
mod note;
mod resolve;
pub mod timing;

pub use events::{EventTime, MarkTime, TimeSource};
pub use leg::{Leg, Measure};
pub use note::{Note, NoteKind};
pub use resolve::{Resolved, ResolvedWaypoint, resolve_waypoints};

use crate::gazetteer::Gazetteer;
use crate::story::{Mode, Story};
use crate::units::{Length, Speed};
use leg::Stop;

/// Errors from building a route.
#[derive(Debug, Clone, PartialEq, thiserror::Error, miette::Diagnostic)]
pub enum Error {
    #[error("waypoint \"{id}\" (story line {line}) was not found")]
    #[diagnostic(help(
        "fix the waypoint's `place`, add `country = \"XX\"`, or give `at = \"lat, lon\"`"
    ))]
    /// A waypoint could not be resolved to a place.
    Place {
        /// The waypoint's id.
        id: String,
        /// 1-based line of the waypoint in the story file (0 for a story built in memory).
        line: usize,
        /// What the gazetteer said.
        #[source]
        source: crate::gazetteer::Error,
    },
    #[error("waypoint \"{id}\" (story line {line}): its airport was not found")]
    #[diagnostic(help(
        "fix the waypoint's `airport` code (IATA \"VVO\" or ICAO \"UHWW\"), or write airport = true for the airport serving the place"
    ))]
    /// A waypoint's `airport` could not be found.
    Airport {
        /// The waypoint's id.
        id: String,
        /// 1-based line of the waypoint in the story file (0 for a story built in memory).
        line: usize,
        /// What the gazetteer said (boxed: a second unboxed gazetteer error would push every
        /// `Result` of the crate past clippy's `result_large_err` threshold).
        #[source]
        source: Box<crate::gazetteer::Error>,
    },
    #[error("leg {from} → {to} has zero length: its waypoints are at the same position")]
    #[diagnostic(help("check that the two waypoints are different places"))]
    /// A leg whose two ends are at the same position.
    ZeroLength {
        /// The id of the waypoint the leg starts at.
        from: String,
        /// The id of the waypoint the leg ends at.
        to: String,
    },
    #[error("rail leg {from} → {to}: {reason}")]
    #[diagnostic(help("check the leg's waypoints and the --rail file"))]
    /// A rail leg that the rail network cannot route.
    Rail {
        /// The id of the waypoint the leg starts at.
        from: String,
        /// The id of the waypoint the leg ends at.
        to: String,
        /// The rail network's explanation (no line data near a waypoint, no connection, …).
        reason: String,
    },
    #[error("the story has no legs, waypoints or claims")]
    #[diagnostic(help("add [[waypoints]] and [[legs]]; see data/stories/README.md"))]
    /// The story has nothing to build a route from.
    Empty,
    #[error(transparent)]
    #[diagnostic(help("the bundled data is damaged: reinstall routecheck"))]
    /// The bundled borders could not be read.
    Geodata(#[from] crate::geodata::Error),
    #[error("the circuity table is damaged: {0}")]
    #[diagnostic(help("the bundled data is damaged: reinstall routecheck"))]
    /// The bundled circuity table could not be read; the text says why.
    Circuity(String),
}

/// Options for building a route.
#[derive(Debug, Clone, Default)]
pub struct RouteOptions {
    /// Speed used for legs that give none (e.g. `--speed` on the command line).
    pub default_speed: Option<(Speed, Speed)>,
    /// Track to route rail legs on (`--rail FILE`); `None` uses the bundled line tables.
    pub rail: Option<std::sync::Arc<crate::network::RailNetwork>>,
    /// The world's rivers and borders indexed once (as `Pipeline` does), for finding
    /// crossings; `None` reads the lines near each route afresh (the same crossings, slower
    /// over many stories).
    pub lines: Option<std::sync::Arc<crossings::LineIndex>>,
}

/// A waypoint's position along a journey.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Mark {
    /// The waypoint's id in the story.
    pub waypoint: String,
    /// Distance from the start of the journey, by the legs' own measures.
    pub km: Length,
    /// True when a bounded leg (no line data: the straight line) comes before the waypoint in
    /// its journey, so that `km` is a lower bound, not a measurement.
    pub at_least: bool,
}

/// Consecutive legs, each starting where the previous one ended.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Journey {
    /// The measured legs, in travel order.
    pub legs: Vec<Leg>,
    /// Every waypoint the journey reaches (start, vias, ends), in order, with its km.
    pub marks: Vec<Mark>,
    /// Where the journey crosses a named river or a border, in km order. Only rail and road
    /// legs cross anything (air legs fly over, direct legs are not travelled), and crossings of
    /// one line within 25 km along the route count once.
    pub crossings: Vec<crossings::Crossing>,
    /// When the journey reaches its marks: the story's windows, else estimates.
    #[serde(skip)]
    pub times: Vec<MarkTime>,
}

impl Journey {
    /// The journey's length: the sum of its legs' lengths, each by its own measure.
    pub fn length(&self) -> Length {
        self.legs.iter().map(|l| l.length).sum()
    }
    /// The modes the journey travels by, in order, joined by "+" ("rail", "rail+air").
    pub fn mode_summary(&self) -> String {
        let mut modes: Vec<&str> = self.legs.iter().map(|l| l.mode.as_str()).collect();
        modes.dedup();
        modes.join("+")
    }
}

/// A story's resolved waypoints, measured journeys and placed events.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Route {
    /// Every waypoint of the story with the place it resolved to, in story order.
    pub waypoints: Vec<ResolvedWaypoint>,
    /// The legs grouped into journeys, in story order.
    pub journeys: Vec<Journey>,
    /// The story's timeline events, each placed in its zone.
    #[serde(skip)]
    pub events: Vec<EventTime>,
}

/// Builds the whole route of `story`: resolves its waypoints with `gaz`, measures its legs,
/// finds what they cross and places its events in time.
///
/// ```
/// use routecheck::{gazetteer::Gazetteer, route::{self, RouteOptions}, story::Story};
/// let story = Story::parse(r#"
/// [[waypoints]]
/// id = "w1"
/// place = "Pyongyang"
/// [[waypoints]]
/// id = "w2"
/// place = "Vladivostok"
/// [[legs]]
/// from = "w1"
/// to = "w2"
/// mode = "air"
/// "#, "hop.toml").unwrap();
/// let gaz = Gazetteer::load_default().unwrap();
/// let r = route::build(&story, &gaz, &RouteOptions::default()).unwrap();
/// assert!((r.journeys[0].length().as_km() - 684.5).abs() < 1.0);
/// assert_eq!(r.waypoints[1].place.as_ref().unwrap().country.as_deref(), Some("RU"));
/// ```
pub fn build(story: &Story, gaz: &Gazetteer, opts: &RouteOptions) -> Result<Route, Error> {
    if story.legs.is_empty() && story.waypoints.is_empty() && story.claims.is_empty() {
        return Err(Error::Empty);
    }
    let waypoints = resolve_waypoints(story, gaz)?;
    let mut journeys = measure_legs(story, &waypoints, opts)?;
    crossed::add(&mut journeys, &waypoints, gaz, opts.lines.as_deref())?;
    let events = events::place_events(story, &waypoints);
    for j in &mut journeys {
        j.times = events::mark_times(j, &events, &waypoints);
    }
    Ok(Route {
        waypoints,
        journeys,
        events,
    })
}

/// Measures the story's legs between resolved waypoints, grouped into journeys.
fn measure_legs(
    story: &Story,
    waypoints: &[ResolvedWaypoint],
    opts: &RouteOptions,
) -> Result<Vec<Journey>, Error> {
    // An air leg flies from and to the airports the story asks for (`airport`).
    let stop = |id: &str, mode: Mode| {
        waypoints.iter().find(|w| w.id == id).map(|w| Stop {
            id: w.id.clone(),
            label: w.name.clone(),
            at: match (&w.airport, mode) {
                (Some(a), Mode::Air) => a.airport.anchor(),
                _ => w.at,
            },
            network_name: w.network_name().map(str::to_string),
            country: w.place.as_ref().and_then(|p| p.country.clone()),
        })
    };
    let stated = crate::story::sole_stated_mode(story);
    let mut journeys: Vec<Journey> = Vec::new();
    for written in &story.legs {
        let (spec, mode_note) = leg::as_stated(written, stated.as_ref());
        let spec = &spec;
        let continues = journeys
            .last()
            .and_then(|j| j.legs.last())
            .is_some_and(|l| l.to == spec.from);
        if !continues {
            journeys.push(Journey {
                legs: Vec::new(),
                marks: Vec::new(),
                crossings: Vec::new(),
                times: Vec::new(),
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
        let stops: Vec<Stop> = ids.iter().filter_map(|id| stop(id, spec.mode)).collect();
        let mut leg = Leg::measure(
            spec,
            &stops,
            km_start,
            opts.default_speed,
            opts.rail.as_deref(),
        )?;
        leg.notes.splice(0..0, mode_note);
        if spec.mode == Mode::Air {
            leg.notes.extend(ids.iter().filter_map(|id| {
                let w = waypoints.iter().find(|w| w.id == *id)?;
                Some(airport::note(w, w.airport.as_ref()?))
            }));
        }
        if journey.marks.is_empty() {
            journey.marks.push(Mark {
                waypoint: spec.from.clone(),
                km: km_start,
                at_least: false,
            });
        }
        let at_least = leg.measure == Measure::Bounded
            || journey.legs.iter().any(|l| l.measure == Measure::Bounded);
        for (id, km) in leg.stop_marks.drain(..) {
            journey.marks.push(Mark {
                waypoint: id,
                km,
                at_least,
            });
        }
        journey.legs.push(leg);
    }
    Ok(journeys)
}

impl Route {
    /// The resolved waypoint with story id `id`.
    pub fn waypoint(&self, id: &str) -> Option<&ResolvedWaypoint> {
        self.waypoints.iter().find(|w| w.id == id)
    }

    /// The placed event with story id `id`.
    pub fn event(&self, id: &str) -> Option<&EventTime> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The zone an event's times are in: its own `tz`, else its waypoint's.
    pub fn event_zone(&self, e: &crate::story::Event) -> Option<String> {
        events::zone_of(e, &self.waypoints)
    }

    /// Every crossing of every journey, in journey and km order.
    pub fn crossings(&self) -> impl Iterator<Item = &crossings::Crossing> {
        self.journeys.iter().flat_map(|j| &j.crossings)
    }

    /// Distance along the route between two waypoints of the same journey.
    pub fn along(&self, a: &str, b: &str) -> Option<Length> {
        self.journeys.iter().find_map(|j| {
            let ka = j.marks.iter().find(|m| m.waypoint == a)?.km;
            let kb = j.marks.iter().find(|m| m.waypoint == b)?.km;
            Some(if kb >= ka { kb - ka } else { ka - kb })
        })
    }

    /// The route as it would be with waypoint `id` at `place` instead: another place of the
    /// same name, to test a claim on the reading the gazetteer did not pick. The legs are
    /// measured again with the bundled line tables (not a `--rail` file) and the events placed
    /// again; crossings are not looked for (that needs the world's lines), so the result has
    /// none. `None` when the story has no such waypoint or a leg cannot be measured.
    pub fn with_place(
        &self,
        story: &Story,
        id: &str,
        place: crate::gazetteer::Place,
    ) -> Option<Route> {
        let mut waypoints = self.waypoints.clone();
        let w = waypoints.iter_mut().find(|w| w.id == id)?;
        w.at = place.anchor();
        w.name = place.name.clone();
        w.place = Some(place);
        w.airport = None;
        let mut journeys = measure_legs(story, &waypoints, &RouteOptions::default()).ok()?;
        let events = events::place_events(story, &waypoints);
        for j in &mut journeys {
            j.times = events::mark_times(j, &events, &waypoints);
        }
        Some(Route {
            waypoints,
            journeys,
            events,
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

#[cfg(test)]
mod tests;
