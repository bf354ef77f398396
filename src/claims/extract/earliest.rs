//! The earliest of several word lists in a text, in one pass: which travel mode an article or
//! a sentence names first. Each list's words are searched together (Aho–Corasick, leftmost
//! first), so a 5 MB article is read once rather than once per word.

use aho_corasick::{AhoCorasick, MatchKind};

/// Word lists, each standing for a value; the lists are given in order of precedence, for a
/// word of one list and a word of another that begin at the same place.
pub struct Earliest<T: Copy + 'static> {
    words: AhoCorasick,
    /// The value of each word, by the word's index in the automaton.
    values: Vec<T>,
}

impl<T: Copy + 'static> Earliest<T> {
    /// The automaton of `lists`: (value, its words).
    pub fn new(lists: &[(T, &[&str])]) -> Self {
        let (values, words): (Vec<T>, Vec<&str>) = lists
            .iter()
            .flat_map(|(v, ws)| ws.iter().map(move |w| (*v, *w)))
            .unzip();
        let words = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(words)
            .expect("the word lists are a few dozen short words");
        Earliest { words, values }
    }

    /// The value of the word that begins first in `text` (of two beginning at the same byte,
    /// the one whose list comes first), if any word occurs.
    pub fn in_text(&self, text: &str) -> Option<T> {
        let m = self.words.find(text)?;
        self.values.get(m.pattern().as_usize()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_word_wins_and_the_first_list_breaks_ties() {
        let e = Earliest::new(&[("air", &["fl"][..]), ("rail", &["flat", "train"][..])]);
        assert_eq!(e.in_text("a train, then a flight"), Some("rail"));
        assert_eq!(e.in_text("a flight, then a train"), Some("air"));
        // "fl" and "flat" begin at the same byte: the first list's word wins.
        assert_eq!(e.in_text("a flat"), Some("air"));
        assert_eq!(e.in_text("on foot"), None);
    }
}
