//! Which airport a flight uses at a place: one named by its code, or the one serving the
//! place (the nearest airport whose city is the place, else the nearest airport).
//!
//! A city's point is its centre; its airport may lie tens of kilometres out (Vladivostok's is
//! 39 km north, at Artyom). Measuring a flight between airports rather than city points is
//! the story's choice (the waypoint key `airport`), and the pick says how it was made.

use super::airports::is_code;
use super::error::Error;
use super::normalize::normalize;
use super::place::{Place, PlaceKind};
use super::{Ent, Gazetteer};
use crate::coord::LatLon;
use crate::geodesy;
use crate::units::Length;

/// How many nearest airports are searched for one whose city is the place (London has
/// eleven within 60 km).
const SERVING_CANDIDATES: usize = 25;
/// The farthest an airport "serving" a place may be: an airport whose city field names the
/// place beyond this is another place of that name.
const SERVING_MAX_KM: f64 = 150.0;

/// How an airport was picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AirportBy {
    /// The story named it by its code.
    Code,
    /// The nearest airport whose city is the place.
    ServesPlace,
    /// No airport near gives the place as its city: the nearest airport.
    Nearest,
}

/// An airport picked for a place, with its distance from the place's point.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AirportPick {
    /// The airport (kind [`PlaceKind::Airport`], id `airport:IATA`).
    pub airport: Place,
    /// Geodesic distance from the place's point to the airport.
    pub distance: Length,
    /// How it was picked.
    pub by: AirportBy,
}

impl AirportPick {
    /// The airport's IATA code (its id is `airport:IATA`).
    pub fn iata(&self) -> &str {
        self.airport.id.strip_prefix("airport:").unwrap_or("")
    }
}

/// The city an airport serves, as a lookup key.
fn city_key(airport: &Place) -> Option<String> {
    super::airports::city_of(airport).map(normalize)
}

impl Gazetteer {
    /// The airport with this IATA ("VVO") or ICAO ("UHWW") code, measured from `from`.
    /// Errors: [`Error::UnknownAirport`] if no bundled airport has the code.
    pub fn airport_by_code(&self, code: &str, from: LatLon) -> Result<AirportPick, Error> {
        let code = code.trim().to_ascii_uppercase();
        let unknown = || Error::UnknownAirport { code: code.clone() };
        if !is_code(&code) {
            return Err(unknown());
        }
        let airports = self.airports()?;
        let i = airports.by_code(&code).ok_or_else(unknown)?;
        let airport = airports.place(i).ok_or_else(unknown)??.clone();
        Ok(AirportPick {
            distance: geodesy::distance(from, airport.anchor()),
            airport,
            by: AirportBy::Code,
        })
    }

    /// The airport serving `place` (at `at`, its point): the nearest airport within
    /// 150 km whose city is one of the place's names, or whose short name is the place's name (any name the gazetteer knows it by), else the nearest airport at all.
    /// Errors: [`Error::NoAirport`] if the gazetteer holds no airport (one of given places).
    pub fn airport_serving(&self, place: Option<&Place>, at: LatLon) -> Result<AirportPick, Error> {
        let near = self.near(at, SERVING_CANDIDATES, Some(&[PlaceKind::Airport]));
        let airport = |id: &str| self.airport_place(id);
        let serving = near.iter().find_map(|n| {
            let a = airport(&n.id)?;
            let city = city_key(a)?;
            let serves =
                place.is_some_and(|p| self.is_named(p, &city) || self.is_short_name_of(p, a));
            (n.distance.as_km() <= SERVING_MAX_KM && serves).then_some((a, n))
        });
        let (a, n, by) = match serving {
            Some((a, n)) => (a, n, AirportBy::ServesPlace),
            None => {
                let n = near.first().ok_or(Error::NoAirport)?;
                (
                    airport(&n.id).ok_or(Error::NoAirport)?,
                    n,
                    AirportBy::Nearest,
                )
            }
        };
        Ok(AirportPick {
            airport: a.clone(),
            distance: n.distance,
            by,
        })
    }

    /// Whether an entry is an airport serving a city of at least
    /// [`HUB_SERVES_POPULATION`](super::lookup::HUB_SERVES_POPULATION) people: a place of its
    /// city's name within 150 km has that many.
    pub(crate) fn is_hub(&self, e: Ent) -> bool {
        let Some(a) = self.extra_place(e).filter(|p| p.kind == PlaceKind::Airport) else {
            return false;
        };
        let Some(city) = city_key(a).filter(|k| !k.is_empty()) else {
            return false;
        };
        let hits = self.exact_hits(&city, &city).unwrap_or_default();
        hits.into_iter().any(|(c, _)| {
            self.summary(c).is_some_and(|s| {
                s.kind != PlaceKind::Airport
                    && s.population
                        .is_some_and(|n| n >= super::lookup::HUB_SERVES_POPULATION)
                    && geodesy::distance(s.at, a.anchor()).as_km() <= SERVING_MAX_KM
            })
        })
    }

