//! Place names in an article: runs of capitalised words, read as places only with evidence
//! (the words around them, the dateline, the article's other mentions) and never when they
//! are something else (agencies, people, organisations, demonyms: see [`super::nonplace`]),
//! then resolved through the gazetteer in the context of the article's other places.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

use super::Language;
use super::countries::country_in;
use super::cues::{
    AFTER, AFTER_THE_TOWN, AREA_OF, AREA_TAIL, BEFORE, COMBINING, COMPASS, FEATURE_TAIL, LEAVING,
    OF_PLACE, PLACE_NOUNS, before_in, joiners, of_in, of_place_in,
};
use super::inflection;
use super::nonplace::{NotPlace, SPEECH, TITLES, is_acronym, listed, organisation_word};
use crate::coord::LatLon;
use crate::gazetteer::{
    Context, Gazetteer, MatchKind, Place, PlaceKind, Query, country_code, normalize,
};

/// A place named in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range of the name in the text.
    pub start: usize,
    /// Byte offset just past the name's end.
    pub end: usize,
    /// The words as written ("Razdolnaya River").
    pub text: String,
    /// The gazetteer place, when the name resolved: shared by every mention of that name.
    pub place: Option<Arc<Place>>,
    /// What says it is a place (None for a name that resolved nowhere).
    pub evidence: Option<Evidence>,
}

/// Capitalised words that are not places on their own.
const STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "And",
    "But",
    "Or",
    "If",
    "As",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Then",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Earlier",
    "Later",
    "Meanwhile",
    "Still",
    "Also",
    "According",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Sept",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Leader",
    "Minister",
    "Photo",
    "By",
    "From",
    "To",
    "For",
    "With",
    "No",
    "Yes",
    "Kim",
    "Putin",
];

/// Words allowed inside a name between capitalised words ("Bay of Bengal", "Rostov-on-Don",
/// "Dar es Salaam").
const JOINERS: &[&str] = &["of", "on", "de", "del", "la", "es", "upon", "am", "–", "-"];

/// The organisation words of a carrier or operator ("Delta Air Lines", "Kenya Railways"),
/// whose first name alone later in the article still names the company ("Delta's hub").
const OPERATOR_WORDS: &[&str] = &[
    "air",
    "airlines",
    "airline",
    "airways",
    "railways",
    "corporation",
    "company",
];

/// Runs of capitalised words, each as (start, end) byte offsets; possessive "'s" dropped.
fn runs(text: &str, start: usize, end: usize) -> Vec<Vec<(usize, usize)>> {
    let s = &text[start..end];
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut runs = Vec::new();
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c.is_alphabetic() {
            let mut j = i;
            for (k, ch) in s[i..].char_indices() {
                if ch.is_alphanumeric() || ch == '\'' || ch == '’' || (ch == '-' && k > 0) {
                    j = i + k + ch.len_utf8();
                } else {
                    break;
                }
            }
            let mut w = &s[i..j];
            for suffix in ["'s", "’s", "'", "’"] {
                if let Some(x) = w.strip_suffix(suffix) {
                    w = x;
                }
            }
            let we = i + w.len();
            let capital = c.is_uppercase();
            if capital && !STOP.contains(&w) {
                words.push((start + i, start + we));
            } else if !JOINERS.contains(&w) || words.is_empty() {
                if !words.is_empty() {
                    runs.push(std::mem::take(&mut words));
                }
            } else {
                // A joiner: keep it only if a capitalised word follows.
                let rest = s[j..].trim_start();
                if !rest.starts_with(|n: char| n.is_uppercase()) && !words.is_empty() {
                    runs.push(std::mem::take(&mut words));
                }
            }
            // A possessive or punctuation ends a run.
            let ends = w.len() != j - i || bytes.get(j).is_some_and(|b| b",;:()\"".contains(b));
            if ends && !words.is_empty() {
                runs.push(std::mem::take(&mut words));
            }
            i = j.max(i + c.len_utf8());
        } else {
            if !(c == ' ' || c == '–' || c == '-' || words.is_empty()) {
                runs.push(std::mem::take(&mut words));
            }
            i += c.len_utf8();
        }
    }
    if !words.is_empty() {
        runs.push(words);
    }
    runs
}

/// A name that is also a first-level division's ("Guizhou", "England") is read as the
/// division, not as a town of that name with fewer people than this.
pub const AREA_OVER_TOWN_POPULATION: u64 = 100_000;

/// A run that is no name as a whole, split where it joins two names: at a joiner ("Zunyi of
/// Guizhou") and inside a hyphened pair of capitalised names, which names a route by its ends
/// ("Guwahati-Indore Special", "Dubai-Auckland"). Each part is flagged when it came from such
/// a pair.
fn split(text: &str, run: &[(usize, usize)]) -> Vec<(Vec<(usize, usize)>, bool)> {
    let mut out: Vec<(Vec<(usize, usize)>, bool)> = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let mut route = false;
    for (k, &(x, y)) in run.iter().enumerate() {
        let gap = if k > 0 { &text[run[k - 1].1..x] } else { "" };
        if gap.chars().any(char::is_alphabetic) {
            out.push((std::mem::take(&mut cur), route));
        } else if k > 0 && gap.chars().any(|c| matches!(c, '-' | '–' | '—')) {
            // "Воронеж - Москва", "Paris – Lyon": a spaced dash joins a route's two ends.
            out.push((std::mem::take(&mut cur), true));
            route = true;
        }
        let w = &text[x..y];
        let mut parts = Vec::new();
        let mut from = x;
        // A piece in lower case makes one name of the whole ("Seine-et-Marne",
        // "Stratford-upon-Avon", "Marne-la-Vallée"), not a route named for its ends.
        let compound = w
            .split('-')
            .skip(1)
            .any(|p| p.starts_with(char::is_lowercase));
        for (i, c) in w.char_indices().filter(|_| !compound) {
            if c == '-'
                && w[i + 1..].starts_with(char::is_uppercase)
                && text[from..x + i].starts_with(char::is_uppercase)
                && !COMBINING.contains(&text[from..x + i].to_lowercase().as_str())
            {
                parts.push((from, x + i));
                from = x + i + 1;
            }
        }
        parts.push((from, y));
        if parts.len() > 1 {
            route = true;
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    out.push((std::mem::take(&mut cur), true));
                }
                cur.push(*p);
            }
        } else {
            cur.push((x, y));
        }
    }
    if !cur.is_empty() {
        out.push((cur, route));
    }
    out.retain(|(r, _)| !r.is_empty());
    out
}

