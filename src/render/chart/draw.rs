//! The chart drawn with plotters' SVG backend: axes and mesh from plotters, then bands, lines,
//! waypoint gridlines and event bars in data coordinates, then the labels and the legend
//! ([`labels`](super::labels)) in pixels.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::geometry::{self, DataRect, PxBox};
use super::labels::{self, Ink, LegendEntry, Swatch};
use super::{ChartScene, Frame, SpeedKind};
use crate::render::Error;
use crate::render::fonts::{self, Face};
use crate::render::style::FONT_FAMILY;
use crate::units::{as_hours, group_thousands};

/// Plotters divides a font size by 1.24 when it writes SVG; sizes here are the pixels wanted.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

pub(super) const BAND_COLOURS: [RGBColor; 3] = [
    RGBColor(49, 130, 189),
    RGBColor(49, 163, 84),
    RGBColor(117, 107, 177),
];
pub(super) const LINE_COLOURS: [RGBColor; 6] = [
    RGBColor(230, 85, 13),
    RGBColor(197, 27, 125),
    RGBColor(84, 39, 143),
    RGBColor(140, 81, 10),
    RGBColor(1, 102, 94),
    RGBColor(82, 82, 82),
];
pub(super) const EVENT_COLOUR: RGBColor = RGBColor(40, 48, 61);
pub(super) const TEXT_COLOUR: RGBColor = RGBColor(33, 37, 41);
pub(super) const MUTED_COLOUR: RGBColor = RGBColor(90, 96, 104);
const MARK_COLOUR: RGBColor = RGBColor(120, 124, 130);

/// The size to give plotters for text about `px` pixels high, chosen so that its division by
/// [`PLOTTERS_FONT_SCALE`] comes out exact and the SVG says `font-size="13"`, not
/// `13.000000000000002`: the nearest tenth of a pixel for which such a size exists.
pub(super) fn plotters_size(px: f64) -> f64 {
    let want = (px * 10.0).round() / 10.0;
    for step in [0.0, 0.1, -0.1, 0.2, -0.2, 0.3, -0.3] {
        let target = ((want + step) * 10.0).round() / 10.0;
        let mut size = target * PLOTTERS_FONT_SCALE;
        for _ in 0..8 {
            let got = size / PLOTTERS_FONT_SCALE;
            if got == target {
                return size;
            }
            size = if got > target {
                size.next_down()
            } else {
                size.next_up()
            };
        }
    }
    want * PLOTTERS_FONT_SCALE
}

/// The font size the SVG states for text asked at `px` pixels (plotters' rounding undone).
pub(super) fn drawn_size(px: f64) -> f64 {
    plotters_size(px) / PLOTTERS_FONT_SCALE
}

/// A text style for plotters at `px` pixels.
pub(super) fn text(px: f64, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: (FONT_FAMILY, plotters_size(px)).into_font(),
        color: colour.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

pub(super) fn plot_err(e: impl std::fmt::Display) -> Error {
    Error::Plot {
        reason: e.to_string(),
    }
}

/// Type sizes in pixels, scaled with the image.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sizes {
    pub title: f64,
    pub desc: f64,
    pub label: f64,
    pub pad: f64,
}

impl Sizes {
    fn for_image(width_px: u32, height_px: u32) -> Sizes {
        let s = (f64::from(width_px) / 1200.0)
            .min(f64::from(height_px) / 700.0)
            .clamp(0.6, 2.5);
        Sizes {
            title: 20.0 * s,
            desc: 14.0 * s,
            label: 13.0 * s,
            pad: 8.0 * s,
        }
    }
}

/// The SVG, and where the plot's corners landed (for tests that read coordinates back).
pub(super) struct Drawn {
    pub svg: String,
    /// Pixel position of (0 h, km_lo).
    #[cfg_attr(not(test), allow(dead_code))]
    pub origin_px: (i32, i32),
    /// Pixel position of (t_max h, km_hi).
    #[cfg_attr(not(test), allow(dead_code))]
    pub far_px: (i32, i32),
}

/// Number of decimals that tell ticks `span` apart.
fn decimals(span: f64) -> usize {
    if span >= 20.0 {
        0
    } else if span >= 2.0 {
        1
    } else {
        2
    }
}

