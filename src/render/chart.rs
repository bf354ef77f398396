//! A distance–time chart, drawn with plotters: does a journey's timeline fit its speeds?
//!
//! The x axis is hours elapsed since a stated moment (usually the earliest possible
//! departure), the y axis is km along the journey (the railway's own chainage for rail). On it:
//!
//! - **speed bands**: where the traveller can be if they left km `along` between two times and
//!   went at a speed in a range. The fast edge leaves at the earliest time, the slow edge at the
//!   latest, so the band is the whole envelope;
//! - **speed lines**: one speed from one start (a claimed "around 60 km/h", or the average a
//!   timeline implies);
//! - **events**: horizontal bars at their km, spanning the window in which they happened;
//! - **marks**: waypoints as horizontal gridlines, named at the right-hand side.
//!
//! An event bar that lies inside a band is consistent with that band's speeds; a bar to the
//! right of it means the journey took longer (stops, or slower running); to the left, faster.
//!
//! Unlike the route map (see the [module docs](super) for why that one is hand-written SVG),
//! this is what plotters is made for: straight lines, filled polygons and axes. Plotters rounds
//! to whole pixels, which a chart can afford. Text is measured with the bundled DejaVu Sans
//! (`render/fonts.rs`); plotters' SVG backend only names the
//! family, and [`png::rasterise`](super::png::rasterise) draws it with the same font.
//!
//! ```
//! use std::time::Duration;
//! use routecheck::render::chart::{self, ChartEvent, ChartMark, ChartScene, SpeedBand};
//! use routecheck::units::{hours, Length, Speed};
//! let scene = ChartScene {
//!     title: "Pyongyang → Vladivostok by train".into(),
//!     marks: vec![
//!         ChartMark { name: "Pyongyang".into(), along: Length::ZERO },
//!         ChartMark { name: "Khasan".into(), along: Length::km(857.3) },
//!     ],
//!     events: vec![ChartEvent {
//!         label: "crossed into Russia".into(),
//!         along: Length::km(857.3),
//!         earliest: hours(35.0),
//!         latest: hours(41.0),
//!     }],
//!     speed_bands: vec![SpeedBand {
//!         label: "40–60 km/h".into(),
//!         low: Speed::kmh(40.0),
//!         high: Speed::kmh(60.0),
//!         along: Length::ZERO,
//!         earliest: Duration::ZERO,
//!         latest: hours(6.0),
//!     }],
//!     ..Default::default()
//! };
//! let svg = chart::chart_svg(&scene, 1200, 700).unwrap();
//! assert!(svg.contains("crossed into Russia") && svg.contains("Khasan"));
//! ```

mod draw;
mod geometry;
mod labels;
#[cfg(test)]
mod tests;

use std::time::Duration;

use super::Error;
use crate::units::{Length, Speed, as_hours};

/// What to draw on a distance–time chart. All times are elapsed since the same moment, which
/// [`time_zero`](Self::time_zero) names for the reader.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartScene {
    /// The chart's heading.
    pub title: String,
    /// What hour 0 is, for the x-axis title: "10 Sep 2023 12:00 Pyongyang time (UTC+9)".
    /// Empty gives a plain "Hours elapsed".
    pub time_zero: String,
    /// Waypoints, drawn as gridlines at their km and named on the right.
    pub marks: Vec<ChartMark>,
    /// Timeline events, drawn as bars over their time windows.
    pub events: Vec<ChartEvent>,
    /// Speed ranges, drawn as shaded envelopes.
    pub speed_bands: Vec<SpeedBand>,
    /// Single speeds, drawn as lines.
    pub speed_lines: Vec<SpeedLine>,
    /// The local midnights in the chart's time span (in the zone of hour 0), drawn as dotted
    /// vertical lines named by their day ("Mon 11 Sep"), so the time axis reads in days and
    /// clock times, not only in hours elapsed.
    pub days: Vec<ChartDay>,
    /// The local clock at hour 0 (in its zone), for a second row of ticks under the hours:
    /// local clock times at round hours. None: hours only.
    pub clock: Option<ChartClock>,
}

/// The clock of the time axis: what the local clock read at hour 0, and in which zone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartClock {
    /// Minutes after local midnight at hour 0 (0 to 1439).
    pub start_min: u32,
    /// The zone the clock times are in, for the axis title: "UTC+09".
    pub zone: String,
}

/// A local midnight on the time axis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartDay {
    /// The day that begins: "Mon 11 Sep".
    pub label: String,
    /// When it begins, elapsed since hour 0.
    pub at: Duration,
}

