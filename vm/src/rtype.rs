//! Runtime type descriptors: what fmt, type assertions and crash messages need to know about a type at run time.
//!
//! The checker's `TypeTable` (types.rs) is the source of truth; the compiler
//! lowers it to this small table once per program. The runtime never looks at
//! the checker's types, so the two halves of `vm` can evolve apart.

/// Index of a type in `RtTypes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RtTypeId(pub u32);

/// Integer widths and signedness, for wrapping, printing and conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntKind {
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
}

impl IntKind {
    pub fn is_unsigned(self) -> bool {
        matches!(
            self,
            IntKind::Uint
                | IntKind::Uint8
                | IntKind::Uint16
                | IntKind::Uint32
                | IntKind::Uint64
                | IntKind::Uintptr
        )
    }

    /// Size in bits (int and uint are 64-bit, as on amd64).
    pub fn bits(self) -> u32 {
        match self {
            IntKind::Int8 | IntKind::Uint8 => 8,
            IntKind::Int16 | IntKind::Uint16 => 16,
            IntKind::Int32 | IntKind::Uint32 => 32,
            _ => 64,
        }
    }

    /// Truncates a 64-bit result to this width: sign-extends signed kinds,
    /// zero-extends unsigned ones (the invariant `Value::Int` keeps).
    #[inline]
    pub fn wrap(self, v: i64) -> i64 {
        match self {
            IntKind::Int8 => v as i8 as i64,
            IntKind::Int16 => v as i16 as i64,
            IntKind::Int32 => v as i32 as i64,
            IntKind::Uint8 => v as u8 as i64,
            IntKind::Uint16 => v as u16 as i64,
            IntKind::Uint32 => v as u32 as i64,
            _ => v,
        }
    }

    /// Go's name of the predeclared type.
    pub fn go_name(self) -> &'static str {
        match self {
            IntKind::Int => "int",
            IntKind::Int8 => "int8",
            IntKind::Int16 => "int16",
            IntKind::Int32 => "int32",
            IntKind::Int64 => "int64",
            IntKind::Uint => "uint",
            IntKind::Uint8 => "uint8",
            IntKind::Uint16 => "uint16",
            IntKind::Uint32 => "uint32",
            IntKind::Uint64 => "uint64",
            IntKind::Uintptr => "uintptr",
        }
    }
}

/// The structure of a type.
#[derive(Clone, Debug, PartialEq)]
pub enum RtKind {
    Bool,
    Int(IntKind),
    Float32,
    Float64,
    String,
    Array {
        elem: RtTypeId,
        len: u32,
    },
    Slice {
        elem: RtTypeId,
    },
    Struct {
        fields: Vec<RtField>,
    },
    Pointer {
        elem: RtTypeId,
    },
    Map {
        key: RtTypeId,
        val: RtTypeId,
    },
    /// `signature` is Go's spelling, e.g. `func(int) string`.
    Func {
        signature: String,
    },
    /// `methods` are sorted by name; empty for `any`.
    Interface {
        methods: Vec<RtMethodSig>,
    },
    Chan {
        elem: RtTypeId,
        dir: ChanDir,
    },
    /// A runtime error value (its `go_name` is e.g. `runtime.boundsError`):
    /// the payload is a `Str` with the message; it implements `error` and `runtime.Error`.
    RuntimeError,
    /// `*errors.errorString`-like natives whose payload is a `Str` printed by Error().
    ErrorString,
}

/// A method an interface requires: its name and its signature (a `Func` type).
/// Signatures are compared by id: the checker interns types, and the compiler
/// lowers each checker type to one runtime id, so identical means equal.
#[derive(Clone, Debug, PartialEq)]
pub struct RtMethodSig {
    pub name: String,
    pub sig: RtTypeId,
}

