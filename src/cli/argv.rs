//! Negative coordinates as typed: `route -33.9,18.4 -34.0,18.5` must not read `-3` as a flag.
//!
//! A word that starts with a minus and a digit (or a decimal point) and goes on with a comma,
//! a semicolon or a space ("-33.9,18.4", "-10,35,40,60", "-33.9 18.4") cannot be a flag, so
//! its minus becomes the Unicode minus (U+2212) before the arguments are parsed; every
//! coordinate reader takes that as a minus. Single values (`near -33.9,18.4`) would parse
//! anyway; a list of places (`route`) would not, as a list that took any word starting with
//! "-" would swallow the flags after it.

use std::ffi::OsString;

/// The command line with the minus of each coordinate-like word made U+2212.
pub fn normalise(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    args.into_iter()
        .map(|a| match a.to_str() {
            Some(s) if is_negative_coordinates(s) => OsString::from(format!("\u{2212}{}", &s[1..])),
            _ => a,
        })
        .collect()
}

fn is_negative_coordinates(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next() == Some('-')
        && chars.next().is_some_and(|c| c.is_ascii_digit() || c == '.')
        && s.contains([',', ';', ' '])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_issue_18_only_coordinate_words_change() {
        let args = [
            "routecheck",
            "route",
            "-33.9,18.4",
            "-n",
            "--speed",
            "-5",
            "-.5,1",
            "x-1,2",
        ];
        let out: Vec<String> = normalise(args.iter().map(OsString::from))
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect();
        assert_eq!(
            out,
            [
                "routecheck",
                "route",
                "\u{2212}33.9,18.4",
                "-n",
                "--speed",
                "-5",
                "\u{2212}.5,1",
                "x-1,2"
            ]
        );
    }
}
