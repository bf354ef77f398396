//! Issue 17: the static map's labels, as laid out by the one label solver (`render::label_layout`,
//! the layout `render::svg` draws), never overlap one another and never cross the route, on the
//! bundled story and on a story far outside the bundled region; the crowded spots (the border
//! cluster at Tumangang, a station and its return twin on one point) keep their names.
//!
//! `ROUTECHECK_LABEL_PNGS=DIR cargo test --test map_labels` writes the two maps as PNGs to DIR
//! to look at.

use routecheck::render::{self, LabelBox, LabelLayout, LabelRole, MapOptions, MapScene};

fn scene_of(path: &str) -> MapScene {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
    let story = routecheck::story::Story::parse(&text, path).unwrap();
    let pipeline = routecheck::pipeline::Pipeline::new().unwrap();
    let c = pipeline.check(&story).unwrap();
    let rivers: Vec<_> = pipeline.gazetteer.rivers().collect();
    let mut scene = render::scene(&c.story, &c.route, &rivers);
    scene.context_cities = render::context_cities(&scene, &pipeline.gazetteer);
    scene
}

/// Does segment a–b pass through the box (Liang–Barsky)?
fn crosses(a: [f64; 2], b: [f64; 2], l: &LabelBox) -> bool {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a[0] - l.x_px),
        (dx, l.x_px + l.w_px - a[0]),
        (-dy, a[1] - l.y_px),
        (dy, l.y_px + l.h_px - a[1]),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

fn overlap(a: &LabelBox, b: &LabelBox) -> f64 {
    let w = (a.x_px + a.w_px).min(b.x_px + b.w_px) - a.x_px.max(b.x_px);
    let h = (a.y_px + a.h_px).min(b.y_px + b.h_px) - a.y_px.max(b.y_px);
    w.max(0.0) * h.max(0.0)
}

/// No two label boxes overlap, none crosses a leg, all lie inside the map.
fn assert_clean(layout: &LabelLayout, opt: &MapOptions, what: &str) {
    let ls = &layout.labels;
    for (i, a) in ls.iter().enumerate() {
        assert!(
            a.x_px >= 0.0
                && a.y_px >= 0.0
                && a.x_px + a.w_px <= f64::from(opt.width_px)
                && a.y_px + a.h_px <= f64::from(opt.height_px),
            "{what}: {:?} outside the map",
            a.text
        );
        for b in &ls[i + 1..] {
            assert!(
                overlap(a, b) == 0.0,
                "{what}: {:?} overlaps {:?}",
                a.text,
                b.text
            );
        }
        for leg in &layout.route_px {
            for s in leg.windows(2) {
                assert!(
                    !crosses(s[0], s[1], a),
                    "{what}: the route crosses {:?} ({:?} to {:?})",
                    a.text,
                    s[0],
                    s[1]
                );
            }
        }
    }
}

fn has(layout: &LabelLayout, role: LabelRole, text: &str) -> bool {
    layout
        .labels
        .iter()
        .any(|l| l.role == role && l.text.contains(text))
}

fn write_png(scene: &MapScene, opt: &MapOptions, name: &str) {
    if let Some(dir) = std::env::var_os("ROUTECHECK_LABEL_PNGS") {
        let png = render::png(scene, opt).unwrap();
        std::fs::write(std::path::Path::new(&dir).join(name), png).unwrap();
    }
}

#[test]
fn regression_issue_17_default_map_labels_do_not_collide() {
    let scene = scene_of("data/stories/kim-jong-un-train-2023-09.toml");
    for opt in [
        MapOptions::default(),
        MapOptions {
            width_px: 800,
            height_px: 500,
            ..Default::default()
        },
    ] {
        let layout = render::label_layout(&scene, &opt).unwrap();
        let what = format!("default story at {}×{}", opt.width_px, opt.height_px);
        assert_clean(&layout, &opt, &what);
        // The ends are always named; the border cluster keeps its names.
        for name in ["Pyongyang", "Vladivostok"] {
            assert!(has(&layout, LabelRole::Endpoint, name), "{what}: {name}");
        }
        if opt.width_px == 1600 {
            for name in ["Tumangang", "Khasan"] {
                assert!(
                    layout.labels.iter().any(|l| l.text.contains(name)),
                    "{what}: {name} in {:?}",
                    layout.labels
                );
            }
            assert!(has(&layout, LabelRole::Country, "RUSSIA"), "{what}");
            assert!(has(&layout, LabelRole::Sea, "Sea of Japan"), "{what}");
            assert!(layout.labels.iter().any(|l| l.role == LabelRole::Graticule));
        }
        write_png(
            &scene,
            &opt,
            &format!("default-{}x{}.png", opt.width_px, opt.height_px),
        );
    }
}

