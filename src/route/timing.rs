//! Timing: how long a route takes at a speed or a speed range, with dwell times, and what the
//! times a story reports imply.
//!
//! Event times are local wall-clock times in IANA zones (`Asia/Pyongyang`, `Asia/Vladivostok`),
//! resolved with `jiff`'s bundled time-zone database, which knows that Pyongyang kept UTC+8:30
//! from 15 August 2015 to 4 May 2018. A vague time ("Sunday afternoon") is a [`TimeWindow`], so
//! elapsed times and implied speeds come out as ranges.
//!
//! ```
//! use routecheck::route::timing::{elapsed, implied_speed, PartOfDay, TimeWindow};
//! use routecheck::units::Length;
//! // "left Pyongyang Sunday afternoon … reached Khasan at 6 a.m. Tuesday"
//! let left = TimeWindow::part_of_day("2023-09-10", PartOfDay::Afternoon, "Asia/Pyongyang").unwrap();
//! let arrived = TimeWindow::at("2023-09-12T06:00", "Asia/Vladivostok").unwrap();
//! let took = elapsed(&left, &arrived).unwrap();
//! assert_eq!((took.min.as_secs() / 3600, took.max.as_secs() / 3600), (35, 41));
//! let (slow, fast) = implied_speed(Length::km(857.3), &took).unwrap();
//! assert!((slow.as_kmh() - 20.9).abs() < 0.05 && (fast.as_kmh() - 24.5).abs() < 0.05);
//! ```

use std::time::Duration;

use jiff::ZonedDateTime;
use jiff::civil::{DateTime, Time};

use crate::units::{Length, Speed};

/// Why a timing question could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read \"{text}\" as a local date and time; write it like 2023-09-10T15:00")]
    /// The text is not a local date and time in ISO form.
    BadTime {
        /// The text as given.
        text: String,
    },
    #[error(
        "unknown time zone \"{name}\"; use an IANA name such as Asia/Pyongyang or Asia/Vladivostok"
    )]
    /// The name is not an IANA time zone the bundled database knows.
    UnknownZone {
        /// The zone name as given.
        name: String,
    },
    #[error(
        "\"{text}\" in {zone} is outside the times routecheck can work with (the years -9999 to 9999, less a day at each end)"
    )]
    /// A date and time too near the end (or start) of the representable range.
    OutOfRange {
        /// The time as given.
        text: String,
        /// The zone it was read in.
        zone: String,
    },
    #[error(
        "a speed of {low} is below {} km/h: no journey is timed at that speed; check the figure and its unit",
        crate::story::limits::MIN_TRAVEL_SPEED_KMH
    )]
    /// A speed range whose low bound is below [`crate::story::limits::MIN_TRAVEL_SPEED_KMH`].
    TooSlow {
        /// The low bound given.
        low: Speed,
    },
    #[error("a speed range needs 0 < low ≤ high; got {low} to {high}")]
    /// A speed range with a bound that is zero, negative or not finite, or with low above high.
    BadSpeedRange {
        /// The low bound given.
        low: Speed,
        /// The high bound given.
        high: Speed,
    },
    #[error("the later event ({later}) is before the earlier one ({earlier})")]
    /// The event that should come later is wholly before the earlier one.
    OutOfOrder {
        /// The start of the earlier event's window (RFC 3339 with zone).
        earlier: String,
        /// The end of the later event's window (RFC 3339 with zone).
        later: String,
    },
    #[error("no time passes between the two events, so no speed can be implied")]
    /// The two events can be at the same instant, so the elapsed time may be zero.
    NoTimeElapsed,
}

/// A speed, or a range of speeds ("40–60 km/h").
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct SpeedRange {
    /// The slowest speed of the range.
    pub low: Speed,
    /// The fastest speed of the range (equal to `low` for one speed).
    pub high: Speed,
}

