//! The Go corpus through the `gomini` binary: valid programs check clean, malformed
//! ones fail at the `line:col` and with the message that `go build` printed.
//!
//! Goldens (`.errors`) come from the real Go toolchain (see `tests/README.md`);
//! `.expected` files under `tests/unsupported/` hold gomini's own "not supported"
//! messages, since Go accepts those programs.

use std::path::Path;
use std::process::Command;

use datatest_stable::Utf8Path;

/// Malformed programs whose first diagnostic does not yet match Go's, each with
/// the reason. The test fails if one of these starts matching, so the list
/// stays true: remove the entry when you fix it.
const KNOWN_MISMATCHES: &[(&str, &str)] = &[];

fn gomini_check(path: &Utf8Path) -> std::process::Output {
    Command::new(assert_cmd::cargo::cargo_bin("gomini"))
        .arg("check")
        .arg(path.as_str())
        .env("NO_COLOR", "1")
        .output()
        .expect("the gomini binary runs")
}

/// `gomini check` accepts a valid program silently.
fn check_accepts(path: &Utf8Path) -> datatest_stable::Result<()> {
    let out = gomini_check(path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() != Some(0) || !stderr.is_empty() {
        return Err(format!(
            "gomini check {path}: exit {:?}\n{stderr}",
            out.status.code()
        )
        .into());
    }
    Ok(())
}

/// `gomini check` rejects the program, and its first header line is `PATH:` plus
/// the first line of the expectation file beside it (`.errors` or `.expected`).
fn check_rejects(path: &Utf8Path, expectation_ext: &str) -> datatest_stable::Result<()> {
    let expected_file = path.with_extension(expectation_ext);
    let expected_all =
        std::fs::read_to_string(&expected_file).map_err(|err| format!("{expected_file}: {err}"))?;
    let expected_first = expected_all.lines().next().unwrap_or_default();
    let out = gomini_check(path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let actual_first = stderr
        .lines()
        .next()
        .unwrap_or_default()
        .strip_prefix(&format!("{path}:"))
        .unwrap_or_default()
        .to_string();
    let matches = out.status.code() == Some(1) && actual_first == expected_first;
    let name = Path::new(path.as_str())
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let known = KNOWN_MISMATCHES.iter().find(|(file, _)| *file == name);
    match (matches, known) {
        (true, None) => Ok(()),
        (true, Some(_)) => Err(format!("{name} now matches Go: remove it from KNOWN_MISMATCHES").into()),
        (false, Some(_)) => Ok(()),
        (false, None) => Err(format!(
            "{path}: exit {:?}\n  go said:     {expected_first}\n  gomini said: {actual_first}\nfull stderr:\n{stderr}",
            out.status.code()
        )
        .into()),
    }
}

fn syntax_error(path: &Utf8Path) -> datatest_stable::Result<()> {
    check_rejects(path, "errors")
}

fn unsupported(path: &Utf8Path) -> datatest_stable::Result<()> {
    check_rejects(path, "expected")
}

datatest_stable::harness! {
    { test = check_accepts, root = "../tests/go", pattern = r"\.go$" },
    { test = check_accepts, root = "../programs", pattern = r"\.go$" },
    { test = syntax_error, root = "../tests/syntax", pattern = r"\.go$" },
    { test = unsupported, root = "../tests/unsupported", pattern = r"\.go$" },
}
