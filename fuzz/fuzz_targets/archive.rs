//! Newsroom archives (`check --articles FILE.jsonl`): one line of any UTF-8 text read as an
//! article record, then what the command does with a record: extraction of every article
//! in it, the draft story, the check, and the JSON line and Markdown reports.
//!
//! Checks beyond "no panic": the JSON report is one line of valid JSON, and no text from
//! the article reaches the Markdown report as live HTML.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use routecheck::claims::extract::extract_all;
use routecheck::pipeline::Pipeline;
use routecheck::report;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new().expect("the bundled data loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(serde_json::Value::Object(record)) = serde_json::from_str::<serde_json::Value>(line)
    else {
        return;
    };
    let Some(text) = record.get("text").and_then(|t| t.as_str()) else {
        return;
    };
    let outlet = record
        .get("outlet")
        .and_then(|o| o.as_str())
        .unwrap_or("article")
        .to_string();
    let p = pipeline();
    let x = extract_all(&[(outlet, text.to_string())], &p.gazetteer);
    let Ok(story) = x.to_story("Article fuzz", "article fuzz") else {
        return;
    };
    let Ok(c) = p.check(&story) else {
        return;
    };
    let one = report::json_line(&c.story, &c.route, &c.claims);
    assert_eq!(one.trim_end().lines().count(), 1, "the JSON report is one line");
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&one) {
        panic!("the JSON report is not JSON: {e}\n{one}");
    }
    let md = report::markdown(&c.story, &c.route, &c.claims);
    let lower = md.to_ascii_lowercase();
    for live in ["<script", "<img", "<iframe", "<a "] {
        if lower.contains(live) {
            panic!("{live} reaches the Markdown report:\n{md}");
        }
    }
    // A link is live only when its bracket is not escaped.
    for (at, _) in lower.match_indices("](javascript:") {
        if !lower[..at].ends_with('\\') {
            panic!("a javascript: link reaches the Markdown report:\n{md}");
        }
    }
});
