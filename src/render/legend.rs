//! The legend: one entry per thing drawn, a scale bar true at the map's centre, a north arrow
//! pointing to true north, and the projection; and the choice of corners for it and the inset.

use std::fmt::Write;

use super::fonts::Face;
use super::layout::{Boxes, Entry, entry_text, projection_lines};
use super::map::{crossing_marker, leg_stroke, unknown_stroke};
use super::scene::LineKind;
use super::style::Palette;
use super::svg::{self, Anchor, Px, num};
use super::view::{Rect, View};
use crate::geodesy::{self, Azimuth};
use crate::units::Length;

/// A "nice" scale-bar length (1, 2 or 5 × 10ⁿ metres) not longer than `max_m`.
pub fn nice_length(max_m: f64) -> Length {
    let p = 10f64.powf(max_m.max(1.0).log10().floor());
    let m = [5.0, 2.0, 1.0]
        .iter()
        .map(|f| f * p)
        .find(|v| *v <= max_m)
        .unwrap_or(p);
    Length::m(m)
}

fn panel(out: &mut String, r: &Rect, pal: &Palette, k: f64) {
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" fill-opacity="0.92" stroke="{}" stroke-width="{}"/>"#,
        num(r.x),
        num(r.y),
        num(r.w),
        num(r.h),
        num(4.0 * k),
        pal.panel,
        pal.panel_stroke,
        num(k)
    );
}

/// The scale bar for a view: a nice length that fits in `max_px`, and its length in pixels at
/// the map's centre.
pub fn scale_bar(view: &View, max_px: f64) -> (Length, f64) {
    let per_px = view.ground_per_px().as_m();
    let len = nice_length(max_px * per_px);
    (len, len.as_m() / per_px)
}

