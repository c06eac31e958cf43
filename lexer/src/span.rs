//! Byte spans into the source text and the located diagnostics every stage reports.

use std::fmt;

/// A half-open byte range `start..end` into one source file.
///
/// Every token, AST node and bytecode instruction carries one, so any message
/// can point at the source. `u32` keeps nodes small; files over 4 GiB are
/// rejected before lexing.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// An empty span at this span's start (where Go reports most errors).
    pub fn start_point(self) -> Span {
        Span::new(self.start, self.start)
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start as u32, range.end as u32)
    }
}

/// Which stage found a problem; it decides nothing but the wording of a header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Lex,
    Parse,
    Check,
    /// A whole-program problem Go's linker reports without a file position
    /// (`runtime.main_main·f: function main is undeclared in the main
    /// package`): the message is Go's whole line and the span means nothing.
    Link,
}

/// One problem in the user's program, located at `span`.
///
/// `message` is Go's wording where Go has one (`syntax error: unexpected
/// newline, expected { after if clause`, `declared and not used: x`), so it can
/// be compared with what `go build` prints after its `file:line:col: `.
/// Stages collect these in a `Vec` and keep going; none stops at the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub phase: Phase,
    pub span: Span,
    pub message: String,
    /// Extra labelled spans (e.g. "other declaration of x").
    pub labels: Vec<(Span, String)>,
    /// Free-text hints shown under the snippet.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn new(phase: Phase, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            phase,
            span,
            message: message.into(),
            labels: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn with_label(mut self, span: Span, text: impl Into<String>) -> Diagnostic {
        self.labels.push((span, text.into()));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// Whether Go prints this problem at a `line:col` (all but the linker's).
    pub fn has_position(&self) -> bool {
        self.phase != Phase::Link
    }
}

/// Maps byte offsets to Go's 1-based `line:col` (col counts bytes, as Go's does).
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut line_starts = vec![0];
        for (idx, byte) in src.bytes().enumerate() {
            if byte == b'\n' {
                line_starts.push(idx as u32 + 1);
            }
        }
        LineIndex { line_starts }
    }

    /// The 1-based line and byte column of `offset`.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(idx) => idx,
            Err(idx) => idx - 1,
        };
        (line_idx as u32 + 1, offset - self.line_starts[line_idx] + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_bytes_from_one() {
        let idx = LineIndex::new("ab\ncd\n\nx");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(2), (1, 3));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(6), (3, 1));
        assert_eq!(idx.line_col(7), (4, 1));
    }
}
