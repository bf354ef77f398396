//! What is already at an output name, found without following it blindly or reading it whole.
//!
//! Output goes only to regular files. A device, FIFO or socket at an output name (or a symbolic
//! link to one) is never written, `--force` or not, and never read: `/dev/zero` would feed the
//! checksum forever and a FIFO would block the run. A regular file is read only when its
//! length matches a length routecheck recorded for it, and then at most that many bytes.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// What is at an output name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Nothing: the name is free.
    Nothing,
    /// A regular file of this many bytes.
    File { len: u64 },
    /// A symbolic link to a regular file, to nothing, or to something we cannot inspect:
    /// never written by routecheck. Replacing it replaces the link, not what it points to.
    Link,
    /// Something routecheck never writes to: a folder, device, FIFO or socket (named), itself
    /// or behind a symbolic link.
    NotAFile { kind: &'static str },
}

/// Looks at `path` without reading it: its own type first, then (for a link) its target's.
pub fn inspect(path: &Path) -> std::io::Result<Existing> {
    let own = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Nothing),
        Err(e) => return Err(e),
    };
    if own.file_type().is_symlink() {
        return Ok(match std::fs::metadata(path) {
            Ok(target) => match special_kind(&target) {
                Some(kind) => Existing::NotAFile { kind },
                None => Existing::Link,
            },
            // A dangling link, or a loop: only the link itself would be replaced.
            Err(_) => Existing::Link,
        });
    }
    Ok(match special_kind(&own) {
        Some(kind) => Existing::NotAFile { kind },
        None => Existing::File { len: own.len() },
    })
}

/// The name of a file type routecheck does not write to, or None for a regular file.
fn special_kind(m: &Metadata) -> Option<&'static str> {
    let t = m.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() {
            return Some("character device");
        }
        if t.is_block_device() {
            return Some("block device");
        }
        if t.is_fifo() {
            return Some("FIFO (named pipe)");
        }
        if t.is_socket() {
            return Some("socket");
        }
    }
    Some("special file")
}

/// Opens a regular file for reading without following a symbolic link and without blocking
/// (should it have been swapped for a FIFO since [`inspect`]), and checks what was opened.
pub fn open_regular(path: &Path) -> std::io::Result<(File, u64)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK,
    );
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok((file, meta.len()))
}

/// The checksum of the regular file at `path` if it is exactly `len` bytes long, reading at
/// most `len + 1` bytes; None if it is another length, not a regular file, or unreadable.
pub fn checksum_if_len(path: &Path, len: u64) -> Option<u64> {
    let (file, actual) = open_regular(path).ok()?;
    if actual != len {
        return None;
    }
    let mut hasher = Fnv::new();
    let mut read = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    let mut limited = file.take(len + 1);
    loop {
        let n = match limited.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        hasher.update(&buf[..n]);
        read += n as u64;
    }
    (read == len).then(|| hasher.finish())
}

/// FNV-1a 64-bit: enough to tell "the file we wrote" from "a different file" (it is paired
/// with the length; it is not a defence against someone forging a map).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf29ce484222325)
    }
    pub fn update(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// The checksum of bytes in memory.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.update(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_file_a_folder_and_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.svg");
        std::fs::write(&file, b"<svg/>").unwrap();
        assert_eq!(inspect(&file).unwrap(), Existing::File { len: 6 });
        assert_eq!(
            inspect(dir.path()).unwrap(),
            Existing::NotAFile { kind: "folder" }
        );
        assert_eq!(
            inspect(&dir.path().join("none")).unwrap(),
            Existing::Nothing
        );
    }

    /// Issue 19 (items 1 and 2): a device, a FIFO, and links to them are named for what they
    /// are, and none of them is opened.
    #[cfg(unix)]
    #[test]
    fn regression_issue_19_special_files_and_links_to_them() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.svg");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert_eq!(
            inspect(&link).unwrap(),
            Existing::NotAFile {
                kind: "character device"
            }
        );
        assert_eq!(
            inspect(Path::new("/dev/null")).unwrap(),
            Existing::NotAFile {
                kind: "character device"
            }
        );
        let fifo = dir.path().join("fifo.svg");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        assert_eq!(
            inspect(&fifo).unwrap(),
            Existing::NotAFile {
                kind: "FIFO (named pipe)"
            }
        );
        // Opening it neither blocks nor reads: it is not a regular file.
        assert!(open_regular(&fifo).is_err());
        assert_eq!(checksum_if_len(&fifo, 0), None);
        // A link to a regular file, or to nothing, is a link (never ours).
        let target = dir.path().join("real.svg");
        std::fs::write(&target, b"x").unwrap();
        let to_file = dir.path().join("to-file.svg");
        std::os::unix::fs::symlink(&target, &to_file).unwrap();
        assert_eq!(inspect(&to_file).unwrap(), Existing::Link);
        assert!(open_regular(&to_file).is_err(), "a link is not followed");
        let dangling = dir.path().join("dangling.svg");
        std::os::unix::fs::symlink(dir.path().join("gone"), &dangling).unwrap();
        assert_eq!(inspect(&dangling).unwrap(), Existing::Link);
    }

    #[test]
    fn checksum_reads_only_a_file_of_the_expected_length() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.svg");
        std::fs::write(&file, b"<svg/>").unwrap();
        assert_eq!(checksum_if_len(&file, 6), Some(checksum(b"<svg/>")));
        assert_eq!(checksum_if_len(&file, 5), None);
        assert_eq!(checksum_if_len(&file, 7), None);
        // The streamed checksum equals the one in memory across buffer boundaries.
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&file, &big).unwrap();
        assert_eq!(
            checksum_if_len(&file, big.len() as u64),
            Some(checksum(&big))
        );
    }
}