impl SpeedRange {
    /// A range; refuses non-positive, non-finite or reversed bounds.
    pub fn new(low: Speed, high: Speed) -> Result<SpeedRange, Error> {
        let ok = |s: Speed| s.as_mps().is_finite() && s.as_mps() > 0.0;
        if !ok(low) || !ok(high) || low > high {
            return Err(Error::BadSpeedRange { low, high });
        }
        if low.as_kmh() < crate::story::limits::MIN_TRAVEL_SPEED_KMH {
            return Err(Error::TooSlow { low });
        }
        Ok(SpeedRange { low, high })
    }
    /// A single speed.
    pub fn exact(speed: Speed) -> Result<SpeedRange, Error> {
        SpeedRange::new(speed, speed)
    }
}

/// A range of durations, shortest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DurationRange {
    /// The shortest duration.
    pub min: Duration,
    /// The longest duration.
    pub max: Duration,
}

/// One leg's timing inputs: its length, the speed range, and the time stopped at its end
/// (e.g. the bogie change at the border).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LegTiming {
    /// The leg's length.
    pub length: Length,
    /// The speeds the leg may be travelled at.
    pub speed: SpeedRange,
    /// Time stopped at the end of the leg.
    pub dwell: Duration,
}

/// Time to cover `length` at `speed` plus `dwell`: the fast end of the range gives the minimum.
///
/// ```
/// use std::time::Duration;
/// use routecheck::{route::timing::{travel_time, SpeedRange}, units::{Length, Speed}};
/// let v = SpeedRange::new(Speed::kmh(40.0), Speed::kmh(60.0)).unwrap();
/// let t = travel_time(Length::km(1200.0), v, Duration::from_secs(2 * 3600));
/// assert_eq!((t.min.as_secs() / 3600, t.max.as_secs() / 3600), (22, 32));
/// ```
pub fn travel_time(length: Length, speed: SpeedRange, dwell: Duration) -> DurationRange {
    DurationRange {
        min: length / speed.high + dwell,
        max: length / speed.low + dwell,
    }
}

/// The sum of the legs' travel times.
pub fn route_time(legs: &[LegTiming]) -> DurationRange {
    legs.iter()
        .map(|l| travel_time(l.length, l.speed, l.dwell))
        .fold(
            DurationRange {
                min: Duration::ZERO,
                max: Duration::ZERO,
            },
            |acc, t| DurationRange {
                min: acc.min.saturating_add(t.min),
                max: acc.max.saturating_add(t.max),
            },
        )
}

/// Parts of a day that stories name, as local-time windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfDay {
    /// 00:00–06:00 ("early Tuesday", "in the early hours").
    EarlyHours,
    /// 06:00–12:00.
    Morning,
    /// 12:00–18:00.
    Afternoon,
    /// 18:00–22:00.
    Evening,
    /// 22:00 to 06:00 the next day.
    Night,
}

impl PartOfDay {
    /// Reads "early", "early hours", "morning", "afternoon", "evening", "night".
    pub fn parse(word: &str) -> Option<PartOfDay> {
        Some(match word.trim().to_ascii_lowercase().as_str() {
            "early" | "early hours" | "early morning" | "the early hours" => PartOfDay::EarlyHours,
            "morning" => PartOfDay::Morning,
            "afternoon" => PartOfDay::Afternoon,
            "evening" => PartOfDay::Evening,
            "night" | "overnight" => PartOfDay::Night,
            _ => return None,
        })
    }
    /// (start hour, length in hours).
    fn span(self) -> (i8, i64) {
        match self {
            PartOfDay::EarlyHours => (0, 6),
            PartOfDay::Morning => (6, 6),
            PartOfDay::Afternoon => (12, 6),
            PartOfDay::Evening => (18, 4),
            PartOfDay::Night => (22, 8),
        }
    }
}

