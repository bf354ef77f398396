//! Parsing quantities as articles write them: "1,200 km", "425 miles (680 kilometers)",
//! "60 kilometres per hour", "40-60 km/h", "an hour", "a 1,200-kilometre journey".

use std::time::Duration;

use super::number::{number_prefix, two_readings, vague_plural};
use super::{Dimension, Error, Length, LengthUnit, Speed, SpeedUnit, TimeUnit, group_thousands};

/// A unit of any dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "dimension", content = "unit", rename_all = "lowercase")]
pub enum Unit {
    /// A unit of length.
    Length(LengthUnit),
    /// A unit of speed.
    Speed(SpeedUnit),
    /// A unit of time.
    Duration(TimeUnit),
}

impl Unit {
    /// What the unit measures.
    pub fn dimension(self) -> Dimension {
        match self {
            Unit::Length(_) => Dimension::Length,
            Unit::Speed(_) => Dimension::Speed,
            Unit::Duration(_) => Dimension::Duration,
        }
    }
    /// The unit's symbol as reports print it ("km", "km/h", "h").
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Length(u) => u.symbol(),
            Unit::Speed(u) => u.symbol(),
            Unit::Duration(u) => u.symbol(),
        }
    }
    /// SI value (m, m/s, s) of one of this unit.
    pub fn si(self) -> f64 {
        match self {
            Unit::Length(u) => u.metres(),
            Unit::Speed(u) => u.mps(),
            Unit::Duration(u) => u.seconds(),
        }
    }
}

/// A value or a range of values in one unit: "1,200 km" (lo = hi) or "40–60 km/h".
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct QuantityRange {
    /// The low end, in `unit` (equal to `hi` for a single value).
    pub lo: f64,
    /// The high end, in `unit`.
    pub hi: f64,
    /// The unit the text wrote.
    pub unit: Unit,
}

impl QuantityRange {
    /// Whether the text gave a range ("40–60") rather than one value.
    pub fn is_range(&self) -> bool {
        self.lo != self.hi
    }
    /// The middle of the range, in SI units.
    pub fn mid_si(&self) -> f64 {
        (self.lo + self.hi) / 2.0 * self.unit.si()
    }
    /// The low end in SI units (m, m/s, s).
    pub fn lo_si(&self) -> f64 {
        self.lo * self.unit.si()
    }
    /// The high end in SI units (m, m/s, s).
    pub fn hi_si(&self) -> f64 {
        self.hi * self.unit.si()
    }
}

/// A parsed quantity, with the conversion the text gave in parentheses, if any.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Quantity {
    /// The value as written first ("425 miles").
    pub value: QuantityRange,
    /// "425 miles (680 kilometers)" → Some(680 km).
    pub conversion: Option<QuantityRange>,
}

impl Quantity {
    /// What the quantity measures (from the unit of `value`).
    pub fn dimension(&self) -> Dimension {
        self.value.unit.dimension()
    }
}

