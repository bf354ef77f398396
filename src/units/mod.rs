//! Physical quantities with their units: [`Length`], [`Speed`] and durations.
//!
//! Values are stored in SI units (metres, metres per second, seconds) and converted only at
//! the edges. Conversion factors are the exact legal definitions: 1 mile = 1,609.344 m,
//! 1 nautical mile = 1,852 m, 1 foot = 0.3048 m.
//!
//! ```
//! use routecheck::units::{Length, Speed};
//! let d = Length::km(1200.0);
//! let v = Speed::kmh(60.0);
//! assert_eq!((d / v).as_secs_f64(), 20.0 * 3600.0);
//! assert!((Length::miles(745.0).as_km() - 1198.961).abs() < 0.001);
//! ```

mod number;
mod parse;

use std::fmt;
use std::ops::{Add, Div, Mul, Sub};
use std::time::Duration;

pub use number::parse_number_words;
pub use parse::{
    Quantity, QuantityRange, Unit, parse_duration, parse_length, parse_quantity, parse_speed,
    scan_quantity,
};

/// Metres in one statute mile (exact, international mile of 1959).
pub const M_PER_MILE: f64 = 1609.344;
/// Metres in one nautical mile (exact).
pub const M_PER_NMI: f64 = 1852.0;
/// Metres in one international foot (exact).
pub const M_PER_FOOT: f64 = 0.3048;

/// Errors from parsing a quantity such as "1,200 km" or "40 mph".
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("empty quantity: expected a number and a unit, such as \"1,200 km\"")]
    /// The text was empty or only whitespace.
    Empty,
    #[error("no number found in \"{text}\"")]
    /// The text has no number in it (`text` is the whole quantity as given).
    NoNumber {
        /// The quantity as given.
        text: String,
    },
    #[error(
        "unknown unit \"{unit}\" in \"{text}\" (known: km, m, miles, nmi, km/h, mph, knots, m/s, minutes, hours, days)"
    )]
    /// The number is followed by a word that is not a known unit (`unit`, within `text`).
    UnknownUnit {
        /// The quantity as given.
        text: String,
        /// The word read as the unit.
        unit: String,
    },
    #[error("\"{text}\" is a {found}, but a {expected} was expected")]
    /// The quantity measures something else than the caller asked for ("40 mph" where a length was expected).
    WrongDimension {
        /// The quantity as given.
        text: String,
        /// What the caller asked for.
        expected: Dimension,
        /// What the text measures.
        found: Dimension,
    },
    #[error("\"{text}\" is not a finite, non-negative quantity")]
    /// The value is not finite, or is too large to hold.
    OutOfRange {
        /// The quantity as given.
        text: String,
    },
    #[error(
        "\"{text}\" is negative: a distance, speed or duration cannot be; write the figure without the minus sign"
    )]
    /// The value has a minus sign.
    Negative {
        /// The quantity as given.
        text: String,
    },
    #[error(
        "\"{text}\" can be read two ways: {decimal} with a decimal point or {grouped} with a thousands point; write \"{decimal}\" or \"{grouped}\" as the article means it"
    )]
    /// "1.200 km" or "1,200 km" where the separator could be a decimal point or a
    /// thousands separator; the caller must say which.
    Ambiguous {
        /// The quantity as given.
        text: String,
        /// The reading with a decimal point ("1.2").
        decimal: String,
        /// The reading with a thousands separator ("1,200").
        grouped: String,
    },
}

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    /// A distance, in metres.
    Length,
    /// A speed, in metres per second.
    Speed,
    /// A span of time, in seconds.
    Duration,
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dimension::Length => "length",
            Dimension::Speed => "speed",
            Dimension::Duration => "duration",
        })
    }
}

/// A length, stored in metres.
#[derive(
    Debug, Clone, Copy, PartialEq, PartialOrd, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Length {
    m: f64,
}

impl Length {
    /// No length at all: 0 m.
    pub const ZERO: Length = Length { m: 0.0 };
    /// A length in metres.
    pub const fn m(m: f64) -> Self {
        Length { m }
    }
    /// A length in kilometres.
    pub fn km(km: f64) -> Self {
        Length { m: km * 1000.0 }
    }
    /// A length in statute miles (1 mi = 1,609.344 m).
    pub fn miles(mi: f64) -> Self {
        Length { m: mi * M_PER_MILE }
    }
    /// A length in nautical miles (1 nmi = 1,852 m).
    pub fn nmi(nmi: f64) -> Self {
        Length { m: nmi * M_PER_NMI }
    }
    /// A length in the given unit.
    pub fn new(value: f64, unit: LengthUnit) -> Self {
        Length {
            m: value * unit.metres(),
        }
    }
    /// The length in metres.
    pub fn as_m(self) -> f64 {
        self.m
    }
    /// The length in kilometres.
    pub fn as_km(self) -> f64 {
        self.m / 1000.0
    }
    /// The length in statute miles (1,609.344 m).
    pub fn as_miles(self) -> f64 {
        self.m / M_PER_MILE
    }
    /// The value in `unit`.
    pub fn in_unit(self, unit: LengthUnit) -> f64 {
        self.m / unit.metres()
    }
}

