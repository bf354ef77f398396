//! Resolving a query to one place, with the alternatives and the reason for the choice.
//!
//! Ranking: a primary name (or a project-curated alias) beats an ordinary alias, which beats
//! a fuzzy spelling; then importance (log10 population, plus a bonus for capitals, seats and
//! curated features). A primary-name match outranks an alias match unless the alias's place
//! is about 1,000 times more important, so "Peking" still finds Beijing rather than a hamlet.

use super::error::Error;
use super::lookup::{Hit, Summary};
use super::normalize::normalize;
use super::place::{Place, PlaceKind};
use super::query::Query;
use super::{Ent, Gazetteer};
use crate::coord::LatLon;

/// How the query matched the chosen place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The place's primary name.
    Exact,
    /// One of its other names (any script), or a curated alias.
    Alias,
    /// A close spelling (small edit distance); check it.
    Fuzzy,
}

/// A place that matched, as listed among alternatives and suggestions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    pub country: Option<String>,
    /// First-level administrative area (GeoNames code such as "RU.59" for world places).
    pub admin1: Option<String>,
    pub population: Option<u64>,
    pub location: LatLon,
    pub matched: MatchKind,
    /// The ranking score (higher is chosen first); for explanations, not for comparison
    /// across queries.
    pub score: f64,
}

impl Candidate {
    /// "Razdol'noye (RU, RU.59, city, pop 7,567)".
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.country.clone());
        parts.extend(self.admin1.clone());
        parts.push(self.kind.to_string());
        if let Some(p) = self.population {
            parts.push(format!("pop {}", crate::units::group_thousands(p as f64)));
        }
        format!("{} ({})", self.name, parts.join(", "))
    }
}

/// The answer to a query: the chosen place, how it matched, the other candidates and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Resolution {
    pub place: Place,
    pub matched: MatchKind,
    /// Other places that matched, best first (at most 9).
    pub alternatives: Vec<Candidate>,
    /// True when another candidate is nearly as strong: the caller should show the list and
    /// suggest a qualifier.
    pub ambiguous: bool,
    /// One or two sentences on what matched and why this place was chosen.
    pub why: String,
}

fn match_kind(h: Hit) -> MatchKind {
    match h {
        Hit::Name => MatchKind::Exact,
        Hit::CuratedAlias | Hit::Alias => MatchKind::Alias,
        Hit::Fuzzy(_) => MatchKind::Fuzzy,
    }
}

/// Longest edit distance accepted for suggestions, and for choosing a place outright.
fn fuzzy_budget(nchars: usize) -> (usize, usize) {
    match nchars {
        0..=3 => (1, 0),
        4..=5 => (1, 1),
        6..=12 => (2, 1),
        _ => (3, 2),
    }
}

impl Gazetteer {
    /// Resolves a name (with optional country and kind) to one place.
    ///
    /// Errors: [`Error::EmptyQuery`], [`Error::QueryTooLong`], [`Error::ControlCharacter`] for
    /// bad input; [`Error::NotInCountry`] / [`Error::NoneOfKind`] when the name exists but not
    /// with the qualifiers; [`Error::UnknownPlace`] with "did you mean" suggestions.
    pub fn resolve(&self, q: &Query) -> Result<Resolution, Error> {
        let key = q.key()?;
        // The name as given, then without a leading "the", then as a river without the word.
        let bare = key.strip_prefix("the ").unwrap_or(&key);
        let river = bare
            .strip_suffix(" river")
            .or_else(|| bare.strip_prefix("river "))
            .filter(|_| q.kind.is_none_or(|k| k == PlaceKind::River));
        let tries = [
            (Some(key.as_str()), q.kind),
            ((bare != key).then_some(bare), q.kind),
            (river, Some(PlaceKind::River)),
        ];
        let country = q.country.as_deref();
        let mut filtered_out: Vec<Candidate> = Vec::new();
        for (k, kind) in tries {
            let Some(k) = k else { continue };
            let hits = self.exact_hits(k);
            let ranked = self.rank_entries(&hits, country, kind);
            if !ranked.is_empty() {
                return self.finish(q, ranked);
            }
            if filtered_out.is_empty() {
                filtered_out = self.rank(&hits, None, None);
            }
        }
        if !filtered_out.is_empty() {
            return Err(self.qualifier_error(q, &filtered_out));
        }
        let (suggest_max, choose_max) = fuzzy_budget(key.chars().count());
        let hits = self.fuzzy_hits(&key, suggest_max, 24);
        // Choose outright only among the closest spellings; list the rest as suggestions.
        let close: Vec<(Ent, Hit)> = hits
            .iter()
            .copied()
            .filter(|(_, h)| matches!(h, Hit::Fuzzy(d) if (*d as usize) <= choose_max))
            .collect();
        let chosen = self.rank_entries(&close, country, q.kind);
        if !chosen.is_empty() {
            return self.finish(q, chosen);
        }
        let ranked: Vec<(Ent, Candidate)> = self.rank_entries(&hits, country, q.kind);
        Err(Error::UnknownPlace {
            query: q.text.chars().take(80).collect(),
            suggestions: suggestion_names(&ranked.into_iter().map(|(_, c)| c).collect::<Vec<_>>()),
        })
    }

