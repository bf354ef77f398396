//! Finding entries by key: exact and alias matches through the indexes, and fuzzy matches by
//! a bounded edit distance over every key (scanned in place over the stored masks).

use super::bit_levenshtein::Pattern;
use super::normalize::{char_mask, normalizes_to};
use super::place::{Place, PlaceKind};

use super::airports::AirportName;
use super::key_cache::KeyCache;
use super::other_names::OtherId;
use super::world::PostingRef;
use super::{Ent, Gazetteer};
use crate::coord::LatLon;
use std::sync::atomic::Ordering;

/// The fields used to rank a candidate, borrowed from the tables: nothing is allocated until
/// a candidate is listed (see `Gazetteer::candidate`).
#[derive(Debug, Clone)]
pub(crate) struct Summary<'a> {
    pub name: &'a str,
    pub kind: PlaceKind,
    /// ISO code(s), "" when unknown ("CN-KP" for a feature on a border).
    pub country: &'a str,
    pub population: Option<u64>,
    pub at: LatLon,
    pub importance: f64,
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
    /// The primary name of a place that shares its name with the place an alias was found
    /// on (see `namesakes.rs`).
    Namesake,
    /// An airport's short name ("Heathrow" for London Heathrow Airport, see
    /// `airport_names.rs`).
    AirportShortName,
    /// A spelling within this many edits.
    Fuzzy(u8),
}

/// The population from which a city's aliases count as its exonyms ("Cologne" for Köln,
/// 963,395 people): such an alias gains [`EXONYM_BONUS`]. A large city's other names are the
/// ones other languages use; a small place's are more often transliterations that clash
/// ("Khasan" is an alias of Hassan, India, 150,000 people, and the name of the Russian
/// village the story means). A name that is a first-level division's is no city's exonym
/// ("Henan", the province, is an alias of Hengyang in GeoNames): see `resolve.rs`.
pub(crate) const EXONYM_FROM_POPULATION: u64 = 500_000;
/// What an alias of a city over [`EXONYM_FROM_POPULATION`] gains: one order of population,
/// so its place must be about 100 times (not 1,000 times) a town that carries the name as
/// its own: Köln (137 times) beats Cologne, Lombardy (7,032 people).
pub(crate) const EXONYM_BONUS: f64 = 1.0;

/// The population from which a place of an airport's short name, found by its name or an
/// alias, ranks above the airport: Narita (100,641 people) is the city, "Halle" the city of
/// Halle (Saale) rather than Leipzig/Halle airport, but "Heathrow" the London airport rather
/// than Heathrow, Florida (5,896). Against smaller places, a hub airport (see
/// [`HUB_SERVES_POPULATION`]) ranks as a town of this many people found by its name.
pub(crate) const AIRPORT_SHORT_NAME_AS_POPULATION: f64 = 10_000.0;
/// The population of the city an airport serves from which its short name ranks as a town
/// of [`AIRPORT_SHORT_NAME_AS_POPULATION`] (Amsterdam's 741,636 count; Sampit's 166,773 do
/// not). Other airports' short names rank as aliases of a place with no population: "Hasan"
/// is the Russian border village that carries it as an alias before Sampit's airport, whose
/// name gives it in brackets.
pub(crate) const HUB_SERVES_POPULATION: u64 = 500_000;

/// What a hub airport's short name adds to its score: a town's name bonus plus a town's
/// importance at [`AIRPORT_SHORT_NAME_AS_POPULATION`], less the airport's own importance
/// (`extra_importance`, 1.0 without a population).
pub(crate) fn hub_short_name_bonus() -> f64 {
    Hit::Name.bonus() + AIRPORT_SHORT_NAME_AS_POPULATION.log10() - 1.0
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
            // A namesake must be ten times the alias's place to outrank it.
            Hit::Namesake => -1.0,
            // As an alias; a hub's gains `hub_short_name_bonus` where it is ranked.
            Hit::AirportShortName => 0.0,
            Hit::Fuzzy(d) => -1.5 * f64::from(d),
        }
    }
}

/// Importance of a curated place, river, airport or sea: population if known, plus a bonus
/// for being a feature the project chose to carry (rivers and seas more, as "Tumen River" or
/// "Red Sea" rarely means a village).
pub(crate) fn extra_importance(p: &Place) -> f64 {
    let pop = p.population.map_or(0.0, |n| (n as f64 + 1.0).log10());
    pop + match p.kind {
        PlaceKind::River | PlaceKind::Sea => 4.0,
        _ => 1.0,
    }
}

