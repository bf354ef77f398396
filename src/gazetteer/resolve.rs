//! Resolving a query to one place, with the alternatives and the reason for the choice.
//!
//! Ranking: a primary name (or a project-curated alias) beats an ordinary alias, which beats
//! a fuzzy spelling; then importance (log10 population, plus a bonus for capitals, seats and
//! curated features). A primary-name match outranks an alias match unless the alias's place
//! is about 1,000 times more important, so "Peking" still finds Beijing rather than a hamlet.

mod answer;
mod context;

pub use answer::{Candidate, InContext, MatchKind, Resolution};
pub use context::Context;

use super::error::Error;
use super::lookup::Hit;
use super::normalize::{bounded_levenshtein, normalize};
use super::place::PlaceKind;
use super::query::Query;
use super::script::{SCRIPT_BONUS, Script};
use super::{Ent, Gazetteer};

/// The qualifiers a candidate must meet.
#[derive(Debug, Clone, Copy, Default)]
struct Filter<'a> {
    country: Option<&'a str>,
    kind: Option<PlaceKind>,
    /// A first-level division: GeoNames name, ASCII spelling or code ("Primorye", "IL").
    region: Option<&'a str>,
    /// The script of the query, which prefers places where it is written locally.
    script: Option<Script>,
    /// What the name is read against.
    ctx: Option<&'a Context>,
    /// Whether the query is three capital letters, read as an IATA airport code first.
    airport_code: bool,
    /// The key looked up, for the exonym rule (see `lookup::EXONYM_FROM_POPULATION`).
    key: Option<&'a str>,
}

/// Score an airport gains when the query is three capital letters ("UFA" is the airport,
/// "Ufa" the city): enough to beat any city of that name.
const AIRPORT_CODE_BONUS: f64 = 10.0;

/// An entry as ranked, before anything is allocated for it.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    ent: Ent,
    hit: Hit,
    score: f64,
    /// The part of the score the context gave, and the distance to its nearest point in km.
    ctx_bonus: f64,
    nearest_km: Option<f64>,
}

fn match_kind(h: Hit) -> MatchKind {
    match h {
        Hit::Name => MatchKind::Exact,
        Hit::CuratedAlias | Hit::Alias | Hit::Namesake | Hit::AirportShortName => MatchKind::Alias,
        Hit::Fuzzy(_) => MatchKind::Fuzzy,
    }
}

