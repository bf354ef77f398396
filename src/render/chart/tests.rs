//! Tests for the distance–time chart: determinism, the geometry read back from the SVG, labels,
//! and edge cases that must not panic.

use std::time::Duration;

use super::*;
use crate::units::hours;

/// The default story's chart: Pyongyang → Vladivostok by rail chainage, left 0–6 h, crossed
/// at Khasan 35–41 h.
fn story() -> ChartScene {
    let mark = |name: &str, km: f64| ChartMark {
        name: name.into(),
        along: Length::km(km),
    };
    ChartScene {
        title: "Pyongyang → Vladivostok".into(),
        time_zero: "10 Sep 2023 12:00 UTC+9".into(),
        marks: vec![
            mark("Pyongyang", 0.0),
            mark("Tumangang", 852.3),
            mark("Khasan", 857.3),
            mark("Baranovsky", 1095.3),
            mark("Vladivostok", 1183.3),
        ],
        events: vec![
            ChartEvent {
                label: "left Pyongyang".into(),
                along: Length::ZERO,
                earliest: Duration::ZERO,
                latest: hours(6.0),
            },
            ChartEvent {
                label: "crossed into Russia at Khasan".into(),
                along: Length::km(857.3),
                earliest: hours(35.0),
                latest: hours(41.0),
            },
        ],
        speed_bands: vec![SpeedBand {
            label: "40–60 km/h (story)".into(),
            low: Speed::kmh(40.0),
            high: Speed::kmh(60.0),
            along: Length::ZERO,
            earliest: Duration::ZERO,
            latest: hours(6.0),
        }],
        speed_lines: vec![
            SpeedLine {
                label: "around 60 km/h (AFP)".into(),
                speed: Speed::kmh(60.0),
                ..Default::default()
            },
            SpeedLine {
                label: "less than 40 mph (UPI)".into(),
                speed: Speed::mph(40.0),
                dashed: true,
                ..Default::default()
            },
        ],
        days: Vec::new(),
        clock: None,
    }
}

fn draw_story() -> (draw::Drawn, Frame) {
    let scene = story();
    let frame = Frame::fit(&scene);
    (draw::draw(&scene, &frame, 1200, 700).unwrap(), frame)
}

/// Pixel → (hours, km), from where the plot's corners landed.
fn to_data(d: &draw::Drawn, f: &Frame, (x, y): (f64, f64)) -> (f64, f64) {
    let (ox, oy) = (f64::from(d.origin_px.0), f64::from(d.origin_px.1));
    let (fx, fy) = (f64::from(d.far_px.0), f64::from(d.far_px.1));
    (
        (x - ox) / (fx - ox) * f.t_max_h,
        f.km_lo + (y - oy) / (fy - oy) * (f.km_hi - f.km_lo),
    )
}

/// The `points` of every `<tag … points="…">` element whose attributes contain `attr`.
fn points(svg: &str, tag: &str, attr: &str) -> Vec<Vec<(f64, f64)>> {
    svg.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|el| {
            let el = &el[..el.find("/>")?];
            if !el.contains(attr) {
                return None;
            }
            let start = el.find("points=\"")? + 8;
            let list = &el[start..start + el[start..].find('"')?];
            Some(
                list.split_whitespace()
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect(),
            )
        })
        .collect()
}

fn slope(d: &draw::Drawn, f: &Frame, a: (f64, f64), b: (f64, f64)) -> f64 {
    let (a, b) = (to_data(d, f, a), to_data(d, f, b));
    (b.1 - a.1) / (b.0 - a.0)
}

#[test]
fn same_scene_same_bytes() {
    let a = chart_svg(&story(), 1200, 700).unwrap();
    assert_eq!(a, chart_svg(&story(), 1200, 700).unwrap());
    assert!(a.starts_with("<svg") && a.trim_end().ends_with("</svg>"));
    assert!(!a.contains("NaN") && !a.contains("inf"));
}

