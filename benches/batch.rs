//! The cost of one more story in a batch (`routecheck check DIR --no-map`): the data is loaded
//! and indexed once per process, so each file adds its parse, its route (names resolved in
//! the bundled gazetteer, legs measured, crossings found), its claims and its report.
//!
//! `cargo bench --bench batch`. `first_story` is a process's first check: the gazetteer loaded
//! and every index built, then one story checked.
//!
//! Medians on 2 shared cores under load (load average 5–14), November 2026, built with
//! `--profile profiling` (release code without LTO), before the round that cut the batch from
//! 1.75 s to 0.44 s: `story_in_a_batch` 1.90 ms (fastest 1.37 ms), `first_story` 82 ms. A
//! profile of `check DIR --no-map` on 1,000 copies of the default story after that round puts
//! a story's time in its route (34 %: crossings 11 %, name resolution 12 %), reading its TOML
//! (31 %, of which the TOML parser 23 %), the claims (14 %) and the table report (12 %); the
//! allocator (mimalloc) takes about 14 % across them.

use routecheck::pipeline::Pipeline;
use routecheck::report;
use routecheck::story::Story;

fn main() {
    divan::main();
}

const DEFAULT: &str = include_str!("../data/stories/kim-jong-un-train-2023-09.toml");

/// What a batch does for each file once the data is loaded: parse, check, table report.
fn one_story(pipeline: &Pipeline) -> String {
    let story = Story::parse(DEFAULT, "s0001.toml").unwrap();
    let c = pipeline.check(&story).unwrap();
    report::table(&c.story, &c.route, &c.claims, false)
}

/// The default story in a batch whose data and indexes are already loaded.
#[divan::bench]
fn story_in_a_batch(bencher: divan::Bencher) {
    let pipeline = Pipeline::new().unwrap();
    one_story(&pipeline);
    bencher.bench_local(|| one_story(&pipeline));
}

/// The default story as a process's first: loading the data and building its indexes too.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn first_story() -> String {
    let pipeline = Pipeline::new().unwrap();
    one_story(&pipeline)
}
