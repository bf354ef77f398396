//! Turning one sentence's quantities and places into claims.

use super::context::{self, Article};
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
    pub places: Vec<Place>,
    pub notes: Vec<String>,
}

const COMPASS: &[&str] = &[
    "north-east",
    "northeast",
    "north-west",
    "northwest",
    "south-east",
    "southeast",
    "south-west",
    "southwest",
    "north",
    "south",
    "east",
    "west",
];

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
/// mentioned before it.
pub fn sentence(
    lang: Language,
    cx: &Article,
    text: &str,
    (s_start, s_end): (usize, usize),
    found: &[Found],
    mentions: &[Mention],
    recent: Option<&Place>,
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
    let two: Option<(Place, Place)> = {
        let mut ps: Vec<(Place, Option<Role>)> = Vec::new();
        let mut from = s_start;
        for m in &resolved {
            let r = super::journey::role(text, s_start, from, m.start);
            from = m.end;
            if let Some(p) = place(m)
                && !ps.iter().any(|(q, _)| q.name == p.name)
            {
                ps.push((p, r));
            }
        }
        (ps.len() >= 2).then(|| {
            let (a, b) = (&ps[0], &ps[1]);
            let rank = |r: Option<Role>| r.unwrap_or(Role::Pass);
            if rank(b.1) < rank(a.1) {
                (b.0.clone(), a.0.clone())
            } else {
                (a.0.clone(), b.0.clone())
            }
        })
    };
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
        match &two {
            Some((p, q)) => {
                y.claims.push((
                    ClaimKind::Distance {
                        from: slug(&p.name),
                        to: slug(&q.name),
                        value: a,
                        measure: DistanceMeasure::Route,
                    },
                    None,
                ));
                y.places.extend([p.clone(), q.clone()]);
            }
            None => y.notes.push(format!(
                "distance \"{}\": the sentence does not name two places it could resolve",
                a.text
            )),
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
        }
        // "can reach 350 km/h", "designed for 200 km/h": what the line or vehicle can do,
        // not what the journey did; the article's durations are checked against it.
        if context::capability(&lower) {
            y.notes.push(format!(
                "speed \"{}\": a design, top or limit speed, not the journey's own: not drafted as a claim",
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
    // Flight times.
    let flying = [
        "flew", "flight", "flown", "fly ", "plane", "jet", "aircraft",
    ]
    .iter()
    .any(|w| lower.contains(w));
    for (k, f) in &durations {
        if timed && *k == durations[0].0 || super::idioms::is_zone_offset(text, f) {
            continue;
        }
        let Some(a) = amount(text, f, true) else {
            continue;
        };
        let aircraft = crate::aircraft::all()
            .unwrap_or_default()
            .iter()
            .find(|ac| {
                std::iter::once(&ac.name)
                    .chain(&ac.aliases)
                    .any(|n| lower.contains(&n.to_ascii_lowercase()))
            });
        match (flying, aircraft, &two) {
            (true, ac, Some((p, q))) => {
                // No type named: the check assumes one and says so.
                y.claims.push((
                    ClaimKind::Flight {
                        from: slug(&p.name),
                        to: slug(&q.name),
                        aircraft: ac.map(|ac| ac.name.clone()),
                        duration: a,
                    },
                    None,
                ));
                y.places.extend([p.clone(), q.clone()]);
            }
            (true, _, None) => y.notes.push(format!(
                "flight time \"{}\": the sentence does not name the two places it joins",
                a.text
            )),
            // "cut travel time between Chongqing and Guiyang to 2 hours": a trip's duration
            // with no speed or distance beside it. A design or top speed elsewhere in the
            // article bounds it from one side only, which the duration check does not read.
            (false, _, _) if context::trip(&lower) => y.notes.push(format!(
                "trip duration \"{}\": no speed or distance in its sentence to check it against{}; add a timeline or a duration_at_speed claim",
                a.text,
                match &cx.top_speed {
                    Some(v) => format!(" (the article's top speed, {}, bounds it from below only)", v.text),
                    None => String::new(),
                }
            )),
            _ => y.notes.push(format!(
                "duration \"{}\": no distance, speed or aircraft to check it against; add a timeline",
                a.text
            )),
        }
    }
    super::idioms::sentence(
        lang,
        text,
        (s_start, s_end),
        found,
        mentions,
        recent,
        &mut y,
    );
    y
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
}
