//! End-to-end tests of `gomini explore`, schedule files (`run --record`, `replay`) and `shrink`,
//! on the lost update of `programs/racy_counter.go`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn gomini() -> Command {
    let mut cmd = Command::cargo_bin("gomini").expect("the gomini binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn racy_counter() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../programs/racy_counter.go")
}

/// A fresh directory for one test's files.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gomini-explore-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("gomini runs");
    assert!(
        out.status.success(),
        "gomini failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn json_of(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("file written")).expect("JSON")
}

/// Records the schedule of `seed` and returns the file.
fn record(dir: &Path, seed: u64) -> PathBuf {
    let file = dir.join(format!("seed-{seed}.json"));
    gomini()
        .args(["run", "--seed", &seed.to_string(), "--record"])
        .arg(&file)
        .arg(racy_counter())
        .assert()
        .success();
    file
}

#[test]
fn explore_finds_more_than_one_outcome_of_the_lost_update() {
    let dir = temp_dir("finds");
    let json = dir.join("out.json");
    gomini()
        .args(["explore", "--runs", "40", "--json"])
        .arg(&json)
        .arg(racy_counter())
        .assert()
        .success()
        .stdout(predicate::str::contains("gomini run --seed 0 "));
    let file = json_of(&json);
    let outcomes = file["outcomes"].as_array().expect("outcomes");
    assert!(outcomes.len() > 1, "one outcome only: {outcomes:?}");
    let total: u64 = outcomes.iter().map(|o| o["runs"].as_u64().unwrap()).sum();
    assert_eq!(total, 40);
    assert!(outcomes
        .iter()
        .any(|o| o["stdout"] != "counter: 2000\n" && o["exit_code"] == 0));
}

#[test]
fn every_outcome_replays_with_its_command() {
    let dir = temp_dir("commands");
    let json = dir.join("out.json");
    gomini()
        .args(["explore", "--runs", "12", "--json"])
        .arg(&json)
        .arg(racy_counter())
        .assert()
        .success();
    for o in json_of(&json)["outcomes"].as_array().unwrap() {
        let seed = o["first_seed"].as_u64().unwrap().to_string();
        gomini()
            .args(["run", "--seed", &seed])
            .arg(racy_counter())
            .assert()
            .stdout(o["stdout"].as_str().unwrap().to_string());
    }
}

#[test]
fn the_table_is_the_same_for_one_and_two_jobs() {
    let table = |jobs: &str| {
        stdout_of(
            gomini()
                .args(["explore", "--runs", "60", "--jobs", jobs])
                .arg(racy_counter()),
        )
    };
    assert_eq!(table("1"), table("2"));
}

#[test]
fn until_new_output_stops_at_the_same_seed_for_any_jobs() {
    let run = |jobs: &str| {
        stdout_of(
            gomini()
                .args([
                    "explore",
                    "--runs",
                    "50",
                    "--until",
                    "new-output",
                    "--jobs",
                    jobs,
                ])
                .arg(racy_counter()),
        )
    };
    let one = run("1");
    assert!(one.contains("stopped at seed"), "{one}");
    assert_eq!(one, run("2"));
}

#[test]
fn shards_merge_to_the_whole_search() {
    let dir = temp_dir("merge");
    let shard = |k: &str| {
        let path = dir.join(format!("shard-{}.json", k.replace('/', "-")));
        gomini()
            .args(["explore", "--seeds", "0..30", "--shard", k, "--json"])
            .arg(&path)
            .arg(racy_counter())
            .assert()
            .success();
        path
    };
    let (a, b, c) = (shard("1/3"), shard("2/3"), shard("3/3"));
    let whole = dir.join("whole.json");
    gomini()
        .args(["explore", "--seeds", "0..30", "--json"])
        .arg(&whole)
        .arg(racy_counter())
        .assert()
        .success();
    let merged = dir.join("merged.json");
    gomini()
        .args(["explore", "--json"])
        .arg(&merged)
        .arg("--merge")
        .args([&c, &a, &b])
        .assert()
        .success();
    assert_eq!(json_of(&merged), json_of(&whole));
    // A shard given twice would count its seeds twice.
    gomini()
        .args(["explore", "--merge"])
        .args([&a, &a])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("overlap").and(predicate::str::contains('\n').count(1)));
}

