//! The waypoint key `airport`: fly from (or to) an airport rather than the place's point.
//!
//! `airport = true` asks for the airport that serves the place (the nearest one that names the
//! place as its city, else the nearest airport); `airport = "VVO"` (an IATA or ICAO code) names
//! one. Only `air` legs use it: rail and road legs, and claims about the place, keep the
//! place's own point.

use toml::Spanned;

use super::validate::Ctx;
use super::{Error, LegSpec, Mode, Waypoint};

/// Which airport an air leg uses at a waypoint.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AirportChoice {
    /// The airport that serves the place: the nearest whose city is the place, else the
    /// nearest airport.
    Serving,
    /// The airport with this IATA ("VVO") or ICAO ("UHWW") code, in capitals.
    Code(String),
}

const HELP: &str = "write airport = true for the airport serving the place, or its IATA or ICAO code, e.g. airport = \"VVO\"";

/// Reads the key: `true`, `false` (no airport) or a code of 3 or 4 letters and digits.
pub(super) fn parse(cx: &Ctx, v: &Spanned<toml::Value>) -> Result<Option<AirportChoice>, Error> {
    match v.get_ref() {
        toml::Value::Boolean(true) => Ok(Some(AirportChoice::Serving)),
        toml::Value::Boolean(false) => Ok(None),
        toml::Value::String(s) => {
            let code = s.trim().to_ascii_uppercase();
            let ok = (3..=4).contains(&code.len())
                && code.starts_with(|c: char| c.is_ascii_alphabetic())
                && code.chars().all(|c| c.is_ascii_alphanumeric());
            if ok {
                Ok(Some(AirportChoice::Code(code)))
            } else {
                cx.err(
                    v.span(),
                    format!("airport = \"{s}\" is not an airport code"),
                    HELP,
                )
            }
        }
        other => cx.err(
            v.span(),
            format!("airport = {other} is neither true, false nor a code"),
            HELP,
        ),
    }
}

/// Refuses an `airport` on a waypoint that no `air` leg starts, ends or stops at: the key
/// would change nothing, which is most likely a mistake (a leg written as `rail`).
pub(super) fn check_used(
    cx: &Ctx,
    waypoints: &[Waypoint],
    spans: &[Option<std::ops::Range<usize>>],
    legs: &[LegSpec],
) -> Result<(), Error> {
    for (w, span) in waypoints.iter().zip(spans) {
        let Some(span) = span else { continue };
        if w.airport.is_none() {
            continue;
        }
        let flown = legs
            .iter()
            .filter(|l| l.mode == Mode::Air)
            .any(|l| l.from == w.id || l.to == w.id || l.via.contains(&w.id));
        if !flown {
            return cx.err(
                span.clone(),
                format!(
                    "waypoint \"{}\" has `airport`, but no air leg starts, ends or stops there",
                    w.id
                ),
                "remove `airport`, or write the flight as a leg with mode = \"air\"",
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Story;

    fn story(airport: &str, mode: &str) -> String {
        format!(
            "[[waypoints]]\nid = \"a\"\nplace = \"Pyongyang\"\n{airport}\n\
             [[waypoints]]\nid = \"b\"\nplace = \"Vladivostok\"\n\
             [[legs]]\nfrom = \"a\"\nto = \"b\"\nmode = \"{mode}\"\n"
        )
    }

    #[test]
    fn true_a_code_and_false_are_read() {
        let s = Story::parse(&story("airport = true", "air"), "s.toml").unwrap();
        assert_eq!(s.waypoints[0].airport, Some(AirportChoice::Serving));
        assert_eq!(s.waypoints[1].airport, None);
        let s = Story::parse(&story("airport = \"fnj\"", "air"), "s.toml").unwrap();
        assert_eq!(
            s.waypoints[0].airport,
            Some(AirportChoice::Code("FNJ".into()))
        );
        let s = Story::parse(&story("airport = \"ZKPY\"", "air"), "s.toml").unwrap();
        assert_eq!(
            s.waypoints[0].airport,
            Some(AirportChoice::Code("ZKPY".into()))
        );
        let s = Story::parse(&story("airport = false", "rail"), "s.toml").unwrap();
        assert_eq!(s.waypoints[0].airport, None);
    }

    #[test]
    fn a_bad_value_names_the_line_and_the_fix() {
        for (bad, says) in [
            ("airport = \"Sunan\"", "is not an airport code"),
            ("airport = \"V O\"", "is not an airport code"),
            ("airport = \"1AB\"", "is not an airport code"),
            ("airport = 3", "neither true, false nor a code"),
        ] {
            let e = Story::parse(&story(bad, "air"), "s.toml").unwrap_err();
            let text = format!("{e}");
            assert!(
                text.contains(says) && text.contains("s.toml:4"),
                "{bad}: {text}"
            );
            let help = miette::Diagnostic::help(&e).map(|h| h.to_string());
            assert!(help.is_some_and(|h| h.contains("airport = true")), "{bad}");
        }
    }

    #[test]
    fn an_airport_with_no_air_leg_is_refused() {
        let e = Story::parse(&story("airport = true", "rail"), "s.toml").unwrap_err();
        let text = format!("{e}");
        assert!(
            text.contains("no air leg starts, ends or stops there"),
            "{text}"
        );
        assert!(text.contains("s.toml:4:11"), "{text}");
    }
}
