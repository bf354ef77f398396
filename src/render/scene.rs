//! What a map shows, in plain structs: the renderer's whole input besides [`MapOptions`].
//!
//! A scene knows places and lines, not claims: the caller (the route and story code) fills it in.
//! Every position is a [`LatLon`]; every distance a [`Length`].

use crate::coord::LatLon;
use crate::units::Length;

/// Everything drawn on one map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapScene {
    /// Headline, e.g. "Kim Jong Un's train to Vladivostok, September 2023".
    pub title: String,
    /// One line under the title (dates, total length, …). May be empty.
    pub subtitle: String,
    /// The route, leg by leg, in travel order.
    pub legs: Vec<SceneLeg>,
    /// Named stops along the route (start, end, stations, cities).
    pub waypoints: Vec<ScenePoint>,
    /// Where the route crosses a river or a border, with the distance from the start.
    pub crossings: Vec<SceneCrossing>,
    /// The story's rivers, borders or railways, drawn emphasised and named along the line.
    pub named_lines: Vec<NamedLine>,
    /// Names of seas, bays or regions to set in open space near a point (e.g. "Sea of Japan").
    pub area_labels: Vec<AreaLabel>,
    /// Data sources to credit besides the basemap's own (e.g. "Places: GeoNames (CC BY 4.0)").
    pub attribution: Vec<String>,
    /// Large cities around the route that the story does not name, largest first: the map
    /// shows the few of them in its frame that find room, each as a small dot and its name,
    /// after every other label (so they are the first dropped).
    pub context_cities: Vec<ContextCity>,
}

/// A city shown for orientation only.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextCity {
    /// Its name.
    pub name: String,
    /// Its point.
    pub at: LatLon,
    /// Its population, which ranks it.
    pub population: u64,
}

/// How a leg was travelled; sets its line style: rail solid, air dashed (draw the points of
/// a geodesic arc, see `geodesy::densify`), road solid in the road colour, direct dotted.
pub use crate::story::Mode as LegMode;

/// One leg of the route.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneLeg {
    /// How the leg was travelled, which sets its line style.
    pub mode: LegMode,
    /// The drawn geometry, in travel order (at least two points to be drawn).
    pub points: Vec<LatLon>,
    /// True when the geometry only joins stations in order rather than following the track;
    /// the legend says so.
    pub schematic: bool,
    /// True when no line data covers the leg: the straight line drawn is not the track or
    /// road (drawn thin and dotted; the legend says so).
    pub track_unknown: bool,
    /// True when the geometry is a recorded track (a GPS track file): the legend calls it
    /// "Track", whatever the mode.
    pub recorded: bool,
    /// Optional short label (unused on the map for now; kept for legends and exports).
    pub label: String,
}

/// What a waypoint is, which sets its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WaypointKind {
    /// The start of the route: large marker.
    Origin,
    /// The end of the route: large marker.
    Destination,
    /// A stop on the way: medium marker.
    Stop,
    /// A place passed through: small marker.
    Via,
    /// A place the story names that is not on the route (a city a claim compares against):
    /// a small grey square, not a stop's circle.
    Place,
}

/// A named point on the route.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenePoint {
    /// The label printed beside the marker.
    pub name: String,
    /// What the point is, which sets its marker.
    pub kind: WaypointKind,
    /// Its position in degrees.
    pub at: LatLon,
    /// Distance along the route from the start, printed under the name when given.
    pub km_from_start: Option<Length>,
    /// True when `km_from_start` is a lower bound (a leg before it has no line data).
    pub km_at_least: bool,
}

/// What the route crosses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CrossingKind {
    /// A river, crossed by a bridge or a ferry.
    River,
    /// An international border.
    Border,
}

/// A point where the route crosses a river or a border.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneCrossing {
    /// The river's or border's name, printed beside the marker.
    pub name: String,
    /// What is crossed, which sets the marker.
    pub kind: CrossingKind,
    /// Where the route crosses, in degrees.
    pub at: LatLon,
    /// Distance along the route from the start ("km 812" on the map).
    pub km: Length,
}

/// What a named line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LineKind {
    /// A river, drawn in the water colour.
    River,
    /// A border, drawn dashed.
    Border,
    /// A railway, drawn as a track line.
    Rail,
}

/// A line the story talks about, drawn over the basemap and labelled along its course.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedLine {
    /// The name set along the line.
    pub name: String,
    /// What the line is, which sets its style.
    pub kind: LineKind,
    /// One or more polylines (a river may come in pieces).
    pub lines: Vec<Vec<LatLon>>,
}

/// What an area label names; sets its type style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AreaKind {
    /// Italic, in the water colour.
    Sea,
    /// Upright, spaced capitals in grey.
    Region,
}

/// A name set near a point in open space (seas, bays, regions).
#[derive(Debug, Clone, PartialEq)]
pub struct AreaLabel {
    /// The name to set ("Sea of Japan").
    pub name: String,
    /// What the name names, which sets its type style.
    pub kind: AreaKind,
    /// The point to set it near, in degrees.
    pub at: LatLon,
}

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    /// Dark ink on a light background (the default).
    Light,
    /// Light ink on a dark background.
    Dark,
}

/// How big the map is and what it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// Output width in pixels (SVG user units; the PNG has this many pixels).
    pub width_px: u32,
    /// Output height in pixels.
    pub height_px: u32,
    /// Two opposite corners (south-west, north-east) of the area to show; `None` fits the route.
    /// A south-west longitude greater than the north-east one means the area crosses 180°.
    pub extent: Option<(LatLon, LatLon)>,
    /// Space around the route when the extent is automatic, as a fraction of the route's span
    /// (0.15 = 15 % on each side).
    pub margin: f64,
    /// The colour theme.
    pub theme: Theme,
}

impl Default for MapOptions {
    /// 1600 × 1000 pixels, automatic extent with a 15 % margin, light theme.
    fn default() -> Self {
        MapOptions {
            width_px: 1600,
            height_px: 1000,
            extent: None,
            margin: 0.15,
            theme: Theme::Light,
        }
    }
}
