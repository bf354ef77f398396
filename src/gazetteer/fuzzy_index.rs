//! The world keys decoded once into memory, grouped by length in characters, for processes
//! that ask for more than one misspelt name.
//!
//! A process's first fuzzy lookup scans the world table in place (its stored character counts
//! and masks say which blocks of keys to decode); that costs a few milliseconds a query but no
//! set-up. From the second on, this index is built (one sequential decode of every key, with
//! the counts and masks read from the table, not recomputed) and only keys of the right length
//! are looked at.

use super::world::{PostingRef, World};

#[derive(Debug, Clone, Copy)]
struct Entry {
    start: u32,
    len: u8,
    /// The key's position in the table's sorted order.
    index: u32,
    posting: PostingRef,
}

/// The world keys, sorted by character count (then key order).
#[derive(Debug)]
pub(crate) struct FuzzyIndex {
    entries: Vec<Entry>,
    /// Character masks, parallel to `entries` (scanned alone, so kept apart).
    masks: Vec<u32>,
    /// `by_len[n]` is the first entry with `n` or more characters (257 slots).
    by_len: Vec<u32>,
    arena: Vec<u8>,
}

impl FuzzyIndex {
    pub fn build(w: &World) -> FuzzyIndex {
        let chars = w.key_chars();
        let mut by_len = vec![0u32; 257];
        for n in chars {
            by_len[*n as usize + 1] += 1;
        }
        for n in 1..257 {
            by_len[n] += by_len[n - 1];
        }
        let mut next = by_len.clone();
        let empty = Entry {
            start: 0,
            len: 0,
            index: u32::MAX,
            posting: PostingRef::NONE,
        };
        let mut entries = vec![empty; chars.len()];
        let mut masks = vec![0u32; chars.len()];
        let mut arena = Vec::with_capacity(8 << 20);
        let stored_masks = w.key_masks();
        let mut buf = Vec::new();
        let mut i = 0usize;
        for b in 0..chars.len().div_ceil(super::world::BLOCK) {
            w.for_each_in_block(b, &mut buf, |k, r| {
                let Some(n) = chars.get(i).map(|n| *n as usize) else {
                    return false;
                };
                let slot = next[n] as usize;
                next[n] += 1;
                entries[slot] = Entry {
                    start: arena.len() as u32,
                    len: k.len().min(255) as u8,
                    index: i as u32,
                    posting: r,
                };
                arena.extend_from_slice(&k[..k.len().min(255)]);
                masks[slot] = stored_masks
                    .get(4 * i..4 * i + 4)
                    .map_or(u32::MAX, |m| u32::from_le_bytes([m[0], m[1], m[2], m[3]]));
                i += 1;
                true
            });
        }
        FuzzyIndex {
            entries,
            masks,
            by_len,
            arena,
        }
    }

    /// Calls `f(key, characters, index in the table, reference)` for every key of `lo..=hi`
    /// characters whose mask passes `keep`, shortest first, then in key order.
    pub fn scan(
        &self,
        lo: usize,
        hi: usize,
        keep: impl Fn(u32) -> bool,
        mut f: impl FnMut(&str, usize, usize, PostingRef),
    ) {
        for n in lo..=hi.min(255) {
            let (from, to) = (self.by_len[n] as usize, self.by_len[n + 1] as usize);
            for slot in from..to {
                if !keep(self.masks[slot]) {
                    continue;
                }
                let e = self.entries[slot];
                let start = e.start as usize;
                if let Some(Ok(k)) = self
                    .arena
                    .get(start..start + e.len as usize)
                    .map(std::str::from_utf8)
                {
                    f(k, n, e.index as usize, e.posting);
                }
            }
        }
    }
}
