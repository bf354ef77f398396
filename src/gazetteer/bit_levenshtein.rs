//! Levenshtein distance from one query to many keys, a column of the edit table at a time in
//! the bits of a `u64` (G. Myers, "A fast bit-vector algorithm for approximate string matching
//! based on dynamic programming", J. ACM 46(3), 1999; in H. Hyyrö's formulation for the
//! distance between whole strings, "Explaining and extending the bit-parallel approximate
//! string matching algorithm of Myers", 2001).
//!
//! A key costs one step per character instead of one per pair of characters. The distance is
//! the same as the table's (`normalize::bounded_levenshtein`, which a test compares it with);
//! a query longer than 64 characters is measured with the table.

use super::normalize::bounded_levenshtein;

/// A query prepared for measuring keys against it.
pub(crate) struct Pattern<'q> {
    q: &'q [char],
    /// For each ASCII character, the bit of each position of the query where it stands.
    ascii: [u64; 128],
    /// The same for the query's other characters.
    other: Vec<(char, u64)>,
    /// The table's row, for a query too long for the bits.
    row: Vec<usize>,
}

impl<'q> Pattern<'q> {
    pub fn new(q: &'q [char]) -> Pattern<'q> {
        let mut ascii = [0u64; 128];
        let mut other: Vec<(char, u64)> = Vec::new();
        for (i, c) in q.iter().enumerate().take(64) {
            let bit = 1u64 << i;
            match ascii.get_mut(*c as usize) {
                Some(m) => *m |= bit,
                None => match other.iter_mut().find(|(o, _)| o == c) {
                    Some((_, m)) => *m |= bit,
                    None => other.push((*c, bit)),
                },
            }
        }
        Pattern {
            q,
            ascii,
            other,
            row: Vec::new(),
        }
    }

    fn positions(&self, c: char) -> u64 {
        match self.ascii.get(c as usize) {
            Some(m) => *m,
            None => (self.other.iter())
                .find(|(o, _)| *o == c)
                .map_or(0, |(_, m)| *m),
        }
    }

    /// The distance from the query to `key` in characters, or `None` if it exceeds `max`.
    pub fn within(&mut self, key: &str, max: usize) -> Option<usize> {
        let m = self.q.len();
        if m == 0 || m > 64 {
            return bounded_levenshtein(self.q, key, max, &mut self.row);
        }
        let n = key.chars().count();
        if m.abs_diff(n) > max {
            return None;
        }
        let last = 1u64 << (m - 1);
        // Vertical deltas of the current column: +1 where set in `pv`, -1 where set in `mv`.
        let (mut pv, mut mv) = (u64::MAX >> (64 - m), 0u64);
        // The table's bottom cell of the current column.
        let mut score = m;
        for (j, c) in key.chars().enumerate() {
            let eq = self.positions(c);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let ph = mv | !(xh | pv);
            let mh = pv & xh;
            if ph & last != 0 {
                score += 1;
            } else if mh & last != 0 {
                score -= 1;
            }
            // The top row grows by one a column: a +1 enters at the bottom of the shift.
            let ph = (ph << 1) | 1;
            let mh = mh << 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
            // Each remaining character lowers the bottom cell by at most one.
            if score > max + (n - j - 1) {
                return None;
            }
        }
        (score <= max).then_some(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let mut row = Vec::new();
        bounded_levenshtein(&a, b, usize::MAX / 2, &mut row).unwrap()
    }

    #[test]
    fn gives_the_tables_distance() {
        let words = [
            "",
            "a",
            "ab",
            "vladivostok",
            "vladivostk",
            "wladiwostok",
            "vladimir",
            "pyongyang",
            "pyongyan",
            "평양",
            "평얀",
            "хасан",
            "hasan",
            "khabarovsk",
            "khabarovks",
            "aaaa",
            "ulan bator",
            "ulaanbaatar",
            "llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochllandysiliogogo",
            "llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
        ];
        for a in words {
            let q: Vec<char> = a.chars().collect();
            let mut p = Pattern::new(&q);
            for b in words {
                let d = table(a, b);
                for max in 0..5 {
                    let want = (d <= max).then_some(d);
                    assert_eq!(p.within(b, max), want, "{a:?} → {b:?} within {max}");
                }
            }
        }
    }
}
