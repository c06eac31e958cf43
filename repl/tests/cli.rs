//! End-to-end tests of the `gomini` command line: usage, files that cannot be
//! read, and the shape of diagnostics.

use assert_cmd::Command;
use predicates::prelude::*;

fn gomini() -> Command {
    let mut cmd = Command::cargo_bin("gomini").expect("the gomini binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn temp_go_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gomini-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

#[test]
fn help_lists_every_command() {
    gomini()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("check").and(predicate::str::contains("parse")));
}

#[test]
fn unknown_flag_is_a_usage_error() {
    gomini()
        .args(["check", "--no-such-flag", "x.go"])
        .assert()
        .code(2);
}

#[test]
fn missing_file_is_one_line_and_exit_1() {
    gomini()
        .args(["check", "does/not/exist.go"])
        .assert()
        .code(1)
        .stderr("gomini: does/not/exist.go: no such file or directory\n");
}

#[test]
fn directory_is_rejected_in_one_line() {
    let dir = std::env::temp_dir();
    gomini().arg("check").arg(&dir).assert().code(1).stderr(
        predicate::str::ends_with("is a directory, not a Go file\n")
            .and(predicate::str::contains('\n').count(1)),
    );
}

#[cfg(unix)]
#[test]
fn non_utf8_path_is_reported_not_crashed_on() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"bad-\xff-name.go");
    gomini()
        .arg("check")
        .arg(name)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no such file or directory"));
}

#[test]
fn valid_file_checks_silently() {
    let path = temp_go_file(
        "ok.go",
        "package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n",
    );
    gomini()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn syntax_error_has_go_header_and_source_line() {
    let path = temp_go_file(
        "bad.go",
        "package main\n\nfunc main() {\n\tif x {\n\t}\n\telse {\n\t}\n}\n",
    );
    let shown = path.display().to_string();
    gomini().arg("check").arg(&path).assert().code(1).stderr(
        predicate::str::starts_with(format!(
            "{shown}:6:2: syntax error: unexpected keyword else"
        ))
        .and(predicate::str::contains("else {")),
    );
}

#[test]
fn parse_prints_the_tree() {
    let path = temp_go_file(
        "tree.go",
        "package main\n\nfunc main() {\n\tx := 1 + 2*3\n\t_ = x\n}\n",
    );
    gomini()
        .arg("parse")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("main"));
}

#[test]
fn missing_file_argument_is_a_usage_error() {
    gomini().arg("check").assert().code(2);
}

#[test]
fn unknown_command_is_a_usage_error() {
    gomini().args(["frobnicate", "x.go"]).assert().code(2);
}

#[cfg(unix)]
#[test]
fn non_utf8_named_file_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_go_file("placeholder.go", "").with_file_name("");
    let path = dir.join(std::ffi::OsStr::from_bytes(b"ok-\xff.go"));
    std::fs::write(&path, "package main\n\nfunc main() {}\n").expect("write temp file");
    gomini().arg("check").arg(&path).assert().success();
}

