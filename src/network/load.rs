//! Reading a rail file in any format routecheck takes: the format is told by the file's first
//! bytes, not its name (a `.rail` compiled network, an `.osm.pbf` extract, OSM XML, Overpass
//! JSON or GeoJSON).

use std::io::Read;
use std::path::Path;

use super::build::RailNetwork;
use super::{Error, Result, compiled, osm};

/// The formats of a rail file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RailFormat {
    /// A network compiled by `routecheck rail import`.
    Compiled,
    /// An OpenStreetMap PBF extract.
    OsmPbf,
    /// OSM XML.
    OsmXml,
    /// Overpass API JSON.
    Overpass,
    /// GeoJSON LineStrings.
    GeoJson,
}

impl RailFormat {
    /// Tells the format from the first bytes of a file.
    pub fn sniff(head: &[u8]) -> Option<RailFormat> {
        if head.starts_with(compiled::MAGIC) {
            return Some(RailFormat::Compiled);
        }
        // A PBF file opens with a 4-byte header length, then a BlobHeader whose first field
        // (tag 0x0a) is the type string "OSMHeader".
        if head.len() >= 15 && head[4] == 0x0a && &head[6..15] == b"OSMHeader" {
            return Some(RailFormat::OsmPbf);
        }
        let text = String::from_utf8_lossy(head);
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with('<') {
            Some(RailFormat::OsmXml)
        } else if t.starts_with('{') || t.starts_with('[') {
            Some(if osm::overpass::looks_like(t) {
                RailFormat::Overpass
            } else {
                RailFormat::GeoJson
            })
        } else {
            None
        }
    }
}

impl RailFormat {
    /// The format of the file at `path`, told from its first bytes.
    pub fn of_file(path: &Path) -> Result<RailFormat> {
        let io = |source| Error::Io {
            path: path.display().to_string(),
            source,
        };
        let mut head = Vec::with_capacity(4096);
        std::fs::File::open(path)
            .map_err(io)?
            .take(4096)
            .read_to_end(&mut head)
            .map_err(io)?;
        RailFormat::sniff(&head).ok_or_else(|| Error::UnknownFormat {
            path: path.display().to_string(),
        })
    }
}

/// Largest text rail file (OSM XML, JSON) read into memory.
pub const TEXT_LIMIT: u64 = 1 << 30;

impl RailNetwork {
    /// Reads a rail network from a file in any of the [`RailFormat`]s; returns it with the
    /// format it was in. Errors name no path: the caller adds it.
    pub fn from_file(path: &Path) -> Result<(RailNetwork, RailFormat)> {
        let io = |source| Error::Io {
            path: path.display().to_string(),
            source,
        };
        let format = RailFormat::of_file(path)?;
        let net = match format {
            RailFormat::Compiled => RailNetwork::from_compiled(&std::fs::read(path).map_err(io)?)?,
            RailFormat::OsmPbf => osm::pbf::read(path)?.build("OpenStreetMap PBF")?,
            _ => {
                let mut text = String::new();
                std::fs::File::open(path)
                    .map_err(io)?
                    .take(TEXT_LIMIT + 1)
                    .read_to_string(&mut text)
                    .map_err(io)?;
                if text.len() as u64 > TEXT_LIMIT {
                    return Err(io(std::io::Error::other(format!(
                        "larger than {} MiB; convert it to .osm.pbf",
                        TEXT_LIMIT >> 20
                    ))));
                }
                RailNetwork::from_text(&text, format)?
            }
        };
        Ok((net, format))
    }

    /// Reads a network from text in a text format (OSM XML, Overpass JSON or GeoJSON).
    pub fn from_text(text: &str, format: RailFormat) -> Result<RailNetwork> {
        match format {
            RailFormat::OsmXml => osm::xml::read(text)?.build("OSM XML"),
            RailFormat::Overpass => osm::overpass::read(text)?.build("Overpass JSON"),
            RailFormat::GeoJson => RailNetwork::from_geojson(text),
            RailFormat::Compiled | RailFormat::OsmPbf => Err(Error::UnknownFormat {
                path: "the text".into(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_format() {
        let pbf = std::fs::read("tests/data/Helsinki.osm.pbf").unwrap();
        assert_eq!(RailFormat::sniff(&pbf[..64]), Some(RailFormat::OsmPbf));
        assert_eq!(
            RailFormat::sniff(b"\xef\xbb\xbf<?xml version=\"1.0\"?><osm>"),
            Some(RailFormat::OsmXml)
        );
        assert_eq!(
            RailFormat::sniff(br#" {"version":0.6,"elements":[]}"#),
            Some(RailFormat::Overpass)
        );
        assert_eq!(
            RailFormat::sniff(br#"{"type":"FeatureCollection","features":[]}"#),
            Some(RailFormat::GeoJson)
        );
        assert_eq!(RailFormat::sniff(b"PK\x03\x04"), None);
    }
}
