//! `routecheck check DIR`: every `*.toml` in a folder, checked in parallel on all cores.
//!
//! Files are taken in name order, in chunks of a few per core: a chunk is checked (and its
//! maps drawn) in parallel, then its reports are printed and its files written in order, so
//! the output is the same whatever the number of cores, and memory holds one chunk at a time.
//! A bad file is reported, named, and the others still run. A table (or Markdown) report
//! ends with one row per file; JSON is JSON Lines, one line per file, failed files as error
//! records; CSV is one row per claim.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use rayon::prelude::*;
use routecheck::pipeline::Pipeline;
use routecheck::report::Summary;
use routecheck::story::Story;

use super::Format;
use super::claim_rows::{self, ClaimRows};
use super::files::Files;
use super::output::OutputDir;

/// The JSON Lines record of a file that could not be checked.
pub const ERROR_SCHEMA: &str = "routecheck.batch-error/1";

/// Results in flight, per core: enough to keep every core busy while one file is slow, few
/// enough that memory stays small (a report and its maps are well under a megabyte).
const PER_CORE: usize = 8;

/// One file's result, made in parallel and printed in order.
struct Done {
    path: PathBuf,
    result: Result<Checked, miette::Report>,
}

struct Checked {
    text: String,
    rows: ClaimRows,
    summary: Summary,
    code: u8,
    fail_reason: Option<String>,
    files: Files,
}

pub fn run(
    checker: &Pipeline,
    dir_path: &Path,
    format: Format,
    mut dir: Option<&mut OutputDir>,
    out: &mut dyn std::io::Write,
) -> miette::Result<u8> {
    let files = story_files(dir_path)?;
    let maps = dir.is_some();
    let mut progress = Progress::new(files.len());
    let mut table: Vec<(String, Option<Summary>)> = Vec::with_capacity(files.len());
    let (mut worst, mut errors, mut failing) = (super::exit::OK, 0usize, 0usize);
    if format == Format::Csv {
        super::emit(out, &claim_rows::csv_header())?;
    }
    // Files are checked on every core, taken in name order; results come back through a
    // bounded channel and are printed in order as soon as their turn comes, so no core waits
    // for a slower neighbour and memory holds only the results in flight.
    let in_flight = rayon::current_num_threads().max(1) * PER_CORE;
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<(usize, Done)>(in_flight);
    let mut handle = |d: Done| -> miette::Result<()> {
        let shown = d.path.display().to_string();
        let written = match (d.result, dir.as_deref_mut()) {
            (Ok(c), Some(dir)) => super::check::write_files(dir, &c.files, &shown)
                .map(|_| c)
                .map_err(|e| e.wrap_err(format!("{shown}: cannot write its map"))),
            (r, _) => r,
        };
        match written {
            Ok(c) => {
                let text = match format {
                    Format::Csv => claim_rows::csv_body(&c.rows)?,
                    Format::Json => c.text,
                    Format::Table | Format::Md => {
                        format!("{}{}", header(&shown, format), c.text)
                    }
                };
                super::emit(out, &text)?;
                if let Some(why) = &c.fail_reason {
                    super::note(&format!("{shown}: {why}"));
                    failing += 1;
                }
                worst = worst.max(c.code);
                table.push((shown, Some(c.summary)));
            }
            Err(e) => {
                errors += 1;
                super::note(&format!("{e:?}"));
                let text = match format {
                    Format::Json => error_record(&shown, &e),
                    Format::Csv => claim_rows::csv_error(&shown, &error_text(&e))?,
                    Format::Table | Format::Md => {
                        format!(
                            "{}error: {} (details on standard error)\n",
                            header(&shown, format),
                            error_text(&e)
                        )
                    }
                };
                super::emit(out, &text)?;
                table.push((shown, None));
            }
        }
        progress.inc();
        Ok(())
    };
    let printed: miette::Result<()> = std::thread::scope(|scope| {
        let (files, stop) = (&files, &stop);
        scope.spawn(move || {
            files
                .iter()
                .enumerate()
                .par_bridge()
                .for_each_with(tx, |tx, (i, p)| {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let result = check_one(checker, p, format, maps);
                    let _ = tx.send((
                        i,
                        Done {
                            path: p.clone(),
                            result,
                        },
                    ));
                });
        });
        let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        for (i, d) in rx {
            waiting.insert(i, d);
            while let Some(d) = waiting.remove(&next) {
                next += 1;
                if let Err(e) = handle(d) {
                    // Stop the workers (a closed pipe, a full disk) and let them drain.
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(())
    });
    printed?;
    progress.finish();
    match format {
        Format::Table => super::emit(out, &summary_table(&table))?,
        Format::Md => super::emit(out, &summary_markdown(&table))?,
        Format::Json | Format::Csv => {}
    }
    super::note(&format!(
        "checked {} story files: {} with a claim off or contradicting another, {} with errors{}",
        files.len(),
        failing,
        errors,
        match (errors, failing) {
            (0, 0) => String::new(),
            (0, _) => " (exit code 1; --exit-zero exits 0 regardless)".to_string(),
            _ => " (exit code 2: a file could not be checked)".to_string(),
        }
    ));
    Ok(if errors > 0 {
        super::exit::ERROR
    } else {
        worst
    })
}

/// The `*.toml` files of a folder, in name order.
fn story_files(dir_path: &Path) -> miette::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir_path)
        .map_err(|e| miette::miette!("cannot read folder {}: {e}", dir_path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(miette::miette!(
            help = "story files end in .toml; see data/stories/ for examples",
            "no story files (*.toml) in {}",
            dir_path.display()
        ));
    }
    Ok(files)
}

/// Loads, checks, draws and formats one file. Every error is wrapped with the file's name.
fn check_one(
    checker: &Pipeline,
    path: &Path,
    format: Format,
    maps: bool,
) -> Result<Checked, miette::Report> {
    let shown = path.display().to_string();
    let named = |e: miette::Report| e.wrap_err(shown.clone());
    let story = Story::load(path).map_err(|e| named(miette::Report::new(e)))?;
    let c = checker
        .check(&story)
        .map_err(|e| named(miette::Report::new(e)))?;
    let files = if maps {
        super::check::map_files(&c, &checker.gazetteer).map_err(named)?
    } else {
        Vec::new()
    };
    let text = match format {
        Format::Csv => String::new(),
        Format::Json => with_file(&super::check::report_text(&c, Format::Json, false), &shown),
        _ => super::check::report_text(&c, format, true),
    };
    Ok(Checked {
        text,
        // Only the CSV report reads the rows.
        rows: if format == Format::Csv {
            claim_rows::of(&shown, &c)
        } else {
            ClaimRows::new()
        },
        summary: Summary::of(&c.claims),
        code: super::check::exit_code(&c),
        fail_reason: super::check::fail_reason(&c),
        files,
    })
}

/// The story's JSON report as one line with a `file` field: which file of the folder it is.
fn with_file(json: &str, file: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(mut m)) => {
            m.insert("file".into(), file.into());
            format!("{}\n", serde_json::Value::Object(m))
        }
        _ => json.replace('\n', " ") + "\n",
    }
}

