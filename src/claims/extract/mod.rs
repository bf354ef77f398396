//! Reading an article: the quantities (distances, speeds, durations, written numbers such as
//! "an hour" or "two and a half days", conversions in parentheses, ranges) and the place
//! names (through the gazetteer) in plain text, turned into a draft story.
//!
//! ```
//! use routecheck::claims::extract::extract;
//! use routecheck::gazetteer::Gazetteer;
//! let x = extract("The 1,200 kilometre (745 miles) trip took two days.", "Paper", &Gazetteer::from_places(Vec::new()));
//! assert_eq!(x.quantities, 2);
//! assert_eq!(x.claims[0].kind.name(), "conversion");
//! ```

mod classify;
mod context;
mod countries;
mod cues;
mod draft;
mod earliest;
mod foreign;
mod idioms;
mod inflection;
mod journey;
mod journey_words;
mod language;
mod nonplace;
mod outlet;
mod places;
mod relative;
mod saving;
mod saving_across;
mod scan;
mod timeline;
mod times;
mod trip;

pub use classify::slug;
pub use journey::{Role, Stop};
pub use language::Language;
pub use nonplace::NotPlace;
pub use outlet::outlet_of;
pub use places::{Evidence, LowerCaseWords, Mention, Reading, read};
pub use scan::{Found, Sentence, quantities, quantities_in, sentences};

use std::sync::Arc;

use crate::gazetteer::{Gazetteer, Place, PlaceKind};
use crate::story::{ClaimKind, ClaimSpec, DistanceMeasure, Event};

/// A waypoint of a draft story: a place the claims need.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftWaypoint {
    /// The id the draft story gives it (a slug of the place's name).
    pub id: String,
    /// The gazetteer place the name resolved to.
    pub place: Place,
}

/// What extraction found in one or more articles.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Every place the articles name (with evidence: see [`read`]), in order of first mention.
    pub waypoints: Vec<DraftWaypoint>,
    /// The claims found, in text order, ready for a story's `[[claims]]`.
    pub claims: Vec<ClaimSpec>,
    /// How many quantities were found in all.
    pub quantities: usize,
    /// Capitalised names the gazetteer could not resolve (some are people or organisations).
    pub unresolved: Vec<String>,
    /// Names the gazetteer knows that were not read as places, and why ("TASS": a news agency).
    pub not_places: Vec<String>,
    /// Choices made in reading places: a name resolved by the article's context.
    pub choices: Vec<String>,
    /// Numbers found but not turned into claims, and why.
    pub notes: Vec<String>,
    /// The travel mode the articles suggest: "rail", "air", "road" or "direct".
    pub mode: &'static str,
    /// The places the journey stops at, each time a sentence names one after a travel word,
    /// in text order (see [`journey`] for how they are ordered into legs).
    pub stops: Vec<Stop>,
    /// How many articles were read (the article index of [`Stop::sentence`]).
    pub articles: usize,
    /// The ids of the waypoints the claims use.
    pub claim_places: Vec<String>,
    /// Timeline events read from clock times ("left at 18:00 local time"), each at a
    /// waypoint, on the date the article gives, in the zone it states (or the place's own).
    pub events: Vec<Event>,
    /// The ids of the claims measured along the route between two places extraction chose
    /// (a trip's duration; a length whose sentence names fewer than two places).
    trip_claims: Vec<String>,
    /// Legs for those claims' pairs that the journey's stops do not join: each its own
    /// journey, after the stops' legs.
    trip_legs: Vec<(String, String)>,
    /// Legs for trip durations between two stops the journey reaches only round other stops
    /// ("Paris-Rennes en 1h25 … Paris-Bordeaux en 2h04"): each its own journey, before the
    /// stops' legs, so that the route between the two is measured on it.
    direct_legs: Vec<(String, String)>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of each travel mode for [`mode_of`], in the order that settles a tie (two words
/// beginning at the same byte): by the mode's name, as before.
const MODE_WORDS: [(&str, &[&str]); 3] = [
    (
        "air",
        &[
            "flew",
            "flight",
            "plane",
            " vuelo",
            " avión",
            " avion ",
            "flugzeug",
            "samolot",
            "самолет",
            "самолёт",
            "літак",
        ],
    ),
    (
        "rail",
        &[
            "train",
            "railway",
            " rail ",
            " tren",
            "ferrocarril",
            "ferroviai",
            "ferroviari",
            " zug",
            " züge",
            "bahn",
            " ice ",
            " ices ",
            " tgv",
            " lgv",
            "pociąg",
            "kolej",
            "поезд",
            "потяг",
            "железн",
            "залізн",
            "электрич",
        ],
    ),
    (
        "road",
        &[
            "drove",
            "drive",
            " car ",
            " road",
            " bus ",
            " autobús",
            " coche",
        ],
    ),
];

/// The travel mode the article mentions first: rail, air or road (else direct), in the
/// languages the extractor reads ("tren", "Zug", "pociąg", "поезд").
fn mode_of(text: &str) -> &'static str {
    static MODES: std::sync::LazyLock<earliest::Earliest<&'static str>> =
        std::sync::LazyLock::new(|| earliest::Earliest::new(&MODE_WORDS));
    MODES
        .in_text(&format!(" {}", text.to_lowercase()))
        .unwrap_or("direct")
}

