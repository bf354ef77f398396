//! The route builder on the default story and on stories made to trip it.

use super::*;
use crate::gazetteer::Gazetteer;

const DEFAULT: &str = include_str!("../../data/stories/kim-jong-un-train-2023-09.toml");

fn build_text(text: &str) -> Route {
    let story = Story::parse(text, "t.toml").unwrap();
    build(
        &story,
        &Gazetteer::load_default().unwrap(),
        &RouteOptions::default(),
    )
    .unwrap()
}

/// The default story with its waypoint ids renamed w1…w8: an id is a label only.
fn renamed() -> String {
    let ids = [
        "pyongyang",
        "tumangang",
        "bridge",
        "khasan",
        "baranovsky",
        "ussuriysk",
        "vladivostok",
        "razdolnaya",
    ];
    let mut text = DEFAULT.to_string();
    for (i, id) in ids.iter().enumerate() {
        text = text.replace(&format!("\"{id}\""), &format!("\"w{}\"", i + 1));
    }
    assert!(!text.contains("\"pyongyang\""));
    text
}

/// Issue 12: renaming the ids moved Pyongyang to West P'yŏngyang (1,178.6 km).
#[test]
fn waypoint_ids_do_not_choose_stations() {
    let a = build_text(DEFAULT);
    let b = build_text(&renamed());
    let km = |r: &Route| r.journeys[0].length().as_km();
    assert!((km(&a) - 1_183.3).abs() < 0.05, "{}", km(&a));
    assert!((km(&b) - km(&a)).abs() < 1e-9, "{} vs {}", km(&b), km(&a));
    let lines = |r: &Route| -> Vec<String> { r.crossings().map(|c| c.line.clone()).collect() };
    assert_eq!(lines(&a), lines(&b));
}

/// The default story's train crosses the Taedong, the Tumen (at the Friendship Bridge), the
/// North Korea–Russia border there, and the Razdolnaya near Baranovsky; the flight crosses
/// nothing (air legs do not count).
#[test]
fn the_default_story_crosses_tumen_border_and_razdolnaya() {
    let r = build_text(DEFAULT);
    let train = &r.journeys[0];
    let names: Vec<(&str, f64)> = train
        .crossings
        .iter()
        .map(|c| (c.line.as_str(), c.from_start.as_km()))
        .collect();
    let find = |n: &str| {
        train
            .crossings
            .iter()
            .find(|c| c.line == n)
            .unwrap_or_else(|| panic!("{n} in {names:?}"))
    };
    // Tumangang (km 852.3) stands on the Tumen and the bridge (km 857.3) spans it.
    let tumen = find("Tumen");
    assert!(
        (850.0..=857.3).contains(&tumen.from_start.as_km()),
        "{names:?}"
    );
    let border = find("North Korea–Russian Federation border");
    assert_eq!(border.kind, crossings::LineKind::Border);
    assert!(
        (850.0..=857.3).contains(&border.from_start.as_km()),
        "{names:?}"
    );
    let razdolnaya = find("Razdolnaya");
    assert!(
        (1_050.0..=1_183.3).contains(&razdolnaya.from_start.as_km()),
        "{names:?}"
    );
    // One rule: no two crossings of one line closer than 25 km.
    for (i, a) in train.crossings.iter().enumerate() {
        for b in &train.crossings[i + 1..] {
            assert!(
                a.line != b.line || (a.from_start - b.from_start).as_m().abs() >= 25_000.0,
                "{names:?}"
            );
        }
    }
    assert!(
        r.journeys[1].crossings.is_empty(),
        "the flight crosses nothing"
    );
}

const TWO_PLACES: &str = r#"
[[waypoints]]
id = "a"
place = "PLACE"
[[waypoints]]
id = "b"
at = "40.0, -89.0"
[[legs]]
from = "a"
to = "b"
mode = "direct"
"#;

/// Issue 12: an ambiguous name and a misspelt one are chosen with a note, not silently.
#[test]
fn ambiguous_and_fuzzy_places_are_noted() {
    // Beside a point in Illinois, "Springfield" is read in that context, and says so.
    let r = build_text(&TWO_PLACES.replace("PLACE", "Springfield"));
    let w = &r.waypoints[0];
    assert_eq!(
        w.place.as_ref().unwrap().admin1_name.as_deref(),
        Some("Illinois")
    );
    assert!(
        w.notes
            .iter()
            .any(|n| matches!(n.kind, NoteKind::Ambiguous | NoteKind::Context)),
        "{:?}",
        w.notes
    );
    let Resolved::Gazetteer { alternatives, .. } = &w.how else {
        panic!("{:?}", w.how)
    };
    assert!(alternatives.len() >= 2, "{alternatives:?}");
    // With nothing else to go by, the ambiguity is flagged.
    let alone = build_text(
        "[[waypoints]]\nid = \"a\"\nplace = \"Springfield\"\n[[waypoints]]\nid = \"b\"\nplace = \"Springfield\"\ncountry = \"US\"\n",
    );
    assert!(
        alone.waypoints[0]
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::Ambiguous),
        "{:?}",
        alone.waypoints[0].notes
    );

    let r = build_text(&TWO_PLACES.replace("PLACE", "Vladivostk"));
    let w = &r.waypoints[0];
    assert_eq!(w.place.as_ref().unwrap().name, "Vladivostok");
    assert!(
        w.notes.iter().any(|n| n.kind == NoteKind::Fuzzy),
        "{:?}",
        w.notes
    );
    // Coordinates are taken as given.
    assert!(r.waypoints[1].notes.is_empty());
    assert_eq!(r.waypoints[1].how, Resolved::Coordinates);
}