/// One entry of a concrete type's method table.
#[derive(Clone, Debug, PartialEq)]
pub struct RtMethod {
    pub name: String,
    /// The signature without the receiver (a `Func` type).
    pub sig: RtTypeId,
    /// Index into `Program::protos`.
    pub func: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RtField {
    pub name: String,
    pub ty: RtTypeId,
    pub embedded: bool,
}

/// One type: its name (for named types, `main.P`), structure and method set.
#[derive(Clone, Debug)]
pub struct RtType {
    /// `Some("main.P")` for a named type; `None` for a type literal, whose name
    /// `RtTypes::name` composes from the kind. Predeclared types are named (`int`).
    pub name: Option<String>,
    pub kind: RtKind,
    /// The method set of this type (for `*T`, including T's value methods via
    /// compiler-made wrappers), sorted by name.
    pub methods: Vec<RtMethod>,
}

/// The program's runtime types, indexed by `RtTypeId`.
#[derive(Clone, Debug, Default)]
pub struct RtTypes {
    pub types: Vec<RtType>,
}

impl RtTypes {
    /// A table pre-filled with the types the runtime itself produces
    /// (see the `RtTypeId` constants below), in that order.
    pub fn with_builtins() -> RtTypes {
        let mut t = RtTypes::default();
        let named = |name: &str, kind| RtType {
            name: Some(name.to_string()),
            kind,
            methods: vec![],
        };
        t.types.push(named("bool", RtKind::Bool));
        t.types.push(named("int", RtKind::Int(IntKind::Int)));
        t.types.push(named("float64", RtKind::Float64));
        t.types.push(named("string", RtKind::String));
        t.types.push(RtType {
            name: None,
            kind: RtKind::Interface { methods: vec![] },
            methods: vec![],
        });
        t.types.push(named(
            "error",
            RtKind::Interface {
                methods: vec![RtMethodSig {
                    name: "Error".into(),
                    sig: RtTypeId::FUNC_STRING,
                }],
            },
        ));
        t.types
            .push(named("runtime.boundsError", RtKind::RuntimeError));
        t.types
            .push(named("runtime.errorString", RtKind::RuntimeError));
        t.types
            .push(named("*runtime.TypeAssertionError", RtKind::RuntimeError));
        t.types
            .push(named("*errors.errorString", RtKind::ErrorString));
        t.types
            .push(named("runtime.plainError", RtKind::RuntimeError));
        t.types
            .push(named("*runtime.PanicNilError", RtKind::RuntimeError));
        t.types.push(RtType {
            name: None,
            kind: RtKind::Func {
                signature: "func() string".into(),
            },
            methods: vec![],
        });
        t.types.push(RtType {
            name: None,
            kind: RtKind::Func {
                signature: "func()".into(),
            },
            methods: vec![],
        });
        t.types
            .push(named("*reflectlite.ValueError", RtKind::ErrorString));
        t
    }

    pub fn add(&mut self, ty: RtType) -> RtTypeId {
        self.types.push(ty);
        RtTypeId(self.types.len() as u32 - 1)
    }

    pub fn get(&self, id: RtTypeId) -> &RtType {
        &self.types[id.0 as usize]
    }

