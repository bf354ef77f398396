//! A sentence that changes a trip's time: "cut travel time from the current 10 hours to 2
//! hours", "more than 30 minutes faster than the current two hours 35 minutes",
//! "Paris-Bordeaux en 2h04 au lieu de 3h14", "с нынешних 6 часов 40 минут до 6 часов". Which
//! of its durations is the time before, which the time after and which the time saved, read
//! from the words in front of each figure.

/// The durations of a sentence that make a change of a trip's time, as indexes into the
/// spans given to [`read`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cut {
    /// The usual or former time.
    pub before: Option<usize>,
    /// The new time.
    pub after: Option<usize>,
    /// The time saved (or added).
    pub saved: Option<usize>,
}

/// Words that mark the figure after them as the former time, alone ("than the current",
/// "au lieu de", "statt", "вместо") or as the first of a pair whose second has its own word
/// ("from … to", "de … à", "von … auf", "с … до", "z … do", "desde … a").
const BEFORE_ALONE: &[&[&str]] = &[
    &["than"],
    &["instead", "of"],
    &["versus"],
    &["vs"],
    &["down", "from"],
    &["au", "lieu", "de"],
    &["au", "lieu", "des"],
    &["contre"],
    &["statt"],
    &["anstatt"],
    &["en", "lugar", "de"],
    &["en", "vez", "de"],
    &["frente", "a"],
    &["вместо"],
    &["zamiast"],
    &["em", "vez", "de"],
];
/// The pairs: the word before the former time, and the words one of which comes before the
/// new time.
const PAIRS: &[(&str, &[&str])] = &[
    ("from", &["to"]),
    ("de", &["à", "a"]),
    ("desde", &["a", "hasta"]),
    ("von", &["auf", "zu"]),
    ("с", &["до"]),
    ("z", &["do"]),
];
/// Words between the cue and the figure that do not change its role: articles, "current",
/// "usual", hedges.
const FILLER: &[&str] = &[
    "the",
    "current",
    "usual",
    "present",
    "normal",
    "existing",
    "previous",
    "today's",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "roughly",
    "approximately",
    "over",
    "just",
    "more",
    "less",
    "at",
    "least",
    "le",
    "la",
    "les",
    "l",
    "actuel",
    "actuelle",
    "actuelles",
    "habituel",
    "habituelles",
    "environ",
    "près",
    "los",
    "las",
    "el",
    "actual",
    "actuales",
    "habitual",
    "unos",
    "unas",
    "der",
    "die",
    "den",
    "bisherigen",
    "heutigen",
    "rund",
    "etwa",
    "knapp",
    "нынешних",
    "нынешние",
    "текущих",
    "обычных",
    "около",
    "почти",
    "obecnych",
    "ok",
    "około",
    "os",
    "as",
    "o",
    "atuais",
];

/// The words in front of `at`, nearest first, lower-cased and without punctuation, fillers
/// skipped, at most `n`.
/// A hedge "less than", "more than", "fewer than", "plus de", "moins de", "mehr als",
/// "weniger als", "más de", "menos de", "больше", "меньше" is skipped whole: its last word
/// does not make the figure a former time.
fn words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    const HEDGED: &[(&str, &[&str])] = &[
        ("than", &["less", "more", "fewer"]),
        ("de", &["plus", "moins", "más", "menos", "mais"]),
        ("als", &["mehr", "weniger"]),
    ];
    // Only the few words in front are read (fillers, a hedge and `n`): never the whole text.
    let words: Vec<String> = text[..at]
        .split_whitespace()
        .rev()
        .take(n + 12)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() && out.len() < n {
        let w = &words[i];
        let hedge = HEDGED.iter().any(|(last, first)| {
            w == last
                && words
                    .get(i + 1)
                    .is_some_and(|p| first.contains(&p.as_str()))
        });
        if out.is_empty() && hedge {
            i += 2;
            continue;
        }
        if out.is_empty() && FILLER.contains(&w.as_str()) {
            i += 1;
            continue;
        }
        out.push(w.clone());
        i += 1;
    }
    out
}

/// Words after a time that make it one added, not saved ("two hours longer", "95 minutes
/// later", "eine Stunde länger").
const ADDED: &[&str] = &[
    "longer",
    "later",
    "slower",
    "more",
    "länger",
    "später",
    "langsamer",
    "mehr",
    "plus",
    "más",
    "mais",
    "дольше",
    "больше",
    "позже",
    "dłużej",
    "później",
];

/// Whether the time at `end` (its figure's end) is one added ("two hours longer").
pub fn is_added(text: &str, end: usize) -> bool {
    text[end..]
        .split_whitespace()
        .next()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| ADDED.contains(&w.as_str()))
}

/// Whether the words in front of a figure (nearest first) end with `cue` (in reading order).
fn ends_with(before: &[String], cue: &[&str]) -> bool {
    cue.len() <= before.len() && cue.iter().rev().zip(before).all(|(c, w)| c == w)
}

