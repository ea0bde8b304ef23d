//! The WebSocket push channel, sans-IO: frames to send, typed events from frames received, and
//! a state machine that says what to do next given the time (the glue owns the socket and timers).

pub mod events;
pub mod frames;
pub mod session;

pub use events::PushEvent;
pub use session::{Command, PushConfig, PushSession};
