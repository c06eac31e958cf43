//! Go's formatting of numbers, runes and quoted strings: fmt/format.go and strconv's ftoa/quote, re-derived.

use super::Printer;

const LDIGITS: &[u8] = b"0123456789abcdefx";
const UDIGITS: &[u8] = b"0123456789ABCDEFX";

/// Decimal digits of a float: `0.d1d2d3... × 10^dp`, trailing zeros trimmed (strconv's decimalSlice).
struct Digits {
    d: Vec<u8>,
    dp: i32,
    neg: bool,
}

/// Shortest digits that read back as `v` at `bits` precision.
fn shortest(v: f64, bits: u32) -> Digits {
    let s = if bits == 32 {
        format!("{:e}", v as f32)
    } else {
        format!("{v:e}")
    };
    let mut ds = parse_e(&s);
    break_tie_to_even(&mut ds, v, bits);
    ds
}

/// When `v` lies exactly halfway between two shortest candidates that both
/// read back as `v`, Rust's formatter takes the upper one and Go's
/// (strconv's roundShortest) the one with the even last digit:
/// 636402804651448.25 prints as 6.364028046514482e+14 in Go. Such a
/// neighbour is rare, so the exact expansion is only computed for one.
fn break_tie_to_even(ds: &mut Digits, v: f64, bits: u32) {
    let Some(&last) = ds.d.last() else {
        return;
    };
    if (last - b'0').is_multiple_of(2) {
        return;
    }
    // A tie needs v to equal a decimal of at most 18 significant digits that
    // ends in 5: so v is below 1e41 (5**23 divides no mantissa), has at most
    // 25 fractional bits (5**26 has 19 digits), and is not an integer below
    // 2**53 (which prints as itself). Most floats stop here, cheaply.
    let magnitude = v.abs();
    if magnitude >= 1e41
        || (magnitude * 33_554_432.0).fract() != 0.0
        || (magnitude < 9_007_199_254_740_992.0 && magnitude.fract() == 0.0)
    {
        return;
    }
    let reads_back = |d: &[u8]| {
        let text = format!("0.{}e{}", std::str::from_utf8(d).unwrap_or("0"), ds.dp);
        if bits == 32 {
            text.parse::<f32>().is_ok_and(|x| f64::from(x) == v.abs())
        } else {
            text.parse::<f64>().is_ok_and(|x| x == v.abs())
        }
    };
    for neighbour_last in [last - 1, last + 1] {
        let mut neighbour = ds.d.clone();
        let last_idx = neighbour.len() - 1;
        neighbour[last_idx] = neighbour_last;
        if neighbour_last > b'9' || !reads_back(&neighbour) {
            continue;
        }
        let mut midpoint = if neighbour_last < last {
            neighbour.clone()
        } else {
            ds.d.clone()
        };
        midpoint.push(b'5');
        // An f64's exact decimal expansion has at most 767 significant digits.
        let exact = parse_e(&format!("{:.800e}", v));
        if exact.d == midpoint && exact.dp == ds.dp {
            while neighbour.len() > 1 && neighbour.last() == Some(&b'0') {
                neighbour.pop();
            }
            ds.d = neighbour;
            return;
        }
    }
}

/// `n` significant digits of `v`, correctly rounded.
fn rounded(v: f64, n: usize) -> Digits {
    parse_e(&format!("{:.*e}", n.saturating_sub(1), v))
}

fn parse_e(s: &str) -> Digits {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
    if d == b"0" {
        return Digits {
            d: Vec::new(),
            dp: 0,
            neg,
        };
    }
    Digits {
        d,
        dp: exp + 1,
        neg,
    }
}

fn digit(ds: &Digits, i: i32) -> u8 {
    if i >= 0 && (i as usize) < ds.d.len() {
        ds.d[i as usize]
    } else {
        b'0'
    }
}

