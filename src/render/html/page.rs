//! The HTML document: head (Leaflet's and the page's styles, a Content-Security-Policy that
//! forbids every request), the title, the map, the legend, the claims and the map in words as
//! plain HTML, then the map's data as JSON and the scripts (Leaflet, then `app.js`).

use std::fmt::Write;

use serde_json::{Value, json};

use super::super::furniture::BASEMAP_CREDITS;
use super::super::layout::{Entry, entries, entry_text};
use super::super::map::{leg_colour, validate};
use super::super::scene::{CrossingKind, LegMode, LineKind, MapOptions, WaypointKind};
use super::super::style::{self, Palette};
use super::super::svg::esc;
use super::super::view::View;
use super::super::{Error, MapScene};
use super::{HtmlMap, basemap, vendor};
use crate::coord::{LatLon, wrap_lon};

const APP: &str = include_str!("app.js");
const CSS: &str = include_str!("page.css");

/// Nothing may be fetched: scripts and styles are inline, images are `data:` URLs.
const CSP: &str =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

fn r5(v: f64) -> f64 {
    (v * 1e5).round() / 1e5
}

/// A position as Leaflet takes it, with its longitude moved next to the map's central meridian
/// (so a route across 180° is drawn continuous, in the basemap's longitude space).
fn ll(p: LatLon, lon0: f64) -> [f64; 2] {
    [r5(p.lat), r5(lon0 + wrap_lon(p.lon - lon0))]
}

/// How a leg is stroked: (colour, weight, dash), the SVG's at scale 1.
fn leg_style(mode: LegMode, unknown: bool, pal: &Palette) -> (&'static str, f64, &'static str) {
    if unknown {
        let colour = if mode == LegMode::Road {
            pal.road
        } else {
            pal.rail
        };
        return (colour, 2.0, "0.1 5");
    }
    let dash = match mode {
        LegMode::Air => "10 6",
        LegMode::Direct => "2 6",
        LegMode::Rail | LegMode::Road => "",
    };
    (leg_colour(mode, pal), 3.0, dash)
}

/// "1,183 km", or "≥ 393 km" when a leg before the place has no line data (a lower bound).
fn km_text(km: crate::units::Length, at_least: bool) -> String {
    if at_least {
        format!("≥ {km}")
    } else {
        km.to_string()
    }
}

fn mode_word(mode: LegMode) -> &'static str {
    match mode {
        LegMode::Rail => "rail",
        LegMode::Air => "air",
        LegMode::Road => "road",
        LegMode::Direct => "direct",
    }
}

fn kind_word(kind: WaypointKind) -> &'static str {
    match kind {
        WaypointKind::Origin => "origin",
        WaypointKind::Destination => "destination",
        WaypointKind::Stop => "stop",
        WaypointKind::Via => "via",
        WaypointKind::Place => "place",
    }
}

/// A legend swatch as a small inline SVG, the same symbol the SVG map's legend draws.
fn swatch(e: &Entry, pal: &Palette) -> String {
    let line = |colour: &str, w: f64, dash: &str| {
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{dash}""#)
        };
        format!(
            r#"<line x1="2" y1="8" x2="30" y2="8" stroke="{colour}" stroke-width="{w}" stroke-linecap="round"{dash}/>"#
        )
    };
    let circle = |r: f64, fill: &str, stroke: &str| {
        format!(
            r#"<circle cx="16" cy="8" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#
        )
    };
    let body = match e {
        Entry::Leg(m, _) | Entry::Track(m) => {
            let (c, w, d) = leg_style(*m, false, pal);
            line(c, w, d)
        }
        Entry::Unknown(m) => {
            let (c, w, d) = leg_style(*m, true, pal);
            line(c, w, d)
        }
        Entry::Ends => circle(6.0, pal.marker, pal.casing),
        Entry::Marker => circle(4.5, pal.casing, pal.marker),
        Entry::Place => format!(
            r#"<rect x="12" y="4" width="8" height="8" fill="{}" stroke="{}" stroke-width="1.6"/>"#,
            pal.text_muted, pal.casing
        ),
        Entry::Crossing(CrossingKind::River) => circle(5.0, pal.story_river, pal.casing),
        Entry::Crossing(CrossingKind::Border) => format!(
            r#"<path d="M16 2L22 8L16 14L10 8Z" fill="{}" stroke="{}" stroke-width="2"/>"#,
            pal.border, pal.casing
        ),
        Entry::Line(LineKind::River) => line(pal.story_river, 2.4, ""),
        Entry::Line(LineKind::Border) => line(pal.border, 2.2, ""),
        Entry::Line(LineKind::Rail) => line(pal.direct, 1.6, "6 3"),
        Entry::Border => line(pal.border, 1.3, ""),
    };
    format!(r#"<svg width="32" height="16" viewBox="0 0 32 16" aria-hidden="true">{body}</svg>"#)
}

