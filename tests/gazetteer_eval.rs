//! The gazetteer against names from another source: CLDR city names in twelve languages and
//! seven scripts, with Natural Earth positions (data/eval/gazetteer_eval.tsv; the figures and
//! every miss: `cargo run --release --example gazetteer_eval`).
//!
//! Issue 16 asks for 97 % of names within 10 km (99 % of places over 100,000 people). The
//! bundled data does not reach that yet (see data/README.md, "Evaluation"): this test holds
//! the figures reached, so that no change makes them worse, and the set's breadth.

use routecheck::gazetteer::Gazetteer;
use routecheck::gazetteer::evaluation::{Asked, evaluate, parse_eval, shares};

const EVAL_TSV: &str = include_str!("../data/eval/gazetteer_eval.tsv");

#[test]
fn issue_16_names_in_many_scripts_resolve_near_their_reference() {
    let names = parse_eval(EVAL_TSV).unwrap();
    let mut countries: Vec<&str> = names.iter().map(|n| n.country.as_str()).collect();
    countries.sort();
    countries.dedup();
    let mut langs: Vec<&str> = names.iter().map(|n| n.lang.as_str()).collect();
    langs.sort();
    langs.dedup();
    assert!(
        names.len() >= 300 && countries.len() >= 40,
        "{} names, {} countries",
        names.len(),
        countries.len()
    );
    assert!(langs.len() >= 10, "{langs:?}");
    let g = Gazetteer::load_default().unwrap();
    let outcomes = evaluate(&g, &names, Asked::InCountry);
    let ((h, t), (lh, lt)) = shares(&outcomes);
    let (all, large) = (h as f64 / t as f64, lh as f64 / lt as f64);
    // With the GPL-2.0-or-later names of data/world/other_names.tsv (`--features gpl-names`)
    // and without them (the default build, with data/world/weather_names.tsv only).
    let (floor_all, floor_large) = if cfg!(feature = "gpl-names") {
        (0.927, 0.972)
    } else {
        (0.881, 0.946)
    };
    assert!(all >= floor_all, "{h}/{t} within 10 km");
    assert!(large >= floor_large, "{lh}/{lt} large places within 10 km");
}