/// Unit spellings, longest first within each group so that prefixes don't shadow them.
const LEXICON: &[(&str, Unit)] = {
    use LengthUnit::*;
    use SpeedUnit::*;
    use TimeUnit::*;
    use Unit::{Duration as D, Length as L, Speed as S};
    &[
        ("kilometres per hour", S(Kmh)),
        ("kilometers per hour", S(Kmh)),
        ("kilometre per hour", S(Kmh)),
        ("kilometer per hour", S(Kmh)),
        ("kilometres an hour", S(Kmh)),
        ("kilometers an hour", S(Kmh)),
        ("kilometres/hour", S(Kmh)),
        ("kilometers/hour", S(Kmh)),
        ("km per hour", S(Kmh)),
        ("km an hour", S(Kmh)),
        ("km/hr", S(Kmh)),
        ("km/h", S(Kmh)),
        ("kmh", S(Kmh)),
        ("kph", S(Kmh)),
        ("miles per hour", S(Mph)),
        ("miles an hour", S(Mph)),
        ("mile per hour", S(Mph)),
        ("mph", S(Mph)),
        ("metres per second", S(Mps)),
        ("meters per second", S(Mps)),
        ("m/s", S(Mps)),
        ("knots", S(Knot)),
        ("knot", S(Knot)),
        ("kts", S(Knot)),
        ("kt", S(Knot)),
        ("nautical miles", L(NauticalMile)),
        ("nautical mile", L(NauticalMile)),
        ("nmi", L(NauticalMile)),
        ("kilometres", L(Kilometre)),
        ("kilometers", L(Kilometre)),
        ("kilometre", L(Kilometre)),
        ("kilometer", L(Kilometre)),
        ("kms", L(Kilometre)),
        ("km", L(Kilometre)),
        ("miles", L(Mile)),
        ("mile", L(Mile)),
        ("mi", L(Mile)),
        ("metres", L(Metre)),
        ("meters", L(Metre)),
        ("metre", L(Metre)),
        ("meter", L(Metre)),
        ("feet", L(Foot)),
        ("foot", L(Foot)),
        ("ft", L(Foot)),
        ("m", L(Metre)),
        ("seconds", D(Second)),
        ("second", D(Second)),
        ("secs", D(Second)),
        ("sec", D(Second)),
        ("minutes", D(Minute)),
        ("minute", D(Minute)),
        ("mins", D(Minute)),
        ("min", D(Minute)),
        ("hours", D(Hour)),
        ("hour", D(Hour)),
        ("hrs", D(Hour)),
        ("hr", D(Hour)),
        ("h", D(Hour)),
        ("days", D(Day)),
        ("day", D(Day)),
        ("weeks", D(Week)),
        ("week", D(Week)),
    ]
};

/// Parses one whole quantity, such as "1,200 km", "425 miles (680 kilometers)" or "40–60 km/h".
///
/// ```
/// use routecheck::units::{parse_quantity, Dimension};
/// let q = parse_quantity("425 miles (680 kilometers)").unwrap();
/// assert_eq!(q.dimension(), Dimension::Length);
/// assert_eq!(q.value.lo, 425.0);
/// assert_eq!(q.conversion.unwrap().lo, 680.0);
/// ```
pub fn parse_quantity(text: &str) -> Result<Quantity, Error> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::Empty);
    }
    let (q, used) = scan_quantity(t)?;
    let rest = t[used..].trim().trim_end_matches(['.', ',', ';']);
    if !rest.is_empty() {
        return Err(Error::UnknownUnit {
            text: text.to_string(),
            unit: rest.to_string(),
        });
    }
    Ok(q)
}

/// Reads a quantity at the start of `t` and returns it with the bytes it used; text after it
/// is left for the caller. Used by [`parse_quantity`] and by article extraction.
pub fn scan_quantity(t: &str) -> Result<(Quantity, usize), Error> {
    let err_text = || t.chars().take(80).collect::<String>();
    let (value, used) = scan_range(t)?;
    let mut used = used;
    let rest = &t[used..];
    let trimmed = rest.trim_start();
    let mut conversion = None;
    if let Some(inner) = trimmed.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && let Ok((conv, n)) = scan_range(inner[..close].trim_start_matches(['~', ' ']))
        && inner[..close].trim_start_matches(['~', ' '])[n..]
            .trim()
            .is_empty()
    {
        conversion = Some(conv);
        used += rest.len() - trimmed.len() + 1 + close + 1;
    } else if let Some((conv, n)) = or_conversion(rest, value.unit) {
        conversion = Some(conv);
        used += n;
    }
    if !(value.lo.is_finite() && value.hi.is_finite() && value.lo >= 0.0 && value.hi >= value.lo) {
        return Err(Error::OutOfRange { text: err_text() });
    }
    Ok((Quantity { value, conversion }, used))
}

