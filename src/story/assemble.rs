//! Stories built in memory (from an article's extraction, from a command line) rather than
//! read from a file, held to the rules [`Story::parse`] applies to a file: see
//! [`Story::from_parts`].

use std::collections::HashSet;

use super::{ClaimSpec, Error, Event, LegSpec, Meta, Story, Waypoint};

impl Story {
    /// A story from parts built in memory, checked as [`Story::parse`] checks a file: waypoint
    /// ids non-empty and unique, each waypoint with a `place` or an `at`, countries as
    /// two-letter codes; legs, vias and events naming known waypoints and legs joining two
    /// different ones; event and claim ids unique, event windows in order, and every claim
    /// validated by [`validate_claim`](super::validate_claim) as the parser does. `path`
    /// names the story in messages and gives it its id, as a file's stem does.
    ///
    /// ```
    /// use routecheck::story::{Story, Waypoint};
    /// let w = |id: &str, place: &str| Waypoint {
    ///     id: id.into(), place: Some(place.into()), at: None, name: None,
    ///     country: None, kind: None, airport: None, line: 0,
    /// };
    /// let s = Story::from_parts("drafts/hop.txt", "A hop", vec![w("a", "Pyongyang"), w("b", "Khasan")],
    ///     Vec::new(), Vec::new(), Vec::new()).unwrap();
    /// assert_eq!(s.meta.id, "hop");
    /// let twice = Story::from_parts("hop", "A hop", vec![w("a", "Pyongyang"), w("a", "Khasan")],
    ///     Vec::new(), Vec::new(), Vec::new());
    /// assert!(twice.unwrap_err().to_string().contains("waypoint id \"a\" is used twice"));
    /// ```
    pub fn from_parts(
        path: &str,
        title: &str,
        waypoints: Vec<Waypoint>,
        legs: Vec<LegSpec>,
        events: Vec<Event>,
        claims: Vec<ClaimSpec>,
    ) -> Result<Story, Error> {
        let fail = |message: String, help: &str| Error::Built {
            path: path.to_string(),
            message,
            help: help.to_string(),
        };
        let mut ids = HashSet::new();
        for w in &waypoints {
            if w.id.trim().is_empty() {
                return Err(fail(
                    "a waypoint id is empty".into(),
                    "give every waypoint a short id",
                ));
            }
            if !ids.insert(w.id.as_str()) {
                return Err(fail(
                    format!("waypoint id \"{}\" is used twice", w.id),
                    "give each waypoint its own id",
                ));
            }
            if w.place.as_deref().is_none_or(|p| p.trim().is_empty()) && w.at.is_none() {
                return Err(fail(
                    format!(
                        "waypoint \"{}\" has neither a place name nor a position",
                        w.id
                    ),
                    "give it a place name to look up or coordinates",
                ));
            }
            if let Some(c) = &w.country
                && (c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_uppercase()))
            {
                return Err(fail(
                    format!(
                        "waypoint \"{}\": country \"{c}\" is not a two-letter ISO code",
                        w.id
                    ),
                    "use an upper-case ISO 3166 code such as \"RU\"",
                ));
            }
        }
        let known = |id: &str, what: &str| {
            if ids.contains(id) {
                Ok(())
            } else {
                Err(fail(
                    format!("{what} \"{id}\" is not a waypoint id"),
                    "add the waypoint first",
                ))
            }
        };
        for l in &legs {
            known(&l.from, "leg start")?;
            known(&l.to, "leg end")?;
            l.via.iter().try_for_each(|v| known(v, "via"))?;
            if l.from == l.to && l.via.is_empty() {
                return Err(fail(
                    format!("leg goes from \"{}\" to itself", l.from),
                    "a leg needs two different waypoints",
                ));
            }
        }
        let mut event_ids = HashSet::new();
        for e in &events {
            known(&e.at, "event place")?;
            if !event_ids.insert(e.id.as_str()) {
                return Err(fail(
                    format!("event id \"{}\" is used twice", e.id),
                    "give each event its own id",
                ));
            }
            if e.earliest > e.latest {
                return Err(fail(
                    format!("event \"{}\" ends before it starts", e.id),
                    "swap its earliest and latest times",
                ));
            }
        }
        let wp_ids: Vec<&str> = waypoints.iter().map(|w| w.id.as_str()).collect();
        let ev_ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        let mut claim_ids = HashSet::new();
        for c in &claims {
            if !claim_ids.insert(c.id.as_str()) {
                return Err(fail(
                    format!("claim id \"{}\" is used twice", c.id),
                    "give each claim its own id",
                ));
            }
            super::validate_claim(c, &wp_ids, &ev_ids)
                .map_err(|e| fail(e.to_string(), &e.help()))?;
        }
        let id = super::validate::default_id(path);
        Ok(Story {
            path: path.to_string(),
            meta: Meta {
                title: title.to_string(),
                id,
                subtitle: None,
                sources: Vec::new(),
            },
            waypoints,
            legs,
            events,
            claims,
        })
    }
}
