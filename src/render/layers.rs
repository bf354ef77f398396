//! Basemap layers drawn into the SVG: sea, land, lakes, rivers, coastline, borders, graticule.
//! Every line is projected, then simplified to the pixel, so a dense source costs little.

use super::Error;
use super::style::Palette;
use super::svg::{self, Px};
use super::view::View;
use crate::coord::LatLon;
use crate::geodata::basemap::{self, GeoRect, Layer, Level};

/// Drops points closer than `eps` pixels to the last kept one, then runs Douglas–Peucker
/// ([`super::simplify::douglas_peucker`]) with the same tolerance. Both ends are kept.
pub fn simplify_px(pts: &[Px], eps: f64) -> Vec<Px> {
    if pts.len() < 3 {
        return pts.to_vec();
    }
    let mut coarse: Vec<[f64; 2]> = Vec::with_capacity(pts.len() / 2);
    let eps2 = (eps * 0.5) * (eps * 0.5);
    for (i, p) in pts.iter().enumerate() {
        let keep = match coarse.last() {
            None => true,
            Some(l) => i == pts.len() - 1 || (p.x - l[0]).powi(2) + (p.y - l[1]).powi(2) >= eps2,
        };
        if keep {
            coarse.push([p.x, p.y]);
        }
    }
    super::simplify::douglas_peucker(&coarse, eps)
        .into_iter()
        .map(|i| Px {
            x: coarse[i][0],
            y: coarse[i][1],
        })
        .collect()
}

/// Which detail level suits a map with this many metres per pixel.
pub fn level_for(m_per_px: f64) -> Level {
    if m_per_px < 2_500.0 {
        Level::Fine
    } else if m_per_px < 12_000.0 {
        Level::Medium
    } else {
        Level::Coarse
    }
}

fn project_part(view: &View, pts: &[[f64; 2]]) -> Vec<Px> {
    pts.iter().map(|p| view.px_rel(p[0], p[1])).collect()
}

/// Path data for all polygon rings of a layer inside `rect` (one path, even-odd fill).
pub fn polygon_path(
    view: &View,
    layer: Layer,
    level: Level,
    rect: GeoRect,
) -> Result<String, Error> {
    let mut d = String::new();
    let Some(bytes) = basemap::bytes(layer, level) else {
        return Ok(d);
    };
    for part in basemap::read(bytes, rect)? {
        let ring = basemap::clip_ring(&part.points, rect);
        if ring.len() < 3 {
            continue;
        }
        let px = simplify_px(&project_part(view, &ring), 0.35);
        if px.len() >= 3 {
            svg::push_path(&mut d, &px, true);
        }
    }
    Ok(d)
}

/// Path data for the lines of a layer inside `rect`, split by part class (0 and 1).
pub fn line_paths(
    view: &View,
    layer: Layer,
    level: Level,
    rect: GeoRect,
) -> Result<[String; 2], Error> {
    let mut d = [String::new(), String::new()];
    let Some(bytes) = basemap::bytes(layer, level) else {
        return Ok(d);
    };
    for part in basemap::read(bytes, rect)? {
        for run in basemap::clip_line(&part.points, rect) {
            let px = simplify_px(&project_part(view, &run), 0.35);
            if px.len() >= 2 {
                svg::push_path(&mut d[usize::from(part.class.min(1))], &px, false);
            }
        }
    }
    Ok(d)
}

