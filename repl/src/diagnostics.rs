//! Renders located diagnostics as Go-style headers followed by ariadne snippets.

use ariadne::{CharSet, Color, Config, IndexType, Label, Report, ReportKind};
use gomini_lexer::{Diagnostic, LineIndex};

/// Whether diagnostics are drawn in colour: only on a terminal, never with `NO_COLOR`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Always,
    Never,
}

impl ColorChoice {
    /// Colour when stderr is a terminal and `NO_COLOR` is unset or empty (no-color.org).
    pub fn for_stderr() -> ColorChoice {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if !no_color && std::io::stderr().is_terminal() {
            ColorChoice::Always
        } else {
            ColorChoice::Never
        }
    }
}

/// Renders every diagnostic, each as `FILE:LINE:COL: MESSAGE` (the line `go build`
/// prints, so editors and searches find it) followed by the source snippet. A
/// problem Go reports without a position (the linker's missing `func main`)
/// is Go's line as it is, then a note naming the file.
pub fn render(
    file_name: &str,
    src: &str,
    diagnostics: &[Diagnostic],
    color: ColorChoice,
) -> String {
    let lines = LineIndex::new(src);
    // ariadne's source cache wants owned ids.
    let file_id = file_name.to_string();
    let mut out = Vec::new();
    for diag in diagnostics {
        if !diag.has_position() {
            out.extend_from_slice(format!("{}\n", diag.message).as_bytes());
            out.extend_from_slice(
                format!("  = note: in {file_name}; Go reports this without a line\n").as_bytes(),
            );
            continue;
        }
        let (line, col) = lines.line_col(diag.span.start);
        let header = format!("{file_name}:{line}:{col}");
        let config = Config::default()
            .with_index_type(IndexType::Byte)
            .with_color(color == ColorChoice::Always)
            .with_char_set(if color == ColorChoice::Always {
                CharSet::Unicode
            } else {
                CharSet::Ascii
            });
        let span = clamp(diag.span.range(), src.len());
        let mut report = Report::build(
            ReportKind::Custom(&header, Color::Red),
            (file_id.clone(), span.clone()),
        )
        .with_config(config)
        .with_message(&diag.message)
        .with_label(
            Label::new((file_id.clone(), span))
                .with_message(short_label(&diag.message))
                .with_color(Color::Red),
        );
        for (label_span, text) in &diag.labels {
            report = report.with_label(
                Label::new((file_id.clone(), clamp(label_span.range(), src.len())))
                    .with_message(text)
                    .with_color(Color::Blue),
            );
        }
        for note in &diag.notes {
            report = report.with_note(note);
        }
        // Writing into a Vec cannot fail; a failure here would be an ariadne bug
        // we would rather show as a plain header than lose the diagnostic.
        if report
            .finish()
            .write(ariadne::sources([(file_id.clone(), src)]), &mut out)
            .is_err()
        {
            out.extend_from_slice(format!("{header}: {}\n", diag.message).as_bytes());
        }
    }
    let rendered = String::from_utf8_lossy(&out).into_owned();
    match color {
        ColorChoice::Always => rendered,
        // ariadne 0.6 colours a custom report kind even with colour off.
        ColorChoice::Never => strip_ansi(&rendered),
    }
}

/// Removes ANSI SGR sequences (`ESC [ ... m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Keeps a span inside the text (an end-of-file error points just past the last byte).
fn clamp(range: std::ops::Range<usize>, len: usize) -> std::ops::Range<usize> {
    let start = range.start.min(len);
    start..range.end.clamp(start, len)
}

/// The label under the span: the message without Go's `syntax error: ` prefix,
/// which the header already says.
fn short_label(message: &str) -> &str {
    message.strip_prefix("syntax error: ").unwrap_or(message)
}
