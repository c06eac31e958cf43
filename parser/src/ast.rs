//! The syntax tree of one Go file: every node carries the [`Span`] of its source text.
//!
//! The tree is syntax only. It does not know whether an identifier names a type,
//! a variable or a package: `T(x)` is a [`ExprKind::Call`] whether `T` is a
//! function or a type, `*p` is a [`UnaryOp::Deref`] even in `(*T)(x)`, and the
//! checker decides. Type syntax that cannot be an expression (`[]int`, `map[K]V`,
//! `chan T`, `func(int)`, `struct{...}`, `interface{...}`) appears in expression
//! position as [`ExprKind::Type`], so `make([]int, 3)` and `[]byte(s)` parse.
//!
//! Grouped declarations are flattened where nothing is lost: `a, b int` in a
//! parameter list becomes two [`Param`]s sharing a cloned type. Literals keep
//! their source text (numbers) or their decoded bytes (strings, runes), so the
//! checker can do Go's exact constant arithmetic.

use gomini_lexer::Span;

/// A name and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: Box<str>,
    pub span: Span,
}

/// One source file: `package main`, its imports and its top-level declarations.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub package: Ident,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
}

/// `import alias "path"`; `alias` is `_`, `.` or a name when written.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub alias: Option<Ident>,
    pub path: Box<str>,
    /// The span of the quoted path (where Go reports `"os" imported and not used`).
    pub path_span: Span,
    pub span: Span,
}

// ---------------------------------------------------------------------------
// Declarations
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    Func(FuncDecl),
    Var(VarDecl),
    Const(ConstDecl),
    Type(TypeDecl),
}

/// `func (recv) name(params) results { body }`; `body` is `None` for a bodiless
/// declaration (which gomini rejects in the checker: it has no assembly).
#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    pub recv: Option<Param>,
    pub name: Ident,
    pub sig: FuncType,
    pub body: Option<Block>,
    pub span: Span,
}

