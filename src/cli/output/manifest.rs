//! `.routecheck-manifest`: what routecheck wrote in an output folder, one line per file:
//! `<checksum>  <length>  <name>` (FNV-1a 64, hex; bytes; the file name). Older manifests have
//! no length (`<checksum>  <name>`); their files are read up to their own length.
//!
//! A name may have two lines while a run replaces it: the file's old and new contents are both
//! routecheck's, so a run killed between writing the manifest and renaming the files into
//! place leaves a folder the next run still recognises (see [`super::OutputDir::write_all`]).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use super::existing::{self, Existing};

/// The manifest's file name in the output folder.
pub const NAME: &str = ".routecheck-manifest";

/// A manifest is a few lines per map; anything larger is not one of ours.
const LIMIT: u64 = 1 << 20;

/// One recorded file content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub checksum: u64,
    /// None in a manifest written before lengths were recorded.
    pub len: Option<u64>,
}

impl Entry {
    pub fn of(bytes: &[u8]) -> Entry {
        Entry {
            checksum: existing::checksum(bytes),
            len: Some(bytes.len() as u64),
        }
    }
}

/// The recorded contents of each name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub entries: BTreeMap<String, Vec<Entry>>,
}

/// Why a manifest could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("is a {kind}, not a regular file")]
    NotAFile { kind: &'static str },
    #[error("is larger than {} KiB", LIMIT >> 10)]
    TooLarge,
    #[error("cannot be read: {0}")]
    Io(std::io::Error),
}

impl Manifest {
    /// Reads the manifest in `dir` (empty when there is none), checking its type first and
    /// reading at most [`LIMIT`] bytes. Lines that do not parse are ignored: their files then
    /// count as someone else's, which only ever makes routecheck refuse, never overwrite.
    pub fn read(dir: &Path) -> Result<Manifest, Problem> {
        let path = dir.join(NAME);
        match existing::inspect(&path).map_err(Problem::Io)? {
            Existing::Nothing => return Ok(Manifest::default()),
            Existing::NotAFile { kind } => return Err(Problem::NotAFile { kind }),
            Existing::Link => {
                return Err(Problem::NotAFile {
                    kind: "symbolic link",
                });
            }
            Existing::File { len } if len > LIMIT => return Err(Problem::TooLarge),
            Existing::File { .. } => {}
        }
        let (file, _) = existing::open_regular(&path).map_err(Problem::Io)?;
        let mut bytes = Vec::new();
        file.take(LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(Problem::Io)?;
        if bytes.len() as u64 > LIMIT {
            return Err(Problem::TooLarge);
        }
        Ok(Manifest::parse(&String::from_utf8_lossy(&bytes)))
    }

    fn parse(text: &str) -> Manifest {
        let mut m = Manifest::default();
        for line in text.lines() {
            let mut parts = line.splitn(3, "  ");
            let (Some(hash), Some(second)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Ok(checksum) = u64::from_str_radix(hash, 16) else {
                continue;
            };
            let (len, name) = match parts.next() {
                Some(name) => match second.parse::<u64>() {
                    Ok(len) => (Some(len), name),
                    Err(_) => continue,
                },
                None => (None, second),
            };
            m.add(name, Entry { checksum, len });
        }
        m
    }

    /// Records `entry` for `name`, keeping what was recorded before.
    pub fn add(&mut self, name: &str, entry: Entry) {
        let list = self.entries.entry(name.to_string()).or_default();
        if !list.contains(&entry) {
            list.push(entry);
        }
    }

    /// Records `entry` as the only content of `name`.
    pub fn set(&mut self, name: &str, entry: Entry) {
        self.entries.insert(name.to_string(), vec![entry]);
    }

    /// The recorded entries of `name`.
    pub fn get(&self, name: &str) -> &[Entry] {
        self.entries.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The manifest's text, in name order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (name, list) in &self.entries {
            for e in list {
                match e.len {
                    Some(len) => out.push_str(&format!("{:016x}  {len}  {name}\n", e.checksum)),
                    None => out.push_str(&format!("{:016x}  {name}\n", e.checksum)),
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes_and_old_manifests() {
        let mut m = Manifest::default();
        m.set("a.svg", Entry::of(b"<svg/>"));
        m.add("a.svg", Entry::of(b"<svg>2</svg>"));
        m.set("b b.png", Entry::of(b"png"));
        assert_eq!(Manifest::parse(&m.text()), m);
        // A manifest from before lengths were recorded.
        let old = Manifest::parse("cbf29ce484222325  a.svg\nnot a line\nzz  1  b.svg\n");
        assert_eq!(
            old.get("a.svg"),
            &[Entry {
                checksum: 0xcbf29ce484222325,
                len: None
            }]
        );
        assert!(old.get("b.svg").is_empty());
    }

    /// Issue 19 (item 2): a manifest that is a link to /dev/zero, or huge, is refused without
    /// being read whole.
    #[cfg(unix)]
    #[test]
    fn regression_issue_19_manifest_is_checked_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join(NAME)).unwrap();
        assert!(matches!(
            Manifest::read(dir.path()),
            Err(Problem::NotAFile {
                kind: "character device"
            })
        ));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(NAME), vec![b'x'; (LIMIT + 1) as usize]).unwrap();
        assert!(matches!(Manifest::read(dir.path()), Err(Problem::TooLarge)));
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::read(dir.path()).unwrap(), Manifest::default());
    }
}
