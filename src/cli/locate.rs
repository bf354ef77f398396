//! `routecheck locate NAME…`: look places up by name.

use miette::Report;
use routecheck::gazetteer::{PlaceKind, Query};

use super::places::{PlaceError, load_gazetteer};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Names to look up ("Khasan", "P'yŏngyang", "평양", "Khasan, RU").
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Only places in this country (ISO code, e.g. KP).
    #[arg(long)]
    pub country: Option<String>,
    /// Only places of this kind.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<PlaceKind>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

fn parse_kind(s: &str) -> Result<PlaceKind, String> {
    s.parse()
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let gaz = load_gazetteer()?;
    let mut text = String::new();
    let mut json = Vec::new();
    for name in &a.names {
        let q = Query {
            text: name.clone(),
            country: a.country.clone(),
            kind: a.kind,
        };
        let r = gaz
            .resolve(&q)
            .map_err(|e| Report::new(PlaceError::from(e)))?;
        let p = &r.place;
        let at = p.anchor();
        if a.json {
            json.push(serde_json::json!({
                "query": name, "id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
                "lat": at.lat, "lon": at.lon, "tz": p.tz, "population": p.population,
                "source": p.source, "matched": r.matched, "why": r.why,
            }));
        } else {
            text.push_str(&format!(
                "{name} → {} ({}{}) at {at} [{}]\n",
                p.name,
                p.kind,
                p.country
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default(),
                p.source
            ));
        }
    }
    if a.json {
        text = format!("{:#}\n", serde_json::Value::Array(json));
    }
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}
