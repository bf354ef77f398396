//! Gazetteer timings: exact and alias lookups, fuzzy top-5 over every name, nearest places.
//!
//! cargo bench --bench gazetteer

use std::sync::OnceLock;

use divan::{Bencher, black_box};
use routecheck::coord::LatLon;
use routecheck::gazetteer::{Context, Gazetteer, Query};

fn main() {
    divan::main();
}

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::load_default().expect("bundled gazetteer"))
}

/// Loading the bundled tables (the world table is read in place).
#[divan::bench(sample_count = 20)]
fn load_default() -> Gazetteer {
    Gazetteer::load_default().expect("bundled gazetteer")
}

/// Loading, then the first division name (which parses the admin1 table).
#[divan::bench(sample_count = 20)]
fn load_and_first_division_name() -> Option<String> {
    let g = Gazetteer::load_default().expect("bundled gazetteer");
    g.admin1_name("RU", "59").map(str::to_string)
}

#[divan::bench(args = ["Vladivostok", "Khasan", "Ussuriysk"])]
fn resolve_exact(b: Bencher, name: &str) {
    let g = gaz();
    let q = Query::name(name);
    b.bench(|| g.resolve(black_box(&q)).map(|r| r.matched));
}

#[divan::bench(args = ["P'yŏngyang", "평양", "Hasan", "الخرطوم"])]
fn resolve_alias(b: Bencher, name: &str) {
    let g = gaz();
    let q = Query::name(name);
    b.bench(|| g.resolve(black_box(&q)).map(|r| r.matched));
}

/// The sentence saying why a place was chosen, written only when shown.
#[divan::bench(args = ["Vladivostok", "Hasan"])]
fn why(b: Bencher, name: &str) {
    let r = gaz().resolve(&Query::name(name)).expect("bundled place");
    b.bench(|| black_box(&r).why());
}

/// Airports by IATA code, ICAO code and name.
#[divan::bench(args = ["RZE", "UHWW", "Vladivostok International Airport"])]
fn resolve_airport(b: Bencher, name: &str) {
    let g = gaz();
    let q: Query = name.parse().expect("query");
    b.bench(|| g.resolve(black_box(&q)).map(|r| r.matched));
}

/// Airports by their short names ("Heathrow" ranks the airport above a town of that name).
#[divan::bench(args = ["Heathrow", "Charles de Gaulle", "Schiphol"])]
fn resolve_airport_short_name(b: Bencher, name: &str) {
    let g = gaz();
    let q: Query = name.parse().expect("query");
    b.bench(|| g.resolve(black_box(&q)).map(|r| r.matched));
}

/// A fresh gazetteer's first airport lookup, load included: what `locate LHR` pays (the
/// airports are found in place through the committed name index, not indexed at first use).
#[divan::bench(args = ["LHR", "Heathrow", "Heathrow Airport", "Charles de Gaulle"], sample_count = 20)]
fn load_and_first_airport(name: &str) -> Option<String> {
    let g = Gazetteer::load_default().expect("bundled gazetteer");
    let q: Query = name.parse().expect("query");
    g.resolve(&q).ok().map(|r| r.place.id)
}

/// A name ten places share, read beside a story's other place (Washington, D.C.).
#[divan::bench(args = ["Alexandria", "Springfield", "Хасан"])]
fn resolve_in_context(b: Bencher, name: &str) {
    let g = gaz();
    let q = Query::name(name);
    let ctx = Context::default().near(LatLon {
        lat: 38.895,
        lon: -77.036,
    });
    b.bench(|| g.resolve_in(black_box(&q), &ctx).map(|r| r.matched));
}

/// A misspelling nothing is close to: the did-you-mean search on the error path.
#[divan::bench(args = ["Vladivostock-xq", "Vladivsotokk"])]
fn unknown_with_suggestions(b: Bencher, name: &str) {
    let g = gaz();
    g.suggest("warm up", 1);
    let q = Query::name(name);
    b.bench(|| g.resolve(black_box(&q)).is_err());
}

/// Close spellings as a process that asks many misspelt names meets them: from memory, the
/// keys decoded once (see `gazetteer/key_cache.rs`).
#[divan::bench(args = ["Vladivostk", "Przemysl", "Ulan Batr", "Pyongyan", "Khabarovks"])]
fn fuzzy_top5(b: Bencher, name: &str) {
    let g = gaz();
    g.prepare_fuzzy();
    b.bench(|| g.suggest(black_box(name), 5));
}

/// Loading, then decoding every key into memory: what a process pays once, at its 40th
/// misspelt name (or when it asks).
#[divan::bench(sample_count = 10)]
fn load_and_prepare_fuzzy() -> usize {
    let g = Gazetteer::load_default().expect("bundled gazetteer");
    g.prepare_fuzzy();
    g.suggest("Vladivostk", 5).len()
}

/// A misspelt name as a fresh process meets it: loading, then the first fuzzy lookup.
#[divan::bench(sample_count = 20, args = ["Vladivostk", "Pyongyan"])]
fn load_and_first_fuzzy(name: &str) -> usize {
    let g = Gazetteer::load_default().expect("bundled gazetteer");
    g.suggest(black_box(name), 5).len()
}

#[divan::bench]
fn near_5(b: Bencher) {
    let g = gaz();
    let p = LatLon {
        lat: 42.43,
        lon: 130.64,
    };
    g.near(p, 1, None);
    b.bench(|| g.near(black_box(p), 5, None));
}

#[divan::bench]
fn near_1(b: Bencher) {
    let g = gaz();
    let p = LatLon {
        lat: 48.8566,
        lon: 2.3522,
    };
    g.near(p, 1, None);
    b.bench(|| g.near(black_box(p), 1, None));
}
