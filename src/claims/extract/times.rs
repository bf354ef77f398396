//! Clock times and the zones they are given in ("arrived at 10 a.m. Moscow time", "left at
//! 18:00 local time", "about 1335 hrs (IST)", "9.44am UK time"), and the dates around them
//! ("on September 12, 2023", "12 September"), read into timeline events for the draft story.
//!
//! A time with no zone named is taken as the local time of the place it is said at, and the
//! event says so; a time with no date the article gives is left out, with a note.

use jiff::civil::{Date, DateTime, Time};

/// How the article gives a time's zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneSaid {
    /// "local time", "hora local": the zone of the place the event is at.
    Local,
    /// An abbreviation or a place's time ("GMT", "UK time"), resolved to an IANA zone. The
    /// flag is true when the abbreviation has several meanings and the common one is assumed
    /// ("IST": India, not Ireland or Israel).
    Zone(&'static str, bool),
    /// "UTC+3", "GMT-5": a fixed offset from UTC, in hours.
    Offset(i8),
    /// "<place> time" ("Moscow time"): the place's name as written; its zone is the place's.
    Place(String),
    /// Nothing said: the place's zone is assumed.
    Unsaid,
}

/// A clock time found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    /// Byte offset of the time in the text.
    pub start: usize,
    /// Byte offset just past the time and its zone words.
    pub end: usize,
    /// The time of day.
    pub time: Time,
    /// The zone the article gives it in.
    pub zone: ZoneSaid,
}

/// Zone abbreviations: the IANA zone each is read as, and whether that reading is assumed
/// (the abbreviation is used for more than one zone).
const ABBREVIATIONS: &[(&str, &str, bool)] = &[
    ("UTC", "Etc/UTC", false),
    ("GMT", "Etc/GMT", false),
    ("BST", "Europe/London", false),
    ("CET", "Europe/Paris", false),
    ("CEST", "Europe/Paris", false),
    ("EET", "Europe/Athens", false),
    ("EEST", "Europe/Athens", false),
    ("MSK", "Europe/Moscow", false),
    ("EST", "America/New_York", true),
    ("EDT", "America/New_York", false),
    ("CST", "America/Chicago", true),
    ("CDT", "America/Chicago", false),
    ("MST", "America/Denver", true),
    ("MDT", "America/Denver", false),
    ("PST", "America/Los_Angeles", true),
    ("PDT", "America/Los_Angeles", false),
    ("KST", "Asia/Seoul", false),
    ("JST", "Asia/Tokyo", false),
    ("IST", "Asia/Kolkata", true),
    ("HKT", "Asia/Hong_Kong", false),
    ("SGT", "Asia/Singapore", false),
    ("AEST", "Australia/Sydney", false),
    ("AEDT", "Australia/Sydney", false),
    ("AWST", "Australia/Perth", false),
    ("SAST", "Africa/Johannesburg", false),
    ("EAT", "Africa/Nairobi", false),
    ("WAT", "Africa/Lagos", false),
];

/// "<name> time" where the name is a country's adjective or short name, not a place a
/// gazetteer finds.
const COUNTRY_TIMES: &[(&str, &str)] = &[
    ("UK time", "Europe/London"),
    ("British time", "Europe/London"),
    ("French time", "Europe/Paris"),
    ("Japan time", "Asia/Tokyo"),
    ("Korean time", "Asia/Seoul"),
    ("China time", "Asia/Shanghai"),
    ("Chinese time", "Asia/Shanghai"),
];

/// Words saying the time is the place's own.
const LOCAL: &[&str] = &[
    "local time",
    "hora local",
    "horário local",
    "horario local",
    "heure locale",
    "ortszeit",
    "czasu lokalnego",
    "по местному времени",
    "за місцевим часом",
];

/// Characters of the text after a clock time that [`LOCAL`]'s longest phrase can use.
const LOCAL_HEAD_CHARS: usize = 24;

/// Words before a bare "8.45" or "16" that make it a clock time.
const AT: &[&str] = &[
    "at", "by", "around", "about", "until", "from", "a las", "las", "às", "das", "um", "à", "o",
    "в", "о",
];

