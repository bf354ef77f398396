//! Name normalisation: the one function that turns any spelling into a lookup key.
//!
//! The key is case-, diacritic-, apostrophe- and punctuation-insensitive, and keeps every
//! script as it is (Hangul, Cyrillic, Han…): "P'yŏngyang", "Pyongyang" and "PYONGYANG" give
//! "pyongyang"; "평양" gives "평양"; "Пхеньян" gives "пхеньян". Cross-script matches come from
//! the data's aliases, not from transliteration.
//!
//! The same function builds the bundled world index (`examples/derive_world.rs`) and reads
//! queries, so the two always agree.
//!
//! ```
//! use routecheck::gazetteer::normalize;
//! assert_eq!(normalize("P'yŏngyang"), "pyongyang");
//! assert_eq!(normalize("  Nizhny-Novgorod "), "nizhny novgorod");
//! assert_eq!(normalize("Przemyśl"), normalize("PRZEMYSL"));
//! ```

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The longest name, in characters, that a lookup accepts.
pub const MAX_NAME_CHARS: usize = 200;

/// The lookup key for a name (see the module docs). Returns an empty string when nothing
/// but punctuation, marks or spaces is left.
pub fn normalize(name: &str) -> String {
    if name.is_ascii() {
        return fold_ascii(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        push_folded(&mut out, c, &mut pending_space);
    }
    if out.is_ascii() {
        out
    } else {
        // Recompose what NFKD took apart and marks did not remove (Hangul syllables).
        out.nfc().collect()
    }
}

/// Whether `normalize(name) == key`, without allocating for ASCII names.
pub(crate) fn normalizes_to(name: &str, key: &str) -> bool {
    if !name.is_ascii() {
        return normalize(name) == key;
    }
    let mut k = key.bytes();
    let (mut pending_space, mut started) = (false, false);
    for c in name.bytes() {
        if c == b'\'' || c == b'`' {
            continue;
        }
        if c.is_ascii_whitespace() || c.is_ascii_control() || c.is_ascii_punctuation() {
            pending_space = started;
            continue;
        }
        if pending_space {
            if k.next() != Some(b' ') {
                return false;
            }
            pending_space = false;
        }
        started = true;
        if k.next() != Some(c.to_ascii_lowercase()) {
            return false;
        }
    }
    k.next().is_none()
}

fn fold_ascii(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        push_folded(&mut out, c, &mut pending_space);
    }
    out
}

/// Appends one character's folded form: apostrophes vanish, other punctuation and spaces
/// become one separating space, letters are lower-cased and a few Latin letters that have no
/// decomposition are spelled plainly.
fn push_folded(out: &mut String, c: char, pending_space: &mut bool) {
    if is_apostrophe(c) {
        return;
    }
    if c.is_whitespace() || c.is_control() || (c.is_ascii_punctuation() || is_unicode_punct(c)) {
        *pending_space = !out.is_empty();
        return;
    }
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    match c {
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ı' => out.push('i'),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'þ' | 'Þ' => out.push_str("th"),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | '`' | 'ʼ' | 'ʻ' | 'ʹ' | '´' | 'ʿ' | 'ʾ' | 'ˈ'
    )
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '‐'
            ..='―'
                | '−'
                | '«'
                | '»'
                | '“'
                | '”'
                | '„'
                | '·'
                | '・'
                | '、'
                | '，'
                | '（'
                | '）'
                | '．'
                | '/'
    )
}

/// A 32-bit set of the characters in a key (code point modulo 32, so the Latin letters fall in
/// distinct bins), used to skip names that cannot be within a small edit distance: an edit
/// adds at most one bin and removes at most one. Stored per key in the world table.
pub(crate) fn char_mask(key: &str) -> u32 {
    key.chars()
        .filter(|c| *c != ' ')
        .fold(0u32, |m, c| m | 1u32 << (c as u32 % 32))
}

/// Levenshtein distance between two keys in characters, or `None` if it exceeds `max`.
pub(crate) fn bounded_levenshtein(
    a: &[char],
    b: &str,
    max: usize,
    row: &mut Vec<usize>,
) -> Option<usize> {
    let bn = b.chars().count();
    if a.len().abs_diff(bn) > max {
        return None;
    }
    row.clear();
    row.extend(0..=a.len());
    for (j, cb) in b.chars().enumerate() {
        let mut prev_diag = row[0];
        row[0] = j + 1;
        let mut best = row[0];
        for (i, ca) in a.iter().enumerate() {
            let cost = usize::from(*ca != cb);
            let v = (row[i + 1] + 1).min(row[i] + 1).min(prev_diag + cost);
            prev_diag = row[i + 1];
            row[i + 1] = v;
            best = best.min(v);
        }
        if best > max {
            return None;
        }
    }
    row.last().copied().filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(normalize("P'yŏngyang"), "pyongyang");
        assert_eq!(normalize("P’yŏngyang"), "pyongyang");
        assert_eq!(normalize("PYONGYANG"), "pyongyang");
        assert_eq!(normalize("Razdol’noye"), "razdolnoye");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("Ho Chi Minh-City"), "ho chi minh city");
        assert_eq!(normalize("São Paulo"), "sao paulo");
    }

    #[test]
    fn keeps_other_scripts() {
        assert_eq!(normalize("평양"), "평양");
        assert_eq!(normalize("Пхеньян"), "пхеньян");
        assert_eq!(normalize("Хаса́н"), "хасан");
        assert_eq!(normalize("平壤"), "平壤");
    }

    #[test]
    fn punctuation_and_controls_become_single_spaces() {
        assert_eq!(normalize("  a\t\n b\u{7}--c  "), "a b c");
        assert_eq!(normalize("'''"), "");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn comparing_without_allocating_agrees_with_normalize() {
        for name in [
            "Vladivostok",
            "P'yongyang",
            " New  York--City ",
            "St. John's",
            "a/b",
            "X",
            "--",
            "Łódź",
        ] {
            let key = normalize(name);
            assert!(normalizes_to(name, &key), "{name}");
            assert!(!normalizes_to(name, &format!("{key}x")), "{name}");
            assert!(!normalizes_to(name, "zz"), "{name}");
        }
        assert!(!normalizes_to("New York", "newyork"));
    }

    #[test]
    fn levenshtein_is_bounded() {
        let mut row = Vec::new();
        let a: Vec<char> = "vladivostok".chars().collect();
        assert_eq!(bounded_levenshtein(&a, "vladivostok", 2, &mut row), Some(0));
        assert_eq!(bounded_levenshtein(&a, "wladiwostok", 2, &mut row), Some(2));
        assert_eq!(bounded_levenshtein(&a, "vladimir", 2, &mut row), None);
        let b: Vec<char> = "khasan".chars().collect();
        assert_eq!(bounded_levenshtein(&b, "hasan", 1, &mut row), Some(1));
    }

    #[test]
    fn mask_lower_bound_holds() {
        // One substitution changes at most two bits.
        let d = (char_mask("tumen") ^ char_mask("tuman")).count_ones();
        assert!(d <= 2);
    }
}
