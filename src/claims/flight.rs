//! Flight times: "an An-148 flew for about an hour", "a one-hour flight".
//!
//! A flight time as news copy gives it may be the time in the air ("flew for") or the block
//! time, off-block to in-block (a timetable's "one-hour flight"). The computed range runs from
//! the shortest possible, the geodesic at the type's top cruise speed with nothing added, to the
//! longest plausible block time: the taxi out and in, take-off, climb-out and approach (ICAO's
//! reference LTO cycle) plus the geodesic at the slower of the type's lowest cruise speed and
//! 250 kn, the limit below 10,000 ft (`data/aircraft/overheads.csv`, each figure cited). A
//! claim whose tolerance band meets that range is plausible; one that does not is off. When the
//! claim names no aircraft, every jet airliner of the table stands for it
//! ([`crate::aircraft::ASSUMED`]): a time shorter than the fastest of them needs is off, one
//! longer than the slowest of them needs is plausible (a turboprop, holding), and the verdict
//! says which aircraft it used.

use super::Ctx;
use super::distance::straight;
use super::judge::judge;
use super::verdict::{Finding, Scale, finding};
use crate::aircraft::{self, Aircraft};
use crate::story::Amount;

/// The range of flight times for a distance on a type: (shortest in the air, longest block).
fn time_range_s(d_m: f64, plane: &Aircraft, o: &aircraft::Overheads) -> (f64, f64) {
    let fastest = plane.cruise.1.as_mps();
    let slowest = plane.cruise.0.as_mps().min(o.slow.as_mps());
    (d_m / fastest, d_m / slowest + o.max_extra_s())
}

/// The geodesic the flight covers: between the waypoints' airports where the story asks for
/// them (`airport`), else between the waypoints; with ", FNJ → VVO" naming the airports.
fn flown(cx: &Ctx, from: &str, to: &str) -> Result<(crate::units::Length, String), String> {
    let (Some(a), Some(b)) = (cx.route.waypoint(from), cx.route.waypoint(to)) else {
        return straight(cx, from, to).map(|d| (d, String::new()));
    };
    if a.airport.is_none() && b.airport.is_none() {
        return straight(cx, from, to).map(|d| (d, String::new()));
    }
    let end = |w: &crate::route::ResolvedWaypoint| match &w.airport {
        Some(p) => (p.airport.anchor(), p.iata().to_string()),
        None => (w.at, w.name.clone()),
    };
    let ((pa, na), (pb, nb)) = (end(a), end(b));
    Ok((crate::geodesy::distance(pa, pb), format!(", {na} → {nb}")))
}