fn tick(v: f64, span: f64) -> String {
    if v < -1e-9 * span {
        return String::new();
    }
    match decimals(span) {
        0 => group_thousands(v),
        d => format!("{v:.d$}"),
    }
}

/// "857.3 km", "1,183.3 km", "0 km".
pub(super) fn km_text(km: f64) -> String {
    let whole = group_thousands(km.trunc());
    let tenth = ((km - km.trunc()) * 10.0).round();
    if km.abs() >= 1e6 || tenth == 0.0 {
        return format!("{} km", group_thousands(km));
    }
    if tenth >= 10.0 {
        return format!("{} km", group_thousands(km.round()));
    }
    format!("{whole}.{tenth:.0} km")
}

/// The clock ticks of a time axis `t_max_h` hours long whose hour 0 is `start_min` minutes
/// after local midnight: (hours elapsed, "18:00") at every round 2, 3, 6, 12 or 24 hours of the
/// clock (more apart on a longer axis), from hour 0 to the end.
pub(super) fn clock_ticks(start_min: u32, t_max_h: f64) -> Vec<(f64, String)> {
    let step_h: u32 = match t_max_h {
        t if t <= 12.0 => 2,
        t if t <= 36.0 => 3,
        t if t <= 96.0 => 6,
        t if t <= 240.0 => 12,
        _ => 24,
    };
    let step_min = step_h * 60;
    let mut clock_min = start_min.div_ceil(step_min) * step_min;
    let mut out = Vec::new();
    loop {
        let t = f64::from(clock_min - start_min) / 60.0;
        if t > t_max_h || out.len() >= 1000 {
            break;
        }
        out.push((t, format!("{:02}:00", (clock_min / 60) % 24)));
        clock_min += step_min;
    }
    out
}

/// "6 h", "6.5 h".
pub(super) fn hours_text(h: f64) -> String {
    let r = (h * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        group_thousands(r)
    } else {
        format!("{r:.1}")
    }
}

