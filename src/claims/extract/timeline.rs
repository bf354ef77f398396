//! Timeline events from an article's clock times ([`super::times`]): each time, at the place
//! its sentence names, on the date the sentence (or the article before it) gives, in the
//! zone the article states; the zone is resolved or said to be assumed.

use super::classify::slug;
use super::places::Mention;
use super::relative;
use super::times::{Clock, Said, ZoneSaid, at, civil_date};
use crate::gazetteer::{Place, PlaceKind};
use crate::story::Event;
use std::sync::Arc;

/// What reading one sentence's times gives: events, each with its place, and notes.
#[derive(Debug, Default)]
pub struct Timed {
    pub events: Vec<(Event, Arc<Place>)>,
    pub notes: Vec<String>,
}

/// The date context of an article as it is read: the year it names first, and the last
/// full date read before the current sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateContext {
    pub year: Option<i16>,
    pub last: Option<jiff::civil::Date>,
    /// The date the article was published: the year of a date with no year when the text
    /// has named none, and the day of "today", "yesterday" and "on Tuesday". A date read this
    /// way dates its own sentence only: it is not carried to the clock times of later
    /// sentences, which may be another day's (a timetable after "resumed on October 1").
    pub published: Option<jiff::civil::Date>,
    /// The day and the latest clock time of the sentence just read, when a day named from
    /// the publication date ("Today, the train departed … at 8:00 am") dated its times: the
    /// next sentence's undated times, if none is earlier, continue that account on that day
    /// ("It … arrived at Ebute Meta around 10:40 am").
    pub account: Option<(jiff::civil::Date, jiff::civil::Time)>,
}

impl DateContext {
    /// The year of a date written without one: the article's, else its publication's.
    fn default_year(&self) -> Option<i16> {
        self.year.or(self.published.map(|p| p.year()))
    }
}

/// Travel verbs, as written, and how the event's `what` words them.
const VERBS: &[(&str, &str)] = &[
    ("took off", "took off from"),
    ("set off", "set off from"),
    ("set out", "set out from"),
    ("pulled into", "pulled into"),
    ("pulled out", "pulled out of"),
    ("departed", "departed"),
    ("departing", "departed"),
    ("left", "left"),
    ("leaving", "left"),
    ("leave", "leaves"),
    ("arrived", "arrived at"),
    ("arriving", "arrived at"),
    ("arrive", "arrives at"),
    ("landed", "landed at"),
    ("reached", "reached"),
    ("crossed", "crossed at"),
    ("resumed", "resumed from"),
    ("leaves", "leaves"),
    ("departs", "departs"),
    ("arrives", "arrives at"),
    ("reaches", "reaches"),
    // Spanish and Portuguese, worded in English.
    ("abandonó", "left"),
    ("salió", "left"),
    ("saldrá", "leaves"),
    ("partió", "left"),
    ("partiu", "left"),
    ("partida", "leaves"),
    ("llegó", "arrived at"),
    ("llegará", "arrives at"),
    ("llegada", "arrives at"),
    ("chegou", "arrived at"),
    ("chegava", "arrived at"),
    ("chega", "arrives at"),
    ("chegada", "arrives at"),
];

/// Every travel verb of `sent_lower` as a whole word: (offset, length, the event's wording),
/// in the order of [`VERBS`], each verb's in the order they come. One pass over the sentence
/// finds every verb at once.
fn verbs_in(sent_lower: &str) -> Vec<(usize, usize, &'static str)> {
    static VERB_FINDER: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let finder = VERB_FINDER
        .get_or_init(|| aho_corasick::AhoCorasick::new(VERBS.iter().map(|(w, _)| w)).ok());
    let whole_word = |i: usize, n: usize| relative::whole(sent_lower, i, n);
    let Some(finder) = finder else {
        // No automaton (it cannot fail for these few words, but never a panic): verb by verb.
        return VERBS
            .iter()
            .flat_map(|(w, what)| {
                sent_lower
                    .match_indices(w)
                    .filter(|(i, _)| whole_word(*i, w.len()))
                    .map(|(i, _)| (i, w.len(), *what))
                    .collect::<Vec<_>>()
            })
            .collect();
    };
    // Every occurrence of every verb: its whole words are those a search verb by verb finds
    // (no verb's whole word can start inside another occurrence of it; a test checks).
    let mut found: Vec<(usize, usize)> = finder
        .find_overlapping_iter(sent_lower)
        .map(|m| (m.pattern().as_usize(), m.start()))
        .filter(|&(k, i)| whole_word(i, VERBS[k].0.len()))
        .collect();
    found.sort_unstable();
    found
        .into_iter()
        .map(|(k, i)| (i, VERBS[k].0.len(), VERBS[k].1))
        .collect()
}

