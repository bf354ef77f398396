//! `check --articles FILE.jsonl`: a newsroom archive, one article per line
//! (`{"id": …, "text": …, "outlet": …, "date": …}`), each checked alone; one JSON result per
//! line, in the archive's order.
//!
//! Lines are read a chunk at a time and checked in parallel, so memory holds one chunk
//! whatever the archive's size, and the output is the same on any number of cores. The
//! command is a pure filter (lines in, lines out, no files written), which is what a
//! map-only step of a cluster job runs (see the README).

use std::io::{BufRead, Read};
use std::path::Path;

use rayon::prelude::*;
use routecheck::pipeline::Pipeline;
use routecheck::report::Summary;

/// The schema of each output line.
pub const SCHEMA: &str = "routecheck.article-result/1";

/// Lines checked at once, per core.
const PER_CORE: usize = 16;

/// One line of the archive.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Article {
    /// The article's id in the archive, echoed in the result.
    id: serde_json::Value,
    /// The article's plain text.
    text: String,
    /// The outlet that published it.
    #[serde(default)]
    outlet: Option<String>,
    /// Its publication date, as the archive gives it (echoed; when it reads as a date, its year
    /// is the year of dates the text gives without one).
    #[serde(default)]
    date: Option<String>,
}

pub fn run(checker: &Pipeline, path: &Path, out: &mut dyn std::io::Write) -> miette::Result<u8> {
    let shown = super::input::shown(path);
    let reader: Box<dyn Read> = if super::input::is_dash(path) {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            std::fs::File::open(path)
                .map_err(|e| miette::miette!("cannot read archive {shown}: {e}"))?,
        )
    };
    let mut reader = std::io::BufReader::new(reader);
    let chunk = rayon::current_num_threads().max(1) * PER_CORE;
    let (mut line_no, mut worst, mut errors) = (0usize, super::exit::OK, 0usize);
    loop {
        let mut lines: Vec<(usize, Result<String, String>)> = Vec::with_capacity(chunk);
        while lines.len() < chunk {
            match next_line(&mut reader) {
                Ok(None) => break,
                Ok(Some(l)) => {
                    line_no += 1;
                    if l.as_ref().map_or(true, |t| !t.trim().is_empty()) {
                        lines.push((line_no, l));
                    }
                }
                Err(e) => return Err(miette::miette!("cannot read archive {shown}: {e}")),
            }
        }
        if lines.is_empty() {
            break;
        }
        let results: Vec<(String, u8)> = lines
            .par_iter()
            .map(|(n, l)| result_line(checker, &shown, *n, l))
            .collect();
        for (text, code) in results {
            if code == super::exit::ERROR {
                errors += 1;
            } else {
                worst = worst.max(code);
            }
            super::emit(out, &text)?;
        }
    }
    super::note(&format!(
        "checked {line_no} line{} of {shown}: {errors} could not be checked",
        if line_no == 1 { "" } else { "s" }
    ));
    Ok(if errors > 0 {
        super::exit::ERROR
    } else {
        worst
    })
}

/// The next line, without its line end; a line longer than the article limit is an error
/// for that line only (its rest is skipped), not a reason to fill the memory.
fn next_line(r: &mut impl BufRead) -> std::io::Result<Option<Result<String, String>>> {
    let limit = super::input::ARTICLE_LIMIT;
    let mut bytes = Vec::new();
    let n = r.by_ref().take(limit + 1).read_until(b'\n', &mut bytes)?;
    if n == 0 {
        return Ok(None);
    }
    if bytes.last() != Some(&b'\n') && bytes.len() as u64 > limit {
        // Skip to the end of the over-long line.
        let mut rest = Vec::new();
        loop {
            rest.clear();
            let m = r.by_ref().take(1 << 20).read_until(b'\n', &mut rest)?;
            if m == 0 || rest.last() == Some(&b'\n') {
                break;
            }
        }
        return Ok(Some(Err(format!(
            "the line is longer than {} MiB: not reading it",
            limit >> 20
        ))));
    }
    while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        bytes.pop();
    }
    Ok(Some(String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at column {})",
            e.utf8_error().valid_up_to() + 1
        )
    })))
}

/// The JSON result of one archive line, and its exit code (0, 1, or 2 for an error).
fn result_line(
    checker: &Pipeline,
    archive: &str,
    line: usize,
    text: &Result<String, String>,
) -> (String, u8) {
    let error = |id: serde_json::Value, e: String, help: &str| {
        let v = serde_json::json!({
            "schema": SCHEMA,
            "archive": archive,
            "line": line,
            "id": id,
            "error": e,
            "help": help,
        });
        (format!("{v}\n"), super::exit::ERROR)
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            return error(
                serde_json::Value::Null,
                e.clone(),
                "split the archive into lines of UTF-8 JSON",
            );
        }
    };
    let a: Article = match serde_json::from_str(text) {
        Ok(a) => a,
        Err(e) => {
            return error(
                serde_json::Value::Null,
                format!("not an article record: {e}"),
                "each line is one JSON object: {\"id\": …, \"text\": …, \"outlet\": …, \"date\": …}",
            );
        }
    };
    let outlet = a.outlet.clone().unwrap_or_else(|| "article".to_string());
    let id_text = match &a.id {
        serde_json::Value::String(s) => s.clone(),
        v => v.to_string(),
    };
    let published = a
        .date
        .as_deref()
        .and_then(|d| super::extract::publication_date(d).ok());
    let article = routecheck::claims::extract::Article {
        outlet,
        text: a.text,
        published,
    };
    let x = routecheck::claims::extract::extract_articles(&[article], &checker.gazetteer);
    // Named by its id alone: the result is the same whichever file or pipe the line came
    // from (the record's "archive" and "line" say where).
    let name = format!("article {id_text}");
    let checked = x
        .to_story(&format!("Article {id_text}"), &name)
        .map_err(routecheck::Error::from)
        .and_then(|s| checker.check(&s));
    let c = match checked {
        Ok(c) => c,
        Err(e) => return error(a.id, e.to_string(), "check the article's text"),
    };
    let report: serde_json::Value =
        serde_json::from_str(&super::check::report_text(&c, super::Format::Json, true))
            .unwrap_or(serde_json::Value::Null);
    let v = serde_json::json!({
        "schema": SCHEMA,
        "archive": archive,
        "line": line,
        "id": a.id,
        "outlet": a.outlet,
        "date": a.date,
        "summary": Summary::of(&c.claims),
        "fails": c.fails(),
        "report": report,
    });
    (format!("{v}\n"), super::check::exit_code(&c))
}
