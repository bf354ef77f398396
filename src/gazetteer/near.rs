//! Reverse lookup: the places nearest a position, with geodesic distance and bearing.
//!
//! Candidates are ranked by straight-line (chord) distance between unit vectors on the sphere,
//! which grows with great-circle distance, so there is no trouble at the poles or the
//! antimeridian: world places through a 1° grid ([`super::grid`]), curated places and river
//! vertices through a small R*-tree. The few nearest are then measured on the WGS84
//! ellipsoid and re-sorted.

use rstar::RTree;
use rstar::primitives::GeomWithData;

use super::grid::Grid;
use super::place::{PlaceGeometry, PlaceKind};
use super::{Ent, Gazetteer};
use crate::coord::LatLon;
use crate::geodesy::{self, Azimuth};
use crate::units::Length;

type Node = GeomWithData<[f64; 3], Ent>;

/// The spatial index, built on the first reverse lookup.
pub(crate) struct Spatial {
    grid: Option<Grid>,
    tree: RTree<Node>,
}

/// A place near a position.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Nearby {
    /// The place's id, for [`Gazetteer::get`].
    pub id: String,
    /// The place's primary name.
    pub name: String,
    /// What kind of feature it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code, where known ("KP-RU" for a border feature).
    pub country: Option<String>,
    /// First-level administrative division, as GeoNames codes it ("RU.59"), where known.
    pub admin1: Option<String>,
    /// Its name ("Primorye"), where known.
    pub admin1_name: Option<String>,
    /// Population, where the source gives one.
    pub population: Option<u64>,
    /// The place's point (for a river, its nearest vertex).
    pub location: LatLon,
    /// Geodesic distance from the asked position to the place (metres in JSON).
    pub distance: Length,
    /// Initial azimuth from the asked position towards the place (degrees in JSON).
    pub azimuth: Azimuth,
}

