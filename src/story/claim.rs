//! The claim schema: what a story file says an article claims, one TOML table per claim,
//! tagged by `kind`. Quantities are written as the article wrote them ("about 425 miles",
//! "less than 40 mph") and parsed here; references name waypoint and event ids.

use serde::de::{Deserializer, Error as _};
use serde::{Deserialize, Serialize};

use super::hedge::Hedge;
use super::time_idiom::{DayRelation, ZoneOffset};
use crate::units::{self, Dimension, Quantity};

/// A quantity as a claim states it: its hedge, its value (or range) and any conversion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Amount {
    /// The text as written in the story file.
    pub text: String,
    /// The hedge word ("about", "at least"), which sets the tolerance.
    pub hedge: Hedge,
    /// The figure or range, its unit and any conversion in parentheses.
    pub quantity: Quantity,
}

impl TryFrom<String> for Amount {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        let (hedge, rest) = Hedge::split(&text);
        let quantity = units::parse_quantity(rest).map_err(|e| e.to_string())?;
        if quantity.value.hi == 0.0 {
            return Err(zero(&text, &quantity.dimension().to_string()));
        }
        Ok(Amount {
            hedge,
            quantity,
            text,
        })
    }
}

/// The sentence for a zero figure ("0 km", "0 hours"): it has no size to compare with, so
/// no deviation in per cent, and no journey covers it.
fn zero(text: &str, what: &str) -> String {
    format!(
        "\"{text}\" is zero: a {what} of nothing cannot be checked against a journey (no deviation in per cent can be measured from zero); write the figure the article gives, or leave the claim out"
    )
}

impl From<Amount> for String {
    fn from(a: Amount) -> String {
        a.text
    }
}

impl Amount {
    /// The claimed value range in SI units (m, m/s, s).
    pub fn si(&self) -> (f64, f64) {
        (self.quantity.value.lo_si(), self.quantity.value.hi_si())
    }
    /// What the amount measures: a length, a speed or a duration.
    pub fn dimension(&self) -> Dimension {
        self.quantity.dimension()
    }
    /// The tolerance the wording implies, in words, naming the words the claim used; a
    /// range's applies beyond its ends.
    pub fn tolerance(&self) -> String {
        let v = self.quantity.value;
        let t = self.text.trim_start();
        let (_, rest) = Hedge::split(t);
        let phrase = &t[..t.len() - rest.len()];
        self.hedge.tolerance_named(v.lo, v.hi, phrase)
    }
}

/// How a distance claim is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DistanceMeasure {
    /// Along the story's legs (by rail: the railway's chainage where known).
    #[default]
    Route,
    /// The straight line (geodesic on the WGS84 ellipsoid).
    Straight,
    /// Not said ("60 miles west of Port-au-Prince", read from an article): the straight line
    /// or the way by road. The straight line is the lower bound and the road band the usual
    /// range, so a figure between them is plausible, not refuted.
    Unstated,
}

