//! The distance–time chart of a checked story: the journey's km marks, its timeline events
//! (placed in time once, by the route), the speeds its legs assume, the averages its timeline
//! implies, and the speeds its claims state.

use std::time::Duration;

use super::{
    ChartClock, ChartDay, ChartEvent, ChartMark, ChartScene, SpeedBand, SpeedKind, SpeedLine,
};
use crate::route::Journey;
use crate::route::timing::TimeWindow;
use crate::story::{ClaimKind, Hedge};
use crate::units::{Dimension, Length, Speed};

use crate::pipeline::Outcome;

/// An event placed on the journey: its km and its window as instants.
struct Placed<'a> {
    what: &'a str,
    along: Length,
    window: &'a TimeWindow,
}

/// The chart of the first journey that has timeline events at two or more of its waypoints;
/// `None` when no journey does.
pub fn chart_scene(c: &Outcome) -> Option<ChartScene> {
    c.route.journeys.iter().find_map(|j| journey_chart(c, j))
}

/// "40–60 km/h", or "61 km/h" when the band is one speed (to the km/h shown), never "61–61".
fn band(low: Speed, high: Speed) -> String {
    let (lo, hi) = (
        format!("{:.0}", low.as_kmh()),
        format!("{:.0}", high.as_kmh()),
    );
    if lo == hi {
        format!("{lo} km/h")
    } else {
        format!("{lo}–{hi} km/h")
    }
}

fn journey_chart(c: &Outcome, j: &Journey) -> Option<ChartScene> {
    let mut placed: Vec<Placed> = c
        .route
        .events
        .iter()
        .filter_map(|e| {
            let along = j.marks.iter().find(|m| m.waypoint == e.waypoint)?.km;
            Some(Placed {
                what: &e.what,
                along,
                window: e.window.as_ref().ok()?,
            })
        })
        .collect();
    if placed.len() < 2 {
        return None;
    }
    placed.sort_by(|a, b| a.window.earliest.cmp(&b.window.earliest));
    let zero = placed[0].window.earliest.clone();
    let since = |t: &jiff::ZonedDateTime| {
        let d = zero.duration_until(t);
        Duration::try_from(d).unwrap_or(Duration::ZERO)
    };
    let first = &placed[0];
    let last = &placed[placed.len() - 1];
    let (dep_lo, dep_hi) = (since(&first.window.earliest), since(&first.window.latest));
    let mut scene = ChartScene {
        title: format!("{}: distance against time", c.story.meta.title),
        time_zero: format!(
            "{} ({})",
            zero.strftime("%a %-d %b %Y %H:%M"),
            first.window.utc_offset()
        ),
        ..ChartScene::default()
    };
    for m in &j.marks {
        let name = c
            .route
            .waypoint(&m.waypoint)
            .map(|w| w.name.clone())
            .unwrap_or_else(|| m.waypoint.clone());
        // Two waypoints at one km (a bridge and the station beyond it): the leg's end wins.
        scene.marks.retain(|x: &ChartMark| x.along != m.km);
        scene.marks.push(ChartMark { name, along: m.km });
    }
    for p in &placed {
        scene.events.push(ChartEvent {
            label: p.what.to_string(),
            along: p.along,
            earliest: since(&p.window.earliest),
            latest: since(&p.window.latest),
        });
    }
    let mut speeds: Vec<(Speed, Speed)> = j.legs.iter().filter_map(|l| l.speed).collect();
    speeds.dedup();
    if let [(low, high)] = speeds[..] {
        scene.speed_bands.push(SpeedBand {
            label: format!("leg speed {}, from the departure window", band(low, high)),
            low,
            high,
            along: first.along,
            earliest: dep_lo,
            latest: dep_hi,
        });
    }
    // The averages the timeline implies, from each event to the next one farther on: leaving
    // first and arriving last, and the reverse. Two events at one km (arrived, then left: a
    // stay) have no average between them, so no line is drawn through a stay; each line stops
    // at the event it runs to.
    let several = placed
        .windows(2)
        .filter(|w| w[1].along > w[0].along)
        .count()
        > 1;
    for w in placed.windows(2) {
        let (from, to) = (&w[0], &w[1]);
        let gap = to.along - from.along;
        let (lo, hi) = (since(&from.window.earliest), since(&from.window.latest));
        let (to_lo, to_hi) = (since(&to.window.earliest), since(&to.window.latest));
        if gap.as_m() <= 0.0 || to_hi <= lo {
            continue;
        }
        let between = if several {
            format!(" from “{}” to “{}”", from.what, to.what)
        } else {
            String::new()
        };
        let slowest = gap / (to_hi - lo);
        let fastest = (to_lo > hi).then(|| gap / (to_lo - hi));
        // Exact times give one average, not a "slowest" and a "fastest" on top of each other.
        let fastest = fastest.filter(|f| (f.as_kmh() - slowest.as_kmh()).abs() >= 0.05);
        let line = |label: String, speed: Speed, at: Duration| SpeedLine {
            label,
            speed,
            along: from.along,
            at,
            dashed: true,
            kind: SpeedKind::Speed,
            until: Some(to.along),
        };
        match fastest {
            None => scene.speed_lines.push(line(
                format!("timeline average{between}: {:.1} km/h", slowest.as_kmh()),
                slowest,
                lo,
            )),
            Some(fastest) => {
                scene.speed_lines.push(line(
                    format!(
                        "timeline average{between}, slowest: {:.1} km/h (left first, arrived last)",
                        slowest.as_kmh()
                    ),
                    slowest,
                    lo,
                ));
                scene.speed_lines.push(line(
                    format!(
                        "timeline average{between}, fastest: {:.1} km/h (left last, arrived first)",
                        fastest.as_kmh()
                    ),
                    fastest,
                    hi,
                ));
            }
        }
    }
    for line in claimed_speeds(c) {
        scene.speed_lines.push(SpeedLine {
            label: line.label(),
            speed: line.speed,
            along: first.along,
            at: dep_lo,
            dashed: false,
            kind: line.kind,
            until: None,
        });
    }
    scene.days = days(&zero, &last.window.latest);
    scene.clock = Some(ChartClock {
        start_min: u32::from(zero.hour().unsigned_abs()) * 60
            + u32::from(zero.minute().unsigned_abs()),
        zone: format!("UTC{}", first.window.utc_offset()),
    });
    Some(scene)
}

