//! Reads a program file and turns problems with the file itself into one-line errors.

use std::io::Read;
use std::path::Path;

use gomini_lexer::Diagnostic;
use gomini_parser::ast;

/// The largest file gomini reads: spans are `u32` byte offsets.
const MAX_SOURCE_BYTES: u64 = u32::MAX as u64 - 1;

/// A program file, read and parsed.
pub struct ParsedSource {
    /// The path as the user wrote it, used in `file:line:col` headers.
    pub display_name: String,
    /// The text that spans point into: invalid UTF-8 bytes are replaced
    /// one-for-one (and reported), so every byte offset stays valid.
    pub text: String,
    /// The tree; `None` only when nothing could be recovered.
    pub tree: Option<ast::File>,
    /// Every lexical and syntax error, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and parses `path`, printing a one-line `gomini: ...` error to stderr
/// when the file cannot be read.
pub fn load(path: &Path) -> Option<ParsedSource> {
    let display_name = path.to_string_lossy().into_owned();
    let fail = |why: &str| {
        eprintln!("gomini: {display_name}: {why}");
        None
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) => return fail(&io_reason(&err)),
    };
    if meta.is_dir() {
        return fail("is a directory, not a Go file");
    }
    // A device such as /dev/zero or a terminal never ends; a pipe (`<(...)`) does.
    if !meta.is_file() && !is_fifo(&meta) {
        return fail("not a regular file");
    }
    const TOO_LARGE: &str = "file too large (gomini reads files up to 4 GiB)";
    if meta.len() > MAX_SOURCE_BYTES {
        return fail(TOO_LARGE);
    }
    // A pipe has no length up front, so the read itself stops past the limit.
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|file| file.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(err) = read {
        return fail(&io_reason(&err));
    }
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return fail(TOO_LARGE);
    }
    let (text, tree, diagnostics) = gomini_parser::parse_bytes(&bytes);
    Some(ParsedSource {
        display_name,
        text,
        tree,
        diagnostics,
    })
}

/// Whether `meta` is a named pipe, whose end comes when its writer closes it.
#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_meta: &std::fs::Metadata) -> bool {
    false
}

/// The OS error in the words Go's tools use (`no such file or directory`).
fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}
