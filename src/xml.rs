//! XML text escaping, shared by the SVG map and the GPX and KML exports.

use std::borrow::Cow;

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
            c if disallowed(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 forbids `c` in a document: C0 controls other than tab and newline (and
/// carriage return), and the noncharacters U+FFFE and U+FFFF.
fn disallowed(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FFFF}') || ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
}

/// A document another library wrote (the chart's SVG, which escapes markup but passes these
/// through) without the characters XML 1.0 forbids: the same document, well-formed.
pub fn drop_disallowed(doc: &str) -> Cow<'_, str> {
    if doc.chars().any(disallowed) {
        Cow::Owned(doc.chars().filter(|c| !disallowed(*c)).collect())
    } else {
        Cow::Borrowed(doc)
    }
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
        assert_eq!(
            super::drop_disallowed("<t>a\u{7}\u{ffff}b\n</t>"),
            "<t>ab\n</t>"
        );
        assert!(matches!(
            super::drop_disallowed("<t>é\t</t>"),
            super::Cow::Borrowed(_)
        ));
    }
}
