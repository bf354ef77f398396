//! Bundled text tables whose rows are sorted by their first field, bytewise, searched in
//! place: nothing is parsed or indexed at load, and a lookup is a binary search over the
//! text that steps back to the start of the line it lands in. Used by the other-names table
//! (`other_names.rs`) and the airports' name index (`airport_index.rs`).

/// The text after the table's header comment lines ("# …"), or `None` if it has none (the
/// derivation scripts always write one, so a table without it is not theirs).
pub(crate) fn body(text: &str) -> Option<&str> {
    let mut body = text;
    while body.starts_with('#') {
        body = body.split_once('\n').map_or("", |(_, rest)| rest);
    }
    (body.len() != text.len()).then_some(body)
}

/// The rows of `body` (rows sorted by first field, no header) whose first field is `key`,
/// in table order, each as (byte offset of the row in `body`, the row without its newline).
pub(crate) fn rows_with_key<'t>(
    body: &'t str,
    key: &str,
) -> impl Iterator<Item = (usize, &'t str)> + use<'t> {
    let bytes = body.as_bytes();
    let line_end = |s: usize| {
        bytes[s..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| s + i)
    };
    let key_at = |s: usize, e: usize| {
        let line = &bytes[s..e];
        &line[..line.iter().position(|&b| b == b'\t').unwrap_or(line.len())]
    };
    // Invariant: `lo` and `hi` are line starts; every line before `lo` has a smaller key,
    // and no line from `hi` on has a smaller one.
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let s = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let e = line_end(s);
        if key_at(s, e) < key.as_bytes() {
            lo = (e + 1).min(bytes.len());
        } else {
            hi = s;
        }
    }
    let key = key.to_string();
    let mut s = lo;
    std::iter::from_fn(move || {
        if s >= body.len() {
            return None;
        }
        let e = body[s..].find('\n').map_or(body.len(), |i| s + i);
        let line = &body[s..e];
        let first = line.split('\t').next().unwrap_or("");
        if first != key {
            s = body.len();
            return None;
        }
        let at = s;
        s = e + 1;
        Some((at, line))
    })
}

/// The 1-based line in `text` (header included) of the byte offset `at` of its `body`, for
/// an error that names the line.
pub(crate) fn line_of(text: &str, body: &str, at: usize) -> usize {
    let header = text.len() - body.len();
    text.as_bytes()[..(header + at).min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "# a header\n# key\tvalue\nalpha\t1\nbeta\t2\nbeta\t3\nгамма\t4\n金沙萨\t5";

    fn values(key: &str) -> Vec<&'static str> {
        let body = body(SMALL).unwrap();
        rows_with_key(body, key)
            .map(|(_, row)| row.split('\t').nth(1).unwrap())
            .collect()
    }

    #[test]
    fn finds_every_key_and_no_other() {
        assert_eq!(values("alpha"), ["1"]);
        assert_eq!(values("beta"), ["2", "3"]);
        assert_eq!(values("гамма"), ["4"]);
        assert_eq!(
            values("金沙萨"),
            ["5"],
            "the last row, with no newline after it"
        );
        for absent in ["", "a", "alph", "alphaa", "bet", "gamma", "zzz", "金"] {
            assert!(values(absent).is_empty(), "{absent:?}");
        }
    }

    #[test]
    fn rows_carry_their_offset_and_line() {
        let body = body(SMALL).unwrap();
        let found: Vec<(usize, &str)> = rows_with_key(body, "beta").collect();
        assert_eq!(found[0], (8, "beta\t2"));
        assert_eq!(line_of(SMALL, body, found[0].0), 4);
        assert_eq!(line_of(SMALL, body, found[1].0), 5);
    }

    #[test]
    fn a_table_without_a_header_or_rows_is_told_apart() {
        assert_eq!(body("alpha\t1\n"), None);
        assert_eq!(body("# only a header\n"), Some(""));
        assert_eq!(rows_with_key("", "alpha").count(), 0);
    }
}
