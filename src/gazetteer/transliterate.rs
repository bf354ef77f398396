//! Latin transliteration of a name in another script, for names GeoNames does not carry in
//! that script: "Фунафути" → "funafuti", "타라와" → "tarawa", "Βόστοκ" → "bostok".
//!
//! The transliteration is deunicode's (one table for every script: Cyrillic and Hangul come
//! out close to the usual romanisations, Greek and kana roughly). Only scripts written with
//! their vowels are transliterated: Arabic and Hebrew lose theirs, and Chinese characters
//! come out as Mandarin syllables, which rarely spell a foreign place's Latin name. A match
//! through it is reported as a close spelling, never as a name.

use super::normalize::normalize;
use super::script::Script;

/// Whether deunicode's Latin for a script spells names closely enough to match on: alphabets
/// and syllabaries with vowels. Arabic and Hebrew lose their unwritten vowels ("פרת׳" comes
/// out "prt'", nearer Perth, Scotland than nothing), and Chinese characters come out as
/// Mandarin syllables.
fn spells_closely(script: Script) -> bool {
    matches!(
        script,
        Script::Cyrillic
            | Script::Greek
            | Script::Hangul
            | Script::Kana
            | Script::Georgian
            | Script::Armenian
    )
}

/// The lookup key of `key`'s Latin transliteration, if `key` is written in a script that
/// transliterates closely (see [`spells_closely`]) and the result has letters.
pub(crate) fn latin_key(key: &str) -> Option<String> {
    if !Script::of(key).is_some_and(spells_closely) {
        return None;
    }
    let latin = normalize(&deunicode::deunicode(key));
    (latin.chars().any(|c| c.is_ascii_alphabetic()) && latin != key).then_some(latin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, MatchKind, Query};

    #[test]
    fn names_in_other_scripts_come_out_in_latin() {
        assert_eq!(latin_key("фунафути").as_deref(), Some("funafuti"));
        assert_eq!(latin_key("타라와").as_deref(), Some("tarawa"));
        assert_eq!(latin_key("vladivostok"), None);
        assert_eq!(latin_key("…"), None);
        // No vowels, no match to trust.
        assert_eq!(latin_key("פרת׳"), None);
        assert_eq!(latin_key("الخرطوم"), None);
        assert_eq!(latin_key("金沙萨"), None);
    }

    #[test]
    fn a_name_no_place_carries_is_found_through_its_transliteration_and_says_so() {
        let g = Gazetteer::load_default().unwrap();
        // No bundled table has a Cyrillic name for Eirunepé.
        let r = g.resolve(&"Эйрунепе".parse::<Query>().unwrap()).unwrap();
        assert_eq!(
            (r.place.name.as_str(), r.matched),
            ("Eirunepé", MatchKind::Fuzzy)
        );
        assert!(r.why().contains("closest spelling"), "{}", r.why());
        let r = g.resolve(&"타라와, KI".parse::<Query>().unwrap()).unwrap();
        assert_eq!(r.place.country.as_deref(), Some("KI"));
        // A name in its own script still wins over any transliteration.
        let r = g.resolve(&"Хасан".parse::<Query>().unwrap()).unwrap();
        assert_eq!(
            (r.place.name.as_str(), r.matched),
            ("Khasan", MatchKind::Alias)
        );
    }
}