/// What a claim asserts, by kind. Field names are the TOML keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClaimKind {
    /// "a 1,200 kilometre journey": the distance between two waypoints.
    Distance {
        /// The id of the waypoint the distance is measured from.
        from: String,
        /// The id of the waypoint the distance is measured to.
        to: String,
        /// The claimed distance ("about 425 miles").
        value: Amount,
        /// Along the route (the default) or the straight line.
        #[serde(default)]
        measure: DistanceMeasure,
    },
    /// "1,200 km at around 60 km/h takes at least 20 hours": the article's own arithmetic,
    /// or, with `from`/`to` instead of `distance`, the route's length at that speed.
    DurationAtSpeed {
        /// The distance the article states, if it states one.
        #[serde(skip_serializing_if = "Option::is_none")]
        distance: Option<Amount>,
        /// The id of the waypoint the route is measured from, instead of `distance`.
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        /// The id of the waypoint the route is measured to, instead of `distance`.
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<String>,
        /// The speed the article states ("around 60 km/h").
        speed: Amount,
        /// The duration the article states ("at least 20 hours").
        duration: Amount,
    },
    /// "cut the journey from the usual 2 hours 35 minutes to 2 hours 15 minutes", "saving 40
    /// minutes": a trip's time before and after a change, and the time saved. With all three
    /// the article's own arithmetic is checked (before − after = saved); with `from` and `to`,
    /// the new time (`after`, else `before` − `saved`) is checked on the route at `speed`.
    Saving {
        /// The id of the waypoint the trip starts at.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        /// The id of the waypoint the trip ends at.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<String>,
        /// The usual or former time ("the usual 2 hours 35 minutes").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<Amount>,
        /// The new time ("2 hours 15 minutes").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<Amount>,
        /// The time saved ("more than 30 minutes faster").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        saved: Option<Amount>,
        /// The speeds the new time is checked at ("up to 300 km/h"); without one the route
        /// alone cannot bound it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        speed: Option<Amount>,
    },
    /// "moves at speeds of less than 40 mph": compared with the average speed the timeline
    /// implies between two events (and paired with other speed claims on the same topic).
    /// By default the claim is about the moving speed, which the timeline's average (stops
    /// included) can only refute from above; with `average = true` it is about the average.
    Speed {
        /// The claimed speed ("less than 40 mph").
        value: Amount,
        /// The id of the timeline event the speed is measured from.
        #[serde(skip_serializing_if = "Option::is_none")]
        from_event: Option<String>,
        /// The id of the timeline event the speed is measured to.
        #[serde(skip_serializing_if = "Option::is_none")]
        to_event: Option<String>,
        /// True when the claim is about the average speed, stops included.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        average: bool,
    },
    /// "1,200 kilometre (745 miles)": is the conversion in parentheses consistent?
    Conversion {
        /// The figure with its conversion ("1,200 kilometre (745 miles)").
        value: Amount,
    },
    /// "Khasan, south of Vladivostok": the bearing from `of` to `place`.
    Direction {
        /// The id of the waypoint whose direction is claimed.
        place: String,
        /// The id of the waypoint the direction is taken from.
        of: String,
        /// The claimed direction as written ("south", "north-east").
        direction: String,
    },
    /// "crossed the Razdolnaya River, north of Vladivostok": where the route meets a line
    /// feature (a river), and its bearing from `of`.
    Crossing {
        /// The id of the waypoint of the line crossed (a river).
        feature: String,
        /// The id of the waypoint the crossing's bearing is taken from.
        of: String,
        /// The claimed direction of the crossing from `of` ("north").
        direction: String,
    },
    /// "left Sunday afternoon … crossed into Russia early Tuesday": the elapsed time between
    /// two events and the average speed it implies; with `duration`, that figure is checked.
    Timeline {
        /// The id of the earlier event.
        from_event: String,
        /// The id of the later event.
        to_event: String,
        /// The elapsed time the article states, if it states one.
        #[serde(skip_serializing_if = "Option::is_none")]
        duration: Option<Amount>,
        /// "the previous day", "overnight", "the same day": how the events' local calendar
        /// days relate (instead of a duration).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<DayRelation>,
    },
    /// "an An-148 flew for about an hour": the geodesic at the aircraft's cruise speed, up to
    /// the block time (taxi, take-off, climb-out and approach added). Without `aircraft` an
    /// Airbus A320 is assumed, and the verdict says so.
    Flight {
        /// The id of the waypoint the flight leaves from.
        from: String,
        /// The id of the waypoint the flight lands at.
        to: String,
        /// The aircraft type as the article names it ("An-148").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        aircraft: Option<String>,
        /// The claimed flight time ("about an hour").
        duration: Amount,
    },
    /// "Vladivostok is one hour ahead of Pyongyang": the offset between the two places' time
    /// zones on `date` (default: the date of the story's first event).
    TimeZone {
        /// The id of the waypoint whose offset is claimed.
        place: String,
        /// The id of the waypoint the offset is relative to.
        of: String,
        /// The claimed offset ("one hour ahead").
        offset: ZoneOffset,
        /// The date the zones are compared on (YYYY-MM-DD).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
    },
    /// "the first such visit in nearly 4 1/2 years": the time between two dates.
    Interval {
        /// The earlier date (YYYY-MM-DD, or YYYY-MM for a month).
        since: String,
        /// The later date, in the same forms.
        until: String,
        /// The claimed interval as written ("nearly 4 1/2 years").
        value: String,
    },
    /// "Vladivostok, the Far East city closest to the border": `place` is nearer to `to`
    /// than each of `among`.
    Nearest {
        /// The id of the waypoint claimed to be nearest.
        place: String,
        /// The id of the waypoint distances are measured to.
        to: String,
        /// The ids of the waypoints it is claimed to be nearer than.
        among: Vec<String>,
    },
}

