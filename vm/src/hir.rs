//! The checker's output: a typed, resolved tree the bytecode compiler lowers without resolving a name or a type again.
//!
//! Every expression carries its [`TypeId`] and [`Span`]. Names are resolved to
//! locals (per function, with capture/address-taken flags), captures, globals,
//! functions or folded constants; implicit conversions are explicit nodes
//! ([`ExprKind::ToIface`], constants already converted to their final type);
//! selectors are field paths with explicit derefs; method calls are static calls
//! with their receiver already adjusted (`&x`, `*p`) or interface calls by
//! method index. Break/continue name their target statement by [`TargetId`].

use gomini_lexer::Span;

pub use crate::types::FuncId;
use crate::types::{TypeId, TypeTable};

/// A whole checked program: every function of `main` and of the imported library packages.
#[derive(Debug)]
pub struct Program {
    pub types: TypeTable,
    /// Indexed by [`FuncId`]: declared functions, methods, func literals, natives.
    pub funcs: Vec<Func>,
    /// Indexed by [`GlobalId`]: package-level variables of every package.
    pub globals: Vec<Global>,
    /// Package-level variable initialisation in Go's order (dependencies first,
    /// imported packages before their importers), then each package's `init` calls.
    pub init: Vec<Stmt>,
    /// `main.main`.
    pub main: FuncId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(pub u32);

/// A variable's index in its function's `locals`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);

/// A breakable/continuable statement (loop, switch, select), unique within its function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TargetId(pub u32);

#[derive(Debug)]
pub struct Global {
    /// Qualified as Go prints it in traces: `main.counter`.
    pub name: String,
    pub ty: TypeId,
    pub span: Span,
}

/// One function body (or a native's declaration).
#[derive(Debug)]
pub struct Func {
    /// Go's name for stack traces: `main.f`, `main.(*T).M`, `main.T.M`, `main.main.func1`.
    pub name: String,
    /// Package path (`main`, `strings`, `sync/atomic`).
    pub pkg: String,
    /// The full signature (`Type::Func`); for a method, without the receiver.
    pub sig: TypeId,
    /// The receiver variable of a method (a local, also listed in `params` first).
    pub recv: Option<LocalId>,
    /// Parameters in order (receiver first for methods); the last is a slice when variadic.
    pub params: Vec<LocalId>,
    /// Result variables: named results are ordinary locals; unnamed ones get a hidden local.
    pub results: Vec<LocalId>,
    /// Every variable declared in the function, including params and results.
    pub locals: Vec<Local>,
    /// For a func literal: what each capture slot refers to in the enclosing function.
    pub captures: Vec<Capture>,
    /// `None` for a native (bodiless library declaration); see `native`.
    pub body: Option<Vec<Stmt>>,
    /// The qualified name the runtime implements (`fmt.Sprintf`, `(*strings.Builder).Grow`) when bodiless.
    pub native: Option<String>,
    pub span: Span,
}

/// A variable of a function.
#[derive(Debug, Clone)]
pub struct Local {
    pub name: String,
    pub ty: TypeId,
    pub span: Span,
    /// Read by the compiler: a func literal captures it, so it lives in a heap cell.
    pub captured: bool,
    /// Read by the compiler: `&x` (or a method call with pointer receiver) takes its address.
    pub addr_taken: bool,
    /// A loop variable of a three-clause or range `for` declared with `:=`: with
    /// per-iteration semantics (Go 1.22) a captured one gets a fresh cell each iteration.
    pub per_iteration: bool,
}

/// Where a func literal's capture slot comes from, in the enclosing function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capture {
    Local(LocalId),
    /// The enclosing function's own capture slot.
    Capture(u32),
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum StmtKind {
    /// An expression for its effect (its value(s) discarded).
    Expr(Expr),
    /// Set `local` to its type's zero value (a `var x T` without initialiser; also
    /// declares it: a captured local gets its fresh cell here).
    Zero(LocalId),
    /// Declare `local` (fresh cell if captured) and initialise it from `value`.
    Init(LocalId, Expr),
    /// Parallel assignment `a, b = x, y`: all right sides (and the left sides'
    /// index/pointer operands) are evaluated before any store, in Go's order.
    Assign {
        lhs: Vec<Place>,
        rhs: Vec<Expr>,
    },
    /// `a, b = f()` / `v, ok = m[k]` ...: `rhs` has a `Tuple` type of `lhs.len()`
    /// elements; an element stored into an interface-typed place is boxed by the
    /// compiler (the element and place types tell it when). `DefineTuple` likewise.
    AssignTuple {
        lhs: Vec<Place>,
        rhs: Expr,
    },
    /// `x op= y` (also `x++` as `x += 1`); `x` is evaluated once.
    OpAssign {
        place: Place,
        op: BinOp,
        rhs: Expr,
    },
    /// Declare these locals (by `:=` or `var`) and initialise from a tuple.
    DefineTuple {
        locals: Vec<Option<LocalId>>,
        rhs: Expr,
    },
    Send {
        chan: Expr,
        value: Expr,
    },
    /// `go f(args)`: `call` is a `Call` or `Builtin` expression; callee and args evaluated now.
    Go(Expr),
    /// `defer f(args)`: same shape as `Go`.
    Defer(Expr),
    /// Assign `values` to the result locals (none for a bare return or none-valued
    /// function), then run the defers and return. `values` may be a single tuple
    /// call (`return f()`), whose elements the compiler boxes where a result is an interface.
    Return(Vec<Expr>),
    Block(Vec<Stmt>),
    If {
        cond: Expr,
        then: Vec<Stmt>,
        els: Option<Vec<Stmt>>,
    },
    /// `for init; cond; post { body }` with `init` hoisted before it by the checker
    /// into `Block`. `per_iteration` lists the loop variables copied into fresh
    /// cells each iteration (only captured ones matter).
    For {
        target: TargetId,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Vec<Stmt>,
        per_iteration: Vec<LocalId>,
    },
    Range(Box<Range>),
    Switch(Box<Switch>),
    TypeSwitch(Box<TypeSwitch>),
    Select(Box<Select>),
    Break(TargetId),
    Continue(TargetId),
    /// Only as the last statement of a switch case: jump into the next case's body.
    Fallthrough,
    /// A labelled statement that is not a loop/switch/select (the label only names it).
    Labeled(Box<Stmt>),
}

/// An assignable location.
#[derive(Debug)]
pub enum Place {
    /// `_`: the value is evaluated and dropped.
    Blank,
    Local(LocalId),
    Capture(u32),
    Global(GlobalId),
    /// `*p` (explicit or an implicit deref on the way to a field); panics on nil.
    Deref(Expr),
    /// A field of an addressable struct place.
    Field(Box<Place>, u32),
    /// An element of an addressable array place.
    ArrayIndex(Box<Place>, Expr),
    /// An element of a slice value.
    SliceIndex(Expr, Expr),
    /// `m[k] = v`: panics on a nil map.
    MapIndex(Expr, Expr),
}

/// `for k, v := range subject`.
#[derive(Debug)]
pub struct Range {
    pub target: TargetId,
    pub kind: RangeKind,
    pub subject: Expr,
    /// Key/value destinations; `None` when absent or `_`.
    pub key: Option<Place>,
    pub value: Option<Place>,
    /// Whether key/value are fresh per-iteration variables declared by `:=`.
    pub define: bool,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeKind {
    /// `range 10`: the subject is an integer of the loop variable's type.
    Int,
    /// Over an array value (the subject is copied once, as Go does).
    Array,
    /// Over `*[N]T`.
    ArrayPtr,
    Slice,
    /// Over bytes decoding runes: key is the byte index, value the rune.
    String,
    Map,
    Chan,
}

/// An expression switch; `tag` is `None` for `switch {` (i.e. `switch true`).
#[derive(Debug)]
pub struct Switch {
    pub target: TargetId,
    pub init: Option<Stmt>,
    pub tag: Option<Expr>,
    pub cases: Vec<SwitchCase>,
}

#[derive(Debug)]
pub struct SwitchCase {
    /// With a tag: values of the tag's type (boxed with `ToIface` when the tag is
    /// an interface), each compared with `==` against the tag evaluated once, in
    /// order. Without a tag: `bool` conditions.
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    /// The body ends in `fallthrough`.
    pub falls_through: bool,
    pub span: Span,
}

/// `switch bind := subject.(type) { ... }`.
#[derive(Debug)]
pub struct TypeSwitch {
    pub target: TargetId,
    pub init: Option<Stmt>,
    /// The interface value switched on.
    pub subject: Expr,
    pub cases: Vec<TypeCase>,
}

#[derive(Debug)]
pub struct TypeCase {
    /// Types to match; `None` is the `nil` case. Interface types match by method set.
    pub types: Vec<Option<TypeId>>,
    pub is_default: bool,
    /// The clause's own variable (the subject converted to the case type when the
    /// clause lists exactly one type, else the interface value), if bound and used.
    pub bind: Option<LocalId>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Select {
    pub target: TargetId,
    pub cases: Vec<SelectCase>,
}

#[derive(Debug)]
pub struct SelectCase {
    pub kind: SelectKind,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug)]
pub enum SelectKind {
    Default,
    Send {
        chan: Expr,
        value: Expr,
    },
    /// `case v, ok := <-ch` / `case v = <-ch` / `case <-ch`: `value`/`ok` receive the results.
    Recv {
        chan: Expr,
        value: Option<RecvDest>,
        ok: Option<RecvDest>,
    },
}

#[derive(Debug)]
pub enum RecvDest {
    /// Declared by `:=` in the case.
    Define(LocalId),
    Assign(Place),
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: TypeId,
    pub span: Span,
}

/// A constant already converted to its final (typed) type.
#[derive(Debug, Clone, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    /// Any integer kind, as its two's-complement bits (uint64 values above i64::MAX wrap).
    Int(i64),
    /// float32 values are already rounded to float32.
    Float(f64),
    String(Box<[u8]>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Not,
    BitNot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    LogAnd,
    LogOr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// Between integer/float kinds (with Go's truncation/wraparound).
    Numeric,
    /// `string(r)` of an integer: the rune's UTF-8 (U+FFFD when invalid).
    IntToString,
    BytesToString,
    RunesToString,
    StringToBytes,
    StringToRunes,
    /// Same underlying type: a no-op at run time except for the static type.
    Retype,
    /// `[N]T(s)`: copies the first N elements; panics if `len(s) < N`.
    SliceToArray,
    /// `(*[N]T)(s)`: points at s's backing array; panics if `len(s) < N`.
    SliceToArrayPtr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    Len,
    Cap,
    Append,
    /// `append(s, xs...)`: the second argument is a slice of the element type (or a string for `[]byte`).
    AppendSpread,
    Copy,
    Delete,
    Make,
    New,
    Panic,
    Recover,
    Print,
    Println,
    Close,
    Min,
    Max,
    Clear,
}

#[derive(Debug)]
pub enum ExprKind {
    Const(ConstValue),
    /// The zero value of `ty` written as `nil` (pointer, slice, map, chan, func, interface).
    Nil,
    Local(LocalId),
    /// A func literal's capture slot (see [`Func::captures`]).
    Capture(u32),
    Global(GlobalId),
    /// A declared function as a value.
    Func(FuncId),
    /// A func literal: a closure over the enclosing function's captures listed in the callee's `captures`.
    Closure(FuncId),
    Unary(UnOp, Box<Expr>),
    /// Arithmetic, comparison and logic. Operands have identical types except
    /// for shifts (count: any integer) and comparisons of an interface with a
    /// non-interface (the non-interface side is already boxed by `ToIface`).
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Convert(Conversion, Box<Expr>),
    /// Box a value of a non-interface type into the interface `ty`, or re-type
    /// an interface value as another interface.
    ToIface(Box<Expr>),
    /// `*p`: panics on nil.
    Deref(Box<Expr>),
    /// `&place`; also `&T{...}` where the place is a composite literal temporary.
    AddrOf(Box<Place>),
    /// `&T{...}`: a fresh variable initialised with the literal.
    AddrOfLit(Box<Expr>),
    /// A field of a struct value (`base` is a struct, never a pointer: derefs are explicit).
    Field(Box<Expr>, u32),
    /// An element of an array value.
    ArrayIndex(Box<Expr>, Box<Expr>),
    SliceIndex(Box<Expr>, Box<Expr>),
    /// A byte of a string.
    StringIndex(Box<Expr>, Box<Expr>),
    /// `m[k]` (zero value when absent).
    MapIndex(Box<Expr>, Box<Expr>),
    /// `m[k]` in a `v, ok` context: a tuple (value, bool).
    MapIndexOk(Box<Expr>, Box<Expr>),
    /// `x[lo:hi:max]` of a slice, string, or addressable array (`base` is then `AddrOf`, a pointer to array).
    Slice {
        base: Box<Expr>,
        low: Option<Box<Expr>>,
        high: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`; `ty` is T. Panics with Go's interface-conversion message on failure.
    TypeAssert(Box<Expr>, TypeId),
    /// `x.(T)` in a `v, ok` context: a tuple (T, bool).
    TypeAssertOk(Box<Expr>, TypeId),
    /// `<-ch`.
    Recv(Box<Expr>),
    /// `<-ch` in a `v, ok` context: a tuple (T, bool).
    RecvOk(Box<Expr>),
    Call(Box<Call>),
    Builtin(Builtin, Vec<Expr>),
    /// `T{...}` of a struct: `fields[i]` is the value of field `i` (missing ones zero).
    StructLit(Vec<Option<Expr>>),
    /// `[N]T{...}` / `[]T{...}` with each element's index resolved; `len` is the
    /// array length or the slice's length (max index + 1).
    ArrayLit {
        len: u64,
        elems: Vec<(u64, Expr)>,
    },
    SliceLit {
        len: u64,
        elems: Vec<(u64, Expr)>,
    },
    MapLit(Vec<(Expr, Expr)>),
    /// `x.M` bound to its receiver (the receiver already adjusted and evaluated now).
    MethodValue {
        recv: Box<Expr>,
        func: FuncId,
    },
    /// `i.M` of an interface value: `method` indexes its sorted method set.
    IfaceMethodValue {
        recv: Box<Expr>,
        method: u32,
    },
    /// `T.M` / `(*T).M`: a function taking the receiver first. `func` is the
    /// method; `deref` says a `(*T).M` expression calls a value-receiver method.
    MethodExpr {
        func: FuncId,
        deref: bool,
    },
    /// `I.M`: a function taking the interface value first.
    IfaceMethodExpr {
        iface: TypeId,
        method: u32,
    },
}

/// A call, with its callee resolved.
#[derive(Debug)]
pub struct Call {
    pub callee: Callee,
    /// Arguments after conversion to the parameter types. With `spread`
    /// (`f(xs...)`) the last is the variadic slice itself; otherwise the
    /// compiler packs the trailing variadic arguments, counted by the signature.
    pub args: Vec<Expr>,
    pub spread: bool,
    /// A single argument that is itself a multi-result call (`f(g())`): the
    /// tuple is spread into the parameters. Its element types (the call's
    /// `Tuple` type) may differ from the parameter types in `sig` only by
    /// needing `ToIface` boxing (or a variadic pack), which the compiler does.
    pub tuple_arg: bool,
    /// The callee's signature (`Type::Func`).
    pub sig: TypeId,
}

#[derive(Debug)]
pub enum Callee {
    /// A declared function or method called statically; for a method the
    /// receiver is the first argument, already adjusted (`&x` or `*p`).
    Static(FuncId),
    /// A method of an interface value: `method` indexes its sorted method set.
    Iface { recv: Box<Expr>, method: u32 },
    /// A func value (a variable, a closure, a method value...).
    Value(Box<Expr>),
}
