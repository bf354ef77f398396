//! routecheck: check the distances, speeds, times and places in a travel story.
//!
//! The pipeline runs one way: a [`story`] file (or an article) names places and claims; the
//! [`gazetteer`] resolves the places; [`route`] measures the legs on the WGS84 ellipsoid or on
//! the railways' own distances; [`claims`] checks each claim against the route; `render` and
//! `export` draw the map and write GIS files.
//!
//! ```
//! use routecheck::{coord::LatLon, geodesy, units::{Length, Speed}};
//! let pyongyang = LatLon { lat: 39.0339, lon: 125.7543 };
//! let vladivostok = LatLon { lat: 43.1056, lon: 131.8735 };
//! let straight = geodesy::distance(pyongyang, vladivostok);
//! // "about 425 miles (680 kilometers)": the straight line is 684 km.
//! assert!((straight.as_km() - 684.5).abs() < 0.5);
//! // "at least 20 hours ... 1,200 km at 60 km/h"
//! let t = Length::km(1200.0) / Speed::kmh(60.0);
//! assert_eq!(t.as_secs(), 20 * 3600);
//! ```

pub mod aircraft;
pub mod claims;
pub mod coord;
pub mod error;
pub mod export;
pub mod gazetteer;
pub mod geodata;
pub mod geodesy;
pub mod network;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod route;
pub mod rows;
pub mod sources;
pub mod story;
pub mod units;
pub mod xml;

pub use error::{Error, Result};
