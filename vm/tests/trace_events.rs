//! Event sequences of real Go programs: scheduling switches, wake-ups at every
//! blocking point, `close` through a func value, and the `Error()`/`String()`
//! text of program types, which runs in a sandbox and so leaves the traced
//! run's output, step count and schedule exactly as without a trace.
//!
//! Program outputs quoted in comments were checked against Go 1.27 (`go run`).

use gomini_vm::trace::{EventKind, Focus, TraceEvent, TraceSink};
use gomini_vm::Vm;

/// What a run left: stdout, instructions executed, the scheduler's draws, events (when traced).
struct Run {
    stdout: String,
    steps: u64,
    decisions: Vec<gomini_vm::sched::Decision>,
    events: Vec<TraceEvent>,
}

fn run(src: &str, seed: u64, traced: bool) -> Run {
    let (file, diags) = gomini_parser::parse(src);
    assert!(diags.is_empty(), "{diags:?}");
    let file = file.expect("parsed");
    let (program, diags) = gomini_vm::check::check_with(
        &file,
        &gomini_vm::check::Options::default(),
        &gomini_vm::stdlib::Stdlib,
    );
    assert!(diags.is_empty(), "{diags:?}");
    let program = gomini_vm::compile::compile(
        &program.expect("checked"),
        &gomini_vm::compile::Options::default(),
        "main.go",
        src,
    )
    .expect("compiled");
    let mut vm = Vm::new(program, seed);
    vm.sched.decisions = Some(Vec::new());
    let collected = traced.then(|| {
        let sink = TraceSink::new(vm.program.clone(), Focus::All, usize::MAX);
        let collected = sink.collected.clone();
        vm.set_sink(Box::new(sink));
        collected
    });
    vm.run_main();
    Run {
        stdout: String::from_utf8_lossy(&vm.stdout).into_owned(),
        steps: vm.steps,
        decisions: vm.sched.decisions.take().unwrap_or_default(),
        events: collected
            .map(|c| std::mem::take(&mut c.borrow_mut().events))
            .unwrap_or_default(),
    }
}

/// A user error type whose `Error()` writes a global and ranges over a map (a
/// seeded draw), returned, panicked and recovered while goroutines race.
const USER_ERRORS: &str = r#"package main

import (
	"fmt"
	"sync"
)

type MyErr struct{ Code int }

var calls int

func (e *MyErr) Error() string {
	calls++
	n := 0
	for range map[int]int{1: 1, 2: 2, 3: 3} {
		n++
	}
	return fmt.Sprintf("code %d (%d)", e.Code, n)
}

type Color int

func (c Color) String() string { return "red" }

type Bad struct{}

func (Bad) Error() string { panic("boom") }

func find(n int) (int, error) {
	if n < 0 {
		return 0, &MyErr{n}
	}
	return n, nil
}

func shade() Color { return 2 }

func main() {
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				counter++
			}
			_, err := find(-i)
			_ = err
		}()
	}
	wg.Wait()
	_, err := find(-3)
	fmt.Println(calls, shade(), counter > 0)
	fmt.Println(err, calls)
	var bad error = Bad{}
	_ = bad
	defer func() {
		r := recover()
		fmt.Println("recovered:", r, calls)
	}()
	panic(&MyErr{42})
}
"#;

#[test]
fn tracing_changes_no_output_step_count_or_schedule() {
    for seed in 0..6 {
        let plain = run(USER_ERRORS, seed, false);
        let traced = run(USER_ERRORS, seed, true);
        assert_eq!(plain.stdout, traced.stdout, "seed {seed}");
        assert_eq!(plain.steps, traced.steps, "seed {seed}");
        assert_eq!(plain.decisions, traced.decisions, "seed {seed}");
        // Go prints exactly this: the trace's own calls of Error() are not counted.
        assert_eq!(
            traced.stdout,
            "0 red true\ncode -3 (3) 0\nrecovered: code 42 (3) 1\n"
        );
        assert!(!traced.events.is_empty());
    }
}

/// goroutines.go in small: each goroutine's `defer wg.Done()`, which
/// `RunDefers` does in place when nothing traces (natives::sync::quick_done)
/// and as Done's Go code when something does; and two deferred Dones in one
/// frame, the last bringing the counter to zero.
const DEFERRED_DONE: &str = r#"package main

import (
	"fmt"
	"sync"
)

func both(wg *sync.WaitGroup, mu *sync.Mutex, n *int) {
	defer wg.Done()
	defer wg.Done()
	mu.Lock()
	*n += 2
	mu.Unlock()
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < 200; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			counter++
			mu.Unlock()
		}()
	}
	wg.Add(2)
	go both(&wg, &mu, &counter)
	wg.Wait()
	fmt.Println(counter)
}
"#;

