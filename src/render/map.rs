//! Composes the map: basemap, story lines, route, markers, labels, then the furniture.

use std::fmt::Write;

use super::Error;
use super::annotate::{self, Label};
use super::furniture;
use super::labels::Placer;
use super::layers;
use super::layout;
use super::scene::{
    CrossingKind, LegMode, LineKind, MapOptions, MapScene, NamedLine, WaypointKind,
};
use super::style::{self, FONT_FAMILY, Palette};
use super::svg::{self, Px, num};
use super::view::{Rect, View};

/// The stroke attributes of a leg by mode.
pub fn leg_stroke(mode: LegMode, pal: &Palette, k: f64) -> String {
    let (colour, dash) = match mode {
        LegMode::Rail => (pal.rail, String::new()),
        LegMode::Air => (
            pal.air,
            format!(r#" stroke-dasharray="{} {}""#, num(10.0 * k), num(6.0 * k)),
        ),
        LegMode::Road => (pal.road, String::new()),
        LegMode::Direct => (
            pal.direct,
            format!(r#" stroke-dasharray="{} {}""#, num(2.0 * k), num(6.0 * k)),
        ),
    };
    format!(
        r#"fill="none" stroke="{colour}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round"{dash}"#,
        num(3.0 * k)
    )
}

/// The stroke of a leg whose track is not known: the mode's colour, thin and dotted, so that
/// the straight line is not read as the path.
pub fn unknown_stroke(mode: LegMode, pal: &Palette, k: f64) -> String {
    let colour = match mode {
        LegMode::Road => pal.road,
        _ => pal.rail,
    };
    format!(
        r#"fill="none" stroke="{colour}" stroke-width="{}" stroke-linecap="round" stroke-dasharray="{} {}""#,
        num(2.0 * k),
        num(0.1 * k),
        num(5.0 * k)
    )
}

/// Refuses positions outside the valid ranges (or NaN), naming the item they belong to.
pub(super) fn validate(scene: &MapScene) -> Result<(), Error> {
    let check = |item: &dyn Fn() -> String, p: &crate::coord::LatLon| {
        crate::coord::LatLon::new(p.lat, p.lon)
            .map(|_| ())
            .map_err(|_| Error::Position {
                item: item(),
                lat: p.lat,
                lon: p.lon,
            })
    };
    for (i, leg) in scene.legs.iter().enumerate() {
        for p in &leg.points {
            check(&|| format!("leg {}", i + 1), p)?;
        }
    }
    for w in &scene.waypoints {
        check(&|| format!("waypoint \"{}\"", w.name), &w.at)?;
    }
    for c in &scene.crossings {
        check(&|| format!("crossing \"{}\"", c.name), &c.at)?;
    }
    for a in &scene.area_labels {
        check(&|| format!("area label \"{}\"", a.name), &a.at)?;
    }
    for nl in &scene.named_lines {
        for p in nl.lines.iter().flatten() {
            check(&|| format!("line \"{}\"", nl.name), p)?;
        }
    }
    Ok(())
}

/// A marker's radius, fill and stroke by waypoint kind.
fn waypoint_marker(kind: WaypointKind, pal: &Palette, k: f64) -> (f64, &'static str, &'static str) {
    match kind {
        WaypointKind::Origin | WaypointKind::Destination => (7.5 * k, pal.marker, pal.casing),
        WaypointKind::Stop => (5.5 * k, pal.casing, pal.marker),
        WaypointKind::Via => (3.8 * k, pal.casing, pal.text_muted),
        WaypointKind::Place => (4.2 * k, pal.text_muted, pal.casing),
    }
}

/// The box a marker of radius `r` at `p` covers.
pub(super) fn marker_box(p: Px, r: f64) -> Rect {
    Rect {
        x: p.x - r,
        y: p.y - r,
        w: 2.0 * r,
        h: 2.0 * r,
    }
}

/// What the map draws, in pixels, before any of it is written: the frame, the legs (each
/// offset to its own side where it shares track with another), the story's lines, the
/// legend and inset boxes, the graticule, and every label that found room.
pub(super) struct Plan<'a> {
    pub view: View,
    pub legs_px: Vec<Vec<Px>>,
    pub named_px: Vec<(&'a NamedLine, Vec<Vec<Px>>)>,
    pub boxes: layout::Boxes,
    /// The graticule's lines (SVG, drawn under the route).
    pub graticule: String,
    pub labels: Vec<Label>,
}

/// Lays the map out: projection, route, furniture boxes, then every label through one placer.
pub(super) fn plan<'a>(scene: &'a MapScene, opt: &MapOptions) -> Result<Plan<'a>, Error> {
    validate(scene)?;
    let view = View::new(scene, opt)?;
    let pal = style::palette(opt.theme);
    let k = view.k;
    let legs_px: Vec<Vec<Px>> = scene
        .legs
        .iter()
        .map(|l| layers::line_px(&view, &l.points, 0.4))
        .collect();
    let legs_px = super::shared::side_by_side(legs_px, 4.0 * k);
    let boxes = layout::layout(&view, scene, &legs_px);
    let mut graticule = String::new();
    let ticks = layers::graticule(&mut graticule, &view, pal);
    let named_px = scene
        .named_lines
        .iter()
        .map(|nl| {
            let parts = nl
                .lines
                .iter()
                .map(|line| layers::line_px(&view, line, 0.4))
                .collect();
            (nl, parts)
        })
        .collect::<Vec<_>>();
    // Furniture and markers first: labels must avoid them, and the route.
    let mut placer = Placer::new(view.frame, 3.0 * k);
    for px in &legs_px {
        placer.avoid_line(px);
    }
    placer.block(boxes.legend.inflate(4.0));
    if let Some(inset) = boxes.inset {
        placer.block(inset.inflate(4.0));
    }
    for c in &scene.crossings {
        placer.block(marker_box(view.px(c.at), 6.0 * k));
    }
    for w in &scene.waypoints {
        let (r, _, _) = waypoint_marker(w.kind, pal, k);
        placer.block(marker_box(view.px(w.at), r));
    }
    let labels = annotate::place_all(&view, scene, opt, pal, &mut placer, &named_px, &ticks)?;
    Ok(Plan {
        view,
        legs_px,
        named_px,
        boxes,
        graticule,
        labels,
    })
}

