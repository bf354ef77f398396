//! Overpass API JSON (`[out:json]`): an `elements` array of nodes (`id`, `lat`, `lon`, `tags`)
//! and ways (`id`, `nodes`, `tags`, and with `out geom` a `geometry` array of `{lat, lon}`,
//! `null` where a node lies outside the query's area).

use std::collections::HashMap;

use serde::Deserialize;

use super::{OsmRail, OsmWay, is_kept_railway, post, station, way_tags};
use crate::coord::LatLon;
use crate::network::{Error, Result};

const FORMAT: &str = "Overpass JSON";

#[derive(Deserialize)]
struct Doc {
    elements: Vec<Element>,
}

#[derive(Deserialize)]
struct Element {
    #[serde(rename = "type")]
    kind: String,
    id: i64,
    lat: Option<f64>,
    lon: Option<f64>,
    #[serde(default)]
    tags: HashMap<String, String>,
    #[serde(default)]
    nodes: Vec<i64>,
    #[serde(default)]
    geometry: Vec<Option<Point>>,
}

#[derive(Deserialize, Clone, Copy)]
struct Point {
    lat: f64,
    lon: f64,
}

/// True if the JSON text looks like an Overpass answer rather than GeoJSON.
pub(crate) fn looks_like(text: &str) -> bool {
    text.trim_start().starts_with('{') && text.contains("\"elements\"")
}

fn position(kind: &str, id: i64, lat: f64, lon: f64) -> Result<LatLon> {
    LatLon::new(lat, lon).map_err(|_| Error::OsmAttribute {
        format: FORMAT,
        element: format!("{kind} {id}"),
        attribute: "position",
        value: Some(format!("{lat}, {lon}")),
        fix: "latitude must lie within ±90 and longitude within ±180",
    })
}

/// Reads the railways of an Overpass JSON answer.
pub(crate) fn read(text: &str) -> Result<OsmRail> {
    let doc: Doc = serde_json::from_str(text)?;
    let mut rail = OsmRail::default();
    let mut all: HashMap<i64, LatLon> = HashMap::new();
    let tags_of = |e: &Element| -> Vec<(String, String)> {
        let mut t: Vec<(String, String)> =
            e.tags.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        t.sort();
        t
    };
    for e in &doc.elements {
        let tags = tags_of(e);
        let tag_iter = || tags.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        match e.kind.as_str() {
            "node" => {
                let (Some(lat), Some(lon)) = (e.lat, e.lon) else {
                    return Err(Error::OsmAttribute {
                        format: FORMAT,
                        element: format!("node {}", e.id),
                        attribute: "lat and lon",
                        value: None,
                        fix: "ask Overpass for the nodes with `out body;` or `out geom;`",
                    });
                };
                let at = position("node", e.id, lat, lon)?;
                all.insert(e.id, at);
                rail.stations.extend(station(e.id, at, tag_iter()));
                rail.posts.extend(post(e.id, tag_iter()));
            }
            "way" if is_kept_railway(tag_iter()) => {
                if !e.geometry.is_empty() && e.geometry.len() == e.nodes.len() {
                    for (&id, p) in e.nodes.iter().zip(&e.geometry) {
                        if let Some(p) = p {
                            all.insert(id, position("way node", id, p.lat, p.lon)?);
                        }
                    }
                }
                rail.ways.push(OsmWay {
                    id: e.id,
                    tags: way_tags(tag_iter()),
                    nodes: e.nodes.clone(),
                });
            }
            _ => {}
        }
    }
    rail.keep_positions_of_ways(all);
    Ok(rail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nodes_and_inline_geometry() {
        let text = r#"{"version":0.6,"elements":[
          {"type":"node","id":2,"lat":60.0,"lon":24.01,"tags":{"railway":"halt","name":"Kaksi"}},
          {"type":"way","id":10,"nodes":[1,2,3],"tags":{"railway":"narrow_gauge","gauge":"750"},
           "geometry":[{"lat":60.0,"lon":24.0},null,{"lat":60.0,"lon":24.02}]},
          {"type":"way","id":11,"nodes":[1,3],"tags":{"railway":"platform"}}]}"#;
        assert!(looks_like(text));
        let r = read(text).unwrap();
        assert_eq!(r.ways.len(), 1);
        assert_eq!(r.ways[0].tags.gauge.as_deref(), Some("750"));
        assert_eq!(r.positions.len(), 3);
        assert_eq!(r.stations[0].name, "Kaksi");
    }

    #[test]
    fn a_node_without_position_is_named() {
        let e = read(r#"{"elements":[{"type":"node","id":5}]}"#).unwrap_err();
        assert!(e.to_string().contains("node 5 has no lat and lon"), "{e}");
        assert!(!looks_like(r#"{"type":"FeatureCollection","features":[]}"#));
    }
}