    /// Go's spelling of a type, as `%T` prints it.
    pub fn name(&self, id: RtTypeId) -> String {
        let ty = self.get(id);
        if let Some(name) = &ty.name {
            return name.clone();
        }
        match &ty.kind {
            RtKind::Array { elem, len } => format!("[{len}]{}", self.name(*elem)),
            RtKind::Slice { elem } => format!("[]{}", self.name(*elem)),
            RtKind::Pointer { elem } => format!("*{}", self.name(*elem)),
            RtKind::Map { key, val } => format!("map[{}]{}", self.name(*key), self.name(*val)),
            RtKind::Func { signature } => signature.clone(),
            RtKind::Interface { methods } if methods.is_empty() => "interface {}".to_string(),
            RtKind::Interface { methods } => {
                let names: Vec<&str> = methods.iter().map(|m| m.name.as_str()).collect();
                format!("interface {{ {} }}", names.join("; "))
            }
            RtKind::Chan { elem, dir } => match dir {
                ChanDir::Both => format!("chan {}", self.name(*elem)),
                ChanDir::Send => format!("chan<- {}", self.name(*elem)),
                ChanDir::Recv => format!("<-chan {}", self.name(*elem)),
            },
            RtKind::Struct { fields } if fields.is_empty() => "struct {}".to_string(),
            RtKind::Struct { fields } => {
                let parts: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        if f.embedded {
                            self.name(f.ty)
                        } else {
                            format!("{} {}", f.name, self.name(f.ty))
                        }
                    })
                    .collect();
                format!("struct {{ {} }}", parts.join("; "))
            }
            other => format!("{other:?}"),
        }
    }

    /// The method `name` in `id`'s method set.
    pub fn method(&self, id: RtTypeId, name: &str) -> Option<u32> {
        self.method_entry(id, name).map(|m| m.func)
    }

    fn method_entry(&self, id: RtTypeId, name: &str) -> Option<&RtMethod> {
        let methods = &self.get(id).methods;
        methods
            .binary_search_by(|m| m.name.as_str().cmp(name))
            .ok()
            .map(|i| &methods[i])
    }

    /// The method `name` of `id` when it has exactly signature `sig`, as an
    /// interface requiring `name` with that signature would match it.
    pub fn method_with_sig(&self, id: RtTypeId, name: &str, sig: RtTypeId) -> Option<u32> {
        self.method_entry(id, name)
            .filter(|m| m.sig == sig)
            .map(|m| m.func)
    }

    /// The first method of `required` that `ty`'s method set lacks (by name
    /// and signature, as Go's interface satisfaction), or `None` when `ty`
    /// implements them all.
    pub fn missing_method<'m>(
        &self,
        ty: RtTypeId,
        required: &'m [RtMethodSig],
    ) -> Option<&'m RtMethodSig> {
        required
            .iter()
            .find(|m| self.method_with_sig(ty, &m.name, m.sig).is_none())
    }

    /// Whether `ty`'s method set has every method of `required`.
    pub fn implements(&self, ty: RtTypeId, required: &[RtMethodSig]) -> bool {
        self.missing_method(ty, required).is_none()
    }
}

impl RtTypeId {
    pub const BOOL: RtTypeId = RtTypeId(0);
    pub const INT: RtTypeId = RtTypeId(1);
    pub const FLOAT64: RtTypeId = RtTypeId(2);
    pub const STRING: RtTypeId = RtTypeId(3);
    pub const ANY: RtTypeId = RtTypeId(4);
    pub const ERROR: RtTypeId = RtTypeId(5);
    /// Index and slice bounds failures.
    pub const BOUNDS_ERROR: RtTypeId = RtTypeId(6);
    /// Other runtime errors (divide by zero, nil dereference): Go's `runtime.errorString`.
    pub const RUNTIME_ERROR: RtTypeId = RtTypeId(7);
    pub const TYPE_ASSERTION_ERROR: RtTypeId = RtTypeId(8);
    pub const ERROR_STRING: RtTypeId = RtTypeId(9);
    /// `assignment to entry in nil map` and friends: not runtime.Error-prefixed.
    pub const PLAIN_ERROR: RtTypeId = RtTypeId(10);
    pub const PANIC_NIL_ERROR: RtTypeId = RtTypeId(11);
    /// `func() string`, the signature of `Error` and `String`.
    pub const FUNC_STRING: RtTypeId = RtTypeId(12);
    /// `func()`, the signature of runtime.Error's `RuntimeError` marker.
    pub const FUNC_VOID: RtTypeId = RtTypeId(13);
    /// The panic of sort.Slice and sort.SliceIsSorted on a value of the wrong kind.
    pub const REFLECT_VALUE_ERROR: RtTypeId = RtTypeId(14);
}