/// How many of an article's names (the first mentioned) make the context of the others.
pub const MAX_ANCHORS: usize = 64;

/// Population from which a name needs no words around it to be read as a place
/// ("Vladivostok is one hour ahead of Pyongyang").
pub const WELL_KNOWN_POPULATION: u64 = 500_000;

/// Why a name is read as a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A word before it: "in", "to", "from", "near", "left", "the city of".
    Before(&'static str),
    /// A word after it: "… River", "… station".
    After(&'static str),
    /// The dateline at the head of the article ("SEOUL, Sept. 12").
    Dateline,
    /// In a list after a place ("Khasan, Ussuriysk and Vladivostok").
    List,
    /// A name of several words that is a place's whole name ("Korea–Russia Friendship Bridge").
    WholeName,
    /// A place of at least [`WELL_KNOWN_POPULATION`] people.
    WellKnown,
    /// Read as a place elsewhere in the same article.
    NamedBefore,
    /// One end of a route named for its ends ("the Bhopal-Jodhpur Express").
    RouteName,
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Evidence::Before(w) => write!(f, "after \"{w}\""),
            Evidence::After(w) => write!(f, "before \"{w}\""),
            Evidence::Dateline => f.write_str("the dateline"),
            Evidence::List => f.write_str("in a list of places"),
            Evidence::WholeName => f.write_str("a place's whole name"),
            Evidence::WellKnown => write!(
                f,
                "a place of {}+ people",
                crate::units::group_thousands(WELL_KNOWN_POPULATION as f64)
            ),
            Evidence::NamedBefore => f.write_str("read as a place elsewhere in the article"),
            Evidence::RouteName => f.write_str("an end of a route named for its ends"),
        }
    }
}

/// A capitalised name as first read, before the article's context resolves it.
#[derive(Debug, Clone)]
struct Candidate {
    sentence: usize,
    start: usize,
    end: usize,
    key: String,
    /// The lower-case word before the name, when it is a cue (a sentence's first word that
    /// was dropped, "Leaving").
    evidence: Option<Evidence>,
    not: Option<NotPlace>,
    /// Whether the gazetteer knows the name (exact or alias, never fuzzy).
    known: bool,
    /// The choice made in reading the name, to show when it is read as a place ("Gisborne":
    /// the town, not its division; "London Euston": London).
    choice: Option<String>,
    /// The dictionary form of an inflected name ("Warszawy" → "Warszawa"), looked up instead.
    lemma: Option<String>,
}

/// The places of a whole article, read with their evidence and in the context of each other.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// Per sentence (in the order given): resolved place mentions, and names that resolved
    /// nowhere (with `place` None).
    pub mentions: Vec<Vec<Mention>>,
    /// Countries the article names ("Russia", "North Korea"): the context of every name.
    pub countries: Vec<String>,
    /// Names not read as places although the gazetteer has a place so named, and why.
    pub not_places: Vec<String>,
    /// Choices the article's context made ("Khasan: the one in RU, 120 km from Vladivostok").
    pub choices: Vec<String>,
}

/// The lower-case word just before byte `at` (within `from..at`), punctuation trimmed, and
/// the byte where it starts.
fn word_before(text: &str, from: usize, at: usize) -> Option<(String, usize)> {
    let head = text[from..at].trim_end();
    if head.ends_with([',', ';', ':', '(', '"', '\u{201c}', '.']) {
        return None;
    }
    let start = head
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let w = &head[start..];
    (!w.is_empty()).then(|| (w.to_lowercase(), from + start))
}

/// The lower-case word just after byte `at` (within `at..to`), punctuation trimmed.
fn word_after(text: &str, at: usize, to: usize) -> Option<String> {
    let tail = &text[at..to];
    if !tail.starts_with(' ') {
        return None;
    }
    let w: String = tail
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    (!w.is_empty()).then(|| w.to_lowercase())
}

/// Whether `text[start..]` is a dateline's head: at a line's start, in capitals, followed by a
/// comma, a dash or an opening bracket ("SEOUL, Sept. 12 (UPI) --", "MOSCOW (Reuters) -").
fn dateline(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..start].trim().is_empty()
        && is_acronym(&text[start..end])
        && text[end..]
            .trim_start()
            .starts_with([',', '(', '-', '\u{2014}', '\u{2013}'])
}

/// The evidence the words around `text[start..end]` give (sentence `s_start..s_end`).
fn evidence_around(
    lang: Language,
    text: &str,
    s_start: usize,
    s_end: usize,
    start: usize,
    end: usize,
) -> Option<Evidence> {
    if let Some(e) = evidence_before(lang, text, s_start, start) {
        return Some(e);
    }
    if let Some(w) = word_after(text, end, s_end)
        && let Some(a) = AFTER.iter().find(|a| **a == w)
    {
        return Some(Evidence::After(a));
    }
    None
}

/// Place nouns that name the place right after them ("the capital Dodoma").
const APPOSITION: &[&str] = &["capital", "city", "town", "village", "port"];

/// Whether `between` (the text between two names) joins them in a list: a comma, "and" or
/// "or" in the article's language.
fn joins_list(lang: Language, between: &str) -> bool {
    let t = between.trim();
    let rest = t.strip_prefix(',').map_or(t, str::trim_start);
    !t.is_empty() && (rest.is_empty() || joiners(lang).contains(&rest.to_lowercase().as_str()))
}

/// Whether the words between two names end a station's name and join the next to it
/// (" Piccadilly railway station and ").
fn station_then_and(between: &str) -> bool {
    let t = between.trim().to_lowercase();
    ["station", "terminal"].iter().any(|w| {
        ["and", ", and", ","]
            .iter()
            .any(|j| t.strip_suffix(j).is_some_and(|r| r.trim_end().ends_with(w)))
    }) && !t.contains(['.', ';'])
}

