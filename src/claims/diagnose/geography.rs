//! Geographic mistakes: the straight line quoted as the route or the route as the straight
//! line, one way vs round trip, another stretch of the same trip, and the straight line
//! between two other places of the story.

use super::{Candidate, Cause, show};
use crate::claims::Ctx;
use crate::claims::distance::{name, route_length, straight};
use crate::claims::verdict::Scale;
use crate::gazetteer::PlaceKind;
use crate::route::{Measure, circuity};
use crate::story::{Amount, ClaimKind, DistanceMeasure, Mode};

/// A route's length as a figure: the measure itself, or its usual band where it is bounded.
fn route_figure(cx: &Ctx, a: &str, b: &str) -> Option<((f64, f64), String)> {
    let r = route_length(cx, a, b).ok()?;
    let m = r.length.as_m();
    match r.usual {
        Some((lo, hi)) => Some((
            (lo.as_m(), hi.as_m()),
            format!("the usual band of the route by {}", r.how),
        )),
        None => Some(((m, m), format!("along the route by {}", r.how))),
    }
}

/// The modes of the legs between two waypoints, in words ("rail", "rail and air").
fn modes(cx: &Ctx, a: &str, b: &str) -> String {
    let mut m: Vec<&str> = cx
        .route
        .legs_between(a, b)
        .iter()
        .map(|l| l.mode.as_str())
        .collect();
    m.dedup();
    if m.is_empty() {
        "route".into()
    } else {
        format!("{} route", m.join(" and "))
    }
}

/// The trip's own endpoints: the straight line quoted as the route, or the route (or a road
/// band from the circuity table) quoted as the straight line.
pub(super) fn endpoints(cx: &Ctx, k: &ClaimKind) -> Vec<Candidate> {
    if let ClaimKind::DurationAtSpeed {
        distance: None,
        from: Some(from),
        to: Some(to),
        speed,
        ..
    } = k
    {
        return straight_at_speed(cx, from, to, speed);
    }
    let ClaimKind::Distance {
        from, to, measure, ..
    } = k
    else {
        return Vec::new();
    };
    let Ok(s) = straight(cx, from, to).map(|l| l.as_m()) else {
        return Vec::new();
    };
    let (na, nb) = (name(cx, from), name(cx, to));
    match measure {
        // Judged against both the straight line and the road band already.
        DistanceMeasure::Unstated => Vec::new(),
        DistanceMeasure::Route => {
            // A route of geodesic legs is the straight line already.
            let all_geodesic = cx
                .route
                .legs_between(from, to)
                .iter()
                .all(|l| l.measure == Measure::Geodesic);
            if all_geodesic {
                return Vec::new();
            }
            vec![Candidate {
                cause: Cause::StraightLine,
                summary: format!(
                    "the straight line {na} → {nb} quoted as the {}",
                    modes(cx, from, to)
                ),
                working: format!(
                    "straight line {na} → {nb} (geodesic, WGS84) = {}",
                    Scale::KM.fmt(s)
                ),
                figure_si: (s, s),
            }]
        }
        DistanceMeasure::Straight => {
            // A route that is itself the straight line (air, direct) says nothing new.
            let route = route_figure(cx, from, to)
                .filter(|(fig, _)| (fig.0 - s).abs() > 1e-3 * s || (fig.1 - s).abs() > 1e-3 * s);
            if let Some((fig, how)) = route {
                return vec![Candidate {
                    cause: Cause::RouteAsStraightLine,
                    summary: format!(
                        "the {} {na} → {nb} quoted as the straight line",
                        modes(cx, from, to)
                    ),
                    working: format!("{how} {na} → {nb} = {}", show(Scale::KM, fig)),
                    figure_si: fig,
                }];
            }
            // Not travelled in the story (or only as the crow flies): the usual road band,
            // from the circuity table.
            let country = cx
                .route
                .waypoint(from)
                .and_then(|w| w.place.as_ref())
                .and_then(|p| p.country.clone());
            let Some(f) = circuity::table()
                .ok()
                .and_then(|t| circuity::factor_for(t, Mode::Road, country.as_deref()))
            else {
                return Vec::new();
            };
            let band = (s * f.low, s * f.high);
            vec![Candidate {
                cause: Cause::RouteAsStraightLine,
                summary: format!("a road distance {na} → {nb} quoted as the straight line"),
                working: format!(
                    "straight line {} × {}–{} (road circuity, {}; data/circuity/circuity.toml) = {}",
                    Scale::KM.fmt(s),
                    f.low,
                    f.high,
                    f.scope,
                    show(Scale::KM, band)
                ),
                figure_si: band,
            }]
        }
    }
}

