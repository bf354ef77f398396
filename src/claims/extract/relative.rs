//! Days an article names relative to when it was published: "today", "yesterday", "last
//! night", "tomorrow", "on Tuesday", "early Sunday", "Thursday morning", in English and in the
//! other languages read. With the publication date they are dates; without it they are not
//! read (a weekday alone names no date).
//!
//! A weekday is the last such day on or before the publication date ("left on Friday" in a
//! Saturday paper is the day before), or the first after it when the sentence speaks of the
//! future ("will leave on Tuesday", "next Tuesday"). Every date read this way is said in the
//! draft, with the publication date it came from.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// A day named relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    /// "today", "this morning", "tonight", "hoy", "heute", "сегодня".
    Today,
    /// "yesterday", "last night", "ayer", "gestern", "вчера".
    Yesterday,
    /// "tomorrow", "mañana", "morgen", "завтра".
    Tomorrow,
    /// "Tuesday", "martes", "Dienstag", "во вторник".
    Weekday(Weekday),
}

/// A relative day found in a sentence: where, the words, and the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySaid {
    /// Byte offset in the sentence.
    pub at: usize,
    /// The words as written ("on Friday", "last night").
    pub words: String,
    /// The day they name.
    pub day: Day,
}

/// Words for today, yesterday and tomorrow (lower case), each language's.
const DAYS: &[(&str, Day)] = &[
    ("today", Day::Today),
    ("tonight", Day::Today),
    ("this morning", Day::Today),
    ("this afternoon", Day::Today),
    ("this evening", Day::Today),
    ("yesterday", Day::Yesterday),
    ("last night", Day::Yesterday),
    ("tomorrow", Day::Tomorrow),
    ("hoy", Day::Today),
    ("ayer", Day::Yesterday),
    ("hoje", Day::Today),
    ("ontem", Day::Yesterday),
    ("amanhã", Day::Tomorrow),
    ("aujourd'hui", Day::Today),
    ("hier", Day::Yesterday),
    ("demain", Day::Tomorrow),
    ("heute", Day::Today),
    ("gestern", Day::Yesterday),
    ("dzisiaj", Day::Today),
    ("dziś", Day::Today),
    ("wczoraj", Day::Yesterday),
    ("jutro", Day::Tomorrow),
    ("сегодня", Day::Today),
    ("вчера", Day::Yesterday),
    ("завтра", Day::Tomorrow),
    ("сьогодні", Day::Today),
    ("вчора", Day::Yesterday),
];

/// Weekday names (lower case, as dates write them) in English, Spanish, Portuguese, French,
/// German, Polish, Russian and Ukrainian, Monday first.
const WEEKDAYS: [&[&str]; 7] = [
    &[
        "monday",
        "lunes",
        "segunda-feira",
        "lundi",
        "montag",
        "poniedziałek",
        "понедельник",
        "понеділок",
    ],
    &[
        "tuesday",
        "martes",
        "terça-feira",
        "mardi",
        "dienstag",
        "wtorek",
        "вторник",
        "вівторок",
    ],
    &[
        "wednesday",
        "miércoles",
        "quarta-feira",
        "mercredi",
        "mittwoch",
        "środa",
        "środę",
        "среда",
        "среду",
        "середа",
        "середу",
    ],
    &[
        "thursday",
        "jueves",
        "quinta-feira",
        "jeudi",
        "donnerstag",
        "czwartek",
        "четверг",
        "четвер",
    ],
    &[
        "friday",
        "viernes",
        "sexta-feira",
        "vendredi",
        "freitag",
        "piątek",
        "пятница",
        "пятницу",
        "пʼятниця",
        "п'ятницю",
    ],
    &[
        "saturday",
        "sábado",
        "samedi",
        "samstag",
        "sobota",
        "sobotę",
        "суббота",
        "субботу",
        "субота",
        "суботу",
    ],
    &[
        "sunday",
        "domingo",
        "dimanche",
        "sonntag",
        "niedziela",
        "niedzielę",
        "воскресенье",
        "неділя",
        "неділю",
    ],
];