/// `var x, y T = a, b` or a parenthesised group of such specs.
#[derive(Clone, Debug, PartialEq)]
pub struct VarDecl {
    pub specs: Vec<VarSpec>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarSpec {
    pub names: Vec<Ident>,
    pub ty: Option<TypeExpr>,
    pub values: Vec<Expr>,
    pub span: Span,
}

/// `const ( ... )`: in a group, a spec with no `values` repeats the previous
/// spec's type and expressions (Go's implicit repetition), with its own `iota`.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstDecl {
    pub specs: Vec<ConstSpec>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConstSpec {
    pub names: Vec<Ident>,
    pub ty: Option<TypeExpr>,
    pub values: Vec<Expr>,
    /// The spec's index in its group: the value of `iota` inside it.
    pub iota: u32,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeDecl {
    pub specs: Vec<TypeSpec>,
    pub span: Span,
}

/// `type Name T`, or `type Name = T` when `alias` is set.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeSpec {
    pub name: Ident,
    pub alias: bool,
    pub ty: TypeExpr,
    pub span: Span,
}

// ---------------------------------------------------------------------------
// Types as written
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeExprKind {
    /// `int`, `T`, or `pkg.T` (`time.Duration`, `sync.Mutex`).
    Name { pkg: Option<Ident>, name: Ident },
    /// `*T`
    Pointer(Box<TypeExpr>),
    /// `[]T`
    Slice(Box<TypeExpr>),
    /// `[N]T`; `len` is `None` for `[...]T` (only legal in a composite literal).
    Array {
        len: Option<Box<Expr>>,
        elem: Box<TypeExpr>,
    },
    /// `map[K]V`
    Map {
        key: Box<TypeExpr>,
        value: Box<TypeExpr>,
    },
    /// `chan T`, `<-chan T`, `chan<- T`
    Chan { dir: ChanDir, elem: Box<TypeExpr> },
    /// `func(params) results`
    Func(FuncType),
    /// `struct { fields }`
    Struct(Vec<FieldDecl>),
    /// `interface { elems }`
    Interface(Vec<InterfaceElem>),
    /// `(T)`: kept so spans and printing stay faithful.
    Paren(Box<TypeExpr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// A signature. `a, b int` is flattened into two params with the same type.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    pub params: Vec<Param>,
    pub results: Vec<Param>,
    pub span: Span,
}

/// One parameter, result or receiver. `name` is `None` when unnamed;
/// `variadic` marks `...T` (only legal on the last parameter).
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Option<Ident>,
    pub ty: TypeExpr,
    pub variadic: bool,
    pub span: Span,
}

/// `a, b T "tag"` in a struct; `names` is empty for an embedded field (`T`, `*T`, `pkg.T`).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDecl {
    pub names: Vec<Ident>,
    pub ty: TypeExpr,
    pub tag: Option<Box<[u8]>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    /// `Name(params) results`
    Method { name: Ident, sig: FuncType },
    /// An embedded interface: `fmt.Stringer`, `error`, `Reader`.
    Embed(TypeExpr),
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

/// `{ stmts }`; `span` covers both braces, so `span.end - 1` is the closing
/// brace (where Go reports `missing return`).
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// A lone `;`.
    Empty,
    /// An expression evaluated for its effect (a call or a receive).
    Expr(Expr),
    /// `ch <- v`
    Send {
        chan: Expr,
        value: Expr,
    },
    /// `x++` (`inc`) or `x--`.
    IncDec {
        target: Expr,
        inc: bool,
    },
    /// `a, b = x, y` (`op` is `None`) or `a += x` (`op` is the binary operator).
    Assign {
        lhs: Vec<Expr>,
        op: Option<BinaryOp>,
        rhs: Vec<Expr>,
        op_span: Span,
    },
    /// `a, b := x, y`. The parser reports a non-name on the left and keeps the names it has.
    Define {
        names: Vec<Ident>,
        values: Vec<Expr>,
        op_span: Span,
    },
    Var(VarDecl),
    Const(ConstDecl),
    Type(TypeDecl),
    /// `go f(x)`: the operand must be a call.
    Go(Expr),
    /// `defer f(x)`: the operand must be a call.
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Fallthrough,
    Block(Block),
    If(Box<IfStmt>),
    Switch(Box<SwitchStmt>),
    TypeSwitch(Box<TypeSwitchStmt>),
    Select(Vec<CommClause>),
    For(Box<ForStmt>),
    Range(Box<RangeStmt>),
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
}

/// `if init; cond { then } else els`; `els` is an `If` or a `Block` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct IfStmt {
    pub init: Option<Stmt>,
    pub cond: Expr,
    pub then: Block,
    pub els: Option<Stmt>,
}

/// `switch init; tag { cases }`; no `tag` means `switch true`.
#[derive(Clone, Debug, PartialEq)]
pub struct SwitchStmt {
    pub init: Option<Stmt>,
    pub tag: Option<Expr>,
    pub cases: Vec<CaseClause>,
    /// The closing brace, for errors about the switch as a whole.
    pub body_span: Span,
}

/// `case a, b:` (or `default:` when `is_default`) and its statements.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// `switch init; bind := subject.(type) { cases }`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeSwitchStmt {
    pub init: Option<Stmt>,
    pub bind: Option<Ident>,
    pub subject: Expr,
    pub cases: Vec<TypeCaseClause>,
    pub body_span: Span,
}

/// `case int, *T, nil:`; `nil` appears as a `Name` type expression named `nil`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeCaseClause {
    pub types: Vec<TypeExpr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// A `select` case: `comm` is a send, a receive expression statement, or an
/// assignment/define whose right side is a receive; `None` is `default`.
#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    pub comm: Option<Stmt>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// `for init; cond; post { body }`; all three optional (`for {}` and `for cond {}`).
#[derive(Clone, Debug, PartialEq)]
pub struct ForStmt {
    pub init: Option<Stmt>,
    pub cond: Option<Expr>,
    pub post: Option<Stmt>,
    pub body: Block,
}

