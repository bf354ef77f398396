//! Numbers as articles write them: "1,200", "4 1/2", "4½", "1.5 million", "an", "two and a half".

/// Parses a whole string as a number written in digits or words.
///
/// ```
/// use routecheck::units::parse_number_words;
/// assert_eq!(parse_number_words("two and a half"), Some(2.5));
/// assert_eq!(parse_number_words("1,200"), Some(1200.0));
/// assert_eq!(parse_number_words("an"), Some(1.0));
/// assert_eq!(parse_number_words("twenty-four"), Some(24.0));
/// ```
pub fn parse_number_words(s: &str) -> Option<f64> {
    let s = s.trim();
    let (v, used) = number_prefix(s)?;
    s[used..].trim().is_empty().then_some(v)
}

/// Reads a number at the start of `s` and returns it with the number of bytes it used.
/// Leading white space is skipped (and counted).
pub(crate) fn number_prefix(s: &str) -> Option<(f64, usize)> {
    let lead = s.len() - s.trim_start().len();
    let t = &s[lead..];
    let (v, used) = digits_prefix(t).or_else(|| words_prefix(t))?;
    let (v, more) = scale_suffix(&t[used..], v);
    Some((v, lead + used + more))
}

/// "1,200", "1 200" (thin or no-break space), "1.5", "4 1/2", "4½", ".5".
fn digits_prefix(t: &str) -> Option<(f64, usize)> {
    let b = t.as_bytes();
    let mut i = 0;
    let mut text = String::new();
    let digit_run = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = digit_run(0);
    if first == 0 && !(b.first() == Some(&b'.') && b.len() > 1 && b[1].is_ascii_digit()) {
        return vulgar_fraction(t);
    }
    text.push_str(&t[..first]);
    i += first;
    // Thousands groups: ",ddd" or a space (plain, thin or no-break) + "ddd", only after 1–3
    // leading digits; or two or more ".ddd" groups ("1.200.000", European grouping).
    if (1..=3).contains(&first) {
        if let Some((digits, n)) = point_groups(&t[i..]).filter(|(d, _)| d.len() >= 6) {
            text.push_str(&digits);
            return Some((text.parse().ok()?, i + n));
        }
        loop {
            let rest = &t[i..];
            let sep_len = [",", " ", "\u{202f}", "\u{a0}", "\u{2009}"]
                .iter()
                .find(|sep| rest.starts_with(**sep))
                .map(|sep| sep.len());
            let Some(sl) = sep_len else { break };
            let run = digit_run(i + sl);
            let followed_by_digit = b.get(i + sl + 3).is_some_and(|c| c.is_ascii_digit());
            if run != 3 || followed_by_digit {
                break;
            }
            text.push_str(&t[i + sl..i + sl + 3]);
            i += sl + 3;
        }
    }
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        let run = digit_run(i + 1);
        text.push('.');
        text.push_str(&t[i + 1..i + 1 + run]);
        i += 1 + run;
    }
    let mut v: f64 = text.parse().ok()?;
    // A mixed number: "4 1/2", "4½".
    if let Some((f, n)) = vulgar_fraction(&t[i..]) {
        v += f;
        i += n;
    } else if let Some((f, n)) = spaced_fraction(&t[i..]) {
        v += f;
        i += n;
    }
    Some((v, i))
}

/// The ".ddd" groups at the start of `t` (each exactly three digits), joined, with the bytes
/// they use.
fn point_groups(t: &str) -> Option<(String, usize)> {
    let b = t.as_bytes();
    let mut digits = String::new();
    let mut i = 0;
    while b.get(i) == Some(&b'.')
        && b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count() == 3
    {
        digits.push_str(&t[i + 1..i + 4]);
        i += 4;
    }
    (!digits.is_empty()).then_some((digits, i))
}

