//! The gazetteer: places by name (any spelling or script) and by position.

mod place;

pub use place::{Place, PlaceGeometry, PlaceKind, Source};
