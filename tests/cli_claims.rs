//! CLI tests for `check` (formats, exit codes, bad claims, --article) and `extract`.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// A story of our own: London King's Cross to Edinburgh Waverley by train, with coordinates
/// (no gazetteer needed), a timeline and claims that hold, fail and disagree.
const UK: &str = r#"
[story]
id = "uk-rail"
title = "London to Edinburgh by train"

[[waypoints]]
id = "london"
at = "51.5308, -0.1238"
name = "London King's Cross"

[[waypoints]]
id = "york"
at = "53.9580, -1.0930"
name = "York"

[[waypoints]]
id = "edinburgh"
at = "55.9521, -3.1890"
name = "Edinburgh Waverley"

[[legs]]
from = "london"
to = "edinburgh"
via = ["york"]
mode = "direct"

[[events]]
id = "dep"
at = "london"
what = "left London"
time = 2024-05-01T10:00:00
tz = "Europe/London"

[[events]]
id = "arr"
at = "edinburgh"
what = "reached Edinburgh"
time = 2024-05-01T14:20:00
tz = "Europe/London"

[[claims]]
id = "straight"
outlet = "Paper A"
quote = "Edinburgh lies some 330 miles north of London."
kind = "distance"
from = "london"
to = "edinburgh"
value = "some 330 miles"
measure = "straight"

[[claims]]
id = "north"
outlet = "Paper A"
quote = "Edinburgh lies some 330 miles north of London."
kind = "direction"
place = "edinburgh"
of = "london"
direction = "north"

[[claims]]
id = "conv"
outlet = "Paper B"
quote = "a 393-mile (632 km) line"
kind = "conversion"
value = "393 miles (632 km)"

[[claims]]
id = "fast"
outlet = "Paper B"
quote = "trains average more than 100 mph"
kind = "speed"
topic = "train-speed"
value = "more than 100 mph"
average = true
from_event = "dep"
to_event = "arr"

[[claims]]
id = "slow"
outlet = "Paper C"
quote = "the trains crawl at under 50 mph"
kind = "speed"
topic = "train-speed"
value = "under 50 mph"
"#;

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn routecheck(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("routecheck").unwrap();
    c.env_clear().current_dir(dir);
    c
}

#[test]
fn table_report_and_exit_code_one_when_a_claim_fails() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "uk.toml", UK);
    routecheck(dir.path())
        .args(["check", "--out", "out"])
        .arg(&story)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("VERDICT"))
        .stdout(predicate::str::contains("holds"))
        .stdout(predicate::str::contains("contradicts"))
        .stdout(predicate::str::contains("paired with"))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn json_has_one_object_per_claim_with_stable_fields() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "uk.toml", UK);
    let out = routecheck(dir.path())
        .args(["check", "--format", "json", "--out", "out"])
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "routecheck.claims/2");
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 5);
    for c in claims {
        for field in [
            "id",
            "outlet",
            "quote",
            "kind",
            "claimed",
            "computed",
            "tolerance",
            "verdict",
            "arithmetic",
            "pairs",
        ] {
            assert!(c.get(field).is_some(), "{field} missing in {c}");
        }
    }
    let by_id = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap();
    assert_eq!(by_id("straight")["verdict"], "holds");
    assert_eq!(by_id("conv")["verdict"], "holds");
    // 534 km straight; the direct legs via York: about 540 km in 4 h 20 min ≈ 78 mph.
    assert_eq!(by_id("fast")["verdict"], "off");
    assert!(by_id("fast")["off_by_percent"].as_f64().unwrap() < 0.0);
    assert_eq!(by_id("slow")["verdict"], "contradicts");
    assert_eq!(by_id("slow")["contradicts"], "fast");
    assert_eq!(v["summary"]["off"], 1);
    // Issue 12: numbers, not only sentences.
    let straight = &by_id("straight")["figures"];
    assert!(straight["unit"].is_string(), "{straight}");
    assert!(
        straight["claimed"]["lo"].as_f64().unwrap() > 0.0,
        "{straight}"
    );
    assert!(
        straight["computed"]["lo"].as_f64().unwrap() > 0.0,
        "{straight}"
    );
    assert!(straight["accepted"]["hi"].as_f64().is_some(), "{straight}");
    let fast = &by_id("fast")["figures"];
    assert!(fast["deviation_percent"].as_f64().unwrap() < 0.0, "{fast}");
    // Every waypoint says what it resolved to, and how.
    for w in v["waypoints"].as_array().unwrap() {
        assert!(w["location"]["lat"].is_f64(), "{w}");
        assert!(w["resolved"]["by"].is_string(), "{w}");
        assert!(w["notes"].is_array(), "{w}");
    }
}

