//! Issue 15, claim recall: a trip's duration that an article gives between two places
//! ("Paris-Rennes en 1h25") is checked from the terminal against the straight line and the
//! fastest scheduled trains, and a trip figure whose places the article does not fit is
//! listed as not used, never refuted on a guessed pair.

#[path = "common/article.rs"]
mod article_cmd;

use article_cmd::{article, routecheck};
use predicates::prelude::*;

#[test]
fn issue_15_a_dashed_trip_in_french_is_checked_as_plausible() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(
        dir.path(),
        "rtl.txt",
        "Paris-Rennes en 1h25 au lieu de 2h04. À partir du 2 juillet, les temps de trajet en TGV se réduisent grâce à deux nouvelles lignes.\n",
    );
    routecheck()
        .args(["check", "--no-map", "--article"])
        .arg(&a)
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("plausible")
                .and(predicate::str::contains("85 minutes"))
                .and(predicate::str::contains("1.0–367.5 km/h"))
                .and(predicate::str::contains("1 plausible, 0 off")),
        );
    // The draft says where the bound comes from.
    routecheck()
        .arg("extract")
        .arg(&a)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("speed = \"1–350 km/h\"")
                .and(predicate::str::contains("data/article/top_speeds.tsv")),
        );
}

#[test]
fn issue_15_a_length_the_named_places_do_not_fit_is_a_note_not_an_off() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(
        dir.path(),
        "mix.txt",
        "The train runs from Buenos Aires to Mar del Plata. A British train covers the 444 kilometres to London in under three hours.\n",
    );
    routecheck()
        .arg("extract")
        .arg(&a)
        .assert()
        .success()
        .stdout(predicate::str::contains("do not fit it; not drafted"));
    routecheck()
        .args(["check", "--no-map", "--article"])
        .arg(&a)
        .assert()
        .stdout(predicate::str::contains("0 claims: 0 hold, 0 off"));
}

#[test]
fn issue_15_a_figure_that_fits_another_place_of_an_ambiguous_name_is_not_off() {
    // "Newcastle" beside London: the gazetteer's pick (Newcastle, Northern Ireland, 491 km
    // in a straight line) makes 444 km by rail shorter than the straight line; Newcastle
    // upon Tyne (398 km) fits it. Which one is meant is not settled: plausible, never off.
    let dir = tempfile::tempdir().unwrap();
    let a = article(
        dir.path(),
        "newcastle.txt",
        "Un tren británico demora dos horas y 44 minutos en atravesar los 444 kilómetros entre Londres y Newcastle.\n",
    );
    routecheck()
        .args(["check", "--no-map", "--article"])
        .arg(&a)
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("\"Newcastle\" names several places")
                .and(predicate::str::contains("Newcastle upon Tyne"))
                .and(predicate::str::contains("0 off")),
        );
}
