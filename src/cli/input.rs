//! Reading the user's input files (articles, tracks, rail networks) with a size limit, so that
//! `/dev/zero` or a mistaken 50 GB file is refused rather than read into memory.

use std::io::Read;
use std::path::Path;

/// Largest article read (extraction runs at several MB/s, so this is seconds of work).
pub const ARTICLE_LIMIT: u64 = 16 << 20;
/// Largest track or rail-network file read (a million-point GeoJSON track is about 40 MB).
pub const TRACK_LIMIT: u64 = 256 << 20;

/// True for the path `-`: standard input (or, as an output, standard output).
pub fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How a path is named in messages: `-` is "standard input".
pub fn shown(path: &Path) -> String {
    if is_dash(path) {
        STDIN.to_string()
    } else {
        path.display().to_string()
    }
}

/// The name of standard input in messages and reports.
pub const STDIN: &str = "standard input";

/// Reads a UTF-8 text file of at most `limit` bytes (`-`: standard input); `what` names it in
/// messages.
pub fn read_text(path: &Path, what: &str, limit: u64) -> miette::Result<String> {
    let shown = shown(path);
    let reader: Box<dyn Read> = if is_dash(path) {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            std::fs::File::open(path)
                .map_err(|e| miette::miette!("cannot read {what} {shown}: {e}"))?,
        )
    };
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| miette::miette!("cannot read {what} {shown}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(miette::miette!(
            help = "split the file, or check that it is the file you meant",
            "{what} {shown} is larger than {} MiB: not reading it",
            limit >> 20
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        miette::miette!(
            help = "save the file as UTF-8 text",
            "{what} {shown} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}
