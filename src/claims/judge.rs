//! Whether a computed figure (or range) meets a claim under its hedge, and by how much it misses.

use crate::story::Hedge;

/// Whether a computed interval meets a claim, and by how much it misses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// Whether the computed figure lies within what the hedge accepts.
    pub holds: bool,
    /// Computed vs the claim's nominal figure, in per cent (negative: the claim is too high).
    pub pct: f64,
    /// Computed minus nominal, in SI units.
    pub diff_si: f64,
    /// The claim's own figure or range, in SI units.
    pub claim_si: (f64, f64),
    /// What the hedge accepts, in SI units (the upper end may be infinite).
    pub band_si: (f64, f64),
    /// The computed figure or range, in SI units (the upper end may be infinite).
    pub computed_si: (f64, f64),
}

/// Compares a computed interval `[c_lo, c_hi]` (SI) with a claim `lo..=hi` under `hedge`.
///
/// ```
/// use routecheck::{claims::judge, story::Hedge};
/// // "about 1,200 km" vs 1,150 km computed: within ±10 %.
/// assert!(judge(Hedge::About, 1.2e6, 1.2e6, 1.15e6, 1.15e6).holds);
/// // "less than 40 mph" vs 80 km/h computed: over the cap.
/// let o = judge(Hedge::AtMost, 17.88, 17.88, 22.2, 22.2);
/// assert!(!o.holds && o.pct > 20.0);
/// ```
pub fn judge(hedge: Hedge, lo: f64, hi: f64, c_lo: f64, c_hi: f64) -> Outcome {
    let (b_lo, b_hi) = hedge.band(lo, hi);
    let holds = c_hi >= b_lo && c_lo <= b_hi;
    // The computed figure reported: the part of the interval nearest the band.
    let c = if holds {
        ((c_lo.max(b_lo) + c_hi.min(b_hi)) / 2.0).clamp(c_lo, c_hi)
    } else if c_hi < b_lo {
        c_hi
    } else {
        c_lo
    };
    // A two-sided range ("600 to 700 km") is measured from its nearer end: 0 inside it.
    let two_sided = matches!(hedge, Hedge::Plain | Hedge::About | Hedge::Exactly);
    let nominal = if lo < hi && two_sided {
        c.clamp(lo, hi)
    } else {
        hedge.nominal(lo, hi)
    };
    let diff_si = c - nominal;
    let pct = if nominal != 0.0 {
        diff_si / nominal * 100.0
    } else {
        0.0
    };
    Outcome {
        holds,
        pct,
        diff_si,
        claim_si: (lo, hi),
        band_si: (b_lo, b_hi),
        computed_si: (c_lo, c_hi),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judging_reports_the_miss() {
        let o = judge(Hedge::Plain, 1000.0, 1000.0, 800.0, 800.0);
        assert!(!o.holds);
        assert!((o.pct + 20.0).abs() < 1e-9 && (o.diff_si + 200.0).abs() < 1e-9);
        let o = judge(Hedge::AtLeast, 20.0, 20.0, 20.0, 20.0);
        assert!(o.holds && o.pct == 0.0);
        // A computed range that overlaps the band holds.
        assert!(judge(Hedge::AtMost, 64.0, 64.0, 30.0, 70.0).holds);
        assert!(!judge(Hedge::AtMost, 64.0, 64.0, 66.0, 70.0).holds);
    }

    /// Issue 14: "600 to 700 km" vs 684 km was "+5.3 %, within tolerance (±5 %)", measured
    /// from the midpoint; inside the range it is 0 %, outside it from the nearer end.
    #[test]
    fn regression_issue_14_ranges_are_judged_against_the_range() {
        let o = judge(Hedge::Plain, 600.0, 700.0, 684.0, 684.0);
        assert!(o.holds && o.pct == 0.0 && o.diff_si == 0.0, "{o:?}");
        let o = judge(Hedge::Plain, 600.0, 700.0, 800.0, 800.0);
        assert!(!o.holds);
        assert!((o.pct - 100.0 / 7.0).abs() < 1e-9, "{o:?}");
        let o = judge(Hedge::Plain, 600.0, 700.0, 500.0, 500.0);
        assert!(!o.holds && (o.diff_si + 100.0).abs() < 1e-9, "{o:?}");
        // Within 5 % beyond the upper end.
        assert!(judge(Hedge::Plain, 600.0, 700.0, 730.0, 730.0).holds);
    }
}
