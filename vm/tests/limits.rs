//! The interrupt flag and the limits of `vm/src/limits.rs`, on Go programs compiled from source.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use gomini_vm::goroutine::Stop;
use gomini_vm::limits::{Limit, Limits};
use gomini_vm::Vm;

/// Parses, checks and compiles `src` (which must be valid) into a VM with `seed`.
fn vm_for(src: &str, seed: u64) -> Vm {
    let (text, tree, diags) = gomini_parser::parse_bytes(src.as_bytes());
    assert!(diags.is_empty(), "{diags:?}");
    let (program, diags) = gomini_vm::check::check(&tree.expect("tree"));
    assert!(diags.is_empty(), "{diags:?}");
    let program = program.expect("checked");
    let compiled = gomini_vm::compile::compile(
        &program,
        &gomini_vm::compile::Options::default(),
        "prog.go",
        &text,
    )
    .expect("compiled");
    Vm::new(compiled, seed)
}

const SPIN: &str = "package main\n\nvar x int\n\nfunc main() {\n\tfor {\n\t\tx++\n\t}\n}\n";

#[test]
fn a_set_interrupt_flag_stops_a_lone_spinning_goroutine() {
    let mut vm = vm_for(SPIN, 1);
    let flag = Arc::new(AtomicBool::new(true));
    vm.set_interrupt(flag);
    assert_eq!(vm.run_main(), Stop::Interrupted);
    assert_eq!(
        vm.steps, 0,
        "the flag is checked before the first instruction"
    );
}

#[test]
fn an_interrupt_from_another_thread_is_seen_within_a_check_interval() {
    let mut vm = vm_for(SPIN, 1);
    let flag = Arc::new(AtomicBool::new(false));
    vm.set_interrupt(flag.clone());
    let setter = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        flag.store(true, Ordering::Relaxed);
    });
    assert_eq!(vm.run_main(), Stop::Interrupted);
    setter.join().unwrap();
    assert!(vm.steps > 0);
}

#[test]
fn max_steps_stops_at_exactly_the_budget() {
    let mut vm = vm_for(SPIN, 1);
    vm.set_limits(Limits {
        max_steps: Some(1_000_003),
        ..Limits::default()
    });
    assert_eq!(vm.run_main(), Stop::LimitExceeded(Limit::Steps));
    assert_eq!(vm.steps, 1_000_003);
}

const FINITE: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := 0\n\tfor i := 0; i < 100000; i++ {\n\t\ts += i\n\t}\n\tfmt.Println(s)\n}\n";

#[test]
fn a_program_that_needs_exactly_max_steps_finishes() {
    let mut vm = vm_for(FINITE, 1);
    assert_eq!(vm.run_main(), Stop::Finished);
    let needed = vm.steps;
    let mut vm = vm_for(FINITE, 1);
    vm.set_limits(Limits {
        max_steps: Some(needed),
        ..Limits::default()
    });
    assert_eq!(vm.run_main(), Stop::Finished);
    assert_eq!(vm.stdout, b"4999950000\n");
    let mut vm = vm_for(FINITE, 1);
    vm.set_limits(Limits {
        max_steps: Some(needed - 1),
        ..Limits::default()
    });
    assert_eq!(vm.run_main(), Stop::LimitExceeded(Limit::Steps));
}

/// Main runs alone for longer than a check interval, then starts goroutines
/// that race: the schedule depends on how the long quantum is cut.
const RACY: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	x := 0
	for i := 0; i < 70000; i++ {
		x += i
	}
	counter := 0
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				counter++
			}
		}()
	}
	for i := 0; i < 200000; i++ {
		x -= i
	}
	wg.Wait()
	fmt.Println(counter, x)
}
"#;

#[test]
fn slicing_a_quantum_draws_nothing_extra() {
    // A step limit just above what the program needs cuts quanta at other
    // places than the check interval does; the decisions must not change.
    let mut plain = vm_for(RACY, 9);
    plain.sched.decisions = Some(Vec::new());
    assert_eq!(plain.run_main(), Stop::Finished);
    for extra in [0, 1, 7, 40, 1000] {
        let mut cut = vm_for(RACY, 9);
        cut.sched.decisions = Some(Vec::new());
        cut.set_limits(Limits {
            max_steps: Some(plain.steps + extra),
            ..Limits::default()
        });
        assert_eq!(cut.run_main(), Stop::Finished);
        assert_eq!(cut.sched.decisions, plain.sched.decisions);
        assert_eq!(cut.stdout, plain.stdout);
        assert_eq!(cut.steps, plain.steps);
    }
}
