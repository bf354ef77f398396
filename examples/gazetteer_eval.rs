//! Evaluates the gazetteer on data/eval/gazetteer_eval.tsv (CLDR city names in twelve
//! languages, Natural Earth positions) and prints the figures, per language, and every miss.
//!
//!     cargo run --release --example gazetteer_eval

use routecheck::gazetteer::Gazetteer;
use routecheck::gazetteer::evaluation::{
    Asked, EvalOutcome, HIT_KM, MissKind, evaluate, parse_eval, shares,
};

const EVAL_TSV: &str = include_str!("../data/eval/gazetteer_eval.tsv");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = Gazetteer::load_default()?;
    // Five thousand lookups, most of them misspelt or in another script: decode the keys once.
    g.prepare_fuzzy();
    let names = parse_eval(EVAL_TSV)?;
    let bare = evaluate(&g, &names, Asked::Bare);
    let outcomes = evaluate(&g, &names, Asked::InCountry);
    println!("# misses, each name read in the context of its country, by kind");
    let mut misses: Vec<(MissKind, &EvalOutcome)> = (outcomes.iter())
        .filter_map(|o| Some((o.miss_kind()?, o)))
        .collect();
    // Stable: within a kind, the set's order.
    misses.sort_by_key(|(k, _)| *k);
    for (i, (kind, o)) in misses.iter().enumerate() {
        if i == 0 || misses[i - 1].0 != *kind {
            let n = misses.iter().filter(|(k, _)| k == kind).count();
            println!("## {} ({n})", kind.as_str());
        }
        let got = match (&o.chosen, o.off_km) {
            (Ok(p), Some(km)) => format!("{p}, {km:.0} km off"),
            (Ok(p), None) => p.clone(),
            (Err(e), _) => e.clone(),
        };
        println!(
            "miss {} {} ({}{}): {got}",
            o.name.lang,
            o.name.name,
            o.name.country,
            if o.large { ", large" } else { "" }
        );
    }
    let mut langs: Vec<&str> = outcomes.iter().map(|o| o.name.lang.as_str()).collect();
    langs.sort();
    langs.dedup();
    for l in langs {
        let of: Vec<_> = outcomes
            .iter()
            .filter(|o| o.name.lang == l)
            .cloned()
            .collect();
        let ((h, t), _) = shares(&of);
        println!("{l}: {h}/{t} within {HIT_KM} km ({:.1} %)", pct(h, t));
    }
    summary("bare names", &bare, &names);
    summary("in the context of their country", &outcomes, &names);
    Ok(())
}

fn summary(
    how: &str,
    outcomes: &[EvalOutcome],
    names: &[routecheck::gazetteer::evaluation::EvalName],
) {
    let ((h, t), (lh, lt)) = shares(outcomes);
    let mut countries: Vec<&str> = names.iter().map(|n| n.country.as_str()).collect();
    countries.sort();
    countries.dedup();
    println!(
        "{how}: {h}/{t} names within {HIT_KM} km ({:.1} %); places over 100,000 people: {lh}/{lt} ({:.1} %); {} countries",
        pct(h, t),
        pct(lh, lt),
        countries.len()
    );
}

fn pct(h: usize, t: usize) -> f64 {
    if t == 0 {
        0.0
    } else {
        100.0 * h as f64 / t as f64
    }
}
