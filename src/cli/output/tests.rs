//! Tests of the output folder: ownership, special files, locking, interrupted and failed runs.

use super::*;

fn set(files: &[(&str, &[u8])]) -> Vec<(String, Vec<u8>)> {
    files
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn temporaries_in(dir: &Path) -> usize {
    names_in(dir)
        .iter()
        .filter(|n| n.ends_with(TMP_SUFFIX))
        .count()
}

#[test]
fn writes_atomically_and_guards_foreign_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut out = OutputDir::open(dir.path(), false).unwrap();
    out.write_all(&set(&[("a.svg", b"<svg/>")]), "one").unwrap();
    drop(out);
    // Our own file may be rewritten, by a later run.
    let mut out = OutputDir::open(dir.path(), false).unwrap();
    out.write_all(&set(&[("a.svg", b"<svg>2</svg>")]), "one")
        .unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("a.svg")).unwrap(),
        b"<svg>2</svg>"
    );
    drop(out);
    // A file someone else wrote, or edited, is refused, and nothing of the set is written.
    std::fs::write(dir.path().join("b.svg"), b"theirs").unwrap();
    let mut out = OutputDir::open(dir.path(), false).unwrap();
    assert!(matches!(
        out.write_all(&set(&[("c.svg", b"c"), ("b.svg", b"ours")]), "two"),
        Err(Error::WouldOverwrite { .. })
    ));
    assert!(!dir.path().join("c.svg").exists());
    drop(out);
    std::fs::write(dir.path().join("a.svg"), b"edited").unwrap();
    let mut out = OutputDir::open(dir.path(), false).unwrap();
    assert!(matches!(
        out.write_all(&set(&[("a.svg", b"<svg>3</svg>")]), "one"),
        Err(Error::WouldOverwrite { .. })
    ));
    drop(out);
    // --force overrides.
    let mut forced = OutputDir::open(dir.path(), true).unwrap();
    forced
        .write_all(&set(&[("b.svg", b"ours")]), "two")
        .unwrap();
    assert_eq!(temporaries_in(dir.path()), 0);
}

/// Issue 8: a foreign file that could not be read (a folder) was taken for one of ours and
/// would have been replaced. A folder is not a regular file: refused, `--force` or not.
#[test]
fn regression_issue_8_unreadable_foreign_file_is_not_ours() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("map.svg")).unwrap();
    for force in [false, true] {
        let mut out = OutputDir::open(dir.path(), force).unwrap();
        assert!(matches!(
            out.write_all(&set(&[("map.svg", b"<svg/>")]), "s"),
            Err(Error::NotAFile { kind: "folder", .. })
        ));
    }
}

#[test]
fn refuses_paths_as_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut out = OutputDir::open(dir.path(), true).unwrap();
    for bad in ["../x.svg", "/etc/passwd", "", ".hidden", "a/b"] {
        assert!(
            matches!(
                out.write_all(&set(&[(bad, b"x")]), "s"),
                Err(Error::BadName { .. })
            ),
            "{bad}"
        );
    }
}

#[cfg(unix)]
#[test]
fn written_files_are_as_readable_as_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("plain.txt");
    std::fs::write(&made, b"x").unwrap();
    let ours = dir.path().join("ours.svg");
    atomic_write(&ours, b"<svg/>").unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&ours), mode(&made));
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

