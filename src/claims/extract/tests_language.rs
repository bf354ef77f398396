//! Issue 14: the language of travel claims, read from sentences written as news copy writes
//! them. One test per family of phrasings: numbers, hedges, conversions, idioms of time,
//! flights, and figures that cannot be read as they stand.

use super::*;
use crate::story::{ClaimKind, DistanceMeasure, Hedge, Story};
use crate::units::{LengthUnit, TimeUnit, Unit};

/// The shared test cities.
fn gaz() -> Gazetteer {
    Gazetteer::from_places(super::tests::cities())
}

/// The first route distance of the extraction: its text, hedge and value range in km.
fn distance(t: &str) -> (String, Hedge, f64, f64) {
    let x = extract(t, "Wire", &gaz());
    x.claims
        .iter()
        .find_map(|c| match &c.kind {
            ClaimKind::Distance { value, .. } => {
                let (lo, hi) = value.si();
                Some((value.text.clone(), value.hedge, lo / 1000.0, hi / 1000.0))
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no distance in {t:?}: {:?} {:?}", x.claims, x.notes))
}

/// The first speed claim's text and hedge.
fn speed(t: &str) -> (String, Hedge) {
    let x = extract(t, "Wire", &gaz());
    x.claims
        .iter()
        .find_map(|c| match &c.kind {
            ClaimKind::Speed { value, .. } => Some((value.text.clone(), value.hedge)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no speed in {t:?}: {:?}", x.notes))
}

fn notes(t: &str) -> Vec<String> {
    extract(t, "Wire", &gaz()).notes
}

#[test]
fn numbers_as_newsrooms_write_them() {
    // Space-grouped thousands were read as "200 km", a false +491.7 %.
    let d = distance("Kim's armoured train covered 1 200 km between Pyongyang and Vladivostok.");
    assert_eq!((d.2, d.3), (1200.0, 1200.0), "{d:?}");
    let d = distance("The line from Pyongyang to Vladivostok runs 1\u{a0}200\u{a0}km.");
    assert_eq!(d.2, 1200.0, "{d:?}");
    let d =
        distance("The train journey from Pyongyang to Vladivostok is some 1.2 thousand km long.");
    assert_eq!((d.1, d.2), (Hedge::About, 1200.0), "{d:?}");
    let d = distance(
        "Kim rode twelve hundred kilometres from Pyongyang to Vladivostok in his private train.",
    );
    assert_eq!(d.2, 1200.0, "{d:?}");
    let d = distance("They drove nearly a thousand miles from Chicago toward Los Angeles.");
    assert_eq!(d.1, Hedge::Nearly, "{d:?}");
    assert!((d.2 - 1609.344).abs() < 1e-9, "{d:?}");
    let d = distance("Dozens of kilometres separate Khasan from Vladivostok.");
    assert_eq!((d.2, d.3), (24.0, 99.0), "{d:?}");
}

#[test]
fn fractions_and_written_durations() {
    let x = extract(
        "The trip from Pyongyang to Vladivostok took two-and-a-half days, state media said.",
        "KCNA",
        &gaz(),
    );
    assert!(
        x.notes.iter().any(|n| n.contains("two-and-a-half days")),
        "{:?}",
        x.notes
    );
    for (t, hours) in [
        ("The flight from London to Edinburgh took 2½ hours.", 2.5),
        (
            "The flight from London to Edinburgh took an hour and a half.",
            1.5,
        ),
        (
            "Passengers on the flight from London to Edinburgh waited half an hour.",
            0.5,
        ),
    ] {
        let x = extract(t, "Wire", &gaz());
        let d = x
            .claims
            .iter()
            .find_map(|c| match &c.kind {
                ClaimKind::Flight { duration, .. } => Some(duration.si().0),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{t}: {:?} {:?}", x.claims, x.notes));
        assert!((d - hours * 3600.0).abs() < 1e-6, "{t}: {d}");
    }
}

#[test]
fn figures_that_cannot_be_read_one_way_are_noted() {
    let n = notes("The border at Khasan lies 1.200 km from Pyongyang, the agency said.");
    assert!(
        n.iter().any(
            |n| n.starts_with("Wire: \"1.200 km\" can be read two ways") && n.contains("1,200")
        ),
        "{n:?}"
    );
    let n = notes("Temperatures fell as the train climbed, and the gauge read -5 km in error.");
    assert!(n.iter().any(|n| n.contains("is negative")), "{n:?}");
    let n = notes("The odometer showed 0 km when the convoy left Pyongyang.");
    assert!(n.iter().any(|n| n.contains("is zero")), "{n:?}");
    // Minus signs that are not figures of ours stay silent.
    let n = notes("Temperatures of -5 degrees were forecast in Pyongyang.");
    assert!(!n.iter().any(|n| n.contains("negative")), "{n:?}");
}

#[test]
fn hedges_on_speeds() {
    assert_eq!(
        speed("The armoured train can travel no faster than 60 km/h, officials in Seoul say."),
        ("no faster than 60 km/h".into(), Hedge::AtMost)
    );
    assert_eq!(
        speed("The heavy train reaches a top speed of just 60 km/h."),
        ("a top speed of just 60 km/h".into(), Hedge::AtMost)
    );
    assert_eq!(
        speed("Its locomotives can go as fast as 80 km/h on good track.").1,
        Hedge::AtMost
    );
    assert_eq!(
        speed("The ferry sails at roughly 25 knots.").1,
        Hedge::About
    );
    assert_eq!(
        speed("The train averaged just over 20 km/h, the ministry said.").1,
        Hedge::JustOver
    );
    let (text, hedge) = speed("Trains on the line run at 40–60 km/h.");
    assert_eq!((text.as_str(), hedge), ("40–60 km/h", Hedge::Plain));
}

#[test]
fn ranges_and_hedged_distances() {
    let d = distance("Vladivostok lies 600 to 700 km from Pyongyang by air, officials said.");
    assert_eq!((d.2, d.3), (600.0, 700.0), "{d:?}");
    let d = distance("The journey from Pyongyang to Vladivostok is more than 1,100 km.");
    assert_eq!(d.1, Hedge::AtLeast);
    let d = distance("The rail trip from Pyongyang to Vladivostok runs just under 1,200 km.");
    assert_eq!(d.1, Hedge::Nearly);
}

#[test]
fn conversions_as_written() {
    for t in [
        "Kim's train travelled 1,200 km, or about 745 miles, from Pyongyang to Vladivostok.",
        "Kim's train travelled 1,200 km or 745 miles from Pyongyang to Vladivostok.",
    ] {
        let x = extract(t, "Wire", &gaz());
        let conv = x
            .claims
            .iter()
            .find_map(|c| match &c.kind {
                ClaimKind::Conversion { value } => Some(value.quantity),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{t}: {:?}", x.claims));
        assert_eq!(conv.value.unit, Unit::Length(LengthUnit::Kilometre));
        assert_eq!(
            conv.conversion.map(|c| (c.lo, c.unit)),
            Some((745.0, Unit::Length(LengthUnit::Mile)))
        );
        // The figure itself is checked too, as a distance.
        assert!(
            x.claims.iter().any(|c| matches!(
                &c.kind,
                ClaimKind::Distance {
                    measure: DistanceMeasure::Route,
                    ..
                }
            )),
            "{t}"
        );
    }
}

#[test]
fn idioms_of_time() {
    let n = notes(
        "Kim travelled to Russia for likely arms talks with President Vladimir Putin in his first trip abroad in four years.",
    );
    assert!(
        n.iter()
            .any(|n| n.contains("value = \"first trip abroad in four years\"")),
        "{n:?}"
    );
    let n = notes("Kim's train left Pyongyang the previous day, state media reported.");
    assert!(
        n.iter().any(|n| n.contains("when = \"the previous day\"")),
        "{n:?}"
    );
    let n = notes("The train travelled overnight and crossed the border early on Tuesday.");
    assert!(
        n.iter().any(|n| n.contains("when = \"overnight\"")),
        "{n:?}"
    );
    let x = extract(
        "Vladivostok is one hour ahead of Pyongyang, so Kim arrived just after noon local time.",
        "Wire",
        &gaz(),
    );
    let tz = x
        .claims
        .iter()
        .find_map(|c| match &c.kind {
            ClaimKind::TimeZone {
                place, of, offset, ..
            } => Some((place.clone(), of.clone(), offset.seconds)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{:?} {:?}", x.claims, x.notes));
    assert_eq!(tz, ("vladivostok".into(), "pyongyang".into(), 3600.0));
    // The offset is not also noted as a duration with nothing to check it against.
    assert!(
        !x.notes.iter().any(|n| n.contains("duration \"one hour\"")),
        "{:?}",
        x.notes
    );
    // The draft is a valid story.
    let toml = x.to_toml("Zones");
    Story::parse(&toml, "draft.toml").unwrap_or_else(|e| panic!("{e}\n{toml}"));
}

#[test]
fn a_flight_without_a_type_assumes_one() {
    let x = extract(
        "The one-hour flight from London to Edinburgh left on time.",
        "Wire",
        &gaz(),
    );
    let f = x
        .claims
        .iter()
        .find_map(|c| match &c.kind {
            ClaimKind::Flight {
                aircraft, duration, ..
            } => Some((aircraft.clone(), duration.quantity.value)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{:?} {:?}", x.claims, x.notes));
    assert_eq!(f.0, None);
    assert_eq!((f.1.lo, f.1.unit), (1.0, Unit::Duration(TimeUnit::Hour)));
    let x = extract(
        "An Air Koryo Ilyushin Il-62 flew Kim from Pyongyang to Vladivostok in about 90 minutes.",
        "Wire",
        &gaz(),
    );
    assert!(
        x.claims.iter().any(|c| matches!(
            &c.kind,
            ClaimKind::Flight { aircraft: Some(a), .. } if a == "Ilyushin Il-62"
        )),
        "{:?}",
        x.claims
    );
}
