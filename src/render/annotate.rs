//! Labels for the scene: waypoints and crossings beside their markers, story lines along their
//! course, area names and country names, each through the label placer in priority order.

use super::Error;
use super::fonts::{self, Face};
use super::labels::{Placement, Placer};
use super::scene::{
    AreaKind, CrossingKind, LineKind, MapOptions, MapScene, NamedLine, WaypointKind,
};
use super::style::Palette;
use super::svg::{self, Anchor, Px, num};
use super::view::{Rect, View};
use crate::units::group_thousands;

/// Places and writes every label; returns the SVG text elements.
pub fn labels(
    view: &View,
    scene: &MapScene,
    opt: &MapOptions,
    pal: &Palette,
    placer: &mut Placer,
    named_px: &[(&NamedLine, Vec<Vec<Px>>)],
) -> Result<String, Error> {
    let k = view.k;
    let f = view.frame;
    // Labels in priority order.
    let mut labels = String::new();
    let mut order: Vec<usize> = (0..scene.waypoints.len()).collect();
    order.sort_by_key(|i| (scene.waypoints[*i].kind, *i));
    for i in order {
        let w = &scene.waypoints[i];
        let big = matches!(w.kind, WaypointKind::Origin | WaypointKind::Destination);
        let mut lines = vec![(
            w.name.clone(),
            Face::Bold,
            if big { 17.0 } else { 14.5 } * k,
            pal.text,
        )];
        if let Some(km) = w.km_from_start {
            lines.push((
                format!(
                    "km {}{}",
                    if w.km_at_least { "≥ " } else { "" },
                    group_thousands(km.as_km().round())
                ),
                Face::Regular,
                12.0 * k,
                pal.text_muted,
            ));
        }
        let (lw, lh) = label_size(&lines);
        if let Some(pl) = placer.place_point(view.px(w.at), 8.0 * k, lw, lh, true) {
            write_label(&mut labels, &pl, &lines, pal, k);
        }
    }
    for c in &scene.crossings {
        let colour = if c.kind == CrossingKind::River {
            pal.water_text
        } else {
            pal.border
        };
        let lines = vec![
            (c.name.clone(), Face::Regular, 12.5 * k, colour),
            (
                format!("km {}", group_thousands(c.km.as_km().round())),
                Face::Regular,
                12.0 * k,
                pal.text_muted,
            ),
        ];
        let (lw, lh) = label_size(&lines);
        if let Some(pl) = placer.place_point(view.px(c.at), 7.0 * k, lw, lh, true) {
            write_label(&mut labels, &pl, &lines, pal, k);
        }
    }
    for (nl, parts) in named_px {
        let (face, colour) = match nl.kind {
            LineKind::River => (Face::Oblique, pal.water_text),
            LineKind::Border => (Face::Regular, pal.border),
            LineKind::Rail => (Face::Regular, pal.text_muted),
        };
        let size = 14.0 * k;
        let lw = fonts::text_width(&nl.name, face, size, 0.0);
        let mut sorted: Vec<&Vec<Px>> = parts.iter().collect();
        sorted.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let inside: Vec<Vec<Px>> = sorted.iter().flat_map(|p| split_inside(p, &f)).collect();
        let along = inside
            .iter()
            .find_map(|p| placer.place_along(p, lw, size * 1.2));
        let attrs = format!(
            r#"font-size="{}" fill="{colour}"{} {}"#,
            num(size),
            face.attrs(),
            halo(pal, k)
        );
        if let Some(pl) = along {
            let at = Px {
                x: pl.centre.x,
                y: pl.centre.y + size * 0.35,
            };
            svg::text(
                &mut labels,
                at,
                Anchor::Middle,
                pl.angle_deg,
                &attrs,
                &nl.name,
            );
        } else if let Some(mid) = inside.first().and_then(|p| p.get(p.len() / 2)) {
            // Too short or too winding to follow: set the name level beside its middle.
            let lines = vec![(nl.name.clone(), face, size, colour)];
            if let Some(pl) = placer.place_point(*mid, 3.0 * k, lw, size * 1.2, false) {
                write_label(&mut labels, &pl, &lines, pal, k);
            }
        }
    }
    for a in &scene.area_labels {
        let style = match a.kind {
            AreaKind::Sea => (Face::Oblique, pal.water_text, 16.0 * k, 1.5 * k),
            AreaKind::Region => (Face::Regular, pal.text_muted, 14.0 * k, 2.0 * k),
        };
        centred_label(
            &mut labels,
            placer,
            view.px(a.at),
            &a.name,
            style,
            true,
            pal,
            k,
        );
    }
    let min_cells = if opt.width_px >= 1000 { 8 } else { 14 };
    for c in super::names::countries(view, min_cells)? {
        let name = c.name.to_uppercase();
        let style = (Face::Regular, pal.text_muted, 14.0 * k, 2.5 * k);
        centred_label(&mut labels, placer, c.at, &name, style, false, pal, k);
    }
    Ok(labels)
}
fn halo(pal: &Palette, k: f64) -> String {
    format!(
        r#"stroke="{}" stroke-width="{}" stroke-linejoin="round" paint-order="stroke""#,
        pal.halo,
        num(3.5 * k)
    )
}

