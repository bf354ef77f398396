//! The distance–time chart of a checked story: the journey's km marks, its timeline events,
//! the speeds its legs assume, the averages its timeline implies, and the speeds its claims
//! state. Built here because it joins the route, the timeline and the claims.

use std::time::Duration;

use crate::render::{ChartEvent, ChartMark, ChartScene, SpeedBand, SpeedLine};
use crate::route::Journey;
use crate::route::timing::TimeWindow;
use crate::story::ClaimKind;
use crate::units::{Dimension, Length, Speed};

use super::Outcome;

/// An event placed on the journey: its km and its window as instants.
struct Placed<'a> {
    event: &'a crate::story::Event,
    along: Length,
    window: TimeWindow,
}

/// The chart of the first journey that has timeline events at two or more of its waypoints;
/// `None` when no journey does.
pub fn chart(c: &Outcome) -> Option<ChartScene> {
    c.route.journeys.iter().find_map(|j| journey_chart(c, j))
}

fn journey_chart(c: &Outcome, j: &Journey) -> Option<ChartScene> {
    let mut placed: Vec<Placed> = c
        .story
        .events
        .iter()
        .filter_map(|e| {
            let along = j.marks.iter().find(|m| m.waypoint == e.at)?.km;
            let window =
                TimeWindow::from_civil(e.earliest, e.latest, &c.route.event_zone(e)?).ok()?;
            Some(Placed {
                event: e,
                along,
                window,
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
            label: p.event.what.clone(),
            along: p.along,
            earliest: since(&p.window.earliest),
            latest: since(&p.window.latest),
        });
    }
    let mut speeds: Vec<(Speed, Speed)> = j.legs.iter().filter_map(|l| l.speed).collect();
    speeds.dedup();
    if let [(low, high)] = speeds[..] {
        scene.speed_bands.push(SpeedBand {
            label: format!(
                "leg speed {:.0}–{:.0} km/h, from the departure window",
                low.as_kmh(),
                high.as_kmh()
            ),
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
    for claim in &c.story.claims {
        let amount = match &claim.kind {
            ClaimKind::Speed { value, .. } => value,
            ClaimKind::DurationAtSpeed { speed, .. } => speed,
            _ => continue,
        };
        let q = &amount.quantity.value;
        if q.unit.dimension() != Dimension::Speed
            || scene
                .speed_lines
                .iter()
                .any(|l| l.label.contains(&amount.text))
        {
            continue;
        }
        let speed = Speed::mps(q.hi_si());
        // One line per speed: "around 60 km/h" twice in a story is one line, two outlets.
        if let Some(line) = scene
            .speed_lines
            .iter_mut()
            .find(|l| !l.dashed && (l.speed.as_kmh() - speed.as_kmh()).abs() < 0.05)
        {
            if !line.label.contains(&claim.outlet) {
                line.label = line.label.replacen(')', &format!(", {})", claim.outlet), 1);
            }
            continue;
        }
        scene.speed_lines.push(SpeedLine {
            label: format!(
                "“{}” = {:.1} km/h ({})",
                amount.text,
                speed.as_kmh(),
                claim.outlet
            ),
            speed,
            along: first.along,
            at: dep_lo,
            dashed: false,
        });
    }
    Some(scene)
}

#[cfg(test)]
mod tests {
    use crate::checker::Checker;
    use crate::story::Story;

    #[test]
    fn the_default_story_charts_its_timeline() {
        let text = include_str!("../../data/stories/kim-jong-un-train-2023-09.toml");
        let story = Story::parse(text, "default.toml").unwrap();
        let out = Checker::new().unwrap().check(&story).unwrap();
        let chart = super::chart(&out).expect("a chart");
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
}
