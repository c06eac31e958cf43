//! Escape analysis for `append`: which append sites start their slice in a 32-byte frame buffer, as Go 1.25+ does, so `cap` prints what Go prints.
//!
//! Go gives an `append` whose result does not escape a "stack buffer" of 32
//! bytes (`cmd/compile/internal/ssagen/ssa.go`, `(*state).append`), so
//! `var s []int; s = append(s, 1)` has cap 4 where an escaping slice has cap 1.
//! The rules, as read from Go 1.27's compiler and checked against its output
//! (the `escape_append_*` goldens):
//!
//! 1. **Which appends.** `append(s, x, y...)` with a fixed number of elements
//!    (never `append(s, xs...)`), element size 1..=32 bytes, whose *result*
//!    does not escape the function. Buffer capacity `K = 32 / size` (4 for
//!    `[]int`, 32 for `[]byte`, 2 for `[]string`, 1 for a 24-byte struct).
//! 2. **When the buffer is taken** (the standard strategy): only when the
//!    append must grow, the slice is empty (`len == 0`), the new length fits
//!    (`<= K`, so appending 5 ints to nil grows as usual), and this frame has
//!    not taken that buffer before: a per-frame `used` flag, so a `var s`
//!    declared in a loop body gets the buffer in the first iteration only, and
//!    `s = nil; s = append(s, 1)` later gets cap 1. The buffer belongs to the
//!    first qualifying append site of each variable in code order (Go keys it
//!    by the appended-to variable; other first operands, like
//!    `append([]int(nil), 1)`, get one buffer per site).
//! 3. **What escapes** (Go's escape analysis, done here conservatively: when
//!    unsure, escape). A value escapes when it is stored in a global, a heap
//!    cell (captured or address-taken variable), through a pointer, in a map, a
//!    channel, a slice element or a slice literal, passed to a function that
//!    leaks that parameter (natives, func values and interface methods always
//!    leak; declared functions are summarised per parameter: no leak, leak to
//!    a result, leak to the heap), captured by a closure, bound as a method
//!    value, passed to `go`/`defer`, panicked, or returned. It flows (and
//!    escapes if its destination does) through local variables, fields of
//!    local structs and arrays, reslicing, `append`'s first operand,
//!    interface conversion and type assertion. Reading an element, `len`,
//!    `cap`, `copy`, `append(t, s...)`, `string(b)`, comparisons and the
//!    builtin `print` do not make a slice escape. An address-taken variable
//!    never uses the buffer (Go appends to it in place).
//! 4. **Slices that leave only once** (`cmd/compile/internal/slice`): a slice
//!    variable whose every use is `s = nil`, `s = []T{...}`, `s = s[i:j]`,
//!    `s = append(s, ...)`, `s[i]`, `len(s)`, `cap(s)`, or passing it to a
//!    declared function that does not leak it, plus exactly one *transition*
//!    (`return s`, `x = s`, `for range s`) not inside a loop deeper than its
//!    declaration, with at least two appends counted by loop depth, is moved
//!    to the heap just before the transition, so its appends use the buffer
//!    although it escapes. Moving keeps the capacity when the capacity is
//!    observed (`cap(s)`, reslicing, passing it on), else it trims it to the
//!    size class of the length (`collect 3 ints, return` has cap 3). When the
//!    capacity is observed the appends also climb the buffer one size class
//!    at a time (`growsliceBuf`: caps 1, 2, 3, 4 for `[]int`) instead of
//!    taking it whole.
//!
//! Not modelled (the program's `cap` may then differ from Go's): inlining (Go
//! inlines small functions, after which their slices may not escape and share
//! the caller's per-frame buffer), closures that Go proves do not escape,
//! appends to a field of a local struct, and precise leak summaries of the
//! standard library.

use std::collections::HashMap;

use crate::hir::{
    Builtin, Callee, Conversion, Expr, ExprKind, Func, FuncId, LocalId, Place, Program, RangeKind,
    RecvDest, SelectKind, Stmt, StmtKind,
};
use crate::types::{Type, TypeId};

/// How a buffered append site grows its slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BufMode {
    /// Go's standard strategy: the whole buffer, once per frame (rule 2).
    Whole,
    /// Go's `growsliceBuf`: every growth that fits climbs one size class within the buffer (rule 4).
    Ladder,
}

/// An append site that may use a frame buffer: which of the function's buffers, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BufSite {
    pub key: u32,
    pub mode: BufMode,
}

/// Before a transition statement: move `local` to the heap if it lives in buffer `key`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeapMove {
    pub local: LocalId,
    pub key: u32,
    /// The capacity was observed: keep it (else trim it to the length's size class).
    pub keep_cap: bool,
}

/// The buffers of one function.
#[derive(Debug, Default)]
pub struct FuncBufs {
    /// How many buffers its frame holds (each needs a state register).
    pub n_keys: u32,
    /// Keyed by the address of the append's argument list (stable: the HIR is not changed after checking).
    sites: HashMap<usize, BufSite>,
    /// Keyed by the address of the transition statement.
    moves: HashMap<usize, Vec<HeapMove>>,
}

impl FuncBufs {
    /// The buffer of the `append` call whose arguments are `args`, if it has one.
    pub fn site(&self, args: &[Expr]) -> Option<BufSite> {
        self.sites.get(&(args.as_ptr() as usize)).copied()
    }

    /// The slices to move to the heap just before `stmt` runs.
    pub fn moves_before(&self, stmt: &Stmt) -> &[HeapMove] {
        self.moves
            .get(&(stmt as *const Stmt as usize))
            .map_or(&[], |m| m.as_slice())
    }
}

/// The analysis of a whole program: per function (of package `main`), its buffers.
#[derive(Debug, Default)]
pub struct StackBufs {
    funcs: HashMap<FuncId, FuncBufs>,
}

impl StackBufs {
    pub fn func(&self, id: FuncId) -> Option<&FuncBufs> {
        self.funcs.get(&id).filter(|f| f.n_keys > 0)
    }
}

