//! Where a wrong figure came from: for a claim that is off, implausible, contradicts another
//! or is only plausible, the usual newsroom mistakes are tried, each as the figure the article
//! would have printed had it made that mistake, and the best one that the claim meets within
//! its own tolerance is reported with its arithmetic as the claim's [`LikelySource`].
//!
//! The mistakes tried, in order of how often they happen (a kind that fits wins over a later
//! kind; within a kind the closest fit wins; the others that fit are listed as `also`):
//!
//! 1. geography (`geography.rs`): the straight line between the trip's endpoints quoted as the
//!    route, or the route (or a road/rail band from the circuity table) quoted as the straight
//!    line; time-zone slips for times (`zones.rs`): off by the zone difference, local time read
//!    as UTC, a daylight-saving change;
//! 2. unit mix-ups (`units.rs`): km and miles, statute and nautical miles, km/h and mph,
//!    hours and days, minutes and hours; a conversion left undone or done the wrong way;
//! 3. one way vs round trip;
//! 4. a different stretch of the same trip;
//! 5. the straight line between two other places of the story.
//!
//! A figure that fits no explanation gets "no explanation found" and the list of what was
//! tried. A source is never named without the arithmetic that shows it. A claim that holds
//! (rounding: "about 1,200 km" for 1,183 km) gets no diagnosis at all.

mod geography;
mod units;
mod zones;

use std::fmt;

use super::Ctx;
use super::verdict::{Checked, Scale, Span, Verdict, num};
use crate::story::{Amount, ClaimKind, ClaimSpec};

/// The kind of mistake a likely source names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// The straight line between two places quoted as the route's length.
    StraightLine,
    /// The route's length (or a road or rail band) quoted as the straight line.
    RouteAsStraightLine,
    /// A figure in one unit written or read as another.
    UnitMixUp,
    /// A time off by a time-zone difference, a local time read as UTC, or a DST change.
    TimeZoneSlip,
    /// A round trip quoted as one way, or one way as a round trip.
    RoundTrip,
    /// The length of a different stretch of the same trip.
    OtherStretch,
}

impl Cause {
    /// The stable name used in JSON: straight_line, route_as_straight_line, unit_mix_up,
    /// time_zone_slip, round_trip, other_stretch.
    pub fn word(self) -> &'static str {
        match self {
            Cause::StraightLine => "straight_line",
            Cause::RouteAsStraightLine => "route_as_straight_line",
            Cause::UnitMixUp => "unit_mix_up",
            Cause::TimeZoneSlip => "time_zone_slip",
            Cause::RoundTrip => "round_trip",
            Cause::OtherStretch => "other_stretch",
        }
    }
}

/// The diagnosis of a figure that does not hold: the usual mistake that explains it, with its
/// arithmetic, or "no explanation found" and what was tried.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LikelySource {
    /// The kind of mistake; `None` when no usual explanation fits.
    pub cause: Option<Cause>,
    /// In words: "the straight line Pyongyang → Vladivostok quoted as the route", or "no
    /// explanation found".
    pub summary: String,
    /// The arithmetic that shows it, or what was tried when nothing fits.
    pub arithmetic: String,
    /// The figure the mistake gives, in `unit`.
    pub figure: Option<Span>,
    /// The unit of `figure`.
    pub unit: Option<&'static str>,
    /// The claimed figure against the mistake's figure, in per cent.
    pub deviation_percent: Option<f64>,
    /// Other explanations that fit too, each with its figure, best first.
    pub also: Vec<String>,
}

impl LikelySource {
    /// Whether a usual mistake explains the figure.
    pub fn found(&self) -> bool {
        self.cause.is_some()
    }
}

impl fmt::Display for LikelySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.summary, self.arithmetic)?;
        if !self.also.is_empty() {
            write!(f, " (also fits: {})", self.also.join("; "))?;
        }
        Ok(())
    }
}

/// One usual mistake: the figure the article would have printed had it made it.
pub(super) struct Candidate {
    /// Which kind of mistake.
    pub cause: Cause,
    /// In words, for the report.
    pub summary: String,
    /// How the figure is computed, ending in the figure: "geodesic … = 684.5 km".
    pub working: String,
    /// The figure (or band) in SI units.
    pub figure_si: (f64, f64),
}

