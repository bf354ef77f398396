//! Resolves place names with the bundled gazetteer: a stand-in for `routecheck locate` used to
//! time the whole process (load + answer).
//!
//! cargo run --release --example locate -- "P'yŏngyang" "Khasan, RU" 42.43,130.64

use std::process::ExitCode;

use routecheck::coord::LatLon;
use routecheck::gazetteer::{Gazetteer, Query};

fn main() -> ExitCode {
    let gaz = match Gazetteer::load_default() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut status = ExitCode::SUCCESS;
    for arg in std::env::args().skip(1) {
        if let Ok(p) = arg.parse::<LatLon>() {
            for n in gaz.near(p, 5, None) {
                println!(
                    "{:8.1} km {:>10}  {} ({})",
                    n.distance.as_km(),
                    n.azimuth.compass8().word(),
                    n.name,
                    n.kind
                );
            }
            continue;
        }
        match arg.parse::<Query>().and_then(|q| gaz.resolve(&q)) {
            Ok(r) => {
                let p = r.place.anchor();
                println!(
                    "{} [{}] {:.5}, {:.5}  {}",
                    r.place.name,
                    r.place.id,
                    p.lat,
                    p.lon,
                    r.why()
                );
            }
            Err(e) => {
                eprintln!("error: {e}");
                status = ExitCode::from(2);
            }
        }
    }
    status
}