/// "an An-148 flew for about an hour".
pub(crate) fn flight(
    cx: &Ctx,
    from: &str,
    to: &str,
    ac: Option<&str>,
    duration: &Amount,
) -> Finding {
    let table = |e: crate::rows::Error| format!("the aircraft table is damaged: {e}");
    let (plane, assumed) = match ac {
        Some(name) => match aircraft::find(name) {
            Ok(Some(p)) => (p, false),
            Err(e) => return Finding::cannot(&duration.text, table(e)),
            Ok(None) => {
                return Finding::cannot(
                    &duration.text,
                    format!("aircraft \"{name}\" is not in the table"),
                );
            }
        },
        None => match aircraft::any_jet() {
            Ok(p) => (p, true),
            Err(e) => return Finding::cannot(&duration.text, table(e)),
        },
    };
    let (d, between) = match flown(cx, from, to) {
        Ok(d) => d,
        Err(why) => return Finding::cannot(&duration.text, why),
    };
    let d = d.as_m();
    let o = match aircraft::overheads() {
        Ok(o) => o,
        Err(e) => return Finding::cannot(&duration.text, table(e)),
    };
    let (c_lo, c_hi) = (plane.cruise.0.as_mps(), plane.cruise.1.as_mps());
    let (t_min, t_max) = time_range_s(d, plane, o);
    let (lo, hi) = duration.si();
    let (b_lo, b_hi) = duration.hedge.band(lo, hi);
    let scale = Scale::from(duration.quantity.value.unit);
    let shown = if t_max < 3.0 * 3600.0 {
        Scale::MIN
    } else {
        Scale::H
    };
    let which = if assumed {
        format!(" (no aircraft named: {}, {})", plane.name, plane.source)
    } else {
        String::new()
    };
    let head = format!(
        "{} (geodesic{between}) at {} cruise {} = {} in the air{which}; block time up to {} (taxi ≤ {} min, take-off, climb-out and approach ≤ {} min, the rest at ≥ {}); claimed {} ({})",
        Scale::KM.fmt(d),
        plane.name,
        Scale::KMH.fmt_range(c_lo, c_hi),
        shown.fmt_range(d / c_hi, d / c_lo),
        shown.fmt(t_max),
        o.taxi_min.1,
        o.lto_airborne_min.1,
        Scale::KMH.fmt(c_lo.min(o.slow.as_mps())),
        duration.text,
        Scale::MIN.fmt_range(b_lo, b_hi),
    );
    let computed = format!(
        "{} (in the air at cruise to block time){}",
        shown.fmt_range(t_min, t_max),
        if assumed {
            format!("; {}", plane.name)
        } else {
            String::new()
        }
    );
    let tolerance = format!(
        "{}; the time may lie anywhere from the time in the air at cruise to the block time",
        duration.tolerance()
    );
    let mut f = finding(
        duration.text.clone(),
        computed,
        tolerance,
        judge(duration.hedge, lo, hi, t_min, t_max),
        scale,
        head,
    );
    if matches!(f.verdict, super::Verdict::Holds) {
        f.arithmetic = format!("{}: plausible", f.arithmetic);
    }
    // Longer than any jet of the table needs, with no aircraft named: a slower aircraft or
    // holding could take it. Not a refutation.
    if assumed && matches!(f.verdict, super::Verdict::Off { .. }) && b_lo > t_max {
        let why = "longer than any jet airliner of the table needs; a slower aircraft (a turboprop) or holding could take this long: name the aircraft to check it";
        f.verdict = super::Verdict::Plausible { why: why.into() };
        f.arithmetic = format!("{}: {why}", f.arithmetic);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Verdict;
    use crate::route::Route;
    use crate::story::Story;

    fn amount(s: &str) -> Amount {
        Amount::try_from(s.to_string()).unwrap()
    }

    /// Two places by coordinates joined by an air leg.
    fn pair(a: &str, b: &str) -> (Story, Route) {
        let s = Story::parse(
            &format!("[[waypoints]]\nid = \"a\"\nat = \"{a}\"\n[[waypoints]]\nid = \"b\"\nat = \"{b}\"\n[[legs]]\nfrom = \"a\"\nto = \"b\"\nmode = \"air\"\n"),
            "t.toml",
        )
        .unwrap();
        let r = crate::claims::route_without_gazetteer(&s);
        (s, r)
    }

    #[test]
    fn flight_times_by_cruise_speed() {
        // London King's Cross to Edinburgh Waverley, 534 km.
        let (s, r) = pair("51.5308, -0.1238", "55.9521, -3.1890");
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        // On an A320 (828 km/h): about an hour and a quarter is plausible…
        let f = flight(&cx, "a", "b", Some("A320"), &amount("about 75 minutes"));
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        // …twenty minutes is faster than the aircraft cruises…
        let f = flight(&cx, "a", "b", Some("A320"), &amount("20 minutes"));
        assert!(
            matches!(f.verdict, Verdict::Off { by_percent: Some(p), .. } if p > 0.0),
            "{}",
            f.arithmetic
        );
        // …and five hours is far longer than any block time.
        let f = flight(&cx, "a", "b", Some("A320"), &amount("5 hours"));
        assert!(
            matches!(f.verdict, Verdict::Off { by_percent: Some(p), .. } if p < 0.0),
            "{}",
            f.arithmetic
        );
        assert!(matches!(
            flight(&cx, "a", "b", Some("Zeppelin"), &amount("an hour")).verdict,
            Verdict::CannotCheck { .. }
        ));
    }

    /// Issue 14: a flight time is block time, not cruise time: "a one-hour flight" over 250 km
    /// (18 min at cruise) is plausible once taxi, take-off, climb and approach are added.
    #[test]
    fn regression_issue_14_one_hour_flight_over_250_km_is_plausible() {
        // Two points 250 km apart on the equator (2.2458° of longitude).
        let (s, r) = pair("0, 0", "0, 2.2458");
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        let f = flight(&cx, "a", "b", Some("Airbus A320"), &amount("one hour"));
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        assert!(
            f.arithmetic.contains("block time up to"),
            "{}",
            f.arithmetic
        );
        // Three hours is not.
        let f = flight(&cx, "a", "b", Some("Airbus A320"), &amount("three hours"));
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        // No aircraft named: every jet of the table stands for it, and the verdict says so.
        let f = flight(&cx, "a", "b", None, &amount("a one-hour"));
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        assert!(
            f.arithmetic.contains(
                "no aircraft named: any jet airliner in the table, the slowest cruise of the table's jets (Boeing 737 Classic) to the fastest (Boeing 747-400)"
            ) && f.computed.contains("any jet airliner in the table"),
            "{f:?}"
        );
        // Three hours for what a jet flies in under an hour: plausible for a slower aircraft,
        // never off when no aircraft is named.
        let f = flight(&cx, "a", "b", None, &amount("three hours"));
        assert!(
            matches!(f.verdict, Verdict::Plausible { .. }),
            "{}",
            f.arithmetic
        );
        assert!(
            f.arithmetic.contains("name the aircraft to check it"),
            "{}",
            f.arithmetic
        );
        // Ten minutes is shorter than the fastest jet needs: off.
        let f = flight(&cx, "a", "b", None, &amount("ten minutes"));
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
    }
}