impl ClaimKind {
    /// The `kind` tag as written in TOML.
    pub fn name(&self) -> &'static str {
        match self {
            ClaimKind::Distance { .. } => "distance",
            ClaimKind::DurationAtSpeed { .. } => "duration_at_speed",
            ClaimKind::Saving { .. } => "saving",
            ClaimKind::Speed { .. } => "speed",
            ClaimKind::Conversion { .. } => "conversion",
            ClaimKind::Direction { .. } => "direction",
            ClaimKind::Crossing { .. } => "crossing",
            ClaimKind::Timeline { .. } => "timeline",
            ClaimKind::Flight { .. } => "flight",
            ClaimKind::Interval { .. } => "interval",
            ClaimKind::TimeZone { .. } => "time_zone",
            ClaimKind::Nearest { .. } => "nearest",
        }
    }
}

/// The claim kinds, for messages.
pub const KINDS: &str = "distance, duration_at_speed, saving, speed, conversion, direction, crossing, timeline, flight, interval, nearest, time_zone";

/// A claim as the story file states it: who said it, the words, and what it asserts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimSpec {
    /// Unique within the story ("afp-distance").
    pub id: String,
    /// The outlet that published it ("AFP").
    pub outlet: String,
    /// The sentence, quoted.
    pub quote: String,
    /// Claims sharing a topic ("train-speed") are compared with each other.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[serde(flatten)]
    /// What the claim asserts, with its kind's own fields.
    pub kind: ClaimKind,
}

impl<'de> Deserialize<'de> for ClaimSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut t = toml::Table::deserialize(d)?;
        let mut take = |key: &'static str| -> Result<Option<String>, D::Error> {
            match t.remove(key) {
                None => Ok(None),
                Some(toml::Value::String(s)) => Ok(Some(s)),
                Some(other) => Err(D::Error::custom(format!(
                    "claim field `{key}` must be a string, not {}",
                    other.type_str()
                ))),
            }
        };
        let id = take("id")?.ok_or_else(|| D::Error::missing_field("id"))?;
        let name = format!("claim \"{id}\"");
        let outlet = take("outlet")?
            .ok_or_else(|| D::Error::custom(format!("{name}: missing field `outlet`")))?;
        let quote = take("quote")?
            .ok_or_else(|| D::Error::custom(format!("{name}: missing field `quote`")))?;
        let topic = take("topic")?;
        let kind_name = match t.get("kind") {
            Some(toml::Value::String(k)) => k.clone(),
            _ => {
                return Err(D::Error::custom(format!(
                    "{name}: missing field `kind` (one of {KINDS})"
                )));
            }
        };
        let kind: ClaimKind = toml::Value::Table(t)
            .try_into()
            .map_err(|e: toml::de::Error| {
                D::Error::custom(format!(
                    "{name} (kind = \"{kind_name}\"): {}",
                    e.message().trim()
                ))
            })?;
        Ok(ClaimSpec {
            id,
            outlet,
            quote,
            topic,
            kind,
        })
    }
}