/// A number such as "1.200" that reads as 1.2 with a decimal point and as 1,200 with a
/// European thousands point: 1–3 digits (not a lone 0), a point and exactly three digits.
/// Returns both readings, decimal first.
pub(crate) fn two_readings(t: &str) -> Option<(f64, f64)> {
    let t = t.trim_start();
    let b = t.as_bytes();
    let first = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&first) || b[0] == b'0' {
        return None;
    }
    let (digits, n) = point_groups(&t[first..])?;
    let after = &t[first + n..];
    if digits.len() != 3 || after.starts_with(|c: char| c.is_ascii_digit() || c == ',') {
        return None;
    }
    let decimal: f64 = t[..first + n].parse().ok()?;
    let grouped: f64 = format!("{}{digits}", &t[..first]).parse().ok()?;
    Some((decimal, grouped))
}

fn vulgar_fraction(t: &str) -> Option<(f64, usize)> {
    let c = t.chars().next()?;
    let f = match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        _ => return None,
    };
    Some((f, c.len_utf8()))
}

/// " 1/2" after a whole number.
fn spaced_fraction(t: &str) -> Option<(f64, usize)> {
    let rest = t.strip_prefix(' ')?;
    let b = rest.as_bytes();
    if b.len() >= 3 && b[0].is_ascii_digit() && b[1] == b'/' && b[2].is_ascii_digit() {
        let (n, d) = ((b[0] - b'0') as f64, (b[2] - b'0') as f64);
        let after_ok = b.get(3).is_none_or(|c| !c.is_ascii_digit());
        if d > n && after_ok {
            return Some((n / d, 4));
        }
    }
    None
}

fn scale_suffix(rest: &str, v: f64) -> (f64, usize) {
    let trimmed = rest.trim_start();
    let lead = rest.len() - trimmed.len();
    if lead == 0 {
        return (v, 0);
    }
    for (word, k) in [("million", 1e6), ("thousand", 1e3), ("hundred", 1e2)] {
        if let Some(after) = trimmed.get(..word.len())
            && after.eq_ignore_ascii_case(word)
            && trimmed[word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return (v * k, lead + word.len());
        }
    }
    (v, 0)
}