pub(super) fn draw(
    scene: &ChartScene,
    frame: &Frame,
    width_px: u32,
    height_px: u32,
) -> Result<Drawn, Error> {
    let sz = Sizes::for_image(width_px, height_px);
    let w = f64::from(width_px);
    let t_span = frame.t_max_h;
    let k_span = frame.km_hi - frame.km_lo;

    // Label areas sized by the real widths of what goes in them.
    let widest_tick = fonts::text_width(&tick(frame.km_hi, k_span), Face::Regular, sz.label, 0.0);
    let left = (widest_tick + sz.desc * 1.6 + 2.0 * sz.pad).min(0.25 * w);
    let names = labels::mark_texts(scene);
    let widest_name = names
        .iter()
        .map(|n| fonts::text_width(n, Face::Regular, sz.label, 0.0))
        .fold(0.0, f64::max);
    let right_cap = 0.3 * w;
    let right = (widest_name + 4.0 * sz.pad).min(right_cap);
    let clock_row = if scene.clock.is_some() {
        sz.label * 1.4
    } else {
        0.0
    };
    let bottom = sz.label + clock_row + sz.desc + 3.0 * sz.pad;

    let mut svg = String::new();
    let (origin_px, far_px) = {
        let root = SVGBackend::with_string(&mut svg, (width_px, height_px)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_err)?;
        // The title is centred on the whole image, not just over the plot (as plotters'
        // caption would be), because the right margin holds the waypoint names.
        let title = geometry::fit_text(scene.title.trim(), Face::Bold, sz.title, w - 2.0 * sz.pad);
        let top = if title.is_empty() {
            sz.pad
        } else {
            sz.pad + sz.title * 1.6
        };
        if !title.is_empty() {
            let style = TextStyle {
                font: (FONT_FAMILY, plotters_size(sz.title), FontStyle::Bold).into_font(),
                color: TEXT_COLOUR.to_backend_color(),
                pos: Pos::new(HPos::Center, VPos::Center),
            };
            let at = (
                (w / 2.0).round() as i32,
                (sz.pad + sz.title * 0.6).round() as i32,
            );
            root.draw(&Text::new(title, at, style)).map_err(plot_err)?;
        }
        // The waypoint names go in the right margin; a right label area would make plotters
        // repeat the km ticks there.
        let mut builder = ChartBuilder::on(&root);
        builder
            .margin(sz.pad.round() as u32)
            .margin_top(top.round() as u32)
            .margin_right((sz.pad + right).round() as u32)
            .x_label_area_size(bottom.round() as u32)
            .y_label_area_size(left.round() as u32);
        let mut chart = builder
            .build_cartesian_2d(0.0..frame.t_max_h, frame.km_lo..frame.km_hi)
            .map_err(plot_err)?;

        let mut x_desc = if scene.time_zero.trim().is_empty() {
            "Hours elapsed".to_string()
        } else {
            format!("Hours since {}", scene.time_zero.trim())
        };
        if let Some(clock) = &scene.clock {
            x_desc.push_str(&format!("; under them, the clock in {}", clock.zone));
        }
        let x_fmt = |v: &f64| tick(*v, t_span);
        let y_fmt = |v: &f64| tick(*v, k_span);
        chart
            .configure_mesh()
            .x_desc(geometry::fit_text(&x_desc, Face::Regular, sz.desc, 0.9 * w))
            .y_desc("km along the journey")
            .x_labels(12)
            .y_labels(10)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .label_style(text(sz.label, MUTED_COLOUR, HPos::Center, VPos::Center))
            .axis_desc_style(text(sz.desc, TEXT_COLOUR, HPos::Center, VPos::Center))
            .bold_line_style(BLACK.mix(0.07))
            .light_line_style(TRANSPARENT)
            .axis_style(MUTED_COLOUR)
            .draw()
            .map_err(plot_err)?;

        let rect = DataRect {
            t0: 0.0,
            t1: frame.t_max_h,
            k0: frame.km_lo,
            k1: frame.km_hi,
        };
        let px = |p: (f64, f64)| chart.backend_coord(&p);
        let pxf = |p: (f64, f64)| {
            let (x, y) = chart.backend_coord(&p);
            (f64::from(x), f64::from(y))
        };
        let (x_range, y_range) = chart.plotting_area().get_pixel_range();
        let plot = PxBox {
            x0: f64::from(x_range.start),
            y0: f64::from(y_range.start),
            x1: f64::from(x_range.end),
            y1: f64::from(y_range.end),
        };
        let mut ink = Ink::default();
        let mut legend: Vec<LegendEntry> = Vec::new();

        // Local midnights: dotted verticals named by their day at the top of the plot.
        for d in &scene.days {
            let t = as_hours(d.at);
            if !(0.0..=frame.t_max_h).contains(&t) {
                continue;
            }
            let (x, _) = pxf((t, frame.km_hi));
            let x = x.round() as i32;
            let dot = (sz.pad * 0.4).round().max(1.0) as i32;
            root.draw(&DashedPathElement::new(
                [(x, plot_top(&chart)), (x, plot_bottom(&chart))],
                dot,
                dot * 2,
                MARK_COLOUR.mix(0.8).stroke_width(1),
            ))
            .map_err(plot_err)?;
            let label = PxBox {
                x0: f64::from(x) + sz.pad * 0.4,
                y0: f64::from(plot_top(&chart)) + sz.pad * 0.3,
                x1: f64::from(x)
                    + sz.pad * 0.4
                    + fonts::text_width(&d.label, Face::Regular, sz.label, 0.0),
                y1: f64::from(plot_top(&chart)) + sz.pad * 0.3 + sz.label * 1.25,
            };
            ink.texts.push(label);
            root.draw(&Text::new(
                d.label.clone(),
                (
                    label.x0.round() as i32,
                    ((label.y0 + label.y1) / 2.0).round() as i32,
                ),
                text(sz.label, MUTED_COLOUR, HPos::Left, VPos::Center),
            ))
            .map_err(plot_err)?;
        }

        // The local clock at round hours, in a row under the hours elapsed.
        if let Some(clock) = &scene.clock {
            let y = f64::from(plot_bottom(&chart)) + sz.pad * 0.5 + sz.label * 1.9;
            let mut last_right = f64::MIN;
            for (t, clock_text) in clock_ticks(clock.start_min, frame.t_max_h) {
                let (x, _) = pxf((t, frame.km_lo));
                let half = fonts::text_width(&clock_text, Face::Regular, sz.label, 0.0) / 2.0;
                if x - half < last_right + sz.pad {
                    continue;
                }
                last_right = x + half;
                root.draw(&Text::new(
                    clock_text,
                    (x.round() as i32, y.round() as i32),
                    text(sz.label, MUTED_COLOUR, HPos::Center, VPos::Center),
                ))
                .map_err(plot_err)?;
            }
        }

        // Waypoint gridlines first, under everything.
        for m in &scene.marks {
            let k = m.along.as_km();
            if k <= frame.km_hi {
                root.draw(&PathElement::new(
                    vec![px((0.0, k)), px((frame.t_max_h, k))],
                    MARK_COLOUR.mix(0.55).stroke_width(1),
                ))
                .map_err(plot_err)?;
            }
        }

        for (i, b) in scene.speed_bands.iter().enumerate() {
            let colour = BAND_COLOURS[i % BAND_COLOURS.len()];
            let (a, early, late) = (b.along.as_km(), as_hours(b.earliest), as_hours(b.latest));
            let (lo, hi) = (b.low.as_kmh(), b.high.as_kmh());
            if let Some(poly) = geometry::band(&rect, a, early, late, lo, hi) {
                ink.bands.push(poly.iter().map(|&p| pxf(p)).collect());
                let poly_px: Vec<(i32, i32)> = poly.iter().map(|&p| px(p)).collect();
                root.draw(&Polygon::new(poly_px, colour.mix(0.16).filled()))
                    .map_err(plot_err)?;
            }
            for (t, v) in [(early, hi), (late, lo)] {
                if let Some(seg) = geometry::line(&rect, t, a, v) {
                    ink.lines.push([pxf(seg[0]), pxf(seg[1])]);
                    root.draw(&PathElement::new(
                        vec![px(seg[0]), px(seg[1])],
                        colour.stroke_width(1),
                    ))
                    .map_err(plot_err)?;
                }
            }
            legend.push(LegendEntry {
                label: b.label.clone(),
                swatch: Swatch::Band(colour),
            });
        }

        for (i, l) in scene.speed_lines.iter().enumerate() {
            let colour = LINE_COLOURS[i % LINE_COLOURS.len()];
            let style = colour.stroke_width((2.0 * sz.label / 13.0).round().max(1.0) as u32);
            let until = l.until.map(|u| u.as_km());
            if let Some(seg) =
                geometry::line(&rect, as_hours(l.at), l.along.as_km(), l.speed.as_kmh())
                    .map(|seg| geometry::stop_at(seg, until))
            {
                ink.lines.push([pxf(seg[0]), pxf(seg[1])]);
                let seg_px = [px(seg[0]), px(seg[1])];
                if l.kind != SpeedKind::Speed {
                    // A bound: a thin line, combed on the side it rules out.
                    root.draw(&PathElement::new(seg_px.to_vec(), colour.stroke_width(1)))
                        .map_err(plot_err)?;
                    let faster = l.kind == SpeedKind::AtMost;
                    for t in
                        geometry::comb(pxf(seg[0]), pxf(seg[1]), sz.pad * 1.6, sz.pad * 0.6, faster)
                    {
                        root.draw(&PathElement::new(
                            vec![
                                (t[0].0.round() as i32, t[0].1.round() as i32),
                                (t[1].0.round() as i32, t[1].1.round() as i32),
                            ],
                            colour.stroke_width(1),
                        ))
                        .map_err(plot_err)?;
                    }
                } else if l.dashed {
                    let dash = (sz.pad * 1.2).round().max(2.0) as i32;
                    // Dashes cut from the exact line, each rounded on its own: plotters' dashed
                    // path steps in whole pixels and drifts, so a shallow line came out kinked.
                    let on = f64::from(dash);
                    for d in geometry::dashes(pxf(seg[0]), pxf(seg[1]), on, on * 2.0 / 3.0) {
                        root.draw(&PathElement::new(
                            vec![
                                (d[0].0.round() as i32, d[0].1.round() as i32),
                                (d[1].0.round() as i32, d[1].1.round() as i32),
                            ],
                            style,
                        ))
                        .map_err(plot_err)?;
                    }
                } else {
                    root.draw(&PathElement::new(seg_px.to_vec(), style))
                        .map_err(plot_err)?;
                }
            }
            legend.push(LegendEntry {
                label: l.label.clone(),
                swatch: match l.kind {
                    SpeedKind::Speed => Swatch::Line(colour, l.dashed),
                    SpeedKind::AtMost => Swatch::Bound(colour, true),
                    SpeedKind::AtLeast => Swatch::Bound(colour, false),
                },
            });
        }

        // Event bars: the window at the event's km, a few pixels thick.
        let half = (sz.pad * 0.6).max(2.0);
        for e in &scene.events {
            let (x0, y) = pxf((as_hours(e.earliest), e.along.as_km()));
            let (x1, _) = pxf((as_hours(e.latest), e.along.as_km()));
            let x1 = x1.max(x0 + 3.0);
            let bar = PxBox {
                x0,
                y0: y - half,
                x1,
                y1: y + half,
            };
            ink.bars.push(bar);
            root.draw(&Rectangle::new(
                [
                    (x0.round() as i32, bar.y0.round() as i32),
                    (x1.round() as i32, bar.y1.round() as i32),
                ],
                EVENT_COLOUR.mix(0.85).filled(),
            ))
            .map_err(plot_err)?;
        }
        if !scene.events.is_empty() {
            legend.push(LegendEntry {
                label: "timeline event: when it happened (window)".into(),
                swatch: Swatch::Bar,
            });
        }

        labels::events(&root, scene, &mut ink, &plot, &sz)?;
        let mark_ys: Vec<f64> = scene
            .marks
            .iter()
            .map(|m| pxf((0.0, m.along.as_km())).1)
            .collect();
        labels::marks(&root, &names, &mark_ys, &plot, right, &sz)?;
        labels::legend(&root, &legend, &mut ink, &plot, &sz)?;

        root.present().map_err(plot_err)?;
        (px((0.0, frame.km_lo)), px((frame.t_max_h, frame.km_hi)))
    };
    Ok(Drawn {
        svg: paint_opacity(&svg),
        origin_px,
        far_px,
    })
}

