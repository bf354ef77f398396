//! The timeline: elapsed time between two story events whose times are local windows in
//! IANA time zones, and the average speed that implies over the route.
//!
//! Each event is a window `earliest..=latest` of local civil time; both ends are placed in the
//! event's zone (its `tz`, else its waypoint's) with the bundled tz database, so a journey
//! from Pyongyang (UTC+9 in 2023; UTC+8:30 from 2015-08-15 to 2018-05-04) to Khasan (UTC+10)
//! is counted in real elapsed time. The shortest elapsed time is `to.earliest − from.latest`,
//! the longest `to.latest − from.earliest`.
//!
//! The arithmetic is `route::timing`'s ([`TimeWindow`], `timing::elapsed`); this file adds
//! finding each event's zone and the claim's verdict.

use std::time::Duration;

pub use crate::route::timing::Error;
use crate::route::timing::{self, TimeWindow};

use super::Ctx;
use super::distance::route_length;
use super::judge::judge;
use super::verdict::{Figures, Finding, Scale, Verdict, finding, lower_bound_only};
use crate::story::Amount;
use crate::story::{DayRelation, Event};
use crate::units::format_duration;

/// The elapsed time between two events, as a range.
#[derive(Debug, Clone, PartialEq)]
pub struct Elapsed {
    /// The shortest time that can have passed (latest start to earliest end).
    pub min: Duration,
    /// The longest time that can have passed (earliest start to latest end).
    pub max: Duration,
    /// The UTC offsets used, for the arithmetic line ("UTC+09:00 → UTC+10:00").
    pub offsets: (String, String),
}

/// Elapsed time from event `a` (in zone `tz_a`) to event `b` (in zone `tz_b`).
///
/// ```
/// use routecheck::claims::elapsed;
/// use routecheck::story::Story;
/// let s = Story::parse(r#"
/// [[waypoints]]
/// id = "p"
/// at = "39.03, 125.75"
/// [[waypoints]]
/// id = "k"
/// at = "42.43, 130.64"
/// [[events]]
/// id = "left"
/// at = "p"
/// what = "left"
/// earliest = 2023-09-10T12:00:00
/// latest = 2023-09-10T18:00:00
/// [[events]]
/// id = "crossed"
/// at = "k"
/// what = "crossed"
/// earliest = 2023-09-12T00:00:00
/// latest = 2023-09-12T06:00:00
/// "#, "t.toml").unwrap();
/// let e = elapsed(&s.events[0], "Asia/Pyongyang", &s.events[1], "Asia/Vladivostok").unwrap();
/// assert_eq!(e.min.as_secs() / 3600, 29); // Sunday 18:00 UTC+9 → Tuesday 00:00 UTC+10
/// assert_eq!(e.max.as_secs() / 3600, 41);
/// ```
pub fn elapsed(a: &Event, tz_a: &str, b: &Event, tz_b: &str) -> Result<Elapsed, Error> {
    let wa = TimeWindow::from_civil(a.earliest, a.latest, tz_a)?;
    let wb = TimeWindow::from_civil(b.earliest, b.latest, tz_b)?;
    let d = timing::elapsed(&wa, &wb)?;
    Ok(Elapsed {
        min: d.min,
        max: d.max,
        offsets: (
            format!("UTC{}", wa.utc_offset()),
            format!("UTC{}", wb.utc_offset()),
        ),
    })
}

/// The zone of an event: its own `tz`, else its waypoint's.
pub(crate) fn zone_of(cx: &Ctx, e: &Event) -> Result<String, String> {
    cx.route.event_zone(e).ok_or_else(|| {
            format!(
                "no time zone for event \"{}\": add tz = \"Area/City\" to it (its waypoint \"{}\" has none)",
                e.id, e.at
            )
        })
}

/// The elapsed range between two events of the story, with their waypoints.
pub(crate) fn between<'a>(
    cx: &'a Ctx,
    from_event: &str,
    to_event: &str,
) -> Result<(Elapsed, &'a Event, &'a Event), String> {
    let find = |id: &str| {
        cx.story
            .events
            .iter()
            .find(|e| e.id == id)
            .ok_or_else(|| format!("event \"{id}\" is not in the story"))
    };
    let (a, b) = (find(from_event)?, find(to_event)?);
    let e = elapsed(a, &zone_of(cx, a)?, b, &zone_of(cx, b)?).map_err(|e| e.to_string())?;
    Ok((e, a, b))
}

