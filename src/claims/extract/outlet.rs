//! The outlet an article names itself: from its dateline ("SEOUL, Sept. 12 (UPI) --"), or
//! from a sign-off line ("… official name. (Yonhap)"), so that claims are attributed to the
//! outlet, not to a file name.

/// The outlet in `text`'s dateline or sign-off, if it names one: a short name in brackets
/// after a dateline in capitals, or ending a paragraph.
///
/// ```
/// use routecheck::claims::extract::outlet_of;
/// assert_eq!(outlet_of("SEOUL, Sept. 12 (UPI) -- Kim arrived.").as_deref(), Some("UPI"));
/// assert_eq!(outlet_of("Kim left.\n\nThe train crossed. (Yonhap)\n").as_deref(), Some("Yonhap"));
/// assert_eq!(outlet_of("Kim met officials (KCNA said) on Monday."), None);
/// ```
pub fn outlet_of(text: &str) -> Option<String> {
    let bracketed = |s: &str| -> Option<String> {
        let inner = s.strip_prefix('(')?.split_once(')')?.0.trim();
        let words = inner.split_whitespace().count();
        ((1..=4).contains(&words) && inner.starts_with(char::is_uppercase))
            .then(|| inner.to_string())
    };
    for line in text.lines().take(40) {
        let l = line.trim();
        // "SEOUL, Sept. 12 (UPI) --", "MOSCOW (Reuters) -".
        let head: String = l.chars().take_while(|c| !matches!(c, ',' | '(')).collect();
        let caps = head.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && head.chars().all(|c| !c.is_lowercase());
        if caps && let Some(i) = l.find('(') {
            let after = l[i..].split_once(')').map_or("", |(_, a)| a.trim_start());
            if after.starts_with(['-', '\u{2014}', '\u{2013}', ':']) {
                return bracketed(&l[i..]);
            }
        }
    }
    // A sign-off: a paragraph that ends with "(Name)".
    text.lines().rev().find_map(|line| {
        let l = line.trim_end();
        let i = l.rfind('(')?;
        (l.ends_with(')') && (i == 0 || l[..i].trim_end().ends_with(['.', '"', '\u{201d}'])))
            .then(|| bracketed(&l[i..]))
            .flatten()
    })
}
