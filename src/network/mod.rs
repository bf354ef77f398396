//! Railway networks and routing on them.
//!
//! Railways measure themselves with **km posts** (chainage): every station on a line has a
//! published distance from the line's origin. A [`RailNetwork`] built from the bundled line
//! tables (`data/rail/*.toml`, see [`LineTable`]) joins lines at junction stations that share a
//! name, finds the shortest path through a list of waypoints, and reports the route's length as
//! the **sum of chainage differences** — the railway's own figure — beside the geodesic length
//! of the drawn line through the stations, which is only a sketch (`schematic`).
//!
//! A network can also come from real track geometry with [`RailNetwork::from_geojson`]
//! (e.g. an OpenStreetMap export): nodes at line ends and shared vertices, edges measured on the
//! WGS84 ellipsoid, waypoints snapped to the nearest track within a tolerance.
//!
//! ```
//! use routecheck::network::{RailNetwork, Waypoint};
//! let net = RailNetwork::bundled().unwrap();
//! let stops = ["Pyongyang", "Tumangang", "Khasan", "Baranovsky", "Vladivostok"].map(Waypoint::named);
//! let route = net.route(&stops).unwrap();
//! // The railways' own km posts: 1,183.3 km (the Pyongra Line's 819 km figure would give 1,202 km).
//! assert!((route.length.as_km() - 1183.3).abs() < 0.05);
//! assert!(route.schematic);
//! ```

mod build;
mod geojson;
mod path;
mod snap;
mod table;
#[cfg(test)]
mod tests_route;
#[cfg(test)]
mod tests_track;

pub use build::{LineInfo, Measure, RailNetwork, Station};
pub use path::{RailLeg, RailRoute, Snapped, StationPass};
pub use table::{LineTable, PublishedLength, TableStation, bundled_tables};

use crate::coord::LatLon;
use crate::units::Length;

/// A stop the route must pass: a name (matched against station names and aliases) and, if
/// known, a position (used to snap to the nearest station or track when the name is unknown).
#[derive(Debug, Clone, PartialEq)]
pub struct Waypoint {
    pub name: String,
    pub at: Option<LatLon>,
}

impl Waypoint {
    /// A waypoint known by name only.
    pub fn named(name: &str) -> Self {
        Waypoint {
            name: name.to_string(),
            at: None,
        }
    }
    /// A waypoint with a name (for messages) and a position.
    pub fn at(name: &str, at: LatLon) -> Self {
        Waypoint {
            name: name.to_string(),
            at: Some(at),
        }
    }
}

/// Why a line table could not be loaded or a rail route could not be found.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("rail line table {file} is not valid TOML for a line table")]
    TableSyntax {
        file: String,
        #[source]
        source: toml::de::Error,
    },
    #[error(
        "rail line table {line}: station \"{station}\" gives {what} without a source; add {what}_source"
    )]
    MissingSource {
        line: String,
        station: String,
        what: &'static str,
    },
    #[error("rail line table {line}: station \"{station}\" has neither a km post nor coordinates")]
    EmptyRow { line: String, station: String },
    #[error("rail line table {line}: station \"{station}\" has a bad coordinate")]
    BadCoordinate {
        line: String,
        station: String,
        #[source]
        source: crate::coord::Error,
    },
    #[error(
        "rail line table {line}: km posts out of order: \"{station}\" at km {:.1} follows \"{previous}\" at km {:.1}; list stations in the order of their km posts",
        .km.as_km(), .previous_km.as_km()
    )]
    KmOutOfOrder {
        line: String,
        station: String,
        km: Length,
        previous: String,
        previous_km: Length,
    },
    #[error("rail line table {line}: at least two stations need km posts to measure anything")]
    TooFewKmPosts { line: String },
    #[error("cannot read the rail GeoJSON")]
    GeoJson(#[from] ::geojson::Error),
    #[error(
        "the rail GeoJSON holds no LineString or MultiLineString with two or more distinct points"
    )]
    NoTrack,
    #[error("the rail GeoJSON has a bad coordinate in feature {feature}")]
    BadTrackCoordinate {
        feature: usize,
        #[source]
        source: crate::coord::Error,
    },
    #[error("a rail route needs at least two waypoints; {given} given")]
    TooFewWaypoints { given: usize },
    #[error("no station called \"{query}\" in the rail line tables{}", suggest(.suggestions))]
    UnknownStation {
        query: String,
        suggestions: Vec<String>,
    },
    #[error(
        "no railway line data covers \"{waypoint}\"{}; load real track with --rail FILE (GeoJSON) or measure the leg with --mode direct",
        nearest_text(.nearest, .tolerance)
    )]
    NoCoverage {
        waypoint: String,
        nearest: Option<(String, Length)>,
        tolerance: Length,
    },
    #[error("no rail connection from \"{from}\" to \"{to}\" in the loaded lines")]
    Unreachable { from: String, to: String },
    #[error("the rail route has zero length: every waypoint is at {at}")]
    ZeroLength { at: String },
}

/// Result type of this module.
pub type Result<T> = std::result::Result<T, Error>;

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", s.join(", "))
    }
}

fn nearest_text(n: &Option<(String, Length)>, tol: &Length) -> String {
    match n {
        Some((name, d)) => format!(" (nearest rail point: {name}, {d} away; the limit is {tol})"),
        None => " (no rail data loaded near it)".to_string(),
    }
}

/// Folds a name for matching: ASCII transliteration, lower case, letters and digits only.
/// "P'yŏngyang" → "pyongyang", "Хасан" → "khasan".
pub(crate) fn fold(name: &str) -> String {
    deunicode::deunicode(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_matches_spellings() {
        assert_eq!(fold("P'yŏngyang"), "pyongyang");
        assert_eq!(fold("Hongŭi"), fold("Hongui"));
        assert_eq!(fold("Хасан"), "khasan");
    }

    #[test]
    fn no_coverage_message_suggests_the_ways_out() {
        let e = Error::NoCoverage {
            waypoint: "Paris".into(),
            nearest: Some(("Khasan".into(), Length::km(8000.0))),
            tolerance: Length::km(20.0),
        };
        let msg = e.to_string();
        assert!(
            msg.contains("Paris") && msg.contains("--rail FILE") && msg.contains("--mode direct"),
            "{msg}"
        );
    }
}