// A device never reaches end of file: reading /dev/zero used to allocate until
// memory ran out. Such files are now refused before reading.
#[cfg(unix)]
#[test]
fn device_file_is_refused_not_read_forever() {
    gomini()
        .args(["check", "/dev/zero"])
        .assert()
        .code(1)
        .stderr("gomini: /dev/zero: not a regular file\n");
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_one_line_and_exit_1() {
    use std::os::unix::fs::PermissionsExt;
    let path = temp_go_file("unreadable.go", "package main\n\nfunc main() {}\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads any file regardless of its mode, so there is nothing to test then.
    if std::fs::read(&path).is_ok() {
        return;
    }
    gomini()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::ends_with("permission denied\n"));
}

#[test]
fn binary_garbage_is_diagnosed_not_crashed_on() {
    let path = temp_go_file("garbage.go", "");
    std::fs::write(&path, b"\x00\x01\xff\xfe{{{((([[[\xc3").expect("write temp file");
    gomini().arg("check").arg(&path).assert().code(1);
    gomini().arg("parse").arg(&path).assert().code(1);
}

/// Regression: pointers used to print their real memory address, which ASLR
/// changes from run to run, so the same program and seed printed different
/// bytes. Two processes must now print the same addresses.
#[test]
fn printed_addresses_are_the_same_on_every_run() {
    let path = temp_go_file(
        "addresses.go",
        "package main\n\nimport \"fmt\"\n\ntype P struct{ X int }\n\nfunc main() {\n\ta, b := &P{1}, &P{2}\n\tfmt.Printf(\"%p %p %v\\n\", a, b, []*P{a, b})\n}\n",
    );
    let run = || {
        let out = gomini()
            .args(["run", "--seed", "1"])
            .arg(&path)
            .output()
            .expect("gomini runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let first = run();
    assert_eq!(first, run());
    assert!(
        String::from_utf8_lossy(&first).starts_with("0xc"),
        "a Go-looking address"
    );
}

/// Exactly one line on stderr, a `gomini: ` error.
fn one_gomini_line() -> impl Predicate<str> {
    predicate::str::starts_with("gomini: ").and(predicate::str::contains('\n').count(1))
}

/// Every command that reads a program answers a file it cannot use with one
/// line and exit code 1: a missing file, a directory, a non-UTF-8 name that
/// does not exist, a path through a regular file, a device.
#[cfg(unix)]
#[test]
fn every_command_rejects_unusable_files_in_one_line() {
    use std::os::unix::ffi::OsStrExt;
    let file = temp_go_file("plain.go", "package main\n\nfunc main() {}\n");
    let bad: Vec<std::path::PathBuf> = vec![
        "does/not/exist.go".into(),
        std::env::temp_dir(),
        std::ffi::OsStr::from_bytes(b"missing-\xff-name.go").into(),
        file.join("inside.go"),
        "/dev/zero".into(),
    ];
    for command in ["check", "parse", "run", "trace"] {
        for path in &bad {
            gomini()
                .arg(command)
                .arg(path)
                .assert()
                .code(1)
                .stdout("")
                .stderr(one_gomini_line());
        }
    }
}

#[test]
fn unknown_flags_of_run_and_trace_are_one_line_usage_errors() {
    let file = temp_go_file("flags.go", "package main\n\nfunc main() {}\n");
    for command in ["run", "trace", "check", "parse"] {
        gomini()
            .args([command, "--no-such-flag"])
            .arg(&file)
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                predicate::str::starts_with("gomini: unexpected argument '--no-such-flag' found")
                    .and(predicate::str::contains('\n').count(1)),
            );
    }
    gomini()
        .args(["trace", "--format", "pdf"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(one_gomini_line());
    gomini().arg("run").assert().code(2).stderr(
        "gomini: the following required arguments were not provided: <FILE> (see gomini --help)\n",
    );
}

/// A trace that cannot be written is reported before the program runs: the
/// program's output never appears.
#[test]
fn trace_output_that_cannot_be_written_is_one_line_before_running() {
    let file = temp_go_file(
        "traced.go",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"ran\")\n}\n",
    );
    let missing_dir = std::env::temp_dir().join("gomini-no-such-dir/t.html");
    let through_file = file.join("t.html");
    for (out, why) in [
        (missing_dir, "no such file or directory"),
        (std::env::temp_dir(), "is a directory"),
        (through_file, "not a directory"),
    ] {
        gomini()
            .args(["trace", "--format", "html", "-o"])
            .arg(&out)
            .arg(&file)
            .assert()
            .code(1)
            .stdout("")
            .stderr(
                predicate::str::starts_with("gomini: cannot write the trace to ")
                    .and(predicate::str::ends_with(format!(": {why}\n")))
                    .and(predicate::str::contains('\n').count(1)),
            );
    }
}

/// Go's linker reports a missing `func main` without a position; `check` and
/// `run` both print its line verbatim first (the golden comes from `go build`).
#[test]
fn missing_main_prints_go_linker_line_first() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/types");
    let golden = std::fs::read_to_string(root.join("type_no_main.errors")).expect("golden");
    let go_line = golden.lines().next().expect("one line").to_string();
    assert!(go_line.starts_with("runtime.main_main"), "{go_line}");
    for command in ["check", "run"] {
        gomini()
            .arg(command)
            .arg(root.join("type_no_main.go"))
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::starts_with(format!("{go_line}\n")));
    }
}
