//! Resolving a story's waypoints to positions through the gazetteer.

use crate::coord::LatLon;
use crate::gazetteer::{Gazetteer, Place, Query};
use crate::story::Story;

use super::Error;

/// A waypoint with its position and the place it resolved to.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ResolvedWaypoint {
    pub id: String,
    /// Display name: the story's `name`, else the place's name, else the id.
    pub name: String,
    pub at: LatLon,
    /// The gazetteer entry, when the waypoint was looked up.
    pub place: Option<Place>,
}

impl ResolvedWaypoint {
    /// The waypoint's time zone: its place's (see [`Place::zone`]), or for coordinates
    /// given in the story the zone at them. Worked out when asked, as few stories need it.
    pub fn zone(&self) -> Option<String> {
        match &self.place {
            Some(p) => p.zone(),
            None => crate::gazetteer::zone_at(self.at).map(str::to_string),
        }
    }
}

/// Resolves every waypoint of `story`: explicit `at` wins; otherwise the gazetteer.
pub fn resolve_waypoints(story: &Story, gaz: &Gazetteer) -> Result<Vec<ResolvedWaypoint>, Error> {
    story
        .waypoints
        .iter()
        .map(|w| {
            if let Some(at) = w.at {
                let name = w.name.clone().unwrap_or_else(|| w.id.clone());
                return Ok(ResolvedWaypoint {
                    id: w.id.clone(),
                    name,
                    at,
                    place: None,
                });
            }
            let text = w.place.clone().unwrap_or_else(|| w.id.clone());
            let mut q = Query::name(text);
            q.country = w.country.clone();
            q.kind = w.kind;
            let r = gaz.resolve(&q).map_err(|source| Error::Place {
                id: w.id.clone(),
                line: w.line,
                source,
            })?;
            let p = &r.place;
            Ok(ResolvedWaypoint {
                id: w.id.clone(),
                name: w.name.clone().unwrap_or_else(|| p.name.clone()),
                at: p.anchor(),
                place: Some(r.place),
            })
        })
        .collect()
}
