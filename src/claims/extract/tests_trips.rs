//! Issue 15, claim recall: a trip's duration or length whose sentence names fewer than two
//! places, or no speed, still becomes a claim where the article gives what it needs, with
//! every assumption listed; where it does not, a note says why.

use super::*;
use crate::story::ClaimKind;

fn gaz() -> Gazetteer {
    let mut places = super::tests::cities();
    places.push(Place::test_point("Russia", PlaceKind::Other, 61.5, 105.3));
    Gazetteer::from_places(places)
}

fn kinds(x: &Extraction) -> Vec<&'static str> {
    x.claims.iter().map(|c| c.kind.name()).collect()
}

#[test]
fn a_rail_trips_duration_is_bounded_by_the_fastest_trains() {
    let x = extract(
        "The journey by train between London and Edinburgh takes 4 hours 20 minutes.",
        "Paper",
        &gaz(),
    );
    let Some(ClaimKind::DurationAtSpeed {
        from,
        to,
        speed,
        duration,
        distance,
    }) = x.claims.first().map(|c| &c.kind)
    else {
        panic!("{:?} {:?}", x.claims, x.notes)
    };
    assert_eq!(
        (from.as_deref(), to.as_deref()),
        (Some("london"), Some("edinburgh"))
    );
    assert_eq!(speed.text, "1–350 km/h");
    // The parts of the duration joined, in English.
    assert_eq!(duration.text, "260 minutes");
    assert!(distance.is_none());
    // The bound's source is said in the draft.
    assert!(
        x.choices
            .iter()
            .any(|c| c.contains("data/article/top_speeds.tsv")),
        "{:?}",
        x.choices
    );
    // The draft is a valid story.
    x.to_story("t", "t.toml").unwrap();
}

#[test]
fn a_sentence_without_places_takes_the_last_two_and_says_so() {
    let x = extract(
        "The train runs from London to Edinburgh. The line is some 650 km long.",
        "Paper",
        &gaz(),
    );
    let d = x
        .claims
        .iter()
        .find(|c| c.kind.name() == "distance")
        .unwrap_or_else(|| panic!("{:?} {:?}", x.claims, x.notes));
    let ClaimKind::Distance {
        from, to, value, ..
    } = &d.kind
    else {
        unreachable!()
    };
    assert_eq!((from.as_str(), to.as_str()), ("london", "edinburgh"));
    assert_eq!(value.text, "some 650 km");
    assert!(
        x.choices
            .iter()
            .any(|c| c.contains("the last two places the article named")),
        "{:?}",
        x.choices
    );
}

#[test]
fn an_assumed_pair_that_does_not_fit_the_figure_is_a_note() {
    // Chicago to Los Angeles is 2,800 km: a 40 km line is not between them.
    let x = extract(
        "The train runs from Chicago to Los Angeles. The line is 40 km long.",
        "Paper",
        &gaz(),
    );
    assert!(!kinds(&x).contains(&"distance"), "{:?}", x.claims);
    assert!(
        x.notes.iter().any(|n| n.contains("do not fit it")),
        "{:?}",
        x.notes
    );
}

#[test]
fn a_time_saved_and_a_trip_with_no_bound_are_notes() {
    let x = extract(
        "The journey by train between London and Edinburgh was cut by 20 minutes.",
        "Paper",
        &gaz(),
    );
    assert!(!kinds(&x).contains(&"duration_at_speed"), "{:?}", x.claims);
    assert!(
        x.notes.iter().any(|n| n.contains("a time saved")),
        "{:?}",
        x.notes
    );
    // No train, no speed: nothing bounds the trip's average.
    let x = extract(
        "The journey between London and Edinburgh takes 9 hours.",
        "Paper",
        &gaz(),
    );
    assert!(!kinds(&x).contains(&"duration_at_speed"), "{:?}", x.claims);
    assert!(
        x.notes
            .iter()
            .any(|n| n.contains("no speed in the sentence or the article")),
        "{:?}",
        x.notes
    );
}