/// The units a length can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LengthUnit {
    /// The metre (m).
    Metre,
    /// The kilometre (km), 1,000 m.
    Kilometre,
    /// The statute mile (mi), 1,609.344 m.
    Mile,
    /// The nautical mile (nmi), 1,852 m.
    NauticalMile,
    /// The international foot (ft), 0.3048 m.
    Foot,
}

impl LengthUnit {
    /// Metres in one of this unit.
    pub fn metres(self) -> f64 {
        match self {
            LengthUnit::Metre => 1.0,
            LengthUnit::Kilometre => 1000.0,
            LengthUnit::Mile => M_PER_MILE,
            LengthUnit::NauticalMile => M_PER_NMI,
            LengthUnit::Foot => M_PER_FOOT,
        }
    }
    /// The usual abbreviation: "km", "mi", …
    pub fn symbol(self) -> &'static str {
        match self {
            LengthUnit::Metre => "m",
            LengthUnit::Kilometre => "km",
            LengthUnit::Mile => "mi",
            LengthUnit::NauticalMile => "nmi",
            LengthUnit::Foot => "ft",
        }
    }
}

/// A speed, stored in metres per second.
#[derive(
    Debug, Clone, Copy, PartialEq, PartialOrd, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Speed {
    mps: f64,
}

impl Speed {
    /// A speed in metres per second.
    pub const fn mps(mps: f64) -> Self {
        Speed { mps }
    }
    /// A speed in kilometres per hour.
    pub fn kmh(kmh: f64) -> Self {
        Speed { mps: kmh / 3.6 }
    }
    /// A speed in statute miles per hour.
    pub fn mph(mph: f64) -> Self {
        Speed {
            mps: mph * M_PER_MILE / 3600.0,
        }
    }
    /// A speed in knots (nautical miles per hour).
    pub fn knots(kn: f64) -> Self {
        Speed {
            mps: kn * M_PER_NMI / 3600.0,
        }
    }
    /// A speed in the given unit.
    pub fn new(value: f64, unit: SpeedUnit) -> Self {
        Speed {
            mps: value * unit.mps(),
        }
    }
    /// The speed in metres per second.
    pub fn as_mps(self) -> f64 {
        self.mps
    }
    /// The speed in kilometres per hour.
    pub fn as_kmh(self) -> f64 {
        self.mps * 3.6
    }
    /// The speed in statute miles per hour.
    pub fn as_mph(self) -> f64 {
        self.mps * 3600.0 / M_PER_MILE
    }
    /// The value in `unit`.
    pub fn in_unit(self, unit: SpeedUnit) -> f64 {
        self.mps / unit.mps()
    }
}

/// The units a speed can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeedUnit {
    /// Kilometres per hour (km/h).
    Kmh,
    /// Statute miles per hour (mph).
    Mph,
    /// Knots: nautical miles per hour (kn).
    Knot,
    /// Metres per second (m/s).
    Mps,
}

impl SpeedUnit {
    /// Metres per second in one of this unit.
    pub fn mps(self) -> f64 {
        match self {
            SpeedUnit::Kmh => 1.0 / 3.6,
            SpeedUnit::Mph => M_PER_MILE / 3600.0,
            SpeedUnit::Knot => M_PER_NMI / 3600.0,
            SpeedUnit::Mps => 1.0,
        }
    }
    /// The unit's symbol as reports print it: "km/h", "mph", "kn" or "m/s".
    pub fn symbol(self) -> &'static str {
        match self {
            SpeedUnit::Kmh => "km/h",
            SpeedUnit::Mph => "mph",
            SpeedUnit::Knot => "kn",
            SpeedUnit::Mps => "m/s",
        }
    }
}

/// The units a duration can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    /// The second (s).
    Second,
    /// The minute (min), 60 s.
    Minute,
    /// The hour (h), 3,600 s.
    Hour,
    /// The day (d), 86,400 s (no daylight-saving or leap seconds).
    Day,
    /// The week (wk), 7 days.
    Week,
}

impl TimeUnit {
    /// Seconds in one of this unit.
    pub fn seconds(self) -> f64 {
        match self {
            TimeUnit::Second => 1.0,
            TimeUnit::Minute => 60.0,
            TimeUnit::Hour => 3600.0,
            TimeUnit::Day => 86_400.0,
            TimeUnit::Week => 604_800.0,
        }
    }
    /// The unit's symbol as reports print it: "s", "min", "h", "d" or "wk".
    pub fn symbol(self) -> &'static str {
        match self {
            TimeUnit::Second => "s",
            TimeUnit::Minute => "min",
            TimeUnit::Hour => "h",
            TimeUnit::Day => "d",
            TimeUnit::Week => "wk",
        }
    }
}

/// A duration from a count of hours (saturating at zero for negative or NaN input).
pub fn hours(h: f64) -> Duration {
    Duration::try_from_secs_f64(h * 3600.0).unwrap_or(Duration::ZERO)
}

/// A duration as fractional hours.
pub fn as_hours(d: Duration) -> f64 {
    d.as_secs_f64() / 3600.0
}

