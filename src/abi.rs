//! The numbers JS and the wasm bindings (`src/wasm/`) agree on, defined once: `cargo xtask`
//! writes them into the glue (`pkg-template/src/generated/core.ts`) with the limits below.

/// What a parsing call's argument is, 3 bits per argument.
pub mod arg {
    pub const STRING: u32 = 0;
    /// `undefined` or `null`.
    pub const MISSING: u32 = 1;
    /// Anything else.
    pub const OTHER: u32 = 2;
}

/// A request parameter's value kind, one word after its key and value lengths.
pub mod value {
    pub const STRING: u32 = 0;
    pub const NUMBER: u32 = 1;
    pub const BOOLEAN: u32 = 2;
    /// The value's `JSON.stringify` text: an object, an array or null.
    pub const JSON_TEXT: u32 = 3;
}

/// Flag bits of the signing and request calls.
pub mod flag {
    /// `emptyValues: "keep"`.
    pub const KEEP_EMPTY: u32 = 1;
    /// `values: "node-sdk"`.
    pub const NODE_SDK_VALUES: u32 = 2;
    /// (Signing) answer the string to sign instead of the signature.
    pub const STRING_TO_SIGN: u32 = 4;
    /// (Requests) make the request id.
    pub const MAKE_REQUEST_ID: u32 = 8;
    /// (Requests) prepare the parameters as the typed method of the action sends them.
    pub const PREPARE: u32 = 16;
}

/// The longest text JS hands over for parsing, in UTF-16 units: one with more has more UTF-8
/// bytes than the core's JSON limit, which it refuses whatever follows.
pub const MAX_TEXT_UNITS: usize = crate::json::MAX_TEXT_BYTES + 1;
/// The longest joined request text, in UTF-16 units: UTF-8 has at least one byte per unit, so
/// longer text cannot make a body under the core's limit.
pub const MAX_JOINED_UNITS: usize = crate::request::MAX_BODY_BYTES;
