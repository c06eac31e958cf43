//! Channels: a placeholder so `Value::Chan` exists today; the real channel arrives with issue 5.

/// A channel (buffer, waiting senders and receivers come with issue 5).
#[derive(Debug, Default)]
pub struct Chan {
    /// Capacity given to `make(chan T, cap)`.
    pub cap: u32,
}
