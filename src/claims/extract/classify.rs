//! Turning one sentence's quantities and places into claims.

use std::sync::Arc;

use super::context::{self, Article};
use super::cues::COMPASS;
use super::journey::Role;
use super::language::Language;
use super::places::Mention;
use super::scan::Found;
use crate::gazetteer::{Place, PlaceKind};
use crate::story::Hedge;
use crate::story::{Amount, ClaimKind, DistanceMeasure};
use crate::units::Dimension;

/// What a sentence yields: claims (with the places they use) and notes on what it could not use.
#[derive(Debug, Default)]
pub struct Yield {
    pub claims: Vec<(ClaimKind, Option<&'static str>)>,
    pub places: Vec<Arc<Place>>,
    pub notes: Vec<String>,
    /// The places a claim assumed because its sentence does not name them (shown in the
    /// draft with the choices made in reading places).
    pub assumed: Vec<String>,
    /// Indices into `claims` of the claims measured along the draft's route between two
    /// places this module chose (a trip's duration, a length with an assumed pair): kept only
    /// where one leg of the draft joins the two (see `Extraction::keep_joined_trips`).
    pub trips: Vec<usize>,
}

/// The place id used in draft stories: the name, lower-case, ASCII, dashes.
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_ascii_lowercase();
    let mut out = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn amount(text: &str, f: &Found, with_hedge: bool) -> Option<Amount> {
    // A figure in another language is carried in English ("6,5 godziny" → "6.5 hours").
    let q = f.english.as_deref().unwrap_or(&text[f.start..f.end]);
    // The hedge as the article wrote it ("top speed of just 60 km/h"), so that the draft
    // quotes the article and the tolerance names its words.
    let written = if with_hedge && f.hedge != Hedge::Plain {
        format!("{} {q}", f.hedge_words)
    } else {
        q.to_string()
    };
    Amount::try_from(written).ok()
}

/// The pair of places the clause of figure `g` names, the sentence's other figures bounding
/// that clause ([`super::trip::clause_pair`]).
fn own_clause(
    text: &str,
    sentence: (usize, usize),
    g: &Found,
    found: &[Found],
    here_at: &[(Arc<Place>, Option<Role>, usize)],
) -> Result<super::trip::Pair, usize> {
    let others: Vec<(usize, usize)> = found
        .iter()
        .filter(|o| o.start != g.start)
        .map(|o| (o.start, o.end))
        .collect();
    super::trip::clause_pair(text, sentence, (g.start, g.end), &others, here_at)
}

/// The trip a figure's own clause names ([`super::trip::clause_pair`]). A clause naming no
/// town, in a sentence naming no pair ("over a distance of some 650 kilometers", "los 385
/// kilómetros que separan estas dos grandes ciudades, mientras que … Londres"), is about the
/// last two towns the article named before, an assumption the draft states; otherwise
/// `None` (the sentence's pair).
fn clause_or_before(
    text: &str,
    sentence: (usize, usize),
    f: &Found,
    found: &[Found],
    here_at: &[(Arc<Place>, Option<Role>, usize)],
    (before, after): (&[Arc<Place>], &[Arc<Place>]),
) -> Option<super::trip::Pair> {
    match own_clause(text, sentence, f, found, here_at) {
        Ok(p) => Some(p),
        // The clause names no town and the sentence no pair: the article's last two.
        Err(0)
            if {
                let mut towns: Vec<&str> = here_at
                    .iter()
                    .filter(|(p, _, _)| super::trip::is_town(p))
                    .map(|(p, _, _)| p.name.as_str())
                    .collect();
                towns.dedup();
                towns.len() < 2
            } =>
        {
            super::trip::pair(None, &[], before).or_else(|| super::trip::pair_after(&[], after))
        }
        Err(_) => None,
    }
}

/// The word that makes a length a distance from a place ("45 km from Paris", "30 kilomètres
/// du centre de Lyon", "à 45 kilomètres de Paris"), when it follows the figure and a place's
/// name follows it; not "from X to Y" (a trip) nor "700 km de long".
fn from_word_after(after: &str) -> Option<&'static str> {
    const FROM: &[&str] = &[
        "away from",
        "from",
        "outside",
        "du",
        "des",
        "de",
        "d'",
        "von",
        "vom",
        "od",
        "от",
        "від",
        "desde",
    ];
    const SKIP: &[&str] = &[
        "the", "le", "la", "l'", "les", "el", "los", "las", "der", "die", "dem", "den", "centre",
        "center", "centro", "central", "downtown", "de", "du", "city",
    ];
    const TO: &[&str] = &[
        " to ",
        " toward ",
        " towards ",
        " into ",
        " à ",
        " a ",
        " vers ",
        " bis ",
        " nach ",
        " do ",
        " до ",
        " hasta ",
        " hacia ",
    ];
    let t = after.trim_start();
    let t = t.strip_prefix(')').map_or(t, str::trim_start);
    let lower = t.to_lowercase();
    let w = FROM.iter().copied().find(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| w.ends_with('\'') || rest.starts_with(char::is_whitespace))
    })?;
    // The clause after the word: a place's name must come first, and no "to" after it.
    let rest = t.get(w.len()..)?;
    let clause = rest.split([',', ';', ')', '.']).next().unwrap_or("");
    if TO.iter().any(|to| clause.to_lowercase().contains(to)) {
        return None;
    }
    let first = clause
        .split_whitespace()
        .flat_map(|x| x.split_inclusive('\''))
        .find(|x| !SKIP.contains(&x.to_lowercase().as_str()))?;
    first.starts_with(char::is_uppercase).then_some(w)
}

