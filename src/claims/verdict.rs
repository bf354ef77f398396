//! Verdicts and the checked claim: the computed figure, the tolerance and the arithmetic.

use std::fmt;

use super::judge::Outcome;
use crate::units::{Unit, group_thousands};

/// The outcome of checking a claim.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// The figure is within the tolerance its wording implies.
    Holds,
    /// Loosely right, as news copy uses the word: a direction in the neighbouring half-sector
    /// ("north" for 46.7°). `actual` names what the figure really is ("north-east").
    LooselyHolds {
        /// What the figure really is, in the claim's terms ("north-east").
        actual: String,
    },
    /// Outside the tolerance: by `by_percent` (none for bearings) and by `by` in the claim's
    /// own unit.
    Off {
        /// The deviation in per cent of the claim's figure; `None` for bearings.
        by_percent: Option<f64>,
        /// The deviation in the claim's own unit, as text ("+38.2 km", "45°").
        by: String,
    },
    /// The data bounds the figure without settling it, and the claim lies within the bounds
    /// (a rail leg with no line data: longer than the straight line, within the usual band).
    Plausible {
        /// The bounds and where the claim lies in them, in a sentence.
        why: String,
    },
    /// Possible, but far outside what the bounds make usual: `ratio` times the straight line,
    /// beyond the published band. Not a refutation.
    Implausible {
        /// The claimed length divided by the straight line.
        ratio: f64,
        /// The bounds and how far outside them the claim lies, in a sentence.
        why: String,
    },
    /// It disagrees with another claim of the same story (`other`, its id).
    Contradicts {
        /// The id of the claim it disagrees with.
        other: String,
        /// The two claims' ranges and why they cannot both hold, in a sentence.
        why: String,
    },
    /// The data needed is missing; `why` says what.
    CannotCheck {
        /// What is missing, in a sentence.
        why: String,
    },
}

impl Verdict {
    /// True for verdicts that should fail a pipeline (exit code 1).
    pub fn fails(&self) -> bool {
        matches!(self, Verdict::Off { .. } | Verdict::Contradicts { .. })
    }
    /// The stable one-word name used in JSON: holds, loosely_holds, plausible, implausible,
    /// off, contradicts, cannot_check.
    pub fn word(&self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::LooselyHolds { .. } => "loosely_holds",
            Verdict::Plausible { .. } => "plausible",
            Verdict::Implausible { .. } => "implausible",
            Verdict::Off { .. } => "off",
            Verdict::Contradicts { .. } => "contradicts",
            Verdict::CannotCheck { .. } => "cannot_check",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Holds => f.write_str("holds"),
            Verdict::LooselyHolds { actual } => write!(f, "loosely holds ({actual})"),
            Verdict::Plausible { .. } => f.write_str("plausible"),
            Verdict::Implausible { ratio, .. } => {
                write!(f, "implausible ({ratio:.2}× the straight line)")
            }
            Verdict::Off {
                by_percent: Some(p),
                by,
            } => write!(f, "off by {p:+.1} % ({by})"),
            Verdict::Off {
                by_percent: None,
                by,
            } => write!(f, "off by {by}"),
            Verdict::Contradicts { other, .. } => write!(f, "contradicts {other}"),
            Verdict::CannotCheck { .. } => f.write_str("cannot check"),
        }
    }
}

/// Another claim on the same topic, and whether the two agree.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Pair {
    /// The other claim's id.
    pub other: String,
    /// Whether the two claims' accepted ranges overlap.
    pub agree: bool,
    /// One line: "less than 40 mph (≤ 64.4 km/h) and around 60 km/h (54–66 km/h) overlap".
    pub why: String,
}

/// A range of values in one unit; `hi` is `None` when it has no upper end ("at least").
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Span {
    /// The low end (the value itself when `hi` equals it).
    pub lo: f64,
    /// The high end; `None` when the range is open above.
    pub hi: Option<f64>,
}

impl Span {
    pub(crate) fn of(si: (f64, f64), scale: Scale) -> Span {
        let r = |x: f64| (x / scale.si * 1e4).round() / 1e4 + 0.0;
        Span {
            lo: r(si.0),
            hi: si.1.is_finite().then(|| r(si.1)),
        }
    }
}

