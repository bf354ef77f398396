//! Issue 15: `check --article` on readable articles never ends in an error (exit 2): with
//! nothing to check it says "cannot check" and how to go on; several articles are read as one
//! story.

#[path = "common/article.rs"]
mod article_cmd;

use article_cmd::{article, routecheck};
use predicates::prelude::*;

/// `routecheck extract ARTICLE EXTRA…`: the exit code and the draft on standard output.
pub fn draft(article: &std::path::Path, extra: &[&str]) -> (Option<i32>, String) {
    let out = routecheck()
        .arg("extract")
        .arg(article)
        .args(extra)
        .output()
        .expect("routecheck runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
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

/// Issue 15: an article's publication date (`--date`, or an archive record's `date`) gives the
/// year of a date the text writes without one; a date that is not one is refused by name.
#[test]
fn issue_15_the_publication_date_gives_a_date_its_year() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(
        dir.path(),
        "miro.txt",
        "After leaving Napier on July 5 for Wellington, the ketch Miro was hove-to for four days.\n",
    );
    let draft = |extra: &[&str]| draft(&a, extra);
    let (code, text) = draft(&[]);
    assert_eq!(code, Some(0));
    assert!(!text.contains("[[events]]"), "no year, no event:\n{text}");
    let (code, text) = draft(&["--date", "1939-07-14"]);
    assert_eq!(code, Some(0));
    assert!(text.contains("time = 1939-07-05T00:00:00"), "{text}");
    assert!(text.contains("what = \"left Napier\""), "{text}");
    routecheck()
        .arg("extract")
        .arg(&a)
        .args(["--date", "14 July 1939"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("is not a date").and(predicate::str::contains("YYYY-MM-DD")),
        );
    routecheck()
        .arg("extract")
        .arg(&a)
        .args(["--date", "1939-07-14", "--date", "1939-07-15"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2 --date values for 1 articles"));
    // An archive record's RFC 3339 time is read by its date, as `--date` reads it.
    let (code, text) = draft(&["--date", "1939-07-14T09:00:00+12:00"]);
    assert_eq!(code, Some(0));
    assert!(text.contains("time = 1939-07-05T00:00:00"), "{text}");
}

/// "left on Friday", "yesterday", a clock time "this morning": days named relative to the
/// publication date are dated from it (EFE's caravan report was published on Saturday 30
/// April 2022), and each such date is said in the draft. Without the date they are not read.
#[test]
fn issue_15_weekdays_and_yesterday_are_dated_from_the_publication_date() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(
        dir.path(),
        "caravan.txt",
        "The caravan left Tapachula on Friday, walking north.\n\nThe group reached Huixtla yesterday afternoon.\n\nIt resumed its journey from Huixtla at 6:00 am this morning.\n",
    );
    let draft = |extra: &[&str]| draft(&a, extra).1;
    let text = draft(&[]);
    assert!(
        !text.contains("[[events]]"),
        "no publication date, no day:\n{text}"
    );
    let text = draft(&["--date", "2022-04-30"]);
    for want in [
        "time = 2022-04-29T00:00:00",
        "what = \"left Tapachula\"",
        "what = \"reached Huixtla\"",
        "time = 2022-04-30T06:00:00",
        "\"Friday\": 2022-04-29, from the publication date 2022-04-30",
        "\"yesterday\": 2022-04-29, from the publication date 2022-04-30",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
}

/// A dateline dates the copy: "yesterday" counts from it, not from a later publication date,
/// and the dateline is no event of its own.
#[test]
fn issue_15_yesterday_counts_from_the_dateline() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(
        dir.path(),
        "wire.txt",
        "VLADIVOSTOK, Sept. 12 (Reuters) - The armoured train left Khasan yesterday, officials said.\n",
    );
    let (_, text) = draft(&a, &["--date", "2023-09-14"]);
    assert!(text.contains("time = 2023-09-11T00:00:00"), "{text}");
    assert!(text.contains("what = \"left Khasan\""), "{text}");
    assert!(!text.contains("2023-09-12T00:00:00"), "{text}");
    assert!(!text.contains("2023-09-13T00:00:00"), "{text}");
}
