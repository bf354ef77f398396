//! Routes: legs, crossings of rivers and borders, and timing.

pub mod crossings;
pub mod timing;
