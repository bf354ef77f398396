//! Geographic coordinates with named fields, and the one place where they become `geo` points.
//!
//! Human-facing text speaks "lat, lon"; `geo` and GeoJSON speak (x = lon, y = lat). [`LatLon`]
//! keeps the two apart: build one from named fields or a string, convert with `From`.
//!
//! ```
//! use routecheck::coord::LatLon;
//! let p: LatLon = "42°25′41″N 130°38′43″E".parse().unwrap();
//! assert!((p.lat - 42.428056).abs() < 1e-6);
//! let g: geo::Point = p.into();
//! assert_eq!(g.x(), p.lon);
//! ```

use std::fmt;
use std::str::FromStr;

/// A WGS84 position in degrees: latitude in [-90, 90], longitude in [-180, 180].
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LatLon {
    /// Latitude in degrees, north positive.
    pub lat: f64,
    /// Longitude in degrees, east positive.
    pub lon: f64,
}

/// Why a coordinate was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("latitude {lat} is out of range: it must be between -90 and 90 degrees")]
    /// The latitude is outside [-90, 90].
    LatitudeOutOfRange {
        /// The latitude given, in degrees.
        lat: f64,
    },
    #[error("longitude {lon} is out of range: it must be between -180 and 180 degrees")]
    /// The longitude is outside [-180, 180].
    LongitudeOutOfRange {
        /// The longitude given, in degrees.
        lon: f64,
    },
    #[error("coordinate is not a finite number")]
    /// A coordinate is NaN or infinite.
    NotFinite,
    #[error(
        "cannot read \"{text}\" as a coordinate: write \"lat, lon\" in degrees, e.g. \"42.43, 130.64\" or \"42°25′41″N 130°38′43″E\""
    )]
    /// The text is not a coordinate pair in any accepted notation.
    Unreadable {
        /// The text as given.
        text: String,
    },
    #[error(
        "\"{text}\" has two latitudes (N/S) or two longitudes (E/W): write one of each, e.g. \"42.43N 130.64E\""
    )]
    /// The text names two latitudes or two longitudes ("42N 130S").
    ConflictingHemispheres {
        /// The text as given.
        text: String,
    },
}

impl LatLon {
    /// A validated position.
    ///
    /// ```
    /// use routecheck::coord::LatLon;
    /// assert!(LatLon::new(91.0, 200.0).is_err());
    /// assert!(LatLon::new(39.0392, 125.7625).is_ok());
    /// ```
    pub fn new(lat: f64, lon: f64) -> Result<Self, Error> {
        if !lat.is_finite() || !lon.is_finite() {
            return Err(Error::NotFinite);
        }
        if !(-90.0..=90.0).contains(&lat) {
            return Err(Error::LatitudeOutOfRange { lat });
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(Error::LongitudeOutOfRange { lon });
        }
        Ok(LatLon { lat, lon })
    }

    /// Rounded to `places` decimals (6 places ≈ 0.1 m), for stable output.
    pub fn rounded(self, places: i32) -> LatLon {
        let k = 10f64.powi(places);
        LatLon {
            lat: (self.lat * k).round() / k,
            lon: (self.lon * k).round() / k,
        }
    }
}

impl From<LatLon> for geo::Point<f64> {
    fn from(p: LatLon) -> Self {
        geo::Point::new(p.lon, p.lat)
    }
}

impl From<LatLon> for geo::Coord<f64> {
    fn from(p: LatLon) -> Self {
        geo::Coord { x: p.lon, y: p.lat }
    }
}

impl TryFrom<geo::Coord<f64>> for LatLon {
    type Error = Error;
    fn try_from(c: geo::Coord<f64>) -> Result<Self, Error> {
        LatLon::new(c.y, c.x)
    }
}

impl TryFrom<geo::Point<f64>> for LatLon {
    type Error = Error;
    fn try_from(p: geo::Point<f64>) -> Result<Self, Error> {
        LatLon::new(p.y(), p.x())
    }
}

impl fmt::Display for LatLon {
    /// "39.0392° N, 125.7625° E"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ns = if self.lat >= 0.0 { 'N' } else { 'S' };
        let ew = if self.lon >= 0.0 { 'E' } else { 'W' };
        write!(
            f,
            "{:.4}° {ns}, {:.4}° {ew}",
            self.lat.abs(),
            self.lon.abs()
        )
    }
}

