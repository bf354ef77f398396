//! KML 2.2 for Google Earth: one style per mode, a folder of legs (tessellated LineStrings with
//! their km range as ExtendedData) and a folder of places (stops and crossings).

use std::fmt::Write;

use super::{ExportRoute, LegMode, km1, round, xml_esc};
use crate::coord::LatLon;

fn coords(pts: &[LatLon]) -> String {
    pts.iter()
        .map(|p| format!("{},{}", round(p.lon, 6), round(p.lat, 6)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// KML colours are aabbggrr.
fn style(mode: LegMode) -> (&'static str, &'static str) {
    match mode {
        LegMode::Rail => ("rail", "ff2a20b3"),
        LegMode::Air => ("air", "ffa85f1f"),
        LegMode::Road => ("road", "ff006ac5"),
        LegMode::Direct => ("direct", "ff444444"),
    }
}

/// The route as a KML 2.2 document.
pub fn kml(route: &ExportRoute) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n",
    );
    let _ = writeln!(s, "  <name>{}</name>", xml_esc(&route.name));
    for mode in [LegMode::Rail, LegMode::Air, LegMode::Road, LegMode::Direct] {
        let (id, colour) = style(mode);
        let _ = writeln!(
            s,
            "  <Style id=\"{id}\"><LineStyle><color>{colour}</color><width>4</width></LineStyle></Style>"
        );
    }
    s.push_str("  <Folder><name>Legs</name>\n");
    for (i, leg) in route.legs.iter().enumerate() {
        let (id, _) = style(leg.mode);
        let _ = writeln!(
            s,
            "    <Placemark><name>Leg {} ({}, {} km)</name><styleUrl>#{id}</styleUrl>",
            i + 1,
            leg.mode.as_str(),
            km1(leg.length)
        );
        let _ = writeln!(
            s,
            "      <ExtendedData><Data name=\"km_from\"><value>{}</value></Data><Data name=\"km_to\"><value>{}</value></Data><Data name=\"schematic\"><value>{}</value></Data></ExtendedData>",
            km1(leg.km_from),
            km1(leg.km_to),
            leg.schematic
        );
        if let Some(t) = &leg.time_range {
            let _ = writeln!(
                s,
                "      <TimeSpan><begin>{}</begin><end>{}</end></TimeSpan>",
                xml_esc(&t.start),
                xml_esc(&t.end)
            );
        }
        let _ = writeln!(
            s,
            "      <LineString><tessellate>1</tessellate><coordinates>{}</coordinates></LineString></Placemark>",
            coords(&leg.points)
        );
    }
    s.push_str("  </Folder>\n  <Folder><name>Places</name>\n");
    for w in &route.waypoints {
        let _ = writeln!(
            s,
            "    <Placemark><name>{}</name><description>{}, km {}{} from start</description><Point><coordinates>{}</coordinates></Point></Placemark>",
            xml_esc(&w.name),
            xml_esc(&w.kind),
            if w.km_at_least { "≥ " } else { "" },
            km1(w.km_from_start),
            coords(&[w.at])
        );
    }
    for c in &route.crossings {
        let _ = writeln!(
            s,
            "    <Placemark><name>{}</name><description>{} crossing, km {} from start</description><Point><coordinates>{}</coordinates></Point></Placemark>",
            xml_esc(&c.name),
            xml_esc(&c.kind),
            km1(c.km_from_start),
            coords(&[c.at])
        );
    }
    s.push_str("  </Folder>\n</Document>\n</kml>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::geojson::tests::sample;
    use resvg::usvg::roxmltree;

    #[test]
    fn well_formed_kml() {
        let s = kml(&sample());
        let doc = roxmltree::Document::parse(&s).unwrap();
        assert_eq!(
            doc.root_element().tag_name().namespace(),
            Some("http://www.opengis.net/kml/2.2")
        );
        let placemarks = doc
            .descendants()
            .filter(|n| n.has_tag_name("Placemark"))
            .count();
        assert_eq!(placemarks, 4);
        assert!(s.contains("<coordinates>125.75432,39.03385 130.65156,42.42387</coordinates>"));
        assert_eq!(s, kml(&sample()));
    }

    #[test]
    fn a_lower_bound_km_reads_as_one() {
        let mut r = crate::export::geojson::tests::sample();
        r.waypoints[0].km_at_least = true;
        r.waypoints[0].km_from_start = crate::units::Length::km(393.0);
        assert!(kml(&r).contains(", km ≥ 393.0 from start"), "{}", kml(&r));
    }
}
