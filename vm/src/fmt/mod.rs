//! Go's fmt engine: Print/Println spacing, Printf verbs, flags, width and precision over runtime values.
//!
//! The engine is re-entrant by restart: when a value's `Error()` or `String()`
//! must run, the printer stops with `NeedCall`; the VM runs that method as an
//! ordinary Go frame and calls the native again from the start with the
//! results so far (`results`), which the printer consumes in the same order.
//! Printing is cheap and deterministic, so redoing it is simpler and safer
//! than suspending a Rust formatter mid-way.

mod number;

pub use number::{format_float, format_float_bits, is_print, quote, quote_rune};

use std::cmp::Ordering;

use crate::program::Program;
use crate::rtype::{IntKind, RtKind, RtTypeId, RtTypes};
use crate::value::Value;

/// The printer needs a Go call before it can go on.
#[derive(Debug)]
pub struct NeedCall {
    pub callee: Value,
    pub args: Vec<Value>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    /// %+v
    plus_v: bool,
    /// %#v
    sharp_v: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// One formatting run (one call of a Print/Sprintf native).
pub struct Printer<'a> {
    program: Option<&'a Program>,
    types: &'a RtTypes,
    /// Results of the method calls requested by earlier runs, in request order.
    results: &'a [Value],
    /// How many of `results` this run has consumed.
    used: usize,
    pub buf: Vec<u8>,
    f: Flags,
    /// Set by fmt.Errorf: `%w` accepts an error operand (elsewhere it is a bad verb).
    pub wrap_errs: bool,
    /// The operand numbers of every `%w`, in format order (Errorf reads them).
    pub wrapped: Vec<usize>,
}