#[test]
fn a_trip_between_stops_that_go_round_is_measured_on_a_leg_of_its_own() {
    // The stops make London → Chicago → Edinburgh, so London → Edinburgh along the legs
    // crosses the Atlantic twice: the trip's claim is measured on a leg London → Edinburgh
    // of its own, placed first, never along the others.
    let x = extract(
        "The train went from London to Chicago. Then it went from Chicago to Edinburgh. The journey by train between London and Edinburgh takes 4 hours.",
        "Paper",
        &gaz(),
    );
    assert!(kinds(&x).contains(&"duration_at_speed"), "{:?}", x.claims);
    let legs: Vec<(String, String)> = x.legs().into_iter().map(|l| (l.from, l.to)).collect();
    assert_eq!(
        legs[0],
        ("london".to_string(), "edinburgh".to_string()),
        "{legs:?}"
    );
    assert!(
        x.choices
            .iter()
            .any(|c| c.contains("the journey reaches the two only round other stops")),
        "{:?}",
        x.choices
    );
}

#[test]
fn a_length_in_a_clause_without_places_is_not_the_other_clauses_trip() {
    let x = extract(
        "The new train covers the 385 km that separate the two cities, while a British train covers the 444 km between London and Edinburgh.",
        "Paper",
        &gaz(),
    );
    let lengths: Vec<(&str, &str, &str)> = x
        .claims
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Distance {
                from, to, value, ..
            } => Some((from.as_str(), to.as_str(), value.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        lengths,
        [("london", "edinburgh", "444 km")],
        "{:?}",
        x.notes
    );
}

#[test]
fn a_flight_does_not_start_in_the_middle_of_a_country() {
    // "Russia" is an area: the flight's two ends are towns, so this sentence names one.
    let x = extract(
        "The plane, five hours into the flight, was over Russia when it turned back to London.",
        "Paper",
        &gaz(),
    );
    assert!(!kinds(&x).contains(&"flight"), "{:?}", x.claims);
}

fn world() -> Gazetteer {
    let mut places = super::tests::cities();
    for (name, lat, lon, pop) in [
        ("Perth", -31.9522, 115.8614, 1_896_548),
        ("Jakarta", -6.2146, 106.8451, 8_540_121),
        ("Napier", -39.4926, 176.9120, 57_240),
        ("Wellington", -41.2866, 174.7756, 381_900),
        ("Detroit", 42.3314, -83.0457, 677_116),
        ("Los Angeles", 34.0522, -118.2437, 3_971_883),
        ("Delta", 41.5737, -84.0052, 3_121),
        ("Dar es Salaam", -6.8235, 39.2695, 5_383_728),
        ("Dodoma", -6.1722, 35.7395, 180_541),
        ("Dara", 15.3484, -15.4799, 7_000),
    ] {
        places.push(Place {
            population: Some(pop),
            ..Place::test_point(name, PlaceKind::City, lat, lon)
        });
    }
    Gazetteer::from_places(places)
}

#[test]
fn a_length_whose_places_the_draft_reaches_by_a_detour_is_of_unstated_measure() {
    // The legs run London → Perth → Jakarta: along them, London → Jakarta would pass Perth,
    // and a 7,275-mile route between the two would be judged off by thousands of miles.
    let x = extract(
        "The airline has launched nonstop flights between London and Perth. At 9,009 miles, it is longer than the 7,275-mile route between London and Jakarta.",
        "Paper",
        &world(),
    );
    let jakarta = x.claims.iter().find_map(|c| match &c.kind {
        ClaimKind::Distance {
            from, to, measure, ..
        } if to == "jakarta" || from == "jakarta" => Some(*measure),
        _ => None,
    });
    assert_eq!(
        jakarta,
        Some(crate::story::DistanceMeasure::Unstated),
        "{:?} {:?}",
        x.legs(),
        x.stops
    );
    assert!(
        x.choices.iter().any(|n| n.contains("unstated measure")),
        "{:?}",
        x.choices
    );
}

#[test]
fn a_length_off_the_coast_is_where_a_ship_lay_not_its_trip() {
    let x = extract(
        "After leaving Napier for Wellington, the ketch, which was about forty miles off the land, was blown back up the coast.",
        "Paper",
        &world(),
    );
    assert!(!kinds(&x).contains(&"distance"), "{:?}", x.claims);
    assert!(
        x.notes.iter().any(|n| n.contains("\"off the land\"")),
        "{:?}",
        x.notes
    );
}

#[test]
fn an_airline_named_by_its_first_name_is_the_airline() {
    let x = extract(
        "A Delta Air Lines flight took off from Detroit for Shanghai. The crew decided to divert to Delta’s hub in Los Angeles.",
        "Paper",
        &world(),
    );
    let ids: Vec<&str> = x.waypoints.iter().map(|w| w.id.as_str()).collect();
    assert!(!ids.contains(&"delta"), "{ids:?}");
    assert!(ids.contains(&"los-angeles"), "{ids:?}");
}

#[test]
fn a_name_with_a_lower_case_particle_is_read_whole() {
    let x = extract(
        "The new line runs from Dar es Salaam to Dodoma.",
        "Paper",
        &world(),
    );
    let ids: Vec<&str> = x.waypoints.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["dar-es-salaam", "dodoma"], "{:?}", x.notes);
}

