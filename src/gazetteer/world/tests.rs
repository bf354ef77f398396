//! World table tests: round trips, the precomputed sections, damaged tables.

use super::super::grid::cell_index;
use super::super::normalize::char_mask;
use super::super::world_build::{build_world, sample_rows};
use super::*;

/// Whether `by_cell` lists every place once, in grid-cell order.
fn in_cell_order(w: &World) -> bool {
    let order: Vec<usize> = (0..w.len()).filter_map(|j| w.by_cell(j)).collect();
    let mut seen = order.clone();
    seen.sort();
    let cell = |i: usize| w.rec(i).map(|r| cell_index(r.lat_deg, r.lon_deg));
    seen == (0..w.len()).collect::<Vec<_>>()
        && order
            .windows(2)
            .all(|p| (cell(p[0]), p[0]) < (cell(p[1]), p[1]))
}

#[test]
fn places_are_listed_in_grid_cell_order() {
    assert!(in_cell_order(&sample()));
    let bundled = World::new(Cow::Borrowed(super::super::WORLD_RCG)).unwrap();
    assert!(in_cell_order(&bundled));
    // Swapping two entries is noticed.
    let mut bytes = build_world(sample_rows());
    let n = bytes.len();
    let (a, b) = (n - 6, n - 3);
    for k in 0..3 {
        bytes.swap(a + k, b + k);
    }
    assert!(!in_cell_order(&World::new(Cow::Owned(bytes)).unwrap()));
}

fn sample() -> World {
    World::new(Cow::Owned(build_world(sample_rows()))).unwrap()
}

#[test]
fn round_trips_rows_and_finds_keys() {
    let w = sample();
    assert_eq!(w.len(), 7);
    let p: Vec<usize> = w.postings(w.find_key("pyongyang").unwrap()).collect();
    let r = w.rec(p[0]).unwrap();
    assert_eq!(
        (r.geonameid, r.lat_deg, r.lon_deg),
        (1871859, 39.03385, 125.75432)
    );
    assert_eq!(w.pool_str(r.tz_off), "Asia/Pyongyang");
    assert_eq!(&r.country, b"KP");
    assert!(w.find_key("평양").is_some());
    assert!(w.find_key("pjongjang").is_some());
    assert!(w.find_key("nowhere").is_none());
    assert!(w.find_key("").is_none());
    assert!(w.find_key("zzzzzz").is_none());
    // Both Razdolnoye share a key; the more important (a district seat, PPLA2) comes first.
    let both: Vec<u32> = w
        .postings(w.find_key("razdolnoye").unwrap())
        .map(|i| w.rec(i).unwrap().geonameid)
        .collect();
    assert_eq!(both, [695740, 2017478]);
    assert_eq!(
        w.by_geonameid(2022586)
            .and_then(|i| w.rec(i))
            .map(|r| r.population),
        Some(776)
    );
}

#[test]
fn every_key_is_found_again() {
    let w = sample();
    let mut all = Vec::new();
    let mut buf = Vec::new();
    for b in 0..w.n_blocks() {
        w.for_each_in_block(b, &mut buf, |k, r| {
            all.push((String::from_utf8(k.to_vec()).unwrap(), r));
            true
        });
    }
    assert_eq!(all.len(), w.n_keys());
    assert!(all.windows(2).all(|p| p[0].0 < p[1].0));
    assert_eq!(length_groups(&w), expected_length_groups(&all));
    for (k, r) in &all {
        assert_eq!(w.find_key(k), Some(*r), "{k}");
    }
    let mut buf = Vec::new();
    for (i, (k, r)) in all.iter().enumerate() {
        assert_eq!(w.key_at(i, &mut buf), Some((k.as_bytes(), *r)), "{k}");
    }
    assert_eq!(w.key_at(all.len(), &mut buf), None);
}

/// Each key's (character count, index, mask) as the table's length groups list them.
fn length_groups(w: &World) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    for n in 0..=256 {
        w.for_each_of_length(n, |i, m| out.push((n, i, m)));
    }
    out
}

/// The same, computed from the keys (in key order).
fn expected_length_groups<T>(keys: &[(String, T)]) -> Vec<(usize, usize, u32)> {
    let mut out: Vec<(usize, usize, u32)> = (keys.iter().enumerate())
        .map(|(i, (k, _))| (k.chars().count().min(255), i, char_mask(k)))
        .collect();
    out.sort();
    out
}

/// The bundled table's length groups list every key once, under its character count and
/// with its mask: what `derive_world` wrote agrees with the keys it wrote.
#[test]
fn the_bundled_tables_length_groups_describe_its_keys() {
    let w = World::new(Cow::Borrowed(super::super::WORLD_RCG)).unwrap();
    let mut all = Vec::with_capacity(w.n_keys());
    let mut buf = Vec::new();
    for b in 0..w.n_blocks() {
        w.for_each_in_block(b, &mut buf, |k, _| {
            all.push((String::from_utf8(k.to_vec()).unwrap(), ()));
            true
        });
    }
    assert_eq!(all.len(), w.n_keys());
    assert_eq!(length_groups(&w), expected_length_groups(&all));
}

/// The header's length of the gaps section.
fn gaps_len(bytes: &[u8]) -> usize {
    u32::from_le_bytes([bytes[32], bytes[33], bytes[34], bytes[35]]) as usize
}

/// The bytes of the masks and gaps sections.
fn w_masks_and_gaps(bytes: &[u8]) -> usize {
    let n_keys = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
    4 * n_keys + gaps_len(bytes)
}

#[test]
fn damaged_tables_are_refused_not_panicked_on() {
    let bytes = build_world(sample_rows());
    assert!(matches!(
        World::new(Cow::Owned(bytes[..bytes.len() - 3].to_vec())),
        Err(Error::CorruptData { .. })
    ));
    assert!(World::new(Cow::Borrowed(b"nonsense")).is_err());
    let mut bad = bytes.clone();
    bad[8] = 0xff; // n_places
    assert!(World::new(Cow::Owned(bad)).is_err());
    // Length groups out of order, or a zero gap: refused, or scanned without a panic.
    let groups_at = bytes.len() - 3 * 7 - 4 * 257 * 2 - w_masks_and_gaps(&bytes);
    let mut bad = bytes.clone();
    bad[groups_at + 4..groups_at + 8].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(World::new(Cow::Owned(bad)).is_err());
    let mut zero_gaps = bytes.clone();
    let gaps_at = bytes.len() - 3 * 7 - gaps_len(&bytes);
    zero_gaps[gaps_at..bytes.len() - 3 * 7].fill(0);
    let w = World::new(Cow::Owned(zero_gaps)).unwrap();
    assert!(length_groups(&w).len() < 2, "a zero gap ends the scan");
    // Scrambled keys: lookups may fail but must not panic.
    let mut scrambled = bytes.clone();
    let n = scrambled.len();
    for b in &mut scrambled[n - 60..] {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    if let Ok(w) = World::new(Cow::Owned(scrambled)) {
        let _ = w.find_key("khasan").map(|r| w.postings(r).count());
    }
}
