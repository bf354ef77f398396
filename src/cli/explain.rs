//! `check --explain CLAIM_ID`: one claim in full, nothing shortened: the quote, the figures,
//! the tolerance, the arithmetic, why a bound settles or does not, and its pairings. On a
//! terminal (or with `COLUMNS=N`) long lines wrap under their value, as the table does.

use routecheck::claims::{Checked, Verdict};
use routecheck::pipeline::Outcome;

/// The claim `id` of `c` in full, or an error listing the story's claim ids.
pub fn claim(c: &Outcome, id: &str) -> miette::Result<String> {
    let Some(k) = c.claims.iter().find(|k| k.id == id) else {
        let ids: Vec<&str> = c.claims.iter().map(|k| k.id.as_str()).collect();
        return Err(miette::miette!(
            help = if ids.is_empty() {
                "this story has no claims".to_string()
            } else {
                format!("the claims of this story: {}", ids.join(", "))
            },
            "--explain {id}: no claim with that id in {}",
            c.story.meta.id
        ));
    };
    Ok(routecheck::report::wrap_hanging(
        &text(k),
        super::terminal_width(),
        LABEL_WIDTH,
    ))
}

/// The cells of a line's label ("arithmetic  "): continuations start under the value.
const LABEL_WIDTH: usize = 12;

fn text(k: &Checked) -> String {
    let clean = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
    let mut lines = vec![
        format!(
            "claim       {} ({}, {})",
            clean(&k.id),
            clean(&k.outlet),
            k.kind
        ),
        format!("verdict     {}", k.verdict),
        format!("quote       “{}”", clean(&k.quote)),
        format!("claimed     {}", clean(&k.claimed)),
        format!("computed    {}", clean(&k.computed)),
        format!("tolerance   {}", clean(&k.tolerance)),
        format!("arithmetic  {}", clean(&k.arithmetic)),
    ];
    match &k.verdict {
        Verdict::Plausible { why }
        | Verdict::Implausible { why, .. }
        | Verdict::CannotCheck { why } => lines.push(format!("why         {}", clean(why))),
        Verdict::Contradicts { other, why } => lines.push(format!(
            "why         contradicts {}: {}",
            clean(other),
            clean(why)
        )),
        Verdict::Off { by, .. } => lines.push(format!("off by      {by}")),
        Verdict::Holds | Verdict::LooselyHolds { .. } => {}
    }
    if let Some(f) = &k.figures {
        let span = |s: &routecheck::claims::Span| match s.hi {
            Some(hi) if hi == s.lo => format!("{}", s.lo),
            Some(hi) => format!("{} to {}", s.lo, hi),
            None => format!("{} or more", s.lo),
        };
        lines.push(format!(
            "figures     in {}: claimed {}; the wording accepts {}; computed {}",
            f.unit,
            span(&f.claimed),
            span(&f.accepted),
            span(&f.computed)
        ));
        if let (Some(d), Some(p)) = (f.deviation, f.deviation_percent) {
            lines.push(format!("deviation   {d:+} {} ({p:+.1} %)", f.unit));
        }
        if let Some(u) = &f.usual {
            lines.push(format!(
                "usually     {} (the published circuity band)",
                span(u)
            ));
        }
    }
    for p in &k.pairs {
        let agree = if p.agree { "agrees" } else { "disagrees" };
        lines.push(format!(
            "paired      with {} ({agree}): {}",
            clean(&p.other),
            clean(&p.why)
        ));
    }
    lines.join("\n") + "\n"
}
