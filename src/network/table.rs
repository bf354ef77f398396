//! Line tables: one railway line as its stations in order, each with a km post (chainage),
//! coordinates and the source of each figure. The bundled tables live in `data/rail/` and are
//! compiled into the binary, so loading them needs no file system.
//!
//! A row may carry a km post only (the station's position is not cited: it is left out of the
//! drawing), coordinates only (a point the line is known to pass, drawn but not routable), or
//! both. Km posts must increase down the table.

use serde::Deserialize;

use super::{Error, Result};
use crate::coord::LatLon;
use crate::units::Length;

/// The bundled tables: (file name, TOML text).
const BUNDLED: &[(&str, &str)] = &[
    ("pyongra.toml", include_str!("../../data/rail/pyongra.toml")),
    ("hambuk.toml", include_str!("../../data/rail/hambuk.toml")),
    ("hongui.toml", include_str!("../../data/rail/hongui.toml")),
    (
        "tumangang_khasan.toml",
        include_str!("../../data/rail/tumangang_khasan.toml"),
    ),
    (
        "baranovsky_khasan.toml",
        include_str!("../../data/rail/baranovsky_khasan.toml"),
    ),
    (
        "transsib_primorye.toml",
        include_str!("../../data/rail/transsib_primorye.toml"),
    ),
];

/// One railway line, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct LineTable {
    /// Short stable id, e.g. "pyongra".
    pub id: String,
    /// Display name, e.g. "P'yŏngra Line".
    /// The station's (or point's) name as the table gives it.
    pub name: String,
    /// ISO country code(s) the line runs in, e.g. "KP" or "KP/RU".
    pub country: String,
    /// Track gauges in millimetres (two for dual-gauge track).
    pub gauge_mm: Vec<u32>,
    /// Where the km posts are counted from.
    pub chainage_origin: String,
    /// Lengths published for the line or parts of it, including the ones not used.
    pub published_lengths: Vec<PublishedLength>,
    /// Stations in line order.
    pub stations: Vec<TableStation>,
}

/// A station (or a point the line passes) in a line table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableStation {
    /// The station's (or point's) name as the table gives it.
    pub name: String,
    /// Other names and spellings it is matched by.
    pub aliases: Vec<String>,
    /// The km post, if a source gives it.
    pub km: Option<Length>,
    /// The source of the km post.
    pub km_source: Option<String>,
    /// The position, if a source gives it.
    pub at: Option<LatLon>,
    /// The source of the position.
    pub coord_source: Option<String>,
}

