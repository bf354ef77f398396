//! Quantities as stories and articles write them: `parse_quantity`, `scan_quantity`, the
//! typed parsers built on them, and number words.
#![no_main]

use libfuzzer_sys::fuzz_target;
use routecheck::units;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(q) = units::parse_quantity(text) {
        let v = q.value;
        assert!(
            v.lo.is_finite() && v.hi.is_finite() && v.lo >= 0.0 && v.hi >= v.lo,
            "{q:?}"
        );
    }
    if let Ok((_, used)) = units::scan_quantity(text) {
        assert!(
            used <= text.len() && text.is_char_boundary(used),
            "used {used}"
        );
    }
    if let Ok(l) = units::parse_length(text) {
        assert!(l.as_m().is_finite() && l.as_m() >= 0.0, "{l:?}");
    }
    if let Ok((lo, hi)) = units::parse_speed(text) {
        assert!(lo.as_mps().is_finite() && hi >= lo, "{lo:?} {hi:?}");
    }
    let _ = units::parse_duration(text);
    if let Some(n) = units::parse_number_words(text) {
        assert!(!n.is_nan());
    }
});