/// An article to read: the outlet that published it, its text, and its publication date when
/// the caller knows it (an archive's record, `--date`).
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The outlet, as the claims name it.
    pub outlet: String,
    /// The plain text.
    pub text: String,
    /// The date it was published: the year of a date the text gives without one ("on July 5").
    pub published: Option<jiff::civil::Date>,
}

/// Extracts claims from one article; `outlet` names it in the claims.
pub fn extract(text: &str, outlet: &str, gaz: &Gazetteer) -> Extraction {
    let mut x = Extraction::default();
    add(&mut x, text, outlet, None, gaz);
    x.keep_joined_trips();
    x
}

/// Extracts claims from several articles (outlet, text) into one draft, so that claims on the
/// same topic across outlets are compared.
pub fn extract_all(articles: &[(String, String)], gaz: &Gazetteer) -> Extraction {
    let mut x = Extraction::default();
    for (outlet, text) in articles {
        add(&mut x, text, outlet, None, gaz);
    }
    x.keep_joined_trips();
    x
}

/// [`extract_all`] on articles that may carry their publication dates.
pub fn extract_articles(articles: &[Article], gaz: &Gazetteer) -> Extraction {
    let mut x = Extraction::default();
    for a in articles {
        add(&mut x, &a.text, &a.outlet, a.published, gaz);
    }
    x.keep_joined_trips();
    x
}

fn add(
    x: &mut Extraction,
    text: &str,
    outlet: &str,
    published: Option<jiff::civil::Date>,
    gaz: &Gazetteer,
) {
    add_on(
        x,
        text,
        outlet,
        published,
        gaz,
        text.len() >= TWO_THREADS_FROM,
    );
}

