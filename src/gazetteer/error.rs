//! What can go wrong when loading or asking the gazetteer.

/// A gazetteer error. Each message says what to do next, so there is no separate help.
#[derive(Debug, Clone, PartialEq, thiserror::Error, miette::Diagnostic)]
pub enum Error {
    #[error("no place is called \"{query}\"{}", did_you_mean(suggestions))]
    UnknownPlace {
        query: String,
        suggestions: Vec<String>,
    },
    #[error("the place name is empty: give a name such as \"Vladivostok\" or \"Khasan, RU\"")]
    EmptyQuery,
    #[error(
        "the place name is {chars} characters long; names longer than {max} characters are refused"
    )]
    QueryTooLong { chars: usize, max: usize },
    #[error("the place name contains a control character (U+{code:04X}); remove it and try again")]
    ControlCharacter { code: u32 },
    #[error("no {kind} is called \"{query}\"{}", country.as_ref().map(|c| format!(" in {c}")).unwrap_or_default())]
    NoneOfKind {
        query: String,
        kind: String,
        country: Option<String>,
    },
    #[error("\"{query}\" names no place in {country}; it is known in: {}", elsewhere.join(", "))]
    NotInCountry {
        query: String,
        country: String,
        elsewhere: Vec<String>,
    },
    #[error("\"{query}\" names no place in {region}{}", in_list(elsewhere))]
    NotInRegion {
        query: String,
        region: String,
        elsewhere: Vec<String>,
    },
    #[error(
        "unknown country \"{text}\": use an ISO 3166 code (\"RU\", \"KP\") or an English name (\"Russia\")"
    )]
    UnknownCountry { text: String },
    #[error(
        "the bundled gazetteer file {file} is damaged ({reason}); rebuild it with the script data/README.md names for it, or reinstall"
    )]
    CorruptData { file: &'static str, reason: String },
}

impl Error {
    /// A bundled table's row that [`crate::rows::read`] refused, as [`Error::CorruptData`]
    /// ("line 4, column 6: latitude 91 is out of range").
    pub(crate) fn from_rows(file: &'static str, e: &crate::rows::Error) -> Error {
        let column = e
            .column
            .map(|c| format!(", column {c}"))
            .unwrap_or_default();
        Error::CorruptData {
            file,
            reason: format!("line {}{column}: {}", e.line, e.message),
        }
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; check the spelling, or add \", CC\" with a country code".to_string()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// "; it is known in: A, B" (GeoNames' division names), or a hint when none is known.
fn in_list(elsewhere: &[String]) -> String {
    if elsewhere.is_empty() {
        "; check the division's spelling (GeoNames' name, such as \"Primorye\", or its code), or give a country instead".into()
    } else {
        format!("; it is known in: {}", elsewhere.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_to_do() {
        let e = Error::UnknownPlace {
            query: "Vladivostk".into(),
            suggestions: vec!["Vladivostok (RU)".into()],
        };
        assert_eq!(
            e.to_string(),
            "no place is called \"Vladivostk\"; did you mean Vladivostok (RU)?"
        );
        let e = Error::UnknownPlace {
            query: "Qqq".into(),
            suggestions: vec![],
        };
        assert!(e.to_string().contains("check the spelling"));
        assert!(Error::EmptyQuery.to_string().contains("Khasan, RU"));
    }
}
