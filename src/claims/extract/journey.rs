//! The journey an article tells: which places are stops, their order as written, and the mode
//! of each leg.
//!
//! A place is a stop when a travel word comes before it in its clause ("left Pyongyang",
//! "from Khasan", "via Ussuriysk", "crossing the border at Khasan", "arrived in", "bound for",
//! "to"). Each stop has a role: where the trip starts (0), passes or arrives (1), or heads (2).
//! Two stops in one sentence are ordered by their roles ("to Vladivostok from Pyongyang" puts
//! Pyongyang first) or, with equal roles, as written; the stops of the whole article are then
//! put in an order that keeps every such pair, the lower role and the earlier mention first
//! where nothing else decides. A sentence's mode words ("by train", "flew", "motorcade") set
//! the mode of the legs it orders.

use super::Language;
use crate::coord::LatLon;
use crate::geodesy;
use crate::story::Mode;

/// What a travel word says of the place after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Where the trip starts: "from", "left", "departed".
    Start = 0,
    /// Where it passes or arrives: "via", "through", "crossing … at", "arrived in", "reached".
    Pass = 1,
    /// Where it heads: "to", "bound for", "towards".
    Head = 2,
}

/// Travel words and the role they give the place after them; the nearest one before a place
/// in its clause counts.
const CUES: &[(&str, Role)] = &[
    ("from", Role::Start),
    ("left", Role::Start),
    ("leaves", Role::Start),
    ("leave", Role::Start),
    ("leaving", Role::Start),
    ("departed", Role::Start),
    ("departs", Role::Start),
    ("departing", Role::Start),
    ("between", Role::Start),
    ("via", Role::Pass),
    ("through", Role::Pass),
    ("past", Role::Pass),
    ("crossed", Role::Pass),
    ("crossing", Role::Pass),
    ("crosses", Role::Pass),
    ("passed", Role::Pass),
    ("passing", Role::Pass),
    ("arrived", Role::Pass),
    ("arrives", Role::Pass),
    ("arriving", Role::Pass),
    ("arrive", Role::Pass),
    ("reached", Role::Pass),
    ("reaches", Role::Pass),
    ("reaching", Role::Pass),
    ("reach", Role::Pass),
    ("landed", Role::Pass),
    ("stopped", Role::Pass),
    ("entered", Role::Pass),
    ("into", Role::Pass),
    ("to", Role::Head),
    ("towards", Role::Head),
    ("toward", Role::Head),
    ("bound", Role::Head),
    ("for", Role::Head),
];

/// Words that may stand between a travel word and its place ("arrived at the Russian border
/// city of Khasan"); any other word ends the search.
const FILLER: &[&str] = &[
    "the", "a", "an", "at", "in", "on", "of", "its", "his", "her", "their", "way", "border",
    "city", "town", "village", "port", "capital", "station", "railway", "far", "eastern",
    "western", "northern", "southern", "east", "west", "north", "south", "central", "remote",
    "small", "coastal", "frontier", "airport", "then", "finally", "later", "again", "back",
];

/// Cues that are prepositions, not verbs of travel: they make a stop only with a travel word
/// ([`TRAVEL`]) among the twelve words before them ("warnings from Washington" is no trip).
const WEAK: &[&str] = &[
    "from", "to", "towards", "toward", "for", "between", "into", "through", "past",
];

/// Beginnings of words that speak of travel.
const TRAVEL: &[&str] = &[
    "train",
    "trip",
    "travel",
    "journey",
    "flew",
    "flight",
    "fly",
    "flies",
    "drove",
    "drive",
    "arriv",
    "left",
    "leav",
    "depart",
    "head",
    "bound",
    "board",
    "cross",
    "route",
    "road",
    "rail",
    "motorcade",
    "convoy",
    "ride",
    "rode",
    "sail",
    "ferry",
    "ship",
    "plane",
    "jet",
    "way",
    "reach",
    "return",
    "visit",
    "march",
    "walk",
    "moved",
    "moving",
    "transit",
    "via",
    "pass",
    "commut",
    "bus",
    "car",
    "voyage",
    "cruise",
    "tour",
    "trek",
    "went",
    "go",
    "came",
    "take",
    "took",
    "mile",
    "kilomet",
    "km",
    "hours",
    "express",
    "service",
    "line",
];