/// Reads the roles of a sentence's durations (`spans`, in text order; `saved[i]` true for
/// one written as a time saved or added, "by 20 minutes"). `None` unless the sentence
/// gives a former time with a new time or a saving, or a new time with a saving.
pub fn read(text: &str, spans: &[(usize, usize)], saved: &[bool]) -> Option<Cut> {
    let mut cut = Cut::default();
    for (i, &(start, _)) in spans.iter().enumerate() {
        if saved.get(i).copied().unwrap_or(false) {
            cut.saved = cut.saved.or(Some(i));
            continue;
        }
        let before = words_before(text, start, 3);
        let alone = BEFORE_ALONE.iter().any(|cue| ends_with(&before, cue));
        // "from 9 hours" / "de 3h14 à 2h04": the first of a pair, when a later figure of the
        // sentence has the pair's second word in front of it.
        let paired = PAIRS.iter().any(|(first, second)| {
            before.first().is_some_and(|w| w == first)
                && spans.iter().any(|&(s, _)| {
                    s != start
                        && words_before(text, s, 1)
                            .first()
                            .is_some_and(|w| second.contains(&w.as_str()))
                })
        });
        if (alone || paired) && cut.before.is_none() {
            cut.before = Some(i);
        } else if cut.after.is_none() {
            cut.after = Some(i);
        }
    }
    // A time added with no new time: the new time would be the former one plus it, which
    // the claim format does not say; not read as a change.
    if cut.after.is_none() && cut.saved.is_some_and(|i| is_added(text, spans[i].1)) {
        return None;
    }
    let enough = match cut {
        Cut {
            before: Some(_),
            after,
            saved,
        } => after.is_some() || saved.is_some(),
        Cut {
            after: Some(_),
            saved: Some(_),
            ..
        } => true,
        _ => false,
    };
    enough.then_some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spans of the given figures in `text`, in order.
    fn spans(text: &str, figures: &[&str]) -> Vec<(usize, usize)> {
        figures
            .iter()
            .map(|f| {
                let at = text.find(f).unwrap();
                (at, at + f.len())
            })
            .collect()
    }

    #[test]
    fn the_former_time_the_new_time_and_the_saving_are_told_apart() {
        let t = "It cuts travel time between Chongqing and Guiyang from the current 10 hours to 2 hours.";
        let s = spans(t, &["10 hours", "2 hours"]);
        let c = read(t, &s, &[false, false]).unwrap();
        assert_eq!((c.before, c.after, c.saved), (Some(0), Some(1), None));

        let t = "It will cut travel time between Chongqing and Guiyang to 2 hours from 9 hours.";
        let s = spans(t, &["2 hours", "9 hours"]);
        let c = read(t, &s, &[false, false]).unwrap();
        assert_eq!((c.before, c.after), (Some(1), Some(0)));

        let t = "Paris-Bordeaux en 2h04 au lieu de 3h14.";
        let s = spans(t, &["2h04", "3h14"]);
        let c = read(t, &s, &[false, false]).unwrap();
        assert_eq!((c.before, c.after), (Some(1), Some(0)));

        let t = "Время в пути сократится с нынешних 6 часов 40 минут до 6 часов.";
        let s = spans(t, &["6 часов 40 минут", "6 часов."]);
        let c = read(t, &s, &[false, false]).unwrap();
        assert_eq!((c.before, c.after), (Some(0), Some(1)));

        let t =
            "The journey was more than 30 minutes faster than the current two hours 35 minutes.";
        let s = spans(t, &["30 minutes", "two hours 35 minutes"]);
        let c = read(t, &s, &[true, false]).unwrap();
        assert_eq!((c.before, c.after, c.saved), (Some(1), None, Some(0)));
    }

    #[test]
    fn a_hedge_before_the_new_time_is_not_a_former_time() {
        let t = "It would shorten his travel time from 3.5 hours to less than 1.5 hours.";
        let s = spans(t, &["3.5 hours", "1.5 hours"]);
        let c = read(t, &s, &[false, false]).unwrap();
        assert_eq!((c.before, c.after), (Some(0), Some(1)));
        let t = "Le trajet passe de 3 heures à moins de 2 heures.";
        let s = spans(t, &["3 heures", "2 heures"]);
        let c = read(t, &s, &[false, false]).unwrap();
        assert_eq!((c.before, c.after), (Some(0), Some(1)));
    }

    #[test]
    fn a_trip_time_alone_or_two_trip_times_are_no_cut() {
        let t = "Rome to Turin takes just four hours and ten minutes.";
        let s = spans(t, &["four hours and ten minutes"]);
        assert_eq!(read(t, &s, &[false]), None);
        let t = "In zwei Stunden Prag, in rund drei Stunden Dresden.";
        let s = spans(t, &["zwei Stunden", "drei Stunden"]);
        assert_eq!(read(t, &s, &[false, false]), None);
        // A time added to a former time gives no new time the format can state.
        let t = "The trip took two hours longer than the usual 16 hours.";
        let s = spans(t, &["two hours", "16 hours"]);
        assert_eq!(read(t, &s, &[true, false]), None);
        // A saving alone ("shave 20 minutes off that") has nothing to be checked against.
        let t = "Eurostar bosses hope to shave 20 minutes off that.";
        let s = spans(t, &["20 minutes"]);
        assert_eq!(read(t, &s, &[true]), None);
    }
}
