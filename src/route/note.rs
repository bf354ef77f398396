//! Notes: every choice the route builder makes on the user's behalf, recorded on the value it
//! concerns (a waypoint, a leg) so that every report format can show it.

use std::fmt;

/// What kind of choice a note records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Several places share the name and one was chosen.
    Ambiguous,
    /// The name was matched by a close spelling, not exactly.
    Fuzzy,
    /// Of several places of the name, the story's other places chose this one.
    Context,
    /// How a leg was measured (km posts, track, geodesic, straight line).
    Measure,
    /// A waypoint was moved onto the network (a station or the track) some distance away.
    Snap,
    /// The figure is a bound or an estimate, not a measurement.
    Estimate,
    /// A name was placed at a station of the rail line tables rather than through the
    /// gazetteer (which does not know it, or knows only another place of that name).
    Station,
    /// The leg's mode was taken from the story's own words: a `direct` leg in a story that
    /// says the trip was by train is measured as a rail leg (a straight line is only a bound).
    Mode,
}

impl NoteKind {
    /// True for notes a reader must see before trusting a figure (shown as warnings).
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            NoteKind::Ambiguous
                | NoteKind::Fuzzy
                | NoteKind::Context
                | NoteKind::Estimate
                | NoteKind::Mode
        )
    }
}

/// One choice, in a sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Note {
    /// What kind of choice it records.
    pub kind: NoteKind,
    /// The choice in a sentence, as the reports print it.
    pub text: String,
}

impl Note {
    /// A note of `kind` saying `text`.
    pub fn new(kind: NoteKind, text: impl Into<String>) -> Note {
        Note {
            kind,
            text: text.into(),
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