/// What went wrong with a file, in a line: the causes under the file's name, joined.
fn error_text(e: &miette::Report) -> String {
    let causes: Vec<String> = e.chain().skip(1).map(|c| c.to_string()).collect();
    if causes.is_empty() {
        e.to_string()
    } else {
        causes.join(": ")
    }
}

/// The JSON Lines record of a file that failed: its name, the error and what to do.
fn error_record(file: &str, e: &miette::Report) -> String {
    let help = e
        .chain()
        .filter_map(|c| {
            (c as &dyn std::error::Error)
                .downcast_ref::<routecheck::Error>()
                .and_then(|d| miette::Diagnostic::help(d).map(|h| h.to_string()))
        })
        .next();
    let v = serde_json::json!({
        "schema": ERROR_SCHEMA,
        "file": file,
        "error": error_text(e),
        "help": help.or_else(|| e.help().map(|h| h.to_string())),
    });
    format!("{v}\n")
}

/// "== stories/a.toml ==" before each file's report (a Markdown heading in Markdown).
fn header(file: &str, format: Format) -> String {
    match format {
        Format::Md => format!("\n## {file}\n\n"),
        _ => format!("\n== {file} ==\n"),
    }
}

/// The counts of one file as table cells, or the error mark.
fn cells(s: &Option<Summary>) -> Vec<String> {
    let Some(s) = s else {
        let mut row = vec![String::new(); COLUMNS.len() - 2];
        row.push("error".into());
        return row;
    };
    let claims = s.holds
        + s.loosely_holds
        + s.plausible
        + s.implausible
        + s.off
        + s.contradicts
        + s.cannot_check;
    let counts = [
        claims,
        s.holds + s.loosely_holds,
        s.plausible + s.implausible,
        s.off,
        s.contradicts,
        s.cannot_check,
    ];
    let mut row: Vec<String> = counts.iter().map(|n| n.to_string()).collect();
    row.push(String::new());
    row
}

const COLUMNS: [&str; 8] = [
    "FILE",
    "CLAIMS",
    "HOLDS",
    "PLAUSIBLE",
    "OFF",
    "CONTRADICTS",
    "CANNOT CHECK",
    "ERROR",
];

/// The closing table: one row per file ("holds" counts loose holds too; "plausible" counts
/// the claims the data bounds without settling, implausible ones included).
fn summary_table(rows: &[(String, Option<Summary>)]) -> String {
    let wf = rows
        .iter()
        .map(|(f, _)| unicode_width::UnicodeWidthStr::width(f.as_str()))
        .max()
        .unwrap_or(0)
        .max(COLUMNS[0].len());
    let line = |first: &str, rest: &[String]| {
        let mut s = format!("{first:<wf$}");
        for (c, h) in rest.iter().zip(&COLUMNS[1..]) {
            s.push_str(&format!("  {c:>w$}", w = h.len()));
        }
        s.trim_end().to_string() + "\n"
    };
    let mut s = format!(
        "\nSUMMARY\n{}",
        line(
            COLUMNS[0],
            &COLUMNS[1..]
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
        )
    );
    for (f, summary) in rows {
        s.push_str(&line(f, &cells(summary)));
    }
    s
}

/// The closing table in Markdown.
fn summary_markdown(rows: &[(String, Option<Summary>)]) -> String {
    let mut s = format!(
        "\n## Summary\n\n| {} |\n|{}\n",
        COLUMNS.join(" | "),
        "---|".repeat(COLUMNS.len())
    );
    for (f, summary) in rows {
        s.push_str(&format!(
            "| {} | {} |\n",
            f.replace('|', "\\|"),
            cells(summary).join(" | ")
        ));
    }
    s
}

/// A progress bar on standard error, shown only when standard error is a terminal and the
/// work has taken more than a second (a quick run stays quiet, and piped output stays clean).
struct Progress {
    bar: indicatif::ProgressBar,
    started: Instant,
    shown: bool,
}

impl Progress {
    fn new(len: usize) -> Progress {
        Progress {
            bar: indicatif::ProgressBar::with_draw_target(
                Some(len as u64),
                indicatif::ProgressDrawTarget::hidden(),
            ),
            started: Instant::now(),
            shown: false,
        }
    }

    fn inc(&mut self) {
        self.bar.inc(1);
        if !self.shown
            && self.started.elapsed() > Duration::from_secs(1)
            && std::io::stderr().is_terminal()
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