/// Draws the whole map.
pub fn draw(scene: &MapScene, opt: &MapOptions) -> Result<String, Error> {
    let plan = plan(scene, opt)?;
    let view = &plan.view;
    let pal = style::palette(opt.theme);
    let k = view.k;
    let f = view.frame;
    let per_px = view.ground_per_px().as_m();
    let mut out = String::with_capacity(512 * 1024);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}, sans-serif">"#,
        w = opt.width_px,
        h = opt.height_px
    );
    let _ = writeln!(
        out,
        r#"<rect width="{}" height="{}" fill="{}"/>"#,
        opt.width_px, opt.height_px, pal.panel
    );
    // The map's content overruns the frame; the margins are painted over afterwards
    // (`frame_margins`) instead of clipping: a clip path makes a rasteriser draw the whole map
    // into a second layer and composite it, a quarter of the PNG's time.
    out.push_str("<g>\n");
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
        num(f.x),
        num(f.y),
        num(f.w),
        num(f.h),
        pal.sea
    );
    let rivers = if per_px < 450.0 {
        Some(crate::geodata::Level::Fine)
    } else if per_px < 6_000.0 {
        Some(crate::geodata::Level::Medium)
    } else {
        None
    };
    layers::basemap(&mut out, view, pal, layers::level_for(per_px), rivers)?;
    out.push_str(&plan.graticule);

    // The story's own lines (rivers, border, railways), emphasised.
    for (nl, parts) in &plan.named_px {
        let (colour, width) = match nl.kind {
            LineKind::River => (pal.story_river, 2.4),
            LineKind::Border => (pal.border, 2.2),
            LineKind::Rail => (pal.direct, 1.6),
        };
        let mut d = String::new();
        for px in parts {
            svg::push_path(&mut d, px, false);
        }
        let dash = if nl.kind == LineKind::Rail {
            format!(r#" stroke-dasharray="{} {}""#, num(6.0 * k), num(3.0 * k))
        } else {
            String::new()
        };
        svg::path(
            &mut out,
            &d,
            &format!(
                r#"fill="none" stroke="{colour}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round"{dash}"#,
                num(width * k)
            ),
        );
    }

    // The route: a casing under every leg, then the legs, then direction arrows.
    let mut casing = String::new();
    for px in &plan.legs_px {
        svg::push_path(&mut casing, px, false);
    }
    svg::path(
        &mut out,
        &casing,
        &format!(
            r#"fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round" stroke-opacity="0.9""#,
            pal.casing,
            num(6.5 * k)
        ),
    );
    for (leg, px) in scene.legs.iter().zip(&plan.legs_px) {
        let mut d = String::new();
        svg::push_path(&mut d, px, false);
        let stroke = if leg.track_unknown {
            unknown_stroke(leg.mode, pal, k)
        } else {
            leg_stroke(leg.mode, pal, k)
        };
        svg::path(&mut out, &d, &stroke);
    }
    for (leg, px) in scene.legs.iter().zip(&plan.legs_px) {
        furniture::arrows(&mut out, px, leg_colour(leg.mode, pal), pal.casing, k);
    }
    out.push_str("</g>\n");
    frame_margins(&mut out, f, opt, pal.panel);

    // Markers, then the labels laid out around them.
    for c in &scene.crossings {
        crossing_marker(&mut out, c.kind, view.px(c.at), 6.0 * k, pal, k);
    }
    for w in &scene.waypoints {
        let p = view.px(w.at);
        let (r, fill, stroke) = waypoint_marker(w.kind, pal, k);
        if w.kind == WaypointKind::Place {
            // Off the route: a square, so that it does not read as a stop.
            let _ = writeln!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}" stroke="{stroke}" stroke-width="{}"/>"#,
                num(p.x - r),
                num(p.y - r),
                num(2.0 * r),
                num(2.0 * r),
                num(1.6 * k)
            );
            continue;
        }
        let _ = writeln!(
            out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}" stroke="{stroke}" stroke-width="{}"/>"#,
            num(p.x),
            num(p.y),
            num(r),
            num(2.2 * k)
        );
    }
    annotate::write(&mut out, &plan.labels, pal, k);
    furniture::draw(&mut out, view, scene, pal, &plan.boxes, &plan.legs_px);
    out.push_str("</svg>\n");
    Ok(out)
}

