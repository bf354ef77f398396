//! The most populous places in an area: a map's context cities.

use super::Gazetteer;
use crate::coord::LatLon;

/// A populated place with its population, for a map's context.
#[derive(Debug, Clone, PartialEq)]
pub struct LargeCity {
    /// GeoNames' primary name.
    pub name: String,
    /// Its point.
    pub location: LatLon,
    /// Its population, as GeoNames gives it.
    pub population: u64,
}

/// Feature codes that are a place of their own: a section of a city (PPLX), a historical or
/// abandoned place is not a context city.
const OWN_PLACE: [&str; 7] = ["PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC"];

impl Gazetteer {
    /// The `n` most populous world places inside the box from `south` to `north` and from
    /// `west` to `east` (degrees; `west` > `east` spans the antimeridian), largest first (ties
    /// by table order). Places without a population, and sections of cities, are left out.
    pub fn largest_cities(
        &self,
        south: f64,
        west: f64,
        north: f64,
        east: f64,
        n: usize,
    ) -> Vec<LargeCity> {
        let Some(w) = &self.world else {
            return Vec::new();
        };
        let in_lon = |lon: f64| {
            if west <= east {
                (west..=east).contains(&lon)
            } else {
                lon >= west || lon <= east
            }
        };
        let mut found: Vec<(u32, usize)> = (0..w.len())
            .filter_map(|i| w.rec(i).map(|r| (i, r)))
            .filter(|(_, r)| {
                r.population > 0
                    && (south..=north).contains(&r.lat_deg)
                    && in_lon(r.lon_deg)
                    && super::world::FCODES
                        .get(usize::from(r.fcode))
                        .is_some_and(|f| OWN_PLACE.contains(f))
            })
            .map(|(i, r)| (r.population, i))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.truncate(n);
        found
            .into_iter()
            .filter_map(|(_, i)| {
                let r = w.rec(i)?;
                Some(LargeCity {
                    name: w.pool_str(r.name_off).to_string(),
                    location: LatLon {
                        lat: r.lat_deg,
                        lon: r.lon_deg,
                    },
                    population: u64::from(r.population),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    /// Around the Sea of Japan the largest cities are Seoul's and Vladivostok's region's, in
    /// population order; a box across the antimeridian finds Anadyr's side and Alaska's.
    #[test]
    fn largest_cities_in_a_box_by_population() {
        let g = crate::gazetteer::Gazetteer::load_default().unwrap();
        let found = g.largest_cities(38.0, 124.0, 45.0, 133.0, 12);
        assert_eq!(found.len(), 12);
        assert!(found.windows(2).all(|w| w[0].population >= w[1].population));
        let names: Vec<&str> = found.iter().map(|c| c.name.as_str()).collect();
        for name in ["Pyongyang", "Vladivostok"] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        assert!(found.iter().all(|c| (38.0..=45.0).contains(&c.location.lat)
            && (124.0..=133.0).contains(&c.location.lon)));
        let wrapped = g.largest_cities(55.0, 170.0, 72.0, -150.0, 5);
        assert!(!wrapped.is_empty());
        assert!(
            wrapped
                .iter()
                .all(|c| c.location.lon >= 170.0 || c.location.lon <= -150.0)
        );
        assert!(g.largest_cities(10.0, 0.0, 9.0, 1.0, 5).is_empty());
    }
}