impl FromStr for LatLon {
    type Err = Error;

    /// Reads "42.43,130.64", "42.43, 130.64", "42.43 130.64", "42°25′41″N 130°38′43″E",
    /// "42°25'41\"N, 130°38'43\"E" and "42.43N 130.64E" (hemisphere letters set the sign).
    fn from_str(s: &str) -> Result<Self, Error> {
        let unreadable = || Error::Unreadable {
            text: s.chars().take(80).collect(),
        };
        let parts = split_pair(s).ok_or_else(unreadable)?;
        let (a, ha) = parse_angle(parts.0).ok_or_else(unreadable)?;
        let (b, hb) = parse_angle(parts.1).ok_or_else(unreadable)?;
        // Hemisphere letters may put longitude first ("130.64E 42.43N", "130.64E, 42.43"),
        // but must not name the same axis twice ("42S 130S" is not 42°S 130°W).
        let (lat, lon) = match (ha, hb) {
            (Some('E' | 'W'), Some('N' | 'S') | None) | (None, Some('N' | 'S')) => (b, a),
            (Some('N' | 'S'), Some('N' | 'S')) | (Some('E' | 'W'), Some('E' | 'W')) => {
                return Err(Error::ConflictingHemispheres {
                    text: s.chars().take(80).collect(),
                });
            }
            _ => (a, b),
        };
        LatLon::new(lat, lon)
    }
}

/// Splits "a, b", "a,b", "a b", "a;b" into two angle strings.
fn split_pair(s: &str) -> Option<(&str, &str)> {
    let s = s.trim();
    if let Some(i) = s.find([',', ';']) {
        return Some((&s[..i], &s[i + 1..]));
    }
    // A hemisphere letter ends the first angle: "42°25′41″N 130°38′43″E", "130.64E 42.43N".
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_some_and(|(_, n)| n.is_whitespace());
        if "NSEWnsew".contains(c) && next_is_space {
            return Some((&s[..=i], &s[i + 1..]));
        }
    }
    let mut it = s.splitn(2, char::is_whitespace);
    Some((it.next()?, it.next()?))
}

/// Reads decimal degrees or degrees/minutes/seconds with an optional hemisphere letter.
fn parse_angle(s: &str) -> Option<(f64, Option<char>)> {
    let s = s.trim();
    let hemi = s
        .chars()
        .last()
        .filter(|c| "NSEWnsew".contains(*c))
        .map(|c| c.to_ascii_uppercase());
    let body = if hemi.is_some() { &s[..s.len() - 1] } else { s }.trim();
    let mut nums = Vec::new();
    for part in body
        .split(['°', '′', '″', '\'', '"', ' ', 'd', 'm'])
        .filter(|p| !p.is_empty())
    {
        nums.push(part.replace('−', "-").parse::<f64>().ok()?);
    }
    let (deg, min, sec) = match nums.as_slice() {
        [d] => (*d, 0.0, 0.0),
        [d, m] => (*d, *m, 0.0),
        [d, m, sec] => (*d, *m, *sec),
        _ => return None,
    };
    if nums.len() > 1 && !(0.0..60.0).contains(&min) || !(0.0..60.0).contains(&sec) {
        return None;
    }
    // A sign and a hemisphere letter together ("-42N") contradict or repeat each other.
    if hemi.is_some() && deg.is_sign_negative() {
        return None;
    }
    let mag = deg.abs() + min / 60.0 + sec / 3600.0;
    let negative = deg.is_sign_negative() || matches!(hemi, Some('S' | 'W'));
    Some((if negative { -mag } else { mag }, hemi))
}