/// A conversion written after "or": "1,200 km or 745 miles", "1,200 km, or about 745 miles".
/// Only a figure of the same dimension in another unit counts ("20 km or 30 km" is two
/// figures). Returns it with the bytes used from the start of `rest`.
fn or_conversion(rest: &str, unit: Unit) -> Option<(QuantityRange, usize)> {
    const APPROX: [&str; 7] = [
        "about ",
        "around ",
        "roughly ",
        "some ",
        "approximately ",
        "nearly ",
        "almost ",
    ];
    let after_comma = rest.strip_prefix(',').unwrap_or(rest);
    let after_or = after_comma.trim_start().strip_prefix("or ")?;
    let mut inner = after_or.trim_start();
    if let Some(a) = APPROX.iter().find(|a| {
        inner
            .get(..a.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(a))
    }) {
        inner = inner[a.len()..].trim_start();
    }
    let (conv, n) = scan_range(inner).ok()?;
    if conv.unit.dimension() != unit.dimension() || conv.unit == unit {
        return None;
    }
    Some((conv, rest.len() - inner.len() + n))
}

/// Number, optional "-/–/to/and" second number, unit.
fn scan_range(t: &str) -> Result<(QuantityRange, usize), Error> {
    let err_text = || t.chars().take(80).collect::<String>();
    let t0 = t.trim_start();
    let lead = t.len() - t0.len();
    let minus = ['-', '\u{2212}', '\u{2013}'];
    // A minus sign before a quantity: negative, said so (only when a unit follows: "-5
    // degrees" is no quantity of ours).
    if let Some(after) = t0.strip_prefix(minus)
        && after.starts_with(|c: char| c.is_ascii_digit())
    {
        let (q, _) = scan_range(after)?;
        if q.hi > 0.0 {
            return Err(Error::Negative { text: err_text() });
        }
    }
    if let Some((decimal, grouped)) = two_readings(t0) {
        // The figure and its unit word, not the rest of the sentence.
        let num_end = t0
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(t0.len());
        let rest = &t0[num_end..];
        let word = rest.trim_start();
        let word_len = word
            .find(|c: char| !(c.is_alphabetic() || c == '/'))
            .unwrap_or(word.len());
        let shown = &t0[..num_end + (rest.len() - word.len()) + word_len];
        return Err(Error::Ambiguous {
            text: shown.trim_end().to_string(),
            decimal: decimal.to_string(),
            grouped: group_thousands(grouped),
        });
    }
    let (lo, hi, mut i) = match vague_plural(t0) {
        Some(x) => x,
        None => {
            let (v, n) = number_prefix(t0).ok_or_else(|| Error::NoNumber { text: err_text() })?;
            (v, v, n)
        }
    };
    let mut hi = hi;
    // A range: "40-60", "40 – 60", "40 to 60", "40 and 60" (after "between").
    for sep in ["-", "–", "—", " - ", " – ", " — ", " to ", " and "] {
        if lo != hi {
            break;
        }
        if let Some(after) = t0[i..].strip_prefix(sep)
            && after.starts_with(|c: char| c.is_ascii_digit())
            && let Some((v, n)) = number_prefix(after)
        {
            hi = v;
            i += sep.len() + n;
            break;
        }
    }
    // Optional space or hyphen ("1,200-kilometre") before the unit.
    let before_unit = t0[i..].trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}', '-']);
    i = t0.len() - before_unit.len();
    // The lexicon is ASCII: compare the original text ASCII-case-insensitively. (Lowercasing
    // first would change byte offsets: "K" (U+212A KELVIN SIGN) lowercases to a one-byte "k".)
    let Some((word, unit)) = LEXICON.iter().find(|(w, _)| {
        before_unit
            .get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
            && before_unit[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }) else {
        let unit: String = before_unit
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string();
        return Err(if unit.is_empty() {
            Error::NoNumber { text: err_text() }
        } else {
            Error::UnknownUnit {
                text: err_text(),
                unit,
            }
        });
    };
    i += word.len();
    let mut q = QuantityRange {
        lo,
        hi,
        unit: *unit,
    };
    // "an hour and a half", "two days and a half"; "an hour and 20 minutes" (in the smaller
    // unit).
    if let Unit::Duration(big) = q.unit
        && let Some(after_and) = t0[i..].strip_prefix(" and ")
    {
        if after_and
            .get(..6)
            .is_some_and(|h| h.eq_ignore_ascii_case("a half"))
            && !after_and[6..].starts_with(|c: char| c.is_alphanumeric())
        {
            q.lo += 0.5;
            q.hi += 0.5;
            i += 5 + 6;
        } else if let Ok((small, n)) = scan_range(after_and)
            && let Unit::Duration(su) = small.unit
            && su.seconds() < big.seconds()
            && !small.is_range()
            && lo == hi
        {
            let k = big.seconds() / su.seconds();
            q = QuantityRange {
                lo: lo * k + small.lo,
                hi: hi * k + small.lo,
                unit: small.unit,
            };
            i += 5 + n;
        }
    }
    Ok((q, lead + i))
}