/// The words after a length that make it how far off the coast something lies ("about forty
/// miles off the land", "20 km offshore", "à 30 km au large"), not a length of the trip.
fn offshore_after(after: &str) -> Option<&'static str> {
    const OFF: &[&str] = &[
        "off the land",
        "off the coast",
        "off the shore",
        "off shore",
        "offshore",
        "off land",
        "out to sea",
        "au large",
        "de la costa",
        "frente a la costa",
        "vor der küste",
        "от берега",
    ];
    let t = after.trim_start().to_lowercase();
    OFF.iter().copied().find(|w| t.starts_with(w))
}

/// The first and last towns of the longest run of three or more towns joined only by dashes
/// ("México-Querétaro-Guadalajara"), if the sentence has one.
fn dash_chain(text: &str, resolved: &[&Mention]) -> Option<super::trip::Two> {
    let town = |m: &Mention| m.place.clone().filter(|p| super::trip::is_town(p));
    let mut best: Option<(usize, usize)> = None;
    let mut start = 0;
    for i in 0..resolved.len() {
        let joined = i > start
            && resolved[i - 1].end <= resolved[i].start
            && matches!(
                text[resolved[i - 1].end..resolved[i].start].trim(),
                "-" | "–" | "—"
            )
            && town(resolved[i - 1]).is_some()
            && town(resolved[i]).is_some();
        if !joined {
            start = i;
        }
        if i - start >= 2 && best.is_none_or(|(a, b)| b - a < i - start) {
            best = Some((start, i));
        }
    }
    let (a, b) = best?;
    Some((town(resolved[a])?, town(resolved[b])?))
}

/// The compass word and "of" right before byte `at` ("… north of |Pyongyang").
fn compass_before(text: &str, from: usize, at: usize) -> Option<(&'static str, usize)> {
    let before = text[from..at].trim_end();
    let lower = before.to_ascii_lowercase();
    let l = lower.strip_suffix(" of")?.trim_end();
    COMPASS
        .iter()
        .find(|w| l.ends_with(*w))
        .map(|w| (*w, from + l.len() - w.len()))
}

