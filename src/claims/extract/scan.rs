//! Sentences and quantities in plain text.

use super::foreign;
use super::language::Language;
use crate::story::Hedge;
use crate::units::{Error, Quantity, scan_quantity};

/// A sentence: its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the sentence's first character.
    pub start: usize,
    /// Byte offset just past the sentence's end.
    pub end: usize,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "col",
    "lt",
    "sgt",
    "adm",
    "gov",
    "sen",
    "rep",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "no",
    "vs",
    "approx",
    "etc",
    "inc",
    "corp",
    "co",
    "jr",
    "sr",
    "u.s",
    "u.n",
    "u.k",
    "e.g",
    "i.e",
    "km",
    "mi",
    // "about" and units shortened in the other languages read: Polish "ok. 6,5 godziny",
    // German "ca. 300 km", "rd. 40 Minuten", French "env. 30 km", Russian "прибл. 5 часов".
    "ok",
    "ca",
    "rd",
    "env",
    "ungef",
    "godz",
    "tys",
    "прибл",
    "тыс",
];

/// Splits text into sentences: at ". ", "! ", "? " (and closing quotes after them) before a
/// capital, a digit or a quote, and at blank lines or line ends; not after abbreviations or
/// initials ("Sept. 12", "U.S. officials").
pub fn sentences(text: &str) -> Vec<Sentence> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let end_here = match c {
            b'\n' => true,
            b'.' | b'!' | b'?' => {
                let mut j = i + 1;
                // Closing quotes or brackets after the stop belong to the sentence.
                while j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
                    j += 1;
                }
                let rest = &text[j..];
                let closing = rest.starts_with('\u{201d}') || rest.starts_with('\u{2019}');
                let j = if closing { j + 3 } else { j };
                let rest = &text[j.min(text.len())..];
                let spaced = rest.starts_with([' ', '\n', '\t']) || rest.is_empty();
                let next = rest.trim_start().chars().next();
                let next_ok = next.is_none_or(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || "\"\u{201c}'(".contains(n)
                });
                if spaced
                    && next_ok
                    && (c != b'.'
                        || !(abbreviation(&text[start..i])
                            || zone_after_meridiem(&text[start..i], rest)))
                {
                    i = j.min(text.len()) - 1;
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if end_here {
            push(text, &mut out, start, i + 1);
            start = i + 1;
        }
        i += 1;
    }
    push(text, &mut out, start, text.len());
    out
}

fn push(text: &str, out: &mut Vec<Sentence>, start: usize, end: usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if s.trim().is_empty() {
        return;
    }
    out.push(Sentence {
        start: start + lead,
        end: end - trail,
    });
}

/// "10 a.m. Moscow time", "9 p.m. GMT": the zone after "a.m."/"p.m." belongs to the time,
/// so the stop does not end the sentence.
fn zone_after_meridiem(before: &str, rest: &str) -> bool {
    let b = before.to_ascii_lowercase();
    if !(b.ends_with("a.m") || b.ends_with("p.m")) {
        return false;
    }
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or("");
    let first = first.trim_end_matches([',', '.', ')', ';']);
    let abbreviation = (2..=5).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_uppercase())
        && first != "I";
    let time_word = |w: Option<&str>| {
        w.is_some_and(|w| {
            w.trim_end_matches([',', '.', ')', ';'])
                .eq_ignore_ascii_case("time")
        })
    };
    let second = words.next();
    abbreviation || time_word(second) || time_word(words.next())
}

fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let w = word.to_ascii_lowercase();
    // Initials: "J." or "U.S".
    (w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic()))
        || ABBREVIATIONS.contains(&w.as_str())
}

