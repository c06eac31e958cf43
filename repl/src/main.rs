//! The `gomini` binary (being written).
fn main() {}
