//! Building the compact world table from GeoNames rows (used by `examples/derive_world.rs`
//! and by tests; never at run time).
//!
//! The layout is documented at the top of `src/gazetteer/world.rs`. Keys are made with [`super::normalize`], so
//! the bundled index and the queries use one and the same normalisation.

use std::collections::{BTreeMap, HashMap};

use super::grid::cell_index;
use super::normalize::{char_mask, normalize};
use super::world::{BLOCK, FCODES, LEN_SLOTS, MAGIC, REC, SINGLE};

/// One GeoNames populated place, as read from `cities500.txt`.
#[derive(Debug, Clone, PartialEq)]
pub struct WorldRow {
    /// GeoNames id.
    pub geonameid: u32,
    /// GeoNames' primary name.
    pub name: String,
    /// Latitude in degrees north.
    pub lat_deg: f64,
    /// Longitude in degrees east.
    pub lon_deg: f64,
    /// GeoNames feature code ("PPLC", "PPLA", "PPL" …).
    pub fcode: String,
    /// ISO 3166-1 alpha-2 country code ("RU").
    pub country: String,
    /// GeoNames admin1 code ("59" for Primorsky Krai in RU).
    pub admin1: String,
    /// Population as GeoNames gives it; 0 when unknown.
    pub population: u64,
    /// IANA time zone ("Asia/Vladivostok").
    pub tz: String,
    /// Other names, any script, as written.
    pub alternates: Vec<String>,
}

impl WorldRow {
    /// Reads one line of GeoNames' 19-column tab-separated format. `None` for a line that is
    /// not a well-formed row (the caller counts and reports them).
    pub fn parse_geonames(line: &str) -> Option<WorldRow> {
        let c: Vec<&str> = line.trim_end_matches(['\n', '\r']).split('\t').collect();
        if c.len() < 18 {
            return None;
        }
        let lat_deg: f64 = c[4].parse().ok()?;
        let lon_deg: f64 = c[5].parse().ok()?;
        if !(-90.0..=90.0).contains(&lat_deg) || !(-180.0..=180.0).contains(&lon_deg) {
            return None;
        }
        let mut alternates: Vec<String> = Vec::new();
        if c[2] != c[1] && !c[2].is_empty() {
            alternates.push(c[2].to_string());
        }
        alternates.extend(
            c[3].split(',')
                .filter(|a| keep_alternate(a))
                .map(str::to_string),
        );
        Some(WorldRow {
            geonameid: c[0].parse().ok()?,
            name: c[1].to_string(),
            lat_deg,
            lon_deg,
            fcode: c[7].to_string(),
            country: c[8].to_string(),
            admin1: c[10].to_string(),
            population: c[14].parse().unwrap_or(0),
            tz: c[17].to_string(),
            alternates,
        })
    }
}

/// GeoNames lists machine romanisations of foreign names in lower case ("urajiosutoku") and
/// airport/ICAO codes in capitals ("VVO"); neither is a name a reader types, so both are left
/// out to keep the table small. Everything else, in every script, is kept.
fn keep_alternate(a: &str) -> bool {
    if a.is_empty() || a.starts_with("http") {
        return false;
    }
    let lower_romanisation = a.is_ascii() && !a.chars().any(|c| c.is_ascii_uppercase());
    let code = a.is_ascii()
        && a.len() <= 4
        && a.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    !(lower_romanisation || code)
}

/// How much a place weighs when several share a name: log10 of its population plus a bonus
/// for capitals and administrative seats.
pub(crate) fn world_importance(population: u64, fcode: &str) -> f64 {
    let bonus = match fcode {
        "PPLC" => 2.0,
        "PPLA" => 1.0,
        "PPLA2" => 0.3,
        _ => 0.0,
    };
    (population as f64 + 1.0).log10() + bonus
}

struct Pool {
    bytes: Vec<u8>,
    seen: HashMap<String, u32>,
}

impl Pool {
    fn put(&mut self, s: &str) -> u32 {
        if let Some(off) = self.seen.get(s) {
            return *off;
        }
        let off = self.bytes.len() as u32;
        let mut end = s.len().min(255);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        self.bytes.push(end as u8);
        self.bytes.extend_from_slice(&s.as_bytes()[..end]);
        self.seen.insert(s.to_string(), off);
        off
    }
}