/// Issue 19, item 1: a device, FIFO or link to a device at an output name is refused with or
/// without --force, by the folder writer and by the single-file writer (`-o FILE`), and is
/// left as it was.
#[cfg(unix)]
#[test]
fn regression_issue_19_special_files_are_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("fifo.svg"));
    std::os::unix::fs::symlink("/dev/null", dir.path().join("null.svg")).unwrap();
    for force in [false, true] {
        for name in ["fifo.svg", "null.svg"] {
            let mut out = OutputDir::open(dir.path(), force).unwrap();
            let e = out.write_all(&set(&[(name, b"<svg/>")]), "s").unwrap_err();
            assert!(matches!(e, Error::NotAFile { .. }), "{name}: {e}");
            assert!(e.to_string().contains("not a regular file"), "{e}");
            assert!(e.help().unwrap().contains("--force does not replace it"));
            let p = dir.path().join(name);
            assert!(matches!(
                check_target(&p, force),
                Err(Error::NotAFile { .. })
            ));
            assert!(matches!(
                atomic_write(&p, b"x"),
                Err(Error::NotAFile { .. })
            ));
        }
    }
    assert!(
        std::fs::symlink_metadata(dir.path().join("null.svg"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(matches!(
        atomic_write(Path::new("/dev/null"), b"x"),
        Err(Error::NotAFile {
            kind: "character device",
            ..
        })
    ));
    // An --out that is a device, or a regular file, is not a folder.
    let mut out = OutputDir::open(Path::new("/dev/null"), true).unwrap();
    assert!(matches!(
        out.write_all(&set(&[("a.svg", b"x")]), "s"),
        Err(Error::NotAFolder { .. })
    ));
    assert_eq!(temporaries_in(dir.path()), 0);
}

/// Issue 19, item 2: a link to /dev/zero or a FIFO at an output name is decided on without
/// being read (it used to grow without bound, or block forever); a regular file of another
/// length is not read at all, and a symbolic link to a regular file is not ours.
#[cfg(unix)]
#[test]
fn regression_issue_19_existing_names_are_not_read_unbounded() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.svg")).unwrap();
    mkfifo(&dir.path().join("fifo.png"));
    let mut out = OutputDir::open(dir.path(), false).unwrap();
    for name in ["zero.svg", "fifo.png"] {
        assert!(matches!(
            out.write_all(&set(&[(name, b"x")]), "s"),
            Err(Error::NotAFile { .. })
        ));
    }
    drop(out);
    // Our file, then replaced by a link to a copy of it: the link is not ours.
    let mut out = OutputDir::open(dir.path(), false).unwrap();
    out.write_all(&set(&[("a.svg", b"<svg/>")]), "s").unwrap();
    drop(out);
    std::fs::rename(dir.path().join("a.svg"), dir.path().join("copy.svg")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("copy.svg"), dir.path().join("a.svg")).unwrap();
    let mut out = OutputDir::open(dir.path(), false).unwrap();
    assert!(matches!(
        out.write_all(&set(&[("a.svg", b"<svg>2</svg>")]), "s"),
        Err(Error::WouldOverwrite { .. })
    ));
    drop(out);
    // With --force the link is replaced, not the file it points to.
    let mut out = OutputDir::open(dir.path(), true).unwrap();
    out.write_all(&set(&[("a.svg", b"<svg>2</svg>")]), "s")
        .unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("copy.svg")).unwrap(),
        b"<svg/>"
    );
    assert!(
        std::fs::symlink_metadata(dir.path().join("a.svg"))
            .unwrap()
            .is_file()
    );
}

/// Issue 19, item 3: a second run into the same folder waits for the first to finish (the
/// lock is held until the first run's `OutputDir` is dropped), then sees its files as ours.
#[test]
fn regression_issue_19_second_run_waits_for_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = OutputDir::open(dir.path(), false).unwrap();
    first
        .write_all(&set(&[("a.svg", b"1"), ("a.png", b"1")]), "first")
        .unwrap();
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let path = dir.path().to_path_buf();
    let second = std::thread::spawn(move || {
        let mut out = OutputDir::open(&path, false).unwrap();
        let r = out.write_all(&set(&[("a.svg", b"22"), ("a.png", b"22")]), "second");
        done_tx.send(()).unwrap();
        r.map(|_| ())
    });
    assert!(
        done_rx
            .recv_timeout(std::time::Duration::from_millis(500))
            .is_err(),
        "the second run wrote while the first held the folder"
    );
    drop(first);
    second.join().unwrap().unwrap();
    for n in ["a.svg", "a.png"] {
        assert_eq!(std::fs::read(dir.path().join(n)).unwrap(), b"22");
    }
}

/// Issue 19, item 4: what a run killed at each step leaves behind is recovered by the next.
#[test]
fn regression_issue_19_next_run_recovers_from_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut out = OutputDir::open(d, false).unwrap();
    out.write_all(&set(&[("a.svg", b"old"), ("a.png", b"old")]), "s")
        .unwrap();
    drop(out);
    // Killed while writing temporary files: they are removed by the next run.
    std::fs::write(d.join(".routecheck-abc123.tmp"), b"half").unwrap();
    // Killed after the manifest recorded the new contents, with one file renamed into place
    // and the other not: both the new and the old contents count as ours.
    let mut m = Manifest::read(d).unwrap();
    m.add("a.svg", Entry::of(b"new"));
    m.add("a.png", Entry::of(b"new"));
    std::fs::write(d.join(manifest::NAME), m.text()).unwrap();
    std::fs::write(d.join("a.svg"), b"new").unwrap();
    // Killed after a rename but before the manifest was written (as runs did before the
    // manifest was written first): a file with exactly the bytes we are about to write is
    // trusted.
    std::fs::write(d.join("b.svg"), b"same").unwrap();
    let mut out = OutputDir::open(d, false).unwrap();
    out.write_all(
        &set(&[("a.svg", b"next"), ("a.png", b"next"), ("b.svg", b"same")]),
        "s",
    )
    .unwrap();
    assert_eq!(out.cleaned, 1);
    assert_eq!(temporaries_in(d), 0);
    // The manifest keeps one entry per file again.
    let m = Manifest::read(d).unwrap();
    for n in ["a.svg", "a.png", "b.svg"] {
        assert_eq!(m.get(n).len(), 1, "{n}");
    }
    // A file with other bytes than ours and not in the manifest is still refused.
    std::fs::write(d.join("c.svg"), b"theirs").unwrap();
    drop(out);
    let mut out = OutputDir::open(d, false).unwrap();
    assert!(matches!(
        out.write_all(&set(&[("c.svg", b"ours")]), "s"),
        Err(Error::WouldOverwrite { .. })
    ));
}