/// A whole quantity of the wanted dimension whose SI values (m, m/s, s) are finite.
fn expect(text: &str, want: Dimension) -> Result<Quantity, Error> {
    let q = parse_quantity(text)?;
    if q.dimension() != want {
        return Err(Error::WrongDimension {
            text: text.to_string(),
            expected: want,
            found: q.dimension(),
        });
    }
    // "10⁴⁰⁰ weeks" is a finite number of weeks but not of seconds.
    if !(q.value.lo_si().is_finite() && q.value.hi_si().is_finite() && q.value.mid_si().is_finite())
    {
        return Err(Error::OutOfRange {
            text: text.chars().take(80).collect(),
        });
    }
    Ok(q)
}

/// Parses a single length: "1,200 km", "745 miles".
///
/// ```
/// use routecheck::units::{parse_length, Length};
/// assert_eq!(parse_length("745 miles").unwrap(), Length::miles(745.0));
/// ```
pub fn parse_length(text: &str) -> Result<Length, Error> {
    let q = expect(text, Dimension::Length)?;
    Ok(Length::m(q.value.mid_si()))
}

/// Parses a speed or a speed range: "60 km/h" → (60, 60); "40-60 km/h" → (40, 60).
///
/// ```
/// use routecheck::units::{parse_speed, Speed};
/// let (lo, hi) = parse_speed("40 mph").unwrap();
/// assert_eq!(lo, Speed::mph(40.0));
/// assert_eq!(lo, hi);
/// ```
pub fn parse_speed(text: &str) -> Result<(Speed, Speed), Error> {
    let q = expect(text, Dimension::Speed)?;
    Ok((Speed::mps(q.value.lo_si()), Speed::mps(q.value.hi_si())))
}