/// [`add`], on two threads or on one: the result is the same.
fn add_on(
    x: &mut Extraction,
    text: &str,
    outlet: &str,
    published: Option<jiff::civil::Date>,
    gaz: &Gazetteer,
    two_threads: bool,
) {
    let (sents, lang, lower_words) = first_passes(text, two_threads);
    // The places (the gazetteer's part) and every sentence's figures are read at once, on two
    // threads when the article is long enough to be worth a second one.
    let (
        reading,
        Figures {
            found_all,
            unreadable,
            mut times_all,
        },
    ) = places_and_figures(lang, text, (&sents, &lower_words), gaz, two_threads);
    for (from, to) in [
        (&reading.not_places, &mut x.not_places),
        (&reading.choices, &mut x.choices),
    ] {
        for n in from {
            let n = format!("{outlet}: {n}");
            if !to.contains(&n) {
                to.push(n);
            }
        }
    }
    // A former trip time, for a new one the next sentence gives ([`saving_across`]).
    let mut former: Option<saving_across::Former> = None;
    let prefix = slug(outlet);
    let prefix = if prefix.is_empty() {
        "claim".to_string()
    } else {
        prefix
    };
    let mut n = x
        .claims
        .iter()
        .filter(|c| c.id.starts_with(&prefix))
        .count();
    let mode = mode_of(text);
    if x.mode.is_empty() || x.mode == "direct" {
        x.mode = mode;
    }
    let article = x.articles;
    x.articles += 1;
    if lang != Language::English {
        let numbers = if lang.dot_groups() {
            "a dot groups thousands (\"1.200 km\" = 1,200 km) and a comma marks decimals (\"1,5\" = 1.5)"
        } else {
            "a space groups thousands (\"9 288 km\") and a comma marks decimals (\"1,5\" = 1.5); \"1.200\" is not read"
        };
        x.notes.push(format!(
            "{outlet}: read as {lang} (from its words): {numbers}; figures are carried into the claims in English"
        ));
    }
    let mut dates = timeline::DateContext {
        // The year of the first full date the article gives ("September 10, 2023"); a year
        // alone is too often another year ("his first trip, in 2019"). Failing that, the year
        // it was published dates its sentences one by one.
        year: times::first_year(text),
        last: None,
        published,
        account: None,
    };
    let mut cx = context::Article::new(text, &found_all.concat());
    cx.rail = mode == "rail";
    // The towns each sentence names, for a trip figure in a sentence that comes before the
    // article names its places.
    let towns_in: Vec<Vec<Arc<Place>>> = reading
        .mentions
        .iter()
        .map(|ms| {
            ms.iter()
                .filter_map(|m| m.place.clone())
                .filter(|p| trip::is_town(p))
                .collect()
        })
        .collect();
    let after = towns_after(&towns_in);
    let (sents, mentions) = (&sents[..], &reading.mentions);
    // What one sentence yields as claims: it needs only what the article gives before and
    // after it, never what the sentences before it yielded, so it can be worked out ahead.
    let classify_one = |si: usize, named: &Named| -> Option<classify::Yield> {
        let (s, found, mentions) = (&sents[si], &found_all[si], &mentions[si]);
        let sent = &text[s.start..s.end];
        let relevant = !found.is_empty()
            || mentions.iter().any(|m| m.place.is_some())
            || sent.contains(" years")
            || sent.contains("overnight")
            || sent.contains("day before")
            || sent.contains("previous day")
            || sent.bytes().any(|b| b.is_ascii_digit());
        relevant.then(|| {
            let mut y = classify::sentence(
                lang,
                &cx,
                text,
                (s.start, s.end),
                found,
                mentions,
                named.recent.as_ref(),
                (&named.before, &after[si]),
            );
            // Its figures that cannot be read, said last.
            y.notes.extend(unreadable[si].iter().cloned());
            y
        })
    };
    let mut take = |si: usize, named: &Named, y: Option<classify::Yield>| {
        let s = &sents[si];
        stops_in(
            x,
            lang,
            text,
            (article, si),
            (s.start, s.end),
            &mentions[si],
        );
        events_in(
            x,
            text,
            ((s.start, s.end), std::mem::take(&mut times_all[si])),
            &mentions[si],
            named.recent.as_ref(),
            &mut dates,
            outlet,
        );
        x.quantities += found_all[si].len();
        for m in mentions[si].iter().filter(|m| m.place.is_none()) {
            if m.text.chars().count() > 2 && !x.unresolved.contains(&m.text) {
                x.unresolved.push(m.text.clone());
            }
        }
        if let Some(y) = y {
            let quote = collapse(&text[s.start..s.end]);
            let first_new = x.claims.len();
            add_yield(x, y, outlet, &prefix, &mut n, &quote);
            saving_across::join(x, &mut former, si, &text[s.start..s.end], first_new);
        }
    };
    if !two_threads {
        let mut named = Named::default();
        for (si, said) in mentions.iter().enumerate() {
            let y = classify_one(si, &named);
            take(si, &named, y);
            named.after(said);
        }
        return;
    }
    // A long article: its sentences are classified on a second thread, in order, while this
    // one reads their stops and times and takes each sentence's claims as they come.
    std::thread::scope(|scope| {
        let (send, yields) = std::sync::mpsc::sync_channel(256);
        let classify_one = &classify_one;
        let classifier = scope.spawn(move || {
            let mut named = Named::default();
            for (si, said) in mentions.iter().enumerate() {
                if send.send(classify_one(si, &named)).is_err() {
                    return;
                }
                named.after(said);
            }
        });
        let mut named = Named::default();
        for (si, y) in yields.iter().enumerate() {
            take(si, &named, y);
            named.after(&mentions[si]);
        }
        if let Err(panic) = classifier.join() {
            std::panic::resume_unwind(panic);
        }
    });
}