/// A moment known to lie between two instants, kept in its local zone.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeWindow {
    /// The earliest instant the moment can be, in its local zone.
    pub earliest: ZonedDateTime,
    /// The latest instant the moment can be, in the same zone.
    pub latest: ZonedDateTime,
}

impl TimeWindow {
    /// An exact local time, "2023-09-12T06:00" (a space may replace the T) in zone `tz`; or
    /// an instant with its UTC offset, "2023-09-10T15:00+09:00" (or "…Z"), shown in `tz`.
    pub fn at(local: &str, tz: &str) -> Result<TimeWindow, Error> {
        let t = match parse_instant(local) {
            Some(instant) => instant.to_zoned_datetime(time_zone(tz)?),
            None => zoned(parse_local(local)?, tz)?,
        };
        Ok(TimeWindow {
            earliest: t.clone(),
            latest: t,
        })
    }

    /// A local time give or take `slack` ("about 6 a.m.").
    pub fn around(local: &str, tz: &str, slack: Duration) -> Result<TimeWindow, Error> {
        let t = zoned(parse_local(local)?, tz)?;
        let s = jiff::SignedDuration::try_from(slack).unwrap_or(jiff::SignedDuration::MAX);
        Ok(TimeWindow {
            earliest: t.saturating_sub(s),
            latest: t.saturating_add(s),
        })
    }

    /// A part of a local day: `date` as "2023-09-10".
    pub fn part_of_day(date: &str, part: PartOfDay, tz: &str) -> Result<TimeWindow, Error> {
        let d: jiff::civil::Date = date.trim().parse().map_err(|_| Error::BadTime {
            text: date.to_string(),
        })?;
        let (h, len) = part.span();
        let start = zoned(d.to_datetime(Time::constant(h, 0, 0, 0)), tz)?;
        let end = start.saturating_add(jiff::SignedDuration::from_hours(len));
        Ok(TimeWindow {
            earliest: start,
            latest: end,
        })
    }

    /// A window between two civil (wall-clock) times in zone `tz`, as a story's timeline gives
    /// them; refuses a window that ends before it starts.
    pub fn from_civil(earliest: DateTime, latest: DateTime, tz: &str) -> Result<TimeWindow, Error> {
        let (a, b) = (zoned(earliest, tz)?, zoned(latest, tz)?);
        if b < a {
            return Err(Error::OutOfOrder {
                earlier: a.to_string(),
                later: b.to_string(),
            });
        }
        Ok(TimeWindow {
            earliest: a,
            latest: b,
        })
    }

    /// The UTC offset in force at the window's start, e.g. "+08:30".
    pub fn utc_offset(&self) -> String {
        self.earliest.offset().to_string()
    }
}

fn parse_local(text: &str) -> Result<DateTime, Error> {
    text.trim()
        .replacen(' ', "T", 1)
        .parse()
        .map_err(|_| Error::BadTime {
            text: text.to_string(),
        })
}

/// An instant written with its UTC offset ("2023-09-10T15:00+09:00", "…Z"), if the text is
/// one: a local time with an offset must not be read as local time in another zone.
fn parse_instant(text: &str) -> Option<jiff::Timestamp> {
    text.trim().replacen(' ', "T", 1).parse().ok()
}

fn time_zone(tz: &str) -> Result<jiff::tz::TimeZone, Error> {
    jiff::tz::TimeZone::get(tz).map_err(|_| Error::UnknownZone {
        name: tz.to_string(),
    })
}

/// A civil time in zone `tz`: an unknown zone and a time outside the representable range are
/// told apart (`9999-12-31T23:59` used to be blamed on its zone).
fn zoned(dt: DateTime, tz: &str) -> Result<ZonedDateTime, Error> {
    time_zone(tz)?
        .to_zoned_datetime(dt)
        .map_err(|_| Error::OutOfRange {
            text: dt.to_string(),
            zone: tz.to_string(),
        })
}

