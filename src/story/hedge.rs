//! Hedge words ("about", "at least", "less than"…) and the tolerance each one implies.
//!
//! The convention, stated in every verdict and in `data/stories/README.md`:
//!
//! | wording                                        | the true value may be           |
//! |------------------------------------------------|---------------------------------|
//! | a plain figure ("1,200 km")                    | within ±5 % of it               |
//! | about, around, some, roughly, approximately    | within ±10 %                    |
//! | nearly, almost, close to, just under           | up to 10 % below, not above     |
//! | just over                                      | up to 10 % above, not below     |
//! | at least, more than, over, upwards of          | at or above it (no upper limit) |
//! | at most, less than, under, up to, below, no faster than, as fast as, top speed of | at or below it |
//! | exactly, precisely                             | within ±0.5 %                   |
//!
//! A range ("40–60 km/h", "600 to 700 km") widens the band to both ends, with the same
//! percentages; a value inside the range is 0 % off, one outside it is measured from the
//! nearer end.

use std::fmt;

/// How a claim qualifies its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// A bare figure: ±5 %.
    #[default]
    Plain,
    /// "about", "around", "some", "roughly": ±10 %.
    About,
    /// "nearly", "almost": −10 % … 0.
    Nearly,
    /// "just over": 0 … +10 %.
    JustOver,
    /// "at least", "more than", "over": ≥ the figure.
    AtLeast,
    /// "at most", "less than", "under", "up to": ≤ the figure.
    AtMost,
    /// "exactly": ±0.5 %.
    Exactly,
}