/// The places a sentence's figures may be about that the sentences before it named.
#[derive(Default)]
struct Named {
    /// The last town or station named ("the city" in the next sentence most likely means it).
    recent: Option<Arc<Place>>,
    /// The towns named before, each once, the most recent last: the places a trip figure is
    /// about when its sentence does not name both.
    before: Vec<Arc<Place>>,
}

impl Named {
    /// Takes in the places one sentence names.
    fn after(&mut self, mentions: &[Mention]) {
        for p in mentions.iter().filter_map(|m| m.place.as_ref()) {
            if trip::is_town(p) {
                // Each name once, the most recent last (a place named again is moved, not
                // copied again).
                let again = self.before.iter().position(|q| q.name == p.name);
                match again.map(|i| self.before.remove(i)) {
                    Some(q) if q == *p => self.before.push(q),
                    _ => self.before.push(p.clone()),
                }
            }
        }
        let town = |p: &Place| !matches!(p.kind, PlaceKind::Other | PlaceKind::River);
        let mut named = mentions.iter().rev().filter_map(|m| m.place.as_ref());
        if let Some(p) = named.clone().find(|p| town(p)) {
            if self.recent.as_ref() != Some(p) {
                self.recent = Some(p.clone());
            }
        } else if self.recent.is_none() {
            self.recent = named.next().cloned();
        }
    }
}

/// A sentence's claims, places, notes and assumptions ([`classify::sentence`]) taken into `x`;
/// `n` counts the claims of this outlet, for their ids.
fn add_yield(
    x: &mut Extraction,
    y: classify::Yield,
    outlet: &str,
    prefix: &str,
    n: &mut usize,
    quote: &str,
) {
    for p in y.places {
        let id = slug(&p.name);
        if !x.claim_places.contains(&id) {
            x.claim_places.push(id.clone());
        }
        if !x.waypoints.iter().any(|w| w.id == id) {
            x.waypoints.push(DraftWaypoint {
                id,
                place: Arc::unwrap_or_clone(p),
            });
        }
    }
    for (k, (kind, topic)) in y.claims.into_iter().enumerate() {
        // The same claim twice (a caption repeating the text) is kept once.
        if x.claims
            .iter()
            .any(|c| c.outlet == outlet && c.kind == kind)
        {
            continue;
        }
        *n += 1;
        let id = format!("{prefix}-{}-{n}", kind.name().replace('_', "-"));
        if y.trips.contains(&k) {
            x.trip_claims.push(id.clone());
        }
        x.claims.push(ClaimSpec {
            id,
            outlet: outlet.to_string(),
            quote: quote.to_string(),
            topic: topic.map(str::to_string),
            kind,
        });
    }
    x.notes
        .extend(y.notes.into_iter().map(|m| format!("{outlet}: {m}")));
    for c in y.assumed {
        let c = format!("{outlet}: {c}");
        if !x.choices.contains(&c) {
            x.choices.push(c);
        }
    }
}

/// Articles shorter than this are read on one thread: a second would cost more than it saves.
const TWO_THREADS_FROM: usize = 64 * 1024;

