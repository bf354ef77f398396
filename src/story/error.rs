//! Story errors: the file, the line and column, what is wrong and what to write instead.

use std::sync::Arc;

use miette::{NamedSource, SourceSpan};

/// A problem with a story file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum Error {
    #[error("cannot read story file {path}: {reason}")]
    #[diagnostic(help(
        "check the path; `routecheck check` with no argument runs the bundled default story"
    ))]
    /// The file could not be opened or read.
    Io {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        reason: String,
    },

    #[error("story file {path} is not UTF-8 text (invalid byte at offset {offset})")]
    #[diagnostic(help(
        "save the story as UTF-8 text; a story file is TOML (see data/stories/README.md)"
    ))]
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// The path as given.
        path: String,
        /// The byte offset of the first invalid byte.
        offset: usize,
    },

    #[error("story file {path} is not UTF-8 text: it is UTF-16 ({encoding})")]
    #[diagnostic(help(
        "save the story as UTF-8 (in Notepad: Save as… › Encoding › UTF-8; or `iconv -f UTF-16 -t UTF-8`)"
    ))]
    /// The file is UTF-16, with or without a byte-order mark.
    Utf16 {
        /// The path as given.
        path: String,
        /// "little-endian, with a byte-order mark", "big-endian, without a byte-order mark", …
        encoding: &'static str,
    },

    #[error("story file {path} is larger than {limit_mib} MiB: not reading it")]
    #[diagnostic(help(
        "a story file is a short TOML file of waypoints, legs, events and claims (see data/stories/README.md)"
    ))]
    /// The file is larger than [`MAX_STORY_BYTES`](super::MAX_STORY_BYTES).
    TooLarge {
        /// The path as given.
        path: String,
        /// The limit, in MiB.
        limit_mib: u64,
    },

    /// A story built in memory (see [`super::Story::from_parts`]) that breaks a rule a story
    /// file must keep.
    #[error("{path}: {message}")]
    Built {
        /// The name the story was built under.
        path: String,
        /// What is wrong.
        message: String,
        /// What to do instead.
        #[help]
        help: String,
    },

    /// The file is not valid TOML, or breaks a rule of the story format.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        /// The path as given.
        path: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
        /// What to write instead, when there is a suggestion.
        #[help]
        help: Option<String>,
        /// The story text, for the diagnostic's excerpt. Shared, so that the error stays small
        /// (it travels in every `Result`).
        #[source_code]
        src: Arc<NamedSource<String>>,
        /// The bytes of the file the problem is in, for the diagnostic's underline.
        #[label("here")]
        span: Option<SourceSpan>,
    },
}

impl Error {
    pub(crate) fn io(path: &str, e: &std::io::Error) -> Error {
        Error::Io {
            path: path.to_string(),
            reason: e.to_string(),
        }
    }

    /// An error at a byte range of the story text. The source snippet is left out when its
    /// lines are too long to show (minified text, a pasted article on one line).
    pub(crate) fn at(
        path: &str,
        text: &str,
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Error {
        let start = span.as_ref().map(|s| s.start.min(text.len())).unwrap_or(0);
        let (line, column) = line_col(text, start);
        let span = span
            .map(|s| {
                let start = floor_char_boundary(text, s.start);
                (start, floor_char_boundary(text, s.end.max(start)))
            })
            .filter(|&(start, end)| snippet_fits(text, start, end));
        Error::Invalid {
            path: path.to_string(),
            line,
            column,
            message: message.into(),
            help,
            src: Arc::new(NamedSource::new(
                path,
                if span.is_some() {
                    text.to_string()
                } else {
                    String::new()
                },
            )),
            span: span.map(|(start, end)| SourceSpan::new(start.into(), end - start)),
        }
    }

    pub(crate) fn from_toml(path: &str, text: &str, e: &toml::de::Error) -> Error {
        let message = e.message().trim().to_string();
        let help = toml_help(&message);
        Error::at(path, text, e.span(), message, help)
    }

    /// 1-based line of the problem (0 for I/O errors).
    pub fn line(&self) -> usize {
        match self {
            Error::Io { .. }
            | Error::NotUtf8 { .. }
            | Error::Utf16 { .. }
            | Error::TooLarge { .. }
            | Error::Built { .. } => 0,
            Error::Invalid { line, .. } => *line,
        }
    }
}

fn toml_help(message: &str) -> Option<String> {
    if message.contains("missing field") {
        Some(
            "add the field named above to this table (see data/stories/README.md for the format)"
                .into(),
        )
    } else if message.contains("unknown field") {
        Some("remove or rename the field; the expected names are listed above".into())
    } else if message.contains("invalid type") {
        Some("quantities are strings with a unit, e.g. speed = \"60 km/h\"; times are TOML datetimes".into())
    } else if message.contains("unknown variant") {
        Some("use one of the values listed above".into())
    } else {
        Some("the file must be valid TOML; see data/stories/README.md for the format".into())
    }
}

/// Longest line shown in a source snippet, in bytes.
const MAX_SNIPPET_LINE: usize = 400;
/// Largest span (with its surrounding lines) shown as a snippet, in bytes.
const MAX_SNIPPET: usize = 16 * 1024;

/// Whether the lines around `start..end` (one line of context each side, as the renderer
/// shows them) are short enough to print.
fn snippet_fits(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start]
        .rfind('\n')
        .and_then(|i| text[..i].rfind('\n').map(|j| j + 1).or(Some(0)))
        .unwrap_or(0);
    let after = text[end..]
        .find('\n')
        .map(|i| end + i + 1)
        .and_then(|i| text[i..].find('\n').map(|j| i + j).or(Some(text.len())))
        .unwrap_or(text.len());
    after - before <= MAX_SNIPPET
        && text[before..after]
            .split('\n')
            .all(|l| l.len() <= MAX_SNIPPET_LINE)
}

/// The largest character boundary at or before `i` (clamped to the text).
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut off = offset.min(text.len());
    while !text.is_char_boundary(off) {
        off -= 1;
    }
    let before = &text[..off];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Errors travel in every `Result` of the validator: keep them small (clippy's
    /// `result_large_err` threshold is 128 bytes).
    #[test]
    fn the_error_is_small() {
        assert!(
            std::mem::size_of::<Error>() <= 128,
            "{}",
            std::mem::size_of::<Error>()
        );
    }

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab\ncd", 99), (2, 3));
        assert_eq!(line_col("é\nx", 1), (1, 1));
    }

    /// Issue 8: an error on a very long line (a pasted article, minified text) printed the
    /// whole line, megabytes of it, as the source snippet.
    #[test]
    fn regression_issue_8_long_lines_are_not_shown_as_snippets() {
        use miette::Diagnostic;
        let long = format!("x = [{}\n", "[".repeat(100_000));
        let e = Error::at("t.toml", &long, Some(4..5), "bad", None);
        assert_eq!(e.labels().map_or(0, |l| l.count()), 0);
        assert_eq!(e.to_string(), "t.toml:1:5: bad");
        let short = "a = 1\nb = [\nc = 3\n";
        let e = Error::at("t.toml", short, Some(10..11), "bad", None);
        assert_eq!(e.labels().map(|l| l.count()), Some(1));
        // A span that starts inside a character is moved back to its start, never split.
        let e = Error::at("t.toml", "é = 1", Some(1..2), "bad", None);
        assert!(matches!(e, Error::Invalid { span: Some(s), .. } if s.offset() == 0));
    }
}
