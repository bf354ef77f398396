//! The story file as TOML gives it, with source spans for messages. Validated into
//! [`super::Story`] by `validate.rs`.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::ClaimSpec;

use super::Article;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStory {
    #[serde(default)]
    pub story: RawMeta,
    #[serde(default)]
    pub waypoints: Vec<Spanned<RawWaypoint>>,
    #[serde(default)]
    pub legs: Vec<Spanned<RawLeg>>,
    #[serde(default)]
    pub events: Vec<Spanned<RawEvent>>,
    #[serde(default)]
    pub claims: Vec<Spanned<ClaimSpec>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeta {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub subtitle: Option<Spanned<String>>,
    #[serde(default)]
    pub sources: Vec<Article>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWaypoint {
    pub id: Spanned<String>,
    pub place: Option<Spanned<String>>,
    pub at: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub country: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    /// `true` or an airport code: see `airport.rs`.
    pub airport: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLeg {
    pub from: Spanned<String>,
    pub to: Spanned<String>,
    #[serde(default)]
    pub via: Vec<Spanned<String>>,
    pub mode: Spanned<String>,
    pub speed: Option<Spanned<String>>,
    pub dwell: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    pub id: Spanned<String>,
    pub at: Spanned<String>,
    pub what: Spanned<String>,
    /// A single local time (earliest = latest).
    pub time: Option<Spanned<Datetime>>,
    pub earliest: Option<Spanned<Datetime>>,
    pub latest: Option<Spanned<Datetime>>,
    pub tz: Option<Spanned<String>>,
    pub source: Option<String>,
}