/// Issue 12: a mark with a timeline event gets the story's window, not a projection; the
/// others are estimates from the latest story window before them.
#[test]
fn mark_times_use_the_story_windows() {
    let r = build_text(DEFAULT);
    let train = &r.journeys[0];
    let at = |id: &str| train.times.iter().find(|t| t.waypoint == id).unwrap();
    let khasan = at("khasan");
    assert_eq!(khasan.source, TimeSource::Story);
    assert_eq!(
        khasan
            .window
            .earliest
            .strftime("%Y-%m-%dT%H:%M%:z")
            .to_string(),
        "2023-09-12T00:00+10:00"
    );
    assert_eq!(at("pyongyang").source, TimeSource::Story);
    let tumangang = at("tumangang");
    assert_eq!(tumangang.source, TimeSource::Estimate);
    assert!(tumangang.window.earliest < khasan.window.latest);
    // The bridge, 5 km before Khasan, is reached before Khasan's window ends: the estimate
    // runs up to that window, not a day earlier only.
    let bridge = at("bridge");
    assert!(bridge.window.latest <= khasan.window.latest);
    assert!(
        bridge.window.latest > khasan.window.earliest,
        "{:?}",
        bridge.window
    );
    let baranovsky = at("baranovsky");
    assert_eq!(baranovsky.source, TimeSource::Estimate);
    assert!(baranovsky.window.earliest > khasan.window.earliest);
}

/// A story's `place` reads a country after a comma as `locate` does: "Khasan, RU" used to be
/// taken as a division called "RU" and not found.
#[test]
fn a_country_after_a_comma_narrows_a_place() {
    let r = build_text(&TWO_PLACES.replace("PLACE", "Khasan, RU"));
    let p = r.waypoints[0].place.as_ref().unwrap();
    assert_eq!(
        (p.name.as_str(), p.country.as_deref()),
        ("Khasan", Some("RU"))
    );
    // An explicit `country` still wins over the text's tail.
    let text = TWO_PLACES.replace("PLACE", "Springfield, IL").replace(
        "place = \"Springfield, IL\"",
        "place = \"Springfield\"\ncountry = \"US\"",
    );
    let r = build_text(&text);
    assert_eq!(
        r.waypoints[0].place.as_ref().unwrap().country.as_deref(),
        Some("US")
    );
}

/// Issue 16: an ambiguous name is read beside the story's other places.
#[test]
fn ambiguous_names_are_read_in_the_story_context() {
    let text = r#"
[[waypoints]]
id = "a"
place = "Alexandria"
[[waypoints]]
id = "dc"
at = "38.895, -77.036"
[[legs]]
from = "a"
to = "dc"
mode = "road"
"#;
    let r = build_text(text);
    let w = &r.waypoints[0];
    assert_eq!(
        w.place.as_ref().unwrap().country.as_deref(),
        Some("US"),
        "{:?}",
        w.notes
    );
    assert!(
        w.notes.iter().any(|n| n.kind == NoteKind::Context),
        "{:?}",
        w.notes
    );
    // Alone, the name is the Egyptian city.
    let alone = build_text(&text.replace("38.895, -77.036", "31.2, 29.9"));
    assert_eq!(
        alone.waypoints[0]
            .place
            .as_ref()
            .unwrap()
            .country
            .as_deref(),
        Some("EG")
    );
}

/// Issue 16: `airport = true` moves the ends of the air leg to Pyongyang Sunan (FNJ) and
/// Vladivostok (VVO) and says so; the rail legs from and to the same waypoints keep their
/// chainage, and without the key the air leg stays the 684.5 km between the city points.
#[test]
fn airport_key_moves_only_the_air_legs_ends() {
    let text = DEFAULT
        .replace(
            "id = \"pyongyang\"\n",
            "id = \"pyongyang\"\nairport = true\n",
        )
        .replace(
            "id = \"vladivostok\"\n",
            "id = \"vladivostok\"\nairport = \"UHWW\"\n",
        );
    let with = build_text(&text);
    let without = build_text(DEFAULT);
    let air = |r: &Route| {
        r.journeys
            .iter()
            .flat_map(|j| &j.legs)
            .find(|l| l.mode == Mode::Air)
            .cloned()
            .unwrap()
    };
    assert!((air(&without).length.as_km() - 684.5).abs() < 0.1);
    let a = air(&with);
    let fnj_vvo_km = crate::geodesy::distance(
        crate::coord::LatLon::new(39.2241, 125.67).unwrap(),
        crate::coord::LatLon::new(43.399, 132.148).unwrap(),
    )
    .as_km();
    assert!(
        (a.length.as_km() - fnj_vvo_km).abs() < 2.0,
        "{}",
        a.length.as_km()
    );
    assert!((a.length.as_km() - 684.5).abs() > 20.0);
    let notes: Vec<String> = a.notes.iter().map(|n| n.text.clone()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Pyongyang → Pyongyang International Airport (FNJ)")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("(VVO)") && n.contains("as the story names it")),
        "{notes:?}"
    );
    assert!(a.notes.iter().any(|n| n.kind == NoteKind::Snap));
    // The rail journey is the same to the metre.
    let rail = |r: &Route| r.journeys[0].length().as_m();
    assert_eq!(rail(&with), rail(&without));
    assert_eq!(
        with.waypoint("vladivostok").unwrap().at,
        without.waypoint("vladivostok").unwrap().at
    );
}
