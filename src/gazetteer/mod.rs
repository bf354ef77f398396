//! The gazetteer: places by name (any spelling or script) and by position.
//!
//! Five bundled sources, all embedded in the binary so lookups work offline from any
//! directory: GeoNames populated places with the names of their first-level administrative
//! divisions (`data/world/`, CC BY 4.0), curated stations, bridges and crossings with cited
//! sources (`data/places/`), named river lines (`data/rivers/`, GSHHG/WDBII,
//! LGPL-3.0-or-later), airports with IATA codes (`data/airports/`, airportsdata, MIT), and
//! named seas, gulfs, bays and straits (`data/seas/`, Natural Earth, public domain).
//!
//! A name in a script other than Latin prefers places where that script is written
//! ([`Script`]); [`Gazetteer::resolve_in`] reads a name beside a story's other places,
//! countries and region ([`Context`]).
//!
//! # JSON output
//!
//! [`Resolution`], [`Candidate`], [`Nearby`] and [`Place`] serialise with serde for `--json`:
//! positions as `{"lat": …, "lon": …}` in degrees (a place's geometry as
//! `{"type": "Point", "coordinates": {"lat", "lon"}}` or `{"type": "Lines", "coordinates":
//! [[{"lat", "lon"}, …], …]}`), distances in metres, azimuths in degrees clockwise from north,
//! `tz` as an IANA name, `source` as `{"dataset", "id"}`, kinds and match kinds in snake case.
//! A place's (and a [`Candidate`]'s and a [`Nearby`]'s) `admin1` is its first-level administrative division as
//! GeoNames codes it, `"CC.code"` (`"RU.59"`), and `admin1_name` that division's GeoNames name
//! (`"Primorye"`); either is `null` where unknown. A [`Resolution`] serialises as `place`,
//! `matched`, `alternatives`, `ambiguous` and `why` (the sentence [`Resolution::why`] writes).
//! `tz` is the zone the data gives; [`Place::zone`] adds the zone at a point's coordinates.
//!
//! ```
//! use routecheck::gazetteer::{Gazetteer, MatchKind, PlaceKind, Query};
//! let gaz = Gazetteer::load_default().unwrap();
//! let r = gaz.resolve(&"P'yŏngyang".parse().unwrap()).unwrap();
//! assert_eq!(r.place.name, "Pyongyang");
//! let r = gaz.resolve(&"Hasan".parse().unwrap()).unwrap();
//! assert_eq!((r.place.name.as_str(), r.matched), ("Khasan", MatchKind::Alias));
//! let q = Query::name("Khasan").of_kind(PlaceKind::Station);
//! assert_eq!(gaz.resolve(&q).unwrap().place.id, "curated:khasan-station");
//! let v = gaz.get("geonames:2013348").unwrap();
//! assert_eq!(v.admin1.as_deref(), Some("RU.59"));
//! assert_eq!(v.admin1_name.as_deref(), Some("Primorye"));
//! assert_eq!(gaz.admin1_name("RU", "59"), Some("Primorye"));
//! let r = gaz.resolve(&"Хасан".parse().unwrap()).unwrap();
//! assert_eq!(r.place.country.as_deref(), Some("RU"));
//! assert_eq!(gaz.resolve(&"RZE".parse().unwrap()).unwrap().place.id, "airport:RZE");
//! ```

mod admin1;
mod admin1_aliases;
pub mod airport_index;
mod airport_names;
mod airport_pick;
mod airports;
mod bit_levenshtein;
mod curated;
mod entry;
mod error;
pub mod evaluation;
mod grid;
mod han;
mod key_cache;
mod largest;
mod lookup;
mod namesakes;
mod near;
mod normalize;
mod other_names;
mod place;
mod query;
mod resolve;
mod script;
pub(crate) mod seas;
mod sorted_rows;
mod transliterate;
mod weather_names;
mod world;
pub mod world_build;
mod zone;

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::AtomicU32;