#[test]
fn the_envelope_has_the_band_speeds() {
    let (d, f) = draw_story();
    let polys = points(&d.svg, "polygon", "");
    assert_eq!(polys.len(), 1, "one band");
    let p = &polys[0];
    // (0 h, 0 km), (6 h, 0 km), slow edge's exit, fast edge's exit (both through the top).
    assert_eq!(p.len(), 4, "{p:?}");
    let fast = slope(&d, &f, p[0], p[3]);
    let slow = slope(&d, &f, p[1], p[2]);
    assert!((fast - 60.0).abs() < 0.6, "fast edge {fast} km/h");
    assert!((slow - 40.0).abs() < 0.4, "slow edge {slow} km/h");
    let start = to_data(&d, &f, p[1]);
    assert!(
        (start.0 - 6.0).abs() < 0.1 && start.1.abs() < 3.0,
        "{start:?}"
    );
}

#[test]
fn speed_lines_have_their_speeds() {
    let (d, f) = draw_story();
    let stroke =
        |c: plotters::style::RGBColor| format!("stroke=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
    let solid = points(&d.svg, "polyline", &stroke(draw::LINE_COLOURS[0]));
    let line = solid
        .iter()
        .find(|l| l.len() == 2)
        .expect("the 60 km/h line");
    let v = slope(&d, &f, line[0], line[1]);
    assert!(
        (v - 60.0).abs() < 0.6,
        "{v} km/h from {line:?}, {:?} {:?} {f:?}",
        d.origin_px,
        d.far_px
    );
    // The dashed line is many short pieces, all on km = 64.4·t (the legend's sample, also
    // dashed, is level and left out).
    let dashes: Vec<_> = points(&d.svg, "polyline", &stroke(draw::LINE_COLOURS[1]))
        .into_iter()
        .filter(|p| p.len() == 2 && p[0].1 != p[1].1)
        .collect();
    assert!(dashes.len() > 10, "{dashes:?}");
    // Pixels are whole, so only pieces well away from the start tell the slope closely.
    for piece in dashes.iter().filter(|p| p[1].0 - dashes[0][0].0 > 100.0) {
        let v = slope(&d, &f, dashes[0][0], piece[1]);
        assert!((v - 64.37).abs() < 1.0, "{v} km/h at {piece:?}");
    }
}

#[test]
fn every_label_is_written() {
    let svg = chart_svg(&story(), 1200, 700).unwrap();
    for s in [
        "Pyongyang → Vladivostok",
        "Hours since 10 Sep 2023 12:00 UTC+9",
        "km along the journey",
        "Khasan · 857.3 km",
        "Vladivostok · 1,183.3 km",
        "Pyongyang · 0 km",
        "crossed into Russia at Khasan · 35–41 h",
        "left Pyongyang · 0–6 h",
        "40–60 km/h (story)",
        "around 60 km/h (AFP)",
        "less than 40 mph (UPI)",
        "font-family=\"DejaVu Sans\"",
    ] {
        assert!(svg.contains(s), "missing {s:?}");
    }
}

#[test]
fn close_waypoints_get_separate_lines_of_text() {
    let svg = chart_svg(&story(), 1200, 700).unwrap();
    let y_of = |name: &str| -> f64 {
        let at = svg.find(&format!("\n{name} ·")).unwrap();
        let open = svg[..at].rfind("<text").unwrap();
        let el = &svg[open..at];
        let y = el.split(" y=\"").nth(1).unwrap();
        y[..y.find('"').unwrap()].parse().unwrap()
    };
    assert!((y_of("Khasan") - y_of("Tumangang")).abs() >= 13.0);
}

#[test]
fn text_is_escaped() {
    let mut s = story();
    s.title = "A & B <c>".into();
    let svg = chart_svg(&s, 800, 500).unwrap();
    assert!(svg.contains("A &amp; B &lt;c&gt;"));
}

#[test]
fn edge_cases_draw_without_panicking() {
    let mut scenes = vec![ChartScene::default()];
    // A zero-length journey: every mark and event at km 0, no speeds.
    scenes.push(ChartScene {
        marks: vec![ChartMark {
            name: "Here".into(),
            along: Length::ZERO,
        }],
        events: vec![ChartEvent {
            label: "stood still".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    // One mark only; one speed of zero; no events.
    scenes.push(ChartScene {
        marks: vec![ChartMark {
            name: "Far".into(),
            along: Length::km(10.0),
        }],
        speed_lines: vec![SpeedLine {
            label: "stopped".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    // Huge values everywhere.
    scenes.push(ChartScene {
        title: "x".repeat(500),
        marks: vec![ChartMark {
            name: "y".repeat(500),
            along: Length::km(1e15),
        }],
        events: vec![ChartEvent {
            label: "z".repeat(500),
            along: Length::km(1e9),
            earliest: Duration::ZERO,
            latest: Duration::MAX,
        }],
        speed_bands: vec![SpeedBand {
            low: Speed::kmh(1e-300),
            high: Speed::kmh(1e300),
            latest: Duration::MAX,
            ..Default::default()
        }],
        speed_lines: vec![SpeedLine {
            speed: Speed::kmh(f64::MAX),
            along: Length::km(1e300),
            ..Default::default()
        }],
        ..Default::default()
    });
    // Many marks at one place.
    scenes.push(ChartScene {
        marks: (0..40)
            .map(|i| ChartMark {
                name: format!("mark {i}"),
                along: Length::km(100.0),
            })
            .collect(),
        ..story()
    });
    for (i, s) in scenes.iter().enumerate() {
        for (w, h) in [(200, 150), (1200, 700), (4000, 3000)] {
            let svg = chart_svg(s, w, h).unwrap_or_else(|e| panic!("scene {i} {w}×{h}: {e}"));
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "scene {i}");
        }
    }
}

#[test]
fn bad_input_is_refused() {
    let with = |f: fn(&mut ChartScene)| {
        let mut s = story();
        f(&mut s);
        chart_svg(&s, 1200, 700)
    };
    assert!(matches!(
        with(|s| s.marks[0].along = Length::km(f64::NAN)),
        Err(Error::ChartValue { .. })
    ));
    assert!(matches!(
        with(|s| s.events[0].along = Length::km(-1.0)),
        Err(Error::ChartValue { .. })
    ));
    assert!(matches!(
        with(|s| s.speed_bands[0].low = Speed::kmh(70.0)),
        Err(Error::ChartValue { .. })
    ));
    assert!(matches!(
        with(|s| s.speed_lines[0].speed = Speed::kmh(f64::INFINITY)),
        Err(Error::ChartValue { .. })
    ));
    let err = with(|s| s.events[1].latest = hours(1.0)).unwrap_err();
    assert!(err.to_string().contains("crossed into Russia"), "{err}");
    assert!(matches!(
        chart_svg(&story(), 100, 700),
        Err(Error::Size { .. })
    ));
}

#[test]
fn without_events_time_runs_until_the_slowest_speed_arrives() {
    let mut s = story();
    s.events.clear();
    // Slowest: 40 km/h leaving at 6 h reaches 1,183.3 km at 35.6 h.
    let f = Frame::fit(&s);
    assert!((f.t_max_h - 35.58 * 1.05).abs() < 0.05, "{f:?}");
    // With events, their windows set the time axis.
    let f = Frame::fit(&story());
    assert!((f.t_max_h - 41.0 * 1.05).abs() < 1e-9);
    assert!((f.km_hi - 1183.3 * 1.04).abs() < 1e-9 && f.km_lo < 0.0);
}

#[test]
fn png_comes_from_the_same_svg() {
    let png = chart_png(&story(), 400, 250).unwrap();
    assert_eq!(&png[1..4], b"PNG");
}

#[test]
fn font_sizes_are_written_short() {
    for tenths in 50..400 {
        let px = f64::from(tenths) / 10.0;
        let written = format!("{}", draw::plotters_size(px) / 1.24);
        assert!(written.len() <= 4, "{px} px is written {written}");
    }
    let svg = chart_svg(&story(), 1000, 600).unwrap();
    assert!(!svg.contains("0000000"));
}

/// Issue 17: clock ticks fall on round local hours (3-hourly on a day-long axis, 6-hourly on
/// the default story's 41 h), counted from hour 0's clock, wrapping at midnight.
#[test]
fn regression_issue_17_clock_ticks_at_round_local_hours() {
    let ticks = draw::clock_ticks(12 * 60, 41.0);
    let first: Vec<(f64, &str)> = ticks
        .iter()
        .take(4)
        .map(|(t, s)| (*t, s.as_str()))
        .collect();
    assert_eq!(
        first,
        [
            (0.0, "12:00"),
            (6.0, "18:00"),
            (12.0, "00:00"),
            (18.0, "06:00")
        ]
    );
    assert_eq!(ticks.last().map(|(t, _)| *t), Some(36.0));
    // Hour 0 at 22:40: the first tick is midnight, 80 minutes on; 3-hourly on 20 hours.
    let late = draw::clock_ticks(22 * 60 + 40, 20.0);
    assert_eq!(late[0].1, "00:00");
    assert!((late[0].0 - 80.0 / 60.0).abs() < 1e-9);
    assert_eq!(late[1].1, "03:00");
    // Eleven days: one a day.
    let days = draw::clock_ticks(0, 24.0 * 11.0);
    assert_eq!(days.len(), 12);
    assert!(days.iter().all(|(_, s)| s == "00:00"));
}

/// Issue 17: a chart with a clock draws the clock row and says which zone it is in; without
/// one, neither.
#[test]
fn regression_issue_17_the_chart_draws_clock_times() {
    let mut scene = story();
    let frame = Frame::fit(&scene);
    let plain = draw::draw(&scene, &frame, 1200, 700).unwrap().svg;
    scene.clock = Some(ChartClock {
        start_min: 12 * 60,
        zone: "UTC+09".into(),
    });
    let timed = draw::draw(&scene, &frame, 1200, 700).unwrap().svg;
    for s in ["18:00", "06:00", "the clock in UTC+09"] {
        assert!(timed.contains(s), "{s}");
        assert!(!plain.contains(s), "{s}");
    }
}

/// A translucent stroke or fill is written on its paint, not as the element's opacity (which
/// renderers draw as a layer per element); an element with both a fill and a stroke keeps its
/// element opacity, which is not the same picture.
#[test]
fn translucent_paint_is_on_the_paint_not_a_layer() {
    let svg = "<polyline fill=\"none\" opacity=\"0.8\" stroke=\"#787C82\" points=\"1,2 3,4 \"/>\n\
               <line opacity=\"0.07\" stroke=\"#000000\" x1=\"84\" y1=\"622\" x2=\"84\" y2=\"40\"/>\n\
               <rect x=\"84\" y=\"601\" width=\"120\" height=\"10\" opacity=\"0.85\" fill=\"#28303D\" stroke=\"none\"/>\n\
               <rect x=\"0\" y=\"0\" width=\"9\" height=\"9\" opacity=\"0.5\" fill=\"#FFFFFF\" stroke=\"#000000\"/>\n";
    let out = draw::paint_opacity(svg);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("<polyline fill=\"none\" stroke-opacity=\"0.8\" stroke="),
        "{out}"
    );
    assert!(
        lines[1].starts_with("<line stroke-opacity=\"0.07\" stroke="),
        "{out}"
    );
    assert!(lines[2].contains(" fill-opacity=\"0.85\" fill="), "{out}");
    assert!(lines[3].contains(" opacity=\"0.5\" fill="), "{out}");
    let (d, _) = draw_story();
    let layered = d
        .svg
        .lines()
        .filter(|l| l.contains(" opacity=\"") && !l.contains(" opacity=\"1\""))
        .filter(|l| !l.starts_with("<text"))
        .count();
    assert_eq!(layered, 0, "{}", d.svg);
}