/// What a speed line stands for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SpeedKind {
    /// A speed travelled at (claimed, or an average the timeline implies): a line.
    #[default]
    Speed,
    /// An upper bound ("less than 40 mph"): a thin line with ticks on the side it rules out
    /// (faster), since the traveller may have gone at any speed below it.
    AtMost,
    /// A lower bound ("at least 50 km/h"): ticks on the slower side it rules out.
    AtLeast,
}

/// A waypoint at a distance along the journey.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartMark {
    /// The waypoint's name, printed at the right-hand end of its gridline.
    pub name: String,
    /// Distance from the start of the journey.
    pub along: Length,
}

/// Something that happened at a place on the journey, some time in a window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartEvent {
    /// What happened, with its source if there is room: "crossed into Russia (Yonhap)".
    pub label: String,
    /// Where: distance from the start of the journey.
    pub along: Length,
    /// The window's start, elapsed since hour 0.
    pub earliest: Duration,
    /// The window's end, elapsed since hour 0 (not before `earliest`).
    pub latest: Duration,
}

/// The envelope of a speed range: leaving `along` between `earliest` and `latest` and moving at
/// `low` to `high`. The fast edge starts at `earliest`, the slow edge at `latest`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeedBand {
    /// Shown in the legend, with its source: "leg speed 40–60 km/h (story)".
    pub label: String,
    /// The slowest speed of the range (the band's slow edge).
    pub low: Speed,
    /// Not below `low`.
    pub high: Speed,
    /// Where the band starts (usually km 0).
    pub along: Length,
    /// Earliest start, elapsed since hour 0.
    pub earliest: Duration,
    /// Latest start (not before `earliest`).
    pub latest: Duration,
}

/// One speed from one starting point: the line km = along + speed × (t − at).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeedLine {
    /// Shown in the legend, with its source: "around 60 km/h (AFP)".
    pub label: String,
    /// The speed, the line's slope.
    pub speed: Speed,
    /// Where the line starts.
    pub along: Length,
    /// When it starts, elapsed since hour 0.
    pub at: Duration,
    /// Draw dashed, e.g. for figures derived rather than claimed.
    pub dashed: bool,
    /// A speed, or a bound on it.
    pub kind: SpeedKind,
    /// Where the line stops (an average ends at the event it runs to); `None` runs it to the
    /// chart's edge.
    pub until: Option<Length>,
}

/// Draws the chart as an SVG document, `width_px` × `height_px`. The same scene always gives
/// byte-identical SVG.
///
/// Refuses sizes outside 200–20000 × 150–20000 px and non-finite or negative distances and
/// speeds, a band whose `low` exceeds its `high`, and windows that end before they start.
pub fn chart_svg(scene: &ChartScene, width_px: u32, height_px: u32) -> Result<String, Error> {
    check_size(width_px, height_px)?;
    check(scene)?;
    let frame = Frame::fit(scene);
    let svg = draw::draw(scene, &frame, width_px, height_px)?.svg;
    // The plotting library escapes markup but not the characters XML forbids, which a story's
    // text may hold (issue 19, item 7).
    Ok(crate::xml::drop_disallowed(&svg).into_owned())
}

/// Draws the chart and rasterises it to PNG bytes with the bundled font.
pub fn chart_png(scene: &ChartScene, width_px: u32, height_px: u32) -> Result<Vec<u8>, Error> {
    super::png::rasterise(&chart_svg(scene, width_px, height_px)?)
}

fn check_size(width_px: u32, height_px: u32) -> Result<(), Error> {
    if !(200..=20_000).contains(&width_px) || !(150..=20_000).contains(&height_px) {
        return Err(Error::Size {
            width_px,
            height_px,
        });
    }
    Ok(())
}

fn bad(item: &str, label: &str, reason: &str) -> Error {
    Error::ChartValue {
        item: format!("{item} \"{label}\""),
        reason: reason.to_string(),
    }
}

fn check_length(item: &str, label: &str, l: Length) -> Result<(), Error> {
    if !l.as_m().is_finite() || l.as_m() < 0.0 {
        return Err(bad(item, label, "distance must be finite and not negative"));
    }
    Ok(())
}

fn check_speed(item: &str, label: &str, v: Speed) -> Result<(), Error> {
    if !v.as_mps().is_finite() || v.as_mps() < 0.0 {
        return Err(bad(item, label, "speed must be finite and not negative"));
    }
    Ok(())
}