/// The claim as the diagnosis reads it: its figure, what its wording accepts, and the real
/// value the checker computed, all in SI units.
pub(super) struct Claimed<'a> {
    /// The claim's figure as written ("about 425 miles").
    pub text: &'a str,
    /// The claim's figure (or range), SI.
    pub value_si: (f64, f64),
    /// What the claim's wording accepts, SI (the upper end may be infinite).
    pub accepted_si: (f64, f64),
    /// The real value (or the usual band where the data only bounds it), SI; `None` when the
    /// checker has only a lower bound.
    pub truth_si: Option<(f64, f64)>,
    /// What `truth_si` is, in words: "the real figure" or "the route's usual band".
    pub truth_what: &'static str,
    /// The tolerance in words.
    pub tolerance: &'a str,
    /// The claim's display unit.
    pub scale: Scale,
    /// The claim's quantity as parsed (its unit).
    pub amount: &'a Amount,
}

/// How far the claim is from a candidate's figure, in per cent, if the claim's wording accepts
/// it (the candidate's figure overlaps what the wording accepts).
fn fit(c: &Claimed, cand: &Candidate) -> Option<f64> {
    let (f_lo, f_hi) = cand.figure_si;
    let (a_lo, a_hi) = c.accepted_si;
    if !(f_lo.is_finite() && f_hi.is_finite() && f_lo > 0.0) || f_hi < a_lo || f_lo > a_hi {
        return None;
    }
    // Not an alternative when the real value gives the same figure.
    if let Some((t_lo, t_hi)) = c.truth_si
        && f_hi >= t_lo * 0.995
        && f_lo <= t_hi * 1.005
    {
        return None;
    }
    let (v_lo, v_hi) = c.value_si;
    let f_near = ((v_lo + v_hi) / 2.0).clamp(f_lo, f_hi);
    let v_near = f_near.clamp(v_lo, v_hi);
    let pct = (v_near - f_near) / f_near * 100.0 + 0.0;
    // A bound ("at least 20 hours", "less than 40 mph") accepts everything on one side; a
    // figure far inside it explains nothing, so it must lie within 10 % of the bound.
    let one_sided = a_lo <= 0.0 || !a_hi.is_finite();
    (!one_sided || pct.abs() <= ONE_SIDED_PCT).then_some(pct)
}

/// How near a bound's figure an explanation must come (see [`fit`]).
const ONE_SIDED_PCT: f64 = 10.0;

/// The claim's quantity, for the kinds whose figure a usual mistake can explain.
fn amount(k: &ClaimKind) -> Option<&Amount> {
    match k {
        ClaimKind::Distance { value, .. } | ClaimKind::Speed { value, .. } => Some(value),
        ClaimKind::DurationAtSpeed { duration, .. } | ClaimKind::Flight { duration, .. } => {
            Some(duration)
        }
        ClaimKind::Timeline {
            duration: Some(d), ..
        } => Some(d),
        _ => None,
    }
}

/// Diagnoses one checked claim; `None` for claims that hold or cannot be checked.
pub(crate) fn diagnose(cx: &Ctx, spec: &ClaimSpec, c: &Checked) -> Option<LikelySource> {
    let plausible_only = match &c.verdict {
        Verdict::Off { .. } | Verdict::Implausible { .. } | Verdict::Contradicts { .. } => false,
        Verdict::Plausible { .. } => true,
        Verdict::Holds | Verdict::LooselyHolds { .. } | Verdict::CannotCheck { .. } => {
            return None;
        }
    };
    if let ClaimKind::Conversion { value } = &spec.kind {
        return Some(choose(units::conversion(value)));
    }
    if let Verdict::Contradicts { other, .. } = &c.verdict {
        let other = cx.story.claims.iter().find(|s| &s.id == other)?;
        return Some(choose(units::between_claims(spec, other)));
    }
    let Some(a) = amount(&spec.kind) else {
        let found = none_found(&[]);
        return (!plausible_only).then(|| LikelySource {
            arithmetic: format!(
                "none of the usual mistakes (straight line for route, unit mix-up, time zone, round trip, another stretch) applies to a {} claim",
                spec.kind.name().replace('_', " ")
            ),
            ..found
        });
    };
    let figures = c.figures.as_ref()?;
    let scale = Scale::from(a.quantity.value.unit);
    let si = |s: &Span| {
        (
            s.lo * scale.si,
            s.hi.map_or(f64::INFINITY, |h| h * scale.si),
        )
    };
    let truth = figures.usual.as_ref().map(si).or_else(|| {
        let t = si(&figures.computed);
        t.1.is_finite().then_some(t)
    });
    let claimed = Claimed {
        text: &a.text,
        value_si: a.si(),
        accepted_si: si(&figures.accepted),
        truth_si: truth,
        truth_what: if figures.usual.is_some() {
            "the route's usual band"
        } else {
            "the real figure"
        },
        tolerance: &c.tolerance,
        scale,
        amount: a,
    };
    // The tiers, most common mistake first (see the module's documentation).
    let cands = vec![
        geography::endpoints(cx, &spec.kind),
        zones::slips(cx, &spec.kind, truth, scale),
        units::mix_ups(&claimed),
        geography::round_trip(&spec.kind, truth),
        geography::other_stretches(cx, &spec.kind),
        geography::other_places(cx, &spec.kind),
    ];
    let mut found = choose_fitting(&claimed, cands);
    if plausible_only {
        // The real value may well be the claim's: a possible source, not a refutation.
        if !found.found() {
            return None;
        }
        found.arithmetic = format!(
            "{}; the claim also lies within what the data allows, so this is a possible source, not a refutation",
            found.arithmetic
        );
    }
    Some(found)
}

