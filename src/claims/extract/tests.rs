//! Extraction on short sentences: from the seed articles (quoted as fixtures) and about other
//! journeys.

use super::*;
use crate::coord::LatLon;
use crate::gazetteer::PlaceGeometry;
use crate::story::ClaimKind;
use crate::story::Story;

/// What [`extract_articles`] reads from `text` as one wire article published on 12 September
/// 2023, among [`cities`]. Shared with the timeline and clock-account tests.
pub(super) fn wire_article(text: &str) -> Extraction {
    let a = Article {
        outlet: "Wire".into(),
        text: text.into(),
        published: jiff::civil::Date::new(2023, 9, 12).ok(),
    };
    extract_articles(&[a], &Gazetteer::from_places(cities()))
}

/// Test cities; populations are GeoNames cities500 figures (well-known places need no cue).
/// Shared with the language tests.
pub(super) fn cities() -> Vec<Place> {
    vec![
        Place {
            population: Some(3_222_000),
            ..Place::test_point("Pyongyang", PlaceKind::City, 39.0339, 125.7543)
        },
        Place {
            population: Some(604_901),
            ..Place::test_point("Vladivostok", PlaceKind::City, 43.1115, 131.8819)
        },
        Place::test_point("Khasan", PlaceKind::Station, 42.4306, 130.6437),
        Place {
            population: Some(8_961_989),
            ..Place::test_point("London", PlaceKind::City, 51.5074, -0.1278)
        },
        Place {
            population: Some(506_520),
            ..Place::test_point("Edinburgh", PlaceKind::City, 55.9533, -3.1883)
        },
        Place {
            population: Some(2_696_555),
            ..Place::test_point("Chicago", PlaceKind::City, 41.8781, -87.6298)
        },
        Place {
            population: Some(3_898_747),
            ..Place::test_point("Los Angeles", PlaceKind::City, 34.0522, -118.2437)
        },
    ]
}

/// The test cities, a country and a river.
fn gaz() -> Gazetteer {
    let mut places = cities();
    places.push(Place::test_point("Russia", PlaceKind::Other, 61.5, 105.3));
    places.push(Place {
        geometry: PlaceGeometry::Lines(vec![vec![
            LatLon {
                lat: 43.9,
                lon: 131.2,
            },
            LatLon {
                lat: 43.5,
                lon: 132.2,
            },
        ]]),
        ..Place::test_point("Razdolnaya River", PlaceKind::River, 43.7, 131.7)
    });
    Gazetteer::from_places(places)
}

fn kinds(x: &Extraction) -> Vec<&'static str> {
    x.claims.iter().map(|c| c.kind.name()).collect()
}

#[test]
fn afp_sentence_gives_conversion_duration_and_speed() {
    let t = "It would take at least 20 hours for Kim to reach Vladivostok from Pyongyang on a 1,200 kilometre (745 miles) journey, assuming that Kim's special train travels at around 60 kilometres per hour, South Korean newspaper Chosun Ilbo said.";
    let x = extract(t, "AFP", &gaz());
    assert_eq!(x.quantities, 3);
    assert_eq!(
        kinds(&x),
        ["conversion", "distance", "duration_at_speed", "speed"]
    );
    match &x.claims[2].kind {
        ClaimKind::DurationAtSpeed {
            duration, speed, ..
        } => {
            assert_eq!(duration.text, "at least 20 hours");
            assert_eq!(speed.text, "around 60 kilometres per hour");
        }
        k => panic!("{k:?}"),
    }
    assert!(
        x.unresolved.contains(&"Chosun Ilbo".to_string()),
        "{:?}",
        x.unresolved
    );
    assert_eq!(x.mode, "rail");
}

#[test]
fn ap_sentences_give_direction_distance_crossing_and_flight() {
    let t = "Putin arrived in the eastern city of Vladivostok on Monday, according to Russia's TASS news agency. Putin's first meeting with Kim was held in 2019 in the city, which is about 425 miles (680 kilometers) north of Pyongyang. Russian news agencies reported that his train had crossed the Razdolnaya River, north of Vladivostok. Data from FlightRadar24.com showed an Air Koryo Antonov An-148 took off from Pyongyang on Tuesday and flew for about an hour to reach Vladivostok.";
    let x = extract(t, "AP", &gaz());
    assert_eq!(
        kinds(&x),
        ["conversion", "direction", "distance", "crossing", "flight"]
    );
    match &x.claims[2].kind {
        ClaimKind::Distance {
            from,
            to,
            measure,
            value,
        } => {
            assert_eq!((from.as_str(), to.as_str()), ("pyongyang", "vladivostok"));
            assert_eq!(*measure, crate::story::DistanceMeasure::Unstated);
            assert_eq!(value.text, "about 425 miles (680 kilometers)");
        }
        k => panic!("{k:?}"),
    }
    // The draft is a valid story.
    let toml = x.to_toml("AP draft");
    let s = Story::parse(&toml, "draft.toml").unwrap_or_else(|e| panic!("{e}\n{toml}"));
    assert_eq!(s.claims.len(), 5);
    assert!(s.waypoints.iter().any(|w| w.id == "razdolnaya-river"));
}