/// Draws the whole basemap (below the route) for `view` into `out`.
pub fn basemap(
    out: &mut String,
    view: &View,
    pal: &Palette,
    level: Level,
    rivers: Option<Level>,
) -> Result<(), Error> {
    let rect = view.geo_rect();
    let k = view.k;
    let land = polygon_path(view, Layer::Land, level, rect)?;
    svg::path(
        out,
        &land,
        &format!(r#"fill="{}" fill-rule="evenodd""#, pal.land),
    );
    if let Some(rl) = rivers {
        let [r, _] = line_paths(view, Layer::Rivers, rl, rect)?;
        let attrs = format!(
            r#"fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round""#,
            pal.river,
            svg::num(0.8 * k)
        );
        svg::path(out, &r, &attrs);
    }
    let lakes = polygon_path(view, Layer::Lakes, level, rect)?;
    svg::path(
        out,
        &lakes,
        &format!(
            r#"fill="{}" fill-rule="evenodd" stroke="{}" stroke-width="{}""#,
            pal.sea,
            pal.coast,
            svg::num(0.5 * k)
        ),
    );
    let [coast, _] = line_paths(view, Layer::Coast, level, rect)?;
    svg::path(
        out,
        &coast,
        &format!(
            r#"fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round""#,
            pal.coast,
            svg::num(0.8 * k)
        ),
    );
    let [settled, disputed] = line_paths(view, Layer::Borders, level, rect)?;
    for (d, w, extra) in [
        (&settled, 1.3, ""),
        (&disputed, 1.1, " stroke-dasharray=\"4 3\""),
    ] {
        svg::path(
            out,
            d,
            &format!(
                r#"fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round""#,
                pal.border_halo,
                svg::num(4.0 * w * k)
            ),
        );
        svg::path(
            out,
            d,
            &format!(
                r#"fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round"{extra}"#,
                pal.border,
                svg::num(w * k)
            ),
        );
    }
    Ok(())
}

/// A "nice" graticule step in degrees for a span, aiming at 3–7 lines.
pub fn graticule_step(span_deg: f64) -> f64 {
    const STEPS: [f64; 10] = [0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 45.0];
    STEPS
        .iter()
        .copied()
        .find(|s| span_deg / s <= 7.0)
        .unwrap_or(90.0)
}

/// "128°E", "41.5°N": degrees with as many decimals as the step needs.
pub fn deg_label(v: f64, step: f64, pos: char, neg: char) -> String {
    let v = if v.abs() < 1e-9 { 0.0 } else { v };
    let wrapped = if pos == 'E' {
        crate::coord::wrap_lon(v)
    } else {
        v
    };
    // 0° and 180° take no hemisphere letter.
    let h = if wrapped == 0.0 || (wrapped.abs() - 180.0).abs() < 1e-9 {
        String::new()
    } else if wrapped > 0.0 {
        pos.to_string()
    } else {
        neg.to_string()
    };
    let dec = if step < 0.5 {
        2
    } else if step < 1.0 {
        1
    } else {
        0
    };
    format!("{:.dec$}°{h}", wrapped.abs())
}

/// Which frame edge a graticule tick stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// A meridian meeting the bottom edge: the label sits above the tick, centred.
    Bottom,
    /// A parallel meeting the left edge: the label sits right of the tick.
    Left,
}

/// A labelled graticule tick: where its line meets the frame, and its text ("130°E").
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub at: Px,
    pub edge: Edge,
    pub text: String,
}

/// Faint graticule lines (into `lines`, to go inside the frame's clip), and the ticks where they
/// meet the frame's bottom and left edges, for the label placer to label (or drop).
pub fn graticule(lines: &mut String, view: &View, pal: &Palette) -> Vec<Tick> {
    let r = view.geo_rect();
    let step = graticule_step((r.north - r.south).min(r.east - r.west));
    let f = view.frame;
    let k = view.k;
    let mut d = String::new();
    let mut ticks = Vec::new();
    let mut lon = (r.west / step).ceil() * step;
    while lon <= r.east {
        let line: Vec<Px> = (0..=60)
            .map(|i| view.px_rel(lon, r.south + (r.north - r.south) * f64::from(i) / 60.0))
            .collect();
        svg::push_path(&mut d, &line, false);
        if let Some(x) = crossing(&line, |p| p.y - f.bottom())
            && x.x > f.x + 30.0 * k
            && x.x < f.right() - 30.0 * k
        {
            ticks.push(Tick {
                at: Px {
                    x: x.x,
                    y: f.bottom(),
                },
                edge: Edge::Bottom,
                text: deg_label(lon, step, 'E', 'W'),
            });
        }
        lon += step;
    }
    let mut lat = (r.south.max(-89.0) / step).ceil() * step;
    while lat <= r.north.min(89.0) {
        let line: Vec<Px> = (0..=60)
            .map(|i| view.px_rel(r.west + (r.east - r.west) * f64::from(i) / 60.0, lat))
            .collect();
        svg::push_path(&mut d, &line, false);
        if let Some(y) = crossing(&line, |p| p.x - f.x)
            && y.y > f.y + 20.0 * k
            && y.y < f.bottom() - 20.0 * k
        {
            ticks.push(Tick {
                at: Px { x: f.x, y: y.y },
                edge: Edge::Left,
                text: deg_label(lat, step, 'N', 'S'),
            });
        }
        lat += step;
    }
    svg::path(
        lines,
        &d,
        &format!(
            r#"fill="none" stroke="{}" stroke-width="{}" stroke-opacity="0.7""#,
            pal.graticule,
            svg::num(0.6 * k)
        ),
    );
    ticks
}

