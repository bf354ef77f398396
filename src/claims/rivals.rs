//! A claim is never refuted on a reading of a name the data cannot settle.
//!
//! When a place a claim depends on was an ambiguous pick (the gazetteer found another place
//! of that name nearly as strong, or the story's other places chose it over a stronger
//! match), and the claim's figure is off (or implausible) for the pick, it is checked
//! again with each close rival in the pick's place. If the figure fits a rival, the claim is `plausible` at worst
//! (or as weak as the rival's own verdict), and the arithmetic names the pick and the rival
//! with both figures: "444 km between London and Newcastle" is off for Newcastle, Northern
//! Ireland, and fits Newcastle upon Tyne.

use super::verdict::{Finding, Verdict};
use super::{Ctx, check_one};
use crate::gazetteer::{Candidate, MatchKind, Place, PlaceGeometry, Source};
use crate::geodesy;
use crate::route::{NoteKind, Resolved, ResolvedWaypoint};
use crate::story::{ClaimKind, ClaimSpec};

/// A rival nearer the pick than this gives nearly the same figures: not tried.
const SAME_SPOT_KM: f64 = 25.0;
/// At most this many rivals are tried per waypoint (each means measuring the route again).
const MAX_RIVALS: usize = 3;
/// A rival scores at least the runner-up's score less this (the gazetteer's own margin for
/// calling a name ambiguous).
const SCORE_MARGIN: f64 = 1.0;

/// The routes measured with a waypoint at a rival place, by (waypoint id, rival id): each is
/// measured once however many claims need it.
pub(super) type Readings =
    std::collections::BTreeMap<(String, String), Option<crate::route::Route>>;

/// `f`, or, when it refutes the claim and a close rival of one of its places fits the
/// figure, the claim checked on both readings and judged `plausible` at worst.
pub(super) fn second_reading(
    cx: &Ctx,
    c: &ClaimSpec,
    f: Finding,
    readings: &mut Readings,
) -> Finding {
    // "Off", and "implausible" too: a figure far outside the usual band for the pick may be
    // usual for a rival of the same name.
    let implausible = matches!(f.verdict, Verdict::Implausible { .. });
    if !matches!(f.verdict, Verdict::Off { .. }) && !implausible {
        return f;
    }
    for id in waypoints_of(cx, &c.kind) {
        let Some(w) = cx.route.waypoint(&id) else {
            continue;
        };
        for rival in rivals(w) {
            let route = readings
                .entry((id.clone(), rival.id.clone()))
                .or_insert_with(|| cx.route.with_place(cx.story, &id, place_of(rival)));
            let Some(route) = route.as_ref() else {
                continue;
            };
            let other = check_one(
                &Ctx {
                    story: cx.story,
                    route,
                },
                c,
            );
            if matches!(
                other.verdict,
                Verdict::Off { .. } | Verdict::CannotCheck { .. } | Verdict::Contradicts { .. }
            ) || implausible && matches!(other.verdict, Verdict::Implausible { .. })
            {
                continue;
            }
            return both(w, rival, f, other);
        }
    }
    f
}

/// The finding on the two readings: the rival's verdict capped at `plausible`.
fn both(w: &ResolvedWaypoint, rival: &Candidate, picked: Finding, other: Finding) -> Finding {
    let apart_km = geodesy::distance(w.at, rival.location).as_km();
    let query = match &w.how {
        Resolved::Gazetteer { query, .. } => query.as_str(),
        Resolved::Coordinates => w.name.as_str(),
    };
    let pick = w
        .place
        .as_ref()
        .map(|p| {
            let mut parts: Vec<&str> = p.country.iter().map(String::as_str).collect();
            parts.extend(p.admin1_name.as_deref());
            format!("{} ({})", p.name, parts.join(", "))
        })
        .unwrap_or_else(|| w.name.clone());
    let for_pick = if matches!(picked.verdict, Verdict::Implausible { .. }) {
        "implausible"
    } else {
        "off"
    };
    let why = format!(
        "\"{query}\" names several places: the figure is {for_pick} for the one picked, {pick}, but fits {}, {apart_km:.0} km away; which one the article means is not settled",
        rival.describe()
    );
    let verdict = match other.verdict {
        Verdict::Implausible { ratio, why: w2 } => Verdict::Implausible {
            ratio,
            why: format!("{why}; on that reading: {w2}"),
        },
        _ => Verdict::Plausible { why: why.clone() },
    };
    Finding {
        claimed: picked.claimed,
        computed: format!("{} or {}", picked.computed, other.computed),
        tolerance: picked.tolerance,
        arithmetic: format!(
            "{why}. Read as {pick}: {}. Read as {}: {}",
            picked.arithmetic, rival.name, other.arithmetic
        ),
        verdict,
        figures: picked.figures,
    }
}