/// A quantity found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range of the quantity (number, unit and any conversion) in the text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// The hedge word before the figure, which sets the tolerance.
    pub hedge: Hedge,
    /// The hedge's words as written ("top speed of just"), empty for a plain figure.
    pub hedge_words: String,
    /// The figure as parsed.
    pub quantity: Quantity,
    /// The figure in English ("6.5 hours") when the article wrote it in another language
    /// ("6,5 godziny"): what the draft story's claim carries. `None` for English text.
    pub english: Option<String>,
}

/// Words that can start a written number ("an hour", "two and a half days").
fn number_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "fifteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "half"
            | "dozen"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "several"
    )
}

/// Whether the word at `i` can start a written number worth parsing: a number word, and for
/// "a"/"an" only when a unit could follow ("an hour", "a 3,000-mile drive", not "a man").
fn written_number_start(b: &[u8], i: usize) -> bool {
    let w_end = b[i..]
        .iter()
        .position(|x| !x.is_ascii_alphabetic())
        .map_or(b.len(), |n| i + n);
    let len = w_end - i;
    if len > 8 {
        return false;
    }
    let mut buf = [0u8; 8];
    for (k, x) in b[i..w_end].iter().enumerate() {
        buf[k] = x.to_ascii_lowercase();
    }
    let Ok(w) = std::str::from_utf8(&buf[..len]) else {
        return false;
    };
    if !number_word(w) {
        return false;
    }
    if w == "a" || w == "an" {
        let next = b[w_end..]
            .iter()
            .find(|x| !matches!(x, b' ' | b'-'))
            .map(u8::to_ascii_lowercase);
        return next.is_some_and(|n| n.is_ascii_digit() || b"kmhdwsfnqt".contains(&n));
    }
    true
}

/// The longest a quantity can be, in bytes ("two and a half kilometres per hour (…)").
const WINDOW: usize = 96;

/// The notes on a sentence's figures that cannot be read: "1.200 km" (two readings) and
/// "-5 km" (negative) are said, never read one way silently, and a zero has nothing to check
/// against. In a language that groups thousands with a dot, "1.200 km" has one reading,
/// already taken.
pub fn unreadable(lang: Language, sent: &str) -> Vec<String> {
    let mut notes = Vec::new();
    let b = sent.as_bytes();
    for (i, c) in sent.char_indices() {
        let starts_number = c.is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'.' | b',')));
        let minus = matches!(c, '-' | '\u{2212}')
            && (i == 0 || b[i - 1] == b' ')
            && sent[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit());
        if !(starts_number || minus) {
            continue;
        }
        let mut end = (i + 64).min(sent.len());
        while !sent.is_char_boundary(end) {
            end -= 1;
        }
        match scan_quantity(&sent[i..end]) {
            Err(Error::Ambiguous { .. }) if lang.dot_groups() => {}
            Err(e @ (Error::Ambiguous { .. } | Error::Negative { .. })) => {
                notes.push(e.to_string());
            }
            Ok((q, used)) if q.value.hi == 0.0 => notes.push(format!(
                "\"{}\" is zero: nothing to check it against",
                &sent[i..i + used]
            )),
            _ => {}
        }
    }
    notes
}

/// Every quantity in `text[range]` of an article in `lang`, with the hedge word before it:
/// [`quantities`] for English, else figures as that language writes them ([`foreign::scan`]).
pub fn quantities_in(lang: Language, text: &str, start: usize, end: usize) -> Vec<Found> {
    if lang == Language::English {
        return quantities(text, start, end);
    }
    tidy(
        lang,
        text,
        start,
        end,
        foreign_quantities(lang, text, start, end),
    )
}