/// The places of an article ([`places::read_in`]) and the figures of each of its sentences
/// ([`quantities_in`]): every figure is read before any sentence is classified, so that a
/// sentence can lean on the whole article (its top speed). The two readings share nothing,
/// so with `two_threads` they are read at once; the result is the same either way.
/// The passes over the whole text that come first: its sentences, its language and the words
/// it writes in lower case; on two threads at once when the article is long enough to be
/// worth a second one.
fn first_passes(text: &str, two_threads: bool) -> (Vec<Sentence>, Language, LowerCaseWords<'_>) {
    if !two_threads {
        return (
            sentences(text),
            Language::detect(text),
            LowerCaseWords::of(text),
        );
    }
    std::thread::scope(|scope| {
        let lang = scope.spawn(|| Language::detect(text));
        let sents = sentences(text);
        let lower = LowerCaseWords::of(text);
        match lang.join() {
            Ok(lang) => (sents, lang, lower),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// What every sentence gives that the text alone says: its figures, the notes on those that
/// cannot be read ([`scan::unreadable`]), and its dates and clock times.
struct Figures {
    found_all: Vec<Vec<Found>>,
    unreadable: Vec<Vec<String>>,
    times_all: Vec<times::Said>,
}

fn places_and_figures(
    lang: Language,
    text: &str,
    (sents, lower_words): (&[Sentence], &LowerCaseWords),
    gaz: &Gazetteer,
    two_threads: bool,
) -> (places::Reading, Figures) {
    let figures = || Figures {
        found_all: sents
            .iter()
            .map(|s| quantities_in(lang, text, s.start, s.end))
            .collect(),
        unreadable: sents
            .iter()
            .map(|s| scan::unreadable(lang, &text[s.start..s.end]))
            .collect(),
        times_all: sents
            .iter()
            .map(|s| times::Said::in_sentence(text, s.start, s.end))
            .collect(),
    };
    if !two_threads {
        return (
            places::read_with(lang, text, sents, lower_words, gaz),
            figures(),
        );
    }
    std::thread::scope(|scope| {
        let found = scope.spawn(figures);
        let reading = places::read_with(lang, text, sents, lower_words, gaz);
        match found.join() {
            Ok(found) => (reading, found),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// For each sentence, the first three distinct towns the sentences after it name, in order:
/// built from the end in one pass, so a long article costs no more per sentence.
fn towns_after(towns_in: &[Vec<Arc<Place>>]) -> Vec<Vec<Arc<Place>>> {
    let mut out: Vec<Vec<Arc<Place>>> = vec![Vec::new(); towns_in.len()];
    for si in (0..towns_in.len().saturating_sub(1)).rev() {
        let mut next: Vec<Arc<Place>> = Vec::new();
        for p in towns_in[si + 1].iter().chain(&out[si + 1]) {
            if next.len() == 3 {
                break;
            }
            if !next.iter().any(|q| q.name == p.name) {
                next.push(p.clone());
            }
        }
        out[si] = next;
    }
    out
}

/// The timeline events of one sentence ([`timeline::sentence`]), their places added as
/// waypoints, their ids made unique.
fn events_in(
    x: &mut Extraction,
    text: &str,
    (range, said): ((usize, usize), times::Said),
    mentions: &[Mention],
    recent: Option<&Arc<Place>>,
    dates: &mut timeline::DateContext,
    outlet: &str,
) {
    let t = timeline::sentence(text, range, said, mentions, recent, dates);
    x.notes
        .extend(t.notes.into_iter().map(|n| format!("{outlet}: {n}")));
    for (mut e, place) in t.events {
        // The same thing said twice ("left on Friday from Tapachula", "which left Tapachula
        // on Friday") is one event.
        if x.events.iter().any(|o| {
            o.at == e.at && o.what == e.what && o.earliest == e.earliest && o.latest == e.latest
        }) {
            continue;
        }
        if !x.waypoints.iter().any(|w| w.id == e.at) {
            x.waypoints.push(DraftWaypoint {
                id: e.at.clone(),
                place: Arc::unwrap_or_clone(place),
            });
        }
        let base = e.id.clone();
        let mut k = 1;
        while x.events.iter().any(|o| o.id == e.id) {
            k += 1;
            e.id = format!("{base}-{k}");
        }
        e.source = Some(format!("{outlet}: {}", e.source.unwrap_or_default()));
        x.events.push(e);
    }
}

/// The journey's stops in one sentence: places after a travel word, added as waypoints.
fn stops_in(
    x: &mut Extraction,
    lang: Language,
    text: &str,
    sentence: (usize, usize),
    (s_start, s_end): (usize, usize),
    mentions: &[Mention],
) {
    let mode = journey::mode_in(&text[s_start..s_end]);
    let mut from = s_start;
    let mut prev: Option<Role> = None;
    for m in mentions {
        let Some(p) = &m.place else { continue };
        let clause_from = from;
        from = m.end;
        let id = slug(&p.name);
        if !x.waypoints.iter().any(|w| w.id == id) {
            x.waypoints.push(DraftWaypoint {
                id: id.clone(),
                place: Place::clone(p),
            });
        }
        if matches!(p.kind, PlaceKind::River | PlaceKind::Other) {
            continue;
        }
        let role =
            journey::role(lang, text, s_start, clause_from, m.start).or(match (m.evidence, prev) {
                // "between Pyongyang and Vladivostok", "via Khasan and Ussuriysk".
                (Some(Evidence::List), Some(Role::Start)) => Some(Role::Head),
                (Some(Evidence::List), r) => r,
                _ => None,
            });
        let Some(role) = role else { continue };
        prev = Some(role);
        x.stops.push(Stop {
            id,
            role,
            sentence,
            mode,
            at: p.anchor(),
        });
    }
}

impl Extraction {
    /// Settles the trip claims ([`Extraction::trip_claims`]) against the journey the stops
    /// make. Two places one leg joins: kept. Two places of one journey whose stops between
    /// lie on the way (at most 1.2 times the straight line, Vienna → Prague → Berlin): kept.
    /// Two places of one journey that go round by other stops: dropped, since the check
    /// would measure another trip ("Kenitra, 50 minutes from Tangier" measured Tangier →
    /// Casablanca → Rabat); a note says what to add. Two places not on one journey: kept,
    /// with a leg of their own (a journey of its own, "Rome to Turin takes four hours" in an
    /// article about several lines).
    fn keep_joined_trips(&mut self) {
        let legs = self.legs();
        let joined = |a: &str, b: &str| {
            legs.iter()
                .any(|l| (l.from == a && l.to == b) || (l.from == b && l.to == a))
        };
        // The journeys: runs of legs that follow on from each other.
        let mut journey_of: Vec<(String, usize)> = Vec::new();
        let mut j = 0;
        for (i, l) in legs.iter().enumerate() {
            if i > 0 && legs[i - 1].to != l.from {
                j += 1;
            }
            journey_of.push((l.from.clone(), j));
            journey_of.push((l.to.clone(), j));
        }
        let same_journey = |a: &str, b: &str| {
            journey_of
                .iter()
                .any(|(x, ja)| x == a && journey_of.iter().any(|(y, jb)| y == b && jb == ja))
        };
        // How much longer the journey's stops make the way from a to b than the straight line
        // (1.0: the stops between lie on the way, as Prague does between Vienna and Berlin).
        let at = |id: &str| {
            self.waypoints
                .iter()
                .find(|w| w.id == id)
                .map(|w| w.place.anchor())
        };
        let detour = |a: &str, b: &str| -> f64 {
            let Some(ja) = journey_of.iter().find(|(x, _)| x == a).map(|(_, j)| *j) else {
                return f64::INFINITY;
            };
            let mut stops: Vec<&str> = Vec::new();
            let mut j = 0;
            for (i, l) in legs.iter().enumerate() {
                if i > 0 && legs[i - 1].to != l.from {
                    j += 1;
                }
                if j == ja {
                    if stops.is_empty() {
                        stops.push(&l.from);
                    }
                    stops.push(&l.to);
                }
            }
            let (Some(ia), Some(ib)) = (
                stops.iter().position(|s| *s == a),
                stops.iter().position(|s| *s == b),
            ) else {
                return f64::INFINITY;
            };
            let (lo, hi) = (ia.min(ib), ia.max(ib));
            let km = |x: &str, y: &str| match (at(x), at(y)) {
                (Some(p), Some(q)) => crate::geodesy::distance(p, q).as_m(),
                _ => f64::INFINITY,
            };
            let along: f64 = stops[lo..=hi].windows(2).map(|w| km(w[0], w[1])).sum();
            let straight = km(a, b);
            if straight > 0.0 {
                along / straight
            } else {
                f64::INFINITY
            }
        };
        let mut notes = Vec::new();
        let mut extra: Vec<(String, String)> = Vec::new();
        let mut direct: Vec<(String, String)> = Vec::new();
        let mut assumed_direct: Vec<String> = Vec::new();
        self.claims.retain(|c| {
            if !self.trip_claims.contains(&c.id) {
                return true;
            }
            let (from, to, what) = match &c.kind {
                ClaimKind::DurationAtSpeed {
                    from: Some(f),
                    to: Some(t),
                    duration,
                    ..
                } => (f.as_str(), t.as_str(), &duration.text),
                ClaimKind::Distance {
                    from, to, value, ..
                } => (from.as_str(), to.as_str(), &value.text),
                ClaimKind::Saving {
                    from: Some(f),
                    to: Some(t),
                    after,
                    before,
                    ..
                } => match after.as_ref().or(before.as_ref()) {
                    Some(a) => (f.as_str(), t.as_str(), &a.text),
                    None => return true,
                },
                _ => return true,
            };
            if joined(from, to) {
                return true;
            }
            let duration = matches!(
                c.kind,
                ClaimKind::DurationAtSpeed { .. } | ClaimKind::Saving { .. }
            );
            if same_journey(from, to) && detour(from, to) > 1.2 && duration {
                // A trip's time between two stops of the journey that it reaches only round
                // others: the sentence's own trip, measured on a leg of its own. (Its pair
                // was fitted to the figure when drafted, so a wrong pair is not checked.)
                if !direct
                    .iter()
                    .any(|(a, b): &(String, String)| (a == from && b == to) || (a == to && b == from))
                {
                    direct.push((from.to_string(), to.to_string()));
                }
                assumed_direct.push(format!(
                    "{}: \"{what}\" ({from} → {to}): the journey reaches the two only round other stops, so the trip is measured on a leg of its own, {from} → {to}",
                    c.outlet
                ));
                return true;
            }
            if same_journey(from, to) && detour(from, to) > 1.2 {
                notes.push(format!(
                    "{}: \"{what}\" ({from} → {to}): no leg of the draft joins the two, so the route between them passes other places; not drafted (add a leg {from} → {to} and a {} claim to check it)",
                    c.outlet,
                    c.kind.name()
                ));
                return false;
            }
            if !extra
                .iter()
                .any(|(a, b)| (a == from && b == to) || (a == to && b == from))
            {
                extra.push((from.to_string(), to.to_string()));
            }
            true
        });
        // A length between two places its own sentence names ("longer than the 7,275-mile
        // route between London and Jakarta") whose legs in the draft go round by other stops
        // (London → Perth → Jakarta): the article's route is not the draft's, so the figure is
        // checked as a distance of unstated measure (the straight line holds it, a longer
        // figure is plausible or implausible, never off), and the draft says so.
        let mut assumed = Vec::new();
        for c in self.claims.iter_mut() {
            if self.trip_claims.contains(&c.id) {
                continue;
            }
            let ClaimKind::Distance {
                from,
                to,
                value,
                measure,
            } = &mut c.kind
            else {
                continue;
            };
            if joined(from, to) {
                continue;
            }
            // Two places the draft's journey does not join ("the 931-kilometer section of line
            // between Changsha and Hangzhou" elsewhere in the country) get no leg of their own
            // here: the check says it cannot measure them, which is the truth, rather than
            // measure a pair the sentence may not mean.
            if !same_journey(from, to) {
                continue;
            }
            if *measure == DistanceMeasure::Route && detour(from, to) > 1.2 {
                *measure = DistanceMeasure::Unstated;
                assumed.push(format!(
                    "{}: distance \"{}\" ({from} → {to}): no leg of the draft joins the two, so the route between them passes other places; checked as a distance of unstated measure (the straight line, or a longer way)",
                    c.outlet, value.text
                ));
            }
        }
        self.choices.extend(assumed);
        self.choices.extend(assumed_direct);
        self.notes.extend(notes);
        self.trip_claims.clear();
        self.trip_legs = extra;
        self.direct_legs = direct;
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_language;
#[cfg(test)]
mod tests_reading;
#[cfg(test)]
mod tests_trips;
