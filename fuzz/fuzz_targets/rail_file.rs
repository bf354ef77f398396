//! Any `--rail FILE` by its bytes: format sniffing, then the OSM PBF reader (which reads from
//! a path, so each input is written to a temporary file), the compiled `.rail` reader, or the
//! text readers; then a route between two fixed points.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use routecheck::network::RailNetwork;

#[path = "../rail_common.rs"]
mod rail_common;

fuzz_target!(|data: &[u8]| {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(data).expect("written");
    file.flush().expect("flushed");
    if let Ok((net, _format)) = RailNetwork::from_file(file.path()) {
        rail_common::route_is_sane(&net);
    }
    // The compiled reader on the raw bytes too (no sniffing in the way).
    if let Ok(net) = RailNetwork::from_compiled(data) {
        rail_common::route_is_sane(&net);
    }
});