/// Where a polyline first crosses the zero of `f`, interpolated.
fn crossing(line: &[Px], f: impl Fn(&Px) -> f64) -> Option<Px> {
    line.windows(2).find_map(|w| {
        let (a, b) = (f(&w[0]), f(&w[1]));
        if a == b || a.signum() == b.signum() {
            return None;
        }
        let t = a / (a - b);
        Some(Px {
            x: w[0].x + t * (w[1].x - w[0].x),
            y: w[0].y + t * (w[1].y - w[0].y),
        })
    })
}

/// Projects and simplifies a polyline of places to pixels.
pub fn line_px(view: &View, pts: &[LatLon], eps: f64) -> Vec<Px> {
    // Drop points within eps/2 of the last kept one while projecting (a dense GPS track shrinks
    // by orders of magnitude here), then simplify.
    let eps2 = (eps * 0.5) * (eps * 0.5);
    let mut px: Vec<Px> = Vec::with_capacity(pts.len().min(65_536));
    for (i, p) in pts.iter().enumerate() {
        let q = view.px(*p);
        let keep = match px.last() {
            None => true,
            Some(l) => i + 1 == pts.len() || (q.x - l.x).powi(2) + (q.y - l.y).powi(2) >= eps2,
        };
        if keep {
            px.push(q);
        }
    }
    simplify_px(&px, eps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplify_keeps_ends_and_shape() {
        let pts: Vec<Px> = (0..10_000)
            .map(|i| Px {
                x: f64::from(i) * 0.01,
                y: (f64::from(i) * 0.01).sin() * 20.0,
            })
            .collect();
        let s = simplify_px(&pts, 0.4);
        assert_eq!(s.first(), pts.first());
        assert_eq!(s.last(), pts.last());
        assert!(s.len() < 200, "{}", s.len());
    }

    /// Distance from p to segment a–b.
    fn seg_dist(p: Px, a: Px, b: Px) -> f64 {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let l2 = dx * dx + dy * dy;
        let t = if l2 == 0.0 {
            0.0
        } else {
            (((p.x - a.x) * dx + (p.y - a.y) * dy) / l2).clamp(0.0, 1.0)
        };
        ((p.x - a.x - t * dx).powi(2) + (p.y - a.y - t * dy).powi(2)).sqrt()
    }

    /// "Simplify to the pixel without changing the look": every original point stays within
    /// the tolerance (plus the pre-filter's half) of the simplified line.
    #[test]
    fn simplification_stays_within_a_pixel() {
        let pts: Vec<Px> = (0..200_000)
            .map(|i| {
                let t = f64::from(i) * 0.005;
                Px {
                    x: t,
                    y: 200.0 + (t * 0.05).sin() * 150.0 + (t * 7.0).sin() * 0.3,
                }
            })
            .collect();
        let s = simplify_px(&pts, 0.4);
        assert!(s.len() < 2_000, "{}", s.len());
        let worst = pts
            .iter()
            .step_by(7)
            .map(|p| {
                s.windows(2)
                    .map(|w| seg_dist(*p, w[0], w[1]))
                    .fold(f64::MAX, f64::min)
            })
            .fold(0.0, f64::max);
        assert!(worst <= 0.6 + 1e-9, "worst deviation {worst} px");
    }

    #[test]
    fn graticule_steps_and_labels() {
        assert_eq!(graticule_step(8.0), 2.0);
        assert_eq!(graticule_step(40.0), 10.0);
        assert_eq!(deg_label(130.0, 2.0, 'E', 'W'), "130°E");
        assert_eq!(deg_label(190.0, 2.0, 'E', 'W'), "170°W");
        assert_eq!(deg_label(41.5, 0.5, 'N', 'S'), "41.5°N");
        assert_eq!(deg_label(0.0, 1.0, 'N', 'S'), "0°");
        assert_eq!(deg_label(180.0, 2.0, 'E', 'W'), "180°");
        assert_eq!(deg_label(-180.0, 2.0, 'E', 'W'), "180°");
    }

    #[test]
    fn levels_by_scale() {
        assert_eq!(level_for(600.0), Level::Fine);
        assert_eq!(level_for(5_000.0), Level::Medium);
        assert_eq!(level_for(50_000.0), Level::Coarse);
    }
}