const WEEKDAY_ORDER: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// Words that put a sentence's weekday in the future.
/// Every day word with its day: [`DAYS`], then each weekday's names in [`WEEKDAYS`] order.
static DAY_WORDS: std::sync::LazyLock<Vec<(&'static str, Day)>> = std::sync::LazyLock::new(|| {
    let mut all: Vec<(&str, Day)> = DAYS.to_vec();
    for (k, names) in WEEKDAYS.iter().enumerate() {
        all.extend(names.iter().map(|w| (*w, Day::Weekday(WEEKDAY_ORDER[k]))));
    }
    all
});

/// The indices of [`DAY_WORDS`] by their first character.
fn day_words() -> &'static std::collections::HashMap<char, Vec<usize>> {
    static BY_FIRST: std::sync::OnceLock<std::collections::HashMap<char, Vec<usize>>> =
        std::sync::OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut by: std::collections::HashMap<char, Vec<usize>> = std::collections::HashMap::new();
        for (k, (w, _)) in DAY_WORDS.iter().enumerate() {
            if let Some(c) = w.chars().next() {
                by.entry(c).or_default().push(k);
            }
        }
        by
    })
}

const FUTURE: &[&str] = &[
    "will ",
    "next ",
    "is due",
    "are due",
    "is scheduled",
    "is expected",
    "plans to",
    "shall ",
];

