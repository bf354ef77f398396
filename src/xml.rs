//! XML text escaping, shared by the SVG map and the GPX and KML exports.

/// Escapes text for an XML text node or attribute value. Characters XML 1.0 does not allow
/// (C0 controls other than tab and newline, and the noncharacters U+FFFE and U+FFFF) are
/// dropped, so that no input text can make the document malformed.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_drops_disallowed_characters() {
        assert_eq!(
            super::escape("A & B <\"c\">"),
            "A &amp; B &lt;&quot;c&quot;&gt;"
        );
        assert_eq!(super::escape("a\u{1b}b\u{fffe}"), "ab");
    }
}
