//! routecheck: check the distances, speeds, times and places in a travel story.
//!
//! The pipeline runs one way: a [`story`] file (or an article) names places and claims; the
//! [`gazetteer`] resolves the places; [`route`] measures the legs on the WGS84 ellipsoid or on
//! the railways' own distances; [`claims`] checks each claim against the route; [`report`]
//! writes the verdicts as a table, Markdown or JSON; [`render`] and [`export`] draw the map
//! and write GIS files. [`pipeline::Pipeline`] runs the whole chain for one story.
//!
//! # Checking a story
//!
//! Parse a story (here inline; [`story::Story::load`] reads a file), check it, and read each
//! claim's verdict and its numbers:
//!
//! ```
//! use routecheck::{claims::Verdict, pipeline::Pipeline, story::Story};
//! # fn main() -> routecheck::Result<()> {
//! let story = Story::parse(
//!     r#"
//! [story]
//! title = "Pyongyang to Vladivostok"
//! [[waypoints]]
//! id = "pyongyang"
//! place = "Pyongyang"
//! [[waypoints]]
//! id = "vladivostok"
//! place = "Vladivostok"
//! [[legs]]
//! from = "pyongyang"
//! to = "vladivostok"
//! mode = "air"
//! [[claims]]
//! id = "ap-distance"
//! outlet = "AP"
//! quote = "Vladivostok is about 425 miles north of Pyongyang."
//! kind = "distance"
//! from = "pyongyang"
//! to = "vladivostok"
//! value = "about 425 miles"
//! measure = "straight"
//! "#,
//!     "inline.toml",
//! )?;
//! let outcome = Pipeline::new()?.check(&story)?;
//! let claim = outcome.claims.iter().find(|c| c.id == "ap-distance").unwrap();
//! assert_eq!(claim.verdict, Verdict::Holds);
//! // The numbers behind the verdict, in the claim's own unit.
//! let figures = claim.figures.as_ref().unwrap();
//! assert_eq!(figures.unit, "mi");
//! assert_eq!(figures.claimed.lo, 425.0);
//! // "about" accepts ±10 %; the straight line is 684.5 km, 425.3 miles.
//! assert!(figures.accepted.lo < figures.computed.lo && Some(figures.computed.lo) <= figures.accepted.hi);
//! assert!((figures.computed.lo - 425.3).abs() < 0.5);
//! assert!(!outcome.fails());
//! # Ok(())
//! # }
//! ```
//!
//! # Units and geodesics
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

#![warn(missing_docs)]

pub(crate) mod aircraft;
pub mod claims;
pub mod coord;
pub mod error;
pub mod export;
pub mod gazetteer;
pub mod geodata;
pub mod geodesy;
pub mod network;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod route;
pub mod rows;
pub mod sources;
pub mod story;
pub mod units;
pub(crate) mod xml;

pub use error::{Error, Result};
