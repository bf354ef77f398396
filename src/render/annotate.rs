//! Every label on the static map, through one placer in priority order: waypoints and crossings
//! beside their markers (with their km tags), story lines along their course, area names,
//! country names, graticule ticks, sea names, and last a few context cities with their dots. A
//! label that finds no free spot is tried without its km tag, then dropped; the SVG writer
//! draws exactly what is laid out here.

use std::fmt::Write;

use super::Error;
use super::fonts::{self, Face};
use super::labels::{Placement, Placer};
use super::layers::{Edge, Tick};
use super::scene::{
    AreaKind, CrossingKind, LineKind, MapOptions, MapScene, NamedLine, WaypointKind,
};
use super::style::Palette;
use super::svg::{self, Anchor, Px, num};
use super::view::{Rect, View};
use crate::units::group_thousands;

/// What a label names. Labels are placed in this order, so when the map is crowded the later
/// kinds are the ones dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelRole {
    /// The start or the end of the route.
    Endpoint,
    /// A stop on the route.
    Stop,
    /// A place the route passes through.
    Via,
    /// A place the story names that the route does not pass.
    Place,
    /// A river or border crossing.
    Crossing,
    /// A river, border or railway named along its course.
    Line,
    /// A sea or region name the caller gave.
    Area,
    /// A country name.
    Country,
    /// A graticule tick at the frame's edge ("130°E").
    Graticule,
    /// A sea, gulf or bay from the bundled marine areas.
    Sea,
    /// A large city the story does not name, for orientation (with its own small dot).
    City,
}

/// One line of a label's text and how it is set.
#[derive(Debug, Clone)]
pub(super) struct TextLine {
    pub text: String,
    pub face: Face,
    pub size: f64,
    pub colour: &'static str,
    /// Extra space between letters, in pixels (spaced capitals for country names).
    pub spacing: f64,
}

/// A label as laid out: its text and its place.
#[derive(Debug, Clone)]
pub(super) struct Label {
    pub role: LabelRole,
    pub lines: Vec<TextLine>,
    pub placement: Placement,
    /// A graticule label's tick mark, from the frame edge inwards.
    pub tick: Option<[Px; 2]>,
    /// A context city's dot: centre and radius.
    pub dot: Option<(Px, f64)>,
}

impl Label {
    /// The label's text, its lines joined by a space.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.lines.iter().map(|l| l.text.as_str()).collect();
        parts.join(" ")
    }
}

fn line(text: String, face: Face, size: f64, colour: &'static str) -> TextLine {
    TextLine {
        text,
        face,
        size,
        colour,
        spacing: 0.0,
    }
}

/// The role of a waypoint's label.
fn waypoint_role(kind: WaypointKind) -> LabelRole {
    match kind {
        WaypointKind::Origin | WaypointKind::Destination => LabelRole::Endpoint,
        WaypointKind::Stop => LabelRole::Stop,
        WaypointKind::Via => LabelRole::Via,
        WaypointKind::Place => LabelRole::Place,
    }
}

