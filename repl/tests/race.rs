//! `gomini run --race` against Go's own race detector: the racy shapes of
//! `tests/race` are reported with the places Go reported (on every seed), their
//! race-free twins report nothing, and every golden program of `tests/go` and
//! `programs/` prints the same bytes with `--race` as without.
//!
//! Goldens come from `go build -race` (tests/gen-race-goldens.sh): NAME.code,
//! NAME.races (the racing pairs of places), NAME.out (stdout, when stable),
//! NAME.stderr (the reports normalised: only `main.` frames, base names, no
//! addresses, offsets or goroutine ids; see tests/race-pairs.py).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repl/ sits in the workspace")
        .to_path_buf()
}

fn gomini(args: &[&str], path: &Path) -> Output {
    Command::new(assert_cmd::cargo::cargo_bin("gomini"))
        .args(args)
        .arg(path)
        .env("NO_COLOR", "1")
        .output()
        .expect("the gomini binary runs")
}

/// A stack line pair `  FUNC(...)` / `      FILE:LINE [+0xPC]`: (FUNC, BASE:LINE).
fn frame(lines: &[&str], i: usize) -> Option<(String, String)> {
    let func = lines[i].strip_prefix("  ")?;
    let func = func.strip_suffix(')')?;
    let func = &func[..func.rfind('(')?];
    if func.contains(' ') {
        return None;
    }
    let place = lines.get(i + 1)?.trim_start();
    let place = place.split(" +0x").next()?;
    let (file, line) = place.rsplit_once(':')?;
    line.parse::<u32>().ok()?;
    let base = Path::new(file).file_name()?.to_str()?;
    Some((func.to_string(), format!("{base}:{line}")))
}

/// The innermost `main.` frame of a report section, as `FUNC FILE:LINE`.
fn first_main_frame(section: &str) -> String {
    let lines: Vec<&str> = section.lines().collect();
    (0..lines.len())
        .filter_map(|i| frame(&lines, i))
        .find(|(f, _)| f.starts_with("main."))
        .map_or("?".into(), |(f, p)| format!("{f} {p}"))
}

/// The racing pairs of places in `stderr`, as tests/race-pairs.py prints them.
fn race_pairs(stderr: &str) -> BTreeSet<String> {
    let mut pairs = BTreeSet::new();
    for block in stderr.split("WARNING: DATA RACE\n").skip(1) {
        let block = block.split("==================").next().unwrap_or_default();
        let sections: Vec<&str> = block.split("\n\n").collect();
        let access = sections[0].split_once('\n').map_or("", |(_, rest)| rest);
        let previous = sections
            .get(1)
            .and_then(|s| s.split_once('\n'))
            .map_or("", |(_, rest)| rest);
        let mut pair = [first_main_frame(access), first_main_frame(previous)];
        pair.sort();
        pairs.insert(pair.join(" | "));
    }
    pairs
}

/// The reports reduced to what gomini and Go share (tests/race-pairs.py
/// --normalise), and with a goroutine's state masked: whether the earlier
/// goroutine had finished when the race was seen depends on the interleaving.
fn normalise(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some((func, place)) = frame(&lines, i) {
            if func.starts_with("main.") && !func.contains(".gowrap") {
                out.push(format!("  {func}()"));
                out.push(format!("      {place}"));
            }
            i += 2;
            continue;
        }
        let mut words: Vec<String> = Vec::new();
        for w in lines[i].split(' ') {
            let (core, colon) = match w.strip_suffix(':') {
                Some(core) => (core, ":"),
                None => (w, ""),
            };
            let after_goroutine = words
                .last()
                .is_some_and(|p| p == "goroutine" || p == "Goroutine");
            let core = if after_goroutine && core.parse::<u64>().is_ok() {
                "N"
            } else if core.starts_with("0x") {
                "0x?"
            } else if core == "(running)" || core == "(finished)" {
                "(STATE)"
            } else if ["Read", "Write", "read", "write"].contains(&core) {
                // Which of two accesses came first depends on the interleaving, in Go too.
                "ACCESS"
            } else {
                core
            };
            words.push(format!("{core}{colon}"));
        }
        out.push(words.join(" "));
        i += 1;
    }
    out.join("\n")
}

fn race_programs() -> Vec<PathBuf> {
    let mut res: Vec<PathBuf> = std::fs::read_dir(repo_root().join("tests/race"))
        .expect("tests/race exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    res.sort();
    res
}

/// Runs `check` on every item on all cores; the failures, in order.
fn in_parallel<T: Sync>(items: &[T], check: impl Fn(&T) -> Vec<String> + Sync) -> Vec<String> {
    let n_threads = std::thread::available_parallelism().map_or(4, |n| n.get());
    let chunk = items.len().div_ceil(n_threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().flat_map(&check).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("checker thread"))
            .collect()
    })
}

