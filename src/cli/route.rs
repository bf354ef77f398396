//! `routecheck route A B C… [--mode rail|direct] [--speed 40-60km/h] [--depart TIME] [--rail FILE] [--json]`:
//! the route through places in order, with each leg's length (railway chainage, user track or
//! geodesic), the drawn line's length, and travel times at a speed range.

use std::path::PathBuf;
use std::time::Duration;

use clap::ValueEnum;

use routecheck::coord::LatLon;
use routecheck::geodesy;
use routecheck::network::{RailNetwork, Waypoint};
use routecheck::route::timing::{self, SpeedRange, TimeWindow};
use routecheck::units::{Length, format_duration, parse_speed};

use super::places::{load_gazetteer, position};
use super::route_files::RouteLeg;

/// How the route travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RouteMode {
    /// By rail: the bundled railway line tables, or the track in --rail FILE.
    Rail,
    /// The geodesic between consecutive places.
    Direct,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Places in travel order (two or more): names or "lat, lon".
    #[arg(required = true, num_args = 2..)]
    pub places: Vec<String>,
    /// How to travel.
    #[arg(long, value_enum, default_value = "rail")]
    pub mode: RouteMode,
    /// Speed or speed range for travel times, e.g. "60 km/h" or "40-60 km/h".
    #[arg(long)]
    pub speed: Option<String>,
    /// Local departure time at the first place, e.g. "2023-09-10T15:00".
    #[arg(long, value_name = "TIME")]
    pub depart: Option<String>,
    /// IANA time zone of --depart and the arrival times (default: UTC).
    #[arg(long, value_name = "ZONE", default_value = "UTC")]
    pub tz: String,
    /// Route rail legs on this track instead of the bundled line tables: an OpenStreetMap
    /// extract (.osm.pbf), OSM XML, Overpass JSON, GeoJSON LineStrings or a compiled .rail.
    #[arg(long, value_name = "FILE")]
    pub rail: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Don't write the map and GeoJSON.
    #[arg(long)]
    pub no_map: bool,
    #[command(flatten)]
    pub out: super::OutArgs,
}