/// A time worked out from the straight line instead of the route: the straight line at the
/// claim's speed (widened by its hedge, as the check does).
fn straight_at_speed(cx: &Ctx, from: &str, to: &str, speed: &Amount) -> Vec<Candidate> {
    let geodesic_only = cx
        .route
        .legs_between(from, to)
        .iter()
        .all(|l| l.measure == Measure::Geodesic);
    let Ok(s) = straight(cx, from, to).map(|l| l.as_m()) else {
        return Vec::new();
    };
    let (lo, hi) = speed.si();
    let (b_lo, b_hi) = speed.hedge.band(lo, hi);
    let v_lo = if b_lo > 0.0 { b_lo } else { lo };
    let v_hi = if b_hi.is_finite() { b_hi } else { hi };
    if geodesic_only || v_lo <= 0.0 {
        return Vec::new();
    }
    let (na, nb) = (name(cx, from), name(cx, to));
    let fig = (s / v_hi, s / v_lo);
    let sv = Scale::from(speed.quantity.value.unit);
    vec![Candidate {
        cause: Cause::StraightLine,
        summary: format!(
            "the time worked out from the straight line {na} → {nb}, not the {}",
            modes(cx, from, to)
        ),
        working: format!(
            "straight line {} ÷ {} = {}",
            Scale::KM.fmt(s),
            sv.fmt_range(v_lo, v_hi),
            show(Scale::H, fig)
        ),
        figure_si: fig,
    }]
}

/// One way quoted as a round trip, or the reverse (route distances only).
pub(super) fn round_trip(k: &ClaimKind, truth: Option<(f64, f64)>) -> Vec<Candidate> {
    let (
        ClaimKind::Distance {
            measure: DistanceMeasure::Route,
            ..
        },
        Some((lo, hi)),
    ) = (k, truth)
    else {
        return Vec::new();
    };
    let t = show(Scale::KM, (lo, hi));
    vec![
        Candidate {
            cause: Cause::RoundTrip,
            summary: "the round trip quoted as one way".into(),
            working: format!(
                "2 × {t} one way = {}",
                show(Scale::KM, (2.0 * lo, 2.0 * hi))
            ),
            figure_si: (2.0 * lo, 2.0 * hi),
        },
        Candidate {
            cause: Cause::RoundTrip,
            summary: "half the trip quoted: one way of a round trip, or half the distance".into(),
            working: format!("{t} ÷ 2 = {}", show(Scale::KM, (lo / 2.0, hi / 2.0))),
            figure_si: (lo / 2.0, hi / 2.0),
        },
    ]
}

/// Whether `(a, b)` is the claim's own pair, either way round.
fn same_pair(a: &str, b: &str, from: &str, to: &str) -> bool {
    (a == from && b == to) || (a == to && b == from)
}

/// The length of another stretch of the same trip (any two marks of a journey).
pub(super) fn other_stretches(cx: &Ctx, k: &ClaimKind) -> Vec<Candidate> {
    let ClaimKind::Distance {
        from,
        to,
        measure: DistanceMeasure::Route,
        ..
    } = k
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for j in &cx.route.journeys {
        for (i, a) in j.marks.iter().enumerate() {
            for b in &j.marks[i + 1..] {
                let (a, b) = (&a.waypoint, &b.waypoint);
                if a == b || same_pair(a, b, from, to) {
                    continue;
                }
                let Some((fig, how)) = route_figure(cx, a, b) else {
                    continue;
                };
                let (na, nb) = (name(cx, a), name(cx, b));
                out.push(Candidate {
                    cause: Cause::OtherStretch,
                    summary: format!("the length of another stretch of the trip, {na} → {nb}"),
                    working: format!("{how} {na} → {nb} = {}", show(Scale::KM, fig)),
                    figure_si: fig,
                });
            }
        }
    }
    out
}

/// The straight line between two other places of the story (rivers left out).
pub(super) fn other_places(cx: &Ctx, k: &ClaimKind) -> Vec<Candidate> {
    let ClaimKind::Distance { from, to, .. } = k else {
        return Vec::new();
    };
    // The places of the claim's own journey, and those on no journey (places the story
    // names for reference); not the places of unrelated journeys in the same file.
    let on = |j: &crate::route::Journey, id: &str| j.marks.iter().any(|m| m.waypoint == id);
    let mine: Vec<_> = cx
        .route
        .journeys
        .iter()
        .filter(|j| on(j, from) || on(j, to))
        .collect();
    let points: Vec<_> = cx
        .route
        .waypoints
        .iter()
        .filter(|w| w.place.as_ref().is_none_or(|p| p.kind != PlaceKind::River))
        .filter(|w| {
            mine.iter().any(|j| on(j, &w.id)) || !cx.route.journeys.iter().any(|j| on(j, &w.id))
        })
        .collect();
    let mut out = Vec::new();
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            if same_pair(&a.id, &b.id, from, to) {
                continue;
            }
            let s = crate::geodesy::distance(a.at, b.at).as_m();
            if s <= 0.0 {
                continue;
            }
            out.push(Candidate {
                cause: Cause::StraightLine,
                summary: format!(
                    "the straight line between two other places of the story, {} → {}",
                    a.name, b.name
                ),
                working: format!(
                    "straight line {} → {} (geodesic, WGS84) = {}",
                    a.name,
                    b.name,
                    Scale::KM.fmt(s)
                ),
                figure_si: (s, s),
            });
        }
    }
    out
}
