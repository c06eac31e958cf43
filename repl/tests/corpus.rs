//! The Go corpus through the `gomini` binary: valid programs check clean, malformed
//! ones fail at the `line:col` and with the message that `go build` printed, and
//! every program with a `.out` golden runs like Go (stdout, exit code, first stderr line).
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

/// Whether an expectation line starts with Go's `LINE:COL: ` (every error but
/// the few Go's linker reports, which name no position).
fn has_position(line: &str) -> bool {
    let mut parts = line.splitn(3, ':');
    let number =
        |s: Option<&str>| s.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    number(parts.next())
        && number(parts.next())
        && parts.next().is_some_and(|rest| rest.starts_with(' '))
}

/// The first line gomini must print for Go's first expectation line: `PATH:`
/// and the line for a located error, the line itself for one without a position.
fn expected_header(path: &Utf8Path, expected_first: &str) -> String {
    if has_position(expected_first) {
        format!("{path}:{expected_first}")
    } else {
        expected_first.to_string()
    }
}

/// `gomini check` rejects the program, and its first line is the first line of
/// the expectation file beside it (`.errors` or `.expected`), after `PATH:`
/// when that line has a position.
fn check_rejects(path: &Utf8Path, expectation_ext: &str) -> datatest_stable::Result<()> {
    let expected_file = path.with_extension(expectation_ext);
    let expected_all =
        std::fs::read_to_string(&expected_file).map_err(|err| format!("{expected_file}: {err}"))?;
    let expected_first = expected_all.lines().next().unwrap_or_default();
    let out = gomini_check(path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let actual_first = stderr.lines().next().unwrap_or_default();
    let matches = out.status.code() == Some(1)
        && !expected_first.is_empty()
        && actual_first == expected_header(path, expected_first);
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

/// Programs `gomini run` cannot run like Go yet, each with the reason. The test
/// fails if one of these starts passing, so the list stays true. An entry
/// ending in `*` would be a prefix, not enforced that way; keep them named.
const KNOWN_RUN_FAILURES: &[(&str, &str)] = &[];

/// The seeds every golden runs with: its output must not depend on them.
const SEEDS: &[&str] = &["0", "1", "12345"];

fn known_run_failure(name: &str) -> Option<&'static str> {
    KNOWN_RUN_FAILURES.iter().find_map(|(pat, why)| {
        let hit = match pat.strip_suffix('*') {
            Some(prefix) => name.starts_with(prefix),
            None => *pat == name,
        };
        hit.then_some(*why)
    })
}

/// Why `gomini run` of `path` differs from Go, or `None` when it matches on every seed.
fn run_mismatch(path: &Utf8Path) -> Option<String> {
    let expected_out = std::fs::read(path.with_extension("out")).ok()?;
    let expected_code: i32 = std::fs::read_to_string(path.with_extension("code"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let expected_err = std::fs::read_to_string(path.with_extension("err"))
        .ok()
        .map(|s| s.lines().next().unwrap_or_default().to_string());
    for seed in SEEDS {
        let out = Command::new(assert_cmd::cargo::cargo_bin("gomini"))
            .args(["run", "--seed", seed, path.as_str()])
            .env("NO_COLOR", "1")
            .output()
            .expect("the gomini binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first_err = stderr.lines().next().unwrap_or_default();
        if out.stdout != expected_out {
            return Some(format!(
                "seed {seed}: stdout differs\n--- go:\n{}\n--- gomini:\n{}\n--- stderr:\n{stderr}",
                String::from_utf8_lossy(&expected_out),
                String::from_utf8_lossy(&out.stdout)
            ));
        }
        if out.status.code() != Some(expected_code) {
            return Some(format!(
                "seed {seed}: exit {:?}, go exits {expected_code}\n{stderr}",
                out.status.code()
            ));
        }
        if let Some(err) = &expected_err {
            if first_err != err {
                return Some(format!(
                    "seed {seed}: stderr starts\n  go:     {err}\n  gomini: {first_err}"
                ));
            }
        }
    }
    None
}

/// `gomini run FILE` prints what `go run` printed and exits with its code.
fn runs_like_go(path: &Utf8Path) -> datatest_stable::Result<()> {
    if !path.with_extension("out").exists() {
        return Ok(());
    }
    let name = path.file_stem().unwrap_or_default();
    let mismatch = run_mismatch(path);
    match (mismatch, known_run_failure(name)) {
        (None, None) => Ok(()),
        (None, Some(_)) if KNOWN_RUN_FAILURES.iter().any(|(p, _)| *p == name) => {
            Err(format!("{name} now runs like Go: remove it from KNOWN_RUN_FAILURES").into())
        }
        // A prefix entry covers programs that happen to pass already.
        (None, Some(_)) => Ok(()),
        (Some(_), Some(_)) => Ok(()),
        (Some(why), None) => Err(format!("{path}: {why}").into()),
    }
}

/// Programs whose crash trace does not yet have Go's shape, each with the
/// reason; enforced both ways like `KNOWN_RUN_FAILURES`.
const KNOWN_TRACE_MISMATCHES: &[(&str, &str)] = &[];

/// The shape of a panic's goroutine trace: the `goroutine N [...]:` header with
/// N masked, each `main.*` function name (arguments dropped), and each
/// `FILE.go:LINE` of the program's own source (directory dropped). Runtime
/// frames (`panic(...)`, `$GOROOT/...`) are left out: their text is Go's own.
fn trace_shape(stderr: &str) -> Vec<String> {
    let mut shape = Vec::new();
    let mut in_trace = false;
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix("goroutine ") {
            if in_trace {
                break; // only the panicking goroutine is printed for a panic
            }
            in_trace = true;
            let state = rest.split_once(' ').map(|(_, s)| s).unwrap_or_default();
            shape.push(format!("goroutine N {state}"));
        } else if !in_trace {
            continue;
        } else if line.starts_with("main.") || line.starts_with("created by main.") {
            let name = line.rsplit_once('(').map_or(line, |(n, _)| n);
            let name = name.split(" in goroutine").next().unwrap_or(name);
            shape.push(name.to_string());
        } else if let Some(loc) = line.strip_prefix('\t') {
            if loc.starts_with("$GOROOT") || !loc.contains(".go:") {
                continue;
            }
            let loc = loc.split(' ').next().unwrap_or(loc);
            let base = loc.rsplit('/').next().unwrap_or(loc);
            shape.push(base.to_string());
        }
    }
    shape
}

/// A program that dies of a panic prints Go's goroutine trace: the same
/// `main.*` frames at the same lines, in the same order (`NAME.stderr`).
fn trace_like_go(path: &Utf8Path) -> datatest_stable::Result<()> {
    let name = path.file_stem().unwrap_or_default();
    let Ok(golden) = std::fs::read_to_string(path.with_extension("stderr")) else {
        return Ok(());
    };
    let code = std::fs::read_to_string(path.with_extension("code")).unwrap_or_default();
    if code.trim() != "2" || !golden.starts_with("panic: ") || known_run_failure(name).is_some() {
        return Ok(());
    }
    let out = Command::new(assert_cmd::cargo::cargo_bin("gomini"))
        .args(["run", "--seed", "0", path.as_str()])
        .env("NO_COLOR", "1")
        .output()
        .expect("the gomini binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (want, got) = (trace_shape(&golden), trace_shape(&stderr));
    let known = KNOWN_TRACE_MISMATCHES.iter().any(|(n, _)| *n == name);
    match (want == got, known) {
        (true, false) | (false, true) => Ok(()),
        (true, true) => {
            Err(format!("{name} now traces like Go: remove it from KNOWN_TRACE_MISMATCHES").into())
        }
        (false, false) => Err(format!(
            "{path}: trace differs\n  go:     {want:?}\n  gomini: {got:?}\n{stderr}"
        )
        .into()),
    }
}

/// `gomini check` reports a type error's first diagnostic as `go build` did.
fn type_error(path: &Utf8Path) -> datatest_stable::Result<()> {
    check_rejects(path, "errors")
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
    { test = type_error, root = "../tests/types", pattern = r"\.go$" },
    { test = runs_like_go, root = "../tests/go", pattern = r"\.go$" },
    { test = runs_like_go, root = "../programs", pattern = r"\.go$" },
    { test = trace_like_go, root = "../tests/go", pattern = r"\.go$" },
    { test = trace_like_go, root = "../programs", pattern = r"\.go$" },
}
