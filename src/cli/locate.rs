//! `routecheck locate NAME…`: look places up by name, in any spelling or script.

use miette::Report;
use routecheck::gazetteer::{Context, PlaceKind, Query, Resolution};
use routecheck::units::group_thousands;

use super::json_out::{self, Format};
use super::places::load_gazetteer;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Names to look up ("Khasan", "P'yŏngyang", "평양", "Khasan, RU").
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Only places in this country (ISO code or name, e.g. KP).
    #[arg(long)]
    pub country: Option<String>,
    /// Only places in this state, province or other first-level division: GeoNames' name
    /// (e.g. Primorye, Illinois), its code (e.g. IL), another of its names in any language
    /// (Primorsky Krai, Приморский край) or its ISO 3166-2 code (RU-PRI). "NAME, DIVISION"
    /// works too.
    #[arg(long)]
    pub region: Option<String>,
    /// Only places of this kind: city, station, bridge, border, river, port, airport, sea, other.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<PlaceKind>,
    /// Read the names beside this place (repeat for several): of places that share a name,
    /// the one nearest these is preferred ("Alexandria --near Washington").
    #[arg(long, value_name = "PLACE")]
    pub near: Vec<String>,
    /// Print JSON instead of text (the same as --format json).
    #[arg(long)]
    pub json: bool,
    /// text, json (schema routecheck.locate/1, docs/schema/locate.schema.json) or geojson
    /// (a FeatureCollection: one Feature per name, its geometry a Point or a river's lines).
    #[arg(long, value_enum, conflicts_with = "json")]
    pub format: Option<Format>,
}

fn parse_kind(s: &str) -> Result<PlaceKind, String> {
    s.parse()
}

pub fn run(a: Args, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let gaz = load_gazetteer()?;
    let place_err = Report::new::<routecheck::gazetteer::Error>;
    let mut ctx = Context::default();
    for near in &a.near {
        let q: Query = near.parse().map_err(place_err)?;
        ctx = ctx.near(gaz.resolve(&q).map_err(place_err)?.place.anchor());
    }
    let mut answers = Vec::new();
    for name in &a.names {
        let mut q: Query = name.parse().map_err(place_err)?;
        if let Some(c) = &a.country {
            q = q.in_country(c).map_err(place_err)?;
        }
        if let Some(k) = a.kind {
            q = q.of_kind(k);
        }
        if let Some(r) = &a.region {
            q = q.in_region(r);
        }
        answers.push((name, gaz.resolve_in(&q, &ctx).map_err(place_err)?));
    }
    let text = match Format::chosen(a.json, a.format) {
        Format::Json => json_out::pretty(&serde_json::json!({
            "schema": json_out::LOCATE,
            "results": answers.iter().map(|(q, r)| result(q, r)).collect::<Vec<_>>(),
        })),
        Format::Geojson => json_out::pretty(&json_out::collection(
            answers.iter().map(|(q, r)| feature(q, r)).collect(),
        )),
        Format::Text => answers.iter().map(|(q, r)| describe(q, r)).collect(),
    };
    super::emit(out, &text)?;
    Ok(super::exit::OK)
}

/// One answer as JSON: the query, the place (its geometry GeoJSON), how it matched, why it
/// was chosen, and the other candidates (each a GeoJSON Point).
fn result(query: &str, r: &Resolution) -> serde_json::Value {
    serde_json::json!({
        "query": query,
        "place": json_out::place(&r.place),
        "matched": r.matched,
        "ambiguous": r.ambiguous,
        "context": r.context.map(|c| serde_json::json!({
            "bonus": c.bonus,
            "nearest_km": c.nearest_km,
            "changed_choice": c.changed_choice,
        })),
        "why": r.why(),
        "alternatives": r.alternatives.iter().map(|c| serde_json::json!({
            "id": c.id,
            "name": c.name,
            "kind": c.kind,
            "country": c.country,
            "admin1": c.admin1,
            "admin1_name": c.admin1_name,
            "population": c.population,
            "matched": c.matched,
            "score": (c.score * 1e4).round() / 1e4,
            "geometry": json_out::point(c.location),
        })).collect::<Vec<_>>(),
    })
}

/// One answer as a GeoJSON Feature: the place's geometry, and flat properties a GIS can
/// show as columns (the other candidates by name).
fn feature(query: &str, r: &Resolution) -> serde_json::Value {
    let p = &r.place;
    json_out::feature(
        json_out::place_geometry(&p.geometry),
        serde_json::json!({
            "query": query,
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "country": p.country,
            "admin1": p.admin1,
            "admin1_name": p.admin1_name,
            "population": p.population,
            "time_zone": p.zone(),
            "source_dataset": p.source.dataset,
            "source_id": p.source.id,
            "matched": r.matched,
            "ambiguous": r.ambiguous,
            "why": r.why(),
            "alternatives": r.alternatives.iter().map(|c| c.describe()).collect::<Vec<_>>(),
        }),
    )
}

/// "Hasan → Khasan (station, RU) at 42.4307° N, 130.6436° E …" plus the other candidates; a
/// world place's division as "Primorye (RU.59)", or its bare code where it has no name.
fn describe(query: &str, r: &Resolution) -> String {
    let p = &r.place;
    let mut facts = vec![p.kind.to_string()];
    facts.extend(p.country.clone());
    facts.extend(match (&p.admin1_name, &p.admin1) {
        (Some(name), Some(code)) => Some(format!("{name} ({code})")),
        (Some(name), None) => Some(name.clone()),
        (None, code) => code.clone(),
    });
    if let Some(pop) = p.population.filter(|n| *n > 0) {
        facts.push(format!("pop {}", group_thousands(pop as f64)));
    }
    facts.extend(p.zone());
    let mut s = format!(
        "{query} → {} ({}) at {}\n",
        p.name,
        facts.join(", "),
        p.anchor()
    );
    s.push_str(&format!(
        "    {} Source: {}\n",
        r.why().trim_end_matches('.').to_string() + ".",
        p.source
    ));
    if r.ambiguous && !r.alternatives.is_empty() {
        s.push_str("    other candidates (add a country or --kind to choose):\n");
        for c in r.alternatives.iter().take(5) {
            s.push_str(&format!("      {}\n", c.describe()));
        }
    }
    s
}
