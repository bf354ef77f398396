//! The bundled world table: GeoNames populated places in a compact, indexed binary form read
//! in place from the executable (no parsing or decompression at start-up: a lookup touches
//! only the few pages it needs).
//!
//! Layout, all integers little-endian (u24 = three bytes):
//!
//! ```text
//! magic "RCGZ\x04\0\0\0" · n_places · n_keys · n_blocks · n_postings · pool_len · keys_len ·
//!           gaps_len (u32 each)
//! places    n_places × 28 bytes, sorted by GeoNames id: id u32 · lat µdeg i32 · lon µdeg i32 ·
//!           population u32 · name, admin1, tz (pool offsets, u24 each) · country [u8; 2] ·
//!           feature code u8
//! blocks    n_blocks × u32: offset in `keys` of every BLOCK-th key
//! postings  n_postings × u24: for a key naming several places, a count then the places,
//!           most important first
//! pool      strings as u8 length + UTF-8
//! keys      the normalised lookup keys, sorted bytewise, front-coded: shared-prefix length u8,
//!           suffix length u8, suffix, then a u24 reference (SINGLE | place, or the index of
//!           its count in `postings`)
//! by_len    257 × u32: `by_len[n]` is the number of keys of fewer than `n` characters (a
//!           key's count is capped at 255), so the keys of `n` characters are the positions
//!           `by_len[n]..by_len[n + 1]` of the length order: by character count, then key order
//! gaps_at   257 × u32: where in `gaps` the keys of `n` characters start
//! masks     n_keys × u32: each key's character mask (`normalize::char_mask`), in length order
//! gaps      each key's index in key order, in length order, as the gap from the index before
//!           it in its length (the first: from −1), an unsigned LEB128 number (one byte below 128)
//! by_cell   n_places × u24: the places ordered by ¼° grid cell (`grid::cell_index`), then
//!           by index
//! ```
//!
//! The sections after `keys` are precomputed so that a fresh process answers a misspelt name
//! (a scan of the masks of the keys of a possible length only) or a reverse lookup (the grid)
//! without first decoding every key or sorting every place.
//!
//! Every read is bounds-checked: a damaged table gives missing answers or a load error,
//! never a panic.

use std::borrow::Cow;

use super::error::Error;

pub(crate) const MAGIC: &[u8; 8] = b"RCGZ\x04\0\0\0";
pub(crate) const REC: usize = 28;
pub(crate) const BLOCK: usize = 8;
pub(crate) const SINGLE: u32 = 0x80_0000;
const HEADER: usize = 8 + 7 * 4;
/// Slots of the `by_len` and `gaps_at` sections: character counts 0 to 256.
pub(crate) const LEN_SLOTS: usize = 257;
/// Feature codes, by their index in the table (the last one stands for any other).
pub(crate) const FCODES: [&str; 12] = [
    "PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLX", "PPLL", "PPLS", "STLMT",
    "PPL*",
];

const FILE: &str = "data/world/cities500.rcg";

/// The world table and its section offsets.
pub(crate) struct World {
    bytes: Cow<'static, [u8]>,
    n_places: usize,
    n_keys: usize,
    n_blocks: usize,
    blocks_at: usize,
    postings_at: usize,
    pool_at: usize,
    keys_at: usize,
    by_len_at: usize,
    gaps_at_at: usize,
    masks_at: usize,
    gaps_at: usize,
    by_cell_at: usize,
}

/// One world place's fixed fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WorldRec {
    pub geonameid: u32,
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub population: u32,
    pub name_off: u32,
    pub admin1_off: u32,
    pub tz_off: u32,
    pub country: [u8; 2],
    pub fcode: u8,
}

/// A key's reference to its places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PostingRef(u32);

impl PostingRef {
    /// A reference that stands for a missing key (it names place 0 and is never read).
    pub const NONE: PostingRef = PostingRef(SINGLE);
}

fn corrupt(reason: impl Into<String>) -> Error {
    Error::CorruptData {
        file: FILE,
        reason: reason.into(),
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at.checked_add(4)?)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u24_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at.checked_add(3)?)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], 0]))
}

