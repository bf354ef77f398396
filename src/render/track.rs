//! Reading a recorded track (GeoJSON LineString/MultiLineString, or GPX `trk`/`rte`) into
//! polylines of places, to draw as a leg.

use geojson::{GeoJson, Geometry, GeometryValue as Value, Position};
use resvg::usvg::roxmltree;

use crate::coord::LatLon;

/// Why a track file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not a track: expected GeoJSON (starting with '{{') or GPX (starting with '<')")]
    /// The text is neither GeoJSON nor GPX.
    Unrecognised,
    #[error("GeoJSON is malformed: {reason}")]
    /// The text starts like GeoJSON but is not valid GeoJSON.
    GeoJson {
        /// The GeoJSON parser's explanation.
        reason: String,
    },
    #[error("GPX is malformed: {reason}")]
    /// The text starts like GPX but is not well-formed XML.
    Gpx {
        /// The XML parser's explanation.
        reason: String,
    },
    #[error("point {index} of line {line} is not a valid position: {reason}")]
    /// A point is not a valid position.
    BadPoint {
        /// 0-based index of the line in the file.
        line: usize,
        /// 0-based index of the point in its line.
        index: usize,
        /// What is wrong with it.
        reason: String,
    },
    #[error(
        "the file holds no line with two or more points (GeoJSON LineString/MultiLineString or GPX trkpt/rtept)"
    )]
    /// No line in the file has two points or more.
    NoLines,
}

/// Reads a track from the text of a GeoJSON or GPX file: every line with at least two points,
/// in file order. GeoJSON positions are [lon, lat]; GPX points carry `lat` and `lon` attributes.
/// From GPX, track segments (`trkseg`) are read; route points (`rte`) only when there is no track.
pub fn read(text: &str) -> Result<Vec<Vec<LatLon>>, Error> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let lines = if t.starts_with('{') {
        read_geojson(t)?
    } else if t.starts_with('<') {
        read_gpx(t)?
    } else {
        return Err(Error::Unrecognised);
    };
    let lines: Vec<Vec<LatLon>> = lines.into_iter().filter(|l| l.len() >= 2).collect();
    if lines.is_empty() {
        Err(Error::NoLines)
    } else {
        Ok(lines)
    }
}

fn point(line: usize, index: usize, lat: f64, lon: f64) -> Result<LatLon, Error> {
    LatLon::new(lat, lon).map_err(|e| Error::BadPoint {
        line,
        index,
        reason: e.to_string(),
    })
}

fn positions(line: usize, pos: &[Position]) -> Result<Vec<LatLon>, Error> {
    pos.iter()
        .enumerate()
        .map(|(i, p)| match p.as_slice() {
            [lon, lat, ..] => point(line, i, *lat, *lon),
            _ => Err(Error::BadPoint {
                line,
                index: i,
                reason: "a position needs [lon, lat]".into(),
            }),
        })
        .collect()
}

fn geometry_lines(g: &Geometry, out: &mut Vec<Vec<LatLon>>) -> Result<(), Error> {
    match &g.value {
        Value::LineString { coordinates: ls } => out.push(positions(out.len(), ls)?),
        Value::MultiLineString { coordinates: mls } => {
            for ls in mls {
                out.push(positions(out.len(), ls)?);
            }
        }
        Value::GeometryCollection { geometries: gs } => {
            for g in gs {
                geometry_lines(g, out)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn read_geojson(t: &str) -> Result<Vec<Vec<LatLon>>, Error> {
    let gj: GeoJson = t.parse().map_err(|e: geojson::Error| Error::GeoJson {
        reason: e.to_string(),
    })?;
    let mut out = Vec::new();
    match &gj {
        GeoJson::Geometry(g) => geometry_lines(g, &mut out)?,
        GeoJson::Feature(f) => {
            if let Some(g) = &f.geometry {
                geometry_lines(g, &mut out)?;
            }
        }
        GeoJson::FeatureCollection(fc) => {
            for f in &fc.features {
                if let Some(g) = &f.geometry {
                    geometry_lines(g, &mut out)?;
                }
            }
        }
    }
    Ok(out)
}

fn read_gpx(t: &str) -> Result<Vec<Vec<LatLon>>, Error> {
    let opt = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: u32::MAX,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(t, opt).map_err(|e| Error::Gpx {
        reason: e.to_string(),
    })?;
    if doc.root_element().tag_name().name() != "gpx" {
        return Err(Error::Gpx {
            reason: format!(
                "root element is <{}>, not <gpx>",
                doc.root_element().tag_name().name()
            ),
        });
    }
    let mut out = Vec::new();
    // Recorded tracks (trkseg) are what was travelled; a planned route (rte) only when no track.
    let has_track = doc.descendants().any(|n| n.tag_name().name() == "trkseg");
    let container = if has_track { "trkseg" } else { "rte" };
    for seg in doc
        .descendants()
        .filter(|n| n.tag_name().name() == container)
    {
        let line = out.len();
        let mut pts = Vec::new();
        for (i, p) in seg
            .children()
            .filter(|n| matches!(n.tag_name().name(), "trkpt" | "rtept"))
            .enumerate()
        {
            let num = |a: &str| -> Result<f64, Error> {
                p.attribute(a)
                    .ok_or_else(|| Error::BadPoint {
                        line,
                        index: i,
                        reason: format!("missing {a} attribute"),
                    })?
                    .trim()
                    .parse()
                    .map_err(|_| Error::BadPoint {
                        line,
                        index: i,
                        reason: format!("{a} is not a number"),
                    })
            };
            pts.push(point(line, i, num("lat")?, num("lon")?)?);
        }
        out.push(pts);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_geojson_lines() {
        let t = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[130.6,42.4],[130.7,42.5]],[[131.0,43.0],[131.9,43.1]]]}}]}"#;
        let lines = read(t).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0][0],
            LatLon {
                lat: 42.4,
                lon: 130.6
            }
        );
    }

    #[test]
    fn reads_gpx_tracks() {
        let t = r#"<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="42.4" lon="130.6"/><trkpt lat="42.5" lon="130.7"><ele>3</ele></trkpt></trkseg></trk></gpx>"#;
        assert_eq!(
            read(t).unwrap()[0][1],
            LatLon {
                lat: 42.5,
                lon: 130.7
            }
        );
    }

    #[test]
    fn clear_errors() {
        assert!(matches!(read("hello"), Err(Error::Unrecognised)));
        assert!(matches!(read("{\"type\":"), Err(Error::GeoJson { .. })));
        assert!(matches!(
            read(r#"{"type":"Point","coordinates":[1,2]}"#),
            Err(Error::NoLines)
        ));
        let bad = r#"{"type":"LineString","coordinates":[[1,2],[200,2]]}"#;
        match read(bad) {
            Err(Error::BadPoint { index, .. }) => assert_eq!(index, 1),
            other => panic!("{other:?}"),
        }
        let gpx = r#"<gpx><trk><trkseg><trkpt lat="x" lon="1"/></trkseg></trk></gpx>"#;
        assert!(matches!(read(gpx), Err(Error::BadPoint { .. })));
        assert!(matches!(read("<kml/>"), Err(Error::Gpx { .. })));
    }
}