impl Add for Length {
    type Output = Length;
    fn add(self, o: Length) -> Length {
        Length { m: self.m + o.m }
    }
}
impl Sub for Length {
    type Output = Length;
    fn sub(self, o: Length) -> Length {
        Length { m: self.m - o.m }
    }
}
impl Mul<f64> for Length {
    type Output = Length;
    fn mul(self, k: f64) -> Length {
        Length { m: self.m * k }
    }
}
impl Div for Length {
    type Output = f64;
    fn div(self, o: Length) -> f64 {
        self.m / o.m
    }
}
impl std::iter::Sum for Length {
    fn sum<I: Iterator<Item = Length>>(iter: I) -> Length {
        Length {
            m: iter.map(|l| l.m).sum(),
        }
    }
}
/// Time to cover a length at a speed (zero for a non-positive speed's NaN/∞ results).
impl Div<Speed> for Length {
    type Output = Duration;
    fn div(self, v: Speed) -> Duration {
        Duration::try_from_secs_f64(self.m / v.mps).unwrap_or(Duration::MAX)
    }
}
/// Average speed over a length in a duration.
impl Div<Duration> for Length {
    type Output = Speed;
    fn div(self, t: Duration) -> Speed {
        Speed {
            mps: self.m / t.as_secs_f64(),
        }
    }
}
/// Length covered at a speed in a duration.
impl Mul<Duration> for Speed {
    type Output = Length;
    fn mul(self, t: Duration) -> Length {
        Length {
            m: self.mps * t.as_secs_f64(),
        }
    }
}

impl fmt::Display for Length {
    /// Kilometres with the precision a reader expects: "1,184 km", "12.3 km", "850 m".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let km = self.as_km();
        if km.abs() >= 100.0 {
            write!(f, "{} km", group_thousands(km.round()))
        } else if km.abs() >= 1.0 {
            write!(f, "{km:.1} km")
        } else {
            write!(f, "{:.0} m", self.m)
        }
    }
}

impl fmt::Display for Speed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1} km/h", self.as_kmh())
    }
}

/// Formats a whole number with comma thousands separators: 1200 → "1,200".
pub fn group_thousands(x: f64) -> String {
    let neg = x < 0.0;
    // Whole numbers below 2^53 are exact as integers; `round_ties_even` rounds as `{:.0}` does,
    // without its exact decimal expansion (a tenth of a batch's time went there).
    let r = x.abs().round_ties_even();
    let digits = if r < 9_007_199_254_740_992.0 {
        (r as u64).to_string()
    } else {
        format!("{:.0}", x.abs())
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if neg { format!("-{out}") } else { out }
}

/// Formats a duration for a reader: "20 h", "19 h 58 min", "45 min".
pub fn format_duration(d: Duration) -> String {
    let total_min = (d.as_secs_f64() / 60.0).round() as u64;
    let (h, m) = (total_min / 60, total_min % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_round_as_the_formatter_does() {
        for x in [
            0.0f64,
            0.5,
            1.5,
            2.5,
            999.5,
            1000.0,
            1234.49,
            1234.5,
            1235.5,
            -1234.5,
            1e15 + 0.5,
            9.1e15,
            1e22,
            123_456_789.0,
        ] {
            let want = format!("{:.0}", x.abs());
            let grouped = group_thousands(x).replace([',', '-'], "");
            assert_eq!(grouped, want, "{x}");
        }
        assert_eq!(group_thousands(1_234_567.4), "1,234,567");
        assert_eq!(group_thousands(-1200.0), "-1,200");
    }

    #[test]
    fn conversions_are_exact() {
        assert_eq!(Length::miles(1.0).as_m(), 1609.344);
        assert_eq!(Length::nmi(1.0).as_m(), 1852.0);
        assert!((Speed::mph(40.0).as_kmh() - 64.37376).abs() < 1e-9);
        assert!((Speed::knots(1.0).as_kmh() - 1.852).abs() < 1e-12);
        assert!((Length::km(680.0).as_miles() - 422.532).abs() < 1e-3);
    }

    #[test]
    fn arithmetic_between_quantities() {
        let t = Length::km(1200.0) / Speed::kmh(60.0);
        assert_eq!(t, Duration::from_secs(20 * 3600));
        let v = Length::km(120.0) / hours(2.0);
        assert!((v.as_kmh() - 60.0).abs() < 1e-9);
        assert!((Speed::kmh(60.0) * hours(1.5)).as_km() - 90.0 < 1e-9);
        assert_eq!(Length::km(1.0) / Speed::kmh(0.0), Duration::MAX);
    }

    #[test]
    fn display_is_reader_friendly() {
        assert_eq!(Length::km(1184.4).to_string(), "1,184 km");
        assert_eq!(Length::km(12.34).to_string(), "12.3 km");
        assert_eq!(Length::m(850.0).to_string(), "850 m");
        assert_eq!(group_thousands(1234567.0), "1,234,567");
        assert_eq!(format_duration(hours(19.97)), "19 h 58 min");
        assert_eq!(format_duration(hours(20.0)), "20 h");
        assert_eq!(format_duration(Duration::from_secs(45 * 60)), "45 min");
    }
}
