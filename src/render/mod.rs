//! The route map: SVG drawn directly and PNG rasterised from that same SVG with `resvg`, using
//! only the bundled DejaVu Sans; and the same map as one interactive HTML file ([`html()`]).
//!
//! Why not plotters' SVG backend (which STYLE.md suggests): it rounds every coordinate to whole
//! pixels (`BackendCoord = (i32, i32)`), has no dashes, text halos, multi-ring even-odd paths or
//! clip paths, and leaves text layout to the viewer. A map needs all of those, and the SVG
//! writer they take is `render/svg.rs`, about a hundred lines. Projection to metres (the
//! reason plotters cannot be used as-is for maps) is `render/projection.rs`.
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
//!         recorded: false,
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
pub(crate) mod fonts;
mod from_route;
mod furniture;
mod grid_index;
pub mod html;
mod inset;
pub(crate) mod labels;
pub(crate) mod layers;
mod layout;
mod legend;
mod map;
mod names;
pub mod png;
pub(crate) mod projection;
mod raster_text;
pub(crate) mod scene;
mod seas;
mod shared;
mod simplify;
pub(crate) mod style;
pub(crate) mod svg;
pub mod track;
pub(crate) mod view;

pub use annotate::LabelRole;
pub use chart::{
    ChartClock, ChartDay, ChartEvent, ChartMark, ChartScene, SpeedBand, SpeedKind, SpeedLine,
    chart_png, chart_svg,
};
pub use chart_of::chart_scene;
pub use from_route::{context_box, context_cities, scene};
pub use html::{HtmlMap, html, html_map};
pub use scene::{
    AreaKind, AreaLabel, ContextCity, CrossingKind, LegMode, LineKind, MapOptions, MapScene,
    NamedLine, SceneCrossing, SceneLeg, ScenePoint, Theme, WaypointKind,
};

/// Why a map could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "nothing to draw: the scene has no legs, waypoints or crossings and no extent was given"
    )]
    /// The scene has nothing to draw and no extent to show.
    EmptyScene,
    #[error(
        "{item} has an invalid position ({lat}, {lon}): latitude must be in [-90, 90] and longitude in [-180, 180]"
    )]
    /// A position in the scene is outside the valid ranges.
    Position {
        /// What the position belongs to ("waypoint \"Khasan\"").
        item: String,
        /// The latitude given, in degrees.
        lat: f64,
        /// The longitude given, in degrees.
        lon: f64,
    },
    #[error("invalid map option: {reason}")]
    /// A [`MapOptions`] value is unusable (a margin outside 0–5, an extent whose south edge is
    /// not below its north edge).
    Option {
        /// What is wrong with it.
        reason: String,
    },
    #[error("map size {width_px}×{height_px} px is out of range (200–20000 wide, 150–20000 high)")]
    /// The requested size is too small or too large.
    Size {
        /// The width asked for, in pixels.
        width_px: u32,
        /// The height asked for, in pixels.
        height_px: u32,
    },
    #[error(transparent)]
    /// The bundled basemap could not be read.
    Geodata(#[from] crate::geodata::Error),
    #[error("could not rasterise the SVG")]
    /// The SVG could not be parsed for rasterising.
    Rasterise(#[from] resvg::usvg::Error),
    #[error("could not write the interactive map's data: {0}")]
    /// The HTML map's data could not be written as JSON.
    Json(#[from] serde_json::Error),
    #[error("could not encode the PNG: {reason}")]
    /// The raster could not be encoded as PNG.
    Png {
        /// The encoder's explanation.
        reason: String,
    },
    #[error("chart: {item}: {reason}")]
    /// A chart input is unusable (a negative time, a reversed speed band).
    ChartValue {
        /// Which input ("speed band \"40–60 km/h\"").
        item: String,
        /// What is wrong with it.
        reason: String,
    },
    #[error("plotters could not draw the chart: {reason}")]
    /// plotters failed while drawing the chart.
    Plot {
        /// plotters' explanation.
        reason: String,
    },
    #[error("track: {0}")]
    /// A track file could not be read.
    Track(#[from] track::Error),
}

/// Draws the map as an SVG document (UTF-8 text).
pub fn svg(scene: &MapScene, opt: &MapOptions) -> Result<String, Error> {
    map::draw(scene, opt)
}

/// A label as laid out on the static map (the SVG and the PNG drawn from it): its text (lines
/// joined by a space), what it names, and its box in pixels (for a label along a line, the
/// upright box around it).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelBox {
    /// The label's text, its lines joined by a space ("Khasan km 857").
    pub text: String,
    /// What it names, which set its priority.
    pub role: LabelRole,
    /// The box's left edge, in pixels from the map's left.
    pub x_px: f64,
    /// The box's top edge, in pixels from the map's top.
    pub y_px: f64,
    /// The box's width in pixels.
    pub w_px: f64,
    /// The box's height in pixels.
    pub h_px: f64,
}

/// The static map's labels as [`svg()`] lays them out, with the route as drawn (one pixel
/// polyline per leg), so that a caller can check what the labels avoid.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelLayout {
    /// Every label drawn, in the order placed (most important first).
    pub labels: Vec<LabelBox>,
    /// The legs as drawn, `[x, y]` in pixels.
    pub route_px: Vec<Vec<[f64; 2]>>,
}

/// Lays out the map's labels exactly as [`svg()`] does, without writing the map.
pub fn label_layout(scene: &MapScene, opt: &MapOptions) -> Result<LabelLayout, Error> {
    let plan = map::plan(scene, opt)?;
    Ok(LabelLayout {
        labels: plan
            .labels
            .iter()
            .map(|l| LabelBox {
                text: l.text(),
                role: l.role,
                x_px: l.placement.rect.x,
                y_px: l.placement.rect.y,
                w_px: l.placement.rect.w,
                h_px: l.placement.rect.h,
            })
            .collect(),
        route_px: plan
            .legs_px
            .iter()
            .map(|leg| leg.iter().map(|p| [p.x, p.y]).collect())
            .collect(),
    })
}

/// Draws the map and rasterises it to PNG bytes, `width_px` × `height_px` pixels.
pub fn png(scene: &MapScene, opt: &MapOptions) -> Result<Vec<u8>, Error> {
    let svg = svg(scene, opt)?;
    png::rasterise(&svg)
}
