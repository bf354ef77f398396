//! SVG → PNG with resvg, loading only the bundled fonts (no system fonts), so the pixels are the
//! same on every machine.

use std::borrow::Cow;
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
    let tree = usvg::Tree::from_str(&halos_as_one(svg), &opt)?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| Error::Png {
            reason: format!("cannot allocate {}×{} pixels", size.width(), size.height()),
        })?;
    render_in_bands(&tree, &mut pixmap);
    encode(pixmap)
}

/// The map's halo labels, each written as two `<text>` elements (outline, then fill: see
/// `svg::halo_text`, for renderers without `paint-order`), joined into one element with
/// `paint-order="stroke"` for resvg, which has it: the same picture, with each label's text
/// laid out once instead of twice (a sixth of the raster's time on the default map). Any
/// other line is left as it is.
fn halos_as_one(svg: &str) -> Cow<'_, str> {
    const OUTLINE: &str = r#" fill="none" stroke=""#;
    if !svg.contains(OUTLINE) {
        return Cow::Borrowed(svg);
    }
    let mut out = String::with_capacity(svg.len());
    let mut lines = svg.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let joined = lines.peek().and_then(|next| join_halo(line, next, OUTLINE));
        match joined {
            Some(one) => {
                out.push_str(&one);
                lines.next();
            }
            None => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

/// `outline` and `fill` as one `<text>` element when they are a halo pair: the same element
/// start, font and text, the first stroked only (`fill="none" stroke=…`), the second filled.
fn join_halo(outline: &str, fill: &str, marker: &str) -> Option<String> {
    let body = outline.strip_prefix("<text ")?;
    let cut = body.find(marker)?;
    let (start, rest) = body.split_at(cut);
    let (stroke, text) = rest[r#" fill="none""#.len()..].split_once('>')?;
    let fill_rest = fill.strip_prefix("<text ")?.strip_prefix(start)?;
    let colour = fill_rest.strip_prefix(r#" fill=""#)?;
    let (colour, fill_text) = colour.split_once(r#"">"#)?;
    if fill_text != text || colour.contains('"') || !text.trim_end().ends_with("</text>") {
        return None;
    }
    Some(format!(
        r#"<text {start} fill="{colour}"{stroke} paint-order="stroke">{text}"#
    ))
}

/// Rasters at least this many rows high are drawn as two bands.
const MIN_BANDED_HEIGHT: u32 = 200;

/// Draws `tree` into `pixmap` as two horizontal bands on two threads, each straight into its
/// half of the pixels (the lower one shifted up by whole pixels). The pixels are those of one
/// pass except for the anti-aliasing of edges in the rows beside the seam, which may differ by
/// a few levels; the split is fixed, so reruns are byte-identical. Small rasters are drawn in
/// one pass.
fn render_in_bands(tree: &usvg::Tree, pixmap: &mut tiny_skia::Pixmap) {
    let (w, h) = (pixmap.width(), pixmap.height());
    if h < MIN_BANDED_HEIGHT {
        resvg::render(tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        return;
    }
    let top_h = h / 2;
    let split = (w as usize) * (top_h as usize) * 4;
    let (top, bottom) = pixmap.data_mut().split_at_mut(split);
    let draw = |bytes: &mut [u8], rows: u32, shift: u32| {
        if let Some(mut band) = tiny_skia::PixmapMut::from_bytes(bytes, w, rows) {
            let up = tiny_skia::Transform::from_translate(0.0, -(shift as f32));
            resvg::render(tree, up, &mut band);
        }
    };
    std::thread::scope(|s| {
        s.spawn(|| draw(bottom, h - top_h, top_h));
        draw(top, top_h, 0);
    });
}

/// Encodes a raster as PNG with the `png` crate's fast setting (fdeflate): several times faster
/// than the default zlib level for files about a third larger. A fully opaque raster (every map
/// and chart: they paint their background) is written as RGB, a quarter fewer bytes to compress,
/// one row at a time, so no second copy of the image is made.
fn encode(pixmap: tiny_skia::Pixmap) -> Result<Vec<u8>, Error> {
    let (w, h) = (pixmap.width(), pixmap.height());
    let fail = |e: png::EncodingError| Error::Png {
        reason: e.to_string(),
    };
    // An opaque pixel's premultiplied colour is its colour: no need to demultiply.
    let opaque = pixmap.data().chunks_exact(4).all(|p| p[3] == 255);
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    let mut writer = enc.write_header().map_err(fail)?;
    if opaque {
        let mut stream = writer.stream_writer_with_size(1 << 18).map_err(fail)?;
        let mut row = Vec::with_capacity(w as usize * 3);
        for pixels in pixmap.data().chunks_exact(w as usize * 4) {
            row.clear();
            row.extend(pixels.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]));
            std::io::Write::write_all(&mut stream, &row).map_err(|e| Error::Png {
                reason: e.to_string(),
            })?;
        }
        stream.finish().map_err(fail)?;
    } else {
        writer
            .write_image_data(&pixmap.take_demultiplied())
            .map_err(fail)?;
    }
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

    /// Two bands drawn on two threads give the pixels of one pass over the whole raster, lines,
    /// curves and text crossing the seam included, but for anti-aliasing beside the seam.
    #[test]
    fn bands_draw_the_pixels_of_one_pass() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="241"><rect width="300" height="241" fill="#fff"/><path d="M10 10L290 230L150 40Z" fill="#2f78b7" stroke="#b3202a" stroke-width="3.3"/><circle cx="150" cy="120.4" r="33.7" fill="none" stroke="#444" stroke-width="1.6" stroke-dasharray="6 3"/><text x="20" y="126" font-family="DejaVu Sans" font-size="19" fill="none" stroke="#fff" stroke-width="3.5" stroke-linejoin="round">Хасан km 857</text><text x="20" y="126" font-family="DejaVu Sans" font-size="19" fill="#1d1d1d">Хасан km 857</text></svg>"##;
        let opt = usvg::Options {
            font_family: FONT_FAMILY.to_string(),
            fontdb: fontdb(),
            ..Default::default()
        };
        let tree = usvg::Tree::from_str(svg, &opt).unwrap();
        let mut one = tiny_skia::Pixmap::new(300, 241).unwrap();
        resvg::render(&tree, tiny_skia::Transform::default(), &mut one.as_mut());
        let mut banded = tiny_skia::Pixmap::new(300, 241).unwrap();
        render_in_bands(&tree, &mut banded);
        // Away from the seam (row 120) every pixel is the same; beside it, the edges'
        // anti-aliasing may differ by a few levels (an eighth at most): the rasteriser
        // accumulates sub-row coverage from each band's own top.
        for (i, (a, b)) in (one.data().chunks_exact(4))
            .zip(banded.data().chunks_exact(4))
            .enumerate()
        {
            let y = i / 300;
            if y.abs_diff(120) > 3 {
                assert_eq!(a, b, "pixel {i} (row {y})");
            } else {
                let most = a.iter().zip(b).map(|(p, q)| p.abs_diff(*q)).max();
                assert!(most <= Some(32), "pixel {i} (row {y}): {a:?} {b:?}");
            }
        }
        // Ink on both sides of the seam.
        let row = |y: usize| &banded.data()[y * 300 * 4..(y + 1) * 300 * 4];
        assert!(row(119).chunks_exact(4).any(|p| p[..3] != [255, 255, 255]));
        assert!(row(121).chunks_exact(4).any(|p| p[..3] != [255, 255, 255]));
    }

    /// A halo pair (outline then fill) becomes one element painted stroke first; anything
    /// else, an unpaired outline included, is left alone.
    #[test]
    fn halo_pairs_are_joined_for_the_rasteriser() {
        let pair = concat!(
            r##"<text x="1" y="2" text-anchor="start" font-size="12" fill="none" stroke="#fff" stroke-width="3.5" stroke-linejoin="round">Khasan &amp; km</text>"##,
            "\n",
            r##"<text x="1" y="2" text-anchor="start" font-size="12" fill="#111">Khasan &amp; km</text>"##,
            "\n",
        );
        let other = concat!(
            r##"<text x="5" y="2" text-anchor="start" font-size="12" fill="none" stroke="#fff" stroke-width="3.5" stroke-linejoin="round">A</text>"##,
            "\n",
            r##"<text x="5" y="2" text-anchor="start" font-size="12" fill="#111">B</text>"##,
            "\n",
        );
        let svg = format!("<svg>\n{pair}{other}</svg>\n");
        let joined = halos_as_one(&svg);
        assert_eq!(
            joined,
            format!(
                "<svg>\n{}\n{other}</svg>\n",
                r##"<text x="1" y="2" text-anchor="start" font-size="12" fill="#111" stroke="#fff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">Khasan &amp; km</text>"##
            )
        );
        assert!(matches!(halos_as_one("<svg/>"), Cow::Borrowed(_)));
    }

    /// The joined halo draws the picture the pair draws.
    #[test]
    fn a_joined_halo_draws_as_the_pair() {
        let head = r##"<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40"><rect width="160" height="40" fill="#8ab"/>"##;
        let pair = concat!(
            r##"<text x="5" y="28" text-anchor="start" font-size="20" font-family="DejaVu Sans" fill="none" stroke="#fff" stroke-width="3.5" stroke-linejoin="round">Хасан</text>"##,
            "\n",
            r##"<text x="5" y="28" text-anchor="start" font-size="20" font-family="DejaVu Sans" fill="#111">Хасан</text>"##,
            "\n"
        );
        let opt = usvg::Options {
            font_family: FONT_FAMILY.to_string(),
            fontdb: fontdb(),
            ..Default::default()
        };
        let draw = |svg: &str| {
            let tree = usvg::Tree::from_str(svg, &opt).unwrap();
            let mut px = tiny_skia::Pixmap::new(160, 40).unwrap();
            resvg::render(&tree, tiny_skia::Transform::default(), &mut px.as_mut());
            px
        };
        let svg = format!("{head}\n{pair}</svg>");
        let (two, one) = (draw(&svg), draw(&halos_as_one(&svg)));
        let most = (two.data().iter())
            .zip(one.data())
            .map(|(a, b)| a.abs_diff(*b))
            .max();
        assert!(most <= Some(2), "{most:?}");
        assert!(halos_as_one(&svg).contains("paint-order"));
    }
}