#[test]
fn a_length_covered_in_a_time_is_checked_at_the_top_speed() {
    let x = extract(
        "The train can reach 320 km/h. It connects London and Edinburgh, covering a distance of 142 kilometers in about 45 minutes.",
        "Paper",
        &world(),
    );
    let arithmetic = x.claims.iter().find_map(|c| match &c.kind {
        ClaimKind::DurationAtSpeed {
            distance: Some(d),
            speed,
            duration,
            ..
        } => Some((d.text.clone(), speed.text.clone(), duration.text.clone())),
        _ => None,
    });
    assert_eq!(
        arithmetic,
        Some((
            "142 kilometers".to_string(),
            "1–320 km/h".to_string(),
            "about 45 minutes".to_string()
        )),
        "{:?}",
        x.notes
    );
    assert!(
        x.choices
            .iter()
            .chain(&x.notes)
            .any(|n| n.contains("the article's top speed as the upper end")),
        "{:?}",
        x.choices
    );
}

#[test]
fn three_towns_joined_by_dashes_are_a_route_from_the_first_to_the_last() {
    let x = extract(
        "The Detroit-Chicago-Edinburgh train will take about 20 hours.",
        "Paper",
        &world(),
    );
    let pair = x.claims.iter().find_map(|c| match &c.kind {
        ClaimKind::DurationAtSpeed {
            from: Some(f),
            to: Some(t),
            ..
        }
        | ClaimKind::Flight { from: f, to: t, .. } => Some((f.clone(), t.clone())),
        _ => None,
    });
    assert_eq!(
        pair,
        Some(("detroit".to_string(), "edinburgh".to_string())),
        "{:?} {:?}",
        x.claims,
        x.notes
    );
}