/// Six journeys in six countries (Glasgow–London, Amsterdam–Rotterdam, …): a world-scale map
/// with many labels, none of them in the bundled rail region.
#[test]
fn regression_issue_17_world_map_labels_do_not_collide() {
    let scene = scene_of("tests/stories/train-times-world-2013.toml");
    let opt = MapOptions::default();
    let layout = render::label_layout(&scene, &opt).unwrap();
    assert_clean(&layout, &opt, "train-times-world");
    let places = layout
        .labels
        .iter()
        .filter(|l| l.role <= LabelRole::Via)
        .count();
    assert!(places >= 8, "{:?}", layout.labels);
    assert!(
        layout
            .labels
            .iter()
            .filter(|l| l.role == LabelRole::Country)
            .count()
            >= 5,
        "countries at world scale: {:?}",
        layout.labels
    );
    write_png(&scene, &opt, "train-times-world.png");
}

/// The SVG draws the labels the layout reports (each label's text appears in it).
#[test]
fn the_svg_draws_the_laid_out_labels() {
    let scene = scene_of("data/stories/kim-jong-un-train-2023-09.toml");
    let opt = MapOptions::default();
    let layout = render::label_layout(&scene, &opt).unwrap();
    let svg = render::svg(&scene, &opt).unwrap();
    for l in &layout.labels {
        let first = l.text.split(" km ").next().unwrap();
        let first = first.replace('&', "&amp;").replace('\'', "&apos;");
        assert!(svg.contains(&first), "{first:?} not drawn");
    }
}

/// Issue 17: Ussuriysk (named by a claim, not on the route) is not drawn as a stop: it has its
/// own kind, marker (a square) and legend line.
#[test]
fn regression_issue_17_a_place_off_the_route_is_not_a_stop() {
    use routecheck::render::WaypointKind;
    let scene = scene_of("data/stories/kim-jong-un-train-2023-09.toml");
    let kind = |name: &str| {
        scene
            .waypoints
            .iter()
            .find(|w| w.name == name)
            .map(|w| w.kind)
    };
    assert_eq!(kind("Ussuriysk"), Some(WaypointKind::Place));
    assert_eq!(kind("Tumangang"), Some(WaypointKind::Stop));
    assert_eq!(kind("Vladivostok"), Some(WaypointKind::Destination));
    let svg = render::svg(&scene, &MapOptions::default()).unwrap();
    assert!(svg.contains("Place named in the story, off the route"));
    let squares = svg.matches("<rect").count();
    let without = MapScene {
        waypoints: (scene.waypoints.iter())
            .filter(|w| w.kind != WaypointKind::Place)
            .cloned()
            .collect(),
        ..scene.clone()
    };
    let svg = render::svg(&without, &MapOptions::default()).unwrap();
    assert!(!svg.contains("Place named in the story"));
    assert_eq!(
        svg.matches("<rect").count(),
        squares - 2,
        "its marker and its legend swatch"
    );
}

/// Issue 17: a GPS track drawn with `map --track` is "Track" in the legend, not "Road".
#[test]
fn regression_issue_17_a_gps_track_is_a_track_in_the_legend() {
    let dir = tempfile::tempdir().unwrap();
    let track = r#"<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
<trkpt lat="60.1699" lon="24.9384"/><trkpt lat="60.2055" lon="24.6559"/><trkpt lat="60.2934" lon="25.0378"/>
</trkseg></trk></gpx>"#;
    std::fs::write(dir.path().join("walk.gpx"), track).unwrap();
    assert_cmd::Command::cargo_bin("routecheck")
        .unwrap()
        .current_dir(dir.path())
        .env_clear()
        .args([
            "map", "--track", "walk.gpx", "--format", "svg", "--out", "o",
        ])
        .assert()
        .success();
    let svg = std::fs::read_to_string(dir.path().join("o/walk.svg")).unwrap();
    assert!(svg.contains(">Track (recorded)<"), "legend names the track");
    assert!(!svg.contains(">Road<"), "not a road");
}

/// Issue 17: the border crossing's label and the country labels use the same country names.
#[test]
fn regression_issue_17_border_and_country_labels_agree() {
    let scene = scene_of("data/stories/kim-jong-un-train-2023-09.toml");
    let border = scene
        .crossings
        .iter()
        .find(|c| c.kind == render::CrossingKind::Border)
        .expect("the route crosses a border");
    let layout = render::label_layout(&scene, &MapOptions::default()).unwrap();
    let countries: Vec<&str> = (layout.labels.iter())
        .filter(|l| l.role == LabelRole::Country)
        .map(|l| l.text.as_str())
        .collect();
    let pair = border.name.trim_end_matches(" border");
    for name in pair.split('–') {
        assert!(
            countries.contains(&name.to_uppercase().as_str()),
            "{name} (from {:?}) not among the country labels {countries:?}",
            border.name
        );
    }
}

