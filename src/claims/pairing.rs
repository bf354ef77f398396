//! Claims on the same `topic` from different sentences or outlets, compared with each other:
//! "less than 40 mph" (UPI) and "around 60 km/h" (AFP) are both about the train's speed.
//!
//! Each claim asserts a band per dimension (its figure widened by its hedge, see
//! [`super::Hedge`]); two claims disagree when their bands of the same dimension do not
//! overlap. A claim that would otherwise hold (or could not be checked) and disagrees with
//! another is marked [`Verdict::Contradicts`].

use super::verdict::{Checked, Pair, Scale, Verdict};
use crate::story::{Amount, ClaimKind, ClaimSpec};
use crate::units::Dimension;

/// The bands a claim asserts, by dimension, with the text they come from.
fn band(a: &Amount) -> (Dimension, f64, f64, &Amount) {
    let (lo, hi) = a.si();
    let (b_lo, b_hi) = a.hedge.band(lo, hi);
    (a.dimension(), b_lo, b_hi, a)
}

pub(super) fn bands(k: &ClaimKind) -> Vec<(Dimension, f64, f64, &Amount)> {
    match k {
        ClaimKind::Distance { value, .. } | ClaimKind::Speed { value, .. } => vec![band(value)],
        ClaimKind::DurationAtSpeed {
            distance,
            speed,
            duration,
            ..
        } => {
            let mut v = vec![band(speed), band(duration)];
            if let Some(d) = distance {
                v.push(band(d));
            }
            v
        }
        ClaimKind::Timeline {
            duration: Some(d), ..
        } => vec![band(d)],
        ClaimKind::Flight { duration, .. } => vec![band(duration)],
        _ => Vec::new(),
    }
}

fn scale(d: Dimension) -> Scale {
    match d {
        Dimension::Length => Scale::KM,
        Dimension::Speed => Scale::KMH,
        Dimension::Duration => Scale::H,
    }
}

/// Fills `pairs` and marks contradictions. `checked[i]` belongs to `specs[i]`.
pub(crate) fn pair(specs: &[ClaimSpec], checked: &mut [Checked]) {
    for i in 0..specs.len() {
        for j in i + 1..specs.len() {
            let (a, b) = (&specs[i], &specs[j]);
            let Some(topic) = a.topic.as_deref() else {
                continue;
            };
            if b.topic.as_deref() != Some(topic) {
                continue;
            }
            let (ba, bb) = (bands(&a.kind), bands(&b.kind));
            for (da, alo, ahi, aa) in &ba {
                for (db, blo, bhi, ab) in &bb {
                    if da != db {
                        continue;
                    }
                    let s = scale(*da);
                    let agree = ahi >= blo && bhi >= alo;
                    let why = format!(
                        "\"{}\" ({}, {}) and \"{}\" ({}, {}) {}",
                        aa.text,
                        s.fmt_range(*alo, *ahi),
                        a.outlet,
                        ab.text,
                        s.fmt_range(*blo, *bhi),
                        b.outlet,
                        if agree {
                            "overlap: they agree"
                        } else {
                            "do not overlap: they disagree"
                        }
                    );
                    checked[i].pairs.push(Pair {
                        other: b.id.clone(),
                        agree,
                        why: why.clone(),
                    });
                    checked[j].pairs.push(Pair {
                        other: a.id.clone(),
                        agree,
                        why: why.clone(),
                    });
                    if !agree {
                        for (k, other) in [(i, &b.id), (j, &a.id)] {
                            if matches!(
                                checked[k].verdict,
                                Verdict::Holds
                                    | Verdict::LooselyHolds { .. }
                                    | Verdict::CannotCheck { .. }
                            ) {
                                checked[k].verdict = Verdict::Contradicts {
                                    other: other.clone(),
                                    why: why.clone(),
                                };
                            }
                        }
                    }
                }
            }
        }
    }
}
