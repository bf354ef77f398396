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
mod compiled;
mod geojson;
mod load;
mod osm;
mod path;
mod snap;
mod table;
#[cfg(test)]
mod tests_route;
#[cfg(test)]
mod tests_track;

pub use build::{FileStation, LineInfo, Measure, RailNetwork, Station, TrackPost};
pub use compiled::FORMAT_VERSION;
pub use load::RailFormat;
pub use osm::compact::{ImportCounts, PbfImport};
pub use path::{PostPass, RailLeg, RailRoute, Snapped, StationPass};
pub use table::{LineTable, PublishedLength, TableStation, bundled_tables};

use crate::coord::LatLon;
use crate::units::Length;

/// A stop the route must pass: a name (matched against station names and aliases) and, if
/// known, a position (used to snap to the nearest station or track when the name is unknown).
#[derive(Debug, Clone, PartialEq)]
pub struct Waypoint {
    /// The name to match against station names and aliases, and to show in messages.
    pub name: String,
    /// The waypoint's position, where known.
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
    /// A line table is not valid TOML, or lacks a field a line table needs.
    #[error("rail line table {file} is not valid TOML for a line table")]
    TableSyntax {
        /// The table's file name.
        file: String,
        /// The underlying error.
        #[source]
        source: toml::de::Error,
    },
    #[error(
        "rail line table {line}: station \"{station}\" gives {what} without a source; add {what}_source"
    )]
    /// A station gives a km post or coordinates without citing where they come from.
    MissingSource {
        /// The line table (its id).
        line: String,
        /// The station's name.
        station: String,
        /// What is given without a source: "km" or "coord" (the field to add is `{what}_source`).
        what: &'static str,
    },
    /// A station row gives neither a km post nor coordinates.
    #[error("rail line table {line}: station \"{station}\" has neither a km post nor coordinates")]
    EmptyRow {
        /// The line table (its id).
        line: String,
        /// The station's name.
        station: String,
    },
    /// A station's coordinates are not a valid latitude and longitude.
    #[error("rail line table {line}: station \"{station}\" has a bad coordinate")]
    BadCoordinate {
        /// The line table (its id).
        line: String,
        /// The station's name.
        station: String,
        /// The underlying error.
        #[source]
        source: crate::coord::Error,
    },
    #[error(
        "rail line table {line}: km posts out of order: \"{station}\" at km {:.1} follows \"{previous}\" at km {:.1}; list stations in the order of their km posts",
        .km.as_km(), .previous_km.as_km()
    )]
    /// A station's km post is smaller than the previous station's.
    KmOutOfOrder {
        /// The line table (its id).
        line: String,
        /// The station's name.
        station: String,
        /// The station's km post.
        km: Length,
        /// The station listed before it.
        previous: String,
        /// That station's km post, greater than `km`.
        previous_km: Length,
    },
    /// A line table has fewer than two km posts, so it measures nothing.
    #[error("rail line table {line}: at least two stations need km posts to measure anything")]
    TooFewKmPosts {
        /// The line table (its id).
        line: String,
    },
    /// A GeoJSON file that cannot be parsed.
    #[error("cannot read the rail GeoJSON")]
    GeoJson(#[from] ::geojson::Error),
    #[error(
        "the rail GeoJSON holds no LineString or MultiLineString with two or more distinct points"
    )]
    /// A GeoJSON file without any usable line.
    NoTrack,
    /// A GeoJSON position that is not a valid longitude and latitude.
    #[error("the rail GeoJSON has a bad coordinate in feature {feature}")]
    BadTrackCoordinate {
        /// The feature's position among the file's features.
        feature: usize,
        /// The underlying error.
        #[source]
        source: crate::coord::Error,
    },
    #[error(
        "the OpenStreetMap data holds no railway=rail, narrow_gauge or light_rail way with two located nodes; export the region's railway ways together with their nodes"
    )]
    /// OpenStreetMap data without any usable railway way.
    NoOsmTrack,
    /// An OpenStreetMap PBF file that cannot be decoded.
    #[error("cannot read the OpenStreetMap PBF data")]
    OsmPbf(#[from] osmpbf::Error),
    /// An OSM XML file that is not well-formed XML.
    #[error("not well-formed OSM XML at line {line}: {reason}")]
    OsmXml {
        /// The 1-based line where reading stopped.
        line: usize,
        /// What the XML reader found wrong.
        reason: String,
    },
    /// An Overpass JSON file that is not valid JSON of that shape.
    #[error("not valid Overpass JSON: {0}")]
    OverpassJson(#[from] serde_json::Error),
    #[error(
        "{format}: {element} has {}; {fix}",
        match .value { Some(v) => format!("a bad {attribute} \"{v}\""), None => format!("no {attribute}") }
    )]
    /// An OpenStreetMap element with a missing or unreadable attribute (an id, a coordinate, a node reference).
    OsmAttribute {
        /// The format read ("OSM XML", "Overpass JSON").
        format: &'static str,
        /// The element, with its id where known.
        element: String,
        /// The attribute that is missing or bad.
        attribute: &'static str,
        /// Its value as given, if there is one.
        value: Option<String>,
        /// What to do about it.
        fix: &'static str,
    },
    /// A rail file that cannot be read from disk.
    #[error("cannot read {path}")]
    Io {
        /// The file's path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path} is not a rail file routecheck reads: expected GeoJSON, Overpass JSON, OSM XML, .osm.pbf or a compiled .rail network"
    )]
    /// A file whose contents are none of the rail formats read here.
    UnknownFormat {
        /// The file's path.
        path: String,
    },
    #[error(
        "the compiled rail network is format version {found}; this routecheck reads version {expected}: compile it again with `routecheck rail import SOURCE -o FILE.rail`"
    )]
    /// A compiled `.rail` network written in another format version than [`FORMAT_VERSION`].
    CompiledVersion {
        /// The file's format version.
        found: u32,
        /// The version this build reads ([`FORMAT_VERSION`]).
        expected: u32,
    },
    #[error(
        "the compiled rail network is damaged (checksum {found:08x}, expected {expected:08x}); compile it again with `routecheck rail import SOURCE -o FILE.rail`"
    )]
    /// A compiled `.rail` network whose checksum does not match its contents.
    CompiledChecksum {
        /// The checksum of the file's contents.
        found: u32,
        /// The checksum the file records.
        expected: u32,
    },
    #[error(
        "the compiled rail network is damaged: {what} at byte {offset}; compile it again with `routecheck rail import SOURCE -o FILE.rail`"
    )]
    /// A compiled `.rail` network whose contents are inconsistent at a byte offset.
    CompiledCorrupt {
        /// What is inconsistent.
        what: &'static str,
        /// Byte offset in the file.
        offset: usize,
    },
    /// A route asked with fewer than two waypoints.
    #[error("a rail route needs at least two waypoints; {given} given")]
    TooFewWaypoints {
        /// How many waypoints were given.
        given: usize,
    },
    /// A waypoint without a position whose name matches no station.
    #[error("no station called \"{query}\" in the rail line tables{}", suggest(.suggestions))]
    UnknownStation {
        /// The name asked.
        query: String,
        /// Station names close to it.
        suggestions: Vec<String>,
    },
    #[error(
        "no railway line data covers \"{waypoint}\"{}; load real track with --rail FILE (GeoJSON) or measure the leg with --mode direct",
        nearest_text(.nearest, .tolerance)
    )]
    /// A waypoint farther from every loaded station or track than the snapping tolerance.
    NoCoverage {
        /// The waypoint's name.
        waypoint: String,
        /// The nearest loaded station or track point and its distance, if any is loaded.
        nearest: Option<(String, Length)>,
        /// The snapping tolerance it is beyond.
        tolerance: Length,
    },
    /// Two waypoints on lines that are not connected.
    #[error("no rail connection from \"{from}\" to \"{to}\" in the loaded lines")]
    Unreachable {
        /// The first waypoint's name.
        from: String,
        /// The second waypoint's name.
        to: String,
    },
    /// Every waypoint lands on the same point of the network.
    #[error("the rail route has zero length: every waypoint is at {at}")]
    ZeroLength {
        /// The name of the point they all land on.
        at: String,
    },
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
