//! Tidy checks over the workspace's own sources, as rust-analyzer's tidy test does.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Every module opens with a `//!` sentence saying what it is (STYLE.md, item 1).
#[test]
fn every_module_opens_with_a_doc_comment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in ["lexer", "parser", "vm", "repl"] {
        for sub in ["src", "tests", "benches", "examples"] {
            rust_files(&root.join(krate).join(sub), &mut files);
        }
    }
    assert!(files.len() > 10, "the walk found the sources");
    let offenders: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|path| {
            path.strip_prefix(&root)
                .unwrap_or(path)
                .display()
                .to_string()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "modules without a leading `//!` line:\n{}",
        offenders.join("\n")
    );
}