#[test]
fn a_recorded_schedule_replays_ten_times_out_of_ten() {
    let dir = temp_dir("replay");
    let file = record(&dir, 93);
    let recorded = json_of(&file);
    assert_eq!(recorded["format"], "gomini-schedule");
    assert_eq!(recorded["version"], 1);
    let want = recorded["outcome"]["stdout"].as_str().unwrap().to_string();
    assert_ne!(want, "counter: 2000\n", "seed 93 loses updates");
    for _ in 0..10 {
        gomini()
            .arg("replay")
            .arg(&file)
            .assert()
            .success()
            .stdout(want.clone())
            .stderr("");
    }
}

#[test]
fn pct_runs_replay_from_their_seed() {
    let dir = temp_dir("pct");
    let json = dir.join("pct.json");
    gomini()
        .args([
            "explore",
            "--runs",
            "30",
            "--strategy",
            "pct",
            "--depth",
            "2",
            "--json",
        ])
        .arg(&json)
        .arg(racy_counter())
        .assert()
        .success()
        .stdout(predicate::str::contains("--strategy pct --depth 2"));
    let file = json_of(&json);
    let outcomes = file["outcomes"].as_array().unwrap();
    assert!(
        outcomes.len() > 1,
        "PCT at depth 2 finds the lost update: {outcomes:?}"
    );
    for o in outcomes {
        let seed = o["first_seed"].as_u64().unwrap().to_string();
        gomini()
            .args(["run", "--strategy", "pct", "--depth", "2", "--seed", &seed])
            .arg(racy_counter())
            .assert()
            .stdout(o["stdout"].as_str().unwrap().to_string());
    }
}

#[test]
fn shrink_reaches_two_preemptions_and_the_result_replays() {
    let dir = temp_dir("shrink");
    let file = record(&dir, 93);
    let before = json_of(&file);
    assert!(before["preemptions"].as_u64().unwrap() > 10);
    let out = dir.join("shrunk.json");
    let told = stdout_of(gomini().arg("shrink").arg(&file).arg("-o").arg(&out));
    let shrunk = json_of(&out);
    assert!(
        shrunk["preemptions"].as_u64().unwrap() <= 2,
        "{told}\n{}",
        shrunk["preemptions"]
    );
    assert_eq!(shrunk["outcome"], before["outcome"]);
    // The story names the preemptions, with the line each goroutine stopped at.
    assert!(told.contains("was preempted at racy_counter.go:"), "{told}");
    for _ in 0..3 {
        gomini()
            .arg("replay")
            .arg(&out)
            .assert()
            .success()
            .stdout(before["outcome"]["stdout"].as_str().unwrap().to_string());
    }
}

#[test]
fn a_changed_program_does_not_match_at_a_named_decision() {
    let dir = temp_dir("changed");
    let file = record(&dir, 93);
    let changed = dir.join("changed.go");
    let text = std::fs::read_to_string(racy_counter()).unwrap();
    std::fs::write(&changed, text.replace("i < 1000", "i < 900")).unwrap();
    gomini()
        .arg("replay")
        .arg(&file)
        .arg(&changed)
        .assert()
        .code(1)
        .stderr(
            predicate::str::is_match(
                r"gomini: schedule does not match the program at decision \d+ \(",
            )
            .unwrap(),
        );
}