#[test]
fn a_deferred_done_takes_the_same_steps_and_schedule_traced_or_not() {
    for seed in 0..6 {
        let plain = run(DEFERRED_DONE, seed, false);
        let traced = run(DEFERRED_DONE, seed, true);
        assert_eq!(plain.stdout, "202\n", "seed {seed}");
        assert_eq!(plain.stdout, traced.stdout, "seed {seed}");
        assert_eq!(plain.steps, traced.steps, "seed {seed}");
        assert_eq!(plain.decisions, traced.decisions, "seed {seed}");
        // The traced run shows every Done as the call it is.
        let dones = traced
            .events
            .iter()
            .filter(|e| matches!(&e.kind, EventKind::Call { func, .. } if func == "sync.(*WaitGroup).Done"))
            .count();
        assert_eq!(dones, 202, "seed {seed}");
    }
}

#[test]
fn program_error_and_stringer_values_show_their_method_text() {
    let events = run(USER_ERRORS, 0, true).events;
    let returned = |func: &str| -> Vec<Vec<String>> {
        events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Return {
                    func: f, results, ..
                } if f == func => Some(results.clone()),
                _ => None,
            })
            .collect()
    };
    assert!(returned("main.find").contains(&vec!["0".to_string(), "code -3 (3)".to_string()]));
    assert_eq!(returned("main.shade"), vec![vec!["red".to_string()]]);
    let panics: Vec<&str> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Panic { value } => Some(value.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(panics, ["code 42 (3)"]);
    let recovers: Vec<&str> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Recover { value } => Some(value.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(recovers, ["code 42 (3)"]);
}

#[test]
fn a_method_that_panics_shows_as_fmt_prints_it() {
    let src = r#"package main

import "fmt"

type Bad struct{}

func (Bad) Error() string { panic("boom") }

func get() error { return Bad{} }

func main() {
	err := get()
	fmt.Println(err)
}
"#;
    let traced = run(src, 0, true);
    // Go prints `%!v(PANIC=Error method: boom)`; the trace shows the same.
    assert_eq!(traced.stdout, "%!v(PANIC=Error method: boom)\n");
    let get = traced.events.iter().find_map(|e| match &e.kind {
        EventKind::Return { func, results, .. } if func == "main.get" => Some(results.clone()),
        _ => None,
    });
    assert_eq!(get, Some(vec!["%!v(PANIC=Error method: boom)".to_string()]));
}

/// Mutex, RWMutex (write and read), WaitGroup, Cond, channel, select, Sleep.
const BLOCKING: &str = r#"package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var rw sync.RWMutex
	cond := sync.NewCond(&mu)
	ready := false
	ch := make(chan int)
	done := make(chan bool)

	mu.Lock()
	rw.Lock()
	wg.Add(4)
	go func() {
		defer wg.Done()
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
	}()
	go func() {
		defer wg.Done()
		rw.RLock()
		rw.RUnlock()
		select {
		case v := <-ch:
			fmt.Println("select got", v)
		case <-done:
		}
	}()
	go func() {
		defer wg.Done()
		time.Sleep(time.Millisecond)
		ch <- 7
	}()
	go func() {
		defer wg.Done()
		rw.Lock()
		rw.Unlock()
	}()
	time.Sleep(time.Microsecond)
	mu.Unlock()
	rw.Unlock()
	time.Sleep(2 * time.Millisecond)
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("done")
}
"#;

/// The reasons a goroutine that blocked with `wait` can be woken for.
fn wake_reasons(wait: &str) -> &'static [&'static str] {
    match wait {
        "sync.Mutex.Lock" => &["sync.Mutex.Unlock"],
        "sync.RWMutex.Lock" => &["sync.RWMutex.Unlock", "sync.RWMutex.RUnlock"],
        "sync.RWMutex.RLock" => &["sync.RWMutex.Unlock"],
        "sync.WaitGroup.Wait" => &["sync.WaitGroup counter is 0"],
        "sync.Cond.Wait" => &["sync.Cond.Signal", "sync.Cond.Broadcast"],
        "sleep" => &["sleep over"],
        "chan receive" | "chan send" | "select" => &["chan send", "chan receive", "chan close"],
        _ => &[],
    }
}

/// Checks that every `goroutine_blocked` is followed by a `goroutine_woken` of
/// that goroutine (with a reason that fits, by a goroutine that was running)
/// before anything else of it, and returns the blocking waits seen.
fn check_every_block_is_woken(events: &[TraceEvent]) -> Vec<String> {
    let mut waits = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let EventKind::GoroutineBlocked { reason } = &e.kind else {
            continue;
        };
        waits.push(reason.clone());
        let next = events[i + 1..]
            .iter()
            .find(|n| {
                n.goroutine == e.goroutine
                    && !matches!(
                        n.kind,
                        EventKind::ChanRecv { .. } | EventKind::ChanSend { .. }
                    )
            })
            .unwrap_or_else(|| panic!("goroutine {} never woken after {reason}", e.goroutine));
        match &next.kind {
            EventKind::GoroutineWoken { reason: why, by } => {
                assert!(
                    wake_reasons(reason).contains(&why.as_str()),
                    "blocked in {reason}, woken by {why}"
                );
                assert_ne!(*by, e.goroutine, "a goroutine cannot wake itself");
            }
            other => panic!(
                "goroutine {} blocked in {reason}, next event {other:?}",
                e.goroutine
            ),
        }
    }
    waits
}