/// An event's local window: "2023-09-10 12:00–18:00", or one time.
pub(crate) fn window(e: &Event) -> String {
    let (a, b) = (e.earliest, e.latest);
    let hm = |t: jiff::civil::DateTime| format!("{:02}:{:02}", t.hour(), t.minute());
    if a == b {
        format!("{} {}", a.date(), hm(a))
    } else if a.date() == b.date() {
        format!("{} {}–{}", a.date(), hm(a), hm(b))
    } else {
        format!("{} {} – {} {}", a.date(), hm(a), b.date(), hm(b))
    }
}

/// A duration range in words: "29 h – 41 h".
pub(crate) fn fmt_range(e: &Elapsed) -> String {
    if e.min == e.max {
        format_duration(e.min)
    } else {
        format!("{} – {}", format_duration(e.min), format_duration(e.max))
    }
}

/// The timeline claim: elapsed time, the average speed it implies, and either the claimed
/// duration or the legs' speeds to compare with.
pub(crate) fn check(
    cx: &Ctx,
    from_event: &str,
    to_event: &str,
    duration: Option<&Amount>,
) -> Finding {
    let claimed = duration
        .map(|d| d.text.clone())
        .unwrap_or_else(|| format!("{from_event} → {to_event}"));
    let (el, a, b) = match between(cx, from_event, to_event) {
        Ok(x) => x,
        Err(why) => return Finding::cannot(claimed, why),
    };
    let rl = route_length(cx, &a.at, &b.at).ok();
    let (t_lo, t_hi) = (el.min.as_secs_f64(), el.max.as_secs_f64());
    let avg = rl.as_ref().map(|r| {
        let d = r.length.as_m();
        (d / t_hi.max(1.0), d / t_lo.max(1.0))
    });
    let avg_text = match (&rl, avg) {
        (Some(r), Some((lo, hi))) => format!(
            "; {} by {}{} ⇒ average {}",
            Scale::KM.fmt(r.length.as_m()),
            r.how,
            if r.exact { "" } else { " (lower bound)" },
            Scale::KMH.fmt_range(lo, hi)
        ),
        _ => String::new(),
    };
    let head = format!(
        "{} {} ({}) → {} {} ({}): {}{avg_text}",
        a.what,
        window(a),
        el.offsets.0,
        b.what,
        window(b),
        el.offsets.1,
        fmt_range(&el)
    );
    let computed = format!("{}{avg_text}", fmt_range(&el));
    if let Some(d) = duration {
        let (lo, hi) = d.si();
        let mut f = finding(
            d.text.clone(),
            computed,
            d.tolerance(),
            judge(d.hedge, lo, hi, t_lo, t_hi),
            Scale::from(d.quantity.value.unit),
            head,
        );
        f.claimed = claimed;
        return f;
    }
    // No claimed duration: are the legs' speeds consistent with the elapsed time?
    let legs = cx.route.legs_between(&a.at, &b.at);
    let top = legs
        .iter()
        .filter_map(|l| l.speed.map(|s| s.1))
        .reduce(|x, y| if y > x { y } else { x });
    let (Some(top), Some((avg_lo, _))) = (top, avg) else {
        return Finding {
            claimed,
            computed,
            tolerance: String::new(),
            arithmetic: head,
            verdict: Verdict::CannotCheck {
                why: "no claimed duration and no leg speeds to compare the elapsed time with"
                    .into(),
            },
            figures: None,
        };
    };
    let tolerance = format!(
        "the average (stops included) may not exceed the legs' top speed, {}",
        Scale::KMH.fmt(top.as_mps())
    );
    if avg_lo <= top.as_mps() {
        let f = Finding {
            claimed,
            computed,
            arithmetic: format!(
                "{head}, at or below {}: consistent",
                Scale::KMH.fmt(top.as_mps())
            ),
            tolerance,
            verdict: Verdict::Holds,
            figures: Some(Figures::new(
                Scale::KMH,
                (top.as_mps(), top.as_mps()),
                (0.0, top.as_mps()),
                (avg_lo, avg_lo),
                None,
                None,
            )),
        };
        lower_bound_only(f, rl.as_ref().is_none_or(|r| r.exact))
    } else {
        let pct = (avg_lo - top.as_mps()) / top.as_mps() * 100.0;
        Finding {
            claimed,
            computed,
            arithmetic: format!(
                "{head}: faster than the legs' top speed {}",
                Scale::KMH.fmt(top.as_mps())
            ),
            tolerance,
            verdict: Verdict::Off {
                by_percent: Some((pct * 10.0).round() / 10.0),
                by: Scale::KMH.fmt_signed(avg_lo - top.as_mps()),
            },
            figures: Some(Figures::new(
                Scale::KMH,
                (top.as_mps(), top.as_mps()),
                (0.0, top.as_mps()),
                (avg_lo, avg_lo),
                Some(avg_lo - top.as_mps()),
                Some(pct),
            )),
        }
    }
}