/// How a function's parameter leaks, Go's escape "tag".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Leak {
    None,
    /// Only to a result: the call's results alias the argument.
    Result,
    Heap,
}

/// What the analysis needs to know of Go's type layout.
pub trait Layout {
    /// Whether a slice of this type has a buffer: its element is 1..=32 bytes.
    fn buffer_fits(&self, slice_ty: TypeId) -> bool;
    /// Go's `ssa.CanSSA`: at most 32 bytes, structs of at most 4 fields and
    /// arrays of at most 1 element (recursively). A variable of another type
    /// lives in memory, and `v.f = append(v.f, x)` appends in place, without a buffer.
    fn can_ssa(&self, ty: TypeId) -> bool;
}

/// Analyses `program`.
pub fn analyze(program: &Program, layout: &dyn Layout) -> StackBufs {
    let fits = &|ty| layout.buffer_fits(ty);
    let summaries = summaries(program);
    let mut out = StackBufs::default();
    for (i, func) in program.funcs.iter().enumerate() {
        // Library code is gomini's own, not Go's: its growth stays Go's plain rule.
        if func.pkg != "main" || func.body.is_none() {
            continue;
        }
        let flow = Flow::run(program, func, &summaries, Some(layout));
        let exclusive = Exclusive::run(program, func, &summaries, fits);
        out.funcs
            .insert(FuncId(i as u32), decide(&flow, &exclusive, fits));
    }
    out
}

/// Parameter leak summaries of every function, computed optimistically to a
/// fixed point (as Go does for recursive functions): natives leak everything.
fn summaries(program: &Program) -> Vec<Vec<Leak>> {
    let mut sums: Vec<Vec<Leak>> = program
        .funcs
        .iter()
        .map(|f| match (&f.body, &f.native) {
            (None, Some(name)) => native_leaks(name, f.params.len()),
            (Some(_), _) => vec![Leak::None; f.params.len()],
            (None, None) => vec![Leak::Heap; f.params.len()],
        })
        .collect();
    // Leaks only grow, so this ends; the bound is a guard, after which everything leaks.
    let bound = 2 * sums.iter().map(Vec::len).sum::<usize>() + 2;
    for _ in 0..bound {
        let mut changed = false;
        for (i, func) in program.funcs.iter().enumerate() {
            if func.body.is_none() {
                continue;
            }
            let flow = Flow::run(program, func, &sums, None);
            let new = flow.param_leaks(func);
            if new != sums[i] {
                sums[i] = new;
                changed = true;
            }
        }
        if !changed {
            return sums;
        }
    }
    for s in &mut sums {
        s.iter_mut().for_each(|l| *l = Leak::Heap);
    }
    sums
}

/// Go's escape tags of the natives that take a slice, as `go build -gcflags=-m`
/// reports them; every other native parameter leaks.
fn native_leaks(name: &str, n_params: usize) -> Vec<Leak> {
    let mut leaks = vec![Leak::Heap; n_params];
    let slice_param = match name {
        "sort.Ints" | "sort.Float64s" | "sort.Strings" => Some((0, Leak::None)),
        "unicode/utf8.RuneCount"
        | "unicode/utf8.Valid"
        | "unicode/utf8.DecodeRune"
        | "unicode/utf8.DecodeLastRune"
        | "unicode/utf8.EncodeRune"
        | "unicode/utf8.FullRune" => Some((0, Leak::None)),
        "unicode/utf8.AppendRune" => Some((0, Leak::Result)),
        // The receiver first.
        "(*os.File).Write" => Some((1, Leak::None)),
        _ => None,
    };
    if let Some((i, leak)) = slice_param {
        if let Some(l) = leaks.get_mut(i) {
            *l = leak;
        }
    }
    leaks
}

// ---------------------------------------------------------------------------
// Rule 3: where values flow
// ---------------------------------------------------------------------------

/// What an append site's first operand is, which decides whose buffer it may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum SiteKey {
    Local(LocalId),
    /// Any other first operand: a buffer of its own.
    Own(usize),
}

#[derive(Debug)]
struct SiteRec {
    id: usize,
    node: u32,
    key: SiteKey,
    /// A fixed number of elements, and Go would not append in place.
    eligible: bool,
    slice_ty: TypeId,
}

/// The flow graph of one function: nodes are its locals, then its append sites.
struct Flow<'a> {
    program: &'a Program,
    func: &'a Func,
    sums: &'a [Vec<Leak>],
    /// `into[n]`: the nodes whose values flow into node `n`.
    into: Vec<Vec<u32>>,
    escapes: Vec<bool>,
    to_result: Vec<bool>,
    /// Append sites in code order.
    sites: Vec<SiteRec>,
    /// For site decisions (not needed for summaries).
    layout: Option<&'a dyn Layout>,
    /// Sites Go appends in place (`v.f = append(v.f, x)` with `v` in memory).
    in_place: Vec<usize>,
}

type Srcs = Vec<u32>;

impl<'a> Flow<'a> {
    fn run(
        program: &'a Program,
        func: &'a Func,
        sums: &'a [Vec<Leak>],
        layout: Option<&'a dyn Layout>,
    ) -> Self {
        let n = func.locals.len();
        let mut f = Flow {
            program,
            func,
            sums,
            into: vec![Vec::new(); n],
            escapes: func
                .locals
                .iter()
                .map(|l| l.captured || l.addr_taken)
                .collect(),
            to_result: vec![false; n],
            sites: Vec::new(),
            layout,
            in_place: Vec::new(),
        };
        for r in &func.results {
            f.to_result[r.0 as usize] = true;
        }
        if let Some(body) = &func.body {
            f.stmts(body);
        }
        propagate(&f.into, &mut f.escapes);
        propagate(&f.into, &mut f.to_result);
        f
    }

