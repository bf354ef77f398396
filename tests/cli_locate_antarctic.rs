//! `routecheck locate` with Antarctic research stations (from IANA tz zone.tab; issue 16).

use assert_cmd::Command;
use predicates::prelude::*;

fn routecheck() -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear();
    c
}

#[test]
fn issue_16_locate_finds_antarctic_stations() {
    for (q, want) in [
        (
            "Casey Station",
            "Casey Station → Casey (city, AQ, Antarctica/Casey) at 66.2833° S, 110.5167° E",
        ),
        ("Troll station", "→ Troll (city, AQ, Antarctica/Troll)"),
        ("Vostok, AQ", "→ Vostok (city, AQ, Antarctica/Vostok)"),
    ] {
        routecheck()
            .args(["locate", q])
            .assert()
            .success()
            .stdout(predicate::str::contains(want))
            .stdout(predicate::str::contains("IANA tz zone.tab"));
    }
}
