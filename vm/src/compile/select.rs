//! `select`: every channel and send value evaluated once in source order, one `Select` instruction, then a dispatch on the chosen case's index.
//!
//! The register block handed to `Op::Select` holds the send cases as
//! (channel, value) pairs first, then the receive cases' channels (op.rs).
//! Case indices therefore number the send cases before the receive cases,
//! whatever their order in the source; the dispatch maps each index back to
//! its clause. A receive clause first stores the received value and `ok` into
//! its destinations (an `=` clause evaluates its places only now, after the
//! case was chosen, as Go does), then runs its body. `default` is the case
//! index -1, which no comparison matches.

use gomini_lexer::Span;

use crate::hir::{RecvDest, Select, SelectKind};
use crate::op::{Op, Reg};
use crate::program::JumpLabel;
use crate::types::TypeId;

use super::func::FuncCompiler;
use super::{unsupported, CResult};

impl FuncCompiler<'_, '_> {
    pub fn select(&mut self, sel: &Select, span: Span) -> CResult<()> {
        let n_send = sel
            .cases
            .iter()
            .filter(|c| matches!(c.kind, SelectKind::Send { .. }))
            .count();
        let n_recv = sel
            .cases
            .iter()
            .filter(|c| matches!(c.kind, SelectKind::Recv { .. }))
            .count();
        if n_send > u8::MAX as usize || n_recv > u8::MAX as usize {
            return unsupported(span, "a select with more than 255 send or receive cases");
        }
        let block = !sel
            .cases
            .iter()
            .any(|c| matches!(c.kind, SelectKind::Default));

        // R[dst] = case index, R[dst+1] = received value, R[dst+2] = ok.
        let dst = self.temps(3);
        let cases = self.temps((2 * n_send + n_recv) as u16);
        self.check_regs(span)?;

        // The op's index of each clause (None for default), and the operands in source order.
        let mut index: Vec<Option<u16>> = Vec::with_capacity(sel.cases.len());
        let (mut next_send, mut next_recv) = (0u16, 0u16);
        for case in &sel.cases {
            match &case.kind {
                SelectKind::Default => index.push(None),
                SelectKind::Send { chan, value } => {
                    let slot = cases + 2 * next_send;
                    self.expr_to(chan, slot)?;
                    self.expr_owned(value, slot + 1)?;
                    index.push(Some(next_send));
                    next_send += 1;
                }
                SelectKind::Recv { chan, .. } => {
                    let slot = cases + 2 * n_send as u16 + next_recv;
                    self.expr_to(chan, slot)?;
                    index.push(Some(n_send as u16 + next_recv));
                    next_recv += 1;
                }
            }
        }
        self.emit(
            Op::Select {
                dst,
                cases,
                n_send: n_send as u8,
                n_recv: n_recv as u8,
                block,
            },
            span,
        );

        let mut to_body: Vec<Vec<JumpLabel>> = Vec::with_capacity(sel.cases.len());
        for (case, idx) in sel.cases.iter().zip(&index) {
            let Some(idx) = idx else {
                to_body.push(Vec::new());
                continue;
            };
            let saved = self.top;
            let k = self.temp();
            // At the case's source: the race detector names a send case's line by this instruction.
            self.emit(
                Op::LoadInt {
                    dst: k,
                    val: *idx as i32,
                },
                case.span,
            );
            let cond = self.temp();
            self.emit(
                Op::EqInt {
                    dst: cond,
                    a: dst,
                    b: k,
                },
                case.span,
            );
            to_body.push(vec![self
                .fb
                .emit_jump(Op::JumpIf { cond, off: 0 }, case.span)]);
            self.top = saved;
        }
        let flags = sel
            .cases
            .iter()
            .map(|c| (matches!(c.kind, SelectKind::Default), false))
            .collect();
        self.switch_bodies(sel.target, to_body, flags, span, |fc, i| {
            let case = &sel.cases[i];
            if let SelectKind::Recv { chan, value, ok } = &case.kind {
                let elem = match fc.c.hir.types.under(chan.ty) {
                    crate::types::Type::Chan { elem, .. } => *elem,
                    _ => TypeId::INVALID,
                };
                if let Some(v) = value {
                    fc.recv_store(v, elem, dst + 1, case.span)?;
                }
                if let Some(ok) = ok {
                    fc.recv_store(ok, TypeId::BOOL, dst + 2, case.span)?;
                }
            }
            fc.stmts(&case.body)
        })
    }

    /// Stores a select receive's value or `ok` (in `src`) into its destination.
    fn recv_store(&mut self, dest: &RecvDest, ty: TypeId, src: Reg, span: Span) -> CResult<()> {
        match dest {
            RecvDest::Define(l) => {
                let r = self.local_reg[l.0 as usize];
                if self.boxed[l.0 as usize] {
                    self.emit(Op::NewCell { dst: r, src }, span);
                } else {
                    self.emit(Op::Move { dst: r, src }, span);
                }
            }
            RecvDest::Assign(p) => {
                let loc = self.loc(p, span)?;
                let place_ty = self.place_ty(p);
                let ty = if place_ty == TypeId::INVALID {
                    ty
                } else {
                    place_ty
                };
                self.store_loc(loc, ty, src, span)?;
            }
        }
        Ok(())
    }
}