/// The evidence of the words before byte `start` (sentence from `s_start`).
fn evidence_before(lang: Language, text: &str, s_start: usize, start: usize) -> Option<Evidence> {
    if let Some((w, w_start)) = word_before(text, s_start, start) {
        let w = if w == "the" {
            word_before(text, s_start, w_start).map_or(w, |(v, _)| v)
        } else {
            w
        };
        if let Some(b) = BEFORE.iter().chain(before_in(lang)).find(|b| **b == w) {
            return Some(Evidence::Before(b));
        }
        if w == "for" {
            let head = text[s_start..start].to_lowercase();
            let near: Vec<&str> = head.split_whitespace().rev().skip(1).take(4).collect();
            if near.iter().any(|v| LEAVING.contains(v)) {
                return Some(Evidence::Before("for"));
            }
        }
        // "the city of Ussuriysk", "vecino de Brandsen", "la ville de Lyon".
        if (w == "of" || of_in(lang).contains(&w.as_str()))
            && let Some((v, _)) = word_before(text, s_start, w_start)
            && let Some(o) = OF_PLACE
                .iter()
                .chain(COMPASS)
                .chain(of_place_in(lang))
                .find(|o| **o == v)
        {
            return Some(Evidence::Before(o));
        }
        // "between Dar es Salaam and the capital Dodoma", "the port city Mombasa": a place
        // noun right before the name, after "the" or "its", is its apposition.
        if APPOSITION.contains(&w.as_str())
            && let Some((v, _)) = word_before(text, s_start, w_start)
            && matches!(v.as_str(), "the" | "its" | "port" | "capital")
        {
            return Some(Evidence::Before("the capital"));
        }
        // "stops in other cities, including Kenitra": a list of places the words before name.
        if matches!(w.as_str(), "including" | "like")
            && text[s_start..w_start]
                .to_lowercase()
                .split(|c: char| !c.is_alphabetic())
                .filter(|v| !v.is_empty())
                .rev()
                .take(4)
                .any(|v| PLACE_NOUNS.contains(&v))
        {
            return Some(Evidence::Before("including"));
        }
    }
    None
}

/// Reads the place names of an article: every run of capitalised words is a candidate; a
/// candidate is a place when the gazetteer knows the name (never by a close spelling), nothing
/// says it is something else ([`NotPlace`]) and something says it is a place ([`Evidence`]).
/// Names are then resolved in the context of the article's countries and of its places that
/// have one reading only, so that a town beside the others wins over a namesake far away.
pub fn read(text: &str, sentences: &[super::Sentence], gaz: &Gazetteer) -> Reading {
    read_in(Language::detect(text), text, sentences, gaz)
}

/// The places the gazetteer resolves names to, each name (normalised) resolved once per
/// article; asking whether a name is a place clones nothing.
struct Known<'g> {
    gaz: &'g Gazetteer,
    /// Each normalised name asked for, with its index in `found`.
    places: FxHashMap<String, usize>,
    /// Each name as written, with its index in `found`: a name an article repeats is not
    /// normalised again.
    written: FxHashMap<String, usize>,
    /// What each name resolved to.
    found: Vec<Option<Arc<Place>>>,
    /// [`listed`] and [`country_in`] of each name as written.
    listed: FxHashMap<String, Option<NotPlace>>,
    countries: FxHashMap<String, Option<&'static str>>,
}

impl<'g> Known<'g> {
    fn new(gaz: &'g Gazetteer) -> Self {
        Known {
            gaz,
            places: FxHashMap::default(),
            written: FxHashMap::default(),
            found: Vec::new(),
            listed: FxHashMap::default(),
            countries: FxHashMap::default(),
        }
    }

    fn get(&mut self, name: &str) -> Option<&Arc<Place>> {
        let i = match self.written.get(name) {
            Some(&i) => i,
            None => {
                let (gaz, found) = (self.gaz, &mut self.found);
                let i = *self.places.entry(normalize(name)).or_insert_with(|| {
                    let place = resolve_as_written(gaz, name, &Context::default())
                        .map(|r| Arc::new(r.place));
                    found.push(place);
                    found.len() - 1
                });
                self.written.insert(name.to_string(), i);
                i
            }
        };
        self.found[i].as_ref()
    }

    fn has(&mut self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// [`listed`], asked once per name as written.
    fn listed(&mut self, name: &str) -> Option<NotPlace> {
        if let Some(not) = self.listed.get(name) {
            return not.clone();
        }
        let not = listed(name);
        self.listed.insert(name.to_string(), not.clone());
        not
    }

    /// [`country_in`] the article's language (its English names are [`country_code`]'s),
    /// asked once per name as written.
    fn country(&mut self, lang: Language, name: &str) -> Option<&'static str> {
        if let Some(code) = self.countries.get(name) {
            return *code;
        }
        let code = country_in(lang, name);
        self.countries.insert(name.to_string(), code);
        code
    }
}

/// [`read`] for an article already known to be in `lang`.
pub fn read_in(
    lang: Language,
    text: &str,
    sentences: &[super::Sentence],
    gaz: &Gazetteer,
) -> Reading {
    read_with(lang, text, sentences, &LowerCaseWords::of(text), gaz)
}