fn verb_near(sent_lower: &str, at: usize) -> Option<&'static str> {
    let found = verbs_in(sent_lower);
    // The last before the time, else the first after it.
    found
        .iter()
        .filter(|(i, _, _)| *i < at)
        .max_by_key(|(i, _, _)| *i)
        .or_else(|| found.iter().min_by_key(|(i, _, _)| *i))
        .map(|(_, _, what)| *what)
}

/// The events of one sentence `text[s_start..s_end]`, whose dates and clock times are `said`
/// ([`Said::in_sentence`]); `recent` is the last place named before it; `cx` is updated with
/// the dates the sentence gives.
pub fn sentence(
    text: &str,
    (s_start, s_end): (usize, usize),
    Said {
        dates: mut said,
        clocks: found,
    }: Said,
    mentions: &[Mention],
    recent: Option<&Arc<Place>>,
    cx: &mut DateContext,
) -> Timed {
    let mut out = Timed::default();
    let sent = &text[s_start..s_end];
    // A dateline ("VANCOUVER, British Columbia, Mar 23: … yesterday") dates the copy: it is
    // the day "yesterday" and "on Tuesday" count from, not an event.
    if text[..s_start].trim().is_empty()
        && let Some(d) = said.first()
        && d.at < 48
        && sent.starts_with(char::is_uppercase)
        && sent[..d.at].contains(',')
        && let Some(on) = civil_date(d, cx.default_year())
    {
        cx.published = Some(on);
        said.remove(0);
    }
    // Whether a date read in this sentence may date later sentences: not when only the
    // publication year gave it its year.
    // A weekday written before it that the publication year's calendar agrees with confirms
    // that year ("on Wednesday, July 24" in a 2024 article).
    let carried = |d: &super::times::DateSaid, cx: &DateContext| {
        d.year.or(cx.year).is_some() || weekday_confirms(sent, d, cx.default_year())
    };
    if let Some((at, d, carry)) = said.iter().rev().find_map(|d| {
        let on = civil_date(d, cx.default_year())?;
        Some((d.at, on, carried(d, cx)))
    }) {
        // A date with its year names the article's year from here on.
        if let Some(y) = said.iter().rev().find_map(|d| d.year) {
            cx.year = Some(y);
        }
        if found.is_empty() {
            if carry {
                cx.last = Some(d);
            }
            // A date of its own ends the account of the sentence before.
            cx.account = None;
            let all: Vec<usize> = said.iter().map(|d| d.at).collect();
            day_event(text, (s_start, s_end), mentions, (at, d), &all, &mut out);
            return out;
        }
    }
    // "today", "yesterday", "on Friday": a day the publication date names, for a sentence
    // that gives no full date. Said in the draft; not carried to later sentences.
    let relative = if said.is_empty() {
        cx.published.and_then(|p| {
            let lower = sent.to_lowercase();
            relative::days(sent).into_iter().find_map(|d| {
                let on = relative::date_of(&d, &lower, p)?;
                Some((
                    d.at,
                    on,
                    format!("\"{}\": {on}, from the publication date {p}", d.words),
                ))
            })
        })
    } else {
        None
    };
    if let Some((at, d, how)) = &relative
        && found.is_empty()
    {
        let before = out.events.len();
        day_event(
            text,
            (s_start, s_end),
            mentions,
            (*at, *d),
            &[*at],
            &mut out,
        );
        if out.events.len() > before {
            out.notes.push(format!("date {how}"));
        }
        // "had a close shave today. … took off at 14:48 hours": the day named opens an
        // account whose times the next sentence may give.
        cx.account = Some((*d, jiff::civil::Time::midnight()));
        return out;
    }
    let lower = sent.to_ascii_lowercase();
    // The account the sentence before dated by a named day: it dates this sentence's times
    // only when none is earlier than its last and no full date has been read since.
    let account = cx
        .account
        .take()
        .filter(|(_, t)| cx.last.is_none() && found.iter().all(|c| c.time >= *t));
    let mut continued: Option<(jiff::civil::Date, jiff::civil::Time)> = None;
    for c in found {
        let own = said
            .iter()
            .rfind(|d| d.at <= c.start - s_start)
            .or(said.first());
        let dated = own.and_then(|d| Some((civil_date(d, cx.default_year())?, carried(d, cx))));
        let (date, carry) = match (dated, &relative) {
            (Some((d, carry)), _) => (Some(d), carry),
            (None, Some((_, d, how))) => {
                out.notes.push(format!("date {how}"));
                continued = Some((*d, continued.map_or(c.time, |(_, t)| t.max(c.time))));
                (Some(*d), false)
            }
            (None, None) => match account {
                Some((d, _)) => {
                    out.notes.push(format!(
                        "date of \"{}\": {d}, the day of the sentence before, whose account a later time continues",
                        &text[c.start..c.end]
                    ));
                    continued = Some((d, continued.map_or(c.time, |(_, t)| t.max(c.time))));
                    (Some(d), false)
                }
                None => (cx.last, true),
            },
        };
        let written = &text[c.start..c.end];
        let Some(date) = date else {
            out.notes.push(format!(
                "time \"{written}\": the article gives no date for it; add it as an event with its date"
            ));
            continue;
        };
        if carry {
            cx.last = Some(date);
        }
        let Some(place) = place_of(&c, mentions, recent) else {
            out.notes.push(format!(
                "time \"{written}\": no place it is said at; add it as an event at a waypoint"
            ));
            continue;
        };
        let (tz, zone_note) = match zone(&c.zone, mentions, &place) {
            Ok(z) => z,
            Err(why) => {
                out.notes.push(format!(
                    "time \"{written}\": {why}; add the event with its `tz`"
                ));
                continue;
            }
        };
        let verb = verb_near(&lower, c.start - s_start);
        let what = match verb {
            Some(v) => format!("{v} {}", place.name),
            None => format!("at {}", place.name),
        };
        let when = at(date, c.time);
        out.notes.push(format!(
            "time \"{written}\": event \"{what}\" at {when}, {zone_note}"
        ));
        out.events.push((
            Event {
                id: slug(&what),
                at: slug(&place.name),
                what,
                earliest: when,
                latest: when,
                tz,
                source: Some(format!("\"{}\"", collapse(written))),
                line: 0,
            },
            place,
        ));
    }
    cx.account = continued;
    out
}

