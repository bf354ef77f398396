//! Place names as Polish, Russian and Ukrainian sentences inflect them ("do Warszawy", "w
//! Nowym Jorku", "из Воронежа", "до Перемишля"): the dictionary forms a name may come from,
//! by the case endings of those languages, for a name the gazetteer does not know as written.
//! Only a form the gazetteer knows exactly is used, and the draft says it was read that way.

use super::Language;

/// Ending → what replaces it in the dictionary form, most specific first. Each language's
/// nouns and the adjectives of two-word names ("Nowym Jorku" → "Nowy Jork").
fn endings(lang: Language) -> &'static [(&'static str, &'static str)] {
    match lang {
        Language::Polish => &[
            ("owie", "ów"),
            ("iego", "i"),
            ("ego", "y"),
            ("iej", "a"),
            ("ej", "a"),
            ("ym", "y"),
            ("im", "i"),
            ("ku", "k"),
            ("iu", ""),
            ("ie", "a"),
            ("ie", ""),
            ("em", ""),
            ("ą", "a"),
            ("ę", "a"),
            ("y", "a"),
            ("i", "a"),
            ("u", ""),
            ("a", ""),
            ("e", "a"),
        ],
        Language::Russian => &[
            ("ого", "ий"),
            ("ой", "а"),
            ("ом", ""),
            ("ем", "ь"),
            ("ью", "ь"),
            ("ы", "а"),
            ("у", "а"),
            ("е", "а"),
            ("и", "ь"),
            ("я", "ь"),
            ("ю", "ь"),
            ("а", ""),
            ("е", ""),
            ("у", ""),
        ],
        Language::Ukrainian => &[
            ("ого", "ий"),
            ("ою", "а"),
            ("ом", ""),
            ("ем", "ь"),
            ("і", "а"),
            ("и", "а"),
            ("у", "а"),
            ("я", "ь"),
            ("ю", "ь"),
            ("і", "ь"),
            ("а", ""),
            ("у", ""),
            ("і", ""),
        ],
        _ => &[],
    }
}

/// The dictionary forms `name` may be an inflection of, in `lang`, most likely first: each
/// word with one ending replaced (a two-word name has both words changed together, as its
/// adjective and noun agree). Empty for the languages that do not inflect names this way.
pub fn forms(lang: Language, name: &str) -> Vec<String> {
    let ends = endings(lang);
    if ends.is_empty() {
        return Vec::new();
    }
    let word = |w: &str| -> Vec<String> {
        ends.iter()
            .filter_map(|(e, r)| {
                let stem = w.strip_suffix(e)?;
                (stem.chars().count() >= 3).then(|| format!("{stem}{r}"))
            })
            .collect()
    };
    let words: Vec<&str> = name.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    match words.as_slice() {
        [w] => out.extend(word(w)),
        [a, b] => {
            for x in std::iter::once(a.to_string()).chain(word(a)) {
                for y in word(b) {
                    out.push(format!("{x} {y}"));
                }
            }
        }
        _ => {}
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_forms_of_inflected_place_names() {
        let has = |lang, name: &str, want: &str| {
            let f = forms(lang, name);
            assert!(f.iter().any(|x| x == want), "{name} → {want}: {f:?}");
        };
        has(Language::Polish, "Warszawy", "Warszawa");
        has(Language::Polish, "Przemyśla", "Przemyśl");
        has(Language::Polish, "Nowym Jorku", "Nowy Jork");
        has(Language::Polish, "Krakowie", "Kraków");
        has(Language::Russian, "Воронежа", "Воронеж");
        has(Language::Russian, "Москвы", "Москва");
        has(Language::Russian, "Москве", "Москва");
        has(Language::Ukrainian, "Перемишля", "Перемишль");
        // Nothing for English, and no stem shorter than three letters.
        assert!(forms(Language::English, "Warszawy").is_empty());
        assert!(forms(Language::Polish, "Ua").is_empty());
    }
}