impl<'a> Printer<'a> {
    pub fn new(program: &'a Program, results: &'a [Value]) -> Printer<'a> {
        Printer {
            program: Some(program),
            types: &program.types,
            results,
            used: 0,
            buf: Vec::new(),
            f: Flags::default(),
            wrap_errs: false,
            wrapped: Vec::new(),
        }
    }

    /// A printer that never calls methods (for crash messages and tests).
    pub fn without_methods(types: &'a RtTypes) -> Printer<'a> {
        Printer {
            program: None,
            types,
            results: &[],
            used: 0,
            buf: Vec::new(),
            f: Flags::default(),
            wrap_errs: false,
            wrapped: Vec::new(),
        }
    }

    /// fmt.Print: a space between operands when neither is a string.
    pub fn print(&mut self, args: &[Value]) -> Result<(), NeedCall> {
        let mut prev_string = false;
        for (i, arg) in args.iter().enumerate() {
            let is_string = matches!(arg, Value::Iface(x) if matches!(self.types.get(x.ty).kind, RtKind::String));
            if i > 0 && !is_string && !prev_string {
                self.buf.push(b' ');
            }
            self.print_arg(arg, b'v')?;
            prev_string = is_string;
        }
        Ok(())
    }

    /// fmt.Println: always a space between operands, and a newline.
    pub fn println(&mut self, args: &[Value]) -> Result<(), NeedCall> {
        for (i, arg) in args.iter().enumerate() {
            if i > 0 {
                self.buf.push(b' ');
            }
            self.print_arg(arg, b'v')?;
        }
        self.buf.push(b'\n');
        Ok(())
    }

    /// fmt.Printf's format loop (doPrintf).
    pub fn printf(&mut self, format: &[u8], args: &[Value]) -> Result<(), NeedCall> {
        let mut arg_num = 0;
        let mut reordered = false;
        let mut i = 0;
        while i < format.len() {
            let start = i;
            while i < format.len() && format[i] != b'%' {
                i += 1;
            }
            self.buf.extend_from_slice(&format[start..i]);
            if i >= format.len() {
                break;
            }
            i += 1; // skip %
            self.f = Flags::default();
            let mut good_arg_num = true;
            while i < format.len() {
                match format[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            // Argument index [n] before the width.
            (arg_num, i) = arg_index(
                format,
                i,
                arg_num,
                args.len(),
                &mut reordered,
                &mut good_arg_num,
            );
            if i < format.len() && format[i] == b'*' {
                i += 1;
                match args
                    .get(arg_num)
                    .and_then(int_arg)
                    .filter(|w| !too_large(*w))
                {
                    Some(w) => {
                        if w < 0 {
                            self.f.minus = true;
                            self.f.zero = false;
                        }
                        self.f.width = Some(w.unsigned_abs() as usize);
                    }
                    None => self.buf.extend_from_slice(b"%!(BADWIDTH)"),
                }
                arg_num += 1;
            } else {
                let (w, next) = parse_num(format, i);
                self.f.width = w;
                i = next;
            }
            if i < format.len() && format[i] == b'.' {
                i += 1;
                (arg_num, i) = arg_index(
                    format,
                    i,
                    arg_num,
                    args.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
                if i < format.len() && format[i] == b'*' {
                    i += 1;
                    // A negative precision is as bad as a non-int (Go's doPrintf).
                    match args
                        .get(arg_num)
                        .and_then(int_arg)
                        .filter(|p| !too_large(*p))
                    {
                        Some(p) if p >= 0 => self.f.prec = Some(p as usize),
                        _ => {
                            self.f.prec = None;
                            self.buf.extend_from_slice(b"%!(BADPREC)");
                        }
                    }
                    arg_num += 1;
                } else {
                    let (p, next) = parse_num(format, i);
                    self.f.prec = Some(p.unwrap_or(0));
                    i = next;
                }
            }
            (arg_num, i) = arg_index(
                format,
                i,
                arg_num,
                args.len(),
                &mut reordered,
                &mut good_arg_num,
            );
            if i >= format.len() {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (verb, width) = decode_verb(&format[i..]);
            i += width;
            match verb {
                '%' => self.buf.push(b'%'),
                _ if !good_arg_num => {
                    self.buf
                        .extend_from_slice(format!("%!{verb}(BADINDEX)").as_bytes());
                }
                _ if arg_num >= args.len() => {
                    self.buf
                        .extend_from_slice(format!("%!{verb}(MISSING)").as_bytes());
                }
                'w' => {
                    self.wrapped.push(arg_num);
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                    match &args[arg_num] {
                        Value::Iface(x) if self.wrap_errs && self.is_error(x.ty) => {
                            self.print_arg(&args[arg_num], b'v')?;
                        }
                        Value::Iface(x) => {
                            let x = x.clone();
                            self.bad_verb(b'w', &x.val, x.ty);
                        }
                        _ => self.bad_verb_nil(b'w'),
                    }
                    arg_num += 1;
                }
                'v' => {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                    self.print_arg(&args[arg_num], b'v')?;
                    arg_num += 1;
                }
                _ => {
                    let v = if verb.is_ascii() { verb as u8 } else { b'?' };
                    if v == b'?' {
                        self.buf.extend_from_slice(format!("%!{verb}(").as_bytes());
                        self.f = Flags::default();
                        self.print_arg(&args[arg_num], b'v')?;
                        self.buf.push(b')');
                    } else {
                        self.print_arg(&args[arg_num], v)?;
                    }
                    arg_num += 1;
                }
            }
        }
        if !reordered && arg_num < args.len() {
            self.f = Flags::default();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (k, arg) in args[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                match arg {
                    Value::Iface(x) => {
                        self.buf.extend_from_slice(self.types.name(x.ty).as_bytes());
                        self.buf.push(b'=');
                        self.print_arg(arg, b'v')?;
                    }
                    _ => self.buf.extend_from_slice(b"<nil>"),
                }
            }
            self.buf.push(b')');
        }
        Ok(())
    }

    /// printArg: one operand (an interface value) with one verb.
    fn print_arg(&mut self, arg: &Value, verb: u8) -> Result<(), NeedCall> {
        let Value::Iface(x) = arg else {
            match verb {
                b'T' | b'v' => self.pad(b"<nil>"),
                _ => self.bad_verb_nil(verb),
            }
            return Ok(());
        };
        match verb {
            b'T' => {
                let name = self.types.name(x.ty);
                self.fmt_s(name.as_bytes());
                return Ok(());
            }
            b'p' => {
                self.fmt_pointer(&x.val, x.ty, verb);
                return Ok(());
            }
            _ => {}
        }
        self.print_value(&x.val, x.ty, verb, 0, true)
    }

    /// Whether dynamic type `ty` implements `error`.
    fn is_error(&self, ty: RtTypeId) -> bool {
        matches!(
            self.types.get(ty).kind,
            RtKind::RuntimeError | RtKind::ErrorString
        ) || self
            .types
            .method_with_sig(ty, "Error", RtTypeId::FUNC_STRING)
            .is_some()
    }

    /// handleMethods: Error() or String() for %v %s %x %X %q; true when it printed.
    fn handle_methods(&mut self, v: &Value, ty: RtTypeId, verb: u8) -> Result<bool, NeedCall> {
        if self.f.sharp_v || !matches!(verb, b'v' | b's' | b'x' | b'X' | b'q') {
            return Ok(false);
        }
        let kind = &self.types.get(ty).kind;
        if matches!(kind, RtKind::RuntimeError | RtKind::ErrorString) {
            let msg = v.as_bytes().to_vec();
            self.fmt_string(&msg, verb);
            return Ok(true);
        }
        let Some(program) = self.program else {
            return Ok(false);
        };
        let (m, method) = match self
            .types
            .method_with_sig(ty, "Error", RtTypeId::FUNC_STRING)
        {
            Some(m) => (m, "Error"),
            None => match self
                .types
                .method_with_sig(ty, "String", RtTypeId::FUNC_STRING)
            {
                Some(m) => (m, "String"),
                None => return Ok(false),
            },
        };
        match self.results.get(self.used) {
            Some(Value::Iface(_)) => {
                let caught = self.results[self.used].clone();
                self.used += 1;
                self.caught_panic(v, kind, verb, method, &caught)?;
                Ok(true)
            }
            Some(res) => {
                self.used += 1;
                let text = res.as_bytes().to_vec();
                self.fmt_string(&text, verb);
                Ok(true)
            }
            None => Err(NeedCall {
                callee: program.func_values[m as usize].clone(),
                args: vec![v.clone()],
            }),
        }
    }

    /// catchPanic: the `method` (Error or String) of `v` panicked with `caught`.
    /// A nil pointer receiver prints `<nil>` (the likeliest cause is a method
    /// that does not guard against nil); anything else prints the panic value.
    fn caught_panic(
        &mut self,
        v: &Value,
        kind: &RtKind,
        verb: u8,
        method: &str,
        caught: &Value,
    ) -> Result<(), NeedCall> {
        if matches!(v, Value::Nil) && matches!(kind, RtKind::Pointer { .. }) {
            self.buf.extend_from_slice(b"<nil>"); // unpadded, as Go writes it
            return Ok(());
        }
        let flags = self.f;
        self.f = Flags::default();
        self.buf.extend_from_slice(b"%!");
        self.buf.push(verb);
        self.buf.extend_from_slice(b"(PANIC=");
        self.buf.extend_from_slice(method.as_bytes());
        self.buf.extend_from_slice(b" method: ");
        self.print_arg(caught, b'v')?;
        self.buf.push(b')');
        self.f = flags;
        Ok(())
    }

    /// printValue: a value of type `ty`; `depth` > 0 inside composites; methods
    /// run only on values reachable through exported fields (Go's CanInterface).
    fn print_value(
        &mut self,
        v: &Value,
        ty: RtTypeId,
        verb: u8,
        depth: usize,
        can_call: bool,
    ) -> Result<(), NeedCall> {
        if can_call && self.handle_methods(v, ty, verb)? {
            return Ok(());
        }
        let types = self.types;
        let kind = &types.get(ty).kind;
        match kind {
            RtKind::Bool => match verb {
                b't' | b'v' => self.pad(if v.as_bool() { b"true" } else { b"false" }),
                _ => self.bad_verb(verb, v, ty),
            },
            RtKind::Int(k) => self.fmt_int(v.as_int(), *k, verb, ty),
            RtKind::Float32 | RtKind::Float64 => {
                let bits = if matches!(kind, RtKind::Float32) {
                    32
                } else {
                    64
                };
                match verb {
                    b'v' => self.fmt_float(v.as_float(), bits, b'g', -1),
                    b'b' | b'g' | b'G' | b'x' | b'X' => {
                        self.fmt_float(v.as_float(), bits, verb, -1)
                    }
                    b'f' | b'e' | b'E' | b'F' => self.fmt_float(v.as_float(), bits, verb, 6),
                    _ => self.bad_verb(verb, v, ty),
                }
            }
            RtKind::String | RtKind::RuntimeError | RtKind::ErrorString => match verb {
                b'v' | b's' | b'x' | b'X' | b'q' => {
                    let s = v.as_bytes().to_vec();
                    self.fmt_string(&s, verb);
                }
                _ => self.bad_verb(verb, v, ty),
            },
            RtKind::Slice { elem } | RtKind::Array { elem, .. } => {
                let elem = *elem;
                let is_bytes = matches!(types.get(elem).kind, RtKind::Int(IntKind::Uint8));
                if is_bytes && matches!(verb, b's' | b'q' | b'x' | b'X') {
                    let bytes: Vec<u8> = crate::slice::items(v)
                        .iter()
                        .map(|b| b.as_int() as u8)
                        .collect();
                    self.fmt_string(&bytes, verb);
                    return Ok(());
                }
                if self.f.sharp_v {
                    self.buf.extend_from_slice(types.name(ty).as_bytes());
                    if matches!(kind, RtKind::Slice { .. }) && matches!(v, Value::Nil) {
                        self.buf.extend_from_slice(b"(nil)");
                        return Ok(());
                    }
                    self.buf.push(b'{');
                    for (i, item) in crate::slice::items(v).iter().enumerate() {
                        if i > 0 {
                            self.buf.extend_from_slice(b", ");
                        }
                        self.print_value(item, elem, verb, depth + 1, can_call)?;
                    }
                    self.buf.push(b'}');
                    return Ok(());
                }
                self.buf.push(b'[');
                for (i, item) in crate::slice::items(v).iter().enumerate() {
                    if i > 0 {
                        self.buf.push(b' ');
                    }
                    self.print_value(item, elem, verb, depth + 1, can_call)?;
                }
                self.buf.push(b']');
            }
            RtKind::Struct { fields } => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(types.name(ty).as_bytes());
                }
                self.buf.push(b'{');
                let items = match v {
                    Value::Agg(store) => store.borrow().clone(),
                    _ => Vec::new(),
                };
                for (i, (field, item)) in fields.iter().zip(items.iter()).enumerate() {
                    if i > 0 {
                        self.buf
                            .extend_from_slice(if self.f.sharp_v { b", " } else { b" " });
                    }
                    if self.f.plus_v || self.f.sharp_v {
                        self.buf.extend_from_slice(field.name.as_bytes());
                        self.buf.push(b':');
                    }
                    let exported = field.name.chars().next().is_some_and(char::is_uppercase);
                    self.print_value(item, field.ty, verb, depth + 1, can_call && exported)?;
                }
                self.buf.push(b'}');
            }
            RtKind::Map { key, val } => {
                let (key, val) = (*key, *val);
                if self.f.sharp_v {
                    self.buf.extend_from_slice(types.name(ty).as_bytes());
                    if matches!(v, Value::Nil) {
                        self.buf.extend_from_slice(b"(nil)");
                        return Ok(());
                    }
                    self.buf.push(b'{');
                } else {
                    self.buf.extend_from_slice(b"map[");
                }
                let mut entries: Vec<(Value, Value)> = match v {
                    Value::Map(m) => m.borrow().iter().map(|(k, v)| (k, v.clone())).collect(),
                    _ => Vec::new(),
                };
                entries.sort_by(|a, b| compare(types, key, &a.0, &b.0));
                for (i, (k, item)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.buf
                            .extend_from_slice(if self.f.sharp_v { b", " } else { b" " });
                    }
                    self.print_value(k, key, verb, depth + 1, can_call)?;
                    self.buf.push(b':');
                    self.print_value(item, val, verb, depth + 1, can_call)?;
                }
                self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
            }
            RtKind::Pointer { elem } => {
                let elem = *elem;
                if depth == 0 && !matches!(v, Value::Nil) {
                    let pointee = types.get(elem);
                    if matches!(
                        pointee.kind,
                        RtKind::Struct { .. }
                            | RtKind::Array { .. }
                            | RtKind::Slice { .. }
                            | RtKind::Map { .. }
                    ) {
                        if let Some(target) = crate::value::load_ptr(v) {
                            self.buf.push(b'&');
                            return self.print_value(&target, elem, verb, depth + 1, can_call);
                        }
                    }
                }
                self.fmt_pointer(v, ty, verb);
            }
            RtKind::Interface { .. } => match v {
                Value::Iface(x) => self.print_value(&x.val, x.ty, verb, depth + 1, can_call)?,
                _ => {
                    if self.f.sharp_v {
                        self.buf.extend_from_slice(types.name(ty).as_bytes());
                        self.buf.extend_from_slice(b"(nil)");
                    } else {
                        self.pad(b"<nil>");
                    }
                }
            },
            RtKind::Func { .. } | RtKind::Chan { .. } => self.fmt_pointer(v, ty, verb),
        }
        Ok(())
    }

    fn fmt_int(&mut self, i: i64, k: IntKind, verb: u8, ty: RtTypeId) {
        let signed = !k.is_unsigned();
        let u = i as u64;
        match verb {
            b'v' if self.f.sharp_v && !signed => {
                let old = self.f.sharp;
                self.f.sharp = true;
                self.fmt_integer(u, 16, false, verb, false);
                self.f.sharp = old;
            }
            b'v' | b'd' => self.fmt_integer(u, 10, signed, verb, false),
            b'b' => self.fmt_integer(u, 2, signed, verb, false),
            b'o' | b'O' => self.fmt_integer(u, 8, signed, verb, false),
            b'x' => self.fmt_integer(u, 16, signed, verb, false),
            b'X' => self.fmt_integer(u, 16, signed, verb, true),
            b'c' => self.fmt_c(u),
            b'q' => self.fmt_qc(u),
            b'U' => self.fmt_unicode(u),
            _ => self.bad_verb(verb, &Value::Int(i), ty),
        }
    }

    /// fmtString: %v %s %q %x %X of bytes.
    fn fmt_string(&mut self, s: &[u8], verb: u8) {
        match verb {
            b'v' if self.f.sharp_v => {
                let q = quote(s, false);
                self.pad(&q);
            }
            b'v' | b's' => self.fmt_s(s),
            b'q' => {
                let s = self.truncate(s).to_vec();
                let q = if self.f.sharp && can_backquote(&s) {
                    [&b"`"[..], &s, b"`"].concat()
                } else {
                    quote(&s, self.f.plus)
                };
                self.pad(&q);
            }
            b'x' | b'X' => self.fmt_sx(s, verb == b'X'),
            _ => self.pad(s),
        }
    }

    fn truncate<'s>(&self, s: &'s [u8]) -> &'s [u8] {
        if let Some(p) = self.f.prec {
            let mut n = 0;
            let mut i = 0;
            while i < s.len() {
                if n == p {
                    return &s[..i];
                }
                i += crate::exec::decode_rune(&s[i..]).1.max(1);
                n += 1;
            }
        }
        s
    }

    fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s).to_vec();
        self.pad(&s);
    }

    fn fmt_sx(&mut self, s: &[u8], upper: bool) {
        let digits: &[u8] = if upper {
            b"0123456789ABCDEF"
        } else {
            b"0123456789abcdef"
        };
        let n = self.f.prec.map_or(s.len(), |p| p.min(s.len()));
        let mut out = Vec::new();
        for (i, b) in s[..n].iter().enumerate() {
            if i > 0 && self.f.space {
                out.push(b' ');
            }
            if self.f.sharp && (i == 0 || self.f.space) {
                out.extend_from_slice(if upper { b"0X" } else { b"0x" });
            }
            out.push(digits[(b >> 4) as usize]);
            out.push(digits[(b & 15) as usize]);
        }
        self.pad(&out);
    }

    fn fmt_pointer(&mut self, v: &Value, ty: RtTypeId, verb: u8) {
        let addr = v.address() as u64;
        match verb {
            b'v' if self.f.sharp_v => {
                self.buf.push(b'(');
                self.buf.extend_from_slice(self.types.name(ty).as_bytes());
                self.buf.extend_from_slice(b")(");
                if addr == 0 {
                    self.buf.extend_from_slice(b"nil");
                } else {
                    self.buf.extend_from_slice(format!("{addr:#x}").as_bytes());
                }
                self.buf.push(b')');
            }
            b'v' if addr == 0 => self.pad(b"<nil>"),
            b'v' | b'p' => {
                let old = self.f.sharp;
                self.f.sharp = !old;
                self.fmt_integer(addr, 16, false, b'v', false);
                self.f.sharp = old;
            }
            b'b' | b'o' | b'd' | b'x' | b'X' => {
                self.fmt_int(addr as i64, IntKind::Uintptr, verb, ty)
            }
            _ => self.bad_verb(verb, v, ty),
        }
    }

    /// %!verb(type=value)
    fn bad_verb(&mut self, verb: u8, v: &Value, ty: RtTypeId) {
        let saved = self.f;
        self.f = Flags::default();
        self.buf.extend_from_slice(b"%!");
        self.buf.push(verb);
        self.buf.push(b'(');
        self.buf.extend_from_slice(self.types.name(ty).as_bytes());
        self.buf.push(b'=');
        let _ = self.print_value(v, ty, b'v', 0, false);
        self.buf.push(b')');
        self.f = saved;
    }

    fn bad_verb_nil(&mut self, verb: u8) {
        self.buf.extend_from_slice(b"%!");
        self.buf.push(verb);
        self.buf.extend_from_slice(b"(<nil>)");
    }

    /// Pads `s` to the width, on the left (spaces or zeros) or the right with `-`.
    fn pad(&mut self, s: &[u8]) {
        let Some(w) = self.f.width else {
            self.buf.extend_from_slice(s);
            return;
        };
        let n = String::from_utf8_lossy(s).chars().count();
        if n >= w {
            self.buf.extend_from_slice(s);
            return;
        }
        if self.f.minus {
            self.buf.extend_from_slice(s);
            self.buf.extend(std::iter::repeat_n(b' ', w - n));
        } else {
            self.write_padding(w - n);
            self.buf.extend_from_slice(s);
        }
    }

    fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero { b'0' } else { b' ' };
        self.buf.extend(std::iter::repeat_n(c, n));
    }
}

