//! Plain geometry for the chart: speed lines and bands clipped to the plot (in data units,
//! hours and km, because plotters draws whatever it is given, outside the plot too), boxes in
//! pixels, and spreading labels apart.

use crate::render::fonts::{self, Face};

/// The plot's extent in data units: hours `t0..t1`, km `k0..k1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct DataRect {
    pub t0: f64,
    pub t1: f64,
    pub k0: f64,
    pub k1: f64,
}

/// Where the ray km = `a` + `v`·(t − `t`) (hours, km, km/h) leaves `r` at the top or the right.
/// A zero speed runs flat to the right edge. Computed so that no product overflows.
pub(super) fn exit(r: &DataRect, t: f64, a: f64, v: f64) -> (f64, f64) {
    if v > 0.0 {
        let to_top = (r.k1 - a) / v;
        if to_top <= r.t1 - t {
            return (t + to_top, r.k1);
        }
        return (r.t1, a + v * (r.t1 - t));
    }
    (r.t1, a)
}

/// The segment of a speed line inside `r`, or `None` if it starts outside.
pub(super) fn line(r: &DataRect, t: f64, a: f64, v: f64) -> Option<[(f64, f64); 2]> {
    if t >= r.t1 || a > r.k1 || t < r.t0 || a < r.k0 {
        return None;
    }
    Some([(t, a), exit(r, t, a, v)])
}

/// A line segment (hours, km) cut where it reaches km `until`, when it does.
pub(super) fn stop_at(seg: [(f64, f64); 2], until: Option<f64>) -> [(f64, f64); 2] {
    let [(t0, k0), (t1, k1)] = seg;
    match until {
        Some(u) if k1 > u && k1 > k0 => {
            let f = ((u - k0) / (k1 - k0)).clamp(0.0, 1.0);
            [(t0, k0), (t0 + f * (t1 - t0), k0 + f * (k1 - k0))]
        }
        _ => seg,
    }
}

/// The dashes (`on` px drawn, `off` px left out, from a) of the pixel segment a–b, each cut
/// from the exact line.
pub(super) fn dashes(a: (f64, f64), b: (f64, f64), on: f64, off: f64) -> Vec<[(f64, f64); 2]> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let l = (dx * dx + dy * dy).sqrt();
    if !(l.is_finite() && l > 0.0 && on > 0.0 && off >= 0.0) {
        return Vec::new();
    }
    let at = |s: f64| (a.0 + dx * s / l, a.1 + dy * s / l);
    let mut out = Vec::new();
    let mut s = 0.0;
    while s < l && out.len() < 100_000 {
        out.push([at(s), at((s + on).min(l))]);
        s += on + off;
    }
    out
}

/// Short ticks (`len` px long, every `step` px) along the pixel segment a–b, on its left when
/// `left` (seen from a towards b, y down), else on its right: how a bound marks the side it
/// rules out.
pub(super) fn comb(
    a: (f64, f64),
    b: (f64, f64),
    step: f64,
    len: f64,
    left: bool,
) -> Vec<[(f64, f64); 2]> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let l = (dx * dx + dy * dy).sqrt();
    if !(l.is_finite() && l > 0.0 && step > 0.0) {
        return Vec::new();
    }
    let (ux, uy) = (dx / l, dy / l);
    // Left of travel on screen (y down) is (uy, -ux).
    let (nx, ny) = if left { (uy, -ux) } else { (-uy, ux) };
    let n = (l / step).floor() as usize;
    (1..=n.min(10_000))
        .map(|i| {
            let s = i as f64 * step - step / 2.0;
            let p = (a.0 + ux * s, a.1 + uy * s);
            [p, (p.0 + nx * len, p.1 + ny * len)]
        })
        .collect()
}

/// The envelope of leaving km `a` between hours `early` and `late` at `lo` to `hi` km/h,
/// clipped to `r`, as a convex polygon: the fast edge from `early`, the slow edge from `late`.
pub(super) fn band(
    r: &DataRect,
    a: f64,
    early: f64,
    late: f64,
    lo: f64,
    hi: f64,
) -> Option<Vec<(f64, f64)>> {
    if early >= r.t1 || a > r.k1 || early < r.t0 || a < r.k0 {
        return None;
    }
    let late = late.min(r.t1);
    let fast = exit(r, early, a, hi);
    let slow = exit(r, late, a, lo);
    let mut pts = vec![(early, a), (late, a), slow];
    // The slow edge leaves through the right side and the fast one through the top: the
    // envelope takes in the top-right corner.
    if slow.0 >= r.t1 && fast.1 >= r.k1 && fast.0 < r.t1 {
        pts.push((r.t1, r.k1));
    }
    pts.push(fast);
    pts.dedup();
    (pts.len() >= 3).then_some(pts)
}

