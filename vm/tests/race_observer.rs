//! The race detector's access observer (`Vm::set_race_observer`): every checked access, with goroutine, kind, place name, value and line.

use std::cell::RefCell;
use std::rc::Rc;

use gomini_vm::race::AccessEvent;

const LOST_UPDATE: &str = r#"package main

import "sync"

var counter int

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++
		}()
	}
	wg.Wait()
	println(counter)
}
"#;

fn run_observed(source: &str, seed: u64) -> (Vec<AccessEvent>, Option<usize>) {
    let (text, tree, diagnostics) = gomini_parser::parse_bytes(source.as_bytes());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let (program, diags) = gomini_vm::check::check(&tree.expect("a tree"));
    assert!(diags.is_empty(), "{diags:?}");
    let opts = gomini_vm::compile::Options::default();
    let compiled = gomini_vm::compile::compile(&program.expect("checked"), &opts, "prog.go", &text)
        .expect("compiles");
    let mut vm = gomini_vm::Vm::new(compiled, seed);
    vm.enable_race();
    let seen: Rc<RefCell<Vec<AccessEvent>>> = Rc::default();
    let sink = seen.clone();
    vm.set_race_observer(
        Some(Box::new(move |e: &AccessEvent| {
            sink.borrow_mut().push(e.clone())
        })),
        Some(Rc::from(text.as_str())),
    );
    vm.run_main();
    let events = seen.borrow().clone();
    (events, vm.race_count())
}

#[test]
fn observer_sees_each_goroutines_reads_and_writes_of_counter() {
    let (events, races) = run_observed(LOST_UPDATE, 3);
    assert_eq!(races, Some(1), "the lost update is one race");
    let on_counter: Vec<&AccessEvent> = events.iter().filter(|e| e.location == "counter").collect();
    // Two goroutines read then write it, main reads it once at the end.
    assert_eq!(on_counter.len(), 5, "{events:#?}");
    for g in [7, 8] {
        let mine: Vec<(bool, &str)> = on_counter
            .iter()
            .filter(|e| e.goroutine == g)
            .map(|e| (e.write, e.file_line.as_str()))
            .collect();
        assert_eq!(
            mine,
            [(false, "prog.go:13"), (true, "prog.go:13")],
            "goroutine {g}"
        );
    }
    let last = on_counter.last().expect("main's read");
    assert_eq!(
        (last.goroutine, last.write, last.value.as_str()),
        (1, false, "2")
    );
    let writes: Vec<&str> = on_counter
        .iter()
        .filter(|e| e.write)
        .map(|e| e.value.as_str())
        .collect();
    assert!(writes.iter().all(|v| *v == "1" || *v == "2"), "{writes:?}");
}
