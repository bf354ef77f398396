//! Idioms of time in a sentence ("one hour ahead of", "the previous day", "overnight", "the
//! first trip abroad in four years") and figures that cannot be read as they stand ("1.200
//! km", "-5 km"): claims where the sentence holds all they need, notes otherwise.

use super::classify::{Yield, slug};
use super::places::Mention;
use super::scan::Found;
use crate::gazetteer::Place;
use crate::story::{ClaimKind, ZoneOffset};
use crate::units::Dimension;
use std::sync::Arc;

/// Adds the sentence's time idioms to `y` (its unreadable figures are [`super::scan::unreadable`]'s).
pub fn sentence(
    text: &str,
    (s_start, s_end): (usize, usize),
    found: &[Found],
    mentions: &[Mention],
    recent: Option<&Arc<Place>>,
    y: &mut Yield,
) {
    let sent = &text[s_start..s_end];
    let lower = sent.to_ascii_lowercase();
    zone_offsets(text, s_start, found, mentions, recent, y);
    for (phrase, when) in [
        ("the previous day", "the previous day"),
        ("the day before", "the previous day"),
        ("overnight", "overnight"),
        ("the same day", "the same day"),
    ] {
        if lower.contains(phrase) {
            y.notes.push(format!(
                "\"{phrase}\": add the two events it joins and a timeline claim with when = \"{when}\""
            ));
        }
    }
    intervals(sent, &lower, y);
}

/// The few words after byte `at` (up to 48 bytes): enough for "ahead of" or "behind", and
/// never the rest of the text (lower-casing that for every duration made extraction
/// quadratic in the article's length).
fn head(text: &str, at: usize) -> &str {
    let mut end = (at + 48).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// Whether the duration `f` is a zone offset ("one hour ahead of", "an hour behind").
pub fn is_zone_offset(text: &str, f: &Found) -> bool {
    let after = head(text, f.end).trim_start().to_ascii_lowercase();
    f.quantity.dimension() == Dimension::Duration
        && (after.starts_with("ahead of") || after.starts_with("behind"))
}

/// "Vladivostok is one hour ahead of Pyongyang": a duration right before "ahead of" or
/// "behind", the place after it, and the place the sentence says it of.
fn zone_offsets(
    text: &str,
    s_start: usize,
    found: &[Found],
    mentions: &[Mention],
    recent: Option<&Arc<Place>>,
    y: &mut Yield,
) {
    for f in found.iter().filter(|f| is_zone_offset(text, f)) {
        let after = head(text, f.end).to_ascii_lowercase();
        let Some(way) = ["ahead of", "behind"]
            .into_iter()
            .find(|w| after.trim_start().starts_with(w))
        else {
            continue;
        };
        let way_end = f.end + (after.len() - after.trim_start().len()) + way.len();
        let resolved = |m: &&Mention| m.place.is_some();
        let Some(of) = mentions
            .iter()
            .filter(resolved)
            .find(|m| m.start >= way_end && text[way_end..m.start].trim().len() <= 4)
            .and_then(|m| m.place.clone())
        else {
            continue;
        };
        let subject = mentions
            .iter()
            .filter(resolved)
            .rev()
            .filter(|m| m.end <= f.start && m.start >= s_start)
            .filter_map(|m| m.place.clone())
            .find(|p| p.name != of.name)
            .or_else(|| recent.filter(|p| p.name != of.name).cloned());
        let Some(subject) = subject else {
            y.notes.push(format!(
                "\"{} {way} {}\": no place it is said of",
                &text[f.start..f.end],
                of.name
            ));
            continue;
        };
        let written = format!("{} {}", &text[f.start..f.end], way.trim_end_matches(" of"));
        let Ok(offset) = ZoneOffset::parse(&written) else {
            continue;
        };
        y.claims.push((
            ClaimKind::TimeZone {
                place: slug(&subject.name),
                of: slug(&of.name),
                offset,
                date: None,
            },
            None,
        ));
        y.places.extend([subject, of]);
    }
}

/// "in nearly 4 1/2 years", "the first trip abroad in four years": an interval needs its
/// dates; the note gives the value to write, idiom included.
fn intervals(sent: &str, lower: &str, y: &mut Yield) {
    for (i, _) in lower.match_indices(" years") {
        let head = &lower[..i];
        let Some(st) = head.rfind(" in ").map(|k| k + 4) else {
            continue;
        };
        if i - st >= 24 {
            continue;
        }
        // "the first … in four years": the idiom says at least that long.
        let first = head[..st]
            .rfind("first ")
            .filter(|&k| st - k < 48 && !head[k..st].contains(['.', ';']));
        let value = match first {
            Some(k) => &sent[k..i + 6],
            None => &sent[st..i + 6],
        };
        y.notes.push(format!(
            "interval \"{value}\": add `since` and `until` dates to check it as kind = \"interval\" with value = \"{value}\""
        ));
    }
}
