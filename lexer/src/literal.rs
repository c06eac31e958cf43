//! Scanning and decoding of Go's literals and comments, with Go's checks and error positions.
//!
//! The scanners mirror `cmd/compile/internal/syntax/scanner.go`: each returns the
//! literal's length and reports every problem at the byte Go reports it, so the
//! messages can be compared with `go build`'s. The decoders run later, on text
//! the scanner has already judged, and never fail.

use crate::{Diagnostic, Phase, Span};

/// Which kind of number a numeric literal turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    Int,
    Float,
    Imag,
}

/// Collects diagnostics at offsets relative to a literal's start.
pub(crate) struct Reporter<'a> {
    pub base: usize,
    pub out: &'a mut Vec<Diagnostic>,
}

impl Reporter<'_> {
    fn at(&mut self, offset: usize, message: impl Into<String>) {
        let pos = (self.base + offset) as u32;
        self.out
            .push(Diagnostic::new(Phase::Lex, Span::new(pos, pos), message));
    }
}

fn lower(byte: u8) -> u8 {
    byte | 0x20
}

fn is_decimal(byte: u8) -> bool {
    byte.is_ascii_digit()
}

fn is_hex(byte: u8) -> bool {
    byte.is_ascii_hexdigit()
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// The character at `idx` as Go's `%q` prints a rune (`'9'`, `'\n'`).
fn quote_char(text: &str, idx: usize) -> String {
    let ch = text
        .get(idx..)
        .and_then(|rest| rest.chars().next())
        .unwrap_or('\u{FFFD}');
    format!("{ch:?}")
}

/// Scans a number starting at `text[0]` (a digit, or `.` followed by a digit).
/// Returns its length and kind.
pub(crate) fn scan_number(text: &str, report: &mut Reporter<'_>) -> (usize, NumberKind) {
    let bytes = text.as_bytes();
    let peek = |idx: usize| bytes.get(idx).copied().unwrap_or(0);
    let mut idx = 0;
    let mut ok = true;
    let mut kind = NumberKind::Int;
    let mut base = 10u32;
    let mut prefix = 0u8;
    let mut digsep = 0u32;
    let mut invalid: Option<usize> = None;
    let mut seen_point = peek(0) == b'.';

    // Accepts { digit | '_' }; bit 0 of the result: a digit seen, bit 1: a '_' seen.
    let digits = |idx: &mut usize, base: u32, invalid: &mut Option<usize>| -> u32 {
        let mut digsep = 0;
        loop {
            let byte = peek(*idx);
            let is_digit = if base <= 10 {
                is_decimal(byte)
            } else {
                is_hex(byte)
            };
            if !is_digit && byte != b'_' {
                break;
            }
            if byte == b'_' {
                digsep |= 2;
            } else {
                digsep |= 1;
                if base <= 10 && u32::from(byte - b'0') >= base && invalid.is_none() {
                    *invalid = Some(*idx);
                }
            }
            *idx += 1;
        }
        digsep
    };

    if !seen_point {
        if peek(0) == b'0' {
            idx = 1;
            match lower(peek(1)) {
                b'x' => (idx, base, prefix) = (2, 16, b'x'),
                b'o' => (idx, base, prefix) = (2, 8, b'o'),
                b'b' => (idx, base, prefix) = (2, 2, b'b'),
                _ => {
                    (base, prefix) = (8, b'0');
                    digsep = 1;
                }
            }
        }
        digsep |= digits(&mut idx, base, &mut invalid);
        if peek(idx) == b'.' {
            if prefix == b'o' || prefix == b'b' {
                report.at(
                    idx,
                    format!("invalid radix point in {} literal", base_name(base)),
                );
                ok = false;
            }
            idx += 1;
            seen_point = true;
        }
    } else {
        idx = 1;
    }

    if seen_point {
        kind = NumberKind::Float;
        digsep |= digits(&mut idx, base, &mut invalid);
    }

    if digsep & 1 == 0 && ok {
        report.at(idx, format!("{} literal has no digits", base_name(base)));
        ok = false;
    }

    let exp = lower(peek(idx));
    if exp == b'e' || exp == b'p' {
        if ok {
            if exp == b'e' && prefix != 0 && prefix != b'0' {
                report.at(
                    idx,
                    format!(
                        "{} exponent requires decimal mantissa",
                        quote_char(text, idx)
                    ),
                );
                ok = false;
            } else if exp == b'p' && prefix != b'x' {
                report.at(
                    idx,
                    format!(
                        "{} exponent requires hexadecimal mantissa",
                        quote_char(text, idx)
                    ),
                );
                ok = false;
            }
        }
        idx += 1;
        kind = NumberKind::Float;
        if peek(idx) == b'+' || peek(idx) == b'-' {
            idx += 1;
        }
        let mut no_invalid = None;
        digsep = digits(&mut idx, 10, &mut no_invalid) | (digsep & 2);
        if digsep & 1 == 0 && ok {
            report.at(idx, "exponent has no digits");
            ok = false;
        }
    } else if prefix == b'x' && kind == NumberKind::Float && ok {
        report.at(idx, "hexadecimal mantissa requires a 'p' exponent");
        ok = false;
    }

    if peek(idx) == b'i' {
        kind = NumberKind::Imag;
        idx += 1;
    }

    if kind == NumberKind::Int && ok {
        if let Some(invalid_idx) = invalid {
            report.at(
                invalid_idx,
                format!(
                    "invalid digit {} in {} literal",
                    quote_char(text, invalid_idx),
                    base_name(base)
                ),
            );
            ok = false;
        }
    }

    if digsep & 2 != 0 && ok {
        if let Some(sep_idx) = invalid_separator(&bytes[..idx]) {
            report.at(sep_idx, "'_' must separate successive digits");
        }
    }
    (idx, kind)
}

/// The index of the first misplaced `_` in a number literal, as Go's `invalidSep`.
fn invalid_separator(lit: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut digit = b'.';
    let mut idx = 0;
    if lit.len() >= 2 && lit[0] == b'0' {
        x1 = lower(lit[1]);
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            digit = b'0';
            idx = 2;
        }
    }
    while idx < lit.len() {
        let prev = digit;
        digit = lit[idx];
        if digit == b'_' {
            if prev != b'0' {
                return Some(idx);
            }
        } else if is_decimal(digit) || (x1 == b'x' && is_hex(digit)) {
            digit = b'0';
        } else {
            if prev == b'_' {
                return Some(idx - 1);
            }
            digit = b'.';
        }
        idx += 1;
    }
    if digit == b'_' {
        return Some(lit.len() - 1);
    }
    None
}

