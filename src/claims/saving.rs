//! A trip's time before and after a change, and the time saved: "cut the journey from the
//! usual 2 hours 35 minutes to 2 hours 15 minutes", "more than 30 minutes faster than the
//! current two hours 35 minutes", "Paris-Bordeaux en 2h04 au lieu de 3h14".
//!
//! Two checks, each made when the claim gives what it needs:
//! - the article's own arithmetic: before − after against the time saved (all three given);
//! - the new time (`after`, else `before` − `saved`) on the route between `from` and `to` at
//!   the claim's speeds, as a duration at a speed is checked (a bounded route confirms
//!   nothing: plausible at best).
//!
//! With neither, the claim cannot be checked, and the `why` says what is missing.

use super::Ctx;
use super::judge::judge;
use super::motion::duration_at_speed;
use super::verdict::{Finding, Scale, Verdict, finding};
use crate::story::{Amount, Hedge};

/// The claim's figures, as the story states them.
pub(crate) struct Saving<'a> {
    pub route: Option<(&'a str, &'a str)>,
    pub before: Option<&'a Amount>,
    pub after: Option<&'a Amount>,
    pub saved: Option<&'a Amount>,
    pub speed: Option<&'a Amount>,
}

/// Checks a saving claim: its arithmetic, then its new time on the route.
pub(crate) fn saving(cx: &Ctx, s: &Saving) -> Finding {
    let claimed = [("before", s.before), ("after", s.after), ("saved", s.saved)]
        .iter()
        .filter_map(|(k, a)| a.map(|a| format!("{k} {}", a.text)))
        .collect::<Vec<_>>()
        .join(", ");
    let sums = match (s.before, s.after, s.saved) {
        (Some(b), Some(a), Some(v)) => Some(arithmetic(b, a, v)),
        _ => None,
    };
    let new_time = s.after.cloned().or_else(|| new_time(s.before?, s.saved?));
    // No speed given: the mode's fastest scheduled service, when every leg between the two
    // places is of one mode the top-speed table cites.
    let by_mode = match (s.speed, s.route) {
        (None, Some((a, b))) => mode_band(cx, a, b),
        _ => None,
    };
    let speed = s.speed.or(by_mode.as_ref().map(|(v, _)| v));
    let on_route = match (s.route, &new_time, speed) {
        (Some(r), Some(t), Some(v)) => {
            Some(duration_at_speed(cx, None, Some(r), v, t)).map(|mut f| {
                if let Some((_, why)) = &by_mode {
                    f.arithmetic = format!("{}; {why}", f.arithmetic);
                }
                f
            })
        }
        _ => None,
    };
    let mut f = match (sums, on_route) {
        (Some(a), Some(r)) => both(a, r),
        (Some(a), None) => a,
        (None, Some(mut r)) => {
            if s.after.is_none()
                && let Some(t) = &new_time
            {
                r.arithmetic = format!(
                    "new time {} ({} less {}); {}",
                    t.text,
                    s.before.map_or("", |b| b.text.as_str()),
                    s.saved.map_or("", |v| v.text.as_str()),
                    r.arithmetic
                );
            }
            r
        }
        (None, None) => Finding::cannot(&claimed, missing(s)),
    };
    f.claimed = claimed;
    f
}

/// The speed band of the legs between `a` and `b` when they are all of one mode the top-speed
/// table cites, with where it comes from in words.
fn mode_band(cx: &Ctx, a: &str, b: &str) -> Option<(Amount, String)> {
    let legs = cx.route.legs_between(a, b);
    let mode = legs.first()?.mode;
    if legs.iter().any(|l| l.mode != mode) {
        return None;
    }
    let top = super::top_speed::top(mode)?;
    let band = super::top_speed::band(&top)?;
    let why = format!(
        "no speed given: checked at {} (the fastest {} service in data/article/top_speeds.tsv as the upper end; 1 km/h sets no lower bound)",
        band.text,
        mode.as_str()
    );
    Some((band, why))
}

