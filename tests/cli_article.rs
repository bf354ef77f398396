//! Issue 15: `check --article` on readable articles never ends in an error (exit 2): with
//! nothing to check it says "cannot check" and how to go on; several articles are read as one
//! story.

use assert_cmd::Command;
use predicates::prelude::*;

fn routecheck() -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear();
    c
}

fn article(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write article");
    p
}

#[test]
fn issue_15_an_article_with_no_places_and_no_figures_cannot_be_checked_but_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(
        dir.path(),
        "talks.txt",
        "The two leaders held talks. TASS said they went well, and Kim Jong Un smiled.\n",
    );
    routecheck()
        .args(["check", "--no-map", "--article"])
        .arg(&a)
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("cannot check")
                .and(predicate::str::contains("routecheck extract"))
                .and(predicate::str::contains(
                    "\"TASS\" is not read as a place: a news agency",
                )),
        );
    let out = routecheck()
        .args(["check", "--no-map", "--json", "--article"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["verdict"], "cannot check");
}

#[test]
fn issue_15_one_place_and_several_articles() {
    let dir = tempfile::tempdir().unwrap();
    let one = article(
        dir.path(),
        "one.txt",
        "Crowds gathered in Vladivostok on Monday.\n",
    );
    routecheck()
        .args(["check", "--no-map", "--article"])
        .arg(&one)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Vladivostok"));
    let two = article(
        dir.path(),
        "two.txt",
        "The president's motorcade drove from Paris to Lyon, a 390 km trip.\n",
    );
    routecheck()
        .args(["check", "--no-map", "--article"])
        .arg(&one)
        .arg(&two)
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("Paris → Lyon (road)")
                .and(predicate::str::contains("390 km Paris → Lyon")),
        );
}