/// Places every label, most important first; returns those that found room.
pub(super) fn place_all(
    view: &View,
    scene: &MapScene,
    opt: &MapOptions,
    pal: &Palette,
    placer: &mut Placer,
    named_px: &[(&NamedLine, Vec<Vec<Px>>)],
    ticks: &[Tick],
) -> Result<Vec<Label>, Error> {
    let k = view.k;
    let f = view.frame;
    let mut out = Vec::new();
    // Waypoints: twins on one point (a station and its "(return)" twin) share one label.
    let mut order: Vec<usize> = (0..scene.waypoints.len()).collect();
    order.sort_by_key(|i| (scene.waypoints[*i].kind, *i));
    let mut done = vec![false; scene.waypoints.len()];
    for &i in &order {
        if done[i] {
            continue;
        }
        let at = view.px(scene.waypoints[i].at);
        let twins: Vec<usize> = order
            .iter()
            .copied()
            .filter(|j| !done[*j] && dist(view.px(scene.waypoints[*j].at), at) < 2.0)
            .collect();
        let mut names: Vec<&str> = Vec::new();
        let mut kms: Vec<String> = Vec::new();
        for &j in &twins {
            done[j] = true;
            let w = &scene.waypoints[j];
            if !names.contains(&w.name.as_str()) {
                names.push(&w.name);
            }
            if let Some(km) = w.km_from_start {
                let tag = format!(
                    "{}{}",
                    if w.km_at_least { "≥ " } else { "" },
                    group_thousands(km.as_km().round())
                );
                if !kms.contains(&tag) {
                    kms.push(tag);
                }
            }
        }
        let w = &scene.waypoints[i];
        let big = matches!(w.kind, WaypointKind::Origin | WaypointKind::Destination);
        let mut lines = vec![line(
            names.join(" / "),
            Face::Bold,
            if big { 17.0 } else { 14.5 } * k,
            pal.text,
        )];
        if !kms.is_empty() {
            lines.push(line(
                format!("km {}", kms.join(" · ")),
                Face::Regular,
                12.0 * k,
                pal.text_muted,
            ));
        }
        beside(&mut out, placer, waypoint_role(w.kind), at, 8.0 * k, lines);
    }
    for c in &scene.crossings {
        let colour = if c.kind == CrossingKind::River {
            pal.water_text
        } else {
            pal.border
        };
        let lines = vec![
            line(c.name.clone(), Face::Regular, 12.5 * k, colour),
            line(
                format!("km {}", group_thousands(c.km.as_km().round())),
                Face::Regular,
                12.0 * k,
                pal.text_muted,
            ),
        ];
        beside(
            &mut out,
            placer,
            LabelRole::Crossing,
            view.px(c.at),
            7.0 * k,
            lines,
        );
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
        let lines = vec![line(nl.name.clone(), face, size, colour)];
        let along = inside
            .iter()
            .find_map(|p| placer.place_along(p, lw, size * 1.2));
        if let Some(placement) = along {
            out.push(Label {
                role: LabelRole::Line,
                lines,
                placement,
                tick: None,
                dot: None,
            });
        } else if let Some(mid) = inside.first().and_then(|p| p.get(p.len() / 2)) {
            // Too short or too winding to follow: set the name level beside its middle.
            beside(&mut out, placer, LabelRole::Line, *mid, 3.0 * k, lines);
        }
    }
    for a in &scene.area_labels {
        let l = match a.kind {
            AreaKind::Sea => sea_line(a.name.clone(), pal, k),
            AreaKind::Region => TextLine {
                spacing: 2.0 * k,
                ..line(a.name.clone(), Face::Regular, 14.0 * k, pal.text_muted)
            },
        };
        centred(&mut out, placer, LabelRole::Area, &[view.px(a.at)], l);
    }
    let grid = super::names::Grid::new(view)?;
    for c in super::names::countries(view, &grid, opt)? {
        let set = |texts: &[&str]| -> Vec<TextLine> {
            (texts.iter())
                .map(|text| TextLine {
                    spacing: c.size_px / 14.0 * 2.5,
                    ..line(text.to_string(), Face::Regular, c.size_px, pal.text_muted)
                })
                .collect()
        };
        let texts: Vec<&str> = c.lines.iter().map(String::as_str).collect();
        let spots: Vec<Px> = std::iter::once(c.at)
            .chain(c.more.iter().copied())
            .collect();
        // A long name with no room on one line (a corner of the map crowded with the route's
        // labels) is tried again in two.
        let placed = centred_lines(&mut out, placer, LabelRole::Country, &spots, set(&texts));
        if let (false, [one]) = (placed, texts.as_slice())
            && let Some((a, b)) = super::names::two_lines(one)
        {
            centred_lines(&mut out, placer, LabelRole::Country, &spots, set(&[a, b]));
        }
    }
    for t in ticks {
        tick_label(&mut out, placer, t, pal, k);
    }
    for s in super::seas::in_view(view, &grid)? {
        centred(
            &mut out,
            placer,
            LabelRole::Sea,
            &[s.at],
            sea_line(s.name, pal, k),
        );
    }
    context_cities(&mut out, view, scene, pal, placer);
    Ok(out)
}

/// Radius of a context city's dot, in pixels at scale 1.
const CITY_DOT: f64 = 2.6;

