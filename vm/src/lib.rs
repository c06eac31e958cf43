//! Type checker, compiler and interpreter of gomini (being written).

pub mod check;
pub mod hir;
pub mod stdlib;
pub mod types;
