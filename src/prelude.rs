//! What the std prelude gives, from `alloc`: the crate builds without std for wasm.

pub use alloc::borrow::ToOwned;
pub use alloc::string::String;
pub use alloc::vec;
pub use alloc::vec::Vec;
