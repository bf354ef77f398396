//! OSM XML (`.osm`, as the editors and the Overpass API's `out` write it): `<node id lat lon>`
//! with `<tag k v>` children, `<way id>` with `<nd ref>` and `<tag>` children.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::{OsmRail, OsmWay, is_kept_railway, post, station, way_tags};
use crate::coord::LatLon;
use crate::network::{Error, Result};

const FORMAT: &str = "OSM XML";

/// The element being read: its attributes are known, its `<tag>` and `<nd>` children are
/// collected until it ends.
enum Open {
    Node { id: i64, at: LatLon },
    Way { id: i64, nodes: Vec<i64> },
}

/// Reads the railways of an OSM XML document, streaming: one element at a time, so memory
/// holds the positions and railway ways, not a tree of the whole document.
pub(crate) fn read(text: &str) -> Result<OsmRail> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    // Line numbers for messages, counted on from the last position asked for: the reader only
    // moves forward, so the whole document is counted once (counting from its start at every
    // element made a 75 MB file take minutes).
    let mut counted = (0usize, 1usize);
    let mut line_at = |pos: u64| {
        let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(text.len());
        let (from, line) = if pos >= counted.0 { counted } else { (0, 1) };
        let more = text.as_bytes()[from..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = (pos, line + more);
        line + more
    };
    let mut rail = OsmRail::default();
    let mut all: HashMap<i64, LatLon> = HashMap::new();
    let mut open: Option<Open> = None;
    let mut tags: Vec<(String, String)> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| Error::OsmXml {
            line: line_at(reader.error_position()),
            reason: e.to_string(),
        })?;
        let line = line_at(reader.buffer_position());
        let (el, empty) = match &event {
            Event::Start(el) => (el, false),
            Event::Empty(el) => (el, true),
            Event::End(end) => {
                if matches!(end.name().as_ref(), b"node" | b"way") {
                    close(&mut rail, &mut all, open.take(), &mut tags);
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        match el.name().as_ref() {
            b"node" => {
                let id = id(el, "node", line)?;
                let element = || format!("node {id} (line {line})");
                let lat = number(el, "lat", &element)?;
                let lon = number(el, "lon", &element)?;
                let at = LatLon::new(lat, lon).map_err(|_| Error::OsmAttribute {
                    format: FORMAT,
                    element: element(),
                    attribute: "position",
                    value: Some(format!("{lat}, {lon}")),
                    fix: "latitude must lie within ±90 and longitude within ±180",
                })?;
                open = Some(Open::Node { id, at });
                tags.clear();
            }
            b"way" => {
                open = Some(Open::Way {
                    id: id(el, "way", line)?,
                    nodes: Vec::new(),
                });
                tags.clear();
            }
            b"tag" if open.is_some() => {
                if let (Some(k), Some(v)) = (attribute(el, "k"), attribute(el, "v")) {
                    tags.push((k, v));
                }
            }
            b"nd" => {
                if let Some(Open::Way { id, nodes }) = &mut open {
                    let r = attribute(el, "ref");
                    nodes.push(r.as_deref().and_then(|r| r.parse().ok()).ok_or_else(|| {
                        Error::OsmAttribute {
                            format: FORMAT,
                            element: format!("way {id}'s <nd> (line {line})"),
                            attribute: "ref",
                            value: r.clone(),
                            fix: "give each <nd> the id of a node: <nd ref=\"123\"/>",
                        }
                    })?);
                }
            }
            _ => {}
        }
        if empty && matches!(el.name().as_ref(), b"node" | b"way") {
            close(&mut rail, &mut all, open.take(), &mut tags);
        }
    }
    rail.keep_positions_of_ways(all);
    Ok(rail)
}

/// Files a finished node (its position, and the station it may be) or way (if it is a
/// railway routed on).
fn close(
    rail: &mut OsmRail,
    all: &mut HashMap<i64, LatLon>,
    open: Option<Open>,
    tags: &mut Vec<(String, String)>,
) {
    let pairs = || tags.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    match open {
        Some(Open::Node { id, at }) => {
            all.insert(id, at);
            rail.stations.extend(station(id, at, pairs()));
            rail.posts.extend(post(id, pairs()));
        }
        Some(Open::Way { id, nodes }) if is_kept_railway(pairs()) => {
            rail.ways.push(OsmWay {
                id,
                tags: way_tags(pairs()),
                nodes,
            });
        }
        _ => {}
    }
    tags.clear();
}

/// An attribute's value, unescaped; `None` when absent or not decodable.
fn attribute(el: &BytesStart, name: &str) -> Option<String> {
    let a = el.try_get_attribute(name).ok()??;
    a.unescape_value().ok().map(|v| v.into_owned())
}

fn id(el: &BytesStart, kind: &str, line: usize) -> Result<i64> {
    let v = attribute(el, "id");
    v.as_deref()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| Error::OsmAttribute {
            format: FORMAT,
            element: format!("a <{kind}> on line {line}"),
            attribute: "id",
            value: v.clone(),
            fix: "give each element its OpenStreetMap id, a whole number",
        })
}

