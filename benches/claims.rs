//! Claims benchmarks: checking the default story's claims, writing the reports, and article
//! extraction throughput.
//!
//! `cargo bench --bench claims`. The default story is checked with its waypoints given as
//! coordinates (so the figures do not depend on the gazetteer's size).
//!
//! Medians measured on 2 shared cores (load average 3–4), November 2026, after the rail
//! network merge (rail legs measured by chainage): default story end to end (parse, route,
//! check 16 claims, table) 471 µs; `check_all` 70 µs; reports: table 29 µs, Markdown 25 µs,
//! JSON 76 µs; extraction 9.6 MB/s, quantity scanning alone 34.6 MB/s. The whole
//! `routecheck check` process on the default story with coordinates for its places (release
//! build): median 2.7 ms.

use divan::counter::BytesCount;
use routecheck::claims::{self, extract};
use routecheck::gazetteer::Gazetteer;
use routecheck::report;
use routecheck::route::{self, Route, RouteOptions};
use routecheck::story::Story;

fn main() {
    divan::main();
}

const DEFAULT: &str = include_str!("../data/stories/kim-jong-un-train-2023-09.toml");

/// The default story with coordinates for its places and zones for its events.
fn default_with_coordinates() -> String {
    let at = [
        ("Pyongyang", "39.0339, 125.7543"),
        ("Tumangang", "42.3453, 130.6189"),
        ("Korea–Russia Friendship Bridge", "42.4225, 130.6436"),
        ("Khasan", "42.4306, 130.6437"),
        ("Baranovsky", "43.7363, 131.9472"),
        ("Ussuriysk", "43.8028, 131.9461"),
        ("Vladivostok", "43.1115, 131.8819"),
        ("Razdolnaya River", "43.55, 131.9"),
    ];
    let mut out = String::new();
    for line in DEFAULT.lines() {
        if line.starts_with("country = ") || line == "kind = \"river\"" {
            continue;
        }
        if let Some(name) = line
            .strip_prefix("place = \"")
            .and_then(|r| r.strip_suffix('"'))
            && let Some((_, c)) = at.iter().find(|(n, _)| *n == name)
        {
            out.push_str(&format!("at = \"{c}\"\n"));
            continue;
        }
        if line.starts_with("earliest = 2023-09-10") {
            out.push_str("tz = \"Asia/Pyongyang\"\n");
        }
        if line.starts_with("earliest = 2023-09-12") {
            out.push_str("tz = \"Asia/Vladivostok\"\n");
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn build(text: &str) -> (Story, Route) {
    let s = Story::parse(text, "default.toml").expect("story parses");
    let r = route::build(
        &s,
        &Gazetteer::from_places(Vec::new()),
        &RouteOptions::default(),
    )
    .expect("route builds");
    (s, r)
}

/// Parse, route, check and write the table: the whole pipeline without the map.
#[divan::bench]
fn default_story_end_to_end(bencher: divan::Bencher) {
    let text = default_with_coordinates();
    bencher.bench(|| {
        let (s, r) = build(divan::black_box(&text));
        let checked = claims::check_all(&s, &r);
        report::table(&s, &r, &checked, false)
    });
}

#[divan::bench]
fn check_all_default_claims(bencher: divan::Bencher) {
    let (s, r) = build(&default_with_coordinates());
    bencher.bench(|| claims::check_all(divan::black_box(&s), &r));
}

#[divan::bench(args = ["table", "md", "json"])]
fn report(bencher: divan::Bencher, format: &str) {
    let (s, r) = build(&default_with_coordinates());
    let checked = claims::check_all(&s, &r);
    bencher.bench(|| match format {
        "table" => report::table(&s, &r, &checked, true),
        "md" => report::markdown(&s, &r, &checked),
        _ => report::json(&s, &r, &checked),
    });
}

/// An article of our own (a rail trip across Europe, numbers and names in every sentence),
/// repeated to about 1 MB.
fn article() -> String {
    let para = "The night train from Vienna to Hamburg covers some 1,100 km (684 miles) in about 14 hours. \
It leaves at 19:30 and, after a stop in Linz, runs at up to 230 km/h on the new line through Nuremberg. \
Passengers told the Example Post that the sleeper cars were quieter than the old ones, though the train \
was delayed by two and a half hours near Würzburg. A flight between the two cities takes an hour and \
20 minutes on an Airbus A320, and the 742 mi (1,194 km) drive takes at least 11 hours. Hamburg lies \
north-west of Vienna; Linz, west of Vienna, is the first stop. Engineers said the locomotive had been \
limited to less than 160 km/h since March, when a fault was found during an inspection in Munich.\n\n";
    para.repeat(1_000_000 / para.len() + 1)
}

fn europe() -> Gazetteer {
    use routecheck::coord::LatLon;
    use routecheck::gazetteer::{Place, PlaceGeometry, PlaceKind, Source};
    let place = |name: &str, lat: f64, lon: f64| Place {
        id: name.to_string(),
        name: name.to_string(),
        aliases: vec![],
        kind: PlaceKind::City,
        country: None,
        admin1: None,
        admin1_name: None,
        geometry: PlaceGeometry::Point(LatLon { lat, lon }),
        population: None,
        tz: None,
        source: Source {
            dataset: "bench".into(),
            id: "0".into(),
        },
    };
    Gazetteer::from_places(vec![
        place("Vienna", 48.2082, 16.3738),
        place("Hamburg", 53.5511, 9.9937),
        place("Linz", 48.3069, 14.2858),
        place("Nuremberg", 49.4521, 11.0767),
        place("Würzburg", 49.7913, 9.9534),
        place("Munich", 48.1351, 11.5820),
    ])
}

#[divan::bench]
fn extract_article(bencher: divan::Bencher) {
    let text = article();
    let gaz = europe();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| extract::extract(divan::black_box(&text), "Example Post", &gaz));
}

#[divan::bench]
fn scan_quantities_only(bencher: divan::Bencher) {
    let text = article();
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        extract::sentences(&text)
            .iter()
            .map(|s| extract::quantities(&text, s.start, s.end).len())
            .sum::<usize>()
    });
}
