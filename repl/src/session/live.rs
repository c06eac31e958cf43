//! The session's goroutines: they live on from one entry to the next.
//!
//! Each entry is still compiled as a program of its own (mod.rs), but the
//! session keeps one scheduler (`Session::sched`): its goroutines, their wait
//! queues on channels and sync primitives, its timers and its virtual clock.
//! Before an entry runs, every goroutine is moved into the entry's program, as
//! the variables' values are (carry.rs, same translator, so a container both
//! share is translated once): each frame's function is moved with its code
//! (a goroutine keeps running the code it was in, as after a hot reload; the
//! calls it makes go to the functions of that name now declared, unless
//! the signature changed), its registers, deferred calls, panics and wake-up
//! value are translated. The entry's main goroutine then joins them.
//!
//! When the run ends, the main goroutine is gone (it returned, or it is
//! stopped here); so is the goroutine that ended the run (a panic, a fatal
//! error, `os.Exit`, Ctrl-C), which the VM drops. The others stay as they are,
//! parked or runnable, and run again only while a later entry runs.

use std::rc::Rc;

use gomini_vm::frame::ReturnTo;
use gomini_vm::goroutine::Goroutine;
use gomini_vm::program::FuncProto;
use gomini_vm::sched::Sched;
use gomini_vm::value::{Closure, Value};

use super::carry::Translator;

/// Every value the goroutines hold and the functions they are in, for
/// `carry::needs_with_code` (what the next program must contain).
pub fn roots(sched: &Sched) -> (Vec<Value>, Vec<Rc<FuncProto>>) {
    let mut values = Vec::new();
    let mut protos = Vec::new();
    for g in sched.gs.iter().flatten() {
        values.extend(g.slots[..live_registers(g)].iter().cloned());
        for (i, f) in g.frames.iter().enumerate() {
            protos.push(f.proto.clone());
            if let Some(c) = g.frames.closure(i) {
                values.push(Value::Func(c.clone()));
            }
            for d in &f.defers {
                values.push(d.callee.clone());
                values.extend(d.args.iter().cloned());
            }
            if let ReturnTo::Native(resume) = &f.return_to {
                values.extend(resume.results.iter().cloned());
            }
        }
        values.extend(g.panics.iter().map(|p| p.value.clone()));
        if let Some(w) = &g.wake {
            values.push(w.value.clone());
        }
    }
    (values, protos)
}

/// The registers of `g`'s frames; those above are left over from returned calls.
fn live_registers(g: &Goroutine) -> usize {
    g.frames
        .iter()
        .map(|f| f.base as usize + f.proto.n_slots as usize)
        .max()
        .unwrap_or(0)
        .min(g.slots.len())
}

/// Moves every goroutine (and every pending timer's value) into the
/// translator's new program. A goroutine that cannot be moved (it holds a
/// value of a type redefined since) is stopped, with a note.
pub fn translate(sched: &mut Sched, translator: &mut Translator) {
    let mut stopped = Vec::new();
    for slot in 0..sched.gs.len() {
        let Some(g) = sched.gs[slot].as_mut() else {
            continue;
        };
        if let Err(why) = translate_goroutine(g, translator) {
            eprintln!("gomini: goroutine {} is stopped: {why}", g.id);
            stopped.push(slot as u32);
        }
    }
    for slot in stopped {
        sched.kill(slot);
    }
    let (funcs, chans) = sched.timer_values();
    let mut failed = Vec::new();
    for (id, f) in funcs {
        if let Err(why) = translator.translate(f) {
            eprintln!("gomini: a time.AfterFunc timer is stopped: {why}");
            failed.push(id);
        }
    }
    for c in chans {
        let _ = translator.translate(&mut Value::Chan(c));
    }
    for id in failed {
        sched.stop_timer(id);
    }
}

fn translate_goroutine(g: &mut Goroutine, translator: &mut Translator) -> Result<(), String> {
    let live = live_registers(g);
    for v in &mut g.slots[live..] {
        *v = Value::Nil;
    }
    for v in &mut g.slots[..live] {
        translator.translate(v)?;
    }
    for i in 0..g.frames.len() {
        let moved = translator.move_running(&g.frames[i].proto)?;
        if let Some(c) = g.frames.closure(i).clone() {
            // The cells' contents are translated in place; the closure gets the moved code.
            translator.translate(&mut Value::Func(c.clone()))?;
            *g.frames.closure_mut(i) = Some(Rc::new(Closure {
                proto: moved.clone(),
                cells: c.cells.clone(),
            }));
        }
        let f = &mut g.frames[i];
        f.proto = moved;
        // The race detector's stack nodes belong to the run that made them.
        f.race_node = 0;
        for d in &mut f.defers {
            translator.translate(&mut d.callee)?;
            for a in &mut d.args {
                translator.translate(a)?;
            }
        }
        if let ReturnTo::Native(resume) = &mut f.return_to {
            for v in &mut resume.results {
                translator.translate(v)?;
            }
        }
    }
    for p in &mut g.panics {
        translator.translate(&mut p.value)?;
    }
    if let Some(w) = &mut g.wake {
        translator.translate(&mut w.value)?;
    }
    if let Some(c) = &mut g.created_by {
        c.func = translator.display_copy(&c.func);
    }
    g.spare_defers.clear();
    Ok(())
}

/// After a run: the entry's main goroutine (id 1) is stopped if it is still
/// there (a deadlock, or another goroutine ended the run), and the scheduler
/// is made ready for the next entry.
pub fn after_run(sched: &mut Sched) {
    let main = sched
        .gs
        .iter()
        .position(|g| g.as_ref().is_some_and(|g| g.id == 1));
    if let Some(slot) = main {
        sched.kill(slot as u32);
    }
    sched.prepare_next_run();
}
