//! The README's sample output is the binary's real output, and its example commands still run.
//!
//! A sample sits between marker comments that name the command, run from the repository's root:
//!
//! ````text
//! <!-- sample: routecheck check data/stories/kim-jong-un-train-2023-09.toml -->
//! ```text
//! …what that command prints on standard output…
//! ```
//! <!-- /sample -->
//! ````
//!
//! The test runs each command (cleared environment, in a temporary folder holding copies of the
//! files it names, so that the maps it writes land there) and fails when the README differs.
//! `UPDATE_README=1 cargo test --test readme` rewrites the samples from the binary instead.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const OPEN: &str = "<!-- sample: routecheck ";
const CLOSE: &str = "<!-- /sample -->";
const REGENERATE: &str = "UPDATE_README=1 cargo test --test readme";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme_path() -> PathBuf {
    root().join("README.md")
}

/// One sample block: the command's arguments and where its text lies in the README.
struct Sample {
    args: Vec<String>,
    /// Byte range of the text inside the code fence (from after "```text\n" to the closing
    /// fence's line), so that it can be replaced in place.
    body: std::ops::Range<usize>,
}

fn samples(readme: &str) -> Vec<Sample> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = readme[from..].find(OPEN) {
        let start = from + at;
        let line_end = start + readme[start..].find('\n').expect("marker line ends");
        let marker = &readme[start..line_end];
        let command = marker[OPEN.len()..]
            .strip_suffix("-->")
            .unwrap_or_else(|| panic!("README marker must end with \"-->\": {marker}"));
        let args = shell_words(command.trim());
        let fence = "```text\n";
        let after = &readme[line_end + 1..];
        assert!(
            after.starts_with(fence),
            "README: the line after {marker} must open a ```text block"
        );
        let body_start = line_end + 1 + fence.len();
        let close = readme[body_start..]
            .find(CLOSE)
            .unwrap_or_else(|| panic!("README: {marker} has no closing {CLOSE}"));
        let block = &readme[body_start..body_start + close];
        let body_len = block
            .strip_suffix("```\n")
            .unwrap_or_else(|| {
                panic!("README: the block of {marker} must end with ``` on the line before {CLOSE}")
            })
            .len();
        out.push(Sample {
            args,
            body: body_start..body_start + body_len,
        });
        from = body_start + close + CLOSE.len();
    }
    out
}

/// Splits a command line as a shell would for the plain words and "double-quoted" words the
/// README uses.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                word.get_or_insert_with(String::new);
            }
            c if c.is_whitespace() && !quoted => {
                words.extend(word.take());
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(!quoted, "unbalanced quotes in README command: {line}");
    words.extend(word);
    words
}

/// Runs `routecheck ARGS` as if from the repository's root, in a temporary folder that holds a
/// copy of every file the arguments name: what it prints on standard output, and its exit code.
fn run(args: &[String]) -> (String, Option<i32>) {
    let dir = tempfile::tempdir().expect("temp dir");
    for a in args {
        let src = root().join(a);
        if Path::new(a).is_relative() && src.is_file() {
            let dst = dir.path().join(a);
            std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
            std::fs::copy(&src, &dst).unwrap();
        }
    }
    let out = Command::cargo_bin("routecheck")
        .expect("binary builds")
        .env_clear()
        .current_dir(dir.path())
        .args(args)
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    (stdout, out.status.code())
}

#[test]
fn readme_samples_are_what_the_binary_prints() {
    let path = readme_path();
    let readme = std::fs::read_to_string(&path).unwrap();
    let found = samples(&readme);
    assert!(!found.is_empty(), "README.md has no {OPEN}… --> sample");
    let update = std::env::var_os("UPDATE_README").is_some_and(|v| v == "1");
    let mut updated = readme.clone();
    // Replace from the last block back, so that earlier ranges stay valid.
    for s in found.iter().rev() {
        let (printed, code) = run(&s.args);
        assert_ne!(code, Some(2), "`routecheck {}` failed", s.args.join(" "));
        if update {
            updated.replace_range(s.body.clone(), &printed);
        } else {
            let shown = &readme[s.body.clone()];
            assert!(
                shown == printed,
                "README.md's sample of `routecheck {}` is not what the binary prints.\n\
                 Regenerate it with: {REGENERATE}\n\n--- README\n{shown}\n--- binary\n{printed}",
                s.args.join(" ")
            );
        }
    }
    if update && updated != readme {
        std::fs::write(&path, updated).unwrap();
        eprintln!("rewrote the samples in {}", path.display());
    }
}

/// The `cargo run --release -- …` examples in the README run as written (exit code 0 or 1,
/// never 2; the files they write land in a temporary folder), except those that name a file of the reader's own (`my-story.toml`, `news.txt`,
/// `ride.gpx`, `stories/`), which the repository does not have.
#[test]
fn readme_example_commands_run() {
    let readme = std::fs::read_to_string(readme_path()).unwrap();
    let prefix = "cargo run --release -- ";
    let mut ran = 0;
    for line in readme.lines() {
        let Some(rest) = line.strip_prefix(prefix) else {
            continue;
        };
        let command = rest.split(" # ").next().unwrap().trim();
        let args = shell_words(command);
        let placeholder = args.iter().any(|a| {
            let file_like = [".toml", ".txt", ".gpx", ".geojson", "/"]
                .iter()
                .any(|ext| a.ends_with(ext));
            file_like && !root().join(a).exists()
        });
        if placeholder {
            continue;
        }
        let (_, code) = run(&args);
        assert!(
            matches!(code, Some(0 | 1)),
            "README example `routecheck {command}` exited with {code:?}"
        );
        ran += 1;
    }
    assert!(ran >= 5, "only {ran} README examples found to run");
}

/// The README's test command is the one CI runs, word for word.
#[test]
fn readme_test_command_is_what_ci_runs() {
    let readme = std::fs::read_to_string(readme_path()).unwrap();
    let marker = "# the tests (what CI runs)";
    let line = readme
        .lines()
        .find(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("README.md has no line marked {marker:?}"));
    let command = line.split(marker).next().unwrap().trim();
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    assert!(
        ci.lines().any(|l| l.trim() == command),
        "the README's test command `{command}` is not a line of .ci/run"
    );
}

#[test]
fn shell_words_split_like_a_shell() {
    assert_eq!(
        shell_words(r#"locate "P'yŏngyang" 평양 "Khasan, RU""#),
        ["locate", "P'yŏngyang", "평양", "Khasan, RU"]
    );
    assert_eq!(shell_words("check  --no-map"), ["check", "--no-map"]);
}