/// [`read_in`] with the words the article writes in lower case already gathered.
pub fn read_with(
    lang: Language,
    text: &str,
    sentences: &[super::Sentence],
    lower_words: &LowerCaseWords,
    gaz: &Gazetteer,
) -> Reading {
    let mut known = Known::new(gaz);
    let mut reading = Reading {
        mentions: vec![Vec::new(); sentences.len()],
        ..Reading::default()
    };
    let mut cands: Vec<Candidate> = Vec::new();
    let mut unresolved: Vec<(usize, usize, usize)> = Vec::new();
    let mut operators: Vec<String> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let mut pieces: Vec<(Vec<(usize, usize)>, bool)> = Vec::new();
        for run in runs(text, s.start, s.end) {
            let (a, b) = (run[0].0, run[run.len() - 1].1);
            if known.has(&text[a..b]) || known.listed(&text[a..b]).is_some() {
                pieces.push((run, false));
            } else {
                pieces.extend(split(text, &run));
            }
        }
        for (run, route_name) in pieces {
            let (a, b) = (run[0].0, run[run.len() - 1].1);
            let whole = &text[a..b];
            if let Some(code) = known.country(lang, whole) {
                if !reading.countries.iter().any(|c| c == code) {
                    reading.countries.push(code.to_string());
                }
                continue;
            }
            let mut not = known.listed(whole).or_else(|| {
                organisation_word(whole).map(|w| NotPlace::Organisation(w.to_string()))
            });
            // "Delta Air Lines … divert to Delta's hub in Los Angeles": a company the article
            // named in full, called by its first name with a possessive, is the company.
            if let Some(NotPlace::Organisation(w)) = &not
                && OPERATOR_WORDS.contains(&w.as_str())
            {
                operators.push(whole.to_string());
            } else if not.is_none()
                && ["'s", "\u{2019}s", "'", "\u{2019}"]
                    .iter()
                    .any(|p| text[b..].starts_with(p))
                && let Some(o) = operators.iter().find(|o| {
                    o.len() > whole.len()
                        && o.starts_with(whole)
                        && o[whole.len()..].starts_with(' ')
                })
            {
                not = Some(NotPlace::PartOf(o.clone()));
            }
            if not.is_none()
                && let Some(w) = word_after(text, b, s.end)
                && AREA_TAIL.contains(&w.as_str())
            {
                not = Some(NotPlace::Area(w));
            }
            // The span that names the place: the whole run; a sentence's capitalised first
            // word dropped ("Crossing Khasan"); a name before a feature word ("Khasan Station").
            let mut span = (a, b);
            // Where the words that cue the name end: the run's start when the span drops the
            // town's name before an airport ("to London Heathrow").
            let mut cue_at = None;
            let mut choice = None;
            // "do Warszawy", "w Nowym Jorku", "из Воронежа": the dictionary form, when the
            // gazetteer knows it and not the form as written.
            let mut lemma = None;
            if not.is_none()
                && !known.has(whole)
                && let Some(form) = inflection::forms(lang, whole)
                    .into_iter()
                    .find(|f| known.has(f))
            {
                choice = Some(format!(
                    "\"{whole}\": read as {form}, the form the sentence's grammar gives it"
                ));
                lemma = Some(form);
            }
            let at_start = text[s.start..a].chars().all(|c| !c.is_alphanumeric());
            if not.is_none()
                && at_start
                && run.len() == 1
                && lower_words.contains(whole.to_lowercase().as_str())
            {
                not = Some(NotPlace::Word);
            }
            if not.is_none() && lemma.is_none() && !known.has(whole) && run.len() > 1 {
                let first_dropped = (run[1].0, b);
                let prefix = (1..run.len()).rev().find(|&k| {
                    run[k..]
                        .iter()
                        .all(|&(x, y)| FEATURE_TAIL.contains(&text[x..y].to_lowercase().as_str()))
                        && known.has(&text[a..run[k - 1].1])
                });
                // After a word that says a place follows ("between Manchester Piccadilly
                // railway station", "in Lutherstadt Wittenberg Sachsen-Anhalts
                // Ministerpräsident"), or in a list after a place ("and London Euston"), the
                // longest start of the run that is a place's name names it: the rest is a
                // station's name, or nouns (German capitalises them).
                let cued = matches!(
                    evidence_before(lang, text, s.start, a),
                    Some(Evidence::Before(_))
                ) || cands
                    .iter()
                    .rev()
                    .take_while(|c| c.sentence == si)
                    .find(|c| c.not.is_none() && c.evidence.is_some())
                    .is_some_and(|prev| joins_list(lang, &text[prev.end..a]));
                // In English only before a station's word ("Manchester Piccadilly railway
                // station"): "Port Hardy" is not Port, nor "Gil Island" Gil.
                let station_after = word_after(text, b, s.end)
                    .is_some_and(|w| matches!(w.as_str(), "station" | "railway" | "terminal"));
                // Or joined to a place a station's word ended ("between Manchester Piccadilly
                // railway station and London Euston"): the second is a station too.
                let after_station = cands
                    .iter()
                    .rev()
                    .take_while(|c| c.sentence == si)
                    .find(|c| c.not.is_none() && c.evidence.is_some())
                    .is_some_and(|prev| station_then_and(&text[prev.end..a]));
                let cued = cued || after_station;
                let start_of = if cued
                    && prefix.is_none()
                    && (lang != Language::English || station_after || after_station)
                {
                    (1..run.len())
                        .rev()
                        .find(|&k| known.has(&text[a..run[k - 1].1]))
                } else {
                    None
                };
                if let Some(k) = prefix {
                    span = (a, run[k - 1].1);
                } else if (at_start
                    || lang == Language::German
                    || lang != Language::English && run.len() == 2)
                    && known.has(&text[first_dropped.0..first_dropped.1])
                {
                    // A sentence's first word ("Crossing Khasan"); in German any noun before a
                    // name ("in rund drei Stunden Dresden"), capitalised as nouns are; in the
                    // other languages a word a name carries ("Tren México").
                    span = first_dropped;
                } else if served_by(
                    &mut known,
                    &text[a..run[0].1],
                    &text[first_dropped.0..first_dropped.1],
                ) {
                    // "to London Heathrow", "from Moscow Sheremetyevo": a town's name before
                    // the airport or station that serves it names the airport or station.
                    span = first_dropped;
                    cue_at = Some(a);
                } else if let Some(k) = start_of {
                    span = (a, run[k - 1].1);
                    choice = Some(format!(
                        "\"{whole}\": read as {}, the start of the name; the rest names no place in the tables",
                        &text[a..run[k - 1].1]
                    ));
                } else {
                    not = Some(NotPlace::PartOf(whole.to_string()));
                }
            }
            let (start, end) = span;
            let name = &text[start..end];
            let is_dateline = dateline(text, start, end);
            if not.is_none() && is_acronym(name) && !is_dateline {
                not = Some(NotPlace::Acronym);
            }
            if not.is_none()
                && let Some((w, _)) = word_before(text, s.start, start)
                && let Some(t) = TITLES.iter().find(|t| **t == w.trim_end_matches('.'))
            {
                not = Some(NotPlace::Person(t.to_string()));
            }
            let mut place = known.get(name).cloned();
            if let Some(l) = &lemma {
                place = known.get(l).cloned();
            }
            // "packed onto the Neptune": English puts no article before a town's name, so a
            // name right after "the" is a ship's, a train's or a building's.
            if not.is_none()
                && !route_name
                && let Some(p) = &place
                && p.kind == PlaceKind::City
                && !p.name.to_lowercase().starts_with("the ")
                && text[s.start..start].to_lowercase().ends_with("the ")
                && word_after(text, end, s.end).is_none_or(|w| {
                    !AFTER_THE_TOWN.contains(&w.as_str()) && !AFTER.contains(&w.as_str())
                })
            {
                not = Some(NotPlace::AfterThe);
            }
            // "the Indian Ocean port city of Dar es Salaam": a sea or an ocean is an area,
            // placed at a label point; no journey stops there.
            if not.is_none() && place.as_ref().is_some_and(|p| p.kind == PlaceKind::Sea) {
                not = Some(NotPlace::Area(
                    "sea or ocean, with no single position".into(),
                ));
            }
            // "the state of Oaxaca", "the province of Hubei": the division, not its town.
            if not.is_none()
                && let Some((w, w_start)) = word_before(text, s.start, start)
                && w == "of"
                && let Some((v, _)) = word_before(text, s.start, w_start)
                && AREA_OF.contains(&v.as_str())
                && !gaz.admin1_named(name).is_empty()
            {
                not = Some(NotPlace::Area(v));
            }
            // "Guizhou" is a province before it is a town of 30,000 people elsewhere; but
            // "Gisborne" is the town inside the one division of that name, its namesake.
            if not.is_none()
                && let Some(p) = place
                    .as_ref()
                    .filter(|p| p.population.unwrap_or(0) < AREA_OVER_TOWN_POPULATION)
            {
                let divisions = gaz.admin1_named(name);
                // Only when that is the one division so named: "Florida" names a US state
                // and divisions in Uruguay and Puerto Rico.
                let inside = divisions
                    .iter()
                    .find(|a| p.admin1.as_deref() == Some(&a.key()))
                    .filter(|_| divisions.len() == 1);
                match (divisions.is_empty(), inside) {
                    (true, _) => {}
                    (false, Some(a)) => {
                        choice = Some(format!(
                            "\"{name}\": the town, in the division of the same name ({}, {}); a route stops at a point",
                            a.name, a.country
                        ));
                    }
                    (false, None) => {
                        not = Some(NotPlace::Area("first-level division".into()));
                    }
                }
            }
            let mut evidence = if is_dateline {
                Some(Evidence::Dateline)
            } else if route_name {
                Some(Evidence::RouteName)
            } else {
                evidence_around(lang, text, s.start, s.end, cue_at.unwrap_or(start), end)
            };
            if not.is_none()
                && !matches!(evidence, Some(Evidence::Before(_)))
                && let Some(v) = word_after(text, end, s.end)
                && SPEECH.contains(&v.as_str())
            {
                not = Some(NotPlace::Speaker(v));
            }
            if evidence.is_none() && run.len() > 1 && span == (a, b) && place.is_some() {
                evidence = Some(Evidence::WholeName);
            }
            if evidence.is_none()
                && place
                    .as_ref()
                    .and_then(|p| p.population)
                    .is_some_and(|n| n >= WELL_KNOWN_POPULATION)
            {
                evidence = Some(Evidence::WellKnown);
            }
            // In a list after a place: only ", " or " and " between them.
            if evidence.is_none()
                && let Some(prev) = cands
                    .iter()
                    .rev()
                    .take_while(|c| c.sentence == si)
                    .find(|c| c.not.is_none() && c.evidence.is_some())
                && joins_list(lang, &text[prev.end..start])
            {
                evidence = Some(Evidence::List);
            }
            if place.is_none() {
                unresolved.push((si, a, b));
            }
            cands.push(Candidate {
                sentence: si,
                start,
                end,
                key: normalize(name),
                evidence,
                not,
                known: place.is_some(),
                choice,
                lemma,
            });
        }
    }
    // The article as a whole: a name read as a place once is a place where nothing says
    // otherwise; a name that is a person's after a title stays a person's unless a word such
    // as "in" or "to" says otherwise.
    let mut placed: HashMap<&str, bool> = HashMap::new();
    let mut people: HashMap<&str, bool> = HashMap::new();
    for c in cands.iter().filter(|c| c.known) {
        if c.not.is_none() && c.evidence.is_some() {
            placed.insert(&c.key, true);
        }
        if matches!(c.not, Some(NotPlace::Person(_) | NotPlace::Speaker(_))) {
            people.insert(&c.key, true);
        }
    }
    let mut accepted: Vec<(usize, Evidence)> = Vec::new();
    for (i, c) in cands.iter().enumerate().filter(|(_, c)| c.known) {
        let decided = match (&c.not, c.evidence) {
            (Some(n), _) => Err(n.clone()),
            (None, Some(e @ (Evidence::Before(_) | Evidence::After(_) | Evidence::Dateline))) => {
                Ok(e)
            }
            (None, _) if people.contains_key(c.key.as_str()) => {
                Err(NotPlace::Person("a title elsewhere in the article".into()))
            }
            (None, Some(e)) => Ok(e),
            (None, None) if placed.contains_key(c.key.as_str()) => Ok(Evidence::NamedBefore),
            (None, None) => Err(NotPlace::NoEvidence),
        };
        match decided {
            Ok(e) => {
                if let Some(n) = &c.choice
                    && !reading.choices.contains(n)
                {
                    reading.choices.push(n.clone());
                }
                accepted.push((i, e));
            }
            Err(n) => {
                let note = format!("\"{}\" is not read as a place: {n}", &text[c.start..c.end]);
                if !reading.not_places.contains(&note) {
                    reading.not_places.push(note);
                }
            }
        }
    }
    // The context of each name: the article's countries, and where its other names are on
    // their own (the first [`MAX_ANCHORS`] of them), so that namesakes near the others win.
    let mut countries = Context::default();
    for c in &reading.countries {
        if let Ok(x) = countries.clone().in_country(c) {
            countries = x;
        }
    }
    let mut anchors: Vec<(&str, LatLon)> = Vec::new();
    for (i, _) in &accepted {
        let c = &cands[*i];
        if anchors.len() >= MAX_ANCHORS || anchors.iter().any(|(k, _)| *k == c.key) {
            continue;
        }
        let name = c.lemma.as_deref().unwrap_or(&text[c.start..c.end]);
        if let Some(r) = resolve_as_written(gaz, name, &Context::default()) {
            anchors.push((&c.key, r.place.anchor()));
        }
    }
    let mut in_context: HashMap<&str, Option<Arc<Place>>> = HashMap::new();
    // The names the gazetteer gives several places ("Kent": towns in Ohio and Washington).
    let mut namesakes: Vec<&str> = Vec::new();
    for (i, e) in &accepted {
        let c = &cands[*i];
        let name = c.lemma.as_deref().unwrap_or(&text[c.start..c.end]);
        let place = match in_context.get(c.key.as_str()) {
            Some(p) => p.clone(),
            None => {
                let mut ctx = countries.clone();
                for (_, at) in anchors.iter().filter(|(k, _)| *k != c.key) {
                    ctx = ctx.near(*at);
                }
                // "Panama City", "Kuwait City": the name says the country.
                if let Some(code) = name.strip_suffix(" City").and_then(country_code)
                    && let Ok(x) = ctx.clone().in_country(code)
                {
                    ctx = x;
                }
                let r = resolve_as_written(gaz, name, &ctx);
                if let Some(r) = &r
                    && r.context.is_some_and(|x| x.changed_choice)
                {
                    reading.choices.push(format!(
                        "\"{name}\": {} (chosen in the article's context) {}",
                        describe(&r.place),
                        r.why()
                    ));
                }
                if r.as_ref().is_some_and(|r| !r.alternatives.is_empty()) {
                    namesakes.push(&c.key);
                }
                let p = r.map(|r| Arc::new(r.place));
                in_context.insert(&c.key, p.clone());
                p
            }
        };
        if let Some(p) = place {
            reading.mentions[c.sentence].push(Mention {
                start: c.start,
                end: c.end,
                text: name.to_string(),
                place: Some(p),
                evidence: Some(*e),
            });
        }
    }
    // "the Channel Tunnel in Kent": a name several towns share, whose pick lies far from
    // every other place of the article and in a country the article does not name, is a
    // namesake of something the tables do not hold (a county, a station, a square): dropped.
    let far: Vec<&str> = namesakes
        .iter()
        .copied()
        .filter(|k| {
            in_context.get(k).cloned().flatten().is_some_and(|p| {
                far_namesake(
                    &p,
                    &reading.countries,
                    in_context
                        .iter()
                        .filter(|(o, _)| *o != k)
                        .filter_map(|(_, q)| q.as_deref()),
                )
            })
        })
        .collect();
    // Each candidate by where it starts, for the mentions made of them.
    let by_start: HashMap<usize, usize> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (c.start, i))
        .collect();
    for m in &mut reading.mentions {
        m.retain(|x| {
            let drop = x.place.is_some()
                && by_start
                    .get(&x.start)
                    .is_some_and(|&i| far.contains(&cands[i].key.as_str()));
            if drop {
                let note = format!(
                    "\"{}\" is not read as a place: {}",
                    x.text,
                    NotPlace::FarNamesake(x.place.as_deref().map(describe).unwrap_or_default())
                );
                if !reading.not_places.contains(&note) {
                    reading.not_places.push(note);
                }
            }
            !drop
        });
    }
    // "London's Waterloo station", "Santa Apolónia (Lisboa)": a name its sentence places
    // inside another place is a part of it (a station, a district, a square); a town of that
    // name far from the owner is a namesake, not what the article means.
    for ms in &mut reading.mentions {
        ms.retain(|x| {
            let Some(p) = &x.place else { return true };
            let Some(&ci) = by_start.get(&x.start) else {
                return true;
            };
            let Some(oi) = owner(text, &cands, ci) else {
                return true;
            };
            let o = &cands[oi];
            // "Henan's Shangqiu": an owner read as something else than a point (a province,
            // a company) says nothing of where the name is.
            if o.not.as_ref().is_some_and(|n| *n != NotPlace::NoEvidence) {
                return true;
            }
            let owner_name = &text[o.start..o.end];
            let Some(at) = in_context
                .get(o.key.as_str())
                .cloned()
                .flatten()
                .or_else(|| known.get(owner_name).cloned())
                .map(|q| q.anchor())
            else {
                return true;
            };
            let km = crate::geodesy::distance(at, p.anchor()).as_m() / 1000.0;
            if km <= INSIDE_KM {
                return true;
            }
            let note = format!(
                "\"{}\" is not read as a place: {}",
                x.text,
                NotPlace::Inside(owner_name.to_string(), km.round() as u64)
            );
            if !reading.not_places.contains(&note) {
                reading.not_places.push(note);
            }
            false
        });
    }
    for (si, a, b) in unresolved {
        reading.mentions[si].push(Mention {
            start: a,
            end: b,
            text: text[a..b].to_string(),
            place: None,
            evidence: None,
        });
    }
    for m in &mut reading.mentions {
        m.sort_by_key(|m| m.start);
    }
    reading
}