    /// Up to `n` places whose names are closest to `text` in spelling (edit distance up to 3),
    /// most similar and most important first.
    pub fn suggest(&self, text: &str, n: usize) -> Vec<Candidate> {
        let key = normalize(text);
        if key.is_empty() || key.chars().count() > super::MAX_NAME_CHARS {
            return Vec::new();
        }
        let (max, _) = fuzzy_budget(key.chars().count());
        let hits = self.fuzzy_hits(&key, max, 24);
        let mut r = self.rank(&hits, None, None);
        r.truncate(n);
        r
    }

    /// Candidates that pass the qualifiers, deduplicated, best first.
    fn rank(
        &self,
        hits: &[(Ent, Hit)],
        country: Option<&str>,
        kind: Option<PlaceKind>,
    ) -> Vec<Candidate> {
        self.rank_entries(hits, country, kind)
            .into_iter()
            .map(|(_, c)| c)
            .collect()
    }

    /// Like `rank`, keeping each candidate's entry.
    fn rank_entries(
        &self,
        hits: &[(Ent, Hit)],
        country: Option<&str>,
        kind: Option<PlaceKind>,
    ) -> Vec<(Ent, Candidate)> {
        let mut best: Vec<(Ent, Candidate)> = Vec::new();
        for (e, h) in hits {
            let Some(s) = self.summary(*e) else { continue };
            if !self.passes(&s, country, kind) {
                continue;
            }
            let c = candidate(s, *h);
            match best.iter_mut().find(|(b, _)| b == e) {
                Some((_, old)) if old.score >= c.score => {}
                Some((_, old)) => *old = c,
                None => best.push((*e, c)),
            }
        }
        best.sort_by(|(_, a), (_, b)| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        best
    }

    fn finish(&self, q: &Query, ranked: Vec<(Ent, Candidate)>) -> Result<Resolution, Error> {
        let mut entries = ranked.into_iter();
        let missing = || Error::UnknownPlace {
            query: q.text.clone(),
            suggestions: vec![],
        };
        let (ent, chosen) = entries.next().ok_or_else(missing)?;
        let place = self.place(ent).ok_or_else(missing)?;
        let mut ranked: Vec<Candidate> = entries.map(|(_, c)| c).collect();
        let ambiguous = ranked
            .first()
            .is_some_and(|c| c.score >= chosen.score - 1.0);
        ranked.truncate(9);
        let why = explain(q, &chosen, &ranked, ambiguous);
        Ok(Resolution {
            place,
            matched: chosen.matched,
            alternatives: ranked,
            ambiguous,
            why,
        })
    }

    fn qualifier_error(&self, q: &Query, all: &[Candidate]) -> Error {
        if let Some(kind) = q.kind
            && !all.iter().any(|c| c.kind == kind)
        {
            return Error::NoneOfKind {
                query: q.text.clone(),
                kind: kind.to_string(),
                country: q.country.clone(),
            };
        }
        let mut elsewhere: Vec<String> = all.iter().filter_map(|c| c.country.clone()).collect();
        elsewhere.dedup();
        elsewhere.truncate(8);
        match &q.country {
            Some(c) => Error::NotInCountry {
                query: q.text.clone(),
                country: c.clone(),
                elsewhere,
            },
            None => Error::UnknownPlace {
                query: q.text.clone(),
                suggestions: suggestion_names(all),
            },
        }
    }
}

fn candidate(s: Summary<'_>, h: Hit) -> Candidate {
    Candidate {
        id: s.id,
        name: s.name.to_string(),
        kind: s.kind,
        country: (!s.country.is_empty()).then_some(s.country),
        admin1: s.admin1,
        population: s.population,
        location: s.at,
        matched: match_kind(h),
        score: s.importance + h.bonus(),
    }
}

fn suggestion_names(c: &[Candidate]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in c {
        let s = match &c.country {
            Some(cc) => format!("{} ({cc})", c.name),
            None => c.name.clone(),
        };
        if !out.contains(&s) {
            out.push(s);
        }
        if out.len() == 5 {
            break;
        }
    }
    out
}

fn explain(q: &Query, chosen: &Candidate, others: &[Candidate], ambiguous: bool) -> String {
    let how = match chosen.matched {
        MatchKind::Exact => format!("\"{}\" is the name of {}", q.text, chosen.describe()),
        MatchKind::Alias => format!("\"{}\" is another name for {}", q.text, chosen.describe()),
        MatchKind::Fuzzy => {
            format!(
                "no place is called \"{}\"; the closest spelling is {} (check it)",
                q.text,
                chosen.describe()
            )
        }
    };
    if others.is_empty() {
        return format!("{how}.");
    }
    let n = others.len() + 1;
    let other_cc = others.iter().find_map(|o| {
        o.country
            .clone()
            .filter(|c| Some(c) != chosen.country.as_ref())
    });
    let hint = match other_cc {
        Some(cc) if q.country.is_none() => {
            format!(
                " Add a country (\"{}, {cc}\") or a kind to choose another.",
                q.text
            )
        }
        _ => " Add a kind (station, bridge, border, river, city) to choose another.".to_string(),
    };
    let lead = if ambiguous { "ambiguous: " } else { "" };
    format!(
        "{lead}{how}; {n} places match, chosen as the strongest match by name and importance (population, capital or seat, curated feature).{hint}"
    )
}

#[cfg(test)]
mod tests;
