//! The chart's text in pixels: event labels beside their bars, waypoint names in the right
//! margin (spread apart, with leader lines), and the legend in the emptiest corner of the plot.
//! Every piece of text is measured with the bundled font ([`fonts::text_width`]).

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::ChartScene;
use super::draw::{
    self, EVENT_COLOUR, MUTED_COLOUR, Root, Sizes, TEXT_COLOUR, drawn_size, plot_err, text,
};
use super::geometry::{self, PxBox};
use crate::render::Error;
use crate::render::fonts::{self, Face};
use crate::units::as_hours;

/// What is already drawn on the plot, in pixels, so that text can avoid it.
#[derive(Debug, Default)]
pub(super) struct Ink {
    /// Speed-band polygons.
    pub bands: Vec<Vec<(f64, f64)>>,
    /// Speed lines and band edges.
    pub lines: Vec<[(f64, f64); 2]>,
    /// Event bars.
    pub bars: Vec<PxBox>,
    /// Labels placed so far.
    pub texts: Vec<PxBox>,
}

impl Ink {
    /// How much of what is drawn lies under `b`: band area counts a little, lines, bars and
    /// text a lot.
    fn clutter(&self, b: &PxBox) -> f64 {
        let mut score = 0.0;
        let (nx, ny) = (12, 6);
        for i in 0..=nx {
            for j in 0..=ny {
                let p = (
                    b.x0 + (b.x1 - b.x0) * f64::from(i) / f64::from(nx),
                    b.y0 + (b.y1 - b.y0) * f64::from(j) / f64::from(ny),
                );
                if self.bands.iter().any(|poly| geometry::in_convex(poly, p)) {
                    score += 1.0;
                }
            }
        }
        let hits = self
            .lines
            .iter()
            .filter(|s| geometry::segment_hits(s[0], s[1], b))
            .count()
            + self.bars.iter().filter(|x| x.overlaps(b)).count()
            + self.texts.iter().filter(|x| x.overlaps(b)).count();
        score + 100.0 * hits as f64
    }
}

/// What a legend row shows beside its text.
#[derive(Debug, Clone, Copy)]
pub(super) enum Swatch {
    Band(RGBColor),
    /// Colour, dashed.
    Line(RGBColor, bool),
    /// A bound: colour, and whether it rules out the faster side (an upper bound).
    Bound(RGBColor, bool),
    Bar,
}

#[derive(Debug, Clone)]
pub(super) struct LegendEntry {
    pub label: String,
    pub swatch: Swatch,
}

/// "Khasan · 857.3 km" for each mark, in scene order.
pub(super) fn mark_texts(scene: &ChartScene) -> Vec<String> {
    scene
        .marks
        .iter()
        .map(|m| format!("{} · {}", m.name.trim(), draw::km_text(m.along.as_km())))
        .collect()
}

/// "crossed into Russia · 35–41 h".
fn event_text(label: &str, earliest_h: f64, latest_h: f64) -> String {
    let (a, b) = (draw::hours_text(earliest_h), draw::hours_text(latest_h));
    let when = if a == b {
        format!("{a} h")
    } else {
        format!("{a}–{b} h")
    };
    if label.trim().is_empty() {
        when
    } else {
        format!("{} · {when}", label.trim())
    }
}