pub use admin1::Admin1;
pub use admin1_aliases::region_key;
pub use airport_pick::{AirportBy, AirportPick};
pub use airports::AIRPORTS_DATASET;
pub use error::Error;
pub use largest::LargeCity;
pub use near::Nearby;
pub use normalize::{MAX_NAME_CHARS, normalize};
pub use place::{Place, PlaceGeometry, PlaceKind, Source};
pub use query::{Query, country_code, country_name};
pub use resolve::{Candidate, Context, InContext, MatchKind, Resolution};
pub use script::Script;
pub use seas::SEAS_DATASET;
pub use zone::{zone_at, zone_data_version};

use world::World;

/// The bundled GeoNames table (layout in `world.rs`; built by [`world_build`]).
const WORLD_RCG: &[u8] = include_bytes!("../../data/world/cities500.rcg");

/// Where a searchable entry lives: the world table, the in-memory places or the airports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Ent {
    World(u32),
    Extra(u32),
    Airport(u32),
}

/// Places by name and position. Cheap to ask, built once (see [`Gazetteer::load_default`]).
pub struct Gazetteer {
    world: Option<World>,
    /// Curated places, rivers and caller-supplied places.
    extra: Vec<Place>,
    /// Lookup key → (index into `extra`, whether the key is the place's primary name).
    extra_keys: HashMap<String, Vec<(u32, bool)>>,
    /// Curated alias key → world place index (aliases.tsv); these rank like primary names.
    overlay: HashMap<String, Vec<u32>>,
    /// Names of GeoNames admin1 codes (data/world/admin1.tsv); empty without the world table.
    admin1: admin1::Admin1Names,
    /// Other names of those divisions (data/world/admin1_aliases.tsv), read on first use.
    admin1_aliases: admin1_aliases::Admin1Aliases,
    /// Names of world places in other languages and scripts (data/world/other_names.tsv),
    /// searched in place.
    other_names: other_names::OtherNames,
    /// Names of world places in other scripts from libmateweather
    /// (data/world/weather_names.tsv), in every build, searched in place.
    weather_names: other_names::OtherNames,
    /// The airports table's text (`None` for a gazetteer of given places), read on first
    /// need (see `airports.rs`), and the index of the airports' names (`airport_index.rs`).
    airports_tsv: Option<&'static str>,
    airports: OnceLock<Result<airports::Airports, Error>>,
    airport_index: airports::NameIndex,
    spatial: OnceLock<near::Spatial>,
    /// How many misspelt names this gazetteer was asked (see [`Gazetteer::note_misspelt`]).
    misspelt: AtomicU32,
    /// Every key decoded into memory, after many misspelt names or on request
    /// (`key_cache.rs`, [`Gazetteer::prepare_fuzzy`]).
    key_cache: OnceLock<key_cache::KeyCache>,
}

impl Gazetteer {
    /// The bundled gazetteer: GeoNames world places, curated places and named rivers.
    pub fn load_default() -> Result<Gazetteer, Error> {
        let world = World::new(std::borrow::Cow::Borrowed(WORLD_RCG))?;
        let admin1 = admin1::Admin1Names::new(admin1::ADMIN1_TSV)?;
        let mut extra = curated::parse_curated(curated::CURATED_TSV)?;
        extra.extend(curated::parse_curated_file(
            "data/places/antarctic_stations.tsv",
            curated::ANTARCTIC_TSV,
        )?);
        extra.extend(curated::parse_rivers(curated::RIVERS_JSON)?);
        extra.extend(seas::parse_seas(seas::sea_rows()?));
        let mut g = Gazetteer::build(Some(world), admin1, extra);
        g.airports_tsv = Some(airports::AIRPORTS_TSV);
        g.airport_index = airports::NameIndex::new(airports::NAME_INDEX_TSV);
        g.admin1_aliases = admin1_aliases::Admin1Aliases::new(admin1_aliases::ADMIN1_ALIASES_TSV);
        g.weather_names = other_names::OtherNames::from_file(
            weather_names::FILE,
            weather_names::SCRIPT,
            weather_names::WEATHER_NAMES_TSV,
        )?;
        if let Some(text) = other_names::OTHER_NAMES_TSV {
            g.other_names = other_names::OtherNames::new(text)?;
        }
        for (geonameid, alias) in curated::parse_aliases(curated::ALIASES_TSV)? {
            if let Some(i) = g.world.as_ref().and_then(|w| w.by_geonameid(geonameid)) {
                g.overlay
                    .entry(normalize(&alias))
                    .or_default()
                    .push(i as u32);
            }
        }
        Ok(g)
    }