/// The local midnights after `zero` (in its zone) up to a day after `end`: "Mon 11 Sep".
fn days(zero: &jiff::ZonedDateTime, end: &jiff::ZonedDateTime) -> Vec<ChartDay> {
    let mut out = Vec::new();
    let mut day = zero.tomorrow().and_then(|d| d.start_of_day());
    while let Ok(d) = day {
        if zero.duration_until(&d) > zero.duration_until(end) + jiff::SignedDuration::from_hours(24)
            || out.len() >= 1000
        {
            break;
        }
        if let Ok(at) = Duration::try_from(zero.duration_until(&d)) {
            out.push(ChartDay {
                label: d.strftime("%a %-d %b").to_string(),
                at,
            });
        }
        day = d.tomorrow().and_then(|d| d.start_of_day());
    }
    out
}

/// A speed the story's claims state, with every wording and outlet that states it.
struct ClaimedSpeed {
    speed: Speed,
    /// A speed, or a bound ("less than 40 mph" is at most 64.4 km/h).
    kind: SpeedKind,
    /// (the claim's wording, its outlet), in story order, each pair once.
    quotes: Vec<(String, String)>,
}

impl ClaimedSpeed {
    /// "“around 60 km/h” = 60.0 km/h (AFP, Reuters)", or for two wordings
    /// "“100 km/h (62 mph)” (UPI); “about 100 km/h” (AFP) = 100.0 km/h".
    fn label(&self) -> String {
        let mut wordings: Vec<(&str, Vec<&str>)> = Vec::new();
        for (text, outlet) in &self.quotes {
            match wordings.iter_mut().find(|(t, _)| t == text) {
                Some((_, outlets)) => outlets.push(outlet),
                None => wordings.push((text, vec![outlet])),
            }
        }
        let value = match self.kind {
            SpeedKind::Speed => format!("= {:.1} km/h", self.speed.as_kmh()),
            SpeedKind::AtMost => format!("≤ {:.1} km/h, an upper bound", self.speed.as_kmh()),
            SpeedKind::AtLeast => format!("≥ {:.1} km/h, a lower bound", self.speed.as_kmh()),
        };
        match &wordings[..] {
            [(text, outlets)] => format!("“{text}” {value} ({})", outlets.join(", ")),
            _ => {
                let each: Vec<String> = wordings
                    .iter()
                    .map(|(t, o)| format!("“{t}” ({})", o.join(", ")))
                    .collect();
                format!("{} {value}", each.join("; "))
            }
        }
    }
}