/// %e: d.ddde±dd with `prec` digits after the point.
fn fmt_e(out: &mut Vec<u8>, ds: &Digits, prec: i32, e: u8) {
    out.push(if ds.d.is_empty() { b'0' } else { ds.d[0] });
    if prec > 0 {
        out.push(b'.');
        for i in 1..=prec {
            out.push(digit(ds, i));
        }
    }
    out.push(e);
    let exp = if ds.d.is_empty() { 0 } else { ds.dp - 1 };
    out.push(if exp < 0 { b'-' } else { b'+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push(b'0');
    }
    out.extend_from_slice(exp.to_string().as_bytes());
}

/// %f: ddd.ddd with `prec` digits after the point.
fn fmt_f(out: &mut Vec<u8>, ds: &Digits, prec: i32) {
    if ds.dp > 0 {
        for i in 0..ds.dp {
            out.push(digit(ds, i));
        }
    } else {
        out.push(b'0');
    }
    if prec > 0 {
        out.push(b'.');
        for i in 0..prec {
            out.push(digit(ds, ds.dp + i));
        }
    }
}

/// strconv.FormatFloat(v, verb, prec, bits), without the sign handling fmt adds.
pub fn format_float(v: f64, verb: u8, prec: i32, bits: u32) -> Vec<u8> {
    let mut out = Vec::new();
    if v.is_nan() {
        return b"NaN".to_vec();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            b"+Inf".to_vec()
        } else {
            b"-Inf".to_vec()
        };
    }
    let v = if bits == 32 { v as f32 as f64 } else { v };
    let shortest_mode = prec < 0;
    let prec = if prec == 0 && matches!(verb, b'g' | b'G') {
        1
    } else {
        prec
    };
    let ds = match (verb, shortest_mode) {
        (_, true) => shortest(v, bits),
        (b'e' | b'E', false) => rounded(v, prec as usize + 1),
        (b'f', false) => {
            // Exact decimal expansion, correctly rounded by Rust's formatter.
            let s = format!("{:.*}", prec as usize, v.abs());
            if v.is_sign_negative() {
                out.push(b'-');
            }
            out.extend_from_slice(s.as_bytes());
            return out;
        }
        (_, false) => rounded(v, prec.max(1) as usize),
    };
    if ds.neg {
        out.push(b'-');
    }
    let mut prec = prec;
    if shortest_mode {
        prec = match verb {
            b'e' | b'E' => (ds.d.len() as i32 - 1).max(0),
            b'f' => (ds.d.len() as i32 - ds.dp).max(0),
            _ => ds.d.len() as i32,
        };
    }
    match verb {
        b'e' | b'E' => fmt_e(&mut out, &ds, prec, verb),
        b'f' => fmt_f(&mut out, &ds, prec),
        _ => {
            let nd = ds.d.len() as i32;
            let mut eprec = if prec == 0 { 1 } else { prec };
            if eprec > nd && nd >= ds.dp {
                eprec = nd;
            }
            // %e is used if the exponent is below -4 or at least the precision;
            // for the shortest form, Go uses precision 21 for this decision in
            // %v and 6 in strconv's 'g' (fmt passes the shortest flag through).
            if shortest_mode {
                eprec = 6;
            }
            let exp = ds.dp - 1;
            let e = if verb == b'G' { b'E' } else { b'e' };
            if !ds.d.is_empty() && (exp < -4 || exp >= eprec) {
                let p = if prec > nd { nd } else { prec };
                fmt_e(&mut out, &ds, p - 1, e);
            } else {
                let p = if prec > ds.dp { nd } else { prec };
                fmt_f(&mut out, &ds, (p - ds.dp).max(0));
            }
        }
    }
    out
}