/// Phrases in the order they are tried (longer phrases before their prefixes).
const PHRASES: &[(&str, Hedge)] = &[
    ("just over", Hedge::JustOver),
    ("just under", Hedge::Nearly),
    ("just shy of", Hedge::Nearly),
    ("a little over", Hedge::JustOver),
    ("slightly more than", Hedge::JustOver),
    ("at least", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("not less than", Hedge::AtLeast),
    ("a minimum of", Hedge::AtLeast),
    ("more than", Hedge::AtLeast),
    ("upwards of", Hedge::AtLeast),
    ("in excess of", Hedge::AtLeast),
    ("over", Hedge::AtLeast),
    ("at most", Hedge::AtMost),
    ("no more than", Hedge::AtMost),
    ("not more than", Hedge::AtMost),
    ("a maximum of", Hedge::AtMost),
    ("less than", Hedge::AtMost),
    ("fewer than", Hedge::AtMost),
    ("up to", Hedge::AtMost),
    ("under", Hedge::AtMost),
    ("below", Hedge::AtMost),
    ("a top speed of just", Hedge::AtMost),
    ("top speed of just", Hedge::AtMost),
    ("top speeds of just", Hedge::AtMost),
    ("a top speed of", Hedge::AtMost),
    ("top speed of", Hedge::AtMost),
    ("top speeds of", Hedge::AtMost),
    ("no faster than", Hedge::AtMost),
    ("not faster than", Hedge::AtMost),
    ("as fast as", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("as many as", Hedge::AtMost),
    ("as long as", Hedge::AtMost),
    ("no slower than", Hedge::AtLeast),
    ("well over", Hedge::AtLeast),
    ("well above", Hedge::AtLeast),
    ("speeds of less than", Hedge::AtMost),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("close to", Hedge::Nearly),
    ("approximately", Hedge::About),
    ("approx.", Hedge::About),
    ("roughly", Hedge::About),
    ("around", Hedge::About),
    ("about", Hedge::About),
    ("some", Hedge::About),
    ("more or less", Hedge::About),
    ("give or take", Hedge::About),
    ("circa", Hedge::About),
    ("an estimated", Hedge::About),
    ("estimated", Hedge::About),
    ("~", Hedge::About),
    ("exactly", Hedge::Exactly),
    ("precisely", Hedge::Exactly),
];

impl Hedge {
    /// Splits a leading hedge off `text`: "about 425 miles" → (About, "425 miles").
    ///
    /// ```
    /// use routecheck::story::Hedge;
    /// assert_eq!(Hedge::split("at least 20 hours"), (Hedge::AtLeast, "20 hours"));
    /// assert_eq!(Hedge::split("745 miles"), (Hedge::Plain, "745 miles"));
    /// ```
    pub fn split(text: &str) -> (Hedge, &str) {
        let t = text.trim_start();
        for (phrase, hedge) in PHRASES {
            if let Some(head) = t.get(..phrase.len())
                && head.eq_ignore_ascii_case(phrase)
            {
                let rest = &t[phrase.len()..];
                let boundary = phrase.ends_with('~') || rest.starts_with(char::is_whitespace);
                if boundary {
                    return (*hedge, rest.trim_start());
                }
            }
        }
        (Hedge::Plain, t)
    }

    /// The hedge phrase ending at the end of `before` (for extraction: "… at around").
    pub fn preceding(before: &str) -> Hedge {
        Hedge::preceding_phrase(before).map_or(Hedge::Plain, |(h, _)| h)
    }

    /// The hedge and its words as written, ending at the end of `before` ("… a top speed of
    /// just" → (AtMost, "top speed of just")).
    pub fn preceding_phrase(before: &str) -> Option<(Hedge, &str)> {
        let trimmed = before.trim_end();
        let lower = trimmed.to_ascii_lowercase();
        for (phrase, hedge) in PHRASES {
            if lower.ends_with(phrase) {
                let start = lower.len() - phrase.len();
                let boundary = start == 0
                    || lower[..start].ends_with(|c: char| !c.is_alphanumeric())
                    || phrase.starts_with('~');
                if boundary {
                    return Some((*hedge, &trimmed[start..]));
                }
            }
        }
        None
    }

    /// The interval (in SI units) the true value may lie in for a claim of `lo..=hi`.
    pub fn band(self, lo: f64, hi: f64) -> (f64, f64) {
        match self {
            Hedge::Plain => (lo * 0.95, hi * 1.05),
            Hedge::About => (lo * 0.9, hi * 1.1),
            Hedge::Nearly => (lo * 0.9, hi),
            Hedge::JustOver => (lo, hi * 1.1),
            Hedge::AtLeast => (lo, f64::INFINITY),
            Hedge::AtMost => (0.0, hi),
            Hedge::Exactly => (lo * 0.995, hi * 1.005),
        }
    }

    /// The tolerance in words: "±10 % for \"about\"".
    pub fn tolerance(self) -> &'static str {
        match self {
            Hedge::Plain => "±5 % for a plain figure",
            Hedge::About => "±10 % for \"about\"",
            Hedge::Nearly => "−10 % to 0 for \"nearly\"",
            Hedge::JustOver => "0 to +10 % for \"just over\"",
            Hedge::AtLeast => "the figure or more for \"at least\"",
            Hedge::AtMost => "the figure or less for \"less than\"",
            Hedge::Exactly => "±0.5 % for \"exactly\"",
        }
    }

    /// The tolerance in words for a claim of `lo..=hi`: a range's percentages apply beyond
    /// its ends ("±5 % beyond the ends of the range").
    pub fn tolerance_for(self, lo: f64, hi: f64) -> String {
        if lo == hi {
            return self.tolerance().to_string();
        }
        match self {
            Hedge::Plain => "the range, ±5 % beyond its ends".into(),
            Hedge::About => "the range, ±10 % beyond its ends for \"about\"".into(),
            Hedge::Exactly => "the range, ±0.5 % beyond its ends for \"exactly\"".into(),
            Hedge::Nearly => "up to 10 % under the range, not over it, for \"nearly\"".into(),
            Hedge::JustOver => "up to 10 % over the range, not under it, for \"just over\"".into(),
            Hedge::AtLeast => "the range's lower end or more for \"at least\"".into(),
            Hedge::AtMost => "the range's upper end or less for \"less than\"".into(),
        }
    }

    /// [`Hedge::tolerance_for`] naming the words the claim used ("the figure or less for
    /// \"no faster than\""), not this hedge's usual word.
    pub fn tolerance_named(self, lo: f64, hi: f64, phrase: &str) -> String {
        let t = self.tolerance_for(lo, hi);
        let usual = match self {
            Hedge::Plain => return t,
            Hedge::AtMost => "less than".to_string(),
            other => other.to_string(),
        };
        let phrase = phrase.trim().to_lowercase();
        if phrase.is_empty() {
            return t;
        }
        t.replace(&format!("\"{usual}\""), &format!("\"{phrase}\""))
    }

    /// The figure a deviation is measured from: the bound for one-sided hedges, else the
    /// middle of the claimed range.
    pub fn nominal(self, lo: f64, hi: f64) -> f64 {
        match self {
            Hedge::AtLeast | Hedge::JustOver => lo,
            Hedge::AtMost | Hedge::Nearly => hi,
            _ => (lo + hi) / 2.0,
        }
    }
}

impl fmt::Display for Hedge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Hedge::Plain => "",
            Hedge::About => "about",
            Hedge::Nearly => "nearly",
            Hedge::JustOver => "just over",
            Hedge::AtLeast => "at least",
            Hedge::AtMost => "at most",
            Hedge::Exactly => "exactly",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_hedges_at_word_boundaries() {
        assert_eq!(Hedge::split("about 425 miles"), (Hedge::About, "425 miles"));
        assert_eq!(Hedge::split("Some 300 km"), (Hedge::About, "300 km"));
        assert_eq!(
            Hedge::split("just over 2 hours"),
            (Hedge::JustOver, "2 hours")
        );
        assert_eq!(Hedge::split("over 3 years"), (Hedge::AtLeast, "3 years"));
        assert_eq!(Hedge::split("less than 40 mph"), (Hedge::AtMost, "40 mph"));
        assert_eq!(Hedge::split("~50 km"), (Hedge::About, "50 km"));
        // "overall" is not "over".
        assert_eq!(Hedge::split("overall 5 km").0, Hedge::Plain);
        assert_eq!(Hedge::preceding("travels at around"), Hedge::About);
        assert_eq!(Hedge::preceding("speeds of less than"), Hedge::AtMost);
        assert_eq!(Hedge::preceding("a journey of"), Hedge::Plain);
        assert_eq!(Hedge::preceding("hover"), Hedge::Plain);
        assert_eq!(
            Hedge::preceding_phrase("reached a Top Speed of just"),
            Some((Hedge::AtMost, "a Top Speed of just"))
        );
        assert_eq!(Hedge::preceding_phrase("a journey of"), None);
    }

    /// Issue 14: the hedges news copy uses for caps, floors and approximations.
    #[test]
    fn regression_issue_14_news_hedges() {
        for (text, hedge, rest) in [
            ("no faster than 60 km/h", Hedge::AtMost, "60 km/h"),
            ("top speed of just 60 km/h", Hedge::AtMost, "60 km/h"),
            ("a top speed of 80 km/h", Hedge::AtMost, "80 km/h"),
            ("as fast as 200 km/h", Hedge::AtMost, "200 km/h"),
            ("up to 25 knots", Hedge::AtMost, "25 knots"),
            ("more than 3 hours", Hedge::AtLeast, "3 hours"),
            ("well over 1,000 km", Hedge::AtLeast, "1,000 km"),
            ("some 300 km", Hedge::About, "300 km"),
            ("roughly 300 km", Hedge::About, "300 km"),
            ("nearly 20 hours", Hedge::Nearly, "20 hours"),
            ("just under 20 hours", Hedge::Nearly, "20 hours"),
            ("just over 2 hours", Hedge::JustOver, "2 hours"),
            ("at least 20 hours", Hedge::AtLeast, "20 hours"),
            ("at most 40 mph", Hedge::AtMost, "40 mph"),
            ("about\u{a0}425 miles", Hedge::About, "425 miles"),
        ] {
            assert_eq!(Hedge::split(text), (hedge, rest), "{text}");
        }
        assert_eq!(
            Hedge::preceding("reaching a top speed of just"),
            Hedge::AtMost
        );
        assert_eq!(Hedge::preceding("can travel no faster than"), Hedge::AtMost);
        assert_eq!(
            Hedge::Plain.tolerance_for(600.0, 700.0),
            "the range, ±5 % beyond its ends"
        );
        assert_eq!(
            Hedge::Plain.tolerance_for(6.0, 6.0),
            "±5 % for a plain figure"
        );
        assert_eq!(
            Hedge::AtMost.tolerance_named(7.0, 7.0, "No faster than"),
            "the figure or less for \"no faster than\""
        );
        assert_eq!(
            Hedge::About.tolerance_named(7.0, 7.0, "roughly"),
            "±10 % for \"roughly\""
        );
    }

    #[test]
    fn bands_follow_the_convention() {
        assert_eq!(Hedge::Plain.band(100.0, 100.0), (95.0, 105.0));
        let (lo, hi) = Hedge::About.band(100.0, 100.0);
        assert!((lo - 90.0).abs() < 1e-9 && (hi - 110.0).abs() < 1e-9);
        assert_eq!(Hedge::AtLeast.band(20.0, 20.0), (20.0, f64::INFINITY));
        assert_eq!(Hedge::AtMost.band(40.0, 40.0), (0.0, 40.0));
        assert_eq!(Hedge::Nearly.band(100.0, 100.0).1, 100.0);
    }
}
