//! Checking claims against their story: references to waypoints and events, quantities of
//! the right dimension, known aircraft, readable dates. Called from story validation so that
//! errors carry the file and line.

use super::claim::{Amount, ClaimKind, ClaimSpec};
use crate::units::Dimension;

/// A claim that does not fit its story.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("claim \"{claim}\": `{field}` = \"{value}\" is not a {what} id")]
    /// A field names a waypoint or event that the story does not have.
    UnknownRef {
        /// The claim's id.
        claim: String,
        /// The field that holds the reference (`from`, `to`, `event`, …).
        field: &'static str,
        /// The id as written.
        value: String,
        /// What the id should name: "waypoint" or "event".
        what: &'static str,
        /// The ids the story does have, for the suggestion.
        known: Vec<String>,
    },
    #[error("claim \"{claim}\": `{field}` = \"{text}\" is a {found}, but a {expected} is needed")]
    /// A quantity of the wrong kind ("40 mph" where a distance is needed).
    WrongDimension {
        /// The claim's id.
        claim: String,
        /// The field that holds the quantity.
        field: &'static str,
        /// The quantity as written.
        text: String,
        /// What the field needs.
        expected: Dimension,
        /// What the text measures.
        found: Dimension,
    },
    #[error("claim \"{claim}\": {message}")]
    /// Any other problem with the claim (an unknown aircraft, an unreadable date).
    Invalid {
        /// The claim's id.
        claim: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// What to write instead.
    pub fn help(&self) -> String {
        match self {
            Error::UnknownRef { known, value, .. } => {
                let mut k = known.clone();
                k.sort_by(|a, b| {
                    strsim::jaro_winkler(b, value)
                        .total_cmp(&strsim::jaro_winkler(a, value))
                        .then(a.cmp(b))
                });
                match k.first() {
                    Some(best) => format!("did you mean \"{best}\"? Known: {}", k.join(", ")),
                    None => "add it to the story first".into(),
                }
            }
            Error::WrongDimension { expected, .. } => match expected {
                Dimension::Length => "write a distance, e.g. \"about 425 miles\"".into(),
                Dimension::Speed => "write a speed, e.g. \"around 60 km/h\"".into(),
                Dimension::Duration => "write a duration, e.g. \"at least 20 hours\"".into(),
            },
            Error::Invalid { .. } => "see data/stories/README.md for the claim kinds".into(),
        }
    }
}

