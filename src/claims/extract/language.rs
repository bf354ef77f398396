//! The language an article is written in, told from its stop words (and, for Cyrillic text,
//! from the letters only Ukrainian or only Russian uses), and what that language means for
//! the way it writes numbers: "1.200 km" is 1,200 km in German, Spanish, Portuguese and
//! Polish, and "1,5 Stunden" is an hour and a half.

use std::fmt;

/// A language extraction reads figures in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English (the default): "1,200.5".
    #[default]
    English,
    /// German: "1.200,5".
    German,
    /// Spanish: "1.200,5".
    Spanish,
    /// Portuguese: "1.200,5".
    Portuguese,
    /// French: "1 200,5".
    French,
    /// Polish: "1 200,5" (and "1.200" in older copy).
    Polish,
    /// Russian: "1 200,5".
    Russian,
    /// Ukrainian: "1 200,5".
    Ukrainian,
}

/// Frequent short words of each language that are rare in the others (an article's own
/// words, lower-case). English comes first so that ties go to it.
const STOP_WORDS: &[(Language, &[&str])] = &[
    (
        Language::English,
        &[
            "the", "and", "of", "to", "in", "is", "was", "that", "for", "with", "on", "from", "by",
            "it", "said", "at",
        ],
    ),
    (
        Language::German,
        &[
            "der", "die", "das", "und", "nicht", "mit", "von", "ist", "auf", "für", "dem", "den",
            "ein", "eine", "nach", "sich", "auch", "wird",
        ],
    ),
    (
        Language::Spanish,
        &[
            "el", "los", "las", "del", "que", "y", "en", "por", "con", "una", "para", "es", "se",
            "al", "como", "más",
        ],
    ),
    (
        Language::Portuguese,
        &[
            "o", "os", "as", "do", "da", "dos", "das", "que", "e", "em", "no", "na", "um", "uma",
            "para", "com", "não", "pelo", "pela",
        ],
    ),
    (
        Language::French,
        &[
            "le", "la", "les", "des", "du", "et", "est", "une", "un", "dans", "pour", "sur", "au",
            "aux", "qui", "avec", "pas",
        ],
    ),
    (
        Language::Polish,
        &[
            "i", "w", "z", "na", "się", "do", "nie", "że", "jest", "od", "po", "dla", "to",
            "przez", "oraz", "już",
        ],
    ),
];

/// Every word of [`STOP_WORDS`] as its [`packed`] number, sorted for a binary search, with the
/// languages that list it (bit `k` for the `k`th list).
fn stop_word_table() -> &'static [(u64, u8)] {
    static TABLE: std::sync::OnceLock<Vec<(u64, u8)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut all: Vec<(u64, u8)> = Vec::new();
        for (k, (_, list)) in STOP_WORDS.iter().enumerate() {
            all.extend(
                list.iter()
                    .filter_map(|w| packed(w.as_bytes()))
                    .map(|w| (w, 1u8 << k)),
            );
        }
        all.sort_by_key(|(w, _)| *w);
        let mut table: Vec<(u64, u8)> = Vec::with_capacity(all.len());
        for (w, bit) in all {
            match table.last_mut() {
                Some(last) if last.0 == w => last.1 |= bit,
                _ => table.push((w, bit)),
            }
        }
        table
    })
}

/// A word of up to eight bytes as one number: its bytes, the first highest, padded with zeros
/// (no word holds a zero byte, so two words are equal when their numbers are). `None` for a
/// longer word: every stop word is shorter (a test checks).
fn packed(w: &[u8]) -> Option<u64> {
    let mut b = [0u8; 8];
    b.get_mut(..w.len())?.copy_from_slice(w);
    Some(u64::from_be_bytes(b))
}