/// The numbers behind a verdict, in one display unit: what the claim says, what its wording
/// accepts, what routecheck computed, and by how much they differ.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Figures {
    /// The unit of every number here: "km", "mi", "km/h", "mph", "h", "min", "years", "°".
    pub unit: &'static str,
    /// The claim's figure (lo = hi) or range.
    pub claimed: Span,
    /// What the claim's wording accepts (the hedge's tolerance band).
    pub accepted: Span,
    /// What routecheck computed: a value (lo = hi), a range, or a lower bound (no hi).
    pub computed: Span,
    /// Computed minus the claim's nominal figure, in `unit`, when the verdict is off.
    pub deviation: Option<f64>,
    /// The same in per cent of the nominal figure.
    pub deviation_percent: Option<f64>,
    /// Where the true value usually lies when the data only bounds it (a rail or road leg
    /// with no line data: the published circuity band).
    pub usual: Option<Span>,
}

impl Figures {
    /// Figures from SI ranges shown in `scale`.
    pub(crate) fn new(
        scale: Scale,
        claimed_si: (f64, f64),
        accepted_si: (f64, f64),
        computed_si: (f64, f64),
        deviation_si: Option<f64>,
        deviation_percent: Option<f64>,
    ) -> Figures {
        Figures {
            unit: scale.symbol,
            claimed: Span::of(claimed_si, scale),
            accepted: Span::of(accepted_si, scale),
            computed: Span::of(computed_si, scale),
            deviation: deviation_si.map(|d| (d / scale.si * 1e4).round() / 1e4 + 0.0),
            deviation_percent: deviation_percent.map(|p| (p * 10.0).round() / 10.0 + 0.0),
            usual: None,
        }
    }

    /// Figures from a judged outcome.
    pub(crate) fn judged(o: &Outcome, scale: Scale) -> Figures {
        let off = !o.holds;
        Figures::new(
            scale,
            o.claim_si,
            o.band_si,
            o.computed_si,
            off.then_some(o.diff_si),
            off.then_some(o.pct),
        )
    }
}

/// A claim with its verdict and the arithmetic behind it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Checked {
    /// The claim's id in the story.
    pub id: String,
    /// The outlet that made the claim ("AP").
    pub outlet: String,
    /// The sentence the claim comes from, as quoted in the story.
    pub quote: String,
    /// The claim kind ("distance", "speed", …).
    pub kind: String,
    /// The claim's figure as the story states it ("about 425 miles").
    pub claimed: String,
    /// What routecheck computes ("684.3 km (425.2 mi), straight line").
    pub computed: String,
    /// The tolerance applied, in words.
    pub tolerance: String,
    /// The verdict: holds, off, plausible, contradicts, …
    pub verdict: Verdict,
    /// One line of arithmetic a reader can follow.
    pub arithmetic: String,
    /// The same in numbers, when the claim has a figure to compare.
    pub figures: Option<Figures>,
    /// Claims on the same topic and whether they agree.
    pub pairs: Vec<Pair>,
    /// The hedge that sets the tolerance ("about", "at_least", "plain"); `None` for claims
    /// without a figure (directions, crossings, "the closest").
    pub hedge: Option<crate::story::Hedge>,
    /// Where a figure that does not hold likely came from (a usual mistake with its
    /// arithmetic, or "no explanation found"); `None` for claims that hold or cannot be checked.
    pub likely_source: Option<super::diagnose::LikelySource>,
}

/// What a kind's checker returns before pairing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub claimed: String,
    pub computed: String,
    pub tolerance: String,
    pub verdict: Verdict,
    pub arithmetic: String,
    pub figures: Option<Figures>,
}

impl Finding {
    /// A claim that cannot be checked, and why.
    pub fn cannot(claimed: impl Into<String>, why: impl Into<String>) -> Finding {
        let why = why.into();
        Finding {
            claimed: claimed.into(),
            computed: String::new(),
            tolerance: String::new(),
            arithmetic: why.clone(),
            verdict: Verdict::CannotCheck { why },
            figures: None,
        }
    }
}

/// A display unit: its symbol and its size in SI units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scale {
    pub symbol: &'static str,
    pub si: f64,
}

impl From<Unit> for Scale {
    fn from(u: Unit) -> Self {
        Scale {
            symbol: u.symbol(),
            si: u.si(),
        }
    }
}