/// The end of `before` in lower case, long enough for [`AT`]'s longest word and the character
/// before it: lower-casing maps each character on its own (to one or more characters), so the
/// words [`ends_with_word`] finds in it are those it would find in the whole text lower-cased,
/// without copying a long sentence for every figure in it.
fn word_before(before: &str) -> String {
    let t = before.trim_end();
    let from = t
        .char_indices()
        .rev()
        .nth(AT_TAIL_CHARS)
        .map_or(0, |(i, _)| i);
    t[from..].to_lowercase()
}

/// Characters of [`word_before`]'s tail: more than [`AT`]'s longest word ("around").
const AT_TAIL_CHARS: usize = 8;

/// `s` holds the lower-case ASCII word `w` in any case.
fn contains_ascii_ci(s: &str, w: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|i| {
        b[i..]
            .get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// `t` begins with the lower-case ASCII word `w`, in any case.
fn starts_with_ascii_ci(t: &str, w: &str) -> bool {
    t.as_bytes()
        .get(..w.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
}

/// The clock time at the start of `t`, with the bytes it used: "8:50 a.m.", "2pm", "1335
/// hrs", "9.44am", "6: 00 am", "16h", "18:00", "noon"; `before` is the text before it.
/// The flag is true for a weak reading ("at 8.45", "at 9"), which counts only with a zone
/// after it.
fn clock_at(t: &str, before: &str) -> Option<(Time, usize, bool)> {
    for (w, h) in [("noon", 12), ("midday", 12), ("midnight", 0)] {
        if starts_with_ascii_ci(t, w) {
            return Some((Time::new(h, 0, 0, 0).ok()?, w.len(), false));
        }
    }
    let b = t.as_bytes();
    let run = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let n = run(0);
    if n == 0 || n > 4 {
        return None;
    }
    let mut i = n;
    let (mut hour, mut minute): (i8, i8);
    let mut strong = false;
    if n <= 2 {
        hour = t[..n].parse().ok()?;
        minute = 0;
        // ":" or "." then two digits (", 00" after a space too: "6: 00 am").
        if let Some(sep) = b.get(i).copied().filter(|c| *c == b':' || *c == b'.') {
            let k = i + 1 + usize::from(b.get(i + 1) == Some(&b' '));
            if run(k) == 2 && b.get(k + 2).is_none_or(|c| !c.is_ascii_digit()) {
                minute = t[k..k + 2].parse().ok()?;
                i = k + 2;
                strong = sep == b':';
            }
        }
    } else if n == 4 {
        hour = t[..2].parse().ok()?;
        minute = t[2..4].parse().ok()?;
    } else {
        return None;
    }
    let rest = &t[i..];
    let spaced = rest.trim_start_matches(' ');
    let gap = rest.len() - spaced.len();
    let mut meridiem = None;
    for (w, pm) in [
        ("a.m.", false),
        ("p.m.", true),
        ("a.m", false),
        ("p.m", true),
        ("am", false),
        ("pm", true),
    ] {
        if starts_with_ascii_ci(spaced, w)
            && spaced[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            meridiem = Some(pm);
            i += gap + w.len();
            break;
        }
    }
    if meridiem.is_none() {
        for w in ["hrs", "hours", "h"] {
            if starts_with_ascii_ci(spaced, w)
                && spaced[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
                // "14:48 hours" and "1335 hrs" are times; "4 hours" is a duration.
                && (n == 4 || minute > 0 || strong || (w == "h" && gap == 0))
            {
                strong = true;
                i += gap + w.len();
                break;
            }
        }
    }
    let mut weak = false;
    match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            if pm && hour != 12 {
                hour += 12;
            } else if !pm && hour == 12 {
                hour = 0;
            }
        }
        None if n == 4 && !strong => return None,
        None if !strong && !AT.iter().any(|w| ends_with_word(&word_before(before), w)) => {
            return None;
        }
        // "at 8.45" reads as a time; "at 9" only with a zone after it.
        None => weak = !strong && (minute == 0 && i == n),
    }
    Some((Time::new(hour, minute, 0, 0).ok()?, i, weak))
}

fn ends_with_word(s: &str, w: &str) -> bool {
    s.ends_with(w)
        && s[..s.len() - w.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// The zone words after a clock time, with the bytes they use (from the start of `t`).
fn zone_after(t: &str) -> (ZoneSaid, usize) {
    let spaced = t.trim_start_matches([' ', ',', '(']);
    let skip = t.len() - spaced.len();
    // Only the head that [`LOCAL`]'s longest words could use, lower-cased (each character maps
    // on its own), not the rest of the sentence.
    let head_end = spaced
        .char_indices()
        .nth(LOCAL_HEAD_CHARS)
        .map_or(spaced.len(), |(i, _)| i);
    let lower = spaced[..head_end].to_lowercase();
    if let Some(w) = LOCAL.iter().find(|w| lower.starts_with(*w)) {
        return (ZoneSaid::Local, skip + w.len());
    }
    for (w, zone) in COUNTRY_TIMES {
        if spaced.starts_with(w) {
            return (ZoneSaid::Zone(zone, false), skip + w.len());
        }
    }
    // "UTC+3", "(GMT+8)", "UTC−5".
    for base in ["UTC", "GMT"] {
        if let Some(after) = spaced.strip_prefix(base) {
            let sign = match after.chars().next() {
                Some('+') => 1,
                Some('-' | '\u{2212}') => -1,
                _ => continue,
            };
            let sign_len = after.chars().next().map_or(0, char::len_utf8);
            let digits = after[sign_len..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            let Ok(h) = after[sign_len..sign_len + digits].parse::<i8>() else {
                continue;
            };
            if !(digits == 1 || digits == 2) || h > 14 {
                continue;
            }
            let used = skip + base.len() + sign_len + digits;
            let used = used + usize::from(t[used..].starts_with(')'));
            return (ZoneSaid::Offset(sign * h), used);
        }
    }
    for (abbr, zone, assumed) in ABBREVIATIONS {
        if spaced.starts_with(abbr)
            && spaced[abbr.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            let used = skip + abbr.len();
            let used = used + usize::from(t[used..].starts_with(')'));
            return (ZoneSaid::Zone(zone, *assumed), used);
        }
    }
    // "Moscow time", "Pyongyang time": one or two capitalised words, then "time".
    let words: Vec<&str> = spaced.splitn(4, ' ').collect();
    for k in 1..=2 {
        if words.len() > k
            && words[..k]
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && words[k]
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .eq_ignore_ascii_case("time")
        {
            let name = words[..k].join(" ");
            return (ZoneSaid::Place(name.clone()), skip + name.len() + 5);
        }
    }
    (ZoneSaid::Unsaid, 0)
}

/// Every clock time in `text[start..end]`.
pub fn clocks(text: &str, start: usize, end: usize) -> Vec<Clock> {
    let s = &text[start..end];
    let mut out = Vec::new();
    // A clock time is figures or one of the words for twelve o'clock: most sentences have
    // neither, and are let go in one pass.
    if !s.bytes().any(|b| b.is_ascii_digit())
        && !["noon", "midday", "midnight"]
            .iter()
            .any(|w| contains_ascii_ci(s, w))
    {
        return out;
    }
    let mut skip_to = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let word_start = prev.is_none_or(|p| !(p.is_alphanumeric() || p == '.' || p == ','));
        prev = Some(c);
        if i < skip_to || !word_start || !(c.is_ascii_digit() || matches!(c, 'n' | 'm' | 'N' | 'M'))
        {
            continue;
        }
        let Some((time, n, weak)) = clock_at(&s[i..], &s[..i]) else {
            continue;
        };
        let (zone, z) = zone_after(&s[i + n..]);
        if weak && zone == ZoneSaid::Unsaid {
            continue;
        }
        out.push(Clock {
            start: start + i,
            end: start + i + n + z,
            time,
            zone,
        });
        skip_to = i + n + z;
    }
    out
}

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// A date written in `s`: its year (if written), month and day, and its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSaid {
    /// Byte offset in the text searched.
    pub at: usize,
    /// The year, when written.
    pub year: Option<i16>,
    /// Month, 1–12.
    pub month: i8,
    /// Day of the month.
    pub day: i8,
}

/// Month names in the other languages read, as dates write them (German, Spanish and
/// Portuguese nominative; Polish, Russian and Ukrainian genitive: "23 grudnia", "17 июня").
const MONTHS_ELSEWHERE: [[&str; 12]; 6] = [
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
];

fn month_word(w: &str) -> Option<i8> {
    // Most words are not months: a figure, or longer than the longest month name.
    if !w.starts_with(char::is_alphabetic) || w.len() > LONGEST_MONTH + 2 {
        return None;
    }
    let w = w.trim_end_matches(['.', ',']);
    let names = month_names();
    let find = |l: &str| {
        names
            .binary_search_by(|(m, _)| (*m).cmp(l))
            .ok()
            .map(|i| names[i].1)
    };
    if w.is_ascii() {
        // Most words do not begin as any month name does: those are let go on their first
        // two letters, without a search.
        let pair = |i: usize| w.as_bytes().get(i).map(|b| b.to_ascii_lowercase());
        if let (Some(a @ b'a'..=b'z'), Some(b @ b'a'..=b'z')) = (pair(0), pair(1))
            && month_starts()[usize::from(a - b'a')] & (1 << (b - b'a')) == 0
        {
            return None;
        }
        // The month names are lower case: an ASCII word matches one regardless of case.
        let mut buf = [0u8; LONGEST_MONTH + 2];
        let l = &mut buf[..w.len()];
        l.copy_from_slice(w.as_bytes());
        l.make_ascii_lowercase();
        return std::str::from_utf8(l).ok().and_then(find);
    }
    find(&w.to_lowercase())
}

/// For each lower-case ASCII letter, the letters that follow it at the start of a name of
/// [`month_names`] (bit 0 for 'a').
fn month_starts() -> &'static [u32; 26] {
    static STARTS: std::sync::OnceLock<[u32; 26]> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let mut starts = [0; 26];
        for (m, _) in month_names() {
            if let [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] = m.as_bytes() {
                starts[usize::from(a - b'a')] |= 1 << (b - b'a');
            }
        }
        starts
    })
}

