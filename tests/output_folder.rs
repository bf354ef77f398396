//! The output folder under stress (issue 19): special files at output names, concurrent runs
//! into one folder, runs killed part-way, and names that must stay distinct. Short enough for
//! CI: a few pairs and a few kills.

use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin;

/// Two waypoints by coordinates, no claims: the quickest story to map.
const HOP: &str = r#"[story]
id = "hop"
title = "A hop"

[[waypoints]]
id = "a"
at = "52.52, 13.40"

[[waypoints]]
id = "b"
at = "52.23, 21.01"

[[legs]]
from = "a"
to = "b"
mode = "road"
"#;

/// The terminal renderer wraps long messages and draws a gutter ("│"): compare without both.
fn flat(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn routecheck(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("routecheck").expect("binary builds");
    c.env_clear().env("NO_COLOR", "1").current_dir(dir);
    c
}

/// `map hop.toml --format svg,png --width W --out out`, as a child process.
fn spawn_map(dir: &Path, width: u32) -> Child {
    Process::new(cargo_bin("routecheck"))
        .env_clear()
        .current_dir(dir)
        .args(["map", "hop.toml", "--format", "svg,png", "--height", "300"])
        .args(["--width", &width.to_string(), "--out", "out"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("routecheck runs")
}

/// The width the SVG says and the width in the PNG header.
fn widths(out: &Path) -> (u32, u32) {
    let svg = std::fs::read_to_string(out.join("hop.svg")).unwrap();
    let at = svg.find("width=\"").expect("svg width") + 7;
    let svg_w: u32 = svg[at..svg[at..].find('"').unwrap() + at].parse().unwrap();
    let png = std::fs::read(out.join("hop.png")).unwrap();
    let png_w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    (svg_w, png_w)
}

fn leftovers(out: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Process::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

/// Issue 19, item 1: `extract a.txt -o /dev/null --force` (as root) renamed a file over the
/// device. A FIFO, a device or a link to one at an output name is refused, --force or not.
#[cfg(unix)]
#[test]
fn regression_issue_19_special_files_at_output_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "The train covered 1,200 km.\n").unwrap();
    mkfifo(&d.join("draft.toml"));
    for force in [false, true] {
        let mut c = routecheck(d);
        c.args(["extract", "a.txt", "-o", "draft.toml"]);
        if force {
            c.arg("--force");
        }
        let out = c.timeout(Duration::from_secs(60)).output().unwrap();
        let stderr = flat(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("is a FIFO (named pipe), not a regular file"),
            "{stderr}"
        );
        assert!(stderr.contains("--force does not replace it"), "{stderr}");
    }
    let out = routecheck(d)
        .args(["extract", "a.txt", "-o", "/dev/null", "--force"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("/dev/null is a character device"),
        "{stderr}"
    );
    assert!(Path::new("/dev/null").exists());
    // In an output folder: a link to /dev/zero at a map's name (it used to be read without
    // end) and a FIFO at another (it used to block): refused at once, nothing written.
    std::fs::write(d.join("hop.toml"), HOP).unwrap();
    std::fs::create_dir(d.join("out")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", d.join("out/hop.svg")).unwrap();
    mkfifo(&d.join("out/hop.png"));
    for force in [false, true] {
        let mut c = routecheck(d);
        c.args(["map", "hop.toml", "--out", "out"]);
        if force {
            c.arg("--force");
        }
        let out = c.timeout(Duration::from_secs(120)).output().unwrap();
        let stderr = flat(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("is a character device"), "{stderr}");
        assert!(!d.join("out/hop.geojson").exists());
    }
}

/// Issue 19, item 3: two runs into the same folder used to overwrite each other's manifest
/// (later runs then refused routecheck's own files) or leave an SVG from one run beside a PNG
/// from the other. Each pair here draws at two widths at once; both succeed and the set on
/// disk is one run's.
#[test]
fn regression_issue_19_concurrent_runs_take_turns() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("hop.toml"), HOP).unwrap();
    for pair in 0..3 {
        let runs = [spawn_map(d, 400), spawn_map(d, 440)];
        for run in runs {
            let out = run.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "pair {pair}: {stderr}");
        }
        let (svg_w, png_w) = widths(&d.join("out"));
        assert_eq!(svg_w, png_w, "pair {pair}: a mixed set");
        assert!(leftovers(&d.join("out")).is_empty());
    }
    // The manifest still knows every file: a plain run (no --force) replaces them all.
    routecheck(d)
        .args(["map", "hop.toml", "--format", "svg,png", "--out", "out"])
        .assert()
        .success();
}

/// Issue 19, item 4: a run killed part-way (here at several moments) leaves temporary files
/// and a manifest the next run must recover from: it removes the temporary files and
/// accepts routecheck's own files, with no --force.
#[cfg(unix)]
#[test]
fn regression_issue_19_next_run_recovers_from_kills() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("hop.toml"), HOP).unwrap();
    // How long one run takes here, to spread the kills over it.
    let start = Instant::now();
    let out = spawn_map(d, 400).wait_with_output().unwrap();
    assert!(out.status.success());
    let full = start.elapsed();
    for k in 1..=4u32 {
        let mut child = spawn_map(d, 400 + 20 * k);
        std::thread::sleep(full * k / 5);
        let _ = child.kill();
        let _ = child.wait();
    }
    // A stale temporary file as a killed writer leaves it, whatever the timing above hit.
    std::fs::write(d.join("out/.routecheck-Xy12Zq.tmp"), b"<svg").unwrap();
    let out = routecheck(d)
        .args(["map", "hop.toml", "--format", "svg,png", "--width", "500"])
        .args(["--height", "300", "--out", "out"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("removed"), "{stderr}");
    assert!(leftovers(&d.join("out")).is_empty());
    assert_eq!(widths(&d.join("out")), (500, 500));
}

/// Issue 19, item 9: two stories with the same id in one folder silently overwrote each
/// other's maps; the second is now refused, named, and the first one's files kept.
#[test]
fn regression_issue_19_same_story_id_twice_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("stories")).unwrap();
    std::fs::write(d.join("stories/a.toml"), HOP).unwrap();
    std::fs::write(
        d.join("stories/b.toml"),
        HOP.replace("A hop", "Another hop"),
    )
    .unwrap();
    let out = routecheck(d)
        .args(["check", "stories", "--out", "out"])
        .output()
        .unwrap();
    let stderr = flat(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("hop.svg was already written in this run, for stories/a.toml"),
        "{stderr}"
    );
    assert!(stderr.contains("give each its own `id`"), "{stderr}");
    let svg = std::fs::read_to_string(d.join("out/hop.svg")).unwrap();
    assert!(svg.contains("A hop") && !svg.contains("Another hop"));
}

/// Issue 19, item 9: tracks named in other scripts all became `output.svg`; each now keeps
/// its own name.
#[test]
fn regression_issue_19_non_ascii_track_names_stay_distinct() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let track = r#"{"type":"LineString","coordinates":[[13.4,52.52],[21.01,52.23]]}"#;
    for name in ["Москва.geojson", "Київ.geojson"] {
        std::fs::write(d.join(name), track).unwrap();
        routecheck(d)
            .args(["map", "--track", name, "--format", "svg", "--out", "out"])
            .args(["--width", "400", "--height", "300"])
            .assert()
            .success();
    }
    let mut names: Vec<String> = std::fs::read_dir(d.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".svg"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(!names.contains(&"output.svg".to_string()), "{names:?}");
}