fn unit_vector(p: LatLon) -> [f64; 3] {
    let (lat, lon) = (p.lat.to_radians(), p.lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

impl Spatial {
    fn build(g: &Gazetteer) -> Spatial {
        let mut nodes = Vec::new();
        // The airports are read here if they were not yet: a damaged bundled table (which a
        // unit test rules out) would leave them out of the nearest places.
        // Only their positions are read: no airport becomes a place here.
        if let Ok(a) = g.airports() {
            let points = (0..a.len() as u32).filter_map(|i| Some((i, a.anchor(i)?)));
            nodes.extend(points.map(|(i, at)| Node::new(unit_vector(at), Ent::Airport(i))));
        }
        let extra = g
            .extra
            .iter()
            .enumerate()
            .map(|(i, p)| (Ent::Extra(i as u32), p));
        for (e, p) in extra {
            match &p.geometry {
                PlaceGeometry::Point(pt) => nodes.push(Node::new(unit_vector(*pt), e)),
                PlaceGeometry::Lines(parts) => {
                    nodes.extend(
                        parts
                            .iter()
                            .flatten()
                            .map(|pt| Node::new(unit_vector(*pt), e)),
                    );
                }
            }
        }
        Spatial {
            grid: g.world.as_ref().map(Grid::build),
            tree: RTree::bulk_load(nodes),
        }
    }
}

impl Gazetteer {
    /// The `n` places nearest `p`, nearest first, optionally only of some kinds.
    ///
    /// World places are all [`PlaceKind::City`]; stations, bridges, crossings and rivers come
    /// from the curated tables. Distances are geodesic on WGS84.
    pub fn near(&self, p: LatLon, n: usize, kinds: Option<&[PlaceKind]>) -> Vec<Nearby> {
        if n == 0 || LatLon::new(p.lat, p.lon).is_err() {
            return Vec::new();
        }
        let spatial = self.spatial.get_or_init(|| Spatial::build(self));
        let q = unit_vector(p);
        // Nearest by chord first; once `n` are found, keep any within 1 % of the n-th chord
        // (the ellipsoid can swap near-ties), then measure those on WGS84 and re-sort.
        const SLACK: f64 = 1.0201; // 1 % on the chord
        let mut found: Vec<(f64, Ent, [f64; 3])> = Vec::with_capacity(n + 2);
        if let Some(grid) = &spatial.grid
            && let Some(w) = &self.world
            && kinds.is_none_or(|ks| ks.contains(&PlaceKind::City))
        {
            for (d2, i) in grid.nearest(w, p.lat, p.lon, n, SLACK) {
                found.push((d2, Ent::World(i), [0.0; 3]));
            }
        }
        let mut extras = 0;
        // Curated places and river vertices farther than the n-th world place cannot enter.
        let mut limit2 = found
            .get(n.saturating_sub(1))
            .map_or(f64::INFINITY, |f| f.0 * SLACK);
        for (node, d2) in spatial.tree.nearest_neighbor_iter_with_distance_2(&q) {
            if d2 > limit2 {
                break;
            }
            let e = node.data;
            if found.iter().any(|(_, f, _)| *f == e)
                || kinds.is_some_and(|ks| !ks.contains(&self.kind_of(e)))
            {
                continue;
            }
            found.push((d2, e, *node.geom()));
            extras += 1;
            if extras == n {
                limit2 = limit2.min(d2 * SLACK);
            }
        }
        found.sort_by(|a, b| a.0.total_cmp(&b.0));
        if let Some(nth) = found.get(n.saturating_sub(1)).map(|f| f.0 * SLACK) {
            found.retain(|f| f.0 <= nth);
        }
        let found: Vec<(Ent, [f64; 3])> = found.into_iter().map(|(_, e, v)| (e, v)).collect();
        let mut out: Vec<Nearby> = found
            .into_iter()
            .filter_map(|(e, [x, y, z])| {
                let s = self.summary(e)?;
                let vertex = LatLon {
                    lat: z.clamp(-1.0, 1.0).asin().to_degrees(),
                    lon: y.atan2(x).to_degrees(),
                };
                let at = if matches!(e, Ent::World(_)) {
                    s.at
                } else {
                    self.vertex_or(e, vertex)
                };
                let inv = geodesy::inverse(p, at);
                Some(Nearby {
                    id: self.id_of(e),
                    name: s.name.to_string(),
                    kind: s.kind,
                    country: (!s.country.is_empty()).then(|| s.country.to_string()),
                    admin1: self.admin1_of(e),
                    admin1_name: self.admin1_name_of_ent(e).map(str::to_string),
                    population: s.population,
                    location: at,
                    distance: inv.distance,
                    azimuth: inv.initial,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            a.distance
                .as_m()
                .total_cmp(&b.distance.as_m())
                .then_with(|| a.id.cmp(&b.id))
        });
        out.truncate(n);
        out
    }

    fn kind_of(&self, e: Ent) -> PlaceKind {
        match e {
            Ent::World(_) => PlaceKind::City,
            Ent::Airport(_) => PlaceKind::Airport,
            Ent::Extra(_) => self.extra_place(e).map_or(PlaceKind::Other, |p| p.kind),
        }
    }

    /// For a curated point, its exact stored coordinate (the tree holds a unit vector, whose
    /// round trip may differ in the last digits); for a river, the vertex found.
    fn vertex_or(&self, e: Ent, found: LatLon) -> LatLon {
        match e {
            Ent::Extra(_) | Ent::Airport(_) => match self.extra_place(e).map(|p| &p.geometry) {
                Some(PlaceGeometry::Point(pt)) => *pt,
                _ => found,
            },
            Ent::World(_) => found,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Place, Source};

    fn pt(id: &str, kind: PlaceKind, lat: f64, lon: f64) -> Place {
        Place {
            id: id.into(),
            name: id.into(),
            aliases: vec![],
            kind,
            country: Some("RU".into()),
            admin1: None,
            admin1_name: None,
            geometry: PlaceGeometry::Point(LatLon { lat, lon }),
            population: None,
            tz: None,
            source: Source {
                dataset: "test".into(),
                id: id.into(),
            },
        }
    }

    #[test]
    fn nearest_first_with_distance_and_bearing() {
        let g = Gazetteer::from_places(vec![
            pt("khasan", PlaceKind::City, 42.42387, 130.65156),
            pt("vladivostok", PlaceKind::City, 43.10562, 131.87353),
            pt("bridge", PlaceKind::Bridge, 42.415167, 130.641056),
        ]);
        let r = g.near(
            LatLon {
                lat: 42.43,
                lon: 130.64,
            },
            2,
            None,
        );
        assert_eq!(
            r.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
            ["khasan", "bridge"]
        );
        assert!(r[0].distance.as_km() < 1.5);
        let r = g.near(
            LatLon {
                lat: 42.43,
                lon: 130.64,
            },
            5,
            Some(&[PlaceKind::City]),
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].id, "vladivostok");
        assert_eq!(r[1].azimuth.compass8(), crate::geodesy::Compass8::NE);
        assert!(
            (r[1].distance.as_km()
                - geodesy::distance(
                    LatLon {
                        lat: 42.43,
                        lon: 130.64
                    },
                    LatLon {
                        lat: 43.10562,
                        lon: 131.87353
                    }
                )
                .as_km())
            .abs()
                < 1e-9
        );
    }

    #[test]
    fn works_across_the_antimeridian_and_refuses_bad_points() {
        let g = Gazetteer::from_places(vec![
            pt("east", PlaceKind::City, 65.0, 179.9),
            pt("far", PlaceKind::City, 65.0, 170.0),
        ]);
        let r = g.near(
            LatLon {
                lat: 65.0,
                lon: -179.9,
            },
            1,
            None,
        );
        assert_eq!(r[0].id, "east");
        assert!(
            g.near(
                LatLon {
                    lat: 91.0,
                    lon: 0.0
                },
                3,
                None
            )
            .is_empty()
        );
        assert!(g.near(LatLon { lat: 0.0, lon: 0.0 }, 0, None).is_empty());
    }
}
