//! Property: the parser never panics, on arbitrary bytes or on mutated valid programs.

use proptest::prelude::*;

const VALID: &str = "package main\n\nimport \"fmt\"\n\ntype T struct{ a, b int }\n\nfunc (t *T) sum() int { return t.a + t.b }\n\nfunc main() {\n\tx := []int{1, 2, 3}\n\tfor i, v := range x {\n\t\tif v > 1 {\n\t\t\tfmt.Println(i, v, &T{1, 2})\n\t\t} else {\n\t\t\tcontinue\n\t\t}\n\t}\n\tswitch y := x[0]; y {\n\tcase 1:\n\t\tdefer func() { recover() }()\n\t}\n\tch := make(chan int, 1)\n\tselect {\n\tcase ch <- 1:\n\tdefault:\n\t}\n}\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = gomini_parser::parse_bytes(&bytes);
    }

    #[test]
    fn mutated_valid_program(edits in proptest::collection::vec((0usize..VALID.len(), 0usize..4, any::<u8>()), 1..6)) {
        let mut bytes = VALID.as_bytes().to_vec();
        for (pos, action, byte) in edits {
            let pos = pos.min(bytes.len());
            match action {
                0 => { bytes.insert(pos, byte); }
                1 => { if pos < bytes.len() { bytes.remove(pos); } }
                2 => { if pos < bytes.len() { bytes[pos] = byte; } }
                _ => {
                    // Duplicate a slice, which nests and unbalances brackets.
                    let end = (pos + usize::from(byte)).min(bytes.len());
                    let chunk = bytes[pos..end].to_vec();
                    bytes.splice(pos..pos, chunk);
                }
            }
        }
        let _ = gomini_parser::parse_bytes(&bytes);
    }
}
