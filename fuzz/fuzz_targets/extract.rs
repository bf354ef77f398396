//! Article extraction: `claims::extract::extract` on any UTF-8 text, and the draft story it
//! writes, which must be TOML that `Story::parse` reads.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use routecheck::claims::extract::extract;
use routecheck::gazetteer::Gazetteer;
use routecheck::story::Story;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::load_default().expect("the bundled gazetteer loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let x = extract(text, "Fuzz Times", gazetteer());
    let draft = x.to_toml("fuzz");
    if let Err(e) = toml::from_str::<toml::Table>(&draft) {
        panic!("the draft is not TOML: {e}\n{draft}");
    }
    if let Err(e) = Story::parse(&draft, "draft.toml") {
        panic!("the draft is not a story: {e}\n{draft}");
    }
});
