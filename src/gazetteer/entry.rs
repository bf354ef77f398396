//! An entry of either table as the rest of the gazetteer sees it: ranking fields borrowed
//! without allocating, and the full [`Place`] only for the answer.

use super::place::{Place, PlaceGeometry, PlaceKind, Source};
use super::{Ent, Gazetteer, lookup, world, world_build};
use crate::coord::LatLon;

impl Gazetteer {
    /// A full [`Place`] for an entry.
    pub(crate) fn place(&self, e: Ent) -> Option<Place> {
        match e {
            Ent::Extra(_) | Ent::Airport(_) => self.extra_place(e).cloned(),
            Ent::World(i) => {
                let w = self.world.as_ref()?;
                let r = w.rec(i as usize)?;
                let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
                let country = std::str::from_utf8(&r.country).ok().map(str::to_string);
                Some(Place {
                    id: format!("geonames:{}", r.geonameid),
                    name: w.pool_str(r.name_off).to_string(),
                    // The compact table keeps lookup keys, not display spellings, per place.
                    aliases: Vec::new(),
                    kind: PlaceKind::City,
                    country,
                    admin1: self.admin1_of(e),
                    admin1_name: self.admin1_name_of_ent(e).map(str::to_string),
                    geometry: PlaceGeometry::Point(LatLon {
                        lat: r.lat_deg,
                        lon: r.lon_deg,
                    }),
                    population: (r.population > 0).then_some(r.population as u64),
                    tz: opt(w.pool_str(r.tz_off)),
                    source: Source {
                        dataset: "GeoNames cities500 (CC BY 4.0)".into(),
                        id: r.geonameid.to_string(),
                    },
                })
            }
        }
    }

    /// The ranking fields of an entry, borrowed (no allocation).
    pub(crate) fn summary(&self, e: Ent) -> Option<lookup::Summary<'_>> {
        match e {
            Ent::Extra(_) | Ent::Airport(_) => {
                let p = self.extra_place(e)?;
                Some(lookup::Summary {
                    name: &p.name,
                    kind: p.kind,
                    country: p.country.as_deref().unwrap_or(""),
                    population: p.population,
                    at: p.anchor(),
                    importance: lookup::extra_importance(p),
                })
            }
            Ent::World(i) => {
                let w = self.world.as_ref()?;
                let r = w.rec(i as usize)?;
                let fcode = world::FCODES
                    .get(r.fcode as usize)
                    .copied()
                    .unwrap_or("PPL");
                Some(lookup::Summary {
                    name: w.pool_str(r.name_off),
                    kind: PlaceKind::City,
                    country: w.country(i as usize),
                    population: (r.population > 0).then_some(r.population as u64),
                    at: LatLon {
                        lat: r.lat_deg,
                        lon: r.lon_deg,
                    },
                    importance: world_build::world_importance(r.population as u64, fcode),
                })
            }
        }
    }

    /// An entry's id: "geonames:2013348", "curated:khasan-station".
    pub(crate) fn id_of(&self, e: Ent) -> String {
        match e {
            Ent::Extra(_) | Ent::Airport(_) => self
                .extra_place(e)
                .map(|p| p.id.clone())
                .unwrap_or_default(),
            Ent::World(i) => match self.world.as_ref().and_then(|w| w.rec(i as usize)) {
                Some(r) => format!("geonames:{}", r.geonameid),
                None => String::new(),
            },
        }
    }

    /// An entry's first-level administrative area's name ("Primorye"), where known.
    pub(crate) fn admin1_name_of_ent(&self, e: Ent) -> Option<&str> {
        match e {
            Ent::Extra(_) | Ent::Airport(_) => self.extra_place(e)?.admin1_name.as_deref(),
            Ent::World(i) => {
                let w = self.world.as_ref()?;
                let code = w.pool_str(w.rec(i as usize)?.admin1_off);
                self.admin1_name(w.country(i as usize), code)
            }
        }
    }

    /// An entry's first-level administrative area ("RU.59" for GeoNames places).
    pub(crate) fn admin1_of(&self, e: Ent) -> Option<String> {
        match e {
            Ent::Extra(_) | Ent::Airport(_) => self.extra_place(e)?.admin1.clone(),
            Ent::World(i) => {
                let w = self.world.as_ref()?;
                let a1 = w.pool_str(w.rec(i as usize)?.admin1_off);
                (!a1.is_empty()).then(|| format!("{}.{a1}", w.country(i as usize)))
            }
        }
    }
}
