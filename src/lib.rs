//! Sans-IO core of the Tencent Cloud IoT Explorer App API SDK: it builds signed (`appapi`) and
//! AccessToken (`tokenapi`) requests and parses responses into typed results or typed errors.
//! It never does I/O and never reads a clock or an RNG: time, nonce and request id are inputs.
//! The wasm bindings (`src/wasm/`) fill in those defaults at the edge.
// No std in the wasm build: its panic machinery formats messages nobody reads, kilobytes of
// wasm (a panic aborts the instance; see `panic_handler.rs`).
#![cfg_attr(all(target_arch = "wasm32", not(test)), no_std)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

extern crate alloc;

mod prelude;

pub mod abi;
pub mod actions;
pub mod endpoint;
pub(crate) mod envelope;
pub mod error;
pub mod error_code;
pub mod json;
pub mod number;
pub mod params;
pub mod request;
pub mod response;
pub mod secret;
pub mod sign;
mod text;
mod value_text;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use endpoint::{Api, Endpoint};
pub use error::{Error, ErrorKind, Result};
pub use json::Value;
pub use params::Params;
pub use request::{
    build_app_api_request, build_token_api_request, AppApiCall, HttpRequest, SignedRequest,
    TokenApiCall,
};
pub use response::{parse_response, ApiResponse};
pub use secret::AppSecret;
pub use sign::{sign, string_to_sign, EmptyValues, Signed, SigningOptions, ValueFormat};
