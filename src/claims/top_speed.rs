//! The fastest a mode of transport runs in scheduled service (`data/article/top_speeds.tsv`,
//! each row cited there): the upper end of a trip's average speed when neither the story nor
//! the article gives a speed. Read by article reading (a trip's duration with no speed) and by
//! the saving check (a new time with no speed).

use crate::story::{Amount, Mode};
use crate::units::Dimension;

const TOP_SPEEDS: &str = include_str!("../../data/article/top_speeds.tsv");

/// The top speed of `mode` in scheduled service ("up to 350 km/h"), if the table has one.
pub(crate) fn top(mode: Mode) -> Option<Amount> {
    TOP_SPEEDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?))
        })
        .find(|(m, _)| *m == mode.as_str())
        .and_then(|(_, kmh)| Amount::try_from(format!("up to {kmh} km/h")).ok())
}

/// The speed a trip's duration is checked against: at most `top` (a stated or a table's
/// fastest speed), written as the range "1–T km/h" because the check divides the distance by
/// both ends of a speed. The low end, 1 km/h, sets no real lower bound: a slow trip is never
/// refuted by it.
pub(crate) fn band(top: &Amount) -> Option<Amount> {
    if top.dimension() != Dimension::Speed {
        return None;
    }
    let kmh = top.quantity.value.hi_si() * 3.6;
    if kmh <= 1.0 || !kmh.is_finite() {
        return None;
    }
    Amount::try_from(format!("1–{} km/h", kmh.round())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_gives_rail_a_top_speed_and_the_band_starts_at_1_kmh() {
        let rail = top(Mode::Rail).expect("a rail row");
        assert_eq!(rail.text, "up to 350 km/h");
        assert_eq!(band(&rail).map(|a| a.text), Some("1–350 km/h".into()));
        // No row for a mode the table does not cite.
        assert!(top(Mode::Direct).is_none());
        let distance = Amount::try_from("40 km".to_string()).unwrap();
        assert!(band(&distance).is_none());
        // Every row names its page and quotes it.
        for l in TOP_SPEEDS.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "{l}");
            assert!(f[2].starts_with("https://") && f[3].contains(f[1]), "{l}");
        }
    }
}
