//! `routecheck near LAT,LON`: the places nearest a position, with distance and bearing.

use routecheck::coord::LatLon;
use routecheck::gazetteer::PlaceKind;

use super::json_out::{self, Format};
use super::places::load_gazetteer;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The position: "42.43, 130.64", "-33.9,18.4" (a leading minus, or the Unicode minus −,
    /// is a southern or western coordinate) or "42°25′41″N 130°38′43″E".
    #[arg(allow_hyphen_values = true)]
    pub position: String,
    /// How many places to list.
    #[arg(short = 'n', long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub count: u16,
    /// Only places of these kinds (repeat, or comma-separate: --kind station,bridge).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    pub kind: Vec<PlaceKind>,
    /// Print JSON instead of text (the same as --format json).
    #[arg(long)]
    pub json: bool,
    /// text, json (schema routecheck.near/1, docs/schema/near.schema.json) or geojson (a
    /// FeatureCollection of the places, nearest first).
    #[arg(long, value_enum, conflicts_with = "json")]
    pub format: Option<Format>,
}

fn parse_kind(s: &str) -> Result<PlaceKind, String> {
    s.parse()
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let at: LatLon = a.position.parse().map_err(|e| {
        miette::miette!(
            help = "write the position as \"lat, lon\" in degrees",
            "\"{}\": {e}",
            a.position
        )
    })?;
    let gaz = load_gazetteer()?;
    let kinds = (!a.kind.is_empty()).then_some(a.kind.as_slice());
    let found = gaz.near(at, usize::from(a.count), kinds);
    let text = match Format::chosen(a.json, a.format) {
        Format::Json => {
            let p = at.rounded(6);
            json_out::pretty(&serde_json::json!({
                "schema": json_out::NEAR,
                "position": { "lat": p.lat, "lon": p.lon },
                "nearest": found.iter().map(|n| {
                    let mut v = properties(n);
                    v["geometry"] = json_out::point(n.location);
                    v
                }).collect::<Vec<_>>(),
            }))
        }
        Format::Geojson => json_out::pretty(&json_out::collection(
            found
                .iter()
                .map(|n| json_out::feature(json_out::point(n.location), properties(n)))
                .collect(),
        )),
        Format::Text => {
            let mut s = format!("nearest to {at}:\n");
            for n in &found {
                let mut facts = vec![n.kind.to_string()];
                facts.extend(n.country.clone());
                facts.extend(n.admin1_name.clone());
                s.push_str(&format!(
                    "  {:>8.2} km  {:>6} ({:>3})  {} ({})\n",
                    n.distance.as_km(),
                    n.azimuth.to_string(),
                    format!("{:?}", n.azimuth.compass8()),
                    n.name,
                    facts.join(", "),
                ));
            }
            if found.is_empty() {
                s.push_str("  no places found\n");
            }
            s
        }
    };
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}

/// A nearby place's facts, with units in the names: the geodesic distance in metres and the
/// initial azimuth from the asked position in degrees.
fn properties(n: &routecheck::gazetteer::Nearby) -> serde_json::Value {
    serde_json::json!({
        "id": n.id,
        "name": n.name,
        "kind": n.kind,
        "country": n.country,
        "admin1": n.admin1,
        "admin1_name": n.admin1_name,
        "population": n.population,
        "distance_m": (n.distance.as_m() * 1000.0).round() / 1000.0,
        "azimuth_deg": (n.azimuth.deg() * 1e6).round() / 1e6,
        "compass": n.azimuth.compass8().word(),
    })
}
