//! Expression and type switches: all case tests first, in source order, then the bodies laid out in order so `fallthrough` is just falling into the next one (`select` reuses the layout).

use gomini_lexer::Span;

use crate::hir::{BinOp, Switch, TypeSwitch};
use crate::op::Op;
use crate::program::JumpLabel;

use super::func::{FuncCompiler, Target};
use super::CResult;

impl FuncCompiler<'_, '_> {
    pub fn switch(&mut self, sw: &Switch, span: Span) -> CResult<()> {
        if let Some(init) = &sw.init {
            self.stmt(init)?;
        }
        let tag = match &sw.tag {
            Some(t) => {
                let r = self.temp();
                self.expr_to(t, r)?;
                Some((r, t.ty))
            }
            None => None,
        };
        let mut to_body: Vec<Vec<JumpLabel>> = Vec::new();
        for case in &sw.cases {
            let mut jumps = Vec::new();
            for e in &case.exprs {
                let saved = self.top;
                let cond = match tag {
                    Some((t, ty)) => {
                        let v = self.expr(e)?;
                        let cond = self.temp();
                        self.arith(BinOp::Eq, ty, t, v, cond, e.span)?;
                        cond
                    }
                    None => self.expr(e)?,
                };
                jumps.push(self.fb.emit_jump(Op::JumpIf { cond, off: 0 }, e.span));
                self.top = saved;
            }
            to_body.push(jumps);
        }
        self.switch_bodies(
            sw.target,
            to_body,
            sw.cases
                .iter()
                .map(|c| (c.is_default, c.falls_through))
                .collect(),
            span,
            |fc, i| fc.stmts(&sw.cases[i].body),
        )
    }

    pub fn type_switch(&mut self, sw: &TypeSwitch, span: Span) -> CResult<()> {
        if let Some(init) = &sw.init {
            self.stmt(init)?;
        }
        let subj = self.temp();
        self.expr_to(&sw.subject, subj)?;
        let iface = self.c.rt(sw.subject.ty);
        let mut to_body = Vec::new();
        for case in &sw.cases {
            let mut jumps = Vec::new();
            for t in &case.types {
                let saved = self.top;
                let cond = match t {
                    None => {
                        let cond = self.temp();
                        self.emit(
                            Op::IsNil {
                                dst: cond,
                                src: subj,
                            },
                            case.span,
                        );
                        cond
                    }
                    Some(t) => {
                        let target = self.c.rt(*t);
                        let assert = self.c.pb.assertion(iface, target);
                        let pair = self.temps(2);
                        self.emit(
                            Op::TypeAssertOk {
                                dst: pair,
                                src: subj,
                                assert,
                            },
                            case.span,
                        );
                        pair + 1
                    }
                };
                jumps.push(self.fb.emit_jump(Op::JumpIf { cond, off: 0 }, case.span));
                self.top = saved;
            }
            to_body.push(jumps);
        }
        let flags = sw.cases.iter().map(|c| (c.is_default, false)).collect();
        self.switch_bodies(sw.target, to_body, flags, span, |fc, i| {
            let case = &sw.cases[i];
            if let Some(bind) = case.bind {
                let r = fc.local_reg[bind.0 as usize];
                let val = fc.temp();
                match case.types.as_slice() {
                    [Some(t)] => {
                        let target = fc.c.rt(*t);
                        let assert = fc.c.pb.assertion(iface, target);
                        let pair = fc.temps(2);
                        fc.emit(
                            Op::TypeAssertOk {
                                dst: pair,
                                src: subj,
                                assert,
                            },
                            case.span,
                        );
                        // The bound variable is a copy: writing it must not
                        // change the interface's struct or array.
                        if fc.c.is_agg(*t) {
                            fc.emit(
                                Op::CopyAgg {
                                    dst: val,
                                    src: pair,
                                },
                                case.span,
                            );
                        } else {
                            fc.emit(
                                Op::Move {
                                    dst: val,
                                    src: pair,
                                },
                                case.span,
                            );
                        }
                    }
                    _ => fc.emit(
                        Op::Move {
                            dst: val,
                            src: subj,
                        },
                        case.span,
                    ),
                }
                if fc.boxed[bind.0 as usize] {
                    fc.emit(Op::NewCell { dst: r, src: val }, case.span);
                } else {
                    fc.emit(Op::Move { dst: r, src: val }, case.span);
                }
            }
            fc.stmts(&case.body)
        })
    }

    /// Lays out case bodies after the tests: no match goes to `default` (or
    /// out); each body ends by leaving the switch unless it falls through.
    pub(super) fn switch_bodies(
        &mut self,
        target: crate::hir::TargetId,
        to_body: Vec<Vec<JumpLabel>>,
        flags: Vec<(bool, bool)>,
        span: Span,
        mut body: impl FnMut(&mut Self, usize) -> CResult<()>,
    ) -> CResult<()> {
        let no_match = self.fb.emit_jump(Op::Jump { off: 0 }, span);
        let default = flags.iter().position(|(d, _)| *d);
        let mut no_match = Some(no_match);
        self.targets.push(Target {
            id: target,
            breaks: Vec::new(),
            continues: Vec::new(),
        });
        let mut ends = Vec::new();
        for (i, jumps) in to_body.into_iter().enumerate() {
            for j in jumps {
                self.patch(j, span)?;
            }
            if Some(i) == default {
                if let Some(j) = no_match.take() {
                    self.patch(j, span)?;
                }
            }
            let saved = self.top;
            body(self, i)?;
            self.top = saved;
            // No jump to the end after a fallthrough or after a body that
            // cannot run past its end (it returns, panics or breaks).
            if !flags[i].1 && self.fb.end_reachable() {
                ends.push(self.fb.emit_jump(Op::Jump { off: 0 }, span));
            }
        }
        if let Some(j) = no_match {
            self.patch(j, span)?;
        }
        for j in ends {
            self.patch(j, span)?;
        }
        let t = self.targets.pop().expect("switch target");
        for j in t.breaks {
            self.patch(j, span)?;
        }
        // A `continue` inside a switch belongs to an enclosing loop.
        if let Some(outer) = self.targets.last_mut() {
            outer.continues.extend(t.continues);
        }
        Ok(())
    }
}