/// `--color always` and CLICOLOR_FORCE colour the table; NO_COLOR and pipes do not.
#[test]
fn colour_follows_the_flag_and_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "uk.toml", UK);
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = routecheck(dir.path());
        c.args(["check", "--no-map"]).args(args).arg(&story);
        for (k, v) in env {
            c.env(k, v);
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    assert!(run(&["--color", "always"], &[]).contains("\x1b["));
    assert!(run(&[], &[("CLICOLOR_FORCE", "1")]).contains("\x1b["));
    assert!(!run(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains("\x1b["));
    assert!(!run(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains("\x1b["));
    assert!(!run(&[], &[]).contains("\x1b["));
}

#[test]
fn markdown_report() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "uk.toml", UK);
    routecheck(dir.path())
        .args(["check", "--format", "md", "--out", "out"])
        .arg(&story)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "| Verdict | Claim | Outlet | Claimed | Computed |",
        ))
        .stdout(predicate::str::contains("## The arithmetic"))
        .stdout(predicate::str::contains(
            "> Edinburgh lies some 330 miles north of London.",
        ));
}

#[test]
fn all_holding_claims_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let end = UK.find("[[claims]]\nid = \"fast\"").unwrap();
    let story = write(dir.path(), "uk.toml", &UK[..end]);
    routecheck(dir.path())
        .args(["check", "--out", "out"])
        .arg(&story)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("3 claims: 3 hold"));
}

#[test]
fn a_bad_claim_names_the_file_line_and_fix() {
    let dir = tempfile::tempdir().unwrap();
    let bad = UK.replace(
        "to = \"edinburgh\"\nvalue = \"some 330 miles\"",
        "to = \"edinburg\"\nvalue = \"some 330 miles\"",
    );
    let story = write(dir.path(), "bad.toml", &bad);
    routecheck(dir.path())
        .args(["check", "--out", "out"])
        .arg(&story)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml:"))
        .stderr(predicate::str::contains("claim \"straight\""))
        .stderr(predicate::str::contains("did you mean \"edinburgh\""));
    let bad = UK.replace(
        "value = \"some 330 miles\"",
        "value = \"some 330 furlongs\"",
    );
    let story = write(dir.path(), "bad2.toml", &bad);
    routecheck(dir.path())
        .args(["check", "--out", "out"])
        .arg(&story)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("furlongs"));
}

#[test]
fn extract_writes_a_draft_story_and_check_article_checks_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        dir.path(),
        "ferry.txt",
        "The new ferry crosses the 33 km (21 miles) strait in about 50 minutes. Its top speed of 40 knots makes it the fastest in the fleet.\n",
    );
    let out = routecheck(dir.path())
        .args(["extract", "--outlet", "Harbour News"])
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let draft = String::from_utf8(out.stdout).unwrap();
    assert!(draft.contains("kind = \"conversion\""), "{draft}");
    assert!(draft.contains("outlet = \"Harbour News\""), "{draft}");
    assert!(
        draft.contains("value = \"top speed of 40 knots\""),
        "{draft}"
    );
    // The draft is itself a story `check` accepts.
    let story = write(dir.path(), "draft.toml", &draft);
    routecheck(dir.path())
        .args(["check", "--out", "out"])
        .arg(&story)
        .assert()
        .code(0);
    routecheck(dir.path())
        .args(["check", "--out", "out", "--article"])
        .arg(&article)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("33 km (21 miles)"));
    // --output writes the file.
    routecheck(dir.path())
        .args(["extract", "-o", "d2.toml"])
        .arg(&article)
        .assert()
        .code(0);
    assert!(dir.path().join("d2.toml").exists());
}