/// How far, in km, an airport or station may lie from the town whose name is written before
/// its own ("London Heathrow": 23 km) and still be read as serving it.
pub const SERVES_KM: f64 = 80.0;

/// Whether `rest` names an airport or a station within [`SERVES_KM`] of the town `town` names.
fn served_by(known: &mut Known, town: &str, rest: &str) -> bool {
    let Some(at) = known
        .get(town)
        .filter(|p| p.kind == PlaceKind::City)
        .map(|p| p.anchor())
    else {
        return false;
    };
    known.get(rest).is_some_and(|p| {
        matches!(p.kind, PlaceKind::Airport | PlaceKind::Station)
            && crate::geodesy::distance(at, p.anchor()).as_m() / 1000.0 <= SERVES_KM
    })
}

/// How far, in km, a place may lie from the place its sentence puts it in ("London's
/// Waterloo station") and still be read as that part of it (see [`owner`]).
pub const INSIDE_KM: f64 = 50.0;

/// The candidate the sentence puts candidate `i` inside: the name before it with a
/// possessive ("London's Waterloo station") or the name in brackets right after it ("Santa
/// Apolónia (Lisboa)").
fn owner(text: &str, cands: &[Candidate], i: usize) -> Option<usize> {
    let c = &cands[i];
    if i > 0 {
        let o = &cands[i - 1];
        if o.sentence == c.sentence && matches!(&text[o.end..c.start], "'s " | "\u{2019}s ") {
            return Some(i - 1);
        }
    }
    let o = cands.get(i + 1)?;
    (o.sentence == c.sentence
        && o.start >= c.end
        && &text[c.end..o.start] == " ("
        && text[o.end..].starts_with(')'))
    .then_some(i + 1)
}

