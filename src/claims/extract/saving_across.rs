//! A change of a trip's time stated across two sentences: "Bislang dauerte die Fahrt sechs
//! Stunden. Durch den Bau der neuen Strecke dauert dies nur noch knapp vier Stunden." The
//! first sentence gives the former time (a word such as "bislang", "normally", "currently"
//! says so), the next the new one ("nur noch", "now", "only"); drafted one by one they are two
//! trip durations, together they are one `saving` claim, quoted from the second sentence.

use super::Extraction;
use crate::story::{Amount, ClaimKind};

/// Words saying a sentence's trip time is the former or usual one.
const FORMER: &[&str] = &[
    "bislang",
    "bisher",
    "normally",
    "usually",
    "currently",
    "until now",
    "so far",
    "at present",
    "actuellement",
    "jusqu'ici",
    "jusqu'à présent",
    "actualmente",
    "hasta ahora",
    "atualmente",
    "até agora",
    "obecnie",
    "dotychczas",
    "сейчас",
    "до сих пор",
    "нині",
];

/// Words saying a sentence's trip time is the new one.
const NEW: &[&str] = &[
    "nur noch",
    "künftig",
    "now",
    "from now on",
    "désormais",
    "ne plus que",
    "ahora",
    "agora",
    "teraz",
    "już tylko",
    "теперь",
    "відтепер",
];

/// A sentence's one trip duration, kept while the next sentence is read.
#[derive(Debug, Clone)]
pub struct Former {
    /// The sentence it came from (its index in the article).
    sentence: usize,
    /// The id of its claim, dropped if the next sentence takes it as its former time.
    id: String,
    from: Option<String>,
    to: Option<String>,
    duration: Amount,
}

/// The sentence's one trip-duration claim among `x.claims[first_new..]`, if it has exactly one.
fn one_trip(x: &Extraction, first_new: usize) -> Option<usize> {
    let trips: Vec<usize> = (first_new..x.claims.len())
        .filter(|&i| {
            matches!(
                &x.claims[i].kind,
                ClaimKind::DurationAtSpeed { distance: None, .. }
            )
        })
        .collect();
    match trips.as_slice() {
        [i] => Some(*i),
        _ => None,
    }
}

/// After sentence `si` (its text `sentence`) added `x.claims[first_new..]`: when it gives
/// the new time of the trip whose former time the sentence before gave, the two claims
/// become one saving; when it gives a former time, it is kept for the next sentence.
pub fn join(
    x: &mut Extraction,
    former: &mut Option<Former>,
    si: usize,
    sentence: &str,
    first_new: usize,
) {
    let here = one_trip(x, first_new);
    if here.is_none() {
        *former = None;
        return;
    }
    // Lower-cased only for a sentence with one trip duration, the rare case.
    let lower = sentence.to_lowercase();
    let lower = lower.as_str();
    let has = |words: &[&str]| {
        words.iter().any(|w| {
            lower
                .match_indices(w)
                .any(|(i, _)| word_edge(lower, i, i + w.len()))
        })
    };
    if let (Some(f), Some(i)) = (former.take(), here)
        && f.sentence + 1 == si
        && has(NEW)
        && let ClaimKind::DurationAtSpeed {
            from,
            to,
            speed,
            duration,
            ..
        } = x.claims[i].kind.clone()
        && same_end(&f.from, &from)
        && same_end(&f.to, &to)
        && duration.si().1 < f.duration.si().0
    {
        x.claims[i].kind = ClaimKind::Saving {
            from: from.or(f.from),
            to: to.or(f.to),
            before: Some(f.duration.clone()),
            after: Some(duration),
            saved: None,
            speed: Some(speed),
        };
        x.choices.push(format!(
            "{}: time cut across two sentences: the former time \"{}\" from the sentence before, the new time from this one",
            x.claims[i].outlet, f.duration.text
        ));
        x.claims.retain(|c| c.id != f.id);
        x.trip_claims.retain(|c| *c != f.id);
        return;
    }
    *former = here
        .filter(|_| has(FORMER))
        .and_then(|i| match &x.claims[i].kind {
            ClaimKind::DurationAtSpeed {
                from, to, duration, ..
            } => Some(Former {
                sentence: si,
                id: x.claims[i].id.clone(),
                from: from.clone(),
                to: to.clone(),
                duration: duration.clone(),
            }),
            _ => None,
        });
}

/// Whether two ends of a trip may be the same: equal, or one not given.
fn same_end(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Whether `s[start..end]` stands as whole words.
fn word_edge(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn kinds(t: &str) -> (Vec<&'static str>, Extraction) {
        let gaz = Gazetteer::from_places(super::super::tests::cities());
        let x = super::super::extract(t, "Paper", &gaz);
        (x.claims.iter().map(|c| c.kind.name()).collect(), x)
    }

    #[test]
    fn a_former_time_and_the_next_sentences_new_time_are_one_saving() {
        let (k, x) = kinds(
            "The train runs from London to Edinburgh. Until now the journey took six hours. With the new line it now takes four hours.",
        );
        assert_eq!(k, ["saving"], "{:?}", x.notes);
        let ClaimKind::Saving { before, after, .. } = &x.claims[0].kind else {
            unreachable!()
        };
        assert_eq!(
            (
                before.as_ref().unwrap().text.as_str(),
                after.as_ref().unwrap().text.as_str()
            ),
            ("six hours", "four hours")
        );
        assert!(x.claims[0].quote.starts_with("With the new line"));
        assert!(x.choices.iter().any(|c| c.contains("across two sentences")));
        x.to_story("t", "t.toml").unwrap();
    }

    #[test]
    fn without_the_words_or_with_a_longer_new_time_they_stay_apart() {
        // No word saying the first time is the former one.
        let (k, _) = kinds(
            "The train runs from London to Edinburgh. The journey took six hours. It now takes four hours.",
        );
        assert_eq!(k, ["duration_at_speed", "duration_at_speed"]);
        // A new time longer than the former is no cut.
        let (k, _) = kinds(
            "The train runs from London to Edinburgh. Until now the journey took four hours. It now takes six hours.",
        );
        assert_eq!(k, ["duration_at_speed", "duration_at_speed"]);
    }

    #[test]
    fn cue_words_match_whole_words_only() {
        assert!(word_edge("it now takes", 3, 6));
        assert!(!word_edge("snowfall", 1, 4));
        assert!(same_end(&None, &Some("a".into())));
        assert!(!same_end(&Some("a".into()), &Some("b".into())));
    }
}
