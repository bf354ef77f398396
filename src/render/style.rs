//! Colours and type sizes for the two themes. One place to change the look.

use super::scene::Theme;

/// The font family the SVG names and the PNG renderer loads (bundled in `data/fonts/`).
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Colours for one theme, as SVG colour strings.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub sea: &'static str,
    pub land: &'static str,
    pub coast: &'static str,
    pub river: &'static str,
    pub story_river: &'static str,
    pub border: &'static str,
    pub border_halo: &'static str,
    pub graticule: &'static str,
    pub rail: &'static str,
    pub air: &'static str,
    pub road: &'static str,
    pub direct: &'static str,
    pub casing: &'static str,
    pub text: &'static str,
    pub text_muted: &'static str,
    pub halo: &'static str,
    pub panel: &'static str,
    pub panel_stroke: &'static str,
    pub water_text: &'static str,
    pub marker: &'static str,
    pub highlight: &'static str,
}

pub const LIGHT: Palette = Palette {
    sea: "#d6e6f2",
    land: "#f6f3ec",
    coast: "#7c9db5",
    river: "#9dbfdb",
    story_river: "#2f78b7",
    border: "#8c6a8c",
    border_halo: "#eadcea",
    graticule: "#b9c6d1",
    rail: "#b3202a",
    air: "#1f5fa8",
    road: "#c56a00",
    direct: "#444444",
    casing: "#ffffff",
    text: "#1d1d1d",
    text_muted: "#5b5b5b",
    halo: "#ffffff",
    panel: "#ffffff",
    panel_stroke: "#9a9a9a",
    water_text: "#2f6690",
    marker: "#1d1d1d",
    highlight: "#d0312d",
};

pub const DARK: Palette = Palette {
    sea: "#15202b",
    land: "#2b313a",
    coast: "#5a7a93",
    river: "#3e6587",
    story_river: "#6fb3ee",
    border: "#c9a3c9",
    border_halo: "#463a4b",
    graticule: "#37475a",
    rail: "#ff5a5f",
    air: "#6fb3ee",
    road: "#ffab40",
    direct: "#dddddd",
    casing: "#10161d",
    text: "#f0f0f0",
    text_muted: "#b0b0b0",
    halo: "#10161d",
    panel: "#1b222b",
    panel_stroke: "#56606b",
    water_text: "#8cc4f0",
    marker: "#f0f0f0",
    highlight: "#ff5a5f",
};

/// The palette for a theme.
pub fn palette(theme: Theme) -> &'static Palette {
    match theme {
        Theme::Light => &LIGHT,
        Theme::Dark => &DARK,
    }
}
