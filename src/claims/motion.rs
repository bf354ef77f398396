//! Claims about motion: duration at a speed, speed caps and ranges.

use super::Ctx;
use super::distance::route_length;
use super::judge::judge;
use super::timeline::{between, fmt_range};
use super::verdict::{Figures, Finding, Scale, Verdict, finding, lower_bound_only};
use crate::story::Amount;

/// "1,200 km at around 60 km/h takes at least 20 hours": distance ÷ speed against the
/// claimed duration (with the duration's hedge). With `route` = (from, to) the route's length
/// is used instead of an article's distance.
pub(crate) fn duration_at_speed(
    cx: &Ctx,
    distance: Option<&Amount>,
    route: Option<(&str, &str)>,
    speed: &Amount,
    duration: &Amount,
) -> Finding {
    let (d_m, d_text, exact) = match (distance, route) {
        (Some(d), _) => (d.si().0.max(d.si().1), d.text.clone(), true),
        (None, Some((a, b))) => match route_length(cx, a, b) {
            Ok(r) => (
                r.length.as_m(),
                format!(
                    "{} by {}{}",
                    Scale::KM.fmt(r.length.as_m()),
                    r.how,
                    if r.exact { "" } else { " (lower bound)" }
                ),
                r.exact,
            ),
            Err(why) => return Finding::cannot(&duration.text, why),
        },
        (None, None) => return Finding::cannot(&duration.text, "no distance given"),
    };
    // The speed's own wording widens it ("around 60 km/h" is 54–66 km/h); an open end keeps
    // the stated figure.
    let (s_lo, s_hi) = speed.si();
    let (b_lo, b_hi) = speed.hedge.band(s_lo, s_hi);
    let v_lo = if b_lo > 0.0 { b_lo } else { s_lo };
    let v_hi = if b_hi.is_finite() { b_hi } else { s_hi };
    if v_lo <= 0.0 {
        return Finding::cannot(&duration.text, "the speed is zero");
    }
    let (t_lo, t_hi) = (d_m / v_hi, d_m / v_lo);
    let scale = Scale::from(duration.quantity.value.unit);
    let (lo, hi) = duration.si();
    let head = format!(
        "{d_text} ÷ {} = {}; claimed {}",
        Scale::from(speed.quantity.value.unit).fmt_range(v_lo, v_hi),
        scale.fmt_range(t_lo, t_hi),
        duration.text
    );
    // With a lower-bound distance the time is a lower bound too.
    let t_top = if exact { t_hi } else { f64::INFINITY };
    let f = finding(
        duration.text.clone(),
        scale.fmt_range(t_lo, t_top),
        duration.tolerance(),
        judge(duration.hedge, lo, hi, t_lo, t_top),
        scale,
        head,
    );
    too_wide_to_confirm(lower_bound_only(f, exact), t_lo, t_top)
}

/// A computed time wider than this factor (top ÷ bottom) cannot confirm a claim it contains.
pub const CONFIRMING_SPAN: f64 = 2.0;

/// A duration computed from a wide speed range ("1–380 km/h": only the article's top speed
/// bounds it) contains most claims and so confirms none: a finding that holds on a time
/// spanning more than [`CONFIRMING_SPAN`] becomes "plausible", saying so.
fn too_wide_to_confirm(mut f: Finding, t_lo: f64, t_hi: f64) -> Finding {
    if !matches!(f.verdict, Verdict::Holds) || t_hi <= t_lo * CONFIRMING_SPAN {
        return f;
    }
    let why = format!(
        "the speeds allowed give a time from {} to {}, more than {CONFIRMING_SPAN}× apart: the claim lies within it, which cannot confirm it",
        Scale::H.fmt(t_lo),
        Scale::H.fmt(t_hi)
    );
    f.arithmetic = format!(
        "{}; the range is too wide to confirm the claim",
        f.arithmetic
    );
    f.verdict = Verdict::Plausible { why };
    f
}

