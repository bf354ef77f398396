//! OSM XML rail files (`--rail FILE.osm`): the XML reader and network builder on any UTF-8
//! text, then a route between two fixed points near the seeds' track.
#![no_main]

use libfuzzer_sys::fuzz_target;
use routecheck::network::{RailFormat, RailNetwork};

#[path = "../rail_common.rs"]
mod rail_common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(net) = RailNetwork::from_text(text, RailFormat::OsmXml) {
        rail_common::route_is_sane(&net);
    }
});