#[test]
fn every_blocked_goroutine_is_woken_with_its_reason() {
    let mut all_waits = std::collections::BTreeSet::new();
    for seed in 0..8 {
        let r = run(BLOCKING, seed, true);
        assert!(r.stdout.ends_with("select got 7\ndone\n"), "{}", r.stdout);
        all_waits.extend(check_every_block_is_woken(&r.events));
    }
    for wait in [
        "sync.Mutex.Lock",
        "sync.RWMutex.Lock",
        "sync.RWMutex.RLock",
        "sync.WaitGroup.Wait",
        "sync.Cond.Wait",
        "sleep",
        "select",
    ] {
        assert!(
            all_waits.contains(wait),
            "no seed blocked in {wait}: {all_waits:?}"
        );
    }
}

#[test]
fn switches_say_who_stopped_why_and_who_runs_next() {
    for seed in 0..8 {
        let events = run(BLOCKING, seed, true).events;
        let mut running: Option<u64> = None;
        let mut n_switches = 0;
        for (i, e) in events.iter().enumerate() {
            let EventKind::Switch {
                from,
                why,
                wait,
                to,
                runnable,
                quantum,
            } = &e.kind
            else {
                continue;
            };
            n_switches += 1;
            assert_eq!(e.goroutine, 0, "switches are the scheduler's");
            // The goroutine that stopped is the one the last switch chose.
            assert_eq!(*from, running, "seed {seed}, event {i}");
            assert!(*runnable >= 1);
            assert_eq!(quantum.is_none(), *runnable == 1, "alone: no quantum");
            let before = events[..i]
                .iter()
                .rev()
                .find(|p| Some(p.goroutine) == *from);
            match why.as_str() {
                "start" => assert!(from.is_none() && i == 0),
                "blocked" => match before.map(|p| &p.kind) {
                    Some(EventKind::GoroutineBlocked { reason }) => {
                        assert_eq!(Some(reason), wait.as_ref())
                    }
                    other => panic!("blocked switch after {other:?}"),
                },
                "exited" => assert!(matches!(
                    before.map(|p| &p.kind),
                    Some(EventKind::GoroutineExited)
                )),
                "preempted" | "yielded" => assert!(wait.is_none()),
                other => panic!("unknown why {other}"),
            }
            running = Some(*to);
        }
        assert!(n_switches > 4, "seed {seed}: {n_switches} switches");
    }
}

#[test]
fn close_through_a_func_value_records_the_close_and_wakes_the_receiver() {
    let src = r#"package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		defer close(ch)
	}()
	v, ok := <-ch
	fmt.Println(v, ok)
	f := func(c chan int) { close(c) }
	c2 := make(chan int, 1)
	f(c2)
	defer func() { fmt.Println(recover()) }()
	defer close(c2)
}
"#;
    let r = run(src, 0, true);
    // Go: `0 false`, then the second close of c2 panics and is recovered.
    assert_eq!(r.stdout, "0 false\nclose of closed channel\n");
    let closes: Vec<(u64, u64)> = r
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::ChanClose { chan } => Some((e.goroutine, chan)),
            _ => None,
        })
        .collect();
    assert_eq!(closes, [(7, 1), (1, 2)], "{:#?}", r.events);
    let at = r
        .events
        .iter()
        .position(|e| matches!(e.kind, EventKind::ChanClose { chan: 1 }))
        .unwrap();
    assert!(matches!(
        &r.events[at + 1].kind,
        EventKind::ChanRecv {
            chan: 1,
            ok: false,
            ..
        }
    ));
    assert_eq!(r.events[at + 1].goroutine, 1);
    assert!(matches!(
        &r.events[at + 2].kind,
        EventKind::GoroutineWoken { reason, by: 7 } if reason == "chan close"
    ));
    assert_eq!(r.events[at + 2].goroutine, 1);
}

#[test]
fn the_sandbox_copies_cycles_and_gives_up_on_a_method_that_never_returns() {
    let src = r#"package main

import "fmt"

type Node struct {
	Next *Node
	V    int
}

var head *Node

type Loop struct{}

func (Loop) String() string {
	for {
	}
}

type Sum struct{}

func (Sum) String() string {
	n := 0
	for p := head; p != nil && n < 1000; p = p.Next {
		n++
	}
	return fmt.Sprint("nodes ", n)
}

func mk() (Sum, Loop) { return Sum{}, Loop{} }

func main() {
	var last *Node
	for i := 0; i < 20000; i++ {
		head = &Node{Next: head, V: i}
		if last == nil {
			last = head
		}
	}
	last.Next = head
	s, _ := mk()
	fmt.Println(s)
}
"#;
    let plain = run(src, 0, false);
    let traced = run(src, 0, true);
    assert_eq!(traced.stdout, "nodes 1000\n");
    assert_eq!(plain.steps, traced.steps);
    let mk = traced.events.iter().find_map(|e| match &e.kind {
        EventKind::Return { func, results, .. } if func == "main.mk" => Some(results.clone()),
        _ => None,
    });
    // Sum's String() walks the copied cycle; Loop's never returns: shown without it.
    assert_eq!(mk, Some(vec!["nodes 1000".to_string(), "{}".to_string()]));
}
