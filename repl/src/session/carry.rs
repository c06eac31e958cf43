//! Carrying the session's variable values from one compiled program to the next.
//!
//! Each entry runs as a new `Program`. Most of a value is plain data (numbers,
//! strings, structs, pointers, slices, maps), which means the same in every
//! program, so the values are handed over as they are: a pointer taken in an
//! earlier entry still aliases the variable. Two things in a value belong to
//! the program that made it and are translated here:
//!
//! - an interface value's dynamic type is an index into the program's runtime
//!   type table: it is looked up by name in the new program (and refused when a
//!   named type of that name now has another structure);
//! - a func value points at compiled code: a top-level function is looked up by
//!   name in the new program; a closure (a func literal, a method value) cannot
//!   be moved, and the variable holding it is dropped with a note.
//!
//! Channels lose their waiting goroutines (the goroutines ended with the entry,
//! as Go's end with `main`); buffered values stay.
//!
//! The walk is iterative (a worklist of containers), so a long linked list
//! cannot overflow the Rust stack, and each container is visited once.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

use gomini_vm::map::{Entries, MapKey};
use gomini_vm::program::Program;
use gomini_vm::rtype::{RtKind, RtTypeId, RtTypes};
use gomini_vm::value::{Store, Value};

/// What the next program must contain so that `values` can be carried into it:
/// the dynamic types (runtime names) and the functions (qualified names) they hold.
#[derive(Debug, Default)]
pub struct Needs {
    pub types: BTreeSet<String>,
    pub funcs: BTreeSet<String>,
}

/// Containers still to visit.
enum Work {
    Store(Rc<Store>),
    Map(Rc<std::cell::RefCell<gomini_vm::map::MapVal>>),
    Chan(Rc<gomini_vm::chan::Chan>),
}

/// Walks every value reachable from `roots` once, calling `visit` on each
/// scalar-or-handle value and letting it replace the value in its container.
fn walk(
    roots: &mut [Value],
    visit: &mut dyn FnMut(&Value) -> Result<Option<Value>, String>,
) -> Result<(), String> {
    let mut seen: HashSet<usize> = HashSet::new();
    let mut work: Vec<Work> = Vec::new();
    let mut handle = |v: &mut Value, work: &mut Vec<Work>, seen: &mut HashSet<usize>| {
        if let Some(new) = visit(v)? {
            *v = new;
        }
        push_children(v, work, seen);
        Ok::<(), String>(())
    };
    for root in roots.iter_mut() {
        handle(root, &mut work, &mut seen)?;
    }
    while let Some(item) = work.pop() {
        match item {
            Work::Store(store) => {
                let mut items = std::mem::take(&mut *store.borrow_mut());
                let mut result = Ok(());
                for v in items.iter_mut() {
                    if let Err(e) = handle(v, &mut work, &mut seen) {
                        result = Err(e);
                        break;
                    }
                }
                *store.borrow_mut() = items;
                result?;
            }
            Work::Map(map) => {
                let old = std::mem::take(&mut map.borrow_mut().entries);
                let mut entries = Entries::default();
                let mut result = Ok(());
                for (key, val) in old {
                    let (mut key, mut val) = (key.0, val);
                    if let Err(e) = handle(&mut key, &mut work, &mut seen)
                        .and_then(|_| handle(&mut val, &mut work, &mut seen))
                    {
                        result = Err(e);
                    }
                    // Re-inserting rehashes: an interface key's hash includes its type.
                    entries.insert(MapKey(key), val);
                }
                map.borrow_mut().entries = entries;
                result?;
            }
            Work::Chan(chan) => {
                let mut state = chan.state.borrow_mut();
                // The goroutines parked on it ended with the entry's program.
                state.recvq.clear();
                state.sendq.clear();
                let mut buf = std::mem::take(&mut state.buf);
                drop(state);
                let mut result = Ok(());
                for v in buf.iter_mut() {
                    if let Err(e) = handle(v, &mut work, &mut seen) {
                        result = Err(e);
                        break;
                    }
                }
                chan.state.borrow_mut().buf = buf;
                result?;
            }
        }
    }
    Ok(())
}

/// Queues the containers `v` refers to, each once.
fn push_children(v: &Value, work: &mut Vec<Work>, seen: &mut HashSet<usize>) {
    let addr = |p: *const ()| p as usize;
    let item = match v {
        Value::Agg(s) | Value::Ptr(s, _) => {
            Some((addr(Rc::as_ptr(s) as _), Work::Store(s.clone())))
        }
        Value::Slice(sv) => Some((
            addr(Rc::as_ptr(&sv.store) as _),
            Work::Store(sv.store.clone()),
        )),
        Value::Map(m) => Some((addr(Rc::as_ptr(m) as _), Work::Map(m.clone()))),
        Value::Chan(c) => Some((addr(Rc::as_ptr(c) as _), Work::Chan(c.clone()))),
        Value::Func(f) => {
            for cell in f.cells.iter() {
                if seen.insert(addr(Rc::as_ptr(cell) as _)) {
                    work.push(Work::Store(cell.clone()));
                }
            }
            None
        }
        Value::Iface(i) => {
            push_children(&i.val, work, seen);
            None
        }
        _ => None,
    };
    if let Some((at, w)) = item {
        if seen.insert(at) {
            work.push(w);
        }
    }
}