#[test]
fn extract_needs_a_readable_file() {
    let dir = tempfile::tempdir().unwrap();
    routecheck(dir.path())
        .args(["extract", "missing.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
}

#[test]
fn the_default_story_holds_every_claim_kind() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/stories/kim-jong-un-train-2023-09.toml"),
    )
    .unwrap();
    let s = routecheck::story::Story::parse(&text, "default.toml").unwrap();
    let mut kinds: Vec<&str> = s.claims.iter().map(|c| c.kind.name()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "conversion",
            "crossing",
            "direction",
            "distance",
            "duration_at_speed",
            "flight",
            "interval",
            "nearest",
            "speed",
            "timeline"
        ]
    );
    for outlet in ["AFP", "AP", "UPI", "Yonhap"] {
        assert!(s.claims.iter().any(|c| c.outlet == outlet), "{outlet}");
    }
}

#[test]
fn check_article_pairs_speeds_across_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "upi.txt",
        "The leader's train moves at speeds of less than 40 mph, according to media reports.\n",
    );
    let b = write(
        dir.path(),
        "afp.txt",
        "The heavy train travels at around 60 kilometres per hour, a newspaper said.\n",
    );
    let out = routecheck(dir.path())
        .args(["check", "--format", "json", "--out", "out", "--article"])
        .arg(&a)
        .arg("--article")
        .arg(&b)
        .args(["--outlet", "UPI", "--outlet", "AFP"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[0]["outlet"], "UPI");
    assert_eq!(claims[0]["pairs"][0]["other"], claims[1]["id"]);
    assert_eq!(claims[0]["pairs"][0]["agree"], true);
}

/// Events without `tz` at coordinates take the zone there: Przemyśl keeps Warsaw time and
/// Lviv, 91 km east, Kyiv time, so 10:00 to 12:00 local is one hour, not two.
const ACROSS_A_ZONE: &str = r#"[story]
id = "przemysl-lviv"
title = "Przemyśl to Lviv"

[[waypoints]]
id = "przemysl"
at = "49.7838, 22.7678"
name = "Przemyśl"

[[waypoints]]
id = "lviv"
at = "49.8397, 24.0297"
name = "Lviv"

[[legs]]
from = "przemysl"
to = "lviv"
mode = "direct"

[[events]]
id = "dep"
at = "przemysl"
what = "left Przemyśl"
time = 2024-05-01T10:00:00

[[events]]
id = "arr"
at = "lviv"
what = "reached Lviv"
time = 2024-05-01T12:00:00

[[claims]]
id = "avg"
outlet = "Paper A"
quote = "the car averaged about 90 km/h"
kind = "speed"
value = "about 90 km/h"
average = true
from_event = "dep"
to_event = "arr"
"#;

#[test]
fn events_without_a_zone_take_the_zone_at_their_coordinates() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "pl.toml", ACROSS_A_ZONE);
    routecheck(dir.path())
        .args(["check", "--no-map"])
        .arg(&story)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("in 1 h ⇒ average 91.0 km/h"));
}