/// The best fitting candidate of the earliest tier that has one.
fn choose_fitting(c: &Claimed, tiers: Vec<Vec<Candidate>>) -> LikelySource {
    let mut tried: Vec<&'static str> = Vec::new();
    let mut fitting: Vec<(usize, f64, &Candidate)> = Vec::new();
    for (tier, cands) in tiers.iter().enumerate() {
        for cand in cands {
            let word = cause_phrase(cand.cause);
            if !tried.contains(&word) {
                tried.push(word);
            }
            if let Some(pct) = fit(c, cand) {
                fitting.push((tier, pct, cand));
            }
        }
    }
    fitting.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.abs().total_cmp(&b.1.abs())));
    let Some(&(_, pct, best)) = fitting.first() else {
        return none_found(&tried);
    };
    let pct = (pct * 10.0).round() / 10.0 + 0.0;
    let fig = c.scale.fmt_range(best.figure_si.0, best.figure_si.1);
    let arithmetic = format!(
        "{}; {} claimed vs {fig}: {pct:+.1} %, within the claim's own tolerance ({})",
        best.working, c.text, c.tolerance
    );
    LikelySource {
        cause: Some(best.cause),
        summary: best.summary.clone(),
        arithmetic,
        figure: Some(Span::of(best.figure_si, c.scale)),
        unit: Some(c.scale.symbol),
        deviation_percent: Some((pct * 10.0).round() / 10.0 + 0.0),
        also: fitting
            .iter()
            .skip(1)
            .take(3)
            .map(|(_, p, cand)| {
                format!(
                    "{} ({}, {p:+.1} %)",
                    cand.summary,
                    c.scale.fmt_range(cand.figure_si.0, cand.figure_si.1)
                )
            })
            .collect(),
    }
}

/// A diagnosis from candidates that carry their own fit (conversions, pairs of claims): the
/// first one, or none found.
fn choose(found: Vec<LikelySource>) -> LikelySource {
    let mut found = found.into_iter();
    match found.next() {
        Some(mut best) => {
            best.also = found.take(3).map(|o| o.summary).collect();
            best
        }
        None => none_found(&[]),
    }
}

fn none_found(tried: &[&str]) -> LikelySource {
    LikelySource {
        cause: None,
        summary: "no explanation found".into(),
        arithmetic: if tried.is_empty() {
            "no usual mistake gives this figure".into()
        } else {
            format!(
                "no usual mistake gives this figure within the claim's tolerance (tried: {})",
                tried.join(", ")
            )
        },
        figure: None,
        unit: None,
        deviation_percent: None,
        also: Vec::new(),
    }
}

/// The kind of mistake in a few words, for the list of what was tried.
fn cause_phrase(c: Cause) -> &'static str {
    match c {
        Cause::StraightLine => "straight line for route",
        Cause::RouteAsStraightLine => "route for straight line",
        Cause::UnitMixUp => "unit mix-ups",
        Cause::TimeZoneSlip => "time-zone slips",
        Cause::RoundTrip => "one way vs round trip",
        Cause::OtherStretch => "another stretch of the trip",
    }
}

/// "684.5 km" for a figure, "572.3–800.1 km" for a band.
pub(super) fn show(scale: Scale, (lo, hi): (f64, f64)) -> String {
    scale.fmt_range(lo, hi)
}

