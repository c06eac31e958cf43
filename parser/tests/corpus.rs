//! Runs the parser over the shared Go corpus in `../tests`: valid programs,
//! malformed ones (first diagnostic must equal `go build`'s first line) and
//! unsupported ones (parser-level reports must equal the `.expected` line).

use std::path::{Path, PathBuf};

use gomini_lexer::LineIndex;

/// Malformed programs whose first error does not match Go's yet; each must
/// still mismatch (a fixed one has to be removed from here).
// FIXME: none today; add `("name.go", "why")` entries when one regresses knowingly.
const EXPECTED_SYNTAX_MISMATCHES: &[(&str, &str)] = &[];

/// Messages the parser owns; other unsupported programs are the checker's.
const PARSER_LEVEL_UNSUPPORTED: &[&str] = &["generics are not supported", "goto is not supported"];

fn corpus_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join(name)
}

fn go_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .collect()
        })
        .unwrap_or_default();
    files.retain(|path| path.extension().is_some_and(|ext| ext == "go"));
    files.sort();
    files
}

/// The first diagnostic of a file as `line:col: message`, or "" if none.
fn first_diagnostic(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_default();
    let (text, _, diagnostics) = gomini_parser::parse_bytes(&bytes);
    let index = LineIndex::new(&text);
    diagnostics
        .first()
        .map(|diag| {
            let (line, col) = index.line_col(diag.span.start);
            format!("{line}:{col}: {}", diag.message)
        })
        .unwrap_or_default()
}

fn first_line(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn every_valid_program_parses_cleanly() {
    let mut failures = Vec::new();
    for path in go_files(&corpus_dir("go")) {
        let got = first_diagnostic(&path);
        if !got.is_empty() {
            failures.push(format!("{}: {got}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "valid programs with syntax errors:\n{}",
        failures.join("\n")
    );
}

/// Programs with type errors: the parser must stay silent, or (for the few
/// checks Go's parser makes, like `defer 1`) report exactly Go's first error.
#[test]
fn type_error_programs_parse_or_match_go() {
    let mut failures = Vec::new();
    for path in go_files(&corpus_dir("types")) {
        let want = first_line(&path.with_extension("errors"));
        let got = first_diagnostic(&path);
        if !got.is_empty() && got != want {
            failures.push(format!(
                "{}
   go: {want}
   us: {got}",
                file_name(&path)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "type-error programs:\n{}",
        failures.join("\n")
    );
}

#[test]
fn malformed_programs_report_gos_first_error() {
    let mut failures = Vec::new();
    let mut still_expected = Vec::new();
    for path in go_files(&corpus_dir("syntax")) {
        let want = first_line(&path.with_extension("errors"));
        let got = first_diagnostic(&path);
        let name = file_name(&path);
        let listed = EXPECTED_SYNTAX_MISMATCHES
            .iter()
            .any(|(listed, _)| *listed == name);
        match (got == want, listed) {
            (true, true) => still_expected.push(name),
            (false, false) => failures.push(format!("{name}\n   go: {want}\n   us: {got}")),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "first diagnostics differ from go build:\n{}",
        failures.join("\n")
    );
    assert!(
        still_expected.is_empty(),
        "fixed; remove from EXPECTED_SYNTAX_MISMATCHES: {still_expected:?}"
    );
}

#[test]
fn unsupported_go_is_reported_where_the_parser_owns_it() {
    let mut failures = Vec::new();
    for path in go_files(&corpus_dir("unsupported")) {
        let want = first_line(&path.with_extension("expected"));
        let got = first_diagnostic(&path);
        let parser_level = PARSER_LEVEL_UNSUPPORTED
            .iter()
            .any(|message| want.contains(message));
        let ok = if parser_level {
            got == want
        } else {
            got.is_empty()
        };
        if !ok {
            failures.push(format!(
                "{}\n   want: {want}\n   got:  {got}",
                file_name(&path)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "unsupported programs:\n{}",
        failures.join("\n")
    );
}