fn put_u24(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes()[..3]);
}

/// Builds the table bytes from rows (any order; sorted here by GeoNames id).
pub fn build_world(mut rows: Vec<WorldRow>) -> Vec<u8> {
    rows.sort_by_key(|r| r.geonameid);
    rows.dedup_by_key(|r| r.geonameid);
    let mut key_places: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let mut keys: Vec<String> = Vec::new();
        for k in std::iter::once(&r.name)
            .chain(&r.alternates)
            .map(|n| normalize(n))
        {
            if !k.is_empty() && k.len() <= 255 && !keys.contains(&k) {
                keys.push(k);
            }
        }
        for k in keys {
            key_places.entry(k).or_default().push(i as u32);
        }
    }
    let importance: Vec<f64> = rows
        .iter()
        .map(|r| world_importance(r.population, &r.fcode))
        .collect();

    let mut pool = Pool {
        bytes: Vec::new(),
        seen: HashMap::new(),
    };
    let mut places = Vec::with_capacity(rows.len() * REC);
    for r in &rows {
        places.extend_from_slice(&r.geonameid.to_le_bytes());
        places.extend_from_slice(&((r.lat_deg * 1e6).round() as i32).to_le_bytes());
        places.extend_from_slice(&((r.lon_deg * 1e6).round() as i32).to_le_bytes());
        places.extend_from_slice(&(r.population.min(u32::MAX as u64) as u32).to_le_bytes());
        put_u24(&mut places, pool.put(&r.name));
        put_u24(&mut places, pool.put(&r.admin1));
        put_u24(&mut places, pool.put(&r.tz));
        let cc = r.country.as_bytes();
        places.extend_from_slice(&[
            cc.first().copied().unwrap_or(b'?'),
            cc.get(1).copied().unwrap_or(b'?'),
        ]);
        let f = FCODES
            .iter()
            .position(|f| *f == r.fcode)
            .unwrap_or(FCODES.len() - 1);
        places.push(f as u8);
    }
    // Keys, front-coded in blocks of BLOCK: the first key of a block whole, the others as
    // (shared prefix length, suffix); each followed by its postings reference.
    let mut blocks: Vec<u32> = Vec::new();
    let mut keys = Vec::new();
    let mut postings = Vec::new();
    let mut prev: &str = "";
    // For the fuzzy scan: each key's index and character mask, by character count (capped
    // at 255), in key order.
    let mut by_chars: Vec<Vec<(u32, u32)>> = vec![Vec::new(); LEN_SLOTS - 1];
    for (n, (k, ps)) in key_places.iter_mut().enumerate() {
        by_chars[k.chars().count().min(255)].push((n as u32, char_mask(k)));
        let shared = if n % BLOCK == 0 {
            blocks.push(keys.len() as u32);
            0
        } else {
            common_prefix(prev, k).min(255)
        };
        keys.push(shared as u8);
        keys.push((k.len() - shared) as u8);
        keys.extend_from_slice(&k.as_bytes()[shared..]);
        if let [only] = ps.as_slice() {
            put_u24(&mut keys, SINGLE | only);
        } else {
            ps.sort_by(|a, b| importance[*b as usize].total_cmp(&importance[*a as usize]));
            put_u24(&mut keys, (postings.len() / 3) as u32);
            put_u24(&mut postings, ps.len() as u32);
            for p in ps.iter() {
                put_u24(&mut postings, *p);
            }
        }
        prev = k;
    }
    // For reverse lookups: the places in grid-cell order (then by index).
    let mut by_cell: Vec<u32> = (0..rows.len() as u32).collect();
    by_cell.sort_by_key(|i| {
        let r = &rows[*i as usize];
        // The position as stored (whole micro-degrees), so reader and writer agree on the cell.
        let stored = |deg: f64| (deg * 1e6).round() as i32 as f64 / 1e6;
        (cell_index(stored(r.lat_deg), stored(r.lon_deg)), *i)
    });
    let (mut by_len, mut gaps_at) = (vec![0u32], vec![0u32]);
    let (mut masks, mut gaps) = (Vec::new(), Vec::new());
    for group in &by_chars {
        let mut next = 0u32;
        for (i, m) in group {
            masks.extend_from_slice(&m.to_le_bytes());
            put_leb128(&mut gaps, i + 1 - next);
            next = i + 1;
        }
        by_len.push(by_len.last().copied().unwrap_or(0) + group.len() as u32);
        gaps_at.push(gaps.len() as u32);
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    for n in [
        rows.len(),
        key_places.len(),
        blocks.len(),
        postings.len() / 3,
        pool.bytes.len(),
        keys.len(),
        gaps.len(),
    ] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    out.extend_from_slice(&places);
    for b in &blocks {
        out.extend_from_slice(&b.to_le_bytes());
    }
    out.extend_from_slice(&postings);
    out.extend_from_slice(&pool.bytes);
    out.extend_from_slice(&keys);
    for n in by_len.iter().chain(&gaps_at) {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(&masks);
    out.extend_from_slice(&gaps);
    for i in by_cell {
        put_u24(&mut out, i);
    }
    out
}

/// Appends `v` as an unsigned LEB128 number: seven bits a byte, low bits first, the high bit
/// set on every byte but the last.
fn put_leb128(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v & 0x7f) as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Length in bytes of the common prefix of two keys, at a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .take_while(|((_, ca), cb)| ca == cb)
        .map(|((i, ca), _)| i + ca.len_utf8())
        .last()
        .unwrap_or(0)
}

