//! Timeline events: where they happen and the local-time window they span.

use toml::Spanned;
use toml::value::Datetime;

use super::raw::RawEvent;
use super::validate::{Ctx, KnownId};
use super::{Error, Event};

pub(super) fn event(cx: &Ctx, e: Spanned<RawEvent>, known: &KnownId) -> Result<Event, Error> {
    let span = e.span();
    let line = cx.line(&span);
    let e = e.into_inner();
    let at = known(&e.at, "event place")?;
    let (earliest, latest) = match (&e.time, &e.earliest, &e.latest) {
        (Some(t), None, None) => {
            let (lo, hi) = civil(cx, t)?;
            (lo, hi)
        }
        (None, Some(a), Some(b)) => (civil(cx, a)?.0, civil(cx, b)?.1),
        _ => {
            return cx.err(
                span,
                format!(
                    "event \"{}\" needs `time`, or both `earliest` and `latest`",
                    e.id.get_ref()
                ),
                "e.g. earliest = 2023-09-10T12:00:00 and latest = 2023-09-10T18:00:00 (local time)",
            );
        }
    };
    if earliest > latest {
        return cx.err(
            span,
            format!("event \"{}\" ends before it starts", e.id.get_ref()),
            "swap `earliest` and `latest`",
        );
    }
    if let Some(tz) = &e.tz
        && jiff::tz::TimeZone::get(tz.get_ref()).is_err()
    {
        return cx.err(
            tz.span(),
            format!("unknown time zone \"{}\"", tz.get_ref()),
            "use an IANA zone name, e.g. tz = \"Asia/Vladivostok\"",
        );
    }
    super::limits::text(
        cx,
        "the event's `what`",
        &e.what,
        super::limits::MAX_LABEL_CHARS,
    )?;
    Ok(Event {
        id: e.id.into_inner(),
        at,
        what: e.what.into_inner(),
        earliest,
        latest,
        tz: e.tz.map(|t| t.into_inner()),
        source: e.source,
        line,
    })
}

/// A TOML local date-time (or date: the whole day) as a civil time window.
fn civil(
    cx: &Ctx,
    t: &Spanned<Datetime>,
) -> Result<(jiff::civil::DateTime, jiff::civil::DateTime), Error> {
    let d = t.get_ref();
    if d.offset.is_some() {
        return cx.err(
            t.span(),
            "event times are local times: drop the UTC offset",
            "write e.g. 2023-09-10T15:00:00 and give the zone with tz = \"Asia/Pyongyang\"",
        );
    }
    let Some(date) = d.date else {
        return cx.err(
            t.span(),
            "an event time needs a date",
            "e.g. 2023-09-12T06:00:00",
        );
    };
    let day = jiff::civil::Date::new(date.year as i16, date.month as i8, date.day as i8).or_else(
        |e| {
            cx.err(
                t.span(),
                format!("invalid date: {e}"),
                "check the day and month",
            )
        },
    )?;
    Ok(match d.time {
        Some(tm) => {
            let time = jiff::civil::Time::new(
                tm.hour as i8,
                tm.minute as i8,
                tm.second.unwrap_or(0) as i8,
                0,
            )
            .or_else(|e| {
                cx.err(
                    t.span(),
                    format!("invalid time: {e}"),
                    "check the hour and minute",
                )
            })?;
            let dt = day.to_datetime(time);
            (dt, dt)
        }
        None => (
            day.to_datetime(jiff::civil::Time::MIN),
            day.to_datetime(
                jiff::civil::Time::new(23, 59, 59, 0).unwrap_or(jiff::civil::Time::MAX),
            ),
        ),
    })
}
