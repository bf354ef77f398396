//! Airports for the waypoints whose story asks for one (`airport = true` or a code): air
//! legs then start and end at the airport, and say so, while rail and road legs and claims
//! about the place keep the place's point.

use crate::gazetteer::{AirportBy, AirportPick, Gazetteer, PlaceKind};
use crate::story::{AirportChoice, Story};

use super::Error;
use super::note::{Note, NoteKind};
use super::resolve::ResolvedWaypoint;

/// Picks the airport of every waypoint whose story entry has an `airport` key.
pub(super) fn pick(
    story: &Story,
    gaz: &Gazetteer,
    waypoints: &mut [ResolvedWaypoint],
) -> Result<(), Error> {
    for (spec, w) in story.waypoints.iter().zip(waypoints.iter_mut()) {
        let Some(choice) = &spec.airport else {
            continue;
        };
        let picked = match choice {
            AirportChoice::Code(code) => gaz.airport_by_code(code, w.at),
            AirportChoice::Serving => gaz.airport_serving(w.place.as_ref(), w.at),
        };
        w.airport = Some(picked.map_err(|source| Error::Airport {
            id: w.id.clone(),
            line: spec.line,
            source: Box::new(source),
        })?);
    }
    Ok(())
}

/// The note an air leg carries for an end moved to its airport: "Vladivostok → Vladivostok
/// International Airport (VVO), 39.5 km from the city point, the nearest airport serving
/// Vladivostok".
pub(super) fn note(w: &ResolvedWaypoint, pick: &AirportPick) -> Note {
    let point = match w.place.as_ref().map(|p| p.kind) {
        Some(PlaceKind::City) => "the city point",
        Some(_) => "the place's point",
        None => "the given position",
    };
    let how = match pick.by {
        AirportBy::Code => format!("as the story names it ({})", pick.iata()),
        AirportBy::ServesPlace => format!("the nearest airport serving {}", w.name),
        AirportBy::Nearest => {
            format!(
                "the nearest airport (no airport near names {} as its city)",
                w.name
            )
        }
    };
    Note::new(
        NoteKind::Snap,
        format!(
            "{} → {} ({}), {} from {point}: {how}; the flight is measured from the airport",
            w.name,
            pick.airport.name,
            pick.iata(),
            pick.distance
        ),
    )
}