impl World {
    /// Checks the header and section sizes of a table.
    pub fn new(bytes: Cow<'static, [u8]>) -> Result<World, Error> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(corrupt(
                "not a routecheck world table (bad magic or version)",
            ));
        }
        let head = |i: usize| u32_at(&bytes, 8 + 4 * i).unwrap_or(0) as usize;
        let (n_places, n_keys, n_blocks, n_postings, pool_len, keys_len, gaps_len) = (
            head(0),
            head(1),
            head(2),
            head(3),
            head(4),
            head(5),
            head(6),
        );
        let blocks_at = HEADER + n_places * REC;
        let postings_at = blocks_at + 4 * n_blocks;
        let pool_at = postings_at + 3 * n_postings;
        let keys_at = pool_at + pool_len;
        let by_len_at = keys_at + keys_len;
        let gaps_at_at = by_len_at + 4 * LEN_SLOTS;
        let masks_at = gaps_at_at + 4 * LEN_SLOTS;
        let gaps_at = masks_at + 4 * n_keys;
        let by_cell_at = gaps_at + gaps_len;
        let end = by_cell_at + 3 * n_places;
        if end != bytes.len() || n_blocks != n_keys.div_ceil(BLOCK) {
            return Err(corrupt(format!(
                "expected {end} bytes, found {}",
                bytes.len()
            )));
        }
        // The length groups must be in order and within their sections, so that a scan
        // never reads past them.
        let slot = |at: usize, n: usize| u32_at(&bytes, at + 4 * n).unwrap_or(u32::MAX) as usize;
        let ordered = |at: usize, last: usize| {
            (0..LEN_SLOTS)
                .all(|n| slot(at, n) <= last && (n == 0 || slot(at, n - 1) <= slot(at, n)))
        };
        if !ordered(by_len_at, n_keys)
            || !ordered(gaps_at_at, gaps_len)
            || slot(by_len_at, LEN_SLOTS - 1) != n_keys
        {
            return Err(corrupt("the keys' length groups are out of order"));
        }
        Ok(World {
            bytes,
            n_places,
            n_keys,
            n_blocks,
            blocks_at,
            postings_at,
            pool_at,
            keys_at,
            by_len_at,
            gaps_at_at,
            masks_at,
            gaps_at,
            by_cell_at,
        })
    }

    pub fn len(&self) -> usize {
        self.n_places
    }

    pub fn n_keys(&self) -> usize {
        self.n_keys
    }

    pub fn rec(&self, i: usize) -> Option<WorldRec> {
        if i >= self.n_places {
            return None;
        }
        let at = HEADER + i * REC;
        let r = self.bytes.get(at..at + REC)?;
        let u = |o: usize| u32::from_le_bytes([r[o], r[o + 1], r[o + 2], r[o + 3]]);
        let u24 = |o: usize| u32::from_le_bytes([r[o], r[o + 1], r[o + 2], 0]);
        Some(WorldRec {
            geonameid: u(0),
            lat_deg: u(4) as i32 as f64 / 1e6,
            lon_deg: u(8) as i32 as f64 / 1e6,
            population: u(12),
            name_off: u24(16),
            admin1_off: u24(19),
            tz_off: u24(22),
            country: [r[25], r[26]],
            fcode: r[27],
        })
    }

    /// Place `i`'s ISO country code, borrowed from the table ("" if damaged or out of range).
    pub fn country(&self, i: usize) -> &str {
        if i >= self.n_places {
            return "";
        }
        let at = HEADER + i * REC + 25;
        self.bytes
            .get(at..at + 2)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// A string from the pool ("" if the offset is bad).
    pub fn pool_str(&self, off: u32) -> &str {
        let at = self.pool_at + off as usize;
        let Some(len) = self.bytes.get(at).map(|l| *l as usize) else {
            return "";
        };
        if at + 1 + len > self.keys_at {
            return "";
        }
        std::str::from_utf8(&self.bytes[at + 1..at + 1 + len]).unwrap_or("")
    }

    /// Decodes block `b` into `(key, reference)` pairs, calling `f` until it returns false.
    pub fn for_each_in_block(
        &self,
        b: usize,
        buf: &mut Vec<u8>,
        mut f: impl FnMut(&[u8], PostingRef) -> bool,
    ) {
        let Some(mut at) =
            u32_at(&self.bytes, self.blocks_at + 4 * b).map(|o| self.keys_at + o as usize)
        else {
            return;
        };
        let end = self.by_len_at;
        buf.clear();
        for _ in 0..BLOCK.min(self.n_keys.saturating_sub(b * BLOCK)) {
            let (Some(&shared), Some(&len)) = (self.bytes.get(at), self.bytes.get(at + 1)) else {
                return;
            };
            let (shared, len) = (shared as usize, len as usize);
            let Some(suffix) = self.bytes.get(at + 2..(at + 2 + len).min(end)) else {
                return;
            };
            buf.truncate(shared.min(buf.len()));
            buf.extend_from_slice(suffix);
            let Some(r) = u24_at(&self.bytes, at + 2 + len) else {
                return;
            };
            at += 2 + len + 3;
            if !f(buf, PostingRef(r)) {
                return;
            }
        }
    }

    /// The first key of block `b` (stored whole).
    fn block_head(&self, b: usize) -> &[u8] {
        let at = u32_at(&self.bytes, self.blocks_at + 4 * b)
            .map_or(usize::MAX, |o| self.keys_at + o as usize);
        let len = self
            .bytes
            .get(at.saturating_add(1))
            .map_or(0, |l| *l as usize);
        self.bytes.get(at + 2..at + 2 + len).unwrap_or(&[])
    }

    /// The postings reference of an exact key: binary search over block heads, then a scan.
    pub fn find_key(&self, key: &str) -> Option<PostingRef> {
        let k = key.as_bytes();
        let (mut lo, mut hi) = (0usize, self.n_blocks);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.block_head(mid) <= k {
                lo = mid + 1
            } else {
                hi = mid
            }
        }
        let b = lo.checked_sub(1)?;
        let mut found = None;
        let mut buf = Vec::with_capacity(64);
        self.for_each_in_block(b, &mut buf, |kb, r| {
            if kb == k {
                found = Some(r);
            }
            found.is_none() && kb <= k
        });
        found
    }

    pub fn n_blocks(&self) -> usize {
        self.n_blocks
    }

    /// Calls `f(index in key order, character mask)` for every key of `n` characters (255
    /// stands for 255 or more), in key order: a scan of that length's masks and gaps only.
    pub fn for_each_of_length(&self, n: usize, mut f: impl FnMut(usize, u32)) {
        if n + 1 >= LEN_SLOTS {
            return;
        }
        let slot = |at: usize, i: usize| u32_at(&self.bytes, at + 4 * i).unwrap_or(0) as usize;
        let (from, to) = (slot(self.by_len_at, n), slot(self.by_len_at, n + 1));
        let masks = (self
            .bytes
            .get(self.masks_at + 4 * from..self.masks_at + 4 * to))
        .unwrap_or(&[]);
        let gaps_from = self.gaps_at + slot(self.gaps_at_at, n);
        let mut gaps = self
            .bytes
            .get(gaps_from..self.by_cell_at)
            .unwrap_or(&[])
            .iter();
        // One past the index of the key before, so that the first gap counts from −1.
        let mut next = 0usize;
        for m in masks.chunks_exact(4) {
            let mut gap = 0usize;
            let mut shift = 0;
            loop {
                let Some(b) = gaps.next() else {
                    return;
                };
                gap |= usize::from(b & 0x7f) << shift;
                shift += 7;
                if b & 0x80 == 0 || shift > 28 {
                    break;
                }
            }
            // Every gap is at least one; a zero is a damaged table.
            if gap == 0 {
                return;
            }
            next += gap;
            f(next - 1, u32::from_le_bytes([m[0], m[1], m[2], m[3]]));
        }
    }

    /// The key at `index` in key order with its postings reference (decoding its block).
    pub fn key_at<'b>(&self, index: usize, buf: &'b mut Vec<u8>) -> Option<(&'b [u8], PostingRef)> {
        if index >= self.n_keys {
            return None;
        }
        let mut j = 0;
        let mut found = None;
        self.for_each_in_block(index / BLOCK, buf, |_, r| {
            if j == index % BLOCK {
                found = Some(r);
            }
            j += 1;
            found.is_none()
        });
        found.map(|r| (buf.as_slice(), r))
    }

    /// The place at position `j` of the grid-cell order.
    pub fn by_cell(&self, j: usize) -> Option<usize> {
        if j >= self.n_places {
            return None;
        }
        u24_at(&self.bytes, self.by_cell_at + 3 * j).map(|i| i as usize)
    }

    /// The places of a key, most important first.
    pub fn postings(&self, r: PostingRef) -> impl Iterator<Item = usize> + '_ {
        let (first, count) = if r.0 & SINGLE != 0 {
            (None, 1)
        } else {
            let at = self.postings_at + 3 * r.0 as usize;
            (Some(at + 3), u24_at(&self.bytes, at).unwrap_or(0) as usize)
        };
        let single = (r.0 & SINGLE != 0).then_some((r.0 & !SINGLE) as usize);
        (0..count).filter_map(move |j| match first {
            Some(at) => u24_at(&self.bytes[..self.pool_at], at + 3 * j).map(|p| p as usize),
            None => single,
        })
    }

    /// The index of the place with this GeoNames id.
    pub fn by_geonameid(&self, id: u32) -> Option<usize> {
        let (mut lo, mut hi) = (0usize, self.n_places);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.rec(mid)?.geonameid.cmp(&id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests;