    /// Whether `place`'s name is a short name of `airport` (Narita for Narita International
    /// Airport, whose city is Tokyo).
    fn is_short_name_of(&self, place: &Place, airport: &Place) -> bool {
        let Some(code) = airport.id.strip_prefix("airport:") else {
            return false;
        };
        let Ok(a) = self.airports() else {
            return false;
        };
        a.by_code(code)
            .is_some_and(|i| a.has_short_name(i, &normalize(&place.name)))
    }

    /// Whether `key` (a lookup key) is one of `place`'s names: its own, or any name the
    /// gazetteer finds it by ("St. Petersburg" for Saint Petersburg).
    fn is_named(&self, place: &Place, key: &str) -> bool {
        if key.is_empty() {
            return false;
        }
        if normalize(&place.name) == key || place.aliases.iter().any(|a| normalize(a) == key) {
            return true;
        }
        (self.exact_hits(key, key).unwrap_or_default().into_iter())
            .any(|(e, _)| self.id_of(e) == place.id)
    }

    /// A bundled airport by its place id ("airport:VVO"), once the table is read.
    fn airport_place(&self, id: &str) -> Option<&Place> {
        let code = id.strip_prefix("airport:")?;
        let i = self.airports().ok()?.by_code(code)?;
        self.extra_place(Ent::Airport(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| Gazetteer::load_default().unwrap())
    }

    fn city(name: &str) -> Place {
        gaz().resolve(&name.parse().unwrap()).unwrap().place
    }

    #[test]
    fn vladivostok_is_served_by_vvo_39_km_out() {
        let v = city("Vladivostok");
        let pick = gaz().airport_serving(Some(&v), v.anchor()).unwrap();
        assert_eq!(pick.iata(), "VVO");
        assert_eq!(pick.by, AirportBy::ServesPlace);
        assert!(
            (pick.distance.as_km() - 39.5).abs() < 0.5,
            "{:?}",
            pick.distance
        );
    }

    #[test]
    fn an_air_base_nearer_than_the_city_airport_is_passed_over() {
        // Villacoublay air base (VIY) is 13.9 km from Paris's point, Orly 14.3 km.
        let p = city("Paris, FR");
        let pick = gaz().airport_serving(Some(&p), p.anchor()).unwrap();
        assert_eq!(pick.iata(), "ORY");
    }

    #[test]
    fn an_airport_city_spelled_another_way_still_serves_the_place() {
        // Pulkovo's city is written "St. Petersburg"; GeoNames' place is "Saint Petersburg".
        let p = city("Saint Petersburg, RU");
        let pick = gaz().airport_serving(Some(&p), p.anchor()).unwrap();
        assert_eq!((pick.iata(), pick.by), ("LED", AirportBy::ServesPlace));
    }

    #[test]
    fn without_a_serving_airport_the_nearest_is_taken_and_said() {
        // A point in the Sea of Japan, no place: the nearest airport is Vladivostok's.
        let at = LatLon::new(42.5, 132.5).unwrap();
        let pick = gaz().airport_serving(None, at).unwrap();
        assert_eq!((pick.iata(), pick.by), ("VVO", AirportBy::Nearest));
    }

    #[test]
    fn codes_name_airports_by_iata_or_icao() {
        let at = city("Pyongyang").anchor();
        let by_iata = gaz().airport_by_code("FNJ", at).unwrap();
        let by_icao = gaz().airport_by_code("zkpy", at).unwrap();
        assert_eq!(by_iata.airport.id, "airport:FNJ");
        assert_eq!(by_icao.airport.id, "airport:FNJ");
        assert_eq!(by_iata.by, AirportBy::Code);
        assert!((by_iata.distance.as_km() - 22.4).abs() < 0.5);
    }

    #[test]
    fn an_unknown_code_says_how_to_name_one() {
        let at = LatLon::new(0.0, 0.0).unwrap();
        for bad in ["QQQ", "Sunan", ""] {
            let e = gaz().airport_by_code(bad, at).unwrap_err().to_string();
            assert!(
                e.contains("no airport has the code") && e.contains("airport = true"),
                "{e}"
            );
        }
    }

    #[test]
    fn a_gazetteer_without_airports_says_so() {
        let g = Gazetteer::from_places(Vec::new());
        let at = LatLon::new(43.1, 131.9).unwrap();
        assert_eq!(g.airport_serving(None, at), Err(Error::NoAirport));
    }

    #[test]
    fn a_town_that_names_an_airport_is_served_by_it() {
        // Narita International Airport's city is Tokyo; its short name is the town's.
        let p = city("Narita");
        let pick = gaz().airport_serving(Some(&p), p.anchor()).unwrap();
        assert_eq!((pick.iata(), pick.by), ("NRT", AirportBy::ServesPlace));
    }
}