/// Whether the letters before and after `s[i..i + n]` make it a whole word.
pub(super) fn whole(s: &str, i: usize, n: usize) -> bool {
    let before = s[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after = s[i + n..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before && after
}

/// Whether the weekday at `lower[i..i + n]` is part of a range or a habit, not a day: "Tuesday
/// to Friday", "Monday-Friday", "every Monday", "from Monday", "de lunes a viernes".
fn recurring(lower: &str, i: usize, n: usize) -> bool {
    let before = lower[..i].trim_end();
    let after = lower[i + n..].trim_start();
    let is_day = |w: &str| {
        WEEKDAYS
            .iter()
            .any(|names| names.iter().any(|d| w.starts_with(d)))
    };
    let joins = [
        "to ", "through ", "- ", "– ", "a ", "à ", "bis ", "до ", "по ",
    ];
    let range_after = joins.iter().any(|j| {
        after
            .strip_prefix(j)
            .is_some_and(|rest| is_day(rest.trim_start()))
    }) || after.strip_prefix('-').is_some_and(is_day)
        || after.strip_prefix('–').is_some_and(is_day);
    let range_before = ["to", "through", "-", "–", "a", "à", "bis", "до", "по"]
        .iter()
        .any(|j| {
            before.strip_suffix(j).is_some_and(|rest| {
                let rest = rest.trim_end();
                // Portuguese drops "-feira" from the first day of a range: "de segunda a
                // sexta-feira".
                WEEKDAYS.iter().any(|names| {
                    names.iter().any(|d| {
                        rest.ends_with(d)
                            || d.strip_suffix("-feira").is_some_and(|s| rest.ends_with(s))
                    })
                })
            })
        });
    let habit = [
        "every",
        "each",
        "from",
        "cada",
        "todos los",
        "chaque",
        "jeden",
        "jeder",
        "каждый",
        "кожен",
    ]
    .iter()
    .any(|w| before.ends_with(w));
    range_after || range_before || habit
}

/// The relative days of a sentence, in order.
pub fn days(sentence: &str) -> Vec<DaySaid> {
    let lower = sentence.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII: only read when it does not.
    if lower.len() != sentence.len() {
        return Vec::new();
    }
    // Every word that begins like one of the day words, found in one pass over the word
    // starts, then taken in the table's order (the day words first, then the weekdays), as a
    // search for each word in turn would take them.
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in lower.char_indices() {
        let starts = prev.is_none_or(|p| !p.is_alphanumeric()) && c.is_alphabetic();
        prev = Some(c);
        if starts && let Some(words) = day_words().get(&c) {
            found.extend(
                words
                    .iter()
                    .filter(|&&k| lower[i..].starts_with(DAY_WORDS[k].0))
                    .map(|&k| (k, i)),
            );
        }
    }
    found.sort_unstable();
    let mut out: Vec<DaySaid> = Vec::new();
    for (k, i) in found {
        let (w, day) = DAY_WORDS[k];
        let n = w.len();
        let weekday = matches!(day, Day::Weekday(_));
        if whole(&lower, i, n)
            && !(weekday && recurring(&lower, i, n))
            && !out.iter().any(|d| d.at <= i && i < d.at + d.words.len())
        {
            out.push(DaySaid {
                at: i,
                words: sentence[i..i + n].to_string(),
                day,
            });
        }
    }
    out.sort_by_key(|d| d.at);
    out
}

/// The date `d` names in a sentence (`sentence_lower`) of an article published on
/// `published`.
pub fn date_of(d: &DaySaid, sentence_lower: &str, published: Date) -> Option<Date> {
    match d.day {
        Day::Today => Some(published),
        Day::Yesterday => published.checked_sub(1.day()).ok(),
        Day::Tomorrow => published.checked_add(1.day()).ok(),
        Day::Weekday(w) => {
            let future = FUTURE.iter().any(|f| sentence_lower.contains(f));
            // The first such day after the publication date, or the last on or before it.
            let from = if future {
                published.checked_add(1.day()).ok()?
            } else {
                published
            };
            (0..7).find_map(|k| {
                let x = if future {
                    from.checked_add(k.days()).ok()?
                } else {
                    from.checked_sub(k.days()).ok()?
                };
                (x.weekday() == w).then_some(x)
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn relative_days_from_the_publication_date() {
        // Saturday 30 April 2022 (EFE on the Tapachula caravan): "left on Friday".
        let s = "The caravan left on Friday from Tapachula.";
        let d = days(s);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].words, "Friday");
        assert_eq!(
            date_of(&d[0], &s.to_lowercase(), date("2022-04-30")),
            Some(date("2022-04-29"))
        );
        // A weekday that is the publication day is that day.
        assert_eq!(
            date_of(&d[0], &s.to_lowercase(), date("2022-04-29")),
            Some(date("2022-04-29"))
        );
        // "will leave on Tuesday" in a Saturday paper is the coming Tuesday.
        let s = "The train will leave on Tuesday.";
        let d = days(s);
        assert_eq!(
            date_of(&d[0], &s.to_lowercase(), date("2022-04-30")),
            Some(date("2022-05-03"))
        );
        // Yesterday, last night, today.
        let s =
            "The Neptune went down early yesterday; the Miro arrived last night; it sails today.";
        let d = days(s);
        let got: Vec<Option<Date>> = d
            .iter()
            .map(|x| date_of(x, &s.to_lowercase(), date("1993-02-18")))
            .collect();
        assert_eq!(
            got,
            [
                Some(date("1993-02-17")),
                Some(date("1993-02-17")),
                Some(date("1993-02-18"))
            ]
        );
        // A range or a habit is no day: "the timetable for Tuesday to Friday", "every Monday".
        assert!(days("The updated timetable for Tuesday to Friday is as follows.").is_empty());
        assert!(days("Trains run every Monday and from Friday.").is_empty());
        // Whole words only: "Sundays" and "todays" name no day; other languages do.
        assert!(days("It runs on Sundays and holidays.").is_empty());
        let d = days("El tren salió el viernes de Buenos Aires.");
        assert_eq!(d[0].day, Day::Weekday(Weekday::Friday));
        let d = days("Поезд прибыл в четверг.");
        assert_eq!(d[0].day, Day::Weekday(Weekday::Thursday));
    }

    #[test]
    fn a_portuguese_range_drops_feira_from_its_first_day() {
        assert!(
            days("O comboio, que se realiza de segunda a sexta-feira, chegava às 8h44.").is_empty()
        );
        // A day of its own is still a day.
        let d = days("O comboio chegou na sexta-feira.");
        assert_eq!(d[0].day, Day::Weekday(Weekday::Friday));
    }
}