/// Parses a duration: "20 hours", "an hour", "2 days", "45 min".
///
/// ```
/// use routecheck::units::parse_duration;
/// assert_eq!(parse_duration("an hour").unwrap().as_secs(), 3600);
/// ```
pub fn parse_duration(text: &str) -> Result<Duration, Error> {
    let q = expect(text, Dimension::Duration)?;
    // `Duration` holds at most 2⁶⁴ s (about 585 billion years); refuse more, don't panic.
    Duration::try_from_secs_f64(q.value.mid_si()).map_err(|_| Error::OutOfRange {
        text: text.chars().take(80).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lo_unit(s: &str) -> (f64, Unit) {
        let q = parse_quantity(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (q.value.lo, q.value.unit)
    }

    #[test]
    fn the_forms_articles_use() {
        use LengthUnit::*;
        assert_eq!(lo_unit("1,200 km"), (1200.0, Unit::Length(Kilometre)));
        assert_eq!(
            lo_unit("1,200 kilometre"),
            (1200.0, Unit::Length(Kilometre))
        );
        assert_eq!(lo_unit("745 miles"), (745.0, Unit::Length(Mile)));
        assert_eq!(
            lo_unit("60 kilometres per hour"),
            (60.0, Unit::Speed(SpeedUnit::Kmh))
        );
        assert_eq!(lo_unit("60 km/h"), (60.0, Unit::Speed(SpeedUnit::Kmh)));
        assert_eq!(lo_unit("60km/h"), (60.0, Unit::Speed(SpeedUnit::Kmh)));
        assert_eq!(lo_unit("40 mph"), (40.0, Unit::Speed(SpeedUnit::Mph)));
        assert_eq!(lo_unit("20 hours"), (20.0, Unit::Duration(TimeUnit::Hour)));
        assert_eq!(lo_unit("an hour"), (1.0, Unit::Duration(TimeUnit::Hour)));
        assert_eq!(
            lo_unit("1,200-kilometre"),
            (1200.0, Unit::Length(Kilometre))
        );
        assert_eq!(
            lo_unit("two and a half days"),
            (2.5, Unit::Duration(TimeUnit::Day))
        );
        assert_eq!(lo_unit("500 m"), (500.0, Unit::Length(Metre)));
    }

    #[test]
    fn conversions_in_parentheses() {
        let q = parse_quantity("425 miles (680 kilometers)").unwrap();
        assert_eq!(q.conversion.unwrap().lo, 680.0);
        assert_eq!(
            q.conversion.unwrap().unit,
            Unit::Length(LengthUnit::Kilometre)
        );
        let q = parse_quantity("1,200 kilometre (745 miles)").unwrap();
        assert_eq!(q.conversion.unwrap().unit, Unit::Length(LengthUnit::Mile));
    }

    #[test]
    fn ranges() {
        let (lo, hi) = parse_speed("40-60 km/h").unwrap();
        assert!((lo.as_kmh() - 40.0).abs() < 1e-9 && (hi.as_kmh() - 60.0).abs() < 1e-9);
        let (lo, hi) = parse_speed("40 to 60 mph").unwrap();
        assert_eq!((lo, hi), (Speed::mph(40.0), Speed::mph(60.0)));
        assert!(parse_quantity("60-40 km/h").is_err());
    }

    #[test]
    fn errors_name_the_problem() {
        assert_eq!(parse_quantity("  "), Err(Error::Empty));
        assert!(matches!(
            parse_quantity("fast km/h"),
            Err(Error::NoNumber { .. })
        ));
        assert!(matches!(
            parse_quantity("40 knots per fortnight"),
            Err(Error::UnknownUnit { unit, .. }) if unit == "per fortnight"
        ));
        assert!(
            matches!(parse_quantity("40 furlongs"), Err(Error::UnknownUnit { unit, .. }) if unit == "furlongs")
        );
        assert!(matches!(
            parse_length("40 mph"),
            Err(Error::WrongDimension { .. })
        ));
        assert!(parse_duration("20 hours").is_ok());
    }

    /// Found by the hardening work (issue 8): a duration too long for `Duration` panicked.
    #[test]
    fn regression_issue_8_huge_duration_is_an_error_not_a_panic() {
        let text = format!("{} weeks", "9".repeat(30));
        assert!(matches!(
            parse_duration(&text),
            Err(Error::OutOfRange { .. })
        ));
        let text = format!("{} hours", "9".repeat(400));
        assert!(matches!(
            parse_duration(&text),
            Err(Error::OutOfRange { .. })
        ));
    }

    /// Issue 8: a number of miles that is finite but overflows in metres.
    #[test]
    fn regression_issue_8_length_overflowing_in_metres_is_refused() {
        let text = format!("1{} miles", "0".repeat(307));
        assert!(matches!(parse_length(&text), Err(Error::OutOfRange { .. })));
        assert!(parse_length(&format!("1{} km", "0".repeat(300))).is_ok());
    }

    /// Issue 8: characters whose lowercase is shorter than themselves (U+212A KELVIN SIGN
    /// lowercases to "k", U+0130 to "i̇") moved byte offsets off character boundaries.
    #[test]
    fn regression_issue_8_unicode_case_folding_does_not_split_characters() {
        for text in [
            "5 \u{212A}m",
            "5 mİ",
            "5 \u{212A}m/h",
            "5 \u{212A}M later",
            "1 mİles",
        ] {
            let _ = parse_quantity(text);
            if let Ok((_, used)) = scan_quantity(text) {
                assert!(text.is_char_boundary(used), "{text}: {used}");
            }
        }
        assert!(matches!(
            parse_quantity("5 \u{212A}m"),
            Err(Error::UnknownUnit { .. })
        ));
        // ASCII case is still ignored.
        assert_eq!(parse_length("5 KM"), Ok(Length::km(5.0)));
        assert_eq!(parse_length("5 Miles"), Ok(Length::miles(5.0)));
    }

    /// Issue 14: the numbers newsrooms write, each read as meant.
    #[test]
    fn regression_issue_14_numbers_as_written() {
        use LengthUnit::*;
        use TimeUnit::*;
        assert_eq!(lo_unit("1 200 km"), (1200.0, Unit::Length(Kilometre)));
        assert_eq!(
            lo_unit("1\u{a0}200\u{a0}km"),
            (1200.0, Unit::Length(Kilometre))
        );
        assert_eq!(lo_unit("5\u{2009}km"), (5.0, Unit::Length(Kilometre)));
        assert_eq!(
            lo_unit("4.5 thousand km"),
            (4500.0, Unit::Length(Kilometre))
        );
        assert_eq!(
            lo_unit("twelve hundred kilometres"),
            (1200.0, Unit::Length(Kilometre))
        );
        assert_eq!(lo_unit("a thousand miles"), (1000.0, Unit::Length(Mile)));
        assert_eq!(lo_unit("2½ hours"), (2.5, Unit::Duration(Hour)));
        assert_eq!(lo_unit("two-and-a-half days"), (2.5, Unit::Duration(Day)));
        assert_eq!(lo_unit("half an hour"), (0.5, Unit::Duration(Hour)));
        let q = parse_quantity("dozens of kilometres").unwrap();
        assert_eq!((q.value.lo, q.value.hi), (24.0, 99.0));
    }

    #[test]
    fn regression_issue_14_ambiguous_point_and_minus_sign_are_errors() {
        let e = parse_quantity("1.200 km").unwrap_err();
        assert_eq!(
            e,
            Error::Ambiguous {
                text: "1.200 km".into(),
                decimal: "1.2".into(),
                grouped: "1,200".into()
            }
        );
        let msg = e.to_string();
        assert!(msg.contains("1.2") && msg.contains("1,200"), "{msg}");
        assert_eq!(parse_length("1.25 km"), Ok(Length::km(1.25)));
        let e = parse_quantity("-5 km").unwrap_err();
        assert!(matches!(e, Error::Negative { .. }));
        assert!(e.to_string().contains("minus sign"), "{e}");
        assert!(matches!(
            parse_quantity("\u{2212}40 mph"),
            Err(Error::Negative { .. })
        ));
    }

    /// Issue 14: "an hour and a half", "an hour and 20 minutes".
    #[test]
    fn regression_issue_14_compound_durations() {
        use TimeUnit::*;
        assert_eq!(lo_unit("an hour and a half"), (1.5, Unit::Duration(Hour)));
        assert_eq!(lo_unit("two days and a half"), (2.5, Unit::Duration(Day)));
        assert_eq!(
            lo_unit("an hour and 20 minutes"),
            (80.0, Unit::Duration(Minute))
        );
        // Not a compound: a larger unit after "and", or a length.
        let (q, used) = scan_quantity("20 minutes and an hour").unwrap();
        assert_eq!((q.value.lo, used), (20.0, 10));
        let (q, used) = scan_quantity("5 km and 3 km").unwrap();
        assert_eq!((q.value.lo, used), (5.0, 4));
    }

    /// Issue 14: "X or Y" and "X, or about Y" give the conversion, like "X (Y)".
    #[test]
    fn regression_issue_14_conversions_after_or() {
        for text in ["1,200 km or 745 miles", "1,200 km, or about 745 miles"] {
            let q = parse_quantity(text).unwrap();
            assert_eq!(q.value.lo, 1200.0, "{text}");
            let c = q.conversion.unwrap();
            assert_eq!((c.lo, c.unit), (745.0, Unit::Length(LengthUnit::Mile)));
        }
        // The same unit twice is two figures, not a conversion.
        let (q, used) = scan_quantity("20 km or 30 km away").unwrap();
        assert_eq!((q.conversion, used), (None, 5));
    }
}
