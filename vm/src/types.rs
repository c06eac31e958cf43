//! Go's types as interned plain data: a [`TypeId`] indexes a [`TypeTable`], and two types are identical exactly when their canonical ids are equal.
//!
//! Structural types (slices, maps, funcs, structs, ...) are deduplicated by their
//! structure; each named type declaration gets a fresh [`NamedType`] entry. The
//! predeclared aliases `byte` and `rune` have ids of their own so that compile
//! errors name the type as the program spelled it (`[]byte`, not `[]uint8`);
//! [`TypeTable::canonical`] replaces them by `uint8`/`int32` everywhere inside a
//! type, and identity ([`TypeTable::identical`]) compares canonical ids. The
//! table holds no AST references: the checker builds it and hands it to the
//! runtime, which reads it for `%T`/`%v`, type assertions and interface method
//! lookup.

use indexmap::IndexSet;
use std::fmt::Write;

/// An index into the [`TypeTable`]. Identical types have equal ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// An index into the program's function list (see `hir::Program::funcs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);

/// The predeclared basic kinds, typed and untyped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Basic {
    Bool,
    String,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedString,
    UntypedNil,
    /// The type of an operand whose type could not be determined; it suppresses follow-on errors.
    Invalid,
}

impl Basic {
    pub fn name(self) -> &'static str {
        use Basic::*;
        match self {
            Bool => "bool",
            String => "string",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
            Invalid => "invalid type",
        }
    }
    pub fn is_untyped(self) -> bool {
        use Basic::*;
        matches!(
            self,
            UntypedBool | UntypedInt | UntypedRune | UntypedFloat | UntypedString | UntypedNil
        )
    }
    pub fn is_integer(self) -> bool {
        use Basic::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }
    pub fn is_unsigned(self) -> bool {
        use Basic::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        matches!(self, Basic::Float32 | Basic::Float64 | Basic::UntypedFloat)
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float()
    }
    pub fn is_string(self) -> bool {
        matches!(self, Basic::String | Basic::UntypedString)
    }
    pub fn is_boolean(self) -> bool {
        matches!(self, Basic::Bool | Basic::UntypedBool)
    }
    /// Size in bits of a sized integer or float (int, uint and uintptr are 64 bits, as on amd64).
    pub fn bits(self) -> u32 {
        use Basic::*;
        match self {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 | Float32 => 32,
            _ => 64,
        }
    }
}

/// Direction of a channel type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

/// A function signature; `variadic` means the last param is `...T` (stored as `[]T`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    pub variadic: bool,
}

/// One struct field. The runtime reads `name` for `%+v` and `embedded` for promotion.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: Box<str>,
    pub ty: TypeId,
    pub embedded: bool,
    /// Package of an unexported field (it makes `struct{x int}` of two packages differ).
    pub pkg: Option<Box<str>>,
}

/// One interface method: name and signature (a `Type::Func` id).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    pub name: Box<str>,
    pub sig: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Basic(Basic),
    Array {
        len: u64,
        elem: TypeId,
    },
    Slice(TypeId),
    Map {
        key: TypeId,
        value: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Func(Signature),
    Pointer(TypeId),
    Struct(Vec<Field>),
    /// Methods sorted by name, embedded interfaces already flattened in.
    Interface(Vec<IfaceMethod>),
    /// The index of a [`NamedType`] in [`TypeTable::named`].
    Named(u32),
    /// The results of a call returning several values; never the type of a variable.
    Tuple(Vec<TypeId>),
    /// A predeclared alias of a basic type: `byte` (of `uint8`) or `rune` (of
    /// `int32`). Identical to the basic type; only compile errors print it.
    Alias(Basic),
    /// The predeclared alias `any`, identical to `interface{}`; only compile
    /// errors print it (`%T` says `interface {}`).
    Any,
    /// A func type as a declaration or literal spelled it, with parameter and
    /// result names (`func(x int) (n int, err error)`). Identical to the
    /// unnamed [`Type::Func`] (its canonical form); only compile errors print
    /// the names. `param_names`/`result_names` are empty when unnamed.
    NamedParamsFunc {
        sig: Signature,
        param_names: Vec<Box<str>>,
        result_names: Vec<Box<str>>,
    },
}

