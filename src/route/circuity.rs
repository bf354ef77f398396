//! Circuity: how much longer than the straight line a rail or road route usually is, as the
//! transport-geography literature measures it (network distance ÷ great-circle distance),
//! read from `data/circuity/circuity.toml` where every figure cites its source. A leg that no
//! line data covers is bounded with it: the straight line is a hard lower bound (no train is
//! shorter), and `straight × low … straight × high` is the band where its real length
//! usually lies. Routes round seas or through mountains can exceed the band, and the notes
//! say so.

use std::sync::OnceLock;

use crate::story::Mode;
use crate::units::Length;

/// One published circuity figure.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Circuity {
    /// "rail" or "road".
    pub mode: String,
    /// "world", or the ISO 3166-1 alpha-2 code of the country it was measured in.
    pub scope: String,
    /// The published central figure.
    pub typical: f64,
    /// The low end of the published spread.
    pub low: f64,
    /// The high end of the published spread.
    pub high: f64,
    /// What `typical`, `low` and `high` are (mean, median, percentiles).
    pub statistic: String,
    /// What it was measured on.
    pub measured_on: String,
    /// The publication and where it was read.
    pub source: String,
}

/// A length known only within bounds: at least `straight`, usually within `band`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Bounds {
    /// The geodesic through the waypoints: the hard lower bound.
    pub straight: Length,
    /// The usual range: `straight × low` to `straight × high`.
    pub band: (Length, Length),
    /// `straight × typical`.
    pub typical: Length,
    /// The figure the band comes from.
    pub factor: Circuity,
}

/// Why the circuity table could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("{file}: {message}")]
    /// The table is not valid TOML or breaks its schema.
    Table {
        /// The table's path ("data/circuity/circuity.toml").
        file: String,
        /// What is wrong with it.
        message: String,
    },
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    factor: Vec<Circuity>,
}

const FILE: &str = "data/circuity/circuity.toml";
const TEXT: &str = include_str!("../../data/circuity/circuity.toml");

/// Parses a circuity table, checking that every row is usable: 1 ≤ low ≤ typical ≤ high, a
/// known mode, a source, and a world row for each mode.
pub fn parse(file: &str, text: &str) -> Result<Vec<Circuity>, Error> {
    let bad = |message: String| Error::Table {
        file: file.to_string(),
        message,
    };
    let t: Table = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    for (i, f) in t.factor.iter().enumerate() {
        let row = i + 1;
        if !matches!(f.mode.as_str(), "rail" | "road") {
            return Err(bad(format!(
                "factor {row}: mode \"{}\" is not rail or road",
                f.mode
            )));
        }
        if !(1.0 <= f.low && f.low <= f.typical && f.typical <= f.high && f.high.is_finite()) {
            return Err(bad(format!(
                "factor {row} ({} {}): needs 1 ≤ low ≤ typical ≤ high, got {} ≤ {} ≤ {}",
                f.mode, f.scope, f.low, f.typical, f.high
            )));
        }
        if f.source.trim().is_empty() {
            return Err(bad(format!("factor {row}: no source")));
        }
    }
    for mode in ["rail", "road"] {
        if !t
            .factor
            .iter()
            .any(|f| f.mode == mode && f.scope == "world")
        {
            return Err(bad(format!("no world row for {mode}")));
        }
    }
    Ok(t.factor)
}

/// The bundled table (checked by a unit test, so a failure here is a damaged build).
pub fn table() -> Result<&'static [Circuity], Error> {
    static T: OnceLock<Result<Vec<Circuity>, Error>> = OnceLock::new();
    T.get_or_init(|| parse(FILE, TEXT))
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// The figure for `mode` in `country` (ISO code), else the world figure; `None` for modes
/// that are not bounded this way (air and direct legs are geodesics).
pub fn factor_for<'a>(
    table: &'a [Circuity],
    mode: Mode,
    country: Option<&str>,
) -> Option<&'a Circuity> {
    let m = match mode {
        Mode::Rail => "rail",
        Mode::Road => "road",
        Mode::Air | Mode::Direct => return None,
    };
    let here = country.and_then(|c| table.iter().find(|f| f.mode == m && f.scope == c));
    here.or_else(|| table.iter().find(|f| f.mode == m && f.scope == "world"))
}

/// Bounds for a leg whose straight line is `straight`.
pub fn bound(straight: Length, f: &Circuity) -> Bounds {
    Bounds {
        straight,
        band: (straight * f.low, straight * f.high),
        typical: straight * f.typical,
        factor: f.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_is_usable() {
        let t = table().unwrap();
        for mode in [Mode::Rail, Mode::Road] {
            let f = factor_for(t, mode, None).unwrap();
            assert_eq!(f.scope, "world");
            assert!(f.low >= 1.0 && f.high > f.low, "{f:?}");
        }
        assert!(factor_for(t, Mode::Air, None).is_none());
    }

    #[test]
    fn bad_rows_are_refused_with_the_reason() {
        let row = |low: f64, high: f64| {
            format!(
                "[[factor]]\nmode = \"rail\"\nscope = \"world\"\ntypical = 1.2\nlow = {low}\nhigh = {high}\nstatistic = \"s\"\nmeasured_on = \"m\"\nsource = \"x\"\n[[factor]]\nmode = \"road\"\nscope = \"world\"\ntypical = 1.3\nlow = 1.1\nhigh = 1.5\nstatistic = \"s\"\nmeasured_on = \"m\"\nsource = \"x\"\n"
            )
        };
        assert!(parse("t", &row(1.1, 1.4)).is_ok());
        let e = parse("t", &row(0.9, 1.4)).unwrap_err().to_string();
        assert!(e.contains("1 ≤ low"), "{e}");
        let e = parse("t", &row(1.1, 1.1)).unwrap_err().to_string();
        assert!(e.contains("typical ≤ high"), "{e}");
        let f = parse("t", &row(1.1, 1.4)).unwrap();
        let b = bound(Length::km(100.0), &f[0]);
        assert!((b.band.1.as_km() - 140.0).abs() < 1e-9);
    }
}
