//! The gazetteer: places by name (any spelling or script) and by position.
//!
//! First cut: exact, case-insensitive names and aliases over a list of places. The bundled
//! world table arrives with the full gazetteer.

mod place;

pub use place::{Place, PlaceGeometry, PlaceKind, Source};

/// Errors from looking up places.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("unknown place \"{query}\"{}", suggest(suggestions))]
    UnknownPlace {
        query: String,
        suggestions: Vec<String>,
    },
    #[error("empty place name: write the name of a place, e.g. \"Vladivostok\"")]
    EmptyQuery,
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(": did you mean {}?", s.join(", "))
    }
}

/// A place query with optional qualifiers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub country: Option<String>,
    pub kind: Option<PlaceKind>,
}

/// How a query was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum MatchKind {
    Exact,
    Alias,
    Fuzzy,
}

/// The place a query resolved to.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub place: Place,
    pub matched: MatchKind,
    pub why: String,
}

/// A set of places searchable by name.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
}

impl Gazetteer {
    pub fn load_default() -> Result<Gazetteer, Error> {
        Ok(Gazetteer::default())
    }

    pub fn from_places(places: Vec<Place>) -> Gazetteer {
        Gazetteer { places }
    }

    pub fn resolve(&self, q: &Query) -> Result<Resolution, Error> {
        let t = q.text.trim().to_lowercase();
        if t.is_empty() {
            return Err(Error::EmptyQuery);
        }
        let ok = |p: &&Place| {
            q.country
                .as_deref()
                .is_none_or(|c| p.country.as_deref() == Some(c))
                && q.kind.is_none_or(|k| p.kind == k)
        };
        if let Some(p) = self
            .places
            .iter()
            .filter(ok)
            .find(|p| p.name.to_lowercase() == t)
        {
            return Ok(Resolution {
                place: p.clone(),
                matched: MatchKind::Exact,
                why: "exact name".into(),
            });
        }
        if let Some(p) = self
            .places
            .iter()
            .filter(ok)
            .find(|p| p.aliases.iter().any(|a| a.to_lowercase() == t))
        {
            return Ok(Resolution {
                place: p.clone(),
                matched: MatchKind::Alias,
                why: "alias".into(),
            });
        }
        let mut names: Vec<&str> = self.places.iter().map(|p| p.name.as_str()).collect();
        names.sort_by(|a, b| {
            strsim::jaro_winkler(&b.to_lowercase(), &t)
                .total_cmp(&strsim::jaro_winkler(&a.to_lowercase(), &t))
        });
        Err(Error::UnknownPlace {
            query: q.text.clone(),
            suggestions: names.iter().take(3).map(|s| s.to_string()).collect(),
        })
    }
}
