//! OpenStreetMap railways, as users get them: `.osm.pbf` extracts ([`pbf`]), OSM XML ([`xml`])
//! and Overpass API JSON ([`overpass`]). Each reader fills one [`OsmRail`]; [`OsmRail::build`]
//! turns it into a [`RailNetwork`] on the track geometry.
//!
//! What is kept: ways tagged `railway=rail`, `narrow_gauge` or `light_rail` (so `abandoned`,
//! `disused`, `construction`, `platform`, `tram` and `subway` are left out), with their `name`,
//! `gauge`, `usage`, `service` and `electrified` tags; station and halt nodes (`railway=station`
//! or `halt`, or `public_transport=station` with a `train`/`railway` role; `station=subway` and
//! trams are left out) with `name`, every `name:*` tag, `alt_name` and `official_name`; and the
//! railway's own km posts, `railway:position` (or `railway:position:exact`) on nodes of the
//! track. A way whose nodes are missing (an extract clipped at its edge leaves way nodes with
//! no location) is cut there into pieces.

pub(crate) mod build;
pub(crate) mod compact;
pub(crate) mod node_ids;
pub(crate) mod overpass;
pub(crate) mod pbf;
pub(crate) mod xml;

use std::collections::HashMap;

use crate::coord::LatLon;

/// The railway values routed on.
pub(crate) const KEPT_RAILWAYS: [&str; 3] = ["rail", "narrow_gauge", "light_rail"];

/// The way tags kept on a line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct WayTags {
    pub name: Option<String>,
    pub gauge: Option<String>,
    pub usage: Option<String>,
    pub service: Option<String>,
    pub electrified: Option<String>,
}

/// A railway way: its OSM id, tags and node ids in order (`N`: a plain list, or for `rail
/// import` a compact encoding of it).
#[derive(Debug, Clone)]
pub(crate) struct OsmWay<N = Vec<i64>> {
    pub id: i64,
    pub tags: WayTags,
    pub nodes: N,
}

/// A station or halt node.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OsmStation {
    pub id: i64,
    pub name: String,
    /// `name:*`, `alt_name` and `official_name` values, in tag order.
    pub other_names: Vec<String>,
    pub at: LatLon,
}

impl From<OsmStation> for crate::network::build::FileStation {
    /// The station as a network file holds it, with its OSM node id.
    fn from(s: OsmStation) -> Self {
        crate::network::build::FileStation {
            name: s.name,
            other_names: s.other_names,
            at: s.at,
            osm_node: Some(s.id),
        }
    }
}

/// A node tagged with the railway's own chainage (`railway:position`): a milestone, a
/// station, a signal or a level crossing. Kept only when it lies on a kept way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OsmPost {
    pub id: i64,
    /// The post's value in kilometres.
    pub km: f64,
}

/// What the readers collect: railway ways, the positions of their nodes, stations and km
/// posts.
#[derive(Debug, Default)]
pub(crate) struct OsmRail {
    pub ways: Vec<OsmWay>,
    pub positions: HashMap<i64, LatLon>,
    pub stations: Vec<OsmStation>,
    pub posts: Vec<OsmPost>,
}

impl OsmRail {
    /// Keeps, of every node position a reader saw, only those the railway ways use.
    pub(crate) fn keep_positions_of_ways(&mut self, mut all: HashMap<i64, LatLon>) {
        let wanted: std::collections::HashSet<i64> = self
            .ways
            .iter()
            .flat_map(|w| w.nodes.iter().copied())
            .collect();
        all.retain(|id, _| wanted.contains(id));
        self.positions = all;
    }
}

/// True if a way with these tags is routed on.
pub(crate) fn is_kept_railway<'a>(tags: impl IntoIterator<Item = (&'a str, &'a str)>) -> bool {
    tags.into_iter()
        .any(|(k, v)| k == "railway" && KEPT_RAILWAYS.contains(&v))
}

/// The kept tags of a railway way.
pub(crate) fn way_tags<'a>(tags: impl IntoIterator<Item = (&'a str, &'a str)>) -> WayTags {
    let mut t = WayTags::default();
    for (k, v) in tags {
        let slot = match k {
            "name" => &mut t.name,
            "gauge" => &mut t.gauge,
            "usage" => &mut t.usage,
            "service" => &mut t.service,
            "electrified" => &mut t.electrified,
            _ => continue,
        };
        *slot = Some(v.to_string());
    }
    t
}

/// A km post from a node's tags: `railway:position:exact` when given (it is the more precise),
/// else `railway:position`.
pub(crate) fn post<'a>(
    id: i64,
    tags: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<OsmPost> {
    let (mut exact, mut plain) = (None, None);
    for (k, v) in tags {
        match k {
            "railway:position:exact" => exact = position_km(v),
            "railway:position" => plain = position_km(v),
            _ => {}
        }
    }
    Some(OsmPost {
        id,
        km: exact.or(plain)?,
    })
}