fn foreign_quantities(lang: Language, text: &str, start: usize, end: usize) -> Vec<Found> {
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut skip_to = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let at_word_start = prev.is_none_or(|p| !(p.is_alphanumeric() || p == '.' || p == ','));
        prev = Some(c);
        if i < skip_to || !at_word_start || !c.is_alphanumeric() {
            continue;
        }
        let rest = &s[i..];
        // "Paris-Rennes en 1h25": railway timings are written the same way in every language;
        // "à 6h30", "um 6h30", "às 06h00", "pelas 8h44" is a clock time, and so is an hour
        // written with a leading zero ("06h00"): no one writes a trip's length that way.
        let word_before = s[..i].split_whitespace().next_back().unwrap_or("");
        let clock = [
            "à", "vers", "dès", "um", "gegen", "ab", "las", "o", "od", "do", "às", "pelas", "das",
            "até",
        ]
        .contains(&word_before.to_lowercase().as_str())
            || (rest.starts_with('0') && rest[1..].starts_with(|c: char| c.is_ascii_digit()));
        if let Some((q, used)) = glued_hours(rest).filter(|_| !clock) {
            out.push(Found {
                start: start + i,
                end: start + i + used,
                hedge: Hedge::Plain,
                hedge_words: String::new(),
                english: Some(foreign::written(&q.value)),
                quantity: q,
            });
            skip_to = i + used;
            continue;
        }
        if !foreign::may_start(lang, rest) {
            continue;
        }
        let Some(f) = foreign::scan(lang, rest) else {
            continue;
        };
        let back = floor_boundary(s, i.saturating_sub(40));
        let (hedge, words) = foreign::hedge_before(lang, &s[back..i]).unwrap_or_default();
        out.push(Found {
            start: start + i,
            end: start + i + f.used,
            hedge,
            hedge_words: words.to_string(),
            quantity: f.quantity,
            english: Some(f.english),
        });
        skip_to = i + f.used;
    }
    out
}

/// The char boundary at or after byte `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Every quantity in `text[range]` of an English article, with the hedge word before it.
pub fn quantities(text: &str, start: usize, end: usize) -> Vec<Found> {
    tidy(
        Language::English,
        text,
        start,
        end,
        english_quantities(text, start, end),
    )
}

/// The figures as found, then: clock times dropped ("1335 hrs", "14:48 hours" is no
/// duration), names dropped ("100 Mile House"), and the parts of one duration joined ("2 hours
/// 35 minutes", "two hours, three minutes and 39 seconds", "a two-hour, ten-minute trip").
fn tidy(lang: Language, text: &str, start: usize, end: usize, found: Vec<Found>) -> Vec<Found> {
    let clocks = super::times::clocks(text, start, end);
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        if clocks.iter().any(|c| f.start < c.end && c.start < f.end) || is_name(lang, text, &f) {
            continue;
        }
        if let Some(prev) = out.last_mut()
            && let Some(joined) = join(text, prev, &f).or_else(|| side_by_side(text, prev, &f))
        {
            *prev = joined;
            continue;
        }
        out.push(f);
    }
    out
}

/// "100 Mile House": in English, a capitalised unit word followed by a capitalised word is a
/// name (German capitalises every noun: "623 Kilometern Länge" is a figure).
fn is_name(lang: Language, text: &str, f: &Found) -> bool {
    if lang != Language::English {
        return false;
    }
    let written = &text[f.start..f.end];
    let unit = written.trim_start_matches(|c: char| !c.is_alphabetic());
    let next = text[f.end..].trim_start_matches(' ');
    f.quantity.conversion.is_none()
        && unit.starts_with(char::is_uppercase)
        && next.starts_with(char::is_uppercase)
        && text[f.end..].starts_with(' ')
}

