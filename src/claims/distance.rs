//! Distance claims (along the route or straight), unit conversions inside a quote, and
//! "the closest city" claims.

use super::Ctx;
use super::judge::judge;
use super::verdict::{Figures, Finding, Scale, Span, Verdict, finding, num};
use crate::geodesy;
use crate::route::{Measure, circuity};
use crate::story::{Amount, DistanceMeasure, Mode};
use crate::units::{Length, QuantityRange};

/// The length along the route between two waypoints, whether it is exact (chainage, track or
/// geodesic) or only bounded (legs with no line data: `length` is then the lower bound and
/// `usual` the band where the real length usually lies), and how it was measured, in words.
pub(crate) struct RouteLength {
    pub length: Length,
    pub exact: bool,
    pub usual: Option<(Length, Length)>,
    pub how: String,
}

pub(crate) fn route_length(cx: &Ctx, a: &str, b: &str) -> Result<RouteLength, String> {
    let length = cx.route.along(a, b).ok_or_else(|| {
        format!("\"{a}\" and \"{b}\" are not on one journey of the route: add legs joining them")
    })?;
    let legs = cx.route.legs_between(a, b);
    let mut measures: Vec<&str> = legs
        .iter()
        .map(|l| match l.measure {
            Measure::Chainage => "rail chainage",
            Measure::Geodesic => "geodesic",
            Measure::Bounded => "straight line (no line data)",
            Measure::Track => "track geometry",
        })
        .collect();
    measures.sort_unstable();
    measures.dedup();
    let exact = legs.iter().all(|l| l.measure != Measure::Bounded);
    // The usual band: bounded legs by their circuity band, the others as measured. Legs are
    // whole between two marks of a journey, so the sum is the stretch's band.
    let usual = (!exact).then(|| {
        legs.iter()
            .fold((Length::ZERO, Length::ZERO), |(lo, hi), l| {
                match &l.bounds {
                    Some(b) => (lo + b.band.0, hi + b.band.1),
                    None => (lo + l.length, hi + l.length),
                }
            })
    });
    Ok(RouteLength {
        length,
        exact,
        usual,
        how: if measures.is_empty() {
            "the route".into()
        } else {
            measures.join(" + ")
        },
    })
}

/// The straight-line (geodesic) distance between two waypoints.
pub(crate) fn straight(cx: &Ctx, a: &str, b: &str) -> Result<Length, String> {
    let pa = cx
        .route
        .waypoint(a)
        .ok_or_else(|| format!("waypoint \"{a}\" is not resolved"))?;
    let pb = cx
        .route
        .waypoint(b)
        .ok_or_else(|| format!("waypoint \"{b}\" is not resolved"))?;
    Ok(geodesy::distance(pa.at, pb.at))
}