/// Whether a func value's code is a top-level function that the next program
/// can provide under the same name (not a func literal or a method value).
fn movable_func(name: &str) -> bool {
    let last = name.rsplit('.').next().unwrap_or(name);
    let literal = last.starts_with("func") && last[4..].chars().all(|c| c.is_ascii_digit());
    let method = name.contains('(') || name.ends_with("-fm");
    !literal && !method && name.matches('.').count() == 1
}

/// Lists what the next program needs to carry `values` made by `old`.
pub fn needs(values: &mut [Value], old: &Program) -> Needs {
    let mut needs = Needs::default();
    let _ = walk(values, &mut |v| {
        match v {
            Value::Iface(i) => {
                needs.types.insert(old.types.name(i.ty));
            }
            Value::Func(f) if f.cells.is_empty() && movable_func(&f.proto.name) => {
                needs.funcs.insert(f.proto.name.clone());
            }
            _ => {}
        }
        Ok(None)
    });
    needs
}

/// Translates `value` (made by `old`) for `new`; `Err` says why it cannot be carried.
pub struct Translator<'p> {
    old: &'p Program,
    new: &'p Program,
    types_by_name: HashMap<String, Vec<RtTypeId>>,
    funcs_by_name: HashMap<&'p str, usize>,
}

impl<'p> Translator<'p> {
    pub fn new(old: &'p Program, new: &'p Program) -> Translator<'p> {
        let mut types_by_name = HashMap::new();
        for i in 0..new.types.types.len() {
            let id = RtTypeId(i as u32);
            types_by_name
                .entry(new.types.name(id))
                .or_insert_with(Vec::new)
                .push(id);
        }
        let mut funcs_by_name = HashMap::new();
        for (i, proto) in new.protos.iter().enumerate() {
            funcs_by_name.entry(proto.name.as_str()).or_insert(i);
        }
        Translator {
            old,
            new,
            types_by_name,
            funcs_by_name,
        }
    }

    /// Translates one variable's value in place.
    pub fn translate(&self, value: &mut Value) -> Result<(), String> {
        walk(std::slice::from_mut(value), &mut |v| self.shallow(v))
    }

    fn shallow(&self, v: &Value) -> Result<Option<Value>, String> {
        match v {
            Value::Iface(i) => {
                let ty = self.map_type(i.ty)?;
                Ok(Some(Value::iface(ty, i.val.clone())))
            }
            Value::Func(f) => {
                let name = f.proto.name.as_str();
                if !f.cells.is_empty() || !movable_func(name) {
                    return Err(format!(
                        "it holds a func literal or method value ({name}), which cannot outlive its entry yet"
                    ));
                }
                match self.funcs_by_name.get(name) {
                    Some(&idx) => Ok(Some(self.new.func_values[idx].clone())),
                    None => Err(format!("it holds the function {name}, which is gone")),
                }
            }
            _ => Ok(None),
        }
    }

    fn map_type(&self, old_id: RtTypeId) -> Result<RtTypeId, String> {
        let name = self.old.types.name(old_id);
        let Some(candidates) = self.types_by_name.get(&name) else {
            return Err(format!("it holds a value of type {name}, which is gone"));
        };
        // The runtime's own error types share names with library ones: match the structure too.
        let want = describe(&self.old.types, old_id, 0);
        candidates
            .iter()
            .copied()
            .find(|&id| describe(&self.new.types, id, 0) == want)
            .ok_or_else(|| format!("it holds a value of type {name}, which was redefined"))
    }
}

/// A type's structure as text, a few levels deep, to tell a redefined named type from the old one.
fn describe(types: &RtTypes, id: RtTypeId, depth: u32) -> String {
    let name = types.name(id);
    if depth > 4 {
        return name;
    }
    let sub = |t: RtTypeId| describe(types, t, depth + 1);
    let kind = match &types.get(id).kind {
        RtKind::Struct { fields } => fields
            .iter()
            .map(|f| format!("{} {}", f.name, sub(f.ty)))
            .collect::<Vec<_>>()
            .join("; "),
        RtKind::Array { elem, len } => format!("[{len}]{}", sub(*elem)),
        RtKind::Slice { elem } => format!("[]{}", sub(*elem)),
        RtKind::Pointer { elem } => format!("*{}", sub(*elem)),
        RtKind::Chan { elem, .. } => format!("chan {}", sub(*elem)),
        RtKind::Map { key, val } => format!("map[{}]{}", sub(*key), sub(*val)),
        other => format!("{other:?}"),
    };
    format!("{name}={{{kind}}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_top_level_functions_move() {
        assert!(movable_func("main.double"));
        assert!(movable_func("strings.ToUpper"));
        assert!(!movable_func("main.main.func1"));
        assert!(!movable_func("main.P.String-fm"));
        assert!(!movable_func("main.(*P).Get"));
    }
}