#[test]
fn a_change_of_a_trips_time_is_one_saving_claim_per_clause() {
    let x = extract(
        "The new line will cut the rail journey between London and Edinburgh from the current 4 hours 20 minutes to 3 hours 50 minutes, saving 30 minutes.",
        "Paper",
        &gaz(),
    );
    let savings: Vec<&ClaimKind> = x
        .claims
        .iter()
        .map(|c| &c.kind)
        .filter(|k| matches!(k, ClaimKind::Saving { .. }))
        .collect();
    let [
        ClaimKind::Saving {
            from,
            to,
            before,
            after,
            saved,
            speed,
        },
    ] = savings.as_slice()
    else {
        panic!("{:?} {:?}", x.claims, x.notes)
    };
    assert_eq!(
        (from.as_deref(), to.as_deref()),
        (Some("london"), Some("edinburgh"))
    );
    assert_eq!(
        before.as_ref().map(|a| a.text.as_str()),
        Some("260 minutes")
    );
    assert_eq!(after.as_ref().map(|a| a.text.as_str()), Some("230 minutes"));
    // "saving 30 minutes" stands in a clause of its own: not joined to the change.
    assert!(saved.is_none(), "{saved:?}");
    assert_eq!(speed.as_ref().map(|a| a.text.as_str()), Some("1–350 km/h"));
    // Its figures are not drafted again as trip durations.
    assert!(!kinds(&x).contains(&"duration_at_speed"), "{:?}", x.claims);

    // Two changes in one sentence, each with its own places.
    let x = extract(
        "Trains will cut travel time between London and Edinburgh to 4 hours from 5 hours, and between Pyongyang and Vladivostok to 20 hours from 30 hours.",
        "Paper",
        &gaz(),
    );
    let pairs: Vec<(Option<&str>, Option<&str>)> = x
        .claims
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Saving { from, to, .. } => Some((from.as_deref(), to.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (Some("london"), Some("edinburgh")),
            (Some("pyongyang"), Some("vladivostok"))
        ],
        "{:?} {:?}",
        x.claims,
        x.notes
    );
}

#[test]
fn a_time_saved_beside_the_former_time_gives_the_new_one() {
    let x = extract(
        "The train between London and Edinburgh was more than 30 minutes faster than the usual 4 hours 20 minutes.",
        "Paper",
        &gaz(),
    );
    let Some(ClaimKind::Saving {
        before,
        after,
        saved,
        ..
    }) = x
        .claims
        .iter()
        .map(|c| &c.kind)
        .find(|k| matches!(k, ClaimKind::Saving { .. }))
    else {
        panic!("{:?} {:?}", x.claims, x.notes)
    };
    assert_eq!(
        before.as_ref().map(|a| a.text.as_str()),
        Some("260 minutes")
    );
    assert!(after.is_none());
    assert_eq!(
        saved.as_ref().map(|a| a.text.as_str()),
        Some("more than 30 minutes")
    );
}

#[test]
fn a_duration_between_a_start_and_an_end_the_travel_words_mark_is_a_trip() {
    // No word such as "journey" or "trip": "from … to …" alone makes the two towns a trip.
    let x = extract(
        "The new trains run from London to Edinburgh in 4 hours at up to 200 km/h.",
        "Paper",
        &gaz(),
    );
    let Some(ClaimKind::DurationAtSpeed {
        from, to, duration, ..
    }) = x
        .claims
        .iter()
        .map(|c| &c.kind)
        .find(|k| matches!(k, ClaimKind::DurationAtSpeed { .. }))
    else {
        panic!("{:?} {:?}", x.claims, x.notes)
    };
    assert_eq!(
        (from.as_deref(), to.as_deref(), duration.text.as_str()),
        (Some("london"), Some("edinburgh"), "4 hours")
    );
}

#[test]
fn a_trip_the_journey_reaches_only_round_other_stops_gets_a_leg_of_its_own() {
    // GeoNames cities500 points: Paris 2988507, Rennes 2983990, Bordeaux 3031582.
    let mut places = super::tests::cities();
    for (name, lat, lon, pop) in [
        ("Paris", 48.85341, 2.3488, 2_138_551),
        ("Rennes", 48.11198, -1.67429, 209_375),
        ("Bordeaux", 44.84044, -0.5805, 231_844),
    ] {
        places.push(Place {
            population: Some(pop),
            country: Some("FR".into()),
            ..Place::test_point(name, PlaceKind::City, lat, lon)
        });
    }
    let gaz = Gazetteer::from_places(places);
    let x = extract(
        "Avec les nouvelles lignes à grande vitesse, le TGV relie Paris-Rennes en 1h25 au lieu de 2h04. Le trajet Paris-Bordeaux se fait en 2h04 au lieu de 3h14.",
        "Radio",
        &gaz,
    );
    let pairs: Vec<(Option<&str>, Option<&str>)> = x
        .claims
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Saving { from, to, .. } => Some((from.as_deref(), to.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (Some("paris"), Some("rennes")),
            (Some("paris"), Some("bordeaux"))
        ],
        "{:?} {:?}",
        x.claims,
        x.notes
    );
    // The stops run Paris → Rennes → Bordeaux; Paris → Bordeaux is measured on a leg of
    // its own, placed first so that the route between the two is that leg.
    let legs: Vec<(String, String)> = x.legs().into_iter().map(|l| (l.from, l.to)).collect();
    assert_eq!(
        legs[0],
        ("paris".to_string(), "bordeaux".to_string()),
        "{legs:?}"
    );
    assert!(
        x.choices
            .iter()
            .any(|c| c.contains("measured on a leg of its own, paris → bordeaux")),
        "{:?}",
        x.choices
    );
}

