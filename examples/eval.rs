//! Article reading measured on the labelled corpus (tests/corpus/, format in its README):
//! per article and in total, place precision and recall (a place found counts when within
//! 10 km of one the article means), quantity and claim precision, recall and F1, the verdicts
//! of the claims matched, whether `check --article` would exit 2, and every miss.
//!
//!     cargo run --example eval              # every article
//!     cargo run --example eval -- 07 12     # the articles whose names start with these
//!
//! The scoring is in tests/common/corpus_eval.rs, shared with tests/corpus_eval.rs (which
//! holds the figures as floors).

#[path = "../tests/common/corpus_eval.rs"]
mod corpus_eval;
#[path = "../tests/common/corpus_labels.rs"]
mod corpus_labels;

use corpus_eval::{HIT_KM, line, run_engine, score, totals};
use corpus_labels::{CORPUS_DIR, load_corpus};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let only: Vec<String> = std::env::args().skip(1).collect();
    let articles = load_corpus(CORPUS_DIR)?;
    let articles: Vec<_> = articles
        .into_iter()
        .filter(|a| only.is_empty() || only.iter().any(|o| a.name.starts_with(o.as_str())))
        .collect();
    for a in &articles {
        let problems = a.problems();
        if !problems.is_empty() {
            return Err(format!("{}: {}", a.name, problems.join("; ")).into());
        }
    }
    let pipeline = routecheck::pipeline::Pipeline::new()?;
    let mut scores = Vec::new();
    for a in &articles {
        let found = run_engine(a, &pipeline);
        let s = score(a, &found);
        println!(
            "{} ({}, {}){}",
            a.name,
            a.header.outlet,
            a.header.date,
            if s.exit2 { "  EXIT 2" } else { "" }
        );
        println!("  {}", line(s.places, s.quantities, s.claims));
        for m in &s.misses {
            println!("  - {m}");
        }
        scores.push(s);
    }
    let t = totals(&scores);
    println!();
    println!(
        "TOTAL over {} articles (places within {HIT_KM} km; sums over articles)",
        t.articles
    );
    println!("  {}", line(t.places, t.quantities, t.claims));
    println!(
        "  timeline events (date, time and zone as labelled): P {:.2} ({}/{}) R {:.2} ({}/{})",
        t.events.precision(),
        t.events.right,
        t.events.found,
        t.events.recall(),
        t.events.hit,
        t.events.labelled
    );
    println!(
        "  verdicts as expected on matched claims: {}/{}; claims refuted that should not be: {}",
        t.verdicts.0, t.verdicts.1, t.false_refutations
    );
    println!(
        "  articles on which `check --article` would exit 2: {}/{}",
        t.exit2, t.articles
    );
    let misses: Vec<String> = t.misses.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("  misses by kind: {}", misses.join(", "));
    // The articles added last as held out (labelled before the rules of the rounds after),
    // on their own: how the reading does on text it was not tuned on.
    let held: Vec<_> = articles
        .iter()
        .zip(&scores)
        .filter(|(a, _)| HELD_OUT.iter().any(|h| a.name.starts_with(h)))
        .map(|(_, s)| s.clone())
        .collect();
    if !held.is_empty() && held.len() < scores.len() {
        let h = totals(&held);
        println!(
            "HELD OUT ({} articles: {}–{})",
            h.articles,
            HELD_OUT[0],
            HELD_OUT[HELD_OUT.len() - 1]
        );
        println!("  {}", line(h.places, h.quantities, h.claims));
        println!(
            "  claims refuted that should not be: {}",
            h.false_refutations
        );
    }
    Ok(())
}

/// The last articles added as held out (see tests/corpus_eval.rs).
const HELD_OUT: &[&str] = &["52", "53", "54", "55", "56", "57"];
