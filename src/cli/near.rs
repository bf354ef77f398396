//! `routecheck near LAT,LON`: the places nearest a position, with distance and bearing.

use routecheck::coord::LatLon;
use routecheck::gazetteer::PlaceKind;

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
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
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
    let text = if a.json {
        format!(
            "{:#}\n",
            serde_json::json!({ "position": at, "nearest": found })
        )
    } else {
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
    };
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}
