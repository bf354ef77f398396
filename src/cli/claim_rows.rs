//! `check --format csv`: one row per claim, with the file, the story and claim ids, the
//! verdict and the numbers (in the unit the claim was checked in), for a spreadsheet. A file
//! that could not be checked is one row with its error.

use routecheck::claims::Checked;
use routecheck::pipeline::Outcome;

/// The CSV columns, in order.
pub const COLUMNS: [&str; 18] = [
    "file",
    "story",
    "claim",
    "outlet",
    "kind",
    "verdict",
    "claimed",
    "computed",
    "unit",
    "claimed_lo",
    "claimed_hi",
    "accepted_lo",
    "accepted_hi",
    "computed_lo",
    "computed_hi",
    "deviation_percent",
    "tolerance",
    "error",
];

/// The rows of one checked story.
pub type ClaimRows = Vec<[String; COLUMNS.len()]>;

/// One row per claim of `c`, read from `file`.
pub fn of(file: &str, c: &Outcome) -> ClaimRows {
    c.claims
        .iter()
        .map(|k| row(file, &c.story.meta.id, k))
        .collect()
}

fn row(file: &str, story: &str, k: &Checked) -> [String; COLUMNS.len()] {
    let num = |x: Option<f64>| x.map(|v| format!("{v}")).unwrap_or_default();
    let f = k.figures.as_ref();
    [
        file.to_string(),
        story.to_string(),
        k.id.clone(),
        k.outlet.clone(),
        k.kind.clone(),
        k.verdict.word().to_string(),
        k.claimed.clone(),
        k.computed.clone(),
        f.map(|f| f.unit.to_string()).unwrap_or_default(),
        num(f.map(|f| f.claimed.lo)),
        num(f.and_then(|f| f.claimed.hi)),
        num(f.map(|f| f.accepted.lo)),
        num(f.and_then(|f| f.accepted.hi)),
        num(f.map(|f| f.computed.lo)),
        num(f.and_then(|f| f.computed.hi)),
        num(f.and_then(|f| f.deviation_percent)),
        k.tolerance.clone(),
        String::new(),
    ]
}

/// The header line.
pub fn csv_header() -> String {
    format!("{}\n", COLUMNS.join(","))
}

/// Rows as CSV lines (no header).
pub fn csv_body(rows: &ClaimRows) -> miette::Result<String> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for r in rows {
        w.write_record(r)
            .map_err(|e| miette::miette!("cannot write CSV: {e}"))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| miette::miette!("cannot write CSV: {e}"))?;
    String::from_utf8(bytes).map_err(|e| miette::miette!("cannot write CSV: {e}"))
}

/// The header and the rows of one or more stories.
pub fn csv(stories: &[ClaimRows]) -> miette::Result<String> {
    let mut s = csv_header();
    for rows in stories {
        s.push_str(&csv_body(rows)?);
    }
    Ok(s)
}

/// The row of a file that could not be checked: its name and the error.
pub fn csv_error(file: &str, error: &str) -> miette::Result<String> {
    let mut r: [String; COLUMNS.len()] = Default::default();
    r[0] = file.to_string();
    r[5] = "error".to_string();
    r[COLUMNS.len() - 1] = error.to_string();
    csv_body(&vec![r])
}