#[test]
fn corrupt_and_foreign_schedule_files_are_one_line_errors() {
    let dir = temp_dir("corrupt");
    let good = std::fs::read_to_string(record(&dir, 1)).unwrap();
    let cases = [
        ("foreign.json", r#"{"name": "not a schedule"}"#.to_string()),
        ("truncated.json", good[..good.len() / 2].to_string()),
        ("empty.json", String::new()),
        (
            "future.json",
            good.replace(r#""version":1"#, r#""version":99"#),
        ),
        (
            "out-of-range.json",
            good.replacen(r#"["quantum","#, r#"["quantum",4000000,40],["quantum","#, 1),
        ),
        (
            "bad-kind.json",
            good.replacen(r#"["pick","#, r#"["jump","#, 1),
        ),
    ];
    for (name, text) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        for cmd in ["replay", "shrink"] {
            gomini().arg(cmd).arg(&path).assert().code(1).stderr(
                predicate::str::starts_with("gomini: ")
                    .and(predicate::str::contains('\n').count(1))
                    .and(predicate::str::contains("panicked").not()),
            );
        }
    }
}

#[test]
fn explore_records_and_shrinks_the_seed_it_stopped_at() {
    let dir = temp_dir("explore-shrink");
    let file = dir.join("found.json");
    let told = stdout_of(
        gomini()
            .args([
                "explore",
                "--runs",
                "50",
                "--until",
                "new-output",
                "--shrink",
                "--record",
            ])
            .arg(&file)
            .arg(racy_counter()),
    );
    assert!(told.contains("stopped at seed 1"), "{told}");
    let recorded = json_of(&file);
    assert_eq!(recorded["seed"], 1);
    let shrunk_path = dir.join("found.json.shrunk");
    let shrunk = json_of(&shrunk_path);
    assert_eq!(shrunk["strategy"], "shrunk");
    assert_eq!(shrunk["outcome"], recorded["outcome"]);
    assert!(shrunk["preemptions"].as_u64().unwrap() <= 2, "{told}");
    gomini()
        .arg("replay")
        .arg(&shrunk_path)
        .assert()
        .success()
        .stdout(recorded["outcome"]["stdout"].as_str().unwrap().to_string());
}

#[test]
fn a_run_that_does_not_end_is_stopped_and_its_schedule_replays_to_the_same_stop() {
    let dir = temp_dir("spin");
    let program = dir.join("spin.go");
    std::fs::write(
        &program,
        "package main\n\nvar x int\n\nfunc main() {\n\tfor {\n\t\tx++\n\t}\n}\n",
    )
    .unwrap();
    let schedule = dir.join("spin.json");
    let table = stdout_of(
        gomini()
            .args([
                "explore",
                "--runs",
                "2",
                "--max-steps",
                "2000000",
                "--record",
            ])
            .arg(&schedule)
            .arg(&program),
    );
    assert!(
        table.contains("120: (no output) | gomini: stopped: --max-steps 2000000 exceeded"),
        "{table}"
    );
    // The table's replay command carries the limit, so it stops the same way.
    assert!(
        table.contains(&format!(
            "gomini run --seed 0 --max-steps 2000000 {}",
            program.display()
        )),
        "{table}"
    );
    gomini()
        .args(["run", "--seed", "0", "--max-steps", "2000000"])
        .arg(&program)
        .assert()
        .code(120)
        .stderr(predicate::str::starts_with(
            "gomini: stopped: --max-steps 2000000 exceeded\n",
        ));
    gomini()
        .arg("replay")
        .arg(&schedule)
        .assert()
        .code(120)
        .stderr("gomini: stopped: --max-steps 2000000 exceeded\n");
}

#[test]
fn explore_race_finds_the_race_on_every_run() {
    let dir = temp_dir("race");
    let json = dir.join("out.json");
    gomini()
        .args(["explore", "--race", "--runs", "12", "--json"])
        .arg(&json)
        .arg(racy_counter())
        .assert()
        .success();
    let explored = json_of(&json);
    let outcomes = explored["outcomes"].as_array().unwrap();
    let runs: u64 = outcomes.iter().map(|g| g["runs"].as_u64().unwrap()).sum();
    assert_eq!(runs, 12);
    for g in outcomes {
        assert_eq!(g["races"], 1, "{g}");
        // Go's `-race` exit code for a program that ends normally with a race.
        assert_eq!(g["exit_code"], 66, "{g}");
        assert_eq!(g["stderr_first_line"], "==================");
    }
}

/// The file says which settings gave its outcomes (`race`, `max_steps`), and
/// `--merge` refuses to add up shards explored with different ones.
#[test]
fn explore_files_record_their_settings_and_merge_refuses_mixed_ones() {
    let dir = temp_dir("settings");
    let shard = |name: &str, seeds: &str, flags: &[&str]| {
        let path = dir.join(format!("{name}.json"));
        gomini()
            .args(["explore", "--seeds", seeds, "--json"])
            .arg(&path)
            .args(flags)
            .arg(racy_counter())
            .assert()
            .success();
        path
    };
    let raced = shard("raced", "0..3", &["--race"]);
    let plain = shard("plain", "3..6", &[]);
    let capped = shard("capped", "6..9", &["--max-steps", "3000000"]);
    let raced_json = json_of(&raced);
    assert_eq!(raced_json["race"], true, "{raced_json}");
    assert_eq!(raced_json["max_steps"], 500_000_000u64, "{raced_json}");
    assert_eq!(json_of(&plain)["race"], false);
    assert_eq!(json_of(&capped)["max_steps"], 3_000_000u64);
    for (a, b, flag) in [
        (&raced, &plain, "--race"),
        (&plain, &capped, "--max-steps 3000000"),
    ] {
        gomini()
            .args(["explore", "--merge"])
            .args([a, b])
            .assert()
            .code(1)
            .stdout("")
            .stderr(
                predicate::str::starts_with("gomini: cannot merge ")
                    .and(predicate::str::contains(flag))
                    .and(predicate::str::contains("same flags"))
                    .and(predicate::str::contains('\n').count(1)),
            );
    }
    // Same settings merge, and the merged file keeps them.
    let raced_more = shard("raced-more", "3..5", &["--race"]);
    let merged = dir.join("merged.json");
    gomini()
        .args(["explore", "--json"])
        .arg(&merged)
        .arg("--merge")
        .args([&raced, &raced_more])
        .assert()
        .success();
    let merged = json_of(&merged);
    assert_eq!(
        (merged["race"].clone(), merged["runs"].clone()),
        (true.into(), 5.into())
    );
    assert_eq!(merged["max_steps"], 500_000_000u64);
}

#[test]
fn until_race_stops_at_the_first_seed_and_its_command_reproduces_it() {
    let table = stdout_of(
        gomini()
            .args(["explore", "--race", "--until", "race", "--seeds", "5..50"])
            .arg(racy_counter()),
    );
    assert!(
        table.contains("stopped at seed 5 (--until race)"),
        "{table}"
    );
    assert!(table.contains("1 race(s)"), "{table}");
    let command = format!("gomini run --seed 5 --race {}", racy_counter().display());
    assert!(table.contains(&command), "{table}");
    gomini()
        .args(["run", "--seed", "5", "--race"])
        .arg(racy_counter())
        .assert()
        .code(66)
        .stderr(predicate::str::contains("WARNING: DATA RACE"))
        .stderr(predicate::str::ends_with("Found 1 data race(s)\n"));
}

#[test]
fn explore_without_race_counts_no_races() {
    let table = stdout_of(
        gomini()
            .args(["explore", "--until", "race", "--runs", "5"])
            .arg(racy_counter()),
    );
    assert!(table.contains("no run satisfied --until race"), "{table}");
}

#[test]
fn run_record_takes_race_and_limit_flags() {
    let dir = temp_dir("record-flags");
    let schedule = dir.join("race.json");
    let out = gomini()
        .args(["run", "--seed", "3", "--race", "--record"])
        .arg(&schedule)
        .arg(racy_counter())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(66));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("WARNING: DATA RACE"), "{stderr}");
    assert!(stderr.ends_with("Found 1 data race(s)\n"), "{stderr}");
    // Without --record the same seed gives the same run.
    let plain = gomini()
        .args(["run", "--seed", "3", "--race"])
        .arg(racy_counter())
        .output()
        .unwrap();
    assert_eq!(plain.stdout, out.stdout);
    assert_eq!(plain.stderr, out.stderr);
    assert_eq!(json_of(&schedule)["outcome"]["races"], 1);
    // The replay runs the detector too, since the recorded outcome has a race.
    gomini()
        .arg("replay")
        .arg(&schedule)
        .assert()
        .code(66)
        .stdout(String::from_utf8_lossy(&out.stdout).to_string())
        .stderr(predicate::str::ends_with("Found 1 data race(s)\n"));
    // A limit applies to a recorded run and to a PCT run.
    for strategy in ["random", "pct"] {
        gomini()
            .args([
                "run",
                "--seed",
                "3",
                "--max-steps",
                "500",
                "--strategy",
                strategy,
            ])
            .arg("--record")
            .arg(dir.join(format!("{strategy}.json")))
            .arg(racy_counter())
            .assert()
            .code(120)
            .stderr(predicate::str::starts_with(
                "gomini: stopped: --max-steps 500 exceeded\n",
            ));
    }
    gomini()
        .args(["run", "--seed", "3", "--max-goroutines", "2", "--record"])
        .arg(dir.join("goroutines.json"))
        .arg(racy_counter())
        .assert()
        .code(122)
        .stderr(predicate::str::starts_with(
            "gomini: stopped: --max-goroutines 2 exceeded\n",
        ));
}

#[test]
fn shrink_of_a_race_run_tells_the_lost_update_with_values() {
    let dir = temp_dir("story");
    let file = dir.join("race.json");
    gomini()
        .args(["run", "--seed", "93", "--race", "--record"])
        .arg(&file)
        .arg(racy_counter())
        .assert()
        .code(66);
    let out = dir.join("shrunk.json");
    let told = stdout_of(gomini().arg("shrink").arg(&file).arg("-o").arg(&out));
    assert!(
        json_of(&out)["preemptions"].as_u64().unwrap() <= 2,
        "{told}"
    );
    // The step that was preempted ends with a read of `counter`; the step that
    // resumes it later starts by writing that value plus one: the lost update.
    let lines: Vec<&str> = told
        .lines()
        .filter(|l| l.starts_with("goroutine"))
        .collect();
    let preempted = lines
        .iter()
        .position(|l| l.contains("[preemption 1]"))
        .expect("a preemption in the story");
    let g = lines[preempted].split_whitespace().nth(1).unwrap();
    let read: u64 = value_before(lines[preempted], "read counter=", ", was preempted");
    let resumed = lines[preempted + 1..]
        .iter()
        .find(|l| l.split_whitespace().nth(1) == Some(g))
        .expect("the preempted goroutine runs again");
    let first_write = resumed
        .split(", ")
        .find(|part| part.starts_with("wrote counter=") || part.starts_with("read counter="))
        .expect("the resumed step accesses counter");
    assert_eq!(
        first_write,
        format!("wrote counter={} at racy_counter.go:22", read + 1),
        "{told}"
    );
    // Meanwhile the other goroutine read the same value and wrote larger
    // ones, which the resumed write then loses.
    let other = lines[preempted + 1];
    assert_ne!(other.split_whitespace().nth(1), Some(g), "{told}");
    assert!(other.contains(&format!("read counter={read} at")), "{told}");
    let last_write = value_before(other, "wrote counter=", ", was preempted");
    assert!(last_write > read + 1, "{told}");
}

/// The number after the last `prefix` that comes before `end` in `line`.
fn value_before(line: &str, prefix: &str, end: &str) -> u64 {
    let head = &line[..line.find(end).expect("end marker")];
    let at = head.rfind(prefix).expect("prefix") + prefix.len();
    head[at..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// A schedule recorded with `--race` says so, and replays with the detector on
/// (a note says why), giving the same race report and exit code 66; `shrink`
/// keeps the setting. A file without the field (older gominis) reads as
/// recorded without it, and `replay --race` adds the detector to such a file.
#[test]
fn a_schedule_recorded_with_race_replays_with_the_race_report() {
    let dir = temp_dir("race-header");
    let raced = dir.join("raced.json");
    let recorded = gomini()
        .args(["run", "--seed", "3", "--race", "--record"])
        .arg(&raced)
        .arg(racy_counter())
        .output()
        .unwrap();
    assert_eq!(recorded.status.code(), Some(66));
    assert_eq!(json_of(&raced)["race"], true);
    let note = "gomini: race detector on (the schedule was recorded with --race)\n";
    let expected_stderr = format!("{note}{}", String::from_utf8_lossy(&recorded.stderr));
    gomini()
        .arg("replay")
        .arg(&raced)
        .assert()
        .code(66)
        .stdout(String::from_utf8_lossy(&recorded.stdout).to_string())
        .stderr(expected_stderr);

    let shrunk = dir.join("raced.shrunk.json");
    stdout_of(gomini().arg("shrink").arg(&raced).arg("-o").arg(&shrunk));
    assert_eq!(json_of(&shrunk)["race"], true);
    gomini()
        .arg("replay")
        .arg(&shrunk)
        .assert()
        .code(66)
        .stderr(predicate::str::starts_with(note))
        .stderr(predicate::str::contains("WARNING: DATA RACE"))
        .stderr(predicate::str::ends_with("Found 1 data race(s)\n"));

    // Recorded without the detector, then the field removed as an older gomini
    // wrote it: replayed without the detector and without the note.
    let plain = record(&dir, 3);
    assert_eq!(json_of(&plain)["race"], false);
    let mut old = json_of(&plain);
    old.as_object_mut().unwrap().remove("race");
    let old_file = dir.join("old.json");
    std::fs::write(&old_file, old.to_string()).unwrap();
    gomini()
        .arg("replay")
        .arg(&old_file)
        .assert()
        .success()
        .stderr("");
    // `replay --race` on it: the same schedule, now with the race report.
    gomini()
        .args(["replay", "--race"])
        .arg(&old_file)
        .assert()
        .code(66)
        .stdout(String::from_utf8_lossy(&recorded.stdout).to_string())
        .stderr(predicate::str::starts_with(
            "==================\nWARNING: DATA RACE",
        ))
        .stderr(predicate::str::ends_with("Found 1 data race(s)\n"));
}
