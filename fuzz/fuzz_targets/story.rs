//! Story files: `Story::parse` on any UTF-8 text, and the error rendered the way the CLI
//! renders it (spans into the source must stay inside it and on character boundaries).
#![no_main]

use libfuzzer_sys::fuzz_target;
use miette::{GraphicalReportHandler, GraphicalTheme};
use routecheck::story::Story;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Story::parse(text, "fuzz.toml") {
        Ok(story) => {
            // Every reference must point at a declared waypoint.
            for leg in &story.legs {
                assert!(story.waypoint(&leg.from).is_some());
                assert!(story.waypoint(&leg.to).is_some());
            }
            for w in &story.waypoints {
                if let Some(p) = w.at {
                    assert!(routecheck::coord::LatLon::new(p.lat, p.lon).is_ok());
                }
            }
        }
        Err(e) => {
            assert!(e.line() <= text.lines().count() + 1);
            let mut out = String::new();
            GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
                .render_report(&mut out, &e)
                .expect("rendering to a String cannot fail");
        }
    }
});