#[test]
fn a_length_takes_the_two_towns_of_its_own_clause_in_a_sentence_of_more() {
    let x = extract(
        "Trains such as the London-Edinburgh Express will arrive early, while the Chicago-Los Angeles Special will complete its 3,600-km journey 115 minutes early.",
        "Paper",
        &gaz(),
    );
    let Some(ClaimKind::Distance { from, to, .. }) = x
        .claims
        .iter()
        .map(|c| &c.kind)
        .find(|k| matches!(k, ClaimKind::Distance { .. }))
    else {
        panic!("{:?} {:?}", x.claims, x.notes)
    };
    assert_eq!((from.as_str(), to.as_str()), ("chicago", "los-angeles"));
}

#[test]
fn a_length_the_sentence_calls_the_straight_line_is_checked_as_one() {
    let x = extract(
        "As the crow flies, the distance between London and Edinburgh is 534 km.",
        "Paper",
        &gaz(),
    );
    let Some(ClaimKind::Distance { measure, .. }) = x
        .claims
        .iter()
        .map(|c| &c.kind)
        .find(|k| matches!(k, ClaimKind::Distance { .. }))
    else {
        panic!("{:?} {:?}", x.claims, x.notes)
    };
    assert_eq!(*measure, crate::story::DistanceMeasure::Straight);
}

#[test]
fn a_speed_checked_through_its_duration_is_not_drafted_again() {
    let x = extract(
        "The line from London to Edinburgh is 650 km long. The first train covered the journey in 2 hours 30 minutes, setting an average speed of 260 km/h.",
        "Paper",
        &gaz(),
    );
    let k = kinds(&x);
    assert!(k.contains(&"duration_at_speed"), "{k:?} {:?}", x.notes);
    assert!(!k.contains(&"speed"), "{k:?}");
}

#[test]
fn a_speed_that_describes_a_train_is_not_the_journeys() {
    let x = extract(
        "Experts raced an aircraft from London to Edinburgh against one of the tilting 125mph Pendolinos.",
        "Paper",
        &gaz(),
    );
    assert!(!kinds(&x).contains(&"speed"), "{:?}", kinds(&x));
    assert!(
        x.notes.iter().any(|n| n.contains("125mph")),
        "{:?}",
        x.notes
    );
}

#[test]
fn a_length_between_a_town_and_no_town_takes_no_other_pair() {
    let x = extract(
        "The 109-km line between the city of London and the Xingshan County, both in England, will connect the Chicago-Los Angeles Railway.",
        "Paper",
        &gaz(),
    );
    assert!(!kinds(&x).contains(&"distance"), "{:?}", x.claims);
    assert!(
        x.notes.iter().any(|n| n.contains("one of the two places")),
        "{:?}",
        x.notes
    );
}

#[test]
fn a_duration_before_a_contrast_is_not_about_the_other_clauses_pair() {
    let x = extract(
        "The new train took five hours to cover the 385 km, while a British train takes four hours to cover the 534 km between London and Edinburgh.",
        "Paper",
        &gaz(),
    );
    let durations: Vec<&str> = x
        .claims
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::DurationAtSpeed { duration, .. } => Some(duration.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(!durations.contains(&"five hours"), "{:?}", x.claims);
    assert!(
        x.notes.iter().any(|n| n.contains("\"five hours\"")),
        "{:?}",
        x.notes
    );
}
