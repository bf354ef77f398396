//! What a name is read against: the other places of a story or an article, the countries and
//! the first-level division it is about.
//!
//! A context never filters: it raises the score of candidates that fit it, so "Alexandria"
//! beside Washington is the Virginia town and "Alexandria" alone is still the Egyptian city.
//! Qualifiers that must hold (a country or region in the query itself) stay on [`Query`].
//!
//! [`Query`]: crate::gazetteer::Query

use crate::coord::LatLon;
use crate::geodesy;

/// Score a candidate gains per tenfold fall in its distance to the nearest context point,
/// from nothing at [`NEAR_NONE_KM`] to the most at [`NEAR_FULL_KM`] (2.6 decades: 6.5
/// points, about three million times the population). So Paris, Texas, 160 km from a story's
/// Dallas, beats Paris, France, 7,900 km away (4.2 points more against 3.9 of importance),
/// while a village of 500 people 25 km from a story's places still loses to Moscow 6,400 km
/// away.
pub const NEAR_PER_DECADE: f64 = 2.5;
/// Distance at or under which the whole nearness bonus is given, in kilometres.
pub const NEAR_FULL_KM: f64 = 25.0;
/// Distance from which no nearness bonus is given, in kilometres.
pub const NEAR_NONE_KM: f64 = 10_000.0;
/// Score a candidate gains for lying in one of the context's countries: as much as a
/// primary name over an alias, a thousandfold population. A story about Argentina that says
/// "San Juan" means San Juan, Argentina (109,000 people), not the capital of Puerto Rico
/// (418,000, and a capital's bonus); two points, a hundredfold, were too few for that.
pub const COUNTRY_BONUS: f64 = 3.0;
/// Score a candidate gains for lying in the context's first-level division.
pub const REGION_BONUS: f64 = 2.0;

/// The places, countries and region a name is read against (see the module docs).
///
/// ```
/// use routecheck::coord::LatLon;
/// use routecheck::gazetteer::{Context, Gazetteer};
/// let gaz = Gazetteer::load_default().unwrap();
/// // Beside Washington, D.C., "Alexandria" is the town in Virginia, not the Egyptian city.
/// let ctx = Context::default().near(LatLon { lat: 38.895, lon: -77.036 });
/// let r = gaz.resolve_in(&"Alexandria".parse().unwrap(), &ctx).unwrap();
/// assert_eq!(r.place.country.as_deref(), Some("US"));
/// let r = gaz.resolve(&"Alexandria".parse().unwrap()).unwrap();
/// assert_eq!(r.place.country.as_deref(), Some("EG"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Context {
    /// Positions already resolved: the story's other waypoints, the article's other places.
    pub points: Vec<LatLon>,
    /// ISO 3166-1 alpha-2 codes of the countries the story is about.
    pub countries: Vec<String>,
    /// A first-level division the story is about, in any spelling [`Query::region`] accepts.
    ///
    /// [`Query::region`]: crate::gazetteer::Query::region
    pub region: Option<String>,
}

impl Context {
    /// Adds a position the name is read beside.
    pub fn near(mut self, at: LatLon) -> Context {
        self.points.push(at);
        self
    }

    /// Adds a country, given as a code ("RU") or an English name ("Russia").
    pub fn in_country(mut self, country: &str) -> Result<Context, super::Error> {
        let code =
            super::super::country_code(country).ok_or_else(|| super::Error::UnknownCountry {
                text: country.chars().take(60).collect(),
            })?;
        if !self.countries.iter().any(|c| c == code) {
            self.countries.push(code.to_string());
        }
        Ok(self)
    }

    /// Sets the first-level division.
    pub fn in_region(mut self, region: &str) -> Context {
        self.region = Some(region.trim().to_string());
        self
    }

    /// Whether the context says nothing.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty() && self.countries.is_empty() && self.region.is_none()
    }

    /// The nearness bonus for a candidate at `at`, and the distance to the nearest context
    /// point in kilometres (`None` without points).
    pub(crate) fn nearness(&self, at: LatLon) -> (f64, Option<f64>) {
        let nearest_km = geodesy::nearest(at, &self.points, |p| *p).map(|(_, d)| d.as_km());
        let bonus = nearest_km.map_or(0.0, near_bonus);
        (bonus, nearest_km)
    }

    pub(crate) fn has_country(&self, country: &str) -> bool {
        country
            .split('-')
            .any(|c| self.countries.iter().any(|x| x == c))
    }
}

/// [`NEAR_PER_DECADE`] for every tenfold step closer than [`NEAR_NONE_KM`], counted no
/// closer than [`NEAR_FULL_KM`].
fn near_bonus(km: f64) -> f64 {
    let km = km.clamp(NEAR_FULL_KM, NEAR_NONE_KM);
    NEAR_PER_DECADE * (NEAR_NONE_KM / km).log10()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearness_falls_with_the_log_of_distance() {
        let most = NEAR_PER_DECADE * 400f64.log10();
        assert_eq!(near_bonus(0.0), most);
        assert_eq!(near_bonus(25.0), most);
        assert!((near_bonus(1000.0) - NEAR_PER_DECADE).abs() < 1e-9);
        assert!((near_bonus(100.0) - 2.0 * NEAR_PER_DECADE).abs() < 1e-9);
        assert_eq!(near_bonus(10_000.0), 0.0);
        assert_eq!(near_bonus(20_000.0), 0.0);
        let ctx = Context::default();
        assert_eq!(ctx.nearness(LatLon { lat: 0.0, lon: 0.0 }), (0.0, None));
    }

    #[test]
    fn countries_are_checked_and_kept_once() {
        let c = Context::default()
            .in_country("Russia")
            .unwrap()
            .in_country("RU")
            .unwrap();
        assert_eq!(c.countries, ["RU"]);
        assert!(c.has_country("CN-RU"));
        assert!(!c.has_country("KP"));
        assert!(Context::default().in_country("Atlantis").is_err());
        assert!(Context::default().is_empty());
        assert!(!c.is_empty());
    }
}
