//! The time zone at a position, from time-zone boundary polygons: for the points the world
//! table does not name (coordinates in a story, bridges and crossings on a border).
//!
//! Boundaries from timezone-boundary-builder (ODbL-1.0), simplified and bundled by the
//! `tzf-dist` crate and read in place by `tzf-rs`. Opening them costs a few milliseconds, so
//! it happens on the first question, not at start-up. At sea the answer is a nautical zone
//! such as "Etc/GMT-10".

use std::sync::OnceLock;

use tzf_rs::EmbeddedFinder;

use crate::coord::LatLon;

static FINDER: OnceLock<EmbeddedFinder> = OnceLock::new();

/// The IANA time zone at `p`; `None` for a position out of range.
///
/// ```
/// use routecheck::coord::LatLon;
/// use routecheck::gazetteer::zone_at;
/// // Khasan station (Russia) and Tumangang station (North Korea), 3 km apart.
/// assert_eq!(zone_at(LatLon { lat: 42.430056, lon: 130.644917 }), Some("Asia/Vladivostok"));
/// assert_eq!(zone_at(LatLon { lat: 42.4214, lon: 130.6081 }), Some("Asia/Pyongyang"));
/// ```
pub fn zone_at(p: LatLon) -> Option<&'static str> {
    if !(p.lat.is_finite() && p.lon.is_finite()) || p.lat.abs() > 90.0 || p.lon.abs() > 180.0 {
        return None;
    }
    let finder = FINDER.get_or_init(EmbeddedFinder::new);
    Some(finder.get_tz_name(p.lon, p.lat)).filter(|z| !z.is_empty())
}

/// The version of the boundary data ("2026f"), for attribution.
pub fn zone_data_version() -> &'static str {
    FINDER.get_or_init(EmbeddedFinder::new).data_version()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> Option<&'static str> {
        zone_at(LatLon { lat, lon })
    }

    #[test]
    fn zones_follow_borders_not_distance() {
        assert_eq!(at(39.004722, 125.736389), Some("Asia/Pyongyang"));
        assert_eq!(at(43.1155, 131.8855), Some("Asia/Vladivostok"));
        assert_eq!(at(48.8566, 2.3522), Some("Europe/Paris"));
        // Przemyśl and Lviv, 80 km apart on either side of the Polish–Ukrainian border.
        assert_eq!(at(49.7838, 22.7678), Some("Europe/Warsaw"));
        assert_eq!(at(49.8397, 24.0297), Some("Europe/Kyiv"));
    }

    #[test]
    fn the_open_sea_has_a_nautical_zone_and_nonsense_has_none() {
        assert_eq!(at(40.0, -30.0), Some("Etc/GMT+2"));
        assert_eq!(at(91.0, 0.0), None);
        assert_eq!(at(0.0, 181.0), None);
        assert_eq!(at(f64::NAN, 0.0), None);
    }

    #[test]
    fn every_zone_is_one_the_time_library_knows() {
        for p in [(42.43, 130.64), (40.0, -30.0), (-33.9, 18.4), (64.1, -21.9)] {
            let z = at(p.0, p.1).unwrap();
            assert!(jiff::tz::TimeZone::get(z).is_ok(), "{z}");
        }
        assert!(!zone_data_version().is_empty());
    }
}
