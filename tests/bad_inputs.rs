//! The bad-input corpus (`tests/bad/`): every file, run as `routecheck check FILE`, must fail
//! with the exit code and message fragment listed in `tests/bad/cases.toml`, quickly and
//! briefly, and never panic. Inputs too big to commit are generated here.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    exit: i32,
    stderr: String,
    /// What the file is, for readers.
    #[allow(dead_code)]
    what: String,
}

fn bad_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad")
}

/// The terminal renderer wraps long messages and draws a gutter ("│") on continuation lines;
/// compare texts with both removed.
fn normalise(s: &str) -> String {
    s.replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `routecheck check <arg>` in `dir` with a cleared environment and returns a list of
/// what is wrong with the result (empty when it is as expected).
fn run_case(dir: &Path, arg: &Path, exit: i32, fragment: &str) -> Vec<String> {
    let out = Command::cargo_bin("routecheck")
        .expect("the routecheck binary is built for integration tests")
        .env_clear()
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .arg("check")
        .arg(arg)
        .output()
        .expect("routecheck runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if out.status.code() != Some(exit) {
        problems.push(format!(
            "exit code {:?}, expected {exit}",
            out.status.code()
        ));
    }
    if stderr.contains("panicked") || out.status.code() == Some(101) {
        problems.push("panicked".to_string());
    }
    if !normalise(&stderr).contains(&normalise(fragment)) {
        problems.push(format!("stderr lacks {fragment:?}"));
    }
    // A message says what to fix; it does not echo the input back at length.
    if stderr.len() > 8 * 1024 {
        problems.push(format!("stderr is {} bytes long", stderr.len()));
    }
    if !out.stdout.is_empty() {
        problems.push(format!(
            "wrote to stdout: {:?}",
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    if !problems.is_empty() {
        problems.push(format!("stderr was:\n{stderr}"));
    }
    problems
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(bad_dir().join("cases.toml")).expect("tests/bad/cases.toml");
    toml::from_str::<Cases>(&text)
        .expect("tests/bad/cases.toml parses")
        .case
}

#[test]
fn every_bad_file_fails_cleanly_with_its_message() {
    let dir = bad_dir();
    let cases = cases();
    assert!(cases.len() >= 50, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let problems = run_case(&dir, Path::new(&c.file), c.exit, &c.stderr);
        if !problems.is_empty() {
            failures.push(format!("{}: {}", c.file, problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_file_in_the_corpus_has_a_case_and_every_case_a_file() {
    let listed: std::collections::BTreeSet<String> = cases().into_iter().map(|c| c.file).collect();
    let present: std::collections::BTreeSet<String> = std::fs::read_dir(bad_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "cases.toml")
        .collect();
    let unlisted: Vec<_> = present.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&present).collect();
    assert!(
        unlisted.is_empty() && missing.is_empty(),
        "files without a case: {unlisted:?}; cases without a file: {missing:?}"
    );
}

/// Generated inputs: too big to commit, or not files at all.
#[test]
fn generated_bad_inputs_fail_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();

    // A 50 MB article (prose, one paragraph per line): refused before it is read whole.
    let paragraph = "Kim Jong Un's armoured train travelled about 1,180 km (733 miles) from \
        Pyongyang to Vladivostok at no more than 60 km/h, crossing the Tumen River at Khasan. ";
    let mut article = String::with_capacity(50 * 1024 * 1024 + paragraph.len());
    while article.len() < 50 * 1024 * 1024 {
        article.push_str(paragraph);
        article.push('\n');
    }
    std::fs::write(dir.join("article.txt"), &article).unwrap();
    drop(article);

    // The same article on one single 9 MB line, just over the limit.
    let one_line = paragraph.repeat(9 * 1024 * 1024 / paragraph.len() + 1);
    std::fs::write(dir.join("one-line.txt"), &one_line).unwrap();

    // Under the limit, on one line of 1 MB: the error must not print the line.
    let long_line = format!("title = \"{}", "x".repeat(1024 * 1024));
    std::fs::write(dir.join("long-line.toml"), &long_line).unwrap();

    // Arrays nested 100,000 deep: TOML's recursion limit, not a stack overflow.
    let nested = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(dir.join("nested.toml"), &nested).unwrap();

    std::fs::create_dir(dir.join("a-folder")).unwrap();

    let cases: &[(&str, &str)] = &[
        ("article.txt", "story file article.txt is larger than 8 MiB"),
        (
            "one-line.txt",
            "story file one-line.txt is larger than 8 MiB",
        ),
        ("long-line.toml", "invalid basic string"),
        ("nested.toml", "nested.toml:1:"),
        (
            "does-not-exist.toml",
            "cannot read story file does-not-exist.toml",
        ),
        ("a-folder", "no story files (*.toml) in a-folder"),
    ];
    let mut failures = Vec::new();
    for (file, fragment) in cases {
        let problems = run_case(dir, Path::new(file), 2, fragment);
        if !problems.is_empty() {
            failures.push(format!("{file}: {}", problems.join("; ")));
        }
    }
    if Path::new("/dev/zero").exists() {
        let problems = run_case(
            dir,
            Path::new("/dev/zero"),
            2,
            "story file /dev/zero is larger than 8 MiB",
        );
        if !problems.is_empty() {
            failures.push(format!("/dev/zero: {}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Issue 19, item 5: a 1,000,000-character title (minutes to rasterise) and a story of 50,000
/// waypoints (quadratic steps) are refused up front, naming the limit and where it is broken.
#[test]
fn regression_issue_19_slow_inputs_are_refused_up_front() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let hop = "[[waypoints]]\nid = \"a\"\nat = \"52.52, 13.40\"\n\n[[waypoints]]\nid = \"b\"\n\
        at = \"52.23, 21.01\"\n\n[[legs]]\nfrom = \"a\"\nto = \"b\"\nmode = \"road\"\n";
    let title = format!("[story]\ntitle = \"{}\"\n\n{hop}", "T".repeat(1_000_000));
    std::fs::write(dir.join("title.toml"), title).unwrap();
    let mut many = String::from("[story]\nid = \"many\"\n\n");
    for i in 0..50_000 {
        let lat = 40.0 + (i % 1000) as f64 * 0.002;
        let lon = 100.0 + (i / 1000) as f64 * 0.01;
        many.push_str(&format!(
            "[[waypoints]]\nid = \"w{i}\"\nat = \"{lat:.4}, {lon:.4}\"\n"
        ));
    }
    std::fs::write(dir.join("many.toml"), many).unwrap();
    let cases: &[(&str, &str)] = &[
        (
            "title.toml",
            "title.toml:2:9: the title is 1000000 characters long: at most 200 are drawn on a map",
        ),
        (
            "many.toml",
            "many.toml:3004:1: the story has 50000 waypoints: at most 1000 are read",
        ),
    ];
    let mut failures = Vec::new();
    for (file, fragment) in cases {
        let problems = run_case(dir, Path::new(file), 2, fragment);
        if !problems.is_empty() {
            failures.push(format!("{file}: {}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// `routecheck route ARGS…` with a cleared environment: (exit code, stdout, stderr flattened).
fn route(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("routecheck")
        .expect("the routecheck binary is built for integration tests")
        .env_clear()
        .env("NO_COLOR", "1")
        .arg("route")
        .args(args)
        .output()
        .expect("routecheck runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        normalise(&String::from_utf8_lossy(&out.stderr)),
    )
}

/// Issue 19, item 8: `--depart` with a UTC offset ignored the offset; an absurd speed ran the
/// arrival to the year 9999 (or panicked); `--depart 9999-12-31T23:59` blamed the time zone.
#[test]
fn regression_issue_19_clock_times() {
    let base = ["Pyongyang", "Vladivostok", "--mode", "direct", "--no-map"];
    // The offset is honoured: 15:00 at UTC+09:00 is 06:00 UTC, the same as 15:00 in Pyongyang.
    let (code, stdout, stderr) = route(
        &[
            &base[..],
            &["--speed", "60 km/h", "--depart", "2023-09-10T15:00+09:00"],
        ]
        .concat(),
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("depart 2023-09-10T06:00:00+00:00[UTC]"),
        "{stdout}"
    );
    let (_, in_zone, _) = route(
        &[
            &base[..],
            &["--speed", "60 km/h", "--depart", "2023-09-10T15:00"],
            &["--tz", "Asia/Pyongyang"],
        ]
        .concat(),
    );
    let arrive = |s: &str| s.lines().find(|l| l.contains("arrive")).map(str::to_string);
    let (_, offset_in_zone, _) = route(
        &[
            &base[..],
            &["--speed", "60 km/h", "--depart", "2023-09-10T15:00+09:00"],
            &["--tz", "Asia/Pyongyang"],
        ]
        .concat(),
    );
    assert!(arrive(&in_zone).is_some(), "{in_zone}");
    assert_eq!(arrive(&in_zone), arrive(&offset_in_zone));
    // An absurd speed is refused, naming the speed.
    let (code, _, stderr) = route(
        &[
            &base[..],
            &["--speed", "0.000000000000000000000000000001 km/h"],
            &["--depart", "2023-09-10T15:00"],
        ]
        .concat(),
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("is below 0.1 km/h"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // The end of time is blamed on the time, not on the zone.
    let (code, _, stderr) = route(
        &[
            &base[..],
            &["--speed", "60 km/h", "--depart", "9999-12-31T23:59"],
        ]
        .concat(),
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "\"9999-12-31T23:59:00\" in UTC is outside the times routecheck can work with"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("unknown time zone"), "{stderr}");
}

/// Issue 19, items 6 and 7, end to end: escape sequences (`ESC ] 0 ; … BEL`, `ESC [ 2 J`) and
/// the noncharacters U+FFFE and U+FFFF in a story's title reach neither the terminal nor any
/// file, and HTML and `javascript:` links in it are not live in the Markdown report, the map's
/// and the chart's SVG, the GeoJSON or the HTML page. The story still checks (exit 0 or 1,
/// never 2: the chart's SVG used to carry U+FFFE through and fail to rasterise).
#[test]
fn regression_issue_19_hostile_text_is_cleaned_on_every_output() {
    let default = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/stories/kim-jong-un-train-2023-09.toml"),
    )
    .unwrap();
    let hostile = r#"title = "Kim \u001b]0;pwned\u0007 \u001b[2J <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) \uFFFE\uFFFF train""#;
    let text = default.replacen("title = \"Kim Jong Un's train to Russia\"", hostile, 1);
    assert_ne!(text, default, "the title line was replaced");
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("hostile.toml");
    std::fs::write(&story, text).unwrap();
    let out_dir = dir.path().join("out");
    let run = |extra: &[&str]| {
        let out = Command::cargo_bin("routecheck")
            .unwrap()
            .env_clear()
            .arg("check")
            .arg(&story)
            .arg("--out")
            .arg(&out_dir)
            .arg("--force")
            .args(extra)
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "exit {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 report")
    };
    // The terminal gets no control character; an XML file none of what XML 1.0 forbids.
    let control = |s: &str| s.contains(['\u{1b}', '\u{7}']);
    let raw = |s: &str| control(s) || s.contains(['\u{fffe}', '\u{ffff}']);
    let table = run(&[]);
    assert!(
        !control(&table),
        "raw control characters on the terminal: {table:?}"
    );
    assert!(table.contains("train"), "{table}");
    let md = run(&["--format", "md"]);
    assert!(!control(&md));
    // Markup escaped as text: no tag, and the link's brackets escaped (`\\[x\\](…)`).
    for live in ["<script>", "<img", "[x](javascript:"] {
        assert!(
            !md.contains(live),
            "live {live:?} in the Markdown report:\n{md}"
        );
    }
    let mut seen = 0;
    for e in std::fs::read_dir(&out_dir).unwrap() {
        let path = e.unwrap().path();
        let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
        if !["svg", "kml", "gpx", "html", "geojson"].contains(&ext) {
            continue;
        }
        seen += 1;
        let body = std::fs::read_to_string(&path).unwrap();
        assert!(
            !raw(&body),
            "{}: raw control characters or noncharacters",
            path.display()
        );
        assert!(
            !body.contains("<script>alert"),
            "{}: live script from the title",
            path.display()
        );
        assert!(
            !body.contains("<img src=x"),
            "{}: live image from the title",
            path.display()
        );
    }
    assert!(
        seen >= 4,
        "expected the two SVGs, the GeoJSON and the HTML, saw {seen}"
    );
}
