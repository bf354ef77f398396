//! Text in columns: display widths (Hangul and CJK take two cells), padding and shortening,
//! and the terminal-safe form of untrusted text.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// The number of terminal cells `s` takes.
pub(crate) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to `w` cells.
pub(crate) fn pad(s: &str, w: usize) -> String {
    let fill = w.saturating_sub(width(s));
    let mut out = String::with_capacity(s.len() + fill);
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', fill));
    out
}

/// `s` cut to at most `max` cells, with "…" when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    format!("{}…", out.trim_end())
}

/// Text from a story or an article made safe for a terminal: control characters (escape
/// sequences that could retitle or clear the terminal) become U+FFFD.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    // Control characters are C0, DEL and C1 (U+0080–U+009F, whose UTF-8 starts with 0xC2):
    // text without those bytes is clean as it is.
    let suspect = |b: &u8| *b < 0x20 || *b == 0x7f || *b == 0xc2;
    if !s.as_bytes().iter().any(suspect) || !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_scripts_take_two_cells() {
        assert_eq!(width("평양"), 4);
        assert_eq!(pad("평양", 6), "평양  ");
        assert_eq!(pad("é", 3), "é  ");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("평양평양", 5), "평양…");
        assert_eq!(clean("a\u{1b}]0;x\u{7}b"), "a\u{FFFD}]0;x\u{FFFD}b");
        // C1 controls (two bytes in UTF-8) and DEL too; other text is borrowed as it is.
        assert_eq!(clean("a\u{9b}2Jb\u{7f}"), "a\u{FFFD}2Jb\u{FFFD}");
        assert!(matches!(clean("Khasan · 42° N, é"), Cow::Borrowed(_)));
        assert_eq!(clean("¡Hola! ¢"), "¡Hola! ¢");
    }
}