struct LegOut {
    geometry: Vec<LatLon>,
    from: String,
    to: String,
    length: Length,
    drawn: Length,
    lines: Vec<String>,
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let gaz = load_gazetteer()?;
    // A place the gazetteer does not know may still be a station the line tables or the
    // --rail file name.
    let by_station_name = a.mode == RouteMode::Rail;
    let mut stops: Vec<(String, Option<LatLon>)> = Vec::with_capacity(a.places.len());
    for p in &a.places {
        match position(&gaz, p) {
            Ok((name, at)) => stops.push((name, Some(at))),
            Err(_) if by_station_name => stops.push((p.clone(), None)),
            Err(e) => return Err(e),
        }
    }
    let mut snaps: Vec<String> = Vec::new();
    let (legs, measure, schematic) = match a.mode {
        RouteMode::Direct => {
            let mut legs = Vec::new();
            for w in stops.windows(2) {
                let (Some(pa), Some(pb)) = (w[0].1, w[1].1) else {
                    return Err(miette::miette!(
                        "--mode direct needs every place's position"
                    ));
                };
                let d = geodesy::distance(pa, pb);
                legs.push(LegOut {
                    geometry: geodesy::densify(pa, pb, Length::km(10.0)),
                    from: w[0].0.clone(),
                    to: w[1].0.clone(),
                    length: d,
                    drawn: d,
                    lines: Vec::new(),
                });
            }
            (legs, "geodesic on the WGS84 ellipsoid", false)
        }
        RouteMode::Rail => {
            let owned;
            let net: &RailNetwork = match &a.rail {
                Some(path) => {
                    owned = load_rail(path)?;
                    &owned
                }
                None => RailNetwork::bundled().map_err(|e| miette::miette!("{e}"))?,
            };
            let wps: Vec<Waypoint> = stops
                .iter()
                .map(|(n, p)| Waypoint {
                    name: n.clone(),
                    at: *p,
                })
                .collect();
            let r = net.route(&wps).map_err(|e| miette::miette!("{e}"))?;
            let legs = r
                .legs
                .iter()
                .map(|l| LegOut {
                    geometry: l.geometry.clone(),
                    from: l.from.clone(),
                    to: l.to.clone(),
                    length: l.length,
                    drawn: l.geometry_length,
                    lines: l.lines.clone(),
                })
                .collect();
            let measure = if r.schematic {
                "railway km posts (chainage) from the bundled line tables"
            } else {
                "along the track in the --rail file, on the WGS84 ellipsoid"
            };
            for w in &r.waypoints {
                if let Some(node) = w.station_osm_node {
                    snaps.push(format!(
                        "{}: the OpenStreetMap station {} (node {node}) in the --rail file, on its track",
                        w.waypoint, w.matched
                    ));
                }
            }
            for w in r.waypoints.iter().filter(|w| !w.by_name) {
                snaps.push(format!(
                    "{}: on the network at {} ({} away)",
                    w.waypoint, w.matched, w.distance
                ));
            }
            (legs, measure, r.schematic)
        }
    };
    let total: Length = legs.iter().map(|l| l.length).sum();
    let drawn: Length = legs.iter().map(|l| l.drawn).sum();
    let speed = match &a.speed {
        Some(s) => {
            let (lo, hi) = parse_speed(s).map_err(|e| miette::miette!("--speed \"{s}\": {e}"))?;
            Some(SpeedRange::new(lo, hi).map_err(|e| miette::miette!("--speed \"{s}\": {e}"))?)
        }
        None => None,
    };
    let time = speed.map(|v| timing::travel_time(total, v, Duration::ZERO));
    let arrival = match (&a.depart, time) {
        (Some(t), Some(dur)) => {
            let dep = TimeWindow::at(t, &a.tz).map_err(|e| miette::miette!("--depart: {e}"))?;
            let add = |d: Duration| {
                let sd = jiff::SignedDuration::try_from(d).unwrap_or(jiff::SignedDuration::MAX);
                let t = dep.earliest.saturating_add(sd);
                t.round(jiff::Unit::Minute).unwrap_or(t)
            };
            Some((dep.earliest.clone(), add(dur.min), add(dur.max)))
        }
        (Some(_), None) => {
            return Err(miette::miette!(
                "--depart needs --speed to work out arrival times"
            ));
        }
        _ => None,
    };
    let text = if a.json {
        let v = serde_json::json!({
            "mode": match a.mode { RouteMode::Rail => "rail", RouteMode::Direct => "direct" },
            "measure": measure,
            "schematic": schematic,
            "length_km": round3(total.as_km()),
            "drawn_length_km": round3(drawn.as_km()),
            "legs": legs.iter().map(|l| serde_json::json!({
                "from": l.from, "to": l.to,
                "length_km": round3(l.length.as_km()),
                "drawn_length_km": round3(l.drawn.as_km()),
                "lines": l.lines,
                "geometry": l.geometry.iter().map(|p| {
                    let p = p.rounded(6);
                    [p.lon, p.lat]
                }).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "time_min_h": time.map(|t| round3(t.min.as_secs_f64() / 3600.0)),
            "time_max_h": time.map(|t| round3(t.max.as_secs_f64() / 3600.0)),
            "snapped": snaps,
            "depart": arrival.as_ref().map(|a| a.0.to_string()),
            "arrive_earliest": arrival.as_ref().map(|a| a.1.to_string()),
            "arrive_latest": arrival.as_ref().map(|a| a.2.to_string()),
        });
        format!("{v:#}\n")
    } else {
        let mut s = String::new();
        let names: Vec<&str> = stops.iter().map(|s| s.0.as_str()).collect();
        s.push_str(&format!("{}\n", names.join(" → ")));
        for l in &legs {
            let lines = if l.lines.is_empty() {
                String::new()
            } else {
                format!("  ({})", l.lines.join(", "))
            };
            s.push_str(&format!(
                "  {} → {}: {:.1} km{lines}\n",
                l.from,
                l.to,
                l.length.as_km()
            ));
        }
        s.push_str(&format!("  total {:.1} km by {measure}\n", total.as_km()));
        for n in &snaps {
            s.push_str(&format!("  {n}\n"));
        }
        if schematic {
            s.push_str(&format!(
                "  drawn line {:.1} km (schematic: straight between stations)\n",
                drawn.as_km()
            ));
        }
        if let (Some(v), Some(t)) = (speed, time) {
            s.push_str(&format!(
                "  at {:.0}–{:.0} km/h: {} to {}\n",
                v.low.as_kmh(),
                v.high.as_kmh(),
                format_duration(t.min),
                format_duration(t.max)
            ));
        }
        if let Some((dep, early, late)) = &arrival {
            s.push_str(&format!(
                "  depart {dep}\n  arrive between {early} and {late}\n"
            ));
        }
        s
    };
    let mut text = text;
    if !a.no_map {
        let mode = match a.mode {
            RouteMode::Rail => routecheck::render::LegMode::Rail,
            RouteMode::Direct => routecheck::render::LegMode::Direct,
        };
        let drawn: Vec<RouteLeg> = legs
            .iter()
            .map(|l| RouteLeg {
                geometry: l.geometry.clone(),
                from: l.from.clone(),
                to: l.to.clone(),
                length: l.length,
            })
            .collect();
        let written = super::route_files::write(&a.out, &drawn, mode, schematic)?;
        if !a.json {
            text.push_str(&format!("  wrote {}\n", written.join(", ")));
        }
    }
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Reads a `--rail FILE` network: .osm.pbf, OSM XML, Overpass JSON, GeoJSON or compiled .rail.
pub fn load_rail(path: &std::path::Path) -> miette::Result<RailNetwork> {
    super::rail::load(path).map(|(net, _)| net)
}