    /// A gazetteer of just these places (tests, story-local places).
    pub fn from_places(places: Vec<Place>) -> Gazetteer {
        Gazetteer::build(None, admin1::Admin1Names::empty(), places)
    }

    /// Adds places (for instance a story's own waypoints) to this gazetteer.
    pub fn add_places(&mut self, places: Vec<Place>) {
        for p in places {
            self.index_extra(p);
        }
        self.spatial = OnceLock::new();
        self.key_cache = OnceLock::new();
    }

    fn build(world: Option<World>, admin1: admin1::Admin1Names, places: Vec<Place>) -> Gazetteer {
        let mut g = Gazetteer {
            world,
            extra: Vec::new(),
            extra_keys: HashMap::new(),
            overlay: HashMap::new(),
            admin1,
            admin1_aliases: admin1_aliases::Admin1Aliases::empty(),
            other_names: other_names::OtherNames::empty(),
            weather_names: other_names::OtherNames::empty(),
            airports_tsv: None,
            airports: OnceLock::new(),
            airport_index: airports::NameIndex::default(),
            spatial: OnceLock::new(),
            misspelt: AtomicU32::new(0),
            key_cache: OnceLock::new(),
        };
        for p in places {
            g.index_extra(p);
        }
        g
    }

    fn index_extra(&mut self, mut p: Place) {
        if p.admin1_name.is_none() {
            // A curated or story place that gives its division as GeoNames codes it.
            p.admin1_name = p
                .admin1
                .as_deref()
                .and_then(|a| self.admin1_name_of(a))
                .map(str::to_string);
        }
        let i = self.extra.len() as u32;
        let name_key = normalize(&p.name);
        for (k, is_name) in std::iter::once((name_key.clone(), true))
            .chain(p.aliases.iter().map(|a| (normalize(a), false)))
        {
            if k.is_empty() {
                continue;
            }
            let list = self.extra_keys.entry(k).or_default();
            if !list.iter().any(|(j, _)| *j == i) {
                list.push((i, is_name));
            }
        }
        self.extra.push(p);
    }

    /// The place with this id ("geonames:2013348", "curated:khasan-station", "river:tumen").
    ///
    /// Returns an owned [`Place`]: world places are read in place from the compact table, so
    /// there is no stored `Place` to borrow.
    pub fn get(&self, id: &str) -> Option<Place> {
        let world = id
            .strip_prefix("geonames:")
            .and_then(|n| n.parse().ok())
            .and_then(|n| self.world.as_ref()?.by_geonameid(n));
        match world {
            Some(i) => self.place(Ent::World(i as u32)),
            None if id.starts_with("airport:") => {
                let a = self.airports().ok()?;
                let i = a.by_code(id.strip_prefix("airport:")?)?;
                a.place(i)?.ok().cloned()
            }
            None => self.extra.iter().find(|p| p.id == id).cloned(),
        }
    }

    /// The GeoNames name of a first-level administrative division, by country and GeoNames
    /// admin1 code: `admin1_name("RU", "59")` is `Some("Primorye")`. `None` for an unknown
    /// code, GeoNames' "00" (no division), the few codes the table cannot name (see
    /// `data/README.md`), and a gazetteer without the world table.
    pub fn admin1_name(&self, country: &str, code: &str) -> Option<&str> {
        self.admin1.get(country, code).map(|a| a.name)
    }

    /// The same, for the "CC.code" form [`Place::admin1`] and [`Candidate::admin1`] carry:
    /// `admin1_name_of("RU.59")` is `Some("Primorye")`.
    pub fn admin1_name_of(&self, admin1: &str) -> Option<&str> {
        self.admin1.get_key(admin1).map(|a| a.name)
    }

