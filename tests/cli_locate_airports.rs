//! `routecheck locate` with airports' short names ("Heathrow", "Schiphol"), as news reports
//! write them (issue 16).

use assert_cmd::Command;
use predicates::prelude::*;

fn routecheck() -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear();
    c
}

#[test]
fn issue_16_locate_finds_airports_by_their_short_names() {
    for (q, want) in [
        (
            "Heathrow",
            "Heathrow → London Heathrow Airport (airport, GB",
        ),
        (
            "Schiphol",
            "Schiphol → Amsterdam Airport Schiphol (airport, NL",
        ),
        (
            "Sheremetyevo",
            "→ Sheremetyevo International Airport (airport, RU",
        ),
        (
            "Charles de Gaulle",
            "→ Charles de Gaulle International Airport (airport, FR",
        ),
    ] {
        routecheck()
            .args(["locate", q])
            .assert()
            .success()
            .stdout(predicate::str::contains(want));
    }
}

#[test]
fn issue_16_a_town_of_the_same_name_comes_first_unless_the_kind_is_airport() {
    routecheck()
        .args(["locate", "Narita"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Narita → Narita (city, JP"))
        .stdout(predicate::str::contains("Narita International Airport").not());
    routecheck()
        .args(["locate", "Narita", "--kind", "airport"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Narita → Narita International Airport (airport, JP",
        ));
    // The smaller town far away is listed as the other candidate.
    routecheck()
        .args(["locate", "Heathrow"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Heathrow (US, Florida, city"));
}

#[test]
fn issue_16_locate_finds_an_airport_by_its_short_name_and_the_word_airport() {
    for (q, want) in [
        (
            "Heathrow Airport",
            "Heathrow Airport → London Heathrow Airport (airport, GB",
        ),
        (
            "Narita Airport",
            "Narita Airport → Narita International Airport (airport, JP",
        ),
    ] {
        routecheck()
            .args(["locate", q])
            .assert()
            .success()
            .stdout(predicate::str::contains(want));
    }
    // A place with no airport of its name is not made one.
    routecheck()
        .args(["locate", "Przemysl airport"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Przemyśl"));
}