impl Scale {
    pub const KM: Scale = Scale {
        symbol: "km",
        si: 1000.0,
    };
    pub const MI: Scale = Scale {
        symbol: "mi",
        si: 1609.344,
    };
    pub const KMH: Scale = Scale {
        symbol: "km/h",
        si: 1.0 / 3.6,
    };
    pub const H: Scale = Scale {
        symbol: "h",
        si: 3600.0,
    };
    pub const MIN: Scale = Scale {
        symbol: "min",
        si: 60.0,
    };
    pub const DEG: Scale = Scale {
        symbol: "°",
        si: 1.0,
    };
    /// "1,183.6 km", "64.4 km/h", "20.0 h".
    pub fn fmt(self, si: f64) -> String {
        format!("{} {}", num(si / self.si), self.symbol)
    }
    /// A signed difference: "+21.3 mi", "−150.0 km".
    pub fn fmt_signed(self, si: f64) -> String {
        let v = si / self.si;
        let sign = if v < 0.0 { "−" } else { "+" };
        format!("{sign}{} {}", num(v.abs()), self.symbol)
    }
    /// A range: "54.0–66.0 km/h", or one value when both ends agree.
    pub fn fmt_range(self, lo: f64, hi: f64) -> String {
        if hi.is_infinite() {
            return format!("≥ {}", self.fmt(lo));
        }
        if (hi - lo).abs() <= 1e-9 * hi.abs().max(1.0) {
            return self.fmt(lo);
        }
        format!(
            "{}–{} {}",
            num(lo / self.si),
            num(hi / self.si),
            self.symbol
        )
    }
}

/// A number with one decimal and thousands separators: 1183.64 → "1,183.6".
pub(crate) fn num(x: f64) -> String {
    if !x.is_finite() {
        return "∞".into();
    }
    let tenths = (x.abs() * 10.0).round();
    let whole = (tenths / 10.0).trunc();
    let frac = tenths - whole * 10.0;
    let sign = if x < 0.0 && tenths > 0.0 { "−" } else { "" };
    format!("{sign}{}.{}", group_thousands(whole), frac as u8)
}

/// A finding from an outcome: holds or off, with the tolerance of `hedge`.
pub(crate) fn finding(
    claimed: String,
    computed: String,
    tolerance: String,
    outcome: Outcome,
    scale: Scale,
    arithmetic_head: String,
) -> Finding {
    let verdict = if outcome.holds {
        Verdict::Holds
    } else {
        Verdict::Off {
            by_percent: Some((outcome.pct * 10.0).round() / 10.0),
            by: scale.fmt_signed(outcome.diff_si),
        }
    };
    let tail = if outcome.holds {
        format!("within tolerance ({tolerance})")
    } else {
        format!("outside tolerance ({tolerance})")
    };
    Finding {
        arithmetic: format!("{arithmetic_head}: {:+.1} %, {tail}", outcome.pct),
        claimed,
        computed,
        tolerance,
        verdict,
        figures: Some(Figures::judged(&outcome, scale)),
    }
}

/// With a distance known only as a lower bound (a leg with no line data), a figure can refute
/// a claim but not confirm it: a finding that holds becomes "plausible", saying so.
pub(crate) fn lower_bound_only(mut f: Finding, exact: bool) -> Finding {
    if exact || !matches!(f.verdict, Verdict::Holds) {
        return f;
    }
    let why = "part of the route has no line data, so its length is known only as a lower bound (the straight line): the claim is consistent with that bound, which cannot confirm it".to_string();
    f.arithmetic = format!("{}; consistent with the lower bound only", f.arithmetic);
    f.verdict = Verdict::Plausible { why };
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(num(1183.64), "1,183.6");
        assert_eq!(num(-0.04), "0.0");
        assert_eq!(num(-12.25), "−12.3");
        assert_eq!(Scale::KM.fmt(684_312.0), "684.3 km");
        assert_eq!(Scale::MI.fmt_signed(-1609.344 * 2.0), "−2.0 mi");
        assert_eq!(Scale::KMH.fmt_range(15.0, 15.0), "54.0 km/h");
        assert_eq!(Scale::H.fmt_range(3600.0, f64::INFINITY), "≥ 1.0 h");
    }

    #[test]
    fn verdict_words_are_stable() {
        assert_eq!(Verdict::Holds.word(), "holds");
        let off = Verdict::Off {
            by_percent: Some(-12.5),
            by: "−150.0 km".into(),
        };
        assert!(off.fails());
        assert_eq!(off.to_string(), "off by -12.5 % (−150.0 km)");
        assert!(!Verdict::CannotCheck { why: "x".into() }.fails());
    }
}
