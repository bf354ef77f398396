//! Where the legend and the locator inset go: the legend is sized from its entries (measured
//! with the bundled font), and the two emptiest corners of the frame (fewest route points and
//! places under them) take the legend and the inset.

use super::fonts::{self, Face};
use super::projection::Projection;
use super::scene::{CrossingKind, LegMode, LineKind, MapScene};
use super::svg::Px;
use super::view::{Rect, View};

/// Where the legend and the inset go.
#[derive(Debug, Clone)]
pub struct Boxes {
    pub legend: Rect,
    /// The legend's own type scale: the map's `k`, shrunk on a small map so that the legend
    /// covers at most about a third of the frame's width and 45 % of its height.
    pub legend_k: f64,
    pub inset: Option<Rect>,
    pub(super) entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
pub(super) enum Entry {
    /// A mode, drawn schematic (true) or not; or a leg whose track is not known.
    Leg(LegMode, bool),
    /// A recorded track (a GPS track file), drawn in its mode's style.
    Track(LegMode),
    Unknown(LegMode),
    Ends,
    Marker,
    /// A place the story names off the route.
    Place,
    Crossing(CrossingKind),
    Line(LineKind),
    Border,
}

pub(super) fn entry_text(e: &Entry) -> String {
    match e {
        Entry::Leg(LegMode::Rail, true) => "Rail (schematic: straight between stations)".into(),
        Entry::Leg(LegMode::Rail, false) => "Rail".into(),
        Entry::Leg(LegMode::Air, _) => "Flight (geodesic)".into(),
        Entry::Leg(LegMode::Road, _) => "Road".into(),
        Entry::Track(_) => "Track (recorded)".into(),
        Entry::Leg(LegMode::Direct, _) => "Straight line (geodesic)".into(),
        Entry::Unknown(LegMode::Road) => "Road — not known, straight line shown".into(),
        Entry::Unknown(_) => "Train — track not known, straight line shown".into(),
        Entry::Ends => "Start and end".into(),
        Entry::Marker => "Stop (km from start)".into(),
        Entry::Place => "Place named in the story, off the route".into(),
        Entry::Crossing(CrossingKind::River) => "River crossing".into(),
        Entry::Crossing(CrossingKind::Border) => "Border crossing".into(),
        Entry::Line(LineKind::River) => "River named in the story".into(),
        Entry::Line(LineKind::Border) => "Border named in the story".into(),
        Entry::Line(LineKind::Rail) => "Railway named in the story".into(),
        Entry::Border => "International border".into(),
    }
}

fn corner_rects(f: &Rect, w: f64, h: f64, pad: f64) -> [Rect; 4] {
    [
        Rect {
            x: f.x + pad,
            y: f.bottom() - pad - h,
            w,
            h,
        },
        Rect {
            x: f.right() - pad - w,
            y: f.bottom() - pad - h,
            w,
            h,
        },
        Rect {
            x: f.x + pad,
            y: f.y + pad,
            w,
            h,
        },
        Rect {
            x: f.right() - pad - w,
            y: f.y + pad,
            w,
            h,
        },
    ]
}

/// The legend's entries for a scene, in order: one per thing drawn (the SVG and the HTML map
/// share them).
pub(super) fn entries(scene: &MapScene) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for l in &scene.legs {
        let e = if l.recorded {
            Entry::Track(l.mode)
        } else if l.track_unknown {
            Entry::Unknown(l.mode)
        } else {
            Entry::Leg(l.mode, l.schematic && l.mode == LegMode::Rail)
        };
        if !entries.iter().any(|x| format!("{x:?}") == format!("{e:?}")) {
            entries.push(e);
        }
    }
    use super::scene::WaypointKind as W;
    if scene
        .waypoints
        .iter()
        .any(|w| matches!(w.kind, W::Origin | W::Destination))
    {
        entries.push(Entry::Ends);
    }
    if scene
        .waypoints
        .iter()
        .any(|w| matches!(w.kind, W::Stop | W::Via))
    {
        entries.push(Entry::Marker);
    }
    if scene.waypoints.iter().any(|w| w.kind == W::Place) {
        entries.push(Entry::Place);
    }
    for kind in [CrossingKind::River, CrossingKind::Border] {
        if scene.crossings.iter().any(|c| c.kind == kind) {
            entries.push(Entry::Crossing(kind));
        }
    }
    for kind in [LineKind::River, LineKind::Border, LineKind::Rail] {
        if scene.named_lines.iter().any(|c| c.kind == kind) {
            entries.push(Entry::Line(kind));
        }
    }
    entries.push(Entry::Border);
    entries
}

