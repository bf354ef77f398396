//! Lines fitted to a terminal's width: wrapped at spaces, a word wider than the line cut,
//! continuations indented, colour escape sequences taking no cells.

/// `text` fitted to a terminal `max_width` cells wide, every line that is too long wrapped
/// with its continuations `hang` cells in (under a value that follows a fixed-width label, as
/// in `check --explain`). `None` (output to a pipe or a file): the text as it is.
pub fn wrap_hanging(text: &str, max_width: Option<usize>, hang: usize) -> String {
    let Some(max) = max_width else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.lines() {
        wrap_into(&mut out, line, max, hang);
    }
    out
}

pub(crate) fn leading_spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

/// The cells `s` takes on a terminal, not counting colour escape sequences.
pub(crate) fn visible_width(s: &str) -> usize {
    let mut w = 0;
    let mut in_escape = false;
    for c in s.chars() {
        if in_escape {
            in_escape = !c.is_ascii_alphabetic();
        } else if c == '\u{1b}' {
            in_escape = true;
        } else {
            w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
    }
    w
}

/// Appends `line` to `out` in lines of at most `max` cells, continuation lines indented by
/// `cont` (less when the terminal is too narrow for it).
pub(crate) fn wrap_into(out: &mut String, line: &str, max: usize, cont: usize) {
    let max = max.max(20);
    let cont = if cont + 20 > max { 2 } else { cont };
    if visible_width(line) <= max {
        out.push_str(line);
        out.push('\n');
        return;
    }
    let indent = leading_spaces(line);
    let mut current = " ".repeat(indent);
    let mut used = indent;
    let mut first_word = true;
    for word in line[indent..].split(' ') {
        let w = visible_width(word);
        if !first_word && used + 1 + w > max {
            out.push_str(current.trim_end());
            out.push('\n');
            current = " ".repeat(cont);
            used = cont;
            first_word = true;
        }
        if !first_word {
            current.push(' ');
            used += 1;
        }
        if used + w <= max || word.contains('\u{1b}') {
            current.push_str(word);
            used += w;
        } else {
            // A word wider than the line: cut it where the line ends.
            for c in word.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > max {
                    out.push_str(&current);
                    out.push('\n');
                    current = " ".repeat(cont);
                    used = cont;
                }
                current.push(c);
                used += cw;
            }
        }
        first_word = false;
    }
    out.push_str(current.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(line: &str, max: usize, cont: usize) -> Vec<String> {
        let mut s = String::new();
        wrap_into(&mut s, line, max, cont);
        s.lines().map(String::from).collect()
    }

    /// Issue 18: a line wider than the terminal wraps at spaces, every piece within the width,
    /// no word lost, continuations indented.
    #[test]
    fn regression_issue_18_long_lines_wrap_to_the_width() {
        let line = format!("  {}", "word ".repeat(40).trim_end());
        let lines = wrapped(&line, 30, 6);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| visible_width(l) <= 30), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with("      w")));
        let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
        assert_eq!(words, 40);
        // A word wider than the line is cut, not overflowing.
        let long = wrapped(&"x".repeat(50), 20, 2);
        assert!(long.iter().all(|l| visible_width(l) <= 20), "{long:?}");
        assert_eq!(long.concat().replace(' ', "").len(), 50);
        // Colour codes take no cells.
        assert_eq!(visible_width("\u{1b}[32mholds\u{1b}[0m"), 5);
        // A short line is kept as it is.
        assert_eq!(wrapped("  short", 30, 4), vec!["  short"]);
    }

    /// Issue 18: a text of label-and-value lines wraps each line under its value, keeps every
    /// word, and is left whole when there is no width to fit.
    #[test]
    fn regression_issue_18_hanging_lines_wrap_under_their_value() {
        let text = format!(
            "quote       {}\nverdict     holds\n",
            "a long quote ".repeat(12).trim_end()
        );
        let fitted = wrap_hanging(&text, Some(40), 12);
        let lines: Vec<&str> = fitted.lines().collect();
        assert!(lines.len() > 3, "{lines:?}");
        assert!(lines.iter().all(|l| visible_width(l) <= 40), "{lines:?}");
        let under_the_value =
            |l: &&str| l.starts_with(&" ".repeat(12)) && !l[12..].starts_with(' ');
        assert!(
            lines[1..lines.len() - 1].iter().all(under_the_value),
            "{lines:?}"
        );
        assert_eq!(lines.last(), Some(&"verdict     holds"));
        let words = |s: &str| s.split_whitespace().count();
        assert_eq!(words(&fitted), words(&text));
        assert_eq!(wrap_hanging(&text, None, 12), text);
    }
}