/// The role of the place at byte `at`, from the travel word before it in its clause
/// (`from..at`, the sentence's start `s_start` or the previous place's end). A preposition
/// ([`WEAK`]) counts only where a travel word comes shortly before it in the sentence.
///
/// `lang` adds its own words ([`super::journey_words`]): "von Wien aus", "desde Madrid",
/// "de Paris à Lyon", "из Москвы в".
pub fn role(lang: Language, text: &str, s_start: usize, from: usize, at: usize) -> Option<Role> {
    let cues = super::journey_words::cues_in(lang);
    let weak_here = super::journey_words::weak_in(lang);
    let travel_here = super::journey_words::travel_in(lang);
    let filler_here = super::journey_words::filler_in(lang);
    let clause = &text[from..at];
    let clause = clause
        .rsplit([',', ';', ':', '(', ')'])
        .next()
        .unwrap_or("");
    let before = &text[s_start..at];
    for (k, w) in clause.split_whitespace().rev().take(10).enumerate() {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if let Some((_, r)) = CUES.iter().chain(cues).find(|(c, _)| *c == w) {
            let weak = WEAK.contains(&w.as_str()) || weak_here.contains(&w.as_str());
            let travelled = before
                .split_whitespace()
                .rev()
                .skip(k + 1)
                .take(12)
                .map(|v| {
                    v.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .any(|v| TRAVEL.iter().chain(travel_here).any(|t| v.starts_with(t)));
            // In the other languages the word of travel may follow in the same sentence
            // ("Von Wien aus soll der Zug …").
            let travelled_after = !travel_here.is_empty()
                && text[at..]
                    .split_inclusive(char::is_whitespace)
                    .take(12)
                    .scan(false, |ended, v| {
                        let out = (!*ended).then_some(v);
                        *ended = v.trim_end().ends_with(['.', '!', '?', ';']);
                        out
                    })
                    .map(|v| {
                        v.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .any(|v| travel_here.iter().any(|t| v.starts_with(t)));
            return (!weak || travelled || travelled_after).then_some(*r);
        }
        // A capitalised adjective ("Russian", "Far Eastern") may stand between too.
        let capital = w.is_empty() || clause.contains(&capitalise(&w));
        if !FILLER.contains(&w.as_str()) && !filler_here.contains(&w.as_str()) && !capital {
            return None;
        }
    }
    None
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The mode a sentence's words state, if any.
pub fn mode_in(sentence: &str) -> Option<Mode> {
    static MODES: std::sync::LazyLock<super::earliest::Earliest<Mode>> =
        std::sync::LazyLock::new(|| super::earliest::Earliest::new(&MODE_WORDS));
    MODES.in_text(&format!(" {} ", sentence.to_lowercase()))
}

/// The words of each mode for [`mode_in`], in the order that settles a tie (two words
/// beginning at the same byte): rail, air, road.
const MODE_WORDS: [(Mode, &[&str]); 3] = [
    (
        Mode::Rail,
        &[
            " train",
            " rail",
            " railway",
            " locomotive",
            " by rail",
            " tren",
            " zug",
            " ice ",
            " tgv",
            " pociąg",
            " поезд",
            " потяг",
        ],
    ),
    (
        Mode::Air,
        &[
            " flew ",
            " flight",
            " plane",
            " jet ",
            " airliner",
            " by air",
            " flying ",
        ],
    ),
    (
        Mode::Road,
        &[
            " drove ",
            " drive ",
            " by car",
            " motorcade",
            " convoy",
            " by road",
            " bus ",
            " coach ",
            " cortege",
            " truck",
        ],
    ),
];

/// A place the journey stops at, as one sentence names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// The draft's waypoint id.
    pub id: String,
    /// What the travel word before it says.
    pub role: Role,
    /// Which article and sentence (for ordering pairs within a sentence).
    pub sentence: (usize, usize),
    /// The mode the sentence states, if any.
    pub mode: Option<Mode>,
    /// Where the place is (for ties: the nearest next stop).
    pub at: LatLon,
}

/// The journey's stops in travel order, each with the mode of the leg that reaches it (the
/// first stop's is `None`). Where sentences state different modes for one pair (a train and
/// a plane between the same two cities), the article's `main` mode wins if one states it.
pub fn order(stops: &[Stop], main: Option<Mode>) -> Vec<(String, Option<Mode>)> {
    let mut ids: Vec<&str> = Vec::new();
    for s in stops {
        if !ids.contains(&s.id.as_str()) {
            ids.push(&s.id);
        }
    }
    let n = ids.len();
    let index = |id: &str| ids.iter().position(|x| *x == id).unwrap_or(0);
    // The lowest role each place has anywhere, for ties.
    let mut rank = vec![Role::Head; n];
    for s in stops {
        let i = index(&s.id);
        rank[i] = rank[i].min(s.role);
    }
    // Pairs within a sentence: consecutive stops, by role, else as written.
    let mut before: Vec<Vec<(usize, Option<Mode>)>> = vec![Vec::new(); n];
    let mut stated: Vec<(usize, usize, Mode)> = Vec::new();
    let mut indeg = vec![0usize; n];
    for w in stops.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.sentence != b.sentence || a.id == b.id {
            continue;
        }
        let (x, y) = if b.role < a.role { (b, a) } else { (a, b) };
        let (i, j) = (index(&x.id), index(&y.id));
        if let Some(m) = a.mode.or(b.mode) {
            stated.push((i, j, m));
        }
        if !before[i].iter().any(|(k, _)| *k == j) && !before[j].iter().any(|(k, _)| *k == i) {
            before[i].push((j, a.mode.or(b.mode)));
            indeg[j] += 1;
        }
    }
    for (i, list) in before.iter_mut().enumerate() {
        for (j, m) in list.iter_mut() {
            let said = |k: &Mode| stated.iter().any(|(x, y, s)| (*x, *y) == (i, *j) && s == k);
            if let Some(main) = main.filter(said) {
                *m = Some(main);
            }
        }
    }
    let at: Vec<LatLon> = ids
        .iter()
        .map(|id| {
            stops
                .iter()
                .find(|s| s.id == *id)
                .map_or(LatLon { lat: 0.0, lon: 0.0 }, |s| s.at)
        })
        .collect();
    // Kahn's order; ties (and cycles) go to the lowest role, then the place nearest the last
    // stop (a journey goes on to the next place, not across the map and back), then the
    // first mention.
    let mut done = vec![false; n];
    let mut out: Vec<(String, Option<Mode>)> = Vec::new();
    let mut last: Option<usize> = None;
    for _ in 0..n {
        let km = |i: usize| {
            last.map_or(0, |l| {
                (geodesy::distance(at[l], at[i]).as_m() / 1000.0) as u64
            })
        };
        let pick = (0..n)
            .filter(|&i| !done[i])
            .min_by_key(|&i| (indeg[i] > 0, rank[i], km(i), i))
            .unwrap_or(0);
        last = Some(pick);
        done[pick] = true;
        for (j, _) in &before[pick] {
            indeg[*j] = indeg[*j].saturating_sub(1);
        }
        // The mode of the leg that reaches it: the pair that put it here, else its sentence.
        let mode = out
            .last()
            .and_then(|(prev, _)| {
                before[index(prev)]
                    .iter()
                    .find(|(k, _)| *k == pick)
                    .and_then(|(_, m)| *m)
            })
            .or_else(|| {
                stops
                    .iter()
                    .find(|s| s.id == ids[pick])
                    .and_then(|s| s.mode)
            });
        out.push((ids[pick].to_string(), mode));
    }
    if let Some(first) = out.first_mut() {
        first.1 = None;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop(id: &str, role: Role, sentence: usize) -> Stop {
        Stop {
            id: id.into(),
            role,
            sentence: (0, sentence),
            mode: None,
            at: LatLon { lat: 0.0, lon: 0.0 },
        }
    }

    #[test]
    fn roles_come_from_the_travel_word_in_the_clause() {
        let r = |t: &str, name: &str| role(Language::English, t, 0, 0, t.find(name).unwrap());
        let t = "The train arrived at the Russian border city of Khasan, then left for Ussuriysk.";
        assert_eq!(r(t, "Khasan"), Some(Role::Pass));
        assert_eq!(r(t, "Ussuriysk"), Some(Role::Head));
        assert_eq!(r("Talks were held in Vladivostok.", "Vladivostok"), None);
        assert_eq!(
            r("He crossed the border at Khasan.", "Khasan"),
            Some(Role::Pass)
        );
        // A preposition needs a travel word before it.
        let t = "It heeds not warnings from Washington, Peskov said.";
        assert_eq!(r(t, "Washington"), None);
        let t = "Pyongyang plans to supply munitions to Moscow for its war.";
        assert_eq!(r(t, "Moscow"), None);
        let t = "We drove the 2,015 miles (3,243 km) from Chicago to Los Angeles.";
        assert_eq!(r(t, "Chicago"), Some(Role::Start));
    }

    #[test]
    fn from_x_to_y_keeps_its_order_and_reach_y_from_x_is_turned_round() {
        let o = order(
            &[
                stop("khasan", Role::Start, 0),
                stop("ussuriysk", Role::Head, 0),
            ],
            None,
        );
        assert_eq!(o[0].0, "khasan");
        let o = order(
            &[
                stop("vladivostok", Role::Pass, 0),
                stop("pyongyang", Role::Start, 0),
            ],
            None,
        );
        assert_eq!(o[0].0, "pyongyang");
        // Across sentences: the start first, the heading last, the rest as written.
        let o = order(
            &[
                stop("khasan", Role::Pass, 0),
                stop("vladivostok", Role::Head, 1),
                stop("pyongyang", Role::Start, 2),
            ],
            None,
        );
        let ids: Vec<&str> = o.iter().map(|(i, _)| i.as_str()).collect();
        assert_eq!(ids, ["pyongyang", "khasan", "vladivostok"]);
    }

    #[test]
    fn modes_come_from_the_sentence() {
        assert_eq!(mode_in("He travelled by train to Russia"), Some(Mode::Rail));
        assert_eq!(mode_in("The motorcade left the palace"), Some(Mode::Road));
        assert_eq!(mode_in("She flew to Paris"), Some(Mode::Air));
        assert_eq!(mode_in("He went to Paris"), None);
    }

    #[test]
    fn start_and_end_words_are_read_in_the_articles_language() {
        let r = |lang: Language, t: &str, name: &str| role(lang, t, 0, 0, t.find(name).unwrap());
        let t = "Von Wien aus soll der Zug in vier Stunden nach Berlin fahren.";
        assert_eq!(r(Language::German, t, "Wien"), Some(Role::Start));
        assert_eq!(r(Language::German, t, "Berlin"), Some(Role::Head));
        let t = "El tren desde Madrid hasta Barcelona tarda dos horas y media.";
        assert_eq!(r(Language::Spanish, t, "Madrid"), Some(Role::Start));
        assert_eq!(r(Language::Spanish, t, "Barcelona"), Some(Role::Head));
        let t = "Le trajet de Paris à Lyon dure deux heures.";
        assert_eq!(r(Language::French, t, "Paris"), Some(Role::Start));
        assert_eq!(r(Language::French, t, "Lyon"), Some(Role::Head));
        let t = "Поезд из Москвы в Воронеж идёт шесть часов.";
        assert_eq!(r(Language::Russian, t, "Москвы"), Some(Role::Start));
        assert_eq!(r(Language::Russian, t, "Воронеж"), Some(Role::Head));
        // A preposition with no word of travel before it makes no stop ("la ciudad de
        // México"), and a language's words are not read in another's article.
        let t = "El presidente de México habló ayer.";
        assert_eq!(r(Language::Spanish, t, "México"), None);
        let t = "The train desde Madrid.";
        assert_eq!(r(Language::English, t, "Madrid"), None);
    }
}
