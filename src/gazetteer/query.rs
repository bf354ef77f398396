//! What a user asks for: a name, optionally qualified by country and kind.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::OnceLock;

use super::error::Error;
use super::normalize::{MAX_NAME_CHARS, normalize};
use super::place::PlaceKind;

/// A place lookup: "Khasan", "Khasan, RU", "Khasan, Russia", plus optional qualifiers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Query {
    /// The name as written (any script).
    pub text: String,
    /// ISO 3166-1 alpha-2 code the place must be in.
    pub country: Option<String>,
    /// The kind of feature wanted.
    pub kind: Option<PlaceKind>,
    /// The first-level division (state, province, krai) the place must be in: its GeoNames
    /// name ("Primorye"), ASCII spelling, or code ("IL" or "US.IL"). "Razdolnoye, Primorye"
    /// sets it when the text's tail names no country and the whole text names no place.
    pub region: Option<String>,
    /// Whether `country` came from the text's tail ("Springfield, IL"), which may then be
    /// read as a division's code instead when the country has no such place.
    #[serde(skip)]
    pub(crate) country_from_text: bool,
}

impl Query {
    /// A bare name with no qualifiers.
    pub fn name(text: impl Into<String>) -> Query {
        Query {
            text: text.into(),
            country: None,
            kind: None,
            region: None,
            country_from_text: false,
        }
    }

    /// Restricts the query to a first-level division (see [`Query::region`]).
    pub fn in_region(mut self, region: &str) -> Query {
        self.region = Some(region.trim().to_string());
        self
    }

    /// Restricts the query to a country, given as a code ("RU") or an English name.
    pub fn in_country(mut self, country: &str) -> Result<Query, Error> {
        let code = country_code(country).ok_or_else(|| Error::UnknownCountry {
            text: clip(country),
        })?;
        self.country = Some(code.to_string());
        self.country_from_text = false;
        Ok(self)
    }

    /// Restricts the query to one kind of feature.
    pub fn of_kind(mut self, kind: PlaceKind) -> Query {
        self.kind = Some(kind);
        self
    }

    /// Checks the text and returns its lookup key.
    pub(crate) fn key(&self) -> Result<String, Error> {
        validate(&self.text)?;
        let key = normalize(&self.text);
        if key.is_empty() {
            Err(Error::EmptyQuery)
        } else {
            Ok(key)
        }
    }
}

/// Refuses empty, overlong and control-character names.
fn validate(text: &str) -> Result<(), Error> {
    if let Some(c) = text.chars().find(|c| c.is_control() && !matches!(c, '\t')) {
        return Err(Error::ControlCharacter { code: c as u32 });
    }
    let chars = text.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(Error::QueryTooLong {
            chars,
            max: MAX_NAME_CHARS,
        });
    }
    if text.trim().is_empty() {
        return Err(Error::EmptyQuery);
    }
    Ok(())
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

impl FromStr for Query {
    type Err = Error;

    /// "Khasan, RU" and "Khasan, Russia" set the country; a tail that is not a country stays
    /// part of the name ("Washington, D.C." keeps its comma).
    fn from_str(s: &str) -> Result<Query, Error> {
        validate(s)?;
        let s = s.trim();
        if let Some((head, tail)) = s.rsplit_once(',')
            && !head.trim().is_empty()
            && let Some(code) = country_code(tail)
        {
            return Ok(Query {
                text: head.trim().to_string(),
                country: Some(code.to_string()),
                kind: None,
                region: None,
                country_from_text: true,
            });
        }
        Ok(Query::name(s))
    }
}

struct Countries {
    by_key: HashMap<String, &'static str>,
    names: HashMap<&'static str, &'static str>,
}

fn countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(|| {
        let text: &'static str = include_str!("../../data/world/countries.tsv");
        let mut by_key = HashMap::new();
        let mut names = HashMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(a2), Some(a3), Some(ns)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            by_key.insert(a2.to_ascii_lowercase(), a2);
            by_key.insert(a3.to_ascii_lowercase(), a2);
            for n in ns.split('|') {
                by_key.insert(normalize(n), a2);
            }
            let short = ns.split('|').find(|n| !n.contains(',')).unwrap_or(ns);
            names.insert(a2, short);
        }
        Countries { by_key, names }
    })
}

/// The ISO 3166-1 alpha-2 code for a code ("ru", "RUS") or an English name ("Russia").
///
/// ```
/// use routecheck::gazetteer::country_code;
/// assert_eq!(country_code("Russia"), Some("RU"));
/// assert_eq!(country_code("kp"), Some("KP"));
/// assert_eq!(country_code("North Korea"), Some("KP"));
/// assert_eq!(country_code("D.C."), None);
/// ```
pub fn country_code(text: &str) -> Option<&'static str> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 80 {
        return None;
    }
    countries().by_key.get(&normalize(t)).copied()
}

/// A short English name for an alpha-2 code ("RU" → "Russian Federation").
pub fn country_name(code: &str) -> Option<&'static str> {
    countries().names.get(code).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_tail_becomes_a_qualifier() {
        let q: Query = "Khasan, RU".parse().unwrap();
        assert_eq!(
            (q.text.as_str(), q.country.as_deref()),
            ("Khasan", Some("RU"))
        );
        let q: Query = "Khasan, Russia".parse().unwrap();
        assert_eq!(q.country.as_deref(), Some("RU"));
        let q: Query = "Washington, D.C.".parse().unwrap();
        assert_eq!((q.text.as_str(), q.country), ("Washington, D.C.", None));
        let q: Query = ", RU".parse().unwrap();
        assert_eq!(q.text, ", RU");
    }

    #[test]
    fn bad_input_is_refused_clearly() {
        assert_eq!("".parse::<Query>(), Err(Error::EmptyQuery));
        assert_eq!("   ".parse::<Query>(), Err(Error::EmptyQuery));
        let long = "a".repeat(10_000);
        assert!(matches!(
            long.parse::<Query>(),
            Err(Error::QueryTooLong { chars: 10_000, .. })
        ));
        assert_eq!(
            "Kha\u{0}san".parse::<Query>(),
            Err(Error::ControlCharacter { code: 0 })
        );
        assert_eq!(Query::name("'''").key(), Err(Error::EmptyQuery));
        assert!(matches!(
            Query::name("x").in_country("Atlantis"),
            Err(Error::UnknownCountry { .. })
        ));
    }
}
