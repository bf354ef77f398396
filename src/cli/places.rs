//! Shared CLI helpers: loading the gazetteer and turning "a name or lat,lon" into a position.

use miette::Report;

use routecheck::coord::LatLon;
use routecheck::gazetteer::{Gazetteer, Query};

pub fn load_gazetteer() -> miette::Result<Gazetteer> {
    Gazetteer::load_default().map_err(Report::new)
}

/// A position from "lat, lon" text, or else from the gazetteer; with a display name.
pub fn position(gaz: &Gazetteer, text: &str) -> miette::Result<(String, LatLon)> {
    if is_coordinates(text) {
        let p = text
            .parse::<LatLon>()
            .map_err(|e| miette::miette!("\"{text}\": {e}"))?;
        return Ok((p.to_string(), p));
    }
    let q: Query = text.parse().map_err(Report::new)?;
    let r = gaz.resolve(&q).map_err(Report::new)?;
    Ok((r.place.name.clone(), r.place.anchor()))
}

/// "lat, lon" text: it starts like a number (a digit, a sign, the Unicode minus U+2212 that
/// copy-paste from web pages brings, or a decimal point); anything else is a name.
pub fn is_coordinates(text: &str) -> bool {
    text.trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || "-+.\u{2212}".contains(c))
}
