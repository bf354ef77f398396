//! A minimal SVG writer: fixed number formatting (one decimal, no "-0"), XML escaping, and path
//! data from pixel polylines. Writing SVG directly rather than through plotters' backend keeps
//! sub-pixel coordinates (plotters rounds to whole pixels), dashes, text halos, multi-ring paths
//! with even-odd fill and clip paths, all of which a printed map needs.

use std::fmt::Write;

/// A point in pixels (x right, y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Px {
    pub x: f64,
    pub y: f64,
}

/// Formats a pixel value with one decimal, dropping ".0" and never printing "-0".
pub fn num(v: f64) -> String {
    let mut out = String::new();
    push_num(&mut out, v);
    out
}

/// Appends [`num`]`(v)` to `out`: the value in tenths, written digit by digit (no float
/// formatting, which was a tenth of drawing the default map's paths).
pub fn push_num(out: &mut String, v: f64) {
    match tenths(v) {
        Some(t) => push_tenths(out, t),
        // Not finite, or too large for whole tenths: float formatting, as it always was.
        None => {
            let r = (v * 10.0).round() / 10.0;
            let _ = if r.fract() == 0.0 {
                write!(out, "{r:.0}")
            } else {
                write!(out, "{r:.1}")
            };
        }
    }
}

/// `v` rounded to tenths, as a whole number of tenths, where that is exact.
fn tenths(v: f64) -> Option<i64> {
    let t = (v * 10.0).round();
    (t.is_finite() && t.abs() < 1e15).then_some(t as i64)
}

/// Writes `t` tenths as "12", "12.5", "-0.5" or "0".
fn push_tenths(out: &mut String, t: i64) {
    if t < 0 {
        out.push('-');
    }
    let (whole, tenth) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut w = whole;
    loop {
        at -= 1;
        digits[at] = b'0' + (w % 10) as u8;
        w /= 10;
        if w == 0 {
            break;
        }
    }
    for d in &digits[at..] {
        out.push(char::from(*d));
    }
    if tenth != 0 {
        out.push('.');
        out.push(char::from(b'0' + tenth as u8));
    }
}

/// Escapes text for an XML text node or attribute value ([`crate::xml::escape`]).
pub fn esc(s: &str) -> String {
    crate::xml::escape(s)
}

/// Appends "M x y L x y …" (and "Z" when `closed`) for one polyline to `d`, leaving out a
/// point that prints the same as the one before it.
pub fn push_path(d: &mut String, pts: &[Px], closed: bool) {
    #[derive(PartialEq)]
    enum Printed {
        Tenths(i64, i64),
        /// Not a finite pixel (or a huge one): compared as the text it prints.
        Text(String),
    }
    let mut last: Option<Printed> = None;
    for (i, p) in pts.iter().enumerate() {
        let now = match (tenths(p.x), tenths(p.y)) {
            (Some(x), Some(y)) => Printed::Tenths(x, y),
            _ => Printed::Text(format!("{} {}", num(p.x), num(p.y))),
        };
        if i > 0 && last.as_ref() == Some(&now) {
            continue;
        }
        d.push(if i == 0 { 'M' } else { 'L' });
        match &now {
            Printed::Tenths(x, y) => {
                push_tenths(d, *x);
                d.push(' ');
                push_tenths(d, *y);
            }
            Printed::Text(xy) => d.push_str(xy),
        }
        last = Some(now);
    }
    if closed && !pts.is_empty() {
        d.push('Z');
    }
}

