//! Resolving a story's waypoints to positions through the gazetteer, keeping what the
//! gazetteer said about the choice: how the name matched, whether it was ambiguous, and the
//! other candidates.

use crate::coord::LatLon;
use crate::gazetteer::{Candidate, Context, Gazetteer, MatchKind, Place, Query};
use crate::story::Story;

use super::Error;
use super::note::{Note, NoteKind};

/// A waypoint with its position, the place it resolved to and how.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ResolvedWaypoint {
    /// The story's id for it: a label, never used to look anything up.
    pub id: String,
    /// Display name: the story's `name`, else the place's name, else the id.
    pub name: String,
    /// Its position in degrees: the story's `at`, else the place's anchor point.
    pub at: LatLon,
    /// The gazetteer entry, when the waypoint was looked up.
    pub place: Option<Place>,
    /// How the waypoint was found.
    pub how: Resolved,
    /// Choices made in resolving it (ambiguity, fuzzy spelling), for every report.
    pub notes: Vec<Note>,
    /// The airport its air legs start or end at, when the story asks for one (`airport`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub airport: Option<crate::gazetteer::AirportPick>,
}

/// How a waypoint got its position.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Resolved {
    /// The story gave coordinates (`at`).
    Coordinates,
    /// The gazetteer resolved the story's `place` (or its id, when it gave no place).
    Gazetteer {
        /// The text looked up.
        query: String,
        /// How the text matched the place's name (exactly, by an alias, by a close spelling, …).
        matched: MatchKind,
        /// Whether several places matched equally well and one was chosen.
        ambiguous: bool,
        /// Other places that matched, best first.
        alternatives: Vec<Candidate>,
        /// Why this place was chosen, in a sentence or two.
        why: String,
    },
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

    /// The name a railway may know this waypoint by: the resolved place's name. A waypoint
    /// given by coordinates has none and is placed on the network by position only.
    pub fn network_name(&self) -> Option<&str> {
        self.place.as_ref().map(|p| p.name.as_str())
    }
}

/// Resolves every waypoint of `story`: explicit `at` wins; otherwise the gazetteer. Names are
/// read in the context of the story's other places (its coordinates and the names that are
/// unambiguous on their own): "Alexandria" beside Washington is the town in Virginia. A name
/// that was ambiguous alone, or whose choice the context changed, says so in its notes.
pub fn resolve_waypoints(story: &Story, gaz: &Gazetteer) -> Result<Vec<ResolvedWaypoint>, Error> {
    let alone: Vec<(ResolvedWaypoint, bool)> = story
        .waypoints
        .iter()
        .map(|w| resolve_one(w, gaz, None, false))
        .collect::<Result<_, _>>()?;
    let settled = |w: &ResolvedWaypoint| match &w.how {
        Resolved::Coordinates => true,
        Resolved::Gazetteer {
            ambiguous, matched, ..
        } => !ambiguous && *matched != MatchKind::Fuzzy,
    };
    let mut out = Vec::with_capacity(alone.len());
    for (i, ((w, ambiguous_alone), spec)) in alone.iter().zip(&story.waypoints).enumerate() {
        // A waypoint given by coordinates has no name to read in context (building one for
        // each was quadratic in the number of waypoints).
        if w.place.is_none() {
            out.push(w.clone());
            continue;
        }
        let mut ctx = Context::default();
        for (j, (other, _)) in alone.iter().enumerate() {
            if j != i && settled(other) && !other.place.as_ref().is_some_and(Place::is_line) {
                ctx = ctx.near(other.at);
            }
        }
        if w.place.is_none() || ctx.is_empty() {
            out.push(w.clone());
        } else {
            out.push(resolve_one(spec, gaz, Some(&ctx), *ambiguous_alone)?.0);
        }
    }
    super::airport::pick(story, gaz, &mut out)?;
    Ok(out)
}

/// Resolves one waypoint, with or without a context; also says whether the gazetteer found
/// the name ambiguous. `ambiguous_alone`: it was, read without the context.
fn resolve_one(
    w: &crate::story::Waypoint,
    gaz: &Gazetteer,
    ctx: Option<&Context>,
    ambiguous_alone: bool,
) -> Result<(ResolvedWaypoint, bool), Error> {
    if let Some(at) = w.at {
        let name = w.name.clone().unwrap_or_else(|| w.id.clone());
        let wp = ResolvedWaypoint {
            id: w.id.clone(),
            name,
            at,
            place: None,
            how: Resolved::Coordinates,
            notes: Vec::new(),
            airport: None,
        };
        return Ok((wp, false));
    }
    let text = w.place.clone().unwrap_or_else(|| w.id.clone());
    let not_found = |source| Error::Place {
        id: w.id.clone(),
        line: w.line,
        source,
    };
    // The same query syntax as everywhere else: "Khasan, RU" sets the country.
    let mut q: Query = text.parse().map_err(not_found)?;
    if let Some(c) = &w.country {
        q = q.in_country(c).map_err(not_found)?;
    }
    q.kind = w.kind;
    let r = match ctx {
        Some(c) => gaz.resolve_in(&q, c),
        None => gaz.resolve(&q),
    }
    .map_err(not_found)?;
    let why = r.why();
    let mut notes = Vec::new();
    let changed = r.context.as_ref().is_some_and(|c| c.changed_choice);
    if r.ambiguous {
        notes.push(Note::new(NoteKind::Ambiguous, why.clone()));
    } else if r.matched == MatchKind::Fuzzy {
        notes.push(Note::new(NoteKind::Fuzzy, why.clone()));
    } else if changed || ambiguous_alone {
        let lead = if changed {
            ""
        } else {
            "ambiguous on its own; the story's other places confirm the strongest match: "
        };
        notes.push(Note::new(NoteKind::Context, format!("{lead}{why}")));
    }
    let p = &r.place;
    let wp = ResolvedWaypoint {
        id: w.id.clone(),
        name: w.name.clone().unwrap_or_else(|| p.name.clone()),
        at: p.anchor(),
        how: Resolved::Gazetteer {
            query: text,
            matched: r.matched,
            ambiguous: r.ambiguous,
            alternatives: r.alternatives,
            why,
        },
        place: Some(r.place),
        notes,
        airport: None,
    };
    Ok((wp, r.ambiguous))
}
