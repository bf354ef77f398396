//! `check --article` builds the story with `Extraction::to_story`; `extract` writes it with
//! `Extraction::to_toml`. Both must give the same story: the same waypoints, legs and claims.
//!
//! Runs on the seed news articles (plain text, kept outside the repository because they are
//! the outlets' copyright): `$ROUTECHECK_SEEDS`, else `../shared/seeds` beside the checkout.
//! Without them it still runs on the short articles below, and says that it skipped the seeds.

use std::path::{Path, PathBuf};

use routecheck::claims::extract::extract_all;
use routecheck::gazetteer::Gazetteer;
use routecheck::story::Story;

/// Articles written for this test: several outlets, a river, every mode word.
const OWN: [(&str, &str); 3] = [
    (
        "Harbour News",
        "The ferry from Vladivostok crossed the Razdolnaya River and reached Ussuriysk, about 90 km (56 miles) away, at most 40 knots.",
    ),
    (
        "AFP",
        "It would take at least 20 hours for Kim to reach Vladivostok from Pyongyang on a 1,200 kilometre (745 miles) journey by train, at around 60 kilometres per hour.",
    ),
    (
        "AP",
        "An Air Koryo plane flew from Pyongyang for about an hour to reach Vladivostok, which is about 425 miles (680 kilometers) north of Pyongyang.",
    ),
];

fn seeds() -> Option<Vec<(String, String)>> {
    let dir = std::env::var_os("ROUTECHECK_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let outlet = p.file_stem().unwrap().to_string_lossy().into_owned();
            (outlet, std::fs::read_to_string(p).expect("a readable seed"))
        })
        .collect();
    (!articles.is_empty()).then_some(articles)
}

/// The two stories agree on everything but the file lines (a value built in memory has none).
fn assert_same(from_toml: &Story, built: &Story, what: &str) {
    let wps = |s: &Story| {
        s.waypoints
            .iter()
            .map(|w| (&w.id, &w.place, w.at, &w.name, &w.country, w.kind))
            .map(|t| format!("{t:?}"))
            .collect::<Vec<_>>()
    };
    let legs = |s: &Story| {
        s.legs
            .iter()
            .map(|l| format!("{:?}", (&l.from, &l.to, &l.via, l.mode, l.speed, l.dwell)))
            .collect::<Vec<_>>()
    };
    assert_eq!(wps(from_toml), wps(built), "{what}: waypoints");
    assert_eq!(legs(from_toml), legs(built), "{what}: legs");
    assert_eq!(from_toml.claims, built.claims, "{what}: claims");
    assert_eq!(from_toml.meta.title, built.meta.title, "{what}: title");
    assert_eq!(from_toml.meta.id, built.meta.id, "{what}: id");
}

fn compare(articles: &[(String, String)], gaz: &Gazetteer, what: &str) -> usize {
    let x = extract_all(articles, gaz);
    let title = format!("Draft from {what}");
    let path = format!("{what} (extracted)");
    let from_toml = Story::parse(&x.to_toml(&title), &path)
        .unwrap_or_else(|e| panic!("{what}: the draft does not parse: {e}"));
    let built = x
        .to_story(&title, &path)
        .unwrap_or_else(|e| panic!("{what}: to_story: {e}"));
    assert_same(&from_toml, &built, what);
    built.claims.len() + built.waypoints.len()
}

#[test]
fn to_story_and_parsing_to_toml_give_the_same_story() {
    let gaz = Gazetteer::load_default().unwrap();
    let own: Vec<(String, String)> = OWN
        .iter()
        .map(|(o, t)| (o.to_string(), t.to_string()))
        .collect();
    for a in &own {
        compare(std::slice::from_ref(a), &gaz, &a.0);
    }
    // Together, as `check --article a --article b` extracts them.
    let found = compare(&own, &gaz, "own articles");
    assert!(
        found >= 8,
        "the articles give claims and places to compare: {found}"
    );

    let Some(seeds) = seeds() else {
        eprintln!("seed articles not found (set ROUTECHECK_SEEDS): compared the own articles only");
        return;
    };
    // One at a time (several together is the own articles' case above; the seeds are long
    // and extraction in a debug build is slow).
    let mut found = 0;
    for a in &seeds {
        found += compare(std::slice::from_ref(a), &gaz, &a.0);
    }
    assert!(found > 0, "the seeds give claims and places to compare");
}

/// A claim the story rules refuse is refused by `to_story` too, with the parser's message.
#[test]
fn to_story_runs_the_claim_validation() {
    let gaz = Gazetteer::load_default().unwrap();
    let articles = [(OWN[1].0.to_string(), OWN[1].1.to_string())];
    let mut x = extract_all(&articles, &gaz);
    let Some(c) = x.claims.iter_mut().find(|c| c.kind.name() == "distance") else {
        panic!("a distance claim in {:?}", x.claims);
    };
    if let routecheck::story::ClaimKind::Distance { to, .. } = &mut c.kind {
        *to = "atlantis".into();
    }
    let e = x.to_story("t", "t.txt").unwrap_err().to_string();
    assert!(e.contains("\"atlantis\" is not a waypoint id"), "{e}");
}
