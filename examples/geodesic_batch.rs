//! Batch geodesic calculations through `routecheck::geodesy`, for the differential test
//! against GeographicLib (`scripts/geodesic_differential.py`).
//!
//! Inverse (default): each stdin line "lat1 lon1 lat2 lon2" (degrees) prints "s12 azi1 azi2"
//! (metres, degrees clockwise from north in [0, 360)).
//!
//! Direct (`--direct`): each stdin line "lat1 lon1 azi1 s12" prints "lat2 lon2".
//!
//! Numbers are printed with 17 significant digits, enough to round-trip an f64.
//!
//! ```text
//! echo "40.64 -73.78 1.36 103.99" | cargo run --example geodesic_batch
//! ```

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use routecheck::coord::LatLon;
use routecheck::geodesy::{self, Azimuth};
use routecheck::units::Length;

fn main() -> ExitCode {
    let direct = std::env::args().skip(1).any(|a| a == "--direct");
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("line {}: {e}", n + 1);
                return ExitCode::from(2);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let nums: Result<Vec<f64>, _> = line.split_whitespace().map(str::parse::<f64>).collect();
        let nums = match nums {
            Ok(v) if v.len() == 4 => v,
            _ => {
                eprintln!("line {}: expected four numbers, got {line:?}", n + 1);
                return ExitCode::from(2);
            }
        };
        let a = LatLon {
            lat: nums[0],
            lon: nums[1],
        };
        let written = if direct {
            let b = geodesy::direct(a, Azimuth::from_deg(nums[2]), Length::m(nums[3]));
            writeln!(out, "{:.16e} {:.16e}", b.lat, b.lon)
        } else {
            let b = LatLon {
                lat: nums[2],
                lon: nums[3],
            };
            let inv = geodesy::inverse(a, b);
            writeln!(
                out,
                "{:.16e} {:.16e} {:.16e}",
                inv.distance.as_m(),
                inv.initial.deg(),
                inv.final_.deg()
            )
        };
        if written.is_err() {
            return ExitCode::SUCCESS; // closed pipe
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    ExitCode::SUCCESS
}
