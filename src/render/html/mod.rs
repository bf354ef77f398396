//! The interactive map: one self-contained HTML file (Leaflet inlined, the basemap as vector
//! layers, the route, places, crossings and claims as data), which works from `file://` and
//! on any static host and requests nothing (its Content-Security-Policy forbids it).
//!
//! It is a view of the same [`MapScene`] the SVG draws, plus the cards [`html_map`] reads from
//! the checked story: the extent, the basemap's detail, the country names and the legend's
//! entries come from the SVG's own code; no figure is computed twice. The claims, the places
//! and the route are also written as plain HTML beside the map (the text alternative), so the
//! page says everything without its script.
//!
//! The same input gives byte-identical output.

mod basemap;
mod of;
mod page;
pub(crate) mod vendor;

pub use of::html_map;

use super::Error;
use super::MapOptions;
use super::MapScene;
use crate::coord::LatLon;

/// What the HTML map shows: the scene, one card per scene waypoint, and the claims.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlMap {
    /// The map's scene, as the SVG draws it.
    pub scene: MapScene,
    /// One card per `scene.waypoints` entry, in the same order: its popup.
    pub places: Vec<PlaceCard>,
    /// The story's claims, in the story's order.
    pub claims: Vec<ClaimCard>,
}

/// A waypoint's popup: labelled rows ("Coordinates", "Source", "Time", …).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCard {
    /// (label, text) rows, in display order.
    pub rows: Vec<(String, String)>,
}

/// A claim as the map lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimCard {
    /// The claim's id in the story.
    pub id: String,
    /// The outlet that made it.
    pub outlet: String,
    /// The quoted sentence.
    pub quote: String,
    /// The verdict in words ("holds", "loosely holds (north-east)").
    pub verdict: String,
    /// The verdict's machine word ("holds", "off"), which sets its colour.
    pub verdict_class: String,
    /// The figure as claimed.
    pub claimed: String,
    /// The figure as computed.
    pub computed: String,
    /// The arithmetic, one line.
    pub arithmetic: String,
    /// The places the claim names (shown when the claim is chosen), with their positions.
    pub applies: Vec<(String, LatLon)>,
    /// Those places in words ("Pyongyang → Vladivostok").
    pub how: String,
}

/// Writes the HTML map. `opt` sets the extent (as for the SVG: the route with its margin, or
/// `opt.extent`) and the colours; its size is the SVG's, from which the basemap's detail follows.
pub fn html(map: &HtmlMap, opt: &MapOptions) -> Result<String, Error> {
    // A story's text may hold what neither HTML nor XML allows (C0 controls, U+FFFE, U+FFFF;
    // issue 19, item 7): the page drops them, as the SVG does.
    Ok(crate::xml::drop_disallowed(&page::write(map, opt)?).into_owned())
}