    /// A division with all its names (GeoNames name, and ASCII spelling where it differs).
    pub fn admin1(&self, country: &str, code: &str) -> Option<Admin1<'_>> {
        self.admin1.get(country, code)
    }

    /// The divisions called `name`, in country and code order: by GeoNames' name compared as
    /// lookup keys (case, accents and punctuation aside: `admin1_named("primorye")` gives
    /// RU.59), or by another name or the ISO 3166-2 code compared as [`region_key`]s
    /// ("Primorsky Krai", "Приморский край", "RU-PRI" give RU.59 too).
    pub fn admin1_named(&self, name: &str) -> Vec<Admin1<'_>> {
        let mut found = self.admin1.named(name);
        for key in self.admin1_aliases.codes_named(name) {
            if let Some(a) = self.admin1.get_key(key)
                && !found.iter().any(|f| f.key() == a.key())
            {
                found.push(a);
            }
        }
        found.sort_by(|a, b| (a.country, a.code).cmp(&(b.country, b.code)));
        found
    }

    /// Whether the division `key` ("RU.59") is called `region` by one of its other names or
    /// its ISO 3166-2 code (see `admin1_aliases.rs`).
    pub(crate) fn admin1_has_alias(&self, key: &str, region: &str) -> bool {
        self.admin1_aliases.names(key, region)
    }

    /// The named river lines.
    pub fn rivers(&self) -> impl Iterator<Item = &Place> {
        self.extra
            .iter()
            .filter(|p| p.kind == PlaceKind::River && p.is_line())
    }

    /// How many places this gazetteer holds.
    pub fn len(&self) -> usize {
        let airports = self.airports().map_or(0, airports::Airports::len);
        self.world.as_ref().map_or(0, World::len) + self.extra.len() + airports
    }

    /// The airports, found in the table on the first call (empty for a gazetteer of given
    /// places). Errors: [`Error::CorruptData`] if the bundled table is damaged.
    pub(crate) fn airports(&self) -> Result<&airports::Airports, Error> {
        static NONE: OnceLock<airports::Airports> = OnceLock::new();
        let Some(text) = self.airports_tsv else {
            return Ok(NONE.get_or_init(airports::Airports::default));
        };
        self.airports
            .get_or_init(|| airports::Airports::new(text, self.airport_index))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The airports if a lookup of `key` (typed as `text`) could find one, without reading
    /// the table for a query that cannot: only one written as a code, or a key of the name
    /// index (a binary search over its text), reads it.
    pub(crate) fn airports_for(
        &self,
        key: &str,
        text: &str,
    ) -> Result<Option<&airports::Airports>, Error> {
        if self.airports_tsv.is_none() {
            return Ok(None);
        }
        if airports::is_code(text) || self.airport_index.has(key) {
            return self.airports().map(Some);
        }
        Ok(None)
    }

    /// An in-memory place (curated, river, sea, added, or an airport already read).
    pub(crate) fn extra_place(&self, e: Ent) -> Option<&Place> {
        match e {
            Ent::Extra(i) => self.extra.get(i as usize),
            Ent::Airport(i) => self.airports.get()?.as_ref().ok()?.place(i)?.ok(),
            Ent::World(_) => None,
        }
    }

    /// Whether it holds no place at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coord::LatLon;

    #[test]
    fn default_gazetteer_loads_and_gets_by_id() {
        let g = Gazetteer::load_default().unwrap();
        assert!(g.len() > 190_000, "{}", g.len());
        let v = g.get("geonames:2013348").unwrap();
        assert_eq!(
            (v.name.as_str(), v.country.as_deref(), v.tz.as_deref()),
            ("Vladivostok", Some("RU"), Some("Asia/Vladivostok"))
        );
        assert_eq!(
            g.get("curated:khasan-station").map(|p| p.kind),
            Some(PlaceKind::Station)
        );
        assert!(g.get("geonames:notanumber").is_none());
        assert!(g.get("nothing").is_none());
    }

    #[test]
    fn world_places_carry_the_name_of_their_first_level_division() {
        let g = Gazetteer::load_default().unwrap();
        let division = |id: &str| {
            let p = g.get(id).unwrap();
            (p.admin1, p.admin1_name)
        };
        let named = |code: &str, name: &str| (Some(code.to_string()), Some(name.to_string()));
        // Vladivostok, Razdol'noye: GeoNames calls Primorsky Krai "Primorye".
        assert_eq!(division("geonames:2013348"), named("RU.59", "Primorye"));
        assert_eq!(division("geonames:2017478"), named("RU.59", "Primorye"));
        assert_eq!(division("geonames:1871859"), named("KP.12", "Pyongyang"));
        assert_eq!(division("geonames:761168"), named("PL.80", "Subcarpathia")); // Przemyśl
        // Singapore's one division has no name in the source: the code stays, the name is None.
        assert_eq!(division("geonames:1880252"), (Some("SG.01".into()), None));
        assert_eq!(g.admin1_name("RU", "59"), Some("Primorye"));
        assert_eq!(g.admin1_name_of("KP.17"), Some("North Hamgyong"));
        assert_eq!(g.admin1_name_of("RU.00"), None);
        assert_eq!(g.admin1_name("RU", "59x"), None);
        let lodz = g.admin1("PL", "74").unwrap();
        assert_eq!(lodz.ascii_name, Some("Lodz Voivodeship"));
        let found: Vec<String> = g.admin1_named("primorye").iter().map(|a| a.key()).collect();
        assert_eq!(found, ["RU.59"]);
        // Curated places have no division; a bare-places gazetteer knows no names.
        assert_eq!(g.get("curated:khasan-station").unwrap().admin1_name, None);
        assert_eq!(Gazetteer::from_places(vec![]).admin1_name("RU", "59"), None);
    }

    #[test]
    fn added_places_coded_like_geonames_get_the_name() {
        let mut g = Gazetteer::load_default().unwrap();
        let mut p = Place::test_point("Zarubino port", PlaceKind::Port, 42.64, 131.08);
        p.admin1 = Some("RU.59".into());
        let mut q = Place::test_point("Somewhere", PlaceKind::Other, 42.0, 131.0);
        q.admin1 = Some("Primorsky Krai".into());
        g.add_places(vec![p, q]);
        assert_eq!(
            g.get("test:Zarubino port").unwrap().admin1_name.as_deref(),
            Some("Primorye")
        );
        assert_eq!(g.get("test:Somewhere").unwrap().admin1_name, None);
    }

    #[test]
    fn nearby_places_carry_the_division_too() {
        let g = Gazetteer::load_default().unwrap();
        let near = g.near(
            LatLon {
                lat: 49.78,
                lon: 22.77,
            },
            1,
            Some(&[PlaceKind::City]),
        );
        assert_eq!(near[0].name, "Przemyśl");
        assert_eq!(near[0].admin1.as_deref(), Some("PL.80"));
        assert_eq!(near[0].admin1_name.as_deref(), Some("Subcarpathia"));
        let json = serde_json::to_value(&near[0]).unwrap();
        assert_eq!(json["admin1_name"], "Subcarpathia");
        let place = serde_json::to_value(g.get(&near[0].id).unwrap()).unwrap();
        assert_eq!(
            (&place["admin1"], &place["admin1_name"]),
            (&"PL.80".into(), &"Subcarpathia".into())
        );
    }

    #[test]
    fn curated_time_zones_agree_with_the_zone_boundaries() {
        // The curated tz column was filled from the nearest GeoNames place in the same
        // country; the boundary polygons must agree, so the two sources never contradict.
        let g = Gazetteer::load_default().unwrap();
        // Airports carry the zone their source gives, which the simplified polygons may place
        // on the other side of a nearby boundary; only the project's own rows are held here.
        let curated = g.extra.iter().filter(|p| p.id.starts_with("curated:"));
        for p in curated.filter(|p| p.tz.is_some()) {
            assert_eq!(zone_at(p.anchor()), p.tz.as_deref(), "{}", p.id);
        }
    }
}
