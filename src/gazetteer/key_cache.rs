//! The lookup keys decoded into memory for a process that asks many misspelt names.
//!
//! A process answers its first misspelt names from the world table in place (a scan of
//! the stored masks of the keys of a possible length, decoding a key's block only when its
//! mask is close): nothing is decoded that the name does not need. That scan decodes the
//! varint gaps of every key it passes and a whole block of eight keys for each one it
//! measures, on every lookup. From the `DECODE_FROM_MISSPELT`th misspelt name on (see
//! `lookup.rs`), or when a caller asks (`Gazetteer::prepare_fuzzy`), the keys are decoded once
//! here instead (every key in one pass over the front-coded keys, with the same length
//! groups, masks and order as the table), so later lookups measure keys straight from memory.
//! The curated, alias-overlay and airport keys are kept here too, with their character counts
//! and masks, which the in-place path works out again on every lookup.
//!
//! The cache holds about 16 MB for the bundled table.

use super::normalize::char_mask;
use super::world::{PostingRef, World};

/// The number of character-count groups (0 to 255, the table's cap).
const GROUPS: usize = 256;

/// Every key of the world table and the other tables, decoded.
pub(crate) struct KeyCache {
    /// The world keys in key order, one after another.
    text: String,
    /// Where each world key ends in `text` (key `i` is `ends[i - 1]..ends[i]`).
    ends: Vec<u32>,
    /// Each world key's postings reference.
    refs: Vec<PostingRef>,
    /// For each character count, `(mask, index in key order)` of its world keys, in the
    /// table's length order (key order within a count).
    groups: Vec<Vec<(u32, u32)>>,
    /// The keys of the other tables: `(characters, mask, key)`.
    others: Vec<(usize, u32, String)>,
}

impl KeyCache {
    /// Decodes every key of `world` (if any) and takes the other keys as given.
    pub fn new<'k>(world: Option<&World>, others: impl Iterator<Item = &'k str>) -> KeyCache {
        let mut c = KeyCache {
            text: String::new(),
            ends: Vec::new(),
            refs: Vec::new(),
            groups: vec![Vec::new(); GROUPS],
            others: (others.map(|k| (k.chars().count(), char_mask(k), k.to_string()))).collect(),
        };
        if let Some(w) = world {
            c.decode(w);
        }
        c
    }

    fn decode(&mut self, w: &World) {
        let mut buf = Vec::with_capacity(64);
        let n_keys = w.n_keys();
        self.ends.reserve(n_keys);
        self.refs.reserve(n_keys);
        for b in 0..w.n_blocks() {
            let mut in_block = 0;
            w.for_each_in_block(b, &mut buf, |k, r| {
                // A key that is not UTF-8 (a damaged table) is stored empty and never
                // measured, as the in-place scan skips it.
                self.text.push_str(std::str::from_utf8(k).unwrap_or(""));
                self.ends.push(self.text.len() as u32);
                self.refs.push(r);
                in_block += 1;
                true
            });
            // A damaged block ends early: its missing keys are stored empty, so that every
            // later key keeps its index.
            let want = crate::gazetteer::world::BLOCK
                .min(n_keys.saturating_sub(b * crate::gazetteer::world::BLOCK));
            for _ in in_block..want {
                self.ends.push(self.text.len() as u32);
                self.refs.push(PostingRef::NONE);
            }
        }
        for (n, group) in self.groups.iter_mut().enumerate() {
            w.for_each_of_length(n, |i, m| group.push((m, i as u32)));
        }
    }

    /// The world key at `index` in key order with its reference (`None` if missing).
    fn key(&self, index: usize) -> Option<(&str, PostingRef)> {
        let end = *self.ends.get(index)? as usize;
        let start = index
            .checked_sub(1)
            .map_or(Some(0), |j| self.ends.get(j).copied())? as usize;
        let k = self.text.get(start..end)?;
        (!k.is_empty()).then(|| (k, self.refs[index]))
    }

    /// Calls `f(index in key order, key, reference)` for every world key of `n` characters
    /// whose mask passes `near`, in key order.
    pub fn for_each_near(
        &self,
        n: usize,
        near: impl Fn(u32) -> bool,
        mut f: impl FnMut(usize, &str, PostingRef),
    ) {
        for &(m, i) in self.groups.get(n).map_or(&[][..], Vec::as_slice) {
            if near(m)
                && let Some((k, r)) = self.key(i as usize)
            {
                f(i as usize, k, r);
            }
        }
    }

    /// The other tables' keys: `(characters, mask, key)`.
    pub fn others(&self) -> impl Iterator<Item = (usize, u32, &str)> {
        self.others.iter().map(|(n, m, k)| (*n, *m, k.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    #[test]
    fn every_key_decodes_as_the_table_reads_it_in_place() {
        let g = Gazetteer::load_default().unwrap();
        let w = g.world.as_ref().unwrap();
        let c = KeyCache::new(Some(w), std::iter::empty());
        assert_eq!(c.ends.len(), w.n_keys());
        let mut buf = Vec::new();
        for i in (0..w.n_keys()).step_by(97).chain([0, w.n_keys() - 1]) {
            let (k, r) = w.key_at(i, &mut buf).unwrap();
            let (ck, cr) = c.key(i).unwrap();
            assert_eq!((ck.as_bytes(), cr), (k, r), "key {i}");
        }
        let mut seen = 0;
        for n in 0..GROUPS {
            let mut stored = Vec::new();
            w.for_each_of_length(n, |i, m| stored.push((m, i as u32)));
            assert_eq!(c.groups[n], stored, "group {n}");
            for &(_, i) in &stored {
                assert_eq!(c.key(i as usize).unwrap().0.chars().count().min(255), n);
            }
            seen += stored.len();
        }
        assert_eq!(seen, w.n_keys());
    }

    #[test]
    fn the_other_keys_keep_their_counts_and_masks() {
        let c = KeyCache::new(None, ["heathrow", "평양", "łódź"].into_iter());
        let got: Vec<_> = c.others().collect();
        assert_eq!(
            got,
            vec![
                (8, char_mask("heathrow"), "heathrow"),
                (2, char_mask("평양"), "평양"),
                (4, char_mask("łódź"), "łódź"),
            ]
        );
        assert!(c.key(0).is_none());
        let mut calls = 0;
        c.for_each_near(8, |_| true, |_, _, _| calls += 1);
        assert_eq!(calls, 0);
    }
}
