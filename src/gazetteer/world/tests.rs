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
    // The fuzzy-scan sections describe the keys in the same order.
    for (i, (k, _)) in all.iter().enumerate() {
        assert_eq!(w.key_chars()[i] as usize, k.chars().count(), "{k}");
        let m = &w.key_masks()[4 * i..4 * i + 4];
        assert_eq!(
            u32::from_le_bytes([m[0], m[1], m[2], m[3]]),
            char_mask(k),
            "{k}"
        );
    }
    for (k, r) in &all {
        assert_eq!(w.find_key(k), Some(*r), "{k}");
    }
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