impl Language {
    /// Reads the language of `text` from its words: the language whose stop words are most
    /// frequent (English on a tie or when there are too few words to tell), or Russian or
    /// Ukrainian when most letters are Cyrillic (Ukrainian when "і", "ї", "є" or "ґ" occur
    /// more often than "ы", "э" and "ъ").
    ///
    /// ```
    /// use routecheck::claims::extract::Language;
    /// assert_eq!(Language::detect("Die Fahrzeit verkürzt sich von sechs auf vier Stunden."), Language::German);
    /// assert_eq!(Language::detect("The train left at noon."), Language::English);
    /// ```
    pub fn detect(text: &str) -> Language {
        let (mut cyr, mut latin, mut uk, mut ru) = (0usize, 0usize, 0usize, 0usize);
        let table = stop_word_table();
        let mut counts = [0usize; 6];
        let mut words = 0usize;
        // One pass: each letter's script, and each word (a run of letters) of up to six
        // bytes looked up in the stop-word table.
        let mut word = |w: &str| {
            if w.len() > 6 {
                return;
            }
            words += 1;
            let key = if w.is_ascii() {
                let mut b = [0u8; 8];
                b[..w.len()].copy_from_slice(w.as_bytes());
                b.make_ascii_lowercase();
                Some(u64::from_be_bytes(b))
            } else {
                packed(w.to_lowercase().as_bytes())
            };
            if let Some(key) = key
                && let Ok(i) = table.binary_search_by_key(&key, |(w, _)| *w)
            {
                for (k, n) in counts.iter_mut().enumerate() {
                    *n += usize::from(table[i].1 & (1 << k) != 0);
                }
            }
        };
        let mut start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let letter = if c.is_ascii() {
                let a = c.is_ascii_alphabetic();
                latin += usize::from(a);
                a
            } else {
                if matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' | 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є')
                {
                    cyr += 1;
                    if matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є') {
                        uk += 1;
                    }
                    if matches!(c, 'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э') {
                        ru += 1;
                    }
                }
                c.is_alphabetic()
            };
            match (letter, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    word(&text[s..i]);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            word(&text[s..]);
        }
        if cyr > latin {
            return if uk > ru {
                Language::Ukrainian
            } else {
                Language::Russian
            };
        }
        let (best, n) = counts
            .iter()
            .enumerate()
            .fold((0, 0), |acc, (k, &n)| if n > acc.1 { (k, n) } else { acc });
        // Too few words to tell: keep the default.
        if words < 6 || n < 3 {
            return Language::English;
        }
        STOP_WORDS[best].0
    }

    /// The ISO 639-1 code ("de").
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::Spanish => "es",
            Language::Portuguese => "pt",
            Language::French => "fr",
            Language::Polish => "pl",
            Language::Russian => "ru",
            Language::Ukrainian => "uk",
        }
    }

    /// Whether the language writes a decimal comma ("1,5").
    pub fn decimal_comma(self) -> bool {
        self != Language::English
    }

    /// Whether a dot between digit groups groups thousands ("1.200" = 1,200).
    pub fn dot_groups(self) -> bool {
        matches!(
            self,
            Language::German | Language::Spanish | Language::Portuguese | Language::Polish
        )
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Language::English => "English",
            Language::German => "German",
            Language::Spanish => "Spanish",
            Language::Portuguese => "Portuguese",
            Language::French => "French",
            Language::Polish => "Polish",
            Language::Russian => "Russian",
            Language::Ukrainian => "Ukrainian",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_languages_of_the_corpus_apart() {
        for (t, want) in [
            (
                "In knapp vier Stunden von Berlin nach München und das Ganze mit 300 km/h: Es gibt viele Superlative auf der neuen Strecke der Bahn.",
                Language::German,
            ),
            (
                "El viaje dura seis horas y 45 minutos y el tren une las dos ciudades por la vía del Roca.",
                Language::Spanish,
            ),
            (
                "A marcha percorreu quase 190 quilômetros em dez dias e chegou na capital do estado com os manifestantes.",
                Language::Portuguese,
            ),
            (
                "Pociąg z Kijowa do Przemyśla pojedzie przez Lwów i będzie w drodze ok. 6,5 godziny, a bilety już są w sprzedaży.",
                Language::Polish,
            ),
            (
                "Le train relie Paris et Lyon en deux heures, avec des pointes à 300 km/h sur la ligne.",
                Language::French,
            ),
            (
                "Зі столиці поїзд відправлятиметься вранці близько 7:00 і за 6,5 годин прибувати до Польщі.",
                Language::Ukrainian,
            ),
            (
                "Поезд проходит 9 288 км за семь суток, это самая длинная железная дорога в мире.",
                Language::Russian,
            ),
            (
                "The train from Pyongyang reached Vladivostok on Tuesday, state media said.",
                Language::English,
            ),
        ] {
            assert_eq!(Language::detect(t), want, "{t}");
        }
    }

    #[test]
    fn a_few_words_or_names_stay_english() {
        assert_eq!(Language::detect("Berlin – München"), Language::English);
        assert_eq!(Language::detect(""), Language::English);
        // English copy quoting a German phrase stays English.
        assert_eq!(
            Language::detect(
                "The sign said \"Bahnhof\" and the train to the city left at noon from the station, officials said."
            ),
            Language::English
        );
    }

    #[test]
    fn number_conventions_follow_the_language() {
        assert!(Language::German.dot_groups() && Language::German.decimal_comma());
        assert!(!Language::English.dot_groups() && !Language::English.decimal_comma());
        assert!(!Language::Russian.dot_groups() && Language::Russian.decimal_comma());
    }

    #[test]
    fn the_stop_word_table_holds_every_list_word_with_its_languages() {
        assert_eq!(STOP_WORDS.len(), 6, "detect counts six lists");
        let table = stop_word_table();
        for (k, (_, list)) in STOP_WORDS.iter().enumerate() {
            for w in *list {
                let key = packed(w.as_bytes()).unwrap_or_else(|| panic!("{w} is over 8 bytes"));
                let i = table.binary_search_by_key(&key, |(sw, _)| *sw).unwrap();
                assert!(table[i].1 & (1 << k) != 0, "{w}");
            }
        }
        let listed = |key: u64, k: usize| {
            STOP_WORDS[k]
                .1
                .iter()
                .any(|w| packed(w.as_bytes()) == Some(key))
        };
        for &(key, bits) in table {
            for k in 0..STOP_WORDS.len() {
                assert_eq!(bits & (1 << k) != 0, listed(key, k), "{key:x}");
            }
        }
        // Distinct words, distinct numbers: a word and its start differ.
        assert_ne!(packed(b"de"), packed(b"del"));
        assert_eq!(packed(b"123456789"), None);
    }

    /// Detection as first written: letters counted in one pass, then the words split on
    /// whatever is not a letter and looked up by their text.
    fn detect_plainly(text: &str) -> Language {
        let (mut cyr, mut latin, mut uk, mut ru) = (0usize, 0usize, 0usize, 0usize);
        for c in text.chars() {
            match c {
                'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' | 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' =>
                {
                    cyr += 1;
                    uk += usize::from(matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є'));
                    ru += usize::from(matches!(c, 'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э'));
                }
                c if c.is_ascii_alphabetic() => latin += 1,
                _ => {}
            }
        }
        if cyr > latin {
            return if uk > ru {
                Language::Ukrainian
            } else {
                Language::Russian
            };
        }
        let mut counts = [0usize; 6];
        let mut words = 0usize;
        for w in text.split(|c: char| !c.is_alphabetic()) {
            if w.is_empty() || w.len() > 6 {
                continue;
            }
            words += 1;
            let lw = w.to_lowercase();
            for (k, (_, list)) in STOP_WORDS.iter().enumerate() {
                counts[k] += usize::from(list.contains(&lw.as_str()));
            }
        }
        let (best, n) = counts
            .iter()
            .enumerate()
            .fold((0, 0), |acc, (k, &n)| if n > acc.1 { (k, n) } else { acc });
        if words < 6 || n < 3 {
            return Language::English;
        }
        STOP_WORDS[best].0
    }

    #[test]
    fn detection_in_one_pass_agrees_with_detection_as_first_written() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut texts: Vec<String> = std::fs::read_dir(&corpus)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert!(texts.len() >= 40, "{}", texts.len());
        // Mixed scripts, words at the very start and end, capitals out of ASCII, a word of
        // six bytes that lower-cases to more, punctuation only.
        for t in [
            "Der Zug fährt über die Brücke; ÜBER DIE Brücke und DIE Straße",
            "İİİ der die das und mit von",
            "“Quoted” — dashes… and the end",
            "Пoезд и train и the и и",
            "...,,,!!!",
            "de la de la de la le les et",
        ] {
            texts.push(t.to_string());
        }
        for t in &texts {
            assert_eq!(
                Language::detect(t),
                detect_plainly(t),
                "{}",
                t.chars().take(60).collect::<String>()
            );
        }
    }
}
