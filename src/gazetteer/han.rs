//! Simplified and traditional Chinese characters (data/world/han_variants.tsv, OpenCC's
//! character tables, Apache-2.0): a name written in one form is tried in the other when it
//! finds nothing as written, so "巴马科" finds Bamako, whose GeoNames names hold "巴馬科".
//!
//! The reading is character by character, with each character's usual counterpart (see
//! `scripts/derive_han_variants.py`); a place found so is reported as matched by an alias,
//! never as its exact name.

use std::collections::HashMap;
use std::sync::OnceLock;

const HAN_VARIANTS_TSV: &str = include_str!("../../data/world/han_variants.tsv");

struct Table {
    to_traditional: HashMap<char, char>,
    to_simplified: HashMap<char, char>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            to_traditional: HashMap::new(),
            to_simplified: HashMap::new(),
        };
        for line in HAN_VARIANTS_TSV.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(dir), Some(from), Some(to)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let (Some(from), Some(to)) = (from.chars().next(), to.chars().next()) else {
                continue;
            };
            match dir {
                "s2t" => t.to_traditional.insert(from, to),
                "t2s" => t.to_simplified.insert(from, to),
                _ => None,
            };
        }
        t
    })
}

/// Whether a key holds a CJK unified ideograph (the only characters this table changes).
fn has_han(key: &str) -> bool {
    key.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
}

/// The key written in traditional, then in simplified characters, each only if it differs
/// from the key and from the other; none for a key without Chinese characters.
pub(crate) fn variants(key: &str) -> Vec<String> {
    if !has_han(key) {
        return Vec::new();
    }
    let t = table();
    let mut out: Vec<String> = Vec::new();
    for map in [&t.to_traditional, &t.to_simplified] {
        let v: String = key.chars().map(|c| *map.get(&c).unwrap_or(&c)).collect();
        if v != key && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_in_the_other_form() {
        assert_eq!(variants("巴马科"), ["巴馬科"]);
        assert_eq!(variants("金沙薩"), ["金沙萨"]);
        // Characters that are the same in both forms, and other scripts, give nothing.
        assert!(variants("平壤").is_empty());
        assert!(variants("vladivostok").is_empty());
        assert!(variants("평양").is_empty());
    }

    #[test]
    fn the_bundled_table_reads_both_directions() {
        let t = table();
        assert!(t.to_traditional.len() > 3_000 && t.to_simplified.len() > 3_000);
        assert_eq!(t.to_traditional.get(&'马'), Some(&'馬'));
        assert_eq!(t.to_simplified.get(&'馬'), Some(&'马'));
    }
}