/// The map's data for `app.js`, its fields in name order (as a JSON object's always were).
/// The basemap, most of the bytes, is written straight from its typed layers; the small parts
/// are JSON values.
#[derive(serde::Serialize)]
struct Data {
    attribution: Vec<String>,
    basemap: basemap::Basemap,
    bounds: [[f64; 2]; 2],
    claims: Vec<Value>,
    colours: Value,
    crossings: Vec<Value>,
    legs: Vec<Value>,
    named_lines: Vec<Value>,
    title: String,
    waypoints: Vec<Value>,
}

/// The map's data for `app.js`.
fn data(map: &HtmlMap, view: &View, pal: &Palette) -> Result<Data, Error> {
    let s = &map.scene;
    let lon0 = view.proj.lon0_deg();
    let r = view.geo_rect();
    let legs: Vec<Value> = s
        .legs
        .iter()
        .filter(|l| l.points.len() >= 2)
        .map(|l| {
            let (colour, weight, dash) = leg_style(l.mode, l.track_unknown, pal);
            json!({
                "mode": mode_word(l.mode),
                "track_unknown": l.track_unknown,
                "schematic": l.schematic,
                "label": l.label,
                "colour": colour,
                "weight": weight,
                "dash": dash,
                "points": l.points.iter().map(|p| ll(*p, lon0)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let waypoints: Vec<Value> = s
        .waypoints
        .iter()
        .zip(&map.places)
        .map(|(w, card)| {
            json!({
                "name": w.name,
                "kind": kind_word(w.kind),
                "at": ll(w.at, lon0),
                "km": w.km_from_start.map(|k| km_text(k, w.km_at_least)),
                "rows": card.rows,
            })
        })
        .collect();
    let crossings: Vec<Value> = s
        .crossings
        .iter()
        .map(|c| {
            json!({
                "name": c.name,
                "kind": if c.kind == CrossingKind::Border { "border" } else { "river" },
                "at": ll(c.at, lon0),
                "km": format!("km {:.0}", c.km.as_km()),
            })
        })
        .collect();
    let named: Vec<Value> = s
        .named_lines
        .iter()
        .map(|n| {
            let (colour, weight, dash) = match n.kind {
                LineKind::River => (pal.story_river, 2.4, ""),
                LineKind::Border => (pal.border, 2.2, ""),
                LineKind::Rail => (pal.direct, 1.6, "6 3"),
            };
            json!({
                "name": n.name,
                "colour": colour,
                "weight": weight,
                "dash": dash,
                "lines": n.lines.iter().map(|l| l.iter().map(|p| ll(*p, lon0)).collect::<Vec<_>>()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let claims: Vec<Value> = map
        .claims
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "verdict": c.verdict,
                "how": c.how,
                "places": c.applies.iter().map(|(n, p)| json!({"name": n, "at": ll(*p, lon0)})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let attribution: Vec<String> =
        std::iter::once(format!("Leaflet {} (BSD-2-Clause)", vendor::VERSION))
            .chain(BASEMAP_CREDITS.iter().map(|s| s.to_string()))
            .chain(s.attribution.iter().cloned())
            .collect();
    Ok(Data {
        title: s.title.clone(),
        bounds: [[r.south, r.west], [r.north, r.east]],
        colours: json!({
            "sea": pal.sea, "land": pal.land, "coast": pal.coast, "river": pal.river,
            "border": pal.border, "marker": pal.marker, "casing": pal.casing,
            "story_river": pal.story_river, "highlight": pal.highlight, "text": pal.text,
        }),
        basemap: basemap::basemap(view)?,
        legs,
        named_lines: named,
        waypoints,
        crossings,
        claims,
        attribution,
    })
}

/// JSON safe inside a `<script>` element: every `<` escaped, so no `</script>` can occur.
fn script_json(v: &impl serde::Serialize) -> Result<String, Error> {
    Ok(serde_json::to_string(v)?.replace('<', "\\u003c"))
}

fn claims_html(out: &mut String, map: &HtmlMap) {
    out.push_str(r#"<ol id="claims">"#);
    for (i, c) in map.claims.iter().enumerate() {
        let _ = write!(
            out,
            r#"<li class="claim"><button type="button" class="claim-button" data-claim="{i}" aria-describedby="claim-{i}-detail"><span class="verdict v-{cls}">{verdict}</span> <span class="claim-id">{id}</span> <span class="outlet">{outlet}</span>: {claimed}</button><div class="claim-detail" id="claim-{i}-detail"><p class="computed">Computed: {computed}</p><p class="arithmetic">{arith}</p><blockquote>{quote}</blockquote><p class="where">Where: {how}</p></div></li>"#,
            cls = esc(&c.verdict_class),
            verdict = esc(&c.verdict),
            id = esc(&c.id),
            outlet = esc(&c.outlet),
            claimed = esc(&c.claimed),
            computed = esc(&c.computed),
            arith = esc(&c.arithmetic),
            quote = esc(&c.quote),
            how = esc(&c.how),
        );
    }
    out.push_str("</ol>\n");
}

/// The map in words: the legs, the places with their cards, the crossings.
fn words_html(out: &mut String, map: &HtmlMap) {
    let s: &MapScene = &map.scene;
    out.push_str(r#"<details id="in-words"><summary>The map in words</summary><h3>Route</h3><ul>"#);
    for l in &s.legs {
        let how = if l.track_unknown {
            "track not known: a straight line is drawn"
        } else if l.schematic {
            "schematic: straight between stations"
        } else {
            "drawn along its geometry"
        };
        let _ = write!(
            out,
            "<li>{} ({}): {how}</li>",
            esc(&l.label),
            mode_word(l.mode)
        );
    }
    out.push_str("</ul><h3>Places</h3><ul>");
    for (w, card) in s.waypoints.iter().zip(&map.places) {
        let rows: Vec<String> = card
            .rows
            .iter()
            .map(|(k, v)| format!("{}: {}", esc(k), esc(v)))
            .collect();
        let km = w
            .km_from_start
            .map(|k| format!(", {} from the start", km_text(k, w.km_at_least)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<li>{} ({}{km}). {}</li>",
            esc(&w.name),
            kind_word(w.kind),
            rows.join("; ")
        );
    }
    out.push_str("</ul>");
    if !s.crossings.is_empty() {
        out.push_str("<h3>Crossings</h3><ul>");
        for c in &s.crossings {
            let _ = write!(
                out,
                "<li>{} at km {:.0}, {}</li>",
                esc(&c.name),
                c.km.as_km(),
                c.at
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</details>\n");
}

/// The whole document.
pub fn write(map: &HtmlMap, opt: &MapOptions) -> Result<String, Error> {
    let s = &map.scene;
    validate(s)?;
    let view = View::new(s, opt)?;
    let pal = style::palette(opt.theme);
    let data = script_json(&data(map, &view, pal)?)?;
    let mut out = String::with_capacity(data.len() + 256 * 1024);
    let title = if s.title.is_empty() {
        "Route map".to_string()
    } else {
        s.title.clone()
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n<meta name=\"generator\" content=\"routecheck\">\n<title>{}</title>\n<style>\n{}</style>\n<style>\n{}</style>\n</head>\n",
        esc(&title),
        vendor::style(),
        CSS.replace("--sea: #d6e6f2", &format!("--sea: {}", pal.sea))
    );
    let _ = write!(
        out,
        "<body>\n<header><h1>{}</h1><p class=\"subtitle\">{}</p></header>\n<main>\n<div id=\"map\" role=\"region\" aria-label=\"Map: {}. Arrow keys pan, plus and minus zoom, Tab reaches the places and crossings.\" tabindex=\"0\"></div>\n",
        esc(&title),
        esc(&s.subtitle),
        esc(&title)
    );
    out.push_str("<div id=\"legend\" class=\"legend\"><h2>Legend</h2><ul>");
    for e in entries(s) {
        let _ = write!(
            out,
            "<li>{}<span>{}</span></li>",
            swatch(&e, pal),
            esc(&entry_text(&e))
        );
    }
    out.push_str("</ul></div>\n<aside id=\"side\">\n<section aria-labelledby=\"claims-h\"><h2 id=\"claims-h\">Claims</h2><p id=\"claim-status\" aria-live=\"polite\">Choose a claim to see on the map where it applies.</p>\n");
    claims_html(&mut out, map);
    out.push_str("</section>\n");
    words_html(&mut out, map);
    out.push_str("</aside>\n</main>\n<noscript><p>The interactive map needs JavaScript; the claims and the map in words above do not.</p></noscript>\n");
    let _ = write!(
        out,
        "<script type=\"application/json\" id=\"routecheck-data\">{data}</script>\n<script>\n{}</script>\n<script>\n{APP}</script>\n",
        vendor::script()
    );
    let _ = write!(
        out,
        "<!-- Leaflet {} is inlined above under its licence:\n{}-->\n</body>\n</html>\n",
        vendor::VERSION,
        vendor::LICENSE.replace("--", "- -")
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::{ClaimCard, PlaceCard};
    use super::*;
    use crate::render::scene::{SceneCrossing, SceneLeg, ScenePoint};
    use crate::units::Length;

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }

    fn small_map() -> HtmlMap {
        HtmlMap {
            scene: MapScene {
                title: "Test & <map>".into(),
                subtitle: "Pyongyang to Khasan".into(),
                legs: vec![
                    SceneLeg {
                        mode: LegMode::Rail,
                        points: vec![p(39.03385, 125.75432), p(41.79556, 129.77583)],
                        schematic: true,
                        track_unknown: false,
                        recorded: false,
                        label: "pyongyang → chongjin".into(),
                    },
                    SceneLeg {
                        mode: LegMode::Rail,
                        points: vec![p(41.79556, 129.77583), p(42.42387, 130.65156)],
                        schematic: true,
                        track_unknown: true,
                        recorded: false,
                        label: "chongjin → khasan".into(),
                    },
                ],
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
                        km_at_least: true,
                    },
                ],
                crossings: vec![SceneCrossing {
                    name: "Tumen".into(),
                    kind: CrossingKind::Border,
                    at: p(42.42, 130.64),
                    km: Length::km(598.0),
                }],
                ..Default::default()
            },
            places: vec![
                PlaceCard {
                    rows: vec![("Source".into(), "GeoNames 1871859".into())],
                },
                PlaceCard {
                    rows: vec![("Time".into(), "arrived: </script><b>".into())],
                },
            ],
            claims: vec![ClaimCard {
                id: "c1".into(),
                outlet: "AP".into(),
                quote: "about 600 km".into(),
                verdict: "holds".into(),
                verdict_class: "holds".into(),
                claimed: "about 600 km".into(),
                computed: "600.0 km".into(),
                arithmetic: "600 km vs 600.0 km".into(),
                applies: vec![
                    ("Pyongyang".into(), p(39.03385, 125.75432)),
                    ("Khasan".into(), p(42.42387, 130.65156)),
                ],
                how: "Pyongyang → Khasan".into(),
            }],
        }
    }

    fn data_of(html: &str) -> Value {
        let start = html.find(r#"id="routecheck-data">"#).unwrap() + 21;
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end]).unwrap()
    }

    #[test]
    fn deterministic_self_contained_and_escaped() {
        let opt = MapOptions::default();
        let a = write(&small_map(), &opt).unwrap();
        assert_eq!(
            a,
            write(&small_map(), &opt).unwrap(),
            "byte-identical reruns"
        );
        assert!(a.contains(&format!(r#"content="{CSP}""#)));
        assert!(a.contains("<h1>Test &amp; &lt;map&gt;</h1>"));
        // Nothing to fetch: no external script, style sheet, image or frame (Leaflet's own
        // code names its home page for a credit link, which the page switches off).
        let page = a.replace(vendor::script(), "");
        for bad in ["<link", " src=", " href=", "url(http", "url(images/"] {
            assert!(!page.contains(bad), "{bad}");
        }
        // A place card's text cannot close the data's script element.
        assert_eq!(a.matches("</script>").count(), 3);
        let d = data_of(&a);
        assert_eq!(d["waypoints"][1]["rows"][0][1], "arrived: </script><b>");
    }

    #[test]
    fn data_carries_the_scene_and_marks_unknown_track() {
        let html = write(&small_map(), &MapOptions::default()).unwrap();
        let d = data_of(&html);
        let legs = d["legs"].as_array().unwrap();
        assert_eq!(legs.len(), 2);
        assert_eq!(legs[0]["dash"], "");
        assert_eq!(legs[1]["track_unknown"], true);
        assert_eq!(legs[1]["dash"], "0.1 5", "dotted, as the SVG draws it");
        assert_eq!(d["waypoints"][0]["at"], json!([39.03385, 125.75432]));
        assert_eq!(d["waypoints"][1]["km"], "≥ 600 km", "a lower bound says so");
        assert_eq!(d["crossings"][0]["km"], "km 598");
        assert_eq!(d["claims"][0]["places"].as_array().unwrap().len(), 2);
        assert_eq!(d["basemap"]["level"], "fine");
        assert!(!d["basemap"]["land"].as_array().unwrap().is_empty());
        // The legend is the SVG's, with the unknown-track entry.
        assert!(html.contains("Train — track not known, straight line shown"));
        // The claims and the places are in the page as text, not only in the script's data.
        assert!(html.contains(r#"data-claim="0""#) && html.contains("600 km vs 600.0 km"));
        assert!(html.contains("<li>Khasan (destination, ≥ 600 km from the start)."));
    }

    #[test]
    fn a_route_across_180_degrees_stays_continuous() {
        let mut m = small_map();
        m.scene.legs = vec![SceneLeg {
            mode: LegMode::Air,
            points: vec![p(-18.14, 178.44), p(-13.83, -171.76)],
            schematic: false,
            track_unknown: false,
            recorded: false,
            label: "Suva → Apia".into(),
        }];
        m.scene.waypoints.clear();
        m.scene.crossings.clear();
        m.places.clear();
        m.claims.clear();
        let d = data_of(&write(&m, &MapOptions::default()).unwrap());
        let pts = d["legs"][0]["points"].as_array().unwrap();
        let lon = |i: usize| pts[i][1].as_f64().unwrap();
        assert!((lon(1) - lon(0)).abs() < 20.0, "{} → {}", lon(0), lon(1));
    }

    #[test]
    fn bad_positions_are_errors() {
        let mut m = small_map();
        m.scene.waypoints[1].at.lat = f64::NAN;
        assert!(matches!(
            write(&m, &MapOptions::default()),
            Err(Error::Position { .. })
        ));
    }
}
