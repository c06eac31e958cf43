//! The universe block: Go's predeclared types, constants, `nil` and builtin functions.

use crate::check::HashMap;

use crate::hir::Builtin;
use crate::types::TypeId;

/// What a predeclared name denotes.
#[derive(Clone, Copy, Debug)]
pub enum Predeclared {
    Type(TypeId),
    /// `true`/`false` (untyped bool constants).
    Bool(bool),
    /// `iota` outside a const declaration is an error; inside, the spec's index.
    Iota,
    /// `complex64`, `complex128`, `complex`, `real`, `imag`: Go has them, gomini does not.
    Complex,
    Nil,
    Builtin(Builtin),
}

pub fn predeclared() -> HashMap<&'static str, Predeclared> {
    let mut m = HashMap::default();
    for (name, ty) in [
        ("bool", TypeId::BOOL),
        ("string", TypeId::STRING),
        ("int", TypeId::INT),
        ("int8", TypeId::INT8),
        ("int16", TypeId::INT16),
        ("int32", TypeId::INT32),
        ("rune", TypeId::RUNE),
        ("int64", TypeId::INT64),
        ("uint", TypeId::UINT),
        ("uint8", TypeId::UINT8),
        ("byte", TypeId::BYTE),
        ("uint16", TypeId::UINT16),
        ("uint32", TypeId::UINT32),
        ("uint64", TypeId::UINT64),
        ("uintptr", TypeId::UINTPTR),
        ("float32", TypeId::FLOAT32),
        ("float64", TypeId::FLOAT64),
        ("any", TypeId::ANY),
        ("error", TypeId::ERROR),
    ] {
        m.insert(name, Predeclared::Type(ty));
    }
    m.insert("true", Predeclared::Bool(true));
    m.insert("false", Predeclared::Bool(false));
    m.insert("iota", Predeclared::Iota);
    for name in ["complex64", "complex128", "complex", "real", "imag"] {
        m.insert(name, Predeclared::Complex);
    }
    m.insert("nil", Predeclared::Nil);
    for (name, b) in [
        ("len", Builtin::Len),
        ("cap", Builtin::Cap),
        ("append", Builtin::Append),
        ("copy", Builtin::Copy),
        ("delete", Builtin::Delete),
        ("make", Builtin::Make),
        ("new", Builtin::New),
        ("panic", Builtin::Panic),
        ("recover", Builtin::Recover),
        ("print", Builtin::Print),
        ("println", Builtin::Println),
        ("close", Builtin::Close),
        ("min", Builtin::Min),
        ("max", Builtin::Max),
        ("clear", Builtin::Clear),
    ] {
        m.insert(name, Predeclared::Builtin(b));
    }
    m
}

/// The builtin's name as written.
pub fn builtin_name(b: Builtin) -> &'static str {
    match b {
        Builtin::Len => "len",
        Builtin::Cap => "cap",
        Builtin::Append | Builtin::AppendSpread => "append",
        Builtin::Copy => "copy",
        Builtin::Delete => "delete",
        Builtin::Make => "make",
        Builtin::New => "new",
        Builtin::Panic => "panic",
        Builtin::Recover => "recover",
        Builtin::Print => "print",
        Builtin::Println => "println",
        Builtin::Close => "close",
        Builtin::Min => "min",
        Builtin::Max => "max",
        Builtin::Clear => "clear",
    }
}
