//! Time-zone slips in elapsed times: two local clock times subtracted as if in one zone (off by
//! exactly the zone difference, either way), a local time read as UTC, and a daylight-saving
//! change between the two times missed.

use super::{Candidate, Cause, show};
use crate::claims::Ctx;
use crate::claims::clock::{fmt_offset, fmt_utc, offset_s};
use crate::claims::verdict::Scale;
use crate::story::ClaimKind;

/// The offsets (seconds east of UTC) at the two ends, the zones' names, and the offsets each
/// zone has at the other end's time (a DST change between them shows as a difference).
struct Ends {
    zones: (String, String),
    offsets: (i64, i64),
    /// The start's zone at the end's time, and the end's zone at the start's time.
    swapped: Option<(i64, i64)>,
}

fn timeline_ends(cx: &Ctx, from_event: &str, to_event: &str) -> Option<Ends> {
    let a = cx.route.event(from_event)?.window.as_ref().ok()?;
    let b = cx.route.event(to_event)?.window.as_ref().ok()?;
    let (za, zb) = (a.earliest.time_zone(), b.earliest.time_zone());
    let off = |z: &jiff::ZonedDateTime| i64::from(z.offset().seconds());
    Some(Ends {
        zones: (
            za.iana_name().unwrap_or("?").to_string(),
            zb.iana_name().unwrap_or("?").to_string(),
        ),
        offsets: (off(&a.earliest), off(&b.earliest)),
        swapped: Some((
            off(&b.earliest.with_time_zone(za.clone())),
            off(&a.earliest.with_time_zone(zb.clone())),
        )),
    })
}

fn flight_ends(cx: &Ctx, from: &str, to: &str) -> Option<Ends> {
    let date = cx.story.events.first()?.earliest.date();
    let za = cx.route.waypoint(from)?.zone()?;
    let zb = cx.route.waypoint(to)?.zone()?;
    Some(Ends {
        offsets: (offset_s(date, &za).ok()?, offset_s(date, &zb).ok()?),
        zones: (za, zb),
        swapped: None,
    })
}

/// The slips that would turn the real elapsed time into the claimed one.
pub(super) fn slips(
    cx: &Ctx,
    k: &ClaimKind,
    truth: Option<(f64, f64)>,
    scale: Scale,
) -> Vec<Candidate> {
    let Some((t_lo, t_hi)) = truth else {
        return Vec::new();
    };
    let ends = match k {
        ClaimKind::Timeline {
            from_event,
            to_event,
            duration: Some(_),
            ..
        } => timeline_ends(cx, from_event, to_event),
        ClaimKind::Flight { from, to, .. } => flight_ends(cx, from, to),
        _ => None,
    };
    let Some(e) = ends else {
        return Vec::new();
    };
    let t = show(scale, (t_lo, t_hi));
    let shift = |d: i64| (t_lo + d as f64, t_hi + d as f64);
    let utc = |s: i64| format!("UTC{}", fmt_utc(s));
    let (oa, ob) = e.offsets;
    let (za, zb) = (&e.zones.0, &e.zones.1);
    let mut out = Vec::new();
    let diff = ob - oa;
    if diff != 0 {
        out.push(Candidate {
            cause: Cause::TimeZoneSlip,
            summary: format!(
                "the two local clock times subtracted as if in one zone ({za} {}, {zb} {})",
                utc(oa),
                utc(ob)
            ),
            working: format!(
                "elapsed {t} {} zone difference = {}",
                fmt_offset(diff),
                show(scale, shift(diff))
            ),
            figure_si: shift(diff),
        });
        out.push(Candidate {
            cause: Cause::TimeZoneSlip,
            summary: format!("the zone difference ({za} to {zb}) applied the wrong way"),
            working: format!(
                "elapsed {t} {} = {}",
                fmt_offset(-diff),
                show(scale, shift(-diff))
            ),
            figure_si: shift(-diff),
        });
    }
    if let Some((a_at_end, b_at_start)) = e.swapped {
        if oa != 0 {
            out.push(Candidate {
                cause: Cause::TimeZoneSlip,
                summary: format!("the start's local time ({za}, {}) read as UTC", utc(oa)),
                working: format!(
                    "elapsed {t} {} = {}",
                    fmt_offset(-oa),
                    show(scale, shift(-oa))
                ),
                figure_si: shift(-oa),
            });
        }
        if ob != 0 {
            out.push(Candidate {
                cause: Cause::TimeZoneSlip,
                summary: format!("the end's local time ({zb}, {}) read as UTC", utc(ob)),
                working: format!(
                    "elapsed {t} {} = {}",
                    fmt_offset(ob),
                    show(scale, shift(ob))
                ),
                figure_si: shift(ob),
            });
        }
        for (zone, before, after) in [(za, oa, a_at_end), (zb, b_at_start, ob)] {
            let d = after - before;
            if d == 0 {
                continue;
            }
            for s in [d, -d] {
                out.push(Candidate {
                    cause: Cause::TimeZoneSlip,
                    summary: format!(
                        "a daylight-saving change in {zone} between the two times ({} → {}) missed",
                        utc(before),
                        utc(after)
                    ),
                    working: format!("elapsed {t} {} = {}", fmt_offset(s), show(scale, shift(s))),
                    figure_si: shift(s),
                });
            }
        }
    }
    out
}
