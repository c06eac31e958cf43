//! Type assertions on interface values, and Go's `interface conversion` panic texts.

use crate::panic;
use crate::program::AssertDesc;
use crate::rtype::{RtKind, RtTypeId, RtTypes};
use crate::value::Value;

/// `v.(target)`: the result when the assertion holds. For a concrete target
/// that is the dynamic value; for an interface target, the interface itself.
pub fn assert(types: &RtTypes, v: &Value, target: RtTypeId) -> Option<Value> {
    let Value::Iface(iface) = v else { return None };
    match &types.get(target).kind {
        RtKind::Interface { methods } => types.implements(iface.ty, methods).then(|| v.clone()),
        _ => (iface.ty == target).then(|| iface.val.clone()),
    }
}

/// The panic of a failed `v.(T)`: Go's runtime.TypeAssertionError text.
#[cold]
pub fn assertion_error(types: &RtTypes, v: &Value, desc: AssertDesc) -> Value {
    let iface_name = match types.get(desc.iface).kind {
        RtKind::Interface { ref methods }
            if methods.is_empty() && types.get(desc.iface).name.is_none() =>
        {
            "interface {}".to_string()
        }
        _ => types.name(desc.iface),
    };
    let target = types.name(desc.target);
    let msg = match v {
        Value::Iface(iface) => {
            let dynamic = types.name(iface.ty);
            match &types.get(desc.target).kind {
                RtKind::Interface { methods } => {
                    let missing = types
                        .missing_method(iface.ty, methods)
                        .map(|m| m.name.clone())
                        .unwrap_or_default();
                    format!(
                        "interface conversion: {dynamic} is not {target}: missing method {missing}"
                    )
                }
                _ => format!("interface conversion: {iface_name} is {dynamic}, not {target}"),
            }
        }
        // Go's assertE2I/assertI2I (an interface target) leaves the source
        // interface unnamed; a concrete target names the static type.
        _ => match &types.get(desc.target).kind {
            RtKind::Interface { .. } => {
                format!("interface conversion: interface is nil, not {target}")
            }
            _ => format!("interface conversion: {iface_name} is nil, not {target}"),
        },
    };
    panic::runtime_error(RtTypeId::TYPE_ASSERTION_ERROR, msg)
}
