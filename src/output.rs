//! Names of output files.
//!
//! The library returns maps, charts and exports as bytes and text; where and how they are
//! written (all or nothing, never over a file someone else wrote) is the `routecheck`
//! command's business.

/// A file-name-safe form of any text: ASCII letters, digits, '-' and '_' kept, every other run
/// of characters one '-', at most 80 characters; "output" if nothing is left.
///
/// ```
/// assert_eq!(routecheck::output::slug("my trip (v2).gpx"), "my-trip-v2-gpx");
/// assert_eq!(routecheck::output::slug("Пхеньян"), "output");
/// ```
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 80 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "output".to_string()
    } else {
        out.to_string()
    }
}