impl Gazetteer {
    /// Every entry whose name or alias has exactly this key, with how it matched; airports
    /// also by a code written as `text` ("RZE"). Errors only if the bundled airports table,
    /// read here on first need, is damaged.
    pub(crate) fn exact_hits(
        &self,
        key: &str,
        text: &str,
    ) -> Result<Vec<(Ent, Hit)>, super::Error> {
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
        for id in (self.other_names.find(key).into_iter()).chain(self.weather_names.find(key)) {
            let ent = match id {
                OtherId::GeoNames(id) => (self.world.as_ref())
                    .and_then(|w| w.by_geonameid(id))
                    .map(|i| Ent::World(i as u32)),
                OtherId::Curated(id) => (self.extra.iter())
                    .position(|p| p.id == id)
                    .map(|i| Ent::Extra(i as u32)),
            };
            if let Some(e) = ent
                && !hits.iter().any(|(h, _)| *h == e)
            {
                hits.push((e, Hit::Alias));
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
        if let Some(a) = self.airports_for(key, text)? {
            if let Some(i) = a.by_code(text) {
                hits.push((Ent::Airport(i), Hit::CuratedAlias));
            }
            for (i, which) in a.named(key)? {
                let hit = match which {
                    AirportName::Full => Hit::Name,
                    AirportName::CityAirport => Hit::CuratedAlias,
                    AirportName::Short => Hit::AirportShortName,
                };
                hits.push((Ent::Airport(i), hit));
            }
        }
        Ok(hits)
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

    /// Counts a misspelt name (one that is looked up by close spellings): from the
    /// `DECODE_FROM_MISSPELT`th on, the keys are decoded into memory (see `key_cache.rs`);
    /// before, each is answered from the tables in place, decoding only what it reads.
    pub(crate) fn note_misspelt(&self) {
        self.misspelt.fetch_add(1, Ordering::Relaxed);
    }

    /// Decodes every lookup key into memory now, so that every later misspelt name is
    /// measured from there: for a caller that knows it will look up many (an evaluation, a
    /// batch of articles). Without it, a gazetteer decodes them on its
    /// `DECODE_FROM_MISSPELT`th misspelt name.
    pub fn prepare_fuzzy(&self) {
        self.key_cache_now();
    }

    fn key_cache_now(&self) -> &KeyCache {
        self.key_cache
            .get_or_init(|| KeyCache::new(self.world.as_ref(), self.other_keys()))
    }

    /// The keys in memory, decoded now if enough misspelt names were asked.
    fn key_cache(&self) -> Option<&KeyCache> {
        if let Some(c) = self.key_cache.get() {
            return Some(c);
        }
        (self.misspelt.load(Ordering::Relaxed) >= DECODE_FROM_MISSPELT)
            .then(|| self.key_cache_now())
    }

    /// The keys of the curated places, the alias overlay and the airports' names (each
    /// airport key once; a curated key may also be an overlay key).
    fn other_keys(&self) -> impl Iterator<Item = &str> {
        (self.extra_keys.keys().map(String::as_str))
            .chain(self.overlay.keys().map(String::as_str))
            .chain(self.airport_index.keys().map(|k| -> &str { k }))
    }

    /// Entries within `max` edits of `key` (at most `limit` keys, closest first).
    ///
    /// Only world keys whose character count is within `max` of the query's (the table
    /// groups its keys by count, so only those groups are read), and whose stored character
    /// mask differs from the query's in at most `max` bins either way (an edit adds at most
    /// one bin and removes at most one), are measured. Ties in distance go to the shorter
    /// key, then to the world table before the curated keys, then to key order.
    pub(crate) fn fuzzy_hits(&self, key: &str, max: usize, limit: usize) -> Vec<(Ent, Hit)> {
        (self.fuzzy_keyed(key, max, limit).into_iter())
            .map(|(e, h, _)| (e, h))
            .collect()
    }

    /// As [`Gazetteer::fuzzy_hits`], with the key each entry was found by.
    pub(crate) fn fuzzy_keyed(
        &self,
        key: &str,
        max: usize,
        limit: usize,
    ) -> Vec<(Ent, Hit, String)> {
        let q: Vec<char> = key.chars().collect();
        let mut pattern = Pattern::new(&q);
        let cache = self.key_cache();
        self.fuzzy_hits_by(key, max, limit, cache, |k, max| pattern.within(k, max))
    }

    /// As [`Gazetteer::fuzzy_keyed`], with `within(key, max)` measuring a key's distance
    /// from the query (`None` beyond `max`), reading the keys from `cache` if given, else
    /// from the tables in place. Both give the same answer (a test compares them).
    fn fuzzy_hits_by(
        &self,
        key: &str,
        max: usize,
        limit: usize,
        cache: Option<&KeyCache>,
        mut within: impl FnMut(&str, usize) -> Option<usize>,
    ) -> Vec<(Ent, Hit, String)> {
        let q: Vec<char> = key.chars().collect();
        if q.len() > 255 {
            return Vec::new();
        }
        let qmask = char_mask(key);
        let (lo, hi) = (q.len().saturating_sub(max), q.len() + max);
        let near_mask = |m: u32| at_most_bits(m & !qmask, max) && at_most_bits(qmask & !m, max);
        let mut found: Vec<Found> = Vec::new();
        match (cache, &self.world) {
            (Some(c), _) => {
                for n in lo..=hi.min(255) {
                    c.for_each_near(n, near_mask, |i, k, r| {
                        if let Some(d) = within(k, max) {
                            found.push((d, n, 0, i, Some(r)));
                        }
                    });
                }
            }
            (None, Some(w)) => {
                let mut buf = Vec::with_capacity(64);
                for n in lo..=hi.min(255) {
                    w.for_each_of_length(n, |i, m| {
                        if near_mask(m)
                            && let Some((k, r)) = w.key_at(i, &mut buf)
                            && let Ok(k) = std::str::from_utf8(k)
                            && let Some(d) = within(k, max)
                        {
                            found.push((d, n, 0, i, Some(r)));
                        }
                    });
                }
            }
            (None, None) => {}
        }
        // Only the keys that match are sorted (into key order, for the ties), not all of them.
        let mut extra: Vec<(usize, usize, &str)> = Vec::new();
        let mut measure = |n: usize, m: u32, k: &'_ str| -> Option<usize> {
            if n < lo || n > hi || !near_mask(m) {
                return None;
            }
            within(k, max)
        };
        if let Some(c) = cache {
            for (n, m, k) in c.others() {
                if let Some(d) = measure(n, m, k) {
                    extra.push((d, n, k));
                }
            }
        } else {
            // Airports by name (never by code: "Czyta" is not CZTA), from their name index.
            for k in self.other_keys() {
                // A key has no more characters than bytes, and an ASCII key as many: most
                // keys are measured without counting their characters.
                if k.len() < lo {
                    continue;
                }
                let n = if k.is_ascii() {
                    k.len()
                } else {
                    k.chars().count()
                };
                if n >= lo
                    && n <= hi
                    && let Some(d) = measure(n, char_mask(k), k)
                {
                    extra.push((d, n, k));
                }
            }
        }
        extra.sort_unstable_by(|a, b| a.2.cmp(b.2));
        extra.dedup_by(|a, b| a.2 == b.2);
        for (i, (d, n, _)) in extra.iter().enumerate() {
            found.push((*d, *n, 1, i, None));
        }
        found.sort_by_key(|f| (f.0, f.1, f.2, f.3));
        let mut hits = Vec::new();
        let mut buf = Vec::new();
        for (d, _, _, i, r) in found.into_iter().take(limit) {
            let h = Hit::Fuzzy(d as u8);
            match (r, &self.world) {
                (Some(r), Some(w)) => {
                    let k = (w.key_at(i, &mut buf))
                        .map(|(k, _)| String::from_utf8_lossy(k).into_owned())
                        .unwrap_or_default();
                    hits.extend(
                        (w.postings(r).take(8)).map(|p| (Ent::World(p as u32), h, k.clone())),
                    );
                }
                (Some(_), None) => {}
                (None, _) => {
                    let k = extra[i].2;
                    for (p, _) in self.extra_keys.get(k).into_iter().flatten() {
                        hits.push((Ent::Extra(*p), h, k.to_string()));
                    }
                    for p in self.overlay.get(k).into_iter().flatten() {
                        hits.push((Ent::World(*p), h, k.to_string()));
                    }
                    // A damaged bundled table (which a unit test rules out) leaves the
                    // airports out of the close spellings.
                    let by_name =
                        (self.airports_for(k, k).ok().flatten()).and_then(|a| a.named(k).ok());
                    for (p, _) in by_name.into_iter().flatten() {
                        hits.push((Ent::Airport(p), h, k.to_string()));
                    }
                }
            }
        }
        hits
    }
}

/// The misspelt name from which a gazetteer decodes its keys into memory. Decoding costs
/// about what 40 misspelt names answered in place cost (divan, on a loaded machine: 60-80 ms,
/// against 1.6-3 ms for a name in place and 0.7-1.3 ms from memory); decoding once about that
/// much has been spent in place keeps a process within about twice what the better of the two
/// would have cost it, however many names it asks (the rent-or-buy rule), and a process with a
/// few misspelt names never decodes.
pub(crate) const DECODE_FROM_MISSPELT: u32 = 40;

/// Whether `x` has at most `n` bits set: `x.count_ones() <= n`, without the population
/// count instruction, which a build for the baseline x86-64 lacks (its software stand-in was
/// a third of a misspelt name's `locate`, per perf): each step clears the lowest bit.
fn at_most_bits(mut x: u32, n: usize) -> bool {
    for _ in 0..n {
        if x == 0 {
            return true;
        }
        x &= x - 1;
    }
    x == 0
}

/// A fuzzy match: (distance, characters, 0 = world / 1 = curated, index, reference).
type Found = (usize, usize, u8, usize, Option<PostingRef>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_of_possible_lengths_finds_every_key_a_full_scan_finds() {
        let g = Gazetteer::load_default().unwrap();
        let w = g.world.as_ref().unwrap();
        let mut all = Vec::new();
        let mut buf = Vec::new();
        for b in 0..w.n_blocks() {
            w.for_each_in_block(b, &mut buf, |k, _| {
                all.push(String::from_utf8(k.to_vec()).unwrap());
                true
            });
        }
        for key in ["vladivostk", "ulan batr", "hasna", "평얀", "x"] {
            let q: Vec<char> = key.chars().collect();
            let mut row = Vec::new();
            // Every world key within two edits, measured one by one, closest first.
            let mut want: Vec<(usize, usize, &str)> = (all.iter().enumerate())
                .filter_map(|(i, k)| {
                    let d = crate::gazetteer::normalize::bounded_levenshtein(&q, k, 2, &mut row)?;
                    Some((d, k.chars().count(), i))
                })
                .map(|(d, n, i)| (d, n, all[i].as_str()))
                .collect();
            want.sort();
            let mut got: Vec<(usize, usize, String)> = (g.fuzzy_keyed(key, 2, usize::MAX))
                .into_iter()
                .filter(|(e, _, k)| matches!(e, Ent::World(_)) && w.find_key(k).is_some())
                .map(|(_, h, k)| match h {
                    Hit::Fuzzy(d) => (d as usize, k.chars().count(), k),
                    _ => unreachable!("{key}: only close spellings"),
                })
                .collect();
            got.sort();
            got.dedup();
            let got: Vec<(usize, usize, &str)> =
                got.iter().map(|(d, n, k)| (*d, *n, k.as_str())).collect();
            assert_eq!(got, want, "{key}");
            if key.len() > 3 {
                assert!(!got.is_empty(), "{key}");
            }
        }
    }

    /// Misspellings of the evaluation's names (data/eval, every language): one letter
    /// deleted, or two neighbouring letters swapped, at a position that varies by row.
    fn misspellings(every: usize) -> Vec<String> {
        let text = std::fs::read_to_string("data/eval/gazetteer_eval.tsv").unwrap();
        let rows = text.lines().filter(|l| !l.starts_with('#'));
        let mut out = Vec::new();
        for (i, row) in rows.enumerate().filter(|(i, _)| i.is_multiple_of(every)) {
            let name = row.split('\t').nth(1).unwrap();
            let mut c: Vec<char> = crate::gazetteer::normalize(name).chars().collect();
            if c.len() < 3 {
                continue;
            }
            let at = (i / every * 7) % (c.len() - 1);
            if (i / every).is_multiple_of(2) {
                c.remove(at);
            } else {
                c.swap(at, at + 1);
            }
            out.push(c.into_iter().collect());
        }
        out
    }

    #[test]
    fn at_most_bits_counts_like_count_ones() {
        for x in [
            0u32,
            1,
            2,
            3,
            0b1011,
            0x8000_0001,
            0xF0F0,
            u32::MAX,
            0x7FFF_FFFF,
        ] {
            for n in 0..34 {
                assert_eq!(
                    at_most_bits(x, n),
                    x.count_ones() as usize <= n,
                    "{x:#x} {n}"
                );
            }
        }
    }

    #[test]
    fn the_bit_parallel_distance_finds_what_the_table_found() {
        let old = |q: &[char], k: &str, max: usize, row: &mut Vec<usize>| {
            crate::gazetteer::normalize::bounded_levenshtein(q, k, max, row)
        };
        let g = Gazetteer::load_default().unwrap();
        let words = misspellings(8);
        assert!(words.len() >= 250, "{} misspellings", words.len());
        let mut found = 0;
        for (i, key) in words.iter().enumerate() {
            let q: Vec<char> = key.chars().collect();
            let max = if q.len() < 6 { 1 } else { 2 };
            let got = g.fuzzy_keyed(key, max, usize::MAX);
            let mut row = Vec::new();
            let want = g.fuzzy_hits_by(key, max, usize::MAX, None, |k, m| old(&q, k, m, &mut row));
            assert_eq!(got, want, "{key:?} (query {i})");
            found += usize::from(!got.is_empty());
        }
        // Most are found (236 of 302 when written): the sets compared are not empty ones.
        assert!(
            found * 4 >= words.len() * 3,
            "{found} of {} found",
            words.len()
        );
    }

    #[test]
    fn the_keys_in_memory_give_what_the_tables_in_place_give() {
        let g = Gazetteer::load_default().unwrap();
        let cache = KeyCache::new(g.world.as_ref(), g.other_keys());
        let words = misspellings(8);
        let mut found = 0;
        for key in words
            .iter()
            .map(String::as_str)
            .chain(["x", "heathrw", "평얀", "아"])
        {
            let q: Vec<char> = key.chars().collect();
            let max = if q.len() < 6 { 1 } else { 2 };
            let mut p = Pattern::new(&q);
            let in_place = g.fuzzy_hits_by(key, max, 24, None, |k, m| p.within(k, m));
            let mut p = Pattern::new(&q);
            let cached = g.fuzzy_hits_by(key, max, 24, Some(&cache), |k, m| p.within(k, m));
            assert_eq!(cached, in_place, "{key:?}");
            found += usize::from(!cached.is_empty());
        }
        assert!(found * 4 >= words.len() * 3, "{found} found");
    }

    #[test]
    fn the_keys_are_decoded_after_many_misspelt_names_or_on_request_and_dropped_with_new_places() {
        let mut g = Gazetteer::load_default().unwrap();
        assert!(
            g.resolve(&crate::gazetteer::Query::name("Vladivostok"))
                .is_ok()
        );
        assert!(g.key_cache.get().is_none(), "an exact name decodes nothing");
        let first = g.suggest("Vladivostk", 5);
        for _ in 2..DECODE_FROM_MISSPELT {
            g.note_misspelt();
        }
        assert!(g.key_cache.get().is_none(), "read in place so far");
        let second = g.suggest("Vladivostk", 5);
        assert!(g.key_cache.get().is_some(), "decoded at the last of them");
        let names = |c: &[crate::gazetteer::Candidate]| -> Vec<String> {
            c.iter().map(|c| c.id.clone()).collect()
        };
        assert_eq!(names(&second), names(&first));
        assert!(!first.is_empty());
        // A place added later must be found by its close spellings too.
        let mut p = g.get(&first[0].id).unwrap();
        p.id = "story:zzyzx".into();
        p.name = "Zzyzxville".into();
        p.aliases.clear();
        g.add_places(vec![p]);
        assert!(g.key_cache.get().is_none());
        g.prepare_fuzzy();
        assert!(g.key_cache.get().is_some(), "decoded on request");
        let got = g.suggest("Zzyzxvile", 1);
        assert_eq!(got.first().map(|c| c.id.as_str()), Some("story:zzyzx"));
    }
}