/// A ratio as a factor: "× 1.609".
pub(super) fn factor(r: f64) -> String {
    if (r - r.round()).abs() < 1e-9 {
        format!("{}", r.round())
    } else {
        let s = format!("{r:.3}");
        s.trim_end_matches('0').to_string()
    }
}

/// A number for the arithmetic ("648.1").
pub(super) fn n(x: f64) -> String {
    num(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Story;

    /// London King's Cross, York and Edinburgh Waverley by coordinates, with `legs` and
    /// `claims` appended; every claim checked and diagnosed.
    fn checked(legs: &str, claims: &str) -> Vec<Checked> {
        let s = Story::parse(
            &format!(
                "[[waypoints]]\nid = \"london\"\nat = \"51.5308, -0.1238\"\nname = \"London\"\n[[waypoints]]\nid = \"york\"\nat = \"53.9580, -1.0930\"\nname = \"York\"\n[[waypoints]]\nid = \"edinburgh\"\nat = \"55.9521, -3.1890\"\nname = \"Edinburgh\"\n{legs}\n{claims}"
            ),
            "t.toml",
        )
        .unwrap();
        let r = crate::claims::route_without_gazetteer(&s);
        crate::claims::check_all(&s, &r)
    }

    fn claim(id: &str, body: &str) -> String {
        format!("[[claims]]\nid = \"{id}\"\noutlet = \"T\"\nquote = \"q\"\n{body}\n")
    }

    const DIRECT: &str =
        "[[legs]]\nfrom = \"london\"\nto = \"edinburgh\"\nvia = [\"york\"]\nmode = \"direct\"\n";

    fn source<'a>(c: &'a [Checked], id: &str) -> Option<&'a LikelySource> {
        c.iter()
            .find(|c| c.id == id)
            .unwrap()
            .likely_source
            .as_ref()
    }

    #[test]
    fn one_way_quoted_as_a_round_trip_and_nothing_found() {
        let c = checked(
            DIRECT,
            &(claim(
                "round",
                "kind = \"distance\"\nfrom = \"london\"\nto = \"edinburgh\"\nvalue = \"1,070 km\"",
            ) + &claim(
                "none",
                "kind = \"distance\"\nfrom = \"london\"\nto = \"edinburgh\"\nvalue = \"1,500 km\"",
            ) + &claim(
                "fine",
                "kind = \"distance\"\nfrom = \"london\"\nto = \"edinburgh\"\nvalue = \"about 540 km\"",
            )),
        );
        let ls = source(&c, "round").unwrap();
        assert_eq!(ls.cause, Some(Cause::RoundTrip), "{ls}");
        assert!(ls.arithmetic.starts_with("2 × "), "{ls}");
        let ls = source(&c, "none").unwrap();
        assert!(!ls.found() && ls.summary == "no explanation found", "{ls}");
        assert!(ls.arithmetic.contains("tried: unit mix-ups"), "{ls}");
        assert!(ls.figure.is_none() && ls.deviation_percent.is_none());
        // A figure that holds is not diagnosed.
        assert!(source(&c, "fine").is_none());
    }

    /// A plausible figure (a rail leg with no line data) that is the straight line: shown as a
    /// possible source, saying it is no refutation.
    #[test]
    fn a_plausible_figure_that_is_the_straight_line() {
        let rail = "[[legs]]\nfrom = \"london\"\nto = \"edinburgh\"\nmode = \"rail\"\n";
        let c = checked(
            rail,
            &claim(
                "crow",
                "kind = \"distance\"\nfrom = \"london\"\nto = \"edinburgh\"\nvalue = \"535 km\"",
            ),
        );
        assert!(
            matches!(c[0].verdict, Verdict::Plausible { .. }),
            "{:?}",
            c[0]
        );
        let ls = source(&c, "crow").unwrap();
        assert_eq!(ls.cause, Some(Cause::StraightLine), "{ls}");
        assert!(ls.arithmetic.contains("not a refutation"), "{ls}");
    }

    /// "at least 9 hours at 60 km/h" from London to Edinburgh by a rail leg with no line
    /// data: the 534 km straight line at 54–66 km/h is 8.1–9.9 h; the route is longer.
    #[test]
    fn a_time_from_the_straight_line() {
        let rail = "[[legs]]\nfrom = \"london\"\nto = \"edinburgh\"\nmode = \"rail\"\n";
        let c = checked(
            rail,
            &claim(
                "t",
                "kind = \"duration_at_speed\"\nfrom = \"london\"\nto = \"edinburgh\"\nspeed = \"around 60 km/h\"\nduration = \"about 8 hours\"",
            ),
        );
        assert!(!matches!(c[0].verdict, Verdict::Holds), "{:?}", c[0]);
        let ls = source(&c, "t").unwrap();
        assert_eq!(ls.cause, Some(Cause::StraightLine), "{ls}");
        assert!(
            ls.summary
                .contains("from the straight line London → Edinburgh"),
            "{ls}"
        );
    }

    /// "at least 20 hours" for 600 km at around 60 km/h (9.1–11.1 h): hours read as days
    /// would give 218–267 h, which "at least" accepts but which explains nothing.
    #[test]
    fn a_bound_is_not_explained_by_a_figure_far_inside_it() {
        let c = checked(
            DIRECT,
            &claim(
                "t",
                "kind = \"duration_at_speed\"\ndistance = \"600 km\"\nspeed = \"around 60 km/h\"\nduration = \"at least 20 hours\"",
            ),
        );
        assert!(matches!(c[0].verdict, Verdict::Off { .. }), "{:?}", c[0]);
        let ls = source(&c, "t").unwrap();
        assert!(!ls.found(), "{ls}");
    }

    #[test]
    fn a_road_band_quoted_as_the_straight_line() {
        // 534 km straight; by road usually 1.2–1.4× that (641–748 km).
        let road = "[[legs]]\nfrom = \"london\"\nto = \"edinburgh\"\nmode = \"road\"\n";
        let c = checked(
            road,
            &claim(
                "crow",
                "kind = \"distance\"\nfrom = \"london\"\nto = \"edinburgh\"\nvalue = \"about 700 km\"\nmeasure = \"straight\"",
            ),
        );
        let ls = source(&c, "crow").unwrap();
        assert_eq!(ls.cause, Some(Cause::RouteAsStraightLine), "{ls}");
        assert!(ls.summary.contains("road route London → Edinburgh"), "{ls}");
        // Not travelled in the story: the road band from the circuity table.
        let c = checked(
            DIRECT,
            &claim(
                "crow",
                "kind = \"distance\"\nfrom = \"london\"\nto = \"york\"\nvalue = \"about 330 km\"\nmeasure = \"straight\"",
            ),
        );
        let ls = source(&c, "crow").unwrap();
        assert_eq!(ls.cause, Some(Cause::RouteAsStraightLine), "{ls}");
        assert!(ls.arithmetic.contains("road circuity"), "{ls}");
    }

    #[test]
    fn conversions_left_undone_or_done_the_wrong_way() {
        let c = checked(
            DIRECT,
            &(claim(
                "undone",
                "kind = \"conversion\"\nvalue = \"100 miles (100 km)\"",
            ) + &claim(
                "inverted",
                "kind = \"conversion\"\nvalue = \"60 mph (37 km/h)\"",
            ) + &claim(
                "mile",
                "kind = \"conversion\"\nvalue = \"100 nautical miles (161 km)\"",
            )),
        );
        let ls = source(&c, "undone").unwrap();
        assert_eq!(ls.cause, Some(Cause::UnitMixUp));
        assert!(ls.summary.contains("left undone"), "{ls}");
        let ls = source(&c, "inverted").unwrap();
        assert!(ls.summary.contains("the wrong way"), "{ls}");
        let ls = source(&c, "mile").unwrap();
        assert!(ls.summary.contains("wrong mile"), "{ls}");
    }

    #[test]
    fn two_claims_apart_by_a_unit() {
        let c = checked(
            DIRECT,
            &(claim(
                "kmh",
                "kind = \"speed\"\ntopic = \"s\"\nvalue = \"less than 40 km/h\"",
            ) + &claim(
                "mph",
                "kind = \"speed\"\ntopic = \"s\"\nvalue = \"about 40 mph\"",
            )),
        );
        assert!(matches!(c[0].verdict, Verdict::Contradicts { .. }));
        let ls = source(&c, "kmh").unwrap();
        assert_eq!(ls.cause, Some(Cause::UnitMixUp), "{ls}");
        assert!(
            ls.summary.contains("read in mph it agrees with mph"),
            "{ls}"
        );
    }
}
