//! The Go program text an entry is compiled as, and the map from its byte offsets back to what the user typed.
//!
//! Every entry becomes one whole `package main` file: the session's imports,
//! its declarations, its variables as package-level `var`s, and a `main`
//! holding the entry. Diagnostics from the checker point into that text;
//! [`ProgramText::locate`] turns such a position back into the entered line or
//! the declaration it came from, so errors are rendered against what the user
//! wrote.

use std::ops::Range;

/// Where a piece of the generated text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The line(s) being entered now.
    Entry,
    /// The session's declaration with this index (`Session::decls`).
    Decl(usize),
    /// Text gomini wrote itself (variable declarations, the echo).
    Synthetic,
    /// `Session::archive[k]`: an earlier entry or declaration whose code a
    /// goroutine or a func value still runs, appended after the program so
    /// that its lines can be shown (live.rs).
    Archived(usize),
}

/// Source text that code moved from an earlier program came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Archived {
    /// How locations in it are shown: `<entry 3>`, `<declaration of f>`.
    pub label: String,
    pub text: String,
}

/// One stretch of the generated text and its origin.
#[derive(Clone, Debug)]
struct Segment {
    range: Range<usize>,
    origin: Origin,
    /// The origin's offset of the segment's first byte.
    origin_offset: usize,
    /// Whether the segment is a verbatim copy (offsets map one to one) or a
    /// rewrite (every offset maps to `origin_offset`).
    verbatim: bool,
}

/// A generated program's text and its segment map.
#[derive(Clone, Debug, Default)]
pub struct ProgramText {
    pub text: String,
    /// The entered text `Origin::Entry` offsets point into.
    pub entry: String,
    segments: Vec<Segment>,
}

impl ProgramText {
    /// An empty program text for the entered `entry`.
    pub fn for_entry(entry: &str) -> ProgramText {
        ProgramText {
            entry: entry.to_string(),
            ..Default::default()
        }
    }

    /// Appends text gomini wrote.
    pub fn synthetic(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Appends a verbatim copy of `s`, which starts at `offset` in `origin`.
    pub fn copied(&mut self, s: &str, origin: Origin, offset: usize) {
        let start = self.text.len();
        self.text.push_str(s);
        self.segments.push(Segment {
            range: start..self.text.len(),
            origin,
            origin_offset: offset,
            verbatim: true,
        });
    }

    /// Appends `s`, a rewrite of the text at `offset` in `origin`.
    pub fn rewritten(&mut self, s: &str, origin: Origin, offset: usize) {
        let start = self.text.len();
        self.text.push_str(s);
        self.segments.push(Segment {
            range: start..self.text.len(),
            origin,
            origin_offset: offset,
            verbatim: false,
        });
    }

    /// The line (1-based) of offset `off` of the entered text.
    pub fn entry_line(&self, off: usize) -> u32 {
        self.entry
            .get(..off)
            .unwrap_or(&self.entry)
            .matches('\n')
            .count() as u32
            + 1
    }

    /// The origin of byte `pos` of the generated text and its offset there.
    pub fn locate(&self, pos: usize) -> (Origin, usize) {
        for seg in &self.segments {
            // An end-of-segment position (a span's end) belongs to it too.
            if seg.range.start <= pos && pos <= seg.range.end {
                let offset = if seg.verbatim {
                    seg.origin_offset + (pos - seg.range.start)
                } else {
                    seg.origin_offset
                };
                return (seg.origin, offset);
            }
        }
        (Origin::Synthetic, 0)
    }
}

/// Moves spans of an earlier program's text into a new program's text: the
/// sources they point into (an earlier entry, a declaration as it was) are
/// appended to the new text once each, as `Origin::Archived` segments, so that
/// moved code's lines are located in what the user typed then.
pub struct Placer<'a> {
    old: &'a ProgramText,
    /// Label and text of each `Origin::Decl(i)` of the old program.
    old_decls: &'a [Archived],
    /// What the old program's own entry is called now (`<entry 3>`).
    old_entry_label: &'a str,
    archive: &'a mut Vec<Archived>,
    new: &'a mut ProgramText,
    /// Archive index → offset of its copy in the new text.
    placed: std::collections::HashMap<usize, usize>,
}