#[cfg(test)]
pub(crate) fn sample_rows() -> Vec<WorldRow> {
    let lines = [
        "2022586\tKhasan\tKhasan\tKhasan,Хасан\t42.42387\t130.65156\tP\tPPL\tRU\t\t59\t\t\t\t776\t\t10\tAsia/Vladivostok\t2013-02-08",
        "1871859\tPyongyang\tPyongyang\tP'yŏngyang,Pjöngjang,Пхеньян,평양,heijo,FNJ\t39.03385\t125.75432\tP\tPPLC\tKP\t\t12\t\t\t\t3222000\t\t27\tAsia/Pyongyang\t2023-01-01",
        "2013348\tVladivostok\tVladivostok\tWladiwostok,Владивосток\t43.10562\t131.87353\tP\tPPLA\tRU\t\t59\t\t\t\t604901\t\t\tAsia/Vladivostok\t2023-01-01",
        "3185398\tHasan\tHasan\tHasan,Hasanaj\t41.48278\t19.69972\tP\tPPLA3\tAL\t\t42\t\t\t\t0\t\t18\tEurope/Tirane\t2023-01-01",
        "2017478\tRazdol’noye\tRazdol'noye\tRazdol'noe,Раздольное\t43.53894\t131.89691\tP\tPPL\tRU\t\t59\t\t\t\t7567\t\t39\tAsia/Vladivostok\t2020-06-10",
        "695740\tRazdol’noye\tRazdol'noye\tRozdol'ne\t45.77083\t33.48777\tP\tPPLA2\tUA\t\t11\t\t\t\t7326\t\t19\tEurope/Simferopol\t2022-10-27",
        "2014006\tUssuriysk\tUssuriysk\tUssurijsk,Уссурийск\t43.80291\t131.94578\tP\tPPL\tRU\t\t59\t\t\t\t157068\t\t27\tAsia/Vladivostok\t2016-12-03",
    ];
    lines
        .iter()
        .filter_map(|l| WorldRow::parse_geonames(l))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_geonames_rows_and_drops_noise_alternates() {
        let rows = sample_rows();
        assert_eq!(rows.len(), 7);
        let p = rows.iter().find(|r| r.geonameid == 1871859).unwrap();
        assert_eq!(
            (p.lat_deg, p.lon_deg, p.population),
            (39.03385, 125.75432, 3_222_000)
        );
        assert!(p.alternates.contains(&"평양".to_string()));
        assert!(!p.alternates.contains(&"heijo".to_string()));
        assert!(!p.alternates.contains(&"FNJ".to_string()));
        assert!(
            WorldRow::parse_geonames("1\tX\tX\t\t95.0\t10\tP\tPPL\tRU\t\t\t\t\t\t0\t\t\tUTC\t")
                .is_none()
        );
        assert!(WorldRow::parse_geonames("garbage").is_none());
    }

    #[test]
    fn capitals_outweigh_villages() {
        assert!(world_importance(3_000_000, "PPLC") > world_importance(3_000_000, "PPL"));
        assert!(world_importance(776, "PPL") > world_importance(0, "PPLA3"));
    }
}