/// Longest edit distance accepted for suggestions, and for choosing a place outright.
/// A close spelling of a name in a syllabic script (kana, Hangul), weighed by the edits
/// between the Latin transliterations of the query and the key it found when those are
/// more: one character of these scripts is a syllable, so one edit can change two or three
/// letters, and the transliteration's own close spellings are counted in letters. "アンカラ"
/// (Ankara) is one kana from "アンドラ" (Andorra) but two letters from its Latin, "andora",
/// which is one letter from Andorra.
fn syllable_weighed(hit: Hit, latin: Option<&str>, script: Option<Script>, key: &str) -> Hit {
    let (Hit::Fuzzy(d), Some(latin), Some(Script::Kana | Script::Hangul)) = (hit, latin, script)
    else {
        return hit;
    };
    let Some(key_latin) = super::transliterate::latin_key(key) else {
        return hit;
    };
    let q: Vec<char> = latin.chars().collect();
    let most = usize::from(u8::MAX);
    let letters = bounded_levenshtein(&q, &key_latin, most, &mut Vec::new()).unwrap_or(most);
    Hit::Fuzzy(d.max(letters.min(most) as u8))
}

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
        self.resolve_with(q, None, true)
    }

    /// Resolves a name read in a context: the other places of a story or article, the
    /// countries and the division it is about. The context prefers (it never requires)
    /// candidates near its points, in its countries and in its region; qualifiers in the
    /// query itself still filter. The answer's [`Resolution::context`] says what the context
    /// did, and [`Resolution::why`] says so when it changed the choice.
    ///
    /// Errors as [`Gazetteer::resolve`].
    pub fn resolve_in(&self, q: &Query, ctx: &Context) -> Result<Resolution, Error> {
        self.resolve_with(q, (!ctx.is_empty()).then_some(ctx), true)
    }

    /// As [`Gazetteer::resolve_in`] (with an empty context, as [`Gazetteer::resolve`]), but by
    /// names and aliases only: no close spelling is tried, so a name no place has fails fast
    /// with [`Error::UnknownPlace`] and no suggestions. For finding place names in text, where
    /// a close spelling turns agencies and surnames into towns.
    pub fn resolve_named(&self, q: &Query, ctx: &Context) -> Result<Resolution, Error> {
        self.resolve_with(q, (!ctx.is_empty()).then_some(ctx), false)
    }

    fn resolve_with(
        &self,
        q: &Query,
        ctx: Option<&Context>,
        fuzzy: bool,
    ) -> Result<Resolution, Error> {
        let key = q.key()?;
        // The name as given, then without a leading "the", then as a river without the word.
        let bare = key.strip_prefix("the ").unwrap_or(&key);
        let river = bare
            .strip_suffix(" river")
            .or_else(|| bare.strip_prefix("river "))
            .filter(|_| q.kind.is_none_or(|k| k == PlaceKind::River));
        // "Vladivostok" as an airport is the airport whose city it is.
        let airport = (q.kind == Some(PlaceKind::Airport)).then(|| format!("{bare} airport"));
        // "Heathrow Airport": an airport's short name with the word is that airport.
        let short_airport = bare
            .strip_suffix(" airport")
            .filter(|h| !h.is_empty() && q.kind.is_none_or(|k| k == PlaceKind::Airport));
        // Chinese written in the other form (simplified or traditional): matched as an alias.
        let han = super::han::variants(&key);
        let tries = [
            (Some(key.as_str()), q.kind, false),
            ((bare != key).then_some(bare), q.kind, false),
            (river, Some(PlaceKind::River), false),
            (airport.as_deref(), q.kind, false),
            (short_airport, Some(PlaceKind::Airport), false),
            (han.first().map(String::as_str), q.kind, true),
            (han.get(1).map(String::as_str), q.kind, true),
        ];
        let f = Filter {
            country: q.country.as_deref(),
            kind: q.kind,
            region: q.region.as_deref(),
            script: Script::of(&key),
            ctx,
            airport_code: super::airports::is_iata_code(&q.text),
            key: None,
        };
        let mut filtered_out: Vec<Candidate> = Vec::new();
        for (k, kind, variant) in tries {
            let Some(k) = k else { continue };
            let mut hits = self.exact_hits(k, &q.text)?;
            // Chinese is ranked in both forms at once: "罗马" is an alias of Roma,
            // Queensland, and "羅馬" one of Rome, which must be weighed together.
            if k == key {
                for v in &han {
                    let more = self.exact_hits(v, v)?.into_iter();
                    hits.extend(more.map(|(e, _)| (e, Hit::Alias)));
                }
            }
            // A name in another script may be filed under the wrong one of same-named places.
            if f.script.is_some() {
                let more = self.namesakes(&hits);
                hits.extend(more);
            }
            if variant {
                for (_, h) in &mut hits {
                    *h = Hit::Alias;
                }
            }
            let ranked = self.rank_entries(
                &hits,
                Filter {
                    kind,
                    key: Some(k),
                    ..f
                },
            );
            if !ranked.is_empty() {
                return self.finish(q, ranked);
            }
            if filtered_out.is_empty() {
                filtered_out = self.rank(&hits, Filter::default());
            }
        }
        if !filtered_out.is_empty() {
            // "Springfield, IL": no Springfield in Israel, so try IL as a division's code.
            if q.country_from_text && q.region.is_none() {
                let sub = Query {
                    region: q.country.clone(),
                    country: None,
                    country_from_text: false,
                    ..q.clone()
                };
                if let Ok(r) = self.resolve_with(&sub, ctx, fuzzy) {
                    return Ok(r);
                }
            }
            return Err(self.qualifier_error(q, &filtered_out));
        }
        // "Razdolnoye, Primorye": a tail that is not a country may be a first-level division.
        if q.region.is_none()
            && let Some((head, tail)) = q.text.rsplit_once(',')
            && !head.trim().is_empty()
            && !tail.trim().is_empty()
        {
            let sub = Query {
                text: head.trim().to_string(),
                region: Some(tail.trim().to_string()),
                ..q.clone()
            };
            match self.resolve_with(&sub, ctx, fuzzy) {
                Ok(r) => return Ok(r),
                Err(e @ Error::NotInRegion { .. }) => return Err(e),
                Err(_) => {}
            }
        }
        if !fuzzy {
            return Err(Error::UnknownPlace {
                query: q.text.chars().take(80).collect(),
                suggestions: Vec::new(),
            });
        }
        self.note_misspelt();
        // A name in another script that no place carries, transliterated to Latin
        // ("Фунафути" → "funafuti", "타라와" → "tarawa"): its exact match is taken as a close
        // spelling (and says so), before close spellings in the name's own script.
        let latin = f.script.and_then(|_| super::transliterate::latin_key(&key));
        if let Some(latin) = &latin {
            let mut hits: Vec<(Ent, Hit)> = (self.exact_hits(latin, latin)?.into_iter())
                .map(|(e, _)| (e, Hit::Fuzzy(1)))
                .collect();
            // As a name in another script, a transliteration spells the English name, not one
            // place's: the places called by that place's name join one edit further.
            let more = self.namesakes(&hits);
            hits.extend(more);
            let ranked = self.rank_entries(&hits, f);
            if !ranked.is_empty() {
                return self.finish(q, ranked);
            }
        }
        let (suggest_max, choose_max) = fuzzy_budget(key.chars().count());
        let keyed = self.fuzzy_keyed(&key, suggest_max, 24);
        // Choose outright only among the closest spellings; list the rest as suggestions.
        let mut close: Vec<(Ent, Hit)> = (keyed.iter())
            .filter(|(_, h, _)| matches!(h, Hit::Fuzzy(d) if (*d as usize) <= choose_max))
            .map(|(e, h, k)| (*e, syllable_weighed(*h, latin.as_deref(), f.script, k)))
            .collect();
        let hits: Vec<(Ent, Hit)> = keyed.into_iter().map(|(e, h, _)| (e, h)).collect();
        if f.script.is_some() {
            let more = self.namesakes(&close);
            close.extend(more);
        }
        if let Some(latin) = &latin {
            // The transliteration's close spellings, one edit further (a transliteration is
            // already a guess), are weighed with the name's own: "アンドラ" is one edit from
            // アンカラ (Ankara) and, as "andora", one from Andorra, and the country of the
            // story tells them apart.
            let (_, choose) = fuzzy_budget(latin.chars().count());
            close.extend(
                (self.fuzzy_hits(latin, choose, 24).into_iter()).filter_map(|(e, h)| match h {
                    Hit::Fuzzy(d) if d >= 1 && (d as usize) <= choose => {
                        Some((e, Hit::Fuzzy(d + 1)))
                    }
                    _ => None,
                }),
            );
        }
        let chosen = self.rank_entries(&close, f);
        if !chosen.is_empty() {
            return self.finish(q, chosen);
        }
        let mut suggestions = self.rank(&hits, f);
        if suggestions.is_empty() {
            suggestions = self.wider_suggestions(&key, f);
        }
        Err(Error::UnknownPlace {
            query: q.text.chars().take(80).collect(),
            suggestions: suggestion_names(&suggestions),
        })
    }

    /// Suggestions for a name nothing is close to: the name without its trailing words
    /// ("Vladivostock-xq" → "Vladivostok"), then, for names of nine letters or more, the whole
    /// name with a third of its letters allowed to differ (at most five).
    fn wider_suggestions(&self, key: &str, f: Filter<'_>) -> Vec<Candidate> {
        let mut head = key;
        while let Some((h, _)) = head.rsplit_once(' ') {
            head = h;
            let n = head.chars().count();
            if n < 4 {
                break;
            }
            let hits = self.fuzzy_hits(head, fuzzy_budget(n).0, 24);
            let r = self.rank(&hits, f);
            if !r.is_empty() {
                return r;
            }
        }
        let n = key.chars().count();
        let wide = (n / 3).min(5);
        // Short names (and most names in Han, Hangul or kana) get no wider search: a third of
        // three letters is nothing, and a wide search over every key costs milliseconds.
        if n < 9 || wide <= fuzzy_budget(n).0 {
            return Vec::new();
        }
        self.rank(&self.fuzzy_hits(key, wide, 24), f)
    }

    /// Up to `n` places whose names are closest to `text` in spelling (edit distance up to 3),
    /// most similar and most important first.
    pub fn suggest(&self, text: &str, n: usize) -> Vec<Candidate> {
        let key = normalize(text);
        if key.is_empty() || key.chars().count() > super::MAX_NAME_CHARS {
            return Vec::new();
        }
        self.note_misspelt();
        let (max, _) = fuzzy_budget(key.chars().count());
        let hits = self.fuzzy_hits(&key, max, 24);
        let mut r = self.rank(&hits, Filter::default());
        r.truncate(n);
        r
    }

    /// Candidates that pass the qualifiers, deduplicated, best first.
    fn rank(&self, hits: &[(Ent, Hit)], f: Filter<'_>) -> Vec<Candidate> {
        self.rank_entries(hits, f)
            .into_iter()
            .filter_map(|r| self.candidate(r))
            .collect()
    }

    /// The entries that pass the qualifiers, each once with its best match, best first (ties
    /// by id). Nothing is allocated per entry.
    fn rank_entries(&self, hits: &[(Ent, Hit)], f: Filter<'_>) -> Vec<Ranked> {
        let mut best: Vec<Ranked> = Vec::with_capacity(hits.len());
        // A hub airport's short name outranks only smaller places of that name.
        let town_of_the_name = hits.iter().any(|(_, h)| *h == Hit::AirportShortName)
            && hits.iter().any(|(e, _)| {
                self.summary(*e).is_some_and(|s| {
                    s.kind != PlaceKind::Airport
                        && s.population.is_some_and(|n| {
                            n as f64 >= super::lookup::AIRPORT_SHORT_NAME_AS_POPULATION
                        })
                })
            });
        // Whether the key names a first-level division (no city's exonym then), asked only
        // of a key that could be one.
        let names_a_division = std::cell::OnceCell::new();
        for &(ent, hit) in hits {
            let Some(s) = self.summary(ent) else { continue };
            if !self.passes(&s, f.country, f.kind)
                || f.region.is_some_and(|r| !self.in_region(ent, r))
            {
                continue;
            }
            let script_bonus = match f.script {
                Some(sc) if sc.is_local_to(s.country) => SCRIPT_BONUS,
                _ => 0.0,
            };
            let (ctx_bonus, nearest_km) = f
                .ctx
                .map_or((0.0, None), |c| self.context_bonus(ent, &s, c));
            let code_bonus = match f.airport_code && s.kind == PlaceKind::Airport {
                true => AIRPORT_CODE_BONUS,
                false => 0.0,
            };
            let hub_bonus =
                match hit == Hit::AirportShortName && !town_of_the_name && self.is_hub(ent) {
                    true => super::lookup::hub_short_name_bonus(),
                    false => 0.0,
                };
            let exonym_bonus = match hit == Hit::Alias
                && s.kind == PlaceKind::City
                && s.population
                    .is_some_and(|n| n >= super::lookup::EXONYM_FROM_POPULATION)
                && !*names_a_division
                    .get_or_init(|| f.key.is_some_and(|k| !self.admin1.named(k).is_empty()))
            {
                true => super::lookup::EXONYM_BONUS,
                false => 0.0,
            };
            let r = Ranked {
                ent,
                hit,
                score: s.importance
                    + exonym_bonus
                    + hit.bonus()
                    + script_bonus
                    + ctx_bonus
                    + code_bonus
                    + hub_bonus,
                ctx_bonus,
                nearest_km,
            };
            match best.iter_mut().find(|b| b.ent == ent) {
                Some(old) if old.score >= r.score => {}
                Some(old) => *old = r,
                None => best.push(r),
            }
        }
        best.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| self.id_of(a.ent).cmp(&self.id_of(b.ent)))
        });
        best
    }

    /// The listed form of a ranked entry.
    fn candidate(&self, r: Ranked) -> Option<Candidate> {
        let s = self.summary(r.ent)?;
        Some(Candidate {
            id: self.id_of(r.ent),
            name: s.name.to_string(),
            kind: s.kind,
            country: (!s.country.is_empty()).then(|| s.country.to_string()),
            admin1: self.admin1_of(r.ent),
            admin1_name: self.admin1_name_of_ent(r.ent).map(str::to_string),
            population: s.population,
            location: s.at,
            matched: match_kind(r.hit),
            score: r.score,
        })
    }

    fn finish(&self, q: &Query, ranked: Vec<Ranked>) -> Result<Resolution, Error> {
        let missing = || Error::UnknownPlace {
            query: q.text.clone(),
            suggestions: vec![],
        };
        let chosen = *ranked.first().ok_or_else(missing)?;
        let place = self.place(chosen.ent).ok_or_else(missing)?;
        let ambiguous = ranked.get(1).is_some_and(|c| c.score >= chosen.score - 1.0);
        // Whether the context changed the choice: the best without it is another entry.
        let context = context_note(&ranked, chosen);
        let alternatives = ranked[1..]
            .iter()
            .take(9)
            .filter_map(|r| self.candidate(*r))
            .collect();
        Ok(Resolution {
            place,
            matched: match_kind(chosen.hit),
            alternatives,
            ambiguous,
            query: q.clone(),
            context,
        })
    }

    /// What a context adds to an entry's score, and the distance to its nearest point (km).
    fn context_bonus(
        &self,
        e: Ent,
        s: &super::lookup::Summary<'_>,
        c: &Context,
    ) -> (f64, Option<f64>) {
        let (mut bonus, nearest_km) = c.nearness(s.at);
        if c.has_country(s.country) {
            bonus += context::COUNTRY_BONUS;
        }
        if c.region.as_deref().is_some_and(|r| self.in_region(e, r)) {
            bonus += context::REGION_BONUS;
        }
        (bonus, nearest_km)
    }

    /// Whether an entry lies in the first-level division `region`, given by GeoNames name,
    /// ASCII spelling, code ("IL"), key ("US.IL"), or another name or ISO 3166-2 code
    /// ("Primorsky Krai", "RU-PRI").
    fn in_region(&self, e: Ent, region: &str) -> bool {
        let Some(a) = self.admin1_of(e) else {
            return false;
        };
        let Some((cc, code)) = a.split_once('.') else {
            return false;
        };
        let r = region.trim();
        if code.eq_ignore_ascii_case(r) || a.eq_ignore_ascii_case(r) {
            return true;
        }
        self.admin1(cc, code)
            .is_some_and(|d| d.has_name_key(&normalize(r)))
            || self.admin1_has_alias(&a, r)
    }

    fn qualifier_error(&self, q: &Query, all: &[Candidate]) -> Error {
        if let Some(region) = &q.region {
            let mut elsewhere: Vec<String> = all
                .iter()
                .filter(|c| {
                    q.country
                        .as_ref()
                        .is_none_or(|cc| c.country.as_ref() == Some(cc))
                })
                .filter_map(|c| c.admin1_name.clone().or_else(|| c.admin1.clone()))
                .collect();
            elsewhere.sort();
            elsewhere.dedup();
            elsewhere.truncate(8);
            if !elsewhere.is_empty() || q.country.is_none() {
                return Error::NotInRegion {
                    query: q.text.clone(),
                    region: region.clone(),
                    elsewhere,
                };
            }
        }
        if let Some(kind) = q.kind
            && !all.iter().any(|c| c.kind == kind)
        {
            return Error::NoneOfKind {
                query: q.text.clone(),
                kind: kind.to_string(),
                country: q.country.clone(),
            };
        }
        let mut elsewhere: Vec<String> = Vec::new();
        for c in all.iter().filter_map(|c| c.country.clone()) {
            if !elsewhere.contains(&c) {
                elsewhere.push(c);
            }
        }
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

/// What the context did for the chosen entry (`None` when it gave nothing).
fn context_note(ranked: &[Ranked], chosen: Ranked) -> Option<InContext> {
    if ranked.iter().all(|r| r.ctx_bonus == 0.0) {
        return None;
    }
    let without = |r: &Ranked| r.score - r.ctx_bonus;
    let best_without = ranked
        .iter()
        .reduce(|a, b| if without(b) > without(a) { b } else { a })
        .map(|r| r.ent);
    Some(InContext {
        bonus: chosen.ctx_bonus,
        nearest_km: chosen.nearest_km,
        changed_choice: best_without != Some(chosen.ent),
    })
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

#[cfg(test)]
mod tests;

#[cfg(test)]
mod context_tests;
