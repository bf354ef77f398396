//! The geographic layers that both the checks and the maps need: Natural Earth land, lakes,
//! coastline and land borders, GSHHG/WDBII rivers and country label points, bundled in
//! `data/basemap/` ([`basemap`]).
//!
//! Route building reads the borders here to find where a route crosses them; the map draws
//! the same layers. Neither reaches into the other.

pub mod basemap;

pub use basemap::{GeoRect, Layer, Level};

use crate::coord::LatLon;

/// Why a bundled layer could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("bundled basemap data is damaged: {what}")]
    /// A basemap file is truncated or malformed.
    Basemap {
        /// What is wrong with it ("truncated header").
        what: &'static str,
    },
    #[error("bundled table is damaged: {0}")]
    /// The country label table has a row that cannot be read.
    Table(#[from] crate::rows::Error),
}

/// The international land borders (Natural Earth, fine level) that reach into `rect`, as
/// lines of points with longitudes wrapped into [-180, 180).
pub fn borders(rect: GeoRect) -> Result<Vec<Vec<LatLon>>, Error> {
    let Some(bytes) = basemap::bytes(Layer::Borders, Level::Fine) else {
        return Ok(Vec::new());
    };
    Ok(basemap::read(bytes, rect)?
        .into_iter()
        .map(|p| {
            p.points
                .iter()
                .map(|[lon, lat]| LatLon {
                    lat: *lat,
                    lon: crate::coord::wrap_lon(*lon),
                })
                .collect::<Vec<_>>()
        })
        .filter(|p| p.len() >= 2)
        .collect())
}
