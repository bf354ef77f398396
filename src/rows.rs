//! One reader for the bundled tables (TSV with `#` comment lines, or any delimiter), on the
//! `csv` crate: each row deserialises into a struct, and any row that does not is an error
//! naming the file, the line and the column, never a row silently skipped.
//!
//! ```
//! #[derive(Debug, serde::Deserialize)]
//! struct Row { name: String, lat: f64 }
//! let rows: Vec<Row> = routecheck::rows::read("demo.tsv", "# name\tlat\nOslo\t59.9\n", b'\t').unwrap();
//! assert_eq!(rows[0].name, "Oslo");
//! let e = routecheck::rows::read::<Row>("demo.tsv", "Oslo\tnorth\n", b'\t').unwrap_err();
//! assert_eq!(e.to_string(), "demo.tsv line 1, column 2: invalid float literal");
//! ```

use serde::de::DeserializeOwned;

/// A row of a bundled table that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} line {line}{}: {message}", column.map(|c| format!(", column {c}")).unwrap_or_default())]
pub struct Error {
    /// The table's path as the project names it ("data/basemap/countries.tsv").
    pub file: String,
    /// 1-based line in the file.
    pub line: u64,
    /// 1-based column (field), when the error is in one field.
    pub column: Option<usize>,
    /// What is wrong, as the `csv` crate or the field's type says it ("invalid float literal").
    pub message: String,
}

/// Reads every row of `text` (the contents of `file`, fields separated by `delimiter`, lines
/// starting with `#` ignored, no header row) into `T`, in order. Fields are matched to `T`'s
/// fields by position; a row with too few or too many fields is an error.
pub fn read<T: DeserializeOwned>(file: &str, text: &str, delimiter: u8) -> Result<Vec<T>, Error> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .comment(Some(b'#'))
        .quoting(false)
        .flexible(false)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for record in r.records() {
        let record = record.map_err(|e| from_csv(file, &e))?;
        // The line is counted only for a row that fails: counting it for every row would
        // make reading a table quadratic in its length.
        let row = record.deserialize::<T>(None).map_err(|e| {
            let mut err = from_csv(file, &e);
            err.line = record
                .position()
                .map(|p| data_line(text, p.byte() as usize))
                .unwrap_or(0);
            err
        })?;
        out.push(row);
    }
    Ok(out)
}

/// The 1-based line of the record that starts at byte `at`: the reader's position of a record
/// that follows comment lines points at the first comment, so comment lines are stepped over.
fn data_line(text: &str, at: usize) -> u64 {
    let at = at.min(text.len());
    let mut line = text.as_bytes()[..at]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
        + 1;
    for l in text[at..].split('\n') {
        if !(l.starts_with('#') || l.trim().is_empty()) {
            break;
        }
        line += 1;
    }
    line
}

fn from_csv(file: &str, e: &csv::Error) -> Error {
    let (line, column, message) = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => (
            pos.as_ref().map(|p| p.line()).unwrap_or(0),
            None,
            format!("{len} fields where the table has {expected_len}"),
        ),
        csv::ErrorKind::Deserialize { pos, err } => (
            pos.as_ref().map(|p| p.line()).unwrap_or(0),
            err.field().map(|f| f as usize + 1),
            match err.kind() {
                csv::DeserializeErrorKind::Message(m) => m.clone(),
                csv::DeserializeErrorKind::Unsupported(m) => m.clone(),
                csv::DeserializeErrorKind::UnexpectedEndOfRow => {
                    "the row has too few fields".to_string()
                }
                csv::DeserializeErrorKind::InvalidUtf8(_) => "invalid UTF-8".to_string(),
                csv::DeserializeErrorKind::ParseBool(_) => "not true or false".to_string(),
                csv::DeserializeErrorKind::ParseInt(e) => e.to_string(),
                csv::DeserializeErrorKind::ParseFloat(e) => e.to_string(),
            },
        ),
        csv::ErrorKind::Utf8 { pos, .. } => (
            pos.as_ref().map(|p| p.line()).unwrap_or(0),
            None,
            "invalid UTF-8".to_string(),
        ),
        other => (0, None, format!("{other:?}")),
    };
    Error {
        file: file.to_string(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Row {
        name: String,
        lon: f64,
        lat: f64,
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let t = "# a comment\nA\t1\t2\nB\t3\n";
        let e = read::<Row>("t.tsv", t, b'\t').unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("2 fields"), "{e}");
        let e = read::<Row>("t.tsv", "A\t1\tx\n", b'\t').unwrap_err();
        assert_eq!((e.line, e.column), (1, Some(3)), "{e}");
        assert_eq!(
            e.to_string(),
            "t.tsv line 1, column 3: invalid float literal"
        );
        let ok = read::<Row>("t.tsv", "# c\nA\t1\t2\n\"B\t3\t4\n", b'\t').unwrap();
        assert_eq!(ok[1].name, "\"B", "quotes are text, not quoting");
    }

    #[test]
    fn a_bad_row_deep_in_a_long_table_names_its_line() {
        // Lines are counted only for the row that fails; the count must still be right.
        let mut t = String::from("# header\n");
        for i in 0..5000 {
            t.push_str(&format!("P{i}\t{i}\t1\n"));
            if i % 1000 == 0 {
                t.push_str("# a comment between rows\n\n");
            }
        }
        assert_eq!(read::<Row>("t.tsv", &t, b'\t').unwrap().len(), 5000);
        t.push_str("Bad\t1\tnorth\n");
        let e = read::<Row>("t.tsv", &t, b'\t').unwrap_err();
        assert_eq!((e.line, e.column), (1 + 5000 + 10 + 1, Some(3)), "{e}");
    }
}
