//! The JSON report (schema `routecheck.claims/2`): the story, every waypoint with how it
//! resolved and its notes, every journey with its legs (measure and notes), marks, crossings
//! and times, the summary, and every claim with its numbers (`figures`) and arithmetic.
//! Field names carry their units (`length_km`, `km`).

use serde_json::{Value, json};

use super::{JSON_SCHEMA, Summary};
use crate::claims::{Checked, Verdict};
use crate::coord::LatLon;
use crate::route::{Journey, Resolved, ResolvedWaypoint, Route};
use crate::story::Story;

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0 + 0.0
}

fn point(p: LatLon) -> Value {
    let p = p.rounded(6);
    json!({ "lat": p.lat, "lon": p.lon })
}

fn waypoint(w: &ResolvedWaypoint) -> Value {
    let resolved = match &w.how {
        Resolved::Coordinates => json!({ "by": "coordinates" }),
        Resolved::Gazetteer {
            query,
            matched,
            ambiguous,
            alternatives,
            why,
        } => json!({
            "by": "gazetteer",
            "query": query,
            "matched": matched,
            "ambiguous": ambiguous,
            "why": why,
            "alternatives": alternatives.iter().map(|c| json!({
                "id": c.id,
                "name": c.name,
                "kind": c.kind,
                "country": c.country,
                "admin1_name": c.admin1_name,
                "population": c.population,
                "location": point(c.location),
                "matched": c.matched,
            })).collect::<Vec<_>>(),
        }),
    };
    let mut out = json!({
        "id": w.id,
        "name": w.name,
        "location": point(w.at),
        "place": w.place.as_ref().map(|p| json!({
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "country": p.country,
            "admin1": p.admin1,
            "admin1_name": p.admin1_name,
            "source": { "dataset": p.source.dataset, "id": p.source.id },
        })),
        "resolved": resolved,
        "notes": w.notes,
    });
    // Only for a waypoint whose story asks for an airport (`airport`), so that other
    // stories' output is unchanged.
    if let (Some(a), Some(obj)) = (&w.airport, out.as_object_mut()) {
        obj.insert(
            "airport".into(),
            json!({
                "id": a.airport.id,
                "iata": a.iata(),
                "name": a.airport.name,
                "location": point(a.airport.anchor()),
                "distance_km": round3(a.distance.as_km()),
                "by": a.by,
            }),
        );
    }
    out
}

fn journey(j: &Journey) -> Value {
    let fmt = |z: &jiff::ZonedDateTime| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    json!({
        "length_km": round3(j.length().as_km()),
        "legs": j.legs.iter().map(|l| json!({
            "from": l.from,
            "to": l.to,
            "via": l.via,
            "mode": l.mode,
            "measure": l.measure,
            "length_km": round3(l.length.as_km()),
            "km_start": round3(l.km_start.as_km()),
            "drawn_length_km": round3(l.geometry_length.as_km()),
            "bounds": l.bounds.as_ref().map(|b| json!({
                "straight_km": round3(b.straight.as_km()),
                "usual_km": [round3(b.band.0.as_km()), round3(b.band.1.as_km())],
                "typical_km": round3(b.typical.as_km()),
                "circuity": b.factor,
            })),
            "notes": l.notes,
        })).collect::<Vec<_>>(),
        "marks": j.marks.iter().map(|m| json!({"waypoint": m.waypoint, "km": round3(m.km.as_km()), "at_least": m.at_least})).collect::<Vec<_>>(),
        "times": j.times.iter().map(|t| json!({
            "waypoint": t.waypoint,
            "earliest": fmt(&t.window.earliest),
            "latest": fmt(&t.window.latest),
            "time_zone": t.window.earliest.time_zone().iana_name(),
            "source": t.source,
        })).collect::<Vec<_>>(),
        "crossings": j.crossings.iter().map(|c| json!({
            "line": c.line,
            "kind": c.kind,
            "location": point(c.at),
            "km": round3(c.from_start.as_km()),
            "nearest_place": c.nearest_place.as_ref().map(|n| json!({"name": n.name, "distance_km": round3(n.distance.as_km())})),
            "straight_line": c.straight_line,
        })).collect::<Vec<_>>(),
    })
}

fn claim(c: &Checked) -> Value {
    let (off_by_percent, off_by, contradicts, why) = match &c.verdict {
        Verdict::Holds | Verdict::LooselyHolds { .. } => (None, None, None, None),
        Verdict::Plausible { why } | Verdict::Implausible { why, .. } => {
            (None, None, None, Some(why.as_str()))
        }
        Verdict::Off { by_percent, by } => (*by_percent, Some(by.as_str()), None, None),
        Verdict::Contradicts { other, why } => {
            (None, None, Some(other.as_str()), Some(why.as_str()))
        }
        Verdict::CannotCheck { why } => (None, None, None, Some(why.as_str())),
    };
    json!({
        "id": c.id,
        "outlet": c.outlet,
        "quote": c.quote,
        "kind": c.kind,
        "claimed": c.claimed,
        "hedge": c.hedge,
        "computed": c.computed,
        "tolerance": c.tolerance,
        "verdict": c.verdict.word(),
        "off_by_percent": off_by_percent,
        "off_by": off_by,
        "contradicts": contradicts,
        "why": why,
        "figures": c.figures,
        "arithmetic": c.arithmetic,
        "pairs": c.pairs,
        "likely_source": c.likely_source,
    })
}

/// JSON: `{ "schema", "story", "waypoints", "journeys", "summary", "claims" }`.
pub fn json(story: &Story, route: &Route, checked: &[Checked]) -> String {
    let v = json!({
        "schema": JSON_SCHEMA,
        "story": { "id": story.meta.id, "title": story.meta.title, "path": story.path },
        "waypoints": route.waypoints.iter().map(waypoint).collect::<Vec<_>>(),
        "journeys": route.journeys.iter().map(journey).collect::<Vec<_>>(),
        "summary": Summary::of(checked),
        "claims": checked.iter().map(claim).collect::<Vec<_>>(),
    });
    format!("{v:#}\n")
}

/// The same JSON on one line (JSON Lines, for many stories in one run).
pub fn json_line(story: &Story, route: &Route, checked: &[Checked]) -> String {
    let pretty = json(story, route, checked);
    match serde_json::from_str::<Value>(&pretty) {
        Ok(v) => format!("{v}\n"),
        Err(_) => pretty.replace('\n', " ") + "\n",
    }
}
