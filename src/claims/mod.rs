//! Claims: what an article asserts, checked against the route to a [`Verdict`] with the
//! computed figure, the tolerance and one line of arithmetic.
//!
//! A story lists its claims as TOML tables tagged by `kind` ([`ClaimKind`]); quantities are
//! written as the article wrote them ("about 425 miles") and the hedge word sets the tolerance
//! ([`Hedge`](crate::story::Hedge)). [`check_all`] checks each claim by its kind, then compares claims that share a
//! `topic` across outlets (40 mph vs 60 km/h) and marks those that disagree as contradicting.
//!
//! Kinds live one file per family: `distance.rs` (distance, conversion, nearest),
//! `bearing.rs` (direction, crossing), `motion.rs` (duration at speed, speed), `saving.rs` (a trip's time before and after, the time saved), `flight.rs` (flight times),
//! `timeline.rs` (elapsed time across time zones, and "the previous day", "overnight"), `clock.rs` (time-zone offsets between places) and `interval.rs` (time between dates).
//! [`extract`] finds candidate claims in plain article text. For a figure that does not hold,
//! `diagnose/` finds where it likely came from ([`LikelySource`]), once, on the checked claim.
//! A figure that is off for an ambiguous place but fits a close rival of the same name is
//! not refuted (`rivals.rs`).

mod bearing;
mod clock;
mod diagnose;
mod distance;
pub mod extract;
mod flight;
mod interval;
mod judge;
mod motion;
mod pairing;
mod rivals;
mod saving;
mod timeline;
mod top_speed;
mod verdict;

pub use diagnose::{Cause, LikelySource};
pub use judge::{Outcome, judge};
pub use timeline::{Elapsed, elapsed};
pub use verdict::{Checked, Figures, Pair, Span, Verdict};

use crate::route::Route;
use crate::story::{ClaimKind, ClaimSpec, Story};
use verdict::Finding;

/// What every checker reads: the story (events, legs) and its measured route.
pub(crate) struct Ctx<'a> {
    pub story: &'a Story,
    pub route: &'a Route,
}

/// Checks every claim of the story against the route, in story order.
pub fn check_all(story: &Story, route: &Route) -> Vec<Checked> {
    let cx = Ctx { story, route };
    let mut readings = rivals::Readings::new();
    let mut out: Vec<Checked> = story
        .claims
        .iter()
        .map(|c| {
            let f = rivals::second_reading(&cx, c, check_one(&cx, c), &mut readings);
            Checked {
                id: c.id.clone(),
                outlet: c.outlet.clone(),
                quote: c.quote.clone(),
                kind: c.kind.name().to_string(),
                claimed: f.claimed,
                computed: f.computed,
                tolerance: f.tolerance,
                verdict: f.verdict,
                arithmetic: f.arithmetic,
                figures: f.figures,
                pairs: Vec::new(),
                hedge: hedge_of(&c.kind),
                likely_source: None,
            }
        })
        .collect();
    pairing::pair(&story.claims, &mut out);
    for (spec, c) in story.claims.iter().zip(out.iter_mut()) {
        c.likely_source = diagnose::diagnose(&cx, spec, c);
    }
    out
}

/// The hedge of the figure a claim is judged on (a duration at a speed: the duration's);
/// `None` for kinds without a figure (direction, crossing, nearest, a timeline without a
/// duration).
fn hedge_of(k: &ClaimKind) -> Option<crate::story::Hedge> {
    match k {
        ClaimKind::Distance { value, .. }
        | ClaimKind::Speed { value, .. }
        | ClaimKind::Conversion { value } => Some(value.hedge),
        ClaimKind::DurationAtSpeed { duration, .. } | ClaimKind::Flight { duration, .. } => {
            Some(duration.hedge)
        }
        ClaimKind::Timeline { duration, .. } => duration.as_ref().map(|d| d.hedge),
        ClaimKind::Saving {
            saved,
            after,
            before,
            ..
        } => saved
            .as_ref()
            .or(after.as_ref())
            .or(before.as_ref())
            .map(|d| d.hedge),
        ClaimKind::TimeZone { offset, .. } => Some(offset.hedge),
        ClaimKind::Interval { value, .. } => crate::story::IntervalAmount::parse(value)
            .ok()
            .map(|a| a.hedge),
        ClaimKind::Direction { .. } | ClaimKind::Crossing { .. } | ClaimKind::Nearest { .. } => {
            None
        }
    }
}

/// Checks one claim by its kind.
fn check_one(cx: &Ctx, c: &ClaimSpec) -> Finding {
    match &c.kind {
        ClaimKind::Distance {
            from,
            to,
            value,
            measure,
        } => distance::distance(cx, from, to, value, *measure),
        ClaimKind::Conversion { value } => distance::conversion(value),
        ClaimKind::Nearest { place, to, among } => distance::nearest(cx, place, to, among),
        ClaimKind::Direction {
            place,
            of,
            direction,
        } => bearing::direction(cx, place, of, direction),
        ClaimKind::Crossing {
            feature,
            of,
            direction,
        } => bearing::crossing(cx, feature, of, direction),
        ClaimKind::DurationAtSpeed {
            distance,
            from,
            to,
            speed,
            duration,
        } => motion::duration_at_speed(
            cx,
            distance.as_ref(),
            from.as_deref().zip(to.as_deref()),
            speed,
            duration,
        ),
        ClaimKind::Saving {
            from,
            to,
            before,
            after,
            saved,
            speed,
        } => saving::saving(
            cx,
            &saving::Saving {
                route: from.as_deref().zip(to.as_deref()),
                before: before.as_ref(),
                after: after.as_ref(),
                saved: saved.as_ref(),
                speed: speed.as_ref(),
            },
        ),
        ClaimKind::Speed {
            value,
            from_event,
            to_event,
            average,
        } => motion::speed(
            cx,
            value,
            from_event.as_deref().zip(to_event.as_deref()),
            *average,
        ),
        ClaimKind::Flight {
            from,
            to,
            aircraft,
            duration,
        } => flight::flight(cx, from, to, aircraft.as_deref(), duration),
        ClaimKind::Timeline {
            from_event,
            to_event,
            when: Some(rel),
            ..
        } => timeline::check_days(cx, from_event, to_event, *rel),
        ClaimKind::Timeline {
            from_event,
            to_event,
            duration,
            when: None,
        } => timeline::check(cx, from_event, to_event, duration.as_ref()),
        ClaimKind::TimeZone {
            place,
            of,
            offset,
            date,
        } => clock::check(cx, place, of, offset, date.as_deref()),
        ClaimKind::Interval {
            since,
            until,
            value,
        } => interval::check(since, until, value),
    }
}

/// The route of a test story whose waypoints are all coordinates (no gazetteer needed).
#[cfg(test)]
pub(crate) fn route_without_gazetteer(s: &Story) -> Route {
    let empty = crate::gazetteer::Gazetteer::from_places(Vec::new());
    crate::route::build(s, &empty, &crate::route::RouteOptions::default())
        .expect("a story of coordinates routes")
}