/// The ids of the waypoints a claim's figure depends on (those of its events included).
fn waypoints_of(cx: &Ctx, k: &ClaimKind) -> Vec<String> {
    let event_at = |e: &str| {
        cx.story
            .events
            .iter()
            .find(|x| x.id == e)
            .map(|x| x.at.clone())
    };
    let mut ids: Vec<String> = match k {
        ClaimKind::Distance { from, to, .. } | ClaimKind::Flight { from, to, .. } => {
            vec![from.clone(), to.clone()]
        }
        ClaimKind::DurationAtSpeed { from, to, .. } | ClaimKind::Saving { from, to, .. } => {
            from.iter().chain(to).cloned().collect()
        }
        ClaimKind::Direction { place, of, .. } | ClaimKind::TimeZone { place, of, .. } => {
            vec![place.clone(), of.clone()]
        }
        ClaimKind::Crossing { of, .. } => vec![of.clone()],
        ClaimKind::Nearest { place, to, among } => {
            let mut v = vec![place.clone(), to.clone()];
            v.extend(among.iter().cloned());
            v
        }
        ClaimKind::Speed {
            from_event,
            to_event,
            ..
        } => from_event
            .iter()
            .chain(to_event)
            .filter_map(|e| event_at(e))
            .collect(),
        ClaimKind::Timeline {
            from_event,
            to_event,
            ..
        } => [from_event, to_event]
            .into_iter()
            .filter_map(|e| event_at(e))
            .collect(),
        ClaimKind::Conversion { .. } | ClaimKind::Interval { .. } => Vec::new(),
    };
    ids.dedup();
    ids
}

/// The places of the same name a waypoint's pick was close to: when the gazetteer called the
/// name ambiguous, or the story's context chose it over a stronger match, the alternatives
/// matched by name or alias (not by a close spelling) that score within the gazetteer's
/// margin of the runner-up and lie more than 25 km from the pick, at most three.
fn rivals(w: &ResolvedWaypoint) -> Vec<&Candidate> {
    let Resolved::Gazetteer {
        ambiguous,
        alternatives,
        ..
    } = &w.how
    else {
        return Vec::new();
    };
    let by_context = w.notes.iter().any(|n| n.kind == NoteKind::Context);
    let Some(runner_up) = alternatives.first() else {
        return Vec::new();
    };
    if !*ambiguous && !by_context {
        return Vec::new();
    }
    alternatives
        .iter()
        .filter(|a| a.matched != MatchKind::Fuzzy)
        .filter(|a| a.score >= runner_up.score - SCORE_MARGIN)
        .filter(|a| geodesy::distance(w.at, a.location).as_km() > SAME_SPOT_KM)
        .take(MAX_RIVALS)
        .collect()
}

