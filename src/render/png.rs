//! SVG → PNG with resvg, loading only the bundled fonts (no system fonts), so the pixels are the
//! same on every machine.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::Error;
use super::fonts;
use super::style::FONT_FAMILY;

fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for face in [fonts::REGULAR, fonts::BOLD, fonts::OBLIQUE] {
            db.load_font_data(face.to_vec());
        }
        db.set_sans_serif_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Rasterises an SVG document to PNG at its own size (one SVG unit = one pixel).
pub fn rasterise(svg: &str) -> Result<Vec<u8>, Error> {
    let opt = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: fontdb(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt)?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| Error::Png {
            reason: format!("cannot allocate {}×{} pixels", size.width(), size.height()),
        })?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| Error::Png {
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_renders_with_the_bundled_font() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/><text x="5" y="28" font-family="DejaVu Sans" font-size="20">Хасан</text></svg>"##;
        let png = rasterise(svg).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        // Same input, same bytes.
        assert_eq!(png, rasterise(svg).unwrap());
        // The text left ink: the PNG is larger than a blank one.
        let blank = rasterise(r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/></svg>"##).unwrap();
        assert!(png.len() > blank.len() + 100);
    }

    #[test]
    fn bad_svg_is_an_error() {
        assert!(rasterise("<svg").is_err());
    }
}
