//! Unit mix-ups: a figure in one unit printed with another's name, or taken for another unit
//! and converted; a conversion left undone, done the wrong way or with the wrong mile; and two
//! claims that disagree because one carries the other's unit.

use super::{Candidate, Cause, Claimed, LikelySource, factor, n, show};
use crate::claims::distance::rounding;
use crate::claims::pairing::bands;
use crate::claims::verdict::{Scale, Span};
use crate::story::{Amount, ClaimSpec};
use crate::units::{LengthUnit, SpeedUnit, TimeUnit, Unit};

/// The pairs of units newsrooms confuse.
const PAIRS: &[(Unit, Unit)] = &[
    (
        Unit::Length(LengthUnit::Kilometre),
        Unit::Length(LengthUnit::Mile),
    ),
    (
        Unit::Length(LengthUnit::Mile),
        Unit::Length(LengthUnit::NauticalMile),
    ),
    (
        Unit::Length(LengthUnit::Kilometre),
        Unit::Length(LengthUnit::NauticalMile),
    ),
    (Unit::Speed(SpeedUnit::Kmh), Unit::Speed(SpeedUnit::Mph)),
    (Unit::Speed(SpeedUnit::Mph), Unit::Speed(SpeedUnit::Knot)),
    (Unit::Speed(SpeedUnit::Kmh), Unit::Speed(SpeedUnit::Knot)),
    (
        Unit::Duration(TimeUnit::Hour),
        Unit::Duration(TimeUnit::Day),
    ),
    (
        Unit::Duration(TimeUnit::Minute),
        Unit::Duration(TimeUnit::Hour),
    ),
];

/// The units confused with `u`.
fn partners(u: Unit) -> impl Iterator<Item = Unit> {
    PAIRS.iter().filter_map(move |&(a, b)| {
        if a == u {
            Some(b)
        } else if b == u {
            Some(a)
        } else {
            None
        }
    })
}

/// A unit's name in prose: "km", "miles", "nautical miles", "hours".
fn called(u: Unit) -> &'static str {
    match u {
        Unit::Length(LengthUnit::Kilometre) => "km",
        Unit::Length(LengthUnit::Mile) => "miles",
        Unit::Length(LengthUnit::NauticalMile) => "nautical miles",
        Unit::Length(LengthUnit::Metre) => "metres",
        Unit::Length(LengthUnit::Foot) => "feet",
        Unit::Speed(SpeedUnit::Kmh) => "km/h",
        Unit::Speed(SpeedUnit::Mph) => "mph",
        Unit::Speed(SpeedUnit::Knot) => "knots",
        Unit::Speed(SpeedUnit::Mps) => "m/s",
        Unit::Duration(TimeUnit::Second) => "seconds",
        Unit::Duration(TimeUnit::Minute) => "minutes",
        Unit::Duration(TimeUnit::Hour) => "hours",
        Unit::Duration(TimeUnit::Day) => "days",
        Unit::Duration(TimeUnit::Week) => "weeks",
    }
}

/// The mix-ups of the claim's unit with each unit it is confused with, against the real
/// value: the real figure in the other unit printed with the claim's unit name, and the real
/// figure in the claim's unit taken for the other unit and converted back.
pub(super) fn mix_ups(c: &Claimed) -> Vec<Candidate> {
    let Some((t_lo, t_hi)) = c.truth_si else {
        return Vec::new();
    };
    let a = c.amount.quantity.value.unit;
    let sa = Scale::from(a);
    let mut out = Vec::new();
    for b in partners(a) {
        let sb = Scale::from(b);
        let r = b.si() / a.si();
        // The number in b, labelled a.
        let fig = (t_lo / r, t_hi / r);
        out.push(Candidate {
            cause: Cause::UnitMixUp,
            summary: format!("a figure in {} printed as {}", called(b), called(a)),
            working: format!(
                "{} {} = {}, and the same number in {} = {}",
                c.truth_what,
                show(sa, (t_lo, t_hi)),
                show(sb, (t_lo, t_hi)),
                called(a),
                show(sa, fig)
            ),
            figure_si: fig,
        });
        // The number in a, taken for b and converted back to a.
        let fig = (t_lo * r, t_hi * r);
        out.push(Candidate {
            cause: Cause::UnitMixUp,
            summary: format!(
                "a figure in {} taken for {} and converted",
                called(a),
                called(b)
            ),
            working: format!(
                "{} {} taken for {} {}: × {} = {}",
                c.truth_what,
                show(sa, (t_lo, t_hi)),
                span_number(sa, (t_lo, t_hi)),
                called(b),
                factor(r),
                show(sa, fig)
            ),
            figure_si: fig,
        });
    }
    out
}

/// A figure's number without its unit: "648.1", "572.3–800.1".
fn span_number(s: Scale, (lo, hi): (f64, f64)) -> String {
    if (hi - lo).abs() <= 1e-9 * hi.abs().max(1.0) {
        n(lo / s.si)
    } else {
        format!("{}–{}", n(lo / s.si), n(hi / s.si))
    }
}

