//! Block scopes inside function bodies: local variables, local constants and types, and closure captures.

use crate::check::HashMap;

use gomini_lexer::Span;

use super::constant::Const;
use super::package::ObjId;
use super::universe::Predeclared;
use super::Checker;
use crate::hir::{self, Capture, LocalId, TargetId};
use crate::types::TypeId;

/// What a name declared in a block denotes.
#[derive(Clone, Debug)]
pub enum Entity {
    /// A variable of function `fn_idx` (an index into `Checker::fns`).
    Local {
        fn_idx: usize,
        id: LocalId,
    },
    Const {
        ty: TypeId,
        value: Const,
    },
    Type(TypeId),
    /// A declared name whose declaration failed: uses are silently invalid.
    Invalid,
}

/// A block scope.
pub struct Block {
    /// The function (index into `Checker::fns`) the block belongs to.
    #[allow(dead_code)]
    pub fn_idx: usize,
    pub names: HashMap<Box<str>, Entity>,
}

/// A breakable statement in scope, for `break`/`continue` resolution.
pub struct Target {
    pub id: TargetId,
    pub label: Option<Box<str>>,
    pub is_loop: bool,
}

/// A function body being checked.
pub struct FnCtx {
    pub locals: Vec<hir::Local>,
    /// Per local: read somewhere (for `declared and not used`).
    pub used: Vec<bool>,
    pub captures: Vec<Capture>,
    /// (fn_idx of the owner, local) → capture slot in this function.
    pub capture_slots: HashMap<(usize, LocalId), u32>,
    pub results: Vec<TypeId>,
    pub result_locals: Vec<LocalId>,
    pub named_results: bool,
    pub targets: Vec<Target>,
    pub n_targets: u32,
    /// The function's id (closures included), for naming nested literals.
    pub func: hir::FuncId,
    pub n_closures: u32,
}

/// The result of looking a name up.
pub enum Lookup {
    Local(hir::ExprKind, TypeId, Option<(usize, LocalId)>),
    Const(TypeId, Const),
    Type(TypeId),
    Obj(ObjId),
    Predeclared(Predeclared),
    Invalid,
    NotFound,
}

impl<'l> Checker<'l> {
    pub(crate) fn push_fn(&mut self, func: hir::FuncId, results: Vec<TypeId>) {
        self.fns.push(FnCtx {
            locals: Vec::new(),
            used: Vec::new(),
            captures: Vec::new(),
            capture_slots: HashMap::default(),
            results,
            result_locals: Vec::new(),
            named_results: false,
            targets: Vec::new(),
            n_targets: 0,
            func,
            n_closures: 0,
        });
    }

    pub(crate) fn push_scope(&mut self) {
        let fn_idx = self.fns.len().saturating_sub(1);
        self.scopes.push(Block {
            fn_idx,
            names: HashMap::default(),
        });
    }

    /// Closes a block: reports its unused variables.
    pub(crate) fn pop_scope(&mut self) {
        let Some(block) = self.scopes.pop() else {
            return;
        };
        if !self.opts.unused_errors {
            return;
        }
        let mut unused = Vec::new();
        for entity in block.names.values() {
            if let Entity::Local { fn_idx, id } = entity {
                let ctx = &self.fns[*fn_idx];
                if !ctx.used[id.0 as usize] && !ctx.result_locals.contains(id) {
                    unused.push((
                        ctx.locals[id.0 as usize].span,
                        ctx.locals[id.0 as usize].name.clone(),
                    ));
                }
            }
        }
        for (span, name) in unused {
            self.error(span, format!("declared and not used: {name}"));
        }
    }

    /// Adds a variable to the current function; `declare` puts it in the current block.
    pub(crate) fn new_local(&mut self, name: &str, ty: TypeId, span: Span) -> LocalId {
        let ctx = self
            .fns
            .last_mut()
            .expect("checker invariant: a local outside any function");
        let id = LocalId(ctx.locals.len() as u32);
        ctx.locals.push(hir::Local {
            name: name.to_string(),
            ty,
            span,
            captured: false,
            addr_taken: false,
            per_iteration: false,
        });
        ctx.used.push(false);
        id
    }