/// The largest of the scene's context cities inside the frame, up to one per 240,000 px² of
/// map (six on a 1600 × 1000 map, one or two on an 800 × 500 one), each a dot with its name
/// beside it. A city is skipped when a waypoint or crossing is within 30 px of it or bears its
/// name (it is labelled already), when its dot would touch anything placed, or when its name
/// finds no room next to the dot.
fn context_cities(
    out: &mut Vec<Label>,
    view: &View,
    scene: &MapScene,
    pal: &Palette,
    placer: &mut Placer,
) {
    let k = view.k;
    let f = view.frame;
    let most = ((f.w * f.h) / 240_000.0).round().clamp(1.0, 6.0) as usize;
    let r = CITY_DOT * k;
    let labelled: Vec<(Px, String)> = (scene.waypoints.iter().map(|w| (w.at, &w.name)))
        .chain(scene.crossings.iter().map(|c| (c.at, &c.name)))
        .map(|(at, name)| (view.px(at), name.to_lowercase()))
        .collect();
    let mut shown = 0;
    for c in &scene.context_cities {
        if shown == most {
            break;
        }
        let at = view.px(c.at);
        let name = c.name.to_lowercase();
        if !f.contains(at)
            || (labelled.iter()).any(|(p, n)| dist(*p, at) < 30.0 * k || n.contains(&name))
        {
            continue;
        }
        let dot = super::map::marker_box(at, r + 1.0);
        if !placer.fits(&dot) {
            continue;
        }
        let l = line(c.name.clone(), Face::Regular, 12.5 * k, pal.text_muted);
        let (w, h) = label_size(std::slice::from_ref(&l));
        let gap = r + 4.0 * k;
        let d = gap * std::f64::consts::FRAC_1_SQRT_2;
        let cands = [
            (at.x + gap, at.y - h / 2.0, Anchor::Start),
            (at.x - gap - w, at.y - h / 2.0, Anchor::End),
            (at.x + d, at.y - d - h, Anchor::Start),
            (at.x + d, at.y + d, Anchor::Start),
            (at.x - d - w, at.y - d - h, Anchor::End),
            (at.x - d - w, at.y + d, Anchor::End),
            (at.x - w / 2.0, at.y - gap - h, Anchor::Middle),
            (at.x - w / 2.0, at.y + gap, Anchor::Middle),
        ];
        let cands: Vec<(Rect, Anchor, f64)> = (cands.iter().enumerate())
            .map(|(i, (x, y, a))| (Rect { x: *x, y: *y, w, h }, *a, i as f64))
            .collect();
        // The dot's box was free; the name's candidates keep clear of it by their gap.
        if let Some(placement) = placer.place(&cands) {
            placer.block(dot);
            out.push(Label {
                role: LabelRole::City,
                lines: vec![l],
                placement,
                tick: None,
                dot: Some((at, r)),
            });
            shown += 1;
        }
    }
}

/// Sea names: italic, in the water colour.
fn sea_line(name: String, pal: &Palette, k: f64) -> TextLine {
    TextLine {
        spacing: 1.0 * k,
        ..line(name, Face::Oblique, 14.0 * k, pal.water_text)
    }
}

fn dist(a: Px, b: Px) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// A label beside a marker of radius `r`; when it finds no room, its first line alone (the
/// name without its km tag); else none.
fn beside(
    out: &mut Vec<Label>,
    placer: &mut Placer,
    role: LabelRole,
    at: Px,
    r: f64,
    lines: Vec<TextLine>,
) {
    let mut forms = vec![lines.clone()];
    if lines.len() > 1 {
        forms.push(lines[..1].to_vec());
    }
    for lines in forms {
        let (w, h) = label_size(&lines);
        if let Some(placement) = placer.place_point(at, r, w, h) {
            out.push(Label {
                role,
                lines,
                placement,
                tick: None,
                dot: None,
            });
            return;
        }
    }
}

/// A level one-line label centred near the first of `spots` it fits at (with small shifts
/// when the exact spot is taken). An area's name keeps half an em clear either side, so that
/// two names never read as one ("SWEDENFINLAND").
fn centred(out: &mut Vec<Label>, placer: &mut Placer, role: LabelRole, spots: &[Px], l: TextLine) {
    centred_lines(out, placer, role, spots, vec![l]);
}

/// [`centred`] for a label of one or more lines, each centred on the spot; whether it found
/// room.
fn centred_lines(
    out: &mut Vec<Label>,
    placer: &mut Placer,
    role: LabelRole,
    spots: &[Px],
    lines: Vec<TextLine>,
) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    let (w, h) = label_size(&lines);
    let w = w + first.size;
    let shifts = [
        (0.0, 0.0),
        (0.0, -1.5),
        (0.0, 1.5),
        (-0.6, 0.0),
        (0.6, 0.0),
        (0.0, -3.0),
        (0.0, 3.0),
    ];
    let mut cands: Vec<(Rect, Anchor, f64)> = Vec::new();
    for (n, at) in spots.iter().enumerate() {
        for (i, (dx, dy)) in shifts.iter().enumerate() {
            cands.push((
                Rect {
                    x: at.x - w / 2.0 + dx * w,
                    y: at.y - h / 2.0 + dy * h,
                    w,
                    h,
                },
                Anchor::Middle,
                (n * shifts.len() + i) as f64,
            ));
        }
    }
    if let Some(placement) = placer.place(&cands) {
        out.push(Label {
            role,
            lines,
            placement,
            tick: None,
            dot: None,
        });
        true
    } else {
        false
    }
}

