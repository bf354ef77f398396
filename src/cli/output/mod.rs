//! Safe output files. A run's files are written as a set, all or nothing, into an output
//! folder that it holds for the run:
//!
//! - **Only regular files.** A device, FIFO, socket or folder at an output name (itself or
//!   behind a symbolic link) is refused, `--force` or not, and never read ([`existing`]).
//! - **Never someone else's file.** The folder keeps a manifest, `.routecheck-manifest`, with
//!   the checksum and length of each file routecheck wrote there. A file that is not in it, or
//!   that changed since, belongs to someone else and is replaced only with `--force`. Deciding
//!   reads a file only when its length is one recorded for it, and then at most that length.
//! - **One run at a time.** A run takes an advisory lock on `.routecheck-lock` in the folder
//!   before it reads the manifest and keeps it until it exits, so two runs into the same folder
//!   take turns: neither refuses the other's files nor leaves a mix of both sets.
//! - **Whole sets or nothing.** Every file of a set is written to a temporary file in the
//!   folder first; only when all of them are on disk does the manifest record the new contents
//!   (next to the old), and the files are renamed into place; then the manifest keeps only the
//!   new contents. A failure while writing (a full disk) leaves the old set untouched; a kill
//!   at any step leaves files whose contents the manifest knows, and temporary files that the
//!   next run removes.
//!
//! This is the command's policy (its `--out` and `--force`), so it lives with the command: the
//! library returns maps, charts and exports as bytes, for each caller to store as it sees fit.

mod existing;
mod manifest;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use existing::Existing;
use manifest::{Entry, Manifest};

/// The lock file each run holds in its output folder.
const LOCK: &str = ".routecheck-lock";
/// Temporary files are `.routecheck-XXXXXX.tmp`.
const TMP_PREFIX: &str = ".routecheck-";
const TMP_SUFFIX: &str = ".tmp";

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
    #[error("cannot write {path}: {source}; no output file was replaced")]
    Unwritten {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} exists and was not written by routecheck (or was edited since): not overwriting it"
    )]
    WouldOverwrite { path: PathBuf },
    #[error("{path} exists: not overwriting it")]
    Exists { path: PathBuf },
    #[error(
        "{path} is a {kind}, not a regular file: routecheck writes output only to regular files"
    )]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{path} is a {kind}, not a folder")]
    NotAFolder { path: PathBuf, kind: &'static str },
    #[error("the manifest {path} {problem}")]
    Manifest {
        path: PathBuf,
        problem: manifest::Problem,
    },
    #[error("cannot lock output folder {path}: {source}")]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} was already written in this run, for {first}")]
    WrittenThisRun { path: PathBuf, first: String },
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
            Error::Exists { .. } => {
                Some("pass --force to replace it, or choose another name with -o")
            }
            Error::NotAFile { .. } => Some(
                "remove it or choose another name (--out DIR, -o FILE); --force does not replace it",
            ),
            Error::NotAFolder { .. } | Error::Lock { .. } => {
                Some("choose another folder with --out DIR")
            }
            Error::Manifest { .. } => Some(
                "remove it if the files in that folder may be replaced, or choose another folder with --out DIR",
            ),
            Error::WrittenThisRun { .. } => Some(
                "two stories have the same id: give each its own `id` under [story], or check them into different --out folders",
            ),
            Error::Unwritten { .. } => Some("free some space (or fix the folder) and run again"),
            Error::BadName { .. } => {
                Some("output names come from the story id: use letters, digits, '-', '_' or '.'")
            }
            Error::CreateDir { .. } | Error::Write { .. } => None,
        }
    }
}

/// A folder routecheck writes into.
#[derive(Debug)]
pub struct OutputDir {
    dir: PathBuf,
    force: bool,
    /// Held from the first write of the run until the run ends (dropped with the value).
    lock: Option<File>,
    manifest: Manifest,
    /// The names written in this run, and for whom.
    written: BTreeMap<String, String>,
    /// Temporary files of interrupted runs removed when the folder was locked (the caller
    /// reports and resets it).
    pub cleaned: usize,
}