/// plotters gives a translucent colour as the element's `opacity`, which renderers draw as a
/// layer of its own (resvg: a pixmap per element; a quarter of the chart's raster time). An
/// element painted one way only (a stroke with no fill, a fill with no stroke) looks the same
/// with the opacity on that paint, which needs no layer; those are rewritten so. Anything
/// else is left as plotters wrote it.
pub(super) fn paint_opacity(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 1024);
    const SHAPES: [&str; 6] = [
        "<polyline ",
        "<line ",
        "<rect ",
        "<polygon ",
        "<circle ",
        "<path ",
    ];
    for line in svg.split_inclusive('\n') {
        let shape = SHAPES.iter().any(|t| line.starts_with(t));
        let no_fill = line.contains(" fill=\"none\"") || line.starts_with("<line ");
        let stroked = line.contains(" stroke=\"") && !line.contains(" stroke=\"none\"");
        let paint = match (shape, no_fill, stroked) {
            (true, true, true) => "stroke-opacity",
            (true, false, false) => "fill-opacity",
            _ => "",
        };
        match line.split_once(" opacity=\"") {
            Some((head, tail)) if !paint.is_empty() && !line.contains(paint) => {
                out.push_str(head);
                out.push(' ');
                out.push_str(paint);
                out.push_str("=\"");
                out.push_str(tail);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// The root area's type, for the label functions.
pub(super) type Root<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// The pixel rows of the plot's top and bottom edges.
fn plot_top<DB: DrawingBackend, X: Ranged, Y: Ranged>(
    chart: &ChartContext<'_, DB, Cartesian2d<X, Y>>,
) -> i32 {
    chart.plotting_area().get_pixel_range().1.start
}

fn plot_bottom<DB: DrawingBackend, X: Ranged, Y: Ranged>(
    chart: &ChartContext<'_, DB, Cartesian2d<X, Y>>,
) -> i32 {
    chart.plotting_area().get_pixel_range().1.end
}