/// Labels each event bar, above or below it, left- or right-aligned, whichever first avoids
/// the other bars and labels; kept inside the plot.
pub(super) fn events(
    root: &Root,
    scene: &ChartScene,
    ink: &mut Ink,
    plot: &PxBox,
    sz: &Sizes,
) -> Result<(), Error> {
    let gap = sz.pad * 0.5;
    let height = sz.label * 1.25;
    for (i, e) in scene.events.iter().enumerate() {
        let Some(bar) = ink.bars.get(i).copied() else {
            continue;
        };
        let full = event_text(&e.label, as_hours(e.earliest), as_hours(e.latest));
        let s = geometry::fit_text(&full, Face::Regular, sz.label, plot.x1 - plot.x0 - sz.pad);
        // Measured at the size the SVG states (plotters rounds it), with a little slack, so
        // that the text ends inside the plot and never under the waypoint names.
        let w = fonts::text_width(&s, Face::Regular, drawn_size(sz.label), 0.0) * 1.02;
        let fit_x = |x0: f64| x0.min(plot.x1 - w - 2.0 * gap).max(plot.x0 + gap);
        let at = |x0: f64, y0: f64| {
            let x0 = fit_x(x0);
            PxBox {
                x0,
                y0,
                x1: x0 + w,
                y1: y0 + height,
            }
        };
        let (above, below) = (bar.y0 - gap - height, bar.y1 + gap);
        let beside = (bar.y0 + bar.y1 - height) / 2.0;
        let boxes = [
            at(bar.x0, above),
            at(bar.x1 - w, above),
            at(bar.x0, below),
            at(bar.x1 - w, below),
            at(bar.x1 + gap, beside),
        ];
        let clear = |b: &PxBox| {
            b.y0 >= plot.y0
                && b.y1 <= plot.y1
                && !ink.texts.iter().any(|t| t.overlaps(b))
                && !ink.bars.iter().any(|t| t.overlaps(b))
        };
        let chosen = boxes
            .iter()
            .find(|b| clear(b))
            .or_else(|| boxes.iter().find(|b| b.y0 >= plot.y0 && b.y1 <= plot.y1))
            .copied()
            .unwrap_or(boxes[0]);
        ink.texts.push(chosen);
        // A pale backing keeps the text readable where lines cross it.
        root.draw(&Rectangle::new(
            [
                ((chosen.x0 - 2.0).round() as i32, chosen.y0.round() as i32),
                ((chosen.x1 + 2.0).round() as i32, chosen.y1.round() as i32),
            ],
            WHITE.mix(0.8).filled(),
        ))
        .map_err(plot_err)?;
        root.draw(&Text::new(
            s,
            (
                chosen.x0.round() as i32,
                ((chosen.y0 + chosen.y1) / 2.0).round() as i32,
            ),
            text(sz.label, EVENT_COLOUR, HPos::Left, VPos::Center),
        ))
        .map_err(plot_err)?;
    }
    Ok(())
}

/// Writes waypoint names in the right margin at their gridlines' heights, spread so that they
/// do not overlap, each joined to its gridline by a leader when it had to move.
pub(super) fn marks(
    root: &Root,
    names: &[String],
    ys: &[f64],
    plot: &PxBox,
    max_w: f64,
    sz: &Sizes,
) -> Result<(), Error> {
    let gap = sz.label * 1.3;
    let placed = geometry::spread(ys, gap, plot.y0, plot.y1);
    let x_text = plot.x1 + sz.pad * 2.0;
    for ((name, &y), &ly) in names.iter().zip(ys).zip(&placed) {
        if !(plot.y0 - 1.0..=plot.y1 + 1.0).contains(&y) {
            continue;
        }
        let leader = vec![
            (plot.x1.round() as i32, y.round() as i32),
            ((plot.x1 + sz.pad).round() as i32, y.round() as i32),
            ((x_text - sz.pad * 0.4).round() as i32, ly.round() as i32),
        ];
        root.draw(&PathElement::new(
            leader,
            MUTED_COLOUR.mix(0.7).stroke_width(1),
        ))
        .map_err(plot_err)?;
        let s = geometry::fit_text(name, Face::Regular, sz.label, max_w - 3.0 * sz.pad);
        root.draw(&Text::new(
            s,
            (x_text.round() as i32, ly.round() as i32),
            text(sz.label, TEXT_COLOUR, HPos::Left, VPos::Center),
        ))
        .map_err(plot_err)?;
    }
    Ok(())
}