/// Writes a (one- or two-line) label into its placement.
fn write_label(
    out: &mut String,
    pl: &Placement,
    lines: &[(String, Face, f64, &str)],
    pal: &Palette,
    k: f64,
) {
    let x = match pl.anchor {
        Anchor::Start => pl.rect.x,
        Anchor::Middle => pl.rect.x + pl.rect.w / 2.0,
        Anchor::End => pl.rect.right(),
    };
    if let Some(l) = pl.leader {
        let mut d = String::new();
        svg::push_path(&mut d, &l, false);
        let colour = lines.first().map_or(pal.text, |l| l.3);
        svg::path(
            out,
            &d,
            &format!(r#"stroke="{colour}" stroke-width="{}""#, num(0.9 * k)),
        );
    }
    let mut y = pl.rect.y;
    for (s, face, size, fill) in lines {
        y += size * 0.95;
        let attrs = format!(
            r#"font-size="{}" fill="{fill}"{} {}"#,
            num(*size),
            face.attrs(),
            halo(pal, k)
        );
        svg::text(out, Px { x, y }, pl.anchor, 0.0, &attrs, s);
        y += size * 0.25;
    }
}

fn label_size(lines: &[(String, Face, f64, &str)]) -> (f64, f64) {
    let w = lines
        .iter()
        .map(|(s, f, size, _)| fonts::text_width(s, *f, *size, 0.0))
        .fold(0.0, f64::max);
    let h = lines.iter().map(|(_, _, size, _)| size * 1.2).sum();
    (w, h)
}

/// The pieces of a pixel polyline inside a rectangle (by whole segments).
fn split_inside(line: &[Px], r: &Rect) -> Vec<Vec<Px>> {
    let inner = r.inflate(-10.0);
    let mut runs = Vec::new();
    let mut cur = Vec::new();
    for p in line {
        if inner.contains(*p) {
            cur.push(*p);
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs.retain(|r| r.len() >= 2);
    runs.sort_by_key(|r| std::cmp::Reverse(r.len()));
    runs
}

/// A horizontal label centred near `at` (tries small shifts when the exact spot is taken).
#[allow(clippy::too_many_arguments)]
fn centred_label(
    out: &mut String,
    placer: &mut Placer,
    at: Px,
    s: &str,
    (face, colour, size, spacing): (Face, &str, f64, f64),
    required: bool,
    pal: &Palette,
    k: f64,
) {
    let w = fonts::text_width(s, face, size, spacing);
    let h = size * 1.2;
    let mut cands = Vec::new();
    for (i, (dx, dy)) in [
        (0.0, 0.0),
        (0.0, -1.5),
        (0.0, 1.5),
        (-0.6, 0.0),
        (0.6, 0.0),
        (0.0, -3.0),
        (0.0, 3.0),
    ]
    .iter()
    .enumerate()
    {
        cands.push((
            Rect {
                x: at.x - w / 2.0 + dx * w,
                y: at.y - h / 2.0 + dy * h,
                w,
                h,
            },
            Anchor::Middle,
            i as f64 * 20.0,
        ));
    }
    if let Some(pl) = placer.place(&cands, required) {
        let ls = if spacing > 0.0 {
            format!(r#" letter-spacing="{}""#, num(spacing))
        } else {
            String::new()
        };
        let attrs = format!(
            r#"font-size="{}" fill="{colour}"{}{ls} {}"#,
            num(size),
            face.attrs(),
            halo(pal, k)
        );
        svg::text(
            out,
            Px {
                x: pl.centre.x,
                y: pl.rect.y + size * 0.95,
            },
            Anchor::Middle,
            0.0,
            &attrs,
            s,
        );
    }
}