/// English weekday names, Monday first.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether the word before date `d` in `sent` is the weekday that `d` falls on in `year`.
fn weekday_confirms(sent: &str, d: &super::times::DateSaid, year: Option<i16>) -> bool {
    let Some(on) = civil_date(d, year) else {
        return false;
    };
    let before = sent[..d.at].trim_end().trim_end_matches(',').trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let day = on.weekday().to_monday_zero_offset();
    WEEKDAYS.get(usize::try_from(day).unwrap_or(7)) == Some(&word.as_str())
}

/// Verbs of travel in the other languages read, as stems ("отправится", "fuhr", "salió").
const VERBS_ELSEWHERE: &[&str] = &[
    "fährt",
    "fuhr",
    "abfahrt",
    "ankunft",
    "sale ",
    "salió",
    "partió",
    "llegó",
    "llega ",
    "partiu",
    "chegou",
    "chega ",
    "wyjedzie",
    "odjedzie",
    "wyrusz",
    "przyjedzie",
    "отправ",
    "прибы",
    "прибуд",
    "відправ",
    "прибу",
];

/// "left Napier on July 5", "Первый поезд из Пхеньяна отправится 17 июня": a date beside a
/// travel verb, with the place the verb names, is an event that day (the whole day: the
/// article gives no time). `date` is the date and its offset in the sentence; `dates` are the
/// offsets of every date the sentence gives: a verb nearer another of them is that date's
/// ("leaves Pyongyang on June 17, and on June 23 stops at Novosibirsk").
fn day_event(
    text: &str,
    (s_start, s_end): (usize, usize),
    mentions: &[Mention],
    (date_at, date): (usize, jiff::civil::Date),
    dates: &[usize],
    out: &mut Timed,
) {
    let sent = &text[s_start..s_end];
    let ascii = sent.to_ascii_lowercase();
    let mut verbs: Vec<(usize, usize, Option<&'static str>)> = verbs_in(&ascii)
        .into_iter()
        .map(|(i, n, what)| (i, n, Some(what)))
        .collect();
    for v in VERBS_ELSEWHERE {
        for (i, _) in sent.match_indices(v) {
            verbs.push((i, v.len(), None));
        }
    }
    // The verb nearest before the date, within a clause's length of it ("left Pyongyang on
    // September 10 and reached Vladivostok" dates the leaving); failing that, the nearest after.
    let near = |(i, _, _): &&(usize, usize, Option<&'static str>)| i.abs_diff(date_at) <= 80;
    let before = verbs
        .iter()
        .filter(near)
        .filter(|(i, _, _)| *i < date_at)
        .max_by_key(|(i, _, _)| *i);
    let after = || {
        verbs
            .iter()
            .filter(near)
            .filter(|(i, _, _)| *i >= date_at)
            .min_by_key(|(i, _, _)| *i)
    };
    let Some(&(vi, vlen, verb)) = before.or_else(after) else {
        return;
    };
    if dates.iter().any(|&o| vi.abs_diff(o) < vi.abs_diff(date_at)) {
        return;
    }
    // The town the verb names: the first within a few words after it ("left Napier",
    // "из Пхеньяна отправится" has it before: then the last before it).
    let after = s_start + vi + vlen;
    let towns = || {
        mentions
            .iter()
            .filter(|m| m.place.as_ref().is_some_and(|p| town(p)))
    };
    let Some(place) = towns()
        .find(|m| m.start >= after && m.start - after <= 48)
        .or_else(|| towns().rfind(|m| m.end <= s_start + vi && s_start + vi - m.end <= 48))
        .and_then(|m| m.place.clone())
    else {
        return;
    };
    let what = match verb {
        Some(v) => format!("{v} {}", place.name),
        None => format!("at {}", place.name),
    };
    let earliest = date.to_datetime(jiff::civil::Time::midnight());
    let latest = date.to_datetime(jiff::civil::Time::constant(23, 59, 59, 0));
    out.notes.push(format!(
        "date {date}: event \"{what}\" that day (no time given: the whole day, local time at {})",
        place.name
    ));
    out.events.push((
        Event {
            id: slug(&what),
            at: slug(&place.name),
            what,
            earliest,
            latest,
            tz: None,
            source: Some(format!("\"{}\"", short(&collapse(sent)))),
            line: 0,
        },
        place,
    ));
}

/// At most 80 characters of a quote, with "…" when cut.
fn short(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn town(p: &Place) -> bool {
    !matches!(p.kind, PlaceKind::Other | PlaceKind::River)
}

/// The place a time is said at: the town or station named nearest before it in the
/// sentence, else the nearest after it, else the last one named before the sentence.
fn place_of(c: &Clock, mentions: &[Mention], recent: Option<&Arc<Place>>) -> Option<Arc<Place>> {
    let named = |m: &&Mention| m.place.as_ref().is_some_and(|p| town(p));
    let zone_word = |m: &&Mention| !(m.start >= c.start && m.end <= c.end);
    mentions
        .iter()
        .filter(named)
        .filter(zone_word)
        .rfind(|m| m.end <= c.start)
        .or_else(|| {
            mentions
                .iter()
                .filter(named)
                .filter(zone_word)
                .find(|m| m.start >= c.end)
        })
        .and_then(|m| m.place.clone())
        .or_else(|| recent.filter(|p| town(p)).cloned())
}

/// The event's `tz` (None: the place's own zone) and the words saying how it was read.
fn zone(
    said: &ZoneSaid,
    mentions: &[Mention],
    place: &Place,
) -> Result<(Option<String>, String), String> {
    let own = || {
        place
            .zone()
            .ok_or_else(|| format!("{} has no time zone in the data", place.name))
    };
    match said {
        ZoneSaid::Local => Ok((None, format!("local time at {} ({})", place.name, own()?))),
        ZoneSaid::Unsaid => Ok((
            None,
            format!(
                "no zone given: assumed the local time at {} ({})",
                place.name,
                own()?
            ),
        )),
        ZoneSaid::Zone(z, assumed) => {
            jiff::tz::TimeZone::get(z).map_err(|e| format!("zone {z}: {e}"))?;
            let how = if *assumed {
                format!("the abbreviation read as {z} (assumed: it has other meanings)")
            } else {
                format!("in {z}")
            };
            Ok((Some(z.to_string()), how))
        }
        ZoneSaid::Offset(h) => {
            // The tz database's fixed-offset zones are named with the sign reversed (POSIX):
            // UTC+3 is "Etc/GMT-3".
            let z = match h {
                0 => "Etc/UTC".to_string(),
                h => format!("Etc/GMT{:+}", -h),
            };
            jiff::tz::TimeZone::get(&z).map_err(|e| format!("zone {z}: {e}"))?;
            Ok((Some(z.clone()), format!("UTC{h:+} ({z})")))
        }
        ZoneSaid::Place(name) => {
            let p = mentions
                .iter()
                .find(|m| m.text == *name)
                .and_then(|m| m.place.clone())
                .ok_or_else(|| format!("\"{name} time\": {name} is no place the article names"))?;
            let z = p.zone().ok_or_else(|| {
                format!("\"{name} time\": {} has no time zone in the data", p.name)
            })?;
            Ok((Some(z.clone()), format!("{name} time ({z})")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::wire_article;
    use super::{VERBS, verbs_in};

    fn events(text: &str) -> Vec<String> {
        wire_article(text)
            .events
            .iter()
            .map(|e| e.earliest.to_string())
            .collect()
    }

    #[test]
    fn a_later_time_in_the_next_sentence_continues_todays_account() {
        assert_eq!(
            events(
                "Today, the train left Pyongyang at 8:00 am. It reached Vladivostok at 10:40 am."
            ),
            ["2023-09-12T08:00:00", "2023-09-12T10:40:00"]
        );
        // An earlier time is not that account's: it stays undated.
        assert_eq!(
            events(
                "Today, the train left Pyongyang at 8:00 am. It reached Vladivostok at 7:40 am."
            ),
            ["2023-09-12T08:00:00"]
        );
        // Nor is a time two sentences on.
        assert_eq!(
            events(
                "Today, the train left Pyongyang at 8:00 am. Officials cheered. It reached Vladivostok at 10:40 am."
            ),
            ["2023-09-12T08:00:00"]
        );
    }

    #[test]
    fn present_tense_and_spanish_travel_verbs_word_the_event() {
        let what = |text: &str| -> Vec<String> {
            wire_article(text)
                .events
                .iter()
                .map(|e| e.what.clone())
                .collect()
        };
        assert_eq!(
            what("Today the train leaves London at 8am and arrives in Edinburgh at 2:10pm."),
            ["leaves London", "arrives at Edinburgh"]
        );
        assert_eq!(
            what(
                "El 12 de septiembre de 2023, el tren salió de London a las 6.22 y llegó a Edinburgh a las 11.52."
            ),
            ["left London", "arrived at Edinburgh"]
        );
    }

    #[test]
    fn a_weekday_the_calendar_agrees_with_dates_the_times_after_it() {
        // 12 September 2023 is a Tuesday: the date is the article's, and dates the next time.
        assert_eq!(
            events(
                "Crowds waved. The train set off on Tuesday, September 12. It left Pyongyang at 7:45 am."
            ),
            ["2023-09-12T07:45:00"]
        );
        // A weekday the calendar does not agree with leaves the year unconfirmed.
        assert!(
            events("Crowds waved. The train set off on Monday, September 12. It left Pyongyang at 7:45 am.")
                .is_empty()
        );
    }

    #[test]
    fn a_day_named_without_a_time_dates_the_next_sentences_times() {
        assert_eq!(
            events(
                "The plane had a close shave today. It took off from Pyongyang at 14:48 hours. \
                 At 14:54 hours, the pilot called Vladivostok."
            ),
            ["2023-09-12T14:48:00", "2023-09-12T14:54:00"]
        );
        // A sentence between ends the account.
        assert!(
            events(
                "The plane had a close shave today. Officials spoke. It took off from Pyongyang at 14:48 hours."
            )
            .is_empty()
        );
        // So does a date of its own.
        assert!(
            events(
                "The plane had a close shave today. Service began on October 1. It took off from Pyongyang at 14:48 hours."
            )
            .is_empty()
        );
    }

    #[test]
    fn verbs_found_in_one_pass_are_the_verbs_found_one_by_one() {
        let one_by_one = |lower: &str| -> Vec<(usize, usize, &'static str)> {
            VERBS
                .iter()
                .flat_map(|(w, what)| {
                    lower
                        .match_indices(w)
                        .filter(|(i, _)| {
                            lower[..*i]
                                .chars()
                                .next_back()
                                .is_none_or(|c| !c.is_alphanumeric())
                                && lower[i + w.len()..]
                                    .chars()
                                    .next()
                                    .is_none_or(|c| !c.is_alphanumeric())
                        })
                        .map(|(i, _)| (i, w.len(), *what))
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        for t in [
            "the train left pyongyang, arrived at 6 and left again; leaves, leave, leaving",
            "it set off and set out, took off, then pulled into the station and pulled out",
            "el tren salió de madrid y llegó; chegou, chegada, chega, partiu",
            "cleft, bereft, arrivederci, departedness: no verbs here",
            "",
        ] {
            assert_eq!(verbs_in(t), one_by_one(t), "{t}");
        }
        // No verb's whole-word occurrence can start inside another occurrence of it (after a
        // space in it), so a search verb by verb, which skips what overlaps a match, and one
        // over all of them find the same whole words.
        for (w, _) in VERBS {
            for k in 1..w.len() {
                if w.is_char_boundary(k) && w.starts_with(&w[k..]) {
                    assert!(
                        !w[..k].ends_with(|c: char| !c.is_alphanumeric()),
                        "{w} can overlap itself at a word's start"
                    );
                }
            }
        }
    }
}