/// Scans one escape after a backslash at `text[idx - 1]`; returns the index after it.
fn scan_escape(text: &str, mut idx: usize, quote: u8, report: &mut Reporter<'_>) -> (usize, bool) {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.get(idx) else {
        return (idx, true); // The caller complains about the missing end.
    };
    let (n_digits, base, max): (u32, u32, u32) = match first {
        b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\' => return (idx + 1, true),
        byte if byte == quote => return (idx + 1, true),
        b'0'..=b'7' => (3, 8, 255),
        b'x' => {
            idx += 1;
            (2, 16, 255)
        }
        b'u' => {
            idx += 1;
            (4, 16, 0x10FFFF)
        }
        b'U' => {
            idx += 1;
            (8, 16, 0x10FFFF)
        }
        _ => {
            report.at(idx, "unknown escape");
            return (idx, false);
        }
    };
    let mut value: u32 = 0;
    for _ in 0..n_digits {
        let Some(&byte) = bytes.get(idx) else {
            return (idx, true);
        };
        let digit = match byte {
            b'0'..=b'9' => u32::from(byte - b'0'),
            b'a'..=b'f' | b'A'..=b'F' => u32::from(lower(byte) - b'a') + 10,
            _ => base,
        };
        if digit >= base {
            report.at(
                idx,
                format!(
                    "invalid character {} in {} escape",
                    quote_char(text, idx),
                    base_name(base)
                ),
            );
            return (idx, false);
        }
        value = value.wrapping_mul(base).wrapping_add(digit);
        idx += 1;
    }
    if value > max && base == 8 {
        report.at(idx, format!("octal escape value {value} > 255"));
        return (idx, false);
    }
    if value > max || (0xD800..0xE000).contains(&value) {
        report.at(
            idx,
            format!("escape is invalid Unicode code point {}", go_unicode(value)),
        );
        return (idx, false);
    }
    (idx, true)
}

/// Go's `%#U`: `U+0040 '@'`, or just `U+0000` for an unprintable code point.
pub fn go_unicode(value: u32) -> String {
    match char::from_u32(value) {
        Some(ch) if !ch.is_control() && value != 0xFFFD_0000 => format!("U+{value:04X} '{ch}'"),
        _ => format!("U+{value:04X}"),
    }
}

/// Scans an interpreted string starting at its opening `"`; returns its length.
pub(crate) fn scan_string(text: &str, report: &mut Reporter<'_>) -> usize {
    let bytes = text.as_bytes();
    let mut idx = 1;
    loop {
        match bytes.get(idx) {
            Some(b'"') => return idx + 1,
            Some(b'\\') => idx = scan_escape(text, idx + 1, b'"', report).0,
            Some(b'\n') => {
                report.at(idx, "newline in string");
                return idx;
            }
            None => {
                report.at(0, "string not terminated");
                return idx;
            }
            Some(_) => idx += 1,
        }
    }
}

/// Scans a raw string starting at its opening backquote; returns its length.
pub(crate) fn scan_raw_string(text: &str, report: &mut Reporter<'_>) -> usize {
    match text[1..].find('`') {
        Some(end) => end + 2,
        None => {
            report.at(0, "string not terminated");
            text.len()
        }
    }
}