/// Paints the page between the map's frame and the image's edges in `panel`, over whatever the
/// map drew past its frame: the same picture as a clip path to the frame, at no extra layer.
fn frame_margins(out: &mut String, f: Rect, opt: &MapOptions, panel: &str) {
    let (w, h) = (f64::from(opt.width_px), f64::from(opt.height_px));
    let bottom = f.y + f.h;
    let right = f.x + f.w;
    let margins = [
        (0.0, 0.0, w, f.y),
        (0.0, bottom, w, h - bottom),
        (0.0, f.y, f.x, f.h),
        (right, f.y, w - right, f.h),
    ];
    for (x, y, mw, mh) in margins {
        if mw > 0.0 && mh > 0.0 {
            let _ = writeln!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{panel}"/>"#,
                num(x),
                num(y),
                num(mw),
                num(mh)
            );
        }
    }
}

/// A crossing's marker, the same on the map and in the legend: a circle for a river, a
/// diamond for a border, `r` across from the centre.
pub fn crossing_marker(out: &mut String, kind: CrossingKind, p: Px, r: f64, pal: &Palette, k: f64) {
    let style = |fill: &str| {
        format!(
            r#"fill="{}" stroke="{}" stroke-width="{}""#,
            fill,
            pal.casing,
            num(2.0 * k)
        )
    };
    match kind {
        CrossingKind::River => {
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" {}/>"#,
                num(p.x),
                num(p.y),
                num(r),
                style(pal.story_river)
            );
        }
        CrossingKind::Border => {
            let d = format!(
                "M{} {}L{} {}L{} {}L{} {}Z",
                num(p.x),
                num(p.y - r),
                num(p.x + r),
                num(p.y),
                num(p.x),
                num(p.y + r),
                num(p.x - r),
                num(p.y)
            );
            svg::path(out, &d, &style(pal.border));
        }
    }
}