/// Classifies one sentence of an article in `lang`. `recent` is the last resolved place
/// mentioned before it, `before` the towns the article named before it (most recent last),
/// `after` those it names after it (in order).
#[allow(clippy::too_many_arguments)]
pub fn sentence(
    lang: Language,
    cx: &Article,
    text: &str,
    (s_start, s_end): (usize, usize),
    found: &[Found],
    mentions: &[Mention],
    recent: Option<&Arc<Place>>,
    (before, after): (&[Arc<Place>], &[Arc<Place>]),
) -> Yield {
    let mut y = Yield::default();
    let sent = &text[s_start..s_end];
    let lower = sent.to_ascii_lowercase();
    let resolved: Vec<&Mention> = mentions.iter().filter(|m| m.place.is_some()).collect();
    let place = |m: &Mention| m.place.clone();
    let mut used = vec![false; found.len()];
    // Conversions inside the quote.
    for f in found.iter().filter(|f| f.quantity.conversion.is_some()) {
        if let Some(a) = amount(text, f, false) {
            y.claims.push((ClaimKind::Conversion { value: a }, None));
        }
    }
    // "X, south of Y", "425 miles north of Y", "crossed the R River, north of Y".
    for m in &resolved {
        let Some((word, w_start)) = compass_before(text, s_start, m.start) else {
            continue;
        };
        let Some(of) = place(m) else { continue };
        let river = resolved
            .iter()
            .filter(|r| r.end <= w_start)
            .filter_map(|r| r.place.clone())
            .find(|p| p.kind == PlaceKind::River || p.is_line());
        let crossed = lower.contains("cross");
        if let (Some(r), true) = (&river, crossed) {
            y.claims.push((
                ClaimKind::Crossing {
                    feature: slug(&r.name),
                    of: slug(&of.name),
                    direction: word.to_string(),
                },
                None,
            ));
            y.places.extend([r.clone(), of.clone()]);
            continue;
        }
        // "near Gil Island, about 75 miles south of Prince Rupert": the name nearest before
        // the compass word is the place it is said of; if no place of that name is known, the
        // claim is not drafted rather than pinned on another place of the article.
        if let Some(n) = mentions
            .iter()
            .rev()
            .find(|r| r.end <= w_start && r.start >= s_start)
            .filter(|r| r.place.is_none())
        {
            y.notes.push(format!(
                "\"{word} of {}\": said of \"{}\", which is not resolved; add it as a waypoint to check the figure",
                m.text, n.text
            ));
            continue;
        }
        let subject = resolved
            .iter()
            .rev()
            .filter(|r| r.end <= w_start)
            .filter_map(|r| r.place.clone())
            .find(|p| p.name != of.name && p.kind != PlaceKind::Other)
            .or_else(|| recent.filter(|p| p.name != of.name).cloned());
        let Some(subject) = subject else {
            y.notes
                .push(format!("\"{word} of {}\": no place it is said of", m.text));
            continue;
        };
        y.claims.push((
            ClaimKind::Direction {
                place: slug(&subject.name),
                of: slug(&of.name),
                direction: word.to_string(),
            },
            None,
        ));
        // A length just before the compass word: the straight line or the way by road, the
        // text does not say which.
        if let Some((k, f)) = found.iter().enumerate().find(|(_, f)| {
            f.quantity.dimension() == Dimension::Length
                && f.end <= w_start
                && text[f.end..w_start].trim().is_empty()
        }) && let Some(a) = amount(text, f, true)
        {
            used[k] = true;
            y.claims.push((
                ClaimKind::Distance {
                    from: slug(&of.name),
                    to: slug(&subject.name),
                    value: a,
                    measure: DistanceMeasure::Unstated,
                },
                None,
            ));
        }
        y.places.extend([subject, of]);
    }
    // The two places a distance or a flight joins, in travel order: the one a travel word
    // makes the start ("from Paris to Lyon", "to reach Vladivostok from Pyongyang") first,
    // else as written.
    let mut here: Vec<(Arc<Place>, Option<Role>)> = Vec::new();
    let mut here_at: Vec<(Arc<Place>, Option<Role>, usize)> = Vec::new();
    {
        let mut from = s_start;
        for m in &resolved {
            let r = super::journey::role(lang, text, s_start, from, m.start);
            from = m.end;
            // A trip runs between towns, stations, ports and airports: not to a country's or
            // a state's middle ("just south of Alaska").
            if let Some(p) = place(m).filter(|p| super::trip::is_town(p)) {
                here_at.push((p.clone(), r, m.start));
                if !here.iter().any(|(q, _)| q.name == p.name) {
                    here.push((p, r));
                }
            }
        }
    }
    let two: Option<super::trip::Two> = (here.len() >= 2).then(|| {
        let (a, b) = (&here[0], &here[1]);
        let rank = |r: Option<Role>| r.unwrap_or(Role::Pass);
        if rank(b.1) < rank(a.1) {
            (b.0.clone(), a.0.clone())
        } else {
            (a.0.clone(), b.0.clone())
        }
    });
    // "Tren México-Querétaro-Guadalajara": three or more towns joined by dashes name a route
    // from the first to the last, the middle ones being stops on the way.
    let chain = dash_chain(text, &resolved);
    let two = chain.clone().or(two);
    // The trip a figure is about when the sentence names fewer than two places ("the 385
    // km that separate these two cities"): assumed, and said in the draft.
    let trip_pair = super::trip::pair(two.as_ref(), &here, before)
        .or_else(|| super::trip::pair_after(&here, after));
    let by_dim = |d: Dimension| -> Vec<(usize, &Found)> {
        found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.quantity.dimension() == d)
            .collect()
    };
    let (lengths, speeds, durations) = (
        by_dim(Dimension::Length),
        by_dim(Dimension::Speed),
        by_dim(Dimension::Duration),
    );
    // Distance along the route between the two places the sentence names.
    for (k, f) in &lengths {
        if used[*k] {
            continue;
        }
        let Some(a) = amount(text, f, true) else {
            continue;
        };
        if let Some(w) = offshore_after(&text[f.end..s_end]) {
            y.notes.push(format!(
                "distance \"{}\": how far \"{w}\" something lay, not a length of the trip",
                a.text
            ));
            continue;
        }
        // "l'aéroport lyonnais (30 kilomètres du centre de Lyon)", "45 km from Paris": how far
        // something lies from a place, not the trip between the sentence's places.
        // A place named just before the figure is what lies that far ("Vladivostok lies 600
        // to 700 km from Pyongyang"): then it is a distance between two places.
        let subject = resolved.iter().any(|m| {
            m.end <= f.start
                && m.start >= s_start
                && !text[m.end..f.start].contains([',', '(', ';'])
        });
        if !subject && let Some(w) = from_word_after(&text[f.end..s_end]) {
            y.notes.push(format!(
                "distance \"{}\": a distance \"{w}\" a place, of something the sentence does not name as a place; not a length of the trip",
                a.text
            ));
            continue;
        }
        // "los 385 kilómetros que separan estas dos grandes ciudades, mientras que … los 444
        // kilómetros entre Londres y Newcastle": the two places belong to the other figure's
        // clause, not to this one, whose clause names none.
        let clause_of = |g: &Found| own_clause(text, (s_start, s_end), g, found, &here_at);
        let own = clause_of(f);
        // "The 109-km line between the city of Yichang and the Xingshan County, … the
        // Shanghai-Wuhan-Chengdu Railway": the figure says what it lies between; when its
        // clause names one town only (the other end is no town the tables hold), no other pair
        // of the sentence is put in their stead. ("Entre las dos ciudades", naming none, is
        // about the two named before.)
        if matches!(own, Err(1)) && between_follows(&lower, f.end - s_start) {
            y.notes.push(format!(
                "distance \"{}\": one of the two places it lies between is no town the tables hold; not drafted",
                a.text
            ));
            continue;
        }
        let taken =
            matches!(own, Err(0)) && lengths.iter().any(|(j, g)| j != k && clause_of(g).is_ok());
        // "the Bhopal-Jodhpur Express … while the Guwahati-Indore Special will complete its
        // 2,330-km journey": in a sentence of more than two towns, a figure whose own clause
        // names two is about those two.
        let two = match own {
            _ if taken => None,
            Ok(p) if here.len() > 2 => Some((p.from, p.to)),
            _ => two.clone(),
        };
        // "as the crow flies", "Luftlinie", "à vol d'oiseau": the sentence says it means the
        // straight line.
        let measure = if super::trip::straight_line(&lower) {
            DistanceMeasure::Straight
        } else {
            DistanceMeasure::Route
        };
        match &two {
            Some((p, q)) => {
                y.claims.push((
                    ClaimKind::Distance {
                        from: slug(&p.name),
                        to: slug(&q.name),
                        value: a,
                        measure,
                    },
                    None,
                ));
                y.places.extend([p.clone(), q.clone()]);
            }
            None => {
                let own = if taken {
                    super::trip::pair(None, &[], before)
                        .or_else(|| super::trip::pair_after(&[], after))
                } else {
                    clause_or_before(text, (s_start, s_end), f, found, &here_at, (before, after))
                        .or_else(|| trip_pair.clone())
                };
                let fitted = own
                    .as_ref()
                    .filter(|_| super::trip::length_of_trip(&lower))
                    .map(|tp| super::trip::fits(tp, &a, None).map(|()| tp.clone()));
                // "Este tren recorrerá un total de 581 kilómetros" after "México-Querétaro-
                // Guadalajara", "The 9,000-mile trip" after Perth, Melbourne and London: a
                // length of the trip the last two towns do not fit is the whole journey's,
                // from the first town the article named to the last, if that fits.
                let fitted = match fitted {
                    Some(Err(why)) => super::trip::whole_journey(before)
                        .filter(|tp| super::trip::fits(tp, &a, None).is_ok())
                        .map_or(Some(Err(why)), |tp| Some(Ok(tp))),
                    f => f,
                };
                match fitted {
                    Some(Err(why)) => y.notes.push(format!("distance {why}")),
                    Some(Ok(tp)) => {
                        y.trips.push(y.claims.len());
                        y.claims.push((
                            ClaimKind::Distance {
                                from: slug(&tp.from.name),
                                to: slug(&tp.to.name),
                                value: a.clone(),
                                measure: DistanceMeasure::Route,
                            },
                            None,
                        ));
                        y.places.extend([tp.from.clone(), tp.to.clone()]);
                        if let Some(why) = &tp.assumed {
                            y.assumed.push(format!("distance \"{}\": {why}", a.text));
                        }
                    }
                    None => y.notes.push(format!(
                        "distance \"{}\": the sentence does not name two places it could resolve",
                        a.text
                    )),
                }
            }
        }
    }
    // Speeds, and a duration at that speed when the sentence does that arithmetic ("it would
    // take 20 hours … assuming 60 km/h").
    let arithmetic = [
        "take",
        "took",
        "assum",
        "averag",
        "at that speed",
        "at this speed",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let mut timed = false;
    // "covered the journey in 2hr48 at an average of 329.3 km/h": the journey's length is the
    // one the article gave before.
    let back_reference = [
        "the journey",
        "the trip",
        "the route",
        "the distance",
        "the run",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let distance = lengths
        .first()
        .and_then(|(_, d)| amount(text, d, true))
        .or_else(|| {
            back_reference
                .then(|| cx.length_before(s_start).cloned())
                .flatten()
        });
    // Whether the sentence's durations are a flight's (read only for a sentence with one).
    let flying = !durations.is_empty()
        && lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
            [
                "flew", "flown", "fly", "plane", "planes", "jet", "jets", "aircraft",
            ]
            .contains(&w)
                || w.starts_with("flight")
        });
    // A trip's duration between two places, with no arithmetic of the article's own: checked
    // against the sentence's speed, else the article's top speed, as an upper bound.
    // "Paris-Rennes en 1h25", "Воронеж - Москва": two towns joined by a dash are a trip.
    let dashed = resolved.windows(2).any(|w| {
        w[0].end <= w[1].start
            && matches!(text[w[0].end..w[1].start].trim(), "-" | "–" | "—")
            && w.iter()
                .all(|m| m.place.as_ref().is_some_and(|p| super::trip::is_town(p)))
    });
    // "von Berlin nach München", "desde Madrid hasta Barcelona": a town the travel words
    // make the start and one they make the end are a trip too.
    let from_to = here.iter().any(|(_, r)| *r == Some(Role::Start))
        && here.iter().any(|(_, r)| *r == Some(Role::Head));
    let trip_duration = !durations.is_empty()
        && !flying
        && (context::trip(&lower) || dashed || from_to)
        && trip_pair.is_some();
    let bounds_trip = trip_duration && !arithmetic && !durations.is_empty();
    for (_, f) in &speeds {
        let Some(a) = amount(text, f, true) else {
            continue;
        };
        if let (true, Some(da), Some((_, t))) = (arithmetic, distance.clone(), durations.first())
            && let Some(ta) = amount(text, t, true)
        {
            timed = true;
            y.claims.push((
                ClaimKind::DurationAtSpeed {
                    distance: Some(da),
                    from: None,
                    to: None,
                    speed: a.clone(),
                    duration: ta,
                },
                Some("speed"),
            ));
            // "covered the journey in 2hr48, setting an average speed of 329.3 km/h": the
            // average is that arithmetic, checked through it; alone it has no timeline.
            // An assumed speed ("assuming the train travels at 60 km/h") stays a claim of
            // its own, which the article's timeline may check.
            if lower.contains("averag") {
                continue;
            }
        }
        // "In knapp vier Stunden von Berlin nach München und das Ganze mit 300 km/h": the speed
        // bounds the trip's duration (below), and alone it has no timeline to be checked on.
        if bounds_trip {
            continue;
        }
        // "can reach 350 km/h", "designed for 200 km/h": what the line or vehicle can do,
        // not what the journey did; the article's durations are checked against it.
        if context::capability(&lower) || describes_vehicle(text, f.end, s_end) {
            y.notes.push(format!(
                "speed \"{}\": a design, top or limit speed, not the journey's own: not drafted as a claim",
                a.text
            ));
            continue;
        }
        // "was traveling at about 19 knots when it crashed": the speed at one moment, which
        // no route or timeline measures.
        if at_a_moment(text, f.end, s_end) {
            y.notes.push(format!(
                "speed \"{}\": the speed at one moment, not a trip's average: not drafted as a claim",
                a.text
            ));
            continue;
        }
        y.claims.push((
            ClaimKind::Speed {
                value: a,
                from_event: None,
                to_event: None,
                average: lower.contains("averag"),
            },
            Some("speed"),
        ));
    }
    // Flight times, and trip durations (the first of a sentence: "from the current 10 hours
    // to 2 hours" is one claim about one trip).
    let mut drafted_trip: Vec<(String, String)> = Vec::new();
    // Only a duration is checked against a speed: a sentence with none reads no bound.
    let speed = speeds
        .first()
        .filter(|_| !durations.is_empty())
        .and_then(|(_, f)| amount(text, f, false));
    let (bound, bound_from) = match speed {
        Some(v) => (Some(v), "the sentence's speed"),
        None if durations.is_empty() => (None, ""),
        None => match &cx.top_speed {
            Some(v) => (Some(v.clone()), "the article's top speed"),
            None if cx.rail => (
                super::trip::rail_top(),
                "the fastest scheduled trains, data/article/top_speeds.tsv",
            ),
            None => (None, ""),
        },
    };
    let bound = bound.and_then(|top| super::trip::speed_bound(&top));
    // A change of the trip's time ("from the current 10 hours to 2 hours", "2h04 au lieu de
    // 3h14", "30 minutes faster than the current 2 hours 35"): one saving claim, its figures
    // not drafted again one by one.
    // Each clause is read on its own: "to 2 hours from 9 hours, between Chongqing and
    // Guangzhou to 7 hours from 12 hours" is two changes.
    let mut in_cut = vec![false; durations.len()];
    if !flying && !timed {
        for (lo, hi) in clauses(text, &durations) {
            let (cut, key) = saving(
                text,
                (s_start, s_end),
                &durations[lo..hi],
                found,
                &here_at,
                (before, after),
                (chain.as_ref(), trip_pair.as_ref()),
                (bound.as_ref(), bound_from),
                &mut y,
            );
            in_cut[lo..hi].copy_from_slice(&cut);
            drafted_trip.extend(key);
        }
    }
    for (n, (k, f)) in durations.iter().enumerate() {
        if in_cut[n] {
            continue;
        }
        if timed && *k == durations[0].0 || super::idioms::is_zone_offset(text, f) {
            continue;
        }
        let Some(a) = amount(text, f, true) else {
            continue;
        };
        if trip_duration && super::trip::unasserted(&sent.to_lowercase()) {
            y.notes.push(format!(
                "trip duration \"{}\": hoped for or supposed, not asserted: not drafted",
                a.text
            ));
            continue;
        }
        if super::trip::is_saving(text, (f.start, f.end)) {
            y.notes.push(format!(
                "duration \"{}\": a time saved or added, not a trip's own duration: not drafted",
                a.text
            ));
            continue;
        }
        // "tardó cinco horas y media en recorrer los 385 kilómetros …, mientras que un tren
        // británico demora … los 444 kilómetros entre Londres y Newcastle": a duration whose
        // clause names no town is not about the pair another figure's clause names after a
        // word of contrast; it is about the towns named before, if any. ("runs 9,288 km
        // between Moscow and Vladivostok, which … takes almost a week": the same trip.)
        let clause = |g: &Found| own_clause(text, (s_start, s_end), g, found, &here_at);
        let elsewhere = chain.is_none()
            && matches!(clause(f), Err(0))
            && found.iter().any(|g| {
                let (lo, hi) = if g.start > f.end {
                    (f.end, g.start)
                } else {
                    (g.end, f.start)
                };
                g.start != f.start && contrast(&text[lo..hi]) && clause(g).is_ok()
            });
        let own = match &chain {
            Some((a, b)) => Some(super::trip::Pair {
                from: a.clone(),
                to: b.clone(),
                assumed: None,
            }),
            None if elsewhere => super::trip::pair(None, &[], before),
            None => clause_or_before(text, (s_start, s_end), f, found, &here_at, (before, after)),
        };
        let aircraft = crate::aircraft::named_in(&lower).ok().flatten();
        // A flight's two ends are the sentence's own; a trip's may be assumed (and said).
        let pair = own
            .as_ref()
            .or(trip_pair.as_ref().filter(|_| !elsewhere))
            .filter(|tp| !flying || tp.assumed.is_none());
        let misfit = pair.and_then(|tp| super::trip::fits(tp, &a, bound.as_ref()).err());
        if let Some(why) = misfit {
            y.notes.push(format!("trip duration {why}"));
            continue;
        }
        let key = pair.map(|tp| (tp.from.name.clone(), tp.to.name.clone()));
        let first_trip = trip_duration && !key.as_ref().is_some_and(|k| drafted_trip.contains(k));
        // "covering a distance of 142 kilometers in about 45 minutes", "cubrir los 628
        // kilómetros … en dos horas y 38 minutos": the sentence's own length in its own time,
        // whose average may not exceed the sentence's or the article's top speed.
        if !flying
            && !trip_duration
            && !timed
            && *k == durations[0].0
            && super::trip::length_of_trip(&lower)
            && let (Some(speed), Some(length)) = (
                bound.clone(),
                lengths.first().and_then(|(_, l)| amount(text, l, true)),
            )
        {
            y.assumed.push(format!(
                "duration \"{}\" for \"{}\": checked at {} ({bound_from} as the upper end; 1 km/h sets no lower bound)",
                a.text, length.text, speed.text
            ));
            y.claims.push((
                ClaimKind::DurationAtSpeed {
                    distance: Some(length),
                    from: None,
                    to: None,
                    speed,
                    duration: a.clone(),
                },
                None,
            ));
            continue;
        }
        match (flying, aircraft, pair) {
            (true, ac, Some(tp)) => {
                // No type named: the check assumes one and says so.
                y.claims.push((
                    ClaimKind::Flight {
                        from: slug(&tp.from.name),
                        to: slug(&tp.to.name),
                        aircraft: ac.map(|ac| ac.name.clone()),
                        duration: a.clone(),
                    },
                    None,
                ));
                y.places.extend([tp.from.clone(), tp.to.clone()]);
                if let Some(why) = &tp.assumed {
                    y.assumed.push(format!("flight time \"{}\": {why}", a.text));
                }
            }
            (true, _, None) => y.notes.push(format!(
                "flight time \"{}\": the sentence does not name the two places it joins",
                a.text
            )),
            // "cut travel time between Chongqing and Guiyang to 2 hours": the average it
            // implies may not exceed the sentence's or the article's top speed.
            (false, _, Some(tp)) if first_trip && bound.is_some() => {
                let Some(speed) = bound.clone() else { continue };
                drafted_trip.extend(key.clone());
                y.trips.push(y.claims.len());
                y.claims.push((
                    ClaimKind::DurationAtSpeed {
                        distance: None,
                        from: Some(slug(&tp.from.name)),
                        to: Some(slug(&tp.to.name)),
                        speed: speed.clone(),
                        duration: a.clone(),
                    },
                    None,
                ));
                y.places.extend([tp.from.clone(), tp.to.clone()]);
                y.assumed.push(format!(
                    "trip duration \"{}\" ({} → {}): checked at {} ({bound_from} as the upper end; 1 km/h sets no lower bound){}",
                    a.text,
                    tp.from.name,
                    tp.to.name,
                    speed.text,
                    tp.assumed.as_deref().map(|w| format!("; {w}")).unwrap_or_default()
                ));
            }
            (false, _, Some(_)) if trip_duration && !first_trip => y.notes.push(format!(
                "trip duration \"{}\": another time for the trip its sentence's first figure is about (\"from 10 hours to 2 hours\"); only the first is drafted",
                a.text
            )),
            // A trip's duration with nothing to bound it.
            (false, _, p) if context::trip(&lower) => y.notes.push(format!(
                "trip duration \"{}\": {}; add a timeline or a duration_at_speed claim",
                a.text,
                if p.is_none() {
                    "the sentence does not name the trip's two places and the article names none before it"
                } else {
                    "no speed in the sentence or the article to bound it"
                }
            )),
            _ => y.notes.push(format!(
                "duration \"{}\": no distance, speed or aircraft to check it against; add a timeline",
                a.text
            )),
        }
    }
    super::idioms::sentence(text, (s_start, s_end), found, mentions, recent, &mut y);
    y
}

