//! From a checked story to what the HTML map shows beyond its [`MapScene`]: a card for each
//! waypoint (how it resolved, its coordinates and source, its time windows) and each claim
//! with its verdict, arithmetic and the places it names. Everything is read from the
//! [`Outcome`]: no figure is computed here, only put into words.

use super::{ClaimCard, HtmlMap, PlaceCard};
use crate::coord::LatLon;
use crate::pipeline::Outcome;
use crate::route::timing::TimeWindow;
use crate::route::{Resolved, ResolvedWaypoint, Route, TimeSource};
use crate::story::ClaimKind;

use super::super::MapScene;

/// The HTML map of a checked story whose scene (built by [`crate::render::scene`]) is `scene`.
pub fn html_map(c: &Outcome, scene: &MapScene) -> HtmlMap {
    let places = scene
        .waypoints
        .iter()
        .map(|p| {
            c.route
                .waypoints
                .iter()
                .find(|w| w.name == p.name && w.at == p.at)
                .map(|w| place_card(w, &c.route))
                .unwrap_or_else(|| PlaceCard {
                    rows: vec![("Coordinates".into(), p.at.to_string())],
                })
        })
        .collect();
    let claims = c
        .claims
        .iter()
        .map(|k| {
            let spec = c.story.claims.iter().find(|s| s.id == k.id);
            let (applies, how) = match spec {
                Some(s) => applies(&s.kind, &c.route),
                None => (Vec::new(), String::new()),
            };
            ClaimCard {
                id: k.id.clone(),
                outlet: k.outlet.clone(),
                quote: k.quote.clone(),
                verdict: k.verdict.to_string(),
                verdict_class: k.verdict.word().to_string(),
                claimed: k.claimed.clone(),
                computed: k.computed.clone(),
                arithmetic: k.arithmetic.clone(),
                applies,
                how,
            }
        })
        .collect();
    HtmlMap {
        scene: scene.clone(),
        places,
        claims,
    }
}

/// "2023-09-10 12:00–18:00 (UTC+09:00)", or one time when the window is an instant.
fn window_text(w: &TimeWindow) -> String {
    let (a, b) = (&w.earliest, &w.latest);
    let text = if a == b {
        a.strftime("%Y-%m-%d %H:%M").to_string()
    } else if a.date() == b.date() {
        format!("{}–{}", a.strftime("%Y-%m-%d %H:%M"), b.strftime("%H:%M"))
    } else {
        format!(
            "{} – {}",
            a.strftime("%Y-%m-%d %H:%M"),
            b.strftime("%Y-%m-%d %H:%M")
        )
    };
    format!("{text} (UTC{})", w.utc_offset())
}

fn place_card(w: &ResolvedWaypoint, route: &Route) -> PlaceCard {
    let mut rows = Vec::new();
    let resolved = match (&w.place, &w.how) {
        (Some(p), Resolved::Gazetteer { query, .. }) if &p.name != query => {
            format!("\"{query}\" → {} ({})", p.name, p.kind)
        }
        (Some(p), _) => format!("{} ({})", p.name, p.kind),
        (None, _) => "given as coordinates in the story".into(),
    };
    rows.push(("Resolved".into(), resolved));
    if let Some(p) = &w.place {
        let mut area: Vec<String> = p.country.iter().cloned().collect();
        area.extend(p.admin1_name.clone().or_else(|| p.admin1.clone()));
        if !area.is_empty() {
            rows.push(("Country".into(), area.join(", ")));
        }
    }
    rows.push(("Coordinates".into(), w.at.to_string()));
    rows.push((
        "Source".into(),
        match &w.place {
            Some(p) => p.source.to_string(),
            None => "the story's own coordinates".into(),
        },
    ));
    for e in route.events.iter().filter(|e| e.waypoint == w.id) {
        let when = match &e.window {
            Ok(win) => window_text(win),
            Err(why) => format!("not placed in time: {why}"),
        };
        rows.push(("Time".into(), format!("{}: {when}", e.what)));
    }
    for t in route
        .journeys
        .iter()
        .flat_map(|j| j.times.iter())
        .filter(|t| t.waypoint == w.id && t.source == TimeSource::Estimate)
    {
        rows.push((
            "Time".into(),
            format!(
                "estimated from the legs' speeds: {}",
                window_text(&t.window)
            ),
        ));
    }
    for n in &w.notes {
        rows.push(("Note".into(), n.to_string()));
    }
    PlaceCard { rows }
}

/// The places a claim names, with their positions, and in words how they relate.
fn applies(kind: &ClaimKind, route: &Route) -> (Vec<(String, LatLon)>, String) {
    let wp = |id: &str| {
        route
            .waypoints
            .iter()
            .find(|w| w.id == id)
            .map(|w| (w.name.clone(), w.at))
    };
    let ev = |id: &str| {
        route
            .events
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| wp(&e.waypoint))
    };
    let pair = |a: Option<(String, LatLon)>, b: Option<(String, LatLon)>, sep: &str| {
        let names = [&a, &b]
            .iter()
            .filter_map(|p| p.as_ref().map(|p| p.0.clone()))
            .collect::<Vec<_>>()
            .join(sep);
        (a.into_iter().chain(b).collect::<Vec<_>>(), names)
    };
    match kind {
        ClaimKind::Distance { from, to, .. } | ClaimKind::Flight { from, to, .. } => {
            pair(wp(from), wp(to), " → ")
        }
        ClaimKind::DurationAtSpeed {
            from: Some(from),
            to: Some(to),
            ..
        }
        | ClaimKind::Saving {
            from: Some(from),
            to: Some(to),
            ..
        } => pair(wp(from), wp(to), " → "),
        ClaimKind::Speed {
            from_event,
            to_event,
            ..
        } => pair(
            from_event.as_deref().and_then(ev),
            to_event.as_deref().and_then(ev),
            " → ",
        ),
        ClaimKind::Timeline {
            from_event,
            to_event,
            ..
        } => pair(ev(from_event), ev(to_event), " → "),
        ClaimKind::Direction { place, of, .. } | ClaimKind::TimeZone { place, of, .. } => {
            pair(wp(of), wp(place), " → ")
        }
        ClaimKind::Crossing { feature, of, .. } => {
            let name = route
                .waypoints
                .iter()
                .find(|w| &w.id == feature)
                .map(|w| w.place.as_ref().map_or(&w.name, |p| &p.name).clone());
            let mut pts: Vec<(String, LatLon)> = wp(of).into_iter().collect();
            let crossed: Vec<_> = route
                .journeys
                .iter()
                .flat_map(|j| j.crossings.iter())
                .filter(|c| Some(&c.line) == name.as_ref())
                .map(|c| (format!("{} crossing", c.line), c.at))
                .collect();
            let how = format!(
                "{} and where the route crosses {}",
                pts.first().map_or("", |p| p.0.as_str()),
                name.as_deref().unwrap_or(feature)
            );
            pts.extend(crossed);
            (pts, how)
        }
        ClaimKind::Nearest { place, to, among } => {
            let mut pts: Vec<_> = [place, to]
                .into_iter()
                .chain(among.iter())
                .filter_map(|id| wp(id))
                .collect();
            pts.dedup();
            let how = pts
                .iter()
                .map(|p| p.0.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            (pts, how)
        }
        ClaimKind::DurationAtSpeed { .. }
        | ClaimKind::Saving { .. }
        | ClaimKind::Conversion { .. }
        | ClaimKind::Interval { .. } => (
            Vec::new(),
            "no place on the map: the claim is about its own figures".into(),
        ),
    }
}