impl Printer<'_> {
    /// fmt's fmtFloat: strconv's text plus sign, padding and the NaN/Inf rules.
    pub(super) fn fmt_float(&mut self, v: f64, bits: u32, verb: u8, default_prec: i32) {
        let prec = self.f.prec.map_or(default_prec, |p| p as i32);
        let verb = if verb == b'F' { b'f' } else { verb };
        let mut num = vec![b'+'];
        match verb {
            b'b' | b'x' | b'X' => num.extend(format_float_bits(v, verb, prec, bits)),
            _ => num.extend(format_float(v, verb, prec, bits)),
        }
        if num[1] == b'-' || num[1] == b'+' {
            num.remove(0);
        }
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            let old_zero = self.f.zero;
            self.f.zero = false;
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad(&num);
            self.f.zero = old_zero;
            return;
        }
        if self.f.sharp && verb != b'b' {
            num = sharp_float(num, verb, prec);
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && !self.f.minus && self.f.width.is_some_and(|w| w > num.len()) {
                let w = self.f.width.unwrap_or(0);
                self.buf.push(num[0]);
                self.buf.extend(std::iter::repeat_n(b'0', w - num.len()));
                self.buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }

    /// fmt's fmtInteger: `u` in `base`, with precision, zero padding and prefixes.
    pub(super) fn fmt_integer(&mut self, u: u64, base: u32, signed: bool, verb: u8, upper: bool) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let digits = if upper { UDIGITS } else { LDIGITS };
        let mut prec = 0usize;
        if let Some(p) = self.f.prec {
            prec = p;
            if p == 0 && u == 0 {
                let old_zero = self.f.zero;
                self.f.zero = false;
                let w = self.f.width.unwrap_or(0);
                self.write_padding(w);
                self.f.zero = old_zero;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.width.is_some() {
            prec = self.f.width.unwrap_or(0);
            if negative || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        let mut buf: Vec<u8> = Vec::with_capacity(24);
        loop {
            buf.push(digits[(u % base as u64) as usize]);
            u /= base as u64;
            if u == 0 {
                break;
            }
        }
        while buf.len() < prec {
            buf.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => buf.extend_from_slice(b"b0"),
                8 if buf.last() != Some(&b'0') => buf.push(b'0'),
                16 => {
                    buf.push(digits[16]);
                    buf.push(b'0');
                }
                _ => {}
            }
        }
        if verb == b'O' {
            buf.extend_from_slice(b"o0");
        }
        if negative {
            buf.push(b'-');
        } else if self.f.plus {
            buf.push(b'+');
        } else if self.f.space {
            buf.push(b' ');
        }
        buf.reverse();
        let old_zero = self.f.zero;
        self.f.zero = false;
        self.pad(&buf);
        self.f.zero = old_zero;
    }

    /// %c
    pub(super) fn fmt_c(&mut self, r: u64) {
        let c = u32::try_from(r)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        let mut b = [0u8; 4];
        let s = c.encode_utf8(&mut b).as_bytes().to_vec();
        self.pad(&s);
    }

    /// %q of a rune: 'x'
    pub(super) fn fmt_qc(&mut self, r: u64) {
        let c = u32::try_from(r)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        let mut out = vec![b'\''];
        quote_rune_into(&mut out, c, b'\'', self.f.plus);
        out.push(b'\'');
        self.pad(&out);
    }

    /// %U: U+0041, or U+0041 'A' with #
    pub(super) fn fmt_unicode(&mut self, r: u64) {
        let mut s = format!("U+{:0width$X}", r, width = self.f.prec.unwrap_or(4).max(4));
        if self.f.sharp {
            if let Some(c) = u32::try_from(r).ok().and_then(char::from_u32) {
                if is_print(c) {
                    s.push_str(&format!(" '{c}'"));
                }
            }
        }
        let old_zero = self.f.zero;
        self.f.zero = false;
        self.pad(s.as_bytes());
        self.f.zero = old_zero;
    }
}

/// fmt's `#` flag on floats: always a decimal point, and for %g/%x the
/// trailing zeros up to the precision (6 when none is given).
fn sharp_float(mut num: Vec<u8>, verb: u8, prec: i32) -> Vec<u8> {
    let mut digits = match verb {
        b'v' | b'g' | b'G' | b'x' => {
            if prec == -1 {
                6
            } else {
                prec
            }
        }
        _ => 0,
    };
    let mut tail = Vec::new();
    let mut has_point = false;
    let mut saw_nonzero = false;
    let mut i = 1;
    while i < num.len() {
        match num[i] {
            b'.' => has_point = true,
            b'p' | b'P' => {
                tail = num.split_off(i);
                break;
            }
            b'e' | b'E' if verb != b'x' && verb != b'X' => {
                tail = num.split_off(i);
                break;
            }
            c => {
                if c != b'0' {
                    saw_nonzero = true;
                }
                if saw_nonzero {
                    digits -= 1;
                }
            }
        }
        i += 1;
    }
    if !has_point {
        if num.len() == 2 && num[1] == b'0' {
            digits -= 1;
        }
        num.push(b'.');
    }
    while digits > 0 {
        num.push(b'0');
        digits -= 1;
    }
    num.extend(tail);
    num
}

/// strconv.Quote (ASCII-only escapes when `ascii`).
pub fn quote(s: &[u8], ascii: bool) -> Vec<u8> {
    let mut out = vec![b'"'];
    let mut i = 0;
    while i < s.len() {
        let (r, w) = crate::exec::decode_rune(&s[i..]);
        if r == 0xFFFD && w == 1 {
            out.extend_from_slice(format!("\\x{:02x}", s[i]).as_bytes());
        } else {
            quote_rune_into(
                &mut out,
                char::from_u32(r).unwrap_or('\u{FFFD}'),
                b'"',
                ascii,
            );
        }
        i += w.max(1);
    }
    out.push(b'"');
    out
}

fn quote_rune_into(out: &mut Vec<u8>, c: char, quote: u8, ascii: bool) {
    let r = c as u32;
    if r == quote as u32 || c == '\\' {
        out.push(b'\\');
        out.push(r as u8);
        return;
    }
    if (ascii && r < 0x80 && is_print(c)) || (!ascii && is_print(c)) {
        let mut b = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
        return;
    }
    let esc = match c {
        '\x07' => "\\a",
        '\x08' => "\\b",
        '\x0c' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\x0b' => "\\v",
        _ => "",
    };
    if !esc.is_empty() {
        out.extend_from_slice(esc.as_bytes());
    } else if r < b' ' as u32 || r == 0x7f {
        out.extend_from_slice(format!("\\x{r:02x}").as_bytes());
    } else if r < 0x10000 {
        out.extend_from_slice(format!("\\u{r:04x}").as_bytes());
    } else {
        out.extend_from_slice(format!("\\U{r:08x}").as_bytes());
    }
}

/// An approximation of unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space.
pub fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || ('\u{200b}'..='\u{200f}').contains(&c)
        || c == '\u{feff}')
}