/// "left Pyongyang the previous day", "travelled overnight": how the two events' local
/// calendar days relate. Each event's date is its own local date (a window may span several);
/// "overnight" also needs the shortest elapsed time under 24 hours.
pub(crate) fn check_days(cx: &Ctx, from_event: &str, to_event: &str, rel: DayRelation) -> Finding {
    let claimed = format!("{from_event} → {to_event} {}", rel.phrase());
    let (el, a, b) = match between(cx, from_event, to_event) {
        Ok(x) => x,
        Err(why) => return Finding::cannot(claimed, why),
    };
    let days = |x: jiff::civil::Date, y: jiff::civil::Date| -> i64 {
        x.until(y).map_or(0, |s| i64::from(s.get_days()))
    };
    let (d_min, d_max) = (
        days(a.latest.date(), b.earliest.date()),
        days(a.earliest.date(), b.latest.date()),
    );
    let want: i64 = match rel {
        DayRelation::SameDay => 0,
        DayRelation::PreviousDay | DayRelation::Overnight => 1,
    };
    let apart = if d_min == d_max {
        format!(
            "{d_min} calendar day{} apart",
            if d_min == 1 { "" } else { "s" }
        )
    } else {
        format!("{d_min}–{d_max} calendar days apart")
    };
    let day_ok = (d_min..=d_max).contains(&want);
    let night_ok = rel != DayRelation::Overnight || el.min < Duration::from_secs(24 * 3600);
    let tolerance = match rel {
        DayRelation::SameDay => "the same local date".to_string(),
        DayRelation::PreviousDay => {
            "the first event on the local date before the second's".to_string()
        }
        DayRelation::Overnight => {
            "the second event on the next local date, less than 24 h later".to_string()
        }
    };
    let head = format!(
        "{} {} → {} {} (local dates): {apart}, {} elapsed; \"{}\" means {tolerance}",
        a.what,
        window(a),
        b.what,
        window(b),
        fmt_range(&el),
        rel.phrase()
    );
    let computed = format!("{apart}; {}", fmt_range(&el));
    let day = Scale {
        symbol: "d",
        si: 86_400.0,
    };
    let figures = |deviation: Option<i64>| {
        let w = want as f64 * day.si;
        Some(Figures::new(
            day,
            (w, w),
            (w, w),
            (d_min as f64 * day.si, d_max as f64 * day.si),
            deviation.map(|k| k as f64 * day.si),
            None,
        ))
    };
    if day_ok && night_ok {
        return Finding {
            claimed,
            computed,
            tolerance,
            arithmetic: format!("{head}: consistent"),
            verdict: Verdict::Holds,
            figures: figures(None),
        };
    }
    let nearest = if want < d_min { d_min } else { d_max };
    let by = if !day_ok {
        let k = nearest - want;
        format!("{k:+} day{}", if k.abs() == 1 { "" } else { "s" })
    } else {
        format!(
            "{} elapsed, a day and a night or more",
            format_duration(el.min)
        )
    };
    Finding {
        claimed,
        computed,
        tolerance,
        arithmetic: format!("{head}: not so"),
        verdict: Verdict::Off {
            by_percent: None,
            by,
        },
        figures: figures(Some(if day_ok { 0 } else { nearest - want })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Story;

    fn story(t1: &str, t2: &str) -> Story {
        Story::parse(
            &format!(
                "[[waypoints]]\nid = \"a\"\nat = \"39.0, 125.7\"\n[[waypoints]]\nid = \"b\"\nat = \"42.4, 130.6\"\n[[events]]\nid = \"x\"\nat = \"a\"\nwhat = \"left\"\n{t1}\n[[events]]\nid = \"y\"\nat = \"b\"\nwhat = \"arrived\"\n{t2}\n"
            ),
            "t.toml",
        )
        .unwrap()
    }

    #[test]
    fn pyongyang_time_changed_in_2015_and_2018() {
        // Same local clock times, a day apart, in the same zone: 24 h, whatever the year.
        let s = story("time = 2023-09-10T12:00:00", "time = 2023-09-11T12:00:00");
        let e = elapsed(
            &s.events[0],
            "Asia/Pyongyang",
            &s.events[1],
            "Asia/Pyongyang",
        )
        .unwrap();
        assert_eq!(e.min.as_secs(), 24 * 3600);
        // In 2016 Pyongyang was UTC+8:30: noon there to noon in Vladivostok (UTC+10) is 22.5 h.
        let s = story("time = 2016-06-01T12:00:00", "time = 2016-06-02T12:00:00");
        let e = elapsed(
            &s.events[0],
            "Asia/Pyongyang",
            &s.events[1],
            "Asia/Vladivostok",
        )
        .unwrap();
        assert_eq!(e.min.as_secs(), 22 * 3600 + 1800);
        assert_eq!(e.offsets.0, "UTC+08:30");
    }

    #[test]
    fn windows_give_a_range_and_backwards_is_an_error() {
        let s = story(
            "earliest = 2023-09-10T12:00:00\nlatest = 2023-09-10T18:00:00",
            "earliest = 2023-09-12T00:00:00\nlatest = 2023-09-12T06:00:00",
        );
        let e = elapsed(
            &s.events[0],
            "Asia/Pyongyang",
            &s.events[1],
            "Asia/Vladivostok",
        )
        .unwrap();
        assert_eq!((e.min.as_secs() / 3600, e.max.as_secs() / 3600), (29, 41));
        let e = elapsed(
            &s.events[1],
            "Asia/Vladivostok",
            &s.events[0],
            "Asia/Pyongyang",
        );
        assert!(matches!(e, Err(Error::OutOfOrder { .. })));
        assert!(matches!(
            elapsed(&s.events[0], "Mars/Olympus", &s.events[1], "UTC"),
            Err(Error::UnknownZone { .. })
        ));
    }

    /// Issue 14: "the previous day" and "overnight", checked on the events' local dates.
    #[test]
    fn regression_issue_14_previous_day_and_overnight() {
        let check = |t1: &str, t2: &str, rel: DayRelation| {
            let s = story(t1, t2);
            let r = crate::claims::route_without_gazetteer(&s);
            let cx = Ctx {
                story: &s,
                route: &r,
            };
            check_days(&cx, "x", "y", rel)
        };
        // Left Sunday evening, arrived Monday morning: overnight, and the previous day.
        let (sun, mon) = ("time = 2023-09-10T21:00:00", "time = 2023-09-11T07:00:00");
        let f = check(sun, mon, DayRelation::Overnight);
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        assert_eq!(
            check(sun, mon, DayRelation::PreviousDay).verdict,
            Verdict::Holds
        );
        let f = check(sun, mon, DayRelation::SameDay);
        assert!(
            matches!(&f.verdict, Verdict::Off { by, .. } if by == "+1 day"),
            "{f:?}"
        );
        // Sunday afternoon to early Tuesday (the default story): two days, not overnight.
        let f = check(
            "earliest = 2023-09-10T12:00:00\nlatest = 2023-09-10T18:00:00",
            "earliest = 2023-09-12T00:00:00\nlatest = 2023-09-12T06:00:00",
            DayRelation::Overnight,
        );
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        assert!(
            f.arithmetic.contains("2 calendar days apart"),
            "{}",
            f.arithmetic
        );
        // Next day, but 34 hours later: not overnight.
        let f = check(
            "time = 2023-09-10T01:00:00",
            "time = 2023-09-11T11:00:00",
            DayRelation::Overnight,
        );
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
    }
}
