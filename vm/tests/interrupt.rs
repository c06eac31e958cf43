//! `Vm::set_interrupt` and `Vm::set_output`, the hooks the REPL uses for
//! Ctrl-C and for showing output while an entry runs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use gomini_vm::goroutine::Stop;
use gomini_vm::Vm;

fn vm_for(src: &str) -> Vm {
    let (tree, diags) = gomini_parser::parse(src);
    assert!(diags.is_empty(), "{diags:?}");
    let (hir, diags) = gomini_vm::check::check(&tree.unwrap());
    assert!(diags.is_empty(), "{diags:?}");
    let program =
        gomini_vm::compile::compile(&hir.unwrap(), &Default::default(), "t.go", src).unwrap();
    Vm::new(program, 1)
}

const PRINT_THEN_SPIN: &str =
    "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"before\")\n\tfor {\n\t}\n}\n";

#[test]
fn a_set_flag_stops_an_endless_loop() {
    let mut vm = vm_for(PRINT_THEN_SPIN);
    let flag = Arc::new(AtomicBool::new(false));
    vm.set_interrupt(flag.clone());
    let setter = {
        let flag = flag.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(100));
            flag.store(true, Ordering::SeqCst);
        })
    };
    assert_eq!(vm.run_main(), Stop::Interrupted);
    setter.join().unwrap();
    assert_eq!(String::from_utf8_lossy(&vm.stdout), "before\n");
}

/// Keeps what the program wrote to stdout and, having seen some, sets the interrupt flag.
struct StopOnOutput {
    seen: std::rc::Rc<std::cell::RefCell<Vec<u8>>>,
    flag: Arc<AtomicBool>,
}

impl gomini_vm::output::OutputSink for StopOnOutput {
    fn write(&mut self, stream: gomini_vm::output::Stream, bytes: &[u8]) {
        if stream == gomini_vm::output::Stream::Stdout && !bytes.is_empty() {
            self.seen.borrow_mut().extend_from_slice(bytes);
            self.flag.store(true, Ordering::SeqCst);
        }
    }
}

#[test]
fn the_output_sink_sees_output_before_the_run_ends() {
    let mut vm = vm_for(PRINT_THEN_SPIN);
    let flag = Arc::new(AtomicBool::new(false));
    vm.set_interrupt(flag.clone());
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    // The sink takes the output and, having seen it, stops the endless loop:
    // it is handed the output while the program still runs.
    vm.set_output(Box::new(StopOnOutput {
        seen: seen.clone(),
        flag,
    }));
    assert_eq!(vm.run_main(), Stop::Interrupted);
    assert_eq!(String::from_utf8_lossy(&seen.borrow()), "before\n");
    assert!(vm.stdout.is_empty(), "the sink took the output");
}

#[test]
fn without_the_flag_a_program_runs_as_before() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 0\n\tfor i := 0; i < 300000; i++ {\n\t\tn += i\n\t}\n\tfmt.Println(n)\n}\n";
    let mut vm = vm_for(src);
    vm.set_interrupt(Arc::new(AtomicBool::new(false)));
    assert_eq!(vm.run_main(), Stop::Finished);
    assert_eq!(String::from_utf8_lossy(&vm.stdout), "44999850000\n");
}

/// Counts the lines the program printed and sets the interrupt flag at the `stop_at`th.
struct StopAfterLines {
    lines: usize,
    stop_at: usize,
    flag: Arc<AtomicBool>,
}

impl gomini_vm::output::OutputSink for StopAfterLines {
    fn write(&mut self, _stream: gomini_vm::output::Stream, bytes: &[u8]) {
        self.lines += bytes.iter().filter(|&&b| b == b'\n').count();
        if self.lines >= self.stop_at {
            self.flag.store(true, Ordering::SeqCst);
        }
    }
}

/// With two goroutines runnable, turns are too short for a check inside one:
/// the flag is noticed between turns, and the goroutine whose turn just ended
/// stops with the run, as it would in its turn (a REPL session keeps the
/// others). Here the second spinner sets the flag by printing: it stops; main
/// (parked) and the first spinner stay.
#[test]
fn an_interrupt_between_turns_stops_the_goroutine_that_ran() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc spin(name string) {\n\tfmt.Println(name)\n\tfor {\n\t}\n}\n\nfunc main() {\n\tgo spin(\"first\")\n\tgo spin(\"second\")\n\tselect {}\n}\n";
    let mut vm = vm_for(src);
    let flag = Arc::new(AtomicBool::new(false));
    vm.set_interrupt(flag.clone());
    vm.set_output(Box::new(StopAfterLines {
        lines: 0,
        stop_at: 2,
        flag,
    }));
    assert_eq!(vm.run_main(), Stop::Interrupted);
    let mut alive: Vec<u64> = vm.sched.gs.iter().flatten().map(|g| g.id).collect();
    alive.sort_unstable();
    assert_eq!(alive.len(), 2, "main and one spinner stay: {alive:?}");
    assert_eq!(alive[0], 1, "main stays: {alive:?}");
}
