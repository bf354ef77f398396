//! What can go wrong when loading or asking the gazetteer.

/// A gazetteer error. Each message says what to do next, so there is no separate help.
#[derive(Debug, Clone, PartialEq, thiserror::Error, miette::Diagnostic)]
pub enum Error {
    /// No place has this name, even by a close spelling; `suggestions` lists near names, if any.
    #[error("no place is called \"{query}\"{}", did_you_mean(suggestions))]
    UnknownPlace {
        /// The name asked.
        query: String,
        /// Near names, described with their country ("Vladivostok (RU)").
        suggestions: Vec<String>,
    },
    /// The query has no name.
    #[error("the place name is empty: give a name such as \"Vladivostok\" or \"Khasan, RU\"")]
    EmptyQuery,
    #[error(
        "the place name is {chars} characters long; names longer than {max} characters are refused"
    )]
    /// The name is longer than [`super::MAX_NAME_CHARS`] characters.
    QueryTooLong {
        /// The name's length in characters.
        chars: usize,
        /// The longest name accepted, in characters.
        max: usize,
    },
    /// The name contains a control character (`code` is its Unicode scalar value).
    #[error("the place name contains a control character (U+{code:04X}); remove it and try again")]
    ControlCharacter {
        /// The character's Unicode scalar value.
        code: u32,
    },
    /// Places have the name, but none of the asked kind (in the asked country, if one was given).
    #[error("no {kind} is called \"{query}\"{}", country.as_ref().map(|c| format!(" in {c}")).unwrap_or_default())]
    NoneOfKind {
        /// The name asked.
        query: String,
        /// The kind asked ("station").
        kind: String,
        /// The country asked, if any.
        country: Option<String>,
    },
    /// Places have the name, but none in the asked country; `elsewhere` lists the countries they are in.
    #[error("\"{query}\" names no place in {country}; it is known in: {}", elsewhere.join(", "))]
    NotInCountry {
        /// The name asked.
        query: String,
        /// The country asked.
        country: String,
        /// The countries places of that name are in.
        elsewhere: Vec<String>,
    },
    /// Places have the name, but none in the asked first-level division; `elsewhere` lists the divisions they are in.
    #[error("\"{query}\" names no place in {region}{}", in_list(elsewhere))]
    NotInRegion {
        /// The name asked.
        query: String,
        /// The division asked, as given.
        region: String,
        /// GeoNames' names of the divisions places of that name are in.
        elsewhere: Vec<String>,
    },
    #[error(
        "unknown country \"{text}\": use an ISO 3166 code (\"RU\", \"KP\") or an English name (\"Russia\")"
    )]
    /// A country qualifier that is neither an ISO 3166 code nor a known English name.
    UnknownCountry {
        /// The qualifier as given.
        text: String,
    },
    /// An airport code (the story's `airport = "…"`) that no bundled airport has.
    #[error(
        "no airport has the code \"{code}\": give its IATA code (\"VVO\") or ICAO code (\"UHWW\"), or airport = true for the airport serving the place"
    )]
    UnknownAirport {
        /// The code as given, in capitals.
        code: String,
    },
    /// An airport was asked for, but this gazetteer holds none (one built of given places).
    #[error("no airport is known to this gazetteer: give the airport's position with `at`")]
    NoAirport,
    #[error(
        "the bundled gazetteer file {file} is damaged ({reason}); rebuild it with the script data/README.md names for it, or reinstall"
    )]
    /// A bundled data file could not be read: `file` is its path in the project, `reason` what is wrong and where (line, column).
    CorruptData {
        /// The file's path in the project ("data/places/curated.tsv").
        file: &'static str,
        /// What is wrong, and where ("line 4: …").
        reason: String,
    },
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