/// `for key, value := range subject { body }` (`define`), or with `=`, or bare `for range x`.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeStmt {
    pub key: Option<Expr>,
    pub value: Option<Expr>,
    pub define: bool,
    pub subject: Expr,
    pub body: Block,
    /// The `range` keyword.
    pub range_span: Span,
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Ident(Ident),
    /// An integer literal's source text, underscores and all (`0x_FF`, `017`).
    Int(Box<str>),
    /// A float literal's source text (`1e21`, `.5`, `0x1p-2`).
    Float(Box<str>),
    /// An imaginary literal's source text (`2i`): parsed so it can be reported as unsupported.
    Imag(Box<str>),
    /// A rune literal's value (`'a'`, `'\xff'` is 255).
    Rune(u32),
    /// A string literal's bytes after escapes; raw strings have `\r` removed, as in Go.
    Str(Box<[u8]>),
    /// `T{elems}`; `ty` is `None` for an elided inner literal (`[]P{{1, 2}}`).
    Composite(Box<CompositeLit>),
    /// `func(params) results { body }`
    FuncLit(Box<FuncLit>),
    /// `(e)`
    Paren(Box<Expr>),
    /// `x.name`
    Selector(Box<Expr>, Ident),
    /// `x[i]`
    Index(Box<Expr>, Box<Expr>),
    /// `x[lo:hi]` or `x[lo:hi:max]` (`three_index`).
    Slice {
        expr: Box<Expr>,
        low: Option<Box<Expr>>,
        high: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
        three_index: bool,
    },
    /// `x.(T)`; `ty` is `None` for `x.(type)`, legal only as a type switch's guard.
    TypeAssert(Box<Expr>, Option<Box<TypeExpr>>),
    /// `f(args)` or `f(args...)` (`ellipsis` is the span of `...`).
    /// `lparen`/`rparen` are where Go reports argument-count errors.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        ellipsis: Option<Span>,
        lparen: Span,
        rparen: Span,
    },
    Unary(UnaryOp, Box<Expr>),
    /// `op_span` is the operator token, where Go reports many binary errors.
    Binary {
        op: BinaryOp,
        op_span: Span,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// Type syntax that cannot be an expression: `[]int`, `map[K]V`, `chan T`, ...
    Type(Box<TypeExpr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompositeLit {
    pub ty: Option<TypeExpr>,
    pub elems: Vec<Element>,
    /// `{ ... }` including braces.
    pub body_span: Span,
}

/// `key: value` or `value` in a composite literal. A struct field key is an
/// `Ident` expression; an elided inner literal is a `Composite` with no type.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub key: Option<Expr>,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncLit {
    pub sig: FuncType,
    pub body: Block,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `+x`
    Plus,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
    /// `*x`
    Deref,
    /// `&x`
    Addr,
    /// `<-x`
    Recv,
}

/// Binary operators, grouped by Go's precedence (5 binds tightest).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    // 5
    Mul,
    Div,
    Rem,
    Shl,
    Shr,
    And,
    AndNot,
    // 4
    Add,
    Sub,
    Or,
    Xor,
    // 3
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    // 2
    LogAnd,
    // 1
    LogOr,
}

impl BinaryOp {
    /// Go's precedence: 5 for `* / % << >> & &^` down to 1 for `||`.
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            Mul | Div | Rem | Shl | Shr | And | AndNot => 5,
            Add | Sub | Or | Xor => 4,
            Eq | Ne | Lt | Le | Gt | Ge => 3,
            LogAnd => 2,
            LogOr => 1,
        }
    }

    /// The operator as written in Go source.
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Mul => "*",
            Div => "/",
            Rem => "%",
            Shl => "<<",
            Shr => ">>",
            And => "&",
            AndNot => "&^",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            LogAnd => "&&",
            LogOr => "||",
        }
    }
}

impl UnaryOp {
    /// The operator as written in Go source.
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Plus => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::BitNot => "^",
            UnaryOp::Deref => "*",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
        }
    }
}