const SEEDS: [u64; 4] = [1, 2, 3, 0x5eed_1234_abcd];

/// Each racy shape is reported with the pairs of places Go reported, on every
/// seed, in Go's format; each race-free twin reports nothing and prints Go's output.
#[test]
fn race_corpus_matches_go() {
    let programs = race_programs();
    let racy = programs
        .iter()
        .filter(|p| !p.to_string_lossy().ends_with("_ok.go"))
        .count();
    assert!(racy >= 15, "only {racy} racy shapes in tests/race");
    let failures = in_parallel(&programs, |path| {
        let mut bad = Vec::new();
        let read = |ext: &str| std::fs::read_to_string(path.with_extension(ext)).ok();
        let code: i32 = read("code")
            .and_then(|c| c.trim().parse().ok())
            .expect("a .code golden");
        let pairs: BTreeSet<String> = read("races")
            .expect("a .races golden")
            .lines()
            .map(str::to_string)
            .collect();
        for seed in SEEDS {
            let out = gomini(&["run", "--race", "--seed", &seed.to_string()], path);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let name = format!("{} (seed {seed})", path.display());
            if out.status.code() != Some(code) {
                bad.push(format!("{name}: exit {:?}, Go {code}", out.status.code()));
            }
            let got = race_pairs(&stderr);
            if got != pairs {
                bad.push(format!("{name}: races {got:?}, Go {pairs:?}"));
            }
            if let Some(expected) = read("out") {
                if out.stdout != expected.as_bytes() {
                    bad.push(format!("{name}: stdout differs from Go's"));
                }
            }
            if let Some(expected) = read("stderr") {
                let (got, want) = (normalise(&stderr), normalise(&expected));
                if got != want {
                    bad.push(format!(
                        "{name}: report differs\n--- gomini\n{got}\n--- go\n{want}"
                    ));
                }
            }
        }
        bad
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every golden program (tests/go, programs/) prints the same bytes and exits
/// the same with `--race` as without: no report, no change of behaviour.
#[test]
fn golden_programs_are_race_free() {
    let root = repo_root();
    let mut programs = Vec::new();
    for dir in ["tests/go", "programs"] {
        for e in std::fs::read_dir(root.join(dir))
            .expect("corpus dir")
            .flatten()
        {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "go") && p.with_extension("out").exists() {
                programs.push(p);
            }
        }
    }
    programs.sort();
    assert!(programs.len() > 100, "the corpus is missing");
    let failures = in_parallel(&programs, |path| {
        let mut bad = Vec::new();
        for seed in [1u64, 7] {
            let seed = seed.to_string();
            let plain = gomini(&["run", "--seed", &seed], path);
            let raced = gomini(&["run", "--race", "--seed", &seed], path);
            let stderr = String::from_utf8_lossy(&raced.stderr);
            if stderr.contains("WARNING: DATA RACE") {
                bad.push(format!(
                    "{} (seed {seed}): false race report\n{stderr}",
                    path.display()
                ));
            } else if (plain.stdout, plain.stderr, plain.status.code())
                != (
                    raced.stdout,
                    // The replay command of a crashed run carries the flag, as it should.
                    stderr
                        .replace(
                            &format!("(replay: gomini run --seed {seed} --race "),
                            &format!("(replay: gomini run --seed {seed} "),
                        )
                        .into_bytes(),
                    raced.status.code(),
                )
            {
                bad.push(format!(
                    "{} (seed {seed}): --race changed the run",
                    path.display()
                ));
            }
        }
        bad
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The demo of the README: `programs/racy_counter.go` is reported on every seed
/// (Go's exit code 66, `Found 1 data race(s)` last), even when the seed's
/// interleaving happens not to lose an update.
#[test]
fn racy_counter_is_reported_on_every_seed() {
    let path = repo_root().join("programs/racy_counter.go");
    for seed in 1..=10u64 {
        let out = gomini(&["run", "--race", "--seed", &seed.to_string()], &path);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(66), "seed {seed}:\n{stderr}");
        assert!(
            stderr.starts_with("==================\nWARNING: DATA RACE\n"),
            "{stderr}"
        );
        assert!(
            stderr.ends_with("==================\nFound 1 data race(s)\n"),
            "{stderr}"
        );
    }
}

/// `gomini trace --race` reports too, with the program's exit code.
#[test]
fn trace_takes_race() {
    let path = repo_root().join("tests/race/sleep_visibility.go");
    let out = gomini(&["trace", "--race", "-o", "/dev/null"], &path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(66), "{stderr}");
    assert!(stderr.contains("Read at 0x"), "{stderr}");
}