/// The runs of `durations` (as index ranges) that stand in one clause: a comma, a semicolon,
/// a closing parenthesis or "and" between two figures starts a new one.
fn clauses(text: &str, durations: &[(usize, &Found)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut lo = 0;
    for i in 1..=durations.len() {
        let broken = i == durations.len() || {
            let between = text
                .get(durations[i - 1].1.end..durations[i].1.start)
                .unwrap_or(",");
            between.contains([',', ';', ')']) || between.contains(" and ")
        };
        if broken {
            out.push((lo, i));
            lo = i;
        }
    }
    out
}

/// Drafts the saving claim of a sentence that changes a trip's time ([`super::saving::read`])
/// and says which of `durations` it holds; the trip's places as a trip duration's, the new
/// time checked at `bound` ("from where" in `bound.1`).
#[allow(clippy::too_many_arguments)]
fn saving(
    text: &str,
    sentence: (usize, usize),
    durations: &[(usize, &Found)],
    found: &[Found],
    here_at: &[(Arc<Place>, Option<Role>, usize)],
    around: (&[Arc<Place>], &[Arc<Place>]),
    (chain, trip_pair): (Option<&super::trip::Two>, Option<&super::trip::Pair>),
    (bound, bound_from): (Option<&Amount>, &str),
    y: &mut Yield,
) -> (Vec<bool>, Option<(String, String)>) {
    let mut in_cut = vec![false; durations.len()];
    let spans: Vec<(usize, usize)> = durations.iter().map(|(_, f)| (f.start, f.end)).collect();
    let saved: Vec<bool> = spans
        .iter()
        .map(|&s| super::trip::is_saving(text, s))
        .collect();
    let Some(cut) = super::saving::read(text, &spans, &saved) else {
        return (in_cut, None);
    };
    let figure = |i: Option<usize>| i.and_then(|i| amount(text, durations[i].1, true));
    let (before, after, saved_amount) = (figure(cut.before), figure(cut.after), figure(cut.saved));
    let first = [cut.after, cut.before, cut.saved]
        .into_iter()
        .flatten()
        .next()
        .map(|i| durations[i].1);
    let own = match (chain, first) {
        (Some((a, b)), _) => Some(super::trip::Pair {
            from: a.clone(),
            to: b.clone(),
            assumed: None,
        }),
        (None, Some(f)) => clause_or_before(text, sentence, f, found, here_at, around),
        (None, None) => None,
    };
    let pair = own.or_else(|| trip_pair.cloned());
    // The new time must fit the two places at the bound, as a trip's duration must.
    let pair = match (&pair, after.as_ref().or(before.as_ref())) {
        (Some(tp), Some(t)) => match super::trip::fits(tp, t, bound) {
            Ok(()) => pair,
            Err(why) => {
                y.notes
                    .push(format!("time cut {why}: drafted without its places"));
                None
            }
        },
        _ => pair,
    };
    let given = [&before, &after, &saved_amount]
        .iter()
        .filter(|a| a.is_some())
        .count();
    if given < 2 {
        return (in_cut, None);
    }
    for i in [cut.before, cut.after, cut.saved].into_iter().flatten() {
        in_cut[i] = true;
    }
    let words = [
        ("before", &before),
        ("after", &after),
        ("saved", &saved_amount),
    ]
    .iter()
    .filter_map(|(k, a)| a.as_ref().map(|a| format!("{k} \"{}\"", a.text)))
    .collect::<Vec<_>>()
    .join(", ");
    if let Some(tp) = &pair {
        y.trips.push(y.claims.len());
        y.places.extend([tp.from.clone(), tp.to.clone()]);
        y.assumed.push(format!(
            "time cut ({words}, {} → {}): the new time checked at {}{}",
            tp.from.name,
            tp.to.name,
            bound.map_or_else(
                || "no speed (the article gives none)".to_string(),
                |b| format!(
                    "{} ({bound_from} as the upper end; 1 km/h sets no lower bound)",
                    b.text
                )
            ),
            tp.assumed
                .as_deref()
                .map(|w| format!("; {w}"))
                .unwrap_or_default()
        ));
    }
    let key = pair
        .as_ref()
        .map(|tp| (tp.from.name.clone(), tp.to.name.clone()));
    y.claims.push((
        ClaimKind::Saving {
            from: pair.as_ref().map(|tp| slug(&tp.from.name)),
            to: pair.as_ref().map(|tp| slug(&tp.to.name)),
            before,
            after,
            saved: saved_amount,
            speed: pair.as_ref().and(bound.cloned()),
        },
        None,
    ));
    (in_cut, key)
}

/// Whether `between` (the words between two figures) holds a word of contrast that starts a
/// clause about another trip ("mientras que", "while", "whereas", "während", "alors que").
fn contrast(between: &str) -> bool {
    let lower = between.to_lowercase();
    [
        "while ",
        "whereas",
        "mientras",
        "während",
        "alors que",
        "tandis que",
        "enquanto",
        "podczas gdy",
        "тогда как",
        "в то время как",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether "between" (in the languages read) follows the figure ending at byte `end` of the
/// lower-cased sentence within its next three words ("109-km line between", "385 km entre").
fn between_follows(lower: &str, end: usize) -> bool {
    lower.get(end..).is_some_and(|rest| {
        rest.split_whitespace().take(3).any(|w| {
            matches!(
                w,
                "between" | "entre" | "zwischen" | "między" | "между" | "між"
            )
        })
    })
}

/// Whether the speed ending at byte `end` is followed by words placing it at one moment
/// ("19 knots when it crashed", "at the time of the crash", "as it struck").
fn at_a_moment(text: &str, end: usize, s_end: usize) -> bool {
    let rest = text[end..s_end].trim_start().to_lowercase();
    [
        "when ",
        "at the time",
        "as it ",
        "as she ",
        "as he ",
        "at the moment",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// Nouns a speed written before them describes ("tilting 125mph Pendolinos", "a 300 km/h
/// line"): the vehicle's or the line's speed, not the journey's.
const VEHICLE_NOUNS: &[&str] = &[
    "train",
    "trains",
    "line",
    "lines",
    "railway",
    "track",
    "locomotive",
    "locomotives",
    "engine",
    "engines",
    "jet",
    "jets",
    "aircraft",
    "plane",
    "planes",
    "ferry",
    "ferries",
    "ship",
    "ships",
    "vessel",
    "boat",
    "boats",
    "car",
    "cars",
    "bus",
    "buses",
    "maglev",
    "service",
    "services",
    "trainset",
    "trainsets",
];

/// Whether the speed ending at byte `end` is written before a noun it describes: a vehicle's
/// or a line's word ([`VEHICLE_NOUNS`]) or a capitalised name ("125mph Pendolinos").
fn describes_vehicle(text: &str, end: usize, s_end: usize) -> bool {
    let word: String = text[end..s_end]
        .trim_start_matches([' ', '-'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    !word.is_empty()
        && (VEHICLE_NOUNS.contains(&word.to_lowercase().as_str())
            || word.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain() {
        assert_eq!(
            slug("Korea–Russia Friendship Bridge"),
            "korea-russia-friendship-bridge"
        );
        assert_eq!(slug("Zürich HB"), "zurich-hb");
    }

    #[test]
    fn a_length_from_a_place_is_not_a_trip() {
        assert_eq!(from_word_after(" du centre de Lyon) ou entre"), Some("du"));
        assert_eq!(from_word_after(" de Paris), mais"), Some("de"));
        assert_eq!(
            from_word_after(" from Moscow's Zhukovsky Airport."),
            Some("from")
        );
        // A trip from one place to another, a length "de long", a clause with no name.
        assert_eq!(
            from_word_after(" from the Channel Tunnel near Folkestone to central London"),
            None
        );
        assert_eq!(from_word_after(" from Chicago toward Los Angeles."), None);
        assert_eq!(from_word_after(" de long, à grande vitesse"), None);
        assert_eq!(from_word_after(" in two hours"), None);
    }

    #[test]
    fn a_speed_before_a_vehicle_describes_it() {
        let t = "racing an aircraft against one of Avanti's tilting 125mph Pendolinos.";
        let end = t.find("mph").unwrap() + 3;
        assert!(describes_vehicle(t, end, t.len()));
        let t = "a 300 km/h line opened";
        assert!(describes_vehicle(t, t.find("km/h").unwrap() + 4, t.len()));
        // The journey's own speed: followed by a preposition, a verb or the sentence's end.
        for t in [
            "was traveling at about 19 knots when it crashed",
            "averaged 329.3km/h on the run",
            "averaged 329.3km/h.",
        ] {
            let end = t.find(|c: char| c.is_ascii_digit()).unwrap();
            let end = end + t[end..].find([' ', '.']).unwrap();
            let end = if t[end..].starts_with(" knots") {
                end + 6
            } else {
                end
            };
            assert!(!describes_vehicle(t, end, t.len()), "{t}");
        }
    }

    #[test]
    fn a_speed_at_one_moment_is_not_an_average() {
        let t = "The ship was traveling at about 19 knots when it crashed.";
        let end = t.find("knots").unwrap() + 5;
        assert!(at_a_moment(t, end, t.len()));
        let t = "The ship sailed at about 19 knots to Prince Rupert.";
        let end = t.find("knots").unwrap() + 5;
        assert!(!at_a_moment(t, end, t.len()));
    }

    #[test]
    fn between_after_a_figure_is_found_within_three_words() {
        let t = "the 109-km line between the city of yichang";
        assert!(between_follows(t, t.find("km").unwrap() + 2));
        let t = "los 385 kilómetros entre londres";
        assert!(between_follows(t, t.find("metros").unwrap() + 6));
        let t = "the 109-km line runs along the river between";
        assert!(!between_follows(t, t.find("km").unwrap() + 2));
    }

    #[test]
    fn words_of_contrast_start_another_trips_clause() {
        assert!(contrast(
            " en recorrer los 385 km, mientras que un tren británico demora "
        ));
        assert!(contrast(" to Paris, while the train to Lyon takes "));
        assert!(!contrast(
            " between Moscow and Vladivostok, which even if you stop takes "
        ));
    }
}
