//! Direction claims: "Khasan, south of Vladivostok", and where a route crosses a river,
//! "crossed the Razdolnaya River, north of Vladivostok".
//!
//! Convention: the bearing is the initial azimuth of the geodesic from the reference place
//! (`of`) to the place, in degrees clockwise from true north. A cardinal word ("north")
//! covers its quarter, ±45° (north: 315°–45°); an intercardinal word ("north-east") covers
//! its eighth, ±22.5° (north-east: 22.5°–67.5°). News copy uses the words loosely ("north
//! of Pyongyang" for a city at 46.7°): within the neighbouring half-sector, half an eighth
//! (22.5°) beyond the word's sector, the claim *loosely holds* and the verdict names the true
//! compass point; beyond that it is off.

use super::Ctx;
use super::verdict::{Figures, Finding, Scale, Verdict};
use crate::coord::LatLon;
use crate::gazetteer::PlaceGeometry;
use crate::geodesy::{self, Azimuth, Compass8};

/// Half-width of the sector a compass word covers, in degrees.
pub(crate) fn half_width(c: Compass8) -> f64 {
    match c {
        Compass8::N | Compass8::E | Compass8::S | Compass8::W => 45.0,
        _ => 22.5,
    }
}

/// How far beyond a word's sector it still loosely holds: half a compass-rose eighth.
pub(crate) const LOOSE_DEG: f64 = 22.5;

fn sector(c: Compass8) -> String {
    let w = half_width(c);
    let a = c.azimuth().deg();
    format!(
        "\"{}\" covers {:.1}°–{:.1}° (±{w}°)",
        c.word(),
        (a - w).rem_euclid(360.0),
        (a + w).rem_euclid(360.0)
    )
}

/// Judges a bearing against a compass word.
fn judge_bearing(claimed: String, word: &str, az: Azimuth, what: String) -> Finding {
    let Some(c) = Compass8::parse(word) else {
        return Finding::cannot(claimed, format!("\"{word}\" is not a compass direction"));
    };
    let off = az.angle_to(c.azimuth());
    let w = half_width(c);
    let tolerance = sector(c);
    let centre = c.azimuth().deg();
    // Degrees measured from the claimed direction's sector, so the numbers do not wrap.
    let signed = centre + (az.deg() - centre + 180.0).rem_euclid(360.0) - 180.0;
    let figures = |deviation: Option<f64>| {
        Some(Figures::new(
            Scale::DEG,
            (centre, centre),
            (centre - w, centre + w),
            (signed, signed),
            deviation,
            None,
        ))
    };
    let head = format!(
        "{what}: bearing {az} ({}), {off:.1}° from due {}",
        az.compass8().word(),
        c.word()
    );
    if off <= w {
        Finding {
            claimed,
            computed: format!("{az} ({})", az.compass8().word()),
            arithmetic: format!("{head}, within {tolerance}"),
            tolerance,
            verdict: Verdict::Holds,
            figures: figures(None),
        }
    } else if off <= w + LOOSE_DEG {
        let actual = az.compass8().word().to_string();
        Finding {
            claimed,
            computed: format!("{az} ({actual})"),
            arithmetic: format!(
                "{head}, {:.1}° outside {tolerance} but within the neighbouring half-sector (±{}°): loosely right, the true point is {actual}",
                off - w,
                w + LOOSE_DEG
            ),
            tolerance,
            verdict: Verdict::LooselyHolds { actual },
            figures: figures(None),
        }
    } else {
        Finding {
            claimed,
            computed: format!("{az} ({})", az.compass8().word()),
            arithmetic: format!("{head}, outside {tolerance}"),
            tolerance,
            verdict: Verdict::Off {
                by_percent: None,
                by: format!("{:.1}° beyond the sector", off - w),
            },
            figures: figures(Some(signed - centre)),
        }
    }
}