/// A `<path>` element with the given data and attributes (written as-is after the data).
pub fn path(out: &mut String, d: &str, attrs: &str) {
    if !d.is_empty() {
        let _ = writeln!(out, r#"<path d="{d}" {attrs}/>"#);
    }
}

/// Text anchoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn word(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A `<text>` element at `at` (baseline), rotated by `angle_deg` about `at` when non-zero.
pub fn text(out: &mut String, at: Px, anchor: Anchor, angle_deg: f64, attrs: &str, s: &str) {
    let rot = if angle_deg.abs() > 0.05 {
        format!(
            r#" transform="rotate({} {} {})""#,
            num(angle_deg),
            num(at.x),
            num(at.y)
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{}" text-anchor="{}"{rot} {attrs}>{}</text>"#,
        num(at.x),
        num(at.y),
        anchor.word(),
        esc(s)
    );
}

/// A text halo: an outline of the text in the background colour, drawn under it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Halo<'a> {
    /// The outline's colour.
    pub colour: &'a str,
    /// The outline's width, in pixels.
    pub width: f64,
}

/// A label with a halo: the same text twice, first as the outline (stroke only), then filled.
/// Every SVG renderer draws that alike; a single element with `paint-order="stroke"` is drawn
/// fill-then-stroke by renderers that ignore `paint-order` (cairosvg), hiding the letters.
/// `font_attrs` sets the font only (size, weight, spacing), never the paint.
#[allow(clippy::too_many_arguments)]
pub fn halo_text(
    out: &mut String,
    at: Px,
    anchor: Anchor,
    angle_deg: f64,
    font_attrs: &str,
    fill: &str,
    halo: Halo,
    s: &str,
) {
    let outline = format!(
        r#"{font_attrs} fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round""#,
        halo.colour,
        num(halo.width)
    );
    text(out, at, anchor, angle_deg, &outline, s);
    text(
        out,
        at,
        anchor,
        angle_deg,
        &format!(r#"{font_attrs} fill="{fill}""#),
        s,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number as it was first written, with float formatting.
    fn num_by_float_formatting(v: f64) -> String {
        let r = (v * 10.0).round() / 10.0;
        let r = if r == 0.0 { 0.0 } else { r };
        if r.fract() == 0.0 {
            format!("{r:.0}")
        } else {
            format!("{r:.1}")
        }
    }

    proptest::proptest! {
        /// Writing tenths digit by digit prints what float formatting printed, for pixels,
        /// halves, huge values and values that are not finite.
        #[test]
        fn numbers_print_as_float_formatting_does(
            v in proptest::prop_oneof![
                -5000.0f64..5000.0,
                proptest::strategy::Strategy::prop_map(-100_000i64..100_000, |k| k as f64 / 20.0),
                proptest::num::f64::ANY,
            ]
        ) {
            proptest::prop_assert_eq!(num(v), num_by_float_formatting(v));
        }
    }

    #[test]
    fn paths_leave_out_points_that_print_the_same() {
        let mut d = String::new();
        let pts = [
            Px { x: 1.0, y: 2.0 },
            Px { x: 1.04, y: 2.01 },
            Px { x: -0.5, y: 10.25 },
            Px {
                x: f64::NAN,
                y: 0.0,
            },
            Px {
                x: f64::NAN,
                y: 0.0,
            },
        ];
        push_path(&mut d, &pts, true);
        assert_eq!(d, "M1 2L-0.5 10.3LNaN 0Z");
    }

    #[test]
    fn numbers_are_stable() {
        assert_eq!(num(12.04), "12");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(3.25), "3.3");
        assert_eq!(num(-7.66), "-7.7");
    }

    #[test]
    fn halo_is_an_outline_under_the_filled_text() {
        let mut out = String::new();
        let halo = Halo {
            colour: "#fff",
            width: 3.5,
        };
        halo_text(
            &mut out,
            Px { x: 1.0, y: 2.0 },
            Anchor::Start,
            0.0,
            r#"font-size="12""#,
            "#111",
            halo,
            "Khasan",
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains(r##"fill="none" stroke="#fff" stroke-width="3.5""##));
        assert!(lines[1].contains(r##"fill="#111""##) && !lines[1].contains("stroke"));
        assert!(!out.contains("paint-order"));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(esc("A & B <\"c\">"), "A &amp; B &lt;&quot;c&quot;&gt;");
    }

    #[test]
    fn path_skips_repeated_points() {
        let mut d = String::new();
        push_path(
            &mut d,
            &[
                Px { x: 0.0, y: 0.0 },
                Px { x: 0.01, y: 0.0 },
                Px { x: 5.0, y: 5.0 },
            ],
            true,
        );
        assert_eq!(d, "M0 0L5 5Z");
    }
}