/// A longitude wrapped into [-180, 180] (values already inside are returned unchanged).
///
/// ```
/// use routecheck::coord::wrap_lon;
/// assert_eq!(wrap_lon(190.0), -170.0);
/// assert_eq!(wrap_lon(-180.0), -180.0);
/// ```
pub fn wrap_lon(lon_deg: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon_deg) {
        lon_deg
    } else {
        (lon_deg + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// The point a fraction `t` of the way from `a` to `b`, linear in latitude and longitude and
/// taking the short way across the antimeridian. For drawing and for points on a short
/// segment; use [`crate::geodesy`] for positions along a geodesic.
///
/// ```
/// use routecheck::coord::{LatLon, interpolate};
/// let a = LatLon { lat: 0.0, lon: 179.0 };
/// let b = LatLon { lat: 2.0, lon: -179.0 };
/// assert_eq!(interpolate(a, b, 0.5), LatLon { lat: 1.0, lon: 180.0 });
/// ```
pub fn interpolate(a: LatLon, b: LatLon, t: f64) -> LatLon {
    let mut dlon = b.lon - a.lon;
    if dlon > 180.0 {
        dlon -= 360.0;
    } else if dlon < -180.0 {
        dlon += 360.0;
    }
    LatLon {
        lat: a.lat + (b.lat - a.lat) * t,
        lon: wrap_lon(a.lon + dlon * t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_common_forms() {
        let p: LatLon = "42.43,130.64".parse().unwrap();
        assert_eq!(
            p,
            LatLon {
                lat: 42.43,
                lon: 130.64
            }
        );
        let p: LatLon = "42.43, 130.64".parse().unwrap();
        assert_eq!(
            p,
            LatLon {
                lat: 42.43,
                lon: 130.64
            }
        );
        let p: LatLon = "42°25′41″N 130°38′43″E".parse().unwrap();
        assert!((p.lat - (42.0 + 25.0 / 60.0 + 41.0 / 3600.0)).abs() < 1e-12);
        assert!((p.lon - (130.0 + 38.0 / 60.0 + 43.0 / 3600.0)).abs() < 1e-12);
        let p: LatLon = "33.87S, 151.21E".parse().unwrap();
        assert_eq!(
            p,
            LatLon {
                lat: -33.87,
                lon: 151.21
            }
        );
        let p: LatLon = "-33.87 151.21".parse().unwrap();
        assert_eq!(p.lat, -33.87);
        let p: LatLon = "130.64E 42.43N".parse().unwrap();
        assert_eq!(
            p,
            LatLon {
                lat: 42.43,
                lon: 130.64
            }
        );
    }

    #[test]
    fn refuses_out_of_range_and_garbage() {
        assert_eq!(
            "91,200".parse::<LatLon>(),
            Err(Error::LatitudeOutOfRange { lat: 91.0 })
        );
        assert_eq!(
            "45,200".parse::<LatLon>(),
            Err(Error::LongitudeOutOfRange { lon: 200.0 })
        );
        assert!(matches!(
            "hello".parse::<LatLon>(),
            Err(Error::Unreadable { .. })
        ));
        assert!(matches!(
            "".parse::<LatLon>(),
            Err(Error::Unreadable { .. })
        ));
        assert!(matches!(
            "42°75′N 130E".parse::<LatLon>(),
            Err(Error::Unreadable { .. })
        ));
        assert_eq!(LatLon::new(f64::NAN, 0.0), Err(Error::NotFinite));
    }

    /// Issue 8: a hemisphere letter was applied to whichever axis it stood on, so "42S 130S"
    /// read as 42°S 130°W, and "130.64E, 42.43" as latitude 130.64.
    #[test]
    fn regression_issue_8_hemisphere_letters_name_the_axis() {
        for text in ["42S 130S", "42.43N, 130.64N", "130E 42E", "130.64W, 42.43W"] {
            assert!(
                matches!(
                    text.parse::<LatLon>(),
                    Err(Error::ConflictingHemispheres { .. })
                ),
                "{text}"
            );
        }
        assert_eq!(
            "130.64E, 42.43".parse::<LatLon>(),
            Ok(LatLon {
                lat: 42.43,
                lon: 130.64
            })
        );
        assert_eq!(
            "130.64, 42.43S".parse::<LatLon>(),
            Ok(LatLon {
                lat: -42.43,
                lon: 130.64
            })
        );
        for text in ["-42.43N 130.64E", "42.43N, -130.64W", "−42S 130E"] {
            assert!(
                matches!(text.parse::<LatLon>(), Err(Error::Unreadable { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn point_round_trip_keeps_axis_order() {
        let p = LatLon::new(43.1155, 131.8855).unwrap();
        let g: geo::Point = p.into();
        assert_eq!((g.x(), g.y()), (131.8855, 43.1155));
        assert_eq!(LatLon::try_from(g).unwrap(), p);
    }
}
