//! The checker against the corpus: type-error programs must produce Go's first error, valid programs none.
//!
//! Each list below names the programs gomini gets wrong today (FIXME); the test
//! fails if one of them starts passing, so a fix must remove it from the list.

use std::path::{Path, PathBuf};

use gomini_lexer::LineIndex;

/// Type-error programs whose first diagnostic differs from Go's today.
const TYPES_FIXME: &[&str] = &[];

/// Valid programs (tests/go and programs/) the checker rejects today.
const VALID_FIXME: &[&str] = &[];

fn corpus(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The diagnostics of `src` as `go build` prints them: `LINE:COL: MESSAGE` (first
/// line of each message), or the message alone when Go gives no position.
fn check(src: &str) -> Vec<String> {
    let (file, diags) = gomini_parser::parse(src);
    let idx = LineIndex::new(src);
    let render = |d: &gomini_lexer::Diagnostic| {
        let (line, col) = idx.line_col(d.span.start);
        let msg = d.message.lines().next().unwrap_or_default();
        if !d.has_position() {
            return msg.to_string();
        }
        format!("{line}:{col}: {msg}")
    };
    let Some(file) = file.filter(|_| diags.is_empty()) else {
        return diags.iter().map(render).collect();
    };
    let (_, diags) = gomini_vm::check::check(&file);
    diags.iter().map(render).collect()
}

fn name_of(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn type_errors_match_go() {
    let mut wrong = Vec::new();
    let mut report = String::new();
    for path in corpus("types") {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let expected = std::fs::read_to_string(path.with_extension("errors")).unwrap_or_default();
        let want = expected.lines().next().unwrap_or_default().to_string();
        let got = check(&src);
        let name = name_of(&path);
        if got.first() != Some(&want) {
            report.push_str(&format!(
                "{name}:\n  want {want}\n  got  {}\n",
                got.first().map(String::as_str).unwrap_or("(nothing)")
            ));
            wrong.push(name);
        }
    }
    compare_with_fixme("tests/types", &wrong, TYPES_FIXME, &report);
}

#[test]
fn valid_programs_check_cleanly() {
    let mut wrong = Vec::new();
    let mut report = String::new();
    let programs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../programs");
    let mut files = corpus("go");
    files.extend(
        std::fs::read_dir(&programs)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "go"))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let got = check(&src);
        let name = name_of(&path);
        if !got.is_empty() {
            report.push_str(&format!("{name}: {}\n", got.join(" | ")));
            wrong.push(name);
        }
    }
    compare_with_fixme("tests/go", &wrong, VALID_FIXME, &report);
}

/// Programs outside the subset whose first diagnostic differs from gomini's intended message today.
const UNSUPPORTED_FIXME: &[&str] = &[];

#[test]
fn unsupported_constructs_are_named() {
    let mut wrong = Vec::new();
    let mut report = String::new();
    for path in corpus("unsupported") {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap_or_default();
        let want = expected.lines().next().unwrap_or_default().to_string();
        let got = check(&src);
        let name = name_of(&path);
        if got.first() != Some(&want) {
            report.push_str(&format!(
                "{name}:\n  want {want}\n  got  {}\n",
                got.first().map(String::as_str).unwrap_or("(nothing)")
            ));
            wrong.push(name);
        }
    }
    compare_with_fixme("tests/unsupported", &wrong, UNSUPPORTED_FIXME, &report);
}

/// Every file of the corpus (syntax errors included) goes through the checker without a Rust panic.
#[test]
fn checker_never_panics_on_the_corpus() {
    for dir in ["go", "types", "syntax", "unsupported"] {
        for path in corpus(dir) {
            let src = std::fs::read_to_string(&path).unwrap_or_default();
            let _ = check(&src);
        }
    }
    let deep = format!(
        "package main\n\nfunc main() {{\n\tx := {}1{}\n\t_ = x\n}}\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    assert!(
        check(&deep).is_empty(),
        "5000 nested parentheses check cleanly"
    );
}

fn compare_with_fixme(what: &str, wrong: &[String], fixme: &[&str], report: &str) {
    let unexpected: Vec<&String> = wrong
        .iter()
        .filter(|w| !fixme.contains(&w.as_str()))
        .collect();
    let fixed: Vec<&&str> = fixme
        .iter()
        .filter(|f| !wrong.iter().any(|w| w == *f))
        .collect();
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "{what}: newly failing {unexpected:?}; fixed (remove from the FIXME list) {fixed:?}\n{report}"
    );
}
