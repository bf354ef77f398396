//! Story errors: the file, the line and column, what is wrong and what to write instead.

use miette::{NamedSource, SourceSpan};

/// A problem with a story file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum Error {
    #[error("cannot read story file {path}: {reason}")]
    #[diagnostic(help(
        "check the path; `routecheck check` with no argument runs the bundled default story"
    ))]
    Io { path: String, reason: String },

    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<Invalid>),
}

/// A problem at a place in the story text.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{path}:{line}:{column}: {message}")]
pub struct Invalid {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[help]
    pub help: Option<String>,
    #[source_code]
    src: NamedSource<String>,
    #[label("here")]
    span: Option<SourceSpan>,
}

impl Error {
    pub(crate) fn io(path: &str, e: &std::io::Error) -> Error {
        Error::Io {
            path: path.to_string(),
            reason: e.to_string(),
        }
    }

    /// An error at a byte range of the story text.
    pub(crate) fn at(
        path: &str,
        text: &str,
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Error {
        let start = span.as_ref().map(|s| s.start.min(text.len())).unwrap_or(0);
        let (line, column) = line_col(text, start);
        Error::Invalid(Box::new(Invalid {
            path: path.to_string(),
            line,
            column,
            message: message.into(),
            help,
            src: NamedSource::new(path, text.to_string()),
            span: span.map(|s| {
                let start = s.start.min(text.len());
                let len = s.end.min(text.len()).saturating_sub(start);
                SourceSpan::new(start.into(), len)
            }),
        }))
    }

    pub(crate) fn from_toml(path: &str, text: &str, e: &toml::de::Error) -> Error {
        let message = e.message().trim().to_string();
        let help = toml_help(&message);
        Error::at(path, text, e.span(), message, help)
    }

    /// 1-based line of the problem (0 for I/O errors).
    pub fn line(&self) -> usize {
        match self {
            Error::Io { .. } => 0,
            Error::Invalid(i) => i.line,
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

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab\ncd", 99), (2, 3));
        assert_eq!(line_col("é\nx", 1), (1, 1));
    }
}