/// The sign, mantissa (with the implicit bit) and unbiased exponent of `v`
/// as strconv's ftoa splits it: `v = mant × 2^(exp - mantbits)`.
fn float_parts(v: f64, bits: u32) -> (bool, u64, i32, u32) {
    let (raw, mantbits, expbits, bias) = if bits == 32 {
        (u64::from((v as f32).to_bits()), 23u32, 8u32, -127)
    } else {
        (v.to_bits(), 52, 11, -1023)
    };
    let neg = raw >> (mantbits + expbits) != 0;
    let mut exp = ((raw >> mantbits) & ((1 << expbits) - 1)) as i32;
    let mut mant = raw & ((1u64 << mantbits) - 1);
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1 << mantbits;
    }
    (neg, mant, exp + bias, mantbits)
}

/// strconv.FormatFloat's 'b' (mantissa p exponent) and 'x'/'X' (hex mantissa and binary exponent) formats.
pub fn format_float_bits(v: f64, verb: u8, prec: i32, bits: u32) -> Vec<u8> {
    if v.is_nan() {
        return b"NaN".to_vec();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            b"+Inf".to_vec()
        } else {
            b"-Inf".to_vec()
        };
    }
    let (neg, mant, exp, mantbits) = float_parts(v, bits);
    let mut out = Vec::new();
    if neg {
        out.push(b'-');
    }
    if verb == b'b' {
        let exp = exp - mantbits as i32;
        out.extend_from_slice(mant.to_string().as_bytes());
        out.push(b'p');
        if exp >= 0 {
            out.push(b'+');
        }
        out.extend_from_slice(exp.to_string().as_bytes());
        return out;
    }
    fmt_x(out, prec, verb, mant, exp, mantbits)
}

/// strconv's fmtX: `[-]0x1.hhhp±dd`, rounded to `prec` hex digits when `prec >= 0`.
fn fmt_x(
    mut out: Vec<u8>,
    prec: i32,
    verb: u8,
    mut mant: u64,
    mut exp: i32,
    mantbits: u32,
) -> Vec<u8> {
    if mant == 0 {
        exp = 0;
    }
    // Shift the digits so a leading 1 (if any) is at bit 60.
    mant <<= 60 - mantbits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex = if verb == b'X' { UDIGITS } else { LDIGITS };
    out.extend_from_slice(&[b'0', verb, b'0' + ((mant >> 60) & 1) as u8]);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push(b'.');
        while mant != 0 {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push(b'.');
        for _ in 0..prec {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    out.push(if verb == b'X' { b'P' } else { b'p' });
    out.push(if exp < 0 { b'-' } else { b'+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push(b'0');
    }
    out.extend_from_slice(exp.to_string().as_bytes());
    out
}

/// strconv.QuoteRune (ASCII-only escapes when `ascii`); an invalid rune quotes as U+FFFD.
pub fn quote_rune(r: i64, ascii: bool) -> Vec<u8> {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut out = vec![b'\''];
    quote_rune_into(&mut out, c, b'\'', ascii);
    out.push(b'\'');
    out
}
