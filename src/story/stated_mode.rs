//! How the story's own words say the travel went: "by train", "flew", "motorcade". A leg the
//! story file writes as `direct` in a story whose text says the trip was by train is then a
//! bound on a rail route, never the route itself (the route layer decides; this module only
//! finds the words and where they are).

use super::{Mode, Story};

/// Words that say a trip was made by a mode, matched as whole words, case-insensitively.
const WORDS: [(Mode, &[&str]); 3] = [
    (
        Mode::Rail,
        &[
            "train",
            "trains",
            "railway",
            "railways",
            "railroad",
            "rail",
            "locomotive",
        ],
    ),
    (
        Mode::Air,
        &[
            "flight", "flights", "flew", "fly", "flying", "plane", "airliner", "jet", "aircraft",
        ],
    ),
    (
        Mode::Road,
        &[
            "drove",
            "drive",
            "driving",
            "car",
            "cars",
            "motorcade",
            "convoy",
            "bus",
            "coach",
            "truck",
        ],
    ),
];

/// One place where the story's text names a mode of travel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedMode {
    /// The mode the word belongs to.
    pub mode: Mode,
    /// The word as written ("train").
    pub word: String,
    /// Where it was found: "title", "subtitle", "source title" or `claim "ID"`.
    pub place: String,
}

/// The first mention of each mode in the story's title, subtitle, source titles and claim
/// quotes, in that order of search; at most one per mode.
pub fn stated_modes(story: &Story) -> Vec<StatedMode> {
    // (where, text), in the order of search; a claim's place is named only when it is found.
    let mut texts: Vec<(Option<&str>, &str)> = vec![(None, story.meta.title.as_str())];
    texts.extend(story.meta.subtitle.as_deref().map(|s| (None, s)));
    texts.extend(
        story
            .meta
            .sources
            .iter()
            .filter_map(|a| a.title.as_deref().map(|t| (None, t))),
    );
    texts.extend(
        story
            .claims
            .iter()
            .map(|c| (Some(c.id.as_str()), c.quote.as_str())),
    );
    let place = |i: usize| match (i, texts[i].0) {
        (_, Some(id)) => format!("claim \"{id}\""),
        (0, None) => "title".into(),
        (1, None) if story.meta.subtitle.is_some() => "subtitle".into(),
        _ => "source title".into(),
    };
    // Each text is read once, word by word; a mode keeps its first word.
    let mut first: [Option<(usize, &str)>; WORDS.len()] = [None; WORDS.len()];
    for (i, (_, text)) in texts.iter().enumerate() {
        if first.iter().all(Option::is_some) {
            break;
        }
        for token in text.split(|c: char| !c.is_alphanumeric()) {
            // Every word is 3 to 10 ASCII letters long.
            if !(3..=10).contains(&token.len()) {
                continue;
            }
            for (m, (_, words)) in WORDS.iter().enumerate() {
                if first[m].is_none() && words.iter().any(|w| token.eq_ignore_ascii_case(w)) {
                    first[m] = Some((i, token));
                }
            }
        }
    }
    WORDS
        .iter()
        .zip(first)
        .filter_map(|((mode, _), f)| {
            f.map(|(i, token)| StatedMode {
                mode: *mode,
                word: token.to_string(),
                place: place(i),
            })
        })
        .collect()
}

/// The one mode the story's text names, if it names exactly one (a story that speaks of both
/// a train and a flight does not say how a given leg went).
pub fn sole_stated_mode(story: &Story) -> Option<StatedMode> {
    let mut all = stated_modes(story);
    if all.len() == 1 { all.pop() } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(title: &str, quote: &str) -> Story {
        let text = format!(
            r#"[story]
title = "{title}"
[[waypoints]]
id = "a"
at = "48.85, 2.35"
[[waypoints]]
id = "b"
at = "45.76, 4.84"
[[legs]]
from = "a"
to = "b"
mode = "direct"
[[claims]]
id = "d"
outlet = "Paper"
quote = "{quote}"
kind = "distance"
from = "a"
to = "b"
value = "400 km"
"#
        );
        Story::parse(&text, "t.toml").unwrap()
    }

    #[test]
    fn finds_the_word_and_where_it_is() {
        let s = story("Leader goes to Lyon", "The train covered 400 km.");
        assert_eq!(
            stated_modes(&s),
            vec![StatedMode {
                mode: Mode::Rail,
                word: "train".into(),
                place: "claim \"d\"".into()
            }]
        );
        assert_eq!(sole_stated_mode(&s).unwrap().mode, Mode::Rail);
    }

    #[test]
    fn whole_words_only() {
        // "trained", "constraint", "carpet" and "jetty" are not modes of travel.
        let s = story(
            "A trained envoy's constraint",
            "On the carpet by the jetty, 400 km away.",
        );
        assert!(stated_modes(&s).is_empty());
    }

    #[test]
    fn two_modes_say_nothing_about_a_leg() {
        let s = story("He flew, then took the train", "400 km.");
        assert_eq!(stated_modes(&s).len(), 2);
        assert!(sole_stated_mode(&s).is_none());
    }
}
