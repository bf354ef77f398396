//! The bundled DejaVu Sans faces (regular, bold, oblique) and text measurement with their real
//! advance widths, so labels are sized the way they will be drawn.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

pub const REGULAR: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/fonts/DejaVuSans.ttf"
));
pub const BOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/fonts/DejaVuSans-Bold.ttf"
));
pub const OBLIQUE: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/fonts/DejaVuSans-Oblique.ttf"
));

/// Which face a piece of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Oblique,
}

impl Face {
    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Oblique => OBLIQUE,
        }
    }

    /// SVG attributes selecting this face.
    pub fn attrs(self) -> &'static str {
        match self {
            Face::Regular => "",
            Face::Bold => r#" font-weight="bold""#,
            Face::Oblique => r#" font-style="italic""#,
        }
    }
}

/// Width in pixels of `s` set at `size_px` in `face`, plus `spacing_px` between letters.
/// Characters missing from the font count as the width of "M" × 0.6 (what a fallback box takes).
pub fn text_width(s: &str, face: Face, size_px: f64, spacing_px: f64) -> f64 {
    let Ok(font) = FontRef::new(face.bytes()) else {
        return s.chars().count() as f64 * size_px * 0.6;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size_px as f32), LocationRef::default());
    let mut w = 0.0;
    let mut n = 0usize;
    for c in s.chars() {
        n += 1;
        w += charmap
            .map(c)
            .and_then(|g| metrics.advance_width(g))
            .map_or(size_px * 0.6, f64::from);
    }
    w + spacing_px * n.saturating_sub(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_plausible_and_scale() {
        let w = text_width("Vladivostok", Face::Regular, 10.0, 0.0);
        assert!(w > 50.0 && w < 80.0, "{w}");
        let w2 = text_width("Vladivostok", Face::Regular, 20.0, 0.0);
        assert!((w2 - 2.0 * w).abs() < 0.5);
        assert!(text_width("Владивосток", Face::Bold, 10.0, 0.0) > w);
        assert_eq!(text_width("", Face::Regular, 10.0, 2.0), 0.0);
    }
}
