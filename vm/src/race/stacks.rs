//! Call stacks of accesses, interned as a tree so that remembering where an access happened costs two numbers.
//!
//! A node is (parent node, the pc of the call in the parent's function, the
//! called function). Every frame caches its node in `Frame::race_node`
//! (0 = not computed yet), filled lazily on the frame's first checked access,
//! so a stack is walked once per frame, not once per access. An access is
//! then remembered as (node of its frame, its pc).

use std::fmt::Write as _;
use std::rc::Rc;

use super::shadow::{direct_mapped_slot, PtrMap};
use crate::frame::{Frame, ReturnTo};
use crate::program::{FuncProto, Program};

struct Node {
    parent: u32,
    call_pc: u32,
    proto: Option<Rc<FuncProto>>,
    /// The program's own code (`main.`): only its accesses are checked and
    /// only its frames are printed (the library's synchronization is modelled
    /// at the primitives it is built on, see mod.rs).
    user: bool,
}

pub struct Stacks {
    nodes: Vec<Node>,
    index: PtrMap<(u32, u32, usize), u32>,
    /// Recently interned nodes: (parent, call pc, function, node),
    /// direct-mapped by `recent_slot`, before `index`. Every call makes a
    /// frame whose node is found on its first checked access (a closure
    /// called in a loop: one lookup per call); node 0 marks an empty entry.
    recent: Box<[(u32, u32, usize, u32); RECENT_NODES]>,
}

/// Entries of `Stacks::recent` (a power of two).
const RECENT_NODES: usize = 256;

/// The `Stacks::recent` entry of a node's key.
#[inline]
fn recent_slot(parent: u32, call_pc: u32, proto: usize) -> usize {
    let mixed = (proto as u64) ^ ((parent as u64) << 32 | call_pc as u64);
    direct_mapped_slot(mixed, RECENT_NODES)
}

impl Default for Stacks {
    fn default() -> Stacks {
        Stacks {
            // Node 0 is the root (no frame); a frame never holds it, so 0 can mean "not computed".
            nodes: vec![Node {
                parent: 0,
                call_pc: 0,
                proto: None,
                user: false,
            }],
            index: PtrMap::default(),
            recent: Box::new([(0, 0, 0, 0); RECENT_NODES]),
        }
    }
}

impl Stacks {
    fn intern(&mut self, parent: u32, call_pc: u32, proto: &Rc<FuncProto>) -> u32 {
        let key = (parent, call_pc, Rc::as_ptr(proto) as usize);
        // A node keeps its function alive, so its address names it.
        let slot = recent_slot(parent, call_pc, key.2);
        let (p, c, f, node) = self.recent[slot];
        if node != 0 && (p, c, f) == key {
            return node;
        }
        let node = self.intern_new(key, proto);
        self.recent[slot] = (parent, call_pc, key.2, node);
        node
    }

    /// `intern` past the `recent` cache: the node from `index`, or a new one.
    #[inline(never)]
    fn intern_new(&mut self, key: (u32, u32, usize), proto: &Rc<FuncProto>) -> u32 {
        let (parent, call_pc, _) = key;
        if let Some(&node) = self.index.get(&key) {
            return node;
        }
        let node = self.nodes.len() as u32;
        self.nodes.push(Node {
            parent,
            call_pc,
            proto: Some(proto.clone()),
            user: proto.name.starts_with("main."),
        });
        self.index.insert(key, node);
        node
    }

    /// The node of the running (last) frame, computing and caching missing ones.
    #[inline(always)]
    pub fn top_node(&mut self, frames: &mut [Frame]) -> u32 {
        match frames.last() {
            Some(f) if f.race_node != 0 => f.race_node,
            _ => self.compute_top_node(frames),
        }
    }

    /// `top_node` when the last frame's node is not cached yet (or there is no frame).
    #[inline(never)]
    fn compute_top_node(&mut self, frames: &mut [Frame]) -> u32 {
        let n = frames.len();
        if n == 0 {
            return 0;
        }
        let mut first = n;
        while first > 0 && frames[first - 1].race_node == 0 {
            first -= 1;
        }
        let mut node = if first == 0 {
            0
        } else {
            frames[first - 1].race_node
        };
        for k in first..n {
            let (parent, call_pc) = self.link(frames, k, node);
            node = self.intern(parent, call_pc, &frames[k].proto);
            frames[k].race_node = node;
        }
        node
    }

    /// The parent node and call pc of frame `k`, whose caller's node is `caller`.
    /// A call deferred to a normal return hangs below the caller's caller: Go's
    /// instrumented function has already left when its deferred calls run, so
    /// its reports do not show it.
    fn link(&self, frames: &[Frame], k: usize, caller: u32) -> (u32, u32) {
        if k == 0 {
            return (0, 0);
        }
        if matches!(frames[k].return_to, ReturnTo::DeferOnReturn) && caller != 0 {
            let c = &self.nodes[caller as usize];
            return (c.parent, c.call_pc);
        }
        // A caller's pc is past its call instruction.
        (caller, frames[k - 1].pc.saturating_sub(1))
    }

    /// The same without caching, for a goroutine borrowed immutably (the `go` statement's creator).
    pub fn node_of(&mut self, frames: &[Frame]) -> u32 {
        let mut node = 0;
        for (k, frame) in frames.iter().enumerate() {
            if frame.race_node != 0 {
                node = frame.race_node;
                continue;
            }
            let (parent, call_pc) = self.link(frames, k, node);
            node = self.intern(parent, call_pc, &frame.proto);
        }
        node
    }

    #[inline]
    pub fn is_user(&self, node: u32) -> bool {
        self.nodes[node as usize].user
    }

    /// The innermost user frame's node of an access made at (`node`, `pc`),
    /// with the pc in that frame (its call into the library); `None` when no
    /// frame is the program's.
    pub fn user_node(&self, mut node: u32, mut pc: u32) -> Option<(u32, u32)> {
        while node != 0 {
            let n = &self.nodes[node as usize];
            if n.user {
                return Some((node, pc));
            }
            pc = n.call_pc;
            node = n.parent;
        }
        None
    }

    /// The innermost user frame of an access: (function, pc), for deduplication.
    pub fn top_user(&self, mut node: u32, mut pc: u32) -> Option<(&Rc<FuncProto>, u32)> {
        while node != 0 {
            let n = &self.nodes[node as usize];
            if n.user {
                return n.proto.as_ref().map(|p| (p, pc));
            }
            pc = n.call_pc;
            node = n.parent;
        }
        None
    }

    /// Go's race-report stack: `  main.f()` / `      FILE:LINE +0xPC`, innermost first.
    pub fn write(&self, out: &mut String, program: &Program, mut node: u32, mut pc: u32) {
        while node != 0 {
            let n = &self.nodes[node as usize];
            if let (true, Some(proto)) = (n.user, &n.proto) {
                let _ = writeln!(out, "  {}()", proto.name);
                let _ = writeln!(
                    out,
                    "      {} +0x{:x}",
                    program.location(proto, pc as usize),
                    pc
                );
            }
            pc = n.call_pc;
            node = n.parent;
        }
    }
}
