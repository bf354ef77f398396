//! Douglas–Peucker simplification without recursion or allocation per step: the same points
//! as geo's `Simplify` for a line (the farthest point splits a run when it lies more than the
//! tolerance from the run's chord; of equally far points the last one), found with one stack
//! of index pairs. The map's and the HTML page's basemaps run it on every ring they draw.

/// The indices of the points of `pts` that Douglas–Peucker keeps at tolerance `eps`, in
/// order: always the first and the last. A tolerance of zero or less keeps every point.
pub fn douglas_peucker(pts: &[[f64; 2]], eps: f64) -> Vec<usize> {
    let n = pts.len();
    if n < 3 || eps <= 0.0 {
        return (0..n).collect();
    }
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut runs = vec![(0, n - 1)];
    while let Some((lo, hi)) = runs.pop() {
        if hi - lo < 2 {
            continue;
        }
        let (mut far, mut far_d) = (lo, 0.0);
        for (i, p) in pts.iter().enumerate().take(hi).skip(lo + 1) {
            let d = segment_distance(*p, pts[lo], pts[hi]);
            if d >= far_d {
                (far, far_d) = (i, d);
            }
        }
        if far_d > eps {
            keep[far] = true;
            runs.push((far, hi));
            runs.push((lo, far));
        }
    }
    (0..n).filter(|&i| keep[i]).collect()
}

/// The distance from `p` to the segment `a`–`b`, computed as geo-types computes it (so the
/// kept points are geo's to the last bit).
fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    if a == b {
        return (p[0] - a[0]).hypot(p[1] - a[1]);
    }
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let d_squared = dx * dx + dy * dy;
    let r = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / d_squared;
    if r <= 0.0 {
        return (p[0] - a[0]).hypot(p[1] - a[1]);
    }
    if r >= 1.0 {
        return (p[0] - b[0]).hypot(p[1] - b[1]);
    }
    let s = ((a[1] - p[1]) * dx - (a[0] - p[0]) * dy) / d_squared;
    s.abs() * dx.hypot(dy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Coord, LineString, Simplify};

    /// The same points as geo's `Simplify`, on wiggly lines, rings and repeated points.
    #[test]
    fn keeps_the_points_geo_keeps() {
        let mut lines: Vec<Vec<[f64; 2]>> = Vec::new();
        for k in 1..40u32 {
            let f = f64::from(k);
            lines.push(
                (0..(k * 37))
                    .map(|i| {
                        let t = f64::from(i) * 0.013 * f;
                        [
                            t.cos() * (10.0 + f) + (t * 7.0).sin(),
                            t.sin() * 8.0 + (t * 3.0).cos() * 0.4,
                        ]
                    })
                    .collect(),
            );
        }
        lines.push(vec![
            [0.0, 0.0],
            [1.0, 1.0],
            [1.0, 1.0],
            [2.0, 0.0],
            [0.0, 0.0],
        ]);
        lines.push(vec![[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]);
        for pts in &lines {
            for eps in [0.0, 0.01, 0.1, 0.35, 1.0, 5.0] {
                let ours: Vec<[f64; 2]> = douglas_peucker(pts, eps)
                    .into_iter()
                    .map(|i| pts[i])
                    .collect();
                let ls = LineString::new(pts.iter().map(|p| Coord { x: p[0], y: p[1] }).collect());
                let geo: Vec<[f64; 2]> =
                    ls.simplify(eps).0.into_iter().map(|c| [c.x, c.y]).collect();
                assert_eq!(ours, geo, "{} points at {eps}", pts.len());
            }
        }
    }

    #[test]
    fn short_lines_are_kept_whole() {
        assert_eq!(douglas_peucker(&[], 1.0), Vec::<usize>::new());
        assert_eq!(douglas_peucker(&[[0.0, 0.0]], 1.0), vec![0]);
        assert_eq!(douglas_peucker(&[[0.0, 0.0], [5.0, 5.0]], 1.0), vec![0, 1]);
        assert_eq!(
            douglas_peucker(&[[0.0, 0.0], [1.0, 0.1], [2.0, 0.0]], 1.0),
            vec![0, 2]
        );
    }
}
