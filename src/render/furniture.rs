//! Map furniture: title and subtitle, legend with scale bar and north arrow, locator inset,
//! attribution and projection note, direction arrows on the route.

use std::fmt::Write;

use super::fonts::{self, Face};
use super::inset;
use super::layout::Boxes;
use super::legend;
use super::scene::MapScene;
use super::style::Palette;
use super::svg::{self, Anchor, Px, num};
use super::view::View;

/// The basemap's sources, credited on every map (SVG footer, HTML attribution).
pub(super) const BASEMAP_CREDITS: [&str; 2] = [
    "Basemap: Natural Earth (public domain)",
    "rivers: GSHHG/WDBII (LGPL-3.0)",
];

/// Small arrowheads along a leg, about every 260 px (at least one), pointing the way of travel.
pub fn arrows(out: &mut String, line: &[Px], fill: &str, stroke: &str, k: f64) {
    let seg: Vec<f64> = line
        .windows(2)
        .map(|w| ((w[1].x - w[0].x).powi(2) + (w[1].y - w[0].y).powi(2)).sqrt())
        .collect();
    let total: f64 = seg.iter().sum();
    if total < 40.0 * k {
        return;
    }
    let n = (total / (260.0 * k)).floor().max(1.0) as usize;
    let mut d = String::new();
    for i in 0..n {
        let target = total * (i as f64 + 0.5) / n as f64;
        let mut acc = 0.0;
        for (j, l) in seg.iter().enumerate() {
            if acc + l >= target && *l > 0.0 {
                let t = (target - acc) / l;
                let (a, b) = (line[j], line[j + 1]);
                let c = Px {
                    x: a.x + t * (b.x - a.x),
                    y: a.y + t * (b.y - a.y),
                };
                let (ux, uy) = ((b.x - a.x) / l, (b.y - a.y) / l);
                let s = 8.0 * k;
                let tip = Px {
                    x: c.x + ux * s,
                    y: c.y + uy * s,
                };
                let l1 = Px {
                    x: c.x - ux * s - uy * s * 0.8,
                    y: c.y - uy * s + ux * s * 0.8,
                };
                let l2 = Px {
                    x: c.x - ux * s + uy * s * 0.8,
                    y: c.y - uy * s - ux * s * 0.8,
                };
                svg::push_path(&mut d, &[tip, l1, c, l2], true);
                break;
            }
            acc += l;
        }
    }
    svg::path(
        out,
        &d,
        &format!(
            r#"fill="{fill}" stroke="{stroke}" stroke-width="{}" stroke-linejoin="round""#,
            num(1.2 * k)
        ),
    );
}

/// Draws the legend (with scale bar, north arrow, projection), the inset, title and footer.
pub fn draw(
    out: &mut String,
    view: &View,
    scene: &MapScene,
    pal: &Palette,
    boxes: &Boxes,
    legs: &[Vec<Px>],
) {
    let k = view.k;
    let f = view.frame;
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{}" stroke-width="{}"/>"#,
        num(f.x),
        num(f.y),
        num(f.w),
        num(f.h),
        pal.panel_stroke,
        num(k)
    );
    let text = |size: f64, fill: &str, face: Face| {
        format!(
            r#"font-size="{}" fill="{fill}"{}"#,
            num(size * k),
            face.attrs()
        )
    };

    legend::draw(out, view, pal, boxes);

    if let Some(ir) = boxes.inset {
        inset::draw(out, view, &ir, pal, legs);
    }

    // Title band and footer, each shrunk to fit the width when it would overflow.
    let credits: Vec<String> = BASEMAP_CREDITS
        .into_iter()
        .map(String::from)
        .chain(scene.attribution.iter().cloned())
        .collect();
    let lines = [
        (scene.title.as_str(), 32.0, 26.0, pal.text, Face::Bold),
        (
            scene.subtitle.as_str(),
            56.0,
            15.0,
            pal.text_muted,
            Face::Regular,
        ),
        (
            &credits.join(" · "),
            view.height / k - 9.0,
            11.0,
            pal.text_muted,
            Face::Regular,
        ),
    ];
    for (s, y, size, fill, face) in lines {
        let room = view.width - 32.0 * k;
        let w = fonts::text_width(s, face, size * k, 0.0);
        let size = if w > room {
            (size * room / w).max(6.0)
        } else {
            size
        };
        let at = Px {
            x: 16.0 * k,
            y: y * k,
        };
        svg::text(out, at, Anchor::Start, 0.0, &text(size, fill, face), s);
    }
}