/// Draws the legend panel with its entries, scale bar, north arrow and projection note.
pub fn draw(out: &mut String, view: &View, pal: &Palette, boxes: &Boxes) {
    let k = boxes.legend_k;
    let text = |size: f64, fill: &str, face: Face| {
        format!(
            r#"font-size="{}" fill="{fill}"{}"#,
            num(size * k),
            face.attrs()
        )
    };
    // Legend entries.
    let r = boxes.legend;
    panel(out, &r, pal, k);
    let mut y = r.y + 20.0 * k;
    let x0 = r.x + 12.0 * k;
    for e in &boxes.entries {
        let mid = Px {
            x: x0 + 16.0 * k,
            y: y - 4.0 * k,
        };
        let sample = [
            Px { x: x0, y: mid.y },
            Px {
                x: x0 + 32.0 * k,
                y: mid.y,
            },
        ];
        let mut d = String::new();
        svg::push_path(&mut d, &sample, false);
        match e {
            Entry::Leg(mode, _) | Entry::Track(mode) => {
                svg::path(out, &d, &leg_stroke(*mode, pal, k))
            }
            Entry::Unknown(mode) => svg::path(out, &d, &unknown_stroke(*mode, pal, k)),
            Entry::Ends => {
                let _ = writeln!(
                    out,
                    r#"<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
                    num(mid.x),
                    num(mid.y),
                    num(7.0 * k),
                    pal.marker,
                    pal.casing,
                    num(2.2 * k)
                );
            }
            Entry::Marker => {
                let _ = writeln!(
                    out,
                    r#"<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
                    num(mid.x),
                    num(mid.y),
                    num(5.5 * k),
                    pal.casing,
                    pal.marker,
                    num(2.2 * k)
                );
            }
            Entry::Place => {
                let r = 4.2 * k;
                let _ = writeln!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
                    num(mid.x - r),
                    num(mid.y - r),
                    num(2.0 * r),
                    num(2.0 * r),
                    pal.text_muted,
                    pal.casing,
                    num(1.6 * k)
                );
            }
            Entry::Crossing(kind) => crossing_marker(out, *kind, mid, 6.0 * k, pal, k),
            Entry::Line(LineKind::River) => svg::path(
                out,
                &d,
                &format!(
                    r#"stroke="{}" stroke-width="{}""#,
                    pal.story_river,
                    num(2.4 * k)
                ),
            ),
            Entry::Line(LineKind::Border) | Entry::Border => {
                svg::path(
                    out,
                    &d,
                    &format!(
                        r#"stroke="{}" stroke-width="{}""#,
                        pal.border_halo,
                        num(5.0 * k)
                    ),
                );
                svg::path(
                    out,
                    &d,
                    &format!(r#"stroke="{}" stroke-width="{}""#, pal.border, num(1.4 * k)),
                );
            }
            Entry::Line(LineKind::Rail) => svg::path(
                out,
                &d,
                &format!(
                    r#"stroke="{}" stroke-width="{}" stroke-dasharray="{} {}""#,
                    pal.direct,
                    num(1.6 * k),
                    num(6.0 * k),
                    num(3.0 * k)
                ),
            ),
        }
        svg::text(
            out,
            Px {
                x: x0 + 42.0 * k,
                y,
            },
            Anchor::Start,
            0.0,
            &text(12.5, pal.text, Face::Regular),
            &entry_text(e),
        );
        y += 21.0 * k;
    }

    // Scale bar: a nice length at the map's centre, in two halves.
    let (len, bar_px) = scale_bar(view, r.w - 90.0 * k);
    let by = y + 4.0 * k;
    for (i, fill) in [pal.text, pal.panel].iter().enumerate() {
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}" stroke="{}" stroke-width="{}"/>"#,
            num(x0 + i as f64 * bar_px / 2.0),
            num(by),
            num(bar_px / 2.0),
            num(6.0 * k),
            pal.text,
            num(k)
        );
    }
    let km = len.as_km();
    let unit = |v: f64| {
        if km >= 1.0 {
            format!("{}", (v * 100.0).round() / 100.0)
        } else {
            format!("{}", (v * 1000.0).round())
        }
    };
    let small = text(11.0, pal.text, Face::Regular);
    svg::text(
        out,
        Px {
            x: x0,
            y: by + 20.0 * k,
        },
        Anchor::Middle,
        0.0,
        &small,
        "0",
    );
    svg::text(
        out,
        Px {
            x: x0 + bar_px / 2.0,
            y: by + 20.0 * k,
        },
        Anchor::Middle,
        0.0,
        &small,
        &unit(km / 2.0),
    );
    let end = format!("{} {}", unit(km), if km >= 1.0 { "km" } else { "m" });
    svg::text(
        out,
        Px {
            x: x0 + bar_px,
            y: by + 20.0 * k,
        },
        Anchor::Middle,
        0.0,
        &small,
        &end,
    );
    svg::text(
        out,
        Px {
            x: x0,
            y: by + 36.0 * k,
        },
        Anchor::Start,
        0.0,
        &text(10.5, pal.text_muted, Face::Regular),
        "Scale true at the map's centre",
    );

    // North arrow, pointing to true north where it stands.
    let na = Px {
        x: r.right() - 26.0 * k,
        y: by + 14.0 * k,
    };
    let here = view.latlon(na);
    let north = view.px(geodesy::direct(
        here,
        Azimuth::from_deg(0.0),
        Length::km(1.0),
    ));
    let ang = (north.x - na.x).atan2(na.y - north.y).to_degrees();
    let s = 14.0 * k;
    let _ = writeln!(
        out,
        r#"<g transform="rotate({} {} {})"><path d="M{} {}L{} {}L{} {}Z" fill="{}"/><path d="M{} {}L{} {}L{} {}Z" fill="{}" stroke="{}" stroke-width="{}"/><text x="{}" y="{}" text-anchor="middle" {}>N</text></g>"#,
        num(ang),
        num(na.x),
        num(na.y),
        num(na.x),
        num(na.y - s),
        num(na.x + s * 0.45),
        num(na.y + s * 0.6),
        num(na.x),
        num(na.y + s * 0.25),
        pal.text,
        num(na.x),
        num(na.y - s),
        num(na.x - s * 0.45),
        num(na.y + s * 0.6),
        num(na.x),
        num(na.y + s * 0.25),
        pal.panel,
        pal.text,
        num(k),
        num(na.x),
        num(na.y - s - 4.0 * k),
        text(12.0, pal.text, Face::Bold)
    );
    let (p1, p2) = projection_lines(&view.proj);
    let py = r.bottom() - 24.0 * k;
    let pt = text(10.5, pal.text_muted, Face::Regular);
    svg::text(out, Px { x: x0, y: py }, Anchor::Start, 0.0, &pt, &p1);
    svg::text(
        out,
        Px {
            x: x0,
            y: py + 13.0 * k,
        },
        Anchor::Start,
        0.0,
        &pt,
        &p2,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_lengths() {
        assert_eq!(nice_length(180_000.0), Length::km(100.0));
        assert_eq!(nice_length(260_000.0), Length::km(200.0));
        assert_eq!(nice_length(700.0), Length::m(500.0));
    }

    /// The bar's pixels, laid along a geodesic of the bar's length from the map's centre (in
    /// any direction: the projection is conformal), cover the same pixels.
    #[test]
    fn scale_bar_matches_a_geodesic_at_the_centre() {
        use crate::coord::LatLon;
        use crate::render::scene::{LegMode, MapOptions, MapScene, SceneLeg};
        let legs = vec![SceneLeg {
            mode: LegMode::Rail,
            points: vec![
                LatLon {
                    lat: 39.03385,
                    lon: 125.75432,
                },
                LatLon {
                    lat: 43.10562,
                    lon: 131.87353,
                },
            ],
            schematic: true,
            track_unknown: false,
            recorded: false,
            label: String::new(),
        }];
        let view = View::new(
            &MapScene {
                legs,
                ..Default::default()
            },
            &MapOptions::default(),
        )
        .unwrap();
        let (len, bar_px) = scale_bar(&view, 260.0);
        assert!(bar_px <= 260.0 && len >= Length::km(100.0), "{len:?}");
        let c = view.centre();
        for az in [0.0, 90.0, 225.0] {
            let end = geodesy::direct(c, Azimuth::from_deg(az), len);
            let (a, b) = (view.px(c), view.px(end));
            let px = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
            assert!(
                (px / bar_px - 1.0).abs() < 0.005,
                "azimuth {az}: {px} px vs bar {bar_px} px"
            );
        }
    }
}
