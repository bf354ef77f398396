//! Issue 15: clock times with their zones become timeline events of the draft story, and
//! figures in other languages are read as those languages write them.

use super::*;
use crate::story::ClaimKind;

fn gaz() -> Gazetteer {
    let mut places = super::tests::cities();
    places.push(Place {
        population: Some(12_506_468),
        ..Place::test_point("Moscow", PlaceKind::City, 55.7522, 37.6156)
    });
    Gazetteer::from_places(places)
}

#[test]
fn clock_times_with_zones_become_events() {
    let x = extract(
        "Kim's train left Pyongyang on September 10, 2023 at 15:00 local time. It arrived in Vladivostok at 10 a.m. Moscow time on September 12.",
        "Wire",
        &gaz(),
    );
    assert_eq!(x.events.len(), 2, "{:?}", x.notes);
    let (left, arrived) = (&x.events[0], &x.events[1]);
    assert_eq!(left.what, "left Pyongyang");
    assert_eq!(left.at, "pyongyang");
    assert_eq!(left.earliest.to_string(), "2023-09-10T15:00:00");
    // Local time: the place's own zone, which the route reads from the waypoint.
    assert_eq!(left.tz, None);
    assert_eq!(arrived.what, "arrived at Vladivostok");
    assert_eq!(arrived.earliest.to_string(), "2023-09-12T10:00:00");
    assert_eq!(arrived.tz.as_deref(), Some("Europe/Moscow"));
    assert!(
        x.notes
            .iter()
            .any(|n| n.contains("Moscow time (Europe/Moscow)")),
        "{:?}",
        x.notes
    );
    // The draft is a story: the events are on its timeline.
    let story = x.to_story("t", "t.txt").unwrap();
    assert_eq!(story.events.len(), 2);
    let toml = x.to_toml("t");
    assert!(
        toml.contains("time = 2023-09-12T10:00:00\ntz = \"Europe/Moscow\""),
        "{toml}"
    );
    assert!(
        crate::story::Story::parse(&toml, "draft.toml").is_ok(),
        "{toml}"
    );
}

#[test]
fn a_time_with_no_zone_is_assumed_local_and_one_with_no_date_is_a_note() {
    let x = extract(
        "On 12 September 2023 the train reached Khasan at 6 a.m. and left at 18:00 (UTC+10).",
        "Wire",
        &gaz(),
    );
    assert_eq!(x.events.len(), 2, "{:?}", x.notes);
    assert!(
        x.notes
            .iter()
            .any(|n| n.contains("no zone given: assumed the local time at Khasan")),
        "{:?}",
        x.notes
    );
    assert_eq!(x.events[1].tz.as_deref(), Some("Etc/GMT-10"));
    assert_eq!(x.events[0].id, "reached-khasan");
    let x = extract(
        "The train reached Khasan at 6 a.m. local time.",
        "Wire",
        &gaz(),
    );
    assert!(x.events.is_empty());
    assert!(
        x.notes
            .iter()
            .any(|n| n.contains("\"6 a.m. local time\": the article gives no date")),
        "{:?}",
        x.notes
    );
}