/// before − after, as stated, against the time saved with its hedge ("more than 30
/// minutes" accepts 30 minutes or more).
///
/// A time added ("a journey that usually lasts 16 hours took 24, eight hours more") is the
/// same arithmetic the other way round: the size of the change is compared.
fn arithmetic(before: &Amount, after: &Amount, saved: &Amount) -> Finding {
    let (b_lo, b_hi) = before.si();
    let (a_lo, a_hi) = after.si();
    let (d_lo, d_hi) = (b_lo - a_hi, b_hi - a_lo);
    let (c_lo, c_hi) = if d_lo >= 0.0 {
        (d_lo, d_hi)
    } else if d_hi <= 0.0 {
        (-d_hi, -d_lo)
    } else {
        (0.0, d_hi.max(-d_lo))
    };
    let (lo, hi) = saved.si();
    let o = judge(saved.hedge, lo, hi, c_lo, c_hi);
    let scale = Scale::MIN;
    finding(
        saved.text.clone(),
        scale.fmt_range(c_lo, c_hi),
        saved.tolerance(),
        o,
        scale,
        format!(
            "{} less {} = {} vs {} saved",
            before.text,
            after.text,
            scale.fmt_range(c_lo, c_hi),
            saved.text
        ),
    )
}

/// The new time a former time and a saving leave: "2 hours 35 minutes" less "more than 30
/// minutes" is at most 125 minutes.
fn new_time(before: &Amount, saved: &Amount) -> Option<Amount> {
    let (b_lo, b_hi) = before.si();
    let (v_lo, v_hi) = saved.si();
    let min = |si: f64| (si / 60.0 * 10.0).round() / 10.0;
    let text = match saved.hedge {
        Hedge::AtLeast => format!("at most {} minutes", min(b_hi - v_lo)),
        Hedge::AtMost => format!("at least {} minutes", min(b_lo - v_hi)),
        _ if (b_hi - v_lo - (b_lo - v_hi)).abs() < 1.0 => format!("{} minutes", min(b_lo - v_lo)),
        _ => format!("{}–{} minutes", min(b_lo - v_hi), min(b_hi - v_lo)),
    };
    Amount::try_from(text).ok().filter(|a| a.si().0 > 0.0)
}

/// The arithmetic and the route together, with both lines of arithmetic: off when either is;
/// the arithmetic's verdict when the route does not speak against the new time (it holds,
/// is plausible or cannot be checked); else the route's (implausible).
fn both(sums: Finding, route: Finding) -> Finding {
    let arithmetic = format!("{}; {}", sums.arithmetic, route.arithmetic);
    let pick = match (&sums.verdict, &route.verdict) {
        (Verdict::Off { .. }, _) => sums,
        (_, Verdict::Holds | Verdict::Plausible { .. } | Verdict::CannotCheck { .. }) => sums,
        _ => route,
    };
    Finding { arithmetic, ..pick }
}