/// Sizes the legend and picks the two emptiest corners (fewest route points and places under
/// them) for the legend and the locator inset.
pub fn layout(view: &View, scene: &MapScene, legs: &[Vec<Px>]) -> Boxes {
    let k = view.k;
    let entries = entries(scene);
    let text_w = entries
        .iter()
        .map(|e| fonts::text_width(&entry_text(e), Face::Regular, 12.5 * k, 0.0))
        .fold(0.0, f64::max);
    let (p1, p2) = projection_lines(&view.proj);
    let proj_w = fonts::text_width(&p1, Face::Regular, 10.5 * k, 0.0).max(fonts::text_width(
        &p2,
        Face::Regular,
        10.5 * k,
        0.0,
    ));
    let w = (text_w + 56.0 * k).max(proj_w + 24.0 * k).max(250.0 * k);
    let h = entries.len() as f64 * 21.0 * k + 24.0 * k + 62.0 * k + 30.0 * k;
    // Every size in the legend is proportional to its scale, so shrinking the scale shrinks
    // the panel exactly; entries stay at 7.5 px type or more.
    let f = view.frame;
    let shrink = (0.32 * f.w / w)
        .min(0.45 * f.h / h)
        .min(1.0)
        .max((7.5 / (12.5 * k)).min(1.0));
    let (legend_k, w, h) = (k * shrink, w * shrink, h * shrink);
    let pad = 12.0 * k;
    let mut pts: Vec<Px> = legs.iter().flatten().copied().collect();
    for w in &scene.waypoints {
        let p = view.px(w.at);
        pts.extend(std::iter::repeat_n(p, 40));
    }
    let crowd = |r: &Rect| {
        pts.iter()
            .filter(|p| r.inflate(20.0 * k).contains(**p))
            .count()
    };
    let legend_cands = corner_rects(&view.frame, w, h, pad);
    let mut order: Vec<usize> = (0..4).collect();
    order.sort_by_key(|i| (crowd(&legend_cands[*i]), *i));
    let legend = legend_cands[order[0]];
    let (iw, ih) = (view.frame.w * 0.2, view.frame.w * 0.2 * 0.78);
    let inset_cands = corner_rects(&view.frame, iw, ih, pad);
    let inset = order[1..]
        .iter()
        .map(|i| inset_cands[*i])
        .filter(|r| r.overlap(&legend) == 0.0)
        .min_by_key(|r| crowd(r))
        .filter(|_| view.frame.h > ih * 2.2);
    Boxes {
        legend,
        legend_k,
        inset,
        entries,
    }
}

pub(super) fn projection_lines(p: &Projection) -> (String, String) {
    let d = p.describe();
    match d.split_once(", ") {
        Some((name, rest)) => (format!("Projection: {name}"), rest.to_string()),
        None => (d, String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coord::LatLon;
    use crate::render::scene::{MapOptions, SceneCrossing, SceneLeg};
    use crate::units::Length;

    fn scene() -> MapScene {
        let p = |lat, lon| LatLon { lat, lon };
        let leg = |mode, track_unknown| SceneLeg {
            mode,
            points: vec![p(39.03, 125.75), p(42.42, 130.65)],
            schematic: true,
            track_unknown,
            recorded: false,
            label: String::new(),
        };
        MapScene {
            legs: vec![
                leg(LegMode::Rail, false),
                leg(LegMode::Air, false),
                leg(LegMode::Rail, true),
            ],
            crossings: vec![SceneCrossing {
                name: "Tumen".into(),
                kind: CrossingKind::Border,
                at: p(42.42, 130.64),
                km: Length::km(852.0),
            }],
            ..Default::default()
        }
    }

    /// Issue 17: on an 800 × 500 map the legend no longer covers a third of it; on the
    /// default 1600 × 1000 map it keeps the map's type scale.
    #[test]
    fn regression_issue_17_legend_scales_with_a_small_map() {
        let s = scene();
        for (w, h, shrinks) in [(800, 500, true), (1600, 1000, false)] {
            let opt = MapOptions {
                width_px: w,
                height_px: h,
                ..Default::default()
            };
            let view = View::new(&s, &opt).unwrap();
            let b = layout(&view, &s, &[]);
            let f = view.frame;
            assert!(b.legend.w <= 0.32 * f.w + 0.01, "{w}×{h}: {:?}", b.legend);
            assert!(b.legend.h <= 0.45 * f.h + 0.01, "{w}×{h}: {:?}", b.legend);
            let area = b.legend.w * b.legend.h / (f.w * f.h);
            assert!(area < 0.15, "{w}×{h}: legend covers {:.0} %", area * 100.0);
            assert_eq!(b.legend_k < view.k, shrinks, "{w}×{h}");
            assert!(12.5 * b.legend_k >= 7.5 - 1e-9, "legible type");
        }
    }
}