/// Checks a claim's references and quantities against the story's waypoint and event ids.
pub fn validate(c: &ClaimSpec, waypoints: &[&str], events: &[&str]) -> Result<(), Error> {
    let known = |what: &'static str, ids: &[&str], field: &'static str, v: &str| {
        if ids.contains(&v) {
            Ok(())
        } else {
            Err(Error::UnknownRef {
                claim: c.id.clone(),
                field,
                value: v.to_string(),
                what,
                known: ids.iter().map(|s| s.to_string()).collect(),
            })
        }
    };
    let wp = |field: &'static str, v: &str| known("waypoint", waypoints, field, v);
    let ev = |field: &'static str, v: &str| known("event", events, field, v);
    let dim = |field: &'static str, a: &Amount, expected: Dimension| -> Result<(), Error> {
        if a.dimension() == expected {
            Ok(())
        } else {
            Err(Error::WrongDimension {
                claim: c.id.clone(),
                field,
                text: a.text.clone(),
                expected,
                found: a.dimension(),
            })
        }
    };
    let invalid = |message: String| Error::Invalid {
        claim: c.id.clone(),
        message,
    };
    match &c.kind {
        ClaimKind::Distance {
            from, to, value, ..
        } => {
            wp("from", from)?;
            wp("to", to)?;
            dim("value", value, Dimension::Length)
        }
        ClaimKind::DurationAtSpeed {
            distance,
            from,
            to,
            speed,
            duration,
        } => {
            match (distance, from, to) {
                (Some(d), None, None) => dim("distance", d, Dimension::Length)?,
                (None, Some(f), Some(t)) => {
                    wp("from", f)?;
                    wp("to", t)?;
                }
                _ => {
                    return Err(invalid(
                        "give either `distance` (the article's figure) or both `from` and `to` (the route's length)".into(),
                    ));
                }
            }
            dim("speed", speed, Dimension::Speed)?;
            dim("duration", duration, Dimension::Duration)
        }
        ClaimKind::Saving {
            from,
            to,
            before,
            after,
            saved,
            speed,
        } => {
            if from.is_some() != to.is_some() {
                return Err(invalid("give both `from` and `to`, or neither".into()));
            }
            if let (Some(f), Some(t)) = (from, to) {
                wp("from", f)?;
                wp("to", t)?;
            }
            let given = [before, after, saved]
                .iter()
                .filter(|a| a.is_some())
                .count();
            if given < 2 && from.is_none() {
                return Err(invalid(
                    "give two of `before`, `after` and `saved` (the article's own arithmetic), or `from` and `to` (the route)".into(),
                ));
            }
            if given == 0 {
                return Err(invalid("give `before`, `after` or `saved`".into()));
            }
            for (field, a) in [("before", before), ("after", after), ("saved", saved)] {
                if let Some(a) = a {
                    dim(field, a, Dimension::Duration)?;
                }
            }
            match speed {
                Some(s) => dim("speed", s, Dimension::Speed),
                None => Ok(()),
            }
        }
        ClaimKind::Speed {
            value,
            from_event,
            to_event,
            ..
        } => {
            if from_event.is_some() != to_event.is_some() {
                return Err(invalid(
                    "give both `from_event` and `to_event`, or neither".into(),
                ));
            }
            if let (Some(a), Some(b)) = (from_event, to_event) {
                ev("from_event", a)?;
                ev("to_event", b)?;
            }
            dim("value", value, Dimension::Speed)
        }
        ClaimKind::Conversion { value } => {
            if value.quantity.conversion.is_none() {
                return Err(invalid(format!(
                    "`value` = \"{}\" has no conversion in parentheses, e.g. \"1,200 km (745 miles)\"",
                    value.text
                )));
            }
            Ok(())
        }
        ClaimKind::Direction {
            place,
            of,
            direction,
        }
        | ClaimKind::Crossing {
            feature: place,
            of,
            direction,
        } => {
            let field = if matches!(c.kind, ClaimKind::Crossing { .. }) {
                "feature"
            } else {
                "place"
            };
            wp(field, place)?;
            wp("of", of)?;
            if crate::geodesy::Compass8::parse(direction).is_none() {
                return Err(invalid(format!(
                    "`direction` = \"{direction}\" is not a compass direction (north, north-east, …)"
                )));
            }
            Ok(())
        }
        ClaimKind::Timeline {
            from_event,
            to_event,
            duration,
            when,
        } => {
            ev("from_event", from_event)?;
            ev("to_event", to_event)?;
            if duration.is_some() && when.is_some() {
                return Err(invalid(
                    "give `duration` or `when`, not both: one claim, one figure".to_string(),
                ));
            }
            match duration {
                Some(d) => dim("duration", d, Dimension::Duration),
                None => Ok(()),
            }
        }
        ClaimKind::Flight {
            from,
            to,
            aircraft,
            duration,
        } => {
            wp("from", from)?;
            wp("to", to)?;
            if let Some(aircraft) = aircraft
                && !matches!(crate::aircraft::find(aircraft), Ok(Some(_)))
            {
                return Err(invalid(format!(
                    "aircraft \"{aircraft}\" is not in the aircraft table (known: {})",
                    crate::aircraft::names().join(", ")
                )));
            }
            dim("duration", duration, Dimension::Duration)
        }
        ClaimKind::TimeZone {
            place, of, date, ..
        } => {
            wp("place", place)?;
            wp("of", of)?;
            match date {
                Some(d) => super::claim::parse_date(d).map(|_| ()).map_err(invalid),
                None => Ok(()),
            }
        }
        ClaimKind::Interval {
            since,
            until,
            value,
        } => {
            super::claim::parse_date(since).map_err(|m| invalid(format!("`since`: {m}")))?;
            super::claim::parse_date(until).map_err(|m| invalid(format!("`until`: {m}")))?;
            super::claim::IntervalAmount::parse(value)
                .map_err(|m| invalid(format!("`value`: {m}")))?;
            Ok(())
        }
        ClaimKind::Nearest { place, to, among } => {
            wp("place", place)?;
            wp("to", to)?;
            if among.is_empty() {
                return Err(invalid("`among` lists no waypoints to compare with".into()));
            }
            among.iter().try_for_each(|a| wp("among", a))
        }
    }
}
