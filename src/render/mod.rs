//! The route map: SVG drawn directly and PNG rasterised from that same SVG with `resvg`, using
//! only the bundled DejaVu Sans.
//!
//! Why not plotters' SVG backend (which STYLE.md suggests): it rounds every coordinate to whole
//! pixels (`BackendCoord = (i32, i32)`), has no dashes, text halos, multi-ring even-odd paths or
//! clip paths, and leaves text layout to the viewer. A map needs all of those, and the SVG
//! writer they take is [`svg`](self::svg), about a hundred lines. Projection to metres (the
//! reason plotters cannot be used as-is for maps) is [`projection`].
//!
//! To write both SVG and PNG, draw once with [`svg()`] and pass the text to
//! [`png::rasterise`] rather than calling [`png()`] as well.
//!
//! Build a [`MapScene`] (what to show) and [`MapOptions`] (size, extent, theme), then call
//! [`svg()`] or [`png()`]. The same input always gives byte-identical SVG.
//!
//! ```
//! use routecheck::coord::LatLon;
//! use routecheck::render::{self, LegMode, MapOptions, MapScene, SceneLeg};
//! let scene = MapScene {
//!     title: "Warsaw to Kyiv".into(),
//!     legs: vec![SceneLeg {
//!         mode: LegMode::Direct,
//!         points: vec![LatLon { lat: 52.2298, lon: 21.0118 }, LatLon { lat: 50.4547, lon: 30.5238 }],
//!         schematic: false,
//!         track_unknown: false,
//!         label: String::new(),
//!     }],
//!     ..Default::default()
//! };
//! let svg = render::svg(&scene, &MapOptions::default()).unwrap();
//! assert!(svg.starts_with("<svg") && svg.contains("Warsaw to Kyiv"));
//! ```

mod annotate;
pub mod chart;
mod chart_of;
pub mod fonts;
mod from_route;
mod furniture;
mod inset;
pub mod labels;
pub mod layers;
mod layout;
mod legend;
mod map;
mod names;
pub mod png;
pub mod projection;
pub mod scene;
pub mod style;
pub mod svg;
pub mod track;
pub mod view;

pub use chart::{ChartEvent, ChartMark, ChartScene, SpeedBand, SpeedLine, chart_png, chart_svg};
pub use chart_of::chart_scene;
pub use from_route::scene;
pub use scene::{
    AreaKind, AreaLabel, CrossingKind, LegMode, LineKind, MapOptions, MapScene, NamedLine,
    SceneCrossing, SceneLeg, ScenePoint, Theme, WaypointKind,
};

/// Why a map could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "nothing to draw: the scene has no legs, waypoints or crossings and no extent was given"
    )]
    EmptyScene,
    #[error(
        "{item} has an invalid position ({lat}, {lon}): latitude must be in [-90, 90] and longitude in [-180, 180]"
    )]
    Position { item: String, lat: f64, lon: f64 },
    #[error("invalid map option: {reason}")]
    Option { reason: String },
    #[error("map size {width_px}×{height_px} px is out of range (200–20000 wide, 150–20000 high)")]
    Size { width_px: u32, height_px: u32 },
    #[error(transparent)]
    Geodata(#[from] crate::geodata::Error),
    #[error("could not rasterise the SVG")]
    Rasterise(#[from] resvg::usvg::Error),
    #[error("could not encode the PNG: {reason}")]
    Png { reason: String },
    #[error("chart: {item}: {reason}")]
    ChartValue { item: String, reason: String },
    #[error("plotters could not draw the chart: {reason}")]
    Plot { reason: String },
    #[error("track: {0}")]
    Track(#[from] track::Error),
}

/// Draws the map as an SVG document (UTF-8 text).
pub fn svg(scene: &MapScene, opt: &MapOptions) -> Result<String, Error> {
    map::draw(scene, opt)
}

/// Draws the map and rasterises it to PNG bytes, `width_px` × `height_px` pixels.
pub fn png(scene: &MapScene, opt: &MapOptions) -> Result<Vec<u8>, Error> {
    let svg = svg(scene, opt)?;
    png::rasterise(&svg)
}
