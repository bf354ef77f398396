//! Idioms of time as news copy writes them: "the previous day", "overnight", "the same day"
//! (how two events' calendar days relate) and "one hour ahead of" (a time-zone offset between
//! two places). Parsed here, where the claim schema lives; checked in `claims`.

use serde::{Deserialize, Serialize};

use super::hedge::Hedge;

/// How two events' local calendar days relate, as a timeline claim's `when` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum DayRelation {
    /// "on the same day": both events on one local date.
    SameDay,
    /// "the previous day", "the day before": the first event on the local date before the
    /// second's.
    PreviousDay,
    /// "overnight": the second event on the local date after the first's, less than 24 hours
    /// later (a night between them, not a day and a night).
    Overnight,
}

/// The phrases each relation is written as, lower case.
const DAY_PHRASES: &[(&str, DayRelation)] = &[
    ("the same day", DayRelation::SameDay),
    ("same day", DayRelation::SameDay),
    ("that day", DayRelation::SameDay),
    ("the previous day", DayRelation::PreviousDay),
    ("previous day", DayRelation::PreviousDay),
    ("the day before", DayRelation::PreviousDay),
    ("the day earlier", DayRelation::PreviousDay),
    ("overnight", DayRelation::Overnight),
];

impl DayRelation {
    /// The relation a phrase names.
    ///
    /// ```
    /// use routecheck::story::DayRelation;
    /// assert_eq!(DayRelation::parse("The previous day"), Ok(DayRelation::PreviousDay));
    /// assert!(DayRelation::parse("last week").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<DayRelation, String> {
        let t = text.trim().to_ascii_lowercase();
        DAY_PHRASES
            .iter()
            .find(|(p, _)| *p == t)
            .map(|(_, r)| *r)
            .ok_or_else(|| {
                format!(
                    "\"{text}\" is not a day relation: write \"the same day\", \"the previous day\" or \"overnight\""
                )
            })
    }
    /// The phrase as printed.
    pub fn phrase(self) -> &'static str {
        match self {
            DayRelation::SameDay => "the same day",
            DayRelation::PreviousDay => "the previous day",
            DayRelation::Overnight => "overnight",
        }
    }
}

impl TryFrom<String> for DayRelation {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        DayRelation::parse(&s)
    }
}

impl From<DayRelation> for String {
    fn from(r: DayRelation) -> String {
        r.phrase().to_string()
    }
}

/// A time-zone offset claim: "Vladivostok is one hour ahead of Pyongyang".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ZoneOffset {
    /// The text as written ("one hour ahead").
    pub text: String,
    /// The hedge word ("about"), which sets the tolerance.
    pub hedge: Hedge,
    /// The claimed offset of `place` from `of`, in seconds: positive ahead, negative behind.
    pub seconds: f64,
}

impl ZoneOffset {
    /// Reads "one hour ahead", "30 minutes behind", "an hour and a half ahead", "the same
    /// time".
    ///
    /// ```
    /// use routecheck::story::ZoneOffset;
    /// assert_eq!(ZoneOffset::parse("one hour ahead").unwrap().seconds, 3600.0);
    /// assert_eq!(ZoneOffset::parse("30 minutes behind").unwrap().seconds, -1800.0);
    /// assert_eq!(ZoneOffset::parse("the same time").unwrap().seconds, 0.0);
    /// ```
    pub fn parse(text: &str) -> Result<ZoneOffset, String> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let lower = lower.trim_end_matches(" of");
        if matches!(lower, "the same time" | "same time" | "the same time zone") {
            return Ok(ZoneOffset {
                text: t.to_string(),
                hedge: Hedge::Exactly,
                seconds: 0.0,
            });
        }
        let (sign, amount) = if let Some(a) = lower.strip_suffix(" ahead") {
            (1.0, a)
        } else if let Some(a) = lower.strip_suffix(" behind") {
            (-1.0, a)
        } else {
            return Err(format!(
                "\"{text}\" does not say ahead or behind: write e.g. \"one hour ahead\" or \"30 minutes behind\""
            ));
        };
        let (hedge, amount) = Hedge::split(amount);
        let amount = amount.trim_start_matches("exactly ").trim();
        let q = crate::units::parse_duration(amount)
            .map_err(|e| format!("\"{text}\": {e}; write e.g. \"one hour ahead\""))?;
        Ok(ZoneOffset {
            text: t.to_string(),
            hedge,
            seconds: sign * q.as_secs_f64(),
        })
    }
}

impl TryFrom<String> for ZoneOffset {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        ZoneOffset::parse(&s)
    }
}

impl From<ZoneOffset> for String {
    fn from(z: ZoneOffset) -> String {
        z.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 14: the idioms of time news copy uses.
    #[test]
    fn regression_issue_14_day_relations_and_zone_offsets() {
        assert_eq!(DayRelation::parse("overnight"), Ok(DayRelation::Overnight));
        assert_eq!(
            DayRelation::parse("the day before"),
            Ok(DayRelation::PreviousDay)
        );
        assert_eq!(DayRelation::parse("Same day"), Ok(DayRelation::SameDay));
        assert!(
            DayRelation::parse("yesterday")
                .unwrap_err()
                .contains("the previous day")
        );
        let z = ZoneOffset::parse("one hour ahead of").unwrap();
        assert_eq!((z.seconds, z.hedge), (3600.0, Hedge::Plain));
        assert_eq!(
            ZoneOffset::parse("an hour and a half behind")
                .unwrap()
                .seconds,
            -5400.0
        );
        assert_eq!(
            ZoneOffset::parse("half an hour behind").unwrap().seconds,
            -1800.0
        );
        assert_eq!(
            ZoneOffset::parse("about two hours ahead").unwrap().hedge,
            Hedge::About
        );
        assert!(
            ZoneOffset::parse("one hour later")
                .unwrap_err()
                .contains("ahead or behind")
        );
    }
}
