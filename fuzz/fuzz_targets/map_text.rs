//! The map writers' inputs: a scene and its cards built from fuzzed text and positions, drawn
//! as SVG and as the HTML map. Every string in them can come from a story or an article.
//!
//! Checks beyond "no panic": the SVG is well-formed XML; the HTML page has exactly its own
//! three `</script>` end tags (no text can close the data's script element) and its data
//! block is valid JSON that carries the title back unchanged.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use routecheck::coord::LatLon;
use routecheck::render::html::{ClaimCard, PlaceCard};
use routecheck::render::{
    self, CrossingKind, HtmlMap, LegMode, MapOptions, MapScene, SceneCrossing, SceneLeg,
    ScenePoint, WaypointKind,
};
use routecheck::units::Length;

/// A position: mostly a valid one near the route's usual range, sometimes anything.
fn pos(u: &mut Unstructured) -> Result<LatLon> {
    if u.ratio(1, 8)? {
        return Ok(LatLon {
            lat: u.arbitrary()?,
            lon: u.arbitrary()?,
        });
    }
    Ok(LatLon {
        lat: f64::from(u.int_in_range(-900i32..=900)?) / 10.0,
        lon: f64::from(u.int_in_range(-1800i32..=1800)?) / 10.0,
    })
}

fn text(u: &mut Unstructured) -> Result<String> {
    let s: String = u.arbitrary()?;
    Ok(s.chars().take(120).collect())
}

fn map(u: &mut Unstructured) -> Result<HtmlMap> {
    let modes = [LegMode::Rail, LegMode::Air, LegMode::Road, LegMode::Direct];
    let kinds = [
        WaypointKind::Origin,
        WaypointKind::Destination,
        WaypointKind::Stop,
        WaypointKind::Via,
        WaypointKind::Place,
    ];
    let mut scene = MapScene {
        title: text(u)?,
        subtitle: text(u)?,
        ..Default::default()
    };
    for _ in 0..u.int_in_range(1..=3)? {
        let mut points = Vec::new();
        for _ in 0..u.int_in_range(2..=4)? {
            points.push(pos(u)?);
        }
        scene.legs.push(SceneLeg {
            mode: *u.choose(&modes)?,
            points,
            schematic: u.arbitrary()?,
            track_unknown: u.arbitrary()?,
            recorded: u.arbitrary()?,
            label: text(u)?,
        });
    }
    let mut places = Vec::new();
    for _ in 0..u.int_in_range(1..=4)? {
        scene.waypoints.push(ScenePoint {
            name: text(u)?,
            kind: *u.choose(&kinds)?,
            at: pos(u)?,
            km_from_start: Some(Length::km(f64::from(u.int_in_range(0u32..=20_000)?))),
            km_at_least: u.arbitrary()?,
        });
        places.push(PlaceCard {
            rows: vec![(text(u)?, text(u)?)],
        });
    }
    if u.arbitrary()? {
        scene.crossings.push(SceneCrossing {
            name: text(u)?,
            kind: CrossingKind::Border,
            at: pos(u)?,
            km: Length::km(f64::from(u.int_in_range(0u32..=20_000)?)),
        });
    }
    let claims = vec![ClaimCard {
        id: text(u)?,
        outlet: text(u)?,
        quote: text(u)?,
        verdict: text(u)?,
        verdict_class: text(u)?,
        claimed: text(u)?,
        computed: text(u)?,
        arithmetic: text(u)?,
        applies: vec![(text(u)?, pos(u)?)],
        how: text(u)?,
    }];
    Ok(HtmlMap {
        scene,
        places,
        claims,
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(m) = map(&mut u) else {
        return;
    };
    let opt = MapOptions {
        width_px: 400,
        height_px: 300,
        ..MapOptions::default()
    };
    if let Ok(svg) = render::svg(&m.scene, &opt) {
        if let Err(e) = roxmltree::Document::parse(&svg) {
            panic!("the SVG is not XML: {e}");
        }
    }
    if let Ok(page) = render::html(&m, &opt) {
        assert_eq!(page.matches("</script>").count(), 3, "a text closed a script element");
        let start = page.find(r#"id="routecheck-data">"#).expect("the data block") + 21;
        let end = start + page[start..].find("</script>").expect("its end");
        let data: serde_json::Value = serde_json::from_str(&page[start..end]).expect("JSON data");
        assert_eq!(data["title"].as_str(), Some(m.scene.title.as_str()), "the title round-trips");
    }
});
