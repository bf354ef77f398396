//! The distance–time chart of a checked story: the journey's km marks, its timeline events
//! (placed in time once, by the route), the speeds its legs assume, the averages its timeline
//! implies, and the speeds its claims state.

use std::time::Duration;

use super::{ChartEvent, ChartMark, ChartScene, SpeedBand, SpeedLine};
use crate::route::Journey;
use crate::route::timing::TimeWindow;
use crate::story::ClaimKind;
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
    // The averages the timeline implies: leaving first and arriving last, and the reverse.
    let gap = last.along - first.along;
    let (last_lo, last_hi) = (since(&last.window.earliest), since(&last.window.latest));
    if gap.as_m() > 0.0 && last_hi > dep_lo {
        let slowest = gap / (last_hi - dep_lo);
        scene.speed_lines.push(SpeedLine {
            label: format!(
                "timeline average, slowest: {:.1} km/h (left first, arrived last)",
                slowest.as_kmh()
            ),
            speed: slowest,
            along: first.along,
            at: dep_lo,
            dashed: true,
        });
        if last_lo > dep_hi {
            let fastest = gap / (last_lo - dep_hi);
            scene.speed_lines.push(SpeedLine {
                label: format!(
                    "timeline average, fastest: {:.1} km/h (left last, arrived first)",
                    fastest.as_kmh()
                ),
                speed: fastest,
                along: first.along,
                at: dep_hi,
                dashed: true,
            });
        }
    }
    for line in claimed_speeds(c) {
        scene.speed_lines.push(SpeedLine {
            label: line.label(),
            speed: line.speed,
            along: first.along,
            at: dep_lo,
            dashed: false,
        });
    }
    Some(scene)
}

/// A speed the story's claims state, with every wording and outlet that states it.
struct ClaimedSpeed {
    speed: Speed,
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
        let value = format!("{:.1} km/h", self.speed.as_kmh());
        match &wordings[..] {
            [(text, outlets)] => format!("“{text}” = {value} ({})", outlets.join(", ")),
            _ => {
                let each: Vec<String> = wordings
                    .iter()
                    .map(|(t, o)| format!("“{t}” ({})", o.join(", ")))
                    .collect();
                format!("{} = {value}", each.join("; "))
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
        let speed = Speed::mps(q.hi_si());
        let quote = (amount.text.clone(), claim.outlet.clone());
        match out
            .iter_mut()
            .find(|l| (l.speed.as_kmh() - speed.as_kmh()).abs() < 0.05)
        {
            Some(line) if line.quotes.contains(&quote) => {}
            Some(line) => line.quotes.push(quote),
            None => out.push(ClaimedSpeed {
                speed,
                quotes: vec![quote],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{ClaimedSpeed, band};
    use crate::units::Speed;

    /// Two outlets quoting one speed in different words keep their own words.
    #[test]
    fn speed_labels_keep_each_outlets_wording() {
        let line = ClaimedSpeed {
            speed: Speed::kmh(100.0),
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
}