/// A method declared on a named type. The runtime reads `func` for interface calls.
#[derive(Clone, Debug)]
pub struct Method {
    pub name: Box<str>,
    /// Declared with a pointer receiver `(p *T)`.
    pub ptr_recv: bool,
    /// The method's signature without the receiver.
    pub sig: TypeId,
    pub func: FuncId,
}

/// A declared type `type Name Underlying` with its methods.
#[derive(Clone, Debug)]
pub struct NamedType {
    /// Package path (`main`, `errors`, `sync/atomic`), empty for predeclared `error`.
    pub pkg: Box<str>,
    pub name: Box<str>,
    /// Set by the checker once the declaration is resolved; `invalid` until then.
    pub underlying: TypeId,
    /// Sorted by name once the package is checked.
    pub methods: Vec<Method>,
}

/// How type names are qualified when printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style<'a> {
    /// As `%T` and `%v` print at run time: `main.P`, `struct { X int }`, `interface {}`.
    Runtime,
    /// As Go's compile errors print, relative to package `pkg`: `P`, `struct{X int}`, `time.Duration`.
    Compiler(&'a str),
}

/// All types of a program; see the module doc.
#[derive(Clone, Debug)]
pub struct TypeTable {
    /// Hashed with foldhash, not std's SipHash: interning hashes a type at
    /// every use the checker resolves (8% of checking hello world with
    /// SipHash). Fixed-seeded: iteration keeps insertion order anyway.
    types: IndexSet<Type, foldhash::fast::FixedState>,
    /// For each type, the id of the identical type spelled without aliases.
    canonical: Vec<TypeId>,
    pub named: Vec<NamedType>,
}

/// Well-known ids, fixed by [`TypeTable::new`]'s insertion order.
impl TypeId {
    pub const INVALID: TypeId = TypeId(0);
    pub const BOOL: TypeId = TypeId(1);
    pub const STRING: TypeId = TypeId(2);
    pub const INT: TypeId = TypeId(3);
    pub const INT8: TypeId = TypeId(4);
    pub const INT16: TypeId = TypeId(5);
    pub const INT32: TypeId = TypeId(6);
    pub const INT64: TypeId = TypeId(7);
    pub const UINT: TypeId = TypeId(8);
    pub const UINT8: TypeId = TypeId(9);
    pub const UINT16: TypeId = TypeId(10);
    pub const UINT32: TypeId = TypeId(11);
    pub const UINT64: TypeId = TypeId(12);
    pub const UINTPTR: TypeId = TypeId(13);
    pub const FLOAT32: TypeId = TypeId(14);
    pub const FLOAT64: TypeId = TypeId(15);
    pub const UNTYPED_BOOL: TypeId = TypeId(16);
    pub const UNTYPED_INT: TypeId = TypeId(17);
    pub const UNTYPED_RUNE: TypeId = TypeId(18);
    pub const UNTYPED_FLOAT: TypeId = TypeId(19);
    pub const UNTYPED_STRING: TypeId = TypeId(20);
    pub const UNTYPED_NIL: TypeId = TypeId(21);
    /// `interface{}` (also `any`).
    pub const EMPTY_INTERFACE: TypeId = TypeId(22);
    /// The predeclared `error` (a named type).
    pub const ERROR: TypeId = TypeId(23);
    /// The empty tuple: the "type" of a call with no results.
    pub const VOID: TypeId = TypeId(24);
    /// The predeclared alias `byte`, identical to `uint8`.
    pub const BYTE: TypeId = TypeId(25);
    /// The predeclared alias `rune`, identical to `int32`.
    pub const RUNE: TypeId = TypeId(26);
    /// The predeclared alias `any`, identical to `interface{}`.
    pub const ANY: TypeId = TypeId(27);
}