/// `a` and `b` as one duration when `b` is in a smaller unit and only a comma, "and" or a
/// space stands between them ("2 hours 35 minutes").
fn join(text: &str, a: &Found, b: &Found) -> Option<Found> {
    use crate::units::{QuantityRange, Unit};
    let (Unit::Duration(big), Unit::Duration(small)) =
        (a.quantity.value.unit, b.quantity.value.unit)
    else {
        return None;
    };
    let gap = text.get(a.end..b.start)?;
    let joins = [
        "", " ", ", ", " and ", ", and ", " y ", " con ", " e ", " et ", " und ", " i ", " и ",
    ];
    if small.seconds() >= big.seconds()
        || !joins.contains(&gap)
        || a.quantity.value.is_range()
        || b.quantity.value.is_range()
        || a.quantity.conversion.is_some()
        || b.hedge != crate::story::Hedge::Plain && !gap.is_empty()
    {
        return None;
    }
    let k = big.seconds() / small.seconds();
    let v = a.quantity.value.lo * k + b.quantity.value.lo;
    let value = QuantityRange {
        lo: v,
        hi: v,
        unit: Unit::Duration(small),
    };
    let quantity = Quantity {
        value,
        conversion: b.quantity.conversion,
    };
    Some(spanning(a, b, quantity, foreign::written(&value)))
}

/// One figure written from the start of `a` to the end of `b`, with `a`'s hedge.
fn spanning(a: &Found, b: &Found, quantity: Quantity, english: String) -> Found {
    Found {
        start: a.start,
        end: b.end,
        hedge: a.hedge,
        hedge_words: a.hedge_words.clone(),
        quantity,
        english: Some(english),
    }
}

/// `a` with `b` as its conversion when the two stand side by side with no word between them
/// ("a 48.5 meter 159 foot long ferry"), in two units of one dimension, and are the same
/// figure (within 5 %): a conversion written without brackets.
fn side_by_side(text: &str, a: &Found, b: &Found) -> Option<Found> {
    let (x, y) = (&a.quantity.value, &b.quantity.value);
    let gap = text.get(a.end..b.start)?;
    if !matches!(gap, " " | " / " | " or ")
        || x.unit == y.unit
        || x.unit.dimension() != y.unit.dimension()
        || x.is_range()
        || y.is_range()
        || a.quantity.conversion.is_some()
        || b.quantity.conversion.is_some()
        || b.hedge != crate::story::Hedge::Plain
    {
        return None;
    }
    let (p, q) = (x.mid_si(), y.mid_si());
    if p <= 0.0 || (p - q).abs() > 0.05 * p {
        return None;
    }
    let quantity = Quantity {
        value: *x,
        conversion: Some(*y),
    };
    // As a bracketed conversion, so that the claim's figure reads as one.
    let english = format!(
        "{} ({})",
        a.english.as_deref().unwrap_or(&text[a.start..a.end]),
        b.english.as_deref().unwrap_or(&text[b.start..b.end])
    );
    Some(spanning(a, b, quantity, english))
}

/// "2hr48", "2h58": hours and minutes written as one word, as railway timings are.
fn glued_hours(t: &str) -> Option<(Quantity, usize)> {
    use crate::units::{QuantityRange, TimeUnit, Unit};
    let b = t.as_bytes();
    let h = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&h) {
        return None;
    }
    let sep = if t[h..].starts_with("hr") {
        2
    } else if t[h..].starts_with('h') {
        1
    } else {
        return None;
    };
    let m_at = h + sep;
    let m = b[m_at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let end = m_at + m;
    if m != 2 || b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let minutes: f64 = t[m_at..end].parse().ok()?;
    let hours: f64 = t[..h].parse().ok()?;
    if minutes >= 60.0 {
        return None;
    }
    let v = hours * 60.0 + minutes;
    Some((
        Quantity {
            value: QuantityRange {
                lo: v,
                hi: v,
                unit: Unit::Duration(TimeUnit::Minute),
            },
            conversion: None,
        },
        end,
    ))
}