fn to_duration(d: jiff::SignedDuration) -> Duration {
    Duration::try_from(d).unwrap_or(Duration::ZERO)
}

/// Time elapsed between two events: shortest (latest start to earliest end) and longest.
pub fn elapsed(from: &TimeWindow, to: &TimeWindow) -> Result<DurationRange, Error> {
    let longest = from.earliest.duration_until(&to.latest);
    if longest.is_negative() {
        return Err(Error::OutOfOrder {
            earlier: from.earliest.to_string(),
            later: to.latest.to_string(),
        });
    }
    let shortest = from.latest.duration_until(&to.earliest);
    Ok(DurationRange {
        min: to_duration(shortest),
        max: to_duration(longest),
    })
}

/// The average speed over `length` that an elapsed-time range implies: (slowest, fastest).
pub fn implied_speed(length: Length, elapsed: &DurationRange) -> Result<(Speed, Speed), Error> {
    if elapsed.min.is_zero() {
        return Err(Error::NoTimeElapsed);
    }
    Ok((length / elapsed.max, length / elapsed.min))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pyongyang_time_was_utc_plus_8_30_from_2015_to_2018() {
        let off = |t: &str| TimeWindow::at(t, "Asia/Pyongyang").unwrap().utc_offset();
        assert_eq!(off("2015-08-14T12:00"), "+09");
        assert_eq!(off("2015-08-16T12:00"), "+08:30");
        assert_eq!(off("2018-05-03T12:00"), "+08:30");
        assert_eq!(off("2018-05-06T12:00"), "+09");
        assert_eq!(off("2023-09-10T15:00"), "+09");
        assert_eq!(
            TimeWindow::at("2023-09-12T06:00", "Asia/Vladivostok")
                .unwrap()
                .utc_offset(),
            "+10"
        );
    }

    #[test]
    fn elapsed_across_zones_counts_the_offset() {
        // 2016, Pyongyang on +8:30: 12:00 local is 03:30 UTC; Vladivostok 12:00 (+10) is 02:00 UTC next day.
        let a = TimeWindow::at("2016-06-01T12:00", "Asia/Pyongyang").unwrap();
        let b = TimeWindow::at("2016-06-02T12:00", "Asia/Vladivostok").unwrap();
        let t = elapsed(&a, &b).unwrap();
        assert_eq!(t.min, Duration::from_secs(22 * 3600 + 30 * 60));
        assert_eq!(t.min, t.max);
        assert!(matches!(elapsed(&b, &a), Err(Error::OutOfOrder { .. })));
        assert!(matches!(
            implied_speed(Length::km(1.0), &elapsed(&a, &a).unwrap()),
            Err(Error::NoTimeElapsed)
        ));
    }

    #[test]
    fn the_default_storys_timeline_implies_a_speed_range() {
        let civil = |t: &str| t.parse::<DateTime>().unwrap();
        let left = TimeWindow::from_civil(
            civil("2023-09-10T12:00"),
            civil("2023-09-10T18:00"),
            "Asia/Pyongyang",
        )
        .unwrap();
        let crossed = TimeWindow::from_civil(
            civil("2023-09-12T00:00"),
            civil("2023-09-12T06:00"),
            "Asia/Vladivostok",
        )
        .unwrap();
        let t = elapsed(&left, &crossed).unwrap();
        assert_eq!((t.min.as_secs() / 3600, t.max.as_secs() / 3600), (29, 41));
        // P'yŏngyang – Khasan by the km posts: 857.3 km.
        let (slow, fast) = implied_speed(Length::km(857.3), &t).unwrap();
        assert!((slow.as_kmh() - 20.91).abs() < 0.01 && (fast.as_kmh() - 29.56).abs() < 0.01);
        let backwards =
            TimeWindow::from_civil(civil("2023-09-12T06:00"), civil("2023-09-12T00:00"), "UTC");
        assert!(matches!(backwards, Err(Error::OutOfOrder { .. })));
    }

    #[test]
    fn vague_times_give_ranges() {
        let night =
            TimeWindow::part_of_day("2023-09-11", PartOfDay::Night, "Asia/Vladivostok").unwrap();
        assert_eq!(
            night.latest.to_string(),
            "2023-09-12T06:00:00+10:00[Asia/Vladivostok]"
        );
        let about = TimeWindow::around(
            "2023-09-12 06:00",
            "Asia/Vladivostok",
            Duration::from_secs(1800),
        )
        .unwrap();
        assert_eq!(about.earliest.duration_until(&about.latest).as_secs(), 3600);
        assert_eq!(PartOfDay::parse("Afternoon"), Some(PartOfDay::Afternoon));
        assert_eq!(PartOfDay::parse("teatime"), None);
    }

    #[test]
    fn speed_ranges_and_dwell() {
        let v = SpeedRange::new(Speed::kmh(40.0), Speed::kmh(60.0)).unwrap();
        let legs = [
            LegTiming {
                length: Length::km(857.3),
                speed: v,
                dwell: Duration::from_secs(3 * 3600),
            },
            LegTiming {
                length: Length::km(326.0),
                speed: v,
                dwell: Duration::ZERO,
            },
        ];
        let t = route_time(&legs);
        let hours = |d: Duration| d.as_secs_f64() / 3600.0;
        assert!((hours(t.min) - (1183.3 / 60.0 + 3.0)).abs() < 1e-6);
        assert!((hours(t.max) - (1183.3 / 40.0 + 3.0)).abs() < 1e-6);
        assert!(SpeedRange::new(Speed::kmh(60.0), Speed::kmh(40.0)).is_err());
        assert!(SpeedRange::exact(Speed::kmh(0.0)).is_err());
        assert!(SpeedRange::exact(Speed::kmh(f64::NAN)).is_err());
    }

    #[test]
    fn bad_times_and_zones_are_refused() {
        assert!(matches!(
            TimeWindow::at("Sunday", "Asia/Pyongyang"),
            Err(Error::BadTime { .. })
        ));
        assert!(matches!(
            TimeWindow::at("2023-09-10T15:00", "Asia/Atlantis"),
            Err(Error::UnknownZone { .. })
        ));
        assert!(matches!(
            TimeWindow::part_of_day("2023-13-40", PartOfDay::Morning, "UTC"),
            Err(Error::BadTime { .. })
        ));
    }

    /// Issue 19, item 8: an offset in the text is honoured (it was dropped, and the time read
    /// as local time in `tz`); a time past the representable range is blamed on the time.
    #[test]
    fn regression_issue_19_offsets_and_the_end_of_time() {
        let with_offset = TimeWindow::at("2023-09-10T15:00+09:00", "UTC").unwrap();
        let local = TimeWindow::at("2023-09-10T15:00", "Asia/Pyongyang").unwrap();
        assert_eq!(with_offset.earliest.timestamp(), local.earliest.timestamp());
        assert_eq!(with_offset.earliest.time_zone().iana_name(), Some("UTC"));
        let z = TimeWindow::at("2023-09-10T06:00Z", "Asia/Pyongyang").unwrap();
        assert_eq!(z.earliest.timestamp(), local.earliest.timestamp());
        assert!(matches!(
            TimeWindow::at("9999-12-31T23:59", "UTC"),
            Err(Error::OutOfRange { .. })
        ));
        assert!(matches!(
            TimeWindow::at("2023-09-10T15:00+09:00", "Asia/Atlantis"),
            Err(Error::UnknownZone { .. })
        ));
        assert!(matches!(
            SpeedRange::new(Speed::kmh(1e-30), Speed::kmh(60.0)),
            Err(Error::TooSlow { .. })
        ));
        assert!(SpeedRange::new(Speed::kmh(0.1), Speed::kmh(60.0)).is_ok());
    }
}