/// Reads a date: "2019-04-25", or a month "2019-04" (its 1st).
pub(crate) fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let t = s.trim();
    let full = if t.len() == 7 {
        format!("{t}-01")
    } else {
        t.to_string()
    };
    full.parse::<jiff::civil::Date>()
        .map_err(|e| format!("\"{s}\" is not a date like 2019-04-25 ({e})"))
}

/// A span of time as a claim writes it ("nearly 4 1/2 years"): hedge, value and unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntervalAmount {
    /// The hedge word, which sets the tolerance.
    pub hedge: Hedge,
    /// The claimed value, in seconds.
    pub seconds: f64,
    /// The unit it was written in.
    pub unit: TimeUnit,
    /// Written as "the first … in four years": none in the four years before, so at least
    /// that long (unless a hedge of its own says otherwise: "in nearly 4 1/2 years").
    pub first_in: bool,
}

/// A calendar unit of an interval claim. Years are 365.2425 days (the Gregorian mean) and
/// months a twelfth of that.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeUnit {
    /// Its name as printed ("years").
    pub symbol: &'static str,
    /// Its length in seconds.
    pub seconds: f64,
}

const DAY_S: f64 = 86_400.0;
const YEAR_S: f64 = 365.2425 * DAY_S;

impl IntervalAmount {
    /// Reads "nearly 4 1/2 years" into its hedge, value in seconds and unit. The idiom "the
    /// first trip abroad in four years" means at least four years since the last one.
    ///
    /// ```
    /// use routecheck::story::{Hedge, IntervalAmount};
    /// let a = IntervalAmount::parse("first trip abroad in four years").unwrap();
    /// assert_eq!((a.hedge, a.first_in), (Hedge::AtLeast, true));
    /// let a = IntervalAmount::parse("the first such visit in nearly 4 1/2 years").unwrap();
    /// assert_eq!(a.hedge, Hedge::Nearly);
    /// ```
    pub fn parse(s: &str) -> Result<IntervalAmount, String> {
        let lower = s.to_ascii_lowercase();
        let first_in = lower.split_whitespace().any(|w| w == "first") && lower.contains(" in ");
        let amount = match lower.rfind(" in ") {
            Some(i) if first_in => &s[i + 4..],
            _ => s,
        };
        let (hedge, rest) = Hedge::split(amount);
        let hedge = if first_in && hedge == Hedge::Plain {
            Hedge::AtLeast
        } else {
            hedge
        };
        let rest = rest.trim();
        let (num, unit) = rest.rsplit_once(char::is_whitespace).ok_or_else(|| {
            format!("\"{s}\": write a number and a unit, e.g. \"nearly 4 1/2 years\"")
        })?;
        let (symbol, seconds) = match unit.to_ascii_lowercase().trim_end_matches('s') {
            "year" => ("years", YEAR_S),
            "month" => ("months", YEAR_S / 12.0),
            "week" => ("weeks", 7.0 * DAY_S),
            "day" => ("days", DAY_S),
            other => return Err(format!("\"{other}\" is not years, months, weeks or days")),
        };
        let v = crate::units::parse_number_words(num)
            .ok_or_else(|| format!("\"{num}\" is not a number"))?;
        if v == 0.0 {
            return Err(zero(s, "span of time"));
        }
        Ok(IntervalAmount {
            hedge,
            seconds: v * seconds,
            unit: TimeUnit { symbol, seconds },
            first_in,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::claim_validate::{Error, validate};

    fn parse(toml_text: &str) -> Result<ClaimSpec, String> {
        toml::from_str::<ClaimSpec>(toml_text).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_each_kind() {
        let c = parse(
            "id = \"x\"\noutlet = \"AP\"\nquote = \"q\"\nkind = \"distance\"\nfrom = \"a\"\nto = \"b\"\nvalue = \"about 425 miles\"\nmeasure = \"straight\"\n",
        )
        .unwrap();
        match &c.kind {
            ClaimKind::Distance { value, measure, .. } => {
                assert_eq!(value.hedge, Hedge::About);
                assert_eq!(*measure, DistanceMeasure::Straight);
                assert!((value.si().0 - 425.0 * 1609.344).abs() < 1e-6);
            }
            other => panic!("{other:?}"),
        }
        let c = parse("id = \"y\"\noutlet = \"UPI\"\nquote = \"q\"\nkind = \"speed\"\nvalue = \"less than 40 mph\"\ntopic = \"train-speed\"\n").unwrap();
        assert_eq!(c.topic.as_deref(), Some("train-speed"));
        assert_eq!(c.kind.name(), "speed");
    }

    #[test]
    fn errors_name_the_claim_and_the_problem() {
        let e =
            parse("id = \"x\"\noutlet = \"AP\"\nquote = \"q\"\nkind = \"distanse\"\n").unwrap_err();
        assert!(e.contains("claim \"x\"") && e.contains("distanse"), "{e}");
        let e = parse("id = \"x\"\noutlet = \"AP\"\nquote = \"q\"\nkind = \"conversion\"\nvalue = \"40 furlongs\"\n").unwrap_err();
        assert!(e.contains("furlongs"), "{e}");
        let e = parse("id = \"x\"\noutlet = \"AP\"\nquote = \"q\"\nkind = \"conversion\"\nvalue = \"4 km (2.5 mi)\"\ncolour = 1\n").unwrap_err();
        assert!(e.contains("colour"), "{e}");
        let e = parse("id = \"x\"\nquote = \"q\"\nkind = \"conversion\"\n").unwrap_err();
        assert!(e.contains("outlet"), "{e}");
    }

    /// Issue 14: "0 km" and "0 hours" get a sentence that says why, never "NaN %".
    #[test]
    fn regression_issue_14_zero_figures_are_refused_with_a_sentence() {
        for text in ["0 km", "0 hours", "about 0 km/h", "zero miles"] {
            let e = Amount::try_from(text.to_string()).unwrap_err();
            assert!(e.contains("is zero") && !e.contains("NaN"), "{text}: {e}");
        }
        let e = IntervalAmount::parse("0 years").unwrap_err();
        assert!(e.contains("is zero"), "{e}");
        // A range from zero is still a figure.
        assert!(Amount::try_from("0-60 km/h".to_string()).is_ok());
        let e = parse("id = \"x\"\noutlet = \"AP\"\nquote = \"q\"\nkind = \"distance\"\nfrom = \"a\"\nto = \"b\"\nvalue = \"0 km\"\n").unwrap_err();
        assert!(e.contains("is zero"), "{e}");
    }

    #[test]
    fn validation_checks_references_and_dimensions() {
        let c = parse("id = \"x\"\noutlet = \"AP\"\nquote = \"q\"\nkind = \"distance\"\nfrom = \"a\"\nto = \"bb\"\nvalue = \"5 km\"\n").unwrap();
        let e = validate(&c, &["a", "b"], &[]).unwrap_err();
        assert!(e.to_string().contains("\"bb\" is not a waypoint id"));
        assert!(e.help().contains("did you mean \"b\""));
        let c = parse("id = \"x\"\noutlet = \"AP\"\nquote = \"q\"\nkind = \"distance\"\nfrom = \"a\"\nto = \"b\"\nvalue = \"5 hours\"\n").unwrap();
        assert!(matches!(
            validate(&c, &["a", "b"], &[]),
            Err(Error::WrongDimension { .. })
        ));
        let c = parse(
            "id = \"x\"\noutlet = \"AP\"\nquote = \"q\"\nkind = \"conversion\"\nvalue = \"5 km\"\n",
        )
        .unwrap();
        assert!(validate(&c, &[], &[]).is_err());
        let c = parse("id = \"x\"\noutlet = \"AP\"\nquote = \"q\"\nkind = \"flight\"\nfrom = \"a\"\nto = \"b\"\naircraft = \"Concorde 9000\"\nduration = \"an hour\"\n").unwrap();
        assert!(
            validate(&c, &["a", "b"], &[])
                .unwrap_err()
                .to_string()
                .contains("aircraft table")
        );
    }
}