/// Scans a rune literal starting at its opening `'`; returns its length.
pub(crate) fn scan_rune(text: &str, report: &mut Reporter<'_>) -> usize {
    let bytes = text.as_bytes();
    let mut ok = true;
    let mut idx = 1;
    let mut n_chars = 0;
    loop {
        match bytes.get(idx) {
            Some(b'\'') => {
                if ok {
                    if n_chars == 0 {
                        report.at(idx, "empty rune literal or unescaped '");
                    } else if n_chars != 1 {
                        report.at(0, "more than one character in rune literal");
                    }
                }
                return idx + 1;
            }
            Some(b'\\') => {
                let (next, escape_ok) = scan_escape(text, idx + 1, b'\'', report);
                ok &= escape_ok;
                idx = next;
            }
            Some(b'\n') => {
                if ok {
                    report.at(idx, "newline in rune literal");
                }
                return idx;
            }
            None => {
                if ok {
                    report.at(0, "rune literal not terminated");
                }
                return idx;
            }
            Some(_) => idx += text[idx..].chars().next().map_or(1, char::len_utf8),
        }
        n_chars += 1;
    }
}

/// Scans a block comment starting at `/*`; returns its length and whether it holds a newline.
pub(crate) fn scan_block_comment(text: &str, report: &mut Reporter<'_>) -> (usize, bool) {
    match text[2..].find("*/") {
        Some(end) => (end + 4, text[2..end + 2].contains('\n')),
        None => {
            report.at(0, "comment not terminated");
            (text.len(), text.contains('\n'))
        }
    }
}

// ---------------------------------------------------------------------------
// Decoding (for the parser; the scanner has already reported any problem)
// ---------------------------------------------------------------------------

/// Decodes one escape at `bytes[idx]` (just after the backslash) into `out`;
/// returns the index after it.
fn decode_escape(bytes: &[u8], idx: usize, out: &mut Vec<u8>, is_rune: &mut Option<u32>) -> usize {
    let Some(&first) = bytes.get(idx) else {
        return idx;
    };
    let simple = match first {
        b'a' => Some(0x07),
        b'b' => Some(0x08),
        b'f' => Some(0x0C),
        b'n' => Some(b'\n'),
        b'r' => Some(b'\r'),
        b't' => Some(b'\t'),
        b'v' => Some(0x0B),
        b'\\' | b'\'' | b'"' => Some(first),
        _ => None,
    };
    if let Some(byte) = simple {
        out.push(byte);
        *is_rune = Some(u32::from(byte));
        return idx + 1;
    }
    let (start, n_digits, radix, is_byte) = match first {
        b'0'..=b'7' => (idx, 3, 8, true),
        b'x' => (idx + 1, 2, 16, true),
        b'u' => (idx + 1, 4, 16, false),
        b'U' => (idx + 1, 8, 16, false),
        _ => {
            out.push(first);
            return idx + 1;
        }
    };
    let end = (start + n_digits).min(bytes.len());
    let digits = std::str::from_utf8(&bytes[start..end]).unwrap_or("");
    let value = u32::from_str_radix(digits, radix).unwrap_or(0);
    if is_byte {
        out.push(value as u8);
    } else {
        let ch = char::from_u32(value).unwrap_or('\u{FFFD}');
        out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
    }
    *is_rune = Some(value);
    end
}

/// The bytes a string literal (`"..."` or `` `...` ``, quotes included) denotes.
pub fn string_value(literal: &str) -> Vec<u8> {
    let bytes = literal.as_bytes();
    if bytes.first() == Some(&b'`') {
        let inner = literal
            .get(1..literal.len().saturating_sub(1).max(1))
            .unwrap_or("");
        return inner.bytes().filter(|&byte| byte != b'\r').collect();
    }
    let end = if bytes.len() >= 2 && bytes.last() == Some(&b'"') {
        bytes.len() - 1
    } else {
        bytes.len()
    };
    let mut out = Vec::with_capacity(end);
    let mut idx = 1;
    let mut ignored = None;
    while idx < end {
        if bytes[idx] == b'\\' {
            idx = decode_escape(bytes, idx + 1, &mut out, &mut ignored);
        } else {
            out.push(bytes[idx]);
            idx += 1;
        }
    }
    out
}

/// The code point a rune literal (`'a'`, `'\n'`, `'\xff'`, quotes included) denotes.
pub fn rune_value(literal: &str) -> u32 {
    let bytes = literal.as_bytes();
    match bytes.get(1) {
        Some(b'\\') => {
            let mut value = None;
            decode_escape(bytes, 2, &mut Vec::new(), &mut value);
            value.unwrap_or(0)
        }
        _ => literal
            .get(1..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, u32::from),
    }
}
