//! Formatting tables; every expected string was printed by the real Go toolchain (go1.27, /tmp/gp/fl.go).

use super::Printer;
use crate::rtype::{IntKind, RtKind, RtType, RtTypeId, RtTypes};
use crate::value::Value;

struct T {
    types: RtTypes,
    int32: RtTypeId,
    float32: RtTypeId,
    ints: RtTypeId,
}

fn types() -> T {
    let mut types = RtTypes::with_builtins();
    let named = |name: &str, kind| RtType {
        name: Some(name.into()),
        kind,
        methods: vec![],
    };
    let int32 = types.add(named("int32", RtKind::Int(IntKind::Int32)));
    let float32 = types.add(named("float32", RtKind::Float32));
    let ints = types.add(RtType {
        name: None,
        kind: RtKind::Slice {
            elem: RtTypeId::INT,
        },
        methods: vec![],
    });
    T {
        types,
        int32,
        float32,
        ints,
    }
}

fn int(i: i64) -> Value {
    Value::iface(RtTypeId::INT, Value::Int(i))
}
fn float(f: f64) -> Value {
    Value::iface(RtTypeId::FLOAT64, Value::Float(f))
}
fn string(s: &str) -> Value {
    Value::iface(RtTypeId::STRING, Value::str(s))
}

fn sprintf(t: &T, format: &str, args: &[Value]) -> String {
    let mut p = Printer::without_methods(&t.types);
    p.printf(format.as_bytes(), args).unwrap();
    String::from_utf8(p.buf).unwrap()
}

#[test]
fn println_floats_as_go() {
    let t = types();
    let (a, b) = (std::hint::black_box(0.1), std::hint::black_box(0.2));
    let args = vec![
        float(1e21),
        float(1e20),
        float(a + b),
        float(f64::NAN),
        float(f64::INFINITY),
        float(f64::NEG_INFINITY),
        float(-0.0),
        Value::iface(t.float32, Value::Float(0.1f32 as f64)),
        float(100000.0),
        float(1234567.0),
        float(1e-5),
        float(0.0001),
    ];
    let mut p = Printer::without_methods(&t.types);
    p.println(&args).unwrap();
    assert_eq!(
        String::from_utf8(p.buf).unwrap(),
        "1e+21 1e+20 0.30000000000000004 NaN +Inf -Inf -0 0.1 100000 1.234567e+06 1e-05 0.0001\n"
    );
}

#[test]
#[allow(clippy::approx_constant)] // 3.14159 is the literal the Go program used.
fn sprintf_verb_table() {
    let t = types();
    let rune = |r: char| Value::iface(t.int32, Value::Int(r as i64));
    let args = vec![
        float(3.14159),
        float(1234.5678),
        float(1e-7),
        float(1e21),
        float(0.0),
        int(5),
        int(-42),
        int(255),
        int(255),
        int(8),
        int(5),
        rune('A'),
        rune('x'),
        rune('\u{1F600}'),
        rune('A'),
        Value::iface(RtTypeId::BOOL, Value::Bool(true)),
        string("hi"),
        string("ab"),
        string("hello"),
        string("a\"b\n"),
        string("hi"),
        string("hi"),
        string("hi"),
        int(8),
        Value::iface(t.ints, Value::slice(vec![Value::Int(1), Value::Int(2)])),
        string("str"),
        int(3),
    ];
    let got = sprintf(
        &t,
        "%6.2f|%-8.3e|%g|%G|%e|%+d|%05d|%x|%X|%o|%b|%c|%q|%U|%#U|%t|%8s|%-5s|%.2s|%q|%x|% x|%#x|%#o|%v|%d|%!|%z\n",
        &args,
    );
    assert_eq!(
        got,
        "  3.14|1.235e+03|1e-07|1E+21|0.000000e+00|+5|-0042|ff|FF|10|101|A|'x'|U+1F600|U+0041 'A'|true|      hi|ab   |he|\"a\\\"b\\n\"|6869|68 69|0x6869|010|[1 2]|%!d(string=str)|%!!(int=3)|%!z(MISSING)\n"
    );
}

#[test]
#[allow(clippy::approx_constant)]
fn sprintf_missing_and_extra() {
    let t = types();
    assert_eq!(sprintf(&t, "%d %s\n", &[int(1)]), "1 %!s(MISSING)\n");
    assert_eq!(sprintf(&t, "%d\n", &[int(1), int(2)]), "1\n%!(EXTRA int=2)");
    let got = sprintf(
        &t,
        "%.3g|%10.4f|%-10d|%+.2e|%x|%08.3f|% d|%+q",
        &[
            float(1.0),
            float(std::f64::consts::PI),
            int(7),
            float(12345.678),
            int(-1),
            float(-3.14159),
            int(5),
            string("é"),
        ],
    );
    assert_eq!(
        got,
        "1|    3.1416|7         |+1.23e+04|-1|-003.142| 5|\"\\u00e9\""
    );
}

#[test]
fn integer_wraparound_per_width() {
    // int8(127)+1, uint8(0)-1, int16(-32768)-1, uint32 max + 1, int32 overflow multiply.
    assert_eq!(IntKind::Int8.wrap(127 + 1), -128);
    assert_eq!(IntKind::Uint8.wrap(-1), 255);
    assert_eq!(IntKind::Int16.wrap(-32768 - 1), 32767);
    assert_eq!(IntKind::Uint32.wrap(u32::MAX as i64 + 1), 0);
    assert_eq!(IntKind::Int32.wrap(65536 * 65536 + 5), 5);
    // uint64 max prints as Go prints it.
    let t = types();
    let mut types = t.types.clone();
    let u64t = types.add(RtType {
        name: Some("uint64".into()),
        kind: RtKind::Int(IntKind::Uint64),
        methods: vec![],
    });
    let mut p = Printer::without_methods(&types);
    p.println(&[Value::iface(u64t, Value::Int(-1))]).unwrap();
    assert_eq!(String::from_utf8(p.buf).unwrap(), "18446744073709551615\n");
}