fn name(cx: &Ctx, id: &str) -> String {
    cx.route
        .waypoint(id)
        .map(|w| w.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// "Khasan, south of Vladivostok".
pub(crate) fn direction(cx: &Ctx, place: &str, of: &str, word: &str) -> Finding {
    let claimed = format!("{} is {word} of {}", name(cx, place), name(cx, of));
    let (Some(p), Some(o)) = (cx.route.waypoint(place), cx.route.waypoint(of)) else {
        return Finding::cannot(claimed, "a waypoint is not resolved");
    };
    let inv = geodesy::inverse(o.at, p.at);
    let what = format!(
        "{} → {} {}",
        o.name,
        p.name,
        super::verdict::Scale::KM.fmt(inv.distance.as_m())
    );
    judge_bearing(claimed, word, inv.initial, what)
}

/// A crossing finding on the straight line of a leg whose track is not known: "holds" becomes
/// "plausible", and "off" cannot be checked.
fn straight_line_only(mut f: Finding) -> Finding {
    let why = "only the straight line of a leg with no line data meets this line; the real track may cross it elsewhere";
    f.verdict = match f.verdict {
        Verdict::Holds | Verdict::LooselyHolds { .. } => Verdict::Plausible {
            why: format!("{why}, and the straight line's crossing fits the claim"),
        },
        Verdict::Off { .. } => Verdict::CannotCheck {
            why: format!("{why}, so a crossing in another direction does not refute the claim"),
        },
        v => v,
    };
    f.arithmetic = format!("{} ({why})", f.arithmetic);
    f
}

/// "crossed the Razdolnaya River, north of Vladivostok".
pub(crate) fn crossing(cx: &Ctx, feature: &str, of: &str, word: &str) -> Finding {
    let claimed = format!("crossed {} {word} of {}", name(cx, feature), name(cx, of));
    let Some(o) = cx.route.waypoint(of) else {
        return Finding::cannot(claimed, format!("waypoint \"{of}\" is not resolved"));
    };
    let line = match cx.route.waypoint(feature).and_then(|w| w.place.as_ref()) {
        Some(p) => match &p.geometry {
            PlaceGeometry::Lines(_) => p.name.as_str(),
            PlaceGeometry::Point(_) => {
                return Finding::cannot(
                    claimed,
                    format!(
                        "\"{}\" resolved to a point; its line geometry is needed to find where the route crosses it",
                        p.name
                    ),
                );
            }
        },
        None => {
            return Finding::cannot(
                claimed,
                format!(
                    "\"{feature}\" has no gazetteer geometry (given as coordinates); a line is needed"
                ),
            );
        }
    };
    // The route's crossings, found once by the rule of `route::crossed`.
    let crossings: Vec<_> = cx.route.crossings().filter(|c| c.line == line).collect();
    let points: Vec<LatLon> = crossings.iter().map(|c| c.at).collect();
    let Some(first) = points.first().copied() else {
        return Finding::cannot(
            claimed,
            "the route as drawn does not meet this line; with schematic legs the real track may still cross it",
        );
    };
    // The crossing nearest the reference place is the one the claim is about.
    let best = points
        .iter()
        .copied()
        .min_by(|a, b| {
            geodesy::distance(o.at, *a)
                .as_m()
                .total_cmp(&geodesy::distance(o.at, *b).as_m())
        })
        .unwrap_or(first);
    let inv = geodesy::inverse(o.at, best);
    let what = format!(
        "route crosses {} at {} ({} of {} crossings), {} from {}",
        name(cx, feature),
        best.rounded(4),
        1 + points.iter().position(|p| *p == best).unwrap_or(0),
        points.len(),
        super::verdict::Scale::KM.fmt(inv.distance.as_m()),
        o.name
    );
    let found = judge_bearing(claimed, word, inv.initial, what);
    // Where only the straight line of a leg with no line data meets the line, the real track
    // may cross it elsewhere: the bearing is a guide, never a refutation.
    let on_straight = crossings
        .iter()
        .find(|c| c.at == best)
        .is_some_and(|c| c.straight_line);
    if on_straight {
        return straight_line_only(found);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }

    /// A road leg from Bonn north to Cologne crosses a river drawn west–east between them.
    #[test]
    fn finds_where_the_route_crosses_a_river_line() {
        use crate::gazetteer::{Gazetteer, Place, PlaceKind, Source};
        use crate::route::{self, RouteOptions};
        use crate::story::Story;
        let river = Place {
            id: "test:river".into(),
            name: "Test River".into(),
            aliases: vec![],
            kind: PlaceKind::River,
            country: None,
            admin1: None,
            admin1_name: None,
            geometry: PlaceGeometry::Lines(vec![vec![ll(50.85, 6.5), ll(50.85, 7.5)]]),
            population: None,
            tz: None,
            source: Source {
                dataset: "test".into(),
                id: "0".into(),
            },
        };
        let gaz = Gazetteer::from_places(vec![river]);
        let s = Story::parse(
            "[[waypoints]]\nid = \"bonn\"\nat = \"50.7374, 7.0982\"\n[[waypoints]]\nid = \"koeln\"\nat = \"50.9430, 6.9587\"\n[[waypoints]]\nid = \"river\"\nplace = \"Test River\"\nkind = \"river\"\n[[legs]]\nfrom = \"bonn\"\nto = \"koeln\"\nmode = \"road\"\n",
            "t.toml",
        )
        .unwrap();
        let r = route::build(&s, &gaz, &RouteOptions::default()).unwrap();
        let cx = Ctx {
            story: &s,
            route: &r,
        };
        // A road leg with no track is drawn as the straight line: its crossing fits "north of
        // Bonn", which is plausible, not settled…
        let f = crossing(&cx, "river", "bonn", "north");
        assert!(
            matches!(f.verdict, Verdict::Plausible { .. }),
            "{}",
            f.arithmetic
        );
        assert!(
            f.arithmetic.contains("1 of 1 crossings")
                && f.arithmetic
                    .contains("only the straight line of a leg with no line data"),
            "{}",
            f.arithmetic
        );
        // …and "north of Köln" (the crossing is south of it) cannot be refuted on it.
        let f = crossing(&cx, "river", "koeln", "north");
        assert!(
            matches!(f.verdict, Verdict::CannotCheck { .. }),
            "{}",
            f.arithmetic
        );
        // A waypoint given as coordinates has no line to cross.
        let f = crossing(&cx, "koeln", "bonn", "north");
        assert!(matches!(f.verdict, Verdict::CannotCheck { .. }));
    }

    #[test]
    fn compass_words_cover_their_sectors() {
        let f = judge_bearing("x".into(), "north", Azimuth::from_deg(30.0), "t".into());
        assert_eq!(f.verdict, Verdict::Holds);
        let f = judge_bearing("x".into(), "north", Azimuth::from_deg(70.0), "t".into());
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{f:?}");
        assert!(f.arithmetic.contains("315.0°–45.0°"), "{}", f.arithmetic);
        let f = judge_bearing(
            "x".into(),
            "north-east",
            Azimuth::from_deg(47.5),
            "t".into(),
        );
        assert_eq!(f.verdict, Verdict::Holds);
        let f = judge_bearing(
            "x".into(),
            "south-west",
            Azimuth::from_deg(170.0),
            "t".into(),
        );
        assert!(matches!(f.verdict, Verdict::Off { .. }));
        let f = judge_bearing(
            "x".into(),
            "south-west",
            Azimuth::from_deg(262.0),
            "t".into(),
        );
        assert!(matches!(f.verdict, Verdict::LooselyHolds { .. }), "{f:?}");
        let f = judge_bearing("x".into(), "upwards", Azimuth::from_deg(0.0), "t".into());
        assert!(matches!(f.verdict, Verdict::CannotCheck { .. }));
    }

    /// Issue 14: "north of Pyongyang" for Vladivostok at 46.7° is loose, not false: it loosely
    /// holds, naming the true point; past the neighbouring half-sector it is off.
    #[test]
    fn regression_issue_14_directions_are_graded() {
        let f = judge_bearing("x".into(), "north", Azimuth::from_deg(46.7), "t".into());
        assert_eq!(
            f.verdict,
            Verdict::LooselyHolds {
                actual: "north-east".into()
            }
        );
        assert!(
            f.arithmetic.contains("1.7° outside") && f.arithmetic.contains("north-east"),
            "{}",
            f.arithmetic
        );
        // West of north, the same.
        let f = judge_bearing("x".into(), "north", Azimuth::from_deg(295.0), "t".into());
        assert!(matches!(f.verdict, Verdict::LooselyHolds { .. }), "{f:?}");
        // The edge: 67.5° loosely holds, 67.6° is off.
        let f = judge_bearing("x".into(), "north", Azimuth::from_deg(67.5), "t".into());
        assert!(matches!(f.verdict, Verdict::LooselyHolds { .. }), "{f:?}");
        let f = judge_bearing("x".into(), "north", Azimuth::from_deg(67.6), "t".into());
        assert!(
            matches!(&f.verdict, Verdict::Off { by, .. } if by == "22.6° beyond the sector"),
            "{f:?}"
        );
        // An intercardinal word: ±22.5°, loosely to ±45°.
        let f = judge_bearing(
            "x".into(),
            "north-east",
            Azimuth::from_deg(80.0),
            "t".into(),
        );
        assert_eq!(
            f.verdict,
            Verdict::LooselyHolds {
                actual: "east".into()
            }
        );
    }
}
