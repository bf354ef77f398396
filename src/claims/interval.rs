//! Time between two dates: "the first such visit in nearly 4 1/2 years" (since April 2019).
//!
//! Years are counted as 365.2425 days (the Gregorian mean) and months as a twelfth of that.

use super::judge::judge;
use super::verdict::{Finding, Scale, finding};
use crate::story::{Hedge, IntervalAmount};

const DAY_S: f64 = 86_400.0;

/// Checks a claimed interval between two dates.
pub(crate) fn check(since: &str, until: &str, value: &str) -> Finding {
    let parsed =
        crate::story::parse_date(since).and_then(|a| Ok((a, crate::story::parse_date(until)?)));
    let (
        (a, b),
        IntervalAmount {
            hedge,
            seconds: v,
            unit,
            first_in,
        },
    ) = match parsed.and_then(|d| Ok((d, IntervalAmount::parse(value)?))) {
        Ok(x) => x,
        Err(why) => return Finding::cannot(value, why),
    };
    let scale = Scale {
        symbol: unit.symbol,
        si: unit.seconds,
    };
    let days = match a.until(b) {
        Ok(span) => span.get_days() as f64 + span.get_weeks() as f64 * 7.0,
        Err(e) => return Finding::cannot(value, e.to_string()),
    };
    let c = days * DAY_S;
    let head = format!(
        "{a} → {b}: {} days = {} vs {value}",
        days as i64,
        scale.fmt(c)
    );
    let tolerance = if first_in && hedge == Hedge::AtLeast {
        "the figure or more: \"the first … in\" a span means none in that span before".to_string()
    } else {
        hedge.tolerance().to_string()
    };
    let mut f = finding(
        value.to_string(),
        scale.fmt(c),
        tolerance,
        judge(hedge, v, v, c, c),
        scale,
        head,
    );
    f.arithmetic = f.arithmetic.replace(".0 years", " years");
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Verdict;

    #[test]
    fn reads_amounts_and_dates() {
        let a = IntervalAmount::parse("nearly 4 1/2 years").unwrap();
        assert_eq!(a.hedge, crate::story::Hedge::Nearly);
        assert!((a.seconds / a.unit.seconds - 4.5).abs() < 1e-12);
        assert!(IntervalAmount::parse("five fortnights").is_err());
        assert!(crate::story::parse_date("2019-04").is_ok());
        assert!(crate::story::parse_date("April 2019").is_err());
    }

    #[test]
    fn checks_intervals() {
        // April 2019 summit to September 2023: 4 years 4.5 months, "nearly 4 1/2 years".
        let f = check("2019-04-25", "2023-09-12", "nearly 4 1/2 years");
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        // The Channel Tunnel opened in May 1994: 2024 is 30 years, not "over 40".
        let f = check("1994-05-06", "2024-05-06", "more than 40 years");
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        assert!(matches!(
            check("x", "2024-01-01", "2 years").verdict,
            Verdict::CannotCheck { .. }
        ));
    }

    /// Issue 14: "his first trip abroad in four years" (April 2019 to September 2023, 4.4
    /// years) means at least four years since the last one; it was judged off by +11 %.
    #[test]
    fn regression_issue_14_first_in_n_years_means_at_least() {
        let f = check("2019-04", "2023-09-12", "first trip abroad in four years");
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        assert!(f.tolerance.contains("the first … in"), "{}", f.tolerance);
        // Three years since the last trip is not "the first in four years".
        let f = check("2020-09", "2023-09-12", "first trip abroad in four years");
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        // Its own hedge wins: "in nearly 4 1/2 years" is up to 4 1/2 years.
        let f = check(
            "2019-04-25",
            "2023-09-12",
            "the first such visit in nearly 4 1/2 years",
        );
        assert_eq!(f.verdict, Verdict::Holds, "{}", f.arithmetic);
        let f = check("2018-01", "2023-09-12", "first visit in nearly 4 1/2 years");
        assert!(matches!(f.verdict, Verdict::Off { .. }), "{}", f.arithmetic);
        // A plain figure without the idiom keeps ±5 %.
        assert!(matches!(
            check("2019-04", "2023-09-12", "four years").verdict,
            Verdict::Off { .. }
        ));
    }
}
