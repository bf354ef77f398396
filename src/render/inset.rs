//! The locator inset: a wider area around the map (computed from the map's own extent, anywhere
//! in the world), coarse basemap, the route, and the main map's frame outlined in red.

use std::fmt::Write;

use super::layers;
use super::map::leg_colour;
use super::projection::Projection;
use super::scene::LegMode;
use super::style::Palette;
use super::svg::{self, Px, num};
use super::view::{Rect, View};
use crate::geodata::Level;

/// The locator inset: a wider area around the map, coarse basemap, the map's frame outlined.
pub fn draw(out: &mut String, main: &View, r: &Rect, pal: &Palette, legs: &[Vec<Px>]) {
    let k = main.k;
    let ground_w =
        (main.frame.w * main.ground_per_px().as_m() * 6.0).clamp(2_500_000.0, 16_000_000.0);
    let c = main.centre();
    let dlat = (ground_w / 2.0 / 111_000.0 * 0.78).min(60.0);
    let proj = Projection::for_area((c.lat - dlat).max(-80.0), (c.lat + dlat).min(80.0), c.lon);
    let view = View::fixed(proj, *r, c, ground_w / r.w, k * 0.6);
    let level = if ground_w < 5_000_000.0 {
        Level::Medium
    } else {
        Level::Coarse
    };
    let _ = writeln!(
        out,
        r#"<defs><clipPath id="inset"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath></defs>"#,
        num(r.x),
        num(r.y),
        num(r.w),
        num(r.h)
    );
    out.push_str("<g clip-path=\"url(#inset)\">\n");
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
        num(r.x),
        num(r.y),
        num(r.w),
        num(r.h),
        pal.sea
    );
    let _ = layers::basemap(out, &view, pal, level, None);
    // The route, then the main map's frame as a red outline.
    let mut d = String::new();
    for line in legs {
        let pts: Vec<Px> = line.iter().map(|p| view.px(main.latlon(*p))).collect();
        svg::push_path(&mut d, &layers::simplify_px(&pts, 0.5), false);
    }
    svg::path(
        out,
        &d,
        &format!(
            r#"fill="none" stroke="{}" stroke-width="{}""#,
            leg_colour(LegMode::Rail, pal),
            num(1.5 * k)
        ),
    );
    let f = main.frame;
    let mut outline = Vec::new();
    for i in 0..=80 {
        let t = f64::from(i % 20) / 20.0;
        let p = match i / 20 {
            0 => Px {
                x: f.x + t * f.w,
                y: f.y,
            },
            1 => Px {
                x: f.right(),
                y: f.y + t * f.h,
            },
            2 => Px {
                x: f.right() - t * f.w,
                y: f.bottom(),
            },
            3 => Px {
                x: f.x,
                y: f.bottom() - t * f.h,
            },
            _ => Px { x: f.x, y: f.y },
        };
        outline.push(view.px(main.latlon(p)));
    }
    let mut od = String::new();
    svg::push_path(&mut od, &outline, true);
    svg::path(
        out,
        &od,
        &format!(
            r#"fill="{}" fill-opacity="0.12" stroke="{}" stroke-width="{}""#,
            pal.highlight,
            pal.highlight,
            num(2.0 * k)
        ),
    );
    out.push_str("</g>\n");
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{}" stroke-width="{}"/>"#,
        num(r.x),
        num(r.y),
        num(r.w),
        num(r.h),
        pal.panel_stroke,
        num(1.5 * k)
    );
}
