//! Safe output files: written whole to a temporary file in the same folder, then renamed into
//! place, so an interrupted run never leaves a truncated map; and a file routecheck did not
//! write is never overwritten unless the caller forces it.
//!
//! The folder keeps a small manifest, `.routecheck-manifest`, with a checksum of each file
//! routecheck wrote there. A file that is not in it, or that changed since, belongs to someone
//! else.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

const MANIFEST: &str = ".routecheck-manifest";

/// Errors from writing output files.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot create output folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} exists and was not written by routecheck (or was edited since): not overwriting it"
    )]
    WouldOverwrite { path: PathBuf },
    #[error("\"{name}\" is not a plain file name")]
    BadName { name: String },
}

impl Error {
    /// What to do about it.
    pub fn help(&self) -> Option<&'static str> {
        match self {
            Error::WouldOverwrite { .. } => {
                Some("pass --force to overwrite it, or choose another folder with --out DIR")
            }
            Error::BadName { .. } => {
                Some("output names come from the story id: use letters, digits, '-', '_' or '.'")
            }
            _ => None,
        }
    }
}

/// A folder routecheck writes into.
#[derive(Debug)]
pub struct OutputDir {
    dir: PathBuf,
    force: bool,
    manifest: BTreeMap<String, String>,
}

impl OutputDir {
    /// Opens `dir` (created at the first write). With `force`, files that routecheck did not
    /// write may be replaced.
    pub fn open(dir: &Path, force: bool) -> Result<OutputDir, Error> {
        let manifest = std::fs::read_to_string(dir.join(MANIFEST))
            .map(|t| {
                t.lines()
                    .filter_map(|l| l.split_once("  "))
                    .map(|(h, n)| (n.to_string(), h.to_string()))
                    .collect()
            })
            .unwrap_or_default();
        Ok(OutputDir {
            dir: dir.to_path_buf(),
            force,
            manifest,
        })
    }

    /// The path a file of this name would have.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Checks that every name can be written, before anything is: a run writes all or nothing.
    pub fn check(&self, names: &[&str]) -> Result<(), Error> {
        for name in names {
            self.check_one(name)?;
        }
        Ok(())
    }

    fn check_one(&self, name: &str) -> Result<PathBuf, Error> {
        let plain = !name.is_empty()
            && !name.starts_with('.')
            && !name.contains(['/', '\\', '\0'])
            && Path::new(name).file_name().is_some_and(|f| f == name);
        if !plain {
            return Err(Error::BadName {
                name: name.to_string(),
            });
        }
        let path = self.dir.join(name);
        if !self.force && path.exists() {
            // Ours only if we recorded it and it still reads back the same. (An unreadable file
            // that is not in the manifest compared None == None and counted as ours.)
            let ours = match (std::fs::read(&path), self.manifest.get(name)) {
                (Ok(bytes), Some(recorded)) => checksum(&bytes) == *recorded,
                _ => false,
            };
            if !ours {
                return Err(Error::WouldOverwrite { path });
            }
        }
        Ok(path)
    }

    /// Writes `bytes` to `name` atomically (temporary file + rename) and records it.
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
        let path = self.check_one(name)?;
        std::fs::create_dir_all(&self.dir).map_err(|source| Error::CreateDir {
            path: self.dir.clone(),
            source,
        })?;
        atomic_write(&path, bytes)?;
        self.manifest.insert(name.to_string(), checksum(bytes));
        let text: String = self
            .manifest
            .iter()
            .map(|(n, h)| format!("{h}  {n}\n"))
            .collect();
        atomic_write(&self.dir.join(MANIFEST), text.as_bytes())?;
        Ok(path)
    }
}

/// Writes a whole file through a temporary file in the same folder and a rename.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".routecheck-").suffix(".tmp");
    // Readable as any new file would be (0666 less the umask), not the temporary file's 0600:
    // maps are made to be shared.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// FNV-1a 64-bit checksum, hex: enough to tell "the file we wrote" from "a different file".
fn checksum(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_atomically_and_guards_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutputDir::open(dir.path(), false).unwrap();
        out.write("a.svg", b"<svg/>").unwrap();
        // Our own file may be rewritten.
        out.write("a.svg", b"<svg>2</svg>").unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("a.svg")).unwrap(),
            b"<svg>2</svg>"
        );
        // A file someone else wrote, or edited, is refused.
        std::fs::write(dir.path().join("b.svg"), b"theirs").unwrap();
        assert!(matches!(
            out.write("b.svg", b"ours"),
            Err(Error::WouldOverwrite { .. })
        ));
        std::fs::write(dir.path().join("a.svg"), b"edited").unwrap();
        let out2 = OutputDir::open(dir.path(), false).unwrap();
        assert!(matches!(
            out2.check(&["a.svg"]),
            Err(Error::WouldOverwrite { .. })
        ));
        // --force overrides.
        let mut forced = OutputDir::open(dir.path(), true).unwrap();
        forced.write("b.svg", b"ours").unwrap();
        // No temporary files are left behind.
        let leftovers = std::fs::read_dir(dir.path()).unwrap().filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        });
        assert_eq!(leftovers.count(), 0);
    }

    /// Issue 8: a foreign file that could not be read (a folder, or no read permission) was
    /// taken for one of ours and would have been replaced.
    #[test]
    fn regression_issue_8_unreadable_foreign_file_is_not_ours() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("map.svg")).unwrap();
        let out = OutputDir::open(dir.path(), false).unwrap();
        assert!(matches!(
            out.check(&["map.svg"]),
            Err(Error::WouldOverwrite { .. })
        ));
    }

    #[test]
    fn refuses_paths_as_names() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::open(dir.path(), true).unwrap();
        for bad in ["../x.svg", "/etc/passwd", "", ".hidden", "a/b"] {
            assert!(
                matches!(out.check(&[bad]), Err(Error::BadName { .. })),
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
}
