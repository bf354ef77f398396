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
    encode(pixmap)
}

/// Encodes a raster as PNG with the `png` crate's fast setting (fdeflate): several times faster
/// than the default zlib level for files about a third larger. A fully opaque raster (every map
/// and chart: they paint their background) is written as RGB, a quarter fewer bytes to compress.
fn encode(pixmap: tiny_skia::Pixmap) -> Result<Vec<u8>, Error> {
    let (w, h) = (pixmap.width(), pixmap.height());
    let rgba = pixmap.take_demultiplied();
    let opaque = rgba.chunks_exact(4).all(|p| p[3] == 255);
    let (colour, data) = if opaque {
        let rgb: Vec<u8> = rgba
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        (png::ColorType::Rgb, rgb)
    } else {
        (png::ColorType::Rgba, rgba)
    };
    let fail = |e: png::EncodingError| Error::Png {
        reason: e.to_string(),
    };
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(colour);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    let mut writer = enc.write_header().map_err(fail)?;
    writer.write_image_data(&data).map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(out)
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

    /// An opaque drawing is written as RGB, one with transparency as RGBA; both decode to the
    /// pixels drawn.
    #[test]
    fn opaque_rasters_are_rgb_and_transparent_ones_rgba() {
        let opaque = rasterise(r##"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="4" height="2" fill="#102030"/></svg>"##).unwrap();
        let clear = rasterise(r##"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="2" height="2" fill="#102030"/></svg>"##).unwrap();
        for (bytes, colour, px) in [
            (&opaque, png::ColorType::Rgb, vec![0x10, 0x20, 0x30]),
            (&clear, png::ColorType::Rgba, vec![0x10, 0x20, 0x30, 0xff]),
        ] {
            let mut r = png::Decoder::new(std::io::Cursor::new(bytes.as_slice()))
                .read_info()
                .unwrap();
            assert_eq!(r.info().color_type, colour);
            let mut buf = vec![0; r.output_buffer_size().unwrap()];
            r.next_frame(&mut buf).unwrap();
            assert_eq!(&buf[..px.len()], px.as_slice());
        }
        // The right half of the second is transparent.
        let mut r = png::Decoder::new(std::io::Cursor::new(clear.as_slice()))
            .read_info()
            .unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        r.next_frame(&mut buf).unwrap();
        assert_eq!(buf[3 * 4 + 3], 0);
    }

    #[test]
    fn bad_svg_is_an_error() {
        assert!(rasterise("<svg").is_err());
    }
}