fn word_value(w: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = SMALL.iter().position(|s| *s == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|s| *s == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    match w {
        "a" | "an" => Some(1.0),
        "dozen" => Some(12.0),
        _ => None,
    }
}

/// "dozens of", "hundreds of", "thousands of" at the start of `t`: a range of values, with the
/// bytes used. The convention: "dozens" is two dozen up to a hundred (24–99), "hundreds"
/// 200–999, "thousands" 2,000–9,999 (the plural says at least two of them, and the next word
/// up was not used).
pub(crate) fn vague_plural(t: &str) -> Option<(f64, f64, usize)> {
    for (word, lo, hi) in [
        ("dozens of", 24.0, 99.0),
        ("hundreds of", 200.0, 999.0),
        ("thousands of", 2000.0, 9999.0),
    ] {
        if t.get(..word.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(word))
            && t[word.len()..].starts_with(char::is_whitespace)
        {
            return Some((lo, hi, word.len()));
        }
    }
    None
}

/// Words: "an", "one", "twenty-four", "two and a half", "half an", "a dozen", "three hundred".
fn words_prefix(t: &str) -> Option<(f64, usize)> {
    let words = word_spans(t);
    let lower = |i: usize| words.get(i).map(|&(a, b)| t[a..b].to_ascii_lowercase());
    // "half a(n) …", "half" alone.
    if lower(0).as_deref() == Some("half") {
        let end = match lower(1).as_deref() {
            Some("a" | "an") => words[1].1,
            _ => words[0].1,
        };
        return Some((0.5, end));
    }
    // "a one-hour flight", "an eleven-day trip": the article belongs to the noun.
    if matches!(lower(0).as_deref(), Some("a" | "an"))
        && let Some(next) = lower(1)
        && next
            .split('-')
            .next()
            .and_then(word_value)
            .is_some_and(|v| v >= 1.0 && !matches!(next.as_str(), "a" | "an" | "dozen"))
    {
        let from = words[1].0;
        let (v, n) = words_prefix(&t[from..])?;
        return Some((v, from + n));
    }
    let mut total = 0.0;
    let mut current: Option<f64> = None;
    let mut end = 0;
    let mut k = 0;
    while let Some(w) = lower(k) {
        // "two-and-a-half", "one-and-a-half".
        if current.is_none()
            && let Some(head) = w.strip_suffix("-and-a-half")
            && let Some(v) = head
                .split('-')
                .map(word_value)
                .sum::<Option<f64>>()
                .filter(|v| *v >= 1.0)
        {
            current = Some(v + 0.5);
            end = words[k].1;
            k += 1;
            continue;
        }
        // "one-hour", "twelve-day": the number ends at the hyphen, a unit follows it.
        let numeric_head = w
            .split('-')
            .take_while(|p| word_value(p).is_some())
            .map(|p| p.len() + 1)
            .sum::<usize>();
        if w.contains('-') && numeric_head > 0 && numeric_head <= w.len() {
            let head = &w[..numeric_head - 1];
            let v: f64 = head.split('-').filter_map(word_value).sum();
            if current.is_none() && !head.starts_with('a') {
                current = Some(v);
                end = words[k].0 + head.len();
            }
            break;
        }
        let parts: Vec<&str> = w.split('-').collect();
        let vals: Option<Vec<f64>> = parts.iter().map(|p| word_value(p)).collect();
        if let Some(vals) =
            vals.filter(|v| !v.is_empty() && (parts.len() == 1 || !w.starts_with('a')))
        {
            let v: f64 = vals.iter().sum();
            // "a dozen" = 12, not 1 + 12.
            current = Some(match current {
                Some(c) if (w == "dozen") && c == 1.0 => 12.0,
                Some(c) if w == "dozen" => c * 12.0,
                Some(c) if c == 0.0 && total > 0.0 => v,
                Some(c) if c >= 20.0 && v < 10.0 => c + v,
                Some(c) if c >= 100.0 && c % 100.0 == 0.0 && v < 100.0 => c + v,
                Some(_) => break,
                None => v,
            });
            end = words[k].1;
            k += 1;
            continue;
        }
        match w.as_str() {
            "hundred" if current.is_some() => current = current.map(|c| c * 100.0),
            "thousand" | "million" if current.is_some() => {
                let k_ = if w == "thousand" { 1e3 } else { 1e6 };
                total += current.unwrap_or(0.0) * k_;
                current = Some(0.0);
            }
            "and" if current.is_some() => {
                // "two and a half": only a fraction may follow.
                if lower(k + 1).as_deref() == Some("a") && lower(k + 2).as_deref() == Some("half") {
                    current = current.map(|c| c + 0.5);
                    end = words[k + 2].1;
                    k += 3;
                    continue;
                }
                break;
            }
            _ => break,
        }
        end = words[k].1;
        k += 1;
    }
    let v = total + current?;
    Some((v, end))
}

/// Byte spans of the alphabetic (and hyphenated) words at the start of `t`.
fn word_spans(t: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices() {
        let in_word = c.is_ascii_alphabetic() || (c == '-' && start.is_some());
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
                if c != ' ' {
                    return spans;
                }
            }
            (false, None) if c != ' ' => return spans,
            _ => {}
        }
        if spans.len() > 8 {
            return spans;
        }
    }
    if let Some(s) = start {
        spans.push((s, t.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_grouping_and_fractions() {
        assert_eq!(number_prefix("1,200 km"), Some((1200.0, 5)));
        assert_eq!(number_prefix("1,200,000"), Some((1_200_000.0, 9)));
        assert_eq!(number_prefix("12,30"), Some((12.0, 2)));
        assert_eq!(number_prefix("1.5 million"), Some((1_500_000.0, 11)));
        assert_eq!(number_prefix("4 1/2 years"), Some((4.5, 5)));
        assert_eq!(number_prefix("4½ years").map(|x| x.0), Some(4.5));
        assert_eq!(number_prefix("1\u{202f}200 km").map(|x| x.0), Some(1200.0));
        assert_eq!(number_prefix(".5 km"), Some((0.5, 2)));
    }

    /// Issue 14: "1 200 km" (a plain space between thousands) was read as 200 km.
    #[test]
    fn regression_issue_14_space_grouped_thousands() {
        assert_eq!(number_prefix("1 200 km"), Some((1200.0, 5)));
        assert_eq!(number_prefix("12 345 678 km"), Some((12_345_678.0, 10)));
        assert_eq!(number_prefix("1\u{2009}200 km").map(|x| x.0), Some(1200.0));
        // Not a group: two digits, or four.
        assert_eq!(number_prefix("4 12 km"), Some((4.0, 1)));
        assert_eq!(number_prefix("1 2000 km"), Some((1.0, 1)));
        // European point grouping with two groups is unambiguous.
        assert_eq!(number_prefix("1.200.000 km"), Some((1_200_000.0, 9)));
        assert_eq!(two_readings("1.200 km"), Some((1.2, 1200.0)));
        assert_eq!(two_readings("1.25 km"), None);
        assert_eq!(two_readings("0.500 km"), None);
        assert_eq!(two_readings("1.200.000 km"), None);
        assert_eq!(two_readings("4.500 km"), Some((4.5, 4500.0)));
        assert_eq!(two_readings("12.345"), Some((12.345, 12345.0)));
        assert_eq!(two_readings("1.2345"), None);
        assert_eq!(two_readings("1,200.500"), None);
    }

    #[test]
    fn regression_issue_14_hyphenated_units_and_articles() {
        assert_eq!(number_prefix("one-hour flight"), Some((1.0, 3)));
        assert_eq!(number_prefix("a one-hour flight"), Some((1.0, 5)));
        assert_eq!(number_prefix("an eleven-day trip"), Some((11.0, 9)));
        assert_eq!(number_prefix("twenty-four-hour trip"), Some((24.0, 11)));
        assert_eq!(number_prefix("a dozen"), Some((12.0, 7)));
        assert_eq!(number_prefix("an hour"), Some((1.0, 2)));
    }

    #[test]
    fn regression_issue_14_words_and_vague_plurals() {
        assert_eq!(parse_number_words("two-and-a-half"), Some(2.5));
        assert_eq!(parse_number_words("One-and-a-half"), Some(1.5));
        assert_eq!(parse_number_words("twelve hundred"), Some(1200.0));
        assert_eq!(parse_number_words("a thousand"), Some(1000.0));
        assert_eq!(number_prefix("4.5 thousand km"), Some((4500.0, 12)));
        assert_eq!(vague_plural("Hundreds of miles"), Some((200.0, 999.0, 11)));
        assert_eq!(vague_plural("dozensof"), None);
        assert_eq!(vague_plural("dozens of km"), Some((24.0, 99.0, 9)));
        assert_eq!(vague_plural("a dozen km"), None);
    }

    #[test]
    fn words() {
        assert_eq!(parse_number_words("an"), Some(1.0));
        assert_eq!(parse_number_words("two and a half"), Some(2.5));
        assert_eq!(parse_number_words("twenty-four"), Some(24.0));
        assert_eq!(parse_number_words("twenty four"), Some(24.0));
        assert_eq!(parse_number_words("three hundred"), Some(300.0));
        assert_eq!(parse_number_words("a dozen"), Some(12.0));
        assert_eq!(parse_number_words("half an"), Some(0.5));
        assert_eq!(
            parse_number_words("two thousand five hundred"),
            Some(2500.0)
        );
        assert_eq!(parse_number_words("several"), None);
        assert_eq!(parse_number_words(""), None);
    }
}