/// How far, in km, a place must lie from every other place of the article to be read as a
/// namesake of something the tables do not hold (see [`far_namesake`]).
pub const FAR_NAMESAKE_KM: f64 = 2000.0;

/// Whether `p`, picked for a name several places share, is a namesake far from the article:
/// more than [`FAR_NAMESAKE_KM`] from each of at least two other places, in a country the
/// article does not name, and not a well-known place ([`WELL_KNOWN_POPULATION`]).
fn far_namesake<'a>(
    p: &Place,
    countries: &[String],
    others: impl Iterator<Item = &'a Place>,
) -> bool {
    if p.population.unwrap_or(0) >= WELL_KNOWN_POPULATION
        || p.country.as_ref().is_some_and(|c| countries.contains(c))
    {
        return false;
    }
    let mut n = 0;
    for q in others {
        if p.country.is_some() && q.country == p.country {
            return false;
        }
        let km = crate::geodesy::distance(p.anchor(), q.anchor()).as_m() / 1000.0;
        if km <= FAR_NAMESAKE_KM {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// The words an article writes in lower case ("para", "reading"): a sentence's first word
/// that is one of them is a word of the language, whatever town carries the name.
pub struct LowerCaseWords<'t>(FxHashSet<&'t str>);

impl<'t> LowerCaseWords<'t> {
    /// Every word of `text` that starts with a lower-case letter.
    pub fn of(text: &'t str) -> Self {
        LowerCaseWords(
            text.split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .collect(),
        )
    }

    fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// Resolves a name as written, never by a close spelling. A Russian or Ukrainian name is
/// often inflected ("в Новосибирске", "из Пхеньяна", "в Чите"): when the form as written is
/// unknown, the forms without the case ending are tried and the most populous place any of
/// them names is taken.
fn resolve_as_written(
    gaz: &Gazetteer,
    name: &str,
    ctx: &Context,
) -> Option<crate::gazetteer::Resolution> {
    let exact = |n: &str| {
        gaz.resolve_named(&Query::name(n), ctx)
            .ok()
            .filter(|r| r.matched != MatchKind::Fuzzy)
    };
    if let Some(r) = exact(name) {
        return Some(r);
    }
    uninflected(name)
        .iter()
        .filter_map(|n| exact(n))
        .max_by_key(|r| r.place.population.unwrap_or(0))
}

/// The nominative forms a Cyrillic name in another case may have ("Новосибирске" →
/// "Новосибирск", "Чите" → "Чита", "Пхеньяна" → "Пхеньян", "Москвы" → "Москва"); none for
/// a name in another script or a short word.
pub(super) fn uninflected(name: &str) -> Vec<String> {
    let cyrillic = name
        .chars()
        .filter(|c| matches!(c, 'А'..='я' | 'ё' | 'і' | 'ї' | 'є'))
        .count();
    if cyrillic * 2 < name.chars().count() || name.chars().count() < 4 {
        return Vec::new();
    }
    const ENDINGS: &[(&str, &[&str])] = &[
        ("ом", &["", "а"]),
        ("ем", &["", "ь", "я"]),
        ("ой", &["а"]),
        ("ей", &["я", "ь"]),
        ("е", &["", "а", "ь", "я"]),
        ("і", &["", "а", "ь", "я"]),
        ("а", &[""]),
        ("я", &["ь", ""]),
        ("у", &["а", ""]),
        ("ю", &["я", "ь"]),
        ("ы", &["а"]),
        ("и", &["а", "я", "ь"]),
    ];
    let mut out = Vec::new();
    for (end, repl) in ENDINGS {
        if let Some(stem) = name.strip_suffix(end) {
            for r in *repl {
                out.push(format!("{stem}{r}"));
            }
        }
    }
    out
}

/// "Khasan (RU, city)".
fn describe(p: &Place) -> String {
    match &p.country {
        Some(c) => format!("{} ({c}, {})", p.name, p.kind),
        None => format!("{} ({})", p.name, p.kind),
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::PlaceKind;

    #[test]
    fn finds_multiword_names_and_reports_the_rest() {
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("Rostov-on-Don", PlaceKind::City, 47.2, 39.7),
            Place::test_point("Sochi", PlaceKind::City, 43.6, 39.7),
            Place::test_point("Black Sea", PlaceKind::Other, 43.0, 35.0),
        ]);
        let t = "The train from Rostov-on-Don reached Sochi's station on the Black Sea, Vesti Kuban said.";
        let m = read(t, &super::super::sentences(t), &gaz)
            .mentions
            .remove(0);
        let names: Vec<(&str, bool)> = m
            .iter()
            .map(|m| (m.text.as_str(), m.place.is_some()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Rostov-on-Don", true),
                ("Sochi", true),
                ("Black Sea", true),
                ("Vesti Kuban", false)
            ]
        );
    }

    #[test]
    fn known_names_resolve_once_as_the_gazetteer_does() {
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("Sochi", PlaceKind::City, 43.6, 39.7),
            Place::test_point("Black Sea", PlaceKind::Other, 43.0, 35.0),
        ]);
        let mut known = Known::new(&gaz);
        for name in ["Sochi", "SOCHI", "Black Sea", "Vesti Kuban", "Sochi"] {
            let direct = resolve_as_written(&gaz, name, &Context::default()).map(|r| r.place);
            assert_eq!(known.get(name).map(|p| Place::clone(p)), direct, "{name}");
            assert_eq!(known.has(name), direct.is_some(), "{name}");
        }
        // "Sochi" and "SOCHI" share one normalised entry, and resolved once.
        assert_eq!(known.places.len(), 3);
        assert_eq!(known.found.len(), 3);
        assert_eq!(known.written.len(), 4);
    }

    /// The places of a one-sentence-per-line text with `gaz`, as (written name, resolved).
    /// Asserts that a note says `name` is not read as a place, for a reason containing `why`.
    fn assert_noted(r: &Reading, name: &str, why: &str) {
        assert!(
            r.not_places
                .iter()
                .any(|n| n.contains(name) && n.contains(why)),
            "no note of {name:?} ({why:?}): {:?}",
            r.not_places
        );
    }

    fn placed(gaz: &Gazetteer, lang: Language, t: &str) -> Vec<String> {
        read_in(lang, t, &super::super::sentences(t), gaz)
            .mentions
            .into_iter()
            .flatten()
            .filter(|m| m.place.is_some())
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn a_first_word_the_article_writes_in_lower_case_is_a_word() {
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("Para", PlaceKind::City, -19.9, -44.6),
            Place::test_point("Porto", PlaceKind::City, 41.15, -8.61),
        ]);
        let t = "Para o dia 6 de agosto, o comboio partiu em Porto. O valor desce para 24 euros.";
        assert_eq!(placed(&gaz, Language::Portuguese, t), vec!["Porto"]);
        // Without the word in lower case elsewhere, the first word may be a place.
        let t = "Para station is where the train stopped. It left for Porto.";
        assert!(placed(&gaz, Language::English, t).contains(&"Para".to_string()));
    }

    #[test]
    fn a_sea_is_an_area_not_a_stop() {
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("Indian Ocean", PlaceKind::Sea, -47.8, 88.7),
            Place::test_point("Dar es Salaam", PlaceKind::City, -6.8, 39.3),
        ]);
        let t = "The line runs to the Indian Ocean port city of Dar es Salaam.";
        let r = read(t, &super::super::sentences(t), &gaz);
        assert_eq!(placed(&gaz, Language::English, t), vec!["Dar es Salaam"]);
        assert_noted(&r, "Indian Ocean", "sea");
    }

    #[test]
    fn a_namesake_far_from_every_other_place_is_dropped() {
        let with_pop = |name, lat, lon, country: &str, pop| Place {
            country: Some(country.to_string()),
            population: Some(pop),
            ..Place::test_point(name, PlaceKind::City, lat, lon)
        };
        let gaz = Gazetteer::from_places(vec![
            with_pop("Kent", 41.15, -81.36, "US", 28_000),
            with_pop("Kent", 47.38, -122.23, "US", 130_000),
            with_pop("London", 51.51, -0.13, "GB", 8_900_000),
            with_pop("Paris", 48.85, 2.35, "FR", 2_100_000),
            with_pop("Folkestone", 51.08, 1.17, "GB", 46_000),
            with_pop("Perth", -31.95, 115.86, "AU", 1_900_000),
            with_pop("Darwin", -12.46, 130.84, "AU", 120_000),
        ]);
        let t = "The train left Paris for London. The line runs from the tunnel near Folkestone in Kent.";
        assert_eq!(placed_in(&gaz, t), ["Paris", "London", "Folkestone"]);
        let r = read(t, &super::super::sentences(t), &gaz);
        assert_noted(&r, "Kent", "far from");
        // A far place whose name no other place shares stays: a flight's other end.
        let t = "The jet flew from London to Darwin. It left Paris for London.";
        assert!(placed_in(&gaz, t).contains(&"Darwin".to_string()));
        // So does a namesake when the article names its country.
        let t = "The train left Paris for London. It went on to Kent in the United States.";
        assert!(placed_in(&gaz, t).contains(&"Kent".to_string()));
    }

    fn placed_in(gaz: &Gazetteer, t: &str) -> Vec<String> {
        placed(gaz, Language::English, t)
    }

    #[test]
    fn a_place_noun_before_a_name_is_its_apposition() {
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("Dar es Salaam", PlaceKind::City, -6.8, 39.3),
            Place::test_point("Dodoma", PlaceKind::City, -6.2, 35.7),
        ]);
        let t = "A line between Dar es Salaam and the capital Dodoma opened.";
        assert_eq!(placed_in(&gaz, t), ["Dar es Salaam", "Dodoma"]);
        // Without "the" or "its" before it, the noun says nothing ("Capital Dodoma" is a
        // run of its own; "a city Dodoma" is not English).
        let t = "Officials said Dodoma was ready.";
        assert_eq!(placed_in(&gaz, t), Vec::<String>::new());
    }

    #[test]
    fn a_name_put_inside_a_place_far_from_it_is_a_part_of_it() {
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("London", PlaceKind::City, 51.51, -0.13),
            Place::test_point("Paris", PlaceKind::City, 48.85, 2.35),
            Place::test_point("Waterloo", PlaceKind::City, 50.71, 4.40),
            Place::test_point("Lisboa", PlaceKind::City, 38.72, -9.14),
            Place::test_point("Santa Apolonia", PlaceKind::City, 14.79, -90.97),
            Place::test_point("Shangqiu", PlaceKind::City, 34.41, 115.65),
        ]);
        let t = "The trip from Paris to London's Waterloo station takes two hours.";
        assert_eq!(placed_in(&gaz, t), ["Paris", "London"]);
        let r = read(t, &super::super::sentences(t), &gaz);
        assert_noted(&r, "Waterloo", "a part of London");
        let t = "O comboio partiu em Santa Apolonia (Lisboa) às 06h00.";
        let r = read_in(Language::Portuguese, t, &super::super::sentences(t), &gaz);
        assert_noted(&r, "Santa Apolonia", "a part of Lisboa");
        // Near its owner the name stays ("Paris's Waterloo" would be 260 km away; a town
        // beside London is not).
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("London", PlaceKind::City, 51.51, -0.13),
            Place::test_point("Waterloo", PlaceKind::City, 51.50, -0.11),
        ]);
        let t = "The train reached London's Waterloo station.";
        assert!(placed_in(&gaz, t).contains(&"Waterloo".to_string()));
    }

    #[test]
    fn a_main_stations_word_after_a_town_names_the_town() {
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("Przemyśl", PlaceKind::City, 49.78, 22.77),
            Place::test_point("Kyiv", PlaceKind::City, 50.45, 30.52),
        ]);
        let t = "The train took him from Przemyśl Główny in Poland to Kyiv.";
        // The town's name, without the station's word.
        assert_eq!(placed_in(&gaz, t), ["Przemyśl", "Kyiv"]);
    }

    #[test]
    fn a_towns_name_before_its_airport_names_the_airport() {
        let airport = |name, lat, lon| Place {
            aliases: vec!["Heathrow".into()],
            ..Place::test_point(name, PlaceKind::Airport, lat, lon)
        };
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("London", PlaceKind::City, 51.51, -0.13),
            Place::test_point("Perth", PlaceKind::City, -31.95, 115.86),
            airport("London Heathrow Airport", 51.47, -0.46),
        ]);
        let t = "The flight from Perth to London Heathrow is due on Sunday.";
        assert_eq!(placed_in(&gaz, t), ["Perth", "Heathrow"]);
        // An airport far from the town before it is not that town's.
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("London", PlaceKind::City, 51.51, -0.13),
            Place::test_point("Perth", PlaceKind::City, -31.95, 115.86),
            airport("London Heathrow Airport", 28.8, -81.3),
        ]);
        assert_eq!(placed_in(&gaz, t), ["Perth"]);
    }

    #[test]
    fn a_name_joined_to_a_station_is_a_station_of_its_town() {
        let gaz = Gazetteer::from_places(vec![
            Place {
                population: Some(8_961_989),
                ..Place::test_point("London", PlaceKind::City, 51.51, -0.13)
            },
            Place::test_point("Euston", PlaceKind::City, 52.38, 0.79),
            Place::test_point("Manchester", PlaceKind::City, 53.48, -2.24),
        ]);
        let t = "Trains run between Manchester Piccadilly railway station and London Euston in two hours.";
        assert_eq!(placed_in(&gaz, t), ["Manchester", "London"]);
        // Without a station before it, "London Euston" is a name of its own.
        let t = "Trains run between Manchester and London Euston in two hours.";
        assert_eq!(placed_in(&gaz, t), ["Manchester"]);
        assert!(super::station_then_and(" Piccadilly railway station and "));
        assert!(!super::station_then_and(" station. And "));
    }

    #[test]
    fn portuguese_ao_before_a_name_says_a_place_follows() {
        let gaz = Gazetteer::from_places(vec![Place::test_point(
            "Porto",
            PlaceKind::City,
            41.15,
            -8.61,
        )]);
        let t = "O primeiro comboio da manhã chega ao Porto perto das dez.";
        assert_eq!(placed(&gaz, Language::Portuguese, t), ["Porto"]);
        let t = "O primeiro comboio da manhã chega e Porto fica longe.";
        assert!(placed(&gaz, Language::Portuguese, t).is_empty());
    }
}