/// The speeds the story's speed and duration-at-speed claims state (their upper figure), one
/// entry per speed (to 0.05 km/h), in story order.
fn claimed_speeds(c: &Outcome) -> Vec<ClaimedSpeed> {
    let mut out: Vec<ClaimedSpeed> = Vec::new();
    for claim in &c.story.claims {
        let amount = match &claim.kind {
            ClaimKind::Speed { value, .. } => value,
            ClaimKind::DurationAtSpeed { speed, .. } => speed,
            _ => continue,
        };
        let q = &amount.quantity.value;
        if q.unit.dimension() != Dimension::Speed {
            continue;
        }
        let (speed, kind) = match amount.hedge {
            Hedge::AtMost => (Speed::mps(q.hi_si()), SpeedKind::AtMost),
            Hedge::AtLeast => (Speed::mps(q.lo_si()), SpeedKind::AtLeast),
            _ => (Speed::mps(q.hi_si()), SpeedKind::Speed),
        };
        let quote = (amount.text.clone(), claim.outlet.clone());
        match out
            .iter_mut()
            .find(|l| l.kind == kind && (l.speed.as_kmh() - speed.as_kmh()).abs() < 0.05)
        {
            Some(line) if line.quotes.contains(&quote) => {}
            Some(line) => line.quotes.push(quote),
            None => out.push(ClaimedSpeed {
                speed,
                kind,
                quotes: vec![quote],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{ClaimedSpeed, SpeedKind, band};
    use crate::units::Speed;

    /// Two outlets quoting one speed in different words keep their own words.
    #[test]
    fn speed_labels_keep_each_outlets_wording() {
        let line = ClaimedSpeed {
            speed: Speed::kmh(100.0),
            kind: SpeedKind::Speed,
            quotes: vec![
                ("100 km/h (62 mph)".into(), "UPI".into()),
                ("about 100 km/h".into(), "AFP".into()),
                ("100 km/h (62 mph)".into(), "Reuters".into()),
            ],
        };
        assert_eq!(
            line.label(),
            "“100 km/h (62 mph)” (UPI, Reuters); “about 100 km/h” (AFP) = 100.0 km/h"
        );
        let one = ClaimedSpeed {
            speed: Speed::kmh(60.0),
            kind: SpeedKind::Speed,
            quotes: vec![("around 60 km/h".into(), "AFP".into())],
        };
        assert_eq!(one.label(), "“around 60 km/h” = 60.0 km/h (AFP)");
    }

    #[test]
    fn the_default_story_charts_its_timeline() {
        let text = include_str!("../../data/stories/kim-jong-un-train-2023-09.toml");
        let story = crate::story::Story::parse(text, "default.toml").unwrap();
        let out = crate::pipeline::Pipeline::new()
            .unwrap()
            .check(&story)
            .unwrap();
        let chart = super::chart_scene(&out).expect("a chart");
        assert_eq!(chart.events.len(), 2);
        // Left 12:00–18:00 (UTC+9), crossed 00:00–06:00 two days later (UTC+10): 35–41 h.
        assert_eq!(chart.events[1].earliest.as_secs(), 35 * 3600);
        assert_eq!(chart.events[1].latest.as_secs(), 41 * 3600);
        let band = &chart.speed_bands[0];
        assert!(
            (band.low.as_kmh() - 40.0).abs() < 1e-9 && (band.high.as_kmh() - 60.0).abs() < 1e-9
        );
        // 857.3 km in 41 h at the slowest: 20.9 km/h.
        let slowest = chart
            .speed_lines
            .iter()
            .find(|l| l.label.contains("slowest"))
            .unwrap();
        assert!((slowest.speed.as_kmh() - 857.3 / 41.0).abs() < 0.01);
        assert!(
            chart.marks.iter().any(|m| m.name == "Khasan"),
            "the station, not the bridge, at km 857.3"
        );
        let svg = crate::render::chart_svg(&chart, 1200, 700).unwrap();
        assert!(svg.contains("crossed into Russia at Khasan"));
    }

    /// Issue 17: a leg speed given as one figure is labelled as one speed, not "61–61 km/h".
    #[test]
    fn regression_issue_17_a_single_speed_is_not_a_band() {
        assert_eq!(band(Speed::kmh(61.0), Speed::kmh(61.2)), "61 km/h");
        assert_eq!(band(Speed::kmh(40.0), Speed::kmh(60.0)), "40–60 km/h");
    }

    fn chart_of(text: &str) -> crate::render::ChartScene {
        let story = crate::story::Story::parse(text, "test.toml").unwrap();
        let out = crate::pipeline::Pipeline::new()
            .unwrap()
            .check(&story)
            .unwrap();
        super::chart_scene(&out).expect("a chart")
    }

    /// Issue 17: on the default story, "less than 40 mph" is drawn as an upper bound, the
    /// averages stop at the crossing, and the time axis names the days it spans.
    #[test]
    fn regression_issue_17_bounds_averages_and_days() {
        let chart = chart_of(include_str!(
            "../../data/stories/kim-jong-un-train-2023-09.toml"
        ));
        let upi = (chart.speed_lines.iter())
            .find(|l| l.label.contains("less than 40 mph"))
            .unwrap();
        assert_eq!(upi.kind, SpeedKind::AtMost);
        assert!(
            upi.label.contains("≤ 64.4 km/h, an upper bound"),
            "{}",
            upi.label
        );
        let afp = (chart.speed_lines.iter())
            .find(|l| l.label.contains("around 60"))
            .unwrap();
        assert_eq!(afp.kind, SpeedKind::Speed);
        let averages: Vec<_> = (chart.speed_lines.iter())
            .filter(|l| l.label.starts_with("timeline average"))
            .collect();
        assert_eq!(averages.len(), 2);
        for a in averages {
            assert_eq!(a.until.map(|u| (u.as_km() * 10.0).round()), Some(8573.0));
        }
        // Left Sun 10 Sep 12:00 (UTC+9): midnights 12 h and 36 h later.
        let days: Vec<(&str, u64)> = (chart.days.iter())
            .map(|d| (d.label.as_str(), d.at.as_secs() / 3600))
            .collect();
        assert_eq!(&days[..2], [("Mon 11 Sep", 12), ("Tue 12 Sep", 36)]);
        // The clock of hour 0, for the clock times under the hours.
        assert_eq!(
            chart.clock,
            Some(crate::render::ChartClock {
                start_min: 12 * 60,
                zone: "UTC+09".into(),
            })
        );
    }

    /// Issue 17: a round trip with five hours in Lyon has an average out and an average back,
    /// none drawn through the stay.
    #[test]
    fn regression_issue_17_no_average_through_a_stay() {
        let chart = chart_of(
            r#"
[story]
id = "lyon-day-trip"
title = "A day trip to Lyon"

[[waypoints]]
id = "paris"
place = "Paris"
country = "FR"

[[waypoints]]
id = "lyon"
place = "Lyon"
country = "FR"

[[waypoints]]
id = "paris-return"
place = "Paris"
country = "FR"

[[legs]]
from = "paris"
to = "lyon"
mode = "rail"

[[legs]]
from = "lyon"
to = "paris-return"
mode = "rail"

[[events]]
id = "left-paris"
at = "paris"
what = "left Paris"
earliest = 2024-05-04T08:00:00
latest = 2024-05-04T08:00:00

[[events]]
id = "in-lyon"
at = "lyon"
what = "arrived in Lyon"
earliest = 2024-05-04T10:00:00
latest = 2024-05-04T10:00:00

[[events]]
id = "left-lyon"
at = "lyon"
what = "left Lyon"
earliest = 2024-05-04T15:00:00
latest = 2024-05-04T15:00:00

[[events]]
id = "home"
at = "paris-return"
what = "back in Paris"
earliest = 2024-05-04T17:00:00
latest = 2024-05-04T17:00:00
"#,
        );
        let averages: Vec<_> = (chart.speed_lines.iter())
            .filter(|l| l.label.starts_with("timeline average"))
            .collect();
        assert_eq!(averages.len(), 2, "{averages:?}");
        assert!(
            averages[0]
                .label
                .contains("from “left Paris” to “arrived in Lyon”")
        );
        assert!(
            averages[1]
                .label
                .contains("from “left Lyon” to “back in Paris”")
        );
        // Each takes two hours for its own leg; neither spans the stay.
        let lyon = chart.events[1].along;
        assert_eq!(averages[0].until, Some(lyon));
        assert_eq!(averages[1].along, lyon);
        assert_eq!(averages[1].at.as_secs(), 7 * 3600);
        let out = averages[0].speed.as_kmh();
        assert!((out - lyon.as_km() / 2.0).abs() < 1e-6, "{out}");
    }
}