fn check_window(
    item: &str,
    label: &str,
    earliest: Duration,
    latest: Duration,
) -> Result<(), Error> {
    if latest < earliest {
        return Err(bad(item, label, "the window ends before it starts"));
    }
    Ok(())
}

/// Refuses values that cannot be drawn.
fn check(scene: &ChartScene) -> Result<(), Error> {
    for m in &scene.marks {
        check_length("mark", &m.name, m.along)?;
    }
    for e in &scene.events {
        check_length("event", &e.label, e.along)?;
        check_window("event", &e.label, e.earliest, e.latest)?;
    }
    for b in &scene.speed_bands {
        check_length("speed band", &b.label, b.along)?;
        check_speed("speed band", &b.label, b.low)?;
        check_speed("speed band", &b.label, b.high)?;
        check_window("speed band", &b.label, b.earliest, b.latest)?;
        if b.low > b.high {
            return Err(bad("speed band", &b.label, "low speed exceeds high speed"));
        }
    }
    for l in &scene.speed_lines {
        check_length("speed line", &l.label, l.along)?;
        check_speed("speed line", &l.label, l.speed)?;
        if let Some(until) = l.until {
            check_length("speed line", &l.label, until)?;
            if until < l.along {
                return Err(bad("speed line", &l.label, "it stops before it starts"));
            }
        }
    }
    Ok(())
}

/// The data ranges the chart shows: hours `0..t_max_h`, km `km_lo..km_hi` (a little below 0
/// so bars at km 0 clear the axis).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Frame {
    t_max_h: f64,
    km_lo: f64,
    km_hi: f64,
}

/// Hours shown when nothing in the scene says how long the journey took.
const DEFAULT_HOURS: f64 = 24.0;

impl Frame {
    /// Ranges that hold every mark, event and start. Without events, the time axis runs until
    /// the slowest speed reaches the farthest mark.
    fn fit(scene: &ChartScene) -> Frame {
        let km = |l: Length| l.as_km();
        let km_data = scene
            .marks
            .iter()
            .map(|m| km(m.along))
            .chain(scene.events.iter().map(|e| km(e.along)))
            .chain(scene.speed_bands.iter().map(|b| km(b.along)))
            .chain(scene.speed_lines.iter().map(|l| km(l.along)))
            .fold(0.0, f64::max);
        let t_data = scene
            .events
            .iter()
            .map(|e| as_hours(e.latest))
            .chain(scene.speed_bands.iter().map(|b| as_hours(b.latest)))
            .chain(scene.speed_lines.iter().map(|l| as_hours(l.at)))
            .fold(0.0, f64::max);
        // (start h, start km, km/h) of every line that can reach the far end.
        let starts: Vec<(f64, f64, f64)> = scene
            .speed_bands
            .iter()
            .map(|b| (as_hours(b.latest), km(b.along), b.low.as_kmh()))
            .chain(
                scene
                    .speed_lines
                    .iter()
                    .map(|l| (as_hours(l.at), km(l.along), l.speed.as_kmh())),
            )
            .filter(|s| s.2 > 0.0)
            .collect();
        let mut t_max_h = t_data;
        if scene.events.is_empty() && km_data > 0.0 {
            let reach = starts
                .iter()
                .map(|&(t, a, v)| t + (km_data - a) / v)
                .filter(|t| t.is_finite())
                .fold(0.0, f64::max);
            t_max_h = t_max_h.max(reach);
        }
        if !positive(t_max_h) {
            t_max_h = DEFAULT_HOURS;
        }
        let mut km_hi = km_data;
        if !positive(km_hi) {
            km_hi = starts
                .iter()
                .map(|&(t, a, v)| a + v * (t_max_h - t).max(0.0))
                .filter(|k| k.is_finite())
                .fold(0.0, f64::max);
        }
        if !positive(km_hi) {
            km_hi = 1.0;
        }
        // Past these, figures are nonsense anyway; the caps keep the pixel arithmetic finite.
        let (t_max_h, km_hi) = (t_max_h.min(MAX_AXIS), km_hi.min(MAX_AXIS));
        Frame {
            t_max_h: t_max_h * 1.05,
            km_lo: -0.03 * km_hi,
            km_hi: km_hi * 1.04,
        }
    }
}

fn positive(x: f64) -> bool {
    x.is_finite() && x > 0.0
}

/// The largest value either axis reaches (10¹² km or hours).
const MAX_AXIS: f64 = 1e12;
