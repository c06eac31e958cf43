//! End-to-end tests of the limits for untrusted code (`--max-steps`,
//! `--max-memory`, `--max-goroutines`, `--max-output`, `--timeout`) and of
//! streamed output: each limit is exceeded by a program and must end the run
//! with its one-line message, the seed line and its exit code.

use std::io::BufRead;
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

fn gomini() -> Command {
    let mut cmd = Command::cargo_bin("gomini").expect("the gomini binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn go_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gomini-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

/// Prints one line, then spins for ever.
const PRINT_THEN_SPIN: &str = r#"package main

import "fmt"

var x int

func main() {
	fmt.Println("started")
	for {
		x++
	}
}
"#;

/// The stderr of a stopped `run`: the limit's line, then the seed line last.
fn stopped_with(message: &'static str) -> impl Predicate<str> {
    predicate::str::starts_with(format!(
        "{message}\ngomini: seed 7 (replay: gomini run --seed 7 "
    ))
    .and(predicate::str::ends_with(".go)\n"))
}

#[test]
fn max_steps_stops_a_loop_without_end() {
    let path = go_file("steps.go", PRINT_THEN_SPIN);
    gomini()
        .args(["run", "--seed", "7", "--max-steps", "1000000"])
        .arg(&path)
        .assert()
        .code(120)
        .stdout("started\n")
        .stderr(stopped_with(
            "gomini: stopped: --max-steps 1000000 exceeded",
        ))
        // The replay command stops the same way.
        .stderr(predicate::str::contains(
            "(replay: gomini run --seed 7 --max-steps 1000000 ",
        ));
}

#[test]
fn a_program_within_max_steps_runs_as_without_it() {
    let path = go_file(
        "within.go",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"done\")\n}\n",
    );
    gomini()
        .args(["run", "--max-steps", "1000000", "--max-memory", "64MiB"])
        .args([
            "--max-goroutines",
            "1",
            "--max-output",
            "5",
            "--timeout",
            "1m",
        ])
        .arg(&path)
        .assert()
        .success()
        .stdout("done\n")
        .stderr("");
}

#[test]
fn timeout_stops_a_spinning_program_and_keeps_its_earlier_output() {
    let path = go_file("timeout.go", PRINT_THEN_SPIN);
    let started = Instant::now();
    gomini()
        .args(["run", "--seed", "7", "--timeout", "300ms"])
        .arg(&path)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(124)
        .stdout("started\n")
        .stderr(stopped_with("gomini: stopped: --timeout 300ms exceeded"));
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn max_goroutines_stops_a_goroutine_bomb() {
    let path = go_file(
        "bomb.go",
        r#"package main

import "time"

func main() {
	for {
		go func() { time.Sleep(time.Hour) }()
	}
}
"#,
    );
    gomini()
        .args(["run", "--seed", "7", "--max-goroutines", "100"])
        .arg(&path)
        .assert()
        .code(122)
        .stderr(stopped_with(
            "gomini: stopped: --max-goroutines 100 exceeded",
        ));
}

#[test]
fn max_output_keeps_exactly_the_allowed_bytes() {
    let path = go_file(
        "chatty.go",
        r#"package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("line", i)
	}
}
"#,
    );
    let out = gomini()
        .args(["run", "--seed", "7", "--max-output", "100000"])
        .arg(&path)
        .assert()
        .code(123)
        .stderr(stopped_with(
            "gomini: stopped: --max-output 100000 exceeded",
        ))
        .get_output()
        .stdout
        .clone();
    assert_eq!(out.len(), 100_000);
    assert!(out.starts_with(b"line 0\nline 1\n"));
}

/// A heap of slices, and a map (whose growth is admitted at the assignment), that grow without end.
#[test]
fn max_memory_stops_a_growing_heap() {
    let hoard = go_file(
        "hoard.go",
        r#"package main

import "fmt"

func main() {
	var all [][]int
	for i := 0; ; i++ {
		all = append(all, make([]int, 1000))
		if i == 10 {
			fmt.Println("hoarding")
		}
	}
}
"#,
    );
    let map = go_file("map_growth.go", MAP_GROWTH);
    for (path, stdout) in [(hoard, "hoarding\n"), (map, "growing\n")] {
        gomini()
            .args(["run", "--seed", "7", "--max-memory", "32MiB"])
            .arg(&path)
            .timeout(Duration::from_secs(120))
            .assert()
            .code(121)
            .stdout(stdout)
            .stderr(stopped_with("gomini: stopped: --max-memory 32MiB exceeded"));
    }
}

#[test]
fn max_memory_refuses_one_large_allocation_before_making_it() {
    // 100M ints would take 1.6 GB in gomini: refused up front, not after.
    let path = go_file(
        "big.go",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := make([]int, 100000000)\n\tfmt.Println(len(s))\n}\n",
    );
    gomini()
        .args(["run", "--seed", "7", "--max-memory", "10MB"])
        .arg(&path)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(121)
        .stdout("")
        .stderr(stopped_with("gomini: stopped: --max-memory 10MB exceeded"));
}