fn number(el: &BytesStart, attribute: &'static str, element: &dyn Fn() -> String) -> Result<f64> {
    let v = self::attribute(el, attribute);
    v.as_deref()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| Error::OsmAttribute {
            format: FORMAT,
            element: element(),
            attribute,
            value: v.clone(),
            fix: "give the node's lat and lon in decimal degrees",
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
  <node id="1" lat="60.0" lon="24.0"/>
  <node id="2" lat="60.0" lon="24.01">
    <tag k="railway" v="station"/><tag k="name" v="Kaksi"/><tag k="name:sv" v="Två"/>
  </node>
  <node id="3" lat="60.0" lon="24.02"/>
  <node id="9" lat="61.0" lon="25.0"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/>
    <tag k="railway" v="rail"/><tag k="name" v="Rata"/><tag k="usage" v="main"/></way>
  <way id="11"><nd ref="1"/><nd ref="9"/><tag k="railway" v="abandoned"/></way>
</osm>"#;

    #[test]
    fn reads_ways_nodes_and_stations() {
        let r = read(SAMPLE).unwrap();
        assert_eq!(r.ways.len(), 1);
        assert_eq!(r.ways[0].nodes, [1, 2, 3, 4]);
        assert_eq!(r.ways[0].tags.usage.as_deref(), Some("main"));
        // Node 4 is missing (clipped), node 9 belongs to no kept way.
        let mut ids: Vec<i64> = r.positions.keys().copied().collect();
        ids.sort();
        assert_eq!(ids, [1, 2, 3]);
        assert_eq!(r.stations.len(), 1);
        assert_eq!(r.stations[0].other_names, ["Två"]);
    }

    #[test]
    fn bad_input_names_the_element_and_line() {
        let e = read("<osm>\n<node id=\"5\" lat=\"north\" lon=\"24\"/></osm>").unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("node 5 (line 2)") && msg.contains("\"north\""),
            "{msg}"
        );
        let e = read("<osm><way id=\"7\"><nd/><tag k=\"railway\" v=\"rail\"/></way></osm>")
            .unwrap_err();
        assert!(e.to_string().contains("way 7's <nd>"), "{e}");
        assert!(matches!(read("<osm><node"), Err(Error::OsmXml { .. })));
        // Lines are counted on from element to element: a bad element deep in the file, and
        // a syntax error after it, still name their own lines.
        let mut doc = String::from("<osm>\n");
        for i in 1..=500 {
            doc.push_str(&format!("<node id=\"{i}\" lat=\"60\" lon=\"24\"/>\n"));
        }
        let bad = format!("{doc}<node id=\"501\" lat=\"x\" lon=\"24\"/>\n</osm>");
        let e = read(&bad).unwrap_err().to_string();
        assert!(e.contains("node 501 (line 502)"), "{e}");
        let broken = format!("{doc}<way id=\"7\"></node></osm>");
        match read(&broken) {
            Err(Error::OsmXml { line, .. }) => assert_eq!(line, 502),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn km_posts_on_the_track_are_passed_in_travel_order() {
        use crate::network::{RailFormat, RailNetwork, Waypoint};
        let text = r#"<osm version="0.6">
  <node id="1" lat="60.0" lon="24.0"/>
  <node id="2" lat="60.0" lon="24.01"><tag k="railway" v="milestone"/><tag k="railway:position" v="10.0"/></node>
  <node id="3" lat="60.0" lon="24.02"><tag k="railway" v="signal"/><tag k="railway:position" v="10.5"/><tag k="railway:position:exact" v="10.556"/></node>
  <node id="4" lat="60.0" lon="24.03"/>
  <node id="9" lat="61.0" lon="25.0"><tag k="railway" v="milestone"/><tag k="railway:position" v="99"/></node>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><tag k="railway" v="rail"/></way>
</osm>"#;
        let net = RailNetwork::from_text(text, RailFormat::OsmXml).unwrap();
        // The post off the track (node 9) is not kept.
        assert_eq!(net.posts.len(), 2);
        let at = |lon: f64| Waypoint::at("", LatLon { lat: 60.0, lon });
        for n in [
            net.clone(),
            RailNetwork::from_compiled(&net.to_compiled()).unwrap(),
        ] {
            let east = n.route(&[at(24.0), at(24.03)]).unwrap();
            let p = &east.legs[0].posts;
            assert_eq!(
                p.iter().map(|p| p.km_post).collect::<Vec<_>>(),
                [10.0, 10.556]
            );
            assert_eq!(p.iter().map(|p| p.osm_node).collect::<Vec<_>>(), [2, 3]);
            // 0.01° of longitude at 60° N is 558 m on the ellipsoid.
            assert!(
                (p[0].from_leg_start.as_m() - 558.0).abs() < 2.0,
                "{:?}",
                p[0]
            );
            assert!(
                (p[1].from_leg_start.as_m() - 1116.0).abs() < 4.0,
                "{:?}",
                p[1]
            );
            // Travelled the other way, the posts come in the other order.
            let west = n.route(&[at(24.03), at(24.0)]).unwrap();
            let back: Vec<f64> = west.legs[0].posts.iter().map(|p| p.km_post).collect();
            assert_eq!(back, [10.556, 10.0]);
        }
    }
}
