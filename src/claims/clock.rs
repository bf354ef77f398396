//! Time-zone offsets between places: "Vladivostok is one hour ahead of Pyongyang".
//!
//! Each waypoint's zone is its place's (or the zone at its coordinates); the offsets are the
//! tz database's for noon local time on the claim's `date`, else on the date of the story's
//! first event, so that rule changes count (Pyongyang was UTC+8:30 from 2015-08-15 to
//! 2018-05-04). The claimed offset must point the same way; its size is judged with the
//! claim's hedge (a plain figure ±5 %, which for whole hours means exactly).

use jiff::civil::{Date, Time};

use super::Ctx;
use super::verdict::{Figures, Finding, Scale, Verdict};
use crate::story::ZoneOffset;

/// An offset in words: "+1 h", "−30 min", "0 min".
pub(super) fn fmt_offset(s: i64) -> String {
    let sign = if s < 0 { "−" } else { "+" };
    let m = s.abs() / 60;
    match (m / 60, m % 60) {
        (0, 0) => "0 min".into(),
        (0, m) => format!("{sign}{m} min"),
        (h, 0) => format!("{sign}{h} h"),
        (h, m) => format!("{sign}{h} h {m:02} min"),
    }
}

/// A UTC offset as clocks write it: "+10:00", "+08:30", "−03:00".
pub(super) fn fmt_utc(s: i64) -> String {
    let sign = if s < 0 { "−" } else { "+" };
    let m = s.abs() / 60;
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The UTC offset of `tz` at noon local time on `date`, in seconds.
pub(super) fn offset_s(date: Date, tz: &str) -> Result<i64, String> {
    date.to_datetime(Time::constant(12, 0, 0, 0))
        .in_tz(tz)
        .map(|z| i64::from(z.offset().seconds()))
        .map_err(|e| format!("time zone \"{tz}\": {e}"))
}

/// "Vladivostok is one hour ahead of Pyongyang".
pub(crate) fn check(
    cx: &Ctx,
    place: &str,
    of: &str,
    offset: &ZoneOffset,
    date: Option<&str>,
) -> Finding {
    let (Some(p), Some(o)) = (cx.route.waypoint(place), cx.route.waypoint(of)) else {
        return Finding::cannot(&offset.text, "a waypoint is not resolved");
    };
    let claimed = format!("{} is {} of {}", p.name, offset.text, o.name);
    let (Some(tz_p), Some(tz_o)) = (p.zone(), o.zone()) else {
        return Finding::cannot(
            claimed,
            "a waypoint has no time zone (a river, or coordinates at sea)",
        );
    };
    let day = match date {
        Some(d) => crate::story::parse_date(d),
        None => cx
            .story
            .events
            .first()
            .map(|e| e.earliest.date())
            .ok_or_else(|| {
                "no date: add date = \"YYYY-MM-DD\" to the claim (zones change their rules)"
                    .to_string()
            }),
    };
    let day = match day {
        Ok(d) => d,
        Err(why) => return Finding::cannot(claimed, why),
    };
    let (op, oo) = match offset_s(day, &tz_p).and_then(|a| Ok((a, offset_s(day, &tz_o)?))) {
        Ok(x) => x,
        Err(why) => return Finding::cannot(claimed, why),
    };
    let diff = op - oo;
    let want = offset.seconds;
    let (b_lo, b_hi) = offset.hedge.band(want.abs(), want.abs());
    let holds = if want == 0.0 {
        diff == 0
    } else {
        diff.signum() as f64 == want.signum() && (b_lo..=b_hi).contains(&(diff.abs() as f64))
    };
    let tolerance = if want == 0.0 {
        "the same offset".to_string()
    } else {
        format!("the same direction, {}", offset.hedge.tolerance())
    };
    let computed = format!("{} ({tz_p} vs {tz_o} on {day})", fmt_offset(diff));
    let sign = if want < 0.0 { -1.0 } else { 1.0 };
    let accepted = if want == 0.0 {
        (0.0, 0.0)
    } else if sign > 0.0 {
        (b_lo, b_hi)
    } else {
        (-b_hi, -b_lo)
    };
    let figures = |off: bool| {
        Some(Figures::new(
            Scale::MIN,
            (want, want),
            accepted,
            (diff as f64, diff as f64),
            off.then_some(diff as f64 - want),
            None,
        ))
    };
    let head = format!(
        "{} ({tz_p}, UTC{}) − {} ({tz_o}, UTC{}) on {day} = {}; claimed {} ({})",
        p.name,
        fmt_utc(op),
        o.name,
        fmt_utc(oo),
        fmt_offset(diff),
        offset.text,
        fmt_offset(want as i64)
    );
    if holds {
        return Finding {
            claimed,
            computed,
            tolerance,
            arithmetic: format!("{head}: consistent"),
            verdict: Verdict::Holds,
            figures: figures(false),
        };
    }
    Finding {
        claimed,
        computed,
        tolerance,
        arithmetic: format!("{head}: not so"),
        verdict: Verdict::Off {
            by_percent: None,
            by: fmt_offset(diff - want as i64),
        },
        figures: figures(true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Story;

    /// Issue 14: "one hour ahead of" is checked against the two places' zones on that date.
    #[test]
    fn regression_issue_14_one_hour_ahead_of() {
        // Vladivostok and Pyongyang by coordinates (their zones from the zone grid).
        let s = Story::parse(
            "[[waypoints]]\nid = \"pyongyang\"\nat = \"39.0339, 125.7543\"\nname = \"Pyongyang\"\n[[waypoints]]\nid = \"vladivostok\"\nat = \"43.1155, 131.8855\"\nname = \"Vladivostok\"\n[[legs]]\nfrom = \"pyongyang\"\nto = \"vladivostok\"\nmode = \"air\"\n",
            "t.toml",
        )
        .unwrap();
        let r = crate::claims::route_without_gazetteer(&s);
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        let z = |t: &str| ZoneOffset::parse(t).unwrap();
        let f = check(
            &cx,
            "vladivostok",
            "pyongyang",
            &z("one hour ahead"),
            Some("2023-09-12"),
        );
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        assert!(
            f.arithmetic.contains("UTC+10:00") && f.arithmetic.contains("UTC+09:00"),
            "{}",
            f.arithmetic
        );
        // In 2016 Pyongyang was UTC+8:30: an hour and a half.
        let f = check(
            &cx,
            "vladivostok",
            "pyongyang",
            &z("one hour ahead"),
            Some("2016-06-01"),
        );
        assert!(
            matches!(&f.verdict, Verdict::Off { by, .. } if by == "+30 min"),
            "{f:?}"
        );
        // The wrong way round.
        let f = check(
            &cx,
            "pyongyang",
            "vladivostok",
            &z("one hour ahead"),
            Some("2023-09-12"),
        );
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        assert_eq!(
            check(
                &cx,
                "pyongyang",
                "vladivostok",
                &z("an hour behind"),
                Some("2023-09-12")
            )
            .verdict,
            Verdict::Holds
        );
        // No date and no events: cannot check, saying what to add.
        let f = check(&cx, "vladivostok", "pyongyang", &z("one hour ahead"), None);
        assert!(
            matches!(&f.verdict, Verdict::CannotCheck { why } if why.contains("add date")),
            "{f:?}"
        );
    }
}