/// A box in pixels, y down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct PxBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl PxBox {
    pub fn overlaps(&self, o: &PxBox) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.x0..=self.x1).contains(&x) && (self.y0..=self.y1).contains(&y)
    }
}

/// Does the segment `a`–`b` (pixels) pass through the box?
pub(super) fn segment_hits(a: (f64, f64), b: (f64, f64), bx: &PxBox) -> bool {
    // Sample finely enough for boxes a few pixels across.
    let len = (b.0 - a.0).hypot(b.1 - a.1);
    let n = (len / 2.0).clamp(1.0, 4000.0) as usize;
    (0..=n).any(|i| {
        let f = i as f64 / n as f64;
        bx.contains(a.0 + f * (b.0 - a.0), a.1 + f * (b.1 - a.1))
    })
}

/// Is the point inside the convex polygon (pixels, either winding)?
pub(super) fn in_convex(poly: &[(f64, f64)], p: (f64, f64)) -> bool {
    if poly.len() < 3 {
        return false;
    }
    let mut sign = 0.0;
    for (i, &a) in poly.iter().enumerate() {
        let b = poly[(i + 1) % poly.len()];
        let cross = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0);
        if cross != 0.0 {
            if sign != 0.0 && cross.signum() != sign {
                return false;
            }
            sign = cross.signum();
        }
    }
    true
}

/// Moves label centres `ys` (pixels, any order) apart to at least `gap`, keeping them within
/// `lo..=hi` where there is room and each as near its own mark as the others allow. Returns
/// the new centres in the same order.
pub(super) fn spread(ys: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    order.sort_by(|&a, &b| ys[a].total_cmp(&ys[b]).then(a.cmp(&b)));
    let mut placed: Vec<f64> = order.iter().map(|&i| ys[i].clamp(lo, hi.max(lo))).collect();
    for i in 1..placed.len() {
        placed[i] = placed[i].max(placed[i - 1] + gap);
    }
    if let Some(last) = placed.last_mut() {
        *last = last.min(hi);
    }
    for i in (0..placed.len().saturating_sub(1)).rev() {
        placed[i] = placed[i].min(placed[i + 1] - gap);
    }
    let mut out = vec![0.0; ys.len()];
    for (k, &i) in order.iter().enumerate() {
        out[i] = placed[k];
    }
    out
}

