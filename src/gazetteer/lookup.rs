//! Finding entries by key: exact and alias matches through the indexes, and fuzzy matches by
//! a bounded edit distance over every key.

use super::normalize::{bounded_levenshtein, char_mask, normalizes_to};
use super::place::{Place, PlaceKind};
use super::world::PostingRef;
use super::{Ent, Gazetteer};
use crate::coord::LatLon;

/// The fields used to rank and list a candidate, without its alias list.
#[derive(Debug, Clone)]
pub(crate) struct Summary<'a> {
    pub name: &'a str,
    pub kind: PlaceKind,
    pub country: String,
    pub admin1: Option<String>,
    pub population: Option<u64>,
    pub at: LatLon,
    pub importance: f64,
    pub id: String,
}

/// How a key matched an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Hit {
    /// The entry's primary name.
    Name,
    /// An alias the project curated (ranks like a name).
    CuratedAlias,
    /// Another alias.
    Alias,
    /// A spelling within this many edits.
    Fuzzy(u8),
}

impl Hit {
    /// Score bonus: a primary name or curated alias outranks an alias unless the alias's place
    /// is ~1,000 times more important (three orders of population). Two orders were too few:
    /// GeoNames lists "Khasan" as an alternate name of Hassan, India (165 times the population
    /// of Khasan, Russia), and the primary name must win there.
    pub fn bonus(self) -> f64 {
        match self {
            Hit::Name | Hit::CuratedAlias => 3.0,
            Hit::Alias => 0.0,
            Hit::Fuzzy(d) => -1.5 * f64::from(d),
        }
    }
}

/// Importance of a curated place or river: population if known, plus a bonus for being a
/// feature the project chose to carry (rivers more, as a river name rarely means a village).
pub(crate) fn extra_importance(p: &Place) -> f64 {
    let pop = p.population.map_or(0.0, |n| (n as f64 + 1.0).log10());
    pop + if p.kind == PlaceKind::River { 4.0 } else { 1.0 }
}

impl Gazetteer {
    /// Every entry whose name or alias has exactly this key, with how it matched.
    pub(crate) fn exact_hits(&self, key: &str) -> Vec<(Ent, Hit)> {
        let mut hits = Vec::new();
        if let Some(w) = &self.world
            && let Some(r) = w.find_key(key)
        {
            for p in w.postings(r) {
                let is_name = w
                    .rec(p)
                    .is_some_and(|rec| normalizes_to(w.pool_str(rec.name_off), key));
                hits.push((
                    Ent::World(p as u32),
                    if is_name { Hit::Name } else { Hit::Alias },
                ));
            }
        }
        for i in self.overlay.get(key).into_iter().flatten() {
            hits.push((Ent::World(*i), Hit::CuratedAlias));
        }
        for (i, is_name) in self.extra_keys.get(key).into_iter().flatten() {
            let curated = self
                .extra
                .get(*i as usize)
                .is_some_and(|p| !p.id.starts_with("geonames:"));
            let hit = if *is_name {
                Hit::Name
            } else if curated {
                Hit::CuratedAlias
            } else {
                Hit::Alias
            };
            hits.push((Ent::Extra(*i), hit));
        }
        hits
    }

    /// Whether an entry passes the query's country and kind qualifiers.
    pub(crate) fn passes(
        &self,
        s: &Summary<'_>,
        country: Option<&str>,
        kind: Option<PlaceKind>,
    ) -> bool {
        let kind_ok = kind.is_none_or(|k| k == s.kind);
        let country_ok = country.is_none_or(|c| s.country.split('-').any(|x| x == c));
        kind_ok && country_ok
    }

