//! `routecheck distance A B`: the geodesic between two places or coordinates.

use routecheck::geodesy;
use routecheck::units::group_thousands;

use super::places::{load_gazetteer, position};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// From: a place name or "lat, lon" ("-33.9,18.4" as typed: no "--" needed).
    #[arg(allow_hyphen_values = true)]
    pub from: String,
    /// To: a place name or "lat, lon".
    #[arg(allow_hyphen_values = true)]
    pub to: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let gaz = load_gazetteer()?;
    let (na, pa) = position(&gaz, &a.from)?;
    let (nb, pb) = position(&gaz, &a.to)?;
    let inv = geodesy::inverse(pa, pb);
    let text = if a.json {
        let v = serde_json::json!({
            "schema": super::json_out::DISTANCE,
            "from": { "name": na, "lat": pa.lat, "lon": pa.lon },
            "to": { "name": nb, "lat": pb.lat, "lon": pb.lon },
            "distance_m": (inv.distance.as_m() * 1000.0).round() / 1000.0,
            "distance_km": (inv.distance.as_km() * 1000.0).round() / 1000.0,
            "distance_mi": (inv.distance.as_miles() * 1000.0).round() / 1000.0,
            "initial_azimuth_deg": (inv.initial.deg() * 1e6).round() / 1e6,
            "final_azimuth_deg": (inv.final_.deg() * 1e6).round() / 1e6,
            "compass": inv.initial.compass8().word(),
            "method": "geodesic on the WGS84 ellipsoid (Karney)",
        });
        format!("{v:#}\n")
    } else {
        format!(
            "{na} → {nb}\n  {:.3} km ({} mi) on the WGS84 ellipsoid\n  initial azimuth {} ({}), final azimuth {}\n",
            inv.distance.as_km(),
            group_thousands(inv.distance.as_miles().round()),
            inv.initial,
            inv.initial.compass8().word(),
            inv.final_,
        )
    };
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}