impl Printer<'_> {
    /// `%v` of `v`, of static type `ty` (an interface type unwraps to the
    /// dynamic value), calling methods as `fmt.Sprint` does.
    pub fn print_typed(&mut self, v: &Value, ty: RtTypeId) -> Result<(), NeedCall> {
        self.print_value(v, ty, b'v', 0, true)
    }
}

/// A value printed as `%v` without methods (crash messages).
pub fn sprint_one(types: &RtTypes, ty: RtTypeId, v: &Value) -> String {
    let mut p = Printer::without_methods(types);
    let _ = p.print_value(v, ty, b'v', 0, true);
    String::from_utf8_lossy(&p.buf).into_owned()
}

/// The predeclared basic types in the order Go's linker lays out their
/// descriptors (the compiler's kind order, string first).
const BASIC_LAYOUT: [&str; 15] = [
    "string", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "int",
    "uint", "uintptr", "float32", "float64", "bool",
];

/// Where Go's linker puts the descriptor of `ty`, approximately: fmtsort
/// orders interface keys by the address of their dynamic type's descriptor.
/// Measured on go1.27 binaries: unnamed types first (by their spelling),
/// then the program's named types with a basic underlying type, then the
/// predeclared basic types (`BASIC_LAYOUT`), then the other named types.
/// Within the last group Go's order follows descriptor sizes and link order,
/// which gomini does not model: there it sorts by name.
fn type_order(types: &RtTypes, ty: RtTypeId) -> (u8, usize, String) {
    let t = types.get(ty);
    let basic = matches!(
        t.kind,
        RtKind::Bool | RtKind::Int(_) | RtKind::Float32 | RtKind::Float64 | RtKind::String
    );
    match &t.name {
        None => (0, 0, types.name(ty)),
        Some(name) => match BASIC_LAYOUT.iter().position(|b| b == name) {
            Some(i) => (2, i, String::new()),
            None if basic => (1, 0, name.clone()),
            None => (3, 0, name.clone()),
        },
    }
}

