//! `routecheck check --article FILE…`: read articles into a draft story and check it.
//!
//! A readable article never ends in an error: when the draft's legs cannot be routed, the
//! claims are checked without them (and the report says so); when nothing in the articles can
//! be checked, a "cannot check" report says why and how to correct the draft.

use routecheck::claims::extract::{Extraction, extract_articles};
use routecheck::pipeline::Pipeline;

use super::Format;
use super::check::{Args, finish};
use super::output::OutputDir;

pub fn run(
    a: &Args,
    checker: &Pipeline,
    format: Format,
    dir: Option<&mut OutputDir>,
    out: &mut dyn std::io::Write,
) -> miette::Result<u8> {
    let articles = super::extract::read_articles(&a.article, &a.outlet, &a.date)?;
    let x = extract_articles(&articles, &checker.gazetteer);
    summarise(&x);
    let title = super::extract::title(&a.article);
    let name = format!("{} (extracted)", a.article[0].display());
    let story = match x.to_story(&title, &name) {
        Ok(s) => s,
        Err(e) => return cannot_check(&x, &title, &format!("{e}"), format, out),
    };
    if story.waypoints.is_empty() && story.claims.is_empty() {
        let why = "the articles name no place the journey stops at and no figure to check";
        return cannot_check(&x, &title, why, format, out);
    }
    match checker.check(&story) {
        Ok(c) => finish(&c, &checker.gazetteer, format, false, dir, out),
        Err(e) if !story.legs.is_empty() => {
            // The legs cannot be routed: check what does not need them.
            eprintln!(
                "note: the draft's legs could not be measured ({e}); the claims are checked without legs. Correct the draft (`routecheck extract`) and re-run."
            );
            let mut bare = story.clone();
            bare.legs.clear();
            match checker.check(&bare) {
                Ok(c) => finish(&c, &checker.gazetteer, format, false, dir, out),
                Err(e2) => {
                    cannot_check(&x, &title, &format!("{e}; without legs: {e2}"), format, out)
                }
            }
        }
        Err(e) => cannot_check(&x, &title, &format!("{e}"), format, out),
    }
}

/// One line on standard error: what was read, and where the choices are listed.
fn summarise(x: &Extraction) {
    eprintln!(
        "read {} places ({} journey stops), {} claims; {} names not read as places, {} chosen by context (`routecheck extract` lists each with its reason)",
        x.waypoints.len(),
        x.stops.len(),
        x.claims.len(),
        x.not_places.len(),
        x.choices.len()
    );
}

/// The report for articles with nothing checkable: why, what was read, and how to go on.
fn cannot_check(
    x: &Extraction,
    title: &str,
    why: &str,
    format: Format,
    out: &mut dyn std::io::Write,
) -> miette::Result<u8> {
    let places: Vec<&str> = x.waypoints.iter().map(|w| w.place.name.as_str()).collect();
    let fix = "write the draft with `routecheck extract ARTICLE… -o draft.toml`, add or correct its waypoints, legs and claims, then run `routecheck check draft.toml`";
    let text = match format {
        Format::Json => {
            let v = serde_json::json!({
                "story": title,
                "verdict": "cannot check",
                "reason": why,
                "places": places,
                "claims": x.claims.len(),
                "not_places": x.not_places,
                "unresolved": x.unresolved,
                "notes": x.notes,
                "fix": fix,
            });
            format!("{v:#}\n")
        }
        _ => {
            let mut t = format!("{title}\n  cannot check: {why}\n");
            if !places.is_empty() {
                t.push_str(&format!("  places read: {}\n", places.join(", ")));
            }
            for n in x.not_places.iter().chain(&x.notes) {
                t.push_str(&format!("  {n}\n"));
            }
            t.push_str(&format!("  to go on: {fix}\n"));
            t
        }
    };
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}
