//! Claims: what an article asserts, checked against the route to a verdict.

/// A claim as the story file states it.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct ClaimSpec {
    pub id: String,
    pub outlet: String,
    pub quote: String,
    pub kind: String,
    #[serde(flatten)]
    pub details: toml::Table,
}

use crate::route::Route;
use crate::story::Story;

/// The outcome of checking a claim.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    Holds,
    Off { by_percent: f64 },
    Contradicts { other: String },
    CannotCheck { why: String },
}

impl Verdict {
    /// True for verdicts that should fail a pipeline (exit code 1).
    pub fn fails(&self) -> bool {
        matches!(self, Verdict::Off { .. } | Verdict::Contradicts { .. })
    }
}

/// A claim with its verdict and the arithmetic behind it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Checked {
    pub id: String,
    pub outlet: String,
    pub quote: String,
    pub kind: String,
    pub verdict: Verdict,
    pub computed: String,
    pub tolerance: String,
    pub arithmetic: String,
}

/// Checks every claim of the story against the route.
pub fn check_all(story: &Story, _route: &Route) -> Vec<Checked> {
    story
        .claims
        .iter()
        .map(|c| Checked {
            id: c.id.clone(),
            outlet: c.outlet.clone(),
            quote: c.quote.clone(),
            kind: c.kind.clone(),
            verdict: Verdict::CannotCheck {
                why: format!("claim kind \"{}\" is not checked yet", c.kind),
            },
            computed: String::new(),
            tolerance: String::new(),
            arithmetic: String::new(),
        })
        .collect()
}