#[test]
fn upi_direction_and_speed_cap() {
    let t = "Kim arrives in Russia by train after crossing the border at Khasan, south of Vladivostok, on Tuesday. Kim's train moves at speeds of less than 40 mph, according to South Korean media reports.";
    let x = extract(t, "UPI", &gaz());
    assert_eq!(kinds(&x), ["direction", "speed"]);
    match &x.claims[1].kind {
        ClaimKind::Speed { value, .. } => assert_eq!(value.text, "less than 40 mph"),
        k => panic!("{k:?}"),
    }
    assert_eq!(x.claims[1].topic.as_deref(), Some("speed"));
}

#[test]
fn rfa_numbers_that_are_not_travel_claims_give_nothing() {
    let t = "Kim and Putin's last summit in April 2019 also took place in Vladivostok. The meeting came a mere two months after talks collapsed in Hanoi. As many as 30% of farmers in two northern provinces are unable to work.";
    let x = extract(t, "RFA", &gaz());
    assert!(x.claims.is_empty(), "{:?}", x.claims);
    assert_eq!(x.quantities, 0);
}

#[test]
fn a_repeated_caption_gives_one_claim() {
    let t = "Kim arrives after crossing the border at Khasan, south of Vladivostok, on Tuesday. 1 of 7 | Kim arrives after crossing the border at Khasan, south of Vladivostok, on Tuesday.";
    assert_eq!(kinds(&extract(t, "UPI", &gaz())), ["direction"]);
}

#[test]
fn yonhap_interval_is_noted() {
    let t = "The trip would mark the first such visit to Russia by Kim in nearly 4 1/2 years and his first trip abroad.";
    let x = extract(t, "Yonhap", &gaz());
    assert!(x.claims.is_empty());
    assert!(
        x.notes.iter().any(|n| n.contains("nearly 4 1/2 years")),
        "{:?}",
        x.notes
    );
}

#[test]
fn other_journeys_by_road_and_by_air() {
    let t = "We drove the 2,015 miles (3,243 km) from Chicago to Los Angeles in four days, rarely going over 70 mph. The flight from London to Edinburgh on an Airbus A320 took an hour and 20 minutes.";
    let x = extract(t, "Travel desk", &gaz());
    assert_eq!(x.mode, "road");
    assert_eq!(kinds(&x)[..2], ["conversion", "distance"]);
    // "from Chicago to Los Angeles in four days, rarely going over 70 mph": a trip whose
    // speed bounds its duration (not a speed claim with no timeline to check it on).
    assert!(
        x.choices
            .iter()
            .any(|c| c.contains("\"four days\" (Chicago → Los Angeles): checked at 1–113 km/h")),
        "{:?}",
        x.choices
    );
    assert!(
        kinds(&x).contains(&"duration_at_speed"),
        "{:?} {:?}",
        kinds(&x),
        x.notes
    );
    assert!(
        kinds(&x).contains(&"flight"),
        "{:?} {:?}",
        kinds(&x),
        x.notes
    );
    let toml = x.to_toml("Road trip");
    Story::parse(&toml, "draft.toml").unwrap_or_else(|e| panic!("{e}\n{toml}"));
}

#[test]
fn nothing_to_find_is_fine() {
    let x = extract("", "X", &gaz());
    assert!(x.claims.is_empty() && x.quantities == 0);
    let toml = x.to_toml("Empty");
    assert!(toml.contains("No claims found"));
    Story::parse(&toml, "draft.toml").unwrap();
}

#[test]
fn two_threads_read_an_article_as_one_does() {
    // Sentences with places, clock times, dates, trip figures and a caption repeated: what
    // each thread reads, and the order in which the second thread's claims are taken.
    let paragraph = "PYONGYANG, Sept 12 (Paper) - Kim left Pyongyang at 6 a.m. local time on \
        September 10, 2023 by train. The 1,180 km trip to Vladivostok took about 20 hours at \
        60 km/h. The train reached Khasan the next morning, then the city. From London to \
        Edinburgh is 534 km as the crow flies; the train takes 4 hours 20 minutes. ";
    let text = paragraph.repeat(40);
    let read = |two_threads: bool| {
        let mut x = Extraction::default();
        add_on(&mut x, &text, "Paper", None, &gaz(), two_threads);
        x.keep_joined_trips();
        x.to_toml("Paper")
    };
    let one = read(false);
    assert!(
        one.contains("[[claims]]") && one.contains("Vladivostok"),
        "{one}"
    );
    assert_eq!(read(true), one);
}