impl OutputDir {
    /// An output folder `dir`, created, locked and read at the first write. With `force`,
    /// files that routecheck did not write may be replaced (but never a special file).
    pub fn open(dir: &Path, force: bool) -> Result<OutputDir, Error> {
        Ok(OutputDir {
            dir: dir.to_path_buf(),
            force,
            lock: None,
            manifest: Manifest::default(),
            written: BTreeMap::new(),
            cleaned: 0,
        })
    }

    /// Writes a set of files for `owner` (a story, named in messages), all or nothing: every
    /// name is checked, every file written to a temporary file, and only then are they renamed
    /// into place. Returns the paths written.
    pub fn write_all(
        &mut self,
        files: &[(String, Vec<u8>)],
        owner: &str,
    ) -> Result<Vec<PathBuf>, Error> {
        self.write_all_via(files, owner, &mut |f, b| f.write_all(b))
    }

    /// [`OutputDir::write_all`] with the step that puts bytes into a temporary file given, so
    /// that tests can make it fail as a full disk does.
    fn write_all_via(
        &mut self,
        files: &[(String, Vec<u8>)],
        owner: &str,
        put: &mut dyn FnMut(&mut File, &[u8]) -> std::io::Result<()>,
    ) -> Result<Vec<PathBuf>, Error> {
        for (name, _) in files {
            check_name(name)?;
        }
        self.lock()?;
        let mut in_set = BTreeMap::new();
        for (name, bytes) in files {
            let path = self.dir.join(name);
            if let Some(first) = self.written.get(name).or(in_set.get(name)) {
                return Err(Error::WrittenThisRun {
                    path,
                    first: first.clone(),
                });
            }
            self.check_one(name, bytes)?;
            in_set.insert(name.clone(), owner.to_string());
        }
        // Every file on disk before any is renamed into place: a failure here (a full disk)
        // drops the temporary files and leaves the folder as it was.
        let mut temps = Vec::with_capacity(files.len() + 1);
        let mut paths = Vec::with_capacity(files.len() + 1);
        for (name, bytes) in files {
            let path = self.dir.join(name);
            match unsynced_temp(&self.dir, bytes, put) {
                Ok(tmp) => temps.push(tmp),
                Err(source) => return Err(Error::Unwritten { path, source }),
            }
            paths.push(path);
        }
        let manifest_path = self.dir.join(manifest::NAME);
        let mut pending = self.manifest.clone();
        let entries: Vec<Entry> = files.iter().map(|(_, bytes)| Entry::of(bytes)).collect();
        for ((name, _), entry) in files.iter().zip(&entries) {
            pending.add(name, *entry);
        }
        let unwritten = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Unwritten { path, source }
        };
        let pending_tmp = unsynced_temp(&self.dir, pending.text().as_bytes(), put)
            .map_err(unwritten(&manifest_path))?;
        temps.push(pending_tmp);
        paths.push(manifest_path.clone());
        let synced = sync_together(temps.iter().map(|t| t.as_file()));
        for (result, path) in synced.into_iter().zip(&paths) {
            result.map_err(unwritten(path))?;
        }
        let pending_tmp = temps
            .pop()
            .expect("the manifest's temporary file was pushed last");
        persist_file(pending_tmp, &manifest_path).map_err(unwritten(&manifest_path))?;
        let mut written = Vec::with_capacity(files.len());
        for (path, tmp) in paths.into_iter().zip(temps) {
            refuse_special(&path)?;
            tmp.persist(&path).map_err(|e| Error::Write {
                path: path.clone(),
                source: e.error,
            })?;
            written.push(path);
        }
        for ((name, _), entry) in files.iter().zip(entries) {
            pending.set(name, entry);
        }
        // The renames and the manifest that keeps only the new contents are made durable
        // together. Should the manifest's rename be lost in a crash, the one before it still
        // knows both the old and the new contents.
        let write_err = |source| Error::Write {
            path: manifest_path.clone(),
            source,
        };
        let final_tmp =
            unsynced_temp(&self.dir, pending.text().as_bytes(), put).map_err(write_err)?;
        let dir = open_dir(&self.dir);
        let synced = sync_together(std::iter::once(final_tmp.as_file()).chain(dir.as_ref()));
        synced
            .into_iter()
            .next()
            .unwrap_or(Ok(()))
            .map_err(write_err)?;
        persist_file(final_tmp, &manifest_path).map_err(write_err)?;
        self.manifest = pending;
        self.written.extend(in_set);
        Ok(written)
    }

    /// Creates and locks the folder (once per run), then reads its manifest and removes the
    /// temporary files an interrupted run left: no other run is writing while we hold the lock.
    fn lock(&mut self) -> Result<(), Error> {
        if self.lock.is_some() {
            return Ok(());
        }
        match existing::inspect(&self.dir) {
            Ok(Existing::NotAFile { kind: "folder" }) | Ok(Existing::Nothing) => {}
            Ok(Existing::NotAFile { kind }) => {
                return Err(Error::NotAFolder {
                    path: self.dir.clone(),
                    kind,
                });
            }
            Ok(Existing::File { .. }) => {
                return Err(Error::NotAFolder {
                    path: self.dir.clone(),
                    kind: "regular file",
                });
            }
            // A link to a folder (or to nothing) is followed, as the user named it.
            Ok(Existing::Link) | Err(_) => {}
        }
        std::fs::create_dir_all(&self.dir).map_err(|source| Error::CreateDir {
            path: self.dir.clone(),
            source,
        })?;
        let path = self.dir.join(LOCK);
        let lock_err = |source| Error::Lock {
            path: path.clone(),
            source,
        };
        let file = open_lock_file(&path).map_err(lock_err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                eprintln!(
                    "waiting for another routecheck run to finish writing to {}",
                    self.dir.display()
                );
                file.lock().map_err(lock_err)?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(lock_err(e)),
        }
        self.lock = Some(file);
        self.manifest = Manifest::read(&self.dir).map_err(|problem| Error::Manifest {
            path: self.dir.join(manifest::NAME),
            problem,
        })?;
        self.cleaned = remove_temporaries(&self.dir);
        Ok(())
    }

    /// Whether `name` may be written with `bytes`: nothing there, a file routecheck wrote (as
    /// the manifest records it) or one with exactly these bytes already, or, with `--force`, a
    /// regular file or link of someone else. Never a special file.
    fn check_one(&self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        let path = self.dir.join(name);
        let ours = match existing::inspect(&path) {
            Ok(Existing::Nothing) => return Ok(()),
            Ok(Existing::NotAFile { kind }) => return Err(Error::NotAFile { path, kind }),
            Ok(Existing::Link) | Err(_) => false,
            // --force replaces it whatever it holds: no need to read it back.
            Ok(Existing::File { .. }) if self.force => true,
            Ok(Existing::File { len }) => {
                let new = Entry::of(bytes);
                let known: Vec<u64> = self
                    .manifest
                    .get(name)
                    .iter()
                    .chain(std::iter::once(&new))
                    .filter(|e| e.len.is_none_or(|l| l == len))
                    .map(|e| e.checksum)
                    .collect();
                !known.is_empty()
                    && existing::checksum_if_len(&path, len).is_some_and(|c| known.contains(&c))
            }
        };
        if ours || self.force {
            Ok(())
        } else {
            Err(Error::WouldOverwrite { path })
        }
    }
}