/// A graticule tick's label: above a tick on the bottom edge, right of one on the left edge;
/// one position only (dropped, with its tick, when something more important is there).
fn tick_label(out: &mut Vec<Label>, placer: &mut Placer, t: &Tick, pal: &Palette, k: f64) {
    let l = line(t.text.clone(), Face::Regular, 11.0 * k, pal.text_muted);
    let (w, h) = label_size(std::slice::from_ref(&l));
    let (rect, anchor, tick) = match t.edge {
        Edge::Bottom => (
            Rect {
                x: t.at.x - w / 2.0,
                y: t.at.y - 10.0 * k - l.size * 0.95,
                w,
                h,
            },
            Anchor::Middle,
            [
                t.at,
                Px {
                    x: t.at.x,
                    y: t.at.y - 7.0 * k,
                },
            ],
        ),
        Edge::Left => (
            Rect {
                x: t.at.x + 10.0 * k,
                y: t.at.y + l.size * 0.35 - l.size * 0.95,
                w,
                h,
            },
            Anchor::Start,
            [
                t.at,
                Px {
                    x: t.at.x + 7.0 * k,
                    y: t.at.y,
                },
            ],
        ),
    };
    if let Some(placement) = placer.place(&[(rect, anchor, 0.0)]) {
        out.push(Label {
            role: LabelRole::Graticule,
            lines: vec![l],
            placement,
            tick: Some(tick),
            dot: None,
        });
    }
}

fn halo(pal: &Palette, k: f64) -> svg::Halo<'static> {
    svg::Halo {
        colour: pal.halo,
        width: 3.5 * k,
    }
}

/// Writes laid-out labels as SVG: tick marks and leader lines, then each line of text over its
/// halo.
pub(super) fn write(out: &mut String, labels: &[Label], pal: &Palette, k: f64) {
    let mut ticks = String::new();
    for l in labels {
        if let Some(t) = l.tick {
            svg::push_path(&mut ticks, &t, false);
        }
    }
    if !ticks.is_empty() {
        svg::path(
            out,
            &ticks,
            &format!(
                r#"fill="none" stroke="{}" stroke-width="{}""#,
                pal.text_muted,
                num(k)
            ),
        );
    }
    for l in labels {
        if let Some((at, r)) = l.dot {
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
                num(at.x),
                num(at.y),
                num(r),
                pal.text_muted,
                pal.casing,
                num(0.8 * k)
            );
        }
    }
    for l in labels {
        write_label(out, l, pal, k);
    }
}