    /// Entries within `max` edits of `key` (at most `limit` keys, closest first).
    pub(crate) fn fuzzy_hits(&self, key: &str, max: usize, limit: usize) -> Vec<(Ent, Hit)> {
        let index = self.fuzzy.get_or_init(|| FuzzyIndex::build(self));
        let q: Vec<char> = key.chars().collect();
        let qmask = char_mask(key);
        let mut row = Vec::new();
        let mut found: Vec<(usize, usize)> = Vec::new(); // (distance, entry in index)
        // Entries are sorted by length: only lengths within `max` of the query are scanned.
        // An edit adds at most one character bit and removes at most one, so the bits one side
        // has and the other lacks bound the distance from below.
        if q.len() > 255 {
            return Vec::new();
        }
        let lo = q.len().saturating_sub(max);
        let hi = (q.len() + max).min(255);
        let (from, to) = (index.by_len[lo] as usize, index.by_len[hi + 1] as usize);
        for i in from..to {
            let m = index.masks[i];
            if (m & !qmask).count_ones().max((qmask & !m).count_ones()) as usize > max {
                continue;
            }
            let e = &index.entries[i];
            if let Some(d) = bounded_levenshtein(&q, index.key(e), max, &mut row) {
                found.push((d, i));
            }
        }
        found.sort_by_key(|(d, _)| *d);
        let mut hits = Vec::new();
        for (d, i) in found.into_iter().take(limit) {
            let h = Hit::Fuzzy(d as u8);
            let e = &index.entries[i];
            match e.src {
                FuzzySrc::World(r) => {
                    if let Some(w) = &self.world {
                        hits.extend(w.postings(r).take(8).map(|p| (Ent::World(p as u32), h)));
                    }
                }
                FuzzySrc::Extra => {
                    let k = index.key(e);
                    for (p, _) in self.extra_keys.get(k).into_iter().flatten() {
                        hits.push((Ent::Extra(*p), h));
                    }
                    for p in self.overlay.get(k).into_iter().flatten() {
                        hits.push((Ent::World(*p), h));
                    }
                }
            }
        }
        hits
    }
}

#[derive(Debug, Clone, Copy)]
enum FuzzySrc {
    World(PostingRef),
    Extra,
}

#[derive(Debug, Clone, Copy)]
struct FuzzyEntry {
    start: u32,
    len: u8,
    nchars: u8,
    src: FuzzySrc,
}

/// Every key decoded once into one arena, with its character mask and length; built on the
/// first fuzzy lookup.
#[derive(Debug)]
pub(crate) struct FuzzyIndex {
    /// Sorted by character count.
    entries: Vec<FuzzyEntry>,
    /// Character masks, parallel to `entries` (scanned alone, so kept apart).
    masks: Vec<u64>,
    /// `by_len[n]` is the first entry with `n` or more characters (257 slots).
    by_len: Vec<u32>,
    arena: String,
}

impl FuzzyIndex {
    fn key(&self, e: &FuzzyEntry) -> &str {
        self.arena
            .get(e.start as usize..e.start as usize + e.len as usize)
            .unwrap_or("")
    }

    fn push(&mut self, key: &str, src: FuzzySrc) {
        if key.len() > 255 {
            return;
        }
        let start = self.arena.len() as u32;
        self.arena.push_str(key);
        let nchars = key.chars().count().min(255) as u8;
        self.entries.push(FuzzyEntry {
            start,
            len: key.len() as u8,
            nchars,
            src,
        });
    }

    fn build(g: &Gazetteer) -> FuzzyIndex {
        let mut f = FuzzyIndex {
            entries: Vec::new(),
            masks: Vec::new(),
            by_len: Vec::new(),
            arena: String::new(),
        };
        if let Some(w) = &g.world {
            f.entries.reserve(w.n_keys());
            f.arena.reserve(8 << 20);
            let mut buf = Vec::new();
            for b in 0..w.n_blocks() {
                w.for_each_in_block(b, &mut buf, |k, r| {
                    if let Ok(s) = std::str::from_utf8(k) {
                        f.push(s, FuzzySrc::World(r));
                    }
                    true
                });
            }
        }
        let mut extra: Vec<&String> = g.extra_keys.keys().chain(g.overlay.keys()).collect();
        extra.sort();
        extra.dedup();
        for k in extra {
            f.push(k, FuzzySrc::Extra);
        }
        // Counting sort by character count (linear; this runs on the first fuzzy lookup).
        let mut by_len = vec![0u32; 257];
        for e in &f.entries {
            by_len[e.nchars as usize + 1] += 1;
        }
        for n in 1..257 {
            by_len[n] += by_len[n - 1];
        }
        let mut next = by_len.clone();
        let mut order = vec![0u32; f.entries.len()];
        for (i, e) in f.entries.iter().enumerate() {
            order[next[e.nchars as usize] as usize] = i as u32;
            next[e.nchars as usize] += 1;
        }
        let unsorted = std::mem::take(&mut f.entries);
        f.entries = order.iter().map(|i| unsorted[*i as usize]).collect();
        f.masks = f.entries.iter().map(|e| char_mask(f.key(e))).collect();
        f.by_len = by_len;
        f
    }
}