/// What a saving claim lacks to be checked, in a sentence.
fn missing(s: &Saving) -> String {
    let mut lacks = Vec::new();
    if [s.before, s.after, s.saved].iter().flatten().count() < 3 {
        lacks.push("the time before, the time after and the time saved all three (to check the arithmetic)");
    }
    if s.route.is_none() {
        lacks.push("the trip's two places (to check the new time on the route)");
    } else if s.speed.is_none() {
        lacks.push("a speed to check the new time at (the legs' mode has no top speed in data/article/top_speeds.tsv)");
    }
    format!("a time saved needs {}", lacks.join(", or "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Story;

    fn amount(t: &str) -> Amount {
        Amount::try_from(t.to_string()).unwrap()
    }

    /// Paris (GeoNames 2988507) to London (2643743), a rail leg with no line data.
    fn paris_london() -> (Story, crate::route::Route) {
        let s = Story::parse(
            "[[waypoints]]\nid = \"paris\"\nat = \"48.85341, 2.3488\"\n[[waypoints]]\nid = \"london\"\nat = \"51.50853, -0.12574\"\n[[legs]]\nfrom = \"paris\"\nto = \"london\"\nmode = \"rail\"\n",
            "t.toml",
        )
        .unwrap();
        let r = crate::claims::route_without_gazetteer(&s);
        (s, r)
    }

    #[test]
    fn the_articles_own_arithmetic_holds_or_is_off() {
        let (s, r) = paris_london();
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        let (b, a) = (amount("155 minutes"), amount("135 minutes"));
        let check = |saved: &str| {
            let v = amount(saved);
            saving(
                &cx,
                &Saving {
                    route: None,
                    before: Some(&b),
                    after: Some(&a),
                    saved: Some(&v),
                    speed: None,
                },
            )
        };
        let f = check("20 minutes");
        assert!(matches!(f.verdict, Verdict::Holds), "{}", f.arithmetic);
        assert!(
            f.arithmetic
                .starts_with("155 minutes less 135 minutes = 20.0 min"),
            "{}",
            f.arithmetic
        );
        let f = check("40 minutes");
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        // A time added: 16 hours before, 24 after, "eight hours" more.
        let (b, a, v) = (
            amount("16 hours"),
            amount("24 hours"),
            amount("eight hours"),
        );
        let f = saving(
            &cx,
            &Saving {
                route: None,
                before: Some(&b),
                after: Some(&a),
                saved: Some(&v),
                speed: None,
            },
        );
        assert!(matches!(f.verdict, Verdict::Holds), "{}", f.arithmetic);
    }

    #[test]
    fn the_new_time_on_a_bounded_route_is_plausible_never_off() {
        let (s, r) = paris_london();
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        // "more than 30 minutes faster than the current two hours 35 minutes", at up to
        // 300 km/h: at most 125 minutes over at least the 343.5 km straight line.
        let (b, v, top) = (
            amount("155 minutes"),
            amount("more than 30 minutes"),
            amount("1–300 km/h"),
        );
        let f = saving(
            &cx,
            &Saving {
                route: Some(("paris", "london")),
                before: Some(&b),
                after: None,
                saved: Some(&v),
                speed: Some(&top),
            },
        );
        assert!(
            matches!(f.verdict, Verdict::Plausible { .. }),
            "{:?} {}",
            f.verdict,
            f.arithmetic
        );
        assert!(
            f.arithmetic.starts_with(
                "new time at most 125 minutes (155 minutes less more than 30 minutes)"
            ),
            "{}",
            f.arithmetic
        );
        assert_eq!(f.claimed, "before 155 minutes, saved more than 30 minutes");
    }

    #[test]
    fn with_no_speed_a_rail_trip_is_checked_at_the_fastest_trains() {
        let (s, r) = paris_london();
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        // 343.5 km in a straight line: 40 minutes would need over 500 km/h.
        let (b, a) = (amount("155 minutes"), amount("40 minutes"));
        let f = saving(
            &cx,
            &Saving {
                route: Some(("paris", "london")),
                before: Some(&b),
                after: Some(&a),
                saved: None,
                speed: None,
            },
        );
        assert!(
            matches!(f.verdict, Verdict::Off { .. }),
            "{:?} {}",
            f.verdict,
            f.arithmetic
        );
        assert!(
            f.arithmetic
                .contains("no speed given: checked at 1–350 km/h (the fastest rail service"),
            "{}",
            f.arithmetic
        );
    }

    #[test]
    fn a_saving_alone_cannot_be_checked_and_says_why() {
        let (s, r) = paris_london();
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        let v = amount("20 minutes");
        let f = saving(
            &cx,
            &Saving {
                route: None,
                before: None,
                after: None,
                saved: Some(&v),
                speed: None,
            },
        );
        let Verdict::CannotCheck { why } = &f.verdict else {
            panic!("{:?}", f.verdict)
        };
        assert!(why.contains("the trip's two places"), "{why}");
    }
}