/// A `railway:position` value in kilometres: "12.3" or "12,3" are kilometres, "mi:7.6" miles
/// (as the OpenStreetMap wiki's key page documents). Anything else (a chainage in another
/// scheme, "12+345", a note) is not read.
pub(crate) fn position_km(v: &str) -> Option<f64> {
    let v = v.trim();
    let (v, factor) = match v.strip_prefix("mi:") {
        Some(m) => (m.trim(), crate::units::Length::miles(1.0).as_km()),
        None => (v, 1.0),
    };
    if v.is_empty()
        || !v
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
    {
        return None;
    }
    let km: f64 = v.replacen(',', ".", 1).parse().ok()?;
    (km.is_finite() && km.abs() < 100_000.0).then_some(km * factor)
}

/// A station from a node's tags and position, if the node is a railway station or halt with a
/// name.
pub(crate) fn station<'a>(
    id: i64,
    at: LatLon,
    tags: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<OsmStation> {
    let mut railway = None;
    let mut public_transport = false;
    let mut train = false;
    let mut excluded = false;
    let mut name = None;
    let mut other_names = Vec::new();
    for (k, v) in tags {
        match k {
            "railway" => railway = Some(v),
            "public_transport" => public_transport = v == "station",
            "train" => train = v == "yes",
            "station" => excluded |= matches!(v, "subway" | "tram" | "monorail" | "funicular"),
            "subway" | "tram" => excluded |= v == "yes" && !train,
            "name" => name = Some(v.to_string()),
            "alt_name" | "official_name" if !v.is_empty() => other_names.push(v.to_string()),
            _ if k.starts_with("name:") && !v.is_empty() => other_names.push(v.to_string()),
            _ => {}
        }
    }
    let is_station = matches!(railway, Some("station" | "halt"))
        || (public_transport && (train || railway.is_some()));
    if !is_station || excluded {
        return None;
    }
    Some(OsmStation {
        id,
        name: name?,
        other_names,
        at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> LatLon {
        LatLon {
            lat: 60.17,
            lon: 24.94,
        }
    }

    #[test]
    fn km_posts_in_km_or_miles_exact_first() {
        assert_eq!(position_km("12.3"), Some(12.3));
        assert_eq!(position_km(" 12,5 "), Some(12.5));
        assert_eq!(position_km("-0.4"), Some(-0.4));
        let mi = position_km("mi:10").unwrap();
        assert!((mi - 16.09344).abs() < 1e-9, "{mi}");
        for bad in ["", "12+345", "km 12", "1.2.3", "NaN", "inf", "1e400"] {
            assert_eq!(position_km(bad), None, "{bad}");
        }
        let p = post(7, [("railway", "milestone"), ("railway:position", "12.3")]).unwrap();
        assert_eq!((p.id, p.km), (7, 12.3));
        let p = post(
            7,
            [
                ("railway:position:exact", "12.345"),
                ("railway:position", "12.3"),
            ],
        )
        .unwrap();
        assert_eq!(p.km, 12.345);
        assert!(post(7, [("railway", "milestone")]).is_none());
    }

    #[test]
    fn railway_filter_keeps_running_track_only() {
        for v in KEPT_RAILWAYS {
            assert!(is_kept_railway([("railway", v)]), "{v}");
        }
        for v in [
            "abandoned",
            "disused",
            "construction",
            "platform",
            "tram",
            "subway",
        ] {
            assert!(!is_kept_railway([("railway", v)]), "{v}");
        }
        assert!(!is_kept_railway([("highway", "rail")]));
    }

    #[test]
    fn way_tags_keep_the_five() {
        let t = way_tags([
            ("railway", "rail"),
            ("name", "Rantarata"),
            ("gauge", "1524"),
            ("usage", "main"),
            ("electrified", "contact_line"),
            ("maxspeed", "160"),
        ]);
        assert_eq!(t.name.as_deref(), Some("Rantarata"));
        assert_eq!(t.gauge.as_deref(), Some("1524"));
        assert_eq!(t.usage.as_deref(), Some("main"));
        assert_eq!(t.service, None);
        assert_eq!(t.electrified.as_deref(), Some("contact_line"));
    }

    #[test]
    fn stations_and_halts_with_names() {
        let s = station(
            1,
            at(),
            [
                ("railway", "station"),
                ("name", "Helsinki"),
                ("name:sv", "Helsingfors"),
                ("name:ru", "Хельсинки"),
            ],
        )
        .unwrap();
        assert_eq!(s.name, "Helsinki");
        assert_eq!(s.other_names, ["Helsingfors", "Хельсинки"]);
        assert!(station(2, at(), [("railway", "halt"), ("name", "Ilmala")]).is_some());
        assert!(
            station(
                3,
                at(),
                [
                    ("public_transport", "station"),
                    ("train", "yes"),
                    ("name", "Pasila")
                ]
            )
            .is_some()
        );
        // No name, a subway station, a bus station: not stations here.
        assert!(station(4, at(), [("railway", "station")]).is_none());
        assert!(
            station(
                5,
                at(),
                [
                    ("railway", "station"),
                    ("station", "subway"),
                    ("name", "Rautatientori")
                ]
            )
            .is_none()
        );
        assert!(
            station(
                6,
                at(),
                [("public_transport", "station"), ("name", "Kamppi")]
            )
            .is_none()
        );
    }
}