    fn param_leaks(&self, func: &Func) -> Vec<Leak> {
        func.params
            .iter()
            .map(|p| {
                let i = p.0 as usize;
                if self.escapes[i] {
                    Leak::Heap
                } else if self.to_result[i] {
                    Leak::Result
                } else {
                    Leak::None
                }
            })
            .collect()
    }

    fn site_escapes(&self, node: u32) -> bool {
        self.escapes[node as usize] || self.to_result[node as usize]
    }

    fn escape(&mut self, srcs: Srcs) {
        for s in srcs {
            self.escapes[s as usize] = true;
        }
    }

    fn flow(&mut self, srcs: Srcs, dst: LocalId) {
        self.into[dst.0 as usize].extend(srcs);
    }

    fn new_node(&mut self) -> u32 {
        self.into.push(Vec::new());
        self.escapes.push(false);
        self.to_result.push(false);
        (self.into.len() - 1) as u32
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || self.stmt(s));
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.value(e);
            }
            StmtKind::Zero(_) => {}
            StmtKind::Init(l, e) => {
                let v = self.value(e);
                self.flow(v, *l);
            }
            StmtKind::Assign { lhs, rhs } => {
                if let ([p], [e]) = (lhs.as_slice(), rhs.as_slice()) {
                    self.note_in_place(p, e);
                }
                for (p, e) in lhs.iter().zip(rhs) {
                    let v = self.value(e);
                    self.store(p, v);
                }
            }
            StmtKind::AssignTuple { lhs, rhs } => {
                let v = self.value(rhs);
                for p in lhs {
                    self.store(p, v.clone());
                }
            }
            StmtKind::OpAssign { place, rhs, .. } => {
                self.place_operands(place);
                self.value(rhs);
            }
            StmtKind::DefineTuple { locals, rhs } => {
                let v = self.value(rhs);
                for l in locals.iter().flatten() {
                    self.flow(v.clone(), *l);
                }
            }
            StmtKind::Send { chan, value } => {
                self.value(chan);
                let v = self.value(value);
                self.escape(v);
            }
            StmtKind::Go(call) | StmtKind::Defer(call) => self.escaping_call(call),
            StmtKind::Return(values) => {
                let results = &self.func.results;
                if values.len() == 1 && results.len() > 1 {
                    let v = self.value(&values[0]);
                    for r in results.clone() {
                        self.flow(v.clone(), r);
                    }
                } else {
                    for (e, r) in values.iter().zip(results.clone()) {
                        let v = self.value(e);
                        self.flow(v, r);
                    }
                }
            }
            StmtKind::Block(b) => self.stmts(b),
            StmtKind::If { cond, then, els } => {
                self.value(cond);
                self.stmts(then);
                if let Some(els) = els {
                    self.stmts(els);
                }
            }
            StmtKind::For {
                cond, post, body, ..
            } => {
                if let Some(c) = cond {
                    self.value(c);
                }
                self.stmts(body);
                if let Some(p) = post {
                    self.stmt(p);
                }
            }
            StmtKind::Range(r) => {
                let subject = self.value(&r.subject);
                // Only an array's elements are the subject's own values; a
                // slice's elements escaped when they were stored.
                let value = if r.kind == RangeKind::Array {
                    subject
                } else {
                    Vec::new()
                };
                if let Some(k) = &r.key {
                    self.store(k, Vec::new());
                }
                if let Some(v) = &r.value {
                    self.store(v, value);
                }
                self.stmts(&r.body);
            }
            StmtKind::Switch(sw) => {
                if let Some(init) = &sw.init {
                    self.stmt(init);
                }
                if let Some(tag) = &sw.tag {
                    self.value(tag);
                }
                for c in &sw.cases {
                    for e in &c.exprs {
                        self.value(e);
                    }
                }
                for c in &sw.cases {
                    self.stmts(&c.body);
                }
            }
            StmtKind::TypeSwitch(ts) => {
                if let Some(init) = &ts.init {
                    self.stmt(init);
                }
                let subject = self.value(&ts.subject);
                for c in &ts.cases {
                    if let Some(b) = c.bind {
                        self.flow(subject.clone(), b);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Select(sel) => {
                for c in &sel.cases {
                    match &c.kind {
                        SelectKind::Default => {}
                        SelectKind::Send { chan, value } => {
                            self.value(chan);
                            let v = self.value(value);
                            self.escape(v);
                        }
                        SelectKind::Recv { chan, value, ok } => {
                            self.value(chan);
                            for d in [value, ok].into_iter().flatten() {
                                if let RecvDest::Assign(p) = d {
                                    self.store(p, Vec::new());
                                }
                            }
                        }
                    }
                }
                for c in &sel.cases {
                    self.stmts(&c.body);
                }
            }
            StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Fallthrough => {}
            StmtKind::Labeled(s) => self.stmt(s),
        }
    }

    /// `p = append(p, ...)` is done in place by Go when `p` is not an SSA value.
    fn note_in_place(&mut self, p: &Place, e: &Expr) {
        if let ExprKind::Builtin(Builtin::Append, args) = &e.kind {
            if args.first().is_some_and(|first| same_place(p, first)) && !self.can_ssa(p) {
                self.in_place.push(args.as_ptr() as usize);
            }
        }
    }

    /// Go's `(*state).canSSA` of a place: its root variable, through fields and
    /// array elements, is a plain local of an SSA-able type.
    fn can_ssa(&self, p: &Place) -> bool {
        match p {
            Place::Local(l) => {
                let local = &self.func.locals[l.0 as usize];
                !local.captured
                    && !local.addr_taken
                    && self.layout.is_some_and(|lay| lay.can_ssa(local.ty))
            }
            Place::Field(inner, _) | Place::ArrayIndex(inner, _) => self.can_ssa(inner),
            _ => false,
        }
    }

    /// Stores `v` into `place`: into a local (or a field/element of a local
    /// struct or array) it flows; anywhere else it escapes.
    fn store(&mut self, place: &Place, v: Srcs) {
        match place {
            Place::Blank => {}
            Place::Local(l) => self.flow(v, *l),
            Place::Field(inner, _) => self.store(inner, v),
            Place::ArrayIndex(inner, i) => {
                self.value(i);
                self.store(inner, v);
            }
            Place::Capture(_) | Place::Global(_) => self.escape(v),
            Place::Deref(p) => {
                self.value(p);
                self.escape(v);
            }
            Place::SliceIndex(s, i) | Place::MapIndex(s, i) => {
                self.value(s);
                self.value(i);
                self.escape(v);
            }
        }
    }

    /// Evaluates the operands of a place without storing into it.
    fn place_operands(&mut self, place: &Place) {
        self.store(place, Vec::new());
    }

    /// A `go`/`defer` call: the callee and every argument escape.
    fn escaping_call(&mut self, call: &Expr) {
        match &call.kind {
            ExprKind::Call(c) => {
                match &c.callee {
                    Callee::Static(_) => {}
                    Callee::Iface { recv, .. } => {
                        let v = self.value(recv);
                        self.escape(v);
                    }
                    Callee::Value(f) => {
                        let v = self.value(f);
                        self.escape(v);
                    }
                }
                for a in &c.args {
                    let v = self.value(a);
                    self.escape(v);
                }
            }
            ExprKind::Builtin(_, args) => {
                for a in args {
                    let v = self.value(a);
                    self.escape(v);
                }
            }
            _ => {
                let v = self.value(call);
                self.escape(v);
            }
        }
    }

    /// The nodes whose memory the value of `e` may reference, after recording
    /// the flows inside `e`.
    fn value(&mut self, e: &Expr) -> Srcs {
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || self.value_inner(e))
    }

    fn value_inner(&mut self, e: &Expr) -> Srcs {
        match &e.kind {
            ExprKind::Const(_)
            | ExprKind::Nil
            | ExprKind::Global(_)
            | ExprKind::Func(_)
            | ExprKind::Capture(_)
            | ExprKind::Closure(_)
            | ExprKind::MethodExpr { .. }
            | ExprKind::IfaceMethodExpr { .. } => Vec::new(),
            ExprKind::Local(l) => vec![l.0],
            ExprKind::Unary(_, a)
            | ExprKind::Deref(a)
            | ExprKind::Recv(a)
            | ExprKind::RecvOk(a) => {
                self.value(a);
                Vec::new()
            }
            ExprKind::Binary(_, a, b)
            | ExprKind::StringIndex(a, b)
            | ExprKind::SliceIndex(a, b)
            | ExprKind::MapIndex(a, b)
            | ExprKind::MapIndexOk(a, b) => {
                self.value(a);
                self.value(b);
                Vec::new()
            }
            ExprKind::Convert(kind, a) => {
                let v = self.value(a);
                match kind {
                    Conversion::Retype | Conversion::SliceToArrayPtr => v,
                    _ => Vec::new(),
                }
            }
            ExprKind::ToIface(a) | ExprKind::TypeAssert(a, _) | ExprKind::TypeAssertOk(a, _) => {
                self.value(a)
            }
            ExprKind::Field(a, _) => self.value(a),
            ExprKind::ArrayIndex(a, i) => {
                self.value(i);
                self.value(a)
            }
            ExprKind::AddrOf(place) => self.addr_of(place),
            ExprKind::AddrOfLit(lit) => {
                let v = self.value(lit);
                self.escape(v);
                Vec::new()
            }
            ExprKind::Slice {
                base,
                low,
                high,
                max,
            } => {
                let v = self.value(base);
                for b in [low, high, max].into_iter().flatten() {
                    self.value(b);
                }
                v
            }
            ExprKind::Call(call) => self.call(call),
            ExprKind::Builtin(b, args) => self.builtin(*b, args, e),
            ExprKind::StructLit(fields) => {
                let mut v = Vec::new();
                for f in fields.iter().flatten() {
                    v.extend(self.value(f));
                }
                v
            }
            ExprKind::ArrayLit { elems, .. } => {
                let mut v = Vec::new();
                for (_, el) in elems {
                    v.extend(self.value(el));
                }
                v
            }
            ExprKind::SliceLit { elems, .. } => {
                for (_, el) in elems {
                    let v = self.value(el);
                    self.escape(v);
                }
                Vec::new()
            }
            ExprKind::MapLit(entries) => {
                for (k, v) in entries {
                    let k = self.value(k);
                    self.escape(k);
                    let v = self.value(v);
                    self.escape(v);
                }
                Vec::new()
            }
            ExprKind::MethodValue { recv, .. } | ExprKind::IfaceMethodValue { recv, .. } => {
                let v = self.value(recv);
                self.escape(v);
                Vec::new()
            }
        }
    }

    /// `&place`: a pointer into a slice's backing store carries the slice; the
    /// address of a variable makes it escape (it is address-taken anyway).
    fn addr_of(&mut self, place: &Place) -> Srcs {
        match place {
            Place::SliceIndex(s, i) => {
                self.value(i);
                self.value(s)
            }
            Place::Deref(p) => self.value(p),
            Place::Field(inner, _) => self.addr_of(inner),
            Place::ArrayIndex(inner, i) => {
                self.value(i);
                self.addr_of(inner)
            }
            Place::Local(l) => {
                self.escapes[l.0 as usize] = true;
                Vec::new()
            }
            Place::MapIndex(m, k) => {
                self.value(m);
                self.value(k);
                Vec::new()
            }
            Place::Blank | Place::Capture(_) | Place::Global(_) => Vec::new(),
        }
    }

    fn call(&mut self, call: &crate::hir::Call) -> Srcs {
        let leaks: Option<&[Leak]> = match &call.callee {
            Callee::Static(f) => Some(&self.sums[f.0 as usize]),
            Callee::Iface { recv, .. } => {
                let v = self.value(recv);
                self.escape(v);
                None
            }
            Callee::Value(f) => {
                let v = self.value(f);
                self.escape(v);
                None
            }
        };
        let mut result = Vec::new();
        let Some(leaks) = leaks.filter(|_| !call.tuple_arg) else {
            for a in &call.args {
                let v = self.value(a);
                self.escape(v);
            }
            return result;
        };
        // Packed variadic arguments are elements of a slice literal: they escape.
        let fixed = fixed_args(self.program, call, leaks.len());
        for (i, a) in call.args.iter().enumerate() {
            let v = self.value(a);
            match leaks.get(i).filter(|_| i < fixed) {
                Some(Leak::None) => {}
                Some(Leak::Result) => result.extend(v),
                Some(Leak::Heap) | None => self.escape(v),
            }
        }
        result
    }

    fn builtin(&mut self, b: Builtin, args: &[Expr], e: &Expr) -> Srcs {
        match b {
            Builtin::Append => {
                let Some((first, elems)) = args.split_first() else {
                    return Vec::new();
                };
                let mut v = self.value(first);
                let node = self.new_node();
                let key = match &first.kind {
                    ExprKind::Local(l) => SiteKey::Local(*l),
                    _ => SiteKey::Own(args.as_ptr() as usize),
                };
                let in_place = self.in_place.contains(&(args.as_ptr() as usize));
                self.sites.push(SiteRec {
                    id: args.as_ptr() as usize,
                    node,
                    key,
                    eligible: !elems.is_empty() && !in_place,
                    slice_ty: e.ty,
                });
                for el in elems {
                    let x = self.value(el);
                    self.escape(x);
                }
                v.push(node);
                v
            }
            Builtin::AppendSpread => {
                let mut v = Vec::new();
                if let Some((first, rest)) = args.split_first() {
                    v = self.value(first);
                    for r in rest {
                        self.value(r);
                    }
                }
                let node = self.new_node();
                v.push(node);
                v
            }
            Builtin::Panic => {
                for a in args {
                    let v = self.value(a);
                    self.escape(v);
                }
                Vec::new()
            }
            Builtin::Len
            | Builtin::Cap
            | Builtin::Copy
            | Builtin::Delete
            | Builtin::Make
            | Builtin::New
            | Builtin::Recover
            | Builtin::Print
            | Builtin::Println
            | Builtin::Close
            | Builtin::Min
            | Builtin::Max
            | Builtin::Clear => {
                for a in args {
                    self.value(a);
                }
                Vec::new()
            }
        }
    }
}

