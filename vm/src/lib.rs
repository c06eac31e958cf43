//! Type checker, compiler and interpreter of gomini (being written).
