//! Draws the distance–time chart of the default story (Kim Jong Un's train, Pyongyang →
//! Vladivostok, 10–12 September 2023) to `output/chart_demo.svg` and `.png` (1200 × 700).
//!
//!     cargo run --release --example chart_demo
//!
//! The km figures are the route's rail chainage as `routecheck check --json` reports it for
//! `data/stories/kim-jong-un-train-2023-09.toml` (the Friendship Bridge, at Khasan's km, is left
//! out). The times are the story's event windows, turned into hours since the earliest
//! possible departure with the crate's time-zone arithmetic: Pyongyang is UTC+9, Vladivostok
//! UTC+10, so "early Tuesday" in Vladivostok is 35–41 h after Sunday 12:00 in Pyongyang.

use std::time::Duration;

use routecheck::render::{self, ChartEvent, ChartMark, ChartScene, SpeedBand, SpeedLine};
use routecheck::route::timing::{self, PartOfDay, TimeWindow};
use routecheck::units::{Length, Speed};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let zero = TimeWindow::at("2023-09-10T12:00", "Asia/Pyongyang")?;
    let left = TimeWindow::part_of_day("2023-09-10", PartOfDay::Afternoon, "Asia/Pyongyang")?;
    let crossed = TimeWindow::part_of_day("2023-09-12", PartOfDay::EarlyHours, "Asia/Vladivostok")?;
    let since_zero = |w: &TimeWindow| timing::elapsed(&zero, w);
    let (left_h, crossed_h) = (since_zero(&left)?, since_zero(&crossed)?);

    let khasan = Length::km(857.3);
    let took = timing::elapsed(&left, &crossed)?;
    let (slowest, fastest) = timing::implied_speed(khasan, &took)?;

    let mark = |name: &str, km: f64| ChartMark {
        name: name.into(),
        along: Length::km(km),
    };
    let line = |label: String, speed: Speed, at: Duration, dashed: bool| SpeedLine {
        label,
        speed,
        along: Length::ZERO,
        at,
        dashed,
        ..Default::default()
    };
    let scene = ChartScene {
        title: "Kim Jong Un's train to Russia, 10–12 September 2023: distance against time".into(),
        time_zero: format!(
            "Sun 10 Sep 2023 12:00 Pyongyang time (UTC{})",
            zero.utc_offset()
        ),
        marks: vec![
            mark("Pyongyang", 0.0),
            mark("Tumangang", 852.3),
            mark("Khasan", 857.3),
            mark("Baranovsky", 1095.3),
            mark("Vladivostok", 1183.3),
        ],
        events: vec![
            ChartEvent {
                label: "left Pyongyang by train, Sunday afternoon (KCNA)".into(),
                along: Length::ZERO,
                earliest: left_h.min,
                latest: left_h.max,
            },
            ChartEvent {
                label: "crossed into Russia at Khasan, early Tuesday (S. Korean Defense Ministry)"
                    .into(),
                along: khasan,
                earliest: crossed_h.min,
                latest: crossed_h.max,
            },
        ],
        speed_bands: vec![SpeedBand {
            label: "the story's leg speed, 40–60 km/h, leaving in the departure window".into(),
            low: Speed::kmh(40.0),
            high: Speed::kmh(60.0),
            along: Length::ZERO,
            earliest: left_h.min,
            latest: left_h.max,
        }],
        speed_lines: vec![
            line(
                "“around 60 km/h” (AFP, citing Chosun Ilbo)".into(),
                Speed::kmh(60.0),
                left_h.min,
                false,
            ),
            line(
                "“less than 40 mph” = 64.4 km/h (UPI, citing South Korean media)".into(),
                Speed::mph(40.0),
                left_h.min,
                false,
            ),
            line(
                format!("timeline average, slowest: {slowest} (left first, crossed last)"),
                slowest,
                left_h.min,
                true,
            ),
            line(
                format!("timeline average, fastest: {fastest} (left last, crossed first)"),
                fastest,
                left_h.max,
                true,
            ),
        ],
        days: Vec::new(),
        clock: None,
    };

    let svg = render::chart_svg(&scene, 1200, 700)?;
    let png = render::png::rasterise(&svg)?;
    std::fs::create_dir_all("output")?;
    std::fs::write("output/chart_demo.svg", &svg)?;
    std::fs::write("output/chart_demo.png", &png)?;
    println!(
        "left {:.0}–{:.0} h, crossed {:.0}–{:.0} h, implied {slowest} – {fastest}",
        left_h.min.as_secs_f64() / 3600.0,
        left_h.max.as_secs_f64() / 3600.0,
        crossed_h.min.as_secs_f64() / 3600.0,
        crossed_h.max.as_secs_f64() / 3600.0,
    );
    println!("wrote output/chart_demo.svg and output/chart_demo.png");
    Ok(())
}