/// Issue 14 §2: each wrong figure of tests/stories/wrong-figures.toml gets its likely source
/// with the arithmetic, in the table, Markdown and JSON; the rounded figure that holds gets none.
#[test]
fn regression_issue_14_wrong_figures_get_their_likely_source() {
    let dir = tempfile::tempdir().unwrap();
    let story = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stories/wrong-figures.toml");
    let out = routecheck(dir.path())
        .args(["check", "--no-map", "--format", "json"])
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = v["claims"].as_array().unwrap();
    let by_id = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap();
    // The straight line Pyongyang → Vladivostok (684.5 km) quoted as the rail route (1,183 km).
    let c = by_id("straight-as-rail");
    assert_eq!(c["verdict"], "off");
    let ls = &c["likely_source"];
    assert_eq!(ls["cause"], "straight_line", "{ls}");
    assert!(
        (ls["figure"]["lo"].as_f64().unwrap() - 684.5).abs() < 0.5,
        "{ls}"
    );
    assert_eq!(ls["unit"], "km");
    assert!(
        ls["arithmetic"].as_str().unwrap().contains("684.5 km"),
        "{ls}"
    );
    // The rail route's 1,183 km printed as miles.
    let ls = &by_id("km-as-miles")["likely_source"];
    assert_eq!(ls["cause"], "unit_mix_up", "{ls}");
    assert!(
        ls["summary"]
            .as_str()
            .unwrap()
            .contains("km printed as miles"),
        "{ls}"
    );
    assert!(
        ls["deviation_percent"].as_f64().unwrap().abs() < 1.0,
        "{ls}"
    );
    // 9 h 50 min elapsed; the local clocks say 16 h 50 min (Moscow UTC+3, Vladivostok UTC+10).
    let ls = &by_id("local-clocks")["likely_source"];
    assert_eq!(ls["cause"], "time_zone_slip", "{ls}");
    assert!(ls["arithmetic"].as_str().unwrap().contains("+7 h"), "{ls}");
    assert!(
        (ls["figure"]["lo"].as_f64().unwrap() - 16.8333).abs() < 0.01,
        "{ls}"
    );
    // Rounding: "about 1,200 km" for 1,183 km holds and needs no diagnosis.
    let c = by_id("rounded");
    assert_eq!(c["verdict"], "holds");
    assert!(c["likely_source"].is_null(), "{c}");
    // The table and Markdown say the same, with the arithmetic.
    for (format, line) in [("table", "likely source: "), ("md", "- Likely source: ")] {
        let out = routecheck(dir.path())
            .args(["check", "--no-map", "--format", format])
            .arg(&story)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().filter(|l| l.contains(line)).collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(
            lines[0].contains("the straight line Pyongyang → Vladivostok quoted as the rail route")
                && lines[0].contains("= 684.5 km"),
            "{text}"
        );
    }
}

/// "60 miles west of Port-au-Prince": the text does not say whether it means the straight
/// line or the way by road. Petit-Goâve is 57.0 km (35.4 mi) in a straight line (GeoNames
/// points); by road the circuity table's world band (1.2–1.4×) gives 42.5–49.6 mi.
#[test]
fn a_distance_whose_measure_is_unstated_is_bounded_not_refuted() {
    let dir = tempfile::tempdir().unwrap();
    let claim = |id: &str, value: &str| {
        format!(
            "[[claims]]\nid = \"{id}\"\noutlet = \"AP\"\nquote = \"Petit Goave, {value} west of Port-au-Prince.\"\nkind = \"distance\"\nfrom = \"pap\"\nto = \"pg\"\nvalue = \"{value}\"\nmeasure = \"unstated\"\n\n"
        )
    };
    let mut story = String::from(
        "[story]\ntitle = \"Haiti ferry\"\n\n[[waypoints]]\nid = \"pap\"\nplace = \"Port-au-Prince\"\n\n[[waypoints]]\nid = \"pg\"\nplace = \"Petit-Goâve\"\n\n",
    );
    for (id, value) in [
        ("crow", "35 miles"),
        ("road", "45 miles"),
        ("long", "60 miles"),
        ("short", "20 miles"),
    ] {
        story.push_str(&claim(id, value));
    }
    let path = write(dir.path(), "haiti.toml", &story);
    let out = routecheck(dir.path())
        .args(["check", "--no-map", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let claims = v["claims"].as_array().unwrap();
    let by_id = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap();
    assert_eq!(by_id("crow")["verdict"], "holds", "{}", by_id("crow"));
    assert_eq!(by_id("road")["verdict"], "plausible", "{}", by_id("road"));
    let long = by_id("long");
    assert_eq!(long["verdict"], "implausible", "{long}");
    assert!(
        long["arithmetic"]
            .as_str()
            .unwrap()
            .contains("measure not said"),
        "{long}"
    );
    // Shorter than the straight line: no measure makes it right.
    assert_eq!(by_id("short")["verdict"], "off", "{}", by_id("short"));
    assert_eq!(out.status.code(), Some(1));
}