impl<'a> Placer<'a> {
    pub fn new(
        old: &'a ProgramText,
        old_decls: &'a [Archived],
        old_entry_label: &'a str,
        archive: &'a mut Vec<Archived>,
        new: &'a mut ProgramText,
    ) -> Placer<'a> {
        Placer {
            old,
            old_decls,
            old_entry_label,
            archive,
            new,
            placed: Default::default(),
        }
    }

    /// The archive index of `source`, added if new.
    fn archived(&mut self, source: Archived) -> usize {
        match self.archive.iter().position(|a| *a == source) {
            Some(k) => k,
            None => {
                self.archive.push(source);
                self.archive.len() - 1
            }
        }
    }

    /// The new text's span for the old text's `span` (the new text's start
    /// for gomini's own text).
    pub fn remap(&mut self, span: gomini_lexer::Span) -> gomini_lexer::Span {
        let (origin, start) = self.old.locate(span.start as usize);
        let (end_origin, end) = self.old.locate(span.end as usize);
        let k = match origin {
            Origin::Entry => self.archived(Archived {
                label: self.old_entry_label.to_string(),
                text: self.old.entry.clone(),
            }),
            Origin::Decl(i) => match self.old_decls.get(i) {
                Some(d) => self.archived(d.clone()),
                None => return gomini_lexer::Span::default(),
            },
            Origin::Archived(k) => k,
            Origin::Synthetic => return gomini_lexer::Span::default(),
        };
        let base = match self.placed.get(&k) {
            Some(&b) => b,
            None => {
                self.new.synthetic("\n");
                let b = self.new.text.len();
                let text = self.archive[k].text.clone();
                self.new.copied(&text, Origin::Archived(k), 0);
                self.new.synthetic("\n");
                self.placed.insert(k, b);
                b
            }
        };
        let end = if end_origin == origin {
            end.max(start)
        } else {
            start
        };
        gomini_lexer::Span::new((base + start) as u32, (base + end) as u32)
    }
}

/// Rewrites a runtime type name (`[]*main.P`, `map[string]time.Duration`) as
/// Go source in package main (`[]*P`), or `None` when it names something a
/// program cannot write (an unexported type of another package).
pub fn runtime_type_to_source(name: &str, packages: &[&str]) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let bytes = name.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let word = &name[start..i];
            if i < bytes.len() && bytes[i] == b'.' {
                // A qualified name: `main.` is dropped, a library type must be exported.
                let rest_start = i + 1;
                let mut j = rest_start;
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                    j += 1;
                }
                let member = &name[rest_start..j];
                if word == "main" {
                    out.push_str(member);
                } else if packages.contains(&word)
                    && member
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_uppercase())
                {
                    out.push_str(word);
                    out.push('.');
                    out.push_str(member);
                } else {
                    return None;
                }
                i = j;
            } else {
                out.push_str(word);
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_maps_verbatim_and_rewritten_segments() {
        let mut p = ProgramText::default();
        p.synthetic("package main\n");
        p.copied("x := 1", Origin::Entry, 0);
        p.synthetic("\n");
        p.rewritten("y = *new(int)", Origin::Entry, 7);
        assert_eq!(p.locate(13), (Origin::Entry, 0));
        assert_eq!(p.locate(18), (Origin::Entry, 5));
        assert_eq!(p.locate(25), (Origin::Entry, 7));
        assert_eq!(p.locate(3), (Origin::Synthetic, 0));
    }

    #[test]
    fn runtime_type_names_become_source() {
        let pk = ["time", "strings"];
        assert_eq!(
            runtime_type_to_source("[]*main.P", &pk).as_deref(),
            Some("[]*P")
        );
        assert_eq!(
            runtime_type_to_source("map[string]time.Duration", &pk).as_deref(),
            Some("map[string]time.Duration")
        );
        assert_eq!(runtime_type_to_source("*strings.builder", &pk), None);
        assert_eq!(runtime_type_to_source("*fmt.pp", &pk), None);
    }
}