#[test]
fn figures_in_other_languages_reach_the_claims_in_english() {
    let x = extract(
        "Der Zug fährt von Pyongyang nach Wladiwostok und legt dabei 1.200 km zurück. Die Fahrt dauert knapp 20 Stunden mit einer Geschwindigkeit von 60 km/h, sagte der Sprecher der Bahn.",
        "Zeitung",
        &gaz(),
    );
    assert!(
        x.notes
            .iter()
            .any(|n| n.contains("read as German") && n.contains("\"1.200 km\" = 1,200 km")),
        "{:?}",
        x.notes
    );
    // Never flagged as ambiguous in a language that groups thousands with a dot.
    assert!(
        !x.notes.iter().any(|n| n.contains("two readings")),
        "{:?}",
        x.notes
    );
    let speed = x
        .claims
        .iter()
        .find_map(|c| match &c.kind {
            ClaimKind::Speed { value, .. } => Some(value.text.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(speed, "60 km/h");
    let x = extract(
        "Поезд Москва — Владивосток проходит 9 288 км примерно за 6 суток, говорится в сообщении.",
        "ТАСС",
        &gaz(),
    );
    assert!(
        x.notes.iter().any(|n| n.contains("read as Russian")),
        "{:?}",
        x.notes
    );
    assert_eq!(x.quantities, 2, "{:?}", x.notes);
}

#[test]
fn a_design_or_limit_speed_is_noted_not_drafted() {
    let x = extract(
        "While the trains can reach 350 kilometers per hour between Pyongyang and Vladivostok, the operational speed will be limited to 300 kilometers per hour.",
        "Wire",
        &gaz(),
    );
    assert!(
        !x.claims.iter().any(|c| c.kind.name() == "speed"),
        "{:?}",
        x.claims
    );
    assert!(
        x.notes
            .iter()
            .any(|n| n.contains("\"350 kilometers per hour\": a design, top or limit speed")),
        "{:?}",
        x.notes
    );
    // The journey's own speed, and a cap on it, stay claims.
    for t in [
        "Kim's train travels at around 60 kilometres per hour.",
        "The heavy train reaches a top speed of just 60 km/h.",
    ] {
        let x = extract(t, "Wire", &gaz());
        assert!(
            x.claims.iter().any(|c| c.kind.name() == "speed"),
            "{t}: {:?}",
            x.notes
        );
    }
}

#[test]
fn russian_place_names_are_read_in_any_case() {
    assert!(super::places::uninflected("Новосибирске").contains(&"Новосибирск".to_string()));
    assert!(super::places::uninflected("Пхеньяна").contains(&"Пхеньян".to_string()));
    assert!(super::places::uninflected("Москвы").contains(&"Москва".to_string()));
    // Latin script and short words are left alone.
    assert!(super::places::uninflected("Berlin").is_empty());
    assert!(super::places::uninflected("Ом").is_empty());
    let mut places = super::tests::cities();
    places.push(Place {
        population: Some(12_506_468),
        aliases: vec!["Москва".to_string()],
        ..Place::test_point("Moscow", PlaceKind::City, 55.7522, 37.6156)
    });
    let x = extract(
        "Первый поезд из Москвы отправится 17 июня, говорится в сообщении.",
        "ТАСС",
        &Gazetteer::from_places(places),
    );
    assert!(
        x.waypoints.iter().any(|w| w.place.name == "Moscow"),
        "{:?} {:?}",
        x.waypoints,
        x.unresolved
    );
}

#[test]
fn a_date_with_a_travel_verb_is_an_event_that_day() {
    let x = extract(
        "Kim's train left Pyongyang on September 10, 2023, state media said.",
        "Wire",
        &gaz(),
    );
    assert_eq!(x.events.len(), 1, "{:?}", x.notes);
    let e = &x.events[0];
    assert_eq!(e.what, "left Pyongyang");
    assert_eq!(e.earliest.to_string(), "2023-09-10T00:00:00");
    assert_eq!(e.latest.to_string(), "2023-09-10T23:59:59");
    // A date with no travel in its sentence is no event.
    let x = extract(
        "Talks in Pyongyang began on September 10, 2023.",
        "Wire",
        &gaz(),
    );
    assert!(x.events.is_empty(), "{:?}", x.events);
}

#[test]
fn a_date_without_its_year_takes_the_publication_year() {
    let text = "Kim's train left Pyongyang on September 10, state media said.";
    // Without a year anywhere, the date is no event: the note says what is missing.
    let x = extract(text, "Wire", &gaz());
    assert!(x.events.is_empty(), "{:?}", x.events);
    let article = |published| Article {
        outlet: "Wire".into(),
        text: text.into(),
        published,
    };
    let x = extract_articles(&[article(jiff::civil::Date::new(2023, 9, 12).ok())], &gaz());
    assert_eq!(x.events.len(), 1, "{:?}", x.notes);
    assert_eq!(x.events[0].earliest.to_string(), "2023-09-10T00:00:00");
    // A full date in the text names the year before the publication date does.
    let told = Article {
        text: format!("{text} The trip of September 10, 2019 was his first."),
        ..article(jiff::civil::Date::new(2023, 9, 12).ok())
    };
    let x = extract_articles(&[told], &gaz());
    assert_eq!(x.events[0].earliest.to_string(), "2019-09-10T00:00:00");
}

#[test]
fn a_date_belongs_to_the_verb_before_it() {
    let x = extract(
        "Kim's train left Pyongyang on September 10, 2023 and reached Vladivostok two days later.",
        "Wire",
        &gaz(),
    );
    assert_eq!(x.events.len(), 1, "{:?}", x.events);
    assert_eq!(x.events[0].what, "left Pyongyang");
}