pub fn leg_colour(mode: LegMode, pal: &Palette) -> &'static str {
    match mode {
        LegMode::Rail => pal.rail,
        LegMode::Air => pal.air,
        LegMode::Road => pal.road,
        LegMode::Direct => pal.direct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coord::LatLon;
    use crate::render::scene::{SceneCrossing, SceneLeg, ScenePoint, Theme};
    use crate::units::Length;

    pub(crate) fn small_scene() -> MapScene {
        let p = |lat, lon| LatLon { lat, lon };
        MapScene {
            title: "Test & <map>".into(),
            subtitle: "Pyongyang to Khasan".into(),
            legs: vec![SceneLeg {
                mode: LegMode::Rail,
                points: vec![
                    p(39.03385, 125.75432),
                    p(41.79556, 129.77583),
                    p(42.42387, 130.65156),
                ],
                schematic: true,
                track_unknown: false,
                recorded: false,
                label: String::new(),
            }],
            waypoints: vec![
                ScenePoint {
                    name: "Pyongyang".into(),
                    kind: WaypointKind::Origin,
                    at: p(39.03385, 125.75432),
                    km_from_start: Some(Length::ZERO),
                    km_at_least: false,
                },
                ScenePoint {
                    name: "Khasan".into(),
                    kind: WaypointKind::Destination,
                    at: p(42.42387, 130.65156),
                    km_from_start: Some(Length::km(600.0)),
                    km_at_least: false,
                },
            ],
            crossings: vec![SceneCrossing {
                name: "Tumen".into(),
                kind: CrossingKind::Border,
                at: p(42.42, 130.64),
                km: Length::km(598.0),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn deterministic_and_golden() {
        let opt = MapOptions {
            width_px: 800,
            height_px: 500,
            ..Default::default()
        };
        let a = draw(&small_scene(), &opt).unwrap();
        assert_eq!(a, draw(&small_scene(), &opt).unwrap());
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/map_small.svg");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(path, &a).unwrap();
        }
        let golden = std::fs::read_to_string(path).unwrap();
        assert!(
            a == golden,
            "SVG changed; if intended, rerun with UPDATE_GOLDEN=1"
        );
    }

    #[test]
    fn svg_is_well_formed_and_names_the_font() {
        let s = draw(
            &small_scene(),
            &MapOptions {
                theme: Theme::Dark,
                ..Default::default()
            },
        )
        .unwrap();
        let doc = resvg::usvg::roxmltree::Document::parse(&s).unwrap();
        assert_eq!(
            doc.root_element().attribute("font-family"),
            Some(format!("{FONT_FAMILY}, sans-serif").as_str()),
            "the bundled font, with a generic fallback for viewers without it"
        );
        assert!(
            !s.contains("paint-order"),
            "halos drawn as outlines under the text"
        );
        assert!(s.contains("Test &amp; &lt;map&gt;"));
        assert!(s.contains("Lambert conformal conic"));
        for name in ["Pyongyang", "Khasan", "km 598", "NORTH KOREA"] {
            assert!(s.contains(name), "{name}");
        }
    }

    /// A dense GPS track (here 200,000 points; the bench and `examples/big_track.rs` use 1,000,000)
    /// is simplified to the pixel: the SVG stays small.
    #[test]
    fn dense_track_gives_a_small_svg() {
        let n = 200_000;
        let pts: Vec<LatLon> = (0..n)
            .map(|i| {
                let t = f64::from(i) / f64::from(n);
                LatLon {
                    lat: 39.0 + 4.0 * t + (f64::from(i) * 0.37).sin() * 0.0004,
                    lon: 125.7 + 6.0 * t,
                }
            })
            .collect();
        let scene = MapScene {
            legs: vec![SceneLeg {
                mode: LegMode::Rail,
                points: pts,
                schematic: false,
                track_unknown: false,
                recorded: false,
                label: String::new(),
            }],
            ..Default::default()
        };
        let s = draw(&scene, &MapOptions::default()).unwrap();
        assert!(s.len() < 2_000_000, "{} bytes", s.len());
    }

    #[test]
    fn bad_positions_and_options_are_errors() {
        let mut scene = small_scene();
        scene.waypoints[1].at.lat = f64::NAN;
        match draw(&scene, &MapOptions::default()) {
            Err(Error::Position { item, .. }) => assert_eq!(item, "waypoint \"Khasan\""),
            other => panic!("{other:?}"),
        }
        let opt = MapOptions {
            margin: -1.0,
            ..Default::default()
        };
        assert!(matches!(
            draw(&small_scene(), &opt),
            Err(Error::Option { .. })
        ));
        let p = |lat, lon| LatLon { lat, lon };
        let opt = MapOptions {
            extent: Some((p(44.0, 130.0), p(42.0, 132.0))),
            ..Default::default()
        };
        assert!(matches!(
            draw(&small_scene(), &opt),
            Err(Error::Option { .. })
        ));
    }

    #[test]
    fn works_anywhere_including_across_the_antimeridian() {
        let p = |lat, lon| LatLon { lat, lon };
        for pts in [
            vec![p(-18.14, 178.44), p(-13.83, -171.76)],
            vec![p(64.13, -21.9), p(65.68, -18.09)],
            vec![p(-33.87, 151.21), p(-37.81, 144.96)],
            vec![p(1.29, 103.85), p(3.1412, 101.68653)],
        ] {
            let scene = MapScene {
                legs: vec![SceneLeg {
                    mode: LegMode::Air,
                    points: pts,
                    schematic: false,
                    track_unknown: false,
                    recorded: false,
                    label: String::new(),
                }],
                ..Default::default()
            };
            let s = draw(&scene, &MapOptions::default()).unwrap();
            assert!(s.contains("<path"), "basemap drawn");
        }
    }
}
