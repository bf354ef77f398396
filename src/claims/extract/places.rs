//! Candidate place names in text (runs of capitalised words), resolved through the gazetteer.

use std::collections::HashMap;

use crate::gazetteer::{Gazetteer, Place, Query};

/// A place named in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range of the name in the text.
    pub start: usize,
    /// Byte offset just past the name's end.
    pub end: usize,
    /// The words as written ("Razdolnaya River").
    pub text: String,
    /// The gazetteer place, when the name resolved.
    pub place: Option<Place>,
}

/// Capitalised words that are not places on their own.
const STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "And",
    "But",
    "Or",
    "If",
    "As",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Then",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Earlier",
    "Later",
    "Meanwhile",
    "Still",
    "Also",
    "According",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Sept",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Leader",
    "Minister",
    "Photo",
    "By",
    "From",
    "To",
    "For",
    "With",
    "No",
    "Yes",
    "Kim",
    "Putin",
];

/// Words allowed inside a name between capitalised words ("Bay of Bengal", "Rostov-on-Don").
const JOINERS: &[&str] = &["of", "on", "de", "del", "la", "upon", "am", "–", "-"];

/// Runs of capitalised words, each as (start, end) byte offsets; possessive "'s" dropped.
fn runs(text: &str, start: usize, end: usize) -> Vec<Vec<(usize, usize)>> {
    let s = &text[start..end];
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut runs = Vec::new();
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c.is_alphabetic() {
            let mut j = i;
            for (k, ch) in s[i..].char_indices() {
                if ch.is_alphanumeric() || ch == '\'' || ch == '’' || (ch == '-' && k > 0) {
                    j = i + k + ch.len_utf8();
                } else {
                    break;
                }
            }
            let mut w = &s[i..j];
            for suffix in ["'s", "’s", "'", "’"] {
                if let Some(x) = w.strip_suffix(suffix) {
                    w = x;
                }
            }
            let we = i + w.len();
            let capital = c.is_uppercase();
            if capital && !STOP.contains(&w) {
                words.push((start + i, start + we));
            } else if !JOINERS.contains(&w) || words.is_empty() {
                if !words.is_empty() {
                    runs.push(std::mem::take(&mut words));
                }
            } else {
                // A joiner: keep it only if a capitalised word follows.
                let rest = s[j..].trim_start();
                if !rest.starts_with(|n: char| n.is_uppercase()) && !words.is_empty() {
                    runs.push(std::mem::take(&mut words));
                }
            }
            // A possessive or punctuation ends a run.
            let ends = w.len() != j - i || bytes.get(j).is_some_and(|b| b",;:()\"".contains(b));
            if ends && !words.is_empty() {
                runs.push(std::mem::take(&mut words));
            }
            i = j.max(i + c.len_utf8());
        } else {
            if !(c == ' ' || c == '–' || c == '-' || words.is_empty()) {
                runs.push(std::mem::take(&mut words));
            }
            i += c.len_utf8();
        }
    }
    if !words.is_empty() {
        runs.push(words);
    }
    runs
}

/// Resolves names with a cache (articles repeat names).
pub struct Resolver<'g> {
    gaz: &'g Gazetteer,
    cache: HashMap<String, Option<Place>>,
}

impl<'g> Resolver<'g> {
    /// A resolver looking names up in `gaz`, with an empty cache.
    pub fn new(gaz: &'g Gazetteer) -> Self {
        Resolver {
            gaz,
            cache: HashMap::new(),
        }
    }

    fn resolve(&mut self, name: &str) -> Option<Place> {
        if let Some(p) = self.cache.get(name) {
            return p.clone();
        }
        let q = Query::name(name);
        // Finding a mention needs the name itself (or one of its names): a close spelling
        // turns agencies, weekdays and surnames into towns ("Test" → Rasht). Fuzzy matching
        // is for correcting a name already known to be a place, not for finding one.
        let p = self
            .gaz
            .resolve(&q)
            .ok()
            .filter(|r| r.matched != crate::gazetteer::MatchKind::Fuzzy)
            .map(|r| r.place);
        self.cache.insert(name.to_string(), p.clone());
        p
    }

    /// Place mentions in `text[start..end]`: for each run of capitalised words, the longest
    /// sub-run (up to 5 words) that resolves; runs that resolve nowhere are returned unresolved.
    pub fn mentions(&mut self, text: &str, start: usize, end: usize) -> Vec<Mention> {
        let mut out = Vec::new();
        for run in runs(text, start, end) {
            let mut k = 0;
            let mut any = false;
            while k < run.len() {
                let mut hit = None;
                for n in (1..=(run.len() - k).min(5)).rev() {
                    let (a, b) = (run[k].0, run[k + n - 1].1);
                    if let Some(p) = self.resolve(&text[a..b]) {
                        hit = Some((n, a, b, p));
                        break;
                    }
                }
                match hit {
                    Some((n, a, b, p)) => {
                        out.push(Mention {
                            start: a,
                            end: b,
                            text: text[a..b].to_string(),
                            place: Some(p),
                        });
                        any = true;
                        k += n;
                    }
                    None => k += 1,
                }
            }
            if !any {
                let (a, b) = (run[0].0, run[run.len() - 1].1);
                out.push(Mention {
                    start: a,
                    end: b,
                    text: text[a..b].to_string(),
                    place: None,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::PlaceKind;

    #[test]
    fn finds_multiword_names_and_reports_the_rest() {
        let gaz = Gazetteer::from_places(vec![
            Place::test_point("Rostov-on-Don", PlaceKind::City, 47.2, 39.7),
            Place::test_point("Sochi", PlaceKind::City, 43.6, 39.7),
            Place::test_point("Black Sea", PlaceKind::Other, 43.0, 35.0),
        ]);
        let mut r = Resolver::new(&gaz);
        let t = "The train from Rostov-on-Don reached Sochi's station on the Black Sea, Vesti Kuban said.";
        let m = r.mentions(t, 0, t.len());
        let names: Vec<(&str, bool)> = m
            .iter()
            .map(|m| (m.text.as_str(), m.place.is_some()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Rostov-on-Don", true),
                ("Sochi", true),
                ("Black Sea", true),
                ("Vesti Kuban", false)
            ]
        );
    }
}
