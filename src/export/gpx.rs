//! GPX 1.1: waypoints (`wpt`) for stops and crossings, the stops in order as a route (`rte`),
//! and each leg's geometry as a track (`trk`), in the order the schema requires.

use std::fmt::Write;

use super::{ExportRoute, km1, round, xml_esc};
use crate::coord::LatLon;

fn latlon(p: LatLon) -> String {
    format!(r#"lat="{}" lon="{}""#, round(p.lat, 6), round(p.lon, 6))
}

/// The route as a GPX 1.1 document.
pub fn gpx(route: &ExportRoute) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<gpx version=\"1.1\" creator=\"routecheck\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
    let _ = writeln!(
        s,
        "  <metadata><name>{}</name></metadata>",
        xml_esc(&route.name)
    );
    for w in &route.waypoints {
        let _ = writeln!(
            s,
            "  <wpt {}><name>{}</name><desc>km {}{} from start</desc><type>{}</type></wpt>",
            latlon(w.at),
            xml_esc(&w.name),
            if w.km_at_least { "≥ " } else { "" },
            km1(w.km_from_start),
            xml_esc(&w.kind)
        );
    }
    for c in &route.crossings {
        let _ = writeln!(
            s,
            "  <wpt {}><name>{}</name><desc>{} crossing, km {} from start</desc><type>{} crossing</type></wpt>",
            latlon(c.at),
            xml_esc(&c.name),
            xml_esc(&c.kind),
            km1(c.km_from_start),
            xml_esc(&c.kind)
        );
    }
    if !route.waypoints.is_empty() {
        let _ = writeln!(s, "  <rte><name>{}</name>", xml_esc(&route.name));
        for w in &route.waypoints {
            let _ = writeln!(
                s,
                "    <rtept {}><name>{}</name></rtept>",
                latlon(w.at),
                xml_esc(&w.name)
            );
        }
        s.push_str("  </rte>\n");
    }
    for (i, leg) in route.legs.iter().enumerate() {
        let schematic = if leg.schematic { ", schematic" } else { "" };
        let _ = writeln!(
            s,
            "  <trk><name>Leg {} ({}, {} km{schematic})</name><type>{}</type><trkseg>",
            i + 1,
            leg.mode.as_str(),
            km1(leg.length),
            leg.mode.as_str()
        );
        for p in &leg.points {
            let _ = writeln!(s, "    <trkpt {}/>", latlon(*p));
        }
        s.push_str("  </trkseg></trk>\n");
    }
    s.push_str("</gpx>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::geojson::tests::sample;
    use resvg::usvg::roxmltree;

    #[test]
    fn well_formed_and_readable_back() {
        let s = gpx(&sample());
        let doc = roxmltree::Document::parse(&s).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "gpx");
        assert_eq!(root.attribute("version"), Some("1.1"));
        assert!(s.contains("Test &lt;route&gt; &amp; co"));
        // Schema order: metadata, wpt*, rte*, trk*.
        let names: Vec<&str> = root
            .children()
            .filter(|n| n.is_element())
            .map(|n| n.tag_name().name())
            .collect();
        assert_eq!(names, ["metadata", "wpt", "wpt", "rte", "trk", "trk"]);
        // Our own track reader reads the legs back.
        let lines = crate::render::track::read(&s).unwrap();
        assert_eq!(lines.len(), 2, "the two legs (tracks win over the route)");
        assert_eq!(s, gpx(&sample()));
    }

    #[test]
    fn a_lower_bound_km_reads_as_one() {
        let mut r = sample();
        assert!(gpx(&r).contains("<desc>km 0.0 from start</desc>"));
        r.waypoints[0].km_at_least = true;
        r.waypoints[0].km_from_start = crate::units::Length::km(393.0);
        assert!(
            gpx(&r).contains("<desc>km ≥ 393.0 from start</desc>"),
            "{}",
            gpx(&r)
        );
    }
}
