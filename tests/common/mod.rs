//! Shared fixtures for the CLI tests.

/// A story that needs no gazetteer: every waypoint has coordinates (GeoNames rows for the
/// three cities: 2643743 London, 2988507 Paris, 2950159 Berlin).
pub const EUROPE: &str = r#"
[story]
id = "europe-hop"
title = "London to Berlin by air"
[[waypoints]]
id = "london"
at = "51.50853, -0.12574"
name = "London"
[[waypoints]]
id = "paris"
at = "48.85341, 2.3488"
name = "Paris"
[[waypoints]]
id = "berlin"
at = "52.52437, 13.41053"
name = "Berlin"
[[legs]]
from = "london"
to = "paris"
mode = "air"
[[legs]]
from = "paris"
to = "berlin"
mode = "air"
"#;