/// Draws the legend in whichever corner of the plot is emptiest (lower right first).
pub(super) fn legend(
    root: &Root,
    entries: &[LegendEntry],
    ink: &mut Ink,
    plot: &PxBox,
    sz: &Sizes,
) -> Result<(), Error> {
    if entries.is_empty() {
        return Ok(());
    }
    let row = sz.label * 1.6;
    let swatch_w = sz.label * 2.2;
    let max_text = 0.55 * (plot.x1 - plot.x0);
    let texts: Vec<String> = entries
        .iter()
        .map(|e| geometry::fit_text(&e.label, Face::Regular, sz.label, max_text))
        .collect();
    let text_w = texts
        .iter()
        .map(|t| fonts::text_width(t, Face::Regular, sz.label, 0.0))
        .fold(0.0, f64::max);
    let (w, h) = (
        2.0 * sz.pad + swatch_w + sz.pad + text_w,
        sz.pad + row * entries.len() as f64 + sz.pad * 0.4,
    );
    let inset = sz.pad * 1.5;
    let corner = |right: bool, bottom: bool| {
        let x0 = if right {
            plot.x1 - inset - w
        } else {
            plot.x0 + inset
        };
        let y0 = if bottom {
            plot.y1 - inset - h
        } else {
            plot.y0 + inset
        };
        PxBox {
            x0,
            y0,
            x1: x0 + w,
            y1: y0 + h,
        }
    };
    let candidates = [
        corner(true, true),
        corner(false, false),
        corner(true, false),
        corner(false, true),
    ];
    let mut best = candidates[0];
    let mut best_score = f64::INFINITY;
    for c in candidates {
        let s = ink.clutter(&c);
        if s < best_score {
            (best, best_score) = (c, s);
        }
    }
    let ri = |v: f64| v.round() as i32;
    root.draw(&Rectangle::new(
        [(ri(best.x0), ri(best.y0)), (ri(best.x1), ri(best.y1))],
        WHITE.mix(0.92).filled(),
    ))
    .map_err(plot_err)?;
    root.draw(&Rectangle::new(
        [(ri(best.x0), ri(best.y0)), (ri(best.x1), ri(best.y1))],
        MUTED_COLOUR.mix(0.5).stroke_width(1),
    ))
    .map_err(plot_err)?;
    for (i, (e, t)) in entries.iter().zip(&texts).enumerate() {
        let cy = best.y0 + sz.pad + row * (i as f64 + 0.5);
        let (sx0, sx1) = (best.x0 + sz.pad, best.x0 + sz.pad + swatch_w);
        let half = sz.label * 0.4;
        match e.swatch {
            Swatch::Band(c) => {
                root.draw(&Rectangle::new(
                    [(ri(sx0), ri(cy - half)), (ri(sx1), ri(cy + half))],
                    c.mix(0.25).filled(),
                ))
                .map_err(plot_err)?;
                root.draw(&Rectangle::new(
                    [(ri(sx0), ri(cy - half)), (ri(sx1), ri(cy + half))],
                    c.stroke_width(1),
                ))
                .map_err(plot_err)?;
            }
            Swatch::Line(c, dashed) => {
                let style = c.stroke_width((2.0 * sz.label / 13.0).round().max(1.0) as u32);
                let pts = [(ri(sx0), ri(cy)), (ri(sx1), ri(cy))];
                if dashed {
                    let dash = (sz.pad * 0.8).round().max(2.0) as i32;
                    root.draw(&DashedPathElement::new(pts, dash, dash * 2 / 3, style))
                        .map_err(plot_err)?;
                } else {
                    root.draw(&PathElement::new(pts.to_vec(), style))
                        .map_err(plot_err)?;
                }
            }
            Swatch::Bound(c, upper) => {
                let (a, b) = ((sx0, cy + half * 0.5), (sx1, cy - half * 0.5));
                root.draw(&PathElement::new(
                    vec![(ri(a.0), ri(a.1)), (ri(b.0), ri(b.1))],
                    c.stroke_width(1),
                ))
                .map_err(plot_err)?;
                for t in geometry::comb(a, b, (sx1 - sx0) / 3.0, half, upper) {
                    root.draw(&PathElement::new(
                        vec![(ri(t[0].0), ri(t[0].1)), (ri(t[1].0), ri(t[1].1))],
                        c.stroke_width(1),
                    ))
                    .map_err(plot_err)?;
                }
            }
            Swatch::Bar => {
                let bh = (sz.pad * 0.6).max(2.0);
                root.draw(&Rectangle::new(
                    [(ri(sx0), ri(cy - bh)), (ri(sx1), ri(cy + bh))],
                    EVENT_COLOUR.mix(0.85).filled(),
                ))
                .map_err(plot_err)?;
            }
        }
        root.draw(&Text::new(
            t.clone(),
            (ri(sx1 + sz.pad), ri(cy)),
            text(sz.label, TEXT_COLOUR, HPos::Left, VPos::Center),
        ))
        .map_err(plot_err)?;
    }
    ink.texts.push(best);
    Ok(())
}