/// Refuses a path that is not a plain name in the folder.
fn check_name(name: &str) -> Result<(), Error> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0'])
        && Path::new(name).file_name().is_some_and(|f| f == name);
    if plain {
        Ok(())
    } else {
        Err(Error::BadName {
            name: name.to_string(),
        })
    }
}

/// Before a command computes a single output file (`-o FILE`): refuses a special file at
/// `path` (`--force` or not) and an existing file without `force`. Standard output (`-`) is
/// the caller's to handle before it asks.
pub fn check_target(path: &Path, force: bool) -> Result<(), Error> {
    refuse_special(path)?;
    let exists = !matches!(existing::inspect(path), Ok(Existing::Nothing));
    if exists && !force {
        return Err(Error::Exists {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Refuses a device, FIFO, socket or folder at `path`, or a link to one.
fn refuse_special(path: &Path) -> Result<(), Error> {
    match existing::inspect(path) {
        Ok(Existing::NotAFile { kind }) => Err(Error::NotAFile {
            path: path.to_path_buf(),
            kind,
        }),
        _ => Ok(()),
    }
}

/// Writes a whole file through a temporary file in the same folder and a rename, only ever
/// replacing a regular file (or a link, not what it points to).
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    refuse_special(path)?;
    write_via_temp(path, bytes, &mut |f, b| f.write_all(b)).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// As [`atomic_write`], for a file too large to hold in memory: `put` writes it into the
/// temporary file (and may seek in it).
pub fn atomic_write_with(
    path: &Path,
    put: &mut dyn FnMut(&mut File) -> std::io::Result<()>,
) -> Result<(), Error> {
    refuse_special(path)?;
    write_via_temp(path, &[], &mut |f, _| put(f)).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

fn write_via_temp(
    path: &Path,
    bytes: &[u8],
    put: &mut dyn FnMut(&mut File, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = unsynced_temp(dir, bytes, put)?;
    tmp.as_file().sync_all()?;
    persist_file(tmp, path)
}

/// Renames a temporary file to `path`, unless `path` is a folder, device, FIFO or socket.
fn persist_file(tmp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    if let Ok(Existing::NotAFile { kind }) = existing::inspect(path) {
        return Err(std::io::Error::other(format!("it is a {kind}")));
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A temporary file in `dir` holding `bytes`, not yet flushed to disk (see [`sync_together`]).
fn unsynced_temp(
    dir: &Path,
    bytes: &[u8],
    put: &mut dyn FnMut(&mut File, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TMP_PREFIX).suffix(TMP_SUFFIX);
    // Readable as any new file would be (0666 less the umask), not the temporary file's 0600:
    // maps are made to be shared.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir)?;
    put(tmp.as_file_mut(), bytes)?;
    Ok(tmp)
}

/// Flushes `files` to disk, all at once: one thread each, so that the file system commits
/// them together instead of one after the other (on ext4, seven files took 1–11 ms this way
/// against 17–40 ms in turn). The results come back in the order of `files`.
fn sync_together<'a>(files: impl Iterator<Item = &'a File>) -> Vec<std::io::Result<()>> {
    let files: Vec<&File> = files.collect();
    std::thread::scope(|s| {
        let jobs: Vec<_> = files.iter().map(|f| s.spawn(|| f.sync_all())).collect();
        jobs.into_iter()
            .map(|job| {
                job.join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("flushing the file failed")))
            })
            .collect()
    })
}

/// Opens (creating) the lock file, without following a link and without blocking on a FIFO.
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK,
    );
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("the lock file is not a regular file"));
    }
    Ok(file)
}

/// Removes `.routecheck-*.tmp` regular files in `dir` (left by a killed run); returns how many.
fn remove_temporaries(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TMP_PREFIX)
                && name.ends_with(TMP_SUFFIX)
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// The folder opened for flushing its entries (the renames) to disk, where the platform
/// allows it (a folder cannot be opened on Windows).
fn open_dir(dir: &Path) -> Option<File> {
    #[cfg(unix)]
    return File::open(dir).ok();
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

#[cfg(test)]
mod tests;