/// A candidate as a place to measure from: its point, name, kind and country (its zone is
/// worked out from the point).
fn place_of(c: &Candidate) -> Place {
    Place {
        id: c.id.clone(),
        name: c.name.clone(),
        aliases: Vec::new(),
        kind: c.kind,
        country: c.country.clone(),
        admin1: c.admin1.clone(),
        admin1_name: c.admin1_name.clone(),
        geometry: PlaceGeometry::Point(c.location),
        population: c.population,
        tz: None,
        source: Source {
            dataset: "gazetteer alternative".into(),
            id: c.id.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, PlaceKind};
    use crate::route::{self, RouteOptions};
    use crate::story::Story;

    /// Two towns called Newcastle, equally important, at the GeoNames points of Newcastle
    /// (Northern Ireland, 6695976) and Newcastle upon Tyne (2641673).
    fn two_newcastles() -> Gazetteer {
        let mut ni = Place::test_point("Newcastle", PlaceKind::City, 54.21804, -5.88979);
        ni.id = "test:newcastle-ni".into();
        let mut tyne = Place::test_point("Newcastle", PlaceKind::City, 54.97328, -1.61396);
        tyne.id = "test:newcastle-tyne".into();
        Gazetteer::from_places(vec![ni, tyne])
    }

    /// London (GeoNames 2643743) by coordinates to "Newcastle" by name, with one
    /// straight-line distance claim of `value`.
    fn story(value: &str) -> Story {
        story_measured(value, "straight")
    }

    /// [`story`] with the claim's `measure` ("straight", "route").
    fn story_measured(value: &str, measure: &str) -> Story {
        Story::parse(
            &format!(
                "[[waypoints]]\nid = \"london\"\nat = \"51.50853, -0.12574\"\n[[waypoints]]\nid = \"newcastle\"\nplace = \"Newcastle\"\n[[legs]]\nfrom = \"london\"\nto = \"newcastle\"\nmode = \"rail\"\n[[claims]]\nid = \"d\"\noutlet = \"t\"\nquote = \"q\"\nkind = \"distance\"\nfrom = \"london\"\nto = \"newcastle\"\nvalue = \"{value}\"\nmeasure = \"{measure}\"\n"
            ),
            "t.toml",
        )
        .unwrap()
    }

    fn checked(gaz: &Gazetteer, value: &str) -> (Finding, String) {
        let s = story(value);
        let r = route::build(&s, gaz, &RouteOptions::default()).unwrap();
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        let picked = r.waypoint("newcastle").unwrap().at;
        let f = second_reading(
            &cx,
            &s.claims[0],
            check_one(&cx, &s.claims[0]),
            &mut Readings::new(),
        );
        (f, format!("{:.2}", picked.lat))
    }

    #[test]
    fn a_figure_that_fits_the_rival_of_an_ambiguous_pick_is_not_off() {
        let gaz = two_newcastles();
        // 398 km to Newcastle upon Tyne, 491 km to the town in Northern Ireland: whichever
        // the gazetteer picks, a figure that fits the other is plausible, naming both.
        for (value, fits_lat) in [("398 km", "54.97"), ("491 km", "54.22")] {
            let (f, picked_lat) = checked(&gaz, value);
            if picked_lat == fits_lat {
                assert!(matches!(f.verdict, Verdict::Holds), "{}", f.arithmetic);
                continue;
            }
            let Verdict::Plausible { why } = &f.verdict else {
                panic!("{value}: {:?} {}", f.verdict, f.arithmetic);
            };
            assert!(why.contains("\"Newcastle\" names several places"), "{why}");
            assert!(why.contains("km away"), "{why}");
            assert!(
                f.arithmetic.contains("Read as Newcastle")
                    && f.arithmetic.contains("outside tolerance")
                    && f.arithmetic.contains("within tolerance"),
                "{}",
                f.arithmetic
            );
        }
    }

    #[test]
    fn a_figure_off_for_every_reading_stays_off() {
        let (f, _) = checked(&two_newcastles(), "900 km");
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        assert!(!f.arithmetic.contains("names several places"));
    }

    #[test]
    fn an_unambiguous_place_has_no_rival() {
        let ni = Place::test_point("Newcastle", PlaceKind::City, 54.21804, -5.88979);
        let gaz = Gazetteer::from_places(vec![ni]);
        let (f, _) = checked(&gaz, "398 km");
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
    }

    #[test]
    fn an_implausible_figure_that_fits_the_rival_is_plausible() {
        let gaz = two_newcastles();
        // By rail, 620 km is 1.56 times the 398 km to Newcastle upon Tyne (outside the usual
        // circuity band) and 1.26 times the 491 km to the town in Northern Ireland.
        let s = story_measured("620 km", "route");
        let r = route::build(&s, &gaz, &RouteOptions::default()).unwrap();
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        let first = check_one(&cx, &s.claims[0]);
        let f = second_reading(&cx, &s.claims[0], first.clone(), &mut Readings::new());
        // The gazetteer picks Newcastle upon Tyne (the first of two equal rows).
        assert!(
            matches!(first.verdict, Verdict::Implausible { .. }),
            "{:?}",
            first.verdict
        );
        let Verdict::Plausible { why } = &f.verdict else {
            panic!("{:?} {}", f.verdict, f.arithmetic);
        };
        assert!(why.contains("is implausible for the one picked"), "{why}");
    }
}