/// `s`, shortened with "…" until it is at most `max_w` pixels wide at `size_px`.
pub(super) fn fit_text(s: &str, face: Face, size_px: f64, max_w: f64) -> String {
    if fonts::text_width(s, face, size_px, 0.0) <= max_w {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut n = chars.len();
    while n > 0 {
        n -= 1;
        let t: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if fonts::text_width(&t, face, size_px, 0.0) <= max_w {
            return t;
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    const R: DataRect = DataRect {
        t0: 0.0,
        t1: 40.0,
        k0: -10.0,
        k1: 1200.0,
    };

    #[test]
    fn lines_leave_through_the_top_or_the_right() {
        assert_eq!(exit(&R, 0.0, 0.0, 60.0), (20.0, 1200.0));
        assert_eq!(exit(&R, 0.0, 0.0, 20.0), (40.0, 800.0));
        assert_eq!(exit(&R, 5.0, 100.0, 0.0), (40.0, 100.0));
        // No overflow with an absurd speed.
        assert_eq!(exit(&R, 0.0, 0.0, f64::MAX), (1200.0 / f64::MAX, 1200.0));
        assert!(line(&R, 41.0, 0.0, 10.0).is_none());
    }

    #[test]
    fn a_band_is_the_envelope_between_its_edges() {
        // Fast edge from 0 h at 60 km/h leaves at the top (20 h); slow edge from 6 h at
        // 40 km/h at the top too (36 h).
        let p = band(&R, 0.0, 0.0, 6.0, 40.0, 60.0).unwrap();
        assert_eq!(
            p,
            vec![(0.0, 0.0), (6.0, 0.0), (36.0, 1200.0), (20.0, 1200.0)]
        );
        // Slow edge through the right side: the top-right corner is included.
        let p = band(&R, 0.0, 0.0, 0.0, 20.0, 60.0).unwrap();
        assert_eq!(
            p,
            vec![(0.0, 0.0), (40.0, 800.0), (40.0, 1200.0), (20.0, 1200.0)]
        );
        // Both through the right side.
        let p = band(&R, 0.0, 0.0, 0.0, 10.0, 20.0).unwrap();
        assert_eq!(p, vec![(0.0, 0.0), (40.0, 400.0), (40.0, 800.0)]);
        // A single speed from a single time is no area.
        assert!(band(&R, 0.0, 0.0, 0.0, 20.0, 20.0).is_none());
    }

    #[test]
    fn points_in_a_convex_polygon() {
        let sq = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        assert!(in_convex(&sq, (5.0, 5.0)));
        assert!(!in_convex(&sq, (15.0, 5.0)));
        let rev: Vec<_> = sq.iter().rev().copied().collect();
        assert!(in_convex(&rev, (5.0, 5.0)));
    }

    #[test]
    fn spreading_keeps_order_and_gap() {
        let out = spread(&[100.0, 102.0, 300.0, 101.0], 16.0, 0.0, 500.0);
        let mut sorted = out.clone();
        sorted.sort_by(f64::total_cmp);
        for w in sorted.windows(2) {
            assert!(w[1] - w[0] >= 16.0 - 1e-9, "{out:?}");
        }
        assert_eq!(out[2], 300.0);
        // Near the bottom edge, labels move up instead.
        let out = spread(&[499.0, 500.0], 16.0, 0.0, 500.0);
        assert_eq!(out, vec![484.0, 500.0]);
    }

    #[test]
    fn long_text_is_shortened() {
        let s = fit_text("Korea–Russia Friendship Bridge", Face::Regular, 13.0, 80.0);
        assert!(s.ends_with('…') && fonts::text_width(&s, Face::Regular, 13.0, 0.0) <= 80.0);
        assert_eq!(fit_text("Khasan", Face::Regular, 13.0, 80.0), "Khasan");
        assert_eq!(fit_text("Khasan", Face::Regular, 13.0, 1.0), "");
    }

    #[test]
    fn segments_through_boxes() {
        let b = PxBox {
            x0: 10.0,
            y0: 10.0,
            x1: 20.0,
            y1: 20.0,
        };
        assert!(segment_hits((0.0, 0.0), (30.0, 30.0), &b));
        assert!(!segment_hits((0.0, 30.0), (30.0, 30.0), &b));
    }

    /// Issue 17: dashes lie on the exact line (no drift, so no kink), stop at its end, and a
    /// line stopped at a km ends there.
    #[test]
    fn regression_issue_17_dashes_stay_on_the_line_and_lines_stop() {
        let (a, b) = ((10.0, 500.0), (900.0, 180.0));
        let d = dashes(a, b, 10.0, 6.0);
        assert!(d.len() > 50);
        for seg in &d {
            for p in seg {
                // Distance from the line a–b.
                let cross = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0);
                let off = cross.abs() / f64::hypot(b.0 - a.0, b.1 - a.1);
                assert!(off < 1e-9, "{p:?} is {off} px off the line");
            }
        }
        assert!(d.last().unwrap()[1].0 <= b.0 + 1e-9);
        let seg = stop_at([(0.0, 0.0), (40.0, 1200.0)], Some(857.3));
        assert!((seg[1].1 - 857.3).abs() < 1e-9 && (seg[1].0 - 40.0 * 857.3 / 1200.0).abs() < 1e-9);
        assert_eq!(
            stop_at([(0.0, 0.0), (10.0, 100.0)], Some(500.0))[1],
            (10.0, 100.0)
        );
        // A comb on the upper bound's faster side: left of travel, up-left on screen.
        let t = comb((0.0, 100.0), (100.0, 0.0), 20.0, 5.0, true);
        assert_eq!(t.len(), 7);
        assert!(t.iter().all(|c| c[1].0 < c[0].0 && c[1].1 < c[0].1));
    }
}
