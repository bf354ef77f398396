//! Shared CLI helpers: loading the gazetteer and turning "a name or lat,lon" into a position.

use miette::{Diagnostic, Report};

use routecheck::coord::LatLon;
use routecheck::gazetteer::{self, Gazetteer, Query};

/// A gazetteer error with its "did you mean" as help.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{inner}")]
pub struct PlaceError {
    inner: gazetteer::Error,
    #[help]
    help: Option<String>,
}

impl From<gazetteer::Error> for PlaceError {
    fn from(source: gazetteer::Error) -> Self {
        let help = match &source {
            gazetteer::Error::UnknownPlace { .. } => {
                Some("check the spelling, add a country (\"Khasan, RU\"), or give coordinates as \"lat, lon\"".into())
            }
            _ => None,
        };
        PlaceError {
            inner: source,
            help,
        }
    }
}

pub fn load_gazetteer() -> miette::Result<Gazetteer> {
    Gazetteer::load_default().map_err(|e| Report::new(PlaceError::from(e)))
}

/// A position from "lat, lon" text, or else from the gazetteer; with a display name.
pub fn position(gaz: &Gazetteer, text: &str) -> miette::Result<(String, LatLon)> {
    if text
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || "-+.".contains(c))
    {
        let p = text
            .parse::<LatLon>()
            .map_err(|e| miette::miette!("\"{text}\": {e}"))?;
        return Ok((p.to_string(), p));
    }
    let q: Query = Query {
        text: text.to_string(),
        ..Query::default()
    };
    let r = gaz
        .resolve(&q)
        .map_err(|e| Report::new(PlaceError::from(e)))?;
    Ok((r.place.name.clone(), r.place.anchor()))
}
