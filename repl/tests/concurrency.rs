//! The scheduler's promises, checked through the `gomini` binary: a run is a pure function of (program, seed), races show up, locks fix them, and every `select` form works.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn gomini_run(path: &Path, seed: u64) -> Output {
    Command::new(assert_cmd::cargo::cargo_bin("gomini"))
        .args(["run", "--seed", &seed.to_string()])
        .arg(path)
        .env("NO_COLOR", "1")
        .output()
        .expect("the gomini binary runs")
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repl/ sits in the workspace")
        .to_path_buf()
}

/// Every golden program of `tests/go` and every program of `programs/`
/// (the nondeterministic `// golden: none` ones too), sorted.
fn all_programs() -> Vec<PathBuf> {
    let root = repo_root();
    let mut res = Vec::new();
    for dir in ["tests/go", "programs"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let golden = p.with_extension("out").exists();
            if p.extension().is_some_and(|x| x == "go") && (golden || dir == "programs") {
                res.push(p);
            }
        }
    }
    res.sort();
    res
}

/// Programs that hit a gomini bug (a Rust panic, listed in the corpus test's
/// KNOWN_RUN_FAILURES): Rust's panic message names the OS thread's id, so
/// their stderr differs from run to run. FIXME: remove as they are fixed; the
/// test fails when one of them becomes deterministic.
const RUST_PANICS: &[&str] = &[];

/// Same program, same seed: byte-identical stdout, stderr and exit code,
/// for every golden program on several seeds (ARCHITECTURE idea 4).
#[test]
fn same_seed_same_bytes() {
    const SEEDS: [u64; 3] = [1, 2, 0x5eed_1234_abcd];
    let programs = all_programs();
    assert!(programs.len() > 100, "the corpus is missing");
    let n_threads = std::thread::available_parallelism().map_or(4, |n| n.get());
    let chunks: Vec<&[PathBuf]> = programs
        .chunks(programs.len().div_ceil(n_threads))
        .collect();
    let differing: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                s.spawn(move || {
                    let mut bad = Vec::new();
                    for p in *chunk {
                        for seed in SEEDS {
                            let a = gomini_run(p, seed);
                            let b = gomini_run(p, seed);
                            let same = a.stdout == b.stdout
                                && a.stderr == b.stderr
                                && a.status == b.status;
                            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                            match (same, RUST_PANICS.contains(&name)) {
                                (false, false) => {
                                    bad.push(format!("{} (seed {seed})", p.display()))
                                }
                                (true, true) if seed == SEEDS[0] => bad.push(format!(
                                    "{name} is deterministic now: remove it from RUST_PANICS"
                                )),
                                _ => {}
                            }
                        }
                    }
                    bad
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker thread"))
            .collect()
    });
    assert!(
        differing.is_empty(),
        "runs differ on the same seed:\n{}",
        differing.join("\n")
    );
}

/// `programs/racy_counter.go` (two goroutines, `counter++` 1000 times each,
/// no lock) must lose updates on at least 10% of seeds 1..=100. Measured when
/// this test was written: all 100 seeds print less than 2000 (between about
/// 1550 and 1650), because a quantum of 1..=40 instructions often ends
/// between the load and the store of an increment.
#[test]
fn racy_counter_loses_updates() {
    let path = repo_root().join("programs/racy_counter.go");
    let lost = (1..=100)
        .filter(|&seed| {
            let out = gomini_run(&path, seed);
            assert_eq!(out.status.code(), Some(0), "seed {seed}");
            out.stdout != b"counter: 2000\n"
        })
        .count();
    assert!(lost >= 10, "only {lost} of 100 seeds lost an update");
}

/// The same counter under a mutex is exactly 2000 on every seed 1..=100.
#[test]
fn mutex_counter_is_exact() {
    let path = repo_root().join("programs/counter_mutex.go");
    for seed in 1..=100 {
        let out = gomini_run(&path, seed);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "counter: 2000\n",
            "seed {seed}"
        );
    }
}

/// Every form of `select` clause: `v :=`, `v, ok :=` (also of a captured
/// variable), `=` into a map entry and an array element, send cases, nil
/// channels (never ready), `default`, `break` inside a case, `continue` and a
/// labelled `break` of the enclosing loop, and `select {}` (a deadlock once
/// nothing else runs). Each step has exactly one ready case, so the output is
/// the same on every seed and is what the Go specification prescribes.
#[test]
fn select_forms() {
    let src = r#"package main

import "fmt"

type P struct{ X, Y int }

func main() {
	a := make(chan int, 3)
	b := make(chan string, 3)
	var nilc chan int
	a <- 1
	a <- 2
	b <- "x"
	var s string
	var ok bool
	m := map[string]int{}
	arr := [2]int{}
	n := 0
loop:
	for {
		select {
		case v := <-a:
			n += v
			if v == 2 {
				continue
			}
		case s, ok = <-b:
			fmt.Println("b", s, ok)
			b = nil
		case m["k"] = <-nilc:
			fmt.Println("never")
		case nilc <- 5:
			fmt.Println("never")
		default:
			break loop
		}
	}
	fmt.Println(n, s, ok, len(m))
	ps := make(chan P, 1)
	ps <- P{1, 2}
	select {
	case p, ok := <-ps:
		f := func() { p.X = 9 }
		f()
		fmt.Println(p, ok)
	}
	close(ps)
	select {
	case arr[1] = <-a:
	case p, ok := <-ps:
		fmt.Println(p, ok, arr)
	}
	a <- 7
	select {
	case arr[1] = <-a:
		fmt.Println(arr)
	}
	out := make(chan int, 1)
	for i := 0; i < 3; i++ {
		select {
		case out <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full", i)
			break
		}
	}
	fmt.Println(<-out)
	done := make(chan bool)
	go func() { done <- true }()
	select {
	case <-done:
		fmt.Println("done")
	}
	select {}
}
"#;
    let dir = std::env::temp_dir().join(format!("gomini-select-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("select_forms.go");
    std::fs::write(&path, src).expect("write the program");
    let want = "b x true\n3 x true 0\n{9 2} true\n{0 0} false [0 0]\n[0 7]\nsent 0\nfull 1\nfull 2\n0\ndone\n";
    for seed in [1, 2, 3] {
        let out = gomini_run(&path, seed);
        assert_eq!(String::from_utf8_lossy(&out.stdout), want, "seed {seed}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:"),
            "seed {seed}: {stderr}"
        );
        // As in Go's traceback, the runtime frame that calls main.main is hidden.
        assert!(
            stderr.contains("main.main()\n") && !stderr.contains("runtime.main"),
            "seed {seed}: {stderr}"
        );
        assert_eq!(out.status.code(), Some(2));
    }
}

/// A crash's stderr ends as `go run`'s does (`exit status 2`), then gomini's
/// seed line, which stays the very last line.
#[test]
fn seed_line_is_last_after_a_crash() {
    let path = repo_root().join("tests/go/panic_goroutine_uncaught.go");
    let out = gomini_run(&path, 5);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(out.status.code(), Some(2));
    let n = lines.len();
    assert!(n >= 2, "{stderr}");
    assert_eq!(lines[n - 2], "exit status 2", "{stderr}");
    assert!(
        lines[n - 1].starts_with("gomini: seed 5 (replay: gomini run --seed 5 ")
            && stderr.ends_with("panic_goroutine_uncaught.go)\n"),
        "{stderr}"
    );
}