/// internal/fmtsort's order on map keys of type `ty`.
pub fn compare(types: &RtTypes, ty: RtTypeId, a: &Value, b: &Value) -> Ordering {
    match (&types.get(ty).kind, a, b) {
        (RtKind::Int(k), Value::Int(x), Value::Int(y)) => {
            if k.is_unsigned() {
                (*x as u64).cmp(&(*y as u64))
            } else {
                x.cmp(y)
            }
        }
        // NaN sorts first, then the usual order.
        (_, Value::Float(x), Value::Float(y)) => match (x.is_nan(), y.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        },
        (_, x @ (Value::Str(_) | Value::Short(_)), y @ (Value::Str(_) | Value::Short(_))) => {
            x.as_bytes().cmp(y.as_bytes())
        }
        (_, Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (RtKind::Struct { fields }, Value::Agg(x), Value::Agg(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            for (f, (p, q)) in fields.iter().zip(x.iter().zip(y.iter())) {
                let c = compare(types, f.ty, p, q);
                if c != Ordering::Equal {
                    return c;
                }
            }
            Ordering::Equal
        }
        (RtKind::Array { elem, .. }, Value::Agg(x), Value::Agg(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            for (p, q) in x.iter().zip(y.iter()) {
                let c = compare(types, *elem, p, q);
                if c != Ordering::Equal {
                    return c;
                }
            }
            Ordering::Equal
        }
        // Interfaces: nil first, then by dynamic type, then by value.
        (_, Value::Nil, Value::Nil) => Ordering::Equal,
        (_, Value::Nil, _) => Ordering::Less,
        (_, _, Value::Nil) => Ordering::Greater,
        (_, Value::Iface(x), Value::Iface(y)) => type_order(types, x.ty)
            .cmp(&type_order(types, y.ty))
            .then_with(|| x.ty.cmp(&y.ty))
            .then_with(|| compare(types, x.ty, &x.val, &y.val)),
        (_, x, y) => x.address().cmp(&y.address()),
    }
}

fn int_arg(v: &Value) -> Option<i64> {
    match v {
        Value::Iface(x) => match x.val {
            Value::Int(i) => Some(i),
            _ => None,
        },
        _ => None,
    }
}

fn parse_num(format: &[u8], mut i: usize) -> (Option<usize>, usize) {
    let start = i;
    let mut n = 0usize;
    while i < format.len() && format[i].is_ascii_digit() {
        // Go's parsenum: a number already past a million before its next
        // digit is no number, and the rest of the format is skipped (so the
        // verb is missing: `%!(NOVERB)`), rather than padding by gigabytes.
        if too_large(n as i64) {
            return (None, format.len());
        }
        n = n * 10 + (format[i] - b'0') as usize;
        i += 1;
    }
    (if i > start { Some(n) } else { None }, i)
}

/// Go's `tooLarge`: widths and precisions, written or given by `*`, stay
/// within a million either way.
fn too_large(n: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&n)
}

/// An explicit argument index `[n]` (1-based) at `i`, if any.
fn arg_index(
    format: &[u8],
    i: usize,
    arg_num: usize,
    n_args: usize,
    reordered: &mut bool,
    good: &mut bool,
) -> (usize, usize) {
    if i >= format.len() || format[i] != b'[' {
        return (arg_num, i);
    }
    *reordered = true;
    // parseArgNumber: `[n]` with n a decimal one-based index.
    let Some(close) = format[i..].iter().position(|b| *b == b']') else {
        *good = false;
        return (arg_num, i + 1);
    };
    let (n, j) = parse_num(format, i + 1);
    match n {
        Some(n) if j == i + close && n >= 1 && n - 1 < n_args => (n - 1, i + close + 1),
        _ => {
            *good = false;
            (arg_num, i + close + 1)
        }
    }
}

/// strconv.CanBackquote: valid UTF-8 without a backquote, U+FEFF or control characters other than tab.
fn can_backquote(s: &[u8]) -> bool {
    match std::str::from_utf8(s) {
        Ok(text) => !text
            .chars()
            .any(|c| c == '`' || c == '\u{FEFF}' || (c < ' ' && c != '\t') || c == '\x7f'),
        Err(_) => false,
    }
}

fn decode_verb(s: &[u8]) -> (char, usize) {
    let (r, w) = crate::exec::decode_rune(s);
    (char::from_u32(r).unwrap_or('\u{FFFD}'), w.max(1))
}

#[cfg(test)]
mod tests;