    /// Declares `name` in the innermost block; reports a redeclaration.
    pub(crate) fn declare(&mut self, name: &str, span: Span, entity: Entity) {
        if name == "_" {
            return;
        }
        let Some(block) = self.scopes.last_mut() else {
            return;
        };
        if block.names.contains_key(name) {
            self.error(span, format!("{name} redeclared in this block"));
            return;
        }
        block.names.insert(name.into(), entity);
    }

    /// Declares a fresh local variable in the innermost block.
    pub(crate) fn declare_local(&mut self, name: &str, ty: TypeId, span: Span) -> LocalId {
        let id = self.new_local(name, ty, span);
        let fn_idx = self.fns.len() - 1;
        // A variable whose initialiser failed is not also reported as unused (as in Go).
        if name == "_" || ty == TypeId::INVALID {
            self.fns[fn_idx].used[id.0 as usize] = true;
        }
        self.declare(name, span, Entity::Local { fn_idx, id });
        id
    }

    /// Whether `name` is declared in the innermost block itself.
    pub(crate) fn declared_here(&self, name: &str) -> Option<Entity> {
        self.scopes.last().and_then(|b| b.names.get(name).cloned())
    }

    /// Looks `name` up from the innermost block outwards; a local of an enclosing
    /// function becomes a capture of every function in between.
    pub(crate) fn lookup(&mut self, name: &str) -> Lookup {
        let mut found = None;
        for block in self.scopes.iter().rev() {
            if let Some(entity) = block.names.get(name) {
                found = Some(entity.clone());
                break;
            }
        }
        match found {
            Some(Entity::Local { fn_idx, id }) => {
                let ty = self.fns[fn_idx].locals[id.0 as usize].ty;
                let cur = self.fns.len() - 1;
                if fn_idx == cur {
                    return Lookup::Local(hir::ExprKind::Local(id), ty, Some((fn_idx, id)));
                }
                self.fns[fn_idx].locals[id.0 as usize].captured = true;
                let slot = self.capture_slot(cur, fn_idx, id);
                return Lookup::Local(hir::ExprKind::Capture(slot), ty, Some((fn_idx, id)));
            }
            Some(Entity::Const { ty, value }) => return Lookup::Const(ty, value),
            Some(Entity::Type(ty)) => return Lookup::Type(ty),
            Some(Entity::Invalid) => return Lookup::Invalid,
            None => {}
        }
        let pkg = &self.pkgs[self.cur_pkg];
        if let Some(&id) = pkg.scope.get(name) {
            return Lookup::Obj(id);
        }
        if let Some(&id) = pkg.imports.get(name) {
            return Lookup::Obj(id);
        }
        match self.universe.get(name) {
            Some(p) => Lookup::Predeclared(*p),
            None => Lookup::NotFound,
        }
    }

    /// The capture slot in function `fn_idx` for `owner`'s local `id`, threading it through intermediate closures.
    fn capture_slot(&mut self, fn_idx: usize, owner: usize, id: LocalId) -> u32 {
        if let Some(&slot) = self.fns[fn_idx].capture_slots.get(&(owner, id)) {
            return slot;
        }
        let source = if fn_idx == owner + 1 {
            Capture::Local(id)
        } else {
            Capture::Capture(self.capture_slot(fn_idx - 1, owner, id))
        };
        let ctx = &mut self.fns[fn_idx];
        let slot = ctx.captures.len() as u32;
        ctx.captures.push(source);
        ctx.capture_slots.insert((owner, id), slot);
        slot
    }

    /// Marks a local as read.
    pub(crate) fn mark_used(&mut self, owner: Option<(usize, LocalId)>) {
        if let Some((fn_idx, id)) = owner {
            self.fns[fn_idx].used[id.0 as usize] = true;
        }
    }

    pub(crate) fn mark_addr_taken(&mut self, owner: (usize, LocalId)) {
        self.fns[owner.0].locals[owner.1 .0 as usize].addr_taken = true;
    }

    pub(crate) fn new_target(&mut self, label: Option<Box<str>>, is_loop: bool) -> TargetId {
        let ctx = self
            .fns
            .last_mut()
            .expect("checker invariant: a loop outside any function");
        let id = TargetId(ctx.n_targets);
        ctx.n_targets += 1;
        ctx.targets
            .push(super::scope::Target { id, label, is_loop });
        id
    }

    pub(crate) fn pop_target(&mut self) {
        if let Some(ctx) = self.fns.last_mut() {
            ctx.targets.pop();
        }
    }
}
