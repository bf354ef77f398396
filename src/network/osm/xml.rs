//! OSM XML (`.osm`, as the editors and the Overpass API's `out` write it): `<node id lat lon>`
//! with `<tag k v>` children, `<way id>` with `<nd ref>` and `<tag>` children.

use std::collections::HashMap;

use super::{OsmRail, OsmWay, is_kept_railway, station, way_tags};
use crate::coord::LatLon;
use crate::network::{Error, Result};

const FORMAT: &str = "OSM XML";

/// Reads the railways of an OSM XML document.
pub(crate) fn read(text: &str) -> Result<OsmRail> {
    let doc = roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )?;
    let mut rail = OsmRail::default();
    let mut all: HashMap<i64, LatLon> = HashMap::new();
    for el in doc.root_element().children().filter(|n| n.is_element()) {
        let tags: Vec<(&str, &str)> = el
            .children()
            .filter(|c| c.has_tag_name("tag"))
            .filter_map(|c| Some((c.attribute("k")?, c.attribute("v")?)))
            .collect();
        match el.tag_name().name() {
            "node" => {
                let id = id(&el, "node")?;
                let element = || format!("node {id} (line {})", line(&el));
                let lat = number(&el, "lat", &element)?;
                let lon = number(&el, "lon", &element)?;
                let at = LatLon::new(lat, lon).map_err(|_| Error::OsmAttribute {
                    format: FORMAT,
                    element: element(),
                    attribute: "position",
                    value: Some(format!("{lat}, {lon}")),
                    fix: "latitude must lie within ±90 and longitude within ±180",
                })?;
                all.insert(id, at);
                rail.stations.extend(station(id, at, tags.iter().copied()));
            }
            "way" if is_kept_railway(tags.iter().copied()) => {
                let id = id(&el, "way")?;
                let mut nodes = Vec::new();
                for nd in el.children().filter(|c| c.has_tag_name("nd")) {
                    let r = nd.attribute("ref");
                    nodes.push(r.and_then(|r| r.parse().ok()).ok_or_else(|| {
                        Error::OsmAttribute {
                            format: FORMAT,
                            element: format!("way {id}'s <nd> (line {})", line(&nd)),
                            attribute: "ref",
                            value: r.map(str::to_string),
                            fix: "give each <nd> the id of a node: <nd ref=\"123\"/>",
                        }
                    })?);
                }
                rail.ways.push(OsmWay {
                    id,
                    tags: way_tags(tags.iter().copied()),
                    nodes,
                });
            }
            _ => {}
        }
    }
    rail.keep_positions_of_ways(all);
    Ok(rail)
}

fn line(n: &roxmltree::Node) -> u32 {
    n.document().text_pos_at(n.range().start).row
}

fn id(el: &roxmltree::Node, kind: &str) -> Result<i64> {
    let v = el.attribute("id");
    v.and_then(|v| v.parse().ok())
        .ok_or_else(|| Error::OsmAttribute {
            format: FORMAT,
            element: format!("a <{kind}> on line {}", line(el)),
            attribute: "id",
            value: v.map(str::to_string),
            fix: "give each element its OpenStreetMap id, a whole number",
        })
}

fn number(
    el: &roxmltree::Node,
    attribute: &'static str,
    element: &dyn Fn() -> String,
) -> Result<f64> {
    let v = el.attribute(attribute);
    v.and_then(|v| v.parse().ok())
        .ok_or_else(|| Error::OsmAttribute {
            format: FORMAT,
            element: element(),
            attribute,
            value: v.map(str::to_string),
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
        assert!(matches!(read("<osm><node"), Err(Error::OsmXml(_))));
    }
}