/// "moves at speeds of less than 40 mph": compared with the average speed the timeline
/// implies between two events. A speed claim describes the moving speed; the average over a
/// timeline includes stops, so it may be lower but not higher than the claim allows.
pub(crate) fn speed(
    cx: &Ctx,
    value: &Amount,
    events: Option<(&str, &str)>,
    average: bool,
) -> Finding {
    let Some((e1, e2)) = events else {
        return Finding::cannot(
            &value.text,
            "no timeline to compare with: give from_event and to_event (claims on the same topic are still compared)",
        );
    };
    let (el, a, b) = match between(cx, e1, e2) {
        Ok(x) => x,
        Err(why) => return Finding::cannot(&value.text, why),
    };
    let r = match route_length(cx, &a.at, &b.at) {
        Ok(r) => r,
        Err(why) => return Finding::cannot(&value.text, why),
    };
    let d = r.length.as_m();
    let (avg_lo, avg_hi) = (
        d / el.max.as_secs_f64().max(1.0),
        d / el.min.as_secs_f64().max(1.0),
    );
    let scale = Scale::from(value.quantity.value.unit);
    let (lo, hi) = value.si();
    let (_, band_hi) = value.hedge.band(lo, hi);
    let tolerance = format!(
        "the average (stops included) may be at most the claim's upper end, {}",
        value.hedge.tolerance()
    );
    let head = format!(
        "{} by {}{} in {} ⇒ average {}{} vs {} claimed",
        Scale::KM.fmt(d),
        r.how,
        if r.exact { "" } else { " (lower bound)" },
        fmt_range(&el),
        Scale::KMH.fmt_range(avg_lo, avg_hi),
        if scale.symbol == Scale::KMH.symbol {
            String::new()
        } else {
            format!(" ({})", scale.fmt_range(avg_lo, avg_hi))
        },
        value.text
    );
    let computed = format!("average {}", Scale::KMH.fmt_range(avg_lo, avg_hi));
    if average {
        let f = finding(
            value.text.clone(),
            computed,
            value.tolerance(),
            judge(value.hedge, lo, hi, avg_lo, avg_hi),
            scale,
            head,
        );
        return lower_bound_only(f, r.exact);
    }
    if band_hi.is_infinite() {
        return Finding {
            claimed: value.text.clone(),
            computed,
            tolerance,
            arithmetic: format!("{head}: a lower bound on the moving speed cannot be checked against an average that includes stops (set average = true if the article means the average)"),
            verdict: Verdict::CannotCheck {
                why: "a lower bound on the moving speed cannot be checked against the timeline's average".into(),
            },
            figures: None,
        };
    }
    if avg_lo <= band_hi {
        let f = Finding {
            claimed: value.text.clone(),
            computed,
            tolerance,
            arithmetic: format!("{head}: at or under its upper end {}", scale.fmt(band_hi)),
            verdict: Verdict::Holds,
            figures: Some(Figures::new(
                scale,
                (lo, hi),
                (0.0, band_hi),
                (avg_lo, avg_hi),
                None,
                None,
            )),
        };
        return lower_bound_only(f, r.exact);
    }
    let nominal = value.hedge.nominal(lo, hi);
    let pct = (avg_lo - nominal) / nominal * 100.0;
    Finding {
        claimed: value.text.clone(),
        computed,
        tolerance,
        arithmetic: format!(
            "{head}: even the slowest average is over its upper end {}",
            scale.fmt(band_hi)
        ),
        verdict: Verdict::Off {
            by_percent: Some((pct * 10.0).round() / 10.0),
            by: scale.fmt_signed(avg_lo - nominal),
        },
        figures: Some(Figures::new(
            scale,
            (lo, hi),
            (0.0, band_hi),
            (avg_lo, avg_hi),
            Some(avg_lo - nominal),
            Some(pct),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::Route;
    use crate::story::Story;

    fn amount(s: &str) -> Amount {
        Amount::try_from(s.to_string()).unwrap()
    }

    /// London King's Cross to Edinburgh Waverley, by coordinates, with a timeline.
    fn uk() -> (Story, Route) {
        let s = Story::parse(
            "[[waypoints]]\nid = \"lon\"\nat = \"51.5308, -0.1238\"\nname = \"London\"\n[[waypoints]]\nid = \"edi\"\nat = \"55.9521, -3.1890\"\nname = \"Edinburgh\"\n[[legs]]\nfrom = \"lon\"\nto = \"edi\"\nmode = \"air\"\n[[events]]\nid = \"dep\"\nat = \"lon\"\nwhat = \"left\"\ntime = 2024-05-01T10:00:00\ntz = \"Europe/London\"\n[[events]]\nid = \"arr\"\nat = \"edi\"\nwhat = \"arrived\"\ntime = 2024-05-01T14:20:00\ntz = \"Europe/London\"\n",
            "uk.toml",
        )
        .unwrap();
        let r = crate::claims::route_without_gazetteer(&s);
        (s, r)
    }

    #[test]
    fn duration_at_speed_is_the_articles_arithmetic() {
        let (s, r) = uk();
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        let f = duration_at_speed(
            &cx,
            Some(&amount("1,200 km")),
            None,
            &amount("around 60 km/h"),
            &amount("at least 20 hours"),
        );
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        let f = duration_at_speed(
            &cx,
            Some(&amount("500 miles")),
            None,
            &amount("100 mph"),
            &amount("about 8 hours"),
        );
        assert!(
            matches!(f.verdict, Verdict::Off { by_percent: Some(p), .. } if p < -30.0),
            "{f:?}"
        );
        // With the route: 534 km straight at 100 km/h ≈ 5.3 h.
        let f = duration_at_speed(
            &cx,
            None,
            Some(("lon", "edi")),
            &amount("100 km/h"),
            &amount("about 5 hours"),
        );
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
    }

    #[test]
    fn speed_caps_against_the_timeline() {
        let (s, r) = uk();
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        // 534 km in 4 h 20 min ≈ 123 km/h average.
        let f = speed(
            &cx,
            &amount("less than 125 mph"),
            Some(("dep", "arr")),
            false,
        );
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        let f = speed(
            &cx,
            &amount("less than 40 mph"),
            Some(("dep", "arr")),
            false,
        );
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        assert!(matches!(
            speed(&cx, &amount("40 mph"), None, false).verdict,
            Verdict::CannotCheck { .. }
        ));
        // A lower bound on the moving speed says nothing about the average…
        let f = speed(
            &cx,
            &amount("more than 100 mph"),
            Some(("dep", "arr")),
            false,
        );
        assert!(
            matches!(f.verdict, Verdict::CannotCheck { .. }),
            "{}",
            f.arithmetic
        );
        // …unless the article speaks of the average: 123 km/h ≈ 77 mph is not over 100 mph.
        let f = speed(
            &cx,
            &amount("more than 100 mph"),
            Some(("dep", "arr")),
            true,
        );
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        let f = speed(&cx, &amount("about 75 mph"), Some(("dep", "arr")), true);
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
    }

    /// A time from a speed range wider than a factor of two contains the claim but does not
    /// confirm it; one outside it is still off.
    #[test]
    fn a_wide_speed_range_makes_a_duration_plausible_not_holding() {
        let wide = too_wide_to_confirm(
            Finding {
                claimed: "3 hours".into(),
                computed: "0.8–300 h".into(),
                tolerance: String::new(),
                arithmetic: "x".into(),
                verdict: Verdict::Holds,
                figures: None,
            },
            3_000.0,
            1_080_000.0,
        );
        assert!(
            matches!(wide.verdict, Verdict::Plausible { .. }),
            "{:?}",
            wide.verdict
        );
        assert!(wide.arithmetic.contains("too wide"), "{}", wide.arithmetic);
        let narrow = too_wide_to_confirm(
            Finding {
                claimed: "20 hours".into(),
                computed: "18–22 h".into(),
                tolerance: String::new(),
                arithmetic: "x".into(),
                verdict: Verdict::Holds,
                figures: None,
            },
            65_000.0,
            80_000.0,
        );
        assert_eq!(narrow.verdict, Verdict::Holds);
        let off = Verdict::Off {
            by_percent: Some(50.0),
            by: "+1 h".into(),
        };
        let kept = too_wide_to_confirm(
            Finding {
                claimed: "3 hours".into(),
                computed: "5–20 h".into(),
                tolerance: String::new(),
                arithmetic: "x".into(),
                verdict: off.clone(),
                figures: None,
            },
            18_000.0,
            72_000.0,
        );
        assert_eq!(kept.verdict, off);
    }
}