pub(crate) fn name(cx: &Ctx, id: &str) -> String {
    cx.route
        .waypoint(id)
        .map(|w| w.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// "a 1,200 km journey", "425 miles north of Pyongyang".
pub(crate) fn distance(
    cx: &Ctx,
    from: &str,
    to: &str,
    value: &Amount,
    measure: DistanceMeasure,
) -> Finding {
    let scale = Scale::from(value.quantity.value.unit);
    let (lo, hi) = value.si();
    let (computed, usual, how) = match measure {
        DistanceMeasure::Straight => match straight(cx, from, to) {
            Ok(l) => (l, None, "straight line (geodesic, WGS84)".to_string()),
            Err(why) => return Finding::cannot(&value.text, why),
        },
        DistanceMeasure::Route => match route_length(cx, from, to) {
            Ok(r) => (r.length, r.usual, format!("along the route by {}", r.how)),
            Err(why) => return Finding::cannot(&value.text, why),
        },
        DistanceMeasure::Unstated => match straight(cx, from, to) {
            Ok(l) => return unstated(cx, from, to, value, l),
            Err(why) => return Finding::cannot(&value.text, why),
        },
    };
    let c = computed.as_m();
    let tolerance = value.tolerance();
    let computed_text = format!("{} ({}), {how}", Scale::KM.fmt(c), Scale::MI.fmt(c));
    let head = format!(
        "{} {} → {} claimed vs {} {how}",
        value.text,
        name(cx, from),
        name(cx, to),
        scale.fmt(c)
    );
    let Some((usual_lo, usual_hi)) = usual else {
        return finding(
            value.text.clone(),
            computed_text,
            tolerance,
            judge(value.hedge, lo, hi, c, c),
            scale,
            head,
        );
    };
    bounded(
        value,
        scale,
        computed,
        (usual_lo, usual_hi),
        tolerance,
        head,
        "no line data settles the route's length",
    )
}

/// A distance whose measure the text does not give: it holds as the straight line; else
/// the straight line is a lower bound and the road band (circuity table, the country of
/// `from`) the usual range, as for a leg with no line data.
fn unstated(cx: &Ctx, from: &str, to: &str, value: &Amount, s: Length) -> Finding {
    let scale = Scale::from(value.quantity.value.unit);
    let (lo, hi) = value.si();
    let c = s.as_m();
    let tolerance = value.tolerance();
    let head = format!(
        "{} {} → {} claimed (measure not said) vs {} straight line",
        value.text,
        name(cx, from),
        name(cx, to),
        scale.fmt(c)
    );
    let firm = judge(value.hedge, lo, hi, c, c);
    let country = cx
        .route
        .waypoint(from)
        .and_then(|w| w.place.as_ref())
        .and_then(|p| p.country.clone());
    let factor = circuity::table()
        .ok()
        .and_then(|t| circuity::factor_for(t, Mode::Road, country.as_deref()));
    let (true, Some(f)) = (!firm.holds, factor) else {
        return finding(
            value.text.clone(),
            format!(
                "{} ({}), straight line (geodesic, WGS84)",
                Scale::KM.fmt(c),
                Scale::MI.fmt(c)
            ),
            tolerance,
            firm,
            scale,
            format!("{head} (geodesic, WGS84)"),
        );
    };
    bounded(
        value,
        scale,
        s,
        (s * f.low, s * f.high),
        tolerance,
        format!(
            "{head}; by road usually {}–{}× it (road circuity, {}; data/circuity/circuity.toml)",
            f.low, f.high, f.scope
        ),
        "the text does not say whether it means the straight line or the way by road",
    )
}

/// A distance claim against a route known only within bounds: below the straight line it is
/// off (no route is shorter); within the usual band, or between the straight line and the
/// band, plausible; beyond the band, implausible (possible on a long detour; not refuted).
fn bounded(
    value: &Amount,
    scale: Scale,
    straight: Length,
    usual: (Length, Length),
    tolerance: String,
    head: String,
    unsettled: &str,
) -> Finding {
    let (lo, hi) = value.si();
    let s = straight.as_m();
    let (u_lo, u_hi) = (usual.0.as_m(), usual.1.as_m());
    let firm = judge(value.hedge, lo, hi, s, f64::INFINITY);
    let computed = format!(
        "≥ {} straight line; usually {}",
        scale.fmt(s),
        scale.fmt_range(u_lo, u_hi)
    );
    let band_text = format!(
        "the usual band for the route is {} ({:.2}–{:.2}× the straight line)",
        scale.fmt_range(u_lo, u_hi),
        u_lo / s,
        u_hi / s
    );
    let mut figures = Figures::judged(&firm, scale);
    figures.usual = Some(Span::of((u_lo, u_hi), scale));
    if !firm.holds {
        let mut f = finding(
            value.text.clone(),
            computed,
            tolerance,
            firm,
            scale,
            format!("{head}: shorter than the straight line, which no route can be"),
        );
        f.figures = Some(figures);
        return f;
    }
    let (b_lo, b_hi) = value.hedge.band(lo, hi);
    let nominal = value.hedge.nominal(lo, hi);
    let (verdict, arithmetic) = if b_hi >= u_lo && b_lo <= u_hi {
        (
            Verdict::Plausible {
                why: format!("{unsettled}; {band_text}"),
            },
            format!("{head} (a lower bound); {band_text}: the claim lies within it"),
        )
    } else if b_lo > u_hi {
        let ratio = nominal / s;
        (
            Verdict::Implausible {
                ratio: (ratio * 100.0).round() / 100.0,
                why: format!(
                    "{:.2}× the straight line, beyond the usual band; a route round a sea or through mountains can be this long, so this is not a refutation",
                    ratio
                ),
            },
            format!(
                "{head} (a lower bound); {band_text}: the claim is {ratio:.2}× the straight line, beyond it"
            ),
        )
    } else {
        (
            Verdict::Plausible {
                why: format!(
                    "longer than the straight line but shorter than routes usually are; {band_text}"
                ),
            },
            format!(
                "{head} (a lower bound); {band_text}: the claim is at or above the straight line, below the band"
            ),
        )
    };
    Finding {
        claimed: value.text.clone(),
        computed,
        tolerance,
        verdict,
        arithmetic,
        figures: Some(figures),
    }
}

/// Half the rounding step a figure was probably written to: 745 → 0.5, 680 → 5,
/// 1,200 → 50, 2.5 → 0.05. Trailing zeros are read as rounding; [`bounds`] caps the step at
/// 5 % of the figure so that "100" is not read as "anything from 50 to 150".
pub(crate) fn half_step(x: f64) -> f64 {
    let x = x.abs();
    for d in 0..4 {
        let k = 10f64.powi(d);
        if ((x * k).round() - x * k).abs() < 1e-6 {
            if d > 0 {
                return 0.5 / k;
            }
            let mut step = 1.0;
            let mut n = x.round() as u64;
            if n == 0 {
                return 0.5;
            }
            while n.is_multiple_of(10) {
                n /= 10;
                step *= 10.0;
            }
            return step / 2.0;
        }
    }
    0.0005
}

/// The half rounding step, capped at 5 % of the figure.
pub(crate) fn rounding(x: f64) -> f64 {
    half_step(x).min(0.05 * x.abs()).max(half_step(x).min(0.5))
}

fn bounds(q: &QuantityRange) -> (f64, f64) {
    let si = q.unit.si();
    ((q.lo - rounding(q.lo)) * si, (q.hi + rounding(q.hi)) * si)
}

/// "1,200 kilometre (745 miles)": the conversion in parentheses against the exact one.
pub(crate) fn conversion(value: &Amount) -> Finding {
    let Some(conv) = value.quantity.conversion else {
        return Finding::cannot(&value.text, "no conversion in parentheses");
    };
    let orig = value.quantity.value;
    if orig.unit.dimension() != conv.unit.dimension() {
        return Finding::cannot(
            &value.text,
            format!(
                "the parenthesis converts a {} into a {}",
                orig.unit.dimension(),
                conv.unit.dimension()
            ),
        );
    }
    let to = Scale::from(conv.unit);
    let from = Scale::from(orig.unit);
    let exact = orig.mid_si();
    let stated = conv.mid_si();
    let (o_lo, o_hi) = bounds(&orig);
    let (c_lo, c_hi) = bounds(&conv);
    let rounded = c_hi >= o_lo && c_lo <= o_hi;
    // A conversion cut to its last digit instead of rounded ("922 km (572 miles)" for 572.9):
    // the stated figure then stands for anything up to one step above it.
    let c_hi_cut = (conv.hi + 2.0 * rounding(conv.hi)) * conv.unit.si();
    let cut = !rounded && c_hi_cut > o_lo && c_lo <= o_hi;
    let consistent = rounded || cut;
    let pct = (stated - exact) / exact * 100.0;
    let tolerance = format!(
        "rounding: {} ± {} {} and {} ± {} {}",
        num(orig.mid_si() / from.si),
        num(rounding(orig.lo)),
        from.symbol,
        num(conv.mid_si() / to.si),
        num(rounding(conv.lo)),
        to.symbol
    );
    let head = format!(
        "{} = {} exactly; {} stated ({pct:+.1} %)",
        from.fmt(exact),
        to.fmt(exact),
        to.fmt(stated)
    );
    let arithmetic = if cut {
        format!(
            "{head}: consistent if the conversion was cut rather than rounded ({} ± {} is {}; {} stands for {} to under {} when cut)",
            from.fmt(exact),
            num(rounding(orig.lo)),
            to.fmt_range(o_lo, o_hi),
            to.fmt(stated),
            to.fmt(conv.lo * conv.unit.si()),
            to.fmt(c_hi_cut)
        )
    } else if consistent {
        format!(
            "{head}: consistent, as {} ± {} covers {}",
            from.fmt(exact),
            num(rounding(orig.lo)),
            to.fmt_range(o_lo, o_hi)
        )
    } else {
        format!(
            "{head}: not a rounding of it ({} ± {} is {})",
            from.fmt(exact),
            num(rounding(orig.lo)),
            to.fmt_range(o_lo, o_hi)
        )
    };
    Finding {
        claimed: value.text.clone(),
        computed: to.fmt(exact),
        tolerance,
        verdict: if consistent {
            Verdict::Holds
        } else {
            Verdict::Off {
                by_percent: Some((pct * 10.0).round() / 10.0),
                by: to.fmt_signed(stated - exact),
            }
        },
        arithmetic,
        figures: Some(Figures::new(
            to,
            (stated, stated),
            (o_lo, o_hi),
            (exact, exact),
            (!consistent).then_some(stated - exact),
            (!consistent).then_some(pct),
        )),
    }
}

/// "the city closest to the border": `place` is nearer to `to` than each of `among`.
pub(crate) fn nearest(cx: &Ctx, place: &str, to: &str, among: &[String]) -> Finding {
    let claimed = format!("{} is the closest to {}", name(cx, place), name(cx, to));
    let d_place = match straight(cx, place, to) {
        Ok(d) => d,
        Err(why) => return Finding::cannot(claimed, why),
    };
    let mut rows = vec![format!(
        "{} {}",
        name(cx, place),
        Scale::KM.fmt(d_place.as_m())
    )];
    let mut closer: Option<(String, Length)> = None;
    for other in among.iter().filter(|o| *o != place) {
        let d = match straight(cx, other, to) {
            Ok(d) => d,
            Err(why) => return Finding::cannot(claimed, why),
        };
        rows.push(format!("{} {}", name(cx, other), Scale::KM.fmt(d.as_m())));
        if d < d_place && closer.as_ref().is_none_or(|(_, best)| d < *best) {
            closer = Some((name(cx, other), d));
        }
    }
    let head = format!(
        "straight-line distances to {}: {}",
        name(cx, to),
        rows.join(", ")
    );
    let tolerance = format!("nearest of the {} places compared", among.len().max(1));
    match closer {
        None => Finding {
            claimed,
            computed: format!("{} {}", name(cx, place), Scale::KM.fmt(d_place.as_m())),
            tolerance,
            verdict: Verdict::Holds,
            arithmetic: format!("{head}: {} is the nearest", name(cx, place)),
            figures: None,
        },
        Some((n, d)) => {
            let diff = d_place.as_m() - d.as_m();
            Finding {
                claimed,
                computed: format!("{n} {}", Scale::KM.fmt(d.as_m())),
                tolerance,
                verdict: Verdict::Off {
                    by_percent: Some((diff / d.as_m() * 1000.0).round() / 10.0),
                    by: Scale::KM.fmt_signed(diff),
                },
                arithmetic: format!("{head}: {n} is nearer"),
                figures: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(s: &str) -> Amount {
        Amount::try_from(s.to_string()).unwrap()
    }

    #[test]
    fn rounding_steps() {
        assert_eq!(half_step(745.0), 0.5);
        assert_eq!(half_step(425.0), 0.5);
        assert_eq!(rounding(100.0), 5.0);
        assert_eq!(rounding(1200.0), 50.0);
        assert_eq!(half_step(680.0), 5.0);
        assert_eq!(half_step(1200.0), 50.0);
        assert!((half_step(2.5) - 0.05).abs() < 1e-12);
        assert_eq!(half_step(7.0), 0.5);
    }

    #[test]
    fn conversions_from_the_seeds_and_elsewhere() {
        let f = conversion(&amount("1,200 kilometre (745 miles)"));
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        assert!(f.arithmetic.contains("745.6 mi"), "{}", f.arithmetic);
        let f = conversion(&amount("425 miles (680 kilometers)"));
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        // A marathon is 26.2 miles (42.2 km): consistent.
        assert_eq!(
            conversion(&amount("26.2 miles (42.2 km)")).verdict,
            Verdict::Holds
        );
        // 100 miles is not 100 km.
        let f = conversion(&amount("100 miles (100 km)"));
        assert!(
            matches!(f.verdict, Verdict::Off { by_percent: Some(p), .. } if p < -35.0),
            "{f:?}"
        );
        // A speed conversion: 60 mph (97 km/h).
        assert_eq!(
            conversion(&amount("60 mph (97 km/h)")).verdict,
            Verdict::Holds
        );
        let f = conversion(&amount("5 km (3 hours)"));
        assert!(matches!(f.verdict, Verdict::CannotCheck { .. }));
    }

    #[test]
    fn a_conversion_cut_instead_of_rounded_holds_and_says_so() {
        // 922 km = 572.9 mi: "572" is the figure cut to whole miles (Railway Gazette, 2010).
        let f = conversion(&amount("922km (572miles)"));
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        assert!(
            f.arithmetic.contains("cut rather than rounded"),
            "{}",
            f.arithmetic
        );
        // 329.3 km/h = 204.6 mph: "204.5" cut to a tenth.
        let f = conversion(&amount("329.3km/h (204.5mph)"));
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        // A figure one step below the cut one is still off: 922 km is not 571 miles.
        let f = conversion(&amount("922km (571miles)"));
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        // Cutting never excuses a figure above the exact one: 922 km is not 574 miles.
        let f = conversion(&amount("922km (574miles)"));
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
    }
}
