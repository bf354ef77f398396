//! Time between two dates: "the first such visit in nearly 4 1/2 years" (since April 2019).
//!
//! Years are counted as 365.2425 days (the Gregorian mean) and months as a twelfth of that.

use super::hedge::{Hedge, judge};
use super::verdict::{Finding, Scale, finding};
use crate::units::parse_number_words;

const DAY_S: f64 = 86_400.0;
const YEAR_S: f64 = 365.2425 * DAY_S;

/// Reads a date: "2019-04-25", or a month "2019-04" (its 1st).
pub(crate) fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let t = s.trim();
    let full = if t.len() == 7 {
        format!("{t}-01")
    } else {
        t.to_string()
    };
    full.parse::<jiff::civil::Date>()
        .map_err(|e| format!("\"{s}\" is not a date like 2019-04-25 ({e})"))
}

/// Reads "nearly 4 1/2 years" into its hedge, value range in seconds and display scale.
pub(crate) fn parse_amount(s: &str) -> Result<(Hedge, f64, Scale), String> {
    let (hedge, rest) = Hedge::split(s);
    let rest = rest.trim();
    let (num, unit) = rest.rsplit_once(char::is_whitespace).ok_or_else(|| {
        format!("\"{s}\": write a number and a unit, e.g. \"nearly 4 1/2 years\"")
    })?;
    let scale = match unit.to_ascii_lowercase().trim_end_matches('s') {
        "year" => Scale {
            symbol: "years",
            si: YEAR_S,
        },
        "month" => Scale {
            symbol: "months",
            si: YEAR_S / 12.0,
        },
        "week" => Scale {
            symbol: "weeks",
            si: 7.0 * DAY_S,
        },
        "day" => Scale {
            symbol: "days",
            si: DAY_S,
        },
        other => return Err(format!("\"{other}\" is not years, months, weeks or days")),
    };
    let v = parse_number_words(num).ok_or_else(|| format!("\"{num}\" is not a number"))?;
    Ok((hedge, v * scale.si, scale))
}

/// Checks a claimed interval between two dates.
pub(crate) fn check(since: &str, until: &str, value: &str) -> Finding {
    let parsed = parse_date(since).and_then(|a| Ok((a, parse_date(until)?)));
    let ((a, b), (hedge, v, scale)) = match parsed.and_then(|d| Ok((d, parse_amount(value)?))) {
        Ok(x) => x,
        Err(why) => return Finding::cannot(value, why),
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
    let mut f = finding(
        value.to_string(),
        scale.fmt(c),
        hedge.tolerance().to_string(),
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
        let (h, v, s) = parse_amount("nearly 4 1/2 years").unwrap();
        assert_eq!(h, Hedge::Nearly);
        assert!((v / s.si - 4.5).abs() < 1e-12);
        assert!(parse_amount("five fortnights").is_err());
        assert!(parse_date("2019-04").is_ok());
        assert!(parse_date("April 2019").is_err());
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
}