/// Go's `ir.SameSafeExpr` of an assigned place and an expression, for the
/// places that can be SSA values (others escape, so they never get a buffer).
fn same_place(p: &Place, e: &Expr) -> bool {
    match (p, &e.kind) {
        (Place::Local(a), ExprKind::Local(b)) => a == b,
        (Place::Field(p, i), ExprKind::Field(e, j)) => i == j && same_place(p, e),
        (Place::ArrayIndex(p, pi), ExprKind::ArrayIndex(e, ei)) => {
            same_place(p, e) && same_value(pi, ei)
        }
        _ => false,
    }
}

/// Both expressions are the same variable or constant.
fn same_value(a: &Expr, b: &Expr) -> bool {
    match (&a.kind, &b.kind) {
        (ExprKind::Local(x), ExprKind::Local(y)) => x == y,
        (ExprKind::Const(x), ExprKind::Const(y)) => x == y,
        _ => false,
    }
}

/// Marks every node whose value flows into a marked node.
fn propagate(into: &[Vec<u32>], marked: &mut [bool]) {
    let mut work: Vec<u32> = (0..marked.len() as u32)
        .filter(|n| marked[*n as usize])
        .collect();
    while let Some(n) = work.pop() {
        for &src in &into[n as usize] {
            if !marked[src as usize] {
                marked[src as usize] = true;
                work.push(src);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Rule 4: slices that leave the function only once
// ---------------------------------------------------------------------------

#[derive(Debug, Default, Clone)]
struct SliceUse {
    tracked: bool,
    failed: bool,
    decl_depth: u32,
    /// The statement (by address) where the slice stops being the only reference to its store.
    transition: Option<usize>,
    append_weight: u32,
    cap_used: bool,
}

struct Exclusive<'a> {
    program: &'a Program,
    func: &'a Func,
    sums: &'a [Vec<Leak>],
    uses: Vec<SliceUse>,
    depth: u32,
}

impl<'a> Exclusive<'a> {
    fn run(
        program: &'a Program,
        func: &'a Func,
        sums: &'a [Vec<Leak>],
        fits: &dyn Fn(TypeId) -> bool,
    ) -> Self {
        let uses = func
            .locals
            .iter()
            .map(|l| SliceUse {
                tracked: matches!(program.types.under(l.ty), Type::Slice(_))
                    && fits(l.ty)
                    && !l.captured
                    && !l.addr_taken,
                ..SliceUse::default()
            })
            .collect();
        let mut x = Exclusive {
            program,
            func,
            sums,
            uses,
            depth: 0,
        };
        if let Some(body) = &func.body {
            x.stmts(body);
        }
        x
    }

    /// The variables to move to the heap, with their transition statement.
    fn selected(&self) -> impl Iterator<Item = (LocalId, &SliceUse)> {
        self.uses.iter().enumerate().filter_map(|(i, u)| {
            (u.tracked && !u.failed && u.transition.is_some() && u.append_weight >= 2)
                .then_some((LocalId(i as u32), u))
        })
    }

    fn tracked(&self, e: &Expr) -> Option<LocalId> {
        match &e.kind {
            ExprKind::Local(l) if self.uses[l.0 as usize].tracked => Some(*l),
            _ => None,
        }
    }

    fn fail(&mut self, l: LocalId) {
        self.uses[l.0 as usize].failed = true;
    }

    fn transition(&mut self, l: LocalId, stmt: &Stmt) {
        let depth = self.depth;
        let u = &mut self.uses[l.0 as usize];
        if u.transition.is_some() || depth > u.decl_depth {
            u.failed = true;
        } else {
            u.transition = Some(stmt as *const Stmt as usize);
        }
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || self.stmt(s));
        }
    }

    fn declare(&mut self, l: LocalId) {
        let depth = self.depth;
        self.uses[l.0 as usize].decl_depth = depth;
    }

    /// `x = y` somewhere in `stmt`: the understood forms for a tracked `x`,
    /// and `... = s` as a transition of a tracked `s`.
    fn assign(&mut self, x: Option<LocalId>, y: &Expr, stmt: &Stmt) {
        if let Some(s) = self.tracked(y) {
            if x == Some(s) {
                self.fail(s);
            } else {
                self.transition(s, stmt);
            }
            if let Some(x) = x {
                self.fail(x);
            }
            return;
        }
        let Some(x) = x else {
            self.expr(y);
            return;
        };
        match &y.kind {
            ExprKind::Nil => {}
            ExprKind::SliceLit { .. } => {
                self.uses[x.0 as usize].cap_used = true;
                self.expr(y);
            }
            ExprKind::Slice {
                base,
                low,
                high,
                max,
            } if self.tracked(base) == Some(x) => {
                self.uses[x.0 as usize].cap_used = true;
                for b in [low, high, max].into_iter().flatten() {
                    self.expr(b);
                }
            }
            ExprKind::Builtin(Builtin::Append | Builtin::AppendSpread, args)
                if args.first().and_then(|a| self.tracked(a)) == Some(x) =>
            {
                let weight = 1 + self
                    .depth
                    .saturating_sub(self.uses[x.0 as usize].decl_depth);
                self.uses[x.0 as usize].append_weight += weight;
                for a in &args[1..] {
                    self.expr(a);
                }
            }
            _ => {
                self.fail(x);
                self.expr(y);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Zero(l) => self.declare(*l),
            StmtKind::Init(l, e) => {
                self.declare(*l);
                let x = self.uses[l.0 as usize].tracked.then_some(*l);
                self.assign(x, e, s);
            }
            StmtKind::Assign { lhs, rhs } => {
                for (p, e) in lhs.iter().zip(rhs) {
                    match p {
                        Place::Local(l) if self.uses[l.0 as usize].tracked => {
                            self.assign(Some(*l), e, s)
                        }
                        _ => {
                            self.place(p);
                            self.assign(None, e, s);
                        }
                    }
                }
            }
            StmtKind::Return(values) => {
                if values.is_empty() {
                    for r in self.func.results.clone() {
                        if self.uses[r.0 as usize].tracked {
                            self.transition(r, s);
                        }
                    }
                }
                for v in values {
                    match self.tracked(v) {
                        Some(l) => self.transition(l, s),
                        None => self.expr(v),
                    }
                }
            }
            StmtKind::Range(r) => {
                match self.tracked(&r.subject) {
                    Some(l) if r.kind == RangeKind::Slice => self.transition(l, s),
                    _ => self.expr(&r.subject),
                }
                self.depth += 1;
                for p in [&r.key, &r.value].into_iter().flatten() {
                    self.place(p);
                }
                self.stmts(&r.body);
                self.depth -= 1;
            }
            StmtKind::For {
                cond, post, body, ..
            } => {
                self.depth += 1;
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.stmts(body);
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.depth -= 1;
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::AssignTuple { lhs, rhs } => {
                for p in lhs {
                    self.place(p);
                }
                self.expr(rhs);
            }
            StmtKind::OpAssign { place, rhs, .. } => {
                self.place(place);
                self.expr(rhs);
            }
            StmtKind::DefineTuple { locals, rhs } => {
                for l in locals.iter().flatten() {
                    self.declare(*l);
                    self.fail(*l);
                }
                self.expr(rhs);
            }
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.expr(value);
            }
            StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Block(b) => self.stmts(b),
            StmtKind::If { cond, then, els } => {
                self.expr(cond);
                self.stmts(then);
                if let Some(els) = els {
                    self.stmts(els);
                }
            }
            StmtKind::Switch(sw) => {
                if let Some(init) = &sw.init {
                    self.stmt(init);
                }
                if let Some(tag) = &sw.tag {
                    self.expr(tag);
                }
                for c in &sw.cases {
                    for e in &c.exprs {
                        self.expr(e);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::TypeSwitch(ts) => {
                if let Some(init) = &ts.init {
                    self.stmt(init);
                }
                self.expr(&ts.subject);
                for c in &ts.cases {
                    if let Some(b) = c.bind {
                        self.fail(b);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Select(sel) => {
                for c in &sel.cases {
                    match &c.kind {
                        SelectKind::Default => {}
                        SelectKind::Send { chan, value } => {
                            self.expr(chan);
                            self.expr(value);
                        }
                        SelectKind::Recv { chan, value, ok } => {
                            self.expr(chan);
                            for d in [value, ok].into_iter().flatten() {
                                match d {
                                    RecvDest::Define(l) => self.fail(*l),
                                    RecvDest::Assign(p) => self.place(p),
                                }
                            }
                        }
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Fallthrough => {}
            StmtKind::Labeled(s) => self.stmt(s),
        }
    }

    /// A place written (not by the understood `s = ...` forms): `s[i] = v` is fine.
    fn place(&mut self, p: &Place) {
        match p {
            Place::Local(l) => self.fail(*l),
            Place::Blank | Place::Capture(_) | Place::Global(_) => {}
            Place::Deref(e) => self.expr(e),
            Place::Field(inner, _) => self.place(inner),
            Place::ArrayIndex(inner, i) => {
                self.place(inner);
                self.expr(i);
            }
            Place::SliceIndex(s, i) => {
                if self.tracked(s).is_none() {
                    self.expr(s);
                }
                self.expr(i);
            }
            Place::MapIndex(m, k) => {
                self.expr(m);
                self.expr(k);
            }
        }
    }

    /// Any other mention of a tracked slice makes it fail; the understood
    /// ones are `s[i]`, `len(s)`, `cap(s)` and passing it to a non-leaking parameter.
    fn expr(&mut self, e: &Expr) {
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || self.expr_inner(e));
    }

    fn expr_inner(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Local(l) => self.fail(*l),
            ExprKind::SliceIndex(s, i) => {
                if self.tracked(s).is_none() {
                    self.expr(s);
                }
                self.expr(i);
            }
            ExprKind::Builtin(Builtin::Len, args)
                if args.len() == 1 && self.tracked(&args[0]).is_some() => {}
            ExprKind::Builtin(Builtin::Cap, args) if args.len() == 1 => {
                match self.tracked(&args[0]) {
                    Some(l) => self.uses[l.0 as usize].cap_used = true,
                    None => self.expr(&args[0]),
                }
            }
            ExprKind::Call(call) => {
                let leaks: Option<&[Leak]> = match &call.callee {
                    Callee::Static(f) if !call.tuple_arg => Some(&self.sums[f.0 as usize]),
                    Callee::Static(_) => None,
                    Callee::Iface { recv, .. } => {
                        self.expr(recv);
                        None
                    }
                    Callee::Value(f) => {
                        self.expr(f);
                        None
                    }
                };
                let fixed = leaks.map_or(0, |l| fixed_args(self.program, call, l.len()));
                for (i, a) in call.args.iter().enumerate() {
                    let param = leaks.and_then(|l| l.get(i)).filter(|_| i < fixed);
                    match (self.tracked(a), param) {
                        (Some(l), Some(Leak::None)) => self.uses[l.0 as usize].cap_used = true,
                        _ => self.expr(a),
                    }
                }
            }
            ExprKind::Const(_)
            | ExprKind::Nil
            | ExprKind::Global(_)
            | ExprKind::Func(_)
            | ExprKind::Capture(_)
            | ExprKind::Closure(_)
            | ExprKind::MethodExpr { .. }
            | ExprKind::IfaceMethodExpr { .. } => {}
            ExprKind::Unary(_, a)
            | ExprKind::Deref(a)
            | ExprKind::Recv(a)
            | ExprKind::RecvOk(a)
            | ExprKind::Convert(_, a)
            | ExprKind::ToIface(a)
            | ExprKind::TypeAssert(a, _)
            | ExprKind::TypeAssertOk(a, _)
            | ExprKind::Field(a, _)
            | ExprKind::AddrOfLit(a) => self.expr(a),
            ExprKind::MethodValue { recv, .. } | ExprKind::IfaceMethodValue { recv, .. } => {
                self.expr(recv)
            }
            ExprKind::Binary(_, a, b)
            | ExprKind::StringIndex(a, b)
            | ExprKind::MapIndex(a, b)
            | ExprKind::MapIndexOk(a, b)
            | ExprKind::ArrayIndex(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::AddrOf(p) => self.addr_of(p),
            ExprKind::Slice {
                base,
                low,
                high,
                max,
            } => {
                self.expr(base);
                for b in [low, high, max].into_iter().flatten() {
                    self.expr(b);
                }
            }
            ExprKind::Builtin(_, args) => {
                for a in args {
                    self.expr(a);
                }
            }
            ExprKind::StructLit(fields) => {
                for f in fields.iter().flatten() {
                    self.expr(f);
                }
            }
            ExprKind::ArrayLit { elems, .. } | ExprKind::SliceLit { elems, .. } => {
                for (_, el) in elems {
                    self.expr(el);
                }
            }
            ExprKind::MapLit(entries) => {
                for (k, v) in entries {
                    self.expr(k);
                    self.expr(v);
                }
            }
        }
    }

    /// `&place`: `&s[i]` ends the analysis of `s`, as any mention of `&s` does.
    fn addr_of(&mut self, p: &Place) {
        match p {
            Place::SliceIndex(s, i) => {
                self.expr(s);
                self.expr(i);
            }
            _ => self.place(p),
        }
    }
}

/// How many of `call`'s arguments are parameters of their own: without
/// `xs...`, the trailing variadic arguments are packed into one slice.
fn fixed_args(program: &Program, call: &crate::hir::Call, n_params: usize) -> usize {
    let variadic = match program.types.under(call.sig) {
        Type::Func(sig) => sig.variadic,
        _ => true,
    };
    if variadic && !call.spread {
        n_params.saturating_sub(1)
    } else {
        n_params
    }
}

// ---------------------------------------------------------------------------
// Rules 1, 2 and 4 together: which sites get which buffer
// ---------------------------------------------------------------------------

fn decide(flow: &Flow, exclusive: &Exclusive, fits: &dyn Fn(TypeId) -> bool) -> FuncBufs {
    let selected: HashMap<LocalId, &SliceUse> = exclusive.selected().collect();
    let mut bufs = FuncBufs::default();
    let mut keys: HashMap<SiteKey, u32> = HashMap::new();
    let mut taken: Vec<SiteKey> = Vec::new();
    for site in &flow.sites {
        if !site.eligible || !fits(site.slice_ty) {
            continue;
        }
        let moved = match site.key {
            SiteKey::Local(l) => selected.get(&l).copied(),
            SiteKey::Own(_) => None,
        };
        let mode = match moved {
            Some(u) if u.cap_used => BufMode::Ladder,
            Some(_) => BufMode::Whole,
            None if !flow.site_escapes(site.node) => BufMode::Whole,
            None => continue,
        };
        if mode == BufMode::Whole {
            // Go gives the buffer to the first such site of each key only.
            if taken.contains(&site.key) {
                continue;
            }
            taken.push(site.key);
        }
        let next = keys.len() as u32;
        let key = *keys.entry(site.key).or_insert(next);
        bufs.sites.insert(site.id, BufSite { key, mode });
    }
    for (l, u) in exclusive.selected() {
        if let (Some(key), Some(stmt)) = (keys.get(&SiteKey::Local(l)), u.transition) {
            bufs.moves.entry(stmt).or_default().push(HeapMove {
                local: l,
                key: *key,
                keep_cap: u.cap_used,
            });
        }
    }
    bufs.n_keys = keys.len() as u32;
    bufs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every slice has a buffer and every variable is an SSA value.
    struct AllFit;

    impl Layout for AllFit {
        fn buffer_fits(&self, _slice_ty: TypeId) -> bool {
            true
        }
        fn can_ssa(&self, _ty: TypeId) -> bool {
            true
        }
    }

    fn checked(src: &str) -> Program {
        let (file, errors) = gomini_parser::parse(src);
        assert!(errors.is_empty(), "{errors:?}");
        let (program, errors) = crate::check::check(&file.expect("parsed"));
        assert!(errors.is_empty(), "{errors:?}");
        program.expect("checked")
    }

    fn func_id(program: &Program, name: &str) -> FuncId {
        let i = program.funcs.iter().position(|f| f.name == name);
        FuncId(i.unwrap_or_else(|| panic!("no function {name}")) as u32)
    }

    /// The buffered sites of `main.NAME` in code order of their keys, and its moves.
    fn bufs_of(src: &str, name: &str) -> (Vec<BufMode>, Vec<bool>) {
        let program = checked(src);
        let bufs = analyze(&program, &AllFit);
        let Some(f) = bufs.funcs.get(&func_id(&program, &format!("main.{name}"))) else {
            return (Vec::new(), Vec::new());
        };
        let mut sites: Vec<BufSite> = f.sites.values().copied().collect();
        sites.sort_by_key(|s| s.key);
        let moves = f.moves.values().flatten().map(|m| m.keep_cap).collect();
        (sites.into_iter().map(|s| s.mode).collect(), moves)
    }

    #[test]
    fn a_local_slice_that_does_not_escape_takes_the_whole_buffer() {
        let src = "package main\nfunc f() int { var s []int; s = append(s, 1); return cap(s) }\nfunc main() { f() }\n";
        assert_eq!(bufs_of(src, "f"), (vec![BufMode::Whole], vec![]));
    }

    #[test]
    fn only_the_first_append_of_a_variable_has_the_buffer() {
        let src = "package main\nfunc f() int { var s []int; s = append(s, 1); s = append(s, 2); t := append([]int(nil), 3); return cap(s) + cap(t) }\nfunc main() { f() }\n";
        // One for s (its first site), one for the other first operand.
        assert_eq!(bufs_of(src, "f").0, vec![BufMode::Whole, BufMode::Whole]);
    }

    #[test]
    fn storing_in_a_global_or_a_map_or_sending_escapes() {
        for body in [
            "g = s",
            "m := map[int][]int{}; m[0] = s",
            "c := make(chan []int, 1); c <- s",
        ] {
            let src = format!("package main\nvar g []int\nfunc f() {{ var s []int; s = append(s, 1); {body} }}\nfunc main() {{ f() }}\n");
            assert_eq!(bufs_of(&src, "f"), (vec![], vec![]), "{body}");
        }
    }

    #[test]
    fn spread_appends_never_have_a_buffer() {
        let src = "package main\nfunc f() int { var s []int; s = append(s, []int{1}...); return cap(s) }\nfunc main() { f() }\n";
        assert_eq!(bufs_of(src, "f"), (vec![], vec![]));
    }

    #[test]
    fn parameters_are_summarised_by_how_they_leak() {
        let src = "package main\nvar g []int\nfunc sum(xs []int) int { return len(xs) }\nfunc keep(xs []int) { g = xs }\nfunc id(xs []int) []int { return xs }\nfunc main() {}\n";
        let program = checked(src);
        let sums = summaries(&program);
        let leak = |name: &str| sums[func_id(&program, name).0 as usize][0];
        assert_eq!(leak("main.sum"), Leak::None);
        assert_eq!(leak("main.keep"), Leak::Heap);
        assert_eq!(leak("main.id"), Leak::Result);
        // The caller's slice escapes exactly when the callee leaks it.
        for (call, buffered) in [
            ("sum(s)", true),
            ("keep(s)", false),
            ("_ = id(s)", true),
            ("g = id(s)", false),
        ] {
            let src = format!(
                "{}func f() {{ var s []int; s = append(s, 1); {call} }}\n",
                src.replace("func main() {}\n", "func main() { f() }\n")
            );
            assert_eq!(!bufs_of(&src, "f").0.is_empty(), buffered, "{call}");
        }
    }

    #[test]
    fn a_slice_returned_once_is_moved_to_the_heap_trimmed_unless_its_cap_is_seen() {
        let built = "var s []int; for i := 0; i < n; i++ { s = append(s, i) }";
        let src = format!(
            "package main\nfunc f(n int) []int {{ {built}; return s }}\nfunc main() {{ f(1) }}\n"
        );
        assert_eq!(bufs_of(&src, "f"), (vec![BufMode::Whole], vec![false]));
        let src = format!("package main\nfunc f(n int) ([]int, int) {{ {built}; c := cap(s); return s, c }}\nfunc main() {{ f(1) }}\n");
        assert_eq!(bufs_of(&src, "f"), (vec![BufMode::Ladder], vec![true]));
        // Two ways out, or one inside the loop: no move, and the slice escapes.
        let src = format!("package main\nvar g []int\nfunc f(n int) []int {{ {built}; g = s; return s }}\nfunc main() {{ f(1) }}\n");
        assert_eq!(bufs_of(&src, "f"), (vec![], vec![]));
        let src = "package main\nvar g []int\nfunc f(n int) { var s []int; for i := 0; i < n; i++ { s = append(s, i); g = s } }\nfunc main() { f(1) }\n";
        assert_eq!(bufs_of(src, "f"), (vec![], vec![]));
    }
}
