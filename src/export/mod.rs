//! GIS exports of a route: GeoJSON (RFC 7946), GPX 1.1 and KML 2.2. No drawing here.
//!
//! Build an [`ExportRoute`] (legs with their lengths and km ranges, waypoints, crossings) and
//! call [`geojson()`], [`gpx()`] or [`kml()`]. Output is deterministic: coordinates rounded to 6
//! decimals (about 0.1 m), properties in a fixed order.
//!
//! ```
//! use routecheck::coord::LatLon;
//! use routecheck::export::{self, ExportLeg, ExportRoute, LegMode};
//! use routecheck::{geodesy, units::Length};
//! let pyongyang = LatLon { lat: 39.03385, lon: 125.75432 };
//! let khasan = LatLon { lat: 42.42387, lon: 130.65156 };
//! let length = geodesy::distance(pyongyang, khasan);
//! let route = ExportRoute {
//!     name: "Pyongyang to Khasan".into(),
//!     legs: vec![ExportLeg {
//!         mode: LegMode::Direct,
//!         points: vec![pyongyang, khasan],
//!         length,
//!         km_from: Length::ZERO,
//!         km_to: length,
//!         schematic: false,
//!         track_unknown: false,
//!         time_range: None,
//!     }],
//!     ..Default::default()
//! };
//! let json = export::geojson(&route);
//! assert!(json.contains("\"mode\": \"direct\""));
//! assert!(export::gpx(&route).contains("<trkpt lat=\"39.03385\" lon=\"125.75432\"/>"));
//! assert!(export::kml(&route).contains("125.75432,39.03385 130.65156,42.42387"));
//! ```
//!
//! GPX and KML are written by hand (with XML escaping) rather than with the `gpx`/`kml` crates:
//! both crates pull in a second XML stack and a date library for what is a few dozen lines of
//! fixed output, and neither lets us fix the number format, which golden tests rely on. Their
//! validity is checked in tests by parsing them back.

mod from_route;
pub(crate) mod geojson;
pub(crate) mod gpx;
pub(crate) mod kml;

pub use self::from_route::export_route;
pub use self::geojson::{geojson, split_antimeridian};
pub use self::gpx::gpx;
pub use self::kml::kml;

use crate::coord::LatLon;
use crate::units::Length;

/// How a leg travels: the story's [`Mode`](crate::story::Mode) ("rail", "air", "road",
/// "direct").
pub use crate::story::Mode as LegMode;

/// When something happens (RFC 3339 text, e.g. "2023-09-10T15:00+09:00"): the story's own
/// window, or an estimate from a window and the legs' speeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeRange {
    /// The earliest time, RFC 3339 with the local offset.
    pub start: String,
    /// The latest time, RFC 3339 with the local offset.
    pub end: String,
    /// True when projected from speeds rather than stated by the story.
    pub estimated: bool,
}

/// A route as GIS files describe it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportRoute {
    /// The story's title.
    pub name: String,
    /// The legs, in travel order.
    pub legs: Vec<ExportLeg>,
    /// The named stops, in travel order.
    pub waypoints: Vec<ExportWaypoint>,
    /// Where the route crosses rivers and borders, in km order.
    pub crossings: Vec<ExportCrossing>,
}

/// One leg: its geometry and where it sits along the route.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportLeg {
    /// How the leg travels.
    pub mode: LegMode,
    /// The geometry in travel order.
    pub points: Vec<LatLon>,
    /// The leg's length (the railway's own, or the geometry's, as the route decided).
    pub length: Length,
    /// Distance from the route's start to the leg's start.
    pub km_from: Length,
    /// Distance from the route's start to the leg's end.
    pub km_to: Length,
    /// True when the geometry only joins stations in order.
    pub schematic: bool,
    /// True when no line data covers the leg: the geometry is a straight line, not the path,
    /// and the length a lower bound.
    pub track_unknown: bool,
    /// When the leg is travelled (departure to arrival), if known.
    pub time_range: Option<TimeRange>,
}

/// A named stop.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportWaypoint {
    /// The stop's display name.
    pub name: String,
    /// "origin", "stop", "station", … (free text, written as given).
    pub kind: String,
    /// Its position in degrees.
    pub at: LatLon,
    /// Distance along the route from its start.
    pub km_from_start: Length,
    /// True when `km_from_start` is a lower bound: a leg before the stop has no line data
    /// and is measured as the straight line.
    pub km_at_least: bool,
    /// When the route is at the stop, if known.
    pub time_range: Option<TimeRange>,
}

/// A river or border crossing.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportCrossing {
    /// The crossed river's or border's name.
    pub name: String,
    /// "river" or "border".
    pub kind: String,
    /// Where the route crosses it, in degrees.
    pub at: LatLon,
    /// Distance along the route from its start.
    pub km_from_start: Length,
}

/// Rounds to `places` decimals (for stable numbers in output).
pub(crate) fn round(v: f64, places: i32) -> f64 {
    let k = 10f64.powi(places);
    let r = (v * k).round() / k;
    if r == 0.0 { 0.0 } else { r }
}

/// XML text/attribute escaping.
pub(crate) fn xml_esc(s: &str) -> String {
    crate::xml::escape(s)
}

/// "812.3": a length in km with one decimal, for descriptions.
pub(crate) fn km1(l: Length) -> String {
    format!("{:.1}", round(l.as_km(), 1))
}