const BASICS: [Basic; 22] = [
    Basic::Invalid,
    Basic::Bool,
    Basic::String,
    Basic::Int,
    Basic::Int8,
    Basic::Int16,
    Basic::Int32,
    Basic::Int64,
    Basic::Uint,
    Basic::Uint8,
    Basic::Uint16,
    Basic::Uint32,
    Basic::Uint64,
    Basic::Uintptr,
    Basic::Float32,
    Basic::Float64,
    Basic::UntypedBool,
    Basic::UntypedInt,
    Basic::UntypedRune,
    Basic::UntypedFloat,
    Basic::UntypedString,
    Basic::UntypedNil,
];

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub fn new() -> TypeTable {
        let mut table = TypeTable {
            types: IndexSet::default(),
            canonical: Vec::new(),
            named: Vec::new(),
        };
        for basic in BASICS {
            table.intern(Type::Basic(basic));
        }
        let empty = table.intern(Type::Interface(Vec::new()));
        assert_eq!(
            empty,
            TypeId::EMPTY_INTERFACE,
            "type table: fixed ids out of order"
        );
        let error = table.new_named("", "error");
        assert_eq!(error, TypeId::ERROR, "type table: fixed ids out of order");
        table.intern(Type::Tuple(Vec::new()));
        let byte = table.intern(Type::Alias(Basic::Uint8));
        let rune = table.intern(Type::Alias(Basic::Int32));
        let any = table.intern(Type::Any);
        assert_eq!(
            (byte, rune, any),
            (TypeId::BYTE, TypeId::RUNE, TypeId::ANY),
            "type table: fixed ids out of order"
        );
        let string_result = table.intern(Type::Func(Signature {
            params: Vec::new(),
            results: vec![TypeId::STRING],
            variadic: false,
        }));
        let iface = table.intern(Type::Interface(vec![IfaceMethod {
            name: "Error".into(),
            sig: string_result,
        }]));
        table.named[0].underlying = iface;
        table
    }

    /// The id of `ty`, adding it if new.
    pub fn intern(&mut self, ty: Type) -> TypeId {
        if let Some(idx) = self.types.get_index_of(&ty) {
            return TypeId(idx as u32);
        }
        let canonical_ty = self.canonical_type(&ty);
        let (idx, _) = self.types.insert_full(ty);
        let id = TypeId(idx as u32);
        // Reserve the slot first: interning the canonical form may add types.
        self.canonical.push(id);
        if let Some(canonical_ty) = canonical_ty {
            let canonical = self.intern(canonical_ty);
            self.canonical[idx] = canonical;
        }
        id
    }

    /// `ty` with every component replaced by its canonical id, or `None` when
    /// it already is canonical. Components are interned before `ty`, so their
    /// canonical ids are known.
    fn canonical_type(&self, ty: &Type) -> Option<Type> {
        let c = |id: &TypeId| self.canonical[id.0 as usize];
        let sig = |sig: &Signature| Signature {
            params: sig.params.iter().map(c).collect(),
            results: sig.results.iter().map(c).collect(),
            variadic: sig.variadic,
        };
        let canonical = match ty {
            Type::Basic(_) | Type::Named(_) => return None,
            Type::Alias(b) => Type::Basic(*b),
            Type::Any => Type::Interface(Vec::new()),
            Type::NamedParamsFunc { sig: s, .. } => Type::Func(sig(s)),
            Type::Array { len, elem } => Type::Array {
                len: *len,
                elem: c(elem),
            },
            Type::Slice(elem) => Type::Slice(c(elem)),
            Type::Map { key, value } => Type::Map {
                key: c(key),
                value: c(value),
            },
            Type::Chan { dir, elem } => Type::Chan {
                dir: *dir,
                elem: c(elem),
            },
            Type::Func(s) => Type::Func(sig(s)),
            Type::Pointer(elem) => Type::Pointer(c(elem)),
            Type::Struct(fields) => Type::Struct(
                fields
                    .iter()
                    .map(|f| Field {
                        ty: c(&f.ty),
                        ..f.clone()
                    })
                    .collect(),
            ),
            Type::Interface(methods) => Type::Interface(
                methods
                    .iter()
                    .map(|m| IfaceMethod {
                        name: m.name.clone(),
                        sig: c(&m.sig),
                    })
                    .collect(),
            ),
            Type::Tuple(elems) => Type::Tuple(elems.iter().map(c).collect()),
        };
        (canonical != *ty).then_some(canonical)
    }

    /// The identical type spelled without the aliases `byte` and `rune`
    /// (`[]byte` gives `[]uint8`); what the runtime and identity work with.
    pub fn canonical(&self, id: TypeId) -> TypeId {
        self.canonical
            .get(id.0 as usize)
            .copied()
            .expect("type table: TypeId from another table")
    }

    /// Go's type identity: `byte` is `uint8` and `rune` is `int32`, also inside
    /// composite types; every other type is identical only to itself.
    pub fn identical(&self, a: TypeId, b: TypeId) -> bool {
        a == b || self.canonical(a) == self.canonical(b)
    }

    /// A fresh named type with no underlying type yet.
    pub fn new_named(&mut self, pkg: &str, name: &str) -> TypeId {
        let idx = self.named.len() as u32;
        self.named.push(NamedType {
            pkg: pkg.into(),
            name: name.into(),
            underlying: TypeId::INVALID,
            methods: Vec::new(),
        });
        self.intern(Type::Named(idx))
    }

    pub fn get(&self, id: TypeId) -> &Type {
        self.types
            .get_index(id.0 as usize)
            .expect("type table: TypeId from another table")
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// The named type behind `id`, if it is one.
    pub fn named_of(&self, id: TypeId) -> Option<&NamedType> {
        match self.get(id) {
            Type::Named(idx) => Some(&self.named[*idx as usize]),
            _ => None,
        }
    }

    /// Go's underlying type: the type itself unless it is named (or the alias
    /// `byte`/`rune`, whose underlying type is `uint8`/`int32`).
    pub fn underlying(&self, id: TypeId) -> TypeId {
        let mut cur = id;
        for _ in 0..100 {
            match self.get(cur) {
                Type::Named(idx) => cur = self.named[*idx as usize].underlying,
                Type::Alias(_) | Type::Any | Type::NamedParamsFunc { .. } => {
                    cur = self.canonical(cur)
                }
                _ => return cur,
            }
        }
        TypeId::INVALID
    }

    /// Go's underlying type as the program spelled it: like [`Self::underlying`]
    /// but `type B byte` keeps `byte` (Go's messages say `byte type B`).
    pub fn underlying_spelled(&self, id: TypeId) -> TypeId {
        let mut cur = id;
        for _ in 0..100 {
            match self.get(cur) {
                Type::Named(idx) => cur = self.named[*idx as usize].underlying,
                _ => return cur,
            }
        }
        TypeId::INVALID
    }

    /// The underlying type's structure.
    pub fn under(&self, id: TypeId) -> &Type {
        self.get(self.underlying(id))
    }

    pub fn basic(&self, id: TypeId) -> Option<Basic> {
        match self.under(id) {
            Type::Basic(b) => Some(*b),
            _ => None,
        }
    }

    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Slice(elem))
    }
    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Pointer(elem))
    }
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(elems))
    }
    pub fn func(&mut self, params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool) -> TypeId {
        self.intern(Type::Func(Signature {
            params,
            results,
            variadic,
        }))
    }

    pub fn is_untyped(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Basic(b) if b.is_untyped())
    }
    pub fn is_interface(&self, id: TypeId) -> bool {
        matches!(self.under(id), Type::Interface(_))
    }
    pub fn is_named(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Named(_))
    }
    /// The signature of a func type, its params and results as spelled
    /// (`c byte` stays `byte` for messages).
    pub fn signature(&self, id: TypeId) -> Option<&Signature> {
        match self.get(self.underlying_spelled(id)) {
            Type::Func(sig) | Type::NamedParamsFunc { sig, .. } => Some(sig),
            _ => None,
        }
    }
    /// The methods of an interface type (sorted by name).
    pub fn iface_methods(&self, id: TypeId) -> &[IfaceMethod] {
        match self.under(id) {
            Type::Interface(methods) => methods,
            _ => &[],
        }
    }

    /// Whether `==` is defined on values of this type (Go's "comparable").
    pub fn comparable(&self, id: TypeId) -> bool {
        self.comparable_depth(id, 0)
    }
    fn comparable_depth(&self, id: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        match self.under(id) {
            Type::Slice(_) | Type::Map { .. } | Type::Func(_) | Type::Tuple(_) => false,
            Type::Array { elem, .. } => self.comparable_depth(*elem, depth + 1),
            Type::Struct(fields) => fields
                .iter()
                .all(|f| self.comparable_depth(f.ty, depth + 1)),
            _ => true,
        }
    }

    /// The type as Go prints it, in `style`.
    pub fn display(&self, id: TypeId, style: Style) -> String {
        let mut out = String::new();
        self.write(&mut out, id, style, 0);
        out
    }

    fn write(&self, out: &mut String, id: TypeId, style: Style, depth: u32) {
        if depth > 50 {
            out.push_str("...");
            return;
        }
        let runtime = style == Style::Runtime;
        match self.get(id) {
            Type::Basic(b) => out.push_str(b.name()),
            // Go's compile errors keep the alias the program wrote; at run
            // time `%T` of a byte is `uint8`.
            Type::Alias(b) if runtime => out.push_str(b.name()),
            Type::Alias(b) => out.push_str(match b {
                Basic::Uint8 => "byte",
                Basic::Int32 => "rune",
                other => other.name(),
            }),
            Type::Any if runtime => out.push_str("interface {}"),
            Type::Any => out.push_str("any"),
            Type::NamedParamsFunc { sig, .. } if runtime => {
                out.push_str("func");
                self.write_signature(out, sig, style, depth);
            }
            Type::NamedParamsFunc {
                sig,
                param_names,
                result_names,
            } => {
                out.push_str("func");
                self.write_signature_named(out, sig, param_names, result_names, style, depth);
            }
            Type::Named(idx) => {
                let named = &self.named[*idx as usize];
                let qualify = match style {
                    Style::Runtime => !named.pkg.is_empty(),
                    Style::Compiler(pkg) => !named.pkg.is_empty() && &*named.pkg != pkg,
                };
                if qualify {
                    // Go qualifies by the package's name, the last path element.
                    let pkg_name = named.pkg.rsplit('/').next().unwrap_or(&named.pkg);
                    out.push_str(pkg_name);
                    out.push('.');
                }
                out.push_str(&named.name);
            }
            Type::Array { len, elem } => {
                let _ = write!(out, "[{len}]");
                self.write(out, *elem, style, depth + 1);
            }
            Type::Slice(elem) => {
                out.push_str("[]");
                self.write(out, *elem, style, depth + 1);
            }
            Type::Map { key, value } => {
                out.push_str("map[");
                self.write(out, *key, style, depth + 1);
                out.push(']');
                self.write(out, *value, style, depth + 1);
            }
            Type::Chan { dir, elem } => {
                out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                // `chan (<-chan int)` needs parentheses to stay unambiguous.
                let paren = *dir == ChanDir::Both
                    && matches!(
                        self.get(*elem),
                        Type::Chan {
                            dir: ChanDir::Recv,
                            ..
                        }
                    );
                if paren {
                    out.push('(');
                }
                self.write(out, *elem, style, depth + 1);
                if paren {
                    out.push(')');
                }
            }
            Type::Func(sig) => {
                out.push_str("func");
                self.write_signature(out, sig, style, depth);
            }
            Type::Pointer(elem) => {
                out.push('*');
                self.write(out, *elem, style, depth + 1);
            }
            Type::Struct(fields) => {
                out.push_str(if runtime { "struct {" } else { "struct{" });
                for (idx, field) in fields.iter().enumerate() {
                    out.push_str(if idx == 0 {
                        if runtime {
                            " "
                        } else {
                            ""
                        }
                    } else {
                        "; "
                    });
                    if !field.embedded {
                        out.push_str(&field.name);
                        out.push(' ');
                    }
                    self.write(out, field.ty, style, depth + 1);
                }
                out.push_str(if runtime && !fields.is_empty() {
                    " }"
                } else {
                    "}"
                });
            }
            Type::Interface(methods) => {
                if methods.is_empty() {
                    out.push_str(if runtime {
                        "interface {}"
                    } else {
                        "interface{}"
                    });
                    return;
                }
                out.push_str(if runtime {
                    "interface { "
                } else {
                    "interface{"
                });
                for (idx, method) in methods.iter().enumerate() {
                    if idx > 0 {
                        out.push_str("; ");
                    }
                    out.push_str(&method.name);
                    // Drop the leading `func` of the method's signature.
                    let mut sig = String::new();
                    self.write(&mut sig, method.sig, style, depth + 1);
                    out.push_str(sig.strip_prefix("func").unwrap_or(&sig));
                }
                out.push_str(if runtime { " }" } else { "}" });
            }
            Type::Tuple(elems) => {
                out.push('(');
                for (idx, elem) in elems.iter().enumerate() {
                    if idx > 0 {
                        out.push_str(", ");
                    }
                    self.write(out, *elem, style, depth + 1);
                }
                out.push(')');
            }
        }
    }

    fn write_signature(&self, out: &mut String, sig: &Signature, style: Style, depth: u32) {
        self.write_signature_named(out, sig, &[], &[], style, depth);
    }

    /// `(x int, s string) (n int, err error)`; names are left out when the
    /// name lists are empty (Go prints `func(a, b int)` as `func(a int, b int)`).
    fn write_signature_named(
        &self,
        out: &mut String,
        sig: &Signature,
        param_names: &[Box<str>],
        result_names: &[Box<str>],
        style: Style,
        depth: u32,
    ) {
        out.push('(');
        for (idx, param) in sig.params.iter().enumerate() {
            if idx > 0 {
                out.push_str(", ");
            }
            if let Some(name) = param_names.get(idx) {
                out.push_str(name);
                out.push(' ');
            }
            if sig.variadic && idx + 1 == sig.params.len() {
                out.push_str("...");
                if let Type::Slice(elem) = self.get(*param) {
                    self.write(out, *elem, style, depth + 1);
                    continue;
                }
            }
            self.write(out, *param, style, depth + 1);
        }
        out.push(')');
        match sig.results.len() {
            0 => {}
            1 if result_names.is_empty() => {
                out.push(' ');
                self.write(out, sig.results[0], style, depth + 1);
            }
            _ => {
                out.push_str(" (");
                for (idx, result) in sig.results.iter().enumerate() {
                    if idx > 0 {
                        out.push_str(", ");
                    }
                    if let Some(name) = result_names.get(idx) {
                        out.push_str(name);
                        out.push(' ');
                    }
                    self.write(out, *result, style, depth + 1);
                }
                out.push(')');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structural_types_are_interned() {
        let mut table = TypeTable::new();
        let a = table.slice(TypeId::INT);
        let b = table.slice(TypeId::INT);
        assert_eq!(a, b);
        assert_ne!(a, table.slice(TypeId::STRING));
        let p = table.new_named("main", "P");
        let q = table.new_named("main", "P");
        assert_ne!(p, q, "each declaration is a distinct named type");
    }

    #[test]
    fn byte_and_rune_are_identical_to_uint8_and_int32_but_print_as_written() {
        let mut t = TypeTable::new();
        assert!(t.identical(TypeId::BYTE, TypeId::UINT8));
        assert!(t.identical(TypeId::RUNE, TypeId::INT32));
        assert!(!t.identical(TypeId::BYTE, TypeId::INT32));
        assert_eq!(t.underlying(TypeId::BYTE), TypeId::UINT8);
        assert_eq!(t.basic(TypeId::RUNE), Some(Basic::Int32));
        let bytes = t.slice(TypeId::BYTE);
        let uint8s = t.slice(TypeId::UINT8);
        assert_ne!(bytes, uint8s, "the spelling is kept");
        assert!(t.identical(bytes, uint8s));
        assert_eq!(t.canonical(bytes), uint8s);
        let f = t.func(vec![bytes], vec![TypeId::RUNE], false);
        let g = t.func(vec![uint8s], vec![TypeId::INT32], false);
        assert!(t.identical(f, g));
        let named = t.new_named("main", "B");
        assert!(!t.identical(named, TypeId::BYTE));
        assert_eq!(t.display(f, Style::Compiler("main")), "func([]byte) rune");
        assert_eq!(t.display(f, Style::Runtime), "func([]uint8) int32");
    }

    #[test]
    fn func_param_names_and_any_print_only_in_compile_errors() {
        let mut t = TypeTable::new();
        let unnamed = t.func(vec![TypeId::INT, TypeId::ANY], vec![TypeId::ERROR], false);
        let named = t.intern(Type::NamedParamsFunc {
            sig: Signature {
                params: vec![TypeId::INT, TypeId::ANY],
                results: vec![TypeId::ERROR],
                variadic: false,
            },
            param_names: vec!["x".into(), "v".into()],
            result_names: vec!["err".into()],
        });
        assert_ne!(named, unnamed);
        assert!(t.identical(named, unnamed));
        assert!(t.identical(TypeId::ANY, TypeId::EMPTY_INTERFACE));
        assert_eq!(t.signature(named).map(|s| s.params.len()), Some(2));
        assert_eq!(
            t.display(named, Style::Compiler("main")),
            "func(x int, v any) (err error)"
        );
        assert_eq!(
            t.display(unnamed, Style::Compiler("main")),
            "func(int, any) error"
        );
        assert_eq!(
            t.display(named, Style::Runtime),
            "func(int, interface {}) error"
        );
    }

    #[test]
    fn types_print_as_go_prints_them() {
        let mut t = TypeTable::new();
        let p = t.new_named("main", "P");
        let ptr = t.pointer(p);
        assert_eq!(t.display(p, Style::Runtime), "main.P");
        assert_eq!(t.display(ptr, Style::Runtime), "*main.P");
        assert_eq!(t.display(ptr, Style::Compiler("main")), "*P");
        let m = t.intern(Type::Map {
            key: TypeId::STRING,
            value: TypeId::INT,
        });
        assert_eq!(t.display(m, Style::Runtime), "map[string]int");
        let arr = t.intern(Type::Array {
            len: 3,
            elem: TypeId::INT,
        });
        assert_eq!(t.display(arr, Style::Runtime), "[3]int");
        let f = t.func(vec![TypeId::INT], vec![TypeId::STRING], false);
        assert_eq!(t.display(f, Style::Runtime), "func(int) string");
        let ints = t.slice(TypeId::INT);
        let v = t.func(
            vec![TypeId::STRING, ints],
            vec![TypeId::INT, TypeId::ERROR],
            true,
        );
        assert_eq!(
            t.display(v, Style::Runtime),
            "func(string, ...int) (int, error)"
        );
        let s = t.intern(Type::Struct(vec![
            Field {
                name: "X".into(),
                ty: TypeId::INT,
                embedded: false,
                pkg: None,
            },
            Field {
                name: "y".into(),
                ty: TypeId::STRING,
                embedded: false,
                pkg: Some("main".into()),
            },
        ]));
        assert_eq!(t.display(s, Style::Runtime), "struct { X int; y string }");
        assert_eq!(
            t.display(s, Style::Compiler("main")),
            "struct{X int; y string}"
        );
        let empty = t.intern(Type::Struct(vec![]));
        assert_eq!(t.display(empty, Style::Runtime), "struct {}");
        assert_eq!(
            t.display(TypeId::EMPTY_INTERFACE, Style::Runtime),
            "interface {}"
        );
        let c = t.intern(Type::Chan {
            dir: ChanDir::Send,
            elem: TypeId::INT,
        });
        assert_eq!(t.display(c, Style::Runtime), "chan<- int");
        assert_eq!(t.display(TypeId::ERROR, Style::Runtime), "error");
        let es = t.new_named("errors", "errorString");
        let esp = t.pointer(es);
        assert_eq!(t.display(esp, Style::Runtime), "*errors.errorString");
        assert_eq!(
            t.display(esp, Style::Compiler("main")),
            "*errors.errorString"
        );
        assert_eq!(
            t.display(TypeId::UNTYPED_INT, Style::Compiler("main")),
            "untyped int"
        );
    }
}
