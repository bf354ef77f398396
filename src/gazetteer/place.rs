//! The place model: what a gazetteer entry is.

use std::fmt;

use crate::coord::LatLon;

/// What kind of feature a place is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A capital or other populated place.
    City,
    /// A railway station.
    Station,
    /// A bridge (road or rail).
    Bridge,
    /// A border crossing point.
    Border,
    /// A river, drawn as a line.
    River,
    /// A port or harbour.
    Port,
    /// An airport.
    Airport,
    /// A sea, gulf, bay, strait or ocean (a named marine area), placed at its label point.
    Sea,
    /// Anything else a source names (a pass, a cape, an island…).
    Other,
}

impl PlaceKind {
    /// The kind's name in snake case, as in JSON and in curated.tsv ("city", "station").
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Station => "station",
            PlaceKind::Bridge => "bridge",
            PlaceKind::Border => "border",
            PlaceKind::River => "river",
            PlaceKind::Port => "port",
            PlaceKind::Airport => "airport",
            PlaceKind::Sea => "sea",
            PlaceKind::Other => "other",
        }
    }
}

impl fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PlaceKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "city" | "town" | "village" => PlaceKind::City,
            "station" => PlaceKind::Station,
            "bridge" => PlaceKind::Bridge,
            "border" | "border_crossing" | "crossing" => PlaceKind::Border,
            "river" => PlaceKind::River,
            "port" => PlaceKind::Port,
            "airport" => PlaceKind::Airport,
            "sea" | "gulf" | "bay" | "strait" | "ocean" => PlaceKind::Sea,
            "other" => PlaceKind::Other,
            other => {
                return Err(format!(
                    "unknown place kind \"{other}\" (use city, station, bridge, border, river, port, airport, sea or other)"
                ));
            }
        })
    }
}

/// Where a place's coordinates come from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// Dataset or reference: "GeoNames", "Wikidata", "GSHHG/WDBII", a cited page.
    pub dataset: String,
    /// The record's id in that dataset ("2038432", "Q18808"), or a URL for a cited page.
    pub id: String,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.dataset, self.id)
    }
}

/// A place's shape: a point for towns and stations, lines for rivers.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "type", content = "coordinates")]
pub enum PlaceGeometry {
    /// A single position (towns, stations, bridges, airports).
    Point(LatLon),
    /// One or more polylines (a river and its parts), each at least two points.
    Lines(Vec<Vec<LatLon>>),
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Place {
    /// Stable id: "geonames:2038432", "curated:friendship-bridge", "river:tumen".
    pub id: String,
    /// The primary (English) name.
    pub name: String,
    /// Other names and spellings, any script.
    pub aliases: Vec<String>,
    /// What kind of feature it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code ("KP", "RU"); a border feature may name two, "KP-RU".
    pub country: Option<String>,
    /// First-level administrative area, where the source gives one: for world places
    /// GeoNames' code as "CC.code" ("RU.59").
    pub admin1: Option<String>,
    /// The name of that area ("Primorye"), where known (see [`super::Gazetteer::admin1_name`]).
    pub admin1_name: Option<String>,
    /// Where it is: a point, or lines for a river.
    pub geometry: PlaceGeometry,
    /// Population, where the source gives one (GeoNames places).
    pub population: Option<u64>,
    /// IANA time zone ("Asia/Pyongyang").
    pub tz: Option<String>,
    /// The dataset and record the place comes from.
    pub source: Source,
}

impl Place {
    /// The place's IANA time zone: its own (GeoNames, or the curated row), else for a point
    /// the zone at its coordinates ([`super::zone_at`]). A line such as a river, or a place
    /// on a border ("KP-RU"), can be in two zones, so it has none unless the data gives one.
    pub fn zone(&self) -> Option<String> {
        let on_a_border = self.country.as_deref().is_some_and(|c| c.contains('-'));
        self.tz.clone().or_else(|| match &self.geometry {
            PlaceGeometry::Point(p) if !on_a_border => super::zone_at(*p).map(str::to_string),
            _ => None,
        })
    }

    /// The point that stands for this place: the point itself, or for a line the vertex
    /// nearest the middle of its first part (a label anchor, not a measurement).
    pub fn anchor(&self) -> LatLon {
        match &self.geometry {
            PlaceGeometry::Point(p) => *p,
            PlaceGeometry::Lines(parts) => {
                let longest = parts
                    .iter()
                    .max_by_key(|p| p.len())
                    .filter(|p| !p.is_empty());
                longest
                    .map(|p| p[p.len() / 2])
                    .unwrap_or(LatLon { lat: 0.0, lon: 0.0 })
            }
        }
    }

    /// Whether the place is drawn as lines (a river) rather than a point.
    pub fn is_line(&self) -> bool {
        matches!(self.geometry, PlaceGeometry::Lines(_))
    }
}

#[cfg(test)]
impl Place {
    /// A bare point place for tests elsewhere in the crate: id "test:<name>", no country,
    /// population or zone.
    pub(crate) fn test_point(name: &str, kind: PlaceKind, lat: f64, lon: f64) -> Place {
        Place {
            id: format!("test:{name}"),
            name: name.to_string(),
            aliases: vec![],
            kind,
            country: None,
            admin1: None,
            admin1_name: None,
            geometry: PlaceGeometry::Point(LatLon { lat, lon }),
            population: None,
            tz: None,
            source: Source {
                dataset: "test".into(),
                id: "0".into(),
            },
        }
    }
}