/// Issue 19, item 4: a disk that fills up while the set is written (simulated at the step
/// that puts bytes into a temporary file) leaves the previous set and manifest as they were,
/// and no temporary file.
#[test]
fn regression_issue_19_full_disk_leaves_no_partial_set() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut out = OutputDir::open(d, false).unwrap();
    out.write_all(&set(&[("a.svg", b"old"), ("a.png", b"old")]), "s")
        .unwrap();
    drop(out);
    let manifest_before = std::fs::read(d.join(manifest::NAME)).unwrap();
    // Fail at each step in turn: the first file, the second, the manifest.
    for fail_at in 0..3 {
        let mut calls = 0;
        let mut full = |f: &mut File, b: &[u8]| {
            calls += 1;
            if calls > fail_at {
                f.write_all(&b[..b.len() / 2])?;
                return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
            }
            f.write_all(b)
        };
        let mut out = OutputDir::open(d, false).unwrap();
        let e = out
            .write_all_via(
                &set(&[("a.svg", b"new!"), ("a.png", b"new!")]),
                "s",
                &mut full,
            )
            .unwrap_err();
        assert!(matches!(e, Error::Unwritten { .. }), "{e}");
        assert!(e.to_string().contains("no output file was replaced"));
        for n in ["a.svg", "a.png"] {
            assert_eq!(std::fs::read(d.join(n)).unwrap(), b"old", "{fail_at} {n}");
        }
        assert_eq!(
            std::fs::read(d.join(manifest::NAME)).unwrap(),
            manifest_before
        );
        assert_eq!(temporaries_in(d), 0);
    }
}

/// Issue 19, item 9: two stories with the same id in one run would write the same names; the
/// second is refused instead of silently replacing the first one's map.
#[test]
fn regression_issue_19_same_name_twice_in_a_run_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut out = OutputDir::open(dir.path(), false).unwrap();
    out.write_all(&set(&[("trip.svg", b"1")]), "a.toml")
        .unwrap();
    let e = out
        .write_all(&set(&[("trip.svg", b"2")]), "b.toml")
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("already written in this run, for a.toml"),
        "{e}"
    );
    assert_eq!(std::fs::read(dir.path().join("trip.svg")).unwrap(), b"1");
}

/// A manifest that is not a regular file is refused with a clear error, not read.
#[cfg(unix)]
#[test]
fn regression_issue_19_manifest_link_to_a_device_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(manifest::NAME)).unwrap();
    let mut out = OutputDir::open(dir.path(), true).unwrap();
    let e = out.write_all(&set(&[("a.svg", b"x")]), "s").unwrap_err();
    assert!(matches!(e, Error::Manifest { .. }), "{e}");
    assert!(e.to_string().contains("is a character device"), "{e}");
}

/// The files of a set are flushed together, one result per file in the order given; a file
/// that cannot be flushed is reported as such, and its neighbours still are flushed.
#[test]
fn files_are_flushed_together_with_one_result_each() {
    let dir = tempfile::tempdir().unwrap();
    let a = File::create(dir.path().join("a")).unwrap();
    let b = File::create(dir.path().join("b")).unwrap();
    let results = sync_together([&a, &b].into_iter());
    assert_eq!(results.len(), 2);
    assert!(results.iter().all(|r| r.is_ok()), "{results:?}");
    assert!(sync_together(std::iter::empty()).is_empty());
}

/// A second run replacing a whole set leaves only the new contents, the manifest knowing them.
#[test]
fn a_second_set_replaces_the_first_and_the_manifest_keeps_only_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut out = OutputDir::open(dir.path(), false).unwrap();
    out.write_all(&set(&[("a.svg", b"1"), ("a.png", b"2")]), "s")
        .unwrap();
    drop(out); // releases the folder's lock, as the end of a run does
    let mut again = OutputDir::open(dir.path(), false).unwrap();
    again
        .write_all(&set(&[("a.svg", b"3"), ("a.png", b"4")]), "s")
        .unwrap();
    assert_eq!(std::fs::read(dir.path().join("a.svg")).unwrap(), b"3");
    assert_eq!(std::fs::read(dir.path().join("a.png")).unwrap(), b"4");
    let m = Manifest::read(dir.path()).unwrap();
    assert_eq!(m.get("a.svg"), [Entry::of(b"3")]);
    assert_eq!(m.get("a.png"), [Entry::of(b"4")]);
    assert_eq!(
        names_in(dir.path()),
        [".routecheck-lock", ".routecheck-manifest", "a.png", "a.svg"]
    );
}