/// A published length for a line or a section of it, with its source and whether the tables'
/// km posts follow it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedLength {
    /// The published length.
    pub length: Length,
    /// The section it covers ("Baranovsky – Khasan").
    pub between: String,
    /// Where it is published.
    pub source: String,
    /// Whether the table's km posts follow this figure (the others are shown for comparison).
    pub used: bool,
    /// Why a figure is not used, or how it was derived ("rounded figure").
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine {
    id: String,
    name: String,
    #[serde(default)]
    country: String,
    gauge_mm: Vec<u32>,
    #[serde(default)]
    chainage_origin: String,
    #[serde(default, rename = "published_length")]
    published_lengths: Vec<RawPublished>,
    #[serde(rename = "station")]
    stations: Vec<RawStation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPublished {
    km: f64,
    between: String,
    source: String,
    #[serde(default)]
    used: bool,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStation {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    km: Option<f64>,
    km_source: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    coord_source: Option<String>,
}

impl LineTable {
    /// Parses and validates one table. `file` names it in error messages.
    pub fn parse(file: &str, text: &str) -> Result<LineTable> {
        let raw: RawLine = toml::from_str(text).map_err(|source| Error::TableSyntax {
            file: file.to_string(),
            source,
        })?;
        let line = raw.name.clone();
        let mut stations = Vec::with_capacity(raw.stations.len());
        let mut last: Option<(String, f64)> = None;
        for s in raw.stations {
            let bad = |source| Error::BadCoordinate {
                line: line.clone(),
                station: s.name.clone(),
                source,
            };
            let at = match (s.lat, s.lon) {
                (Some(lat), Some(lon)) => Some(LatLon::new(lat, lon).map_err(bad)?),
                (None, None) => None,
                (lat, lon) => {
                    return Err(bad(crate::coord::Error::Unreadable {
                        text: format!("lat {lat:?}, lon {lon:?}: give both or neither"),
                    }));
                }
            };
            if s.km.is_none() && at.is_none() {
                return Err(Error::EmptyRow {
                    line,
                    station: s.name,
                });
            }
            let missing = |what| Error::MissingSource {
                line: line.clone(),
                station: s.name.clone(),
                what,
            };
            if s.km.is_some() && s.km_source.as_deref().is_none_or(|t| t.trim().is_empty()) {
                return Err(missing("km"));
            }
            if at.is_some()
                && s.coord_source
                    .as_deref()
                    .is_none_or(|t| t.trim().is_empty())
            {
                return Err(missing("coord"));
            }
            if let Some(km) = s.km {
                let out_of_order = |prev: &(String, f64)| Error::KmOutOfOrder {
                    line: line.clone(),
                    station: s.name.clone(),
                    km: Length::km(km),
                    previous: prev.0.clone(),
                    previous_km: Length::km(prev.1),
                };
                if !km.is_finite() {
                    let prev = last.clone().unwrap_or_default();
                    return Err(out_of_order(&prev));
                }
                if let Some(prev) = &last
                    && km <= prev.1
                {
                    return Err(out_of_order(prev));
                }
                last = Some((s.name.clone(), km));
            }
            stations.push(TableStation {
                name: s.name,
                aliases: s.aliases,
                km: s.km.map(Length::km),
                km_source: s.km_source,
                at,
                coord_source: s.coord_source,
            });
        }
        if stations.iter().filter(|s| s.km.is_some()).count() < 2 {
            return Err(Error::TooFewKmPosts { line });
        }
        let published_lengths = raw
            .published_lengths
            .into_iter()
            .map(|p| PublishedLength {
                length: Length::km(p.km),
                between: p.between,
                source: p.source,
                used: p.used,
                note: p.note,
            })
            .collect();
        Ok(LineTable {
            id: raw.id,
            name: raw.name,
            country: raw.country,
            gauge_mm: raw.gauge_mm,
            chainage_origin: raw.chainage_origin,
            published_lengths,
            stations,
        })
    }

    /// Chainage between two stations of this line, by exact name: |km(b) − km(a)|.
    pub fn chainage_between(&self, a: &str, b: &str) -> Option<Length> {
        let km = |n: &str| {
            self.stations
                .iter()
                .find(|s| s.name == n)
                .and_then(|s| s.km)
        };
        let (ka, kb) = (km(a)?, km(b)?);
        Some(Length::m((kb.as_m() - ka.as_m()).abs()))
    }
}

/// Parses the line tables compiled into the crate (`data/rail/*.toml`).
pub fn bundled_tables() -> Result<Vec<LineTable>> {
    BUNDLED
        .iter()
        .map(|(file, text)| LineTable::parse(file, text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"
id = "mini"
name = "Mini Line"
gauge_mm = [1435]
[[station]]
name = "A"
km = 0.0
km_source = "test"
[[station]]
name = "B"
km = 10.0
km_source = "test"
lat = 1.0
lon = 2.0
coord_source = "test"
"#;

    #[test]
    fn bundled_tables_load_and_every_row_is_sourced() {
        let tables = bundled_tables().unwrap();
        assert_eq!(tables.len(), 6);
        for t in &tables {
            for s in &t.stations {
                assert!(
                    s.km.is_none() || s.km_source.is_some(),
                    "{}: {}",
                    t.name,
                    s.name
                );
                assert!(
                    s.at.is_none() || s.coord_source.is_some(),
                    "{}: {}",
                    t.name,
                    s.name
                );
            }
        }
    }

    #[test]
    fn khasan_baranovsky_matches_its_published_length() {
        let tables = bundled_tables().unwrap();
        let line = tables.iter().find(|t| t.id == "baranovsky_khasan").unwrap();
        let published = line.published_lengths.iter().find(|p| p.used).unwrap();
        assert_eq!(
            line.chainage_between("Baranovsky", "Khasan"),
            Some(published.length)
        );
        assert_eq!(published.length, Length::km(238.0));
    }

    #[test]
    fn parses_a_small_table() {
        let t = LineTable::parse("mini.toml", MINI).unwrap();
        assert_eq!(t.stations.len(), 2);
        assert_eq!(t.chainage_between("A", "B"), Some(Length::km(10.0)));
        assert_eq!(t.stations[1].at, Some(LatLon { lat: 1.0, lon: 2.0 }));
    }

    #[test]
    fn refuses_km_posts_out_of_order() {
        let text = MINI.replace("km = 10.0", "km = -3.0");
        let e = LineTable::parse("mini.toml", &text).unwrap_err();
        assert!(
            matches!(e, Error::KmOutOfOrder { ref station, .. } if station == "B"),
            "{e}"
        );
        assert!(
            e.to_string().contains("km -3.0 follows \"A\" at km 0.0"),
            "{e}"
        );
    }

    #[test]
    fn refuses_unsourced_rows_bad_coordinates_and_syntax() {
        let e = LineTable::parse("m", &MINI.replace("coord_source = \"test\"", "")).unwrap_err();
        assert!(
            matches!(e, Error::MissingSource { what: "coord", .. }),
            "{e}"
        );
        let e = LineTable::parse("m", &MINI.replace("lat = 1.0", "lat = 95.0")).unwrap_err();
        assert!(matches!(e, Error::BadCoordinate { .. }), "{e}");
        let e = LineTable::parse("m", &MINI.replace("lat = 1.0", "")).unwrap_err();
        assert!(matches!(e, Error::BadCoordinate { .. }), "{e}");
        let e = LineTable::parse("m", "id = ").unwrap_err();
        assert!(matches!(e, Error::TableSyntax { .. }), "{e}");
        let one = MINI.replace("km = 10.0\nkm_source = \"test\"\n", "");
        assert!(matches!(
            LineTable::parse("m", &one).unwrap_err(),
            Error::TooFewKmPosts { .. }
        ));
    }
}
