//! Leaflet 1.9.4, vendored unchanged in `vendor/leaflet-1.9.4/` by `scripts/fetch_leaflet.py`
//! (npm `leaflet@1.9.4`, sha256-checked; BSD-2-Clause, licence beside it), made ready to inline:
//! the script without its source-map comment (a file the page does not carry), and the style
//! sheet with every `url(images/…)` turned into a `data:` URL, so that the page requests nothing.

macro_rules! vendored {
    ($f:literal) => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/vendor/leaflet-1.9.4/", $f)
    };
}

/// The library's version, shown in the attribution line.
pub const VERSION: &str = "1.9.4";

/// Leaflet's licence text, carried in the page beside the inlined library.
pub const LICENSE: &str = include_str!(vendored!("LICENSE"));

const SCRIPT: &str = include_str!(vendored!("leaflet.js"));
const STYLE: &str = include_str!(vendored!("leaflet.css"));

/// The images the style sheet names, by the file name it uses.
const IMAGES: [(&str, &[u8]); 5] = [
    ("layers.png", include_bytes!(vendored!("images/layers.png"))),
    (
        "layers-2x.png",
        include_bytes!(vendored!("images/layers-2x.png")),
    ),
    (
        "marker-icon.png",
        include_bytes!(vendored!("images/marker-icon.png")),
    ),
    (
        "marker-icon-2x.png",
        include_bytes!(vendored!("images/marker-icon-2x.png")),
    ),
    (
        "marker-shadow.png",
        include_bytes!(vendored!("images/marker-shadow.png")),
    ),
];

/// The script, ready for an inline `<script>`: the trailing `//# sourceMappingURL=…` line
/// removed (a browser's developer tools would try to fetch it).
pub fn script() -> &'static str {
    match SCRIPT.rfind("//# sourceMappingURL=") {
        Some(i) => &SCRIPT[..i],
        None => SCRIPT,
    }
}

/// The style sheet with each `url(images/NAME)` replaced by the image as a `data:` URL.
pub fn style() -> String {
    let mut css = STYLE.to_string();
    for (name, bytes) in IMAGES {
        css = css.replace(
            &format!("url(images/{name})"),
            &format!("url(data:image/png;base64,{})", base64(bytes)),
        );
    }
    css
}

/// Standard base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain:?}");
        }
    }

    #[test]
    fn inlined_library_names_no_file() {
        assert!(SCRIPT.starts_with("/* @preserve\n * Leaflet 1.9.4"));
        assert!(!script().contains("sourceMappingURL"));
        assert!(!script().contains("</script"));
        let css = style();
        assert!(!css.contains("url(images/"), "every image inlined");
        assert!(css.contains("url(data:image/png;base64,iVBORw0KGgo"));
        assert!(LICENSE.starts_with("BSD 2-Clause License"));
    }
}
