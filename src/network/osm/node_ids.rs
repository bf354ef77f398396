//! OpenStreetMap node ids in little memory, for `rail import`: a way's node ids as they are
//! read ([`DeltaIds`]: each id's difference from the one before, zigzag LEB128, one or two
//! bytes a node on real track, whose consecutive nodes were mostly created together), and the
//! sorted list of every node id the ways use ([`SortedIds`]: four bytes an id), whose index is
//! the node's index for the rest of the import.

/// A way's node ids, delta-encoded.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DeltaIds {
    bytes: Vec<u8>,
    len: usize,
}

impl DeltaIds {
    /// Encodes `ids` in order.
    pub(crate) fn encode(ids: impl Iterator<Item = i64>) -> DeltaIds {
        let mut d = DeltaIds::default();
        let mut last = 0i64;
        for id in ids {
            let delta = id.wrapping_sub(last);
            last = id;
            // Zigzag: small negative and positive differences both take few bytes.
            let mut v = ((delta << 1) ^ (delta >> 63)) as u64;
            loop {
                let byte = (v & 0x7f) as u8;
                v >>= 7;
                if v == 0 {
                    d.bytes.push(byte);
                    break;
                }
                d.bytes.push(byte | 0x80);
            }
            d.len += 1;
        }
        d.bytes.shrink_to_fit();
        d
    }

    /// How many ids.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The ids, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = i64> + '_ {
        let mut pos = 0;
        let mut last = 0i64;
        std::iter::from_fn(move || {
            if pos >= self.bytes.len() {
                return None;
            }
            let (mut v, mut shift) = (0u64, 0);
            loop {
                let byte = self.bytes[pos];
                pos += 1;
                v |= u64::from(byte & 0x7f) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            let delta = ((v >> 1) as i64) ^ -((v & 1) as i64);
            last = last.wrapping_add(delta);
            Some(last)
        })
    }
}

/// A sorted set of node ids, stored as the low 32 bits of each id, with the index where each
/// value of the high 32 bits starts (OpenStreetMap's ids are below 2^34 today: a handful of
/// ranges).
#[derive(Debug, Clone, Default)]
pub(crate) struct SortedIds {
    lows: Vec<u32>,
    /// (high 32 bits, first index), in order.
    ranges: Vec<(u32, usize)>,
}

/// An id as an unsigned number in the same order (negative ids, in files made by editors, first).
fn ordered(id: i64) -> u64 {
    (id as u64) ^ (1 << 63)
}

impl SortedIds {
    /// The distinct ids of `ids`, which is sorted and deduplicated here.
    pub(crate) fn new(mut ids: Vec<i64>) -> SortedIds {
        ids.sort_unstable();
        ids.dedup();
        let mut s = SortedIds {
            lows: Vec::with_capacity(ids.len()),
            ranges: Vec::new(),
        };
        for (i, id) in ids.into_iter().enumerate() {
            let u = ordered(id);
            let high = (u >> 32) as u32;
            if s.ranges.last().is_none_or(|r| r.0 != high) {
                s.ranges.push((high, i));
            }
            s.lows.push(u as u32);
        }
        s
    }

    /// How many ids.
    pub(crate) fn len(&self) -> usize {
        self.lows.len()
    }

    /// The index of `id`, if it is in the set.
    pub(crate) fn index(&self, id: i64) -> Option<usize> {
        let u = ordered(id);
        let high = (u >> 32) as u32;
        let r = self.ranges.binary_search_by_key(&high, |r| r.0).ok()?;
        let start = self.ranges[r].1;
        let end = self.ranges.get(r + 1).map_or(self.lows.len(), |n| n.1);
        let i = self.lows[start..end].binary_search(&(u as u32)).ok()?;
        Some(start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_ids_round_trip_any_ids() {
        let ids = [
            12_345_678_901,
            12_345_678_902,
            12_345_678_900,
            1,
            -7,
            i64::MAX,
            i64::MIN,
            0,
            12_345_678_901,
        ];
        let d = DeltaIds::encode(ids.iter().copied());
        assert_eq!(d.len(), ids.len());
        assert_eq!(d.iter().collect::<Vec<_>>(), ids);
        // Consecutive ids take one byte each.
        let run = DeltaIds::encode(10_000_000_000..10_000_001_000);
        assert!(run.bytes.len() < 1_010, "{}", run.bytes.len());
    }

    #[test]
    fn sorted_ids_find_every_id_across_high_ranges_and_no_other() {
        let ids = vec![
            5,
            -3,
            (1 << 32) + 5,
            5,
            (3 << 32) + 1,
            u32::MAX as i64,
            12_000_000_000,
            -(1 << 40),
        ];
        let s = SortedIds::new(ids.clone());
        assert_eq!(s.len(), 7);
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        for (i, id) in sorted.iter().enumerate() {
            assert_eq!(s.index(*id), Some(i), "{id}");
        }
        for other in [4, 6, 1 << 32, (2 << 32) + 5, -4, i64::MAX, i64::MIN] {
            assert_eq!(s.index(other), None, "{other}");
        }
    }
}