/// Issue 17 §2: a few context cities (the gazetteer's largest in the frame that the story does
/// not name) are set as the last labels, each with a dot: on the world map several appear,
/// none is a waypoint, they are dropped before anything else, and a small map gets fewer.
#[test]
fn regression_issue_17_context_cities_are_the_last_labels() {
    let cities = |layout: &LabelLayout| -> Vec<String> {
        (layout.labels.iter())
            .filter(|l| l.role == LabelRole::City)
            .map(|l| l.text.clone())
            .collect()
    };
    let scene = scene_of("tests/stories/train-times-world-2013.toml");
    assert!(scene.context_cities.len() >= 20);
    assert!(
        (scene.context_cities.windows(2)).all(|w| w[0].population >= w[1].population),
        "largest first"
    );
    let opt = MapOptions::default();
    let layout = render::label_layout(&scene, &opt).unwrap();
    let shown = cities(&layout);
    assert!((3..=6).contains(&shown.len()), "{shown:?}");
    for name in &shown {
        assert!(
            !scene.waypoints.iter().any(|w| &w.name == name),
            "{name} is a waypoint, labelled already"
        );
    }
    // Placed after every other label: nothing else was dropped to make room for them.
    let roles: Vec<LabelRole> = layout.labels.iter().map(|l| l.role).collect();
    let first_city = roles.iter().position(|r| *r == LabelRole::City).unwrap();
    assert!(roles[first_city..].iter().all(|r| *r == LabelRole::City));
    let without = MapScene {
        context_cities: Vec::new(),
        ..scene.clone()
    };
    let bare = render::label_layout(&without, &opt).unwrap();
    assert_eq!(bare.labels[..], layout.labels[..first_city]);
    // Each is drawn: its name and its dot.
    let svg = render::svg(&scene, &opt).unwrap();
    for name in &shown {
        assert!(svg.contains(&format!(">{name}</text>")), "{name} not drawn");
    }
    let bare_svg = render::svg(&without, &opt).unwrap();
    assert_eq!(
        svg.matches("<circle").count(),
        bare_svg.matches("<circle").count() + shown.len()
    );
    // The default story's small map has room for fewer.
    let home = scene_of("data/stories/kim-jong-un-train-2023-09.toml");
    let big = cities(&render::label_layout(&home, &MapOptions::default()).unwrap());
    let small_opt = MapOptions {
        width_px: 800,
        height_px: 500,
        ..Default::default()
    };
    let small = cities(&render::label_layout(&home, &small_opt).unwrap());
    assert!(
        !big.is_empty() && small.len() < big.len() && small.len() <= 2,
        "{big:?} {small:?}"
    );
}

/// Issue 17: on the 800 × 500 map the long "RUSSIAN FEDERATION" was dropped: the country's
/// few best spots were crowded with the route's labels. It now has more spots to try, and a
/// second form in two lines, and is named on small maps in the gazetteer's name (as the border
/// label has it), never a shortened one.
#[test]
fn regression_issue_17_a_long_country_name_is_kept_on_small_maps() {
    let scene = scene_of("data/stories/kim-jong-un-train-2023-09.toml");
    let mut forms = Vec::new();
    for (w, h) in [(800, 500), (640, 400), (560, 350)] {
        let opt = MapOptions {
            width_px: w,
            height_px: h,
            ..Default::default()
        };
        let layout = render::label_layout(&scene, &opt).unwrap();
        assert_clean(&layout, &opt, &format!("{w}×{h}"));
        let russia = (layout.labels.iter())
            .find(|l| l.role == LabelRole::Country && l.text == "RUSSIAN FEDERATION")
            .unwrap_or_else(|| panic!("{w}×{h}: no RUSSIAN FEDERATION in {:?}", layout.labels));
        let svg = render::svg(&scene, &opt).unwrap();
        let two = svg.contains(">RUSSIAN</text>") && svg.contains(">FEDERATION</text>");
        assert!(two || svg.contains(">RUSSIAN FEDERATION</text>"), "{w}×{h}");
        assert!(!svg.contains(">RUSSIA</text>"));
        forms.push((two, russia.h_px));
    }
    // 800 px wide: one line fits at one of its spots; narrower, it takes two lines (twice
    // as tall).
    assert!(!forms[0].0 && forms[1].0, "{forms:?}");
    assert!(forms[1].1 > 1.5 * forms[0].1, "{forms:?}");
}