fn write_label(out: &mut String, label: &Label, pal: &Palette, k: f64) {
    let pl = &label.placement;
    let halo = if label.role == LabelRole::Graticule {
        svg::Halo {
            colour: pal.halo,
            width: 2.5 * k,
        }
    } else {
        halo(pal, k)
    };
    if pl.angle_deg != 0.0 {
        // Along a line: one line of text, rotated about its centre.
        for l in &label.lines {
            let at = Px {
                x: pl.centre.x,
                y: pl.centre.y + l.size * 0.35,
            };
            svg::halo_text(
                out,
                at,
                Anchor::Middle,
                pl.angle_deg,
                &attrs(l),
                l.colour,
                halo,
                &l.text,
            );
        }
        return;
    }
    let x = match pl.anchor {
        Anchor::Start => pl.rect.x,
        Anchor::Middle => pl.rect.x + pl.rect.w / 2.0,
        Anchor::End => pl.rect.right(),
    };
    if let Some(leader) = pl.leader {
        let mut d = String::new();
        svg::push_path(&mut d, &leader, false);
        let colour = label.lines.first().map_or(pal.text, |l| l.colour);
        svg::path(
            out,
            &d,
            &format!(r#"stroke="{colour}" stroke-width="{}""#, num(0.9 * k)),
        );
    }
    let mut y = pl.rect.y;
    for l in &label.lines {
        y += l.size * 0.95;
        svg::halo_text(
            out,
            Px { x, y },
            pl.anchor,
            0.0,
            &attrs(l),
            l.colour,
            halo,
            &l.text,
        );
        y += l.size * 0.25;
    }
}

fn attrs(l: &TextLine) -> String {
    let spacing = if l.spacing > 0.0 {
        format!(r#" letter-spacing="{}""#, num(l.spacing))
    } else {
        String::new()
    };
    format!(r#"font-size="{}"{}{spacing}"#, num(l.size), l.face.attrs())
}

fn label_size(lines: &[TextLine]) -> (f64, f64) {
    let w = lines
        .iter()
        .map(|l| fonts::text_width(&l.text, l.face, l.size, l.spacing))
        .fold(0.0, f64::max);
    let h = lines.iter().map(|l| l.size * 1.2).sum();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coord::LatLon;
    use crate::render::scene::{LegMode, SceneLeg, ScenePoint};
    use crate::units::Length;

    fn point(name: &str, kind: WaypointKind, at: LatLon, km: f64) -> ScenePoint {
        ScenePoint {
            name: name.into(),
            kind,
            at,
            km_from_start: Some(Length::km(km)),
            km_at_least: false,
        }
    }

    /// An out-and-back trip: Lyon is the turning point, and Paris is both the start and the
    /// return ("Paris (return)", on the same point).
    fn round_trip() -> MapScene {
        let paris = LatLon {
            lat: 48.8566,
            lon: 2.3522,
        };
        let lyon = LatLon {
            lat: 45.764,
            lon: 4.8357,
        };
        MapScene {
            legs: vec![
                SceneLeg {
                    mode: LegMode::Rail,
                    points: vec![paris, lyon],
                    schematic: false,
                    track_unknown: false,
                    recorded: false,
                    label: String::new(),
                },
                SceneLeg {
                    mode: LegMode::Rail,
                    points: vec![lyon, paris],
                    schematic: false,
                    track_unknown: false,
                    recorded: false,
                    label: String::new(),
                },
            ],
            waypoints: vec![
                point("Paris", WaypointKind::Origin, paris, 0.0),
                point("Lyon", WaypointKind::Stop, lyon, 392.0),
                point("Paris (return)", WaypointKind::Destination, paris, 784.0),
            ],
            ..Default::default()
        }
    }

    /// Issue 17: a station and its "(return)" twin on one point share one label, with both
    /// km tags, instead of two labels printed on top of each other.
    #[test]
    fn regression_issue_17_twins_on_one_point_share_a_label() {
        let layout = crate::render::label_layout(&round_trip(), &MapOptions::default()).unwrap();
        let paris: Vec<&str> = (layout.labels.iter())
            .filter(|l| l.text.contains("Paris"))
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(paris, ["Paris / Paris (return) km 0 · 784"]);
        assert!(layout.labels.iter().any(|l| l.text == "Lyon km 392"));
    }

    /// A label with no room for its km tag keeps its name; with no room at all it is dropped.
    #[test]
    fn the_km_tag_goes_before_the_name() {
        let frame = Rect {
            x: 0.0,
            y: 0.0,
            w: 300.0,
            h: 200.0,
        };
        let name = line("Tumangang".into(), Face::Bold, 14.5, "#000");
        let km = line("km 852".into(), Face::Regular, 12.0, "#666");
        let (w, h) = label_size(std::slice::from_ref(&name));
        let at = Px { x: 150.0, y: 100.0 };
        // Room for one line only: everything but a band of the name's height is blocked.
        let mut placer = Placer::new(frame, 0.0);
        placer.block(Rect {
            x: 0.0,
            y: 0.0,
            w: 300.0,
            h: 100.0 - h / 2.0 - 0.5,
        });
        placer.block(Rect {
            x: 0.0,
            y: 100.0 + h / 2.0 + 0.5,
            w: 300.0,
            h: 100.0,
        });
        let mut out = Vec::new();
        beside(
            &mut out,
            &mut placer,
            LabelRole::Stop,
            at,
            4.0,
            vec![name.clone(), km.clone()],
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text(), "Tumangang");
        assert!(out[0].placement.rect.w >= w - 1e-9);
        // With the band taken too, nothing fits, and the label is dropped.
        placer.block(frame);
        beside(
            &mut out,
            &mut placer,
            LabelRole::Stop,
            at,
            4.0,
            vec![name, km],
        );
        assert_eq!(out.len(), 1);
    }
}
