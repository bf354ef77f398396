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