/// Every name of [`MONTHS`] and [`MONTHS_ELSEWHERE`] with its month, sorted by name for a
/// binary search; a name in more than one list keeps the month of the first (they agree).
fn month_names() -> &'static [(&'static str, i8)] {
    static NAMES: std::sync::OnceLock<Vec<(&'static str, i8)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let elsewhere = MONTHS_ELSEWHERE
            .iter()
            .flat_map(|names| names.iter().zip(1..).map(|(m, n)| (*m, n)));
        let mut all: Vec<(&'static str, i8)> = MONTHS.iter().copied().chain(elsewhere).collect();
        // A stable sort keeps each name's first month first; `dedup_by_key` keeps that one.
        all.sort_by_key(|(m, _)| *m);
        all.dedup_by_key(|(m, _)| *m);
        all
    })
}

/// The longest month name of [`MONTHS`] and [`MONTHS_ELSEWHERE`], in bytes.
const LONGEST_MONTH: usize = 22;

fn day_number(w: &str) -> Option<i8> {
    let d = w.trim_end_matches([',', '.']);
    let d = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| d.strip_suffix(s))
        .unwrap_or(d);
    d.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i16> {
    let y = w.trim_end_matches([',', '.', ')']);
    (y.len() == 4)
        .then(|| y.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

/// The dates and clock times one sentence gives, read from the text alone: a long article's
/// are read ahead, on another thread, while its places are read.
#[derive(Debug, Default)]
pub struct Said {
    /// Its dates ([`dates`]), offsets in the sentence.
    pub dates: Vec<DateSaid>,
    /// Its clock times ([`clocks`]), offsets in the whole text.
    pub clocks: Vec<Clock>,
}

impl Said {
    /// What sentence `text[start..end]` gives.
    pub fn in_sentence(text: &str, start: usize, end: usize) -> Said {
        Said {
            dates: dates(&text[start..end]),
            clocks: clocks(text, start, end),
        }
    }
}

/// Dates written in English in `s`: "September 12, 2023", "Sept. 12", "12 September 2023",
/// "24th March, 2018", "2023-09-12".
pub fn dates(s: &str) -> Vec<DateSaid> {
    let mut out = Vec::new();
    each_date(s, |d| {
        out.push(d);
        true
    });
    out
}

/// The year of the first date in `s` that writes one ("September 10, 2023"), reading only as
/// far as that date.
pub fn first_year(s: &str) -> Option<i16> {
    let mut year = None;
    each_date(s, |d| {
        year = d.year;
        year.is_none()
    });
    year
}

/// The words of a text as [`each_date`] reads them: runs of letters, digits, '.', ',' and '-',
/// each with its byte offset, read only as far as they are asked for.
struct DateWords<'a> {
    s: &'a str,
    chars: std::str::CharIndices<'a>,
    read: Vec<(usize, &'a str)>,
}

impl<'a> DateWords<'a> {
    fn new(s: &'a str) -> Self {
        DateWords {
            s,
            chars: s.char_indices(),
            read: Vec::new(),
        }
    }

    /// The `k`th word, reading on to it.
    fn get(&mut self, k: usize) -> Option<(usize, &'a str)> {
        while self.read.len() <= k {
            let word = self.next_word()?;
            self.read.push(word);
        }
        Some(self.read[k])
    }

    fn next_word(&mut self) -> Option<(usize, &'a str)> {
        let mut from = None;
        for (i, c) in self.chars.by_ref() {
            let part = c.is_alphanumeric() || matches!(c, '.' | ',' | '-');
            match (part, from) {
                (true, None) => from = Some(i),
                (false, Some(f)) => return Some((f, &self.s[f..i])),
                _ => {}
            }
        }
        from.map(|f| (f, &self.s[f..]))
    }
}

/// Calls `found` with each date of `s` in order (see [`dates`]) until it returns false.
fn each_date(s: &str, mut found: impl FnMut(DateSaid) -> bool) {
    // Every date has figures (a day, or the whole of "2023-09-12"): a text with none has none.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    let mut words = DateWords::new(s);
    let mut k = 0;
    while let Some((at, w)) = words.get(k) {
        let date = date_at(&mut words, k, at, w);
        k += 1;
        if let Some(d) = date
            && !found(d)
        {
            return;
        }
    }
}

/// The date that word `k` (`w`, at byte `at`) begins or names the month of, if any.
fn date_at(words: &mut DateWords<'_>, k: usize, at: usize, w: &str) -> Option<DateSaid> {
    // ISO: 2023-09-12.
    if w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('-') {
        let iso: Vec<&str> = w.trim_end_matches(['.', ',']).split('-').collect();
        if iso.len() == 3
            && let (Some(y), Ok(m), Ok(d)) = (year_number(iso[0]), iso[1].parse(), iso[2].parse())
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            return Some(DateSaid {
                at,
                year: Some(y),
                month: m,
                day: d,
            });
        }
    }
    let month = month_word(w)?;
    let mut next = |j: usize| words.get(k + j).map(|x| x.1);
    // "May" alone is a word too often: only with a day beside it.
    if let Some(day) = next(1).and_then(day_number) {
        return Some(DateSaid {
            at,
            year: next(2).and_then(year_number),
            month,
            day,
        });
    }
    let k_year = next(1)
        .filter(|w| matches!(*w, "de" | "del"))
        .map_or(1, |_| 2);
    let year = next(k_year).and_then(year_number);
    let before = |j: usize| words.read[j].1;
    let dk = (k > 0)
        .then(|| k - 1)
        .filter(|&j| day_number(before(j)).is_some())
        .or_else(|| {
            // "16 de julio", "28 de junho".
            (k > 1 && matches!(before(k - 1), "de" | "del"))
                .then(|| k - 2)
                .filter(|&j| day_number(before(j)).is_some())
        })?;
    Some(DateSaid {
        at: words.read[dk].0,
        year,
        month,
        day: day_number(before(dk))?,
    })
}

/// The date a written date stands for, the year taken from `year` when not written.
pub fn civil_date(d: &DateSaid, year: Option<i16>) -> Option<Date> {
    Date::new(d.year.or(year)?, d.month, d.day).ok()
}

/// A civil date-time.
pub fn at(date: Date, time: Time) -> DateTime {
    date.to_datetime(time)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(t: &str) -> Vec<(String, String, ZoneSaid)> {
        clocks(t, 0, t.len())
            .into_iter()
            .map(|c| (t[c.start..c.end].to_string(), c.time.to_string(), c.zone))
            .collect()
    }

    #[test]
    fn month_words_in_any_case_and_script() {
        assert_eq!(month_word("SEPT."), Some(9));
        assert_eq!(month_word("September,"), Some(9));
        assert_eq!(month_word("Septiembre"), Some(9));
        assert_eq!(month_word("MÄRZ"), Some(3));
        assert_eq!(month_word("ВЕРЕСНЯ"), Some(9));
        assert_eq!(month_word("1200"), None);
        assert_eq!(month_word("Mayday"), None);
    }

    #[test]
    fn no_month_name_is_longer_than_the_quick_check_allows() {
        let longest = (MONTHS.iter().map(|(m, _)| m.len()))
            .chain(
                MONTHS_ELSEWHERE
                    .iter()
                    .flat_map(|ms| ms.iter().map(|m| m.len())),
            )
            .max();
        assert!(longest.is_some_and(|n| n <= LONGEST_MONTH), "{longest:?}");
    }

    #[test]
    fn clock_times_as_articles_write_them() {
        let r = read("The train arrived at 10 a.m. Moscow time and left at 18:00 local time.");
        assert_eq!(r[0].0, "10 a.m. Moscow time");
        assert_eq!(r[0].1, "10:00:00");
        assert_eq!(r[0].2, ZoneSaid::Place("Moscow".into()));
        assert_eq!(
            r[1],
            (
                "18:00 local time".into(),
                "18:00:00".into(),
                ZoneSaid::Local
            )
        );
        let r = read("It struck the rock at about 1335 hrs (IST) and sank.");
        assert_eq!(r[0].1, "13:35:00");
        assert_eq!(r[0].2, ZoneSaid::Zone("Asia/Kolkata", true));
        let r = read("It left Gare du Nord at 9.44am UK time.");
        assert_eq!(r[0].1, "09:44:00");
        assert_eq!(r[0].2, ZoneSaid::Zone("Europe/London", false));
        let r = read("The caravan resumed its journey at 6: 00 am, arriving at 2pm.");
        assert_eq!((r[0].1.as_str(), r[1].1.as_str()), ("06:00:00", "14:00:00"));
        assert_eq!(r[0].2, ZoneSaid::Unsaid);
        assert_eq!(read("It took off at 14:48 hours.")[0].1, "14:48:00");
        assert_eq!(
            read("They left at noon GMT.")[0].2,
            ZoneSaid::Zone("Etc/GMT", false)
        );
        assert_eq!(read("12 p.m.")[0].1, "12:00:00");
        assert_eq!(read("12 a.m.")[0].1, "00:00:00");
        assert_eq!(read("había partido a las 8.45")[0].1, "08:45:00");
        assert_eq!(read("at 9 GMT")[0].2, ZoneSaid::Zone("Etc/GMT", false));
        let r = read("leaving Moscow at 23:45 (UTC+3) and arriving at 05:49 (UTC+8).");
        assert_eq!(r[0].0, "23:45 (UTC+3)");
        assert_eq!(
            (r[0].2.clone(), r[1].2.clone()),
            (ZoneSaid::Offset(3), ZoneSaid::Offset(8))
        );
    }

    #[test]
    fn figures_that_are_not_clock_times() {
        for t in [
            "The trip takes 4.5 hours over 1200 km.",
            "a 2:1 majority",
            "In 2023 the line carried 1335 people.",
            "It covers 14 km in 4 hours.",
            "13 p.m. is no time",
            "The line grew by 12 to 19 stations at 9 in the morning.",
        ] {
            assert!(read(t).is_empty(), "{t}: {:?}", read(t));
        }
    }

    #[test]
    fn dates_in_the_sentence() {
        let d = dates("The train left on September 12, 2023 and on Sept. 14 came back.");
        assert_eq!((d[0].year, d[0].month, d[0].day), (Some(2023), 9, 12));
        assert_eq!((d[1].year, d[1].month, d[1].day), (None, 9, 14));
        let d = dates("has taken off today (24th March, 2018) from Perth");
        assert_eq!((d[0].year, d[0].month, d[0].day), (Some(2018), 3, 24));
        let d = dates("Published 2020-12-07.");
        assert_eq!((d[0].year, d[0].month, d[0].day), (Some(2020), 12, 7));
        assert!(dates("They may go in May.").is_empty());
        for (t, y, m, d) in [
            ("ab dem 10. Dezember", None, 12, 10),
            ("codziennie od 23 grudnia 2016 roku", Some(2016), 12, 23),
            ("з 23 грудня 2016 року", Some(2016), 12, 23),
            ("отправится 17 июня", None, 6, 17),
            ("el 16 de julio de 2017", Some(2017), 7, 16),
        ] {
            let d0 = dates(t)[0];
            assert_eq!((d0.year, d0.month, d0.day), (y, m, d), "{t}");
        }
        assert_eq!(
            civil_date(&dates("on July 5")[0], Some(1939))
                .unwrap()
                .to_string(),
            "1939-07-05"
        );
    }

    #[test]
    fn month_names_agree_wherever_a_name_is_listed_twice() {
        let elsewhere = MONTHS_ELSEWHERE
            .iter()
            .flat_map(|names| names.iter().zip(1..).map(|(m, n)| (*m, n)));
        for (m, n) in MONTHS.iter().copied().chain(elsewhere) {
            assert_eq!(month_word(m), Some(n), "{m}");
            assert!(m.len() <= LONGEST_MONTH, "{m}");
        }
        assert_eq!(month_word("SEPT."), Some(9));
        assert_eq!(month_word("Сентября"), Some(9));
        assert_eq!(month_word("Septembre"), month_word("septembre"));
        assert_eq!(month_word("Mayor"), None);
    }

    #[test]
    fn the_windows_read_round_a_clock_time_hold_their_longest_words() {
        let chars = |w: &&str| w.chars().count();
        assert!(AT.iter().map(chars).max().unwrap() < AT_TAIL_CHARS);
        assert!(LOCAL.iter().map(chars).max().unwrap() <= LOCAL_HEAD_CHARS);
        // A clock time far into a long sentence reads as in a short one.
        let long = format!("{} It left at 9.30 local time.", "word ".repeat(2000));
        let short = "It left at 9.30 local time.";
        let times = |t: &str| {
            clocks(t, 0, t.len())
                .into_iter()
                .map(|c| (c.time, c.zone))
                .collect::<Vec<_>>()
        };
        assert_eq!(times(&long), times(short));
        assert_eq!(times(short).len(), 1);
    }

    #[test]
    fn the_first_year_is_read_only_as_far_as_its_date() {
        let t = "On Sept. 12 it left. On September 14, 2023 it came back; 2 March 2019 was another trip.";
        assert_eq!(first_year(t), Some(2023));
        assert_eq!(dates(t).iter().find_map(|d| d.year), first_year(t));
        assert_eq!(first_year("No dates here."), None);
    }

    #[test]
    fn a_sentence_without_figures_has_only_the_twelve_oclock_words() {
        for t in [
            "They left at NOON local time.",
            "At Midnight they left.",
            "by midday",
        ] {
            assert_eq!(clocks(t, 0, t.len()).len(), 1, "{t}");
        }
        let t = "They left in the afternoon, not at night.";
        assert!(clocks(t, 0, t.len()).is_empty());
        assert!(dates("On the twelfth of September they left.").is_empty());
    }
}