/// A length with a conversion in parentheses followed by "per hour" ("320 kilometers (199
/// miles) per hour") as the speed it is, and the bytes "per hour" takes.
fn per_hour(q: Quantity, after: &str) -> Option<(Quantity, usize)> {
    use crate::units::{LengthUnit, QuantityRange, SpeedUnit, Unit};
    let speed = |r: QuantityRange| -> Option<QuantityRange> {
        let unit = match r.unit {
            Unit::Length(LengthUnit::Kilometre) => SpeedUnit::Kmh,
            Unit::Length(LengthUnit::Mile) => SpeedUnit::Mph,
            Unit::Length(LengthUnit::NauticalMile) => SpeedUnit::Knot,
            _ => return None,
        };
        Some(QuantityRange {
            unit: Unit::Speed(unit),
            ..r
        })
    };
    let conversion = q.conversion?;
    let words = [" per hour", " an hour", " a hour"];
    let used = words.iter().find(|w| after.starts_with(*w))?.len();
    Some((
        Quantity {
            value: speed(q.value)?,
            conversion: Some(speed(conversion)?),
        },
        used,
    ))
}

fn english_quantities(text: &str, start: usize, end: usize) -> Vec<Found> {
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let at_word_start = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.');
        let c = b[i];
        let candidate = at_word_start
            && (c.is_ascii_digit() || (c.is_ascii_alphabetic() && written_number_start(b, i)));
        if candidate {
            let mut wend = (i + WINDOW).min(b.len());
            while !s.is_char_boundary(wend) {
                wend -= 1;
            }
            let glued = glued_hours(&s[i..wend]);
            let english = glued.map(|(q, _)| foreign::written(&q.value));
            if let Some((q, used)) = glued.or_else(|| scan_quantity(&s[i..wend]).ok()) {
                // "320 kilometers (199 miles) per hour": a length and its conversion, then
                // "per hour", is a speed and its conversion.
                let (q, used, english) = match per_hour(q, &s[i + used..]) {
                    Some((speed, more)) => {
                        let conv = speed
                            .conversion
                            .map(|c| format!(" ({})", foreign::written(&c)));
                        let text = format!(
                            "{}{}",
                            foreign::written(&speed.value),
                            conv.unwrap_or_default()
                        );
                        (speed, used + more, Some(text))
                    }
                    None => (q, used, english),
                };
                let back = i.saturating_sub(40);
                let mut back_b = back;
                while !s.is_char_boundary(back_b) {
                    back_b += 1;
                }
                out.push(Found {
                    start: start + i,
                    end: start + i + used,
                    hedge: Hedge::preceding(&s[back_b..i]),
                    hedge_words: Hedge::preceding_phrase(&s[back_b..i])
                        .map(|(_, w)| w.to_string())
                        .unwrap_or_default(),
                    quantity: q,
                    english,
                });
                i += used.max(1);
                continue;
            }
        }
        // Skip the rest of a word or number.
        if c.is_ascii_alphanumeric() {
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b',' && i + 1 < b.len() && b[i + 1].is_ascii_digit())
            {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::{Dimension, LengthUnit, Unit};

    fn texts(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let t = "SEOUL, Sept. 12 (UPI) -- Kim left. U.S. officials said \"yes.\" Then 4.5 km later? Yes!\n\nNew para";
        let s = texts(t);
        assert_eq!(s[0], "SEOUL, Sept. 12 (UPI) -- Kim left.");
        assert_eq!(s[1], "U.S. officials said \"yes.\"");
        assert_eq!(s[2], "Then 4.5 km later?");
        assert_eq!(s[3], "Yes!");
        assert_eq!(s[4], "New para");
        // A zone after "a.m." stays with its time; a new sentence after it does not.
        let t = "It arrived at 10 a.m. Moscow time on Tuesday. It left at 9 p.m. GMT. It left at 6 p.m. The next day it rained.";
        let s = texts(t);
        assert_eq!(s[0], "It arrived at 10 a.m. Moscow time on Tuesday.");
        assert_eq!(s[1], "It left at 9 p.m. GMT.");
        assert_eq!(s[2], "It left at 6 p.m.");
    }

    fn found(t: &str) -> Vec<(String, Hedge, Dimension)> {
        quantities(t, 0, t.len())
            .into_iter()
            .map(|f| {
                (
                    t[f.start..f.end].to_string(),
                    f.hedge,
                    f.quantity.dimension(),
                )
            })
            .collect()
    }

    #[test]
    fn finds_quantities_with_their_hedges() {
        let f = found("The ferry covers some 55 km in two and a half hours, at up to 25 knots.");
        assert_eq!(f[0], ("55 km".into(), Hedge::About, Dimension::Length));
        assert_eq!(
            f[1],
            (
                "two and a half hours".into(),
                Hedge::Plain,
                Dimension::Duration
            )
        );
        assert_eq!(f[2], ("25 knots".into(), Hedge::AtMost, Dimension::Speed));
        let f = found("a 1,200 kilometre (745 miles) journey at around 60 kilometres per hour");
        assert_eq!(f[0].0, "1,200 kilometre (745 miles)");
        assert_eq!(
            f[1],
            (
                "60 kilometres per hour".into(),
                Hedge::About,
                Dimension::Speed
            )
        );
        let f = found("It flew for about an hour in 2023, with 30% more fuel and a man.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0], ("an hour".into(), Hedge::About, Dimension::Duration));
        let q = quantities("a 3,000-mile drive", 0, 18);
        assert_eq!(q[0].quantity.value.unit, Unit::Length(LengthUnit::Mile));
        assert!(found("September 10, 2023 at 10 a.m.").is_empty());
    }

    #[test]
    fn one_duration_in_parts_is_one_figure() {
        let si = |t: &str| -> Vec<(String, f64)> {
            quantities(t, 0, t.len())
                .into_iter()
                .map(|f| {
                    let v = f.quantity.value;
                    (t[f.start..f.end].to_string(), v.lo * v.unit.si())
                })
                .collect()
        };
        assert_eq!(
            si("from the usual 2 hours 35 minutes to 2 hours 15 minutes"),
            vec![
                ("2 hours 35 minutes".to_string(), 9300.0),
                ("2 hours 15 minutes".to_string(), 8100.0)
            ]
        );
        assert_eq!(
            si("after a trip of two hours, three minutes and 39 seconds")[0],
            (
                "two hours, three minutes and 39 seconds".to_string(),
                7419.0
            )
        );
        assert_eq!(si("in a two-hour, ten-minute trip")[0].1, 7800.0);
        assert_eq!(
            si("covered the journey in 2hr48, and 2h57 back")[0].1,
            10080.0
        );
        assert_eq!(
            si("covered the journey in 2hr48, and 2h57 back")[1].1,
            10620.0
        );
        // The figure a claim carries is written out.
        let f = quantities("It takes 2 hours 35 minutes.", 0, 28);
        assert_eq!(f[0].english.as_deref(), Some("155 minutes"));
        // Two figures, not one: "from 10 hours to 2 hours".
        assert_eq!(si("from the current 10 hours to 2 hours").len(), 2);
    }

    #[test]
    fn clock_times_and_names_are_no_figures() {
        assert!(found("The ferry struck a rock at about 1335 hrs (IST).").is_empty());
        assert!(found("It took off at 14:48 hours.").is_empty());
        assert!(found("They drove on to 100 Mile House that night.").is_empty());
        assert_eq!(found("They drove 100 miles that night.").len(), 1);
        let t = "Die Strecke ist mit 623 Kilometern Länge die längste.";
        assert_eq!(quantities_in(Language::German, t, 0, t.len()).len(), 1);
    }

    #[test]
    fn glued_hours_are_read_in_every_language() {
        let t = "Paris-Rennes en 1h25 au lieu de 2h04.";
        let f = quantities_in(Language::French, t, 0, t.len());
        let got: Vec<(&str, f64)> = f
            .iter()
            .map(|f| (&t[f.start..f.end], f.quantity.value.lo))
            .collect();
        assert_eq!(got, [("1h25", 85.0), ("2h04", 124.0)]);
        assert_eq!(f[0].english.as_deref(), Some("85 minutes"));
        let t = "Die Fahrt dauert 4h05.";
        assert_eq!(quantities_in(Language::German, t, 0, t.len()).len(), 1);
        // The same form after "à" or "um" is a clock time, not a duration.
        let t = "Le train part à 6h30 et arrive vers 8h15.";
        assert!(quantities_in(Language::French, t, 0, t.len()).is_empty());
    }

    #[test]
    fn an_hour_with_a_leading_zero_or_after_a_clock_word_is_a_clock_time() {
        let t = "O comboio das 06h00 chegava ao Porto pelas 8h44, em 2h44.";
        let got: Vec<&str> = foreign_quantities(Language::Portuguese, t, 0, t.len())
            .iter()
            .map(|f| &t[f.start..f.end])
            .collect();
        assert_eq!(got, ["2h44"]);
    }

    #[test]
    fn a_length_and_its_conversion_per_hour_is_a_speed() {
        let t = "It can reach a speed limit of 320 kilometers (199 miles) per hour.";
        let f = quantities(t, 0, t.len());
        assert_eq!(f.len(), 1);
        assert_eq!(
            &t[f[0].start..f[0].end],
            "320 kilometers (199 miles) per hour"
        );
        assert_eq!(f[0].quantity.dimension(), Dimension::Speed);
        assert_eq!(f[0].english.as_deref(), Some("320 km/h (199 mph)"));
    }

    #[test]
    fn an_abbreviated_about_ends_no_sentence() {
        let t = "Pociąg ma wyjeżdżać z Kijowa, a podróż do Przemyśla ma trwać ok. 6,5 godziny. Potem wraca.";
        assert_eq!(
            texts(t),
            [
                "Pociąg ma wyjeżdżać z Kijowa, a podróż do Przemyśla ma trwać ok. 6,5 godziny.",
                "Potem wraca."
            ]
        );
    }

    #[test]
    fn hours_and_minutes_joined_by_con_e_et_are_one_duration() {
        for (lang, t, minutes) in [
            (
                Language::Spanish,
                "sería de tres horas con 34 minutos",
                214.0,
            ),
            (
                Language::Portuguese,
                "vai demorar 2 horas e 50 minutos",
                170.0,
            ),
            (Language::French, "en deux heures et 15 minutes", 135.0),
        ] {
            let f = quantities_in(lang, t, 0, t.len());
            assert_eq!(f.len(), 1, "{t}");
            assert_eq!(f[0].quantity.value.lo, minutes, "{t}");
        }
    }

    #[test]
    fn the_same_length_in_two_units_side_by_side_is_a_conversion() {
        let t = "rescued from a 48.5 meter 159 foot long ferry.";
        let f = quantities_in(Language::English, t, 0, t.len());
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&t[f[0].start..f[0].end], "48.5 meter 159 foot");
        let c = f[0].quantity.conversion.expect("a conversion");
        assert!((c.lo - 159.0).abs() < 1e-9);
        assert_eq!(f[0].english.as_deref(), Some("48.5 meter (159 foot)"));
        // Two different figures side by side stay two ("a 40 km 100 mile relay").
        let t = "a 40 km 100 mile relay";
        assert_eq!(quantities_in(Language::English, t, 0, t.len()).len(), 2);
    }

    #[test]
    fn figures_that_cannot_be_read_are_said_once_each() {
        let t = "It runs 1.200 km, falls -5 km and climbs 0 km.";
        let notes = unreadable(Language::English, t);
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[0].contains("1.200"), "{notes:?}");
        assert!(notes[2].contains("is zero"), "{notes:?}");
        // A dot groups thousands in German: "1.200 km" has one reading, already taken.
        let notes = unreadable(Language::German, "Die Strecke ist 1.200 km lang.");
        assert!(notes.is_empty(), "{notes:?}");
        assert!(unreadable(Language::English, "No figures here.").is_empty());
    }
}