/// "1,200 kilometre (745 miles)": a conversion left undone, done the wrong way, or done with
/// the other mile.
pub(super) fn conversion(value: &Amount) -> Vec<LikelySource> {
    let Some(conv) = value.quantity.conversion else {
        return Vec::new();
    };
    let orig = value.quantity.value;
    let (a, b) = (orig.unit, conv.unit);
    if a.dimension() != b.dimension() || a == b {
        return Vec::new();
    }
    let stated = conv.mid_si() / b.si();
    let slack = rounding(stated) + rounding(orig.mid_si() / a.si()) * (a.si() / b.si());
    let n_o = orig.mid_si() / a.si();
    let sb = Scale::from(b);
    let mut out = Vec::new();
    let mut try_figure = |fig: f64, summary: String, working: String| {
        if fig > 0.0 && (stated - fig).abs() <= slack.max(rounding(fig)) {
            let pct = (stated - fig) / fig * 100.0;
            out.push(LikelySource {
                cause: Some(Cause::UnitMixUp),
                summary,
                arithmetic: format!(
                    "{working}; {} stated: {pct:+.1} %, within rounding",
                    sb.fmt(stated * b.si())
                ),
                figure: Some(Span::of((fig * b.si(), fig * b.si()), sb)),
                unit: Some(sb.symbol),
                deviation_percent: Some((pct * 10.0).round() / 10.0 + 0.0),
                also: Vec::new(),
            });
        }
    };
    try_figure(
        n_o,
        format!(
            "the conversion left undone: the figure in {} copied as {}",
            called(a),
            called(b)
        ),
        format!(
            "{} {} copied unconverted = {}",
            n(n_o),
            called(a),
            sb.fmt(n_o * b.si())
        ),
    );
    let wrong = n_o * (b.si() / a.si());
    try_figure(
        wrong,
        format!(
            "converted the wrong way: {} multiplied where it should be divided",
            factor(b.si() / a.si())
        ),
        format!(
            "{} {} × {} (the factor inverted) = {}",
            n(n_o),
            called(a),
            factor(b.si() / a.si()),
            sb.fmt(wrong * b.si())
        ),
    );
    // The original's mile read as the other mile, or the result worked out in the other mile.
    if let Some(m) = other_mile(a) {
        let fig = n_o * m.si() / b.si();
        try_figure(
            fig,
            format!(
                "converted with the wrong mile: {} taken for {}",
                called(a),
                called(m)
            ),
            format!("{} {} = {}", n(n_o), called(m), sb.fmt(fig * b.si())),
        );
    }
    if let Some(m) = other_mile(b) {
        let fig = n_o * a.si() / m.si();
        try_figure(
            fig,
            format!(
                "converted with the wrong mile: worked out in {} and printed as {}",
                called(m),
                called(b)
            ),
            format!("{} {} = {} {}", n(n_o), called(a), n(fig), called(m)),
        );
    }
    out
}

/// Statute for nautical miles and the reverse.
fn other_mile(u: Unit) -> Option<Unit> {
    match u {
        Unit::Length(LengthUnit::Mile) => Some(Unit::Length(LengthUnit::NauticalMile)),
        Unit::Length(LengthUnit::NauticalMile) => Some(Unit::Length(LengthUnit::Mile)),
        _ => None,
    }
}

/// Two claims on one topic that disagree: does one carry the other's unit?
pub(super) fn between_claims(spec: &ClaimSpec, other: &ClaimSpec) -> Vec<LikelySource> {
    let mut out = Vec::new();
    for (da, a_lo, a_hi, a) in bands(&spec.kind) {
        for (db, b_lo, b_hi, b) in bands(&other.kind) {
            let (ua, ub) = (a.quantity.value.unit, b.quantity.value.unit);
            if da != db || ua == ub || !partners(ua).any(|u| u == ub) {
                continue;
            }
            // The claim's number read in the other claim's unit.
            let r = ub.si() / ua.si();
            let (x_lo, x_hi) = (a_lo * r, a_hi * r);
            if x_hi < b_lo || x_lo > b_hi {
                continue;
            }
            let sb = Scale::from(ub);
            out.push(LikelySource {
                cause: Some(Cause::UnitMixUp),
                summary: format!(
                    "the figure carries the wrong unit: read in {} it agrees with {}",
                    called(ub),
                    other.id
                ),
                arithmetic: format!(
                    "\"{}\" read in {} accepts {}, which overlaps \"{}\" ({}, {})",
                    a.text,
                    called(ub),
                    show(sb, (x_lo, x_hi)),
                    b.text,
                    show(sb, (b_lo, b_hi)),
                    other.outlet
                ),
                figure: Some(Span::of((x_lo, x_hi), sb)),
                unit: Some(sb.symbol),
                deviation_percent: None,
                also: Vec::new(),
            });
        }
    }
    out
}