/// A map that grows without end: Go (under `ulimit -v 1000000`) prints
/// "growing", then dies with exit status 2 and an out-of-memory fatal error.
const MAP_GROWTH: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tm := map[int]int{}\n\tfor i := 0; ; i++ {\n\t\tm[i] = i\n\t\tif i == 1000 {\n\t\t\tfmt.Println(\"growing\")\n\t\t}\n\t}\n}\n";

/// When the system refuses memory gomini's own ceiling allowed (here a
/// `ulimit -v` of about 1 GB on a bigger machine), a map's growth and a large
/// `make` are Go's out-of-memory fatal error at that line, never a Rust abort.
/// Go's binaries under the same ulimit: stdout `growing` / `making`, exit 2,
/// "fatal error: out of memory" (after a line naming the block); gomini gives
/// Go's other wording, "fatal error: runtime: out of memory", as for
/// tests/go/rt_makeslice_out_of_memory.go.
#[test]
fn allocations_the_system_refuses_are_gos_fatal_error_at_the_line() {
    let make = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"making\")\n\ts := make([]int, 1<<28)\n\tfmt.Println(len(s))\n}\n";
    for (name, text, stdout, line) in [
        ("ulimit_map.go", MAP_GROWTH, "growing\n", "ulimit_map.go:8"),
        ("ulimit_make.go", make, "making\n", "ulimit_make.go:7"),
    ] {
        let path = go_file(name, text);
        let script = format!(
            "ulimit -v 1000000 && exec \"$0\" run --seed 7 \"{}\"",
            path.display()
        );
        Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(assert_cmd::cargo::cargo_bin("gomini"))
            .env("NO_COLOR", "1")
            .timeout(Duration::from_secs(120))
            .assert()
            .code(2)
            .stdout(stdout)
            .stderr(
                predicate::str::starts_with("fatal error: runtime: out of memory\n")
                    .and(predicate::str::contains(line))
                    .and(predicate::str::contains("memory allocation of").not()),
            );
    }
}

#[test]
fn growing_a_string_past_max_memory_is_stopped() {
    let path = go_file(
        "double.go",
        "package main\n\nfunc main() {\n\ts := \"x\"\n\tfor {\n\t\ts += s\n\t}\n}\n",
    );
    gomini()
        .args(["run", "--seed", "7", "--max-memory", "64MiB"])
        .arg(&path)
        .assert()
        .code(121);
}

#[test]
fn trace_honours_the_limits() {
    let path = go_file("trace_steps.go", PRINT_THEN_SPIN);
    gomini()
        .args(["trace", "--max-steps", "10000", "--max-events", "10"])
        .arg(&path)
        .assert()
        .code(120)
        .stderr(predicate::str::contains(
            "gomini: stopped: --max-steps 10000 exceeded\n",
        ));
}

#[test]
fn bad_limit_values_are_one_line_usage_errors() {
    let path = go_file("usage.go", PRINT_THEN_SPIN);
    for (flag, value) in [
        ("--max-steps", "many"),
        ("--max-memory", "12XB"),
        ("--timeout", "3"),
        ("--timeout", "soon"),
        ("--max-goroutines", "-1"),
    ] {
        gomini()
            .args(["run", &format!("{flag}={value}")])
            .arg(&path)
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                predicate::str::starts_with("gomini: invalid value")
                    .and(predicate::str::contains('\n').count(1)),
            );
    }
}

#[test]
fn output_is_streamed_while_the_program_runs() {
    // The program prints and then never ends: its line must arrive while it runs.
    let path = go_file("stream.go", PRINT_THEN_SPIN);
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("gomini"))
        .args(["run", "--timeout", "60s"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("gomini starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(Duration::from_secs(30));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(line.as_deref(), Ok("started\n"));
}

#[test]
fn a_closed_stdout_ends_a_program_that_prints_for_ever() {
    let path = go_file(
        "yes.go",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println(\"y\")\n\t}\n}\n",
    );
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("gomini"))
        .args(["run", "--timeout", "60s"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gomini starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("gomini ends");
    assert_eq!(out.status.code(), Some(141));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
